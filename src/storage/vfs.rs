//! The `vfs` driver: every container gets a full private copy of its image's
//! layers (reflinked with `FICLONE` where the filesystem can, copied otherwise),
//! with the overlay whiteouts applied, bind-mounted as its root. Entries are
//! copied as the FUSE overlay copies them up (`rcon_fuse_overlay::copy`).

use std::collections::HashMap;
use std::fs::{self, Metadata};
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use rcon_fuse_overlay::copy::{copy_dir, copy_entry, copy_owner_mode_xattrs, set_times};
use rcon_fuse_overlay::format::{is_opaque, is_whiteout};

#[derive(Debug, thiserror::Error)]
#[error("copying layer {} into {}: {source}", layer.display(), target.display())]
pub struct Error {
    layer: PathBuf,
    target: PathBuf,
    source: io::Error,
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
