//! Drawing on a PDF page: cards, links and lines of words, in the
//! canvas's colours and fonts (embedded, only the glyphs used). Every mark
//! is either content a screen reader reads (tagged, its identifier handed
//! back for the document's structure) or decoration it skips (an artifact).

use crate::exchange::outline::{Outliner, Run};
use crate::exchange::scene::{Arrow, Card};
use crate::render::geometry::{BADGE_RADIUS, LinkPath};
use crate::render::measure::{BADGE_ROW, PADDING};
use crate::render::palette::{self, Rgb};
use egui::{Pos2, Rect};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{Font, TextDirection};

/// The fonts text is set in, in the order the canvas falls back through
/// them, each with the scale egui gives it.
pub struct Ink {
    faces: Vec<(Font, ttf_parser::Face<'static>, f32)>,
    /// The same fonts' advances, as pictures measure text laid out here.
    measure: Outliner,
    wash: std::cell::Cell<f32>,
}

impl Default for Ink {
    fn default() -> Self {
        let fonts: [(&'static [u8], f32); 2] = [
            (epaint_default_fonts::UBUNTU_LIGHT, 1.0),
            (epaint_default_fonts::EGUI_ICONS, 0.9),
        ];
        Self {
            faces: fonts
                .iter()
                .filter_map(|&(data, scale)| {
                    Some((
                        Font::new(data.into(), 0)?,
                        ttf_parser::Face::parse(data, 0).ok()?,
                        scale,
                    ))
                })
                .collect(),
            measure: Outliner::default(),
            wash: std::cell::Cell::new(0.0),
        }
    }
}

/// Whether what is drawn is read (content) or skipped (decoration).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Content,
    Decoration,
}

fn colour(rgb: Rgb) -> rgb::Color {
    rgb::Color::new(rgb[0], rgb[1], rgb[2])
}

pub fn fill(rgb: Rgb) -> Fill {
    Fill {
        paint: colour(rgb).into(),
        ..Fill::default()
    }
}

pub fn stroke(rgb: Rgb, width: f32, dash: Option<[f32; 2]>) -> Stroke {
    Stroke {
        paint: colour(rgb).into(),
        width,
        dash: dash.map(|d| StrokeDash {
            array: d.to_vec(),
            offset: 0.0,
        }),
        ..Stroke::default()
    }
}

/// Marks that are not part of what the page says.
pub fn artifact(kind: ArtifactType) -> ContentTag<'static> {
    ContentTag::Artifact(Artifact::with_kind(kind))
}

/// Draws `f`'s marks as decoration a screen reader skips.
pub fn decoration(surface: &mut Surface<'_>, f: impl FnOnce(&mut Surface<'_>)) {
    surface.start_tagged(artifact(ArtifactType::Layout));
    f(surface);
    surface.end_tagged();
}

