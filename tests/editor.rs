//! The editor driven like a user drives it: pointer and keys through
//! egui_kittest, widgets found by their accessible names.

mod common;

use argmap::app::{Action, ArgmapApp, Command, Pending};
use argmap::corpus;
use argmap::model::{ClaimId, Link, LinkId, LinkKind, Map, Quote, SourceId, Target};
use common::claim;
use common::{AppHarness, drag};
use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

const PASSAGE: &str = "Putin, in other words, is a wholly untrustworthy interlocutor.";

fn kramer() -> argmap::model::Source {
    corpus::article(&SourceId::new("kramer-2017"))
        .expect("bundled")
        .clone()
}

/// Three claims (one quoted from Kramer) and one support link.
fn editor_map() -> Map {
    let source = kramer();
    let passage = "Putin’s regime simply doesn’t abide by agreements it has signed or inherited.";
    let start = source.text.find(passage).expect("verbatim");
    let mut quoted = claim(2, passage, -150.0, 200.0);
    quoted.quote = Some(Quote {
        source: source.id.clone(),
        start,
        end: start + passage.len(),
        text: passage.into(),
    });
    Map {
        title: "Editor test".into(),
        description: String::new(),
        sources: vec![source],
        claims: vec![
            claim(1, "Talking to Putin won’t work.", 0.0, 0.0),
            quoted,
            claim(3, "Russia broke the INF treaty.", 200.0, 200.0),
        ],
        links: vec![Link {
            id: LinkId(1),
            kind: LinkKind::Support,
            premises: vec![ClaimId(2)],
            target: Target::Claim(ClaimId(1)),
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        }],
        steps: Vec::new(),
    }
}

fn harness_with(map: Map, path: Option<PathBuf>) -> Harness<'static, ArgmapApp> {
    common::harness(map, path, "test.ron")
}

fn harness() -> Harness<'static, ArgmapApp> {
    harness_with(editor_map(), None)
}

fn answer_dialogs(harness: &mut Harness<'static, ArgmapApp>, answers: Vec<Option<PathBuf>>) {
    harness.answer_dialogs(answers);
}

/// Clicks `count` times at `pos` in one frame (a harness frame lasts longer
/// than a double-click may).
fn click_at(harness: &mut Harness<'static, ArgmapApp>, pos: Pos2, count: usize) {
    harness.hover_at(pos);
    harness.run();
    for _ in 0..count {
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }
    harness.run();
}

fn claim_text(harness: &Harness<'static, ArgmapApp>, id: u64) -> String {
    harness
        .app()
        .doc
        .map
        .claim(ClaimId(id))
        .expect("claim")
        .text
        .clone()
}

fn claim_centre(harness: &Harness<'static, ArgmapApp>, text: &str) -> Pos2 {
    harness
        .get_by_label(&format!("Claim: {text}"))
        .rect()
        .center()
}

#[test]
fn dragging_a_selected_passage_onto_the_canvas_makes_a_quoted_claim() {
    let mut harness = harness();
    // Find scrolls the reader to the passage.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_label("Find in article")
        .type_text("wholly untrustworthy");
    harness.run();
    let text = kramer().text;
    let start = text.find(PASSAGE).expect("passage");
    let end = start + PASSAGE.len();
    let (from, to) = {
        let reader = &harness.panels().reader;
        (
            reader.cursor_point(start).expect("start drawn"),
            reader.cursor_point(end).expect("end drawn"),
        )
    };
    // Select the passage by dragging across it.
    drag(&mut harness, from + vec2(1.0, 0.0), to - vec2(1.0, 0.0));
    assert_eq!(
        harness.app().view.reader.selected_span(),
        Some((start, end)),
        "selection covers the passage exactly"
    );
    // Press inside the selection and drag it onto the canvas.
    let canvas = harness.get_by_label("Map canvas").rect();
    let drop = canvas.center() + vec2(0.0, 250.0);
    let inside = harness
        .panels()
        .reader
        .cursor_point(start + 10)
        .expect("inside");
    drag(&mut harness, inside, drop);

    let map = &harness.app().doc.map;
    assert_eq!(map.claims.len(), 4);
    let new = map.claims.last().expect("new claim");
    assert_eq!(new.text, PASSAGE);
    let quote = new.quote.as_ref().expect("quote anchor");
    assert_eq!(
        (quote.source.as_str(), quote.start, quote.end),
        ("kramer-2017", start, end)
    );
    assert_eq!(quote.text, PASSAGE);
    // It landed where it was dropped.
    let at = harness.panels().canvas.view.to_screen(new.pos);
    assert!(
        at.distance(drop) < 1.0,
        "dropped at {drop:?}, placed at {at:?}"
    );
    assert!(harness.app().doc.is_dirty());
    harness.get_by_label(&format!("Claim: {PASSAGE}"));
}

