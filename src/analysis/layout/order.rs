//! The order of claims within each layer, chosen to keep links from
//! crossing: links that span several layers get a waypoint in each layer
//! between, then layers are sorted by the barycentre of their neighbours,
//! sweeping down and up, with neighbouring swaps after each sweep. The best
//! order seen is kept.

/// A layered graph between consecutive layers only. Nodes are real claims
/// (`real[i]` is the graph node) or waypoints of a long link (`None`).
pub struct Layered {
    pub real: Vec<Option<usize>>,
    /// Which part of its layer a node keeps to (the debate layout's sides:
    /// 0 left, 1 right); a waypoint keeps to its link's lower end's part.
    pub part: Vec<u8>,
    /// Neighbours one layer up and one layer down.
    pub up: Vec<Vec<usize>>,
    pub down: Vec<Vec<usize>>,
    /// The nodes of each layer, left to right.
    pub rows: Vec<Vec<usize>>,
}

impl Layered {
    /// `edges` run from a node to one in a higher layer (smaller number).
    pub fn new(nodes: &[(usize, usize)], edges: &[(usize, usize)]) -> Self {
        Self::in_parts(nodes, edges, |_| 0)
    }

    /// [`Layered::new`] with each node kept to a part of its layer.
    pub fn in_parts(
        nodes: &[(usize, usize)],
        edges: &[(usize, usize)],
        part_of: impl Fn(usize) -> u8,
    ) -> Self {
        // nodes: (graph node, layer), in the order they should start in.
        let mut real = Vec::new();
        let mut layer = Vec::new();
        let mut part = Vec::new();
        let mut local = std::collections::BTreeMap::new();
        for &(node, l) in nodes {
            local.insert(node, real.len());
            real.push(Some(node));
            layer.push(l);
            part.push(part_of(node));
        }
        let mut up = vec![Vec::new(); real.len()];
        let mut down = vec![Vec::new(); real.len()];
        for &(from, to) in edges {
            let (Some(&a), Some(&b)) = (local.get(&from), local.get(&to)) else {
                continue;
            };
            let (mut lower, top) = (a, b);
            if layer[a] <= layer[b] {
                continue;
            }
            // A waypoint in each layer the link passes.
            for l in (layer[top] + 1..layer[a]).rev() {
                let waypoint = real.len();
                real.push(None);
                layer.push(l);
                part.push(part[a]);
                up.push(Vec::new());
                down.push(Vec::new());
                up[lower].push(waypoint);
                down[waypoint].push(lower);
                lower = waypoint;
            }
            up[lower].push(top);
            down[top].push(lower);
        }
        let layers = layer.iter().max().map_or(0, |m| m + 1);
        let mut rows = vec![Vec::new(); layers];
        // Start from a walk down from the top, so related nodes start together.
        let mut seen = vec![false; real.len()];
        let tops: Vec<usize> = (0..real.len()).filter(|&n| layer[n] == 0).collect();
        for start in tops.into_iter().chain(0..real.len()) {
            if seen[start] {
                continue;
            }
            let mut queue = std::collections::VecDeque::from([start]);
            seen[start] = true;
            while let Some(n) = queue.pop_front() {
                rows[layer[n]].push(n);
                for &d in &down[n] {
                    if !seen[d] {
                        seen[d] = true;
                        queue.push_back(d);
                    }
                }
            }
        }
        for row in &mut rows {
            row.sort_by_key(|&n| part[n]);
        }
        Self {
            real,
            part,
            up,
            down,
            rows,
        }
    }

    pub fn len(&self) -> usize {
        self.real.len()
    }

