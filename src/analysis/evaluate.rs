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
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// The links around each claim and link, indexed once per evaluation.
struct Graph<'a> {
    map: &'a Map,
    supports: BTreeMap<ClaimId, Vec<LinkId>>,
    rebuts: BTreeMap<ClaimId, Vec<LinkId>>,
    undercuts: BTreeMap<LinkId, Vec<LinkId>>,
    /// The links each claim is a premise of.
    premise_of: BTreeMap<ClaimId, Vec<LinkId>>,
}

/// A claim or a link, as queued while settling.
#[derive(Clone, Copy)]
enum Node {
    Claim(ClaimId),
    Link(LinkId),
}

impl<'a> Graph<'a> {
    fn new(map: &'a Map) -> Self {
        let mut graph = Self {
            map,
            supports: BTreeMap::new(),
            rebuts: BTreeMap::new(),
            undercuts: BTreeMap::new(),
            premise_of: BTreeMap::new(),
        };
        for link in &map.links {
            for &p in &link.premises {
                graph.premise_of.entry(p).or_default().push(link.id);
            }
            match (link.kind, link.target) {
                (LinkKind::Support, Target::Claim(c)) => {
                    graph.supports.entry(c).or_default().push(link.id)
                }
                (LinkKind::Rebut, Target::Claim(c)) => {
                    graph.rebuts.entry(c).or_default().push(link.id)
                }
                // A support aimed at a link backs the inference (it meets a critical
                // question); an inference stands unless attacked, so it changes nothing.
                (LinkKind::Support, Target::Link(_)) => {}
                (LinkKind::Rebut, Target::Link(l)) => {
                    graph.undercuts.entry(l).or_default().push(link.id)
                }
            }
        }
        graph
    }

    fn supports(&self, c: ClaimId) -> &[LinkId] {
        self.supports.get(&c).map_or(&[], Vec::as_slice)
    }

    fn rebuts(&self, c: ClaimId) -> &[LinkId] {
        self.rebuts.get(&c).map_or(&[], Vec::as_slice)
    }

    fn undercuts(&self, l: LinkId) -> &[LinkId] {
        self.undercuts.get(&l).map_or(&[], Vec::as_slice)
    }

    /// What the rules force for a claim, given the current labels (`None`: not yet).
    fn claim_rule(&self, c: ClaimId, lab: &Labelling) -> Option<Status> {
        let rebuts = self.rebuts(c);
        let supports = self.supports(c);
        if rebuts.iter().any(|&l| lab.link(l) == Status::Accepted) {
            return Some(Status::Defeated);
        }
        if !supports.is_empty() && supports.iter().all(|&l| lab.link(l) == Status::Defeated) {
            return Some(Status::Defeated);
        }
        let unattacked = rebuts.iter().all(|&l| lab.link(l) == Status::Defeated);
        let grounded =
            supports.is_empty() || supports.iter().any(|&l| lab.link(l) == Status::Accepted);
        (unattacked && grounded).then_some(Status::Accepted)
    }

    fn link_rule(&self, l: LinkId, lab: &Labelling) -> Option<Status> {
        let link = self.map.link(l)?;
        if link
            .premises
            .iter()
            .any(|&p| lab.claim(p) == Status::Defeated)
            || self
                .undercuts(l)
                .iter()
                .any(|&u| lab.link(u) == Status::Accepted)
        {
            return Some(Status::Defeated);
        }
        let premises = link
            .premises
            .iter()
            .all(|&p| lab.claim(p) == Status::Accepted);
        let free = self
            .undercuts(l)
            .iter()
            .all(|&u| lab.link(u) == Status::Defeated);
        (premises && free).then_some(Status::Accepted)
    }

    /// Settles undecided claims and links until nothing more follows.
    /// Pinned claims keep their pinned status. A label only ever goes from
    /// undecided to settled, so after a first look at everything only the
    /// neighbours of what just settled need another look.
    fn settle(&self, lab: &mut Labelling, fixed: &BTreeSet<ClaimId>) {
        let mut queue: std::collections::VecDeque<Node> = self
            .map
            .links
            .iter()
            .map(|l| Node::Link(l.id))
            .chain(self.map.claims.iter().map(|c| Node::Claim(c.id)))
            .collect();
        while let Some(node) = queue.pop_front() {
            match node {
                Node::Link(l) => {
                    if lab.link(l) != Status::Undecided {
                        continue;
                    }
                    let Some(status) = self.link_rule(l, lab) else {
                        continue;
                    };
                    lab.links.insert(l, status);
                    match self.map.link(l).map(|link| link.target) {
                        Some(Target::Claim(c)) => queue.push_back(Node::Claim(c)),
                        Some(Target::Link(t)) => queue.push_back(Node::Link(t)),
                        None => {}
                    }
                }
                Node::Claim(c) => {
                    if fixed.contains(&c) || lab.claim(c) != Status::Undecided {
                        continue;
                    }
                    let Some(status) = self.claim_rule(c, lab) else {
                        continue;
                    };
                    lab.claims.insert(c, status);
                    if let Some(links) = self.premise_of.get(&c) {
                        queue.extend(links.iter().map(|&l| Node::Link(l)));
                    }
                }
            }
        }
    }

