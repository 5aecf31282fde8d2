use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::parse_signal;

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
    super::each_container(ctx, &args.containers, |lifecycle, record| {
        lifecycle.kill(record, signal)
    })
}
