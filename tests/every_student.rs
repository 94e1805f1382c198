//! What a student who cannot see the map or use a mouse gets: each claim
//! and link described to a screen reader (source, what it bears on, what
//! bears on it, whether it stands), and keys that walk the argument.

mod common;

use argmap::analysis::spoken::{Ends, claim as describe_claim};
use argmap::app::Command;
use argmap::model::{ClaimId, LinkId};
use common::{AppHarness, small_map};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

fn description(harness: &egui_kittest::Harness<'_, argmap::app::ArgmapApp>, label: &str) -> String {
    harness
        .get_by_label(label)
        .accesskit_node()
        .description()
        .unwrap_or_default()
}

#[test]
fn a_claim_says_where_it_comes_from_what_it_bears_on_and_what_bears_on_it() {
    let map = small_map();
    let ends = Ends::of(&map);
    // Claim 2 is quoted from Kramer, supports claim 1 alone and (with
    // claim 3) together.
    let said = describe_claim(&map, &ends, ClaimId(2), None);
    assert!(
        said.starts_with("Quoted from Kramer, paragraph 2."),
        "{said}"
    );
    assert!(
        said.contains("Supports “Talking to Putin won’t work.”."),
        "{said}"
    );
    assert!(
        said.contains("together with “Russia broke the INF treaty.”"),
        "{said}"
    );
    assert!(
        said.contains("Nothing supports or rebuts it yet."),
        "{said}"
    );
    // Claim 1: two reasons and one objection.
    let said = describe_claim(&map, &ends, ClaimId(1), None);
    assert!(said.contains("Not quoted from a source."), "{said}");
    assert!(
        said.contains("2 reasons and 1 objection bear on it."),
        "{said}"
    );
    // Claim 3 rebuts a link: the undercut says which.
    let said = describe_claim(&map, &ends, ClaimId(3), None);
    assert!(
        said.contains("Rebuts the rebut link from “A nonrelationship"),
        "{said}"
    );
}

#[test]
fn the_window_gives_each_card_its_description_with_its_status_when_shown() {
    let mut harness = common::harness(small_map(), None, "small.ron");
    let label = "Claim: Talking to Putin won’t work.";
    let said = description(&harness, label);
    assert!(said.contains("2 reasons and 1 objection"), "{said}");
    assert!(
        !said.contains("It is"),
        "no status until which claims stand is shown: {said}"
    );
    harness
        .state_mut()
        .act(argmap::app::Action::Command(Command::ToggleEvaluation));
    harness.run();
    let said = description(&harness, label);
    assert!(
        said.ends_with("It is accepted.")
            || said.ends_with("It is defeated.")
            || said.ends_with("It is undecided."),
        "{said}"
    );
    // The status said is the one the evaluation gives.
    let status = harness.app().teach.shown().map(|l| l.claim(ClaimId(1)));
    let status = status.expect("evaluated");
    assert!(
        said.ends_with(&format!("It is {}.", status.label())),
        "{said}"
    );
}

#[test]
fn keys_walk_from_a_claim_to_what_it_bears_on_its_reasons_and_beside_it() {
    let mut harness = common::harness(small_map(), None, "small.ron");
    let select = |h: &mut egui_kittest::Harness<'_, argmap::app::ArgmapApp>, id: u64| {
        h.state_mut().act(argmap::app::Action::Select(
            argmap::app::actions::Select::OnlyClaim(ClaimId(id)),
        ));
        h.run();
    };
    let selected =
        |h: &egui_kittest::Harness<'_, argmap::app::ArgmapApp>| h.app().selection.single_claim();
    select(&mut harness, 2);
    // Up: claim 2 supports claim 1.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run();
    assert_eq!(selected(&harness), Some(ClaimId(1)));
    let note = &harness.app().status.note;
    assert!(note.starts_with("It supports: “Talking"), "{note}");
    // Down: the first reason for claim 1 is claim 2 again.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(selected(&harness), Some(ClaimId(2)));
    // Beside: claims 2, 3 (its partner) and 4 (the objection) all bear on
    // claim 1; right goes round them and back.
    let mut seen = vec![];
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
        harness.run();
        seen.push(selected(&harness).unwrap().0);
    }
    assert_eq!(seen, vec![3, 4, 2]);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(selected(&harness), Some(ClaimId(4)));
    // A main contention bears on nothing: Up says so and stays.
    select(&mut harness, 1);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run();
    assert_eq!(selected(&harness), Some(ClaimId(1)));
    assert!(harness.app().status.note.contains("main contention"));
    // The plain arrows still move the claim, not the selection.
    let before = harness.app().doc.map.claim(ClaimId(1)).unwrap().pos;
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_ne!(harness.app().doc.map.claim(ClaimId(1)).unwrap().pos, before);
}

