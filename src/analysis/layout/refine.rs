//! The last step for maps of a reasonable size: links are drawn straight, so
//! crossings are counted on the drawing itself (a premise's centre to its
//! conclusion's, or to the middle of the link an undercut attacks), and
//! cards are swapped with their neighbours or slid along their row while
//! that removes crossings or shortens links.

use super::{H_GAP, Size};
use crate::model::{ClaimId, Map, Point, Target};
use std::collections::BTreeMap;

/// Above this many link segments the drawing is left as placed.
pub const MAX_SEGMENTS: usize = 600;
/// How many segment pairs the moves may compare in all, for one layout, so
/// untangling takes a fraction of a second however many groups there are.
pub const BUDGET: usize = 40_000_000;

pub(super) type Segment = (Point, Point);

/// A link segment by claim: from a premise to a target that is a claim
/// (`chain` of one) or the middle of an attacked link (`chain` lists the
/// attacked links' first premises, then the claim the chain ends on).
pub(super) struct Route {
    pub(super) from: usize,
    pub(super) chain: Vec<usize>,
}

impl Route {
    fn end(&self, at: &[Point]) -> Point {
        let (&last, rest) = self.chain.split_last().unwrap_or((&self.from, &[]));
        let mut end = at[last];
        for &start in rest.iter().rev() {
            let s = at[start];
            end = Point::new((s.x + end.x) / 2.0, (s.y + end.y) / 2.0);
        }
        end
    }

    pub(super) fn segment(&self, at: &[Point]) -> Segment {
        (at[self.from], self.end(at))
    }
}

/// Each link's routes, by claim index; `None` for links reaching outside.
pub(super) fn routes(map: &Map, index: &BTreeMap<ClaimId, usize>) -> Vec<Route> {
    let chain = |target: Target| -> Option<Vec<usize>> {
        let mut chain = Vec::new();
        let mut target = target;
        for _ in 0..=64 {
            match target {
                Target::Claim(c) => {
                    chain.push(*index.get(&c)?);
                    return Some(chain);
                }
                Target::Link(l) => {
                    // The map's links are sorted by id: a lookup, not a
                    // table built again for every group.
                    let link = map.link(l)?;
                    chain.push(*index.get(link.premises.first()?)?);
                    target = link.target;
                }
            }
        }
        None
    };
    let mut out = Vec::new();
    for link in &map.links {
        let Some(chain) = chain(link.target) else {
            continue;
        };
        for premise in &link.premises {
            if let Some(&from) = index.get(premise) {
                out.push(Route {
                    from,
                    chain: chain.clone(),
                });
            }
        }
    }
    out
}

/// Where each link segment runs, for the claims in `pos`.
pub fn segments(map: &Map, pos: &BTreeMap<ClaimId, Point>) -> Vec<Segment> {
    let index: BTreeMap<ClaimId, usize> = pos.keys().enumerate().map(|(i, &id)| (id, i)).collect();
    let at: Vec<Point> = pos.values().copied().collect();
    routes(map, &index).iter().map(|r| r.segment(&at)).collect()
}

fn orient(a: Point, b: Point, c: Point) -> i8 {
    let v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    (v > 1e-6) as i8 - (v < -1e-6) as i8
}

fn same(a: Point, b: Point) -> bool {
    (a.x - b.x).abs() < 1e-3 && (a.y - b.y).abs() < 1e-3
}

/// Whether two segments cross (sharing an end does not count).
pub fn cross(s: Segment, t: Segment) -> bool {
    if same(s.0, t.0) || same(s.0, t.1) || same(s.1, t.0) || same(s.1, t.1) {
        return false;
    }
    // Boxes apart: no crossing, and no need to look closer.
    if s.0.x.max(s.1.x) < t.0.x.min(t.1.x)
        || t.0.x.max(t.1.x) < s.0.x.min(s.1.x)
        || s.0.y.max(s.1.y) < t.0.y.min(t.1.y)
        || t.0.y.max(t.1.y) < s.0.y.min(s.1.y)
    {
        return false;
    }
    orient(s.0, s.1, t.0) * orient(s.0, s.1, t.1) < 0
        && orient(t.0, t.1, s.0) * orient(t.0, t.1, s.1) < 0
}

