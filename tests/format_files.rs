//! The file format: deterministic RON pinned by a golden file, exact RON ⇄ JSON
//! round trips, and atomic saving.

mod common;

use argmap::format::{self, ReadError, Syntax};
use argmap::model::{Map, Pin, validate};
use common::small_map;

#[test]
fn ron_shape_is_pinned() {
    common::golden("small.ron", &format::to_ron(&small_map()).expect("encode"));
}

#[test]
fn json_shape_is_pinned() {
    common::golden(
        "small.json",
        &format::to_json(&small_map()).expect("encode"),
    );
}

#[test]
fn ron_round_trips_exactly() {
    let map = small_map();
    let text = format::to_ron(&map).expect("encode");
    let back = format::read(text.as_bytes(), Syntax::Ron).expect("reads back");
    assert_eq!(back, map);
    assert_eq!(
        format::to_ron(&back).expect("encode"),
        text,
        "same map must give the same bytes"
    );
}

#[test]
fn json_round_trips_exactly_both_ways() {
    let map = small_map();
    let ron = format::to_ron(&map).expect("encode");
    let json =
        format::to_json(&format::read(ron.as_bytes(), Syntax::Ron).expect("ron")).expect("encode");
    let ron_again = format::to_ron(&format::read(json.as_bytes(), Syntax::Json).expect("json"))
        .expect("encode");
    assert_eq!(ron_again, ron);
}

#[test]
fn order_in_the_file_does_not_matter_but_saving_sorts() {
    let mut shuffled = small_map();
    shuffled.claims.reverse();
    shuffled.links.reverse();
    let text = format::to_ron(&shuffled).expect("encode");
    let back = format::read(text.as_bytes(), Syntax::Ron).expect("reads");
    assert_eq!(back, small_map());
}

#[test]
fn awkward_floats_and_strings_survive() {
    let mut map = small_map();
    map.claims[0].pos.x = 0.1 + 0.2;
    map.claims[1].pos.y = -1.0e-7;
    map.claims[2].pos.x = 123_456.79;
    map.claims[3].text =
        "\"quoted\" \\ back\\slash\r\n\ttab \0 nul \"# r#\"raw\"# \u{1F600}".into();
    for syntax in [Syntax::Ron, Syntax::Json] {
        let text = match syntax {
            Syntax::Ron => format::to_ron(&map).expect("encode"),
            Syntax::Json => format::to_json(&map).expect("encode"),
        };
        assert_eq!(format::read(text.as_bytes(), syntax).expect("reads"), map);
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", format::to_ron(&small_map()).expect("encode"));
    assert_eq!(
        format::read(text.as_bytes(), Syntax::Ron).expect("reads"),
        small_map()
    );
}

#[test]
fn pins_kept_in_a_map_are_written_read_and_checked() {
    let mut map = small_map();
    map.claims[0].pin = Some(Pin::Accepted);
    map.claims[2].pin = Some(Pin::Rejected);
    let ron = format::to_ron(&map).expect("encode");
    assert_eq!(ron.matches("pin: Some(").count(), 2, "{ron}");
    assert_eq!(format::read(ron.as_bytes(), Syntax::Ron).expect("ron"), map);
    let json = format::to_json(&map).expect("encode");
    assert!(json.contains("\"pin\": \"Accepted\""), "{json}");
    assert_eq!(
        format::read(json.as_bytes(), Syntax::Json).expect("json"),
        map
    );
    // Without pins nothing is written: files stay as they were.
    assert!(
        !format::to_ron(&small_map())
            .expect("encode")
            .contains("pin")
    );
    let odd = ron.replace("pin: Some(Rejected)", "pin: Some(Maybe)");
    let error = format::read(odd.as_bytes(), Syntax::Ron).expect_err("unknown pin");
    let message = error.to_string();
    assert!(
        message.contains("Maybe") && message.contains("line"),
        "{message}"
    );
}

#[test]
fn unknown_fields_are_refused_with_their_name() {
    let text = format::to_ron(&small_map())
        .expect("encode")
        .replace("    title:", "    titel:");
    let error = format::read(text.as_bytes(), Syntax::Ron).expect_err("typo");
    assert!(
        error.to_string().contains("unknown field `titel`"),
        "{error}"
    );
}

#[test]
fn an_invalid_map_lists_every_problem() {
    let mut map = small_map();
    map.claims[1].quote.as_mut().expect("quote").text = "changed".into();
    map.links[0].premises = vec![argmap::model::ClaimId(99)];
    let text = format::to_ron(&map).expect("encode");
    let Err(ReadError::Invalid(problems)) = format::read(text.as_bytes(), Syntax::Ron) else {
        panic!("should be invalid");
    };
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems,
        validate(&format::parse(text.as_bytes(), Syntax::Ron).expect("parses"))
    );
}

