//! The order a teacher presents an argument in, worked out from the map:
//! first every side's main contentions, side by side; then each
//! contention's reasons (the sides taking turns); then, contention by
//! contention, the objections to what has been said for it, the answers to
//! those, and so on until that part of the argument is told. Every claim is in exactly one step; claims
//! no contention reaches come last, so nothing is left out.

use crate::analysis::layout::{self, Size};
use crate::analysis::spoken::Ends;
use crate::model::{Claim, ClaimId, Link, Map, Point, Source, excerpt};
use std::collections::{BTreeMap, HashSet};

/// One side of the argument: whose it is (the author its claims quote)
/// and its main contentions, left to right as they stand on the map.
pub struct Side<'a> {
    pub name: Option<String>,
    pub contentions: Vec<&'a Claim>,
}

/// The main contentions by side. A main contention supports nothing
/// further and is not a bare objection: a claim that attacks something and
/// has no reasons of its own objects; one with reasons of its own is a
/// contention in its own right (in a debate two sides' contentions rebut
/// each other). Sides come in the order their first contention stands on
/// the map, left to right.
pub fn sides<'a>(map: &'a Map, ends: &Ends) -> Vec<Side<'a>> {
    let links_from = |id: ClaimId| ends.premise_of(id).iter().filter_map(|&l| map.link(l));
    let has_reasons = |id: ClaimId| {
        ends.aimed_at(id)
            .iter()
            .filter_map(|&l| map.link(l))
            .any(|l| l.kind.is_support())
    };
    let is_main = |c: &&Claim| {
        !links_from(c.id).any(|l| l.kind.is_support())
            && (has_reasons(c.id) || !links_from(c.id).any(|l| l.kind.is_attack()))
    };
    let mut mains: Vec<&Claim> = map.claims.iter().filter(is_main).collect();
    mains.sort_by(|a, b| a.pos.x.total_cmp(&b.pos.x).then(a.id.cmp(&b.id)));
    let mut sides: Vec<Side> = Vec::new();
    for claim in mains {
        let name = side_of(map, claim);
        match sides.iter_mut().find(|s| s.name == name) {
            Some(side) => side.contentions.push(claim),
            None => sides.push(Side {
                name,
                contentions: vec![claim],
            }),
        }
    }
    sides
}

/// Whose side a claim is on: the author of the source it quotes.
pub fn side_of(map: &Map, claim: &Claim) -> Option<String> {
    let quote = claim.quote.as_ref()?;
    map.source(&quote.source).map(Source::short_name)
}

/// The most claims on show that a step fits to the room's shape (beyond,
/// the layered layout: fitting grows with the square of the count).
const MOST_FITTED: usize = 300;

/// Where the claims on show stand, for a room of `room` (canvas units),
/// so they read as large as they can: two sides as a debate (each on its
/// own half), else one compact grid, conclusions above; large parts in
/// layers. Present mode and slides alike.
pub fn laid_out(
    part: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    room: Size,
) -> BTreeMap<ClaimId, Point> {
    if part.claims.len() > MOST_FITTED {
        layout::tidy(part, sizes)
    } else {
        layout::debate_for_window(part, sizes, 1, room)
            .unwrap_or_else(|| layout::compact_for_window(part, sizes, 1, room))
    }
}

/// One step: its name at the foot of the screen, and the claims it brings in.
pub use crate::model::Step;

/// How many rounds of objection and answer one contention's part runs to
/// before the rest waits for the last step.
const ROUNDS: usize = 12;

/// The steps to present `map` in: the order a teacher saved in the map,
/// or else the order worked out from it.
pub fn steps(map: &Map) -> Vec<Step> {
    if map.steps.is_empty() {
        worked_out(map)
    } else {
        saved(map)
    }
}

/// The saved steps, for the claims still in the map; claims added since
/// the order was chosen come in a last step of their own.
fn saved(map: &Map) -> Vec<Step> {
    let mut steps = map.pruned_steps();
    let placed: HashSet<ClaimId> = steps
        .iter()
        .flat_map(|s| s.claims.iter().copied())
        .collect();
    steps.extend(last_step(map, &placed, ADDED_SINCE));
    steps
}

/// A step of every claim not in `placed`, in the map's order, named
/// `title`; none when every claim has its place.
fn last_step(map: &Map, placed: &HashSet<ClaimId>, title: &str) -> Option<Step> {
    let rest: Vec<ClaimId> = map
        .claims
        .iter()
        .map(|c| c.id)
        .filter(|id| !placed.contains(id))
        .collect();
    (!rest.is_empty()).then(|| Step {
        title: title.to_owned(),
        claims: rest,
    })
}

/// The last step's name for claims added after a teacher chose the order.
pub const ADDED_SINCE: &str = "Claims added since the order was chosen";

