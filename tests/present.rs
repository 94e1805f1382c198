//! Present mode (View ▸ Present): the order of steps worked out from the
//! map, and the mode driven through the window as a teacher would, with
//! the keyboard: on, back, Escape out, and the map untouched.

mod common;

use argmap::analysis::presentation::{Step, steps};
use argmap::app::ArgmapApp;
use argmap::app::ui::canvas::PRESENT_ZOOM;
use argmap::model::{ClaimId, LinkKind, Map, Target};
use common::random_edits::{Op, op, to_edit};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;
use std::collections::HashSet;

/// Every claim is in exactly one step.
fn each_claim_once(map: &Map, steps: &[Step]) {
    let mut seen = HashSet::new();
    for step in steps {
        assert!(!step.claims.is_empty(), "step “{}” is empty", step.title);
        for id in &step.claims {
            assert!(seen.insert(*id), "{id:?} is in two steps");
        }
    }
    let all: HashSet<ClaimId> = map.claims.iter().map(|c| c.id).collect();
    assert_eq!(seen, all, "every claim is in a step");
}

fn step_of(steps: &[Step], id: ClaimId) -> usize {
    steps
        .iter()
        .position(|s| s.claims.contains(&id))
        .expect("in a step")
}

#[test]
fn the_debate_opens_on_both_sides_contentions_and_each_case_precedes_the_objections() {
    let map = common::debate();
    let steps = steps(&map);
    each_claim_once(&map, &steps);
    assert_eq!(steps[0].title, "The main contentions, side by side");
    let authors: HashSet<String> = steps[0]
        .claims
        .iter()
        .filter_map(|&id| argmap::analysis::presentation::side_of(&map, map.claim(id)?))
        .collect();
    assert!(
        authors.contains("Kimmage") && authors.contains("Kramer"),
        "{authors:?}"
    );
    // A support's premise never comes before what it supports, and an
    // attack's premise never before its target, unless both were already
    // reached another way: each step builds on what is shown.
    for link in &map.links {
        let Target::Claim(target) = link.target else {
            continue;
        };
        for &premise in &link.premises {
            if link.kind == LinkKind::Support {
                assert!(
                    step_of(&steps, premise) >= step_of(&steps, target)
                        || step_of(&steps, premise) == 0,
                    "a reason shows before the claim it supports"
                );
            }
        }
    }
    let titles: Vec<&str> = steps.iter().map(|s| s.title.as_str()).collect();
    assert!(
        titles.iter().any(|t| t.starts_with("Kimmage: why")),
        "{titles:#?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Kramer: why")),
        "{titles:#?}"
    );
}

#[test]
fn objections_and_answers_come_after_the_case_they_meet() {
    // A contention, its reason, an objection to the reason, and an answer.
    let map = Map {
        claims: vec![
            common::claim(1, "Contention", 0.0, 0.0),
            common::claim(2, "Reason", 0.0, 100.0),
            common::claim(3, "Objection", 200.0, 200.0),
            common::claim(4, "Answer", 200.0, 300.0),
        ],
        links: vec![
            common::link(1, LinkKind::Support, &[2], Target::Claim(ClaimId(1))),
            common::link(2, LinkKind::Rebut, &[3], Target::Claim(ClaimId(2))),
            common::link(3, LinkKind::Rebut, &[4], Target::Claim(ClaimId(3))),
        ],
        ..Map::default()
    };
    let steps = steps(&map);
    let shown: Vec<Vec<u64>> = steps
        .iter()
        .map(|s| s.claims.iter().map(|c| c.0).collect())
        .collect();
    assert_eq!(shown, vec![vec![1], vec![2], vec![3], vec![4]]);
    assert!(steps[2].title.starts_with("Objections to"));
    assert!(steps[3].title.starts_with("Answers to the objections"));
}

