//! The essay outline: the question, each side's contentions with their
//! reasons, objections and answers, evidence cited, what stands, and the
//! critical questions still open; every claim once, after what it bears on.

mod common;

use argmap::exchange::Export;
use argmap::exchange::essay::to_outline;
use argmap::model::Target;

/// The lines of the outline that write a claim out (not a "see above").
fn entries(outline: &str) -> Vec<&str> {
    outline
        .lines()
        .filter(|l| {
            l.starts_with("### Contention")
                || l.trim_start().starts_with("- **")
                || (l.starts_with("- (") && !l.contains("see “"))
        })
        .collect()
}

#[test]
fn the_debate_outline_writes_every_claim_once_after_what_it_bears_on() {
    let map = common::debate();
    let outline = to_outline(&map);
    assert!(
        outline.starts_with("# Should the United States talk to Putin?"),
        "{outline}"
    );
    assert!(outline.contains("## Kimmage’s side") && outline.contains("## Kramer’s side"));
    let entries = entries(&outline);
    assert_eq!(entries.len(), map.claims.len(), "{outline}");
    // Where each claim is written out.
    let place = |text: &str| {
        let start: String = text.chars().take(40).collect();
        entries
            .iter()
            .position(|e| e.contains(&start))
            .unwrap_or_else(|| panic!("“{text}” is not in the outline"))
    };
    for claim in &map.claims {
        let at = place(&claim.text);
        // A main contention supports nothing further and is not a bare
        // objection (one attacking something with no reasons of its own);
        // it heads its part.
        let from_it = |support: bool| {
            map.links
                .iter()
                .any(|l| l.kind.is_support() == support && l.premises.contains(&claim.id))
        };
        let has_reasons = map
            .links
            .iter()
            .any(|l| l.kind.is_support() && l.target == Target::Claim(claim.id));
        if !from_it(true) && (has_reasons || !from_it(false)) {
            assert!(entries[at].starts_with("### Contention"), "{}", entries[at]);
            continue;
        }
        let bears_on: Vec<usize> = map
            .links
            .iter()
            .filter(|l| l.premises.contains(&claim.id))
            .filter_map(|l| match l.target {
                Target::Claim(t) => map.claim(t).map(|t| place(&t.text)),
                Target::Link(t) => map
                    .link(t)
                    .and_then(|t| t.premises.first())
                    .and_then(|&p| map.claim(p))
                    .map(|p| place(&p.text)),
            })
            .collect();
        assert!(
            bears_on.is_empty() || bears_on.iter().any(|&b| b < at),
            "“{}” comes before everything it bears on",
            claim.text
        );
    }
    // Evidence is cited: author, title, paragraph.
    assert!(
        outline
            .contains("— Kramer, *The Eternal Return: Why Talking to Putin Won’t Work*, paragraph"),
        "{outline}"
    );
    // Every open critical question is a point still to address.
    let open = argmap::schemes::open_questions(&map, argmap::schemes::Catalogue::bundled());
    assert_eq!(outline.matches("*Still to address:*").count(), open.len());
    assert!(outline.contains("## What stands"));
}

#[test]
fn what_a_student_wrote_reads_as_written_in_the_outline() {
    let mut map = common::small_map();
    map.claims[0].text = "# Not a heading *nor bold* [nor](a link) <b>nor html</b>".into();
    let outline = to_outline(&map);
    assert!(
        outline.contains(
            "\\# Not a heading \\*nor bold\\* \\[nor\\](a link) &lt;b&gt;nor html&lt;/b&gt;"
        ),
        "{outline}"
    );
    assert!(!outline.contains("<b>"));
}

