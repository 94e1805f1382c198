//! The parts of each kind of thing a merge compares one by one, so a change
//! to a claim's position and a change to its text on the other side both
//! land, and only the same part changed two ways is a conflict.

use crate::model::{Claim, ClaimId, Link, LinkKind, Pin, Point, Quote, Source, Target, excerpt};

/// A part's value as a report shows it: short, on one line.
trait Shown {
    fn shown(&self) -> String;
}

impl Shown for String {
    fn shown(&self) -> String {
        if self.is_empty() {
            "(empty)".to_owned()
        } else {
            format!("“{}”", excerpt(self, 80))
        }
    }
}

impl Shown for Vec<String> {
    fn shown(&self) -> String {
        self.join(", ").shown()
    }
}

impl Shown for Point {
    fn shown(&self) -> String {
        format!("({:.0}, {:.0})", self.x, self.y)
    }
}

impl Shown for Option<Quote> {
    fn shown(&self) -> String {
        match self {
            Some(q) => format!("{} bytes {}–{}", q.source, q.start, q.end),
            None => "no quote".to_owned(),
        }
    }
}

impl Shown for Option<Pin> {
    fn shown(&self) -> String {
        match self {
            Some(Pin::Accepted) => "pinned accepted".to_owned(),
            Some(Pin::Rejected) => "pinned rejected".to_owned(),
            None => "not pinned".to_owned(),
        }
    }
}

impl Shown for LinkKind {
    fn shown(&self) -> String {
        self.label().to_owned()
    }
}

impl Shown for Vec<ClaimId> {
    fn shown(&self) -> String {
        let ids: Vec<String> = self.iter().map(ToString::to_string).collect();
        ids.join(", ")
    }
}

impl Shown for Target {
    fn shown(&self) -> String {
        match self {
            Self::Claim(id) => id.to_string(),
            Self::Link(id) => id.to_string(),
        }
    }
}

/// One part of a thing: its name as a teacher reads it, and how to compare
/// and copy it.
pub struct Part<T> {
    pub name: &'static str,
    same: fn(&T, &T) -> bool,
    take: fn(&mut T, &T),
    /// The part's value in a line of a report.
    show: fn(&T) -> String,
}

/// A part named `$name` held in field `$field`.
macro_rules! part {
    ($field:ident, $name:literal) => {
        Part {
            name: $name,
            same: |a, b| a.$field == b.$field,
            take: |a, b| a.$field.clone_from(&b.$field),
            show: |a| a.$field.shown(),
        }
    };
}

/// The parts of a thing that merge separately.
pub trait Fields: Clone + PartialEq + Sized + 'static {
    const PARTS: &'static [Part<Self>];

    /// The names of the parts that differ between two versions.
    fn differences(&self, other: &Self) -> Vec<&'static str> {
        Self::PARTS
            .iter()
            .filter(|p| !(p.same)(self, other))
            .map(|p| p.name)
            .collect()
    }

    /// The parts that differ, each with its value here and in `other`.
    fn differing(&self, other: &Self) -> Vec<(&'static str, String, String)> {
        Self::PARTS
            .iter()
            .filter(|p| !(p.same)(self, other))
            .map(|p| (p.name, (p.show)(self), (p.show)(other)))
            .collect()
    }
}

impl Fields for Claim {
    const PARTS: &'static [Part<Self>] = &[
        part!(text, "text"),
        part!(label, "label"),
        part!(pos, "position"),
        part!(note, "note"),
        part!(quote, "quote"),
        part!(pin, "pin"),
    ];
}

impl Fields for Link {
    const PARTS: &'static [Part<Self>] = &[
        part!(kind, "kind"),
        part!(premises, "premises"),
        part!(target, "target"),
        part!(note, "note"),
        part!(scheme, "scheme"),
        part!(question, "question"),
    ];
}

impl Fields for Source {
    const PARTS: &'static [Part<Self>] = &[
        part!(title, "title"),
        part!(authors, "authors"),
        part!(publication, "publication"),
        part!(date, "date"),
        part!(stance, "stance"),
        part!(text, "text"),
    ];
}

/// A map's title and description, merged as one more thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub title: String,
    pub description: String,
}

impl Fields for Meta {
    const PARTS: &'static [Part<Self>] =
        &[part!(title, "title"), part!(description, "description")];
}

/// How one thing merged.
#[derive(Debug, PartialEq)]
pub enum Outcome<T> {
    /// Both sides agree, or only one changed it: the result (`None`: deleted).
    Merged(Option<T>),
    /// Changed two ways: `kept` holds our side's version of every part that
    /// conflicts and the merged version of the rest; `theirs_instead` the
    /// same with their side's parts.
    Conflict {
        kept: Option<T>,
        theirs_instead: Option<T>,
        parts: Vec<&'static str>,
    },
}

/// The three-way merge of one thing: `None` where a side does not have it.
pub fn three_way<T: Fields>(base: Option<&T>, ours: Option<&T>, theirs: Option<&T>) -> Outcome<T> {
    if ours == theirs || theirs == base {
        return Outcome::Merged(ours.cloned());
    }
    if ours == base {
        return Outcome::Merged(theirs.cloned());
    }
    match (base, ours, theirs) {
        (Some(base), Some(ours), Some(theirs)) => {
            let mut kept = ours.clone();
            let mut theirs_instead = ours.clone();
            let mut parts = Vec::new();
            for part in T::PARTS {
                if (part.same)(ours, base) {
                    (part.take)(&mut kept, theirs);
                    (part.take)(&mut theirs_instead, theirs);
                } else if !(part.same)(theirs, base) && !(part.same)(theirs, ours) {
                    (part.take)(&mut theirs_instead, theirs);
                    parts.push(part.name);
                }
            }
            if parts.is_empty() {
                Outcome::Merged(Some(kept))
            } else {
                Outcome::Conflict {
                    kept: Some(kept),
                    theirs_instead: Some(theirs_instead),
                    parts,
                }
            }
        }
        // Deleted on one side and changed on the other, or added two ways.
        (_, ours, theirs) => {
            let parts = match (ours, theirs) {
                (Some(o), Some(t)) => o.differences(t),
                _ => Vec::new(),
            };
            Outcome::Conflict {
                kept: ours.cloned(),
                theirs_instead: theirs.cloned(),
                parts,
            }
        }
    }
}
