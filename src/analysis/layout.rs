//! Tidy: a layered layout. Conclusions go on top, the claims that support or
//! rebut them in the rows below, ordered to keep links short and uncrossed,
//! with no overlapping cards. Pure: sizes in, positions out.

use crate::model::{ClaimId, Map, Point, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Space between cards in a row and between rows, in canvas units.
pub const H_GAP: f32 = 40.0;
pub const V_GAP: f32 = 90.0;
/// Space between unconnected groups of claims.
const GROUP_GAP: f32 = 120.0;

/// Width and height of a claim's card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub w: f32,
    pub h: f32,
}

/// New centre positions for every claim in `sizes`, laid out in layers.
/// Claims missing from `sizes` are ignored; the result is deterministic.
pub fn tidy(map: &Map, sizes: &BTreeMap<ClaimId, Size>) -> BTreeMap<ClaimId, Point> {
    let graph = Graph::new(map, sizes);
    let mut positions = BTreeMap::new();
    let mut left = 0.0;
    for component in graph.components() {
        let layers = graph.layers(&component);
        let ordered = graph.order(layers);
        let (placed, width) = graph.place(&ordered, sizes);
        for (id, mut p) in placed {
            p.x += left;
            positions.insert(id, p);
        }
        left += width + GROUP_GAP;
    }
    positions
}

/// Premise → conclusion edges between claims (an undercut's premises point at
/// the conclusion of the link they attack, so they sit beside its premises).
struct Graph {
    nodes: Vec<ClaimId>,
    up: BTreeMap<ClaimId, BTreeSet<ClaimId>>,
    down: BTreeMap<ClaimId, BTreeSet<ClaimId>>,
}

impl Graph {
    fn new(map: &Map, sizes: &BTreeMap<ClaimId, Size>) -> Self {
        let nodes: Vec<ClaimId> = map
            .claims
            .iter()
            .map(|c| c.id)
            .filter(|id| sizes.contains_key(id))
            .collect();
        let mut up: BTreeMap<ClaimId, BTreeSet<ClaimId>> = BTreeMap::new();
        let mut down: BTreeMap<ClaimId, BTreeSet<ClaimId>> = BTreeMap::new();
        for link in &map.links {
            let Some(conclusion) = conclusion_of(map, link.target) else {
                continue;
            };
            for &premise in &link.premises {
                if premise != conclusion
                    && sizes.contains_key(&premise)
                    && sizes.contains_key(&conclusion)
                {
                    up.entry(premise).or_default().insert(conclusion);
                    down.entry(conclusion).or_default().insert(premise);
                }
            }
        }
        Self { nodes, up, down }
    }

