//! Which claims stand, on the textbook cases: unattacked claims, reinstatement,
//! odd and even cycles, an undercut, linked premises, self-attack, pins.

use argmap::analysis::evaluate::{Pin, Pins, Status, explain, grounded, preferred};
use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target};

use Status::{Accepted, Defeated, Undecided};

/// Claims 1..=n and links given as (kind, premises, target), built without
/// validation so that even a self-attack can be written down.
fn map(n: u64, links: &[(LinkKind, &[u64], Target)]) -> Map {
    Map {
        claims: (1..=n)
            .map(|id| Claim {
                id: ClaimId(id),
                text: format!("claim {id}"),
                label: String::new(),
                pos: Point::default(),
                note: String::new(),
                pin: None,
                quote: None,
            })
            .collect(),
        links: links
            .iter()
            .enumerate()
            .map(|(i, (kind, premises, target))| Link {
                id: LinkId(i as u64 + 1),
                kind: *kind,
                premises: premises.iter().map(|&p| ClaimId(p)).collect(),
                target: *target,
                note: String::new(),
                scheme: String::new(),
                question: String::new(),
            })
            .collect(),
        ..Map::default()
    }
}

fn rebut(from: u64, to: u64) -> (LinkKind, &'static [u64], Target) {
    let premises: &'static [u64] = Box::leak(vec![from].into_boxed_slice());
    (LinkKind::Rebut, premises, Target::Claim(ClaimId(to)))
}

fn support(from: &'static [u64], to: u64) -> (LinkKind, &'static [u64], Target) {
    (LinkKind::Support, from, Target::Claim(ClaimId(to)))
}

fn statuses(map: &Map, pins: &Pins) -> Vec<Status> {
    let lab = grounded(map, pins);
    map.claims.iter().map(|c| lab.claim(c.id)).collect()
}

fn none() -> Pins {
    Pins::new()
}

#[test]
fn unattacked_claims_are_accepted() {
    let m = map(2, &[support(&[2], 1)]);
    assert_eq!(statuses(&m, &none()), [Accepted, Accepted]);
    let lab = grounded(&m, &none());
    assert_eq!(
        explain(&m, &lab, &none(), ClaimId(2)),
        "accepted: nothing rebuts it, so it is taken as given"
    );
    assert_eq!(
        explain(&m, &lab, &none(), ClaimId(1)),
        "accepted: supported by “claim 2”, which stands"
    );
}

#[test]
fn reinstatement_a_rebuts_b_rebuts_c() {
    let m = map(3, &[rebut(1, 2), rebut(2, 3)]);
    assert_eq!(statuses(&m, &none()), [Accepted, Defeated, Accepted]);
    let lab = grounded(&m, &none());
    assert_eq!(
        explain(&m, &lab, &none(), ClaimId(2)),
        "defeated: rebutted by “claim 1”, which stands"
    );
    assert_eq!(
        explain(&m, &lab, &none(), ClaimId(3)),
        "accepted: nothing supports or defeats it, so it is taken as given; its rebuttal by “claim 2” fails because “claim 2” is defeated"
    );
}

#[test]
fn an_odd_cycle_leaves_everything_undecided_in_every_semantics() {
    let m = map(3, &[rebut(1, 2), rebut(2, 3), rebut(3, 1)]);
    assert_eq!(statuses(&m, &none()), [Undecided, Undecided, Undecided]);
    let positions = preferred(&m, &none()).expect("small");
    assert_eq!(positions.len(), 1);
    assert!(positions[0].accepted().is_empty());
    let lab = grounded(&m, &none());
    assert_eq!(
        explain(&m, &lab, &none(), ClaimId(2)),
        "undecided: rebutted by “claim 1”, which is itself undecided"
    );
}

#[test]
fn an_even_cycle_is_undecided_when_grounded_and_has_two_preferred_positions() {
    let m = map(2, &[rebut(1, 2), rebut(2, 1)]);
    assert_eq!(statuses(&m, &none()), [Undecided, Undecided]);
    let positions = preferred(&m, &none()).expect("small");
    let sets: Vec<Vec<u64>> = positions
        .iter()
        .map(|p| p.accepted().iter().map(|c| c.0).collect())
        .collect();
    assert_eq!(sets, [vec![1], vec![2]]);
    assert_eq!(positions[0].claim(ClaimId(2)), Defeated);
}

#[test]
fn preferred_positions_skip_an_odd_cycle_beside_an_even_one() {
    // 1, 2, 3 in an odd cycle; 4 and 5 rebut each other.
    let m = map(
        5,
        &[
            rebut(1, 2),
            rebut(2, 3),
            rebut(3, 1),
            rebut(4, 5),
            rebut(5, 4),
        ],
    );
    let positions = preferred(&m, &none()).expect("small");
    let sets: Vec<Vec<u64>> = positions
        .iter()
        .map(|p| p.accepted().iter().map(|c| c.0).collect())
        .collect();
    assert_eq!(sets, [vec![4], vec![5]]);
}

