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

fn p(path: &Path) -> &str {
    path.to_str().expect("utf8")
}

#[test]
fn no_command_writes_over_one_of_its_inputs() {
    let dir = tempfile::tempdir().expect("temp");
    let model = dir.path().join("model.ron");
    let student = dir.path().join("student.ron");
    argmap::format::save(&common::small_map(), &model).expect("save");
    argmap::format::save(&common::small_map(), &student).expect("save");
    let before = std::fs::read(&model).expect("read");
    for args in [
        vec!["exercise", p(&model), "-o", p(&model)],
        vec!["export", p(&model), "--to", "svg", "-o", p(&model)],
        vec!["export", p(&model), "--to", "png", "-o", p(&model)],
        vec!["compare", p(&student), p(&model), "-o", p(&model)],
        vec!["import", p(&model), "-o", p(&model)],
        vec!["grade", p(&model), p(dir.path()), "-o", p(&student)],
    ] {
        let output = argmap(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains("would overwrite its input"),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(std::fs::read(&model).expect("read"), before, "{args:?}");
    }
}

#[test]
fn text_from_a_file_never_reaches_the_terminal_as_control_codes() {
    let dir = tempfile::tempdir().expect("temp");
    let mut map = common::small_map();
    map.claims[0].text = "\u{1b}]0;pwned\u{7}\u{1b}[2J".into();
    map.links[0].premises.push(argmap::model::ClaimId(77));
    let path = dir.path().join("evil\u{1b}[31m.ron");
    std::fs::write(&path, argmap::format::to_ron(&map).expect("encode")).expect("write");
    let output = argmap(&["check", p(&path)]);
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("evil\\u{1b}[31m.ron"), "{text:?}");
    let other = dir.path().join("other.ron");
    argmap::format::save(&common::small_map(), &other).expect("save");
    map.links[0].premises.pop();
    let good = dir.path().join("evil.ron");
    argmap::format::save(&map, &good).expect("save");
    let output = argmap(&["compare", p(&good), p(&other)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stdout(&output).contains('\u{1b}'), "{:?}", stdout(&output));
}

#[cfg(unix)]
#[test]
fn check_of_an_endless_file_stops_at_the_limit() {
    let output = argmap(&["check", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(1));
    // A device has no size: it is larger than the limit, not "64 MiB".
    assert!(
        stdout(&output).contains("the file is larger than 64 MiB, the most Argmap reads"),
        "{}",
        stdout(&output)
    );
    assert!(!stdout(&output).contains("the file is 64 MiB"));
}

#[test]
fn import_never_writes_a_map_that_argmap_would_refuse() {
    let dir = tempfile::tempdir().expect("temp");
    let n = argmap::format::MAX_CLAIMS + 1;
    let nodes: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"nodeID": "{i}", "type": "I", "text": "c"}}"#))
        .collect();
    let aif = dir.path().join("huge.json");
    std::fs::write(
        &aif,
        format!(r#"{{"nodes": [{}], "edges": []}}"#, nodes.join(",")),
    )
    .expect("write");
    let out = dir.path().join("huge.ron");
    let output = argmap(&["import", p(&aif), "-o", p(&out)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("Argmap reads at most 100000"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn writing_to_a_closed_standard_output_is_an_error() {
    let dir = tempfile::tempdir().expect("temp");
    let map = dir.path().join("map.ron");
    argmap::format::save(&common::small_map(), &map).expect("save");
    let mut child = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(["export", p(&map), "--to", "svg"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("could not write to standard output"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn every_subcommand_has_its_own_help_and_completions_are_printed() {
    for command in [
        "check", "convert", "compare", "grade", "exercise", "import", "export",
    ] {
        let output = argmap(&[command, "--help"]);
        assert!(output.status.success(), "{command}");
        assert!(
            stdout(&output).contains(&format!("argmap {command}")),
            "{command}"
        );
    }
    let output = argmap(&["completions", "bash"]);
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("complete"),
        "a bash completion script"
    );
}

/// A map within the limits but with more text than a picture draws is
/// refused up front, naming the map and the limit, rather than drawn with
/// gigabytes.
#[test]
fn a_picture_of_too_much_text_is_refused_up_front_naming_the_map() {
    let dir = tempfile::tempdir().expect("temp");
    let mut map = argmap::model::Map::default();
    let text = "words ".repeat(1_600);
    map.claims = (1..=1_750u64)
        .map(|id| {
            common::claim(
                id,
                &text,
                (id % 40) as f32 * 240.0,
                (id / 40) as f32 * 900.0,
            )
        })
        .collect();
    let path = dir.path().join("long.ron");
    argmap::format::save(&map, &path).expect("save");
    for to in ["svg", "png"] {
        let out = dir.path().join(format!("long.{to}"));
        let output = argmap(&["export", p(&path), "--to", to, "-o", p(&out)]);
        assert_eq!(output.status.code(), Some(1), "{to}");
        let said = stderr(&output);
        assert!(
            said.contains(&format!("{}: the map holds", path.display())),
            "{said}"
        );
        assert!(said.contains("a picture draws at most 16000000"), "{said}");
        assert!(!out.exists());
    }
}
