//! The windows over the editor: the unsaved-changes question, keyboard
//! shortcuts, export options and the import summary.

use super::{ArgmapApp, Command, Pending, PromptAnswer, commands};
use egui::{RichText, Ui};

pub(super) fn prompt(app: &mut ArgmapApp, ctx: &egui::Context) {
    let Some(pending) = app.prompt.clone() else {
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
            app.doc.name()
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
        app.answer_prompt(answer);
    }
}

/// Help ▸ Keyboard shortcuts: the command table, grouped as the menus are.
pub(super) fn shortcuts_window(app: &mut ArgmapApp, ctx: &egui::Context) {
    let mut open = app.shortcuts_open;
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
    app.shortcuts_open = open;
}

const CANVAS_HINT: &str = "On the canvas: drag empty space to pan, Shift+drag to select several, \
    Ctrl+scroll to zoom, double-click a claim to edit it, drag from a claim’s lower handle onto \
    another claim to link them.";

/// One menu's commands with their keys; `""` gathers the commands no menu lists.
fn shortcut_group(ctx: &egui::Context, ui: &mut Ui, menu: &str) {
    let commands: Vec<Command> = Command::ALL
        .into_iter()
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

pub(super) fn export_window(app: &mut ArgmapApp, ctx: &egui::Context) {
    let Some(mut choice) = app.export.clone() else {
        return;
    };
    let mut open = true;
    let mut go = false;
    egui::Window::new("Export")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            for kind in crate::exchange::files::Export::ALL {
                ui.radio_value(&mut choice.kind, kind, kind.label());
            }
            if choice.kind.is_image() {
                ui.separator();
                let has_selection = !app.selection.claims.is_empty();
                ui.add_enabled(
                    has_selection,
                    egui::Checkbox::new(&mut choice.selection_only, "Only the selected claims"),
                );
                if !has_selection {
                    choice.selection_only = false;
                }
            }
            if choice.kind == crate::exchange::files::Export::Png {
                ui.add(
                    egui::Slider::new(&mut choice.scale, 0.5..=4.0)
                        .text("scale (pixels per canvas unit)"),
                );
            }
            ui.separator();
            go = ui.button("Export…").clicked();
        });
    if go {
        app.export = None;
        app.export_now(&choice);
    } else {
        app.export = open.then_some(choice);
    }
}

pub(super) fn import_summary(app: &mut ArgmapApp, ctx: &egui::Context) {
    let Some(summary) = app.import_summary.clone() else {
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
        app.import_summary = None;
    }
}
