//! Comparing a student's map with a model answer: exact on known differences,
//! blind to layout and order, and the CLI that grades a folder.

mod common;

use argmap::analysis::compare::{Exercise, Verdict, compare, exercise, report};
use argmap::model::{ClaimId, Edit, LinkId, LinkKind, Map, Point, Target};
use std::process::Command;

fn model() -> Map {
    let example = &argmap::corpus::examples()[0];
    argmap::format::read(example.text.as_bytes(), argmap::format::Syntax::Ron).expect("debate map")
}

#[test]
fn a_map_compared_with_itself_scores_one() {
    let m = model();
    let result = compare(&m, &m);
    assert_eq!(result.claims.f1, 1.0);
    assert_eq!(result.link_score.f1, 1.0);
    assert_eq!(result.matches.len(), m.claims.len());
    assert!(result.links.iter().all(|l| l.verdict == Verdict::Correct));
}

#[test]
fn moving_and_reordering_changes_nothing() {
    let m = model();
    let mut student = m.clone();
    for (i, claim) in student.claims.iter_mut().enumerate() {
        claim.pos = Point::new(i as f32 * -13.0, 7.0 * i as f32);
    }
    // Renumber every claim and link, in reverse order: ids mean nothing across maps.
    let n = student.claims.len() as u64;
    let renumber = |id: ClaimId| ClaimId(1000 + n - id.0);
    for claim in &mut student.claims {
        claim.id = renumber(claim.id);
    }
    for link in &mut student.links {
        link.premises = link.premises.iter().map(|&p| renumber(p)).collect();
        if let Target::Claim(c) = link.target {
            link.target = Target::Claim(renumber(c));
        }
    }
    student.claims.reverse();
    student.sort();
    let result = compare(&student, &m);
    assert_eq!((result.claims.f1, result.link_score.f1), (1.0, 1.0));
}

/// The first simple claim-to-claim links of the given kind.
fn simple_links(map: &Map, kind: LinkKind) -> Vec<LinkId> {
    map.links
        .iter()
        .filter(|l| l.kind == kind && l.premises.len() == 1 && matches!(l.target, Target::Claim(_)))
        .filter(|l| !map.links.iter().any(|u| u.target == Target::Link(l.id)))
        .map(|l| l.id)
        .collect()
}

#[test]
fn known_differences_are_found_exactly() {
    let m = model();
    let mut student = m.clone();
    let supports = simple_links(&m, LinkKind::Support);
    let (retyped, reversed, removed) = (supports[0], supports[1], supports[2]);
    // A quote cut slightly differently: drop the last word of one quoted claim.
    let recut = m
        .claims
        .iter()
        .find(|c| c.quote.as_ref().is_some_and(|q| q.text.len() > 60))
        .expect("a long quote");
    let mut changed = recut.clone();
    let quote = changed.quote.as_mut().expect("quote");
    let cut = quote.text.trim_end_matches('.').rfind(' ').expect("words");
    quote.text.truncate(cut);
    quote.end = quote.start + cut;
    for edit in [
        Edit::RetypeLink {
            link: retyped,
            kind: LinkKind::Rebut,
        },
        Edit::ReverseLink(reversed),
        Edit::RemoveLink(removed),
        Edit::ChangeClaim(changed),
    ] {
        edit.apply(&mut student).expect("edit applies");
    }
    let result = compare(&student, &m);
    assert_eq!(
        result.matches.len(),
        m.claims.len(),
        "the re-cut quote still matches"
    );
    assert!(result.missing_claims.is_empty() && result.extra_claims.is_empty());
    let verdict_of = |id: LinkId| {
        result
            .links
            .iter()
            .find(|l| l.model == Some(id))
            .map(|l| l.verdict)
    };
    assert_eq!(verdict_of(retyped), Some(Verdict::WrongKind));
    assert_eq!(verdict_of(reversed), Some(Verdict::Reversed));
    assert_eq!(verdict_of(removed), Some(Verdict::Missing));
    assert_eq!(result.count(Verdict::Correct), m.links.len() - 3);
    assert_eq!(result.count(Verdict::Extra), 0);
    assert_eq!(
        result.count(Verdict::WrongKind)
            + result.count(Verdict::Reversed)
            + result.count(Verdict::Missing),
        3
    );
    let expected_recall = (m.links.len() - 3) as f64 / m.links.len() as f64;
    assert!((result.link_score.recall - expected_recall).abs() < 1e-9);

    let text = report(&result, &student, &m, "student.ron", "model.ron");
    assert!(text.contains("## Links of the wrong kind"));
    assert!(text.contains("## Links pointing the wrong way"));
    assert!(text.contains("## Links the model has that your map lacks"));
    assert!(!text.contains("## Claims the model has"));
}

