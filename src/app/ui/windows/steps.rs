//! View ▸ Presentation steps: the steps present mode and the slides show,
//! in order, for a teacher to rearrange. The first move saves the order in
//! the map (one undoable edit each); a button goes back to the order
//! worked out from the map.

use crate::analysis::presentation;
use crate::app::actions::{Action, Window};
use crate::app::state::AppState;
use crate::model::{Edit, excerpt};

pub fn steps(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if !state.windows.steps {
        return;
    }
    let map = &state.doc.map;
    let steps = presentation::steps(map);
    let chosen = !map.steps.is_empty();
    let mut open = true;
    let screen = ctx.content_rect();
    super::centred("Presentation steps", ctx)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.set_max_width((screen.width() - 80.0).clamp(260.0, 620.0));
            ui.label(if chosen {
                "Present mode and the slides follow your order, saved in the map."
            } else {
                "Worked out from the map. Move a step to keep your own order in the map."
            });
            ui.add_space(6.0);
            let last = steps.len().saturating_sub(1);
            egui::ScrollArea::vertical()
                .max_height((screen.height() - 220.0).max(160.0))
                .show(ui, |ui| {
                    egui::Grid::new("presentation-steps")
                        .num_columns(3)
                        .striped(true)
                        .show(ui, |ui| {
                            for (i, step) in steps.iter().enumerate() {
                                let number = i + 1;
                                let claims: Vec<String> = step
                                    .claims
                                    .iter()
                                    .filter_map(|&c| map.claim(c))
                                    .map(|c| format!("• {}", excerpt(&c.text, 80)))
                                    .collect();
                                ui.label(format!("{number}. {}", step.title))
                                    .on_hover_text(claims.join("\n"));
                                ui.weak(crate::model::count(step.claims.len(), "claim", "claims"));
                                ui.horizontal(|ui| {
                                    let mut moved =
                                        |ui: &mut egui::Ui, word: &str, to: Option<usize>| {
                                            let name = format!("Move step {number} {word}");
                                            let button = ui
                                                .add_enabled(to.is_some(), egui::Button::new(word));
                                            button.widget_info(|| {
                                                egui::WidgetInfo::labeled(
                                                    egui::Role::Button,
                                                    to.is_some(),
                                                    &name,
                                                )
                                            });
                                            if let Some(to) = to
                                                && button.clicked()
                                            {
                                                let mut order = steps.clone();
                                                order.swap(i, to);
                                                actions.push(Action::Edit(
                                                    name.clone(),
                                                    Edit::SetSteps(order),
                                                ));
                                            }
                                        };
                                    moved(ui, "up", i.checked_sub(1));
                                    moved(ui, "down", (i < last).then_some(i + 1));
                                });
                                ui.end_row();
                            }
                        });
                });
            ui.add_space(6.0);
            let reset = ui.add_enabled(
                chosen,
                egui::Button::new("Use the order worked out from the map"),
            );
            if reset.clicked() {
                actions.push(Action::Edit(
                    "Use the worked-out presentation order".to_owned(),
                    Edit::SetSteps(Vec::new()),
                ));
            }
        });
    if !open {
        actions.push(Action::CloseWindow(Window::Steps));
    }
}
