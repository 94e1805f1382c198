//! The canvas: claims as cards, links as arrows. It draws the map, reports
//! gestures as [`Action`]s, and keeps only view state (pan, zoom, drags).
//! Only what is on screen is drawn, and text is skipped when zoomed far out.

pub mod cards;
mod editing;
pub mod far;
pub mod focus;
mod link_gestures;
pub mod links;
pub mod marks;
mod minimap;
mod overlay;
pub mod scene;
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
use scene::{Scene, SceneKey};
use std::collections::{BTreeMap, BTreeSet, HashSet};
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
    /// The map as placed, in canvas units, kept between frames.
    scene: Scene,
    /// Claims whose arguments are hidden behind their cards (view state).
    collapsed: BTreeSet<ClaimId>,
    /// What the collapsed claims hide, how many each, and the state they
    /// were worked out for (document version, collapse count).
    hidden: HashSet<ClaimId>,
    hidden_counts: BTreeMap<ClaimId, usize>,
    hidden_for: Option<((u64, u64), u64)>,
    collapse_changes: u64,
    /// Counts changes to a drag, so the scene follows the cards moved.
    drag_changes: u64,
    /// The card under the pointer in the far picture (index in `map.claims`).
    far_hover: Option<usize>,
    /// Whether the minimap shows while the map does not fit the view.
    pub minimap: bool,
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
            scene: Scene::default(),
            collapsed: BTreeSet::new(),
            hidden: HashSet::new(),
            hidden_counts: BTreeMap::new(),
            hidden_for: None,
            collapse_changes: 0,
            drag_changes: 0,
            far_hover: None,
            minimap: true,
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

    /// Hides (or shows again) everything that bears on `claim`.
    pub fn set_collapsed(&mut self, claim: ClaimId, collapsed: bool) {
        let changed = if collapsed {
            self.collapsed.insert(claim)
        } else {
            self.collapsed.remove(&claim)
        };
        if changed {
            self.collapse_changes += 1;
        }
    }

    pub fn is_collapsed(&self, claim: ClaimId) -> bool {
        self.collapsed.contains(&claim)
    }

    pub fn any_collapsed(&self) -> bool {
        !self.collapsed.is_empty()
    }

    /// Shows every collapsed claim's arguments again.
    pub fn expand_all(&mut self) {
        if !self.collapsed.is_empty() {
            self.collapsed.clear();
            self.collapse_changes += 1;
        }
    }

    /// How many claims collapsing `claim` hides (0 when it is not collapsed).
    pub fn hidden_behind(&self, claim: ClaimId) -> usize {
        self.hidden_counts.get(&claim).copied().unwrap_or(0)
    }

    /// Whether a claim is hidden behind a collapsed one.
    pub fn is_hidden(&self, claim: ClaimId) -> bool {
        self.hidden.contains(&claim)
    }

    /// Where a claim's card stands on the canvas as shown: its place in the
    /// map, or in the focus layout (`None` if focus or a collapse hides it).
    fn shown_at(&self, claim: &crate::model::Claim) -> Option<Point> {
        match &self.focus {
            Some(focus) => focus.position(claim.id),
            None if self.hidden.contains(&claim.id) => None,
            None => Some(claim.pos),
        }
    }

    /// Works out again what collapsed claims hide, when the map or the
    /// collapses changed; a new document starts with nothing collapsed.
    fn update_hidden(&mut self, map: &Map, version: (u64, u64)) {
        if self
            .hidden_for
            .is_some_and(|((doc, _), _)| doc != version.0)
        {
            self.expand_all();
        }
        let key = (version, self.collapse_changes);
        if self.hidden_for == Some(key) {
            return;
        }
        self.hidden_for = Some(key);
        (self.hidden, self.hidden_counts) = scene::hidden_by(map, &self.collapsed);
    }

    /// Builds the scene again when what it shows changed.
    fn update_scene(&mut self, map: &Map, version: (u64, u64)) {
        let key = SceneKey {
            version,
            sizes: self.sizes.changes(),
            layout: self.layout_changes(),
        };
        if self.scene.is_for(key) {
            return;
        }
        let moving: HashSet<ClaimId> = self
            .moving
            .as_ref()
            .map(|m| m.ids.iter().copied().collect())
            .unwrap_or_default();
        let delta = self.moving.as_ref().map_or(Vec2::ZERO, |m| m.delta);
        let mut scene = std::mem::take(&mut self.scene);
        scene.build(
            key,
            map,
            |claim| {
                let mut at = self.shown_at(claim)?;
                if moving.contains(&claim.id) {
                    at = Point::new(at.x + delta.x, at.y + delta.y);
                }
                Some(scene::card_at(at, self.sizes.get(claim.id)))
            },
            |claim| {
                claim
                    .quote
                    .as_ref()
                    .map(|q| theme::source_colour(&q.source))
            },
        );
        self.scene = scene;
    }

    /// Names what, besides the map, decides where cards stand: the focus,
    /// the collapses and a drag in progress.
    fn layout_changes(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.focus.as_ref().map(|f| (f.claim, f.steps)).hash(&mut h);
        self.collapse_changes.hash(&mut h);
        self.drag_changes.hash(&mut h);
        h.finish()
    }

    /// Bounding box of every card shown (ghosts of a model answer too), in
    /// canvas units.
    fn bounds(&self) -> Rect {
        let cards = self.scene.bounds();
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
        let view_before = self.view;
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

        self.sizes.update(ui.ctx(), map, version);
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
        self.update_hidden(map, version);
        self.update_scene(map, version);
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
                self.view.fit(self.bounds(), rect);
            }
        }
        if let Some(id) = self.reveal.take()
            && let Some(card) = self.scene.card(map, id)
        {
            if self.view.zoom < far::FAR_ZOOM {
                // From the far picture, going to a claim means reading it.
                self.view.zoom_around(rect.center(), 1.0 / self.view.zoom);
            }
            let card = self.view.rect_to_screen(card);
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
        let far = self.view.zoom < far::FAR_ZOOM;
        if far {
            self.far_gestures(ui, map, &bg, selection, overlay, actions);
        } else {
            self.far_hover = None;
        }
        self.pan_and_zoom(ui, rect, &bg);
        if self.moving.is_some() && far {
            // The scene follows a card dragged in the far picture.
            self.update_scene(map, version);
        }
        let far = self.view.zoom < far::FAR_ZOOM;

        let scene = std::mem::take(&mut self.scene);
        let visible = rect.expand(20.0);
        let area = self.view.rect_to_canvas(visible);
        let shown = Shown {
            map,
            scene: &scene,
            view: self.view,
            visible: if far {
                Vec::new()
            } else {
                scene
                    .cards()
                    .filter(|(_, r)| r.intersects(area))
                    .map(|(i, r)| (map.claims[i].id, self.view.rect_to_screen(r)))
                    .collect()
            },
        };
        // Arrow heads, badges and side-by-side offsets reach past a link's
        // straight course.
        let margin = 30.0 + 30.0 / self.view.zoom;
        let paths = if far {
            BTreeMap::new()
        } else {
            let near = map
                .links
                .iter()
                .enumerate()
                .filter(|(i, _)| scene.link_near(*i, area, margin))
                .map(|(_, l)| l);
            links::paths_of(
                map,
                near,
                |id| shown.rect(id),
                self.view.zoom,
                &scene.offsets,
            )
        };

        if far {
            far::draw(
                &painter,
                map,
                &scene,
                &self.view,
                rect,
                selection,
                overlay,
                self.far_hover,
                dark,
            );
        }
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
            let mut open: BTreeMap<crate::model::LinkId, usize> = BTreeMap::new();
            for q in overlay.open_questions {
                *open.entry(q.link).or_default() += 1;
            }
            // Cards and every badge are kept clear; labels then claim room in turn.
            let badge = links::badge_radius(self.view.zoom);
            let mut taken: Vec<Rect> = shown.visible.iter().map(|(_, r)| *r).collect();
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
            self.comparison_marks(ui, &painter, compared, &shown, &paths, dark);
        }
        for &(id, card) in &shown.visible {
            self.card(
                ui, &painter, map, id, card, selection, overlay, actions, dark,
            );
        }

        self.finish_link_drag(ui, map, &shown, &paths);
        self.rubber_band(ui, &painter, &bg, &shown, actions, dark);
        if bg.clicked() && !far {
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
        self.edit_in_place(ui, map, &shown, actions);
        drop(shown);
        if self.minimap
            && self.focus.is_none()
            && let Some(view) = minimap::show(ui, &scene, &self.view, rect, dark)
        {
            self.view = view;
        }
        self.scene = scene;
        self.pending_link_popup(ui, map, actions);
        self.focus_bar(ui, map, actions);
        if self.view != view_before {
            // The status bar, drawn before the canvas, shows the new zoom
            // on the next frame.
            ui.ctx().request_repaint();
        }
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
            && self.moving.is_none()
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
        if response.drag_started_by(PointerButton::Primary) {
            self.start_move(id, selection, shift, actions);
        }
        if response.dragged_by(PointerButton::Primary) {
            self.drag_by(response.drag_delta());
        }
        if response.drag_stopped() {
            self.finish_move(map, actions);
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
            let hides = self.hidden_behind(id);
            if self.is_collapsed(id) {
                if ui.button(format!("Expand ({hides} hidden)")).clicked() {
                    actions.push(Action::Collapse(id, false));
                }
            } else if map
                .links
                .iter()
                .any(|l| l.target == crate::model::Target::Claim(id))
                && ui.button("Collapse what bears on it").clicked()
            {
                actions.push(Action::Collapse(id, true));
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
        if self.is_collapsed(id) {
            self.collapsed_tab(ui, painter, id, card, dark, actions);
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

    /// The tab on a collapsed card: how many claims it hides; a click shows
    /// them again.
    fn collapsed_tab(
        &self,
        ui: &Ui,
        painter: &egui::Painter,
        id: ClaimId,
        card: Rect,
        dark: bool,
        actions: &mut Vec<Action>,
    ) {
        let hides = self.hidden_behind(id);
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
        let colour = theme::selection_colour(dark);
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
        response.on_hover_text("Show what bears on this claim again (C)");
    }

    /// A drag on a card starts moving it, and what is selected with it.
    fn start_move(
        &mut self,
        id: ClaimId,
        selection: &Selection,
        shift: bool,
        actions: &mut Vec<Action>,
    ) {
        if self.focus.is_some() {
            return;
        }
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
        self.drag_changes += 1;
    }

    fn drag_by(&mut self, screen_delta: Vec2) {
        if let Some(moving) = &mut self.moving
            && screen_delta != Vec2::ZERO
        {
            moving.delta += screen_delta / self.view.zoom;
            self.drag_changes += 1;
        }
    }

    /// The end of a drag: the cards moved, as one undoable edit.
    fn finish_move(&mut self, map: &Map, actions: &mut Vec<Action>) {
        let Some(moving) = self.moving.take() else {
            return;
        };
        self.drag_changes += 1;
        if moving.delta.length() == 0.0 {
            return;
        }
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

    /// Pointing at the far picture: hovering names a tile, a click selects
    /// it, a double click zooms in on it, a drag moves it.
    fn far_gestures(
        &mut self,
        ui: &Ui,
        map: &Map,
        bg: &egui::Response,
        selection: &Selection,
        overlay: &Overlay<'_>,
        actions: &mut Vec<Action>,
    ) {
        let pointer = ui.input(|i| i.pointer.hover_pos());
        self.far_hover = pointer
            .filter(|p| self.rect.contains(*p))
            .and_then(|p| far::claim_at(&self.scene, &self.view, p));
        let under = self.far_hover.map(|i| map.claims[i].id);
        let shift = ui.input(|i| i.modifiers.shift);
        if let Some(i) = self.far_hover
            && self.moving.is_none()
        {
            let claim = &map.claims[i];
            let mut text = cards::label_of(claim);
            if let Some(labelling) = overlay.status {
                let pins = overlay.pins.cloned().unwrap_or_default();
                text.push_str("\n\n");
                text.push_str(&crate::analysis::evaluate::explain(
                    map, labelling, &pins, claim.id,
                ));
            }
            bg.clone().on_hover_text_at_pointer(text);
        }
        if bg.drag_started_by(PointerButton::Primary)
            && !shift
            && let Some(id) = under
        {
            self.start_move(id, selection, false, actions);
        }
        if bg.dragged_by(PointerButton::Primary) {
            self.drag_by(bg.drag_delta());
        }
        if bg.drag_stopped() {
            self.finish_move(map, actions);
        }
        if bg.double_clicked()
            && let (Some(id), Some(at)) = (under, pointer)
        {
            actions.push(Action::Select(Select::OnlyClaim(id)));
            self.view.zoom_around(at, 1.0 / self.view.zoom);
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

    fn rubber_band(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        bg: &egui::Response,
        shown: &Shown<'_>,
        actions: &mut Vec<Action>,
        dark: bool,
    ) {
        if self.moving.is_some() {
            return;
        }
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

/// Where cards stand on screen this frame: those in view listed, any other
/// found in the scene when asked for.
pub(super) struct Shown<'a> {
    map: &'a Map,
    scene: &'a Scene,
    view: View,
    /// Cards in view, in the map's order (later ones drawn on top).
    pub visible: Vec<(ClaimId, Rect)>,
}

impl Shown<'_> {
    /// A shown claim's card on screen, in view or not.
    pub fn rect(&self, id: ClaimId) -> Option<Rect> {
        self.scene
            .card(self.map, id)
            .map(|r| self.view.rect_to_screen(r))
    }

    /// Every shown card on screen, in view or not.
    pub fn all(&self) -> impl Iterator<Item = (ClaimId, Rect)> + '_ {
        self.scene
            .cards()
            .map(|(i, r)| (self.map.claims[i].id, self.view.rect_to_screen(r)))
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
