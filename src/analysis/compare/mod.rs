//! How a student's map compares with a model answer: claims matched
//! (`claims`), links compared through them (here), a feedback report
//! (`report`) and a gradebook's rows (`grades`).
//!
//! Claims are matched one to one. Two quoted claims match when they quote the
//! same source and their passages share at least [`QUOTE_OVERLAP`] of the
//! longer passage (so a slightly different cut of the same sentence matches,
//! but a whole paragraph does not match one sentence in it). Claims without a
//! quote fall back to their wording: they match when at least
//! [`TEXT_SIMILARITY`] of their distinct words are shared (Jaccard index).
//! Best pairs are taken first.
//!
//! Links are then compared through the claim matching: a model link and a
//! student link with the same target and overlapping premises are the same
//! link, and are *correct* when the kind agrees, *wrong kind* when it does
//! not; a student link that points the other way is *reversed*; model links
//! without a counterpart are *missing*, student links without one are *extra*.

mod claims;
mod grades;
mod report;

pub use grades::{Entry, Row, comment, grade, gradebook, table};
pub(crate) use report::markdown_text;
pub use report::{Feedback, feedback, report};
// Starter maps for students were made here before; they have their own room.
pub use crate::analysis::exercise::{Exercise, exercise};

use crate::model::{ClaimId, Link, LinkId, Map, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Share of the longer passage two quotes must have in common to match.
pub const QUOTE_OVERLAP: f64 = 0.5;
/// Share of distinct words two unquoted claims must have in common to match.
pub const TEXT_SIMILARITY: f64 = 0.5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    Quote,
    Wording,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Correct,
    WrongKind,
    Reversed,
    Missing,
    Extra,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Self::Correct => "correct",
            Self::WrongKind => "wrong kind",
            Self::Reversed => "reversed",
            Self::Missing => "missing",
            Self::Extra => "extra",
        }
    }
}

/// One link's fate: the model's link, the student's, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkResult {
    pub model: Option<LinkId>,
    pub student: Option<LinkId>,
    pub verdict: Verdict,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn new(hits: usize, student: usize, model: usize) -> Self {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                if a == 0 { 1.0 } else { 0.0 }
            } else {
                a as f64 / b as f64
            }
        };
        let precision = ratio(hits, student);
        let recall = ratio(hits, model);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Student claim → (model claim, how they matched).
    pub matches: BTreeMap<ClaimId, (ClaimId, MatchedBy)>,
    pub missing_claims: Vec<ClaimId>,
    pub extra_claims: Vec<ClaimId>,
    pub links: Vec<LinkResult>,
    pub claims: Score,
    pub link_score: Score,
    /// Links found in both maps that the model reads with a scheme the
    /// student's map does not give them.
    pub schemes: Vec<SchemeDifference>,
}

/// A link both maps have, read as different argument schemes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemeDifference {
    pub model: LinkId,
    pub student: LinkId,
    /// The schemes as stored (catalogue ids, or names from other tools);
    /// the student's is empty when the link has none.
    pub model_scheme: String,
    pub student_scheme: String,
}

impl SchemeDifference {
    /// "you read this as an argument from example; the model reads it as an
    /// argument from analogy", in the catalogue's names.
    pub fn sentence(&self) -> String {
        let catalogue = crate::schemes::Catalogue::bundled();
        let name = |id: &str| {
            let name = catalogue.display_name(id);
            let mut chars = name.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect::<String>()
            })
        };
        let theirs = name(&self.model_scheme);
        if self.student_scheme.is_empty() {
            format!(
                "you gave this no scheme; the model reads it as {}",
                with_article(&theirs)
            )
        } else {
            format!(
                "you read this as {}; the model reads it as {}",
                with_article(&name(&self.student_scheme)),
                with_article(&theirs)
            )
        }
    }
}

