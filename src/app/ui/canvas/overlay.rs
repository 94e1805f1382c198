//! Where the teaching views mark the map: which card gets which status and
//! explanation, which link a comparison tag, and where the ghosts of the
//! model answer's missing claims and links stand. The shapes themselves
//! are `marks`; one legend says what ghosts are, rather than a label on each.

use super::{Canvas, Input, Shown, cards, links, marks, named};
use crate::analysis::compare::Verdict;
use crate::analysis::evaluate;
use crate::app::teaching::Compared;
use crate::model::{Claim, ClaimId, LinkId, Map, Point, Target};
use crate::render::geometry::border_point;
use egui::{Rect, Sense, Ui, Vec2, vec2};
use std::collections::BTreeMap;

impl Canvas {
    /// What pointing at a claim tells: its whole text when the card shows
    /// less of it (or `always`, in the far picture), and why it stands or
    /// falls while claims are evaluated.
    pub(super) fn hover_text(&self, input: &Input<'_>, claim: &Claim, always: bool) -> String {
        let mut parts = Vec::new();
        if always {
            parts.push(cards::label_of(claim));
        } else if cards::text_may_be_cut(self.view.zoom) && !claim.text.trim().is_empty() {
            parts.push(claim.text.clone());
        }
        if let Some(labelling) = input.overlay.status {
            let pins = input.overlay.pins.cloned().unwrap_or_default();
            parts.push(evaluate::explain(input.map, labelling, &pins, claim.id));
        }
        parts.join("\n\n")
    }

    /// The status mark and the comparison tag on one card.
    pub(super) fn claim_marks(
        &self,
        painter: &egui::Painter,
        input: &Input<'_>,
        id: ClaimId,
        card: Rect,
    ) {
        let dark = painter.ctx().global_style().visuals.dark_mode;
        let overlay = input.overlay;
        if let Some(labelling) = overlay.status {
            let pinned = overlay.pins.is_some_and(|p| p.contains_key(&id));
            marks::status_mark(
                painter,
                card,
                self.view.zoom,
                labelling.claim(id),
                pinned,
                dark,
            );
        }
        if let Some(compared) = overlay.comparison
            && compared.result.extra_claims.contains(&id)
        {
            let at = card.left_bottom() + vec2(6.0, -8.0);
            marks::tag(painter, at, "not in model", marks::EXTRA, self.view.zoom);
        }
    }

    /// Tags on links that differ from the model, and ghosts of what is missing.
    pub(super) fn comparison_marks(
        &self,
        ui: &Ui,
        painter: &egui::Painter,
        input: &Input<'_>,
        compared: &Compared,
        shown: &Shown<'_>,
        paths: &BTreeMap<LinkId, links::LinkPath>,
    ) {
        let dark = ui.visuals().dark_mode;
        // Tags on the map's own links that the model does not have as they are.
        for result in compared
            .result
            .links
            .iter()
            .filter(|r| r.verdict != Verdict::Correct)
        {
            let Some(path) = result.student.and_then(|id| paths.get(&id)) else {
                continue;
            };
            let colour = if result.verdict == Verdict::Extra {
                marks::EXTRA
            } else {
                marks::WRONG
            };
            marks::tag(
                painter,
                path.anchor + vec2(12.0, -8.0) * self.view.zoom.min(1.0),
                result.verdict.label(),
                colour,
                self.view.zoom,
            );
        }
        if input.overlay.missing.links {
            self.ghost_links(painter, compared, shown, dark);
        }
        if input.overlay.missing.claims {
            self.ghost_cards(ui, painter, compared);
        }
    }

    /// Where a model claim shows: its match on the map, else its ghost.
    fn model_claim_card(
        &self,
        compared: &Compared,
        student_of: &BTreeMap<ClaimId, ClaimId>,
        shown: &Shown<'_>,
        model_claim: ClaimId,
    ) -> Option<Rect> {
        match student_of.get(&model_claim) {
            Some(s) => shown.rect(*s),
            None if compared.result.missing_claims.contains(&model_claim) => self
                .placement
                .ghosts
                .get(&model_claim)
                .map(|p| self.view.card_rect(*p, GHOST)),
            None => None,
        }
    }

