//! A card seen from far out is a sign: its label (a few words) at a size
//! that reads from the back of a classroom, on as many lines as the card
//! has room for, cut with "…" after them. The canvas draws labels this
//! way, and [`labels_whole_at_fit`] counts, without a window, how many of
//! a map's labels a canvas of a given size shows whole at Fit, so a layout
//! can be judged by what a student will read.

use super::measure::{FONT_SIZE, display_text};
use crate::analysis::layout::{Size, fit_zoom};
use crate::model::{Claim, ClaimId, Map, Point};
use egui::epaint::text::FontsView;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Rect, Vec2, pos2, vec2};
use std::collections::BTreeMap;

/// Below this zoom cards are too small for their labels (or a handle to
/// drag links from): the canvas draws the far picture instead.
pub const TEXT_MIN_ZOOM: f32 = 0.22;
/// The smallest on-screen size of a card's whole text; zoomed further out,
/// the card shows its label instead.
pub const FULL_TEXT_PX: f32 = 11.0;
/// On-screen sizes a label is drawn at: one size for every card at a given
/// zoom, larger than the text would be, up to the first and never smaller
/// than the second, so it reads from the back of a classroom.
pub const LABEL_MAX_PX: f32 = 16.0;
pub const LABEL_MIN_PX: f32 = 11.0;
const LABEL_SCALE: f32 = 1.7;
/// A label's line height, as a share of its size: set close, as on a sign.
const LABEL_LINE: f32 = 1.12;
/// A source badge never shrinks below this on screen.
pub const BADGE_MIN_PX: f32 = 10.0;

/// Whether a card at `zoom` shows its label rather than its whole text.
pub fn shows_label(zoom: f32) -> bool {
    FONT_SIZE * zoom < FULL_TEXT_PX
}

/// Whether a card at `zoom` may show less than its whole text, so hovering
/// it should show it.
pub fn text_may_be_cut(zoom: f32) -> bool {
    shows_label(zoom)
}

/// The on-screen size of every label at `zoom`.
pub fn label_px(zoom: f32) -> f32 {
    (FONT_SIZE * zoom * LABEL_SCALE).clamp(LABEL_MIN_PX, LABEL_MAX_PX)
}

/// What a zoomed-out card says: its label, else its first words.
pub fn label_of(claim: &Claim) -> String {
    if !claim.label.trim().is_empty() {
        return claim.label.trim().to_owned();
    }
    let shown = display_text(claim);
    let words: Vec<&str> = shown.split_whitespace().take(6).collect();
    let mut label = words.join(" ");
    if claim.text.split_whitespace().count() > words.len() {
        label.push('…');
    }
    label
}

/// A card on screen at `zoom`: zoomed out to labels, a card is a sign never
/// shorter than two lines of its label (and a hairline above and below),
/// so a short claim's label still gets its two lines.
pub fn sign_rect(rect: Rect, zoom: f32) -> Rect {
    if !shows_label(zoom) || zoom < TEXT_MIN_ZOOM {
        return rect;
    }
    let least = 2.0 * label_px(zoom) * LABEL_LINE + 2.0;
    rect.expand2(vec2(0.0, ((least - rect.height()) / 2.0).max(0.0)))
}

/// Where a sign's label goes: the whole card but for its source stripe
/// and a hairline.
pub fn label_room(sign: Rect, zoom: f32) -> Rect {
    Rect::from_min_max(
        pos2(sign.min.x + (5.0 * zoom).max(2.0) + 3.0, sign.min.y + 1.0),
        pos2(sign.max.x - 2.0, sign.max.y - 1.0),
    )
}

/// A label laid out at `px` in `room`, cut with "…" after the lines that
/// fit; `None` when not even one line fits.
pub fn label_job(text: &str, room: Vec2, px: f32, colour: Color32) -> Option<LayoutJob> {
    let row = px * LABEL_LINE;
    let rows = (room.y / row).floor() as usize;
    if rows == 0 || room.x < px * 3.0 {
        return None;
    }
    let mut job = LayoutJob::default();
    job.append(
        text,
        0.0,
        TextFormat {
            font_id: FontId::proportional(px),
            color: colour,
            line_height: Some(row),
            ..Default::default()
        },
    );
    job.wrap.max_width = room.x;
    job.wrap.max_rows = rows;
    job.wrap.overflow_character = Some('…');
    Some(job)
}

/// How many claims of `map`, placed at `positions` with cards of `sizes`,
/// a canvas of `canvas` (points) shows whole at Fit: every one when the
/// cards show their text, none in the far picture, else those whose label
/// fits its sign.
pub fn labels_whole_at_fit(
    fonts: &mut FontsView<'_>,
    map: &Map,
    positions: &BTreeMap<ClaimId, Point>,
    sizes: &BTreeMap<ClaimId, Size>,
    canvas: Vec2,
) -> usize {
    let size_of = |id: ClaimId| sizes.get(&id).copied().unwrap_or(Size { w: 0.0, h: 0.0 });
    let window = Size {
        w: canvas.x,
        h: canvas.y,
    };
    let zoom = fit_zoom(positions, size_of, window);
    if zoom < TEXT_MIN_ZOOM {
        return 0;
    }
    if !shows_label(zoom) {
        return map.claims.len();
    }
    let px = label_px(zoom);
    map.claims
        .iter()
        .filter(|claim| {
            let size = size_of(claim.id);
            let card = Rect::from_min_size(pos2(0.0, 0.0), vec2(size.w, size.h) * zoom);
            let room = label_room(sign_rect(card, zoom), zoom);
            label_job(&label_of(claim), room.size(), px, Color32::WHITE)
                .is_some_and(|job| !fonts.layout_job(job).elided)
        })
        .count()
}
