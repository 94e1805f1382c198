//! A map printed for a class: the title, the map, a key to the symbols and
//! the list of sources. A map that reads on one page is printed on one;
//! a larger one is tiled across pages at a size that reads, each page
//! overlapping its neighbours and naming them, after a first page with an
//! overview of which page holds which part. Asked to fit, any map goes on
//! one page however small its words.

use super::draw::{self, Ink, Role};
use super::{
    GREY, MARGIN, Paper, Placed, document, extent, finish, fitted, group, heading, list, title_of,
};
use crate::analysis::spoken::{self, Ends};
use crate::exchange::ExportError;
use crate::exchange::scene::{Card, Scene, text_fits};
use crate::model::{ClaimId, LinkId, LinkKind, Map};
use crate::render::geometry::{BADGE_RADIUS, LinkPath};
use crate::render::measure::FONT_SIZE;
use crate::render::palette;
use egui::{Pos2, Rect, Vec2, pos2, vec2};
use krilla::geom::{PathBuilder, Transform};
use krilla::page::PageSettings;
use krilla::paint::FillRule;
use krilla::surface::Surface;
use krilla::tagging::{Identifier, Tag, TagTree};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The smallest a card's words are printed on one page (points), unless
/// the map is asked to fit.
const READABLE: f32 = 7.0;
/// A card's words on tiled pages, in points.
const TILED: f32 = 9.0;
/// How much of each neighbour a tiled page repeats at its edges.
const OVERLAP: f32 = 18.0;
/// The line above and below a tile saying where it is and what adjoins it.
const BAND: f32 = 16.0;
const TITLE: f32 = 18.0;
const SMALL: f32 = 7.5;
/// The most pages a tiled map takes; a larger map is printed fitted.
pub const MOST_PAGES: usize = 200;

/// How to print: the paper, and whether to fit the map on one page
/// whatever its size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Print {
    pub paper: Paper,
    pub fit: bool,
}

/// A printed map as PDF.
pub fn to_pdf(map: &Map, print: Print) -> Result<Vec<u8>, ExportError> {
    text_fits(map, None)?;
    let scene = Scene::new(map, None, |bounds| -bounds.min.to_vec2());
    let ink = Ink::default();
    let plan = Plan::choose(&ink, &scene, print)?;
    let mut doc = document()?;
    let mut said = Said::default();
    let mut marks = Vec::new();
    let title = title_of(map);
    {
        let mut page = doc.start_page_with(settings(plan.sheet)?);
        let mut surface = page.surface();
        let mut y = MARGIN + TITLE;
        for line in ink.wrapped(title, plan.sheet.x - 2.0 * MARGIN, TITLE) {
            let run = ink.run(&line, MARGIN, y, TITLE);
            said.title
                .push(ink.spoken(&mut surface, &run, palette::text(false)));
            y += TITLE * 1.25;
        }
        let first = plan.first;
        match &plan.tiles {
            None => {
                mapped(&mut surface, &ink, &scene, first, &mut said, |_| {
                    Role::Content
                });
                marks.push(("The map, its key and sources".to_owned(), 0));
            }
            Some(tiles) => {
                let line = format!(
                    "Printed across pages 2 to {} so its words read; here, which page holds which part.",
                    tiles.pages.len() + 1
                );
                let run = ink.run(&line, MARGIN, first.rect.min.y - 6.0, SMALL + 1.0);
                said.caption.push(ink.spoken(&mut surface, &run, GREY));
                overview(&mut surface, &ink, &scene, tiles, first);
                marks.push(("Overview, key and sources".to_owned(), 0));
            }
        }
        let at = pos2(MARGIN, plan.sheet.y - MARGIN - plan.key_height);
        key(
            &ink,
            &scene.map,
            at,
            plan.sheet.x - 2.0 * MARGIN,
            Some((&mut surface, &mut said)),
        );
    }
    if let Some(tiles) = &plan.tiles {
        for (k, &(row, col)) in tiles.pages.iter().enumerate() {
            let mut page = doc.start_page_with(settings(plan.sheet)?);
            let mut surface = page.surface();
            tile(
                &mut surface,
                &ink,
                &scene,
                tiles,
                (k, row, col),
                &mut said,
                title,
            );
            marks.push((
                format!("Part {}: row {}, column {}", k + 1, row + 1, col + 1),
                k + 1,
            ));
        }
    }
    finish(doc, title, marks, said.tree(&scene.map, title))
}

