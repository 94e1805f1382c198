//! What the pointer does on the canvas itself: pan and zoom, move cards
//! (a whole drag is one undo step), select with a box, click empty space,
//! point at the far picture, and drop a passage dragged from the reader.

use super::{Canvas, Input, Shown, far, links};
use crate::app::actions::{Action, Select};
use crate::app::edit_builders::{self, Passage};
use crate::app::ui::theme;
use crate::model::{ClaimId, Edit, Point};
use egui::{CornerRadius, PointerButton, Pos2, Rect, Stroke, StrokeKind, Ui, Vec2};
use std::collections::BTreeMap;

/// Claims being dragged, and how far they have moved (canvas units).
pub struct Moving {
    pub ids: Vec<ClaimId>,
    pub delta: Vec2,
}

/// A gesture under way, kept between frames.
#[derive(Default)]
pub struct Gestures {
    pub moving: Option<Moving>,
    /// Where a Shift+drag selection box began.
    band: Option<Pos2>,
    /// Counts changes to a drag, so the scene follows the cards moved.
    pub drag_changes: u64,
    /// The card under the pointer in the far picture (index in `map.claims`).
    pub far_hover: Option<usize>,
}

impl Canvas {
    pub(super) fn pan_and_zoom(&mut self, ui: &Ui, rect: Rect, bg: &egui::Response) {
        let over = ui.rect_contains_pointer(rect);
        let (scroll, zoom, pointer, middle) = ui.input(|i| {
            (
                i.smooth_scroll_delta,
                i.zoom_delta(),
                i.pointer.hover_pos(),
                i.pointer.button_down(PointerButton::Middle),
            )
        });
        let before = self.view;
        if over {
            if zoom != 1.0 {
                self.view
                    .zoom_around(pointer.unwrap_or(rect.center()), zoom);
            }
            if scroll != Vec2::ZERO {
                self.view.pan(scroll);
            }
            if middle {
                self.view.pan(ui.input(|i| i.pointer.delta()));
            }
        }
        let shift = ui.input(|i| i.modifiers.shift);
        if bg.dragged_by(PointerButton::Primary)
            && self.gestures.band.is_none()
            && self.gestures.moving.is_none()
            && !(bg.drag_started() && shift)
        {
            self.view.pan(bg.drag_delta());
        }
        if self.view != before {
            self.camera.user_moved();
        }
    }

    /// A drag on a card starts moving it, and what is selected with it.
    pub(super) fn start_move(
        &mut self,
        input: &Input<'_>,
        id: ClaimId,
        shift: bool,
        actions: &mut Vec<Action>,
    ) {
        // A focused view is laid out for reading: cards stay where it puts them.
        if input.view.focus.is_some() {
            return;
        }
        let selection = input.selection;
        // Dragging an unselected card selects it (with Shift, adds it) and moves
        // what is then selected.
        let ids = if selection.has_claim(id) {
            selection.claims.clone()
        } else if shift {
            actions.push(Action::Select(Select::AddClaims(vec![id])));
            selection.claims.iter().copied().chain([id]).collect()
        } else {
            actions.push(Action::Select(Select::OnlyClaim(id)));
            vec![id]
        };
        self.gestures.moving = Some(Moving {
            ids,
            delta: Vec2::ZERO,
        });
        self.gestures.drag_changes += 1;
    }

    pub(super) fn drag_by(&mut self, screen_delta: Vec2) {
        if let Some(moving) = &mut self.gestures.moving
            && screen_delta != Vec2::ZERO
        {
            moving.delta += screen_delta / self.view.zoom;
            self.gestures.drag_changes += 1;
        }
    }

    /// The end of a drag: the cards moved, as one undoable edit.
    pub(super) fn finish_move(&mut self, input: &Input<'_>, actions: &mut Vec<Action>) {
        let Some(moving) = self.gestures.moving.take() else {
            return;
        };
        self.gestures.drag_changes += 1;
        if moving.delta.length() == 0.0 {
            return;
        }
        let moves = moving
            .ids
            .iter()
            .filter_map(|&m| {
                input.map.claim(m).map(|c| {
                    (
                        m,
                        Point::new(c.pos.x + moving.delta.x, c.pos.y + moving.delta.y),
                    )
                })
            })
            .collect::<Vec<_>>();
        let label = if moves.len() == 1 {
            "Move claim".to_owned()
        } else {
            format!("Move {} claims", moves.len())
        };
        actions.push(Action::Edit(label, Edit::MoveClaims(moves)));
    }

