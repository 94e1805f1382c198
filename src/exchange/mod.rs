//! Maps in other tools' formats: AIF JSON (OVA, AIFdb) in and out, Argdown
//! out (with a reader for what Argmap writes), Graphviz DOT out, and SVG and
//! PNG images. [`Export`] and [`import`] choose among them, for the command
//! line and the File menu alike.

pub mod aif;
pub mod argdown;
#[cfg(not(target_arch = "wasm32"))]
pub mod docx;
pub mod dot;
pub mod essay;
pub mod image;
pub mod markup;
pub mod outline;
#[cfg(not(target_arch = "wasm32"))]
pub mod pdf;
pub mod scene;
pub mod xml;

use crate::format::{self, FileError, ReadError};
use crate::model::{ClaimId, Map};
use std::collections::BTreeSet;
use std::path::Path;

/// Why a picture or another tool's file could not be made.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum ExportError {
    #[error("the scale must be above 0 and at most 8, not {0}")]
    BadScale(f32),
    #[error(
        "a {width}×{height} picture is larger than Argmap writes (120 million pixels); a scale of {fits:.2} or less fits"
    )]
    TooLarge { width: u32, height: u32, fits: f32 },
    #[error(
        "printed so its words read, the map takes {pages} pages, more than {most}; print it fitted to one page"
    )]
    TooManyPages { pages: usize, most: usize },
    #[error("the map has no claims to present")]
    NothingToPresent,
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    #[error("could not draw the picture: {0}")]
    Render(String),
    #[error(
        "the map holds {chars} characters of claim text; a picture draws at most {max} (export only the selected claims)"
    )]
    TooMuchText { chars: usize, max: usize },
}

/// A wrapped, one-line version of `text` for labels: words joined into lines
/// of at most `width` characters.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, |line| line.chars().count() <= width)
}

/// `text`'s words joined into lines, a word going to a new line when the
/// line with it would not `fit` (a word that fits nowhere has a line of its own).
pub(crate) fn wrap_with(text: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && !fits(&format!("{line} {word}")) {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The paper a printed map is for.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 inches.
    Letter,
}

impl Paper {
    /// Width and height in points, standing upright.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "US Letter",
        }
    }
}

/// What an export is asked for besides its format: pictures may show only
/// some claims, a PNG has a scale, a printed map a paper and whether it is
/// fitted to one page.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    pub only: Option<&'a BTreeSet<ClaimId>>,
    pub scale: f32,
    pub paper: Paper,
    pub fit: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Self {
            only: None,
            scale: 2.0,
            paper: Paper::A4,
            fit: false,
        }
    }
}

/// The formats Argmap writes for other tools; the command line names them
/// as `--to aif` and so on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, strum::EnumIter)]
pub enum Export {
    /// OVA3's save file: the AIF graph plus OVA's layout.
    #[value(alias = "ova")]
    Aif,
    /// The bare AIFdb shape.
    Aifdb,
    Argdown,
    #[value(alias = "graphviz")]
    Dot,
    Svg,
    Png,
    /// An essay or speech outline, in Markdown.
    #[value(alias = "essay")]
    Outline,
    /// The essay outline as a Word document.
    #[value(alias = "word")]
    Docx,
    /// The map printed, with a key and its sources (PDF).
    #[value(alias = "handout")]
    Pdf,
    /// A slide for each step of the presentation (PDF, 16:9).
    Slides,
}

impl Export {
    /// Every format this build writes (PDF and Word are made by the
    /// desktop app and the command line, not in the browser).
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
            .filter(|e| cfg!(not(target_arch = "wasm32")) || !e.desktop_only())
    }

    /// Whether only the desktop app and the command line write it.
    pub fn desktop_only(self) -> bool {
        self.is_pdf() || self == Self::Docx
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Aif => "AIF for OVA (JSON)",
            Self::Aifdb => "AIF for AIFdb (JSON)",
            Self::Argdown => "Argdown",
            Self::Dot => "Graphviz DOT",
            Self::Svg => "SVG image",
            Self::Png => "PNG image",
            Self::Outline => "Essay outline (Markdown)",
            Self::Docx => "Essay outline (Word)",
            Self::Pdf => "PDF to print",
            Self::Slides => "Slides (PDF)",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Aif | Self::Aifdb => "json",
            Self::Argdown => "argdown",
            Self::Dot => "dot",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Outline => "md",
            Self::Docx => "docx",
            Self::Pdf | Self::Slides => "pdf",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, Self::Svg | Self::Png)
    }

    pub fn is_pdf(self) -> bool {
        matches!(self, Self::Pdf | Self::Slides)
    }

    /// Whether the format can show only the selected claims.
    pub fn takes_selection(self) -> bool {
        self.is_image() || self == Self::Pdf
    }

    /// Whether the format has options to choose before it is written.
    pub fn has_options(self) -> bool {
        self.is_image() || self == Self::Pdf
    }

    /// The file's bytes, as `options` ask where they apply.
    pub fn render(self, map: &Map, options: &Options<'_>) -> Result<Vec<u8>, ExportError> {
        let Options {
            only,
            scale,
            paper,
            fit,
        } = *options;
        Ok(match self {
            Self::Aif => aif::to_ova(map).into_bytes(),
            Self::Aifdb => aif::to_aifdb(map).into_bytes(),
            Self::Argdown => argdown::to_argdown(map).into_bytes(),
            Self::Dot => dot::to_dot(map).into_bytes(),
            Self::Svg => image::to_svg(map, only)?.into_bytes(),
            Self::Png => image::to_png(map, only, scale)?,
            Self::Outline => essay::to_outline(map).into_bytes(),
            #[cfg(not(target_arch = "wasm32"))]
            Self::Pdf => pdf::handout::to_pdf(
                &scene::subset(map, only),
                pdf::handout::Print { paper, fit },
            )?,
            #[cfg(not(target_arch = "wasm32"))]
            Self::Slides => pdf::slides::to_slides(map)?,
            #[cfg(not(target_arch = "wasm32"))]
            Self::Docx => docx::to_docx(map)?,
            #[cfg(target_arch = "wasm32")]
            Self::Pdf | Self::Slides | Self::Docx => {
                let _ = (paper, fit);
                return Err(ExportError::Render(
                    "PDF and Word files are made by the desktop app and the command line"
                        .to_owned(),
                ));
            }
        })
    }
}

/// Whether a file's name says it is Argdown.
pub fn is_argdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("argdown") || e.eq_ignore_ascii_case("ad"))
}

/// Reads another tool's file: AIF JSON, or the Argdown that Argmap writes.
/// Returns the map and a summary of what came in and what was left out.
pub fn import(path: &Path) -> Result<(Map, String), FileError> {
    let fail = |error| FileError::new(path, error);
    let bytes = format::read_file(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let prefix = &bytes[..e.valid_up_to()];
        let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
        fail(ReadError::NotUtf8 { line, column: 1 })
    })?;
    if text.trim().is_empty() {
        return Err(fail(ReadError::Empty));
    }
    let (mut map, summary) = if is_argdown(path) {
        let mut map = argdown::read(text).map_err(fail)?;
        crate::render::measure::tidy(&mut map);
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
    // Both readers refuse what would not make a valid map; neither makes
    // one larger than Argmap opens.
    format::within_limits(&map).map_err(fail)?;
    Ok((map, summary))
}
