//! `rcon inspect` of a container: JSON shaped like Podman's.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::store::{ContainerRecord, State, Status};
use crate::network::{Attachment, Mode, PortMapping};

/// What inspect shows that the record does not hold.
#[derive(Debug, Default)]
pub struct Live {
    /// The container's monitor (Podman's conmon) while it runs, else 0.
    pub monitor_pid: i32,
    /// The digest of the manifest its image was pulled with ("" once the image is gone).
    pub image_digest: String,
    /// A `stop` waits for it to end.
    pub stopping: bool,
    /// Recorded as running, but its process has ended and its monitor has not yet
    /// recorded it (or waits to restart it): no PID shows, as in Podman.
    pub process_ended: bool,
    /// Its health, when it has a check and runs.
    pub health: Option<super::health::HealthState>,
}

impl Live {
    /// What `record` (in `state`) shows beyond its record now.
    pub fn of(
        lifecycle: &super::lifecycle::Lifecycle,
        record: &ContainerRecord,
        state: &State,
    ) -> Live {
        let monitor = (state.status == Status::Running)
            .then(|| super::monitor::MonitorRecord::read(lifecycle.runroot(), &record.id))
            .flatten();
        Live {
            monitor_pid: monitor.as_ref().map_or(0, |m| m.monitor_pid),
            process_ended: monitor.as_ref().is_some_and(|m| !m.container_alive()),
            image_digest: lifecycle
                .store()
                .image_by_id(&record.image_id)
                .map(|i| i.digest)
                .unwrap_or_default(),
            stopping: state.status == Status::Running && lifecycle.stopping(&record.id),
            health: super::health::HealthState::of(lifecycle.runroot(), record, state),
        }
    }
}

