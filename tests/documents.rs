//! The readers of a teacher's own articles, on documents made here from the
//! bundled articles: each article set as a news page with furniture around
//! it, typeset as a PDF (one and two columns, hyphenated, with running
//! heads, page numbers, footnote marks and pull quotes), and written as a
//! Word file. What comes back must equal the bundled clean text, paragraph
//! for paragraph, with the title and authors found.

use argmap::corpus;
use argmap::documents::{self, DocumentError, Kind};
use argmap::model::Source;
use std::io::Write;

fn paragraphs(source: &Source) -> Vec<String> {
    source.text.split("\n\n").map(str::to_owned).collect()
}

/// Where the readings first differ, for a failure worth reading.
fn assert_same(article: &Source, read: &[String], what: &str) {
    let expected = paragraphs(article);
    for (n, (want, got)) in expected.iter().zip(read).enumerate() {
        assert_eq!(got, want, "{what} of {}: paragraph {}", article.id, n + 1);
    }
    assert_eq!(
        read.len(),
        expected.len(),
        "{what} of {}: paragraph count",
        article.id
    );
}

// ---- Web pages ----

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('’', "&rsquo;")
        .replace('—', "&mdash;")
        .replace('“', "&#8220;")
}

/// A paragraph as a page writes it: entities, a link and emphasis inside,
/// and the source wrapped over several lines.
fn marked_up(text: &str, n: usize) -> String {
    let escaped = escape(text);
    let mut words: Vec<String> = escaped.split(' ').map(str::to_owned).collect();
    if n.is_multiple_of(3) && words.len() > 2 {
        words[0] = format!("<em>{}</em>", words[0]);
        words[1] = format!("<a href=\"/topic/{n}\">{}</a>", words[1]);
    }
    words
        .chunks(9)
        .map(|c| c.join(" "))
        .collect::<Vec<_>>()
        .join("\n        ")
}

fn news_page(article: &Source) -> String {
    let mut body = String::new();
    let mut in_list = false;
    for (n, paragraph) in paragraphs(article).iter().enumerate() {
        let item = paragraph.strip_prefix("- ");
        if in_list && item.is_none() {
            body.push_str("</ul>\n");
            in_list = false;
        }
        if let Some(heading) = paragraph.strip_prefix("# ") {
            body.push_str(&format!("<h2>{}</h2>\n", escape(heading)));
        } else if let Some(item) = item {
            if !in_list {
                body.push_str("<ul class=\"points\">\n");
                in_list = true;
            }
            body.push_str(&format!("<li>{}</li>\n", marked_up(item, n)));
        } else {
            body.push_str(&format!("<p>{}</p>\n", marked_up(paragraph, n)));
        }
        // Furniture between the paragraphs, as news pages interleave it.
        match n % 7 {
            1 => body.push_str(
                "<figure class=\"photo\"><img src=\"a.jpg\"><figcaption>Presidents meet in Helsinki. Photo: Agency</figcaption></figure>\n",
            ),
            2 => body.push_str(
                "<div class=\"social-share\"><a>Share on Facebook</a> <a>Tweet this</a></div>\n",
            ),
            3 => body.push_str(&format!(
                "<blockquote class=\"pull-quote\">{}</blockquote>\n",
                escape(&paragraph.chars().take(60).collect::<String>())
            )),
            4 => body.push_str("<div class=\"ad-container\" id=\"ad-slot-4\">Advertisement: Subscribe for $1 a week</div>\n"),
            5 => body.push_str(
                "<aside class=\"newsletter-signup\"><p>Get our weekly briefing in your inbox every Friday morning.</p><form><input type=\"email\"><button>Sign up</button></form></aside>\n",
            ),
            _ => {}
        }
    }
    if in_list {
        body.push_str("</ul>\n");
    }
    let authors = article.authors.join(" and ");
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {publication}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{publication}">
<meta name="author" content="{authors}">
<script>window.dataLayer = [];</script><style>p {{ margin: 0 }}</style>
</head><body>
<div class="cookie-consent" role="dialog">We use cookies to improve your experience. <button>Accept all</button></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
<main>
<article class="story">
<header><h1>{title}</h1><p class="byline">By {authors}</p></header>
<div class="story-body">
{body}</div>
<section class="author-bio"><p>{authors} writes about foreign policy and has held posts in several administrations over many years.</p></section>
</article>
<section class="related-stories"><h3>More from {publication}</h3><ul><li><a>Why sanctions still matter in the long and difficult contest with Moscow</a></li><li><a>The summit that was not, and what comes after it</a></li></ul></section>
</main>
<footer><p>© {publication}. All rights reserved. Terms of use and the privacy policy of this site apply.</p></footer>
</body></html>"#,
        title = escape(&article.title),
        publication = escape(&article.publication),
    )
}

