//! `create`, and starting a container in the foreground (`run`, `start -a`):
//! from a request and an image to a record in the store, from a record to a
//! [`runtime::ContainerSpec`], and the container's life in the foreground.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::env::{self, EnvOverrides};
use super::lifecycle::parse_signal;
use super::mounts::{self, MountKind};
use super::restart::RestartPolicy;
use super::store::{
    ContainerConfig, ContainerRecord, Containers, KeepId, MountRecord, Status, generate_name,
    new_id,
};
use super::{Error, labels, networks, ulimit};
use crate::image::{self, PullOptions};
use crate::network::names::{self, NameOptions};
use crate::network::{self, Mode, PortMapping, ports};
use crate::runtime::{
    ContainerSpec, Mount, MountSource, Network, Process, Rlimit, Rootfs, RootfsSource, Stdio,
    keep_id::IdMappings,
    passwd,
    security::{self, SecurityOptions, SecurityPlan},
};
use crate::storage::driver::Driver;
use crate::storage::flatten;
use crate::storage::fuse::FuseLayers;
use crate::storage::store::{ImageRecord, Store, StoreLock};
use crate::storage::vfs;
use crate::storage::volume::VolumeStore;

/// When to pull the image (`--pull`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PullPolicy {
    #[default]
    Missing,
    Always,
    Never,
    Newer,
}

/// Everything `rcon run` / `rcon create` was asked for.
#[derive(Debug, Clone, Default)]
pub struct CreateRequest {
    pub image: String,
    pub command: Vec<String>,
    pub name: Option<String>,
    pub remove: bool,
    pub tty: bool,
    pub interactive: bool,
    /// `-e` as given: `KEY=VALUE`, `KEY` (from rcon's environment) or `PREFIX*`.
    pub env: Vec<String>,
    /// `--unsetenv`, `--unsetenv-all`.
    pub unsetenv: Vec<String>,
    pub unsetenv_all: bool,
    /// `--tz`: an IANA zone name, or `local`.
    pub timezone: Option<String>,
    /// `--log-driver` as given.
    pub log_driver: Option<String>,
    pub env_files: Vec<PathBuf>,
    pub env_host: bool,
    /// `-v`, `--mount` and `--tmpfs` as given.
    pub volumes: Vec<String>,
    pub mounts: Vec<String>,
    pub tmpfs: Vec<String>,
    pub ulimits: Vec<String>,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    /// `--security-opt` as given.
    pub security_opt: Vec<String>,
    /// `--userns=keep-id`: the host user to keep.
    pub keep_id: Option<KeepId>,
    pub user: Option<String>,
    pub group_add: Vec<String>,
    pub workdir: Option<String>,
    /// `--entrypoint`: a command, or a JSON array; `""` clears the image's.
    pub entrypoint: Option<String>,
    pub hostname: Option<String>,
    /// `--network`; empty for the default.
    pub network: String,
    /// `--network-alias`: more names on a user-defined network.
    pub network_aliases: Vec<String>,
    /// `-p` specs as given.
    pub publish: Vec<String>,
    /// `-P`: publish every port the image exposes.
    pub publish_all: bool,
    /// `--dns`, `--dns-search`, `--dns-option`, `--add-host`.
    pub names: NameOptions,
    pub read_only: bool,
    pub init: bool,
    /// `-l` as given: `KEY=VALUE` or `KEY`.
    pub labels: Vec<String>,
    pub label_files: Vec<PathBuf>,
    /// `--stop-signal`: a name or number.
    pub stop_signal: Option<String>,
    /// `--stop-timeout`, seconds.
    pub stop_timeout: Option<u64>,
    /// rcon runs as the real root, without a user namespace.
    pub rootful: bool,
    /// `--restart` as given.
    pub restart: Option<String>,
    pub pull: PullPolicy,
    pub pull_options: PullOptions,
    /// `--storage-driver`, else the store's choice, as
    /// [`driver::choose`] made it (its first choice may fork a probe).
    pub storage_driver: Driver,
}

/// The part of an image config a container starts from.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ImageConfig {
    #[serde(default)]
    env: Option<Vec<String>>,
    #[serde(default)]
    cmd: Option<Vec<String>>,
    #[serde(default)]
    entrypoint: Option<Vec<String>>,
    #[serde(default)]
    working_dir: Option<String>,
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    stop_signal: Option<String>,
    /// `EXPOSE`: `80/tcp` → {}.
    #[serde(default)]
    exposed_ports: Option<std::collections::BTreeMap<String, serde_json::Value>>,
}

