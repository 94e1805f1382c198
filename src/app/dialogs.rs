//! The edge where the editor touches the file system through native dialogs.
//! Tests replace [`FileDialogs`] so they never open a real dialog.

use std::path::PathBuf;

pub trait FileDialogs {
    /// A map file to open.
    fn open_map(&mut self) -> Option<PathBuf>;
    /// Where to save a map, suggesting `name`.
    fn save_map(&mut self, name: &str) -> Option<PathBuf>;
    /// A plain-text or Markdown file to import as a source.
    fn open_text(&mut self) -> Option<PathBuf>;
    /// Where to save a feedback report, suggesting `name`.
    fn save_report(&mut self, name: &str) -> Option<PathBuf>;
    /// Another tool's file to import.
    fn open_import(&mut self) -> Option<PathBuf>;
    /// Where to write an export, suggesting `name`, with its kind and extension.
    fn save_export(&mut self, name: &str, kind: &str, extension: &str) -> Option<PathBuf>;
}

/// The platform's own dialogs. When none is available (no portal, no zenity)
/// they return `None` and the command does nothing.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_map(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open map")
            .add_filter("Argmap map", &["ron", "json"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn save_map(&mut self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save map")
            .add_filter("Argmap map", &["ron"])
            .add_filter("JSON", &["json"])
            .set_file_name(name)
            .save_file()
    }

    fn open_text(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Add source")
            .add_filter("Text or Markdown", &["txt", "md", "markdown", "text"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn save_report(&mut self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save feedback report")
            .add_filter("Markdown", &["md"])
            .set_file_name(name)
            .save_file()
    }

    fn open_import(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Import")
            .add_filter("AIF JSON or Argdown", &["json", "argdown"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn save_export(&mut self, name: &str, kind: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export")
            .add_filter(kind, &[extension])
            .set_file_name(name)
            .save_file()
    }
}

/// Dialogs that answer from a script, for tests: each call takes the next answer.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: std::collections::VecDeque<Option<PathBuf>>,
}

impl ScriptedDialogs {
    fn next(&mut self) -> Option<PathBuf> {
        self.answers.pop_front().flatten()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_map(&mut self) -> Option<PathBuf> {
        self.next()
    }

    fn save_map(&mut self, _name: &str) -> Option<PathBuf> {
        self.next()
    }

    fn open_text(&mut self) -> Option<PathBuf> {
        self.next()
    }

    fn save_report(&mut self, _name: &str) -> Option<PathBuf> {
        self.next()
    }

    fn open_import(&mut self) -> Option<PathBuf> {
        self.next()
    }

    fn save_export(&mut self, _name: &str, _kind: &str, _extension: &str) -> Option<PathBuf> {
        self.next()
    }
}
