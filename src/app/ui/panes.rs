//! The side panes around the canvas, sized for the window: the reader at
//! the left, the inspector at the right, each never more than its share of
//! the width so the canvas keeps more than half of it. A pane that is
//! hidden, or folded because the window is too narrow for both, leaves a
//! strip at its edge that names it and opens it again.

use super::{Panels, fields};
use crate::app::Command;
use crate::app::actions::Action;
use crate::app::state::{AppState, Pane};
use crate::app::view::ViewRequest;
use egui::{Rect, Sense, Ui, WidgetInfo};

/// The width of the strip a folded pane leaves.
const STRIP: f32 = 26.0;

/// Draws both panes (or their strips) and returns where each went.
pub fn side_panes(
    ui: &mut Ui,
    state: &AppState,
    panels: &mut Panels,
    requests: &[ViewRequest],
    actions: &mut Vec<Action>,
) -> (Rect, Rect) {
    let width = ui.ctx().content_rect().width();
    let reader = if state.panes.shown(Pane::Reader) {
        egui::Panel::left("reader")
            .resizable(true)
            .default_size((width * 0.24).min(350.0))
            .size_range(range(width, 0.3, 240.0))
            .show(ui, |ui| {
                let input = super::reader::Input {
                    map: &state.doc.map,
                    version: state.doc.version(),
                    view: &state.view.reader,
                    selected_claim: state.selection.single_claim(),
                };
                panels.reader.show(ui, &input, requests, actions);
            })
            .response
            .rect
    } else {
        strip(ui, state, Pane::Reader, actions)
    };
    let inspector = if state.panes.shown(Pane::Inspector) {
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size((width * 0.19).clamp(240.0, 300.0))
            .size_range(range(width, 0.26, 220.0))
            .show(ui, |ui| {
                if state.view.outline {
                    panels.outline.show(ui, state, actions);
                } else {
                    panels.inspector.show(ui, state, actions);
                }
            })
            .response
            .rect
    } else {
        strip(ui, state, Pane::Inspector, actions)
    };
    (reader, inspector)
}

/// The widths a pane may take: up to `share` of the window, and at least
/// `least` unless that would pass three quarters of its share.
fn range(width: f32, share: f32, least: f32) -> std::ops::RangeInclusive<f32> {
    let most = width * share;
    least.min(most * 0.75)..=most
}

/// The strip a pane leaves when it is not shown: its name, written down
/// the strip, opens it.
fn strip(ui: &mut Ui, state: &AppState, pane: Pane, actions: &mut Vec<Action>) -> Rect {
    let (panel, name, command) = match pane {
        Pane::Reader => (
            egui::Panel::left("reader-strip"),
            "Reader",
            Command::ToggleReader,
        ),
        Pane::Inspector => (
            egui::Panel::right("inspector-strip"),
            "Inspector",
            Command::ToggleInspector,
        ),
    };
    let why = if state.panes.is_open(pane) {
        "The window is too narrow for both panes beside the map"
    } else {
        "Hidden"
    };
    panel
        .resizable(false)
        .exact_size(STRIP)
        .show(ui, |ui| {
            let rect = ui.max_rect();
            let response = ui.interact(rect, ui.scope_id().with("strip"), Sense::click());
            let label = format!("Show {}", name.to_lowercase());
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
            let visuals = ui.style().interact(&response);
            if response.hovered() {
                ui.painter().rect_filled(rect, 0.0, visuals.bg_fill);
            }
            // The name runs down the strip, read with the head tilted right.
            let galley = ui.painter().layout_no_wrap(
                format!("{name}  ›"),
                egui::FontId::proportional(14.0),
                visuals.text_color(),
            );
            let at = egui::pos2(rect.center().x + galley.size().y / 2.0, rect.top() + 12.0);
            ui.painter().add(
                egui::epaint::TextShape::new(at, galley, visuals.text_color())
                    .with_angle(std::f32::consts::FRAC_PI_2),
            );
            let tip = format!(
                "{why}: click to show the {} ({})",
                name.to_lowercase(),
                fields::keys(ui.ctx(), command)
            );
            if response.on_hover_text(tip).clicked() {
                actions.push(Action::Command(command));
            }
        })
        .response
        .rect
}
