//! The inspector: details of what is selected, editable. Each text field is
//! committed as one undo step when it loses focus.

use super::theme;
use crate::analysis::compare::Verdict;
use crate::app::actions::{Action, Select};
use crate::app::edit_builders;
use crate::app::selection::Selection;
use crate::app::state::AppState;
use crate::app::teaching::Compared;
use crate::model::{ClaimId, Edit, LinkId, LinkKind, Map, Target, excerpt};
use egui::{RichText, Ui};

/// Text being edited in the inspector, kept until the field loses focus.
#[derive(Default)]
pub struct Inspector {
    draft: Option<Draft>,
    /// The selection shown last frame: a draft left by changing it is kept.
    shown: Selection,
}

#[derive(Clone, Debug, PartialEq)]
enum Field {
    ClaimText(ClaimId),
    ClaimLabel(ClaimId),
    ClaimNote(ClaimId),
    LinkNote(LinkId),
    Title,
    Description,
}

impl Field {
    /// How many lines the field shows.
    fn rows(&self) -> usize {
        match self {
            Self::ClaimText(_) => 4,
            Self::ClaimLabel(_) | Self::Title => 1,
            Self::ClaimNote(_) => 2,
            Self::LinkNote(_) => 3,
            Self::Description => 8,
        }
    }

    /// Shown in the empty field, saying what belongs there.
    fn hint(&self) -> &'static str {
        match self {
            Self::ClaimText(_) => "The claim, in one sentence",
            Self::ClaimLabel(_) => "A few words, shown when zoomed out",
            Self::ClaimNote(_) => "Why the claim is here, for readers",
            Self::LinkNote(_) => "Why the link holds, for readers",
            Self::Title => "Untitled map",
            Self::Description => "What the map shows and how to read it",
        }
    }
}

struct Draft {
    field: Field,
    text: String,
}

impl Inspector {
    /// Commits a field still being edited (before saving, undoing or changing selection).
    pub fn commit(&mut self, map: &Map, actions: &mut Vec<Action>) {
        if let Some(draft) = self.draft.take()
            && let Some(action) = commit_action(map, &draft)
        {
            actions.push(action);
        }
    }

