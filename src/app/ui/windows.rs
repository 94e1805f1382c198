//! The windows over the editor: the unsaved-changes question, keyboard
//! shortcuts, export options and the import summary.

use crate::app::actions::{Action, ExportChoice, Pending, PromptAnswer, Window};
use crate::app::state::AppState;
use crate::app::{Command, commands};
use crate::exchange::Export;
use egui::{RichText, Ui};

/// "Save the changes first?" in front of what would lose them.
pub fn prompt(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(pending) = &state.prompt else {
        return;
    };
    let doing = match pending {
        Pending::New => "starting a new map",
        Pending::OpenDialog
        | Pending::OpenPath(_)
        | Pending::OpenExample(_)
        | Pending::Import(_) => "opening another map",
        Pending::Close => "closing",
    };
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("argmap-unsaved")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading("Unsaved changes");
        ui.label(format!(
            "Save the changes to “{}” before {doing}?",
            state.doc.name()
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(PromptAnswer::Save);
            }
            if ui.button("Don’t save").clicked() {
                answer = Some(PromptAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(PromptAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(PromptAnswer::Cancel);
    }
    if let Some(answer) = answer {
        actions.push(Action::AnswerPrompt(answer));
    }
}

/// Help ▸ Keyboard shortcuts: the command table, grouped as the menus are.
pub fn shortcuts(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if !state.windows.shortcuts {
        return;
    }
    let mut open = true;
    let screen = ctx.content_rect();
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .show(ctx, |ui| {
            let height = (screen.height() - 160.0).max(200.0);
            egui::ScrollArea::vertical()
                .max_height(height)
                .min_scrolled_height(height)
                .show(ui, |ui| {
                    ui.columns(2, |columns| {
                        let groups: [(&[&str], usize); 2] = [
                            (&["File", "Edit"], 0),
                            (&["Map", "View", "Teach", "Help", ""], 1),
                        ];
                        for (menus, column) in groups {
                            for menu in menus {
                                shortcut_group(ctx, &mut columns[column], menu);
                            }
                        }
                    });
                    ui.add_space(6.0);
                    ui.label(RichText::new(CANVAS_HINT).weak());
                });
        });
    if !open {
        actions.push(Action::CloseWindow(Window::Shortcuts));
    }
}

const CANVAS_HINT: &str = "On the canvas: drag empty space to pan, Shift+drag to select several, \
    Ctrl+scroll to zoom, double-click a claim to edit it, drag from a claim’s lower handle onto \
    another claim to link them.";

/// One menu's commands with their keys; `""` gathers the commands no menu lists.
fn shortcut_group(ctx: &egui::Context, ui: &mut Ui, menu: &str) {
    let commands: Vec<Command> = Command::all()
        .filter(|c| c.shortcut().is_some() && c.menu().unwrap_or("") == menu)
        .collect();
    if commands.is_empty() {
        return;
    }
    ui.label(RichText::new(if menu.is_empty() { "Canvas" } else { menu }).strong());
    egui::Grid::new(("shortcut-grid", menu))
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for command in commands {
                let keys: Vec<String> = command
                    .shortcut()
                    .iter()
                    .chain(command.alternatives())
                    .map(|s| commands::shortcut_label(ctx, s))
                    .collect();
                ui.label(command.label());
                ui.label(RichText::new(keys.join(" or ")).monospace());
                ui.end_row();
            }
        });
    ui.add_space(8.0);
}

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

/// What the last import brought in and what it left out.
pub fn import_summary(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(summary) = &state.windows.import_summary else {
        return;
    };
    let mut open = true;
    egui::Window::new("Import summary")
        .open(&mut open)
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(summary);
        });
    if !open {
        actions.push(Action::CloseWindow(Window::ImportSummary));
    }
}
