//! How the article's text is marked: passages on the map (tinted and
//! underlined, the selected claim's stronger), the reader's selection, find
//! matches and a passing flash. Each block's marks are worked out from the
//! spans near it, never from every passage of the map, and the laid-out
//! blocks are kept between frames until something they show changes.

use crate::app::ui::theme;
use crate::model::Block;
use crate::model::{ClaimId, Map, SourceId};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

/// The passages of one article quoted on the map, by where they start.
pub struct Highlights {
    /// (start, end, tint, the claim's place in the map): the earlier claim's
    /// tint shows where passages overlap.
    spans: Vec<(usize, usize, Color32, usize)>,
    /// The longest passage, so the spans near a block are one range.
    longest: usize,
}

impl Highlights {
    pub fn of(map: &Map, source: &SourceId, selected: Option<ClaimId>, dark: bool) -> Self {
        // A light tint, stronger for the selected claim: lighter than a text
        // selection, so the two are never confused.
        let wash = theme::wash(theme::source_colour(source), dark);
        let mut spans: Vec<_> = map
            .claims
            .iter()
            .enumerate()
            .filter_map(|(order, c)| {
                let q = c.quote.as_ref().filter(|q| &q.source == source)?;
                let alpha = if Some(c.id) == selected { 0.9 } else { 0.45 };
                Some((q.start, q.end, wash.gamma_multiply(alpha), order))
            })
            .collect();
        spans.sort_unstable_by_key(|s| (s.0, s.3));
        let longest = spans
            .iter()
            .map(|s| s.1.saturating_sub(s.0))
            .max()
            .unwrap_or(0);
        Self { spans, longest }
    }

    /// The passages that overlap `start..end`.
    fn near(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &(usize, usize, Color32, usize)> {
        let from = self
            .spans
            .partition_point(|s| s.0 < start.saturating_sub(self.longest));
        let to = self.spans.partition_point(|s| s.0 < end);
        self.spans[from..to.max(from)]
            .iter()
            .filter(move |s| s.1 > start)
    }
}

/// Everything that marks the text this frame.
pub struct Marks<'a> {
    pub selection: Option<(usize, usize)>,
    pub highlights: &'a Highlights,
    /// Find matches, in text order.
    pub matches: &'a [(usize, usize)],
    pub current: Option<(usize, usize)>,
    /// Span and remaining strength (1 → 0).
    pub flash: Option<(usize, usize, f32)>,
}

impl Marks<'_> {
    /// Whether byte `at` lies in a find match.
    fn in_match(&self, at: usize) -> bool {
        let after = self.matches.partition_point(|m| m.0 <= at);
        after > 0 && at < self.matches[after - 1].1
    }
}

/// One block's text with its marks, ready to lay out.
pub fn block_job(
    text: &str,
    block: &Block,
    marks: &Marks<'_>,
    size: f32,
    width: f32,
    dark: bool,
) -> LayoutJob {
    let quoted: Vec<_> = marks.highlights.near(block.start, block.end).collect();
    // Offsets inside the block where the marks may change.
    let mut cuts = vec![block.start, block.end];
    let mut add = |(s, e): (usize, usize)| cuts.extend([s, e]);
    for span in [
        marks.selection,
        marks.current,
        marks.flash.map(|f| (f.0, f.1)),
    ]
    .into_iter()
    .flatten()
    {
        add(span);
    }
    let first = marks.matches.partition_point(|m| m.1 <= block.start);
    for m in marks.matches[first..]
        .iter()
        .take_while(|m| m.0 < block.end)
    {
        add(*m);
    }
    for q in &quoted {
        add((q.0, q.1));
    }
    cuts.retain(|&c| c >= block.start && c <= block.end);
    cuts.sort_unstable();
    cuts.dedup();
    // Each passage tints the pieces it covers; the earliest claim last, so
    // its tint is the one that shows.
    let pieces = cuts.len().saturating_sub(1);
    let mut tint: Vec<Option<Color32>> = vec![None; pieces];
    let mut order: Vec<_> = quoted.clone();
    order.sort_unstable_by_key(|q| std::cmp::Reverse(q.3));
    for q in order {
        let from = cuts.partition_point(|&c| c < q.0.max(block.start));
        let to = cuts.partition_point(|&c| c < q.1.min(block.end));
        for piece in tint.iter_mut().take(to).skip(from) {
            *piece = Some(q.2);
        }
    }
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let colour = theme::text_colour(dark);
    for (i, pair) in cuts.windows(2).enumerate() {
        let (s, e) = (pair[0], pair[1]);
        // Cuts come from validated spans, but a stale one could split a character.
        let Some(piece) = text.get(s..e) else {
            continue;
        };
        let format = TextFormat {
            font_id: FontId::proportional(size),
            color: colour,
            background: background(marks, s, tint[i], dark),
            // Passages on the map are also underlined, so they show without colour.
            underline: if tint[i].is_some() {
                Stroke::new(1.0, theme::muted_text(dark))
            } else {
                Stroke::NONE
            },
            line_height: Some(size * 1.45),
            ..Default::default()
        };
        job.append(piece, 0.0, format);
    }
    job
}

/// The background of the piece starting at `at`: the selection over the
/// current match over other matches over a flash over a quoted passage.
fn background(marks: &Marks<'_>, at: usize, tint: Option<Color32>, dark: bool) -> Color32 {
    let inside = |(s, e): (usize, usize)| s <= at && at < e;
    if marks.selection.is_some_and(inside) {
        return theme::selection_colour(dark).gamma_multiply(if dark { 0.55 } else { 0.35 });
    }
    if marks.current.is_some_and(inside) {
        return Color32::from_rgb(0xff, 0x9f, 0x1a);
    }
    if marks.in_match(at) {
        return Color32::from_rgba_unmultiplied(0xff, 0xd8, 0x4d, if dark { 110 } else { 150 });
    }
    if let Some((s, e, strength)) = marks.flash
        && inside((s, e))
    {
        return Color32::from_rgba_unmultiplied(
            0xff,
            0xc1,
            0x07,
            (200.0 * strength.clamp(0.0, 1.0)) as u8,
        );
    }
    tint.unwrap_or(Color32::TRANSPARENT)
}
