//! Argdown: every claim a statement `[Title]: text`; simple links written as
//! relations under their target (`<+` support, `<-` rebut); linked arguments
//! and links that are undercut written as arguments `<Ln>` with a
//! premise-conclusion structure, and undercuts as `<_` under the argument
//! they attack. A rebutting argument concludes a statement "Not: …" and
//! attacks its target (`->`), which is how Argdown itself models it.
//!
//! [`read`] reads back exactly this subset, so exports can be checked.

use crate::format::ReadError;
use crate::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

/// Characters that mean something in Argdown or its Markdown, escaped with `\`.
const SPECIAL: &[char] = &[
    '\\', '[', ']', '<', '>', '#', '@', '*', '_', '{', '}', '/', '`', '+', '-',
];

/// Text on one line as Argdown shows it: runs of white space as one space,
/// control characters left out, syntax escaped.
fn escape(text: &str) -> String {
    let flat = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(char::is_control, "");
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The data field that carries a claim's exact text where the line cannot
/// (line breaks, runs of spaces, control characters, no text at all): a
/// YAML double-quoted string whose escapes are JSON's too. Argdown reads the
/// line for its own syntax before the data, so its special characters are
/// written as escapes as well.
fn exact_field(text: &str) -> Option<String> {
    if !text.is_empty() && unescape(&escape(text)) == text {
        return None;
    }
    let mut quoted = String::from("\"");
    for c in text.chars() {
        let hidden = c.is_control()
            || c == '"'
            || SPECIAL.contains(&c)
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            );
        if hidden {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                quoted.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            quoted.push(c);
        }
    }
    quoted.push('"');
    Some(format!(" {{{EXACT}: {quoted}}}"))
}

/// The key of the data field with a claim's exact text.
const EXACT: &str = "exact";

/// What a statement for a claim shows: its text, or a stand-in for none.
fn shown(text: &str) -> String {
    let shown = escape(text);
    if shown.is_empty() {
        "(empty claim)".to_owned()
    } else {
        shown
    }
}

/// The title of the statement a rebutting argument concludes. Titles made
/// from claims never hold a dash, so no claim can take this name.
fn conclusion_title(link: LinkId) -> String {
    format!("L{} — conclusion", link.0)
}

fn is_conclusion_title(name: &str) -> bool {
    name.starts_with('L')
        && name
            .strip_suffix(" — conclusion")
            .is_some_and(|n| n[1..].chars().all(|c| c.is_ascii_digit()))
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A title from the claim's first words: no brackets, never starting with `-`.
fn base_title(claim: &Claim) -> String {
    let words: Vec<String> = claim
        .text
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | ','))
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let title = words.join(" ").trim_end_matches([',', '.']).to_owned();
    if title.is_empty() {
        format!("Claim {}", claim.id.0)
    } else {
        title
    }
}

fn titles(map: &Map) -> BTreeMap<ClaimId, String> {
    let mut used = BTreeSet::new();
    // Where each title's numbering goes on: every number below it is taken,
    // so claims worded alike cost one try each, not one per earlier claim.
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut out = BTreeMap::new();
    for claim in &map.claims {
        let base = base_title(claim);
        let key = base.to_lowercase();
        let mut n = next.get(&key).copied().unwrap_or(2);
        let mut title = if n == 2 {
            base.clone()
        } else {
            n += 1;
            format!("{base} {}", n - 1)
        };
        while !used.insert(title.to_lowercase()) {
            title = format!("{base} {n}");
            n += 1;
        }
        next.insert(key, n);
        out.insert(claim.id, title);
    }
    out
}

/// Links written as arguments rather than plain relations.
/// `aimed_at` is [`Map::aimed_at`].
fn as_argument(aimed_at: &HashSet<LinkId>, link: &Link) -> bool {
    link.premises.len() > 1
        || !link.scheme.is_empty()
        || !link.question.is_empty()
        || aimed_at.contains(&link.id)
}

/// The scheme and critical question a link carries, as an argument's data:
/// a flow mapping with quoted keys, which reads as YAML and as JSON alike.
fn argument_data(link: &Link) -> String {
    let mut fields = Vec::new();
    for (key, value) in [("scheme", &link.scheme), ("question", &link.question)] {
        if !value.is_empty() {
            fields.push(format!(
                "\"{key}\": {}",
                serde_json::Value::from(value.as_str())
            ));
        }
    }
    if fields.is_empty() {
        String::new()
    } else {
        format!(" {{{}}}", fields.join(", "))
    }
}

/// Reads back what [`argument_data`] wrote at the end of an argument's line.
fn read_argument_data(line: &str) -> Option<BTreeMap<String, String>> {
    let at = line.find(" {\"")?;
    serde_json::from_str(&line[at + 1..]).ok()
}

