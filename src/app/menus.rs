//! The menu bar, built from the command table; File ▸ Open example, Open
//! recent and Export are the lists the table cannot know.

use super::{Action, ArgmapApp, Command, Pending, commands};
use crate::corpus;
use egui::{RichText, Ui};

fn menu_item(app: &ArgmapApp, ui: &mut Ui, command: Command, actions: &mut Vec<Action>) {
    let mut label = command.label().to_owned();
    match command {
        Command::Undo => {
            if let Some(step) = app.doc.history.undo_label() {
                label = format!("Undo {}", step.to_lowercase());
            }
        }
        Command::Redo => {
            if let Some(step) = app.doc.history.redo_label() {
                label = format!("Redo {}", step.to_lowercase());
            }
        }
        Command::ToggleReader => {
            label = if app.show_reader {
                "Hide reader"
            } else {
                "Show reader"
            }
            .to_owned()
        }
        Command::ToggleInspector => {
            label = if app.show_inspector {
                "Hide inspector"
            } else {
                "Show inspector"
            }
            .to_owned()
        }
        _ => {}
    }
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(commands::shortcut_label(ui.ctx(), &shortcut));
    }
    if ui
        .add_enabled(app.is_enabled(command), button)
        .on_hover_text(command.help())
        .clicked()
    {
        actions.push(Action::Command(command));
        ui.close();
    }
}

fn menu_commands(app: &ArgmapApp, ui: &mut Ui, menu: &str, actions: &mut Vec<Action>) {
    for command in Command::ALL.iter().filter(|c| c.menu() == Some(menu)) {
        menu_item(app, ui, *command, actions);
    }
}

pub(super) fn menu_bar(app: &mut ArgmapApp, ui: &mut Ui, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for command in [Command::New, Command::Open] {
                menu_item(app, ui, command, actions);
            }
            ui.menu_button("Open example", |ui| {
                for (index, example) in corpus::examples().iter().enumerate() {
                    if ui
                        .button(example.title)
                        .on_hover_text(example.file)
                        .clicked()
                    {
                        app.request(Pending::OpenExample(index));
                        ui.close();
                    }
                }
            });
            ui.menu_button("Open recent", |ui| {
                if app.recent.is_empty() {
                    ui.label(RichText::new("No recent maps").weak());
                }
                let mut chosen = None;
                for path in &app.recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        chosen = Some(path.clone());
                        ui.close();
                    }
                }
                if !app.recent.is_empty() && ui.button("Clear list").clicked() {
                    app.recent.clear();
                    ui.close();
                }
                if let Some(path) = chosen {
                    app.request(Pending::OpenPath(path));
                }
            });
            ui.separator();
            for command in [
                Command::Save,
                Command::SaveAs,
                Command::AddSource,
                Command::Import,
            ] {
                menu_item(app, ui, command, actions);
            }
            ui.menu_button("Export", |ui| export_menu(app, ui, actions));
            ui.separator();
            menu_item(app, ui, Command::Quit, actions);
        });
        ui.menu_button("Edit", |ui| menu_commands(app, ui, "Edit", actions));
        ui.menu_button("Map", |ui| menu_commands(app, ui, "Map", actions));
        ui.menu_button("Teach", |ui| menu_commands(app, ui, "Teach", actions));
        ui.menu_button("View", |ui| {
            menu_commands(app, ui, "View", actions);
            ui.separator();
            ui.menu_button("Theme", |ui| {
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
                    ui.ctx().set_theme(preference);
                }
            });
        });
        ui.menu_button("Help", |ui| menu_commands(app, ui, "Help", actions));
    });
}

/// File ▸ Export: the window with every option, then each format directly.
/// Text formats go straight to the save dialog; pictures open the window,
/// which has their options.
fn export_menu(app: &mut ArgmapApp, ui: &mut Ui, actions: &mut Vec<Action>) {
    menu_item(app, ui, Command::Export, actions);
    ui.separator();
    for kind in crate::exchange::files::Export::ALL {
        if ui.button(format!("{}…", kind.label())).clicked() {
            let choice = super::ExportChoice {
                kind,
                ..app.export.clone().unwrap_or_default()
            };
            if kind.is_image() {
                app.export = Some(choice);
            } else {
                actions.push(Action::Export(choice));
            }
            ui.close();
        }
    }
}
