//! Builds the edits behind user gestures (delete the selection, link claims,
//! drop a quote, paste), so every gesture becomes one undoable step. Pure:
//! a map in, an [`Edit`] out.

pub mod clipboard;

use super::selection::Selection;
use crate::corpus;
use crate::model::{
    Claim, ClaimId, Edit, Link, LinkId, LinkKind, Map, Point, Quote, Source, SourceId, Target,
    excerpt,
};
use std::collections::BTreeSet;

/// A passage picked in the reader: which source, which bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
}

/// The source text for a passage: the map's own copy, else the bundled article.
pub fn source_for<'a>(map: &'a Map, id: &SourceId) -> Option<&'a Source> {
    map.source(id).or_else(|| corpus::article(id))
}

/// Adds a quoted claim at `at` (adding the bundled article to the map first if
/// the map does not carry it yet). `None` if the passage is empty or invalid.
pub fn add_quoted_claim(map: &Map, passage: &Passage, at: Point) -> Option<(Edit, ClaimId)> {
    let source = source_for(map, &passage.source)?;
    let raw = source.text.get(passage.start..passage.end)?;
    // Trim surrounding whitespace so the anchor covers exactly the words.
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = passage.start + lead;
    let end = start + trimmed.len();
    let id = map.next_claim_id();
    let claim = Claim {
        id,
        text: trimmed.split_whitespace().collect::<Vec<_>>().join(" "),
        label: String::new(),
        pos: at,
        note: String::new(),
        pin: None,
        quote: Some(Quote {
            source: source.id.clone(),
            start,
            end,
            text: trimmed.to_owned(),
        }),
    };
    let mut edits = Vec::new();
    if map.source(&source.id).is_none() {
        edits.push(Edit::AddSource(source.clone()));
    }
    edits.push(Edit::AddClaim(claim));
    Some((Edit::Batch(edits), id))
}

/// A claim of the analyst's own (not a quote).
pub fn add_own_claim(map: &Map, at: Point, text: &str) -> (Edit, ClaimId) {
    let id = map.next_claim_id();
    let claim = Claim {
        id,
        text: text.to_owned(),
        label: String::new(),
        pos: at,
        note: String::new(),
        pin: None,
        quote: None,
    };
    (Edit::AddClaim(claim), id)
}

/// A link from `premises` to `target`.
pub fn link(map: &Map, premises: &[ClaimId], target: Target, kind: LinkKind) -> Edit {
    Edit::AddLink(Link {
        id: map.next_link_id(),
        kind,
        premises: premises.to_vec(),
        target,
        note: String::new(),
        scheme: String::new(),
        question: String::new(),
    })
}

/// Links the selected claims: all but the last one selected are the premises
/// (one link each, or one linked argument when `linked`), the last is the target.
pub fn link_selection(map: &Map, selection: &Selection, kind: LinkKind) -> Option<Edit> {
    let (&target, premises) = selection.claims.split_last()?;
    if premises.is_empty() {
        return None;
    }
    let first = map.next_link_id().0;
    let edits = premises
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            Edit::AddLink(Link {
                id: LinkId(first + i as u64),
                kind,
                premises: vec![p],
                target: Target::Claim(target),
                note: String::new(),
                scheme: String::new(),
                question: String::new(),
            })
        })
        .collect();
    Some(Edit::Batch(edits))
}

/// Deletes these claims with every link that touches them.
pub fn delete_claims(map: &Map, claims: &[ClaimId]) -> Option<Edit> {
    delete_selection(
        map,
        &Selection {
            claims: claims.to_vec(),
            links: Vec::new(),
        },
    )
}

/// Deletes these links, with the undercuts aimed at them.
pub fn delete_links(map: &Map, links: &[LinkId]) -> Option<Edit> {
    delete_selection(
        map,
        &Selection {
            claims: Vec::new(),
            links: links.to_vec(),
        },
    )
}