fn settings(sheet: Vec2) -> Result<PageSettings, ExportError> {
    PageSettings::from_wh(sheet.x, sheet.y)
        .ok_or_else(|| ExportError::Render("a page of no size".to_owned()))
}

/// The tiles of a map too large for one readable page: the grid, and the
/// tiles that hold something, in reading order (each a page).
struct Tiles {
    placed: Placed,
    /// How far apart tiles start, in canvas units.
    step: Vec2,
    rows: usize,
    cols: usize,
    pages: Vec<(usize, usize)>,
}

impl Tiles {
    /// The part of the map the tile at `row`, `col` shows.
    fn area(&self, row: usize, col: usize) -> Rect {
        let size = self.placed.rect.size() / self.placed.scale;
        Rect::from_min_size(
            self.placed.origin + vec2(col as f32 * self.step.x, row as f32 * self.step.y),
            size,
        )
    }

    /// The tile that holds `p` as its own (where a screen reader reads it).
    fn home(&self, p: Pos2) -> (usize, usize) {
        let at = p - self.placed.origin;
        let index = |d: f32, step: f32, n: usize| ((d / step).floor().max(0.0) as usize).min(n - 1);
        (
            index(at.y, self.step.y, self.rows),
            index(at.x, self.step.x, self.cols),
        )
    }

    fn page_of(&self, row: usize, col: usize) -> Option<usize> {
        self.pages.iter().position(|&t| t == (row, col))
    }
}

/// The paper's way round, the first page's room for the map, the key's
/// height, and the tiles when the map needs them.
struct Plan {
    sheet: Vec2,
    first: Placed,
    key_height: f32,
    tiles: Option<Tiles>,
}

impl Plan {
    fn choose(ink: &Ink, scene: &Scene<'_>, print: Print) -> Result<Self, ExportError> {
        let (w, h) = print.paper.size();
        let sheets = [vec2(w, h), vec2(h, w)];
        let title = title_of(&scene.map);
        let first = |sheet: Vec2| {
            let width = sheet.x - 2.0 * MARGIN;
            let lines = ink.wrapped(title, width, TITLE).len().max(1) as f32;
            let key_height = key(ink, &scene.map, Pos2::ZERO, width, None);
            let top = MARGIN + TITLE * 1.25 * lines + 14.0;
            let bottom = sheet.y - MARGIN - key_height - 10.0;
            let room = Rect::from_min_max(
                pos2(MARGIN, top),
                pos2(sheet.x - MARGIN, bottom.max(top + 40.0)),
            );
            (fitted(extent(scene), room, 1.0), key_height)
        };
        // Upright or turned, whichever prints the map larger.
        let one_page = sheets
            .iter()
            .map(|&sheet| (sheet, first(sheet)))
            .max_by(|a, b| a.1.0.scale.total_cmp(&b.1.0.scale));
        let Some((sheet, (placed, key_height))) = one_page else {
            return Err(ExportError::Render("no paper".to_owned()));
        };
        if print.fit || placed.scale * FONT_SIZE >= READABLE {
            return Ok(Self {
                sheet,
                first: placed,
                key_height,
                tiles: None,
            });
        }
        // Tiled: the way round that takes fewer pages.
        let tiled = sheets
            .iter()
            .map(|&sheet| (sheet, tiles(scene, sheet)))
            .min_by_key(|(_, t)| t.pages.len());
        let Some((sheet, tiles)) = tiled else {
            return Err(ExportError::Render("no paper".to_owned()));
        };
        if tiles.pages.len() > MOST_PAGES {
            return Err(ExportError::TooManyPages {
                pages: tiles.pages.len(),
                most: MOST_PAGES,
            });
        }
        let (first, key_height) = first(sheet);
        Ok(Self {
            sheet,
            first,
            key_height,
            tiles: Some(tiles),
        })
    }
}

