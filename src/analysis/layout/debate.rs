//! The debate layout: two cases side by side. The two authors quoted most
//! are the sides (the first source's author on the left); every other claim
//! joins the side it helps (what supports a side's claim, or rebuts the
//! other side's, is on that side). Each side is laid out in layers by its
//! own links, main contentions on top; links between the sides (rebuts,
//! common ground) run across the middle, and the untangling pulls the claims
//! they join towards it.

use super::graph::Graph;
use super::order::Layered;
use super::{H_GAP, Size, V_GAP, anneal};
use crate::model::{ClaimId, Map, Point, Target};
use std::collections::BTreeMap;

/// Space between the two sides.
const MIDDLE: f32 = 120.0;
/// How long the search runs, per card, at the lowest effort: well under a
/// second for a class's map.
const STEPS_PER_CARD: usize = 6_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Left,
    Right,
}

/// Which side each claim is on; `None` unless two authors' claims make up
/// most of the map and rebut each other somewhere.
fn sides(map: &Map) -> Option<BTreeMap<ClaimId, Side>> {
    let author = |id: ClaimId| -> Option<Vec<String>> {
        let quote = map.claim(id)?.quote.as_ref()?;
        let source = map.source(&quote.source)?;
        Some(source.authors.clone())
    };
    // Authors in the order their sources come, with how many claims quote them.
    let mut authors: Vec<(Vec<String>, usize)> = Vec::new();
    for source in &map.sources {
        if !source.authors.is_empty() && !authors.iter().any(|(a, _)| *a == source.authors) {
            authors.push((source.authors.clone(), 0));
        }
    }
    for claim in &map.claims {
        if let Some(a) = author(claim.id)
            && let Some(entry) = authors.iter_mut().find(|(x, _)| *x == a)
        {
            entry.1 += 1;
        }
    }
    let mut ranked: Vec<usize> = (0..authors.len()).collect();
    ranked.sort_by_key(|&i| (std::cmp::Reverse(authors[i].1), i));
    let (&first, &second) = (ranked.first()?, ranked.get(1)?);
    if authors[second].1 < 2 {
        return None;
    }
    // Left is the author whose source comes first.
    let (left, right) = if first < second {
        (&authors[first].0, &authors[second].0)
    } else {
        (&authors[second].0, &authors[first].0)
    };
    let mut side: BTreeMap<ClaimId, Side> = BTreeMap::new();
    for claim in &map.claims {
        match author(claim.id) {
            Some(a) if a == *left => {
                side.insert(claim.id, Side::Left);
            }
            Some(a) if a == *right => {
                side.insert(claim.id, Side::Right);
            }
            _ => {}
        }
    }
    let disagree = map.links.iter().any(|l| {
        l.kind.is_attack()
            && matches!(l.target, Target::Claim(t) if l.premises.iter().any(|p| {
                side.contains_key(p) && side.contains_key(&t) && side.get(p) != side.get(&t)
            }))
    });
    if !disagree {
        return None;
    }
    // Everyone else joins the side they help, until nothing changes.
    loop {
        let mut changed = false;
        for link in &map.links {
            let Target::Claim(target) = link.target else {
                continue;
            };
            // A claim from elsewhere hangs under the claim it bears on, as a
            // reason or an objection there, so its link stays short.
            let helps = side.get(&target).copied();
            if let Some(s) = helps {
                for premise in &link.premises {
                    if !side.contains_key(premise) {
                        side.insert(*premise, s);
                        changed = true;
                    }
                }
            }
            // A claim the side's claims support belongs with them too.
            if !side.contains_key(&target)
                && link.kind.is_support()
                && let Some(&s) = link.premises.iter().find_map(|p| side.get(p))
            {
                side.insert(target, s);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // What is left (linked to nothing placed) goes to the smaller side.
    for claim in &map.claims {
        if !side.contains_key(&claim.id) {
            let lefts = side.values().filter(|&&s| s == Side::Left).count();
            let smaller = if lefts * 2 <= side.len() {
                Side::Left
            } else {
                Side::Right
            };
            side.insert(claim.id, smaller);
        }
    }
    Some(side)
}

/// Whether the map has two sides to lay out as a debate: two authors quoted
/// on at least two claims each, one rebutting the other somewhere.
pub fn has_two_sides(map: &Map) -> bool {
    sides(map).is_some()
}

/// The debate layout, or `None` when the map has no two sides.
pub fn debate(map: &Map, sizes: &BTreeMap<ClaimId, Size>) -> Option<BTreeMap<ClaimId, Point>> {
    debate_with(map, sizes, 1)
}

/// [`debate`], searching `effort` times as long for fewer crossings: the
/// compact grid, and one a column wider a side; the one with fewer
/// crossings is kept, the compact one when they tie.
pub fn debate_with(
    map: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    effort: usize,
) -> Option<BTreeMap<ClaimId, Point>> {
    let side = sides(map)?;
    let plan = Plan::new(
        map,
        sizes,
        |id| side.get(&id).copied().unwrap_or(Side::Left),
        false,
    );
    let fewest = plan.fewest_columns();
    [fewest, fewest + 1]
        .into_iter()
        .map(|per_side| plan.lay_out(per_side, effort, false))
        .min_by_key(|pos| super::crossings(map, pos))
}

/// [`debate_with`] for a window of `window` (canvas units at 100 %): of the
/// grids from two to six columns a side, the one that fits the window at
/// the largest zoom (so its labels read), fewer crossings breaking ties.
pub fn debate_for_window(
    map: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    effort: usize,
    window: Size,
) -> Option<BTreeMap<ClaimId, Point>> {
    let side = sides(map)?;
    let plan = Plan::new(
        map,
        sizes,
        |id| side.get(&id).copied().unwrap_or(Side::Left),
        true,
    );
    Some(plan.for_window(2..=6, effort, window))
}

/// A compact layout for a window of `window`: every claim in one grid of
/// rows and columns, conclusions above what bears on them, the number of
/// columns chosen so the map fits the window at the largest zoom; fewer
/// crossings break ties.
pub fn compact_for_window(
    map: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    effort: usize,
    window: Size,
) -> BTreeMap<ClaimId, Point> {
    let plan = Plan::new(map, sizes, |_| Side::Left, true);
    plan.for_window(2..=10, effort, window)
}

/// Every compact grid from `range` columns, for choosing by hand (the
/// shipped maps were laid out so).
pub fn compact_shapes(
    map: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    effort: usize,
    range: std::ops::RangeInclusive<usize>,
    two_sides: bool,
) -> Vec<(usize, BTreeMap<ClaimId, Point>)> {
    let side = if two_sides { sides(map) } else { None };
    let plan = Plan::new(
        map,
        sizes,
        |id| {
            side.as_ref()
                .and_then(|s| s.get(&id).copied())
                .unwrap_or(Side::Left)
        },
        true,
    );
    range.map(|n| (n, plan.lay_out(n, effort, true))).collect()
}

/// The fit zoom of `positions` in `window`, as the canvas fits a map: a
/// margin of 24 on each side, never past 100 %.
pub fn fit_zoom(
    positions: &BTreeMap<ClaimId, Point>,
    size_of: impl Fn(ClaimId) -> Size,
    window: Size,
) -> f32 {
    let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    );
    for (&id, p) in positions {
        let s = size_of(id);
        lo_x = lo_x.min(p.x - s.w / 2.0);
        hi_x = hi_x.max(p.x + s.w / 2.0);
        lo_y = lo_y.min(p.y - s.h / 2.0);
        hi_y = hi_y.max(p.y + s.h / 2.0);
    }
    if hi_x <= lo_x || hi_y <= lo_y {
        return 1.0;
    }
    let margin = 48.0;
    ((window.w - margin).max(10.0) / (hi_x - lo_x))
        .min((window.h - margin).max(10.0) / (hi_y - lo_y))
        .min(1.0)
}

/// What a grid layout is made from, worked out once for every shape tried.
struct Plan<'a> {
    map: &'a Map,
    graph: Graph,
    side: Vec<Side>,
    sizes: Vec<Size>,
    by_id: BTreeMap<ClaimId, Size>,
    /// Cards in the order the layering found, row by row.
    order: Vec<usize>,
    above: Vec<Vec<usize>>,
    below: Vec<Vec<usize>>,
    two_sides: bool,
    /// The widest card, and the distance between rows' tops.
    card: f32,
    pitch: f32,
    /// Room between columns, and between the sides.
    gap: f32,
    middle: f32,
}

impl<'a> Plan<'a> {
    /// `fitting` packs columns closer, for a map that must fit a window.
    fn new(
        map: &'a Map,
        sizes: &BTreeMap<ClaimId, Size>,
        side: impl Fn(ClaimId) -> Side,
        fitting: bool,
    ) -> Self {
        let size_of = |id: ClaimId| sizes.get(&id).copied().unwrap_or(Size { w: 0.0, h: 0.0 });
        let graph = Graph::new(map, |id| sizes.contains_key(&id));
        let sides: Vec<Side> = graph.ids.iter().map(|&id| side(id)).collect();
        let side_of = |g: usize| sides[g];
        // Layers come from every link, except pairs across the sides that rebut
        // each other: two cases' contentions answering each other both stay on top.
        let mutual = |a: usize, b: usize| side_of(a) != side_of(b) && graph.up[b].contains(&a);
        let layering = Graph {
            ids: graph.ids.clone(),
            up: (0..graph.len())
                .map(|n| {
                    graph.up[n]
                        .iter()
                        .copied()
                        .filter(|&t| !mutual(n, t))
                        .collect()
                })
                .collect(),
            down: (0..graph.len())
                .map(|n| {
                    graph.down[n]
                        .iter()
                        .copied()
                        .filter(|&p| !mutual(p, n))
                        .collect()
                })
                .collect(),
        };
        let all: Vec<usize> = (0..graph.len()).collect();
        let back = layering.back_edges(&all);
        let two_sides = sides.contains(&Side::Right);
        // Each side about three quarters as wide as tall, so the two together
        // (and the middle) come to a window's shape: k cards a row where
        // k² (w + gap) = 0.75 n (h + gap), for each side.
        let width = |g: usize| size_of(graph.ids[g]).w;
        let parts = if two_sides { 2.0 } else { 1.0 };
        let n = (all.len() as f32 / parts).max(1.0);
        let mean_w = all.iter().map(|&g| width(g)).sum::<f32>() / (parts * n) + H_GAP;
        let mean_h =
            all.iter().map(|&g| size_of(graph.ids[g]).h).sum::<f32>() / (parts * n) + V_GAP;
        let per_row = (0.75 * n * mean_h / mean_w).sqrt().max(2.0);
        let limit = parts * per_row * mean_w + if two_sides { MIDDLE } else { 0.0 };
        let layers = layering.layers_within(&all, &back, width, limit);
        let nodes: Vec<(usize, usize)> = all.iter().map(|&g| (g, layers[&g])).collect();
        let mut edges = Vec::new();
        for &g in &all {
            for &t in &graph.up[g] {
                // Every link pulls in the ordering, whichever way it points.
                let (low, high) = if layers[&g] >= layers[&t] {
                    (g, t)
                } else {
                    (t, g)
                };
                edges.push((low, high));
            }
        }
        let mut layered = Layered::in_parts(&nodes, &edges, |g| side_of(g) as u8);
        layered.minimise_crossings(32);
        let order: Vec<usize> = layered
            .rows
            .iter()
            .flat_map(|row| row.iter().filter_map(|&i| layered.real[i]))
            .collect();
        let above: Vec<Vec<usize>> = (0..graph.len())
            .map(|g| {
                layering.up[g]
                    .iter()
                    .copied()
                    .filter(|&t| side_of(t) == side_of(g) && !back.contains(&(g, t)))
                    .collect()
            })
            .collect();
        let mut below = vec![Vec::new(); graph.len()];
        for (g, ups) in above.iter().enumerate() {
            for &t in ups {
                below[t].push(g);
            }
        }
        let card = all.iter().map(|&g| width(g)).fold(0.0, f32::max);
        let tallest = all
            .iter()
            .map(|&g| size_of(graph.ids[g]).h)
            .fold(0.0, f32::max);
        Self {
            map,
            sizes: graph.ids.iter().map(|&id| size_of(id)).collect(),
            by_id: graph.ids.iter().map(|&id| (id, size_of(id))).collect(),
            graph,
            side: sides,
            order,
            above,
            below,
            two_sides,
            card,
            pitch: tallest + V_GAP * 0.6,
            gap: if fitting { H_GAP * 0.6 } else { H_GAP },
            middle: if fitting { MIDDLE * 0.6 } else { MIDDLE },
        }
    }

    /// A row's usual height: most rows hold no card as tall as the tallest.
    fn typical_height(&self) -> f32 {
        let mut heights: Vec<f32> = self.sizes.iter().map(|s| s.h).collect();
        heights.sort_by(f32::total_cmp);
        heights
            .get(heights.len() * 4 / 5)
            .copied()
            .unwrap_or(self.pitch)
    }

    fn size_of(&self, id: ClaimId) -> Size {
        self.by_id
            .get(&id)
            .copied()
            .unwrap_or(Size { w: 0.0, h: 0.0 })
    }

    /// How many columns a side takes for a compact grid: a side a little
    /// narrower than tall, three quarters of its slots filled.
    fn fewest_columns(&self) -> usize {
        let biggest = [Side::Left, Side::Right]
            .iter()
            .map(|&s| self.side.iter().filter(|&&x| x == s).count())
            .max()
            .unwrap_or(1) as f32;
        ((biggest / 0.75 * 0.55 * self.pitch / (self.card + self.gap))
            .sqrt()
            .round() as usize)
            .max(2)
    }

    /// The columns a side may use, with `per_side` columns a side.
    fn columns_of(&self, side: Side, per_side: usize) -> (usize, usize) {
        match side {
            Side::Left => (0, per_side - 1),
            Side::Right => (per_side, 2 * per_side - 1),
        }
    }

    /// Cards in the order found, each in the highest row its conclusions
    /// allow with room on its side, near the middle (or under its
    /// conclusion); and how many rows that takes.
    fn start(&self, per_side: usize) -> (Vec<(usize, usize)>, usize) {
        let near_middle = |s: Side| match (s, self.two_sides) {
            (Side::Left, true) => per_side - 1,
            (Side::Right, _) => per_side,
            (Side::Left, false) => per_side / 2,
        };
        let mut start = vec![(usize::MAX, 0usize); self.graph.len()];
        let mut taken: std::collections::BTreeSet<(usize, usize)> = Default::default();
        for &g in &self.order {
            let s = self.side[g];
            let lowest = self.above[g]
                .iter()
                .map(|&t| start[t].0.saturating_add(1))
                .max()
                .unwrap_or(0);
            let near = self.above[g]
                .first()
                .map_or(near_middle(s), |&t| start[t].1);
            let (lo, hi) = self.columns_of(s, per_side);
            let mut row = lowest;
            let column = loop {
                let free = (lo..=hi)
                    .filter(|&c| !taken.contains(&(row, c)))
                    .min_by_key(|&c| c.abs_diff(near));
                if let Some(c) = free {
                    break c;
                }
                row += 1;
            };
            taken.insert((row, column));
            start[g] = (row, column);
        }
        let depth = start.iter().map(|s| s.0 + 1).max().unwrap_or(1);
        (start, depth)
    }

    /// The width of one side's columns.
    fn side_width(&self, per_side: usize) -> f32 {
        per_side as f32 * (self.card + self.gap) - self.gap
    }

    /// The grid with `per_side` columns a side, searched for fewer crossings.
    fn lay_out(&self, per_side: usize, effort: usize, fitting: bool) -> BTreeMap<ClaimId, Point> {
        let side_width = self.side_width(per_side);
        let mut x = anneal::columns(0.0, per_side, self.card, self.gap);
        if self.two_sides {
            x.extend(anneal::columns(
                side_width + self.middle,
                per_side,
                self.card,
                self.gap,
            ));
        }
        let (start, depth) = self.start(per_side);
        let search = anneal::Search {
            map: self.map,
            ids: self.graph.ids.clone(),
            size: self.sizes.clone(),
            place: (0..self.graph.len())
                .map(|g| anneal::Place {
                    columns: self.columns_of(self.side[g], per_side),
                    // A side's main contentions (what its reasons lead to) stay on top.
                    pinned: self.above[g].is_empty()
                        && !self.below[g].is_empty()
                        && start[g].0 == 0,
                })
                .collect(),
            above: self.above.clone(),
            below: self.below.clone(),
            grid: anneal::Grid {
                x,
                rows: depth + 1,
                pitch: self.pitch,
            },
        };
        let steps = if self.graph.len() <= 120 {
            STEPS_PER_CARD * effort.max(1) * self.graph.len()
        } else {
            0
        };
        let mut pos = search.run(start, steps);
        let size_of = |id: ClaimId| self.size_of(id);
        let divider = if self.two_sides {
            side_width + self.middle / 2.0
        } else {
            f32::INFINITY
        };
        close_gaps(
            self.map,
            &mut pos,
            &size_of,
            (self.card + self.gap, self.pitch),
            divider,
        );
        // Fitted to a window, a crossing or two is worth rows that read.
        let allowed = |before: usize| if fitting { (before / 10).max(2) } else { 0 };
        tighten_rows(self.map, &mut pos, &size_of, allowed);
        pos
    }

    /// The zoom a grid of `per_side` columns a side would fit `window` at,
    /// judged from its starting rows, before any search.
    fn estimated_zoom(&self, per_side: usize, window: Size) -> f32 {
        let (_, depth) = self.start(per_side);
        let sides = if self.two_sides { 2.0 } else { 1.0 };
        let width =
            sides * self.side_width(per_side) + if self.two_sides { self.middle } else { 0.0 };
        let height = depth as f32 * (self.typical_height() + ROW_GAP);
        let margin = 48.0;
        ((window.w - margin) / width)
            .min((window.h - margin) / height)
            .min(1.0)
    }

    /// Of the grids with a number of columns a side in `range`, the two
    /// that fit `window` at the largest zoom are searched, and the one that
    /// fits it best kept (fewer crossings when they fit alike).
    fn for_window(
        &self,
        range: std::ops::RangeInclusive<usize>,
        effort: usize,
        window: Size,
    ) -> BTreeMap<ClaimId, Point> {
        let mut shapes: Vec<(f32, usize)> = range
            .map(|per_side| (self.estimated_zoom(per_side, window), per_side))
            .collect();
        shapes.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let size_of = |id: ClaimId| self.size_of(id);
        // Zooms within a few percent read alike; then crossings decide.
        let grade = |zoom: f32| (zoom.min(0.8) / 0.03).floor() as i64;
        shapes
            .iter()
            .take(2)
            .map(|&(_, per_side)| self.lay_out(per_side, effort, true))
            .max_by_key(|pos| {
                (
                    grade(fit_zoom(pos, size_of, window)),
                    std::cmp::Reverse(super::crossings(self.map, pos)),
                )
            })
            .unwrap_or_default()
    }
}

/// The room between one row's tallest card and the next row, once rows
/// are drawn as tall as their own cards.
const ROW_GAP: f32 = V_GAP * 0.6;

/// Brings each row up under the one above it: a row as tall as its own
/// tallest card rather than the map's, then the gap. Cards keep their
/// rows, so conclusions stay above their reasons; kept only if it adds no
/// more crossings than `allowed` grants for the number there were.
fn tighten_rows(
    map: &Map,
    pos: &mut BTreeMap<ClaimId, Point>,
    size_of: &impl Fn(ClaimId) -> Size,
    allowed: impl Fn(usize) -> usize,
) {
    let top = |id: &ClaimId, p: &Point| p.y - size_of(*id).h / 2.0;
    let mut tops: Vec<f32> = pos.iter().map(|(id, p)| top(id, p)).collect();
    tops.sort_by(f32::total_cmp);
    tops.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    let row_of = |t: f32| tops.iter().position(|r| (r - t).abs() < 1.0).unwrap_or(0);
    let mut height = vec![0.0f32; tops.len()];
    for (id, p) in pos.iter() {
        let r = row_of(top(id, p));
        height[r] = height[r].max(size_of(*id).h);
    }
    let mut new_top = vec![tops.first().copied().unwrap_or(0.0); tops.len()];
    for r in 1..tops.len() {
        new_top[r] = new_top[r - 1] + height[r - 1] + ROW_GAP;
    }
    let moved: BTreeMap<ClaimId, Point> = pos
        .iter()
        .map(|(&id, &p)| {
            let r = row_of(top(&id, &p));
            (id, Point::new(p.x, new_top[r] + size_of(id).h / 2.0))
        })
        .collect();
    let before = super::crossings(map, pos);
    if super::crossings(map, &moved) <= before + allowed(before) {
        *pos = moved;
    }
}

/// Closes rows and columns the search left empty, one at a time, where that
/// adds no crossing: a row by the cards' tops, a column by their centres
/// (the channel between the sides stays).
fn close_gaps(
    map: &Map,
    pos: &mut BTreeMap<ClaimId, Point>,
    size_of: &impl Fn(ClaimId) -> Size,
    pitch: (f32, f32),
    divider: f32,
) {
    for axis in [0, 1] {
        let step = if axis == 0 { pitch.0 } else { pitch.1 };
        loop {
            let line = |id: &ClaimId, p: &Point| {
                if axis == 0 {
                    p.x
                } else {
                    p.y - size_of(*id).h / 2.0
                }
            };
            let mut lines: Vec<f32> = pos.iter().map(|(id, p)| line(id, p)).collect();
            lines.sort_by(f32::total_cmp);
            lines.dedup_by(|a, b| (*a - *b).abs() < 1.0);
            let before = super::crossings(map, pos);
            let mut closed = false;
            for pair in lines.windows(2) {
                let gap = pair[1] - pair[0];
                let spans_middle = axis == 0 && pair[0] < divider && pair[1] > divider;
                if gap < step * 1.5 || spans_middle {
                    continue;
                }
                let shrink = gap - step;
                let moved: BTreeMap<ClaimId, Point> = pos
                    .iter()
                    .map(|(&id, &p)| {
                        let mut q = p;
                        if line(&id, &p) > pair[0] + 0.5 {
                            if axis == 0 {
                                q.x -= shrink;
                            } else {
                                q.y -= shrink;
                            }
                        }
                        (id, q)
                    })
                    .collect();
                if super::crossings(map, &moved) <= before {
                    *pos = moved;
                    closed = true;
                    break;
                }
            }
            if !closed {
                break;
            }
        }
    }
}
