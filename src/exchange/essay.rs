//! An essay or speech outline from a map, in Markdown: for a student turning
//! the argument into writing. The question; for each side, its main
//! contentions, each followed by its reasons (the evidence quoted and cited:
//! author, title, paragraph), the objections to them and the answers; which
//! claims stand; the critical questions still open as points to address.
//! Every claim appears once, where it first bears on the argument.

use crate::analysis::evaluate::{self, Labelling, Status};
use crate::analysis::presentation;
use crate::analysis::spoken::{Ends, paragraph_at};
use crate::model::{Claim, ClaimId, Link, LinkId, Map, excerpt};
use crate::schemes::{self, Catalogue};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

/// Text on one line, spaces between words.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text made inert in Markdown, on one line: it reads as written (and a
/// `#` never starts a heading).
fn plain(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::analysis::compare::markdown_text(&flat).replace('#', "\\#")
}

/// How deep the outline nests before it goes on under "Further claims".
const DEEPEST: usize = 24;

/// One line of the outline as the app lists it beside the map: how far in
/// it stands, whether it heads a part, its words, and the claim it names.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub depth: usize,
    pub heading: bool,
    pub text: String,
    pub claim: Option<ClaimId>,
}

struct Writer<'a> {
    map: &'a Map,
    ends: Ends,
    status: Labelling,
    /// Open critical questions' words, by the link they are asked of.
    open: BTreeMap<LinkId, Vec<String>>,
    written: HashSet<ClaimId>,
    out: String,
    /// The same outline line by line, for the app.
    lines: Vec<Line>,
}

impl Writer<'_> {
    fn line(&mut self, depth: usize, heading: bool, text: String, claim: Option<ClaimId>) {
        self.lines.push(Line {
            depth,
            heading,
            text,
            claim,
        });
    }

    fn status_word(&self, id: ClaimId) -> &'static str {
        match self.status.claim(id) {
            Status::Accepted => "stands",
            Status::Defeated => "defeated",
            Status::Undecided => "undecided",
        }
    }

    /// The claim's words, and where they come from.
    fn claim_text(&self, claim: &Claim, indent: &str) -> String {
        let mut text = plain(&claim.text);
        if let Some(quote) = &claim.quote
            && let Some(source) = self.map.source(&quote.source)
        {
            let _ = write!(
                text,
                "\n{indent}  — {}, *{}*, paragraph {}",
                plain(&source.short_name()),
                plain(&source.title),
                paragraph_at(&source.text, quote.start)
            );
        }
        text
    }

    /// Writes what bears on `claim`, one level further in. Below
    /// [`DEEPEST`] levels the rest of a chain waits for "Further claims",
    /// so no map, however long its chains, runs the writer out of stack.
    fn beneath(&mut self, claim: ClaimId, depth: usize, objected: bool) {
        if depth >= DEEPEST {
            return;
        }
        let links: Vec<&Link> = self
            .ends
            .aimed_at(claim)
            .iter()
            .filter_map(|&l| self.map.link(l))
            .collect();
        // Reasons first, then objections, as an essay takes them.
        for link in links.iter().filter(|l| l.kind.is_support()) {
            let role = if objected { "Backing" } else { "Reason" };
            self.argument(link, role, depth);
        }
        for link in links.iter().filter(|l| l.kind.is_attack()) {
            let role = if objected { "Answer" } else { "Objection" };
            self.argument(link, role, depth);
        }
    }

    /// One link: its premises (each with what bears on it), the undercuts
    /// of the inference, and its open questions.
    fn argument(&mut self, link: &Link, role: &str, depth: usize) {
        if depth >= DEEPEST {
            return;
        }
        let indent = "  ".repeat(depth);
        let together = if link.premises.len() > 1 {
            " (together)"
        } else {
            ""
        };
        for &premise in &link.premises {
            let Some(claim) = self.map.claim(premise) else {
                continue;
            };
            if !self.written.insert(premise) {
                let mention = excerpt(&claim.text, 60);
                let _ = writeln!(
                    self.out,
                    "{indent}- {role}{together}: see “{}”",
                    plain(&mention)
                );
                let text = format!("{role}{together}: see “{mention}”");
                self.line(depth + 1, false, text, Some(premise));
                continue;
            }
            let status = self.status_word(premise);
            let _ = writeln!(
                self.out,
                "{indent}- **{role}{together}** ({status}): {}",
                self.claim_text(claim, &indent)
            );
            let text = format!("{role}{together} ({status}): {}", flat(&claim.text));
            self.line(depth + 1, false, text, Some(premise));
            self.beneath(premise, depth + 1, role == "Objection");
        }
        let undercuts = self.ends.aimed_at_link(link.id).to_vec();
        for undercut in undercuts.iter().filter_map(|&u| self.map.link(u)) {
            let role = if undercut.kind.is_attack() {
                "Objection to this step"
            } else {
                "Backing for this step"
            };
            self.argument(undercut, role, depth + 1);
        }
        if let Some(questions) = self.open.get(&link.id).cloned() {
            for question in questions {
                let _ = writeln!(
                    self.out,
                    "{indent}  - *Still to address:* {}",
                    plain(&question)
                );
                self.line(
                    depth + 2,
                    false,
                    format!("Still to address: {question}"),
                    None,
                );
            }
        }
    }
}

