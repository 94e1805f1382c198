//! Tidy: a layered layout. Conclusions go on top, the claims that bear on
//! them in the rows below; links that would cross are untangled; unconnected
//! groups are packed into a shape that fits a window. Pure: sizes in,
//! positions out, the same every time, and without recursion, so a chain of
//! any length lays out.
//!
//! The steps, each in its own module: [`graph`] (edges, cycles broken,
//! layers), [`order`] (the order within each layer), [`place`] (where each
//! card stands), [`refine`] (crossings counted on the straight links
//! themselves and removed by local moves), [`pack`] (groups into rows).

mod anneal;
mod debate;
mod graph;
mod order;
mod pack;
mod place;
pub mod refine;

use crate::model::{ClaimId, Map, Point};
use std::collections::{BTreeMap, BTreeSet};

/// Space between cards in a row and between rows, in canvas units.
pub const H_GAP: f32 = 40.0;
pub const V_GAP: f32 = 90.0;

/// Width and height of a claim's card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub w: f32,
    pub h: f32,
}

/// How Tidy shapes the whole.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The width : height the packed groups should come close to.
    pub aspect: f32,
    /// A group wider than this against its height has its layers wrapped.
    pub wrap_over: f32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            aspect: 1.4,
            wrap_over: MAX_ASPECT,
        }
    }
}

/// New centre positions for every claim in `sizes`, laid out in layers.
/// Claims missing from `sizes` are ignored; the result is deterministic.
pub fn tidy(map: &Map, sizes: &BTreeMap<ClaimId, Size>) -> BTreeMap<ClaimId, Point> {
    tidy_with(map, sizes, &Options::default())
}

pub fn tidy_with(
    map: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    options: &Options,
) -> BTreeMap<ClaimId, Point> {
    let graph = graph::Graph::new(map, |id| sizes.contains_key(&id));
    let size_of = |id: ClaimId| sizes.get(&id).copied().unwrap_or(Size { w: 0.0, h: 0.0 });
    let groups = graph.components();
    let parts = links_by_group(map, &graph, &groups);
    let blocks: Vec<pack::Block> = groups
        .iter()
        .zip(&parts)
        .map(|(group, part)| {
            let whole = Whole {
                links: part,
                claims: map.claims.len(),
            };
            lay_out_group(&whole, &graph, group, &size_of, options)
        })
        .collect();
    let mut positions = pack::pack(&blocks, options.aspect);
    keep_in_shape(map, &mut positions, &size_of);
    positions
}

/// A group's own links, and how many claims the whole map has (a group's
/// share of the untangling is by its size).
struct Whole<'a> {
    links: &'a Map,
    claims: usize,
}

/// Each group's links, as a map holding only those (in id order): a
/// group's untangling walks its own links, so a map of many groups costs
/// what it holds rather than its groups times its links.
fn links_by_group(map: &Map, graph: &graph::Graph, groups: &[Vec<usize>]) -> Vec<Map> {
    let mut group_of = std::collections::HashMap::new();
    for (k, group) in groups.iter().enumerate() {
        for &g in group {
            group_of.insert(graph.ids[g], k);
        }
    }
    let mut parts: Vec<Map> = groups.iter().map(|_| Map::default()).collect();
    for link in &map.links {
        if let Some(&k) = link.premises.iter().find_map(|p| group_of.get(p)) {
            parts[k].links.push(link.clone());
        }
    }
    parts
}

/// The width : height of the box around the cards' centres, with a card's
/// room around it, as map-metrics and a window see a map.
pub fn shape_ratio(positions: &BTreeMap<ClaimId, Point>) -> f32 {
    let (xr, yr) = ranges(positions);
    (xr + 200.0) / (yr + 70.0)
}

fn ranges(positions: &BTreeMap<ClaimId, Point>) -> (f32, f32) {
    let span = |f: fn(&Point) -> f32| {
        let values = positions.values().map(f);
        let (lo, hi) = values.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        if hi >= lo { hi - lo } else { 0.0 }
    };
    (span(|p| p.x), span(|p| p.y))
}

