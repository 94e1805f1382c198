//! The map as placed on the canvas, in canvas units: each shown card's
//! rectangle and each link's straight course from its premises' centres to
//! its target. It is rebuilt only when the map, a card's size, the focus, a
//! collapse or a drag changes it, so a frame only transforms and culls what
//! it already has: on a map of 100,000 claims a frame touches what is on
//! screen, not the whole map.

use crate::app::document::Version;
use crate::model::{ClaimId, LinkId, LinkKind, Map, Places, Point, Target};
use egui::{Color32, Pos2, Rect, Vec2, pos2};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What a scene was built from; equal keys mean an equal scene.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneKey {
    pub version: Version,
    pub sizes: u64,
    pub layout: u64,
}

/// A link's straight course, for culling and for drawing far out.
#[derive(Clone, Copy, Debug)]
pub struct Course {
    pub kind: LinkKind,
    /// Index of the link in `map.links`.
    pub link: usize,
    pub from: Pos2,
    pub to: Pos2,
}

pub struct Scene {
    key: Option<SceneKey>,
    /// Parallel to `map.claims`: the card in canvas units, `None` if hidden.
    cards: Vec<Option<Rect>>,
    /// Parallel to `map.claims`: the colour of the card's source, if quoted.
    pub stripes: Vec<Option<Color32>>,
    /// One per premise of every link whose ends are all shown.
    pub courses: Vec<Course>,
    /// Parallel to `map.links`: the bounds of its courses, `None` if not shown.
    link_bounds: Vec<Option<Rect>>,
    /// Links between the same two claims, drawn side by side.
    pub offsets: HashMap<LinkId, f32>,
    /// The bounds of every shown card.
    bounds: Rect,
    /// Indices into `map.claims`, the claims a far view names first: the
    /// main contentions, then those most argued about.
    pub prominent: Vec<usize>,
}

impl Default for Scene {
    fn default() -> Self {
        Self {
            key: None,
            cards: Vec::new(),
            stripes: Vec::new(),
            courses: Vec::new(),
            link_bounds: Vec::new(),
            offsets: HashMap::new(),
            bounds: Rect::NOTHING,
            prominent: Vec::new(),
        }
    }
}

impl Scene {
    /// Whether the scene already shows `key`.
    pub fn is_for(&self, key: SceneKey) -> bool {
        self.key == Some(key)
    }

    /// Builds the scene; `place` gives each claim's card (canvas units) or
    /// `None` when the view hides it.
    pub fn build(
        &mut self,
        key: SceneKey,
        map: &Map,
        place: impl Fn(&crate::model::Claim) -> Option<Rect>,
        stripe: impl Fn(&crate::model::Claim) -> Option<Color32>,
    ) {
        self.key = Some(key);
        self.cards = map.claims.iter().map(&place).collect();
        self.bounds = self
            .cards
            .iter()
            .flatten()
            .fold(Rect::NOTHING, |a, r| a.union(*r));
        self.stripes = map.claims.iter().map(stripe).collect();
        self.offsets = crate::render::geometry::parallel_offsets(map);
        self.courses.clear();
        self.link_bounds = vec![None; map.links.len()];
        let (claim_at, link_at) = (map.claim_places(), map.link_places());
        let mids = self.link_middles(map, &claim_at, &link_at);
        let mut argued = vec![0u32; map.claims.len()];
        let mut premise = vec![false; map.claims.len()];
        for (li, link) in map.links.iter().enumerate() {
            let to = match link.target {
                Target::Claim(id) => claim_at.get(id.0).and_then(|i| {
                    argued[i] += 1;
                    self.cards[i].map(|r| r.center())
                }),
                Target::Link(id) => link_at.get(id.0).and_then(|t| mids[t]),
            };
            let from: Option<Vec<Pos2>> = link
                .premises
                .iter()
                .map(|&p| {
                    let i = claim_at.get(p.0)?;
                    premise[i] = true;
                    self.cards[i].map(|r| r.center())
                })
                .collect();
            let (Some(to), Some(from)) = (to, from) else {
                continue;
            };
            let mut bounds = Rect::from_min_max(to, to);
            for from in from {
                bounds.extend_with(from);
                self.courses.push(Course {
                    kind: link.kind,
                    link: li,
                    from,
                    to,
                });
            }
            self.link_bounds[li] = Some(bounds);
        }
        let mut prominent: Vec<usize> = (0..map.claims.len())
            .filter(|&i| self.cards[i].is_some())
            .collect();
        // Main contentions (premises of nothing) first, then by how many
        // links bear on them; ties by id, so the order is stable.
        prominent.sort_by_key(|&i| (premise[i], std::cmp::Reverse(argued[i]), i));
        self.prominent = prominent;
    }

