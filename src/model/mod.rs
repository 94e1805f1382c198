//! The argument map as plain data: sources, claims, links. No UI types live here,
//! so the CLI, the tests and the editor all share one model.

mod blocks;
mod debate;
mod edit;
mod history;
mod ids;
mod validate;

pub use blocks::{Block, BlockKind, blocks};
pub use debate::{COLUMN_GAP, DebatePlan, SidePlan};
pub use edit::{Edit, EditError};
pub use history::History;
pub use ids::{ClaimId, LinkId, SourceId};
pub use validate::{
    MAX_DESCRIPTION_CHARS, MAX_LABEL_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, Problem, validate,
};

use serde::{Deserialize, Serialize};

/// The current file format version. See `docs/FORMAT.md` for the version policy.
pub const FORMAT_VERSION: u32 = 3;
/// The oldest format this Argmap still reads (and converts on load).
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// A whole argument map: what a `.ron` file holds.
///
/// Sources, claims and links are kept sorted by id so that saving is
/// deterministic and lookups can use binary search.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Map {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// The order a teacher chose to present the argument in: empty while
    /// Argmap works the order out from the map.
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// One step of a presentation: its name, and the claims it brings in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    pub claims: Vec<ClaimId>,
}

/// An article a map quotes, carried whole inside the map so the file is self-contained.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub publication: String,
    /// Free text as printed ("6 July 2017", "October 2017").
    #[serde(default)]
    pub date: String,
    /// One line: where the author stands in the debate.
    #[serde(default)]
    pub stance: String,
    /// The full text. Paragraphs are separated by a blank line; a paragraph
    /// starting with `# ` is a heading and one starting with `- ` a list item.
    pub text: String,
}

impl Source {
    /// The authors' surnames ("Tamkin & Gramer"), or the title when the
    /// source names no author: how badges and counts name a source.
    pub fn short_name(&self) -> String {
        let surnames: Vec<&str> = self
            .authors
            .iter()
            .filter_map(|a| a.split_whitespace().last())
            .collect();
        if surnames.is_empty() {
            self.title.clone()
        } else {
            surnames.join(" & ")
        }
    }
}

/// A position on the canvas, in canvas units (one unit is one logical pixel at 100 % zoom).
/// Written as a pair `(x, y)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "(f32, f32)", into = "(f32, f32)")]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl From<(f32, f32)> for Point {
    fn from((x, y): (f32, f32)) -> Self {
        Self { x, y }
    }
}

impl From<Point> for (f32, f32) {
    fn from(p: Point) -> Self {
        (p.x, p.y)
    }
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// One statement on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: ClaimId,
    pub text: String,
    /// A few words that name the claim, shown when the map is zoomed out
    /// too far for its text; empty when the claim has none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Centre of the claim's card.
    #[serde(default)]
    pub pos: Point,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where in which source the claim was quoted from; `None` for a paraphrase
    /// or a bridging claim the analyst added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
    /// A what-if assumption kept in the file at the user's request; the
    /// evaluation treats the claim as accepted or rejected whatever its links say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<Pin>,
}

/// A what-if assumption about a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pin {
    Accepted,
    Rejected,
}

/// A quote anchor: the exact span of a source a claim came from.
///
/// `start` and `end` are **byte** offsets into the source's UTF-8 text
/// (end exclusive), and must fall on character boundaries. `text` repeats the
/// quoted passage so that a changed source can be detected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LinkKind {
    /// The premises give a reason to accept the target.
    Support,
    /// The premises give a reason to reject the target (an undercut when the target is a link).
    Rebut,
}

impl LinkKind {
    /// Every kind, in the order choices list them.
    pub const ALL: [Self; 2] = [Self::Support, Self::Rebut];

    /// The kind's name as a choice shows it ("Support").
    pub fn name(self) -> &'static str {
        match self {
            Self::Support => "Support",
            Self::Rebut => "Rebut",
        }
    }

    /// Whether the link argues for its target (a reason, or backing).
    pub fn is_support(self) -> bool {
        match self {
            Self::Support => true,
            Self::Rebut => false,
        }
    }

    /// Whether the link attacks its target (a rebut, or an undercut):
    /// drawn dashed, with a bar, and judged as an attack.
    pub fn is_attack(self) -> bool {
        match self {
            Self::Support => false,
            Self::Rebut => true,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Support => "support",
            Self::Rebut => "rebut",
        }
    }

    pub fn other(self) -> Self {
        match self {
            Self::Support => Self::Rebut,
            Self::Rebut => Self::Support,
        }
    }
}

