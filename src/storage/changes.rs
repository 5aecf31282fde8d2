//! What a container changed in its root filesystem, against its image:
//! `rcon diff`'s A/C/D lines and what `rcon commit` puts in a new layer.
//!
//! The container's files are either an overlay upper dir (overlay and
//! fuse-overlay drivers: only what changed is there, deletions as 0:0
//! whiteouts, replaced directories marked opaque) or a complete copy (vfs),
//! compared name by name with the image's merged view. Rules, as Docker's
//! and Podman's: an entry the image lacks is Added (with everything below
//! it); one it has is Changed when it differs (a non-directory in an upper
//! dir always does: it was copied up; a directory when its owner, mode or
//! modification time differ); a name the image shows and the container no
//! longer does is Deleted (only the top of a deleted tree). The directory
//! holding an added or deleted entry counts as Changed.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs::{self, Metadata};
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use rcon_fuse_overlay::format::{is_opaque, is_whiteout};
use rcon_fuse_overlay::{Layers, UPPER};

use super::extract::Root;
use super::pack::Packer;

/// How an entry changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Added,
    Changed,
    Deleted,
}

impl Kind {
    /// Podman's letter.
    pub fn letter(self) -> char {
        match self {
            Kind::Added => 'A',
            Kind::Changed => 'C',
            Kind::Deleted => 'D',
        }
    }
}

/// The changes of a container, by absolute path inside it, sorted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    pub list: Vec<(PathBuf, Kind)>,
    /// Directories that hide everything of the image below them (opaque in
    /// the upper dir): a layer marks them so instead of deleting each name.
    pub opaque: Vec<PathBuf>,
}

/// What holds the container's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Top<'a> {
    /// An overlay upper dir.
    Upper(&'a Path),
    /// A complete copy of the root filesystem (vfs).
    Copy(&'a Path),
}

/// The changes in `top` against the image whose layer directories are
/// `lowers` (topmost first).
pub fn changes(top: Top, lowers: &[PathBuf]) -> io::Result<Changes> {
    let (dir, complete) = match top {
        Top::Upper(dir) => (dir, false),
        Top::Copy(dir) => (dir, true),
    };
    // Layer 0 is the container's side; the image is layers 1.. (never
    // written: the work dir is not used).
    let layers = Layers::new(dir.to_path_buf(), lowers.to_vec(), dir.to_path_buf())?;
    let image_root: Vec<usize> = layers
        .root()?
        .dir_layers
        .into_iter()
        .filter(|&l| l != UPPER)
        .collect();
    let mut walk = Walk {
        layers: &layers,
        complete,
        found: BTreeMap::new(),
        opaque: Vec::new(),
    };
    let mut stack = vec![(PathBuf::new(), image_root, complete)];
    while let Some((rel, image, list_deleted)) = stack.pop() {
        stack.extend(walk.dir(&rel, &image, list_deleted)?);
    }
    let Walk {
        mut found, opaque, ..
    } = walk;
    let parents: Vec<PathBuf> = found
        .iter()
        .filter(|(_, kind)| **kind != Kind::Changed)
        .filter_map(|(path, _)| path.parent().filter(|p| *p != Path::new("/")))
        .map(Path::to_path_buf)
        .collect();
    for parent in parents {
        found.entry(parent).or_insert(Kind::Changed);
    }
    Ok(Changes {
        list: found.into_iter().collect(),
        opaque,
    })
}

/// Writes `changes` as an image layer: added and changed entries from
/// `top` (the directory they were found in), deletions as `.wh.` whiteouts,
/// opaque directories with their `.wh..wh..opq` marker (and no whiteouts
/// for what they hide). Every entry is reached inside `top` with
/// `RESOLVE_IN_ROOT`, never through a symlink the container made.
pub fn pack_layer<W: Write>(
    changes: &Changes,
    top: &Path,
    packer: &mut Packer<W>,
) -> io::Result<()> {
    let root = Root::open(top)?;
    for (path, kind) in &changes.list {
        let rel = path.strip_prefix("/").unwrap_or(path);
        let (Some(name), Some(parent)) = (rel.file_name(), rel.parent()) else {
            continue;
        };
        match kind {
            Kind::Deleted => {
                let hidden = changes
                    .opaque
                    .iter()
                    .any(|dir| path.starts_with(dir) && path != dir);
                if !hidden {
                    packer.whiteout(rel)?;
                }
            }
            Kind::Added | Kind::Changed => {
                let dir = root.open_path(parent).map_err(io::Error::from)?;
                packer.append(&dir, name, rel, false)?;
                if changes.opaque.iter().any(|dir| dir == path) {
                    packer.opaque(rel)?;
                }
            }
        }
    }
    Ok(())
}

struct Walk<'a> {
    layers: &'a Layers,
    complete: bool,
    found: BTreeMap<PathBuf, Kind>,
    opaque: Vec<PathBuf>,
}

