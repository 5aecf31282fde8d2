use std::collections::BTreeMap;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::human;
use super::report::{self, Report};
use super::template::{Struct, Value, Wanted};
use super::{Context, Outcome};
use crate::container::filter::ContainerFilter;
use crate::container::health::{HealthState, HealthStatus};
use crate::container::lifecycle::Lifecycle;
use crate::container::store::{ContainerRecord, State, Status};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct PsArgs {
    /// Show every container, not only running ones
    #[arg(short, long)]
    pub all: bool,
    /// Also show containers in storage that rcon does not run (rcon's store has none: the same as without)
    #[arg(long)]
    pub external: bool,
    /// Print only the IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Only the most recently created container (any state)
    #[arg(short, long, conflicts_with = "last")]
    pub latest: bool,
    /// Only the N most recently created containers (any state)
    #[arg(short = 'n', long, value_name = "N")]
    pub last: Option<usize>,
    /// Do not shorten IDs and commands
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the header line
    #[arg(long)]
    pub noheading: bool,
    /// Filter: id=REGEX, name=REGEX, status=STATE, exited=CODE, label=KEY[=VALUE], ancestor=IMAGE, before=/since=CONTAINER, volume=, network=, restart-policy=
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// json, a Go template ('{{.ID}} {{.Names}}') or a table ('table {{.ID}} {{.Status}}')
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Sort by: command, created, id, image, names, runningfor, size, status
    #[arg(long, value_enum, value_name = "FIELD")]
    pub sort: Option<SortKey>,
    /// Show the size of each container's own files (and with its image's)
    #[arg(short, long, conflicts_with = "quiet")]
    pub size: bool,
    /// Show the namespaces of running containers
    #[arg(long, conflicts_with_all = ["quiet", "size"])]
    pub ns: bool,
    /// Show the pod of each container
    #[arg(short, long)]
    pub pod: bool,
    /// Check each container's state against its processes (rcon always does)
    #[arg(long)]
    pub sync: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    Command,
    Created,
    Id,
    Image,
    Names,
    Runningfor,
    Size,
    Status,
    Pod,
}

/// One container as ps shows it.
struct Listed {
    record: ContainerRecord,
    /// Its pod's name (with a pod).
    pod_name: String,
    /// What it publishes: its own ports, or those of the container whose
    /// network it uses (a pod's infra container).
    ports: Vec<crate::network::PortMapping>,
    state: State,
    /// A `stop` waits for it to end.
    stopping: bool,
    /// Its health, when it runs with a check and the status is shown.
    health: Option<HealthStatus>,
    /// (the container's own files, with its image's), with --size.
    size: Option<(u64, u64)>,
}

pub fn run(ctx: &Context, args: PsArgs) -> Outcome {
    let json = args.format.as_deref().is_some_and(report::is_json);
    let user_format = args.format.as_deref().filter(|_| !json);
    let report = match user_format {
        Some(format) => Report::user("ps", &format.replace(".Namespaces.", "."))?,
        None => Report::podman("ps", &default_row(&args)),
    };
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    // Only what is shown is read: a stop in progress shows in .Status and .State.
    let wanted = report.fields_read();
    let needs_status = json
        || (!(args.quiet && user_format.is_none())
            && (wanted.has("Status") || wanted.has("State")));
    let filter = ContainerFilter::parse(&args.filter, &lifecycle)?;
    let last = args.last.filter(|n| *n > 0).or(args.latest.then_some(1));
    let all = args.all || last.is_some() || filter.has_status();
    // Newest first, as listed.
    let mut shown: Vec<(ContainerRecord, State)> = lifecycle
        .list()?
        .into_iter()
        .filter(|(record, state)| {
            (all || state.status == Status::Running) && filter.matches(record, state)
        })
        .collect();
    if let Some(n) = last {
        shown.truncate(n);
    }
    shown.reverse();
    let pod_names: BTreeMap<String, String> =
        match shown.iter().any(|(r, _)| r.config.pod.is_some()) {
            true => crate::pod::Pods::open(store.root())?
                .list()?
                .into_iter()
                .map(|p| (p.id, p.name))
                .collect(),
            false => BTreeMap::new(),
        };
    let network_ports = |record: &ContainerRecord| match &record.config.network {
        crate::network::Mode::Container(holder) => lifecycle
            .containers()
            .find(holder)
            .map(|h| h.config.ports)
            .unwrap_or_default(),
        _ => record.config.ports.clone(),
    };
    let mut shown: Vec<Listed> = shown
        .into_iter()
        .map(|(record, state)| {
            let size = args.size.then(|| container_size(&lifecycle, &record));
            let stopping =
                state.status == Status::Running && needs_status && lifecycle.stopping(&record.id);
            let health = needs_status
                .then(|| HealthState::of(lifecycle.runroot(), &record, &state))
                .flatten()
                .map(|h| h.status);
            Listed {
                pod_name: record
                    .config
                    .pod
                    .as_ref()
                    .and_then(|id| pod_names.get(id))
                    .cloned()
                    .unwrap_or_default(),
                ports: network_ports(&record),
                record,
                state,
                stopping,
                health,
                size,
            }
        })
        .collect();
    if let Some(key) = args.sort {
        sort(&mut shown, key);
    }
    if json {
        let list: Vec<serde_json::Value> = shown.iter().map(json_entry).collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(0);
    }
    if args.quiet && user_format.is_none() {
        for listed in &shown {
            println!("{}", short_id(&listed.record.id, args.no_trunc));
        }
        return Ok(0);
    }
    let rows = Value::list(
        shown
            .iter()
            .map(|listed| row(listed, args.no_trunc, args.ns, &wanted))
            .collect(),
    );
    let headers = (report.is_table() && !args.noheading).then(|| headers(&report));
    print!("{}", report.render(headers, &rows)?);
    Ok(0)
}

