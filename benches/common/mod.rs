//! A synthetic map shared by the benchmarks.
#![allow(dead_code)] // each benchmark uses a different part

use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target};

/// Claims in a grid; each supports the claim above it and every third rebuts its left neighbour.
pub fn grid_map(n: u64) -> Map {
    let columns = (n as f64).sqrt().ceil() as u64;
    let claims = (1..=n)
        .map(|id| Claim {
            id: ClaimId(id),
            text: format!(
                "Claim {id}: sanctions have not changed Russian behaviour in Ukraine or Syria."
            ),
            pos: Point::new(
                ((id - 1) % columns) as f32 * 280.0,
                ((id - 1) / columns) as f32 * 160.0,
            ),
            note: String::new(),
            pin: None,
            quote: None,
        })
        .collect();
    let mut links = Vec::new();
    for id in 1..=n {
        if id > columns {
            links.push((id, id - columns, LinkKind::Support));
        }
        if id % 3 == 0 && id % columns != 1 {
            links.push((id, id - 1, LinkKind::Rebut));
        }
    }
    let links = links
        .into_iter()
        .enumerate()
        .map(|(i, (from, to, kind))| Link {
            id: LinkId(i as u64 + 1),
            kind,
            premises: vec![ClaimId(from)],
            target: Target::Claim(ClaimId(to)),
            note: String::new(),
        })
        .collect();
    Map {
        title: "bench".into(),
        description: String::new(),
        sources: vec![],
        claims,
        links,
    }
}

/// `n` claims, each quoting its own sentence of one long article, the way
/// maps built in Argmap look; each supports the claim quoted before it.
pub fn quoted_map(n: u64) -> Map {
    use argmap::model::{Quote, Source, SourceId};
    let mut text = String::new();
    let mut spans = Vec::new();
    for i in 1..=n {
        let start = text.len();
        text.push_str(&format!(
            "Sentence {i} says that engagement with Moscow has costs and benefits."
        ));
        spans.push((start, text.len()));
        text.push(' ');
    }
    let source = Source {
        id: SourceId::new("article"),
        title: "A long article".into(),
        authors: vec!["A. Writer".into()],
        publication: String::new(),
        date: String::new(),
        stance: String::new(),
        text,
    };
    let claims = spans
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| Claim {
            id: ClaimId(i as u64 + 1),
            text: source.text[start..end].to_owned(),
            pos: Point::new((i % 40) as f32 * 280.0, (i / 40) as f32 * 160.0),
            note: String::new(),
            pin: None,
            quote: Some(Quote {
                source: source.id.clone(),
                start,
                end,
                text: source.text[start..end].to_owned(),
            }),
        })
        .collect();
    let links = (2..=n)
        .map(|id| Link {
            id: LinkId(id - 1),
            kind: LinkKind::Support,
            premises: vec![ClaimId(id)],
            target: Target::Claim(ClaimId(id - 1)),
            note: String::new(),
        })
        .collect();
    Map {
        title: "bench".into(),
        description: String::new(),
        sources: vec![source],
        claims,
        links,
    }
}
