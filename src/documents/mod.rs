//! A teacher's own articles, read from the files they arrive as: web pages
//! saved from a browser, PDFs, Word and OpenDocument files, plain text and
//! Markdown, or text pasted from anywhere. Each reader keeps the article's
//! words exactly and drops only page furniture and layout breaks, listing
//! what it dropped so the preview can show that nothing of the article went.
//!
//! Reading never panics and never touches a map: it returns a [`Reading`]
//! for the user to check, or a [`DocumentError`] saying what is wrong.

mod error;
mod html;
mod office;
mod paragraphs;
#[cfg(not(target_arch = "wasm32"))]
mod pdf;

pub use error::DocumentError;

use crate::model::{Map, Source};

/// Documents larger than this are refused, as maps are.
pub const MAX_DOCUMENT_BYTES: usize = crate::format::MAX_FILE_BYTES;
/// How much one part of a Word or OpenDocument file may unpack to: far more than any
/// article, far less than a zip bomb.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// The kinds of document Argmap reads as a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Html,
    Pdf,
    Docx,
    Odt,
    Text,
}

impl Kind {
    /// What a person calls this kind of file, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Html => "web page",
            Self::Pdf => "PDF",
            Self::Docx => "Word document",
            Self::Odt => "OpenDocument text",
            Self::Text => "text file",
        }
    }

    /// The kind a file name's extension names, if it names one.
    pub fn of_name(name: &str) -> Option<Self> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match extension.as_str() {
            "html" | "htm" | "xhtml" => Self::Html,
            "pdf" => Self::Pdf,
            "docx" => Self::Docx,
            "odt" => Self::Odt,
            "txt" | "text" | "md" | "markdown" => Self::Text,
            _ => return None,
        })
    }

    /// The kind the bytes themselves show, for files named otherwise.
    pub fn sniff(bytes: &[u8]) -> Self {
        let head = &bytes[..bytes.len().min(1024)];
        if head.starts_with(b"%PDF-") {
            return Self::Pdf;
        }
        if head.starts_with(b"PK\x03\x04") {
            // An OpenDocument file names its type in its first entry.
            return if contains(head, b"application/vnd.oasis.opendocument.text") {
                Self::Odt
            } else {
                Self::Docx
            };
        }
        let lower = head.to_ascii_lowercase();
        if contains(&lower, b"<!doctype html") || contains(&lower, b"<html") {
            return Self::Html;
        }
        Self::Text
    }

    /// The file types a file dialog offers for Add source.
    pub const EXTENSIONS: &[&str] = &[
        "html", "htm", "xhtml", "pdf", "docx", "odt", "txt", "text", "md", "markdown",
    ];
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// What a source is, as read from the document and corrected by the user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct About {
    pub title: String,
    pub authors: Vec<String>,
    pub publication: String,
    /// As the bundled articles print it: "11 July 2018".
    pub date: String,
}

/// A document read: what it is, its paragraphs as the reader will show
/// them, and what was dropped around them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub kind: Kind,
    pub about: About,
    /// One entry a paragraph; `# ` starts a heading and `- ` a list item,
    /// as in a source's text.
    pub paragraphs: Vec<String>,
    /// Furniture left out (menus, captions, running headers, page
    /// numbers…), one short entry each, in the order met.
    pub dropped: Vec<String>,
}

impl Reading {
    /// The source's text: paragraphs separated by a blank line.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The source this reading makes in `map`: its id comes from the file
    /// name and is unique there; its title falls back to the file name.
    pub fn to_source(&self, file_stem: &str, map: &Map) -> Source {
        let title = match self.about.title.trim() {
            "" => file_stem.trim().to_owned(),
            title => title.to_owned(),
        };
        Source {
            id: crate::format::unique_source_id(file_stem, map),
            title,
            authors: self
                .about
                .authors
                .iter()
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            publication: self.about.publication.trim().to_owned(),
            date: self.about.date.trim().to_owned(),
            stance: String::new(),
            text: self.text(),
        }
    }
}

