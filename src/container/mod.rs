//! Containers' lifecycle: records in the store, create, and starting them
//! with rcon as the monitor. `runtime` does the container itself.

mod foreground;
pub mod run;
pub mod store;
mod tty;

pub use run::{CreateRequest, PullPolicy, create, start_foreground};
pub use store::{ContainerRecord, Containers};

/// What the container verbs report; [`Error::exit_code`] says how rcon ends.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Image(#[from] crate::image::Error),
    #[error(transparent)]
    ImageStore(#[from] crate::storage::store::Error),
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error(transparent)]
    Runtime(#[from] crate::runtime::Error),
    #[error("{0}: image not known locally, and --pull=never forbids pulling it")]
    ImageNotLocal(String),
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// Podman's exit code: the command's 126/127 when it could not run, else 125.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Runtime(e) => e.exit_code(),
            _ => crate::runtime::EXIT_ENGINE,
        }
    }
}