/// What a link points at: a claim, or another link (an undercut attacks the inference).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Target {
    Claim(ClaimId),
    Link(LinkId),
}

/// A support or rebut relation from one or more premises to a target.
///
/// Several premises form a linked argument: they support (or rebut) only together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: LinkId,
    pub kind: LinkKind,
    pub premises: Vec<ClaimId>,
    pub target: Target,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The argument scheme the link follows: the id of a scheme in Argmap's
    /// catalogue, or a name brought in from another tool; empty when untagged.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scheme: String,
    /// For a link aimed at another link: which of that link's critical
    /// questions it answers (the question's id in the catalogue), raising it
    /// as an objection (a rebut) or meeting it (a support); empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
}

impl Link {
    /// A link with one premise aimed at a claim: the only shape that can be reversed.
    pub fn simple_ends(&self) -> Option<(ClaimId, ClaimId)> {
        match (self.premises.as_slice(), self.target) {
            ([from], Target::Claim(to)) => Some((*from, to)),
            _ => None,
        }
    }

    /// Whether two links say the same thing: one kind, one target, the
    /// same premises in any order. A map holds no two such links.
    pub fn same_shape(&self, other: &Link) -> bool {
        validate::same_shape(self, other)
    }

    pub fn touches_claim(&self, claim: ClaimId) -> bool {
        self.premises.contains(&claim) || self.target == Target::Claim(claim)
    }
}

/// Places of ids in a list sorted by id: a table when the ids are compact
/// (as Argmap numbers them), else the sorted ids to search. Far quicker than
/// a search of the list per lookup on maps of 100,000 claims, where each
/// search misses the cache.
pub enum Places {
    /// Place by id; `u32::MAX` for no such id.
    Table(Vec<u32>),
    Sorted(Vec<u64>),
}

impl Places {
    fn new(ids: impl ExactSizeIterator<Item = u64> + Clone) -> Self {
        let n = ids.len();
        let max = ids.clone().max().unwrap_or(0);
        if n < u32::MAX as usize && max <= (4 * n as u64).max(1024) {
            let mut table = vec![u32::MAX; max as usize + 1];
            for (i, id) in ids.enumerate() {
                table[id as usize] = i as u32;
            }
            Self::Table(table)
        } else {
            Self::Sorted(ids.collect())
        }
    }

    /// The place of `id`, if it is in the list.
    pub fn get(&self, id: u64) -> Option<usize> {
        match self {
            Self::Table(table) => table
                .get(id as usize)
                .filter(|&&i| i != u32::MAX)
                .map(|&i| i as usize),
            Self::Sorted(ids) => ids.binary_search(&id).ok(),
        }
    }
}

fn find<T, K: Ord>(items: &[T], key: &K, id_of: impl Fn(&T) -> &K) -> Result<usize, usize> {
    items.binary_search_by(|item| id_of(item).cmp(key))
}

impl Map {
    /// The saved steps without claims the map no longer has, without a
    /// claim's second place, and without steps left empty.
    pub fn pruned_steps(&self) -> Vec<Step> {
        self.pruned(&self.steps)
    }

    /// `steps` as [`Map::pruned_steps`] keeps them for this map.
    pub fn pruned(&self, steps: &[Step]) -> Vec<Step> {
        let mut seen = std::collections::HashSet::new();
        steps
            .iter()
            .map(|step| Step {
                title: step.title.clone(),
                claims: step
                    .claims
                    .iter()
                    .copied()
                    .filter(|&c| self.claim(c).is_some() && seen.insert(c))
                    .collect(),
            })
            .filter(|step| !step.claims.is_empty())
            .collect()
    }

    /// The links that some other link aims at (undercut or backed), found
    /// in one pass, for writers that ask it of every link.
    pub fn aimed_at(&self) -> std::collections::HashSet<LinkId> {
        self.links
            .iter()
            .filter_map(|l| match l.target {
                Target::Link(id) => Some(id),
                Target::Claim(_) => None,
            })
            .collect()
    }

