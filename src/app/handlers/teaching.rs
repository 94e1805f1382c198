//! The teaching views: which claims stand (with what-if pins), the
//! comparison with a model answer and its report, and exercises.

use super::dialogs::{choose, write_file};
use super::map_changes::apply_edit;
use crate::analysis::compare::{self, Exercise};
use crate::analysis::evaluate::Pin;
use crate::app::ArgmapApp;
use crate::app::dialogs::Request;
use crate::app::edit_builders;
use crate::app::teaching::Compared;
use crate::format;
use crate::model::{ClaimId, count};
use std::path::Path;

pub fn toggle_evaluation(app: &mut ArgmapApp) {
    let teach = &mut app.state.teach;
    teach.evaluate = !teach.evaluate;
    if !teach.evaluate {
        teach.preferred = false;
    }
}

pub fn toggle_preferred(app: &mut ArgmapApp) {
    let teach = &mut app.state.teach;
    teach.preferred = !teach.preferred;
    teach.position = 0;
}

/// What-if: every open critical question raised, shown in Which claims stand.
pub fn toggle_raise_open(app: &mut ArgmapApp) {
    let teach = &mut app.state.teach;
    teach.raise_open = !teach.raise_open;
    if teach.raise_open {
        teach.evaluate = true;
    }
}

/// Selects the argument with the next open critical question and says which.
pub fn next_open_question(app: &mut ArgmapApp) {
    let open = app.state.teach.open_questions();
    if open.is_empty() {
        return;
    }
    let n = open.len();
    let at = app.state.teach.question_cursor % n;
    let item = open[at].clone();
    app.state.teach.question_cursor = at + 1;
    let map = &app.state.doc.map;
    let text = map
        .link(item.link)
        .and_then(|l| crate::schemes::Catalogue::bundled().scheme(&l.scheme))
        .and_then(|s| s.questions.iter().find(|q| q.id == item.question))
        .map_or_else(String::new, |q| q.text.clone());
    let shown = map
        .link(item.link)
        .and_then(|l| l.premises.first().copied());
    if let Some(claim) = shown {
        super::view::reveal(app, claim);
    }
    super::view::select(app, crate::app::actions::Select::OnlyLink(item.link));
    app.state
        .set_status(format!("Open critical question {} of {n}: {text}", at + 1));
}

pub fn next_position(app: &mut ArgmapApp) {
    app.state.teach.position += 1;
}

pub fn pin(app: &mut ArgmapApp, claim: ClaimId, pin: Option<Pin>) {
    app.state.teach.pin(claim, pin);
}

pub fn clear_pins(app: &mut ArgmapApp) {
    app.state.teach.clear_pins();
}

/// Writes the what-if pins into the map, so they are saved with it.
pub fn keep_pins(app: &mut ArgmapApp) {
    let Some(edit) = edit_builders::keep_pins(&app.state.doc.map, &app.state.teach.pins) else {
        return;
    };
    if apply_edit(app, "Keep pins in the map", edit) {
        let n = app.state.doc.map.saved_pins().len();
        app.state.set_status(if n == 0 {
            "The map keeps no pins now".to_owned()
        } else {
            format!(
                "The map keeps {}; they are saved with it",
                count(n, "pin", "pins")
            )
        });
    }
}

/// Asks for a model answer and compares the map with it.
pub fn compare_with_model(app: &mut ArgmapApp) {
    choose(app, Request::Model);
}

/// Loads a model answer and compares the map with it.
pub fn compare_with(app: &mut ArgmapApp, path: &Path) {
    match format::load(path) {
        Ok(model) => {
            let name = format::file_name(path);
            start_comparing(app, name, model);
        }
        Err(error) => app.state.set_error(format!("Could not open {error}")),
    }
}

/// Teach ▸ Compare with an example: a bundled map as the model answer.
pub fn compare_with_example(app: &mut ArgmapApp, index: usize) {
    let Some(example) = crate::corpus::examples().get(index) else {
        return;
    };
    match format::read(example.text.as_bytes(), format::Syntax::Ron) {
        Ok(model) => start_comparing(app, example.file.to_owned(), model),
        Err(error) => app
            .state
            .set_error(format!("The example {} is damaged: {error}", example.file)),
    }
}

fn start_comparing(app: &mut ArgmapApp, name: String, model: crate::model::Map) {
    let state = &mut app.state;
    let started_on = (state.doc.version().document, state.doc.name());
    let itself = state.doc.map == model;
    state.teach.comparison = Some(Compared::new(name.clone(), model, started_on));
    state.panes.open(crate::app::state::Pane::Inspector);
    // The ghosts of what is missing come into the view.
    super::view::fit(app);
    app.state.set_status(if itself {
        format!("{name} is the map open now: nothing to compare")
    } else {
        format!("Comparing with {name}")
    });
}

pub fn show_missing(app: &mut ArgmapApp, missing: crate::app::teaching::Missing) {
    app.state.teach.missing = missing;
}

pub fn stop_comparing(app: &mut ArgmapApp) {
    app.state.teach.comparison = None;
}

/// Asks where to save the comparison as a Markdown feedback report.
pub fn export_report(app: &mut ArgmapApp) {
    let suggested = format!("{}-feedback.md", app.state.doc.stem());
    choose(app, Request::Report { suggested });
}

/// Writes the feedback report for the comparison on show.
pub fn report_to(app: &mut ArgmapApp, path: &Path) {
    let state = &app.state;
    let Some(compared) = &state.teach.comparison else {
        return;
    };
    let report = compare::report(
        &compared.result,
        &state.doc.map,
        &compared.model,
        &state.doc.name(),
        &compared.name,
    );
    write_file(app, path, report.as_bytes(), "Saved the feedback report");
}

/// Asks where to save a starter map for students, made from the open map.
pub fn make_exercise(app: &mut ArgmapApp, kind: Exercise) {
    let suggested = format!("{}-exercise.ron", app.state.doc.stem());
    choose(app, Request::Exercise { suggested, kind });
}

/// Saves a starter map for students, made from the open map as the model.
pub fn exercise_to(app: &mut ArgmapApp, kind: Exercise, path: &Path) {
    let exercise = compare::exercise(&app.state.doc.map, kind);
    match format::save(&exercise, path) {
        Ok(()) => app.state.set_status(format!(
            "Saved the exercise {} ({} claims, no links)",
            format::display(path),
            exercise.claims.len()
        )),
        Err(error) => app.state.set_error(format!("Not saved: {error}")),
    }
}
