//! One canvas frame, built headless: an `egui::Context` runs the canvas over a
//! map of 200 to 100,000 claims (no GPU, no window). Two views: the whole map
//! fitted (far out, drawn at a level of detail) and 100 % zoom (only what is
//! on screen drawn).

use argmap::app::selection::Selection;
use argmap::app::ui::canvas::{Canvas, Input};
use argmap::app::view::{ViewRequest, ViewState};
use argmap::model::Map;
mod common;

use common::grid_map;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, canvas: &mut Canvas, map: &Map, requests: &[ViewRequest]) {
    let mut actions = Vec::new();
    let overlay = argmap::app::teaching::Overlay::default();
    let view = ViewState::default();
    let selection = Selection::default();
    let input = Input {
        map,
        version: Default::default(),
        selection: &selection,
        overlay: &overlay,
        view: &view,
    };
    let mut output = ctx.run_ui(raw_input(), |ui| {
        egui::CentralPanel::no_frame()
            .show(ui, |ui| canvas.show(ui, &input, requests, &mut actions));
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
            let fit = if fitted {
                vec![ViewRequest::Fit]
            } else {
                Vec::new()
            };
            // Warm up: measure every card once, as the app does on opening a map.
            frame(&ctx, &mut canvas, &map, &fit);
            for _ in 0..2 {
                frame(&ctx, &mut canvas, &map, &[]);
            }
            c.bench_function(&format!("canvas frame, {n} claims, {name}"), |b| {
                b.iter(|| frame(&ctx, &mut canvas, &map, &[]));
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
