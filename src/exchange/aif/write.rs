//! Writing a map as AIF JSON: OVA3's save file (the graph and its layout)
//! or the bare AIFdb shape.

use crate::model::{ClaimId, LinkId, LinkKind, Map, Point, Target};

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
