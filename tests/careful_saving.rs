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
