//! `create`, and starting a container in the foreground (`run`, `start -a`):
//! from a request and an image to a record in the store, from a record to a
//! [`runtime::ContainerSpec`], and the container's life in the foreground.

use std::path::{Path, PathBuf};

use oci_spec::image::Config;
use rcon_fuse_overlay::FuseLayers;

use super::env;
use super::health::OnFailure;
use super::mounts::{MountKind, MountSpec, VolumesFrom};
use super::namespaces::{self, IpcMode, UtsMode};
use super::plan::{CreateRequest, PodJoin};
use super::store::{
    ContainerConfig, ContainerRecord, Containers, MountRecord, SECCOMP_FILTER, Status,
    generate_name, new_id,
};
use super::{Error, networks, secrets, systemd};
use crate::events::Status as EventStatus;
use crate::image::config::ImageConfig;
use crate::image::{self, PullOptions};
use crate::network::names;
use crate::network::{self, Mode, PortMapping, ports};
use crate::runtime::{
    ContainerSpec, FromImage, MissingCwd, Mount, MountSource, Network, PasswdEntry, Process,
    Rlimit, Rootfs, RootfsSource, Stdio,
    keep_id::IdMappings,
    security::{self, BpfProgram, SeccompChoice, SecurityPlan},
};
use crate::storage::driver::Driver;
use crate::storage::flatten;
use crate::storage::store::{ImageRecord, Store, StoreLock};
use crate::storage::vfs;
use crate::storage::volume::{Backing, Volume, VolumeStore};
use crate::util::fs::{IoError, write_atomic};

/// When to pull the image (`--pull`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PullPolicy {
    #[default]
    Missing,
    Always,
    Never,
    Newer,
}

/// The image `name`, pulled first when the policy says so.
pub fn image_for(
    store: &Store,
    name: &str,
    pull: PullPolicy,
    options: &PullOptions,
) -> Result<ImageRecord, Error> {
    // An archive is copied in whatever the policy, as Podman does.
    if image::archive::archive_reference(name).is_some() {
        let load = image::archive::LoadOptions {
            squash_owners: options.squash_owners,
        };
        return Ok(image::archive::load_reference(
            store,
            name,
            &load,
            options.quiet,
        )?);
    }
    let local = image::lookup(store, name);
    match (pull, local) {
        (PullPolicy::Never, local) => local.map_err(|_| Error::ImageNotLocal(name.to_string())),
        (PullPolicy::Missing, Ok(found)) => Ok(found),
        (PullPolicy::Newer, Ok(found)) => {
            Ok(image::pull::pull_if_newer(store, name, found, options)?)
        }
        (PullPolicy::Missing | PullPolicy::Always | PullPolicy::Newer, _) => {
            Ok(image::pull_image(store, name, options)?)
        }
    }
}

