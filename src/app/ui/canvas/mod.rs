//! The canvas: claims as cards, links as arrows. It draws the map as the
//! view state says (focus, collapses, comparison), reports what the user
//! did as [`Action`]s, and keeps only what a widget keeps: pan and zoom, a
//! gesture under way, the text typed into a card, and caches of where
//! cards stand. Only what is on screen is drawn, and far out the map is a
//! picture rather than widgets.
//!
//! Its parts: `camera` (where the view goes by itself), `gestures` (the
//! pointer on the canvas), `card_input` and `cards` (a card as a widget,
//! and how it looks), `link_gestures` and `links` (the same for links),
//! `placement` (where the view state puts cards), `overlay` and `marks`
//! (the teaching views), `editing` (text edited on a card), `far`,
//! `minimap` and `scene`.

mod camera;
mod card_input;
pub mod cards;
pub mod far;
mod gestures;
mod link_gestures;
pub mod links;
pub mod marks;
mod minimap;
mod overlay;
mod placement;
pub mod scene;
mod text_editor;
pub mod view;

use super::theme;
use crate::app::actions::Action;
use crate::app::document::Version;
use crate::app::selection::Selection;
use crate::app::teaching::Overlay;
use crate::app::view::{ViewRequest, ViewState};
use crate::model::{ClaimId, LinkId, Map, Point};
use cards::CardSizes;
use egui::{Align2, CornerRadius, Rect, Sense, Ui, Vec2, WidgetInfo};
use scene::{Scene, SceneKey};
use std::collections::{BTreeMap, HashSet};
pub use view::View;

/// The zoom from which links show their argument scheme's name.
pub const SCHEME_ZOOM: f32 = 0.6;

/// The least zoom present mode frames a step at: card text at 24 points,
/// large enough for the back of a classroom.
pub const PRESENT_ZOOM: f32 = 24.0 / crate::render::measure::FONT_SIZE;

/// What the canvas reads this frame.
pub struct Input<'a> {
    pub map: &'a Map,
    pub version: Version,
    pub selection: &'a Selection,
    pub overlay: &'a Overlay<'a>,
    pub view: &'a ViewState,
}

pub struct Canvas {
    /// Pan and zoom.
    pub view: View,
    /// The screen area the canvas had this frame.
    pub rect: Rect,
    camera: camera::Camera,
    sizes: CardSizes,
    /// The map as placed, in canvas units, kept between frames.
    scene: Scene,
    placement: placement::Placement,
    gestures: gestures::Gestures,
    links: link_gestures::LinkDrag,
    editor: Option<text_editor::Draft>,
    /// What each card and link says to a screen reader besides its words.
    spoken: Spoken,
    /// Present mode asked to frame its step: waits for the canvas to keep
    /// its size for a frame (the window goes full screen first).
    step_fit: Option<Rect>,
    /// The canvas's rectangle when present mode last framed a step.
    framed_in: Option<Rect>,
}

/// The links at each claim, for the descriptions screen readers read, and
/// the order Tab visits the cards in: found once per version of the map,
/// and only when a screen reader listens or the keyboard moves focus.
#[derive(Default)]
struct Spoken {
    version: Option<Version>,
    ends: crate::analysis::spoken::Ends,
    /// Each claim's place in the reading order, once asked for.
    rank: Option<std::collections::HashMap<ClaimId, usize>>,
}

impl Spoken {
    fn ends(&mut self, map: &Map, version: Version) -> &crate::analysis::spoken::Ends {
        if self.version != Some(version) {
            self.ends = crate::analysis::spoken::Ends::of(map);
            self.rank = None;
            self.version = Some(version);
        }
        &self.ends
    }

    fn rank(&mut self, map: &Map, version: Version) -> &std::collections::HashMap<ClaimId, usize> {
        self.ends(map, version);
        let ends = &self.ends;
        self.rank.get_or_insert_with(|| {
            crate::analysis::spoken::reading_order(map, ends)
                .into_iter()
                .enumerate()
                .map(|(i, id)| (id, i))
                .collect()
        })
    }
}

impl Default for Canvas {
    fn default() -> Self {
        Self {
            view: View::default(),
            rect: Rect::NOTHING,
            camera: Default::default(),
            sizes: Default::default(),
            scene: Default::default(),
            placement: Default::default(),
            gestures: Default::default(),
            links: Default::default(),
            editor: None,
            spoken: Spoken::default(),
            step_fit: None,
            framed_in: None,
        }
    }
}

