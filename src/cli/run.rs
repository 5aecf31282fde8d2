use clap::Args;

use super::create::CreateArgs;
use super::{Context, Outcome};
use crate::container::tty::DetachKeys;
use crate::container::{self, lifecycle::Lifecycle};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Run in the background under a monitor and print the container ID once the command runs
    #[arg(short, long)]
    pub detach: bool,
    /// Pass signals rcon receives on to the container's process
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub sig_proxy: bool,
    /// Keys that detach from a session with -it, leaving the container running under a monitor: comma-separated ctrl-<KEY> or single characters; "" disables detaching
    #[arg(long, value_name = "KEYS", default_value = DetachKeys::DEFAULT)]
    pub detach_keys: String,
    #[command(flatten)]
    pub create: CreateArgs,
}

pub fn run(ctx: &Context, args: RunArgs) -> Outcome {
    let start = std::time::Instant::now();
    let detach_keys = DetachKeys::parse(&args.detach_keys)?;
    let cidfile = args.create.check_cidfile()?;
    let namespace = ctx.enter_namespace()?;
    let start = crate::log::phase("namespace join", start);
    let store = Store::open(&ctx.paths.root)?;
    args.create.replace_existing(&store, &ctx.paths.runroot)?;
    let request = args
        .create
        .request(&namespace, &ctx.user, ctx.storage_driver)?;
    let record = container::create(&store, &request).map_err(super::container_failure)?;
    super::create::write_cidfile(cidfile, &record.id)?;
    crate::log::phase("image lookup and container record", start);
    if args.detach {
        Lifecycle::open(&store, &ctx.paths.runroot)
            .and_then(|lifecycle| lifecycle.start(&record))
            .map_err(super::container_failure)?;
        println!("{}", record.id);
        return Ok(0);
    }
    container::start_foreground(
        &store,
        &ctx.paths.runroot,
        &record,
        args.sig_proxy,
        detach_keys,
    )
    .map_err(super::container_failure)
}
