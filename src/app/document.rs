//! The open map with its undo history and where it lives on disk.

use crate::format;
use crate::model::{Edit, EditError, History, Map};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Each document opened gets its own number, so views computed for one map
/// are never shown for the next.
static OPENED: AtomicU64 = AtomicU64::new(0);

/// One open map. The editor changes it only through [`Document::apply`].
pub struct Document {
    pub map: Map,
    pub history: History,
    /// Where the map was opened from or last saved to; `None` for a new map
    /// or a bundled example (which must be saved under a new name).
    pub path: Option<PathBuf>,
    /// Name shown for a map without a path (e.g. the example's file name).
    pub fallback_name: String,
    /// History position when the map was last saved or opened.
    saved_at: u64,
    generation: u64,
}

impl Document {
    pub fn new(map: Map, path: Option<PathBuf>, fallback_name: impl Into<String>) -> Self {
        Self {
            map,
            history: History::default(),
            path,
            fallback_name: fallback_name.into(),
            saved_at: 0,
            generation: OPENED.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Names the map's state: changes with every edit, undo and redo, and
    /// differs between documents.
    pub fn version(&self) -> (u64, u64) {
        (self.generation, self.history.position())
    }

    pub fn untitled() -> Self {
        Self::new(Map::default(), None, "Untitled map")
    }

    /// Applies `edit` as one undo step.
    pub fn apply(&mut self, label: &str, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.map, label, edit)
    }

    /// Applies `edit`, folding it into the last step if that had the same `key`.
    pub fn apply_merging(&mut self, label: &str, edit: Edit, key: String) -> Result<(), EditError> {
        self.history.apply_merging(&mut self.map, label, edit, key)
    }

    pub fn undo(&mut self) -> Option<String> {
        self.history.undo(&mut self.map)
    }

    pub fn redo(&mut self) -> Option<String> {
        self.history.redo(&mut self.map)
    }

    /// Marks a map that exists only in memory (an import) as not yet saved.
    pub fn mark_unsaved(&mut self) {
        self.saved_at = u64::MAX;
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
        format::save(&self.map, path)?;
        self.path = Some(path.to_path_buf());
        self.saved_at = self.history.position();
        Ok(())
    }
}
