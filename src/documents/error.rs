//! What can be wrong with a document handed to Add source, in words for
//! the teacher who sees it beside the file's name.

use super::MAX_UNPACKED_BYTES;
use crate::format::MAX_FILE_BYTES;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is {} MiB; Argmap reads documents of up to {} MiB",
        bytes.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge { bytes: usize },
    #[error("line {line}, column {column}: this is not text Argmap can read")]
    NotText { line: usize, column: usize },
    #[error(
        "the PDF has no text to read: it is probably a scan, pictures of pages; run it through text recognition (OCR) first"
    )]
    NoText,
    #[error("the PDF is locked with a password; save an unlocked copy and add that")]
    Encrypted,
    #[error(
        "PDFs are read by Argmap on the desktop; here, copy the article's text out of the PDF and use Edit ▸ Paste as new source"
    )]
    PdfInBrowser,
    #[error("no article was found on this page (only menus, links and other page furniture)")]
    NoArticle,
    #[error(
        "the document unpacks to more than {} MiB, far more than any article; it may be damaged or hostile",
        MAX_UNPACKED_BYTES / (1024 * 1024)
    )]
    Unpacks,
    /// Not the kind its name says, or broken inside: the kind and what broke.
    #[error("this is not a readable {kind}: {detail}")]
    Damaged { kind: &'static str, detail: String },
}

impl DocumentError {
    pub(super) fn damaged(kind: super::Kind, detail: impl std::fmt::Display) -> Self {
        Self::Damaged {
            kind: kind.name(),
            detail: detail.to_string(),
        }
    }
}
