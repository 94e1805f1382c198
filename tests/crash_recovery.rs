//! The real program killed mid-edit: `argmap` runs in a real window (Xvfb),
//! takes an edit typed through xdotool, and is killed with SIGKILL before
//! saving. Its recovery copy must hold exactly that edit, and the next
//! start must restore it.
//!
//! Needs Xvfb and xdotool (and a Vulkan driver, Mesa's software one will
//! do). Without them the test says so and passes, unless
//! ARGMAP_REQUIRE_DISPLAY is set (CI sets it), which makes it a failure.

#![cfg(target_os = "linux")]

mod common;

use argmap::app::ArgmapApp;
use argmap::format;
use common::display::{Display, have};
use common::{AppHarness, small_map};
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn copies(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_editor_killed_mid_edit_offers_the_exact_work_back() {
    const REQUIRE: &str = "ARGMAP_REQUIRE_DISPLAY";
    if !common::extras::available(
        have("Xvfb") && have("xdotool"),
        REQUIRE,
        "needs Xvfb and xdotool (apt-get install xvfb xdotool)",
    ) {
        return;
    }
    let display = Display::start();
    if !common::extras::available(display.is_some(), REQUIRE, "needs Xvfb to start") {
        return;
    }
    let display = display.expect("checked above");
    let temp = tempfile::tempdir().expect("temp");
    let data = temp.path().join("data");
    let file = temp.path().join("map.ron");
    format::save(&small_map(), &file).expect("save");
    let runtime = temp.path().join("runtime");
    std::fs::create_dir(&runtime).expect("runtime dir");

    let log = temp.path().join("argmap.log");
    let launch = || {
        Command::new(env!("CARGO_BIN_EXE_argmap"))
            .arg(&file)
            .env("DISPLAY", &display.name)
            .env("ARGMAP_DATA_DIR", &data)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("start argmap")
    };
    let typed = "Typed just before the crash";
    // A window that never appears because the program ended at once (a busy
    // machine's X server refusing a client) is retried; one that hangs is not.
    let mut said = Vec::new();
    let mut found = None;
    for _attempt in 0..3 {
        let mut editor = launch();
        let start = Instant::now();
        let window = loop {
            if let Some(id) = display.xdotool(&["search", "--name", "map.ron"]) {
                break id.lines().next().map(str::to_owned);
            }
            if editor.try_wait().ok().flatten().is_some() {
                break None;
            }
            if start.elapsed() > Duration::from_secs(60) {
                let _ = editor.kill();
                let _ = editor.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(300));
        };
        said.push(std::fs::read_to_string(&log).unwrap_or_default());
        if let Some(window) = window {
            found = Some((editor, window));
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    let Some((mut editor, window)) = found else {
        panic!(
            "the editor's window did not appear on {}; it said:\n{}",
            display.name,
            said.join("\n---\n")
        );
    };
    // Let the first frames settle, then type a claim of one's own.
    std::thread::sleep(Duration::from_secs(2));
    display.xdotool(&["windowfocus", "--sync", &window]);
    display.xdotool(&["key", "--window", &window, "ctrl+shift+n"]);
    std::thread::sleep(Duration::from_millis(700));
    display.xdotool(&["type", "--delay", "30", typed]);
    std::thread::sleep(Duration::from_millis(500));
    display.xdotool(&["key", "Return"]);

    // Wait for the recovery copy that holds the typed words.
    let recovery = data.join("recovery");
    let start = Instant::now();
    let holds_it = loop {
        let found = copies(&recovery)
            .iter()
            .any(|copy| std::fs::read_to_string(copy).is_ok_and(|text| text.contains(typed)));
        if found || start.elapsed() > Duration::from_secs(30) {
            break found;
        }
        std::thread::sleep(Duration::from_millis(300));
    };
    // SIGKILL: no clean exit, no chance to save or tidy up.
    editor.kill().expect("kill");
    let _ = editor.wait();
    assert!(holds_it, "no recovery copy held the edit");
    assert_eq!(
        format::load(&file).expect("load"),
        small_map(),
        "the file was not saved"
    );

    // The next start offers the copy; restoring gives the map as it was.
    let mut app = ArgmapApp::start(Some(&file));
    app.enable_recovery(&recovery);
    let mut harness = common::harness_for(app);
    harness.get_by_label("Recover unsaved work");
    harness.get_by_label("Restore").click();
    harness.run();
    let restored = &harness.app().doc.map;
    let mut expected = small_map();
    let added = restored
        .claims
        .iter()
        .find(|c| c.id.0 == 5)
        .expect("the claim typed before the crash");
    assert_eq!(added.text, typed);
    expected.claims.push(added.clone());
    assert_eq!(
        *restored, expected,
        "exactly the map as it was, nothing more or less"
    );
}
