//! Applying one image layer — an uncompressed tar stream — to a fresh
//! directory, safely, in the format kernel overlayfs (with `userxattr`) reads.
//!
//! # Threat model
//!
//! The stream comes straight from a registry and is extracted as it arrives;
//! its digest is only known to be right once the last byte has been read, so
//! until then every entry may be hostile. The caller runs this inside the
//! rootless user namespace, as uid 0 with every capability over the
//! subordinate IDs, so file permissions protect nothing the user owns. The
//! one promise this module makes: **nothing outside `dest` is ever created,
//! written, removed, or has its owner, mode, times or xattrs changed**, and
//! no existing inode is written through — whatever names, symlinks and
//! hardlinks the archive holds. A layer that breaks the rules fails with
//! [`Error::Refused`] (the caller then throws the half-made directory away).
//!
//! # Approach
//!
//! * **Names** are normalised lexically ([`normalise`]): a leading `/` is
//!   dropped (absolute names are relative to the layer, as Docker takes them),
//!   `.` and empty components are dropped, and a `..` component anywhere
//!   refuses the layer, naming the entry. No real layer needs `..`.
//! * **Directories** an entry lands in are opened relative to a descriptor of
//!   `dest` with `openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS |
//!   RESOLVE_NO_XDEV)` (see `resolve.rs`; on kernels without it, the same walk
//!   is done in user space). A symlink planted by an earlier entry is followed
//!   as if `dest` were `/`, as a chrooted `tar` — and Docker, containerd and
//!   Podman — would: after `link -> /etc`, the entry `link/evil` becomes
//!   `dest/etc/evil`; after `link -> ..`, `link/evil` becomes `dest/evil`.
//!   Missing parents are created (0755), one component at a time.
//! * **The final component** is only touched with calls that never follow it:
//!   `mkdirat`, `openat(O_CREAT | O_EXCL | O_NOFOLLOW)`, `symlinkat`, `linkat`
//!   (without `AT_SYMLINK_FOLLOW`), `mknodat`, `unlinkat`, and
//!   `fchownat`/`utimensat` with `AT_SYMLINK_NOFOLLOW`. Mode, owner, times and
//!   xattrs of files, directories and fifos are set through a descriptor
//!   opened with `O_NOFOLLOW` (`fchmod`, `fchown`, `futimens`, `fsetxattr`).
//! * **Every file is created fresh** (`O_EXCL`); an existing path is removed
//!   first (`unlinkat`, or a walk that removes a directory tree inside the
//!   directory that holds it, never following a symlink), so content is never
//!   written into an inode that another name (say, an earlier hardlink) shares.
//! * **Hardlink targets** are normalised and resolved the same way, so a link
//!   can only name an inode already inside `dest`: `../outside` is refused,
//!   `/etc/passwd` means `dest/etc/passwd`, and a target that does not exist
//!   there refuses the layer.
//! * **What the `tar` crate would read into memory** before an entry reaches
//!   this module is watched on the stream below it (see `guard.rs`): a long
//!   name or PAX header over 1 MiB, and any GNU sparse file (tar type `S`,
//!   which could expand a few bytes into terabytes), refuse the archive, as
//!   Go's `archive/tar` and Podman do.
//! * **Size**: [`extract_layer`] takes the most bytes of file content the
//!   layer may write; an entry that would pass it refuses the layer before
//!   its file is created.
//! * Nothing else writes to `dest` meanwhile (it is a private work directory
//!   of the store), so a name just created in a directory held open is still
//!   the thing created when its metadata is set a moment later.
//!
//! # What a layer becomes
//!
//! * Regular files (streamed through one 128 KiB buffer), directories
//!   (reused when one exists), symlinks (targets stored verbatim), hardlinks
//!   (to an earlier entry of this layer; the shared inode keeps the metadata
//!   of its first entry), fifos.
//! * Character and block devices cannot be made without privilege: they are
//!   skipped and listed in [`ExtractReport::skipped_devices`]; the runtime
//!   gives containers their `/dev`. (A 0:0 character device is an overlay
//!   whiteout and is kept.)
//! * Whiteouts in overlay form: `.wh.NAME` becomes a 0:0 character device
//!   `NAME` (allowed without privilege since Linux 5.8); `.wh..wh..opq` in a
//!   directory sets `user.overlay.opaque=y` on it; other `.wh..wh.*` names
//!   (aufs bookkeeping such as `.wh..wh.plnk`) are skipped with what is below them.
//! * Owners: [`Ownership::Keep`] gives each entry the numeric uid/gid of its
//!   header (user and group names are ignored), [`Ownership::Squash`] leaves
//!   everything owned by the extracting process.
//! * Modes with setuid, setgid and sticky bits, set after the owner (a
//!   `chown` clears setuid). Modification times with nanoseconds from a PAX
//!   `mtime` when present; access time = modification time.
//! * Extended attributes from PAX `SCHILY.xattr.*`: `security.capability` and
//!   `user.*` are kept, except `user.overlay.*` (overlay's own metadata, which
//!   only this module may write); everything else (`trusted.*`, SELinux
//!   labels, ACLs) is ignored. Where the kernel refuses a kept one (a
//!   capability without the privilege for it, `user.*` on a symlink), it is
//!   skipped with a debug message.
//! * Directory owners, modes and times are applied after the last entry,
//!   deepest first: adding an entry changes a directory's mtime, and a 0555
//!   directory would refuse later entries. Until then directories are 0700.
//!
//! # Durability
//!
//! Nothing is fsynced here: the store makes the finished layer durable
//! before renaming its directory into place (`storage::durable`).

mod guard;
mod resolve;
#[cfg(test)]
mod tests;

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, openat};
use nix::sys::stat::{
    Mode, SFlag, UtimensatFlags, fchmod, fstat, fstatat, futimens, makedev, mkdirat, mknodat,
    utimensat,
};
use nix::sys::time::TimeSpec;
use nix::unistd::{Gid, Uid, UnlinkatFlags, fchown, fchownat, linkat, symlinkat, unlinkat};
use tar::EntryType;
use xattr::FileExt;

pub use resolve::{Root, clean};

