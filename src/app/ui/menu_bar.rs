//! The menu bar, built from the command table: every menu lists the
//! commands the table puts in it, in the table's order, with a separator
//! where the table starts a group. Beside them go the lists the table
//! cannot know: File ▸ Open example, Open recent and the export formats,
//! Teach ▸ Compare with an example, View ▸ Theme.

use super::Enabled;
use crate::app::actions::{Action, ExportChoice, Pending};
use crate::app::state::AppState;
use crate::app::{Command, commands};
use crate::corpus;
use crate::exchange::Export;
use egui::{RichText, Ui};

/// Everything a menu needs to draw its items.
struct Menus<'a> {
    state: &'a AppState,
    enabled: &'a Enabled,
}

impl Menus<'_> {
    fn item(&self, ui: &mut Ui, command: Command, actions: &mut Vec<Action>) {
        let state = self.state;
        let label = match command {
            Command::Undo => state
                .doc
                .history
                .undo_label()
                .map(|step| format!("Undo {}", step.to_lowercase())),
            Command::Redo => state
                .doc
                .history
                .redo_label()
                .map(|step| format!("Redo {}", step.to_lowercase())),
            Command::ToggleReader => Some(
                if state.panes.reader {
                    "Hide reader"
                } else {
                    "Show reader"
                }
                .to_owned(),
            ),
            Command::ToggleInspector => Some(
                if state.panes.inspector {
                    "Hide inspector"
                } else {
                    "Show inspector"
                }
                .to_owned(),
            ),
            _ => None,
        }
        .unwrap_or_else(|| command.label().to_owned());
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(commands::shortcut_label(ui.ctx(), &shortcut));
        }
        if ui
            .add_enabled(self.enabled.get(command), button)
            .on_hover_text(command.help())
            .clicked()
        {
            actions.push(Action::Command(command));
            ui.close();
        }
    }

    /// Every command the table puts in `menu`, each with the lists that
    /// go with it.
    fn commands(&self, ui: &mut Ui, menu: &str, actions: &mut Vec<Action>) {
        for (i, command) in Command::all()
            .filter(|c| c.menu() == Some(menu))
            .enumerate()
        {
            if i > 0 && command.starts_group() {
                ui.separator();
            }
            match command {
                // The formats, each its own item, beside the window for all.
                Command::Export => {
                    ui.menu_button("Export", |ui| export_menu(ui, self, actions));
                }
                _ => self.item(ui, command, actions),
            }
            match command {
                Command::Open => {
                    ui.menu_button("Open example", |ui| example_menu(ui, actions));
                    ui.menu_button("Open recent", |ui| recent_menu(ui, self.state, actions));
                }
                Command::Compare => {
                    ui.menu_button("Compare with an example", |ui| {
                        compare_example_menu(ui, actions);
                    });
                }
                _ => {}
            }
        }
    }
}

pub fn menu_bar(ui: &mut Ui, state: &AppState, enabled: &Enabled, actions: &mut Vec<Action>) {
    let menus = Menus { state, enabled };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| menus.commands(ui, "File", actions));
        ui.menu_button("Edit", |ui| menus.commands(ui, "Edit", actions));
        ui.menu_button("Map", |ui| menus.commands(ui, "Map", actions));
        ui.menu_button("Teach", |ui| menus.commands(ui, "Teach", actions));
        ui.menu_button("View", |ui| {
            menus.commands(ui, "View", actions);
            ui.separator();
            ui.menu_button("Theme", |ui| theme_menu(ui, state, actions));
        });
        ui.menu_button("Help", |ui| {
            menus.commands(ui, "Help", actions);
            ui.separator();
            let version = concat!("Argmap ", env!("CARGO_PKG_VERSION"));
            if state.renderer.is_empty() {
                ui.weak(version);
            } else {
                ui.weak(format!("{version}, drawn with {}", state.renderer));
            }
        });
    });
}

fn example_menu(ui: &mut Ui, actions: &mut Vec<Action>) {
    for (index, example) in corpus::examples().iter().enumerate() {
        if ui
            .button(example.title)
            .on_hover_text(example.file)
            .clicked()
        {
            actions.push(Action::Open(Pending::OpenExample(index)));
            ui.close();
        }
    }
}

/// A bundled map as the model answer, without saving it first.
fn compare_example_menu(ui: &mut Ui, actions: &mut Vec<Action>) {
    for (index, example) in corpus::examples().iter().enumerate() {
        if ui
            .button(example.title)
            .on_hover_text(format!("Compare the open map with {}", example.file))
            .clicked()
        {
            actions.push(Action::CompareWithExample(index));
            ui.close();
        }
    }
}

fn recent_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    if state.recent.is_empty() {
        ui.label(RichText::new("No recent maps").weak());
    }
    for path in &state.recent {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if ui
            .button(name)
            .on_hover_text(path.display().to_string())
            .clicked()
        {
            actions.push(Action::Open(Pending::OpenPath(path.clone())));
            ui.close();
        }
    }
    if !state.recent.is_empty() && ui.button("Clear list").clicked() {
        actions.push(Action::ClearRecent);
        ui.close();
    }
}

/// File ▸ Export: the window with every option, then each format directly.
/// Text formats go straight to the save dialog; pictures and printed maps
/// open the window, which has their options.
fn export_menu(ui: &mut Ui, menus: &Menus<'_>, actions: &mut Vec<Action>) {
    menus.item(ui, Command::Export, actions);
    ui.separator();
    for kind in Export::all() {
        if ui.button(format!("{}…", kind.label())).clicked() {
            let choice = ExportChoice {
                kind,
                ..menus.state.windows.export.clone().unwrap_or_default()
            };
            actions.push(if kind.has_options() {
                Action::ExportOptions(choice)
            } else {
                Action::Export(choice)
            });
            ui.close();
        }
    }
}

fn theme_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let mut preference = ui.ctx().options(|o| o.theme_preference);
    let before = preference;
    ui.radio_value(
        &mut preference,
        egui::ThemePreference::System,
        "Follow system",
    );
    ui.radio_value(&mut preference, egui::ThemePreference::Light, "Light");
    ui.radio_value(&mut preference, egui::ThemePreference::Dark, "Dark");
    if preference != before {
        actions.push(Action::SetTheme(preference));
    }
    ui.separator();
    let mut contrast = state.settings.high_contrast;
    if ui
        .checkbox(&mut contrast, "High contrast")
        .on_hover_text("Black and white, every edge drawn: for low vision and bright projectors")
        .changed()
    {
        actions.push(Action::SetHighContrast(contrast));
    }
}
