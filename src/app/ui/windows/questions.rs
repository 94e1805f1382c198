//! The questions a window asks before going on: save the changes first?,
//! a map changed on disk by another program, work to recover after a
//! crash, a save that was cut short.

use crate::app::actions::{Action, Pending, PromptAnswer, Recovery, Resolution};
use crate::app::state::AppState;
use egui::RichText;

/// "Save the changes first?" in front of what would lose them.
pub fn prompt(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(pending) = &state.prompt else {
        return;
    };
    let doing = match pending {
        Pending::New | Pending::NewDebate => "starting a new map",
        Pending::OpenDialog
        | Pending::OpenPath(_)
        | Pending::OpenExample(_)
        | Pending::Import(_)
        | Pending::Recover(_) => "opening another map",
        Pending::Close => "closing",
        Pending::Tutorial => "starting the tutorial",
    };
    let asked = Question {
        id: "argmap-unsaved",
        heading: "Unsaved changes",
        text: format!("Save the changes to “{}” before {doing}?", state.doc.name()),
        answers: &[
            ("Save", "", PromptAnswer::Save),
            ("Don’t save", "", PromptAnswer::Discard),
            ("Cancel", "", PromptAnswer::Cancel),
        ],
        cancel: PromptAnswer::Cancel,
    };
    if let Some(answer) = asked.show(ctx) {
        actions.push(Action::AnswerPrompt(answer));
    }
}

/// A question in front of the editor: a heading, a sentence, a row of
/// answers (each with an optional tip); closing it answers `cancel`.
struct Question<'a, A> {
    id: &'static str,
    heading: &'static str,
    text: String,
    answers: &'a [(&'static str, &'static str, A)],
    cancel: A,
}

impl<A: Copy> Question<'_, A> {
    /// Shows the question; the answer, the frame one is given.
    fn show(&self, ctx: &egui::Context) -> Option<A> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique(self.id)).show(ctx, |ui| {
            ui.set_max_width(440.0_f32.min(ctx.content_rect().width() - 40.0));
            ui.heading(self.heading);
            ui.label(&self.text);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                for &(label, tip, value) in self.answers {
                    let mut button = ui.button(label);
                    if !tip.is_empty() {
                        button = button.on_hover_text(tip);
                    }
                    if button.clicked() {
                        answer = Some(value);
                    }
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(self.cancel);
        }
        answer
    }
}

/// The map's file changed on disk since Argmap read it: asked before saving.
pub fn conflict(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if state.windows.conflict.is_none() {
        return;
    }
    let asked = Question {
        id: "argmap-conflict",
        heading: "Changed on disk",
        text: format!(
            "Another program changed “{}” since Argmap opened it. Saving now would replace those changes.",
            state.doc.name()
        ),
        answers: &[
            ("Save over it", "", Resolution::Overwrite),
            ("Save as…", "", Resolution::SaveAs),
            (
                "Reload from disk",
                "Open the file as it is now; your changes are kept as a recovery copy",
                Resolution::Reload,
            ),
            ("Cancel", "", Resolution::Cancel),
        ],
        cancel: Resolution::Cancel,
    };
    if let Some(answer) = asked.show(ctx) {
        actions.push(Action::Resolve(answer));
    }
}

/// Work an editor did not save before it ended, offered back.
pub fn recovered(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if state.windows.recovered.is_empty() || state.prompt.is_some() {
        return;
    }
    let now = crate::format::recovery::now();
    egui::Window::new("Recover unsaved work")
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.label("Argmap ended before these maps were saved. Each copy holds the work as it was then.");
            ui.add_space(6.0);
            for (index, found) in state.windows.recovered.iter().enumerate() {
                let about = &found.about;
                ui.separator();
                ui.label(RichText::new(&about.name).strong());
                if let Some(path) = &about.path {
                    ui.label(RichText::new(path.display().to_string()).small().weak());
                }
                ui.label(format!(
                    "Made {} ({}), {} not in the saved file",
                    ago(now.saturating_sub(about.made)),
                    crate::format::recovery::when(about.made),
                    crate::model::count(about.edits as usize, "edit", "edits"),
                ));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        actions.push(Action::Recover(index, Recovery::Restore));
                    }
                    if found.saved_exists && ui.button("Open the saved version").clicked() {
                        actions.push(Action::Recover(index, Recovery::OpenSaved));
                    }
                    if ui.button("Discard").clicked() {
                        actions.push(Action::Recover(index, Recovery::Discard));
                    }
                });
            }
        });
}

fn ago(seconds: u64) -> String {
    match seconds {
        0..=59 => "moments ago".to_owned(),
        60..=3599 => format!("{} min ago", seconds / 60),
        3600..=86_399 => format!("{} h ago", seconds / 3600),
        _ => format!("{} days ago", seconds / 86_400),
    }
}

/// The map's file changed on disk while nothing here was unsaved.
pub fn reload_offer(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if !state.windows.reload_offer {
        return;
    }
    egui::Window::new("Changed on disk")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 40.0))
        .show(ctx, |ui| {
            ui.label(format!(
                "Another program changed “{}”. Reload it?",
                state.doc.name()
            ));
            ui.horizontal(|ui| {
                if ui.button("Reload").clicked() {
                    actions.push(Action::ReloadFromDisk(true));
                }
                if ui.button("Keep this version").clicked() {
                    actions.push(Action::ReloadFromDisk(false));
                }
            });
        });
}

/// A save of this map that was cut short, found beside it.
pub fn interrupted(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(offer) = &state.windows.interrupted else {
        return;
    };
    let name = crate::format::display(&offer.map);
    let said = match (offer.damaged, offer.old) {
        (false, _) => format!(
            "A save of “{name}” was cut short, and what it was writing is newer than the map. Take it back?"
        ),
        (true, false) => format!(
            "“{name}” is damaged: a save of it was cut short. What that save was writing is whole. Open it (Save then repairs the map)?"
        ),
        (true, true) => format!(
            "“{name}” is damaged: a save of it was cut short. The map as it was before that save is whole. Open it (Save then repairs the map)?"
        ),
    };
    egui::Window::new("An interrupted save")
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.label(said);
            ui.label(
                RichText::new(offer.leftover.display().to_string())
                    .small()
                    .weak(),
            );
            ui.horizontal_wrapped(|ui| {
                if ui.button("Take it back").clicked() {
                    actions.push(Action::TakeInterrupted(true));
                }
                let other = if offer.damaged {
                    "Not now"
                } else {
                    "Discard it"
                };
                if ui.button(other).clicked() {
                    actions.push(Action::TakeInterrupted(false));
                }
            });
        });
}