/// The xattr that marks a directory opaque for overlayfs mounted with `userxattr`.
pub const OPAQUE_XATTR: &str = "user.overlay.opaque";

const COPY_BUFFER_SIZE: usize = 128 * 1024;
const WHITEOUT_PREFIX: &[u8] = b".wh.";
const AUFS_META_PREFIX: &[u8] = b".wh..wh.";
const OPAQUE_MARKER: &[u8] = b".wh..wh..opq";
const PAX_XATTR_PREFIX: &[u8] = b"SCHILY.xattr.";

/// Who owns the extracted files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ownership {
    /// Each entry gets the numeric uid/gid of its tar header; needs the full
    /// subordinate-ID mapping.
    #[default]
    Keep,
    /// Everything stays owned by the extracting process (single-ID mapping).
    Squash,
    /// Everything is given to this uid and gid (what `cp` copies into a
    /// container belongs to the container's user, as in Podman).
    Fixed(u32, u32),
}

/// How to extract a layer.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    pub ownership: Ownership,
}

/// What an extraction did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractReport {
    /// Archive members handled, skipped ones included (PAX global headers excluded).
    pub entries: u64,
    /// Bytes of regular-file content written.
    pub bytes: u64,
    /// Character and block devices not created (paths relative to the layer).
    pub skipped_devices: Vec<String>,
    /// With [`Ownership::Squash`]: some entry belonged to another user or
    /// group and was given to the extracting process instead.
    pub squashed_owners: bool,
    /// Where the time went.
    pub timings: ExtractTimings,
    /// The mode of the archive's root entry (`./`), if it had one: the
    /// root directory's, for a layer on top (containers/storage's rule).
    pub root_mode: Option<u32>,
}

/// Where an extraction spent its time, for `--log-level debug`: reading the
/// archive (headers and file content: the decompressor and whatever feeds
/// it), then the filesystem work of each kind of entry, its reads excluded.
/// Two clock reads per entry and per read of file content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractTimings {
    pub read: Duration,
    /// Regular files: create, write, owner, mode, xattrs, times.
    pub files: Duration,
    pub dirs: Duration,
    /// Symlinks and hardlinks.
    pub links: Duration,
    /// Whiteouts, opaque markers and skipped overlay metadata.
    pub whiteouts: Duration,
    /// Fifos and skipped devices.
    pub other: Duration,
    /// Directory owners, modes and times, applied after the last entry.
    pub dir_metadata: Duration,
}

impl std::fmt::Display for ExtractTimings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        write!(
            f,
            "read {:.1} ms, files {:.1} ms, dirs {:.1} ms, links {:.1} ms, whiteouts {:.1} ms, other {:.1} ms, directory metadata {:.1} ms",
            ms(self.read),
            ms(self.files),
            ms(self.dirs),
            ms(self.links),
            ms(self.whiteouts),
            ms(self.other),
            ms(self.dir_metadata)
        )
    }
}

/// Why an archive (an image layer, `cp`'s input) could not be extracted. Entry paths are shown as normalised
/// (relative to the layer), or as found in the archive when refused for their name.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("opening the directory to extract into, {}: {source}", dest.display())]
    Dest { dest: PathBuf, source: io::Error },
    #[error("reading the archive{context}: {source}")]
    Read { context: String, source: io::Error },
    #[error(
        "archive entry {entry:?} refused: {reason}; the archive (an image layer or a copy's input) is malformed or hostile, and nothing outside the directory extracted into was touched"
    )]
    Refused { entry: String, reason: String },
    #[error(
        "archive entry {entry:?} refused: its {size} bytes would take the layer past {limit} bytes, the most one layer may write"
    )]
    TooLarge {
        entry: String,
        size: u64,
        limit: u64,
    },
    #[error("error creating \"/{entry}\": {} is in the way of {} (only an overwriting copy replaces one by the other): file exists", if *.directory { "a directory" } else { "a non-directory" }, if *.directory { "a non-directory" } else { "a directory" })]
    Replace { entry: String, directory: bool },
    #[error("archive entry {entry:?}: {what}: {source}")]
    Io {
        entry: String,
        what: &'static str,
        source: io::Error,
    },
    #[error(
        "layer entry {entry:?}: giving it to owner {uid}:{gid}: {source}; the user namespace must map these IDs (give the user larger subordinate ranges in /etc/subuid and /etc/subgid), or pull with a single-ID mapping"
    )]
    Owner {
        entry: String,
        uid: u64,
        gid: u64,
        source: io::Error,
    },
    #[error("archive entry {entry:?}: setting extended attribute {name}: {source}")]
    Xattr {
        entry: String,
        name: String,
        source: io::Error,
    },
    #[error(
        "layer entry {entry:?}: marking its directory opaque ({OPAQUE_XATTR}): {source}; the storage filesystem must support user extended attributes"
    )]
    Opaque { entry: String, source: io::Error },
    #[error(
        "layer entry {entry:?}: creating an overlay whiteout (a 0:0 character device): {source}; unprivileged whiteouts need Linux 5.8 or later"
    )]
    Whiteout { entry: String, source: io::Error },
}

/// Extracts the layer `tar` into `dest`, an existing empty directory that
/// nothing else writes to meanwhile, writing at most `max_size` bytes of
/// file content ([`Error::TooLarge`] otherwise).
///
/// Reads up to the archive's end-of-archive marker, not necessarily to the
/// end of the stream: a caller that checks a digest drains the rest itself.
/// Give it a buffered (or decompressing) reader: headers are read 512 bytes
/// at a time. Nothing is fsynced; the caller makes the layer durable
/// (`storage::durable`) before renaming it into place. On error, `dest` holds a partial layer
/// that must be thrown away.
pub fn extract_layer(
    tar: impl Read,
    dest: &Path,
    opts: &ExtractOptions,
    max_size: Option<u64>,
) -> Result<ExtractReport, Error> {
    let root = Root::open(dest).map_err(|source| Error::Dest {
        dest: dest.to_path_buf(),
        source,
    })?;
    extract_into(root, tar, opts, Target::Layer { max_size })
}

