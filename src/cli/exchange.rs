//! `argmap import` and `argmap export`: other tools' formats without a window.

use super::{Error, Output};
use crate::exchange::{self, Export};
use crate::format::{self, SaveError, Syntax};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// An AIF JSON file (OVA, AIFdb), or Argdown that Argmap wrote
    file: PathBuf,
    /// Where to write the map (standard output if not given)
    #[arg(short, long, value_name = "MAP.ron")]
    output: Option<PathBuf>,
}

/// Writes the imported map as RON; what came in and what was left out goes to `err`.
pub fn import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    let output = Output::new("import", args.output.as_deref(), &[&args.file]);
    output.check()?;
    let (map, summary) = exchange::import(&args.file)?;
    let line = format!("{}: {summary}", format::display(&args.file));
    let _ = writeln!(err, "{}", super::printable(&line));
    let text = format::encode(&map, Syntax::Ron)
        .map_err(|e| SaveError::new(args.output.as_deref().unwrap_or(&args.file), e.to_string()))?;
    output.write(text.as_bytes(), out)
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The map to export
    map: PathBuf,
    /// The format to write
    #[arg(long, value_enum)]
    to: Export,
    /// Where to write it (standard output if not given; a PNG needs a file)
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// For PNG: pixels per canvas unit
    #[arg(long, default_value_t = 2.0, value_name = "S")]
    scale: f32,
    /// For PDF: the paper to print on
    #[arg(long, value_enum, default_value_t = exchange::Paper::A4)]
    paper: exchange::Paper,
    /// For PDF: the whole map on one page, however small its words
    #[arg(long)]
    fit: bool,
}

pub fn export(args: &ExportArgs, out: &mut dyn Write) -> Result<u8, Error> {
    if (args.to == Export::Png || args.to.desktop_only()) && args.output.is_none() {
        return Err(Error::Usage(format!(
            "export --to {0} needs -o FILE.{1} (a {1} file is not written to the terminal)",
            clap::ValueEnum::to_possible_value(&args.to)
                .map_or_else(String::new, |v| v.get_name().to_owned()),
            args.to.extension()
        )));
    }
    let output = Output::new("export", args.output.as_deref(), &[&args.map]);
    output.check()?;
    let map = super::load(&args.map)?;
    let bytes = args
        .to
        .render(
            &map,
            &exchange::Options {
                scale: args.scale,
                paper: args.paper,
                fit: args.fit,
                ..exchange::Options::default()
            },
        )
        .map_err(|error| Error::Export {
            map: args.map.clone(),
            error,
        })?;
    output.write(&bytes, out)
}
