//! From Kubernetes objects to what rcon makes: pods of containers described
//! as rcon's own create flags ([`CreateFlags`], parsed later by the one
//! parser every front end uses), and the volumes they need. Nothing here
//! touches the store: [`super::play`] carries the plan out.

use std::collections::BTreeMap;
use std::path::PathBuf;

use k8s_openapi::api::core::v1::{
    Container, EnvVar, KeyToPath, PodSecurityContext, PodSpec, Probe, SecurityContext, Volume,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::Error;
use super::document::{Manifest, Object};
use crate::container::CreateFlags;

/// Podman's limit on an annotation's value (Kubernetes' limit on a label
/// value, which Podman applies to annotations).
pub const MAX_ANNOTATION: usize = 63;

/// The label on volumes a pod's `emptyDir`s became: removed with the pod.
pub const EMPTY_DIR_LABEL: &str = "io.rcon.kube.emptydir";

/// What `kube play` is asked besides the file.
#[derive(Debug, Clone, Default)]
pub struct PlayOptions {
    /// Every container starts from these flags (storage driver, pull
    /// policy, rootful or not): what the CLI knows and the YAML does not.
    pub base: CreateFlags,
    /// `--annotation KEY=VALUE`, on every pod.
    pub annotations: Vec<String>,
}

/// Everything a file asks to be made.
#[derive(Debug, Clone, Default)]
pub struct PlayPlan {
    /// Volumes to make or fill first: claims, ConfigMap and Secret
    /// contents, emptyDirs.
    pub volumes: Vec<VolumePlan>,
    pub pods: Vec<PodPlan>,
    /// What the YAML asked that rcon leaves out, one line each.
    pub warnings: Vec<String>,
}

/// A volume to have before the containers are made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumePlan {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    /// Files written into it at each play (a ConfigMap's or Secret's keys).
    pub files: Vec<VolumeFile>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeFile {
    /// Relative to the volume's root, checked to stay inside it.
    pub path: PathBuf,
    pub content: Vec<u8>,
    pub mode: u32,
}

/// One pod: its own settings and its containers' flags.
#[derive(Debug, Clone, Default)]
pub struct PodPlan {
    pub name: String,
    pub hostname: String,
    pub labels: Vec<(String, String)>,
    /// `-p` specs from the containers' ports (on their `hostPort`, else
    /// their own number): published on the pod.
    pub publish: Vec<String>,
    /// `hostNetwork: true`.
    pub host_network: bool,
    /// `hostAliases` as `--add-host NAME:IP`; `dnsConfig`.
    pub add_hosts: Vec<String>,
    pub dns: Vec<String>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    /// Host directories (`hostPath` of type `DirectoryOrCreate`) to make
    /// before the containers are made, and files (`FileOrCreate`).
    pub host_dirs: Vec<PathBuf>,
    pub host_files: Vec<PathBuf>,
    /// Run to completion, in order, before the containers start.
    pub init_containers: Vec<CreateFlags>,
    pub containers: Vec<CreateFlags>,
}

/// The plan for a file's objects.
pub fn plan(manifest: &Manifest, options: &PlayOptions) -> Result<PlayPlan, Error> {
    let mut plan = PlayPlan {
        warnings: manifest.warnings.clone(),
        ..PlayPlan::default()
    };
    for text in &options.annotations {
        annotation_flag(text)?;
    }
    for object in &manifest.objects {
        match object {
            Object::Pod(pod) => {
                let spec = pod.spec.as_ref().ok_or_else(|| {
                    Error::Invalid(format!(
                        "pod {:?} has no spec: give its containers",
                        pod.metadata.name.as_deref().unwrap_or_default()
                    ))
                })?;
                let name = object_name("Pod", &pod.metadata)?;
                check_annotations(&pod.metadata)?;
                let pod = PodTranslation {
                    manifest,
                    options,
                    name,
                    meta: &pod.metadata,
                    spec,
                    plan: &mut plan,
                };
                let pod = pod.translate()?;
                plan.pods.push(pod);
            }
            Object::Deployment(deployment) => {
                let name = object_name("Deployment", &deployment.metadata)?;
                let spec = &deployment.spec;
                let template = &spec.template;
                let Some(pod_spec) = template.spec.as_ref() else {
                    return Err(Error::Invalid(format!(
                        "deployment {name:?} has no spec.template.spec: give its pod's containers"
                    )));
                };
                let meta = template.metadata.clone().unwrap_or_default();
                check_annotations(&deployment.metadata)?;
                check_annotations(&meta)?;
                let replicas = spec.replicas.unwrap_or(1);
                if replicas < 0 {
                    return Err(Error::Invalid(format!(
                        "deployment {name:?}: replicas {replicas} is negative"
                    )));
                }
                // Podman's names for a deployment's pods: NAME-pod-0, NAME-pod-1, …
                for index in 0..replicas {
                    let pod = PodTranslation {
                        manifest,
                        options,
                        name: format!("{name}-pod-{index}"),
                        meta: &meta,
                        spec: pod_spec,
                        plan: &mut plan,
                    };
                    let pod = pod.translate()?;
                    plan.pods.push(pod);
                }
            }
            Object::Claim(claim) => {
                let name = object_name("PersistentVolumeClaim", &claim.metadata)?;
                let labels = claim.metadata.labels.clone().unwrap_or_default();
                add_volume(&mut plan.volumes, name, labels, Vec::new());
            }
            // Read where a pod refers to them.
            Object::ConfigMap(_) | Object::Secret(_) => {}
        }
    }
    Ok(plan)
}

fn object_name(kind: &str, meta: &ObjectMeta) -> Result<String, Error> {
    match meta.name.as_deref() {
        Some(name) if !name.is_empty() => Ok(name.to_string()),
        _ => Err(Error::Invalid(format!(
            "a {kind} has no metadata.name: give it one"
        ))),
    }
}

/// `--annotation KEY=VALUE`, held to Podman's limit.
fn annotation_flag(text: &str) -> Result<(String, String), Error> {
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| Error::Invalid(format!("--annotation {text:?}: give it as KEY=VALUE")))?;
    if value.len() > MAX_ANNOTATION {
        return Err(Error::Invalid(format!(
            "annotation exceeds maximum size, {MAX_ANNOTATION}, of kubernetes annotation: {value}"
        )));
    }
    Ok((key.to_string(), value.to_string()))
}

