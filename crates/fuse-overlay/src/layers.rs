//! The overlay's view of its directories: which layer holds a name, what a
//! merged directory lists, and copy-up into the upper dir. Layer 0 is the
//! upper dir; 1.. are the read-only lowers, topmost first. The on-disk format
//! is kernel overlay's (`userxattr`): 0:0 character-device whiteouts and
//! `user.overlay.opaque=y` directories.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::fs::{self, Metadata};
use std::io;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::{DirEntryExt, MetadataExt};
use std::path::{Path, PathBuf};

use crate::copy;
use crate::format::{OPAQUE_XATTR, OVERLAY_XATTR_PREFIX, is_opaque, is_whiteout};

pub const UPPER: usize = 0;

/// How kernel overlay (Linux 6.7+) stores a `user.overlay.*` attribute set
/// through the merged view: escaped, as `user.overlay.overlay.*`. The other
/// `user.overlay.*` names are the overlay's own and never shown.
const ESCAPED_XATTR_PREFIX: &str = "user.overlay.overlay.";

/// Where a name was found.
#[derive(Debug, Clone)]
pub struct Found {
    /// The topmost layer holding it.
    pub layer: usize,
    /// For a directory: every layer whose directory of that name is merged
    /// into the view, topmost first (down to the first opaque one).
    pub dir_layers: Vec<usize>,
    pub meta: Metadata,
}

/// One entry of a merged directory listing.
#[derive(Debug, Clone)]
pub struct Listed {
    pub name: OsString,
    pub layer: usize,
    /// The inode number in that layer (`d_ino`).
    pub ino: u64,
    pub file_type: fs::FileType,
}

pub struct Layers {
    /// Upper first, then the lowers, topmost first.
    roots: Vec<PathBuf>,
    /// Each root's device, for inode identities without a stat.
    devs: Vec<u64>,
    /// Scratch space on the upper dir's filesystem, for atomic copy-up.
    work: PathBuf,
    /// The number of the next scratch name in `work`.
    scratch: u64,
    /// Per lower layer, its files with several names, by inode (built when first needed).
    hardlinks: HashMap<usize, HashMap<u64, Vec<PathBuf>>>,
}

fn enoent(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::ENOENT | libc::ENOTDIR))
}

impl Layers {
    pub fn new(upper: PathBuf, lowers: Vec<PathBuf>, work: PathBuf) -> io::Result<Layers> {
        let mut roots = vec![upper];
        roots.extend(lowers);
        let devs = roots
            .iter()
            .map(|r| fs::metadata(r).map(|m| m.dev()))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(Layers {
            roots,
            devs,
            work,
            scratch: 0,
            hardlinks: HashMap::new(),
        })
    }

    pub fn dev(&self, layer: usize) -> u64 {
        self.devs[layer]
    }

    /// The host path of `rel` in `layer`.
    pub fn path(&self, layer: usize, rel: &Path) -> PathBuf {
        if rel.as_os_str().is_empty() {
            self.roots[layer].clone()
        } else {
            self.roots[layer].join(rel)
        }
    }

    /// The root directory: the upper dir merged with every lower.
    pub fn root(&self) -> io::Result<Found> {
        let mut dir_layers = Vec::new();
        for layer in 0..self.roots.len() {
            dir_layers.push(layer);
            if layer != UPPER && is_opaque(&self.roots[layer]) {
                break;
            }
        }
        Ok(Found {
            layer: UPPER,
            dir_layers,
            meta: fs::metadata(&self.roots[UPPER])?,
        })
    }