fn default_row(args: &PsArgs) -> String {
    if args.ns {
        return "{{.ID}}\t{{.Names}}\t{{.Pid}}\t{{.Namespaces.Cgroup}}\t{{.Namespaces.IPC}}\t{{.Namespaces.MNT}}\t{{.Namespaces.NET}}\t{{.Namespaces.PIDNS}}\t{{.Namespaces.User}}\t{{.Namespaces.UTS}}".replace(".Namespaces.", ".");
    }
    let mut row =
        "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedHuman}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
            .to_string();
    if args.pod {
        row.push_str("\t{{.Pod}}\t{{.PodName}}");
    }
    if args.size {
        row.push_str("\t{{.Size}}");
    }
    row
}

/// The header of each field a ps template can show.
fn headers(report: &Report) -> Value {
    report.headers(
        &[
            "AutoRemove",
            "Command",
            "Created",
            "CreatedAt",
            "Exited",
            "ExitedAt",
            "ExitCode",
            "Image",
            "ImageID",
            "IsInfra",
            "Labels",
            "Mounts",
            "Names",
            "Namespaces",
            "Pid",
            "Ports",
            "Size",
            "StartedAt",
            "State",
            "Status",
        ],
        &[
            ("Cgroup", "cgroupns"),
            ("CreatedHuman", "created"),
            ("ID", "container id"),
            ("IPC", "ipc"),
            ("MNT", "mnt"),
            ("NET", "net"),
            ("Networks", "networks"),
            ("PIDNS", "pidns"),
            ("Pod", "pod id"),
            ("PodName", "podname"),
            ("RunningFor", "running for"),
            ("UTS", "uts"),
            ("User", "userns"),
        ],
    )
}

fn sort(shown: &mut [Listed], key: SortKey) {
    let command = |l: &Listed| l.record.config.args.join(" ");
    match key {
        SortKey::Command => shown.sort_by_key(command),
        SortKey::Created => shown.sort_by(|a, b| a.record.created.cmp(&b.record.created)),
        SortKey::Id => shown.sort_by(|a, b| a.record.id.cmp(&b.record.id)),
        SortKey::Image => shown.sort_by(|a, b| a.record.image_name.cmp(&b.record.image_name)),
        SortKey::Names => shown.sort_by(|a, b| a.record.name.cmp(&b.record.name)),
        SortKey::Runningfor => shown.sort_by_key(|l| unix(l.state.started_at.as_deref())),
        SortKey::Size => shown.sort_by_key(|l| l.size.map_or(0, |(_, with_image)| with_image)),
        SortKey::Status => shown.sort_by_key(|l| status_name(l.state.status)),
        SortKey::Pod => {}
    }
}

