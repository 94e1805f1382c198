//! Recovery copies: while a map has unsaved changes, the editor keeps a copy
//! of it in a folder of its own (never beside or over the user's file), so
//! a crash, a kill or a power cut loses at most a few seconds of work.
//!
//! Each running editor is a *session*: it writes `SESSION.ron` and holds a
//! lock on `SESSION.lock` while it runs. A copy whose lock can be taken
//! belongs to a session that ended without cleaning up: that is what the
//! next start offers back.

use super::{ReadError, SaveError, Syntax, disk};
use crate::model::Map;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

const VERSION: u32 = 1;

/// What a recovery copy says about itself, besides the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct About {
    /// The map's file, if it had one.
    pub path: Option<PathBuf>,
    /// The name shown for the map (its file name, or "Untitled map").
    pub name: String,
    /// When the copy was made, in seconds since 1970.
    pub made: u64,
    /// How many edits it holds that the saved file does not.
    pub edits: u64,
}

#[derive(Serialize, Deserialize)]
struct CopyFile {
    recovery: u32,
    about: About,
    /// The map in Argmap's own RON, read back with every check a file gets.
    map: String,
}

/// A copy found on disk, left by a session that did not end cleanly.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub file: PathBuf,
    pub about: About,
    /// Whether the map's saved file is there to open instead (a browser's
    /// next visit has none).
    pub saved_exists: bool,
}

impl Found {
    /// Whether the copy is newer than the map's file (or the map has none).
    pub fn newer_than_its_map(&self) -> bool {
        let Some(path) = &self.about.path else {
            return true;
        };
        let saved = fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_secs());
        saved.is_none_or(|saved| saved <= self.about.made)
    }

    /// The map the copy holds, checked as any map file is.
    pub fn read(&self) -> Result<Map, ReadError> {
        let bytes = disk::read_file(&self.file).map_err(|e| e.error)?;
        let copy: CopyFile =
            ron::from_str(&String::from_utf8_lossy(&bytes)).map_err(|e| ReadError::Syntax {
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string(),
            })?;
        super::read(copy.map.as_bytes(), Syntax::Ron)
    }

    /// What the copy is, in a sentence: "a recovery copy of debate.ron
    /// (/home/me/debate.ron), made 2026-12-03 10:15 UTC, 3 edits not in the
    /// saved file; `argmap` with this file offers it back".
    pub fn describe(&self) -> String {
        let about = &self.about;
        let from = about
            .path
            .as_ref()
            .map_or_else(String::new, |p| format!(" ({})", p.display()));
        format!(
            "a recovery copy of {}{from}, made {}, {} not in the saved file; opening it in Argmap offers it back",
            about.name,
            when(about.made),
            crate::model::count(about.edits as usize, "edit", "edits")
        )
    }

    /// Deletes the copy (after restoring it, or when the user discards it).
    pub fn remove(&self) {
        disk::remove_file(&self.file);
        disk::remove_file(&self.file.with_extension("lock"));
    }

    /// The recovery copy at `file`, if it is one this version reads.
    pub fn at(file: &Path) -> Option<Self> {
        let bytes = disk::read_file(file).ok()?;
        let copy: CopyFile = ron::from_str(&String::from_utf8_lossy(&bytes)).ok()?;
        let saved_exists = copy.about.path.as_deref().is_some_and(disk::is_file);
        (copy.recovery == VERSION).then(|| Found {
            file: file.to_path_buf(),
            about: copy.about,
            saved_exists,
        })
    }
}

/// One running editor's recovery copy.
pub struct Session {
    dir: PathBuf,
    id: String,
    /// Held open and locked while the session runs.
    _lock: Option<File>,
}

impl Session {
    /// Starts a session in `dir` (created if needed). Without a usable
    /// folder the session still runs; it just cannot write copies.
    pub fn start(dir: &Path) -> Self {
        let id = format!("{:016x}", disk::random());
        let _ = fs::create_dir_all(dir);
        let lock = File::create(dir.join(format!("{id}.lock")))
            .ok()
            .filter(|f| f.try_lock().is_ok());
        Self {
            dir: dir.to_path_buf(),
            id,
            _lock: lock,
        }
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join(format!("{}.ron", self.id))
    }

    /// Writes (or replaces) this session's copy.
    pub fn write(&self, map: &Map, about: &About) -> Result<(), SaveError> {
        write_copy(&self.file(), map, about)
    }

    /// Writes a copy beside this session's, kept after the session ends, so
    /// the next start offers it back.
    pub fn write_aside(&self, map: &Map, about: &About) -> Result<(), SaveError> {
        let file = self.dir.join(format!(
            "{}-aside-{:08x}.ron",
            self.id,
            disk::random() as u32
        ));
        write_copy(&file, map, about)
    }

    /// Removes this session's copy: the map is saved, or was let go.
    pub fn clear(&self) {
        disk::remove_file(&self.file());
    }

    /// Copies left by sessions that are no longer running, newest first.
    pub fn left_behind(&self) -> Vec<Found> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Found> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron") && *p != self.file())
            .filter(|p| !still_running(p))
            .filter_map(|file| Found::at(&file))
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.about.made));
        found
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = fs::remove_file(self.dir.join(format!("{}.lock", self.id)));
    }
}

fn write_copy(file: &Path, map: &Map, about: &About) -> Result<(), SaveError> {
    let text = super::to_ron(map).map_err(|e| SaveError::new(file, e.to_string()))?;
    let copy = CopyFile {
        recovery: VERSION,
        about: about.clone(),
        map: text,
    };
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .escape_strings(true);
    let body = ron::ser::to_string_pretty(&copy, config)
        .map_err(|e| SaveError::new(file, e.to_string()))?;
    disk::write_atomic(file, body.as_bytes())
}

/// Whether the session that wrote `copy` still holds its lock.
fn still_running(copy: &Path) -> bool {
    let Ok(lock) = File::open(copy.with_extension("lock")) else {
        return false;
    };
    lock.try_lock().is_err()
}

/// Now, in seconds since 1970.
pub fn now() -> u64 {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A moment as people read it in a list: "today 14:05" is beyond std, so
/// the date and time are given in UTC, to the minute.
pub fn when(seconds: u64) -> String {
    let days = seconds / 86_400;
    let (hour, minute) = ((seconds % 86_400) / 3600, (seconds % 3600) / 60);
    let (year, month, day) = civil_from_days(days as i64);
    format!("{year}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// Days since 1970-01-01 as a calendar date (Howard Hinnant's method).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
