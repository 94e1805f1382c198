//! One frame of the window: keyboard shortcuts, menu bar, panels, status bar,
//! dialogs, and finally the actions the panels asked for.

use super::{Action, ArgmapApp, Command, Pending, commands, menus, windows};
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

    egui::Panel::top("menu-bar").show(ui, |ui| menus::menu_bar(app, ui, &mut actions));
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

    windows::prompt(app, &ctx);
    windows::shortcuts_window(app, &ctx);
    windows::export_window(app, &ctx);
    windows::import_summary(app, &ctx);
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