#[test]
fn the_keyboard_path_adds_the_selected_passage_too() {
    let mut harness = harness();
    let text = kramer().text;
    // Double-click a word in the first paragraph selects it; Ctrl+E adds it.
    let start = text.find("pity").expect("word");
    let point = harness
        .panels()
        .reader
        .cursor_point(start + 1)
        .expect("drawn");
    click_at(&mut harness, point, 2);
    assert_eq!(
        harness.app().view.reader.selected_span(),
        Some((start, start + "pity".len()))
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    let map = &harness.app().doc.map;
    let new = map.claims.last().expect("claim");
    assert_eq!(new.text, "pity");
    assert_eq!(new.quote.as_ref().map(|q| q.start), Some(start));
}

#[test]
fn selecting_two_claims_and_pressing_s_or_r_links_them() {
    let mut harness = harness();
    for (key, kind, label) in [
        (
            Key::S,
            LinkKind::Support,
            "Support link: “Russia broke the INF treaty.” supports “Talking to Putin won’t work.”",
        ),
        (
            Key::R,
            LinkKind::Rebut,
            "Rebut link: “Russia broke the INF treaty.” rebuts “Talking to Putin won’t work.”",
        ),
    ] {
        // The claim picked last is the target.
        harness
            .get_by_label("Claim: Russia broke the INF treaty.")
            .click();
        harness.run();
        harness
            .get_by_label("Claim: Talking to Putin won’t work.")
            .click_modifiers(Modifiers::SHIFT);
        harness.run();
        harness.key_press(key);
        harness.run();
        let map = &harness.app().doc.map;
        let link = map.links.last().expect("new link");
        assert_eq!(
            (link.kind, link.premises.clone(), link.target),
            (kind, vec![ClaimId(3)], Target::Claim(ClaimId(1)))
        );
        harness.get_by_label(label);
        // Undo before trying the other kind on the same pair.
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_eq!(harness.app().doc.map.links.len(), 1);
    }
}

#[test]
fn dragging_from_a_handle_onto_a_claim_offers_support_or_rebut() {
    let mut harness = harness();
    let handle = harness
        .get_by_label("Link from: Russia broke the INF treaty.")
        .rect()
        .center();
    let target = claim_centre(
        &harness,
        "Putin’s regime simply doesn’t abide by agreements it has signed or inherited.",
    );
    drag(&mut harness, handle, target);
    harness.get_by_label("Rebut").click();
    harness.run();
    let link = harness.app().doc.map.links.last().cloned().expect("link");
    assert_eq!(
        (link.kind, link.premises, link.target),
        (LinkKind::Rebut, vec![ClaimId(3)], Target::Claim(ClaimId(2)))
    );
    // Support links and rebuts are told apart by name, not colour alone.
    harness.get_by_label("Rebut link: “Russia broke the INF treaty.” rebuts “Putin’s regime simply doesn’t abide by…”");
}

#[test]
fn dropping_a_handle_on_a_link_badge_makes_an_undercut() {
    let mut harness = harness();
    let handle = harness
        .get_by_label("Link from: Russia broke the INF treaty.")
        .rect()
        .center();
    let badge = harness
        .get_by_label("Support link: “Putin’s regime simply doesn’t abide by…” supports “Talking to Putin won’t work.”")
        .rect()
        .center();
    drag(&mut harness, handle, badge);
    harness.get_by_label("Undercuts this link").click();
    harness.run();
    let link = harness
        .app()
        .doc
        .map
        .links
        .last()
        .cloned()
        .expect("undercut");
    assert_eq!(
        (link.kind, link.target),
        (LinkKind::Rebut, Target::Link(LinkId(1)))
    );
}

#[test]
fn moving_a_claim_is_one_undo_step_and_redo_brings_it_back() {
    let mut harness = harness();
    let before = harness.app().doc.map.claim(ClaimId(3)).expect("claim").pos;
    let from = claim_centre(&harness, "Russia broke the INF treaty.");
    drag(&mut harness, from, from + vec2(120.0, 80.0));
    let moved = harness.app().doc.map.claim(ClaimId(3)).expect("claim").pos;
    let zoom = harness.panels().canvas.view.zoom;
    assert!(
        (moved.x - before.x - 120.0 / zoom).abs() < 0.5
            && (moved.y - before.y - 80.0 / zoom).abs() < 0.5,
        "{before:?} → {moved:?}"
    );
    assert_eq!(harness.app().doc.history.undo_label(), Some("Move claim"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.app().doc.map.claim(ClaimId(3)).expect("claim").pos,
        before
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness.app().doc.map.claim(ClaimId(3)).expect("claim").pos,
        moved
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.app().doc.map.claim(ClaimId(3)).expect("claim").pos,
        moved,
        "Ctrl+Y redoes too"
    );
}

#[test]
fn editing_a_claim_in_place_is_one_step() {
    let mut harness = harness();
    let card = harness.get_by_label("Claim: Russia broke the INF treaty.");
    card.click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Claim text").type_text("x");
    harness.run();
    let editing = harness.panels().canvas.is_editing();
    assert!(editing, "F2 opens the in-place editor");
    harness.key_press(Key::Enter);
    harness.run();
    let text = claim_text(&harness, 3);
    assert_ne!(text, "Russia broke the INF treaty.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(claim_text(&harness, 3), "Russia broke the INF treaty.");
}

#[test]
fn editing_text_in_the_inspector_commits_when_focus_leaves() {
    let mut harness = harness();
    harness
        .get_by_label("Claim: Russia broke the INF treaty.")
        .click();
    harness.run();
    let field = harness.get_by_label("Text");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label("Text")
        .type_text("Russia violated the INF treaty.");
    harness.run();
    // Typing alone changes nothing yet; leaving the field commits one step.
    assert_eq!(claim_text(&harness, 3), "Russia broke the INF treaty.");
    harness.get_by_label("Map canvas").click();
    harness.run();
    assert_eq!(claim_text(&harness, 3), "Russia violated the INF treaty.");
    assert_eq!(
        harness.app().doc.history.undo_label(),
        Some("Edit claim text")
    );
}

#[test]
fn delete_removes_a_claim_with_its_links_and_undo_restores_both() {
    let mut harness = harness();
    let original = harness.app().doc.map.clone();
    harness
        .get_by_label("Claim: Talking to Putin won’t work.")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let map = &harness.app().doc.map;
    assert!(map.claim(ClaimId(1)).is_none());
    assert!(map.links.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, original);
}

#[test]
fn save_then_reopen_gives_the_same_map_and_clears_the_unsaved_marker() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("saved.ron");
    let mut harness = harness();
    // Make a change so there is something to save.
    harness
        .get_by_label("Claim: Russia broke the INF treaty.")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.app().window_title().starts_with("• "));
    answer_dialogs(&mut harness, vec![Some(path.clone())]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.app().doc.is_dirty());
    assert_eq!(harness.app().window_title(), "saved.ron — Argmap");
    let saved = harness.app().doc.map.clone();

    let mut reopened = harness_with(Map::default(), None);
    answer_dialogs(&mut reopened, vec![Some(path.clone())]);
    reopened.key_press_modifiers(Modifiers::COMMAND, Key::O);
    reopened.run();
    assert_eq!(reopened.app().doc.map, saved);
    assert_eq!(reopened.app().doc.path.as_deref(), Some(path.as_path()));
    reopened.get_by_label("Claim: Talking to Putin won’t work.");
}

#[test]
fn a_broken_file_shows_its_error_and_leaves_the_map_alone() {
    let broken = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/broken/newer-version.ron");
    let mut harness = harness();
    let before = harness.app().doc.map.clone();
    answer_dialogs(&mut harness, vec![Some(broken.clone())]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert_eq!(harness.app().doc.map, before);
    let message = format!(
        "Could not open {}: this map was made by a newer Argmap (format 4); this one reads formats up to 3",
        broken.display()
    );
    harness.get_by_label(&message);
    // The error stays until dismissed.
    harness.run();
    harness.get_by_label("×").click();
    harness.run();
    assert!(harness.query_by_label(&message).is_none());
}

#[test]
fn a_failed_save_says_why_and_the_map_stays_unsaved() {
    let mut harness = harness();
    harness
        .get_by_label("Claim: Russia broke the INF treaty.")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let nowhere = PathBuf::from("/no/such/folder/map.ron");
    answer_dialogs(&mut harness, vec![Some(nowhere.clone())]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(harness.app().doc.is_dirty());
    harness.get_by_label_contains(
        "Not saved: /no/such/folder/map.ron: could not save: no such file or folder",
    );
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    harness
        .get_by_label("Claim: Russia broke the INF treaty.")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.app().doc.map.claims.len(),
        2,
        "cancel keeps the map"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Don’t save").click();
    harness.run();
    assert!(harness.app().doc.map.claims.is_empty());
    assert!(!harness.app().doc.is_dirty());
}

#[test]
fn show_in_article_opens_the_source_at_the_passage() {
    let mut map = editor_map();
    map.sources.push(
        corpus::article(&SourceId::new("kimmage-2018"))
            .expect("kimmage")
            .clone(),
    );
    map.sort();
    let mut harness = harness_with(map, None);
    // Choose the article in the reader's picker.
    harness.get_by_label("Article").click();
    harness.run();
    harness
        .get_by_label("Kimmage: The Surprising Promise of the Trump-Putin Summit (on the map)")
        .click();
    harness.run();
    harness
        .get_by_label(
            "Claim: Putin’s regime simply doesn’t abide by agreements it has signed or inherited.",
        )
        .click();
    harness.run();
    harness.get_by_label("Show in article").click();
    harness.run();
    let reader = &harness.panels().reader;
    assert_eq!(
        harness
            .app()
            .view
            .reader
            .article
            .as_ref()
            .map(SourceId::as_str),
        Some("kramer-2017")
    );
    let start = kramer()
        .text
        .find("Putin’s regime simply")
        .expect("passage");
    let point = reader.cursor_point(start).expect("passage is laid out");
    let reader_rect = harness
        .get_by_label("Article text: The Eternal Return: Why Talking to Putin Won’t Work")
        .rect();
    assert!(
        reader_rect.contains(point),
        "the passage is scrolled into view"
    );
}

#[test]
fn clicking_a_mapped_passage_selects_its_claim() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_label("Find in article")
        .type_text("doesn’t abide");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let start = kramer().text.find("doesn’t abide").expect("passage");
    let point = harness
        .panels()
        .reader
        .cursor_point(start + 3)
        .expect("drawn");
    click_at(&mut harness, point, 1);
    assert_eq!(harness.app().selection.single_claim(), Some(ClaimId(2)));
}

#[test]
fn the_shortcuts_window_lists_the_command_table() {
    let mut harness = harness();
    harness.key_press(Key::F1);
    harness.run();
    for command in Command::all() {
        let Some(keys) = argmap::app::commands::keys_text(command) else {
            continue;
        };
        // The keys stand on the same row as their command, to its right.
        let beside = harness.query_all_by_label(command.label()).any(|label| {
            let label = label.rect();
            harness.query_all_by_label(&keys).any(|k| {
                let k = k.rect();
                (k.center().y - label.center().y).abs() < 4.0 && k.left() > label.right()
            })
        });
        assert!(beside, "{} is not listed with {keys}", command.label());
    }
}

#[test]
fn the_app_starts_with_the_debate_map() {
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(400)
        .build_eframe(|_| ArgmapApp::start(None));
    harness.run();
    let app = harness.app();
    assert_eq!(app.doc.name(), corpus::examples()[0].file);
    assert!(!app.doc.map.claims.is_empty());
    assert!(app.window_title().ends_with("— Argmap"));
}

#[test]
fn tidy_lays_the_map_out_as_one_undoable_step() {
    let mut harness = harness();
    let before = harness.app().doc.map.clone();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    let after = harness.app().doc.map.clone();
    assert_ne!(after, before);
    // The conclusion is above the claims that support it.
    let y = |id: u64| after.claim(ClaimId(id)).expect("claim").pos.y;
    assert!(y(1) < y(2));
    assert_eq!(harness.app().doc.history.undo_label(), Some("Tidy layout"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, before);
}

fn request_close(harness: &mut Harness<'static, ArgmapApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    request_close(&mut harness);
    assert!(
        harness.app().prompt.is_none(),
        "nothing to save, nothing to ask"
    );
    harness
        .get_by_label("Claim: Russia broke the INF treaty.")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    request_close(&mut harness);
    harness.get_by_label_contains("before closing?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.app().prompt.is_none());
    assert!(
        harness.app().doc.is_dirty(),
        "cancel keeps the window and the changes"
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_map_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("dropped.ron");
    let mut other = editor_map();
    other.title = "Dropped map".into();
    argmap::format::save(&other, &path).expect("save");
    let mut harness = harness();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    harness.run();
    assert_eq!(harness.app().doc.map.title, "Dropped map");
    assert_eq!(harness.app().doc.path.as_deref(), Some(path.as_path()));
}

#[test]
fn a_file_from_another_tool_dropped_on_the_window_is_imported() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/aif");
    let mut harness = harness();
    let drop = |harness: &mut Harness<'static, ArgmapApp>, path: PathBuf| {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(path)));
        harness.run();
    };
    drop(&mut harness, fixtures.join("aifdb-string-ids.json"));
    let app = harness.app();
    assert_eq!(app.doc.map.claims.len(), 3);
    assert_eq!(app.doc.name(), "aifdb-string-ids.ron");
    assert!(
        app.doc.path.is_none(),
        "an import is saved under a new name"
    );
    assert!(app.windows.import_summary.is_some());

    // JSON that is neither a map nor AIF is refused as a map, and nothing changes.
    let before = harness.app().doc.map.clone();
    drop(&mut harness, fixtures.join("broken-no-nodes.json"));
    // The import is unsaved, so Argmap asks first.
    harness.get_by_label("Don’t save").click();
    harness.run();
    let app = harness.app();
    assert_eq!(app.doc.map, before);
    assert!(
        app.status.error.contains("not an Argmap map"),
        "{}",
        app.status.error
    );
}

/// The editor after the reader's *Add…* was given the file at `path`.
fn add_source_from(path: PathBuf) -> Harness<'static, ArgmapApp> {
    let mut harness = harness();
    answer_dialogs(&mut harness, vec![Some(path)]);
    harness.get_by_label("Add…").click();
    harness.run();
    harness
}

#[test]
fn add_source_imports_a_markdown_file_into_the_map_and_reader() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("Class notes.md");
    std::fs::write(
        &path,
        "# Notes on Helsinki\r\n\r\nThe Accords took years of work.\r\n",
    )
    .expect("write");
    let mut harness = add_source_from(path);
    // Shown first, added only when the teacher says so.
    assert!(
        harness
            .app()
            .doc
            .map
            .source(&SourceId::new("class-notes"))
            .is_none()
    );
    harness.get_by_label("Add to the map").click();
    harness.run();
    let app = harness.app();
    let source = app
        .doc
        .map
        .source(&SourceId::new("class-notes"))
        .expect("source added");
    assert_eq!(source.title, "Notes on Helsinki");
    assert_eq!(
        harness
            .app()
            .view
            .reader
            .article
            .as_ref()
            .map(SourceId::as_str),
        Some("class-notes")
    );
    harness.get_by_label("Article text: Notes on Helsinki");
    // One undo removes it again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness
            .app()
            .doc
            .map
            .source(&SourceId::new("class-notes"))
            .is_none()
    );
}