#[test]
fn a_quote_of_a_whole_paragraph_does_not_match_one_sentence_in_it() {
    let m = model();
    let mut student = m.clone();
    let target = student
        .claims
        .iter_mut()
        .find(|c| c.quote.is_some())
        .expect("quoted");
    let source = m
        .source(&target.quote.as_ref().expect("q").source)
        .expect("source")
        .text
        .clone();
    let quote = target.quote.as_mut().expect("q");
    // Widen the span to its whole paragraph and much more.
    let start = source[..quote.start].rfind("\n\n").map_or(0, |i| i + 2);
    let end = (quote.end + 1500).min(source.len());
    let end = (end..=source.len())
        .find(|&e| source.is_char_boundary(e))
        .expect("boundary");
    quote.start = start;
    quote.end = end;
    quote.text = source[start..end].to_owned();
    target.text = "a long paragraph".into();
    let result = compare(&student, &m);
    assert_eq!(result.missing_claims.len(), 1);
    assert_eq!(result.extra_claims.len(), 1);
}

#[test]
fn claims_without_quotes_match_by_wording() {
    let mut a = Map::default();
    let mut b = Map::default();
    for (map, text) in [
        (&mut a, "Sanctions have failed to change Russian behaviour."),
        (&mut b, "sanctions have failed to change Russian behaviour"),
    ] {
        Edit::AddClaim(argmap::model::Claim {
            id: ClaimId(1),
            text: text.into(),
            label: String::new(),
            pos: Point::default(),
            note: String::new(),
            pin: None,
            quote: None,
        })
        .apply(map)
        .expect("add");
    }
    assert_eq!(compare(&a, &b).matches.len(), 1);
}

#[test]
fn exercises_keep_claims_or_only_main_contentions() {
    let mut m = model();
    m.claims[0].note = "The teacher's note.".into();
    m.claims[0].pin = Some(argmap::model::Pin::Rejected);
    let claims = exercise(&m, Exercise::ClaimsOnly);
    assert_eq!(claims.claims.len(), m.claims.len());
    assert!(claims.links.is_empty());
    assert!(
        claims
            .claims
            .iter()
            .all(|c| c.note.is_empty() && c.pin.is_none()),
        "notes and pins are part of the answer"
    );
    assert!(argmap::model::validate(&claims).is_empty());
    let mains = exercise(&m, Exercise::MainContentions);
    assert!(
        mains.claims.len() < 5 && !mains.claims.is_empty(),
        "{}",
        mains.claims.len()
    );
    // Main contentions support nothing further: Kimmage's thesis and Kramer's policy conclusion.
    assert!(
        mains
            .claims
            .iter()
            .any(|c| c.text.starts_with("A nonrelationship with Russia"))
    );
    assert!(
        mains
            .claims
            .iter()
            .any(|c| c.text.starts_with("Ramp up, not simply maintain"))
    );
    assert!(mains.claims.iter().all(|c| {
        !m.links
            .iter()
            .any(|l| l.kind == LinkKind::Support && l.premises.contains(&c.id))
    }));
}

#[test]
fn grade_writes_a_row_per_file_and_refuses_broken_ones_by_name() {
    let dir = tempfile::tempdir().expect("temp");
    let model_path = dir.path().join("model.ron");
    argmap::format::save(&model(), &model_path).expect("save");
    let students = dir.path().join("students");
    std::fs::create_dir(&students).expect("mkdir");
    argmap::format::save(&model(), &students.join("alice.ron")).expect("save");
    argmap::format::save(
        &exercise(&model(), Exercise::ClaimsOnly),
        &students.join("bob.ron"),
    )
    .expect("save");
    std::fs::write(students.join("carol.ron"), "(format: 1, claims: [").expect("write");
    std::fs::write(students.join("notes.txt"), "not a map").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args([
            "grade",
            model_path.to_str().expect("utf8"),
            students.to_str().expect("utf8"),
        ])
        .output()
        .expect("run");
    let csv = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[0].starts_with("file,claim_precision"));
    assert!(
        lines[1].starts_with("alice.ron,1.000,1.000,1.000,1.000,1.000,1.000,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("bob.ron,1.000,1.000,1.000,1.000,0.000,0.000,"),
        "{}",
        lines[2]
    );
    assert!(lines[3].starts_with("carol.ron,,,"), "{}", lines[3]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("carol.ron: line 1, column 21: the file ends too early"),
        "{stderr}"
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "a refused file makes the run fail"
    );
}

