//! SVG and PNG pictures of a map (or of some of its claims), drawn like the
//! canvas: cards with wrapped text and source badges, solid + support and
//! dashed − rebut arrows. Text is laid out by the canvas's own fonts and
//! written as the glyphs' outlines, so the picture says what the screen says
//! and looks the same in every viewer, with no font to find; each card and
//! link still carries its words as a title, for readers and search.

use super::ExportError;
use super::outline::{Outliner, Run};
use super::scene::{Arrow, Card, Scene, text_fits};
use super::xml::escape as xml;
use crate::model::{ClaimId, LinkKind, Map};
use crate::render::geometry::{self, BADGE_RADIUS};
use crate::render::measure::{self, BADGE_ROW, FONT_SIZE, PADDING};
use crate::render::palette::{self, hex};
use egui::{Vec2, pos2, vec2};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Space around the map in the picture.
const MARGIN: f32 = 40.0;
const TITLE_SIZE: f32 = 20.0;
/// Largest PNG Argmap writes, in pixels, so a huge scale cannot exhaust memory.
pub const MAX_PIXELS: u64 = 120_000_000;

/// A picture worked out but not yet written: the scene placed below the
/// title, and the picture's size.
struct Prepared<'a> {
    scene: Scene<'a>,
    width: f32,
    height: f32,
    title_height: f32,
}

fn title_height(map: &Map) -> f32 {
    if map.title.is_empty() {
        0.0
    } else {
        TITLE_SIZE * 2.0
    }
}

fn prepare<'a>(map: &'a Map, only: Option<&BTreeSet<ClaimId>>) -> Prepared<'a> {
    let title_height = title_height(map);
    let scene = Scene::new(map, only, |bounds| {
        vec2(MARGIN, MARGIN + title_height) - bounds.min.to_vec2()
    });
    let size = scene.size() + vec2(2.0 * MARGIN, 2.0 * MARGIN + title_height);
    Prepared {
        scene,
        width: size.x.ceil(),
        height: size.y.ceil(),
        title_height,
    }
}

/// An SVG picture of `map`, or of the claims in `only`.
pub fn to_svg(map: &Map, only: Option<&BTreeSet<ClaimId>>) -> Result<String, ExportError> {
    text_fits(map, only)?;
    Ok(write_svg(&prepare(map, only), None))
}

/// The SVG of a prepared picture; with `band` (top and bottom, in picture
/// units), only what reaches into that band, at its place in the whole.
fn write_svg(picture: &Prepared<'_>, band: Option<(f32, f32)>) -> String {
    let map = &picture.scene.map;
    let (width, height) = (picture.width, picture.height);
    let within = |top: f32, bottom: f32| band.is_none_or(|(from, to)| bottom >= from && top <= to);
    let mut outliner = Outliner::default();
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    );
    let _ = writeln!(
        svg,
        "<title>{}</title>",
        xml(if map.title.is_empty() {
            "Argument map"
        } else {
            &map.title
        })
    );
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        hex(palette::canvas_fill(false))
    );
    if !map.title.is_empty() && within(0.0, MARGIN + picture.title_height) {
        let title = measure::Headless::default().fonts(|fonts| {
            let galley = fonts.layout_no_wrap(
                map.title.clone(),
                egui::FontId::proportional(TITLE_SIZE),
                egui::Color32::PLACEHOLDER,
            );
            galley.rows.first().map_or_else(Run::default, |row| {
                Run::from_row(
                    row,
                    pos2(MARGIN, MARGIN - TITLE_SIZE * 0.4),
                    TITLE_SIZE,
                    |c, px| outliner.width(&c.to_string(), px),
                )
            })
        });
        let _ = writeln!(
            svg,
            r#"<g class="title"><title>{}</title>{}</g>"#,
            xml(&map.title),
            outliner.draw(&title, &hex(palette::text(false)))
        );
    }
    // Badges, arrow heads and strokes reach a little past a link's course.
    let reach = 2.0 * BADGE_RADIUS;
    for path in picture.scene.paths.values() {
        let bounds = path.bounds();
        if within(bounds.min.y - reach, bounds.max.y + reach) {
            link(&mut svg, map, path, &mut outliner);
        }
    }
    for claim in &map.claims {
        if let Some(card) = picture.scene.cards.get(&claim.id)
            && within(card.rect.min.y - reach, card.rect.max.y + reach)
        {
            let text = measure::display_text(claim);
            card_svg(&mut svg, (&text, card), band, &mut outliner);
        }
    }
    // The glyphs, outlined once each, go first so every viewer finds them.
    let head = svg.find('\n').map_or(0, |i| i + 1);
    svg.insert_str(head, &format!("<defs>{}</defs>\n", outliner.defs()));
    svg.push_str("</svg>\n");
    svg
}

