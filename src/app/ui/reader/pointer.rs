//! Selecting in the article with the pointer: press and drag selects (and
//! scrolls past an edge), Shift+click extends, a double click takes a
//! word, a press inside the selection starts dragging it onto the canvas,
//! and a click on a passage already mapped selects its claim. The
//! selection itself is view state, reported as an action when it changes.

use super::Reader;
use crate::analysis::passages;
use crate::app::actions::Action;
use crate::app::edit_builders::Passage;
use crate::app::ui::theme;
use crate::model::{ClaimId, Map, Source, SourceId, excerpt};
use egui::{Id, Pos2, Rect, Stroke, Ui, vec2};

impl Reader {
    /// Follows the pointer over the text in `view`; `selection` is the
    /// selection before, changed in place.
    pub(super) fn pointer(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        (map, source): (&Map, &Source),
        view: Rect,
        selection: &mut Option<(usize, usize)>,
        actions: &mut Vec<Action>,
    ) {
        let (pressed, down, released, shift, pos) = ui.input(|i| {
            (
                i.pointer.primary_pressed(),
                i.pointer.primary_down(),
                i.pointer.primary_released(),
                i.modifiers.shift,
                i.pointer.interact_pos(),
            )
        });
        let Some(pos) = pos else { return };
        let over = response.contains_pointer();
        let span = |s: &Option<(usize, usize)>| {
            s.filter(|(a, b)| a != b).map(|(a, b)| (a.min(b), a.max(b)))
        };
        if pressed && over {
            // Selecting in the article gives the keyboard back (from the
            // find field), so Ctrl+E and Ctrl+Z then act on the map.
            ui.ctx().memory_mut(|m| m.stop_text_input());
            let Some(at) = self.hit(pos) else { return };
            let inside = span(selection).is_some_and(|(s, e)| s <= at && at < e);
            if inside && !shift {
                self.press_in_selection = Some(pos);
            } else if shift && let Some((anchor, _)) = *selection {
                *selection = Some((anchor, at));
                self.selecting = true;
            } else {
                *selection = Some((at, at));
                self.selecting = true;
            }
        }
        if response.double_clicked()
            && let Some(at) = self.hit(pos)
        {
            *selection = Some(passages::word_at(&source.text, at));
            self.selecting = false;
        }
        self.drag_select(ui, pos, down, view, selection);
        if down
            && let Some(start) = self.press_in_selection
            && start.distance(pos) > 6.0
        {
            if let Some((start, end)) = span(selection) {
                let passage = Passage {
                    source: source.id.clone(),
                    start,
                    end,
                };
                egui::DragAndDrop::set_payload(ui.ctx(), passage);
            }
            self.press_in_selection = None;
        }
        if released {
            self.release(map, source, over.then_some(pos), selection, actions);
        }
        if over && !down {
            self.hover(ui, response, map, &source.id, pos, span(selection));
        }
    }

    /// While the button is held after a press in the text: the selection
    /// follows the pointer, scrolling past the top or bottom edge.
    fn drag_select(
        &mut self,
        ui: &Ui,
        pos: Pos2,
        down: bool,
        view: Rect,
        selection: &mut Option<(usize, usize)>,
    ) {
        if !(down && self.selecting) {
            self.autoscroll = 0.0;
            return;
        }
        if let Some(at) = self.hit(pos)
            && let Some((anchor, _)) = *selection
        {
            *selection = Some((anchor, at));
        }
        // Applied inside the scroll area on the next frame.
        self.autoscroll = if pos.y < view.top() + 10.0 {
            12.0
        } else if pos.y > view.bottom() - 10.0 {
            -12.0
        } else {
            0.0
        };
        if self.autoscroll != 0.0 {
            ui.ctx().request_repaint();
        }
    }

    /// The button let go: a dragged selection ends on whole words (and a
    /// sentence's closing mark); a click leaves a caret, and on a mapped
    /// passage selects its claim.
    fn release(
        &mut self,
        map: &Map,
        source: &Source,
        at_pointer: Option<Pos2>,
        selection: &mut Option<(usize, usize)>,
        actions: &mut Vec<Action>,
    ) {
        let clicked_in_place = self.press_in_selection.take().is_some();
        let was_selecting = std::mem::take(&mut self.selecting);
        if was_selecting
            && let Some((anchor, focus)) = *selection
            && anchor != focus
        {
            let (start, end) =
                passages::snap_to_words(&source.text, anchor.min(focus), anchor.max(focus));
            *selection = Some(if anchor <= focus {
                (start, end)
            } else {
                (end, start)
            });
        }
        let empty = selection.is_none_or(|(a, b)| a == b);
        if (clicked_in_place || (was_selecting && empty))
            && let Some(at) = at_pointer.and_then(|p| self.hit(p))
        {
            *selection = Some((at, at));
            if let Some(claim) = claim_at(map, &source.id, at) {
                actions.push(Action::GoToClaim(claim));
            }
        }
    }

    /// Hovering a mapped passage names its claim; hovering the selection
    /// shows it can be grabbed.
    fn hover(
        &self,
        ui: &Ui,
        response: &egui::Response,
        map: &Map,
        source: &SourceId,
        pos: Pos2,
        selected: Option<(usize, usize)>,
    ) {
        let Some(at) = self.hit(pos) else { return };
        if let Some(claim) = claim_at(map, source, at).and_then(|id| map.claim(id)) {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response
                .clone()
                .on_hover_text_at_pointer(format!("On the map: {}", excerpt(&claim.text, 90)));
        }
        if selected.is_some_and(|(s, e)| s <= at && at < e) {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
        }
    }

    /// While a passage is dragged, a small card follows the pointer.
    pub(super) fn drag_preview(&self, ui: &Ui, text: &str) {
        let Some(passage) = egui::DragAndDrop::payload::<Passage>(ui.ctx()) else {
            return;
        };
        let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) else {
            return;
        };
        let dark = ui.visuals().dark_mode;
        let quote = text.get(passage.start..passage.end).unwrap_or_default();
        egui::Area::new(Id::unique("argmap-quote-preview"))
            .order(egui::Order::Tooltip)
            .fixed_pos(pointer + vec2(14.0, 10.0))
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style())
                    .fill(theme::card_fill(dark).gamma_multiply(0.95))
                    .stroke(Stroke::new(2.0, theme::selection_colour(dark)))
                    .show(ui, |ui| {
                        ui.set_max_width(220.0);
                        ui.label(egui::RichText::new(excerpt(quote, 140)).size(13.0));
                    });
            });
    }
}

/// The claim whose quote covers byte `at` (the shortest, if several overlap).
fn claim_at(map: &Map, source: &SourceId, at: usize) -> Option<ClaimId> {
    map.claims
        .iter()
        .filter_map(|c| {
            let q = c.quote.as_ref()?;
            (&q.source == source && q.start <= at && at < q.end).then_some((q.end - q.start, c.id))
        })
        .min()
        .map(|(_, id)| id)
}
