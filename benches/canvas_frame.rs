//! One canvas frame, built headless: an `egui::Context` runs the canvas over a
//! map of 200 or 2,000 claims (no GPU, no window). Two views: the whole map
//! fitted (far out, text skipped) and 100 % zoom (only what is on screen drawn).

use argmap::app::canvas::Canvas;
use argmap::app::selection::Selection;
use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// Claims in a grid; each supports the claim above it and every third rebuts its left neighbour.
fn grid_map(n: u64) -> Map {
    let columns = (n as f64).sqrt().ceil() as u64;
    let claims = (1..=n)
        .map(|id| Claim {
            id: ClaimId(id),
            text: format!(
                "Claim {id}: sanctions have not changed Russian behaviour in Ukraine or Syria."
            ),
            pos: Point::new(
                ((id - 1) % columns) as f32 * 280.0,
                ((id - 1) / columns) as f32 * 160.0,
            ),
            note: String::new(),
            pin: None,
            quote: None,
        })
        .collect();
    let mut links = Vec::new();
    for id in 1..=n {
        if id > columns {
            links.push((id, id - columns, LinkKind::Support));
        }
        if id % 3 == 0 && id % columns != 1 {
            links.push((id, id - 1, LinkKind::Rebut));
        }
    }
    let links = links
        .into_iter()
        .enumerate()
        .map(|(i, (from, to, kind))| Link {
            id: LinkId(i as u64 + 1),
            kind,
            premises: vec![ClaimId(from)],
            target: Target::Claim(ClaimId(to)),
            note: String::new(),
        })
        .collect();
    Map {
        title: "bench".into(),
        description: String::new(),
        sources: vec![],
        claims,
        links,
    }
}

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
                selection,
                &argmap::app::teach::Overlay::default(),
                &mut actions,
            )
        });
    });
    output.textures_delta.clear();
    black_box(output);
}

fn bench(c: &mut Criterion) {
    for n in [200u64, 2_000] {
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
