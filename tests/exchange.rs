//! Other tools' formats: every AIF quirk imports, exports round-trip, golden
//! DOT and Argdown files, and pictures that are complete and the right size.

mod common;

use argmap::exchange::{Export, import};
use argmap::exchange::{aif, argdown, dot, image};
use argmap::model::{ClaimId, LinkKind, Map, Target, validate};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/aif")
        .join(name)
}

fn import_fixture(name: &str) -> (Map, String) {
    let (map, summary) = import(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(validate(&map), vec![], "{name}");
    (map, summary)
}

/// A map's links as (kind, premise texts, target text), comparable across id schemes.
fn shape(map: &Map) -> BTreeSet<(LinkKind, Vec<String>, String)> {
    let text = |c: ClaimId| map.claim(c).map_or_else(String::new, |c| c.text.clone());
    let describe = |target: Target| -> String {
        match target {
            Target::Claim(c) => text(c),
            Target::Link(l) => map.link(l).map_or_else(String::new, |l| {
                let mut p: Vec<String> = l.premises.iter().map(|&p| text(p)).collect();
                p.sort();
                format!(
                    "link({:?} {:?} → {})",
                    l.kind,
                    p,
                    match l.target {
                        Target::Claim(c) => text(c),
                        Target::Link(_) => "link".into(),
                    }
                )
            }),
        }
    };
    map.links
        .iter()
        .map(|l| {
            let mut premises: Vec<String> = l.premises.iter().map(|&p| text(p)).collect();
            premises.sort();
            (l.kind, premises, describe(l.target))
        })
        .collect()
}

#[test]
fn aifdb_bare_with_string_ids_drops_the_dialogue_layer() {
    let (map, summary) = import_fixture("aifdb-string-ids.json");
    assert_eq!(map.claims.len(), 3);
    let links = shape(&map);
    assert!(
        links.contains(&(
            LinkKind::Support,
            vec![
                "Dialogue works better.".into(),
                "Sanctions have not changed Russian behaviour.".into()
            ],
            "Ramp up the sanctions.".into()
        )),
        "two premises into one RA make one linked support: {links:?}"
    );
    assert!(links.contains(&(
        LinkKind::Rebut,
        vec!["Dialogue works better.".into()],
        "Ramp up the sanctions.".into()
    )));
    assert!(
        summary.contains("3 dialogue nodes (L, TA, YA) dropped"),
        "{summary}"
    );
    assert!(summary.contains("laid out with Tidy"), "{summary}");
}

#[test]
fn ova3_wrapped_with_integer_ids_keeps_layout_and_reads_an_undercut() {
    let (map, summary) = import_fixture("ova3-integer-ids-wrapped.json");
    assert_eq!(map.claims.len(), 3, "node id 0 is a valid id");
    let undercut = map
        .links
        .iter()
        .find(|l| matches!(l.target, Target::Link(_)))
        .expect("CA into RA is an undercut");
    assert_eq!(undercut.kind, LinkKind::Rebut);
    assert!(
        summary.contains("1 supports, 0 rebuts, 1 undercuts"),
        "{summary}"
    );
    assert!(summary.contains("OVA layout kept"), "{summary}");
    // Numeric strings and numbers both count as coordinates.
    let helsinki = map
        .claims
        .iter()
        .find(|c| c.text == "Helsinki worked.")
        .expect("claim");
    assert_eq!((helsinki.pos.x, helsinki.pos.y), (500.0, 480.0));
    assert!(
        map.description.contains("because Helsinki worked"),
        "text given as {{\"txt\": …}}: {}",
        map.description
    );
}

#[test]
fn mixed_ids_null_arrays_html_and_repeated_edges_are_tolerated() {
    let (map, _) = import_fixture("mixed-ids-null-arrays.json");
    let texts: Vec<&str> = map.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Putin’s regime doesn’t abide by agreements & treaties.",
            "Talking to Putin won’t work."
        ]
    );
    assert_eq!(map.links.len(), 1, "a repeated edge counts once");
}

