//! Add source: a document as it was read, before it joins the map. The
//! teacher checks that the article's paragraphs are all there and the page
//! furniture gone, corrects the title, authors, publication and date, and
//! adds it (one undoable step) or cancels.

use super::escaped;
use crate::app::actions::{Action, Window};
use crate::app::state::AppState;
use egui::RichText;

pub fn source_preview(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(shown) = &state.windows.source_preview else {
        return;
    };
    let mut preview = shown.clone();
    let mut open = true;
    let screen = ctx.content_rect();
    // Room for the fields and buttons on a 768-pixel-high laptop.
    let text_height = (screen.height() - 470.0).clamp(100.0, 420.0);
    super::centred("Add source", ctx)
        .id(egui::Id::unique("argmap-source-preview"))
        .open(&mut open)
        .show(ctx, |ui| {
            ui.set_max_width((screen.width() - 80.0).clamp(300.0, 640.0));
            ui.label(format!(
                "{}, read as a {}. Check the text and correct what the document said about itself.",
                preview.file, preview.kind
            ));
            ui.add_space(6.0);
            egui::Grid::new("source-preview-fields")
                .num_columns(2)
                .show(ui, |ui| {
                    let source = &mut preview.source;
                    field(ui, "Title", &mut source.title);
                    field(ui, "Authors", &mut preview.authors);
                    let source = &mut preview.source;
                    field(ui, "Publication", &mut source.publication);
                    field(ui, "Date", &mut source.date);
                });
            ui.add_space(6.0);
            let paragraphs: Vec<&str> = preview.source.text.split("\n\n").collect();
            ui.label(
                RichText::new(format!(
                    "{} as they will be read",
                    crate::model::count(paragraphs.len(), "paragraph", "paragraphs")
                ))
                .strong(),
            );
            egui::ScrollArea::vertical()
                .id_salt("source-preview-text")
                .max_height(text_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for paragraph in &paragraphs {
                        if let Some(heading) = paragraph.strip_prefix("# ") {
                            ui.label(RichText::new(heading).strong());
                        } else if let Some(item) = paragraph.strip_prefix("- ") {
                            ui.label(format!("• {item}"));
                        } else {
                            ui.label(*paragraph);
                        }
                        ui.add_space(4.0);
                    }
                });
            if !preview.dropped.is_empty() {
                egui::CollapsingHeader::new(format!(
                    "Left out: {}",
                    crate::model::count(preview.dropped.len(), "piece", "pieces")
                ))
                .id_salt("source-preview-dropped")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("source-preview-dropped-list")
                        .max_height(120.0)
                        .show(ui, |ui| {
                            for dropped in &preview.dropped {
                                ui.label(RichText::new(dropped).weak());
                            }
                        });
                });
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                // An article for a debate being planned joins its side.
                let side = preview.side.and_then(|n| {
                    let plan = state.windows.new_debate.as_ref()?;
                    Some(plan.sides.get(n)?.name.trim().to_owned())
                });
                let add = match side {
                    Some(name) => format!("Add to side “{name}”"),
                    None => "Add to the map".to_owned(),
                };
                if ui.button(add).clicked() {
                    actions.push(Action::AddPreviewedSource);
                }
                if ui.button("Cancel").clicked() || escaped(ui) {
                    actions.push(Action::CloseWindow(Window::SourcePreview));
                }
            });
        });
    if preview != *shown {
        actions.push(Action::PreviewSource(preview));
    }
    if !open {
        actions.push(Action::CloseWindow(Window::SourcePreview));
    }
}

/// A labelled one-line field, named for screen readers.
fn field(ui: &mut egui::Ui, label: &str, text: &mut String) {
    ui.label(label);
    let response = ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    ui.end_row();
}
