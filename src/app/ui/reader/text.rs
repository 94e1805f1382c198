//! The article as the reader draws it: title and byline, the coverage
//! line, then each block (paragraph, heading, list item) laid out with its
//! marks and kept between frames while nothing it shows has changed.

use super::{Drawn, Input, Placed, Reader, coverage, marking};
use crate::analysis::coverage::Coverage;
use crate::app::document::Version;
use crate::app::ui::theme;
use crate::corpus;
use crate::model::{Block, BlockKind, ClaimId, Map, Source, SourceId};
use egui::text::CCursor;
use egui::{Align, FontId, Galley, Pos2, Rect, Sense, Ui, vec2};
use std::sync::Arc;

const BODY_SIZE: f32 = 15.0;
const HEADING_SIZE: f32 = 17.0;
/// Longest line the reader allows, for comfortable reading.
const MAX_TEXT_WIDTH: f32 = 620.0;
const ITEM_INDENT: f32 = 18.0;

/// What the laid-out blocks show; equal keys, equal blocks.
#[derive(Clone, PartialEq)]
struct LaidKey {
    version: Version,
    source: SourceId,
    selected: Option<ClaimId>,
    selection: Option<(usize, usize)>,
    find: Option<(SourceId, String)>,
    current: Option<(usize, usize)>,
    dark: bool,
    width: u32,
}

/// What the reader keeps of the article between frames.
#[derive(Default)]
pub(super) struct Cache {
    blocks: Option<(SourceId, usize, Vec<Block>)>,
    laid: Option<(LaidKey, Vec<Arc<Galley>>)>,
    covered: Option<(Version, SourceId, Coverage)>,
}

impl Cache {
    fn blocks_for(&mut self, id: &SourceId, text: &str) -> Vec<Block> {
        match &self.blocks {
            Some((cached_id, len, blocks)) if cached_id == id && *len == text.len() => {
                blocks.clone()
            }
            _ => {
                let blocks = crate::model::blocks(text);
                self.blocks = Some((id.clone(), text.len(), blocks.clone()));
                blocks
            }
        }
    }

    fn coverage(&mut self, map: &Map, version: Version, source: &Source) -> Coverage {
        match self.covered.take() {
            Some((v, id, c)) if v == version && id == source.id => c,
            _ => crate::analysis::coverage::of_source(map, source),
        }
    }
}