/// Creates the container record (state `created`) and returns it.
pub fn create(store: &Store, request: &CreateRequest) -> Result<ContainerRecord, Error> {
    let containers = Containers::open(store.root())?;
    let mut network = request.network.clone();
    let mut ipc = namespaces::resolve_ipc(&containers, &request.ipc)?;
    let mut uts = UtsMode::Private;
    let mut requires = request
        .requires
        .iter()
        .map(|name| Ok(containers.find(name)?.id))
        .collect::<Result<Vec<String>, Error>>()?;
    if let Some(pod) = &request.pod {
        check_pod_member(request, pod)?;
        if let Some(infra) = &pod.infra {
            if pod.share_net {
                network = Mode::Container(infra.clone());
            }
            if pod.share_ipc && request.ipc == IpcMode::Shareable {
                ipc = IpcMode::Container(infra.clone());
            }
            if pod.share_uts {
                uts = UtsMode::Container(infra.clone());
            }
        }
    }
    // The host's network namespace is no namespace the user may join
    // (setns needs privileges over the initial namespaces): a container
    // that would join one using it (a pod's infra with --network host)
    // uses the host's network itself, and still starts after it.
    if let Mode::Container(name) = &network {
        let holder = containers.find(name)?;
        if holder.config.network == Mode::Host {
            network = Mode::Host;
            requires.retain(|id| *id != holder.id);
            requires.insert(0, holder.id);
        }
    }
    // Containers whose namespaces it joins start before it, as in Podman
    // (they need not run yet): the pod's infra container first.
    let holders = [
        match &network {
            Mode::Container(name) => Some(name),
            _ => None,
        },
        match &ipc {
            IpcMode::Container(id) => Some(id),
            _ => None,
        },
        match &uts {
            UtsMode::Container(id) => Some(id),
            UtsMode::Private => None,
        },
    ];
    for name in holders.into_iter().flatten().rev() {
        let id = containers.find(name)?.id;
        if !requires.contains(&id) {
            requires.insert(0, id);
        }
    }
    let user_networks = networks::requested(store.root(), &network, &request.extra_networks)?;
    // No helper leads out of internal networks.
    if !user_networks.is_empty() && user_networks.iter().all(|n| n.internal) {
        network.cut_off();
    }
    if user_networks.is_empty() && !request.basics.network_aliases.is_empty() {
        return Err(Error::Invalid(format!(
            "--network-alias needs a user-defined network (`rcon network create`), not --network {network}"
        )));
    }
    // Before any pull: an unknown secret is the user's typo.
    let secrets = if request.secrets.is_empty() {
        Vec::new()
    } else {
        let secret_store = crate::secret::SecretStore::open(store.root())?;
        request
            .secrets
            .iter()
            .map(|s| s.resolve(&secret_store))
            .collect::<Result<Vec<_>, _>>()?
    };
    let basics = &request.basics;
    // A pod's infra container without an image runs rcon's pause from an
    // empty root directory (a vfs root of no layers).
    let pause = request.infra.is_some() && basics.image.is_empty();
    let (driver, image, full_config) = if pause {
        let config = ImageConfig {
            oci: Default::default(),
            docker: Default::default(),
        };
        (Driver::Vfs, None, config)
    } else {
        let image = image_for(store, &basics.image, basics.pull, &basics.pull_options)?;
        let config = ImageConfig::read(store, &image)?;
        (basics.storage_driver, Some(image), config)
    };
    let healthcheck = request
        .health
        .resolve(full_config.docker.healthcheck.as_ref());
    if healthcheck.is_none() && request.health.on_failure != OnFailure::None {
        return Err(Error::Invalid(format!(
            "cannot set on-failure action to {} without a health check",
            request.health.on_failure.name()
        )));
    }
    let image_config = full_config.defaults();
    let entrypoint = match pause {
        true => Some(vec![PAUSE_COMMAND.to_string()]),
        false => request.entrypoint.clone(),
    };
    let (entrypoint, cmd) = command_line(
        entrypoint.as_deref(),
        &request.basics.command,
        &image_config,
    )?;
    let args = [entrypoint.as_slice(), cmd.as_slice()].concat();
    let id = new_id();
    let lock = store.lock()?;
    // `rmi` and `image prune` remove images under this lock too: the image is
    // still stored now, and stays until the record naming it is in.
    if let Some(image) = &image {
        if store.read_image(&image.id)?.is_none() {
            return Err(image::Error::NotFound {
                name: request.basics.image.clone(),
                tried: Vec::new(),
            }
            .into());
        }
    }
    let name = match &request.basics.name {
        Some(name) => name.clone(),
        None => {
            let taken: Vec<String> = containers.list()?.into_iter().map(|r| r.name).collect();
            generate_name(&id, &taken)
        }
    };
    let hostname = request
        .basics
        .hostname
        .clone()
        .unwrap_or_else(|| id[..12].to_string());
    // HOME comes from the user's passwd entry, which only the container can read.
    let image_env = image_config.env().clone().unwrap_or_default();
    let mut env = env::merge(&image_env, &request.env, &hostname, None);
    let mut stop_signal = request
        .stop_signal
        .clone()
        .or(image_config.stop_signal().clone());
    let mut mount_specs = request.mounts.clone();
    let shared = volumes_from(&containers, &request.volumes_from, &mount_specs)?;
    mount_specs.extend(shared);
    if let Some(volumes) = image_config.volumes() {
        let image_volumes = request.image_volumes.specs(volumes, &mount_specs);
        mount_specs.extend(image_volumes);
    }
    if request.systemd.applies(&args) {
        mount_specs.extend(systemd::systemd_tmpfs(&request.mounts)?);
        env.push(systemd::container_uuid(&id));
        if request.stop_signal.is_none() {
            stop_signal = Some(systemd::SYSTEMD_STOP_SIGNAL.into());
        }
    }
    let ports = published_ports(request, &network, &image_config)?;
    let peers = match user_networks.is_empty() {
        true => Vec::new(),
        false => containers.list()?,
    };
    let network_store =
        crate::network::store::Networks::open(store.root()).map_err(crate::network::Error::from)?;
    let wanted = networks::ConnectOptions {
        aliases: request.basics.network_aliases.clone(),
        ..Default::default()
    };
    let attachments = user_networks
        .iter()
        .map(|user_network| networks::allocate(&network_store, &peers, user_network, &wanted))
        .collect::<Result<Vec<_>, _>>()?;
    // A network given by ID prefix is recorded by its name.
    if let (Mode::Network { name, .. }, Some(attachment)) = (&mut network, attachments.first()) {
        name.clone_from(&attachment.network);
    }
    let mount_records = mount_records(store, &mount_specs)?;
    let record = ContainerRecord {
        id: id.clone(),
        name: name.clone(),
        image_id: image.as_ref().map(|i| i.id.clone()).unwrap_or_default(),
        image_name: image
            .as_ref()
            .map(|i| i.names.first().cloned().unwrap_or_else(|| i.id.clone()))
            .unwrap_or_default(),
        created: crate::util::time::now_rfc3339(),
        config: ContainerConfig {
            args,
            entrypoint,
            cmd,
            env,
            working_dir: request
                .basics
                .workdir
                .clone()
                .or(image_config.working_dir().clone().filter(|w| !w.is_empty()))
                .unwrap_or_else(|| "/".into()),
            working_dir_must_exist: request.basics.workdir.is_some()
                && request.basics.workdir_must_exist,
            // keep-id runs as the user itself unless -u says otherwise, as in Podman.
            user: request
                .basics
                .user
                .clone()
                .or(request
                    .basics
                    .keep_id
                    .as_ref()
                    .map(|k| format!("{}:{}", k.uid, k.gid)))
                .or(image_config.user().clone().filter(|u| !u.is_empty()))
                .unwrap_or_else(|| "0".into()),
            group_add: request.basics.group_add.clone(),
            hostname: hostname.clone(),
            network: network.clone(),
            attachments,
            ports,
            names: request.basics.names.clone(),
            tty: request.basics.tty,
            interactive: request.basics.interactive,
            mounts: mount_records,
            read_only: request.basics.read_only,
            init: request.basics.init,
            ulimits: request.ulimits.clone(),
            cap_add: request.cap_add.clone(),
            cap_drop: request.cap_drop.clone(),
            privileged: request.basics.privileged,
            keep_id: request.basics.keep_id.clone(),
            host_users: request.basics.host_users.clone(),
            security_opt: request.security_opt.clone(),
            labels: request.labels.clone(),
            annotations: request.annotations.clone(),
            remove: request.basics.remove,
            stop_signal,
            stop_timeout: request.basics.stop_timeout,
            timeout: request.basics.timeout.filter(|&t| t > 0),
            log_driver: request.basics.log_driver.clone(),
            log: request.log.clone(),
            localtime: request.localtime.clone(),
            restart: request.restart,
            healthcheck,
            secrets,
            ipc,
            uts,
            pod: request.pod.as_ref().map(|p| p.pod_id.clone()),
            infra: request.infra.is_some(),
            stop_with_members: request.infra.is_some_and(|role| role.stop_with_members),
            pause,
            requires,
            resources: request.resources.clone(),
            oom_score_adj: request.oom_score_adj,
            create_command: request.basics.create_command.clone(),
            sdnotify: request.sdnotify,
            oci_runtime: request.basics.oci_runtime.clone(),
        },
        storage_driver: driver,
    };
    // A seccomp profile is compiled now, and the container keeps that filter:
    // editing the file later changes no container made from it.
    let security = record.config.security_options();
    let seccomp_filter = match &security.seccomp {
        SeccompChoice::Profile(_) => security::plan(&security)?
            .seccomp
            .map(|filter| filter.to_bytes()),
        SeccompChoice::Default | SeccompChoice::Unconfined => None,
    };
    let addresses = network.addresses();
    let host_resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let userdata = [
        ("hosts", networks::hosts_file(&record, &network, &peers)?),
        ("hostname", format!("{hostname}\n")),
        (
            "resolv.conf",
            names::resolv_conf(&host_resolv, &addresses, &request.basics.names),
        ),
        (CONTAINERENV, containerenv(&record, request.basics.rootful)),
    ];
    // vfs: the container's copy of the image is made in the new container's
    // directory before it is moved into place, so a create killed half-way
    // leaves no container, only a temporary directory the store sweeps.
    let fill = |dir: &Path| {
        if let Some(filter) = &seccomp_filter {
            write_atomic(&dir.join(SECCOMP_FILTER), filter)?;
        }
        match (driver, &image) {
            (Driver::Vfs, None) => {
                let root = dir.join(VFS_ROOTFS);
                std::fs::create_dir(&root)
                    .map_err(|e| IoError::new("creating the pause root", root, e))?;
                Ok(())
            }
            (Driver::Vfs, Some(image)) => {
                let layers: Vec<PathBuf> =
                    image.layers.iter().map(|l| store.layer_link(l)).collect();
                let root = dir.join(VFS_ROOTFS);
                vfs::populate(&layers, &root)?;
                Ok(set_root_mode(&root, root_mode(store, image))?)
            }
            (Driver::Overlay | Driver::FuseOverlay, Some(image)) => {
                // The overlay's root directory is its upper dir.
                Ok(set_root_mode(&dir.join("upper"), root_mode(store, image))?)
            }
            (Driver::Overlay | Driver::FuseOverlay, None) => Ok(()),
        }
    };
    if let Err(e) = containers.create(&lock, &record, &userdata, !request.basics.remove, fill) {
        // Nothing half-created stays: the anonymous volumes made for it go
        // too (not another container's, from --volumes-from).
        let in_use = |name: &str| containers.uses_volume(name).unwrap_or(true);
        remove_anonymous_volumes(store, &lock, &record, &in_use)?;
        return Err(e.into());
    }
    for user_network in &user_networks {
        networks::refresh_hosts(&containers, &user_network.name, None)?;
    }
    record.event(EventStatus::Create).record();
    Ok(record)
}

