//! Cut, copy, paste and duplicate. Copied claims travel as a small Argmap map
//! in RON text, so they can be pasted into another map (or another Argmap
//! window) with their links and the articles they quote.

use super::{Passage, add_own_claim, add_quoted_claim, source_for};
use crate::corpus;
use crate::format::{self, ReadError, Syntax};
use crate::model::{ClaimId, Edit, LinkId, Map, Point, SourceId, Target};
use std::collections::{BTreeSet, HashMap};

/// How far a pasted or duplicated group sits from where it was copied.
pub const PASTE_OFFSET: f32 = 30.0;
/// Longer plain text is not turned into one claim.
const MAX_CLAIM_CHARS: usize = 5_000;

/// The selected claims as a map of their own: with every link that runs
/// only between them (undercuts of such links included) and the sources
/// they quote. `None` if no claim is selected.
pub fn fragment(map: &Map, claims: &[ClaimId]) -> Option<Map> {
    let chosen: BTreeSet<ClaimId> = claims
        .iter()
        .copied()
        .filter(|&id| map.claim(id).is_some())
        .collect();
    if chosen.is_empty() {
        return None;
    }
    // Links first between chosen claims, then undercuts of links already
    // kept, until nothing more qualifies.
    let mut kept: BTreeSet<LinkId> = BTreeSet::new();
    loop {
        let before = kept.len();
        for link in &map.links {
            let premises_in = link.premises.iter().all(|p| chosen.contains(p));
            let target_in = match link.target {
                Target::Claim(id) => chosen.contains(&id),
                Target::Link(id) => kept.contains(&id),
            };
            if premises_in && target_in {
                kept.insert(link.id);
            }
        }
        if kept.len() == before {
            break;
        }
    }
    let claims: Vec<_> = map
        .claims
        .iter()
        .filter(|c| chosen.contains(&c.id))
        .cloned()
        .collect();
    let quoted: BTreeSet<&SourceId> = claims
        .iter()
        .filter_map(|c| c.quote.as_ref().map(|q| &q.source))
        .collect();
    let mut piece = Map {
        sources: map
            .sources
            .iter()
            .filter(|s| quoted.contains(&s.id))
            .cloned()
            .collect(),
        claims,
        links: map
            .links
            .iter()
            .filter(|l| kept.contains(&l.id))
            .cloned()
            .collect(),
        ..Map::default()
    };
    piece.sort();
    Some(piece)
}

/// The clipboard text for the selected claims; `None` if no claim is selected.
pub fn copy_text(map: &Map, claims: &[ClaimId]) -> Option<Result<String, format::EncodeError>> {
    fragment(map, claims).map(|piece| format::to_ron(&piece))
}

/// Why nothing was pasted.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum PasteError {
    #[error("the clipboard holds no text")]
    Empty,
    #[error("the clipboard holds a map Argmap cannot read: {0}")]
    BadMap(ReadError),
    #[error("the copied map has no claims")]
    NoClaims,
    #[error("the text is too long for one claim ({chars} characters; at most {MAX_CLAIM_CHARS})")]
    TooLong { chars: usize },
}

/// What a paste adds, and the claims to select afterwards.
#[derive(Debug)]
pub struct Pasted {
    pub edit: Edit,
    pub claims: Vec<ClaimId>,
    pub label: &'static str,
}

/// Adds `piece` to `map` with fresh ids, moved by `offset`. A source the map
/// already carries with the same text is shared; one whose id is taken by a
/// different text comes in under a new id.
pub fn paste_map(map: &Map, piece: &Map, offset: Point) -> Pasted {
    let mut edits = Vec::new();
    let mut source_ids: HashMap<&SourceId, SourceId> = HashMap::new();
    let mut taken: BTreeSet<SourceId> = map.sources.iter().map(|s| s.id.clone()).collect();
    for source in &piece.sources {
        let id = match map.source(&source.id) {
            Some(existing) if existing.text == source.text => existing.id.clone(),
            None => {
                edits.push(Edit::AddSource(source.clone()));
                source.id.clone()
            }
            Some(_) => {
                let fresh = (2..)
                    .map(|n| SourceId(format!("{}-{n}", source.id.as_str())))
                    .find(|id| !taken.contains(id))
                    .unwrap_or_else(|| source.id.clone());
                let mut renamed = source.clone();
                renamed.id = fresh.clone();
                edits.push(Edit::AddSource(renamed));
                fresh
            }
        };
        taken.insert(id.clone());
        source_ids.insert(&source.id, id);
    }
    let claim_ids: HashMap<ClaimId, ClaimId> = piece
        .claims
        .iter()
        .map(|c| c.id)
        .zip(map.free_claim_ids(piece.claims.len()))
        .collect();
    let link_ids: HashMap<LinkId, LinkId> = piece
        .links
        .iter()
        .map(|l| l.id)
        .zip(map.free_link_ids(piece.links.len()))
        .collect();
    let mut new_claims = Vec::new();
    for claim in &piece.claims {
        let mut claim = claim.clone();
        claim.id = claim_ids[&claim.id];
        claim.pos = Point::new(claim.pos.x + offset.x, claim.pos.y + offset.y);
        if let Some(quote) = &mut claim.quote
            && let Some(id) = source_ids.get(&quote.source)
        {
            quote.source = id.clone();
        }
        new_claims.push(claim.id);
        edits.push(Edit::AddClaim(claim));
    }
    // Links in id order, so an undercut comes after the link it targets.
    for link in &piece.links {
        let mut link = link.clone();
        link.id = link_ids[&link.id];
        link.premises = link.premises.iter().map(|p| claim_ids[p]).collect();
        link.target = match link.target {
            Target::Claim(id) => Target::Claim(claim_ids[&id]),
            Target::Link(id) => Target::Link(link_ids[&id]),
        };
        edits.push(Edit::AddLink(link));
    }
    Pasted {
        edit: Edit::Batch(edits),
        claims: new_claims,
        label: if piece.claims.len() == 1 {
            "Paste claim"
        } else {
            "Paste claims"
        },
    }
}

