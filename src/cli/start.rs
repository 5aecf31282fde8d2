use clap::Args;

use super::{Context, Outcome};
use crate::container::attach::{AttachRequest, attach};
use crate::container::tty::DetachKeys;
use crate::container::{self, lifecycle::Lifecycle};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct StartArgs {
    /// Attach to the container's output and wait for it to exit (one container; a running one is attached to)
    #[arg(short, long)]
    pub attach: bool,
    /// Keep stdin attached (with -a)
    #[arg(short, long)]
    pub interactive: bool,
    /// Pass signals rcon receives on to the container's process (with -a)
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub sig_proxy: bool,
    /// Keys that detach from the session (with -a, -i and a terminal), leaving the container running: comma-separated ctrl-<KEY> or single characters; "" disables detaching
    #[arg(long, value_name = "KEYS", default_value = DetachKeys::DEFAULT)]
    pub detach_keys: String,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: StartArgs) -> Outcome {
    let detach_keys = DetachKeys::parse(&args.detach_keys)?;
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    if args.attach || args.interactive {
        let [name] = args.containers.as_slice() else {
            return Err(super::Failure::new(
                super::EXIT_ENGINE,
                "start -a attaches to one container only: give one name or ID",
            ));
        };
        let mut record = lifecycle.find(name)?;
        if lifecycle.state(&record.id)?.status == container::store::Status::Running {
            // Already running (detached): attach to it, as Podman does.
            let request = AttachRequest {
                keys: detach_keys,
                stdin: args.interactive,
                sig_proxy: args.sig_proxy,
            };
            return attach(&lifecycle, &record, request).map_err(super::container_failure);
        }
        record.config.interactive |= args.interactive;
        return container::start_foreground(
            &store,
            &ctx.paths.runroot,
            &record,
            args.sig_proxy,
            detach_keys,
        )
        .map_err(super::container_failure);
    }
    for name in &args.containers {
        let record = lifecycle.find(name).map_err(super::container_failure)?;
        lifecycle.start(&record).map_err(super::container_failure)?;
        println!("{name}");
    }
    Ok(0)
}