#[test]
fn save_then_load_gives_the_same_map() {
    let dir = tempfile::tempdir().expect("temp");
    for name in ["map.ron", "map.json"] {
        let path = dir.path().join(name);
        format::save(&small_map(), &path).expect("save");
        assert_eq!(format::load(&path).expect("load"), small_map());
    }
    // Nothing but the two maps is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2);
}

/// Runs `argmap` with `args` as a user without special rights: as root (as
/// CI runs) folder permissions would not apply, so the child drops to
/// `nobody` through util-linux's setpriv.
#[cfg(unix)]
fn argmap_unprivileged(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let exe = env!("CARGO_BIN_EXE_argmap");
    let uid = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        })
        .unwrap_or_default();
    let mut command = if uid == "0" {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", exe]);
        c
    } else {
        std::process::Command::new(exe)
    };
    command.args(args).output().expect("run argmap")
}

#[cfg(unix)]
#[test]
fn a_failed_save_reports_why_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp");
    let folder = dir.path().join("locked");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("map.ron");
    format::save(&small_map(), &path).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let mut changed = small_map();
    changed.title = "Changed".into();
    let input = dir.path().join("changed.ron");
    format::save(&changed, &input).expect("save input");
    for (p, mode) in [
        (dir.path(), 0o755),
        (input.as_path(), 0o644),
        (path.as_path(), 0o644),
        (folder.as_path(), 0o555),
    ] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    let output = argmap_unprivileged(&[
        "convert".as_ref(),
        input.as_os_str(),
        "--to".as_ref(),
        "ron".as_ref(),
        "-o".as_ref(),
        path.as_os_str(),
    ]);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("map.ron: could not save: permission denied"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    // Nothing was left beside the map.
    assert_eq!(std::fs::read_dir(&folder).expect("dir").count(), 1);
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("no-such-folder").join("map.ron");
    let error = format::save(&small_map(), &path).expect_err("missing folder");
    assert!(
        error.to_string().contains("no such file or folder"),
        "{error}"
    );
}

#[test]
fn saving_over_a_folder_fails_and_leaves_it() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("taken");
    std::fs::create_dir(&path).expect("mkdir");
    std::fs::write(path.join("inside.txt"), b"keep").expect("write");
    assert!(format::save(&Map::default(), &path).is_err());
    assert_eq!(
        std::fs::read(path.join("inside.txt")).expect("read"),
        b"keep"
    );
    // The temporary file was cleaned up.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn the_example_in_the_format_document_is_a_valid_map() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md"),
    )
    .expect("FORMAT.md");
    let start = doc.find("```ron\n").expect("a RON example") + "```ron\n".len();
    let end = start + doc[start..].find("```").expect("end of example");
    let map = format::read(&doc.as_bytes()[start..end], Syntax::Ron)
        .expect("the documented example reads");
    assert_eq!((map.claims.len(), map.links.len()), (3, 2));
    assert!(
        matches!(map.links[1].target, argmap::model::Target::Link(_)),
        "the example shows an undercut"
    );
}

#[test]
fn a_map_in_the_first_format_still_opens_and_is_saved_in_the_current_one() {
    let current = format::to_ron(&small_map()).expect("encode");
    let old = current.replacen("format: 2,", "format: 1,", 1);
    assert_ne!(old, current);
    let map = format::read(old.as_bytes(), Syntax::Ron).expect("format 1 reads");
    assert_eq!(map, small_map());
    assert!(format::to_ron(&map).expect("encode").contains("format: 2,"));
}
