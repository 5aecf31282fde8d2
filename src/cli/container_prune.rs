//! `rcon container prune`: remove every container that does not run.

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::filter::PruneFilter;
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only containers matching: label=KEY[=VALUE], label!=KEY[=VALUE],
    /// until=TIME (created before it: RFC 3339, a date, Unix seconds, or a duration such as 24h); may be repeated
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

pub fn run(ctx: &Context, args: PruneArgs) -> Outcome {
    let filters = args
        .filter
        .iter()
        .map(|term| PruneFilter::parse(term).map_err(|e| Failure::new(EXIT_ENGINE, e)))
        .collect::<Result<Vec<_>, _>>()?;
    if !args.force
        && !super::confirm(
            "WARNING! This will remove all non running containers.\nAre you sure you want to continue? [y/N] ",
        )?
    {
        return Ok(0);
    }
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let removed = lifecycle.prune(|record| filters.iter().all(|f| f.matches(record)))?;
    for id in removed {
        println!("{id}");
    }
    Ok(0)
}
