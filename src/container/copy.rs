//! `rcon cp`: files between a container and the host (or a tar stream), with
//! Docker's path rules: a directory is copied *into* an existing directory
//! (or *as* a missing one), `DIR/.` copies what the directory holds, a file
//! goes into an existing directory or replaces/creates the named file, and
//! a directory never replaces a file or the reverse.
//!
//! **No escape.** Every path inside the container is resolved from its root
//! with `openat2(RESOLVE_IN_ROOT)` ([`Root`]): a symlink in the container —
//! `/target -> /etc`, `-> ../../..`, or to a host path — is followed the way
//! the container itself would follow it and never leads to a host path. The
//! final component is never followed when copying out (a symlink is copied as
//! a symlink), and what is copied in is extracted by `extract_plain`, which
//! resolves every entry the same way and creates names without following
//! them. What is copied to the host is extracted the same way below the
//! destination directory, so nothing in the container's tree can send a
//! write elsewhere on the host either.
//!
//! Both sides meet through a pipe: a thread writes the tar stream
//! ([`Packer`]) while this one extracts it; the thread is started only after
//! the container's files are open (opening may fork a FUSE server).

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::AtFlags;
use nix::sys::stat::fstatat;

use super::Error;
use super::files::{self, Access};
use super::lifecycle::Lifecycle;
use super::store::ContainerRecord;
use crate::process::SingleThreaded;
use crate::storage::extract::{ExtractOptions, Ownership, Root, clean, extract_plain};
use crate::storage::pack::Packer;

/// A path as `cp` reads it: where it leads, and what its ending asks.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CpPath {
    /// The path as given.
    given: String,
    /// Normalised from the root (container side) or as given (host side).
    path: PathBuf,
    /// Ends in `/.`: what the directory holds, not the directory.
    contents: bool,
    /// Ends in `/`: must be a directory.
    dir: bool,
}

impl CpPath {
    fn new(given: &str) -> CpPath {
        let contents = given == "." || given.ends_with("/.");
        CpPath {
            given: given.to_string(),
            path: PathBuf::from(given),
            contents,
            dir: contents || given.ends_with('/'),
        }
    }

    /// The path inside a container, normalised from its root.
    fn in_container(given: &str) -> CpPath {
        let mut path = CpPath::new(given);
        path.path = PathBuf::from(OsStr::from_bytes(&clean(Path::new(given))));
        path
    }

    /// The last component (none for a root).
    fn name(&self) -> Option<&OsStr> {
        self.path.file_name()
    }

    fn parent(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new(""))
    }
}

/// What is copied, opened.
enum Source {
    /// `name` in the directory `parent`; `dir`: whether it is a directory.
    Named {
        parent: File,
        name: OsString,
        dir: bool,
    },
    /// What the directory holds (`DIR/.`, or a container's `/`).
    Contents(File),
}

impl Source {
    fn is_dir(&self) -> bool {
        match self {
            Source::Named { dir, .. } => *dir,
            Source::Contents(_) => true,
        }
    }

    /// Writes it as a tar stream, named `name` (by default, its own name;
    /// contents as they are, at the top).
    fn pack<W: Write>(&self, packer: &mut Packer<W>, name: Option<&OsStr>) -> io::Result<()> {
        match (self, name) {
            (
                Source::Named {
                    parent, name: own, ..
                },
                name,
            ) => packer.append(parent, own, Path::new(name.unwrap_or(own)), true),
            // A directory's contents into a missing directory: the directory, renamed.
            (Source::Contents(dir), Some(name)) => {
                packer.append(dir, OsStr::new("."), Path::new(name), true)
            }
            (Source::Contents(dir), None) => packer.append_contents(dir, Path::new("")),
        }
    }
}

/// Where a copy lands: the directory to extract into, and the name the
/// source takes there (`None`: its own name, or its contents as they are).
struct Landing {
    dir: PathBuf,
    name: Option<OsString>,
}

