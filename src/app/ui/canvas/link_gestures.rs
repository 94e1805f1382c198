//! Links on the canvas: their badges (select, context menu), dragging a new
//! link from a claim's handle, and the support/rebut choice where it drops.

use super::{Canvas, Input, links};
use crate::app::actions::{Action, Select};
use crate::app::edit_builders;
use crate::model::{ClaimId, Edit, LinkId, LinkKind, Map, Target};
use egui::{Id, Key, Pos2, Rect, Sense, Ui, Vec2, WidgetInfo, vec2};

/// A link being made, kept between frames.
#[derive(Default)]
pub struct LinkDrag {
    /// The claim whose handle is being dragged.
    pub linking: Option<ClaimId>,
    /// Where it was dropped, waiting for the user to choose its kind.
    pub pending: Option<PendingLink>,
}

/// A link waiting for the user to choose its kind, after a drag from a handle.
#[derive(Clone, Debug)]
pub struct PendingLink {
    pub from: ClaimId,
    pub target: Target,
    pub at: Pos2,
}

impl Canvas {
    pub(super) fn link_badge(
        &mut self,
        ui: &Ui,
        input: &Input<'_>,
        path: &links::LinkPath,
        actions: &mut Vec<Action>,
    ) {
        let (map, selection) = (input.map, input.selection);
        let Some(link) = map.link(path.id) else {
            return;
        };
        let radius = links::badge_radius(self.view.zoom) + 3.0;
        let rect = Rect::from_center_size(path.anchor, Vec2::splat(radius * 2.0));
        let response = ui.interact(
            rect,
            ui.scope_id().with(("link", link.id.0)),
            Sense::click(),
        );
        response.widget_info(|| {
            WidgetInfo::selected(
                egui::Role::Button,
                true,
                selection.has_link(link.id),
                edit_builders::link_label(map, link),
            )
        });
        let status = input.overlay.status.map(|l| l.link(link.id));
        ui.ctx().accesskit_node_builder(response.id, |node| {
            let said = crate::analysis::spoken::link(map, link.id, status);
            if !said.is_empty() {
                node.set_description(said);
            }
        });
        if response.clicked() {
            actions.push(Action::Select(if ui.input(|i| i.modifiers.shift) {
                Select::ToggleLink(link.id)
            } else {
                Select::OnlyLink(link.id)
            }));
        }
        if response.hovered() {
            response
                .clone()
                .on_hover_text(edit_builders::link_label(map, link));
        }
        if response.secondary_clicked() {
            actions.push(Action::Select(Select::OnlyLink(link.id)));
        }
        response.context_menu(|ui| {
            let other = link.kind.other();
            if ui.button(format!("Make it a {}", other.label())).clicked() {
                actions.push(Action::Edit(
                    format!("Make link a {}", other.label()),
                    Edit::RetypeLink {
                        link: link.id,
                        kind: other,
                    },
                ));
            }
            if link.simple_ends().is_some() && ui.button("Reverse").clicked() {
                actions.push(Action::Edit(
                    "Reverse link".into(),
                    Edit::ReverseLink(link.id),
                ));
            }
            if ui.button("Delete").clicked()
                && let Some(edit) = edit_builders::delete_links(map, &[link.id])
            {
                actions.push(Action::Edit("Delete link".into(), edit));
            }
        });
    }

    /// Ends a drag from a handle: over a claim or a link badge, ask which kind of link.
    pub(super) fn finish_link_drag(
        &mut self,
        ui: &Ui,
        map: &Map,
        shown: &super::Shown<'_>,
        paths: &std::collections::BTreeMap<LinkId, links::LinkPath>,
    ) {
        let Some(from) = self.links.linking else {
            return;
        };
        if !ui.input(|i| i.pointer.any_released() || !i.pointer.any_down()) {
            return;
        }
        self.links.linking = None;
        let Some(at) = ui.input(|i| i.pointer.interact_pos().or(i.pointer.latest_pos())) else {
            return;
        };
        let badge_radius = links::badge_radius(self.view.zoom) + 4.0;
        let on_link = paths.values().find(|p| {
            p.anchor.distance(at) <= badge_radius
                && !map.link(p.id).is_some_and(|l| l.premises.contains(&from))
        });
        let target = if let Some(path) = on_link {
            Some(Target::Link(path.id))
        } else {
            shown
                .visible
                .iter()
                .rev()
                .find(|(id, r)| *id != from && r.contains(at))
                .map(|(id, _)| Target::Claim(*id))
        };
        if let Some(target) = target {
            self.links.pending = Some(PendingLink { from, target, at });
        }
    }

    pub(super) fn pending_link_popup(&mut self, ui: &Ui, map: &Map, actions: &mut Vec<Action>) {
        let Some(pending) = self.links.pending.clone() else {
            return;
        };
        let mut close = ui.input(|i| i.key_pressed(Key::Escape));
        let area = egui::Area::new(Id::unique("argmap-pending-link"))
            .order(egui::Order::Foreground)
            .fixed_pos(pending.at + vec2(8.0, 8.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(170.0);
                    let mut choose = |kind: LinkKind, label: &str, ui: &mut Ui| {
                        if ui.button(label).clicked() {
                            let edit =
                                edit_builders::link(map, &[pending.from], pending.target, kind);
                            actions.push(Action::Edit(format!("Add {} link", kind.label()), edit));
                            actions.push(Action::Select(Select::Nothing));
                            close = true;
                        }
                    };
                    match pending.target {
                        Target::Claim(_) => {
                            ui.label("Link as:");
                            choose(LinkKind::Support, "Support", ui);
                            choose(LinkKind::Rebut, "Rebut", ui);
                        }
                        Target::Link(link) => {
                            ui.label("This claim…");
                            choose(LinkKind::Rebut, "Undercuts this link", ui);
                            if ui.button("Joins this link's premises").clicked() {
                                actions.push(Action::Edit(
                                    "Add premise".into(),
                                    Edit::AddPremise {
                                        link,
                                        claim: pending.from,
                                    },
                                ));
                                close = true;
                            }
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        let pressed_outside =
            ui.input(|i| i.pointer.any_pressed()) && !area.response.contains_pointer();
        if close || pressed_outside {
            self.links.pending = None;
        }
    }
}