/// The mode of an image's root directory, as containers/storage gives it:
/// the topmost layer whose archive has a root entry (`./`) sets it, else
/// 0555 (so an image like Fedora's, built with a 555 root, keeps it).
fn root_mode(store: &Store, image: &ImageRecord) -> u32 {
    image
        .layers
        .iter()
        .rev()
        .find_map(|l| store.layer(l)?.root_mode)
        .unwrap_or(0o555)
}

fn set_root_mode(root: &Path, mode: u32) -> Result<(), IoError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(mode))
        .map_err(|e| IoError::new("setting the mode of the container's root", root, e))
}

/// Refuses what a member of a pod may not set itself when the pod shares
/// the namespace it belongs to (Podman's words).
fn check_pod_member(request: &CreateRequest, pod: &PodJoin) -> Result<(), Error> {
    let shared = "network cannot be configured when it is shared with a pod";
    let refuse = |what: &str| Err(Error::Invalid(format!("invalid config provided: {what}")));
    if pod.infra.is_none() {
        return Ok(());
    }
    if pod.share_uts && request.basics.hostname.is_some() {
        return refuse(
            "cannot set hostname when joining the pod UTS namespace: invalid configuration",
        );
    }
    if !pod.share_net {
        return Ok(());
    }
    let names = &request.basics.names;
    if request.network_given {
        refuse(&format!(
            "networks must be defined when the pod is created: {shared}"
        ))
    } else if !request.publish.is_empty() || request.basics.publish_all {
        refuse(&format!(
            "published or exposed ports must be defined when the pod is created: {shared}"
        ))
    } else if !names.add_host.is_empty() {
        refuse(&format!(
            "extra host entries must be specified on the pod: {shared}"
        ))
    } else if !names.dns.is_empty() || !names.dns_search.is_empty() || !names.dns_option.is_empty()
    {
        refuse(&format!(
            "DNS options must be specified on the pod: {shared}"
        ))
    } else {
        Ok(())
    }
}

