use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
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
    /// Start every container that does not run
    #[arg(long)]
    pub all: bool,
    /// Start the containers that match: KEY=VALUE as for `ps --filter`
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Start the most recently created container
    #[arg(short, long)]
    pub latest: bool,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest", "filter"])]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: StartArgs) -> Outcome {
    if args.all && !args.containers.is_empty() {
        return Err(Failure::new(
            EXIT_ENGINE,
            "either start all containers or the container(s) provided in the arguments",
        ));
    }
    ctx.check_runtime_flags()?;
    let detach_keys = DetachKeys::parse(&args.detach_keys)?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    if args.attach || args.interactive {
        let [name] = args.containers.as_slice() else {
            return Err(Failure::new(
                EXIT_ENGINE,
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
            return Ok(attach(&lifecycle, &record, request)?);
        }
        record.config.interactive |= args.interactive;
        return Ok(container::start_foreground(
            &store,
            &ctx.paths.runroot,
            &record,
            container::Held {
                sig_proxy: args.sig_proxy,
                ..container::Held::new(detach_keys)
            },
            ctx.single,
        )?);
    }
    let targets = super::rm::targets(
        &lifecycle,
        &args.containers,
        args.all,
        args.latest,
        &args.filter,
        false,
    )?;
    let mut failures = Vec::new();
    for (given, record) in &targets {
        // A running container is left as it is, and not printed (as Podman).
        if lifecycle.state(&record.id)?.status == container::store::Status::Running {
            continue;
        }
        match lifecycle.start(record, ctx.single) {
            Ok(()) => println!("{given}"),
            // As Podman: a container that cannot start is the engine's failure (125),
            // whatever its command would have exited with.
            Err(e) => failures.push(Failure::new(EXIT_ENGINE, e)),
        }
    }
    super::report_failures(failures)
}
