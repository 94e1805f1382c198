//! PDFs: `pdf-extract` places each character on its page; this module
//! turns the characters back into an article. Lines are found by baseline,
//! columns by where lines start, paragraphs by the space between lines and
//! the shape of their ends. Running headers and footers (lines in the top
//! or bottom margin that repeat from page to page), page numbers, footnote
//! marks and pull quotes (large print repeating the body's words) are
//! dropped; a word split by a hyphen at a line's end is joined again.

use super::paragraphs::Vocabulary;
use super::{About, DocumentError, Kind, Reading, readable_date};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::collections::HashMap;

/// More pages than any article; a hostile file must not take minutes.
const MAX_PAGES: usize = 2_000;
/// The top and bottom share of a page where running heads and page numbers sit.
const MARGIN_BAND: f64 = 0.1;

pub fn read(bytes: &[u8]) -> Result<Reading, DocumentError> {
    let kind = Kind::Pdf;
    let mut document =
        pdf_extract::Document::load_mem(bytes).map_err(|e| DocumentError::damaged(kind, e))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(DocumentError::Encrypted);
    }
    if document.get_pages().len() > MAX_PAGES {
        return Err(DocumentError::damaged(
            kind,
            format!("it has more than {MAX_PAGES} pages"),
        ));
    }
    normalise_widths(&mut document);
    let mut info = info(&document);
    let mut pages = Pages::default();
    // The extractor asserts on some malformed files; a document that trips
    // it is damaged, never a reason to close Argmap.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc(&document, &mut pages)
    }));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(DocumentError::damaged(kind, e)),
        Err(_) => {
            return Err(DocumentError::damaged(
                kind,
                "its page contents could not be read",
            ));
        }
    }
    let mut article = assemble(&pages.done, &info.title);
    if info.title.is_empty()
        && let Some(title) = article.title.take()
    {
        info.title = title;
    }
    Ok(Reading {
        kind,
        about: info,
        paragraphs: article.paragraphs,
        dropped: article.dropped,
    })
}

/// Rewrites each CID font's widths (`/W`) in the list form only. The
/// extractor misreads the range form (`first last width`), which many
/// writers use, and would place every character of such a font at one spot.
fn normalise_widths(document: &mut pdf_extract::Document) {
    use pdf_extract::Object;
    for object in document.objects.values_mut() {
        let Object::Dictionary(dictionary) = object else {
            continue;
        };
        if !matches!(dictionary.get(b"Subtype"), Ok(Object::Name(n)) if n.starts_with(b"CIDFontType"))
        {
            continue;
        }
        let Ok(Object::Array(widths)) = dictionary.get(b"W") else {
            continue;
        };
        let mut listed = Vec::new();
        let mut i = 0;
        while i < widths.len() {
            match (widths.get(i), widths.get(i + 1), widths.get(i + 2)) {
                (Some(first), Some(Object::Array(list)), _) => {
                    listed.push(first.clone());
                    listed.push(Object::Array(list.clone()));
                    i += 2;
                }
                (Some(first), Some(last), Some(width)) => {
                    let (Ok(first), Ok(last)) = (first.as_i64(), last.as_i64()) else {
                        return;
                    };
                    // A hostile range must not become a billion entries.
                    let count = (last - first + 1).clamp(0, 65_536);
                    listed.push(Object::Integer(first));
                    listed.push(Object::Array(vec![width.clone(); count as usize]));
                    i += 3;
                }
                _ => break,
            }
        }
        dictionary.set("W", Object::Array(listed));
    }
}

