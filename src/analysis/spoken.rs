//! What a screen reader says about a claim or a link besides its words:
//! where a claim comes from, what it bears on and how, what bears on it,
//! and whether it stands when the map is evaluated. A sighted reader gets
//! this from the card's badge, the arrows and the colours.

use super::evaluate::Status;
use crate::model::{BlockKind, ClaimId, LinkId, LinkKind, Map, Target, blocks, count, excerpt};
use crate::schemes::Catalogue;
use std::collections::HashMap;

/// Which links each claim is a premise of, and which are aimed at it:
/// found once per version of the map, so describing every card on screen
/// does not search every link for each.
#[derive(Default)]
pub struct Ends {
    premise_of: HashMap<ClaimId, Vec<LinkId>>,
    aimed_at: HashMap<ClaimId, Vec<LinkId>>,
    /// The links aimed at each link (undercuts and backing).
    at_link: HashMap<LinkId, Vec<LinkId>>,
}

impl Ends {
    pub fn of(map: &Map) -> Self {
        let mut ends = Self::default();
        for link in &map.links {
            for &p in &link.premises {
                ends.premise_of.entry(p).or_default().push(link.id);
            }
            match link.target {
                Target::Claim(c) => ends.aimed_at.entry(c).or_default().push(link.id),
                Target::Link(l) => ends.at_link.entry(l).or_default().push(link.id),
            }
        }
        ends
    }

    /// The links `claim` is a premise of, in id order.
    pub fn premise_of(&self, claim: ClaimId) -> &[LinkId] {
        self.premise_of.get(&claim).map_or(&[], Vec::as_slice)
    }

    /// The links aimed at `claim`, in id order.
    pub fn aimed_at(&self, claim: ClaimId) -> &[LinkId] {
        self.aimed_at.get(&claim).map_or(&[], Vec::as_slice)
    }

    /// The links aimed at `link`, in id order.
    pub fn aimed_at_link(&self, link: LinkId) -> &[LinkId] {
        self.at_link.get(&link).map_or(&[], Vec::as_slice)
    }
}

/// A claim's words, short, in quotation marks.
fn words(map: &Map, id: ClaimId) -> String {
    map.claim(id)
        .map_or_else(String::new, |c| format!("“{}”", excerpt(&c.text, 60)))
}

/// What a link points at, in words.
fn target_words(map: &Map, target: Target) -> String {
    match target {
        Target::Claim(id) => words(map, id),
        Target::Link(id) => map.link(id).map_or_else(String::new, |l| {
            let from = l
                .premises
                .first()
                .map(|&p| words(map, p))
                .unwrap_or_default();
            format!("the {} link from {from}", l.kind.label())
        }),
    }
}

/// The 1-based number of the paragraph holding byte `at` of `text`.
pub fn paragraph_at(text: &str, at: usize) -> usize {
    blocks(text)
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph && b.start <= at)
        .count()
        .max(1)
}

/// A claim's description: source, what it bears on, what bears on it, and
/// its status when `status` is given (which claims stand is shown).
pub fn claim(map: &Map, ends: &Ends, id: ClaimId, status: Option<Status>) -> String {
    let Some(claim) = map.claim(id) else {
        return String::new();
    };
    let mut said = Vec::new();
    match &claim.quote {
        Some(quote) => {
            let source = map.source(&quote.source);
            let name = source.map_or_else(|| quote.source.to_string(), |s| s.short_name());
            let paragraph = source.map_or(1, |s| paragraph_at(&s.text, quote.start));
            said.push(format!("Quoted from {name}, paragraph {paragraph}."));
        }
        None => said.push("Not quoted from a source.".to_owned()),
    }
    for link in ends.premise_of(id).iter().filter_map(|&l| map.link(l)) {
        let verb = if link.kind.is_attack() {
            "Rebuts"
        } else {
            "Supports"
        };
        let others: Vec<String> = link
            .premises
            .iter()
            .filter(|&&p| p != id)
            .map(|&p| words(map, p))
            .collect();
        let together = if others.is_empty() {
            String::new()
        } else {
            format!(", together with {}", others.join(" and "))
        };
        said.push(format!(
            "{verb} {}{together}.",
            target_words(map, link.target)
        ));
    }
    let aimed: Vec<_> = ends
        .aimed_at(id)
        .iter()
        .filter_map(|&l| map.link(l))
        .collect();
    let reasons = aimed.iter().filter(|l| l.kind.is_support()).count();
    let objections = aimed.len() - reasons;
    if aimed.is_empty() {
        said.push("Nothing supports or rebuts it yet.".to_owned());
    } else {
        said.push(format!(
            "{} and {} bear on it.",
            count(reasons, "reason", "reasons"),
            count(objections, "objection", "objections")
        ));
    }
    if let Some(status) = status {
        said.push(format!("It is {}.", status.label()));
    }
    said.join(" ")
}

