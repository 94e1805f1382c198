//! `argmap convert MAP --to json|ron [-o OUT]`: the same map in the other
//! syntax; `argmap tidy MAP [-o OUT]`: the same map laid out again.

use super::{Error, Output};
use crate::format::{self, Syntax};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The map to convert
    map: PathBuf,
    /// The syntax to write
    #[arg(long, value_enum)]
    to: To,
    /// Where to write it (standard output if not given)
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum To {
    Json,
    Ron,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<u8, Error> {
    let output = Output::new("convert", args.output.as_deref(), &[&args.map]);
    output.check()?;
    let map = super::load(&args.map)?;
    let syntax = match args.to {
        To::Json => Syntax::Json,
        To::Ron => Syntax::Ron,
    };
    let text = format::encode(&map, syntax).map_err(|e| {
        crate::format::SaveError::new(args.output.as_deref().unwrap_or(&args.map), e.to_string())
    })?;
    output.write(text.as_bytes(), out)
}

#[derive(Debug, clap::Args)]
pub struct TidyArgs {
    /// The map to lay out
    map: PathBuf,
    /// Lay it out as a debate: each side's case in its own half
    #[arg(long)]
    debate: bool,
    /// For --debate: search this many times as long for fewer crossings
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=20))]
    effort: u16,
    /// Where to write it (standard output if not given; the map's own file is allowed)
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

/// Lays the map out as the menu's Tidy (or Lay out as a debate) does and
/// writes it in the syntax of its output (RON on standard output).
pub fn tidy(args: &TidyArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let mut map = super::load(&args.map)?;
    if args.debate {
        if !crate::render::measure::debate(&mut map, usize::from(args.effort)) {
            return Err(Error::Usage(
                "this map has no two sides to lay out as a debate (claims quoting two authors)"
                    .to_owned(),
            ));
        }
    } else {
        crate::render::measure::tidy(&mut map);
    }
    let syntax = args.output.as_deref().map_or(Syntax::Ron, Syntax::of_path);
    let text = format::encode(&map, syntax).map_err(|e| {
        crate::format::SaveError::new(args.output.as_deref().unwrap_or(&args.map), e.to_string())
    })?;
    // Laying a map out in place is what this command is for.
    match &args.output {
        Some(path) => {
            format::write_atomic(path, text.as_bytes())?;
            Ok(0)
        }
        None => super::write_stdout(out, text.as_bytes()).map(|()| 0),
    }
}
