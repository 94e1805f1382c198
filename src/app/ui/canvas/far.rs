//! Far out (below [`FAR_ZOOM`]) the map is drawn as a picture rather than
//! as widgets: every card a plain tile and every link a hairline between
//! card centres, all in one mesh; links whose ends fall in the same few
//! pixels as another's are drawn once; and the most prominent claims (main
//! contentions first, then those most argued about) are named where their
//! names fit. Pointing at a tile still works: hovering names it, a click
//! selects it, a drag moves it, a double click zooms in on it.

use super::Input;
use super::View;
use super::cards;
use super::marks;
use super::scene::Scene;
use crate::app::ui::theme;
use crate::model::{LinkKind, Map};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, CornerRadius, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2, pos2};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Below this zoom the canvas draws the far picture. Cards are then under
/// 45 pixels wide, too small for their text or a handle.
pub const FAR_ZOOM: f32 = cards::TEXT_MIN_ZOOM;

/// How many claims the far picture names at most, and how many it tries.
const NAMES: usize = 60;
const NAME_TRIES: usize = 4_000;
/// Link ends closer than this (pixels) count as the same place.
const MERGE_PX: f32 = 3.0;
/// A tile smaller than this still takes this much room under the pointer.
const MIN_TARGET_PX: f32 = 6.0;

/// The topmost card under `pointer`, as an index into `map.claims`.
pub fn claim_at(scene: &Scene, view: &View, pointer: Pos2) -> Option<usize> {
    let at = view.to_canvas(pointer);
    let at = pos2(at.x, at.y);
    let reach = MIN_TARGET_PX / 2.0 / view.zoom;
    scene
        .cards()
        .filter(|(_, r)| {
            let half = (r.size() / 2.0).max(Vec2::splat(reach));
            Rect::from_center_size(r.center(), half * 2.0).contains(at)
        })
        .last()
        .map(|(i, _)| i)
}

/// Colours the far picture needs, worked out once per frame.
struct Palette {
    fill: Color32,
    edge: Color32,
    plain: Color32,
    selected: Color32,
}

/// Draws the far picture of everything shown inside `screen`; `hovered`
/// is the tile under the pointer.
pub fn draw(
    painter: &Painter,
    input: &Input<'_>,
    scene: &Scene,
    view: &View,
    screen: Rect,
    hovered: Option<usize>,
) {
    let (map, selection, overlay) = (input.map, input.selection, input.overlay);
    let dark = painter.ctx().global_style().visuals.dark_mode;
    let area = view.rect_to_canvas(screen);
    let palette = Palette {
        fill: theme::card_fill(dark),
        edge: theme::muted_text(dark).gamma_multiply(0.7),
        plain: theme::muted_text(dark).gamma_multiply(0.5),
        selected: theme::selection_colour(dark),
    };
    // Room for every tile (up to three rectangles) and hairline at once,
    // rather than growing the buffers step by step on a large map.
    let mut mesh = Mesh::default();
    let quads = scene.courses.len() + 3 * scene.prominent.len();
    mesh.vertices.reserve(4 * quads);
    mesh.indices.reserve(6 * quads);
    links(&mut mesh, scene, view, area, dark);
    let selected: HashSet<usize> = selection
        .claims
        .iter()
        .filter_map(|&id| map.claim_index(id))
        .collect();
    let tile = |i: usize, r: Rect, mesh: &mut Mesh| {
        let card = view.rect_to_screen(r);
        let status = overlay
            .status
            .map(|l| marks::status_colour(l.claim(map.claims[i].id)));
        let source = scene.stripes[i];
        let stripe = status.or(source).unwrap_or(palette.plain);
        if selected.contains(&i) {
            rect(mesh, card.expand(2.0), palette.selected);
        }
        if card.width() < 6.0 {
            // Too small for a face: the tile is its stripe's colour.
            rect(mesh, card.expand(0.5), stripe);
            return;
        }
        rect(mesh, card, palette.edge);
        rect(mesh, card.shrink(1.0), palette.fill);
        let stripe_rect = Rect::from_min_max(
            card.min,
            pos2(card.min.x + (card.width() * 0.12).max(2.0), card.max.y),
        );
        rect(mesh, stripe_rect, stripe);
    };
    for (i, r) in scene.cards().filter(|(_, r)| r.intersects(area)) {
        tile(i, r, &mut mesh);
    }
    painter.add(mesh);
    if let Some(i) = hovered
        && let Some(r) = scene.card_by_index(i)
    {
        painter.rect_stroke(
            view.rect_to_screen(r).expand(2.0),
            CornerRadius::same(2),
            Stroke::new(2.0, theme::text_colour(dark)),
            StrokeKind::Outside,
        );
    }
    names(painter, map, scene, view, screen, dark);
}