/// A link's description: its scheme, the critical question it answers, its
/// note, and its status when `status` is given.
pub fn link(map: &Map, id: LinkId, status: Option<Status>) -> String {
    let Some(link) = map.link(id) else {
        return String::new();
    };
    let catalogue = Catalogue::bundled();
    let mut said = Vec::new();
    if link.premises.len() > 1 {
        said.push(format!(
            "{} premises that work only together.",
            link.premises.len()
        ));
    }
    if !link.scheme.is_empty() {
        said.push(format!("Scheme: {}.", catalogue.display_name(&link.scheme)));
    }
    if !link.question.is_empty() {
        // The question's words, from the scheme of the link it answers.
        let asked = match link.target {
            Target::Link(t) => map
                .link(t)
                .and_then(|t| catalogue.scheme(&t.scheme))
                .and_then(|s| s.questions.iter().find(|q| q.id == link.question))
                .map(|q| q.text.clone()),
            Target::Claim(_) => None,
        };
        said.push(format!(
            "Answers the critical question “{}”.",
            asked.unwrap_or_else(|| link.question.clone())
        ));
    }
    if !link.note.is_empty() {
        said.push(format!("Note: {}", excerpt(&link.note, 200)));
    }
    if let Some(status) = status {
        said.push(format!("It is {}.", status.label()));
    }
    said.join(" ")
}

/// A link in one sentence: its premises' words (cut short, in quotation
/// marks), how it bears, and on what.
pub fn link_sentence(map: &Map, link: LinkId) -> String {
    let Some(link) = map.link(link) else {
        return String::new();
    };
    let claim = |c: ClaimId| {
        map.claim(c)
            .map_or_else(String::new, |c| format!("“{}”", excerpt(&c.text, 70)))
    };
    let premises: Vec<String> = link.premises.iter().map(|&p| claim(p)).collect();
    let target = match link.target {
        Target::Claim(c) => claim(c),
        Target::Link(_) => "another link".to_owned(),
    };
    let verb = match link.kind {
        LinkKind::Support => "supports",
        LinkKind::Rebut => "rebuts",
    };
    format!("{} {verb} {target}", premises.join(" + "))
}

/// The claims in the order a reader follows the argument: each main
/// contention (a claim that bears on no other), left to right as the map
/// shows them, then what bears on it, reasons and objections in turn, each
/// followed by what bears on it; the undercuts of a link after its
/// premises. Claims on a ring of links come last, by id. Tab visits the
/// cards in this order.
pub fn reading_order(map: &Map, ends: &Ends) -> Vec<ClaimId> {
    let mut mains: Vec<&crate::model::Claim> = map
        .claims
        .iter()
        .filter(|c| ends.premise_of(c.id).is_empty())
        .collect();
    mains.sort_by(|a, b| a.pos.x.total_cmp(&b.pos.x).then(a.id.cmp(&b.id)));
    let mut order = Vec::with_capacity(map.claims.len());
    let mut seen = std::collections::HashSet::new();
    // An explicit stack: an argument may be thousands of claims deep.
    let mut stack: Vec<ClaimId> = mains.iter().rev().map(|c| c.id).collect();
    let mut visit = |start: ClaimId, order: &mut Vec<ClaimId>, stack: &mut Vec<ClaimId>| {
        stack.push(start);
        while let Some(claim) = stack.pop() {
            if !seen.insert(claim) {
                continue;
            }
            order.push(claim);
            let mut next = Vec::new();
            for &l in ends.aimed_at(claim) {
                let Some(link) = map.link(l) else { continue };
                next.extend(link.premises.iter().copied());
                let mut undercuts = ends.aimed_at_link(l).to_vec();
                while let Some(u) = undercuts.pop() {
                    if let Some(undercut) = map.link(u) {
                        next.extend(undercut.premises.iter().copied());
                        undercuts.extend_from_slice(ends.aimed_at_link(u));
                    }
                }
            }
            stack.extend(next.into_iter().rev());
        }
    };
    let mut pending = std::mem::take(&mut stack);
    while let Some(main) = pending.pop() {
        visit(main, &mut order, &mut stack);
    }
    for claim in &map.claims {
        visit(claim.id, &mut order, &mut stack);
    }
    order
}
