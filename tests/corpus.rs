//! The bundled articles: metadata complete, texts clean, and byte offsets that
//! behave on curly quotes and dashes.

use argmap::corpus;
use argmap::model::SourceId;

#[test]
fn every_article_has_metadata_and_text() {
    let articles = corpus::articles();
    assert_eq!(articles.len(), 5);
    assert_eq!(corpus::text_files().count(), 5, "a text without metadata");
    for article in articles {
        assert!(
            !article.title.is_empty() && !article.authors.is_empty(),
            "{}",
            article.id
        );
        assert!(
            !article.publication.is_empty() && !article.date.is_empty(),
            "{}",
            article.id
        );
        assert!(!article.stance.is_empty(), "{}", article.id);
        assert!(
            article.text.len() > 3000,
            "{} is suspiciously short",
            article.id
        );
        assert!(corpus::is_bundled(article));
    }
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "kimmage-2018",
            "kramer-2017",
            "lo-2017",
            "newton-2016",
            "tamkin-gramer-2018"
        ]
    );
}

#[test]
fn texts_are_clean_paragraphs_without_page_furniture() {
    for article in corpus::articles() {
        let text = &article.text;
        for furniture in [
            "Subscribe",
            "Taboola",
            "Trending Now",
            "REUTERS",
            "Getty Images",
            "Image:",
            "Editor’s Note",
            "AN ACCIDENT WAITING TO HAPPEN: TRUMP",
        ] {
            assert!(
                !text.contains(furniture),
                "{} still has '{furniture}'",
                article.id
            );
        }
        assert!(
            !text.contains("\n\n\n"),
            "{}: runs of blank lines",
            article.id
        );
        assert!(!text.contains("  "), "{}: double spaces", article.id);
        for paragraph in text.split("\n\n") {
            assert!(
                !paragraph.contains('\n'),
                "{}: hard line break in {paragraph:?}",
                article.id
            );
            assert_eq!(
                paragraph,
                paragraph.trim(),
                "{}: stray whitespace",
                article.id
            );
        }
        // No paragraph appears twice (pull quotes were repeats of body text).
        let mut seen = std::collections::BTreeSet::new();
        for paragraph in text.split("\n\n") {
            assert!(
                seen.insert(paragraph),
                "{}: repeated paragraph {paragraph:?}",
                article.id
            );
        }
    }
}

#[test]
fn lowy_report_has_joined_lines_superscript_notes_and_a_notes_section() {
    let lo = corpus::article(&SourceId::new("lo-2017")).expect("lo");
    assert!(
        lo.text
            .contains("in more than a century.¹ When Donald Trump emerged")
    );
    assert!(lo.text.contains("a dog-eat-dog world."));
    assert!(lo.text.contains("at the G20 summit") || lo.text.contains("Hamburg G20 summit"));
    assert!(lo.text.contains("flight MH17."));
    assert!(
        lo.text
            .contains("\n\n# NOTES\n\n1 Although the Second World War")
    );
    // Footnote markers run 1..=86 in the body, each once, in order.
    let body = &lo.text[..lo.text.find("# NOTES").expect("notes")];
    let superscript = |c: char| {
        "⁰¹²³⁴⁵⁶⁷⁸⁹"
            .find(c)
            .map(|i| "⁰¹²³⁴⁵⁶⁷⁸⁹"[..i].chars().count())
    };
    let mut markers = Vec::new();
    let mut current: Option<usize> = None;
    for c in body.chars() {
        match superscript(c) {
            Some(d) => current = Some(current.unwrap_or(0) * 10 + d),
            None => markers.extend(current.take()),
        }
    }
    assert_eq!(markers, (1..=86).collect::<Vec<_>>());
    // The pull quote that interrupted a sentence is gone.
    assert!(
        lo.text
            .contains("In time, he will demand tangible progress")
    );
}

#[test]
fn byte_offsets_land_on_character_boundaries_around_curly_quotes_and_dashes() {
    let kramer = corpus::article(&SourceId::new("kramer-2017")).expect("kramer");
    let passage = "Putin’s regime simply doesn’t abide by agreements it has signed or inherited.";
    let start = kramer.text.find(passage).expect("passage is verbatim");
    let end = start + passage.len();
    assert_eq!(&kramer.text[start..end], passage);
    // ’ is three bytes: the passage is longer in bytes than in characters.
    assert_eq!(passage.len(), passage.chars().count() + 4);
    assert!(!kramer.text.is_char_boundary(start + "Putin".len() + 1));
    let kimmage = corpus::article(&SourceId::new("kimmage-2018")).expect("kimmage");
    assert!(
        kimmage
            .text
            .contains("Their encounter—coming amid cascading revelations")
    );
    assert!(
        kimmage
            .text
            .contains("A nonrelationship with Russia is simply not in the U.S. national interest.")
    );
}
