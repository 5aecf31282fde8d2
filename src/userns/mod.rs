//! The rootless user namespace: subordinate-ID parsing, creating the namespace
//! with newuidmap/newgidmap (or a single mapping), the pause process that keeps
//! it alive, and joining it.
//!
//! [`enter`] needs the process to be single-threaded (a [`SingleThreaded`]):
//! `setns(CLONE_NEWUSER)` refuses multi-threaded callers.

pub mod idmap;
pub mod pause;
pub mod subid;

use std::io;
use std::path::{Path, PathBuf};

use crate::process::SingleThreaded;
use crate::util::fs::IoError;

pub use idmap::{MapLine, MappingPlan, SingleReason};
pub use pause::PauseProcess;

/// Set in the environment of processes rcon starts inside the namespace
/// (`rcon unshare`), so a nested rcon knows the host IDs it really runs as.
pub const ROOTLESS_UID_ENV: &str = "_RCON_ROOTLESS_UID";
pub const ROOTLESS_GID_ENV: &str = "_RCON_ROOTLESS_GID";

/// Errors of the user-namespace layer; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "{}: the subordinate range {start}-{} contains the user's own ID {id}; remove that range (sudo usermod --del-subuids/--del-subgids) and add one that does not overlap",
        file.display(), u64::from(*start) + u64::from(*count) - 1
    )]
    RangeContainsOwnId {
        file: PathBuf,
        id: u32,
        start: u32,
        count: u32,
    },
    #[error("{helper} failed: {message}; run `rcon info` for the cause and the fix")]
    Helper {
        helper: &'static str,
        message: String,
    },
    #[error("writing the ID mapping to {}: {source}", file.display())]
    WriteMap { file: PathBuf, source: io::Error },
    #[error("cannot create a user namespace: {source}; {hint}")]
    Unshare { source: io::Error, hint: String },
    #[error("starting the pause process that keeps the user namespace alive: {0}")]
    Spawn(String),
    #[error("joining the user namespace of pause process {pid}: {source}")]
    Join { pid: i32, source: io::Error },
    #[error(transparent)]
    Io(#[from] IoError),
}

impl crate::util::exit::ExitCode for Error {}

/// The user rcon acts for, as seen from the host.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HostUser {
    pub uid: u32,
    pub gid: u32,
    pub name: String,
}

impl HostUser {
    /// The calling user; inside rcon's namespace, the host user it stands for.
    pub fn current() -> HostUser {
        let from_env = |key: &str| std::env::var(key).ok().and_then(|v| v.parse::<u32>().ok());
        let (uid, gid) = match (
            in_initial_user_ns(),
            from_env(ROOTLESS_UID_ENV),
            from_env(ROOTLESS_GID_ENV),
        ) {
            (false, Some(uid), Some(gid)) => (uid, gid),
            _ => (
                nix::unistd::getuid().as_raw(),
                nix::unistd::getgid().as_raw(),
            ),
        };
        let name = nix::unistd::User::from_uid(uid.into())
            .ok()
            .flatten()
            .map(|u| u.name)
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| uid.to_string());
        HostUser { uid, gid, name }
    }
}

/// True in the machine's first user namespace (where the map is the identity).
pub fn in_initial_user_ns() -> bool {
    matches!(
        idmap::current_map("uid_map").as_slice(),
        [MapLine {
            container_id: 0,
            host_id: 0,
            size: u32::MAX
        }]
    )
}

/// Where the process stands after [`enter`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Namespace {
    /// Real root on the host: no user namespace is needed.
    Host,
    /// Inside rcon's namespace; `single` says why the mapping is a single ID, if it is.
    Joined {
        pause_pid: i32,
        single: Option<SingleReason>,
        /// The process came from the host's user namespace (it was not
        /// inside already, as under `rcon unshare`).
        from_host: bool,
    },
}

/// Joins the user's rcon namespace, creating it (and its pause process) first
/// when there is none or the recorded one is gone. `runroot` must exist.
///
/// Concurrent callers serialise on a lock file, so they all end up in one namespace.
pub fn enter(runroot: &Path, user: &HostUser, single: &SingleThreaded) -> Result<Namespace, Error> {
    let from_host = in_initial_user_ns();
    if from_host && nix::unistd::geteuid().is_root() {
        return Ok(Namespace::Host);
    }
    if let Some(pause) = PauseProcess::read(runroot) {
        if pause.join(single)? {
            log::debug!("joined the user namespace of pause process {}", pause.pid);
            return Ok(joined(pause.pid, user, from_host));
        }
        log::debug!(
            "pause process {} is gone; making a new namespace",
            pause.pid
        );
    }
    let _lock = pause::lock(runroot)?;
    // Somebody may have created it while we waited for the lock.
    if let Some(pause) = PauseProcess::read(runroot) {
        if pause.join(single)? {
            return Ok(joined(pause.pid, user, from_host));
        }
    }
    let plan = idmap::plan(user)?;
    log::debug!("creating the user namespace with {plan:?}");
    let (pause, reason) = PauseProcess::spawn(user, &plan, single)?;
    if let Err(e) = pause.record(runroot).and_then(|()| pause.join(single)) {
        pause.kill();
        return Err(e);
    }
    Ok(Namespace::Joined {
        pause_pid: pause.pid,
        single: reason,
        from_host,
    })
}

fn joined(pause_pid: i32, user: &HostUser, from_host: bool) -> Namespace {
    let single = match idmap::current_map("uid_map").as_slice() {
        [MapLine { size: 1, .. }] => Some(match idmap::plan(user) {
            Ok(MappingPlan::Single(reason)) => reason,
            _ => SingleReason::CreatedEarlier,
        }),
        _ => None,
    };
    Namespace::Joined {
        pause_pid,
        single,
        from_host,
    }
}
