//! Images deeper than the kernel's overlay stack (500 lower layers): the
//! bottom layers are merged, once, into a cached flat layer, so the image
//! mounts as that flat layer plus its top 499 layers instead of failing.
//!
//! ```text
//! flat/<chain hex>/diff    the merged bottom layers (chain = sha256 of their diff IDs)
//! locks/flat-<chain hex>   flock held while one process builds it
//! ```
//!
//! A flat layer is built like a pulled one: in `tmp/`, synced, renamed in.
//! Merging applies each layer in order as overlayfs would show it: a 0:0
//! character device (whiteout) deletes the name below, a directory marked
//! `user.overlay.opaque` hides what was below it, anything else replaces
//! what was there. Owners, modes, times, xattrs and hardlinks are kept.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::sys::stat::{Mode, SFlag, UtimensatFlags, mknod, utimensat};
use nix::sys::time::TimeSpec;
use sha2::{Digest, Sha256};

use super::store::{Error, ImageRecord, Store};
use crate::util::fs::io_err;

/// The kernel's limit on overlay lower layers (OVL_MAX_STACK).
pub const MAX_LOWER_LAYERS: usize = 500;

const OPAQUE_XATTR: &str = "user.overlay.opaque";

type Result<T> = std::result::Result<T, Error>;

/// The image's layer directories for overlay's lower dirs, topmost first:
/// its layers' short links, or, past the kernel's limit, the top 499 layers
/// and a flat layer of the rest (built now if it is not cached yet).
pub fn lower_dirs(store: &Store, image: &ImageRecord) -> Result<Vec<PathBuf>> {
    let layers = &image.layers;
    if layers.is_empty() {
        // An image without layers (built FROM scratch): overlay needs a
        // lower directory, an empty one.
        let empty = store.root().join("empty-layer");
        fs::create_dir_all(&empty).map_err(io_err("making", &empty))?;
        return Ok(vec![empty]);
    }
    if layers.len() <= MAX_LOWER_LAYERS {
        // A layer twice (two steps that changed the same, or nothing) is
        // one directory: overlay refuses it twice (ELOOP). Its topmost
        // place alone gives the same view: whatever it holds wins there.
        let mut seen = std::collections::HashSet::new();
        return Ok(layers
            .iter()
            .rev()
            .filter(|l| seen.insert(l.as_str()))
            .map(|l| store.layer_link(l))
            .collect());
    }
    let split = layers.len() - (MAX_LOWER_LAYERS - 1);
    let (bottom, top) = layers.split_at(split);
    let flat = flat_layer(store, bottom)?;
    Ok(top
        .iter()
        .rev()
        .map(|l| store.layer_link(l))
        .chain([flat])
        .collect())
}

/// The chain key of `layers` (bottom first).
fn chain_hex(layers: &[String]) -> String {
    let mut hasher = Sha256::new();
    for layer in layers {
        hasher.update(layer.as_bytes());
        hasher.update(b"\n");
    }
    hex::encode(hasher.finalize())
}

/// The flat layer of `layers` (bottom first), built when missing.
fn flat_layer(store: &Store, layers: &[String]) -> Result<PathBuf> {
    let hex = chain_hex(layers);
    let dir = store.root().join("flat").join(&hex);
    let diff = dir.join("diff");
    if diff.is_dir() {
        return Ok(diff);
    }
    let _lock = store.named_lock(&format!("flat-{hex}"))?;
    if diff.is_dir() {
        return Ok(diff);
    }
    log::info!(
        "merging the bottom {} layers into one (the kernel stacks at most {MAX_LOWER_LAYERS})",
        layers.len()
    );
    let temp = store.temp_layer()?;
    for layer in layers {
        let source = store.layer_diff(layer);
        apply(&source, &temp.dir(), &mut HashMap::new())
            .map_err(io_err("merging layer", &source))?;
    }
    let parent = store.root().join("flat");
    fs::create_dir_all(&parent).map_err(io_err("creating", &parent))?;
    store.commit_temp_dir(temp, &dir)?;
    Ok(diff)
}

