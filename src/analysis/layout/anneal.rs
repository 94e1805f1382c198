//! A search over a grid of slots for small maps: cards move to other slots
//! (or trade places) while that lowers a cost that counts crossings first,
//! then links drawn through other cards, then the links' length. Worse
//! moves are sometimes taken early on, less and less, so the search does
//! not stop at the first arrangement it cannot improve by one step. The dice
//! are fixed, so the same map always gives the same layout.

use super::Size;
use super::refine::{self, Segment, cross};
use crate::model::{ClaimId, Map, Point};
use std::collections::BTreeMap;

const CROSSING: f64 = 100.0;
const THROUGH_CARD: f64 = 20.0;
const LENGTH: f64 = 0.02;

/// Where a card may go.
pub struct Place {
    /// Columns it may take (inclusive).
    pub columns: (usize, usize),
    /// Kept in its row (a main contention stays on top).
    pub pinned: bool,
}

/// A grid of slots: column `c` at `x[c]`, row `r` with its top at `r * pitch`.
pub struct Grid {
    pub x: Vec<f32>,
    pub rows: usize,
    pub pitch: f32,
}

/// Links that fix which row may be above which: `above[i]` must stay in a
/// lower row number than `i` (a conclusion over its premise).
pub struct Search<'a> {
    pub map: &'a Map,
    pub ids: Vec<ClaimId>,
    pub size: Vec<Size>,
    pub place: Vec<Place>,
    pub above: Vec<Vec<usize>>,
    pub below: Vec<Vec<usize>>,
    pub grid: Grid,
}

struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) % n.max(1) as u64) as usize
    }

    fn chance(&mut self) -> f64 {
        self.roll(1 << 20) as f64 / (1 << 20) as f64
    }
}

/// The arrangement being searched: centres by card, the segments as drawn,
/// and the parts of the cost.
struct State {
    at: Vec<Point>,
    segs: Vec<Segment>,
    moves_with: Vec<Vec<usize>>,
    /// Which of a segment's ends are cards (so passing them is no fault).
    ends: Vec<Vec<usize>>,
}

