//! The open map with its undo history and where it lives on disk.

use crate::format::{self, disk::Stamp};
use crate::model::{Edit, EditError, History, Map};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Each document opened gets its own number, so views computed for one map
/// are never shown for the next.
static OPENED: AtomicU64 = AtomicU64::new(0);

/// Names one state of the open map: which document it is, and how far
/// along its history. Views worked out from the map keep the version they
/// were made for, and are made again when it changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Version {
    pub document: u64,
    pub step: u64,
}

/// One open map. The editor changes it only through [`Document::apply`].
pub struct Document {
    pub map: Map,
    pub history: History,
    /// Where the map was opened from or last saved to; `None` for a new map
    /// or a bundled example (which must be saved under a new name).
    pub path: Option<PathBuf>,
    /// Name shown for a map without a path (e.g. the example's file name).
    pub fallback_name: String,
    /// The file as Argmap last read or wrote it, to notice outside changes.
    pub disk: Option<Stamp>,
    /// History position when the map was last saved or opened.
    saved_at: u64,
    /// Changes (edits, undos, redos) since the map was saved or opened.
    unsaved_edits: u64,
    generation: u64,
}

impl Document {
    pub fn new(map: Map, path: Option<PathBuf>, fallback_name: impl Into<String>) -> Self {
        Self {
            map,
            history: History::default(),
            path,
            fallback_name: fallback_name.into(),
            disk: None,
            saved_at: 0,
            unsaved_edits: 0,
            generation: OPENED.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Names the map's state: changes with every edit, undo and redo, and
    /// differs between documents.
    pub fn version(&self) -> Version {
        Version {
            document: self.generation,
            step: self.history.position(),
        }
    }

    pub fn untitled() -> Self {
        Self::new(Map::default(), None, "Untitled map")
    }

    /// A map read from `path`, remembering the file as it was.
    pub fn open(path: &std::path::Path) -> Result<Self, format::FileError> {
        let bytes = format::read_file(path)?;
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        let map = format::read(&bytes, format::Syntax::detect(path, &bytes))
            .map_err(|e| format::FileError::new(path, e))?;
        let mut doc = Self::new(map, Some(path.to_path_buf()), format::display(path));
        doc.disk = Some(Stamp::of_bytes(&bytes, modified));
        Ok(doc)
    }

    /// Applies `edit` as one undo step.
    pub fn apply(&mut self, label: &str, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.map, label, edit)?;
        self.unsaved_edits += 1;
        Ok(())
    }

    /// Applies `edit`, folding it into the last step if that had the same `key`.
    pub fn apply_merging(&mut self, label: &str, edit: Edit, key: String) -> Result<(), EditError> {
        self.history
            .apply_merging(&mut self.map, label, edit, key)?;
        self.unsaved_edits += 1;
        Ok(())
    }

    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.map)?;
        self.unsaved_edits += 1;
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.map)?;
        self.unsaved_edits += 1;
        Some(label)
    }

    /// Marks a map that exists only in memory (an import, a recovered copy)
    /// as not yet saved, holding `edits` changes.
    pub fn mark_unsaved(&mut self, edits: u64) {
        self.saved_at = u64::MAX;
        self.unsaved_edits = edits.max(1);
    }

    /// How many changes the map holds that its file does not.
    pub fn unsaved_edits(&self) -> u64 {
        if self.is_dirty() {
            self.unsaved_edits.max(1)
        } else {
            0
        }
    }

    /// Whether another program changed the file since Argmap read or wrote it.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.disk) {
            (Some(path), Some(stamp)) => stamp.changed_on_disk(path),
            // A file that appeared where a new map will be saved.
            (Some(path), None) => path.exists(),
            _ => false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.position() != self.saved_at
    }

    /// The file name, or the fallback name for a map not yet saved.
    pub fn name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || self.fallback_name.clone(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The name without its extension, for naming files made from this map.
    pub fn stem(&self) -> String {
        let name = self.name();
        name.strip_suffix(".ron")
            .or_else(|| name.strip_suffix(".json"))
            .unwrap_or(&name)
            .to_owned()
    }

    /// Saves to `path`; on success that becomes the document's path and the
    /// map counts as saved. On failure nothing changes.
    pub fn save_to(&mut self, path: &Path) -> Result<(), format::SaveError> {
        let text = format::encode(&self.map, format::Syntax::of_path(path))
            .map_err(|e| format::SaveError::new(path, e.to_string()))?;
        format::write_atomic(path, text.as_bytes())?;
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        self.disk = Some(Stamp::of_bytes(text.as_bytes(), modified));
        self.path = Some(path.to_path_buf());
        self.saved_at = self.history.position();
        self.unsaved_edits = 0;
        Ok(())
    }
}
