//! Present mode: View ▸ Present shows the argument a step at a time, full
//! screen, for a class. The steps come from the map; the map itself is
//! not touched while presenting.

use crate::analysis::evaluate;
use crate::analysis::neighbourhood::among;
use crate::analysis::presentation;
use crate::app::ArgmapApp;
use crate::app::actions::PresentMove;
use crate::app::view::{Presenting, ViewRequest};
use std::collections::BTreeSet;

pub fn start(app: &mut ArgmapApp) {
    let steps = presentation::steps(&app.state.doc.map);
    if steps.is_empty() {
        app.state
            .set_status("Nothing to present: the map has no claims yet.");
        return;
    }
    app.state.view.focus = None;
    app.state.view.editing = None;
    let mut presenting = Presenting {
        steps,
        shown: 1,
        on_show: BTreeSet::new(),
        latest: BTreeSet::new(),
        standing: evaluate::Labelling::default(),
    };
    show_steps(app, &mut presenting);
    app.state.view.presenting = Some(presenting);
    app.state.set_status(
        "Presenting: the right arrow or Space for the next step, the left arrow to go back, Escape to leave.",
    );
}

pub fn go(app: &mut ArgmapApp, how: PresentMove) {
    let Some(mut presenting) = app.state.view.presenting.take() else {
        return;
    };
    let last = presenting.steps.len();
    match how {
        PresentMove::Next => presenting.shown = (presenting.shown + 1).min(last),
        PresentMove::Back => presenting.shown = presenting.shown.saturating_sub(1).max(1),
        PresentMove::First => presenting.shown = 1,
        PresentMove::Last => presenting.shown = last,
        PresentMove::Leave => {
            app.state.view.request(ViewRequest::Fit);
            app.state.set_status("Left the presentation.");
            return;
        }
    }
    show_steps(app, &mut presenting);
    app.state.view.presenting = Some(presenting);
}

/// Works out what the steps on show bring: the claims, the latest step's,
/// and which of them stand among themselves; and frames them.
fn show_steps(app: &mut ArgmapApp, presenting: &mut Presenting) {
    let map = &app.state.doc.map;
    let shown = &presenting.steps[..presenting.shown];
    presenting.on_show = shown
        .iter()
        .flat_map(|s| s.claims.iter().copied())
        .collect();
    presenting.latest = shown
        .last()
        .map(|s| s.claims.iter().copied().collect())
        .unwrap_or_default();
    let part = among(map, &presenting.on_show);
    // The teacher's pins count for the claims on show.
    let pins: evaluate::Pins = app
        .state
        .teach
        .pins
        .iter()
        .filter(|(id, _)| presenting.on_show.contains(id))
        .map(|(id, pin)| (*id, *pin))
        .collect();
    presenting.standing = evaluate::grounded(&part, &pins);
    app.state.view.request(ViewRequest::FitStep);
}
