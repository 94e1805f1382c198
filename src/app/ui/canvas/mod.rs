//! The canvas: claims as cards, links as arrows. It draws the map, reports
//! gestures as [`Action`]s, and keeps only view state (pan, zoom, drags).
//! Only what is on screen is drawn, and text is skipped when zoomed far out.

pub mod cards;
mod editing;
pub mod focus;
mod link_gestures;
pub mod links;
pub mod marks;
mod overlay;
pub mod view;

use super::theme;
use crate::analysis::evaluate::Pin;
use crate::app::actions::{Action, Select};
use crate::app::edits::{self, Passage};
use crate::app::selection::Selection;
use crate::app::teaching::Overlay;
use crate::model::{ClaimId, Edit, Map, Point, Target};
use cards::{CardSizes, CardStyle};
use egui::{
    Align2, CornerRadius, PointerButton, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2,
    WidgetInfo,
};
use std::collections::HashMap;
pub use view::View;

/// Claims being dragged, and how far they have moved (canvas units).
struct Moving {
    ids: Vec<ClaimId>,
    delta: Vec2,
}

/// A link waiting for the user to choose its kind, after a drag from a handle.
#[derive(Clone, Debug)]
pub struct PendingLink {
    pub from: ClaimId,
    pub target: Target,
    pub at: Pos2,
}

/// A claim's text being edited on its card.
#[derive(Clone, Debug)]
pub struct TextDraft {
    pub claim: ClaimId,
    pub text: String,
    focus: bool,
}

/// The zoom from which links show their argument scheme's name.
pub const SCHEME_ZOOM: f32 = 0.6;

pub struct Canvas {
    pub view: View,
    sizes: CardSizes,
    fit_requested: bool,
    moving: Option<Moving>,
    band: Option<Pos2>,
    linking: Option<ClaimId>,
    pending_link: Option<PendingLink>,
    editing: Option<TextDraft>,
    /// The screen area the canvas had last frame (for zooming with keys).
    pub rect: Rect,
    rect_before: Rect,
    /// A claim to bring into view on the next frame.
    reveal: Option<ClaimId>,
    /// Only one claim's neighbourhood shown, when focused.
    focus: Option<focus::Focus>,
    /// The view before focusing, to go back to.
    before_focus: Option<View>,
    /// Where the model answer's missing claims are shown, while comparing.
    ghosts: std::collections::BTreeMap<ClaimId, Point>,
    /// A ghost to bring into view on the next frame.
    reveal_ghost: Option<ClaimId>,
}

impl Default for Canvas {
    fn default() -> Self {
        Self {
            view: View::default(),
            sizes: CardSizes::default(),
            fit_requested: false,
            moving: None,
            band: None,
            linking: None,
            pending_link: None,
            editing: None,
            rect: Rect::NOTHING,
            rect_before: Rect::NOTHING,
            reveal: None,
            focus: None,
            before_focus: None,
            ghosts: Default::default(),
            reveal_ghost: None,
        }
    }
}

impl Canvas {
    pub fn request_fit(&mut self) {
        self.fit_requested = true;
    }

    pub fn reveal(&mut self, id: ClaimId) {
        self.reveal = Some(id);
    }

    pub fn start_editing(&mut self, map: &Map, id: ClaimId) {
        if let Some(claim) = map.claim(id) {
            self.editing = Some(TextDraft {
                claim: id,
                text: claim.text.clone(),
                focus: true,
            });
        }
    }

    /// Leaves the in-place editor without keeping its text.
    pub fn stop_editing(&mut self) {
        self.editing = None;
    }

    /// Whether a claim's text is being edited on its card.
    pub fn is_editing(&self) -> bool {
        self.editing.is_some()
    }

    /// Whether the support/rebut choice after a link drag is open.
    pub fn is_choosing_link(&self) -> bool {
        self.pending_link.is_some()
    }

    /// Whether a canvas point is in view.
    pub fn shows(&self, p: Point) -> bool {
        self.rect.contains(self.view.to_screen(p))
    }

    /// Zoom in or out around the middle of the canvas.
    pub fn zoom_by(&mut self, factor: f32) {
        self.view.zoom_around(self.rect.center(), factor);
    }

