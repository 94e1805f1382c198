//! The keyboard: shortcuts from the command table, and cut, copy and paste,
//! which reach the window as clipboard events rather than keys.

use super::Panels;
use crate::app::actions::Action;
use crate::app::state::AppState;
use crate::app::{Command, commands};
use egui::Key;

/// Cut, copy and paste, unless a text field or a selected label takes them.
pub fn clipboard_events(ctx: &egui::Context, actions: &mut Vec<Action>) {
    let label_selected = ctx
        .plugin_opt::<egui::text_selection::LabelSelectionState>()
        .is_some_and(|p| p.lock().has_selection());
    if ctx.egui_wants_keyboard_input() || label_selected {
        return;
    }
    ctx.input(|i| {
        for event in &i.events {
            match event {
                egui::Event::Copy => actions.push(Action::Command(Command::Copy)),
                egui::Event::Cut => actions.push(Action::Command(Command::Cut)),
                egui::Event::Paste(text) => actions.push(Action::Paste(text.clone())),
                _ => {}
            }
        }
    });
}

/// Present mode has the keyboard to itself: on, back, to either end, out.
/// The keys a presenter's remote sends (Page Down, Page Up) work too.
fn presenting(ctx: &egui::Context, actions: &mut Vec<Action>) {
    use crate::app::actions::PresentMove;
    let moves = [
        (Key::ArrowRight, PresentMove::Next),
        (Key::Space, PresentMove::Next),
        (Key::PageDown, PresentMove::Next),
        (Key::Enter, PresentMove::Next),
        (Key::ArrowLeft, PresentMove::Back),
        (Key::PageUp, PresentMove::Back),
        (Key::Backspace, PresentMove::Back),
        (Key::Home, PresentMove::First),
        (Key::End, PresentMove::Last),
        (Key::Escape, PresentMove::Leave),
    ];
    for (key, how) in moves {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
            actions.push(Action::Present(how));
        }
    }
}

/// Shortcuts pressed this frame, as commands.
pub fn shortcuts(
    ctx: &egui::Context,
    state: &AppState,
    panels: &mut Panels,
    actions: &mut Vec<Action>,
) {
    // A window that asks for a path has the keyboard to itself.
    if state.windows.path_entry.is_some() {
        return;
    }
    if state.view.presenting.is_some() {
        presenting(ctx, actions);
        return;
    }
    let typing = ctx.egui_wants_keyboard_input();
    let editing = panels.canvas.is_editing();
    // Escape and the arrows belong to an open menu, popup, card editor or the
    // find field first.
    let busy = editing
        || panels.canvas.is_choosing_link()
        || panels.reader.find_has_focus()
        || panels.reader.text_has_focus()
        || state.windows.find_claim.is_some()
        || state.windows.welcome
        || state.windows.about
        || state.windows.source_preview.is_some()
        || state.windows.new_debate.is_some()
        || egui::Popup::is_any_open(ctx);
    for (shortcut, command) in commands::shortcut_order() {
        if typing && !command.works_while_typing() {
            continue;
        }
        if editing && shortcut.logical_key == Key::Enter {
            continue;
        }
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
                panels.inspector.commit(&state.doc.map, actions);
            }
            actions.push(Action::Command(command));
        }
    }
}
