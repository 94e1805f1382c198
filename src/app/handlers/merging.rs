//! File ▸ Merge a classmate's map and View ▸ Show changes since: asking for
//! the files, working the merge out, settling its conflicts, and making it
//! one undo step.

use super::dialogs::choose;
use super::map_changes::apply_edit;
use crate::analysis::merge;
use crate::app::ArgmapApp;
use crate::app::dialogs::Request;
use crate::app::merging::{ChangesView, MergeReview};
use crate::format::{self, file_name};
use crate::model::{Edit, Map, count};
use std::path::{Path, PathBuf};

fn load(app: &mut ArgmapApp, path: &Path) -> Option<Map> {
    match format::load(path) {
        Ok(map) => Some(map),
        Err(error) => {
            app.state.set_error(format!("Could not open {error}"));
            None
        }
    }
}

/// File ▸ Merge a classmate's map: first their copy.
pub fn start(app: &mut ArgmapApp) {
    choose(app, Request::Theirs);
}

/// Their copy chosen: now the map both copies started from.
pub fn theirs_chosen(app: &mut ArgmapApp, theirs: PathBuf) {
    if load(app, &theirs).is_none() {
        return;
    }
    app.state.set_status(format!(
        "Now choose the map you and {} both started from (the starter map)",
        file_name(&theirs)
    ));
    choose(app, Request::Base { theirs });
}

/// Both chosen: the merge worked out and shown for review.
pub fn base_chosen(app: &mut ArgmapApp, theirs_path: &Path, base_path: &Path) {
    let (Some(theirs), Some(base)) = (load(app, theirs_path), load(app, base_path)) else {
        return;
    };
    let ours = &app.state.doc.map;
    let merged = merge::merge(&base, ours, &theirs);
    let review = MergeReview::new(file_name(theirs_path), [&base, ours, &theirs], merged);
    let n = review.take_theirs.len();
    app.state.set_status(if n == 0 {
        format!(
            "{} merges without conflicts: Merge to make it",
            review.theirs
        )
    } else {
        format!(
            "{} to settle before merging {}",
            count(n, "conflict", "conflicts"),
            review.theirs
        )
    });
    app.state.windows.merge = Some(review);
}

pub fn show(app: &mut ArgmapApp, at: usize) {
    if let Some(review) = &mut app.state.windows.merge {
        review.at = at.min(review.take_theirs.len().saturating_sub(1));
    }
}

pub fn choose_version(app: &mut ArgmapApp, conflict: usize, theirs: bool) {
    if let Some(review) = &mut app.state.windows.merge
        && let Some(choice) = review.take_theirs.get_mut(conflict)
    {
        *choice = theirs;
        review.refused = None;
    }
}

/// The merge made, as one undo step; the window stays open if the choices
/// together would break the map.
pub fn apply(app: &mut ArgmapApp) {
    let Some(review) = &mut app.state.windows.merge else {
        return;
    };
    let map = match review.result() {
        Ok(map) => map,
        Err(why) => {
            review.refused = Some(why);
            return;
        }
    };
    let theirs = review.theirs.clone();
    let taken = review.take_theirs.iter().filter(|t| **t).count();
    let conflicts = review.take_theirs.len();
    let label = format!("Merge {theirs}");
    if apply_edit(app, &label, Edit::ReplaceMap(Box::new(map))) {
        app.state.windows.merge = None;
        app.state.set_status(if conflicts == 0 {
            format!("Merged {theirs}")
        } else {
            format!(
                "Merged {theirs}: {} settled, theirs taken for {taken}",
                count(conflicts, "conflict", "conflicts")
            )
        });
    }
}

/// View ▸ Show changes since: asks for the earlier version.
pub fn ask_older(app: &mut ArgmapApp) {
    choose(app, Request::Older);
}

pub fn older_chosen(app: &mut ArgmapApp, path: &Path) {
    let Some(older) = load(app, path) else {
        return;
    };
    let changes = merge::diff(&older, &app.state.doc.map);
    app.state.windows.changes = Some(ChangesView {
        older: file_name(path),
        changes,
    });
}
