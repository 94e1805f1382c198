//! Printed maps and slides, read back with a PDF library: page sizes,
//! embedded fonts, every claim's words as text, the structure screen
//! readers use, and the slides' order.

mod common;

use argmap::analysis::presentation;
use argmap::exchange::pdf::handout::{self, Print};
use argmap::exchange::pdf::slides;
use argmap::exchange::{Export, ExportError, Paper};
use argmap::model::{ClaimId, LinkKind, Map, Target};
use argmap::render::measure::display_text;
use lopdf::{Document, Object};

fn read(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("a PDF lopdf reads")
}

/// Runs of whitespace as one space, so words broken across lines compare.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each page's text, flattened.
fn texts(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .keys()
        .map(|&n| flat(&doc.extract_text(&[n]).expect("text")))
        .collect()
}

/// Each page's width and height in points.
fn sizes(doc: &Document) -> Vec<(f32, f32)> {
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_dictionary(id).expect("page");
            let b = page
                .get(b"MediaBox")
                .and_then(Object::as_array)
                .expect("media box");
            let n = |o: &Object| o.as_float().expect("number");
            (n(&b[2]) - n(&b[0]), n(&b[3]) - n(&b[1]))
        })
        .collect()
}

/// Whether `(w, h)` is `paper`, either way round, to a hundredth of a point.
fn is_paper((w, h): (f32, f32), paper: Paper) -> bool {
    let (pw, ph) = paper.size();
    let near = |a: f32, b: f32| (a - b).abs() < 0.01;
    (near(w, pw) && near(h, ph)) || (near(w, ph) && near(h, pw))
}

/// The fonts the document uses, and whether each is embedded.
fn fonts(doc: &Document) -> Vec<(String, bool)> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
        .map(|d| {
            let name = d
                .get(b"FontName")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            let embedded = [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.has(k));
            (name, embedded)
        })
        .collect()
}

fn debate() -> Map {
    common::debate()
}

#[test]
fn a_printed_map_has_every_claim_as_text_in_embedded_fonts_with_a_key_and_sources() {
    let map = debate();
    let bytes = handout::to_pdf(&map, Print::default()).expect("printed");
    let doc = read(&bytes);
    assert!(
        sizes(&doc).iter().all(|&s| is_paper(s, Paper::A4)),
        "{:?}",
        sizes(&doc)
    );
    let fonts = fonts(&doc);
    assert!(!fonts.is_empty());
    for (name, embedded) in &fonts {
        assert!(embedded, "{name} is not embedded");
        // A subset's name starts with six capitals and a plus.
        assert_eq!(
            name.as_bytes().get(6),
            Some(&b'+'),
            "{name} is not a subset"
        );
    }
    let all = texts(&doc).join(" ");
    for claim in &map.claims {
        let words = flat(&display_text(claim));
        assert!(
            all.contains(&words),
            "claim {} missing: {words}",
            claim.id.0
        );
    }
    assert!(all.contains(&flat(&map.title)));
    for words in [
        "Key",
        "Supports:",
        "Rebuts:",
        "Linked premises:",
        "Undercut:",
        "Sources",
    ] {
        assert!(all.contains(words), "{words}");
    }
    for source in &map.sources {
        assert!(all.contains(&flat(&source.title)), "{}", source.title);
    }
}

#[test]
fn a_map_too_large_to_read_on_one_page_is_tiled_and_each_page_names_its_neighbours() {
    let map = debate();
    let doc = read(&handout::to_pdf(&map, Print::default()).expect("printed"));
    let pages = texts(&doc);
    assert!(pages.len() > 2, "{} pages", pages.len());
    let tiles = pages.len() - 1;
    assert!(pages[0].contains(&format!("Printed across pages 2 to {}", tiles + 1)));
    for (k, text) in pages[1..].iter().enumerate() {
        assert!(
            text.contains(&format!("part {} of {tiles}", k + 1)),
            "page {}: {text}",
            k + 2
        );
        assert!(text.contains("Continues "), "page {}", k + 2);
    }
    // The first tile's right-hand neighbour is the next page.
    assert!(pages[1].contains("right: page 3"), "{}", pages[1]);
}

#[test]
fn letter_paper_and_a_map_fitted_to_one_page() {
    let map = debate();
    let print = Print {
        paper: Paper::Letter,
        fit: true,
    };
    let doc = read(&handout::to_pdf(&map, print).expect("printed"));
    let sizes = sizes(&doc);
    assert_eq!(sizes.len(), 1);
    assert!(is_paper(sizes[0], Paper::Letter), "{sizes:?}");
    let text = &texts(&doc)[0];
    for claim in &map.claims {
        assert!(
            text.contains(&flat(&display_text(claim))),
            "claim {}",
            claim.id.0
        );
    }
}

#[test]
fn a_small_map_prints_on_one_page_without_asking() {
    let map = common::small_map();
    let doc = read(&handout::to_pdf(&map, Print::default()).expect("printed"));
    assert_eq!(doc.get_pages().len(), 1);
    let text = &texts(&doc)[0];
    assert!(!text.contains("Printed across"));
    for claim in &map.claims {
        assert!(text.contains(&flat(&display_text(claim))));
    }
}

