//! Containers' lifecycle: records in the store, create, and starting them
//! with rcon as the monitor; and what they are built from: the flags turned
//! into mounts, environment and rlimits, and the terminal of a session;
//! `exec` of further commands in a running container; `top` of its processes.
//! `runtime` does the container itself.

pub mod attach;
pub mod cgroup;
pub mod commit;
pub mod copy;
pub mod env;
pub mod exec;
pub mod files;
pub mod filter;
mod foreground;
pub mod health;
pub mod inspect;
pub mod labels;
pub mod lifecycle;
pub mod logfile;
pub mod monitor;
pub mod mounts;
pub mod namespaces;
pub mod networks;
pub mod plan;
mod relay;
pub mod resources;
pub mod restart;
pub mod run;
pub mod secrets;
pub mod stats;
pub mod store;
pub mod systemd;
pub mod top;
pub mod tty;
pub mod ulimit;
pub mod unit;

pub use foreground::{Held, OnSignal, Shown, start_foreground};
pub use plan::{CreateBasics, CreateFlags, CreateRequest, InfraRole, PodJoin};
pub use run::{PullPolicy, create};
pub use store::{ContainerRecord, Containers};

use crate::util::exit::{self, ExitCode};

/// What the container verbs report; its [`ExitCode`] says how rcon ends.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Image(#[from] crate::image::Error),
    #[error(transparent)]
    ImageStore(#[from] crate::storage::store::Error),
    #[error(transparent)]
    Io(#[from] crate::util::fs::IoError),
    #[error(transparent)]
    Volume(#[from] crate::storage::volume::Error),
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error(transparent)]
    Runtime(#[from] crate::runtime::Error),
    #[error(transparent)]
    Mount(#[from] mounts::Error),
    #[error(transparent)]
    Env(#[from] env::Error),
    #[error(transparent)]
    Conf(#[from] crate::config::ConfError),
    #[error(transparent)]
    Ulimit(#[from] ulimit::Error),
    #[error(transparent)]
    Security(#[from] crate::runtime::security::Error),
    #[error(transparent)]
    User(#[from] crate::runtime::passwd::Error),
    #[error(transparent)]
    StorageDriver(#[from] crate::storage::driver::Error),
    #[error(transparent)]
    Vfs(#[from] crate::storage::vfs::Error),
    #[error(transparent)]
    Network(#[from] crate::network::Error),
    #[error(transparent)]
    Labels(#[from] labels::Error),
    #[error(transparent)]
    RestartPolicy(#[from] restart::BadPolicy),
    #[error(transparent)]
    Secret(#[from] crate::secret::Error),
    /// `--pull=never` of an image not stored: Podman's words, which scripts match.
    #[error("{0}: image not known")]
    ImageNotLocal(String),
    #[error(
        "container {0} is running: stop it first (`rcon stop {0}`) or remove it with `rcon rm -f {0}`"
    )]
    Running(String),
    #[error("container {0} is not running")]
    NotRunning(String),
    #[error("container {0} has no defined healthcheck")]
    NoHealthcheck(String),
    #[error("sending signal {signal} to container {container}: {source}")]
    Signal {
        container: String,
        signal: i32,
        source: std::io::Error,
    },
    #[error("{verb} needs a cgroup v2 of the container's own to freeze; {why}")]
    CannotFreeze { verb: &'static str, why: String },
    #[error("container {name} is {state}: {verb} needs it {needed}")]
    PauseState {
        name: String,
        state: &'static str,
        verb: &'static str,
        needed: &'static str,
    },
    #[error(transparent)]
    Cgroup(#[from] cgroup::Error),
    #[error("{0}")]
    Invalid(String),
    /// A published port that cannot be bound when the container starts.
    #[error(transparent)]
    PortAtStart(crate::network::ports::Error),
    #[error("the container's seccomp filter {}: {source}; remove the container and create it again", path.display())]
    SeccompFilter {
        path: std::path::PathBuf,
        source: crate::runtime::security::BadFilter,
    },
    #[error("{what}: {source}")]
    Files {
        what: String,
        source: std::io::Error,
    },
}

/// Podman's: the command's 126/127 when it could not run, else 125.
impl ExitCode for Error {
    fn exit_code(&self) -> i32 {
        match self {
            Error::Runtime(e) => e.exit_code(),
            _ => exit::ENGINE,
        }
    }
}