#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    config: Option<ImageConfig>,
}

/// The image to create from, pulled first when the policy says so.
fn image_for(store: &Store, request: &CreateRequest) -> Result<ImageRecord, Error> {
    let local = image::lookup(store, &request.image);
    match (request.pull, local) {
        (PullPolicy::Never, local) => {
            local.map_err(|_| Error::ImageNotLocal(request.image.clone()))
        }
        (PullPolicy::Missing, Ok(found)) => Ok(found),
        (PullPolicy::Newer, Ok(found)) => Ok(image::pull::pull_if_newer(
            store,
            &request.image,
            found,
            &request.pull_options,
        )?),
        (PullPolicy::Missing | PullPolicy::Always | PullPolicy::Newer, _) => Ok(image::pull_image(
            store,
            &request.image,
            &request.pull_options,
        )?),
    }
}

/// Refuses malformed flags before any image is pulled, as Podman does
/// (what depends on the image is checked once it is there). Returns the
/// environment the flags give.
fn check_flags(request: &CreateRequest) -> Result<EnvOverrides, Error> {
    let mut overrides = EnvOverrides::from_flags(
        request.env_host,
        &request.env_files,
        &request.env,
        &env::host_env(),
    )?;
    overrides.unset.clone_from(&request.unsetenv);
    overrides.unset_all = request.unsetenv_all;
    if let Some(user) = &request.user {
        passwd::parse_user_spec(user)?;
    }
    for spec in &request.ulimits {
        ulimit::parse_ulimit(spec)?;
    }
    for spec in &request.volumes {
        mounts::parse_volume(spec)?;
    }
    for spec in &request.mounts {
        mounts::parse_mount(spec)?;
    }
    for spec in &request.tmpfs {
        mounts::parse_tmpfs(spec)?;
    }
    entrypoint_flag(request)?;
    if let Some(zone) = &request.timezone {
        zoneinfo(zone)?;
    }
    // Podman's drivers that log to a file rcon writes, and none.
    if let Some(driver) = &request.log_driver {
        if !matches!(driver.as_str(), "k8s-file" | "json-file" | "none") {
            return Err(Error::Invalid(format!(
                "invalid log driver: invalid argument: --log-driver {driver:?}: use k8s-file, json-file or none"
            )));
        }
    }
    Ok(overrides)
}