#[test]
fn the_command_line_and_the_export_menu_write_the_outline() {
    let dir = tempfile::tempdir().unwrap();
    let map_path = dir.path().join("debate.ron");
    argmap::format::save(&common::debate(), &map_path).unwrap();
    let out = dir.path().join("essay.md");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(["export"])
        .arg(&map_path)
        .args(["--to", "outline", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        to_outline(&common::debate())
    );
    assert!(Export::all().any(|e| e == Export::Outline && e.extension() == "md"));
}

#[test]
fn a_chain_thousands_of_claims_long_is_outlined_whole() {
    use argmap::model::{ClaimId, LinkKind, Map};
    let n = 5_000u64;
    let map = Map {
        title: "A long chain".into(),
        claims: (1..=n)
            .map(|i| common::claim(i, &format!("step {i}"), 0.0, i as f32))
            .collect(),
        links: (1..n)
            .map(|i| common::link(i, LinkKind::Support, &[i + 1], Target::Claim(ClaimId(i))))
            .collect(),
        ..Map::default()
    };
    let outline = to_outline(&map);
    assert_eq!(entries(&outline).len(), n as usize);
    assert!(outline.contains("## Further claims"));
}

#[test]
fn a_chain_of_undercuts_thousands_long_is_outlined_whole() {
    use argmap::model::{ClaimId, LinkId, LinkKind, Map};
    let n = 3_000u64;
    // Claim 1 supports claim 2 (link 1); claim k+2 undercuts link k.
    let mut links = vec![common::link(
        1,
        LinkKind::Support,
        &[1],
        Target::Claim(ClaimId(2)),
    )];
    for k in 1..n {
        links.push(common::link(
            k + 1,
            LinkKind::Rebut,
            &[k + 2],
            Target::Link(LinkId(k)),
        ));
    }
    let map = Map {
        claims: (1..=n + 1)
            .map(|i| common::claim(i, &format!("claim {i}"), 0.0, i as f32))
            .collect(),
        links,
        ..Map::default()
    };
    assert!(argmap::model::validate(&map).is_empty());
    let outline = to_outline(&map);
    assert_eq!(entries(&outline).len(), map.claims.len());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Whatever shape a map takes, the outline writes each claim out once.
    #[test]
    fn any_map_is_outlined_with_every_claim_once(
        ops in proptest::collection::vec(common::random_edits::op(), 0..40)
    ) {
        let mut map = common::small_map();
        for op in ops {
            if let Some(edit) = common::random_edits::to_edit(&map, op) {
                let _ = edit.apply(&mut map);
            }
        }
        let outline = to_outline(&map);
        proptest::prop_assert_eq!(entries(&outline).len(), map.claims.len(), "{}", outline);
    }
}

mod beside_the_map {
    use super::common;
    use argmap::model::ClaimId;
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;

    /// View ▸ Outline beside the map: the outline in the right pane, a
    /// click on a line selects its claim, and an edit shows at once.
    #[test]
    fn the_outline_beside_the_map_follows_clicks_and_edits() {
        let map = common::debate();
        let mut harness = common::harness(map.clone(), None, "debate.ron");
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
        harness.run();
        assert!(harness.state().state().view.outline);
        harness.get_by_label("Kimmage’s side");
        let lines = argmap::exchange::essay::lines(&map);
        let contention = lines
            .iter()
            .find(|l| l.text.starts_with("Contention"))
            .expect("a contention");
        let id: ClaimId = contention.claim.expect("its claim");
        harness.get_by_label(&contention.text).click();
        harness.run();
        assert_eq!(harness.state().state().selection.single_claim(), Some(id));

        // An edit shows at once: the reason deleted leaves the outline.
        let reason = lines
            .iter()
            .find(|l| l.text.starts_with("Reason ("))
            .expect("a reason");
        harness.get_by_label(&reason.text).click();
        harness.run();
        assert_eq!(
            harness.state().state().selection.single_claim(),
            reason.claim
        );
        harness.key_press(Key::Delete);
        harness.run();
        assert!(harness.query_by_label(&reason.text).is_none());
        assert_eq!(
            harness.state().state().doc.map.claims.len(),
            map.claims.len() - 1
        );

        harness.get_by_label("Show the inspector").click();
        harness.run();
        assert!(!harness.state().state().view.outline);
        assert!(harness.query_by_label("Kimmage’s side").is_none());
    }
}

/// Each paragraph of a Word file: its style, whether it is a bullet, its
/// words, and the words of its bold runs.
fn word_paragraphs(bytes: &[u8]) -> Vec<(String, bool, String, Vec<String>)> {
    let docx = docx_rs::read_docx(bytes).expect("a Word file docx-rs reads");
    docx.document
        .children
        .iter()
        .filter_map(|child| match child {
            docx_rs::DocumentChild::Paragraph(p) => Some(p),
            _ => None,
        })
        .map(|p| {
            let bold = p
                .children
                .iter()
                .filter_map(|c| match c {
                    docx_rs::ParagraphChild::Run(run) if run.run_property.bold.is_some() => {
                        let one = docx_rs::Paragraph::new().add_run((**run).clone());
                        Some(one.raw_text())
                    }
                    _ => None,
                })
                .collect();
            (
                p.property
                    .style
                    .as_ref()
                    .map_or_else(String::new, |s| s.val.clone()),
                p.property.numbering_property.is_some(),
                p.raw_text(),
                bold,
            )
        })
        .collect()
}

#[test]
fn the_word_outline_has_the_markdowns_headings_points_and_every_claim() {
    let map = common::debate();
    let bytes = argmap::exchange::docx::to_docx(&map).expect("a Word file");
    let paragraphs = word_paragraphs(&bytes);
    let markdown = to_outline(&map);
    assert_eq!(paragraphs[0].0, "Heading1");
    assert_eq!(paragraphs[0].2, map.title);
    let headings = |prefix: &str| markdown.lines().filter(|l| l.starts_with(prefix)).count();
    let styled = |style: &str| paragraphs.iter().filter(|p| p.0 == style).count();
    assert_eq!(styled("Heading2"), headings("## "));
    assert_eq!(styled("Heading3"), headings("### "));
    let points = markdown
        .lines()
        .filter(|l| l.trim_start().starts_with("- "))
        .count();
    assert_eq!(paragraphs.iter().filter(|p| p.1).count(), points);
    let all: Vec<&str> = paragraphs.iter().map(|p| p.2.as_str()).collect();
    let all = all.join("\n");
    for claim in &map.claims {
        let words = claim.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(all.contains(&words), "claim {} missing", claim.id.0);
    }
    assert!(paragraphs.iter().any(|p| p.3.iter().any(|b| b == "Reason")));
    // The same map gives the same bytes.
    assert!(bytes == argmap::exchange::docx::to_docx(&map).expect("again"));
}

#[test]
fn what_a_student_wrote_reads_as_written_in_the_word_outline() {
    let mut map = common::small_map();
    let written = "# Not a heading *nor bold* [nor](a link) <b>nor html</b> \\ & done";
    map.claims[0].text = written.into();
    let bytes = argmap::exchange::docx::to_docx(&map).expect("a Word file");
    let paragraphs = word_paragraphs(&bytes);
    assert!(
        paragraphs.iter().any(|p| p.2.contains(written)),
        "{:?}",
        paragraphs.iter().map(|p| &p.2).collect::<Vec<_>>()
    );
}
