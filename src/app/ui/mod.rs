//! Drawing the window: menu bar, reader, canvas, inspector, status bar and
//! the windows over them. Everything here reads the app's state and returns
//! what the user did as actions; only the panels' own view state changes.

pub mod canvas;
pub mod inspector;
mod keys;
mod menu_bar;
pub mod reader;
mod schemes;
mod status_bar;
mod teach_bar;
pub mod theme;
mod tutorial;
mod windows;

use super::Command;
use super::actions::{Action, Pending};
use super::state::AppState;
use crate::model::Map;
use std::collections::HashSet;

/// Each panel's own view state.
#[derive(Default)]
pub struct Panels {
    pub canvas: canvas::Canvas,
    pub reader: reader::Reader,
    pub inspector: inspector::Inspector,
    /// Where each part of the window was drawn last frame (the tutorial
    /// points at them).
    pub areas: Areas,
}

/// Screen rectangles of the window's parts, as last drawn.
#[derive(Clone, Copy, Debug, Default)]
pub struct Areas {
    pub menu_bar: Option<egui::Rect>,
    pub reader: Option<egui::Rect>,
    pub inspector: Option<egui::Rect>,
    pub canvas: Option<egui::Rect>,
}

impl Panels {
    /// A fresh view of a map just opened: fitted, nothing being edited, the
    /// reader on an article the map quotes (or the one it was on, if the map
    /// carries it).
    pub fn reset_for(&mut self, map: &Map) {
        self.canvas = canvas::Canvas::default();
        self.canvas.request_fit();
        self.inspector = inspector::Inspector::default();
        let keep = self
            .reader
            .source
            .as_ref()
            .is_some_and(|id| map.source(id).is_some());
        if !keep {
            let first = map.sources.first().map(|s| s.id.clone());
            self.reader = reader::Reader::default();
            self.reader.source =
                first.or_else(|| crate::corpus::articles().first().map(|a| a.id.clone()));
        }
    }
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

/// Draws one frame and returns what the user did.
pub fn draw(
    ui: &mut egui::Ui,
    state: &AppState,
    panels: &mut Panels,
    enabled: &Enabled,
) -> Vec<Action> {
    let ctx = ui.ctx().clone();
    let mut actions = Vec::new();

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

    let mut areas = Areas::default();
    let menu = egui::Panel::top("menu-bar").show(ui, |ui| {
        menu_bar::menu_bar(ui, state, enabled, &mut actions);
    });
    areas.menu_bar = Some(menu.response.rect);
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        status_bar::status_bar(ui, state, panels.canvas.view.zoom, &mut actions);
    });
    // The side panes give way in a narrow window, so the canvas keeps at
    // least about half of it.
    let width = ctx.content_rect().width();
    let pane = |share: f32, least: f32| {
        let most = width * share;
        least.min(most * 0.75)..=most
    };
    if state.panes.reader {
        let shown = egui::Panel::left("reader")
            .resizable(true)
            .default_size(350.0_f32.min(width * 0.25))
            .size_range(pane(0.3, 260.0))
            .show(ui, |ui| {
                let selected = state.selection.single_claim();
                panels.reader.show(
                    ui,
                    &state.doc.map,
                    state.doc.version(),
                    selected,
                    &mut actions,
                );
            });
        areas.reader = Some(shown.response.rect);
    }
    if state.panes.inspector {
        let shown = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(250.0_f32.min(width * 0.2))
            .size_range(pane(0.22, 220.0))
            .show(ui, |ui| {
                panels.inspector.show(
                    ui,
                    &state.doc.map,
                    &state.selection,
                    state.teach.comparison.as_ref(),
                    &mut actions,
                );
            });
        areas.inspector = Some(shown.response.rect);
    }
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let overlay = state.teach.overlay();
        panels.canvas.show(
            ui,
            &state.doc.map,
            state.doc.version(),
            &state.selection,
            &overlay,
            &mut actions,
        );
        teach_bar::teach_bar(ui, state, panels.canvas.rect, enabled, &mut actions);
    });
    areas.canvas = Some(panels.canvas.rect);
    panels.areas = areas;

    windows::prompt(&ctx, state, &mut actions);
    windows::shortcuts(&ctx, state, &mut actions);
    windows::export(&ctx, state, &mut actions);
    windows::import_summary(&ctx, state, &mut actions);
    windows::path_entry(&ctx, state, &mut actions);
    windows::find_claim(&ctx, state, &mut actions);
    windows::conflict(&ctx, state, &mut actions);
    windows::recovered(&ctx, state, &mut actions);
    windows::reload_offer(&ctx, state, &mut actions);
    windows::interrupted(&ctx, state, &mut actions);
    tutorial::window(&ctx, state, &panels.areas, &mut actions);
    actions
}
