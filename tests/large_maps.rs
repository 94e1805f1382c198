//! Shapes that large maps bring and small ones hide: long chains of
//! undercuts, rings of them, thousands of claims worded alike. Each must
//! come out right (the speed is measured in `benches/`).

use argmap::analysis::layout;
use argmap::exchange::{aif, argdown};
use argmap::model::{
    Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Problem, Target, validate,
};

fn claim(id: u64, text: &str) -> Claim {
    Claim {
        id: ClaimId(id),
        text: text.into(),
        label: String::new(),
        pos: Point::new(id as f32 * 300.0, 0.0),
        note: String::new(),
        pin: None,
        quote: None,
    }
}

fn link(id: u64, kind: LinkKind, premise: u64, target: Target) -> Link {
    Link {
        id: LinkId(id),
        kind,
        premises: vec![ClaimId(premise)],
        target,
        note: String::new(),
        scheme: String::new(),
        question: String::new(),
    }
}

/// Claim 1 supports claim 2 (link 1); each further claim undercuts the link
/// made just before it.
fn undercut_chain(n: u64) -> Map {
    let mut map = Map {
        claims: (1..=n).map(|i| claim(i, &format!("Claim {i}."))).collect(),
        ..Map::default()
    };
    map.links
        .push(link(1, LinkKind::Support, 1, Target::Claim(ClaimId(2))));
    for i in 3..=n {
        map.links
            .push(link(i - 1, LinkKind::Rebut, i, Target::Link(LinkId(i - 2))));
    }
    map
}

#[test]
fn a_ring_of_undercuts_is_reported_link_by_link_and_a_chain_is_not() {
    let mut map = undercut_chain(2_000);
    assert_eq!(validate(&map), vec![], "a long chain is valid");
    // Close a ring: links 5 → 6 → 7 → 5 (each undercutting the next), with
    // link 8 aimed into the ring from outside.
    for (id, target) in [(5, 6), (6, 7), (7, 5), (8, 6)] {
        map.link_mut(LinkId(id)).expect("link").target = Target::Link(LinkId(target));
    }
    let rings: Vec<LinkId> = validate(&map)
        .into_iter()
        .filter_map(|p| match p {
            Problem::UndercutCycle(l) => Some(l),
            _ => None,
        })
        .collect();
    assert_eq!(rings, vec![LinkId(5), LinkId(6), LinkId(7)]);
}

#[test]
fn tidy_lays_out_a_long_chain_of_undercuts_in_finite_places() {
    let map = undercut_chain(190);
    let sizes = argmap::render::measure::Headless::default().sizes(&map);
    let at = layout::tidy(&map, &sizes);
    assert_eq!(at.len(), map.claims.len());
    for (id, p) in &at {
        assert!(
            p.x.is_finite() && p.y.is_finite(),
            "claim {} at {p:?}",
            id.0
        );
        assert!(
            p.x.abs() < 1e6 && p.y.abs() < 1e6,
            "claim {} far off at {p:?}",
            id.0
        );
    }
    for (i, (a, pa)) in at.iter().enumerate() {
        for (b, pb) in at.iter().skip(i + 1) {
            let (sa, sb) = (sizes[a], sizes[b]);
            let apart = (pa.x - pb.x).abs() >= (sa.w + sb.w) / 2.0
                || (pa.y - pb.y).abs() >= (sa.h + sb.h) / 2.0;
            assert!(apart, "claims {} and {} overlap", a.0, b.0);
        }
    }
}

#[test]
fn an_aif_chain_of_undercuts_without_a_layout_imports_whole() {
    let map = undercut_chain(1_000);
    let (back, summary) = aif::import(&aif::to_aifdb(&map)).expect("imports");
    assert_eq!(back.claims.len(), 1_000);
    assert_eq!(summary.undercuts, 998);
    // Still a chain: claim 3 undercuts claim 1's support, and each later
    // claim the undercut made by the claim just before it.
    let text = |id: ClaimId| back.claim(id).expect("claim").text.clone();
    for l in &back.links {
        if let Target::Link(target) = l.target {
            let attacked = back.link(target).expect("the attacked link");
            let (own, theirs) = (text(l.premises[0]), text(attacked.premises[0]));
            let number = |t: &str| {
                t.trim_start_matches("Claim ")
                    .trim_end_matches('.')
                    .parse::<u64>()
                    .expect("number")
            };
            let expected = if number(&own) == 3 {
                1
            } else {
                number(&own) - 1
            };
            assert_eq!(number(&theirs), expected, "{own} undercuts {theirs}");
        }
    }
    assert!(
        back.claims
            .iter()
            .all(|c| c.pos.x.is_finite() && c.pos.y.is_finite())
    );
}

/// An undercut that comes before the link it attacks, in the file, still
/// finds it, and links are numbered as before: those aimed at claims first.
#[test]
fn aif_undercuts_listed_before_their_target_resolve() {
    let text = r#"{"nodes":[
        {"nodeID":"u2","type":"CA","text":"Default Conflict"},
        {"nodeID":"u1","type":"CA","text":"Default Conflict"},
        {"nodeID":"s","type":"RA","text":"Default Inference"},
        {"nodeID":"a","type":"I","text":"Talks work."},
        {"nodeID":"b","type":"I","text":"Helsinki worked."},
        {"nodeID":"c","type":"I","text":"Helsinki was different."},
        {"nodeID":"d","type":"I","text":"It was not that different."}],
      "edges":[
        {"fromID":"b","toID":"s"},{"fromID":"s","toID":"a"},
        {"fromID":"c","toID":"u1"},{"fromID":"u1","toID":"s"},
        {"fromID":"d","toID":"u2"},{"fromID":"u2","toID":"u1"}]}"#;
    let (map, summary) = aif::import(text).expect("imports");
    assert_eq!((summary.supports, summary.undercuts), (1, 2));
    let ids: Vec<(u64, LinkKind, Target)> = map
        .links
        .iter()
        .map(|l| (l.id.0, l.kind, l.target))
        .collect();
    assert_eq!(
        ids,
        vec![
            (1, LinkKind::Support, Target::Claim(ClaimId(1))),
            (2, LinkKind::Rebut, Target::Link(LinkId(1))),
            (3, LinkKind::Rebut, Target::Link(LinkId(2))),
        ]
    );
}

#[test]
fn thousands_of_claims_worded_alike_get_distinct_argdown_titles() {
    let mut map = Map::default();
    for i in 1..=3_000 {
        map.claims
            .push(claim(i, "Sanctions have not changed Russian conduct."));
    }
    // A claim whose own words look like a numbered title.
    map.claims
        .push(claim(3_001, "Sanctions have not changed Russian conduct 2"));
    let text = argdown::to_argdown(&map);
    let titles: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with('['))
        .map(|l| &l[..l.find("]:").expect("a title")])
        .collect();
    assert_eq!(titles.len(), 3_001);
    let distinct: std::collections::BTreeSet<String> =
        titles.iter().map(|t| t.to_lowercase()).collect();
    assert_eq!(distinct.len(), 3_001, "every title its own");
    assert_eq!(titles[0], "[Sanctions have not changed Russian conduct");
    assert_eq!(titles[1], "[Sanctions have not changed Russian conduct 2");
    let back = argdown::read(&text).expect("reads back");
    assert_eq!(back.claims.len(), 3_001);
}