/// How many pairs of segments cross.
pub fn count(segments: &[Segment]) -> usize {
    let mut n = 0;
    for (i, &s) in segments.iter().enumerate() {
        n += segments[i + 1..].iter().filter(|&&t| cross(s, t)).count();
    }
    n
}

pub(super) fn length((a, b): Segment) -> f32 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// One row of cards: their ids left to right, the row's top, and how far
/// left and right its cards may go.
pub struct Row {
    pub ids: Vec<ClaimId>,
    pub top: f32,
    pub bounds: (f32, f32),
}

/// The drawing being improved: positions by claim index, the segments as
/// drawn, and which segments move with each claim.
struct Drawing {
    at: Vec<Point>,
    routes: Vec<Route>,
    segs: Vec<Segment>,
    moves_with: Vec<Vec<usize>>,
    /// Segment pairs compared so far, held to the layout's budget.
    spent: usize,
}

impl Drawing {
    /// Crossings and length of the segments in `affected` (against all), and
    /// of each pair among them once.
    fn local(&mut self, segs: &[Segment], affected: &[usize]) -> (usize, f32) {
        self.spent += affected.len() * segs.len();
        let mut crossings = 0;
        let mut length_sum = 0.0;
        for (k, &i) in affected.iter().enumerate() {
            length_sum += length(segs[i]);
            for (j, &t) in segs.iter().enumerate() {
                // Pairs within `affected` are counted from their first member.
                if j == i || affected[..k].contains(&j) {
                    continue;
                }
                if cross(segs[i], t) {
                    crossings += 1;
                }
            }
        }
        (crossings, length_sum)
    }

    /// Moves claims to new places if that is better: fewer crossings, or as
    /// many and clearly shorter links.
    fn try_moves(&mut self, moves: &[(usize, Point)]) -> bool {
        // A try costs something even when it compares nothing: placing a
        // card (lookups, a reflowed row) weighs about as much as comparing
        // a few dozen segment pairs.
        self.spent += moves.len() * 32;
        let mut affected: Vec<usize> = moves
            .iter()
            .flat_map(|&(c, _)| self.moves_with[c].iter().copied())
            .collect();
        affected.sort_unstable();
        affected.dedup();
        // Cards no drawn link touches gain nothing by moving; moving them
        // without saying so would leave the row's order behind their places.
        if affected.is_empty() {
            return false;
        }
        let segs_now = std::mem::take(&mut self.segs);
        let (before, before_len) = self.local(&segs_now, &affected);
        self.segs = segs_now;
        let old: Vec<Point> = moves.iter().map(|&(c, _)| self.at[c]).collect();
        for &(c, p) in moves {
            self.at[c] = p;
        }
        let mut segs = self.segs.clone();
        for &i in &affected {
            segs[i] = self.routes[i].segment(&self.at);
        }
        let (after, after_len) = self.local(&segs, &affected);
        if after < before || after == before && after_len < before_len - 1.0 {
            self.segs = segs;
            true
        } else {
            for (&(c, _), p) in moves.iter().zip(old) {
                self.at[c] = p;
            }
            false
        }
    }
}

/// Centres for a row's cards in a new `order`, keeping the row's left edge
/// and the gaps between its cards as they were.
fn reflow(
    old: &[ClaimId],
    order: &[ClaimId],
    at: &[Point],
    index: &BTreeMap<ClaimId, usize>,
    w: &impl Fn(ClaimId) -> f32,
) -> Vec<f32> {
    let left = old.first().map_or(0.0, |id| at[index[id]].x - w(*id) / 2.0);
    let gaps: Vec<f32> = old
        .windows(2)
        .map(|p| (at[index[&p[1]]].x - w(p[1]) / 2.0) - (at[index[&p[0]]].x + w(p[0]) / 2.0))
        .collect();
    let mut x = left;
    let mut out = Vec::with_capacity(order.len());
    for (k, id) in order.iter().enumerate() {
        if k > 0 {
            x += gaps.get(k - 1).copied().unwrap_or(H_GAP).max(H_GAP);
        }
        out.push(x + w(*id) / 2.0);
        x += w(*id);
    }
    out
}

