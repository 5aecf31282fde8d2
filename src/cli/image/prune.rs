use clap::Args;

use crate::cli::{Context, Outcome};
use crate::image;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Remove every image no container uses, named or not
    #[arg(short, long)]
    pub all: bool,
    /// Do not ask for confirmation (rcon never asks; accepted for Podman compatibility)
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: PruneArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    for id in image::prune(&store, args.all)? {
        println!("{id}");
    }
    Ok(0)
}
