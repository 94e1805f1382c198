//! Two copies of one map brought back together: a three-way merge by the
//! ids of sources, claims and links, against the map both copies started
//! from, and the list of what changed between two maps.
//!
//! Each thing merges part by part ([`fields`]): a part changed on one side
//! only is taken from that side, the same change on both is taken once, and
//! a part changed two ways is a [`Conflict`] that keeps our side's version.
//! New things both sides gave the same id are both kept, theirs renumbered
//! ([`ids`]); whatever the combination breaks (a link to a claim the other
//! side deleted) is put right from our side, and listed ([`repair`]).

mod diff;
mod fields;
mod ids;
mod repair;

pub use diff::{Change, ChangeKind, Changes, diff};
pub use fields::{Fields, Meta};

use crate::model::{Claim, ClaimId, Link, LinkId, Map, Source, SourceId, Target, excerpt};
use fields::{Outcome, three_way};
use std::collections::BTreeMap;

/// A thing a merge or a comparison of versions speaks about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// The map's title and description.
    Meta,
    Source(SourceId),
    Claim(ClaimId),
    Link(LinkId),
}

impl std::fmt::Display for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Meta => write!(f, "the map's title and description"),
            Self::Source(id) => write!(f, "{id}"),
            Self::Claim(id) => write!(f, "{id}"),
            Self::Link(id) => write!(f, "{id}"),
        }
    }
}

/// One version of a thing.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Meta(Meta),
    Source(Source),
    Claim(Claim),
    Link(Link),
}

/// Why a thing is in conflict.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// These parts were changed two different ways.
    Parts(Vec<&'static str>),
    /// Deleted on our side, changed on theirs.
    DeletedByUs,
    /// Deleted on their side, changed on ours.
    DeletedByThem,
    /// Both sides added it under one name (a source), differently.
    AddedTwoWays,
    /// The two sides together would break the map (the problem, in words);
    /// our side's version is kept.
    Broken(String),
}

/// A thing the two sides disagree about. The merged map holds `ours`;
/// `theirs` is what it would hold with their side's version instead.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub item: Item,
    /// What a reader calls it: a claim's label or first words, a source's
    /// title, a link's kind and ends.
    pub name: String,
    pub why: Why,
    /// `None`: deleted (or never there) on that side.
    pub ours: Option<Piece>,
    pub theirs: Option<Piece>,
}

/// What [`merge`] gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Always a valid map.
    pub map: Map,
    pub conflicts: Vec<Conflict>,
    /// Things their side added under ids our side also used for new
    /// things: (their id, the id in the merged map).
    pub renumbered: Vec<(Item, Item)>,
}

