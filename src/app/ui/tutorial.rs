//! The tutorial's window: the step to do now, what to do and a frame
//! around the part of the window where it is done.

use super::Areas;
use crate::app::actions::{Action, TutorialMove};
use crate::app::state::AppState;
use crate::app::tutorial::{Place, Tutorial};
use egui::{Color32, RichText, Stroke};

/// The frame's colour: a warm orange that reads on light and dark themes.
const HIGHLIGHT: Color32 = Color32::from_rgb(240, 150, 30);

pub fn window(ctx: &egui::Context, state: &AppState, areas: &Areas, actions: &mut Vec<Action>) {
    let Some(tutorial) = state.tutorial.as_ref().filter(|t| t.shown) else {
        return;
    };
    if let Some(step) = tutorial.step()
        && let Some(rect) = area(areas, step.place())
    {
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Middle,
            egui::Id::unique("argmap-tutorial-highlight"),
        ));
        painter.rect_stroke(
            rect.shrink(2.0),
            6.0,
            Stroke::new(3.0, HIGHLIGHT),
            egui::StrokeKind::Inside,
        );
    }
    let canvas = areas.canvas.unwrap_or_else(|| ctx.content_rect());
    egui::Window::new("Tutorial")
        .id(egui::Id::unique("argmap-tutorial"))
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_BOTTOM)
        .default_pos(canvas.center_bottom() - egui::vec2(0.0, 40.0))
        .default_width(440.0)
        .show(ctx, |ui| contents(ui, tutorial, actions));
}

fn contents(ui: &mut egui::Ui, tutorial: &Tutorial, actions: &mut Vec<Action>) {
    ui.set_max_width(440.0);
    match tutorial.step() {
        Some(step) => {
            ui.label(
                RichText::new(format!(
                    "Step {} of {}: {}",
                    tutorial.number(),
                    Tutorial::STEPS,
                    step.title()
                ))
                .heading(),
            );
            ui.label(step.what_to_do());
            ui.label(
                RichText::new(format!(
                    "Look for the orange frame ({}). The lesson moves on when your map shows \
                     the step done.",
                    where_(step.place())
                ))
                .weak(),
            );
            ui.horizontal(|ui| {
                if ui.button("Skip this step").clicked() {
                    actions.push(Action::Tutorial(TutorialMove::Skip));
                }
                if ui
                    .button("Leave tutorial")
                    .on_hover_text("Help > Tutorial picks up at this step")
                    .clicked()
                {
                    actions.push(Action::Tutorial(TutorialMove::Leave));
                }
                if ui
                    .button("Start over")
                    .on_hover_text("Begin again on a new map")
                    .clicked()
                {
                    actions.push(Action::Tutorial(TutorialMove::StartOver));
                }
            });
        }
        None => {
            ui.label(RichText::new("Well done: your first argument map").heading());
            ui.label(
                "You quoted a contention and its reason, linked them, answered Kramer with \
                 Kimmage, saw which claims stand, named a scheme and answered a critical \
                 question. Open File > Open example to see the whole debate mapped, or \
                 compare your map with it (Teach > Compare with model answer).",
            );
            if ui.button("Close").clicked() {
                actions.push(Action::Tutorial(TutorialMove::Leave));
            }
        }
    }
}

fn area(areas: &Areas, place: Place) -> Option<egui::Rect> {
    match place {
        Place::Reader => areas.reader,
        Place::Canvas => areas.canvas,
        Place::Inspector => areas.inspector,
        Place::MenuBar => areas.menu_bar,
    }
}

fn where_(place: Place) -> &'static str {
    match place {
        Place::Reader => "the reader, on the left",
        Place::Canvas => "the map",
        Place::Inspector => "the inspector, on the right",
        Place::MenuBar => "the menu bar",
    }
}
