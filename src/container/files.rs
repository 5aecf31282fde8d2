//! A container's files, opened for rcon's own verbs (`diff`, `export`,
//! `cp`, `commit`), whether the container runs or not.
//!
//! - A running container is reached through `/proc/PID/root`: its own view,
//!   volumes included, and writes go through its own root filesystem (its
//!   kernel overlay or its FUSE server). The PID is trusted only while the
//!   recorded start time still matches.
//! - Otherwise its storage is mounted for this command alone, as a detached
//!   mount (no mount namespace, nothing left mounted): the overlay of its
//!   upper dir on the image (read-only: the upper dir is stacked as one more
//!   lower layer, so even a container starting meanwhile is not disturbed),
//!   a FUSE server of its own for fuse-overlay, or the vfs copy itself.
//!
//! Every path inside is then resolved with `openat2(RESOLVE_IN_ROOT)` from
//! the root opened here (see `storage::extract::Root`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rcon_fuse_overlay::FuseLayers;

use super::lifecycle::Lifecycle;
use super::monitor::MonitorRecord;
use super::store::{ContainerRecord, Status};
use super::{Error, run};
use crate::process::SingleThreaded;
use crate::runtime::RootfsSource;
use crate::runtime::keep_id::IdMappings;
use crate::storage::changes::{self, Changes, Top};
use crate::storage::mount::{self, Opened, Upper};
use crate::storage::pack::{OwnerMap, Packer};

/// What a verb does with the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Only the root filesystem, read-only, never a running container's
    /// mounts (`export`).
    Snapshot,
    /// Read (`cp` out): a running container's own view, else a snapshot.
    Read,
    /// Write (`cp` in): a running container's own view, else its storage
    /// mounted writable.
    Write,
}

/// The container's root directory, open, with what keeps it reachable.
pub struct Files {
    opened: Opened,
    /// Whether this is a running container's own view (mounts included).
    pub live: bool,
}

impl Files {
    pub fn root(&self) -> &std::fs::File {
        self.opened.root()
    }

    /// Shows the files read-only at `target` in the current mount
    /// namespace, until `target` is unmounted.
    pub fn attach_read_only(&self, target: &Path) -> Result<(), nix::errno::Errno> {
        self.opened.attach_read_only(target)
    }
}

/// Opens `record`'s files for `access` (a FUSE server may be forked).
pub fn open(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    access: Access,
    single: &SingleThreaded,
) -> Result<Files, Error> {
    if access != Access::Snapshot {
        if let Some(opened) = live_root(lifecycle, record)? {
            return Ok(Files { opened, live: true });
        }
    }
    let source = run::rootfs_of(lifecycle.store(), lifecycle.containers(), record)?;
    let read_only = access != Access::Write;
    let mounted = match source {
        RootfsSource::Overlay {
            mut lowers,
            upper,
            work,
        } => {
            if read_only {
                lowers.insert(0, upper);
                mount::overlay(&lowers, None)
            } else {
                mount::overlay(
                    &lowers,
                    Some(Upper {
                        upper: &upper,
                        work: &work,
                    }),
                )
            }
        }
        RootfsSource::FuseOverlay { layers, log } => {
            mount::fuse_overlay(&layers, &log, read_only, single)
        }
        RootfsSource::Copy(dir) => {
            return Opened::dir(&dir)
                .map(|opened| Files {
                    opened,
                    live: false,
                })
                .map_err(|errno| files_error(record, "opening the copy of", errno));
        }
    };
    mounted
        .and_then(Opened::mount)
        .map(|opened| Files {
            opened,
            live: false,
        })
        .map_err(|errno| files_error(record, "mounting the root filesystem of", errno))
}

/// A running container's root as its processes see it, or `None` when it
/// does not run.
fn live_root(lifecycle: &Lifecycle, record: &ContainerRecord) -> Result<Option<Opened>, Error> {
    if lifecycle.state(&record.id)?.status != Status::Running {
        return Ok(None);
    }
    let Some(monitor) = MonitorRecord::read(lifecycle.runroot(), &record.id) else {
        return Ok(None);
    };
    let path = PathBuf::from(format!("/proc/{}/root", monitor.container_pid));
    let opened = Opened::dir(&path);
    // Checked after opening: the directory is the recorded process's only
    // if that process still runs with its recorded start time.
    match opened {
        Ok(opened) if monitor.container_alive() => Ok(Some(opened)),
        _ => Ok(None),
    }
}

