//! The `vfs` driver: every container gets a full private copy of its image's
//! layers (reflinked with `FICLONE` where the filesystem can, copied otherwise),
//! with the overlay whiteouts applied, bind-mounted as its root. Also the
//! copying primitives the FUSE overlay's copy-up shares: one entry with its
//! owner, mode, extended attributes and times.

use std::collections::HashMap;
use std::fs::{self, File, Metadata};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::sys::stat::{Mode, SFlag, UtimensatFlags, mknod, utimensat};
use nix::sys::time::TimeSpec;

/// The extended attribute that marks an opaque directory (kernel overlay with `userxattr`).
pub const OPAQUE_XATTR: &str = "user.overlay.opaque";
/// The prefix of overlay's own attributes: never copied, never shown.
pub const OVERLAY_XATTR_PREFIX: &str = "user.overlay.";

/// `FICLONE` from linux/fs.h (`_IOW(0x94, 9, int)`); the libc crate lacks it.
const FICLONE: libc::c_ulong = 0x4004_9409;

#[derive(Debug, thiserror::Error)]
#[error("copying layer {} into {}: {source}", layer.display(), target.display())]
pub struct Error {
    layer: PathBuf,
    target: PathBuf,
    source: io::Error,
}

/// A kernel-overlay whiteout: a character device 0:0.
pub fn is_whiteout(meta: &Metadata) -> bool {
    meta.file_type().is_char_device() && meta.rdev() == 0
}

/// Whether the directory at `path` is marked opaque (hides the layers below).
pub fn is_opaque(path: &Path) -> bool {
    matches!(xattr::get(path, OPAQUE_XATTR), Ok(Some(value)) if value == b"y")
}

/// Copies the non-directory `src` (described by `meta`) to `dst`, which must
/// not exist: data (reflinked when possible), owner, mode, xattrs and times.
pub fn copy_entry(src: &Path, dst: &Path, meta: &Metadata) -> io::Result<()> {
    let kind = meta.file_type();
    if kind.is_file() {
        copy_file_data(src, dst)?;
    } else if kind.is_symlink() {
        std::os::unix::fs::symlink(fs::read_link(src)?, dst)?;
    } else {
        let sflag = if kind.is_fifo() {
            SFlag::S_IFIFO
        } else if kind.is_socket() {
            SFlag::S_IFSOCK
        } else if kind.is_char_device() {
            SFlag::S_IFCHR
        } else {
            SFlag::S_IFBLK
        };
        mknod(dst, sflag, Mode::from_bits_truncate(0o600), meta.rdev())?;
    }
    copy_metadata(src, dst, meta)
}

/// Makes the directory `dst` with `src`'s owner, mode and xattrs (times are
/// set by [`set_times`] once its content is in place).
pub fn copy_dir(src: &Path, dst: &Path, meta: &Metadata) -> io::Result<()> {
    fs::create_dir(dst)?;
    copy_owner_mode_xattrs(src, dst, meta)
}

/// Owner, mode, xattrs, then times (last: the others change ctime only).
fn copy_metadata(src: &Path, dst: &Path, meta: &Metadata) -> io::Result<()> {
    copy_owner_mode_xattrs(src, dst, meta)?;
    set_times(dst, meta)
}

fn copy_owner_mode_xattrs(src: &Path, dst: &Path, meta: &Metadata) -> io::Result<()> {
    std::os::unix::fs::lchown(dst, Some(meta.uid()), Some(meta.gid()))?;
    if !meta.file_type().is_symlink() {
        // After chown, which clears set-user-ID bits.
        fs::set_permissions(dst, fs::Permissions::from_mode(meta.mode() & 0o7777))?;
    }
    copy_xattrs(src, dst)
}

/// Copies every extended attribute but overlay's own.
pub fn copy_xattrs(src: &Path, dst: &Path) -> io::Result<()> {
    let names = match xattr::list(src) {
        Ok(names) => names,
        Err(e) if e.raw_os_error() == Some(libc::ENOTSUP) => return Ok(()),
        Err(e) => return Err(e),
    };
    for name in names {
        if name.to_string_lossy().starts_with(OVERLAY_XATTR_PREFIX) {
            continue;
        }
        if let Some(value) = xattr::get(src, &name)? {
            xattr::set(dst, &name, &value)?;
        }
    }
    Ok(())
}

