//! `export --to png` at the default scale (2 pixels per canvas unit) of a
//! 200-claim map in a grid of readable spacing, as a class exports it for
//! slides; the growth at one small scale, at 200, 2,000 and 10,000 claims;
//! and how soon a picture too large to write (10,000 claims at scale 2) is
//! refused. Criterion gives the times; the peak resident memory of a
//! process that only makes the 200-claim picture is printed beside them.

mod common;

use argmap::exchange::{ExportError, image};
use common::grid_map;
use criterion::{Criterion, criterion_group};
use std::hint::black_box;

/// Set, the benchmark only makes the 200-claim picture once and prints the
/// process's peak resident memory.
const ONCE: &str = "ARGMAP_BENCH_PNG_ONCE";

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("export png");
    group.sample_size(10);
    let map = grid_map(200);
    let size = image::png_size(&map, None, 2.0);
    eprintln!(
        "png of 200 claims: {} x {} pixels, peak resident memory {}",
        size.x.ceil(),
        size.y.ceil(),
        common::peak_memory_of(ONCE, "1")
    );
    group.bench_function("200 claims at scale 2", |b| {
        b.iter(|| black_box(image::to_png(black_box(&map), None, 2.0).expect("a picture")));
    });
    // Growth: the same scale (a quarter pixel per unit) at three sizes.
    for n in [200u64, 2_000, 10_000] {
        let map = grid_map(n);
        group.bench_function(format!("{n} claims at scale 0.25"), |b| {
            b.iter(|| black_box(image::to_png(black_box(&map), None, 0.25).expect("a picture")));
        });
    }
    let large = grid_map(10_000);
    group.bench_function("10000 claims at scale 2, refused", |b| {
        b.iter(|| {
            let refused = image::to_png(black_box(&large), None, 2.0);
            assert!(matches!(refused, Err(ExportError::TooLarge { .. })));
        });
    });
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    if std::env::var_os(ONCE).is_some() {
        let png = image::to_png(&grid_map(200), None, 2.0).expect("a picture");
        black_box(png.len());
        common::print_peak_memory();
        return;
    }
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
