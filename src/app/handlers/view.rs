//! What is shown and how: the selection, panes and windows, zoom, find, the
//! reader's article, the theme and the status line.

use crate::app::actions::{ExportChoice, Select, Window};
use crate::app::{ArgmapApp, Effect};
use crate::model::ClaimId;

pub fn select(app: &mut ArgmapApp, change: Select) {
    let selection = &mut app.state.selection;
    match change {
        Select::OnlyClaim(id) => selection.only_claim(id),
        Select::ToggleClaim(id) => selection.toggle_claim(id),
        Select::AddClaims(ids) => {
            for id in ids {
                selection.add_claim(id);
            }
        }
        Select::OnlyLink(id) => selection.only_link(id),
        Select::ToggleLink(id) => selection.toggle_link(id),
        Select::Nothing => selection.clear(),
    }
    selection.prune(&app.state.doc.map);
    if !app.state.selection.claims.is_empty() {
        // Claims picked after a passage: Copy takes the claims.
        app.state.copy_passage = false;
    }
}

pub fn select_all(app: &mut ArgmapApp) {
    let state = &mut app.state;
    state.selection.claims = state.doc.map.claims.iter().map(|c| c.id).collect();
    state.selection.links.clear();
}

/// Escape: nothing selected on the canvas or in the reader; with nothing
/// selected, out of a focused view.
pub fn select_none(app: &mut ArgmapApp) {
    let nothing = app.state.selection.is_empty() && app.panels.reader.selected_span().is_none();
    if nothing && app.panels.canvas.focused().is_some() {
        app.panels.canvas.leave_focus();
        return;
    }
    app.state.selection.clear();
    app.panels.reader.clear_selection();
}

/// F: the selected claim's neighbourhood alone, or back to the whole map.
pub fn toggle_focus(app: &mut ArgmapApp) {
    let canvas = &mut app.panels.canvas;
    match (canvas.focused(), app.state.selection.single_claim()) {
        (Some((focused, _)), Some(selected)) if selected != focused => canvas.focus_on(selected),
        (Some(_), _) => canvas.leave_focus(),
        (None, Some(selected)) => canvas.focus_on(selected),
        (None, None) => {}
    }
}

/// C: the selected claims' arguments hidden behind their cards, or shown
/// again; all collapsed when any selected claim was open.
pub fn toggle_collapse(app: &mut ArgmapApp) {
    let canvas = &mut app.panels.canvas;
    let claims = &app.state.selection.claims;
    let collapse = claims.iter().any(|&c| !canvas.is_collapsed(c));
    for &claim in claims {
        canvas.set_collapsed(claim, collapse);
    }
}

pub fn show_ghost(app: &mut ArgmapApp, model_claim: ClaimId) {
    app.panels.canvas.reveal_ghost(model_claim);
}

pub fn focus_steps(app: &mut ArgmapApp, steps: usize) {
    app.panels.canvas.focus_steps(steps);
}

/// Selects a claim and brings it into view.
pub fn go_to_claim(app: &mut ArgmapApp, id: ClaimId) {
    if app.state.doc.map.claim(id).is_none() {
        return;
    }
    select(app, Select::OnlyClaim(id));
    app.panels.canvas.reveal(id);
    // A passage just placed on the map need not stay selected.
    let placed = app
        .state
        .doc
        .map
        .claim(id)
        .and_then(|c| c.quote.as_ref())
        .map(|q| (q.start, q.end));
    if placed.is_some() && placed == app.panels.reader.selected_span() {
        app.panels.reader.clear_selection();
    }
}

/// Opens the claim's source in the reader and shows the quoted passage.
pub fn show_in_article(app: &mut ArgmapApp, id: ClaimId) {
    let Some(quote) = app.state.doc.map.claim(id).and_then(|c| c.quote.clone()) else {
        return;
    };
    app.state.panes.reader = true;
    app.panels
        .reader
        .show_passage(quote.source, quote.start, quote.end);
}

pub fn show_selected_in_article(app: &mut ArgmapApp) {
    if let Some(id) = app.state.selection.single_claim() {
        show_in_article(app, id);
    }
}

pub fn find(app: &mut ArgmapApp) {
    app.state.panes.reader = true;
    app.panels.reader.open_find();
}

pub fn find_step(app: &mut ArgmapApp, forward: bool) {
    app.panels.reader.find_step(forward);
}

pub fn zoom(app: &mut ArgmapApp, factor: f32) {
    app.panels.canvas.zoom_by(factor);
}

pub fn fit(app: &mut ArgmapApp) {
    app.panels.canvas.request_fit();
}

pub fn toggle_reader(app: &mut ArgmapApp) {
    app.state.panes.reader = !app.state.panes.reader;
}

pub fn toggle_inspector(app: &mut ArgmapApp) {
    app.state.panes.inspector = !app.state.panes.inspector;
}

pub fn toggle_shortcuts(app: &mut ArgmapApp) {
    app.state.windows.shortcuts = !app.state.windows.shortcuts;
}

/// File ▸ Export…: the window with every format and its options.
pub fn open_export_window(app: &mut ArgmapApp) {
    let windows = &mut app.state.windows;
    windows.export = Some(windows.export.clone().unwrap_or_default());
}

/// Picture formats open the Export window with their options first.
pub fn export_options(app: &mut ArgmapApp, choice: ExportChoice) {
    app.state.windows.export = Some(choice);
}

pub fn close_window(app: &mut ArgmapApp, window: Window) {
    let windows = &mut app.state.windows;
    match window {
        Window::Shortcuts => windows.shortcuts = false,
        Window::Export => windows.export = None,
        Window::ImportSummary => windows.import_summary = None,
        Window::PathEntry => windows.path_entry = None,
        Window::FindClaim => windows.find_claim = None,
    }
}

/// Opens Find claim (keeping the words of the last search while it stays open).
pub fn open_find_claim(app: &mut ArgmapApp) {
    let windows = &mut app.state.windows;
    windows.find_claim = Some(windows.find_claim.take().unwrap_or_default());
}

pub fn find_claim_text(app: &mut ArgmapApp, text: String) {
    if let Some(words) = &mut app.state.windows.find_claim {
        *words = text;
    }
}

pub fn dismiss_status(app: &mut ArgmapApp) {
    app.state.status.error.clear();
}

pub fn set_theme(app: &mut ArgmapApp, theme: egui::ThemePreference) {
    app.effects.push(Effect::Theme(theme));
}

/// File ▸ Quit: the window closes as its close button would, asking first
/// about unsaved changes.
pub fn quit(app: &mut ArgmapApp) {
    app.effects
        .push(Effect::Viewport(egui::ViewportCommand::Close));
}
