//! View state: how the window shows the map, apart from the map itself.
//! The focused claim, the collapsed ones, the open article and its find,
//! the passage selected in it, the claim edited in place. Handlers change it
//! (`handlers::view`); drawing reads it. What a widget must be told once
//! (fit the map, bring a claim into view, scroll the article to a passage)
//! is a [`ViewRequest`], queued here and handed to the panels with the next
//! frame, as input is.

use crate::analysis::evaluate::Labelling;
use crate::analysis::presentation::Step;
use crate::model::{ClaimId, SourceId};
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// Only one claim's neighbourhood shown, one or two steps out.
    pub focus: Option<Focus>,
    /// Claims whose arguments are folded behind their cards.
    pub collapsed: BTreeSet<ClaimId>,
    /// Counts changes to `collapsed`, so what they hide is worked out once.
    pub collapse_changes: u64,
    /// Whether the minimap shows while the map does not fit the view.
    pub minimap: bool,
    /// The claim whose text is being edited on its card.
    pub editing: Option<ClaimId>,
    pub reader: ReaderView,
    /// Present mode: the argument a step at a time, full screen.
    pub presenting: Option<Presenting>,
    /// The right pane shows the map as an essay outline, not the inspector.
    pub outline: bool,
    /// Asks for the widgets, taken by the next frame.
    requests: Vec<ViewRequest>,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            focus: None,
            collapsed: BTreeSet::new(),
            collapse_changes: 0,
            minimap: true,
            editing: None,
            reader: ReaderView::default(),
            presenting: None,
            outline: false,
            requests: Vec::new(),
        }
    }
}

/// Present mode: the steps worked out from the map, how many are on show,
/// and what follows from that (kept, since it changes only with a step).
#[derive(Clone, Debug, PartialEq)]
pub struct Presenting {
    pub steps: Vec<Step>,
    /// How many steps are on show: 1 is the first.
    pub shown: usize,
    /// The claims of every step on show.
    pub on_show: BTreeSet<ClaimId>,
    /// The claims the latest step brought in (earlier ones show quieter).
    pub latest: BTreeSet<ClaimId>,
    /// Which claims stand, judged on what is on show alone.
    pub standing: Labelling,
}

/// A claim shown with only its neighbourhood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus {
    pub claim: ClaimId,
    /// How many links out the neighbourhood reaches (1 or 2).
    pub steps: usize,
}

/// What the reader shows: which article, its find, the passage selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReaderView {
    pub article: Option<SourceId>,
    pub find: FindView,
    /// The selected bytes as (anchor, focus): the order is the drag's direction.
    pub selection: Option<(usize, usize)>,
}

impl ReaderView {
    /// The selected span, in text order, if it is not empty.
    pub fn selected_span(&self) -> Option<(usize, usize)> {
        let (a, b) = self.selection?;
        (a != b).then(|| (a.min(b), a.max(b)))
    }

    /// The passage selected in the open article.
    pub fn selected_passage(&self) -> Option<crate::app::edit_builders::Passage> {
        let (start, end) = self.selected_span()?;
        Some(crate::app::edit_builders::Passage {
            source: self.article.clone()?,
            start,
            end,
        })
    }
}

/// Find in article: whether it is open, the words, and which match is on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FindView {
    pub open: bool,
    pub query: String,
    /// Steps taken through the matches since the words last changed; the
    /// reader counts it round the matches there are.
    pub step: isize,
}

impl FindView {
    /// The match on show, out of `n`.
    pub fn current(&self, n: usize) -> Option<usize> {
        (n > 0).then(|| self.step.rem_euclid(n as isize) as usize)
    }
}

/// Something a widget is asked to do once, on the next frame.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewRequest {
    /// Fit the whole map (or the focused neighbourhood) to the canvas.
    Fit,
    /// Zoom around the middle of the canvas.
    ZoomBy(f32),
    /// Bring a claim into view, zooming in to read it when far out.
    Reveal(ClaimId),
    /// Bring the ghost of a model answer's missing claim into view.
    RevealGhost(ClaimId),
    /// Scroll the reader to a passage and flash it.
    ShowPassage { start: usize, end: usize },
    /// Scroll the reader to a passage (a find match).
    ScrollReader { start: usize, end: usize },
    /// Give the find field the keyboard, its words selected.
    FocusFind,
    /// Give the keyboard back to the map.
    ReleaseKeyboard,
    /// Frame a presentation's step: everything on show if it can be read
    /// so, else the latest step's claims.
    FitStep,
}

impl ViewState {
    pub fn request(&mut self, request: ViewRequest) {
        self.requests.push(request);
    }

    /// The asks queued since the last frame, for the panels.
    pub fn take_requests(&mut self) -> Vec<ViewRequest> {
        std::mem::take(&mut self.requests)
    }

    pub fn is_collapsed(&self, claim: ClaimId) -> bool {
        self.collapsed.contains(&claim)
    }

    pub fn set_collapsed(&mut self, claim: ClaimId, collapsed: bool) {
        let changed = if collapsed {
            self.collapsed.insert(claim)
        } else {
            self.collapsed.remove(&claim)
        };
        if changed {
            self.collapse_changes += 1;
        }
    }

    pub fn expand_all(&mut self) {
        if !self.collapsed.is_empty() {
            self.collapsed.clear();
            self.collapse_changes += 1;
        }
    }

    /// A fresh view for a map just opened: nothing focused, collapsed or
    /// edited; the reader on `article`, nothing selected in it. The
    /// minimap keeps the user's choice.
    pub fn reset(&mut self, article: Option<SourceId>) {
        let minimap = self.minimap;
        let requests = std::mem::take(&mut self.requests);
        *self = Self {
            minimap,
            requests,
            collapse_changes: self.collapse_changes + 1,
            ..Self::default()
        };
        self.reader.article = article;
        self.request(ViewRequest::Fit);
    }
}
