//! `argmap check MAP...`: validate maps, summarise each, list every problem.

use super::Error;
use crate::format::{self, FileError, Syntax};
use crate::model::{count, validate};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The maps to check
    #[arg(required = true, value_name = "MAP")]
    maps: Vec<PathBuf>,
}

/// Prints one summary line per map and one line per problem; 1 if any map
/// is invalid or unreadable.
pub fn run(args: &Args, out: &mut dyn Write) -> Result<u8, Error> {
    let mut report = String::new();
    let mut status = 0;
    for path in &args.maps {
        if !check_one(path, &mut report) {
            status = 1;
        }
    }
    super::write_stdout(out, super::printable(&report).as_bytes())?;
    Ok(status)
}

/// Adds a summary line and one line per problem; returns whether the map is valid.
fn check_one(path: &Path, report: &mut String) -> bool {
    let name = format::display(path);
    let map = format::read_file(path).and_then(|bytes| {
        format::parse(&bytes, Syntax::detect(path, &bytes)).map_err(|e| FileError::new(path, e))
    });
    let map = match map {
        Ok(map) => map,
        Err(error) => match format::recovery::Found::at(path) {
            // A recovery copy is read as the map it holds.
            Some(copy) => match copy.read() {
                Ok(map) => {
                    report.push_str(&format!("{name}: {}\n", copy.describe()));
                    map
                }
                Err(inner) => {
                    report.push_str(&format!(
                        "{name}: a recovery copy whose map cannot be read: {inner}\n"
                    ));
                    return false;
                }
            },
            None => {
                report.push_str(&format!("{error}\n"));
                if let Some(whole) = whole_leftover(path) {
                    report.push_str(&format!(
                        "{name}: a save of this map was cut short; {} is whole: open the map in Argmap to take it back\n",
                        format::display(&whole)
                    ));
                }
                return false;
            }
        },
    };
    let problems = validate(&map);
    let unanchored = map.claims.iter().filter(|c| c.quote.is_none()).count();
    let verdict = if problems.is_empty() {
        "ok".to_owned()
    } else {
        count(problems.len(), "problem", "problems")
    };
    report.push_str(&format!(
        "{name}: {verdict}: {}, {}, {}, {} without a quote\n",
        count(map.claims.len(), "claim", "claims"),
        count(map.links.len(), "link", "links"),
        count(map.sources.len(), "source", "sources"),
        count(unanchored, "claim", "claims"),
    ));
    for problem in &problems {
        report.push_str(&format!("{name}: {problem}\n"));
    }
    for (source, coverage) in map
        .sources
        .iter()
        .zip(crate::analysis::coverage::coverage(&map))
    {
        report.push_str(&format!(
            "{name}: coverage: {}: {}\n",
            source.short_name(),
            coverage.summary()
        ));
    }
    let catalogue = crate::schemes::Catalogue::bundled();
    let mut used: std::collections::BTreeMap<&str, usize> = Default::default();
    for link in map.links.iter().filter(|l| !l.scheme.is_empty()) {
        *used
            .entry(catalogue.display_name(&link.scheme))
            .or_default() += 1;
    }
    if !used.is_empty() {
        let names: Vec<String> = used.iter().map(|(s, n)| format!("{s} ({n})")).collect();
        let open = crate::schemes::open_questions(&map, catalogue).len();
        report.push_str(&format!(
            "{name}: schemes: {}; {} open\n",
            names.join(", "),
            count(open, "critical question", "critical questions")
        ));
    }
    problems.is_empty()
}

/// A whole version of a damaged map that a cut-short save left beside it.
fn whole_leftover(path: &Path) -> Option<PathBuf> {
    format::disk::leftovers(path)
        .into_iter()
        .chain(format::disk::kept_copies(path))
        .map(|(file, _)| file)
        .find(|file| format::disk::reads_as_map(file))
}
