//! `argmap merge` and `argmap diff`: two copies of one map brought together,
//! and what changed between two versions. Both answer like their git
//! namesakes: 0 when clean (or the same), 1 with conflicts (or changes),
//! 2 when an input cannot be read.

use super::{Error, Output};
use crate::analysis::merge;
use crate::format::{self, SaveError, Syntax};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The map both copies started from
    base: PathBuf,
    /// Our copy (its version is kept where the two conflict)
    ours: PathBuf,
    /// Their copy
    theirs: PathBuf,
    /// Where to write the merged map (standard output if not given); may be
    /// OURS itself, as git's merge driver asks
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

/// The merged map to OUT, the conflicts to `err`.
pub fn merge(args: &MergeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    // OURS may be overwritten (it is read whole first); the others not.
    let output = Output::new("merge", args.output.as_deref(), &[&args.base, &args.theirs]);
    output.check()?;
    let base = super::load(&args.base)?;
    let ours_bytes = format::read_file(&args.ours)?;
    let ours = format::read(&ours_bytes, Syntax::detect(&args.ours, &ours_bytes))
        .map_err(|error| format::FileError::new(&args.ours, error))?;
    let theirs = super::load(&args.theirs)?;
    let merged = merge::merge(&base, &ours, &theirs);

    // The merged map keeps OURS' syntax unless OUT's name says otherwise.
    let syntax = match &args.output {
        Some(path) if format::has_map_extension(path) => Syntax::of_path(path),
        _ => Syntax::detect(&args.ours, &ours_bytes),
    };
    let text = format::encode(&merged.map, syntax)
        .map_err(|e| SaveError::new(args.output.as_deref().unwrap_or(&args.ours), e.to_string()))?;
    output.write(text.as_bytes(), out)?;

    let ours_name = name_of(&args.ours, "ours");
    let theirs_name = name_of(&args.theirs, "theirs");
    let mut report = Vec::new();
    for (from, to) in &merged.renumbered {
        report.push(format!("{from} added in {theirs_name} is now {to}"));
    }
    if merged.is_clean() {
        report.push(format!(
            "merged cleanly; taken from {theirs_name}: {}",
            merge::diff(&ours, &merged.map).summary()
        ));
    } else {
        report.push(format!(
            "{} (the merged map holds the version in {ours_name}):",
            crate::model::count(merged.conflicts.len(), "conflict", "conflicts")
        ));
        for conflict in &merged.conflicts {
            report.extend(
                conflict
                    .lines(&ours_name, &theirs_name)
                    .into_iter()
                    .map(|l| format!("  {l}")),
            );
        }
    }
    let _ = writeln!(err, "{}", super::printable(&report.join("\n")));
    Ok(u8::from(!merged.is_clean()))
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older map
    older: PathBuf,
    /// The newer map
    newer: PathBuf,
}

/// What changed from OLDER to NEWER, on standard output.
pub fn diff(args: &DiffArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let older = super::load(&args.older)?;
    let newer = super::load(&args.newer)?;
    let changes = merge::diff(&older, &newer);
    let mut text = changes.lines().join("\n");
    text.push('\n');
    super::write_stdout(out, super::printable(&text).as_bytes())?;
    Ok(u8::from(!changes.is_empty()))
}

/// A side named by its file (git's temporary names say little: then the role).
fn name_of(path: &std::path::Path, role: &str) -> String {
    let name = format::file_name(path);
    if name.starts_with(".merge_file") {
        role.to_owned()
    } else {
        name
    }
}