/// What rcon's pause shows as its command (and `pod top` as its argv).
const PAUSE_COMMAND: &str = "/pause";

/// The container's dir holding its copy of the image (vfs).
const VFS_ROOTFS: &str = "rootfs";

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
        Driver::FuseOverlay => RootfsSource::FuseOverlay {
            layers: FuseLayers {
                lowers: image
                    .layers
                    .iter()
                    .rev()
                    .map(|l| store.layer_link(l))
                    .collect(),
                upper: dir.join("upper"),
                work: dir.join("work"),
                ids: Default::default(),
            },
            log: dir.join("fuse-overlay.log"),
        },
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

/// `--volumes-from`: the volumes (named, anonymous, tmpfs-backed) and bind
/// mounts of each container named, at the same destinations, where `taken`
/// mounts nothing yet (the first container naming a destination wins).
fn volumes_from(
    containers: &Containers,
    sources: &[VolumesFrom],
    taken: &[MountSpec],
) -> Result<Vec<MountSpec>, Error> {
    let mut specs: Vec<MountSpec> = Vec::new();
    for source in sources {
        let record = containers.find(&source.container)?;
        for mount in &record.config.mounts {
            let origin = match (&mount.name, mount.kind) {
                (Some(name), _) => (MountKind::Volume, name.clone()),
                (None, MountKind::Bind) => (MountKind::Bind, mount.source.clone()),
                // A plain tmpfs is the container's own.
                (None, _) => continue,
            };
            if taken
                .iter()
                .chain(&specs)
                .any(|m| m.destination == mount.destination)
            {
                continue;
            }
            let mut options = mount.options.clone();
            if source.read_only.is_some() {
                options.retain(|o| o != "ro" && o != "rw");
            }
            specs.push(MountSpec {
                kind: origin.0,
                source: Some(origin.1),
                destination: mount.destination.clone(),
                read_only: source.read_only.unwrap_or(mount.read_only),
                options,
            });
        }
    }
    Ok(specs)
}

