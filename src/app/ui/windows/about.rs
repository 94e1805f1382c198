//! Help ▸ About Argmap: what a teacher or a school's IT department asks
//! first when something goes wrong: which version, how the window is
//! drawn, under which licence, and where Argmap keeps its own files.

use crate::app::actions::{Action, Window};
use crate::app::state::AppState;
use egui::RichText;

/// The facts the window shows, as label and value, in order.
pub fn facts(state: &AppState) -> Vec<(&'static str, String)> {
    let unknown = || "not known on this system".to_owned();
    vec![
        ("Version", env!("CARGO_PKG_VERSION").to_owned()),
        (
            "Drawn with",
            if state.renderer.is_empty() {
                "not yet known".to_owned()
            } else {
                state.renderer.clone()
            },
        ),
        ("Licence", env!("CARGO_PKG_LICENSE").replace(" OR ", " or ")),
        (
            "Settings",
            state.places.settings.clone().unwrap_or_else(unknown),
        ),
        (
            "Recovery copies",
            state.places.recovery.clone().unwrap_or_else(unknown),
        ),
    ]
}

pub fn about(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if !state.windows.about {
        return;
    }
    let mut open = true;
    let screen = ctx.content_rect();
    let facts = facts(state);
    super::centred("About Argmap", ctx)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.set_max_width((screen.width() - 80.0).clamp(260.0, 560.0));
            ui.label(RichText::new(format!("Argmap {}", env!("CARGO_PKG_VERSION"))).heading());
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.add_space(8.0);
            egui::Grid::new("about-facts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (label, value) in &facts {
                        ui.label(RichText::new(*label).strong());
                        // Selectable, so a path can be copied into a file manager.
                        ui.add(egui::Label::new(value.as_str()).selectable(true).wrap());
                        ui.end_row();
                    }
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .button("Copy these details")
                    .on_hover_text("For a message to whoever looks after Argmap at your school")
                    .clicked()
                {
                    let text: Vec<String> =
                        std::iter::once(format!("Argmap {}", env!("CARGO_PKG_VERSION")))
                            .chain(
                                facts
                                    .iter()
                                    .map(|(label, value)| format!("{label}: {value}")),
                            )
                            .collect();
                    ui.ctx().copy_text(text.join("\n"));
                }
                if ui.button("Close").clicked() {
                    actions.push(Action::CloseWindow(Window::About));
                }
            });
        });
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        actions.push(Action::CloseWindow(Window::About));
    }
}
