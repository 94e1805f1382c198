//! Files: new, open, save, import, export, sources and recent maps, with the
//! unsaved-changes question in front of whatever would lose changes, and
//! the question about a file another program changed in front of saving.
//! Asking for a file is `dialogs`; what to do with the answer is the
//! router's (`handlers::chosen`), which calls back here.

use super::dialogs::{choose, write_file};
use crate::app::Action;
use crate::app::actions::{ExportChoice, Pending, PromptAnswer, Resolution};
use crate::app::dialogs::Request;
use crate::app::document::Document;
use crate::app::state::{Conflict, Interrupted};
use crate::app::{ArgmapApp, Effect};
use crate::corpus;
use crate::format;
use crate::model::{ClaimId, Edit, Map};
use std::path::{Path, PathBuf};

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

/// Does what waited for the unsaved-changes question (see the router).
fn perform(app: &mut ArgmapApp, pending: Pending) {
    super::follow(app, Action::Proceed(pending));
}

/// New, open, import and close, once nothing unsaved stands in the way;
/// the router hands the other waiting work to its own handler.
pub(super) fn proceed(app: &mut ArgmapApp, pending: Pending) {
    match pending {
        Pending::New => {
            app.replace_document(Document::untitled());
            app.state.set_status("New map");
        }
        Pending::OpenDialog => choose(app, Request::OpenMap),
        Pending::OpenPath(path) => {
            open_path(app, &path);
        }
        Pending::OpenExample(index) => open_example(app, index),
        Pending::Import(path) => import(app, &path),
        Pending::Recover(_) | Pending::Tutorial | Pending::NewDebate => {}
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
        PromptAnswer::Save => save_then(app, Some(pending)),
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
    match Document::open(path) {
        Ok(doc) => {
            app.replace_document(doc);
            remember_recent(app, path);
            app.state
                .set_status(format!("Opened {}", format::display(path)));
            look_for_interrupted_save(app, path);
            true
        }
        Err(_) if let Some(copy) = format::recovery::Found::at(path) => {
            // A recovery copy opened by hand is offered back, as at start.
            app.state.set_status(format!(
                "{} is a recovery copy of {}: restore it, open the saved version or discard it",
                format::display(path),
                copy.about.name
            ));
            app.state.windows.recovered.retain(|f| f.file != copy.file);
            app.state.windows.recovered.insert(0, copy);
            false
        }
        Err(error) if let Some(offer) = whole_leftover(path) => {
            // The map is damaged, but a save of it cut short left a whole
            // version beside it: offered back rather than lost.
            app.state.set_error(format!("Could not open {error}"));
            app.state.windows.interrupted = Some(offer);
            false
        }
        Err(error) => {
            let foreign = crate::exchange::is_argdown(path)
                || matches!(
                    error.error,
                    format::ReadError::NotAMap
                        | format::ReadError::OtherFormat(
                            format::sniff::Other::Aif | format::sniff::Other::Argdown
                        )
                );
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

/// A path named on the command line that does not exist yet: a new map
/// that Save writes there.
pub fn start_new_at(app: &mut ArgmapApp, path: &Path) {
    let mut doc = Document::untitled();
    doc.path = Some(path.to_path_buf());
    app.replace_document(doc);
    app.state.set_status(format!(
        "New map: Save writes it to {}",
        format::display(path)
    ));
}

/// Cleans up what an interrupted save left beside `path`, offering the
/// newest leftover back when it is newer than the map and reads as a map.
fn look_for_interrupted_save(app: &mut ArgmapApp, path: &Path) {
    let saved = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut offered = false;
    for (leftover, made) in format::disk::leftovers(path) {
        let age = made.elapsed().map(|d| d.as_secs()).unwrap_or(0);
        // Another editor may be saving this very moment.
        if age < 60 {
            continue;
        }
        let newer = saved.is_none_or(|saved| made > saved);
        if !offered && newer && format::load(&leftover).is_ok() {
            app.state.windows.interrupted = Some(Interrupted {
                leftover,
                map: path.to_path_buf(),
                damaged: false,
                old: false,
            });
            offered = true;
        } else {
            let _ = std::fs::remove_file(&leftover);
        }
    }
    // The map opened whole: copies of what it was before are not needed.
    for (kept, made) in format::disk::kept_copies(path) {
        if made
            .elapsed()
            .is_ok_and(|age| age.as_secs() >= format::disk::SETTLED_SECONDS)
        {
            let _ = std::fs::remove_file(&kept);
        }
    }
}

/// For a map that will not open: the newest whole version a cut-short save
/// left beside it (what it was writing, else the map as it was).
fn whole_leftover(path: &Path) -> Option<Interrupted> {
    let reads = |file: &PathBuf| format::load(file).is_ok();
    let offer = |leftover: PathBuf, old: bool| Interrupted {
        leftover,
        map: path.to_path_buf(),
        damaged: true,
        old,
    };
    let newest = |found: Vec<(PathBuf, std::time::SystemTime)>| {
        found.into_iter().map(|(f, _)| f).find(reads)
    };
    newest(format::disk::leftovers(path))
        .map(|f| offer(f, false))
        .or_else(|| newest(format::disk::kept_copies(path)).map(|f| offer(f, true)))
}

/// The interrupted save found beside the map: take it back, or drop it.
pub fn take_interrupted(app: &mut ArgmapApp, take: bool) {
    let Some(offer) = app.state.windows.interrupted.take() else {
        return;
    };
    if !take {
        // A damaged map's only whole version is never thrown away unasked.
        if !offer.damaged {
            let _ = std::fs::remove_file(&offer.leftover);
        }
        return;
    }
    match format::load(&offer.leftover) {
        Ok(map) => {
            let name = format::display(&offer.map);
            let mut doc = Document::new(map, Some(offer.map.clone()), name);
            // Saving goes over the map's file as it is now.
            doc.disk = if offer.damaged {
                format::disk::Stamp::of_file(&offer.map)
            } else {
                app.state.doc.disk
            };
            doc.mark_unsaved(1);
            app.replace_document(doc);
            remember_recent(app, &offer.map);
            app.state.status.error.clear();
            app.state
                .set_status("Took back the interrupted save; Save keeps it");
            let _ = std::fs::remove_file(&offer.leftover);
        }
        Err(error) => app.state.set_error(format!("Could not open {error}")),
    }
}

pub(super) fn open_example(app: &mut ArgmapApp, index: usize) {
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

/// Saves to the file chosen for Save as, then goes on with `then`.
pub(super) fn save_chosen(app: &mut ArgmapApp, path: &Path, then: Option<Pending>) {
    if save_to(app, path)
        && let Some(pending) = then
    {
        perform(app, pending);
    }
}

/// File ▸ Save: to the map's file, or asks for one.
pub fn save(app: &mut ArgmapApp) {
    save_then(app, None);
}

/// Saves, then goes on with `then` once the map is saved.
fn save_then(app: &mut ArgmapApp, then: Option<Pending>) {
    let Some(path) = app.state.doc.path.clone() else {
        return save_as_then(app, then);
    };
    if app.state.doc.changed_on_disk() {
        app.state.windows.conflict = Some(Conflict { then });
        return;
    }
    if save_to(app, &path)
        && let Some(pending) = then
    {
        perform(app, pending);
    }
}

pub fn save_as(app: &mut ArgmapApp) {
    save_as_then(app, None);
}

fn save_as_then(app: &mut ArgmapApp, then: Option<Pending>) {
    let doc = &app.state.doc;
    let suggested = match doc.path.as_deref().and_then(Path::file_name) {
        Some(name) => name.to_string_lossy().into_owned(),
        None if doc.fallback_name.ends_with(".ron") => doc.fallback_name.clone(),
        None => "map.ron".to_owned(),
    };
    choose(app, Request::SaveMap { suggested, then });
}

/// The file changed on disk: the user chose what to do.
pub fn resolve(app: &mut ArgmapApp, resolution: Resolution) {
    let Some(conflict) = app.state.windows.conflict.take() else {
        return;
    };
    match resolution {
        Resolution::Overwrite => {
            let Some(path) = app.state.doc.path.clone() else {
                return;
            };
            if save_to(app, &path)
                && let Some(pending) = conflict.then
            {
                perform(app, pending);
            }
        }
        Resolution::SaveAs => save_as_then(app, conflict.then),
        Resolution::Reload => {
            super::recovery::keep_aside(app);
            reload(app);
        }
        Resolution::Cancel => {}
    }
}

/// Opens the map's file again as it is on disk.
fn reload(app: &mut ArgmapApp) {
    let Some(path) = app.state.doc.path.clone() else {
        return;
    };
    match Document::open(&path) {
        Ok(doc) => {
            app.replace_document(doc);
            app.state
                .set_status(format!("Reloaded {}", format::display(&path)));
        }
        Err(error) => app.state.set_error(format!("Could not reload {error}")),
    }
}

/// The map changed on disk while nothing here was unsaved.
pub fn reload_from_disk(app: &mut ArgmapApp, reload_it: bool) {
    app.state.windows.reload_offer = false;
    if reload_it {
        reload(app);
    } else if let Some(path) = app.state.doc.path.clone() {
        // Keep what is open; saving will ask before writing over the change.
        app.state.set_status(format!(
            "Kept the map as open; {} differs on disk",
            format::display(&path)
        ));
    }
}

/// Notices, while the window has focus, a change another program made to
/// the map's file.
pub fn watch(app: &mut ArgmapApp) {
    let state = &app.state;
    if state.windows.reload_offer || state.windows.conflict.is_some() || state.prompt.is_some() {
        return;
    }
    if !state.doc.changed_on_disk() || state.doc.disk.is_none() {
        return;
    }
    if state.doc.is_dirty() {
        let name = state.doc.name();
        if app.state.status.error.is_empty() {
            app.state.set_error(format!(
                "{name} was changed by another program; saving will ask before writing over it"
            ));
        }
    } else {
        app.state.windows.reload_offer = true;
    }
}

pub(super) fn save_to(app: &mut ArgmapApp, path: &Path) -> bool {
    match app.state.doc.save_to(path) {
        Ok(()) => {
            remember_recent(app, path);
            super::recovery::saved(app);
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

/// File ▸ Add source…: a web page, PDF, Word, OpenDocument, text or
/// Markdown file becomes a source of the map, in one undoable step.
pub fn add_source(app: &mut ArgmapApp) {
    choose(app, Request::AddSource);
}

/// Reads the document at `path` and shows it for checking, for the open
/// map or (`side`) for a side of the debate being planned.
pub(super) fn add_source_from(app: &mut ArgmapApp, path: &Path, side: Option<usize>) {
    let name = format::display(path);
    let stem = crate::documents::file_stem(path);
    let reading = format::read_file(path)
        .map_err(|error| error.to_string())
        .and_then(|bytes| {
            crate::documents::read(&path.to_string_lossy(), &bytes)
                .map_err(|error| format!("{name}: {error}"))
        });
    let reading = match reading {
        Ok(reading) => reading,
        Err(error) => {
            app.state.set_error(format!("Could not add {error}"));
            return;
        }
    };
    preview(app, name, &stem, reading, side);
}

/// Shows a document as read, for the user to check and correct before it
/// is added (Add source and Paste as new source both come here).
pub(super) fn preview(
    app: &mut ArgmapApp,
    file: String,
    stem: &str,
    reading: crate::documents::Reading,
    side: Option<usize>,
) {
    // An article for a debate not made yet takes an id unique among the
    // debate's own articles.
    let planned = side.and_then(|_| app.state.windows.new_debate.as_ref().map(|p| p.to_map()));
    let source = reading.to_source(stem, planned.as_ref().unwrap_or(&app.state.doc.map));
    app.state.windows.source_preview = Some(crate::app::state::SourcePreview {
        file,
        kind: reading.kind.name(),
        authors: source.authors.join("; "),
        source,
        dropped: reading.dropped,
        side,
    });
}

/// The Add source window's *Add source*: one undoable step.
pub(super) fn add_previewed_source(app: &mut ArgmapApp) {
    let Some(preview) = app.state.windows.source_preview.take() else {
        return;
    };
    if let Some(side) = preview.side {
        super::debate::take_article(app, side, &preview);
        return;
    }
    let source = preview.corrected(&app.state.doc.map);
    let id = source.id.clone();
    let paragraphs = source.text.split("\n\n").count();
    if super::map_changes::apply_edit(app, "Add source", Edit::AddSource(source)) {
        app.state.panes.open(crate::app::state::Pane::Reader);
        super::view::open_article(app, id);
        app.state.set_status(format!(
            "Added {} as a source: {}",
            preview.file,
            crate::model::count(paragraphs, "paragraph", "paragraphs")
        ));
    }
}

/// File ▸ Import…: asks for the file, then replaces the map (asking first).
pub fn choose_import(app: &mut ArgmapApp) {
    choose(app, Request::Import);
}

pub(super) fn request_import(app: &mut ArgmapApp, path: PathBuf) {
    request(app, Pending::Import(path));
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
    doc.mark_unsaved(1);
    app.replace_document(doc);
    let shown = format::display(path);
    app.state.set_status(format!("Imported {shown}"));
    app.state.windows.import_summary = Some(format!("{shown}\n\n{summary}"));
}

/// Writes the export chosen (in the Export window or the menu), asking where.
pub fn export(app: &mut ArgmapApp, choice: &ExportChoice) {
    app.state.windows.export = None;
    let suggested = format!("{}.{}", app.state.doc.stem(), choice.kind.extension());
    choose(
        app,
        Request::Export {
            choice: choice.clone(),
            suggested,
        },
    );
}

pub(super) fn export_to(app: &mut ArgmapApp, choice: &ExportChoice, path: PathBuf) {
    let kind = choice.kind;
    let only: Option<std::collections::BTreeSet<ClaimId>> = (kind.takes_selection()
        && choice.selection_only)
        .then(|| app.state.selection.claims.iter().copied().collect());
    let options = crate::exchange::Options {
        only: only.as_ref(),
        scale: choice.scale,
        paper: choice.paper,
        fit: choice.fit,
    };
    match kind.render(&app.state.doc.map, &options) {
        Ok(bytes) => write_file(app, &path, &bytes, "Exported"),
        Err(error) => app.state.set_error(format!("Not exported: {error}")),
    }
}
