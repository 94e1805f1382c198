//! Edits and undo: every edit returns its exact inverse, refused edits change
//! nothing, and a valid map stays valid.

mod common;

use argmap::model::{
    ClaimId, Edit, EditError, History, LinkId, LinkKind, Map, Point, Problem, Quote, SourceId,
    Target, validate,
};
use common::{claim, link, small_map};
use proptest::prelude::*;

fn apply_and_undo(map: &mut Map, edit: Edit) -> Edit {
    let before = map.clone();
    let inverse = edit.apply(map).expect("edit applies");
    assert!(
        validate(map).is_empty(),
        "edit left problems: {:?}",
        validate(map)
    );
    let redo = inverse.clone().apply(map).expect("inverse applies");
    assert_eq!(*map, before, "inverse did not restore the map");
    redo.apply(map).expect("redo applies");
    inverse
}

#[test]
fn small_map_is_valid() {
    assert_eq!(validate(&small_map()), vec![]);
}

#[test]
fn each_edit_kind_round_trips() {
    let mut map = small_map();
    let edits = vec![
        Edit::AddClaim(claim(9, "New", 5.0, 5.0)),
        Edit::ChangeClaim(claim(9, "Changed", 5.0, 5.0)),
        Edit::MoveClaims(vec![
            (ClaimId(1), Point::new(10.0, 20.0)),
            (ClaimId(1), Point::new(1.0, 2.0)),
        ]),
        Edit::AddLink(link(9, LinkKind::Support, &[9], Target::Claim(ClaimId(4)))),
        Edit::RetypeLink {
            link: LinkId(9),
            kind: LinkKind::Rebut,
        },
        Edit::ReverseLink(LinkId(9)),
        Edit::AddPremise {
            link: LinkId(1),
            claim: ClaimId(4),
        },
        Edit::RemovePremise {
            link: LinkId(2),
            claim: ClaimId(2),
        },
        Edit::SetLinkNote {
            link: LinkId(1),
            note: "why".into(),
        },
        Edit::SetMeta {
            title: "T".into(),
            description: "D".into(),
        },
        Edit::Batch(vec![
            Edit::RemoveLink(LinkId(4)),
            Edit::RemoveLink(LinkId(3)),
        ]),
    ];
    for edit in edits {
        apply_and_undo(&mut map, edit);
    }
    // The reverse swapped ends: claim 4 now points at claim 9.
    let reversed = map.link(LinkId(9)).expect("link 9");
    assert_eq!(reversed.simple_ends(), Some((ClaimId(4), ClaimId(9))));
    assert_eq!(
        map.claim(ClaimId(1)).map(|c| c.pos),
        Some(Point::new(1.0, 2.0))
    );
}

#[test]
fn removing_a_claim_with_links_is_refused_but_a_batch_can_do_it() {
    let mut map = small_map();
    let before = map.clone();
    assert_eq!(
        Edit::RemoveClaim(ClaimId(3)).apply(&mut map),
        Err(EditError::ClaimHasLinks(ClaimId(3)))
    );
    assert_eq!(map, before);
    let batch = Edit::Batch(vec![
        Edit::RemoveLink(LinkId(4)),
        Edit::RemoveLink(LinkId(2)),
        Edit::RemoveClaim(ClaimId(3)),
    ]);
    apply_and_undo(&mut map, batch);
    assert!(map.claim(ClaimId(3)).is_none());
}

#[test]
fn a_failing_batch_rolls_back() {
    let mut map = small_map();
    let before = map.clone();
    let batch = Edit::Batch(vec![
        Edit::RemoveLink(LinkId(4)),
        Edit::RemoveClaim(ClaimId(3)), // still has link 2
    ]);
    assert_eq!(
        batch.apply(&mut map),
        Err(EditError::ClaimHasLinks(ClaimId(3)))
    );
    assert_eq!(map, before);
}

#[test]
fn edits_that_would_break_the_map_are_refused() {
    let map = small_map();
    let refused = [
        (Edit::AddClaim(claim(1, "dup", 0.0, 0.0)), "already exists"),
        (
            Edit::AddClaim(claim(9, "nan", f32::NAN, 0.0)),
            "not a number",
        ),
        (
            Edit::AddLink(link(9, LinkKind::Support, &[1], Target::Claim(ClaimId(1)))),
            "to itself",
        ),
        (
            Edit::AddLink(link(9, LinkKind::Support, &[2], Target::Claim(ClaimId(1)))),
            "repeats link 1",
        ),
        (
            Edit::AddLink(link(9, LinkKind::Support, &[7], Target::Claim(ClaimId(1)))),
            "does not exist",
        ),
        (
            Edit::AddLink(argmap::model::Link {
                question: "differences".into(),
                ..link(9, LinkKind::Rebut, &[1], Target::Claim(ClaimId(4)))
            }),
            "answers a critical question but is aimed at a claim",
        ),
        (
            Edit::AddLink(link(9, LinkKind::Rebut, &[], Target::Claim(ClaimId(1)))),
            "no premises",
        ),
        (Edit::RemoveLink(LinkId(3)), "target of another link"),
        (
            Edit::SetQuestion {
                link: LinkId(1),
                question: "differences".into(),
            },
            "answers a critical question but is aimed at a claim",
        ),
        (Edit::ReverseLink(LinkId(2)), "cannot be reversed"),
        (
            Edit::RemovePremise {
                link: LinkId(1),
                claim: ClaimId(2),
            },
            "at least one premise",
        ),
        (
            Edit::AddPremise {
                link: LinkId(1),
                claim: ClaimId(1),
            },
            "to itself",
        ),
        (
            Edit::RemoveSource(SourceId::new("kramer-2017")),
            "still quoted",
        ),
    ];
    for (edit, message) in refused {
        let mut copy = map.clone();
        let error = edit
            .clone()
            .apply(&mut copy)
            .expect_err(&format!("{edit:?} should be refused"));
        assert!(
            error.to_string().contains(message),
            "{edit:?}: got '{error}', wanted '{message}'"
        );
        assert_eq!(copy, map, "{edit:?} changed the map although refused");
    }
}

