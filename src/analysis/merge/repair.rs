//! What the two sides' changes break only together: their link to a claim
//! our side deleted, a quote into a source the other side changed, a link
//! drawn twice. Each is put right from our side (our version of the thing,
//! or without their addition) and listed as a conflict, until the map is
//! valid again.

use super::{Conflict, Item, Piece, Why, claim_name, link_name};
use crate::model::{ClaimId, LinkId, Map, Problem, validate};

/// More passes than any merge needs: each pass puts back at least one
/// thing our side has, or takes away one their side added.
const MOST_PASSES: usize = 10_000;

pub(super) fn repair(map: &mut Map, ours: &Map, conflicts: &mut Vec<Conflict>) {
    for _ in 0..MOST_PASSES {
        let problems = validate(map);
        if problems.is_empty() {
            return;
        }
        let mut progress = false;
        for problem in &problems {
            progress |= fix(map, ours, problem, conflicts);
        }
        map.sort();
        if !progress {
            break;
        }
    }
    if !validate(map).is_empty() {
        // Not reached by any merge known; our side, whole, is still valid.
        *map = ours.clone();
        conflicts.push(Conflict {
            item: Item::Meta,
            name: ours.title.clone(),
            why: Why::Broken(
                "the two copies could not be combined into a valid map: ours is kept as it was"
                    .to_owned(),
            ),
            ours: None,
            theirs: None,
        });
    }
}

/// Puts one problem right; false when there was nothing to change.
fn fix(map: &mut Map, ours: &Map, problem: &Problem, conflicts: &mut Vec<Conflict>) -> bool {
    let why = || Why::Broken(problem.to_string());
    match problem {
        Problem::MissingPremise { link, claim } | Problem::MissingTargetClaim { link, claim } => {
            if map.claim(*claim).is_some() {
                return true;
            }
            match ours.claim(*claim) {
                Some(kept) => {
                    map.claims.push(kept.clone());
                    map.sort();
                    conflicts.push(Conflict {
                        item: Item::Claim(*claim),
                        name: claim_name(kept),
                        why: Why::DeletedByThem,
                        ours: Some(Piece::Claim(kept.clone())),
                        theirs: None,
                    });
                    true
                }
                None => back_to_ours(map, ours, *link, why(), conflicts),
            }
        }
        Problem::MissingTargetLink { link, target } => {
            if map.link(*target).is_some() {
                return true;
            }
            match ours.link(*target) {
                Some(kept) => {
                    map.links.push(kept.clone());
                    map.sort();
                    conflicts.push(Conflict {
                        item: Item::Link(*target),
                        name: link_name(kept),
                        why: Why::DeletedByThem,
                        ours: Some(Piece::Link(kept.clone())),
                        theirs: None,
                    });
                    true
                }
                None => back_to_ours(map, ours, *link, why(), conflicts),
            }
        }
        Problem::NoPremises(link)
        | Problem::RepeatedPremise { link, .. }
        | Problem::SelfLink { link, .. }
        | Problem::TargetsItself(link)
        | Problem::QuestionOffLink(link)
        | Problem::UndercutCycle(link) => back_to_ours(map, ours, *link, why(), conflicts),
        Problem::SameLinkTwice { link, first } => {
            back_to_ours(map, ours, *link, why(), conflicts)
                || back_to_ours(map, ours, *first, why(), conflicts)
        }
        Problem::QuoteSourceMissing { claim, .. }
        | Problem::QuoteSpanEmpty { claim, .. }
        | Problem::QuoteSpanOutside { claim, .. }
        | Problem::QuoteSpanSplitsCharacter { claim, .. }
        | Problem::QuoteTextMismatch { claim, .. } => {
            fix_quote(map, ours, *claim, why(), conflicts)
        }
        Problem::DuplicateSource(_)
        | Problem::DuplicateClaim(_)
        | Problem::DuplicateLink(_)
        | Problem::EmptySourceId
        | Problem::NonFinitePosition(_)
        | Problem::TooLong { .. } => false,
        Problem::StepClaimMissing { .. } | Problem::StepClaimTwice(_) | Problem::StepEmpty(_) => {
            map.steps = map.pruned_steps();
            true
        }
    }
}

/// Our side's version of a link in place of the merged one, or the link
/// taken away when our side does not have it.
fn back_to_ours(
    map: &mut Map,
    ours: &Map,
    id: LinkId,
    why: Why,
    conflicts: &mut Vec<Conflict>,
) -> bool {
    let Some(at) = map.link_index(id) else {
        return false;
    };
    let kept = ours.link(id);
    if kept == Some(&map.links[at]) {
        return false;
    }
    let merged = match kept {
        Some(kept) => std::mem::replace(&mut map.links[at], kept.clone()),
        None => map.links.remove(at),
    };
    conflicts.push(Conflict {
        item: Item::Link(id),
        name: link_name(&merged),
        why,
        ours: kept.cloned().map(Piece::Link),
        theirs: Some(Piece::Link(merged)),
    });
    true
}

/// A quote that no longer fits its source: our side's version of the claim,
/// else our side's version of the source, else the claim without its quote.
fn fix_quote(
    map: &mut Map,
    ours: &Map,
    id: ClaimId,
    why: Why,
    conflicts: &mut Vec<Conflict>,
) -> bool {
    let Some(at) = map.claim_index(id) else {
        return false;
    };
    let merged = map.claims[at].clone();
    let kept = ours.claim(id);
    if let Some(kept) = kept.filter(|k| **k != merged) {
        map.claims[at] = kept.clone();
    } else if let Some(quote) = &merged.quote
        && let Some(source) = ours.source(&quote.source)
        && map.source(&quote.source) != Some(source)
    {
        let place = map.sources.iter().position(|s| s.id == quote.source);
        let name = source.title.clone();
        let theirs = place.map(|p| std::mem::replace(&mut map.sources[p], source.clone()));
        conflicts.push(Conflict {
            item: Item::Source(source.id.clone()),
            name,
            why,
            ours: Some(Piece::Source(source.clone())),
            theirs: theirs.map(Piece::Source),
        });
        if place.is_none() {
            map.sources.push(source.clone());
            map.sort();
        }
        return true;
    } else if merged.quote.is_some() {
        map.claims[at].quote = None;
    } else {
        return false;
    }
    conflicts.push(Conflict {
        item: Item::Claim(id),
        name: claim_name(&merged),
        why,
        ours: Some(Piece::Claim(map.claims[at].clone())),
        theirs: Some(Piece::Claim(merged)),
    });
    true
}