impl Canvas {
    /// Card sizes at 100 % zoom, for Tidy and for placing new claims.
    pub fn card_size(&self, id: ClaimId) -> Vec2 {
        self.sizes.get(id)
    }

    /// The canvas point in the middle of the view (where new claims go).
    pub fn centre(&self) -> Point {
        self.view.to_canvas(self.rect.center())
    }

    /// Whether a canvas point is in view.
    pub fn shows(&self, p: Point) -> bool {
        self.rect.contains(self.view.to_screen(p))
    }

    /// Whether a claim is hidden behind a collapsed one.
    pub fn is_hidden(&self, claim: ClaimId) -> bool {
        self.placement.is_hidden(claim)
    }

    /// How many claims collapsing `claim` hides (0 when it is not collapsed).
    pub fn hidden_behind(&self, claim: ClaimId) -> usize {
        self.placement.hidden_behind(claim)
    }

    /// Whether the support/rebut choice after a link drag is open.
    pub fn is_choosing_link(&self) -> bool {
        self.links.pending.is_some()
    }

    /// Whether a claim's text is being edited on its card.
    pub fn is_editing(&self) -> bool {
        self.editor.is_some()
    }

    /// Takes the asks the handlers queued for the canvas.
    fn take_requests(&mut self, requests: &[ViewRequest]) {
        for request in requests {
            match request {
                ViewRequest::Fit => self.camera.request_fit(),
                ViewRequest::ZoomBy(factor) => {
                    self.view.zoom_around(self.rect.center(), *factor);
                    self.camera.user_moved();
                }
                ViewRequest::Reveal(id) => self.camera.reveal(*id),
                ViewRequest::RevealGhost(id) => self.camera.reveal_ghost(*id),
                ViewRequest::FitStep => self.step_fit = Some(Rect::NOTHING),
                _ => {}
            }
        }
    }

    /// Brings the caches up to date with the map and the view state.
    fn prepare(&mut self, ctx: &egui::Context, input: &Input<'_>) {
        self.sizes.update(ctx, input.map, input.version);
        let refit = self.placement.update(
            input.map,
            input.version,
            input.view,
            &self.sizes,
            input.overlay.comparison,
            self.rect.size(),
        );
        let focus = input.view.focus.filter(|_| self.placement.focused());
        self.camera.follow_focus(focus, &mut self.view);
        if refit {
            self.camera.request_fit();
        }
        self.follow_editing(input);
        self.update_scene(input.map, input.version);
    }