    /// A quick way from claim ids to places in `claims`, for work that asks
    /// it of every link.
    pub fn claim_places(&self) -> Places {
        Places::new(self.claims.iter().map(|c| c.id.0))
    }

    /// A quick way from link ids to places in `links`.
    pub fn link_places(&self) -> Places {
        Places::new(self.links.iter().map(|l| l.id.0))
    }

    /// Where a claim stands in `claims` (kept sorted by id).
    pub fn claim_index(&self, id: ClaimId) -> Option<usize> {
        find(&self.claims, &id, |c| &c.id).ok()
    }

    /// Where a link stands in `links` (kept sorted by id).
    pub fn link_index(&self, id: LinkId) -> Option<usize> {
        find(&self.links, &id, |l| &l.id).ok()
    }

    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        find(&self.claims, &id, |c| &c.id)
            .ok()
            .map(|i| &self.claims[i])
    }

    pub fn claim_mut(&mut self, id: ClaimId) -> Option<&mut Claim> {
        find(&self.claims, &id, |c| &c.id)
            .ok()
            .map(|i| &mut self.claims[i])
    }

    pub fn link(&self, id: LinkId) -> Option<&Link> {
        find(&self.links, &id, |l| &l.id)
            .ok()
            .map(|i| &self.links[i])
    }

    pub fn link_mut(&mut self, id: LinkId) -> Option<&mut Link> {
        find(&self.links, &id, |l| &l.id)
            .ok()
            .map(|i| &mut self.links[i])
    }

    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        find(&self.sources, id, |s| &s.id)
            .ok()
            .map(|i| &self.sources[i])
    }

    /// An unused claim id: the one after the highest in use.
    pub fn next_claim_id(&self) -> ClaimId {
        self.free_claim_ids(1)[0]
    }

    pub fn next_link_id(&self) -> LinkId {
        self.free_link_ids(1)[0]
    }

    /// `n` unused claim ids, for adding several claims in one edit.
    pub fn free_claim_ids(&self, n: usize) -> Vec<ClaimId> {
        free_ids(self.claims.iter().map(|c| c.id.0), n)
            .into_iter()
            .map(ClaimId)
            .collect()
    }

    pub fn free_link_ids(&self, n: usize) -> Vec<LinkId> {
        free_ids(self.links.iter().map(|l| l.id.0), n)
            .into_iter()
            .map(LinkId)
            .collect()
    }

    /// Links whose premises or target include `claim`.
    pub fn links_touching(&self, claim: ClaimId) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.touches_claim(claim))
    }

    /// Links aimed at `link` (undercuts).
    pub fn links_targeting_link(&self, link: LinkId) -> impl Iterator<Item = &Link> {
        self.links
            .iter()
            .filter(move |l| l.target == Target::Link(link))
    }

    /// Sorts every list by id. Maps built by hand or read from a file may be out
    /// of order; everything else assumes sorted lists.
    pub fn sort(&mut self) {
        self.sources.sort_by(|a, b| a.id.cmp(&b.id));
        self.claims.sort_by_key(|c| c.id);
        self.links.sort_by_key(|l| l.id);
    }

    /// The pins kept in the file, by claim.
    pub fn saved_pins(&self) -> std::collections::BTreeMap<ClaimId, Pin> {
        self.claims
            .iter()
            .filter_map(|c| c.pin.map(|pin| (c.id, pin)))
            .collect()
    }

    /// Claims that no link touches.
    pub fn unlinked_claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims
            .iter()
            .filter(|c| !self.links.iter().any(|l| l.touches_claim(c.id)))
    }
}

/// `n` ids not in `used` (sorted ascending): counting up from the highest,
/// or, when a file has used ids up to the very top, filling gaps from 1.
fn free_ids(used: impl Iterator<Item = u64> + Clone, n: usize) -> Vec<u64> {
    let highest = used.clone().last().unwrap_or(0);
    let above: Vec<u64> = (1..=n as u64)
        .map_while(|i| highest.checked_add(i))
        .collect();
    if above.len() == n {
        return above;
    }
    let taken: std::collections::BTreeSet<u64> = used.collect();
    (1..=u64::MAX)
        .filter(|id| !taken.contains(id))
        .take(n)
        .collect()
}

/// A short, one-line version of `text` for messages: at most `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// "1 claim", "2 claims": a count with its noun, for messages.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}
