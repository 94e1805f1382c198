//! AIF JSON, as OVA and AIFdb write it. Import takes every variant: bare or
//! wrapped in `{"AIF": …}`, string or integer ids, missing or null arrays,
//! OVA layout with numeric-string coordinates. I-nodes become claims, RA
//! support (several premises into one RA: one linked support), CA rebut (a
//! CA aimed at an RA or a CA: an undercut). The dialogue layer (L, TA, YA)
//! is dropped; rephrases (MA) and preferences (PA) are kept as notes; the
//! import reports what came in and what was left out.
//!
//! Export writes the OVA3 save-file shape (the graph plus the OVA layout
//! block) or the bare AIFdb shape.

use crate::analysis::layout;
use crate::format::ReadError;
use crate::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target, excerpt};
use serde_json::{Map as Object, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A top-level key naming the program that wrote the file; other readers
/// ignore it.
const GENERATOR: &str = "generator";

/// What an import brought in and what it left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub claims: usize,
    pub supports: usize,
    pub rebuts: usize,
    pub undercuts: usize,
    /// Locutions, transitions and illocutions (L, TA, YA), dropped.
    pub dialogue_nodes: usize,
    /// Whether OVA layout positions were used (else Tidy laid the map out).
    pub positioned: bool,
    /// Argumentation schemes the RA and CA nodes name that Argmap's
    /// catalogue knows, by the catalogue's name, with how many use each.
    pub schemes: BTreeMap<String, usize>,
    /// Scheme names the catalogue does not know: kept on their links by
    /// name (with no critical questions), with how many use each.
    pub unknown_schemes: BTreeMap<String, usize>,
    /// One line for everything else left out or changed.
    pub notes: Vec<String>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} claims, {} supports, {} rebuts, {} undercuts; {} dialogue nodes (L, TA, YA) dropped; {}",
            self.claims,
            self.supports,
            self.rebuts,
            self.undercuts,
            self.dialogue_nodes,
            if self.positioned {
                "OVA layout kept"
            } else {
                "laid out with Tidy"
            }
        )?;
        let list = |schemes: &BTreeMap<String, usize>| -> String {
            let named: Vec<String> = schemes
                .iter()
                .map(|(name, n)| format!("{name} ({n})"))
                .collect();
            named.join(", ")
        };
        if !self.schemes.is_empty() {
            write!(f, "\n  schemes: {}", list(&self.schemes))?;
        }
        if !self.unknown_schemes.is_empty() {
            write!(
                f,
                "\n  schemes not in Argmap's catalogue, kept by name without critical questions: {}",
                list(&self.unknown_schemes)
            )?;
        }
        for note in &self.notes {
            write!(f, "\n  {note}")?;
        }
        Ok(())
    }
}

/// An id as text, whether the file wrote it as a string or a number.
fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number(value: Option<&Value>) -> Option<f32> {
    match value? {
        Value::Number(n) => n.as_f64().map(|v| v as f32),
        Value::String(s) => s.trim().parse::<f32>().ok(),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

/// An array that may be missing, null, or (in some OVA files) an empty object.
fn array<'a>(object: &'a Object<String, Value>, key: &str) -> Result<&'a [Value], ReadError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(Value::Object(o)) if o.is_empty() => Ok(&[]),
        Some(_) => Err(syntax(format!("`{key}` should be a list"))),
    }
}

fn syntax(message: String) -> ReadError {
    ReadError::Syntax {
        line: 1,
        column: 1,
        message,
    }
}

/// HTML elements OVA and AIFdb put in node text. Only these are taken for
/// markup: node text is otherwise plain, so "a < b and c > d" stays as it is.
const HTML_TAGS: &[&str] = &[
    "a", "b", "br", "div", "em", "font", "i", "li", "mark", "ol", "p", "small", "span", "strong",
    "sub", "sup", "u", "ul",
];

