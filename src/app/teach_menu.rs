//! The Teach menu's file work: loading a model answer to compare with,
//! saving the feedback report, and making exercises.

use super::{ArgmapApp, teach};
use crate::format;

impl ArgmapApp {
    /// Loads a model answer (through the open dialog) and compares the map with it.
    pub(super) fn compare_with_model(&mut self) {
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

    pub(super) fn export_report(&mut self) {
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
    pub(super) fn make_exercise(&mut self, kind: crate::analysis::compare::Exercise) {
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
}
