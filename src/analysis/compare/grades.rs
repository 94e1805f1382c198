//! `argmap grade`'s table: one row per student map, written with the `csv`
//! crate, so a field with commas, quotes or line breaks stays one field and
//! every row has the header's columns.

use super::{Comparison, Verdict};

/// The table's columns.
const COLUMNS: [&str; 16] = [
    "file",
    "claim_precision",
    "claim_recall",
    "claim_f1",
    "link_precision",
    "link_recall",
    "link_f1",
    "claims_matched",
    "claims_missing",
    "claims_extra",
    "links_correct",
    "links_wrong_kind",
    "links_reversed",
    "links_missing",
    "links_extra",
    "error",
];

/// One map's row: its scores, or why it could not be graded.
pub enum Row<'a> {
    Graded(&'a Comparison),
    Unreadable(&'a str),
}

/// The whole table, a header and one line per map, each ending in `\n`.
pub fn table<'a>(rows: impl IntoIterator<Item = (&'a str, Row<'a>)>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut write = |fields: Vec<String>| {
        // Writing to memory fails only if a row had the wrong length.
        let written = writer.write_record(&fields);
        debug_assert!(written.is_ok(), "a row of {} fields", fields.len());
    };
    write(COLUMNS.iter().map(|&c| c.to_owned()).collect());
    for (file, row) in rows {
        write(fields(file, &row));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn fields(file: &str, row: &Row<'_>) -> Vec<String> {
    let mut fields = vec![file.to_owned()];
    match row {
        Row::Graded(cmp) => {
            let scores = [
                cmp.claims.precision,
                cmp.claims.recall,
                cmp.claims.f1,
                cmp.link_score.precision,
                cmp.link_score.recall,
                cmp.link_score.f1,
            ];
            fields.extend(scores.iter().map(|s| format!("{s:.3}")));
            let counts = [
                cmp.matches.len(),
                cmp.missing_claims.len(),
                cmp.extra_claims.len(),
                cmp.count(Verdict::Correct),
                cmp.count(Verdict::WrongKind),
                cmp.count(Verdict::Reversed),
                cmp.count(Verdict::Missing),
                cmp.count(Verdict::Extra),
            ];
            fields.extend(counts.iter().map(usize::to_string));
            fields.push(String::new());
        }
        Row::Unreadable(error) => {
            fields.extend(std::iter::repeat_n(String::new(), COLUMNS.len() - 2));
            fields.push((*error).to_owned());
        }
    }
    fields
}

/// The columns of a learning platform's offline grading worksheet: the
/// sheet a teacher uploads back with a grade and a comment for each student.
const GRADEBOOK_COLUMNS: [&str; 5] = [
    "Identifier",
    "Full name",
    "Grade",
    "Maximum grade",
    "Feedback comments",
];

/// A grade out of 100: the mean of the claims' and the links' F1 scores.
pub fn grade(cmp: &Comparison) -> f64 {
    let mean = f64::midpoint(cmp.claims.f1, cmp.link_score.f1);
    (mean * 1000.0).round() / 10.0
}

/// A feedback comment of one or two sentences for a gradebook.
pub fn comment(cmp: &Comparison, model_claims: usize, model_links: usize) -> String {
    let mut text = format!(
        "You found {} of the model's {} claims and drew {} of its {} links as it does.",
        cmp.matches.len(),
        model_claims,
        cmp.count(Verdict::Correct),
        model_links,
    );
    let wrong = cmp.count(Verdict::WrongKind) + cmp.count(Verdict::Reversed);
    if wrong > 0 {
        text.push_str(&format!(
            " {wrong} of your links have the wrong kind or point the wrong way."
        ));
    }
    text
}

/// One student in the gradebook.
pub struct Entry<'a> {
    /// The map's file name without its extension.
    pub identifier: &'a str,
    /// The map's file name.
    pub name: &'a str,
    /// Its grade and comment, or why it could not be read.
    pub result: Result<(f64, String), String>,
}

/// The gradebook: a header and one line per map; a map that could not be
/// read has no grade and says why in its comment.
pub fn gradebook<'a>(entries: impl IntoIterator<Item = Entry<'a>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = writer.write_record(GRADEBOOK_COLUMNS);
    for entry in entries {
        let (grade, comment) = match entry.result {
            Ok((grade, comment)) => (format!("{grade:.1}"), comment),
            Err(error) => (String::new(), format!("Could not be read: {error}")),
        };
        let _ = writer.write_record([entry.identifier, entry.name, &grade, "100", &comment]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