/// The mounts from `-v`, `--mount` and `--tmpfs`: named volumes created
/// on first use, anonymous volumes made.
fn mount_records(store: &Store, specs: &[MountSpec]) -> Result<Vec<MountRecord>, Error> {
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    let volumes = VolumeStore::open(store)?;
    specs
        .iter()
        .cloned()
        .map(|spec| {
            let (source, name) = match (spec.kind, &spec.source) {
                (MountKind::Bind, Some(path)) => (path.clone(), None),
                (MountKind::Volume, Some(name)) => {
                    return volume_record(&volumes.ensure(name)?, spec);
                }
                (MountKind::Volume, None) => {
                    let volume = volumes.create(None, Default::default(), true)?;
                    (volume.mountpoint.display().to_string(), Some(volume.name))
                }
                (MountKind::Tmpfs, _) | (MountKind::Bind, None) => {
                    (tmpfs_data(&spec.options), None)
                }
            };
            Ok(MountRecord {
                kind: spec.kind,
                source,
                name,
                destination: spec.destination,
                read_only: spec.read_only,
                options: spec.options,
            })
        })
        .collect()
}

/// The mount of a named volume, by what the local driver backs it with:
/// its `_data`, the `device` it binds, or a tmpfs.
fn volume_record(volume: &Volume, spec: MountSpec) -> Result<MountRecord, Error> {
    let mut options = spec.options;
    let (kind, source) = match volume.backing()? {
        Backing::Directory => (MountKind::Volume, volume.mountpoint.display().to_string()),
        Backing::Bind {
            device,
            options: device_options,
        } => {
            options.extend(device_options);
            (MountKind::Volume, device.display().to_string())
        }
        Backing::Tmpfs {
            options: tmpfs_options,
        } => {
            options.extend(tmpfs_options);
            (MountKind::Tmpfs, tmpfs_data(&options))
        }
    };
    Ok(MountRecord {
        kind,
        source,
        name: Some(volume.name.clone()),
        destination: spec.destination,
        read_only: spec.read_only || options.iter().any(|o| o == "ro"),
        options,
    })
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
    let tmpfs = record.kind == MountKind::Tmpfs;
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
        from_image: FromImage::default(),
    }
}

/// What each volume mounted for the first time takes from the image
/// (Podman's NeedsCopyUp and NeedsChown; not with `nocopy`), recorded in
/// the volume as done.
fn volumes_first_use(
    store: &Store,
    config: &ContainerConfig,
    mounts: &mut [Mount],
) -> Result<(), Error> {
    let mut volumes = None;
    for record in &config.mounts {
        let (MountKind::Volume, Some(name)) = (record.kind, &record.name) else {
            continue;
        };
        if record.options.iter().any(|o| o == "nocopy") {
            continue;
        }
        let volumes = match &mut volumes {
            Some(volumes) => volumes,
            None => volumes.insert(VolumeStore::open(store)?),
        };
        let (content, owner) = volumes.first_use(name)?;
        if let Some(mount) = mounts
            .iter_mut()
            .find(|m| m.destination == record.destination)
        {
            mount.from_image = FromImage { content, owner };
        }
    }
    Ok(())
}