/// The outline of `map` as Markdown.
pub fn to_outline(map: &Map) -> String {
    write(map).out
}

/// The outline of `map` line by line, as the app lists it beside the map.
pub fn lines(map: &Map) -> Vec<Line> {
    write(map).lines
}

fn write(map: &Map) -> Writer<'_> {
    let catalogue = Catalogue::bundled();
    let mut open: BTreeMap<LinkId, Vec<String>> = BTreeMap::new();
    for question in schemes::open_questions(map, catalogue) {
        let words = map
            .link(question.link)
            .and_then(|l| catalogue.scheme(&l.scheme))
            .and_then(|s| s.questions.iter().find(|q| q.id == question.question))
            .map_or_else(|| question.question.clone(), |q| q.text.clone());
        open.entry(question.link).or_default().push(words);
    }
    let ends = Ends::of(map);
    let sides: Vec<(Option<String>, Vec<&Claim>)> = presentation::sides(map, &ends)
        .into_iter()
        .map(|side| (side.name, side.contentions))
        .collect();
    let mut writer = Writer {
        map,
        ends,
        status: evaluate::grounded(map, &evaluate::Pins::new()),
        open,
        written: HashSet::new(),
        out: String::new(),
        lines: Vec::new(),
    };
    // Each contention heads its own part: beneath another it is only named.
    for (_, contentions) in &sides {
        writer.written.extend(contentions.iter().map(|c| c.id));
    }
    let title = if map.title.trim().is_empty() {
        "Outline"
    } else {
        map.title.as_str()
    };
    let _ = writeln!(writer.out, "# {}\n", plain(title));
    writer.line(0, true, flat(title), None);
    for (name, contentions) in &sides {
        let heading = name.as_deref().map_or_else(
            || "Other contentions".to_owned(),
            |n| format!("{}’s side", plain(n)),
        );
        let _ = writeln!(writer.out, "## {heading}\n");
        let said = name
            .as_deref()
            .map_or_else(|| "Other contentions".to_owned(), |n| format!("{n}’s side"));
        writer.line(0, true, said, None);
        for claim in contentions {
            let status = writer.status_word(claim.id);
            let _ = writeln!(
                writer.out,
                "### Contention ({status}): {}\n",
                writer.claim_text(claim, "")
            );
            let text = format!("Contention ({status}): {}", flat(&claim.text));
            writer.line(0, false, text, Some(claim.id));
            writer.beneath(claim.id, 0, false);
            writer.out.push('\n');
        }
    }
    // Claims on a ring of links reach no contention: listed, not lost.
    let rest: Vec<&Claim> = map
        .claims
        .iter()
        .filter(|c| !writer.written.contains(&c.id))
        .collect();
    if !rest.is_empty() {
        let _ = writeln!(writer.out, "## Further claims\n");
        writer.line(0, true, "Further claims".to_owned(), None);
        for claim in rest {
            if writer.written.insert(claim.id) {
                let status = writer.status_word(claim.id);
                let _ = writeln!(writer.out, "- ({status}) {}", writer.claim_text(claim, ""));
                let text = format!("({status}) {}", flat(&claim.text));
                writer.line(1, false, text, Some(claim.id));
                writer.beneath(claim.id, 1, false);
            }
        }
        writer.out.push('\n');
    }
    let standing: Vec<String> = sides
        .iter()
        .flat_map(|(_, claims)| claims.iter())
        .map(|c| {
            format!(
                "- {}: {}",
                writer.status_word(c.id),
                plain(&excerpt(&c.text, 100))
            )
        })
        .collect();
    if !standing.is_empty() {
        let _ = writeln!(writer.out, "## What stands\n\n{}\n", standing.join("\n"));
    }
    writer
}
