//! Which claims stand, given the map: grounded semantics (Dung, 1995) over
//! rebuts and undercuts, with support handled as in evidential argumentation
//! (Oren and Norman, 2008): a claim that something supports needs at least
//! one of its supporting inferences to stand. Every claim that nothing
//! supports is treated as evidence, taken as given until something defeats it.
//!
//! Every claim and every link gets a label. A link is an inference: it stands
//! (`Accepted`) when all its premises are accepted and no undercut aimed at it
//! stands; it is knocked out (`Defeated`) when a premise is defeated or an
//! undercut stands. A claim is
//! - `Accepted` when every rebut aimed at it is knocked out and, if it has
//!   supports, at least one support stands;
//! - `Defeated` when a rebut aimed at it stands, or it has supports and all of
//!   them are knocked out;
//! - `Undecided` otherwise (for example in a cycle of rebuttals).
//!
//! The grounded labelling is the least fixpoint of these rules: start with
//! everything undecided and settle only what must be settled. Preferred
//! labellings settle as much as can be settled consistently, one coherent
//! position at a time.

use crate::model::{ClaimId, LinkId, LinkKind, Map, Target, excerpt};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Accepted,
    Defeated,
    Undecided,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Defeated => "defeated",
            Self::Undecided => "undecided",
        }
    }
}

pub use crate::model::Pin;

pub type Pins = BTreeMap<ClaimId, Pin>;

/// The status of every claim and link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labelling {
    pub claims: BTreeMap<ClaimId, Status>,
    pub links: BTreeMap<LinkId, Status>,
}

impl Labelling {
    pub fn claim(&self, id: ClaimId) -> Status {
        self.claims.get(&id).copied().unwrap_or(Status::Undecided)
    }

    pub fn link(&self, id: LinkId) -> Status {
        self.links.get(&id).copied().unwrap_or(Status::Undecided)
    }

    pub fn accepted(&self) -> BTreeSet<ClaimId> {
        self.claims
            .iter()
            .filter(|(_, s)| **s == Status::Accepted)
            .map(|(id, _)| *id)
            .collect()
    }

    /// How many claims have each status: (accepted, defeated, undecided).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |want| self.claims.values().filter(|s| **s == want).count();
        (
            count(Status::Accepted),
            count(Status::Defeated),
            count(Status::Undecided),
        )
    }
}

/// Labels by position: claims as in `map.claims`, links as in `map.links`.
#[derive(Clone, PartialEq, Eq)]
struct Dense {
    claims: Vec<Status>,
    links: Vec<Status>,
}

/// A claim or a link by position, as queued while settling.
#[derive(Clone, Copy)]
enum Node {
    Claim(usize),
    Link(usize),
}

/// The links around each claim and link, by position in the map's lists,
/// indexed once per evaluation: settling then never searches the map.
struct Graph<'a> {
    map: &'a Map,
    supports: Vec<Vec<usize>>,
    rebuts: Vec<Vec<usize>>,
    /// Per link: the undercuts aimed at it.
    undercuts: Vec<Vec<usize>>,
    /// Per claim: the links it is a premise of.
    premise_of: Vec<Vec<usize>>,
    /// Per link: its premises (`None` for one not on the map).
    premises: Vec<Vec<Option<usize>>>,
    /// Per link: what it bears on.
    target: Vec<Option<Node>>,
}

impl<'a> Graph<'a> {
    fn new(map: &'a Map) -> Self {
        let (nc, nl) = (map.claims.len(), map.links.len());
        let mut graph = Self {
            map,
            supports: vec![Vec::new(); nc],
            rebuts: vec![Vec::new(); nc],
            undercuts: vec![Vec::new(); nl],
            premise_of: vec![Vec::new(); nc],
            premises: Vec::with_capacity(nl),
            target: Vec::with_capacity(nl),
        };
        let (claim_at, link_at) = (map.claim_places(), map.link_places());
        for (li, link) in map.links.iter().enumerate() {
            let premises: Vec<Option<usize>> =
                link.premises.iter().map(|&p| claim_at.get(p.0)).collect();
            for &p in premises.iter().flatten() {
                graph.premise_of[p].push(li);
            }
            graph.premises.push(premises);
            let target = match link.target {
                Target::Claim(c) => claim_at.get(c.0).map(Node::Claim),
                Target::Link(l) => link_at.get(l.0).map(Node::Link),
            };
            graph.target.push(target);
            match (link.kind, target) {
                (LinkKind::Support, Some(Node::Claim(c))) => graph.supports[c].push(li),
                (LinkKind::Rebut, Some(Node::Claim(c))) => graph.rebuts[c].push(li),
                // A support aimed at a link backs the inference (it meets a critical
                // question); an inference stands unless attacked, so it changes nothing.
                (LinkKind::Support, _) => {}
                (LinkKind::Rebut, Some(Node::Link(l))) => graph.undercuts[l].push(li),
                (LinkKind::Rebut, None) => {}
            }
        }
        graph
    }

