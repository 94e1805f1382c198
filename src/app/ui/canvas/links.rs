//! How links are drawn on the canvas: solid line and + for support, dashed
//! line, a bar and − for rebut. Where they run is `render::geometry`.

use crate::app::ui::theme;
use crate::model::LinkKind;
pub use crate::render::geometry::{
    BADGE_RADIUS, LinkPath, badge_radius, border_point, paths, paths_of,
};
use egui::{Align2, Color32, FontId, Painter, Pos2, Shape, Stroke, vec2};

/// Draws a link: solid line and + for support, dashed line, a bar and − for rebut.
pub fn draw(painter: &Painter, path: &LinkPath, zoom: f32, dark: bool, selected: bool) {
    let colour = theme::link_colour(path.kind, dark);
    let width = (2.0 * zoom).clamp(1.0, 4.0);
    if selected {
        let glow = Stroke::new(
            width + 6.0,
            theme::wash(theme::selection_colour(dark), dark),
        );
        for [a, b] in std::iter::once(&path.main).chain(&path.tails) {
            painter.line_segment([*a, *b], glow);
        }
    }
    let stroke = Stroke::new(if selected { width + 1.0 } else { width }, colour);
    let head = (12.0 * zoom).clamp(5.0, 20.0);
    let [start, end] = path.main;
    let dir = (end - start).normalized();
    let shaft_end = end - dir * head * 0.9;
    for [a, b] in path
        .tails
        .iter()
        .chain(std::iter::once(&[start, shaft_end]))
    {
        line(painter, *a, *b, stroke, path.kind, zoom);
    }
    if !path.tails.is_empty() {
        painter.circle_filled(start, (4.0 * zoom).clamp(2.0, 6.0), colour);
    }
    let normal = dir.rot90();
    let tip = [
        end,
        end - dir * head + normal * head * 0.45,
        end - dir * head - normal * head * 0.45,
    ];
    painter.add(Shape::convex_polygon(tip.to_vec(), colour, Stroke::NONE));
    if path.kind.is_attack() {
        // A bar across the shaft: the "blocked" mark of a rebut.
        let at = end - dir * head * 1.4;
        painter.line_segment(
            [at + normal * head * 0.6, at - normal * head * 0.6],
            Stroke::new(width * 1.3, colour),
        );
    }
    draw_badge(painter, path.anchor, path.kind, zoom, dark, selected);
}

fn line(painter: &Painter, a: Pos2, b: Pos2, stroke: Stroke, kind: LinkKind, zoom: f32) {
    match kind {
        LinkKind::Support => {
            painter.line_segment([a, b], stroke);
        }
        LinkKind::Rebut => {
            let dash = (9.0 * zoom).max(3.0);
            let gap = (6.0 * zoom).max(2.0);
            painter.extend(Shape::dashed_line(&[a, b], stroke, dash, gap));
        }
    }
}

pub fn draw_badge(
    painter: &Painter,
    centre: Pos2,
    kind: LinkKind,
    zoom: f32,
    dark: bool,
    selected: bool,
) {
    let radius = badge_radius(zoom);
    let colour = theme::link_colour(kind, dark);
    if selected {
        painter.circle_filled(centre, radius + 4.0, theme::selection_colour(dark));
    }
    painter.circle(
        centre,
        radius,
        colour,
        Stroke::new(1.5, theme::card_fill(dark)),
    );
    // The mark drawn as strokes, not a glyph: a small font's + can blur
    // into something else.
    let arm = radius * 0.55;
    let stroke = Stroke::new((radius * 0.28).max(1.2), Color32::WHITE);
    painter.line_segment([centre - vec2(arm, 0.0), centre + vec2(arm, 0.0)], stroke);
    match kind {
        LinkKind::Support => {
            painter.line_segment([centre - vec2(0.0, arm), centre + vec2(0.0, arm)], stroke);
        }
        LinkKind::Rebut => {}
    }
}

/// Below a link's badge, when zoomed in far enough to read it: the scheme
/// the argument follows, and how many of its critical questions are open.
/// Draws a link's scheme beside its badge where the words clear the cards
/// and the labels already placed (`taken`): below the badge, else above,
/// else on two lines, else the scheme's name alone; a label with no room
/// is left out rather than drawn over another.
pub fn draw_scheme(
    painter: &Painter,
    path: &LinkPath,
    (name, open): (&str, usize),
    zoom: f32,
    dark: bool,
    taken: &mut Vec<egui::Rect>,
) {
    let px = (11.0 * zoom).clamp(10.0, 14.0);
    let gap = badge_radius(zoom) + 3.0;
    let below = (path.anchor + egui::vec2(0.0, gap), Align2::CENTER_TOP);
    let above = (path.anchor - egui::vec2(0.0, gap), Align2::CENTER_BOTTOM);
    let short = name.strip_prefix("Argument ").unwrap_or(name);
    let count = match open {
        0 => String::new(),
        1 => "1 question open".to_owned(),
        n => format!("{n} questions open"),
    };
    let mut texts = vec![scheme_words(name, open)];
    if open > 0 {
        texts.push(format!("{short}\n{count}"));
        texts.push(short.to_owned());
    }
    for words in texts {
        let galley =
            painter.layout_no_wrap(words, FontId::proportional(px), theme::text_colour(dark));
        for (at, align) in [below, above] {
            let rect = align.anchor_size(at, galley.size()).expand(2.0);
            if taken.iter().any(|t| t.intersects(rect)) {
                continue;
            }
            taken.push(rect);
            painter.rect_filled(rect, 3.0, theme::card_fill(dark).gamma_multiply(0.9));
            painter.galley(
                rect.min + egui::vec2(2.0, 2.0),
                galley,
                theme::text_colour(dark),
            );
            return;
        }
    }
}

/// The words [`draw_scheme`] shows: the scheme's name without "Argument",
/// and the open questions if any.
fn scheme_words(name: &str, open: usize) -> String {
    let short = name.strip_prefix("Argument ").unwrap_or(name);
    match open {
        0 => short.to_owned(),
        1 => format!("{short} · 1 question open"),
        n => format!("{short} · {n} questions open"),
    }
}
