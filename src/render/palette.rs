//! The map's colours as plain RGB, shared by the canvas and image export.
//! Support and rebut also differ in line style, arrow end and mark, so no
//! meaning rests on colour alone.

use crate::corpus;
use crate::model::{LinkKind, SourceId};

pub type Rgb = [u8; 3];

/// Sources get a colour from this list: bundled articles by their place in
/// the corpus (so Kimmage and Kramer look the same in every map), other
/// sources by a hash of their id.
const SOURCES: [Rgb; 8] = [
    [0x2b, 0x6c, 0xb0], // blue
    [0xc0, 0x5a, 0x16], // burnt orange
    [0x1b, 0x8a, 0x7a], // teal
    [0x7b, 0x4f, 0xa8], // purple
    [0x72, 0x7a, 0x18], // olive
    [0xb0, 0x3a, 0x6e], // raspberry
    [0x4a, 0x63, 0x7a], // slate
    [0x8a, 0x6d, 0x1d], // ochre
];

pub fn source(id: &SourceId) -> Rgb {
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
    SOURCES[index % SOURCES.len()]
}

pub fn link(kind: LinkKind, dark: bool) -> Rgb {
    match (kind, dark) {
        (LinkKind::Support, false) => [0x1f, 0x7a, 0x3a],
        (LinkKind::Support, true) => [0x5c, 0xc4, 0x7a],
        (LinkKind::Rebut, false) => [0xc0, 0x22, 0x2b],
        (LinkKind::Rebut, true) => [0xf0, 0x6a, 0x6a],
    }
}

/// The sign on a link's badge.
pub fn mark(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Support => "+",
        LinkKind::Rebut => "−",
    }
}

pub fn card_fill(dark: bool) -> Rgb {
    if dark { [0x2e; 3] } else { [0xff; 3] }
}

pub fn canvas_fill(dark: bool) -> Rgb {
    if dark { [0x1b; 3] } else { [0xf3, 0xf1, 0xec] }
}

pub fn text(dark: bool) -> Rgb {
    if dark { [0xe6; 3] } else { [0x1e; 3] }
}

pub fn muted(dark: bool) -> Rgb {
    if dark { [0xa0; 3] } else { [0x66; 3] }
}

pub fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}