#[test]
fn mutual_conflicts_and_an_empty_ova_block() {
    let (map, summary) = import_fixture("ova-empty-layout-text-string.json");
    assert_eq!(map.links.len(), 2);
    assert!(map.links.iter().all(|l| l.kind == LinkKind::Rebut));
    assert!(summary.contains("laid out with Tidy"), "{summary}");
}

#[test]
fn rephrases_and_preferences_become_notes_and_the_rest_is_reported() {
    let (map, summary) = import_fixture("rephrase-and-preference.json");
    let first = map
        .claims
        .iter()
        .find(|c| c.text == "Dialogue won't work.")
        .expect("claim");
    assert!(
        first
            .note
            .contains("AIF MA: “Dialogue won't work.” rephrases “Talking to Putin is useless.”"),
        "{}",
        first.note
    );
    assert!(first.note.contains("AIF PA"), "{}", first.note);
    assert!(summary.contains("RA node 6 has 0 conclusions"), "{summary}");
    assert!(
        summary.contains("type \"XYZ\" has no place in Argmap"),
        "{summary}"
    );
}

#[test]
fn broken_aif_files_get_a_message_naming_the_file() {
    for (name, expected) in [
        ("broken-nodes-not-a-list.json", "`nodes` should be a list"),
        (
            "broken-truncated.json",
            "line 1, column 40: the file ends too early",
        ),
        ("broken-not-an-object.json", "an AIF file is a JSON object"),
        ("broken-deep.json", "recursion limit exceeded"),
        (
            "broken-no-nodes.json",
            "this is not AIF: there is no `nodes` list",
        ),
    ] {
        let error = import(&fixture(name)).expect_err(name).to_string();
        assert!(
            error.contains(name) && error.contains(expected),
            "{name}: {error}"
        );
    }
}

#[test]
fn aif_round_trip_keeps_every_i_ra_ca_and_edge() {
    for name in [
        "aifdb-string-ids.json",
        "ova3-integer-ids-wrapped.json",
        "ova-empty-layout-text-string.json",
    ] {
        let (first, _) = import_fixture(name);
        for export in [aif::to_ova(&first), aif::to_aifdb(&first)] {
            let (again, _) = aif::import(&export).expect("re-import");
            assert_eq!(shape(&again), shape(&first), "{name}");
            assert_eq!(again.claims.len(), first.claims.len());
        }
        // Counting nodes and edges in the exported graph itself.
        let value: serde_json::Value = serde_json::from_str(&aif::to_aifdb(&first)).expect("json");
        let nodes = value["nodes"].as_array().expect("nodes");
        let count = |t: &str| nodes.iter().filter(|n| n["type"] == t).count();
        let links = |k: LinkKind| first.links.iter().filter(|l| l.kind == k).count();
        assert_eq!(
            (count("I"), count("RA"), count("CA")),
            (
                first.claims.len(),
                links(LinkKind::Support),
                links(LinkKind::Rebut)
            )
        );
        let edges: usize = first.links.iter().map(|l| l.premises.len() + 1).sum();
        assert_eq!(value["edges"].as_array().expect("edges").len(), edges);
    }
    let map = common::debate();
    let (again, _) = aif::import(&aif::to_ova(&map)).expect("debate round trip");
    assert_eq!(shape(&again), shape(&map));
}

