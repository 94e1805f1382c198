//! The editor window: reader on the left, canvas in the middle, inspector on
//! the right.
//!
//! One frame has two halves. First `ui` draws: it reads [`AppState`] (the
//! document, the selection, the view state, the teaching views, the open
//! windows) and reports what the user did as [`Action`]s. Then `handlers`
//! applies them, in order, in one place: that is the only code that changes
//! the app. A panel keeps only what belongs to the widget itself (scroll,
//! pan and zoom, a gesture in progress, text being typed, caches of what it
//! drew), as egui's own widgets do; handlers may read what a panel measured
//! (card sizes, the middle of the view) but never change a panel. What a
//! widget must do once (fit the map, scroll to a passage) is a
//! [`view::ViewRequest`] that handlers queue and the next frame hands to
//! the panels. Effects on the window (close it, copy text) are queued by
//! handlers and carried out at the end of the frame.

pub mod actions;
pub mod commands;
pub mod dialogs;
pub mod document;
pub mod edit_builders;
mod handlers;
pub mod merging;
pub mod selection;
pub mod state;
pub mod teaching;
pub mod tutorial;
pub mod ui;
pub mod view;

pub use actions::{Action, Pending, PromptAnswer};
pub use commands::Command;
pub use state::AppState;

use crate::corpus;
use crate::format;
use crate::model::Map;
use dialogs::FileDialogs;
use document::Document;
use std::path::{Path, PathBuf};

/// Storage keys of the recent files list and of the settings.
const RECENT_KEY: &str = "argmap-recent";
const SETTINGS_KEY: &str = "argmap-settings";

/// Something a handler asks of the window, done at the end of the frame.
#[derive(Clone, Debug)]
enum Effect {
    Viewport(egui::ViewportCommand),
    CopyText(String),
    Theme(egui::ThemePreference),
    /// Run a frame again after this many seconds, even with no input.
    RepaintAfter(f64),
}

pub struct ArgmapApp {
    state: AppState,
    panels: ui::Panels,
    dialogs: Box<dyn FileDialogs>,
    effects: Vec<Effect>,
    autosave: handlers::recovery::Autosave,
    /// The window title last sent, so it is only sent when it changes.
    title: String,
    /// Started with no map asked for (so on the debate, with the welcome).
    started_plain: bool,
    /// Work a handler left to follow, for the router.
    follow_ups: Vec<Action>,
}

impl ArgmapApp {
    /// The app with `map` open (from `path` if it came from a file).
    pub fn with_map(map: Map, path: Option<PathBuf>, name: &str) -> Self {
        let mut app = Self {
            state: AppState::new(Document::untitled()),
            panels: ui::Panels::default(),
            dialogs: dialogs::platform_dialogs(),
            effects: Vec::new(),
            autosave: Default::default(),
            title: String::new(),
            started_plain: false,
            follow_ups: Vec::new(),
        };
        app.replace_document(Document::new(map, path, name));
        app
    }

    /// The app as it starts: the map given on the command line, else the
    /// Kimmage–Kramer debate. A file that cannot be read leaves the debate
    /// open and says why; a file that does not exist yet becomes a new map
    /// that Save writes there.
    pub fn start(path: Option<&Path>) -> Self {
        let mut app = Self::debate();
        match path {
            Some(path)
                if !path.exists()
                    && path
                        .parent()
                        .is_none_or(|d| d.as_os_str().is_empty() || d.is_dir()) =>
            {
                handlers::start_new_at(&mut app, path);
            }
            Some(path) => {
                app.open_path(path);
            }
            None => app.started_plain = true,
        }
        app
    }

    /// Keeps recovery copies of unsaved work in `dir`, and offers back those
    /// an earlier run left there.
    pub fn enable_recovery(&mut self, dir: &Path) {
        self.autosave = handlers::recovery::Autosave::with_session(
            crate::format::recovery::Session::start(dir),
        );
        handlers::recovery::offer_left_behind(self);
    }

