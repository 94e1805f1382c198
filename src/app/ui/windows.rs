//! The windows over the editor: the unsaved-changes question, keyboard
//! shortcuts, export options and the import summary.

use crate::app::actions::{
    Action, ExportChoice, Pending, PromptAnswer, Recovery, Resolution, Window,
};
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
        | Pending::Import(_)
        | Pending::Recover(_) => "opening another map",
        Pending::Close => "closing",
        Pending::Tutorial => "starting the tutorial",
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

/// A one-line field a small window is opened for: named `label` for
/// screen readers, given the keyboard while empty. Returns whether Enter
/// was pressed in it.
fn typed_field(ui: &mut egui::Ui, text: &mut String, hint: &str, label: &str) -> bool {
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(420.0)
            .hint_text(hint),
    );
    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    if !field.has_focus() && text.is_empty() {
        field.request_focus();
    }
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// How many claims Find claim lists at once.
const FOUND_MAX: usize = 30;

/// Find claim: words typed, the claims that hold them; a click (or Enter,
/// for the first) selects the claim and brings it into view.
pub fn find_claim(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(words) = &state.windows.find_claim else {
        return;
    };
    let mut text = words.clone();
    let mut open = true;
    egui::Window::new("Find claim")
        .id(egui::Id::unique("argmap-find-claim"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 60.0))
        .show(ctx, |ui| {
            let entered = typed_field(
                ui,
                &mut text,
                "Words from the claim or its label",
                "Claim words",
            );
            let map = &state.doc.map;
            let (found, total) = crate::analysis::search::claims_with_words(map, &text, FOUND_MAX);
            if !text.trim().is_empty() {
                let said = match total {
                    0 => "No claim has these words".to_owned(),
                    n if n > found.len() => format!("{n} claims; the first {} here", found.len()),
                    1 => "1 claim".to_owned(),
                    n => format!("{n} claims"),
                };
                ui.label(RichText::new(said).weak());
            }
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for id in &found {
                        let Some(claim) = map.claim(*id) else {
                            continue;
                        };
                        let shown = if claim.label.is_empty() {
                            crate::model::excerpt(&claim.text, 90)
                        } else {
                            format!(
                                "{}: {}",
                                claim.label,
                                crate::model::excerpt(&claim.text, 70)
                            )
                        };
                        if ui.selectable_label(false, shown).clicked() {
                            actions.push(Action::GoToClaim(*id));
                        }
                    }
                });
            if entered && let Some(first) = found.first() {
                actions.push(Action::GoToClaim(*first));
            }
        });
    if text != *words {
        actions.push(Action::FindClaimText(text));
    }
    if !open {
        actions.push(Action::CloseWindow(Window::FindClaim));
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
            ui.label("No file dialog is available on this system. Type the file’s full path:");
            let entered = typed_field(ui, &mut text, "/home/me/maps/map.ron", "File path");
            ui.horizontal(|ui| {
                let go = if entry.request.saves() {
                    "Save"
                } else {
                    "Open"
                };
                if ui.button(go).clicked() || entered {
                    actions.push(Action::PathConfirmed);
                }
                if ui.button("Cancel").clicked() {
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

/// The map's file changed on disk since Argmap read it: asked before saving.
pub fn conflict(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if state.windows.conflict.is_none() {
        return;
    }
    let name = state.doc.name();
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("argmap-conflict")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading("Changed on disk");
        ui.label(format!(
            "Another program changed “{name}” since Argmap opened it. Saving now would replace those changes."
        ));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Save over it").clicked() {
                answer = Some(Resolution::Overwrite);
            }
            if ui.button("Save as…").clicked() {
                answer = Some(Resolution::SaveAs);
            }
            if ui
                .button("Reload from disk")
                .on_hover_text("Open the file as it is now; your changes are kept as a recovery copy")
                .clicked()
            {
                answer = Some(Resolution::Reload);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Resolution::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Resolution::Cancel);
    }
    if let Some(answer) = answer {
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
    let Some(leftover) = &state.windows.interrupted else {
        return;
    };
    egui::Window::new("An interrupted save")
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.label(format!(
                "A save of “{}” was cut short, and what it was writing is newer than the map. Take it back?",
                state.doc.name()
            ));
            ui.label(RichText::new(leftover.display().to_string()).small().weak());
            ui.horizontal(|ui| {
                if ui.button("Take it back").clicked() {
                    actions.push(Action::TakeInterrupted(true));
                }
                if ui.button("Discard it").clicked() {
                    actions.push(Action::TakeInterrupted(false));
                }
            });
        });
}
