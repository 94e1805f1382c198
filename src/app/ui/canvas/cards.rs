//! Claim cards: their size (measured once per text) and how they are drawn.

use crate::app::document::Version;
use crate::app::ui::theme;
use crate::model::{Claim, ClaimId, Map};
use egui::{Color32, CornerRadius, FontId, Painter, Rect, Stroke, StrokeKind, Vec2, pos2, vec2};
use std::collections::HashMap;

pub use crate::render::labels::{
    BADGE_MIN_PX, LABEL_MAX_PX, LABEL_MIN_PX, TEXT_MIN_ZOOM, label_of, label_px, shows_label,
    sign_rect, text_may_be_cut,
};
pub use crate::render::measure::{BADGE_FONT, BADGE_ROW, CARD_WIDTH, FONT_SIZE, PADDING};
use crate::render::measure::{card_size, display_text};

/// Card sizes at 100 % zoom, remembered per claim until its text changes.
#[derive(Default)]
pub struct CardSizes {
    cache: HashMap<ClaimId, (String, bool, Vec2)>,
    /// The map state last measured, so an unchanged map costs nothing.
    measured: Option<Version>,
    changes: u64,
}

impl CardSizes {
    /// Counts the times any size changed.
    pub fn changes(&self) -> u64 {
        self.changes
    }

    /// Measures every claim whose text changed since last time: a few
    /// megabytes of text a frame at most, so a map of long claims is
    /// measured over several frames rather than with gigabytes at once.
    pub fn update(&mut self, ctx: &egui::Context, map: &Map, version: Version) {
        if self.measured == Some(version) {
            return;
        }
        let stale: Vec<&Claim> = map
            .claims
            .iter()
            .filter(|c| {
                self.cache
                    .get(&c.id)
                    .is_none_or(|(text, quoted, _)| *text != c.text || *quoted != c.quote.is_some())
            })
            .collect();
        let mut laid = 0;
        let mut done = 0;
        if !stale.is_empty() {
            self.changes += 1;
            ctx.fonts_mut(|fonts| {
                for claim in &stale {
                    if laid >= crate::render::measure::TEXT_PER_PASS {
                        break;
                    }
                    laid += claim.text.len();
                    done += 1;
                    let size = card_size(fonts, claim);
                    self.cache
                        .insert(claim.id, (claim.text.clone(), claim.quote.is_some(), size));
                }
            });
        }
        if done < stale.len() {
            ctx.request_repaint();
            return;
        }
        self.measured = Some(version);
        if self.cache.len() > map.claims.len() {
            self.cache.retain(|id, _| map.claim(*id).is_some());
            self.changes += 1;
        }
    }

    pub fn get(&self, id: ClaimId) -> Vec2 {
        self.cache
            .get(&id)
            .map_or(vec2(CARD_WIDTH, 60.0), |(_, _, size)| *size)
    }
}

/// Who a quoted claim came from, as shown on its badge: authors' surnames.
pub fn badge_label(map: &Map, claim: &Claim) -> Option<(String, Color32)> {
    let quote = claim.quote.as_ref()?;
    let colour = theme::source_colour(&quote.source);
    let label = map.source(&quote.source).map_or_else(
        || quote.source.as_str().to_owned(),
        crate::model::Source::short_name,
    );
    Some((label, colour))
}

pub struct CardStyle {
    pub dark: bool,
    /// High contrast: the card filled as the page, edged and written in
    /// the text colour.
    pub contrast: bool,
    pub selected: bool,
    pub hovered: bool,
    /// Drawn half-transparent (e.g. while being dragged in from the reader).
    pub ghost: bool,
    /// Whether the claim stands, while Which claims stand is on: the card's
    /// edge takes the status's colour (green, red, amber).
    pub status: Option<crate::analysis::evaluate::Status>,
}

