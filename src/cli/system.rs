use std::io::{BufRead, IsTerminal, Write};

use clap::{Args, Subcommand};

use super::info::InfoArgs;
use super::{Context, Outcome};
use crate::system;

#[derive(Debug, Subcommand)]
pub enum SystemVerb {
    /// Remove all of your rcon images, containers and state (storage root and runtime dir)
    Reset(ResetArgs),
    /// Restart the user namespace, e.g. after /etc/subuid or /etc/subgid changed
    Migrate,
    /// Show how rcon is set up on this host (same as `rcon info`)
    Info(InfoArgs),
    /// Serve the Docker Engine API on a socket, for Docker's CLI, SDKs and tools (DOCKER_HOST)
    Service(super::service::ServiceArgs),
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, verb: SystemVerb) -> Outcome {
    match verb {
        SystemVerb::Reset(args) => reset(ctx, args),
        SystemVerb::Migrate => {
            system::migrate(&ctx.paths);
            Ok(0)
        }
        SystemVerb::Info(args) => super::info::run(ctx, args),
        SystemVerb::Service(args) => super::service::run(ctx, args),
    }
}

fn reset(ctx: &Context, args: ResetArgs) -> Outcome {
    if !args.force && std::io::stdin().is_terminal() {
        eprint!(
            "This removes every rcon image, container and volume in {} and the state in {}.\nAre you sure you want to continue? [y/N] ",
            ctx.paths.root.display(),
            ctx.paths.runroot.display()
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            return Ok(0);
        }
    }
    ctx.enter_namespace()?;
    // Containers first: nothing may run on (or write into) what is removed.
    crate::container::monitor::kill_all(&ctx.paths.runroot);
    system::reset(&ctx.paths)?;
    Ok(0)
}