    /// What the rules force for a claim, given the current labels (`None`: not yet).
    fn claim_rule(&self, c: usize, lab: &Dense) -> Option<Status> {
        let rebuts = &self.rebuts[c];
        let supports = &self.supports[c];
        if rebuts.iter().any(|&l| lab.links[l] == Status::Accepted) {
            return Some(Status::Defeated);
        }
        if !supports.is_empty() && supports.iter().all(|&l| lab.links[l] == Status::Defeated) {
            return Some(Status::Defeated);
        }
        let unattacked = rebuts.iter().all(|&l| lab.links[l] == Status::Defeated);
        let grounded =
            supports.is_empty() || supports.iter().any(|&l| lab.links[l] == Status::Accepted);
        (unattacked && grounded).then_some(Status::Accepted)
    }

    fn link_rule(&self, l: usize, lab: &Dense) -> Option<Status> {
        let premise = |p: &Option<usize>| p.map_or(Status::Undecided, |p| lab.claims[p]);
        let undercuts = &self.undercuts[l];
        if self.premises[l]
            .iter()
            .any(|p| premise(p) == Status::Defeated)
            || undercuts.iter().any(|&u| lab.links[u] == Status::Accepted)
        {
            return Some(Status::Defeated);
        }
        let premises = self.premises[l]
            .iter()
            .all(|p| premise(p) == Status::Accepted);
        let free = undercuts.iter().all(|&u| lab.links[u] == Status::Defeated);
        (premises && free).then_some(Status::Accepted)
    }

    /// Settles undecided claims and links until nothing more follows.
    /// Claims marked `fixed` keep their status. A label only ever goes from
    /// undecided to settled, so after a first look at everything only the
    /// neighbours of what just settled need another look.
    fn settle(&self, lab: &mut Dense, fixed: &[bool]) {
        let mut queue: std::collections::VecDeque<Node> = (0..lab.links.len())
            .map(Node::Link)
            .chain((0..lab.claims.len()).map(Node::Claim))
            .collect();
        while let Some(node) = queue.pop_front() {
            match node {
                Node::Link(l) => {
                    if lab.links[l] != Status::Undecided {
                        continue;
                    }
                    let Some(status) = self.link_rule(l, lab) else {
                        continue;
                    };
                    lab.links[l] = status;
                    if let Some(target) = self.target[l] {
                        queue.push_back(target);
                    }
                }
                Node::Claim(c) => {
                    if fixed[c] || lab.claims[c] != Status::Undecided {
                        continue;
                    }
                    let Some(status) = self.claim_rule(c, lab) else {
                        continue;
                    };
                    lab.claims[c] = status;
                    queue.extend(self.premise_of[c].iter().map(|&l| Node::Link(l)));
                }
            }
        }
    }

    fn start(&self, pins: &Pins) -> (Dense, Vec<bool>) {
        let mut lab = Dense {
            claims: vec![Status::Undecided; self.map.claims.len()],
            links: vec![Status::Undecided; self.map.links.len()],
        };
        let mut fixed = vec![false; self.map.claims.len()];
        for (&id, pin) in pins {
            if let Some(c) = self.map.claim_index(id) {
                lab.claims[c] = match pin {
                    Pin::Accepted => Status::Accepted,
                    Pin::Rejected => Status::Defeated,
                };
                fixed[c] = true;
            }
        }
        (lab, fixed)
    }

