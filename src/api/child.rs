//! Verbs the service runs as child `rcon` processes (whatever forks Rust code
//! must not run in this threaded process): the command line, and their
//! failures as API errors.

use std::process::{Command, Stdio};

use hyper::StatusCode;

use super::ApiError;
use super::server::Service;

/// The `rcon` command line this service was started with, for child rcons.
pub(super) fn rcon(service: &Service) -> Command {
    let mut command = Command::new("/proc/self/exe");
    command
        .arg("--root")
        .arg(&service.paths.root)
        .arg("--runroot")
        .arg(&service.paths.runroot)
        .stdin(Stdio::null());
    command
}

/// `rcon VERB` could not be run (or waited for).
pub(super) fn spawn_failed(verb: &str, e: std::io::Error) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("running rcon {verb}: {e}"),
    )
}

/// What a child rcon said on stderr, without its `Error: ` prefix.
pub(super) fn message(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .trim()
        .trim_start_matches("Error: ")
        .to_string()
}