/// The container as Podman's `inspect` shows it. `dir` is its store directory.
pub fn inspect(
    record: &ContainerRecord,
    state: &State,
    dir: &std::path::Path,
    live: &Live,
) -> Value {
    let config = &record.config;
    let labels: serde_json::Map<String, Value> = config
        .labels
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    let mounts: Vec<Value> = config
        .mounts
        .iter()
        .map(|m| {
            json!({
                "Type": m.kind,
                "Name": m.name.clone().unwrap_or_default(),
                "Source": m.source,
                "Destination": m.destination,
                "RW": !m.read_only,
                "Options": m.options,
            })
        })
        .collect();
    let status = match state.status {
        Status::Created => "created",
        Status::Running if state.restarting => "restarting",
        Status::Running if live.stopping => "stopping",
        Status::Running if state.paused => "paused",
        Status::Running => "running",
        Status::Exited => "exited",
    };
    let ports = ports(&config.ports, "0.0.0.0");
    let zero_time = "0001-01-01T00:00:00Z";
    let mut value = json!({
        "Id": record.id,
        "Created": record.created,
        "Path": config.args.first().cloned().unwrap_or_default(),
        "Args": config.args.get(1..).unwrap_or_default(),
        "State": {
            "Status": status,
            "Running": state.status == Status::Running,
            "Paused": state.paused,
            "Restarting": state.restarting,
            "OOMKilled": state.oom_killed,
            "Dead": false,
            "Pid": if live.process_ended { 0 } else { state.pid },
            "ExitCode": state.exit_code.unwrap_or(0),
            "StartedAt": state.started_at.as_deref().unwrap_or(zero_time),
            "FinishedAt": state.finished_at.as_deref().unwrap_or(zero_time),
            "ConmonPid": live.monitor_pid,
            "Checkpointed": false,
        },
        "Image": record.image_id,
        "ImageDigest": live.image_digest,
        "ImageName": record.image_name,
        "OCIRuntime": config.oci_runtime.as_deref().unwrap_or("rcon"),
        "Rootfs": "",
        "Name": record.name,
        "RestartCount": state.restart_count,
        "LogPath": dir.join(super::monitor::LOG_FILE),
        "HostnamePath": dir.join("userdata/hostname"),
        "HostsPath": dir.join("userdata/hosts"),
        "ResolvConfPath": dir.join("userdata/resolv.conf"),
        "Driver": record.storage_driver.name(),
        "GraphDriver": {
            "Name": record.storage_driver.name(),
            "Data": {
                "UpperDir": dir.join("upper"),
                "WorkDir": dir.join("work"),
                "MergedDir": dir.join("merged"),
            },
        },
        "Mounts": mounts,
        "Config": {
            "Hostname": config.hostname,
            "User": config.user,
            "Env": config.env,
            "Cmd": config.cmd,
            // Podman 4's: the words joined.
            "Entrypoint": config.entrypoint.join(" "),
            "Image": record.image_name,
            "WorkingDir": config.working_dir,
            "Labels": labels,
            "Annotations": config
                .annotations
                .iter()
                .map(|(k, v)| (k.clone(), json!(v)))
                .collect::<serde_json::Map<String, Value>>(),
            "Tty": config.tty,
            "OpenStdin": config.interactive,
            "StopSignal": config.stop_signal.clone().unwrap_or_else(|| "SIGTERM".into()),
            "CreateCommand": config.create_command,
            "StopTimeout": config
                .stop_timeout
                .unwrap_or(super::lifecycle::DEFAULT_STOP_TIMEOUT.as_secs()),
        },
        "NetworkSettings": network_settings(record, ports.clone()),
        "HostConfig": {
            "AutoRemove": config.remove,
            "NetworkMode": config.network.to_string(),
            "PortBindings": ports,
            "Privileged": config.privileged,
            "ReadonlyRootfs": config.read_only,
            "CapAdd": config.cap_add,
            "CapDrop": config.cap_drop,
            "SecurityOpt": config.security_opt.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "Init": config.init,
            "GroupAdd": config.group_add,
            // Podman's shape: the kernel's name, unlimited as -1.
            "Ulimits": config.ulimits.iter().map(|u| {
                let limit = |v: u64| if v == nix::sys::resource::RLIM_INFINITY { -1 } else { v as i64 };
                json!({
                    "Name": format!("RLIMIT_{}", u.name().to_ascii_uppercase()),
                    "Soft": limit(u.soft),
                    "Hard": limit(u.hard),
                })
            }).collect::<Vec<_>>(),
            "LogConfig": {
                "Type": config.log_driver.as_deref().unwrap_or("k8s-file"),
                "Path": if config.logs_nothing() {
                    String::new()
                } else {
                    config.log.path.clone().unwrap_or_else(|| dir.join(super::monitor::LOG_FILE)).display().to_string()
                },
                "Tag": config.log.tag.as_deref().unwrap_or_default(),
                // Podman's: go-units' HumanSize, "0B" without a limit.
                "Size": crate::cli::human::go_size(config.log.max_size.unwrap_or(0), 4),
            },
            "UsernsMode": if config.keep_id.is_some() { "keep-id" } else { "" },
            "RestartPolicy": {
                "Name": config.restart.name(),
                "MaximumRetryCount": config.restart.max_retries(),
            },
        },
    });
    // Which secrets and how, never their data (an env secret's value is
    // not in Config.Env either: it is added at each start).
    if !config.secrets.is_empty() {
        value["Config"]["Secrets"] = config
            .secrets
            .iter()
            .map(
                |s| json!({"Name": s.name, "ID": s.id, "UID": s.uid, "GID": s.gid, "Mode": s.mode}),
            )
            .collect();
    }
    if let (Some(host), Value::Object(limits)) =
        (value["HostConfig"].as_object_mut(), limits(config))
    {
        host.extend(limits);
    }
    let on_failure = config
        .healthcheck
        .as_ref()
        .map(|h| h.on_failure)
        .unwrap_or_default();
    value["Config"]["HealthcheckOnFailureAction"] = on_failure.name().into();
    if let Some(check) = &config.healthcheck {
        value["Config"]["Healthcheck"] = json!({
            "Test": check.test,
            "Interval": check.interval.as_nanos() as u64,
            "Timeout": check.timeout.as_nanos() as u64,
            "StartPeriod": check.start_period.as_nanos() as u64,
            "Retries": check.retries,
        });
    }
    // Podman 4 shows it under both names.
    if let Some(health) = &live.health {
        let health = serde_json::to_value(health).expect("health states serialise");
        value["State"]["Health"] = health.clone();
        value["State"]["Healthcheck"] = health;
    }
    value
}

