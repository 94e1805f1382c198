//! Graphviz DOT: claims as boxes (coloured by source), support as solid
//! green arrows marked +, rebut as dashed red arrows with a bar marked −.
//! Linked arguments and links that are undercut pass through a small point.

use crate::model::{Link, LinkId, LinkKind, Map, Target};
use crate::render::palette;
use std::fmt::Write as _;

/// DOT quotes every id and label; only `"` and `\` need escaping inside, and
/// line breaks are written as `\n`. Other control characters (a NUL ends
/// Graphviz's reading) become the replacement character.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `aimed_at` is [`Map::aimed_at`].
fn needs_point(aimed_at: &std::collections::HashSet<LinkId>, link: &Link) -> bool {
    link.premises.len() > 1 || aimed_at.contains(&link.id)
}

pub fn to_dot(map: &Map) -> String {
    let aimed_at = map.aimed_at();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "digraph {} {{",
        quote(if map.title.is_empty() {
            "Argmap"
        } else {
            &map.title
        })
    );
    let _ = writeln!(
        out,
        "  graph [rankdir=BT, fontname=\"Helvetica\", labelloc=t, label={}];",
        quote(&map.title)
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=11, penwidth=1.5];"
    );
    let _ = writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize=12, penwidth=1.5];"
    );
    for claim in &map.claims {
        let colour = claim
            .quote
            .as_ref()
            .map_or([0x88; 3], |q| palette::source(&q.source));
        let _ = writeln!(
            out,
            "  {} [label={}, color={}];",
            quote(&format!("c{}", claim.id.0)),
            quote(&super::wrap(&claim.text, 32).join("\n")),
            quote(&palette::hex(colour))
        );
    }
    for link in &map.links {
        let colour = quote(&palette::hex(palette::link(link.kind, false)));
        let style = match link.kind {
            LinkKind::Support => {
                format!("color={colour}, fontcolor={colour}, arrowhead=normal, label=\"+\"")
            }
            LinkKind::Rebut => format!(
                "color={colour}, fontcolor={colour}, style=dashed, arrowhead=teenormal, label=\"−\""
            ),
        };
        let target = match link.target {
            Target::Claim(c) => quote(&format!("c{}", c.0)),
            Target::Link(l) => quote(&format!("l{}", l.0)),
        };
        if needs_point(&aimed_at, link) {
            let point = quote(&format!("l{}", link.id.0));
            let _ = writeln!(out, "  {point} [shape=point, width=0.08, color={colour}];");
            for premise in &link.premises {
                let _ = writeln!(
                    out,
                    "  {} -> {point} [color={colour}, arrowhead=none{}];",
                    quote(&format!("c{}", premise.0)),
                    match link.kind {
                        LinkKind::Support => "",
                        LinkKind::Rebut => ", style=dashed",
                    }
                );
            }
            let _ = writeln!(out, "  {point} -> {target} [{style}];");
        } else {
            for premise in &link.premises {
                let _ = writeln!(
                    out,
                    "  {} -> {target} [{style}];",
                    quote(&format!("c{}", premise.0))
                );
            }
        }
    }
    out.push_str("}\n");
    out
}
