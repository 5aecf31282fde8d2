//! Files as a tar stream, the way back from [`super::extract`]: what
//! `export`, `cp` out of a container and `commit` write.
//!
//! Everything is reached through directory descriptors, one component at a
//! time with `O_NOFOLLOW`: a symlink is archived as a symlink and never
//! entered, so a tree that changes underneath (a running container) can
//! only ever make this read what lies below the directory it started from.
//! Hard links within what is packed become tar hard links; kept extended
//! attributes (`user.*` except overlay's own, `security.capability`) go into
//! PAX `SCHILY.xattr.*` records; owners can be mapped (IDs as a nested user
//! namespace sees them). Directories are listed in name order. Pseudo
//! filesystems mounted below (a live container's `/proc`, `/sys`) are
//! archived as their mount point only, never descended into.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, openat, readlinkat};
use nix::sys::stat::{FileStat, Mode, fstat, fstatat};
use nix::sys::statfs::{self, FsType};
use tar::{EntryType, Header};
use xattr::FileExt;

use super::extract::kept_xattr;

/// Filesystems whose content is the kernel's, not the container's.
const PSEUDO_FILESYSTEMS: [FsType; 6] = [
    statfs::PROC_SUPER_MAGIC,
    statfs::SYSFS_MAGIC,
    statfs::CGROUP_SUPER_MAGIC,
    statfs::CGROUP2_SUPER_MAGIC,
    statfs::DEVPTS_SUPER_MAGIC,
    statfs::SECURITYFS_MAGIC,
];

/// Maps a stored owner (uid, gid) to the one the archive records.
pub type OwnerMap = Box<dyn Fn(u32, u32) -> (u32, u32) + Send>;

/// A tar stream being written.
pub struct Packer<W: Write> {
    builder: tar::Builder<W>,
    /// The archive path of each multiply-linked inode already written.
    links: HashMap<(u64, u64), PathBuf>,
    owners: Option<OwnerMap>,
    /// Every entry's time, when set (reproducible layers).
    mtime: Option<u64>,
}

/// One directory being walked: its children still to pack, next one last.
struct Level {
    dir: File,
    path: PathBuf,
    todo: Vec<OsString>,
}

impl<W: Write> Packer<W> {
    pub fn new(out: W) -> Packer<W> {
        Packer {
            builder: tar::Builder::new(out),
            links: HashMap::new(),
            owners: None,
            mtime: None,
        }
    }

    /// Records `mtime` as every entry's time instead of its own.
    pub fn set_mtime(&mut self, mtime: u64) {
        self.mtime = Some(mtime);
    }

    /// Records owners as `map` gives them.
    pub fn map_owners(&mut self, map: OwnerMap) {
        self.owners = Some(map);
    }

    /// Packs `name` in `dir` as `path` and, when it is a directory and
    /// `recursive`, everything below it.
    pub fn append(
        &mut self,
        dir: &File,
        name: &OsStr,
        path: &Path,
        recursive: bool,
    ) -> io::Result<()> {
        if let Some(opened) = self.entry(dir, name, path)? {
            if recursive {
                self.walk(opened, path)?;
            }
        }
        Ok(())
    }

    /// Packs what the directory `dir` holds (not `dir` itself), below `path`
    /// ("" for the archive's top).
    pub fn append_contents(&mut self, dir: &File, path: &Path) -> io::Result<()> {
        self.walk(dir.try_clone()?, path)
    }

    /// An OCI whiteout for `path`: an empty `.wh.NAME` beside it.
    pub fn whiteout(&mut self, path: &Path) -> io::Result<()> {
        let name = path.file_name().unwrap_or_default();
        let mut marker = OsString::from(".wh.");
        marker.push(name);
        self.marker(&path.with_file_name(marker))
    }

    /// The OCI marker that the directory `path` hides what lies below it.
    pub fn opaque(&mut self, path: &Path) -> io::Result<()> {
        self.marker(&path.join(".wh..wh..opq"))
    }

    fn marker(&mut self, path: &Path) -> io::Result<()> {
        let mut header = Header::new_gnu();
        header.set_entry_type(EntryType::Regular);
        header.set_mode(0o644);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(0);
        header.set_size(0);
        self.builder.append_data(&mut header, path, io::empty())
    }

    /// Ends the archive and hands back the writer.
    pub fn finish(self) -> io::Result<W> {
        self.builder.into_inner()
    }

