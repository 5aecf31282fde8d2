use clap::Args;
use serde_json::json;

use super::human;
use super::template::GoTemplate;
use super::{Context, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::store::{ContainerRecord, State, Status};
use crate::filter::{self, Filter};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct PsArgs {
    /// Show every container, not only running ones
    #[arg(short, long)]
    pub all: bool,
    /// Print only the IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Only the most recently created container (any state)
    #[arg(short, long)]
    pub latest: bool,
    /// Only the N most recently created containers (any state)
    #[arg(short = 'n', long, value_name = "N")]
    pub last: Option<usize>,
    /// Do not shorten IDs and commands
    #[arg(long)]
    pub no_trunc: bool,
    /// Filter: name=REGEX, status=created|running|exited, ancestor=IMAGE, label=KEY[=VALUE], id=PREFIX
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// json, or a Go template such as '{{.ID}} {{.Names}}'
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
}

pub fn run(ctx: &Context, args: PsArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let filters = parse_filters(&args.filter)?;
    let template = match args.format.as_deref() {
        Some("json") | None => None,
        Some(text) => Some(GoTemplate::parse(text)?),
    };
    let mut shown: Vec<(ContainerRecord, State)> = lifecycle
        .list()?
        .into_iter()
        .filter(|(_, state)| {
            args.all
                || args.latest
                || args.last.is_some()
                || !filters.values("status").is_empty()
                || state.status == Status::Running
        })
        .filter(|(record, state)| filters.matches(&Listed { record, state }))
        .collect();
    if let Some(n) = args.last.or(args.latest.then_some(1)) {
        shown.truncate(n);
    }
    if args.quiet {
        for (record, _) in &shown {
            println!("{}", short_id(&record.id, args.no_trunc));
        }
        return Ok(0);
    }
    if args.format.as_deref() == Some("json") {
        let list: Vec<serde_json::Value> = shown.iter().map(|(r, s)| json_entry(r, s)).collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(0);
    }
    if let Some(template) = template {
        let mut out = String::new();
        for (record, state) in &shown {
            out.push_str(&template.render(&entry(record, state, args.no_trunc))?);
        }
        print!("{out}");
        return Ok(0);
    }
    let mut rows = vec![
        [
            "CONTAINER ID",
            "IMAGE",
            "COMMAND",
            "CREATED",
            "STATUS",
            "PORTS",
            "NAMES",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (record, state) in &shown {
        let command = record.config.args.join(" ");
        rows.push(vec![
            short_id(&record.id, args.no_trunc).to_string(),
            record.image_name.clone(),
            if args.no_trunc {
                command
            } else {
                truncate(&command, 17)
            },
            human::ago(Some(&record.created)),
            status_text(state),
            ports_text(record),
            record.name.clone(),
        ]);
    }
    print!("{}", human::table(&rows));
    Ok(0)
}

fn short_id(id: &str, no_trunc: bool) -> &str {
    if no_trunc {
        id
    } else {
        &id[..12.min(id.len())]
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 3).collect();
    cut + "..."
}

/// "Up 3 seconds", "Exited (0) 2 minutes ago", "Created".
fn status_text(state: &State) -> String {
    let since = |time: Option<&str>| {
        time.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| (chrono::Utc::now() - t.with_timezone(&chrono::Utc)).num_seconds())
    };
    match state.status {
        Status::Created => "Created".into(),
        Status::Running if state.restarting => format!(
            "Restarting ({}) {}",
            state.exit_code.unwrap_or(-1),
            human::ago(state.finished_at.as_deref())
        ),
        Status::Running => match since(state.started_at.as_deref()) {
            Some(seconds) => format!("Up {}", human::duration(seconds)),
            None => "Up".into(),
        },
        Status::Exited => format!(
            "Exited ({}) {}",
            state.exit_code.unwrap_or(-1),
            human::ago(state.finished_at.as_deref())
        ),
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Created => "created",
        Status::Running => "running",
        Status::Exited => "exited",
    }
}

fn unix(time: Option<&str>) -> i64 {
    time.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map_or(0, |t| t.timestamp())
}

/// Podman's PORTS column: `0.0.0.0:8080->80/tcp, 127.0.0.1:9000->90/udp`.
fn ports_text(record: &ContainerRecord) -> String {
    let shown: Vec<String> = record.config.ports.iter().map(|p| p.display()).collect();
    shown.join(", ")
}

/// One container as `--format json` prints it: as templates see it, but
/// with Podman's JSON types — `Names` a list, `Ports` a list of mappings.
fn json_entry(record: &ContainerRecord, state: &State) -> serde_json::Value {
    let mut entry = entry(record, state, true);
    entry["Names"] = json!([record.name]);
    entry["Ports"] = match record.config.ports.as_slice() {
        [] => serde_json::Value::Null,
        ports => ports
            .iter()
            .map(|p| {
                json!({
                    "host_ip": p.host_ip,
                    "container_port": p.container_port,
                    "host_port": p.host_port,
                    "range": p.range,
                    "protocol": p.protocol,
                })
            })
            .collect(),
    };
    entry
}

/// One container as templates see it (Podman's field names; `{{.Names}}`
/// and `{{.Ports}}` are text, as Podman prints them).
fn entry(record: &ContainerRecord, state: &State, no_trunc: bool) -> serde_json::Value {
    let labels: serde_json::Map<String, serde_json::Value> = record
        .config
        .labels
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    json!({
        "AutoRemove": record.config.remove,
        "Command": record.config.args,
        "Created": unix(Some(&record.created)),
        "CreatedAt": human::ago(Some(&record.created)),
        "Exited": state.status == Status::Exited,
        "ExitedAt": unix(state.finished_at.as_deref()),
        "ExitCode": state.exit_code.unwrap_or(0),
        "ID": short_id(&record.id, no_trunc),
        "Id": record.id,
        "Image": record.image_name,
        "ImageID": record.image_id,
        "Labels": labels,
        "Names": record.name,
        "Pid": state.pid,
        "Ports": ports_text(record),
        "StartedAt": unix(state.started_at.as_deref()),
        "State": status_name(state.status),
        "Status": status_text(state),
    })
}

/// The statuses `--filter status=` takes.
const STATUSES: [&str; 3] = ["created", "running", "exited"];

/// `--filter` terms: name, label and `status`, `ancestor`, `id`.
fn parse_filters(terms: &[String]) -> Result<Filter, filter::Error> {
    let filters = Filter::parse("container", &["status", "ancestor", "id"], terms)?;
    match filters
        .values("status")
        .iter()
        .find(|s| !STATUSES.contains(&s.as_str()))
    {
        Some(bad) => Err(filter::Error {
            object: "container",
            term: format!("status={bad}"),
            why: format!("status is one of {}", STATUSES.join(", ")),
        }),
        None => Ok(filters),
    }
}

/// A container as `--filter` sees it.
struct Listed<'a> {
    record: &'a ContainerRecord,
    state: &'a State,
}

impl filter::Subject for Listed<'_> {
    fn name(&self) -> &str {
        &self.record.name
    }

    fn label(&self, key: &str) -> Option<&str> {
        self.record.config.label(key)
    }

    fn passes(&self, key: &str, value: &str) -> bool {
        let (record, image) = (self.record, &self.record.image_name);
        match key {
            "status" => value == status_name(self.state.status),
            "ancestor" => {
                image == value
                    || record
                        .image_id
                        .starts_with(value.trim_start_matches("sha256:"))
                    || image.rsplit('/').next().is_some_and(|short| {
                        short == value || short.split(':').next() == Some(value)
                    })
            }
            "id" => record.id.starts_with(value),
            _ => false,
        }
    }
}