/// Stretches a map that came out too wide or too tall for a window, by
/// spacing rows or columns further apart. Stretching one way keeps every
/// crossing as it was and moves no card onto another. A single column (a
/// chain) is staggered instead, if that adds no crossing.
fn keep_in_shape(
    map: &Map,
    positions: &mut BTreeMap<ClaimId, Point>,
    size_of: &impl Fn(ClaimId) -> Size,
) {
    let (lowest, highest) = (0.62f32, 1.95f32);
    // Large maps are left as laid out: counting their crossings again would
    // cost more than the layout, and no window shows them whole anyway.
    if map.links.len() > refine::MAX_SEGMENTS {
        return;
    }
    let (xr, yr) = ranges(positions);
    let ratio = shape_ratio(positions);
    if ratio > 2.0 && yr > 0.0 {
        // Rows move apart by their tops, so cards in a row stay aligned.
        let factor = ((xr + 200.0) / highest - 70.0) / yr;
        let first = positions
            .iter()
            .map(|(id, p)| p.y - size_of(*id).h / 2.0)
            .fold(f32::INFINITY, f32::min);
        let before = crossings(map, positions);
        let stretched: BTreeMap<ClaimId, Point> = positions
            .iter()
            .map(|(&id, p)| {
                let h = size_of(id).h;
                let top = first + (p.y - h / 2.0 - first) * factor;
                (id, Point::new(p.x, top + h / 2.0))
            })
            .collect();
        if crossings(map, &stretched) <= before && shape_ratio(&stretched) <= 2.0 {
            *positions = stretched;
        } else {
            let top = positions
                .values()
                .map(|p| p.y)
                .fold(f32::INFINITY, f32::min);
            for p in positions.values_mut() {
                p.y = top + (p.y - top) * factor;
            }
        }
    } else if ratio < 0.6 && xr > 1.0 {
        let factor = (lowest * (yr + 70.0) - 200.0) / xr;
        let left = positions
            .values()
            .map(|p| p.x)
            .fold(f32::INFINITY, f32::min);
        for p in positions.values_mut() {
            p.x = left + (p.x - left) * factor;
        }
    } else if ratio < 0.6 {
        let step = (lowest * (yr + 70.0) - 200.0) / 2.0;
        let before = crossings(map, positions);
        let mut rows: Vec<f32> = positions.values().map(|p| p.y).collect();
        rows.sort_by(f32::total_cmp);
        rows.dedup_by(|a, b| (*a - *b).abs() < 1.0);
        let staggered: BTreeMap<ClaimId, Point> = positions
            .iter()
            .map(|(&id, p)| {
                let row = rows.iter().position(|y| (y - p.y).abs() < 1.0).unwrap_or(0);
                let dx = if row % 2 == 0 { -step } else { step };
                (id, Point::new(p.x + dx, p.y))
            })
            .collect();
        if crossings(map, &staggered) <= before {
            *positions = staggered;
        }
    }
}

/// The widest a group may be against its height before its layers are
/// wrapped; a little wider than a window, since rows can be spaced apart
/// afterwards (see `keep_in_shape`).
const MAX_ASPECT: f32 = 2.0;
const STRETCH_ASPECT: f32 = 3.0;

