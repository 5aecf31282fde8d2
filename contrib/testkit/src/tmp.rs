//! Scratch directories that clean up after processes that could not.
//!
//! A [`ScratchDir`] is `<temp dir>/<prefix>-<unique>` holding an owner record
//! ([`OWNER_FILE`]: the creating process's PID and start time). Dropping it
//! removes it. A process killed before that leaves the directory behind;
//! [`sweep_stale`] removes such leftovers once their owner is gone, so
//! registries and test environments of killed test runs do not pile up.

use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};

use crate::host::{euid, mount_points_under, process_alive, process_start_time};

/// The owner record in every scratch directory: `PID START_TIME`.
pub const OWNER_FILE: &str = ".rcon-testkit-owner";

/// A unique directory under [`std::env::temp_dir`], removed on drop.
#[derive(Debug)]
pub struct ScratchDir {
    path: PathBuf,
    keep: bool,
}

impl ScratchDir {
    /// Creates `<temp dir>/<prefix>-<unique>` with permission bits `mode`.
    pub fn new(prefix: &str, mode: u32) -> Result<ScratchDir> {
        ScratchDir::new_in(&std::env::temp_dir(), prefix, mode)
    }

    /// Creates `<parent>/<prefix>-<unique>` with permission bits `mode`.
    pub fn new_in(parent: &Path, prefix: &str, mode: u32) -> Result<ScratchDir> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let pid = std::process::id();
        for _ in 0..100 {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or(0);
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = parent.join(format!("{prefix}-{pid}-{n}-{nanos:08x}"));
            match fs::create_dir(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e).with_context(|| format!("creating {}", path.display())),
            }
            let dir = ScratchDir { path, keep: false };
            fs::set_permissions(&dir.path, fs::Permissions::from_mode(mode))
                .with_context(|| format!("setting the mode of {}", dir.path.display()))?;
            let start = process_start_time(pid as i32).unwrap_or(0);
            let owner = dir.path.join(OWNER_FILE);
            fs::write(&owner, format!("{pid} {start}\n"))
                .with_context(|| format!("writing {}", owner.display()))?;
            return Ok(dir);
        }
        anyhow::bail!(
            "could not find a free name for {prefix}-* in {}",
            parent.display()
        )
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps the directory: it is no longer removed on drop (but is swept by
    /// [`sweep_stale`] once this process has exited).
    pub fn into_path(mut self) -> PathBuf {
        self.keep = true;
        std::mem::take(&mut self.path)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        if !self.keep {
            remove_dir(&self.path);
        }
    }
}

/// Removes `dir` recursively unless something is mounted below it (removing
/// would then reach into the mounted file system). Errors are reported on
/// stderr, not returned: this is clean-up.
pub fn remove_dir(dir: &Path) {
    let mounts = mount_points_under(dir);
    if !mounts.is_empty() {
        eprintln!(
            "testkit: not removing {}: mount points below it: {mounts:?}",
            dir.display()
        );
        return;
    }
    if let Err(e) = fs::remove_dir_all(dir) {
        if e.kind() != io::ErrorKind::NotFound {
            eprintln!("testkit: could not remove {}: {e}", dir.display());
        }
    }
}

/// A directory without an owner record older than this is an orphan (the
/// record is written right after the directory is made).
const ORPHAN_AGE: Duration = Duration::from_secs(600);

/// True if `dir` holds an owner record of a process that has exited, or has
/// had no record for [`ORPHAN_AGE`].
pub fn is_stale(dir: &Path) -> bool {
    let Ok(owner) = fs::read_to_string(dir.join(OWNER_FILE)) else {
        // No record: being created right now, or left half-removed long ago.
        return fs::metadata(dir)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > ORPHAN_AGE);
    };
    let mut fields = owner.split_whitespace();
    let pid = fields.next().and_then(|p| p.parse::<i32>().ok());
    let start = fields.next().and_then(|s| s.parse::<u64>().ok());
    match pid {
        Some(pid) => !process_alive(pid, start.filter(|&s| s != 0)),
        None => false,
    }
}

