//! Drawing the window: menu bar, reader, canvas, inspector, status bar and
//! the windows over them. Everything here reads the app's state and returns
//! what the user did as actions; only the panels' own widget state changes.

mod bars;
pub mod canvas;
pub mod fields;
pub mod inspector;
mod keys;
mod menu_bar;
mod outline;
mod panes;
pub mod reader;
mod schemes;
mod status_bar;
pub mod theme;
mod tutorial;
mod windows;

use super::Command;
use super::actions::{Action, Pending};
use super::state::AppState;
use super::view::ViewRequest;
use std::collections::HashSet;

/// Each panel's own widget state.
#[derive(Default)]
pub struct Panels {
    pub canvas: canvas::Canvas,
    pub reader: reader::Reader,
    pub inspector: inspector::Inspector,
    pub outline: outline::Outline,
    /// Where each part of the window was drawn last frame (the tutorial
    /// points at them).
    pub areas: Areas,
    /// Whether the window was full screen for present mode last frame.
    presenting: bool,
}

/// Screen rectangles of the window's parts, as last drawn.
#[derive(Clone, Copy, Debug, Default)]
pub struct Areas {
    pub menu_bar: Option<egui::Rect>,
    pub reader: Option<egui::Rect>,
    pub inspector: Option<egui::Rect>,
    pub canvas: Option<egui::Rect>,
}

/// Which commands can run this frame (menus grey out the rest).
pub struct Enabled(HashSet<Command>);

impl Enabled {
    pub fn new(is_enabled: impl Fn(Command) -> bool) -> Self {
        Self(Command::all().filter(|&c| is_enabled(c)).collect())
    }

    pub fn get(&self, command: Command) -> bool {
        self.0.contains(&command)
    }
}

/// Draws one frame and returns what the user did. `requests` are what
/// the handlers asked of the widgets since the last frame.
pub fn draw(
    ui: &mut egui::Ui,
    state: &AppState,
    panels: &mut Panels,
    requests: &[ViewRequest],
    enabled: &Enabled,
) -> Vec<Action> {
    let ctx = ui.ctx().clone();
    let mut actions = Vec::new();
    if requests.contains(&ViewRequest::ReleaseKeyboard) {
        ctx.memory_mut(|m| m.stop_text_input());
    }
    if ctx.input(|i| i.viewport().close_requested()) {
        actions.push(Action::CloseRequested);
    }
    // The browser page reads a dropped file itself, since only its bytes
    // come (later); here a drop is a path on the desktop.
    let dropped = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    });
    if let Some(path) = dropped.filter(|_| !cfg!(target_arch = "wasm32")) {
        actions.push(Action::Open(Pending::OpenPath(path)));
    }
    if state.prompt.is_none() && state.windows.conflict.is_none() {
        keys::clipboard_events(&ctx, &mut actions);
        keys::shortcuts(&ctx, state, panels, &mut actions);
    }

    let presenting = state.view.presenting.is_some();
    if presenting != panels.presenting {
        panels.presenting = presenting;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(presenting));
    }
    if let Some(presenting) = &state.view.presenting {
        present(ui, state, presenting, panels, requests, &mut actions);
        windows::prompt(&ctx, state, &mut actions);
        return actions;
    }

    let menu = egui::Panel::top("menu-bar").show(ui, |ui| {
        menu_bar::menu_bar(ui, state, enabled, &mut actions);
    });
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        status_bar::status_bar(ui, state, panels.canvas.view.zoom, &mut actions);
    });
    let (reader, inspector) = panes::side_panes(ui, state, panels, requests, &mut actions);
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let overlay = state.teach.overlay();
        let input = canvas::Input {
            map: &state.doc.map,
            version: state.doc.version(),
            selection: &state.selection,
            overlay: &overlay,
            view: &state.view,
        };
        panels.canvas.show(ui, &input, requests, &mut actions);
        bars::canvas_bars(ui, state, panels.canvas.rect, enabled, &mut actions);
    });
    panels.areas = Areas {
        menu_bar: Some(menu.response.rect),
        reader: Some(reader),
        inspector: Some(inspector),
        canvas: Some(panels.canvas.rect),
    };

    windows::prompt(&ctx, state, &mut actions);
    windows::shortcuts(&ctx, state, &mut actions);
    windows::export(&ctx, state, &mut actions);
    windows::import_summary(&ctx, state, &mut actions);
    windows::path_entry(&ctx, state, &mut actions);
    windows::find_claim(&ctx, state, &mut actions);
    windows::merge(&ctx, state, &mut actions);
    windows::changes(&ctx, state, &mut actions);
    windows::conflict(&ctx, state, &mut actions);
    windows::recovered(&ctx, state, &mut actions);
    windows::reload_offer(&ctx, state, &mut actions);
    windows::interrupted(&ctx, state, &mut actions);
    tutorial::window(&ctx, state, &panels.areas, &mut actions);
    windows::welcome(&ctx, state, &mut actions);
    windows::about(&ctx, state, &mut actions);
    windows::steps(&ctx, state, &mut actions);
    windows::new_debate(&ctx, state, &mut actions);
    windows::source_preview(&ctx, state, &mut actions);
    actions
}

/// Present mode: the canvas alone, full screen, and at its foot the step on
/// show. The canvas only shows here: what it would make of a click or a
/// drag is dropped, so the map is not changed while presenting.
fn present(
    ui: &mut egui::Ui,
    state: &AppState,
    presenting: &super::view::Presenting,
    panels: &mut Panels,
    requests: &[ViewRequest],
    actions: &mut Vec<Action>,
) {
    egui::Panel::bottom("present-foot").show(ui, |ui| {
        ui.horizontal(|ui| {
            let step = &presenting.steps[presenting.shown - 1];
            let heading = format!(
                "Step {} of {}: {}",
                presenting.shown,
                presenting.steps.len(),
                step.title
            );
            ui.label(egui::RichText::new(heading).size(24.0).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Leave").on_hover_text("Escape").clicked() {
                    actions.push(Action::Present(super::actions::PresentMove::Leave));
                }
                ui.label(
                    egui::RichText::new("Right arrow or Space: next · Left arrow: back").weak(),
                );
            });
        });
    });
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let mut overlay = state.teach.overlay();
        if overlay.status.is_some() {
            overlay.status = Some(&presenting.standing);
        }
        let input = canvas::Input {
            map: &state.doc.map,
            version: state.doc.version(),
            selection: &super::selection::Selection::default(),
            overlay: &overlay,
            view: &state.view,
        };
        let mut dropped = Vec::new();
        panels.canvas.show(ui, &input, requests, &mut dropped);
    });
}