    /// Dashed grey arrows for the links the model has and the map lacks,
    /// from card edge to card edge, marked + or − as links are.
    fn ghost_links(
        &self,
        painter: &egui::Painter,
        compared: &Compared,
        shown: &Shown<'_>,
        dark: bool,
    ) {
        let student_of = compared.result.student_claims();
        for result in compared
            .result
            .links
            .iter()
            .filter(|r| r.verdict == Verdict::Missing)
        {
            let Some(link) = result.model.and_then(|id| compared.model.link(id)) else {
                continue;
            };
            let Target::Claim(target) = link.target else {
                continue;
            };
            let Some(to) = self.model_claim_card(compared, &student_of, shown, target) else {
                continue;
            };
            for &premise in &link.premises {
                if let Some(from) = self.model_claim_card(compared, &student_of, shown, premise) {
                    let a = border_point(from, to.center());
                    let b = border_point(to, from.center());
                    marks::ghost_link(painter, a, b, link.kind, dark, self.view.zoom);
                }
            }
        }
    }

    /// Dashed cards for the claims the model has and the map lacks.
    fn ghost_cards(&self, ui: &Ui, painter: &egui::Painter, compared: &Compared) {
        let dark = ui.visuals().dark_mode;
        for (&model_claim, &at) in &self.placement.ghosts {
            let Some(claim) = compared.model.claim(model_claim) else {
                continue;
            };
            let rect = self.view.card_rect(at, GHOST);
            let text = if cards::shows_label(self.view.zoom) {
                cards::label_of(claim)
            } else {
                claim.text.clone()
            };
            marks::ghost_card(painter, rect, self.view.zoom, &text, dark);
            named(
                ui,
                rect,
                ("ghost", model_claim.0),
                Sense::hover(),
                egui::Role::Note,
                format!("Missing claim: {}", claim.text),
            )
            .on_hover_text(format!(
                "In the model answer, not on this map:\n{}",
                claim.text
            ));
        }
    }
}

/// A ghost card's size: the model's claims are not measured on this canvas.
pub const GHOST: Vec2 = vec2(cards::CARD_WIDTH, crate::render::measure::MIN_HEIGHT);

/// Where to show the model's missing claims on this map: near a matched
/// claim they are linked to (below a conclusion, above a premise), else in a
/// column to the right of the map; always in free space, clear of the map's
/// cards and of each other.
pub(super) fn ghost_positions(
    map: &Map,
    compared: &Compared,
    size: impl Fn(ClaimId) -> Vec2,
) -> std::collections::BTreeMap<ClaimId, Point> {
    use crate::analysis::layout::{Size, nearest_free};
    let student_of = compared.result.student_claims();
    let as_size = |v: Vec2| Size { w: v.x, h: v.y };
    let mut taken: Vec<(Point, Size)> = map
        .claims
        .iter()
        .map(|c| (c.pos, as_size(size(c.id))))
        .collect();
    let right = taken
        .iter()
        .map(|(p, s)| p.x + s.w / 2.0)
        .fold(f32::NEG_INFINITY, f32::max);
    let top = taken.iter().map(|(p, _)| p.y).fold(f32::INFINITY, f32::min);
    let (right, top) = if right.is_finite() {
        (right, top)
    } else {
        (0.0, 0.0)
    };
    let mut placed = std::collections::BTreeMap::new();
    for &missing in &compared.result.missing_claims {
        let neighbour = compared.model.links.iter().find_map(|l| {
            let target = match l.target {
                Target::Claim(t) => t,
                Target::Link(_) => return None,
            };
            if l.premises.contains(&missing) {
                student_of.get(&target).map(|s| (*s, 1.0))
            } else if target == missing {
                l.premises
                    .iter()
                    .find_map(|p| student_of.get(p))
                    .map(|s| (*s, -1.0))
            } else {
                None
            }
        });
        let wanted = match neighbour.and_then(|(s, dir)| map.claim(s).map(|c| (c, dir))) {
            Some((claim, dir)) => Point::new(claim.pos.x, claim.pos.y + dir * 170.0),
            None => Point::new(right + 200.0, top),
        };
        let at = nearest_free(wanted, as_size(GHOST), 40.0, &taken);
        taken.push((at, as_size(GHOST)));
        placed.insert(missing, at);
    }
    placed
}
