//! The reader's top rows: the article picker with Find and Add, and the
//! find bar. Both fit the panel at any width: nothing here asks for more
//! room than the panel has, or the panel would grow.

use super::{Input, Reader};
use crate::app::Command;
use crate::app::actions::Action;
use crate::app::edit_builders;
use crate::app::ui::fields;
use crate::corpus;
use crate::model::{Map, Source, SourceId, excerpt};
use egui::{Align, Key, Ui, WidgetInfo};

impl Reader {
    /// The article list, in one fixed order (the bundled articles, then the
    /// map's own), so choosing one never moves the others.
    pub(super) fn picker(&self, ui: &mut Ui, input: &Input<'_>, actions: &mut Vec<Action>) {
        let map = input.map;
        let row = egui::Layout::right_to_left(Align::Center);
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), ui.spacing().interact_size.y),
            row,
            |ui| {
                if ui
                    .button("Add…")
                    .on_hover_text(format!(
                        "{} ({})",
                        Command::AddSource.label(),
                        Command::AddSource.help()
                    ))
                    .clicked()
                {
                    actions.push(Action::Command(Command::AddSource));
                }
                if ui
                    .button("Find")
                    .on_hover_text(fields::command_tip(ui.ctx(), Command::Find))
                    .clicked()
                {
                    actions.push(Action::Command(Command::Find));
                }
                let open = input.view.article.as_ref();
                let current = open
                    .and_then(|id| edit_builders::source_for(map, id))
                    .map_or_else(|| "Choose an article".to_owned(), source_name);
                // A combo box grows to fit its text, so the text is cut to the room there is.
                let width = (ui.available_width() - 70.0).max(80.0);
                let room = ((width - 30.0) / 7.5).max(8.0) as usize;
                egui::ComboBox::from_label("Article")
                    .selected_text(excerpt(&current, room))
                    .width(width)
                    .show_ui(ui, |ui| {
                        for (source, in_map) in listed(map) {
                            let text = if in_map {
                                format!("{} (on the map)", source_name(source))
                            } else {
                                source_name(source)
                            };
                            if ui
                                .selectable_label(open == Some(&source.id), text)
                                .clicked()
                            {
                                actions.push(Action::OpenArticle(source.id.clone()));
                            }
                        }
                    });
            },
        );
    }

    /// Find in article: the words, which match is on, and the way through
    /// them. Enter goes to the next match, Shift+Enter to the one before,
    /// Escape closes it.
    pub(super) fn find_bar(
        &mut self,
        ui: &mut Ui,
        input: &Input<'_>,
        matches: usize,
        actions: &mut Vec<Action>,
    ) {
        let find = &input.view.find;
        let mut query = find.query.clone();
        let escaped = self.find_had_focus && ui.input(|i| i.key_pressed(Key::Escape));
        let response = ui.add(
            egui::TextEdit::singleline(&mut query)
                .hint_text("Find in article")
                .desired_width(ui.available_width()),
        );
        response
            .widget_info(|| WidgetInfo::labeled(egui::Role::TextInput, true, "Find in article"));
        // egui takes the focus from the field as the frame begins, so
        // whether Escape was meant for it is last frame's say.
        self.find_had_focus = response.has_focus();
        if std::mem::take(&mut self.focus_find) {
            fields::take_keyboard(ui, &response, &query);
        }
        if query != find.query {
            actions.push(Action::FindText(query));
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            actions.push(Action::Command(if back {
                Command::FindPrevious
            } else {
                Command::FindNext
            }));
            response.request_focus();
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(match find.current(matches) {
                None if find.query.is_empty() => "Type words to find".to_owned(),
                None => "No matches".to_owned(),
                Some(at) => format!("{} of {matches}", at + 1),
            });
            for (command, text) in [
                (Command::FindPrevious, "Previous"),
                (Command::FindNext, "Next"),
            ] {
                if ui
                    .add_enabled(matches > 0, egui::Button::new(text))
                    .on_hover_text(fields::command_tip(ui.ctx(), command))
                    .clicked()
                {
                    actions.push(Action::Command(command));
                }
            }
            if ui
                .button("Close")
                .on_hover_text("Close find (Escape)")
                .clicked()
                || escaped
            {
                actions.push(Action::CloseFind);
            }
        });
    }
}

/// Every article the reader offers, in a fixed order, with whether the map
/// carries it: the bundled ones first, then the map's own.
fn listed(map: &Map) -> Vec<(&Source, bool)> {
    let bundled = corpus::articles().iter().map(|a| match map.source(&a.id) {
        Some(own) => (own, true),
        None => (a, false),
    });
    let own = map
        .sources
        .iter()
        .filter(|s| corpus::article(&s.id).is_none())
        .map(|s| (s, true));
    bundled.chain(own).collect()
}

pub(super) fn source_name(source: &Source) -> String {
    if source.authors.is_empty() {
        source.title.clone()
    } else {
        format!("{}: {}", source.short_name(), source.title)
    }
}

/// The article a map opens on in the reader: the one it was on if the map
/// carries it, else the first the map quotes, else the first bundled one.
pub fn article_for(map: &Map, was: Option<&SourceId>) -> Option<SourceId> {
    if let Some(id) = was.filter(|id| map.source(id).is_some()) {
        return Some(id.clone());
    }
    map.sources
        .first()
        .map(|s| s.id.clone())
        .or_else(|| corpus::articles().first().map(|a| a.id.clone()))
}
