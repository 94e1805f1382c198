//! Where the view goes by itself: a fit asked for (once the panels around
//! the canvas have settled), again when the window changes size unless the
//! user has moved the view since, a claim or a ghost brought into view, and
//! the view before a focus given back when it ends.

use super::view::View;
use super::{far, overlay};
use crate::app::view::Focus;
use crate::model::{ClaimId, Point};
use egui::{Rect, Vec2};

#[derive(Default)]
pub struct Camera {
    /// A fit is waiting for the canvas to keep its size for a frame.
    fit_pending: bool,
    /// The canvas rectangle last frame.
    rect_before: Option<Rect>,
    /// The canvas size the view was last fitted to; `None` once the user
    /// panned or zoomed, so a resize leaves their view alone.
    fitted_to: Option<Vec2>,
    reveal: Option<ClaimId>,
    reveal_ghost: Option<ClaimId>,
    /// The focus shown last frame, and the view from before it began.
    focus: Option<Focus>,
    before_focus: Option<View>,
}

impl Camera {
    pub fn request_fit(&mut self) {
        self.fit_pending = true;
    }

    pub fn reveal(&mut self, id: ClaimId) {
        self.reveal = Some(id);
    }

    pub fn reveal_ghost(&mut self, id: ClaimId) {
        self.reveal_ghost = Some(id);
    }

    /// The user moved the view: a later resize keeps it.
    pub fn user_moved(&mut self) {
        self.fitted_to = None;
    }

    /// Follows the focus: the view before it is kept when it begins and
    /// given back when it ends.
    pub fn follow_focus(&mut self, focus: Option<Focus>, view: &mut View) {
        if focus == self.focus {
            return;
        }
        match (self.focus, focus) {
            (None, Some(_)) => self.before_focus = Some(*view),
            (Some(_), None) => {
                if let Some(before) = self.before_focus.take() {
                    *view = before;
                }
            }
            _ => {}
        }
        self.focus = focus;
    }

    /// Fits when asked (or when the canvas changed size and the view is
    /// still a fit), once the canvas's size has settled. `bounds` is what
    /// to fit, in canvas units; `None` for an empty map.
    pub fn settle(
        &mut self,
        ctx: &egui::Context,
        view: &mut View,
        rect: Rect,
        bounds: Option<Rect>,
    ) {
        let settled = self.rect_before == Some(rect);
        self.rect_before = Some(rect);
        if self.fitted_to.is_some_and(|size| size != rect.size()) {
            self.fit_pending = true;
        }
        if !self.fit_pending {
            return;
        }
        if !settled || rect.width() <= 50.0 {
            ctx.request_repaint();
            return;
        }
        self.fit_pending = false;
        self.fitted_to = Some(rect.size());
        match bounds {
            Some(bounds) => view.fit(bounds, rect),
            None => {
                *view = View {
                    origin: rect.center(),
                    zoom: 1.0,
                }
            }
        }
    }

    /// Brings a claim's card (canvas units, from `card`) or a ghost into
    /// view if one was asked for; from the far picture, zooms in to read it.
    pub fn bring_into_view(
        &mut self,
        view: &mut View,
        rect: Rect,
        card: impl Fn(ClaimId) -> Option<Rect>,
        ghost: impl Fn(ClaimId) -> Option<Point>,
    ) {
        if let Some(card) = self.reveal.take().and_then(&card) {
            if view.zoom < far::FAR_ZOOM {
                view.zoom_around(rect.center(), 1.0 / view.zoom);
            }
            self.show_on_screen(view, rect, view.rect_to_screen(card));
        }
        if let Some(at) = self.reveal_ghost.take().and_then(&ghost) {
            let card = view.card_rect(at, overlay::GHOST);
            self.show_on_screen(view, rect, card);
        }
    }

    fn show_on_screen(&mut self, view: &mut View, rect: Rect, card: Rect) {
        if !rect.shrink(20.0).contains_rect(card) {
            view.pan(rect.center() - card.center());
            self.fitted_to = None;
        }
    }
}
