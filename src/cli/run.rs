use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;

use super::create::CreateArgs;
use super::{Context, Outcome};
use crate::container::monitor::MonitorRecord;
use crate::container::store::ContainerRecord;
use crate::container::tty::DetachKeys;
use crate::container::{self, lifecycle::Lifecycle};
use crate::runtime::EXIT_CANNOT_INVOKE;
use crate::storage::driver;
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
    /// Write the monitor's PID (Podman's conmon) to this file once the container runs (with -d)
    #[arg(long, value_name = "FILE")]
    pub conmon_pidfile: Option<PathBuf>,
    /// Write the container's PID to this file once it runs (with -d)
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// Attach to this stream of the container's (stdin, stdout or stderr; may be repeated) [default: all]; the log gets every stream
    #[arg(short, long, value_name = "STREAM")]
    pub attach: Vec<String>,
    /// Pass N more descriptors (3 to 3+N-1, which must be open) into the container's command
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    /// Remove the image once the container exited and was removed (needs --rm); kept while other containers use it
    #[arg(long)]
    pub rmi: bool,
    #[command(flatten)]
    pub create: CreateArgs,
}

pub fn run(ctx: &Context, mut args: RunArgs) -> Outcome {
    let start = std::time::Instant::now();
    let detach_keys = DetachKeys::parse(&args.detach_keys)?;
    let cidfile = args.create.check_cidfile()?;
    if !args.detach && (args.conmon_pidfile.is_some() || args.pidfile.is_some()) {
        // The foreground's own PID would be the monitor's: not written yet.
        return Err(super::Failure::new(
            super::EXIT_ENGINE,
            "--conmon-pidfile and --pidfile need -d (rcon writes them for detached containers only)",
        ));
    }
    if args.detach && args.create.log_driver.as_deref() == Some("passthrough") {
        return Err(super::Failure::new(
            super::EXIT_ENGINE,
            "--log-driver passthrough needs a foreground run: it passes the output only to rcon's own streams",
        ));
    }
    if args.preserve_fds > 0 {
        if args.detach {
            // The detached monitor holds none of the caller's descriptors.
            return Err(super::Failure::new(
                super::EXIT_ENGINE,
                "--preserve-fds needs a foreground run: a detached container's monitor keeps none of the caller's descriptors",
            ));
        }
        crate::process::check_inherited_fds(args.preserve_fds)
            .map_err(|e| super::Failure::new(super::EXIT_ENGINE, e))?;
    }
    if args.rmi && (!args.create.rm || args.detach) {
        // The image can go only once the container has: when a foreground `--rm` run ends.
        return Err(super::Failure::new(
            super::EXIT_ENGINE,
            "--rmi needs --rm and no -d: the image is removed when the container, run in the foreground, has been removed",
        ));
    }
    ctx.check_runtime_flags()?;
    let attached = Attached::parse(&args.attach)?;
    if args.detach && !args.attach.is_empty() {
        return Err(super::Failure::new(
            super::EXIT_ENGINE,
            "-a/--attach and -d/--detach conflict: a detached container is attached to nothing",
        ));
    }
    // A stream not attached is not the container's: stdin stays closed.
    args.create.interactive &= attached.stdin;
    let store = Store::open(&ctx.paths.root)?;
    args.create.replace_existing(&store, &ctx.paths.runroot)?;
    let driver = driver::choose(store.root(), ctx.storage_driver, ctx.single)?.driver;
    let pod = args.create.pod_target()?;
    let mut request = args.create.request(ctx, driver)?;
    super::create::join_pod(&mut request, pod, ctx, &store)?;
    let record = container::create(&store, &request)?;
    super::create::write_cidfile(cidfile, &record.id)?;
    crate::log::phase("image lookup and container record", start);
    if args.detach {
        Lifecycle::open(&store, &ctx.paths.runroot)
            .and_then(|lifecycle| lifecycle.start(&record, ctx.single))
            .map_err(|e| start_failed(&store, &ctx.paths.runroot, &record, e))?;
        write_pidfiles(
            &ctx.paths.runroot,
            &record.id,
            [&args.conmon_pidfile, &args.pidfile],
        )?;
        println!("{}", record.id);
        return Ok(0);
    }
    let shown = attached.shown();
    if !shown.stdout && !shown.stderr {
        // Nothing of the command's is shown: Podman says which container it is.
        println!("{}", record.id);
    }
    let held = container::Held {
        sig_proxy: args.sig_proxy,
        detach_keys,
        preserve_fds: args.preserve_fds,
        shown,
        on_signal: container::OnSignal::Forward,
    };
    let code = container::start_foreground(&store, &ctx.paths.runroot, &record, held, ctx.single)
        .map_err(|e| start_failed(&store, &ctx.paths.runroot, &record, e))?;
    if args.rmi {
        remove_image(
            &store,
            &ctx.paths.runroot,
            &record.image_id,
            &record.image_name,
        );
    }
    Ok(code)
}