    /// Packs every child of `dir` (at `path`), depth first, iteratively: a
    /// container may nest directories deeper than a stack would like.
    fn walk(&mut self, dir: File, path: &Path) -> io::Result<()> {
        let mut stack = vec![Level::new(dir, path.to_path_buf())?];
        while let Some(level) = stack.last_mut() {
            let Some(name) = level.todo.pop() else {
                stack.pop();
                continue;
            };
            let path = level.path.join(&name);
            if let Some(below) = self.entry(&level.dir, &name, &path)? {
                if !pseudo_filesystem(&below) {
                    stack.push(Level::new(below, path)?);
                }
            }
        }
        Ok(())
    }

    /// Packs one entry; returns the directory it is, opened, if it is one.
    /// An entry that vanished meanwhile is skipped; sockets are not archived.
    fn entry(&mut self, dir: &File, name: &OsStr, path: &Path) -> io::Result<Option<File>> {
        let st = match fstatat(dir, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
            Ok(st) => st,
            Err(Errno::ENOENT) => return Ok(None),
            Err(errno) => return Err(context(errno, path)),
        };
        let mut header = Header::new_gnu();
        match st.st_mode & libc::S_IFMT {
            libc::S_IFDIR => {
                let opened = open_nofollow(dir, name, OFlag::O_DIRECTORY)
                    .map_err(|errno| context(errno, path))?;
                let st = fstat(&opened).map_err(|errno| context(errno, path))?;
                self.xattrs(&opened, path)?;
                self.fill(&mut header, &st, EntryType::Directory);
                let mut named = path.as_os_str().to_owned();
                named.push("/");
                self.builder.append_data(&mut header, named, io::empty())?;
                return Ok(Some(opened));
            }
            libc::S_IFREG => {
                // O_NONBLOCK: should it have become a fifo since, opening must not hang.
                let file = open_nofollow(dir, name, OFlag::O_NONBLOCK)
                    .map_err(|errno| context(errno, path))?;
                let st = fstat(&file).map_err(|errno| context(errno, path))?;
                if st.st_mode & libc::S_IFMT != libc::S_IFREG {
                    return Ok(None);
                }
                if st.st_nlink > 1 {
                    let key = (st.st_dev, st.st_ino);
                    if let Some(first) = self.links.get(&key) {
                        let first = first.clone();
                        self.fill(&mut header, &st, EntryType::Link);
                        header.set_size(0);
                        return self
                            .builder
                            .append_link(&mut header, path, first)
                            .map(|()| None);
                    }
                    self.links.insert(key, path.to_path_buf());
                }
                self.xattrs(&file, path)?;
                self.fill(&mut header, &st, EntryType::Regular);
                let size = st.st_size as u64;
                header.set_size(size);
                // A file that shrinks meanwhile is padded: the header said its size.
                let data = file.take(size).chain(io::repeat(0)).take(size);
                self.builder.append_data(&mut header, path, data)?;
            }
            libc::S_IFLNK => {
                let target = readlinkat(dir, name).map_err(|errno| context(errno, path))?;
                self.fill(&mut header, &st, EntryType::Symlink);
                self.builder.append_link(&mut header, path, target)?;
            }
            kind @ (libc::S_IFIFO | libc::S_IFCHR | libc::S_IFBLK) => {
                let entry_type = match kind {
                    libc::S_IFIFO => EntryType::Fifo,
                    libc::S_IFCHR => EntryType::Char,
                    _ => EntryType::Block,
                };
                self.fill(&mut header, &st, entry_type);
                if kind != libc::S_IFIFO {
                    header.set_device_major(libc::major(st.st_rdev))?;
                    header.set_device_minor(libc::minor(st.st_rdev))?;
                }
                self.builder.append_data(&mut header, path, io::empty())?;
            }
            _ => log::debug!("not archiving socket {}", path.display()),
        }
        Ok(None)
    }

    /// Owner, mode and time from `st`; size 0.
    fn fill(&self, header: &mut Header, st: &FileStat, kind: EntryType) {
        let (uid, gid) = match &self.owners {
            Some(map) => map(st.st_uid, st.st_gid),
            None => (st.st_uid, st.st_gid),
        };
        header.set_entry_type(kind);
        header.set_mode(st.st_mode & 0o7777);
        header.set_uid(u64::from(uid));
        header.set_gid(u64::from(gid));
        header.set_mtime((self.mtime).unwrap_or_else(|| u64::try_from(st.st_mtime).unwrap_or(0)));
        header.set_size(0);
    }

    /// A PAX header with the kept xattrs of `file`, if it has any.
    fn xattrs(&mut self, file: &File, path: &Path) -> io::Result<()> {
        let names = match file.list_xattr() {
            Ok(names) => names,
            Err(e) if e.raw_os_error() == Some(libc::EOPNOTSUPP) => return Ok(()),
            Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
        };
        let mut records = Vec::new();
        for name in names.filter(|n| kept_xattr(n.as_bytes())) {
            if let Ok(Some(value)) = file.get_xattr(&name) {
                let mut key = b"SCHILY.xattr.".to_vec();
                key.extend_from_slice(name.as_bytes());
                pax_record(&mut records, &key, &value);
            }
        }
        if records.is_empty() {
            return Ok(());
        }
        let mut header = Header::new_ustar();
        header.set_entry_type(EntryType::XHeader);
        header.set_mode(0o644);
        header.set_size(records.len() as u64);
        self.builder
            .append_data(&mut header, "././@PaxHeader", records.as_slice())
    }
}