/// Creates the container record (state `created`) and returns it.
pub fn create(store: &Store, request: &CreateRequest) -> Result<ContainerRecord, Error> {
    let containers = Containers::open(store.root())?;
    let mut network = Mode::parse(&request.network)?;
    network_for(&containers, &network)?;
    let user_network = networks::requested(store.root(), &network)?;
    if user_network.as_ref().is_some_and(|n| n.internal) {
        network.cut_off();
    }
    if user_network.is_none() && !request.network_aliases.is_empty() {
        return Err(Error::Invalid(format!(
            "--network-alias needs a user-defined network (`rcon network create`), not --network {network}"
        )));
    }
    request.names.check().map_err(network::Error::from)?;
    let overrides = check_flags(request)?;
    let driver = request.storage_driver;
    let image = image_for(store, request)?;
    let config_file: ConfigFile =
        serde_json::from_slice(&store.image_file(&image.id, "config.json")?).unwrap_or_default();
    let image_config = config_file.config.unwrap_or_default();
    let args = command_line(request, &image_config)?;
    let id = new_id();
    let lock = store.lock()?;
    // `rmi` and `image prune` remove images under this lock too: the image is
    // still stored now, and stays until the record naming it is in.
    if store.read_image(&image.id)?.is_none() {
        return Err(image::Error::NotFound {
            name: request.image.clone(),
            tried: Vec::new(),
        }
        .into());
    }
    let name = match &request.name {
        Some(name) => name.clone(),
        None => {
            let taken: Vec<String> = containers.list()?.into_iter().map(|r| r.name).collect();
            generate_name(&id, &taken)
        }
    };
    let hostname = request
        .hostname
        .clone()
        .unwrap_or_else(|| id[..12].to_string());
    // HOME comes from the user's passwd entry, which only the container can read.
    let image_env = image_config.env.clone().unwrap_or_default();
    let env = env::merge(&image_env, &overrides, &hostname, None);
    security::plan(&security_options(
        &request.cap_add,
        &request.cap_drop,
        request.privileged,
        &request.security_opt,
    )?)?;
    let restart = RestartPolicy::parse(request.restart.as_deref().unwrap_or_default())?;
    if request.remove && restart != RestartPolicy::No {
        return Err(Error::Invalid(format!(
            "--rm and --restart={} conflict: a container removed when it exits cannot be restarted",
            restart.name()
        )));
    }
    let stop_signal = match &request.stop_signal {
        Some(name) => Some(parse_signal(name)?.as_str().to_string()),
        None => image_config.stop_signal.clone(),
    };
    let labels = labels::from_flags(&request.label_files, &request.labels)?;
    let ports = published_ports(request, &network, &image_config)?;
    let peers = match &user_network {
        Some(user_network) => networks::members(&containers, &user_network.name)?,
        None => Vec::new(),
    };
    let attachment = match &user_network {
        Some(user_network) => Some(networks::allocate(
            &peers,
            user_network,
            &request.network_aliases,
        )?),
        None => None,
    };
    let mount_records = mount_records(store, request)?;
    let record = ContainerRecord {
        id: id.clone(),
        name: name.clone(),
        image_id: image.id.clone(),
        image_name: image
            .names
            .first()
            .cloned()
            .unwrap_or_else(|| image.id.clone()),
        created: crate::util::time::now_rfc3339(),
        config: ContainerConfig {
            args,
            entrypoint: image_config.entrypoint.clone().unwrap_or_default(),
            cmd: image_config.cmd.clone().unwrap_or_default(),
            env,
            working_dir: request
                .workdir
                .clone()
                .or(image_config.working_dir.filter(|w| !w.is_empty()))
                .unwrap_or_else(|| "/".into()),
            // keep-id runs as the user itself unless -u says otherwise, as in Podman.
            user: request
                .user
                .clone()
                .or(request
                    .keep_id
                    .as_ref()
                    .map(|k| format!("{}:{}", k.uid, k.gid)))
                .or(image_config.user.filter(|u| !u.is_empty()))
                .unwrap_or_else(|| "0".into()),
            group_add: request.group_add.clone(),
            hostname: hostname.clone(),
            // A network given by ID prefix is recorded by its name.
            network: attachment
                .as_ref()
                .map_or_else(|| network.to_string(), |a| a.network.clone()),
            attachment,
            ports,
            names: request.names.clone(),
            tty: request.tty,
            interactive: request.interactive,
            mounts: mount_records,
            read_only: request.read_only,
            init: request.init,
            ulimits: request.ulimits.clone(),
            cap_add: request.cap_add.clone(),
            cap_drop: request.cap_drop.clone(),
            privileged: request.privileged,
            keep_id: request.keep_id.clone(),
            security_opt: request.security_opt.clone(),
            labels,
            remove: request.remove,
            stop_signal,
            stop_timeout: request.stop_timeout,
            log_driver: request.log_driver.clone(),
            localtime: request.timezone.as_deref().map(zoneinfo).transpose()?,
            restart,
        },
        storage_driver: driver,
    };
    let addresses = network.addresses();
    let host_resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let userdata = [
        ("hosts", networks::hosts_file(&record, &network, &peers)?),
        ("hostname", format!("{hostname}\n")),
        (
            "resolv.conf",
            names::resolv_conf(&host_resolv, &addresses, &request.names),
        ),
        (CONTAINERENV, containerenv(&record, request.rootful)),
    ];
    // vfs: the container's copy of the image is made in the new container's
    // directory before it is moved into place, so a create killed half-way
    // leaves no container, only a temporary directory the store sweeps.
    let copy_image = |dir: &Path| match driver {
        Driver::Vfs => {
            let layers: Vec<PathBuf> = image.layers.iter().map(|l| store.layer_link(l)).collect();
            Ok(vfs::populate(&layers, &dir.join(VFS_ROOTFS))?)
        }
        Driver::Overlay | Driver::FuseOverlay => Ok(()),
    };
    if let Err(e) = containers.create(&lock, &record, &userdata, !request.remove, copy_image) {
        // Nothing half-created stays: the anonymous volumes made for it go too.
        remove_anonymous_volumes(store, &lock, &record, &|_: &str| false)?;
        return Err(e.into());
    }
    if let Some(user_network) = &user_network {
        networks::refresh_hosts(&containers, &user_network.name)?;
    }
    Ok(record)
}