/// The length of the HTML tag that `rest` opens with (`<b>`, `</span>`,
/// `<br/>`, `<span class="x">`), if it is one.
fn html_tag(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix('<')?;
    let body = body.strip_prefix('/').unwrap_or(body);
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    if !HTML_TAGS.contains(&name.as_str()) {
        return None;
    }
    let after = &body[name_len..];
    if !(after.starts_with('>') || after.starts_with(' ') || after.starts_with('/')) {
        return None;
    }
    let close = after.find('>')?;
    if after[..close].contains('<') {
        return None;
    }
    Some(rest.len() - after.len() + close + 1)
}

/// The character an HTML entity at the start of `rest` stands for, with the
/// entity's length.
fn html_entity(rest: &str) -> Option<(char, usize)> {
    let end = rest.find(';').filter(|&e| (2..=9).contains(&e))?;
    let entity = &rest[1..end];
    let c = match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = entity.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// Node text as a reader sees it: HTML elements dropped and entities
/// decoded, everything else exactly as written. Files Argmap wrote hold plain
/// text and are read as they are.
fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut markup = false;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(len) = html_tag(rest)
        {
            markup = true;
            rest = &rest[len..];
            continue;
        }
        if c == '&'
            && let Some((decoded, len)) = html_entity(rest)
        {
            out.push(decoded);
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    // Markup breaks lines with tags; its own line breaks are layout.
    if markup {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        out
    }
}

struct Node {
    kind: String,
    text: String,
    /// The argumentation scheme an RA or CA names, other than the defaults.
    scheme: Option<String>,
    /// The critical question an Argmap-written RA or CA answers.
    question: String,
}

/// Where Argmap writes which critical question an RA or CA answers; other
/// tools ignore the field.
const QUESTION: &str = "argmapQuestion";

/// What RA and CA nodes are called when they name no particular scheme.
const DEFAULT_SCHEMES: &[&str] = &["", "default inference", "default conflict"];

fn scheme_name(item: &Value, text: &str) -> Option<String> {
    let named = item
        .get("scheme")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(text)
        .trim();
    (!DEFAULT_SCHEMES.contains(&named.to_lowercase().as_str())).then(|| named.to_owned())
}

/// Reads AIF JSON (any of the shapes above) into a map and a summary.
pub fn import(text: &str) -> Result<(Map, Summary), ReadError> {
    let catalogue = crate::schemes::Catalogue::bundled();
    let root: Value =
        serde_json::from_str(text).map_err(|e| crate::format::json_error(text, &e))?;
    let Value::Object(top) = &root else {
        return Err(syntax("an AIF file is a JSON object".into()));
    };
    let graph = match top.get("AIF").or_else(|| top.get("aif")) {
        Some(Value::Object(inner)) => inner,
        Some(_) => return Err(syntax("`AIF` should be an object".into())),
        None => top,
    };
    if !graph.contains_key("nodes") {
        return Err(syntax("this is not AIF: there is no `nodes` list".into()));
    }
    // Argmap writes node text as plain text, whatever it looks like.
    let plain = top.get(GENERATOR).and_then(Value::as_str) == Some("Argmap");
    let mut summary = Summary::default();
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for item in array(graph, "nodes")? {
        let Some(id) = id_of(item.get("nodeID")) else {
            summary
                .notes
                .push("a node without a nodeID was skipped".into());
            continue;
        };
        let kind = item
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_uppercase();
        let raw = item.get("text").and_then(Value::as_str).unwrap_or("");
        let text = if plain {
            raw.to_owned()
        } else {
            clean_text(raw)
        };
        if nodes.contains_key(&id) {
            summary
                .notes
                .push(format!("node {id} appears twice; the first was kept"));
            continue;
        }
        order.push(id.clone());
        let scheme = matches!(kind.as_str(), "RA" | "CA")
            .then(|| scheme_name(item, &text))
            .flatten();
        let question = item
            .get(QUESTION)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        nodes.insert(
            id,
            Node {
                kind,
                text,
                scheme,
                question,
            },
        );
    }
    let mut edges: Vec<(String, String)> = Vec::new();
    let mut seen_edges = BTreeSet::new();
    for item in array(graph, "edges")? {
        let (Some(from), Some(to)) = (id_of(item.get("fromID")), id_of(item.get("toID"))) else {
            summary
                .notes
                .push("an edge without fromID or toID was skipped".into());
            continue;
        };
        if seen_edges.insert((from.clone(), to.clone())) {
            edges.push((from, to));
        }
    }
    let kind_of = |id: &str| nodes.get(id).map(|n| n.kind.as_str());
    // Each node's edges, gathered once (in file order) rather than searched
    // for per node.
    let mut into: HashMap<&str, Vec<String>> = HashMap::new();
    let mut out_of: HashMap<&str, Vec<String>> = HashMap::new();
    for (from, to) in &edges {
        into.entry(to).or_default().push(from.clone());
        out_of.entry(from).or_default().push(to.clone());
    }
    let incoming = |id: &str| -> Vec<String> { into.get(id).cloned().unwrap_or_default() };
    let outgoing = |id: &str| -> Vec<String> { out_of.get(id).cloned().unwrap_or_default() };

    // Claims, in file order.
    let mut claim_of: BTreeMap<String, ClaimId> = BTreeMap::new();
    let mut map = Map::default();
    for id in &order {
        let node = &nodes[id];
        if node.kind == "I" {
            let claim_id = ClaimId(map.claims.len() as u64 + 1);
            claim_of.insert(id.clone(), claim_id);
            map.claims.push(Claim {
                id: claim_id,
                text: node.text.clone(),
                label: String::new(),
                pos: Point::default(),
                note: String::new(),
                pin: None,
                quote: None,
            });
        }
    }
    // Scheme nodes become links; CAs aimed at scheme nodes wait for their target.
    let mut link_of: BTreeMap<String, LinkId> = BTreeMap::new();
    let mut pending: Vec<Pending> = Vec::new();
    for id in &order {
        let node = &nodes[id];
        let kind = match node.kind.as_str() {
            "RA" => LinkKind::Support,
            "CA" => LinkKind::Rebut,
            "L" | "TA" | "YA" => {
                summary.dialogue_nodes += 1;
                continue;
            }
            "I" => continue,
            "MA" | "PA" => {
                note_relation(
                    &mut map,
                    &claim_of,
                    &incoming(id),
                    &outgoing(id),
                    &node.kind,
                    &mut summary,
                );
                continue;
            }
            other => {
                summary.notes.push(format!(
                    "node {id} of type {other:?} has no place in Argmap and was left out"
                ));
                continue;
            }
        };
        let premises: Vec<ClaimId> = incoming(id)
            .iter()
            .filter_map(|f| claim_of.get(f).copied())
            .collect();
        let targets: Vec<String> = outgoing(id)
            .into_iter()
            .filter(|t| matches!(kind_of(t), Some("I" | "RA" | "CA")))
            .collect();
        let [target] = targets.as_slice() else {
            summary.notes.push(format!(
                "{} node {id} has {} conclusions; Argmap needs one, so it was left out",
                node.kind,
                targets.len()
            ));
            continue;
        };
        if premises.is_empty() {
            summary.notes.push(format!(
                "{} node {id} has no premises and was left out",
                node.kind
            ));
            continue;
        }
        pending.push((id.clone(), kind, premises, target.clone()));
    }
    // Resolve targets: claims first, then links (possibly chains of undercuts),
    // numbering links as passes over the file would: a node aimed at a
    // scheme node comes in the pass after it, or in the same pass if it
    // follows it in the file. Passes are worked out along each chain once,
    // so a long chain of undercuts costs no more than its length.
    let passes = passes(&pending, |target| kind_of(target) == Some("I"));
    let mut order: Vec<usize> = (0..pending.len())
        .filter(|&i| passes[i].is_some())
        .collect();
    order.sort_by_key(|&i| (passes[i], i));
    let mut slots: Vec<Option<Pending>> = pending.into_iter().map(Some).collect();
    let mut next_link = 1u64;
    let mut same_links: HashMap<(LinkKind, Vec<ClaimId>, Target), LinkId> = HashMap::new();
    for i in order {
        let Some((id, kind, premises, target)) = slots[i].take() else {
            continue;
        };
        let resolved = match kind_of(&target) {
            Some("I") => claim_of.get(&target).map(|c| Target::Claim(*c)),
            _ => link_of.get(&target).map(|l| Target::Link(*l)),
        };
        let Some(resolved) = resolved else {
            // Aimed at a node that was itself left out.
            slots[i] = Some((id, kind, premises, target));
            continue;
        };
        if let Target::Claim(c) = resolved
            && premises.contains(&c)
        {
            summary.notes.push(format!(
                "{} node {id} links a claim to itself and was left out",
                nodes[&id].kind
            ));
            continue;
        }
        let mut premises = premises;
        premises.sort();
        premises.dedup();
        let scheme = match nodes[&id].scheme.as_deref() {
            None => String::new(),
            Some(name) => match catalogue.find(name) {
                Some(known) => {
                    *summary.schemes.entry(known.name.clone()).or_default() += 1;
                    known.id.clone()
                }
                None => {
                    *summary.unknown_schemes.entry(name.to_owned()).or_default() += 1;
                    name.to_owned()
                }
            },
        };
        let question = match resolved {
            Target::Link(_) => nodes[&id].question.clone(),
            Target::Claim(_) => String::new(),
        };
        let key = (kind, premises, resolved);
        if let Some(&same) = same_links.get(&key) {
            summary.notes.push(format!(
                "{} node {id} repeats link {} and was merged into it",
                nodes[&id].kind, same.0
            ));
            link_of.insert(id, same);
            continue;
        }
        match (kind, resolved) {
            (LinkKind::Support, _) => summary.supports += 1,
            (LinkKind::Rebut, Target::Claim(_)) => summary.rebuts += 1,
            (LinkKind::Rebut, Target::Link(_)) => summary.undercuts += 1,
        }
        let link = Link {
            id: LinkId(next_link),
            kind,
            premises: key.1.clone(),
            target: resolved,
            note: String::new(),
            scheme,
            question,
        };
        same_links.insert(key, link.id);
        link_of.insert(id, link.id);
        map.links.push(link);
        next_link += 1;
    }
    let pending = slots.into_iter().flatten();
    for (id, _, _, target) in pending {
        summary.notes.push(format!(
            "{} node {id} aims at {target}, which was left out, so it was left out too",
            nodes[&id].kind
        ));
    }
    summary.claims = map.claims.len();
    summary.positioned = place(&mut map, top, &claim_of);
    if let Some(text) = top.get("text") {
        let text = match text {
            Value::String(s) => clean_text(s),
            Value::Object(o) => o
                .get("txt")
                .and_then(Value::as_str)
                .map(clean_text)
                .unwrap_or_default(),
            _ => String::new(),
        };
        if !text.is_empty() {
            map.description = format!("Imported from AIF. Analysed text: {}", excerpt(&text, 400));
        }
    }
    if map.description.is_empty() {
        map.description = "Imported from AIF.".to_owned();
    }
    map.sort();
    let problems = crate::model::validate(&map);
    if !problems.is_empty() {
        return Err(ReadError::Invalid(problems));
    }
    Ok((map, summary))
}

/// A scheme node on its way to becoming a link: its id, kind, premises and
/// the id of the node it aims at.
type Pending = (String, LinkKind, Vec<ClaimId>, String);

/// For each pending scheme node, the pass over the file in which its target
/// is known: 1 for a node aimed at a claim (`is_claim`), its target's pass
/// if the target comes earlier in the file, else one more. `None` where the
/// target never resolves (left out, missing, or a ring of scheme nodes).
/// Walks each chain of targets once, without recursion.
fn passes(pending: &[Pending], is_claim: impl Fn(&str) -> bool) -> Vec<Option<usize>> {
    let index: HashMap<&str, usize> = pending
        .iter()
        .enumerate()
        .map(|(i, p)| (p.0.as_str(), i))
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Walking,
        Done,
    }
    let mut state = vec![State::New; pending.len()];
    let mut pass = vec![None; pending.len()];
    for start in 0..pending.len() {
        let mut chain = Vec::new();
        let mut at = start;
        while state[at] == State::New {
            state[at] = State::Walking;
            chain.push(at);
            let target = pending[at].3.as_str();
            match index.get(target) {
                Some(&next) if !is_claim(target) => at = next,
                _ => break,
            }
        }
        for &i in chain.iter().rev() {
            let target = pending[i].3.as_str();
            pass[i] = if is_claim(target) {
                Some(1)
            } else {
                match index.get(target) {
                    Some(&t) if state[t] == State::Done => {
                        pass[t].map(|p| if t < i { p } else { p + 1 })
                    }
                    _ => None,
                }
            };
            state[i] = State::Done;
        }
    }
    pass
}

