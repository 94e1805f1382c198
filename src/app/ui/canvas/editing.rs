//! Editing a claim's text in place on its card: Enter or a click elsewhere
//! keeps the text as one undo step, Escape leaves it as it was.

use super::{Canvas, cards};
use crate::app::actions::Action;
use crate::app::ui::theme;
use crate::model::{Edit, Map};
use egui::{Key, Modifiers, Rect, Ui, WidgetInfo, vec2};

impl Canvas {
    pub(super) fn edit_in_place(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        shown: &super::Shown<'_>,
        actions: &mut Vec<Action>,
    ) {
        let Some(draft) = &mut self.editing else {
            return;
        };
        let Some(card) = shown.rect(draft.claim) else {
            self.editing = None;
            return;
        };
        let commit_key = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
        let cancel = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        // Zoomed out, the editor opens over the card at a size one can type
        // and read in: text at least 14 px, the box at least 280 px wide.
        let px = (cards::FONT_SIZE * self.view.zoom).max(14.0);
        let size = vec2(card.width().max(280.0), card.height().max(px * 6.0));
        let area = Rect::from_center_size(card.center(), size).expand(2.0);
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(area));
        let edit = egui::TextEdit::multiline(&mut draft.text)
            .font(egui::FontId::proportional(px))
            .desired_width(area.width() - 12.0)
            .desired_rows(3)
            .frame(egui::Frame::NONE)
            .background_color(theme::card_fill(ui.visuals().dark_mode))
            .margin(vec2(6.0, 6.0));
        let response = child.add_sized(area.size(), edit);
        response.widget_info(|| {
            WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Claim text")
        });
        if draft.focus {
            response.request_focus();
            draft.focus = false;
        }
        let done = commit_key || response.lost_focus();
        if cancel {
            self.editing = None;
        } else if done {
            let draft = self.editing.take();
            if let Some(draft) = draft
                && let Some(claim) = map.claim(draft.claim)
                && claim.text != draft.text
            {
                let mut changed = claim.clone();
                changed.text = draft.text;
                actions.push(Action::Edit(
                    "Edit claim text".into(),
                    Edit::ChangeClaim(changed),
                ));
            }
        }
    }
}