#[test]
fn add_source_reads_a_saved_web_page_without_its_furniture() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("helsinki.html");
    std::fs::write(
        &path,
        r#"<html><head><title>After Helsinki | The Review</title>
<meta property="og:title" content="After Helsinki"><meta name="author" content="A. Writer"></head>
<body><nav><a>Home</a> <a>World</a></nav><article><h1>After Helsinki</h1>
<p>The summit settled nothing &mdash; but it opened a channel.</p>
<div class="social-share">Share on Facebook</div>
<p>Both sides now have to use it.</p></article><footer>All rights reserved</footer></body></html>"#,
    )
    .expect("write");
    let mut harness = add_source_from(path);
    // The preview: the fields as read, the paragraphs, what was left out.
    harness.get_by_label("Left out: 4 pieces").click();
    harness.run();
    harness.get_by_label_contains("navigation: Home World");
    harness.get_by_label("The summit settled nothing — but it opened a channel.");
    // The teacher corrects the publication before adding.
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Publication")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Publication")
        .type_text("The Review");
    harness.run();
    harness.get_by_label("Add to the map").click();
    harness.run();
    let app = harness.app();
    let source = app
        .doc
        .map
        .source(&SourceId::new("helsinki"))
        .expect("source added");
    assert_eq!(source.title, "After Helsinki");
    assert_eq!(source.authors, ["A. Writer"]);
    assert_eq!(source.publication, "The Review");
    assert_eq!(
        source.text,
        "The summit settled nothing — but it opened a channel.\n\nBoth sides now have to use it."
    );
    assert!(app.windows.source_preview.is_none());
    harness.get_by_label("Article text: After Helsinki");
}

