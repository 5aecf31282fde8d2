//! `kube play|down|generate`: Kubernetes YAML in and out. `document` reads
//! a file into typed Kubernetes objects, `translate` turns them into rcon's
//! create flags and volumes, `play` makes (and `down` removes) what they
//! describe, `generate` writes containers back as YAML.

pub mod document;
pub mod generate;
pub mod play;
pub mod translate;

use crate::image::distribution::error_chain;
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
    #[error("fetching {url}: {message}")]
    Fetch { url: String, message: String },
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

/// The most a YAML given by URL may be: far above any real file, and it
/// keeps a server that never stops sending from filling the memory.
const MAX_FETCHED: usize = 16 << 20;

/// The text of `file`, `-` being standard input and an `http://` or
/// `https://` URL the body a GET of it answers.
pub fn read_input(file: &str) -> Result<String, Error> {
    if file.starts_with("http://") || file.starts_with("https://") {
        return fetch(file);
    }
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

/// GET `url`: its body, as text, if the answer is 200 and at most
/// [`MAX_FETCHED`] bytes.
fn fetch(url: &str) -> Result<String, Error> {
    let failed = |message: String| Error::Fetch {
        url: url.to_string(),
        message,
    };
    crate::image::install_tls_provider();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| failed(e.to_string()))?;
    let body = runtime.block_on(async {
        let client = reqwest::Client::builder()
            .user_agent(concat!("rcon/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| failed(e.to_string()))?;
        let mut response = client
            .get(url)
            .send()
            .await
            .map_err(|e| failed(error_chain(&e)))?;
        if response.status() != reqwest::StatusCode::OK {
            return Err(failed(format!("the server answered {}", response.status())));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| failed(error_chain(&e)))?
        {
            if body.len() + chunk.len() > MAX_FETCHED {
                return Err(failed(format!(
                    "larger than {} MiB: not a YAML file",
                    MAX_FETCHED >> 20
                )));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    })?;
    String::from_utf8(body).map_err(|_| failed("the answer is not UTF-8 text".into()))
}
