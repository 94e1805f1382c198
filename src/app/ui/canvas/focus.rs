//! Focus on one claim: only its neighbourhood (what it bears on, what bears
//! on it, one or two steps out) is shown, laid out on its own and fitted to
//! the view, for a class discussing one exchange at a time. View state only:
//! the map's own positions are untouched.

use super::cards::CardSizes;
use crate::analysis::layout;
use crate::model::{ClaimId, Map, Point, Target};
use crate::render::measure::layout_size;
use std::collections::{BTreeMap, BTreeSet};

pub struct Focus {
    pub claim: ClaimId,
    /// How many links out the neighbourhood reaches (1 or 2).
    pub steps: usize,
    /// The map state the layout below was made for.
    made_for: Option<(u64, u64)>,
    positions: BTreeMap<ClaimId, Point>,
}

impl Focus {
    pub fn new(claim: ClaimId) -> Self {
        Self {
            claim,
            steps: 1,
            made_for: None,
            positions: BTreeMap::new(),
        }
    }

    pub fn set_steps(&mut self, steps: usize) {
        if self.steps != steps {
            self.steps = steps;
            self.made_for = None;
        }
    }

    /// Where each shown claim stands; lays the neighbourhood out again when
    /// the map changed. Returns whether it did (so the view fits it again).
    pub fn update(&mut self, map: &Map, version: (u64, u64), sizes: &CardSizes) -> bool {
        if self.made_for == Some(version) {
            return false;
        }
        self.made_for = Some(version);
        let members = neighbourhood(map, self.claim, self.steps);
        let part = among(map, &members);
        let sizes = part
            .claims
            .iter()
            .map(|c| (c.id, layout_size(sizes.get(c.id))))
            .collect();
        self.positions = layout::tidy(&part, &sizes);
        true
    }

    /// The centre of a shown claim; `None` for the claims hidden.
    pub fn position(&self, id: ClaimId) -> Option<Point> {
        self.positions.get(&id).copied()
    }

    pub fn shown(&self) -> impl Iterator<Item = (ClaimId, Point)> + '_ {
        self.positions.iter().map(|(&id, &p)| (id, p))
    }
}

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
fn among(map: &Map, ids: &BTreeSet<ClaimId>) -> Map {
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
