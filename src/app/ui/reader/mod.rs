//! The reader: one article at a time, with find, highlights of passages
//! already on the map, and text selection that can be dragged onto the canvas.

pub mod blocks;
mod coverage;
mod marking;

use super::theme;
use crate::app::actions::Action;
use crate::app::edits::{self, Passage};
use crate::corpus;
use crate::model::{ClaimId, Map, SourceId, excerpt};
use blocks::{Block, BlockKind};
use egui::text::CCursor;
use egui::{Align, FontId, Galley, Id, Key, Pos2, Rect, Sense, Stroke, Ui, WidgetInfo, vec2};
use std::sync::Arc;

const BODY_SIZE: f32 = 15.0;
const HEADING_SIZE: f32 = 17.0;
/// Longest line the reader allows, for comfortable reading.
const MAX_TEXT_WIDTH: f32 = 620.0;
const ITEM_INDENT: f32 = 18.0;
/// How long "Show in article" flashes the passage.
const FLASH_SECONDS: f64 = 1.6;

#[derive(Default)]
pub struct Find {
    pub open: bool,
    pub query: String,
    matches: Vec<(usize, usize)>,
    /// Source and query the matches were computed for.
    computed_for: Option<(SourceId, String)>,
    pub current: usize,
    focus: bool,
    /// The field had the keyboard last frame (so Escape was meant for it).
    had_focus: bool,
}

/// What the laid-out blocks show; equal keys, equal blocks.
#[derive(Clone, PartialEq)]
struct LaidKey {
    version: (u64, u64),
    source: SourceId,
    selected: Option<ClaimId>,
    selection: Option<(usize, usize)>,
    find: Option<(SourceId, String)>,
    current: Option<(usize, usize)>,
    dark: bool,
    width: u32,
}

/// One laid-out block from the last frame: where it was drawn.
struct Placed {
    block: Block,
    galley: Arc<Galley>,
    origin: Pos2,
}

#[derive(Default)]
pub struct Reader {
    pub source: Option<SourceId>,
    /// Selected bytes as (anchor, focus); the order shows the drag direction.
    selection: Option<(usize, usize)>,
    /// The selection as it was when last reported, to notice a new one.
    reported: Option<(usize, usize)>,
    selecting: bool,
    /// Pointer pressed inside the selection: it may become a drag onto the canvas.
    press_in_selection: Option<Pos2>,
    pub find: Find,
    scroll_to: Option<(usize, usize)>,
    /// A passage to flash, once the next frame says what time it is.
    flash_next: Option<(usize, usize)>,
    flash: Option<(usize, usize, f64)>,
    placed: Vec<Placed>,
    blocks: Option<(SourceId, usize, Vec<Block>)>,
    /// How far to scroll next frame while a selection is dragged past an edge.
    autoscroll: f32,
    /// Scroll back to the top on the next frame (another article opened).
    to_top: bool,
    /// How far down the article the view was scrolled last frame.
    offset: f32,
    /// The blocks as last laid out, kept while what they show is unchanged.
    laid: Option<(LaidKey, Vec<Arc<Galley>>)>,
    /// The article's coverage, for the map state it was worked out for.
    covered: Option<((u64, u64), SourceId, crate::analysis::coverage::Coverage)>,
}

impl Reader {
    /// The selected span, in text order, if it is not empty.
    pub fn selected_span(&self) -> Option<(usize, usize)> {
        let (a, b) = self.selection?;
        (a != b).then(|| (a.min(b), a.max(b)))
    }

    pub fn selected_passage(&self) -> Option<Passage> {
        let (start, end) = self.selected_span()?;
        Some(Passage {
            source: self.source.clone()?,
            start,
            end,
        })
    }

    pub fn open(&mut self, source: SourceId) {
        if self.source.as_ref() != Some(&source) {
            self.source = Some(source);
            self.selection = None;
            self.press_in_selection = None;
            self.placed.clear();
            // A new article opens at its title, not where the last one was.
            self.to_top = true;
        }
    }

    /// Opens the source and scrolls to the span, flashing it.
    pub fn show_passage(&mut self, source: SourceId, start: usize, end: usize) {
        self.open(source);
        self.scroll_to = Some((start, end));
        self.flash_next = Some((start, end));
    }

    /// Whether the find field had the keyboard last frame: its Escape closes
    /// find rather than clearing the selection.
    /// How far down the article the reader is scrolled, in points.
    pub fn scroll_offset(&self) -> f32 {
        self.offset
    }