#[test]
fn an_empty_map_has_no_steps_and_a_ring_is_one() {
    assert!(steps(&Map::default()).is_empty());
    let ring = Map {
        claims: vec![
            common::claim(1, "A", 0.0, 0.0),
            common::claim(2, "B", 0.0, 0.0),
        ],
        links: vec![
            common::link(1, LinkKind::Support, &[1], Target::Claim(ClaimId(2))),
            common::link(2, LinkKind::Support, &[2], Target::Claim(ClaimId(1))),
        ],
        ..Map::default()
    };
    let steps = steps(&ring);
    each_claim_once(&ring, &steps);
    assert_eq!(steps.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_map_presents_every_claim_once(ops in proptest::collection::vec(op(), 0..60)) {
        let mut map = common::small_map();
        for op in ops {
            let op: Op = op;
            if let Some(edit) = to_edit(&map, op) {
                let _ = edit.apply(&mut map);
            }
        }
        let steps = steps(&map);
        each_claim_once(&map, &steps);
    }
}

fn present(harness: &mut Harness<'static, ArgmapApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
}

fn foot(harness: &Harness<'static, ArgmapApp>) -> String {
    let presenting = harness
        .state()
        .state()
        .view
        .presenting
        .as_ref()
        .expect("presenting");
    let step = &presenting.steps[presenting.shown - 1];
    format!(
        "Step {} of {}: {}",
        presenting.shown,
        presenting.steps.len(),
        step.title
    )
}

fn card_shown(harness: &Harness<'static, ArgmapApp>, text: &str) -> bool {
    harness.query_by_label(&format!("Claim: {text}")).is_some()
}

#[test]
fn present_steps_on_and_back_with_the_keyboard_and_escape_leaves_the_map_as_it_was() {
    let map = common::debate();
    let steps = steps(&map);
    let text = |id: ClaimId| map.claim(id).expect("claim").text.clone();
    let first = text(steps[0].claims[0]);
    let second = text(steps[1].claims[0]);
    // A projector's screen.
    let mut harness = common::harness_sized(
        ArgmapApp::with_map(map.clone(), None, "debate.ron"),
        egui::vec2(1920.0, 1080.0),
    );
    assert!(harness.query_by_label("File").is_some());

    present(&mut harness);
    // Full screen, the panels gone, the step named at the foot.
    assert!(
        harness.query_by_label("File").is_none(),
        "the menu bar is hidden"
    );
    let heading = foot(&harness);
    assert!(heading.starts_with("Step 1 of "));
    harness.get_by_label(&heading);
    assert!(card_shown(&harness, &first));
    assert!(!card_shown(&harness, &second), "the next step waits");

    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(foot(&harness).starts_with("Step 2 of "));
    harness.get_by_label(&foot(&harness));
    // The new step is in view whole; the earlier one stays on show (in
    // view too where the screen holds both at a readable size).
    for &id in &steps[1].claims {
        assert!(card_shown(&harness, &text(id)), "{} in view", text(id));
    }
    assert!(
        !harness
            .state()
            .panels()
            .canvas
            .is_hidden(steps[0].claims[0]),
        "earlier steps stay"
    );

    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert!(foot(&harness).starts_with("Step 1 of "));
    assert!(!card_shown(&harness, &second));
    harness.key_press(Key::Space);
    harness.run();
    assert!(foot(&harness).starts_with("Step 2 of "));
    // Every step is framed with card text at 24 points or more.
    for _ in 2..steps.len() {
        let zoom = harness.state().panels().canvas.view.zoom;
        assert!(zoom >= PRESENT_ZOOM, "{zoom} at {}", foot(&harness));
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    harness.key_press(Key::Home);
    harness.run();
    assert!(foot(&harness).starts_with("Step 1 of "));
    harness.key_press(Key::End);
    harness.run();
    let presenting = harness.state().state().view.presenting.clone().expect("on");
    assert_eq!(presenting.shown, steps.len());
    assert_eq!(presenting.on_show.len(), map.claims.len());
    // Past the end stays at the end.
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness
            .state()
            .state()
            .view
            .presenting
            .as_ref()
            .map(|p| p.shown),
        Some(steps.len())
    );

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().state().view.presenting.is_none());
    assert!(
        harness.query_by_label("File").is_some(),
        "the menu bar is back"
    );
    assert!(card_shown(&harness, &second));
    assert_eq!(harness.state().state().doc.map, map, "the map is unchanged");
    assert!(!harness.state().state().doc.is_dirty());
}

#[test]
fn a_drag_or_a_delete_while_presenting_changes_nothing() {
    let map = common::debate();
    let steps = steps(&map);
    let first = map.claim(steps[0].claims[0]).expect("claim").text.clone();
    let mut harness = common::harness(map.clone(), None, "debate.ron");
    present(&mut harness);
    let card = harness
        .get_by_label(&format!("Claim: {first}"))
        .rect()
        .center();
    common::drag(&mut harness, card, card + egui::vec2(200.0, 80.0));
    harness.get_by_label(&format!("Claim: {first}")).click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().state().doc.map, map);
}

#[test]
fn which_claims_stand_is_judged_on_what_is_shown() {
    // A claim objected to only in a later step stands until then.
    let map = Map {
        claims: vec![
            common::claim(1, "Contention", 0.0, 0.0),
            common::claim(2, "Objection", 200.0, 100.0),
        ],
        links: vec![common::link(
            1,
            LinkKind::Rebut,
            &[2],
            Target::Claim(ClaimId(1)),
        )],
        ..Map::default()
    };
    let mut harness = common::harness(map, None, "small.ron");
    harness.key_press(Key::F5);
    harness.run();
    present(&mut harness);
    let standing = |h: &Harness<'static, ArgmapApp>| {
        let p = h.state().state().view.presenting.as_ref().expect("on");
        p.standing.claim(ClaimId(1))
    };
    use argmap::analysis::evaluate::Status;
    assert_eq!(standing(&harness), Status::Accepted);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(standing(&harness), Status::Defeated);
}