    /// Builds the scene again when what it shows changed.
    fn update_scene(&mut self, map: &Map, version: Version) {
        let key = SceneKey {
            version,
            sizes: self.sizes.changes(),
            layout: self.placement.key() ^ self.gestures.drag_changes.rotate_left(32),
        };
        if self.scene.is_for(key) {
            return;
        }
        let moving: HashSet<ClaimId> = self
            .gestures
            .moving
            .as_ref()
            .map(|m| m.ids.iter().copied().collect())
            .unwrap_or_default();
        let delta = self
            .gestures
            .moving
            .as_ref()
            .map_or(Vec2::ZERO, |m| m.delta);
        let mut scene = std::mem::take(&mut self.scene);
        scene.build(
            key,
            map,
            |claim| {
                let mut at = self.placement.shown_at(claim)?;
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

    /// Bounding box of every card shown (ghosts of a model answer too), in
    /// canvas units; `None` when nothing is shown.
    fn bounds(&self, input: &Input<'_>) -> Option<Rect> {
        let mut bounds = self.scene.bounds();
        if !self.placement.focused() && input.overlay.missing.claims {
            for p in self.placement.ghosts.values() {
                bounds = bounds.union(Rect::from_center_size(egui::pos2(p.x, p.y), overlay::GHOST));
            }
        }
        bounds.is_positive().then_some(bounds)
    }

    /// Frames present mode's step once the canvas has kept its size for a
    /// frame, and again whenever it changes size while presenting.
    fn frame_step(&mut self, ctx: &egui::Context, input: &Input<'_>, rect: Rect) {
        let Some(presenting) = &input.view.presenting else {
            self.step_fit = None;
            self.framed_in = None;
            return;
        };
        if self.step_fit.is_none() && self.framed_in.is_some_and(|r| r != rect) {
            self.step_fit = Some(Rect::NOTHING);
        }
        let Some(before) = self.step_fit else {
            return;
        };
        if before != rect || rect.width() <= 50.0 {
            self.step_fit = Some(rect);
            ctx.request_repaint();
            return;
        }
        self.step_fit = None;
        let latest = presenting
            .latest
            .iter()
            .filter_map(|&id| self.scene.card(input.map, id))
            .fold(Rect::NOTHING, |a, b| a.union(b));
        if let Some(all) = self.bounds(input) {
            self.view.fit_readable(all, latest, rect, PRESENT_ZOOM);
        }
        self.framed_in = Some(rect);
        // The framing is present mode's: the camera's own fit keeps off it.
        self.camera.user_moved();
    }

    /// Draws the map and handles input. Edits come back as actions.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        input: &Input<'_>,
        requests: &[ViewRequest],
        actions: &mut Vec<Action>,
    ) {
        let rect = ui.available_rect_before_wrap();
        self.rect = rect;
        let view_before = self.view;
        let bg = named(
            ui,
            rect,
            "canvas",
            Sense::click_and_drag(),
            egui::Role::Canvas,
            "Map canvas".to_owned(),
        );
        if bg.clicked() || bg.drag_started() {
            // A click on the map gives the keyboard back to the map.
            ui.ctx().memory_mut(|m| m.stop_text_input());
        }
        let painter = ui.painter_at(rect);
        painter.rect_filled(
            rect,
            CornerRadius::ZERO,
            theme::canvas_fill_for(
                ui.visuals().dark_mode,
                theme::is_high_contrast(ui.visuals()),
            ),
        );
        self.take_requests(requests);
        self.prepare(ui.ctx(), input);
        let bounds = self.bounds(input);
        self.camera.settle(
            ui.ctx(),
            &mut self.view,
            rect,
            bounds.filter(|_| !input.map.claims.is_empty()),
        );
        self.frame_step(ui.ctx(), input, rect);
        let (scene, ghosts) = (&self.scene, &self.placement.ghosts);
        self.camera.bring_into_view(
            &mut self.view,
            rect,
            |id| scene.card(input.map, id),
            |id| ghosts.get(&id).copied(),
        );
        if self.view.zoom < far::FAR_ZOOM {
            self.far_gestures(ui, input, &bg, actions);
        } else {
            self.gestures.far_hover = None;
        }
        self.pan_and_zoom(ui, rect, &bg);
        if self.gestures.moving.is_some() && self.view.zoom < far::FAR_ZOOM {
            // The scene follows a card dragged in the far picture.
            self.update_scene(input.map, input.version);
        }
        let scene = std::mem::take(&mut self.scene);
        self.draw_map(ui, &painter, input, &scene, &bg, actions);
        if input.view.minimap
            && input.view.focus.is_none()
            && input.view.presenting.is_none()
            && let Some(view) = minimap::show(ui, &scene, &self.view, rect, ui.visuals().dark_mode)
        {
            self.view = view;
            self.camera.user_moved();
        }
        self.scene = scene;
        self.pending_link_popup(ui, input.map, actions);
        if self.view != view_before {
            // The status bar, drawn before the canvas, shows the new zoom
            // on the next frame.
            ui.ctx().request_repaint();
        }
        if input.map.claims.is_empty() {
            let keys = crate::app::ui::fields::keys(ui.ctx(), crate::app::Command::NewClaim);
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                format!(
                    "Select a passage in the reader and drag it here,\nor press {keys} for a claim of your own."
                ),
                egui::FontId::proportional(16.0),
                theme::muted_text(ui.visuals().dark_mode),
            );
        }
    }

    /// The map itself, near (cards and links as widgets) or far (a picture),
    /// with what the pointer does to it.
    fn draw_map(
        &mut self,
        ui: &mut Ui,
        painter: &egui::Painter,
        input: &Input<'_>,
        scene: &Scene,
        bg: &egui::Response,
        actions: &mut Vec<Action>,
    ) {
        let far = self.view.zoom < far::FAR_ZOOM;
        let visible = self.rect.expand(20.0);
        let area = self.view.rect_to_canvas(visible);
        let mut shown = Shown {
            map: input.map,
            scene,
            view: self.view,
            visible: if far {
                Vec::new()
            } else {
                scene
                    .cards()
                    .filter(|(_, r)| r.intersects(area))
                    .map(|(i, r)| (input.map.claims[i].id, shown_rect(&self.view, r)))
                    .collect()
            },
        };
        let paths = if far {
            BTreeMap::new()
        } else {
            self.paths_near(input.map, scene, &shown, area)
        };
        if far {
            far::draw(
                painter,
                input,
                scene,
                &self.view,
                self.rect,
                self.gestures.far_hover,
            );
        }
        let dark = ui.visuals().dark_mode;
        for path in paths.values() {
            if path.bounds().intersects(visible) {
                let selected = input.selection.has_link(path.id);
                links::draw(painter, path, self.view.zoom, dark, selected);
            }
        }
        for path in paths.values() {
            if visible.contains(path.anchor) {
                self.link_badge(ui, input, path, actions);
            }
        }
        if self.view.zoom >= SCHEME_ZOOM {
            self.scheme_names(painter, input, &shown, &paths);
        }
        if let Some(compared) = input.overlay.comparison {
            self.comparison_marks(ui, painter, input, compared, &shown, &paths);
        }
        // Tab visits cards in the order they are made: the argument's
        // order, once the keyboard is moving focus about.
        if ui.memory(|m| m.focused().is_some()) || ui.input(|i| i.key_pressed(egui::Key::Tab)) {
            let rank = self.spoken.rank(input.map, input.version);
            shown
                .visible
                .sort_by_key(|(id, _)| rank.get(id).copied().unwrap_or(usize::MAX));
        }
        for &(id, card) in &shown.visible {
            self.card(ui, painter, input, id, card, actions);
        }
        self.finish_link_drag(ui, input.map, &shown, &paths);
        self.rubber_band(ui, painter, bg, &shown, actions);
        if !far {
            self.background_click(ui, bg, &paths, actions);
        }
        self.quote_drop(ui, painter, input, actions);
        self.edit_in_place(ui, input, &shown, actions);
    }

    /// The courses of the links that may show in `area` (canvas units).
    fn paths_near(
        &self,
        map: &Map,
        scene: &Scene,
        shown: &Shown<'_>,
        area: Rect,
    ) -> BTreeMap<LinkId, links::LinkPath> {
        // Arrow heads, badges and side-by-side offsets reach past a link's
        // straight course.
        let margin = 30.0 + 30.0 / self.view.zoom;
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
    }

    /// Scheme names beside the badges once they can be read: a teacher
    /// zooms in on one exchange. Cards and badges are kept clear; labels
    /// then claim room in turn.
    fn scheme_names(
        &self,
        painter: &egui::Painter,
        input: &Input<'_>,
        shown: &Shown<'_>,
        paths: &BTreeMap<LinkId, links::LinkPath>,
    ) {
        let catalogue = crate::schemes::Catalogue::bundled();
        let mut open: BTreeMap<LinkId, usize> = BTreeMap::new();
        for q in input.overlay.open_questions {
            *open.entry(q.link).or_default() += 1;
        }
        let badge = links::badge_radius(self.view.zoom);
        let mut taken: Vec<Rect> = shown.visible.iter().map(|(_, r)| *r).collect();
        taken.extend(
            paths
                .values()
                .map(|p| Rect::from_center_size(p.anchor, Vec2::splat(badge * 2.0))),
        );
        let visible = self.rect.expand(20.0);
        let dark = painter.ctx().global_style().visuals.dark_mode;
        for path in paths.values() {
            let Some(link) = input.map.link(path.id).filter(|l| !l.scheme.is_empty()) else {
                continue;
            };
            if visible.contains(path.anchor) {
                let named = (
                    catalogue.display_name(&link.scheme),
                    open.get(&link.id).copied().unwrap_or(0),
                );
                links::draw_scheme(painter, path, named, self.view.zoom, dark, &mut taken);
            }
        }
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
            .map(|r| shown_rect(&self.view, r))
    }

    /// Every shown card on screen, in view or not.
    pub fn all(&self) -> impl Iterator<Item = (ClaimId, Rect)> + '_ {
        self.scene
            .cards()
            .map(|(i, r)| (self.map.claims[i].id, shown_rect(&self.view, r)))
    }
}

/// A card (canvas units) as it stands on screen.
fn shown_rect(view: &View, card: Rect) -> Rect {
    cards::sign_rect(view.rect_to_screen(card), view.zoom)
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