#[test]
fn every_bundled_article_comes_back_from_a_news_page() {
    for article in corpus::articles() {
        let page = news_page(article);
        let reading = documents::read("story.html", page.as_bytes()).unwrap();
        assert_eq!(reading.kind, Kind::Html);
        assert_same(article, &reading.paragraphs, "the news page");
        assert_eq!(reading.about.title, article.title);
        assert_eq!(reading.about.authors, article.authors);
        assert_eq!(reading.about.publication, article.publication);
        let dropped = reading.dropped.join("\n");
        for furniture in [
            "Share on Facebook",
            "Subscribe for",
            "weekly briefing",
            "Home",
            "cookies",
            "rights reserved",
            "Presidents meet",
        ] {
            assert!(
                dropped.contains(furniture),
                "{}: {furniture} not dropped",
                article.id
            );
        }
        let text = reading.text();
        for furniture in [
            "Share on",
            "Advertisement",
            "More from",
            "writes about foreign policy",
        ] {
            assert!(
                !text.contains(furniture),
                "{}: {furniture} kept",
                article.id
            );
        }
    }
}

// ---- Word files ----

/// A minimal Word document, as Word writes one: styles named in English
/// with translated ids, a title, headings, numbered list items, runs split
/// mid-word, and the core properties.
fn word_file(article: &Source) -> Vec<u8> {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let run = |text: &str| {
        // Word splits runs where formatting or editing history changes.
        let middle = text
            .char_indices()
            .map(|(i, _)| i)
            .nth(text.chars().count() / 2)
            .unwrap_or(0);
        let (a, b) = text.split_at(middle);
        format!(
            r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            xml(a),
            xml(b)
        )
    };
    let mut body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr>{}</w:p>"#,
        run(&article.title)
    );
    for paragraph in paragraphs(article) {
        body.push_str(&if let Some(heading) = paragraph.strip_prefix("# ") {
            format!(r#"<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr>{}</w:p>"#, run(heading))
        } else if let Some(item) = paragraph.strip_prefix("- ") {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
                run(item)
            )
        } else {
            format!("<w:p>{}</w:p><w:p/>", run(&paragraph))
        });
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style></w:styles>"#
    );
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2018-07-11T08:00:00Z</dcterms:created></cp:coreProperties>"#,
        xml(&article.title),
        xml(&article.authors.join("; "))
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_owned()),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("docProps/core.xml", core),
    ] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("a file in the archive");
        zip.write_all(text.as_bytes()).expect("written to memory");
    }
    zip.finish().expect("the archive finished").into_inner()
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn every_bundled_article_comes_back_from_a_word_file() {
    for article in corpus::articles() {
        let reading = documents::read("essay.docx", &word_file(article)).unwrap();
        assert_eq!(reading.kind, Kind::Docx);
        assert_same(article, &reading.paragraphs, "the Word file");
        assert_eq!(reading.about.title, article.title);
        assert_eq!(reading.about.authors, article.authors);
        assert_eq!(reading.about.date, "11 July 2018");
    }
}

#[test]
fn argmap_s_own_word_outline_reads_back() {
    let map = argmap::format::from_ron(corpus::examples()[0].text).unwrap();
    let docx = argmap::exchange::docx::to_docx(&map).unwrap();
    let reading = documents::read("outline.docx", &docx).unwrap();
    let outline = argmap::exchange::essay::to_outline(&map);
    let headings: Vec<&String> = reading
        .paragraphs
        .iter()
        .filter(|p| p.starts_with("# "))
        .collect();
    assert_eq!(
        headings.len(),
        outline.lines().filter(|l| l.starts_with('#')).count()
    );
    assert!(
        reading
            .paragraphs
            .iter()
            .filter(|p| p.starts_with("- "))
            .count()
            > 10
    );
}