impl Search<'_> {
    fn centre(&self, i: usize, slot: (usize, usize)) -> Point {
        let (row, col) = slot;
        Point::new(
            self.grid.x[col],
            row as f32 * self.grid.pitch + self.size[i].h / 2.0,
        )
    }

    /// Whether card `i` may stand in `row` given where its linked cards are.
    fn row_allowed(&self, i: usize, row: usize, slots: &[(usize, usize)]) -> bool {
        self.above[i].iter().all(|&t| slots[t].0 < row)
            && self.below[i].iter().all(|&p| slots[p].0 > row)
    }

    fn rect(&self, i: usize, at: Point) -> Rect {
        Rect::around(at, self.size[i])
    }

    /// The cost of the segments in `affected` (against everything) and of
    /// the other segments' passes through the `moved` cards.
    fn local(&self, state: &State, affected: &[usize], moved: &[usize]) -> f64 {
        let mut crossings = 0usize;
        let mut through = 0usize;
        let mut length = 0.0f64;
        for (k, &i) in affected.iter().enumerate() {
            let s = state.segs[i];
            length += f64::from(refine::length(s));
            for (j, &t) in state.segs.iter().enumerate() {
                if j == i || affected[..k].contains(&j) {
                    continue;
                }
                if cross(s, t) {
                    crossings += 1;
                }
            }
            for c in 0..state.at.len() {
                if !state.ends[i].contains(&c) && self.rect(c, state.at[c]).cut_by(s.0, s.1) {
                    through += 1;
                }
            }
        }
        for &c in moved {
            let r = self.rect(c, state.at[c]);
            for (j, &t) in state.segs.iter().enumerate() {
                if !affected.contains(&j) && !state.ends[j].contains(&c) && r.cut_by(t.0, t.1) {
                    through += 1;
                }
            }
        }
        crossings as f64 * CROSSING + through as f64 * THROUGH_CARD + length * LENGTH
    }

    /// Runs the search from `start` (a slot for every card) for about `steps`
    /// moves, and returns the best arrangement found as centres.
    pub fn run(&self, start: Vec<(usize, usize)>, steps: usize) -> BTreeMap<ClaimId, Point> {
        let n = self.ids.len();
        let index: BTreeMap<ClaimId, usize> = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        let routes = refine::routes(self.map, &index);
        let mut slots = start;
        let mut taken: BTreeMap<(usize, usize), usize> =
            slots.iter().enumerate().map(|(i, &s)| (s, i)).collect();
        let at: Vec<Point> = (0..n).map(|i| self.centre(i, slots[i])).collect();
        let mut moves_with = vec![Vec::new(); n];
        let mut ends = Vec::with_capacity(routes.len());
        for (r, route) in routes.iter().enumerate() {
            let mut cards: Vec<usize> = std::iter::once(route.from)
                .chain(route.chain.iter().copied())
                .collect();
            cards.sort_unstable();
            cards.dedup();
            for &c in &cards {
                moves_with[c].push(r);
            }
            // Only the two cards a segment joins are its ends.
            let end_card = route
                .chain
                .last()
                .copied()
                .filter(|_| route.chain.len() == 1);
            ends.push(std::iter::once(route.from).chain(end_card).collect());
        }
        let segs = routes.iter().map(|r| r.segment(&at)).collect();
        let mut state = State {
            at,
            segs,
            moves_with,
            ends,
        };
        let mut best = slots.clone();
        let mut gained = 0.0f64;
        let mut best_gain = 0.0f64;
        let mut dice = Dice(0x0005_eed0_fa79_u64 ^ n as u64);
        let start_heat = 60.0;
        for step in 0..steps {
            let heat = start_heat * (1.0 - step as f64 / steps as f64).powi(2) + 0.01;
            let i = dice.roll(n);
            if self.place[i].pinned {
                continue;
            }
            let (lo, hi) = self.place[i].columns;
            let col = lo + dice.roll(hi - lo + 1);
            let row = dice.roll(self.grid.rows);
            if (row, col) == slots[i] || !self.row_allowed(i, row, &slots) {
                continue;
            }
            let old = slots[i];
            let other = taken.get(&(row, col)).copied();
            let mut moved = vec![i];
            if let Some(j) = other {
                let (jl, jh) = self.place[j].columns;
                if self.place[j].pinned || old.1 < jl || old.1 > jh {
                    continue;
                }
                slots[i] = (row, col);
                slots[j] = old;
                if !self.row_allowed(j, old.0, &slots) || !self.row_allowed(i, row, &slots) {
                    slots[j] = (row, col);
                    slots[i] = old;
                    continue;
                }
                slots[i] = old;
                slots[j] = (row, col);
                moved.push(j);
            }
            let mut affected: Vec<usize> = moved
                .iter()
                .flat_map(|&c| state.moves_with[c].iter().copied())
                .collect();
            affected.sort_unstable();
            affected.dedup();
            let before = self.local(&state, &affected, &moved);
            let old_segs: Vec<Segment> = affected.iter().map(|&a| state.segs[a]).collect();
            slots[i] = (row, col);
            if let Some(j) = other {
                slots[j] = old;
            }
            for &c in &moved {
                state.at[c] = self.centre(c, slots[c]);
            }
            for &a in &affected {
                state.segs[a] = routes[a].segment(&state.at);
            }
            let after = self.local(&state, &affected, &moved);
            let change = after - before;
            if change <= 0.0 || dice.chance() < (-change / heat).exp() {
                gained -= change;
                taken.remove(&old);
                taken.remove(&(row, col));
                for &c in &moved {
                    taken.insert(slots[c], c);
                }
                if gained > best_gain + 1e-9 {
                    best_gain = gained;
                    best = slots.clone();
                }
            } else {
                slots[i] = old;
                if let Some(j) = other {
                    slots[j] = (row, col);
                }
                for &c in &moved {
                    state.at[c] = self.centre(c, slots[c]);
                }
                for (&a, s) in affected.iter().zip(old_segs) {
                    state.segs[a] = s;
                }
            }
        }
        (0..n)
            .map(|i| (self.ids[i], self.centre(i, best[i])))
            .collect()
    }
}

/// `count` columns from `left`, one `card` width and a `gap` apart.
pub fn columns(left: f32, count: usize, card: f32, gap: f32) -> Vec<f32> {
    (0..count)
        .map(|c| left + card / 2.0 + c as f32 * (card + gap))
        .collect()
}

/// A card's box, for telling when a link is drawn through it.
struct Rect {
    min: Point,
    max: Point,
}

impl Rect {
    fn around(centre: Point, size: Size) -> Self {
        Self {
            min: Point::new(centre.x - size.w / 2.0, centre.y - size.h / 2.0),
            max: Point::new(centre.x + size.w / 2.0, centre.y + size.h / 2.0),
        }
    }

    /// Whether the segment passes through the box (crosses one of its sides).
    fn cut_by(&self, a: Point, b: Point) -> bool {
        let corners = [
            self.min,
            Point::new(self.max.x, self.min.y),
            self.max,
            Point::new(self.min.x, self.max.y),
        ];
        (0..4).any(|k| cross((a, b), (corners[k], corners[(k + 1) % 4])))
    }
}