    pub fn show(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let map = &state.doc.map;
        let selection = &state.selection;
        // A text field left by changing the selection is committed as its own step.
        if *selection != self.shown {
            self.commit(map, actions);
            self.shown = selection.clone();
        }
        egui::ScrollArea::vertical()
            .id_salt("inspector-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Everything wraps to the panel: nothing may ask for more
                // width than it has, or the panel would widen over the map.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                ui.set_max_width(ui.available_width());
                if let Some(compared) = &state.teach.comparison
                    && !compared.is_model(map)
                {
                    comparison_section(ui, map, compared, actions);
                    ui.separator();
                }
                if let Some(id) = selection.single_claim() {
                    self.claim(ui, map, id, actions);
                } else if let Some(id) = selection.single_link() {
                    self.link(ui, map, id, actions);
                } else if !selection.is_empty() {
                    several(ui, map, selection, actions);
                } else {
                    self.map_details(ui, map, actions);
                }
            });
    }

    /// A multi-line text field for `field`, captioned `label`, showing
    /// `current`. It edits a draft from the first keystroke and commits it
    /// as one step when it loses focus.
    fn field(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        (label, field, current): (&str, Field, &str),
        actions: &mut Vec<Action>,
    ) {
        let rows = field.rows();
        let caption = ui.label(RichText::new(label).strong());
        let owns = self.draft.as_ref().is_some_and(|d| d.field == field);
        let mut scratch = current.to_owned();
        let text = match self.draft.as_mut() {
            Some(draft) if owns => &mut draft.text,
            _ => &mut scratch,
        };
        let response = ui
            .add(
                egui::TextEdit::multiline(text)
                    .hint_text(field.hint())
                    .desired_rows(rows)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(caption.id);
        if !owns && (response.changed() || response.has_focus()) {
            self.commit(map, actions);
            self.draft = Some(Draft {
                field,
                text: scratch,
            });
        }
        if response.lost_focus() {
            self.commit(map, actions);
        }
        ui.add_space(6.0);
    }

    fn claim(&mut self, ui: &mut Ui, map: &Map, id: ClaimId, actions: &mut Vec<Action>) {
        let Some(claim) = map.claim(id) else { return };
        ui.heading("Claim");
        // Only one text field is bound at a time; the focused one wins.
        self.field(
            ui,
            map,
            ("Text", Field::ClaimText(id), &claim.text),
            actions,
        );
        self.field(
            ui,
            map,
            ("Label", Field::ClaimLabel(id), &claim.label),
            actions,
        );
        self.field(
            ui,
            map,
            ("Note", Field::ClaimNote(id), &claim.note),
            actions,
        );
        match &claim.quote {
            Some(quote) => {
                ui.label(RichText::new("Source").strong());
                let name = edit_builders::source_for(map, &quote.source).map_or_else(
                    || quote.source.as_str().to_owned(),
                    |s| format!("{} — {} ({})", s.authors.join(", "), s.title, s.date),
                );
                ui.label(name);
                ui.label(RichText::new(format!("“{}”", excerpt(&quote.text, 400))).italics());
                if quote
                    .text
                    .split_whitespace()
                    .ne(claim.text.split_whitespace())
                {
                    ui.label(
                        RichText::new("The claim’s wording differs from the quote.")
                            .small()
                            .weak(),
                    );
                }
                if ui.button("Show in article").clicked() {
                    actions.push(Action::ShowInArticle(id));
                }
            }
            None => {
                ui.label(RichText::new("Not a quote: the analyst’s own words.").weak());
            }
        }
        ui.add_space(8.0);
        ui.separator();
        let outgoing: Vec<_> = map
            .links
            .iter()
            .filter(|l| l.premises.contains(&id))
            .collect();
        let incoming: Vec<_> = map
            .links
            .iter()
            .filter(|l| l.target == Target::Claim(id))
            .collect();
        link_list(ui, map, "Supports or rebuts", &outgoing, actions, false);
        link_list(
            ui,
            map,
            "Supported or rebutted by",
            &incoming,
            actions,
            true,
        );
    }

    fn link(&mut self, ui: &mut Ui, map: &Map, id: LinkId, actions: &mut Vec<Action>) {
        let Some(link) = map.link(id) else { return };
        ui.heading(match (link.kind, link.target) {
            (LinkKind::Support, Target::Claim(_)) => "Support link",
            (LinkKind::Support, Target::Link(_)) => "Backing",
            (LinkKind::Rebut, Target::Claim(_)) => "Rebut link",
            (LinkKind::Rebut, Target::Link(_)) => "Undercut",
        });
        ui.horizontal_wrapped(|ui| {
            for kind in LinkKind::ALL {
                let label = kind.name();
                if ui.radio(link.kind == kind, label).clicked() && link.kind != kind {
                    actions.push(Action::Edit(
                        format!("Make link a {}", kind.label()),
                        Edit::RetypeLink { link: id, kind },
                    ));
                }
            }
        });
        ui.add_space(6.0);
        let caption = ui.label(
            RichText::new(if link.premises.len() > 1 {
                "Premises (together)"
            } else {
                "Premise"
            })
            .strong(),
        );
        for &premise in &link.premises {
            let Some(claim) = map.claim(premise) else {
                continue;
            };
            ui.horizontal_top(|ui| {
                // The button first, so a long premise wraps beside it.
                if link.premises.len() > 1
                    && ui
                        .small_button("×")
                        .on_hover_text("Remove this premise")
                        .clicked()
                {
                    actions.push(Action::Edit(
                        "Remove premise".into(),
                        Edit::RemovePremise {
                            link: id,
                            claim: premise,
                        },
                    ));
                }
                if ui.link(excerpt(&claim.text, 120)).clicked() {
                    actions.push(Action::Select(Select::OnlyClaim(premise)));
                }
            });
        }
        let candidates: Vec<_> = map
            .claims
            .iter()
            .filter(|c| !link.touches_claim(c.id))
            .collect();
        let combo = egui::ComboBox::from_id_salt(("argmap-add-premise", id.0))
            .selected_text("Add a premise…")
            .truncate()
            .width((ui.available_width() - 8.0).max(60.0))
            .show_ui(ui, |ui| {
                for claim in candidates {
                    if ui
                        .selectable_label(false, excerpt(&claim.text, 60))
                        .clicked()
                    {
                        actions.push(Action::Edit(
                            "Add premise".into(),
                            Edit::AddPremise {
                                link: id,
                                claim: claim.id,
                            },
                        ));
                    }
                }
            });
        combo.response.labelled_by(caption.id);
        ui.add_space(6.0);
        ui.label(RichText::new("Target").strong());
        match link.target {
            Target::Claim(target) => {
                if let Some(claim) = map.claim(target)
                    && ui.link(excerpt(&claim.text, 120)).clicked()
                {
                    actions.push(Action::Select(Select::OnlyClaim(target)));
                }
            }
            Target::Link(target) => {
                if let Some(l) = map.link(target)
                    && ui
                        .link(excerpt(&edit_builders::link_label(map, l), 80))
                        .clicked()
                {
                    actions.push(Action::Select(Select::OnlyLink(target)));
                }
            }
        }
        ui.add_space(6.0);
        super::schemes::answers_section(ui, map, link, actions);
        super::schemes::scheme_section(ui, map, link, actions);
        self.field(
            ui,
            map,
            ("Why this link holds", Field::LinkNote(id), &link.note),
            actions,
        );
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(link.simple_ends().is_some(), egui::Button::new("Reverse"))
                .clicked()
            {
                actions.push(Action::Edit("Reverse link".into(), Edit::ReverseLink(id)));
            }
            if ui.button("Delete link").clicked() {
                actions.push(Action::Command(crate::app::Command::Delete));
            }
        });
    }

    fn map_details(&mut self, ui: &mut Ui, map: &Map, actions: &mut Vec<Action>) {
        ui.heading("Map");
        self.field(ui, map, ("Title", Field::Title, &map.title), actions);
        self.field(
            ui,
            map,
            ("Description", Field::Description, &map.description),
            actions,
        );
        ui.separator();
        let quoted = map.claims.iter().filter(|c| c.quote.is_some()).count();
        ui.label(format!(
            "{} ({quoted} quoted), {}, {}",
            crate::model::count(map.claims.len(), "claim", "claims"),
            crate::model::count(map.links.len(), "link", "links"),
            crate::model::count(map.sources.len(), "source", "sources")
        ));
        ui.add_space(6.0);
        ui.label(RichText::new("Click a claim or a link’s +/− badge to see it here.").weak());
    }
}