#[test]
fn printed_maps_and_slides_are_tagged_for_screen_readers() {
    for bytes in [
        handout::to_pdf(&debate(), Print::default()).expect("printed"),
        slides::to_slides(&debate()).expect("slides"),
    ] {
        let doc = read(&bytes);
        let catalog = doc.catalog().expect("catalog");
        assert!(catalog.has(b"StructTreeRoot"), "no structure");
        assert!(catalog.has(b"Outlines"), "no bookmarks");
        let lang = catalog
            .get(b"Lang")
            .and_then(Object::as_str)
            .expect("language");
        assert_eq!(lang, b"en");
        let marked = catalog
            .get(b"MarkInfo")
            .and_then(|m| doc.dereference(m).map(|(_, o)| o))
            .and_then(Object::as_dict)
            .and_then(|d| d.get(b"Marked"))
            .and_then(Object::as_bool)
            .expect("MarkInfo");
        assert!(marked);
        // The structure names headings, paragraphs and figures with words.
        let kinds: Vec<Vec<u8>> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"StructElem"))
            .filter_map(|d| {
                d.get(b"S")
                    .and_then(Object::as_name)
                    .ok()
                    .map(<[u8]>::to_vec)
            })
            .collect();
        for kind in [&b"H1"[..], b"H2", b"P", b"Figure"] {
            assert!(
                kinds.iter().any(|k| k == kind),
                "no {}",
                String::from_utf8_lossy(kind)
            );
        }
    }
}

#[test]
fn slides_have_a_title_page_then_one_page_per_step_in_order() {
    let map = debate();
    let steps = presentation::steps(&map);
    let doc = read(&slides::to_slides(&map).expect("slides"));
    let sizes = sizes(&doc);
    assert_eq!(sizes.len(), steps.len() + 1);
    assert!(
        sizes.iter().all(|&(w, h)| (w, h) == slides::SLIDE),
        "{sizes:?}"
    );
    assert!((slides::SLIDE.0 / slides::SLIDE.1 - 16.0 / 9.0).abs() < 0.01);
    let pages = texts(&doc);
    assert!(pages[0].contains(&flat(&map.title)));
    for (i, step) in steps.iter().enumerate() {
        let page = &pages[i + 1];
        assert!(
            page.contains(&flat(&step.title)),
            "slide {}: {}",
            i + 2,
            step.title
        );
        assert!(page.contains(&format!("Step {} of {}", i + 1, steps.len())));
        // Every claim of the step, and of the steps before, is on its slide.
        for claim in steps[..=i].iter().flat_map(|s| &s.claims) {
            let words = flat(&display_text(map.claim(*claim).expect("claim")));
            assert!(page.contains(&words), "slide {}: {words}", i + 2);
        }
        // And no claim of a later step.
        for claim in steps[i + 1..].iter().flat_map(|s| &s.claims) {
            let words = flat(&display_text(map.claim(*claim).expect("claim")));
            assert!(
                !page.contains(&words),
                "slide {} shows too soon: {words}",
                i + 2
            );
        }
    }
}

#[test]
fn the_same_map_prints_the_same_bytes() {
    let map = debate();
    // Compared as a whole, not byte by byte: a difference would print megabytes.
    let same = |a: Vec<u8>, b: Vec<u8>| a == b;
    assert!(same(
        handout::to_pdf(&map, Print::default()).expect("one"),
        handout::to_pdf(&map, Print::default()).expect("two")
    ));
    assert!(same(
        slides::to_slides(&map).expect("one"),
        slides::to_slides(&map).expect("two")
    ));
}

#[test]
fn an_empty_map_prints_its_key_but_has_nothing_to_present() {
    let map = Map::default();
    let doc = read(&handout::to_pdf(&map, Print::default()).expect("printed"));
    assert_eq!(doc.get_pages().len(), 1);
    assert!(texts(&doc)[0].contains("Argument map"));
    assert_eq!(slides::to_slides(&map), Err(ExportError::NothingToPresent));
}

/// Claims far apart: a map that would take thousands of readable pages.
fn sprawling() -> Map {
    let mut map = Map::default();
    for id in 1..=40u64 {
        let at = (id - 1) as f32 * 4000.0;
        map.claims
            .push(common::claim(id, &format!("Claim {id}"), at, at));
        if id > 1 {
            map.links.push(common::link(
                id,
                LinkKind::Support,
                &[id],
                Target::Claim(ClaimId(id - 1)),
            ));
        }
    }
    map
}

#[test]
fn a_map_that_needs_too_many_pages_is_refused_with_the_way_out() {
    let map = sprawling();
    let refused = handout::to_pdf(&map, Print::default()).expect_err("too many pages");
    assert!(
        matches!(refused, ExportError::TooManyPages { pages, most } if pages > most),
        "{refused:?}"
    );
    assert!(
        refused.to_string().contains("fitted to one page"),
        "{refused}"
    );
    let fitted = Print {
        fit: true,
        ..Print::default()
    };
    let doc = read(&handout::to_pdf(&map, fitted).expect("fitted"));
    assert_eq!(doc.get_pages().len(), 1);
}

#[test]
fn the_export_command_prints_on_the_paper_asked_for_and_needs_a_file() {
    let dir = tempfile::tempdir().expect("temp");
    let map_path = dir.path().join("map.ron");
    argmap::format::save(&debate(), &map_path).expect("save");
    let out = dir.path().join("map.pdf");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
            .args(args)
            .output()
            .expect("run")
    };
    let map_arg = map_path.to_str().expect("utf8");
    let out_arg = out.to_str().expect("utf8");
    common::succeeded(
        &run(&[
            "export", map_arg, "--to", "pdf", "--paper", "letter", "--fit", "-o", out_arg,
        ]),
        "export --to pdf",
    );
    let doc = read(&std::fs::read(&out).expect("written"));
    assert_eq!(doc.get_pages().len(), 1);
    assert!(is_paper(sizes(&doc)[0], Paper::Letter));
    let refused = run(&["export", map_arg, "--to", "slides"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("needs -o FILE.pdf"), "{said}");
    assert_eq!(Export::Slides.extension(), "pdf");
}
