//! Argument schemes through the window: tag a link in the inspector, see its
//! critical questions counted, raise and meet them, step through the open
//! ones, and ask what would follow if every open one were raised.

mod common;

use common::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use argmap::app::ArgmapApp;
use argmap::model::{ClaimId, LinkId, LinkKind, Target};

fn harness() -> Harness<'static, ArgmapApp> {
    common::harness(common::small_map(), None, "small.ron")
}

/// Selects link 1 (claim 2 supports claim 1) by clicking its badge.
fn select_first_link(harness: &mut Harness<'static, ArgmapApp>) {
    harness
        .get_all_by_label_contains("Support link:")
        .next()
        .expect("a support badge")
        .click();
    harness.run();
    assert_eq!(harness.app().selection.single_link(), Some(LinkId(1)));
}

fn tag(harness: &mut Harness<'static, ArgmapApp>, scheme: &str) {
    harness.get_by_label("Argument scheme").click();
    harness.run();
    harness.get_by_label(scheme).click();
    harness.run();
}

fn status(harness: &Harness<'static, ArgmapApp>) -> String {
    harness.app().status.note.clone()
}

#[test]
fn tagging_a_link_counts_its_questions_and_raising_one_answers_it() {
    let mut harness = harness();
    assert!(
        harness
            .query_by_label_contains("critical question")
            .is_none(),
        "no scheme, nothing to count"
    );
    select_first_link(&mut harness);
    tag(&mut harness, "Argument from expert opinion");
    assert_eq!(
        harness.app().doc.map.link(LinkId(1)).unwrap().scheme,
        "expert_opinion"
    );
    assert_eq!(
        harness.app().doc.history.undo_label(),
        Some("Read as Argument from expert opinion")
    );
    // The status bar counts what is open; the inspector lists each question.
    harness.get_by_label("5 critical questions still open");
    harness.get_by_label("Critical questions (5 open)");
    harness.get_by_label("Is the source really an expert in this field?");

    // Raise the first question as an objection, in the student's words.
    harness
        .get_all_by_label("Raise as objection")
        .next()
        .expect("an open question")
        .click();
    harness.run();
    harness
        .get_by_label("Claim text")
        .type_text("The analyst writes about sanctions, not arms control.");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let map = &harness.app().doc.map;
    let raised = map
        .links
        .iter()
        .find(|l| l.target == Target::Link(LinkId(1)))
        .expect("an undercut of link 1");
    assert_eq!(raised.kind, LinkKind::Rebut);
    assert_eq!(raised.question, "expertise");
    let claim = map.claim(raised.premises[0]).expect("the objection");
    assert_eq!(
        claim.text,
        "The analyst writes about sanctions, not arms control."
    );
    harness.get_by_label("4 critical questions still open");

    // Meet the next one.
    select_first_link(&mut harness);
    harness.get_by_label("Critical questions (4 open)");
    harness
        .get_all_by_label("Meet it")
        .next()
        .expect("an open question")
        .click();
    harness.run();
    harness
        .get_by_label("Claim text")
        .type_text("He said so on the record.");
    harness.key_press(Key::Enter);
    harness.run();
    let met = harness
        .app()
        .doc
        .map
        .links
        .iter()
        .find(|l| l.target == Target::Link(LinkId(1)) && l.kind == LinkKind::Support)
        .expect("a backing of link 1")
        .question
        .clone();
    assert_eq!(met, "said");
    harness.get_by_label("3 critical questions still open");

    // One undo takes back the claim and its link together.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label("4 critical questions still open");
}

#[test]
fn f7_steps_through_the_open_questions() {
    let mut harness = harness();
    select_first_link(&mut harness);
    tag(&mut harness, "Argument from analogy");
    harness.get_by_label("Map canvas").click();
    harness.run();
    harness.key_press(Key::F7);
    harness.run();
    assert_eq!(harness.app().selection.single_link(), Some(LinkId(1)));
    assert!(
        status(&harness).starts_with("Open critical question 1 of 3: Are there differences"),
        "{}",
        status(&harness)
    );
    harness.key_press(Key::F7);
    harness.run();
    assert!(status(&harness).starts_with("Open critical question 2 of 3"));
    harness.key_press(Key::F7);
    harness.key_press(Key::F7);
    harness.run();
    assert!(
        status(&harness).starts_with("Open critical question 1 of 3"),
        "it wraps around"
    );
}

#[test]
fn a_link_aimed_at_an_argument_says_which_question_it_raises() {
    let mut harness = harness();
    // Link 3 (claim 4 rebuts claim 1) is undercut by link 4; read link 3 as
    // an argument from example, then say link 4 asks whether it is typical.
    harness
        .get_all_by_label_contains("rebuts")
        .next()
        .expect("the rebut's badge")
        .click();
    harness.run();
    assert_eq!(harness.app().selection.single_link(), Some(LinkId(3)));
    tag(&mut harness, "Argument from example");
    harness
        .get_all_by_label_contains("undercuts")
        .next()
        .expect("the undercut's badge")
        .click();
    harness.run();
    harness.get_by_label("Raises critical question").click();
    harness.run();
    harness
        .get_by_label("Is the example typical, or a special case?")
        .click();
    harness.run();
    assert_eq!(
        harness.app().doc.map.link(LinkId(4)).unwrap().question,
        "typical"
    );
    harness.get_by_label("3 critical questions still open");
}

#[test]
fn what_if_every_open_question_were_raised_defeats_the_untested_argument() {
    let mut map = common::small_map();
    // Only the analogy supports claim 1 here: drop the rebut and the linked argument.
    map.links.retain(|l| l.id == LinkId(1));
    map.links[0].scheme = "analogy".into();
    let mut harness = common::harness(map, None, "small.ron");
    harness.key_press(Key::F5);
    harness.run();
    let status_of = |h: &Harness<'static, ArgmapApp>| {
        h.app()
            .teach
            .shown()
            .expect("evaluation on")
            .claim(ClaimId(1))
    };
    use argmap::analysis::evaluate::Status;
    assert_eq!(status_of(&harness), Status::Accepted);
    harness
        .get_by_label("What if every open question were raised")
        .click();
    harness.run();
    assert!(harness.app().teach.raise_open);
    // The premise still stands, but the inference is undercut by each open
    // question, so the claim it alone supported falls.
    assert_eq!(status_of(&harness), Status::Defeated);
    assert_eq!(
        harness.app().teach.shown().unwrap().claim(ClaimId(2)),
        Status::Accepted
    );
    // Only the map's own claims are counted.
    assert_eq!(harness.app().teach.shown().unwrap().claims.len(), 4);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F7);
    harness.run();
    assert_eq!(status_of(&harness), Status::Accepted);
}
