//! A folder of broken maps: `argmap check` refuses each with a one-line message
//! naming the file (and line and column where there is one), and never panics.

use std::path::Path;
use std::process::Command;

fn check(path: &Path) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .arg("check")
        .arg(path)
        .output()
        .expect("run argmap");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code().unwrap_or(-1), text)
}

const CASES: &[(&str, &str)] = &[
    ("empty.ron", "the file is empty"),
    (
        "not-utf8.ron",
        "line 3, column 16: the file is not UTF-8 text",
    ),
    (
        "not-ron.ron",
        "line 1, column 1: expected a map in parentheses `( … )` but found `Dear`",
    ),
    ("truncated.ron", "the file ends too early"),
    (
        "truncated.json",
        "line 3, column 20: the file ends too early",
    ),
    ("wrong-type.ron", "line 6, column 16: expected integer"),
    (
        "missing-field.ron",
        "line 8, column 9: a claim is missing its `text` field",
    ),
    (
        "newer-version.ron",
        "this map was made by a newer Argmap (format 4); this one reads formats up to 3",
    ),
    (
        "no-version.ron",
        "this is not an Argmap map (it has no `format` field)",
    ),
    (
        "dangling-link.ron",
        "link 1 has premise claim 7, which does not exist",
    ),
    (
        "bad-span.ron",
        "claim 1 quotes bytes up to 400, but source 's' is only 11 bytes long",
    ),
    (
        "split-character.ron",
        "claim 1 has a quote span that splits a character at byte 3 of source 's'",
    ),
    (
        "quote-mismatch.ron",
        "claim 1 quotes text that no longer matches source 's' (the span now reads \"Dialogue\")",
    ),
    ("duplicate-id.ron", "claim 1 is defined more than once"),
    ("self-link.ron", "link 1 links claim 1 to itself"),
    (
        "duplicate-link.ron",
        "link 2 repeats link 1 (same kind, premises and target)",
    ),
    (
        "unknown-kind.ron",
        "line 8, column 23: `Attack` is not one of `Support`, `Rebut`",
    ),
    ("deep-nesting.ron", "brackets nest more than 64 deep"),
    ("parentheses.ron", "line 1, column 2: expected a field name"),
    // Other formats a user may hand Argmap: what they are, and what reads them.
    (
        "debate.argdown",
        "this is Argdown, not an Argmap map: `argmap import` (or File ▸ Import…) reads the Argdown Argmap writes",
    ),
    (
        "araucaria.aml",
        "this is Araucaria's AML, not an Argmap map: Argmap does not read AML",
    ),
];

#[test]
fn every_broken_file_is_refused_with_its_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut failures = Vec::new();
    for (file, expected) in CASES {
        let path = dir.join(file);
        let (status, text) = check(&path);
        let named = text.contains(&path.display().to_string());
        if status != 1 || !named || !text.contains(expected) || text.contains("panicked") {
            failures.push(format!(
                "{file}: exit {status}, wanted '{expected}', got:\n{text}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_file_in_the_folder_has_a_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    for entry in std::fs::read_dir(dir).expect("broken folder") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            CASES.iter().any(|(file, _)| *file == name),
            "no expected message for {name}"
        );
    }
}

#[test]
fn an_absurdly_large_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: takes no disk space, but reports 65 MiB.
    file.set_len(65 * 1024 * 1024).expect("set_len");
    let (status, text) = check(&path);
    assert_eq!(status, 1, "{text}");
    assert!(
        text.contains("the file is 65 MiB; Argmap reads maps of at most 64 MiB"),
        "{text}"
    );
}

#[test]
fn a_map_with_absurdly_many_claims_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("many.ron");
    let mut text = String::from("(format: 1, claims: [");
    for id in 1..=100_001 {
        text.push_str(&format!("(id: {id}, text: \"\"),"));
    }
    text.push_str("])");
    std::fs::write(&path, text).expect("write");
    let (status, out) = check(&path);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("the map has 100001 claims; Argmap reads at most 100000"),
        "{out}"
    );
}

#[test]
fn a_hundred_thousand_brackets_are_refused_in_plain_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("brackets.ron");
    std::fs::write(&path, "[".repeat(100_000)).expect("write");
    let (status, text) = check(&path);
    assert_eq!(status, 1, "{text}");
    assert!(
        text.contains("line 1, column 1: expected `(` to open the map"),
        "{text}"
    );
    let inside = dir.path().join("inside.ron");
    std::fs::write(
        &inside,
        format!("(format: 2, claims: {}", "[".repeat(100_000)),
    )
    .expect("write");
    let (status, text) = check(&inside);
    assert_eq!(status, 1, "{text}");
    assert!(text.contains("brackets nest more than 64 deep"), "{text}");
}

#[test]
fn random_bytes_never_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..20 {
        let bytes: Vec<u8> = (0..2000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect();
        let path = dir.path().join(format!("garbage-{round}.ron"));
        std::fs::write(&path, bytes).expect("write");
        let (status, text) = check(&path);
        assert_eq!(status, 1, "{text}");
        assert!(!text.contains("panicked"), "{text}");
    }
}
