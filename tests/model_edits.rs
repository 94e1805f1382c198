//! Edits and undo: every edit returns its exact inverse, refused edits change
//! nothing, and a valid map stays valid.

mod common;

use argmap::model::{
    ClaimId, Edit, EditError, History, LinkId, LinkKind, Map, Point, Problem, Quote, SourceId,
    Target, validate,
};
use common::random_edits::{op, to_edit};
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