fn arrow(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Support => "<+",
        LinkKind::Rebut => "<-",
    }
}

pub fn to_argdown(map: &Map) -> String {
    let titles = titles(map);
    let aimed_at = map.aimed_at();
    let t = |id: ClaimId| format!("[{}]", titles.get(&id).map_or("?", String::as_str));
    let mut out = String::new();
    let heading = escape(&map.title);
    if !heading.is_empty() {
        let _ = writeln!(out, "# {heading}\n");
    }
    for claim in &map.claims {
        let exact = exact_field(&claim.text).unwrap_or_default();
        let _ = writeln!(out, "{}: {}{exact}\n", t(claim.id), shown(&claim.text));
    }
    // Plain relations, grouped under their target.
    let mut under: BTreeMap<ClaimId, Vec<&Link>> = BTreeMap::new();
    for link in &map.links {
        if let (false, Target::Claim(target)) = (as_argument(&aimed_at, link), link.target) {
            under.entry(target).or_default().push(link);
        }
    }
    for (target, links) in &under {
        let _ = writeln!(out, "{}", t(*target));
        for link in links {
            for &premise in &link.premises {
                let _ = writeln!(out, "    {} {}", arrow(link.kind), t(premise));
            }
        }
        out.push('\n');
    }
    // Arguments, each with its premise-conclusion structure.
    for link in map.links.iter().filter(|l| as_argument(&aimed_at, l)) {
        let name = format!("<L{}>", link.id.0);
        let _ = writeln!(
            out,
            "{name}: {}{}\n",
            escape(&format!("{} link {}.", link.kind.name(), link.id.0)),
            argument_data(link)
        );
        let mut n = 1;
        for &premise in &link.premises {
            let _ = writeln!(out, "({n}) {}", t(premise));
            n += 1;
        }
        out.push_str("----\n");
        match (link.kind, link.target) {
            (LinkKind::Support, Target::Claim(c)) => {
                let _ = writeln!(out, "({n}) {}", t(c));
            }
            (LinkKind::Support, Target::Link(l)) => {
                let _ = writeln!(
                    out,
                    "({n}) [{}]: {}",
                    conclusion_title(link.id),
                    escape(&format!("The inference L{} holds", l.0))
                );
            }
            (_, target) => {
                let denied = match target {
                    Target::Claim(c) => map.claim(c).map_or_else(String::new, |c| c.text.clone()),
                    Target::Link(l) => format!("the inference L{} holds", l.0),
                };
                let _ = writeln!(
                    out,
                    "({n}) [{}]: {}",
                    conclusion_title(link.id),
                    escape(&format!("Not: {denied}"))
                );
                if let Target::Claim(c) = target {
                    let _ = writeln!(out, "    -> {}", t(c));
                }
            }
        }
        out.push('\n');
    }
    // Undercuts and backings, under the argument they attack or support.
    for link in &map.links {
        let Target::Link(attacked) = link.target else {
            continue;
        };
        let by = if as_argument(&aimed_at, link) {
            format!("<L{}>", link.id.0)
        } else {
            link.premises.first().map_or_else(String::new, |&p| t(p))
        };
        let symbol = match link.kind {
            LinkKind::Support => "<+",
            LinkKind::Rebut => "<_",
        };
        let _ = writeln!(out, "<L{}>\n    {symbol} {by}\n", attacked.0);
    }
    out
}

/// One parsed element: a statement or an argument, by title.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Node {
    Statement(String),
    Argument(String),
}

/// A node as the text writes it: `[Statement]` or `<Argument>`.
fn as_written(node: &Node) -> String {
    match node {
        Node::Statement(name) => format!("[{name}]"),
        Node::Argument(name) => format!("<{name}>"),
    }
}

fn node(text: &str) -> Option<Node> {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        Some(Node::Statement(inner.to_owned()))
    } else {
        text.strip_prefix('<')
            .and_then(|t| t.strip_suffix('>'))
            .map(|inner| Node::Argument(inner.to_owned()))
    }
}

/// Splits `[Title]: text` or `<Title>: text` into the node and its text.
fn definition(line: &str) -> Option<(Node, Option<String>)> {
    let close = if line.starts_with('[') {
        ']'
    } else if line.starts_with('<') {
        '>'
    } else {
        return None;
    };
    let end = line.find(close)?;
    let node = node(&line[..=end])?;
    let text = line[end + 1..].strip_prefix(':').map(|t| {
        let t = t.trim();
        exact_text(t).unwrap_or_else(|| unescape(t))
    });
    Some((node, text))
}

