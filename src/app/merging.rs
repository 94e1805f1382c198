//! File ▸ Merge a classmate's map: the merge waiting for the user to settle
//! its conflicts, one at a time, and View ▸ Show changes since: the list of
//! what changed from an earlier version. Plain data; the window draws it
//! and handlers change it.

use crate::analysis::merge::{Changes, Conflict, Item, Merged, Piece};
use crate::model::{Map, validate};

/// A merge shown before it is made.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeReview {
    /// The classmate's file, as the window names it.
    pub theirs: String,
    pub merged: Merged,
    /// What their copy brings without a question, in one line ("3 claims,
    /// 1 link changed"); `None` when nothing.
    pub brings: Option<String>,
    /// What each side changed since the map both started from, in one line.
    pub yours_changed: String,
    pub theirs_changed: String,
    /// For each conflict: take their version instead of ours.
    pub take_theirs: Vec<bool>,
    /// The conflict shown now.
    pub at: usize,
    /// Why the last attempt to merge was refused, if it was.
    pub refused: Option<String>,
}

impl MergeReview {
    pub fn new(theirs: String, [base, ours, their_map]: [&Map; 3], merged: Merged) -> Self {
        use crate::analysis::merge::diff;
        let changes = diff(ours, &merged.map);
        let brings = (!changes.is_empty()).then(|| changes.summary());
        Self {
            yours_changed: diff(base, ours).summary(),
            theirs_changed: diff(base, their_map).summary(),
            theirs,
            take_theirs: vec![false; merged.conflicts.len()],
            merged,
            brings,
            at: 0,
            refused: None,
        }
    }

    /// The map the merge makes with the choices as they stand, or why
    /// those choices together would break it.
    pub fn result(&self) -> Result<Map, String> {
        let mut map = self.merged.map.clone();
        for (conflict, _) in self
            .merged
            .conflicts
            .iter()
            .zip(&self.take_theirs)
            .filter(|(_, theirs)| **theirs)
        {
            put(&mut map, conflict);
        }
        map.sort();
        match validate(&map).into_iter().next() {
            None => Ok(map),
            Some(problem) => Err(format!(
                "Their version cannot be taken as chosen: {problem}. Keep yours for that one, \
                 or take theirs for what it depends on too."
            )),
        }
    }
}

/// Their side's version of one conflicting thing in place of ours.
fn put(map: &mut Map, conflict: &Conflict) {
    match (&conflict.item, &conflict.theirs) {
        (Item::Meta, Some(Piece::Meta(meta))) => {
            map.title.clone_from(&meta.title);
            map.description.clone_from(&meta.description);
        }
        (Item::Source(id), theirs) => {
            map.sources.retain(|s| &s.id != id);
            if let Some(Piece::Source(source)) = theirs {
                map.sources.push(source.clone());
            }
        }
        (Item::Claim(id), theirs) => {
            map.claims.retain(|c| c.id != *id);
            if let Some(Piece::Claim(claim)) = theirs {
                map.claims.push(claim.clone());
            }
        }
        (Item::Link(id), theirs) => {
            map.links.retain(|l| l.id != *id);
            if let Some(Piece::Link(link)) = theirs {
                map.links.push(link.clone());
            }
        }
        (Item::Meta, _) => {}
    }
}

/// View ▸ Show changes since: an earlier version and what changed from it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangesView {
    /// The earlier version's file, as the window names it.
    pub older: String,
    pub changes: Changes,
}
