//! Find claim: claims found by their words, any one brought into view.

use super::{escaped, typed_field};
use crate::app::actions::{Action, Window};
use crate::app::state::AppState;
use egui::RichText;

/// How many claims Find claim lists at once.
const FOUND_MAX: usize = 30;

/// Find claim: words typed, the claims that hold them; a click (or Enter,
/// for the first) selects the claim and brings it into view.
pub fn find_claim(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(words) = &state.windows.find_claim else {
        return;
    };
    let mut text = words.clone();
    let mut open = true;
    egui::Window::new("Find claim")
        .id(egui::Id::unique("argmap-find-claim"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 60.0))
        .show(ctx, |ui| {
            let entered = typed_field(
                ui,
                &mut text,
                "Words from the claim or its label",
                "Claim words",
            );
            let map = &state.doc.map;
            let (found, total) = crate::analysis::search::claims_with_words(map, &text, FOUND_MAX);
            if !text.trim().is_empty() {
                let said = match total {
                    0 => "No claim has these words".to_owned(),
                    n if n > found.len() => format!("{n} claims; the first {} here", found.len()),
                    1 => "1 claim".to_owned(),
                    n => format!("{n} claims"),
                };
                ui.label(RichText::new(said).weak());
            }
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for id in &found {
                        let Some(claim) = map.claim(*id) else {
                            continue;
                        };
                        let shown = if claim.label.is_empty() {
                            crate::model::excerpt(&claim.text, 90)
                        } else {
                            format!(
                                "{}: {}",
                                claim.label,
                                crate::model::excerpt(&claim.text, 70)
                            )
                        };
                        if ui.selectable_label(false, shown).clicked() {
                            actions.push(Action::GoToClaim(*id));
                        }
                    }
                });
            if entered && let Some(first) = found.first() {
                actions.push(Action::GoToClaim(*first));
            }
            if escaped(ui) {
                actions.push(Action::CloseWindow(Window::FindClaim));
            }
        });
    if text != *words {
        actions.push(Action::FindClaimText(text));
    }
    if !open {
        actions.push(Action::CloseWindow(Window::FindClaim));
    }
}
