//! `rcon cp`: files between a container and the host, between two
//! containers, or from/to a tar stream, with Podman's path rules: a
//! directory is copied *into* an existing directory (or *as* a missing one),
//! `DIR/.` copies what the directory holds, a file goes into an existing
//! directory or replaces/creates the named file, and a directory never
//! replaces a file or the reverse (unless `--overwrite`). A path in a
//! container is taken from its working directory when relative, and a
//! symlink at its end is followed (inside the container) as Podman does.
//!
//! **No escape.** Every path inside the container is resolved from its root
//! with `openat2(RESOLVE_IN_ROOT)` ([`Root`]): a symlink in the container —
//! `/target -> /etc`, `-> ../../..`, or to a host path — is followed the way
//! the container itself would follow it and never leads to a host path.
//! Symlinks inside a copied tree are copied as symlinks, and what is copied
//! in is extracted by `extract_plain`, which resolves every entry the same
//! way and creates names without following them. What is copied to the host
//! is extracted the same way below the destination directory, so nothing in
//! the container's tree can send a write elsewhere on the host either.
//!
//! **Mounts.** A running container is reached through its own view, mounts
//! included. A container that does not run has its storage mounted alone:
//! a path below one of its volumes or bind mounts is then taken in that
//! volume's (or bind source's) directory instead, resolved inside it as its
//! own root, so the copy lands where the container will see it.
//!
//! Both sides meet through a pipe: a thread writes the tar stream
//! ([`Packer`]) while this one extracts it; the thread is started only after
//! both sides' files are open (opening may fork a FUSE server).

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, openat, readlinkat};
use nix::sys::stat::{Mode, fstatat};

use super::Error;
use super::files::{self, Access, Files};
use super::lifecycle::Lifecycle;
use super::mounts::MountKind;
use super::store::ContainerRecord;
use crate::image::layer::{decompressor, sniff_media_type};
use crate::process::SingleThreaded;
use crate::runtime::keep_id::IdMappings;
use crate::runtime::passwd;
use crate::storage::extract::{
    ExtractOptions, Ownership, Root, clean, extract_plain, extract_plain_over,
};
use crate::storage::pack::Packer;

/// How many symlinks a path may go through at its end (Linux's limit).
const MAX_SYMLINKS: usize = 40;

/// One end of a copy, as the user named it.
#[derive(Debug, Clone, Copy)]
pub enum End<'a> {
    /// A host path (the user's own: followed as the shell would).
    Host(&'a str),
    /// `-`: a tar stream on standard input (source) or output (destination).
    Stream,
    /// A path in a container, absolute or from its working directory.
    Container {
        record: &'a ContainerRecord,
        path: &'a str,
    },
}

