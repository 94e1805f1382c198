//! The reader: one article at a time, with find, highlights of passages
//! already on the map, coverage marks, and text selection that can be
//! dragged onto the canvas. Which article is open, its find and its
//! selection are view state (`ReaderView`); the reader keeps only what a
//! widget keeps: scrolling, a gesture under way, the text as laid out.
//!
//! Its parts: `toolbar` (the article picker and the find bar), `text`
//! (laying out and drawing the article), `pointer` (selecting with the
//! pointer), `keyboard` (selecting with the keys alone), `marking` (what
//! the text is tinted with) and `coverage`.

mod coverage;
mod keyboard;
mod marking;
mod pointer;
mod text;
mod toolbar;

use crate::analysis::passages;
use crate::app::actions::Action;
use crate::app::document::Version;
use crate::app::edit_builders;
use crate::app::view::{ReaderView, ViewRequest};
use crate::model::{Block, ClaimId, Map, SourceId};
use egui::text::CCursor;
use egui::{Galley, Pos2, Rect, Sense, Ui, WidgetInfo};
use std::sync::Arc;
pub use toolbar::article_for;

/// How long "Show in article" flashes the passage.
const FLASH_SECONDS: f64 = 1.6;

/// What the reader reads this frame.
pub struct Input<'a> {
    pub map: &'a Map,
    pub version: Version,
    pub view: &'a ReaderView,
    /// The claim selected on the map, whose passage shows stronger.
    pub selected_claim: Option<ClaimId>,
}

/// One laid-out block from the last frame: where it was drawn.
struct Placed {
    block: Block,
    galley: Arc<Galley>,
    origin: Pos2,
}

/// Find's matches in the open article, for the words they were found for.
#[derive(Default)]
struct Matches {
    found: Vec<(usize, usize)>,
    computed_for: Option<(SourceId, String)>,
    /// The match last scrolled to: (words, step).
    shown: Option<(String, isize)>,
}

#[derive(Default)]
pub struct Reader {
    /// The article drawn last frame: another one opens at its top.
    drawn: Option<SourceId>,
    selecting: bool,
    /// Pointer pressed inside the selection: it may become a drag onto the canvas.
    press_in_selection: Option<Pos2>,
    matches: Matches,
    find_had_focus: bool,
    /// The article's text had the keyboard last frame.
    text_had_focus: bool,
    /// The find field is to take the keyboard.
    focus_find: bool,
    scroll_to: Option<(usize, usize)>,
    /// A passage to flash, once the next frame says what time it is.
    flash_next: Option<(usize, usize)>,
    flash: Option<(usize, usize, f64)>,
    placed: Vec<Placed>,
    /// How far to scroll next frame while a selection is dragged past an edge.
    autoscroll: f32,
    /// How far down the article the view was scrolled last frame.
    offset: f32,
    cache: text::Cache,
}

impl Reader {
    /// How far down the article the reader is scrolled, in points.
    pub fn scroll_offset(&self) -> f32 {
        self.offset
    }

    /// Whether the find field had the keyboard last frame.
    pub fn find_has_focus(&self) -> bool {
        self.find_had_focus
    }

    /// Where the text cursor before byte `at` was drawn last frame (the middle
    /// of its line), if that part of the text was laid out. Tests use it to
    /// point at a passage.
    pub fn cursor_point(&self, at: usize) -> Option<Pos2> {
        let placed = self
            .placed
            .iter()
            .find(|p| p.block.start <= at && at <= p.block.end)?;
        let index = text::char_index(text::first_text(&placed.galley), at - placed.block.start);
        let rect = placed.galley.pos_from_cursor(CCursor::new(index));
        Some(rect.center() + placed.origin.to_vec2())
    }

    fn take_requests(&mut self, requests: &[ViewRequest]) {
        for request in requests {
            match request {
                ViewRequest::ShowPassage { start, end } => {
                    self.scroll_to = Some((*start, *end));
                    self.flash_next = Some((*start, *end));
                }
                ViewRequest::ScrollReader { start, end } => self.scroll_to = Some((*start, *end)),
                ViewRequest::FocusFind => self.focus_find = true,
                _ => {}
            }
        }
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        input: &Input<'_>,
        requests: &[ViewRequest],
        actions: &mut Vec<Action>,
    ) {
        self.take_requests(requests);
        self.picker(ui, input, actions);
        let map = input.map;
        let Some(source) = input
            .view
            .article
            .as_ref()
            .and_then(|id| edit_builders::source_for(map, id))
        else {
            ui.add_space(20.0);
            ui.label("Pick an article above to read it.");
            return;
        };
        let top = self.drawn.as_ref() != Some(&source.id);
        if top {
            self.drawn = Some(source.id.clone());
            self.placed.clear();
            self.press_in_selection = None;
        }
        let matches = self.find_matches(input, source);
        if input.view.find.open {
            self.find_bar(ui, input, matches, actions);
        } else {
            self.find_had_focus = false;
        }
        ui.separator();
        let mut selection = input.view.selection;
        let drawn = self.article(ui, input, source, top, selection);
        let response = ui.interact(
            drawn.text_area,
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
        self.pointer(
            ui,
            &response,
            (map, source),
            drawn.view,
            &mut selection,
            actions,
        );
        self.keyboard(ui, &response, source, &mut selection);
        if let Some(span) = coverage::strip(ui, drawn.strip, &drawn.marks, &source.id) {
            self.scroll_to = Some(span);
        }
        self.drag_preview(ui, &source.text);
        if selection != input.view.selection {
            actions.push(Action::SelectPassage(selection));
        }
    }

    /// Works out find's matches when the words or the article changed, and
    /// scrolls to the match on show when it changed.
    fn find_matches(&mut self, input: &Input<'_>, source: &crate::model::Source) -> usize {
        let find = &input.view.find;
        let key = (source.id.clone(), find.query.clone());
        if self.matches.computed_for.as_ref() != Some(&key) {
            self.matches.found = if find.open {
                passages::find_all(&source.text, &find.query)
            } else {
                Vec::new()
            };
            self.matches.computed_for = Some(key);
            self.matches.shown = None;
        }
        let n = self.matches.found.len();
        let now = (find.query.clone(), find.step);
        if find.open && self.matches.shown.as_ref() != Some(&now) {
            if let Some(at) = find.current(n) {
                self.scroll_to = Some(self.matches.found[at]);
            }
            self.matches.shown = Some(now);
        }
        n
    }

    /// The byte offset under `pos`, or the nearest one in the text column.
    fn hit(&self, pos: Pos2) -> Option<usize> {
        let placed = self.placed.iter().min_by(|a, b| {
            text::vertical_distance(a, pos).total_cmp(&text::vertical_distance(b, pos))
        })?;
        let text = text::first_text(&placed.galley);
        let cursor = placed.galley.cursor_from_pos(pos - placed.origin);
        let byte = text
            .char_indices()
            .nth(cursor.index.0)
            .map_or(text.len(), |(b, _)| b);
        Some(placed.block.start + byte)
    }
}

/// Where the article was drawn this frame, for the pointer and the strip.
struct Drawn {
    /// The visible text column, leaving the strip and scroll bar alone.
    text_area: Rect,
    /// The whole scrolled view.
    view: Rect,
    strip: Rect,
    marks: Vec<coverage::Mark>,
}
