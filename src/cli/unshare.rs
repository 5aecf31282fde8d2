use std::os::unix::process::CommandExt;
use std::process::Command;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::userns::{ROOTLESS_GID_ENV, ROOTLESS_UID_ENV};

#[derive(Debug, Args)]
pub struct UnshareArgs {
    /// Command to run inside the namespace, with its arguments [default: your $SHELL]
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "COMMAND"
    )]
    pub command: Vec<String>,
}

pub fn run(ctx: &Context, args: UnshareArgs) -> Outcome {
    let mut words = args.command.into_iter();
    let program = words
        .next()
        .or_else(|| std::env::var("SHELL").ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "/bin/sh".into());
    let error = Command::new(&program)
        .args(words)
        .env(ROOTLESS_UID_ENV, ctx.user.uid.to_string())
        .env(ROOTLESS_GID_ENV, ctx.user.gid.to_string())
        .env("RCON_ROOT", &ctx.paths.root)
        .env("RCON_RUNROOT", &ctx.paths.runroot)
        .exec();
    // exec only returns on failure; the codes are the shell's (and Podman's).
    let code = match error.kind() {
        std::io::ErrorKind::NotFound => 127,
        std::io::ErrorKind::PermissionDenied => 126,
        _ => EXIT_ENGINE,
    };
    Err(Failure::new(code, format!("cannot run {program}: {error}")))
}