impl Reader {
    /// Draws the article in a scroll area; `top` scrolls it back to its title.
    pub(super) fn article(
        &mut self,
        ui: &mut Ui,
        input: &Input<'_>,
        source: &Source,
        top: bool,
        selection: Option<(usize, usize)>,
    ) -> Drawn {
        let blocks = self.cache.blocks_for(&source.id, &source.text);
        let now = ui.input(|i| i.time);
        if let Some((start, end)) = self.flash_next.take() {
            self.flash = Some((start, end, now + super::FLASH_SECONDS));
        }
        let covered = self.cache.coverage(input.map, input.version, source);
        let is_covered = |block: &Block| {
            let at = covered
                .paragraphs
                .partition_point(|p| p.start < block.start);
            covered
                .paragraphs
                .get(at)
                .is_some_and(|p| p.start == block.start && p.covered)
        };
        let flash = self.flash.filter(|f| f.2 > now);
        if flash.is_some() {
            ui.ctx().request_repaint();
        }
        let scroll_to = self.scroll_to.take();
        let mut placed = Vec::with_capacity(blocks.len());
        let mut scroll = egui::ScrollArea::vertical().id_salt("reader-scroll");
        if top {
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        let output = scroll
            .auto_shrink([false, false])
            // Dragging over the text selects it; scrolling is by wheel and scroll bar.
            .scroll_source(egui::containers::scroll_area::ScrollSource {
                scroll_bar: true,
                drag: egui::containers::scroll_area::DragScroll::Never,
                mouse_wheel: true,
            })
            .show(ui, |ui| {
                if self.autoscroll != 0.0 {
                    ui.scroll_with_delta(vec2(0.0, self.autoscroll));
                }
                // Room at the right for the coverage strip and the scroll bar over it.
                let width = (ui.available_width() - coverage::STRIP - 14.0).min(MAX_TEXT_WIDTH);
                header(ui, input.map, source, width);
                coverage::share(ui, &source.short_name(), &covered);
                ui.add_space(10.0);
                let selection = selection
                    .filter(|(a, b)| a != b)
                    .map(|(a, b)| (a.min(b), a.max(b)));
                let find = &input.view.find;
                let current = find
                    .current(self.matches.found.len())
                    .map(|i| self.matches.found[i]);
                let key = LaidKey {
                    version: input.version,
                    source: source.id.clone(),
                    selected: input.selected_claim,
                    selection,
                    find: self.matches.computed_for.clone(),
                    current,
                    dark: ui.visuals().dark_mode,
                    width: width.to_bits(),
                };
                // A flash changes every frame: its blocks are not kept.
                let galleys = match self.cache.laid.take() {
                    Some((k, galleys))
                        if flash.is_none() && k == key && galleys.len() == blocks.len() =>
                    {
                        galleys
                    }
                    _ => {
                        let highlights = marking::Highlights::of(
                            input.map,
                            &source.id,
                            input.selected_claim,
                            key.dark,
                        );
                        let marks = marking::Marks {
                            selection,
                            highlights: &highlights,
                            matches: &self.matches.found,
                            current,
                            flash: flash
                                .map(|f| (f.0, f.1, ((f.2 - now) / super::FLASH_SECONDS) as f32)),
                        };
                        lay_out(ui, &source.text, &blocks, &marks, width)
                    }
                };
                for (block, galley) in blocks.iter().zip(&galleys) {
                    placed.push(place_block(
                        ui,
                        block,
                        galley.clone(),
                        width,
                        is_covered(block),
                        &source.id,
                        scroll_to,
                    ));
                }
                if flash.is_none() {
                    self.cache.laid = Some((key, galleys));
                }
            });
        let view = output.inner_rect;
        let text_area = Rect::from_min_max(
            view.min,
            egui::pos2(
                (view.max.x - 14.0 - coverage::STRIP).min(view.min.x + MAX_TEXT_WIDTH),
                view.max.y,
            ),
        );
        self.offset = output.state.clamped_offset().y;
        let content_top = view.top() - self.offset;
        let height = output.content_size.y.max(1.0);
        let marks = placed
            .iter()
            .filter(|p| p.block.kind != BlockKind::Heading)
            .map(|p| coverage::Mark {
                span: (p.block.start, p.block.end),
                covered: is_covered(&p.block),
                from: (p.origin.y - content_top) / height,
                to: (p.origin.y + p.galley.size().y - content_top) / height,
            })
            .collect();
        self.placed = placed;
        self.cache.covered = Some((input.version, source.id.clone(), covered));
        Drawn {
            text_area,
            view,
            strip: Rect::from_min_max(
                egui::pos2(view.max.x - 14.0 - coverage::STRIP + 2.0, view.min.y + 4.0),
                egui::pos2(view.max.x - 15.0, view.max.y - 4.0),
            ),
            marks,
        }
    }
}

/// Every block of the article laid out with its marks, `width` wide.
fn lay_out(
    ui: &Ui,
    text: &str,
    blocks: &[Block],
    marks: &marking::Marks<'_>,
    width: f32,
) -> Vec<Arc<Galley>> {
    let dark = ui.visuals().dark_mode;
    blocks
        .iter()
        .map(|block| {
            let (indent, size) = block_style(block);
            let job = marking::block_job(text, block, marks, size, width - indent, dark);
            ui.painter().layout_job(job)
        })
        .collect()
}

/// Draws one laid-out block in the scroll area and says where it went;
/// scrolls to it if it holds `scroll_to`'s start.
fn place_block(
    ui: &mut Ui,
    block: &Block,
    galley: Arc<Galley>,
    width: f32,
    covered: bool,
    source: &SourceId,
    scroll_to: Option<(usize, usize)>,
) -> Placed {
    let dark = ui.visuals().dark_mode;
    let (indent, _) = block_style(block);
    if block.kind == BlockKind::Heading {
        ui.add_space(8.0);
    }
    let (rect, _) = ui.allocate_exact_size(vec2(width, galley.size().y), Sense::hover());
    let origin = rect.min + vec2(indent, 0.0);
    if ui.is_rect_visible(rect) {
        if block.kind == BlockKind::Item {
            ui.painter().text(
                rect.min + vec2(4.0, 0.0),
                egui::Align2::LEFT_TOP,
                "•",
                FontId::proportional(BODY_SIZE),
                theme::text_colour(dark),
            );
        }
        ui.painter()
            .galley(origin, galley.clone(), theme::text_colour(dark));
        if block.kind != BlockKind::Heading {
            coverage::margin_mark(ui, rect, covered, source);
        }
    }
    if let Some((start, _)) = scroll_to
        && block.start <= start
        && start <= block.end
    {
        let at = galley.pos_from_cursor(CCursor::new(char_index(
            first_text(&galley),
            start - block.start,
        )));
        ui.scroll_to_rect(
            at.translate(origin.to_vec2()).expand(40.0),
            Some(Align::Center),
        );
    }
    ui.add_space(if block.kind == BlockKind::Heading {
        4.0
    } else {
        10.0
    });
    Placed {
        block: *block,
        galley,
        origin,
    }
}

fn header(ui: &mut Ui, map: &Map, source: &Source, width: f32) {
    ui.set_max_width(width);
    ui.add(egui::Label::new(egui::RichText::new(&source.title).size(20.0).strong()).wrap());
    let mut byline = source.authors.join(" and ");
    for part in [&source.publication, &source.date] {
        if !part.is_empty() {
            if !byline.is_empty() {
                byline.push_str(" · ");
            }
            byline.push_str(part);
        }
    }
    ui.add(egui::Label::new(egui::RichText::new(byline).size(13.0)).wrap());
    if !source.stance.is_empty() {
        ui.add(
            egui::Label::new(
                egui::RichText::new(&source.stance)
                    .italics()
                    .size(13.0)
                    .weak(),
            )
            .wrap(),
        );
    }
    let own_copy = map
        .source(&source.id)
        .is_some_and(|s| corpus::article(&s.id).is_some() && !corpus::is_bundled(s));
    if own_copy {
        ui.add(
            egui::Label::new(
                egui::RichText::new(
                    "This map carries its own copy of this article, which differs from the bundled one.",
                )
                .small()
                .weak(),
            )
            .wrap(),
        );
    }
}

/// A block's indent and text size.
fn block_style(block: &Block) -> (f32, f32) {
    match block.kind {
        BlockKind::Item => (ITEM_INDENT, BODY_SIZE),
        BlockKind::Heading => (0.0, HEADING_SIZE),
        BlockKind::Paragraph => (0.0, BODY_SIZE),
    }
}

pub(super) fn first_text(galley: &Galley) -> &str {
    galley.job.text.as_str()
}

/// Character index of a byte offset into `text` (clamped to the text).
pub(super) fn char_index(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|(b, _)| *b < byte).count()
}

pub(super) fn vertical_distance(placed: &Placed, pos: Pos2) -> f32 {
    let rect = placed.galley.rect.translate(placed.origin.to_vec2());
    if pos.y < rect.top() {
        rect.top() - pos.y
    } else if pos.y > rect.bottom() {
        pos.y - rect.bottom()
    } else {
        0.0
    }
}