/// Takes a stale directory over for removal: renames it (only one of several
/// concurrent sweepers succeeds) and records this process as its owner, so
/// other sweepers leave it alone until this process is gone too.
fn claim(dir: &Path) -> Option<PathBuf> {
    let pid = std::process::id();
    let mut name = dir.file_name()?.to_os_string();
    name.push(format!(".removing-{pid}"));
    let claimed = dir.with_file_name(name);
    fs::rename(dir, &claimed).ok()?;
    let start = process_start_time(pid as i32).unwrap_or(0);
    let _ = fs::write(claimed.join(OWNER_FILE), format!("{pid} {start}\n"));
    Some(claimed)
}

/// Removes every `<temp dir>/<prefix>-*` scratch directory whose owner
/// process has exited, after calling `before_remove` on it (e.g. to stop
/// processes recorded inside). Only root touches other users' directories.
/// Returns the directories removed (under the names they had when found).
pub fn sweep_stale(prefix: &str, before_remove: impl Fn(&Path)) -> Vec<PathBuf> {
    let parent = std::env::temp_dir();
    let Ok(entries) = fs::read_dir(&parent) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    let wanted = format!("{prefix}-");
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(&wanted) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        let ours = meta.uid() == euid() || euid() == 0;
        if !(meta.is_dir() && ours && is_stale(&path)) {
            continue;
        }
        let Some(claimed) = claim(&path) else {
            continue;
        };
        before_remove(&claimed);
        remove_dir(&claimed);
        if !claimed.exists() {
            removed.push(path);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_dir_lifecycle() {
        let dir = ScratchDir::new("rcon-testkit-unit", 0o750).unwrap();
        let path = dir.path().to_path_buf();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o7777,
            0o750
        );
        assert!(!is_stale(&path), "our own directory is not stale");
        drop(dir);
        assert!(!path.exists());
    }

    #[test]
    fn stale_dirs_are_swept() {
        let dir = ScratchDir::new("rcon-testkit-sweep", 0o700).unwrap();
        let path = dir.into_path();
        // Pretend the owner was a process that has exited.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        fs::write(path.join(OWNER_FILE), format!("{pid} 1\n")).unwrap();
        assert!(is_stale(&path));
        let removed = sweep_stale("rcon-testkit-sweep", |_| {});
        assert!(removed.contains(&path), "{removed:?}");
        assert!(!path.exists());
    }

    #[test]
    fn fresh_dirs_without_a_record_are_left_alone() {
        let dir = ScratchDir::new("rcon-testkit-orphan", 0o700).unwrap();
        fs::remove_file(dir.path().join(OWNER_FILE)).unwrap();
        assert!(!is_stale(dir.path()), "may be being created right now");
        assert!(sweep_stale("rcon-testkit-orphan", |_| {}).is_empty());
        assert!(dir.path().exists());
    }

    #[test]
    fn concurrent_sweeps_remove_each_directory_once() {
        let mut paths = Vec::new();
        for _ in 0..8 {
            let path = ScratchDir::new("rcon-testkit-race", 0o700)
                .unwrap()
                .into_path();
            for i in 0..50 {
                fs::create_dir_all(path.join(format!("d{i}/e"))).unwrap();
                fs::write(path.join(format!("d{i}/e/f")), "x").unwrap();
            }
            fs::write(path.join(OWNER_FILE), "2147483646 1\n").unwrap();
            paths.push(path);
        }
        let sweepers: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| sweep_stale("rcon-testkit-race", |_| {})))
            .collect();
        let mut removed: Vec<PathBuf> = sweepers
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect();
        removed.sort();
        paths.sort();
        assert_eq!(removed, paths);
        assert!(paths.iter().all(|p| !p.exists()));
    }
}
