//! Where each claim of an ordered layered graph stands: rows top to bottom,
//! and within a row each card pulled towards the claims it links to, keeping
//! the order and the gap between neighbours.

use super::order::Layered;
use super::{H_GAP, Size, V_GAP};
use crate::model::Point;

/// Room kept for a link passing through a layer.
const WAYPOINT_WIDTH: f32 = 24.0;
const WAYPOINT_GAP: f32 = 12.0;

/// Centres of the real nodes (by graph node) and the size of the whole.
pub fn place(layered: &Layered, size: impl Fn(usize) -> Size) -> (Vec<(usize, Point)>, Size) {
    let n = layered.len();
    // Each width once: the sweeps below ask for them sixteen times over.
    let widths_of: Vec<f32> = (0..n)
        .map(|i| layered.real[i].map_or(WAYPOINT_WIDTH, |g| size(g).w))
        .collect();
    let width = |i: usize| widths_of[i];
    let gap = |a: usize, b: usize| {
        if layered.real[a].is_some() && layered.real[b].is_some() {
            H_GAP
        } else {
            WAYPOINT_GAP
        }
    };
    let mut x = vec![0.0f32; n];
    for row in &layered.rows {
        let mut left = 0.0;
        for (k, &i) in row.iter().enumerate() {
            if k > 0 {
                left += gap(row[k - 1], i);
            }
            x[i] = left + width(i) / 2.0;
            left += width(i);
        }
    }
    let layers = layered.rows.len();
    for round in 0..16 {
        let order: Vec<usize> = if round % 2 == 0 {
            (0..layers).collect()
        } else {
            (0..layers).rev().collect()
        };
        for l in order {
            let row = &layered.rows[l];
            let wanted: Vec<f32> = row
                .iter()
                .map(|&i| {
                    let near = layered.up[i].iter().chain(&layered.down[i]);
                    let (sum, count) = near.fold((0.0f32, 0usize), |(s, c), &m| (s + x[m], c + 1));
                    if count == 0 { x[i] } else { sum / count as f32 }
                })
                .collect();
            let widths: Vec<f32> = row.iter().map(|&i| width(i)).collect();
            let gaps: Vec<f32> = row.windows(2).map(|w| gap(w[0], w[1])).collect();
            for (&i, value) in row.iter().zip(spread(&wanted, &widths, &gaps)) {
                x[i] = value;
            }
        }
    }
    let left = (0..n)
        .map(|i| x[i] - width(i) / 2.0)
        .fold(f32::INFINITY, f32::min);
    let right = (0..n)
        .map(|i| x[i] + width(i) / 2.0)
        .fold(f32::NEG_INFINITY, f32::max);
    let mut placed = Vec::new();
    let mut top = 0.0;
    for row in &layered.rows {
        let height = row
            .iter()
            .filter_map(|&i| layered.real[i].map(|g| size(g).h))
            .fold(0.0, f32::max);
        for &i in row {
            if let Some(g) = layered.real[i] {
                placed.push((g, Point::new(x[i] - left, top + size(g).h / 2.0)));
            }
        }
        top += height + V_GAP;
    }
    let total = Size {
        w: if right.is_finite() { right - left } else { 0.0 },
        h: (top - V_GAP).max(0.0),
    };
    (placed, total)
}

/// Places boxes of `widths`, in the given order, as close to the `wanted`
/// centres as they can be with at least `gaps[i]` between box i and i+1:
/// boxes that would overlap are merged into a block centred on the mean of
/// what its members want.
pub fn spread(wanted: &[f32], widths: &[f32], gaps: &[f32]) -> Vec<f32> {
    // Each block keeps its boxes' count and two sums, so that a merge costs
    // the same however many boxes it holds: the sum of what the boxes want,
    // and the sum of their centres' offsets from the block's left edge.
    struct Block {
        first: usize,
        left: f32,
        width: f32,
        count: f32,
        wanted: f32,
        offsets: f32,
    }
    let mut blocks: Vec<Block> = Vec::new();
    for i in 0..wanted.len() {
        blocks.push(Block {
            first: i,
            left: wanted[i] - widths[i] / 2.0,
            width: widths[i],
            count: 1.0,
            wanted: wanted[i],
            offsets: widths[i] / 2.0,
        });
        while blocks.len() > 1 {
            let b = &blocks[blocks.len() - 1];
            let a = &blocks[blocks.len() - 2];
            let gap = gaps[b.first - 1];
            if a.left + a.width + gap <= b.left {
                break;
            }
            // Merge: b's boxes follow a's; the block sits where its boxes want on average.
            let shift = a.width + gap;
            let count = a.count + b.count;
            let wanted = a.wanted + b.wanted;
            let offsets = a.offsets + b.offsets + b.count * shift;
            let merged = Block {
                first: a.first,
                left: (wanted - offsets) / count,
                width: shift + b.width,
                count,
                wanted,
                offsets,
            };
            blocks.pop();
            blocks.pop();
            blocks.push(merged);
        }
    }
    // Within a block the boxes sit side by side, each `gaps` apart.
    let mut result = vec![0.0; wanted.len()];
    for (k, block) in blocks.iter().enumerate() {
        let last = blocks.get(k + 1).map_or(wanted.len(), |next| next.first);
        let mut at = block.left;
        for j in block.first..last {
            result[j] = at + widths[j] / 2.0;
            at += widths[j] + gaps.get(j).copied().unwrap_or(0.0);
        }
    }
    result
}
