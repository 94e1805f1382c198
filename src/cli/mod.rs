//! The command line. With no subcommand Argmap opens its window; subcommands
//! work on map files without one. Every subcommand reads its flags the same
//! way (clap), writes its result to `-o FILE` or standard output, and never
//! writes over one of its own input files.

mod check;
mod convert;
mod exchange;
mod merge;
mod sources;
mod teach;

use crate::format::{self, FileError, SaveError};
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Invocation {
    /// Open the window, with this map if given.
    Gui(Option<PathBuf>),
    /// A subcommand ran; exit with this status.
    Done(u8),
}

const USAGE: &str = "\
argmap [MAP]                         open the editor (with MAP, a .ron or .json map)
       argmap check MAP...                  validate maps and summarise them
       argmap convert MAP --to json|ron [-o OUT]
       argmap compare STUDENT MODEL [-o REPORT.md]
       argmap grade MODEL FOLDER [-o GRADES.csv]
       argmap exercise MODEL [--keep claims|contentions] [-o STARTER.ron]
       argmap add-source MAP DOCUMENT... [-o OUT]
       argmap import FILE [-o MAP.ron]
       argmap export MAP --to aif|aifdb|argdown|dot|svg|png|outline [-o OUT] [--scale S]
       argmap tidy MAP [--debate [--effort N]] [--window WxH] [-o OUT]
       argmap merge BASE OURS THEIRS [-o OUT]
       argmap diff OLDER NEWER
       argmap completions bash|zsh|fish|powershell|elvish";

const EXIT_STATUS: &str = "\
Exit status: 0 on success, 1 when a map is invalid or cannot be read or a file cannot be written, \
2 on a usage error. `merge` and `diff` answer as git's do: 0 clean or the same, 1 with conflicts or \
changes, 2 when an input cannot be read or the result written. `argmap COMMAND --help` explains each command.";

/// Argmap: map arguments from articles, link claims, share the map.
#[derive(Debug, Parser)]
#[command(
    name = "argmap",
    version,
    override_usage = USAGE,
    after_help = EXIT_STATUS,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// A map to open in the editor (.ron or .json; AIF and Argdown are imported)
    map: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate maps, summarise each, and list every problem
    Check(check::Args),
    /// Write a map as JSON or RON
    Convert(convert::Args),
    /// Compare a student's map with a model answer (a Markdown report)
    Compare(teach::CompareArgs),
    /// Compare every map in a folder with a model answer, one CSV row per map
    Grade(teach::GradeArgs),
    /// A starter map for students, made from a model answer
    Exercise(teach::ExerciseArgs),
    /// Add articles (web pages, PDFs, Word, text) to a map as sources
    AddSource(sources::Args),
    /// Read AIF JSON (OVA, AIFdb) or Argmap's Argdown as a map
    Import(exchange::ImportArgs),
    /// Write a map for another tool, or as a picture
    Export(exchange::ExportArgs),
    /// Lay a map out with Tidy (as Map ▸ Tidy layout does)
    Tidy(convert::TidyArgs),
    /// Merge two copies of one map, against the map both started from
    Merge(merge::MergeArgs),
    /// List what changed from one version of a map to another
    Diff(merge::DiffArgs),
    /// Print a shell's completion script for argmap
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
}

/// Why a subcommand stopped. The binary prints it as `argmap: …`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Read(#[from] FileError),
    #[error(transparent)]
    Save(#[from] SaveError),
    /// A map that could not be exported: the map's file and why.
    #[error("{}: {error}", format::display(.map))]
    Export {
        map: PathBuf,
        error: crate::exchange::ExportError,
    },
    #[error("{} would overwrite its input {}", .command, format::display(.path))]
    OverwritesInput {
        command: &'static str,
        path: PathBuf,
    },
    #[error("could not write to standard output: {0}")]
    Stdout(std::io::Error),
    /// A document add-source could not read or add: its file and why.
    #[error("{0}")]
    Document(String),
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// 2 for a usage error, 1 for everything else.
    pub fn exit_status(&self) -> u8 {
        match self {
            Self::Usage(_) => 2,
            _ => 1,
        }
    }
}

