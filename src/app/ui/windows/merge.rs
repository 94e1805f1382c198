//! The merge window (File ▸ Merge a classmate's map): what their copy
//! brings, then each conflict in turn with both versions to pick from; and
//! the changes window (View ▸ Show changes since), a list of what changed.

use crate::analysis::merge::{ChangeKind, Item, Piece, Why};
use crate::app::actions::{Action, Window};
use crate::app::state::AppState;
use crate::model::count;
use egui::{RichText, Ui};

/// How wide the windows' text runs, so a long claim wraps rather than
/// widening the window past a laptop's screen.
const WIDTH: f32 = 460.0;

pub fn merge(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(review) = &state.windows.merge else {
        return;
    };
    let mut open = true;
    egui::Window::new("Merge a classmate's map")
        .id(egui::Id::unique("argmap-merge"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.set_max_width(WIDTH);
            ui.label(
                RichText::new(format!(
                    "Since the starting map: yours has {}; {} has {}.",
                    review.yours_changed, review.theirs, review.theirs_changed
                ))
                .weak(),
            );
            ui.label(match &review.brings {
                Some(brings) => format!("From {}: {brings}.", review.theirs),
                None => format!("Nothing from {} merges without a question.", review.theirs),
            });
            if !review.merged.renumbered.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "{} they added under numbers you also used are kept beside yours, \
                         renumbered.",
                        count(review.merged.renumbered.len(), "thing", "things")
                    ))
                    .weak(),
                );
            }
            ui.add_space(6.0);
            let n = review.take_theirs.len();
            if n == 0 {
                ui.label("No conflicts: every change from both copies fits together.");
            } else {
                conflict(ui, review, actions);
            }
            if let Some(why) = &review.refused {
                ui.add_space(4.0);
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let merge = ui
                    .button(RichText::new("Merge").strong())
                    .on_hover_text("Make the merge: one step, undone with Undo");
                if merge.clicked() {
                    actions.push(Action::MergeApply);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CloseWindow(Window::Merge));
                }
            });
        });
    if !open {
        actions.push(Action::CloseWindow(Window::Merge));
    }
}

/// The conflict shown now: what, why, both versions, and the way between them.
fn conflict(ui: &mut Ui, review: &crate::app::merging::MergeReview, actions: &mut Vec<Action>) {
    let n = review.take_theirs.len();
    let at = review.at.min(n - 1);
    let taken = review.take_theirs.iter().filter(|t| **t).count();
    ui.label(
        RichText::new(format!(
            "{} to settle: yours is kept unless you take theirs ({taken} taken)",
            count(n, "conflict", "conflicts")
        ))
        .weak(),
    );
    ui.add_space(4.0);
    ui.label(RichText::new(format!("Conflict {} of {n}", at + 1)).strong());
    let conflict = &review.merged.conflicts[at];
    let lines = conflict.lines("yours", "theirs");
    let mut lines = lines.iter().map(|l| l.trim());
    if let Some(what) = lines.next() {
        ui.label(what);
    }
    let yours = lines.next().unwrap_or_default();
    let theirs = lines.next().unwrap_or_default();
    let take = review.take_theirs[at];
    for (choice, text, is_theirs) in [("Keep yours", yours, false), ("Take theirs", theirs, true)] {
        ui.add_space(2.0);
        if ui.radio(take == is_theirs, choice).clicked() && take != is_theirs {
            actions.push(Action::MergeChoose {
                conflict: at,
                theirs: is_theirs,
            });
        }
        let shown = text.split_once(": ").map_or(text, |(_, rest)| rest);
        // Words to choose between are shown whole, not cut to a line.
        let piece = if is_theirs {
            &conflict.theirs
        } else {
            &conflict.ours
        };
        let whole = match (piece, &conflict.why) {
            (Some(Piece::Claim(claim)), Why::Parts(parts)) if parts.contains(&"text") => {
                format!("“{}”", claim.text)
            }
            _ => shown.to_owned(),
        };
        ui.indent(choice, |ui| ui.label(RichText::new(whole).weak()));
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(at > 0, egui::Button::new("Previous"))
            .clicked()
        {
            actions.push(Action::MergeShow(at - 1));
        }
        if ui
            .add_enabled(at + 1 < n, egui::Button::new("Next"))
            .clicked()
        {
            actions.push(Action::MergeShow(at + 1));
        }
    });
}

pub fn changes(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(view) = &state.windows.changes else {
        return;
    };
    let mut open = true;
    egui::Window::new(format!("Changes since {}", view.older))
        .id(egui::Id::unique("argmap-changes"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.set_max_width(WIDTH);
            let lines = view.changes.lines();
            // The summary lines (not indented) head the list.
            for line in lines.iter().filter(|l| !l.starts_with(' ')) {
                ui.label(RichText::new(line).strong());
            }
            let height = (ctx.content_rect().height() - 220.0).clamp(120.0, 420.0);
            egui::ScrollArea::vertical()
                .max_height(height)
                .show(ui, |ui| {
                    for change in view.changes.changes.iter().filter(|c| !c.is_move()) {
                        let mark = match &change.kind {
                            ChangeKind::Added => "added",
                            ChangeKind::Removed => "removed",
                            ChangeKind::Changed(_) => "changed",
                        };
                        let parts = match &change.kind {
                            ChangeKind::Changed(parts) => format!(" ({})", parts.join(", ")),
                            _ => String::new(),
                        };
                        let text = format!("{} {mark}: “{}”{parts}", change.item, change.name);
                        let here = match change.item {
                            Item::Claim(id) => state.doc.map.claim(id).map(|_| id),
                            _ => None,
                        };
                        match here {
                            Some(id) => {
                                if ui
                                    .selectable_label(false, text)
                                    .on_hover_text("Show this claim on the map")
                                    .clicked()
                                {
                                    actions.push(Action::GoToClaim(id));
                                }
                            }
                            None => {
                                ui.label(text);
                            }
                        }
                    }
                });
            if ui.button("Close").clicked() {
                actions.push(Action::CloseWindow(Window::Changes));
            }
        });
    if !open {
        actions.push(Action::CloseWindow(Window::Changes));
    }
}
