//! What Argmap writes, read by the other tools' own readers: Argdown's CLI,
//! Graphviz and the Python library arguebuf. Each check runs when its tool is
//! installed and says it skipped otherwise; with ARGMAP_INTEROP set (as CI
//! sets it, after installing them) a missing tool is a failure.

mod common;

use argmap::exchange::{aif, argdown, dot};
use argmap::model::{LinkKind, Map, Target};
use std::collections::BTreeSet;
use std::process::Command;

fn available(program: &str, probe: &[&str]) -> bool {
    let found = Command::new(program)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    common::extras::available(
        found,
        "ARGMAP_INTEROP",
        &format!("needs `{program}`, which is not installed"),
    )
}

/// Links that Argmap writes as arguments in Argdown and as junction points in
/// DOT: linked arguments, and links some undercut aims at.
/// Whether Argdown gets the link as an argument rather than a relation: it
/// joins premises, carries a scheme or a question, or is undercut.
fn written_as_argument(map: &Map, link: &argmap::model::Link) -> bool {
    link.premises.len() > 1
        || !link.scheme.is_empty()
        || !link.question.is_empty()
        || map.links.iter().any(|u| u.target == Target::Link(link.id))
}

/// Links DOT draws through a junction node: several premises, or undercut.
fn joined(map: &Map) -> usize {
    map.links
        .iter()
        .filter(|l| {
            l.premises.len() > 1 || map.links.iter().any(|u| u.target == Target::Link(l.id))
        })
        .count()
}

fn maps() -> Vec<Map> {
    let example = &argmap::corpus::examples()[0];
    // Texts other tools have stumbled on: no text, white space that matters,
    // control characters, a claim named like a placeholder, a blank title.
    let mut hostile = common::small_map();
    hostile.title = "   ".into();
    hostile.claims[0].text = "Lavrov's conclusion".into();
    hostile.claims[1].text = "Two  spaces,\ta tab\nand a new line".into();
    hostile.claims[2].text = String::new();
    hostile.claims[3].text =
        "Escape \u{1b}[31m and bell \u{7} \"quoted\" {braces} [brackets]".into();
    vec![
        common::small_map(),
        argmap::format::read(example.text.as_bytes(), argmap::format::Syntax::Ron).expect("debate"),
        hostile,
    ]
}

#[test]
fn argdown_cli_reads_the_same_statements_and_relations() {
    if !available("argdown", &["--version"]) {
        return;
    }
    for map in maps() {
        let dir = tempfile::tempdir().expect("temp");
        let file = dir.path().join("map.argdown");
        std::fs::write(&file, argdown::to_argdown(&map)).expect("write");
        let status = Command::new("argdown")
            .arg("json")
            .arg(&file)
            .arg(dir.path())
            .status()
            .expect("argdown");
        assert!(status.success(), "{}", argdown::to_argdown(&map));
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.path().join("map.json")).expect("json"),
        )
        .expect("parse");
        // Statements: every claim's text, plus one "Not: …" conclusion per rebutting argument.
        let statements: BTreeSet<String> = json["statements"]
            .as_object()
            .expect("statements")
            .values()
            .filter_map(|s| {
                // A claim's exact text rides in its data where the line cannot hold it.
                s["data"]["exact"].as_str().map(str::to_owned).or_else(|| {
                    s["members"].as_array().and_then(|m| {
                        m.iter()
                            .find_map(|m| m["text"].as_str().map(|t| t.trim().to_owned()))
                    })
                })
            })
            .collect();
        for claim in &map.claims {
            assert!(
                statements.contains(&claim.text),
                "Argdown lost {}",
                claim.text
            );
        }
        let synthetic = statements.iter().filter(|s| s.starts_with("Not: ")).count();
        assert_eq!(statements.len(), map.claims.len() + synthetic);
        // Relations plus arguments account for every link, by kind.
        let relations = json["relations"].as_array().expect("relations");
        let count = |t: &str| relations.iter().filter(|r| r["relationType"] == t).count();
        let arguments = json["arguments"].as_object().expect("arguments").len();
        let undercuts = map
            .links
            .iter()
            .filter(|l| matches!(l.target, Target::Link(_)))
            .count();
        let plain = |k: LinkKind| {
            map.links
                .iter()
                .filter(|l| l.kind == k && matches!(l.target, Target::Claim(_)))
                .filter(|l| !written_as_argument(&map, l))
                .count()
        };
        assert_eq!(count("undercut"), undercuts);
        assert_eq!(count("support"), plain(LinkKind::Support));
        assert_eq!(
            count("attack"),
            plain(LinkKind::Rebut) + synthetic,
            "each rebutting argument attacks through its conclusion"
        );
        let written = map
            .links
            .iter()
            .filter(|l| written_as_argument(&map, l))
            .count();
        assert_eq!(arguments, written);
    }
}

