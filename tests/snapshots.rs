//! A few image snapshots pin the editor's look, light and dark. They render on
//! the CPU through wgpu (Mesa's lavapipe on Linux). Without a GPU adapter they
//! are skipped with a note, unless ARGMAP_REQUIRE_GPU is set (as CI does),
//! which makes a missing adapter a failure.

mod common;

use argmap::app::{Action, ArgmapApp, Command};
use argmap::corpus;
use argmap::model::{Map, SourceId};
use egui_kittest::Harness;

fn gpu_available() -> bool {
    let found = std::panic::catch_unwind(egui_kittest::wgpu::WgpuTestRenderer::new).is_ok();
    if !found {
        assert!(
            std::env::var_os("ARGMAP_REQUIRE_GPU").is_none(),
            "ARGMAP_REQUIRE_GPU is set but no GPU adapter was found (install mesa-vulkan-drivers and libvulkan1)"
        );
        eprintln!(
            "skipped: no GPU adapter for image snapshots (install mesa-vulkan-drivers libvulkan1)"
        );
    }
    found
}

/// A small map of its own, so the pictures change only when the look does:
/// a quoted claim, a linked support, a rebut and an undercut.
fn map() -> Map {
    let mut map = common::small_map();
    let kramer = corpus::article(&SourceId::new("kramer-2017"))
        .expect("bundled")
        .clone();
    let passage = "Putin’s regime simply doesn’t abide by agreements it has signed or inherited.";
    map.sources = vec![kramer.clone()];
    map.claims[1].quote = Some(common::quote(&kramer, passage));
    map
}

fn editor(theme: egui::Theme) -> Harness<'static, ArgmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 640.0))
        .with_theme(theme)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(400)
        .wgpu()
        .build_eframe(|_| ArgmapApp::with_map(map(), None, "small.ron"));
    harness.run();
    harness
}

#[test]
fn editor_light() {
    if !gpu_available() {
        return;
    }
    editor(egui::Theme::Light).snapshot("editor_light");
}

#[test]
fn editor_dark() {
    if !gpu_available() {
        return;
    }
    editor(egui::Theme::Dark).snapshot("editor_dark");
}

#[test]
fn which_claims_stand() {
    if !gpu_available() {
        return;
    }
    let mut harness = editor(egui::Theme::Light);
    harness
        .state_mut()
        .act(Action::Command(Command::ToggleEvaluation));
    harness.run();
    harness.snapshot("which_claims_stand");
}