/// Extracts a plain archive (what `rcon cp` copies in) into `base`, a
/// directory below `root` (an open directory taken as `/`, such as a
/// container's root filesystem), as a chrooted `tar -x` in `base` would:
/// entry names and symlinks met on the way resolve inside `root`, never
/// outside it. Unlike a layer, `.wh.` names are ordinary files, and an entry
/// never replaces a directory by a non-directory or the reverse (an error,
/// as Docker's cp). Mount points below `root` (a running container's
/// volumes) are crossed. `base` must exist; nothing is fsynced.
pub fn extract_plain(
    tar: impl Read,
    root: File,
    base: &Path,
    opts: &ExtractOptions,
) -> Result<ExtractReport, Error> {
    extract_plain_over(tar, root, base, opts, false)
}

/// [`extract_plain`], where `overwrite` lets an entry replace a directory
/// by a non-directory or the reverse (`cp --overwrite`): what was there is
/// removed first, never followed.
pub fn extract_plain_over(
    tar: impl Read,
    root: File,
    base: &Path,
    opts: &ExtractOptions,
    overwrite: bool,
) -> Result<ExtractReport, Error> {
    let root = Root::with_dir(root, true).map_err(|source| Error::Dest {
        dest: base.to_path_buf(),
        source,
    })?;
    let mut prefix = Vec::new();
    normalise(base.as_os_str().as_bytes(), &mut prefix).map_err(|reason| Error::Refused {
        entry: base.display().to_string(),
        reason: reason.to_string(),
    })?;
    extract_into(root, tar, opts, Target::Plain { prefix, overwrite })
}

/// What an archive is extracted as.
enum Target {
    /// An image layer, into a fresh layer directory, with at most
    /// `max_size` bytes of file content.
    Layer { max_size: Option<u64> },
    /// A plain archive, below `prefix` (normalised) of the root;
    /// `overwrite`: an entry may replace a directory by a non-directory or
    /// the reverse.
    Plain { prefix: Vec<u8>, overwrite: bool },
}

fn extract_into(
    root: Root,
    tar: impl Read,
    opts: &ExtractOptions,
    target: Target,
) -> Result<ExtractReport, Error> {
    let mut extractor = Extractor::new(root, opts, target)?;
    let mut archive = tar::Archive::new(guard::TarGuard::new(tar));
    let mut entries = archive
        .entries()
        .map_err(|source| read_error(String::new(), source))?;
    loop {
        let reading = Instant::now();
        let next = entries.next();
        extractor.report.timings.read += reading.elapsed();
        let Some(entry) = next else { break };
        let mut entry = entry.map_err(|source| read_error(extractor.after_last_entry(), source))?;
        extractor.entry(&mut entry)?;
    }
    extractor.finish()
}

/// An error reading the archive: [`Error::Refused`] when the guard stopped
/// it at an entry's header.
fn read_error(context: String, source: io::Error) -> Error {
    match source
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<guard::Refusal>())
    {
        Some(refusal) => Error::Refused {
            entry: refusal.entry.clone(),
            reason: refusal.reason.clone(),
        },
        None => Error::Read { context, source },
    }
}

/// Header metadata of one entry.
#[derive(Debug, Clone, Copy)]
struct Meta {
    uid: u64,
    gid: u64,
    /// Permission bits with setuid, setgid and sticky.
    mode: u32,
    mtime: TimeSpec,
}

impl Meta {
    fn mode(&self) -> Mode {
        Mode::from_bits_truncate(self.mode)
    }
}

/// A uid and a gid.
type Ids = (u32, u32);

/// A directory whose owner, mode and times are applied at the end.
struct PendingDir {
    path: Vec<u8>,
    /// Device and inode when created: a directory removed and replaced by a
    /// later entry is not the one this metadata is for.
    identity: (u64, u64),
    meta: Meta,
}

struct Extractor<'o> {
    root: Root,
    opts: &'o ExtractOptions,
    target: Target,
    euid: u32,
    egid: u32,
    report: ExtractReport,
    /// The current entry's normalised path (kept between entries for messages).
    path: Vec<u8>,
    /// A hardlink's normalised target.
    link: Vec<u8>,
    /// Kept extended attributes of the current entry.
    xattrs: Vec<(Vec<u8>, Vec<u8>)>,
    buf: Vec<u8>,
    /// The directory the last entry landed in (or the last directory created),
    /// by normalised path: entries come grouped by directory, so this saves a
    /// path resolution per entry. What a path names only changes when an
    /// entry removes something, and that is always inside the directory of
    /// that entry — the one held here — so the cache stays right (short of a
    /// symlink whose target walks down through the removed name and back up
    /// with `..`). And every descriptor it can hold is a directory inside the
    /// root, so even a stale one could never send an entry outside.
    cached_dir_path: Vec<u8>,
    cached_dir: Option<File>,
    pending_dirs: Vec<PendingDir>,
}

