//! Whatever a user feeds in (cut-off files, stray bytes, other tools' files
//! edited by hand, anything on the clipboard) is refused or read, never a
//! panic, and anything read is a valid map.

mod common;

use argmap::app::edit_builders::clipboard;
use argmap::exchange::{aif, argdown};
use argmap::format::{self, Syntax};
use argmap::model::{Map, Point, validate};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Exports of the debate in each text format, made once.
fn texts() -> &'static (String, String, String, String) {
    static TEXTS: OnceLock<(String, String, String, String)> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let map = common::debate();
        (
            format::to_ron(&map).expect("encode"),
            aif::to_ova(&map),
            aif::to_aifdb(&map),
            argdown::to_argdown(&map),
        )
    })
}

/// `text` with `cut` bytes dropped at `at` and `insert` put there, kept on
/// character boundaries.
fn damage(text: &str, at: usize, cut: usize, insert: &str) -> String {
    let mut start = at % (text.len() + 1);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + cut).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{}{insert}{}", &text[..start], &text[end..])
}

fn assert_valid(map: &Map) {
    assert_eq!(validate(map), vec![], "whatever is read is a valid map");
}

/// Fragments that matter to these formats: brackets, quotes, ids, escapes.
fn noise() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\"".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("\\u{d800}".to_owned()),
        Just("\\".to_owned()),
        Just("\"nodeID\": 9999999999999999999999,".to_owned()),
        Just("-1".to_owned()),
        Just("1e400".to_owned()),
        Just("<".to_owned()),
        Just("[[".to_owned()),
        Just("\n  - ".to_owned()),
        Just("\u{202e}é".to_owned()),
        "\\PC{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_argmap_files_are_refused_or_valid(at in any::<usize>(), cut in 0usize..40, insert in noise()) {
        let text = damage(&texts().0, at, cut, &insert);
        if let Ok(map) = format::read(text.as_bytes(), Syntax::Ron) {
            assert_valid(&map);
        }
    }

    #[test]
    fn damaged_aif_files_are_refused_or_valid(
        at in any::<usize>(),
        cut in 0usize..40,
        insert in noise(),
        ova in any::<bool>(),
    ) {
        let source = if ova { &texts().1 } else { &texts().2 };
        let text = damage(source, at, cut, &insert);
        if let Ok((map, _)) = aif::import(&text) {
            assert_valid(&map);
        }
    }

    #[test]
    fn damaged_argdown_is_refused_or_valid(at in any::<usize>(), cut in 0usize..40, insert in noise()) {
        let text = damage(&texts().3, at, cut, &insert);
        if let Ok(map) = argdown::read(&text) {
            assert_valid(&map);
        }
    }

    #[test]
    fn any_text_is_refused_or_read(text in "\\PC{0,300}") {
        if let Ok(map) = format::read(text.as_bytes(), Syntax::Ron) {
            assert_valid(&map);
        }
        if let Ok(map) = format::read(text.as_bytes(), Syntax::Json) {
            assert_valid(&map);
        }
        if let Ok((map, _)) = aif::import(&text) {
            assert_valid(&map);
        }
        if let Ok(map) = argdown::read(&text) {
            assert_valid(&map);
        }
    }

    #[test]
    fn anything_pasted_leaves_a_valid_map(at in any::<usize>(), cut in 0usize..40, insert in noise(), plain in any::<bool>()) {
        let mut map = common::debate();
        let text = if plain {
            insert
        } else {
            damage(&texts().0, at, cut, &insert)
        };
        if let Ok(pasted) = clipboard::paste_text(&map, &text, Point::new(0.0, 0.0), |_| true, None) {
            pasted.edit.apply(&mut map).expect("a paste that is offered applies");
            assert_valid(&map);
        }
    }
}

/// Texts as long as a map holds, or nearly: one long word, line after line,
/// many short words, anything printable.
fn long_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (1usize..9_000).prop_map(|n| "x".repeat(n)),
        (1usize..3_000).prop_map(|n| "\n".repeat(n)),
        (1usize..1_800).prop_map(|n| "word ".repeat(n)),
        "\\PC{0,200}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Any map within the limits lays out with Tidy, exports in every
    /// format (a PNG at a small scale) and comes back from what Argmap
    /// writes for other tools, whatever its texts.
    #[test]
    fn every_command_takes_any_map_within_the_limits(
        which in 0usize..4,
        text in long_text(),
        label in "\\PC{0,40}",
    ) {
        let mut map = common::small_map();
        map.claims[which].text = text;
        map.claims[which].label = label;
        prop_assume!(validate(&map).is_empty());
        let mut tidied = map.clone();
        argmap::render::measure::tidy(&mut tidied);
        assert_valid(&tidied);
        for kind in argmap::exchange::Export::all() {
            let options = argmap::exchange::Options { scale: 0.25, ..Default::default() };
            let made = kind.render(&map, &options);
            prop_assert!(made.is_ok(), "{}: {:?}", kind.label(), made.err());
        }
        let (back, _) = aif::import(&aif::to_aifdb(&map)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.claims.len(), map.claims.len());
        let back = argdown::read(&argdown::to_argdown(&map)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.claims.len(), map.claims.len());
    }

    /// Texts past the limits are refused when read, with a message naming
    /// the text, so every command agrees on what a map may hold.
    #[test]
    fn texts_past_the_limits_are_refused_by_name(extra in 1usize..50) {
        let mut map = common::small_map();
        map.claims[0].text = "y".repeat(argmap::model::MAX_TEXT_CHARS + extra);
        let text = format::to_ron(&map).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let error = format::read(text.as_bytes(), Syntax::Ron).expect_err("too long");
        prop_assert!(error.to_string().contains("claim 1's text is"), "{}", error);
    }
}