    fn start(&self, pins: &Pins) -> (Labelling, BTreeSet<ClaimId>) {
        let mut lab = Labelling {
            claims: self
                .map
                .claims
                .iter()
                .map(|c| (c.id, Status::Undecided))
                .collect(),
            links: self
                .map
                .links
                .iter()
                .map(|l| (l.id, Status::Undecided))
                .collect(),
        };
        let mut fixed = BTreeSet::new();
        for (&id, pin) in pins {
            if let std::collections::btree_map::Entry::Occupied(mut e) = lab.claims.entry(id) {
                let status = match pin {
                    Pin::Accepted => Status::Accepted,
                    Pin::Rejected => Status::Defeated,
                };
                e.insert(status);
                fixed.insert(id);
            }
        }
        (lab, fixed)
    }

    /// Whether every label agrees with the rules (a complete labelling).
    fn is_complete(&self, lab: &Labelling, fixed: &BTreeSet<ClaimId>) -> bool {
        let agrees = |has: Status, forced: Option<Status>| match has {
            Status::Undecided => forced.is_none(),
            settled => forced == Some(settled),
        };
        self.map
            .links
            .iter()
            .all(|l| agrees(lab.link(l.id), self.link_rule(l.id, lab)))
            && self
                .map
                .claims
                .iter()
                .filter(|c| !fixed.contains(&c.id))
                .all(|c| agrees(lab.claim(c.id), self.claim_rule(c.id, lab)))
    }
}

/// The grounded labelling: what the map settles on its own (plus any pins).
pub fn grounded(map: &Map, pins: &Pins) -> Labelling {
    let graph = Graph::new(map);
    let (mut lab, fixed) = graph.start(pins);
    graph.settle(&mut lab, &fixed);
    lab
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
    let open: Vec<ClaimId> = base
        .claims
        .iter()
        .filter(|(_, s)| **s == Status::Undecided)
        .map(|(id, _)| *id)
        .collect();
    if open.len() > PREFERRED_LIMIT {
        return None;
    }
    let mut found: Vec<Labelling> = Vec::new();
    explore(&graph, base, &fixed, &fixed, &mut found);
    // Keep the labellings whose accepted claims no other labelling strictly contains.
    let sets: Vec<BTreeSet<ClaimId>> = found.iter().map(Labelling::accepted).collect();
    let mut keep: Vec<Labelling> = Vec::new();
    for (i, lab) in found.iter().enumerate() {
        let dominated = sets
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && sets[i].is_subset(other) && sets[i] != *other);
        if !dominated && !keep.iter().any(|k| k.accepted() == sets[i]) {
            keep.push(lab.clone());
        }
    }
    keep.sort_by_key(|a| a.accepted());
    Some(keep)
}

/// Depth-first: assume the first open claim accepted, then defeated, settle
/// what follows, and keep every complete labelling reached. Assumptions are
/// held fixed while settling, then checked like every other label; only the
/// user's pins are exempt.
fn explore(
    graph: &Graph<'_>,
    lab: Labelling,
    fixed: &BTreeSet<ClaimId>,
    pinned: &BTreeSet<ClaimId>,
    found: &mut Vec<Labelling>,
) {
    if graph.is_complete(&lab, pinned) && !found.contains(&lab) {
        found.push(lab.clone());
    }
    let open = lab
        .claims
        .iter()
        .find(|(id, s)| **s == Status::Undecided && !fixed.contains(id));
    let Some(next) = open.map(|(id, _)| *id) else {
        return;
    };
    // Each open claim is assumed accepted, defeated, or left undecided.
    for status in [Status::Accepted, Status::Defeated, Status::Undecided] {
        let mut trial = lab.clone();
        trial.claims.insert(next, status);
        let mut assumed = fixed.clone();
        assumed.insert(next);
        graph.settle(&mut trial, &assumed);
        // Settled labels never change again, so an assumption the rules already
        // contradict cannot be rescued by further assumptions.
        let contradicted = assumed.iter().filter(|c| !pinned.contains(c)).any(|&c| {
            let forced = graph.claim_rule(c, &trial);
            forced.is_some_and(|f| f != trial.claim(c))
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
    let rebuts = graph.rebuts(claim);
    let supports = graph.supports(claim);
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
        if let Some(u) = with(Status::Accepted, graph.undercuts(l)) {
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
