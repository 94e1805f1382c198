//! Choosing an exchange format by name or file extension, and reading or
//! writing one, for the command line and the File menu alike.

use super::{aif, argdown, dot, image};
use crate::format::{self, ReadError};
use crate::model::{ClaimId, Map};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// OVA3's save file: the AIF graph plus OVA's layout.
    Aif,
    /// The bare AIFdb shape.
    Aifdb,
    Argdown,
    Dot,
    Svg,
    Png,
}

impl Export {
    pub const ALL: [Self; 6] = [
        Self::Aif,
        Self::Aifdb,
        Self::Argdown,
        Self::Dot,
        Self::Svg,
        Self::Png,
    ];

    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "aif" | "ova" => Self::Aif,
            "aifdb" => Self::Aifdb,
            "argdown" => Self::Argdown,
            "dot" | "graphviz" => Self::Dot,
            "svg" => Self::Svg,
            "png" => Self::Png,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Aif => "AIF for OVA (JSON)",
            Self::Aifdb => "AIF for AIFdb (JSON)",
            Self::Argdown => "Argdown",
            Self::Dot => "Graphviz DOT",
            Self::Svg => "SVG image",
            Self::Png => "PNG image",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Aif | Self::Aifdb => "json",
            Self::Argdown => "argdown",
            Self::Dot => "dot",
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, Self::Svg | Self::Png)
    }

    /// The file's bytes. Images may show only the claims in `only`.
    pub fn render(
        self,
        map: &Map,
        only: Option<&BTreeSet<ClaimId>>,
        scale: f32,
    ) -> Result<Vec<u8>, String> {
        Ok(match self {
            Self::Aif => aif::to_ova(map).into_bytes(),
            Self::Aifdb => aif::to_aifdb(map).into_bytes(),
            Self::Argdown => argdown::to_argdown(map).into_bytes(),
            Self::Dot => dot::to_dot(map).into_bytes(),
            Self::Svg => image::to_svg(map, only).into_bytes(),
            Self::Png => image::to_png(map, only, scale)?,
        })
    }
}

/// Reads another tool's file: AIF JSON, or the Argdown that Argmap writes.
/// Returns the map and a summary of what came in and what was left out.
pub fn import(path: &Path) -> Result<(Map, String), format::FileError> {
    let fail = |error| format::FileError {
        file: format::display(path),
        error,
    };
    let bytes = format::read_file(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let prefix = &bytes[..e.valid_up_to()];
        let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
        fail(ReadError::NotUtf8 { line, column: 1 })
    })?;
    if text.trim().is_empty() {
        return Err(fail(ReadError::Empty));
    }
    let argdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("argdown") || e.eq_ignore_ascii_case("ad"));
    let (mut map, summary) = if argdown {
        let mut map = argdown::read(text).map_err(|message| {
            fail(ReadError::Syntax {
                line: 1,
                column: 1,
                message,
            })
        })?;
        let sizes = map
            .claims
            .iter()
            .map(|c| (c.id, crate::analysis::layout::estimate_size(&c.text, false)))
            .collect();
        for (id, pos) in crate::analysis::layout::tidy(&map, &sizes) {
            if let Some(claim) = map.claim_mut(id) {
                claim.pos = pos;
            }
        }
        let summary = format!(
            "{} claims and {} links from Argdown; laid out with Tidy",
            map.claims.len(),
            map.links.len()
        );
        (map, summary)
    } else {
        let (map, summary) = aif::import(text).map_err(fail)?;
        (map, summary.to_string())
    };
    if map.title.is_empty() {
        map.title = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    }
    // Both readers refuse what would not make a valid map.
    Ok((map, summary))
}
