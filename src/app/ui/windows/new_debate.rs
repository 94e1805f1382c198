//! File ▸ New debate…: the question, two sides or more, and each side's
//! articles (read through Add source's preview), then one click makes the
//! map: titled with the question, a card for each side's main contention
//! side by side, and the reader listing the articles.

use super::escaped;
use crate::app::actions::{Action, Window};
use crate::app::state::AppState;
use crate::model::SidePlan;
use egui::RichText;

pub fn new_debate(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(shown) = &state.windows.new_debate else {
        return;
    };
    let mut plan = shown.clone();
    let mut open = true;
    let screen = ctx.content_rect();
    // The sides scroll, so the question and the buttons stay in sight on a
    // 768-pixel-high laptop.
    let sides_height = (screen.height() - 300.0).clamp(120.0, 520.0);
    // The article being previewed, or the question about unsaved changes,
    // has the keyboard and its Escape.
    let covered = state.windows.source_preview.is_some() || state.prompt.is_some();
    super::centred("New debate", ctx)
        .id(egui::Id::unique("argmap-new-debate"))
        .open(&mut open)
        .show(ctx, |ui| {
            ui.set_max_width((screen.width() - 80.0).clamp(300.0, 560.0));
            ui.label("What is the debate about, who argues it, and from which articles?");
            ui.add_space(6.0);
            ui.label(RichText::new("Question").strong());
            let question = ui.add(
                egui::TextEdit::singleline(&mut plan.question)
                    .desired_width(f32::INFINITY)
                    .hint_text("Should schools ban phones in class?"),
            );
            question
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Question"));
            crate::app::ui::fields::take_keyboard_when_shown(ui, &question, &plan.question);
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .id_salt("new-debate-sides")
                .max_height(sides_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    let mut remove = None;
                    let removable = plan.sides.len() > 2;
                    for (n, side) in plan.sides.iter_mut().enumerate() {
                        if side_group(ui, n, side, removable, actions) {
                            remove = Some(n);
                        }
                        ui.add_space(6.0);
                    }
                    if let Some(n) = remove {
                        plan.sides.remove(n);
                    }
                    if ui.button("Add a side").clicked() {
                        let name = format!("Side {}", plan.sides.len() + 1);
                        plan.sides.push(SidePlan::named(&name));
                    }
                });
            ui.add_space(6.0);
            let missing = plan.missing();
            if let Some(missing) = &missing {
                ui.label(RichText::new(missing).weak());
            }
            ui.horizontal(|ui| {
                let create = ui
                    .add_enabled(missing.is_none(), egui::Button::new("Create debate"))
                    .on_hover_text(
                        "Start the map; the open map is closed (saved first if you say so)",
                    );
                if create.clicked() {
                    actions.push(Action::CreateDebate);
                }
                if ui.button("Cancel").clicked() || (!covered && escaped(ui)) {
                    actions.push(Action::CloseWindow(Window::NewDebate));
                }
            });
        });
    if plan != *shown {
        actions.push(Action::PlanDebate(plan));
    }
    if !open {
        actions.push(Action::CloseWindow(Window::NewDebate));
    }
}

/// One side: its name, main contention and articles. Returns whether its
/// Remove button was pressed.
fn side_group(
    ui: &mut egui::Ui,
    n: usize,
    side: &mut SidePlan,
    removable: bool,
    actions: &mut Vec<Action>,
) -> bool {
    let mut removed = false;
    let number = n + 1;
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new(("new-debate-side", n))
            .num_columns(2)
            .show(ui, |ui| {
                field(
                    ui,
                    "Side",
                    &format!("Name of side {number}"),
                    &mut side.name,
                    "For",
                );
                field(
                    ui,
                    "Contention",
                    &format!("Main contention of side {number}"),
                    &mut side.contention,
                    "Optional: the side's answer in a sentence",
                );
            });
        let name = side.name.trim().to_owned();
        let mut gone = None;
        for (i, article) in side.articles.iter().enumerate() {
            ui.horizontal(|ui| {
                let remove = ui
                    .small_button("Remove")
                    .on_hover_text("Leave this article out of the debate");
                let label = format!("Remove “{}” from side {number}", article.title);
                remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if remove.clicked() {
                    gone = Some(i);
                }
                let by = article.short_name();
                if by == article.title {
                    ui.label(&article.title);
                } else {
                    ui.label(format!("{} ({by})", article.title));
                }
            });
        }
        if let Some(i) = gone {
            side.articles.remove(i);
        }
        if side.articles.is_empty() {
            ui.label(RichText::new("No articles yet").weak());
        }
        ui.horizontal(|ui| {
            let add = ui
                .button("Add article…")
                .on_hover_text("A web page, PDF, Word or text file that argues this side");
            let label = format!("Add an article to side {number}");
            add.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if add.clicked() {
                actions.push(Action::AddDebateArticle(n));
            }
            if removable {
                let shown = if name.is_empty() {
                    format!("Remove side {number}")
                } else {
                    format!("Remove side “{name}”")
                };
                if ui.button(shown).clicked() {
                    removed = true;
                }
            }
        });
    });
    removed
}

/// A labelled one-line field, named for screen readers.
fn field(ui: &mut egui::Ui, shown: &str, label: &str, text: &mut String, hint: &str) {
    ui.label(shown);
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(f32::INFINITY)
            .hint_text(hint),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    ui.end_row();
}
