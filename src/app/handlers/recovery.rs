//! Autosave and recovery: a copy of unsaved work every few seconds (and when
//! the window loses focus), removed when the map is saved or the editor
//! closes cleanly, and offered back after a crash. Also where the clock
//! drives the watch on the map's file.

use crate::app::actions::{Action, Pending, Recovery};
use crate::app::document::Document;
use crate::app::document::Version;
use crate::app::{ArgmapApp, Effect};
use crate::format::recovery::{self, About, Session};

/// Seconds between recovery copies while the map has unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 5.0;
/// Seconds between looks at the map's file for outside changes.
const WATCH_SECONDS: f64 = 2.0;

/// When the last recovery copy was written, and of which state.
#[derive(Default)]
pub struct Autosave {
    session: Option<Session>,
    written: Option<Version>,
    at: f64,
    focused: bool,
    watched_at: f64,
}

impl Autosave {
    pub fn with_session(session: Session) -> Self {
        Self {
            session: Some(session),
            focused: true,
            ..Self::default()
        }
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }
}

/// At start: copies newer than their maps are offered; older ones, whose
/// maps were saved since, are removed.
pub fn offer_left_behind(app: &mut ArgmapApp) {
    let Some(session) = app.autosave.session() else {
        return;
    };
    let mut offered = Vec::new();
    for found in session.left_behind() {
        if found.newer_than_its_map() {
            offered.push(found);
        } else {
            found.remove();
        }
    }
    app.state.windows.recovered = offered;
}

/// The user chose what to do with a recovery copy.
pub fn recover(app: &mut ArgmapApp, index: usize, choice: Recovery) {
    let Some(found) = app.state.windows.recovered.get(index).cloned() else {
        return;
    };
    match choice {
        Recovery::Restore => super::follow(app, Action::Open(Pending::Recover(index))),
        Recovery::OpenSaved => {
            app.state.windows.recovered.remove(index);
            found.remove();
            if let Some(path) = found.about.path {
                super::follow(app, Action::Open(Pending::OpenPath(path)));
            }
        }
        Recovery::Discard => {
            app.state.windows.recovered.remove(index);
            found.remove();
        }
    }
}

/// Opens a recovery copy, unsaved, with its map's file as the place to save.
pub fn restore(app: &mut ArgmapApp, index: usize) {
    if index >= app.state.windows.recovered.len() {
        return;
    }
    let found = app.state.windows.recovered.remove(index);
    match found.read() {
        Ok(map) => {
            let about = &found.about;
            let mut doc = Document::new(map, about.path.clone(), about.name.clone());
            doc.mark_unsaved(about.edits);
            // The file as it is now is what the copy's work started from
            // (it is no newer than the copy), so saving goes over it.
            doc.disk = about
                .path
                .as_deref()
                .and_then(crate::format::disk::Stamp::of_file);
            app.replace_document(doc);
            found.remove();
            // Saving asks first if the file changed since the copy was made.
            app.state.set_status(format!(
                "Restored unsaved work on {} ({}); Save keeps it",
                about.name,
                crate::model::count(about.edits as usize, "edit", "edits")
            ));
        }
        Err(error) => app.state.set_error(format!(
            "Could not restore the copy of {}: {error}",
            found.about.name
        )),
    }
}

fn about(doc: &Document) -> About {
    About {
        path: doc.path.clone(),
        name: doc.name(),
        made: recovery::now(),
        edits: doc.unsaved_edits(),
    }
}

/// Writes what is open aside as a copy of its own, to be offered back on
/// the next start (before the map is reloaded from disk, say).
pub fn keep_aside(app: &mut ArgmapApp) {
    let Some(session) = app.autosave.session() else {
        return;
    };
    let doc = &app.state.doc;
    if !doc.is_dirty() {
        return;
    }
    match session.write_aside(&doc.map, &about(doc)) {
        Ok(()) => app.state.set_status(
            "Your changes are kept as a recovery copy, offered the next time Argmap starts",
        ),
        Err(error) => app
            .state
            .set_error(format!("Could not keep your changes aside: {error}")),
    }
}

/// The map was saved: its recovery copy is no longer needed.
pub fn saved(app: &mut ArgmapApp) {
    if let Some(session) = app.autosave.session() {
        session.clear();
    }
    app.autosave.written = None;
}

/// The editor is closing cleanly (the user saved or chose not to).
pub fn closing(app: &mut ArgmapApp) {
    saved(app);
}

/// The clock: writes a recovery copy when one is due, and watches the file.
/// Time passed: writes a recovery copy when one is due. Returns whether it
/// is time to look at the map's file for changes made elsewhere.
pub fn tick(app: &mut ArgmapApp, now: f64, focused: bool) -> bool {
    let status = &mut app.state.status;
    if !status.note.is_empty() && status.note_at.is_none() {
        status.note_at = Some(now);
        // A frame when it is due to go, even with no input.
        app.effects
            .push(Effect::RepaintAfter(crate::app::state::NOTE_SECONDS + 0.1));
    }
    let lost_focus = app.autosave.focused && !focused;
    app.autosave.focused = focused;
    let doc = &app.state.doc;
    let autosave = &mut app.autosave;
    if let Some(session) = &autosave.session {
        if !doc.is_dirty() {
            if autosave.written.take().is_some() {
                session.clear();
            }
        } else if autosave.written != Some(doc.version()) {
            if now - autosave.at >= AUTOSAVE_SECONDS || lost_focus {
                autosave.at = now;
                match session.write(&doc.map, &about(doc)) {
                    Ok(()) => autosave.written = Some(doc.version()),
                    Err(error) => app
                        .state
                        .set_error(format!("Could not write a recovery copy: {error}")),
                }
            } else {
                let wait = AUTOSAVE_SECONDS - (now - autosave.at);
                app.effects.push(Effect::RepaintAfter(wait.max(0.1)));
            }
        }
    }
    if focused && app.state.doc.path.is_some() {
        app.effects.push(Effect::RepaintAfter(WATCH_SECONDS));
    }
    let watch = focused && now - app.autosave.watched_at >= WATCH_SECONDS;
    if watch {
        app.autosave.watched_at = now;
    }
    watch
}
