//! `argmap add-source MAP DOCUMENT... [-o OUT]`: articles from web pages,
//! PDFs, Word, OpenDocument and text files become sources of a map, which
//! is created when it does not exist yet. All or nothing: one document
//! that cannot be read stops the command before anything is written.

use super::Error;
use crate::documents;
use crate::format::{self, Syntax};
use crate::model::{Edit, Map};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The map to add to (created when it does not exist; written in place
    /// unless -o is given)
    map: PathBuf,
    /// The articles: .html, .htm, .pdf, .docx, .odt, .txt or .md
    #[arg(required = true, value_name = "DOCUMENT")]
    documents: Vec<PathBuf>,
    /// Where to write the map with its new sources
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

pub fn run(args: &Args, err: &mut dyn Write) -> Result<u8, Error> {
    let mut map = if args.map.exists() {
        super::load(&args.map)?
    } else {
        Map::default()
    };
    let mut added = Vec::new();
    for path in &args.documents {
        let bytes = format::read_file(path)?;
        let reading = documents::read(&path.to_string_lossy(), &bytes)
            .map_err(|error| Error::Document(format!("{}: {error}", format::display(path))))?;
        if map.sources.len() >= format::MAX_SOURCES {
            return Err(Error::Document(format!(
                "{}: a map holds at most {} sources",
                format::display(path),
                format::MAX_SOURCES
            )));
        }
        let source = reading.to_source(&documents::file_stem(path), &map);
        let id = source.id.clone();
        Edit::AddSource(source)
            .apply(&mut map)
            .map_err(|error| Error::Document(format!("{}: {error}", format::display(path))))?;
        added.push((path, id, reading));
    }
    let out = args.output.as_deref().unwrap_or(&args.map);
    let text = format::encode(&map, Syntax::of_path(out))
        .map_err(|e| format::SaveError::new(out, e.to_string()))?;
    format::write_atomic(out, text.as_bytes())?;
    for (path, id, reading) in added {
        let _ = writeln!(
            err,
            "{}: added as source '{}' ({}, {} paragraphs, {} pieces of page furniture left out)",
            super::printable(&format::display(path)),
            id.as_str(),
            reading.kind.name(),
            reading.paragraphs.len(),
            reading.dropped.len()
        );
        for dropped in &reading.dropped {
            let _ = writeln!(err, "  left out {}", super::printable(dropped));
        }
    }
    Ok(0)
}