/// The container's dir holding its copy of the image (vfs).
const VFS_ROOTFS: &str = "rootfs";

/// `--tz`: the host's file for the zone (`local`: the host's own
/// /etc/localtime), which must exist, as Podman checks.
fn zoneinfo(zone: &str) -> Result<PathBuf, Error> {
    let path = match zone {
        "local" => PathBuf::from("/etc/localtime"),
        zone => Path::new("/usr/share/zoneinfo").join(zone),
    };
    match std::fs::canonicalize(&path) {
        Ok(file) if file.is_file() => Ok(file),
        Ok(_) => Err(Error::Invalid(format!(
            "--tz {zone}: {} is not a time zone file",
            path.display()
        ))),
        Err(e) => Err(Error::Invalid(format!(
            "--tz {zone}: unknown time zone (stat {}: {e})",
            path.display()
        ))),
    }
}

/// The userdata file mounted at /run/.containerenv.
const CONTAINERENV: &str = "containerenv";

/// /run/.containerenv, Podman's marker that a process runs in a container:
/// empty, except for a privileged container, which may know what it is
/// (Podman's keys, for scripts that source it).
fn containerenv(record: &ContainerRecord, rootful: bool) -> String {
    if !record.config.privileged {
        return String::new();
    }
    format!(
        "engine=\"rcon-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{}\"\nrootless={}\n",
        env!("CARGO_PKG_VERSION"),
        record.name,
        record.id,
        record.image_name,
        record.image_id,
        u8::from(!rootful)
    )
}

/// What the container's root filesystem is made of, per its storage driver.
/// The kernel overlay stacks at most 500 layers (deeper images get a flat
/// base layer); our FUSE overlay has no such limit.
fn rootfs_source(
    store: &Store,
    image: &ImageRecord,
    dir: &Path,
    driver: Driver,
) -> Result<RootfsSource, Error> {
    Ok(match driver {
        Driver::Overlay => RootfsSource::Overlay {
            lowers: flatten::lower_dirs(store, image)?,
            upper: dir.join("upper"),
            work: dir.join("work"),
        },
        Driver::FuseOverlay => RootfsSource::FuseOverlay(FuseLayers {
            lowers: image
                .layers
                .iter()
                .rev()
                .map(|l| store.layer_link(l))
                .collect(),
            upper: dir.join("upper"),
            work: dir.join("work"),
            log: dir.join("fuse-overlay.log"),
            ids: Default::default(),
        }),
        Driver::Vfs => {
            let copy = dir.join(VFS_ROOTFS);
            // Left so by a create that older versions of rcon did not finish.
            if !copy.is_dir() {
                return Err(Error::Invalid(format!(
                    "the container's copy of its image ({}) is missing: its creation was interrupted; remove the container with `rcon rm` and create it again",
                    copy.display()
                )));
            }
            RootfsSource::Copy(copy)
        }
    })
}

/// The mounts from `-v`, `--mount` and `--tmpfs`: bind sources checked,
/// named volumes created on first use, anonymous volumes made.
fn mount_records(store: &Store, request: &CreateRequest) -> Result<Vec<MountRecord>, Error> {
    let mut specs = Vec::new();
    for spec in &request.volumes {
        specs.push(mounts::parse_volume(spec)?);
    }
    for spec in &request.mounts {
        specs.push(mounts::parse_mount(spec)?);
    }
    for spec in &request.tmpfs {
        specs.push(mounts::parse_tmpfs(spec)?);
    }
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    mounts::check_duplicates(&specs)?;
    let cwd = std::env::current_dir().ok();
    mounts::resolve_bind_sources(&mut specs, cwd.as_deref())?;
    let volumes = VolumeStore::open(store)?;
    specs
        .into_iter()
        .map(|spec| {
            let (source, name) = match (spec.kind, &spec.source) {
                (MountKind::Bind, Some(path)) => (path.clone(), None),
                (MountKind::Volume, Some(name)) => (
                    volumes.ensure(name)?.mountpoint.display().to_string(),
                    Some(name.clone()),
                ),
                (MountKind::Volume, None) => {
                    let volume = volumes.create(None, Default::default(), true)?;
                    (volume.mountpoint.display().to_string(), Some(volume.name))
                }
                (MountKind::Tmpfs, _) | (MountKind::Bind, None) => {
                    (tmpfs_data(&spec.options), None)
                }
            };
            Ok(MountRecord {
                kind: spec.kind.name().to_string(),
                source,
                name,
                destination: spec.destination,
                read_only: spec.read_only,
                options: spec.options,
            })
        })
        .collect()
}

