//! Slides: a title page with the question, then one 16:9 page per step of
//! the presentation, in the order present mode shows them. Each slide
//! lays out the claims shown so far as present mode does; the step's own
//! claims stand out, earlier ones stay, quieter.

use super::draw::{self, Ink, Role};
use super::{GREY, MARGIN, document, extent, finish, fitted, group, heading, title_of};
use crate::analysis::layout::Size;
use crate::analysis::neighbourhood::among;
use crate::analysis::presentation::{self, Step};
use crate::analysis::spoken;
use crate::exchange::ExportError;
use crate::exchange::scene::{Scene, text_fits};
use crate::model::{ClaimId, Map};
use crate::render::measure::{FONT_SIZE, Headless};
use crate::render::palette;
use egui::{Rect, pos2};
use krilla::page::PageSettings;
use krilla::tagging::{Identifier, Tag, TagTree};
use std::collections::{BTreeSet, HashSet};

/// A 16:9 slide, 13.33 × 7.5 inches, in points.
pub const SLIDE: (f32, f32) = (960.0, 540.0);
const HEADING: f32 = 22.0;
const FOOT: f32 = 10.0;
/// Card words' size the layout aims at, in points: on a projector filling
/// a 1920-pixel-wide screen, 24 pixels.
const AIM: f32 = 12.0;
/// The largest card words get, however few claims a slide shows.
const LARGEST: f32 = 20.0;
/// How far earlier steps' claims are washed towards white.
const EARLIER: f32 = 0.6;

/// The slides of `map`'s presentation as PDF.
pub fn to_slides(map: &Map) -> Result<Vec<u8>, ExportError> {
    text_fits(map, None)?;
    let steps = presentation::steps(map);
    if steps.is_empty() {
        return Err(ExportError::NothingToPresent);
    }
    let ink = Ink::default();
    let mut doc = document()?;
    let mut tree = TagTree::new();
    let title = title_of(map);
    let settings = PageSettings::from_wh(SLIDE.0, SLIDE.1)
        .ok_or_else(|| ExportError::Render("a slide of no size".to_owned()))?;
    {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        title_page(&mut surface, &ink, map, steps.len(), &mut tree);
    }
    let headless = Headless::default();
    let mut marks = vec![(title.to_owned(), 0)];
    for (i, step) in steps.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        slide(&mut surface, &ink, &headless, map, (&steps, i), &mut tree);
        marks.push((format!("{}. {}", i + 1, step.title), i + 1));
    }
    finish(doc, title, marks, tree)
}

