//! What the command line does to a whole map, at three sizes, so the growth
//! shows: 1,000, 10,000 and 100,000 claims of a course's worth of argument
//! (about two links per claim: reasons, objections and undercuts aimed
//! anywhere earlier in the map). `check` is validation; `import` reads the
//! AIFdb shape, which carries no layout, so it includes laying the map out
//! (on the tree-shaped argument maps an article gives, as Tidy's own
//! benchmark does). `compare` is one student's map against the model answer
//! (`grade` runs it once per student). Pictures are measured in `analysis`
//! and `canvas_frame`.

mod common;

use argmap::analysis::{compare, evaluate};
use argmap::exchange::{aif, argdown, dot};
use argmap::format::{self, Syntax};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SIZES: [u64; 3] = [1_000, 10_000, 100_000];

fn commands(c: &mut Criterion) {
    let mut group = c.benchmark_group("commands");
    group.sample_size(10);
    for n in SIZES {
        let map = common::course_map(n);
        let ron = format::encode(&map, Syntax::Ron).expect("encodes");
        group.bench_function(format!("check, {n} claims"), |b| {
            b.iter(|| {
                let read = format::parse(ron.as_bytes(), Syntax::Ron).expect("reads");
                black_box(argmap::model::validate(&read))
            });
        });
        group.bench_function(format!("save as RON, {n} claims"), |b| {
            b.iter(|| black_box(format::encode(black_box(&map), Syntax::Ron)));
        });
        group.bench_function(format!("export AIF for AIFdb, {n} claims"), |b| {
            b.iter(|| black_box(aif::to_aifdb(black_box(&map))));
        });
        group.bench_function(format!("export AIF for OVA, {n} claims"), |b| {
            b.iter(|| black_box(aif::to_ova(black_box(&map))));
        });
        group.bench_function(format!("export Argdown, {n} claims"), |b| {
            b.iter(|| black_box(argdown::to_argdown(black_box(&map))));
        });
        group.bench_function(format!("export DOT, {n} claims"), |b| {
            b.iter(|| black_box(dot::to_dot(black_box(&map))));
        });
        group.bench_function(format!("export SVG, {n} claims"), |b| {
            b.iter(|| {
                black_box(argmap::exchange::image::to_svg(black_box(&map), None).expect("svg"))
            });
        });
        group.bench_function(format!("which claims stand, {n} claims"), |b| {
            let pins = evaluate::Pins::new();
            b.iter(|| black_box(evaluate::grounded(black_box(&map), &pins)));
        });
        group.bench_function(format!("exercise of contentions, {n} claims"), |b| {
            b.iter(|| {
                black_box(compare::exercise(
                    black_box(&map),
                    compare::Exercise::MainContentions,
                ))
            });
        });
        // A student's map beside the model: every tenth passage cut shorter,
        // every seventh claim of the student's own worded differently, a
        // link in fifty left out.
        let mut student = map.clone();
        for claim in student.claims.iter_mut().step_by(10) {
            if let Some(quote) = claim.quote.as_mut()
                && quote.text.len() > 20
            {
                quote.end -= 10;
                quote.text.truncate(quote.text.len() - 10);
            }
        }
        for claim in student.claims.iter_mut().skip(3).step_by(7) {
            if claim.quote.is_none() {
                claim.text = format!("In my view, {}", claim.text.to_lowercase());
            }
        }
        let mut kept = 0;
        student.links.retain(|_| {
            kept += 1;
            kept % 50 != 0
        });
        group.bench_function(format!("compare with a model answer, {n} claims"), |b| {
            b.iter(|| black_box(compare::compare(black_box(&student), black_box(&map))));
        });
        let tree = common::argument_map(n);
        let text = aif::to_aifdb(&tree);
        group.bench_function(format!("import AIF without a layout, {n} claims"), |b| {
            b.iter(|| black_box(aif::import(black_box(&text)).expect("imports")));
        });
    }
    group.finish();
}

criterion_group!(benches, commands);
criterion_main!(benches);