impl<'o> Extractor<'o> {
    fn new(root: Root, opts: &'o ExtractOptions, target: Target) -> Result<Self, Error> {
        // Files take the group of a setgid directory they are created in;
        // a layer's root must not impose one (its own mode comes from the
        // layer's root entry, if any, at the end). A plain archive lands in
        // existing directories, which keep what they are.
        let root_error = |what: &'static str| {
            move |errno: Errno| Error::Io {
                entry: String::new(),
                what,
                source: errno.into(),
            }
        };
        let st = fstat(root.as_file()).map_err(root_error("examining the layer root"))?;
        if matches!(target, Target::Layer { .. }) && st.st_mode & libc::S_ISGID != 0 {
            let mode = Mode::from_bits_truncate(st.st_mode & 0o7777 & !libc::S_ISGID);
            fchmod(root.as_file(), mode)
                .map_err(root_error("clearing setgid on the layer root"))?;
        }
        Ok(Extractor {
            root,
            opts,
            target,
            euid: nix::unistd::geteuid().as_raw(),
            egid: nix::unistd::getegid().as_raw(),
            report: ExtractReport::default(),
            path: Vec::new(),
            link: Vec::new(),
            xattrs: Vec::new(),
            buf: vec![0; COPY_BUFFER_SIZE],
            cached_dir_path: Vec::new(),
            cached_dir: None,
            pending_dirs: Vec::new(),
        })
    }

    /// An archive name (or hardlink target) as a normalised path from the
    /// root: below the prefix, for a plain archive.
    fn normalise(&self, raw: &[u8], out: &mut Vec<u8>) -> Result<(), &'static str> {
        normalise(raw, out)?;
        if let Target::Plain { prefix, .. } = &self.target {
            if !prefix.is_empty() {
                let below = std::mem::take(out);
                out.extend_from_slice(prefix);
                if !below.is_empty() {
                    out.push(b'/');
                    out.extend_from_slice(&below);
                }
            }
        }
        Ok(())
    }

    /// Whether this is a plain archive: no whiteouts, no directory replaced.
    fn plain(&self) -> bool {
        matches!(self.target, Target::Plain { .. })
    }

    fn after_last_entry(&self) -> String {
        if self.report.entries == 0 {
            String::new()
        } else {
            format!(" after entry {:?}", lossy(&self.path))
        }
    }

    fn entry<R: Read>(&mut self, entry: &mut tar::Entry<'_, R>) -> Result<(), Error> {
        let kind = entry.header().entry_type();
        if kind.is_pax_global_extensions() {
            return Ok(()); // archive-wide defaults; nothing here uses them
        }
        let mut path = std::mem::take(&mut self.path);
        let (normalised, ends_with_slash) = {
            let raw = entry.path_bytes();
            let normalised = self
                .normalise(&raw, &mut path)
                .map_err(|reason| Error::Refused {
                    entry: lossy(&raw),
                    reason: reason.to_string(),
                });
            (normalised, raw.ends_with(b"/"))
        };
        let result = normalised.and_then(|()| {
            self.report.entries += 1;
            // Pre-POSIX archives mark directories by a trailing slash only.
            let kind = match kind {
                EntryType::Regular if ends_with_slash => EntryType::Directory,
                kind => kind,
            };
            let (started, read_before) = (Instant::now(), self.report.timings.read);
            let applied = self.apply(entry, &path, kind);
            let reads = self.report.timings.read.saturating_sub(read_before);
            let spent = started.elapsed().saturating_sub(reads);
            *self.time_of(&path, kind) += spent;
            applied
        });
        self.path = path;
        result
    }

    /// Which of [`ExtractTimings`] an entry's work counts in.
    fn time_of(&mut self, path: &[u8], kind: EntryType) -> &mut Duration {
        let plain = self.plain();
        let timings = &mut self.report.timings;
        let (_, name) = split_parent(path);
        if !plain && name.starts_with(WHITEOUT_PREFIX) {
            return &mut timings.whiteouts;
        }
        match kind {
            EntryType::Regular | EntryType::Continuous => &mut timings.files,
            EntryType::Directory => &mut timings.dirs,
            EntryType::Symlink | EntryType::Link => &mut timings.links,
            _ => &mut timings.other,
        }
    }

    fn apply<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        path: &[u8],
        kind: EntryType,
    ) -> Result<(), Error> {
        let meta = self.read_meta(entry, path)?;
        let (parent_path, name) = split_parent(path);
        if !self.plain()
            && parent_path
                .split(|&b| b == b'/')
                .any(|c| c.starts_with(AUFS_META_PREFIX))
        {
            log::debug!("skipping aufs metadata {:?}", lossy(path));
            return Ok(());
        }
        if path.is_empty() {
            // The layer root ("./"): its metadata is the root directory's.
            if kind != EntryType::Directory {
                return Err(refused(path, "the layer root can only be a directory"));
            }
            self.report.root_mode = Some(meta.mode);
            let root = self
                .root
                .open_dir(b"")
                .map_err(io_error(path, "opening the layer root"))?;
            return self.adopt_dir(root, path, &meta).map(drop);
        }
        let parent = self.parent_dir(parent_path, path)?;
        let result = self.apply_in(entry, &parent, path, name, kind, &meta);
        // Cache the new directory if one was made (its entries come next),
        // else the parent (its other entries do).
        self.cached_dir_path.clear();
        match result {
            Ok(Some(dir)) => {
                self.cached_dir_path.extend_from_slice(path);
                self.cached_dir = Some(dir);
                Ok(())
            }
            other => {
                self.cached_dir_path.extend_from_slice(parent_path);
                self.cached_dir = Some(parent);
                other.map(drop)
            }
        }
    }

    /// Applies an entry whose directory is open; returns the directory it
    /// created, if it was one.
    fn apply_in<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        parent: &File,
        path: &[u8],
        name: &[u8],
        kind: EntryType,
        meta: &Meta,
    ) -> Result<Option<File>, Error> {
        if let Target::Plain {
            overwrite: false, ..
        } = self.target
        {
            self.check_replace(parent, path, name, kind == EntryType::Directory)?;
        }
        if !self.plain() && self.layer_metadata(parent, path, name)? {
            return Ok(None);
        }
        match kind {
            EntryType::Regular | EntryType::Continuous => {
                self.regular_file(entry, parent, path, name, meta)?;
            }
            EntryType::Directory => return self.directory(parent, path, name, meta).map(Some),
            EntryType::Symlink => self.symlink(entry, parent, path, name, meta)?,
            EntryType::Link => self.hardlink(entry, parent, path, name)?,
            EntryType::Fifo => self.fifo(parent, path, name, meta)?,
            EntryType::Char | EntryType::Block => {
                let header = entry.header();
                let number = (header.device_major(), header.device_minor());
                if !self.plain()
                    && kind == EntryType::Char
                    && matches!(number, (Ok(Some(0)), Ok(Some(0))))
                {
                    self.whiteout(parent, name, path)?; // already in overlay form
                } else {
                    log::debug!(
                        "skipping device {:?}: devices cannot be created rootless",
                        lossy(path)
                    );
                    self.report.skipped_devices.push(lossy(path));
                }
            }
            other => {
                return Err(refused(
                    path,
                    &format!("its type {:?} is not supported", other.as_byte() as char),
                ));
            }
        }
        Ok(None)
    }

    /// Handles the names that are overlay metadata in a layer (whiteouts,
    /// opaque markers, aufs bookkeeping); true when `name` was one.
    fn layer_metadata(&mut self, parent: &File, path: &[u8], name: &[u8]) -> Result<bool, Error> {
        if name == OPAQUE_MARKER {
            parent
                .set_xattr(OPAQUE_XATTR, b"y")
                .map_err(|source| Error::Opaque {
                    entry: lossy(path),
                    source,
                })?;
        } else if name.starts_with(AUFS_META_PREFIX) {
            log::debug!("skipping aufs metadata {:?}", lossy(path));
        } else if let Some(hidden) = name.strip_prefix(WHITEOUT_PREFIX) {
            if hidden.is_empty() || hidden == b"." || hidden == b".." {
                return Err(refused(path, "a whiteout must name a file"));
            }
            self.whiteout(parent, hidden, path)?;
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    /// For a plain archive: an entry may replace what is at its name only
    /// when both are directories or both are not (as Docker's cp).
    fn check_replace(
        &self,
        parent: &File,
        path: &[u8],
        name: &[u8],
        directory: bool,
    ) -> Result<(), Error> {
        match fstatat(parent, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
            Ok(st) if (st.st_mode & libc::S_IFMT == libc::S_IFDIR) != directory => {
                Err(Error::Replace {
                    entry: lossy(path),
                    directory: !directory,
                })
            }
            Ok(_) | Err(Errno::ENOENT) => Ok(()),
            Err(errno) => Err(io_error(path, "examining what is there")(errno)),
        }
    }

    /// Reads owner, mode and times from the header, and the mtime and kept
    /// xattrs from the PAX extension header, if any.
    fn read_meta<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        path: &[u8],
    ) -> Result<Meta, Error> {
        let bad_header = |source| Error::Read {
            context: format!(" in the header of entry {:?}", lossy(path)),
            source,
        };
        let header = entry.header();
        let seconds = header.mtime().map_err(bad_header)?;
        let mut meta = Meta {
            uid: header.uid().map_err(bad_header)?,
            gid: header.gid().map_err(bad_header)?,
            mode: header.mode().map_err(bad_header)? & 0o7777,
            mtime: TimeSpec::new(i64::try_from(seconds).unwrap_or(i64::MAX), 0),
        };
        self.xattrs.clear();
        if let Some(extensions) = entry.pax_extensions().map_err(bad_header)? {
            for extension in extensions {
                let extension = extension.map_err(bad_header)?;
                let (key, value) = (extension.key_bytes(), extension.value_bytes());
                if key == b"mtime" {
                    match parse_pax_time(value) {
                        Some(mtime) => meta.mtime = mtime,
                        None => log::debug!(
                            "ignoring malformed PAX mtime {:?} of {:?}",
                            lossy(value),
                            lossy(path)
                        ),
                    }
                } else if let Some(name) = key.strip_prefix(PAX_XATTR_PREFIX) {
                    if kept_xattr(name) {
                        self.xattrs.push((name.to_vec(), value.to_vec()));
                    } else {
                        log::debug!("ignoring xattr {:?} of {:?}", lossy(name), lossy(path));
                    }
                }
            }
        }
        Ok(meta)
    }

    /// The directory `parent_path` (where the entry `path` goes), creating
    /// missing directories on the way.
    fn parent_dir(&mut self, parent_path: &[u8], path: &[u8]) -> Result<File, Error> {
        if let Some(dir) = self.cached_dir.take() {
            if self.cached_dir_path == parent_path {
                return Ok(dir);
            }
        }
        match self.root.open_dir(parent_path) {
            Err(Errno::ENOENT) => self.make_parents(parent_path, path),
            other => other.map_err(io_error(path, "opening its directory")),
        }
    }

    /// Creates the missing directories of `parent_path` (0755, owned by the
    /// extracting process, as Docker does), resolving each existing one inside the root.
    fn make_parents(&self, parent_path: &[u8], path: &[u8]) -> Result<File, Error> {
        let mut dir = self
            .root
            .open_dir(b"")
            .map_err(io_error(path, "opening the layer root"))?;
        let mut end = 0;
        let mut creating = false;
        for component in parent_path.split(|&b| b == b'/') {
            let prefix = &parent_path[..end + component.len()];
            end += component.len() + 1;
            if !creating {
                match self.root.open_dir(prefix) {
                    Ok(existing) => {
                        dir = existing;
                        continue;
                    }
                    Err(Errno::ENOENT) => creating = true,
                    Err(errno) => return Err(io_error(path, "opening its directory")(errno)),
                }
            }
            match mkdirat(&dir, component, Mode::S_IRWXU) {
                Ok(()) => {}
                Err(Errno::EEXIST) => {
                    return Err(refused(
                        path,
                        &format!("its directory {:?} is a symlink to nothing", lossy(prefix)),
                    ));
                }
                Err(errno) => {
                    return Err(io_error(path, "creating a missing parent directory")(errno));
                }
            }
            let created = open_dir_nofollow(&dir, component)
                .map_err(io_error(path, "opening a parent directory it created"))?;
            // Explicitly, so the umask does not decide.
            fchmod(&created, Mode::from_bits_truncate(0o755))
                .map_err(io_error(path, "setting a new parent directory's mode"))?;
            dir = created;
        }
        Ok(dir)
    }

    fn regular_file<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        parent: &File,
        path: &[u8],
        name: &[u8],
        meta: &Meta,
    ) -> Result<(), Error> {
        let expected = entry.size();
        if let Target::Layer {
            max_size: Some(limit),
        } = self.target
        {
            if self.report.bytes.saturating_add(expected) > limit {
                return Err(Error::TooLarge {
                    entry: lossy(path),
                    size: expected,
                    limit,
                });
            }
        }
        let flags =
            OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_WRONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let mut file = replacing(parent, name, || {
            openat(parent, name, flags, Mode::S_IRUSR | Mode::S_IWUSR)
        })
        .map(File::from)
        .map_err(io_error(path, "creating the file"))?;
        let mut written = 0u64;
        loop {
            let reading = Instant::now();
            let read = entry.read(&mut self.buf);
            self.report.timings.read += reading.elapsed();
            let n = match read {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(Error::Read {
                        context: format!(" in entry {:?}", lossy(path)),
                        source,
                    });
                }
            };
            file.write_all(&self.buf[..n]).map_err(|source| Error::Io {
                entry: lossy(path),
                what: "writing the file",
                source,
            })?;
            written += n as u64;
        }
        if written != expected {
            return Err(Error::Read {
                context: format!(" in entry {:?}", lossy(path)),
                source: io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("the archive ends {written} bytes into this {expected}-byte file"),
                ),
            });
        }
        self.report.bytes += written;
        self.set_owner(&file, path, meta)?;
        fchmod(&file, meta.mode()).map_err(io_error(path, "setting the file's mode"))?;
        self.set_xattrs(&file, path)?;
        futimens(&file, &meta.mtime, &meta.mtime)
            .map_err(io_error(path, "setting the file's times"))
    }

    fn directory(
        &mut self,
        parent: &File,
        path: &[u8],
        name: &[u8],
        meta: &Meta,
    ) -> Result<File, Error> {
        match mkdirat(parent, name, Mode::S_IRWXU) {
            Ok(()) => {}
            Err(Errno::EEXIST) => {
                let existing = fstatat(parent, name, AtFlags::AT_SYMLINK_NOFOLLOW)
                    .map_err(io_error(path, "examining what is there"))?;
                if existing.st_mode & libc::S_IFMT != libc::S_IFDIR {
                    remove(parent, name).map_err(io_error(path, "removing what was there"))?;
                    mkdirat(parent, name, Mode::S_IRWXU)
                        .map_err(io_error(path, "creating the directory"))?;
                }
            }
            Err(errno) => return Err(io_error(path, "creating the directory")(errno)),
        }
        let dir = open_dir_nofollow(parent, name)
            .map_err(io_error(path, "opening the directory it created"))?;
        self.adopt_dir(dir, path, meta)
    }

    /// Sets a directory's xattrs now and queues the rest of its metadata.
    fn adopt_dir(&mut self, dir: File, path: &[u8], meta: &Meta) -> Result<File, Error> {
        let st = fstat(&dir).map_err(io_error(path, "examining the directory"))?;
        if st.st_mode & 0o700 != 0o700 {
            // Created under a strict umask, or reused: it must take entries until the end.
            fchmod(&dir, Mode::S_IRWXU).map_err(io_error(path, "making the directory writable"))?;
        }
        self.set_xattrs(&dir, path)?;
        self.pending_dirs.push(PendingDir {
            path: path.to_vec(),
            identity: (st.st_dev, st.st_ino),
            meta: *meta,
        });
        Ok(dir)
    }

    fn symlink<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        parent: &File,
        path: &[u8],
        name: &[u8],
        meta: &Meta,
    ) -> Result<(), Error> {
        let target = entry
            .link_name_bytes()
            .filter(|target| !target.is_empty())
            .ok_or_else(|| refused(path, "a symlink without a target"))?;
        // Stored verbatim: its target is only ever followed inside the root.
        replacing(parent, name, || symlinkat(&*target, parent, name))
            .map_err(io_error(path, "creating the symlink"))?;
        if let Some((uid, gid)) = self.owner(path, meta, (self.euid, self.egid))? {
            fchownat(
                parent,
                name,
                Some(uid),
                Some(gid),
                AtFlags::AT_SYMLINK_NOFOLLOW,
            )
            .map_err(|errno| owner_error(path, meta, errno))?;
        }
        if !self.xattrs.is_empty() {
            log::debug!("not setting xattrs on symlink {:?}", lossy(path));
        }
        utimensat(
            parent,
            name,
            &meta.mtime,
            &meta.mtime,
            UtimensatFlags::NoFollowSymlink,
        )
        .map_err(io_error(path, "setting the symlink's times"))
    }

    fn hardlink<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        parent: &File,
        path: &[u8],
        name: &[u8],
    ) -> Result<(), Error> {
        let raw_target = entry
            .link_name_bytes()
            .ok_or_else(|| refused(path, "a hardlink without a target"))?;
        let mut target = std::mem::take(&mut self.link);
        let result = self
            .normalise(&raw_target, &mut target)
            .map_err(|reason| {
                refused(
                    path,
                    &format!("its hardlink target {:?}: {reason}", lossy(&raw_target)),
                )
            })
            .and_then(|()| self.link_to(parent, path, name, &target));
        self.link = target;
        result
    }

    fn link_to(
        &mut self,
        parent: &File,
        path: &[u8],
        name: &[u8],
        target: &[u8],
    ) -> Result<(), Error> {
        if target.is_empty() {
            return Err(refused(path, "a hardlink to the layer root"));
        }
        if target == path {
            return Ok(()); // a link to itself: nothing to do
        }
        let (target_parent, target_name) = split_parent(target);
        let target_dir = self.root.open_dir(target_parent);
        let linked = target_dir
            .as_ref()
            .map_err(|&errno| errno)
            .and_then(|target_dir| {
                replacing(parent, name, || {
                    linkat(target_dir, target_name, parent, name, AtFlags::empty())
                })
            });
        match linked {
            Ok(()) => Ok(()),
            Err(Errno::ENOENT | Errno::ENOTDIR) => {
                let target = lossy(target);
                if self.report.skipped_devices.contains(&target) {
                    self.report.skipped_devices.push(lossy(path));
                    return Ok(());
                }
                Err(refused(
                    path,
                    &format!(
                        "its hardlink target {target:?} is not an earlier entry of this layer"
                    ),
                ))
            }
            Err(Errno::EPERM)
                if target_dir.is_ok_and(|target_dir| {
                    fstatat(&target_dir, target_name, AtFlags::AT_SYMLINK_NOFOLLOW)
                        .is_ok_and(|st| st.st_mode & libc::S_IFMT == libc::S_IFDIR)
                }) =>
            {
                Err(refused(
                    path,
                    &format!("its hardlink target {:?} is a directory", lossy(target)),
                ))
            }
            Err(errno) => Err(io_error(path, "creating the hardlink")(errno)),
        }
    }

    fn fifo(&mut self, parent: &File, path: &[u8], name: &[u8], meta: &Meta) -> Result<(), Error> {
        replacing(parent, name, || {
            mknodat(
                parent,
                name,
                SFlag::S_IFIFO,
                Mode::S_IRUSR | Mode::S_IWUSR,
                0,
            )
        })
        .map_err(io_error(path, "creating the fifo"))?;
        // Opening a fifo for reading without blocking needs no writer; with
        // O_NOFOLLOW it is surely the one just made, so its metadata can be set
        // through the descriptor.
        let flags = OFlag::O_RDONLY | OFlag::O_NONBLOCK | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let fifo = openat(parent, name, flags, Mode::empty())
            .map(File::from)
            .map_err(io_error(path, "opening the fifo"))?;
        self.set_owner(&fifo, path, meta)?;
        fchmod(&fifo, meta.mode()).map_err(io_error(path, "setting the fifo's mode"))?;
        if !self.xattrs.is_empty() {
            log::debug!("not setting xattrs on fifo {:?}", lossy(path));
        }
        futimens(&fifo, &meta.mtime, &meta.mtime)
            .map_err(io_error(path, "setting the fifo's times"))
    }

    /// Creates the overlay whiteout for `name` in `parent` (replacing what is there).
    fn whiteout(&mut self, parent: &File, name: &[u8], path: &[u8]) -> Result<(), Error> {
        let made = replacing(parent, name, || {
            mknodat(parent, name, SFlag::S_IFCHR, Mode::empty(), makedev(0, 0))
        });
        match made {
            Ok(()) => Ok(()),
            Err(Errno::EPERM) => Err(Error::Whiteout {
                entry: lossy(path),
                source: Errno::EPERM.into(),
            }),
            Err(errno) => Err(io_error(path, "creating the whiteout")(errno)),
        }
    }

    /// The owner to give an entry that is owned by `current`, or None to
    /// leave it. (A chown to the same owner would still clear setuid and
    /// capabilities, and cost a system call.)
    fn owner(
        &mut self,
        path: &[u8],
        meta: &Meta,
        current: Ids,
    ) -> Result<Option<(Uid, Gid)>, Error> {
        let wanted = match self.opts.ownership {
            Ownership::Keep => (meta.uid, meta.gid),
            Ownership::Fixed(uid, gid) => (u64::from(uid), u64::from(gid)),
            Ownership::Squash => {
                let owner = (meta.uid, meta.gid);
                self.report.squashed_owners |= owner
                    != (u64::from(current.0), u64::from(current.1))
                    && owner != (u64::from(self.euid), u64::from(self.egid));
                return Ok(None);
            }
        };
        if wanted == (u64::from(current.0), u64::from(current.1)) {
            return Ok(None);
        }
        // u32::MAX is chown's "leave unchanged".
        let valid = |id: u64| u32::try_from(id).ok().filter(|&id| id != u32::MAX);
        match (valid(wanted.0), valid(wanted.1)) {
            (Some(uid), Some(gid)) => Ok(Some((Uid::from_raw(uid), Gid::from_raw(gid)))),
            _ => Err(refused(
                path,
                &format!("its owner {}:{} is not a valid ID", wanted.0, wanted.1),
            )),
        }
    }

    /// Gives a file just created by this process its owner.
    fn set_owner(&mut self, file: &File, path: &[u8], meta: &Meta) -> Result<(), Error> {
        self.set_owner_from(file, path, meta, (self.euid, self.egid))
    }

    fn set_owner_from(
        &mut self,
        file: &File,
        path: &[u8],
        meta: &Meta,
        current: Ids,
    ) -> Result<(), Error> {
        if let Some((uid, gid)) = self.owner(path, meta, current)? {
            fchown(file, Some(uid), Some(gid)).map_err(|errno| owner_error(path, meta, errno))?;
        }
        Ok(())
    }

    /// Sets the entry's kept xattrs on a regular file or directory.
    fn set_xattrs(&self, file: &File, path: &[u8]) -> Result<(), Error> {
        for (name, value) in &self.xattrs {
            let Err(source) = file.set_xattr(OsStr::from_bytes(name), value) else {
                continue;
            };
            let errno = source.raw_os_error().unwrap_or(0);
            let tolerated = if name.as_slice() == b"security.capability" {
                // Not permitted here, or a capability set this kernel rejects.
                matches!(errno, libc::EPERM | libc::EOPNOTSUPP | libc::EINVAL)
            } else {
                matches!(errno, libc::EPERM | libc::EOPNOTSUPP)
            };
            if !tolerated {
                return Err(Error::Xattr {
                    entry: lossy(path),
                    name: lossy(name),
                    source,
                });
            }
            log::debug!(
                "not setting xattr {:?} on {:?}: {source}",
                lossy(name),
                lossy(path)
            );
        }
        Ok(())
    }

    /// Applies the queued directory metadata, deepest first, and reports.
    fn finish(mut self) -> Result<ExtractReport, Error> {
        let started = Instant::now();
        self.cached_dir = None;
        let mut pending = std::mem::take(&mut self.pending_dirs);
        // Stable: of two entries for one directory, the later one wins.
        pending.sort_by_key(|dir| std::cmp::Reverse(depth(&dir.path)));
        for dir in &pending {
            let Some((file, current)) = self.reopen_dir(dir)? else {
                continue; // replaced by a later entry
            };
            self.set_owner_from(&file, &dir.path, &dir.meta, current)?;
            fchmod(&file, dir.meta.mode())
                .map_err(io_error(&dir.path, "setting the directory's mode"))?;
            futimens(&file, &dir.meta.mtime, &dir.meta.mtime)
                .map_err(io_error(&dir.path, "setting the directory's times"))?;
        }
        self.report.timings.dir_metadata = started.elapsed();
        Ok(self.report)
    }

    /// The queued directory and its owner, if it is still there (not removed
    /// or replaced).
    fn reopen_dir(&self, dir: &PendingDir) -> Result<Option<(File, Ids)>, Error> {
        let (parent_path, name) = split_parent(&dir.path);
        let opened = if dir.path.is_empty() {
            self.root.open_dir(b"")
        } else {
            self.root
                .open_dir(parent_path)
                .and_then(|parent| open_dir_nofollow(&parent, name))
        };
        let file = match opened {
            Ok(file) => file,
            Err(Errno::ENOENT | Errno::ENOTDIR | Errno::ELOOP) => return Ok(None),
            Err(errno) => {
                return Err(io_error(
                    &dir.path,
                    "opening the directory to set its metadata",
                )(errno));
            }
        };
        let st = fstat(&file).map_err(io_error(&dir.path, "examining the directory"))?;
        Ok(((st.st_dev, st.st_ino) == dir.identity).then_some((file, (st.st_uid, st.st_gid))))
    }
}

