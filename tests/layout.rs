//! Tidy: conclusions above the claims that bear on them, no overlapping cards,
//! the same answer every time.

use argmap::analysis::layout::{Size, V_GAP, tidy};
use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn map_with(n: u64, edges: &[(u64, u64)]) -> Map {
    let claims = (1..=n)
        .map(|id| Claim {
            id: ClaimId(id),
            text: format!("c{id}"),
            label: String::new(),
            pos: Point::default(),
            note: String::new(),
            pin: None,
            quote: None,
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let links = edges
        .iter()
        .filter(|(a, b)| a != b && seen.insert((*a, *b)))
        .enumerate()
        .map(|(i, &(from, to))| Link {
            id: LinkId(i as u64 + 1),
            kind: if i % 2 == 0 {
                LinkKind::Support
            } else {
                LinkKind::Rebut
            },
            premises: vec![ClaimId(from)],
            target: Target::Claim(ClaimId(to)),
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        })
        .collect();
    Map {
        claims,
        links,
        ..Map::default()
    }
}

fn sizes(map: &Map) -> BTreeMap<ClaimId, Size> {
    map.claims
        .iter()
        .map(|c| {
            (
                c.id,
                Size {
                    w: 200.0 + (c.id.0 % 3) as f32 * 20.0,
                    h: 50.0 + (c.id.0 % 4) as f32 * 15.0,
                },
            )
        })
        .collect()
}

fn overlaps(a: (Point, Size), b: (Point, Size)) -> bool {
    (a.0.x - b.0.x).abs() < (a.1.w + b.1.w) / 2.0 && (a.0.y - b.0.y).abs() < (a.1.h + b.1.h) / 2.0
}

#[test]
fn a_chain_stands_in_layers_with_the_conclusion_on_top() {
    // 3 supports 2 supports 1; 4 rebuts 1.
    let map = map_with(4, &[(3, 2), (2, 1), (4, 1)]);
    let sizes = sizes(&map);
    let at = tidy(&map, &sizes);
    assert!(at[&ClaimId(1)].y < at[&ClaimId(2)].y);
    assert!(at[&ClaimId(2)].y < at[&ClaimId(3)].y);
    let top = |id: u64| at[&ClaimId(id)].y - sizes[&ClaimId(id)].h / 2.0;
    assert_eq!(top(2), top(4), "both bear on claim 1, so share a row");
    let gap = (at[&ClaimId(2)].y - sizes[&ClaimId(2)].h / 2.0)
        - (at[&ClaimId(1)].y + sizes[&ClaimId(1)].h / 2.0);
    assert!(
        gap >= V_GAP - 0.01,
        "rows are at least V_GAP apart, got {gap}"
    );
}

#[test]
fn undercutters_sit_beside_the_premises_of_the_link_they_attack() {
    let mut map = map_with(3, &[(2, 1)]);
    map.links.push(Link {
        id: LinkId(2),
        kind: LinkKind::Rebut,
        premises: vec![ClaimId(3)],
        target: Target::Link(LinkId(1)),
        note: String::new(),
        scheme: String::new(),
        question: String::new(),
    });
    let sizes = sizes(&map);
    let at = tidy(&map, &sizes);
    let top = |id: u64| at[&ClaimId(id)].y - sizes[&ClaimId(id)].h / 2.0;
    assert_eq!(top(3), top(2));
}

proptest! {
    #[test]
    fn no_cards_overlap_and_the_same_map_gives_the_same_layout(n in 1u64..40, raw in proptest::collection::vec((1u64..40, 1u64..40), 0..60)) {
        // Any edges, cycles included.
        let edges: Vec<(u64, u64)> = raw.into_iter().filter(|(a, b)| *a <= n && *b <= n).collect();
        let map = map_with(n, &edges);
        let sizes = sizes(&map);
        let at = tidy(&map, &sizes);
        prop_assert_eq!(at.len(), n as usize);
        let placed: Vec<(Point, Size)> = map.claims.iter().map(|c| (at[&c.id], sizes[&c.id])).collect();
        for i in 0..placed.len() {
            for j in i + 1..placed.len() {
                prop_assert!(!overlaps(placed[i], placed[j]), "claims {} and {} overlap", i + 1, j + 1);
            }
        }
        prop_assert_eq!(tidy(&map, &sizes), at, "same map, same layout");
    }

    #[test]
    fn without_cycles_every_premise_sits_below_what_it_bears_on(n in 2u64..40, raw in proptest::collection::vec((1u64..40, 1u64..40), 1..60)) {
        // Every edge runs from a higher id to a lower one, so there is no cycle.
        let edges: Vec<(u64, u64)> = raw
            .into_iter()
            .map(|(a, b)| (a.min(n), b.min(n)))
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (a.max(b), a.min(b)))
            .collect();
        prop_assume!(!edges.is_empty());
        let map = map_with(n, &edges);
        let sizes = sizes(&map);
        let at = tidy(&map, &sizes);
        for (a, b) in &edges {
            prop_assert!(
                at[&ClaimId(*a)].y > at[&ClaimId(*b)].y,
                "premise {} is not below its conclusion {}", a, b
            );
        }
    }
}

#[test]
fn a_chain_of_forty_thousand_claims_lays_out() {
    // Each claim supports the one before: as deep as a map can be.
    let n = 40_000u64;
    let edges: Vec<(u64, u64)> = (2..=n).map(|i| (i, i - 1)).collect();
    let map = map_with(n, &edges);
    let sizes = sizes(&map);
    let at = tidy(&map, &sizes);
    assert_eq!(at.len(), n as usize);
    for i in 2..=n {
        assert!(
            at[&ClaimId(i)].y > at[&ClaimId(i - 1)].y,
            "claim {i} is below {}",
            i - 1
        );
    }
}

#[test]
fn a_claim_with_many_reasons_does_not_stretch_the_map_into_a_row() {
    // Thirty reasons for one conclusion: one long row at first.
    let edges: Vec<(u64, u64)> = (2..=31).map(|i| (i, 1)).collect();
    let map = map_with(31, &edges);
    let at = tidy(&map, &sizes(&map));
    let ratio = argmap::analysis::layout::shape_ratio(&at);
    assert!((0.6..=2.0).contains(&ratio), "aspect {ratio}");
    for i in 2..=31 {
        assert!(at[&ClaimId(i)].y > at[&ClaimId(1)].y);
    }
}

#[test]
fn unconnected_groups_are_packed_into_a_window_shape() {
    // Twelve separate pairs.
    let edges: Vec<(u64, u64)> = (0..12).map(|i| (2 * i + 2, 2 * i + 1)).collect();
    let map = map_with(24, &edges);
    let at = tidy(&map, &sizes(&map));
    let ratio = argmap::analysis::layout::shape_ratio(&at);
    assert!((0.6..=2.0).contains(&ratio), "aspect {ratio}");
}

/// The shipped maps, read from their files.
fn shipped() -> Vec<(&'static str, Map)> {
    argmap::corpus::examples()
        .iter()
        .map(|e| {
            let map = argmap::format::read(e.text.as_bytes(), argmap::format::Syntax::Ron)
                .expect("example");
            (e.file, map)
        })
        .collect()
}

fn no_overlaps(map: &Map, at: &BTreeMap<ClaimId, Point>, sizes: &BTreeMap<ClaimId, Size>) {
    let placed: Vec<(ClaimId, Point, Size)> = map
        .claims
        .iter()
        .map(|c| (c.id, at[&c.id], sizes[&c.id]))
        .collect();
    for (i, a) in placed.iter().enumerate() {
        for b in &placed[i + 1..] {
            assert!(
                !overlaps((a.1, a.2), (b.1, b.2)),
                "claims {} and {} overlap",
                a.0.0,
                b.0.0
            );
        }
    }
}

#[test]
fn tidy_keeps_every_shipped_map_untangled_and_in_a_window_shape() {
    let fonts = argmap::render::measure::Headless::default();
    for (file, map) in shipped() {
        let sizes = fonts.sizes(&map);
        let at = tidy(&map, &sizes);
        no_overlaps(&map, &at, &sizes);
        let ratio = argmap::analysis::layout::shape_ratio(&at);
        assert!((0.6..=2.0).contains(&ratio), "{file}: aspect {ratio}");
        // Fewer crossings than Graphviz's dot gives the same graph (28, 51
        // and 46 for the three debate maps, 1 and 0 for the single cases).
        let most = match file {
            "kimmage-kramer-debate.ron" => 28,
            "kimmage-kramer-wider.ron" => 51,
            "kimmage-kramer-questions.ron" => 46,
            "kimmage-alone.ron" => 1,
            _ => 0,
        };
        let crossings = argmap::analysis::layout::crossings(&map, &at);
        assert!(crossings <= most, "{file}: {crossings} crossings");
    }
}

#[test]
fn the_debate_layout_puts_each_case_on_its_own_side_contentions_on_top() {
    let (_, map) = shipped().remove(0);
    let sizes = argmap::render::measure::Headless::default().sizes(&map);
    let at = argmap::analysis::layout::debate(&map, &sizes).expect("two sides");
    no_overlaps(&map, &at, &sizes);
    let author = |id: ClaimId| {
        map.claim(id)
            .and_then(|c| c.quote.as_ref())
            .map(|q| q.source.as_str().to_owned())
    };
    let kimmage: Vec<f32> = map
        .claims
        .iter()
        .filter(|c| author(c.id).as_deref() == Some("kimmage-2018"))
        .map(|c| at[&c.id].x)
        .collect();
    let kramer: Vec<f32> = map
        .claims
        .iter()
        .filter(|c| author(c.id).as_deref() == Some("kramer-2017"))
        .map(|c| at[&c.id].x)
        .collect();
    let left_edge = kimmage.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let right_start = kramer.iter().copied().fold(f32::INFINITY, f32::min);
    assert!(left_edge < right_start, "Kimmage's case left of Kramer's");
    // Each side's main contention (what its reasons lead to) is in the top row.
    let top_of = |id: ClaimId| at[&id].y - sizes[&id].h / 2.0;
    let top = map
        .claims
        .iter()
        .map(|c| top_of(c.id))
        .fold(f32::INFINITY, f32::min);
    for start in [
        "A nonrelationship with Russia",
        "Ramp up, not simply maintain",
    ] {
        let claim = map
            .claims
            .iter()
            .find(|c| c.text.starts_with(start))
            .expect("contention");
        assert!(
            (top_of(claim.id) - top).abs() < 1.0,
            "{start}… is in the top row"
        );
    }
    // Fewer crossings than Graphviz's dot gives the same graph (28).
    let crossings = argmap::analysis::layout::crossings(&map, &at);
    assert!(crossings < 28, "{crossings} crossings");
    assert_eq!(
        argmap::analysis::layout::debate(&map, &sizes),
        Some(at),
        "the same every time"
    );
}

#[test]
fn a_map_without_two_disagreeing_authors_has_no_debate_layout() {
    let map = map_with(4, &[(2, 1), (3, 1)]);
    assert!(argmap::analysis::layout::debate(&map, &sizes(&map)).is_none());
}
