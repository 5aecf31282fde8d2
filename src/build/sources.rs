//! What a COPY or ADD reads: its sources found below a root (the build
//! context, or another stage's or image's files), globs expanded, the
//! ignore file applied, with Docker's directory rules for where each lands;
//! then written as a tar stream to extract into the container, and hashed
//! for the layer cache.
//!
//! **No escape.** Every source path is resolved inside its root
//! (`openat2(RESOLVE_IN_ROOT)`, [`Root`]): `COPY ../x` is `x` at the top of
//! the context, a symlink leading out of it is followed as if the context
//! were `/`. Below a source, the tree is walked one name at a time with
//! `O_NOFOLLOW`: symlinks are copied as symlinks, never entered.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::AsFd;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::sync::Arc;

use nix::fcntl::{AtFlags, OFlag, openat, readlinkat};
use nix::sys::stat::{Mode, fstatat};
use sha2::{Digest, Sha256};

use super::ignore::{Ignore, clean, glob_matches};
use crate::storage::extract::Root;

impl Entry {
    /// A file of `bytes` at `dest` (0644, as BuildKit makes them).
    pub fn data(dest: String, bytes: Vec<u8>) -> Entry {
        Entry {
            dest,
            kind: EntryKind::Data(bytes),
            mode: 0o644,
            mtime: 0,
            inode: None,
        }
    }

    /// A file ADD fetched, at `dest` (0600 unless `--chmod`, as Docker).
    pub fn downloaded(dest: String, fetched: &super::remote::Fetched) -> Entry {
        Entry {
            dest,
            kind: EntryKind::Downloaded {
                file: fetched.file.clone(),
                size: fetched.size,
            },
            mode: 0o600,
            mtime: fetched.mtime,
            inode: None,
        }
    }
}

/// One thing to write into the container.
pub struct Entry {
    /// Its path in the container, from the root (no leading `/`).
    pub dest: String,
    pub kind: EntryKind,
    /// Permission bits (and set-id/sticky).
    pub mode: u32,
    pub mtime: i64,
    /// (device, inode) of a file with several names.
    inode: Option<(u64, u64)>,
}

pub enum EntryKind {
    Dir,
    /// A file to read: `name` in the directory `dir`.
    File {
        dir: Arc<File>,
        name: OsString,
        size: u64,
    },
    Symlink(OsString),
    /// Another name of the file written earlier at this path.
    HardLink(String),
    /// Content given in the Containerfile (`COPY <<NAME`).
    Data(Vec<u8>),
    /// A file fetched for ADD, `size` bytes from its start.
    Downloaded {
        file: Arc<File>,
        size: u64,
    },
    /// A tar archive (ADD) whose entries land below `dest`.
    Archive {
        file: Arc<File>,
        format: Compression,
    },
}

/// How an archive ADD unpacks is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
    Xz,
}

impl Compression {
    /// The archive format of `file` by its first bytes; `None` when it is
    /// not a tar archive rcon can read (then ADD copies it as a file).
    fn sniff(file: &File) -> Option<Compression> {
        use std::os::unix::fs::FileExt;
        let mut head = [0u8; 512];
        let read = file.read_at(&mut head, 0).ok()?;
        let head = &head[..read];
        if head.starts_with(&[0x1f, 0x8b]) {
            Some(Compression::Gzip)
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Compression::Zstd)
        } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
            Some(Compression::Xz)
        } else if head.get(257..262) == Some(b"ustar") {
            Some(Compression::None)
        } else {
            None
        }
    }

    /// The archive from its start (clones share the file offset, which
    /// the digest moved); an xz one is decompressed into a scratch file in
    /// `scratch` first (the decoder writes, it is not read from).
    fn reader(self, file: &File, scratch: &Path) -> io::Result<Box<dyn Read>> {
        let file = from_start(file)?;
        Ok(match self {
            Compression::None => Box::new(file),
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(file)),
            Compression::Zstd => Box::new(zstd::Decoder::new(file)?),
            Compression::Xz => {
                let mut plain = scratch_file(scratch)?;
                lzma_rs::xz_decompress(&mut io::BufReader::new(file), &mut plain)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("xz: {e}")))?;
                io::Seek::rewind(&mut plain)?;
                Box::new(plain)
            }
        })
    }
}