/// An object's annotations, held to Podman's limit.
fn check_annotations(meta: &ObjectMeta) -> Result<(), Error> {
    for (key, value) in meta.annotations.iter().flatten() {
        if value.len() > MAX_ANNOTATION {
            return Err(Error::Invalid(format!(
                "invalid annotation {key:?}={value:?} value length exceeds Kubernetes max {MAX_ANNOTATION}"
            )));
        }
    }
    Ok(())
}

fn add_volume(
    volumes: &mut Vec<VolumePlan>,
    name: String,
    labels: BTreeMap<String, String>,
    files: Vec<VolumeFile>,
) {
    match volumes.iter_mut().find(|v| v.name == name) {
        Some(volume) => {
            volume.labels.extend(labels);
            if volume.files.is_empty() {
                volume.files = files;
            }
        }
        None => volumes.push(VolumePlan {
            name,
            labels,
            files,
        }),
    }
}

/// One pod's translation, with what it reads and where it writes.
struct PodTranslation<'a> {
    manifest: &'a Manifest,
    options: &'a PlayOptions,
    name: String,
    meta: &'a ObjectMeta,
    spec: &'a PodSpec,
    plan: &'a mut PlayPlan,
}

/// How a pod's volume is mounted: the `-v` source and any option.
enum MountSource {
    Bind(String),
    Named(String),
}