/// A container made by this `run` that could not be started: a `--rm` one
/// goes (nothing would ever remove it), and the exit code is Podman's for a
/// failed start: the runtime's 126 or 127, else 126 (the container could not
/// be invoked), where `rcon start` says 125.
fn start_failed(
    store: &Store,
    runroot: &Path,
    record: &ContainerRecord,
    error: container::Error,
) -> super::Failure {
    if record.config.remove {
        // The monitor may have removed it already, as it does at a --rm container's end.
        let _ = Lifecycle::open(store, runroot)
            .and_then(|lifecycle| lifecycle.remove(record, true, Duration::ZERO, true));
    }
    let mut failure = super::Failure::from(error);
    if failure.code == super::EXIT_ENGINE {
        failure.code = EXIT_CANNOT_INVOKE;
    }
    failure
}

/// `--attach`: the container's streams rcon is attached to.
struct Attached {
    stdin: bool,
    stdout: bool,
    stderr: bool,
}

impl Attached {
    /// Every stream when none is named, as Podman.
    fn parse(streams: &[String]) -> Result<Attached, super::Failure> {
        let every = streams.is_empty();
        let mut attached = Attached {
            stdin: every,
            stdout: every,
            stderr: every,
        };
        for stream in streams {
            match stream.to_ascii_lowercase().as_str() {
                "stdin" => attached.stdin = true,
                "stdout" => attached.stdout = true,
                "stderr" => attached.stderr = true,
                _ => {
                    return Err(super::Failure::new(
                        super::EXIT_ENGINE,
                        format!(
                            "invalid stream {stream:?} for --attach - must be one of stdin, stdout, or stderr"
                        ),
                    ));
                }
            }
        }
        Ok(attached)
    }

    fn shown(&self) -> container::Shown {
        container::Shown {
            stdout: self.stdout,
            stderr: self.stderr,
        }
    }
}

/// `--rmi`: the container's image goes unless another container uses it,
/// by the name the user gave (so other names of the image stay). A failure
/// is a warning, as in Podman: the container's exit code is what run reports.
fn remove_image(store: &Store, runroot: &Path, image_id: &str, image_name: &str) {
    let in_use = Lifecycle::open(store, runroot)
        .and_then(|lifecycle| Ok(lifecycle.containers().using_image(image_id)?))
        .map(|users| !users.is_empty());
    let target = if image_name.is_empty() {
        image_id
    } else {
        image_name
    };
    let outcome = match in_use {
        Ok(true) => return,
        Ok(false) => crate::image::remove(store, target, false)
            .map(drop)
            .map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    if let Err(e) = outcome {
        log::warn!("Failed removing image {target}: {e}");
    }
}

/// `--conmon-pidfile` and `--pidfile` of a started detached container.
fn write_pidfiles(
    runroot: &Path,
    id: &str,
    files: [&Option<PathBuf>; 2],
) -> Result<(), super::Failure> {
    if files.iter().all(|f| f.is_none()) {
        return Ok(());
    }
    let Some(monitor) = MonitorRecord::read(runroot, id) else {
        return Err(super::Failure::new(
            super::EXIT_ENGINE,
            format!("container {id} ended before its PID files could be written"),
        ));
    };
    for (file, pid) in files
        .into_iter()
        .zip([monitor.monitor_pid, monitor.container_pid])
    {
        if let Some(path) = file {
            std::fs::write(path, pid.to_string()).map_err(|e| {
                super::Failure::new(
                    super::EXIT_ENGINE,
                    format!("writing PID file {}: {e}", path.display()),
                )
            })?;
        }
    }
    Ok(())
}
