//! Asking the user for a file: the platform's dialog, or where there is
//! none the window for typing a path, or (in the browser) an answer that
//! arrives later. Every answer becomes the same follow-up, handed to the
//! router (`handlers::chosen`), so each way of answering finishes the same
//! work. And writing what a command made to the file chosen.

use crate::app::ArgmapApp;
use crate::app::actions::{Action, Pending};
use crate::app::dialogs::{Answer, Arrived, Request};
use crate::app::state::PathEntry;
use crate::format;
use std::path::{Path, PathBuf};

/// Asks for a file, then finishes the work the request names. Where the
/// system has no file dialog, the window for typing a path opens instead
/// and [`path_confirmed`] finishes the work.
pub fn choose(app: &mut ArgmapApp, request: Request) {
    match app.dialogs.ask(&request) {
        Answer::Path(path) => super::follow(app, Action::Chosen(request, path)),
        Answer::Cancelled | Answer::Later => {}
        Answer::Unavailable => {
            // The map's own folder, else the user's home, so the suggestion
            // says where the file goes.
            let folder = app
                .state
                .doc
                .path
                .as_deref()
                .and_then(Path::parent)
                .filter(|f| !f.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .or_else(home_folder);
            let text = match (request.suggested(), folder) {
                (Some(name), Some(folder)) => folder.join(name).display().to_string(),
                (Some(name), None) => name,
                (None, Some(folder)) => {
                    format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR)
                }
                (None, None) => String::new(),
            };
            app.state.windows.path_entry = Some(PathEntry { request, text });
            app.state
                .set_status("No file dialog is available on this system: type the file's path");
        }
    }
}

/// The user's home folder, where a typed path starts.
fn home_folder() -> Option<PathBuf> {
    ["HOME", "USERPROFILE"]
        .iter()
        .find_map(std::env::var_os)
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
}

/// What came in since the last frame (a file picked in the browser).
pub fn arrived(app: &mut ArgmapApp, arrived: Arrived) {
    match arrived {
        Arrived::File(request, path) => super::follow(app, Action::Chosen(request, path)),
        Arrived::Open(path) => super::follow(app, Action::Open(Pending::OpenPath(path))),
        Arrived::Failed(message) => app.state.set_error(message),
    }
}

pub fn path_text(app: &mut ArgmapApp, text: String) {
    if let Some(entry) = &mut app.state.windows.path_entry {
        entry.text = text;
    }
}

pub fn path_confirmed(app: &mut ArgmapApp) {
    let Some(entry) = app.state.windows.path_entry.take() else {
        return;
    };
    let typed = entry.text.trim();
    if typed.is_empty() {
        app.state.windows.path_entry = Some(entry);
        return;
    }
    super::follow(app, Action::Chosen(entry.request, expand_home(typed)));
}

/// A typed path with a leading `~` read as the home folder, as a shell does.
fn expand_home(typed: &str) -> PathBuf {
    match typed.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with(['/', '\\']) => home_folder()
            .map_or_else(
                || PathBuf::from(typed),
                |home| home.join(rest.trim_start_matches(['/', '\\'])),
            ),
        _ => PathBuf::from(typed),
    }
}

/// Writes bytes a command made (an export, a report) and says how it went.
pub fn write_file(app: &mut ArgmapApp, path: &Path, bytes: &[u8], done: &str) {
    match format::write_atomic(path, bytes) {
        Ok(()) => app
            .state
            .set_status(format!("{done} {}", format::display(path))),
        Err(error) => app.state.set_error(format!("Not saved: {error}")),
    }
}
