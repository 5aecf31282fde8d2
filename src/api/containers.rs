//! `/containers/...`: create, start, stop, kill, restart, wait, attach,
//! logs, top, remove, list, inspect — each the same engine call as its verb.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};

use super::child::{self, rcon, spawn_failed};
use super::images::tls_verify_for;
use super::server::{
    AttachedRun, Body, Service, blocking, empty, flag, json, json_body, query, streaming,
};
use super::stdio::{self, Streams, Wanted};
use super::{ApiError, ApiResult};
use crate::container::filter::ContainerFilter;
use crate::container::lifecycle::{
    DEFAULT_STOP_TIMEOUT, Lifecycle, parse_kill_signal, parse_signal,
};
use crate::container::logfile::{self, LogOptions, LogReader};
use crate::container::monitor::{self, MonitorRecord};
use crate::container::mounts::MountKind;
use crate::container::resources::ResourceFlags;
use crate::container::store::{ContainerRecord, State, Status};
use crate::container::{self, CreateBasics, CreateFlags, PullPolicy};
use crate::image::PullOptions;
use crate::network::names::NameOptions;

const RAW_STREAM: &str = "application/vnd.docker.raw-stream";
const MULTIPLEXED_STREAM: &str = "application/vnd.docker.multiplexed-stream";

pub async fn route(
    service: Arc<Service>,
    request: Request<Incoming>,
    method: &Method,
    rest: &[&str],
) -> ApiResult<Response<Body>> {
    let query = query(&request);
    let (get, post) = (method == Method::GET, method == Method::POST);
    match rest {
        ["create"] if post => create(service, request, query).await,
        ["json"] if get => list(service, query).await,
        [id, "json"] if get => inspect(service, id).await,
        [id, "start"] if post => start(service, id).await,
        [id, "stop"] if post => stop(service, id, query).await,
        [id, "restart"] if post => restart(service, id, query).await,
        [id, "kill"] if post => kill(service, id, query).await,
        [id, "wait"] if post => wait(service, id, query).await,
        [id, "attach"] if post => attach(service, request, id).await,
        [id, "resize"] if post => resize(service, id, query).await,
        [id, "exec"] if post => super::exec::create(service, request, id).await,
        [id, "archive"] => super::archive::route(service, request, method, id).await,
        [id, "changes"] if get => super::files::changes(service, id).await,
        [id, "export"] if get => super::files::export(service, id).await,
        [id, "top"] if get => top(service, id, query).await,
        [id, "stats"] if get => super::stats::stats(service, id, query).await,
        [id, "pause"] if post => freeze(service, id, true).await,
        [id, "unpause"] if post => freeze(service, id, false).await,
        [id, "logs"] if get => logs(service, id, query).await,
        [id] if method == Method::DELETE => remove(service, id, query).await,
        _ => Err(ApiError::not_found(format!(
            "page not found: {method} /containers/{}",
            rest.join("/")
        ))),
    }
}

/// Runs `work` on the container `id` names, in the blocking pool.
pub(super) async fn with_container<T: Send + 'static>(
    service: &Arc<Service>,
    id: &str,
    work: impl FnOnce(&Lifecycle, ContainerRecord) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let service = Arc::clone(service);
    let id = id.to_string();
    blocking(move || {
        let store = service.store()?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        let record = lifecycle.find(&id).map_err(|e| match ApiError::from(e) {
            e if e.status == StatusCode::NOT_FOUND => {
                ApiError::not_found(format!("No such container: {id}"))
            }
            e => e,
        })?;
        work(&lifecycle, record)
    })
    .await
}

/// `POST /containers/create`'s body, as far as rcon has the features.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct CreateBody {
    image: String,
    cmd: Option<Vec<String>>,
    entrypoint: Option<Vec<String>>,
    env: Option<Vec<String>>,
    labels: Option<BTreeMap<String, String>>,
    working_dir: String,
    user: String,
    hostname: String,
    tty: bool,
    open_stdin: bool,
    stop_signal: Option<String>,
    host_config: HostConfig,
    networking_config: NetworkingConfig,
}