    /// Whether every label agrees with the rules (a complete labelling).
    fn is_complete(&self, lab: &Dense, fixed: &[bool]) -> bool {
        let agrees = |has: Status, forced: Option<Status>| match has {
            Status::Undecided => forced.is_none(),
            settled => forced == Some(settled),
        };
        (0..lab.links.len()).all(|l| agrees(lab.links[l], self.link_rule(l, lab)))
            && (0..lab.claims.len())
                .filter(|&c| !fixed[c])
                .all(|c| agrees(lab.claims[c], self.claim_rule(c, lab)))
    }

    /// The labels by id.
    fn labelling(&self, lab: &Dense) -> Labelling {
        Labelling {
            claims: self
                .map
                .claims
                .iter()
                .zip(&lab.claims)
                .map(|(c, &s)| (c.id, s))
                .collect(),
            links: self
                .map
                .links
                .iter()
                .zip(&lab.links)
                .map(|(l, &s)| (l.id, s))
                .collect(),
        }
    }

    /// The ids of links given by position.
    fn ids(&self, links: &[usize]) -> Vec<LinkId> {
        links.iter().map(|&l| self.map.links[l].id).collect()
    }
}

/// The grounded labelling: what the map settles on its own (plus any pins).
pub fn grounded(map: &Map, pins: &Pins) -> Labelling {
    let graph = Graph::new(map);
    let (mut lab, fixed) = graph.start(pins);
    graph.settle(&mut lab, &fixed);
    graph.labelling(&lab)
}

/// At most this many undecided claims are explored for preferred positions.
pub const PREFERRED_LIMIT: usize = 12;

/// The preferred labellings: each a maximal coherent position. `None` when
/// more than [`PREFERRED_LIMIT`] claims are undecided in the grounded
/// labelling (the search would take too long to be useful live).
pub fn preferred(map: &Map, pins: &Pins) -> Option<Vec<Labelling>> {
    let graph = Graph::new(map);
    let (mut base, fixed) = graph.start(pins);
    graph.settle(&mut base, &fixed);
    let open = base
        .claims
        .iter()
        .filter(|s| **s == Status::Undecided)
        .count();
    if open > PREFERRED_LIMIT {
        return None;
    }
    let mut found: Vec<Dense> = Vec::new();
    explore(&graph, base, &fixed, &fixed, &mut found);
    // Keep the labellings whose accepted claims no other labelling strictly contains.
    let accepted = |lab: &Dense| -> BTreeSet<usize> {
        (0..lab.claims.len())
            .filter(|&c| lab.claims[c] == Status::Accepted)
            .collect()
    };
    let sets: Vec<BTreeSet<usize>> = found.iter().map(accepted).collect();
    let mut keep: Vec<(BTreeSet<usize>, &Dense)> = Vec::new();
    for (i, lab) in found.iter().enumerate() {
        let dominated = sets
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && sets[i].is_subset(other) && sets[i] != *other);
        if !dominated && !keep.iter().any(|(k, _)| *k == sets[i]) {
            keep.push((sets[i].clone(), lab));
        }
    }
    // Claims are in id order, so positions order the sets as ids would.
    keep.sort_by(|a, b| a.0.cmp(&b.0));
    Some(
        keep.into_iter()
            .map(|(_, lab)| graph.labelling(lab))
            .collect(),
    )
}

/// Depth-first: assume the first open claim accepted, then defeated, settle
/// what follows, and keep every complete labelling reached. Assumptions are
/// held fixed while settling, then checked like every other label; only the
/// user's pins are exempt.
fn explore(graph: &Graph<'_>, lab: Dense, fixed: &[bool], pinned: &[bool], found: &mut Vec<Dense>) {
    if graph.is_complete(&lab, pinned) && !found.contains(&lab) {
        found.push(lab.clone());
    }
    let open = (0..lab.claims.len()).find(|&c| lab.claims[c] == Status::Undecided && !fixed[c]);
    let Some(next) = open else {
        return;
    };
    // Each open claim is assumed accepted, defeated, or left undecided.
    for status in [Status::Accepted, Status::Defeated, Status::Undecided] {
        let mut trial = lab.clone();
        trial.claims[next] = status;
        let mut assumed = fixed.to_vec();
        assumed[next] = true;
        graph.settle(&mut trial, &assumed);
        // Settled labels never change again, so an assumption the rules already
        // contradict cannot be rescued by further assumptions.
        let contradicted = (0..assumed.len())
            .filter(|&c| assumed[c] && !pinned[c])
            .any(|c| {
                let forced = graph.claim_rule(c, &trial);
                forced.is_some_and(|f| f != trial.claims[c])
            });
        if !contradicted {
            explore(graph, trial, &assumed, pinned, found);
        }
    }
}

