//! Reading and writing files the way a careful editor does.
//!
//! Writing never leaves a half-written file: the bytes go to a temporary
//! file beside the target, created exclusively under an unpredictable name,
//! flushed to disk, given the target's permissions (and owner, where the
//! system allows), then renamed over it. A symbolic link is followed, so the
//! real file changes and the link stays. A file with other hard links is
//! rewritten in place (the links stay one file), with both the new contents
//! and the old kept, complete and flushed, beside it until the write is
//! done, so a write cut short at any moment loses neither. A read-only file
//! is refused. Leftovers of saves that did not finish are offered back when
//! their map is opened, and cleared away once a later save of it finished.
//!
//! Reading is bounded whatever the file is (a pipe, a device): no more than
//! the limit is ever read into memory.
//!
//! In the browser there is no file system: the same functions read and
//! write [`super::memory`] instead.

use super::error::{ReadError, SaveError, io_message};
use super::{FileError, MAX_FILE_BYTES};
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How Argmap's temporary files end: `.NAME.RANDOM.argmap-tmp` beside NAME.
pub const TEMP_SUFFIX: &str = ".argmap-tmp";
/// How the copy of a hard-linked file's old contents ends, kept while the
/// file is rewritten in place: `.NAME.RANDOM.argmap-old`.
pub const OLD_SUFFIX: &str = ".argmap-old";
/// A leftover younger than this may belong to a save under way elsewhere.
pub const SETTLED_SECONDS: u64 = 60;

/// What a file on disk was when Argmap last read or wrote it, to notice
/// another program changing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// A hash of the contents (for this run only; never stored).
    pub hash: u64,
}

impl Stamp {
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            len: bytes.len() as u64,
            modified,
            hash: content_hash(bytes),
        }
    }

    /// The file as it is now; `None` if it cannot be read (gone, say).
    pub fn of_file(path: &Path) -> Option<Self> {
        let modified = fs::metadata(path).ok().and_then(|m| m.modified().ok());
        let bytes = read_bounded(path).ok()?;
        Some(Self::of_bytes(&bytes, modified))
    }

    /// Whether the file at `path` differs from this stamp. Size and time
    /// decide quickly; when they differ, the contents decide (a touch alone
    /// is not a change).
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        // Size and time come from the file system; without one (the
        // browser), the contents alone decide.
        if let Ok(meta) = fs::metadata(path)
            && meta.len() == self.len
            && meta.modified().ok() == self.modified
        {
            return false;
        }
        Self::of_file(path).is_none_or(|now| now.hash != self.hash || now.len != self.len)
    }
}

fn content_hash(bytes: &[u8]) -> u64 {
    // A fixed-key hasher: the same bytes give the same hash within a run.
    let mut hasher =
        std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
            .build_hasher();
    hasher.write(bytes);
    hasher.finish()
}

/// Reads a file's bytes, at most [`MAX_FILE_BYTES`] of them, whatever the
/// file is.
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    read_bounded(path).map_err(|error| FileError::new(path, error))
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, ReadError> {
    if cfg!(target_arch = "wasm32") {
        let bytes = super::memory::read(path)
            .ok_or_else(|| ReadError::Io("no such file in this browser tab".into()))?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge { bytes: bytes.len() });
        }
        return Ok(bytes);
    }
    let io = |e: io::Error| ReadError::Io(io_message(&e));
    let meta = fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::Io("is a folder, not a file".into()));
    }
    let len = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    if len > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: len });
    }
    let file = File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(len.min(MAX_FILE_BYTES));
    // One byte past the limit tells a file that grew (or never ends) from one that fits.
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    Ok(bytes)
}

/// The file a write to `path` really changes: the end of any symbolic links.
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    // A new file: resolve the folder it goes in.
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) if !dir.as_os_str().is_empty() => {
            fs::canonicalize(dir).map_or_else(|_| path.to_path_buf(), |dir| dir.join(name))
        }
        _ => path.to_path_buf(),
    }
}

/// Writes `bytes` to `path` as described at the top of this module.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_with(path, bytes, Fault::None)
}