#[test]
fn argdown_round_trips_through_the_reader() {
    for map in [common::small_map(), common::debate()] {
        let text = argdown::to_argdown(&map);
        let back = argdown::read(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let texts = |m: &Map| {
            m.claims
                .iter()
                .map(|c| c.text.clone())
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(texts(&back), texts(&map));
        assert_eq!(shape(&back), shape(&map));
    }
}

#[test]
fn argdown_escapes_what_would_be_read_as_syntax() {
    let mut map = common::small_map();
    map.claims[0].text =
        "- [starts] like a relation <+ with #tags, @mentions, *stars* and // slashes \\ too".into();
    let text = argdown::to_argdown(&map);
    let line = text.lines().find(|l| l.contains("starts")).expect("line");
    assert!(line.contains(r"\- \[starts\] like a relation \<\+ with \#tags, \@mentions, \*stars\* and \/\/ slashes \\ too"), "{line}");
    let back = argdown::read(&text).expect("reads");
    assert!(back.claims.iter().any(|c| c.text == map.claims[0].text));
}

#[test]
fn dot_and_argdown_of_the_small_map_are_pinned() {
    common::golden("small.dot", &dot::to_dot(&common::small_map()));
    common::golden("small.argdown", &argdown::to_argdown(&common::small_map()));
}

/// A map of `n` claims in a grid, each supporting or rebutting the one above.
fn big_map(n: u64) -> Map {
    let mut map = Map {
        title: "Big".into(),
        ..Map::default()
    };
    for id in 1..=n {
        let claim = argmap::model::Claim {
            id: ClaimId(id),
            text: format!("Claim number {id} & <its> \"quoted\" words"),
            label: String::new(),
            pos: argmap::model::Point::new(
                ((id - 1) % 20) as f32 * 260.0,
                ((id - 1) / 20) as f32 * 160.0,
            ),
            note: String::new(),
            pin: None,
            quote: None,
        };
        map.claims.push(claim);
        if id > 20 {
            map.links.push(common::link(
                id,
                if id % 2 == 0 {
                    LinkKind::Support
                } else {
                    LinkKind::Rebut
                },
                &[id],
                Target::Claim(ClaimId(id - 20)),
            ));
        }
    }
    map
}

#[test]
fn svg_parses_as_xml_and_names_every_claim_even_for_200_claims() {
    for map in [common::debate(), big_map(200)] {
        let svg = image::to_svg(&map, None).expect("svg");
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        let titles: BTreeSet<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("title"))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect();
        for claim in &map.claims {
            assert!(titles.contains(&claim.text), "missing {}", claim.text);
        }
        // Every card lies inside the picture.
        let root = doc.root_element();
        let width: f32 = root
            .attribute("width")
            .and_then(|w| w.parse().ok())
            .expect("width");
        let height: f32 = root
            .attribute("height")
            .and_then(|h| h.parse().ok())
            .expect("height");
        for rect in doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("rx") == Some("6"))
        {
            let x: f32 = rect.attribute("x").and_then(|v| v.parse().ok()).expect("x");
            let y: f32 = rect.attribute("y").and_then(|v| v.parse().ok()).expect("y");
            let w: f32 = rect
                .attribute("width")
                .and_then(|v| v.parse().ok())
                .expect("w");
            let h: f32 = rect
                .attribute("height")
                .and_then(|v| v.parse().ok())
                .expect("h");
            assert!(
                x >= 0.0 && y >= 0.0 && x + w <= width && y + h <= height,
                "card outside the picture"
            );
        }
    }
}

#[test]
fn a_selection_exports_only_its_claims_and_the_links_among_them() {
    let map = common::small_map();
    let only: BTreeSet<ClaimId> = [ClaimId(1), ClaimId(4)].into();
    let svg = image::to_svg(&map, Some(&only)).expect("svg");
    assert!(svg.contains("Talking to Putin won’t work."));
    assert!(!svg.contains("Russia broke the INF treaty."));
    assert_eq!(
        svg.matches("class=\"link\"").count(),
        1,
        "only the rebut from 4 to 1 remains"
    );
}

