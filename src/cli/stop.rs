use std::time::Duration;

use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::{Lifecycle, parse_signal};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct StopArgs {
    /// Seconds to wait after the stop signal before SIGKILL
    #[arg(short, long, value_name = "SECONDS", default_value_t = 10)]
    pub time: u64,
    /// Stop every running container
    #[arg(short, long)]
    pub all: bool,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: StopArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let timeout = Duration::from_secs(args.time);
    let targets = super::rm::targets(&lifecycle, &args.containers, args.all)?;
    for (given, record) in &targets {
        // Checked before anything stops: a bad StopSignal is the user's to fix.
        if let Some(name) = record
            .config
            .stop_signal
            .as_deref()
            .filter(|s| !s.is_empty())
        {
            parse_signal(name)?;
        }
        lifecycle
            .stop(record, timeout, None)
            .map_err(super::container_failure)?;
        println!("{given}");
    }
    Ok(0)
}
