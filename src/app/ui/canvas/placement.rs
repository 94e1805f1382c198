//! Where the view state puts cards: a focused claim's neighbourhood laid
//! out on its own, the claims collapses hide, and the ghosts of a model
//! answer's missing claims. Worked out when the map or the view changes,
//! kept between frames; the map's own positions are untouched.

use super::cards::CardSizes;
use super::overlay;
use crate::analysis::layout;
use crate::analysis::neighbourhood::{among, neighbourhood};
use crate::app::document::Version;
use crate::app::teaching::Compared;
use crate::app::view::{Focus, ViewState};
use crate::model::{Claim, ClaimId, Map, Point};
use crate::render::measure::layout_size;
use std::collections::{BTreeMap, HashSet};

/// What the view makes of the map this frame.
#[derive(Default)]
pub struct Placement {
    /// The focus laid out, and what it was laid out for.
    focus: Option<(FocusKey, BTreeMap<ClaimId, Point>)>,
    /// Present mode's claims on show, laid out together so they can be
    /// read large (the map's own places spread them over the whole map),
    /// and what for: steps on show, document version, card sizes.
    present: Option<(PresentKey, BTreeMap<ClaimId, Point>)>,
    /// The claims collapses (or present mode's steps still to come) hide,
    /// how many each collapsed claim hides, and the state they were worked
    /// out for (document version, collapse count, steps on show).
    hidden: HashSet<ClaimId>,
    hidden_counts: BTreeMap<ClaimId, usize>,
    hidden_for: Option<(Version, u64, Option<usize>)>,
    /// Where the model answer's missing claims show, and what for.
    pub ghosts: BTreeMap<ClaimId, Point>,
    ghosts_for: Option<(Version, u64, Vec<ClaimId>)>,
}

/// Steps on show, document version, card sizes' changes (and window shape).
type PresentKey = (usize, Version, u64);

#[derive(Clone, Copy, PartialEq)]
struct FocusKey {
    focus: Focus,
    version: Version,
    sizes: u64,
}

impl Placement {
    /// Brings everything up to date; returns whether the focused layout
    /// was made again (so the view fits it).
    pub fn update(
        &mut self,
        map: &Map,
        version: Version,
        view: &ViewState,
        sizes: &CardSizes,
        comparison: Option<&Compared>,
        window: egui::Vec2,
    ) -> bool {
        self.update_hidden(map, version, view);
        self.update_ghosts(map, version, sizes, comparison);
        self.update_present(map, version, view, sizes, window);
        self.update_focus(map, version, view.focus, sizes)
    }

    fn update_focus(
        &mut self,
        map: &Map,
        version: Version,
        focus: Option<Focus>,
        sizes: &CardSizes,
    ) -> bool {
        let Some(focus) = focus.filter(|f| map.claim(f.claim).is_some()) else {
            self.focus = None;
            return false;
        };
        let key = FocusKey {
            focus,
            version,
            sizes: sizes.changes(),
        };
        if self.focus.as_ref().is_some_and(|(k, _)| *k == key) {
            return false;
        }
        let members = neighbourhood(map, focus.claim, focus.steps);
        let part = among(map, &members);
        let part_sizes = part
            .claims
            .iter()
            .map(|c| (c.id, layout_size(sizes.get(c.id))))
            .collect();
        let laid = layout::tidy(&part, &part_sizes);
        // Only a new focus or new steps ask for a fit; an edit keeps the view.
        let refit = self.focus.as_ref().is_none_or(|(k, _)| k.focus != focus);
        self.focus = Some((key, laid));
        refit
    }

    /// Present mode lays out the claims on show for the window, so they
    /// read as large as they can: two sides as a debate (each on its own
    /// half), else one compact grid, conclusions above; large parts in layers.
    fn update_present(
        &mut self,
        map: &Map,
        version: Version,
        view: &ViewState,
        sizes: &CardSizes,
        window: egui::Vec2,
    ) {
        let Some(presenting) = &view.presenting else {
            self.present = None;
            return;
        };
        // The window's shape in tenths, so a resize of a few points keeps the layout.
        let shape = (window.x / window.y.max(1.0) * 10.0).round() as u64;
        let key = (
            presenting.shown,
            version,
            sizes.changes() ^ shape.rotate_left(48),
        );
        if self.present.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let part = among(map, &presenting.on_show);
        let part_sizes = part
            .claims
            .iter()
            .map(|c| (c.id, layout_size(sizes.get(c.id))))
            .collect();
        let room = layout::Size {
            w: window.x.max(200.0),
            h: window.y.max(200.0),
        };
        let laid = crate::analysis::presentation::laid_out(&part, &part_sizes, room);
        self.present = Some((key, laid));
    }

    fn update_hidden(&mut self, map: &Map, version: Version, view: &ViewState) {
        let presenting = view.presenting.as_ref();
        let key = (version, view.collapse_changes, presenting.map(|p| p.shown));
        if self.hidden_for == Some(key) {
            return;
        }
        self.hidden_for = Some(key);
        if let Some(presenting) = presenting {
            self.hidden = map
                .claims
                .iter()
                .map(|c| c.id)
                .filter(|id| !presenting.on_show.contains(id))
                .collect();
            self.hidden_counts.clear();
            return;
        }
        (self.hidden, self.hidden_counts) = super::scene::hidden_by(map, &view.collapsed);
    }

    fn update_ghosts(
        &mut self,
        map: &Map,
        version: Version,
        sizes: &CardSizes,
        comparison: Option<&Compared>,
    ) {
        let Some(compared) = comparison else {
            self.ghosts.clear();
            self.ghosts_for = None;
            return;
        };
        let key = (
            version,
            sizes.changes(),
            compared.result.missing_claims.clone(),
        );
        if self.ghosts_for.as_ref() == Some(&key) {
            return;
        }
        self.ghosts = overlay::ghost_positions(map, compared, |id| sizes.get(id));
        self.ghosts_for = Some(key);
    }

    /// Whether a focused layout is on show.
    pub fn focused(&self) -> bool {
        self.focus.is_some()
    }

    /// Where a claim's card stands on the canvas as shown: its place in the
    /// map, or in the focus layout (`None` if the focus or a collapse hides it).
    pub fn shown_at(&self, claim: &Claim) -> Option<Point> {
        if let Some((_, laid)) = &self.present {
            return laid.get(&claim.id).copied();
        }
        match &self.focus {
            Some((_, laid)) => laid.get(&claim.id).copied(),
            None if self.hidden.contains(&claim.id) => None,
            None => Some(claim.pos),
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

    /// Names what, besides the map and card sizes, decides where cards
    /// stand: the focus and the collapses.
    pub fn key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.focus
            .as_ref()
            .map(|(k, _)| (k.focus.claim, k.focus.steps))
            .hash(&mut h);
        self.present.as_ref().map(|(k, _)| (k.0, k.2)).hash(&mut h);
        self.hidden_for.map(|(_, c, p)| (c, p)).hash(&mut h);
        h.finish()
    }
}
