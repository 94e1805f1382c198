//! The feedback report a teacher hands back: one content ([`Feedback`]),
//! written as Markdown or as a web page. Whatever a student or an article
//! wrote is escaped in each, so a claim's text never becomes a link, a
//! picture, a script or markup in the teacher's viewer.

use super::{Comparison, Verdict};
use crate::analysis::spoken::link_sentence;
use crate::model::{ClaimId, Map, excerpt};
use std::fmt::Write as _;

/// What a report says, as plain text: each rendering escapes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    pub student: String,
    pub model: String,
    /// The score table: a header row, then one row for claims, one for links.
    pub table: Vec<Vec<String>>,
    /// A sentence under the table.
    pub remark: String,
    /// Headed lists; empty ones are left out.
    pub sections: Vec<(&'static str, Vec<String>)>,
}

/// A claim's words on one line, cut to `max` characters, in quotation marks.
fn quoted(text: &str, max: usize) -> String {
    format!("“{}”", excerpt(text, max))
}

/// The report's content for one student's map.
pub fn feedback(
    cmp: &Comparison,
    student: &Map,
    model: &Map,
    student_name: &str,
    model_name: &str,
) -> Feedback {
    let score = |s: f64| format!("{s:.2}");
    let table = vec![
        [
            "",
            "matched",
            "missing",
            "extra",
            "precision",
            "recall",
            "F1",
        ]
        .map(str::to_owned)
        .to_vec(),
        vec![
            "Claims".to_owned(),
            format!("{} of {}", cmp.matches.len(), model.claims.len()),
            cmp.missing_claims.len().to_string(),
            cmp.extra_claims.len().to_string(),
            score(cmp.claims.precision),
            score(cmp.claims.recall),
            score(cmp.claims.f1),
        ],
        vec![
            "Links".to_owned(),
            format!(
                "{} of {} correct",
                cmp.count(Verdict::Correct),
                model.links.len()
            ),
            cmp.count(Verdict::Missing).to_string(),
            cmp.count(Verdict::Extra).to_string(),
            score(cmp.link_score.precision),
            score(cmp.link_score.recall),
            score(cmp.link_score.f1),
        ],
    ];
    let remark = format!(
        "Of the links the model has, {} have the wrong kind (support where the model has rebut, or the reverse) and {} point the wrong way.",
        cmp.count(Verdict::WrongKind),
        cmp.count(Verdict::Reversed)
    );
    let claim_item = |map: &Map, id: ClaimId| map.claim(id).map(|c| quoted(&c.text, 160));
    let mut sections: Vec<(&str, Vec<String>)> = vec![
        (
            "Claims the model has that your map lacks",
            cmp.missing_claims
                .iter()
                .filter_map(|&id| claim_item(model, id))
                .collect(),
        ),
        (
            "Claims in your map that the model does not have",
            cmp.extra_claims
                .iter()
                .filter_map(|&id| claim_item(student, id))
                .collect(),
        ),
    ];
    for (verdict, title) in [
        (Verdict::WrongKind, "Links of the wrong kind"),
        (Verdict::Reversed, "Links pointing the wrong way"),
        (Verdict::Missing, "Links the model has that your map lacks"),
        (
            Verdict::Extra,
            "Links in your map that the model does not have",
        ),
    ] {
        let items: Vec<String> = cmp
            .links
            .iter()
            .filter(|l| l.verdict == verdict)
            .filter_map(|l| match (l.model, l.student, verdict) {
                (_, Some(s), Verdict::Extra) => Some(link_sentence(student, s)),
                (Some(m), _, Verdict::Missing) => Some(link_sentence(model, m)),
                (Some(m), Some(s), _) => Some(format!(
                    "you have: {}; the model has: {}",
                    link_sentence(student, s),
                    link_sentence(model, m)
                )),
                _ => None,
            })
            .collect();
        sections.push((title, items));
    }
    sections.push((
        "Paragraphs the model maps that your map leaves untouched",
        crate::analysis::coverage::untouched(student, model)
            .iter()
            .filter_map(|u| {
                let source = model.source(&u.source)?;
                let text = source.text.get(u.paragraph.start..u.paragraph.end)?;
                Some(format!(
                    "{}, paragraph {}: {}",
                    excerpt(&source.short_name(), 80),
                    u.number,
                    quoted(text, 120)
                ))
            })
            .collect(),
    ));
    sections.push((
        "Arguments read as a different scheme",
        cmp.schemes
            .iter()
            .map(|d| {
                format!(
                    "{}: {}",
                    link_sentence(student, d.student),
                    excerpt(&d.sentence(), 400)
                )
            })
            .collect(),
    ));
    sections.retain(|(_, items)| !items.is_empty());
    Feedback {
        student: excerpt(student_name, 200),
        model: excerpt(model_name, 200),
        table,
        remark,
        sections,
    }
}

