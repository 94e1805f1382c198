//! No lost work, in the window: recovery copies offered back, a file changed
//! by another program never silently written over, an interrupted save
//! offered back, a path typed where no file dialog exists.

mod common;

use argmap::app::ArgmapApp;
use argmap::app::dialogs::ScriptedDialogs;
use argmap::format;
use common::{AppHarness, advance, small_map};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

fn recovery_copies(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

/// The app started on `file`, keeping recovery copies in `dir`.
fn started(file: &Path, dir: &Path) -> Harness<'static, ArgmapApp> {
    let mut app = ArgmapApp::start(Some(file));
    app.enable_recovery(dir);
    common::harness_for(app)
}

/// A claim of one's own, typed on the canvas.
fn add_claim(harness: &mut Harness<'static, ArgmapApp>, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    harness.run();
    harness.get_by_label("Claim text").type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn unsaved_work_is_copied_aside_and_offered_back_after_the_editor_dies() {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path().join("recovery");
    let file = temp.path().join("map.ron");
    format::save(&small_map(), &file).expect("save");

    let mut harness = started(&file, &dir);
    add_claim(&mut harness, "Words not yet saved");
    let edited = harness.app().doc.map.clone();
    assert!(
        recovery_copies(&dir).is_empty(),
        "no copy before the interval"
    );
    advance(&mut harness, 6.0);
    assert_eq!(recovery_copies(&dir).len(), 1, "a copy after a few seconds");
    // The editor dies: no clean exit, the copy stays.
    drop(harness);

    let mut harness = started(&file, &dir);
    assert_eq!(harness.app().doc.map, small_map(), "the file as saved");
    harness.get_by_label("Recover unsaved work");
    harness.get_by_label("Restore").click();
    harness.run();
    let app = harness.app();
    assert!(app.status.error.is_empty(), "{}", app.status.error);
    assert_eq!(app.doc.map, edited, "exactly the work that was not saved");
    assert!(app.doc.is_dirty());
    assert_eq!(app.doc.path.as_deref(), Some(file.as_path()));
    assert!(
        recovery_copies(&dir).is_empty(),
        "a restored copy is removed"
    );
    // Saving writes it to the map's own file.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(format::load(&file).expect("load"), edited);
}

#[test]
fn saving_removes_the_recovery_copy_and_discard_forgets_one() {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path().join("recovery");
    let file = temp.path().join("map.ron");
    format::save(&small_map(), &file).expect("save");
    let mut harness = started(&file, &dir);
    add_claim(&mut harness, "Soon saved");
    advance(&mut harness, 6.0);
    assert_eq!(recovery_copies(&dir).len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(recovery_copies(&dir).is_empty(), "saved work needs no copy");

    add_claim(&mut harness, "Never saved");
    advance(&mut harness, 6.0);
    drop(harness);
    let mut harness = started(&file, &dir);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(recovery_copies(&dir).is_empty());
    assert!(harness.query_by_label("Recover unsaved work").is_none());
}

#[test]
fn an_untitled_map_is_recovered_too() {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path().join("recovery");
    let mut app = ArgmapApp::with_map(argmap::model::Map::default(), None, "Untitled map");
    app.enable_recovery(&dir);
    let mut harness = common::harness_for(app);
    add_claim(&mut harness, "A first thought");
    advance(&mut harness, 6.0);
    drop(harness);
    let mut app = ArgmapApp::start(None);
    app.enable_recovery(&dir);
    let mut harness = common::harness_for(app);
    harness.get_by_label("Restore").click();
    harness.run();
    let map = &harness.app().doc.map;
    assert_eq!(map.claims.len(), 1);
    assert_eq!(map.claims[0].text, "A first thought");
    assert!(harness.app().doc.path.is_none());
}

/// Another program rewrites the map's file.
fn change_outside(file: &Path, title: &str) -> argmap::model::Map {
    let mut theirs = small_map();
    theirs.title = title.into();
    // A different length, so even a coarse clock sees the change.
    theirs.description.push_str(" Changed elsewhere.");
    std::fs::write(file, format::to_ron(&theirs).expect("encode")).expect("write");
    theirs
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let temp = tempfile::tempdir().expect("temp");
    let file = temp.path().join("map.ron");
    format::save(&small_map(), &file).expect("save");
    let mut harness = common::harness_for(ArgmapApp::start(Some(&file)));
    add_claim(&mut harness, "Mine");
    let theirs = change_outside(&file, "Theirs");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Changed on disk");
    assert_eq!(
        format::load(&file).expect("load"),
        theirs,
        "nothing written yet"
    );
    assert!(harness.app().doc.is_dirty());
    harness.get_by_label("Save over it").click();
    harness.run();
    assert_eq!(format::load(&file).expect("load"), harness.app().doc.map);
    assert!(!harness.app().doc.is_dirty());
}

#[test]
fn reloading_a_changed_file_keeps_the_open_work_as_a_recovery_copy() {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path().join("recovery");
    let file = temp.path().join("map.ron");
    format::save(&small_map(), &file).expect("save");
    let mut harness = started(&file, &dir);
    add_claim(&mut harness, "Mine");
    let mine = harness.app().doc.map.clone();
    let theirs = change_outside(&file, "Theirs");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Reload from disk").click();
    harness.run();
    assert_eq!(harness.app().doc.map, theirs);
    assert!(!harness.app().doc.is_dirty());
    drop(harness);
    // The next start offers the work that was open.
    let mut harness = started(&file, &dir);
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.app().doc.map, mine);
}

#[test]
fn a_change_on_disk_is_noticed_and_reload_is_offered_when_nothing_is_unsaved() {
    let temp = tempfile::tempdir().expect("temp");
    let file = temp.path().join("map.ron");
    format::save(&small_map(), &file).expect("save");
    let mut harness = common::harness_for(ArgmapApp::start(Some(&file)));
    advance(&mut harness, 1.0);
    let theirs = change_outside(&file, "Theirs");
    advance(&mut harness, 3.0);
    harness.get_by_label("Reload").click();
    harness.run();
    assert_eq!(harness.app().doc.map, theirs);
}

#[test]
fn an_interrupted_save_newer_than_the_map_is_offered_back() {
    let temp = tempfile::tempdir().expect("temp");
    let file = temp.path().join("map.ron");
    format::save(&small_map(), &file).expect("save");
    let mut newer = small_map();
    newer.title = "What the save was writing".into();
    let leftover = temp.path().join(".map.ron.00112233aabbccdd.argmap-tmp");
    std::fs::write(&leftover, format::to_ron(&newer).expect("encode")).expect("write");
    let hours_ago =
        |h: u64| std::time::SystemTime::now() - std::time::Duration::from_secs(h * 3600);
    let set_time = |path: &Path, at| {
        std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open")
            .set_modified(at)
            .expect("touch");
    };
    set_time(&file, hours_ago(2));
    set_time(&leftover, hours_ago(1));
    let mut harness = common::harness_for(ArgmapApp::start(Some(&file)));
    harness.get_by_label("An interrupted save");
    harness.get_by_label("Take it back").click();
    harness.run();
    assert_eq!(harness.app().doc.map, newer);
    assert!(harness.app().doc.is_dirty());
    assert!(!leftover.exists());
}

/// A map a cut-short save left damaged opens as the whole version beside
/// it, with the map's file as its place to save: Save repairs the map.
#[test]
fn a_damaged_map_is_offered_back_whole_from_what_a_cut_short_save_left() {
    let temp = tempfile::tempdir().expect("temp");
    let file = temp.path().join("essay.ron");
    std::fs::write(&file, b"(format: 2, title: \"cut sh").expect("write");
    let mut before = small_map();
    before.title = "The essay as it was".into();
    let kept = temp.path().join(".essay.ron.0011223344556677.argmap-old");
    std::fs::write(&kept, format::to_ron(&before).expect("encode")).expect("write");
    let mut harness = common::harness_for(ArgmapApp::start(Some(&file)));
    assert!(
        harness
            .query_by_label_contains("is damaged: a save of it was cut short")
            .is_some()
    );
    harness.get_by_label("Take it back").click();
    harness.run();
    assert_eq!(harness.app().doc.map, before);
    assert_eq!(harness.app().doc.path.as_deref(), Some(file.as_path()));
    assert!(harness.app().doc.is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(format::load(&file).expect("repaired"), before);
}

#[test]
fn where_no_file_dialog_exists_the_path_is_typed() {
    let temp = tempfile::tempdir().expect("temp");
    let mut harness = common::harness(small_map(), None, "untitled.ron");
    harness.state_mut().set_dialogs(Box::new(ScriptedDialogs {
        unavailable: true,
        ..Default::default()
    }));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        harness.app().status.note.contains("No file dialog"),
        "{}",
        harness.app().status.note
    );
    let target = temp.path().join("typed.ron");
    harness.get_by_label("File path").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label("File path")
        .type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(format::load(&target).expect("saved"), small_map());
    assert_eq!(harness.app().doc.path.as_deref(), Some(target.as_path()));
}

#[test]
fn a_map_named_on_the_command_line_that_does_not_exist_yet_is_a_new_map_saved_there() {
    let temp = tempfile::tempdir().expect("temp");
    let file = temp.path().join("new-map.ron");
    let mut harness = common::harness_for(ArgmapApp::start(Some(&file)));
    assert!(harness.app().doc.map.claims.is_empty());
    assert!(
        harness.app().status.error.is_empty(),
        "{}",
        harness.app().status.error
    );
    add_claim(&mut harness, "First claim");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = format::load(&file).expect("saved where named");
    assert_eq!(saved.claims[0].text, "First claim");
}

#[test]
fn losing_focus_writes_the_recovery_copy_at_once() {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path().join("recovery");
    let file = temp.path().join("map.ron");
    format::save(&small_map(), &file).expect("save");
    let mut harness = started(&file, &dir);
    add_claim(&mut harness, "Before switching windows");
    assert!(recovery_copies(&dir).is_empty());
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .focused = Some(false);
    harness.step();
    harness.run();
    assert_eq!(recovery_copies(&dir).len(), 1, "written as focus left");
}
