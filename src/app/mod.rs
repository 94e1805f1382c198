//! The editor window: reader on the left, canvas in the middle, inspector on
//! the right. Panels report what the user did as [`Action`]s; this module
//! applies them to the document in one place, after drawing.

pub mod canvas;
pub mod clipboard;
pub mod commands;
pub mod document;
pub mod edits;
pub mod files;
pub mod inspector;
pub mod reader;
pub mod selection;
pub mod teach;
pub mod theme;

mod chrome;
mod dispatch;
mod file_menu;
mod menus;
mod teach_menu;
mod windows;

use crate::corpus;
use crate::format;
use crate::model::{ClaimId, Edit, Map};
pub use commands::Command;
use document::Document;
use files::FileDialogs;
use selection::Selection;
use std::path::{Path, PathBuf};

/// What a panel asks for; applied after the frame is drawn.
#[derive(Clone, Debug)]
pub enum Action {
    Edit(String, Edit),
    Command(Command),
    ShowInArticle(ClaimId),
    SelectClaim(ClaimId),
    /// A what-if pin on a claim (or its removal).
    Pin(ClaimId, Option<crate::analysis::evaluate::Pin>),
    /// Write the map in another format (asks where).
    Export(ExportChoice),
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
}

/// The message in the status bar. Errors stay until dismissed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct ArgmapApp {
    pub doc: Document,
    pub selection: Selection,
    pub canvas: canvas::Canvas,
    pub reader: reader::Reader,
    pub inspector: inspector::Inspector,
    pub show_reader: bool,
    pub show_inspector: bool,
    pub status: Status,
    /// The unsaved-changes question, when it is open.
    pub prompt: Option<Pending>,
    pub shortcuts_open: bool,
    pub dialogs: Box<dyn FileDialogs>,
    pub recent: Vec<PathBuf>,
    pub teach: teach::Teach,
    /// The Export… window, when open.
    pub export: Option<ExportChoice>,
    /// What the last import brought in and left out, shown until dismissed.
    pub import_summary: Option<String>,
    allow_close: bool,
    title: String,
    last_selection: Selection,
    last_reader_selection: Option<(usize, usize)>,
    /// Whether the reader's passage was selected after the canvas's claims,
    /// so Copy takes the passage.
    reader_picked_last: bool,
}

const RECENT_KEY: &str = "argmap-recent";
const RECENT_MAX: usize = 8;

impl ArgmapApp {
    /// The app with `map` open (from `path` if it came from a file).
    pub fn with_map(map: Map, path: Option<PathBuf>, name: &str) -> Self {
        let mut app = Self {
            doc: Document::new(map, path, name),
            selection: Selection::default(),
            canvas: canvas::Canvas::default(),
            reader: reader::Reader::default(),
            inspector: inspector::Inspector::default(),
            show_reader: true,
            show_inspector: true,
            status: Status::default(),
            prompt: None,
            shortcuts_open: false,
            dialogs: Box::new(files::NativeDialogs),
            recent: Vec::new(),
            teach: teach::Teach::default(),
            export: None,
            import_summary: None,
            allow_close: false,
            title: String::new(),
            last_selection: Selection::default(),
            last_reader_selection: None,
            reader_picked_last: false,
        };
        app.after_open();
        app
    }

    /// The app as it starts: the map given on the command line, else the
    /// Kimmage–Kramer debate. A file that cannot be read leaves the debate
    /// open and says why.
    pub fn start(path: Option<&Path>) -> Self {
        let mut app = Self::debate();
        if let Some(path) = path {
            app.open_path(path);
        }
        app
    }

    /// The bundled debate map, or an empty map if it were ever missing.
    pub fn debate() -> Self {
        match corpus::examples().first() {
            Some(example) => match format::read(example.text.as_bytes(), format::Syntax::Ron) {
                Ok(map) => Self::with_map(map, None, example.file),
                Err(_) => Self::with_map(Map::default(), None, "Untitled map"),
            },
            None => Self::with_map(Map::default(), None, "Untitled map"),
        }
    }

    /// Restores settings kept between runs (recent files, theme).
    pub fn restore(&mut self, storage: Option<&dyn eframe::Storage>) {
        if let Some(recent) = storage.and_then(|s| eframe::get_value::<Vec<PathBuf>>(s, RECENT_KEY))
        {
            self.recent = recent;
        }
    }

    fn after_open(&mut self) {
        self.selection.clear();
        // Pins belong to the map they were set on; a map may bring its own.
        self.teach.set_pins(self.doc.map.saved_pins());
        self.canvas = canvas::Canvas::default();
        self.canvas.request_fit();
        self.inspector = inspector::Inspector::default();
        let first = self.doc.map.sources.first().map(|s| s.id.clone());
        let keep = self
            .reader
            .source
            .as_ref()
            .is_some_and(|id| self.doc.map.source(id).is_some());
        if !keep {
            self.reader = reader::Reader::default();
            self.reader.source = first.or_else(|| corpus::articles().first().map(|a| a.id.clone()));
        }
    }

    pub fn set_status(&mut self, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            error: false,
        };
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            error: true,
        };
    }

    /// Applies an edit as one undo step, reporting a refusal in the status bar.
    pub fn apply(&mut self, label: &str, edit: Edit) -> bool {
        match self.doc.apply(label, edit) {
            Ok(()) => {
                self.selection.prune(&self.doc.map);
                true
            }
            Err(error) => {
                self.set_error(format!("Could not {}: {error}", label.to_lowercase()));
                false
            }
        }
    }

    /// Applies what the panels asked for this frame.
    pub fn handle(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        for action in actions {
            match action {
                Action::Edit(label, edit) => {
                    self.apply(&label, edit);
                }
                Action::Command(command) => self.run(ctx, command),
                Action::ShowInArticle(id) => self.show_in_article(ctx, id),
                Action::SelectClaim(id) => {
                    self.selection.only_claim(id);
                    self.canvas.reveal(id);
                    // A passage just placed on the map need not stay selected.
                    let placed = self
                        .doc
                        .map
                        .claim(id)
                        .and_then(|c| c.quote.as_ref())
                        .map(|q| (q.start, q.end));
                    if placed.is_some() && placed == self.reader.selected_span() {
                        self.reader.selection = None;
                    }
                }
                Action::Pin(id, pin) => self.teach.pin(id, pin),
                Action::Export(choice) => self.export_now(&choice),
            }
        }
    }

    pub fn window_title(&self) -> String {
        let marker = if self.doc.is_dirty() { "• " } else { "" };
        format!("{marker}{} — Argmap", self.doc.name())
    }
}

/// What the Export… window is set to.
#[derive(Clone, Debug)]
pub struct ExportChoice {
    pub kind: crate::exchange::files::Export,
    /// For pictures: only the selected claims.
    pub selection_only: bool,
    /// For PNG: pixels per canvas unit.
    pub scale: f32,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            kind: crate::exchange::files::Export::Png,
            selection_only: false,
            scale: 2.0,
        }
    }
}

/// Answers to "save changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    Save,
    Discard,
    Cancel,
}

impl eframe::App for ArgmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        chrome::frame(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
    }
}

/// Opens the window. `path` is the map given on the command line.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png"))
        .unwrap_or_default();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Argmap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_icon(icon)
            .with_app_id("argmap"),
        ..Default::default()
    };
    eframe::run_native(
        "Argmap",
        options,
        Box::new(move |cc| {
            let mut app = ArgmapApp::start(path.as_deref());
            app.restore(cc.storage);
            Ok(Box::new(app))
        }),
    )
}
