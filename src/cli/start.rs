use clap::Args;

use super::{Context, Failure, Outcome};
use crate::container::{self, Containers};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct StartArgs {
    /// Attach to the container's output and wait for it to exit
    #[arg(short, long)]
    pub attach: bool,
    /// Keep stdin attached (with -a)
    #[arg(short, long)]
    pub interactive: bool,
    /// Pass signals rcon receives on to the container's process
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub sig_proxy: bool,
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: StartArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let containers = Containers::open(store.root())?;
    let mut record = containers.find(&args.container)?;
    let state = containers.state(&record.id)?;
    if state.status == container::store::Status::Running {
        return Err(Failure::new(
            super::EXIT_ENGINE,
            format!("container {} is already running", record.name),
        ));
    }
    record.config.interactive |= args.interactive;
    container::start_foreground(&store, &record, args.sig_proxy).map_err(super::container_failure)
}