#[test]
fn add_source_names_the_file_when_a_document_cannot_be_read() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, b"%PDF-1.4 not really").expect("write");
    let before = editor_map();
    let harness = add_source_from(path);
    let app = harness.app();
    assert!(
        app.status
            .error
            .contains("scan.pdf: this is not a readable PDF"),
        "{}",
        app.status.error
    );
    assert_eq!(app.doc.map, before);
}

/// Presses at byte `start`, moves to the bottom edge of the reader and holds
/// there for `frames` frames before releasing; returns where the selection ends.
fn select_and_hold(start: usize, frames: usize) -> usize {
    let mut harness = harness();
    let from = harness.panels().reader.cursor_point(start).expect("drawn");
    let reader = harness.get_by_label_contains("Article text").rect();
    let to = egui::pos2(from.x + 100.0, reader.bottom() - 2.0);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(to);
    for _ in 0..frames {
        harness.step();
    }
    harness.drop_at(to);
    harness.run();
    let (s, e) = harness
        .app()
        .view
        .reader
        .selected_span()
        .expect("a selection");
    assert_eq!(s, start);
    e
}

#[test]
fn selecting_past_the_bottom_of_the_reader_scrolls_it() {
    let start = kramer().text.find("pity").expect("word");
    let quick = select_and_hold(start, 1);
    let held = select_and_hold(start, 40);
    assert!(
        held > quick + 300,
        "holding at the edge should scroll on: {quick} then {held}"
    );
}

