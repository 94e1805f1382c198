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
use crate::model::{ClaimId, LinkKind, Map, Point, Target};
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
        l.kind == LinkKind::Rebut
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
                && link.kind == LinkKind::Support
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

/// [`debate`], searching `effort` times as long for fewer crossings.
pub fn debate_with(
    map: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    effort: usize,
) -> Option<BTreeMap<ClaimId, Point>> {
    let side = sides(map)?;
    let size_of = |id: ClaimId| sizes.get(&id).copied().unwrap_or(Size { w: 0.0, h: 0.0 });
    let graph = Graph::new(map, |id| sizes.contains_key(&id));
    let side_of = |g: usize| side.get(&graph.ids[g]).copied().unwrap_or(Side::Left);
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
    // Each side about three quarters as wide as tall, so the two together
    // (and the middle) come to a window's shape: k cards a row where
    // k² (w + gap) = 0.75 n (h + gap), for each side.
    let width = |g: usize| size_of(graph.ids[g]).w;
    let n = (all.len() as f32 / 2.0).max(1.0);
    let mean_w = all.iter().map(|&g| width(g)).sum::<f32>() / (2.0 * n) + H_GAP;
    let mean_h = all.iter().map(|&g| size_of(graph.ids[g]).h).sum::<f32>() / (2.0 * n) + V_GAP;
    let per_row = (0.75 * n * mean_h / mean_w).sqrt().max(2.0);
    let limit = 2.0 * per_row * mean_w + MIDDLE;
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
    // Start on a grid from that order: each side's cards against the middle,
    // then search for fewer crossings.
    let rows: Vec<Vec<usize>> = layered
        .rows
        .iter()
        .map(|row| row.iter().filter_map(|&i| layered.real[i]).collect())
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
    // A compact grid: each side a little narrower than tall, three quarters
    // of its slots filled, so the whole debate fits a window and reads there.
    let card = all.iter().map(|&g| width(g)).fold(0.0, f32::max);
    let tallest = all
        .iter()
        .map(|&g| size_of(graph.ids[g]).h)
        .fold(0.0, f32::max);
    let pitch = tallest + V_GAP * 0.6;
    let biggest = [Side::Left, Side::Right]
        .iter()
        .map(|&s| all.iter().filter(|&&g| side_of(g) == s).count())
        .max()
        .unwrap_or(1) as f32;
    let fewest = ((biggest / 0.75 * 0.55 * pitch / (card + H_GAP))
        .sqrt()
        .round() as usize)
        .max(2);
    let on_grid = |per_side: usize| -> BTreeMap<ClaimId, Point> {
        let side_width = per_side as f32 * (card + H_GAP) - H_GAP;
        let mut x = anneal::columns(0.0, per_side, card);
        x.extend(anneal::columns(side_width + MIDDLE, per_side, card));
        // Start: cards in the order found, each in the highest row its
        // conclusions allow with room on its side, near the middle.
        let inner = |s: Side| {
            if s == Side::Left {
                per_side - 1
            } else {
                per_side
            }
        };
        let mut start = vec![(usize::MAX, 0usize); graph.len()];
        let mut taken: std::collections::BTreeSet<(usize, usize)> = Default::default();
        for &g in rows.iter().flatten() {
            let s = side_of(g);
            let lowest = above[g]
                .iter()
                .map(|&t| start[t].0.saturating_add(1))
                .max()
                .unwrap_or(0);
            let near = above[g].first().map_or(inner(s), |&t| start[t].1);
            let columns: Vec<usize> = if s == Side::Left {
                (0..per_side).collect()
            } else {
                (per_side..2 * per_side).collect()
            };
            let mut row = lowest;
            let column = loop {
                let free = columns
                    .iter()
                    .copied()
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
        let search = anneal::Search {
            map,
            ids: graph.ids.clone(),
            size: all.iter().map(|&g| size_of(graph.ids[g])).collect(),
            place: all
                .iter()
                .map(|&g| anneal::Place {
                    columns: if side_of(g) == Side::Left {
                        (0, per_side - 1)
                    } else {
                        (per_side, 2 * per_side - 1)
                    },
                    // A side's main contentions (what its reasons lead to) stay on top.
                    pinned: above[g].is_empty() && !below[g].is_empty() && start[g].0 == 0,
                })
                .collect(),
            above: above.clone(),
            below: below.clone(),
            grid: anneal::Grid {
                x,
                rows: depth + 1,
                pitch,
            },
        };
        let steps = if graph.len() <= 120 {
            STEPS_PER_CARD * effort.max(1) * graph.len()
        } else {
            0
        };
        let mut pos = search.run(start, steps);
        close_gaps(
            map,
            &mut pos,
            &size_of,
            (card + H_GAP, pitch),
            side_width + MIDDLE / 2.0,
        );
        pos
    };
    // The compact grid, and one a column wider a side: the one with fewer
    // crossings is kept, the compact one when they tie.
    [fewest, fewest + 1]
        .into_iter()
        .map(on_grid)
        .min_by_key(|pos| super::crossings(map, pos))
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