#[test]
fn a_change_of_status_after_an_edit_is_said_in_the_status_line() {
    let mut harness = common::harness(small_map(), None, "small.ron");
    harness
        .state_mut()
        .act(argmap::app::Action::Command(Command::ToggleEvaluation));
    harness.run();
    let status_of = |h: &egui_kittest::Harness<'_, argmap::app::ArgmapApp>, id: u64| {
        h.app().teach.shown().expect("evaluated").claim(ClaimId(id))
    };
    let before = status_of(&harness, 1);
    // Take away the undercut: the objection to claim 1 stands again.
    harness.state_mut().act(argmap::app::Action::Edit(
        "Delete".into(),
        argmap::model::Edit::RemoveLink(LinkId(4)),
    ));
    harness.run();
    let after = status_of(&harness, 1);
    assert_ne!(before, after, "the edit changes claim 1's status");
    let note = harness.app().status.note.to_lowercase();
    assert!(
        note.contains(
            &format!("now {}: “Talking to Putin won’t work.”", after.label()).to_lowercase()
        ),
        "{note}"
    );
    // Nothing changes, nothing is said: the note is not set again.
    let shown_at = harness.app().status.note_at;
    assert!(shown_at.is_some());
    harness.state_mut().act(argmap::app::Action::Edit(
        "Move".into(),
        argmap::model::Edit::MoveClaims(vec![(ClaimId(2), argmap::model::Point::new(5.0, 5.0))]),
    ));
    harness.run();
    assert_eq!(harness.app().status.note_at, shown_at);
}

#[test]
fn the_whole_interface_grows_and_shrinks_apart_from_the_canvas_zoom() {
    let mut harness = common::harness(small_map(), None, "small.ron");
    let file_width = |h: &egui_kittest::Harness<'_, argmap::app::ArgmapApp>| {
        h.get_by_label("File").rect().width()
    };
    let normal = file_width(&harness);
    let canvas_zoom = harness.panels().canvas.view.zoom;
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::ALT, Key::Equals);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::ALT, Key::Equals);
    harness.run();
    assert_eq!(harness.app().settings.interface_scale, 1.25);
    assert!((harness.ctx.zoom_factor() - 1.25).abs() < 1e-3);
    // Measured in the window's own points the menu stays one size; on the
    // screen (points times the scale) it is larger.
    let larger = file_width(&harness) * harness.ctx.zoom_factor();
    assert!(larger > normal * 1.2, "{normal} -> {larger}");
    assert_eq!(
        harness.panels().canvas.view.zoom,
        canvas_zoom,
        "the map's zoom is its own"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::ALT, Key::Minus);
    harness.run();
    assert_eq!(harness.app().settings.interface_scale, 1.1);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::ALT, Key::Num0);
    harness.run();
    assert_eq!(harness.app().settings.interface_scale, 1.0);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 1e-3);
}

#[test]
fn tab_visits_the_claims_in_the_arguments_order_selecting_each() {
    let map = small_map();
    let expected = argmap::analysis::spoken::reading_order(&map, &Ends::of(&map));
    // The main contention, then its reasons and objections.
    assert_eq!(expected, [1, 2, 3, 4].map(ClaimId));
    // On the debate the argument's order is not the order of the ids.
    let map = common::debate();
    let expected = argmap::analysis::spoken::reading_order(&map, &Ends::of(&map));
    let by_id: Vec<ClaimId> = map.claims.iter().map(|c| c.id).collect();
    assert_ne!(expected, by_id);
    let mut harness = common::harness(map, None, "debate.ron");
    let mut visited: Vec<ClaimId> = Vec::new();
    for _ in 0..600 {
        harness.key_press(Key::Tab);
        harness.run();
        if let Some(id) = harness.app().selection.single_claim()
            && visited.last() != Some(&id)
        {
            visited.push(id);
        }
        if visited.len() == expected.len() {
            break;
        }
    }
    assert_eq!(visited, expected);
}

