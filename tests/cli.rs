//! The `argmap` command without a window: help, version, check and convert.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn argmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(args)
        .output()
        .expect("run argmap")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn help_and_version() {
    let help = argmap(&["--help"]);
    assert!(help.status.success());
    for word in [
        "argmap check MAP",
        "argmap convert MAP --to json|ron",
        "Exit status",
    ] {
        assert!(stdout(&help).contains(word), "help lacks {word}");
    }
    let version = argmap(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("argmap {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check"][..],
        &["convert", "x.ron"],
        &["convert", "x.ron", "--to", "xml"],
        &["--frobnicate"],
    ] {
        let output = argmap(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn check_summarises_a_valid_map_and_lists_problems_of_an_invalid_one() {
    let dir = tempfile::tempdir().expect("temp");
    let good = dir.path().join("good.ron");
    argmap::format::save(&common::small_map(), &good).expect("save");
    let mut broken = common::small_map();
    broken.claims[0].pos.x = f32::INFINITY;
    broken.links[3].premises.push(argmap::model::ClaimId(42));
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, argmap::format::to_ron(&broken).expect("encode")).expect("write");

    let output = argmap(&["check", good.to_str().expect("utf8")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output)
            .contains("good.ron: ok: 4 claims, 4 links, 1 source, 3 claims without a quote"),
        "{}",
        stdout(&output)
    );

    let output = argmap(&[
        "check",
        good.to_str().expect("utf8"),
        bad.to_str().expect("utf8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("bad.ron: 2 problems"), "{text}");
    assert!(
        text.contains("bad.ron: claim 1 has a position that is not a finite number"),
        "{text}"
    );
    assert!(
        text.contains("bad.ron: link 4 has premise claim 42, which does not exist"),
        "{text}"
    );
}

#[test]
fn check_reports_a_missing_file() {
    let output = argmap(&["check", "/no/such/map.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("/no/such/map.ron: no such file or folder"));
}

#[test]
fn convert_to_json_and_back_is_byte_identical() {
    let dir = tempfile::tempdir().expect("temp");
    let ron = dir.path().join("map.ron");
    let json = dir.path().join("map.json");
    let back = dir.path().join("back.ron");
    argmap::format::save(&common::small_map(), &ron).expect("save");
    let p = |p: &Path| p.to_str().expect("utf8").to_owned();
    assert!(
        argmap(&["convert", &p(&ron), "--to", "json", "-o", &p(&json)])
            .status
            .success()
    );
    assert!(
        std::fs::read_to_string(&json)
            .expect("json")
            .trim_start()
            .starts_with('{')
    );
    assert!(
        argmap(&["convert", &p(&json), "--to", "ron", "-o", &p(&back)])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&ron).expect("ron"),
        std::fs::read(&back).expect("back")
    );
    // Without -o the result goes to standard output.
    let output = argmap(&["convert", &p(&ron), "--to", "json"]);
    assert_eq!(output.stdout, std::fs::read(&json).expect("json"));
}

#[test]
fn convert_refuses_an_invalid_map_and_overwriting_its_input() {
    let dir = tempfile::tempdir().expect("temp");
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/dangling-link.ron");
    let out = dir.path().join("out.json");
    let output = argmap(&[
        "convert",
        broken.to_str().expect("utf8"),
        "--to",
        "json",
        "-o",
        out.to_str().expect("utf8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("link 1 has premise claim 7, which does not exist"));
    assert!(!out.exists());

    let ron = dir.path().join("map.ron");
    argmap::format::save(&common::small_map(), &ron).expect("save");
    let before = std::fs::read(&ron).expect("read");
    let output = argmap(&[
        "convert",
        ron.to_str().expect("utf8"),
        "--to",
        "ron",
        "-o",
        ron.to_str().expect("utf8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("would overwrite its input"));
    assert_eq!(std::fs::read(&ron).expect("read"), before);
}
