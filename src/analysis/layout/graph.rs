//! The graph Tidy lays out: claims as nodes, one edge from each premise to
//! the claim its link bears on (an undercut's premises bear on the
//! conclusion of the link they attack, so they sit beside its premises).
//! Cycles are broken and every claim gets a layer, conclusions on top,
//! without recursion, so chains of any length lay out.

use crate::model::{ClaimId, Map, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Node indices follow the map's claims; edges run premise → conclusion.
pub struct Graph {
    pub ids: Vec<ClaimId>,
    /// Conclusions each node bears on (its edges up).
    pub up: Vec<Vec<usize>>,
    /// Premises bearing on each node (its edges down).
    pub down: Vec<Vec<usize>>,
}

impl Graph {
    /// The graph of `map`'s claims that appear in `keep`.
    pub fn new(map: &Map, keep: impl Fn(ClaimId) -> bool) -> Self {
        let ids: Vec<ClaimId> = map
            .claims
            .iter()
            .map(|c| c.id)
            .filter(|&id| keep(id))
            .collect();
        let index: BTreeMap<ClaimId, usize> =
            ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let conclusions = conclusions(map);
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        for link in &map.links {
            let Some(&conclusion) = conclusions.get(&link.id) else {
                continue;
            };
            let Some(&to) = index.get(&conclusion) else {
                continue;
            };
            for premise in &link.premises {
                if let Some(&from) = index.get(premise)
                    && from != to
                {
                    pairs.insert((from, to));
                }
            }
        }
        let mut up = vec![Vec::new(); ids.len()];
        let mut down = vec![Vec::new(); ids.len()];
        for (from, to) in pairs {
            up[from].push(to);
            down[to].push(from);
        }
        Self { ids, up, down }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Connected groups of nodes, each in index order, the largest first
    /// (ties: the one with the first claim first).
    pub fn components(&self) -> Vec<Vec<usize>> {
        let mut seen = vec![false; self.len()];
        let mut groups = Vec::new();
        for start in 0..self.len() {
            if seen[start] {
                continue;
            }
            seen[start] = true;
            let mut group = vec![start];
            let mut stack = vec![start];
            while let Some(node) = stack.pop() {
                for &next in self.up[node].iter().chain(&self.down[node]) {
                    if !seen[next] {
                        seen[next] = true;
                        group.push(next);
                        stack.push(next);
                    }
                }
            }
            group.sort_unstable();
            groups.push(group);
        }
        groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        groups
    }

    /// Edges up that close a cycle, to be laid out as if reversed: found by
    /// a depth-first walk from each conclusion, on an explicit stack.
    pub fn back_edges(&self, group: &[usize]) -> BTreeSet<(usize, usize)> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let mut mark: BTreeMap<usize, Mark> = group.iter().map(|&n| (n, Mark::New)).collect();
        let mut back = BTreeSet::new();
        // Start from nodes that bear on nothing (conclusions), then the rest.
        let starts = group
            .iter()
            .copied()
            .filter(|&n| self.up[n].is_empty())
            .chain(group.iter().copied());
        for start in starts {
            if mark[&start] != Mark::New {
                continue;
            }
            // Walk down from conclusions to their premises.
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            mark.insert(start, Mark::Open);
            while let Some((node, next)) = stack.last().copied() {
                if let Some(&child) = self.down[node].get(next) {
                    if let Some(last) = stack.last_mut() {
                        last.1 += 1;
                    }
                    match mark[&child] {
                        Mark::New => {
                            mark.insert(child, Mark::Open);
                            stack.push((child, 0));
                        }
                        // child → node closes a cycle through the open path.
                        Mark::Open => {
                            back.insert((child, node));
                        }
                        Mark::Done => {}
                    }
                } else {
                    mark.insert(node, Mark::Done);
                    stack.pop();
                }
            }
        }
        back
    }

    /// Each node's layer, 0 at the top: a claim sits one layer below the
    /// lowest claim it bears on, so every edge points up. `back` edges are
    /// taken the other way round.
    pub fn layers(
        &self,
        group: &[usize],
        back: &BTreeSet<(usize, usize)>,
    ) -> BTreeMap<usize, usize> {
        self.layers_within(group, back, |_| 0.0, f32::INFINITY)
    }
}

impl Graph {
    /// Layers as [`Graph::layers`] gives them, but no layer wider than
    /// `limit`: a claim that does not fit goes a layer lower (still below
    /// all it bears on), and what bears on it follows. This is what keeps a
    /// claim with many reasons from stretching the map into one long row.
    pub fn layers_within(
        &self,
        group: &[usize],
        back: &BTreeSet<(usize, usize)>,
        width: impl Fn(usize) -> f32,
        limit: f32,
    ) -> BTreeMap<usize, usize> {
        let ups = |n: usize| {
            self.up[n]
                .iter()
                .copied()
                .filter(move |&t| !back.contains(&(n, t)))
                .chain(
                    self.down[n]
                        .iter()
                        .copied()
                        .filter(move |&p| back.contains(&(p, n))),
                )
        };
        let mut waiting: BTreeMap<usize, usize> =
            group.iter().map(|&n| (n, ups(n).count())).collect();
        let mut below: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &n in group {
            for t in ups(n) {
                below.entry(t).or_default().push(n);
            }
        }
        // Kahn's order from the top: a node is placed once all it bears on are.
        let mut layer: BTreeMap<usize, usize> = BTreeMap::new();
        let mut used: Vec<f32> = Vec::new();
        let mut ready: std::collections::VecDeque<usize> =
            group.iter().copied().filter(|n| waiting[n] == 0).collect();
        while let Some(n) = ready.pop_front() {
            let mut l = ups(n).map(|t| layer[&t] + 1).max().unwrap_or(0);
            let w = width(n) + super::H_GAP;
            while used.get(l).is_some_and(|&u| u > 0.0 && u + w > limit) {
                l += 1;
            }
            if used.len() <= l {
                used.resize(l + 1, 0.0);
            }
            used[l] += w;
            layer.insert(n, l);
            for &m in below.get(&n).into_iter().flatten() {
                if let Some(c) = waiting.get_mut(&m) {
                    *c -= 1;
                    if *c == 0 {
                        ready.push_back(m);
                    }
                }
            }
        }
        // Anything left sat on a cycle the walk did not open (cannot happen
        // after breaking cycles, but a layer is owed to every node).
        for &n in group {
            layer.entry(n).or_insert(0);
        }
        layer
    }
}

/// The claim each link's premises finally bear on, following undercuts to
/// the link they attack; links whose chain leads nowhere are left out.
pub fn conclusions(map: &Map) -> BTreeMap<crate::model::LinkId, ClaimId> {
    let targets: BTreeMap<_, _> = map.links.iter().map(|l| (l.id, l.target)).collect();
    let mut found: BTreeMap<crate::model::LinkId, ClaimId> = BTreeMap::new();
    for link in &map.links {
        let mut path = vec![link.id];
        let mut target = link.target;
        let end = loop {
            match target {
                Target::Claim(c) => break Some(c),
                Target::Link(l) => {
                    if let Some(&c) = found.get(&l) {
                        break Some(c);
                    }
                    if path.len() > targets.len() {
                        break None;
                    }
                    path.push(l);
                    match targets.get(&l) {
                        Some(&t) => target = t,
                        None => break None,
                    }
                }
            }
        };
        if let Some(c) = end {
            for l in path {
                found.insert(l, c);
            }
        }
    }
    found
}