#[test]
fn shift_click_extends_from_a_click() {
    let mut harness = harness();
    let text = kramer().text;
    let start = text.find("It’s a pity").expect("start");
    let end = start + "It’s a pity that every".len();
    let (a, b) = {
        let reader = &harness.panels().reader;
        (
            reader.cursor_point(start).expect("a"),
            reader.cursor_point(end).expect("b"),
        )
    };
    click_at(&mut harness, a + vec2(1.0, 0.0), 1);
    harness.hover_at(b);
    harness.run();
    for pressed in [true, false] {
        let event = egui::Event::PointerButton {
            pos: b - vec2(1.0, 0.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::SHIFT,
        };
        harness.event_modifiers(event, Modifiers::SHIFT);
        harness.run();
    }
    assert_eq!(
        harness.app().view.reader.selected_span(),
        Some((start, end))
    );
}

#[test]
fn a_map_named_on_the_command_line_opens_and_a_broken_one_falls_back_to_the_debate() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("given.ron");
    argmap::format::save(&editor_map(), &path).expect("save");
    let started = ArgmapApp::start(Some(&path));
    let app = started.state();
    assert_eq!(app.doc.map, editor_map());
    assert_eq!(app.doc.path.as_deref(), Some(path.as_path()));

    let broken = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/broken/truncated.ron");
    let started = ArgmapApp::start(Some(&broken));
    let app = started.state();
    assert_eq!(app.doc.name(), corpus::examples()[0].file);
    assert!(
        app.status.error.contains("the file ends too early"),
        "{:?}",
        app.status
    );
}

