//! Nothing mangled on the way out and back in. Maps are generated with
//! structure (claims whose texts hold every kind of character, supports,
//! rebuts, linked premises, undercuts and undercuts of undercuts, backings
//! of inferences, argument schemes and critical questions answered, quotes),
//! written in each format Argmap reads back, and read again: the claims,
//! their texts and the links must come back exactly.

mod common;

use argmap::exchange::{aif, argdown, dot, image};
use argmap::format::{self, Syntax};
use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target, validate};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Texts with what breaks naive writers: markup, entities, quotes, Argdown
/// syntax, runs of white space, control characters, bidi marks, nothing.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("If inflation < 3% and growth > 2%, talks work.".to_owned()),
        Just("&amp; &lt;b&gt; &#39;".to_owned()),
        Just("<b>bold</b>".to_owned()),
        Just("\"quoted\" and 'single'".to_owned()),
        Just("[Title]: <Arg> +> -> <_ #tag @mention {data}".to_owned()),
        Just("Lavrov's conclusion".to_owned()),
        Just("L3 — conclusion".to_owned()),
        Just("Claim 1".to_owned()),
        Just("  two  spaces\tand a tab\nand lines\r\n".to_owned()),
        Just("\u{0}\u{1b}[31mred\u{7f}\u{85}".to_owned()),
        Just("\u{202e}reversed\u{2066}\u{2028}\u{feff}".to_owned()),
        Just("—…“curly” café ∑ 🙂".to_owned()),
        Just(" ".to_owned()),
        Just(String::new()),
        "[a-z ]{0,12}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..4).prop_map(|p| p.concat())
}

/// What to try adding as a link: kind, premises and target by position,
/// and which scheme and question (by position in the lists below) it carries.
type LinkPlan = (bool, Vec<usize>, usize, bool, usize, usize);

/// Schemes a link may carry: none, catalogue ids, and names only another
/// tool knows, with characters that need escaping.
const SCHEMES: &[&str] = &[
    "",
    "analogy",
    "expert_opinion",
    "Calling Out",
    "Ad \"quoted\" {x} <y>",
];
const QUESTIONS: &[&str] = &["", "differences", "expertise", "odd \"one\" {}"];

fn plan() -> impl Strategy<Value = (Vec<String>, Vec<LinkPlan>, Vec<bool>)> {
    (
        proptest::collection::vec(text(), 1..8),
        proptest::collection::vec(
            (
                any::<bool>(),
                proptest::collection::vec(0usize..8, 1..4),
                0usize..12,
                any::<bool>(),
                0usize..SCHEMES.len(),
                0usize..QUESTIONS.len(),
            ),
            0..12,
        ),
        proptest::collection::vec(any::<bool>(), 8),
    )
}

/// A valid map from a plan: links that would make it invalid are skipped.
fn build((texts, links, quoted): (Vec<String>, Vec<LinkPlan>, Vec<bool>)) -> Map {
    let source = common::source();
    let passage = "Putin’s regime simply doesn’t abide by agreements it has signed or inherited.";
    let mut map = Map {
        title: "Generated".into(),
        sources: vec![source.clone()],
        ..Map::default()
    };
    for (i, text) in texts.iter().enumerate() {
        let mut claim = Claim {
            id: ClaimId(i as u64 + 1),
            text: text.clone(),
            label: String::new(),
            pos: Point::new(i as f32 * 250.0, 0.0),
            note: String::new(),
            quote: None,
            pin: None,
        };
        if quoted[i] {
            claim.quote = Some(common::quote(&source, passage));
        }
        map.claims.push(claim);
    }
    for (support, premises, target, at_link, scheme, question) in links {
        let n = map.claims.len();
        let mut premises: Vec<ClaimId> = premises
            .iter()
            .map(|p| ClaimId((p % n) as u64 + 1))
            .collect();
        premises.sort();
        premises.dedup();
        let target = if at_link && !map.links.is_empty() {
            Target::Link(map.links[target % map.links.len()].id)
        } else {
            Target::Claim(ClaimId((target % n) as u64 + 1))
        };
        let kind = if support {
            LinkKind::Support
        } else {
            LinkKind::Rebut
        };
        let question = match target {
            Target::Link(_) => QUESTIONS[question].to_owned(),
            Target::Claim(_) => String::new(),
        };
        let mut candidate = map.clone();
        candidate.links.push(Link {
            id: LinkId(map.links.len() as u64 + 1),
            kind,
            premises,
            target,
            note: String::new(),
            scheme: SCHEMES[scheme].to_owned(),
            question,
        });
        if validate(&candidate).is_empty() {
            map = candidate;
        }
    }
    map
}