/// One connected group, laid out with its top left at the origin. A group
/// that would come out too wide is also laid out with narrower layers; of
/// the shapes tried, the one with the fewest crossings is kept, shorter
/// links and closeness to the asked-for aspect breaking ties.
fn lay_out_group(
    whole: &Whole<'_>,
    graph: &graph::Graph,
    group: &[usize],
    size_of: &impl Fn(ClaimId) -> Size,
    options: &Options,
) -> pack::Block {
    let aspect = options.aspect;
    let map = whole.links;
    let back = graph.back_edges(group);
    let width = |g: usize| size_of(graph.ids[g]).w;
    let natural = graph.layers(group, &back);
    let first = arrange(graph, group, &back, &natural, size_of);
    let ratio = |size: Size| (size.w + 200.0) / (size.h + 70.0);
    let mut tries = vec![first];
    if ratio(tries[0].1) > options.wrap_over && group.len() > 2 {
        let widest = tries[0].1.w;
        // Big groups try fewer shapes: each costs a full ordering.
        let steps: &[f32] = if group.len() > 300 {
            &[0.3, 0.5, 0.7]
        } else {
            &[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
        };
        for &cut in steps {
            let limit = widest * (1.0 - cut);
            let layers = graph.layers_within(group, &back, width, limit);
            tries.push(arrange(graph, group, &back, &layers, size_of));
        }
    }
    if tries.len() == 1 {
        return finish(whole, graph, &tries[0].0, size_of);
    }
    let fits = |size: Size| (0.6..=STRETCH_ASPECT).contains(&ratio(size));
    let closeness = |size: Size| ((ratio(size) / aspect).ln().abs() * 1000.0) as i64;
    // Judged as drawn: straight links between the placed cards.
    let judge = |block: &pack::Block| {
        let pos: BTreeMap<ClaimId, Point> = block.placed.iter().copied().collect();
        let segs = refine::segments(map, &pos);
        let length: f32 = segs
            .iter()
            .map(|(a, b)| ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt())
            .sum();
        (
            !fits(block.size),
            refine::count(&segs),
            length as i64 / 50,
            closeness(block.size),
        )
    };
    if group.len() > 300 {
        // Too big to draw every shape: the count between layers decides.
        let best = tries
            .into_iter()
            .min_by_key(|t| (!fits(t.1), t.2, closeness(t.1)))
            .map(|t| t.0);
        return best.map_or_else(empty_block, |layered| {
            finish(whole, graph, &layered, size_of)
        });
    }
    let mut placed: Vec<(_, order::Layered)> = tries
        .into_iter()
        .map(|(layered, _, _)| (judge(&place_only(graph, &layered, size_of)), layered))
        .collect();
    placed.sort_by_key(|p| p.0);
    // The two most promising are untangled, and the better kept.
    placed
        .into_iter()
        .take(2)
        .map(|(_, layered)| finish(whole, graph, &layered, size_of))
        .min_by_key(|block| judge(block))
        .unwrap_or_else(empty_block)
}

fn empty_block() -> pack::Block {
    pack::Block {
        placed: Vec::new(),
        size: Size { w: 0.0, h: 0.0 },
    }
}

/// A group placed but not untangled, for comparing shapes.
fn place_only(
    graph: &graph::Graph,
    layered: &order::Layered,
    size_of: &impl Fn(ClaimId) -> Size,
) -> pack::Block {
    let (placed, size) = place::place(layered, |g| size_of(graph.ids[g]));
    pack::Block {
        placed: placed.into_iter().map(|(g, p)| (graph.ids[g], p)).collect(),
        size,
    }
}

/// Orders the layers and measures the result: the ordering, its size and
/// its crossings between layers.
fn arrange(
    graph: &graph::Graph,
    group: &[usize],
    back: &BTreeSet<(usize, usize)>,
    layers: &BTreeMap<usize, usize>,
    size_of: &impl Fn(ClaimId) -> Size,
) -> (order::Layered, Size, usize) {
    let nodes: Vec<(usize, usize)> = group.iter().map(|&n| (n, layers[&n])).collect();
    let mut edges = Vec::new();
    for &n in group {
        for &t in &graph.up[n] {
            if back.contains(&(n, t)) {
                edges.push((t, n));
            } else {
                edges.push((n, t));
            }
        }
    }
    let mut layered = order::Layered::new(&nodes, &edges);
    // Fewer sweeps for big groups: each costs time in proportion to the links.
    let effort = match layered.len() {
        0..=500 => 32,
        501..=5_000 => 10,
        _ => 4,
    };
    layered.minimise_crossings(effort);
    let crossings = layered.crossings();
    let (_, size) = place::place(&layered, |g| size_of(graph.ids[g]));
    (layered, size, crossings)
}

/// Places an ordered group, untangles it and moves it to the origin.
fn finish(
    whole: &Whole<'_>,
    graph: &graph::Graph,
    layered: &order::Layered,
    size_of: &impl Fn(ClaimId) -> Size,
) -> pack::Block {
    let (placed, _) = place::place(layered, |g| size_of(graph.ids[g]));
    let mut pos: BTreeMap<ClaimId, Point> =
        placed.iter().map(|&(g, p)| (graph.ids[g], p)).collect();
    let mut rows: Vec<refine::Row> = layered
        .rows
        .iter()
        .map(|row| {
            let ids: Vec<ClaimId> = row
                .iter()
                .filter_map(|&i| layered.real[i].map(|g| graph.ids[g]))
                .collect();
            let top = ids
                .iter()
                .map(|id| pos[id].y - size_of(*id).h / 2.0)
                .fold(f32::INFINITY, f32::min);
            refine::Row {
                ids,
                top,
                bounds: (f32::NEG_INFINITY, f32::INFINITY),
            }
        })
        .filter(|row| !row.ids.is_empty())
        .collect();
    // Each group's share of the untangling, by its size.
    let share = refine::BUDGET * pos.len() / whole.claims.max(1);
    refine::refine(whole.links, &mut rows, &mut pos, size_of, share);
    // Back to the origin, whatever the moves did.
    let left = pos
        .iter()
        .map(|(id, p)| p.x - size_of(*id).w / 2.0)
        .fold(f32::INFINITY, f32::min);
    let right = pos
        .iter()
        .map(|(id, p)| p.x + size_of(*id).w / 2.0)
        .fold(f32::NEG_INFINITY, f32::max);
    let bottom = pos
        .iter()
        .map(|(id, p)| p.y + size_of(*id).h / 2.0)
        .fold(0.0, f32::max);
    let placed = pos
        .into_iter()
        .map(|(id, p)| (id, Point::new(p.x - left, p.y)))
        .collect();
    pack::Block {
        placed,
        size: Size {
            w: (right - left).max(0.0),
            h: bottom,
        },
    }
}

/// How many pairs of links cross when drawn straight between the claims at
/// `pos` (an undercut aims at the middle of the link it attacks).
pub fn crossings(map: &Map, pos: &BTreeMap<ClaimId, Point>) -> usize {
    refine::count(&refine::segments(map, pos))
}

pub use debate::{
    compact_for_window, compact_shapes, debate, debate_for_window, debate_with, fit_zoom,
    has_two_sides,
};

/// The place nearest `wanted` where a card of `size` (with `margin` around
/// it) clears every card in `taken`: rings of places around `wanted`, the
/// nearest first. `wanted` itself if no ring within reach is free.
pub fn nearest_free(wanted: Point, size: Size, margin: f32, taken: &[(Point, Size)]) -> Point {
    let (w, h) = (size.w + margin, size.h + margin);
    let clear = |at: Point| {
        taken.iter().all(|(p, s)| {
            (p.x - at.x).abs() >= (s.w + w) / 2.0 || (p.y - at.y).abs() >= (s.h + h) / 2.0
        })
    };
    let mut candidates: Vec<Point> = Vec::new();
    for ring in 0..40i32 {
        for dx in -ring..=ring {
            for dy in -ring..=ring {
                if dx.abs().max(dy.abs()) == ring {
                    candidates.push(Point::new(
                        wanted.x + dx as f32 * w / 2.0,
                        wanted.y + dy as f32 * h / 2.0,
                    ));
                }
            }
        }
    }
    let distance = |p: &Point| (p.x - wanted.x).powi(2) + (p.y - wanted.y).powi(2);
    candidates.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    candidates.into_iter().find(|&p| clear(p)).unwrap_or(wanted)
}