#[test]
fn an_undercut_knocks_out_the_support_and_its_conclusion_falls() {
    // 2 supports 1; 3 undercuts that support.
    let m = map(
        3,
        &[
            support(&[2], 1),
            (LinkKind::Rebut, &[3], Target::Link(LinkId(1))),
        ],
    );
    let lab = grounded(&m, &none());
    assert_eq!(
        statuses(&m, &none()),
        [Defeated, Accepted, Accepted],
        "the premise still stands, the conclusion does not"
    );
    assert_eq!(lab.link(LinkId(1)), Defeated);
    assert_eq!(
        explain(&m, &lab, &none(), ClaimId(1)),
        "defeated: its only support, from “claim 2”, fails because the inference is undercut by “claim 3”"
    );
}

#[test]
fn a_linked_argument_falls_when_one_premise_falls() {
    // 2 and 3 together support 1; 4 rebuts 3.
    let m = map(4, &[support(&[2, 3], 1), rebut(4, 3)]);
    assert_eq!(
        statuses(&m, &none()),
        [Defeated, Accepted, Defeated, Accepted]
    );
    // With a second, independent support the conclusion survives.
    let m = map(5, &[support(&[2, 3], 1), rebut(4, 3), support(&[5], 1)]);
    assert_eq!(grounded(&m, &none()).claim(ClaimId(1)), Accepted);
}

#[test]
fn a_self_attacking_claim_is_undecided_and_in_no_position() {
    let m = map(2, &[rebut(1, 1), rebut(1, 2)]);
    assert_eq!(statuses(&m, &none()), [Undecided, Undecided]);
    let positions = preferred(&m, &none()).expect("small");
    assert_eq!(positions.len(), 1);
    assert!(positions[0].accepted().is_empty());
}

#[test]
fn pins_are_what_ifs_that_the_rest_follows() {
    let m = map(3, &[rebut(1, 2), rebut(2, 3)]);
    let mut pins = Pins::new();
    pins.insert(ClaimId(1), Pin::Rejected);
    assert_eq!(statuses(&m, &pins), [Defeated, Accepted, Defeated]);
    let lab = grounded(&m, &pins);
    assert_eq!(
        explain(&m, &lab, &pins, ClaimId(1)),
        "defeated: pinned as rejected (what-if)"
    );
    // Pinning one side of an even cycle settles it.
    let cycle = map(2, &[rebut(1, 2), rebut(2, 1)]);
    let mut pins = Pins::new();
    pins.insert(ClaimId(2), Pin::Accepted);
    assert_eq!(statuses(&cycle, &pins), [Defeated, Accepted]);
}

#[test]
fn a_claim_whose_every_support_is_undecided_is_undecided() {
    let m = map(
        4,
        &[rebut(2, 3), rebut(3, 2), support(&[2], 1), rebut(4, 4)],
    );
    let lab = grounded(&m, &none());
    assert_eq!(lab.claim(ClaimId(1)), Undecided);
    assert_eq!(
        explain(&m, &lab, &none(), ClaimId(1)),
        "undecided: its support from “claim 2” is undecided"
    );
}

#[test]
fn the_debate_map_evaluates_quickly_and_completely() {
    let example = &argmap::corpus::examples()[0];
    let map =
        argmap::format::read(example.text.as_bytes(), argmap::format::Syntax::Ron).expect("debate");
    let lab = grounded(&map, &none());
    assert_eq!(lab.claims.len(), map.claims.len());
    // The main contentions rebut each other: neither stands on the map alone.
    let (accepted, defeated, undecided) = lab.counts();
    assert_eq!(accepted + defeated + undecided, map.claims.len());
    assert!(undecided > 0);
}

