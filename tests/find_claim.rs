//! Edit ▸ Find claim (Ctrl+Shift+F): on a map too large to scan by eye, a
//! claim is found by its words and brought into view.

mod common;

use argmap::analysis::search::claims_with_words;
use argmap::model::{Claim, ClaimId, Map, Point};
use common::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// `n` claims in a wide grid, each worded a little differently.
fn big_map(n: u64) -> Map {
    let claims = (1..=n)
        .map(|id| Claim {
            id: ClaimId(id),
            text: format!("Claim number {id} says sanctions changed little."),
            label: if id == 7_777 {
                "Helsinki precedent".into()
            } else {
                String::new()
            },
            pos: Point::new((id % 100) as f32 * 300.0, (id / 100) as f32 * 200.0),
            note: String::new(),
            pin: None,
            quote: None,
        })
        .collect();
    Map {
        title: "A course's claims".into(),
        claims,
        ..Map::default()
    }
}

#[test]
fn words_find_claims_by_text_or_label_ignoring_case() {
    let map = big_map(10_000);
    assert_eq!(claims_with_words(&map, "", 30), (vec![], 0));
    // Words match inside longer ones: "42" finds 142 and 4200 too.
    let with_42 = (1..=10_000u64)
        .filter(|i| i.to_string().contains("42"))
        .count();
    assert_eq!(claims_with_words(&map, "NUMBER 42 ", 30).1, with_42);
    assert_eq!(
        claims_with_words(&map, "helsinki", 30),
        (vec![ClaimId(7_777)], 1)
    );
    let (first, total) = claims_with_words(&map, "sanctions", 30);
    assert_eq!((first.len(), total), (30, 10_000));
    assert_eq!(first[0], ClaimId(1));
    assert_eq!(claims_with_words(&map, "sanctions helped", 30).1, 0);
}

#[test]
fn find_claim_goes_to_a_claim_on_a_ten_thousand_claim_map() {
    let mut harness = common::harness(big_map(10_000), None, "course.ron");
    // Opened fitted: every claim's place is inside the view.
    let view = harness.panels().canvas.view;
    let canvas = harness.get_by_label("Map canvas").rect();
    let corner = view.to_screen(Point::new(99.0 * 300.0, 100.0 * 200.0));
    assert!(
        canvas.expand(1.0).contains(corner),
        "fitted: {corner:?} in {canvas:?}"
    );

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_label("Claim words").type_text("precedent");
    harness.run();
    harness.get_by_label("1 claim");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.app().selection.single_claim(), Some(ClaimId(7_777)));
    // Brought into view, and readable there.
    let view = harness.panels().canvas.view;
    let at = view.to_screen(Point::new(77.0 * 300.0, 77.0 * 200.0));
    assert!(canvas.contains(at), "the claim at {at:?} is in {canvas:?}");

    // A click on a listed claim goes there too.
    harness.get_by_label("Claim words").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Claim words")
        .type_text("number 9999 says");
    harness.run();
    harness
        .get_by_label("Claim number 9999 says sanctions changed little.")
        .click();
    harness.run();
    assert_eq!(harness.app().selection.single_claim(), Some(ClaimId(9_999)));
    harness.get_by_label("Claim words").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Claim words")
        .type_text("nothing like this");
    harness.run();
    harness.get_by_label("No claim has these words");
}