#[test]
fn compare_prints_the_report() {
    let dir = tempfile::tempdir().expect("temp");
    let model_path = dir.path().join("model.ron");
    let student_path = dir.path().join("student.ron");
    argmap::format::save(&model(), &model_path).expect("save");
    argmap::format::save(&exercise(&model(), Exercise::ClaimsOnly), &student_path).expect("save");
    let output = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args([
            "compare",
            student_path.to_str().expect("utf8"),
            model_path.to_str().expect("utf8"),
        ])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(text.starts_with("# Feedback: student.ron"), "{text}");
    assert!(text.contains("| Links | 0 of"), "{text}");
}

/// Every pair looked at, best first: the matching as the module documents it,
/// without the shortcuts that skip unlikely pairs.
fn matches_by_trying_every_pair(
    student: &Map,
    model: &Map,
) -> std::collections::BTreeMap<ClaimId, ClaimId> {
    use argmap::analysis::compare::{QUOTE_OVERLAP, TEXT_SIMILARITY};
    use std::collections::BTreeSet;
    let words = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let mut pairs = Vec::new();
    for s in &student.claims {
        for m in &model.claims {
            let score = match (&s.quote, &m.quote) {
                (Some(a), Some(b)) => {
                    let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
                    let longer = (a.end - a.start).max(b.end - b.start).max(1);
                    let share = overlap as f64 / longer as f64;
                    (a.source == b.source && share >= QUOTE_OVERLAP).then_some(1.0 + share)
                }
                _ => {
                    let (a, b) = (words(&s.text), words(&m.text));
                    let union = a.union(&b).count();
                    let share = a.intersection(&b).count() as f64 / union.max(1) as f64;
                    (union > 0 && share >= TEXT_SIMILARITY).then_some(share)
                }
            };
            if let Some(score) = score {
                pairs.push((score, s.id, m.id));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken = BTreeSet::new();
    let mut result = std::collections::BTreeMap::new();
    for (_, s, m) in pairs {
        if !result.contains_key(&s) && taken.insert(m) {
            result.insert(s, m);
        }
    }
    result
}

/// A random map: claims quoting random spans of a short text, or worded from
/// a small vocabulary, so that many pairs nearly match.
fn random_map(claims: &[(bool, usize, usize, Vec<usize>)]) -> Map {
    const VOCABULARY: [&str; 8] = [
        "sanctions",
        "Russia",
        "talks",
        "fail",
        "work",
        "Putin",
        "the",
        "deal",
    ];
    let source = argmap::model::Source {
        id: argmap::model::SourceId::new("text"),
        title: "Text".into(),
        authors: vec![],
        publication: String::new(),
        date: String::new(),
        stance: String::new(),
        text: "abcdefghijklmnopqrstuvwxyz".repeat(4),
    };
    let claims = claims
        .iter()
        .enumerate()
        .map(|(i, (quoted, start, len, picks))| {
            let text: Vec<&str> = picks.iter().map(|&p| VOCABULARY[p % 8]).collect();
            let mut claim = argmap::model::Claim {
                id: ClaimId(i as u64 + 1),
                text: text.join(" "),
                label: String::new(),
                pos: Point::default(),
                note: String::new(),
                pin: None,
                quote: None,
            };
            if *quoted {
                let start = start % 90;
                let end = (start + 1 + len % 30).min(source.text.len());
                claim.quote = Some(argmap::model::Quote {
                    source: source.id.clone(),
                    start,
                    end,
                    text: source.text[start..end].to_owned(),
                });
            }
            claim
        })
        .collect();
    Map {
        sources: vec![source],
        claims,
        ..Map::default()
    }
}

proptest::proptest! {
    #[test]
    fn matching_finds_what_trying_every_pair_finds(
        student in proptest::collection::vec((proptest::bool::ANY, 0usize..100, 0usize..40, proptest::collection::vec(0usize..8, 0..5)), 0..14),
        model in proptest::collection::vec((proptest::bool::ANY, 0usize..100, 0usize..40, proptest::collection::vec(0usize..8, 0..5)), 0..14),
    ) {
        let (student, model) = (random_map(&student), random_map(&model));
        let found: std::collections::BTreeMap<ClaimId, ClaimId> = compare(&student, &model)
            .matches
            .into_iter()
            .map(|(s, (m, _))| (s, m))
            .collect();
        proptest::prop_assert_eq!(found, matches_by_trying_every_pair(&student, &model));
    }
}

/// The link verdicts found the plain way: each model link, claims' links
/// first, takes the first unused student link (by id) that fits.
fn verdicts_by_plain_search(
    student: &Map,
    model: &Map,
    claims: &std::collections::BTreeMap<ClaimId, ClaimId>,
) -> Vec<(Option<LinkId>, Option<LinkId>, Verdict)> {
    use std::collections::{BTreeMap, BTreeSet};
    let to_student: BTreeMap<ClaimId, ClaimId> = claims.iter().map(|(s, m)| (*m, *s)).collect();
    let mut used = BTreeSet::new();
    let mut links: BTreeMap<LinkId, LinkId> = BTreeMap::new();
    let mut out = Vec::new();
    let mut ordered: Vec<_> = model.links.iter().collect();
    ordered.sort_by_key(|l| (matches!(l.target, Target::Link(_)), l.id));
    for link in ordered {
        let premises: BTreeSet<ClaimId> = link
            .premises
            .iter()
            .filter_map(|p| to_student.get(p).copied())
            .collect();
        let target = match link.target {
            Target::Claim(c) => to_student.get(&c).map(|&c| Target::Claim(c)),
            Target::Link(l) => links.get(&l).map(|&l| Target::Link(l)),
        };
        let mut found = None;
        if let Some(target) = target.filter(|_| !premises.is_empty()) {
            let fits = |s: &&argmap::model::Link| {
                !used.contains(&s.id)
                    && s.target == target
                    && s.premises.iter().any(|p| premises.contains(p))
            };
            found = student
                .links
                .iter()
                .filter(fits)
                .find(|s| s.kind == link.kind)
                .map(|s| (s.id, Verdict::Correct))
                .or_else(|| {
                    student
                        .links
                        .iter()
                        .find(fits)
                        .map(|s| (s.id, Verdict::WrongKind))
                })
                .or_else(|| match target {
                    Target::Claim(t) => student
                        .links
                        .iter()
                        .find(|s| {
                            !used.contains(&s.id)
                                && s.premises == [t]
                                && matches!(s.target, Target::Claim(c) if premises.contains(&c))
                        })
                        .map(|s| (s.id, Verdict::Reversed)),
                    Target::Link(_) => None,
                });
        }
        match found {
            Some((s, verdict)) => {
                used.insert(s);
                links.insert(link.id, s);
                out.push((Some(link.id), Some(s), verdict));
            }
            None => out.push((Some(link.id), None, Verdict::Missing)),
        }
    }
    for link in &student.links {
        if !used.contains(&link.id) {
            out.push((None, Some(link.id), Verdict::Extra));
        }
    }
    out.sort_by_key(|&(m, s, v)| (v, m, s));
    out
}

/// Random links among `n` claims: supports, rebuts, linked premises and
/// undercuts of earlier links.
fn random_links(n: usize, raw: &[(bool, usize, usize, usize)]) -> Vec<argmap::model::Link> {
    let mut links: Vec<argmap::model::Link> = Vec::new();
    if n == 0 {
        return links;
    }
    for &(support, a, b, c) in raw {
        let premises = if c % 4 == 0 {
            vec![ClaimId((a % n) as u64 + 1), ClaimId((c % n) as u64 + 1)]
        } else {
            vec![ClaimId((a % n) as u64 + 1)]
        };
        let target = if !support && c % 5 == 1 && !links.is_empty() {
            Target::Link(LinkId((b % links.len()) as u64 + 1))
        } else {
            Target::Claim(ClaimId((b % n) as u64 + 1))
        };
        links.push(argmap::model::Link {
            id: LinkId(links.len() as u64 + 1),
            kind: if support {
                LinkKind::Support
            } else {
                LinkKind::Rebut
            },
            premises,
            target,
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        });
    }
    links
}

proptest::proptest! {
    #[test]
    fn link_verdicts_match_the_plain_search(
        claims in proptest::collection::vec((proptest::bool::ANY, 0usize..100, 0usize..40, proptest::collection::vec(0usize..8, 0..4)), 1..10),
        student_links in proptest::collection::vec((proptest::bool::ANY, 0usize..10, 0usize..10, 0usize..10), 0..12),
        model_links in proptest::collection::vec((proptest::bool::ANY, 0usize..10, 0usize..10, 0usize..10), 0..12),
    ) {
        let mut model = random_map(&claims);
        model.links = random_links(model.claims.len(), &model_links);
        let mut student = random_map(&claims);
        student.links = random_links(student.claims.len(), &student_links);
        let result = compare(&student, &model);
        let claims: std::collections::BTreeMap<ClaimId, ClaimId> =
            result.matches.iter().map(|(s, (m, _))| (*s, *m)).collect();
        let found: Vec<_> = result.links.iter().map(|l| (l.model, l.student, l.verdict)).collect();
        proptest::prop_assert_eq!(found, verdicts_by_plain_search(&student, &model, &claims));
    }
}

#[test]
fn schemes_read_differently_are_listed_in_plain_words() {
    let mut model = common::small_map();
    model.links[0].scheme = "analogy".into();
    model.links[1].scheme = "cause_to_effect".into();
    model.links[2].scheme = "ad_hominem".into();
    let mut student = common::small_map();
    student.links[0].scheme = "example".into();
    student.links[2].scheme = "ad_hominem".into();
    let cmp = argmap::analysis::compare::compare(&student, &model);
    let sentences: Vec<String> = cmp.schemes.iter().map(|d| d.sentence()).collect();
    assert_eq!(
        sentences,
        [
            "you read this as an argument from example; the model reads it as an argument from analogy",
            "you gave this no scheme; the model reads it as an argument from cause to effect",
        ]
    );
    let report = argmap::analysis::compare::report(&cmp, &student, &model, "s", "m");
    assert!(
        report.contains("## Arguments read as a different scheme"),
        "{report}"
    );
    assert!(report.contains("the model reads it as an argument from analogy"));
    // The same schemes, or none in the model: nothing to say.
    let same = argmap::analysis::compare::compare(&model, &model);
    assert!(same.schemes.is_empty());
    let plain = argmap::analysis::compare::compare(&student, &common::small_map());
    assert!(plain.schemes.is_empty());
}

/// Thousands of claims worded alike, as a course's map has: each student
/// claim, reworded, still finds its own model claim through its rarest
/// words, however many others share the rest.
#[test]
fn claims_worded_alike_in_a_large_map_find_their_own_partners() {
    let n = 3_000u64;
    let claim = |id: u64, text: String| argmap::model::Claim {
        id: ClaimId(id),
        text,
        label: String::new(),
        pos: Point::default(),
        note: String::new(),
        pin: None,
        quote: None,
    };
    let model = Map {
        claims: (1..=n)
            .map(|i| claim(i, format!("An analyst's own claim, number {i}.")))
            .collect(),
        ..Map::default()
    };
    // Ids shuffled against the model's, so a match by position would fail.
    let student = Map {
        claims: (1..=n)
            .rev()
            .map(|i| {
                claim(
                    n + 1 - i,
                    format!("In my view an analyst's own claim, number {i}."),
                )
            })
            .collect(),
        ..Map::default()
    };
    let result = compare(&student, &model);
    assert_eq!(result.matches.len(), n as usize);
    for (s, (m, _)) in &result.matches {
        assert_eq!(m.0, n + 1 - s.0, "student claim {s:?} matched {m:?}");
    }
}

/// What a student writes reads as written in the teacher's report: no
/// link, picture, raw HTML or emphasis comes alive from a claim's text.
#[test]
fn the_report_escapes_what_students_write() {
    let model = common::small_map();
    let mut student = model.clone();
    student.claims.push(common::claim(
        9,
        "<img src=x onerror=alert(1)> [click](http://evil.example) ![pic](x.png) **loud** `code` | cell",
        600.0,
        0.0,
    ));
    let cmp = argmap::analysis::compare::compare(&student, &model);
    let report = argmap::analysis::compare::report(&cmp, &student, &model, "s<b>", "m");
    assert!(!report.contains("<img"), "{report}");
    assert!(!report.contains("<b>"), "{report}");
    assert!(!report.contains("[click](http"), "{report}");
    assert!(!report.contains("**loud**"), "{report}");
    assert!(
        report.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{report}"
    );
    assert!(
        report.contains("\\[click\\](http://evil.example)"),
        "{report}"
    );
    assert!(report.contains("\\*\\*loud\\*\\*"), "{report}");
    assert!(report.contains("\\`code\\` \\| cell"), "{report}");
}

/// The web page of a report is as inert as its Markdown: nothing a
/// student wrote becomes an element, an attribute or a script.
#[test]
fn the_report_as_a_web_page_escapes_what_students_write() {
    let model = common::small_map();
    let mut student = model.clone();
    student.claims.push(common::claim(
        9,
        "<script>alert(1)</script> \"quoted\" 'single' & <a href=x onclick=y>",
        600.0,
        0.0,
    ));
    let cmp = argmap::analysis::compare::compare(&student, &model);
    let page = argmap::analysis::compare::feedback(&cmp, &student, &model, "s<i>", "m\"").html();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<a "), "{page}");
    assert!(!page.contains("<i>"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("&quot;quoted&quot; &#39;single&#39; &amp;"),
        "{page}"
    );
    // The same content as the Markdown: every section heading in both.
    let feedback = argmap::analysis::compare::feedback(&cmp, &student, &model, "s", "m");
    assert!(!feedback.sections.is_empty());
    for (title, items) in &feedback.sections {
        assert!(feedback.markdown().contains(&format!("## {title}")));
        assert!(page.contains(&format!("<h2>{title}</h2>")));
        assert!(page.matches("<li>").count() >= items.len(), "{title}");
    }
}

#[test]
fn grade_with_feedback_writes_a_report_per_student_and_a_gradebook() {
    let dir = tempfile::tempdir().expect("temp");
    let model_path = dir.path().join("model.ron");
    argmap::format::save(&model(), &model_path).expect("save");
    let students = dir.path().join("students");
    std::fs::create_dir(&students).expect("mkdir");
    argmap::format::save(&model(), &students.join("alice.ron")).expect("save");
    let bob = exercise(&model(), Exercise::ClaimsOnly);
    argmap::format::save(&bob, &students.join("bob.ron")).expect("save");
    // Two maps that share a name keep apart by their whole file names.
    argmap::format::save(&bob, &students.join("dan.ron")).expect("save");
    argmap::format::save(&model(), &students.join("dan.json")).expect("save");
    std::fs::write(students.join("carol.ron"), "(format: 1, claims: [").expect("write");
    let out = dir.path().join("feedback");
    let output = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .arg("grade")
        .arg(&model_path)
        .arg(&students)
        .arg("--feedback")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1), "carol's map is unreadable");
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "alice.html",
            "alice.md",
            "bob.html",
            "bob.md",
            "dan.json.html",
            "dan.json.md",
            "dan.ron.html",
            "dan.ron.md",
            "gradebook.csv"
        ]
    );
    let alice = std::fs::read_to_string(out.join("alice.md")).unwrap();
    assert!(alice.starts_with("# Feedback: alice.ron"), "{alice}");
    let bob_page = std::fs::read_to_string(out.join("bob.html")).unwrap();
    assert!(
        bob_page.contains("Links the model has that your map lacks"),
        "{bob_page}"
    );

    let mut book = csv::Reader::from_path(out.join("gradebook.csv")).unwrap();
    let header: Vec<String> = book.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "Identifier",
            "Full name",
            "Grade",
            "Maximum grade",
            "Feedback comments"
        ]
    );
    let rows: Vec<csv::StringRecord> = book.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let row = |name: &str| rows.iter().find(|r| &r[1] == name).expect(name).clone();
    assert_eq!(&row("alice.ron")[2], "100.0");
    // Bob has every claim and no link: half of the grade.
    assert_eq!(&row("bob.ron")[2], "50.0");
    assert!(
        row("bob.ron")[4].contains("drew 0 of its"),
        "{:?}",
        row("bob.ron")
    );
    let carol = row("carol.ron");
    assert_eq!(&carol[2], "");
    assert!(carol[4].contains("Could not be read"), "{carol:?}");
}