/// What pasting `text` at `at` (the middle of the view) does: copied claims
/// come back near where they were (or at `at` if that is out of sight); a
/// passage from a known article becomes a quoted claim; other text becomes a
/// claim of the user's own.
pub fn paste_text(
    map: &Map,
    text: &str,
    at: Point,
    visible: impl Fn(Point) -> bool,
    reader_source: Option<&SourceId>,
) -> Result<Pasted, PasteError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(PasteError::Empty);
    }
    // Argmap's clipboard text is a map in RON (JSON is welcome too); text
    // that merely opens with a bracket is not a map unless it lists claims.
    let syntax = Syntax::sniff(trimmed.as_bytes()).filter(|_| trimmed.contains("claims"));
    if let Some(syntax) = syntax {
        let piece = format::read(trimmed.as_bytes(), syntax).map_err(PasteError::BadMap)?;
        if piece.claims.is_empty() {
            return Err(PasteError::NoClaims);
        }
        let centre = centre_of(&piece);
        let mut offset = Point::new(PASTE_OFFSET, PASTE_OFFSET);
        if !visible(Point::new(centre.x + offset.x, centre.y + offset.y)) {
            offset = Point::new(at.x - centre.x, at.y - centre.y);
        }
        let offset = clear_of(map, &piece, offset);
        return Ok(paste_map(map, &piece, offset));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_CLAIM_CHARS {
        return Err(PasteError::TooLong { chars });
    }
    if let Some(passage) = find_passage(map, trimmed, reader_source)
        && let Some((edit, id)) = add_quoted_claim(map, &passage, at)
    {
        return Ok(Pasted {
            edit,
            claims: vec![id],
            label: "Paste quoted claim",
        });
    }
    let (edit, id) = add_own_claim(map, at, trimmed);
    Ok(Pasted {
        edit,
        claims: vec![id],
        label: "Paste claim",
    })
}

/// Copies of the claims, moved by `PASTE_OFFSET` (further if that spot is taken).
pub fn duplicate(map: &Map, claims: &[ClaimId]) -> Option<Pasted> {
    let piece = fragment(map, claims)?;
    let offset = clear_of(map, &piece, Point::new(PASTE_OFFSET, PASTE_OFFSET));
    let mut pasted = paste_map(map, &piece, offset);
    pasted.label = "Duplicate";
    Some(pasted)
}

/// The exact passage in the article being read, a source of the map, or a
/// bundled article, in that order.
fn find_passage(map: &Map, text: &str, reader_source: Option<&SourceId>) -> Option<Passage> {
    let sources = reader_source
        .and_then(|id| source_for(map, id))
        .into_iter()
        .chain(map.sources.iter())
        .chain(corpus::articles().iter());
    for source in sources {
        if let Some(start) = source.text.find(text) {
            return Some(Passage {
                source: source.id.clone(),
                start,
                end: start + text.len(),
            });
        }
    }
    None
}

fn centre_of(piece: &Map) -> Point {
    let n = piece.claims.len().max(1) as f32;
    let (x, y) = piece
        .claims
        .iter()
        .fold((0.0, 0.0), |(x, y), c| (x + c.pos.x, y + c.pos.y));
    Point::new(x / n, y / n)
}

/// Moves `offset` on by steps until the first pasted claim does not land
/// exactly on a claim already there (pasting twice must not stack copies).
fn clear_of(map: &Map, piece: &Map, mut offset: Point) -> Point {
    let Some(first) = piece.claims.first() else {
        return offset;
    };
    for _ in 0..100 {
        let spot = Point::new(first.pos.x + offset.x, first.pos.y + offset.y);
        let taken = map
            .claims
            .iter()
            .any(|c| (c.pos.x - spot.x).abs() < 5.0 && (c.pos.y - spot.y).abs() < 5.0);
        if !taken {
            break;
        }
        offset = Point::new(offset.x + PASTE_OFFSET, offset.y + PASTE_OFFSET);
    }
    offset
}
