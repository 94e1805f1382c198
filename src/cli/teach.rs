//! `argmap compare`, `argmap grade` and `argmap exercise`: the comparison with
//! a model answer, and starter maps, without a window.

use super::{Error, Output};
use crate::analysis::compare::{self, Exercise, Row};
use crate::format::{self, SaveError, Syntax};
use crate::model::Map;
use std::io::Write;
use std::path::{Path, PathBuf};

use format::file_name as name;

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
    /// Also write, into DIR, each student's feedback report (NAME.md and
    /// NAME.html, after the map's file) and gradebook.csv for a learning
    /// platform's grading worksheet
    #[arg(long, value_name = "DIR")]
    feedback: Option<PathBuf>,
}

/// A student's map: its file, and the map with its comparison or why it
/// could not be read.
type Graded<'a> = (&'a Path, Result<(Map, compare::Comparison), String>);

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
        .filter(|p| format::has_map_extension(p))
        .filter(|p| p.canonicalize().ok() != model_canonical)
        .collect();
    files.sort();
    let mut inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    inputs.push(&args.model);
    let output = Output::new("grade", args.output.as_deref(), &inputs);
    output.check()?;
    let mut status = 0;
    let graded: Vec<Graded<'_>> = files
        .iter()
        .map(|file| {
            let result = match format::load(file) {
                Ok(student) => {
                    let cmp = compare::compare(&student, &model);
                    Ok((student, cmp))
                }
                Err(e) => {
                    let _ = writeln!(err, "{}", super::printable(&e.to_string()));
                    status = 1;
                    Err(e.error.to_string())
                }
            };
            (file.as_path(), result)
        })
        .collect();
    let names: Vec<String> = graded.iter().map(|(file, _)| name(file)).collect();
    let csv = compare::table(graded.iter().zip(&names).map(|((_, result), file)| {
        let row = match result {
            Ok((_, cmp)) => Row::Graded(cmp),
            Err(error) => Row::Unreadable(error),
        };
        (file.as_str(), row)
    }));
    if let Some(dir) = &args.feedback {
        write_feedback(dir, &graded, &model, &name(&args.model))?;
    }
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

/// Each readable map's report, as Markdown and as a web page, and the
/// gradebook, into `dir`. Reports are named after the map's file without its
/// extension, or with it where two maps would share a name.
fn write_feedback(
    dir: &Path,
    graded: &[Graded<'_>],
    model: &Map,
    model_name: &str,
) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| SaveError::new(dir, format::io_message(&e)))?;
    let stem = |file: &Path| {
        file.file_stem()
            .map_or_else(|| name(file), |s| s.to_string_lossy().into_owned())
    };
    let shared = |file: &Path| graded.iter().filter(|(f, _)| stem(f) == stem(file)).count() > 1;
    let mut entries = Vec::new();
    let identifiers: Vec<(String, String, String)> = graded
        .iter()
        .map(|(file, _)| {
            let report_name = if shared(file) { name(file) } else { stem(file) };
            (stem(file), name(file), report_name)
        })
        .collect();
    for ((_, result), (identifier, file_name, report_name)) in graded.iter().zip(&identifiers) {
        let result = match result {
            Ok((student, cmp)) => {
                let feedback = compare::feedback(cmp, student, model, file_name, model_name);
                for (extension, text) in [("md", feedback.markdown()), ("html", feedback.html())] {
                    let path = dir.join(format!("{report_name}.{extension}"));
                    format::write_atomic(&path, text.as_bytes())?;
                }
                Ok((
                    compare::grade(cmp),
                    compare::comment(cmp, model.claims.len(), model.links.len()),
                ))
            }
            Err(error) => Err(error.clone()),
        };
        entries.push(compare::Entry {
            identifier,
            name: file_name,
            result,
        });
    }
    let book = compare::gradebook(entries);
    format::write_atomic(&dir.join("gradebook.csv"), book.as_bytes())?;
    Ok(())
}
