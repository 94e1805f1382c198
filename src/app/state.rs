//! What the window shows and the handlers change: the open document, the
//! selection, the teaching views, which panes and windows are open, the
//! status line. Drawing code only reads it.

use super::actions::{ExportChoice, Pending};
use super::dialogs::Request;
use super::document::Document;
use super::selection::Selection;
use super::teaching::Teaching;
use super::view::ViewState;
use crate::app::document::Version;
use crate::format::recovery::Found;
use std::path::PathBuf;

pub struct AppState {
    pub doc: Document,
    pub selection: Selection,
    /// How the map is shown: focus, collapses, the reader's article and find.
    pub view: ViewState,
    pub teach: Teaching,
    /// Help ▸ Tutorial, once started: kept when its window is closed.
    pub tutorial: Option<super::tutorial::Tutorial>,
    pub panes: Panes,
    pub status: Status,
    /// The unsaved-changes question, when it is open.
    pub prompt: Option<Pending>,
    pub windows: Windows,
    /// Maps opened or saved lately, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether Copy takes the passage selected in the reader (it was picked
    /// after the claims on the map) or the selected claims.
    pub copy_passage: bool,
    /// Edit ▸ Paste as new source asked for the clipboard: the paste that
    /// answers becomes a source rather than claims.
    pub paste_as_source: bool,
    /// The user chose to close without saving; the next close goes through.
    pub(super) allow_close: bool,
    /// Whether the map has two sides to lay out as a debate, and the map
    /// state that was found for (worked out once per edit, not per frame).
    pub(super) two_sides: Option<(Version, bool)>,
    /// How the window is drawn (the renderer that worked), for Help.
    pub renderer: String,
    /// Where Argmap keeps its own files, for Help ▸ About.
    pub places: Places,
    /// What the user chose that is kept between runs.
    pub settings: Settings,
}

/// Where Argmap keeps its own files, as the platform names them (a folder,
/// or the browser's storage).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Places {
    pub settings: Option<String>,
    pub recovery: Option<String>,
}

/// Choices kept between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Whether the welcome window shows when Argmap starts on the debate.
    pub welcome_at_start: bool,
    /// How large the whole interface is drawn (1 is as designed): View ▸
    /// Larger interface and its keys, for low vision and projectors.
    pub interface_scale: f32,
    /// View ▸ Theme ▸ High contrast.
    pub high_contrast: bool,
}

/// The interface's sizes, smallest to largest, that View ▸ Larger and
/// Smaller interface step through.
pub const INTERFACE_SCALES: [f32; 9] = [0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5];

impl Default for Settings {
    fn default() -> Self {
        Self {
            welcome_at_start: true,
            interface_scale: 1.0,
            high_contrast: false,
        }
    }
}

impl AppState {
    pub fn new(doc: Document) -> Self {
        Self {
            doc,
            selection: Selection::default(),
            view: ViewState::default(),
            teach: Teaching::default(),
            tutorial: None,
            panes: Panes::default(),
            status: Status::default(),
            prompt: None,
            windows: Windows::default(),
            recent: Vec::new(),
            copy_passage: false,
            paste_as_source: false,
            allow_close: false,
            two_sides: None,
            renderer: String::new(),
            places: Places::default(),
            settings: Settings::default(),
        }
    }

    /// What just happened, replacing the last such message; it fades
    /// from the status bar after [`NOTE_SECONDS`].
    pub fn set_status(&mut self, text: impl Into<String>) {
        self.status.note = text.into();
        self.status.note_at = None;
    }

    /// What went wrong: shown beside later messages until dismissed.
    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status.error = text.into();
    }

    pub fn window_title(&self) -> String {
        let marker = if self.doc.is_dirty() { "• " } else { "" };
        format!("{marker}{} — Argmap", self.doc.name())
    }
}

/// The side panes around the canvas: which the user wants open, and which
/// of them was opened last (it stays when the window is too narrow for both).
pub struct Panes {
    pub reader: bool,
    pub inspector: bool,
    pub last: Pane,
    /// The window's width as last drawn, which decides what fits.
    pub window_width: f32,
}

/// Below this window width the two panes do not both fit beside a canvas
/// of more than half the window: the one opened last stays, the other
/// folds to a strip at its edge.
pub const NARROW: f32 = 1150.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Reader,
    Inspector,
}

impl Default for Panes {
    fn default() -> Self {
        Self {
            reader: true,
            inspector: true,
            last: Pane::Reader,
            window_width: f32::INFINITY,
        }
    }
}

impl Panes {
    /// Opens a pane (and makes it the one kept in a narrow window).
    pub fn open(&mut self, pane: Pane) {
        match pane {
            Pane::Reader => self.reader = true,
            Pane::Inspector => self.inspector = true,
        }
        self.last = pane;
    }

    pub fn is_open(&self, pane: Pane) -> bool {
        match pane {
            Pane::Reader => self.reader,
            Pane::Inspector => self.inspector,
        }
    }

