//! `argmap import` and `argmap export`: other tools' formats without a window.

use crate::exchange::files::{Export, import};
use crate::format;
use std::io::Write;
use std::path::PathBuf;

/// `argmap import FILE [-o MAP.ron]`: AIF JSON (or Argmap's Argdown) to a map.
pub fn import_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut input = None;
    let mut output = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-o" | "--output" => output = iter.next().map(PathBuf::from),
            flag if flag.starts_with('-') => {
                return super::usage_error(err, &format!("import: unknown option {flag}"));
            }
            path if input.is_none() => input = Some(PathBuf::from(path)),
            _ => return super::usage_error(err, "import takes one file"),
        }
    }
    let Some(input) = input else {
        return super::usage_error(err, "import needs a file");
    };
    match import(&input) {
        Ok((map, summary)) => {
            let _ = writeln!(err, "{}: {summary}", format::display(&input));
            super::emit(&format::to_ron(&map), output.as_deref(), out, err)
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            1
        }
    }
}

/// `argmap export MAP --to aif|aifdb|argdown|dot|svg|png [-o OUT] [--scale S]`.
pub fn export_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut input = None;
    let mut output: Option<PathBuf> = None;
    let mut to = None;
    let mut scale = 2.0f32;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-o" | "--output" => output = iter.next().map(PathBuf::from),
            "--to" => to = iter.next().cloned(),
            "--scale" => match iter.next().and_then(|s| s.parse::<f32>().ok()) {
                Some(s) => scale = s,
                None => return super::usage_error(err, "export: --scale needs a number"),
            },
            flag if flag.starts_with('-') => {
                return super::usage_error(err, &format!("export: unknown option {flag}"));
            }
            path if input.is_none() => input = Some(PathBuf::from(path)),
            _ => return super::usage_error(err, "export takes one map"),
        }
    }
    let Some(input) = input else {
        return super::usage_error(err, "export needs a map");
    };
    let Some(kind) = to.as_deref().and_then(Export::from_name) else {
        return super::usage_error(
            err,
            "export needs --to aif, aifdb, argdown, dot, svg or png",
        );
    };
    let map = match format::load(&input) {
        Ok(map) => map,
        Err(error) => {
            let _ = writeln!(err, "{error}");
            return 1;
        }
    };
    let bytes = match kind.render(&map, None, scale) {
        Ok(bytes) => bytes,
        Err(message) => {
            let _ = writeln!(err, "argmap: {message}");
            return 1;
        }
    };
    match output {
        Some(path) => match format::write_atomic(&path, &bytes) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(
                    err,
                    "{}: could not write: {}",
                    format::display(&path),
                    format::io_message(&e)
                );
                1
            }
        },
        None if kind == Export::Png => super::usage_error(err, "export --to png needs -o FILE.png"),
        None => {
            let _ = out.write_all(&bytes);
            0
        }
    }
}