    /// Orders every layer to reduce crossings; `effort` bounds the sweeps.
    pub fn minimise_crossings(&mut self, effort: usize) {
        let mut best = self.rows.clone();
        let mut best_count = self.crossings();
        let mut position = vec![0usize; self.len()];
        for sweep in 0..effort {
            if best_count == 0 {
                break;
            }
            let downward = sweep % 2 == 0;
            let layers: Vec<usize> = if downward {
                (1..self.rows.len()).collect()
            } else {
                (0..self.rows.len().saturating_sub(1)).rev().collect()
            };
            self.index(&mut position);
            for l in layers {
                let mut keyed: Vec<(f64, usize, usize)> = self.rows[l]
                    .iter()
                    .map(|&n| {
                        let near = if downward { &self.up[n] } else { &self.down[n] };
                        let key = if near.is_empty() {
                            position[n] as f64
                        } else {
                            // The median keeps one far neighbour from pulling hard.
                            let mut at: Vec<usize> = near.iter().map(|&m| position[m]).collect();
                            at.sort_unstable();
                            let mid = at.len() / 2;
                            if at.len() % 2 == 1 {
                                at[mid] as f64
                            } else {
                                (at[mid - 1] + at[mid]) as f64 / 2.0
                            }
                        };
                        (key, position[n], n)
                    })
                    .collect();
                keyed.sort_by(|a, b| {
                    self.part[a.2]
                        .cmp(&self.part[b.2])
                        .then(a.0.total_cmp(&b.0))
                        .then(a.1.cmp(&b.1))
                });
                self.rows[l] = keyed.into_iter().map(|k| k.2).collect();
                for (i, &n) in self.rows[l].iter().enumerate() {
                    position[n] = i;
                }
            }
            self.transpose(&mut position);
            let count = self.crossings();
            if count < best_count {
                best_count = count;
                best = self.rows.clone();
            } else if sweep > 8 && count > best_count {
                // Wander from the best again rather than from a worse state.
                self.rows = best.clone();
            }
        }
        self.rows = best;
    }

    fn index(&self, position: &mut [usize]) {
        for row in &self.rows {
            for (i, &n) in row.iter().enumerate() {
                position[n] = i;
            }
        }
    }

    /// Swaps neighbours in a layer while that removes crossings.
    fn transpose(&mut self, position: &mut [usize]) {
        for _ in 0..4 {
            let mut improved = false;
            for l in 0..self.rows.len() {
                for i in 0..self.rows[l].len().saturating_sub(1) {
                    let (a, b) = (self.rows[l][i], self.rows[l][i + 1]);
                    if self.part[a] != self.part[b] {
                        continue;
                    }
                    let now = self.pair_crossings(a, b, position);
                    let swapped = self.pair_crossings(b, a, position);
                    if swapped < now {
                        self.rows[l].swap(i, i + 1);
                        position[a] = i + 1;
                        position[b] = i;
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Crossings between the links of `a` and `b` when `a` stands left of `b`.
    fn pair_crossings(&self, a: usize, b: usize, position: &[usize]) -> usize {
        let count = |x: &[usize], y: &[usize]| {
            x.iter()
                .map(|&p| y.iter().filter(|&&q| position[q] < position[p]).count())
                .sum::<usize>()
        };
        count(&self.up[a], &self.up[b]) + count(&self.down[a], &self.down[b])
    }

    /// All crossings between consecutive layers.
    pub fn crossings(&self) -> usize {
        let mut position = vec![0usize; self.len()];
        self.index(&mut position);
        (1..self.rows.len())
            .map(|l| {
                let mut pairs: Vec<(usize, usize)> = self.rows[l]
                    .iter()
                    .flat_map(|&n| self.up[n].iter().map(move |&u| (u, n)))
                    .map(|(u, n)| (position[u], position[n]))
                    .collect();
                pairs.sort_unstable();
                inversions(pairs.iter().map(|p| p.1), self.rows[l].len())
            })
            .sum()
    }
}

/// Pairs out of order in `values` (each below `bound`), counted with a
/// Fenwick tree.
fn inversions(values: impl Iterator<Item = usize>, bound: usize) -> usize {
    let mut tree = vec![0usize; bound + 1];
    let mut count = 0;
    for (seen, v) in values.enumerate() {
        // How many seen so far are greater than v.
        let mut i = v + 1;
        let mut not_greater = 0;
        while i > 0 {
            not_greater += tree[i];
            i &= i - 1;
        }
        count += seen - not_greater;
        let mut i = v + 1;
        while i <= bound {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    count
}