/// Deletes the selected claims and links, with every link that would be left
/// dangling (links touching a deleted claim, undercuts aimed at a deleted link).
pub fn delete_selection(map: &Map, selection: &Selection) -> Option<Edit> {
    let claims: BTreeSet<ClaimId> = selection.claims.iter().copied().collect();
    let mut links: BTreeSet<LinkId> = selection.links.iter().copied().collect();
    links.extend(
        map.links
            .iter()
            .filter(|l| {
                l.premises.iter().any(|p| claims.contains(p))
                    || matches!(l.target, Target::Claim(c) if claims.contains(&c))
            })
            .map(|l| l.id),
    );
    // Undercuts of deleted links go too, and undercuts of those in turn.
    let mut attackers: std::collections::BTreeMap<LinkId, Vec<LinkId>> = Default::default();
    for link in &map.links {
        if let Target::Link(target) = link.target {
            attackers.entry(target).or_default().push(link.id);
        }
    }
    let mut frontier: Vec<LinkId> = links.iter().copied().collect();
    while let Some(id) = frontier.pop() {
        for &attacker in attackers.get(&id).into_iter().flatten() {
            if links.insert(attacker) {
                frontier.push(attacker);
            }
        }
    }
    if claims.is_empty() && links.is_empty() {
        return None;
    }
    let mut edits: Vec<Edit> = attackers_first(map, &links)
        .into_iter()
        .map(Edit::RemoveLink)
        .collect();
    edits.extend(claims.into_iter().map(Edit::RemoveClaim));
    Some(Edit::Batch(edits))
}

/// `links` in an order where every link comes after the links that aim at
/// it, so each is removed once nothing targets it any more.
fn attackers_first(map: &Map, links: &BTreeSet<LinkId>) -> Vec<LinkId> {
    let mut attackers: std::collections::BTreeMap<LinkId, Vec<LinkId>> = Default::default();
    for link in map.links.iter().filter(|l| links.contains(&l.id)) {
        if let Target::Link(target) = link.target {
            attackers.entry(target).or_default().push(link.id);
        }
    }
    let mut order = Vec::with_capacity(links.len());
    let mut done: BTreeSet<LinkId> = BTreeSet::new();
    for &start in links {
        // Depth first without recursion: a link is emitted after its attackers.
        let mut stack = vec![(start, false)];
        while let Some((id, expanded)) = stack.pop() {
            if done.contains(&id) {
                continue;
            }
            if expanded {
                done.insert(id);
                order.push(id);
                continue;
            }
            stack.push((id, true));
            for &attacker in attackers.get(&id).into_iter().flatten() {
                if !done.contains(&attacker) {
                    stack.push((attacker, false));
                }
            }
        }
    }
    order
}

/// The accessible name of a link, also used in lists: kind, premises, target.
pub fn link_label(map: &Map, link: &Link) -> String {
    let premises: Vec<String> = link
        .premises
        .iter()
        .map(|&p| {
            format!(
                "“{}”",
                map.claim(p)
                    .map_or_else(String::new, |c| excerpt(&c.text, 40))
            )
        })
        .collect();
    let target = match link.target {
        Target::Claim(id) => format!(
            "“{}”",
            map.claim(id)
                .map_or_else(String::new, |c| excerpt(&c.text, 40))
        ),
        Target::Link(id) => map.link(id).map_or_else(String::new, |l| {
            let from = l
                .premises
                .first()
                .and_then(|&p| map.claim(p))
                .map_or_else(String::new, |c| excerpt(&c.text, 30));
            format!("the {} link from “{from}”", l.kind.label())
        }),
    };
    let verb = match (link.kind, link.target) {
        (LinkKind::Support, Target::Claim(_)) => "supports",
        (LinkKind::Support, Target::Link(_)) => "backs",
        (LinkKind::Rebut, Target::Claim(_)) => "rebuts",
        (LinkKind::Rebut, Target::Link(_)) => "undercuts",
    };
    let kind = match link.kind {
        LinkKind::Support => "Support",
        LinkKind::Rebut => "Rebut",
    };
    format!("{kind} link: {} {verb} {target}", premises.join(" + "))
}

/// The accessible name of a claim's card.
pub fn claim_label(claim: &Claim) -> String {
    format!("Claim: {}", claim.text)
}

/// Writes the what-if pins into the claims, so they are saved with the map
/// (pins on claims no longer there are skipped). `None` if nothing changes.
pub fn keep_pins(map: &Map, pins: &crate::analysis::evaluate::Pins) -> Option<Edit> {
    let edits: Vec<Edit> = map
        .claims
        .iter()
        .filter(|c| c.pin != pins.get(&c.id).copied())
        .map(|c| {
            let mut changed = c.clone();
            changed.pin = pins.get(&c.id).copied();
            Edit::ChangeClaim(changed)
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}
