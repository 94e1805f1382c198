//! `argmap convert MAP --to json|ron [-o OUT]`: the same map in the other syntax.

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