/// Docker's rules: where a source lands, given what the destination is
/// (`Some(true)` a directory, `Some(false)` something else, `None` missing).
fn landing(source_dir: bool, dest: &CpPath, exists: Option<bool>) -> Result<Landing, Error> {
    match (source_dir, exists) {
        (true, Some(false)) => Err(Error::Invalid(format!(
            "cannot copy a directory onto {}, which is not a directory",
            dest.given
        ))),
        (false, None) if dest.dir => Err(Error::Invalid(format!(
            "destination directory {} does not exist",
            dest.given
        ))),
        (_, Some(true)) => Ok(Landing {
            dir: dest.path.clone(),
            name: None,
        }),
        // Beside what is there (replaced) or in its place, under its name.
        _ => Ok(Landing {
            dir: dest.parent().to_path_buf(),
            name: dest.name().map(OsStr::to_os_string),
        }),
    }
}

/// Copies `path` out of the container to the host path `dest`, or as a tar
/// stream to `out` when `dest` is `None`.
pub fn copy_out(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    path: &str,
    dest: Option<&str>,
    out: impl Write,
    single: &SingleThreaded,
) -> Result<(), Error> {
    let files = files::open(lifecycle, record, Access::Read, single)?;
    let root = container_root(files.root(), record)?;
    let from = CpPath::in_container(path);
    let source = open_in_container(&root, &from, record)?;
    let fail = |source| copy_error(record, "copying out of", source);
    let Some(dest) = dest else {
        let mut packer = Packer::new(out);
        if let Some(map) = files::owner_map(record) {
            packer.map_owners(map);
        }
        return source
            .pack(&mut packer, None)
            .and_then(|()| packer.finish())
            .and_then(|mut out| out.flush())
            .map_err(fail);
    };
    let to = CpPath::new(dest);
    let exists = match fs::metadata(&to.path) {
        Ok(meta) => Some(meta.is_dir()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(host_error(&to.given, e)),
    };
    let landing = landing(source.is_dir(), &to, exists)?;
    let dir = if landing.dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        landing.dir.clone()
    };
    let host = File::open(&dir).map_err(|e| host_error(&dir.display().to_string(), e))?;
    let opts = ExtractOptions {
        ownership: Ownership::Squash,
    };
    through_pipe(
        move |pipe| {
            let mut packer = Packer::new(pipe);
            source.pack(&mut packer, landing.name.as_deref())?;
            packer.finish().map(drop)
        },
        |pipe| extract_plain(pipe, host, Path::new(""), &opts).map(drop),
    )
    .map_err(fail)
}

/// Copies the host path `source` (or a tar stream from `input` when it is
/// `None`) into the container at `path`. `archive`: keep the owners the
/// files have (as rcon's namespace sees them, or as the tar stream says);
/// otherwise everything belongs to the container's root.
pub fn copy_in(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    source: Option<&str>,
    input: impl Read + Send + 'static,
    path: &str,
    archive: bool,
    single: &SingleThreaded,
) -> Result<(), Error> {
    let opened = source.map(|s| open_on_host(&CpPath::new(s))).transpose()?;
    let files = files::open(lifecycle, record, Access::Write, single)?;
    let root = container_root(files.root(), record)?;
    let to = CpPath::in_container(path);
    let exists = match root.open_path(&to.path) {
        Ok(_) => Some(true),
        Err(Errno::ENOTDIR) if to.name().is_some() => {
            root.open_path(to.parent())
                .map_err(|errno| missing(record, &to.given, errno))?;
            Some(false)
        }
        Err(Errno::ENOENT) if to.name().is_some() => {
            root.open_path(to.parent())
                .map_err(|errno| missing(record, &to.given, errno))?;
            None
        }
        Err(errno) => return Err(missing(record, &to.given, errno)),
    };
    let opts = ExtractOptions {
        ownership: if archive {
            Ownership::Keep
        } else {
            Ownership::Squash
        },
    };
    let target = files
        .root()
        .try_clone()
        .map_err(|e| copy_error(record, "copying into", e))?;
    let fail = |source| copy_error(record, "copying into", source);
    let Some(source) = opened else {
        if exists != Some(true) {
            return Err(Error::Invalid(format!(
                "{} in container {} is not a directory: a tar stream is copied into an existing directory",
                to.given, record.name
            )));
        }
        return extract_plain(input, target, &to.path, &opts)
            .map(drop)
            .map_err(|e| fail(io::Error::other(e)));
    };
    let landing = landing(source.is_dir(), &to, exists)?;
    through_pipe(
        move |pipe| {
            let mut packer = Packer::new(pipe);
            source.pack(&mut packer, landing.name.as_deref())?;
            packer.finish().map(drop)
        },
        |pipe| extract_plain(pipe, target, &landing.dir, &opts).map(drop),
    )
    .map_err(fail)
}