fn several(ui: &mut Ui, map: &Map, selection: &Selection, actions: &mut Vec<Action>) {
    ui.heading("Selection");
    ui.label(format!(
        "{} claims and {} links selected",
        selection.claims.len(),
        selection.links.len()
    ));
    if selection.claims.len() >= 2 {
        if let Some(target) = selection.claims.last().and_then(|&id| map.claim(id)) {
            ui.label(
                RichText::new(format!(
                    "Linking makes the others point at the last one picked: “{}”",
                    excerpt(&target.text, 50)
                ))
                .weak(),
            );
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button("Link as support").clicked() {
                actions.push(Action::Command(crate::app::Command::LinkSupport));
            }
            if ui.button("Link as rebut").clicked() {
                actions.push(Action::Command(crate::app::Command::LinkRebut));
            }
        });
    }
    if ui.button("Delete").clicked() {
        actions.push(Action::Command(crate::app::Command::Delete));
    }
}

/// Links listed from the selected claim's side: what it bears on, or what bears on it.
fn link_list(
    ui: &mut Ui,
    map: &Map,
    title: &str,
    links: &[&crate::model::Link],
    actions: &mut Vec<Action>,
    incoming: bool,
) {
    ui.label(RichText::new(title).strong());
    if links.is_empty() {
        ui.label(RichText::new("none").weak());
    }
    for link in links {
        let sign = theme::link_mark(link.kind);
        let other = if incoming {
            link.premises
                .iter()
                .filter_map(|&p| map.claim(p))
                .map(|c| excerpt(&c.text, 50))
                .collect::<Vec<_>>()
                // "+" already marks a support, so linked premises are joined in words.
                .join(" and ")
        } else {
            match link.target {
                Target::Claim(id) => map
                    .claim(id)
                    .map_or_else(String::new, |c| excerpt(&c.text, 50)),
                Target::Link(_) => "a link (undercut)".to_owned(),
            }
        };
        if ui
            .link(format!("{sign} {other}"))
            .on_hover_text(edit_builders::link_label(map, link))
            .clicked()
        {
            actions.push(Action::Select(Select::OnlyLink(link.id)));
        }
    }
    ui.add_space(6.0);
}