/// The resource limits in `HostConfig`: Docker's names and units, 0 where
/// no limit is set, as Podman shows them.
fn limits(config: &super::store::ContainerConfig) -> Value {
    let resources = &config.resources;
    json!({
            "Memory": resources.memory.unwrap_or(0),
        "MemoryReservation": resources.memory_reservation.unwrap_or(0),
        "MemorySwap": resources.memory_swap.unwrap_or(0),
        "MemorySwappiness": resources.memory_swappiness.map_or(-1, |s| s as i64),
        "NanoCpus": match (resources.cpu_quota, resources.cpu_period) {
            (Some(quota), Some(period)) if quota > 0 && period > 0 => quota as u64 * 1_000_000_000 / period,
            _ => 0,
        },
        "CpuShares": resources.cpu_shares.unwrap_or(0),
        "CpuPeriod": resources.cpu_period.unwrap_or(0),
        "CpuQuota": resources.cpu_quota.unwrap_or(0),
        "CpusetCpus": resources.cpuset_cpus.clone().unwrap_or_default(),
        "CpusetMems": resources.cpuset_mems.clone().unwrap_or_default(),
        "PidsLimit": resources.pids_limit.unwrap_or(0),
        "BlkioWeight": resources.blkio_weight.unwrap_or(0),
        "OomScoreAdj": config.oom_score_adj.unwrap_or(0),
    })
}

/// `NetworkSettings` as Podman shows it: the ports, and for a container on
/// user-defined networks its place on each under `Networks.NAME` (and at
/// the top too when it is on exactly one).
fn network_settings(record: &ContainerRecord, ports: BTreeMap<String, Vec<Value>>) -> Value {
    let only = match record.config.attachments.as_slice() {
        [only] => Some(only),
        _ => None,
    };
    json!({
        "Ports": ports,
        "IPAddress": only.map(|a| a.address.to_string()).unwrap_or_default(),
        "IPPrefixLen": only.map_or(0, |a| a.prefix),
        "Gateway": only.map(|a| a.gateway.to_string()).unwrap_or_default(),
        "MacAddress": only.map(|a| a.mac.clone()).unwrap_or_default(),
        "Networks": networks(record),
    })
}

/// `NetworkSettings.Networks`: each user-defined network the container is
/// on, by name, with its address and MAC address there and the names the
/// other members know it by (its aliases and its short ID, its hosts line).
pub fn networks(record: &ContainerRecord) -> Value {
    let networks = record.config.attachments.iter().map(|attachment| {
        let mut aliases = attachment.aliases.clone();
        aliases.push(record.id[..12].to_string());
        let entry = endpoint(&attachment.network, Some(attachment), json!(aliases));
        (attachment.network.clone(), entry)
    });
    Value::Object(networks.collect())
}

/// `HostConfig.NetworkMode` and `NetworkSettings.Networks` as Docker's
/// clients expect them: a container on rcon's private network (an API
/// create's default, for Docker's `bridge`) is on Docker's default
/// network, `bridge`, by that name in both places, since clients look the
/// mode's name up among the networks (e.g. for the gateway).
pub fn docker_networks(record: &ContainerRecord) -> (String, Value) {
    match &record.config.network {
        Mode::Pasta(_) | Mode::Slirp4netns(_) => {
            let bridge = endpoint("bridge", None, Value::Null);
            ("bridge".into(), json!({ "bridge": bridge }))
        }
        mode => (mode.to_string(), networks(record)),
    }
}

/// One entry of `NetworkSettings.Networks`: the container's place on
/// network `id` (the addresses empty where rcon gives none).
fn endpoint(id: &str, attachment: Option<&Attachment>, aliases: Value) -> Value {
    let text = |f: fn(&Attachment) -> String| attachment.map(f).unwrap_or_default();
    json!({
        "EndpointID": "",
        "Gateway": text(|a| a.gateway.to_string()),
        "IPAddress": text(|a| a.address.to_string()),
        "IPPrefixLen": attachment.map_or(0, |a| a.prefix),
        "IPv6Gateway": "",
        "GlobalIPv6Address": "",
        "GlobalIPv6PrefixLen": 0,
        "MacAddress": text(|a| a.mac.clone()),
        "NetworkID": id,
        "DriverOpts": null,
        "IPAMConfig": null,
        "Links": null,
        "Aliases": aliases,
    })
}

/// Published ports in Podman's shape, one key per container port:
/// `{"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}]}`, with
/// `every_address` as the host IP of a port published on every address.
pub fn ports(mappings: &[PortMapping], every_address: &str) -> BTreeMap<String, Vec<Value>> {
    let mut ports: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for mapping in mappings {
        for (container, host) in mapping.each() {
            ports
                .entry(format!("{container}/{}", mapping.protocol))
                .or_default()
                .push(json!({
                    "HostIp": match mapping.host_ip.as_str() {
                        "" => every_address,
                        ip => ip,
                    },
                    "HostPort": host.to_string(),
                }));
        }
    }
    ports
}
