use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::{Context, Failure, Outcome};
use crate::container::lifecycle::{DEFAULT_STOP_TIMEOUT, Lifecycle, parse_signal};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct StopArgs {
    /// Seconds to wait after the stop signal before SIGKILL
    #[arg(short, long, visible_alias = "timeout", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// Stop every running container
    #[arg(short, long)]
    pub all: bool,
    /// A container that does not exist is no error
    #[arg(short, long)]
    pub ignore: bool,
    /// Stop the most recently created container
    #[arg(short, long)]
    pub latest: bool,
    /// Stop the containers whose IDs these files hold (as written by --cidfile)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Stop the containers that match: KEY=VALUE as for `ps --filter`
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest", "cidfile", "filter"])]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: StopArgs) -> Outcome {
    let names = super::rm::with_cidfiles(&args.containers, &args.cidfile)?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let targets = super::rm::targets(
        &lifecycle,
        &names,
        args.all,
        args.latest,
        &args.filter,
        args.ignore,
    )?;
    let mut failures: Vec<Failure> = Vec::new();
    for (given, record) in &targets {
        // Checked before anything stops: a bad StopSignal is the user's to fix.
        if let Some(name) = record
            .config
            .stop_signal
            .as_deref()
            .filter(|s| !s.is_empty())
        {
            if let Err(e) = parse_signal(name) {
                failures.push(e.into());
                continue;
            }
        }
        let timeout = args
            .time
            .or(record.config.stop_timeout)
            .map_or(DEFAULT_STOP_TIMEOUT, Duration::from_secs);
        match lifecycle.stop(record, timeout, None) {
            Ok(()) => println!("{given}"),
            Err(e) => failures.push(e.into()),
        }
    }
    super::report_failures(failures)
}