/// Keeps a rephrase (MA) or preference (PA) as a note on the claims involved.
fn note_relation(
    map: &mut Map,
    claim_of: &BTreeMap<String, ClaimId>,
    from: &[String],
    to: &[String],
    kind: &str,
    summary: &mut Summary,
) {
    let texts = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|i| claim_of.get(i))
            .filter_map(|c| map.claim(*c).map(|c| format!("“{}”", excerpt(&c.text, 60))))
            .collect()
    };
    let (a, b) = (texts(from), texts(to));
    let what = if kind == "MA" {
        "rephrases"
    } else {
        "is preferred to"
    };
    let line = format!("AIF {kind}: {} {what} {}", a.join(", "), b.join(", "));
    let mut touched = 0;
    for id in from.iter().chain(to).filter_map(|i| claim_of.get(i)) {
        if let Some(claim) = map.claims.iter_mut().find(|c| c.id == *id) {
            if !claim.note.is_empty() {
                claim.note.push('\n');
            }
            claim.note.push_str(&line);
            touched += 1;
        }
    }
    summary.notes.push(if touched > 0 {
        format!("{line} (kept as a note)")
    } else {
        format!("an {kind} node between scheme nodes was left out")
    });
}

/// Uses OVA layout positions when every claim has one; otherwise Tidy.
fn place(map: &mut Map, top: &Object<String, Value>, claim_of: &BTreeMap<String, ClaimId>) -> bool {
    let layout_nodes = match top.get("OVA").or_else(|| top.get("ova")) {
        Some(Value::Object(ova)) => array(ova, "nodes").unwrap_or(&[]),
        _ => &[],
    };
    let mut positions: BTreeMap<ClaimId, Point> = BTreeMap::new();
    for item in layout_nodes {
        if let (Some(id), Some(x), Some(y)) = (
            id_of(item.get("nodeID")),
            number(item.get("x")),
            number(item.get("y")),
        ) && let Some(claim) = claim_of.get(&id)
        {
            // OVA's boxes are small; spreading the layout keeps Argmap's cards apart.
            positions.insert(*claim, Point::new(x * 2.0, y * 1.6));
        }
    }
    let complete =
        !map.claims.is_empty() && map.claims.iter().all(|c| positions.contains_key(&c.id));
    if !complete {
        let sizes = crate::render::measure::Headless::default().sizes(map);
        positions = layout::tidy(map, &sizes);
    }
    for claim in &mut map.claims {
        if let Some(p) = positions.get(&claim.id) {
            claim.pos = *p;
        }
    }
    complete
}

