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
    common::extras::available(
        found,
        "ARGMAP_REQUIRE_GPU",
        "needs a GPU adapter for image snapshots (apt-get install mesa-vulkan-drivers libvulkan1)",
    )
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

/// The debate as a class first sees it: 1600×1000, both panes, fitted.
fn classroom() -> Harness<'static, ArgmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_theme(egui::Theme::Light)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(400)
        .wgpu()
        .build_eframe(|_| ArgmapApp::debate());
    harness.run();
    harness
}

#[test]
fn debate_at_fit() {
    if !gpu_available() {
        return;
    }
    classroom().snapshot("debate_at_fit");
}

#[test]
fn focused_claim() {
    if !gpu_available() {
        return;
    }
    use egui_kittest::kittest::Queryable;
    let mut harness = classroom();
    let map = common::debate();
    let claim = map
        .claims
        .iter()
        .find(|c| c.label == "Russia breaks agreements")
        .expect("claim");
    harness
        .get_by_label(&format!("Claim: {}", claim.text))
        .click();
    harness.run();
    harness.key_press(egui::Key::F);
    harness.run();
    harness.snapshot("focused_claim");
}
