//! The Export window: every format, and a picture's options.

use crate::app::actions::{Action, ExportChoice, Window};
use crate::app::state::AppState;
use crate::exchange::Export;

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
            if choice.kind.is_image() {
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
