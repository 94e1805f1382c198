//! A claim's neighbourhood: the claims within a few links of it, and the
//! part of the map among them. Focus on claim shows just this.

use crate::model::{ClaimId, Map, Target};
use std::collections::{BTreeMap, BTreeSet};

/// The claims within `steps` links of `centre`, counting a link as joining
/// its premises, its target claim, and the claims of a link it undercuts.
pub fn neighbourhood(map: &Map, centre: ClaimId, steps: usize) -> BTreeSet<ClaimId> {
    let ends = |link: &crate::model::Link| -> Vec<ClaimId> {
        let mut ends = link.premises.clone();
        let mut target = link.target;
        // An undercut joins the link it attacks, and through it that link's claims.
        for _ in 0..=map.links.len() {
            match target {
                Target::Claim(c) => {
                    ends.push(c);
                    break;
                }
                Target::Link(l) => match map.link(l) {
                    Some(attacked) => {
                        ends.extend(attacked.premises.iter().copied());
                        target = attacked.target;
                    }
                    None => break,
                },
            }
        }
        ends
    };
    let mut near: BTreeMap<ClaimId, Vec<ClaimId>> = BTreeMap::new();
    for link in &map.links {
        let ends = ends(link);
        for &a in &ends {
            near.entry(a)
                .or_default()
                .extend(ends.iter().copied().filter(|&b| b != a));
        }
    }
    let mut members = BTreeSet::from([centre]);
    let mut frontier = vec![centre];
    for _ in 0..steps {
        let mut next = Vec::new();
        for id in frontier {
            for &n in near.get(&id).into_iter().flatten() {
                if members.insert(n) {
                    next.push(n);
                }
            }
        }
        frontier = next;
    }
    members
}

/// The claims in `ids` and the links wholly among them.
pub fn among(map: &Map, ids: &BTreeSet<ClaimId>) -> Map {
    let mut part = Map {
        claims: map
            .claims
            .iter()
            .filter(|c| ids.contains(&c.id))
            .cloned()
            .collect(),
        ..Map::default()
    };
    let mut kept: BTreeSet<crate::model::LinkId> = BTreeSet::new();
    // Links between kept claims first, then undercuts of links kept.
    loop {
        let before = kept.len();
        for link in &map.links {
            let inside = link.premises.iter().all(|p| ids.contains(p))
                && match link.target {
                    Target::Claim(c) => ids.contains(&c),
                    Target::Link(l) => kept.contains(&l),
                };
            if inside {
                kept.insert(link.id);
            }
        }
        if kept.len() == before {
            break;
        }
    }
    part.links = map
        .links
        .iter()
        .filter(|l| kept.contains(&l.id))
        .cloned()
        .collect();
    part
}