/// Title, authors and date from the document information dictionary.
fn info(document: &pdf_extract::Document) -> About {
    let Some(dictionary) = document
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|info| match info {
            pdf_extract::Object::Reference(id) => document.get_dictionary(*id).ok(),
            pdf_extract::Object::Dictionary(d) => Some(d),
            _ => None,
        })
    else {
        return About::default();
    };
    let field = |key: &[u8]| {
        dictionary
            .get(key)
            .ok()
            .and_then(|o| o.as_str().ok())
            .map(pdf_string)
            .unwrap_or_default()
    };
    let date = field(b"CreationDate");
    let date = date.strip_prefix("D:").unwrap_or(&date);
    let iso = match (date.get(..4), date.get(4..6), date.get(6..8)) {
        (Some(y), Some(m), Some(d)) => format!("{y}-{m}-{d}"),
        _ => String::new(),
    };
    About {
        title: field(b"Title").trim().to_owned(),
        authors: field(b"Author")
            .split([';', ',', '&'])
            .flat_map(|a| a.split(" and "))
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect(),
        publication: String::new(),
        date: if iso.is_empty() {
            String::new()
        } else {
            readable_date(&iso)
        },
    }
}

/// A PDF text string: UTF-16 with its byte-order mark, else Latin-1 (near
/// enough to PDFDocEncoding for names and titles).
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let units = rest
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// One character as printed: its left edge and baseline (from the page's
/// top), its size and advance, in points.
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    y: f64,
    size: f64,
    advance: f64,
    text: String,
}

#[derive(Default)]
struct Page {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
}

/// The extractor's callbacks, collecting each page's glyphs.
#[derive(Default)]
struct Pages {
    current: Option<Page>,
    done: Vec<Page>,
}

