//! The minimap: the whole map in miniature in the canvas's corner, with the
//! part in view outlined, shown while the map does not fit the view. A
//! click or a drag on it brings that part of the map into view.

use super::View;
use super::scene::Scene;
use crate::app::ui::theme;
use egui::epaint::Mesh;
use egui::{CornerRadius, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, vec2};

/// The minimap's largest size on screen.
const SIZE: Vec2 = vec2(220.0, 150.0);
const MARGIN: f32 = 12.0;

/// Draws the minimap over the canvas `screen` and returns the view it asks
/// for when clicked or dragged.
pub fn show(ui: &Ui, scene: &Scene, view: &View, screen: Rect, dark: bool) -> Option<View> {
    let bounds = scene.bounds();
    if !bounds.is_positive() || screen.width() < 3.0 * SIZE.x || screen.height() < 2.0 * SIZE.y {
        return None;
    }
    let seen = view.rect_to_canvas(screen);
    if seen.contains_rect(bounds) {
        return None;
    }
    // The map's shape, fitted into the corner.
    let scale = (SIZE.x / bounds.width()).min(SIZE.y / bounds.height());
    let size = bounds.size() * scale;
    let frame = Rect::from_min_size(screen.right_bottom() - size - Vec2::splat(MARGIN), size);
    let mini = View {
        origin: frame.min - bounds.min.to_vec2() * scale,
        zoom: scale,
    };
    let response = ui.interact(
        frame.expand(4.0),
        ui.scope_id().with("minimap"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, "Minimap"));
    let painter = ui.painter_at(screen);
    painter.rect(
        frame.expand(4.0),
        CornerRadius::same(4),
        theme::card_fill(dark).gamma_multiply(0.95),
        Stroke::new(1.0, theme::muted_text(dark).gamma_multiply(0.6)),
        StrokeKind::Outside,
    );
    // One dot per pixel at most, however many cards fall on it.
    let colour = theme::muted_text(dark);
    let (w, h) = (size.x.ceil() as usize + 1, size.y.ceil() as usize + 1);
    let mut taken = vec![false; w * h];
    let mut mesh = Mesh::default();
    for (i, r) in scene.cards() {
        let c = mini.origin + r.center().to_vec2() * scale;
        let (x, y) = ((c.x - frame.min.x) as usize, (c.y - frame.min.y) as usize);
        let Some(cell) = taken.get_mut(y.min(h - 1) * w + x.min(w - 1)) else {
            continue;
        };
        if *cell {
            continue;
        }
        *cell = true;
        let tile = Rect::from_center_size(c, (r.size() * scale).max(Vec2::splat(1.5)));
        mesh.add_colored_rect(tile, scene.stripes[i].unwrap_or(colour));
    }
    painter.add(mesh);
    // Never smaller than a few pixels, so a view far in can still be found.
    let outline = mini.rect_to_screen(seen);
    let outline = Rect::from_center_size(outline.center(), outline.size().max(Vec2::splat(6.0)))
        .intersect(frame.expand(2.0));
    painter.rect_stroke(
        outline,
        CornerRadius::same(2),
        Stroke::new(1.5, theme::selection_colour(dark)),
        StrokeKind::Inside,
    );
    let pointer = response.interact_pointer_pos()?;
    if !(response.clicked() || response.dragged()) {
        return None;
    }
    // The point under the pointer comes to the middle of the canvas.
    let target = mini.to_canvas(pointer);
    let mut moved = *view;
    moved.origin = screen.center() - vec2(target.x, target.y) * view.zoom;
    Some(moved)
}
