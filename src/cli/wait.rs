use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::{Lifecycle, WaitCondition};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Wait until the containers are created, running, restarting, or stopped/exited (the default; prints their exit codes; -1 for the other conditions); may be repeated: any one will do
    #[arg(long, value_name = "CONDITION")]
    pub condition: Vec<String>,
    /// The containers, by name or ID; their exit codes are printed in order
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: WaitArgs) -> Outcome {
    let conditions = args
        .condition
        .iter()
        .map(|c| WaitCondition::parse(c))
        .collect::<Result<Vec<_>, _>>()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let records = args
        .containers
        .iter()
        .map(|name| lifecycle.find(name))
        .collect::<Result<Vec<_>, _>>()?;
    for record in &records {
        let code = lifecycle.wait(record, &conditions)?;
        println!("{code}");
    }
    Ok(0)
}
