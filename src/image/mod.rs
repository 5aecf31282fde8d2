//! Images: what a name means and where to fetch it from.
//!
//! - [`reference`]: the reference grammar (`[registry/]path[:tag][@digest]`),
//!   with Docker Hub normalisation; pure parsing, no policy.
//! - [`registries`]: `registries.conf` — aliases and search registries for
//!   short names, insecure and blocked registries, location rewrites.
//! - [`auth`]: registry credentials in `auth.json` / Docker's `config.json`.
//!
//! - [`pull`]: fetching an image from a registry into the store, through
//!   [`distribution`] (the registry's HTTP API, every answer bounded) within
//!   the [`limits`] the user may set.
//! - [`local`]: images already in the store: lookup by name, tag, remove, inspect.

pub mod archive;
pub mod auth;
pub mod blobs;
pub mod commit;
pub mod config;
pub mod distribution;
pub mod download;
pub mod history;
pub mod import;
pub mod layer;
pub mod limits;
pub mod local;
pub mod login;
pub mod progress;
pub mod pull;
pub mod push;
pub mod reference;
pub mod registries;

pub use auth::{AuthFiles, Credentials};
pub use local::{
    Removal, inspect, lookup, matches_filter, matches_name, prune, remove, split_tag, tag, untag,
};
pub use pull::{PullOptions, pull_image};
pub use reference::Reference;
pub use registries::RegistriesConfig;

/// Makes ring rustls's crypto provider for this process; every registry
/// client (reqwest's and oci-client's, plain-HTTP ones too) needs one before it
/// is built, and they panic without. Cargo.toml compiles in ring and no other
/// (the crates' default, aws-lc, is a C library that took 17 % of a clean build
/// and 1.4 MB of the binary), so it is installed here rather than at start-up,
/// where commands that never talk to a registry would pay for it.
pub(crate) fn install_tls_provider() {
    // An error means a provider is installed already (ring, by an earlier call).
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// What the image verbs report; the CLI turns each into one line and exit code 125.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Reference(#[from] reference::Error),
    #[error(transparent)]
    Registries(#[from] registries::Error),
    #[error(transparent)]
    Auth(#[from] auth::Error),
    #[error(transparent)]
    Pull(#[from] pull::Error),
    #[error(transparent)]
    Login(#[from] login::Error),
    #[error(transparent)]
    Store(#[from] crate::storage::store::Error),
    #[error(transparent)]
    Io(#[from] crate::util::fs::IoError),
    #[error(
        "invalid platform {0:?}: expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8"
    )]
    BadPlatform(String),
    #[error("{name}: {}", not_found(.tried))]
    NotFound { name: String, tried: Vec<String> },
    #[error("{0}: tag not known")]
    TagNotKnown(String),
    #[error(
        "unable to delete image {id:?} by ID with more than one tag ([{}]): please force removal",
        .names.join(" ")
    )]
    SeveralNames { id: String, names: Vec<String> },
    #[error(
        "{name}: no registry could provide it (tried: {}): {}; check the name and the registries in registries.conf",
        .tried.join(", "), .failures.join("; ")
    )]
    NotPulled {
        name: String,
        tried: Vec<String>,
        failures: Vec<String>,
    },
    #[error("{name:?} matches more than one image; use a full name or a longer ID")]
    Ambiguous { name: String },
    #[error("pulling {name} is blocked by registries.conf")]
    Blocked { name: String },
    #[error(transparent)]
    Push(#[from] push::Error),
    #[error(transparent)]
    Archive(#[from] archive::Error),
    #[error("authentication failed for {host}: {}", if *.had_credentials {
        "the registry rejected the saved credentials; log in again with `rcon login`"
    } else {
        "the registry wants a login; run `rcon login` first"
    })]
    AuthFailed { host: String, had_credentials: bool },
    #[error("starting the network runtime: {0}")]
    Runtime(String),
    #[error(transparent)]
    Blobs(#[from] blobs::Error),
    #[error(transparent)]
    Limits(#[from] limits::Error),
    #[error(transparent)]
    BadChange(#[from] commit::BadChange),
    #[error("storing the new layer: {0}")]
    CommitLayer(String),
    #[error(
        "the config of image {image} is not valid: {source}; remove the image (`rcon rmi`) and pull it again"
    )]
    BadConfig {
        image: String,
        source: config::ConfigError,
    },
}

impl crate::util::exit::ExitCode for Error {}

/// Podman's words: "image not known" for a name not in local storage.
fn not_found(tried: &[String]) -> String {
    if tried.is_empty() {
        "image not known".to_string()
    } else {
        format!("image not found (tried: {})", tried.join(", "))
    }
}
