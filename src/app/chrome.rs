//! One frame of the window: keyboard shortcuts, menu bar, panels, status bar,
//! dialogs, and finally the actions the panels asked for.

use super::{Action, ArgmapApp, Command, Pending, PromptAnswer, commands};
use crate::corpus;
use crate::model::count;
use egui::{Key, RichText, Ui};

pub fn frame(app: &mut ArgmapApp, ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    let mut actions = Vec::new();

    if ctx.input(|i| i.viewport().close_requested()) && app.doc.is_dirty() && !app.allow_close {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        app.prompt = Some(Pending::Close);
    }
    let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    if let Some(path) = dropped.into_iter().next() {
        app.request(Pending::OpenPath(path));
    }
    if app.prompt.is_none() {
        clipboard_events(app, &ctx);
        shortcuts(app, &ctx, &mut actions);
    }
    // A text field left by changing the selection is committed as its own step.
    if app.selection != app.last_selection {
        app.inspector.commit(&app.doc.map, &mut actions);
        if !app.selection.claims.is_empty() {
            app.reader_picked_last = false;
        }
        app.last_selection = app.selection.clone();
    }
    if app.reader.selection != app.last_reader_selection {
        if app.reader.selected_span().is_some() {
            app.reader_picked_last = true;
        }
        app.last_reader_selection = app.reader.selection;
    }

    egui::Panel::top("menu-bar").show(ui, |ui| menu_bar(app, ui, &mut actions));
    egui::Panel::bottom("status-bar").show(ui, |ui| status_bar(app, ui));
    if app.show_reader {
        egui::Panel::left("reader")
            .resizable(true)
            .default_size(350.0)
            .size_range(260.0..=900.0)
            .show(ui, |ui| {
                let selected = app.selection.single_claim();
                app.reader.show(ui, &app.doc.map, selected, &mut actions);
            });
    }
    if app.show_inspector {
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(250.0)
            .size_range(220.0..=600.0)
            .show(ui, |ui| {
                let comparison = app.teach.comparison.as_ref();
                app.inspector.show(
                    ui,
                    &app.doc.map,
                    &mut app.selection,
                    comparison,
                    &mut actions,
                )
            });
    }
    app.teach.refresh(&app.doc.map, app.doc.history.position());
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let overlay = app.teach.overlay();
        app.canvas
            .show(ui, &app.doc.map, &mut app.selection, &overlay, &mut actions);
        teach_bar(app, ui, &mut actions);
    });

    prompt(app, &ctx);
    shortcuts_window(app, &ctx);
    export_window(app, &ctx);
    import_summary(app, &ctx);
    app.handle(&ctx, actions);

    if app.allow_close && app.prompt.is_none() && ctx.input(|i| !i.viewport().close_requested()) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
    let title = app.window_title();
    if title != app.title {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
        app.title = title;
    }
}

/// Cut, copy and paste, unless a text field or a selected label takes them.
fn clipboard_events(app: &mut ArgmapApp, ctx: &egui::Context) {
    let label_selected = ctx
        .plugin_opt::<egui::text_selection::LabelSelectionState>()
        .is_some_and(|p| p.lock().has_selection());
    if ctx.egui_wants_keyboard_input() || label_selected {
        return;
    }
    let events = ctx.input(|i| i.events.clone());
    for event in events {
        match event {
            egui::Event::Copy => app.run(ctx, Command::Copy),
            egui::Event::Cut => app.run(ctx, Command::Cut),
            egui::Event::Paste(text) => app.paste(&text),
            _ => {}
        }
    }
}

fn shortcuts(app: &mut ArgmapApp, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let typing = ctx.egui_wants_keyboard_input();
    for (shortcut, command) in commands::shortcut_order() {
        if typing && !command.works_while_typing() {
            continue;
        }
        if app.canvas.editing.is_some() && shortcut.logical_key == Key::Enter {
            continue;
        }
        // Escape and the arrows belong to an open menu, popup or card editor first.
        let busy = app.canvas.editing.is_some()
            || app.canvas.pending_link.is_some()
            || egui::Popup::is_any_open(ctx);
        if busy
            && matches!(
                shortcut.logical_key,
                Key::Escape | Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown
            )
        {
            continue;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            if matches!(
                command,
                Command::Save
                    | Command::SaveAs
                    | Command::Undo
                    | Command::Redo
                    | Command::New
                    | Command::Open
            ) {
                // Keep what is being typed in the inspector as its own step first.
                let mut pending = Vec::new();
                app.inspector.commit(&app.doc.map, &mut pending);
                app.handle(ctx, pending);
            }
            actions.push(Action::Command(command));
        }
    }
}

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

