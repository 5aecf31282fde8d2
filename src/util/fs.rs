//! Filesystem helpers (cargo-util's `paths` is the model) and the I/O error
//! that says what was being done to which path.
//!
//! **The durability rule.** A file is replaced by [`write_atomic`]: a new
//! file beside it is written, fsynced, and renamed over it. A reader, and the
//! file after a crash or a power loss, sees the old content or the new, whole,
//! never a mix or an empty file. The directory is not synced: after a power
//! loss the rename itself may be undone and the old content come back, which
//! every record rcon keeps tolerates (a state is reconciled, a cache made
//! again). Where a write the user was told succeeded must survive a power
//! loss (saved credentials), the caller also syncs the directory
//! ([`sync_dir`]). Directories published by one rename (layers, images,
//! containers, volumes) follow the same rule: their content is synced before
//! the rename.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// An I/O error with what was being done (`"reading"`, `"creating"`, …) to
/// which path; displayed as `WHAT PATH: CAUSE`.
#[derive(Debug, thiserror::Error)]
#[error("{what} {}: {source}", path.display())]
pub struct IoError {
    pub what: &'static str,
    pub path: PathBuf,
    pub source: io::Error,
}

impl IoError {
    pub fn new(what: &'static str, path: impl Into<PathBuf>, source: io::Error) -> IoError {
        IoError {
            what,
            path: path.into(),
            source,
        }
    }
}

/// For `map_err`: the [`IoError`] of doing `what` to `path`.
pub fn io_err<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> IoError + 'a {
    move |source| IoError::new(what, path, source)
}

/// Replaces `path` with `bytes` atomically (see the durability rule above).
/// The file is made with mode 0666 less the umask, as `File::create` does.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    write_atomic_with(path, 0o666, |file| file.write_all(bytes)).map_err(io_err("writing", path))
}

/// Replaces `path` atomically with what `write` puts into a new file of
/// `mode` (less the umask): for content streamed rather than held in memory.
/// On any error the new file is removed and `path` is left as it was.
pub fn write_atomic_with<E: From<io::Error>>(
    path: &Path,
    mode: u32,
    write: impl FnOnce(&mut File) -> Result<(), E>,
) -> Result<(), E> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    // A leftover of a killed process that had our PID; create_new below
    // then refuses whatever else (a symlink, say) took the name meanwhile.
    let _ = fs::remove_file(&temp);
    let result = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(&temp)
        .map_err(E::from)
        .and_then(|mut file| {
            write(&mut file)?;
            file.sync_all()?;
            Ok(fs::rename(&temp, path)?)
        });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// An exclusive flock on `path` (created if missing), waited for;
/// released when the returned file is dropped.
pub fn lock_exclusive(path: &Path) -> Result<nix::fcntl::Flock<File>, IoError> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io_err("opening", path))?;
    nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusive)
        .map_err(|(_, e)| IoError::new("locking", path, e.into()))
}

/// fsyncs directory `dir`, so that the renames and new names in it survive a
/// power loss.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// The directory `path` is in: its parent, or `.` for a bare name.
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::scratch::ScratchDir;
    use std::os::unix::fs::PermissionsExt;

    fn entries_in(dir: &Path) -> usize {
        fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn write_atomic_replaces_the_file_and_leaves_nothing_beside_it() {
        let scratch = ScratchDir::new("write-atomic");
        let path = scratch.0.join("record.json");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(entries_in(&scratch.0), 1, "no temporary file left");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_removes_the_new_one() {
        let scratch = ScratchDir::new("write-atomic-fails");
        let path = scratch.0.join("archive.tar");
        write_atomic(&path, b"old").unwrap();
        let failed = write_atomic_with(&path, 0o644, |file| {
            file.write_all(b"half")?;
            Err(io::Error::other("the source broke"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "the source broke");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(entries_in(&scratch.0), 1, "no temporary file left");
    }

    #[test]
    fn write_atomic_with_gives_the_new_file_its_mode() {
        let scratch = ScratchDir::new("write-atomic-mode");
        let path = scratch.0.join("auth.json");
        write_atomic_with(&path, 0o600, |file| file.write_all(b"{}")).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn errors_name_what_was_done_to_which_path() {
        let scratch = ScratchDir::new("write-atomic-error");
        let path = scratch.0.join("missing-dir/file");
        let error = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(error.what, "writing");
        assert!(
            error
                .to_string()
                .starts_with(&format!("writing {}: ", path.display())),
            "{error}"
        );
    }

    #[test]
    fn parent_dir_of_a_bare_name_is_the_current_directory() {
        assert_eq!(parent_dir(Path::new("auth.json")), Path::new("."));
        assert_eq!(parent_dir(Path::new("/a/b")), Path::new("/a"));
    }
}