/// Where a test makes a write fail, to check that nothing is lost.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    /// The disk fills up halfway through the temporary file.
    Write,
    /// The rename over the target fails.
    Rename,
    /// The program dies halfway through rewriting a hard-linked file in
    /// place: nothing after that point runs (no restoring, no cleaning up).
    Killed,
}

#[doc(hidden)]
// The browser's `File` holds nothing to close; this path never runs there.
#[cfg_attr(target_arch = "wasm32", allow(clippy::drop_non_drop))]
pub fn write_with(path: &Path, bytes: &[u8], fault: Fault) -> Result<(), SaveError> {
    if cfg!(target_arch = "wasm32") {
        super::memory::write(path, bytes);
        return Ok(());
    }
    let target = real_path(path);
    let fail = |e: &io::Error| SaveError::io(path, e);
    let existing = match fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => return Err(SaveError::new(path, "is a folder")),
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(&e)),
    };
    if let Some(meta) = &existing
        && meta.permissions().readonly()
    {
        return Err(SaveError::new(
            path,
            "the file is read-only (Save as… writes a copy elsewhere)",
        ));
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| SaveError::new(path, "the path names no file"))?;
    let (temp_path, mut temp) =
        create_temp(&dir, &name.to_string_lossy(), existing.is_some()).map_err(|e| fail(&e))?;
    let written = write_and_sync(&mut temp, bytes, fault).and_then(|()| match &existing {
        Some(meta) => keep_protection(&temp, meta),
        None => Ok(()),
    });
    drop(temp);
    if let Err(e) = written {
        let _ = fs::remove_file(&temp_path);
        return Err(fail(&e));
    }
    let result = if existing.as_ref().is_some_and(has_other_links) {
        rewrite_in_place(&dir, &target, bytes, fault)
    } else if fault == Fault::Rename {
        Err(io::Error::other("the rename failed (injected)"))
    } else {
        fs::rename(&temp_path, &target)
    };
    // After a rename the temporary name is gone; after an in-place write
    // (or a failure) the copy beside the map is no longer needed.
    if fault != Fault::Killed {
        let _ = fs::remove_file(&temp_path);
    }
    result.map_err(|e| fail(&e))?;
    sync_dir(&dir);
    clear_settled_leftovers(&dir);
    Ok(())
}