#[test]
fn png_decodes_to_the_expected_size_at_each_scale() {
    for (map, scale) in [
        (common::small_map(), 1.0),
        (common::small_map(), 2.5),
        (big_map(200), 0.5),
    ] {
        let bytes = image::to_png(&map, None, scale).expect("png");
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("decodes");
        let expected = image::png_size(&map, None, scale);
        assert_eq!(
            (pixmap.width(), pixmap.height()),
            (expected.x.ceil() as u32, expected.y.ceil() as u32)
        );
        // Not blank: some pixels differ from the background.
        let first = pixmap.pixels()[0];
        assert!(pixmap.pixels().iter().filter(|p| **p != first).count() > 1000);
    }
    assert!(image::to_png(&common::small_map(), None, 0.0).is_err());
    // Too large: refused, with the largest scale that fits, which does.
    let refused = image::to_png(&big_map(200), None, 8.0).expect_err("too big");
    let argmap::exchange::ExportError::TooLarge { fits, .. } = refused else {
        panic!("{refused}")
    };
    assert!(
        refused.to_string().contains(&format!(
            "larger than Argmap writes (120 million pixels); a scale of {fits:.2} or less fits"
        )),
        "{refused}"
    );
    let at = image::png_size(&big_map(200), None, fits);
    assert!((at.x.ceil() * at.y.ceil()) as u64 <= image::MAX_PIXELS);
    assert!(fits > 0.0 && fits < 8.0);
}

/// Drawn a strip at a time, the picture is the one drawn whole: strips
/// meet without a seam.
#[test]
fn png_strips_make_the_whole_picture() {
    assert_strips_make_the_whole(&big_map(200), 1.5, 0);
}

/// A card taller than a strip draws in each strip only the lines that
/// reach into it, and still no line is lost or cut at a seam. Far down a
/// tall picture the smoothing of a glyph's edge may differ by a shade (up
/// to a sixth of the ink seen) between a strip and the whole, as the
/// rasteriser rounds positions differently; a lost or cut line differs by
/// its full ink.
#[test]
fn a_card_taller_than_a_strip_is_drawn_whole() {
    let mut map = common::small_map();
    let lines: Vec<String> = (1..=700).map(|i| format!("gypsy line {i}")).collect();
    map.claims[0].text = lines.join("\n");
    // At scales where lines fall at every distance from a seam.
    for scale in [1.7, 2.3] {
        assert_strips_make_the_whole(&map, scale, 64);
    }
}

/// Draws `map` whole and in strips and counts the pixels whose colour
/// differs by more than `shade` in any channel.
fn assert_strips_make_the_whole(map: &Map, scale: f32, shade: u8) {
    let bytes = image::to_png(map, None, scale).expect("png");
    let strips = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("decodes");
    assert!(
        strips.height() > 2048,
        "{} rows: several strips",
        strips.height()
    );
    let svg = image::to_svg(map, None).expect("svg");
    let options = resvg::usvg::Options::default();
    let tree = resvg::usvg::Tree::from_str(&svg, &options).expect("parses");
    let mut whole = resvg::tiny_skia::Pixmap::new(strips.width(), strips.height()).expect("room");
    whole.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut whole.as_mut(),
    );
    let apart = |a: u8, b: u8| a.abs_diff(b) > shade;
    let differ = whole
        .pixels()
        .iter()
        .zip(strips.pixels())
        .filter(|(a, b)| {
            apart(a.red(), b.red()) || apart(a.green(), b.green()) || apart(a.blue(), b.blue())
        })
        .count();
    assert_eq!(differ, 0, "pixels that differ from the whole picture");
}

#[test]
fn the_export_command_writes_each_format() {
    let dir = tempfile::tempdir().expect("temp");
    let map_path = dir.path().join("map.ron");
    argmap::format::save(&common::small_map(), &map_path).expect("save");
    for kind in Export::all() {
        let out = dir.path().join(format!("out.{}", kind.extension()));
        let name = match kind {
            Export::Aif => "aif",
            Export::Aifdb => "aifdb",
            Export::Argdown => "argdown",
            Export::Dot => "dot",
            Export::Svg => "svg",
            Export::Png => "png",
            Export::Outline => "outline",
            Export::Docx => "docx",
            Export::Pdf => "pdf",
            Export::Slides => "slides",
        };
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
            .args([
                "export",
                map_path.to_str().expect("utf8"),
                "--to",
                name,
                "-o",
                out.to_str().expect("utf8"),
            ])
            .status()
            .expect("run");
        assert!(status.success(), "{name}");
        assert!(
            std::fs::metadata(&out).expect("written").len() > 100,
            "{name}"
        );
    }
    // And import brings AIF back as a valid map.
    let back = dir.path().join("back.ron");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args([
            "import",
            dir.path().join("out.json").to_str().expect("utf8"),
            "-o",
            back.to_str().expect("utf8"),
        ])
        .output()
        .expect("run");
    assert!(output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("4 claims, 2 supports, 1 rebuts, 1 undercuts")
    );
    assert_eq!(
        shape(&argmap::format::load(&back).expect("valid")),
        shape(&common::small_map())
    );
}

