//! Which critical questions of a map's tagged links are answered, and which
//! are still open. A question is answered by a link aimed at the argument
//! and marked with the question: a rebut raises it as an objection, a
//! support meets it.

use super::{Catalogue, Question};
use crate::model::{LinkId, LinkKind, Map, Target};
use std::collections::BTreeMap;

/// How a critical question of one link stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Open,
    /// Raised as an objection by this link (an undercut).
    Raised(LinkId),
    /// Met by this link (a support of the inference).
    Met(LinkId),
}

/// One critical question of a link, with how it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked<'a> {
    pub question: &'a Question,
    pub answer: Answer,
}

/// A question still open: the link it tests and the question's id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OpenQuestion {
    pub link: LinkId,
    pub question: String,
}

/// Every link that answers a question, by (the link it answers, question id);
/// the first answer in id order wins when a question has several.
pub fn answers(map: &Map) -> BTreeMap<(LinkId, &str), (LinkId, LinkKind)> {
    let mut out = BTreeMap::new();
    for link in &map.links {
        if let (false, Target::Link(target)) = (link.question.is_empty(), link.target) {
            out.entry((target, link.question.as_str()))
                .or_insert((link.id, link.kind));
        }
    }
    out
}

/// The critical questions of one link's scheme, each with how it stands.
/// Empty when the link has no scheme or one the catalogue does not know.
pub fn asked<'a>(map: &Map, catalogue: &'a Catalogue, link: LinkId) -> Vec<Asked<'a>> {
    let Some(scheme) = map.link(link).and_then(|l| catalogue.scheme(&l.scheme)) else {
        return Vec::new();
    };
    let answered = answers(map);
    scheme
        .questions
        .iter()
        .map(|question| Asked {
            question,
            answer: match answered.get(&(link, question.id.as_str())) {
                None => Answer::Open,
                Some(&(by, LinkKind::Rebut)) => Answer::Raised(by),
                Some(&(by, LinkKind::Support)) => Answer::Met(by),
            },
        })
        .collect()
}

/// Every question still open on the map, link by link in id order and each
/// link's questions in catalogue order.
pub fn open_questions(map: &Map, catalogue: &Catalogue) -> Vec<OpenQuestion> {
    let answered = answers(map);
    let mut out = Vec::new();
    for link in &map.links {
        let Some(scheme) = catalogue.scheme(&link.scheme) else {
            continue;
        };
        for question in &scheme.questions {
            if !answered.contains_key(&(link.id, question.id.as_str())) {
                out.push(OpenQuestion {
                    link: link.id,
                    question: question.id.clone(),
                });
            }
        }
    }
    out
}

/// The map as it would be if every open question were raised as an
/// objection nobody answers: one new claim (the question itself) undercutting
/// each argument per open question. For the what-if view of which claims
/// stand; the new claims and links come after every id of `map`.
pub fn with_open_questions_raised(map: &Map, catalogue: &Catalogue) -> Map {
    let open = open_questions(map, catalogue);
    let mut out = map.clone();
    let claims = map.free_claim_ids(open.len());
    let links = map.free_link_ids(open.len());
    for ((item, claim), id) in open.iter().zip(claims).zip(links) {
        let text = map
            .link(item.link)
            .and_then(|l| catalogue.scheme(&l.scheme))
            .and_then(|s| s.questions.iter().find(|q| q.id == item.question))
            .map_or_else(String::new, |q| q.text.clone());
        out.claims.push(crate::model::Claim {
            id: claim,
            text,
            label: String::new(),
            pos: crate::model::Point::default(),
            note: String::new(),
            quote: None,
            pin: None,
        });
        out.links.push(crate::model::Link {
            id,
            kind: LinkKind::Rebut,
            premises: vec![claim],
            target: Target::Link(item.link),
            note: String::new(),
            scheme: String::new(),
            question: item.question.clone(),
        });
    }
    out.sort();
    out
}