    pub fn find_has_focus(&self) -> bool {
        self.find.open && self.find.had_focus
    }

    /// Nothing selected in the article.
    pub fn clear_selection(&mut self) {
        self.selection = None;
        self.press_in_selection = None;
    }

    pub fn open_find(&mut self) {
        self.find.open = true;
        self.find.focus = true;
    }

    pub fn find_step(&mut self, forward: bool) {
        let n = self.find.matches.len();
        if n == 0 {
            return;
        }
        self.find.current = if forward {
            (self.find.current + 1) % n
        } else {
            (self.find.current + n - 1) % n
        };
        self.scroll_to = Some(self.find.matches[self.find.current]);
    }

    /// Where the text cursor before byte `at` was drawn last frame (the middle
    /// of its line), if that part of the text was laid out. Tests use it to
    /// point at a passage.
    pub fn cursor_point(&self, at: usize) -> Option<Pos2> {
        let placed = self
            .placed
            .iter()
            .find(|p| p.block.start <= at && at <= p.block.end)?;
        let index = char_index(first_text(&placed.galley), at - placed.block.start);
        let rect = placed.galley.pos_from_cursor(CCursor::new(index));
        Some(rect.center() + placed.origin.to_vec2())
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        version: (u64, u64),
        selected_claim: Option<ClaimId>,
        actions: &mut Vec<Action>,
    ) {
        let dark = ui.visuals().dark_mode;
        self.picker(ui, map, actions);

        let Some(source) = self
            .source
            .as_ref()
            .and_then(|id| edits::source_for(map, id))
        else {
            ui.add_space(20.0);
            ui.label("Pick an article above to read it.");
            return;
        };
        if self.find.open {
            self.find_bar(ui, &source.id, &source.text);
        }
        ui.separator();
        let blocks = self.blocks_for(&source.id, &source.text);
        let now = ui.input(|i| i.time);
        if let Some((start, end)) = self.flash_next.take() {
            self.flash = Some((start, end, now + FLASH_SECONDS));
        }
        let covered = match self.covered.take() {
            Some((v, id, c)) if v == version && id == source.id => c,
            _ => crate::analysis::coverage::of_source(map, source),
        };
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
        if std::mem::take(&mut self.to_top) {
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

                header(ui, map, source, width);
                coverage::share(ui, &source.short_name(), &covered);
                ui.add_space(10.0);
                let selection = self.selected_span();
                let current = self.find.matches.get(self.find.current).copied();
                let key = LaidKey {
                    version,
                    source: source.id.clone(),
                    selected: selected_claim,
                    selection,
                    find: self.find.computed_for.clone(),
                    current,
                    dark,
                    width: width.to_bits(),
                };
                // A flash changes every frame: its blocks are not kept.
                let galleys = match self.laid.take() {
                    Some((k, galleys))
                        if flash.is_none() && k == key && galleys.len() == blocks.len() =>
                    {
                        galleys
                    }
                    _ => {
                        let highlights =
                            marking::Highlights::of(map, &source.id, selected_claim, dark);
                        let marks = marking::Marks {
                            selection,
                            highlights: &highlights,
                            matches: &self.find.matches,
                            current,
                            flash: flash.map(|f| (f.0, f.1, ((f.2 - now) / FLASH_SECONDS) as f32)),
                        };
                        blocks
                            .iter()
                            .map(|block| {
                                let (indent, size) = block_style(block);
                                let job = marking::block_job(
                                    &source.text,
                                    block,
                                    &marks,
                                    size,
                                    width - indent,
                                    dark,
                                );
                                ui.painter().layout_job(job)
                            })
                            .collect()
                    }
                };
                for (block, galley) in blocks.iter().zip(&galleys) {
                    let galley = galley.clone();
                    let (indent, _) = block_style(block);
                    if block.kind == BlockKind::Heading {
                        ui.add_space(8.0);
                    }
                    let (rect, _) =
                        ui.allocate_exact_size(vec2(width, galley.size().y), Sense::hover());
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
                            coverage::margin_mark(ui, rect, is_covered(block), &source.id);
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
                    placed.push(Placed {
                        block: *block,
                        galley,
                        origin,
                    });
                    ui.add_space(if block.kind == BlockKind::Heading {
                        4.0
                    } else {
                        10.0
                    });
                }
                if flash.is_none() {
                    self.laid = Some((key, galleys));
                }
            });
        // The visible text column, leaving the coverage strip and the scroll
        // bar at the right edge alone.
        let view = output.inner_rect;
        let area = Rect::from_min_max(
            view.min,
            egui::pos2(
                (view.max.x - 14.0 - coverage::STRIP).min(view.min.x + MAX_TEXT_WIDTH),
                view.max.y,
            ),
        );
        self.offset = output.state.clamped_offset().y;
        let content_top = view.top() - self.offset;
        let height = output.content_size.y.max(1.0);
        let marks: Vec<coverage::Mark> = placed
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
        let response = ui.interact(
            area,
            ui.scope_id().with("reader-text"),
            Sense::click_and_drag(),
        );
        response.widget_info(|| {
            WidgetInfo::labeled(
                egui::Role::Document,
                true,
                format!("Article text: {}", source.title),
            )
        });
        self.pointer(ui, &response, map, source, output.inner_rect, actions);
        let strip = Rect::from_min_max(
            egui::pos2(view.max.x - 14.0 - coverage::STRIP + 2.0, view.min.y + 4.0),
            egui::pos2(view.max.x - 15.0, view.max.y - 4.0),
        );
        if let Some(span) = coverage::strip(ui, strip, &marks, &source.id) {
            self.scroll_to = Some(span);
        }
        self.drag_preview(ui, &source.text, dark);
        self.covered = Some((version, source.id.clone(), covered));
        // A passage picked after the claims on the map is what Copy takes.
        if self.selection != self.reported {
            if self.selected_span().is_some() {
                actions.push(Action::PassagePicked);
            }
            self.reported = self.selection;
        }
    }

    fn picker(&mut self, ui: &mut Ui, map: &Map, actions: &mut Vec<Action>) {
        // Right to left, so the buttons keep their place and the list takes
        // what is left; nothing here may ask for more width than the panel has,
        // or the panel would grow every frame.
        let row = egui::Layout::right_to_left(Align::Center);
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), ui.spacing().interact_size.y),
            row,
            |ui| {
                if ui
                    .button("Add…")
                    .on_hover_text("Add source… (import a text or Markdown file)")
                    .clicked()
                {
                    actions.push(Action::Command(super::Command::AddSource));
                }
                if ui
                    .button("Find")
                    .on_hover_text("Find in article (Ctrl+F)")
                    .clicked()
                {
                    self.open_find();
                }
                let current = self
                    .source
                    .as_ref()
                    .and_then(|id| edits::source_for(map, id))
                    .map_or_else(|| "Choose an article".to_owned(), source_name);
                let mut chosen = None;
                // A combo box grows to fit its text, so the text is cut to the room there is.
                let width = (ui.available_width() - 70.0).max(80.0);
                let room = ((width - 30.0) / 7.5).max(8.0) as usize;
                egui::ComboBox::from_label("Article")
                    .selected_text(excerpt(&current, room))
                    .width(width)
                    .show_ui(ui, |ui| {
                        let in_map: Vec<_> = map.sources.iter().collect();
                        if !in_map.is_empty() {
                            ui.label(egui::RichText::new("In this map").small().weak());
                            for source in &in_map {
                                if ui
                                    .selectable_label(
                                        self.source.as_ref() == Some(&source.id),
                                        source_name(source),
                                    )
                                    .clicked()
                                {
                                    chosen = Some(source.id.clone());
                                }
                            }
                        }
                        let bundled: Vec<_> = corpus::articles()
                            .iter()
                            .filter(|a| map.source(&a.id).is_none())
                            .collect();
                        if !bundled.is_empty() {
                            ui.label(egui::RichText::new("Bundled articles").small().weak());
                            for article in bundled {
                                if ui
                                    .selectable_label(
                                        self.source.as_ref() == Some(&article.id),
                                        source_name(article),
                                    )
                                    .clicked()
                                {
                                    chosen = Some(article.id.clone());
                                }
                            }
                        }
                    });
                if let Some(id) = chosen {
                    self.open(id);
                }
            },
        );
    }

    fn find_bar(&mut self, ui: &mut Ui, source: &SourceId, text: &str) {
        let key = (source.clone(), self.find.query.clone());
        if self.find.computed_for.as_ref() != Some(&key) {
            self.find.matches = blocks::find_all(text, &self.find.query);
            self.find.current = 0;
            self.find.computed_for = Some(key);
            self.scroll_to = self.find.matches.first().copied();
        }
        ui.horizontal(|ui| {
            // Escape in the field closes find. egui takes the focus from the
            // field as the frame begins, so what counts is the last frame's.
            let escaped = self.find.had_focus && ui.input(|i| i.key_pressed(Key::Escape));
            let edit = egui::TextEdit::singleline(&mut self.find.query)
                .hint_text("Find in article")
                .desired_width((ui.available_width() - 230.0).max(60.0));
            let response = ui.add(edit);
            response.widget_info(|| {
                WidgetInfo::labeled(egui::Role::TextInput, true, "Find in article")
            });
            self.find.had_focus = response.has_focus();
            if self.find.focus {
                response.request_focus();
                self.find.focus = false;
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                self.find_step(!back);
                response.request_focus();
            }
            let n = self.find.matches.len();
            let label = if n == 0 {
                "no matches".to_owned()
            } else {
                format!("{} of {n}", self.find.current + 1)
            };
            ui.label(label);
            if ui
                .button("Previous")
                .on_hover_text("Previous match (Shift+F3)")
                .clicked()
            {
                self.find_step(false);
            }
            if ui.button("Next").on_hover_text("Next match (F3)").clicked() {
                self.find_step(true);
            }
            if ui
                .button("×")
                .on_hover_text("Close find (Escape)")
                .clicked()
                || escaped
            {
                self.find = Find::default();
            }
        });
    }

    fn blocks_for(&mut self, id: &SourceId, text: &str) -> Vec<Block> {
        match &self.blocks {
            Some((cached_id, len, blocks)) if cached_id == id && *len == text.len() => {
                blocks.clone()
            }
            _ => {
                let blocks = blocks::blocks(text);
                self.blocks = Some((id.clone(), text.len(), blocks.clone()));
                blocks
            }
        }
    }

    /// The byte offset under `pos`, or the nearest one in the text column.
    fn hit(&self, pos: Pos2) -> Option<usize> {
        let placed = self
            .placed
            .iter()
            .min_by(|a, b| vertical_distance(a, pos).total_cmp(&vertical_distance(b, pos)))?;
        let text = first_text(&placed.galley);
        let cursor = placed.galley.cursor_from_pos(pos - placed.origin);
        let byte = text
            .char_indices()
            .nth(cursor.index.0)
            .map_or(text.len(), |(b, _)| b);
        Some(placed.block.start + byte)
    }

    fn pointer(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        map: &Map,
        source: &crate::model::Source,
        view: Rect,
        actions: &mut Vec<Action>,
    ) {
        let (pressed, down, released, shift, pos) = ui.input(|i| {
            (
                i.pointer.primary_pressed(),
                i.pointer.primary_down(),
                i.pointer.primary_released(),
                i.modifiers.shift,
                i.pointer.interact_pos(),
            )
        });
        let Some(pos) = pos else { return };
        let over = response.contains_pointer();
        if pressed && over {
            let Some(at) = self.hit(pos) else { return };
            let inside = self.selected_span().is_some_and(|(s, e)| s <= at && at < e);
            if inside && !shift {
                self.press_in_selection = Some(pos);
            } else if shift && self.selection.is_some() {
                if let Some((anchor, _)) = self.selection {
                    self.selection = Some((anchor, at));
                }
                self.selecting = true;
            } else {
                self.selection = Some((at, at));
                self.selecting = true;
            }
        }
        if response.double_clicked()
            && let Some(at) = self.hit(pos)
        {
            let (s, e) = blocks::word_at(&source.text, at);
            self.selection = Some((s, e));
            self.selecting = false;
        }
        if down && self.selecting {
            if let Some(at) = self.hit(pos)
                && let Some((anchor, _)) = self.selection
            {
                self.selection = Some((anchor, at));
            }
            // Scroll while selecting past the top or bottom edge (applied
            // inside the scroll area on the next frame).
            self.autoscroll = if pos.y < view.top() + 10.0 {
                12.0
            } else if pos.y > view.bottom() - 10.0 {
                -12.0
            } else {
                0.0
            };
            if self.autoscroll != 0.0 {
                ui.ctx().request_repaint();
            }
        } else {
            self.autoscroll = 0.0;
        }
        if down
            && let Some(start) = self.press_in_selection
            && start.distance(pos) > 6.0
        {
            if let Some(passage) = self.selected_passage() {
                egui::DragAndDrop::set_payload(ui.ctx(), passage);
            }
            self.press_in_selection = None;
        }
        if released {
            let clicked_in_place = self.press_in_selection.take().is_some();
            let was_selecting = std::mem::take(&mut self.selecting);
            // A dragged selection ends on whole words, keeping its direction.
            if was_selecting
                && let Some((anchor, focus)) = self.selection
                && anchor != focus
            {
                let (start, end) =
                    blocks::snap_to_words(&source.text, anchor.min(focus), anchor.max(focus));
                self.selection = Some(if anchor <= focus {
                    (start, end)
                } else {
                    (end, start)
                });
            }
            let empty = self.selected_span().is_none();
            if clicked_in_place || (was_selecting && empty) {
                // A click, not a drag: it leaves a caret that Shift+click can
                // extend from, and on a passage already mapped selects its claim.
                if let Some(at) = over.then(|| self.hit(pos)).flatten() {
                    self.selection = Some((at, at));
                    if let Some(claim) = claim_at(map, &source.id, at) {
                        actions.push(Action::GoToClaim(claim));
                    }
                }
            }
        }
        if over
            && !down
            && let Some(at) = self.hit(pos)
            && let Some(claim) = claim_at(map, &source.id, at).and_then(|id| map.claim(id))
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response
                .clone()
                .on_hover_text_at_pointer(format!("On the map: {}", excerpt(&claim.text, 90)));
        }
        if over
            && self.selected_span().is_some()
            && !down
            && let Some(at) = self.hit(pos)
            && self.selected_span().is_some_and(|(s, e)| s <= at && at < e)
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
        }
    }

    /// While a passage is dragged, a small card follows the pointer.
    fn drag_preview(&self, ui: &Ui, text: &str, dark: bool) {
        let Some(passage) = egui::DragAndDrop::payload::<Passage>(ui.ctx()) else {
            return;
        };
        let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) else {
            return;
        };
        let quote = text.get(passage.start..passage.end).unwrap_or_default();
        egui::Area::new(Id::unique("argmap-quote-preview"))
            .order(egui::Order::Tooltip)
            .fixed_pos(pointer + vec2(14.0, 10.0))
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style())
                    .fill(theme::card_fill(dark).gamma_multiply(0.95))
                    .stroke(Stroke::new(2.0, theme::selection_colour(dark)))
                    .show(ui, |ui| {
                        ui.set_max_width(220.0);
                        ui.label(egui::RichText::new(excerpt(quote, 140)).size(13.0));
                    });
            });
    }
}

