//! Saving like a careful editor, checked on real files: links followed,
//! protection kept, read-only files refused, nothing half-written or left
//! behind when a write fails, planted names never followed, every read bounded.

mod common;

use argmap::format::{self, ReadError, disk};
use common::small_map;
use std::path::Path;

fn ron(title: &str) -> Vec<u8> {
    let mut map = small_map();
    map.title = title.into();
    format::to_ron(&map).expect("encode").into_bytes()
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_changes_the_real_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("temp");
    let real = dir.path().join("synced").join("map.ron");
    std::fs::create_dir(real.parent().expect("parent")).expect("mkdir");
    std::fs::write(&real, ron("Old")).expect("write");
    let link = dir.path().join("shortcut.ron");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    disk::write_atomic(&link, &ron("New")).expect("save");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&real).expect("read"), ron("New"));
    assert_eq!(entries(real.parent().expect("parent")), vec!["map.ron"]);
}

#[cfg(unix)]
#[test]
fn saving_a_hard_linked_file_changes_every_name_for_it() {
    let dir = tempfile::tempdir().expect("temp");
    let first = dir.path().join("map.ron");
    let second = dir.path().join("also.ron");
    std::fs::write(&first, ron("Old")).expect("write");
    std::fs::hard_link(&first, &second).expect("link");
    disk::write_atomic(&first, &ron("New")).expect("save");
    assert_eq!(std::fs::read(&second).expect("read"), ron("New"));
    assert_eq!(entries(dir.path()), vec!["also.ron", "map.ron"]);
}

#[cfg(unix)]
#[test]
fn a_failed_in_place_write_puts_the_old_contents_back() {
    let dir = tempfile::tempdir().expect("temp");
    let first = dir.path().join("map.ron");
    std::fs::write(&first, ron("Old")).expect("write");
    std::fs::hard_link(&first, dir.path().join("also.ron")).expect("link");
    let error = disk::write_with(&first, &ron("New"), disk::Fault::Write).expect_err("fails");
    assert!(error.to_string().contains("could not save"), "{error}");
    assert_eq!(std::fs::read(&first).expect("read"), ron("Old"));
    assert_eq!(entries(dir.path()), vec!["also.ron", "map.ron"]);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("private.ron");
    std::fs::write(&path, ron("Old")).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    format::save(&small_map(), &path).expect("save");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a private map stays private");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    format::save(&small_map(), &path).expect("save");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("locked.ron");
    std::fs::write(&path, ron("Old")).expect("write");
    let mut permissions = std::fs::metadata(&path).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).expect("chmod");
    let error = format::save(&small_map(), &path).expect_err("read-only");
    assert!(error.to_string().contains("read-only"), "{error}");
    assert_eq!(std::fs::read(&path).expect("read"), ron("Old"));
    assert_eq!(entries(dir.path()), vec!["locked.ron"]);
}

#[test]
fn a_write_that_fails_midway_leaves_the_old_file_and_no_temporary_file() {
    for fault in [disk::Fault::Write, disk::Fault::Rename] {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("map.ron");
        std::fs::write(&path, ron("Old")).expect("write");
        let error = disk::write_with(&path, &ron("New"), fault).expect_err("fails");
        assert!(
            error.to_string().starts_with(&format::display(&path)),
            "{error}"
        );
        assert_eq!(std::fs::read(&path).expect("read"), ron("Old"), "{fault:?}");
        assert_eq!(entries(dir.path()), vec!["map.ron"], "{fault:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_planted_link_at_the_old_temporary_name_is_never_followed() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("map.ron");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, b"keep me").expect("write");
    // The name saving used to choose: predictable from the process id.
    let planted = dir
        .path()
        .join(format!(".map.ron.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).expect("plant");
    format::save(&small_map(), &path).expect("save");
    assert_eq!(std::fs::read(&victim).expect("read"), b"keep me");
    assert_eq!(format::load(&path).expect("load"), small_map());
}

#[cfg(unix)]
#[test]
fn reading_a_file_that_never_ends_stops_at_the_limit() {
    let error = format::read_file(Path::new("/dev/zero")).expect_err("endless");
    assert!(matches!(error.error, ReadError::TooLarge { .. }), "{error}");
}

#[test]
fn leftovers_of_an_interrupted_save_are_found_beside_the_map() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("map.ron");
    std::fs::write(&path, ron("Old")).expect("write");
    let leftover = dir.path().join(".map.ron.0123456789abcdef.argmap-tmp");
    std::fs::write(&leftover, ron("New")).expect("write");
    std::fs::write(dir.path().join(".other.ron.0123.argmap-tmp"), b"x").expect("write");
    let found = disk::leftovers(&path);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0.file_name(), leftover.file_name());
}

#[test]
fn nothing_writes_a_map_argmap_would_refuse_to_open() {
    let mut map = argmap::model::Map::default();
    map.claims = (1..=format::MAX_CLAIMS as u64 + 1)
        .map(|id| common::claim(id, "c", 0.0, 0.0))
        .collect();
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("huge.ron");
    let error = format::save(&map, &path).expect_err("too many claims");
    assert!(
        error.to_string().contains("Argmap reads at most 100000"),
        "{error}"
    );
    assert!(!path.exists());
}

/// Ages a file, as if written `seconds` ago.
fn age(path: &Path, seconds: u64) {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(seconds);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(then))
        .expect("age the file");
}

#[test]
fn a_save_clears_leftovers_that_later_saves_made_stale_and_keeps_a_damaged_maps() {
    let dir = tempfile::tempdir().expect("temp");
    // Another map, saved whole since its leftover was left.
    let other = dir.path().join("other.ron");
    let stale = dir.path().join(".other.ron.0123456789abcdef.argmap-tmp");
    std::fs::write(&stale, ron("Half")).expect("write");
    age(&stale, 600);
    std::fs::write(&other, ron("Whole")).expect("write");
    // A damaged map, written after its leftover: the leftover is its only
    // whole version and stays.
    let damaged = dir.path().join("damaged.ron");
    let keep = dir.path().join(".damaged.ron.fedcba9876543210.argmap-old");
    std::fs::write(&keep, ron("As it was")).expect("write");
    age(&keep, 600);
    std::fs::write(&damaged, b"(format: 2, title: \"cut sh").expect("write");
    // A leftover too young to judge (another editor may be saving now).
    let young = dir.path().join(".other.ron.00000000000000aa.argmap-tmp");
    std::fs::write(&young, ron("Now")).expect("write");
    disk::write_atomic(&dir.path().join("map.ron"), &ron("Saved")).expect("save");
    let names = entries(dir.path());
    assert!(
        !names.contains(&".other.ron.0123456789abcdef.argmap-tmp".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&".damaged.ron.fedcba9876543210.argmap-old".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&".other.ron.00000000000000aa.argmap-tmp".to_owned()),
        "{names:?}"
    );
}

#[cfg(unix)]
#[test]
fn check_of_a_damaged_map_names_the_whole_version_a_cut_short_save_left() {
    let dir = tempfile::tempdir().expect("temp");
    let map = dir.path().join("essay.ron");
    std::fs::write(&map, b"(format: 2, title: \"cut sh").expect("write");
    let kept = dir.path().join(".essay.ron.fedcba9876543210.argmap-old");
    std::fs::write(&kept, ron("As it was")).expect("write");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
        .arg("check")
        .arg(&map)
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1));
    assert!(said.contains("a save of this map was cut short"), "{said}");
    assert!(
        said.contains(".essay.ron.fedcba9876543210.argmap-old is whole"),
        "{said}"
    );
}