fn menu_bar(app: &mut ArgmapApp, ui: &mut Ui, actions: &mut Vec<Action>) {
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

fn status_bar(app: &mut ArgmapApp, ui: &mut Ui) {
    ui.horizontal(|ui| {
        let dirty = if app.doc.is_dirty() {
            " • unsaved changes"
        } else {
            ""
        };
        ui.label(RichText::new(format!("{}{dirty}", app.doc.name())).strong());
        ui.separator();
        let map = &app.doc.map;
        ui.label(format!(
            "{} · {} · {}",
            count(map.claims.len(), "claim", "claims"),
            count(map.links.len(), "link", "links"),
            count(map.sources.len(), "source", "sources")
        ));
        ui.separator();
        ui.label(format!("{:.0} %", app.canvas.view.zoom * 100.0));
        if !app.status.text.is_empty() {
            ui.separator();
            if app.status.error {
                let colour = ui.visuals().error_fg_color;
                ui.label(RichText::new(&app.status.text).color(colour));
                if ui
                    .small_button("×")
                    .on_hover_text("Dismiss this message")
                    .clicked()
                {
                    app.status = super::Status::default();
                }
            } else {
                ui.label(&app.status.text);
            }
        }
    });
}

fn prompt(app: &mut ArgmapApp, ctx: &egui::Context) {
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
fn shortcuts_window(app: &mut ArgmapApp, ctx: &egui::Context) {
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

/// A strip over the top of the canvas while a teaching view is on.
fn teach_bar(app: &ArgmapApp, ui: &mut Ui, actions: &mut Vec<Action>) {
    if !app.teach.evaluate && app.teach.comparison.is_none() {
        return;
    }
    let rect = app.canvas.rect;
    let area = egui::Area::new(egui::Id::unique("argmap-teach-bar"))
        .order(egui::Order::Foreground)
        .fixed_pos(rect.left_top() + egui::vec2(8.0, 8.0));
    area.show(ui.ctx(), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some(labelling) = app.teach.shown() {
                    let (accepted, defeated, undecided) = labelling.counts();
                    ui.label(RichText::new("Which claims stand").strong());
                    ui.label(format!(
                        "{accepted} accepted · {defeated} defeated · {undecided} undecided"
                    ));
                    let mode = if app.teach.preferred {
                        "Preferred"
                    } else {
                        "Grounded"
                    };
                    if ui
                        .button(mode)
                        .on_hover_text(Command::TogglePreferred.help())
                        .clicked()
                    {
                        actions.push(Action::Command(Command::TogglePreferred));
                    }
                    if app.teach.preferred {
                        match app.teach.positions() {
                            Some([]) | None => {
                                ui.label("too many undecided claims to list positions");
                            }
                            Some(positions) => {
                                let n = positions.len();
                                ui.label(format!("position {} of {n}", app.teach.position % n + 1));
                                if n > 1 && ui.button("Next position").clicked() {
                                    actions.push(Action::Command(Command::NextPosition));
                                }
                            }
                        }
                    }
                    if !app.teach.pins.is_empty()
                        && ui
                            .button(format!(
                                "Clear {}",
                                count(app.teach.pins.len(), "pin", "pins")
                            ))
                            .on_hover_text(Command::ClearPins.help())
                            .clicked()
                    {
                        actions.push(Action::Command(Command::ClearPins));
                    }
                    if app.is_enabled(Command::KeepPins)
                        && ui
                            .button(if app.teach.pins.is_empty() {
                                "Forget saved pins"
                            } else {
                                "Keep in map"
                            })
                            .on_hover_text(Command::KeepPins.help())
                            .clicked()
                    {
                        actions.push(Action::Command(Command::KeepPins));
                    }
                }
                if let Some(compared) = &app.teach.comparison {
                    if app.teach.evaluate {
                        ui.separator();
                    }
                    let r = &compared.result;
                    ui.label(RichText::new(format!("Compared with {}", compared.name)).strong());
                    ui.label(format!(
                        "claims F1 {:.2} · links F1 {:.2}",
                        r.claims.f1, r.link_score.f1
                    ));
                }
            });
        });
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

fn export_window(app: &mut ArgmapApp, ctx: &egui::Context) {
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

fn import_summary(app: &mut ArgmapApp, ctx: &egui::Context) {
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
