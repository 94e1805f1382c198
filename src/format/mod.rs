//! Reading and writing map files. RON is Argmap's own format; JSON carries the
//! same structure for scripts. Reading never panics and never touches the map
//! already open: it builds a new [`Map`] or returns a [`ReadError`].

pub mod disk;
mod error;
pub mod memory;
mod native;
pub mod recovery;
pub mod sniff;
mod source_id;

pub use disk::{read_file, write_atomic};
pub use error::{EncodeError, FileError, ReadError, SaveError, io_message};
pub(crate) use native::json_error;
pub use native::{from_json, from_ron, to_json, to_ron};
pub use source_id::{slug, unique_source_id};

use crate::model::{Map, validate};
use std::path::Path;

/// Files larger than this are refused before parsing: no real map comes near it.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Bounds on what one map may hold, so a hostile file cannot exhaust memory later.
pub const MAX_CLAIMS: usize = 100_000;
pub const MAX_LINKS: usize = 200_000;
pub const MAX_SOURCES: usize = 1_000;
/// How deeply brackets may nest. A map needs about six levels.
pub const MAX_NESTING: usize = 64;

/// Which syntax a file uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Ron,
    Json,
}

impl Syntax {
    /// `.json` means JSON; anything else is read as RON.
    pub fn of_path(path: &Path) -> Self {
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json { Self::Json } else { Self::Ron }
    }

    /// The syntax of a file: `.json` is JSON, `.ron` is RON, and anything
    /// else as [`Syntax::sniff`] judges it, RON if it cannot tell.
    pub fn detect(path: &Path, bytes: &[u8]) -> Self {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("json") => Self::Json,
            Some("ron") => Self::Ron,
            _ => Self::sniff(bytes).unwrap_or(Self::Ron),
        }
    }

    /// The syntax of text, from its first character after blank and `//`
    /// comment lines: `{` opens JSON, `(` opens RON; `None` for anything else.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        let mut rest = bytes;
        loop {
            let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
            rest = &rest[start..];
            if rest.starts_with(b"//") {
                let end = rest.iter().position(|&b| b == b'\n')?;
                rest = &rest[end..];
                continue;
            }
            return match rest[0] {
                b'{' => Some(Self::Json),
                b'(' => Some(Self::Ron),
                _ => None,
            };
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Ron => "RON",
            Self::Json => "JSON",
        }
    }
}

/// Parses bytes into a map without validating it (for `argmap check`, which
/// reports problems instead of refusing).
pub fn parse(bytes: &[u8], syntax: Syntax) -> Result<Map, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        ReadError::NotUtf8 { line, column }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let parsed = match syntax {
        Syntax::Ron => from_ron(text),
        Syntax::Json => from_json(text),
    };
    let mut map = parsed.map_err(|error| match error {
        // Another format: say which, and what reads it.
        ReadError::NotAMap | ReadError::Syntax { .. } | ReadError::Structure(_) => {
            match sniff::sniff(text) {
                Some(other) => ReadError::OtherFormat(other),
                None => error,
            }
        }
        other => other,
    })?;
    within_limits(&map)?;
    map.sort();
    Ok(map)
}

/// Whether Argmap would open a map this large. Everything that writes a map
/// checks first, so nothing writes a file Argmap itself would refuse.
pub fn within_limits(map: &Map) -> Result<(), ReadError> {
    for (what, count, max) in [
        ("sources", map.sources.len(), MAX_SOURCES),
        ("claims", map.claims.len(), MAX_CLAIMS),
        ("links", map.links.len(), MAX_LINKS),
    ] {
        if count > max {
            return Err(ReadError::TooMany { what, count, max });
        }
    }
    Ok(())
}

/// Parses and validates: the way the editor opens a file.
pub fn read(bytes: &[u8], syntax: Syntax) -> Result<Map, ReadError> {
    let map = parse(bytes, syntax)?;
    let problems = validate(&map);
    if problems.is_empty() {
        Ok(map)
    } else {
        Err(ReadError::Invalid(problems))
    }
}

/// Reads and validates the map at `path`.
pub fn load(path: &Path) -> Result<Map, FileError> {
    let bytes = read_file(path)?;
    read(&bytes, Syntax::detect(path, &bytes)).map_err(|error| FileError::new(path, error))
}

/// The map as text in `syntax`, refused if Argmap could not open it again.
pub fn encode(map: &Map, syntax: Syntax) -> Result<String, EncodeError> {
    let refuse = |message: String| EncodeError {
        syntax: syntax.name(),
        message,
    };
    within_limits(map).map_err(|e| refuse(e.to_string()))?;
    let text = match syntax {
        Syntax::Ron => to_ron(map),
        Syntax::Json => to_json(map),
    }?;
    if text.len() > MAX_FILE_BYTES {
        return Err(refuse(
            ReadError::TooLarge { bytes: text.len() }.to_string(),
        ));
    }
    Ok(text)
}

/// Writes `map` to `path` atomically in the syntax its extension names.
pub fn save(map: &Map, path: &Path) -> Result<(), SaveError> {
    let text =
        encode(map, Syntax::of_path(path)).map_err(|e| SaveError::new(path, e.to_string()))?;
    write_atomic(path, text.as_bytes())
}

/// How a path is shown in messages.
pub fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Whether a path's name says it is an Argmap map (`.ron` or `.json`).
pub fn has_map_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron") || e.eq_ignore_ascii_case("json"))
}

/// A file's own name, as windows and reports name it (the whole path when
/// it has none, as `..` does).
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| display(path), |n| n.to_string_lossy().into_owned())
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}
