//! The feedback report a teacher hands back, in Markdown. Whatever a
//! student wrote is escaped, so a claim's text never becomes a link, a
//! picture or markup in the teacher's viewer.

use super::{Comparison, Verdict};
use crate::model::{ClaimId, LinkId, LinkKind, Map, Target, excerpt};

/// Text a student or an article wrote, on one line and at most `max`
/// characters, with everything Markdown or HTML would act on escaped: it
/// reads as written and never becomes a link, a picture or markup.
fn plain(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in excerpt(text, max).chars() {
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
use std::fmt::Write as _;

fn describe(map: &Map, link: LinkId) -> String {
    let Some(link) = map.link(link) else {
        return String::new();
    };
    let claim = |c: ClaimId| {
        format!(
            "“{}”",
            map.claim(c)
                .map_or_else(String::new, |c| plain(&c.text, 70))
        )
    };
    let premises: Vec<String> = link.premises.iter().map(|&p| claim(p)).collect();
    let target = match link.target {
        Target::Claim(c) => claim(c),
        Target::Link(_) => "another link".to_owned(),
    };
    let verb = match link.kind {
        LinkKind::Support => "supports",
        LinkKind::Rebut => "rebuts",
    };
    format!("{} {verb} {target}", premises.join(" + "))
}

/// A feedback report in Markdown, for a teacher to hand back.
pub fn report(
    cmp: &Comparison,
    student: &Map,
    model: &Map,
    student_name: &str,
    model_name: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Feedback: {}\n", plain(student_name, 200));
    let _ = writeln!(
        out,
        "Compared with the model answer *{}*.\n",
        plain(model_name, 200)
    );
    let _ = writeln!(
        out,
        "| | matched | missing | extra | precision | recall | F1 |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    let _ = writeln!(
        out,
        "| Claims | {} of {} | {} | {} | {:.2} | {:.2} | {:.2} |",
        cmp.matches.len(),
        model.claims.len(),
        cmp.missing_claims.len(),
        cmp.extra_claims.len(),
        cmp.claims.precision,
        cmp.claims.recall,
        cmp.claims.f1
    );
    let _ = writeln!(
        out,
        "| Links | {} of {} correct | {} | {} | {:.2} | {:.2} | {:.2} |",
        cmp.count(Verdict::Correct),
        model.links.len(),
        cmp.count(Verdict::Missing),
        cmp.count(Verdict::Extra),
        cmp.link_score.precision,
        cmp.link_score.recall,
        cmp.link_score.f1
    );
    let _ = writeln!(
        out,
        "\nOf the links the model has, {} have the wrong kind (support where the model has rebut, or the reverse) and {} point the wrong way.",
        cmp.count(Verdict::WrongKind),
        cmp.count(Verdict::Reversed)
    );
    let claim_line = |map: &Map, id: ClaimId| {
        map.claim(id)
            .map_or_else(String::new, |c| format!("- “{}”\n", plain(&c.text, 160)))
    };
    let mut section = |title: &str, lines: String| {
        if !lines.is_empty() {
            let _ = write!(out, "\n## {title}\n\n{lines}");
        }
    };
    section(
        "Claims the model has that your map lacks",
        cmp.missing_claims
            .iter()
            .map(|&id| claim_line(model, id))
            .collect(),
    );
    section(
        "Claims in your map that the model does not have",
        cmp.extra_claims
            .iter()
            .map(|&id| claim_line(student, id))
            .collect(),
    );
    for (verdict, title) in [
        (Verdict::WrongKind, "Links of the wrong kind"),
        (Verdict::Reversed, "Links pointing the wrong way"),
        (Verdict::Missing, "Links the model has that your map lacks"),
        (
            Verdict::Extra,
            "Links in your map that the model does not have",
        ),
    ] {
        let lines: String = cmp
            .links
            .iter()
            .filter(|l| l.verdict == verdict)
            .map(|l| match (l.model, l.student, verdict) {
                (_, Some(s), Verdict::Extra) => format!("- {}\n", describe(student, s)),
                (Some(m), _, Verdict::Missing) => format!("- {}\n", describe(model, m)),
                (Some(m), Some(s), _) => format!(
                    "- you have: {}; the model has: {}\n",
                    describe(student, s),
                    describe(model, m)
                ),
                _ => String::new(),
            })
            .collect();
        section(title, lines);
    }
    section(
        "Paragraphs the model maps that your map leaves untouched",
        crate::analysis::coverage::untouched(student, model)
            .iter()
            .filter_map(|u| {
                let source = model.source(&u.source)?;
                let text = source.text.get(u.paragraph.start..u.paragraph.end)?;
                Some(format!(
                    "- {}, paragraph {}: “{}”\n",
                    plain(&source.short_name(), 80),
                    u.number,
                    plain(text, 120)
                ))
            })
            .collect(),
    );
    section(
        "Arguments read as a different scheme",
        cmp.schemes
            .iter()
            .map(|d| {
                format!(
                    "- {}: {}\n",
                    describe(student, d.student),
                    plain(&d.sentence(), 400)
                )
            })
            .collect(),
    );
    out
}
