//! The command table: every command's label, shortcut and help text in one
//! place. Menus, keyboard handling and Help ▸ Keyboard shortcuts read it.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Every command of the editor. The list is complete by construction:
/// menus, shortcuts and the help window iterate the enum itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Command {
    New,
    NewDebate,
    Open,
    Save,
    SaveAs,
    AddSource,
    Import,
    Merge,
    Export,
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    PasteAsSource,
    Duplicate,
    Delete,
    SelectAll,
    SelectNone,
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    AddSelectionAsClaim,
    NewClaim,
    EditClaim,
    LinkSupport,
    LinkRebut,
    ToggleLinkKind,
    ReverseLink,
    ShowInArticle,
    DebateLayout,
    Find,
    FindNext,
    FindPrevious,
    ZoomIn,
    ZoomOut,
    FitView,
    Focus,
    Collapse,
    ExpandAll,
    ToggleMinimap,
    ToggleOutline,
    Present,
    PresentSteps,
    FindClaim,
    Tidy,
    ToggleReader,
    ToggleInspector,
    ShowChanges,
    GoToTarget,
    GoToReasons,
    NextBeside,
    PreviousBeside,
    LargerInterface,
    SmallerInterface,
    NormalInterface,
    ToggleEvaluation,
    TogglePreferred,
    NextPosition,
    ClearPins,
    KeepPins,
    Compare,
    StopComparing,
    ExportReport,
    ExerciseClaims,
    ExerciseContentions,
    NextOpenQuestion,
    RaiseOpenQuestions,
    Tutorial,
    Welcome,
    Shortcuts,
    About,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const CMD_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);
const NONE: Modifiers = Modifiers::NONE;

