//! Where links run, shared by the canvas and image export. Arrows end at card
//! borders; a linked argument joins its premises at a dot before the arrow;
//! an undercut ends at the badge of the link it attacks.

use crate::model::{ClaimId, Link, LinkId, LinkKind, Map, Target};
use egui::{Pos2, Rect, Vec2};
use std::collections::{BTreeMap, HashMap};

/// Radius of the +/− badge at a link's middle, at 100 % zoom.
pub const BADGE_RADIUS: f32 = 9.0;

/// The badge's radius on screen: it shrinks with zoom, but never so far that
/// its + or − can no longer be read.
pub fn badge_radius(zoom: f32) -> f32 {
    (BADGE_RADIUS * zoom).clamp(5.5, 2.0 * BADGE_RADIUS)
}

/// A link's path in screen space.
#[derive(Clone, Debug)]
pub struct LinkPath {
    pub id: LinkId,
    pub kind: LinkKind,
    /// From each premise to the junction (only for linked arguments).
    pub tails: Vec<[Pos2; 2]>,
    /// The segment that ends in the arrow head at the target.
    pub main: [Pos2; 2],
    /// Centre of the badge; undercuts aim here.
    pub anchor: Pos2,
}

impl LinkPath {
    pub fn bounds(&self) -> Rect {
        let mut rect = Rect::from_two_pos(self.main[0], self.main[1]);
        for [a, b] in &self.tails {
            rect = rect.union(Rect::from_two_pos(*a, *b));
        }
        rect
    }

    /// Distance from `p` to the nearest drawn segment.
    pub fn distance(&self, p: Pos2) -> f32 {
        std::iter::once(&self.main)
            .chain(&self.tails)
            .map(|[a, b]| segment_distance(p, *a, *b))
            .fold(f32::INFINITY, f32::min)
    }
}

/// Paths of every link whose ends are known, given each claim's screen rectangle.
pub fn paths(map: &Map, rects: &HashMap<ClaimId, Rect>, zoom: f32) -> BTreeMap<LinkId, LinkPath> {
    let offsets = parallel_offsets(map);
    paths_of(
        map,
        &map.links,
        |id| rects.get(&id).copied(),
        zoom,
        &offsets,
    )
}

/// Paths of `links` (and of the links they undercut, whose badges they aim
/// at), with each claim's screen rectangle from `rect`.
pub fn paths_of<'a>(
    map: &Map,
    links: impl IntoIterator<Item = &'a Link>,
    rect: impl Fn(ClaimId) -> Option<Rect>,
    zoom: f32,
    offsets: &HashMap<LinkId, f32>,
) -> BTreeMap<LinkId, LinkPath> {
    let mut out = BTreeMap::new();
    for link in links {
        path_of(map, link, &rect, zoom, offsets, &mut out, 0);
    }
    out
}

/// Links between the same two claims in opposite directions are drawn side
/// by side rather than on top of each other.
pub fn parallel_offsets(map: &Map) -> HashMap<LinkId, f32> {
    let mut by_pair: HashMap<(ClaimId, ClaimId), Vec<LinkId>> = HashMap::new();
    for link in &map.links {
        if let Some((a, b)) = link.simple_ends() {
            by_pair
                .entry((a.min(b), a.max(b)))
                .or_default()
                .push(link.id);
        }
    }
    let mut offsets = HashMap::new();
    for ids in by_pair.values().filter(|ids| ids.len() > 1) {
        let n = ids.len() as f32;
        for (i, id) in ids.iter().enumerate() {
            offsets.insert(*id, (i as f32 - (n - 1.0) / 2.0) * 14.0);
        }
    }
    offsets
}

fn path_of(
    map: &Map,
    link: &Link,
    rects: &dyn Fn(ClaimId) -> Option<Rect>,
    zoom: f32,
    offsets: &HashMap<LinkId, f32>,
    out: &mut BTreeMap<LinkId, LinkPath>,
    depth: usize,
) -> Option<Pos2> {
    if let Some(done) = out.get(&link.id) {
        return Some(done.anchor);
    }
    // Links aimed at links cannot loop in a valid map; the bound is a guard.
    if depth > map.links.len() {
        return None;
    }
    let premises: Vec<Rect> = link.premises.iter().filter_map(|p| rects(*p)).collect();
    if premises.len() != link.premises.len() || premises.is_empty() {
        return None;
    }
    let target_centre;
    let target_end: Box<dyn Fn(Pos2) -> Pos2> = match link.target {
        Target::Claim(id) => {
            let rect = rects(id)?;
            target_centre = rect.center();
            Box::new(move |from| border_point(rect, from))
        }
        Target::Link(id) => {
            let target = map.link(id)?;
            let anchor = path_of(map, target, rects, zoom, offsets, out, depth + 1)?;
            target_centre = anchor;
            let radius = badge_radius(zoom) + 2.0;
            Box::new(move |from: Pos2| anchor + (from - anchor).normalized() * radius)
        }
    };
    let path = if let [premise] = premises.as_slice() {
        let start = border_point(*premise, target_centre);
        let end = target_end(premise.center());
        let shift = offsets.get(&link.id).copied().unwrap_or(0.0) * zoom;
        // The side is measured along the pair's own direction (lower id to
        // higher), so links in opposite directions end up on opposite sides.
        let forward = link.simple_ends().is_some_and(|(from, to)| from < to);
        let along = if forward { end - start } else { start - end };
        let normal = along.normalized().rot90() * shift;
        let main = [start + normal, end + normal];
        LinkPath {
            id: link.id,
            kind: link.kind,
            tails: Vec::new(),
            main,
            anchor: main[0].lerp(main[1], 0.5),
        }
    } else {
        let centroid = premises
            .iter()
            .fold(Vec2::ZERO, |acc, r| acc + r.center().to_vec2())
            / premises.len() as f32;
        let centroid = centroid.to_pos2();
        let end = target_end(centroid);
        let junction = centroid.lerp(end, 0.45);
        let tails = premises
            .iter()
            .map(|r| [border_point(*r, junction), junction])
            .collect();
        LinkPath {
            id: link.id,
            kind: link.kind,
            tails,
            main: [junction, end],
            anchor: junction.lerp(end, 0.5),
        }
    };
    let anchor = path.anchor;
    out.insert(link.id, path);
    Some(anchor)
}

/// Where the line from the centre of `rect` towards `towards` leaves the rectangle.
pub fn border_point(rect: Rect, towards: Pos2) -> Pos2 {
    let c = rect.center();
    let d = towards - c;
    if d.x.abs() < f32::EPSILON && d.y.abs() < f32::EPSILON {
        return c;
    }
    let half = rect.size() / 2.0;
    let tx = if d.x.abs() > f32::EPSILON {
        half.x / d.x.abs()
    } else {
        f32::INFINITY
    };
    let ty = if d.y.abs() > f32::EPSILON {
        half.y / d.y.abs()
    } else {
        f32::INFINITY
    };
    c + d * tx.min(ty).min(1.0)
}

fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 <= f32::EPSILON {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}
