//! Help ▸ About Argmap through the window: the version, how the window is
//! drawn, the licence and where settings and recovery copies live, with a
//! button that copies them for a message to the school's IT department.

mod common;

use argmap::app::state::Places;
use egui_kittest::kittest::Queryable;

fn open_about() -> egui_kittest::Harness<'static, argmap::app::ArgmapApp> {
    let mut app = argmap::app::ArgmapApp::debate();
    app.set_renderer("wgpu on Vulkan (a test adapter)".to_owned());
    app.set_places(Places {
        settings: Some("/home/student/.local/share/argmap/app.ron".to_owned()),
        recovery: Some("/home/student/.local/share/argmap/recovery".to_owned()),
    });
    let mut harness = common::harness_for(app);
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About Argmap").click();
    harness.run();
    harness
}

#[test]
fn about_shows_version_renderer_licence_and_where_files_live() {
    let harness = open_about();
    let version = env!("CARGO_PKG_VERSION");
    harness.get_by_label(&format!("Argmap {version}"));
    harness.get_by_label("wgpu on Vulkan (a test adapter)");
    harness.get_by_label("MIT or Apache-2.0");
    harness.get_by_label("/home/student/.local/share/argmap/app.ron");
    harness.get_by_label("/home/student/.local/share/argmap/recovery");
    assert!(harness.state().state().windows.about);
}

#[test]
fn copy_these_details_copies_every_fact_and_escape_closes() {
    let mut harness = open_about();
    harness.get_by_label("Copy these details").click();
    harness.step();
    let copied = common::copied(&harness).expect("the details were copied");
    harness.run();
    for line in [
        format!("Version: {}", env!("CARGO_PKG_VERSION")),
        "Drawn with: wgpu on Vulkan (a test adapter)".to_owned(),
        "Licence: MIT or Apache-2.0".to_owned(),
        "Settings: /home/student/.local/share/argmap/app.ron".to_owned(),
        "Recovery copies: /home/student/.local/share/argmap/recovery".to_owned(),
    ] {
        assert!(copied.lines().any(|l| l == line), "{line:?} in {copied:?}");
    }
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().state().windows.about);
    assert!(harness.query_by_label("Copy these details").is_none());
}

#[test]
fn places_not_known_are_said_so_rather_than_left_blank() {
    let mut harness = common::harness_for(argmap::app::ArgmapApp::debate());
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About Argmap").click();
    harness.run();
    assert_eq!(
        harness
            .query_all_by_label("not known on this system")
            .count(),
        2
    );
}