/// The grid of readable tiles for `sheet`, and the tiles with something on them.
fn tiles(scene: &Scene<'_>, sheet: Vec2) -> Tiles {
    let scale = TILED / FONT_SIZE;
    let rect = Rect::from_min_max(
        pos2(MARGIN, MARGIN + BAND),
        pos2(sheet.x - MARGIN, sheet.y - MARGIN - BAND),
    );
    let extent = extent(scene);
    let step = (rect.size() - Vec2::splat(OVERLAP)) / scale;
    let count = |span: f32, room: f32, step: f32| {
        (((span - room).max(0.0) / step).ceil() as usize + 1).max(1)
    };
    let cols = count(extent.width(), rect.width() / scale, step.x);
    let rows = count(extent.height(), rect.height() / scale, step.y);
    let mut tiles = Tiles {
        placed: Placed {
            rect,
            scale,
            origin: extent.min,
        },
        step,
        rows,
        cols,
        pages: Vec::new(),
    };
    // A tile with no card or link on it is not printed.
    let mut used = HashSet::new();
    let mut mark = |area: Rect| {
        let (r0, c0) = tiles.home(area.min);
        let (r1, c1) = tiles.home(area.max);
        for r in r0.saturating_sub(1)..=r1 {
            for c in c0.saturating_sub(1)..=c1 {
                if tiles.area(r, c).intersects(area) {
                    used.insert((r, c));
                }
            }
        }
    };
    for card in scene.cards.values() {
        mark(card.rect);
    }
    for path in scene.paths.values() {
        mark(path.bounds().expand(BADGE_RADIUS));
    }
    tiles.pages = (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter(|t| used.contains(t))
        .collect();
    tiles
}

/// The identifiers of what a reader reads, gathered as pages are drawn,
/// put in reading order at the end.
#[derive(Default)]
struct Said {
    title: Vec<Identifier>,
    caption: Vec<Identifier>,
    claims: HashMap<ClaimId, Vec<Identifier>>,
    links: BTreeMap<LinkId, Identifier>,
    key_heading: Vec<Identifier>,
    key: Vec<Vec<Identifier>>,
    sources_heading: Vec<Identifier>,
    sources: Vec<Vec<Identifier>>,
}

impl Said {
    /// The title, the claims in the order the argument is read, each link
    /// as a figure that says what it shows, then the key and the sources.
    fn tree(mut self, map: &Map, title: &str) -> TagTree {
        let mut tree = TagTree::new();
        tree.push(heading(1, title, &self.title));
        if !self.caption.is_empty() {
            tree.push(group(Tag::P, &self.caption));
        }
        let ends = Ends::of(map);
        for id in spoken::reading_order(map, &ends)
            .into_iter()
            .chain(map.claims.iter().map(|c| c.id))
        {
            if let Some(ids) = self.claims.remove(&id) {
                tree.push(group(Tag::P, &ids));
            }
        }
        for (link, id) in std::mem::take(&mut self.links) {
            let kind = map.link(link).map_or(LinkKind::Support, |l| l.kind);
            let alt = format!(
                "{} link: {}",
                kind.label(),
                spoken::link_sentence(map, link)
            );
            tree.push(group(Tag::Figure(Some(alt)), &[id]));
        }
        if !self.key.is_empty() {
            tree.push(heading(2, "Key", &self.key_heading));
            tree.push(list(&self.key));
        }
        if !self.sources.is_empty() {
            tree.push(heading(2, "Sources", &self.sources_heading));
            tree.push(list(&self.sources));
        }
        tree
    }
}

/// The map drawn into `placed`'s room, each card and link read or not as
/// `role` says.
fn mapped(
    surface: &mut Surface<'_>,
    ink: &Ink,
    scene: &Scene<'_>,
    placed: Placed,
    said: &mut Said,
    role: impl Fn(Pos2) -> Role,
) {
    let room = placed.rect;
    let Some(clip) = rectangle(room) else {
        return;
    };
    let area = Rect::from_min_size(placed.origin, room.size() / placed.scale);
    surface.push_clip_path(&clip, &FillRule::NonZero);
    surface.push_transform(&placed.transform());
    for path in scene.paths.values() {
        if area.intersects(path.bounds().expand(BADGE_RADIUS)) {
            let role = role(path.anchor);
            let id = ink.link(surface, path, role);
            if role == Role::Content {
                said.links.insert(path.id, id);
            }
        }
    }
    for claim in &scene.map.claims {
        let Some(card) = scene.cards.get(&claim.id) else {
            continue;
        };
        if area.intersects(card.rect) {
            let role = role(card.rect.center());
            let ids = ink.card(surface, card, role);
            if role == Role::Content {
                said.claims.insert(claim.id, ids);
            }
        }
    }
    surface.pop();
    surface.pop();
}

/// The whole map small on the first page, each card a coloured box, with
/// the tiles over it and the page each is printed on.
fn overview(
    surface: &mut Surface<'_>,
    ink: &Ink,
    scene: &Scene<'_>,
    tiles: &Tiles,
    placed: Placed,
) {
    let Some(clip) = rectangle(placed.rect) else {
        return;
    };
    surface.push_clip_path(&clip, &FillRule::NonZero);
    surface.push_transform(&placed.transform());
    draw::decoration(surface, |surface| {
        for card in scene
            .map
            .claims
            .iter()
            .filter_map(|c| scene.cards.get(&c.id))
        {
            draw::paint(
                surface,
                Some(draw::fill(palette::card_fill(false))),
                Some(draw::stroke([0xb8; 3], 1.0 / placed.scale, None)),
            );
            draw::rounded(surface, card.rect, 6.0);
            draw::paint(surface, Some(draw::fill(stripe(card))), None);
            draw::rounded(
                surface,
                Rect::from_min_size(card.rect.min, vec2(12.0, card.rect.height())),
                2.0,
            );
        }
    });
    for path in scene.paths.values() {
        ink.link(surface, path, Role::Decoration);
    }
    surface.pop();
    let blue = [0x2a, 0x5d, 0xb0];
    draw::decoration(surface, |surface| {
        for (k, &(row, col)) in tiles.pages.iter().enumerate() {
            let area = tiles.area(row, col);
            let on_page = Rect::from_min_max(
                placed.rect.min + (area.min - placed.origin) * placed.scale,
                placed.rect.min + (area.max - placed.origin) * placed.scale,
            )
            .shrink(1.0);
            draw::paint(
                surface,
                None,
                Some(draw::stroke(blue, 0.8, Some([3.0, 2.0]))),
            );
            draw::rounded(surface, on_page, 0.0);
            // The page's number on a label at its part's top left, over the cards.
            let number = format!("page {}", k + 2);
            let px = 9.0;
            let label = Rect::from_min_size(
                on_page.min + vec2(3.0, 3.0),
                vec2(ink.width(&number, px) + 8.0, px + 5.0),
            );
            draw::paint(surface, Some(draw::fill(blue)), None);
            draw::rounded(surface, label, 3.0);
            let run = ink.run(&number, label.min.x + 4.0, label.max.y - 4.0, px);
            ink.words(surface, &run, [0xff; 3]);
        }
    });
    surface.pop();
}

/// A path around `rect`, for clipping.
fn rectangle(rect: Rect) -> Option<krilla::geom::Path> {
    let mut pb = PathBuilder::new();
    pb.push_rect(krilla::geom::Rect::from_ltrb(
        rect.min.x, rect.min.y, rect.max.x, rect.max.y,
    )?);
    pb.finish()
}

fn stripe(card: &Card) -> palette::Rgb {
    card.badge.as_ref().map_or([0xc8; 3], |b| b.1)
}

/// One tiled page: where it is, its part of the map, and which pages
/// adjoin it, with the overlap marked where each neighbour begins.
fn tile(
    surface: &mut Surface<'_>,
    ink: &Ink,
    scene: &Scene<'_>,
    tiles: &Tiles,
    (k, row, col): (usize, usize, usize),
    said: &mut Said,
    title: &str,
) {
    let placed = Placed {
        origin: tiles.area(row, col).min,
        ..tiles.placed
    };
    mapped(surface, ink, scene, placed, said, |p| {
        if tiles.home(p) == (row, col) {
            Role::Content
        } else {
            Role::Decoration
        }
    });
    let room = placed.rect;
    let neighbours = [
        ("above", row.checked_sub(1).map(|r| (r, col))),
        ("left", col.checked_sub(1).map(|c| (row, c))),
        ("right", (col + 1 < tiles.cols).then_some((row, col + 1))),
        ("below", (row + 1 < tiles.rows).then_some((row + 1, col))),
    ];
    let mut adjoining = Vec::new();
    surface.start_tagged(draw::artifact(krilla::tagging::ArtifactType::Page));
    draw::paint(
        surface,
        None,
        Some(draw::stroke([0xa0; 3], 0.6, Some([2.0, 2.0]))),
    );
    for (side, at) in neighbours {
        let Some(page) = at.and_then(|(r, c)| tiles.page_of(r, c)) else {
            continue;
        };
        adjoining.push(format!("{side}: page {}", page + 2));
        // Where the neighbour's own part begins: its overlap with this page.
        let line = match side {
            "above" => [
                pos2(room.min.x, room.min.y + OVERLAP),
                pos2(room.max.x, room.min.y + OVERLAP),
            ],
            "below" => [
                pos2(room.min.x, room.max.y - OVERLAP),
                pos2(room.max.x, room.max.y - OVERLAP),
            ],
            "left" => [
                pos2(room.min.x + OVERLAP, room.min.y),
                pos2(room.min.x + OVERLAP, room.max.y),
            ],
            _ => [
                pos2(room.max.x - OVERLAP, room.min.y),
                pos2(room.max.x - OVERLAP, room.max.y),
            ],
        };
        draw::line(surface, line);
    }
    // Corner marks: where the page's part of the map ends.
    draw::paint(surface, None, Some(draw::stroke(GREY, 0.6, None)));
    for corner in [
        room.left_top(),
        room.right_top(),
        room.left_bottom(),
        room.right_bottom(),
    ] {
        let dx = if corner.x < room.center().x {
            -1.0
        } else {
            1.0
        };
        let dy = if corner.y < room.center().y {
            -1.0
        } else {
            1.0
        };
        draw::line(
            surface,
            [corner + vec2(dx * 2.0, 0.0), corner + vec2(dx * 8.0, 0.0)],
        );
        draw::line(
            surface,
            [corner + vec2(0.0, dy * 2.0), corner + vec2(0.0, dy * 8.0)],
        );
    }
    let head = format!(
        "{title}: part {} of {}, row {} of {}, column {} of {}",
        k + 1,
        tiles.pages.len(),
        row + 1,
        tiles.rows,
        col + 1,
        tiles.cols
    );
    let head = excerpt_to(ink, &head, room.width() - 24.0, SMALL);
    ink.words(
        surface,
        &ink.run(&head, MARGIN + 12.0, MARGIN + 2.0, SMALL),
        GREY,
    );
    let foot = if adjoining.is_empty() {
        "The map continues on no other page.".to_owned()
    } else {
        format!(
            "Continues {}. The first page shows the whole map.",
            adjoining.join(", ")
        )
    };
    ink.words(
        surface,
        &ink.run(&foot, MARGIN + 12.0, room.max.y + BAND - 4.0, SMALL),
        GREY,
    );
    surface.end_tagged();
}

/// `text` cut with an ellipsis to fit `width` at `px`.
fn excerpt_to(ink: &Ink, text: &str, width: f32, px: f32) -> String {
    if ink.width(text, px) <= width {
        return text.to_owned();
    }
    let mut cut: String = text.to_owned();
    while !cut.is_empty() && ink.width(&cut, px) + ink.width("…", px) > width {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

/// One entry of the key: a drawing of the symbol (canvas units, 100 wide)
/// and what it means.
struct Entry {
    paths: Vec<LinkPath>,
    height: f32,
    words: &'static str,
}

fn entries() -> Vec<Entry> {
    let path = |kind, tails: Vec<[Pos2; 2]>, main: [Pos2; 2], anchor: Pos2| LinkPath {
        id: LinkId(0),
        kind,
        tails,
        main,
        anchor,
    };
    let across = |kind, y: f32| {
        path(
            kind,
            Vec::new(),
            [pos2(0.0, y), pos2(100.0, y)],
            pos2(44.0, y),
        )
    };
    vec![
        Entry {
            paths: vec![across(LinkKind::Support, 12.0)],
            height: 24.0,
            words: "Supports: a solid line with a + badge runs from a reason to the claim it supports.",
        },
        Entry {
            paths: vec![across(LinkKind::Rebut, 12.0)],
            height: 24.0,
            words: "Rebuts: a dashed line with a − badge and a bar runs from an objection to the claim it attacks.",
        },
        Entry {
            paths: vec![path(
                LinkKind::Support,
                vec![
                    [pos2(0.0, 2.0), pos2(40.0, 14.0)],
                    [pos2(0.0, 26.0), pos2(40.0, 14.0)],
                ],
                [pos2(40.0, 14.0), pos2(100.0, 14.0)],
                pos2(70.0, 14.0),
            )],
            height: 28.0,
            words: "Linked premises: lines joined at a dot are reasons that hold only together.",
        },
        Entry {
            paths: vec![
                across(LinkKind::Support, 44.0),
                path(
                    LinkKind::Rebut,
                    Vec::new(),
                    [pos2(44.0, 0.0), pos2(44.0, 35.0)],
                    pos2(44.0, 11.0),
                ),
            ],
            height: 54.0,
            words: "Undercut: an objection aimed at a link's badge attacks the step from reason to claim, not the claim.",
        },
        Entry {
            paths: Vec::new(),
            height: 24.0,
            words: "A card's stripe and badge take the colour of the source it quotes (listed below); grey: no source.",
        },
    ]
}

/// The key's scale: points per canvas unit of its drawings.
const KEY_SCALE: f32 = 0.45;
const KEY_DRAWING: f32 = 100.0 * KEY_SCALE;

/// The key and the sources at `at`, `width` wide: their height; drawn (and
/// what is read gathered) when `on` is given.
fn key(
    ink: &Ink,
    map: &Map,
    at: Pos2,
    width: f32,
    mut on: Option<(&mut Surface<'_>, &mut Said)>,
) -> f32 {
    let line = SMALL * 1.3;
    let heading_px = SMALL + 2.5;
    let mut y = at.y;
    let heading = |text: &str, y: &mut f32, on: &mut Option<(&mut Surface<'_>, &mut Said)>| {
        *y += heading_px;
        let run = ink.run(text, at.x, *y, heading_px);
        *y += 5.0;
        on.as_mut()
            .map(|(surface, _)| ink.spoken(surface, &run, palette::text(false)))
    };
    if let Some(id) = heading("Key", &mut y, &mut on)
        && let Some((_, said)) = on.as_mut()
    {
        said.key_heading.push(id);
    }
    let columns = ((width / 250.0).floor() as usize).clamp(1, 3);
    let column_width = width / columns as f32;
    let text_width = column_width - KEY_DRAWING - 16.0;
    for row in entries().chunks(columns) {
        let mut tallest: f32 = 0.0;
        for (i, entry) in row.iter().enumerate() {
            let x = at.x + i as f32 * column_width;
            let lines = ink.wrapped(entry.words, text_width, SMALL);
            let height = (entry.height * KEY_SCALE).max(lines.len() as f32 * line);
            tallest = tallest.max(height);
            let Some((surface, said)) = on.as_mut() else {
                continue;
            };
            let placed = Transform::from_row(KEY_SCALE, 0.0, 0.0, KEY_SCALE, x, y);
            for path in &entry.paths {
                surface.push_transform(&placed);
                ink.link(surface, path, Role::Decoration);
                surface.pop();
            }
            if entry.paths.is_empty() {
                draw::decoration(surface, |surface| {
                    let swatches = std::iter::once([0xc8; 3])
                        .chain(map.sources.iter().take(3).map(|s| palette::source(&s.id)));
                    for (j, colour) in swatches.enumerate() {
                        draw::paint(surface, Some(draw::fill(colour)), None);
                        draw::rounded(
                            surface,
                            Rect::from_min_size(
                                pos2(x + j as f32 * 14.0, y + 2.0),
                                vec2(10.0, 8.0),
                            ),
                            2.0,
                        );
                    }
                });
            }
            let mut ids = Vec::new();
            for (n, words) in lines.iter().enumerate() {
                let run = ink.run(
                    words,
                    x + KEY_DRAWING + 8.0,
                    y + SMALL + n as f32 * line,
                    SMALL,
                );
                ids.push(ink.spoken(surface, &run, palette::text(false)));
            }
            said.key.push(ids);
        }
        y += tallest + 6.0;
    }
    if !map.sources.is_empty() {
        y += 4.0;
        if let Some(id) = heading("Sources", &mut y, &mut on)
            && let Some((_, said)) = on.as_mut()
        {
            said.sources_heading.push(id);
        }
    }
    for source in &map.sources {
        let name = source.short_name();
        let pill = ink.width(&name, SMALL) + 8.0;
        let mut about = source.title.clone();
        let byline: Vec<String> = [
            source.authors.join(", "),
            source.publication.clone(),
            source.date.clone(),
        ]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
        if !byline.is_empty() {
            about = format!("{about}. {}.", byline.join(", "));
        }
        let lines = ink.wrapped(&about, width - pill - 8.0, SMALL);
        if let Some((surface, said)) = on.as_mut() {
            let mut ids = Vec::new();
            draw::decoration(surface, |surface| {
                draw::paint(surface, Some(draw::fill(palette::source(&source.id))), None);
                draw::rounded(
                    surface,
                    Rect::from_min_size(pos2(at.x, y), vec2(pill, SMALL + 3.0)),
                    4.0,
                );
            });
            let run = ink.run(&name, at.x + 4.0, y + SMALL, SMALL);
            ids.push(ink.spoken(surface, &run, [0xff; 3]));
            for (n, words) in lines.iter().enumerate() {
                let run = ink.run(words, at.x + pill + 8.0, y + SMALL + n as f32 * line, SMALL);
                ids.push(ink.spoken(surface, &run, palette::text(false)));
            }
            said.sources.push(ids);
        }
        y += lines.len().max(1) as f32 * line + 3.0;
    }
    y - at.y
}