/// Parses `args` (without the program name) and runs a subcommand if one is
/// given. Results go to `out`; messages and errors to `err`.
pub fn run(args: &[OsString], out: &mut dyn Write, err: &mut dyn Write) -> Invocation {
    let program = std::iter::once(OsString::from("argmap"));
    let cli = match Cli::try_parse_from(program.chain(args.iter().cloned())) {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            let text = error.render().to_string();
            return Invocation::Done(match error.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    match out.write_all(text.as_bytes()) {
                        Ok(()) => 0,
                        Err(_) => 1,
                    }
                }
                _ => {
                    let _ = err.write_all(text.as_bytes());
                    // Every usage error shows how the command is used.
                    if !text.contains("Usage:") {
                        let _ = writeln!(err, "\n{}", usage_of(args.first()));
                    }
                    2
                }
            });
        }
    };
    let Some(command) = cli.command else {
        return Invocation::Gui(cli.map);
    };
    // merge and diff keep 1 for "conflicts" or "changes": failing is 2.
    let failure = match command {
        Command::Merge(_) | Command::Diff(_) => Some(2),
        _ => None,
    };
    let result = match command {
        Command::Check(args) => check::run(&args, out),
        Command::Convert(args) => convert::run(&args, out),
        Command::Compare(args) => teach::compare(&args, out),
        Command::Grade(args) => teach::grade(&args, out, err),
        Command::Exercise(args) => teach::exercise(&args, out),
        Command::AddSource(args) => sources::run(&args, err),
        Command::Import(args) => exchange::import(&args, out, err),
        Command::Export(args) => exchange::export(&args, out),
        Command::Tidy(args) => convert::tidy(&args, out),
        Command::Merge(args) => merge::merge(&args, out, err),
        Command::Diff(args) => merge::diff(&args, out),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut buffer = Vec::new();
            clap_complete::generate(shell, &mut command, "argmap", &mut buffer);
            write_stdout(out, &buffer).map(|()| 0)
        }
    };
    Invocation::Done(match result {
        Ok(status) => status,
        Err(error) => {
            report(err, &error);
            failure.unwrap_or_else(|| error.exit_status())
        }
    })
}

/// Text from a file made safe to print: control characters (an escape
/// sequence could recolour or rewrite the terminal) and the marks that
/// reorder text on screen are shown as `\u{…}` instead. Line breaks and
/// tabs stay.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let hidden = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if hidden {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Standard output when it is a terminal: text goes out with control and
/// bidirectional characters escaped ([`printable`]), so nothing a map's
/// author wrote can move the cursor, recolour or reorder what the terminal
/// shows; bytes that are not text (a PNG) are refused.
pub struct Terminal<'a>(pub &'a mut dyn Write);

impl Write for Terminal<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = std::str::from_utf8(buf).map_err(|_| {
            std::io::Error::other("this is not text for a terminal: write it to a file with -o")
        })?;
        self.0.write_all(printable(text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The usage line of the subcommand named first, or of argmap itself.
fn usage_of(first: Option<&OsString>) -> String {
    let mut command = <Cli as clap::CommandFactory>::command();
    // Building names each subcommand "argmap NAME" in its usage.
    command.build();
    let name = first.and_then(|f| f.to_str()).unwrap_or_default();
    match command.find_subcommand_mut(name) {
        Some(sub) => sub.render_usage().to_string(),
        None => command.render_usage().to_string(),
    }
}

/// The top-level report of an error: one line, then what caused it.
fn report(err: &mut dyn Write, error: &Error) {
    let mut text = format!("argmap: {error}");
    let mut cause = std::error::Error::source(error);
    // Transparent wrappers repeat their inner message; say each cause once.
    while let Some(inner) = cause {
        let line = inner.to_string();
        if !text.contains(&line) {
            text.push_str(&format!("\n  because: {line}"));
        }
        cause = inner.source();
    }
    let _ = writeln!(err, "{}", printable(&text));
}

/// Reads and validates a map named on the command line.
fn load(path: &Path) -> Result<crate::model::Map, Error> {
    Ok(format::load(path)?)
}

fn write_stdout(out: &mut dyn Write, bytes: &[u8]) -> Result<(), Error> {
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(Error::Stdout)
}

/// Where a subcommand's result goes: a file (`-o`), written atomically and
/// never over one of the inputs, or standard output.
struct Output<'a> {
    command: &'static str,
    path: Option<&'a Path>,
    inputs: Vec<&'a Path>,
}

impl<'a> Output<'a> {
    fn new(command: &'static str, path: Option<&'a Path>, inputs: &[&'a Path]) -> Self {
        Self {
            command,
            path,
            inputs: inputs.to_vec(),
        }
    }

    /// Refuses an output that names an input, before any work is done.
    fn check(&self) -> Result<(), Error> {
        match self.path {
            Some(path) if self.inputs.iter().any(|input| same_file(input, path)) => {
                Err(Error::OverwritesInput {
                    command: self.command,
                    path: path.to_path_buf(),
                })
            }
            _ => Ok(()),
        }
    }

    fn write(&self, bytes: &[u8], out: &mut dyn Write) -> Result<u8, Error> {
        self.check()?;
        match self.path {
            Some(path) => {
                format::write_atomic(path, bytes)?;
            }
            None => write_stdout(out, bytes)?,
        }
        Ok(0)
    }
}

/// Whether two paths name the same file (through links and `..` alike).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