impl Merged {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// The three-way merge of `ours` and `theirs`, two copies of `base`.
pub fn merge(base: &Map, ours: &Map, theirs: &Map) -> Merged {
    let mut theirs = theirs.clone();
    let renumbered = ids::settle(base, ours, &mut theirs);
    let mut conflicts = Vec::new();
    let mut map = Map::default();

    let meta = |m: &Map| Meta {
        title: m.title.clone(),
        description: m.description.clone(),
    };
    let merged_meta = match three_way(Some(&meta(base)), Some(&meta(ours)), Some(&meta(&theirs))) {
        Outcome::Merged(meta) => meta,
        Outcome::Conflict {
            kept,
            theirs_instead,
            parts,
        } => {
            conflicts.push(Conflict {
                item: Item::Meta,
                name: ours.title.clone(),
                why: Why::Parts(parts),
                ours: kept.clone().map(Piece::Meta),
                theirs: theirs_instead.map(Piece::Meta),
            });
            kept
        }
    };
    if let Some(Meta { title, description }) = merged_meta {
        map.title = title;
        map.description = description;
    }
    map.sources = merge_lists(
        [&base.sources, &ours.sources, &theirs.sources],
        |s| s.id.clone(),
        |s| {
            (
                Item::Source(s.id.clone()),
                s.title.clone(),
                Piece::Source(s.clone()),
            )
        },
        &mut conflicts,
    );
    map.claims = merge_lists(
        [&base.claims, &ours.claims, &theirs.claims],
        |c| c.id,
        |c| (Item::Claim(c.id), claim_name(c), Piece::Claim(c.clone())),
        &mut conflicts,
    );
    map.links = merge_lists(
        [&base.links, &ours.links, &theirs.links],
        |l| l.id,
        |l| (Item::Link(l.id), link_name(l), Piece::Link(l.clone())),
        &mut conflicts,
    );
    // Our side's order of presentation, for the claims the merge kept.
    map.steps = map.pruned(&ours.steps);
    repair::repair(&mut map, ours, &mut conflicts);
    Merged {
        map,
        conflicts,
        renumbered,
    }
}

/// Merges three lists of one kind of thing by key, in key order.
fn merge_lists<T: Fields, K: Ord>(
    [base, ours, theirs]: [&[T]; 3],
    key: impl Fn(&T) -> K,
    describe: impl Fn(&T) -> (Item, String, Piece),
    conflicts: &mut Vec<Conflict>,
) -> Vec<T> {
    let mut by_key: BTreeMap<K, [Option<&T>; 3]> = BTreeMap::new();
    for (side, list) in [base, ours, theirs].into_iter().enumerate() {
        for thing in list {
            by_key.entry(key(thing)).or_default()[side] = Some(thing);
        }
    }
    let mut merged = Vec::with_capacity(ours.len().max(theirs.len()));
    for [b, o, t] in by_key.into_values() {
        match three_way(b, o, t) {
            Outcome::Merged(thing) => merged.extend(thing),
            Outcome::Conflict {
                kept,
                theirs_instead,
                parts,
            } => {
                let either = kept.as_ref().or(theirs_instead.as_ref());
                let Some((item, name, _)) = either.map(&describe) else {
                    continue;
                };
                let why = match (&kept, &theirs_instead, b) {
                    (None, _, _) => Why::DeletedByUs,
                    (_, None, _) => Why::DeletedByThem,
                    (_, _, None) => Why::AddedTwoWays,
                    _ => Why::Parts(parts),
                };
                conflicts.push(Conflict {
                    item,
                    name,
                    why,
                    ours: kept.as_ref().map(|k| describe(k).2),
                    theirs: theirs_instead.as_ref().map(|t| describe(t).2),
                });
                merged.extend(kept);
            }
        }
    }
    merged
}

/// A claim as a reader knows it: its label, or its first words.
pub fn claim_name(claim: &Claim) -> String {
    if claim.label.trim().is_empty() {
        excerpt(&claim.text, 60)
    } else {
        excerpt(&claim.label, 60)
    }
}

/// A link as a reader knows it: "support from claim 3 to claim 1".
pub fn link_name(link: &Link) -> String {
    let premises: Vec<String> = link.premises.iter().map(ToString::to_string).collect();
    let target = match link.target {
        Target::Claim(id) => id.to_string(),
        Target::Link(id) => id.to_string(),
    };
    format!(
        "{} from {} to {target}",
        link.kind.label(),
        premises.join(" and ")
    )
}

impl Conflict {
    /// The conflict in lines a teacher reads: what, why, and each side's
    /// version of what differs. `ours` and `theirs` name the two sides.
    pub fn lines(&self, ours: &str, theirs: &str) -> Vec<String> {
        let why = match &self.why {
            Why::Parts(parts) => format!("{} changed two ways", parts.join(" and ")),
            Why::DeletedByUs => format!("deleted in {ours}, changed in {theirs}"),
            Why::DeletedByThem => format!("deleted in {theirs}, kept or changed in {ours}"),
            Why::AddedTwoWays => "added two ways".to_owned(),
            Why::Broken(problem) => format!("{theirs}' version would break the map: {problem}"),
        };
        let mut lines = vec![format!("{} “{}”: {why}", self.item, self.name)];
        match (&self.ours, &self.theirs) {
            (Some(o), Some(t)) => {
                let parts = o.differing(t);
                for (side, value) in [(ours, 1), (theirs, 2)] {
                    let shown: Vec<String> = parts
                        .iter()
                        .map(|p| format!("{} {}", p.0, if value == 1 { &p.1 } else { &p.2 }))
                        .collect();
                    lines.push(format!("    {side}: {}", shown.join("; ")));
                }
            }
            (o, t) => {
                for (side, piece) in [(ours, o), (theirs, t)] {
                    let shown = piece
                        .as_ref()
                        .map_or_else(|| "deleted".to_owned(), Piece::gist);
                    lines.push(format!("    {side}: {shown}"));
                }
            }
        }
        lines
    }
}

impl Piece {
    /// The parts that differ from `other`: name, this side's value, the other's.
    fn differing(&self, other: &Self) -> Vec<(&'static str, String, String)> {
        match (self, other) {
            (Self::Meta(a), Self::Meta(b)) => a.differing(b),
            (Self::Source(a), Self::Source(b)) => a.differing(b),
            (Self::Claim(a), Self::Claim(b)) => a.differing(b),
            (Self::Link(a), Self::Link(b)) => a.differing(b),
            _ => Vec::new(),
        }
    }

    /// The thing in a few words, when the other side has none of it.
    fn gist(&self) -> String {
        match self {
            Self::Meta(m) => format!("title “{}”", excerpt(&m.title, 60)),
            Self::Source(s) => format!("“{}”", excerpt(&s.title, 60)),
            Self::Claim(c) => format!("“{}”", excerpt(&c.text, 80)),
            Self::Link(l) => link_name(l),
        }
    }
}