    /// The canvas point in the middle of the view (where new claims go).
    pub fn centre(&self) -> Point {
        self.view.to_canvas(self.rect.center())
    }

    /// Card sizes at 100 % zoom, for Tidy.
    pub fn card_size(&self, id: ClaimId) -> Vec2 {
        self.sizes.get(id)
    }

    /// Brings the ghost of a model answer's missing claim into view.
    pub fn reveal_ghost(&mut self, model_claim: ClaimId) {
        self.reveal_ghost = Some(model_claim);
    }

    /// Shows only `claim`'s neighbourhood, laid out on its own.
    pub fn focus_on(&mut self, claim: ClaimId) {
        if self.focus.is_none() {
            self.before_focus = Some(self.view);
        }
        self.focus = Some(focus::Focus::new(claim));
    }

    /// Back to the whole map, as it was shown before focusing.
    pub fn leave_focus(&mut self) {
        self.focus = None;
        if let Some(view) = self.before_focus.take() {
            self.view = view;
        }
    }

    /// The claim the view is focused on, and how many steps out it shows.
    pub fn focused(&self) -> Option<(ClaimId, usize)> {
        self.focus.as_ref().map(|f| (f.claim, f.steps))
    }

    /// Shows one or two steps around the focused claim.
    pub fn focus_steps(&mut self, steps: usize) {
        if let Some(focus) = &mut self.focus {
            focus.set_steps(steps);
        }
    }

    /// Where a claim's card stands on the canvas as shown: its place in the
    /// map, or in the focus layout (`None` if focus hides it).
    fn shown_at(&self, claim: &crate::model::Claim) -> Option<Point> {
        match &self.focus {
            Some(focus) => focus.position(claim.id),
            None => Some(claim.pos),
        }
    }

    /// Bounding box of every card shown (ghosts of a model answer too), in
    /// canvas units.
    fn bounds(&self, map: &Map) -> Rect {
        let cards = map.claims.iter().fold(Rect::NOTHING, |acc, c| {
            let Some(at) = self.shown_at(c) else {
                return acc;
            };
            acc.union(Rect::from_center_size(
                egui::pos2(at.x, at.y),
                self.sizes.get(c.id),
            ))
        });
        if self.focus.is_some() {
            return cards;
        }
        self.ghosts.values().fold(cards, |acc, p| {
            acc.union(Rect::from_center_size(egui::pos2(p.x, p.y), overlay::GHOST))
        })
    }

