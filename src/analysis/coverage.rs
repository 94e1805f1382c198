//! Which paragraphs of each source a map's quotes reach. A paragraph (or
//! list item; headings do not count) is covered when some claim quotes any
//! part of it.

use crate::model::{BlockKind, Map, Source, SourceId, blocks};

/// One paragraph of a source, as a byte range of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub covered: bool,
}

/// How much of one source a map covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub source: SourceId,
    pub paragraphs: Vec<Paragraph>,
}

impl Coverage {
    pub fn covered(&self) -> usize {
        self.paragraphs.iter().filter(|p| p.covered).count()
    }

    pub fn total(&self) -> usize {
        self.paragraphs.len()
    }

    /// "14 of 19 paragraphs mapped".
    pub fn summary(&self) -> String {
        let noun = if self.total() == 1 {
            "paragraph"
        } else {
            "paragraphs"
        };
        format!("{} of {} {noun} mapped", self.covered(), self.total())
    }
}

/// The paragraphs of `source` (of `source.text`) that quotes in `map` of
/// the same source id reach.
pub fn of_source(map: &Map, source: &Source) -> Coverage {
    let mut spans: Vec<(usize, usize)> = map
        .claims
        .iter()
        .filter_map(|c| c.quote.as_ref())
        .filter(|q| q.source == source.id)
        .map(|q| (q.start, q.end))
        .collect();
    spans.sort_unstable();
    // The furthest end among spans starting at or before each position,
    // so each paragraph is one binary search.
    let mut reach = Vec::with_capacity(spans.len());
    let mut furthest = 0;
    for &(_, end) in &spans {
        furthest = furthest.max(end);
        reach.push(furthest);
    }
    let paragraphs = blocks(&source.text)
        .into_iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| {
            // Spans starting before the paragraph ends; one of them must end after it starts.
            let before = spans.partition_point(|s| s.0 < b.end);
            let covered = before > 0 && reach[before - 1] > b.start;
            Paragraph {
                start: b.start,
                end: b.end,
                covered,
            }
        })
        .collect();
    Coverage {
        source: source.id.clone(),
        paragraphs,
    }
}

/// Coverage of every source the map carries, in the map's order.
pub fn coverage(map: &Map) -> Vec<Coverage> {
    map.sources.iter().map(|s| of_source(map, s)).collect()
}

/// A paragraph the model maps and the student's map does not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Untouched {
    pub source: SourceId,
    /// Its place among the source's paragraphs, from 1.
    pub number: usize,
    pub paragraph: Paragraph,
}

/// Paragraphs the model's quotes cover that the student's leave untouched,
/// per source of the model (by the model's copy of the text).
pub fn untouched(student: &Map, model: &Map) -> Vec<Untouched> {
    let mut out = Vec::new();
    for source in &model.sources {
        let theirs = of_source(model, source);
        let ours = of_source(student, source);
        for (i, (m, s)) in theirs.paragraphs.iter().zip(&ours.paragraphs).enumerate() {
            if m.covered && !s.covered {
                out.push(Untouched {
                    source: source.id.clone(),
                    number: i + 1,
                    paragraph: *m,
                });
            }
        }
    }
    out
}
