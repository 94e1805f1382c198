//! Reading AIF JSON into a map, in stages: the nodes and edges as the file
//! has them, claims from I-nodes, links from the scheme nodes (undercuts
//! resolved pass by pass, as a chain of them needs), then the layout and
//! the checks every map gets.

use super::{GENERATOR, QUESTION, Summary, array, id_of, number, syntax};
use crate::analysis::layout;
use crate::exchange::markup::clean_text;
use crate::format::ReadError;
use crate::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target, excerpt};
use serde_json::{Map as Object, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

struct Node {
    kind: String,
    text: String,
    /// The argumentation scheme an RA or CA names, other than the defaults.
    scheme: Option<String>,
    /// The critical question an Argmap-written RA or CA answers.
    question: String,
}

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

/// The file's nodes and edges as it has them, each node's edges gathered
/// once (in file order).
struct Graph {
    nodes: BTreeMap<String, Node>,
    /// Node ids in file order.
    order: Vec<String>,
    into: HashMap<String, Vec<String>>,
    out_of: HashMap<String, Vec<String>>,
}

impl Graph {
    fn kind_of(&self, id: &str) -> Option<&str> {
        self.nodes.get(id).map(|n| n.kind.as_str())
    }

    fn incoming(&self, id: &str) -> &[String] {
        self.into.get(id).map_or(&[], Vec::as_slice)
    }

    fn outgoing(&self, id: &str) -> &[String] {
        self.out_of.get(id).map_or(&[], Vec::as_slice)
    }
}

/// Reads AIF JSON (any of the shapes above) into a map and a summary.
pub fn import(text: &str) -> Result<(Map, Summary), ReadError> {
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
    let graph = read_graph(graph, plain, &mut summary)?;
    let mut map = Map::default();
    let claim_of = claims(&graph, &mut map);
    let pending = scheme_nodes(&graph, &mut map, &claim_of, &mut summary);
    links(&graph, &mut map, &claim_of, pending, &mut summary);
    summary.claims = map.claims.len();
    summary.positioned = place(&mut map, top, &claim_of);
    map.description = description(top);
    map.sort();
    let problems = crate::model::validate(&map);
    if !problems.is_empty() {
        return Err(ReadError::Invalid(problems));
    }
    Ok((map, summary))
}

/// The nodes and edges, refused as soon as there are more claims or
/// links than a map may hold.
fn read_graph(
    graph: &Object<String, Value>,
    plain: bool,
    summary: &mut Summary,
) -> Result<Graph, ReadError> {
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let (mut claims, mut links) = (0usize, 0usize);
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
        match kind.as_str() {
            "I" => claims += 1,
            "RA" | "CA" => links += 1,
            _ => {}
        }
        for (what, count, max) in [
            ("claims", claims, crate::format::MAX_CLAIMS),
            ("links", links, crate::format::MAX_LINKS),
        ] {
            if count > max {
                return Err(ReadError::TooMany { what, count, max });
            }
        }
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
    let mut into: HashMap<String, Vec<String>> = HashMap::new();
    let mut out_of: HashMap<String, Vec<String>> = HashMap::new();
    let mut seen_edges = BTreeSet::new();
    for item in array(graph, "edges")? {
        let (Some(from), Some(to)) = (id_of(item.get("fromID")), id_of(item.get("toID"))) else {
            summary
                .notes
                .push("an edge without fromID or toID was skipped".into());
            continue;
        };
        if seen_edges.insert((from.clone(), to.clone())) {
            into.entry(to.clone()).or_default().push(from.clone());
            out_of.entry(from).or_default().push(to);
        }
    }
    Ok(Graph {
        nodes,
        order,
        into,
        out_of,
    })
}

/// A claim for every I-node, in file order.
fn claims(graph: &Graph, map: &mut Map) -> BTreeMap<String, ClaimId> {
    let mut claim_of: BTreeMap<String, ClaimId> = BTreeMap::new();
    for id in &graph.order {
        let node = &graph.nodes[id];
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
    claim_of
}

/// The scheme nodes that will become links, each with its premises and
/// the node it aims at; rephrases and preferences kept as notes, the
/// dialogue layer counted and dropped, anything else reported.
fn scheme_nodes(
    graph: &Graph,
    map: &mut Map,
    claim_of: &BTreeMap<String, ClaimId>,
    summary: &mut Summary,
) -> Vec<Pending> {
    let mut pending: Vec<Pending> = Vec::new();
    for id in &graph.order {
        let node = &graph.nodes[id];
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
                    map,
                    claim_of,
                    graph.incoming(id),
                    graph.outgoing(id),
                    &node.kind,
                    summary,
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
        let premises: Vec<ClaimId> = graph
            .incoming(id)
            .iter()
            .filter_map(|f| claim_of.get(f).copied())
            .collect();
        let targets: Vec<&String> = graph
            .outgoing(id)
            .iter()
            .filter(|t| matches!(graph.kind_of(t), Some("I" | "RA" | "CA")))
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
        pending.push((id.clone(), kind, premises, (*target).clone()));
    }
    pending
}

/// Links from the scheme nodes. Targets resolve claims first, then links
/// (possibly chains of undercuts), numbering links as passes over the file
/// would: a node aimed at a scheme node comes in the pass after it, or in
/// the same pass if it follows it in the file. Passes are worked out along
/// each chain once, so a long chain of undercuts costs no more than its
/// length.
fn links(
    graph: &Graph,
    map: &mut Map,
    claim_of: &BTreeMap<String, ClaimId>,
    pending: Vec<Pending>,
    summary: &mut Summary,
) {
    let passes = passes(&pending, |target| graph.kind_of(target) == Some("I"));
    let mut order: Vec<usize> = (0..pending.len())
        .filter(|&i| passes[i].is_some())
        .collect();
    order.sort_by_key(|&i| (passes[i], i));
    let mut slots: Vec<Option<Pending>> = pending.into_iter().map(Some).collect();
    let mut link_of: BTreeMap<String, LinkId> = BTreeMap::new();
    let mut same_links: HashMap<(LinkKind, Vec<ClaimId>, Target), LinkId> = HashMap::new();
    for i in order {
        let Some((id, kind, premises, target)) = slots[i].take() else {
            continue;
        };
        let resolved = match graph.kind_of(&target) {
            Some("I") => claim_of.get(&target).map(|c| Target::Claim(*c)),
            _ => link_of.get(&target).map(|l| Target::Link(*l)),
        };
        let Some(resolved) = resolved else {
            // Aimed at a node that was itself left out.
            slots[i] = Some((id, kind, premises, target));
            continue;
        };
        let node = &graph.nodes[&id];
        if let Target::Claim(c) = resolved
            && premises.contains(&c)
        {
            summary.notes.push(format!(
                "{} node {id} links a claim to itself and was left out",
                node.kind
            ));
            continue;
        }
        let mut premises = premises;
        premises.sort();
        premises.dedup();
        let key = (kind, premises, resolved);
        if let Some(&same) = same_links.get(&key) {
            summary.notes.push(format!(
                "{} node {id} repeats link {} and was merged into it",
                node.kind, same.0
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
            id: LinkId(map.links.len() as u64 + 1),
            kind,
            premises: key.1.clone(),
            target: resolved,
            note: String::new(),
            scheme: scheme_of(node, summary),
            question: match resolved {
                Target::Link(_) => node.question.clone(),
                Target::Claim(_) => String::new(),
            },
        };
        same_links.insert(key, link.id);
        link_of.insert(id, link.id);
        map.links.push(link);
    }
    for (id, _, _, target) in slots.into_iter().flatten() {
        summary.notes.push(format!(
            "{} node {id} aims at {target}, which was left out, so it was left out too",
            graph.nodes[&id].kind
        ));
    }
}

/// The scheme a link keeps: the catalogue's id for a scheme it knows (by
/// any of its names), else the name as it came; counted in the summary.
fn scheme_of(node: &Node, summary: &mut Summary) -> String {
    let Some(name) = node.scheme.as_deref() else {
        return String::new();
    };
    match crate::schemes::Catalogue::bundled().find(name) {
        Some(known) => {
            *summary.schemes.entry(known.name.clone()).or_default() += 1;
            known.id.clone()
        }
        None => {
            *summary.unknown_schemes.entry(name.to_owned()).or_default() += 1;
            name.to_owned()
        }
    }
}

/// The imported map's description: the text OVA analysed, if the file
/// carries it.
fn description(top: &Object<String, Value>) -> String {
    let text = match top.get("text") {
        Some(Value::String(s)) => clean_text(s),
        Some(Value::Object(o)) => o
            .get("txt")
            .and_then(Value::as_str)
            .map(clean_text)
            .unwrap_or_default(),
        _ => String::new(),
    };
    if text.is_empty() {
        "Imported from AIF.".to_owned()
    } else {
        format!("Imported from AIF. Analysed text: {}", excerpt(&text, 400))
    }
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