    /// Draws the map and handles input. Edits come back as actions.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        version: (u64, u64),
        selection: &Selection,
        overlay: &Overlay<'_>,
        actions: &mut Vec<Action>,
    ) {
        let rect = ui.available_rect_before_wrap();
        self.rect = rect;
        let dark = ui.visuals().dark_mode;
        let bg = named(
            ui,
            rect,
            "canvas",
            Sense::click_and_drag(),
            egui::Role::Canvas,
            "Map canvas".to_owned(),
        );
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, CornerRadius::ZERO, theme::canvas_fill(dark));

        self.sizes.update(ui.ctx(), map);
        self.ghosts = match overlay.comparison {
            Some(compared) => overlay::ghost_positions(map, compared, |id| self.sizes.get(id)),
            None => Default::default(),
        };
        if let Some(focus) = &mut self.focus {
            if map.claim(focus.claim).is_none() {
                self.leave_focus();
            } else if focus.update(map, version, &self.sizes) {
                self.fit_requested = true;
            }
        }
        // Fit once the panels around the canvas have settled on their sizes.
        let settled = rect == self.rect_before;
        self.rect_before = rect;
        if self.fit_requested && !settled {
            ui.ctx().request_repaint();
        }
        if self.fit_requested && settled && rect.width() > 50.0 {
            self.fit_requested = false;
            if map.claims.is_empty() {
                self.view = View {
                    origin: rect.center(),
                    zoom: 1.0,
                };
            } else {
                self.view.fit(self.bounds(map), rect);
            }
        }
        if let Some(id) = self.reveal.take()
            && let Some(at) = map.claim(id).and_then(|c| self.shown_at(c))
        {
            let card = self.view.card_rect(at, self.sizes.get(id));
            if !rect.shrink(20.0).contains_rect(card) {
                self.view.pan(rect.center() - card.center());
            }
        }
        if let Some(id) = self.reveal_ghost.take()
            && let Some(&at) = self.ghosts.get(&id)
        {
            let card = self.view.card_rect(at, overlay::GHOST);
            if !rect.shrink(20.0).contains_rect(card) {
                self.view.pan(rect.center() - card.center());
            }
        }
        self.pan_and_zoom(ui, rect, &bg);

        let rects = self.screen_rects(map);
        let paths = links::paths(map, &rects, self.view.zoom);
        let visible = rect.expand(20.0);

        for path in paths.values() {
            if path.bounds().intersects(visible) {
                links::draw(
                    &painter,
                    path,
                    self.view.zoom,
                    dark,
                    selection.has_link(path.id),
                );
            }
        }
        for path in paths.values() {
            if visible.contains(path.anchor) {
                self.link_badge(ui, map, path, selection, actions);
            }
        }
        // Scheme names once they can be read: a teacher zooms in on one exchange.
        if self.view.zoom >= SCHEME_ZOOM {
            let catalogue = crate::schemes::Catalogue::bundled();
            let mut open: std::collections::BTreeMap<crate::model::LinkId, usize> =
                std::collections::BTreeMap::new();
            for q in overlay.open_questions {
                *open.entry(q.link).or_default() += 1;
            }
            // Cards and every badge are kept clear; labels then claim room in turn.
            let badge = links::badge_radius(self.view.zoom);
            let mut taken: Vec<Rect> = rects.values().copied().collect();
            taken.extend(
                paths
                    .values()
                    .map(|p| Rect::from_center_size(p.anchor, egui::Vec2::splat(badge * 2.0))),
            );
            for path in paths.values() {
                let Some(link) = map.link(path.id).filter(|l| !l.scheme.is_empty()) else {
                    continue;
                };
                if visible.contains(path.anchor) {
                    let named = (
                        catalogue.display_name(&link.scheme),
                        open.get(&link.id).copied().unwrap_or(0),
                    );
                    links::draw_scheme(&painter, path, named, self.view.zoom, dark, &mut taken);
                }
            }
        }
        if let Some(compared) = overlay.comparison {
            self.comparison_marks(ui, &painter, compared, &rects, &paths, dark);
        }
        for claim in &map.claims {
            let Some(&card) = rects.get(&claim.id) else {
                continue;
            };
            if card.intersects(visible) {
                self.card(
                    ui, &painter, map, claim.id, card, selection, overlay, actions, dark,
                );
            }
        }

        self.finish_link_drag(ui, map, &rects, &paths);
        self.rubber_band(ui, &painter, &bg, &rects, actions, dark);
        if bg.clicked() {
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
            self.pending_link = None;
        }
        self.quote_drop(ui, &painter, rect, map, actions, dark);
        self.edit_in_place(ui, map, &rects, actions);
        self.pending_link_popup(ui, map, actions);
        self.focus_bar(ui, map, actions);
        if map.claims.is_empty() {
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                "Select a passage in the reader and drag it here,\nor press Ctrl+Shift+N for a claim of your own.",
                egui::FontId::proportional(16.0),
                theme::muted_text(dark),
            );
        }
    }

    /// Screen rectangles of every claim shown, with claims being dragged shifted.
    fn screen_rects(&self, map: &Map) -> HashMap<ClaimId, Rect> {
        let mut rects = HashMap::with_capacity(map.claims.len());
        for claim in &map.claims {
            let Some(mut pos) = self.shown_at(claim) else {
                continue;
            };
            if let Some(moving) = &self.moving
                && moving.ids.contains(&claim.id)
            {
                pos = Point::new(pos.x + moving.delta.x, pos.y + moving.delta.y);
            }
            rects.insert(claim.id, self.view.card_rect(pos, self.sizes.get(claim.id)));
        }
        rects
    }

    fn pan_and_zoom(&mut self, ui: &Ui, rect: Rect, bg: &egui::Response) {
        let over = ui.rect_contains_pointer(rect);
        let (scroll, zoom, pointer, middle) = ui.input(|i| {
            (
                i.smooth_scroll_delta,
                i.zoom_delta(),
                i.pointer.hover_pos(),
                i.pointer.button_down(PointerButton::Middle),
            )
        });
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
            && self.band.is_none()
            && !(bg.drag_started() && shift)
        {
            self.view.pan(bg.drag_delta());
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn card(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        map: &Map,
        id: ClaimId,
        card: Rect,
        selection: &Selection,
        overlay: &Overlay<'_>,
        actions: &mut Vec<Action>,
        dark: bool,
    ) {
        let Some(claim) = map.claim(id) else { return };
        let response = ui.interact(
            card,
            ui.scope_id().with(("claim", id.0)),
            Sense::click_and_drag(),
        );
        response.widget_info(|| {
            WidgetInfo::selected(
                egui::Role::Button,
                true,
                selection.has_claim(id),
                edits::claim_label(claim),
            )
        });
        let shift = ui.input(|i| i.modifiers.shift);
        if response.clicked() {
            actions.push(Action::Select(if shift {
                Select::ToggleClaim(id)
            } else {
                Select::OnlyClaim(id)
            }));
            self.pending_link = None;
        }
        if response.double_clicked() {
            actions.push(Action::Select(Select::OnlyClaim(id)));
            self.start_editing(map, id);
        }
        // A focused view is laid out for reading: cards stay where it puts them.
        if response.drag_started_by(PointerButton::Primary) && self.focus.is_none() {
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
            self.moving = Some(Moving {
                ids,
                delta: Vec2::ZERO,
            });
        }
        if response.dragged_by(PointerButton::Primary)
            && let Some(moving) = &mut self.moving
        {
            moving.delta += response.drag_delta() / self.view.zoom;
        }
        if response.drag_stopped()
            && let Some(moving) = self.moving.take()
            && moving.delta.length() > 0.0
        {
            let moves = moving
                .ids
                .iter()
                .filter_map(|&m| {
                    map.claim(m).map(|c| {
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
        if response.secondary_clicked() && !selection.has_claim(id) {
            actions.push(Action::Select(Select::AddClaims(vec![id])));
        }
        response.context_menu(|ui| {
            if let Some(pins) = overlay.pins {
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
            if ui.button("Edit text").clicked() {
                actions.push(Action::Select(Select::OnlyClaim(id)));
                self.start_editing(map, id);
            }
            if claim.quote.is_some() && ui.button("Show in article").clicked() {
                actions.push(Action::ShowInArticle(id));
            }
            if ui.button("Delete").clicked()
                && let Some(edit) = edits::delete_selection(
                    map,
                    &Selection {
                        claims: vec![id],
                        links: vec![],
                    },
                )
            {
                actions.push(Action::Edit("Delete claim".into(), edit));
            }
        });
        let editing = self.editing.as_ref().is_some_and(|d| d.claim == id);
        let style = CardStyle {
            dark,
            selected: selection.has_claim(id),
            hovered: response.hovered(),
            ghost: false,
        };
        if !editing {
            cards::draw(painter, card, self.view.zoom, map, claim, &style);
            self.claim_marks(painter, claim.id, card, overlay, dark);
            if response.hovered() {
                self.card_tooltip(map, claim, overlay, &response);
            }
        }
        // The handle a link is dragged from.
        let show_handle = (response.hovered() || style.selected || self.linking == Some(id))
            && self.view.zoom >= cards::TEXT_MIN_ZOOM
            && self.moving.is_none()
            && self.focus.is_none();
        let handle_centre = card.center_bottom();
        let handle_rect = Rect::from_center_size(handle_centre, Vec2::splat(16.0));
        let handle = named(
            ui,
            handle_rect,
            ("handle", id.0),
            Sense::drag(),
            egui::Role::Button,
            format!("Link from: {}", claim.text),
        );
        if show_handle || handle.hovered() {
            let colour = theme::selection_colour(dark);
            painter.circle(
                handle_centre,
                6.0,
                theme::card_fill(dark),
                Stroke::new(2.0, colour),
            );
            painter.circle_filled(handle_centre, 2.5, colour);
        }
        if handle.drag_started() {
            self.linking = Some(id);
            self.pending_link = None;
        }
        if self.linking == Some(id)
            && let Some(pointer) = ui.input(|i| i.pointer.hover_pos())
        {
            let colour = theme::selection_colour(dark);
            painter.extend(egui::Shape::dashed_line(
                &[handle_centre, pointer],
                Stroke::new(2.0, colour),
                8.0,
                5.0,
            ));
            painter.circle_filled(pointer, 4.0, colour);
        }
    }

    fn rubber_band(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        bg: &egui::Response,
        rects: &HashMap<ClaimId, Rect>,
        actions: &mut Vec<Action>,
        dark: bool,
    ) {
        if bg.drag_started_by(PointerButton::Primary) && ui.input(|i| i.modifiers.shift) {
            self.band = bg.interact_pointer_pos();
        }
        let Some(start) = self.band else { return };
        let Some(now) = ui.input(|i| i.pointer.latest_pos()) else {
            return;
        };
        let band = Rect::from_two_pos(start, now);
        let colour = theme::selection_colour(dark);
        painter.rect(
            band,
            CornerRadius::ZERO,
            theme::wash(colour, dark),
            Stroke::new(1.0, colour),
            StrokeKind::Inside,
        );
        if bg.drag_stopped() || !ui.input(|i| i.pointer.primary_down()) {
            self.band = None;
            let mut hits: Vec<ClaimId> = rects
                .iter()
                .filter(|(_, r)| band.intersects(**r))
                .map(|(id, _)| *id)
                .collect();
            hits.sort();
            if !hits.is_empty() {
                actions.push(Action::Select(Select::AddClaims(hits)));
            }
        }
    }

    /// A passage dragged from the reader becomes a claim where it is dropped.
    fn quote_drop(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        rect: Rect,
        map: &Map,
        actions: &mut Vec<Action>,
        dark: bool,
    ) {
        if !egui::DragAndDrop::has_payload_of_type::<Passage>(ui.ctx()) {
            return;
        }
        let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) else {
            return;
        };
        if !rect.contains(pointer) {
            return;
        }
        let colour = theme::selection_colour(dark);
        painter.rect_stroke(
            rect.shrink(2.0),
            CornerRadius::same(4),
            Stroke::new(3.0, colour),
            StrokeKind::Inside,
        );
        if ui.input(|i| i.pointer.any_released())
            && let Some(passage) = egui::DragAndDrop::take_payload::<Passage>(ui.ctx())
        {
            let at = self.view.to_canvas(pointer);
            if let Some((edit, id)) = edits::add_quoted_claim(map, &passage, at) {
                actions.push(Action::Edit("Add quoted claim".into(), edit));
                actions.push(Action::GoToClaim(id));
            }
        }
    }
}

impl Canvas {
    /// While focused: which claim, how far out, and the way back.
    fn focus_bar(&self, ui: &Ui, map: &Map, actions: &mut Vec<Action>) {
        let Some(focus) = &self.focus else {
            return;
        };
        let name = map
            .claim(focus.claim)
            .map_or_else(String::new, cards::label_of);
        egui::Area::new(egui::Id::unique("argmap-focus-bar"))
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-8.0, 8.0))
            .constrain_to(self.rect)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(egui::RichText::new(format!("Focus: {name}")).strong());
                        for (steps, text) in [(1, "One step out"), (2, "Two steps out")] {
                            if ui.selectable_label(focus.steps == steps, text).clicked() {
                                actions.push(Action::FocusSteps(steps));
                            }
                        }
                        if ui
                            .button("Whole map")
                            .on_hover_text("Leave the focus (F or Escape)")
                            .clicked()
                        {
                            actions.push(Action::Command(crate::app::Command::Focus));
                        }
                    });
                });
            });
    }
}

/// An interactive area with an accessible name, so screen readers and tests
/// find it like any other widget.
fn named(
    ui: &Ui,
    rect: Rect,
    salt: impl std::hash::Hash + std::fmt::Debug,
    sense: Sense,
    role: egui::Role,
    label: String,
) -> egui::Response {
    let response = ui.interact(rect, ui.scope_id().with(salt), sense);
    response.widget_info(|| WidgetInfo::labeled(role, true, label.clone()));
    response
}