/// A rectangle with rounded corners of `radius`.
pub fn rounded(surface: &mut Surface<'_>, rect: Rect, radius: f32) {
    let r = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
    // How far a quarter circle's control points stand from its corner.
    let k = r * (1.0 - 0.552_284_8);
    let (l, t, rt, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let mut pb = PathBuilder::new();
    pb.move_to(l + r, t);
    pb.line_to(rt - r, t);
    pb.cubic_to(rt - k, t, rt, t + k, rt, t + r);
    pb.line_to(rt, b - r);
    pb.cubic_to(rt, b - k, rt - k, b, rt - r, b);
    pb.line_to(l + r, b);
    pb.cubic_to(l + k, b, l, b - k, l, b - r);
    pb.line_to(l, t + r);
    pb.cubic_to(l, t + k, l + k, t, l + r, t);
    pb.close();
    if let Some(path) = pb.finish() {
        surface.draw_path(&path);
    }
}

pub fn circle(surface: &mut Surface<'_>, centre: Pos2, r: f32) {
    rounded(
        surface,
        Rect::from_center_size(centre, egui::vec2(2.0 * r, 2.0 * r)),
        r,
    );
}

pub fn line(surface: &mut Surface<'_>, [a, b]: [Pos2; 2]) {
    let mut pb = PathBuilder::new();
    pb.move_to(a.x, a.y);
    pb.line_to(b.x, b.y);
    if let Some(path) = pb.finish() {
        surface.draw_path(&path);
    }
}

pub fn polygon(surface: &mut Surface<'_>, points: &[Pos2]) {
    let mut pb = PathBuilder::new();
    for (i, p) in points.iter().enumerate() {
        if i == 0 {
            pb.move_to(p.x, p.y);
        } else {
            pb.line_to(p.x, p.y);
        }
    }
    pb.close();
    if let Some(path) = pb.finish() {
        surface.draw_path(&path);
    }
}

/// Only fill, or only stroke, for what is drawn next.
pub fn paint(surface: &mut Surface<'_>, fill: Option<Fill>, stroke: Option<Stroke>) {
    surface.set_fill(fill);
    surface.set_stroke(stroke);
}

impl Ink {
    /// `rgb` washed towards white as far as [`Ink::washed`] asks.
    fn tone(&self, rgb: Rgb) -> Rgb {
        let wash = self.wash.get();
        rgb.map(|c| (f32::from(c) + (255.0 - f32::from(c)) * wash).round() as u8)
    }

    /// What `f` draws, its colours washed towards white by `wash` (0 to
    /// 1): quieter, yet still plain colours every printer prints.
    pub fn washed<R>(&self, wash: f32, f: impl FnOnce(&Self) -> R) -> R {
        let before = self.wash.replace(wash.clamp(0.0, 1.0));
        let out = f(self);
        self.wash.set(before);
        out
    }

    /// A line of words in `rgb`, each stretch in the first font that has
    /// its letters, where the canvas's layout put it. Characters no font
    /// has are left out rather than drawn as boxes no reader can name.
    pub fn words(&self, surface: &mut Surface<'_>, run: &Run, rgb: Rgb) {
        paint(surface, Some(fill(self.tone(rgb))), None);
        let face_of = |c: char| {
            self.faces
                .iter()
                .position(|(_, face, _)| face.glyph_index(c).is_some())
        };
        let mut stretch = String::new();
        let mut start: Option<(usize, f32)> = None;
        let mut flush = |stretch: &mut String, start: Option<(usize, f32)>| {
            if let Some((face, x)) = start
                && !stretch.trim().is_empty()
            {
                let (font, _, scale) = &self.faces[face];
                surface.draw_text(
                    Point::from_xy(x, run.baseline),
                    font.clone(),
                    run.px * scale,
                    stretch,
                    false,
                    TextDirection::LeftToRight,
                );
            }
            stretch.clear();
        };
        for &(c, x) in &run.glyphs {
            // A space goes on in the font of the stretch it is in.
            let face = if c == ' ' {
                start.map(|(f, _)| f).or_else(|| face_of(c))
            } else {
                face_of(c)
            };
            match (face, start) {
                (Some(f), Some((g, _))) if f == g => stretch.push(c),
                (Some(f), _) => {
                    flush(&mut stretch, start);
                    start = Some((f, x));
                    stretch.push(c);
                }
                (None, _) => {
                    flush(&mut stretch, start);
                    start = None;
                }
            }
        }
        flush(&mut stretch, start);
    }

    /// A line of words read by a screen reader: its own span.
    pub fn spoken(&self, surface: &mut Surface<'_>, run: &Run, rgb: Rgb) -> Identifier {
        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
        self.words(surface, run, rgb);
        surface.end_tagged();
        id
    }

    /// A card as the canvas draws it: box, source stripe and badge, words.
    /// As content, each line of its words is a span of its own (returned in
    /// reading order, the badge's first); as decoration, nothing is read.
    pub fn card(&self, surface: &mut Surface<'_>, card: &Card, role: Role) -> Vec<Identifier> {
        let r = card.rect;
        let stripe = card.badge.as_ref().map_or([0xc8; 3], |b| b.1);
        let read = role == Role::Content;
        let mut said = Vec::new();
        if read {
            surface.start_tagged(artifact(ArtifactType::Layout));
        } else {
            surface.start_tagged(artifact(ArtifactType::PaginationOther));
        }
        paint(
            surface,
            Some(fill(self.tone(palette::card_fill(false)))),
            Some(stroke(self.tone([0xb8; 3]), 1.0, None)),
        );
        rounded(surface, r, 6.0);
        paint(surface, Some(fill(self.tone(stripe))), None);
        rounded(
            surface,
            Rect::from_min_size(r.min, egui::vec2(5.0, r.height())),
            2.0,
        );
        let mut top = PADDING;
        if let Some((label, badge_colour, text_width)) = &card.badge {
            paint(surface, Some(fill(self.tone(*badge_colour))), None);
            rounded(
                surface,
                Rect::from_min_size(
                    egui::pos2(r.min.x + PADDING, r.min.y + top),
                    egui::vec2(text_width + 10.0, 15.0),
                ),
                7.5,
            );
            let mut placed = card.placed(label, top);
            for glyph in &mut placed.glyphs {
                glyph.1 += 5.0;
            }
            if read {
                surface.end_tagged();
                said.push(self.spoken(surface, &placed, [0xff; 3]));
                surface.start_tagged(artifact(ArtifactType::Layout));
            } else {
                self.words(surface, &placed, [0xff; 3]);
            }
            top += BADGE_ROW;
        }
        surface.end_tagged();
        for row in &card.rows {
            let placed = card.placed(row, top);
            if read {
                said.push(self.spoken(surface, &placed, palette::text(false)));
            } else {
                surface.start_tagged(artifact(ArtifactType::PaginationOther));
                self.words(surface, &placed, palette::text(false));
                surface.end_tagged();
            }
        }
        said
    }

    /// A link as the canvas draws it: its lines (dashed for a rebuttal),
    /// the dot joining linked premises, the head, an attack's bar and the
    /// badge with its + or −. Drawn as one piece of content, for a figure
    /// that says in words what it shows, or as decoration.
    pub fn link(&self, surface: &mut Surface<'_>, path: &LinkPath, role: Role) -> Identifier {
        let id = match role {
            Role::Content => surface.start_tagged(ContentTag::Other),
            Role::Decoration => surface.start_tagged(artifact(ArtifactType::PaginationOther)),
        };
        let ink = palette::link(path.kind, false);
        let dash = path.kind.is_attack().then_some([9.0, 6.0]);
        let arrow = Arrow::of(path);
        paint(surface, None, Some(stroke(self.tone(ink), 2.0, dash)));
        for &segment in &arrow.lines {
            line(surface, segment);
        }
        paint(surface, Some(fill(self.tone(ink))), None);
        if let Some(dot) = arrow.junction {
            circle(surface, dot, 4.0);
        }
        polygon(surface, &arrow.head);
        if let Some(bar) = arrow.bar {
            paint(surface, None, Some(stroke(self.tone(ink), 2.6, None)));
            line(surface, bar);
        }
        paint(
            surface,
            Some(fill(self.tone(ink))),
            Some(stroke(self.tone([0xff; 3]), 1.5, None)),
        );
        circle(surface, arrow.badge, BADGE_RADIUS);
        let mark = palette::mark(path.kind);
        let px = 15.0;
        let width = self.width(mark, px);
        let sign = Run {
            glyphs: mark
                .chars()
                .map(|c| (c, arrow.badge.x - width / 2.0))
                .collect(),
            baseline: arrow.badge.y + 5.0,
            px,
        };
        self.words(surface, &sign, [0xff; 3]);
        surface.end_tagged();
        id
    }

    /// How wide `text` is at `px`, by the fonts' advances.
    pub fn width(&self, text: &str, px: f32) -> f32 {
        self.measure.width(text, px)
    }

    /// A run of `text` at `px` starting at `x` on `baseline`, each letter
    /// placed by the fonts' advances (for page furniture and the key,
    /// which the canvas never lays out).
    pub fn run(&self, text: &str, x: f32, baseline: f32, px: f32) -> Run {
        self.measure.run(text, x, baseline, px)
    }

    /// `text` broken into lines no wider than `width` at `px`.
    pub fn wrapped(&self, text: &str, width: f32, px: f32) -> Vec<String> {
        crate::exchange::wrap_with(text, |line| self.width(line, px) <= width)
    }
}
