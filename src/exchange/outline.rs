//! Text as shapes, for pictures that look the same in every viewer: each
//! glyph's outline, from the same fonts the canvas draws with, placed where
//! the canvas's own text layout put it.

use std::fmt::Write as _;

/// A run of text laid out: each glyph's character and left edge, on one
/// baseline, at one size (all in picture units).
#[derive(Clone, Debug, Default)]
pub struct Run {
    pub glyphs: Vec<(char, f32)>,
    pub baseline: f32,
    pub px: f32,
}

impl Run {
    /// A run from a row of an egui galley placed with its top left at
    /// `origin`. Where egui joined letters into a ligature (the later ones
    /// have no width of their own), the letters are set one after another,
    /// by `advance`, from where the ligature starts.
    pub fn from_row(
        row: &egui::epaint::text::PlacedRow,
        origin: egui::Pos2,
        px: f32,
        advance: impl Fn(char, f32) -> f32,
    ) -> Self {
        let baseline = row
            .glyphs
            .first()
            .map_or(row.pos.y + row.size.y * 0.8, |g| row.pos.y + g.pos.y);
        let mut glyphs: Vec<(char, f32)> = Vec::with_capacity(row.glyphs.len());
        for (k, g) in row.glyphs.iter().enumerate() {
            let x = origin.x + row.pos.x + g.pos.x;
            let in_ligature = k > 0 && g.advance_width == 0.0 && g.chr != ' ';
            let x = match glyphs.last() {
                Some(&(prev, at)) if in_ligature => at + advance(prev, px),
                _ => x,
            };
            glyphs.push((g.chr, x));
        }
        Self {
            glyphs,
            baseline: origin.y + baseline,
            px,
        }
    }

    /// The text of the run, for titles and checks.
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|(c, _)| *c).collect()
    }
}

/// The canvas's fonts, in the order it falls back through them, each with
/// the scale egui gives it; and the glyphs drawn so far, each outlined once
/// (at each size) and then reused, which keeps pictures small.
pub struct Outliner {
    faces: Vec<(ttf_parser::Face<'static>, f32)>,
    /// Glyph (font, glyph id, size in hundredths) → its id in `<defs>`.
    defined: std::collections::BTreeMap<(usize, u16, u32), usize>,
    /// Character and size in hundredths → its outline's id, once looked up:
    /// a large picture draws the same few dozen glyphs millions of times.
    found: std::collections::HashMap<(char, u32), Option<usize>>,
    defs: String,
}

impl Default for Outliner {
    fn default() -> Self {
        let fonts: [(&'static [u8], f32); 2] = [
            (epaint_default_fonts::UBUNTU_LIGHT, 1.0),
            (epaint_default_fonts::EGUI_ICONS, 0.9),
        ];
        Self {
            faces: fonts
                .iter()
                .filter_map(|&(data, scale)| Some((ttf_parser::Face::parse(data, 0).ok()?, scale)))
                .collect(),
            defined: Default::default(),
            found: Default::default(),
            defs: String::new(),
        }
    }
}

/// Writes outline commands into an SVG path's `d`.
struct Pen<'a> {
    d: &'a mut String,
    x: f32,
    y: f32,
    scale: f32,
}

impl Pen<'_> {
    fn point(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y - y * self.scale)
    }
}

impl ttf_parser::OutlineBuilder for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.point(x, y);
        let _ = write!(self.d, "M{x:.2} {y:.2}");
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.point(x, y);
        let _ = write!(self.d, "L{x:.2} {y:.2}");
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1) = self.point(x1, y1);
        let (x, y) = self.point(x, y);
        let _ = write!(self.d, "Q{x1:.2} {y1:.2} {x:.2} {y:.2}");
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x1, y1) = self.point(x1, y1);
        let (x2, y2) = self.point(x2, y2);
        let (x, y) = self.point(x, y);
        let _ = write!(self.d, "C{x1:.2} {y1:.2} {x2:.2} {y2:.2} {x:.2} {y:.2}");
    }

    fn close(&mut self) {
        self.d.push('Z');
    }
}

