//! Windows about files: the path typed where the system has no file
//! dialog, and what an import brought in.

use super::{escaped, typed_field};
use crate::app::actions::{Action, Window};
use crate::app::state::AppState;
use egui::{RichText, Ui};

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

/// Where the system has no file dialog: a field to type the file's path.
pub fn path_entry(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(entry) = &state.windows.path_entry else {
        return;
    };
    let mut text = entry.text.clone();
    let mut open = true;
    egui::Window::new(entry.request.title())
        .id(egui::Id::unique("argmap-path-entry"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.set_max_width((ctx.content_rect().width() - 60.0).clamp(240.0, 460.0));
            ui.label("No file dialog is available on this system. Type the file’s full path:");
            let entered = typed_field(ui, &mut text, "/home/me/maps/map.ron", "File path");
            path_preview(ui, &entry.request, &text);
            ui.horizontal_wrapped(|ui| {
                let go = if entry.request.saves() {
                    "Save"
                } else {
                    "Open"
                };
                if ui.button(go).clicked() || entered {
                    actions.push(Action::PathConfirmed);
                }
                if ui.button("Cancel").clicked() || escaped(ui) {
                    actions.push(Action::CloseWindow(Window::PathEntry));
                }
            });
        });
    if text != entry.text {
        actions.push(Action::PathText(text));
    }
    if !open {
        actions.push(Action::CloseWindow(Window::PathEntry));
    }
}

/// Under the typed path: the folder it is in (and whether there is such a
/// folder), and for a file to write, the exact file that will be written.
fn path_preview(ui: &mut Ui, request: &crate::app::dialogs::Request, typed: &str) {
    let typed = typed.trim();
    if typed.is_empty() {
        return;
    }
    let path = request.final_path(std::path::Path::new(typed));
    let shown = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
    let folder = shown.parent().map(std::path::Path::to_path_buf);
    let weak = |t: String| RichText::new(t).small().weak();
    match folder {
        Some(folder) if folder.is_dir() => {
            ui.label(weak(format!("In the folder {}", folder.display())));
        }
        Some(folder) => {
            ui.label(
                RichText::new(format!("There is no folder {}", folder.display()))
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        }
        None => {}
    }
    if request.saves() {
        ui.label(weak(format!("Writes {}", shown.display())));
    } else if !shown.is_file() {
        ui.label(
            RichText::new("No such file yet")
                .small()
                .color(ui.visuals().warn_fg_color),
        );
    }
}