    /// Finds `rel` (a child of a directory merged from `parent_layers`).
    pub fn locate(&self, rel: &Path, parent_layers: &[usize]) -> io::Result<Option<Found>> {
        let mut found: Option<Found> = None;
        for &layer in parent_layers {
            let path = self.path(layer, rel);
            let meta = match fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) if enoent(&e) => continue,
                Err(e) => return Err(e),
            };
            if is_whiteout(&meta) {
                break;
            }
            match &mut found {
                None if meta.is_dir() => {
                    found = Some(Found {
                        layer,
                        dir_layers: vec![layer],
                        meta,
                    });
                }
                None => {
                    return Ok(Some(Found {
                        layer,
                        dir_layers: Vec::new(),
                        meta,
                    }));
                }
                Some(dir) if meta.is_dir() => dir.dir_layers.push(layer),
                // A file below a directory is hidden by it.
                Some(_) => break,
            }
            if is_opaque(&path) {
                break;
            }
        }
        Ok(found)
    }

    /// Resolves a path from the root, one component at a time.
    pub fn resolve(&self, rel: &Path) -> io::Result<Option<Found>> {
        let mut current = self.root()?;
        let mut walked = PathBuf::new();
        for component in rel.components() {
            walked.push(component);
            if !current.meta.is_dir() {
                return Ok(None);
            }
            match self.locate(&walked, &current.dir_layers)? {
                Some(next) => current = next,
                None => return Ok(None),
            }
        }
        Ok(Some(current))
    }

    /// Whether some lower layer of a directory merged from `dir_layers` shows `rel`
    /// (so removing it from the upper dir needs a whiteout).
    pub fn below(&self, rel: &Path, dir_layers: &[usize]) -> io::Result<bool> {
        let lowers: Vec<usize> = dir_layers.iter().copied().filter(|&l| l != UPPER).collect();
        Ok(self.locate(rel, &lowers)?.is_some())
    }

    /// The merged listing of a directory: each name from its topmost layer,
    /// whiteouts applied (and never listed).
    pub fn list(&self, rel: &Path, dir_layers: &[usize]) -> io::Result<Vec<Listed>> {
        let mut seen = HashSet::new();
        let mut entries = Vec::new();
        for &layer in dir_layers {
            let dir = self.path(layer, rel);
            let reader = match fs::read_dir(&dir) {
                Ok(reader) => reader,
                Err(e) if enoent(&e) => continue,
                Err(e) => return Err(e),
            };
            for entry in reader {
                let entry = entry?;
                let name = entry.file_name();
                if !seen.insert(name.clone()) {
                    continue;
                }
                let file_type = entry.file_type()?;
                if std::os::unix::fs::FileTypeExt::is_char_device(&file_type)
                    && fs::symlink_metadata(entry.path()).is_ok_and(|m| is_whiteout(&m))
                {
                    continue;
                }
                entries.push(Listed {
                    name,
                    layer,
                    ino: entry.ino(),
                    file_type,
                });
            }
        }
        Ok(entries)
    }

    /// A fresh name in the work dir.
    fn scratch_path(&mut self) -> PathBuf {
        let n = self.scratch;
        self.scratch += 1;
        self.work.join(format!("copyup-{}-{n}", std::process::id()))
    }

    /// Makes sure directory `rel` exists in the upper dir, copying its
    /// ancestors' and its own metadata up from the layer that shows it.
    /// Returns whether it had to be made.
    pub fn copy_up_dir(&mut self, rel: &Path) -> io::Result<bool> {
        let upper = self.path(UPPER, rel);
        match fs::symlink_metadata(&upper) {
            Ok(meta) if meta.is_dir() => return Ok(false),
            Ok(_) => {
                return Err(corrupt(&upper, "a directory is expected here"));
            }
            Err(e) if enoent(&e) => {}
            Err(e) => return Err(e),
        }
        if let Some(parent) = rel.parent() {
            self.copy_up_dir(parent)?;
        }
        let found = self
            .resolve(rel)?
            .ok_or_else(|| io::Error::from_raw_os_error(libc::ENOENT))?;
        let source = self.path(found.layer, rel);
        let scratch = self.scratch_path();
        copy::copy_dir(&source, &scratch, &found.meta)?;
        copy::set_times(&scratch, &found.meta)?;
        fs::rename(&scratch, &upper).inspect_err(|_| {
            let _ = fs::remove_dir(&scratch);
        })?;
        Ok(true)
    }

    /// Copies the non-directory `rel` (found in `found.layer`) up: data, owner,
    /// mode, times, xattrs, atomically (made in the work dir, renamed in).
    /// Other names of the same lower inode that the view shows are linked to
    /// the copy, so hard links stay one inode. Returns the copied-up paths.
    pub fn copy_up_file(&mut self, rel: &Path, found: &Found) -> io::Result<Vec<PathBuf>> {
        if found.layer == UPPER {
            return Ok(Vec::new());
        }
        if let Some(parent) = rel.parent() {
            self.copy_up_dir(parent)?;
        }
        let source = self.path(found.layer, rel);
        let upper = self.path(UPPER, rel);
        let scratch = self.scratch_path();
        copy::copy_entry(&source, &scratch, &found.meta)?;
        if let Err(e) = fs::rename(&scratch, &upper) {
            let _ = fs::remove_file(&scratch);
            return Err(e);
        }
        let mut copied = vec![rel.to_path_buf()];
        if found.meta.is_file() && found.meta.nlink() > 1 {
            for other in self.other_names(found.layer, found.meta.ino(), rel)? {
                let shown = self.resolve(&other)?;
                if shown.is_some_and(|s| s.layer == found.layer && s.meta.ino() == found.meta.ino())
                {
                    if let Some(parent) = other.parent() {
                        self.copy_up_dir(parent)?;
                    }
                    fs::hard_link(&upper, self.path(UPPER, &other))?;
                    copied.push(other);
                }
            }
        }
        Ok(copied)
    }

    /// The other names of inode `ino` in lower `layer`.
    fn other_names(&mut self, layer: usize, ino: u64, except: &Path) -> io::Result<Vec<PathBuf>> {
        let index = match self.hardlinks.entry(layer) {
            std::collections::hash_map::Entry::Occupied(index) => index.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                let mut index = HashMap::new();
                index_links(&self.roots[layer], Path::new(""), &mut index)?;
                slot.insert(index)
            }
        };
        Ok(index
            .get(&ino)
            .map(|names| names.iter().filter(|n| *n != except).cloned().collect())
            .unwrap_or_default())
    }

    /// Makes `rel` a whiteout in the upper dir (its parent must be there).
    pub fn whiteout(&mut self, rel: &Path) -> io::Result<()> {
        nix::sys::stat::mknod(
            &self.path(UPPER, rel),
            nix::sys::stat::SFlag::S_IFCHR,
            nix::sys::stat::Mode::empty(),
            0,
        )
        .map_err(io::Error::from)
    }

    /// Removes a whiteout at `rel` in the upper dir, if there is one.
    /// Returns whether there was.
    pub fn clear_whiteout(&mut self, rel: &Path) -> io::Result<bool> {
        let path = self.path(UPPER, rel);
        match fs::symlink_metadata(&path) {
            Ok(meta) if is_whiteout(&meta) => fs::remove_file(&path).map(|()| true),
            Ok(_) => Err(io::Error::from_raw_os_error(libc::EEXIST)),
            Err(e) if enoent(&e) => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub fn set_opaque(&mut self, rel: &Path) -> io::Result<()> {
        xattr::set(self.path(UPPER, rel), OPAQUE_XATTR, b"y")
    }
}

/// Collects the regular files with more than one name under `dir`.
fn index_links(root: &Path, dir: &Path, index: &mut HashMap<u64, Vec<PathBuf>>) -> io::Result<()> {
    for entry in fs::read_dir(root.join(dir))? {
        let entry = entry?;
        let rel = dir.join(entry.file_name());
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            index_links(root, &rel, index)?;
        } else if file_type.is_file() {
            let meta = entry.metadata()?;
            if meta.nlink() > 1 {
                index.entry(meta.ino()).or_default().push(rel);
            }
        }
    }
    Ok(())
}