/// The steps worked out from the map, whatever order is saved in it.
pub fn worked_out(map: &Map) -> Vec<Step> {
    let ends = Ends::of(map);
    let sides = sides(map, &ends);
    let mut shown: HashSet<ClaimId> = HashSet::new();
    let mut steps = Vec::new();
    let mains: Vec<ClaimId> = sides
        .iter()
        .flat_map(|s| s.contentions.iter().map(|c| c.id))
        .collect();
    if mains.is_empty() {
        return whole_map(map);
    }
    shown.extend(mains.iter().copied());
    steps.push(Step {
        title: if sides.len() > 1 {
            "The main contentions, side by side".to_owned()
        } else {
            "The main contention".to_owned()
        },
        claims: mains,
    });
    // The sides take turns: each one's first contention, then each one's
    // second. Every contention's reasons come before any objection, so a
    // side's case is made before the other side answers it.
    let longest = sides.iter().map(|s| s.contentions.len()).max().unwrap_or(0);
    let turns: Vec<(String, &Claim)> = (0..longest)
        .flat_map(|turn| {
            sides.iter().filter_map(move |side| {
                let whose = side
                    .name
                    .as_deref()
                    .map_or_else(String::new, |n| format!("{n}: "));
                side.contentions.get(turn).map(|c| (whose, *c))
            })
        })
        .collect();
    let walk = Walk {
        map,
        ends: &ends,
        order: map
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect(),
    };
    let mut parts: Vec<Vec<ClaimId>> = Vec::new();
    for (whose, contention) in &turns {
        let mut part = vec![contention.id];
        let about = excerpt(&contention.text, 48);
        // The reasons given for the contention itself, then what they rest on.
        let reasons = grown(&walk, &part, &mut shown, Grow::Reasons);
        if !reasons.is_empty() {
            part.extend(reasons.iter().copied());
            steps.push(Step {
                title: format!("{whose}why “{about}”"),
                claims: reasons,
            });
        }
        let grounds = grown(&walk, &part, &mut shown, Grow::Grounds);
        if !grounds.is_empty() {
            part.extend(grounds.iter().copied());
            steps.push(Step {
                title: format!("{whose}what the reasons for “{about}” rest on"),
                claims: grounds,
            });
        }
        parts.push(part);
    }
    for ((whose, contention), part) in turns.iter().zip(&mut parts) {
        let about = excerpt(&contention.text, 48);
        for round in 0..ROUNDS {
            let objections = grown(&walk, part, &mut shown, Grow::Objections);
            if objections.is_empty() {
                break;
            }
            part.extend(objections.iter().copied());
            let title = if round % 2 == 0 {
                format!("Objections to {whose}“{about}”")
            } else {
                format!("Answers to the objections to {whose}“{about}”")
            };
            steps.push(Step {
                title,
                claims: objections,
            });
        }
    }
    steps.extend(last_step(map, &shown, "Further claims"));
    steps
}

/// A map with no main contention (every claim on a ring of support): one step.
fn whole_map(map: &Map) -> Vec<Step> {
    if map.claims.is_empty() {
        return Vec::new();
    }
    vec![Step {
        title: "The whole map".to_owned(),
        claims: map.claims.iter().map(|c| c.id).collect(),
    }]
}

/// What [`grown`] reads: the map, its links' ends, and each claim's place
/// in the map (worked out once for all the steps).
struct Walk<'a> {
    map: &'a Map,
    ends: &'a Ends,
    order: std::collections::HashMap<ClaimId, usize>,
}

/// What [`grown`] adds to a part of the argument.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grow {
    /// The premises of support aimed at the part.
    Reasons,
    /// Those, and what supports them in turn, to the end.
    Grounds,
    /// The premises of attacks aimed at the part, each with its own support.
    Objections,
}

/// The claims not yet shown that bear on `part` as `grow` says (links
/// aimed at its claims or at their links count alike). Marks them shown;
/// in the map's order of claims.
fn grown(
    walk: &Walk<'_>,
    part: &[ClaimId],
    shown: &mut HashSet<ClaimId>,
    grow: Grow,
) -> Vec<ClaimId> {
    let Walk { map, ends, order } = walk;
    let mut found: Vec<ClaimId> = Vec::new();
    let mut frontier: Vec<ClaimId> = Vec::new();
    let aimed = |claim: ClaimId| -> Vec<&Link> {
        let at_claim = ends.aimed_at(claim).iter();
        // Links aimed at the claim's own links: undercuts and backing of its inferences.
        let at_its_links = ends
            .premise_of(claim)
            .iter()
            .chain(ends.aimed_at(claim))
            .flat_map(|&l| ends.aimed_at_link(l).iter());
        at_claim
            .chain(at_its_links)
            .filter_map(|&l| map.link(l))
            .collect()
    };
    let first_kind_is_support = grow != Grow::Objections;
    for &claim in part {
        for link in aimed(claim) {
            if link.kind.is_support() != first_kind_is_support {
                continue;
            }
            for &premise in &link.premises {
                if shown.insert(premise) {
                    found.push(premise);
                    frontier.push(premise);
                }
            }
        }
    }
    if grow == Grow::Reasons {
        frontier.clear();
    }
    // Each claim brought in brings its own support with it, all the way down.
    while let Some(claim) = frontier.pop() {
        for link in aimed(claim) {
            if !link.kind.is_support() {
                continue;
            }
            for &premise in &link.premises {
                if shown.insert(premise) {
                    found.push(premise);
                    frontier.push(premise);
                }
            }
        }
    }
    found.sort_by_key(|id| order.get(id).copied().unwrap_or(usize::MAX));
    found
}