/// Where the sources are read.
pub struct Tree<'a> {
    pub root: &'a Root,
    /// The context's ignore patterns (none for a stage or an image).
    pub ignore: Option<&'a Ignore>,
    /// ADD: a source file that is a tar archive (plain, gzip, zstd or xz) is
    /// unpacked into the destination directory.
    pub unpack: bool,
}

const GLOB_CHARS: &[char] = &['*', '?', '['];

impl Tree<'_> {
    /// The entries `sources` give for `dest` (an absolute container path;
    /// `dest_is_dir`: whether it is an existing directory there).
    pub fn entries(
        &self,
        sources: &[String],
        dest: &str,
        dest_is_dir: bool,
    ) -> Result<Vec<Entry>, String> {
        let dest_clean = clean(dest);
        let mut found = Vec::new();
        for source in sources {
            let matched = self.expand(source)?;
            if matched.is_empty() {
                return Err(if source.contains(GLOB_CHARS) {
                    format!(
                        "{source}: no source files were specified (the pattern matched nothing)"
                    )
                } else {
                    format!("{source}: no such file or directory in the build context")
                });
            }
            found.extend(matched);
        }
        let into_dir = dest.ends_with('/') || dest_is_dir || found.len() > 1;
        if found.len() > 1 && !dest.ends_with('/') && !dest_is_dir {
            return Err(format!(
                "{dest}: when copying more than one source the destination must be a directory ending in /"
            ));
        }
        let mut entries = Vec::new();
        for source in found {
            let stat = fstatat(
                &*source.dir,
                source.name.as_os_str(),
                AtFlags::AT_SYMLINK_NOFOLLOW,
            )
            .map_err(|e| format!("{}: {}", source.path, e.desc()))?;
            if stat.st_mode & libc::S_IFMT == libc::S_IFDIR {
                // A directory's contents land in the destination.
                let dir = open_dir_at(&source.dir, &source.name)
                    .map_err(|e| format!("{}: {}", source.path, e))?;
                self.walk(dir, &source.path, &dest_clean, &mut entries)
                    .map_err(|e| format!("{}: {e}", source.path))?;
                continue;
            }
            let is_file = stat.st_mode & libc::S_IFMT == libc::S_IFREG;
            if self.unpack && is_file {
                let file = open_file_at(&source.dir, &source.name)
                    .map_err(|e| format!("{}: {e}", source.path))?;
                if let Some(format) = Compression::sniff(&file) {
                    entries.push(Entry {
                        dest: dest_clean.clone(),
                        kind: EntryKind::Archive {
                            file: Arc::new(file),
                            format,
                        },
                        mode: 0o755,
                        mtime: stat.st_mtime,
                        inode: None,
                    });
                    continue;
                }
            }
            let target = if into_dir {
                join(&dest_clean, &source.name.to_string_lossy())
            } else {
                dest_clean.clone()
            };
            entries.push(
                entry(&source.dir, &source.name, target, &stat)
                    .map_err(|e| format!("{}: {e}", source.path))?,
            );
        }
        link_names(&mut entries);
        Ok(entries)
    }

    /// The names a source (a path or a glob) matches: (parent dir, name,
    /// path in the tree).
    fn expand(&self, source: &str) -> Result<Vec<Found>, String> {
        let path = clean(source);
        if path.is_empty() {
            // The whole tree: the root's contents.
            let dir = self
                .root
                .open_path(Path::new(""))
                .map_err(|e| format!("{source}: {}", e.desc()))?;
            return Ok(vec![Found {
                dir: Arc::new(dir),
                name: OsString::from("."),
                path: String::new(),
            }]);
        }
        let (parent, name) = path.rsplit_once('/').unwrap_or(("", &path));
        let mut parents = vec![String::new()];
        for component in parent.split('/').filter(|c| !c.is_empty()) {
            parents = self.matching(&parents, component);
        }
        let mut found = Vec::new();
        for parent in parents {
            let Ok(dir) = self.root.open_path(Path::new(&parent)) else {
                continue;
            };
            let dir = Arc::new(dir);
            let names: Vec<OsString> = if name.contains(GLOB_CHARS) {
                list(&dir)
                    .map_err(|e| format!("{source}: {e}"))?
                    .into_iter()
                    .filter(|n| glob_matches(name, &n.to_string_lossy()))
                    .collect()
            } else if fstatat(&*dir, name, AtFlags::AT_SYMLINK_NOFOLLOW).is_ok() {
                vec![OsString::from(name)]
            } else {
                Vec::new()
            };
            for name in names {
                let path = join(&parent, &name.to_string_lossy());
                if self.excluded(&path) {
                    continue;
                }
                found.push(Found {
                    dir: dir.clone(),
                    name,
                    path,
                });
            }
        }
        found.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(found)
    }

    /// The directories below each of `parents` whose name matches `component`.
    fn matching(&self, parents: &[String], component: &str) -> Vec<String> {
        let mut out = Vec::new();
        for parent in parents {
            if !component.contains(GLOB_CHARS) {
                out.push(join(parent, component));
                continue;
            }
            let Ok(dir) = self.root.open_path(Path::new(parent)) else {
                continue;
            };
            for name in list(&dir).unwrap_or_default() {
                let name = name.to_string_lossy();
                let is_dir = fstatat(&dir, name.as_ref(), AtFlags::empty())
                    .is_ok_and(|s| s.st_mode & libc::S_IFMT == libc::S_IFDIR);
                if is_dir && glob_matches(component, &name) {
                    out.push(join(parent, &name));
                }
            }
        }
        out
    }

    fn excluded(&self, path: &str) -> bool {
        self.ignore.is_some_and(|ignore| ignore.excludes(path))
    }

    /// Everything below `dir` (at `path` in the tree), landing below `dest`.
    fn walk(&self, dir: File, path: &str, dest: &str, out: &mut Vec<Entry>) -> io::Result<()> {
        let mut stack = vec![(Arc::new(dir), path.to_string(), dest.to_string())];
        while let Some((dir, path, dest)) = stack.pop() {
            let mut names = list(&dir)?;
            names.sort();
            for name in names {
                let child_path = join(&path, &name.to_string_lossy());
                let child_dest = join(&dest, &name.to_string_lossy());
                let stat = fstatat(&*dir, name.as_os_str(), AtFlags::AT_SYMLINK_NOFOLLOW)?;
                let is_dir = stat.st_mode & libc::S_IFMT == libc::S_IFDIR;
                let excluded = self.excluded(&child_path);
                // An excluded directory is still entered when an exception
                // may take back something below it.
                if excluded
                    && !(is_dir && self.ignore.is_some_and(|i| i.may_take_back(&child_path)))
                {
                    continue;
                }
                if is_dir {
                    if !excluded {
                        out.push(entry(&dir, &name, child_dest.clone(), &stat)?);
                    }
                    let child = open_dir_at(&dir, &name)?;
                    stack.push((Arc::new(child), child_path, child_dest));
                } else if !excluded {
                    out.push(entry(&dir, &name, child_dest, &stat)?);
                }
            }
        }
        Ok(())
    }
}