    /// Whether a pane is on screen, rather than folded to its strip.
    pub fn shown(&self, pane: Pane) -> bool {
        let both = self.reader && self.inspector;
        self.is_open(pane) && (!both || self.window_width >= NARROW || self.last == pane)
    }

    /// Shows a pane that is hidden or folded away, else hides it.
    pub fn toggle(&mut self, pane: Pane) {
        if self.shown(pane) {
            match pane {
                Pane::Reader => self.reader = false,
                Pane::Inspector => self.inspector = false,
            }
        } else {
            self.open(pane);
        }
    }
}

/// How long what just happened stays in the status bar.
pub const NOTE_SECONDS: f64 = 8.0;

/// The messages in the status bar: what just happened (for a few seconds),
/// and what last went wrong, which stays (beside later messages) until
/// dismissed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub note: String,
    /// When the note was first shown (the frame's clock); `None` until then.
    pub note_at: Option<f64>,
    pub error: String,
}

impl Status {
    /// The note, while it is still fresh at `now`.
    pub fn fresh_note(&self, now: f64) -> Option<&str> {
        let fresh = self.note_at.is_none_or(|at| now - at < NOTE_SECONDS);
        (fresh && !self.note.is_empty()).then_some(self.note.as_str())
    }
}

/// The windows over the editor, when open.
#[derive(Default)]
pub struct Windows {
    pub shortcuts: bool,
    pub export: Option<ExportChoice>,
    /// What the last import brought in and left out, shown until dismissed.
    pub import_summary: Option<String>,
    /// Find claim: the words typed so far, while the window is open.
    pub find_claim: Option<String>,
    /// Where a path is typed, because the system has no file dialog.
    pub path_entry: Option<PathEntry>,
    /// The map's file changed on disk since Argmap read it: asked before saving.
    pub conflict: Option<Conflict>,
    /// Recovery copies of work an editor did not save before it ended.
    pub recovered: Vec<Found>,
    /// The map's file changed on disk while nothing here was unsaved.
    pub reload_offer: bool,
    /// A save of a map that was cut short: newer than the map, or the
    /// map's only whole version when the map itself is damaged.
    pub interrupted: Option<Interrupted>,
    /// The welcome, with ways to begin.
    pub welcome: bool,
    /// Help ▸ About Argmap.
    pub about: bool,
    /// View ▸ Presentation steps: the order present mode and slides follow.
    pub steps: bool,
    /// A merge with a classmate's copy, waiting for its conflicts to be settled.
    pub merge: Option<super::merging::MergeReview>,
    /// What changed since an earlier version of the map.
    pub changes: Option<super::merging::ChangesView>,
    /// A document read for Add source, shown before it is added.
    pub source_preview: Option<SourcePreview>,
    /// File ▸ New debate…: the question and sides being planned.
    pub new_debate: Option<crate::model::DebatePlan>,
}

/// A document as Add source read it, for the user to check and correct
/// before it becomes a source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePreview {
    /// The file's name (or "the clipboard"), for the window's heading.
    pub file: String,
    /// What kind of document it was read as, in words.
    pub kind: &'static str,
    /// The source as it will be added; its title, authors, publication and
    /// date are the fields the window edits.
    pub source: crate::model::Source,
    /// The authors as typed, separated by semicolons or "and".
    pub authors: String,
    /// The page furniture left out.
    pub dropped: Vec<String>,
    /// The side of the debate being planned that the article is for;
    /// `None` when it joins the open map.
    pub side: Option<usize>,
}

impl SourcePreview {
    /// The source with the window's corrections (the file's name for a
    /// title left empty), its id made unique in `map`, which may have
    /// gained a source of that id since the preview.
    pub fn corrected(&self, map: &crate::model::Map) -> crate::model::Source {
        let mut source = self.source.clone();
        source.id = crate::format::unique_source_id(source.id.as_str(), map);
        source.title = source.title.trim().to_owned();
        if source.title.is_empty() {
            source.title = self.file.clone();
        }
        source.authors = self
            .authors
            .split([';', '\n'])
            .flat_map(|a| a.split(" and "))
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        source.publication = source.publication.trim().to_owned();
        source.date = source.date.trim().to_owned();
        source
    }
}

/// A cut-short save offered back.
#[derive(Clone, Debug, PartialEq)]
pub struct Interrupted {
    /// The leftover file: what the save was writing, or (`old`) the map
    /// as it was before a rewrite in place.
    pub leftover: PathBuf,
    /// The map's own file.
    pub map: PathBuf,
    /// The map's file could not be opened: the leftover is its only whole
    /// version.
    pub damaged: bool,
    pub old: bool,
}

/// A file question waiting for a typed path.
pub struct PathEntry {
    pub request: Request,
    pub text: String,
}

/// A save held back because the file changed on disk; `then` is what was
/// to follow the save.
pub struct Conflict {
    pub then: Option<Pending>,
}
