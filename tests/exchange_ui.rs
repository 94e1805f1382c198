//! Import and export from the File menu, driven through the window.

mod common;

use common::AppHarness;

use argmap::app::ArgmapApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

fn harness() -> Harness<'static, ArgmapApp> {
    common::harness(common::small_map(), None, "small.ron")
}

fn answer(harness: &mut Harness<'static, ArgmapApp>, paths: Vec<PathBuf>) {
    harness.answer_dialogs(paths.into_iter().map(Some).collect());
}

#[test]
fn importing_aif_opens_a_new_unsaved_map_and_summarises() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/aif/aifdb-string-ids.json");
    let mut harness = harness();
    answer(&mut harness, vec![fixture]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    let app = harness.app();
    assert_eq!(app.doc.map.claims.len(), 3);
    assert!(
        app.doc.is_dirty(),
        "an import exists only in memory until saved"
    );
    assert_eq!(app.doc.name(), "aifdb-string-ids.ron");
    harness.get_by_label_contains("3 dialogue nodes (L, TA, YA) dropped");
    harness.get_by_label("Claim: Ramp up the sanctions.");
}

#[test]
fn export_writes_the_chosen_format() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("small.argdown");
    let picture = dir.path().join("part.svg");
    let mut harness = harness();
    answer(&mut harness, vec![out.clone(), picture.clone()]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    harness.get_by_label("Argdown").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    let text = std::fs::read_to_string(&out).expect("written");
    assert_eq!(
        text,
        argmap::exchange::argdown::to_argdown(&common::small_map())
    );
    // A picture of the selection only.
    harness
        .get_by_label("Claim: Talking to Putin won’t work.")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    harness.get_by_label("SVG image").click();
    harness.run();
    harness.get_by_label("Only the selected claims").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    let svg = std::fs::read_to_string(&picture).expect("svg written");
    assert!(
        svg.contains("Talking to Putin won’t work.")
            && !svg.contains("Russia broke the INF treaty.")
    );
}

#[test]
fn file_export_lists_each_format() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("small.dot");
    let mut harness = harness();
    answer(&mut harness, vec![out.clone()]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    for kind in argmap::exchange::Export::all() {
        harness.get_by_label(&format!("{}…", kind.label()));
    }
    // A text format asks where and writes at once.
    harness.get_by_label("Graphviz DOT…").click();
    harness.run();
    let text = std::fs::read_to_string(&out).expect("written");
    assert_eq!(text, argmap::exchange::dot::to_dot(&common::small_map()));
    // A picture opens the window with its options.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("PNG image…").click();
    harness.run();
    assert_eq!(
        harness.app().windows.export.as_ref().map(|c| c.kind),
        Some(argmap::exchange::Export::Png)
    );
    assert!(
        harness
            .query_all_by_label_contains("scale (pixels per canvas unit)")
            .count()
            > 0
    );
}

#[test]
fn a_printed_map_and_slides_from_the_export_window_and_menu() {
    let dir = tempfile::tempdir().expect("temp");
    let printed = dir.path().join("small.pdf");
    let slides = dir.path().join("slides.pdf");
    let mut harness = harness();
    answer(&mut harness, vec![printed.clone(), slides.clone()]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    harness.get_by_label("PDF to print").click();
    harness.run();
    harness.get_by_label("US Letter").click();
    harness.run();
    harness
        .get_by_label("Fit the whole map on one page")
        .click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    let doc = lopdf::Document::load_mem(&std::fs::read(&printed).expect("written")).expect("a PDF");
    assert_eq!(doc.get_pages().len(), 1);
    let text = doc.extract_text(&[1]).expect("text");
    assert!(text.contains("Talking to Putin won’t work."), "{text}");
    let page = doc.get_pages()[&1];
    let media = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"MediaBox"))
        .and_then(lopdf::Object::as_array)
        .expect("media box")
        .iter()
        .map(|n| n.as_float().expect("number"))
        .collect::<Vec<_>>();
    let (w, h) = (media[2] - media[0], media[3] - media[1]);
    assert!((w.min(h), w.max(h)) == (612.0, 792.0), "{w} × {h}");
    // Slides have no options: the menu asks where and writes them.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Slides (PDF)…").click();
    harness.run();
    let doc = lopdf::Document::load_mem(&std::fs::read(&slides).expect("written")).expect("a PDF");
    let steps = argmap::analysis::presentation::steps(&common::small_map()).len();
    assert_eq!(doc.get_pages().len(), steps + 1);
}
