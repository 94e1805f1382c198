//! Help's windows: the keyboard shortcuts (from the command table) and
//! the welcome a newcomer sees at first start.

use crate::app::actions::{Action, Window};
use crate::app::state::AppState;
use crate::app::{Command, commands};
use egui::{RichText, Ui};

/// Help ▸ Keyboard shortcuts: the command table, grouped as the menus are.
pub fn shortcuts(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if !state.windows.shortcuts {
        return;
    }
    let mut open = true;
    let screen = ctx.content_rect();
    super::centred("Keyboard shortcuts", ctx)
        .open(&mut open)
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
                    ui.label(RichText::new(canvas_hint(ctx)).weak());
                });
        });
    if !open {
        actions.push(Action::CloseWindow(Window::Shortcuts));
    }
}

/// What the pointer does on the canvas, with the platform's zoom modifier.
fn canvas_hint(ctx: &egui::Context) -> String {
    let is_mac = ctx.os().is_mac();
    let names = if is_mac {
        egui::ModifierNames::SYMBOLS
    } else {
        egui::ModifierNames::NAMES
    };
    let zoom = names.format(&egui::Modifiers::COMMAND, is_mac);
    format!(
        "On the canvas: drag empty space to pan, Shift+drag to select several, \
         {zoom}{}scroll to zoom, double-click a claim to edit it, drag from a claim’s lower \
         handle onto another claim to link them.",
        names.concat
    )
}

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

/// The first start: what is on the screen, and four ways to begin. A
/// returning user turns it off (Help ▸ Welcome shows it again).
pub fn welcome(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if !state.windows.welcome {
        return;
    }
    let mut open = true;
    let screen = ctx.content_rect();
    super::centred("Welcome to Argmap", ctx)
        .id(egui::Id::unique("argmap-welcome"))
        .open(&mut open)
        .show(ctx, |ui| {
            ui.set_max_width((screen.width() - 80.0).clamp(260.0, 460.0));
            ui.label(
                "On the map: a real debate. Should the United States talk to Putin? \
                 Michael Kimmage (blue) says yes, through patient diplomacy; David Kramer \
                 (orange) says talking won't work. Each card is a claim quoted from one of \
                 their articles (the reader on the left shows them); a solid arrow with + \
                 supports a claim, a dashed arrow with − rebuts it.",
            );
            ui.add_space(8.0);
            ui.label(RichText::new("Where would you like to begin?").strong());
            let wide = |ui: &mut Ui, text: &str, tip: &str| {
                let width = ui.available_width();
                ui.add_sized([width, 28.0], egui::Button::new(text))
                    .on_hover_text(tip)
                    .clicked()
            };
            use crate::app::actions::WelcomeChoice as Choice;
            for (choice, text, tip) in [
                (
                    Choice::Tutorial,
                    "Take the tutorial: your first map, in ten steps",
                    Command::Tutorial.help(),
                ),
                (
                    Choice::Explore,
                    "Explore the debate",
                    "Click a claim to read it, with its source, in the inspector on the right",
                ),
                (
                    Choice::NewMap,
                    "Start a map from the articles",
                    "A new map: select a passage in the reader and drag it onto the canvas",
                ),
                (
                    Choice::NewDebate,
                    "Start a debate of your own…",
                    Command::NewDebate.help(),
                ),
                (Choice::Open, "Open a map…", Command::Open.help()),
            ] {
                if wide(ui, text, tip) {
                    actions.push(Action::Welcome(choice));
                }
            }
            ui.add_space(6.0);
            let mut again = state.settings.welcome_at_start;
            if ui
                .checkbox(&mut again, "Show this window when Argmap starts")
                .changed()
            {
                actions.push(Action::WelcomeAtStart(again));
            }
        });
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        actions.push(Action::CloseWindow(Window::Welcome));
    }
}
