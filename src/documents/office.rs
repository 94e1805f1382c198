//! Word (`.docx`) and OpenDocument (`.odt`) files: zips of XML. Paragraphs,
//! headings and list items are read from the document part; title, authors
//! and date from the document's properties. A part that unpacks past
//! [`MAX_UNPACKED_BYTES`] is refused, and XML with a DTD (the way to an
//! entity bomb) is refused by the parser.

use super::{About, DocumentError, Kind, MAX_UNPACKED_BYTES, Reading, readable_date};
use roxmltree::{Document, Node};
use std::collections::HashMap;
use std::io::Read;

const WORD: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const DCTERMS: &str = "http://purl.org/dc/terms/";
const ODF_TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const ODF_META: &str = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

/// A document's zip, read a part at a time.
struct Package {
    kind: Kind,
    zip: zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
}

impl Package {
    fn open(kind: Kind, bytes: &[u8]) -> Result<Self, DocumentError> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec()))
            .map_err(|e| DocumentError::damaged(kind, e))?;
        Ok(Self { kind, zip })
    }

    /// A part's text, or None when the package has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>, DocumentError> {
        let kind = self.kind;
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(DocumentError::damaged(kind, e)),
        };
        if entry.size() > MAX_UNPACKED_BYTES {
            return Err(DocumentError::Unpacks);
        }
        // The declared size may lie: read one byte past the limit at most.
        let mut bytes = Vec::new();
        entry
            .take(MAX_UNPACKED_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| DocumentError::damaged(kind, format!("{name}: {e}")))?;
        if bytes.len() as u64 > MAX_UNPACKED_BYTES {
            return Err(DocumentError::Unpacks);
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| DocumentError::damaged(kind, format!("{name} is not UTF-8 XML")))
    }

    fn required(&mut self, name: &str) -> Result<String, DocumentError> {
        self.part(name)?
            .ok_or_else(|| DocumentError::damaged(self.kind, format!("it has no {name}")))
    }
}

fn parse<'a>(kind: Kind, name: &str, xml: &'a str) -> Result<Document<'a>, DocumentError> {
    Document::parse(xml).map_err(|e| DocumentError::damaged(kind, format!("{name}: {e}")))
}

/// A Word document: the body's paragraphs in order, headings by their
/// style (whatever the language of the style's name), list items by their
/// numbering.
pub fn read_docx(bytes: &[u8]) -> Result<Reading, DocumentError> {
    let kind = Kind::Docx;
    let mut package = Package::open(kind, bytes)?;
    let body_xml = package.required("word/document.xml")?;
    let styles_xml = package.part("word/styles.xml")?;
    let core_xml = package.part("docProps/core.xml")?;

    let styles = match &styles_xml {
        Some(xml) => style_names(&parse(kind, "word/styles.xml", xml)?),
        None => HashMap::new(),
    };
    let mut about = match &core_xml {
        Some(xml) => core_properties(&parse(kind, "docProps/core.xml", xml)?),
        None => About::default(),
    };
    let document = parse(kind, "word/document.xml", &body_xml)?;
    let mut paragraphs = Vec::new();
    let mut dropped = Vec::new();
    for p in document
        .descendants()
        .filter(|n| is(n, WORD, "p") && !n.ancestors().skip(1).any(|a| is(&a, WORD, "p")))
    {
        let text = word_text(p);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let style = p.children().find(|n| is(n, WORD, "pPr")).map(|ppr| {
            let id = ppr
                .children()
                .find(|n| is(n, WORD, "pStyle"))
                .and_then(|s| s.attribute((WORD, "val")))
                .unwrap_or("");
            let name = styles.get(id).map_or(id.to_ascii_lowercase(), Clone::clone);
            let numbered = ppr.children().any(|n| is(&n, WORD, "numPr"));
            let outline = ppr.children().any(|n| is(&n, WORD, "outlineLvl"));
            (name, numbered, outline)
        });
        let (name, numbered, outline) = style.unwrap_or_default();
        if name == "title" {
            if about.title.is_empty() {
                about.title = text.to_owned();
            }
            dropped.push(format!("the title, kept as the source's title: {text}"));
        } else if name.starts_with("heading") || name == "subtitle" || outline {
            paragraphs.push(format!("# {text}"));
        } else if numbered || name.starts_with("list") {
            paragraphs.push(format!("- {text}"));
        } else {
            paragraphs.push(text.to_owned());
        }
    }
    Ok(Reading {
        kind,
        about,
        paragraphs,
        dropped,
    })
}