fn commit_action(map: &Map, draft: &Draft) -> Option<Action> {
    let edit = match &draft.field {
        Field::ClaimText(id) | Field::ClaimLabel(id) | Field::ClaimNote(id) => {
            let claim = map.claim(*id)?;
            let mut changed = claim.clone();
            let label = match draft.field {
                Field::ClaimText(_) => {
                    changed.text = draft.text.clone();
                    "Edit claim text"
                }
                Field::ClaimLabel(_) => {
                    // A label is one line of a few words.
                    changed.label = draft.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    "Edit label"
                }
                _ => {
                    changed.note = draft.text.clone();
                    "Edit note"
                }
            };
            if changed == *claim {
                return None;
            }
            return Some(Action::Edit(label.into(), Edit::ChangeClaim(changed)));
        }
        Field::LinkNote(id) => {
            let link = map.link(*id)?;
            if link.note == draft.text {
                return None;
            }
            Edit::SetLinkNote {
                link: *id,
                note: draft.text.clone(),
            }
        }
        Field::Title | Field::Description => {
            let (title, description) = if draft.field == Field::Title {
                (draft.text.clone(), map.description.clone())
            } else {
                (map.title.clone(), draft.text.clone())
            };
            if title == map.title && description == map.description {
                return None;
            }
            Edit::SetMeta { title, description }
        }
    };
    Some(Action::Edit("Edit details".into(), edit))
}

/// The comparison with a model answer: scores, then every difference, each clickable.
fn comparison_section(ui: &mut Ui, map: &Map, compared: &Compared, actions: &mut Vec<Action>) {
    let r = &compared.result;
    egui::CollapsingHeader::new(RichText::new(format!("Compared with {}", compared.name)).strong())
        .id_salt("comparison")
        .default_open(true)
        .show(ui, |ui| {
            for (name, score, matched, total) in [
                (
                    "Claims",
                    r.claims,
                    r.matches.len(),
                    compared.model.claims.len(),
                ),
                (
                    "Links",
                    r.link_score,
                    r.count(Verdict::Correct),
                    compared.model.links.len(),
                ),
            ] {
                // Plain words; the measures' names in the tip.
                let tip = format!(
                    "Recall {:.2}: how much of the model the map has. Precision {:.2}: how much of the map the model has. F1 {:.2}: the two together.",
                    score.recall, score.precision, score.f1
                );
                ui.label(format!(
                    "{name}: {matched} of {total} found, {:.0} % in agreement",
                    score.f1 * 100.0
                ))
                .on_hover_text(tip);
            }
            let model = &compared.model;
            if !r.missing_claims.is_empty() {
                ui.label(
                    RichText::new(format!("Missing claims ({})", r.missing_claims.len())).strong(),
                );
                for id in &r.missing_claims {
                    if let Some(c) = model.claim(*id)
                        && ui
                            .link(format!("• {}", excerpt(&c.text, 70)))
                            .on_hover_text("Show where it would go on the map")
                            .clicked()
                    {
                        actions.push(Action::ShowGhost(*id));
                    }
                }
            }
            if !r.extra_claims.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "Claims not in the model ({})",
                        r.extra_claims.len()
                    ))
                    .strong(),
                );
                for id in &r.extra_claims {
                    if let Some(c) = map.claim(*id)
                        && ui.link(format!("• {}", excerpt(&c.text, 70))).clicked()
                    {
                        actions.push(Action::GoToClaim(*id));
                    }
                }
            }
            for verdict in [
                Verdict::WrongKind,
                Verdict::Reversed,
                Verdict::Missing,
                Verdict::Extra,
            ] {
                let items: Vec<_> = r.links.iter().filter(|l| l.verdict == verdict).collect();
                if items.is_empty() {
                    continue;
                }
                let title = match verdict {
                    Verdict::WrongKind => "Links of the wrong kind",
                    Verdict::Reversed => "Links pointing the wrong way",
                    Verdict::Missing => "Missing links",
                    _ => "Links not in the model",
                };
                ui.label(RichText::new(format!("{title} ({})", items.len())).strong());
                for item in items {
                    match item.student.and_then(|id| map.link(id)) {
                        Some(link) => {
                            if ui
                                .link(format!("• {}", excerpt(&edit_builders::link_label(map, link), 80)))
                                .clicked()
                            {
                                actions.push(Action::Select(Select::OnlyLink(link.id)));
                            }
                        }
                        None => {
                            if let Some(link) = item.model.and_then(|id| model.link(id)) {
                                ui.label(format!(
                                    "• {}",
                                    excerpt(&edit_builders::link_label(model, link), 80)
                                ));
                            }
                        }
                    }
                }
            }
            if !r.schemes.is_empty() {
                ui.label(
                    RichText::new(format!("Schemes read differently ({})", r.schemes.len()))
                        .strong(),
                );
                for difference in &r.schemes {
                    if ui.link(format!("• {}", difference.sentence())).clicked() {
                        actions.push(Action::Select(Select::OnlyLink(difference.student)));
                    }
                }
            }
            if ui.button("Export feedback report…").clicked() {
                actions.push(Action::Command(crate::app::Command::ExportReport));
            }
        });
}