/// The exact text in a statement's data field, if the line has one. Braces
/// in shown text are escaped, so an unescaped `{exact: …}` is the field.
fn exact_text(line: &str) -> Option<String> {
    let key = format!("{{{EXACT}: ");
    let at = line.rfind(&key)?;
    if at > 0 && !line[..at].ends_with(' ') {
        return None;
    }
    let quoted = line[at + key.len()..].strip_suffix('}')?;
    serde_json::from_str::<String>(quoted).ok()
}

/// Reads the Argdown subset [`to_argdown`] writes back into a map (claims laid
/// out in a row, links numbered in order). Anything else is an error naming its line.
pub fn read(text: &str) -> Result<Map, ReadError> {
    let mut statements: Vec<(String, String)> = Vec::new();
    let mut relations: Vec<(Node, &str, Node)> = Vec::new();
    let mut pcs: BTreeMap<String, (Vec<String>, Option<String>)> = BTreeMap::new();
    let mut title = String::new();
    let mut parent: Option<Node> = None;
    let mut in_conclusion = false;
    let mut current_argument: Option<String> = None;
    let mut data: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (number, raw) in text.lines().enumerate() {
        let fail = |what: &str| ReadError::Syntax {
            line: number + 1,
            column: 1,
            message: what.to_owned(),
        };
        let line = raw.trim_end();
        if line.trim().is_empty() {
            parent = None;
            continue;
        }
        if let Some(heading) = line.strip_prefix("# ") {
            title = unescape(heading);
            continue;
        }
        if line == "----" {
            in_conclusion = true;
            continue;
        }
        if let Some(rest) = line.strip_prefix('(') {
            let (_, item) = rest
                .split_once(") ")
                .ok_or_else(|| fail("a numbered premise needs ') '"))?;
            let (node, text) =
                definition(item).ok_or_else(|| fail("expected [Title] after the number"))?;
            let Node::Statement(name) = node.clone() else {
                return Err(fail("premises are statements"));
            };
            if let Some(text) = text {
                statements.push((name.clone(), text));
            }
            let argument = current_argument
                .clone()
                .ok_or_else(|| fail("a premise outside an argument"))?;
            let entry = pcs.entry(argument).or_default();
            if in_conclusion {
                entry.1 = Some(name);
            } else {
                entry.0.push(name);
            }
            parent = Some(node);
            continue;
        }
        let indented = line.starts_with(' ');
        let line = line.trim_start();
        if indented {
            let (symbol, rest) = line
                .split_once(' ')
                .ok_or_else(|| fail("expected a relation"))?;
            let other = node(rest).ok_or_else(|| fail("expected [Title] or <Title>"))?;
            let from = parent
                .clone()
                .ok_or_else(|| fail("a relation without a parent"))?;
            let symbol = match symbol {
                "<+" | "<-" | "<_" | "->" => symbol,
                _ => return Err(fail("unknown relation")),
            };
            relations.push((from, symbol, other));
            continue;
        }
        let (node, text) = definition(line).ok_or_else(|| fail("expected [Title] or <Title>"))?;
        match &node {
            Node::Statement(name) => {
                if let Some(text) = text {
                    statements.push((name.clone(), text));
                }
            }
            Node::Argument(name) => {
                current_argument = Some(name.clone());
                in_conclusion = false;
                if let Some(fields) = read_argument_data(line) {
                    data.insert(name.clone(), fields);
                }
            }
        }
        parent = Some(node);
    }
    build(title, statements, relations, pcs, &data).map_err(|message| placed(text, message))
}

/// A structure error with the line and column where what it names (the
/// first `[Statement]` or `<Argument>` in the message) first stands in the
/// text; an error about the whole document points past its last line.
fn placed(text: &str, message: String) -> ReadError {
    let named = ['[', '<'].iter().find_map(|&open| {
        let close = if open == '[' { ']' } else { '>' };
        let start = message.find(open)?;
        let end = message[start..].find(close)? + start;
        Some(message[start..=end].to_owned())
    });
    let found = named.and_then(|name| {
        text.lines().enumerate().find_map(|(number, line)| {
            line.find(&name)
                .map(|at| (number + 1, line[..at].chars().count() + 1))
        })
    });
    let (line, column) = found.unwrap_or((text.lines().count() + 1, 1));
    ReadError::Syntax {
        line,
        column,
        message,
    }
}

