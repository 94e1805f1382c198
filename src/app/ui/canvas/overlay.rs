//! Where the teaching views mark the map: which card gets which status and
//! explanation, which link a comparison tag, and where the ghosts of the
//! model answer's missing claims stand. The shapes themselves are `marks`.

use super::{Canvas, cards, links, marks, named};
use crate::analysis::compare::Verdict;
use crate::analysis::evaluate;
use crate::app::teaching::{Compared, Overlay};
use crate::model::{ClaimId, LinkId, Map, Point, Target};
use egui::{Pos2, Rect, Sense, Ui, Vec2, vec2};

impl Canvas {
    /// What hovering a card tells: its whole text when zoomed out too far to
    /// read it, and why it stands or falls while claims are evaluated.
    pub(super) fn card_tooltip(
        &self,
        map: &Map,
        claim: &crate::model::Claim,
        overlay: &Overlay<'_>,
        response: &egui::Response,
    ) {
        let mut parts = Vec::new();
        if cards::text_may_be_cut(self.view.zoom) && !claim.text.trim().is_empty() {
            parts.push(claim.text.clone());
        }
        if let Some(labelling) = overlay.status {
            let pins = overlay.pins.cloned().unwrap_or_default();
            parts.push(evaluate::explain(map, labelling, &pins, claim.id));
        }
        if !parts.is_empty() {
            response.clone().on_hover_text(parts.join("\n\n"));
        }
    }

    /// The status mark and the comparison tag on one card.
    pub(super) fn claim_marks(
        &self,
        painter: &egui::Painter,
        id: ClaimId,
        card: Rect,
        overlay: &Overlay<'_>,
        dark: bool,
    ) {
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
        compared: &Compared,
        shown: &super::Shown<'_>,
        paths: &std::collections::BTreeMap<LinkId, links::LinkPath>,
        dark: bool,
    ) {
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
        let ghosts = &self.ghosts;
        let student_of = compared.result.student_claims();
        let centre_of = |model_claim: ClaimId| -> Option<Pos2> {
            match student_of.get(&model_claim) {
                Some(s) => shown.rect(*s).map(|r| r.center()),
                None => ghosts.get(&model_claim).map(|p| self.view.to_screen(*p)),
            }
        };
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
            let Some(to) = centre_of(target) else {
                continue;
            };
            for &premise in &link.premises {
                if let Some(from) = centre_of(premise) {
                    let label = format!("missing {}", link.kind.label());
                    marks::ghost_link(painter, from, to, &label, dark, self.view.zoom);
                }
            }
        }
        for (&model_claim, &at) in ghosts {
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
            );
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
