//! Copying one entry with its owner, mode, extended attributes (overlay's
//! own left out) and times: the overlay's copy-up, and rcon's vfs driver.

use std::fs::{self, File, Metadata};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use nix::sys::stat::{Mode, SFlag, UtimensatFlags, mknod, utimensat};
use nix::sys::time::TimeSpec;

use crate::format::OVERLAY_XATTR_PREFIX;

/// `FICLONE` from linux/fs.h (`_IOW(0x94, 9, int)`); the libc crate lacks it.
const FICLONE: libc::c_ulong = 0x4004_9409;

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

/// Gives `dst` the owner, mode and extended attributes of `src`.
pub fn copy_owner_mode_xattrs(src: &Path, dst: &Path, meta: &Metadata) -> io::Result<()> {
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