/// Applies the layer directory `src` onto `dst`, recursively. `links` maps a
/// source inode to where it was first copied, so hardlinks stay hardlinks.
fn apply(src: &Path, dst: &Path, links: &mut HashMap<(u64, u64), PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(src)? {
        let entry = entry?;
        let from = entry.path();
        let to = dst.join(entry.file_name());
        let meta = fs::symlink_metadata(&from)?;
        let kind = meta.file_type();
        if kind.is_char_device() && meta.rdev() == 0 {
            remove_any(&to)?;
            continue;
        }
        if kind.is_dir() {
            let opaque = xattr::get(&from, OPAQUE_XATTR)?.is_some_and(|v| v == b"y");
            match fs::symlink_metadata(&to) {
                Ok(existing) if existing.is_dir() && !opaque => {}
                Ok(_) => {
                    remove_any(&to)?;
                    fs::create_dir(&to)?;
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir(&to)?,
                Err(e) => return Err(e),
            }
            apply(&from, &to, links)?;
            copy_metadata(&from, &to, &meta)?;
            continue;
        }
        remove_any(&to)?;
        let inode = (meta.dev(), meta.ino());
        if meta.nlink() > 1 {
            if let Some(first) = links.get(&inode) {
                fs::hard_link(first, &to)?;
                continue;
            }
        }
        if kind.is_symlink() {
            std::os::unix::fs::symlink(fs::read_link(&from)?, &to)?;
        } else if kind.is_file() {
            fs::copy(&from, &to)?;
        } else if kind.is_fifo() || kind.is_socket() {
            let node = if kind.is_fifo() {
                SFlag::S_IFIFO
            } else {
                SFlag::S_IFSOCK
            };
            mknod(&to, node, Mode::from_bits_truncate(meta.mode()), 0)?;
        } else {
            // Device nodes cannot be made without privileges; extraction skipped them too.
            continue;
        }
        copy_metadata(&from, &to, &meta)?;
        if meta.nlink() > 1 {
            links.insert(inode, to);
        }
    }
    Ok(())
}

/// Removes whatever is at `path` (nothing there is fine).
fn remove_any(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Owner, mode, xattrs (but overlay's own) and times of `from` onto `to`.
fn copy_metadata(from: &Path, to: &Path, meta: &fs::Metadata) -> io::Result<()> {
    std::os::unix::fs::lchown(to, Some(meta.uid()), Some(meta.gid()))?;
    if !meta.file_type().is_symlink() {
        // After chown: it clears setuid/setgid bits.
        fs::set_permissions(to, fs::Permissions::from_mode(meta.mode() & 0o7777))?;
        for name in xattr::list(from)? {
            if name
                .to_str()
                .is_some_and(|n| n.starts_with("user.overlay."))
            {
                continue;
            }
            if let Some(value) = xattr::get(from, &name)? {
                xattr::set(to, &name, &value)?;
            }
        }
    }
    let time = |s: i64, ns: i64| TimeSpec::new(s, ns);
    utimensat(
        nix::fcntl::AT_FDCWD,
        to,
        &time(meta.atime(), meta.atime_nsec()),
        &time(meta.mtime(), meta.mtime_nsec()),
        UtimensatFlags::NoFollowSymlink,
    )
    .map_err(io::Error::from)
}

/// Removes the flat layers no stored image needs any more. Call with the store lock held.
pub fn remove_unused(store: &Store) -> Result<()> {
    let wanted: Vec<String> = store
        .images()?
        .iter()
        .filter(|i| i.layers.len() > MAX_LOWER_LAYERS)
        .map(|i| chain_hex(&i.layers[..i.layers.len() - (MAX_LOWER_LAYERS - 1)]))
        .collect();
    let dir = store.root().join("flat");
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !wanted.contains(&name) {
            store.remove_dir_via_tmp(&entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_merge_as_overlay_shows_them() {
        let base = std::env::temp_dir().join(format!("rcon-flatten-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&base);
        let (lower, upper, out) = (base.join("lower"), base.join("upper"), base.join("out"));
        for dir in [&lower, &upper, &out] {
            fs::create_dir_all(dir).unwrap();
        }
        fs::create_dir_all(lower.join("gone-dir/sub")).unwrap();
        fs::write(lower.join("gone-file"), "x").unwrap();
        fs::create_dir_all(lower.join("opaque/old")).unwrap();
        fs::write(lower.join("kept"), "kept").unwrap();
        fs::write(lower.join("link-a"), "shared").unwrap();
        fs::hard_link(lower.join("link-a"), lower.join("link-b")).unwrap();
        // Whiteouts need mknod of 0:0, which unprivileged users may not do: a
        // whiteout is only tested where it can be made.
        let whiteouts = mknod(&upper.join("gone-file"), SFlag::S_IFCHR, Mode::empty(), 0).is_ok()
            && mknod(&upper.join("gone-dir"), SFlag::S_IFCHR, Mode::empty(), 0).is_ok();
        fs::create_dir(upper.join("opaque")).unwrap();
        let opaque = xattr::set(upper.join("opaque"), OPAQUE_XATTR, b"y").is_ok();
        fs::write(upper.join("opaque/new"), "new").unwrap();
        fs::write(upper.join("kept"), "replaced").unwrap();
        let mut links = HashMap::new();
        apply(&lower, &out, &mut links).unwrap();
        apply(&upper, &out, &mut HashMap::new()).unwrap();
        assert_eq!(fs::read_to_string(out.join("kept")).unwrap(), "replaced");
        assert_eq!(fs::read_to_string(out.join("opaque/new")).unwrap(), "new");
        if opaque {
            assert!(
                !out.join("opaque/old").exists(),
                "an opaque dir hides what was below"
            );
        }
        if whiteouts {
            assert!(!out.join("gone-file").exists() && !out.join("gone-dir").exists());
        }
        let (a, b) = (
            fs::metadata(out.join("link-a")).unwrap(),
            fs::metadata(out.join("link-b")).unwrap(),
        );
        assert_eq!(a.ino(), b.ino(), "hardlinks stay one inode");
        assert!(
            xattr::get(out.join("opaque"), OPAQUE_XATTR)
                .unwrap()
                .is_none(),
            "no overlay xattr in a flat layer"
        );
        fs::remove_dir_all(&base).unwrap();
    }
}
