//! The inspector's argument-scheme sections: tag a link with a scheme, read
//! how the scheme goes, see its critical questions open or answered and
//! answer one; for a link aimed at an argument, say which question it answers.

use crate::app::actions::{Action, Select};
use crate::model::{Edit, Link, LinkKind, Map, Target, excerpt};
use crate::schemes::{Answer, Catalogue, asked};
use egui::{RichText, Ui};

/// The scheme a link follows and its critical questions.
pub fn scheme_section(ui: &mut Ui, map: &Map, link: &Link, actions: &mut Vec<Action>) {
    let catalogue = Catalogue::bundled();
    let caption = ui.label(RichText::new("Argument scheme").strong());
    let current = if link.scheme.is_empty() {
        "None"
    } else {
        catalogue.display_name(&link.scheme)
    };
    let tag = |scheme: &str| {
        Action::Edit(
            if scheme.is_empty() {
                "Remove argument scheme".to_owned()
            } else {
                format!("Read as {}", catalogue.display_name(scheme))
            },
            Edit::SetScheme {
                link: link.id,
                scheme: scheme.to_owned(),
            },
        )
    };
    let choices = catalogue.fitting(link.kind).map(|scheme| {
        (
            scheme.id.as_str(),
            scheme.name.as_str(),
            scheme.summary.as_str(),
        )
    });
    if let Some(chosen) = pick(
        ui,
        ("argmap-scheme", link.id.0),
        caption.id,
        (current, &link.scheme),
        choices,
    ) {
        actions.push(tag(chosen));
    }

    let Some(scheme) = catalogue.scheme(&link.scheme) else {
        if !link.scheme.is_empty() {
            ui.label(
                RichText::new(
                    "Not in Argmap's catalogue of schemes: kept as it came, with no critical questions.",
                )
                .weak(),
            );
        }
        ui.add_space(6.0);
        return;
    };
    ui.label(RichText::new(&scheme.summary).italics());
    egui::CollapsingHeader::new("How it goes")
        .id_salt(("argmap-scheme-parts", link.id.0))
        .show(ui, |ui| {
            for premise in &scheme.premises {
                ui.label(format!("• {premise}"));
            }
            ui.label(format!("So: {}", scheme.conclusion));
        });
    let questions = asked(map, catalogue, link.id);
    let open = questions
        .iter()
        .filter(|q| q.answer == Answer::Open)
        .count();
    ui.label(RichText::new(format!("Critical questions ({open} open)")).strong());
    for item in questions {
        ui.add_space(2.0);
        let (mark, tip) = match item.answer {
            Answer::Open => ("Open", "Nobody has raised or met this question yet"),
            Answer::Raised(_) => ("Raised", "An objection on the map raises this question"),
            Answer::Met(_) => ("Met", "A claim on the map answers this question"),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(mark).strong()).on_hover_text(tip);
            ui.label(&item.question.text);
        });
        match item.answer {
            Answer::Open => {
                ui.horizontal_wrapped(|ui| {
                    let answer = |kind| Action::AnswerQuestion {
                        link: link.id,
                        question: item.question.id.clone(),
                        kind,
                    };
                    if ui
                        .button("Raise as objection")
                        .on_hover_text(
                            "Add a claim in your words that raises this question against the argument",
                        )
                        .clicked()
                    {
                        actions.push(answer(LinkKind::Rebut));
                    }
                    if ui
                        .button("Meet it")
                        .on_hover_text("Add a claim in your words that meets this question")
                        .clicked()
                    {
                        actions.push(answer(LinkKind::Support));
                    }
                });
            }
            Answer::Raised(by) | Answer::Met(by) => {
                let words = map
                    .link(by)
                    .and_then(|l| l.premises.first())
                    .and_then(|&c| map.claim(c))
                    .map_or_else(String::new, |c| excerpt(&c.text, 50));
                if ui.link(format!("by: {words}")).clicked() {
                    actions.push(Action::Select(Select::OnlyLink(by)));
                }
            }
        }
    }
    ui.add_space(6.0);
}

/// For a link aimed at an argument with a scheme: which of its critical
/// questions this link raises or meets.
pub fn answers_section(ui: &mut Ui, map: &Map, link: &Link, actions: &mut Vec<Action>) {
    let Target::Link(target) = link.target else {
        return;
    };
    let catalogue = Catalogue::bundled();
    let Some(scheme) = map.link(target).and_then(|t| catalogue.scheme(&t.scheme)) else {
        return;
    };
    let caption = ui.label(
        RichText::new(match link.kind {
            LinkKind::Rebut => "Raises critical question",
            LinkKind::Support => "Meets critical question",
        })
        .strong(),
    );
    let current = scheme
        .questions
        .iter()
        .find(|q| q.id == link.question)
        .map_or("None", |q| q.text.as_str());
    let set = |question: &str| {
        Action::Edit(
            "Say which critical question".to_owned(),
            Edit::SetQuestion {
                link: link.id,
                question: question.to_owned(),
            },
        )
    };
    let choices = scheme
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.text.as_str(), ""));
    if let Some(chosen) = pick(
        ui,
        ("argmap-question", link.id.0),
        caption.id,
        (current, &link.question),
        choices,
    ) {
        actions.push(set(chosen));
    }

    ui.add_space(6.0);
}

/// A list to choose one of `choices` (id, name, tip) from, or None (the
/// empty id), fitted to the panel's width and named by `caption`. `now` is
/// the name shown and the id chosen now. Returns the id picked, if it
/// differs.
fn pick<'a>(
    ui: &mut Ui,
    salt: (&str, u64),
    caption: egui::Id,
    (shown, now): (&str, &str),
    choices: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
) -> Option<&'a str> {
    let mut picked = None;
    let combo = egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .truncate()
        .width((ui.available_width() - 8.0).max(60.0))
        .show_ui(ui, |ui| {
            if ui.selectable_label(now.is_empty(), "None").clicked() {
                picked = Some("");
            }
            for (id, name, tip) in choices {
                let mut item = ui.selectable_label(now == id, name);
                if !tip.is_empty() {
                    item = item.on_hover_text(tip);
                }
                if item.clicked() {
                    picked = Some(id);
                }
            }
        });
    combo.response.labelled_by(caption);
    picked.filter(|&id| id != now)
}
