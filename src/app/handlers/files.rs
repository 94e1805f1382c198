//! Files: new, open, save, import, export, sources, recent maps, and the
//! unsaved-changes question in front of whatever would lose changes.

use crate::app::actions::{ExportChoice, Pending, PromptAnswer};
use crate::app::document::Document;
use crate::app::{ArgmapApp, Effect};
use crate::corpus;
use crate::format;
use crate::model::{ClaimId, Edit, Map};
use std::path::Path;

/// How many maps File ▸ Open recent lists.
const RECENT_MAX: usize = 8;

/// Runs `pending` now, or first asks about unsaved changes.
pub fn request(app: &mut ArgmapApp, pending: Pending) {
    let state = &mut app.state;
    if state.doc.is_dirty() && !(pending == Pending::Close && state.allow_close) {
        state.prompt = Some(pending);
    } else {
        perform(app, pending);
    }
}

fn perform(app: &mut ArgmapApp, pending: Pending) {
    match pending {
        Pending::New => {
            app.replace_document(Document::untitled());
            app.state.set_status("New map");
        }
        Pending::OpenDialog => {
            if let Some(path) = app.dialogs.open_map() {
                open_path(app, &path);
            }
        }
        Pending::OpenPath(path) => {
            open_path(app, &path);
        }
        Pending::OpenExample(index) => open_example(app, index),
        Pending::Import(path) => import(app, &path),
        Pending::Close => {
            app.state.allow_close = true;
            app.effects
                .push(Effect::Viewport(egui::ViewportCommand::Close));
        }
    }
}

/// The user answered the unsaved-changes question.
pub fn answer_prompt(app: &mut ArgmapApp, answer: PromptAnswer) {
    let Some(pending) = app.state.prompt.take() else {
        return;
    };
    match answer {
        PromptAnswer::Save => {
            if save(app) {
                perform(app, pending);
            }
        }
        PromptAnswer::Discard => perform(app, pending),
        PromptAnswer::Cancel => {}
    }
}

/// The window's close button (or Quit): ask first when there are unsaved changes.
pub fn close_requested(app: &mut ArgmapApp) {
    if app.state.doc.is_dirty() && !app.state.allow_close {
        app.effects
            .push(Effect::Viewport(egui::ViewportCommand::CancelClose));
        app.state.prompt = Some(Pending::Close);
    }
}

/// Opens a map file, replacing the open map only if the file is good. A file
/// from OVA, AIFdb or Argdown opened (or dropped) as a map is imported, as
/// File ▸ Import… would.
pub fn open_path(app: &mut ArgmapApp, path: &Path) -> bool {
    match format::load(path) {
        Ok(map) => {
            let name = format::display(path);
            app.replace_document(Document::new(map, Some(path.to_path_buf()), name.clone()));
            remember_recent(app, path);
            app.state.set_status(format!("Opened {name}"));
            true
        }
        Err(error) => {
            let foreign = crate::exchange::is_argdown(path)
                || matches!(error.error, format::ReadError::NotAMap);
            if foreign && let Ok((map, summary)) = crate::exchange::import(path) {
                adopt_import(app, path, map, summary);
                return true;
            }
            app.state.set_error(format!("Could not open {error}"));
            // A file moved or deleted since leaves Open recent.
            if !path.exists() {
                let gone = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
                app.state.recent.retain(|p| p != path && p != &gone);
            }
            false
        }
    }
}

fn open_example(app: &mut ArgmapApp, index: usize) {
    let Some(example) = corpus::examples().get(index) else {
        return;
    };
    match format::read(example.text.as_bytes(), format::Syntax::Ron) {
        Ok(map) => {
            app.replace_document(Document::new(map, None, example.file));
            app.state.set_status(format!(
                "Opened the example “{}”; Save as… keeps your changes",
                example.title
            ));
        }
        Err(error) => app
            .state
            .set_error(format!("The example {} is damaged: {error}", example.file)),
    }
}

/// Puts `path` first in Open recent.
pub fn remember_recent(app: &mut ArgmapApp, path: &Path) {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let recent = &mut app.state.recent;
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(RECENT_MAX);
}

pub fn clear_recent(app: &mut ArgmapApp) {
    app.state.recent.clear();
}

/// Saves to the current path, or asks for one. Returns whether the map is now saved.
pub fn save(app: &mut ArgmapApp) -> bool {
    match app.state.doc.path.clone() {
        Some(path) => save_to(app, &path),
        None => save_as(app),
    }
}

