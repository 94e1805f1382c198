//! The File menu's work: opening, saving, importing, exporting and adding
//! sources, with the unsaved-changes question in front of what would lose
//! changes.

use super::{ArgmapApp, Document, ExportChoice, Pending, PromptAnswer, RECENT_MAX};
use crate::corpus;
use crate::format;
use crate::model::{ClaimId, Edit, Map};
use std::path::Path;

impl ArgmapApp {
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
                // A file moved or deleted since leaves Open recent.
                if !path.exists() {
                    let gone = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
                    self.recent.retain(|p| p != path && p != &gone);
                }
                false
            }
        }
    }

    pub(super) fn open_example(&mut self, index: usize) {
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

    pub(super) fn remember(&mut self, path: &Path) {
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

    pub(super) fn save_to(&mut self, path: &Path) -> bool {
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

    pub(super) fn perform(&mut self, pending: Pending) {
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

    pub(super) fn add_source(&mut self) {
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

    pub(super) fn import(&mut self, path: &Path) {
        match crate::exchange::files::import(path) {
            Ok((map, summary)) => self.adopt_import(path, map, summary),
            Err(error) => self.set_error(format!("Could not import {error}")),
        }
    }

    /// Opens an imported map as a new, unsaved map named after the file,
    /// with the summary of what came in.
    pub(super) fn adopt_import(&mut self, path: &Path, map: Map, summary: String) {
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
}