    fn neighbours(&self, id: ClaimId) -> impl Iterator<Item = ClaimId> + '_ {
        let up = self.up.get(&id).into_iter().flatten();
        let down = self.down.get(&id).into_iter().flatten();
        up.chain(down).copied()
    }

    /// Connected groups, each sorted, largest first (ties by smallest id).
    fn components(&self) -> Vec<Vec<ClaimId>> {
        let mut seen = BTreeSet::new();
        let mut groups = Vec::new();
        for &start in &self.nodes {
            if !seen.insert(start) {
                continue;
            }
            let mut group = vec![start];
            let mut stack = vec![start];
            while let Some(id) = stack.pop() {
                for next in self.neighbours(id) {
                    if seen.insert(next) {
                        group.push(next);
                        stack.push(next);
                    }
                }
            }
            group.sort();
            groups.push(group);
        }
        groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        groups
    }

    /// Row of each claim: 0 for claims that support nothing, otherwise one
    /// below the lowest of the claims they point at. Cycles are broken by
    /// ignoring the edge that closes them.
    fn layers(&self, group: &[ClaimId]) -> Vec<Vec<ClaimId>> {
        let mut layer: BTreeMap<ClaimId, usize> = BTreeMap::new();
        let mut on_path = BTreeSet::new();
        for &id in group {
            self.layer_of(id, &mut layer, &mut on_path);
        }
        let rows = layer.values().max().map_or(0, |m| m + 1);
        let mut layers = vec![Vec::new(); rows];
        for &id in group {
            if let Some(&l) = layer.get(&id) {
                layers[l].push(id);
            }
        }
        layers
    }

    fn layer_of(
        &self,
        id: ClaimId,
        layer: &mut BTreeMap<ClaimId, usize>,
        on_path: &mut BTreeSet<ClaimId>,
    ) -> usize {
        if let Some(&l) = layer.get(&id) {
            return l;
        }
        on_path.insert(id);
        let mut value = 0;
        for &above in self.up.get(&id).into_iter().flatten() {
            if on_path.contains(&above) {
                continue; // closes a cycle
            }
            value = value.max(self.layer_of(above, layer, on_path) + 1);
        }
        on_path.remove(&id);
        layer.insert(id, value);
        value
    }

    /// Orders each row by the barycentre of its neighbours in the rows next to
    /// it, sweeping down and up a few times to reduce crossings.
    fn order(&self, mut layers: Vec<Vec<ClaimId>>) -> Vec<Vec<ClaimId>> {
        for sweep in 0..8 {
            let downward = sweep % 2 == 0;
            let rows: Vec<usize> = if downward {
                (1..layers.len()).collect()
            } else {
                (0..layers.len().saturating_sub(1)).rev().collect()
            };
            for row in rows {
                let reference = if downward { row - 1 } else { row + 1 };
                let rank: BTreeMap<ClaimId, f32> = layers[reference]
                    .iter()
                    .enumerate()
                    .map(|(i, &id)| (id, i as f32))
                    .collect();
                let current: BTreeMap<ClaimId, f32> = layers[row]
                    .iter()
                    .enumerate()
                    .map(|(i, &id)| (id, i as f32))
                    .collect();
                let key = |id: ClaimId| {
                    let ranks: Vec<f32> = self
                        .neighbours(id)
                        .filter_map(|n| rank.get(&n).copied())
                        .collect();
                    if ranks.is_empty() {
                        current[&id]
                    } else {
                        ranks.iter().sum::<f32>() / ranks.len() as f32
                    }
                };
                let mut keyed: Vec<(f32, f32, ClaimId)> = layers[row]
                    .iter()
                    .map(|&id| (key(id), current[&id], id))
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
                layers[row] = keyed.into_iter().map(|(_, _, id)| id).collect();
            }
        }
        layers
    }

    /// Centres for ordered rows: each card pulled towards its neighbours while
    /// keeping the gap to the cards beside it. Returns positions and total width.
    fn place(
        &self,
        layers: &[Vec<ClaimId>],
        sizes: &BTreeMap<ClaimId, Size>,
    ) -> (BTreeMap<ClaimId, Point>, f32) {
        let size = |id: &ClaimId| sizes.get(id).copied().unwrap_or(Size { w: 0.0, h: 0.0 });
        let mut x: BTreeMap<ClaimId, f32> = BTreeMap::new();
        for row in layers {
            let mut left = 0.0;
            for id in row {
                let w = size(id).w;
                x.insert(*id, left + w / 2.0);
                left += w + H_GAP;
            }
        }
        for round in 0..12 {
            let rows: Vec<&Vec<ClaimId>> = if round % 2 == 0 {
                layers.iter().collect()
            } else {
                layers.iter().rev().collect()
            };
            for row in rows {
                let wanted: Vec<f32> = row
                    .iter()
                    .map(|id| {
                        let xs: Vec<f32> = self
                            .neighbours(*id)
                            .filter_map(|n| x.get(&n).copied())
                            .collect();
                        if xs.is_empty() {
                            x[id]
                        } else {
                            xs.iter().sum::<f32>() / xs.len() as f32
                        }
                    })
                    .collect();
                let widths: Vec<f32> = row.iter().map(|id| size(id).w).collect();
                let placed = spread(&wanted, &widths);
                for (id, value) in row.iter().zip(placed) {
                    x.insert(*id, value);
                }
            }
        }
        let min_left = x
            .iter()
            .map(|(id, cx)| cx - size(id).w / 2.0)
            .fold(f32::INFINITY, f32::min);
        let max_right = x
            .iter()
            .map(|(id, cx)| cx + size(id).w / 2.0)
            .fold(f32::NEG_INFINITY, f32::max);
        let mut positions = BTreeMap::new();
        let mut top = 0.0;
        for row in layers {
            let height = row.iter().map(|id| size(id).h).fold(0.0, f32::max);
            for id in row {
                positions.insert(*id, Point::new(x[id] - min_left, top + size(id).h / 2.0));
            }
            top += height + V_GAP;
        }
        let width = if max_right.is_finite() {
            max_right - min_left
        } else {
            0.0
        };
        (positions, width)
    }
}

/// Places cards of `widths` in the given order as close to `wanted` centres as
/// possible without overlap: clusters that would overlap are merged and centred
/// on the mean of what their members want.
fn spread(wanted: &[f32], widths: &[f32]) -> Vec<f32> {
    // Each block: (first index, last index, left edge).
    let mut blocks: Vec<(usize, usize, f32)> = Vec::new();
    for i in 0..wanted.len() {
        blocks.push((i, i, wanted[i] - widths[i] / 2.0));
        while blocks.len() > 1 {
            let (a_first, a_last, a_left) = blocks[blocks.len() - 2];
            let (_, b_last, b_left) = blocks[blocks.len() - 1];
            let a_width = block_width(widths, a_first, a_last);
            if a_left + a_width + H_GAP <= b_left {
                break;
            }
            // Merge: the new block's left edge puts its centre of wants in place.
            let first = a_first;
            let last = b_last;
            let mut offsets = Vec::new();
            let mut cursor = 0.0;
            for width in &widths[first..=last] {
                offsets.push(cursor + width / 2.0);
                cursor += width + H_GAP;
            }
            let shift: f32 = (first..=last)
                .zip(&offsets)
                .map(|(j, o)| wanted[j] - o)
                .sum::<f32>()
                / offsets.len() as f32;
            blocks.pop();
            blocks.pop();
            blocks.push((first, last, shift));
        }
    }
    let mut result = vec![0.0; wanted.len()];
    for (first, last, left) in blocks {
        let mut cursor = left;
        for j in first..=last {
            result[j] = cursor + widths[j] / 2.0;
            cursor += widths[j] + H_GAP;
        }
    }
    result
}

fn block_width(widths: &[f32], first: usize, last: usize) -> f32 {
    widths[first..=last].iter().sum::<f32>() + H_GAP * (last - first) as f32
}

/// The claim a link's premises ultimately bear on.
fn conclusion_of(map: &Map, target: Target) -> Option<ClaimId> {
    let mut target = target;
    for _ in 0..=map.links.len() {
        match target {
            Target::Claim(id) => return Some(id),
            Target::Link(id) => target = map.link(id)?.target,
        }
    }
    None
}