#[test]
fn a_teachers_order_is_kept_in_the_map_undone_and_followed_when_presenting() {
    let map = common::debate();
    let worked = steps(&map);
    assert!(worked.len() >= 3);
    let mut harness = common::harness_sized(
        ArgmapApp::with_map(map.clone(), None, "debate.ron"),
        egui::vec2(1366.0, 768.0),
    );
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Presentation steps…").click();
    harness.run();
    harness.get_by_label_contains("Worked out from the map");
    harness.get_by_label("Move step 2 down").click();
    harness.run();
    let saved = harness.state().state().doc.map.steps.clone();
    assert_eq!(saved[1], worked[2]);
    assert_eq!(saved[2], worked[1]);
    harness.get_by_label_contains("follow your order, saved in the map");
    // One edit: undone, the order is worked out again; redone, it is back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().state().doc.map.steps.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().state().doc.map.steps, saved);
    // Present mode shows the chosen order.
    harness.key_press(Key::Escape);
    harness.run();
    present(&mut harness);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(
        foot(&harness),
        format!("Step 2 of {}: {}", worked.len(), worked[2].title)
    );
}

#[test]
fn saved_steps_lose_a_deleted_claim_get_it_back_on_undo_and_take_new_claims_last() {
    use argmap::model::{Edit, Problem, Step as Saved, validate};
    let mut map = common::small_map();
    let mut order = steps(&map);
    order.reverse();
    Edit::SetSteps(order.clone())
        .apply(&mut map)
        .expect("a valid order");
    assert_eq!(steps(&map), order);
    // A claim with no links can go; it leaves its step, and undo brings both back.
    let lonely = common::claim(99, "A claim on its own.", 0.0, 900.0);
    Edit::AddClaim(lonely).apply(&mut map).expect("added");
    let last = steps(&map).pop().expect("a step");
    assert_eq!(last.title, argmap::analysis::presentation::ADDED_SINCE);
    assert_eq!(last.claims, vec![ClaimId(99)]);
    let mut with_it = order.clone();
    with_it[0].claims.push(ClaimId(99));
    Edit::SetSteps(with_it.clone())
        .apply(&mut map)
        .expect("valid");
    let before = map.clone();
    let undo = Edit::RemoveClaim(ClaimId(99))
        .apply(&mut map)
        .expect("removed");
    assert!(map.steps.iter().all(|s| !s.claims.contains(&ClaimId(99))));
    assert!(validate(&map).is_empty(), "{:?}", validate(&map));
    undo.apply(&mut map).expect("undone");
    assert_eq!(map, before);
    // An order naming a claim twice, or one the map lacks, is refused.
    let twice = vec![Saved {
        title: "Twice".into(),
        claims: vec![ClaimId(1), ClaimId(1)],
    }];
    assert_eq!(
        Edit::SetSteps(twice).apply(&mut map),
        Err(argmap::model::EditError::Breaks(Problem::StepClaimTwice(
            ClaimId(1)
        )))
    );
    let missing = vec![Saved {
        title: "Gone".into(),
        claims: vec![ClaimId(404)],
    }];
    let refused = Edit::SetSteps(missing)
        .apply(&mut map)
        .expect_err("refused");
    assert!(
        refused
            .to_string()
            .contains("step 1 of the presentation shows"),
        "{refused}"
    );
    assert_eq!(map, before);
}

#[test]
fn a_map_with_a_teachers_order_is_saved_as_format_3_and_one_without_as_format_2() {
    let mut map = common::small_map();
    let plain = argmap::format::to_ron(&map).expect("ron");
    assert!(plain.contains("format: 2,"), "{plain}");
    assert!(!plain.contains("steps"));
    let mut order = steps(&map);
    order.reverse();
    map.steps = order;
    let text = argmap::format::to_ron(&map).expect("ron");
    assert!(text.contains("format: 3,"));
    assert_eq!(argmap::format::from_ron(&text).expect("read back"), map);
    let json = argmap::format::to_json(&map).expect("json");
    assert_eq!(argmap::format::from_json(&json).expect("read back"), map);
    // The slides follow the saved order.
    let slides = argmap::exchange::pdf::slides::to_slides(&map).expect("slides");
    let doc = lopdf::Document::load_mem(&slides).expect("pdf");
    let second = doc.extract_text(&[2]).expect("text");
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat(&second).contains(&flat(&map.steps[0].title)),
        "{second}"
    );
}