#[test]
fn hovering_a_card_too_small_to_read_shows_its_whole_text() {
    const LONG: &str = "More broadly, Putin’s regime simply doesn’t abide by agreements it has signed or inherited.";
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(400)
        .build_eframe(|_| ArgmapApp::start(None));
    harness
        .ctx
        .all_styles_mut(|style| style.interaction.tooltip_delay = 0.0);
    harness.run();
    let tooltip_shown = |harness: &mut Harness<'static, ArgmapApp>| {
        harness.hover_at(claim_centre(harness, LONG));
        harness.run();
        harness.query_by_label(LONG).is_some()
    };
    // The whole debate fitted into the window: card text is cut short.
    assert!(
        harness.panels().canvas.view.zoom < 0.6,
        "zoom {}",
        harness.panels().canvas.view.zoom
    );
    assert!(tooltip_shown(&mut harness));
    // Close enough to read the card itself, hovering adds nothing.
    while harness.panels().canvas.view.zoom < 1.0 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        harness.run();
    }
    assert!(!tooltip_shown(&mut harness));
}

#[test]
fn arrow_keys_nudge_the_selection_as_one_step_and_escape_clears_it() {
    let mut harness = harness();
    let label = "Claim: Russia broke the INF treaty.";
    let before = harness.app().doc.map.clone();
    harness.get_by_label(label).click();
    harness.run();
    for _ in 0..3 {
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    harness.key_press(Key::ArrowUp);
    harness.run();
    let moved = harness.app().doc.map.claim(ClaimId(3)).expect("claim").pos;
    let was = before.claim(ClaimId(3)).expect("claim").pos;
    assert_eq!((moved.x - was.x, moved.y - was.y), (30.0, -10.0));
    assert_eq!(
        harness.app().doc.history.undo_label(),
        Some("Move with arrow keys")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, before, "one undo step");

    // Escape closes an open context menu first, then clears the selection.
    harness.get_by_label(label).click_secondary();
    harness.run();
    harness.get_by_label("Edit text");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Edit text").is_none());
    assert_eq!(harness.app().selection.claims, vec![ClaimId(3)]);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.app().selection.is_empty());
}

