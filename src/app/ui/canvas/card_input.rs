//! One claim's card as a widget: clicks select, a double click edits, a
//! drag moves, the right button opens its menu, and the handle under it
//! starts a link. Each card is named for screen readers and tests. How a
//! card looks is `cards`.

use super::{Canvas, Input, cards, named};
use crate::analysis::evaluate::Pin;
use crate::app::Command;
use crate::app::actions::{Action, Select};
use crate::app::edit_builders;
use crate::app::ui::theme;
use crate::model::{Claim, ClaimId, Target};
use cards::CardStyle;
use egui::{CornerRadius, PointerButton, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo};

impl Canvas {
    /// Draws the card of `id` at `card` (screen) and reports what was done to it.
    pub(super) fn card(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        input: &Input<'_>,
        id: ClaimId,
        card: Rect,
        actions: &mut Vec<Action>,
    ) {
        let Some(claim) = input.map.claim(id) else {
            return;
        };
        let response = ui.interact(
            card,
            ui.scope_id().with(("claim", id.0)),
            Sense::click_and_drag(),
        );
        let selected = input.selection.has_claim(id);
        response.widget_info(|| {
            WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                edit_builders::claim_label(claim),
            )
        });
        // The closure runs only while a screen reader (or a test) listens.
        let status = input.overlay.status.map(|l| l.claim(id));
        let spoken = &mut self.spoken;
        ui.ctx().accesskit_node_builder(response.id, |node| {
            let ends = spoken.ends(input.map, input.version);
            node.set_description(crate::analysis::spoken::claim(input.map, ends, id, status));
        });
        self.card_pointer(ui, input, claim, &response, actions);
        // The keyboard reached the card (Tab): it becomes the selection, in view.
        if response.gained_focus() && !selected {
            actions.push(Action::GoToClaim(id));
        }
        response.context_menu(|ui| self.card_menu(ui, input, claim, actions));
        let style = CardStyle {
            dark: ui.visuals().dark_mode,
            contrast: theme::is_high_contrast(ui.visuals()),
            selected,
            hovered: response.hovered(),
            ghost: false,
            status: input.overlay.status.map(|l| l.claim(id)),
        };
        let editing = self.editor.as_ref().is_some_and(|d| d.claim == id);
        if !editing {
            cards::draw(painter, card, self.view.zoom, input.map, claim, &style);
            self.claim_marks(painter, input, claim.id, card);
            // Present mode: what earlier steps brought stays, quieter.
            if input
                .view
                .presenting
                .as_ref()
                .is_some_and(|p| !p.latest.contains(&id))
            {
                let veil = theme::canvas_fill(style.dark).gamma_multiply(0.55);
                painter.rect_filled(card.expand(1.0), 4.0 * self.view.zoom, veil);
            }
            if response.hovered() {
                let text = self.hover_text(input, claim, false);
                if !text.is_empty() {
                    response.clone().on_hover_text(text);
                }
            }
        }
        if response.has_focus() {
            // Where the keyboard is: a ring no card style uses, outside the card.
            let ring = Stroke::new(3.0, theme::selection_colour(style.dark));
            painter.rect_stroke(
                card.expand(4.0),
                CornerRadius::same(8),
                ring,
                egui::StrokeKind::Outside,
            );
        }
        if input.view.is_collapsed(id) {
            self.collapsed_tab(ui, painter, id, card, actions);
        }
        self.link_handle(
            ui,
            painter,
            input,
            claim,
            card,
            response.hovered() || selected,
        );
    }

    /// Clicks and drags on a card.
    fn card_pointer(
        &mut self,
        ui: &Ui,
        input: &Input<'_>,
        claim: &Claim,
        response: &egui::Response,
        actions: &mut Vec<Action>,
    ) {
        let id = claim.id;
        let shift = ui.input(|i| i.modifiers.shift);
        if response.clicked() {
            actions.push(Action::Select(if shift {
                Select::ToggleClaim(id)
            } else {
                Select::OnlyClaim(id)
            }));
            self.links.pending = None;
        }
        if response.double_clicked() {
            actions.push(Action::Select(Select::OnlyClaim(id)));
            actions.push(Action::Command(Command::EditClaim));
        }
        if response.drag_started_by(PointerButton::Primary) {
            self.start_move(input, id, shift, actions);
        }
        if response.dragged_by(PointerButton::Primary) {
            self.drag_by(response.drag_delta());
        }
        if response.drag_stopped() {
            self.finish_move(input, actions);
        }
        if response.secondary_clicked() && !input.selection.has_claim(id) {
            actions.push(Action::Select(Select::AddClaims(vec![id])));
        }
    }

    /// The card's right-button menu: what-if pins, collapse, edit, show
    /// in article, delete.
    fn card_menu(&self, ui: &mut Ui, input: &Input<'_>, claim: &Claim, actions: &mut Vec<Action>) {
        let id = claim.id;
        let map = input.map;
        if let Some(pins) = input.overlay.pins {
            let pinned = pins.get(&id).copied();
            if pinned != Some(Pin::Accepted) && ui.button("What if it is accepted?").clicked() {
                actions.push(Action::Pin(id, Some(Pin::Accepted)));
            }
            if pinned != Some(Pin::Rejected) && ui.button("What if it is rejected?").clicked() {
                actions.push(Action::Pin(id, Some(Pin::Rejected)));
            }
            if pinned.is_some() && ui.button("Remove pin").clicked() {
                actions.push(Action::Pin(id, None));
            }
            ui.separator();
        }
        if input.view.is_collapsed(id) {
            let hides = self.placement.hidden_behind(id);
            if ui.button(format!("Expand ({hides} hidden)")).clicked() {
                actions.push(Action::Collapse(id, false));
            }
        } else if map.links.iter().any(|l| l.target == Target::Claim(id))
            && ui.button("Collapse what bears on it").clicked()
        {
            actions.push(Action::Collapse(id, true));
        }
        if ui.button("Edit text").clicked() {
            actions.push(Action::Select(Select::OnlyClaim(id)));
            actions.push(Action::Command(Command::EditClaim));
        }
        if claim.quote.is_some() && ui.button("Show in article").clicked() {
            actions.push(Action::ShowInArticle(id));
        }
        if ui.button("Delete").clicked()
            && let Some(edit) = edit_builders::delete_claims(map, &[id])
        {
            actions.push(Action::Edit("Delete claim".into(), edit));
        }
    }

    /// The handle under a card that a link is dragged from: shown when the
    /// card is hovered or selected, and always there for screen readers.
    fn link_handle(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        input: &Input<'_>,
        claim: &Claim,
        card: Rect,
        near: bool,
    ) {
        let id = claim.id;
        let dark = ui.visuals().dark_mode;
        let show = (near || self.links.linking == Some(id))
            && self.view.zoom >= cards::TEXT_MIN_ZOOM
            && self.gestures.moving.is_none()
            && input.view.focus.is_none();
        let centre = card.center_bottom();
        let handle = named(
            ui,
            Rect::from_center_size(centre, Vec2::splat(16.0)),
            ("handle", id.0),
            Sense::drag(),
            egui::Role::Button,
            format!("Link from: {}", claim.text),
        );
        let colour = theme::selection_colour(dark);
        if show || handle.hovered() {
            painter.circle(
                centre,
                6.0,
                theme::card_fill(dark),
                Stroke::new(2.0, colour),
            );
            painter.circle_filled(centre, 2.5, colour);
        }
        if handle.drag_started() {
            self.links.linking = Some(id);
            self.links.pending = None;
        }
        if self.links.linking == Some(id)
            && let Some(pointer) = ui.input(|i| i.pointer.hover_pos())
        {
            painter.extend(egui::Shape::dashed_line(
                &[centre, pointer],
                Stroke::new(2.0, colour),
                8.0,
                5.0,
            ));
            painter.circle_filled(pointer, 4.0, colour);
        }
    }

    /// The tab on a collapsed card: how many claims it hides; a click shows
    /// them again.
    fn collapsed_tab(
        &self,
        ui: &Ui,
        painter: &egui::Painter,
        id: ClaimId,
        card: Rect,
        actions: &mut Vec<Action>,
    ) {
        let hides = self.placement.hidden_behind(id);
        let px = (12.0 * self.view.zoom).clamp(10.0, 14.0);
        let galley = painter.layout_no_wrap(
            format!("+{hides}"),
            egui::FontId::proportional(px),
            egui::Color32::WHITE,
        );
        let size = galley.size() + egui::vec2(px, px * 0.4);
        // Bottom right, where what it hides would hang below it.
        let tab = Rect::from_center_size(
            egui::pos2(card.max.x - size.x / 2.0 - 6.0, card.max.y),
            size,
        );
        let response = named(
            ui,
            tab,
            ("expand", id.0),
            Sense::click(),
            egui::Role::Button,
            format!("Expand: {hides} hidden"),
        );
        let colour = theme::selection_colour(ui.visuals().dark_mode);
        let fill = if response.hovered() {
            colour
        } else {
            colour.gamma_multiply(0.85)
        };
        painter.rect_filled(tab, CornerRadius::same((size.y / 2.0) as u8), fill);
        painter.galley(
            tab.center() - galley.size() / 2.0,
            galley,
            egui::Color32::WHITE,
        );
        if response.clicked() {
            actions.push(Action::Collapse(id, false));
        }
        let keys = crate::app::ui::fields::keys(ui.ctx(), crate::app::Command::Collapse);
        response.on_hover_text(format!("Show what bears on this claim again ({keys})"));
    }
}