/// One sentence on why a claim has its status.
pub fn explain(map: &Map, lab: &Labelling, pins: &Pins, claim: ClaimId) -> String {
    let graph = Graph::new(map);
    let quote = |c: ClaimId| {
        format!(
            "“{}”",
            map.claim(c)
                .map_or_else(String::new, |c| excerpt(&c.text, 60))
        )
    };
    let premises = |l: LinkId| {
        map.link(l).map_or_else(String::new, |link| {
            link.premises
                .iter()
                .map(|&p| quote(p))
                .collect::<Vec<_>>()
                .join(" with ")
        })
    };
    if let Some(pin) = pins.get(&claim) {
        return match pin {
            Pin::Accepted => "accepted: pinned as accepted (what-if)".to_owned(),
            Pin::Rejected => "defeated: pinned as rejected (what-if)".to_owned(),
        };
    }
    let Some(c) = map.claim_index(claim) else {
        return String::new();
    };
    let rebuts = &graph.ids(&graph.rebuts[c]);
    let supports = &graph.ids(&graph.supports[c]);
    let with =
        |want: Status, links: &[LinkId]| links.iter().copied().find(|&l| lab.link(l) == want);
    // Why a link is knocked out: a premise falls, or an undercut stands.
    let why_out = |l: LinkId| -> String {
        let Some(link) = map.link(l) else {
            return String::new();
        };
        if let Some(&p) = link
            .premises
            .iter()
            .find(|&&p| lab.claim(p) == Status::Defeated)
        {
            return format!("{} is defeated", quote(p));
        }
        let undercuts = map
            .link_index(l)
            .map(|li| graph.ids(&graph.undercuts[li]))
            .unwrap_or_default();
        if let Some(u) = with(Status::Accepted, &undercuts) {
            return format!("the inference is undercut by {}", premises(u));
        }
        "it is knocked out".to_owned()
    };
    match lab.claim(claim) {
        Status::Defeated => {
            if let Some(l) = with(Status::Accepted, rebuts) {
                format!("defeated: rebutted by {}, which stands", premises(l))
            } else if let Some(&l) = supports.first() {
                if supports.len() == 1 {
                    format!(
                        "defeated: its only support, from {}, fails because {}",
                        premises(l),
                        why_out(l)
                    )
                } else {
                    format!(
                        "defeated: all {} arguments for it fail (the one from {} because {})",
                        supports.len(),
                        premises(l),
                        why_out(l)
                    )
                }
            } else {
                "defeated".to_owned()
            }
        }
        Status::Accepted => {
            let base = match with(Status::Accepted, supports) {
                Some(l) => format!("accepted: supported by {}, which stands", premises(l)),
                None => {
                    "accepted: nothing supports or defeats it, so it is taken as given".to_owned()
                }
            };
            match rebuts.first() {
                Some(&l) if rebuts.len() == 1 => format!(
                    "{base}; its rebuttal by {} fails because {}",
                    premises(l),
                    why_out(l)
                ),
                Some(_) => format!("{base}; all {} rebuttals fail", rebuts.len()),
                None if supports.is_empty() => {
                    "accepted: nothing rebuts it, so it is taken as given".to_owned()
                }
                None => base,
            }
        }
        Status::Undecided => {
            if let Some(l) = with(Status::Undecided, rebuts) {
                format!(
                    "undecided: rebutted by {}, which is itself undecided",
                    premises(l)
                )
            } else if let Some(l) = with(Status::Undecided, supports) {
                format!("undecided: its support from {} is undecided", premises(l))
            } else {
                "undecided".to_owned()
            }
        }
    }
}
