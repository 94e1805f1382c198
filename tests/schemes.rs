//! The catalogue of argument schemes, and critical questions open and
//! answered on a map.

mod common;

use argmap::model::{Edit, LinkId, LinkKind, Target};
use argmap::schemes::{Answer, Catalogue, OpenQuestion, asked, open_questions};

#[test]
fn the_bundled_catalogue_has_the_schemes_most_taught_each_with_questions() {
    let catalogue = Catalogue::bundled();
    let wanted = [
        "analogy",
        "example",
        "expert_opinion",
        "position_to_know",
        "positive_consequences",
        "negative_consequences",
        "practical_reasoning",
        "cause_to_effect",
        "correlation_to_cause",
        "sign",
        "precedent",
        "popular_opinion",
        "commitment",
        "ad_hominem",
        "slippery_slope",
        "verbal_classification",
    ];
    for id in wanted {
        let scheme = catalogue
            .scheme(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert!(!scheme.questions.is_empty(), "{id} has no questions");
        assert!(!scheme.premises.is_empty(), "{id} has no premises");
        assert!(
            scheme.premises.iter().all(|p| p.contains(": ")),
            "{id}: each premise names its role"
        );
        assert!(!scheme.conclusion.is_empty() && !scheme.summary.is_empty());
        for q in &scheme.questions {
            assert!(
                q.text.ends_with('?'),
                "{id}: {:?} is not a question",
                q.text
            );
        }
    }
    // Every scheme can tag at least one kind of link, and there are schemes
    // for rebuts too.
    assert!(catalogue.schemes.iter().all(|s| !s.fits.is_empty()));
    assert!(catalogue.fitting(LinkKind::Rebut).count() >= 3);
}

#[test]
fn a_broken_catalogue_is_refused_with_a_reason() {
    let repeated = r#"(schemes: [
        (id: "a", name: "A", aif: "A", fits: [Support], summary: "", premises: [], conclusion: "",
         questions: [(id: "q", text: "Q?"), (id: "q", text: "Again?")]),
    ])"#;
    let error = Catalogue::parse(repeated).expect_err("repeated question id");
    assert!(error.contains("repeated"), "{error}");
    let no_questions = r#"(schemes: [
        (id: "a", name: "A", aif: "A", fits: [Support], summary: "", premises: [], conclusion: "", questions: []),
    ])"#;
    let error = Catalogue::parse(no_questions).expect_err("a scheme without questions");
    assert!(
        error.contains("scheme \"a\"") && error.contains("questions"),
        "{error}"
    );
    // A syntax error says where: line and column.
    let error = Catalogue::parse("(schemes: [(id: 3)])").expect_err("an id that is no string");
    assert!(error.starts_with("1:16"), "{error}");
    assert!(error.contains("string"), "{error}");
}

#[test]
fn other_tools_names_for_a_scheme_are_recognised() {
    let catalogue = Catalogue::bundled();
    for (name, id) in [
        ("Analogy", "analogy"),
        ("Argument From Analogy", "analogy"),
        ("From-analogy", "analogy"),
        ("Expert Opinion", "expert_opinion"),
        ("argument from expert opinion", "expert_opinion"),
        ("Position To Know", "position_to_know"),
        ("Cause To Effect", "cause_to_effect"),
        ("Generic Ad Hominem", "ad_hominem"),
        ("Slippery Slope", "slippery_slope"),
    ] {
        assert_eq!(
            catalogue.find(name).map(|s| s.id.as_str()),
            Some(id),
            "{name}"
        );
    }
    assert!(catalogue.find("Calling Out").is_none());
    assert!(catalogue.find("").is_none());
}

/// The small map with link 1 (claim 2 supports claim 1) read as an argument
/// from expert opinion.
fn tagged() -> argmap::model::Map {
    let mut map = common::small_map();
    Edit::SetScheme {
        link: LinkId(1),
        scheme: "expert_opinion".into(),
    }
    .apply(&mut map)
    .expect("tag");
    map
}

#[test]
fn a_tagged_link_has_its_schemes_questions_open_until_answered() {
    let catalogue = Catalogue::bundled();
    let mut map = tagged();
    let questions = catalogue.scheme("expert_opinion").unwrap().questions.len();
    assert_eq!(open_questions(&map, catalogue).len(), questions);

    // Raise one as an objection (an undercut marked with the question) and
    // meet another (a support of the inference).
    let next = map.next_link_id().0;
    let mut raise = common::link(next, LinkKind::Rebut, &[3], Target::Link(LinkId(1)));
    raise.question = "trustworthy".into();
    let mut meet = common::link(next + 1, LinkKind::Support, &[4], Target::Link(LinkId(1)));
    meet.question = "said".into();
    Edit::Batch(vec![Edit::AddLink(raise), Edit::AddLink(meet)])
        .apply(&mut map)
        .expect("answer");

    let open = open_questions(&map, catalogue);
    assert_eq!(open.len(), questions - 2);
    assert!(!open.contains(&OpenQuestion {
        link: LinkId(1),
        question: "trustworthy".into()
    }));
    let states: Vec<(String, Answer)> = asked(&map, catalogue, LinkId(1))
        .into_iter()
        .map(|a| (a.question.id.clone(), a.answer))
        .collect();
    assert!(states.contains(&("trustworthy".into(), Answer::Raised(LinkId(next)))));
    assert!(states.contains(&("said".into(), Answer::Met(LinkId(next + 1)))));
    assert!(states.contains(&("expertise".into(), Answer::Open)));

    // Untagging the link leaves no question open; the answers stay.
    Edit::SetScheme {
        link: LinkId(1),
        scheme: String::new(),
    }
    .apply(&mut map)
    .expect("untag");
    assert!(open_questions(&map, catalogue).is_empty());
    assert_eq!(map.links.len(), 6);
}

#[test]
fn a_scheme_the_catalogue_does_not_know_asks_nothing() {
    let mut map = common::small_map();
    Edit::SetScheme {
        link: LinkId(1),
        scheme: "Calling Out".into(),
    }
    .apply(&mut map)
    .expect("tag");
    let catalogue = Catalogue::bundled();
    assert!(open_questions(&map, catalogue).is_empty());
    assert!(asked(&map, catalogue, LinkId(1)).is_empty());
    assert_eq!(catalogue.display_name("Calling Out"), "Calling Out");
    assert_eq!(catalogue.display_name("analogy"), "Argument from analogy");
}

#[test]
fn tagging_and_answering_undo_exactly() {
    let before = common::small_map();
    let mut map = before.clone();
    let undo_tag = Edit::SetScheme {
        link: LinkId(1),
        scheme: "analogy".into(),
    }
    .apply(&mut map)
    .expect("tag");
    let mut raise = common::link(9, LinkKind::Rebut, &[3], Target::Link(LinkId(1)));
    raise.question = "differences".into();
    let undo_add = Edit::AddLink(raise).apply(&mut map).expect("raise");
    let undo_question = Edit::SetQuestion {
        link: LinkId(9),
        question: "counter_case".into(),
    }
    .apply(&mut map)
    .expect("change question");
    assert_eq!(map.link(LinkId(9)).unwrap().question, "counter_case");
    for undo in [undo_question, undo_add, undo_tag] {
        undo.apply(&mut map).expect("undo");
    }
    assert_eq!(map, before);
}
