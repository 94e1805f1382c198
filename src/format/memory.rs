//! Files held in memory, for a session with no file system of its own (the
//! browser): the maps and articles the user picked or dropped, and what
//! Argmap wrote, each under the name it came with. [`super::disk`] reads and
//! writes here instead of the file system when built for the browser, so
//! the editor's file commands are the same code on every platform. Each
//! write is also noted, so the page can hand it to the user as a download.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

#[derive(Default)]
struct Files {
    files: BTreeMap<PathBuf, Vec<u8>>,
    /// Paths written since the page last looked, oldest first.
    written: Vec<PathBuf>,
    /// Counts every change, so the page can tell when to look again.
    generation: u64,
}

static FILES: Mutex<Files> = Mutex::new(Files {
    files: BTreeMap::new(),
    written: Vec::new(),
    generation: 0,
});

fn files() -> MutexGuard<'static, Files> {
    FILES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Puts a file in (one the user gave Argmap), without noting it as written.
pub fn put(path: &Path, bytes: Vec<u8>) {
    let mut files = files();
    files.files.insert(path.to_path_buf(), bytes);
    files.generation += 1;
}

/// Writes a file, and notes it for the page.
pub fn write(path: &Path, bytes: &[u8]) {
    let mut files = files();
    files.files.insert(path.to_path_buf(), bytes.to_vec());
    files.written.retain(|p| p != path);
    files.written.push(path.to_path_buf());
    files.generation += 1;
}

pub fn read(path: &Path) -> Option<Vec<u8>> {
    files().files.get(path).cloned()
}

pub fn remove(path: &Path) {
    let mut files = files();
    if files.files.remove(path).is_some() {
        files.generation += 1;
    }
}

/// The files directly in `dir`.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    files()
        .files
        .keys()
        .filter(|p| p.parent() == Some(dir))
        .cloned()
        .collect()
}

/// The files written since the last call, with their bytes, oldest first.
pub fn take_written() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = files();
    let written = std::mem::take(&mut files.written);
    written
        .into_iter()
        .filter_map(|p| files.files.get(&p).cloned().map(|bytes| (p, bytes)))
        .collect()
}

/// A number that changes whenever any file does.
pub fn generation() -> u64 {
    files().generation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_kept_and_handed_over_once() {
        let dir = Path::new("/memory-test/a");
        let map = dir.join("map.ron");
        let before = generation();
        put(&dir.join("given.txt"), b"given".to_vec());
        write(&map, b"first");
        write(&map, b"second");
        assert!(generation() > before);
        assert_eq!(read(&map).as_deref(), Some(&b"second"[..]));
        let handed: Vec<_> = take_written()
            .into_iter()
            .filter(|(p, _)| p.starts_with(dir))
            .collect();
        assert_eq!(handed, vec![(map.clone(), b"second".to_vec())]);
        assert!(take_written().iter().all(|(p, _)| !p.starts_with(dir)));
        let mut listed = list(dir);
        listed.sort();
        assert_eq!(listed, vec![dir.join("given.txt"), map.clone()]);
        remove(&map);
        assert_eq!(read(&map), None);
    }
}
