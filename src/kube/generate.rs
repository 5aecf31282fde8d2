//! `kube generate`: containers as a Kubernetes Pod (and with `--service` a
//! Service for their published ports), in Podman's shape, that `kube play`
//! plays back to the same containers and that Kubernetes' schema accepts.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    Capabilities, Container, ContainerPort, EmptyDirVolumeSource, EnvVar, ExecAction,
    HostPathVolumeSource, PersistentVolumeClaimVolumeSource, Pod, PodSpec, PodStatus, Probe,
    ResourceRequirements, SecurityContext, Service, ServicePort, ServiceSpec, Volume, VolumeMount,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, Time};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::Error;
use super::translate::MAX_ANNOTATION;
use crate::container::env::{self, EnvOverrides};
use crate::container::mounts::MountKind;
use crate::container::restart::RestartPolicy;
use crate::container::store::MountRecord;
use crate::container::{ContainerRecord, health::HealthConfig};
use crate::image::config::ImageConfig;
use crate::network::ports::Protocol;
use crate::runtime::security::caps::{self, CapSet};
use crate::storage::store::Store;

/// The capabilities a Kubernetes runtime gives a container by default (the
/// container runtimes' list, in its order): `kube generate` writes a
/// container's set as what it adds to and drops from this one.
const KUBERNETES_DEFAULT_CAPS: [&str; 14] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FSETID",
    "CAP_FOWNER",
    "CAP_MKNOD",
    "CAP_NET_RAW",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETFCAP",
    "CAP_SETPCAP",
    "CAP_NET_BIND_SERVICE",
    "CAP_SYS_CHROOT",
    "CAP_KILL",
    "CAP_AUDIT_WRITE",
];

/// A pod `kube generate` describes (`kube generate POD`): its name and
/// hostname, and its infra container, whose published ports go on the
/// first container (Kubernetes has no infra container to hold them).
pub struct PodSource<'a> {
    pub name: &'a str,
    pub hostname: &'a str,
    pub infra: Option<&'a ContainerRecord>,
}

/// The YAML for `records`, one pod: `pod`, or else one named after the
/// first container (`NAME-pod`), as Podman names the pod it makes of
/// containers.
pub fn containers_yaml(
    store: &Store,
    records: &[ContainerRecord],
    pod: Option<&PodSource>,
    service: bool,
) -> Result<String, Error> {
    let first = records.first().ok_or_else(|| match pod {
        Some(pod) => Error::Invalid(format!("pod {} only has an infra container", pod.name)),
        None => Error::Invalid("kube generate: name a container".into()),
    })?;
    let pod_name = match pod {
        Some(pod) => pod.name.to_string(),
        None => format!("{}-pod", first.name),
    };
    let mut annotations = BTreeMap::new();
    let mut volumes: Vec<Volume> = Vec::new();
    let mut containers = Vec::new();
    for record in records {
        annotations.extend(container_annotations(record).into_iter().map(truncated));
        containers.push(container(store, record, &mut volumes)?);
    }
    if let Some(infra) = pod.and_then(|pod| pod.infra) {
        let ports = published_ports(infra);
        if !ports.is_empty() {
            containers[0].ports.get_or_insert_default().extend(ports);
        }
    }
    let restart = match records[0].config.restart {
        RestartPolicy::No => "Never",
        RestartPolicy::OnFailure { .. } => "OnFailure",
        RestartPolicy::Always | RestartPolicy::UnlessStopped => "Always",
    };
    let labels = BTreeMap::from([("app".to_string(), pod_name.clone())]);
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let now = Time(k8s_openapi::jiff::Timestamp::from_second(seconds).unwrap_or_default());
    let metadata = ObjectMeta {
        name: Some(pod_name.clone()),
        labels: Some(labels.clone()),
        annotations: Some(annotations),
        creation_timestamp: Some(now.clone()),
        ..ObjectMeta::default()
    };
    let pod = Pod {
        metadata,
        spec: Some(PodSpec {
            automount_service_account_token: Some(false),
            enable_service_links: Some(false),
            containers,
            hostname: pod
                .map(|pod| pod.hostname.to_string())
                .filter(|h| !h.is_empty()),
            restart_policy: Some(restart.into()),
            volumes: (!volumes.is_empty()).then_some(volumes),
            ..PodSpec::default()
        }),
        // Podman 4.3.1 writes an empty status for a pod's YAML, none for
        // containers'.
        status: pod.map(|_| PodStatus::default()),
    };
    let mut text = header();
    if service {
        let service = service_for(&pod, labels, now);
        text.push_str(&to_yaml(&service)?);
        text.push_str("---\n");
    }
    text.push_str(&to_yaml(&pod)?);
    Ok(text)
}

