use clap::Args;

use super::{Context, Outcome};
use crate::container::attach::{AttachRequest, attach};
use crate::container::lifecycle::Lifecycle;
use crate::container::tty::DetachKeys;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// Keys that detach from the container, leaving it running: comma-separated ctrl-<KEY> or single characters; "" disables detaching
    #[arg(long, value_name = "KEYS", default_value = DetachKeys::DEFAULT)]
    pub detach_keys: String,
    /// Do not pass stdin on (the end of stdin closes the container's, unless it has a terminal)
    #[arg(long)]
    pub no_stdin: bool,
    /// Pass signals rcon receives on to the container's process
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub sig_proxy: bool,
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: AttachArgs) -> Outcome {
    let request = AttachRequest {
        keys: DetachKeys::parse(&args.detach_keys)?,
        stdin: !args.no_stdin,
        sig_proxy: args.sig_proxy,
    };
    // No join of rcon's namespace: the monitor's socket and the container's
    // records are the user's own files.
    ctx.paths.ensure_runroot()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    Ok(attach(&lifecycle, &record, request)?)
}
