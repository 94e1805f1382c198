//! Comparing a student's map with a model answer: exact on known differences,
//! blind to layout and order, and the CLI that grades a folder.

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
