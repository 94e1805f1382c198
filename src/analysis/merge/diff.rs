//! What changed between two versions of a map, thing by thing, in lines a
//! teacher reads.

use super::fields::{Fields, Meta};
use super::{Item, claim_name, link_name};
use crate::model::{Map, count};
use std::collections::BTreeMap;

/// How one thing differs.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeKind {
    Added,
    Removed,
    /// The parts that differ ("text", "position").
    Changed(Vec<&'static str>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub item: Item,
    /// The thing's name in the newer map (the older one's when removed).
    pub name: String,
    pub kind: ChangeKind,
}

impl Change {
    /// Only its position changed: a claim moved on the canvas.
    pub fn is_move(&self) -> bool {
        self.kind == ChangeKind::Changed(vec!["position"])
    }
}

/// Picks out one kind of thing.
type Kind = fn(&Item) -> bool;

/// Everything that differs from the older map to the newer, in id order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub changes: Vec<Change>,
}

/// What changed from `older` to `newer`.
pub fn diff(older: &Map, newer: &Map) -> Changes {
    let meta = |m: &Map| Meta {
        title: m.title.clone(),
        description: m.description.clone(),
    };
    let mut changes = Vec::new();
    let parts = meta(older).differences(&meta(newer));
    if !parts.is_empty() {
        changes.push(Change {
            item: Item::Meta,
            name: newer.title.clone(),
            kind: ChangeKind::Changed(parts),
        });
    }
    compare(
        &older.sources,
        &newer.sources,
        |s| Item::Source(s.id.clone()),
        |s| s.title.clone(),
        &mut changes,
    );
    compare(
        &older.claims,
        &newer.claims,
        |c| Item::Claim(c.id),
        claim_name,
        &mut changes,
    );
    compare(
        &older.links,
        &newer.links,
        |l| Item::Link(l.id),
        link_name,
        &mut changes,
    );
    Changes { changes }
}

fn compare<T: Fields>(
    older: &[T],
    newer: &[T],
    item: impl Fn(&T) -> Item,
    name: impl Fn(&T) -> String,
    changes: &mut Vec<Change>,
) {
    let mut by_item: BTreeMap<Item, [Option<&T>; 2]> = BTreeMap::new();
    for (side, list) in [older, newer].into_iter().enumerate() {
        for thing in list {
            by_item.entry(item(thing)).or_default()[side] = Some(thing);
        }
    }
    for (item, pair) in by_item {
        let (kind, named) = match pair {
            [None, Some(new)] => (ChangeKind::Added, new),
            [Some(old), None] => (ChangeKind::Removed, old),
            [Some(old), Some(new)] if old != new => {
                (ChangeKind::Changed(old.differences(new)), new)
            }
            _ => continue,
        };
        changes.push(Change {
            item,
            name: name(named),
            kind,
        });
    }
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes to one kind of thing.
    fn of(&self, kind: Kind) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| kind(&c.item))
    }

    /// The report: a summary line per kind of thing, then a line per
    /// change; moves are counted, not listed.
    pub fn lines(&self) -> Vec<String> {
        if self.is_empty() {
            return vec!["The maps are the same.".to_owned()];
        }
        let mut lines = Vec::new();
        for change in self.of(|i| matches!(i, Item::Meta)) {
            if let ChangeKind::Changed(parts) = &change.kind {
                lines.push(format!("The map's {} changed.", parts.join(" and ")));
            }
        }
        let kinds: [(&str, Kind); 3] = [
            ("Sources", |i| matches!(i, Item::Source(_))),
            ("Claims", |i| matches!(i, Item::Claim(_))),
            ("Links", |i| matches!(i, Item::Link(_))),
        ];
        for (heading, kind) in kinds {
            let all: Vec<&Change> = self.of(kind).collect();
            if all.is_empty() {
                continue;
            }
            let tally = |wanted: fn(&Change) -> bool| all.iter().filter(|c| wanted(c)).count();
            let added = tally(|c| c.kind == ChangeKind::Added);
            let removed = tally(|c| c.kind == ChangeKind::Removed);
            let moved = tally(Change::is_move);
            let changed = all.len() - added - removed - moved;
            let mut summary = Vec::new();
            for (n, what) in [
                (added, "added"),
                (removed, "removed"),
                (changed, "changed"),
                (moved, "moved"),
            ] {
                if n > 0 {
                    summary.push(format!("{n} {what}"));
                }
            }
            lines.push(format!("{heading}: {}", summary.join(", ")));
            for change in all.iter().filter(|c| !c.is_move()) {
                let (mark, tail) = match &change.kind {
                    ChangeKind::Added => ('+', String::new()),
                    ChangeKind::Removed => ('-', String::new()),
                    ChangeKind::Changed(parts) => ('~', format!(": {}", parts.join(", "))),
                };
                lines.push(format!("  {mark} {} “{}”{tail}", change.item, change.name));
            }
        }
        lines
    }

    /// "3 claims added, 1 link removed": one line for a status bar.
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "no changes".to_owned();
        }
        let mut said = Vec::new();
        if self.of(|i| matches!(i, Item::Meta)).next().is_some() {
            said.push("the title or description changed".to_owned());
        }
        let kinds: [(&str, &str, Kind); 3] = [
            ("source", "sources", |i| matches!(i, Item::Source(_))),
            ("claim", "claims", |i| matches!(i, Item::Claim(_))),
            ("link", "links", |i| matches!(i, Item::Link(_))),
        ];
        for (one, many, kind) in kinds {
            let all: Vec<&Change> = self.of(kind).collect();
            let added = all.iter().filter(|c| c.kind == ChangeKind::Added).count();
            let removed = all.iter().filter(|c| c.kind == ChangeKind::Removed).count();
            let changed = all.len() - added - removed;
            for (n, what) in [(added, "added"), (removed, "removed"), (changed, "changed")] {
                if n > 0 {
                    said.push(format!("{} {what}", count(n, one, many)));
                }
            }
        }
        said.join(", ")
    }
}
