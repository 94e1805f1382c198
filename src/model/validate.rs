//! Checks a map for every problem that would make it unsafe to edit or share,
//! and names each one precisely.

use super::{Claim, ClaimId, Link, LinkId, LinkKind, Map, SourceId, Target, excerpt};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One thing wrong with a map. `Display` gives the one-line message users see.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    DuplicateSource(SourceId),
    DuplicateClaim(ClaimId),
    DuplicateLink(LinkId),
    EmptySourceId,
    NonFinitePosition(ClaimId),
    NoPremises(LinkId),
    RepeatedPremise {
        link: LinkId,
        claim: ClaimId,
    },
    MissingPremise {
        link: LinkId,
        claim: ClaimId,
    },
    MissingTargetClaim {
        link: LinkId,
        claim: ClaimId,
    },
    MissingTargetLink {
        link: LinkId,
        target: LinkId,
    },
    SelfLink {
        link: LinkId,
        claim: ClaimId,
    },
    TargetsItself(LinkId),
    /// A link says it answers a critical question but is aimed at a claim:
    /// only a link aimed at another link can answer one of its questions.
    QuestionOffLink(LinkId),
    UndercutCycle(LinkId),
    SameLinkTwice {
        link: LinkId,
        first: LinkId,
    },
    QuoteSourceMissing {
        claim: ClaimId,
        source: SourceId,
    },
    QuoteSpanEmpty {
        claim: ClaimId,
        start: usize,
        end: usize,
    },
    QuoteSpanOutside {
        claim: ClaimId,
        end: usize,
        len: usize,
        source: SourceId,
    },
    QuoteSpanSplitsCharacter {
        claim: ClaimId,
        offset: usize,
        source: SourceId,
    },
    QuoteTextMismatch {
        claim: ClaimId,
        source: SourceId,
        found: String,
    },
    /// A presentation step names a claim the map does not have.
    StepClaimMissing {
        step: usize,
        claim: ClaimId,
    },
    /// A claim is in two steps of the presentation.
    StepClaimTwice(ClaimId),
    /// A presentation step brings in no claim.
    StepEmpty(usize),
    /// A text longer than a map may hold (`what` names it: "claim 3's text").
    TooLong {
        what: String,
        chars: usize,
        max: usize,
    },
}

/// The longest texts a map holds, in characters: a claim's text and a
/// note (a claim's or a link's), a label, the title, the description. A
/// claim is a sentence or a paragraph; these leave room for any honest one
/// and keep what laying a map out and drawing it takes in bounds.
pub const MAX_TEXT_CHARS: usize = 10_000;
pub const MAX_LABEL_CHARS: usize = 200;
pub const MAX_TITLE_CHARS: usize = 1_000;
pub const MAX_DESCRIPTION_CHARS: usize = 100_000;

/// `text` against its limit: a problem naming `what` when it is longer.
pub fn length_problem(what: impl FnOnce() -> String, text: &str, max: usize) -> Option<Problem> {
    // Bytes bound characters from above: most texts need no count.
    if text.len() <= max {
        return None;
    }
    let chars = text.chars().count();
    (chars > max).then(|| Problem::TooLong {
        what: what(),
        chars,
        max,
    })
}

