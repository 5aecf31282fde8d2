use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::{Lifecycle, parse_signal};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct KillArgs {
    /// The signal to send: a name (TERM, SIGHUP) or a number
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: KillArgs) -> Outcome {
    let signal = parse_signal(&args.signal)?;
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    for name in &args.containers {
        let record = lifecycle.find(name)?;
        lifecycle
            .kill(&record, signal)
            .map_err(super::container_failure)?;
        println!("{name}");
    }
    Ok(0)
}
