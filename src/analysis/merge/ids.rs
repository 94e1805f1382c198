//! New things on both sides. Both copies count ids up from the same map, so
//! a claim each side added can share an id: their side's is renumbered, with
//! every link that refers to it. A claim both sides added from the same
//! words and passage, or a link both drew alike, is the same change made
//! twice and is kept once.

use super::Item;
use crate::model::{ClaimId, LinkId, Map, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Renumbers and folds `theirs`' new claims and links against `ours`';
/// returns the renumbering.
pub(super) fn settle(base: &Map, ours: &Map, theirs: &mut Map) -> Vec<(Item, Item)> {
    let mut renumbered = Vec::new();
    let mut fresh = Fresh::new(
        [base, ours, &*theirs]
            .iter()
            .flat_map(|m| m.claims.iter().map(|c| c.id.0)),
    );
    let ours_new_claims: Vec<_> = ours
        .claims
        .iter()
        .filter(|c| base.claim(c.id).is_none())
        .collect();
    let mut claim_ids: BTreeMap<ClaimId, ClaimId> = BTreeMap::new();
    let mut dropped_claims = BTreeSet::new();
    for claim in theirs.claims.iter().filter(|c| base.claim(c.id).is_none()) {
        if ours.claim(claim.id) == Some(claim) {
            continue;
        }
        let twin = ours_new_claims
            .iter()
            .find(|o| o.text == claim.text && o.quote == claim.quote);
        if let Some(twin) = twin {
            claim_ids.insert(claim.id, twin.id);
            dropped_claims.insert(claim.id);
        } else if ours.claim(claim.id).is_some() {
            let id = ClaimId(fresh.next());
            claim_ids.insert(claim.id, id);
            renumbered.push((Item::Claim(claim.id), Item::Claim(id)));
        }
    }
    theirs.claims.retain(|c| !dropped_claims.contains(&c.id));
    for claim in &mut theirs.claims {
        if let Some(&id) = claim_ids.get(&claim.id) {
            claim.id = id;
        }
    }
    for link in &mut theirs.links {
        for premise in &mut link.premises {
            if let Some(&id) = claim_ids.get(premise) {
                *premise = id;
            }
        }
        if let Target::Claim(target) = &mut link.target
            && let Some(&id) = claim_ids.get(target)
        {
            *target = id;
        }
    }

    let mut fresh = Fresh::new(
        [base, ours, &*theirs]
            .iter()
            .flat_map(|m| m.links.iter().map(|l| l.id.0)),
    );
    let ours_new_links: Vec<_> = ours
        .links
        .iter()
        .filter(|l| base.link(l.id).is_none())
        .collect();
    let mut link_ids: BTreeMap<LinkId, LinkId> = BTreeMap::new();
    let mut dropped_links = BTreeSet::new();
    for link in theirs.links.iter().filter(|l| base.link(l.id).is_none()) {
        if ours.link(link.id) == Some(link) {
            continue;
        }
        let twin = ours_new_links.iter().find(|o| {
            o.same_shape(link)
                && o.note == link.note
                && o.scheme == link.scheme
                && o.question == link.question
        });
        if let Some(twin) = twin {
            link_ids.insert(link.id, twin.id);
            dropped_links.insert(link.id);
        } else if ours.link(link.id).is_some() {
            let id = LinkId(fresh.next());
            link_ids.insert(link.id, id);
            renumbered.push((Item::Link(link.id), Item::Link(id)));
        }
    }
    theirs.links.retain(|l| !dropped_links.contains(&l.id));
    for link in &mut theirs.links {
        if let Some(&id) = link_ids.get(&link.id) {
            link.id = id;
        }
        if let Target::Link(target) = &mut link.target
            && let Some(&id) = link_ids.get(target)
        {
            *target = id;
        }
    }
    theirs.sort();
    renumbered
}

/// Ids no map of the three uses: counting up from the highest, or filling
/// gaps from 1 when the highest is the very last.
struct Fresh {
    used: BTreeSet<u64>,
    next: u64,
}

impl Fresh {
    fn new(used: impl Iterator<Item = u64>) -> Self {
        let used: BTreeSet<u64> = used.collect();
        let next = used.last().map_or(1, |&h| h.saturating_add(1));
        Self { used, next }
    }

    fn next(&mut self) -> u64 {
        while self.used.contains(&self.next) {
            self.next = self.next.checked_add(1).unwrap_or(1);
        }
        self.used.insert(self.next);
        self.next
    }
}