/// Improves `pos` (one connected group) in place, moving cards only within
/// their rows, never into each other.
pub fn refine(
    map: &Map,
    rows: &mut [Row],
    pos: &mut BTreeMap<ClaimId, Point>,
    size: &impl Fn(ClaimId) -> Size,
    budget: usize,
) {
    let ids: Vec<ClaimId> = pos.keys().copied().collect();
    let index: BTreeMap<ClaimId, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let routes = routes(map, &index);
    if routes.len() > MAX_SEGMENTS || routes.len() < 2 {
        return;
    }
    let at: Vec<Point> = pos.values().copied().collect();
    let mut moves_with = vec![Vec::new(); ids.len()];
    for (i, route) in routes.iter().enumerate() {
        for &c in std::iter::once(&route.from).chain(&route.chain) {
            if moves_with[c].last() != Some(&i) {
                moves_with[c].push(i);
            }
        }
    }
    let segs = routes.iter().map(|r| r.segment(&at)).collect();
    let mut drawing = Drawing {
        at,
        routes,
        segs,
        moves_with,
        spent: 0,
    };
    let w = |id: ClaimId| size(id).w;
    let steps = [-120.0f32, -60.0, -30.0, 30.0, 60.0, 120.0];
    // A pass tries a few moves per card and a reordering of each row for each
    // card; each compares the segments it moves with all.
    let widest = rows.iter().map(|r| r.ids.len()).max().unwrap_or(1);
    let per_pass = (ids.len() * (7 + widest * widest) * 4 * drawing.segs.len()).max(1);
    let passes = (budget / per_pass).clamp(1, 24);
    'passes: for _ in 0..passes {
        let mut improved = false;
        for row in rows.iter_mut() {
            // Swaps of neighbours: the pair keeps its left edge and gap.
            for i in 0..row.ids.len().saturating_sub(1) {
                if drawing.spent > budget {
                    break 'passes;
                }
                let (a, b) = (row.ids[i], row.ids[i + 1]);
                let (ia, ib) = (index[&a], index[&b]);
                let left = drawing.at[ia].x - w(a) / 2.0;
                let gap = drawing.at[ib].x - w(b) / 2.0 - (drawing.at[ia].x + w(a) / 2.0);
                let b_at = Point::new(left + w(b) / 2.0, row.top + size(b).h / 2.0);
                let a_at = Point::new(left + w(b) + gap + w(a) / 2.0, row.top + size(a).h / 2.0);
                if drawing.try_moves(&[(ia, a_at), (ib, b_at)]) {
                    row.ids.swap(i, i + 1);
                    improved = true;
                }
            }
            // A card taken out and put back elsewhere in its row; the row
            // keeps its left edge and its gaps.
            for from in 0..row.ids.len() {
                for to in 0..row.ids.len() {
                    if drawing.spent > budget {
                        break 'passes;
                    }
                    if to == from || to == from + 1 || from == to + 1 {
                        continue;
                    }
                    let mut order = row.ids.clone();
                    let card = order.remove(from);
                    order.insert(to, card);
                    let slots = reflow(&row.ids, &order, &drawing.at, &index, &w);
                    let moves: Vec<(usize, Point)> = order
                        .iter()
                        .zip(slots)
                        .map(|(id, x)| (index[id], Point::new(x, row.top + size(*id).h / 2.0)))
                        .collect();
                    if drawing.try_moves(&moves) {
                        row.ids = order;
                        improved = true;
                    }
                }
            }
            // Slides into free room.
            for i in 0..row.ids.len() {
                if drawing.spent > budget {
                    break 'passes;
                }
                let id = row.ids[i];
                let c = index[&id];
                let low = if i == 0 {
                    row.bounds.0 + w(id) / 2.0
                } else {
                    let prev = row.ids[i - 1];
                    drawing.at[index[&prev]].x + w(prev) / 2.0 + H_GAP + w(id) / 2.0
                };
                let high = row
                    .ids
                    .get(i + 1)
                    .map_or(row.bounds.1 - w(id) / 2.0, |&next| {
                        drawing.at[index[&next]].x - w(next) / 2.0 - H_GAP - w(id) / 2.0
                    });
                for step in steps {
                    let x = drawing.at[c].x + step;
                    if x < low || x > high {
                        continue;
                    }
                    let to = Point::new(x, drawing.at[c].y);
                    if drawing.try_moves(&[(c, to)]) {
                        improved = true;
                        break;
                    }
                }
            }
        }
        if !improved {
            break;
        }
    }
    for (id, p) in ids.iter().zip(drawing.at) {
        pos.insert(*id, p);
    }
}
