//! Kernel overlayfs's on-disk format with `userxattr`, which this overlay
//! reads and writes and rcon's other drivers share: a whiteout is a 0:0
//! character device, an opaque directory carries `user.overlay.opaque=y`.

use std::fs::Metadata;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;

/// The extended attribute that marks an opaque directory.
pub const OPAQUE_XATTR: &str = "user.overlay.opaque";
/// The prefix of overlay's own attributes: never copied, never shown.
pub const OVERLAY_XATTR_PREFIX: &str = "user.overlay.";

/// A whiteout: a character device 0:0.
pub fn is_whiteout(meta: &Metadata) -> bool {
    meta.file_type().is_char_device() && meta.rdev() == 0
}

/// Whether the directory at `path` is marked opaque (hides the layers below).
pub fn is_opaque(path: &Path) -> bool {
    matches!(xattr::get(path, OPAQUE_XATTR), Ok(Some(value)) if value == b"y")
}