/// The networks to join and the names to be known by there.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct NetworkingConfig {
    endpoints_config: Option<BTreeMap<String, Option<EndpointSettings>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct EndpointSettings {
    aliases: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct HostConfig {
    binds: Option<Vec<String>>,
    port_bindings: Option<BTreeMap<String, Option<Vec<PortBinding>>>>,
    publish_all_ports: bool,
    auto_remove: bool,
    network_mode: String,
    restart_policy: Option<RestartPolicy>,
    privileged: bool,
    cap_add: Option<Vec<String>>,
    cap_drop: Option<Vec<String>>,
    security_opt: Option<Vec<String>>,
    readonly_rootfs: bool,
    init: Option<bool>,
    dns: Option<Vec<String>>,
    dns_search: Option<Vec<String>>,
    dns_options: Option<Vec<String>>,
    extra_hosts: Option<Vec<String>>,
    tmpfs: Option<BTreeMap<String, String>>,
    group_add: Option<Vec<String>>,
    memory: i64,
    memory_reservation: i64,
    memory_swap: i64,
    nano_cpus: i64,
    cpu_shares: u64,
    cpu_period: u64,
    cpu_quota: i64,
    cpuset_cpus: String,
    cpuset_mems: String,
    pids_limit: Option<i64>,
    oom_score_adj: i32,
    blkio_weight: u64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct PortBinding {
    host_ip: String,
    host_port: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct RestartPolicy {
    name: String,
    maximum_retry_count: u32,
}

impl CreateBody {
    /// The flags `rcon create` would be given for the same wishes.
    fn flags(self, name: Option<String>, service: &Service) -> CreateFlags {
        let host = self.host_config;
        let entrypoint = self.entrypoint.map(|entrypoint| {
            if entrypoint.iter().all(String::is_empty) {
                String::new()
            } else {
                serde_json::to_string(&entrypoint).expect("serialisable")
            }
        });
        // Docker's "80/tcp": [{"HostIp": "", "HostPort": "8080"}] as `-p`'s "8080:80/tcp".
        let publish = host
            .port_bindings
            .unwrap_or_default()
            .into_iter()
            .flat_map(|(port, bindings)| {
                bindings.unwrap_or_default().into_iter().map(move |b| {
                    match (b.host_ip.as_str(), b.host_port.as_str()) {
                        ("", "") => port.clone(),
                        ("", host_port) => format!("{host_port}:{port}"),
                        (ip, host_port) => format!("{ip}:{host_port}:{port}"),
                    }
                })
            })
            .collect();
        let mut endpoints = self.networking_config.endpoints_config.unwrap_or_default();
        // Docker's CLI names the network in both places; other clients
        // (docker-py's `network=`) only in the endpoints.
        let mode = match host.network_mode.as_str() {
            "" | "default" if endpoints.len() == 1 => endpoints.keys().next().expect("one").clone(),
            mode => mode.to_string(),
        };
        let network_aliases = endpoints
            .remove(&mode)
            .flatten()
            .and_then(|endpoint| endpoint.aliases)
            .unwrap_or_default();
        let network = match mode.as_str() {
            "" | "default" | "bridge" => "private".to_string(),
            _ => mode,
        };
        let restart = host.restart_policy.and_then(|p| match p.name.as_str() {
            "" | "no" => None,
            "on-failure" if p.maximum_retry_count > 0 => {
                Some(format!("on-failure:{}", p.maximum_retry_count))
            }
            name => Some(name.to_string()),
        });
        let non_empty = |s: String| Some(s).filter(|s| !s.is_empty());
        CreateFlags {
            basics: CreateBasics {
                pull_options: PullOptions {
                    tls_verify: tls_verify_for(&self.image),
                    squash_owners: service.squash_owners,
                    quiet: true,
                    ..PullOptions::default()
                },
                image: self.image,
                command: self.cmd.unwrap_or_default(),
                name,
                remove: host.auto_remove,
                tty: self.tty,
                interactive: self.open_stdin,
                privileged: host.privileged,
                user: non_empty(self.user),
                group_add: host.group_add.unwrap_or_default(),
                workdir: non_empty(self.working_dir),
                hostname: non_empty(self.hostname),
                network_aliases,
                publish_all: host.publish_all_ports,
                names: NameOptions {
                    dns: host.dns.unwrap_or_default(),
                    dns_search: host.dns_search.unwrap_or_default(),
                    dns_option: host.dns_options.unwrap_or_default(),
                    add_host: host.extra_hosts.unwrap_or_default(),
                    ..NameOptions::default()
                },
                read_only: host.readonly_rootfs,
                init: host.init.unwrap_or(false),
                // As Docker's daemon: a missing image is the client's to pull.
                pull: PullPolicy::Never,
                storage_driver: service.storage_driver,
                ..CreateBasics::default()
            },
            env: self.env.unwrap_or_default(),
            volumes: host.binds.unwrap_or_default(),
            tmpfs: host
                .tmpfs
                .unwrap_or_default()
                .into_iter()
                .map(|(path, options)| match options.as_str() {
                    "" => path,
                    _ => format!("{path}:{options}"),
                })
                .collect(),
            cap_add: host.cap_add.unwrap_or_default(),
            cap_drop: host.cap_drop.unwrap_or_default(),
            security_opt: host.security_opt.unwrap_or_default(),
            entrypoint,
            network,
            publish,
            labels: self
                .labels
                .unwrap_or_default()
                .into_iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect(),
            stop_signal: self.stop_signal,
            restart,
            resources: ResourceFlags {
                memory: (host.memory > 0).then(|| host.memory.to_string()),
                memory_reservation: (host.memory_reservation > 0)
                    .then(|| host.memory_reservation.to_string()),
                memory_swap: (host.memory_swap != 0).then(|| host.memory_swap.to_string()),
                cpus: (host.nano_cpus > 0).then(|| host.nano_cpus as f64 / 1e9),
                cpu_shares: (host.cpu_shares > 0).then_some(host.cpu_shares),
                cpu_period: (host.cpu_period > 0).then_some(host.cpu_period),
                cpu_quota: (host.cpu_quota > 0).then_some(host.cpu_quota),
                cpuset_cpus: non_empty(host.cpuset_cpus),
                cpuset_mems: non_empty(host.cpuset_mems),
                pids_limit: host.pids_limit.filter(|n| *n != 0),
                blkio_weight: (host.blkio_weight > 0).then(|| host.blkio_weight.to_string()),
                ..ResourceFlags::default()
            },
            oom_score_adj: (host.oom_score_adj != 0).then_some(host.oom_score_adj),
            ..CreateFlags::default()
        }
    }
}

async fn create(
    service: Arc<Service>,
    request: Request<Incoming>,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let body: CreateBody = json_body(request).await?;
    if body.image.is_empty() {
        return Err(ApiError::bad_request("Config.Image is required"));
    }
    let image = body.image.clone();
    let flags = body.flags(query.get("name").cloned(), &service);
    let (record, warnings) = blocking(move || {
        let request = flags.parse()?;
        let store = service.store()?;
        let record = container::create(&store, &request).map_err(|e| match e {
            container::Error::ImageNotLocal(_) => {
                ApiError::not_found(format!("No such image: {image}"))
            }
            e => e.into(),
        })?;
        Ok((record, request.warnings))
    })
    .await?;
    Ok(json(
        StatusCode::CREATED,
        &json!({ "Id": record.id, "Warnings": warnings }),
    ))
}

/// Docker's `State.Status` words.
fn status_word(state: &State) -> &'static str {
    match state.status {
        Status::Created => "created",
        Status::Running if state.restarting => "restarting",
        Status::Running if state.paused => "paused",
        Status::Running => "running",
        Status::Exited => "exited",
    }
}

/// "Up 3 seconds", "Exited (0) 2 minutes ago", "Created", as `docker ps` words them.
fn status_text(state: &State) -> String {
    use crate::cli::human;
    match state.status {
        Status::Created => "Created".into(),
        Status::Running => {
            let since = state
                .started_at
                .as_deref()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map_or(0, |t| {
                    (chrono::Utc::now() - t.with_timezone(&chrono::Utc)).num_seconds()
                });
            format!("Up {}", human::duration(since))
        }
        Status::Exited => format!(
            "Exited ({}) {}",
            state.exit_code.unwrap_or(-1),
            human::ago(state.finished_at.as_deref())
        ),
    }
}

fn unix_time(time: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(time).map_or(0, |t| t.timestamp())
}

fn ports(record: &ContainerRecord) -> Vec<Value> {
    record
        .config
        .ports
        .iter()
        .flat_map(|p| {
            (0..p.range).map(move |i| {
                json!({
                    "IP": p.host_ip(),
                    "PrivatePort": p.container_port + i,
                    "PublicPort": p.host_port + i,
                    "Type": p.protocol.to_string(),
                })
            })
        })
        .collect()
}

/// Docker's `filters={"status":["running"],"label":["a=b"]}` as `ps --filter` terms.
pub(super) fn filter_terms(query: &HashMap<String, String>) -> ApiResult<Vec<String>> {
    let Some(text) = query.get("filters").filter(|t| !t.is_empty()) else {
        return Ok(Vec::new());
    };
    let filters: HashMap<String, Value> = serde_json::from_str(text)
        .map_err(|e| ApiError::bad_request(format!("invalid filters {text:?}: {e}")))?;
    let mut terms = Vec::new();
    for (key, values) in filters {
        // Either ["v", ...] or {"v": true, ...} (older clients).
        let values: Vec<String> = match values {
            Value::Array(list) => list
                .iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
            Value::Object(map) => map.keys().cloned().collect(),
            _ => Vec::new(),
        };
        terms.extend(values.into_iter().map(|v| format!("{key}={v}")));
    }
    Ok(terms)
}

async fn list(service: Arc<Service>, query: HashMap<String, String>) -> ApiResult<Response<Body>> {
    let all = flag(&query, "all");
    let limit: Option<usize> = query
        .get("limit")
        .and_then(|l| l.parse::<i64>().ok())
        .filter(|l| *l > 0)
        .map(|l| l as usize);
    let terms = filter_terms(&query)?;
    let listed = blocking(move || {
        let store = service.store()?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        let filter = ContainerFilter::parse(&terms, &lifecycle).map_err(ApiError::bad_request)?;
        let mut listed: Vec<Value> = Vec::new();
        for (record, state) in lifecycle.list()? {
            let shown = (all || state.status == Status::Running || filter.has_status())
                && filter.matches(&record, &state);
            if !shown {
                continue;
            }
            let (network_mode, networks) = container::inspect::docker_networks(&record);
            listed.push(json!({
                "Id": record.id,
                "Names": [format!("/{}", record.name)],
                "Image": record.image_name,
                "ImageID": format!("sha256:{}", record.image_id),
                "Command": record.config.args.join(" "),
                "Created": unix_time(&record.created),
                "Ports": ports(&record),
                "Labels": record.config.labels.iter().cloned().collect::<BTreeMap<_, _>>(),
                "State": status_word(&state),
                "Status": status_text(&state),
                "HostConfig": { "NetworkMode": network_mode },
                "NetworkSettings": { "Networks": networks },
                "Mounts": [],
            }));
        }
        Ok(listed)
    })
    .await?;
    let listed: Vec<Value> = match limit {
        Some(limit) => listed.into_iter().take(limit).collect(),
        None => listed,
    };
    Ok(json(StatusCode::OK, &Value::Array(listed)))
}

async fn inspect(service: Arc<Service>, id: &str) -> ApiResult<Response<Body>> {
    let value = with_container(&service, id, |lifecycle, record| {
        let state = lifecycle.state(&record.id)?;
        let dir = lifecycle.containers().dir(&record.id);
        let live = container::inspect::Live::of(lifecycle, &record, &state);
        let mut value = container::inspect::inspect(&record, &state, &dir, &live);
        // Where Docker's shape differs from Podman's.
        value["Name"] = json!(format!("/{}", record.name));
        value["Image"] = json!(format!("sha256:{}", record.image_id));
        value["State"]["Status"] = json!(status_word(&state));
        value["State"]["Error"] = json!("");
        // Docker's clients read the logs back (docker-py's `run`) only from
        // drivers they know as readable; rcon's k8s-file log is, through `logs`.
        value["HostConfig"]["LogConfig"] = json!({ "Type": "json-file", "Config": {} });
        let (network_mode, networks) = container::inspect::docker_networks(&record);
        value["HostConfig"]["NetworkMode"] = json!(network_mode);
        value["NetworkSettings"]["Networks"] = networks;
        value["HostConfig"]["Binds"] = json!(
            record
                .config
                .mounts
                .iter()
                .filter(|m| m.kind != MountKind::Tmpfs)
                .map(|m| format!(
                    "{}:{}",
                    m.name.clone().unwrap_or_else(|| m.source.clone()),
                    m.destination
                ))
                .collect::<Vec<_>>()
        );
        Ok(value)
    })
    .await?;
    Ok(json(StatusCode::OK, &value))
}

/// Starts `id` by running `rcon start ID`: the detached monitor is forked,
/// and forking runs Rust code in the child, which is safe only from a
/// single-threaded process; this one has tokio's threads.
fn start_detached(service: &Service, id: &str) -> ApiResult<()> {
    let output = rcon(service)
        .args(["start", id])
        .output()
        .map_err(|e| spawn_failed("start", e))?;
    if output.status.success() {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        child::message(&output.stderr),
    ))
}

async fn start(service: Arc<Service>, id: &str) -> ApiResult<Response<Body>> {
    let (record, running) = with_container(&service, id, |lifecycle, record| {
        let running = lifecycle.state(&record.id)?.status == Status::Running;
        Ok((record, running))
    })
    .await?;
    let streams = service
        .attached
        .lock()
        .expect("not poisoned")
        .get_mut(&record.id)
        .and_then(|run| Some((run.output.take()?, run.input.take())));
    if let Some((output, input)) = streams {
        start_attached(&service, &record, output, input)?;
        return Ok(empty(StatusCode::NO_CONTENT));
    }
    if running {
        return Ok(empty(StatusCode::NOT_MODIFIED));
    }
    blocking(move || start_detached(&service, &record.id)).await?;
    Ok(empty(StatusCode::NO_CONTENT))
}

/// Starts a container a client attached to before the start (`docker run`
/// without `-d`): `rcon start --attach` in the foreground, its output into
/// the attach stream (a pty's, with a terminal), the client's input into
/// it, its exit status to the waiters. So nothing the container writes is
/// missed, and the exit code is known even when `AutoRemove` removes the
/// container.
fn start_attached(
    service: &Arc<Service>,
    record: &ContainerRecord,
    output: mpsc::Sender<Bytes>,
    input: Option<mpsc::Receiver<Bytes>>,
) -> ApiResult<()> {
    let mut command = rcon(service);
    command.args(["start", "--attach", "--sig-proxy=false"]);
    if input.is_some() {
        command.arg("--interactive");
    }
    command.arg(&record.id);
    let tty = record.config.tty;
    let wanted = Wanted {
        tty,
        stdin: input.is_some(),
        stdout: true,
        stderr: true,
    };
    let (child, streams) = stdio::spawn("start", command, wanted, None)?;
    if let Streams::Terminal(master) = &streams {
        let pid = nix::unistd::Pid::from_raw(child.id() as i32);
        if let Some(run) = service
            .attached
            .lock()
            .expect("not poisoned")
            .get_mut(&record.id)
        {
            run.terminal = Some((Arc::clone(master), pid));
        }
    }
    let copies = stdio::relay(streams, &output, input, tty);
    drop(output);
    let service = Arc::clone(service);
    let id = record.id.clone();
    tokio::spawn(async move {
        let code = exit_after_output(child, copies).await;
        if let Some(run) = service.attached.lock().expect("not poisoned").remove(&id) {
            let _ = run.exit.send(Some(code));
        }
    });
    Ok(())
}

/// `POST /containers/{id}/resize?h=&w=`: the size of the terminal of a
/// container this service started attached.
async fn resize(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let record = with_container(&service, id, |_, record| Ok(record)).await?;
    let attached = service.attached.lock().expect("not poisoned");
    let Some((terminal, child)) = attached
        .get(&record.id)
        .and_then(|run| run.terminal.as_ref())
    else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!(
                "container {} has no terminal attached through this service to resize",
                record.name
            ),
        ));
    };
    stdio::resize(&query, terminal, *child)
}

