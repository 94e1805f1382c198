//! Random edits for property tests: each step picks among whatever the map
//! holds when it runs, so a sequence of them stays meaningful as the map changes.

use super::{claim, link};
use argmap::model::{Edit, LinkId, LinkKind, Map, Point, Quote, Target};
use proptest::prelude::*;

/// One random step: indices pick among whatever exists when the step runs.
#[derive(Clone, Debug)]
pub enum Op {
    AddClaim {
        text: String,
        x: f32,
        y: f32,
        quote: Option<(usize, usize)>,
    },
    RemoveClaimWithLinks(usize),
    ChangeText(usize, String),
    Move(Vec<(usize, f32, f32)>),
    AddLink {
        support: bool,
        premises: Vec<usize>,
        target: usize,
        on_link: bool,
    },
    RemoveLink(usize),
    Retype(usize),
    Reverse(usize),
    AddPremise(usize, usize),
    RemovePremise(usize, usize),
    Note(usize, String),
    Meta(String),
}

pub fn op() -> impl Strategy<Value = Op> {
    let coord = -5000.0f32..5000.0;
    prop_oneof![
        (
            "[a-zé’ ]{0,12}",
            coord.clone(),
            coord.clone(),
            proptest::option::of((0usize..200, 0usize..60))
        )
            .prop_map(|(text, x, y, quote)| Op::AddClaim { text, x, y, quote }),
        any::<usize>().prop_map(Op::RemoveClaimWithLinks),
        (any::<usize>(), "[a-z]{0,8}").prop_map(|(i, t)| Op::ChangeText(i, t)),
        proptest::collection::vec((any::<usize>(), coord.clone(), coord), 1..4).prop_map(Op::Move),
        (
            any::<bool>(),
            proptest::collection::vec(any::<usize>(), 1..4),
            any::<usize>(),
            any::<bool>()
        )
            .prop_map(|(support, premises, target, on_link)| Op::AddLink {
                support,
                premises,
                target,
                on_link
            }),
        any::<usize>().prop_map(Op::RemoveLink),
        any::<usize>().prop_map(Op::Retype),
        any::<usize>().prop_map(Op::Reverse),
        (any::<usize>(), any::<usize>()).prop_map(|(l, c)| Op::AddPremise(l, c)),
        (any::<usize>(), any::<usize>()).prop_map(|(l, c)| Op::RemovePremise(l, c)),
        (any::<usize>(), "[a-z]{0,8}").prop_map(|(l, n)| Op::Note(l, n)),
        "[a-z]{0,8}".prop_map(Op::Meta),
    ]
}

/// Turns an op into an edit against the current map, or `None` when there is nothing to pick.
pub fn to_edit(map: &Map, op: Op) -> Option<Edit> {
    let claim_at = |i: usize| map.claims.get(i % map.claims.len().max(1)).map(|c| c.id);
    let link_at = |i: usize| map.links.get(i % map.links.len().max(1)).map(|l| l.id);
    Some(match op {
        Op::AddClaim { text, x, y, quote } => {
            let mut new = claim(map.next_claim_id().0, &text, x, y);
            if let Some((start_char, len)) = quote {
                let source = &map.sources[0];
                let chars: Vec<(usize, char)> = source.text.char_indices().collect();
                let (start, _) = chars[start_char % chars.len()];
                let end_char = (start_char % chars.len() + 1 + len).min(chars.len());
                let end = chars.get(end_char).map_or(source.text.len(), |(b, _)| *b);
                new.quote = Some(Quote {
                    source: source.id.clone(),
                    start,
                    end,
                    text: source.text[start..end].to_owned(),
                });
            }
            Edit::AddClaim(new)
        }
        Op::RemoveClaimWithLinks(i) => {
            let id = claim_at(i)?;
            // Undercuts on the claim's links go first, then the links, then the claim.
            let touching: Vec<LinkId> = map.links_touching(id).map(|l| l.id).collect();
            let mut edits: Vec<Edit> = map
                .links
                .iter()
                .filter(|l| {
                    matches!(l.target, Target::Link(t) if touching.contains(&t))
                        && !touching.contains(&l.id)
                })
                .map(|l| Edit::RemoveLink(l.id))
                .collect();
            edits.extend(touching.into_iter().map(Edit::RemoveLink));
            edits.push(Edit::RemoveClaim(id));
            Edit::Batch(edits)
        }
        Op::ChangeText(i, text) => {
            let mut changed = map.claim(claim_at(i)?)?.clone();
            changed.text = text;
            Edit::ChangeClaim(changed)
        }
        Op::Move(moves) => Edit::MoveClaims(
            moves
                .into_iter()
                .filter_map(|(i, x, y)| Some((claim_at(i)?, Point::new(x, y))))
                .collect(),
        ),
        Op::AddLink {
            support,
            premises,
            target,
            on_link,
        } => {
            let kind = if support {
                LinkKind::Support
            } else {
                LinkKind::Rebut
            };
            let premises: Vec<u64> = premises
                .into_iter()
                .filter_map(|i| claim_at(i).map(|c| c.0))
                .collect();
            let target = if on_link {
                Target::Link(link_at(target)?)
            } else {
                Target::Claim(claim_at(target)?)
            };
            Edit::AddLink(link(map.next_link_id().0, kind, &premises, target))
        }
        Op::RemoveLink(i) => Edit::RemoveLink(link_at(i)?),
        Op::Retype(i) => {
            let l = map.link(link_at(i)?)?;
            Edit::RetypeLink {
                link: l.id,
                kind: l.kind.other(),
            }
        }
        Op::Reverse(i) => Edit::ReverseLink(link_at(i)?),
        Op::AddPremise(l, c) => Edit::AddPremise {
            link: link_at(l)?,
            claim: claim_at(c)?,
        },
        Op::RemovePremise(l, c) => Edit::RemovePremise {
            link: link_at(l)?,
            claim: claim_at(c)?,
        },
        Op::Note(l, note) => Edit::SetLinkNote {
            link: link_at(l)?,
            note,
        },
        Op::Meta(title) => Edit::SetMeta {
            title,
            description: "d".into(),
        },
    })
}