/// Node ids for export: claims keep their ids, links follow after the last claim.
struct Ids {
    offset: u64,
}

impl Ids {
    fn new(map: &Map) -> Self {
        Self {
            offset: map.claims.last().map_or(0, |c| c.id.0),
        }
    }

    fn claim(&self, id: ClaimId) -> String {
        id.0.to_string()
    }

    /// After every claim id; wide enough that no id wraps around.
    fn link(&self, id: LinkId) -> String {
        (u128::from(self.offset) + u128::from(id.0) + 1).to_string()
    }
}

// What Argmap writes, as plain structs serialised straight to text: a map
// of 100,000 claims writes without a tree of JSON values in memory. Fields
// stand in the order of their names, the order the file has always had.

#[derive(serde::Serialize)]
struct NodeOut<'a> {
    #[serde(rename = "argmapQuestion", skip_serializing_if = "str::is_empty")]
    question: &'a str,
    #[serde(rename = "nodeID")]
    node: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheme: Option<&'a str>,
    #[serde(rename = "schemeID", skip_serializing_if = "Option::is_none")]
    scheme_id: Option<&'static str>,
    text: &'a str,
    timestamp: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(serde::Serialize)]
struct EdgeOut {
    #[serde(rename = "edgeID")]
    edge: String,
    #[serde(rename = "formEdgeID")]
    form_edge: Option<()>,
    #[serde(rename = "fromID")]
    from: String,
    #[serde(rename = "toID")]
    to: String,
}