#[test]
fn graphviz_renders_the_dot_export() {
    if !available("dot", &["-V"]) {
        return;
    }
    for map in maps() {
        let dir = tempfile::tempdir().expect("temp");
        let file = dir.path().join("map.dot");
        std::fs::write(&file, dot::to_dot(&map)).expect("write");
        let output = Command::new("dot")
            .arg("-Tsvg")
            .arg(&file)
            .output()
            .expect("dot");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let svg = String::from_utf8_lossy(&output.stdout);
        assert!(svg.contains("<svg"));
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            map.claims.len() + joined(&map)
        );
    }
}

#[test]
fn arguebuf_loads_the_aifdb_export_with_the_same_structure() {
    if !available("python3", &["-c", "import arguebuf"]) {
        return;
    }
    for map in maps() {
        let dir = tempfile::tempdir().expect("temp");
        let file = dir.path().join("map.json");
        std::fs::write(&file, aif::to_aifdb(&map)).expect("write");
        let script = "import sys, arguebuf\n\
                      g = arguebuf.load.file(sys.argv[1])\n\
                      s = [n for n in g.scheme_nodes.values()]\n\
                      sup = sum(1 for n in s if type(n.scheme).__name__ == 'Support')\n\
                      att = sum(1 for n in s if type(n.scheme).__name__ == 'Attack')\n\
                      print(len(g.atom_nodes), sup, att, len(g.edges))";
        let output = Command::new("python3")
            .args(["-c", script])
            .arg(&file)
            .output()
            .expect("python");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let counts: Vec<usize> = String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        let supports = map
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Support)
            .count();
        let edges: usize = map.links.iter().map(|l| l.premises.len() + 1).sum();
        assert_eq!(
            counts,
            [
                map.claims.len(),
                supports,
                map.links.len() - supports,
                edges
            ]
        );
    }
}

/// Runs a Python snippet on a file; its stdout, or a failure with its stderr.
fn python(script: &str, file: &std::path::Path) -> String {
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn arguebuf_reads_the_schemes_in_both_aif_shapes() {
    if !available("python3", &["-c", "import arguebuf"]) {
        return;
    }
    let mut map = common::small_map();
    map.links[0].scheme = "analogy".into();
    map.links[1].scheme = "cause_to_effect".into();
    // arguebuf knows no attack schemes: a rebut's scheme reads as its default.
    map.links[2].scheme = "ad_hominem".into();
    // A question met: a support aimed at the analogy's inference, itself
    // an argument from expert opinion.
    let mut backing = common::link(9, LinkKind::Support, &[3], Target::Link(map.links[0].id));
    backing.question = "differences".into();
    backing.scheme = "expert_opinion".into();
    map.links.push(backing);
    assert!(argmap::model::validate(&map).is_empty());
    let dir = tempfile::tempdir().expect("temp");
    let report = "s = sorted(f'{type(n.scheme).__name__}:{n.scheme.value}' for n in g.scheme_nodes.values() if n.scheme)\n\
                  print('|'.join(s)); print(len(g.edges))";
    for (shape, text, loader) in [
        ("aifdb", aif::to_aifdb(&map), "arguebuf.load.aif"),
        ("ova", aif::to_ova(&map), "arguebuf.load.xaif"),
    ] {
        let file = dir.path().join(format!("{shape}.json"));
        std::fs::write(&file, text).expect("write");
        let script = format!(
            "import sys, json, arguebuf\ng = {loader}(json.load(open(sys.argv[1])))\n{report}"
        );
        let out = python(&script, &file);
        let mut lines = out.lines();
        assert_eq!(
            lines.next(),
            Some(
                "Attack:Default|Attack:Default|Support:Analogy|Support:Cause to Effect|Support:Expert Opinion"
            ),
            "{shape}"
        );
        let edges: usize = map.links.iter().map(|l| l.premises.len() + 1).sum();
        assert_eq!(lines.next(), Some(edges.to_string().as_str()), "{shape}");
    }
}

#[test]
fn argdown_cli_reads_schemes_and_answered_questions() {
    if !available("argdown", &["--version"]) {
        return;
    }
    let mut map = common::small_map();
    map.links[0].scheme = "analogy".into();
    let mut backing = common::link(9, LinkKind::Support, &[3], Target::Link(map.links[0].id));
    backing.question = "differences".into();
    map.links.push(backing);
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("map.argdown");
    let text = argdown::to_argdown(&map);
    std::fs::write(&file, &text).expect("write");
    let status = Command::new("argdown")
        .arg("json")
        .arg(&file)
        .arg(dir.path())
        .status()
        .expect("argdown");
    assert!(status.success(), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("map.json")).expect("json"))
            .expect("parse");
    assert_eq!(
        json["arguments"]["L1"]["data"]["scheme"], "analogy",
        "{text}"
    );
    assert_eq!(
        json["arguments"]["L9"]["data"]["question"], "differences",
        "{text}"
    );
    // The question met: the backing argument supports the one it answers.
    let relations = json["relations"].as_array().expect("relations");
    assert!(
        relations
            .iter()
            .any(|r| r["relationType"] == "support" && r["to"] == "L1"),
        "{relations:?}"
    );
}