/// The tmpfs data options among a mount's options.
fn tmpfs_data(options: &[String]) -> String {
    let data: Vec<&str> = options
        .iter()
        .map(String::as_str)
        .filter(|o| {
            ["size=", "mode=", "uid=", "gid=", "nr_inodes="]
                .iter()
                .any(|p| o.starts_with(p))
        })
        .collect();
    data.join(",")
}

/// The runtime's mount for a recorded one. tmpfs is nosuid, nodev and noexec
/// unless asked otherwise, as in Podman.
fn runtime_mount(record: &MountRecord) -> Mount {
    let has = |o: &str| record.options.iter().any(|x| x == o);
    let tmpfs = record.kind == "tmpfs";
    Mount {
        destination: record.destination.clone(),
        source: if tmpfs {
            MountSource::Tmpfs(record.source.clone())
        } else {
            MountSource::Bind(PathBuf::from(&record.source))
        },
        read_only: record.read_only,
        nosuid: has("nosuid") || (tmpfs && !has("suid")),
        nodev: has("nodev") || (tmpfs && !has("dev")),
        noexec: has("noexec") || (tmpfs && !has("exec")),
    }
}

/// `--entrypoint`: a JSON array of strings, or one command.
fn entrypoint_flag(request: &CreateRequest) -> Result<Option<Vec<String>>, Error> {
    Ok(match &request.entrypoint {
        None => None,
        Some(text) if text.trim_start().starts_with('[') => {
            Some(serde_json::from_str(text).map_err(|e| {
                Error::Invalid(format!(
                    "--entrypoint {text:?} is not a JSON array of strings: {e}"
                ))
            })?)
        }
        Some(text) => Some(vec![text.clone()]),
    })
}

/// Podman's rules: `--entrypoint` replaces the image's and drops its Cmd;
/// `--entrypoint ''` clears it; arguments after the image replace the Cmd.
fn command_line(request: &CreateRequest, image: &ImageConfig) -> Result<Vec<String>, Error> {
    let given = entrypoint_flag(request)?;
    // As Podman: the image's CMD stays only when no entrypoint was given
    // (or `--entrypoint '[]'`); an entrypoint of `[""]` is none at all.
    let command = if request.command.is_empty() && given.as_ref().is_none_or(Vec::is_empty) {
        image.cmd.clone().unwrap_or_default()
    } else {
        request.command.clone()
    };
    let mut entrypoint = given.unwrap_or_else(|| image.entrypoint.clone().unwrap_or_default());
    if entrypoint == [""] {
        entrypoint.clear();
    }
    let args: Vec<String> = entrypoint.into_iter().chain(command).collect();
    if args.is_empty() {
        return Err(Error::Invalid(
            "no command or entrypoint provided, and no CMD or ENTRYPOINT from image; give a command after the image name".into(),
        ));
    }
    Ok(args)
}

/// The network namespace the runtime makes or joins for `mode`.
fn network_for(containers: &Containers, mode: &Mode) -> Result<Network, Error> {
    match mode {
        Mode::None | Mode::Pasta(_) | Mode::Slirp4netns(_) | Mode::Network { .. } => {
            Ok(Network::Loopback)
        }
        Mode::Host => Ok(Network::Host),
        Mode::Path(path) => Ok(Network::Join(path.clone())),
        Mode::Container(name) => {
            let other = containers.find(name)?;
            let state = containers.state(&other.id)?;
            if state.status != Status::Running || state.pid <= 0 {
                return Err(Error::Invalid(format!(
                    "--network container:{name}: that container is not running"
                )));
            }
            Ok(Network::Join(PathBuf::from(format!(
                "/proc/{}/ns/net",
                state.pid
            ))))
        }
    }
}