#[derive(serde::Serialize)]
struct SchemeOut {
    #[serde(rename = "nodeID")]
    node: String,
    #[serde(rename = "schemeID")]
    scheme_id: &'static str,
}

#[derive(serde::Serialize)]
struct AifdbOut<'a> {
    edges: &'a [EdgeOut],
    generator: &'static str,
    locutions: [(); 0],
    nodes: &'a [NodeOut<'a>],
}

#[derive(serde::Serialize)]
struct OvaOut<'a> {
    #[serde(rename = "AIF")]
    aif: OvaAif<'a>,
    #[serde(rename = "OVA")]
    ova: OvaLayout,
    generator: &'static str,
    text: &'static str,
}

#[derive(serde::Serialize)]
struct OvaAif<'a> {
    edges: &'a [EdgeOut],
    locutions: [(); 0],
    nodes: &'a [NodeOut<'a>],
    participants: [(); 0],
    schemefulfillments: &'a [SchemeOut],
}

#[derive(serde::Serialize)]
struct OvaLayout {
    edges: Vec<LayoutEdge>,
    firstname: &'static str,
    nodes: Vec<LayoutNode>,
    surname: &'static str,
    url: &'static str,
}

#[derive(serde::Serialize)]
struct LayoutNode {
    #[serde(rename = "nodeID")]
    node: String,
    timestamp: &'static str,
    visible: bool,
    x: f32,
    y: f32,
}