/// One Word paragraph's words: text runs, tabs and breaks as spaces,
/// non-breaking hyphens as hyphens; deleted text and field codes left out.
fn word_text(p: Node) -> String {
    let mut text = String::new();
    for node in p.descendants() {
        if node.ancestors().any(|a| is(&a, WORD, "del")) {
            continue;
        }
        if is(&node, WORD, "t") {
            text.push_str(node.text().unwrap_or(""));
        } else if is(&node, WORD, "tab") || is(&node, WORD, "br") || is(&node, WORD, "cr") {
            text.push(' ');
        } else if is(&node, WORD, "noBreakHyphen") {
            text.push('-');
        }
    }
    text
}

/// Style ids to their names, lower case ("Heading1" to "heading 1"); Word
/// names the built-in styles in English whatever the language of the
/// document, while ids are translated.
fn style_names(styles: &Document) -> HashMap<String, String> {
    styles
        .descendants()
        .filter(|n| is(n, WORD, "style"))
        .filter_map(|style| {
            let id = style.attribute((WORD, "styleId"))?;
            let name = style
                .children()
                .find(|n| is(n, WORD, "name"))?
                .attribute((WORD, "val"))?;
            Some((id.to_owned(), name.to_lowercase()))
        })
        .collect()
}

/// Title, creators and creation date from `docProps/core.xml`.
fn core_properties(core: &Document) -> About {
    let field = |ns: &str, name: &str| {
        core.descendants()
            .find(|n| is(n, ns, name))
            .and_then(|n| n.text())
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    About {
        title: field(DC, "title"),
        authors: names(&field(DC, "creator")),
        publication: String::new(),
        date: readable_date(&field(DCTERMS, "created")),
    }
}

fn names(field: &str) -> Vec<String> {
    field
        .split([';', ','])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An OpenDocument text: `text:h` headings, `text:p` paragraphs, list items
/// by their `text:list-item`; notes and annotations left out.
pub fn read_odt(bytes: &[u8]) -> Result<Reading, DocumentError> {
    let kind = Kind::Odt;
    let mut package = Package::open(kind, bytes)?;
    let content_xml = package.required("content.xml")?;
    let meta_xml = package.part("meta.xml")?;
    let mut about = About::default();
    if let Some(xml) = &meta_xml {
        let meta = parse(kind, "meta.xml", xml)?;
        let field = |ns: &str, name: &str| {
            meta.descendants()
                .find(|n| is(n, ns, name))
                .and_then(|n| n.text())
                .unwrap_or("")
                .trim()
                .to_owned()
        };
        about.title = field(DC, "title");
        let mut creator = field(ODF_META, "initial-creator");
        if creator.is_empty() {
            creator = field(DC, "creator");
        }
        about.authors = names(&creator);
        about.date = readable_date(&field(ODF_META, "creation-date"));
    }
    let content = parse(kind, "content.xml", &content_xml)?;
    let mut paragraphs = Vec::new();
    let mut dropped = Vec::new();
    for node in content.descendants().filter(|n| {
        (is(n, ODF_TEXT, "p") || is(n, ODF_TEXT, "h"))
            && !n.ancestors().skip(1).any(|a| {
                is(&a, ODF_TEXT, "p")
                    || is(&a, ODF_TEXT, "h")
                    || is(&a, ODF_TEXT, "note")
                    || a.tag_name().name() == "annotation"
            })
    }) {
        let text = odf_text(node);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let style = node
            .attribute((ODF_TEXT, "style-name"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if style == "title" {
            if about.title.is_empty() {
                about.title = text.to_owned();
            }
            dropped.push(format!("the title, kept as the source's title: {text}"));
        } else if is(&node, ODF_TEXT, "h") {
            paragraphs.push(format!("# {text}"));
        } else if node.ancestors().any(|a| is(&a, ODF_TEXT, "list-item")) {
            paragraphs.push(format!("- {text}"));
        } else {
            paragraphs.push(text.to_owned());
        }
    }
    Ok(Reading {
        kind,
        about,
        paragraphs,
        dropped,
    })
}

fn odf_text(p: Node) -> String {
    let mut text = String::new();
    for node in p.descendants().skip(1) {
        if node
            .ancestors()
            .any(|a| is(&a, ODF_TEXT, "note") || a.tag_name().name() == "annotation")
        {
            continue;
        }
        if node.is_text() {
            text.push_str(node.text().unwrap_or(""));
        } else if is(&node, ODF_TEXT, "s") {
            let count = node
                .attribute((ODF_TEXT, "c"))
                .and_then(|c| c.parse::<usize>().ok())
                .unwrap_or(1)
                .min(64);
            text.push_str(&" ".repeat(count));
        } else if is(&node, ODF_TEXT, "tab") || is(&node, ODF_TEXT, "line-break") {
            text.push(' ');
        }
    }
    text
}

fn is(node: &Node, namespace: &str, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(namespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in parts {
            out.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(text.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn an_odt_reads_headings_lists_and_meta() {
        let content = format!(
            r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="{ODF_TEXT}"><office:body><office:text>
            <text:p text:style-name="Title">On Talks</text:p>
            <text:h text:outline-level="1">Background</text:h>
            <text:p>Two<text:s text:c="2"/>spaces and a note<text:note><text:note-body><text:p>1. A footnote.</text:p></text:note-body></text:note>.</text:p>
            <text:list><text:list-item><text:p>An item</text:p></text:list-item></text:list>
            </office:text></office:body></office:document-content>"#
        );
        let meta = format!(
            r#"<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="{ODF_META}" xmlns:dc="{DC}"><office:meta><dc:title>On Talks</dc:title><meta:initial-creator>Jane Roe</meta:initial-creator></office:meta></office:document-meta>"#
        );
        let bytes = zip_of(&[("content.xml", &content), ("meta.xml", &meta)]);
        let reading = read_odt(&bytes).unwrap();
        assert_eq!(
            reading.paragraphs,
            ["# Background", "Two  spaces and a note.", "- An item"]
        );
        assert_eq!(reading.about.title, "On Talks");
        assert_eq!(reading.about.authors, ["Jane Roe"]);
    }

    #[test]
    fn a_zip_bomb_and_a_broken_zip_are_refused() {
        let huge = " ".repeat(MAX_UNPACKED_BYTES as usize + 10);
        let bytes = zip_of(&[("word/document.xml", &huge)]);
        assert!(bytes.len() < 1024 * 1024, "deflate should make it small");
        assert_eq!(read_docx(&bytes).unwrap_err(), DocumentError::Unpacks);
        assert!(matches!(
            read_docx(b"PK\x03\x04 broken"),
            Err(DocumentError::Damaged {
                kind: "Word document",
                ..
            })
        ));
        let no_body = zip_of(&[("hello.txt", "hi")]);
        assert!(
            read_docx(&no_body)
                .unwrap_err()
                .to_string()
                .contains("no word/document.xml")
        );
    }

    #[test]
    fn xml_with_an_entity_bomb_is_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
        let bytes = zip_of(&[("word/document.xml", bomb)]);
        let error = read_docx(&bytes).unwrap_err();
        assert!(matches!(error, DocumentError::Damaged { .. }), "{error}");
    }
}
