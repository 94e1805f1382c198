//! Opening a map in the app to its first drawn frame: the file read and
//! checked, every card measured, the view fitted and the map drawn (headless:
//! an `egui::Context` without a window or GPU). Course maps of 10,000 and
//! 100,000 claims, written to a temporary folder as Argmap writes them.
//!
//! Criterion gives the time; the peak resident memory of a process that
//! only opens the map is printed beside it.

mod common;

use argmap::app::ArgmapApp;
use criterion::{Criterion, criterion_group};

/// Set to a map's path, the benchmark only opens it once and prints the
/// process's peak resident memory: run in a process of its own, so the
/// figure is the app's alone.
const ONCE: &str = "ARGMAP_BENCH_OPEN_ONCE";

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

/// Opens `path` and runs frames until the view is fitted and drawn (the
/// app fits once the panels have settled: the third frame).
fn open(path: &std::path::Path) -> ArgmapApp {
    let ctx = egui::Context::default();
    let mut app = ArgmapApp::start(Some(path));
    for _ in 0..3 {
        let mut output = ctx.run_ui(input(), |ui| app.frame(ui));
        output.textures_delta.clear();
        std::hint::black_box(output);
    }
    app
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("argmap-open-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for n in [10_000u64, 100_000] {
        let path = dir.join(format!("course-{n}.ron"));
        let map = common::course_map(n);
        let text = argmap::format::encode(&map, argmap::format::Syntax::Ron).expect("encodes");
        std::fs::write(&path, text).expect("writes");
        drop(map);

        eprintln!(
            "open {n} claims: peak resident memory {}",
            common::peak_memory_of(ONCE, &path.to_string_lossy())
        );

        let mut group = c.benchmark_group("open");
        group.sample_size(10);
        group.bench_function(format!("{n} claims to the first frame"), |b| {
            b.iter(|| open(&path));
        });
        group.finish();
    }
    std::fs::remove_dir_all(&dir).ok();
}

criterion_group!(benches, bench);

fn main() {
    if let Some(path) = std::env::var_os(ONCE) {
        let app = open(std::path::Path::new(&path));
        std::hint::black_box(app);
        common::print_peak_memory();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
