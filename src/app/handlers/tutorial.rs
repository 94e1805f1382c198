//! Where a newcomer begins: the welcome's choices, and Help > Tutorial:
//! starting it on a new map (after the unsaved-changes question), leaving
//! and resuming it, and moving it on as the map shows each step done.

use crate::app::ArgmapApp;
use crate::app::actions::{Action, Pending, TutorialMove, WelcomeChoice};
use crate::app::tutorial::Seen;

/// Shows the lesson under way where it was left, or starts one.
pub fn start_or_resume(app: &mut ArgmapApp) {
    match &mut app.state.tutorial {
        Some(tutorial) if !tutorial.finished() => tutorial.shown = true,
        _ => super::follow(app, Action::Open(Pending::Tutorial)),
    }
}

pub fn step(app: &mut ArgmapApp, wanted: TutorialMove) {
    match wanted {
        TutorialMove::Skip => {
            if let Some(tutorial) = &mut app.state.tutorial {
                tutorial.skip();
            }
        }
        TutorialMove::Leave => {
            if let Some(tutorial) = &mut app.state.tutorial {
                tutorial.shown = false;
            }
            if app.state.tutorial.as_ref().is_some_and(|t| !t.finished()) {
                app.state
                    .set_status("Tutorial left: Help > Tutorial picks up at this step");
            }
        }
        TutorialMove::StartOver => super::follow(app, Action::Open(Pending::Tutorial)),
    }
}

/// The lesson begins on a new map (nothing unsaved stands in the way).
pub fn begin(app: &mut ArgmapApp) {
    app.replace_document(crate::app::document::Document::untitled());
    app.state.tutorial = Some(crate::app::tutorial::Tutorial::default());
    app.state
        .set_status("Tutorial: a new map for your first argument");
}

/// Moves the lesson past each step the map now shows done.
pub fn watch(app: &mut ArgmapApp) {
    let state = &mut app.state;
    let Some(tutorial) = &mut state.tutorial else {
        return;
    };
    let seen = Seen {
        map: &state.doc.map,
        reading: state.view.reader.article.as_ref().map(|s| s.as_str()),
        evaluating: state.teach.evaluate,
        saved: state.doc.path.is_some() && !state.doc.is_dirty(),
    };
    if tutorial.observe(&seen) && tutorial.finished() {
        state.set_status("Tutorial finished: your first argument map");
    }
}

/// A way to begin, chosen in the welcome window (which then closes).
pub fn welcome(app: &mut ArgmapApp, choice: WelcomeChoice) {
    app.state.windows.welcome = false;
    match choice {
        WelcomeChoice::Tutorial => start_or_resume(app),
        WelcomeChoice::Explore => app.state.set_status(
            "Click a claim to read it in the inspector; F on a claim shows just its neighbourhood",
        ),
        WelcomeChoice::NewMap => {
            super::follow(app, Action::Open(Pending::New));
            app.state.set_status(
                "A new map: choose an article in the reader, select a passage and drag it onto the canvas",
            );
        }
        WelcomeChoice::NewDebate => {
            super::follow(app, Action::Command(crate::app::Command::NewDebate))
        }
        WelcomeChoice::Open => super::follow(app, Action::Open(Pending::OpenDialog)),
    }
}