fn link(svg: &mut String, map: &Map, path: &geometry::LinkPath, outliner: &mut Outliner) {
    let colour = hex(palette::link(path.kind, false));
    let dash = match path.kind {
        LinkKind::Support => "",
        LinkKind::Rebut => r#" stroke-dasharray="9 6""#,
    };
    let label = map.link(path.id).map_or_else(String::new, |l| {
        format!("{} link {}", l.kind.label(), l.id.0)
    });
    let _ = writeln!(svg, r#"<g class="link"><title>{}</title>"#, xml(&label));
    let arrow = Arrow::of(path);
    for [a, b] in &arrow.lines {
        let _ = writeln!(
            svg,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="2"{dash}/>"#,
            a.x, a.y, b.x, b.y
        );
    }
    if let Some(dot) = arrow.junction {
        let _ = writeln!(
            svg,
            r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{colour}"/>"#,
            dot.x, dot.y
        );
    }
    let _ = writeln!(
        svg,
        r#"<polygon points="{}" fill="{colour}"/>"#,
        arrow
            .head
            .iter()
            .map(|p| format!("{:.1},{:.1}", p.x, p.y))
            .collect::<Vec<_>>()
            .join(" ")
    );
    if let Some([a, b]) = arrow.bar {
        let _ = writeln!(
            svg,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="2.6"/>"#,
            a.x, a.y, b.x, b.y
        );
    }
    let c = path.anchor;
    let _ = writeln!(
        svg,
        r##"<circle cx="{:.1}" cy="{:.1}" r="{BADGE_RADIUS}" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>"##,
        c.x, c.y
    );
    let mark = palette::mark(path.kind);
    let px = 15.0;
    let sign = outliner.run(mark, c.x - outliner.width(mark, px) / 2.0, c.y + 5.0, px);
    let _ = writeln!(svg, "{}</g>", outliner.draw(&sign, "#ffffff"));
}

/// A card, with only the lines of its text that reach into `band` (a tall
/// card is drawn again for every strip it reaches into, so each strip
/// draws its own share of the words, not all of them).
fn card_svg(
    svg: &mut String,
    (text, card): (&str, &Card),
    band: Option<(f32, f32)>,
    outliner: &mut Outliner,
) {
    let r = card.rect;
    let _ = writeln!(svg, r#"<g class="claim"><title>{}</title>"#, xml(text));
    let _ = writeln!(
        svg,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="{}" stroke="{}" stroke-width="1"/>"#,
        r.min.x,
        r.min.y,
        r.width(),
        r.height(),
        hex(palette::card_fill(false)),
        hex([0xb8, 0xb8, 0xb8])
    );
    let stripe = card.badge.as_ref().map_or([0xc8; 3], |b| b.1);
    let _ = writeln!(
        svg,
        r#"<rect x="{:.1}" y="{:.1}" width="5" height="{:.1}" rx="2" fill="{}"/>"#,
        r.min.x,
        r.min.y,
        r.height(),
        hex(stripe)
    );
    let mut top = PADDING;
    if let Some((label, colour, text_width)) = &card.badge {
        let w = text_width + 10.0;
        let _ = writeln!(
            svg,
            r#"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="15" rx="7.5" fill="{}"/>"#,
            r.min.x + PADDING,
            r.min.y + top,
            hex(*colour)
        );
        let mut placed = card.placed(label, top);
        for glyph in &mut placed.glyphs {
            glyph.1 += 5.0;
        }
        let _ = writeln!(svg, "{}", outliner.draw(&placed, "#ffffff"));
        top += BADGE_ROW;
    }
    let colour = hex(palette::text(false));
    for row in &card.rows {
        let placed = card.placed(row, top);
        let reaches = band.is_none_or(|(from, to)| {
            placed.baseline + FONT_SIZE >= from && placed.baseline - 2.0 * FONT_SIZE <= to
        });
        if !reaches {
            continue;
        }
        let glyphs = outliner.draw(&placed, &colour);
        if !glyphs.is_empty() {
            let _ = writeln!(svg, "{glyphs}");
        }
    }
    let _ = writeln!(svg, "</g>");
}

/// Rows of the picture drawn at a time: a strip of a wide picture takes
/// tens of megabytes, where the whole picture at once would take hundreds;
/// fewer rows would mean drawing every card again for more strips (tests
/// rely on this height).
const STRIP_ROWS: u32 = 2048;
const OVERLAP_ROWS: u32 = 16;
/// The most elements one strip's drawing may hold: the SVG reader refuses
/// a document of more than a million.
const MOST_ELEMENTS: usize = 450_000;

/// How many elements an SVG document holds, give or take (every tag
/// counted; the reader makes up to two nodes of some).
fn svg_elements(svg: &str) -> usize {
    svg.bytes().filter(|&b| b == b'<').count()
}

/// A PNG picture at `scale` (1.0: one pixel per canvas unit). Its size is
/// checked before anything is drawn; it is then drawn a strip at a time,
/// each strip passed on to the compressor as soon as it is drawn.
pub fn to_png(
    map: &Map,
    only: Option<&BTreeSet<ClaimId>>,
    scale: f32,
) -> Result<Vec<u8>, ExportError> {
    if !(scale.is_finite() && scale > 0.0 && scale <= 8.0) {
        return Err(ExportError::BadScale(scale));
    }
    text_fits(map, only)?;
    let picture = prepare(map, only);
    let size = vec2(picture.width, picture.height) * scale;
    let (w, h) = (size.x.ceil() as u32, size.y.ceil() as u32);
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        let fits = (MAX_PIXELS as f32 / (picture.width * picture.height)).sqrt();
        return Err(ExportError::TooLarge {
            width: w,
            height: h,
            fits: (fits * 100.0).floor() / 100.0,
        });
    }
    // The picture's words are outlines already: no fonts are needed.
    let options = resvg::usvg::Options::default();
    let (w, h) = (w.max(1), h.max(1));
    let render = |e: png::EncodingError| ExportError::Render(e.to_string());
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    // The picture has an opaque background: colour without alpha.
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(render)?;
    let mut stream = writer.stream_writer().map_err(render)?;
    // Each strip is drawn with a few rows to spare above and below, so edges
    // are smoothed there as in the whole picture, and strips meet unseen.
    let mut strip = resvg::tiny_skia::Pixmap::new(w, STRIP_ROWS.min(h) + 2 * OVERLAP_ROWS)
        .ok_or_else(|| ExportError::Render("no memory for the picture".to_owned()))?;
    let mut rgb = Vec::new();
    let mut top = 0;
    while top < h {
        // Each strip draws only what reaches into it, so however large the
        // map, no one drawing holds more than a strip's worth of it; a strip
        // dense with words is made shorter until its drawing is within what
        // the SVG reader takes.
        let mut rows = STRIP_ROWS.min(h - top);
        let svg = loop {
            let band_top = (top as f32 - OVERLAP_ROWS as f32) / scale;
            let band_bottom = (top as f32 + (rows + OVERLAP_ROWS) as f32) / scale;
            let svg = write_svg(&picture, Some((band_top, band_bottom)));
            if svg_elements(&svg) <= MOST_ELEMENTS {
                break svg;
            }
            if rows == 1 {
                return Err(ExportError::Render(
                    "one row of the picture holds too many words to draw; try a smaller scale"
                        .to_owned(),
                ));
            }
            rows = rows.div_ceil(2);
        };
        strip.fill(resvg::tiny_skia::Color::WHITE);
        let tree = resvg::usvg::Tree::from_str(&svg, &options)
            .map_err(|e| ExportError::Render(e.to_string()))?;
        let place = resvg::tiny_skia::Transform::from_scale(scale, scale)
            .post_translate(0.0, OVERLAP_ROWS as f32 - top as f32);
        resvg::render(&tree, place, &mut strip.as_mut());
        let kept = &strip.data()[(OVERLAP_ROWS * w * 4) as usize..];
        // A row at a time: the colour without alpha needs no second strip.
        for row in kept.chunks_exact(w as usize * 4).take(rows as usize) {
            rgb.resize(w as usize * 3, 0);
            for (to, from) in rgb.chunks_exact_mut(3).zip(row.chunks_exact(4)) {
                to.copy_from_slice(&from[..3]);
            }
            std::io::Write::write_all(&mut stream, &rgb)
                .map_err(|e| ExportError::Render(e.to_string()))?;
        }
        top += rows;
    }
    stream.finish().map_err(render)?;
    writer.finish().map_err(render)?;
    Ok(out)
}

/// The size a PNG of `map` will have at `scale`, in pixels (before rounding up).
pub fn png_size(map: &Map, only: Option<&BTreeSet<ClaimId>>, scale: f32) -> Vec2 {
    let picture = prepare(map, only);
    vec2(picture.width, picture.height) * scale
}
