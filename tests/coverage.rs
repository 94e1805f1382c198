//! Source coverage: which paragraphs of an article a map's quotes reach,
//! counted per source, printed by `argmap check`, and compared with a model.

mod common;

use argmap::analysis::coverage::{coverage, of_source, untouched};
use argmap::model::{Map, Source, SourceId};
use proptest::prelude::*;

/// A heading, three paragraphs and a list item: four paragraphs to count.
fn article() -> Source {
    Source {
        id: SourceId::new("fixture"),
        title: "Fixture".into(),
        authors: vec!["Ann Author".into()],
        publication: String::new(),
        date: String::new(),
        stance: String::new(),
        text: "# A heading is not a paragraph\n\nFirst paragraph, about talks.\n\nSecond paragraph, about sanctions.\n\n- A list item counts too.\n\nFourth, about arms control."
            .into(),
    }
}

fn quoting(passages: &[&str]) -> Map {
    let source = article();
    let mut map = Map {
        sources: vec![source.clone()],
        ..Map::default()
    };
    for (i, passage) in passages.iter().enumerate() {
        let mut claim = common::claim(i as u64 + 1, passage, 0.0, 0.0);
        claim.quote = Some(common::quote(&source, passage));
        map.claims.push(claim);
    }
    map
}

#[test]
fn each_paragraph_a_quote_reaches_is_covered_and_headings_do_not_count() {
    let map = quoting(&["about talks", "sanctions.\n\n- A list"]);
    let cov = of_source(&map, &article());
    let covered: Vec<bool> = cov.paragraphs.iter().map(|p| p.covered).collect();
    // A quote across a paragraph break reaches both paragraphs.
    assert_eq!(covered, [true, true, true, false]);
    assert_eq!((cov.covered(), cov.total()), (3, 4));
    assert_eq!(cov.summary(), "3 of 4 paragraphs mapped");
    assert_eq!(
        coverage(&quoting(&[]))[0].summary(),
        "0 of 4 paragraphs mapped"
    );
}

#[test]
fn paragraphs_the_model_maps_and_the_student_does_not_are_listed() {
    let model = quoting(&["about talks", "about arms control"]);
    let student = quoting(&["First paragraph"]);
    let missed = untouched(&student, &model);
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].number, 4);
    let cmp = argmap::analysis::compare::compare(&student, &model);
    let report = argmap::analysis::compare::report(&cmp, &student, &model, "s", "m");
    assert!(
        report.contains(
            "## Paragraphs the model maps that your map leaves untouched\n\n- Author, paragraph 4: “Fourth, about arms control.”"
        ),
        "{report}"
    );
}

#[test]
fn check_prints_the_coverage_of_each_source() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("map.ron");
    let text = argmap::format::encode(&quoting(&["about talks"]), argmap::format::Syntax::Ron)
        .expect("encode");
    std::fs::write(&path, text).expect("write");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
        .arg("check")
        .arg(&path)
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains("map.ron: coverage: Author: 1 of 4 paragraphs mapped\n"),
        "{out}"
    );
}

proptest! {
    /// Coverage agrees with the plain definition: a paragraph is covered
    /// when some quoted span overlaps it.
    #[test]
    fn coverage_matches_overlap_for_any_quotes(spans in proptest::collection::vec((0usize..160, 1usize..40), 0..8)) {
        let source = article();
        let text = &source.text;
        let mut map = Map { sources: vec![source.clone()], ..Map::default() };
        let mut ranges = Vec::new();
        for (i, (start, len)) in spans.into_iter().enumerate() {
            let start = start.min(text.len() - 1);
            let end = (start + len).min(text.len());
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) || start >= end {
                continue;
            }
            let passage = &text[start..end];
            let mut claim = common::claim(i as u64 + 1, passage, 0.0, 0.0);
            claim.quote = Some(argmap::model::Quote {
                source: source.id.clone(),
                start,
                end,
                text: passage.into(),
            });
            map.claims.push(claim);
            ranges.push((start, end));
        }
        for p in of_source(&map, &source).paragraphs {
            let expected = ranges.iter().any(|&(s, e)| s < p.end && e > p.start);
            prop_assert_eq!(p.covered, expected);
        }
    }
}

#[test]
fn the_reader_shows_the_share_and_a_paragraph_mark_goes_to_its_paragraph() {
    use common::AppHarness;
    use egui_kittest::kittest::Queryable;
    let map = common::debate();
    let kimmage = map
        .sources
        .iter()
        .find(|s| s.authors.iter().any(|a| a.contains("Kimmage")))
        .expect("Kimmage")
        .clone();
    let cov = of_source(&map, &kimmage);
    let mut harness = common::harness(map, None, "debate.ron");
    harness.get_by_label(&format!("Kimmage: {}", cov.summary()));
    assert_eq!(harness.panels().reader.scroll_offset(), 0.0);
    // The last paragraph the map leaves out, near the end of the article.
    let last = cov
        .paragraphs
        .iter()
        .rposition(|p| !p.covered)
        .expect("an unmapped paragraph");
    harness
        .get_by_label(&format!("Paragraph {}, not mapped", last + 1))
        .click();
    harness.run();
    assert!(
        harness.panels().reader.scroll_offset() > 500.0,
        "the reader scrolled down to it: {}",
        harness.panels().reader.scroll_offset()
    );
}