impl Outliner {
    /// A run drawn in `fill`: one `<use>` of a defined glyph per character
    /// (nothing for spaces and characters no font has).
    pub fn draw(&mut self, run: &Run, fill: &str) -> String {
        let mut out = String::new();
        // One group per row holds the colour and the baseline; each glyph
        // then says only where along the row it stands, which keeps a
        // picture of 100,000 cards to half the size.
        let mut any = false;
        for &(c, x) in &run.glyphs {
            let key = (c, (run.px * 100.0).round() as u32);
            let id = match self.found.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self
                        .faces
                        .iter()
                        .enumerate()
                        .find_map(|(i, (face, _))| face.glyph_index(c).map(|g| (i, g)))
                        .and_then(|(face, glyph)| self.define(face, glyph, run.px));
                    self.found.insert(key, id);
                    id
                }
            };
            let Some(id) = id else {
                continue;
            };
            if !any {
                any = true;
                out.push_str(r#"<g fill=""#);
                out.push_str(fill);
                out.push_str(r#"" transform="translate(0 "#);
                push_number(&mut out, run.baseline);
                out.push_str(r#")">"#);
            }
            let _ = write!(out, r##"<use href="#g{id}" x=""##);
            push_number(&mut out, x);
            out.push_str(r#""/>"#);
        }
        if any {
            out.push_str("</g>");
        }
        out
    }

    /// The id of a glyph's outline at `px`, outlined the first time it is asked for.
    fn define(&mut self, face: usize, glyph: ttf_parser::GlyphId, px: f32) -> Option<usize> {
        let key = (face, glyph.0, (px * 100.0).round() as u32);
        if let Some(&id) = self.defined.get(&key) {
            return Some(id);
        }
        let (font, tweak) = &self.faces[face];
        let mut d = String::new();
        let scale = px * tweak / f32::from(font.units_per_em());
        let mut pen = Pen {
            d: &mut d,
            x: 0.0,
            y: 0.0,
            scale,
        };
        font.outline_glyph(glyph, &mut pen)?;
        let id = self.defined.len();
        let _ = write!(self.defs, r#"<path id="g{id}" d="{d}"/>"#);
        self.defined.insert(key, id);
        Some(id)
    }

    /// Every glyph used so far, for the picture's `<defs>`.
    pub fn defs(&self) -> &str {
        &self.defs
    }

    /// How wide a run of `text` at `px` is, by the fonts' advances, for text
    /// laid out here rather than by the canvas (the signs on link badges).
    pub fn width(&self, text: &str, px: f32) -> f32 {
        text.chars()
            .filter_map(|c| {
                self.faces.iter().find_map(|(face, tweak)| {
                    let glyph = face.glyph_index(c)?;
                    let advance = f32::from(face.glyph_hor_advance(glyph)?);
                    Some(advance * px * tweak / f32::from(face.units_per_em()))
                })
            })
            .sum()
    }

    /// A run of `text` from `x`, laid out by the fonts' advances.
    pub fn run(&self, text: &str, x: f32, baseline: f32, px: f32) -> Run {
        let mut left = x;
        let glyphs = text
            .chars()
            .map(|c| {
                let at = left;
                left += self.width(&c.to_string(), px);
                (c, at)
            })
            .collect();
        Run {
            glyphs,
            baseline,
            px,
        }
    }
}

/// Writes `value` with two decimals, as `{:.2}` would, through integers:
/// formatting a float exactly is the slowest part of writing a large picture.
pub fn push_number(out: &mut String, value: f32) {
    let hundredths = (f64::from(value) * 100.0).round();
    if !hundredths.is_finite() || hundredths.abs() >= 1e15 {
        let _ = write!(out, "{value:.2}");
        return;
    }
    let hundredths = hundredths as i64;
    if hundredths < 0 {
        out.push('-');
    }
    let abs = hundredths.unsigned_abs();
    let _ = write!(out, "{}.{:02}", abs / 100, abs % 100);
}

#[cfg(test)]
mod tests {
    use super::push_number;

    #[test]
    fn numbers_read_as_two_decimals_do() {
        for value in [
            0.0f32, 1.0, -1.0, 12.345, -0.004, -0.006, 99.995, 1234.5, -3.1,
        ] {
            let mut out = String::new();
            push_number(&mut out, value);
            let read: f64 = out.parse().expect("a number");
            assert!(
                (read - f64::from(value)).abs() <= 0.0051,
                "{value} as {out}"
            );
            assert_eq!(out.split('.').nth(1).map(str::len), Some(2), "{out}");
        }
    }
}
