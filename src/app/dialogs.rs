//! The edge where the editor asks the user for a file. Every question is a
//! [`Request`], so the answer can also come later from the window where a
//! path is typed (when the system has no file dialog) and the work goes on
//! from where it was asked. Tests replace [`FileDialogs`] with a script;
//! the browser answers in a later frame, once the user has picked a file
//! (`crate::platform::web`).

use super::actions::{ExportChoice, Pending};
use crate::analysis::compare::Exercise;
use std::path::PathBuf;

/// What a file is wanted for; it names the work to finish with the answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// A map to open.
    OpenMap,
    /// Where to save the map, then what to do next (after "save first?").
    SaveMap {
        suggested: String,
        then: Option<Pending>,
    },
    /// A document to add as a source.
    AddSource,
    /// A document to add to side n of the debate being planned.
    DebateArticle(usize),
    /// Another tool's file to import.
    Import,
    /// Where to write an export.
    Export {
        choice: ExportChoice,
        suggested: String,
    },
    /// A model answer to compare with.
    Model,
    /// Where to save the feedback report.
    Report { suggested: String },
    /// Where to save a starter map for students.
    Exercise { suggested: String, kind: Exercise },
    /// A classmate's copy of the open map, to merge in.
    Theirs,
    /// The map both copies started from, to merge `theirs` in against.
    Base { theirs: PathBuf },
    /// An earlier version of the map, to show what changed since.
    Older,
}

impl Request {
    pub fn title(&self) -> &'static str {
        match self {
            Self::OpenMap => "Open map",
            Self::SaveMap { .. } => "Save map",
            Self::AddSource => "Add source",
            Self::DebateArticle(_) => "Add an article to a side",
            Self::Import => "Import",
            Self::Export { .. } => "Export",
            Self::Model => "Compare with model answer",
            Self::Report { .. } => "Save feedback report",
            Self::Exercise { .. } => "Save exercise",
            Self::Theirs => "Merge a classmate's map",
            Self::Base { .. } => "The map you both started from",
            Self::Older => "Show changes since an earlier version",
        }
    }

    /// Whether the file is to be written (rather than read).
    pub fn saves(&self) -> bool {
        matches!(
            self,
            Self::SaveMap { .. }
                | Self::Export { .. }
                | Self::Report { .. }
                | Self::Exercise { .. }
        )
    }

    /// The file name offered, for requests that write one.
    pub fn suggested(&self) -> Option<String> {
        match self {
            Self::SaveMap { suggested, .. }
            | Self::Report { suggested }
            | Self::Exercise { suggested, .. }
            | Self::Export { suggested, .. } => Some(suggested.clone()),
            _ => None,
        }
    }

    /// The file the answer `path` names: what it says, with the
    /// extension a file to write needs when it has none.
    pub fn final_path(&self, path: &std::path::Path) -> PathBuf {
        let extension = match self {
            Self::SaveMap { .. } | Self::Exercise { .. } => "ron",
            Self::Export { choice, .. } => choice.kind.extension(),
            _ => return path.to_path_buf(),
        };
        let mut path = path.to_path_buf();
        if path.extension().is_none() {
            path.set_extension(extension);
        }
        path
    }

    /// File types to offer: a name and its extensions.
    pub(crate) fn filters(&self) -> Vec<(&'static str, &'static [&'static str])> {
        match self {
            Self::OpenMap | Self::Model | Self::Theirs | Self::Base { .. } | Self::Older => {
                vec![("Argmap map", &["ron", "json"]), ("All files", &["*"])]
            }
            Self::SaveMap { .. } | Self::Exercise { .. } => {
                vec![("Argmap map", &["ron"]), ("JSON", &["json"])]
            }
            Self::AddSource | Self::DebateArticle(_) => vec![
                ("Article", crate::documents::Kind::EXTENSIONS),
                ("All files", &["*"]),
            ],
            Self::Import => vec![
                ("AIF JSON or Argdown", &["json", "argdown"]),
                ("All files", &["*"]),
            ],
            Self::Report { .. } => vec![("Markdown", &["md"])],
            Self::Export { .. } => vec![],
        }
    }
}

/// What the user answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Path(PathBuf),
    Cancelled,
    /// No dialog can be shown on this system; the path must be typed.
    Unavailable,
    /// The answer comes in a later frame, through [`FileDialogs::arrived`].
    Later,
}

/// Something that came in since the last frame, without being asked for in
/// this one: a file picked in the browser, a map from a link.
#[derive(Clone, Debug, PartialEq)]
pub enum Arrived {
    /// The file for `request` is ready at this path.
    File(Request, PathBuf),
    /// A map to open (dropped on the page, or named in its link), once any
    /// unsaved changes are dealt with.
    Open(PathBuf),
    /// Fetching or reading it failed; the message says why.
    Failed(String),
}

pub trait FileDialogs {
    fn ask(&mut self, request: &Request) -> Answer;

    /// Answers that came in since the last frame.
    fn arrived(&mut self) -> Vec<Arrived> {
        Vec::new()
    }
}

/// The platform's own dialogs.
#[cfg(not(target_arch = "wasm32"))]
pub struct NativeDialogs;

#[cfg(not(target_arch = "wasm32"))]
impl FileDialogs for NativeDialogs {
    fn ask(&mut self, request: &Request) -> Answer {
        if !native_available() {
            return Answer::Unavailable;
        }
        let mut dialog = rfd::FileDialog::new().set_title(request.title());
        for (name, extensions) in request.filters() {
            dialog = dialog.add_filter(name, extensions);
        }
        if let Request::Export { choice, .. } = request {
            dialog = dialog.add_filter(choice.kind.label(), &[choice.kind.extension()]);
        }
        if let Some(name) = request.suggested() {
            dialog = dialog.set_file_name(name);
        }
        let chosen = if request.saves() {
            dialog.save_file()
        } else {
            dialog.pick_file()
        };
        chosen.map_or(Answer::Cancelled, Answer::Path)
    }
}

/// The dialogs the editor starts with: the system's own on the desktop. In
/// the browser the page puts its own in place at start; until then there
/// are none.
pub fn platform_dialogs() -> Box<dyn FileDialogs> {
    #[cfg(not(target_arch = "wasm32"))]
    return Box::new(NativeDialogs);
    #[cfg(target_arch = "wasm32")]
    return Box::new(ScriptedDialogs {
        unavailable: true,
        ..Default::default()
    });
}

/// Whether the system can show a file dialog. On Linux that takes the
/// desktop portal or zenity; without either, the dialog would never appear.
pub fn native_available() -> bool {
    if cfg!(target_os = "linux") {
        let on_path = |program: &str| {
            std::env::var_os("PATH").is_some_and(|paths| {
                std::env::split_paths(&paths).any(|d| d.join(program).is_file())
            })
        };
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let portal = [
            "/usr/share/dbus-1/services",
            "/usr/local/share/dbus-1/services",
        ]
        .iter()
        .any(|d| {
            std::path::Path::new(d)
                .join("org.freedesktop.portal.Desktop.service")
                .exists()
        });
        (bus && portal) || on_path("zenity")
    } else {
        true
    }
}

/// Dialogs that answer from a script, for tests: each question takes the
/// next answer (`None` is a cancelled dialog).
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: std::collections::VecDeque<Option<PathBuf>>,
    /// Answer every question as a system without dialogs would.
    pub unavailable: bool,
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, _request: &Request) -> Answer {
        if self.unavailable {
            return Answer::Unavailable;
        }
        match self.answers.pop_front().flatten() {
            Some(path) => Answer::Path(path),
            None => Answer::Cancelled,
        }
    }
}
