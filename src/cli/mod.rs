//! The command line. With no subcommand Argmap opens its window; subcommands
//! work on map files without one.

mod check;
mod convert;
mod exchange;
mod teach;

use std::io::Write;
use std::path::PathBuf;

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Invocation {
    /// Open the window, with this map if given.
    Gui(Option<PathBuf>),
    /// A subcommand ran; exit with this status.
    Done(u8),
}

pub const USAGE: &str = "\
Argmap: map arguments from articles, link claims, share the map.

Usage:
  argmap [MAP]                         open the editor (with MAP, a .ron or .json map)
  argmap check MAP...                  validate maps and summarise them
  argmap convert MAP --to json|ron [-o OUT]
                                       write a map as JSON or RON (to OUT, else stdout)
  argmap compare STUDENT MODEL [-o REPORT.md]
                                       compare a student's map with a model answer (Markdown report)
  argmap grade MODEL FOLDER [-o GRADES.csv]
                                       compare every map in FOLDER with MODEL, one CSV row per map
  argmap exercise MODEL [--keep claims|contentions] [-o STARTER.ron]
                                       a starter map for students: the claims without links, or
                                       only the main contentions
  argmap import FILE [-o MAP.ron]       read AIF JSON (OVA, AIFdb) or Argmap's Argdown as a map
  argmap export MAP --to aif|aifdb|argdown|dot|svg|png [-o OUT] [--scale S]
                                       write the map for another tool, or as a picture
                                       (PNG needs -o; --scale sets pixels per canvas unit, default 2)
  argmap --help | --version

Exit status: 0 on success, 1 when a map is invalid or cannot be read, 2 on a usage error.
";

/// Parses `args` (without the program name) and runs a subcommand if one is given.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Invocation {
    let Some(first) = args.first() else {
        return Invocation::Gui(None);
    };
    let rest = &args[1..];
    let status = match first.as_str() {
        "-h" | "--help" | "help" => {
            let _ = write!(out, "{USAGE}");
            0
        }
        "-V" | "--version" => {
            let _ = writeln!(out, "argmap {}", env!("CARGO_PKG_VERSION"));
            0
        }
        "check" => check::run(rest, out, err),
        "convert" => convert::run(rest, out, err),
        "compare" => teach::compare(rest, out, err),
        "grade" => teach::grade(rest, out, err),
        "exercise" => teach::exercise(rest, out, err),
        "import" => exchange::import_command(rest, out, err),
        "export" => exchange::export_command(rest, out, err),
        flag if flag.starts_with('-') => usage_error(err, &format!("unknown option {flag}")),
        path if rest.is_empty() => return Invocation::Gui(Some(PathBuf::from(path))),
        _ => usage_error(err, "give one map to open, or a subcommand"),
    };
    Invocation::Done(status)
}

fn usage_error(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "argmap: {message}\n\n{USAGE}");
    2
}

/// Writes `text` to `path` atomically, or to standard output when there is no path.
fn emit(
    text: &str,
    path: Option<&std::path::Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    match path {
        None => {
            let _ = out.write_all(text.as_bytes());
            0
        }
        Some(path) => match crate::format::write_atomic(path, text.as_bytes()) {
            Ok(()) => 0,
            Err(error) => {
                let _ = writeln!(
                    err,
                    "{}: could not write: {}",
                    crate::format::display(path),
                    crate::format::io_message(&error)
                );
                1
            }
        },
    }
}
