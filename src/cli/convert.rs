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
    /// Lay it out for a canvas of this size in points (for example 778x718,
    /// a 1366×768 laptop's), as the menu does for the window: the shape
    /// that shows the most labels whole at Fit there
    #[arg(long, value_name = "WxH", value_parser = parse_window)]
    window: Option<egui::Vec2>,
    /// Where to write it (standard output if not given; the map's own file is allowed)
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

/// Lays the map out as the menu's Tidy (or Lay out as a debate) does and
/// writes it in the syntax of its output (RON on standard output).
pub fn tidy(args: &TidyArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let mut map = super::load(&args.map)?;
    if let Some(canvas) = args.window {
        let fonts = crate::render::measure::Headless::default();
        let sizes = fonts.sizes(&map);
        let laid = if args.debate {
            crate::render::fitting::debate(&fonts, &map, &sizes, canvas, usize::from(args.effort))
                .ok_or_else(no_sides)?
        } else {
            crate::render::fitting::tidy(&fonts, &map, &sizes, canvas)
        };
        for claim in &mut map.claims {
            if let Some(&p) = laid.positions.get(&claim.id) {
                claim.pos = p;
            }
        }
    } else if args.debate {
        if !crate::render::measure::debate(&mut map, usize::from(args.effort)) {
            return Err(no_sides());
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

fn no_sides() -> Error {
    Error::Usage(
        "this map has no two sides to lay out as a debate (claims quoting two authors)".to_owned(),
    )
}

/// "778x718" as a size in points.
fn parse_window(text: &str) -> Result<egui::Vec2, String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("{text:?} is not a size like 778x718"))?;
    let number = |s: &str| {
        s.trim()
            .parse::<f32>()
            .ok()
            .filter(|v| (100.0..=20_000.0).contains(v))
            .ok_or_else(|| format!("{s:?} is not a width or height from 100 to 20000"))
    };
    Ok(egui::vec2(number(w)?, number(h)?))
}