/// Sets `dst`'s access and modification times to `meta`'s, not following a symlink.
pub fn set_times(dst: &Path, meta: &Metadata) -> io::Result<()> {
    let atime = TimeSpec::new(meta.atime(), meta.atime_nsec());
    let mtime = TimeSpec::new(meta.mtime(), meta.mtime_nsec());
    utimensat(
        nix::fcntl::AT_FDCWD,
        dst,
        &atime,
        &mtime,
        UtimensatFlags::NoFollowSymlink,
    )
    .map_err(io::Error::from)
}

/// The file's data: a reflink where the filesystem shares extents, else a
/// kernel-side copy (`copy_file_range`, through `io::copy`).
fn copy_file_data(src: &Path, dst: &Path) -> io::Result<()> {
    let mut from = File::open(src)?;
    let mut to = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(dst)?;
    // SAFETY: FICLONE takes the source descriptor as its argument; both fds are open.
    let cloned = unsafe { libc::ioctl(to.as_raw_fd(), FICLONE, from.as_raw_fd()) } == 0;
    if !cloned {
        io::copy(&mut from, &mut to)?;
    }
    Ok(())
}

/// Builds `target` (which must not exist) from `layers`, bottom layer first,
/// applying whiteouts and opaque directories as overlay would show them.
pub fn populate(layers: &[PathBuf], target: &Path) -> Result<(), Error> {
    let fail = |layer: &Path| {
        let layer = layer.to_path_buf();
        let target = target.to_path_buf();
        move |source| Error {
            layer,
            target,
            source,
        }
    };
    let root = layers
        .first()
        .map(PathBuf::as_path)
        .unwrap_or(Path::new("/"));
    let root_meta = fs::metadata(root).map_err(fail(root))?;
    copy_dir(root, target, &root_meta).map_err(fail(root))?;
    for layer in layers {
        let mut links = HashMap::new();
        apply_layer(layer, target, &mut links).map_err(fail(layer))?;
        let meta = fs::metadata(layer).map_err(fail(layer))?;
        set_times(target, &meta).map_err(fail(layer))?;
    }
    Ok(())
}

/// One directory of a layer onto the copy. `links` maps the layer's inodes
/// with several names to their first copy, so hard links stay links.
fn apply_layer(src: &Path, dst: &Path, links: &mut HashMap<(u64, u64), PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(src)? {
        let entry = entry?;
        let from = entry.path();
        let to = dst.join(entry.file_name());
        let meta = fs::symlink_metadata(&from)?;
        let existing = fs::symlink_metadata(&to).ok();
        if is_whiteout(&meta) {
            remove_any(&to, existing.as_ref())?;
            continue;
        }
        if meta.is_dir() {
            match &existing {
                Some(old) if old.is_dir() && !is_opaque(&from) => {
                    copy_owner_mode_xattrs(&from, &to, &meta)?;
                }
                _ => {
                    remove_any(&to, existing.as_ref())?;
                    copy_dir(&from, &to, &meta)?;
                }
            }
            apply_layer(&from, &to, links)?;
            set_times(&to, &meta)?;
            continue;
        }
        remove_any(&to, existing.as_ref())?;
        let key = (meta.dev(), meta.ino());
        match links.get(&key) {
            Some(first) if meta.nlink() > 1 => fs::hard_link(first, &to)?,
            _ => {
                copy_entry(&from, &to, &meta)?;
                if meta.nlink() > 1 {
                    links.insert(key, to);
                }
            }
        }
    }
    Ok(())
}

fn remove_any(path: &Path, meta: Option<&Metadata>) -> io::Result<()> {
    match meta {
        None => Ok(()),
        Some(m) if m.is_dir() => fs::remove_dir_all(path),
        Some(_) => fs::remove_file(path),
    }
}
