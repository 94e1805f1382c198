//! The computations that rerun as the map changes: which claims stand (F5
//! keeps it live on every edit) and the comparison with a model answer, on
//! maps of 200 and 2,000 claims; which claims stand after one edit, as the
//! app works it out, on course maps of 10,000 and 100,000 claims; and Tidy
//! on argument maps of 200, 2,000 and 10,000 claims; merging two students'
//! copies of a map of 2,000 and 10,000 claims.

mod common;

use argmap::analysis::{compare, evaluate, layout, merge};
use argmap::model::{Edit, Point};
use common::{argument_map, course_map, grid_map, quoted_map};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn analysis(c: &mut Criterion) {
    for n in [200, 2_000] {
        let map = grid_map(n);
        let pins = evaluate::Pins::new();
        c.bench_function(&format!("grounded evaluation, {n} claims"), |b| {
            b.iter(|| black_box(evaluate::grounded(black_box(&map), &pins)));
        });
        // A student's version of a quoted map: every tenth passage cut a
        // little shorter, one link left out.
        let model = quoted_map(n);
        let mut student = model.clone();
        for claim in student.claims.iter_mut().step_by(10) {
            if let Some(quote) = claim.quote.as_mut() {
                quote.end -= 10;
                quote.text.truncate(quote.text.len() - 10);
                claim.text = quote.text.clone();
            }
        }
        student.links.pop();
        c.bench_function(&format!("compare quoted maps, {n} claims"), |b| {
            b.iter(|| black_box(compare::compare(black_box(&student), &model)));
        });
        // The worst case: claims worded almost alike, none quoted, so every
        // pair is a candidate match.
        if n == 200 {
            c.bench_function("compare near-identical wording, 200 claims", |b| {
                b.iter(|| black_box(compare::compare(black_box(&map), &map)));
            });
        }
    }
}

/// Tidy on realistic argument maps (trees of reasons and objections with
/// linked premises and undercuts).
fn tidy(c: &mut Criterion) {
    let mut group = c.benchmark_group("tidy layout");
    group.sample_size(10);
    for n in [200u64, 2_000, 10_000] {
        let map = common::argument_map(n);
        let sizes = argmap::render::measure::Headless::default().sizes(&map);
        group.bench_function(format!("{n} claims"), |b| {
            b.iter(|| black_box(layout::tidy(black_box(&map), &sizes)));
        });
    }
    group.finish();
}

/// Tidy on forests of sub-debates joined into one large group (see
/// `common::forest_map`), cards measured first as the command line does;
/// the crossings of each layout are printed beside its time.
fn tidy_forest(c: &mut Criterion) {
    let mut group = c.benchmark_group("tidy layout, forest");
    group.sample_size(10);
    for n in [1_000u64, 10_000, 100_000] {
        let map = common::forest_map(n);
        let headless = argmap::render::measure::Headless::default();
        let sizes = headless.sizes(&map);
        let laid = layout::tidy(&map, &sizes);
        // Counting every pair of 100,000 links would take longer than the layout.
        if n <= 10_000 {
            let crossings = layout::refine::count(&layout::refine::segments(&map, &laid));
            eprintln!(
                "forest of {n} claims: {crossings} crossings, shape {:.2}:1",
                layout::shape_ratio(&laid)
            );
        }
        group.bench_function(format!("{n} claims, measured and laid out"), |b| {
            b.iter(|| {
                let sizes = headless.sizes(black_box(&map));
                black_box(layout::tidy(&map, &sizes))
            });
        });
    }
    group.finish();
}

/// Preferred positions at the limit of what is listed: twelve undecided
/// claims, in six pairs that rebut each other (64 positions) or four rings
/// of three (one position, everything undecided).
fn preferred(c: &mut Criterion) {
    use argmap::model::{ClaimId, Link, LinkId, LinkKind, Target};
    for (name, ring) in [("six two-cycles", 2u64), ("four three-cycles", 3u64)] {
        let mut map = grid_map(12);
        map.links = (0..12u64)
            .map(|i| {
                let next = i - i % ring + (i + 1) % ring;
                Link {
                    id: LinkId(i + 1),
                    kind: LinkKind::Rebut,
                    premises: vec![ClaimId(i + 1)],
                    target: Target::Claim(ClaimId(next + 1)),
                    note: String::new(),
                    scheme: String::new(),
                    question: String::new(),
                }
            })
            .collect();
        let pins = evaluate::Pins::new();
        assert!(evaluate::preferred(&map, &pins).is_some());
        c.bench_function(&format!("preferred positions, {name}"), |b| {
            b.iter(|| black_box(evaluate::preferred(black_box(&map), &pins)));
        });
    }
}

/// One edit (a link switched between support and rebut), then what the app
/// does before the next frame with F5 on: which claims stand, and which
/// critical questions are open.
fn after_an_edit(c: &mut Criterion) {
    use argmap::app::document::Document;
    use argmap::app::teaching::Teaching;
    use argmap::model::Edit;
    let mut group = c.benchmark_group("which claims stand after one edit");
    group.sample_size(20);
    for n in [10_000u64, 100_000] {
        let mut doc = Document::new(course_map(n), None, "course");
        let mut teach = Teaching::default();
        teach.evaluate = true;
        teach.refresh(&doc.map, doc.version());
        let link = doc.map.links[doc.map.links.len() / 2].id;
        group.bench_function(format!("{n} claims"), |b| {
            b.iter(|| {
                let kind = doc
                    .map
                    .link(link)
                    .map(|l| l.kind.other())
                    .expect("the link");
                doc.apply("Switch", Edit::RetypeLink { link, kind })
                    .expect("applies");
                teach.refresh(&doc.map, doc.version());
                black_box(teach.shown().map(|l| l.claims.len()));
            });
        });
    }
    group.finish();
}

/// Two copies of one map, each with a tenth of its claims changed (one
/// side's words, the other's positions, some of the same claims both ways)
/// and new claims on both sides under the same ids.
fn merging(c: &mut Criterion) {
    for n in [2_000, 10_000] {
        let base = argument_map(n);
        let mut ours = base.clone();
        let mut theirs = base.clone();
        for (i, claim) in base.claims.iter().enumerate().step_by(10) {
            let mut changed = claim.clone();
            changed.text.push_str(" (ours)");
            Edit::ChangeClaim(changed).apply(&mut ours).expect("change");
            let moved = Edit::MoveClaims(vec![(claim.id, Point::new(i as f32, 0.0))]);
            moved.apply(&mut theirs).expect("move");
            if i % 30 == 0 {
                let mut changed = claim.clone();
                changed.text.push_str(" (theirs)");
                Edit::ChangeClaim(changed)
                    .apply(&mut theirs)
                    .expect("change");
            }
        }
        for (name, side) in [("ours", &mut ours), ("theirs", &mut theirs)] {
            let ids = side.free_claim_ids(n as usize / 20);
            for id in ids {
                let mut added = side.claims[0].clone();
                added.id = id;
                added.quote = None;
                added.text = format!("new in {name}, {}", id.0);
                Edit::AddClaim(added).apply(side).expect("add");
            }
        }
        c.bench_function(&format!("merge two copies, {n} claims"), |b| {
            b.iter(|| black_box(merge::merge(black_box(&base), &ours, &theirs)));
        });
        c.bench_function(&format!("diff two versions, {n} claims"), |b| {
            b.iter(|| black_box(merge::diff(black_box(&base), &ours)));
        });
    }
}

criterion_group!(
    benches,
    analysis,
    preferred,
    tidy,
    tidy_forest,
    after_an_edit,
    merging
);
criterion_main!(benches);
