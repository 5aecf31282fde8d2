//! `rcon pause` and `rcon unpause`: one file, as each is the other undone.

use clap::Args;

use super::{Context, Outcome};

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

/// Freezes (`freeze`) or thaws the containers named.
pub fn run(ctx: &Context, args: PauseArgs, freeze: bool) -> Outcome {
    super::each_container(ctx, &args.containers, |lifecycle, record| {
        lifecycle.set_frozen(record, freeze)
    })
}
