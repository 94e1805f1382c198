//! Undo and redo: two stacks of inverse edits, each step with a label for the menu.

use super::{Edit, EditError, Map};

#[derive(Clone, Debug)]
struct Step {
    label: String,
    edit: Edit,
    /// Unique per applied edit, so a saved state can be recognised after undo and redo.
    serial: u64,
    /// Steps with the same key in a row become one (a run of arrow-key moves).
    merge: Option<String>,
}

/// The undo history of one open map. Lives beside the map, not inside it.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_serial: u64,
}

impl History {
    /// Applies `edit` to `map` as one undoable step named `label`.
    pub fn apply(
        &mut self,
        map: &mut Map,
        label: impl Into<String>,
        edit: Edit,
    ) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let inverse = edit.apply(map)?;
        self.next_serial += 1;
        self.undo.push(Step {
            label: label.into(),
            edit: inverse,
            serial: self.next_serial,
            merge: None,
        });
        self.redo.clear();
        Ok(())
    }

    /// Like [`apply`](Self::apply), but if the last step has the same `key`
    /// the two become one step: undo then goes back to before the first.
    /// Only for edits whose first inverse also undoes the later ones (moves of
    /// the same claims).
    pub fn apply_merging(
        &mut self,
        map: &mut Map,
        label: impl Into<String>,
        edit: Edit,
        key: String,
    ) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let merges = self.redo.is_empty()
            && self
                .undo
                .last()
                .is_some_and(|s| s.merge.as_deref() == Some(key.as_str()));
        if !merges {
            self.apply(map, label, edit)?;
            if let Some(step) = self.undo.last_mut() {
                step.merge = Some(key);
            }
            return Ok(());
        }
        edit.apply(map)?;
        // A new serial: the map differs from any state saved before this move.
        self.next_serial += 1;
        if let Some(step) = self.undo.last_mut() {
            step.serial = self.next_serial;
        }
        Ok(())
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, map: &mut Map) -> Option<String> {
        Self::swap(map, &mut self.undo, &mut self.redo)
    }

    pub fn redo(&mut self, map: &mut Map) -> Option<String> {
        Self::swap(map, &mut self.redo, &mut self.undo)
    }

    fn swap(map: &mut Map, from: &mut Vec<Step>, to: &mut Vec<Step>) -> Option<String> {
        let step = from.pop()?;
        // Inverses of applied edits always apply; if one does not, the step is dropped
        // rather than leaving the stacks out of step with the map.
        let edit = step.edit.apply(map).ok()?;
        to.push(Step {
            label: step.label.clone(),
            edit,
            serial: step.serial,
            merge: None,
        });
        Some(step.label)
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Names the current state: equal positions mean equal maps, so the editor
    /// remembers the position at saving to tell whether there are unsaved changes.
    pub fn position(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.serial)
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