/// Normalises an archive member name into `out`: its components joined by
/// `/`, without a leading `/` (absolute names are taken relative to the
/// layer) and without `.` or empty components; "" is the layer root.
/// A `..` component is refused rather than resolved.
fn normalise(raw: &[u8], out: &mut Vec<u8>) -> Result<(), &'static str> {
    out.clear();
    if raw.contains(&0) {
        return Err("its name contains a NUL byte");
    }
    for component in raw.split(|&b| b == b'/') {
        match component {
            b"" | b"." => {}
            b".." => return Err("its path contains \"..\""),
            _ => {
                if !out.is_empty() {
                    out.push(b'/');
                }
                out.extend_from_slice(component);
            }
        }
    }
    Ok(())
}

/// Splits a normalised path into its directory and final component.
fn split_parent(path: &[u8]) -> (&[u8], &[u8]) {
    match path.iter().rposition(|&b| b == b'/') {
        Some(slash) => (&path[..slash], &path[slash + 1..]),
        None => (&[], path),
    }
}

fn depth(path: &[u8]) -> usize {
    if path.is_empty() {
        0
    } else {
        1 + path.iter().filter(|&&b| b == b'/').count()
    }
}

/// `user.*` except overlay's own, and file capabilities.
pub(crate) fn kept_xattr(name: &[u8]) -> bool {
    name == b"security.capability"
        || (name.starts_with(b"user.") && !name.starts_with(b"user.overlay."))
}