/// A corrupt upper dir: logged, and the operation fails with EIO.
pub fn corrupt(path: &Path, what: &str) -> io::Error {
    log::error!(
        "fuse-overlay: corrupt upper dir at {}: {what}",
        path.display()
    );
    io::Error::from_raw_os_error(libc::EIO)
}

/// The name on disk of the extended attribute the merged view calls `name`.
pub fn stored_xattr(name: &OsStr) -> Cow<'_, OsStr> {
    match name
        .as_encoded_bytes()
        .strip_prefix(OVERLAY_XATTR_PREFIX.as_bytes())
    {
        Some(rest) => Cow::Owned(prefixed(ESCAPED_XATTR_PREFIX, rest)),
        None => Cow::Borrowed(name),
    }
}

/// How the merged view shows the extended attribute stored as `name`:
/// `None` for the overlay's own.
pub fn shown_xattr(name: &OsStr) -> Option<Cow<'_, OsStr>> {
    let bytes = name.as_encoded_bytes();
    match bytes.strip_prefix(ESCAPED_XATTR_PREFIX.as_bytes()) {
        Some(rest) => Some(Cow::Owned(prefixed(OVERLAY_XATTR_PREFIX, rest))),
        None if bytes.starts_with(OVERLAY_XATTR_PREFIX.as_bytes()) => None,
        None => Some(Cow::Borrowed(name)),
    }
}

