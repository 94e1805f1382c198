//! Card sizes, measured with the same fonts and wrapping as the canvas, so
//! exported images and the canvas agree.

use crate::model::Claim;
use egui::epaint::text::FontsView;
use egui::{Color32, FontId, Vec2, vec2};

pub const CARD_WIDTH: f32 = 200.0;
pub const PADDING: f32 = 10.0;
pub const FONT_SIZE: f32 = 14.0;
pub const BADGE_FONT: f32 = 11.0;
pub const BADGE_ROW: f32 = 20.0;
pub const MIN_HEIGHT: f32 = 40.0;

/// What a card shows: an empty claim still shows something to click.
pub fn display_text(claim: &Claim) -> String {
    if claim.text.trim().is_empty() {
        "(empty claim)".to_owned()
    } else {
        claim.text.clone()
    }
}

/// A card's size at 100 % zoom.
pub fn card_size(fonts: &mut FontsView<'_>, claim: &Claim) -> Vec2 {
    let galley = fonts.layout(
        display_text(claim),
        FontId::proportional(FONT_SIZE),
        Color32::PLACEHOLDER,
        CARD_WIDTH - 2.0 * PADDING,
    );
    let badge = if claim.quote.is_some() {
        BADGE_ROW
    } else {
        0.0
    };
    vec2(
        CARD_WIDTH,
        (galley.size().y + 2.0 * PADDING + badge).max(MIN_HEIGHT),
    )
}