// ---- PDFs ----

mod typeset {
    //! A small typesetter for the tests: words measured in the app's own
    //! font, lines filled and hyphenated, pages with furniture.

    use krilla::geom::Point;
    use krilla::metadata::Metadata;
    use krilla::page::PageSettings;
    use krilla::text::{Font, TextDirection};

    const WIDTH: f32 = 595.0;
    const HEIGHT: f32 = 842.0;
    const MARGIN: f32 = 72.0;
    const BODY: f32 = 10.5;
    const LEADING: f32 = 14.0;

    pub struct Options {
        pub columns: usize,
        pub header: String,
    }

    struct Measure<'a> {
        face: ttf_parser::Face<'a>,
    }

    impl Measure<'_> {
        fn width(&self, text: &str, size: f32) -> f32 {
            let per_unit = size / f32::from(self.face.units_per_em());
            text.chars()
                .map(|c| {
                    self.face
                        .glyph_index(c)
                        .and_then(|g| self.face.glyph_hor_advance(g))
                        .map_or(size * 0.5, |a| f32::from(a) * per_unit)
                })
                .sum()
        }
    }

    /// Breaks a paragraph into lines no wider than `width`: at spaces,
    /// after a word's own hyphen, and inside long words with an added one.
    fn lines(measure: &Measure, text: &str, size: f32, width: f32) -> Vec<String> {
        // Pieces: each word, split after its own hyphens; `true` when a
        // space follows the piece.
        let mut pieces: Vec<(String, bool)> = Vec::new();
        for word in text.split(' ') {
            let parts: Vec<&str> = word.split_inclusive('-').collect();
            for (i, part) in parts.iter().enumerate() {
                pieces.push(((*part).to_owned(), i + 1 == parts.len()));
            }
        }
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut spaced = false;
        let mut queue: std::collections::VecDeque<(String, bool)> = pieces.into();
        while let Some((piece, space_after)) = queue.pop_front() {
            let candidate = if line.is_empty() {
                piece.clone()
            } else if spaced {
                format!("{line} {piece}")
            } else {
                format!("{line}{piece}")
            };
            if measure.width(&candidate, size) <= width || line.is_empty() {
                line = candidate;
                spaced = space_after;
                continue;
            }
            // A long lower-case word is hyphenated where the rest fits.
            let letters: Vec<char> = piece.chars().collect();
            if letters.len() >= 8 && letters.iter().all(|c| c.is_lowercase()) {
                let joiner = if spaced { " " } else { "" };
                let split = (3..letters.len() - 3).rev().find(|&at| {
                    let head: String = letters[..at].iter().collect();
                    measure.width(&format!("{line}{joiner}{head}-"), size) <= width
                });
                if let Some(at) = split {
                    let head: String = letters[..at].iter().collect();
                    let tail: String = letters[at..].iter().collect();
                    lines.push(format!("{line}{joiner}{head}-"));
                    line = String::new();
                    queue.push_front((tail, space_after));
                    continue;
                }
            }
            lines.push(std::mem::take(&mut line));
            queue.push_front((piece, space_after));
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// One thing to print, in order: its lines, size, indent, space above.
    struct Printed {
        lines: Vec<String>,
        size: f32,
        above: f32,
        note_mark: Option<u32>,
    }

    pub fn pdf(article: &argmap::model::Source, options: &Options) -> Vec<u8> {
        let data = epaint_default_fonts::UBUNTU_LIGHT;
        let measure = Measure {
            face: ttf_parser::Face::parse(data, 0).expect("the bundled font"),
        };
        let font = Font::new(data.to_vec().into(), 0).expect("the bundled font");
        let gutter = 18.0;
        let columns = options.columns as f32;
        let column_width = (WIDTH - 2.0 * MARGIN - gutter * (columns - 1.0)) / columns;

        let mut printed = Vec::new();
        for (n, paragraph) in article.text.split("\n\n").enumerate() {
            if let Some(heading) = paragraph.strip_prefix("# ") {
                printed.push(Printed {
                    lines: lines(&measure, heading, 14.0, column_width),
                    size: 14.0,
                    above: 12.0,
                    note_mark: None,
                });
            } else if let Some(item) = paragraph.strip_prefix("- ") {
                printed.push(Printed {
                    lines: lines(&measure, &format!("• {item}"), BODY, column_width),
                    size: BODY,
                    above: 4.0,
                    note_mark: None,
                });
            } else {
                printed.push(Printed {
                    lines: lines(&measure, paragraph, BODY, column_width),
                    size: BODY,
                    above: 7.0,
                    note_mark: (n % 4 == 1).then_some(n as u32),
                });
            }
            // A pull quote: the paragraph's opening words, large.
            if n % 6 == 2 && !paragraph.starts_with(['#', '-']) {
                let words: Vec<&str> = paragraph.split(' ').take(8).collect();
                printed.push(Printed {
                    lines: lines(&measure, &words.join(" "), 17.0, column_width),
                    size: 17.0,
                    above: 16.0,
                    note_mark: None,
                });
            }
        }

        // Laid out first, then printed: a page borrows the document.
        let mut pages: Vec<Vec<(f32, f32, f32, String)>> = Vec::new();
        let mut column = options.columns; // starts a page at once
        let mut y = 0.0;
        let top = MARGIN + 10.0;
        let bottom = HEIGHT - MARGIN;
        for item in printed {
            let leading = item.size * LEADING / BODY;
            y += item.above;
            for (i, line) in item.lines.iter().enumerate() {
                if column == options.columns || y + leading > bottom {
                    column += 1;
                    if column >= options.columns {
                        column = 0;
                        let number = pages.len() + 1;
                        pages.push(vec![
                            (MARGIN, 40.0, 8.0, options.header.clone()),
                            (WIDTH / 2.0, HEIGHT - 36.0, 8.0, number.to_string()),
                        ]);
                    }
                    y = top;
                }
                y += leading;
                let x = MARGIN + column as f32 * (column_width + gutter);
                let Some(page) = pages.last_mut() else {
                    unreachable!()
                };
                page.push((x, y, item.size, line.clone()));
                if let Some(mark) = item.note_mark
                    && i + 1 == item.lines.len()
                {
                    let end = x + measure.width(line, item.size) + 0.5;
                    page.push((end, y - 4.0, 6.0, mark.to_string()));
                }
            }
        }
        let mut document = krilla::Document::new();
        for texts in pages {
            let mut page =
                document.start_page_with(PageSettings::from_wh(WIDTH, HEIGHT).expect("an A4 page"));
            let mut surface = page.surface();
            for (x, y, size, text) in texts {
                surface.draw_text(
                    Point::from_xy(x, y),
                    font.clone(),
                    size,
                    &text,
                    false,
                    TextDirection::LeftToRight,
                );
            }
            surface.finish();
            page.finish();
        }
        document.set_metadata(
            Metadata::new()
                .title(article.title.clone())
                .authors(article.authors.clone()),
        );
        document.finish().expect("the PDF written")
    }
}

#[test]
fn every_bundled_article_comes_back_from_a_typeset_pdf() {
    for (n, article) in corpus::articles().iter().enumerate() {
        let options = typeset::Options {
            columns: 1 + n % 2,
            header: format!("{} · {}", article.publication, article.date),
        };
        let pdf = typeset::pdf(article, &options);
        let reading = documents::read("report.pdf", &pdf).unwrap();
        assert_eq!(reading.kind, Kind::Pdf);
        assert_same(
            article,
            &reading.paragraphs,
            &format!("the {}-column PDF", options.columns),
        );
        assert_eq!(reading.about.title, article.title);
        assert_eq!(reading.about.authors, article.authors);
        let dropped = reading.dropped.join("\n");
        assert!(dropped.contains("page numbers"), "{dropped}");
        assert!(dropped.contains(&options.header), "{dropped}");
        assert!(dropped.contains("pull quote"), "{dropped}");
        assert!(dropped.contains("footnote marks"), "{dropped}");
    }
}

// ---- Bad documents ----

#[test]
fn bad_documents_are_refused_with_what_is_wrong() {
    let refused = |name: &str, bytes: &[u8]| documents::read(name, bytes).unwrap_err();
    assert!(matches!(
        refused("scan.pdf", b"%PDF-1.4 not really"),
        DocumentError::Damaged { kind: "PDF", .. }
    ));
    assert_eq!(
        refused(
            "page.html",
            b"<html><body><nav><a>Home</a></nav></body></html>"
        ),
        DocumentError::NoArticle
    );
    assert!(matches!(
        refused("essay.docx", b"PK\x03\x04\x14\0broken"),
        DocumentError::Damaged {
            kind: "Word document",
            ..
        }
    ));
    assert_eq!(refused("empty.txt", b""), DocumentError::Empty);
    let too_big = vec![b'a'; documents::MAX_DOCUMENT_BYTES + 1];
    assert!(matches!(
        refused("huge.txt", &too_big),
        DocumentError::TooLarge { .. }
    ));
    // A PDF with pages but no text: a scan.
    let mut blank = krilla::Document::new();
    blank
        .start_page_with(krilla::page::PageSettings::from_wh(200.0, 200.0).unwrap())
        .finish();
    assert_eq!(
        refused("scan.pdf", &blank.finish().unwrap()),
        DocumentError::NoText
    );
}

// ---- The command line ----

fn argmap(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(args)
        .output()
        .expect("argmap runs")
}

#[test]
fn add_source_creates_the_map_and_adds_each_document() {
    let dir = tempfile::tempdir().expect("temp");
    let articles = corpus::articles();
    let page = dir.path().join("story.html");
    std::fs::write(&page, news_page(&articles[0])).expect("write");
    let notes = dir.path().join("notes.txt");
    std::fs::write(
        &notes,
        "# Class notes\n\nWhat the Accords asked of each side.\n",
    )
    .expect("write");
    let map = dir.path().join("debate.ron");
    let output = argmap(&[
        "add-source".as_ref(),
        map.as_os_str(),
        page.as_os_str(),
        notes.as_os_str(),
    ]);
    let told = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{told}");
    assert!(
        told.contains("story.html: added as source 'story'"),
        "{told}"
    );
    assert!(told.contains("left out"), "{told}");
    let read = argmap::format::load(&map).expect("the new map loads");
    assert_eq!(read.sources.len(), 2);
    let story = &read.sources[1];
    assert_eq!(story.id.as_str(), "story");
    assert_eq!(story.title, articles[0].title);
    assert_eq!(story.authors, articles[0].authors);
    assert_eq!(story.text, articles[0].text);
    assert_eq!(read.sources[0].title, "Class notes");

    // A document that cannot be read stops it all, naming the file; the
    // map on disk is as it was, the good document not half-added.
    let before = std::fs::read(&map).expect("read");
    let scan = dir.path().join("scan.pdf");
    std::fs::write(&scan, b"%PDF-1.4 not really").expect("write");
    let output = argmap(&[
        "add-source".as_ref(),
        map.as_os_str(),
        notes.as_os_str(),
        scan.as_os_str(),
    ]);
    let told = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{told}");
    assert!(
        told.contains("scan.pdf: this is not a readable PDF"),
        "{told}"
    );
    assert_eq!(std::fs::read(&map).expect("read"), before);
}

// ---- Any input ----

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn kinds() -> impl Strategy<Value = Kind> {
        prop_oneof![
            Just(Kind::Html),
            Just(Kind::Pdf),
            Just(Kind::Docx),
            Just(Kind::Odt),
            Just(Kind::Text)
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Random bytes, read as every kind: an answer, never a panic.
        #[test]
        fn on_random_bytes(kind in kinds(), bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = documents::read_as(kind, &bytes);
        }

        /// A real document with bytes overwritten or cut short: the damage
        /// a download or a disk does.
        #[test]
        fn on_damaged_documents(
            which in 0usize..3,
            hits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
            cut in any::<prop::sample::Index>(),
        ) {
            let article = &corpus::articles()[4];
            let (name, mut bytes) = match which {
                0 => ("story.html", news_page(article).into_bytes()),
                1 => ("essay.docx", word_file(article)),
                _ => ("report.pdf", typeset::pdf(article, &typeset::Options { columns: 2, header: "Head".into() })),
            };
            for (at, byte) in hits {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            bytes.truncate(cut.index(bytes.len() + 1));
            let _ = documents::read(name, &bytes);
        }
    }
}
