//! The essay outline as a Word file (.docx): the same outline as the
//! Markdown, its headings Word's own heading styles (so Word's navigation
//! pane lists them), its points real bullets nested as deep as the
//! argument, the citations under each point, emphasis kept.

use super::ExportError;
use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
    NumberingId, Paragraph, Run, SpecialIndentType, Start, Style, StyleType,
};

/// Word's measure: twentieths of a point. Each level of the outline stands
/// this much further in.
const STEP: i32 = 360;
/// Levels of bullets Word offers.
const LEVELS: usize = 9;
const BULLETS: usize = 1;

/// The outline of `map` as a Word document.
pub fn to_docx(map: &crate::model::Map) -> Result<Vec<u8>, ExportError> {
    from_markdown(&super::essay::to_outline(map))
}

/// The Markdown the outline is written in (headings, nested `- ` points,
/// `— ` citations under them, `**` and `*` emphasis, backslash escapes and
/// the three entities) as a Word document.
fn from_markdown(markdown: &str) -> Result<Vec<u8>, ExportError> {
    let mut bullets = AbstractNumbering::new(BULLETS);
    for level in 0..LEVELS {
        let at = STEP * (level as i32 + 1);
        bullets = bullets.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(if level % 2 == 0 { "•" } else { "◦" }),
                LevelJc::new("left"),
            )
            .indent(Some(at), Some(SpecialIndentType::Hanging(STEP)), None, None),
        );
    }
    let mut docx = Docx::new()
        .add_style(heading_style(1, 32))
        .add_style(heading_style(2, 28))
        .add_style(heading_style(3, 24))
        .add_abstract_numbering(bullets)
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    for (n, line) in markdown.lines().enumerate() {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let paragraph = if let Some((level, words)) = heading(text) {
            runs(Paragraph::new(), words).style(&format!("Heading{level}"))
        } else if let Some(words) = text.strip_prefix("- ") {
            let level = (spaces / 2).min(LEVELS - 1);
            runs(Paragraph::new(), words)
                .numbering(NumberingId::new(BULLETS), IndentLevel::new(level))
        } else {
            // A citation or a line under a point: as far in as the point's words.
            runs(Paragraph::new(), text).indent(Some(STEP * (spaces / 2) as i32), None, None, None)
        };
        // Numbered by line here: the library's own count goes on from one
        // file to the next, and the same map must give the same bytes.
        let mut paragraph = paragraph;
        paragraph.id = format!("{:08X}", n + 1);
        docx = docx.add_paragraph(paragraph);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| ExportError::Render(format!("could not write the Word file: {e}")))?;
    Ok(out.into_inner())
}

fn heading_style(level: usize, half_points: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .size(half_points)
        .bold()
        .outline_lvl(level - 1)
}

/// A Markdown heading's level and words.
fn heading(text: &str) -> Option<(usize, &str)> {
    let level = text.chars().take_while(|&c| c == '#').count();
    let words = text[level..].strip_prefix(' ')?;
    (1..=6).contains(&level).then_some((level.min(3), words))
}

/// `words` as runs: bold and italic where `**` and `*` say, escapes and
/// entities read back to the characters they stand for.
fn runs(mut paragraph: Paragraph, words: &str) -> Paragraph {
    let (mut bold, mut italic) = (false, false);
    let mut text = String::new();
    let flush = |paragraph: Paragraph, text: &mut String, bold: bool, italic: bool| {
        if text.is_empty() {
            return paragraph;
        }
        let words = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        text.clear();
        let mut run = Run::new().add_text(words);
        if bold {
            run = run.bold();
        }
        if italic {
            run = run.italic();
        }
        paragraph.add_run(run)
    };
    let mut chars = words.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    text.push(next);
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                paragraph = flush(paragraph, &mut text, bold, italic);
                bold = !bold;
            }
            '*' => {
                paragraph = flush(paragraph, &mut text, bold, italic);
                italic = !italic;
            }
            _ => text.push(c),
        }
    }
    flush(paragraph, &mut text, bold, italic)
}
