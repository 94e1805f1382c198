//! What can go wrong with a file, one type per concern: [`ReadError`] for
//! reading a map or another tool's file (with [`FileError`] naming the file),
//! [`SaveError`] for writing one. Messages are written for the people who see
//! them in the status bar or the terminal.

use super::{MAX_FILE_BYTES, display};
use crate::model::{FORMAT_VERSION, OLDEST_FORMAT_VERSION, Problem};
use std::path::Path;

/// Why bytes could not be read as a map.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// The file system refused (already in plain words).
    #[error("{0}")]
    Io(String),
    #[error("the file is empty")]
    Empty,
    /// More than [`MAX_FILE_BYTES`]: `bytes` long, or (a stream, such as a
    /// device, read no further than one byte past the limit) at least.
    #[error("{}", too_large(*bytes))]
    TooLarge { bytes: usize },
    #[error("line {line}, column {column}: the file is not UTF-8 text")]
    NotUtf8 { line: usize, column: usize },
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Read line by line, but what the lines say does not hold together.
    #[error("{0}")]
    Structure(String),
    #[error("this is not an Argmap map (it has no `format` field)")]
    NotAMap,
    /// Another format a user may hand Argmap.
    #[error("this is {}, not an Argmap map: {}", .0.name(), .0.hint())]
    OtherFormat(super::sniff::Other),
    #[error(
        "this map was made by a newer Argmap (format {found}); this one reads formats up to {FORMAT_VERSION}"
    )]
    NewerFormat { found: u32 },
    #[error(
        "unknown format {found}; this Argmap reads formats {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION}"
    )]
    UnknownFormat { found: u32 },
    #[error("the map has {count} {what}; Argmap reads at most {max}")]
    TooMany {
        what: &'static str,
        count: usize,
        max: usize,
    },
    /// The file parsed but the map is inconsistent; every problem is listed.
    #[error("{}", problems_summary(.0))]
    Invalid(Vec<Problem>),
}

fn too_large(bytes: usize) -> String {
    let most = MAX_FILE_BYTES / (1024 * 1024);
    if bytes > MAX_FILE_BYTES + 1 {
        format!(
            "the file is {} MiB; Argmap reads maps of at most {most} MiB",
            bytes / (1024 * 1024)
        )
    } else {
        format!("the file is larger than {most} MiB, the most Argmap reads")
    }
}

fn problems_summary(problems: &[Problem]) -> String {
    match problems {
        [] => "the map is not valid".to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more problems)", rest.len()),
    }
}

/// A [`ReadError`] together with the file it came from: the message users see.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{file}: {error}")]
pub struct FileError {
    pub file: String,
    #[source]
    pub error: ReadError,
}

impl FileError {
    pub fn new(path: &Path, error: ReadError) -> Self {
        Self {
            file: display(path),
            error,
        }
    }
}

/// Why a file could not be written. The file that was there is untouched.
#[derive(Debug, thiserror::Error)]
#[error("{file}: could not save: {reason}")]
pub struct SaveError {
    pub file: String,
    /// What went wrong, in plain words.
    pub reason: String,
}

impl SaveError {
    pub fn new(path: &Path, reason: impl Into<String>) -> Self {
        Self {
            file: display(path),
            reason: reason.into(),
        }
    }

    pub fn io(path: &Path, error: &std::io::Error) -> Self {
        Self::new(path, io_message(error))
    }
}

/// A map that could not be turned into text (the map in memory is fine;
/// nothing was written).
#[derive(Debug, thiserror::Error)]
#[error("could not write the map as {syntax}: {message}")]
pub struct EncodeError {
    pub syntax: &'static str,
    pub message: String,
}

/// An I/O error in plain words, without Rust's "(os error 13)" suffix.
pub fn io_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}