    /// Offers these recovery copies back (the browser keeps its own).
    pub fn offer_recovered(&mut self, found: Vec<crate::format::recovery::Found>) {
        self.state.windows.recovered.extend(found);
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

    /// Restores what is kept between runs (recent files, settings); a
    /// start on the debate, with nothing asked for, shows the welcome
    /// unless the user turned it off.
    pub fn restore(&mut self, storage: Option<&dyn eframe::Storage>) {
        if let Some(recent) = storage.and_then(|s| eframe::get_value::<Vec<PathBuf>>(s, RECENT_KEY))
        {
            self.state.recent = recent;
        }
        if let Some(settings) = storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)) {
            self.state.settings = settings;
        }
        if self.started_plain && self.state.settings.welcome_at_start {
            self.state.windows.welcome = true;
        }
    }

    /// Says how the window is drawn (Help shows it).
    pub fn set_renderer(&mut self, renderer: String) {
        self.state.renderer = renderer;
    }

    /// Says where settings and recovery copies are kept (Help ▸ About shows it).
    pub fn set_places(&mut self, places: state::Places) {
        self.state.places = places;
    }

    /// What the window shows.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn panels(&self) -> &ui::Panels {
        &self.panels
    }

    /// Where file dialogs come from (tests script them).
    pub fn set_dialogs(&mut self, dialogs: Box<dyn FileDialogs>) {
        self.dialogs = dialogs;
    }

    /// Applies an action at once, as if a panel had sent it.
    pub fn act(&mut self, action: Action) {
        handlers::handle(self, action);
        handlers::refresh(self);
    }

    /// Opens a map file (as File ▸ Open would, without asking about changes).
    pub fn open_path(&mut self, path: &Path) -> bool {
        let opened = handlers::open_path(self, path);
        handlers::refresh(self);
        opened
    }

    /// Whether a command can run now.
    pub fn is_enabled(&self, command: Command) -> bool {
        handlers::is_enabled(self, command)
    }

    /// Makes `doc` the open document, with a fresh view of it: fitted,
    /// nothing focused, collapsed or edited, the reader on an article the
    /// map quotes (or the one it was on, if the map carries it).
    fn replace_document(&mut self, doc: Document) {
        let state = &mut self.state;
        state.doc = doc;
        state.selection.clear();
        // Pins belong to the map they were set on; a map may bring its own.
        state.teach.set_pins(state.doc.map.saved_pins());
        let article = ui::reader::article_for(&state.doc.map, state.view.reader.article.as_ref());
        state.view.reset(article);
    }

    /// One frame: draw, then apply what the user did, then carry out what
    /// the handlers asked of the window.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.state.panes.window_width = ctx.content_rect().width();
        let enabled = ui::Enabled::new(|command| self.is_enabled(command));
        let requests = self.state.view.take_requests();
        let mut actions = ui::draw(ui, &self.state, &mut self.panels, &requests, &enabled);
        actions.push(Action::Tick {
            now: ctx.input(|i| i.time),
            focused: ctx.input(|i| i.viewport().focused.unwrap_or(true)),
        });
        for action in actions {
            handlers::handle(self, action);
        }
        let arrived = self.dialogs.arrived();
        if !arrived.is_empty() {
            // No input came with it, so nothing else asks to show the result.
            ctx.request_repaint();
        }
        for arrived in arrived {
            handlers::handle(self, Action::Arrived(arrived));
        }
        handlers::refresh(self);
        for effect in std::mem::take(&mut self.effects) {
            match effect {
                Effect::Viewport(command) => ctx.send_viewport_cmd(command),
                Effect::CopyText(text) => ctx.copy_text(text),
                Effect::Theme(theme) => ctx.set_theme(theme),
                Effect::RepaintAfter(seconds) => {
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds));
                }
            }
        }
        // The interface's size is a setting, set only through its commands
        // (egui's own Ctrl+plus would also zoom, against the canvas's keys).
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let scale = self.state.settings.interface_scale;
        let scale = if scale.is_finite() {
            scale.clamp(0.5, 3.0)
        } else {
            1.0
        };
        if (ctx.zoom_factor() - scale).abs() > 0.001 {
            ctx.set_zoom_factor(scale);
        }
        let contrast = self.state.settings.high_contrast;
        if ui::theme::is_high_contrast(&ctx.global_style().visuals) != contrast {
            ui::theme::set_high_contrast(&ctx, contrast);
        }
        let title = self.state.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for ArgmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.state.recent);
        eframe::set_value(storage, SETTINGS_KEY, &self.state.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Closing always went through the unsaved-changes question.
        handlers::recovery::closing(self);
    }
}
