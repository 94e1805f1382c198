//! `argmap compare`, `argmap grade` and `argmap exercise`: the comparison with
//! a model answer, and starter maps, without a window.

use crate::analysis::compare::{self, CSV_HEADER, Exercise};
use crate::format;
use std::io::Write;
use std::path::{Path, PathBuf};

fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || format::display(path),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `argmap compare STUDENT MODEL [-o REPORT.md]`: the feedback report.
pub fn compare(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (paths, output) = match split_output(args) {
        Ok(parts) => parts,
        Err(message) => return super::usage_error(err, &message),
    };
    let [student, model] = paths.as_slice() else {
        return super::usage_error(err, "compare needs a student map and a model map");
    };
    let (student_map, model_map) = match (format::load(student), format::load(model)) {
        (Ok(s), Ok(m)) => (s, m),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let result = compare::compare(&student_map, &model_map);
    let report = compare::report(
        &result,
        &student_map,
        &model_map,
        &name(student),
        &name(model),
    );
    super::emit(&report, output.as_deref(), out, err)
}

/// `argmap grade MODEL FOLDER [-o GRADES.csv]`: one CSV row per map in the folder.
pub fn grade(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (paths, output) = match split_output(args) {
        Ok(parts) => parts,
        Err(message) => return super::usage_error(err, &message),
    };
    let [model, folder] = paths.as_slice() else {
        return super::usage_error(err, "grade needs a model map and a folder of student maps");
    };
    let model_map = match format::load(model) {
        Ok(map) => map,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            let _ = writeln!(
                err,
                "{}: {}",
                format::display(folder),
                format::io_message(&e)
            );
            return 1;
        }
    };
    let model_canonical = model.canonicalize().ok();
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
    let mut csv = format!("{CSV_HEADER}\n");
    let mut status = 0;
    for file in &files {
        match format::load(file) {
            Ok(student) => {
                let result = compare::compare(&student, &model_map);
                csv.push_str(&compare::csv_row(&name(file), &result));
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                csv.push_str(&compare::csv_error_row(&name(file), &e.error.to_string()));
                status = 1;
            }
        }
        csv.push('\n');
    }
    let written = super::emit(&csv, output.as_deref(), out, err);
    if written != 0 { written } else { status }
}

/// `argmap exercise MODEL --keep claims|contentions -o STARTER.ron`.
pub fn exercise(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut keep = None;
    let mut rest = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--keep" {
            keep = iter.next().cloned();
        } else {
            rest.push(arg.clone());
        }
    }
    let kind = match keep.as_deref() {
        Some("claims") | None => Exercise::ClaimsOnly,
        Some("contentions") => Exercise::MainContentions,
        Some(other) => {
            return super::usage_error(
                err,
                &format!("exercise: --keep must be claims or contentions, not {other}"),
            );
        }
    };
    let (paths, output) = match split_output(&rest) {
        Ok(parts) => parts,
        Err(message) => return super::usage_error(err, &message),
    };
    let [model] = paths.as_slice() else {
        return super::usage_error(err, "exercise needs one model map");
    };
    let model_map = match format::load(model) {
        Ok(map) => map,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let starter = compare::exercise(&model_map, kind);
    super::emit(&format::to_ron(&starter), output.as_deref(), out, err)
}

/// Splits `-o OUT` from the positional arguments.
fn split_output(args: &[String]) -> Result<(Vec<PathBuf>, Option<PathBuf>), String> {
    let mut paths = Vec::new();
    let mut output = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-o" | "--output" => {
                output = Some(PathBuf::from(iter.next().ok_or("-o needs a file name")?))
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path => paths.push(PathBuf::from(path)),
        }
    }
    Ok((paths, output))
}
