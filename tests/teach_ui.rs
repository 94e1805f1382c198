//! The teaching views in the window: which claims stand, what-if pins, and
//! comparison with a model answer, driven through keys, menus and clicks.

mod common;

use common::AppHarness;

use argmap::analysis::evaluate::Status;
use argmap::app::ArgmapApp;
use argmap::model::{ClaimId, Link, LinkId, LinkKind, Map, Target};
use common::claim;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn rebut(id: u64, from: u64, to: u64) -> Link {
    Link {
        id: LinkId(id),
        kind: LinkKind::Rebut,
        premises: vec![ClaimId(from)],
        target: Target::Claim(ClaimId(to)),
        note: String::new(),
        scheme: String::new(),
        question: String::new(),
    }
}

/// A rebuts B rebuts C.
fn chain() -> Map {
    Map {
        title: "Chain".into(),
        claims: vec![
            claim(1, "Alpha holds.", 0.0, 0.0),
            claim(2, "Beta holds.", 300.0, 0.0),
            claim(3, "Gamma holds.", 600.0, 0.0),
        ],
        links: vec![rebut(1, 1, 2), rebut(2, 2, 3)],
        ..Map::default()
    }
}

fn harness(map: Map) -> Harness<'static, ArgmapApp> {
    common::harness(map, None, "chain.ron")
}

fn status(harness: &Harness<'static, ArgmapApp>, id: u64) -> Option<Status> {
    harness.app().teach.shown().map(|l| l.claim(ClaimId(id)))
}

/// The statuses of Alpha, Beta and Gamma.
fn chain_status(harness: &Harness<'static, ArgmapApp>) -> [Option<Status>; 3] {
    [status(harness, 1), status(harness, 2), status(harness, 3)]
}

const A: Option<Status> = Some(Status::Accepted);
const D: Option<Status> = Some(Status::Defeated);

#[test]
fn f5_shows_which_claims_stand_and_it_follows_every_edit() {
    let mut harness = harness(chain());
    assert_eq!(status(&harness, 1), None);
    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(chain_status(&harness), [A, D, A]);
    harness.get_by_label_contains("1 defeated");
    // Delete the first claim: the second now stands and defeats the third.
    harness.get_by_label("Claim: Alpha holds.").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(
        [status(&harness, 2), status(&harness, 3)],
        [Some(Status::Accepted), Some(Status::Defeated)]
    );
}

#[test]
fn a_what_if_pin_changes_the_rest_and_clear_pins_undoes_it() {
    let mut harness = harness(chain());
    harness.key_press(Key::F5);
    harness.run();
    harness
        .get_by_label("Claim: Alpha holds.")
        .click_secondary();
    harness.run();
    harness.get_by_label("What if it is rejected?").click();
    harness.run();
    assert_eq!(chain_status(&harness), [D, A, D]);
    // Pins are view state: the map did not change.
    assert!(!harness.app().doc.is_dirty());
    harness.get_by_label("Clear 1 pin").click();
    harness.run();
    assert_eq!(status(&harness, 1), Some(Status::Accepted));
}

#[test]
fn pins_kept_in_the_map_are_saved_with_it_and_come_back_on_opening() {
    let mut harness = harness(chain());
    harness.key_press(Key::F5);
    harness.run();
    harness
        .get_by_label("Claim: Alpha holds.")
        .click_secondary();
    harness.run();
    harness.get_by_label("What if it is rejected?").click();
    harness.run();
    harness.get_by_label("Keep in map").click();
    harness.run();
    let app = harness.app();
    assert!(app.doc.is_dirty());
    assert_eq!(app.doc.history.undo_label(), Some("Keep pins in the map"));
    let saved = argmap::format::to_ron(&app.doc.map).expect("encode");
    assert!(saved.contains("pin: Some(Rejected)"), "{saved}");

    // Whoever opens the file starts from the same assumption.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pinned.ron");
    std::fs::write(&path, &saved).expect("write");
    let mut other = common::harness(Map::default(), None, "empty.ron");
    other.state_mut().open_path(&path);
    other.key_press(Key::F5);
    other.run();
    assert_eq!(chain_status(&other), [D, A, D]);
    // Opening a map without pins leaves none behind.
    argmap::format::save(&chain(), &path).expect("save");
    other.state_mut().open_path(&path);
    other.run();
    assert!(other.app().teach.pins.is_empty());
    assert_eq!(status(&other, 1), Some(Status::Accepted));

    // Undo takes the pin out of the map; the view keeps it until cleared.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map.saved_pins().len(), 0);
    assert_eq!(harness.app().teach.pins.len(), 1);
}

#[test]
fn preferred_mode_steps_through_the_positions_of_an_even_cycle() {
    let mut map = chain();
    map.links = vec![rebut(1, 1, 2), rebut(2, 2, 1)];
    let mut harness = harness(map);
    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(status(&harness, 1), Some(Status::Undecided));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    harness.run();
    harness.get_by_label("position 1 of 2");
    let first = [status(&harness, 1), status(&harness, 2)];
    harness.get_by_label("Next position").click();
    harness.run();
    harness.get_by_label("position 2 of 2");
    let second = [status(&harness, 1), status(&harness, 2)];
    assert_ne!(first, second);
    assert!(first.contains(&Some(Status::Accepted)) && second.contains(&Some(Status::Accepted)));
}

#[test]
fn comparing_with_a_model_shows_missing_claims_and_exports_a_report() {
    let dir = tempfile::tempdir().expect("temp");
    let model_path = dir.path().join("model.ron");
    argmap::format::save(&chain(), &model_path).expect("save model");
    let report_path = dir.path().join("feedback.md");
    // The student has only two of the three claims and no links.
    let mut student = chain();
    student.claims.pop();
    student.links.clear();
    let mut harness = harness(student);
    harness.answer_dialogs(vec![Some(model_path), Some(report_path.clone())]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::M);
    harness.run();
    harness.get_by_label("Missing claim: Gamma holds.");
    let result = &harness
        .app()
        .teach
        .comparison
        .as_ref()
        .expect("comparing")
        .result;
    assert_eq!(
        (
            result.matches.len(),
            result.missing_claims.len(),
            result.count(argmap::analysis::compare::Verdict::Missing)
        ),
        (2, 1, 2)
    );
    harness.get_by_label("Export feedback report…").click();
    harness.run();
    let report = std::fs::read_to_string(&report_path).expect("report written");
    assert!(report.contains("- “Gamma holds.”"), "{report}");
    // Adding the missing link updates the comparison at once.
    harness.get_by_label("Claim: Alpha holds.").click();
    harness.run();
    harness
        .get_by_label("Claim: Beta holds.")
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
    harness.key_press(Key::R);
    harness.run();
    let result = &harness
        .app()
        .teach
        .comparison
        .as_ref()
        .expect("comparing")
        .result;
    assert_eq!(result.count(argmap::analysis::compare::Verdict::Correct), 1);
}