#[test]
fn a_quote_is_made_from_the_keyboard_alone_in_the_article() {
    let map = common::debate();
    let claims_before = map.claims.len();
    let mut harness = common::harness(map, None, "debate.ron");
    let article = "Article text: The Surprising Promise of the Trump-Putin Summit";
    harness.get_by_label(article).focus();
    harness.run();
    // The first paragraph's opening words, a word at a time with Shift
    // (“U.S.” is three stops: U, the full stop, S).
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::SHIFT | Modifiers::COMMAND, Key::ArrowRight);
        harness.run();
    }
    let source = harness
        .state()
        .state()
        .doc
        .map
        .sources
        .iter()
        .find(|s| s.title == "The Surprising Promise of the Trump-Putin Summit")
        .cloned()
        .expect("the article");
    let (anchor, focus) = harness
        .state()
        .state()
        .view
        .reader
        .selection
        .expect("a selection");
    let chosen = &source.text[anchor.min(focus)..anchor.max(focus)];
    assert_eq!(chosen, "Historic U.S");
    assert!(description(&harness, article).starts_with("Selected: “"));
    // The map's arrow keys left the claims where they were.
    assert_eq!(harness.state().state().doc.map.claims.len(), claims_before);
    // One word back, then two characters on: the selection follows.
    harness.key_press_modifiers(Modifiers::SHIFT | Modifiers::COMMAND, Key::ArrowLeft);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    let (a, f) = harness
        .state()
        .state()
        .view
        .reader
        .selection
        .expect("selection");
    let chosen = source.text[a.min(f)..a.max(f)].to_owned();
    assert_eq!(chosen, "Historic U.S.");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    let map = &harness.state().state().doc.map;
    assert_eq!(map.claims.len(), claims_before + 1);
    let quote = map
        .claims
        .last()
        .and_then(|c| c.quote.clone())
        .expect("the new claim quotes the article");
    assert_eq!(quote.source, source.id);
    assert_eq!(&source.text[quote.start..quote.end], chosen);
}

#[test]
fn the_caret_moves_by_character_word_and_paragraph() {
    use argmap::analysis::passages::{CaretMove, move_caret};
    let text = "One two’s three.\n\nFour five.";
    let blocks = argmap::model::blocks(text);
    let at = |from: usize, how| move_caret(text, &blocks, from, how);
    assert_eq!(at(0, CaretMove::Word(true)), 3);
    assert_eq!(&text[..at(3, CaretMove::Word(true))], "One two’s");
    assert_eq!(at(11, CaretMove::Word(false)), 4);
    // Inside a character, the caret first steps back to its start.
    assert_eq!(at(9, CaretMove::Char(false)), 6);
    assert_eq!(at(0, CaretMove::Char(false)), 0);
    assert_eq!(&text[..at(7, CaretMove::Char(true))], "One two’");
    assert_eq!(&text[at(5, CaretMove::Block(true))..], "Four five.");
    assert_eq!(at(24, CaretMove::BlockEdge(false)), 20);
    assert_eq!(
        &text[..at(2, CaretMove::BlockEdge(true))],
        "One two’s three."
    );
    assert_eq!(at(18, CaretMove::Block(false)), 0);
    assert_eq!(at(text.len(), CaretMove::Block(true)), text.len());
}

/// View ▸ Theme ▸ High contrast, clicked.
fn switch_high_contrast(harness: &mut egui_kittest::Harness<'_, argmap::app::ArgmapApp>) {
    for label in ["View", "Theme", "High contrast"] {
        harness.get_by_label(label).click();
        harness.run();
    }
}

#[test]
fn high_contrast_is_a_theme_of_its_own_kept_between_runs() {
    use argmap::app::ui::theme;
    let mut harness = common::harness(small_map(), None, "small.ron");
    let contrast = |h: &egui_kittest::Harness<'_, argmap::app::ArgmapApp>| {
        theme::is_high_contrast(&h.ctx.global_style().visuals)
    };
    assert!(!contrast(&harness));
    switch_high_contrast(&mut harness);
    assert!(harness.app().settings.high_contrast, "kept as a setting");
    assert!(contrast(&harness));
    let visuals = harness.ctx.global_style().visuals.clone();
    assert_eq!(visuals.panel_fill, egui::Color32::BLACK);
    assert_eq!(visuals.text_color(), egui::Color32::WHITE);
    // Both looks, light and dark, so following the system keeps it.
    for dark in [false, true] {
        let v = theme::high_contrast(dark);
        assert!(theme::is_high_contrast(&v));
        assert_eq!(v.dark_mode, dark);
    }
    // And off again: egui's own look.
    switch_high_contrast(&mut harness);
    assert!(!harness.app().settings.high_contrast);
    assert!(!contrast(&harness));
    assert_eq!(harness.ctx.global_style().visuals, egui::Visuals::dark());
}