/// Claims and links as they read, ids aside: claim texts in order, and
/// each link as kind, premise texts and what it aims at (a claim's text, or
/// the link it undercuts, described the same way).
fn meaning(map: &Map) -> (Vec<String>, Vec<String>) {
    let by_id: BTreeMap<ClaimId, &str> =
        map.claims.iter().map(|c| (c.id, c.text.as_str())).collect();
    fn describe(map: &Map, by_id: &BTreeMap<ClaimId, &str>, link: &Link, depth: usize) -> String {
        let mut premises: Vec<&str> = link.premises.iter().map(|p| by_id[p]).collect();
        premises.sort();
        let target = match link.target {
            Target::Claim(c) => format!("{:?}", by_id[&c]),
            Target::Link(l) if depth < 16 => map.link(l).map_or_else(
                || "?".to_owned(),
                |t| format!("({})", describe(map, by_id, t, depth + 1)),
            ),
            Target::Link(_) => "…".to_owned(),
        };
        format!(
            "{:?} {premises:?} → {target} scheme {:?} question {:?}",
            link.kind, link.scheme, link.question
        )
    }
    let mut texts: Vec<String> = map.claims.iter().map(|c| c.text.clone()).collect();
    texts.sort();
    let mut links: Vec<String> = map
        .links
        .iter()
        .map(|l| describe(map, &by_id, l, 0))
        .collect();
    links.sort();
    (texts, links)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn argmap_ron_and_json_give_back_the_same_map(plan in plan()) {
        let map = build(plan);
        for syntax in [Syntax::Ron, Syntax::Json] {
            let text = format::encode(&map, syntax).expect("encode");
            let back = format::read(text.as_bytes(), syntax).expect("read back");
            prop_assert_eq!(&back, &map);
        }
    }

    #[test]
    fn aif_for_ova_and_for_aifdb_give_back_the_claims_texts_and_links(plan in plan()) {
        let map = build(plan);
        for text in [aif::to_ova(&map), aif::to_aifdb(&map)] {
            let (back, _) = aif::import(&text).expect("read back");
            prop_assert_eq!(meaning(&back), meaning(&map));
        }
    }

    #[test]
    fn argdown_gives_back_the_claims_texts_and_links(plan in plan()) {
        let map = build(plan);
        let text = argdown::to_argdown(&map);
        let back = argdown::read(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(meaning(&back), meaning(&map), "{}", text);
    }

    #[test]
    fn pictures_and_dot_are_made_for_any_text(plan in plan()) {
        let map = build(plan);
        let svg = image::to_svg(&map, None).expect("svg");
        let parsed = roxmltree::Document::parse(&svg).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let claims = parsed.descendants().filter(|n| n.attribute("class") == Some("claim")).count();
        prop_assert_eq!(claims, map.claims.len(), "a group per claim");
        let dot = dot::to_dot(&map);
        prop_assert!(!dot.chars().any(|c| c.is_control() && c != '\n'), "no control characters in DOT");
        for claim in &map.claims {
            let node = format!("\"c{}\" [", claim.id.0);
            prop_assert!(dot.contains(&node), "{} in DOT", node);
        }
        let png = image::to_png(&map, None, 0.5).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (width, height) = png_size(&png);
        prop_assert!(width > 0 && height > 0, "a picture of {}×{}", width, height);
    }
}

#[test]
fn aif_node_text_is_plain_text_unless_it_holds_html() {
    let plain = r#"{"nodes": [{"nodeID": "1", "type": "I", "text": "If inflation < 3% and growth > 2%, talks work."}], "edges": []}"#;
    let (map, _) = aif::import(plain).expect("import");
    assert_eq!(
        map.claims[0].text,
        "If inflation < 3% and growth > 2%, talks work."
    );
    let html = r#"{"nodes": [{"nodeID": "1", "type": "I", "text": "<b>Talks</b> work &amp; help."}], "edges": []}"#;
    let (map, _) = aif::import(html).expect("import");
    assert_eq!(map.claims[0].text, "Talks work & help.");
}

#[test]
fn the_first_and_last_possible_claim_ids_survive_aif() {
    let mut map = common::small_map();
    let ids = [0, u64::MAX];
    map.claims.truncate(2);
    map.claims[0].id = ClaimId(ids[0]);
    map.claims[1].id = ClaimId(ids[1]);
    map.links = vec![common::link(
        1,
        LinkKind::Support,
        &[ids[0]],
        Target::Claim(ClaimId(ids[1])),
    )];
    assert_eq!(validate(&map), vec![]);
    for text in [aif::to_ova(&map), aif::to_aifdb(&map)] {
        let (back, _) = aif::import(&text).expect("import");
        assert_eq!(back.links.len(), 1, "{text}");
        assert_eq!(meaning(&back), meaning(&map));
    }
}

#[test]
fn argdown_placeholders_never_take_a_claims_name() {
    let mut map = common::small_map();
    map.claims[0].text = "Lavrov's conclusion".into();
    map.claims[3].text = String::new();
    map.title = "   ".into();
    let text = argdown::to_argdown(&map);
    assert!(!text.starts_with("# "), "no empty heading:\n{text}");
    assert!(
        !text.contains("]: \n"),
        "no statement without text:\n{text}"
    );
    let back = argdown::read(&text).expect("read back");
    assert_eq!(meaning(&back), meaning(&map));
}

#[test]
fn an_undercut_aif_import_is_summarised_without_false_alarms_and_names_schemes() {
    let file = r#"{"nodes": [
        {"nodeID": "1", "type": "I", "text": "Experts agree."},
        {"nodeID": "2", "type": "I", "text": "It is so."},
        {"nodeID": "3", "type": "I", "text": "These experts are paid."},
        {"nodeID": "4", "type": "RA", "text": "Argument From Expert Opinion"},
        {"nodeID": "5", "type": "CA", "text": "Calling Out", "scheme": "Calling Out"}
      ], "edges": [
        {"fromID": "1", "toID": "4"}, {"fromID": "4", "toID": "2"},
        {"fromID": "3", "toID": "5"}, {"fromID": "5", "toID": "4"}
      ]}"#;
    let (map, summary) = aif::import(file).expect("import");
    assert_eq!((summary.supports, summary.undercuts), (1, 1));
    let text = summary.to_string();
    assert!(!text.contains("left out"), "{text}");
    // A scheme the catalogue knows is taken in under its own id; one it does
    // not is kept by name and reported as such.
    assert!(
        text.contains("schemes: Argument from expert opinion (1)"),
        "{text}"
    );
    assert!(
        text.contains(
            "not in Argmap's catalogue, kept by name without critical questions: Calling Out (1)"
        ),
        "{text}"
    );
    let schemes: Vec<&str> = map.links.iter().map(|l| l.scheme.as_str()).collect();
    assert_eq!(schemes, ["expert_opinion", "Calling Out"]);
}

#[test]
fn control_characters_in_a_map_still_make_a_png_and_a_dot_file() {
    let mut map = common::small_map();
    map.claims[0].text = "Null\u{0} and escape \u{1b}[2J here".into();
    map.title = "Bell\u{7}".into();
    let png = image::to_png(&map, None, 1.0).expect("a picture");
    let (width, height) = png_size(&png);
    assert!(width > 100 && height > 100, "{width}×{height}");
    let dot = dot::to_dot(&map);
    assert!(!dot.contains('\u{0}') && !dot.contains('\u{1b}'));
    for claim in &map.claims {
        assert!(
            dot.contains(&format!("\"c{}\" [", claim.id.0)),
            "claim {} in DOT",
            claim.id.0
        );
    }
}

/// A PNG's width and height, read from its header (and the signature checked).
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG signature");
    let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (word(16), word(20))
}