fn build(
    title: String,
    statements: Vec<(String, String)>,
    relations: Vec<(Node, &str, Node)>,
    pcs: BTreeMap<String, (Vec<String>, Option<String>)>,
    data: &BTreeMap<String, BTreeMap<String, String>>,
) -> Result<Map, String> {
    let synthetic = is_conclusion_title;
    let mut ids: BTreeMap<String, ClaimId> = BTreeMap::new();
    let mut map = Map {
        title,
        ..Map::default()
    };
    for (name, text) in statements.iter().filter(|(n, _)| !synthetic(n)) {
        if ids.contains_key(name) {
            continue;
        }
        let id = ClaimId(ids.len() as u64 + 1);
        ids.insert(name.clone(), id);
        map.claims.push(Claim {
            id,
            text: text.clone(),
            label: String::new(),
            pos: Point::new(id.0 as f32 * 240.0, 0.0),
            note: String::new(),
            pin: None,
            quote: None,
        });
    }
    let claim = |name: &str| {
        ids.get(name)
            .copied()
            .ok_or_else(|| format!("unknown statement [{name}]"))
    };
    // Arguments become links; their number is kept so undercuts can find them.
    let mut argument_links: BTreeMap<String, LinkId> = BTreeMap::new();
    let mut next = 1u64;
    let mut links: Vec<Link> = Vec::new();
    for (argument, (premises, conclusion)) in &pcs {
        let premises = premises
            .iter()
            .map(|p| claim(p))
            .collect::<Result<Vec<_>, _>>()?;
        let conclusion = conclusion
            .as_deref()
            .ok_or_else(|| format!("<{argument}> has no conclusion"))?;
        let attack = relations.iter().find(|(from, symbol, _)| {
            *from == Node::Statement(conclusion.to_owned()) && *symbol == "->"
        });
        let (kind, target) = if synthetic(conclusion) {
            match attack {
                Some((_, _, Node::Statement(t))) => {
                    (LinkKind::Rebut, Some(Target::Claim(claim(t)?)))
                }
                // An undercutting argument: its target is filled in from `<_` below.
                _ => (LinkKind::Rebut, None),
            }
        } else {
            (LinkKind::Support, Some(Target::Claim(claim(conclusion)?)))
        };
        let id = LinkId(next);
        next += 1;
        argument_links.insert(argument.clone(), id);
        let field = |key: &str| {
            data.get(argument)
                .and_then(|d| d.get(key))
                .cloned()
                .unwrap_or_default()
        };
        links.push(Link {
            id,
            kind,
            premises,
            target: target.unwrap_or(Target::Link(LinkId(0))),
            note: String::new(),
            scheme: field("scheme"),
            question: field("question"),
        });
    }
    for (from, symbol, to) in &relations {
        match (from, *symbol, to) {
            (Node::Statement(target), "<+" | "<-", Node::Statement(premise)) => {
                let kind = if *symbol == "<+" {
                    LinkKind::Support
                } else {
                    LinkKind::Rebut
                };
                links.push(Link {
                    id: LinkId(next),
                    kind,
                    premises: vec![claim(premise)?],
                    target: Target::Claim(claim(target)?),
                    note: String::new(),
                    scheme: String::new(),
                    question: String::new(),
                });
                next += 1;
            }
            (Node::Argument(attacked), "<_" | "<+", by) => {
                let kind = if *symbol == "<+" {
                    LinkKind::Support
                } else {
                    LinkKind::Rebut
                };
                let target = Target::Link(
                    *argument_links
                        .get(attacked)
                        .ok_or_else(|| format!("unknown argument <{attacked}>"))?,
                );
                match by {
                    Node::Statement(premise) => {
                        links.push(Link {
                            id: LinkId(next),
                            kind,
                            premises: vec![claim(premise)?],
                            target,
                            note: String::new(),
                            scheme: String::new(),
                            question: String::new(),
                        });
                        next += 1;
                    }
                    Node::Argument(name) => {
                        let id = argument_links
                            .get(name)
                            .ok_or_else(|| format!("unknown argument <{name}>"))?;
                        if let Some(link) = links.iter_mut().find(|l| l.id == *id) {
                            link.target = target;
                            link.kind = kind;
                        }
                    }
                }
            }
            (_, "->", _) => {}
            _ => {
                return Err(format!(
                    "relation {symbol} from {} is not one Argmap writes",
                    as_written(from)
                ));
            }
        }
    }
    if links.iter().any(|l| l.target == Target::Link(LinkId(0))) {
        return Err(
            "an undercutting argument attacks nothing (the document as a whole)".to_owned(),
        );
    }
    map.links = links;
    map.sort();
    // What the lines say may still not hold together (an argument whose
    // premises were cut away, say): refuse it rather than open a broken map.
    let problems = crate::model::validate(&map);
    if let Some(problem) = problems.first() {
        return Err(format!(
            "the document as a whole does not make a valid map: {problem}"
        ));
    }
    Ok(map)
}