/// Hairlines for every link in view, each course once per pair of places.
fn links(mesh: &mut Mesh, scene: &Scene, view: &View, area: Rect, dark: bool) {
    let support = theme::link_colour(LinkKind::Support, dark).gamma_multiply(0.75);
    let rebut = theme::link_colour(LinkKind::Rebut, dark).gamma_multiply(0.75);
    let width = (2.0 * view.zoom).clamp(0.8, 1.5);
    // Both ends' cells and the kind, packed in one word.
    let cell = |p: Pos2| -> u64 {
        let x = (p.x / MERGE_PX).floor() as i32 as u64 & 0xffff;
        let y = (p.y / MERGE_PX).floor() as i32 as u64 & 0x7fff;
        x | y << 16
    };
    let mut drawn: HashSet<u64, BuildHasherDefault<CellHasher>> =
        HashSet::with_capacity_and_hasher(scene.courses.len(), Default::default());
    for course in &scene.courses {
        let bounds = Rect::from_two_pos(course.from, course.to);
        if !bounds.intersects(area) {
            continue;
        }
        let a = view.origin + course.from.to_vec2() * view.zoom;
        let b = view.origin + course.to.to_vec2() * view.zoom;
        let (ca, cb) = (cell(a), cell(b));
        let kind_bit: u64 = match course.kind {
            LinkKind::Support => 0,
            LinkKind::Rebut => 1,
        };
        if ca == cb || !drawn.insert(ca | cb << 31 | kind_bit << 62) {
            continue;
        }
        let colour = match course.kind {
            LinkKind::Support => support,
            LinkKind::Rebut => rebut,
        };
        line(mesh, a, b, width, colour);
    }
}

/// Names of the most prominent claims in view, each where it clears the
/// names already placed, on a plate so it reads over the tiles.
fn names(painter: &Painter, map: &Map, scene: &Scene, view: &View, screen: Rect, dark: bool) {
    let text = theme::text_colour(dark);
    let plate = theme::card_fill(dark).gamma_multiply(0.92);
    let edge = theme::muted_text(dark).gamma_multiply(0.6);
    let font = FontId::proportional(cards::LABEL_MIN_PX + 1.0);
    let mut placed: Vec<Rect> = Vec::new();
    for &i in scene.prominent.iter().take(NAME_TRIES) {
        if placed.len() >= NAMES {
            break;
        }
        let Some(card) = scene.card_by_index(i) else {
            continue;
        };
        let centre = view.origin + card.center().to_vec2() * view.zoom;
        if !screen.shrink(8.0).contains(centre) {
            continue;
        }
        // The most room a name can take, to pass over crowded places
        // before laying any text out.
        let most = Rect::from_center_size(centre, Vec2::new(180.0, 2.0 * font.size + 8.0));
        if placed.iter().any(|p| p.intersects(most)) {
            continue;
        }
        let mut job = egui::text::LayoutJob::simple(
            cards::label_of(&map.claims[i]),
            font.clone(),
            text,
            170.0,
        );
        job.wrap.max_rows = 2;
        job.wrap.overflow_character = Some('…');
        let galley = painter.layout_job(job);
        let mut at = Rect::from_center_size(centre, galley.size() + Vec2::new(10.0, 6.0));
        // Kept whole inside the canvas, next to its tile at the edges.
        at = at.translate(Vec2::new(
            (screen.min.x - at.min.x).max(0.0) + (screen.max.x - at.max.x).min(0.0),
            (screen.min.y - at.min.y).max(0.0) + (screen.max.y - at.max.y).min(0.0),
        ));
        if placed.iter().any(|p| p.intersects(at)) {
            continue;
        }
        placed.push(at.expand(3.0));
        painter.rect(
            at,
            CornerRadius::same(4),
            plate,
            Stroke::new(1.0, edge),
            StrokeKind::Inside,
        );
        painter.galley(at.min + Vec2::new(5.0, 3.0), galley, text);
    }
}

fn rect(mesh: &mut Mesh, r: Rect, colour: Color32) {
    mesh.add_colored_rect(r, colour);
}

/// A straight line of `width` pixels as two triangles.
fn line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let n = (b - a).normalized().rot90() * (width / 2.0);
    let base = mesh.vertices.len() as u32;
    for pos in [a + n, a - n, b - n, b + n] {
        mesh.vertices.push(Vertex {
            pos,
            uv: WHITE_UV,
            color: colour,
        });
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// A quick hash for packed cell numbers: the far picture hashes up to one
/// per link every frame, where the default hasher's care costs too much.
#[derive(Default)]
struct CellHasher(u64);

impl Hasher for CellHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits: fold the well-mixed high
        // bits into them.
        self.0 ^ (self.0 >> 29)
    }
}
