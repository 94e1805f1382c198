//! Cut, copy, paste and duplicate in the window, with the events the window
//! system sends for Ctrl+X, Ctrl+C and Ctrl+V.

mod common;

use common::AppHarness;

use argmap::app::ArgmapApp;
use argmap::format::{self, Syntax};
use argmap::model::ClaimId;
use egui::{Event, Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, ArgmapApp> {
    common::harness(common::small_map(), None, "small.ron")
}

fn click(harness: &mut Harness<'static, ArgmapApp>, label: &str, modifiers: Modifiers) {
    let at = harness.get_by_label(label).rect().center();
    click_at(harness, at, 1, modifiers);
}

fn click_at(
    harness: &mut Harness<'static, ArgmapApp>,
    pos: Pos2,
    count: usize,
    modifiers: Modifiers,
) {
    harness.hover_at(pos);
    harness.run();
    for _ in 0..count {
        for pressed in [true, false] {
            harness.event_modifiers(
                Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed,
                    modifiers,
                },
                modifiers,
            );
        }
    }
    harness.run();
}

/// Sends a clipboard event and returns what the app put on the clipboard.
fn copied_after(harness: &mut Harness<'static, ArgmapApp>, event: Event) -> Option<String> {
    harness.event(event);
    harness.step();
    let text = common::copied(harness);
    harness.run();
    text
}

const FIRST: &str = "Claim: Talking to Putin won’t work.";
const QUOTED: &str = "Claim: Putin’s regime doesn’t abide by agreements.";

#[test]
fn copy_then_paste_brings_claims_and_their_link_back_as_one_undo_step() {
    let mut harness = harness();
    click(&mut harness, FIRST, Modifiers::NONE);
    click(&mut harness, QUOTED, Modifiers::SHIFT);
    let text = copied_after(&mut harness, Event::Copy).expect("copied");
    let piece = format::read(text.as_bytes(), Syntax::Ron).expect("the clipboard holds a map");
    assert_eq!(piece.claims.len(), 2);
    assert_eq!(piece.links.len(), 1, "the support between them");
    assert_eq!(harness.app().status.note, "Copied 2 claims");

    let before = harness.app().doc.map.clone();
    harness.event(Event::Paste(text));
    harness.run();
    let app = harness.app();
    assert_eq!(app.doc.map.claims.len(), before.claims.len() + 2);
    assert_eq!(app.doc.map.links.len(), before.links.len() + 1);
    assert_eq!(app.selection.claims, vec![ClaimId(5), ClaimId(6)]);
    assert_eq!(app.doc.history.undo_label(), Some("Paste claims"));
    assert_eq!(app.status.note, "Pasted 2 claims");
    assert_eq!(
        harness
            .query_all_by_label("Claim: Talking to Putin won’t work.")
            .count(),
        2
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, before);
}

#[test]
fn cut_copies_and_removes_and_ctrl_d_duplicates() {
    let mut harness = harness();
    click(
        &mut harness,
        "Claim: Russia broke the INF treaty.",
        Modifiers::NONE,
    );
    let text = copied_after(&mut harness, Event::Cut).expect("cut copies");
    assert!(text.contains("Russia broke the INF treaty."));
    assert!(
        harness
            .query_by_label("Claim: Russia broke the INF treaty.")
            .is_none()
    );
    assert_eq!(harness.app().doc.history.undo_label(), Some("Cut"));

    click(&mut harness, FIRST, Modifiers::NONE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    assert_eq!(harness.query_all_by_label(FIRST).count(), 2);
    assert_eq!(harness.app().doc.history.undo_label(), Some("Duplicate"));
}

#[test]
fn a_passage_copied_in_the_reader_pastes_as_a_quoted_claim() {
    let mut harness = harness();
    let source = common::source();
    let word = "pity";
    let start = source.text.find(word).expect("word");
    let point = harness
        .panels()
        .reader
        .cursor_point(start + 1)
        .expect("the map's source is in the reader");
    // A claim picked first, then a word in the reader: Copy takes the word.
    click(&mut harness, FIRST, Modifiers::NONE);
    // Half a second apart, so the clicks do not count as one double-click.
    harness.run_steps(30);
    click_at(&mut harness, point, 2, Modifiers::NONE);
    let text = copied_after(&mut harness, Event::Copy).expect("copied");
    assert_eq!(text, word);
    harness.event(Event::Paste(text));
    harness.run();
    let map = &harness.app().doc.map;
    let pasted = map.claims.last().expect("claim");
    assert_eq!(pasted.text, word);
    let quote = pasted.quote.as_ref().expect("quoted");
    assert_eq!((quote.start, quote.end), (start, start + word.len()));
    assert_eq!(quote.source, source.id);
}

#[test]
fn pasting_into_a_text_field_leaves_the_map_alone() {
    let mut harness = harness();
    harness.get_by_label("Title").click();
    harness.run();
    let claims = harness.app().doc.map.claims.len();
    harness.event(Event::Paste("A pasted title".into()));
    harness.run();
    assert_eq!(harness.app().doc.map.claims.len(), claims);
}

#[test]
fn a_broken_map_on_the_clipboard_is_refused_in_the_status_bar() {
    let mut harness = harness();
    let before = harness.app().doc.map.clone();
    harness.event(Event::Paste("(format: 1, claims: [(id: 1,".into()));
    harness.run();
    let app = harness.app();
    assert_eq!(app.doc.map, before);
    assert!(
        app.status
            .error
            .starts_with("Could not paste: the clipboard holds a map Argmap cannot read"),
        "{}",
        app.status.error
    );
}

#[test]
fn paste_as_new_source_joins_wrapped_lines_into_a_source_and_undoes_in_one_step() {
    let mut harness = harness();
    let before = harness.app().doc.map.clone();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Paste as new source").click();
    harness.run();
    // The window system answers the request with the clipboard's text.
    harness.event(Event::Paste(
        "# After Helsinki\r\n\r\nThe summit settled nothing, but it opened\r\na channel both sides \
         now have to use.\r\n\r\nThat is a start.\r\n"
            .into(),
    ));
    harness.run();
    harness.get_by_label("Add to the map").click();
    harness.run();
    let app = harness.app();
    assert_eq!(app.doc.map.sources.len(), before.sources.len() + 1);
    let source = app
        .doc
        .map
        .sources
        .iter()
        .find(|s| s.id.as_str() == "pasted")
        .expect("a source named for the paste");
    assert_eq!(source.title, "After Helsinki");
    assert_eq!(
        source.text,
        "# After Helsinki\n\nThe summit settled nothing, but it opened a channel both sides now \
         have to use.\n\nThat is a start."
    );
    assert_eq!(app.doc.map.claims, before.claims, "no claims pasted");
    assert_eq!(
        app.status.note,
        "Added the clipboard as a source: 3 paragraphs"
    );
    harness.get_by_label("Article text: After Helsinki");

    // An ordinary paste afterwards pastes claims again.
    harness.event(Event::Paste("Another thought".into()));
    harness.run();
    assert_eq!(
        harness.app().doc.map.sources.len(),
        before.sources.len() + 1
    );
    assert_eq!(harness.app().doc.map.claims.len(), before.claims.len() + 1);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, before);
}