/// Any text, with every kind of character an SVG must survive: markup,
/// quotes, whitespace controls, other controls, and the non-characters.
fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop_oneof![
        Just("<".to_owned()),
        Just("&amp;".to_owned()),
        Just("\"'".to_owned()),
        Just("]]>".to_owned()),
        Just("\t\n\r\r\n".to_owned()),
        Just("\u{0}\u{1}\u{1b}[31m\u{7f}".to_owned()),
        Just("\u{fffe}\u{ffff}\u{202e}".to_owned()),
        any::<String>(),
    ];
    proptest::collection::vec(pieces, 0..8).prop_map(|p| p.concat())
}

proptest::proptest! {
    /// Escaped text reads back from an XML reader exactly, in element text and
    /// in attributes, except characters XML 1.0 cannot hold at all.
    #[test]
    fn xml_escaping_gives_back_any_text(text in hostile_text()) {
        use argmap::exchange::xml;
        let doc = format!(
            r#"<svg><title>{}</title><g aria-label="{}"/></svg>"#,
            xml::escape(&text),
            xml::escape(&text)
        );
        let parsed = roxmltree::Document::parse(&doc).expect("well-formed");
        let root = parsed.root_element();
        let title = root.first_element_child().expect("title");
        let expected = xml::representable(&text);
        proptest::prop_assert_eq!(title.text().unwrap_or(""), expected.as_str());
        let g = title.next_sibling_element().expect("g");
        proptest::prop_assert_eq!(g.attribute("aria-label"), Some(expected.as_str()));
    }

    /// A map whose claims and title say anything still exports as an SVG
    /// that parses and names each claim.
    #[test]
    fn svg_of_a_map_with_any_text_parses(title in hostile_text(), texts in proptest::collection::vec(hostile_text(), 1..4)) {
        let mut map = big_map(texts.len() as u64);
        map.title = title;
        for (claim, text) in map.claims.iter_mut().zip(&texts) {
            claim.text = text.clone();
        }
        let svg = image::to_svg(&map, None).expect("svg");
        let parsed = roxmltree::Document::parse(&svg)
            .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let titles = claim_titles(&parsed);
        for claim in &map.claims {
            let shown = argmap::exchange::xml::representable(&argmap::render::measure::display_text(claim));
            proptest::prop_assert!(titles.contains(&shown), "{shown:?} is named in {titles:?}");
        }
    }
}

/// The titles of an SVG's claim groups, which name each claim.
fn claim_titles(svg: &roxmltree::Document) -> Vec<String> {
    svg.descendants()
        .filter(|n| n.attribute("class") == Some("claim"))
        .filter_map(|g| g.first_element_child())
        .map(|t| t.text().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn svg_text_is_drawn_as_shapes_so_every_viewer_shows_the_same() {
    let map = common::debate();
    let svg = image::to_svg(&map, None).expect("svg");
    assert!(
        !svg.contains("<text"),
        "no text elements left to a viewer's fonts"
    );
    assert!(!svg.contains("font-family"));
    // Every letter of every claim is drawn (a glyph used once per letter).
    let letters: usize = map
        .claims
        .iter()
        .map(|c| c.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    assert!(svg.matches("<use ").count() >= letters);
    assert!(roxmltree::Document::parse(&svg).is_ok());
}
