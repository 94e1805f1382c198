//! A few image snapshots pin the editor's look, light and dark. They render on
//! the CPU through wgpu (Mesa's lavapipe on Linux). Without a GPU adapter they
//! are skipped with a note, unless ARGMAP_REQUIRE_GPU is set (as CI does),
//! which makes a missing adapter a failure.

use argmap::app::ArgmapApp;
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

fn editor(theme: egui::Theme) -> Harness<'static, ArgmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 760.0))
        .with_theme(theme)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(400)
        .wgpu()
        .build_eframe(|_| ArgmapApp::start(None));
    harness.run();
    harness
}

#[test]
fn editor_with_the_debate_map_light() {
    if !gpu_available() {
        return;
    }
    editor(egui::Theme::Light).snapshot("editor_light");
}

#[test]
fn editor_with_the_debate_map_dark() {
    if !gpu_available() {
        return;
    }
    editor(egui::Theme::Dark).snapshot("editor_dark");
}
