//! Teaching views: which claims stand (with what-if pins) and the comparison
//! with a model answer. View state: nothing here is saved in the map, except
//! pins when the user asks (Teach ▸ Keep pins in the map).

use crate::analysis::compare::{self, Comparison};
use crate::analysis::evaluate::{self, Labelling, Pin, Pins};
use crate::app::document::Version;
use crate::model::{ClaimId, Map};
use crate::schemes::{self, Catalogue, OpenQuestion};

/// A model answer loaded for comparison, with the result for the map as it is now.
pub struct Compared {
    pub name: String,
    pub model: Map,
    pub result: Comparison,
    computed_at: Option<Version>,
    /// The map the comparison was started on: its document number and
    /// name. Another map opened since is compared with the same model (a
    /// teacher going through students' maps), and the bar says so.
    pub started_on: (u64, String),
}

impl Compared {
    pub fn new(name: String, model: Map, started_on: (u64, String)) -> Self {
        let result = compare::compare(&Map::default(), &model);
        Self {
            name,
            model,
            result,
            computed_at: None,
            started_on,
        }
    }

    /// Whether `map` is the model answer itself.
    pub fn is_model(&self, map: &Map) -> bool {
        *map == self.model
    }
}

#[derive(Default)]
pub struct Teaching {
    pub evaluate: bool,
    pub preferred: bool,
    /// Which preferred position is shown.
    pub position: usize,
    pub pins: Pins,
    pins_version: u64,
    cache: Option<Cache>,
    pub comparison: Option<Compared>,
    /// What-if: every open critical question raised as an objection.
    pub raise_open: bool,
    /// What of the model answer's missing parts the canvas shows.
    pub missing: Missing,
    /// Which open question Next open critical question shows next.
    pub question_cursor: usize,
    open: Option<(Version, Vec<OpenQuestion>)>,
    /// Claims whose status changed at the last re-evaluation (an edit, a
    /// pin), with their new status: said once, for those who cannot see
    /// the colours change.
    changed: Vec<(ClaimId, evaluate::Status)>,
}

struct Cache {
    key: (Version, u64, bool),
    grounded: Labelling,
    preferred: Option<Vec<Labelling>>,
}

/// What the canvas draws on top of the map.
#[derive(Default)]
pub struct Overlay<'a> {
    pub status: Option<&'a Labelling>,
    pub pins: Option<&'a Pins>,
    pub comparison: Option<&'a Compared>,
    /// Critical questions still open, to count on each argument.
    pub open_questions: &'a [OpenQuestion],
    pub missing: Missing,
}

/// Which ghosts of a model answer the canvas shows: its missing claims,
/// its missing links, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missing {
    pub claims: bool,
    pub links: bool,
}

impl Default for Missing {
    fn default() -> Self {
        Self {
            claims: true,
            links: true,
        }
    }
}

impl Teaching {
    pub fn pin(&mut self, claim: ClaimId, pin: Option<Pin>) {
        match pin {
            Some(pin) => self.pins.insert(claim, pin),
            None => self.pins.remove(&claim),
        };
        self.pins_version += 1;
    }

    pub fn set_pins(&mut self, pins: Pins) {
        self.pins = pins;
        self.pins_version += 1;
    }

    pub fn clear_pins(&mut self) {
        self.pins.clear();
        self.pins_version += 1;
    }

    /// Brings the evaluation and comparison up to date with the map, whose
    /// state `version` names (see `Document::version`).
    pub fn refresh(&mut self, map: &Map, version: Version) {
        let catalogue = Catalogue::bundled();
        if self.open.as_ref().is_none_or(|(at, _)| *at != version) {
            self.open = Some((version, schemes::open_questions(map, catalogue)));
        }
        if self.evaluate {
            let key = (version, self.pins_version, self.raise_open);
            // The what-if map adds claims of its own; only the real ones are shown.
            let raised = self
                .raise_open
                .then(|| schemes::with_open_questions_raised(map, catalogue));
            let judged = raised.as_ref().unwrap_or(map);
            let keep_real = |mut labelling: Labelling| {
                if raised.is_some() {
                    labelling.claims.retain(|id, _| map.claim(*id).is_some());
                    labelling.links.retain(|id, _| map.link(*id).is_some());
                }
                labelling
            };
            if self.cache.as_ref().is_none_or(|c| c.key != key) {
                let grounded = keep_real(evaluate::grounded(judged, &self.pins));
                if let Some(old) = &self.cache {
                    self.changed = map
                        .claims
                        .iter()
                        .map(|c| (c.id, grounded.claim(c.id)))
                        .filter(|&(id, now)| {
                            old.grounded.claims.contains_key(&id) && old.grounded.claim(id) != now
                        })
                        .collect();
                }
                self.cache = Some(Cache {
                    key,
                    grounded,
                    preferred: None,
                });
            }
            if self.preferred
                && let Some(cache) = self.cache.as_mut()
                && cache.preferred.is_none()
            {
                let positions = evaluate::preferred(judged, &self.pins).unwrap_or_default();
                cache.preferred = Some(positions.into_iter().map(keep_real).collect());
            }
        }
        if let Some(compared) = self.comparison.as_mut()
            && compared.computed_at != Some(version)
        {
            compared.result = compare::compare(map, &compared.model);
            compared.computed_at = Some(version);
        }
    }

    /// The claims whose status the last re-evaluation changed, once.
    pub fn take_changed(&mut self) -> Vec<(ClaimId, evaluate::Status)> {
        std::mem::take(&mut self.changed)
    }

    /// The critical questions still open on the map, as of the last refresh.
    pub fn open_questions(&self) -> &[OpenQuestion] {
        self.open.as_ref().map_or(&[], |(_, open)| open.as_slice())
    }

    /// The preferred positions, when that mode is on and they could be computed.
    pub fn positions(&self) -> Option<&[Labelling]> {
        self.cache.as_ref()?.preferred.as_deref()
    }

    /// The labelling on show: the grounded one, or the chosen preferred position.
    pub fn shown(&self) -> Option<&Labelling> {
        if !self.evaluate {
            return None;
        }
        let cache = self.cache.as_ref()?;
        if self.preferred
            && let Some(positions) = cache.preferred.as_ref().filter(|p| !p.is_empty())
        {
            return positions.get(self.position % positions.len());
        }
        Some(&cache.grounded)
    }

    pub fn overlay(&self) -> Overlay<'_> {
        Overlay {
            status: self.shown(),
            pins: self.evaluate.then_some(&self.pins),
            comparison: self.comparison.as_ref(),
            open_questions: self.open_questions(),
            missing: self.missing,
        }
    }
}