/// Removes leftovers in `dir` that a later save made stale: those whose
/// file was written after them and opens whole. Any other stays, to be offered when its map
/// is opened. Only names of Argmap's own making are touched.
fn clear_settled_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(target) = leftover_target(&name) else {
            continue;
        };
        let Ok(made) = entry.metadata().and_then(|m| m.modified()) else {
            continue;
        };
        let settled = made
            .elapsed()
            .is_ok_and(|age| age.as_secs() >= SETTLED_SECONDS);
        let saved_since = fs::metadata(dir.join(target))
            .and_then(|m| m.modified())
            .is_ok_and(|saved| saved > made);
        // A file written since but damaged (a rewrite cut short) still
        // needs its leftovers: they are offered when it is opened.
        if settled && saved_since && reads_as_map(&dir.join(target)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the file at `path` opens as a map.
pub fn reads_as_map(path: &Path) -> bool {
    read_bounded(path)
        .is_ok_and(|bytes| super::read(&bytes, super::Syntax::detect(path, &bytes)).is_ok())
}

/// The file a leftover's name belongs to: `.NAME.RANDOM.argmap-tmp` (or
/// `-old`) gives NAME; `None` for any other name.
fn leftover_target(name: &str) -> Option<&str> {
    let rest = name
        .strip_suffix(TEMP_SUFFIX)
        .or_else(|| name.strip_suffix(OLD_SUFFIX))?
        .strip_prefix('.')?;
    let (target, random) = rest.rsplit_once('.')?;
    (random.len() == 16 && random.chars().all(|c| c.is_ascii_hexdigit()) && !target.is_empty())
        .then_some(target)
}

/// A new file beside the target, created exclusively (a file or link already
/// at that name is never followed or reused). It starts private when it will
/// take an existing file's permissions, else with the usual permissions for
/// a new file (what the user's umask allows).
fn create_temp(dir: &Path, name: &str, private: bool) -> io::Result<(PathBuf, File)> {
    create_beside(dir, name, TEMP_SUFFIX, private)
}

/// A new file `.NAME.RANDOM SUFFIX` in `dir`, created exclusively.
fn create_beside(
    dir: &Path,
    name: &str,
    suffix: &str,
    private: bool,
) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..16 {
        let path = dir.join(format!(".{name}.{:016x}{suffix}", random()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(if private { 0o600 } else { 0o666 });
        }
        #[cfg(not(unix))]
        let _ = private;
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// 64 unpredictable bits: the standard library seeds each `RandomState`
/// from the operating system.
pub(crate) fn random() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        web_time::SystemTime::now()
            .duration_since(web_time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    // The browser has no process ids (asking panics there).
    #[cfg(not(target_arch = "wasm32"))]
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// Whether there is a file at `path`.
pub fn is_file(path: &Path) -> bool {
    if cfg!(target_arch = "wasm32") {
        super::memory::read(path).is_some()
    } else {
        path.is_file()
    }
}

/// Deletes a file, if it is there.
pub fn remove_file(path: &Path) {
    if cfg!(target_arch = "wasm32") {
        super::memory::remove(path);
    } else {
        let _ = fs::remove_file(path);
    }
}

fn write_and_sync(file: &mut File, bytes: &[u8], fault: Fault) -> io::Result<()> {
    if fault == Fault::Write {
        file.write_all(&bytes[..bytes.len() / 2])?;
        return Err(io::Error::from(io::ErrorKind::StorageFull));
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// Gives the new file the old one's permissions, and its owner where the
/// system lets us (only an administrator may give files away).
fn keep_protection(file: &File, old: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if new.uid() != old.uid() || new.gid() != old.gid() {
            let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
        }
    }
    Ok(())
}

fn has_other_links(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Writes and flushes a file, closing it on return.
fn write_and_close(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// Overwrites a hard-linked file in place, so every name for it sees the
/// new contents. The old contents are first kept, complete and flushed,
/// beside the file (and removed once the write is done); if the write
/// fails, they are put back.
fn rewrite_in_place(dir: &Path, target: &Path, bytes: &[u8], fault: Fault) -> io::Result<()> {
    let old = fs::read(target)?;
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (kept, copy) = create_beside(dir, &name, OLD_SUFFIX, true)?;
    if let Err(e) = write_and_close(copy, &old) {
        let _ = fs::remove_file(&kept);
        return Err(e);
    }
    sync_dir(dir);
    if fault == Fault::Killed {
        // As a process killed mid-write leaves it: half the new bytes.
        OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(target)?
            .write_all(&bytes[..bytes.len() / 2])?;
        return Err(io::Error::other("killed (injected)"));
    }
    let result = rewrite(target, bytes, &old, fault);
    let _ = fs::remove_file(&kept);
    result
}

fn rewrite(target: &Path, bytes: &[u8], old: &[u8], fault: Fault) -> io::Result<()> {
    let attempt = || -> io::Result<()> {
        let mut file = OpenOptions::new().write(true).truncate(true).open(target)?;
        if fault != Fault::None {
            return Err(io::Error::other("the write failed (injected)"));
        }
        file.write_all(bytes)?;
        file.sync_all()
    };
    attempt().inspect_err(|_| {
        if let Ok(mut file) = OpenOptions::new().write(true).truncate(true).open(target) {
            let _ = file.write_all(old).and_then(|()| file.sync_all());
        }
    })
}

/// Makes the rename itself durable where the platform allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Argmap's temporary files beside `path`, newest first: what an
/// interrupted save was writing.
pub fn leftovers(path: &Path) -> Vec<(PathBuf, SystemTime)> {
    beside(path, TEMP_SUFFIX)
}

/// Copies of `path`'s old contents kept while it was rewritten in place,
/// newest first: the map as it was, if such a rewrite was cut short.
pub fn kept_copies(path: &Path) -> Vec<(PathBuf, SystemTime)> {
    beside(path, OLD_SUFFIX)
}

fn beside(path: &Path, suffix: &str) -> Vec<(PathBuf, SystemTime)> {
    let target = real_path(path);
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return Vec::new();
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, SystemTime)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&prefix) && n.ends_with(suffix) && leftover_target(&n).is_some()
        })
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            meta.is_file()
                .then(|| (e.path(), meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)))
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.1));
    found
}
