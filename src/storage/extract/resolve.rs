//! Opening directories inside the layer root as if it were `/`.
//!
//! Every directory an entry lands in is opened here, relative to a descriptor
//! of the layer root. Symlinks met on the way (planted by earlier entries)
//! are followed the way a chrooted process would follow them: absolute
//! targets start again at the layer root and `..` stops there. So whatever
//! the layer contains, the descriptor returned names a directory inside it.
//!
//! The kernel does this for us with `openat2(RESOLVE_IN_ROOT)` (Linux 5.6+).
//! Where that call is missing (an older kernel, or a seccomp filter that hides
//! it), the same walk is done in user space, one component at a time with
//! `O_NOFOLLOW`, reading each symlink with `readlinkat` and splicing its target
//! in. Both give the same answer for a layer directory, which holds no mount
//! points and no magic links.

use std::ffi::OsString;
use std::fs::File;
use std::io;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;

use nix::errno::Errno;
use nix::fcntl::{OFlag, OpenHow, ResolveFlag, open, openat, openat2, readlinkat};
use nix::sys::stat::Mode;

/// How many symlinks one resolution may follow, as the kernel allows.
const MAX_SYMLINKS: usize = 40;
/// `openat2` with `RESOLVE_IN_ROOT` fails with EAGAIN when a rename or mount
/// happened anywhere on the system during a walk over `..`; it is retried.
const EAGAIN_RETRIES: usize = 64;

const DIR_FLAGS: OFlag = OFlag::O_RDONLY
    .union(OFlag::O_DIRECTORY)
    .union(OFlag::O_CLOEXEC);

/// A directory taken as `/` (a layer root, a container's root filesystem),
/// and how to resolve paths inside it.
pub struct Root {
    dir: File,
    openat2: bool,
    /// Whether resolution may cross into other mounts below the root.
    cross_mounts: bool,
}

impl Root {
    /// Opens `dest` and finds out whether `openat2(2)` can be used.
    pub(super) fn open(dest: &Path) -> io::Result<Root> {
        Root::with_dir(File::from(open(dest, DIR_FLAGS, Mode::empty())?), false)
    }

    /// The open directory `dir` as the root; `cross_mounts`: mount points
    /// below it may be crossed (a container's volumes), else they fail with
    /// EXDEV.
    pub fn with_dir(dir: File, cross_mounts: bool) -> io::Result<Root> {
        let openat2 = match openat2(&dir, ".", in_root(DIR_FLAGS, cross_mounts)) {
            Ok(_) => true,
            Err(errno @ (Errno::ENOSYS | Errno::EPERM | Errno::EINVAL | Errno::E2BIG)) => {
                log::debug!("openat2 unavailable ({errno}); resolving layer paths in user space");
                false
            }
            Err(errno) => return Err(errno.into()),
        };
        Ok(Root {
            dir,
            openat2,
            cross_mounts,
        })
    }

    /// Like [`Root::open`], but always resolving in user space (for tests).
    #[cfg(test)]
    pub(super) fn open_without_openat2(dest: &Path) -> io::Result<Root> {
        let dir = File::from(open(dest, DIR_FLAGS, Mode::empty())?);
        Ok(Root {
            dir,
            openat2: false,
            cross_mounts: false,
        })
    }

    /// The directory at `path` (taken from the root whatever it starts
    /// with; `..` stops at the root, as it would there).
    pub fn open_path(&self, path: &Path) -> nix::Result<File> {
        self.open_dir(&clean(path))
    }

    /// The layer root itself.
    pub fn as_file(&self) -> &File {
        &self.dir
    }

    /// Opens the directory `rel` (a normalised path: components joined by
    /// `/`, no `.`, `..` or empty ones; "" is the root itself) for reading,
    /// following symlinks as if the layer root were `/`. The final component
    /// is followed too: a parent directory may be reached through a symlink.
    pub fn open_dir(&self, rel: &[u8]) -> nix::Result<File> {
        if rel.is_empty() {
            return self
                .dir
                .try_clone()
                .map_err(|e| Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO)));
        }
        if self.openat2 {
            for _ in 0..EAGAIN_RETRIES {
                match openat2(&self.dir, rel, in_root(DIR_FLAGS, self.cross_mounts)) {
                    Err(Errno::EAGAIN) => continue,
                    other => return other.map(File::from),
                }
            }
        }
        self.walk(rel)
    }

    /// `RESOLVE_IN_ROOT` done by hand: one component at a time, never letting
    /// the kernel follow a symlink, so `..` and absolute targets are clamped
    /// to the root here rather than by the kernel.
    fn walk(&self, rel: &[u8]) -> nix::Result<File> {
        // Directories entered so far below the root; empty means at the root.
        let mut stack: Vec<File> = Vec::new();
        // Components still to walk, the next one last.
        let mut todo: Vec<Vec<u8>> = components_reversed(rel);
        let mut links = 0;
        while let Some(component) = todo.pop() {
            match component.as_slice() {
                b"" | b"." => continue,
                b".." => {
                    stack.pop(); // at the root, `..` is the root
                    continue;
                }
                _ => {}
            }
            let at = stack.last().unwrap_or(&self.dir);
            match openat(
                at,
                component.as_slice(),
                DIR_FLAGS | OFlag::O_NOFOLLOW,
                Mode::empty(),
            ) {
                Ok(fd) => stack.push(File::from(fd)),
                // O_NOFOLLOW met a symlink (ELOOP), or O_DIRECTORY a non-directory.
                Err(Errno::ELOOP | Errno::ENOTDIR) => {
                    let target = match readlinkat(at, component.as_slice()) {
                        Ok(target) => OsString::into_vec(target),
                        Err(Errno::EINVAL) => return Err(Errno::ENOTDIR), // not a symlink
                        Err(errno) => return Err(errno),
                    };
                    links += 1;
                    if links > MAX_SYMLINKS {
                        return Err(Errno::ELOOP);
                    }
                    if target.starts_with(b"/") {
                        stack.clear();
                    }
                    todo.extend(components_reversed(&target));
                }
                Err(errno) => return Err(errno),
            }
        }
        match stack.pop() {
            Some(dir) => Ok(dir),
            None => self.open_dir(b""),
        }
    }
}

fn in_root(flags: OFlag, cross_mounts: bool) -> OpenHow {
    let mut resolve = ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS;
    if !cross_mounts {
        resolve |= ResolveFlag::RESOLVE_NO_XDEV;
    }
    OpenHow::new().flags(flags).resolve(resolve)
}

/// `path` as a normalised path from the root: `.` and empty components
/// dropped, `..` taking the previous one away (never above the root).
pub fn clean(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    let mut kept: Vec<&[u8]> = Vec::new();
    for component in path.as_os_str().as_bytes().split(|&b| b == b'/') {
        match component {
            b"" | b"." => {}
            b".." => {
                kept.pop();
            }
            other => kept.push(other),
        }
    }
    kept.join(&b'/')
}

fn components_reversed(path: &[u8]) -> Vec<Vec<u8>> {
    path.rsplit(|&b| b == b'/').map(<[u8]>::to_vec).collect()
}

/// The device and inode of an open file, to tell whether two opens met the same directory.
#[cfg(test)]
pub(super) fn identity(file: impl std::os::fd::AsFd) -> (u64, u64) {
    let st = nix::sys::stat::fstat(file).expect("fstat");
    (st.st_dev, st.st_ino)
}