impl PodTranslation<'_> {
    fn warn(&mut self, message: String) {
        self.plan
            .warnings
            .push(format!("pod {:?}: {message}", self.name));
    }

    fn translate(mut self) -> Result<PodPlan, Error> {
        let spec = self.spec;
        let mut pod = PodPlan {
            name: self.name.clone(),
            hostname: spec.hostname.clone().unwrap_or_else(|| self.name.clone()),
            labels: self
                .meta
                .labels
                .iter()
                .flatten()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            host_network: spec.host_network == Some(true),
            ..PodPlan::default()
        };
        for alias in spec.host_aliases.iter().flatten() {
            for host in alias.hostnames.iter().flatten() {
                pod.add_hosts.push(format!("{host}:{}", alias.ip));
            }
        }
        if let Some(dns) = &spec.dns_config {
            pod.dns = dns.nameservers.clone().unwrap_or_default();
            pod.dns_search = dns.searches.clone().unwrap_or_default();
            for option in dns.options.iter().flatten() {
                let name = option.name.clone().unwrap_or_default();
                pod.dns_options.push(match &option.value {
                    Some(value) => format!("{name}:{value}"),
                    None => name,
                });
            }
        }
        for (set, what) in [
            (spec.host_pid, "hostPID"),
            (spec.host_ipc, "hostIPC"),
            (spec.share_process_namespace, "shareProcessNamespace"),
        ] {
            if set == Some(true) {
                self.warn(format!("{what} is not supported: ignored"));
            }
        }
        if let Some(context) = &spec.security_context {
            self.pod_security_warnings(context);
        }
        let restart = match spec.restart_policy.as_deref() {
            None | Some("Always") => "always",
            Some("OnFailure") => "on-failure",
            Some("Never") => "no",
            Some(other) => {
                return Err(Error::Invalid(format!(
                    "pod {:?}: restartPolicy {other:?}: use Always, OnFailure or Never",
                    self.name
                )));
            }
        };
        let mounts = self.volumes(&mut pod)?;
        for container in spec.init_containers.iter().flatten() {
            let flags = self.container(container, &mounts, &mut pod, None)?;
            pod.init_containers.push(flags);
        }
        for container in &spec.containers {
            let flags = self.container(container, &mounts, &mut pod, Some(restart))?;
            pod.containers.push(flags);
        }
        if pod.containers.is_empty() {
            return Err(Error::Invalid(format!(
                "pod {:?} has no containers: give at least one",
                self.name
            )));
        }
        Ok(pod)
    }

    fn pod_security_warnings(&mut self, context: &PodSecurityContext) {
        if context.fs_group.is_some() {
            self.warn("securityContext.fsGroup is not supported: volumes keep their owners".into());
        }
        if context.sysctls.as_ref().is_some_and(|s| !s.is_empty()) {
            self.warn("securityContext.sysctls are not supported: ignored".into());
        }
    }

    /// The pod's volumes by name: what each is mounted from. Volumes to
    /// make (claims, ConfigMap and Secret contents, emptyDirs) go into the
    /// play's plan; host directories to create into the pod's.
    fn volumes(&mut self, pod: &mut PodPlan) -> Result<BTreeMap<String, MountSource>, Error> {
        let mut mounts = BTreeMap::new();
        for volume in self.spec.volumes.iter().flatten() {
            if let Some(source) = self.volume(volume, pod)? {
                mounts.insert(volume.name.clone(), source);
            }
        }
        Ok(mounts)
    }

    fn volume(&mut self, volume: &Volume, pod: &mut PodPlan) -> Result<Option<MountSource>, Error> {
        let name = &volume.name;
        if let Some(host) = &volume.host_path {
            let path = PathBuf::from(&host.path);
            match host.type_.as_deref() {
                Some("DirectoryOrCreate") => pod.host_dirs.push(path),
                Some("FileOrCreate") => pod.host_files.push(path),
                None
                | Some("" | "Directory" | "File" | "Socket" | "CharDevice" | "BlockDevice") => {}
                Some(other) => {
                    return Err(Error::Invalid(format!(
                        "pod {:?}: volume {name:?}: hostPath type {other:?} is not known",
                        self.name
                    )));
                }
            }
            return Ok(Some(MountSource::Bind(host.path.clone())));
        }
        if let Some(claim) = &volume.persistent_volume_claim {
            add_volume(
                &mut self.plan.volumes,
                claim.claim_name.clone(),
                BTreeMap::new(),
                Vec::new(),
            );
            return Ok(Some(MountSource::Named(claim.claim_name.clone())));
        }
        if volume.empty_dir.is_some() {
            let volume_name = format!("{}-{name}", self.name);
            let labels = BTreeMap::from([(EMPTY_DIR_LABEL.to_string(), self.name.clone())]);
            add_volume(
                &mut self.plan.volumes,
                volume_name.clone(),
                labels,
                Vec::new(),
            );
            return Ok(Some(MountSource::Named(volume_name)));
        }
        if let Some(source) = &volume.config_map {
            let Some(map) = self.manifest.config_map(&source.name) else {
                if source.optional == Some(true) {
                    return Ok(None);
                }
                return Err(Error::Invalid(format!(
                    "pod {:?}: volume {name:?}: ConfigMap {:?} is not in the YAML",
                    self.name, source.name
                )));
            };
            let mut data: BTreeMap<String, Vec<u8>> = map
                .data
                .iter()
                .flatten()
                .map(|(k, v)| (k.clone(), v.clone().into_bytes()))
                .collect();
            data.extend(
                map.binary_data
                    .iter()
                    .flatten()
                    .map(|(k, v)| (k.clone(), v.0.clone())),
            );
            let mode = source.default_mode.unwrap_or(0o644) as u32;
            let files = self.volume_files(name, &data, source.items.as_deref(), mode)?;
            add_volume(
                &mut self.plan.volumes,
                source.name.clone(),
                BTreeMap::new(),
                files,
            );
            return Ok(Some(MountSource::Named(source.name.clone())));
        }
        if let Some(source) = &volume.secret {
            let secret_name = source.secret_name.clone().unwrap_or_default();
            let Some(secret) = self.manifest.secret(&secret_name) else {
                if source.optional == Some(true) {
                    return Ok(None);
                }
                return Err(Error::Invalid(format!(
                    "pod {:?}: volume {name:?}: Secret {secret_name:?} is not in the YAML",
                    self.name
                )));
            };
            let data = secret_data(secret);
            let mode = source.default_mode.unwrap_or(0o644) as u32;
            let files = self.volume_files(name, &data, source.items.as_deref(), mode)?;
            add_volume(
                &mut self.plan.volumes,
                secret_name.clone(),
                BTreeMap::new(),
                files,
            );
            return Ok(Some(MountSource::Named(secret_name)));
        }
        self.warn(format!(
            "volume {name:?}: its source is not supported (rcon mounts hostPath, emptyDir, persistentVolumeClaim, configMap and secret): not mounted"
        ));
        Ok(None)
    }

    /// A ConfigMap's or Secret's keys as files: every key, or the `items`.
    fn volume_files(
        &self,
        volume: &str,
        data: &BTreeMap<String, Vec<u8>>,
        items: Option<&[KeyToPath]>,
        mode: u32,
    ) -> Result<Vec<VolumeFile>, Error> {
        let chosen: Vec<(String, String, u32)> = match items {
            Some(items) => items
                .iter()
                .map(|item| {
                    (
                        item.key.clone(),
                        item.path.clone(),
                        item.mode.map_or(mode, |m| m as u32),
                    )
                })
                .collect(),
            None => data.keys().map(|k| (k.clone(), k.clone(), mode)).collect(),
        };
        let mut files = Vec::new();
        for (key, path, mode) in chosen {
            let Some(content) = data.get(&key) else {
                return Err(Error::Invalid(format!(
                    "pod {:?}: volume {volume:?}: key {key:?} is not in its source",
                    self.name
                )));
            };
            let path = PathBuf::from(&path);
            // A key becomes a file inside the volume, never outside it.
            if path.is_absolute()
                || path
                    .components()
                    .any(|c| !matches!(c, std::path::Component::Normal(_)))
            {
                return Err(Error::Invalid(format!(
                    "pod {:?}: volume {volume:?}: path {:?} must be relative, without ..",
                    self.name,
                    path.display()
                )));
            }
            files.push(VolumeFile {
                path,
                content: content.clone(),
                mode: mode & 0o777,
            });
        }
        Ok(files)
    }

    /// One container's flags; `restart`: `None` for an init container.
    fn container(
        &mut self,
        container: &Container,
        mounts: &BTreeMap<String, MountSource>,
        pod: &mut PodPlan,
        restart: Option<&str>,
    ) -> Result<CreateFlags, Error> {
        let what = format!("container {:?}", container.name);
        let image = container.image.clone().unwrap_or_default();
        if image.is_empty() {
            return Err(Error::Invalid(format!(
                "pod {:?}: {what} has no image",
                self.name
            )));
        }
        let mut flags = self.options.base.clone();
        flags.basics.image = image;
        flags.basics.name = Some(format!("{}-{}", self.name, container.name));
        flags.basics.tty = container.tty == Some(true);
        flags.basics.interactive = container.stdin == Some(true);
        flags.basics.workdir = container.working_dir.clone().filter(|w| !w.is_empty());
        flags.restart = restart.map(str::to_string);
        // How long a stop waits before SIGKILL, as Kubernetes' grace period.
        flags.basics.stop_timeout = self
            .spec
            .termination_grace_period_seconds
            .and_then(|seconds| u64::try_from(seconds).ok());
        flags.labels = pod.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
        // The pod's annotations, then --annotation's, on every container.
        flags.annotations = self
            .meta
            .annotations
            .iter()
            .flatten()
            .map(|(k, v)| format!("{k}={v}"))
            .chain(self.options.annotations.iter().cloned())
            .collect();
        if let Some(command) = container.command.as_ref().filter(|c| !c.is_empty()) {
            flags.entrypoint = Some(serde_json::to_string(command).expect("strings serialise"));
        }
        flags.basics.command = container.args.clone().unwrap_or_default();
        flags.env = self.env(container)?;
        for port in container.ports.iter().flatten() {
            // Podman 4.3.1 publishes a port without hostPort on its own number.
            let host_port = port.host_port.unwrap_or(port.container_port);
            let protocol = port
                .protocol
                .as_deref()
                .unwrap_or("TCP")
                .to_ascii_lowercase();
            if !matches!(protocol.as_str(), "tcp" | "udp") {
                return Err(Error::Invalid(format!(
                    "pod {:?}: {what}: port protocol {protocol:?} is not supported: use TCP or UDP",
                    self.name
                )));
            }
            let ip = match port.host_ip.as_deref() {
                Some(ip) if !ip.is_empty() => format!("{ip}:"),
                _ => String::new(),
            };
            pod.publish.push(format!(
                "{ip}{host_port}:{}/{protocol}",
                port.container_port
            ));
        }
        for mount in container.volume_mounts.iter().flatten() {
            let Some(source) = mounts.get(&mount.name) else {
                return Err(Error::Invalid(format!(
                    "pod {:?}: {what}: volumeMount {:?} names no volume of the pod",
                    self.name, mount.name
                )));
            };
            if mount.sub_path.as_ref().is_some_and(|p| !p.is_empty()) {
                self.warn(format!(
                    "{what}: volumeMount {:?}: subPath is not supported: the whole volume is mounted",
                    mount.name
                ));
            }
            let source = match source {
                MountSource::Bind(path) | MountSource::Named(path) => path,
            };
            let read_only = if mount.read_only == Some(true) {
                ":ro"
            } else {
                ""
            };
            flags
                .volumes
                .push(format!("{source}:{}{read_only}", mount.mount_path));
        }
        self.security(container, &mut flags)?;
        if let Some(resources) = &container.resources {
            let mut asked: Vec<String> = Vec::new();
            for (kind, map) in [
                ("limits", &resources.limits),
                ("requests", &resources.requests),
            ] {
                for (resource, quantity) in map.iter().flatten() {
                    asked.push(format!("{kind}.{resource}={}", quantity.0));
                }
            }
            if !asked.is_empty() {
                self.warn(format!(
                    "{what}: resources {} are not applied: rcon sets no cgroup limits on this host",
                    asked.join(", ")
                ));
            }
        }
        let probe = match (&container.liveness_probe, &container.readiness_probe) {
            (Some(liveness), readiness) => {
                if readiness.is_some() {
                    self.warn(format!(
                        "{what}: readinessProbe is not run: the livenessProbe is its health check"
                    ));
                }
                Some((liveness, "kill"))
            }
            (None, Some(readiness)) => Some((readiness, "none")),
            (None, None) => None,
        };
        if let Some((probe, on_failure)) = probe {
            self.probe(container, probe, on_failure, &mut flags)?;
        }
        for (set, field) in [
            (container.lifecycle.is_some(), "lifecycle"),
            (container.startup_probe.is_some(), "startupProbe"),
        ] {
            if set {
                self.warn(format!("{what}: {field} is not supported: ignored"));
            }
        }
        if let Some(annotations) = &self.meta.annotations {
            podman_annotations(annotations, &container.name, &mut flags);
        }
        Ok(flags)
    }

    /// `env` and `envFrom` as `-e KEY=VALUE`: ConfigMaps and Secrets are
    /// read from the same YAML.
    fn env(&mut self, container: &Container) -> Result<Vec<String>, Error> {
        let mut env = Vec::new();
        for source in container.env_from.iter().flatten() {
            let prefix = source.prefix.clone().unwrap_or_default();
            let data: BTreeMap<String, Vec<u8>> = if let Some(map) = &source.config_map_ref {
                match self.manifest.config_map(&map.name) {
                    Some(found) => found
                        .data
                        .iter()
                        .flatten()
                        .map(|(k, v)| (k.clone(), v.clone().into_bytes()))
                        .collect(),
                    None if map.optional == Some(true) => continue,
                    None => {
                        return Err(self.missing(container, "ConfigMap", &map.name));
                    }
                }
            } else if let Some(secret) = &source.secret_ref {
                match self.manifest.secret(&secret.name) {
                    Some(found) => secret_data(found),
                    None if secret.optional == Some(true) => continue,
                    None => return Err(self.missing(container, "Secret", &secret.name)),
                }
            } else {
                continue;
            };
            for (key, value) in data {
                env.push(format!("{prefix}{key}={}", String::from_utf8_lossy(&value)));
            }
        }
        for var in container.env.iter().flatten() {
            if let Some(value) = self.env_value(container, var)? {
                env.push(format!("{}={value}", var.name));
            }
        }
        Ok(env)
    }

    fn env_value(&mut self, container: &Container, var: &EnvVar) -> Result<Option<String>, Error> {
        let Some(from) = &var.value_from else {
            return Ok(Some(var.value.clone().unwrap_or_default()));
        };
        if let Some(key) = &from.config_map_key_ref {
            let value = self
                .manifest
                .config_map(&key.name)
                .and_then(|map| map.data.as_ref())
                .and_then(|data| data.get(&key.key))
                .cloned();
            return match value {
                Some(value) => Ok(Some(value)),
                None if key.optional == Some(true) => Ok(None),
                None => Err(self.missing(
                    container,
                    "ConfigMap key",
                    &format!("{}/{}", key.name, key.key),
                )),
            };
        }
        if let Some(key) = &from.secret_key_ref {
            let value = self
                .manifest
                .secret(&key.name)
                .and_then(|secret| secret_data(secret).remove(&key.key));
            return match value {
                Some(value) => Ok(Some(String::from_utf8_lossy(&value).into_owned())),
                None if key.optional == Some(true) => Ok(None),
                None => Err(self.missing(
                    container,
                    "Secret key",
                    &format!("{}/{}", key.name, key.key),
                )),
            };
        }
        if let Some(field) = &from.field_ref {
            match field.field_path.as_str() {
                "metadata.name" => return Ok(Some(self.name.clone())),
                "metadata.namespace" => return Ok(Some("default".into())),
                _ => {}
            }
        }
        self.warn(format!(
            "container {:?}: env {:?}: this valueFrom is not supported: not set",
            container.name, var.name
        ));
        Ok(None)
    }

    fn missing(&self, container: &Container, what: &str, name: &str) -> Error {
        Error::Invalid(format!(
            "pod {:?}: container {:?}: {what} {name:?} is not in the YAML (add it, or mark the reference optional)",
            self.name, container.name
        ))
    }

    fn security(&mut self, container: &Container, flags: &mut CreateFlags) -> Result<(), Error> {
        let pod = self.spec.security_context.as_ref();
        let own = container.security_context.as_ref();
        let user = own
            .and_then(|c| c.run_as_user)
            .or(pod.and_then(|c| c.run_as_user));
        let group = own
            .and_then(|c| c.run_as_group)
            .or(pod.and_then(|c| c.run_as_group));
        flags.basics.user = match (user, group) {
            (Some(user), Some(group)) => Some(format!("{user}:{group}")),
            (Some(user), None) => Some(user.to_string()),
            // A group alone: the image's user, in that group.
            (None, Some(group)) => {
                flags.basics.group_add.push(group.to_string());
                None
            }
            (None, None) => None,
        };
        for group in pod
            .and_then(|c| c.supplemental_groups.as_ref())
            .into_iter()
            .flatten()
        {
            flags.basics.group_add.push(group.to_string());
        }
        let Some(context) = own else {
            return Ok(());
        };
        self.container_security(container, context, flags)
    }

    fn container_security(
        &mut self,
        container: &Container,
        context: &SecurityContext,
        flags: &mut CreateFlags,
    ) -> Result<(), Error> {
        if context.privileged == Some(true) {
            if !flags.basics.rootful {
                return Err(Error::Invalid(format!(
                    "pod {:?}: container {:?} asks to be privileged: privileged containers are refused rootless (they would hold every capability of your user namespace); remove securityContext.privileged or run rcon as root",
                    self.name, container.name
                )));
            }
            flags.basics.privileged = true;
        }
        if let Some(caps) = &context.capabilities {
            flags.cap_add.extend(caps.add.iter().flatten().cloned());
            flags.cap_drop.extend(caps.drop.iter().flatten().cloned());
        }
        if context.read_only_root_filesystem == Some(true) {
            flags.basics.read_only = true;
        }
        match context.allow_privilege_escalation {
            Some(true) => flags.security_opt.push("no-new-privileges=false".into()),
            Some(false) => flags.security_opt.push("no-new-privileges".into()),
            None => {}
        }
        if let Some(profile) = &context.seccomp_profile {
            match profile.type_.as_str() {
                "Unconfined" => flags.security_opt.push("seccomp=unconfined".into()),
                "RuntimeDefault" => {}
                other => self.warn(format!(
                    "container {:?}: seccompProfile type {other:?} is not supported: the default profile applies",
                    container.name
                )),
            }
        }
        Ok(())
    }

    /// A probe as the container's health check (`--health-*`): an exec
    /// probe runs its command, HTTP and TCP probes the commands Podman
    /// gives them (curl, nc) inside the container.
    fn probe(
        &mut self,
        container: &Container,
        probe: &Probe,
        on_failure: &str,
        flags: &mut CreateFlags,
    ) -> Result<(), Error> {
        let port = |port: &IntOrString| -> Result<i32, Error> {
            match port {
                IntOrString::Int(port) => Ok(*port),
                IntOrString::String(name) => container
                    .ports
                    .iter()
                    .flatten()
                    .find(|p| p.name.as_deref() == Some(name.as_str()))
                    .map(|p| p.container_port)
                    .ok_or_else(|| {
                        Error::Invalid(format!(
                            "pod {:?}: container {:?}: probe port {name:?} names no port of the container",
                            self.name, container.name
                        ))
                    }),
            }
        };
        let test: Vec<String> = if let Some(exec) = &probe.exec {
            std::iter::once("CMD".to_string())
                .chain(exec.command.iter().flatten().cloned())
                .collect()
        } else if let Some(http) = &probe.http_get {
            let scheme = http
                .scheme
                .as_deref()
                .unwrap_or("HTTP")
                .to_ascii_lowercase();
            let host = http.host.as_deref().unwrap_or("localhost");
            let path = http.path.as_deref().unwrap_or("/");
            let port = port(&http.port)?;
            vec![
                "CMD-SHELL".into(),
                format!("curl -f {scheme}://{host}:{port}{path} || exit 1"),
            ]
        } else if let Some(tcp) = &probe.tcp_socket {
            let host = tcp.host.as_deref().unwrap_or("localhost");
            let port = port(&tcp.port)?;
            vec![
                "CMD-SHELL".into(),
                format!("nc -z -v {host} {port} || exit 1"),
            ]
        } else {
            self.warn(format!(
                "container {:?}: a probe without exec, httpGet or tcpSocket is not run",
                container.name
            ));
            return Ok(());
        };
        if test.len() < 2 {
            return Err(Error::Invalid(format!(
                "pod {:?}: container {:?}: a probe's exec has no command",
                self.name, container.name
            )));
        }
        let seconds = |value: Option<i32>, default: i32| format!("{}s", value.unwrap_or(default));
        flags.health.cmd = Some(serde_json::to_string(&test).expect("strings serialise"));
        flags.health.interval = Some(seconds(probe.period_seconds, 10));
        flags.health.timeout = Some(seconds(probe.timeout_seconds, 1));
        flags.health.start_period = Some(seconds(probe.initial_delay_seconds, 0));
        flags.health.retries = Some(probe.failure_threshold.unwrap_or(3).to_string());
        flags.health.on_failure = Some(on_failure.into());
        Ok(())
    }
}

