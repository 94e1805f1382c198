//! Unconnected groups of claims, each laid out on its own, packed in rows
//! into a shape that fits a window rather than one long row.

use super::Size;
use crate::model::{ClaimId, Point};
use std::collections::BTreeMap;

/// Space between groups.
pub const GROUP_GAP: f32 = 120.0;

/// One laid-out group: positions relative to its own top left, and its size.
pub struct Block {
    pub placed: Vec<(ClaimId, Point)>,
    pub size: Size,
}

/// Packs `blocks` (largest first) in rows, choosing the row width that
/// brings the whole closest to `aspect` (width : height).
pub fn pack(blocks: &[Block], aspect: f32) -> BTreeMap<ClaimId, Point> {
    let widest = blocks.iter().map(|b| b.size.w).fold(0.0, f32::max);
    let total: f32 = blocks.iter().map(|b| b.size.w + GROUP_GAP).sum();
    // Score, area and offsets of the best packing so far.
    type Packing = (f32, f32, Vec<(f32, f32)>);
    let mut best: Option<Packing> = None;
    let mut width = widest;
    loop {
        let (offsets, w, h) = shelves(blocks, width);
        let ratio = (w.max(1.0) / h.max(1.0)).ln() - aspect.ln();
        let score = ratio.abs();
        let better = best.as_ref().is_none_or(|(s, area, _)| {
            score < *s - 1e-3 || (score - *s).abs() <= 1e-3 && w * h < *area
        });
        if better {
            best = Some((score, w * h, offsets));
        }
        if width >= total {
            break;
        }
        width = (width * 1.15).max(width + 1.0);
    }
    let offsets = best.map(|b| b.2).unwrap_or_default();
    let mut positions = BTreeMap::new();
    for (block, (dx, dy)) in blocks.iter().zip(offsets) {
        for &(id, p) in &block.placed {
            positions.insert(id, Point::new(p.x + dx, p.y + dy));
        }
    }
    positions
}

/// Each block's offset when rows are at most `limit` wide, and the size of
/// the whole.
fn shelves(blocks: &[Block], limit: f32) -> (Vec<(f32, f32)>, f32, f32) {
    let mut offsets = Vec::with_capacity(blocks.len());
    let (mut x, mut y, mut row_height, mut width) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for block in blocks {
        if x > 0.0 && x + block.size.w > limit {
            y += row_height + GROUP_GAP;
            x = 0.0;
            row_height = 0.0;
        }
        offsets.push((x, y));
        x += block.size.w + GROUP_GAP;
        row_height = row_height.max(block.size.h);
        width = width.max(x - GROUP_GAP);
    }
    (offsets, width, y + row_height)
}
