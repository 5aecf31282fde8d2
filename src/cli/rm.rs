use std::time::Duration;

use clap::Args;

use super::{Context, Failure, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::store::{ContainerRecord, Status};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Remove running containers too (stopped first)
    #[arg(short, long)]
    pub force: bool,
    /// Remove every container
    #[arg(short, long)]
    pub all: bool,
    /// Also remove the containers' anonymous volumes
    #[arg(short, long)]
    pub volumes: bool,
    /// Seconds to wait for a running container to stop before SIGKILL (with -f)
    #[arg(short, long, value_name = "SECONDS", default_value_t = 10)]
    pub time: u64,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

/// The containers named (each resolved before any is touched), or with
/// `all` every one, paired with the text that named them.
pub fn targets(
    lifecycle: &Lifecycle,
    names: &[String],
    all: bool,
) -> Result<Vec<(String, ContainerRecord)>, Failure> {
    if all {
        return Ok(lifecycle
            .containers()
            .list()?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect());
    }
    names
        .iter()
        .map(|name| Ok((name.clone(), lifecycle.find(name)?)))
        .collect()
}

pub fn run(ctx: &Context, args: RmArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let targets = targets(&lifecycle, &args.containers, args.all)?;
    if !args.force {
        // Refuse before removing anything.
        for (_, record) in &targets {
            if lifecycle.state(&record.id)?.status == Status::Running {
                return Err(super::container_failure(crate::container::Error::Running(
                    record.name.clone(),
                )));
            }
        }
    }
    let timeout = Duration::from_secs(args.time);
    for (given, record) in &targets {
        lifecycle
            .remove(record, args.force, timeout, args.volumes)
            .map_err(super::container_failure)?;
        println!("{given}");
    }
    Ok(0)
}