/// The name a document's source is given an id from: its file name
/// without the extension.
pub fn file_stem(path: &std::path::Path) -> String {
    path.file_stem()
        .map_or_else(|| "source".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// Reads a document: its kind from the file name's extension, else from
/// its first bytes.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Reading, DocumentError> {
    let kind = Kind::of_name(file_name).unwrap_or_else(|| Kind::sniff(bytes));
    read_as(kind, bytes)
}

/// Reads a document of a known kind.
pub fn read_as(kind: Kind, bytes: &[u8]) -> Result<Reading, DocumentError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge { bytes: bytes.len() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DocumentError::Empty);
    }
    let reading = match kind {
        Kind::Html => html::read(&decode_text(bytes)?),
        #[cfg(not(target_arch = "wasm32"))]
        Kind::Pdf => pdf::read(bytes),
        #[cfg(target_arch = "wasm32")]
        Kind::Pdf => Err(DocumentError::PdfInBrowser),
        Kind::Docx => office::read_docx(bytes),
        Kind::Odt => office::read_odt(bytes),
        Kind::Text => Ok(paragraphs::read_text(&decode_text(bytes)?)),
    }?;
    if reading.paragraphs.is_empty() {
        return Err(match kind {
            Kind::Pdf => DocumentError::NoText,
            Kind::Html => DocumentError::NoArticle,
            _ => DocumentError::Empty,
        });
    }
    Ok(reading)
}

/// Reads text pasted from anywhere (a browser, a word processor, an
/// email): hard-wrapped lines are joined into paragraphs.
pub fn read_pasted(text: &str) -> Result<Reading, DocumentError> {
    read_as(Kind::Text, text.as_bytes())
}

/// UTF-8 (with or without a byte-order mark), else UTF-16 with one, else
/// Windows-1252, which is what a Latin-script page saved without a
/// declaration almost always is.
fn decode_text(bytes: &[u8]) -> Result<String, DocumentError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|e| not_utf8(rest, e.valid_up_to()));
    }
    for (bom, big_endian) in [(b"\xfe\xff", true), (b"\xff\xfe", false)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let units = rest.chunks_exact(2).map(|pair| {
                let pair = [pair[0], pair[1]];
                if big_endian {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            });
            return Ok(char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect());
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) if looks_like_windows_1252(bytes) => {
            Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
        }
        Err(error) => Err(not_utf8(bytes, error.valid_up_to())),
    }
}

fn not_utf8(bytes: &[u8], at: usize) -> DocumentError {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let column = bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b != b'\n')
        .count()
        + 1;
    DocumentError::NotText { line, column }
}

/// Text with no NUL and few control bytes: a legacy encoding, not a
/// binary file with a text name.
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !bytes.contains(&0) && controls * 1000 <= bytes.len()
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// "2018-07-11…" as the bundled articles print a date: "11 July 2018".
/// Anything else is kept as written.
pub(crate) fn readable_date(raw: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let raw = raw.trim();
    let parts: Vec<&str> = raw.get(..10).unwrap_or("").split('-').collect();
    if let [year, month, day] = parts[..]
        && year.len() == 4
        && let (Ok(year), Ok(month), Ok(day)) = (
            year.parse::<u32>(),
            month.parse::<usize>(),
            day.parse::<u32>(),
        )
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
    {
        return format!("{day} {} {year}", MONTHS[month - 1]);
    }
    raw.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_name_then_the_bytes() {
        assert_eq!(Kind::of_name("Article.HTM"), Some(Kind::Html));
        assert_eq!(Kind::of_name("notes"), None);
        assert_eq!(Kind::sniff(b"%PDF-1.7\n"), Kind::Pdf);
        assert_eq!(Kind::sniff(b"  <!DOCTYPE html><p>x"), Kind::Html);
        assert_eq!(Kind::sniff(b"Plain words."), Kind::Text);
        assert_eq!(read("a.txt", b" \n ").unwrap_err(), DocumentError::Empty);
    }

    #[test]
    fn text_in_old_encodings_is_read() {
        assert_eq!(
            decode_text(b"caf\xe9 \x93quoted\x94").unwrap(),
            "café “quoted”"
        );
        assert_eq!(decode_text(b"\xff\xfeh\0i\0").unwrap(), "hi");
        assert_eq!(decode_text(b"\xef\xbb\xbfok").unwrap(), "ok");
        assert!(matches!(
            decode_text(b"ok\n\0\0\xff\xff\x01\x02"),
            Err(DocumentError::NotText { line: 2, .. })
        ));
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(readable_date("2018-07-11T09:00:00Z"), "11 July 2018");
        assert_eq!(readable_date("Summer 2017"), "Summer 2017");
        assert_eq!(readable_date("2018-13-11"), "2018-13-11");
    }
}