/// `-p` and `-P` (the image's exposed ports), every host port assigned and
/// free; ports need a mode with a helper to forward them.
fn published_ports(
    request: &CreateRequest,
    network: &Mode,
    image: &ImageConfig,
) -> Result<Vec<PortMapping>, Error> {
    let mut ports = request
        .publish
        .iter()
        .map(|spec| ports::parse(spec))
        .collect::<Result<Vec<_>, _>>()
        .map_err(network::Error::from)?;
    if request.publish_all {
        let exposed: Vec<String> = image
            .exposed_ports
            .iter()
            .flat_map(|p| p.keys().cloned())
            .collect();
        let exposed = ports::exposed(&exposed).map_err(network::Error::from)?;
        // An exposed port already published with -p keeps that mapping.
        let unpublished: Vec<PortMapping> = exposed
            .into_iter()
            .filter(|e| {
                !ports.iter().any(|p| {
                    p.protocol == e.protocol
                        && (p.container_port..p.container_port + p.range)
                            .contains(&e.container_port)
                })
            })
            .collect();
        ports.extend(unpublished);
    }
    if ports.is_empty() {
        return Ok(ports);
    }
    if !network.publishes_ports() {
        return Err(network::Error::from(ports::Error::NotForwarded(network.to_string())).into());
    }
    ports::assign_and_check(&mut ports).map_err(network::Error::from)?;
    Ok(ports)
}

/// The security flags, parsed.
pub(crate) fn security_options(
    cap_add: &[String],
    cap_drop: &[String],
    privileged: bool,
    security_opt: &[String],
) -> Result<SecurityOptions, Error> {
    let mut options = SecurityOptions {
        cap_add: cap_add.to_vec(),
        cap_drop: cap_drop.to_vec(),
        privileged,
        ..SecurityOptions::default()
    };
    for opt in security_opt {
        options.set(security::parse_security_opt(opt)?);
    }
    Ok(options)
}

/// What `record`'s root filesystem is made of.
pub(crate) fn rootfs_of(
    store: &Store,
    containers: &Containers,
    record: &ContainerRecord,
) -> Result<RootfsSource, Error> {
    let image = store.image_by_id(&record.image_id)?;
    rootfs_source(
        store,
        &image,
        &containers.dir(&record.id),
        record.storage_driver,
    )
}

/// What the runtime needs to start `record`.
pub(crate) fn spec_for(
    store: &Store,
    containers: &Containers,
    record: &ContainerRecord,
) -> Result<ContainerSpec, Error> {
    let dir = containers.dir(&record.id);
    let config = &record.config;
    let userdata = dir.join("userdata");
    let mut mounts = vec![
        Mount::bind(userdata.join("hosts"), "/etc/hosts"),
        Mount::bind(userdata.join("hostname"), "/etc/hostname"),
        Mount::bind(userdata.join("resolv.conf"), "/etc/resolv.conf"),
    ];
    // Containers created before rcon wrote it have none.
    let containerenv = userdata.join(CONTAINERENV);
    if containerenv.exists() {
        mounts.push(Mount::bind(containerenv, "/run/.containerenv"));
    }
    if let Some(localtime) = &config.localtime {
        mounts.push(Mount {
            read_only: true,
            ..Mount::bind(localtime.clone(), "/etc/localtime")
        });
    }
    mounts.retain(|m| !config.mounts.iter().any(|r| r.destination == m.destination));
    mounts.extend(config.mounts.iter().map(runtime_mount));
    let user_namespace = config
        .keep_id
        .as_ref()
        .map(|k| IdMappings::keep_id(k.uid, k.gid));
    let mut source = rootfs_of(store, containers, record)?;
    if let (RootfsSource::FuseOverlay(layers), Some(mappings)) = (&mut source, &user_namespace) {
        layers.ids = mappings.fuse_translation();
    }
    Ok(ContainerSpec {
        rootfs: Rootfs {
            source,
            merged: dir.join("merged"),
            read_only: config.read_only,
        },
        mounts,
        hostname: config.hostname.clone(),
        network: {
            let mode = Mode::parse(&config.network)?;
            // A port taken since the container was created: say so before it starts.
            ports::check(&config.ports).map_err(network::Error::from)?;
            network_for(containers, &mode)?
        },
        security: security_plan(config)?,
        privileged: config.privileged,
        user_namespace,
        process: process_for(config)?,
    })
}

/// The container's capabilities, seccomp filter and no_new_privs, compiled.
pub(crate) fn security_plan(config: &ContainerConfig) -> Result<SecurityPlan, Error> {
    Ok(security::plan(&security_options(
        &config.cap_add,
        &config.cap_drop,
        config.privileged,
        &config.security_opt,
    )?)?)
}