struct Found {
    dir: Arc<File>,
    name: OsString,
    path: String,
}

fn entry(dir: &Arc<File>, name: &OsStr, dest: String, stat: &libc::stat) -> io::Result<Entry> {
    let kind = match stat.st_mode & libc::S_IFMT {
        libc::S_IFDIR => EntryKind::Dir,
        libc::S_IFREG => EntryKind::File {
            dir: dir.clone(),
            name: name.to_os_string(),
            size: stat.st_size as u64,
        },
        libc::S_IFLNK => EntryKind::Symlink(readlinkat(&**dir, name)?),
        _ => {
            return Err(io::Error::other(format!(
                "{}: not a file, directory or symlink (devices, sockets and pipes are not copied)",
                name.to_string_lossy()
            )));
        }
    };
    let linked = stat.st_mode & libc::S_IFMT == libc::S_IFREG && stat.st_nlink > 1;
    Ok(Entry {
        dest,
        kind,
        mode: stat.st_mode & 0o7777,
        mtime: stat.st_mtime,
        inode: linked.then_some((stat.st_dev, stat.st_ino)),
    })
}

/// Later names of a file copied under several names become hard links to
/// the first, as Docker keeps them.
fn link_names(entries: &mut [Entry]) {
    let mut first: std::collections::HashMap<(u64, u64), String> = Default::default();
    for entry in entries {
        let Some(inode) = entry.inode else { continue };
        match first.get(&inode) {
            Some(target) => entry.kind = EntryKind::HardLink(target.clone()),
            None => {
                first.insert(inode, entry.dest.clone());
            }
        }
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() || name == "." {
        if name == "." {
            dir.to_string()
        } else {
            name.to_string()
        }
    } else {
        format!("{dir}/{name}")
    }
}

fn open_dir_at(dir: &File, name: &OsStr) -> io::Result<File> {
    let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    Ok(File::from(openat(dir, name, flags, Mode::empty())?))
}

fn open_file_at(dir: &File, name: &OsStr) -> io::Result<File> {
    let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    Ok(File::from(openat(dir, name, flags, Mode::empty())?))
}

/// The names in a directory (without `.` and `..`).
fn list(dir: &File) -> io::Result<Vec<OsString>> {
    let mut dir = nix::dir::Dir::from_fd(dir.as_fd().try_clone_to_owned()?)?;
    let mut names = Vec::new();
    for item in dir.iter() {
        let name = item?.file_name().to_bytes().to_vec();
        if name != b"." && name != b".." {
            names.push(OsStr::from_bytes(&name).to_os_string());
        }
    }
    Ok(names)
}

/// How the entries are owned and moded in the container.
#[derive(Debug, Clone, Copy, Default)]
pub struct Attributes {
    /// `--chown` resolved (default root).
    pub owner: (u32, u32),
    /// `--chmod`.
    pub mode: Option<u32>,
}

/// A digest of what the entries hold (names, types, modes, contents, not
/// times) and the attributes, for the layer cache.
pub fn digest(entries: &[Entry], attributes: Attributes) -> io::Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(format!("{:?}{:?}", attributes.owner, attributes.mode));
    for entry in entries {
        hasher.update(entry.dest.as_bytes());
        hasher.update(entry.mode.to_le_bytes());
        match &entry.kind {
            EntryKind::Dir => hasher.update(b"d"),
            EntryKind::Symlink(target) => {
                hasher.update(b"l");
                hasher.update(target.as_bytes());
            }
            EntryKind::HardLink(target) => {
                hasher.update(b"h");
                hasher.update(target.as_bytes());
            }
            EntryKind::Data(bytes) => {
                hasher.update(b"f");
                hasher.update(bytes);
            }
            EntryKind::Archive { file, .. } | EntryKind::Downloaded { file, .. } => {
                hasher.update(if matches!(entry.kind, EntryKind::Archive { .. }) {
                    b"a"
                } else {
                    b"f"
                });
                io::copy(&mut from_start(file)?, &mut HashWriter(&mut hasher))?;
            }
            EntryKind::File { dir, name, .. } => {
                hasher.update(b"f");
                io::copy(&mut open_file_at(dir, name)?, &mut HashWriter(&mut hasher))?;
            }
        }
        hasher.update([0]);
    }
    Ok(hex::encode(hasher.finalize()))
}

