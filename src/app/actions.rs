//! Every message the window's drawing code sends. Drawing reads the app's
//! state and reports what the user did as an [`Action`]; after the frame,
//! `handlers` applies each one in order. Nothing else changes the app.

use super::Command;
use crate::analysis::evaluate::Pin;
use crate::exchange::Export;
use crate::model::{ClaimId, Edit, LinkId};
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub enum Action {
    /// A command from the table: a menu item, a shortcut or a button.
    Command(Command),
    /// A change to the map, as one undo step with this label.
    Edit(String, Edit),
    /// A change to which claims and links are selected.
    Select(Select),
    /// A move in present mode.
    Present(PresentMove),
    /// Select a claim and bring it into view (a passage clicked in the
    /// reader, a claim just placed, a line in a list).
    GoToClaim(ClaimId),
    /// Open a claim's source in the reader at its passage.
    ShowInArticle(ClaimId),
    /// A new claim in the user's words that raises (a rebut) or meets (a
    /// support) one critical question of a link, edited in place at once.
    AnswerQuestion {
        link: LinkId,
        question: String,
        kind: crate::model::LinkKind,
    },
    /// A what-if pin on a claim (or its removal).
    Pin(ClaimId, Option<Pin>),
    /// Write the map in another format (asks where).
    Export(ExportChoice),
    /// The Export window's options changed.
    ExportOptions(ExportChoice),
    /// Open a file, first asking about unsaved changes.
    Open(Pending),
    /// What came in since the last frame without being asked for in it
    /// (a file picked in the browser, a map dropped on the page).
    Arrived(crate::app::dialogs::Arrived),
    /// Nothing unsaved stands in the way any more: do what waited.
    Proceed(Pending),
    /// A file was chosen (in a dialog, typed, or picked in the browser)
    /// for what the request names.
    Chosen(crate::app::dialogs::Request, PathBuf),
    ClearRecent,
    /// The answer to "save changes first?".
    AnswerPrompt(PromptAnswer),
    /// The window system asks to close the window.
    CloseRequested,
    /// Text from the clipboard, to paste on the map.
    Paste(String),
    /// The passage selected in the reader changed: (anchor, focus) bytes.
    SelectPassage(Option<(usize, usize)>),
    /// Open an article in the reader.
    OpenArticle(crate::model::SourceId),
    /// The words in the reader's find field changed.
    FindText(String),
    CloseFind,
    /// The claim edited on its card was kept or left as it was.
    StopEditing,
    DismissStatus,
    SetTheme(egui::ThemePreference),
    /// High contrast on or off (kept between runs).
    SetHighContrast(bool),
    CloseWindow(Window),
    /// Which of the model answer's missing claims and links the canvas shows.
    ShowMissing(crate::app::teaching::Missing),
    /// Compare the open map with a bundled map (by its place in the list).
    CompareWithExample(usize),
    /// Bring the ghost of a model answer's missing claim (by its id in the
    /// model) into view.
    ShowGhost(ClaimId),
    /// How many links out the focused view reaches.
    FocusSteps(usize),
    /// Hide (true) or show again (false) what bears on a claim.
    Collapse(ClaimId, bool),
    /// The words in the Find claim window changed.
    FindClaimText(String),
    /// The Add source window's fields as corrected.
    PreviewSource(crate::app::state::SourcePreview),
    /// Add the previewed source to the map (or to its side of the debate
    /// being planned).
    AddPreviewedSource,
    /// The New debate window's fields as changed.
    PlanDebate(crate::model::DebatePlan),
    /// Ask for an article for side n of the debate being planned.
    AddDebateArticle(usize),
    /// Make the planned debate the open map (asking about unsaved changes first).
    CreateDebate,
    /// The text in the window where a path is typed changed.
    PathText(String),
    /// The typed path is confirmed.
    PathConfirmed,
    /// What to do about a map changed on disk by another program, before saving.
    Resolve(Resolution),
    /// What to do with a recovery copy (by its place in the list).
    Recover(usize, Recovery),
    /// Reload the map changed on disk (true), or keep the version open (false).
    ReloadFromDisk(bool),
    /// Take back the interrupted save found beside the map (true), or drop it.
    TakeInterrupted(bool),
    /// Time passed: autosave and watch the file. `focused` is whether the
    /// window has the keyboard.
    Tick {
        now: f64,
        focused: bool,
    },
    /// A way to begin, chosen in the welcome window.
    Welcome(WelcomeChoice),
    /// Whether the welcome window shows when Argmap starts.
    WelcomeAtStart(bool),
    /// The merge window: show conflict number n.
    MergeShow(usize),
    /// The merge window: for conflict n, take their version (or keep ours).
    MergeChoose {
        conflict: usize,
        theirs: bool,
    },
    /// The merge window's Merge button: make the merge, one undo step.
    MergeApply,
    /// A button of the tutorial's window.
    Tutorial(TutorialMove),
}

/// The ways to begin the welcome window offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WelcomeChoice {
    Tutorial,
    /// Close the window and look around the debate.
    Explore,
    /// A new map, with the reader open on an article.
    NewMap,
    /// File ▸ New debate…: a debate of the teacher's own.
    NewDebate,
    Open,
}

/// What the tutorial's buttons ask for; its steps move on by themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TutorialMove {
    /// Leave the step undone and go on.
    Skip,
    /// Close the window; Help ▸ Tutorial picks up at the same step.
    Leave,
    /// Begin again on a new map.
    StartOver,
}

/// Answers when the map's file changed on disk since it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Save over the other program's changes.
    Overwrite,
    /// Save under another name; the changed file stays.
    SaveAs,
    /// Open the file as it is now; what is open becomes a recovery copy.
    Reload,
    Cancel,
}

/// What to do with a recovery copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recovery {
    /// Open the copy, unsaved, with the map's file as its place to save.
    Restore,
    /// Open the map's file as last saved, and drop the copy.
    OpenSaved,
    /// Drop the copy.
    Discard,
}

/// A change to the selection on the map.
#[derive(Clone, Debug, PartialEq)]
pub enum Select {
    OnlyClaim(ClaimId),
    ToggleClaim(ClaimId),
    /// Adds claims (in this order) to what is selected.
    AddClaims(Vec<ClaimId>),
    OnlyLink(LinkId),
    ToggleLink(LinkId),
    Nothing,
}

/// Something waiting for an answer to "save changes first?".
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    OpenDialog,
    OpenPath(PathBuf),
    OpenExample(usize),
    Import(PathBuf),
    Close,
    /// A recovery copy (by its place in the list).
    Recover(usize),
    /// The tutorial, on a new map.
    Tutorial,
    /// The debate planned in the New debate window.
    NewDebate,
}

/// Answers to "save changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    Save,
    Discard,
    Cancel,
}

/// Where present mode goes: a step on or back, to either end, or out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentMove {
    Next,
    Back,
    First,
    Last,
    Leave,
}

/// The windows over the editor that can be closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Shortcuts,
    Export,
    ImportSummary,
    PathEntry,
    FindClaim,
    Welcome,
    About,
    Merge,
    Changes,
    Steps,
    SourcePreview,
    NewDebate,
}

/// What the Export window is set to.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportChoice {
    pub kind: Export,
    /// For pictures: only the selected claims.
    pub selection_only: bool,
    /// For PNG: pixels per canvas unit.
    pub scale: f32,
    /// For a printed map: the paper, and whether to fit it on one page.
    pub paper: crate::exchange::Paper,
    pub fit: bool,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            kind: Export::Png,
            selection_only: false,
            scale: 2.0,
            paper: crate::exchange::Paper::default(),
            fit: false,
        }
    }
}
