//! The status bar: the map's name and size, the zoom, and the last message.

use crate::app::actions::Action;
use crate::app::state::AppState;
use crate::model::count;
use egui::{RichText, Ui};

pub fn status_bar(ui: &mut Ui, state: &AppState, zoom: f32, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let doc = &state.doc;
        let dirty = if doc.is_dirty() {
            " • unsaved changes"
        } else {
            ""
        };
        ui.label(RichText::new(format!("{}{dirty}", doc.name())).strong());
        ui.separator();
        let map = &doc.map;
        ui.label(format!(
            "{} · {} · {}",
            count(map.claims.len(), "claim", "claims"),
            count(map.links.len(), "link", "links"),
            count(map.sources.len(), "source", "sources")
        ));
        let open = state.teach.open_questions().len();
        if open > 0 {
            ui.separator();
            let words = if open == 1 {
                "1 critical question still open".to_owned()
            } else {
                format!("{open} critical questions still open")
            };
            if ui
                .link(words)
                .on_hover_text(format!(
                    "Show the next one ({})",
                    super::fields::keys(ui.ctx(), crate::app::Command::NextOpenQuestion)
                ))
                .clicked()
            {
                actions.push(Action::Command(crate::app::Command::NextOpenQuestion));
            }
        }
        ui.separator();
        ui.label(format!("{:.0} %", zoom * 100.0));
        let status = &state.status;
        if let Some(note) = status.fresh_note(ui.input(|i| i.time)) {
            ui.separator();
            ui.label(note);
        }
        if !status.error.is_empty() {
            ui.separator();
            let colour = ui.visuals().error_fg_color;
            ui.label(RichText::new(&status.error).color(colour));
            if ui
                .small_button("×")
                .on_hover_text("Dismiss this message")
                .clicked()
            {
                actions.push(Action::DismissStatus);
            }
        }
    });
}
