use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The container, by name or ID (running or not)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Its new name: [a-zA-Z0-9][a-zA-Z0-9_.-]*, not used by another container
    #[arg(value_name = "NEWNAME")]
    pub name: String,
}

pub fn run(ctx: &Context, args: RenameArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    lifecycle.rename(&record, &args.name)?;
    Ok(0)
}