#[derive(serde::Serialize)]
struct LayoutEdge {
    #[serde(rename = "fromID")]
    from: String,
    #[serde(rename = "toID")]
    to: String,
    visible: bool,
}

fn graph(map: &Map) -> (Vec<NodeOut<'_>>, Vec<EdgeOut>, Vec<SchemeOut>) {
    let ids = Ids::new(map);
    let mut nodes = Vec::with_capacity(map.claims.len() + map.links.len());
    let mut edges = Vec::new();
    let mut schemes = Vec::new();
    for claim in &map.claims {
        nodes.push(NodeOut {
            question: "",
            node: ids.claim(claim.id),
            scheme: None,
            scheme_id: None,
            text: &claim.text,
            timestamp: "",
            kind: "I",
        });
    }
    let mut edge = |from: String, to: String| {
        let id = (edges.len() + 1).to_string();
        edges.push(EdgeOut {
            edge: id,
            form_edge: None,
            from,
            to,
        });
    };
    let catalogue = crate::schemes::Catalogue::bundled();
    for link in &map.links {
        let (kind, default, default_id) = match link.kind {
            LinkKind::Support => ("RA", "Default Inference", "72"),
            LinkKind::Rebut => ("CA", "Default Conflict", "71"),
        };
        let node = ids.link(link.id);
        // A scheme goes by the name OVA and AIFdb use; the default schemes
        // also carry their ids, which are the same in every AIFdb.
        let (name, scheme_id) = if link.scheme.is_empty() {
            schemes.push(SchemeOut {
                node: node.clone(),
                scheme_id: default_id,
            });
            (default, Some(default_id))
        } else {
            let name = catalogue
                .scheme(&link.scheme)
                .map_or(link.scheme.as_str(), |s| s.aif.as_str());
            (name, None)
        };
        nodes.push(NodeOut {
            question: &link.question,
            node: node.clone(),
            scheme: Some(name),
            scheme_id,
            text: name,
            timestamp: "",
            kind,
        });
        for premise in &link.premises {
            edge(ids.claim(*premise), node.clone());
        }
        let target = match link.target {
            Target::Claim(c) => ids.claim(c),
            Target::Link(l) => ids.link(l),
        };
        edge(node, target);
    }
    (nodes, edges, schemes)
}

