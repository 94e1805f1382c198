//! The bars over the top of the canvas, stacked so none covers another:
//! which claims stand (with the positions and pins), the comparison with a
//! model answer (its scores, what it shows, and a word when it carries on
//! from another map), and the focus.

use super::{Enabled, fields};
use crate::app::Command;
use crate::app::actions::Action;
use crate::app::state::AppState;
use crate::app::teaching::{Compared, Missing, Teaching};
use crate::model::count;
use egui::{RichText, Ui};

/// Draws whichever bars are on, one under another, at the canvas's top left.
pub fn canvas_bars(
    ui: &mut Ui,
    state: &AppState,
    canvas: egui::Rect,
    enabled: &Enabled,
    actions: &mut Vec<Action>,
) {
    let teach = &state.teach;
    if !teach.evaluate && teach.comparison.is_none() && state.view.focus.is_none() {
        return;
    }
    egui::Area::new(egui::Id::unique("argmap-canvas-bars"))
        .order(egui::Order::Foreground)
        .fixed_pos(canvas.left_top() + egui::vec2(8.0, 8.0))
        .constrain_to(canvas)
        .show(ui.ctx(), |ui| {
            // Never wider than the canvas: the panes beside it stay uncovered.
            ui.set_max_width((canvas.width() - 16.0).max(100.0));
            if teach.evaluate {
                bar(ui, |ui| standing_bar(ui, teach, enabled, actions));
            }
            if let Some(compared) = &teach.comparison {
                bar(ui, |ui| comparison_bar(ui, state, compared, actions));
            }
            if state.view.focus.is_some() {
                bar(ui, |ui| focus_bar(ui, state, actions));
            }
        });
}

fn bar(ui: &mut Ui, contents: impl FnOnce(&mut Ui)) {
    egui::Frame::popup(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(contents);
    });
    ui.add_space(4.0);
}

fn standing_bar(ui: &mut Ui, teach: &Teaching, enabled: &Enabled, actions: &mut Vec<Action>) {
    let Some(labelling) = teach.shown() else {
        return;
    };
    let (accepted, defeated, undecided) = labelling.counts();
    ui.label(RichText::new("Which claims stand").strong());
    ui.label(format!(
        "{accepted} accepted · {defeated} defeated · {undecided} undecided"
    ));
    // Plain words on the choice; the names logicians use in the tip.
    let (now, other, technical) = if teach.preferred {
        (
            "Showing: each side's case in turn",
            "Show only what no one can dispute",
            "Preferred semantics: each largest set of claims one could hold together. Click to show only what the map settles whichever side one takes.",
        )
    } else {
        (
            "Showing: what stands whichever side one takes",
            "Show each side's case in turn",
            "Grounded semantics: only what the map forces, taking no side in a standoff. Click to see each coherent position in turn.",
        )
    };
    ui.label(now);
    if ui.button(other).on_hover_text(technical).clicked() {
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

/// The comparison: with what, how close, what the canvas shows of what is
/// missing, and one click to stop. When it carries on from another map, or
/// the map is the model itself, it says so first.
fn comparison_bar(ui: &mut Ui, state: &AppState, compared: &Compared, actions: &mut Vec<Action>) {
    let r = &compared.result;
    if compared.is_model(&state.doc.map) {
        ui.label(
            RichText::new(format!(
                "This map is the model answer {} itself",
                compared.name
            ))
            .strong(),
        );
    } else {
        ui.label(RichText::new(format!("Compared with {}", compared.name)).strong());
        if compared.started_on.0 != state.doc.version().document {
            ui.label(
                RichText::new(format!(
                    "(still on from {}: open maps one by one to check each against it)",
                    compared.started_on.1
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
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
        let missing = state.teach.missing;
        let mut claims = missing.claims;
        let mut links = missing.links;
        ui.checkbox(
            &mut claims,
            format!("missing claims ({})", r.missing_claims.len()),
        )
        .on_hover_text("Dashed grey cards: claims the model answer has and this map lacks");
        let missing_links = r
            .links
            .iter()
            .filter(|l| l.verdict == crate::analysis::compare::Verdict::Missing)
            .count();
        ui.checkbox(&mut links, format!("missing links ({missing_links})"))
            .on_hover_text(
                "Dashed grey arrows, marked + or −: links the model answer has and this map lacks",
            );
        if (claims, links) != (missing.claims, missing.links) {
            actions.push(Action::ShowMissing(Missing { claims, links }));
        }
    }
    if ui
        .button("Stop comparing")
        .on_hover_text(Command::StopComparing.help())
        .clicked()
    {
        actions.push(Action::Command(Command::StopComparing));
    }
}

/// While focused: which claim, how far out, and the way back.
fn focus_bar(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(focus) = state.view.focus else {
        return;
    };
    let name = state
        .doc
        .map
        .claim(focus.claim)
        .map_or_else(String::new, super::canvas::cards::label_of);
    ui.label(RichText::new(format!("Focus: {name}")).strong());
    for (steps, text) in [(1, "One step out"), (2, "Two steps out")] {
        if ui.selectable_label(focus.steps == steps, text).clicked() {
            actions.push(Action::FocusSteps(steps));
        }
    }
    let keys = fields::keys(ui.ctx(), Command::Focus);
    if ui
        .button("Whole map")
        .on_hover_text(format!("Leave the focus ({keys} or Escape)"))
        .clicked()
    {
        actions.push(Action::Command(Command::Focus));
    }
}
