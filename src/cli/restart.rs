use std::time::Duration;

use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Seconds to wait after the stop signal before SIGKILL
    #[arg(short, long, value_name = "SECONDS", default_value_t = 10)]
    pub time: u64,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: RestartArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let targets = super::rm::targets(&lifecycle, &args.containers, false)?;
    for (given, record) in &targets {
        lifecycle
            .restart(record, Duration::from_secs(args.time))
            .map_err(super::container_failure)?;
        println!("{given}");
    }
    Ok(0)
}