/// Draws one card into `rect` (screen space) at `zoom`.
pub fn draw(painter: &Painter, rect: Rect, zoom: f32, map: &Map, claim: &Claim, style: &CardStyle) {
    let radius = CornerRadius::same((6.0 * zoom).clamp(1.0, 255.0) as u8);
    let badge = badge_label(map, claim);
    let accent = badge
        .as_ref()
        .map_or(theme::muted_text(style.dark), |(_, c)| *c);
    let mut fill = if style.contrast {
        theme::canvas_fill_for(style.dark, true)
    } else {
        theme::card_fill(style.dark)
    };
    if style.ghost {
        fill = fill.gamma_multiply(0.8);
    }
    let border = if style.selected {
        Stroke::new((2.5 * zoom).max(1.5), theme::selection_colour(style.dark))
    } else if let Some(status) = style.status {
        Stroke::new((2.5 * zoom).max(1.5), super::marks::status_colour(status))
    } else if style.hovered {
        Stroke::new(
            (1.5 * zoom).max(1.0),
            theme::text_colour(style.dark).gamma_multiply(0.6),
        )
    } else if style.contrast {
        Stroke::new(
            (1.5 * zoom).max(1.0),
            theme::text_colour_for(style.dark, true),
        )
    } else {
        Stroke::new(
            (1.0 * zoom).max(0.5),
            theme::muted_text(style.dark).gamma_multiply(0.5),
        )
    };
    if style.selected {
        painter.rect_filled(
            rect.expand(4.0 * zoom),
            radius,
            theme::wash(theme::selection_colour(style.dark), style.dark),
        );
    }
    painter.rect(rect, radius, fill, border, StrokeKind::Inside);
    // A stripe in the source's colour down the left edge ties the card to its article.
    let stripe = Rect::from_min_max(
        rect.min,
        pos2(rect.min.x + (5.0 * zoom).max(2.0), rect.max.y),
    );
    painter.rect_filled(
        stripe,
        CornerRadius {
            nw: radius.nw,
            sw: radius.sw,
            ne: 0,
            se: 0,
        },
        if claim.quote.is_some() {
            accent
        } else {
            theme::muted_text(style.dark).gamma_multiply(0.4)
        },
    );
    let clip = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    if shows_label(zoom) {
        let inner = crate::render::labels::label_room(rect, zoom);
        draw_label(painter, inner, zoom, claim, badge, style);
        return;
    }
    let inner = rect.shrink(PADDING * zoom);
    let mut top = inner.min.y;
    if let Some((label, colour)) = badge {
        draw_badge(
            &clip,
            pos2(inner.min.x, top),
            label,
            colour,
            BADGE_FONT * zoom,
        );
        // The row the card was measured with, whatever the pill's own height.
        top += BADGE_ROW * zoom;
    }
    let text_colour = if claim.text.trim().is_empty() {
        theme::muted_text(style.dark)
    } else {
        theme::text_colour_for(style.dark, style.contrast)
    };
    let font = FontId::proportional(FONT_SIZE * zoom);
    let row_height = painter.ctx().fonts_mut(|f| f.row_height(&font));
    let mut job =
        egui::text::LayoutJob::simple(display_text(claim), font, text_colour, inner.width());
    // A little slack: the card was measured to hold its text exactly.
    job.wrap.max_rows = (((inner.max.y - top + 2.0) / row_height).floor() as usize).max(1);
    job.wrap.overflow_character = Some('…');
    clip.galley(pos2(inner.min.x, top), painter.layout_job(job), text_colour);
}

/// A source badge: the authors' names in white on the source's colour.
/// Returns the height it took.
fn draw_badge(painter: &Painter, at: egui::Pos2, label: String, colour: Color32, px: f32) -> f32 {
    let galley = painter.layout_no_wrap(label, FontId::proportional(px), Color32::WHITE);
    let pad = vec2(px * 0.45, px * 0.14);
    let pill = Rect::from_min_size(at, galley.size() + pad * 2.0);
    painter.rect_filled(
        pill,
        CornerRadius::same((pill.height() / 2.0) as u8),
        colour,
    );
    painter.galley(pill.min + pad, galley, Color32::WHITE);
    pill.height()
}

/// A zoomed-out card: its label at [`label_px`] (cut with "…" where the card
/// is too small; nothing if not even one line fits; hovering still shows
/// the claim), and its source as a tab on the card's top edge, so the badge
/// never takes the label's room.
fn draw_label(
    painter: &Painter,
    inner: Rect,
    zoom: f32,
    claim: &Claim,
    badge: Option<(String, Color32)>,
    style: &CardStyle,
) {
    let colour = theme::text_colour(style.dark);
    if let Some(galley) = label_galley(painter, &label_of(claim), inner, label_px(zoom), colour) {
        // Centred in the card, so a card reads like a sign.
        let at = pos2(inner.min.x, inner.center().y - galley.size().y / 2.0);
        painter.galley(at.max(inner.min), galley, colour);
    }
    if let Some((label, colour)) = badge
        && inner.width() > BADGE_MIN_PX * 4.0
    {
        let tab = painter.with_clip_rect(painter.clip_rect().expand(BADGE_MIN_PX * 2.0));
        let at = pos2(inner.min.x, inner.min.y - BADGE_MIN_PX * 1.2);
        draw_badge(&tab, at, label, colour, BADGE_MIN_PX);
    }
}

/// A label laid out at `px` in `room`, cut with "…" after the rows that fit.
pub fn label_galley(
    painter: &Painter,
    text: &str,
    room: Rect,
    px: f32,
    colour: Color32,
) -> Option<std::sync::Arc<egui::Galley>> {
    crate::render::labels::label_job(text, room.size(), px, colour)
        .map(|job| painter.layout_job(job))
}