/// A PAX time: decimal seconds since the epoch, maybe negative, maybe with a
/// fraction (nanoseconds are kept, finer digits dropped).
fn parse_pax_time(value: &[u8]) -> Option<TimeSpec> {
    let text = std::str::from_utf8(value).ok()?;
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    let mut seconds: i64 = whole.parse().ok()?;
    let mut nanos: i64 = 0;
    for (i, digit) in fraction.bytes().take(9).enumerate() {
        nanos += i64::from(digit - b'0') * 10i64.pow(8 - i as u32);
    }
    if negative {
        seconds = seconds.checked_neg()?;
        if nanos > 0 {
            seconds = seconds.checked_sub(1)?;
            nanos = 1_000_000_000 - nanos;
        }
    }
    Some(TimeSpec::new(seconds, nanos))
}

/// Runs `create`; if the name is taken, removes what is there and runs it again.
fn replacing<T>(
    dir: &File,
    name: &[u8],
    mut create: impl FnMut() -> nix::Result<T>,
) -> nix::Result<T> {
    match create() {
        Err(Errno::EEXIST) => {
            remove(dir, name)?;
            create()
        }
        other => other,
    }
}

/// Removes `name` from `dir`: unlinks it, or removes the directory tree it is.
fn remove(dir: &File, name: &[u8]) -> nix::Result<()> {
    match unlinkat(dir, name, UnlinkatFlags::NoRemoveDir) {
        Err(Errno::EISDIR) => remove_tree(dir, name),
        other => other,
    }
}