#[test]
fn a_recent_file_that_is_gone_leaves_the_list() {
    let dir = tempfile::tempdir().expect("temp");
    let kept = dir.path().join("kept.ron");
    argmap::format::save(&editor_map(), &kept).expect("save");
    let gone = dir.path().join("gone.ron");
    argmap::format::save(&editor_map(), &gone).expect("save");
    let mut harness = harness();
    // Both enter Open recent by being opened; then one is deleted.
    assert!(harness.state_mut().open_path(&gone));
    assert!(harness.state_mut().open_path(&kept));
    let kept = kept.canonicalize().expect("kept");
    assert_eq!(harness.app().recent.len(), 2);
    std::fs::remove_file(&gone).expect("delete");
    let before = harness.app().doc.map.clone();
    harness
        .state_mut()
        .act(Action::Open(Pending::OpenPath(gone.clone())));
    harness.run();
    let app = harness.app();
    assert!(!app.status.error.is_empty(), "{}", app.status.note);
    assert_eq!(app.doc.map, before);
    assert_eq!(app.recent, vec![kept]);
}

#[test]
fn deleting_a_link_that_an_undercut_attacks_removes_both() {
    let mut map = editor_map();
    map.links.push(Link {
        id: LinkId(2),
        kind: LinkKind::Rebut,
        premises: vec![ClaimId(3)],
        target: Target::Link(LinkId(1)),
        note: String::new(),
        scheme: String::new(),
        question: String::new(),
    });
    let before = map.clone();
    let mut harness = harness_with(map, None);
    let label = argmap::app::edit_builders::link_label(&before, &before.links[0]);
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.app().selection.links, vec![LinkId(1)]);
    harness.key_press(Key::Delete);
    harness.run();
    let app = harness.app();
    assert!(app.status.error.is_empty(), "{}", app.status.error);
    assert!(
        app.doc.map.links.is_empty(),
        "the link and its undercut are gone"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, before);
}
