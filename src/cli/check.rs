//! `argmap check MAP...`: validate maps, summarise each, list every problem.

use crate::format::{self, Syntax};
use crate::model::validate;
use std::io::Write;
use std::path::Path;

pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if args.is_empty() {
        return super::usage_error(err, "check needs at least one map");
    }
    let mut status = 0;
    for arg in args {
        if !check_one(Path::new(arg), out) {
            status = 1;
        }
    }
    status
}

/// Prints a summary line and one line per problem; returns whether the map is valid.
fn check_one(path: &Path, out: &mut dyn Write) -> bool {
    let name = format::display(path);
    let map = format::read_file(path).and_then(|bytes| {
        format::parse(&bytes, Syntax::detect(path, &bytes)).map_err(|error| format::FileError {
            file: name.clone(),
            error,
        })
    });
    let map = match map {
        Ok(map) => map,
        Err(error) => {
            let _ = writeln!(out, "{error}");
            return false;
        }
    };
    let problems = validate(&map);
    let unanchored = map.claims.iter().filter(|c| c.quote.is_none()).count();
    let verdict = if problems.is_empty() {
        "ok".to_owned()
    } else {
        format!("{} problem{}", problems.len(), plural(problems.len()))
    };
    let _ = writeln!(
        out,
        "{name}: {verdict}: {} claim{}, {} link{}, {} source{}, {unanchored} claim{} without a quote",
        map.claims.len(),
        plural(map.claims.len()),
        map.links.len(),
        plural(map.links.len()),
        map.sources.len(),
        plural(map.sources.len()),
        plural(unanchored),
    );
    for problem in &problems {
        let _ = writeln!(out, "{name}: {problem}");
    }
    problems.is_empty()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
