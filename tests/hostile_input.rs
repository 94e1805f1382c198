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
