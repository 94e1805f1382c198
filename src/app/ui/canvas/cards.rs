//! Claim cards: their size (measured once per text) and how they are drawn.

use crate::app::ui::theme;
use crate::model::{Claim, ClaimId, Map};
use egui::{Color32, CornerRadius, FontId, Painter, Rect, Stroke, StrokeKind, Vec2, pos2, vec2};
use std::collections::HashMap;

pub use crate::render::measure::{BADGE_FONT, BADGE_ROW, CARD_WIDTH, FONT_SIZE, PADDING};
use crate::render::measure::{card_size, display_text};
/// Below this zoom cards are drawn as plain boxes.
pub const TEXT_MIN_ZOOM: f32 = 0.22;
/// Zoomed out, card text stays at least this large and is cut to fit the
/// card with an ellipsis, so an overview of the whole map still reads.
const MIN_TEXT_PX: f32 = 9.0;

/// Whether a card at `zoom` may show less than its whole text, so hovering
/// it should.
pub fn text_may_be_cut(zoom: f32) -> bool {
    FONT_SIZE * zoom < MIN_TEXT_PX
}

/// Card sizes at 100 % zoom, remembered per claim until its text changes.
#[derive(Default)]
pub struct CardSizes {
    cache: HashMap<ClaimId, (String, bool, Vec2)>,
}

impl CardSizes {
    /// Measures every claim whose text changed since last time.
    pub fn update(&mut self, ctx: &egui::Context, map: &Map) {
        let stale: Vec<&Claim> = map
            .claims
            .iter()
            .filter(|c| {
                self.cache
                    .get(&c.id)
                    .is_none_or(|(text, quoted, _)| *text != c.text || *quoted != c.quote.is_some())
            })
            .collect();
        if !stale.is_empty() {
            ctx.fonts_mut(|fonts| {
                for claim in stale {
                    let size = card_size(fonts, claim);
                    self.cache
                        .insert(claim.id, (claim.text.clone(), claim.quote.is_some(), size));
                }
            });
        }
        if self.cache.len() > map.claims.len() {
            self.cache.retain(|id, _| map.claim(*id).is_some());
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
        |source| {
            let surnames: Vec<&str> = source
                .authors
                .iter()
                .filter_map(|a| a.split_whitespace().last())
                .collect();
            if surnames.is_empty() {
                source.title.clone()
            } else {
                surnames.join(" & ")
            }
        },
    );
    Some((label, colour))
}

pub struct CardStyle {
    pub dark: bool,
    pub selected: bool,
    pub hovered: bool,
    /// Drawn half-transparent (e.g. while being dragged in from the reader).
    pub ghost: bool,
}

/// Draws one card into `rect` (screen space) at `zoom`.
pub fn draw(painter: &Painter, rect: Rect, zoom: f32, map: &Map, claim: &Claim, style: &CardStyle) {
    let radius = CornerRadius::same((6.0 * zoom).clamp(1.0, 255.0) as u8);
    let badge = badge_label(map, claim);
    let accent = badge
        .as_ref()
        .map_or(theme::muted_text(style.dark), |(_, c)| *c);
    let mut fill = theme::card_fill(style.dark);
    if style.ghost {
        fill = fill.gamma_multiply(0.8);
    }
    let border = if style.selected {
        Stroke::new((2.5 * zoom).max(1.5), theme::selection_colour(style.dark))
    } else if style.hovered {
        Stroke::new(
            (1.5 * zoom).max(1.0),
            theme::text_colour(style.dark).gamma_multiply(0.6),
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
    if zoom < TEXT_MIN_ZOOM {
        return;
    }
    let inner = rect.shrink(PADDING * zoom);
    let clip = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let mut top = inner.min.y;
    if let Some((label, colour)) = badge {
        let galley = painter.layout_no_wrap(
            label,
            FontId::proportional(BADGE_FONT * zoom),
            Color32::WHITE,
        );
        let pill = Rect::from_min_size(
            pos2(inner.min.x, top),
            galley.size() + vec2(10.0, 3.0) * zoom,
        );
        clip.rect_filled(
            pill,
            CornerRadius::same((pill.height() / 2.0) as u8),
            colour,
        );
        clip.galley(pill.min + vec2(5.0, 1.5) * zoom, galley, Color32::WHITE);
        top += BADGE_ROW * zoom;
    }
    let text_colour = if claim.text.trim().is_empty() {
        theme::muted_text(style.dark)
    } else {
        theme::text_colour(style.dark)
    };
    let font = FontId::proportional((FONT_SIZE * zoom).max(MIN_TEXT_PX));
    let row_height = painter.ctx().fonts_mut(|f| f.row_height(&font));
    let mut job =
        egui::text::LayoutJob::simple(display_text(claim), font, text_colour, inner.width());
    // A little slack: the card was measured to hold its text exactly.
    job.wrap.max_rows = (((inner.max.y - top + 2.0) / row_height).floor() as usize).max(1);
    job.wrap.overflow_character = Some('…');
    clip.galley(pos2(inner.min.x, top), painter.layout_job(job), text_colour);
}
