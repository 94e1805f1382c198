//! Editing a claim's text in place, on a card that looks like the claim's
//! own: Enter or a click elsewhere keeps the text as one undo step,
//! Shift+Enter starts a new line, Escape leaves it as it was. Which claim
//! is edited is view state (`ViewState::editing`); the text being typed
//! is the widget's.

use super::{Canvas, Input, Shown, cards};
use crate::app::actions::Action;
use crate::app::ui::theme;
use crate::model::Edit;
use egui::{CornerRadius, Key, Modifiers, Rect, Stroke, StrokeKind, Ui, WidgetInfo, vec2};

/// The narrowest the editor opens over a card seen from far out.
const EDITOR_MIN_WIDTH: f32 = 304.0;

/// A claim's text being edited on its card.
pub struct Draft {
    pub claim: crate::model::ClaimId,
    text: String,
    /// The field still has to be given the keyboard.
    focus: bool,
}

impl Canvas {
    /// Starts, keeps or ends the draft as the view state says.
    pub(super) fn follow_editing(&mut self, input: &Input<'_>) {
        match input.view.editing.and_then(|id| input.map.claim(id)) {
            Some(claim) if self.editor.as_ref().is_none_or(|d| d.claim != claim.id) => {
                self.editor = Some(Draft {
                    claim: claim.id,
                    text: claim.text.clone(),
                    focus: true,
                });
            }
            Some(_) => {}
            None => self.editor = None,
        }
    }

    pub(super) fn edit_in_place(
        &mut self,
        ui: &mut Ui,
        input: &Input<'_>,
        shown: &Shown<'_>,
        actions: &mut Vec<Action>,
    ) {
        let Some(draft) = &mut self.editor else {
            return;
        };
        let (Some(card), Some(claim)) = (shown.rect(draft.claim), input.map.claim(draft.claim))
        else {
            self.editor = None;
            actions.push(Action::StopEditing);
            return;
        };
        let commit = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
        let cancel = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        // The card at a size one can type and read in: its own size from
        // 100 % zoom, else the card as it is at 100 %, over the same place.
        let zoom = self.view.zoom.max(1.0);
        let mut base = card.size() * (zoom / self.view.zoom);
        if self.view.zoom < 1.0 {
            // Zoomed out, a little wider than the card: room to type in.
            base.x = base.x.max(EDITOR_MIN_WIDTH);
        }
        let px = cards::FONT_SIZE * zoom;
        let pad = cards::PADDING * zoom;
        let stripe = 5.0 * zoom;
        let font = egui::FontId::proportional(px);
        let wrap = base.x - 2.0 * pad - stripe;
        let text_height = ui
            .painter()
            .layout(draft.text.clone(), font.clone(), egui::Color32::WHITE, wrap)
            .size()
            .y;
        let size = vec2(base.x, base.y.max(text_height + 2.0 * pad + 4.0));
        let area = Rect::from_center_size(card.center(), size);
        let dark = ui.visuals().dark_mode;
        let accent = cards::badge_label(input.map, claim)
            .map_or(theme::muted_text(dark).gamma_multiply(0.4), |(_, c)| c);
        let painter = ui.painter();
        painter.add(egui::Shape::Rect(egui::epaint::RectShape::filled(
            area.expand(3.0),
            CornerRadius::same(8),
            theme::wash(theme::selection_colour(dark), dark),
        )));
        painter.rect(
            area,
            CornerRadius::same(6),
            theme::card_fill(dark),
            Stroke::new(2.5, theme::selection_colour(dark)),
            StrokeKind::Inside,
        );
        painter.rect_filled(
            Rect::from_min_max(area.min, egui::pos2(area.min.x + stripe, area.max.y)),
            CornerRadius {
                nw: 6,
                sw: 6,
                ne: 0,
                se: 0,
            },
            accent,
        );
        let inner = Rect::from_min_max(
            area.min + vec2(stripe + pad - 2.0, pad - 2.0),
            area.max - vec2(pad - 2.0, pad - 2.0),
        );
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
        let edit = egui::TextEdit::multiline(&mut draft.text)
            .font(font)
            .desired_width(inner.width())
            .desired_rows(2)
            .frame(egui::Frame::NONE)
            .margin(vec2(2.0, 2.0));
        let response = child.add_sized(inner.size(), edit);
        response.widget_info(|| {
            WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Claim text")
        });
        if draft.focus {
            response.request_focus();
            draft.focus = false;
        }
        if cancel {
            self.editor = None;
            actions.push(Action::StopEditing);
        } else if commit || response.lost_focus() {
            if let Some(draft) = self.editor.take()
                && claim.text != draft.text
            {
                let mut changed = claim.clone();
                changed.text = draft.text;
                actions.push(Action::Edit(
                    "Edit claim text".into(),
                    Edit::ChangeClaim(changed),
                ));
            }
            actions.push(Action::StopEditing);
        }
    }
}