impl OutputDev for Pages {
    fn begin_page(
        &mut self,
        _number: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.current = Some(Page {
            width: (media_box.urx - media_box.llx).abs(),
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        if let Some(page) = self.current.take() {
            self.done.push(page);
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some(page) = self.current.as_mut() else {
            return Ok(());
        };
        let (vx, vy) = (
            font_size * trm.m11 + font_size * trm.m21,
            font_size * trm.m12 + font_size * trm.m22,
        );
        let size = (vx * vy).abs().sqrt();
        let glyph = Glyph {
            x: trm.m31,
            y: page.height - trm.m32,
            size,
            advance: width * size,
            text: text.to_owned(),
        };
        if glyph.x.is_finite() && glyph.y.is_finite() && size.is_finite() && size > 0.0 {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A run of text on one baseline with no wide gap in it.
#[derive(Clone, Debug)]
struct Line {
    page: usize,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

struct Article {
    title: Option<String>,
    paragraphs: Vec<String>,
    dropped: Vec<String>,
}

fn assemble(pages: &[Page], known_title: &str) -> Article {
    let mut dropped = Vec::new();
    let body = body_size(pages);
    let mut lines: Vec<Line> = Vec::new();
    let mut starts = Vec::new();
    for (number, page) in pages.iter().enumerate() {
        starts.push(lines.len());
        lines.extend(reading_order(
            page_lines(number, page, body, &mut dropped),
            page,
        ));
    }
    let lines = drop_running_heads(lines, pages, body, &mut dropped);

    // Large print opening the first page is the title, unless the file
    // names another title: then it is the article's first heading.
    let mut title = None;
    let mut lines = lines;
    if let Some(first) = lines.first()
        && first.page == 0
        && first.size > body * 1.3
    {
        let size = first.size;
        let count = lines
            .iter()
            .take_while(|l| l.page == 0 && (l.size - size).abs() < 0.5)
            .count();
        let text = lines[..count]
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if known_title.is_empty() || words_of(known_title) == words_of(&text) {
            dropped.push(format!("the title, kept as the source's title: {text}"));
            title = Some(text);
            lines.drain(..count);
        }
    }

    let blocks = blocks(&lines, body);
    let body_words: String = blocks
        .iter()
        .filter(|b| !b.large)
        .flat_map(|b| b.lines.iter().map(|l| l.text.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    let body_words = format!(" {} ", words_of(&body_words));
    let vocabulary = Vocabulary::of(lines.iter().map(|l| l.text.as_str()));
    let mut paragraphs = Vec::new();
    let mut quote: Option<String> = None;
    for block in blocks {
        let texts: Vec<String> = block.lines.iter().map(|l| l.text.clone()).collect();
        let text = vocabulary.join(&texts);
        if block.large {
            // A pull quote repeats a phrase of the body; a heading's one or
            // two words ("Notes") may appear there by chance.
            let words = words_of(&text);
            // The rest of a pull quote broken across a column or page.
            let continued = quote.as_ref().map(|q| format!("{q} {words}"));
            if let Some(whole) = continued.filter(|w| body_words.contains(&format!(" {w} "))) {
                dropped.push(format!("a pull quote, continued: {text}"));
                quote = Some(whole);
            } else if words.split(' ').count() >= 4 && body_words.contains(&format!(" {words} ")) {
                dropped.push(format!("a pull quote: {text}"));
                quote = Some(words);
            } else {
                quote = None;
                paragraphs.push(format!("# {text}"));
            }
        } else if let Some(item) = text
            .strip_prefix("• ")
            .or_else(|| text.strip_prefix("▪ "))
            .or_else(|| text.strip_prefix("◦ "))
        {
            paragraphs.push(format!("- {item}"));
        } else {
            paragraphs.push(text);
        }
    }
    Article {
        title,
        paragraphs,
        dropped,
    }
}

/// The most common print size, weighted by characters: the body's.
fn body_size(pages: &[Page]) -> f64 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for glyph in pages.iter().flat_map(|p| &p.glyphs) {
        *counts.entry((glyph.size * 4.0).round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(size, count)| (count, -size))
        .map_or(10.0, |(size, _)| size as f64 / 4.0)
}

/// A page's glyphs as lines: grouped by baseline, ordered left to right,
/// split where the gap is a column's gutter. Footnote marks (small raised
/// digits) are dropped.
fn page_lines(number: usize, page: &Page, body: f64, dropped: &mut Vec<String>) -> Vec<Line> {
    let is_mark = |g: &Glyph| {
        g.size < body * 0.8
            && !g.text.is_empty()
            && g.text
                .chars()
                .all(|c| c.is_ascii_digit() || "*†‡".contains(c))
    };
    let (small, mut glyphs): (Vec<&Glyph>, Vec<&Glyph>) =
        page.glyphs.iter().partition(|g| is_mark(g));
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Baselines: glyphs within a third of the body size are on one line.
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in glyphs {
        let tolerance = body.min(glyph.size) * 0.35;
        match rows.last_mut() {
            Some(row) if (row[0].y - glyph.y).abs() <= tolerance => row.push(glyph),
            _ => rows.push(vec![glyph]),
        }
    }
    // A small digit raised just above a row of text, beside its words, is a
    // footnote mark; any other small digit (a page number) stays as text.
    let mut marks = 0;
    for glyph in small {
        let raised_over = rows.iter_mut().find(|row| {
            let rise = row[0].y - glyph.y;
            let (left, right) = row.iter().fold((f64::MAX, f64::MIN), |(l, r), g| {
                (l.min(g.x), r.max(g.x + g.advance))
            });
            rise > 0.0 && rise <= body * 0.6 && glyph.x >= left - body && glyph.x <= right + body
        });
        match raised_over {
            Some(_) => marks += 1,
            None => match rows
                .iter_mut()
                .find(|row| (row[0].y - glyph.y).abs() <= glyph.size * 0.35)
            {
                Some(row) => row.push(glyph),
                None => rows.push(vec![glyph]),
            },
        }
    }
    rows.sort_by(|a, b| a[0].y.total_cmp(&b[0].y));
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let main = row.iter().map(|g| g.size).fold(0.0, f64::max);
        let mut current: Option<Line> = None;
        for glyph in row {
            if glyph.text.trim().is_empty() {
                if let Some(line) = current.as_mut() {
                    line.x1 = line.x1.max(glyph.x + glyph.advance);
                    if !line.text.ends_with(' ') {
                        line.text.push(' ');
                    }
                }
                continue;
            }
            let gap = current.as_ref().map_or(0.0, |l| glyph.x - l.x1);
            // Split at any wide gap; reading_order joins the pieces again
            // unless the right one starts a column.
            if current.is_some() && gap > main * 0.8 {
                lines.extend(current.take());
            }
            match current.as_mut() {
                Some(line) => {
                    if gap > glyph.size * 0.15 && !line.text.ends_with(' ') {
                        line.text.push(' ');
                    }
                    line.text.push_str(&glyph.text);
                    line.x1 = glyph.x + glyph.advance;
                    line.size = line.size.max(glyph.size);
                }
                None => {
                    current = Some(Line {
                        page: number,
                        x0: glyph.x,
                        x1: glyph.x + glyph.advance,
                        y: glyph.y,
                        size: glyph.size,
                        text: glyph.text.clone(),
                    });
                }
            }
        }
        lines.extend(current);
    }
    if marks > 0 {
        dropped.push(format!("footnote marks on page {}: {marks}", number + 1));
    }
    for line in &mut lines {
        line.text = line.text.trim().to_owned();
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// Lines in reading order: down each column, columns left to right, and
/// text spanning the columns (a heading across the page) between bands.
fn reading_order(mut lines: Vec<Line>, page: &Page) -> Vec<Line> {
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    // Column starts: left edges shared by several lines.
    let mut edges: Vec<(f64, usize)> = Vec::new();
    for line in &lines {
        match edges.iter_mut().find(|(x, _)| (x - line.x0).abs() < 3.0) {
            Some(edge) => edge.1 += 1,
            None => edges.push((line.x0, 1)),
        }
    }
    let enough = (lines.len() / 6).max(4);
    let mut columns: Vec<f64> = edges
        .into_iter()
        .filter(|&(_, count)| count >= enough)
        .map(|(x, _)| x)
        .collect();
    columns.sort_by(f64::total_cmp);
    // A second column starts right of the middle of the first's lines.
    columns.dedup_by(|b, a| *b - *a < page.width * 0.25);
    let lines = rejoin(lines, &columns);
    if columns.len() < 2 {
        return lines;
    }
    let column_of = |line: &Line| {
        columns
            .iter()
            .rposition(|&x| x <= line.x0 + 3.0)
            .unwrap_or(0)
    };
    let spans = |line: &Line| {
        let column = column_of(line);
        columns.get(column + 1).is_some_and(|&next| line.x1 > next)
    };
    let mut ordered = Vec::with_capacity(lines.len());
    let mut band: Vec<Line> = Vec::new();
    for line in lines {
        if spans(&line) {
            flush_band(&mut band, &mut ordered, &column_of);
            ordered.push(line);
        } else {
            band.push(line);
        }
    }
    flush_band(&mut band, &mut ordered, &column_of);
    ordered
}

/// Joins pieces of one baseline split at a wide gap (a loose justified
/// line) unless the gap is a gutter: the right piece starts a column.
fn rejoin(lines: Vec<Line>, columns: &[f64]) -> Vec<Line> {
    let mut joined: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        let starts_column = columns.iter().any(|&x| (x - line.x0).abs() < 3.0);
        match joined.last_mut() {
            Some(left)
                if (left.y - line.y).abs() < 1.0
                    && !starts_column
                    && line.x0 - left.x1 < line.size.max(left.size) * 1.8 =>
            {
                left.text.push(' ');
                left.text.push_str(&line.text);
                left.x1 = line.x1;
                left.size = left.size.max(line.size);
            }
            _ => joined.push(line),
        }
    }
    joined
}

fn flush_band(band: &mut Vec<Line>, ordered: &mut Vec<Line>, column_of: &dyn Fn(&Line) -> usize) {
    band.sort_by(|a, b| column_of(a).cmp(&column_of(b)).then(a.y.total_cmp(&b.y)));
    ordered.append(band);
}

/// Drops lines in the top or bottom margin that repeat on other pages
/// (with their numbers ignored), and lone page numbers there.
fn drop_running_heads(
    lines: Vec<Line>,
    pages: &[Page],
    body: f64,
    dropped: &mut Vec<String>,
) -> Vec<Line> {
    let in_margin = |line: &Line| {
        let height = pages.get(line.page).map_or(0.0, |p| p.height);
        line.y < height * MARGIN_BAND || line.y > height * (1.0 - MARGIN_BAND)
    };
    let shape = |text: &str| -> String {
        text.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect::<String>()
            .to_lowercase()
    };
    let mut pages_with: HashMap<String, std::collections::BTreeSet<usize>> = HashMap::new();
    for line in lines.iter().filter(|l| in_margin(l)) {
        pages_with
            .entry(shape(&line.text))
            .or_default()
            .insert(line.page);
    }
    // A one-page document cannot repeat its head; there, small print in
    // the margin is taken for one.
    let repeats = |line: &Line| {
        if pages.len() == 1 {
            return line.size < body * 0.9;
        }
        pages_with
            .get(&shape(&line.text))
            .is_some_and(|p| p.len() >= 2)
    };
    let page_number = |text: &str| {
        let text = text.to_lowercase();
        let text = text.trim_start_matches("page").trim();
        !text.is_empty()
            && text
                .split(" of ")
                .all(|n| n.trim().chars().all(|c| c.is_ascii_digit()) && !n.trim().is_empty())
    };
    let mut kept = Vec::with_capacity(lines.len());
    let mut running: Vec<String> = Vec::new();
    let mut numbers = 0;
    for line in lines {
        if in_margin(&line) && page_number(&line.text) {
            numbers += 1;
        } else if in_margin(&line) && repeats(&line) {
            if !running.contains(&line.text) && running.len() < 20 {
                running.push(line.text.clone());
            }
        } else {
            kept.push(line);
        }
    }
    for text in running {
        dropped.push(format!("a running header or footer: {text}"));
    }
    if numbers > 0 {
        dropped.push(format!("page numbers: {numbers}"));
    }
    kept
}

/// Lines grouped into paragraphs (and runs of large print).
struct Block<'a> {
    large: bool,
    lines: Vec<&'a Line>,
}

fn blocks(lines: &[Line], body: f64) -> Vec<Block<'_>> {
    // The usual distance from one body line to the next.
    let mut pitches: Vec<f64> = lines
        .windows(2)
        .filter(|w| w[0].page == w[1].page && w[1].y > w[0].y && is_body(&w[0], body))
        .map(|w| w[1].y - w[0].y)
        .collect();
    pitches.sort_by(f64::total_cmp);
    let pitch = pitches
        .get(pitches.len() / 2)
        .copied()
        .unwrap_or(body * 1.2);
    // The right edge full lines reach, per page and column start: a high
    // percentile of line ends, so one line spanning the columns (a
    // standfirst) does not widen the first column.
    let mut ends: HashMap<(usize, i64), Vec<f64>> = HashMap::new();
    for line in lines.iter().filter(|l| is_body(l, body)) {
        let key = (line.page, (line.x0 / 20.0).floor() as i64);
        ends.entry(key).or_default().push(line.x1);
    }
    let right: HashMap<(usize, i64), f64> = ends
        .into_iter()
        .map(|(key, mut ends)| {
            ends.sort_by(f64::total_cmp);
            (key, ends[(ends.len() * 4 / 5).min(ends.len() - 1)])
        })
        .collect();
    // A line is full when the next line's first word would not have fitted
    // in the room left at its end (ragged-right text ends short by a word).
    let full = |line: &Line, next: &Line| {
        let characters = line.text.chars().count().max(1) as f64;
        let average = (line.x1 - line.x0) / characters;
        let first_word = next.text.split(' ').next().map_or(0, |w| w.chars().count());
        let room = (first_word + 1) as f64 * average * 1.15 + body * 0.5;
        right
            .iter()
            .filter(|((page, _), _)| *page == line.page)
            .map(|(_, &edge)| edge)
            .filter(|&edge| edge >= line.x1 - body * 2.0)
            .any(|edge| edge - line.x1 < room.max(body * 2.5))
    };
    let mut blocks: Vec<Block> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let large = line.size > body * 1.15;
        let Some(previous) = i.checked_sub(1).map(|p| &lines[p]) else {
            blocks.push(Block {
                large,
                lines: vec![line],
            });
            continue;
        };
        let same_column = previous.page == line.page
            && line.y > previous.y
            && (line.x0 - previous.x0).abs() < body * 4.0;
        let gap = line.y - previous.y;
        let indented = line.x0 > previous.x0 + body * 0.8 && same_column;
        let outdented = previous.x0 > line.x0 + body * 0.8 && same_column;
        // Closing quotes and note marks may follow a sentence's stop.
        let ends_sentence = previous
            .text
            .trim_end_matches(|c: char| {
                matches!(c, '"' | '”' | '’' | '\'' | ')' | '*' | '†' | '‡')
                    || is_superscript_digit(c)
            })
            .ends_with(['.', '?', '!', ':']);
        let bullet = line.text.starts_with(['•', '▪', '◦']);
        let new_paragraph = large != blocks.last().is_some_and(|b| b.large)
            || bullet
            || (same_column && gap > pitch * 1.4)
            || (indented && ends_sentence)
            || (!large && !full(previous, line) && ends_sentence)
            || (large && same_column && gap > pitch * 2.0)
            || (!same_column
                && previous.page == line.page
                && line.y > previous.y
                && !outdented
                && gap > pitch * 1.4);
        match blocks.last_mut() {
            Some(block) if !new_paragraph => block.lines.push(line),
            _ => blocks.push(Block {
                large,
                lines: vec![line],
            }),
        }
    }
    blocks
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹')
}

fn is_body(line: &Line, body: f64) -> bool {
    (line.size - body).abs() <= body * 0.15
}

/// Lower-case words joined by single spaces, to find a pull quote's words
/// in the body.
fn words_of(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_and_truncated_files_are_damaged_not_a_panic() {
        for bytes in [
            &b"%PDF-1.7\n garbage"[..],
            b"%PDF-",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog",
        ] {
            assert!(matches!(
                read(bytes),
                Err(DocumentError::Damaged { kind: "PDF", .. })
            ));
        }
    }

    #[test]
    fn page_numbers_and_running_heads_are_recognised() {
        let page = |texts: &[(f64, &str)]| Page {
            width: 600.0,
            height: 800.0,
            glyphs: texts
                .iter()
                .flat_map(|&(y, text)| {
                    text.chars().enumerate().map(move |(i, c)| Glyph {
                        x: 50.0 + i as f64 * 5.0,
                        y,
                        size: 10.0,
                        advance: 5.0,
                        text: c.to_string(),
                    })
                })
                .collect::<Vec<_>>(),
        };
        let pages = [
            page(&[
                (30.0, "The Review 2019"),
                (100.0, "A line as wide as the column."),
                (112.0, "First words."),
                (780.0, "1"),
            ]),
            page(&[
                (30.0, "The Review 2019"),
                (100.0, "Second words."),
                (780.0, "2"),
            ]),
        ];
        let article = assemble(&pages, "");
        assert_eq!(
            article.paragraphs,
            [
                "A line as wide as the column. First words.",
                "Second words."
            ]
        );
        assert!(
            article
                .dropped
                .iter()
                .any(|d| d.contains("The Review 2019"))
        );
        assert!(article.dropped.iter().any(|d| d == "page numbers: 2"));
    }
}
