//! Colours and sizes shared by the canvas, the reader and image snapshots.
//! Support and rebut differ in line style, arrow end and mark as well as in
//! colour, so the map reads without colour vision.

use crate::corpus;
use crate::model::{LinkKind, SourceId};
use egui::Color32;

/// Sources get a colour from this list: bundled articles by their place in
/// the corpus (so Kimmage and Kramer look the same in every map), other
/// sources by a hash of their id.
const SOURCE_PALETTE: [Color32; 8] = [
    Color32::from_rgb(0x2b, 0x6c, 0xb0), // blue
    Color32::from_rgb(0xc0, 0x5a, 0x16), // burnt orange
    Color32::from_rgb(0x1b, 0x8a, 0x7a), // teal
    Color32::from_rgb(0x7b, 0x4f, 0xa8), // purple
    Color32::from_rgb(0x72, 0x7a, 0x18), // olive
    Color32::from_rgb(0xb0, 0x3a, 0x6e), // raspberry
    Color32::from_rgb(0x4a, 0x63, 0x7a), // slate
    Color32::from_rgb(0x8a, 0x6d, 0x1d), // ochre
];

pub fn source_colour(id: &SourceId) -> Color32 {
    let index = corpus::articles()
        .iter()
        .position(|a| &a.id == id)
        .unwrap_or_else(|| {
            let hash = id
                .as_str()
                .bytes()
                .fold(5381u32, |h, b| h.wrapping_mul(33) ^ u32::from(b));
            5 + (hash as usize) % 3
        });
    SOURCE_PALETTE[index % SOURCE_PALETTE.len()]
}

pub fn link_colour(kind: LinkKind, dark: bool) -> Color32 {
    match (kind, dark) {
        (LinkKind::Support, false) => Color32::from_rgb(0x1f, 0x7a, 0x3a),
        (LinkKind::Support, true) => Color32::from_rgb(0x5c, 0xc4, 0x7a),
        (LinkKind::Rebut, false) => Color32::from_rgb(0xc0, 0x22, 0x2b),
        (LinkKind::Rebut, true) => Color32::from_rgb(0xf0, 0x6a, 0x6a),
    }
}

/// The sign drawn on a link's badge.
pub fn link_mark(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Support => "+",
        LinkKind::Rebut => "−",
    }
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
    if dark {
        Color32::from_gray(0x2e)
    } else {
        Color32::WHITE
    }
}

pub fn canvas_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(0x1b)
    } else {
        Color32::from_rgb(0xf3, 0xf1, 0xec)
    }
}

pub fn text_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(0xe6)
    } else {
        Color32::from_gray(0x1e)
    }
}

pub fn muted_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(0xa0)
    } else {
        Color32::from_gray(0x66)
    }
}

/// A translucent wash of `colour` for highlighting text.
pub fn wash(colour: Color32, dark: bool) -> Color32 {
    let alpha = if dark { 90 } else { 55 };
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}
