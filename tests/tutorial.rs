//! Help ▸ Tutorial walked end to end through the window, as a student would:
//! each step moves on only when the map (or the view) shows it done, and
//! the lesson can be left and picked up again.

mod common;

use argmap::app::ArgmapApp;
use argmap::app::tutorial::{Seen, Step, Tutorial};
use argmap::model::{LinkKind, Map};
use common::{AppHarness, drag};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const CONTENTION: &str =
    "Dialogue simply won’t work with Putin’s murderous, treacherous, kleptocratic regime.";
const REASON: &str = "Putin, in other words, is a wholly untrustworthy interlocutor.";
const OBJECTION: &str = "The United States cannot coerce Russia into doing its will.";

fn heading(harness: &Harness<'static, ArgmapApp>) -> Option<String> {
    harness
        .query_all_by_label_contains(" of 10: ")
        .find_map(|node| node.value().or_else(|| node.accesskit_node().label()))
}

fn expect_step(harness: &Harness<'static, ArgmapApp>, number: usize, title: &str) {
    assert_eq!(
        heading(harness).as_deref(),
        Some(format!("Step {number} of 10: {title}").as_str())
    );
}

fn open_tutorial(harness: &mut Harness<'static, ArgmapApp>) {
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Tutorial: your first map").click();
    harness.run();
}

fn choose_article(harness: &mut Harness<'static, ArgmapApp>, name: &str) {
    harness.get_by_label("Article").click();
    harness.run();
    harness.get_by_label(name).click();
    harness.run();
}

/// Finds `passage` in the article open in the reader and selects it by
/// dragging across it; returns its first byte.
fn select_passage(harness: &mut Harness<'static, ArgmapApp>, passage: &str) -> usize {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find in article").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Find in article")
        .type_text(&passage[..24]);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let source = harness
        .app()
        .view
        .reader
        .article
        .clone()
        .expect("an article");
    let text = &argmap::corpus::article(&source).expect("bundled").text;
    let start = text.find(passage).expect("passage in the article");
    let end = start + passage.len();
    let reader = &harness.panels().reader;
    let from = reader.cursor_point(start).expect("start drawn");
    let to = reader.cursor_point(end).expect("end drawn");
    drag(harness, from + vec2(1.0, 0.0), to - vec2(1.0, 0.0));
    assert_eq!(
        harness.app().view.reader.selected_span(),
        Some((start, end)),
        "the selection covers {passage:?}"
    );
    start
}

fn click_claim(harness: &mut Harness<'static, ArgmapApp>, text: &str, modifiers: Modifiers) {
    harness
        .get_by_label(&format!("Claim: {text}"))
        .click_modifiers(modifiers);
    harness.run();
}

