//! The outline beside the map (View ▸ Outline beside the map): the map as
//! an essay outline in the right pane, worked out again when the map
//! changes; a click on a line goes to its claim.

use crate::app::actions::Action;
use crate::app::document::Version;
use crate::app::state::AppState;
use crate::exchange::essay::{self, Line};
use egui::{RichText, Ui};

/// The outline's lines, kept until the map changes.
#[derive(Default)]
pub struct Outline {
    lines: Vec<Line>,
    made_for: Option<Version>,
}

impl Outline {
    pub fn show(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let version = state.doc.version();
        if self.made_for != Some(version) {
            self.lines = essay::lines(&state.doc.map);
            self.made_for = Some(version);
        }
        ui.horizontal(|ui| {
            ui.heading("Outline");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Show the inspector")
                    .on_hover_text(crate::app::Command::ToggleOutline.help())
                    .clicked()
                {
                    actions.push(Action::Command(crate::app::Command::ToggleOutline));
                }
            });
        });
        ui.label(
            RichText::new("The map as an essay outline: click a line to go to its claim.").weak(),
        );
        ui.add_space(4.0);
        let selected = state.selection.single_claim();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for line in &self.lines {
                    let indent = 14.0 * line.depth as f32;
                    // The whole line stands in, not only its first row.
                    ui.horizontal_top(|ui| {
                        ui.add_space(indent);
                        let width = ui.available_width();
                        ui.vertical(|ui| {
                            ui.set_max_width(width);
                            show_line(ui, line, selected, actions);
                        });
                    });
                }
            });
    }
}

/// One line: a heading, a claim to click, or a point still to address.
fn show_line(
    ui: &mut Ui,
    line: &Line,
    selected: Option<crate::model::ClaimId>,
    actions: &mut Vec<Action>,
) {
    if line.heading {
        ui.label(RichText::new(&line.text).strong());
        return;
    }
    let Some(claim) = line.claim else {
        ui.label(RichText::new(&line.text).italics().weak());
        return;
    };
    let on = selected == Some(claim);
    if ui
        .add(egui::Button::selectable(on, &line.text).wrap())
        .clicked()
    {
        actions.push(Action::GoToClaim(claim));
    }
}
