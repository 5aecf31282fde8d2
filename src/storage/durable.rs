//! Making a finished work directory (an extracted layer, a flattened base)
//! durable before it is renamed into the store, so that a visible layer is
//! a complete one after a crash or a power loss.
//!
//! Two ways, chosen per directory by what each would cost:
//!
//! * **`syncfs(2)`**: one call, but it writes back every dirty page of the
//!   whole filesystem — the user's unrelated work too. Cheap when little
//!   else is dirty; seconds when another process has just written a
//!   gigabyte.
//! * **An fsync of every file and directory of the tree** (symlinks, fifos
//!   and whiteouts are made durable by their directory's fsync, which on a
//!   journaling filesystem commits the transaction that created them), in a
//!   few threads so that a journaling filesystem batches them into few
//!   commits. It writes only what the pull wrote, but every fsync also
//!   flushes the disk's cache: on this project's test host (ext4 without a
//!   journal, a virtual disk) ~0.6 ms each, so 5000 small files cost more
//!   than a `syncfs`, even one that also writes 1 GiB of another process's.
//!
//! [`sync_dir_tree`] takes the fsyncs when the dirty data that is not the
//! tree's own, which a `syncfs` would also write, costs more than fsyncing
//! each of the tree's inodes would (see [`FSYNC_WORTH_BYTES`]). The numbers
//! behind it are in docs/PERFORMANCE.md's notes.

use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::dir::{Dir, Type};
use nix::fcntl::{OFlag, openat};
use nix::sys::stat::{Mode, SFlag, fstatat};

/// What one fsync costs, as bytes of writeback a `syncfs` could do in the
/// same time. Measured on the test host: 5000 small files took 3.0 s to
/// fsync in four threads (~0.6 ms each), and a `syncfs` with 1 GiB of
/// another process's dirty data 0.9–1.2 s (~1 GB/s).
pub const FSYNC_WORTH_BYTES: u64 = 512 << 10;

/// Threads that fsync a tree's files: enough for a journal to batch
/// several fsyncs into one commit, few enough not to crowd the disk.
const SYNC_THREADS: usize = 4;

/// How a tree was made durable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// One `syncfs` of the whole filesystem.
    Filesystem,
    /// An fsync of each of this many files and directories.
    Files(u64),
}

/// How a tree was made durable, and how long that took.
#[derive(Debug, Clone, Copy)]
pub struct Synced {
    pub method: Method,
    pub took: Duration,
}

impl std::fmt::Display for Synced {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = self.took.as_secs_f64() * 1000.0;
        match self.method {
            Method::Filesystem => write!(f, "syncfs {ms:.1} ms"),
            Method::Files(n) => write!(f, "fsync of {n} files and directories {ms:.1} ms"),
        }
    }
}

/// What the tree holds, as far as its maker knows: entries (inodes to
/// fsync) and bytes written (dirty data of its own).
#[derive(Debug, Clone, Copy, Default)]
pub struct TreeSize {
    pub inodes: u64,
    pub bytes: u64,
}

/// Makes everything under `dir` durable, by `syncfs` or by an fsync of each
/// file and directory, whichever should be cheaper now (see the module
/// documentation).
pub fn sync_dir_tree(dir: &Path, size: TreeSize) -> io::Result<Synced> {
    let started = Instant::now();
    let unrelated_dirty = system_dirty_bytes().saturating_sub(size.bytes);
    let method = if unrelated_dirty > size.inodes.saturating_mul(FSYNC_WORTH_BYTES) {
        Method::Files(fsync_tree(dir)?)
    } else {
        syncfs(dir)?;
        Method::Filesystem
    };
    Ok(Synced {
        method,
        took: started.elapsed(),
    })
}