/// The container's root as a [`Root`], mounts below it crossable (a running
/// container's volumes).
fn container_root(dir: &File, record: &ContainerRecord) -> Result<Root, Error> {
    dir.try_clone()
        .and_then(|dir| Root::with_dir(dir, true))
        .map_err(|e| copy_error(record, "opening the files of", e))
}

/// Opens what `from` names inside the container: its directory resolved
/// inside the root, the last component not followed (unless the path ends
/// in `/` or `/.`, which asks for the directory it leads to).
fn open_in_container(
    root: &Root,
    from: &CpPath,
    record: &ContainerRecord,
) -> Result<Source, Error> {
    let fail = |errno| missing(record, &from.given, errno);
    let Some(name) = from.name().filter(|_| !from.dir) else {
        let dir = root.open_path(&from.path).map_err(fail)?;
        return Ok(match from.name().filter(|_| !from.contents) {
            Some(name) => Source::Named {
                parent: root.open_path(from.parent()).map_err(fail)?,
                name: name.to_os_string(),
                dir: true,
            },
            None => Source::Contents(dir),
        });
    };
    let parent = root.open_path(from.parent()).map_err(fail)?;
    let st = fstatat(&parent, name, AtFlags::AT_SYMLINK_NOFOLLOW).map_err(fail)?;
    Ok(Source::Named {
        parent,
        name: name.to_os_string(),
        dir: st.st_mode & libc::S_IFMT == libc::S_IFDIR,
    })
}

/// Opens the host path `from` (the user's own: followed as the shell would,
/// except a final symlink, which is copied as a symlink).
fn open_on_host(from: &CpPath) -> Result<Source, Error> {
    let fail = |e| host_error(&from.given, e);
    if from.contents {
        return File::open(&from.path).map(Source::Contents).map_err(fail);
    }
    let meta = if from.dir {
        fs::metadata(&from.path)
    } else {
        fs::symlink_metadata(&from.path)
    }
    .map_err(fail)?;
    let absolute = std::path::absolute(&from.path).map_err(fail)?;
    let name = absolute.file_name().ok_or_else(|| {
        Error::Invalid(format!("{}: name a file or directory to copy", from.given))
    })?;
    let parent = absolute.parent().unwrap_or(Path::new("/"));
    Ok(Source::Named {
        parent: File::open(parent).map_err(fail)?,
        name: name.to_os_string(),
        dir: meta.is_dir(),
    })
}

/// Runs `write` on a thread, feeding a pipe that `read` consumes here. The
/// first error wins (a reader that stops early breaks the writer's pipe).
fn through_pipe(
    write: impl FnOnce(File) -> io::Result<()> + Send + 'static,
    read: impl FnOnce(File) -> Result<(), crate::storage::extract::Error>,
) -> io::Result<()> {
    let (reader, writer) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC)?;
    let writer = std::thread::spawn(move || write(File::from(writer)));
    let read_result = read(File::from(reader));
    let write_result = writer
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("the copying thread panicked")));
    match (read_result, write_result) {
        (Err(e), _) => Err(io::Error::other(e)),
        (Ok(()), result) => result,
    }
}

fn missing(record: &ContainerRecord, path: &str, errno: Errno) -> Error {
    Error::Invalid(format!(
        "{path} in container {}: {}",
        record.name,
        errno.desc()
    ))
}

fn host_error(path: &str, e: io::Error) -> Error {
    Error::Files {
        what: path.to_string(),
        source: e,
    }
}

fn copy_error(record: &ContainerRecord, what: &str, source: io::Error) -> Error {
    Error::Files {
        what: format!("{what} container {}", record.name),
        source,
    }
}