/// The map killed at random moments while a save rewrites it in place (it
/// has a second hard link): at every moment either the map opens whole,
/// or both the map as it was and what the save was writing stand whole
/// beside it.
#[cfg(unix)]
#[test]
fn a_kill_during_a_hard_linked_save_always_leaves_a_whole_version() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("big.ron");
    let mut map = small_map();
    // Megabytes of source text make the write long enough to be hit.
    map.sources[0]
        .text
        .push_str(&"\n\nAnother paragraph of the article. ".repeat(300_000));
    format::save(&map, &path).expect("save");
    std::fs::hard_link(&path, dir.path().join("link.ron")).expect("link");
    let whole = |file: &Path| disk::reads_as_map(file);
    let (mut landed, mut damaged) = (0, 0);
    for attempt in 0..24u64 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
            .args(["tidy"])
            .arg(&path)
            .arg("-o")
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let start = Instant::now();
        // Aim at the rewrite in place: kill once the old contents have been
        // set aside (the rewrite is about to begin, or under way), at a
        // moment that moves from try to try; every fourth try earlier, as
        // soon as the save has begun.
        let aim_early = attempt % 4 == 0;
        let begun = loop {
            let started = if aim_early {
                !disk::leftovers(&path).is_empty()
            } else {
                !disk::kept_copies(&path).is_empty()
            };
            if started {
                break true;
            }
            if child.try_wait().expect("wait").is_some()
                || start.elapsed() > Duration::from_secs(60)
            {
                break false;
            }
            std::thread::sleep(Duration::from_micros(100));
        };
        std::thread::sleep(Duration::from_micros(attempt * 700 % 6_000));
        let _ = child.kill();
        let _ = child.wait();
        if begun {
            landed += 1;
        }
        // Damaged: the map as it was, and what the save was writing, stand
        // whole beside it.
        if !whole(&path) {
            let before = disk::kept_copies(&path)
                .iter()
                .any(|(f, _)| format::load(f).is_ok_and(|m| m == map));
            assert!(
                before,
                "try {attempt}: the map is damaged and its old contents are gone"
            );
            assert!(
                disk::leftovers(&path).iter().any(|(f, _)| whole(f)),
                "try {attempt}: the map is damaged and what the save wrote is gone"
            );
            damaged += 1;
        }
        // Start the next try from a whole map, as a user who took it back would.
        if !whole(&path) {
            format::save(&map, &path).expect("restore");
        }
        for (f, _) in disk::leftovers(&path)
            .into_iter()
            .chain(disk::kept_copies(&path))
        {
            let _ = std::fs::remove_file(f);
        }
    }
    assert!(landed >= 6, "only {landed} kills landed during a save");
    eprintln!("{landed} kills during a save, {damaged} left the map damaged");
}

/// Killed halfway through rewriting a hard-linked map in place: the map is
/// damaged, but the map as it was and what the save was writing both stand
/// whole beside it, and opening the map offers the latter back.
#[cfg(unix)]
#[test]
fn killed_mid_rewrite_the_old_and_the_new_map_both_stand_beside_it() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("map.ron");
    std::fs::write(&path, ron("Old")).expect("write");
    std::fs::hard_link(&path, dir.path().join("also.ron")).expect("link");
    let _ = disk::write_with(&path, &ron("New"), disk::Fault::Killed);
    assert!(!disk::reads_as_map(&path), "the map is damaged");
    let kept: Vec<Vec<u8>> = disk::kept_copies(&path)
        .iter()
        .map(|(f, _)| std::fs::read(f).expect("read"))
        .collect();
    assert_eq!(kept, vec![ron("Old")], "the old contents, whole");
    let written: Vec<Vec<u8>> = disk::leftovers(&path)
        .iter()
        .map(|(f, _)| std::fs::read(f).expect("read"))
        .collect();
    assert_eq!(
        written,
        vec![ron("New")],
        "what the save was writing, whole"
    );
}