const fn key(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

impl Command {
    /// Every command, in the order menus list them.
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New map",
            Self::NewDebate => "New debate…",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::AddSource => "Add source…",
            Self::Import => "Import…",
            Self::Merge => "Merge a classmate's map…",
            Self::ShowChanges => "Show changes since…",
            Self::GoToTarget => "Go to what it bears on",
            Self::GoToReasons => "Go to its reasons and objections",
            Self::NextBeside => "Go to the next claim beside it",
            Self::PreviousBeside => "Go to the previous claim beside it",
            Self::LargerInterface => "Larger interface",
            Self::SmallerInterface => "Smaller interface",
            Self::NormalInterface => "Interface at normal size",
            Self::Export => "Export…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Cut => "Cut",
            Self::Copy => "Copy",
            Self::Paste => "Paste",
            Self::PasteAsSource => "Paste as new source",
            Self::Duplicate => "Duplicate",
            Self::Delete => "Delete",
            Self::SelectAll => "Select all claims",
            Self::SelectNone => "Select none",
            Self::MoveLeft => "Move left",
            Self::MoveRight => "Move right",
            Self::MoveUp => "Move up",
            Self::MoveDown => "Move down",
            Self::AddSelectionAsClaim => "Add selection as claim",
            Self::NewClaim => "New claim",
            Self::EditClaim => "Edit claim text",
            Self::LinkSupport => "Link as support",
            Self::LinkRebut => "Link as rebut",
            Self::ToggleLinkKind => "Switch support/rebut",
            Self::ReverseLink => "Reverse link",
            Self::ShowInArticle => "Show in article",
            Self::Find => "Find in article",
            Self::FindNext => "Find next",
            Self::FindPrevious => "Find previous",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::FitView => "Fit map to view",
            Self::Focus => "Focus on claim",
            Self::Collapse => "Collapse or expand claim",
            Self::ExpandAll => "Expand all",
            Self::ToggleMinimap => "Show or hide minimap",
            Self::ToggleOutline => "Outline beside the map",
            Self::Present => "Present",
            Self::PresentSteps => "Presentation steps…",
            Self::FindClaim => "Find claim…",
            Self::Tidy => "Tidy layout",
            Self::DebateLayout => "Lay out as a debate",
            Self::ToggleReader => "Show or hide reader",
            Self::ToggleInspector => "Show or hide inspector",
            Self::ToggleEvaluation => "Show which claims stand",
            Self::TogglePreferred => "Preferred positions",
            Self::NextPosition => "Next position",
            Self::ClearPins => "Clear all pins",
            Self::KeepPins => "Keep pins in the map",
            Self::Compare => "Compare with model answer…",
            Self::StopComparing => "Stop comparing",
            Self::ExportReport => "Export feedback report…",
            Self::ExerciseClaims => "Make exercise: claims without links…",
            Self::ExerciseContentions => "Make exercise: main contentions only…",
            Self::NextOpenQuestion => "Next open critical question",
            Self::RaiseOpenQuestions => "What if every open question were raised",
            Self::Tutorial => "Tutorial: your first map",
            Self::Welcome => "Welcome…",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::About => "About Argmap",
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            Self::New => "Start an empty map",
            Self::NewDebate => {
                "Start a map for a debate of your own: its question, its sides and each side's articles"
            }
            Self::Open => "Open a map file (.ron or .json)",
            Self::Save => "Save the map",
            Self::SaveAs => "Save the map under a new name",
            Self::AddSource => "Add an article to the map from a web page, PDF, Word or text file",
            Self::Import => {
                "Open a map made in OVA or AIFdb (AIF JSON), or Argdown written by Argmap"
            }
            Self::Merge => {
                "Bring a classmate's copy of this map into it: both sets of changes, and any \
                 conflicts settled one by one"
            }
            Self::ShowChanges => "List what changed since an earlier version of this map",
            Self::GoToTarget => "From the selected claim to the claim it supports or rebuts",
            Self::LargerInterface => "Draw everything larger: menus, panels, text and the map",
            Self::SmallerInterface => "Draw everything smaller",
            Self::NormalInterface => "Draw everything at its designed size",
            Self::GoToReasons => {
                "From the selected claim to the first claim supporting or rebutting it"
            }
            Self::NextBeside => {
                "To the next claim bearing on the same claim (or the next main contention)"
            }
            Self::PreviousBeside => {
                "To the previous claim bearing on the same claim (or the previous main contention)"
            }
            Self::Export => {
                "Write the map for another tool (AIF, Argdown, DOT) or as a picture (SVG, PNG)"
            }
            Self::Quit => "Close Argmap",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the change last undone",
            Self::Cut => "Copy the selected claims, then delete them",
            Self::Copy => {
                "Copy the selected claims with the links between them, or the passage selected in the reader"
            }
            Self::PasteAsSource => {
                "Add the text on the clipboard (an article copied from a browser or a document) as a new source"
            }
            Self::Paste => {
                "Paste copied claims, or text as a new claim (quoted if it is in an article)"
            }
            Self::Duplicate => "Copy the selected claims and the links between them in place",
            Self::Delete => "Delete the selected claims (with their links) and links",
            Self::SelectAll => "Select every claim on the canvas",
            Self::SelectNone => "Clear the selection on the canvas and in the reader",
            Self::MoveLeft | Self::MoveRight | Self::MoveUp | Self::MoveDown => {
                "Nudge the selected claims; a run of presses is one undo step"
            }
            Self::AddSelectionAsClaim => {
                "Put the passage selected in the reader on the canvas as a quoted claim"
            }
            Self::NewClaim => "Add a claim of your own (not a quote) in the middle of the view",
            Self::EditClaim => "Edit the selected claim's text on the canvas",
            Self::LinkSupport => "The claims selected first support the one selected last",
            Self::LinkRebut => "The claims selected first rebut the one selected last",
            Self::ToggleLinkKind => "Turn the selected support links into rebuts and back",
            Self::ReverseLink => "Swap premise and conclusion of the selected link",
            Self::ShowInArticle => "Open the selected claim's source and show the quoted passage",
            Self::Find => "Search the article in the reader",
            Self::FindNext => "Go to the next match",
            Self::FindPrevious => "Go to the previous match",
            Self::ZoomIn => "Zoom in on the canvas",
            Self::ZoomOut => "Zoom out on the canvas",
            Self::FitView => "Zoom and pan so the whole map is visible",
            Self::Focus => {
                "Show only the selected claim and what links to it, laid out large; again to show the whole map"
            }
            Self::Collapse => {
                "Fold what bears on the selected claim (and on nothing else in view) behind its card, or show it again"
            }
            Self::ExpandAll => "Show every collapsed claim's arguments again",
            Self::ToggleMinimap => {
                "Show or hide the whole map in miniature in the corner, while it does not fit the view"
            }
            Self::ToggleOutline => {
                "In the right pane, the map as an essay outline, kept up to date: click a line to go to its claim"
            }
            Self::Present => {
                "Show the argument to a class a step at a time, full screen: the right arrow or Space goes on, the left arrow back, Escape leaves"
            }
            Self::PresentSteps => {
                "Put the steps of the presentation (and of the slides) in your own order, saved in the map"
            }
            Self::FindClaim => "Find a claim on the map by its words and go to it",
            Self::Tidy => "Lay the map out in layers, conclusions on top",
            Self::DebateLayout => {
                "Put the two cases side by side, each author's main contentions on top, the exchanges between them in the middle"
            }
            Self::ToggleReader => "Show or hide the article reader",
            Self::ToggleInspector => "Show or hide the inspector",
            Self::ToggleEvaluation => {
                "Mark every claim accepted, defeated or undecided, updated on every edit"
            }
            Self::TogglePreferred => {
                "Show coherent positions one at a time instead of only what the map settles"
            }
            Self::NextPosition => "Show the next preferred position",
            Self::ClearPins => "Forget every what-if pin",
            Self::KeepPins => {
                "Save the what-if pins in the map file, so whoever opens it starts from them"
            }
            Self::Compare => "Compare this map with a model answer and show what differs",
            Self::StopComparing => "Hide the comparison",
            Self::ExportReport => "Save the comparison as a Markdown feedback report",
            Self::ExerciseClaims => "Save a starter map for students: every claim, no links",
            Self::ExerciseContentions => {
                "Save a starter map for students: only the main contentions"
            }
            Self::NextOpenQuestion => {
                "Select the next argument with a critical question nobody has raised or met yet"
            }
            Self::RaiseOpenQuestions => {
                "In Which claims stand: treat every open critical question as an objection no one has answered"
            }
            Self::Tutorial => {
                "A ten-step lesson on Kramer’s article for a first map; picks up where you left it"
            }
            Self::Welcome => "What is on the screen, and ways to begin",
            Self::Shortcuts => "List every keyboard shortcut",
            Self::About => {
                "The version, how the window is drawn, the licence, and where Argmap keeps its files"
            }
        }
    }

    /// What a command needs before it can run, said when it is asked for
    /// and cannot (a key pressed with nothing to act on).
    pub fn needs(self) -> Option<&'static str> {
        Some(match self {
            Self::LinkSupport | Self::LinkRebut => {
                "Select two or more claims first: the reasons, then (Shift+click) the claim they bear on last"
            }
            Self::ToggleLinkKind => "Select a link first (click its + or − badge)",
            Self::ReverseLink => "Select one link between two single claims first",
            Self::Delete | Self::Cut | Self::Duplicate | Self::Copy => {
                "Select claims or links first"
            }
            Self::EditClaim
            | Self::Focus
            | Self::GoToTarget
            | Self::GoToReasons
            | Self::NextBeside
            | Self::PreviousBeside => "Select one claim first",
            Self::Collapse => "Select claims with arguments bearing on them first",
            Self::ExpandAll => "Nothing is collapsed",
            Self::ShowInArticle => "Select one quoted claim first",
            Self::AddSelectionAsClaim => "Select a passage in the reader first",
            Self::MoveLeft | Self::MoveRight | Self::MoveUp | Self::MoveDown => {
                "Select claims to move first"
            }
            Self::FindNext | Self::FindPrevious => "Open Find first (Ctrl+F)",
            Self::NextOpenQuestion => {
                "No critical questions are open: tag a link with an argument scheme in the inspector first"
            }
            Self::DebateLayout => {
                "A debate layout needs claims quoted from two authors, one rebutting the other"
            }
            _ => return None,
        })
    }

    /// The main shortcut, shown in menus. Cmd on macOS, Ctrl elsewhere.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::New => key(CMD, Key::N),
            Self::Open => key(CMD, Key::O),
            Self::Save => key(CMD, Key::S),
            Self::SaveAs => key(CMD_SHIFT, Key::S),
            Self::Quit => key(CMD, Key::Q),
            Self::Import => key(CMD, Key::I),
            Self::Export => key(CMD_SHIFT, Key::E),
            Self::Undo => key(CMD, Key::Z),
            Self::Redo => key(CMD_SHIFT, Key::Z),
            Self::Cut => key(CMD, Key::X),
            Self::Copy => key(CMD, Key::C),
            Self::Paste => key(CMD, Key::V),
            Self::Duplicate => key(CMD, Key::D),
            Self::Delete => key(NONE, Key::Delete),
            Self::SelectAll => key(CMD, Key::A),
            Self::SelectNone => key(NONE, Key::Escape),
            Self::MoveLeft => key(NONE, Key::ArrowLeft),
            Self::MoveRight => key(NONE, Key::ArrowRight),
            Self::MoveUp => key(NONE, Key::ArrowUp),
            Self::MoveDown => key(NONE, Key::ArrowDown),
            Self::GoToTarget => key(Modifiers::ALT, Key::ArrowUp),
            Self::GoToReasons => key(Modifiers::ALT, Key::ArrowDown),
            Self::NextBeside => key(Modifiers::ALT, Key::ArrowRight),
            Self::PreviousBeside => key(Modifiers::ALT, Key::ArrowLeft),
            Self::LargerInterface => key(CMD_ALT, Key::Equals),
            Self::SmallerInterface => key(CMD_ALT, Key::Minus),
            Self::NormalInterface => key(CMD_ALT, Key::Num0),
            Self::AddSelectionAsClaim => key(CMD, Key::E),
            Self::NewClaim => key(CMD_SHIFT, Key::N),
            Self::EditClaim => key(NONE, Key::F2),
            Self::LinkSupport => key(NONE, Key::S),
            Self::LinkRebut => key(NONE, Key::R),
            Self::ToggleLinkKind => key(NONE, Key::T),
            Self::ReverseLink => key(NONE, Key::V),
            Self::ShowInArticle => key(CMD, Key::J),
            Self::Find => key(CMD, Key::F),
            Self::FindNext => key(NONE, Key::F3),
            Self::FindPrevious => key(Modifiers::SHIFT, Key::F3),
            Self::ZoomIn => key(CMD, Key::Equals),
            Self::ZoomOut => key(CMD, Key::Minus),
            Self::FitView => key(CMD, Key::Num0),
            Self::Focus => key(NONE, Key::F),
            Self::Collapse => key(NONE, Key::C),
            Self::ExpandAll => key(Modifiers::SHIFT, Key::C),
            Self::ToggleMinimap => key(NONE, Key::M),
            Self::Present => key(CMD_SHIFT, Key::P),
            Self::ToggleOutline => key(CMD_SHIFT, Key::O),
            Self::FindClaim => key(CMD_SHIFT, Key::F),
            Self::Tidy => key(CMD_SHIFT, Key::L),
            Self::ToggleReader => key(CMD, Key::OpenBracket),
            Self::ToggleInspector => key(CMD, Key::CloseBracket),
            Self::ToggleEvaluation => key(NONE, Key::F5),
            Self::TogglePreferred => key(Modifiers::SHIFT, Key::F5),
            Self::NextPosition => key(NONE, Key::F6),
            Self::Compare => key(CMD_SHIFT, Key::M),
            Self::NextOpenQuestion => key(NONE, Key::F7),
            Self::RaiseOpenQuestions => key(Modifiers::SHIFT, Key::F7),
            Self::Shortcuts => key(NONE, Key::F1),
            Self::AddSource
            | Self::NewDebate
            | Self::PasteAsSource
            | Self::DebateLayout
            | Self::ClearPins
            | Self::KeepPins
            | Self::StopComparing
            | Self::ExportReport
            | Self::ExerciseClaims
            | Self::ExerciseContentions
            | Self::Tutorial
            | Self::Merge
            | Self::ShowChanges
            | Self::Welcome
            | Self::PresentSteps
            | Self::About => None,
        }
    }

    /// Further keys for the same command, common on some platforms.
    pub fn alternatives(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CMD, Key::Y)];
        const DELETE: [KeyboardShortcut; 1] = [KeyboardShortcut::new(NONE, Key::Backspace)];
        const EDIT: [KeyboardShortcut; 1] = [KeyboardShortcut::new(NONE, Key::Enter)];
        const ZOOM_IN: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CMD, Key::Plus)];
        match self {
            Self::Redo => &REDO,
            Self::Delete => &DELETE,
            Self::EditClaim => &EDIT,
            Self::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// Cut, copy and paste reach the app as clipboard events rather than as
    /// keys (the window system reads the clipboard for a paste), so their
    /// shortcuts are shown but not matched as keys.
    pub fn arrives_as_event(self) -> bool {
        matches!(self, Self::Cut | Self::Copy | Self::Paste)
    }

    /// Whether the shortcut still works while a text field has the keyboard
    /// (plain letters and Delete must reach the text field instead).
    pub fn works_while_typing(self) -> bool {
        let Some(shortcut) = self.shortcut() else {
            return false;
        };
        // Function keys type nothing, so F3 finds the next match from the find field.
        let function_key = matches!(
            shortcut.logical_key,
            egui::Key::F1 | egui::Key::F3 | egui::Key::F5 | egui::Key::F6 | egui::Key::F7
        );
        function_key
            || !shortcut.modifiers.is_none()
                && !matches!(
                    self,
                    Self::Undo
                        | Self::Redo
                        | Self::GoToTarget
                        | Self::GoToReasons
                        | Self::NextBeside
                        | Self::PreviousBeside
                        | Self::Duplicate
                        | Self::SelectAll
                        | Self::ZoomIn
                        | Self::ZoomOut
                )
    }

    /// Whether a separator goes before the command in its menu.
    pub fn starts_group(self) -> bool {
        matches!(
            self,
            Self::Save
                | Self::Quit
                | Self::Cut
                | Self::Delete
                | Self::Find
                | Self::FindClaim
                | Self::LinkSupport
                | Self::Tidy
                | Self::ZoomIn
                | Self::Focus
                | Self::ToggleReader
                | Self::GoToTarget
                | Self::LargerInterface
                | Self::Compare
                | Self::ExerciseClaims
                | Self::NextOpenQuestion
        )
    }

    /// Which menu lists the command; `None` for commands only reached by key.
    pub fn menu(self) -> Option<&'static str> {
        Some(match self {
            Self::MoveLeft | Self::MoveRight | Self::MoveUp | Self::MoveDown => return None,
            Self::New
            | Self::NewDebate
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::AddSource
            | Self::Import
            | Self::Merge
            | Self::Export
            | Self::Quit => "File",
            Self::Undo
            | Self::Redo
            | Self::Cut
            | Self::Copy
            | Self::Paste
            | Self::PasteAsSource
            | Self::Duplicate
            | Self::Delete
            | Self::SelectAll
            | Self::SelectNone
            | Self::EditClaim => "Edit",
            Self::AddSelectionAsClaim
            | Self::NewClaim
            | Self::LinkSupport
            | Self::LinkRebut
            | Self::ToggleLinkKind
            | Self::ReverseLink
            | Self::ShowInArticle
            | Self::Tidy
            | Self::DebateLayout => "Map",
            Self::Find | Self::FindNext | Self::FindPrevious | Self::FindClaim => "Edit",
            Self::ZoomIn
            | Self::ZoomOut
            | Self::FitView
            | Self::Focus
            | Self::Collapse
            | Self::ExpandAll
            | Self::ToggleMinimap
            | Self::Present
            | Self::PresentSteps
            | Self::ToggleOutline
            | Self::ToggleReader
            | Self::ToggleInspector
            | Self::ShowChanges
            | Self::GoToTarget
            | Self::GoToReasons
            | Self::NextBeside
            | Self::PreviousBeside
            | Self::LargerInterface
            | Self::SmallerInterface
            | Self::NormalInterface => "View",
            Self::ToggleEvaluation
            | Self::TogglePreferred
            | Self::NextPosition
            | Self::ClearPins
            | Self::KeepPins
            | Self::Compare
            | Self::StopComparing
            | Self::ExportReport
            | Self::ExerciseClaims
            | Self::ExerciseContentions
            | Self::NextOpenQuestion
            | Self::RaiseOpenQuestions => "Teach",
            Self::Tutorial | Self::Welcome | Self::Shortcuts | Self::About => "Help",
        })
    }
}