/// "an argument from analogy", "a slippery slope", "practical reasoning".
fn with_article(name: &str) -> String {
    if name.starts_with("practical") {
        return name.to_owned();
    }
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

impl Comparison {
    /// Which student claim each matched model claim corresponds to.
    pub fn student_claims(&self) -> BTreeMap<ClaimId, ClaimId> {
        self.matches.iter().map(|(s, (m, _))| (*m, *s)).collect()
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        self.links.iter().filter(|l| l.verdict == verdict).count()
    }
}

pub fn compare(student: &Map, model: &Map) -> Comparison {
    let matches = claims::match_claims(student, model);
    let model_to_student: BTreeMap<ClaimId, ClaimId> =
        matches.iter().map(|(s, (m, _))| (*m, *s)).collect();
    let matched_model: BTreeSet<ClaimId> = model_to_student.keys().copied().collect();
    let missing_claims = model
        .claims
        .iter()
        .map(|c| c.id)
        .filter(|id| !matched_model.contains(id))
        .collect();
    let extra_claims = student
        .claims
        .iter()
        .map(|c| c.id)
        .filter(|id| !matches.contains_key(id))
        .collect();
    let links = match_links(student, model, &model_to_student);
    let schemes = links
        .iter()
        .filter_map(|r| {
            let (m, s) = (model.link(r.model?)?, student.link(r.student?)?);
            (!m.scheme.is_empty() && m.scheme != s.scheme).then(|| SchemeDifference {
                model: m.id,
                student: s.id,
                model_scheme: m.scheme.clone(),
                student_scheme: s.scheme.clone(),
            })
        })
        .collect();
    let correct = links
        .iter()
        .filter(|l| l.verdict == Verdict::Correct)
        .count();
    Comparison {
        claims: Score::new(matches.len(), student.claims.len(), model.claims.len()),
        link_score: Score::new(correct, student.links.len(), model.links.len()),
        matches,
        missing_claims,
        extra_claims,
        links,
        schemes,
    }
}

/// A link's ends in student terms: premises and target, translated from the
/// model through the claim matching (and, for undercuts, the link matching).
fn translate(
    link: &Link,
    claims: &BTreeMap<ClaimId, ClaimId>,
    links: &BTreeMap<LinkId, LinkId>,
) -> Option<(BTreeSet<ClaimId>, Target)> {
    let premises: BTreeSet<ClaimId> = link
        .premises
        .iter()
        .filter_map(|p| claims.get(p).copied())
        .collect();
    let target = match link.target {
        Target::Claim(c) => Target::Claim(*claims.get(&c)?),
        Target::Link(l) => Target::Link(*links.get(&l)?),
    };
    (!premises.is_empty()).then_some((premises, target))
}

fn match_links(student: &Map, model: &Map, claims: &BTreeMap<ClaimId, ClaimId>) -> Vec<LinkResult> {
    let mut results = Vec::new();
    let mut used: BTreeSet<LinkId> = BTreeSet::new();
    let mut link_map: BTreeMap<LinkId, LinkId> = BTreeMap::new();
    // The student's links by what they aim at, in id order, so each model
    // link looks only at links that could be its counterpart.
    let mut by_target: BTreeMap<Target, Vec<&Link>> = BTreeMap::new();
    for link in &student.links {
        by_target.entry(link.target).or_default().push(link);
    }
    let aimed_at = |target: Target| by_target.get(&target).map_or(&[][..], Vec::as_slice);
    // Links aimed at claims first, so undercuts can be translated afterwards.
    let mut ordered: Vec<&Link> = model.links.iter().collect();
    ordered.sort_by_key(|l| (matches!(l.target, Target::Link(_)), l.id));
    for link in ordered {
        let found = translate(link, claims, &link_map).and_then(|(premises, target)| {
            let open = |s: &&&Link| !used.contains(&s.id);
            let same_ends = |s: &&&Link| s.premises.iter().any(|p| premises.contains(p));
            let candidates = || aimed_at(target).iter().filter(open).filter(same_ends);
            if let Some(s) = candidates().find(|s| s.kind == link.kind) {
                return Some((s.id, Verdict::Correct));
            }
            if let Some(s) = candidates().next() {
                return Some((s.id, Verdict::WrongKind));
            }
            // Reversed: the student's link runs from the model's target to one of its premises.
            let Target::Claim(t) = target else {
                return None;
            };
            premises
                .iter()
                .flat_map(|&c| aimed_at(Target::Claim(c)))
                .filter(open)
                .filter(|s| s.premises == [t])
                .map(|s| s.id)
                .min()
                .map(|id| (id, Verdict::Reversed))
        });
        match found {
            Some((student_link, verdict)) => {
                used.insert(student_link);
                link_map.insert(link.id, student_link);
                results.push(LinkResult {
                    model: Some(link.id),
                    student: Some(student_link),
                    verdict,
                });
            }
            None => results.push(LinkResult {
                model: Some(link.id),
                student: None,
                verdict: Verdict::Missing,
            }),
        }
    }
    for link in &student.links {
        if !used.contains(&link.id) {
            results.push(LinkResult {
                model: None,
                student: Some(link.id),
                verdict: Verdict::Extra,
            });
        }
    }
    results.sort_by_key(|r| (r.verdict, r.model, r.student));
    results
}