/// Removes the directory `name` in `dir` with everything in it. Each level is
/// opened with `O_NOFOLLOW` relative to the one above, and a symlink is
/// unlinked, never entered, so this stays inside `dir/name`. Iterative: a
/// layer can nest directories deeper than the stack would like.
fn remove_tree(dir: &File, name: &[u8]) -> nix::Result<()> {
    struct Level {
        dir: File,
        name: Vec<u8>,
        children: Vec<Vec<u8>>,
    }
    let enter = |parent: &File, name: &[u8]| -> nix::Result<Level> {
        let dir = open_dir_nofollow(parent, name)?;
        let mut listing = nix::dir::Dir::openat(
            &dir,
            ".",
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
            Mode::empty(),
        )?;
        let mut children = Vec::new();
        for child in listing.iter() {
            let child = child?;
            let child = child.file_name().to_bytes();
            if child != b"." && child != b".." {
                children.push(child.to_vec());
            }
        }
        Ok(Level {
            dir,
            name: name.to_vec(),
            children,
        })
    };
    let mut stack = vec![enter(dir, name)?];
    while let Some(level) = stack.last_mut() {
        match level.children.pop() {
            Some(child) => match unlinkat(&level.dir, child.as_slice(), UnlinkatFlags::NoRemoveDir)
            {
                Ok(()) => {}
                Err(Errno::EISDIR) => {
                    let below = enter(&level.dir, &child)?;
                    stack.push(below);
                }
                Err(errno) => return Err(errno),
            },
            None => {
                let done = stack.pop().expect("a level");
                let parent = stack.last().map_or(dir, |level| &level.dir);
                unlinkat(parent, done.name.as_slice(), UnlinkatFlags::RemoveDir)?;
            }
        }
    }
    Ok(())
}

fn open_dir_nofollow(parent: &File, name: &[u8]) -> nix::Result<File> {
    let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    openat(parent, name, flags, Mode::empty()).map(File::from)
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn refused(path: &[u8], reason: &str) -> Error {
    Error::Refused {
        entry: lossy(path),
        reason: reason.to_string(),
    }
}

fn io_error<'p>(path: &'p [u8], what: &'static str) -> impl FnOnce(Errno) -> Error + 'p {
    move |errno| Error::Io {
        entry: lossy(path),
        what,
        source: errno.into(),
    }
}

fn owner_error(path: &[u8], meta: &Meta, errno: Errno) -> Error {
    Error::Owner {
        entry: lossy(path),
        uid: meta.uid,
        gid: meta.gid,
        source: errno.into(),
    }
}
