//! `argmap compare`, `argmap grade` and `argmap exercise`: the comparison with
//! a model answer, and starter maps, without a window.

use super::{Error, Output};
use crate::analysis::compare::{self, Exercise, Row};
use crate::format::{self, SaveError, Syntax};
use std::io::Write;
use std::path::{Path, PathBuf};

fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || format::display(path),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The student's map
    student: PathBuf,
    /// The model answer
    model: PathBuf,
    /// Where to write the Markdown report (standard output if not given)
    #[arg(short, long, value_name = "REPORT.md")]
    output: Option<PathBuf>,
}

/// The feedback report.
pub fn compare(args: &CompareArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let output = Output::new(
        "compare",
        args.output.as_deref(),
        &[&args.student, &args.model],
    );
    output.check()?;
    let student = super::load(&args.student)?;
    let model = super::load(&args.model)?;
    let result = compare::compare(&student, &model);
    let report = compare::report(
        &result,
        &student,
        &model,
        &name(&args.student),
        &name(&args.model),
    );
    // The report quotes the maps: nothing in it may drive a terminal.
    output.write(super::printable(&report).as_bytes(), out)
}

#[derive(Debug, clap::Args)]
pub struct GradeArgs {
    /// The model answer
    model: PathBuf,
    /// A folder of students' maps (.ron or .json)
    folder: PathBuf,
    /// Where to write the CSV (standard output if not given)
    #[arg(short, long, value_name = "GRADES.csv")]
    output: Option<PathBuf>,
}

/// One CSV row per map in the folder; an unreadable map gets a row with its
/// error (and a message on `err`) while the rest are graded.
pub fn grade(args: &GradeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    let model = super::load(&args.model)?;
    let entries = std::fs::read_dir(&args.folder).map_err(|e| {
        format::FileError::new(&args.folder, format::ReadError::Io(format::io_message(&e)))
    })?;
    let model_canonical = args.model.canonicalize().ok();
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron") || e.eq_ignore_ascii_case("json"))
        })
        .filter(|p| p.canonicalize().ok() != model_canonical)
        .collect();
    files.sort();
    let mut inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    inputs.push(&args.model);
    let output = Output::new("grade", args.output.as_deref(), &inputs);
    output.check()?;
    let mut status = 0;
    let graded: Vec<(String, Result<compare::Comparison, String>)> = files
        .iter()
        .map(|file| {
            let result = match format::load(file) {
                Ok(student) => Ok(compare::compare(&student, &model)),
                Err(e) => {
                    let _ = writeln!(err, "{}", super::printable(&e.to_string()));
                    status = 1;
                    Err(e.error.to_string())
                }
            };
            (name(file), result)
        })
        .collect();
    let csv = compare::table(graded.iter().map(|(file, result)| {
        let row = match result {
            Ok(cmp) => Row::Graded(cmp),
            Err(error) => Row::Unreadable(error),
        };
        (file.as_str(), row)
    }));
    output.write(super::printable(&csv).as_bytes(), out)?;
    Ok(status)
}

/// What a starter map keeps of the model.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Keep {
    /// Every claim, without links
    Claims,
    /// Only the main contentions (the claims that support nothing further)
    Contentions,
}

#[derive(Debug, clap::Args)]
pub struct ExerciseArgs {
    /// The model answer
    model: PathBuf,
    /// What the starter map keeps
    #[arg(long, value_enum, default_value = "claims")]
    keep: Keep,
    /// Where to write the starter map (standard output if not given)
    #[arg(short, long, value_name = "STARTER.ron")]
    output: Option<PathBuf>,
}

pub fn exercise(args: &ExerciseArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let output = Output::new("exercise", args.output.as_deref(), &[&args.model]);
    output.check()?;
    let model = super::load(&args.model)?;
    let kind = match args.keep {
        Keep::Claims => Exercise::ClaimsOnly,
        Keep::Contentions => Exercise::MainContentions,
    };
    let starter = compare::exercise(&model, kind);
    let syntax = args.output.as_deref().map_or(Syntax::Ron, Syntax::of_path);
    let text = format::encode(&starter, syntax).map_err(|e| {
        SaveError::new(args.output.as_deref().unwrap_or(&args.model), e.to_string())
    })?;
    output.write(text.as_bytes(), out)
}
