//! A map laid out for a picture or a printed page: every card with its
//! text broken into lines by the canvas's own fonts, and every link's
//! course between the cards. SVG, PNG and PDF all draw from one scene, so
//! they say what the screen says.

use super::ExportError;
use super::outline::{Outliner, Run};
use crate::model::{ClaimId, LinkId, Map, Target};
use crate::render::geometry::{self, LinkPath};
use crate::render::measure::{self, BADGE_FONT, CARD_WIDTH, FONT_SIZE, PADDING};
use crate::render::palette;
use egui::{Pos2, Rect, Vec2, pos2, vec2};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The part of `map` a picture shows: the claims in `only` (all when `None`)
/// and the links among them.
pub fn subset<'a>(map: &'a Map, only: Option<&BTreeSet<ClaimId>>) -> Cow<'a, Map> {
    let Some(only) = only else {
        return Cow::Borrowed(map);
    };
    let mut part = map.clone();
    part.claims.retain(|c| only.contains(&c.id));
    // Keep links whose ends are all kept; undercuts only if their target link stays.
    loop {
        let kept: BTreeSet<_> = part.links.iter().map(|l| l.id).collect();
        let before = part.links.len();
        part.links.retain(|l| {
            l.premises.iter().all(|p| only.contains(p))
                && match l.target {
                    Target::Claim(c) => only.contains(&c),
                    Target::Link(t) => kept.contains(&t),
                }
        });
        if part.links.len() == before {
            break;
        }
    }
    Cow::Owned(part)
}

/// One card, its text laid out by the canvas fonts (rows and badge placed
/// from the card's top left).
pub struct Card {
    pub rect: Rect,
    pub rows: Vec<Run>,
    /// The source badge: its words, colour and width.
    pub badge: Option<(Run, palette::Rgb, f32)>,
}

impl Card {
    /// A run of the card's text or badge where the card now stands, `dy`
    /// below the card's padding.
    pub fn placed(&self, run: &Run, dy: f32) -> Run {
        Run {
            glyphs: run
                .glyphs
                .iter()
                .map(|&(c, x)| (c, x + self.rect.min.x + PADDING))
                .collect(),
            baseline: run.baseline + self.rect.min.y + dy,
            px: run.px,
        }
    }
}

/// Lays every card out with egui's fonts (a context without a window),
/// centred where its claim stands on the map.
fn cards(map: &Map, outliner: &Outliner) -> HashMap<ClaimId, Card> {
    let advance = |c: char, px: f32| outliner.width(&c.to_string(), px);
    let mut out = HashMap::new();
    let headless = measure::Headless::default();
    headless.each_claim(&map.claims, |fonts, claim| {
        let size = measure::card_size(fonts, claim);
        let galley = fonts.layout(
            measure::display_text(claim),
            egui::FontId::proportional(FONT_SIZE),
            egui::Color32::PLACEHOLDER,
            CARD_WIDTH - 2.0 * PADDING,
        );
        let rows = galley
            .rows
            .iter()
            .map(|row| Run::from_row(row, egui::Pos2::ZERO, FONT_SIZE, advance))
            .collect();
        let badge = claim.quote.as_ref().map(|q| {
            let label = map.source(&q.source).map_or_else(
                || q.source.as_str().to_owned(),
                crate::model::Source::short_name,
            );
            let galley = fonts.layout_no_wrap(
                label,
                egui::FontId::proportional(BADGE_FONT),
                egui::Color32::PLACEHOLDER,
            );
            let run = galley.rows.first().map_or_else(Run::default, |row| {
                Run::from_row(row, egui::Pos2::ZERO, BADGE_FONT, advance)
            });
            (run, palette::source(&q.source), galley.size().x)
        });
        let rect = Rect::from_center_size(pos2(claim.pos.x, claim.pos.y), size);
        out.insert(claim.id, Card { rect, rows, badge });
    });
    out
}

/// The most claim text a picture or a printed map draws, in characters:
/// every character is drawn as its own glyph, so each costs some bytes.
pub const MOST_PICTURE_CHARS: usize = 16_000_000;

/// Refuses, before any drawing, a picture with more text than it draws.
pub fn text_fits(map: &Map, only: Option<&BTreeSet<ClaimId>>) -> Result<(), ExportError> {
    let chars: usize = map
        .claims
        .iter()
        .filter(|c| only.is_none_or(|o| o.contains(&c.id)))
        .map(|c| c.text.chars().count())
        .sum();
    if chars > MOST_PICTURE_CHARS {
        return Err(ExportError::TooMuchText {
            chars,
            max: MOST_PICTURE_CHARS,
        });
    }
    Ok(())
}

/// A map laid out: its cards placed, its links routed, the box the cards
/// stand in.
pub struct Scene<'a> {
    pub map: Cow<'a, Map>,
    pub cards: HashMap<ClaimId, Card>,
    pub paths: BTreeMap<LinkId, LinkPath>,
    /// The cards' box (a card's room at the origin when there are none).
    pub bounds: Rect,
}

impl<'a> Scene<'a> {
    /// The claims in `only` (all when `None`) and the links among them,
    /// moved by what `shift` says for the cards' box on the map.
    pub fn new(
        map: &'a Map,
        only: Option<&BTreeSet<ClaimId>>,
        shift: impl FnOnce(Rect) -> Vec2,
    ) -> Self {
        let map = subset(map, only);
        let mut cards = cards(&map, &Outliner::default());
        let bounds = cards
            .values()
            .fold(Rect::NOTHING, |acc, c| acc.union(c.rect));
        let bounds = if bounds.is_finite() {
            bounds
        } else {
            Rect::from_min_size(Pos2::ZERO, vec2(200.0, 60.0))
        };
        let by = shift(bounds);
        for card in cards.values_mut() {
            card.rect = card.rect.translate(by);
        }
        let rects: HashMap<ClaimId, Rect> = cards.iter().map(|(id, c)| (*id, c.rect)).collect();
        let paths = geometry::paths(&map, &rects, 1.0);
        Self {
            map,
            cards,
            paths,
            bounds: bounds.translate(by),
        }
    }

    /// How large the cards' box is.
    pub fn size(&self) -> Vec2 {
        self.bounds.size()
    }
}

/// The marks that draw a link: its lines, the dot where linked premises
/// join, the arrow head, the bar across an attack's shaft and the badge.
pub struct Arrow {
    /// Each premise's tail to the junction, then the shaft to the head.
    pub lines: Vec<[Pos2; 2]>,
    pub junction: Option<Pos2>,
    pub head: [Pos2; 3],
    pub bar: Option<[Pos2; 2]>,
    pub badge: Pos2,
}

/// The arrow head's length, in canvas units.
const HEAD: f32 = 12.0;

impl Arrow {
    pub fn of(path: &LinkPath) -> Self {
        let [start, end] = path.main;
        let dir = (end - start).normalized();
        let shaft_end = end - dir * HEAD * 0.9;
        let normal = dir.rot90();
        let lines = path
            .tails
            .iter()
            .copied()
            .chain(std::iter::once([start, shaft_end]))
            .collect();
        let bar = path.kind.is_attack().then(|| {
            let at = end - dir * HEAD * 1.4;
            [at + normal * HEAD * 0.6, at - normal * HEAD * 0.6]
        });
        Self {
            lines,
            junction: (!path.tails.is_empty()).then_some(start),
            head: [
                end,
                end - dir * HEAD + normal * HEAD * 0.45,
                end - dir * HEAD - normal * HEAD * 0.45,
            ],
            bar,
            badge: path.anchor,
        }
    }
}
