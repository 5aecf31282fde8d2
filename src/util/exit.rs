//! Podman's exit codes, and the one each error type carries, so that a
//! command's front end takes its code from the error it reports.

/// An error of the engine itself (the runtime's 126 and 127 are for a
/// command that cannot be run or found).
pub const ENGINE: i32 = 125;

/// The exit code a command that fails with this error ends with.
pub trait ExitCode {
    /// Most errors are the engine's (125); an error type whose failures
    /// Podman tells apart says so.
    fn exit_code(&self) -> i32 {
        ENGINE
    }
}

impl ExitCode for std::io::Error {}
impl ExitCode for serde_json::Error {}
impl ExitCode for std::fmt::Error {}
