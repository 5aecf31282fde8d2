//! `rcon healthcheck run`, and the `--health-*` flags of `run`/`create`.

use clap::{Args, Subcommand};

use super::{Context, Outcome};
use crate::container::health::{self, HealthFlags, HealthStatus};
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Subcommand)]
pub enum HealthcheckVerb {
    /// Run a container's health check once now: exit 0 when it passes, 1 when it fails
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// The health-check flags `run` and `create` share.
#[derive(Debug, Args)]
pub struct HealthArgs {
    /// Health check: a shell command, a JSON array (["CMD", …] or an argv), or none
    #[arg(long, value_name = "COMMAND")]
    pub health_cmd: Option<String>,
    /// Time between checks, run by the container's monitor (disable: only `rcon healthcheck run`) [default: 30s]
    #[arg(long, value_name = "DURATION")]
    pub health_interval: Option<String>,
    /// Failures in a row that make the container unhealthy [default: 3]
    #[arg(long, value_name = "N")]
    pub health_retries: Option<String>,
    /// Longest a check may take [default: 30s]
    #[arg(long, value_name = "DURATION")]
    pub health_timeout: Option<String>,
    /// Time after the start in which failures do not count [default: 0s]
    #[arg(long, value_name = "DURATION")]
    pub health_start_period: Option<String>,
    /// What to do when the container turns unhealthy: none, kill, stop or restart
    #[arg(long, value_name = "ACTION")]
    pub health_on_failure: Option<String>,
    /// No health check, not even the image's
    #[arg(long)]
    pub no_healthcheck: bool,
}

impl HealthArgs {
    pub fn flags(self) -> HealthFlags {
        HealthFlags {
            cmd: self.health_cmd,
            interval: self.health_interval,
            retries: self.health_retries,
            timeout: self.health_timeout,
            start_period: self.health_start_period,
            on_failure: self.health_on_failure,
            no_healthcheck: self.no_healthcheck,
        }
    }
}

pub fn run(ctx: &Context, verb: HealthcheckVerb) -> Outcome {
    let HealthcheckVerb::Run(args) = verb;
    // As exec: the container's namespaces are joined straight from the host.
    ctx.paths.ensure_runroot()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    if health::run_check(&lifecycle, &record, ctx.single)? {
        return Ok(0);
    }
    // Podman says "unhealthy" for any failed run, even while still starting.
    println!("{}", HealthStatus::Unhealthy.name());
    Ok(1)
}
