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

use crate::analysis::layout;
use crate::corpus;
use crate::format;
use crate::model::{ClaimId, Edit, LinkKind, Map};
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
/// How far one arrow-key press moves the selected claims, in canvas units.
const NUDGE: f32 = 10.0;
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

    /// Opens a map file, replacing the open map only if the file is good.
    pub fn open_path(&mut self, path: &Path) -> bool {
        match format::load(path) {
            Ok(map) => {
                let name = format::display(path);
                self.doc = Document::new(map, Some(path.to_path_buf()), name.clone());
                self.after_open();
                self.remember(path);
                self.set_status(format!("Opened {name}"));
                true
            }
            Err(error) => {
                // A file from OVA, AIFdb or Argdown opened (or dropped) as a map
                // is imported instead, as File ▸ Import… would.
                let argdown = path.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("argdown") || e.eq_ignore_ascii_case("ad")
                });
                let foreign = argdown || matches!(error.error, format::ReadError::NotAMap);
                if foreign && let Ok((map, summary)) = crate::exchange::files::import(path) {
                    self.adopt_import(path, map, summary);
                    return true;
                }
                self.set_error(format!("Could not open {error}"));
                false
            }
        }
    }

    fn open_example(&mut self, index: usize) {
        let Some(example) = corpus::examples().get(index) else {
            return;
        };
        match format::read(example.text.as_bytes(), format::Syntax::Ron) {
            Ok(map) => {
                self.doc = Document::new(map, None, example.file);
                self.after_open();
                self.set_status(format!(
                    "Opened the example “{}”; Save as… keeps your changes",
                    example.title
                ));
            }
            Err(error) => {
                self.set_error(format!("The example {} is damaged: {error}", example.file))
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    /// Saves to the current path, or asks for one. Returns whether the map is now saved.
    pub fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    pub fn save_as(&mut self) -> bool {
        let suggested = match self.doc.path.as_deref().and_then(Path::file_name) {
            Some(name) => name.to_string_lossy().into_owned(),
            None if self.doc.fallback_name.ends_with(".ron") => self.doc.fallback_name.clone(),
            None => "map.ron".to_owned(),
        };
        let Some(mut path) = self.dialogs.save_map(&suggested) else {
            return false;
        };
        if path.extension().is_none() {
            path.set_extension("ron");
        }
        self.save_to(&path)
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.remember(path);
                self.set_status(format!("Saved {}", format::display(path)));
                true
            }
            Err(error) => {
                self.set_error(format!("Not saved: {error}"));
                false
            }
        }
    }

    /// Runs `pending` now, or first asks about unsaved changes.
    pub fn request(&mut self, pending: Pending) {
        if self.doc.is_dirty() && !(pending == Pending::Close && self.allow_close) {
            self.prompt = Some(pending);
        } else {
            self.perform(pending);
        }
    }

    fn perform(&mut self, pending: Pending) {
        match pending {
            Pending::New => {
                self.doc = Document::untitled();
                self.after_open();
                self.set_status("New map");
            }
            Pending::OpenDialog => {
                if let Some(path) = self.dialogs.open_map() {
                    self.open_path(&path);
                }
            }
            Pending::OpenPath(path) => {
                self.open_path(&path);
            }
            Pending::OpenExample(index) => self.open_example(index),
            Pending::Import(path) => self.import(&path),
            Pending::Close => self.allow_close = true,
        }
    }

    /// The user answered the unsaved-changes question.
    pub fn answer_prompt(&mut self, answer: PromptAnswer) {
        let Some(pending) = self.prompt.take() else {
            return;
        };
        match answer {
            PromptAnswer::Save => {
                if self.save() {
                    self.perform(pending);
                }
            }
            PromptAnswer::Discard => self.perform(pending),
            PromptAnswer::Cancel => {}
        }
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

    pub fn is_enabled(&self, command: Command) -> bool {
        let map = &self.doc.map;
        let one_claim = self.selection.single_claim();
        match command {
            Command::Undo => self.doc.history.can_undo(),
            Command::Redo => self.doc.history.can_redo(),
            Command::Delete => !self.selection.is_empty(),
            Command::Cut | Command::Duplicate => !self.selection.claims.is_empty(),
            Command::Copy => {
                !self.selection.claims.is_empty() || self.reader.selected_passage().is_some()
            }
            Command::SelectAll => !map.claims.is_empty(),
            Command::SelectNone => {
                !self.selection.is_empty() || self.reader.selected_span().is_some()
            }
            Command::MoveLeft | Command::MoveRight | Command::MoveUp | Command::MoveDown => {
                !self.selection.claims.is_empty()
            }
            Command::AddSelectionAsClaim => self.reader.selected_passage().is_some(),
            Command::EditClaim => one_claim.is_some(),
            Command::LinkSupport | Command::LinkRebut => self.selection.claims.len() >= 2,
            Command::ToggleLinkKind => !self.selection.links.is_empty(),
            Command::ReverseLink => self
                .selection
                .single_link()
                .and_then(|id| map.link(id))
                .is_some_and(|l| l.simple_ends().is_some()),
            Command::ShowInArticle => one_claim
                .and_then(|id| map.claim(id))
                .is_some_and(|c| c.quote.is_some()),
            Command::FindNext | Command::FindPrevious => self.reader.find.open,
            Command::Tidy | Command::FitView => !map.claims.is_empty(),
            Command::TogglePreferred => self.teach.evaluate,
            Command::NextPosition => self.teach.evaluate && self.teach.preferred,
            Command::ClearPins => !self.teach.pins.is_empty(),
            Command::KeepPins => edits::keep_pins(map, &self.teach.pins).is_some(),
            Command::StopComparing | Command::ExportReport => self.teach.comparison.is_some(),
            Command::ExerciseClaims | Command::ExerciseContentions => !map.claims.is_empty(),
            _ => true,
        }
    }

    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        if !self.is_enabled(command) {
            return;
        }
        match command {
            Command::New => self.request(Pending::New),
            Command::Open => self.request(Pending::OpenDialog),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::AddSource => self.add_source(),
            Command::Import => {
                if let Some(path) = self.dialogs.open_import() {
                    self.request(Pending::Import(path));
                }
            }
            Command::Export => self.export = Some(ExportChoice::default()),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                self.canvas.editing = None;
                match self.doc.undo() {
                    Some(label) => self.set_status(format!("Undid: {label}")),
                    None => self.set_status("Nothing to undo"),
                }
                self.selection.prune(&self.doc.map);
            }
            Command::Redo => {
                self.canvas.editing = None;
                if let Some(label) = self.doc.redo() {
                    self.set_status(format!("Redid: {label}"));
                }
                self.selection.prune(&self.doc.map);
            }
            Command::Copy => {
                self.copy(ctx);
            }
            Command::Cut => self.cut(ctx),
            // The window system answers with the clipboard's text as a paste event.
            Command::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Command::Duplicate => self.duplicate(),
            Command::Delete => {
                if let Some(edit) = edits::delete_selection(&self.doc.map, &self.selection)
                    && self.apply("Delete", edit)
                {
                    self.selection.clear();
                }
            }
            Command::SelectAll => {
                self.selection.claims = self.doc.map.claims.iter().map(|c| c.id).collect();
                self.selection.links.clear();
            }
            Command::SelectNone => {
                self.selection.clear();
                self.reader.selection = None;
            }
            Command::MoveLeft => self.nudge(-NUDGE, 0.0),
            Command::MoveRight => self.nudge(NUDGE, 0.0),
            Command::MoveUp => self.nudge(0.0, -NUDGE),
            Command::MoveDown => self.nudge(0.0, NUDGE),
            Command::AddSelectionAsClaim => {
                let at = self.free_spot();
                let passage = self.reader.selected_passage();
                if let Some((edit, id)) =
                    passage.and_then(|p| edits::add_quoted_claim(&self.doc.map, &p, at))
                    && self.apply("Add quoted claim", edit)
                {
                    self.selection.only_claim(id);
                    self.reader.selection = None;
                }
            }
            Command::NewClaim => {
                let at = self.free_spot();
                let (edit, id) = edits::add_own_claim(&self.doc.map, at);
                if self.apply("New claim", edit) {
                    self.selection.only_claim(id);
                    self.canvas.start_editing(&self.doc.map, id);
                }
            }
            Command::EditClaim => {
                if let Some(id) = self.selection.single_claim() {
                    self.canvas.start_editing(&self.doc.map, id);
                }
            }
            Command::LinkSupport | Command::LinkRebut => {
                let kind = if command == Command::LinkSupport {
                    LinkKind::Support
                } else {
                    LinkKind::Rebut
                };
                if let Some(edit) = edits::link_selection(&self.doc.map, &self.selection, kind)
                    && self.apply(&format!("Add {} link", kind.label()), edit)
                {
                    let target = self.selection.claims.last().copied();
                    self.selection.clear();
                    self.selection.claims.extend(target);
                }
            }
            Command::ToggleLinkKind => {
                let edits: Vec<Edit> = self
                    .selection
                    .links
                    .iter()
                    .filter_map(|&id| self.doc.map.link(id))
                    .map(|l| Edit::RetypeLink {
                        link: l.id,
                        kind: l.kind.other(),
                    })
                    .collect();
                self.apply("Switch support/rebut", Edit::Batch(edits));
            }
            Command::ReverseLink => {
                if let Some(id) = self.selection.single_link() {
                    self.apply("Reverse link", Edit::ReverseLink(id));
                }
            }
            Command::ShowInArticle => {
                if let Some(id) = self.selection.single_claim() {
                    self.show_in_article(ctx, id);
                }
            }
            Command::Find => {
                self.show_reader = true;
                self.reader.open_find();
            }
            Command::FindNext => self.reader.find_step(true),
            Command::FindPrevious => self.reader.find_step(false),
            Command::ZoomIn => self.canvas.zoom_by(1.25),
            Command::ZoomOut => self.canvas.zoom_by(0.8),
            Command::FitView => self.canvas.request_fit(),
            Command::Tidy => self.tidy(),
            Command::ToggleReader => self.show_reader = !self.show_reader,
            Command::ToggleInspector => self.show_inspector = !self.show_inspector,
            Command::Shortcuts => self.shortcuts_open = !self.shortcuts_open,
            Command::ToggleEvaluation => {
                self.teach.evaluate = !self.teach.evaluate;
                if !self.teach.evaluate {
                    self.teach.preferred = false;
                }
            }
            Command::TogglePreferred => {
                self.teach.preferred = !self.teach.preferred;
                self.teach.position = 0;
            }
            Command::NextPosition => self.teach.position += 1,
            Command::ClearPins => self.teach.clear_pins(),
            Command::KeepPins => {
                if let Some(edit) = edits::keep_pins(&self.doc.map, &self.teach.pins)
                    && self.apply("Keep pins in the map", edit)
                {
                    let n = self.doc.map.saved_pins().len();
                    self.set_status(if n == 0 {
                        "The map keeps no pins now".to_owned()
                    } else {
                        format!(
                            "The map keeps {}; they are saved with it",
                            crate::model::count(n, "pin", "pins")
                        )
                    });
                }
            }
            Command::Compare => self.compare_with_model(),
            Command::StopComparing => self.teach.comparison = None,
            Command::ExportReport => self.export_report(),
            Command::ExerciseClaims => {
                self.make_exercise(crate::analysis::compare::Exercise::ClaimsOnly)
            }
            Command::ExerciseContentions => {
                self.make_exercise(crate::analysis::compare::Exercise::MainContentions)
            }
        }
    }

    /// Moves the selected claims by an arrow-key step; presses in a row on
    /// the same claims are one undo step.
    fn nudge(&mut self, dx: f32, dy: f32) {
        let moves: Vec<_> = self
            .selection
            .claims
            .iter()
            .filter_map(|&id| self.doc.map.claim(id))
            .map(|c| (c.id, crate::model::Point::new(c.pos.x + dx, c.pos.y + dy)))
            .collect();
        let key = format!("nudge {:?}", self.selection.claims);
        if let Err(error) =
            self.doc
                .apply_merging("Move with arrow keys", Edit::MoveClaims(moves), key)
        {
            self.set_error(format!("Could not move: {error}"));
        }
    }

    /// Where a claim added by command goes: the middle of the view, moved
    /// down until it does not sit exactly on another claim.
    fn free_spot(&self) -> crate::model::Point {
        let mut at = self.canvas.centre();
        while self
            .doc
            .map
            .claims
            .iter()
            .any(|c| (c.pos.x - at.x).abs() < 20.0 && (c.pos.y - at.y).abs() < 20.0)
        {
            at.y += 40.0;
        }
        at
    }

    fn show_in_article(&mut self, ctx: &egui::Context, id: ClaimId) {
        let Some(quote) = self.doc.map.claim(id).and_then(|c| c.quote.clone()) else {
            return;
        };
        self.show_reader = true;
        self.reader
            .show_passage(quote.source, quote.start, quote.end, ctx.input(|i| i.time));
    }

    fn tidy(&mut self) {
        let sizes = self
            .doc
            .map
            .claims
            .iter()
            .map(|c| {
                let size = self.canvas.card_size(c.id);
                (
                    c.id,
                    layout::Size {
                        w: size.x,
                        h: size.y,
                    },
                )
            })
            .collect();
        let positions = layout::tidy(&self.doc.map, &sizes);
        let moves = positions
            .into_iter()
            .filter(|(id, p)| self.doc.map.claim(*id).is_some_and(|c| c.pos != *p))
            .collect();
        if self.apply("Tidy layout", Edit::MoveClaims(moves)) {
            self.canvas.request_fit();
        }
    }

    fn add_source(&mut self) {
        let Some(path) = self.dialogs.open_text() else {
            return;
        };
        let name = format::display(&path);
        let stem = path
            .file_stem()
            .map_or_else(|| "source".to_owned(), |s| s.to_string_lossy().into_owned());
        let source = format::read_file(&path).and_then(|bytes| {
            format::text_source(&stem, &bytes, &self.doc.map).map_err(|error| format::FileError {
                file: name.clone(),
                error,
            })
        });
        match source {
            Ok(source) => {
                let id = source.id.clone();
                if self.apply("Add source", Edit::AddSource(source)) {
                    self.show_reader = true;
                    self.reader.open(id);
                    self.set_status(format!("Added {name} as a source"));
                }
            }
            Err(error) => self.set_error(format!("Could not add {error}")),
        }
    }

    fn import(&mut self, path: &Path) {
        match crate::exchange::files::import(path) {
            Ok((map, summary)) => self.adopt_import(path, map, summary),
            Err(error) => self.set_error(format!("Could not import {error}")),
        }
    }

    /// Opens an imported map as a new, unsaved map named after the file,
    /// with the summary of what came in.
    fn adopt_import(&mut self, path: &Path, map: Map, summary: String) {
        let stem = path.file_stem().map_or_else(
            || "imported".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        self.doc = Document::new(map, None, format!("{stem}.ron"));
        self.doc.mark_unsaved();
        self.after_open();
        self.set_status(format!("Imported {}", format::display(path)));
        self.import_summary = Some(format!("{}\n\n{summary}", format::display(path)));
    }

    /// Writes the export chosen in the Export… window, through the save dialog.
    pub fn export_now(&mut self, choice: &ExportChoice) {
        let kind = choice.kind;
        let only: Option<std::collections::BTreeSet<ClaimId>> = (kind.is_image()
            && choice.selection_only)
            .then(|| self.selection.claims.iter().copied().collect());
        let bytes = match kind.render(&self.doc.map, only.as_ref(), choice.scale) {
            Ok(bytes) => bytes,
            Err(message) => return self.set_error(format!("Not exported: {message}")),
        };
        let stem = self.doc.stem();
        let Some(mut path) = self.dialogs.save_export(
            &format!("{stem}.{}", kind.extension()),
            kind.label(),
            kind.extension(),
        ) else {
            return;
        };
        if path.extension().is_none() {
            path.set_extension(kind.extension());
        }
        match format::write_atomic(&path, &bytes) {
            Ok(()) => self.set_status(format!("Exported {}", format::display(&path))),
            Err(error) => self.set_error(format!(
                "Not exported: {}: {}",
                format::display(&path),
                format::io_message(&error)
            )),
        }
    }

    /// Loads a model answer (through the open dialog) and compares the map with it.
    fn compare_with_model(&mut self) {
        let Some(path) = self.dialogs.open_map() else {
            return;
        };
        match format::load(&path) {
            Ok(model) => {
                let name = path.file_name().map_or_else(
                    || format::display(&path),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.teach.comparison = Some(teach::Compared::new(name.clone(), model));
                self.teach
                    .refresh(&self.doc.map, self.doc.history.position());
                self.show_inspector = true;
                self.set_status(format!("Comparing with {name}"));
            }
            Err(error) => self.set_error(format!("Could not open {error}")),
        }
    }

    fn export_report(&mut self) {
        let Some(compared) = &self.teach.comparison else {
            return;
        };
        let report = crate::analysis::compare::report(
            &compared.result,
            &self.doc.map,
            &compared.model,
            &self.doc.name(),
            &compared.name,
        );
        let stem = self.doc.stem();
        let Some(path) = self.dialogs.save_report(&format!("{stem}-feedback.md")) else {
            return;
        };
        match format::write_atomic(&path, report.as_bytes()) {
            Ok(()) => self.set_status(format!(
                "Saved the feedback report {}",
                format::display(&path)
            )),
            Err(error) => self.set_error(format!(
                "Not saved: {}: {}",
                format::display(&path),
                format::io_message(&error)
            )),
        }
    }

    /// Saves a starter map for students, made from the open map as the model.
    fn make_exercise(&mut self, kind: crate::analysis::compare::Exercise) {
        let exercise = crate::analysis::compare::exercise(&self.doc.map, kind);
        let stem = self.doc.stem();
        let Some(mut path) = self.dialogs.save_map(&format!("{stem}-exercise.ron")) else {
            return;
        };
        if path.extension().is_none() {
            path.set_extension("ron");
        }
        match format::save(&exercise, &path) {
            Ok(()) => self.set_status(format!(
                "Saved the exercise {} ({} claims, no links)",
                format::display(&path),
                exercise.claims.len()
            )),
            Err(error) => self.set_error(format!("Not saved: {error}")),
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
