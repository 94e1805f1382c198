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

/// Gives `field` the keyboard, its words selected, in the first frame it
/// is shown (a window just opened), and leaves it alone after that.
pub fn take_keyboard_when_shown(ui: &egui::Ui, field: &egui::Response, text: &str) {
    let ctx = ui.ctx();
    let pass = ctx.cumulative_pass_nr();
    let key = field.id.with("argmap-last-shown");
    let last: Option<u64> = ctx.data(|d| d.get_temp(key));
    ctx.data_mut(|d| d.insert_temp(key, pass));
    if last.is_none_or(|last| last + 1 < pass) {
        take_keyboard(ui, field, text);
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
