use std::io::Write;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::logfile::{self, LogOptions, LogReader};
use crate::container::monitor::{self, MonitorRecord};
use crate::container::store::{ContainerRecord, Status};
use crate::storage::store::Store;

/// What to show of a log (`logs`, `pod logs`).
#[derive(Debug, Args)]
pub struct LogFlags {
    /// Keep printing new output until the container exits
    #[arg(short, long)]
    pub follow: bool,
    /// Only the last N lines
    #[arg(long, value_name = "N")]
    pub tail: Option<usize>,
    /// Only output since this time (RFC 3339, a date, Unix seconds, or a duration such as 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only output until this time (same forms as --since)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Prefix each line with its time
    #[arg(short, long)]
    pub timestamps: bool,
}

impl LogFlags {
    pub fn options(&self) -> Result<LogOptions, Failure> {
        Ok(LogOptions {
            tail: self.tail,
            since: super::time_flag("--since", self.since.as_deref())?,
            until: super::time_flag("--until", self.until.as_deref())?,
            timestamps: self.timestamps,
        })
    }
}

#[derive(Debug, Args)]
pub struct LogsArgs {
    #[command(flatten)]
    pub flags: LogFlags,
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: LogsArgs) -> Outcome {
    let options = args.flags.options()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    print_log(&lifecycle, &record, &options, args.flags.follow)
}

/// Prints `record`'s log as `options` say, following it while it runs with
/// `follow` (also `rcon pod logs`, once per container).
pub(super) fn print_log(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    options: &LogOptions,
    follow: bool,
) -> Outcome {
    if record.config.logs_nothing() {
        return Err(super::Failure::new(
            super::EXIT_ENGINE,
            "this container is using the 'none' log driver, cannot read logs",
        ));
    }
    let path = monitor::log_path(lifecycle.containers(), &record.id);
    let Ok(mut reader) = LogReader::open(&path) else {
        // It never ran (or only with --rm in the foreground): nothing was logged.
        return Ok(0);
    };
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    // Before reading, so an end that happens meanwhile is not missed.
    let monitor = if follow && lifecycle.state(&record.id)?.status == Status::Running {
        MonitorRecord::read(lifecycle.runroot(), &record.id)
            .and_then(|m| monitor::pidfd(m.monitor_pid).filter(|_| m.monitor_alive()))
    } else {
        None
    };
    let copied = reader
        .copy_existing(options, monitor.is_none(), &mut out, &mut err)
        .and_then(|()| match monitor {
            Some(fd) => logfile::follow(&mut reader, &path, options, Some(fd), &mut out, &mut err),
            None => Ok(()),
        })
        .and_then(|()| out.flush());
    match copied {
        Ok(()) => Ok(0),
        // The reader went away (`logs -f | head`): not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        Err(e) => Err(Failure::new(
            EXIT_ENGINE,
            format!("reading the log of {}: {e}", record.name),
        )),
    }
}
