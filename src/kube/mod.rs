//! `kube play|down|generate`: Kubernetes YAML in and out. `document` reads
//! a file into typed Kubernetes objects, `translate` turns them into rcon's
//! create flags and volumes, `play` makes (and `down` removes) what they
//! describe, `generate` writes containers back as YAML.

pub mod document;
pub mod generate;
pub mod play;
pub mod translate;

use crate::util::exit::{self, ExitCode};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file that is not YAML, or a field of the wrong type: the message
    /// has the line.
    #[error("{file}: {message}")]
    Yaml { file: String, message: String },
    #[error(
        "{0}: the YAML has no object rcon plays (Pod, Deployment, ConfigMap, Secret or PersistentVolumeClaim)"
    )]
    NothingToPlay(String),
    /// A value rcon cannot play; the message says which and what to do.
    #[error("{0}")]
    Invalid(String),
    #[error("reading {file}: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Container(#[from] crate::container::Error),
    #[error(transparent)]
    Pod(#[from] crate::pod::Error),
    #[error(transparent)]
    Volume(#[from] crate::storage::volume::Error),
    #[error(transparent)]
    Io(#[from] crate::util::fs::IoError),
}

impl ExitCode for Error {
    fn exit_code(&self) -> i32 {
        match self {
            Error::Container(e) => e.exit_code(),
            Error::Pod(e) => e.exit_code(),
            _ => exit::ENGINE,
        }
    }
}

/// The text of `file`, `-` being standard input.
pub fn read_input(file: &str) -> Result<String, Error> {
    let read = || -> std::io::Result<String> {
        if file == "-" {
            std::io::read_to_string(std::io::stdin())
        } else {
            std::fs::read_to_string(file)
        }
    };
    read().map_err(|source| Error::Read {
        file: file.to_string(),
        source,
    })
}
