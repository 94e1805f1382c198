//! Pan and zoom: how canvas coordinates map onto the screen.

use crate::model::Point;
use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Far enough out that a map of a whole course (10,000 claims and more) fits.
pub const MIN_ZOOM: f32 = 0.005;
pub const MAX_ZOOM: f32 = 4.0;

/// `screen = origin + canvas × zoom`, where `origin` is where canvas (0, 0) appears.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub origin: Pos2,
    pub zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        Self {
            origin: pos2(400.0, 200.0),
            zoom: 1.0,
        }
    }
}

impl View {
    pub fn to_screen(&self, p: Point) -> Pos2 {
        self.origin + vec2(p.x, p.y) * self.zoom
    }

    pub fn to_canvas(&self, p: Pos2) -> Point {
        let v = (p - self.origin) / self.zoom;
        Point::new(v.x, v.y)
    }

    /// A card's screen rectangle from its canvas centre and size.
    pub fn card_rect(&self, centre: Point, size: Vec2) -> Rect {
        Rect::from_center_size(self.to_screen(centre), size * self.zoom)
    }

    /// A rectangle in canvas units, on screen.
    pub fn rect_to_screen(&self, r: Rect) -> Rect {
        Rect::from_min_max(
            self.origin + r.min.to_vec2() * self.zoom,
            self.origin + r.max.to_vec2() * self.zoom,
        )
    }

    /// The part of the canvas (canvas units) that `screen` shows.
    pub fn rect_to_canvas(&self, screen: Rect) -> Rect {
        Rect::from_min_max(
            ((screen.min - self.origin) / self.zoom).to_pos2(),
            ((screen.max - self.origin) / self.zoom).to_pos2(),
        )
    }

    pub fn pan(&mut self, delta: Vec2) {
        self.origin += delta;
    }

    /// Multiplies the zoom by `factor`, keeping the canvas point under `anchor` still.
    pub fn zoom_around(&mut self, anchor: Pos2, factor: f32) {
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let fixed = self.to_canvas(anchor);
        self.zoom = zoom;
        self.origin = anchor - vec2(fixed.x, fixed.y) * zoom;
    }

    /// Zoom and pan so that `bounds` (canvas units) fills `screen` with a margin.
    /// Never zooms in beyond 100 %: a small map stays at its natural size.
    /// Frames `all` if it can be read at `readable` zoom or more, else
    /// `latest` (the part just added) at no less than `readable`, centred.
    /// Present mode's framing: never past twice the cards' size.
    pub fn fit_readable(&mut self, all: Rect, latest: Rect, screen: Rect, readable: f32) {
        let margin = 24.0;
        let avail = (screen.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(10.0));
        let zoom_for = |r: Rect| (avail.x / r.width()).min(avail.y / r.height());
        if !all.is_finite() || all.width() <= 0.0 || screen.width() <= 0.0 {
            return;
        }
        let most = readable.max(2.0);
        let (target, zoom) = if zoom_for(all) >= readable {
            (all, zoom_for(all).min(most))
        } else if latest.is_finite() && latest.width() > 0.0 {
            (latest, zoom_for(latest).clamp(readable, most))
        } else {
            (all, readable)
        };
        self.zoom = zoom;
        self.origin = screen.center() - target.center().to_vec2() * zoom;
    }

    pub fn fit(&mut self, bounds: Rect, screen: Rect) {
        if !bounds.is_finite() || bounds.width() <= 0.0 || screen.width() <= 0.0 {
            return;
        }
        let margin = 24.0;
        let avail = (screen.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(10.0));
        let zoom = (avail.x / bounds.width())
            .min(avail.y / bounds.height())
            .clamp(MIN_ZOOM, 1.0);
        self.zoom = zoom;
        self.origin = screen.center() - bounds.center().to_vec2() * zoom;
    }
}