struct HashWriter<'a>(&'a mut Sha256);

impl Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes `entries` as a tar stream (paths from the container's root),
/// preceded by `parents`: directories to make first.
pub fn write_tar<W: Write>(
    out: W,
    parents: &[String],
    entries: &[Entry],
    attributes: Attributes,
    scratch: &Path,
) -> io::Result<W> {
    let mut builder = tar::Builder::new(out);
    let header = |kind: tar::EntryType, mode: u32, mtime: i64| {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(kind);
        header.set_mode(mode);
        header.set_uid(attributes.owner.0.into());
        header.set_gid(attributes.owner.1.into());
        header.set_mtime(mtime.max(0) as u64);
        header.set_size(0);
        header
    };
    for parent in parents {
        let mut header = header(tar::EntryType::Directory, 0o755, 0);
        builder.append_data(&mut header, parent, io::empty())?;
    }
    for entry in entries {
        let mode = attributes.mode.unwrap_or(entry.mode);
        match &entry.kind {
            EntryKind::Dir => {
                let mut header = header(tar::EntryType::Directory, mode, entry.mtime);
                builder.append_data(&mut header, &entry.dest, io::empty())?;
            }
            EntryKind::Symlink(target) => {
                let mut header = header(tar::EntryType::Symlink, 0o777, entry.mtime);
                builder.append_link(&mut header, &entry.dest, target)?;
            }
            EntryKind::HardLink(target) => {
                let mut header = header(tar::EntryType::Link, mode, entry.mtime);
                builder.append_link(&mut header, &entry.dest, target)?;
            }
            EntryKind::Archive { file, format } => {
                // Unpacked into `/`: the root is there already.
                if !entry.dest.is_empty() {
                    let mut dir = header(tar::EntryType::Directory, 0o755, entry.mtime);
                    builder.append_data(&mut dir, &entry.dest, io::empty())?;
                }
                unpack(&mut builder, format.reader(file, scratch)?, &entry.dest)?;
            }
            EntryKind::Data(bytes) => {
                let mut header = header(tar::EntryType::Regular, mode, entry.mtime);
                header.set_size(bytes.len() as u64);
                builder.append_data(&mut header, &entry.dest, bytes.as_slice())?;
            }
            EntryKind::Downloaded { file, size } => {
                let mut header = header(tar::EntryType::Regular, mode, entry.mtime);
                header.set_size(*size);
                builder.append_data(&mut header, &entry.dest, from_start(file)?.take(*size))?;
            }
            EntryKind::File { dir, name, size } => {
                let mut header = header(tar::EntryType::Regular, mode, entry.mtime);
                header.set_size(*size);
                let file = open_file_at(dir, name)?;
                // A file that changed size since it was looked at is cut or
                // padded to the size the header says.
                let mut reader = file.take(*size).chain(io::repeat(0)).take(*size);
                builder.append_data(&mut header, &entry.dest, &mut reader)?;
            }
        }
    }
    builder.into_inner()
}

/// Writes the entries of the archive `input` below `dest`: names (and hard
/// link targets) cleaned and put under it, everything else as the archive
/// has it. The extractor then keeps every name inside the container.
fn unpack<W: Write>(builder: &mut tar::Builder<W>, input: impl Read, dest: &str) -> io::Result<()> {
    let mut archive = tar::Archive::new(input);
    for item in archive.entries()? {
        let mut item = item?;
        let kind = item.header().entry_type();
        if !(kind.is_file() || kind.is_dir() || kind.is_symlink() || kind.is_hard_link()) {
            continue;
        }
        let name = clean(&String::from_utf8_lossy(&item.path_bytes()));
        if name.is_empty() {
            continue;
        }
        let path = join(dest, &name);
        let mut header = item.header().clone();
        if kind.is_hard_link() || kind.is_symlink() {
            let target = item
                .link_name_bytes()
                .map(|t| String::from_utf8_lossy(&t).into_owned());
            let Some(target) = target else { continue };
            let target = if kind.is_hard_link() {
                join(dest, &clean(&target))
            } else {
                target
            };
            builder.append_link(&mut header, &path, target)?;
        } else {
            builder.append_data(&mut header, &path, &mut item)?;
        }
    }
    Ok(())
}

/// `file` read from its start (a clone shares the offset, which an
/// earlier read moved).
fn from_start(file: &File) -> io::Result<File> {
    let mut file = file.try_clone()?;
    io::Seek::rewind(&mut file)?;
    Ok(file)
}

/// A scratch file in `dir` (the store's work area), gone once closed.
pub fn scratch_file(dir: &Path) -> io::Result<File> {
    std::fs::create_dir_all(dir)?;
    let flags = OFlag::O_TMPFILE | OFlag::O_RDWR | OFlag::O_CLOEXEC;
    let fd = nix::fcntl::open(dir, flags, Mode::from_bits_truncate(0o600))?;
    Ok(File::from(fd))
}
