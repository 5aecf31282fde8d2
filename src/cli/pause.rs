//! `rcon pause` and `rcon unpause`: one file, as each is the other undone.

use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::store::Status;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// Every running container (pause), or every paused one (unpause)
    #[arg(short, long)]
    pub all: bool,
    /// The containers, by name or ID
    #[arg(
        value_name = "CONTAINER",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub containers: Vec<String>,
}

/// Freezes (`freeze`) or thaws the containers named, or with `--all` each
/// one that can be (printing their full IDs, as Podman).
pub fn run(ctx: &Context, args: PauseArgs, freeze: bool) -> Outcome {
    if !args.all {
        return super::each_container(ctx, &args.containers, |lifecycle, record| {
            lifecycle.set_frozen(record, freeze)
        });
    }
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    for (record, state) in lifecycle.list()? {
        if state.status == Status::Running && state.paused != freeze {
            lifecycle.set_frozen(&record, freeze)?;
            println!("{}", record.id);
        }
    }
    Ok(0)
}
