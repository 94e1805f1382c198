//! One canvas frame, built headless: an `egui::Context` runs the canvas over a
//! map of 200 to 100,000 claims (no GPU, no window). Two views: the whole map
//! fitted (far out, drawn at a level of detail) and 100 % zoom (only what is
//! on screen drawn).

use argmap::app::selection::Selection;
use argmap::app::ui::canvas::Canvas;
use argmap::model::Map;
mod common;

use common::grid_map;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, canvas: &mut Canvas, map: &Map, selection: &mut Selection) {
    let mut actions = Vec::new();
    let mut output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::no_frame().show(ui, |ui| {
            canvas.show(
                ui,
                map,
                (0, 0),
                selection,
                &argmap::app::teaching::Overlay::default(),
                &mut actions,
            )
        });
    });
    output.textures_delta.clear();
    black_box(output);
}

fn bench(c: &mut Criterion) {
    for n in [200u64, 2_000, 10_000, 100_000] {
        let map = grid_map(n);
        for (name, fitted) in [("fitted", true), ("zoom 100%", false)] {
            let ctx = egui::Context::default();
            let mut canvas = Canvas::default();
            let mut selection = Selection::default();
            if fitted {
                canvas.request_fit();
            }
            // Warm up: measure every card once, as the app does on opening a map.
            for _ in 0..3 {
                frame(&ctx, &mut canvas, &map, &mut selection);
            }
            c.bench_function(&format!("canvas frame, {n} claims, {name}"), |b| {
                b.iter(|| frame(&ctx, &mut canvas, &map, &mut selection));
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