/// The rules of the module documentation, applied the slow way: sweep every
/// claim and link until a sweep changes nothing.
fn grounded_by_sweeps(map: &Map, pins: &Pins) -> argmap::analysis::evaluate::Labelling {
    let mut lab = argmap::analysis::evaluate::Labelling {
        claims: map.claims.iter().map(|c| (c.id, Undecided)).collect(),
        links: map.links.iter().map(|l| (l.id, Undecided)).collect(),
    };
    for (id, pin) in pins {
        let status = if *pin == Pin::Accepted {
            Accepted
        } else {
            Defeated
        };
        lab.claims.insert(*id, status);
    }
    let aimed_at = |target: Target, kind: LinkKind| -> Vec<LinkId> {
        map.links
            .iter()
            .filter(|l| l.target == target && l.kind == kind)
            .map(|l| l.id)
            .collect()
    };
    loop {
        let before = lab.clone();
        for link in &map.links {
            if lab.link(link.id) != Undecided {
                continue;
            }
            let undercuts = aimed_at(Target::Link(link.id), LinkKind::Rebut);
            let premise = |s| link.premises.iter().any(|&p| lab.claim(p) == s);
            let undercut = |s| undercuts.iter().any(|&u| lab.link(u) == s);
            let status = if premise(Defeated) || undercut(Accepted) {
                Some(Defeated)
            } else if link.premises.iter().all(|&p| lab.claim(p) == Accepted)
                && undercuts.iter().all(|&u| lab.link(u) == Defeated)
            {
                Some(Accepted)
            } else {
                None
            };
            if let Some(status) = status {
                lab.links.insert(link.id, status);
            }
        }
        for claim in &map.claims {
            if pins.contains_key(&claim.id) || lab.claim(claim.id) != Undecided {
                continue;
            }
            let rebuts = aimed_at(Target::Claim(claim.id), LinkKind::Rebut);
            let supports = aimed_at(Target::Claim(claim.id), LinkKind::Support);
            let status = if rebuts.iter().any(|&l| lab.link(l) == Accepted)
                || (!supports.is_empty() && supports.iter().all(|&l| lab.link(l) == Defeated))
            {
                Some(Defeated)
            } else if rebuts.iter().all(|&l| lab.link(l) == Defeated)
                && (supports.is_empty() || supports.iter().any(|&l| lab.link(l) == Accepted))
            {
                Some(Accepted)
            } else {
                None
            };
            if let Some(status) = status {
                lab.claims.insert(claim.id, status);
            }
        }
        if lab == before {
            return lab;
        }
    }
}

proptest::proptest! {
    /// Settling only the neighbours of what changed reaches the same labels
    /// as sweeping everything, on random maps with cycles, undercuts and pins.
    #[test]
    fn the_quick_settling_agrees_with_plain_sweeps(
        n in 1u64..10,
        raw in proptest::collection::vec((proptest::bool::ANY, 0u64..10, 0u64..10, 0u64..10, 0usize..4), 0..16),
        pinned in proptest::collection::vec((0u64..10, proptest::bool::ANY), 0..3),
    ) {
        let mut links: Vec<Link> = Vec::new();
        for (support, a, b, c, aim) in raw {
            let id = LinkId(links.len() as u64 + 1);
            let premises = if a % 3 == 0 { vec![ClaimId(a % n + 1), ClaimId(c % n + 1)] } else { vec![ClaimId(a % n + 1)] };
            // Now and then a rebut aimed at an earlier link: an undercut.
            let target = if !support && aim == 0 && !links.is_empty() {
                Target::Link(LinkId(b % links.len() as u64 + 1))
            } else {
                Target::Claim(ClaimId(b % n + 1))
            };
            let kind = if support { LinkKind::Support } else { LinkKind::Rebut };
            links.push(Link { id, kind, premises, target, note: String::new(), scheme: String::new(), question: String::new() });
        }
        let mut m = map(n, &[]);
        m.links = links;
        let pins: Pins = pinned
            .into_iter()
            .map(|(c, accept)| (ClaimId(c % n + 1), if accept { Pin::Accepted } else { Pin::Rejected }))
            .collect();
        proptest::prop_assert_eq!(grounded(&m, &pins), grounded_by_sweeps(&m, &pins));
        // Ids far apart (as another tool may number them) label alike.
        let spread = |id: u64| id * 1_000_003 + 7;
        let mut far = m.clone();
        for c in &mut far.claims {
            c.id = ClaimId(spread(c.id.0));
        }
        for l in &mut far.links {
            l.id = LinkId(spread(l.id.0));
            for p in &mut l.premises {
                *p = ClaimId(spread(p.0));
            }
            l.target = match l.target {
                Target::Claim(c) => Target::Claim(ClaimId(spread(c.0))),
                Target::Link(t) => Target::Link(LinkId(spread(t.0))),
            };
        }
        let far_pins: Pins = pins.iter().map(|(c, p)| (ClaimId(spread(c.0)), *p)).collect();
        let near = grounded(&m, &pins);
        let apart = grounded(&far, &far_pins);
        for c in &m.claims {
            proptest::prop_assert_eq!(near.claim(c.id), apart.claim(ClaimId(spread(c.id.0))));
        }
        for l in &m.links {
            proptest::prop_assert_eq!(near.link(l.id), apart.link(LinkId(spread(l.id.0))));
        }
    }
}
