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
    let width = |i: usize| layered.real[i].map_or(WAYPOINT_WIDTH, |g| size(g).w);
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
                    let near: Vec<f32> = layered.up[i]
                        .iter()
                        .chain(&layered.down[i])
                        .map(|&m| x[m])
                        .collect();
                    if near.is_empty() {
                        x[i]
                    } else {
                        near.iter().sum::<f32>() / near.len() as f32
                    }
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
    // Each block: first and last box, left edge, total width.
    let mut blocks: Vec<(usize, usize, f32, f32)> = Vec::new();
    // Offset of each box's centre from its block's left edge.
    let mut offset = vec![0.0f32; wanted.len()];
    for i in 0..wanted.len() {
        offset[i] = widths[i] / 2.0;
        blocks.push((i, i, wanted[i] - widths[i] / 2.0, widths[i]));
        while blocks.len() > 1 {
            let (b_first, b_last, b_left, b_width) = blocks[blocks.len() - 1];
            let (a_first, _, a_left, a_width) = blocks[blocks.len() - 2];
            let gap = gaps[b_first - 1];
            if a_left + a_width + gap <= b_left {
                break;
            }
            // Merge: b's boxes follow a's; the block sits where its boxes want on average.
            for o in &mut offset[b_first..=b_last] {
                *o += a_width + gap;
            }
            let width = a_width + gap + b_width;
            let members = (b_last - a_first + 1) as f32;
            let left = (a_first..=b_last)
                .map(|j| wanted[j] - offset[j])
                .sum::<f32>()
                / members;
            blocks.pop();
            blocks.pop();
            blocks.push((a_first, b_last, left, width));
        }
    }
    let mut result = vec![0.0; wanted.len()];
    for (first, last, left, _) in blocks {
        for j in first..=last {
            result[j] = left + offset[j];
        }
    }
    result
}