/// `syncfs(2)` on the filesystem holding `path`.
pub fn syncfs(path: &Path) -> io::Result<()> {
    let dir = File::open(path)?;
    // SAFETY: syncfs takes a valid open descriptor and no pointers.
    if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Dirty and under-writeback page cache of the whole system, in bytes
/// (`/proc/meminfo`): what a `syncfs` may have to write, at most. 0 when
/// unreadable (then `syncfs` is chosen, as before this module).
fn system_dirty_bytes() -> u64 {
    let Ok(meminfo) = std::fs::read_to_string("/proc/meminfo") else {
        return 0;
    };
    meminfo
        .lines()
        .filter_map(|line| {
            let (key, rest) = line.split_once(':')?;
            matches!(key, "Dirty" | "Writeback")
                .then(|| rest.trim().trim_end_matches(" kB").parse::<u64>().ok())
                .flatten()
        })
        .sum::<u64>()
        * 1024
}

/// fsyncs every regular file and directory below and including `dir`, in
/// [`SYNC_THREADS`] threads; returns how many. Never follows a symlink.
pub fn fsync_tree(dir: &Path) -> io::Result<u64> {
    let root = File::open(dir)?;
    let (to_sync, queue) = mpsc::sync_channel::<File>(256);
    let queue = Arc::new(Mutex::new(queue));
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..SYNC_THREADS)
            .map(|_| {
                let queue = Arc::clone(&queue);
                scope.spawn(move || -> io::Result<()> {
                    loop {
                        let next = queue.lock().expect("no worker panics").recv();
                        let Ok(file) = next else {
                            return Ok(());
                        };
                        file.sync_all()?;
                    }
                })
            })
            .collect();
        let walked = walk(root, &to_sync);
        drop(to_sync);
        let mut result = walked;
        for worker in workers {
            let synced = worker.join().expect("no worker panics");
            if let (Ok(_), Err(e)) = (&result, synced) {
                result = Err(e);
            }
        }
        result
    })
}

/// Sends every regular file and directory below `root` (and `root`) to
/// `to_sync`, opened without following symlinks; returns how many.
fn walk(root: File, to_sync: &mpsc::SyncSender<File>) -> io::Result<u64> {
    let mut count = 0;
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        let mut listing = Dir::openat(
            &dir,
            ".",
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
            Mode::empty(),
        )?;
        for entry in listing.iter() {
            let entry = entry?;
            let name = entry.file_name();
            if matches!(name.to_bytes(), b"." | b"..") {
                continue;
            }
            let kind = match entry.file_type() {
                Some(kind) => kind,
                None => {
                    let st = fstatat(&dir, name, nix::fcntl::AtFlags::AT_SYMLINK_NOFOLLOW)?;
                    match SFlag::from_bits_truncate(st.st_mode & libc::S_IFMT) {
                        SFlag::S_IFDIR => Type::Directory,
                        SFlag::S_IFREG => Type::File,
                        _ => continue,
                    }
                }
            };
            let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
            match kind {
                Type::Directory => {
                    dirs.push(File::from(openat(
                        &dir,
                        name,
                        flags | OFlag::O_DIRECTORY,
                        Mode::empty(),
                    )?));
                }
                Type::File => {
                    let file = File::from(openat(&dir, name, flags, Mode::empty())?);
                    count += 1;
                    if to_sync.send(file).is_err() {
                        return Ok(count); // a worker failed: its error is reported
                    }
                }
                _ => {}
            }
        }
        count += 1;
        if to_sync.send(dir).is_err() {
            return Ok(count);
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::scratch::ScratchDir;

    #[test]
    fn every_file_and_directory_is_synced_and_symlinks_are_not_followed() {
        let scratch = ScratchDir::new("durable");
        let tree = scratch.path().join("tree");
        scratch.write("tree/a/one", "1");
        scratch.write("tree/a/b/two", "2");
        scratch.write("tree/three", "3");
        let outside = scratch.write("outside/secret", "s");
        std::os::unix::fs::symlink(outside.parent().unwrap(), tree.join("link")).unwrap();
        std::os::unix::fs::symlink("/nowhere", tree.join("a/dangling")).unwrap();
        // tree, a, a/b; one, two, three — not what the link leads to.
        assert_eq!(fsync_tree(&tree).unwrap(), 6);
    }

    #[test]
    fn a_tree_with_little_of_its_own_is_synced_by_the_cheaper_way() {
        let scratch = ScratchDir::new("durable-choice");
        scratch.write("tree/file", "x");
        let tree = scratch.path().join("tree");
        // No inodes to count: fsyncs cost nothing, so they win unless
        // nothing at all is dirty (then syncfs, which writes nothing).
        let synced = sync_dir_tree(&tree, TreeSize::default()).unwrap();
        match synced.method {
            Method::Files(n) => assert_eq!(n, 2),
            Method::Filesystem => assert_eq!(system_dirty_bytes(), 0),
        }
        // So many inodes that no amount of dirty data makes fsyncs cheaper.
        let huge = TreeSize {
            inodes: u64::MAX,
            bytes: 0,
        };
        assert_eq!(
            sync_dir_tree(&tree, huge).unwrap().method,
            Method::Filesystem
        );
    }
}