/// How `child` ended (its exit code, 128+N for signal N), once it has and
/// the tasks copying its output are done.
pub(super) async fn exit_after_output(
    mut child: std::process::Child,
    copies: impl IntoIterator<Item = tokio::task::JoinHandle<()>>,
) -> i32 {
    let status = tokio::task::spawn_blocking(move || child.wait()).await;
    for copy in copies {
        let _ = copy.await;
    }
    match status {
        Ok(Ok(status)) => exit_code(status),
        _ => crate::runtime::EXIT_ENGINE,
    }
}

fn exit_code(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(crate::runtime::EXIT_ENGINE)
}

/// Docker's stream format: with a terminal the bytes as they are; without,
/// frames of `[stream, 0, 0, 0, length (u32 BE)]` + payload (1 stdout, 2 stderr).
pub(super) fn frame(stream: u8, tty: bool, payload: &[u8]) -> Bytes {
    if tty {
        return Bytes::copy_from_slice(payload);
    }
    let mut framed = Vec::with_capacity(payload.len() + 8);
    framed.extend_from_slice(&[stream, 0, 0, 0]);
    framed.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    framed.extend_from_slice(payload);
    Bytes::from(framed)
}

/// `POST /containers/{id}/attach`: the connection is taken over (HTTP
/// upgrade) and carries the container's output. A container not yet
/// running gets its output from its start (`start_attached`); one running
/// already, what its log gets from now on.
async fn attach(
    service: Arc<Service>,
    mut request: Request<Incoming>,
    id: &str,
) -> ApiResult<Response<Body>> {
    let wants_input = flag(&query(&request), "stdin");
    let (record, running) = with_container(&service, id, |lifecycle, record| {
        let running = lifecycle.state(&record.id)?.status == Status::Running;
        Ok((record, running))
    })
    .await?;
    let (sender, receiver) = mpsc::channel::<Bytes>(64);
    let mut input_sender = None;
    if running {
        let service = Arc::clone(&service);
        let record = record.clone();
        tokio::task::spawn_blocking(move || {
            follow_log(&service, &record, LogOptions::default(), true, sender)
        });
    } else {
        // Input only to a container made with it open (`docker run -i`).
        let input = (wants_input && record.config.interactive).then(|| {
            let (typed, input) = mpsc::channel::<Bytes>(16);
            input_sender = Some(typed);
            input
        });
        let (exit, _) = watch::channel(None);
        service.attached.lock().expect("not poisoned").insert(
            record.id.clone(),
            AttachedRun {
                output: Some(sender),
                input,
                terminal: None,
                exit,
            },
        );
    }
    stdio::hijack(hyper::upgrade::on(&mut request), receiver, input_sender);
    Ok(switching_protocols(stream_type(record.config.tty)))
}

