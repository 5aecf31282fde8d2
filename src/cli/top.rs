use clap::Args;

use super::{Context, Outcome, human};
use crate::container::lifecycle::Lifecycle;
use crate::container::top::top;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct TopArgs {
    /// The running container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Columns, Podman's descriptors (user pid ppid pcpu etime tty time args by default;
    /// also comm group hpid nice pgid rgroup ruser state), separate or comma-separated
    #[arg(value_name = "DESCRIPTOR")]
    pub descriptors: Vec<String>,
}

pub fn run(ctx: &Context, args: TopArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    let rows = top(&lifecycle, &record, &args.descriptors)?;
    print!("{}", human::table(&rows));
    Ok(0)
}