/// The bare AIFdb shape: `{"nodes", "edges", "locutions"}`.
pub fn to_aifdb(map: &Map) -> String {
    let (nodes, edges, _) = graph(map);
    pretty(&AifdbOut {
        edges: &edges,
        generator: "Argmap",
        locutions: [],
        nodes: &nodes,
    })
}

/// The OVA3 save-file shape: the AIF graph plus the OVA layout block.
pub fn to_ova(map: &Map) -> String {
    let (nodes, edges, schemes) = graph(map);
    let ids = Ids::new(map);
    let mut layout_nodes = Vec::with_capacity(nodes.len());
    for claim in &map.claims {
        layout_nodes.push(LayoutNode {
            node: ids.claim(claim.id),
            timestamp: "",
            visible: true,
            x: (claim.pos.x / 2.0).round(),
            y: (claim.pos.y / 1.6).round(),
        });
    }
    // Scheme nodes sit between their premises and their target.
    let places = map.claim_places();
    let position = |c: ClaimId| {
        places
            .get(c.0)
            .map_or(Point::default(), |i| map.claims[i].pos)
    };
    for link in &map.links {
        let mut points: Vec<Point> = link.premises.iter().map(|&p| position(p)).collect();
        if let Target::Claim(c) = link.target {
            points.push(position(c));
        }
        let n = points.len().max(1) as f32;
        let (x, y) = points
            .iter()
            .fold((0.0, 0.0), |acc, p| (acc.0 + p.x, acc.1 + p.y));
        layout_nodes.push(LayoutNode {
            node: ids.link(link.id),
            timestamp: "",
            visible: true,
            x: (x / n / 2.0).round(),
            y: (y / n / 1.6).round(),
        });
    }
    let layout_edges = edges
        .iter()
        .map(|e| LayoutEdge {
            from: e.from.clone(),
            to: e.to.clone(),
            visible: true,
        })
        .collect();
    pretty(&OvaOut {
        aif: OvaAif {
            edges: &edges,
            locutions: [],
            nodes: &nodes,
            participants: [],
            schemefulfillments: &schemes,
        },
        ova: OvaLayout {
            edges: layout_edges,
            firstname: "Argmap",
            nodes: layout_nodes,
            surname: "",
            url: "",
        },
        generator: "Argmap",
        text: "",
    })
}

/// Indented JSON, written straight from the structs above.
fn pretty(value: &impl serde::Serialize) -> String {
    // These structs hold only strings, numbers, flags and empty lists, and
    // a `String` takes any amount: writing them cannot fail, as writing a
    // `Value` could not.
    let written = serde_json::to_string_pretty(value);
    debug_assert!(written.is_ok(), "{written:?}");
    let mut out = written.unwrap_or_default();
    out.push('\n');
    out
}
