//! How much of the article the map covers, drawn in the reader: a mark in
//! the margin of each paragraph, and a strip beside the scroll bar with one
//! mark per paragraph at its place in the article, clickable to go there.

use super::super::theme;
use crate::analysis::coverage::Coverage;
use egui::{Color32, Rect, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

/// Width kept free for the strip at the right of the text column.
pub const STRIP: f32 = 10.0;

/// The colour of a covered paragraph's marks; uncovered ones are hollow.
fn covered_colour(source: &crate::model::SourceId) -> Color32 {
    theme::source_colour(source)
}

/// A bar in the left margin beside a paragraph drawn in `rect`.
pub fn margin_mark(ui: &Ui, rect: Rect, covered: bool, source: &crate::model::SourceId) {
    let bar = Rect::from_min_max(
        pos2(rect.min.x - 6.0, rect.min.y + 2.0),
        pos2(rect.min.x - 3.0, rect.max.y - 2.0),
    );
    if covered {
        ui.painter().rect_filled(bar, 1.0, covered_colour(source));
    } else {
        let faint = ui.visuals().weak_text_color().gamma_multiply(0.5);
        ui.painter()
            .rect_stroke(bar, 1.0, Stroke::new(1.0, faint), egui::StrokeKind::Inside);
    }
}

/// One paragraph's place for the strip: its byte range, whether it is
/// covered, and its top and bottom as a share of the article's height.
pub struct Mark {
    pub span: (usize, usize),
    pub covered: bool,
    pub from: f32,
    pub to: f32,
}

/// The strip in `area`: a mark per paragraph. Returns the span of the
/// paragraph whose mark was clicked.
pub fn strip(
    ui: &mut Ui,
    area: Rect,
    marks: &[Mark],
    source: &crate::model::SourceId,
) -> Option<(usize, usize)> {
    let mut chosen = None;
    let faint = ui.visuals().weak_text_color().gamma_multiply(0.6);
    for (i, mark) in marks.iter().enumerate() {
        let top = area.top() + mark.from * area.height();
        let bottom = (area.top() + mark.to * area.height()).max(top + 3.0);
        let rect = Rect::from_min_max(pos2(area.left(), top), pos2(area.right(), bottom));
        let response = ui.interact(
            rect,
            ui.scope_id().with(("coverage-mark", i)),
            Sense::click(),
        );
        let state = if mark.covered { "mapped" } else { "not mapped" };
        let label = format!("Paragraph {}, {state}", i + 1);
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        let inner = rect.shrink2(vec2(1.0, 0.5));
        if mark.covered {
            ui.painter().rect_filled(inner, 1.0, covered_colour(source));
        } else {
            ui.painter().rect_stroke(
                inner,
                1.0,
                Stroke::new(1.0, faint),
                egui::StrokeKind::Inside,
            );
        }
        if response.on_hover_text(&label).clicked() {
            chosen = Some(mark.span);
        }
    }
    chosen
}

/// The share line under the article's byline.
pub fn share(ui: &mut Ui, name: &str, coverage: &Coverage) {
    ui.label(
        egui::RichText::new(format!("{name}: {}", coverage.summary()))
            .size(13.0)
            .weak(),
    )
    .on_hover_text(
        "Paragraphs some claim on the map quotes. The bars in the margin and in the strip beside the scroll bar show which; click a bar in the strip to go to its paragraph.",
    );
}
