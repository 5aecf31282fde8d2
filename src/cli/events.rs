//! `rcon events`: the events log, filtered and printed as Podman prints it.

use std::io::Write;

use clap::Args;

use super::report::{self, Report};
use super::template::{Struct, Value};
use super::{Context, Outcome};
use crate::events::{Event, EventLog, Filter, ReadOptions};

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Only events matching KEY=VALUE: container, event (or status), image, label, network, pod, type, volume, since, until; the same key given again is an alternative, different keys must all match
    #[arg(short, long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
    /// Print each event through a Go template, or as JSON with `json`
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Show whole IDs (--no-trunc=false: 12 characters)
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub no_trunc: bool,
    /// Only events since this time (RFC 3339, a date, Unix seconds, or a duration such as 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Keep showing new events as they happen (--stream=false: only those recorded, then exit)
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub stream: bool,
    /// Only events until this time (same forms as --since); a stream ends then
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
}

/// How each event is printed.
enum Output {
    Human { truncate: bool },
    Json,
    Template(Report),
}

pub fn run(ctx: &Context, args: EventsArgs) -> Outcome {
    let output = match args.format.as_deref() {
        None | Some("") => Output::Human {
            truncate: !args.no_trunc,
        },
        Some(format) if report::is_json(format) => Output::Json,
        Some(format) => Output::Template(Report::user("events", format)?),
    };
    let options = ReadOptions {
        filter: Filter::parse(&args.filters)?,
        since: super::time_flag("--since", args.since.as_deref())?,
        until: super::time_flag("--until", args.until.as_deref())?,
        stream: args.stream,
        hangup: None,
    };
    let log = EventLog::configured(&ctx.paths.runroot, ctx.events_backend)?
        .ok_or(crate::events::Error::NoneBackend)?;
    let mut out = std::io::stdout().lock();
    let shown = crate::events::read(&log, &options, |event| {
        let line = match &output {
            Output::Human { truncate } => human(event, *truncate),
            Output::Json => serde_json::to_string(event).expect("an event serializes"),
            Output::Template(report) => {
                let text = report
                    .render(None, &Value::list(vec![reported(event)]))
                    .map_err(|f| std::io::Error::other(f.message))?;
                text.trim_end_matches('\n').to_string()
            }
        };
        writeln!(out, "{line}")?;
        // Each event as it comes, for whoever reads the stream.
        out.flush()
    });
    match shown {
        Ok(()) => Ok(0),
        // The reader went away (`events | head`): not an error.
        Err(crate::events::Error::Io(e)) if e.source.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(0)
        }
        Err(e) => Err(e.into()),
    }
}

/// The event's time as Go prints a `time.Time`, in the local time zone.
fn local_time(event: &Event) -> Value {
    Value::Time(event.time.with_timezone(&chrono::Local).fixed_offset())
}

/// Podman's line for an event (`ToHumanReadable`).
fn human(event: &Event, truncate: bool) -> String {
    let id = if truncate {
        &event.id[..event.id.len().min(12)]
    } else {
        &event.id
    };
    let (time, kind, status) = (local_time(event), &event.kind, &event.status);
    match kind.as_str() {
        "container" | "pod" => {
            let mut line = format!(
                "{time} {kind} {status} {id} (image={}, name={}",
                event.image, event.name
            );
            if !event.health_status.is_empty() {
                line.push_str(&format!(", health_status={}", event.health_status));
            }
            for (key, value) in event.attributes.iter().flatten() {
                line.push_str(&format!(", {key}={value}"));
            }
            line.push(')');
            line
        }
        "network" => format!(
            "{time} {kind} {status} {id} (container={id}, name={})",
            event.network
        ),
        "image" => format!("{time} {kind} {status} {id} {}", event.name),
        _ if event.name.is_empty() => format!("{time} {kind} {status}"),
        _ => format!("{time} {kind} {status} {}", event.name),
    }
}

/// The event as Podman's templates see it (`events.Event`).
fn reported(event: &Event) -> Value {
    let attributes = event.attributes.clone().unwrap_or_default();
    Struct::new("events.Event")
        .with(
            "ContainerExitCode",
            event
                .exit_code
                .map_or(Value::Nil, |code| Value::from(i64::from(code))),
        )
        .with("ID", event.id.as_str())
        .with("Image", event.image.as_str())
        .with("Name", event.name.as_str())
        .with("Network", event.network.as_str())
        .with("Status", event.status.as_str())
        .with("Time", local_time(event))
        .with("Type", event.kind.as_str())
        .with("HealthStatus", event.health_status.as_str())
        .with("Attributes", Value::string_map(&attributes))
        .into()
}
