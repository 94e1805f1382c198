//! A strip over the top of the canvas while a teaching view is on: how many
//! claims stand, the positions, the pins, the comparison's scores.

use super::Enabled;
use crate::app::Command;
use crate::app::actions::Action;
use crate::app::state::AppState;
use crate::model::count;
use egui::{RichText, Ui};

pub fn teach_bar(
    ui: &mut Ui,
    state: &AppState,
    canvas: egui::Rect,
    enabled: &Enabled,
    actions: &mut Vec<Action>,
) {
    let teach = &state.teach;
    if !teach.evaluate && teach.comparison.is_none() {
        return;
    }
    let area = egui::Area::new(egui::Id::unique("argmap-teach-bar"))
        .order(egui::Order::Foreground)
        .fixed_pos(canvas.left_top() + egui::vec2(8.0, 8.0))
        .constrain_to(canvas);
    area.show(ui.ctx(), |ui| {
        // Never wider than the canvas: the panes beside it stay uncovered.
        ui.set_max_width((canvas.width() - 16.0).max(100.0));
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                if let Some(labelling) = teach.shown() {
                    let (accepted, defeated, undecided) = labelling.counts();
                    ui.label(RichText::new("Which claims stand").strong());
                    ui.label(format!(
                        "{accepted} accepted · {defeated} defeated · {undecided} undecided"
                    ));
                    // Plain words on the button; the names logicians use in the tip.
                    let (mode, technical) = if teach.preferred {
                        (
                            "Showing each coherent position",
                            "Preferred semantics: each largest set of claims one could hold together. Click to show only what the map settles.",
                        )
                    } else {
                        (
                            "Showing what the map settles",
                            "Grounded semantics: only what the map forces, taking no side in a standoff. Click to see each coherent position instead.",
                        )
                    };
                    if ui.button(mode).on_hover_text(technical).clicked() {
                        actions.push(Action::Command(Command::TogglePreferred));
                    }
                    if teach.preferred {
                        match teach.positions() {
                            Some([]) | None => {
                                ui.label("too many undecided claims to list positions");
                            }
                            Some(positions) => {
                                let n = positions.len();
                                ui.label(format!("position {} of {n}", teach.position % n + 1));
                                if n > 1 && ui.button("Next position").clicked() {
                                    actions.push(Action::Command(Command::NextPosition));
                                }
                            }
                        }
                    }
                    if (teach.raise_open || !teach.open_questions().is_empty())
                        && ui
                            .selectable_label(teach.raise_open, "What if every open question were raised")
                            .on_hover_text(Command::RaiseOpenQuestions.help())
                            .clicked()
                    {
                        actions.push(Action::Command(Command::RaiseOpenQuestions));
                    }
                    if !teach.pins.is_empty()
                        && ui
                            .button(format!("Clear {}", count(teach.pins.len(), "pin", "pins")))
                            .on_hover_text(Command::ClearPins.help())
                            .clicked()
                    {
                        actions.push(Action::Command(Command::ClearPins));
                    }
                    if enabled.get(Command::KeepPins)
                        && ui
                            .button(if teach.pins.is_empty() {
                                "Forget saved pins"
                            } else {
                                "Keep in map"
                            })
                            .on_hover_text(Command::KeepPins.help())
                            .clicked()
                    {
                        actions.push(Action::Command(Command::KeepPins));
                    }
                }
                if let Some(compared) = &teach.comparison {
                    if teach.evaluate {
                        ui.separator();
                    }
                    let r = &compared.result;
                    ui.label(RichText::new(format!("Compared with {}", compared.name)).strong());
                    ui.label(format!(
                        "claims {:.0} % in agreement · links {:.0} %",
                        r.claims.f1 * 100.0,
                        r.link_score.f1 * 100.0
                    ))
                    .on_hover_text(format!(
                        "F1 scores, which weigh what was found against what is extra: claims {:.2} (precision {:.2}, recall {:.2}), links {:.2} (precision {:.2}, recall {:.2})",
                        r.claims.f1,
                        r.claims.precision,
                        r.claims.recall,
                        r.link_score.f1,
                        r.link_score.precision,
                        r.link_score.recall
                    ));
                }
            });
        });
    });
}
