use clap::Args;

use crate::cli::{Context, Outcome};
use crate::container::Containers;
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
    let store = Store::open(&ctx.paths.root)?;
    let containers = Containers::open(store.root())?;
    // Containers are created under the store lock: none can appear on an
    // image between this look and its removal.
    let lock = store.lock()?;
    let in_use = containers.image_ids()?;
    for id in image::prune(&store, &lock, args.all, &in_use)? {
        println!("{id}");
    }
    Ok(0)
}