/// Where a container's changes are kept, and the image layers below them
/// (topmost first).
pub fn change_layers(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
) -> Result<(ChangesDir, Vec<PathBuf>), Error> {
    let store = lifecycle.store();
    let image = store.image_by_id(&record.image_id)?;
    let lowers = image
        .layers
        .iter()
        .rev()
        .map(|l| store.layer_link(l))
        .collect();
    let dir = match run::rootfs_of(store, lifecycle.containers(), record)? {
        RootfsSource::Overlay { upper, .. }
        | RootfsSource::FuseOverlay {
            layers: FuseLayers { upper, .. },
            ..
        } => ChangesDir::Upper(upper),
        RootfsSource::Copy(dir) => ChangesDir::Copy(dir),
    };
    Ok((dir, lowers))
}

/// The directory holding a container's side of its root filesystem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangesDir {
    /// An overlay upper dir (overlay, fuse-overlay).
    Upper(PathBuf),
    /// A complete copy (vfs).
    Copy(PathBuf),
}

impl ChangesDir {
    pub fn top(&self) -> Top<'_> {
        match self {
            ChangesDir::Upper(dir) => Top::Upper(dir),
            ChangesDir::Copy(dir) => Top::Copy(dir),
        }
    }

    pub fn path(&self) -> &std::path::Path {
        match self {
            ChangesDir::Upper(dir) | ChangesDir::Copy(dir) => dir,
        }
    }
}

fn files_error(record: &ContainerRecord, what: &str, errno: nix::errno::Errno) -> Error {
    Error::Files {
        what: format!("{what} container {}", record.name),
        source: io::Error::from(errno),
    }
}

/// Mount points rcon makes in every container's root filesystem: not the
/// container's changes (Podman leaves its own out of diffs the same way,
/// `/run` itself included, where `/run/.containerenv` may have made it).
const RUNTIME_MOUNT_POINTS: [&str; 8] = [
    "/dev",
    "/proc",
    "/sys",
    "/etc/hosts",
    "/etc/hostname",
    "/etc/resolv.conf",
    "/run",
    "/run/.containerenv",
];

/// What the container changed against its image (`rcon diff`), and where
/// those changes are kept.
pub fn diff(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
) -> Result<(ChangesDir, Changes), Error> {
    let (dir, lowers) = change_layers(lifecycle, record)?;
    let mut changes = changes::changes(dir.top(), &lowers).map_err(|source| Error::Files {
        what: format!("comparing container {} with its image", record.name),
        source,
    })?;
    // Secrets' mount points too (their data is never in the upper dir,
    // but an empty file named after a secret is no change of the user's).
    let mut secret_targets: Vec<&str> = record
        .config
        .secrets
        .iter()
        .filter(|s| s.kind == super::secrets::SecretKind::Mount)
        .map(|s| s.target.as_str())
        .collect();
    if !secret_targets.is_empty() {
        secret_targets.push(super::secrets::SECRETS_DIR);
    }
    changes.list.retain(|(path, kind)| {
        let mount_point = RUNTIME_MOUNT_POINTS
            .iter()
            .chain(&secret_targets)
            .any(|m| path == Path::new(m));
        // The link the runtime adds where the image has none (Podman hides
        // it too); a removed or replaced one is the container's.
        let mtab_link = path == Path::new("/etc/mtab") && *kind == changes::Kind::Added;
        !(mount_point || mtab_link)
    });
    Ok((dir, changes))
}

/// Writes the container's whole root filesystem as a tar stream to `out`
/// (`rcon export`), owners as the container sees them.
pub fn export<W: Write>(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    out: W,
    single: &SingleThreaded,
) -> Result<W, Error> {
    let files = open(lifecycle, record, Access::Snapshot, single)?;
    let mut packer = Packer::new(out);
    if let Some(map) = owner_map(record) {
        packer.map_owners(map);
    }
    packer
        .append_contents(files.root(), Path::new(""))
        .and_then(|()| packer.finish())
        .map_err(|source| Error::Files {
            what: format!("exporting container {}", record.name),
            source,
        })
}

/// For a `--userns=keep-id` container, how its own namespace shows the
/// owners stored in rcon's (others see the same IDs as rcon).
pub fn owner_map(record: &ContainerRecord) -> Option<OwnerMap> {
    let keep = record.config.keep_id.as_ref()?;
    let mappings = IdMappings::keep_id(keep.uid, keep.gid);
    Some(Box::new(move |uid, gid| mappings.inside(uid, gid)))
}
