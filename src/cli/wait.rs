use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The containers, by name or ID; their exit codes are printed in order
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: WaitArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    for name in &args.containers {
        let record = lifecycle.find(name)?;
        let code = lifecycle.wait(&record).map_err(super::container_failure)?;
        println!("{code}");
    }
    Ok(0)
}