/// Lines of `text` at `px` from `y` down, each a span read in turn.
fn paragraph(
    surface: &mut krilla::surface::Surface<'_>,
    ink: &Ink,
    (text, px, rgb): (&str, f32, palette::Rgb),
    y: &mut f32,
    most_lines: usize,
) -> Vec<Identifier> {
    let mut ids = Vec::new();
    let mut lines = ink.wrapped(text, SLIDE.0 - 2.0 * MARGIN, px);
    if lines.len() > most_lines {
        lines.truncate(most_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    for line in lines {
        *y += px;
        ids.push(ink.spoken(surface, &ink.run(&line, MARGIN, *y, px), rgb));
        *y += px * 0.3;
    }
    ids
}

fn title_page(
    surface: &mut krilla::surface::Surface<'_>,
    ink: &Ink,
    map: &Map,
    steps: usize,
    tree: &mut TagTree,
) {
    let mut y = SLIDE.1 * 0.2;
    let text = palette::text(false);
    let ids = paragraph(surface, ink, (title_of(map), 36.0, text), &mut y, 4);
    tree.push(heading(1, title_of(map), &ids));
    y += 12.0;
    let ends = crate::analysis::spoken::Ends::of(map);
    let names: Vec<String> = presentation::sides(map, &ends)
        .into_iter()
        .filter_map(|s| s.name)
        .collect();
    if names.len() > 1 {
        let line = format!(
            "{} and {} disagree.",
            names[..names.len() - 1].join(", "),
            names[names.len() - 1]
        );
        let ids = paragraph(surface, ink, (&line, 20.0, GREY), &mut y, 2);
        tree.push(group(Tag::P, &ids));
    }
    if !map.description.trim().is_empty() {
        y += 6.0;
        let ids = paragraph(
            surface,
            ink,
            (map.description.trim(), 13.0, text),
            &mut y,
            9,
        );
        tree.push(group(Tag::P, &ids));
    }
    let foot = format!("{steps} steps");
    draw::decoration(surface, |surface| {
        ink.words(
            surface,
            &ink.run(&foot, MARGIN, SLIDE.1 - MARGIN, FOOT),
            GREY,
        );
    });
}

/// The slide for step `i`: its title, the claims on show laid out for the
/// slide, the latest at full strength, and the step's number at the foot.
fn slide(
    surface: &mut krilla::surface::Surface<'_>,
    ink: &Ink,
    headless: &Headless,
    map: &Map,
    (steps, i): (&[Step], usize),
    tree: &mut TagTree,
) {
    let step = &steps[i];
    let mut y = MARGIN - 6.0;
    let ids = paragraph(
        surface,
        ink,
        (&step.title, HEADING, palette::text(false)),
        &mut y,
        2,
    );
    tree.push(heading(2, &step.title, &ids));
    let order: Vec<ClaimId> = steps[..=i]
        .iter()
        .flat_map(|s| s.claims.iter().copied())
        .collect();
    let on_show: BTreeSet<ClaimId> = order.iter().copied().collect();
    let latest: HashSet<ClaimId> = step.claims.iter().copied().collect();
    let mut part = among(map, &on_show);
    part.sources = map.sources.clone();
    let room = Rect::from_min_max(
        pos2(MARGIN, y + 14.0),
        pos2(SLIDE.0 - MARGIN, SLIDE.1 - MARGIN - FOOT - 8.0),
    );
    let sizes = headless.sizes(&part);
    let aim = AIM / FONT_SIZE;
    let laid = presentation::laid_out(
        &part,
        &sizes,
        Size {
            w: room.width() / aim,
            h: room.height() / aim,
        },
    );
    for claim in &mut part.claims {
        if let Some(&p) = laid.get(&claim.id) {
            claim.pos = p;
        }
    }
    let scene = Scene::new(&part, None, |bounds| -bounds.min.to_vec2());
    let placed = fitted(extent(&scene), room, LARGEST / FONT_SIZE);
    surface.push_transform(&placed.transform());
    let mut figures = Vec::new();
    for path in scene.paths.values() {
        let new = part.link(path.id).is_some_and(|l| {
            l.premises.iter().any(|p| latest.contains(p))
                || matches!(l.target, crate::model::Target::Claim(c) if latest.contains(&c))
        });
        let id = ink.washed(wash(new), |ink| ink.link(surface, path, Role::Content));
        let alt = format!(
            "{} link: {}",
            part.link(path.id).map_or("A", |l| l.kind.label()),
            spoken::link_sentence(&part, path.id)
        );
        figures.push(group(Tag::Figure(Some(alt)), &[id]));
    }
    let mut said = std::collections::HashMap::new();
    for claim in &part.claims {
        if let Some(card) = scene.cards.get(&claim.id) {
            let ids = ink.washed(wash(latest.contains(&claim.id)), |ink| {
                ink.card(surface, card, Role::Content)
            });
            said.insert(claim.id, ids);
        }
    }
    surface.pop();
    for id in &order {
        if let Some(ids) = said.remove(id) {
            tree.push(group(Tag::P, &ids));
        }
    }
    for figure in figures {
        tree.push(figure);
    }
    let foot = format!("Step {} of {}", i + 1, steps.len());
    draw::decoration(surface, |surface| {
        ink.words(
            surface,
            &ink.run(&foot, MARGIN, SLIDE.1 - MARGIN, FOOT),
            GREY,
        );
    });
}

/// How far earlier steps' claims are washed towards white.
fn wash(latest: bool) -> f32 {
    if latest { 0.0 } else { EARLIER }
}