/// The entrypoint and command the container runs, by Podman's rules:
/// `--entrypoint` replaces the image's and drops its Cmd; `--entrypoint ''`
/// clears it; arguments after the image replace the Cmd.
fn command_line(
    given: Option<&[String]>,
    command: &[String],
    image: &Config,
) -> Result<(Vec<String>, Vec<String>), Error> {
    // As Podman: the image's CMD stays only when no entrypoint was given
    // (or `--entrypoint '[]'`); an entrypoint of `[""]` is none at all.
    let command = if command.is_empty() && given.is_none_or(<[String]>::is_empty) {
        image.cmd().clone().unwrap_or_default()
    } else {
        command.to_vec()
    };
    let mut entrypoint = given.map_or_else(
        || image.entrypoint().clone().unwrap_or_default(),
        <[String]>::to_vec,
    );
    if entrypoint == [""] {
        entrypoint.clear();
    }
    if entrypoint.is_empty() && command.is_empty() {
        return Err(Error::Invalid(
            "no command or entrypoint provided, and no CMD or ENTRYPOINT from image; give a command after the image name".into(),
        ));
    }
    Ok((entrypoint, command))
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

/// `-p` and `-P` (the image's exposed ports), every host port assigned;
/// ports need a mode with a helper to forward them.
fn published_ports(
    request: &CreateRequest,
    network: &Mode,
    image: &Config,
) -> Result<Vec<PortMapping>, Error> {
    let mut ports = request.publish.clone();
    if request.basics.publish_all {
        // In the config they are a JSON object's keys: no order but a sorted one.
        let mut exposed = image.exposed_ports().clone().unwrap_or_default();
        exposed.sort();
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
    ports::assign(&mut ports).map_err(network::Error::from)?;
    Ok(ports)
}

/// What `record`'s root filesystem is made of.
pub(crate) fn rootfs_of(
    store: &Store,
    containers: &Containers,
    record: &ContainerRecord,
) -> Result<RootfsSource, Error> {
    if record.config.pause {
        // rcon's pause needs no image: its root is an empty directory.
        return Ok(RootfsSource::Copy(
            containers.dir(&record.id).join(VFS_ROOTFS),
        ));
    }
    let image = store.image_by_id(&record.image_id)?;
    rootfs_source(
        store,
        &image,
        &containers.dir(&record.id),
        record.storage_driver,
    )
}

/// What the runtime needs to start `record` (its secrets delivered into
/// its entry under `runroot`).
pub(crate) fn spec_for(
    store: &Store,
    containers: &Containers,
    runroot: &Path,
    record: &ContainerRecord,
) -> Result<ContainerSpec, Error> {
    let dir = containers.dir(&record.id);
    let config = &record.config;
    let userdata = dir.join("userdata");
    // A container in another's network namespace (a pod's member) has its
    // names (hosts, resolv.conf), in its UTS namespace its hostname.
    let network_holder = match &config.network {
        Mode::Container(name) => containers.dir(&containers.find(name)?.id).join("userdata"),
        _ => userdata.clone(),
    };
    let uts_holder = match &config.uts {
        UtsMode::Container(id) => containers.dir(id).join("userdata"),
        UtsMode::Private => userdata.clone(),
    };
    let mut mounts = vec![
        Mount::bind(network_holder.join("hosts"), "/etc/hosts"),
        Mount::bind(uts_holder.join("hostname"), "/etc/hostname"),
        Mount::bind(network_holder.join("resolv.conf"), "/etc/resolv.conf"),
    ];
    let (ipc, shm) = namespaces::ipc_for(containers, &config.ipc, config.infra, &dir)?;
    mounts.extend(shm);
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
    volumes_first_use(store, config, &mut mounts)?;
    let user_namespace = config
        .keep_id
        .as_ref()
        .map(|k| IdMappings::keep_id(k.uid, k.gid));
    let mut source = rootfs_of(store, containers, record)?;
    if let (RootfsSource::FuseOverlay { layers, .. }, Some(mappings)) =
        (&mut source, &user_namespace)
    {
        layers.ids = mappings.fuse_translation();
    }
    config.network.check_helper()?;
    // A port another process holds: say so before the container starts.
    ports::check(&config.ports).map_err(Error::PortAtStart)?;
    let network = network_for(containers, &config.network)?;
    let security = security_plan(&dir, config)?;
    let mut process = process_for(config)?;
    if config.working_dir_must_exist && !on_a_mount(&config.working_dir, &mounts) {
        process.missing_cwd = MissingCwd::Refuse(format!(
            "workdir {:?} does not exist on container {}",
            config.working_dir, record.id
        ));
    }
    // Last: nothing after this can fail and leave the copies behind
    // without a start whose end removes them.
    let secrets = secrets::deliver(
        store.root(),
        runroot,
        &record.id,
        &config.secrets,
        user_namespace.as_ref(),
    )?;
    mounts.extend(secrets.mounts);
    process.env.extend(secrets.env);
    process.env.extend(systemd::listen_env());
    if let Some((socket, variable)) = systemd::container_notify(config.sdnotify) {
        mounts.push(socket);
        process.env.push(variable);
    }
    // Parents before what is mounted inside them (a systemd-mode tmpfs on
    // /run must not hide /run/.containerenv or /run/secrets), as Podman
    // orders them; otherwise in the order given.
    mounts.sort_by_key(|m| Path::new(&m.destination).components().count());
    Ok(ContainerSpec {
        rootfs: Rootfs {
            source,
            merged: dir.join("merged"),
            read_only: config.read_only,
        },
        mounts,
        hostname: config.hostname.clone(),
        ipc,
        uts: namespaces::uts_for(containers, &config.uts)?,
        network,
        security,
        privileged: config.privileged,
        user_namespace,
        process,
    })
}

/// `path` is a mount's destination or lies inside one: the mount gives it,
/// or the runtime makes it there (Podman's rule for a `--workdir`).
fn on_a_mount(path: &str, mounts: &[Mount]) -> bool {
    mounts
        .iter()
        .any(|m| Path::new(path).starts_with(&m.destination))
}

/// The capabilities, seccomp filter and no_new_privs of the container in
/// `dir`. A seccomp profile's filter is the one compiled at create.
pub(crate) fn security_plan(dir: &Path, config: &ContainerConfig) -> Result<SecurityPlan, Error> {
    let options = config.security_options();
    if !matches!(options.seccomp, SeccompChoice::Profile(_)) {
        return Ok(security::plan(&options)?);
    }
    let stored = dir.join(SECCOMP_FILTER);
    match std::fs::read(&stored) {
        Ok(bytes) => {
            let filter = BpfProgram::from_bytes(&bytes).map_err(|source| Error::SeccompFilter {
                path: stored.clone(),
                source,
            })?;
            Ok(security::plan_with_filter(&options, filter)?)
        }
        // Made before rcon kept the filter: compiled from the profile this
        // once, and kept from now on.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let plan = security::plan(&options)?;
            if let Some(filter) = &plan.seccomp {
                write_atomic(&stored, &filter.to_bytes())?;
            }
            Ok(plan)
        }
        Err(e) => Err(IoError::new("reading", stored, e).into()),
    }
}

/// The container's command as the runtime runs it: argv, environment,
/// user, working directory, limits, standard streams.
pub(crate) fn process_for(config: &ContainerConfig) -> Result<Process, Error> {
    let rlimits = config
        .ulimits
        .iter()
        .map(|u| Rlimit {
            resource: u.resource,
            soft: u.soft,
            hard: u.hard,
        })
        .collect();
    Ok(Process {
        pause: config.pause,
        args: config.args.clone(),
        env: config.env.clone(),
        cwd: config.working_dir.clone(),
        missing_cwd: MissingCwd::Create,
        chown_to_user: config
            .mounts
            .iter()
            .filter(|m| m.options.iter().any(|o| o == "U"))
            .map(|m| m.destination.clone())
            .collect(),
        user: config.user.clone(),
        additional_groups: config.group_add.clone(),
        passwd_entries: passwd_entries(config)?,
        group_entry: config
            .keep_id
            .as_ref()
            .map(|k| format!("{}:x:{}:", k.name, k.gid)),
        rlimits,
        oom_score_adj: config.oom_score_adj,
        init: config.init,
        preserve_fds: 0,
        stdio: if config.tty {
            Stdio::Terminal
        } else {
            Stdio::Inherit {
                keep_stdin: config.interactive,
            }
        },
    })
}

/// The entries the container's /etc/passwd gets: the kept user's
/// (`--userns=keep-id`), then each `--hostuser`'s, read from the host's
/// user database now (as Podman does at each start).
fn passwd_entries(config: &ContainerConfig) -> Result<Vec<PasswdEntry>, Error> {
    let kept = config.keep_id.iter().map(|k| PasswdEntry {
        name: k.name.clone(),
        uid: k.uid,
        gid: k.gid,
        gecos: k.name.clone(),
        home: k.home.clone(),
        shell: "/bin/sh".into(),
    });
    let mut entries: Vec<PasswdEntry> = kept.collect();
    for wanted in &config.host_users {
        let found = match wanted.parse::<u32>() {
            Ok(uid) => nix::unistd::User::from_uid(uid.into()),
            Err(_) => nix::unistd::User::from_name(wanted),
        };
        let user = found.ok().flatten().ok_or_else(|| {
            Error::Invalid(format!(
                "--hostuser {wanted}: no such user on the host (looked up in its user database)"
            ))
        })?;
        entries.push(PasswdEntry {
            name: user.name,
            uid: user.uid.as_raw(),
            gid: user.gid.as_raw(),
            gecos: user.gecos.to_string_lossy().into_owned(),
            home: user.dir.display().to_string(),
            shell: user.shell.display().to_string(),
        });
    }
    Ok(entries)
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
        // One another container still uses (--volumes-from) stays with it.
        if volumes.get(name)?.anonymous && !in_use(name) {
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
    fn line(entrypoint: Option<&[&str]>, command: &[&str]) -> Result<Vec<String>, Error> {
        let mut image = Config::default();
        image
            .set_entrypoint(Some(strings(&["/ep", "-x"])))
            .set_cmd(Some(strings(&["c1", "c2"])));
        command_line(
            entrypoint.map(strings).as_deref(),
            &strings(command),
            &image,
        )
        .map(|(entrypoint, command)| [entrypoint, command].concat())
    }

    #[test]
    fn entrypoint_and_cmd_follow_podmans_rules() {
        assert_eq!(line(None, &[]).unwrap(), ["/ep", "-x", "c1", "c2"]);
        assert_eq!(line(None, &["a", "b"]).unwrap(), ["/ep", "-x", "a", "b"]);
        // --entrypoint replaces the image's and drops its CMD.
        assert_eq!(line(Some(&["/bin/echo"]), &[]).unwrap(), ["/bin/echo"]);
        assert_eq!(
            line(Some(&["/bin/echo"]), &["a"]).unwrap(),
            ["/bin/echo", "a"]
        );
        assert_eq!(
            line(Some(&["/bin/sh", "-c"]), &["echo hi"]).unwrap(),
            ["/bin/sh", "-c", "echo hi"]
        );
        // --entrypoint '' clears it: the arguments alone are the command.
        assert_eq!(line(Some(&[""]), &["ls", "/"]).unwrap(), ["ls", "/"]);
        let nothing = line(Some(&[""]), &[]).unwrap_err().to_string();
        assert!(nothing.contains("no command or entrypoint"), "{nothing}");
        // An empty JSON array clears the entrypoint but keeps the CMD.
        assert_eq!(line(Some(&[]), &[]).unwrap(), ["c1", "c2"]);
    }

    #[test]
    fn an_image_without_entrypoint_runs_its_cmd_or_the_arguments() {
        let mut image = Config::default();
        image.set_cmd(Some(strings(&["sh"])));
        // No entrypoint: all of it is the command (inspect's Config.Cmd).
        assert_eq!(
            command_line(None, &[], &image).unwrap(),
            (vec![], strings(&["sh"]))
        );
        assert_eq!(
            command_line(None, &strings(&["echo", "x"]), &image).unwrap(),
            (vec![], strings(&["echo", "x"]))
        );
        assert_eq!(
            command_line(Some(&strings(&["/bin/echo"])), &strings(&["a"]), &image).unwrap(),
            (strings(&["/bin/echo"]), strings(&["a"]))
        );
        let empty = Config::default();
        assert!(command_line(None, &[], &empty).is_err());
    }
}