#[test]
fn a_student_walks_the_whole_tutorial_and_can_leave_and_resume_it() {
    let mut harness = common::harness_for(ArgmapApp::debate());
    assert!(heading(&harness).is_none(), "no lesson until asked for");
    open_tutorial(&mut harness);
    assert!(harness.app().doc.map.claims.is_empty(), "a new map");
    expect_step(&harness, 1, "Open Kramer’s article");

    choose_article(
        &mut harness,
        "Kramer: The Eternal Return: Why Talking to Putin Won’t Work",
    );
    expect_step(&harness, 2, "Find his main contention");

    // Drag the contention onto the map.
    let start = select_passage(&mut harness, CONTENTION);
    let inside = harness
        .panels()
        .reader
        .cursor_point(start + 5)
        .expect("inside the selection");
    let canvas = harness.get_by_label("Map canvas").rect();
    drag(&mut harness, inside, canvas.center() - vec2(0.0, 200.0));
    assert_eq!(harness.app().doc.map.claims.len(), 1);
    expect_step(&harness, 3, "Find a reason for it");

    // The reason, by its key.
    select_passage(&mut harness, REASON);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert_eq!(harness.app().doc.map.claims.len(), 2);
    expect_step(&harness, 4, "Link the reason as support");

    // Left, the lesson goes; Help ▸ Tutorial brings it back at the same step
    // on the same map.
    harness.get_by_label("Leave tutorial").click();
    harness.run();
    assert!(heading(&harness).is_none());
    open_tutorial(&mut harness);
    expect_step(&harness, 4, "Link the reason as support");
    assert_eq!(harness.app().doc.map.claims.len(), 2);

    click_claim(&mut harness, REASON, Modifiers::NONE);
    click_claim(&mut harness, CONTENTION, Modifiers::SHIFT);
    harness.key_press(Key::S);
    harness.run();
    expect_step(&harness, 5, "Find an objection in Kimmage");

    choose_article(
        &mut harness,
        "Kimmage: The Surprising Promise of the Trump-Putin Summit",
    );
    // Opening the other article is not yet the objection.
    expect_step(&harness, 5, "Find an objection in Kimmage");
    select_passage(&mut harness, OBJECTION);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    expect_step(&harness, 6, "Link the objection as rebut");

    click_claim(&mut harness, OBJECTION, Modifiers::NONE);
    click_claim(&mut harness, CONTENTION, Modifiers::SHIFT);
    harness.key_press(Key::R);
    harness.run();
    expect_step(&harness, 7, "See which claims stand");

    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.app().teach.evaluate);
    expect_step(&harness, 8, "Name the argument’s scheme");

    harness
        .get_all_by_label_contains("Support link:")
        .next()
        .expect("the support badge")
        .click();
    harness.run();
    harness.get_by_label("Argument scheme").click();
    harness.run();
    // Far down the list: scrolled to, as a student would.
    harness.get_by_label("Argument from sign").scroll_to_me();
    harness.run();
    harness.get_by_label("Argument from sign").click();
    harness.run();
    expect_step(&harness, 9, "Answer a critical question");

    harness
        .get_all_by_label("Raise as objection")
        .next()
        .expect("an open question")
        .click();
    harness.run();
    harness
        .get_by_label("Claim text")
        .type_text("Untrustworthy leaders have kept some deals.");
    harness.key_press(Key::Enter);
    harness.run();
    expect_step(&harness, 10, "Save your map");

    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("first.ron");
    harness.answer_dialogs(vec![Some(file.clone())]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Well done: your first argument map");
    let saved = argmap::format::load(&file).expect("the saved map");
    assert_eq!(saved.claims.len(), 4);
    assert_eq!(
        saved
            .links
            .iter()
            .map(|l| l.kind)
            .filter(|&k| k == LinkKind::Rebut)
            .count(),
        2,
        "Kimmage's rebut and the question raised"
    );
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label_contains("Tutorial finished");
}

#[test]
fn starting_over_asks_about_unsaved_work_first() {
    let mut harness = common::harness_for(ArgmapApp::debate());
    open_tutorial(&mut harness);
    choose_article(
        &mut harness,
        "Kramer: The Eternal Return: Why Talking to Putin Won’t Work",
    );
    select_passage(&mut harness, REASON);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Start over").click();
    harness.run();
    // The unsaved-changes question comes first; cancelling keeps the work.
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.app().doc.map.claims.len(), 1);
    expect_step(&harness, 3, "Find a reason for it");
    harness.get_by_label("Start over").click();
    harness.run();
    harness.get_by_label("Don’t save").click();
    harness.run();
    assert!(harness.app().doc.map.claims.is_empty());
    expect_step(&harness, 1, "Open Kramer’s article");
}

/// Each step is done only by what it asks for: on an empty map nothing is,
/// and the steps move on in order, never past one undone.
#[test]
fn steps_watch_the_map_and_never_jump_an_undone_step() {
    let empty = Map::default();
    let seen = |map, reading, evaluating, saved| Seen {
        map,
        reading,
        evaluating,
        saved,
    };
    for step in Step::all() {
        assert!(
            !step.done(&seen(&empty, None, false, false)),
            "{step:?} done on an empty map"
        );
    }
    assert_eq!(Step::all().count(), Tutorial::STEPS);
    // Showing which claims stand and saving do not skip the steps before them.
    let mut tutorial = Tutorial::default();
    assert!(!tutorial.observe(&seen(&empty, None, true, true)));
    assert_eq!(tutorial.number(), 1);
    assert!(tutorial.observe(&seen(&empty, Some("kramer-2017"), true, true)));
    assert_eq!(tutorial.step(), Some(Step::MainContention));
    tutorial.skip();
    assert_eq!(tutorial.step(), Some(Step::Reason));
}
