//! Printed maps and slides as PDF: vector drawing with real, searchable
//! text (the canvas's font embedded, only the glyphs used), tagged for
//! screen readers and checked against PDF/UA-1 as it is written.
//! [`handout`] prints a map with a key and its sources, on one page or
//! tiled across several; [`slides`] makes one 16:9 page per step of the
//! presentation.

mod draw;
pub mod handout;
pub mod slides;

use super::ExportError;
pub use super::Paper;
use super::scene::Scene;
use crate::render::geometry::BADGE_RADIUS;
use egui::{Pos2, Rect};
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::geom::Transform;
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::tagging::{Identifier, ListNumbering, Node, Tag, TagGroup, TagTree};
use krilla::{Document, SerializeSettings};
use std::num::NonZeroU16;

/// Room around everything on a page, in points.
const MARGIN: f32 = 36.0;
/// Page furniture's colour: headers, footers, captions.
const GREY: crate::render::palette::Rgb = [0x60; 3];

/// A document that says what it is, in English, and is tagged for screen
/// readers; PDF/UA-1 is checked when it is finished.
fn document() -> Result<Document, ExportError> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))?;
    Ok(Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    }))
}

/// Finishes `document`: its title, its bookmarks (`marks`: a name and the
/// page it opens, from 0) and its structure.
fn finish(
    mut document: Document,
    title: &str,
    marks: Vec<(String, usize)>,
    tags: TagTree,
) -> Result<Vec<u8>, ExportError> {
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language("en".to_owned())
            .creator("Argmap".to_owned()),
    );
    let mut outline = Outline::new();
    for (name, page) in marks {
        outline.push_child(OutlineNode::new(
            name,
            krilla::destination::XyzDestination::new(page, krilla::geom::Point::from_xy(0.0, 0.0)),
        ));
    }
    document.set_outline(outline);
    document.set_tag_tree(tags.with_lang(Some("en".to_owned())));
    document
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

/// A map's title, or what to call a map without one.
fn title_of(map: &crate::model::Map) -> &str {
    if map.title.trim().is_empty() {
        "Argument map"
    } else {
        map.title.trim()
    }
}

/// Where the map goes on a page, and at what size.
#[derive(Clone, Copy)]
pub(crate) struct Placed {
    /// The page's room for the map.
    pub rect: Rect,
    /// Points per canvas unit.
    pub scale: f32,
    /// The map point at the room's top left.
    pub origin: Pos2,
}

impl Placed {
    pub fn transform(&self) -> Transform {
        Transform::from_row(
            self.scale,
            0.0,
            0.0,
            self.scale,
            self.rect.min.x - self.origin.x * self.scale,
            self.rect.min.y - self.origin.y * self.scale,
        )
    }
}

/// The map's extent with room for strokes and badges at its edges.
fn extent(scene: &Scene<'_>) -> Rect {
    scene.bounds.expand(2.0 * BADGE_RADIUS)
}

/// `extent` fitted into `rect`, centred, no larger than `most` points a unit.
fn fitted(extent: Rect, rect: Rect, most: f32) -> Placed {
    let scale = (rect.width() / extent.width())
        .min(rect.height() / extent.height())
        .min(most)
        .max(1e-4);
    let spare = rect.size() / scale - extent.size();
    Placed {
        rect,
        scale,
        origin: extent.min - spare / 2.0,
    }
}

/// A piece of the document's structure holding the spans `ids`.
pub(super) fn group(tag: impl Into<krilla::tagging::TagKind>, ids: &[Identifier]) -> TagGroup {
    TagGroup::with_children(tag, ids.iter().map(|&id| Node::from(id)).collect())
}

/// A heading: its level, its words (which PDF/UA asks for as its title)
/// and the spans that draw them.
pub(super) fn heading(level: u16, title: &str, ids: &[Identifier]) -> TagGroup {
    group(
        Tag::Hn(
            NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN),
            Some(title.to_owned()),
        ),
        ids,
    )
}

pub(super) fn list(items: &[Vec<Identifier>]) -> TagGroup {
    let mut list = TagGroup::new(Tag::L(ListNumbering::None));
    for item in items {
        let mut li = TagGroup::new(Tag::LI);
        li.push(group(Tag::LBody, item));
        list.push(li);
    }
    list
}