fn header() -> String {
    format!(
        "# Save the output of this file and use kubectl create -f to import\n\
         # it into Kubernetes.\n\
         #\n\
         # Created with rcon-{}\n\
         ---\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The YAML of one object. Time stamps are quoted, as Podman writes them:
/// YAML 1.1 readers (PyYAML, Go's yaml.v2) take an unquoted one for a date,
/// not the string Kubernetes' schema asks for.
fn to_yaml<T: serde::Serialize>(object: &T) -> Result<String, Error> {
    let text = serde_norway::to_string(object)
        .map_err(|e| Error::Invalid(format!("writing the YAML: {e}")))?;
    Ok(text
        .lines()
        .map(|line| match line.split_once("creationTimestamp: ") {
            Some((indent, stamp))
                if indent.trim().is_empty() && !stamp.starts_with(['\'', '"']) =>
            {
                format!("{indent}creationTimestamp: \"{stamp}\"\n")
            }
            _ => format!("{line}\n"),
        })
        .collect())
}

/// An annotation held to Kubernetes' 63 characters, cut with Podman's
/// warning (a pod member's SandboxID, the pod's 64-digit ID, is one more).
fn truncated((key, mut value): (String, String)) -> (String, String) {
    if value.len() > MAX_ANNOTATION {
        let cut = (0..=MAX_ANNOTATION)
            .rev()
            .find(|&at| value.is_char_boundary(at))
            .unwrap_or(0);
        log::warn!(
            "Truncation Annotation: {value:?} to {:?}: Kubernetes only allows {MAX_ANNOTATION} characters",
            &value[..cut]
        );
        value.truncate(cut);
    }
    (key, value)
}

/// Podman's per-container annotations.
fn container_annotations(record: &ContainerRecord) -> BTreeMap<String, String> {
    let name = &record.name;
    let upper = |on: bool| if on { "TRUE" } else { "FALSE" }.to_string();
    let config = &record.config;
    let mut annotations = BTreeMap::new();
    // A pod's member: Podman's marks of a container in a sandbox.
    if let Some(pod) = &config.pod {
        annotations.extend([
            (
                format!("io.kubernetes.cri-o.ContainerType/{name}"),
                "container".to_string(),
            ),
            (format!("io.kubernetes.cri-o.SandboxID/{name}"), pod.clone()),
        ]);
    }
    annotations.extend([
        (
            format!("io.kubernetes.cri-o.TTY/{name}"),
            config.tty.to_string(),
        ),
        (
            format!("io.podman.annotations.autoremove/{name}"),
            upper(config.remove),
        ),
        (
            format!("io.podman.annotations.init/{name}"),
            upper(config.init),
        ),
        (
            format!("io.podman.annotations.privileged/{name}"),
            upper(config.privileged),
        ),
        (
            format!("io.podman.annotations.publish-all/{name}"),
            upper(false),
        ),
    ]);
    annotations
}

/// The ports `record` publishes, as a container's `ports`.
fn published_ports(record: &ContainerRecord) -> Vec<ContainerPort> {
    record
        .config
        .ports
        .iter()
        .flat_map(|mapping| {
            mapping.each().map(|(container, host)| ContainerPort {
                container_port: container.into(),
                host_port: Some(host.into()),
                host_ip: match mapping.host_ip() {
                    "" | "0.0.0.0" => None,
                    ip => Some(ip.into()),
                },
                protocol: (mapping.protocol == Protocol::Udp).then(|| "UDP".into()),
                name: None,
            })
        })
        .collect()
}

/// One container, its mounts added to the pod's `volumes`.
fn container(
    store: &Store,
    record: &ContainerRecord,
    volumes: &mut Vec<Volume>,
) -> Result<Container, Error> {
    let config = &record.config;
    // What the image alone would give: the command and environment the
    // YAML need not repeat.
    let image = match store.read_image(&record.image_id) {
        Ok(Some(image)) => {
            Some(ImageConfig::read(store, &image).map_err(crate::container::Error::from)?)
        }
        _ => None,
    };
    let defaults = image.map(|image| image.defaults()).unwrap_or_default();
    let image_args: Vec<String> = defaults
        .entrypoint()
        .iter()
        .flatten()
        .chain(defaults.cmd().iter().flatten())
        .cloned()
        .collect();
    let default_env = env::merge(
        defaults.env().as_deref().unwrap_or_default(),
        &EnvOverrides::default(),
        &config.hostname,
        None,
    );
    let env: Vec<EnvVar> = config
        .env
        .iter()
        .filter(|entry| !default_env.contains(entry))
        .filter_map(|entry| entry.split_once('='))
        .map(|(name, value)| EnvVar {
            name: name.into(),
            value: Some(value.into()),
            value_from: None,
        })
        .collect();
    let ports = published_ports(record);
    let mut mounts = Vec::new();
    for mount in &config.mounts {
        let name = volume_for(mount, volumes);
        mounts.push(VolumeMount {
            name,
            mount_path: mount.destination.clone(),
            read_only: mount.read_only.then_some(true),
            ..VolumeMount::default()
        });
    }
    let working_dir = (!config.working_dir.is_empty()
        && Some(&config.working_dir) != defaults.working_dir().as_ref()
        && config.working_dir != "/")
        .then(|| config.working_dir.clone());
    // The image's own user needs no saying.
    let image_user = defaults.user().clone().unwrap_or_default();
    let as_image = config.user == image_user
        || (image_user.is_empty() && matches!(config.user.as_str(), "" | "0" | "0:0" | "root"));
    let (user, group) = if as_image {
        (None, None)
    } else {
        numeric_user(&config.user)
    };
    Ok(Container {
        name: record.name.clone(),
        image: Some(record.image_name.clone())
            .filter(|i| !i.is_empty())
            .or(Some(record.image_id.clone())),
        command: (config.args != image_args).then(|| config.args.clone()),
        env: (!env.is_empty()).then_some(env),
        ports: (!ports.is_empty()).then_some(ports),
        volume_mounts: (!mounts.is_empty()).then_some(mounts),
        working_dir,
        tty: config.tty.then_some(true),
        stdin: config.interactive.then_some(true),
        liveness_probe: config.healthcheck.as_ref().and_then(probe),
        resources: Some(ResourceRequirements::default()),
        security_context: Some(SecurityContext {
            capabilities: capabilities(record),
            privileged: config.privileged.then_some(true),
            read_only_root_filesystem: config.read_only.then_some(true),
            run_as_user: user,
            run_as_group: group,
            ..SecurityContext::default()
        }),
        ..Container::default()
    })
}

/// `--user UID[:GID]` in numbers; a name has no place in Kubernetes.
fn numeric_user(user: &str) -> (Option<i64>, Option<i64>) {
    let (uid, gid) = match user.split_once(':') {
        Some((uid, gid)) => (uid, Some(gid)),
        None => (user, None),
    };
    (uid.parse().ok(), gid.and_then(|g| g.parse().ok()))
}

/// The pod volume a mount is of (added when new), by name.
fn volume_for(mount: &MountRecord, volumes: &mut Vec<Volume>) -> String {
    let mut volume = Volume::default();
    match mount.kind {
        MountKind::Bind => {
            let path = mount.source.clone();
            // Podman's names: the path's words joined by dashes, "-host-N".
            let words: Vec<&str> = path.split('/').filter(|w| !w.is_empty()).collect();
            let stem = kube_name(&words.join("-"));
            let index = volumes.iter().filter(|v| v.host_path.is_some()).count();
            volume.name = format!(
                "{}{}host-{index}",
                stem,
                if stem.is_empty() { "" } else { "-" }
            );
            let kind = if std::path::Path::new(&path).is_dir() {
                "Directory"
            } else {
                "File"
            };
            volume.host_path = Some(HostPathVolumeSource {
                path,
                type_: Some(kind.into()),
            });
        }
        MountKind::Volume => {
            let claim = mount.name.clone().unwrap_or_default();
            volume.name = format!("{}-pvc", kube_name(&claim));
            volume.persistent_volume_claim = Some(PersistentVolumeClaimVolumeSource {
                claim_name: claim,
                read_only: None,
            });
        }
        MountKind::Tmpfs => {
            let stem = kube_name(&mount.destination.replace('/', "-"));
            volume.name = format!("{}-tmpfs", stem.trim_matches('-'));
            volume.empty_dir = Some(EmptyDirVolumeSource {
                medium: Some("Memory".into()),
                ..EmptyDirVolumeSource::default()
            });
        }
    }
    if let Some(same) = volumes.iter().find(|v| {
        v.host_path == volume.host_path
            && v.persistent_volume_claim == volume.persistent_volume_claim
            && v.empty_dir.is_none()
            && volume.empty_dir.is_none()
    }) {
        return same.name.clone();
    }
    let name = volume.name.clone();
    volumes.push(volume);
    name
}

/// A name Kubernetes takes for a volume (a DNS label): lower case letters,
/// digits and dashes.
fn kube_name(text: &str) -> String {
    let name: String = text
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    name.trim_matches('-').chars().take(50).collect()
}

/// The container's capabilities against Kubernetes' default set.
fn capabilities(record: &ContainerRecord) -> Option<Capabilities> {
    let config = &record.config;
    let last_cap = caps::kernel_last_cap().ok()?;
    let set = caps::resolve(
        &config.cap_add,
        &config.cap_drop,
        config.privileged,
        last_cap,
    )
    .ok()?;
    let default: Vec<u32> = KUBERNETES_DEFAULT_CAPS
        .iter()
        .filter_map(|name| caps::cap_number_of(name))
        .collect();
    let default_set = default.iter().fold(CapSet::EMPTY, |s, cap| s.with(*cap));
    let name = |cap: u32| caps::cap_name(cap).map(str::to_string);
    let add: Vec<String> = set
        .iter()
        .filter(|cap| !default_set.contains(*cap))
        .filter_map(name)
        .collect();
    let drop: Vec<String> = default
        .iter()
        .filter(|cap| !set.contains(**cap))
        .filter_map(|cap| name(*cap))
        .collect();
    (!add.is_empty() || !drop.is_empty()).then(|| Capabilities {
        add: (!add.is_empty()).then_some(add),
        drop: (!drop.is_empty()).then_some(drop),
    })
}

/// The health check as a livenessProbe (its exec command).
fn probe(check: &HealthConfig) -> Option<Probe> {
    let command = match check.test.split_first()? {
        (kind, argv) if kind == "CMD" => argv.to_vec(),
        (kind, [shell]) if kind == "CMD-SHELL" => {
            vec!["/bin/sh".into(), "-c".into(), shell.clone()]
        }
        _ => return None,
    };
    let seconds = |d: std::time::Duration| Some(d.as_secs().max(1).min(i32::MAX as u64) as i32);
    Some(Probe {
        exec: Some(ExecAction {
            command: Some(command),
        }),
        period_seconds: seconds(check.interval),
        timeout_seconds: seconds(check.timeout),
        initial_delay_seconds: (!check.start_period.is_zero())
            .then_some(check.start_period.as_secs() as i32),
        failure_threshold: Some(check.retries as i32),
        ..Probe::default()
    })
}

/// `--service`: a NodePort Service for the pod's published ports.
fn service_for(pod: &Pod, labels: BTreeMap<String, String>, now: Time) -> Service {
    let ports: Vec<ServicePort> = pod
        .spec
        .iter()
        .flat_map(|spec| &spec.containers)
        .flat_map(|c| c.ports.iter().flatten())
        .map(|port| ServicePort {
            name: Some(port.container_port.to_string()),
            port: port.container_port,
            target_port: Some(IntOrString::Int(port.container_port)),
            protocol: port.protocol.clone(),
            ..ServicePort::default()
        })
        .collect();
    Service {
        metadata: ObjectMeta {
            name: pod.metadata.name.clone(),
            labels: Some(labels.clone()),
            creation_timestamp: Some(now),
            ..ObjectMeta::default()
        },
        spec: Some(ServiceSpec {
            ports: (!ports.is_empty()).then_some(ports),
            selector: Some(labels),
            type_: Some("NodePort".into()),
            ..ServiceSpec::default()
        }),
        status: None,
    }
}
