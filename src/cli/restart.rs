use std::time::Duration;

use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::store::Status;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Seconds to wait after the stop signal before SIGKILL
    #[arg(
        short,
        long,
        visible_alias = "timeout",
        value_name = "SECONDS",
        default_value_t = 10
    )]
    pub time: u64,
    /// Restart every container
    #[arg(short, long)]
    pub all: bool,
    /// Restart the most recently created container
    #[arg(short, long)]
    pub latest: bool,
    /// With --all: only the containers that run
    #[arg(long)]
    pub running: bool,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest"])]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: RestartArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let targets = super::rm::targets(
        &lifecycle,
        &args.containers,
        args.all,
        args.latest,
        &[],
        false,
    )?;
    for (given, record) in &targets {
        if args.running && lifecycle.state(&record.id)?.status != Status::Running {
            continue;
        }
        lifecycle.restart(record, Duration::from_secs(args.time), ctx.single)?;
        println!("{given}");
    }
    Ok(0)
}