#[test]
fn a_quote_must_match_its_source() {
    let mut map = small_map();
    let mut bad = claim(9, "x", 0.0, 0.0);
    bad.quote = Some(Quote {
        source: SourceId::new("kramer-2017"),
        start: 0,
        end: 3,
        text: "It".into(),
    });
    // ’ takes bytes 2..5, so byte 3 is inside it.
    let error = Edit::AddClaim(bad)
        .apply(&mut map)
        .expect_err("split character");
    assert!(matches!(
        error,
        EditError::Breaks(Problem::QuoteSpanSplitsCharacter { offset: 3, .. })
    ));
}

#[test]
fn moves_with_the_same_key_in_a_row_are_one_step() {
    let mut map = small_map();
    let original = map.clone();
    let mut history = History::default();
    let nudge = |map: &Map, dx: f32| {
        let c = map.claim(ClaimId(1)).expect("claim 1");
        Edit::MoveClaims(vec![(ClaimId(1), Point::new(c.pos.x + dx, c.pos.y))])
    };
    for _ in 0..3 {
        let edit = nudge(&map, 10.0);
        history
            .apply_merging(&mut map, "Nudge", edit, "claim 1".into())
            .expect("nudge");
    }
    let after_three = history.position();
    assert_eq!(map.claim(ClaimId(1)).expect("claim").pos.x, 30.0);
    // A save here, then one more press: the map differs from the saved one.
    let edit = nudge(&map, 10.0);
    history
        .apply_merging(&mut map, "Nudge", edit, "claim 1".into())
        .expect("nudge");
    assert_ne!(history.position(), after_three);
    // Another key starts a new step.
    let edit = nudge(&map, -5.0);
    history
        .apply_merging(&mut map, "Nudge", edit, "claims 1, 2".into())
        .expect("nudge");
    assert_eq!(history.undo(&mut map).as_deref(), Some("Nudge"));
    assert_eq!(map.claim(ClaimId(1)).expect("claim").pos.x, 40.0);
    assert_eq!(history.undo(&mut map).as_deref(), Some("Nudge"));
    assert_eq!(map, original, "four presses undo as one");
    assert!(!history.can_undo());
    // After an undo, nothing merges into the step that was undone.
    history.redo(&mut map);
    let edit = nudge(&map, 10.0);
    history
        .apply_merging(&mut map, "Nudge", edit, "claim 1".into())
        .expect("nudge");
    history.undo(&mut map);
    assert_eq!(map.claim(ClaimId(1)).expect("claim").pos.x, 40.0);
}

#[test]
fn history_undoes_and_redoes_with_labels_and_knows_the_saved_state() {
    let mut map = small_map();
    let original = map.clone();
    let mut history = History::default();
    let saved = history.position();
    history
        .apply(
            &mut map,
            "Add claim",
            Edit::AddClaim(claim(9, "x", 0.0, 0.0)),
        )
        .expect("add");
    history
        .apply(
            &mut map,
            "Move",
            Edit::MoveClaims(vec![(ClaimId(9), Point::new(3.0, 4.0))]),
        )
        .expect("move");
    assert_ne!(history.position(), saved);
    assert_eq!(history.undo_label(), Some("Move"));
    assert_eq!(history.undo(&mut map).as_deref(), Some("Move"));
    assert_eq!(history.undo(&mut map).as_deref(), Some("Add claim"));
    assert_eq!(map, original);
    assert_eq!(history.position(), saved);
    assert_eq!(history.undo(&mut map), None);
    assert_eq!(history.redo(&mut map).as_deref(), Some("Add claim"));
    // A new edit after undo drops the redo stack and is a different state.
    history
        .apply(
            &mut map,
            "Rename",
            Edit::SetMeta {
                title: "t".into(),
                description: String::new(),
            },
        )
        .expect("meta");
    assert!(!history.can_redo());
    history.undo(&mut map);
    history.undo(&mut map);
    assert_eq!(history.position(), saved);
    assert_eq!(map, original);
}

/// One random step: indices pick among whatever exists when the step runs.
#[derive(Clone, Debug)]
enum Op {
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

fn op() -> impl Strategy<Value = Op> {
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
fn to_edit(map: &Map, op: Op) -> Option<Edit> {
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_edits_undo_back_to_the_original(ops in proptest::collection::vec(op(), 1..40)) {
        let original = small_map();
        let mut map = original.clone();
        let mut history = History::default();
        let mut applied = 0;
        for op in ops {
            let Some(edit) = to_edit(&map, op) else { continue };
            let before = map.clone();
            let counts = !edit.is_empty();
            match history.apply(&mut map, "step", edit) {
                Ok(()) => applied += usize::from(counts),
                Err(_) => prop_assert_eq!(&map, &before, "a refused edit changed the map"),
            }
            prop_assert_eq!(validate(&map), vec![], "an edit broke the map");
        }
        let after_all = map.clone();
        for _ in 0..applied {
            prop_assert!(history.undo(&mut map).is_some());
        }
        prop_assert_eq!(&map, &original);
        for _ in 0..applied {
            prop_assert!(history.redo(&mut map).is_some());
        }
        prop_assert_eq!(&map, &after_all);
    }
}