impl Level {
    fn new(dir: File, path: PathBuf) -> io::Result<Level> {
        let mut listing = nix::dir::Dir::openat(
            &dir,
            ".",
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
            Mode::empty(),
        )
        .map_err(|errno| context(errno, &path))?;
        let mut todo = Vec::new();
        for entry in listing.iter() {
            let name = entry.map_err(|errno| context(errno, &path))?;
            let name = name.file_name().to_bytes();
            if name != b"." && name != b".." {
                todo.push(OsString::from_vec(name.to_vec()));
            }
        }
        todo.sort_by(|a, b| b.cmp(a));
        Ok(Level { dir, path, todo })
    }
}

fn open_nofollow(dir: &File, name: &OsStr, extra: OFlag) -> Result<File, Errno> {
    let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC | OFlag::O_NOCTTY | extra;
    openat(dir, name, flags, Mode::empty()).map(File::from)
}

fn pseudo_filesystem(dir: &File) -> bool {
    statfs::fstatfs(dir).is_ok_and(|fs| PSEUDO_FILESYSTEMS.contains(&fs.filesystem_type()))
}

/// One PAX record: `LEN KEY=VALUE\n`, LEN counting itself.
pub(crate) fn pax_record(out: &mut Vec<u8>, key: &[u8], value: &[u8]) {
    let body = key.len() + value.len() + 3; // ' ', '=', '\n'
    let mut len = body + body.to_string().len();
    if len.to_string().len() != body.to_string().len() {
        len += 1;
    }
    out.extend_from_slice(format!("{len} ").as_bytes());
    out.extend_from_slice(key);
    out.push(b'=');
    out.extend_from_slice(value);
    out.push(b'\n');
}

fn context(errno: Errno, path: &Path) -> io::Error {
    io::Error::new(
        io::Error::from(errno).kind(),
        format!("{}: {}", path.display(), errno.desc()),
    )
}

/// The entry names of a tar stream, in order (for tests).
#[cfg(test)]
pub(crate) fn entry_names(tar: &[u8]) -> Vec<String> {
    tar::Archive::new(tar)
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().display().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::extract::{ExtractOptions, Ownership, extract_plain};
    use std::fs;
    use std::os::unix::fs::MetadataExt;

    use crate::util::scratch::ScratchDir;

    #[test]
    fn a_tree_round_trips_through_extract_without_following_symlinks() {
        let (src_dir, dst_dir) = (ScratchDir::new("pack-src"), ScratchDir::new("pack-dst"));
        let (src, dst) = (src_dir.path(), dst_dir.path());
        fs::create_dir_all(src.join("d/e")).unwrap();
        fs::write(src.join("d/e/f"), b"data").unwrap();
        fs::hard_link(src.join("d/e/f"), src.join("d/g")).unwrap();
        std::os::unix::fs::symlink("/etc", src.join("d/etc")).unwrap();
        xattr::set(src.join("d/e/f"), "user.note", b"kept").unwrap();
        let mut packer = Packer::new(Vec::new());
        packer
            .append(
                &File::open(src).unwrap(),
                OsStr::new("d"),
                Path::new("d"),
                true,
            )
            .unwrap();
        packer.whiteout(Path::new("d/gone")).unwrap();
        let tar = packer.finish().unwrap();
        assert_eq!(
            entry_names(&tar),
            ["d/", "d/e/", "d/e/f", "d/etc", "d/g", "d/.wh.gone"]
        );
        let opts = ExtractOptions {
            ownership: Ownership::Squash,
        };
        extract_plain(
            tar.as_slice(),
            File::open(dst).unwrap(),
            Path::new(""),
            &opts,
        )
        .unwrap();
        assert_eq!(fs::read(dst.join("d/g")).unwrap(), b"data");
        assert_eq!(
            fs::metadata(dst.join("d/g")).unwrap().ino(),
            fs::metadata(dst.join("d/e/f")).unwrap().ino()
        );
        assert_eq!(fs::read_link(dst.join("d/etc")).unwrap(), Path::new("/etc"));
        assert_eq!(
            xattr::get(dst.join("d/e/f"), "user.note")
                .unwrap()
                .as_deref(),
            Some(&b"kept"[..])
        );
    }
}
