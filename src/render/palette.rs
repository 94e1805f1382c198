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

/// A colour channel in linear light (sRGB's transfer undone), as contrast
/// and colour-difference checks take it.
#[cfg(test)]
pub(crate) fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Simulations of full protanopia, deuteranopia and tritanopia on
    /// linear RGB (Machado, Oliveira and Fernandes, 2009, severity 1).
    const DICHROMACIES: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    /// CIE L*a*b* of a linear RGB colour (D65).
    fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// How far apart two colours look (CIE76 ΔE) to someone who sees
    /// through `matrix`.
    fn difference(a: Rgb, b: Rgb, matrix: &[[f64; 3]; 3]) -> f64 {
        let seen = |c: Rgb| {
            let l = c.map(linear);
            let row = |m: &[f64; 3]| (m[0] * l[0] + m[1] * l[1] + m[2] * l[2]).clamp(0.0, 1.0);
            lab([row(&matrix[0]), row(&matrix[1]), row(&matrix[2])])
        };
        let (p, q) = (seen(a), seen(b));
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
    }

    #[test]
    fn the_two_sides_of_the_debate_differ_to_every_kind_of_colour_vision() {
        let kimmage = source(&SourceId::new("kimmage-2018"));
        let kramer = source(&SourceId::new("kramer-2017"));
        // The bundled articles' own colours, not colours from their ids.
        assert_eq!((kimmage, kramer), (SOURCES[0], SOURCES[1]));
        for (name, matrix) in &DICHROMACIES {
            let seen = difference(kimmage, kramer, matrix);
            // ΔE 50 is a difference no one mistakes; these measure about 90.
            assert!(seen > 50.0, "Kimmage and Kramer under {name}: ΔE {seen:.0}");
        }
        // The simulation is not the identity: two greys stay apart, and
        // red and green, far apart to most, come close under deuteranopia.
        let identity = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
        assert!(difference([200, 30, 30], [30, 160, 30], &identity) > 80.0);
        assert!(difference([200, 30, 30], [30, 160, 30], &DICHROMACIES[1].1) < 40.0);
    }
}