/// A directory still to compare: its path, the image layers that merge
/// into it (none when the image lacks it), whether names the image shows
/// and it lacks are deletions.
type Pending = (PathBuf, Vec<usize>, bool);

impl Walk<'_> {
    /// Compares the directory `rel`; returns its subdirectories to compare.
    fn dir(&mut self, rel: &Path, image: &[usize], list_deleted: bool) -> io::Result<Vec<Pending>> {
        let dir = self.layers.path(UPPER, rel);
        let mut names: Vec<OsString> = fs::read_dir(&dir)?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<io::Result<_>>()?;
        names.sort();
        if list_deleted && !image.is_empty() {
            for listed in self.layers.list(rel, image)? {
                if !names.contains(&listed.name) {
                    self.record(&rel.join(&listed.name), Kind::Deleted);
                }
            }
        }
        let mut below = Vec::new();
        for name in names {
            let child = rel.join(&name);
            let meta = fs::symlink_metadata(dir.join(&name))?;
            let found = if image.is_empty() {
                None
            } else {
                self.layers.locate(&child, image)?
            };
            if !self.complete && is_whiteout(&meta) {
                if found.is_some() {
                    self.record(&child, Kind::Deleted);
                }
                continue;
            }
            let opaque = !self.complete && meta.is_dir() && is_opaque(&dir.join(&name));
            match &found {
                None => self.record(&child, Kind::Added),
                Some(found) if opaque || self.differs(&meta, &found.meta) => {
                    self.record(&child, Kind::Changed);
                }
                Some(_) => {}
            }
            if opaque {
                self.opaque.push(Path::new("/").join(&child));
            }
            if meta.is_dir() {
                let image_below = found
                    .filter(|f| f.meta.is_dir())
                    .map(|f| f.dir_layers)
                    .unwrap_or_default();
                below.push((child, image_below, self.complete || opaque));
            }
        }
        Ok(below)
    }

    fn record(&mut self, rel: &Path, kind: Kind) {
        self.found.insert(Path::new("/").join(rel), kind);
    }

    /// Whether the container's entry differs from the image's.
    fn differs(&self, mine: &Metadata, image: &Metadata) -> bool {
        let same_owner_mode =
            mine.mode() == image.mode() && mine.uid() == image.uid() && mine.gid() == image.gid();
        let same_time = mine.mtime() == image.mtime() && mine.mtime_nsec() == image.mtime_nsec();
        if mine.is_dir() && image.is_dir() {
            return !(same_owner_mode && same_time);
        }
        // Anything else an upper dir holds was copied up, hence changed.
        let same_content = mine.size() == image.size() && mine.rdev() == image.rdev();
        !(self.complete && same_owner_mode && same_time && same_content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::util::scratch::ScratchDir;

    fn lines(changes: &Changes) -> Vec<String> {
        changes
            .list
            .iter()
            .map(|(path, kind)| format!("{} {}", kind.letter(), path.display()))
            .collect()
    }

    #[test]
    fn a_complete_copy_is_compared_with_the_merged_image() {
        let scratch = ScratchDir::new("changes-copy");
        let base = scratch.path();
        let (low, high, copy) = (base.join("low"), base.join("high"), base.join("copy"));
        for dir in [&low, &high, &copy] {
            fs::create_dir_all(dir.join("etc")).unwrap();
            fs::create_dir_all(dir.join("bin")).unwrap();
        }
        fs::write(low.join("bin/ls"), b"ls").unwrap();
        fs::write(low.join("etc/motd"), b"hi").unwrap();
        fs::write(high.join("etc/passwd"), b"root").unwrap();
        fs::create_dir_all(low.join("var/lib")).unwrap();
        fs::write(low.join("var/lib/x"), b"x").unwrap();
        // The copy: as the image, then changed. Times are copied as vfs does.
        fs::write(copy.join("etc/passwd"), b"root").unwrap();
        fs::write(copy.join("etc/motd"), b"changed").unwrap();
        fs::create_dir_all(copy.join("a/b")).unwrap();
        fs::write(copy.join("a/b/c"), b"").unwrap();
        let copy_times = |rel: &str, from: &Path| {
            let meta = fs::symlink_metadata(from.join(rel)).unwrap();
            let time = nix::sys::time::TimeSpec::new(meta.mtime(), meta.mtime_nsec());
            nix::sys::stat::utimensat(
                nix::fcntl::AT_FDCWD,
                &copy.join(rel),
                &time,
                &time,
                nix::sys::stat::UtimensatFlags::NoFollowSymlink,
            )
            .unwrap();
        };
        copy_times("etc/passwd", &high);
        copy_times("etc", &high);
        copy_times("bin", &high);
        let changes = changes(Top::Copy(&copy), &[high.clone(), low.clone()]).unwrap();
        assert_eq!(
            lines(&changes),
            [
                "A /a",
                "A /a/b",
                "A /a/b/c",
                "C /bin",
                "D /bin/ls",
                "C /etc/motd",
                "D /var"
            ]
        );
    }

    #[test]
    fn an_upper_dir_shows_whiteouts_and_opaque_directories() {
        let scratch = ScratchDir::new("changes-upper");
        let base = scratch.path();
        let (low, upper) = (base.join("low"), base.join("upper"));
        fs::create_dir_all(low.join("d")).unwrap();
        fs::write(low.join("d/one"), b"1").unwrap();
        fs::write(low.join("d/two"), b"2").unwrap();
        fs::write(low.join("f"), b"f").unwrap();
        fs::create_dir_all(upper.join("d")).unwrap();
        xattr::set(upper.join("d"), "user.overlay.opaque", b"y").unwrap();
        fs::write(upper.join("d/two"), b"2").unwrap();
        fs::write(upper.join("new"), b"n").unwrap();
        let whiteout = nix::sys::stat::mknod(
            &upper.join("f"),
            nix::sys::stat::SFlag::S_IFCHR,
            nix::sys::stat::Mode::empty(),
            0,
        );
        if whiteout.is_err() {
            eprintln!("skipped: this kernel refuses unprivileged whiteouts");
            return;
        }
        let changes = changes(Top::Upper(&upper), std::slice::from_ref(&low)).unwrap();
        assert_eq!(
            lines(&changes),
            ["C /d", "D /d/one", "C /d/two", "D /f", "A /new"]
        );
        assert_eq!(changes.opaque, [PathBuf::from("/d")]);
        let mut packer = Packer::new(Vec::new());
        pack_layer(&changes, &upper, &mut packer).unwrap();
        let tar = packer.finish().unwrap();
        assert_eq!(
            crate::storage::pack::entry_names(&tar),
            ["d/", "d/.wh..wh..opq", "d/two", ".wh.f", "new"]
        );
    }
}