/// Docker's media type for a container's or exec's streams.
pub(super) fn stream_type(tty: bool) -> &'static str {
    if tty { RAW_STREAM } else { MULTIPLEXED_STREAM }
}

/// The answer that hands the connection over (`101`, `Upgrade: tcp`), which
/// then carries a stream of `content_type`.
pub(super) fn switching_protocols(content_type: &'static str) -> Response<Body> {
    let mut response = empty(StatusCode::SWITCHING_PROTOCOLS);
    let headers = response.headers_mut();
    headers.insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(content_type),
    );
    headers.insert(
        hyper::header::CONNECTION,
        hyper::header::HeaderValue::from_static("Upgrade"),
    );
    headers.insert(
        hyper::header::UPGRADE,
        hyper::header::HeaderValue::from_static("tcp"),
    );
    response
}

/// Writes log lines of one stream as Docker frames into the channel.
struct FrameWriter<'a> {
    stream: u8,
    tty: bool,
    wanted: bool,
    to: &'a mpsc::Sender<Bytes>,
}

impl Write for FrameWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.wanted && !bytes.is_empty() {
            self.to
                .blocking_send(frame(self.stream, self.tty, bytes))
                .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Copies the container's log into `to` as `rcon logs` does: what is there
/// (none of it with `only_new`), then with a running container what comes
/// until it ends.
fn follow_log(
    service: &Service,
    record: &ContainerRecord,
    options: LogOptions,
    only_new: bool,
    to: mpsc::Sender<Bytes>,
) {
    follow_streams(service, record, options, only_new, (true, true), true, &to);
}

fn follow_streams(
    service: &Service,
    record: &ContainerRecord,
    options: LogOptions,
    only_new: bool,
    (stdout, stderr): (bool, bool),
    follow: bool,
    to: &mpsc::Sender<Bytes>,
) {
    let Ok(store) = service.store() else { return };
    let Ok(lifecycle) = Lifecycle::open(&store, &service.paths.runroot) else {
        return;
    };
    let path = monitor::log_path(lifecycle.containers(), record);
    let Ok(mut reader) = LogReader::open(&path) else {
        return;
    };
    let running = lifecycle
        .state(&record.id)
        .is_ok_and(|s| s.status == Status::Running);
    // Before reading, so an end that happens meanwhile is not missed.
    let monitor = (follow && running)
        .then(|| MonitorRecord::read(&service.paths.runroot, &record.id))
        .flatten()
        .and_then(|m| monitor::pidfd(m.monitor_pid).filter(|_| m.monitor_alive()));
    let tty = record.config.tty;
    let mut out = FrameWriter {
        stream: 1,
        tty,
        wanted: stdout && !only_new,
        to,
    };
    let mut err = FrameWriter {
        stream: 2,
        tty,
        wanted: stderr && !only_new,
        to,
    };
    if reader
        .copy_existing(&options, monitor.is_none(), &mut out, &mut err)
        .is_err()
    {
        return;
    }
    out.wanted = stdout;
    err.wanted = stderr;
    if let Some(fd) = monitor {
        let mut followed = [logfile::Followed {
            reader,
            path,
            monitor: Some(fd),
        }];
        let _ = logfile::follow(&mut followed, &options, &mut out, &mut err);
    }
}

async fn logs(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let time = |name: &str| -> ApiResult<Option<chrono::DateTime<chrono::Utc>>> {
        match query.get(name).map(String::as_str) {
            None | Some("" | "0") => Ok(None),
            Some(text) => crate::util::time::parse_time(text)
                .map(Some)
                .ok_or_else(|| ApiError::bad_request(format!("invalid {name} {text:?}"))),
        }
    };
    let options = LogOptions {
        tail: query.get("tail").and_then(|t| t.parse().ok()),
        since: time("since")?,
        until: time("until")?,
        timestamps: flag(&query, "timestamps"),
    };
    let streams = (flag(&query, "stdout"), flag(&query, "stderr"));
    if streams == (false, false) {
        return Err(ApiError::bad_request(
            "Bad parameters: you must choose at least one stream",
        ));
    }
    let follow = flag(&query, "follow");
    let record = with_container(&service, id, |_, record| Ok(record)).await?;
    let content_type = if record.config.tty {
        RAW_STREAM
    } else {
        MULTIPLEXED_STREAM
    };
    let (sender, response) = streaming(content_type);
    tokio::task::spawn_blocking(move || {
        follow_streams(&service, &record, options, false, streams, follow, &sender)
    });
    Ok(response)
}

/// `POST /containers/{id}/pause` and `/unpause`.
async fn freeze(service: Arc<Service>, id: &str, frozen: bool) -> ApiResult<Response<Body>> {
    with_container(&service, id, move |lifecycle, record| {
        Ok(lifecycle.set_frozen(&record, frozen)?)
    })
    .await?;
    Ok(empty(StatusCode::NO_CONTENT))
}

/// `GET /containers/{id}/top?ps_args=`: `rcon top`'s rows; `ps_args` are
/// its descriptors (`pid,user,args`), none for the default columns.
async fn top(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let descriptors: Vec<String> = query
        .get("ps_args")
        .map(|args| args.split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    let mut rows = with_container(&service, id, move |lifecycle, record| {
        Ok(container::top::top(lifecycle, &record, &descriptors)?)
    })
    .await?
    .into_iter();
    let titles = rows.next().unwrap_or_default();
    Ok(json(
        StatusCode::OK,
        &json!({ "Titles": titles, "Processes": rows.collect::<Vec<_>>() }),
    ))
}

fn timeout(query: &HashMap<String, String>) -> ApiResult<Duration> {
    match query.get("t").or_else(|| query.get("timeout")) {
        None => Ok(DEFAULT_STOP_TIMEOUT),
        Some(t) => t
            .parse::<i64>()
            .map(|t| Duration::from_secs(t.max(0) as u64))
            .map_err(|_| ApiError::bad_request(format!("invalid timeout {t:?}"))),
    }
}

async fn stop(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let timeout = timeout(&query)?;
    let signal = query
        .get("signal")
        .map(|s| parse_signal(s))
        .transpose()
        .map_err(ApiError::from)?;
    let stopped = with_container(&service, id, move |lifecycle, record| {
        if lifecycle.state(&record.id)?.status != Status::Running {
            return Ok(false);
        }
        lifecycle.stop(&record, timeout, signal)?;
        Ok(true)
    })
    .await?;
    Ok(empty(if stopped {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_MODIFIED
    }))
}

async fn restart(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let timeout = timeout(&query)?;
    let svc = Arc::clone(&service);
    with_container(&service, id, move |lifecycle, record| {
        lifecycle.stop(&record, timeout, None)?;
        start_detached(&svc, &record.id)
    })
    .await?;
    Ok(empty(StatusCode::NO_CONTENT))
}

async fn kill(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let signal = parse_kill_signal(query.get("signal").map_or("KILL", String::as_str))?;
    with_container(&service, id, move |lifecycle, record| {
        lifecycle.kill(&record, signal).map_err(|e| match e {
            container::Error::NotRunning(_) => ApiError::new(
                StatusCode::CONFLICT,
                format!(
                    "Cannot kill container: {}: container is not running",
                    record.name
                ),
            ),
            e => e.into(),
        })
    })
    .await?;
    Ok(empty(StatusCode::NO_CONTENT))
}

/// `POST /containers/{id}/wait?condition=not-running|next-exit|removed`.
/// The headers go out at once (Docker's CLI waits for them before it starts
/// the container); the body, `{"StatusCode": N}`, when the wait is over.
async fn wait(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let condition = query
        .get("condition")
        .cloned()
        .unwrap_or_else(|| "not-running".into());
    if !matches!(condition.as_str(), "not-running" | "next-exit" | "removed") {
        return Err(ApiError::bad_request(format!(
            "invalid condition {condition:?}: use not-running, next-exit or removed"
        )));
    }
    let record = with_container(&service, id, |_, record| Ok(record)).await?;
    let attached = service
        .attached
        .lock()
        .expect("not poisoned")
        .get(&record.id)
        .map(|run| run.exit.subscribe());
    let (sender, response) = streaming("application/json");
    tokio::spawn(async move {
        let code = match attached {
            Some(mut exit) => match exit.wait_for(Option::is_some).await {
                Ok(code) => Ok(code.unwrap_or_default()),
                Err(_) => Err(ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the attached start ended without an exit code",
                )),
            },
            None => {
                // `next-exit` of a container nobody attached to: its end, as `not-running`.
                let removed = condition == "removed";
                blocking(move || {
                    let store = service.store()?;
                    let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
                    let code = lifecycle.wait(&record, &[])?;
                    while removed && lifecycle.containers().exists(&record.id) {
                        std::thread::sleep(Duration::from_millis(100));
                    }
                    Ok(code)
                })
                .await
            }
        };
        let body = match code {
            Ok(code) => json!({ "StatusCode": code, "Error": null }),
            Err(e) => json!({ "StatusCode": -1, "Error": { "Message": e.message } }),
        };
        let _ = sender
            .send(Bytes::from(
                serde_json::to_vec(&body).expect("serialisable"),
            ))
            .await;
    });
    Ok(response)
}

async fn remove(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let force = flag(&query, "force");
    let volumes = flag(&query, "v");
    with_container(&service, id, move |lifecycle, record| {
        lifecycle
            .remove(&record, force, DEFAULT_STOP_TIMEOUT, volumes)
            .map_err(|e| match e {
                container::Error::Running(_) => ApiError::new(
                    StatusCode::CONFLICT,
                    format!(
                        "cannot remove container {}: container is running: stop the container before removing or force remove",
                        record.name
                    ),
                ),
                e => e.into(),
            })
    })
    .await?;
    Ok(empty(StatusCode::NO_CONTENT))
}