/// Podman's `cp` options.
#[derive(Debug, Clone, Copy)]
pub struct CopyOptions {
    /// `--archive` (Podman's default): what lands in a container belongs to
    /// the container's user; without it, to the owners the source gives.
    pub archive: bool,
    /// `--overwrite`: a directory may replace a non-directory or the reverse.
    pub overwrite: bool,
}

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

    /// The path inside a container whose working directory is `workdir`,
    /// normalised from its root.
    fn in_container(given: &str, workdir: &str) -> CpPath {
        let mut path = CpPath::new(given);
        let absolute = Path::new("/").join(workdir).join(given);
        path.path = PathBuf::from(std::ffi::OsStr::from_bytes(&clean(&absolute)));
        path
    }

    /// The same ending, at another path (where a symlink led).
    fn at(&self, path: PathBuf) -> CpPath {
        CpPath {
            path,
            ..self.clone()
        }
    }

    /// The last component (none for a root).
    fn name(&self) -> Option<&std::ffi::OsStr> {
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
    fn pack<W: Write>(
        &self,
        packer: &mut Packer<W>,
        name: Option<&std::ffi::OsStr>,
    ) -> io::Result<()> {
        match (self, name) {
            (
                Source::Named {
                    parent, name: own, ..
                },
                name,
            ) => packer.append(parent, own, Path::new(name.unwrap_or(own)), true),
            // A directory's contents into a missing directory: the directory, renamed.
            (Source::Contents(dir), Some(name)) => {
                packer.append(dir, std::ffi::OsStr::new("."), Path::new(name), true)
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

/// Podman's rules: where a source lands, given what the destination is
/// (`Some(true)` a directory, `Some(false)` something else, `None` missing);
/// `missing` is the error for a directory (`DIR/`) that does not exist.
fn landing(
    source_dir: bool,
    dest: &CpPath,
    exists: Option<bool>,
    missing: impl FnOnce() -> Error,
) -> Result<Landing, Error> {
    match (source_dir, exists) {
        (true, Some(false)) => Err(Error::Invalid(
            "destination must be a directory when copying a directory".to_string(),
        )),
        (false, None) if dest.dir => Err(missing()),
        (_, Some(true)) => Ok(Landing {
            dir: dest.path.clone(),
            name: None,
        }),
        // Beside what is there (replaced) or in its place, under its name.
        _ => Ok(Landing {
            dir: dest.parent().to_path_buf(),
            name: dest.name().map(std::ffi::OsStr::to_os_string),
        }),
    }
}

/// Copies `from` to `to`: at least one of them a container. `input` is read
/// when `from` is [`End::Stream`], `out` written when `to` is.
pub fn copy(
    lifecycle: &Lifecycle,
    from: End<'_>,
    to: End<'_>,
    input: impl Read + Send + 'static,
    out: impl Write,
    opts: CopyOptions,
    single: &SingleThreaded,
) -> Result<(), Error> {
    // Both sides are opened (FUSE servers forked) before any thread starts.
    let (source, source_files) = match from {
        End::Host(path) => (Some(open_on_host(&CpPath::new(path))?), None),
        End::Stream => (None, None),
        End::Container { record, path } => {
            let files = ContainerFiles::open(lifecycle, record, Access::Read, single)?;
            (Some(files.open_source(path)?), Some(files))
        }
    };
    let owner_map = match from {
        End::Container { record, .. } => files::owner_map(record),
        _ => None,
    };
    let dest_files = match to {
        End::Container { record, .. } => Some(ContainerFiles::open(
            lifecycle,
            record,
            Access::Write,
            single,
        )?),
        _ => None,
    };
    let (root, base, landing_name, ownership, what) = match (to, &dest_files) {
        (End::Stream, _) => {
            let source = source.ok_or_else(|| {
                Error::Invalid("one of SRC and DEST must be a path in a container".to_string())
            })?;
            let mut packer = Packer::new(out);
            if let Some(map) = owner_map {
                packer.map_owners(map);
            }
            let fail = |e| source_error(source_files.as_ref(), e);
            return source
                .pack(&mut packer, None)
                .and_then(|()| packer.finish())
                .and_then(|mut out| out.flush())
                .map_err(fail);
        }
        (End::Host(path), _) => {
            let to = CpPath::new(path);
            let exists = host_kind(&to)?;
            let Some(source) = &source else {
                unreachable!("the command line refuses a stream copied to the host")
            };
            let landing = landing(source.is_dir(), &to, exists, || {
                Error::Invalid(format!("\"{}\" could not be found on the host", to.given))
            })?;
            let dir = if landing.dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                landing.dir
            };
            let host = File::open(&dir).map_err(|e| host_error(&dir.display().to_string(), e))?;
            (
                host,
                PathBuf::new(),
                landing.name,
                Ownership::Squash,
                "copying to the host".to_string(),
            )
        }
        (End::Container { path, record }, Some(files)) => {
            let place = files.destination(path, source.is_none())?;
            let landing = match &source {
                None => Landing {
                    dir: place.path.path.clone(),
                    name: None,
                },
                Some(source) => landing(source.is_dir(), &place.path, place.exists, || {
                    not_found(record, &place.path.given, Errno::ENOENT)
                })?,
            };
            let ownership = if opts.archive {
                files.user_ownership()?
            } else {
                Ownership::Keep
            };
            let root = place
                .root
                .as_file()
                .try_clone()
                .map_err(|e| copy_error(record, "copying into", e))?;
            (
                root,
                landing.dir,
                landing.name,
                ownership,
                format!("copying into container {}", record.name),
            )
        }
        (End::Container { .. }, None) => unreachable!("opened above"),
    };
    let extract_opts = ExtractOptions { ownership };
    let fail = |e| Error::Files {
        what: what.clone(),
        source: e,
    };
    let Some(source) = source else {
        let tar = tar_from_stdin(input)?;
        return extract_plain_over(tar, root, &base, &extract_opts, opts.overwrite)
            .map(drop)
            .map_err(|e| fail(io::Error::other(e)));
    };
    let result = through_pipe(
        move |pipe| {
            let mut packer = Packer::new(pipe);
            if let Some(map) = owner_map {
                packer.map_owners(map);
            }
            source.pack(&mut packer, landing_name.as_deref())?;
            packer.finish().map(drop)
        },
        |pipe| extract_plain_over(pipe, root, &base, &extract_opts, opts.overwrite).map(drop),
    )
    .map_err(fail);
    drop((source_files, dest_files));
    result
}

/// A container's files, open for one side of a copy.
struct ContainerFiles<'r> {
    record: &'r ContainerRecord,
    files: Files,
    root: Root,
}

/// Where a path in a container leads: the root it resolves in, the path
/// there (a symlink at its end followed), and whether it exists as a
/// directory (`Some(true)`), as something else, or not at all.
struct Place {
    root: Root,
    path: CpPath,
    exists: Option<bool>,
}

impl<'r> ContainerFiles<'r> {
    fn open(
        lifecycle: &Lifecycle,
        record: &'r ContainerRecord,
        access: Access,
        single: &SingleThreaded,
    ) -> Result<ContainerFiles<'r>, Error> {
        let files = files::open(lifecycle, record, access, single)?;
        let root = root_of(files.root(), record)?;
        Ok(ContainerFiles {
            record,
            files,
            root,
        })
    }

    /// `given` from the container's root: a relative one from its working directory.
    fn path(&self, given: &str) -> CpPath {
        CpPath::in_container(given, &self.record.config.working_dir)
    }

    /// The root `path` (normalised) lies in, and the path in that root:
    /// the container's own, or for a container that does not run, the
    /// directory of the volume or bind mount that holds `path`.
    fn locate(&self, path: &Path, write: bool) -> Result<(Root, PathBuf), Error> {
        let record = self.record;
        let holding = (!self.files.live)
            .then(|| {
                record
                    .config
                    .mounts
                    .iter()
                    .filter(|m| matches!(m.kind, MountKind::Bind | MountKind::Volume))
                    .filter_map(|m| {
                        let dest = Path::new(&m.destination).strip_prefix("/").ok()?;
                        Some((m, path.strip_prefix(dest).ok()?))
                    })
                    .max_by_key(|(m, _)| m.destination.len())
            })
            .flatten();
        let Some((mount, rest)) = holding else {
            return Ok((root_of(self.files.root(), record)?, path.to_path_buf()));
        };
        if write && mount.read_only {
            return Err(Error::Invalid(format!(
                "{} in container {} is on a read-only mount",
                mount.destination, record.name
            )));
        }
        let source = Path::new(&mount.source);
        // A file bound at the path itself: its directory as the root, the
        // file by its name.
        let file_bind =
            rest.as_os_str().is_empty() && fs::metadata(source).is_ok_and(|m| !m.is_dir());
        let (dir, rest) = match (file_bind, source.parent(), source.file_name()) {
            (true, Some(parent), Some(name)) => (parent, PathBuf::from(name)),
            _ => (source, rest.to_path_buf()),
        };
        let dir = File::open(dir).map_err(|e| Error::Files {
            what: format!(
                "opening {} (mounted at {} in container {})",
                mount.source, mount.destination, record.name
            ),
            source: e,
        })?;
        Ok((root_of(&dir, record)?, rest))
    }

    /// Opens what `given` names to be copied out: a symlink at its end is
    /// followed inside the container.
    fn open_source(&self, given: &str) -> Result<Source, Error> {
        let from = self.path(given);
        let fail = |errno| not_found(self.record, given, errno);
        let (root, path) = self.locate(&from.path, false)?;
        let path = follow(&root, &path).map_err(fail)?;
        let dir = root.open_path(&path);
        if from.contents {
            return dir.map(Source::Contents).map_err(fail);
        }
        let Some(name) = path.file_name() else {
            return dir.map(Source::Contents).map_err(fail);
        };
        let parent = root
            .open_path(path.parent().unwrap_or(Path::new("")))
            .map_err(fail)?;
        let st = fstatat(&parent, name, AtFlags::AT_SYMLINK_NOFOLLOW).map_err(fail)?;
        let is_dir = st.st_mode & libc::S_IFMT == libc::S_IFDIR;
        if from.dir && !is_dir {
            return Err(fail(Errno::ENOTDIR));
        }
        Ok(Source::Named {
            parent,
            name: name.to_os_string(),
            dir: is_dir,
        })
    }

    /// Where `given` leads as a destination; `stream`: a tar stream is
    /// copied there, which needs an existing directory.
    fn destination(&self, given: &str, stream: bool) -> Result<Place, Error> {
        let to = self.path(given);
        let fail = |errno| not_found(self.record, given, errno);
        let (root, path) = self.locate(&to.path, true)?;
        let path = follow(&root, &path).map_err(fail)?;
        let exists = match path.file_name() {
            None => Some(true),
            Some(name) => {
                let parent = root
                    .open_path(path.parent().unwrap_or(Path::new("")))
                    .map_err(fail)?;
                match fstatat(&parent, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
                    Ok(st) => Some(st.st_mode & libc::S_IFMT == libc::S_IFDIR),
                    Err(Errno::ENOENT) => None,
                    Err(errno) => return Err(fail(errno)),
                }
            }
        };
        if stream && exists != Some(true) {
            return Err(Error::Invalid(
                "destination must be a directory when copying from stdin".to_string(),
            ));
        }
        Ok(Place {
            root,
            path: to.at(path),
            exists,
        })
    }

    /// What `--archive` gives copied files: the container's user and its
    /// primary group, as rcon's namespace stores them.
    fn user_ownership(&self) -> Result<Ownership, Error> {
        let config = &self.record.config;
        let spec = passwd::parse_user_spec(&config.user)?;
        let user = passwd::resolve_user(
            &spec,
            &[],
            read_in_root(&self.root, "etc", "passwd").as_deref(),
            read_in_root(&self.root, "etc", "group").as_deref(),
        )?;
        let (uid, gid) = match &config.keep_id {
            None => (user.uid, user.gid),
            Some(keep) => IdMappings::keep_id(keep.uid, keep.gid)
                .outside(user.uid, user.gid)
                .ok_or_else(|| {
                    Error::Invalid(format!(
                        "the user {}:{} of container {} is not mapped in its user namespace",
                        user.uid, user.gid, self.record.name
                    ))
                })?,
        };
        Ok(Ownership::Fixed(uid, gid))
    }
}

/// The file `dir/name` in `root`, if it is there (the last component
/// never followed).
fn read_in_root(root: &Root, dir: &str, name: &str) -> Option<Vec<u8>> {
    let dir = root.open_path(Path::new(dir)).ok()?;
    let fd = openat(
        &dir,
        name,
        OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
    .ok()?;
    let mut bytes = Vec::new();
    File::from(fd).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// `path` (normalised, from `root`) with symlinks at its end followed inside
/// `root`, as the container would follow them: what they lead to, which may
/// be missing (its directory must exist).
fn follow(root: &Root, path: &Path) -> Result<PathBuf, Errno> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_SYMLINKS {
        let Some(name) = path.file_name() else {
            return Ok(path);
        };
        let dir = path.parent().unwrap_or(Path::new(""));
        let parent = root.open_path(dir)?;
        match readlinkat(&parent, name) {
            Ok(target) => {
                let next = Path::new("/").join(dir).join(target);
                path = PathBuf::from(std::ffi::OsStr::from_bytes(&clean(&next)));
            }
            Err(Errno::EINVAL | Errno::ENOENT) => return Ok(path),
            Err(errno) => return Err(errno),
        }
    }
    Err(Errno::ELOOP)
}

/// Extracts the tar stream `make` gives below the container's root (`make`
/// gets the root first, to look at what is there). `keep_owners`: the
/// stream's owners are kept, else everything belongs to the container's
/// root. The stream is extracted as `cp` does: resolved inside the root,
/// nothing followed out of it.
pub fn extract_into<R: Read>(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    keep_owners: bool,
    make: impl FnOnce(&Root) -> Result<R, Error>,
    single: &SingleThreaded,
) -> Result<(), Error> {
    let files = files::open(lifecycle, record, Access::Write, single)?;
    let root = root_of(files.root(), record)?;
    let input = make(&root)?;
    let target = files
        .root()
        .try_clone()
        .map_err(|e| copy_error(record, "copying into", e))?;
    let opts = ExtractOptions {
        ownership: if keep_owners {
            Ownership::Keep
        } else {
            Ownership::Squash
        },
    };
    extract_plain(input, target, Path::new(""), &opts)
        .map(drop)
        .map_err(|e| copy_error(record, "copying into", io::Error::other(e)))
}

/// The container's root (or a directory mounted in it) as a [`Root`],
/// mounts below it crossable (a running container's volumes).
fn root_of(dir: &File, record: &ContainerRecord) -> Result<Root, Error> {
    dir.try_clone()
        .and_then(|dir| Root::with_dir(dir, true))
        .map_err(|e| copy_error(record, "opening the files of", e))
}

/// What the host path `to` is: `Some(true)` a directory, `Some(false)` a
/// regular file, `None` missing; anything else cannot take a copy.
fn host_kind(to: &CpPath) -> Result<Option<bool>, Error> {
    match fs::metadata(&to.path) {
        Ok(meta) if meta.is_dir() => Ok(Some(true)),
        Ok(meta) if meta.is_file() => Ok(Some(false)),
        Ok(_) => Err(Error::Invalid(format!(
            "invalid destination: \"{}\" must be a directory or a regular file",
            to.given
        ))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(host_error(&to.given, e)),
    }
}

/// Opens the host path `from` (the user's own: followed as the shell would,
/// except a final symlink, which is copied as a symlink).
fn open_on_host(from: &CpPath) -> Result<Source, Error> {
    let fail = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => Error::Invalid(format!(
            "\"{}\" could not be found on the host: no such file or directory",
            from.given
        )),
        _ => host_error(&from.given, e),
    };
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

/// Standard input as a tar stream, decompressed when it is gzip or zstd;
/// refused unless it starts with a tar header.
fn tar_from_stdin(input: impl Read + Send + 'static) -> Result<impl Read, Error> {
    let not_tar = || {
        Error::Invalid("source must be a (compressed) tar archive when copying from stdin".into())
    };
    let read_error = |e| Error::Files {
        what: "reading the tar stream from standard input".to_string(),
        source: e,
    };
    let mut buffered = BufReader::new(input);
    let head = buffered.fill_buf().map_err(read_error)?;
    let media_type = sniff_media_type(head);
    let mut tar = decompressor(media_type, buffered).map_err(|_| not_tar())?;
    let mut header = [0u8; 512];
    let mut filled = 0;
    while filled < header.len() {
        match tar.read(&mut header[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(not_tar()),
        }
    }
    if filled < header.len() || !tar_checksum_matches(&header) {
        return Err(not_tar());
    }
    Ok(io::Cursor::new(header).chain(tar))
}

/// Whether a 512-byte block is a tar header: its checksum field holds the
/// sum of its bytes, the field itself counted as spaces.
fn tar_checksum_matches(block: &[u8; 512]) -> bool {
    let field = &block[148..156];
    let digits: String = field
        .iter()
        .map(|&b| b as char)
        .filter(|c| c.is_ascii_digit())
        .collect();
    let Ok(stored) = u32::from_str_radix(&digits, 8) else {
        return false;
    };
    let sum: u32 = block
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if (148..156).contains(&i) {
                32
            } else {
                u32::from(b)
            }
        })
        .sum();
    stored == sum
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

/// Podman's message for a path missing in a container (Go's lower-case errno text).
fn not_found(record: &ContainerRecord, given: &str, errno: Errno) -> Error {
    let desc = errno.desc();
    let mut text = desc[..1].to_lowercase();
    text.push_str(&desc[1..]);
    Error::Invalid(format!(
        "\"{given}\" could not be found on container {}: {text}",
        record.name
    ))
}

fn host_error(path: &str, e: io::Error) -> Error {
    Error::Files {
        what: path.to_string(),
        source: e,
    }
}

fn source_error(files: Option<&ContainerFiles<'_>>, source: io::Error) -> Error {
    match files {
        Some(files) => copy_error(files.record, "copying out of", source),
        None => host_error("copying to standard output", source),
    }
}

fn copy_error(record: &ContainerRecord, what: &str, source: io::Error) -> Error {
    Error::Files {
        what: format!("{what} container {}", record.name),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_paths_are_taken_from_the_working_directory() {
        let p = CpPath::in_container("sub/f", "/srv");
        assert_eq!(p.path, Path::new("srv/sub/f"));
        let p = CpPath::in_container(".", "/srv");
        assert_eq!((p.path.as_path(), p.contents), (Path::new("srv"), true));
        let p = CpPath::in_container("/tmp/", "/srv");
        assert_eq!((p.path.as_path(), p.dir), (Path::new("tmp"), true));
        let p = CpPath::in_container("../../x", "");
        assert_eq!(p.path, Path::new("x"));
    }

    #[test]
    fn only_tar_headers_pass_the_checksum() {
        let mut header = tar::Header::new_ustar();
        header.set_path("a.txt").unwrap();
        header.set_size(0);
        header.set_cksum();
        assert!(tar_checksum_matches(header.as_bytes()));
        let mut text = [b'x'; 512];
        text[..5].copy_from_slice(b"hello");
        assert!(!tar_checksum_matches(&text));
        assert!(!tar_checksum_matches(&[0u8; 512]));
    }
}