    /// The middle of each link's straight course, undercuts included: an
    /// undercut aims at the middle of the link it attacks. Worked out with
    /// an explicit stack, so a long chain of undercuts cannot overflow it.
    fn link_middles(&self, map: &Map, claim_at: &Places, link_at: &Places) -> Vec<Option<Pos2>> {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            Unknown,
            Working,
            Done(Option<Pos2>),
        }
        let mut state = vec![State::Unknown; map.links.len()];
        let centre_of_premises = |link: &crate::model::Link| -> Option<Pos2> {
            let mut sum = Vec2::ZERO;
            for &p in &link.premises {
                sum += self.cards[claim_at.get(p.0)?]?.center().to_vec2();
            }
            (!link.premises.is_empty()).then(|| (sum / link.premises.len() as f32).to_pos2())
        };
        for start in 0..map.links.len() {
            let mut stack = vec![start];
            while let Some(&li) = stack.last() {
                if matches!(state[li], State::Done(_)) {
                    stack.pop();
                    continue;
                }
                let link = &map.links[li];
                let target = match link.target {
                    Target::Claim(id) => Some(
                        claim_at
                            .get(id.0)
                            .and_then(|i| self.cards[i])
                            .map(|r| r.center()),
                    ),
                    Target::Link(id) => match link_at.get(id.0) {
                        None => Some(None),
                        Some(t) => match state[t] {
                            State::Done(at) => Some(at),
                            // A ring of undercuts (refused on reading) has no middle.
                            State::Working => Some(None),
                            State::Unknown => {
                                state[li] = State::Working;
                                stack.push(t);
                                None
                            }
                        },
                    },
                };
                if let Some(target) = target {
                    let mid = target
                        .zip(centre_of_premises(link))
                        .map(|(to, from)| from.lerp(to, 0.5));
                    state[li] = State::Done(mid);
                    stack.pop();
                }
            }
        }
        state
            .into_iter()
            .map(|s| match s {
                State::Done(at) => at,
                _ => None,
            })
            .collect()
    }

    /// Index of a claim in `map.claims` (claims are kept sorted by id).
    pub fn index(&self, map: &Map, id: ClaimId) -> Option<usize> {
        map.claim_index(id).filter(|&i| i < self.cards.len())
    }

    /// A claim's card in canvas units, if shown.
    pub fn card(&self, map: &Map, id: ClaimId) -> Option<Rect> {
        self.cards[self.index(map, id)?]
    }

    /// The card of the claim at `index` in `map.claims`, if shown.
    pub fn card_by_index(&self, index: usize) -> Option<Rect> {
        self.cards.get(index).copied().flatten()
    }

    /// Every shown card, with its index in `map.claims`.
    pub fn cards(&self) -> impl Iterator<Item = (usize, Rect)> + '_ {
        self.cards
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (i, r)))
    }

    /// Whether link `index` (in `map.links`) may show inside `area` (canvas
    /// units), allowing `margin` for arrow heads, badges and offsets.
    pub fn link_near(&self, index: usize, area: Rect, margin: f32) -> bool {
        self.link_bounds
            .get(index)
            .copied()
            .flatten()
            .is_some_and(|b| b.expand(margin).intersects(area))
    }

    /// The bounds of every shown card, in canvas units.
    pub fn bounds(&self) -> Rect {
        self.bounds
    }
}

/// A card's rectangle in canvas units, from its centre and size.
pub fn card_at(centre: Point, size: Vec2) -> Rect {
    Rect::from_center_size(pos2(centre.x, centre.y), size)
}

/// The claims collapsing hides: those that bear on a collapsed claim, step
/// by step (premises of its links, and whatever undercuts those links), and
/// on nothing still shown; a claim that also argues for something in view
/// stays, with what bears on it. And how many each collapsed claim hides.
pub fn hidden_by(
    map: &Map,
    collapsed: &BTreeSet<ClaimId>,
) -> (HashSet<ClaimId>, BTreeMap<ClaimId, usize>) {
    let mut counts = BTreeMap::new();
    if collapsed.is_empty() {
        return (HashSet::new(), counts);
    }
    let bearing = Bearing::new(map);
    let under = bearing.on(collapsed.iter().copied(), |_| false);
    // Everything outside the collapsed branches keeps what bears on it in
    // view, up to a collapsed claim, whose own branch stays folded.
    let outside = map
        .claims
        .iter()
        .map(|c| c.id)
        .filter(|id| !under.contains(id) && !collapsed.contains(id));
    let kept = bearing.on(outside, |id| collapsed.contains(&id));
    let hidden: HashSet<ClaimId> = under.difference(&kept).copied().collect();
    for &seed in collapsed {
        let branch = bearing.on(std::iter::once(seed), |_| false);
        counts.insert(seed, branch.intersection(&hidden).count());
    }
    (hidden, counts)
}

/// Links by what they aim at, to walk from a claim to what bears on it.
struct Bearing<'a> {
    map: &'a Map,
    into_claim: HashMap<ClaimId, Vec<usize>>,
    into_link: HashMap<LinkId, Vec<usize>>,
}

impl<'a> Bearing<'a> {
    fn new(map: &'a Map) -> Self {
        let mut into_claim: HashMap<ClaimId, Vec<usize>> = HashMap::new();
        let mut into_link: HashMap<LinkId, Vec<usize>> = HashMap::new();
        for (i, link) in map.links.iter().enumerate() {
            match link.target {
                Target::Claim(c) => into_claim.entry(c).or_default().push(i),
                Target::Link(l) => into_link.entry(l).or_default().push(i),
            }
        }
        Self {
            map,
            into_claim,
            into_link,
        }
    }

    /// The claims that bear on any of `starts`, step by step (not the
    /// starts themselves, unless one bears on another); a claim for which
    /// `stop` holds is reached but not walked past.
    fn on(
        &self,
        starts: impl Iterator<Item = ClaimId>,
        stop: impl Fn(ClaimId) -> bool,
    ) -> HashSet<ClaimId> {
        let mut reached = HashSet::new();
        let mut seen_links = HashSet::new();
        let mut claims: Vec<ClaimId> = starts.collect();
        while let Some(claim) = claims.pop() {
            let mut links: Vec<usize> = self.into_claim.get(&claim).cloned().unwrap_or_default();
            while let Some(li) = links.pop() {
                if !seen_links.insert(li) {
                    continue;
                }
                let link = &self.map.links[li];
                links.extend(self.into_link.get(&link.id).into_iter().flatten());
                for &p in &link.premises {
                    if reached.insert(p) && !stop(p) {
                        claims.push(p);
                    }
                }
            }
        }
        reached
    }
}