fn prefixed(prefix: &str, rest: &[u8]) -> OsString {
    let mut name = prefix.as_bytes().to_vec();
    name.extend_from_slice(rest);
    OsString::from_vec(name)
}

/// `name` as a path component, refusing what is not one.
pub fn component(name: &OsStr) -> io::Result<&Path> {
    let bytes = name.as_encoded_bytes();
    if bytes.is_empty() || bytes == b"." || bytes == b".." || bytes.contains(&b'/') {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    Ok(Path::new(name))
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::fixture::Stack;

    fn names(listed: &[Listed]) -> Vec<String> {
        let mut names: Vec<String> = listed
            .iter()
            .map(|l| l.name.to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_name_is_found_in_its_topmost_layer_and_a_whiteout_ends_the_search() {
        let stack = Stack::new(2);
        stack.file(2, "etc/motd", "bottom");
        stack.file(1, "etc/motd", "middle");
        stack.file(2, "etc/gone", "deleted above");
        stack.whiteout(1, "etc/gone");
        stack.file(2, "etc/shadowed", "under the upper's whiteout");
        stack.whiteout(0, "etc/shadowed");
        let layers = stack.layers();
        let motd = layers.resolve(Path::new("etc/motd")).unwrap().unwrap();
        assert_eq!(motd.layer, 1);
        assert!(motd.dir_layers.is_empty());
        assert!(layers.resolve(Path::new("etc/gone")).unwrap().is_none());
        assert!(layers.resolve(Path::new("etc/shadowed")).unwrap().is_none());
        assert!(layers.resolve(Path::new("etc/motd/x")).unwrap().is_none());
        let etc = layers.resolve(Path::new("etc")).unwrap().unwrap();
        assert_eq!(etc.dir_layers, vec![UPPER, 1, 2]);
        assert_eq!(
            names(&layers.list(Path::new("etc"), &etc.dir_layers).unwrap()),
            ["motd"]
        );
        let listed = layers.list(Path::new("etc"), &etc.dir_layers).unwrap();
        assert_eq!(
            listed[0].layer, 1,
            "a name is listed from its topmost layer"
        );
    }

    #[test]
    fn directories_merge_down_to_the_first_opaque_one_and_a_file_hides_what_is_below() {
        let stack = Stack::new(2);
        stack.file(0, "d/from-upper", "");
        stack.file(1, "d/from-middle", "");
        stack.opaque(1, "d");
        stack.file(2, "d/from-bottom", "");
        stack.file(1, "f", "a file");
        stack.file(2, "f/below", "a directory's content");
        let layers = stack.layers();
        let d = layers.resolve(Path::new("d")).unwrap().unwrap();
        assert_eq!(
            d.dir_layers,
            vec![0, 1],
            "the opaque middle dir ends the merge"
        );
        assert_eq!(
            names(&layers.list(Path::new("d"), &d.dir_layers).unwrap()),
            ["from-middle", "from-upper"]
        );
        let f = layers.resolve(Path::new("f")).unwrap().unwrap();
        assert!(f.meta.is_file() && f.layer == 1);
        assert!(layers.resolve(Path::new("f/below")).unwrap().is_none());
        assert!(
            layers
                .below(Path::new("d/from-middle"), &d.dir_layers)
                .unwrap()
        );
        assert!(
            !layers
                .below(Path::new("d/from-upper"), &d.dir_layers)
                .unwrap()
        );
    }

    #[test]
    fn copy_up_keeps_data_mode_times_and_every_name_of_a_hard_link() {
        let stack = Stack::new(1);
        let lower = stack.file(1, "bin/tool", "#!/bin/sh\n");
        fs::set_permissions(&lower, fs::Permissions::from_mode(0o4751)).unwrap();
        stack.dir(1, "sbin");
        fs::hard_link(&lower, stack.path(1, "sbin/tool-link")).unwrap();
        let old = filetime(&lower);
        let mut layers = stack.layers();
        let found = layers.resolve(Path::new("bin/tool")).unwrap().unwrap();
        let copied = layers.copy_up_file(Path::new("bin/tool"), &found).unwrap();
        assert_eq!(
            copied,
            [PathBuf::from("bin/tool"), PathBuf::from("sbin/tool-link")]
        );
        let upper = fs::metadata(stack.path(0, "bin/tool")).unwrap();
        assert_eq!(upper.mode() & 0o7777, 0o4751);
        assert_eq!(upper.nlink(), 2, "both names are one inode");
        assert_eq!(
            upper.ino(),
            fs::metadata(stack.path(0, "sbin/tool-link")).unwrap().ino()
        );
        assert_eq!(filetime(&stack.path(0, "bin/tool")), old);
        assert_eq!(stack.read(0, "bin/tool"), "#!/bin/sh\n");
        assert_eq!(
            layers
                .resolve(Path::new("bin/tool"))
                .unwrap()
                .unwrap()
                .layer,
            UPPER
        );
        assert_eq!(
            fs::read_dir(stack.work()).unwrap().count(),
            0,
            "nothing left in work/"
        );
        // The directories above were made with their lower metadata.
        assert!(fs::metadata(stack.path(0, "bin")).unwrap().is_dir());
        assert_eq!(
            fs::metadata(&lower).unwrap().ino(),
            found.meta.ino(),
            "lower untouched"
        );
    }

    fn filetime(path: &Path) -> (i64, i64) {
        let meta = fs::metadata(path).unwrap();
        (meta.mtime(), meta.mtime_nsec())
    }

    #[test]
    fn a_whiteout_is_cleared_only_where_there_is_one_and_opaque_marks_stick() {
        let stack = Stack::new(1);
        stack.file(1, "a", "");
        stack.file(0, "real", "");
        let mut layers = stack.layers();
        layers.whiteout(Path::new("a")).unwrap();
        assert!(stack.is_whiteout(0, "a"));
        assert!(layers.resolve(Path::new("a")).unwrap().is_none());
        assert!(layers.clear_whiteout(Path::new("a")).unwrap());
        assert!(!layers.clear_whiteout(Path::new("a")).unwrap());
        assert_eq!(
            layers
                .clear_whiteout(Path::new("real"))
                .unwrap_err()
                .raw_os_error(),
            Some(libc::EEXIST)
        );
        stack.dir(0, "d");
        layers.set_opaque(Path::new("d")).unwrap();
        assert!(crate::format::is_opaque(&stack.path(0, "d")));
    }

    #[test]
    fn overlay_xattr_names_are_escaped_as_kernel_overlay_does() {
        let stored = |n: &str| stored_xattr(OsStr::new(n)).into_owned();
        let shown = |n: &str| shown_xattr(OsStr::new(n)).map(Cow::into_owned);
        assert_eq!(stored("user.comment"), "user.comment");
        assert_eq!(stored("user.overlay.x"), "user.overlay.overlay.x");
        assert_eq!(
            shown("user.overlay.overlay.x"),
            Some("user.overlay.x".into())
        );
        assert_eq!(shown("user.overlay.opaque"), None);
        assert_eq!(
            shown("security.capability"),
            Some("security.capability".into())
        );
    }
}
