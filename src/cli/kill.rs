use std::path::PathBuf;

use clap::Args;

use super::{Context, Failure, Outcome};
use crate::container::lifecycle::{Lifecycle, parse_kill_signal};
use crate::container::store::Status;
use crate::storage::store::Store;

/// `-s`: the signal `kill` and `pod kill` send.
#[derive(Debug, Args)]
pub struct SignalArg {
    /// The signal to send: a name (TERM, SIGHUP) or a number
    #[arg(
        short,
        long,
        value_name = "SIGNAL",
        default_value = "KILL",
        allow_hyphen_values = true
    )]
    pub signal: String,
}

#[derive(Debug, Args)]
pub struct KillArgs {
    #[command(flatten)]
    pub signal: SignalArg,
    /// Signal every running container
    #[arg(short, long)]
    pub all: bool,
    /// Signal the most recently created container
    #[arg(short, long)]
    pub latest: bool,
    /// Signal the containers whose IDs these files hold (as written by --cidfile)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest", "cidfile"])]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: KillArgs) -> Outcome {
    let signal = parse_kill_signal(&args.signal.signal)?;
    let names = super::rm::with_cidfiles(&args.containers, &args.cidfile)?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let targets = super::rm::targets(&lifecycle, &names, args.all, args.latest, &[], false)?;
    let mut failures: Vec<Failure> = Vec::new();
    for (given, record) in &targets {
        // --all passes over the containers that do not run.
        if args.all && lifecycle.state(&record.id)?.status != Status::Running {
            continue;
        }
        match lifecycle.kill(record, signal) {
            Ok(()) => println!("{given}"),
            Err(e) => failures.push(e.into()),
        }
    }
    super::report_failures(failures)
}