/// A feedback report in Markdown, for a teacher to hand back.
pub fn report(
    cmp: &Comparison,
    student: &Map,
    model: &Map,
    student_name: &str,
    model_name: &str,
) -> String {
    feedback(cmp, student, model, student_name, model_name).markdown()
}

impl Feedback {
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Feedback: {}\n", markdown_text(&self.student));
        let _ = writeln!(
            out,
            "Compared with the model answer *{}*.\n",
            markdown_text(&self.model)
        );
        for (i, row) in self.table.iter().enumerate() {
            let _ = writeln!(out, "| {} |", row.join(" | "));
            if i == 0 {
                let _ = writeln!(out, "|{}", "---|".repeat(row.len()));
            }
        }
        let _ = writeln!(out, "\n{}", self.remark);
        for (title, items) in &self.sections {
            let _ = write!(out, "\n## {title}\n\n");
            for item in items {
                let _ = writeln!(out, "- {}", markdown_text(item));
            }
        }
        out
    }

    /// The report as a web page that stands alone (no scripts, no fetches).
    pub fn html(&self) -> String {
        let mut out = String::new();
        let student = html_text(&self.student);
        let _ = writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>Feedback: {student}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>"
        );
        let _ = writeln!(out, "<h1>Feedback: {student}</h1>");
        let _ = writeln!(
            out,
            "<p>Compared with the model answer <em>{}</em>.</p>",
            html_text(&self.model)
        );
        let _ = writeln!(out, "<table>");
        for (i, row) in self.table.iter().enumerate() {
            let cell = if i == 0 { "th scope=\"col\"" } else { "td" };
            let close = if i == 0 { "th" } else { "td" };
            let cells: String = row
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let (open, shut) = if j == 0 && i > 0 {
                        ("th scope=\"row\"", "th")
                    } else {
                        (cell, close)
                    };
                    format!("<{open}>{}</{shut}>", html_text(c))
                })
                .collect();
            let _ = writeln!(out, "<tr>{cells}</tr>");
        }
        let _ = writeln!(out, "</table>\n<p>{}</p>", html_text(&self.remark));
        for (title, items) in &self.sections {
            let _ = writeln!(out, "<h2>{}</h2>\n<ul>", html_text(title));
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", html_text(item));
            }
            let _ = writeln!(out, "</ul>");
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }
}

/// Plain and readable on paper and on a screen.
const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:2rem;color:#1a1a1a}\
main{max-width:48rem}table{border-collapse:collapse;margin:1rem 0}\
th,td{border:1px solid #999;padding:.3rem .6rem;text-align:left}\
h2{margin-top:1.8rem;font-size:1.2rem}";

/// Text made inert in Markdown: it reads as written and never becomes a
/// link, a picture, code, emphasis, a table cell or HTML.
pub(crate) fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // Enough that nothing can open a link, a picture, code,
            // emphasis or a table cell; brackets closed off, ( ) and ! are
            // harmless.
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text made inert in HTML, in element content and in quoted attributes.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
