//! `argmap convert MAP --to json|ron [-o OUT]`: the same map in the other syntax.

use crate::format::{self, Syntax};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut input = None;
    let mut to = None;
    let mut output = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--to" => to = iter.next().cloned(),
            "-o" | "--output" => output = iter.next().map(PathBuf::from),
            flag if flag.starts_with('-') && flag != "-" => {
                return super::usage_error(err, &format!("convert: unknown option {flag}"));
            }
            path if input.is_none() => input = Some(PathBuf::from(path)),
            _ => return super::usage_error(err, "convert takes one map"),
        }
    }
    let Some(input) = input else {
        return super::usage_error(err, "convert needs a map");
    };
    let syntax = match to.as_deref() {
        Some("json") => Syntax::Json,
        Some("ron") => Syntax::Ron,
        Some(other) => {
            return super::usage_error(
                err,
                &format!("convert: --to must be json or ron, not {other}"),
            );
        }
        None => return super::usage_error(err, "convert needs --to json or --to ron"),
    };
    let map = match format::load(&input) {
        Ok(map) => map,
        Err(error) => {
            let _ = writeln!(err, "{error}");
            return 1;
        }
    };
    let text = match syntax {
        Syntax::Json => format::to_json(&map),
        Syntax::Ron => format::to_ron(&map),
    };
    match output {
        None => {
            let _ = out.write_all(text.as_bytes());
            0
        }
        Some(path) => write_output(&input, &path, &text, err),
    }
}

fn write_output(input: &Path, path: &Path, text: &str, err: &mut dyn Write) -> u8 {
    if same_file(input, path) {
        let _ = writeln!(
            err,
            "argmap: convert would overwrite its input {}",
            format::display(path)
        );
        return 1;
    }
    match format::write_atomic(path, text.as_bytes()) {
        Ok(()) => 0,
        Err(error) => {
            let _ = writeln!(
                err,
                "{}: could not write: {}",
                format::display(path),
                format::io_message(&error)
            );
            1
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