fn short_id(id: &str, no_trunc: bool) -> &str {
    if no_trunc {
        id
    } else {
        &id[..12.min(id.len())]
    }
}

/// "Up 3 seconds ago", "Exited (0) 2 minutes ago", "Created", "Stopping", as Podman 4 words them.
/// A running container with a health check shows its health after: "Up 5 seconds (healthy)".
fn status_text(state: &State, stopping: bool, health: Option<HealthStatus>) -> String {
    let text = match state.status {
        Status::Running if stopping => "Stopping".into(),
        Status::Running if state.paused => "Paused".into(),
        Status::Created => "Created".into(),
        Status::Running if state.restarting => format!(
            "Restarting ({}) {}",
            state.exit_code.unwrap_or(-1),
            human::ago(state.finished_at.as_deref())
        ),
        Status::Running => format!("Up {}", human::ago(state.started_at.as_deref())),
        Status::Exited => format!(
            "Exited ({}) {}",
            state.exit_code.unwrap_or(-1),
            human::ago(state.finished_at.as_deref())
        ),
    };
    match health {
        Some(health) => format!("{text} ({})", health.name()),
        None => text,
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
fn ports_text(ports: &[crate::network::PortMapping]) -> String {
    let shown: Vec<String> = ports.iter().map(|p| p.display()).collect();
    shown.join(", ")
}

fn labels(record: &ContainerRecord) -> BTreeMap<String, String> {
    record.config.labels.iter().cloned().collect()
}

fn mount_destinations(record: &ContainerRecord) -> Vec<String> {
    record
        .config
        .mounts
        .iter()
        .map(|m| m.destination.clone())
        .collect()
}

fn networks(record: &ContainerRecord) -> Vec<String> {
    record.config.network_names()
}

/// The sizes of a container's own files and of them with its image's, in
/// bytes; 0 where they cannot be read.
fn container_size(lifecycle: &Lifecycle, record: &ContainerRecord) -> (u64, u64) {
    let own = crate::system::df::writable_size(&lifecycle.containers().dir(&record.id));
    let image = crate::image::lookup(lifecycle.store(), &record.image_id).map_or(0, |i| i.size);
    (own, own + image)
}

/// `{{.Size}}`: "12B (virtual 2.17MB)", go-units' sizes as Podman prints them.
fn size_text(size: Option<(u64, u64)>) -> String {
    match size {
        Some((own, with_image)) => format!(
            "{} (virtual {})",
            human::go_size(own, 3),
            human::go_size(with_image, 3)
        ),
        None => String::new(),
    }
}

/// A running container's namespaces, by their inode numbers, as Podman shows
/// them (with `--ns`; else empty, as Podman's).
fn namespaces(state: &State, wanted: bool) -> Struct {
    let link = |name: &str| -> String {
        if !wanted || state.status != Status::Running || state.pid <= 0 {
            return String::new();
        }
        std::fs::read_link(format!("/proc/{}/ns/{name}", state.pid))
            .ok()
            .and_then(|target| {
                let text = target.to_string_lossy().into_owned();
                let start = text.find('[')? + 1;
                let end = text.rfind(']')?;
                Some(text[start..end].to_string())
            })
            .unwrap_or_default()
    };
    Struct::new("entities.ListContainerNamespaces")
        .with("MNT", link("mnt"))
        .with("Cgroup", link("cgroup"))
        .with("IPC", link("ipc"))
        .with("NET", link("net"))
        .with("PIDNS", link("pid"))
        .with("UTS", link("uts"))
        .with("User", link("user"))
}

/// One container as ps templates see it: Podman's ListContainer fields and
/// psReporter's methods (`.ID` shortened, `.Names` the name, `.Status` in
/// words); only the fields `wanted` (what the template reads) are made.
fn row(listed: &Listed, no_trunc: bool, with_namespaces: bool, wanted: &Wanted) -> Value {
    let Listed {
        record,
        state,
        stopping,
        health,
        size,
        ..
    } = listed;
    let config = &record.config;
    let command = || {
        let command = config.args.join(" ");
        Value::Str(if !no_trunc && command.len() > 17 {
            let mut cut = 17;
            while !command.is_char_boundary(cut) {
                cut -= 1;
            }
            format!("{}...", &command[..cut])
        } else {
            command
        })
    };
    let created = || Value::time(Some(&record.created));
    let ago = || Value::Str(human::ago(Some(&record.created)));
    let status = || Value::Str(status_text(state, *stopping, *health));
    let namespaces = namespaces(state, with_namespaces);
    let ns = |name: &str| namespaces.field(name).cloned().unwrap_or(Value::from(""));
    Struct::new("containers.psReporter")
        .with_wanted(wanted, "AutoRemove", || config.remove.into())
        .with_wanted(wanted, "Cgroup", || ns("Cgroup"))
        .with_wanted(wanted, "Command", command)
        .with_wanted(wanted, "Created", created)
        .with_wanted(wanted, "CreatedAt", || created().to_string().into())
        .with_wanted(wanted, "CreatedHuman", ago)
        .with_wanted(wanted, "Exited", || (state.status == Status::Exited).into())
        .with_wanted(wanted, "ExitedAt", || {
            unix(state.finished_at.as_deref()).into()
        })
        .with_wanted(wanted, "ExitCode", || state.exit_code.unwrap_or(0).into())
        .with_wanted(wanted, "ID", || short_id(&record.id, no_trunc).into())
        .with_wanted(wanted, "IPC", || ns("IPC"))
        .with_wanted(wanted, "Image", || record.image_name.as_str().into())
        .with_wanted(wanted, "ImageID", || {
            short_id(&record.image_id, no_trunc).into()
        })
        .with_wanted(wanted, "IsInfra", || config.infra.into())
        .with_wanted(wanted, "Labels", || Value::string_map(&labels(record)))
        .with_wanted(wanted, "MNT", || ns("MNT"))
        .with_wanted(wanted, "Mounts", || {
            Value::strings(&mount_destinations(record))
        })
        .with_wanted(wanted, "Names", || record.name.as_str().into())
        .with_wanted(wanted, "Namespaces", || namespaces.clone().into())
        .with_wanted(wanted, "NET", || ns("NET"))
        .with_wanted(wanted, "Networks", || networks(record).join(",").into())
        .with_wanted(wanted, "Pid", || state.pid.into())
        .with_wanted(wanted, "PIDNS", || ns("PIDNS"))
        .with_wanted(wanted, "Pod", || {
            let pod = config.pod.as_deref().unwrap_or_default();
            short_id(pod, no_trunc).into()
        })
        .with_wanted(wanted, "PodName", || listed.pod_name.as_str().into())
        .with_wanted(wanted, "Ports", || ports_text(&listed.ports).into())
        .with_wanted(wanted, "RunningFor", ago)
        .with_wanted(wanted, "Size", || size_text(*size).into())
        .with_wanted(wanted, "StartedAt", || {
            unix(state.started_at.as_deref()).into()
        })
        .with_wanted(wanted, "State", status)
        .with_wanted(wanted, "Status", status)
        .with_wanted(wanted, "User", || ns("User"))
        .with_wanted(wanted, "UTS", || ns("UTS"))
        .into()
}

/// One container as `--format json` prints it (Podman's ListContainer).
fn json_entry(listed: &Listed) -> serde_json::Value {
    let Listed {
        record,
        state,
        stopping,
        health,
        size,
        ..
    } = listed;
    let ports = match listed.ports.as_slice() {
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
    let labels = labels(record);
    json!({
        "AutoRemove": record.config.remove,
        "Command": record.config.args,
        "CreatedAt": human::ago(Some(&record.created)),
        "Exited": state.status == Status::Exited,
        "ExitedAt": unix(state.finished_at.as_deref()),
        "ExitCode": state.exit_code.unwrap_or(0),
        "Id": record.id,
        "Image": record.image_name,
        "ImageID": record.image_id,
        "IsInfra": record.config.infra,
        "Labels": if labels.is_empty() { serde_json::Value::Null } else { json!(labels) },
        "Mounts": mount_destinations(record),
        "Names": [record.name],
        "Namespaces": {},
        "Networks": networks(record),
        "Pid": state.pid,
        "Pod": record.config.pod.clone().unwrap_or_default(),
        "PodName": listed.pod_name,
        "Ports": ports,
        "Size": size.map(|(own, with_image)| json!({"RootFsSize": with_image, "RwSize": own})),
        "StartedAt": unix(state.started_at.as_deref()),
        "State": status_name(state.status),
        "Status": status_text(state, *stopping, *health),
        "Created": unix(Some(&record.created)),
    })
}