fn source_name(source: &crate::model::Source) -> String {
    if source.authors.is_empty() {
        source.title.clone()
    } else {
        format!("{}: {}", source.short_name(), source.title)
    }
}

fn header(ui: &mut Ui, map: &Map, source: &crate::model::Source, width: f32) {
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
        ui.label(egui::RichText::new("This map carries its own copy of this article, which differs from the bundled one.").small().weak());
    }
}

/// Byte ranges of passages quoted by claims, with their claim and colour.
/// The claim whose quote covers byte `at` (the shortest, if several overlap).
fn claim_at(map: &Map, source: &SourceId, at: usize) -> Option<ClaimId> {
    map.claims
        .iter()
        .filter_map(|c| {
            let q = c.quote.as_ref()?;
            (&q.source == source && q.start <= at && at < q.end).then_some((q.end - q.start, c.id))
        })
        .min()
        .map(|(_, id)| id)
}

/// A block's indent and text size.
fn block_style(block: &Block) -> (f32, f32) {
    match block.kind {
        BlockKind::Item => (ITEM_INDENT, BODY_SIZE),
        BlockKind::Heading => (0.0, HEADING_SIZE),
        BlockKind::Paragraph => (0.0, BODY_SIZE),
    }
}

fn first_text(galley: &Galley) -> &str {
    galley.job.text.as_str()
}

/// Character index of a byte offset into `text` (clamped to the text).
fn char_index(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|(b, _)| *b < byte).count()
}

fn vertical_distance(placed: &Placed, pos: Pos2) -> f32 {
    let rect = placed.galley.rect.translate(placed.origin.to_vec2());
    if pos.y < rect.top() {
        rect.top() - pos.y
    } else if pos.y > rect.bottom() {
        pos.y - rect.bottom()
    } else {
        0.0
    }
}