pub fn save_as(app: &mut ArgmapApp) -> bool {
    let doc = &app.state.doc;
    let suggested = match doc.path.as_deref().and_then(Path::file_name) {
        Some(name) => name.to_string_lossy().into_owned(),
        None if doc.fallback_name.ends_with(".ron") => doc.fallback_name.clone(),
        None => "map.ron".to_owned(),
    };
    let Some(mut path) = app.dialogs.save_map(&suggested) else {
        return false;
    };
    if path.extension().is_none() {
        path.set_extension("ron");
    }
    save_to(app, &path)
}

fn save_to(app: &mut ArgmapApp, path: &Path) -> bool {
    match app.state.doc.save_to(path) {
        Ok(()) => {
            remember_recent(app, path);
            app.state
                .set_status(format!("Saved {}", format::display(path)));
            true
        }
        Err(error) => {
            app.state.set_error(format!("Not saved: {error}"));
            false
        }
    }
}

/// File ▸ Add source…: a text or Markdown file becomes a source of the map.
pub fn add_source(app: &mut ArgmapApp) {
    let Some(path) = app.dialogs.open_text() else {
        return;
    };
    let name = format::display(&path);
    let stem = path
        .file_stem()
        .map_or_else(|| "source".to_owned(), |s| s.to_string_lossy().into_owned());
    let source = format::read_file(&path).and_then(|bytes| {
        format::text_source(&stem, &bytes, &app.state.doc.map)
            .map_err(|error| format::FileError::new(&path, error))
    });
    match source {
        Ok(source) => {
            let id = source.id.clone();
            if super::editing::apply_edit(app, "Add source", Edit::AddSource(source)) {
                app.state.panes.reader = true;
                app.panels.reader.open(id);
                app.state.set_status(format!("Added {name} as a source"));
            }
        }
        Err(error) => app.state.set_error(format!("Could not add {error}")),
    }
}

/// File ▸ Import…: asks for the file, then replaces the map (asking first).
pub fn choose_import(app: &mut ArgmapApp) {
    if let Some(path) = app.dialogs.open_import() {
        request(app, Pending::Import(path));
    }
}

fn import(app: &mut ArgmapApp, path: &Path) {
    match crate::exchange::import(path) {
        Ok((map, summary)) => adopt_import(app, path, map, summary),
        Err(error) => app.state.set_error(format!("Could not import {error}")),
    }
}

/// Opens an imported map as a new, unsaved map named after the file,
/// with the summary of what came in.
fn adopt_import(app: &mut ArgmapApp, path: &Path, map: Map, summary: String) {
    let stem = path.file_stem().map_or_else(
        || "imported".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let mut doc = Document::new(map, None, format!("{stem}.ron"));
    doc.mark_unsaved();
    app.replace_document(doc);
    let shown = format::display(path);
    app.state.set_status(format!("Imported {shown}"));
    app.state.windows.import_summary = Some(format!("{shown}\n\n{summary}"));
}

/// Writes the export chosen (in the Export window or the menu), through the
/// save dialog.
pub fn export(app: &mut ArgmapApp, choice: &ExportChoice) {
    app.state.windows.export = None;
    let kind = choice.kind;
    let only: Option<std::collections::BTreeSet<ClaimId>> = (kind.is_image()
        && choice.selection_only)
        .then(|| app.state.selection.claims.iter().copied().collect());
    let bytes = match kind.render(&app.state.doc.map, only.as_ref(), choice.scale) {
        Ok(bytes) => bytes,
        Err(error) => return app.state.set_error(format!("Not exported: {error}")),
    };
    let stem = app.state.doc.stem();
    let Some(mut path) = app.dialogs.save_export(
        &format!("{stem}.{}", kind.extension()),
        kind.label(),
        kind.extension(),
    ) else {
        return;
    };
    if path.extension().is_none() {
        path.set_extension(kind.extension());
    }
    write_file(app, &path, &bytes, "Exported");
}

/// Writes bytes a command made (an export, a report) and says how it went.
pub(super) fn write_file(app: &mut ArgmapApp, path: &Path, bytes: &[u8], done: &str) {
    match format::write_atomic(path, bytes) {
        Ok(()) => app
            .state
            .set_status(format!("{done} {}", format::display(path))),
        Err(error) => app.state.set_error(format!(
            "Not saved: {}",
            format::SaveError::io(path, &error)
        )),
    }
}
