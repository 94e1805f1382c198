//! Small helpers every panel and window shares: a text field that takes the
//! keyboard with its words selected, and a command's tooltip with its keys
//! as the command table writes them (Cmd on macOS).

use crate::app::{Command, commands};
use egui::text_selection::CCursorRange;

/// Gives `field` the keyboard with all of `text` selected, so typing
/// replaces it and the arrow keys keep it.
pub fn take_keyboard(ui: &egui::Ui, field: &egui::Response, text: &str) {
    field.request_focus();
    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), field.id) {
        state
            .cursor
            .set_char_range(Some(CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), field.id);
    }
}

/// "Find in article (Ctrl+F)": a command's name with its keys, if it has any.
pub fn command_tip(ctx: &egui::Context, command: Command) -> String {
    match command.shortcut() {
        Some(shortcut) => format!(
            "{} ({})",
            command.label(),
            commands::shortcut_label(ctx, &shortcut)
        ),
        None => command.label().to_owned(),
    }
}

/// A command's keys as the menus write them, e.g. "Ctrl+F" (or "⌘F").
pub fn keys(ctx: &egui::Context, command: Command) -> String {
    command
        .shortcut()
        .map_or_else(String::new, |s| commands::shortcut_label(ctx, &s))
}
