//! Laying a map out for a window: the shapes a layout command tries, each
//! judged by how many labels a canvas of that size shows whole at Fit,
//! fewer crossings breaking ties. Tidy tries its own layered layout and a
//! compact grid; Lay out as a debate tries its usual grid and one fitted to
//! the window.

use super::labels::labels_whole_at_fit;
use super::measure::Headless;
use crate::analysis::layout::{self, Size};
use crate::model::{ClaimId, Map, Point};
use egui::Vec2;
use std::collections::BTreeMap;

/// Above this many claims no window shows a map's labels at Fit, so only
/// the usual layouts are made.
const MOST_FITTED: usize = 300;

/// A layout and how it reads.
pub struct Judged {
    pub positions: BTreeMap<ClaimId, Point>,
    /// Labels shown whole at Fit in the window.
    pub whole: usize,
    pub crossings: usize,
}

/// Judges `positions` for a canvas of `canvas` points.
pub fn judge(
    fonts: &Headless,
    map: &Map,
    positions: BTreeMap<ClaimId, Point>,
    sizes: &BTreeMap<ClaimId, Size>,
    canvas: Vec2,
) -> Judged {
    let whole = fonts.fonts(|f| labels_whole_at_fit(f, map, &positions, sizes, canvas));
    let crossings = layout::crossings(map, &positions);
    Judged {
        positions,
        whole,
        crossings,
    }
}

/// The map where it stands now, judged.
pub fn as_it_stands(
    fonts: &Headless,
    map: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    canvas: Vec2,
) -> Judged {
    let positions = map.claims.iter().map(|c| (c.id, c.pos)).collect();
    judge(fonts, map, positions, sizes, canvas)
}

/// The best of `shapes`: the most labels whole, then the fewest crossings,
/// then the first.
fn best(shapes: Vec<Judged>) -> Option<Judged> {
    shapes.into_iter().reduce(|best, next| {
        if (next.whole, std::cmp::Reverse(next.crossings))
            > (best.whole, std::cmp::Reverse(best.crossings))
        {
            next
        } else {
            best
        }
    })
}

fn window(canvas: Vec2) -> Size {
    Size {
        w: canvas.x,
        h: canvas.y,
    }
}

/// Tidy for a canvas of `canvas` points: the layered layout, or a compact
/// grid where that shows more labels whole.
pub fn tidy(fonts: &Headless, map: &Map, sizes: &BTreeMap<ClaimId, Size>, canvas: Vec2) -> Judged {
    let mut shapes = vec![layout::tidy(map, sizes)];
    if map.claims.len() <= MOST_FITTED {
        shapes.push(layout::compact_for_window(map, sizes, 1, window(canvas)));
    }
    let judged = shapes
        .into_iter()
        .map(|p| judge(fonts, map, p, sizes, canvas))
        .collect();
    best(judged).unwrap_or_else(|| as_it_stands(fonts, map, sizes, canvas))
}

/// Lay out as a debate for a canvas of `canvas` points (`effort` as for
/// [`layout::debate_with`]); `None` when the map has no two sides.
pub fn debate(
    fonts: &Headless,
    map: &Map,
    sizes: &BTreeMap<ClaimId, Size>,
    canvas: Vec2,
    effort: usize,
) -> Option<Judged> {
    let mut shapes = vec![layout::debate_with(map, sizes, effort)?];
    if map.claims.len() <= MOST_FITTED
        && let Some(fitted) = layout::debate_for_window(map, sizes, effort, window(canvas))
    {
        shapes.push(fitted);
    }
    let judged = shapes
        .into_iter()
        .map(|p| judge(fonts, map, p, sizes, canvas))
        .collect();
    best(judged)
}
