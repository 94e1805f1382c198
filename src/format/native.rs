//! The native file shape, shared by RON and JSON: the format version first,
//! then the map's fields. See `docs/FORMAT.md`.

use super::{EncodeError, MAX_NESTING, ReadError, line_column};
use crate::model::{Claim, FORMAT_VERSION, Link, Map, OLDEST_FORMAT_VERSION, Source, Step};
use serde::{Deserialize, Deserializer, Serialize};

#[derive(Serialize)]
struct FileOut<'a> {
    format: u32,
    title: &'a str,
    description: &'a str,
    sources: &'a [Source],
    claims: &'a [Claim],
    links: &'a [Link],
    #[serde(skip_serializing_if = "<[Step]>::is_empty")]
    steps: &'a [Step],
}

#[derive(Deserialize)]
#[serde(rename = "map", deny_unknown_fields)]
struct FileIn {
    #[allow(dead_code)] // checked by the probe before the full read
    format: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    claims: Vec<Claim>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    steps: Vec<Step>,
}

/// Reads only the version, ignoring everything else, so a newer file is
/// refused with the right message even when its fields would not parse.
#[derive(Deserialize)]
#[serde(rename = "map")]
struct Probe {
    #[serde(default, deserialize_with = "present")]
    format: Option<u32>,
}

fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(d).map(Some)
}

fn check_version(probe: Probe) -> Result<(), ReadError> {
    match probe.format {
        None => Err(ReadError::NotAMap),
        // Format 1 is format 2 without claim labels, and 2 is 3 without a
        // presentation's steps: nothing to convert.
        Some(OLDEST_FORMAT_VERSION..=FORMAT_VERSION) => Ok(()),
        Some(found) if found > FORMAT_VERSION => Err(ReadError::NewerFormat { found }),
        Some(found) => Err(ReadError::UnknownFormat { found }),
    }
}

fn into_map(file: FileIn) -> Map {
    Map {
        title: file.title,
        description: file.description,
        sources: file.sources,
        claims: file.claims,
        links: file.links,
        steps: file.steps,
    }
}

/// The oldest format that holds everything in `map`, so a map without a
/// teacher's steps still opens in an Argmap from before them.
pub fn format_for(map: &Map) -> u32 {
    if map.steps.is_empty() {
        FORMAT_VERSION - 1
    } else {
        FORMAT_VERSION
    }
}

fn file_out(map: &Map) -> FileOut<'_> {
    FileOut {
        format: format_for(map),
        title: &map.title,
        description: &map.description,
        sources: &map.sources,
        claims: &map.claims,
        links: &map.links,
        steps: &map.steps,
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

pub fn from_ron(text: &str) -> Result<Map, ReadError> {
    let options = ron_options();
    check_version(options.from_str::<Probe>(text).map_err(ron_error)?)?;
    options
        .from_str::<FileIn>(text)
        .map(into_map)
        .map_err(ron_error)
}

/// Pretty RON with fixed settings, so the same map always gives the same bytes
/// on every platform.
pub fn to_ron(map: &Map) -> Result<String, EncodeError> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        // Escaped strings keep each text on one line, so a checkout that turns
        // line endings into CRLF cannot change a source text and break its quotes.
        .escape_strings(true);
    let mut text = String::from(
        "// Argmap map. Format described in docs/FORMAT.md of the Argmap repository.\n",
    );
    let body = ron::ser::to_string_pretty(&file_out(map), config).map_err(|e| EncodeError {
        syntax: "RON",
        message: e.to_string(),
    })?;
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

pub fn from_json(text: &str) -> Result<Map, ReadError> {
    check_version(serde_json::from_str::<Probe>(text).map_err(|e| json_error(text, &e))?)?;
    serde_json::from_str::<FileIn>(text)
        .map(into_map)
        .map_err(|e| json_error(text, &e))
}

pub fn to_json(map: &Map) -> Result<String, EncodeError> {
    let mut text = serde_json::to_string_pretty(&file_out(map)).map_err(|e| EncodeError {
        syntax: "JSON",
        message: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}

fn ron_error(error: ron::error::SpannedError) -> ReadError {
    use ron::Error as E;
    let message = match &error.code {
        E::Eof => "the file ends too early (is it cut short?)".to_owned(),
        E::ExceededRecursionLimit => {
            format!("brackets nest more than {MAX_NESTING} deep; this is not a map")
        }
        E::MissingStructField { field, outer } => {
            format!("{} is missing its `{field}` field", thing(outer.as_deref()))
        }
        E::NoSuchStructField { found, outer, .. } => {
            format!("{} has an unknown field `{found}`", thing(outer.as_deref()))
        }
        E::DuplicateStructField { field, outer } => {
            format!("{} has the field `{field}` twice", thing(outer.as_deref()))
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not one of {}",
            expected
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        E::ExpectedNamedStructLike(name) => format!("expected `(` to open {}", thing(Some(name))),
        E::ExpectedIdentifier => "expected a field name".to_owned(),
        E::ExpectedDifferentStructName { found, .. } => {
            format!("expected a map in parentheses `( … )` but found `{found}`")
        }
        other => lower_first(&other.to_string()),
    };
    ReadError::Syntax {
        line: error.span.start.line,
        column: error.span.start.col,
        message,
    }
}

pub(crate) fn json_error(text: &str, error: &serde_json::Error) -> ReadError {
    use serde_json::error::Category;
    let message = match error.classify() {
        Category::Eof => "the file ends too early (is it cut short?)".to_owned(),
        _ => {
            // serde_json appends " at line L column C"; the position is reported separately.
            let full = error.to_string();
            let cut = full
                .rfind(" at line ")
                .map_or(full.as_str(), |at| &full[..at]);
            lower_first(cut)
        }
    };
    let (line, column) = if error.line() == 0 {
        line_column(text.as_bytes(), text.len())
    } else {
        (error.line(), error.column())
    };
    ReadError::Syntax {
        line,
        column,
        message,
    }
}

/// The user's word for a struct named in a parse error.
fn thing(outer: Option<&str>) -> &'static str {
    match outer {
        Some("Claim") => "a claim",
        Some("Link") => "a link",
        Some("Source") => "a source",
        Some("Quote") => "a quote",
        Some("Point") => "a position",
        _ => "the map",
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
