use std::io::Write;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::logfile::{self, Followed, LogOptions, LogReader};
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
    /// Begin each line with its container's name (instead of its short ID, shown when there are several)
    #[arg(short, long)]
    pub names: bool,
    /// Show each container's lines in a colour of its own
    #[arg(long)]
    pub color: bool,
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
    /// The containers, by name or ID (with several, each line begins with its container's short ID)
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: LogsArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let records = args
        .containers
        .iter()
        .map(|name| lifecycle.find(name))
        .collect::<Result<Vec<_>, _>>()?;
    print_logs(&lifecycle, &records, &args.flags)
}

/// Prints the logs of `records` as `flags` say, following them while they
/// run with `--follow`; with several, each line begins with its container's
/// short ID, with `--names` with its name (also `rcon pod logs`).
pub(super) fn print_logs(
    lifecycle: &Lifecycle,
    records: &[ContainerRecord],
    flags: &LogFlags,
) -> Outcome {
    let options = &flags.options()?;
    let follow = flags.follow;
    let mut logs = Vec::new();
    for (index, record) in records.iter().enumerate() {
        if record.config.logs_nothing() {
            let driver = record.config.log_driver.as_deref().unwrap_or_default();
            return Err(super::Failure::new(
                super::EXIT_ENGINE,
                format!("this container is using the '{driver}' log driver, cannot read logs"),
            ));
        }
        let path = monitor::log_path(lifecycle.containers(), record);
        let Ok(reader) = LogReader::open(&path) else {
            // It never ran (or only with --rm in the foreground): nothing was logged.
            continue;
        };
        let reader = match (flags.names, records.len()) {
            (true, _) => reader.with_prefix(format!("{} ", record.name)),
            (false, 1) => reader,
            (false, _) => reader.with_prefix(format!("{} ", &record.id[..12])),
        };
        let reader = match flags.color {
            true => reader.with_color(logfile::COLORS[index % logfile::COLORS.len()]),
            false => reader,
        };
        // Before reading, so an end that happens meanwhile is not missed.
        let monitor = if follow && lifecycle.state(&record.id)?.status == Status::Running {
            MonitorRecord::read(lifecycle.runroot(), &record.id)
                .and_then(|m| monitor::pidfd(m.monitor_pid).filter(|_| m.monitor_alive()))
        } else {
            None
        };
        logs.push(Followed {
            reader,
            path,
            monitor,
        });
    }
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let copied = logs
        .iter_mut()
        .try_for_each(|log| {
            let ended = log.monitor.is_none();
            log.reader.copy_existing(options, ended, &mut out, &mut err)
        })
        .and_then(|()| logfile::follow(&mut logs, options, &mut out, &mut err))
        .and_then(|()| out.flush());
    match copied {
        Ok(()) => Ok(0),
        // The reader went away (`logs -f | head`): not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        Err(e) => {
            let names: Vec<&str> = records.iter().map(|r| r.name.as_str()).collect();
            Err(Failure::new(
                EXIT_ENGINE,
                format!("reading the log of {}: {e}", names.join(", ")),
            ))
        }
    }
}