/// A Secret's keys: `data` (base64 in the YAML, decoded by the type) and
/// `stringData`, which wins, as in Kubernetes.
fn secret_data(secret: &k8s_openapi::api::core::v1::Secret) -> BTreeMap<String, Vec<u8>> {
    let mut data: BTreeMap<String, Vec<u8>> = secret
        .data
        .iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.0.clone()))
        .collect();
    data.extend(
        secret
            .string_data
            .iter()
            .flatten()
            .map(|(k, v)| (k.clone(), v.clone().into_bytes())),
    );
    data
}

/// The `io.podman.annotations.*/CONTAINER` annotations `kube generate`
/// writes, played back: `--init`, `-P`.
fn podman_annotations(
    annotations: &BTreeMap<String, String>,
    container: &str,
    flags: &mut CreateFlags,
) {
    let set = |key: &str| {
        annotations
            .get(&format!("io.podman.annotations.{key}/{container}"))
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    };
    flags.basics.init |= set("init");
    flags.basics.publish_all |= set("publish-all");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kube::document::read;

    fn plan_of(text: &str) -> Result<PlayPlan, Error> {
        plan(&read(text, "test.yaml")?, &PlayOptions::default())
    }

    const APP: &str = "\
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  MODE: fast
  motd: hello
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  PASSWORD: czNjcjN0
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  restartPolicy: OnFailure
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: webdata
  - name: config
    configMap:
      name: settings
      items:
      - key: motd
        path: etc/motd
  - name: scratch
    emptyDir: {}
  containers:
  - name: app
    image: busybox
    command: [httpd, -f]
    args: [-p, '8080']
    workingDir: /srv
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {name: settings, key: MODE}
    - name: PASSWORD
      valueFrom:
        secretKeyRef: {name: creds, key: PASSWORD}
    envFrom:
    - configMapRef: {name: settings}
      prefix: CFG_
    ports:
    - containerPort: 8080
      hostPort: 18080
    volumeMounts:
    - {name: data, mountPath: /data}
    - {name: config, mountPath: /config, readOnly: true}
    - {name: scratch, mountPath: /scratch}
    securityContext:
      runAsUser: 1000
      runAsGroup: 3000
      readOnlyRootFilesystem: true
      capabilities: {add: [NET_ADMIN], drop: [CHOWN]}
    resources:
      limits: {memory: 64Mi}
    livenessProbe:
      tcpSocket: {port: 8080}
      periodSeconds: 5
";

    #[test]
    fn ports_without_host_port_and_annotations_reach_the_containers() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {team: blue}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    ports: [{containerPort: 8080}, {containerPort: 53, protocol: UDP, hostPort: 5353}]\n";
        let options = PlayOptions {
            annotations: vec!["name=given".into()],
            ..PlayOptions::default()
        };
        let plan = plan(&read(yaml, "test.yaml").unwrap(), &options).unwrap();
        let pod = &plan.pods[0];
        assert_eq!(pod.publish, ["8080:8080/tcp", "5353:53/udp"]);
        assert_eq!(pod.containers[0].annotations, ["team=blue", "name=given"]);
    }

    #[test]
    fn a_pod_becomes_create_flags_and_volumes() {
        let plan = plan_of(APP).unwrap();
        assert_eq!(plan.pods.len(), 1);
        let pod = &plan.pods[0];
        assert_eq!(pod.publish, ["18080:8080/tcp"]);
        let app = &pod.containers[0];
        assert_eq!(app.basics.name.as_deref(), Some("web-app"));
        assert_eq!(app.entrypoint.as_deref(), Some(r#"["httpd","-f"]"#));
        assert_eq!(app.basics.command, ["-p", "8080"]);
        assert_eq!(app.basics.workdir.as_deref(), Some("/srv"));
        assert_eq!(app.basics.user.as_deref(), Some("1000:3000"));
        assert!(app.basics.read_only);
        assert_eq!(app.cap_add, ["NET_ADMIN"]);
        assert_eq!(app.cap_drop, ["CHOWN"]);
        assert_eq!(app.restart.as_deref(), Some("on-failure"));
        for var in [
            "CFG_MODE=fast",
            "CFG_motd=hello",
            "MODE=fast",
            "PASSWORD=s3cr3t",
        ] {
            assert!(app.env.contains(&var.to_string()), "{var} in {:?}", app.env);
        }
        assert_eq!(
            app.volumes,
            [
                "webdata:/data",
                "settings:/config:ro",
                "web-scratch:/scratch"
            ]
        );
        assert_eq!(
            app.health.cmd.as_deref(),
            Some(r#"["CMD-SHELL","nc -z -v localhost 8080 || exit 1"]"#)
        );
        assert_eq!(app.health.interval.as_deref(), Some("5s"));
        assert!(app.labels.contains(&"app=web".to_string()));
        let names: Vec<&str> = plan.volumes.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["webdata", "settings", "web-scratch"]);
        assert_eq!(plan.volumes[1].files[0].path, PathBuf::from("etc/motd"));
        assert_eq!(plan.volumes[1].files[0].content, b"hello");
        assert!(plan.volumes[2].labels.contains_key(EMPTY_DIR_LABEL));
        assert!(
            plan.warnings
                .iter()
                .any(|w| w.contains("limits.memory=64Mi")),
            "{:?}",
            plan.warnings
        );
    }

    #[test]
    fn a_deployment_makes_its_replicas() {
        let plan = plan_of(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: c, image: busybox}]\n",
        )
        .unwrap();
        let names: Vec<&str> = plan.pods.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["api-pod-0", "api-pod-1", "api-pod-2"]);
        assert_eq!(
            plan.pods[2].containers[0].basics.name.as_deref(),
            Some("api-pod-2-c")
        );
    }

    #[test]
    fn refusals_say_why() {
        let error = |text: &str| plan_of(text).unwrap_err().to_string();
        let pod = |container: &str| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  - {container}\n"
            )
        };
        let privileged = error(&pod(
            "{name: c, image: busybox, securityContext: {privileged: true}}",
        ));
        assert!(privileged.contains("refused rootless"), "{privileged}");
        let missing = error(&pod(
            "{name: c, image: busybox, env: [{name: A, valueFrom: {configMapKeyRef: {name: nope, key: k}}}]}",
        ));
        assert!(missing.contains("\"nope/k\""), "{missing}");
        let long = "a".repeat(64);
        let annotated = error(&format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {{test: {long}}}\nspec:\n  containers: [{{name: c, image: busybox}}]\n"
        ));
        assert!(
            annotated.contains(&format!("invalid annotation \"test\"=\"{long}\"")),
            "{annotated}"
        );
        let flag = plan(
            &read(&pod("{name: c, image: busybox}"), "p.yaml").unwrap(),
            &PlayOptions {
                annotations: vec![format!("name={long}")],
                ..PlayOptions::default()
            },
        )
        .unwrap_err()
        .to_string();
        assert!(
            flag.contains("annotation exceeds maximum size, 63"),
            "{flag}"
        );
        let escape = error(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {k: v}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: v, configMap: {name: m, items: [{key: k, path: ../../x}]}}]\n  containers: [{name: c, image: busybox}]\n",
        );
        assert!(escape.contains("without .."), "{escape}");
    }
}
