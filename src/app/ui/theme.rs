//! Colours and sizes shared by the canvas, the reader and image snapshots.
//! Support and rebut differ in line style, arrow end and mark as well as in
//! colour, so the map reads without colour vision.

use crate::model::{LinkKind, SourceId};
use crate::render::palette;
use egui::Color32;

fn rgb(c: palette::Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

pub fn source_colour(id: &SourceId) -> Color32 {
    rgb(palette::source(id))
}

pub fn link_colour(kind: LinkKind, dark: bool) -> Color32 {
    rgb(palette::link(kind, dark))
}

/// The sign drawn on a link's badge.
pub fn link_mark(kind: LinkKind) -> &'static str {
    palette::mark(kind)
}

pub fn selection_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x4d, 0xa3, 0xff)
    } else {
        Color32::from_rgb(0x1a, 0x73, 0xe8)
    }
}

/// Card background and text colours.
pub fn card_fill(dark: bool) -> Color32 {
    rgb(palette::card_fill(dark))
}

pub fn canvas_fill(dark: bool) -> Color32 {
    rgb(palette::canvas_fill(dark))
}

pub fn text_colour(dark: bool) -> Color32 {
    rgb(palette::text(dark))
}

pub fn muted_text(dark: bool) -> Color32 {
    rgb(palette::muted(dark))
}

/// A translucent wash of `colour` for highlighting text.
pub fn wash(colour: Color32, dark: bool) -> Color32 {
    let alpha = if dark { 90 } else { 55 };
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}