/// Every shortcut with its command, the most specific (most modifiers) first,
/// because egui matches Shift loosely: Cmd+Shift+S must be tried before Cmd+S.
pub fn shortcut_order() -> Vec<(KeyboardShortcut, Command)> {
    let mut all: Vec<(KeyboardShortcut, Command)> = Command::all()
        .filter(|c| !c.arrives_as_event())
        .flat_map(|c| {
            c.shortcut()
                .into_iter()
                .chain(c.alternatives().iter().copied())
                .map(move |s| (s, c))
        })
        .collect();
    let weight = |m: Modifiers| {
        u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl || m.mac_cmd)
    };
    all.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.modifiers)));
    all
}

/// Every command's keys, written as the menus write them off macOS.
pub fn keys_text(command: Command) -> Option<String> {
    let keys: Vec<String> = command
        .shortcut()
        .iter()
        .chain(command.alternatives())
        .map(|s| shortcut_text(s, false))
        .collect();
    (!keys.is_empty()).then(|| keys.join(" or "))
}

/// The keyboard shortcuts as a Markdown table, one row per command, as the
/// README gives them.
pub fn shortcut_table() -> String {
    let mut table = String::from("| Command | Keys |\n|---|---|\n");
    for command in Command::all() {
        if let Some(keys) = keys_text(command) {
            table.push_str(&format!("| {} | {keys} |\n", command.label()));
        }
    }
    table
}

/// How a shortcut is written in menus: Ctrl+[ rather than Ctrl+OpenBracket,
/// with macOS's symbols where the platform uses them.
pub fn shortcut_label(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    shortcut_text(shortcut, ctx.os().is_mac())
}

/// [`shortcut_label`] for a given platform. Arrow keys are written as words:
/// the interface fonts have no glyphs for egui's arrow symbols.
pub fn shortcut_text(shortcut: &KeyboardShortcut, is_mac: bool) -> String {
    let names = if is_mac {
        egui::ModifierNames::SYMBOLS
    } else {
        egui::ModifierNames::NAMES
    };
    let mut text = names.format(&shortcut.modifiers, is_mac);
    if !text.is_empty() {
        text += names.concat;
    }
    let key = shortcut.logical_key;
    let written = match key {
        Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown => key.name(),
        _ => key.symbol_or_name(),
    };
    text + written
}