    /// Pointing at the far picture: hovering names a tile, a click selects
    /// it, a double click zooms in on it, a drag moves it.
    pub(super) fn far_gestures(
        &mut self,
        ui: &Ui,
        input: &Input<'_>,
        bg: &egui::Response,
        actions: &mut Vec<Action>,
    ) {
        let map = input.map;
        let pointer = ui.input(|i| i.pointer.hover_pos());
        self.gestures.far_hover = pointer
            .filter(|p| self.rect.contains(*p))
            .and_then(|p| far::claim_at(&self.scene, &self.view, p));
        let under = self.gestures.far_hover.map(|i| map.claims[i].id);
        let shift = ui.input(|i| i.modifiers.shift);
        if let Some(i) = self.gestures.far_hover
            && self.gestures.moving.is_none()
        {
            bg.clone()
                .on_hover_text_at_pointer(self.hover_text(input, &map.claims[i], true));
        }
        if bg.drag_started_by(PointerButton::Primary)
            && !shift
            && let Some(id) = under
        {
            self.start_move(input, id, false, actions);
        }
        if bg.dragged_by(PointerButton::Primary) {
            self.drag_by(bg.drag_delta());
        }
        if bg.drag_stopped() {
            self.finish_move(input, actions);
        }
        if bg.double_clicked()
            && let (Some(id), Some(at)) = (under, pointer)
        {
            actions.push(Action::Select(Select::OnlyClaim(id)));
            self.view.zoom_around(at, 1.0 / self.view.zoom);
            self.camera.user_moved();
        } else if bg.clicked() {
            let change = match under {
                Some(id) if shift => Some(Select::ToggleClaim(id)),
                Some(id) => Some(Select::OnlyClaim(id)),
                None if !shift => Some(Select::Nothing),
                None => None,
            };
            actions.extend(change.map(Action::Select));
        }
    }

    /// A click on empty canvas: the link under it (or nothing) is selected.
    pub(super) fn background_click(
        &mut self,
        ui: &Ui,
        bg: &egui::Response,
        paths: &BTreeMap<crate::model::LinkId, links::LinkPath>,
        actions: &mut Vec<Action>,
    ) {
        if !bg.clicked() {
            return;
        }
        let pointer = bg.interact_pointer_pos();
        let near = pointer.and_then(|p| {
            paths
                .values()
                .filter(|path| path.distance(p) < 6.0)
                .min_by(|a, b| a.distance(p).total_cmp(&b.distance(p)))
        });
        let shift = ui.input(|i| i.modifiers.shift);
        let change = match near {
            Some(path) if shift => Some(Select::ToggleLink(path.id)),
            Some(path) => Some(Select::OnlyLink(path.id)),
            None if !shift => Some(Select::Nothing),
            None => None,
        };
        actions.extend(change.map(Action::Select));
        self.links.pending = None;
    }

    pub(super) fn rubber_band(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        bg: &egui::Response,
        shown: &Shown<'_>,
        actions: &mut Vec<Action>,
    ) {
        if self.gestures.moving.is_some() {
            return;
        }
        if bg.drag_started_by(PointerButton::Primary) && ui.input(|i| i.modifiers.shift) {
            self.gestures.band = bg.interact_pointer_pos();
        }
        let Some(start) = self.gestures.band else {
            return;
        };
        let Some(now) = ui.input(|i| i.pointer.latest_pos()) else {
            return;
        };
        let band = Rect::from_two_pos(start, now);
        let dark = ui.visuals().dark_mode;
        let colour = theme::selection_colour(dark);
        painter.rect(
            band,
            CornerRadius::ZERO,
            theme::wash(colour, dark),
            Stroke::new(1.0, colour),
            StrokeKind::Inside,
        );
        if bg.drag_stopped() || !ui.input(|i| i.pointer.primary_down()) {
            self.gestures.band = None;
            let mut hits: Vec<ClaimId> = shown
                .all()
                .filter(|(_, r)| band.intersects(*r))
                .map(|(id, _)| id)
                .collect();
            hits.sort();
            if !hits.is_empty() {
                actions.push(Action::Select(Select::AddClaims(hits)));
            }
        }
    }

    /// A passage dragged from the reader becomes a claim where it is dropped.
    pub(super) fn quote_drop(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        input: &Input<'_>,
        actions: &mut Vec<Action>,
    ) {
        if !egui::DragAndDrop::has_payload_of_type::<Passage>(ui.ctx()) {
            return;
        }
        let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) else {
            return;
        };
        if !self.rect.contains(pointer) {
            return;
        }
        let colour = theme::selection_colour(ui.visuals().dark_mode);
        painter.rect_stroke(
            self.rect.shrink(2.0),
            CornerRadius::same(4),
            Stroke::new(3.0, colour),
            StrokeKind::Inside,
        );
        if ui.input(|i| i.pointer.any_released())
            && let Some(passage) = egui::DragAndDrop::take_payload::<Passage>(ui.ctx())
        {
            let at = self.view.to_canvas(pointer);
            if let Some((edit, id)) = edit_builders::add_quoted_claim(input.map, &passage, at) {
                actions.push(Action::Edit("Add quoted claim".into(), edit));
                actions.push(Action::GoToClaim(id));
            }
        }
    }
}