/// A claim's own texts against their limits.
pub fn claim_length_problems(claim: &crate::model::Claim) -> Vec<Problem> {
    [
        length_problem(
            || format!("{}'s text", claim.id),
            &claim.text,
            MAX_TEXT_CHARS,
        ),
        length_problem(
            || format!("{}'s label", claim.id),
            &claim.label,
            MAX_LABEL_CHARS,
        ),
        length_problem(
            || format!("{}'s note", claim.id),
            &claim.note,
            MAX_TEXT_CHARS,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The map's title and description against their limits.
pub fn meta_length_problems(title: &str, description: &str) -> Vec<Problem> {
    [
        length_problem(|| "the title".to_owned(), title, MAX_TITLE_CHARS),
        length_problem(
            || "the description".to_owned(),
            description,
            MAX_DESCRIPTION_CHARS,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DuplicateSource(id) => write!(f, "{id} is defined more than once"),
            Self::DuplicateClaim(id) => write!(f, "{id} is defined more than once"),
            Self::DuplicateLink(id) => write!(f, "{id} is defined more than once"),
            Self::EmptySourceId => write!(f, "a source has an empty id"),
            Self::NonFinitePosition(id) => {
                write!(f, "{id} has a position that is not a finite number")
            }
            Self::NoPremises(id) => write!(f, "{id} has no premises"),
            Self::RepeatedPremise { link, claim } => {
                write!(f, "{link} lists {claim} as a premise more than once")
            }
            Self::MissingPremise { link, claim } => {
                write!(f, "{link} has premise {claim}, which does not exist")
            }
            Self::MissingTargetClaim { link, claim } => {
                write!(f, "{link} points at {claim}, which does not exist")
            }
            Self::MissingTargetLink { link, target } => {
                write!(f, "{link} points at {target}, which does not exist")
            }
            Self::SelfLink { link, claim } => {
                write!(f, "{link} links {claim} to itself")
            }
            Self::TargetsItself(id) => write!(f, "{id} points at itself"),
            Self::QuestionOffLink(id) => write!(
                f,
                "{id} answers a critical question but is aimed at a claim; \
                 only a link aimed at another link can answer its questions"
            ),
            Self::UndercutCycle(id) => {
                write!(f, "{id} is part of a loop of links aimed at links")
            }
            Self::SameLinkTwice { link, first } => {
                write!(f, "{link} repeats {first} (same kind, premises and target)")
            }
            Self::QuoteSourceMissing { claim, source } => {
                write!(f, "{claim} quotes {source}, which is not in the map")
            }
            Self::QuoteSpanEmpty { claim, start, end } => {
                write!(
                    f,
                    "{claim} has an empty or reversed quote span {start}..{end}"
                )
            }
            Self::QuoteSpanOutside {
                claim,
                end,
                len,
                source,
            } => write!(
                f,
                "{claim} quotes bytes up to {end}, but {source} is only {len} bytes long"
            ),
            Self::QuoteSpanSplitsCharacter {
                claim,
                offset,
                source,
            } => write!(
                f,
                "{claim} has a quote span that splits a character at byte {offset} of {source}"
            ),
            Self::QuoteTextMismatch {
                claim,
                source,
                found,
            } => write!(
                f,
                "{claim} quotes text that no longer matches {source} (the span now reads \"{}\")",
                excerpt(found, 60)
            ),
            Self::StepClaimMissing { step, claim } => write!(
                f,
                "step {step} of the presentation shows {claim}, which does not exist"
            ),
            Self::StepClaimTwice(claim) => {
                write!(f, "{claim} is in more than one step of the presentation")
            }
            Self::StepEmpty(step) => write!(f, "step {step} of the presentation shows no claim"),
            Self::TooLong { what, chars, max } => write!(
                f,
                "{what} is {chars} characters long; a map holds texts of at most {max}"
            ),
        }
    }
}

/// Every problem in the map, in a stable order. An empty list means the map is valid.
pub fn validate(map: &Map) -> Vec<Problem> {
    let mut problems = meta_length_problems(&map.title, &map.description);
    check_ids(map, &mut problems);
    check_claims(map, &mut problems);
    check_links(map, &mut problems);
    problems.extend(step_problems(map, &map.steps));
    problems
}

/// What is wrong with `steps` as the presentation of `map` (numbered from 1).
pub fn step_problems(map: &Map, steps: &[crate::model::Step]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, step) in steps.iter().enumerate() {
        let number = i + 1;
        problems.extend(length_problem(
            || format!("step {number}'s title"),
            &step.title,
            MAX_LABEL_CHARS,
        ));
        if step.claims.is_empty() {
            problems.push(Problem::StepEmpty(number));
        }
        for &claim in &step.claims {
            if map.claim(claim).is_none() {
                problems.push(Problem::StepClaimMissing {
                    step: number,
                    claim,
                });
            } else if !seen.insert(claim) {
                problems.push(Problem::StepClaimTwice(claim));
            }
        }
    }
    problems
}

fn check_ids(map: &Map, problems: &mut Vec<Problem>) {
    let mut seen = BTreeSet::new();
    for source in &map.sources {
        if source.id.as_str().is_empty() {
            problems.push(Problem::EmptySourceId);
        }
        if !seen.insert(&source.id) {
            problems.push(Problem::DuplicateSource(source.id.clone()));
        }
    }
    let mut seen = BTreeSet::new();
    for claim in &map.claims {
        if !seen.insert(claim.id) {
            problems.push(Problem::DuplicateClaim(claim.id));
        }
    }
    let mut seen = BTreeSet::new();
    for link in &map.links {
        if !seen.insert(link.id) {
            problems.push(Problem::DuplicateLink(link.id));
        }
    }
}

fn check_claims(map: &Map, problems: &mut Vec<Problem>) {
    let sources: BTreeMap<&SourceId, &str> = map
        .sources
        .iter()
        .map(|s| (&s.id, s.text.as_str()))
        .collect();
    let source_text = |id: &SourceId| sources.get(id).copied();
    for claim in &map.claims {
        if !(claim.pos.x.is_finite() && claim.pos.y.is_finite()) {
            problems.push(Problem::NonFinitePosition(claim.id));
        }
        problems.extend(quote_problem(claim, &source_text));
        problems.extend(claim_length_problems(claim));
    }
}

fn check_links(map: &Map, problems: &mut Vec<Problem>) {
    for link in &map.links {
        problems.extend(length_problem(
            || format!("{}'s note", link.id),
            &link.note,
            MAX_TEXT_CHARS,
        ));
    }
    let claims: BTreeSet<ClaimId> = map.claims.iter().map(|c| c.id).collect();
    let links: BTreeMap<LinkId, Target> = map.links.iter().map(|l| (l.id, l.target)).collect();
    let claim_exists = |c: ClaimId| claims.contains(&c);
    let target_of = |l: LinkId| links.get(&l).copied();
    let rings = undercut_rings(&links);
    let on_ring = |l: LinkId| rings.contains(&l);
    let mut shapes: BTreeMap<(LinkKind, Vec<ClaimId>, Target), LinkId> = BTreeMap::new();
    for link in &map.links {
        problems.extend(link_problems(link, &claim_exists, &target_of, &on_ring));
        let shape = (link.kind, sorted(&link.premises), link.target);
        if let Some(&first) = shapes.get(&shape) {
            problems.push(Problem::SameLinkTwice {
                link: link.id,
                first,
            });
        } else {
            shapes.insert(shape, link.id);
        }
    }
}

fn sorted(premises: &[ClaimId]) -> Vec<ClaimId> {
    let mut premises = premises.to_vec();
    premises.sort();
    premises
}

/// Whether two links have the same kind, premises and target.
pub(crate) fn same_shape(a: &Link, b: &Link) -> bool {
    a.kind == b.kind && a.target == b.target && sorted(&a.premises) == sorted(&b.premises)
}

/// The links on a ring of undercuts (each aimed, in turn, at the next), found
/// in one walk: every link aims at one target at most, so each chain is
/// followed once, however long.
fn undercut_rings(links: &BTreeMap<LinkId, Target>) -> BTreeSet<LinkId> {
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        OnPath,
        Done,
    }
    let mut seen: BTreeMap<LinkId, Seen> = BTreeMap::new();
    let mut rings = BTreeSet::new();
    for &start in links.keys() {
        let mut path = Vec::new();
        let mut at = start;
        loop {
            match seen.get(&at) {
                Some(Seen::Done) => break,
                Some(Seen::OnPath) => {
                    // The path came back to itself: from `at` on, it is a ring.
                    let from = path.iter().position(|&l| l == at).unwrap_or(0);
                    rings.extend(path[from..].iter().copied());
                    break;
                }
                None => {}
            }
            seen.insert(at, Seen::OnPath);
            path.push(at);
            match links.get(&at) {
                Some(Target::Link(next)) if links.contains_key(next) => at = *next,
                _ => break,
            }
        }
        for l in path {
            seen.insert(l, Seen::Done);
        }
    }
    rings
}

/// Problems of one link on its own (everything but duplication), given a way
/// to ask whether a claim exists, where a link points and whether a link is
/// on a ring of undercuts.
pub(crate) fn link_problems(
    link: &Link,
    claim_exists: &dyn Fn(ClaimId) -> bool,
    target_of: &dyn Fn(LinkId) -> Option<Target>,
    on_ring: &dyn Fn(LinkId) -> bool,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if link.premises.is_empty() {
        problems.push(Problem::NoPremises(link.id));
    }
    let mut seen = BTreeSet::new();
    for &premise in &link.premises {
        if !seen.insert(premise) {
            problems.push(Problem::RepeatedPremise {
                link: link.id,
                claim: premise,
            });
        }
        if !claim_exists(premise) {
            problems.push(Problem::MissingPremise {
                link: link.id,
                claim: premise,
            });
        }
    }
    match link.target {
        Target::Claim(target) => {
            if !claim_exists(target) {
                problems.push(Problem::MissingTargetClaim {
                    link: link.id,
                    claim: target,
                });
            }
            if link.premises.contains(&target) {
                problems.push(Problem::SelfLink {
                    link: link.id,
                    claim: target,
                });
            }
        }
        Target::Link(target) => {
            if target == link.id {
                problems.push(Problem::TargetsItself(link.id));
            } else if target_of(target).is_none() {
                problems.push(Problem::MissingTargetLink {
                    link: link.id,
                    target,
                });
            } else if on_ring(link.id) {
                problems.push(Problem::UndercutCycle(link.id));
            }
        }
    }
    if !link.question.is_empty() && matches!(link.target, Target::Claim(_)) {
        problems.push(Problem::QuestionOffLink(link.id));
    }
    problems
}

/// Whether following link-to-link targets from `first` comes back to `start`.
pub(crate) fn reaches_itself(
    start: LinkId,
    first: LinkId,
    target_of: &dyn Fn(LinkId) -> Option<Target>,
) -> bool {
    let mut current = first;
    let mut visited = BTreeSet::new();
    while visited.insert(current) {
        if current == start {
            return true;
        }
        match target_of(current) {
            Some(Target::Link(next)) => current = next,
            _ => return false,
        }
    }
    // A loop that does not pass through `start`: its own members report it.
    false
}

/// The problem with a claim's quote anchor, if any, given the sources it may quote.
pub(crate) fn quote_problem<'a>(
    claim: &Claim,
    source_text: &dyn Fn(&SourceId) -> Option<&'a str>,
) -> Option<Problem> {
    let quote = claim.quote.as_ref()?;
    let Some(text) = source_text(&quote.source) else {
        return Some(Problem::QuoteSourceMissing {
            claim: claim.id,
            source: quote.source.clone(),
        });
    };
    if quote.start >= quote.end {
        return Some(Problem::QuoteSpanEmpty {
            claim: claim.id,
            start: quote.start,
            end: quote.end,
        });
    }
    if quote.end > text.len() {
        return Some(Problem::QuoteSpanOutside {
            claim: claim.id,
            end: quote.end,
            len: text.len(),
            source: quote.source.clone(),
        });
    }
    if let Some(offset) = [quote.start, quote.end]
        .into_iter()
        .find(|&o| !text.is_char_boundary(o))
    {
        return Some(Problem::QuoteSpanSplitsCharacter {
            claim: claim.id,
            offset,
            source: quote.source.clone(),
        });
    }
    let found = &text[quote.start..quote.end];
    (found != quote.text).then(|| Problem::QuoteTextMismatch {
        claim: claim.id,
        source: quote.source.clone(),
        found: found.to_owned(),
    })
}
