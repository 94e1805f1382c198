//! Selecting in the article from the keyboard, for a student who does not
//! use a mouse: Tab reaches the article; the arrows move a caret (Ctrl with
//! them a word at a time, Up and Down a paragraph, Home and End to the
//! paragraph's edges); Shift with any of them selects. Ctrl+E then makes
//! the selection a claim, as it does after a selection with the pointer.

use super::Reader;
use crate::analysis::passages::{CaretMove, move_caret};
use crate::app::ui::theme;
use crate::model::{Source, excerpt};
use egui::{Key, Stroke, Ui};

impl Reader {
    /// Follows the keys pressed while the article has the keyboard;
    /// `selection` is the selection before, changed in place.
    pub(super) fn keyboard(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        source: &Source,
        selection: &mut Option<(usize, usize)>,
    ) {
        self.text_had_focus = response.has_focus();
        if !response.has_focus() {
            return;
        }
        // The arrows stay in the article rather than moving the keyboard on.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
        let pressed: Vec<(Key, egui::Modifiers)> = ui.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } => Some((*key, *modifiers)),
                    _ => None,
                })
                .collect()
        });
        // Paragraphs are found only when a key moves the caret, not every frame.
        let mut blocks = None;
        for (key, modifiers) in pressed {
            let how = match key {
                Key::ArrowRight if modifiers.command => CaretMove::Word(true),
                Key::ArrowLeft if modifiers.command => CaretMove::Word(false),
                Key::ArrowRight => CaretMove::Char(true),
                Key::ArrowLeft => CaretMove::Char(false),
                Key::ArrowDown => CaretMove::Block(true),
                Key::ArrowUp => CaretMove::Block(false),
                Key::End => CaretMove::BlockEdge(true),
                Key::Home => CaretMove::BlockEdge(false),
                _ => continue,
            };
            // With nothing selected yet, the caret starts at the first
            // paragraph in view.
            let from = selection.map_or_else(|| self.first_in_view(), |(_, focus)| focus);
            let blocks = blocks.get_or_insert_with(|| crate::model::blocks(&source.text));
            let to = move_caret(&source.text, blocks, from, how);
            *selection = Some(if modifiers.shift {
                (selection.map_or(from, |(anchor, _)| anchor), to)
            } else {
                (to, to)
            });
            self.scroll_to = Some((to, to));
        }
        self.caret(ui, *selection);
        // A screen reader hears what is selected and what Ctrl+E does with it.
        let said = match selection.filter(|(a, b)| a != b) {
            Some((a, b)) => {
                let (start, end) = (a.min(b), a.max(b));
                let words = source.text.get(start..end).unwrap_or_default();
                format!(
                    "Selected: “{}”. Ctrl+E makes it a claim.",
                    excerpt(words, 200)
                )
            }
            None => "Arrows move the caret; Shift with them selects; Ctrl+E makes the selection a claim.".to_owned(),
        };
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_description(said);
        });
    }

    /// The start of the first paragraph in view.
    fn first_in_view(&self) -> usize {
        self.placed.first().map_or(0, |p| p.block.start)
    }

    /// The caret, where the keyboard is: a line at the selection's moving end.
    fn caret(&self, ui: &Ui, selection: Option<(usize, usize)>) {
        let Some((_, at)) = selection else { return };
        let Some(placed) = self
            .placed
            .iter()
            .find(|p| p.block.start <= at && at <= p.block.end)
        else {
            return;
        };
        let index = super::text::char_index(
            super::text::first_text(&placed.galley),
            at - placed.block.start,
        );
        let rect = placed
            .galley
            .pos_from_cursor(egui::text::CCursor::new(index))
            .translate(placed.origin.to_vec2());
        let colour = theme::selection_colour(ui.visuals().dark_mode);
        ui.painter()
            .vline(rect.left(), rect.y_range(), Stroke::new(2.0, colour));
    }

    /// Whether the article had the keyboard last frame (the map's arrow
    /// keys then leave it alone).
    pub fn text_has_focus(&self) -> bool {
        self.text_had_focus
    }
}
