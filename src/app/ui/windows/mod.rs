//! The windows over the editor, each in the file named for what it asks
//! or shows: `questions` (save first?, a file changed on disk, work to
//! recover, an interrupted save), `merge` (a classmate's copy brought in,
//! changes since an earlier version), `files` (the path typed where there is
//! no file dialog, the import summary), `export`, `find_claim`, and
//! `help` (keyboard shortcuts, the welcome), `about` (version, renderer,
//! licence, where Argmap keeps its files), `steps` (the order of a
//! presentation), `sources` (a document read for Add source, checked
//! before it is added). Each reads the app's state
//! and returns what the user chose as actions.

mod about;
mod export;
mod files;
mod find_claim;
mod help;
mod merge;
mod new_debate;
mod questions;
mod sources;
mod steps;

pub use about::about;
pub use export::export;
pub use files::{import_summary, path_entry};
pub use find_claim::find_claim;
pub use help::{shortcuts, welcome};
pub use merge::{changes, merge};
pub use new_debate::new_debate;
pub use questions::{conflict, interrupted, prompt, recovered, reload_offer};
pub use sources::source_preview;
pub use steps::steps;

/// A window of a fixed size in the middle of the screen, as Help's windows
/// are: it folds nothing away and keeps its size.
pub(super) fn centred<'open>(title: &str, ctx: &egui::Context) -> egui::Window<'open> {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
}

/// A one-line field a small window is opened for: named `label` for
/// screen readers, given the keyboard with its words selected as the
/// window opens. Returns whether Enter was pressed in it.
pub(super) fn typed_field(ui: &mut egui::Ui, text: &mut String, hint: &str, label: &str) -> bool {
    let width = ui.available_width().clamp(200.0, 420.0);
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(width)
            .hint_text(hint),
    );
    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    crate::app::ui::fields::take_keyboard_when_shown(ui, &field, text);
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Escape pressed while a window's field had the keyboard.
pub(super) fn escaped(ui: &egui::Ui) -> bool {
    ui.input(|i| i.key_pressed(egui::Key::Escape))
}
