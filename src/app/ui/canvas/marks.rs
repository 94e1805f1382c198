//! What the teaching views draw over the map: a status mark on every claim
//! (shape and colour: a tick, a cross or a question mark), small tags, and
//! ghosts of what a model answer has that the map lacks.

use crate::analysis::evaluate::Status;
use crate::app::ui::theme;
use crate::model::LinkKind;
use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, vec2};

pub fn status_colour(status: Status) -> Color32 {
    match status {
        Status::Accepted => Color32::from_rgb(0x1f, 0x8a, 0x4c),
        Status::Defeated => Color32::from_rgb(0xc6, 0x28, 0x28),
        Status::Undecided => Color32::from_rgb(0xd9, 0x8c, 0x00),
    }
}

/// A round mark at the card's top right corner: ✓ accepted, ✗ defeated,
/// ? undecided; a ring around it when the status is pinned.
pub fn status_mark(
    painter: &Painter,
    card: Rect,
    zoom: f32,
    status: Status,
    pinned: bool,
    dark: bool,
) {
    let r = (9.0 * zoom).clamp(6.0, 14.0);
    let c = card.right_top() + vec2(-r * 0.4, r * 0.4);
    if status == Status::Defeated {
        // Defeated claims recede, so what stands is what the eye finds first.
        painter.rect_filled(
            card,
            CornerRadius::same(4),
            theme::canvas_fill(dark).gamma_multiply(0.55),
        );
    }
    if pinned {
        painter.circle_stroke(c, r + 3.0, Stroke::new(2.0, theme::text_colour(dark)));
    }
    painter.circle(
        c,
        r,
        status_colour(status),
        Stroke::new(1.5, theme::card_fill(dark)),
    );
    let stroke = Stroke::new((r * 0.28).max(1.5), Color32::WHITE);
    match status {
        Status::Accepted => {
            let points = vec![
                c + vec2(-0.5, 0.0) * r,
                c + vec2(-0.12, 0.38) * r,
                c + vec2(0.5, -0.35) * r,
            ];
            painter.add(Shape::line(points, stroke));
        }
        Status::Defeated => {
            let d = 0.38 * r;
            painter.line_segment([c + vec2(-d, -d), c + vec2(d, d)], stroke);
            painter.line_segment([c + vec2(-d, d), c + vec2(d, -d)], stroke);
        }
        Status::Undecided => {
            painter.text(
                c,
                Align2::CENTER_CENTER,
                "?",
                FontId::proportional(r * 1.5),
                Color32::WHITE,
            );
        }
    }
}

/// A small labelled pill, e.g. "extra" or "wrong kind", with its left end at
/// `at`; it shrinks with the map and is left out when zoomed far out, so
/// tags never pile up over an overview.
pub fn tag(painter: &Painter, at: Pos2, text: &str, colour: Color32, zoom: f32) -> Rect {
    if zoom < 0.3 {
        return Rect::from_min_size(at, Vec2::ZERO);
    }
    let px = (11.0 * zoom).clamp(9.0, 11.0);
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(px), Color32::WHITE);
    let rect = Rect::from_min_size(at, galley.size() + vec2(10.0, 4.0));
    painter.rect_filled(
        rect,
        CornerRadius::same((rect.height() / 2.0) as u8),
        colour,
    );
    painter.galley(rect.min + vec2(5.0, 2.0), galley, Color32::WHITE);
    rect
}

pub const EXTRA: Color32 = Color32::from_rgb(0xb3, 0x5c, 0x00);
pub const WRONG: Color32 = Color32::from_rgb(0x9c, 0x27, 0xb0);

/// A dashed outline with faint text: something the model answer has here.
pub fn ghost_card(painter: &Painter, rect: Rect, zoom: f32, text: &str, dark: bool) {
    let colour = theme::muted_text(dark);
    painter.rect_filled(
        rect,
        CornerRadius::same(6),
        theme::card_fill(dark).gamma_multiply(0.35),
    );
    dashed_rect(painter, rect, Stroke::new(1.5, colour));
    if zoom >= 0.3 {
        let inner = rect.shrink(8.0 * zoom);
        let font = FontId::proportional((13.0 * zoom).max(9.0));
        let mut job = egui::text::LayoutJob::simple(text.to_owned(), font, colour, inner.width());
        job.wrap.max_rows = ((inner.height() / (15.0 * zoom).max(11.0)) as usize).max(1);
        job.wrap.overflow_character = Some('…');
        painter
            .with_clip_rect(rect)
            .galley(inner.min, painter.layout_job(job), colour);
    }
}

fn dashed_rect(painter: &Painter, rect: Rect, stroke: Stroke) {
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(Shape::dashed_line(&corners, stroke, 6.0, 4.0));
}

/// A dashed grey arrow for a link the model has and the map lacks, with a
/// small + or − at its middle as real links have; no words, so that many
/// of them never pile up (the legend says what they are).
pub fn ghost_link(painter: &Painter, from: Pos2, to: Pos2, kind: LinkKind, dark: bool, zoom: f32) {
    let colour = theme::muted_text(dark);
    painter.extend(Shape::dashed_line(
        &[from, to],
        Stroke::new(2.0, colour),
        5.0,
        5.0,
    ));
    let dir = (to - from).normalized();
    let head = [
        to,
        to - dir * 10.0 + dir.rot90() * 5.0,
        to - dir * 10.0 - dir.rot90() * 5.0,
    ];
    painter.add(Shape::convex_polygon(head.to_vec(), colour, Stroke::NONE));
    if zoom < 0.3 {
        return;
    }
    let r = (8.0 * zoom).clamp(5.0, 8.0);
    let mid = from.lerp(to, 0.5);
    painter.circle(mid, r, theme::canvas_fill(dark), Stroke::new(1.5, colour));
    let d = r * 0.55;
    painter.line_segment(
        [mid - vec2(d, 0.0), mid + vec2(d, 0.0)],
        Stroke::new(1.5, colour),
    );
    match kind {
        LinkKind::Support => {
            painter.line_segment(
                [mid - vec2(0.0, d), mid + vec2(0.0, d)],
                Stroke::new(1.5, colour),
            );
        }
        LinkKind::Rebut => {}
    }
}
