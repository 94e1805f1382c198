//! The Export window: every format, and a picture's or a printed map's options.

use crate::app::actions::{Action, ExportChoice, Window};
use crate::app::state::AppState;
use crate::exchange::{Export, Paper};

/// The Export window: every format, and a picture's options.
pub fn export(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(before) = &state.windows.export else {
        return;
    };
    let mut choice: ExportChoice = before.clone();
    let mut open = true;
    let mut go = false;
    egui::Window::new("Export")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            for kind in Export::all() {
                ui.radio_value(&mut choice.kind, kind, kind.label());
            }
            if choice.kind.takes_selection() {
                ui.separator();
                let has_selection = !state.selection.claims.is_empty();
                ui.add_enabled(
                    has_selection,
                    egui::Checkbox::new(&mut choice.selection_only, "Only the selected claims"),
                );
                if !has_selection {
                    choice.selection_only = false;
                }
            }
            if choice.kind == Export::Png {
                ui.add(
                    egui::Slider::new(&mut choice.scale, 0.5..=4.0)
                        .text("scale (pixels per canvas unit)"),
                );
            }
            if choice.kind == Export::Pdf {
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label("Paper:");
                    for paper in [Paper::A4, Paper::Letter] {
                        ui.radio_value(&mut choice.paper, paper, paper.label());
                    }
                });
                ui.checkbox(&mut choice.fit, "Fit the whole map on one page")
                    .on_hover_text(
                        "Otherwise a map whose words would be too small on one page is printed across several, with an overview first.",
                    );
            }
            ui.separator();
            go = ui.button("Export…").clicked();
        });
    if go {
        actions.push(Action::Export(choice));
    } else if !open {
        actions.push(Action::CloseWindow(Window::Export));
    } else if choice != *before {
        actions.push(Action::ExportOptions(choice));
    }
}
