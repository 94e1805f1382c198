//! Plain-text and Markdown articles imported as sources.

use super::{MAX_FILE_BYTES, ReadError, line_column};
use crate::model::{Map, Source, SourceId};

/// Articles larger than this are refused: a source is read by people, not machines.
pub const MAX_SOURCE_BYTES: usize = MAX_FILE_BYTES / 8;

/// Builds a source from a text file's name and bytes. Line endings become
/// `\n`; the title is the first Markdown heading, else the file name. The id
/// is made from the file name and is unique in `map`.
pub fn text_source(file_stem: &str, bytes: &[u8], map: &Map) -> Result<Source, ReadError> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        ReadError::NotUtf8 { line, column }
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let text = text.trim().to_owned();
    if text.is_empty() {
        return Err(ReadError::Empty);
    }
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(file_stem)
        .to_owned();
    Ok(Source {
        id: unique_source_id(file_stem, map),
        title,
        authors: Vec::new(),
        publication: String::new(),
        date: String::new(),
        stance: String::new(),
        text,
    })
}

/// An id for a new source named `name`: its letters and digits, unique
/// in `map` and never a bundled article's.
pub fn unique_source_id(name: &str, map: &Map) -> SourceId {
    unique_id(&slug(name), map)
}

fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-').to_owned();
    if slug.is_empty() {
        "source".to_owned()
    } else {
        slug
    }
}

fn unique_id(base: &str, map: &Map) -> SourceId {
    let taken = |id: &str| {
        map.sources.iter().any(|s| s.id.as_str() == id)
            || crate::corpus::article(&SourceId::new(id)).is_some()
    };
    if !taken(base) {
        return SourceId::new(base);
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .map_or_else(|| SourceId::new(base), SourceId::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_markdown_with_its_heading_as_title_and_a_unique_id() {
        let mut map = Map::default();
        let source = text_source(
            "My Notes (v2)",
            b"# On Talks\r\n\r\nDialogue works.\r\n",
            &map,
        )
        .unwrap();
        assert_eq!(source.id.as_str(), "my-notes-v2");
        assert_eq!(source.title, "On Talks");
        assert_eq!(source.text, "# On Talks\n\nDialogue works.");
        map.sources.push(source);
        let again = text_source("My Notes (v2)", b"Plain.", &map).unwrap();
        assert_eq!(again.id.as_str(), "my-notes-v2-2");
        assert_eq!(again.title, "My Notes (v2)");
        // A bundled article's id is never reused.
        assert_eq!(
            text_source("kramer 2017", b"x", &map).unwrap().id.as_str(),
            "kramer-2017-2"
        );
    }

    #[test]
    fn refuses_empty_and_binary_files() {
        let map = Map::default();
        assert_eq!(text_source("a", b"  \n", &map), Err(ReadError::Empty));
        assert!(matches!(
            text_source("a", b"ok\n\xff", &map),
            Err(ReadError::NotUtf8 { line: 2, column: 1 })
        ));
    }
}