/// The container's command as the runtime runs it: argv, environment,
/// user, working directory, limits, standard streams.
pub(crate) fn process_for(config: &ContainerConfig) -> Result<Process, Error> {
    let rlimits = config
        .ulimits
        .iter()
        .map(|spec| {
            ulimit::parse_ulimit(spec).map(|u| Rlimit {
                resource: u.resource,
                soft: u.soft,
                hard: u.hard,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Process {
        args: config.args.clone(),
        env: config.env.clone(),
        cwd: config.working_dir.clone(),
        create_cwd: true,
        user: config.user.clone(),
        additional_groups: config.group_add.clone(),
        passwd_entry: config.keep_id.as_ref().map(|k| {
            format!(
                "{}:*:{}:{}:{}:{}:/bin/sh",
                k.name, k.uid, k.gid, k.name, k.home
            )
        }),
        group_entry: config
            .keep_id
            .as_ref()
            .map(|k| format!("{}:x:{}:", k.name, k.gid)),
        rlimits,
        init: config.init,
        stdio: if config.tty {
            Stdio::Terminal
        } else {
            Stdio::Inherit {
                keep_stdin: config.interactive,
            }
        },
    })
}

/// The container's anonymous volumes go with it (`--rm`, a failed create), as in Podman.
pub(crate) fn remove_anonymous_volumes(
    store: &Store,
    lock: &StoreLock,
    record: &ContainerRecord,
    in_use: &dyn Fn(&str) -> bool,
) -> Result<(), Error> {
    let volumes = VolumeStore::open(store)?;
    for name in record
        .config
        .mounts
        .iter()
        .filter_map(|m| m.name.as_deref())
    {
        if volumes.get(name)?.anonymous {
            volumes.remove(lock, name, in_use)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// `command_line` for an image with ENTRYPOINT `["/ep", "-x"]` and CMD `["c1", "c2"]`.
    fn line(entrypoint: Option<&str>, command: &[&str]) -> Result<Vec<String>, Error> {
        let image = ImageConfig {
            entrypoint: Some(strings(&["/ep", "-x"])),
            cmd: Some(strings(&["c1", "c2"])),
            ..ImageConfig::default()
        };
        let request = CreateRequest {
            entrypoint: entrypoint.map(String::from),
            command: strings(command),
            ..CreateRequest::default()
        };
        command_line(&request, &image)
    }

    #[test]
    fn entrypoint_and_cmd_follow_podmans_rules() {
        assert_eq!(line(None, &[]).unwrap(), ["/ep", "-x", "c1", "c2"]);
        assert_eq!(line(None, &["a", "b"]).unwrap(), ["/ep", "-x", "a", "b"]);
        // --entrypoint replaces the image's and drops its CMD.
        assert_eq!(line(Some("/bin/echo"), &[]).unwrap(), ["/bin/echo"]);
        assert_eq!(line(Some("/bin/echo"), &["a"]).unwrap(), ["/bin/echo", "a"]);
        assert_eq!(
            line(Some(r#"["/bin/sh", "-c"]"#), &["echo hi"]).unwrap(),
            ["/bin/sh", "-c", "echo hi"]
        );
        // --entrypoint '' clears it: the arguments alone are the command.
        assert_eq!(line(Some(""), &["ls", "/"]).unwrap(), ["ls", "/"]);
        let nothing = line(Some(""), &[]).unwrap_err().to_string();
        assert!(nothing.contains("no command or entrypoint"), "{nothing}");
        // An empty JSON array clears the entrypoint but keeps the CMD.
        assert_eq!(line(Some("[]"), &[]).unwrap(), ["c1", "c2"]);
        let bad = line(Some("[/bin/sh"), &[]).unwrap_err().to_string();
        assert!(bad.contains("not a JSON array"), "{bad}");
    }

    #[test]
    fn an_image_without_entrypoint_runs_its_cmd_or_the_arguments() {
        let image = ImageConfig {
            cmd: Some(strings(&["sh"])),
            ..ImageConfig::default()
        };
        let request = |command: &[&str]| CreateRequest {
            command: strings(command),
            ..CreateRequest::default()
        };
        assert_eq!(command_line(&request(&[]), &image).unwrap(), ["sh"]);
        assert_eq!(
            command_line(&request(&["echo", "x"]), &image).unwrap(),
            ["echo", "x"]
        );
        let empty = ImageConfig::default();
        assert!(command_line(&request(&[]), &empty).is_err());
    }
}
