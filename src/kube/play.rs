//! `kube play` carries a [`PlayPlan`] out: volumes, host directories, then
//! each pod (made by the pod engine, with its infra container holding the
//! shared network, IPC and UTS namespaces, the published ports and names)
//! and its containers, made with the same engine calls as `rcon create
//! --pod`, and started (init containers first, each run to its end);
//! `kube down` removes the pods a play made.

use std::path::Path;

use super::Error;
use super::translate::{EMPTY_DIR_LABEL, PlayPlan, PodPlan, VolumePlan};
use crate::container::lifecycle::{DEFAULT_STOP_TIMEOUT, Lifecycle};
use crate::container::{self, ContainerRecord, CreateRequest};
use crate::pod::{self, PodEngine, PodRecord, PodRequest};
use crate::process::SingleThreaded;
use crate::storage::volume::{self, VolumeStore};

/// What a play made, for the report Podman prints.
#[derive(Debug, Default)]
pub struct Played {
    pub pods: Vec<PlayedPod>,
    /// Volumes it created (not those that were there).
    pub volumes: Vec<String>,
}

#[derive(Debug)]
pub struct PlayedPod {
    pub id: String,
    pub containers: Vec<String>,
    pub init_containers: Vec<String>,
}

/// How a play goes.
#[derive(Debug, Clone)]
pub struct PlayRun {
    /// `--start` (the default): start the containers.
    pub start: bool,
    /// `--replace`: remove the pods of the same names first.
    pub replace: bool,
    /// A pod as the engine makes one by default (what it shares, its
    /// infra container's image): each played pod starts from it.
    pub pod_defaults: PodRequest,
}

/// The pod named exactly `name`, if there is one.
fn pod_named(engine: &PodEngine, name: &str) -> Result<Option<PodRecord>, Error> {
    match engine.find(name) {
        Ok(found) if found.name == name => Ok(Some(found)),
        Ok(_) | Err(pod::Error::NoSuchPod(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Makes what `plan` describes. Every container's flags are parsed before
/// anything is made; a failure while making the pods removes the pods
/// this play made.
pub fn play(
    engine: &PodEngine,
    plan: PlayPlan,
    run: &PlayRun,
    single: &SingleThreaded,
) -> Result<Played, Error> {
    let lifecycle = &engine.lifecycle;
    let store = lifecycle.store();
    for pod in &plan.pods {
        match pod_named(engine, &pod.name)? {
            Some(existing) if run.replace => engine.remove(&existing, true, None)?,
            Some(_) => {
                return Err(Error::Invalid(format!(
                    "pod {:?} exists already: remove it with `rcon kube down FILE`, or play with --replace",
                    pod.name
                )));
            }
            None => {}
        }
    }
    let mut played = Played::default();
    let volumes = VolumeStore::open(store)?;
    for wanted in &plan.volumes {
        if make_volume(&volumes, wanted)? {
            played.volumes.push(wanted.name.clone());
        }
    }
    let mut requests = Vec::new();
    for pod in &plan.pods {
        make_host_paths(pod)?;
        requests.push(pod_requests(pod)?);
    }
    let mut made: Vec<PodRecord> = Vec::new();
    let outcome = (|| -> Result<(), Error> {
        for (pod, (inits, members)) in plan.pods.iter().zip(requests) {
            let record = make_pod(engine, pod, &run.pod_defaults)?;
            made.push(record.clone());
            let join = record.join(lifecycle.containers())?;
            let mut create = |mut request: CreateRequest| -> Result<ContainerRecord, Error> {
                request.pod = Some(join.clone());
                Ok(container::create(store, &request)?)
            };
            let inits = inits
                .into_iter()
                .map(&mut create)
                .collect::<Result<Vec<_>, _>>()?;
            let members = members
                .into_iter()
                .map(&mut create)
                .collect::<Result<Vec<_>, _>>()?;
            if run.start {
                if let Some(infra) = &record.infra {
                    lifecycle.start(&lifecycle.find(infra)?, single)?;
                }
                run_init_containers(lifecycle, &pod.name, &inits, single)?;
                engine.start(&record, single)?;
            }
            played.pods.push(PlayedPod {
                id: record.id.clone(),
                containers: members.iter().map(|r| r.id.clone()).collect(),
                init_containers: inits.iter().map(|r| r.id.clone()).collect(),
            });
        }
        Ok(())
    })();
    if let Err(e) = outcome {
        for record in made.iter().rev() {
            let _ = engine.remove(record, true, None);
        }
        return Err(e);
    }
    Ok(played)
}

/// The pod itself, its infra container holding what the containers
/// share: the published ports, names and network.
fn make_pod(engine: &PodEngine, pod: &PodPlan, defaults: &PodRequest) -> Result<PodRecord, Error> {
    let mut infra = defaults.infra.clone();
    if let Some(flags) = &mut infra {
        if pod.host_network {
            flags.network = "host".into();
        }
        flags.publish = pod.publish.clone();
        flags.basics.names.add_host = pod.add_hosts.clone();
        flags.basics.names.dns = pod.dns.clone();
        flags.basics.names.dns_search = pod.dns_search.clone();
        flags.basics.names.dns_option = pod.dns_options.clone();
    }
    let request = PodRequest {
        name: Some(pod.name.clone()),
        labels: pod.labels.clone(),
        hostname: Some(pod.hostname.clone()),
        create_command: std::env::args().collect(),
        // Podman's for a played pod: it stops when its last container does.
        exit_policy: pod::ExitPolicy::Stop,
        infra,
        ..defaults.clone()
    };
    let lifecycle = &engine.lifecycle;
    Ok(pod::create(
        lifecycle.store(),
        lifecycle.runroot(),
        &request,
    )?)
}

/// The create requests of a pod's init containers and containers.
fn pod_requests(pod: &PodPlan) -> Result<(Vec<CreateRequest>, Vec<CreateRequest>), Error> {
    let parse = |flags: &crate::container::CreateFlags| flags.clone().parse().map_err(Error::from);
    let inits = pod
        .init_containers
        .iter()
        .map(parse)
        .collect::<Result<Vec<_>, _>>()?;
    let members = pod
        .containers
        .iter()
        .map(parse)
        .collect::<Result<Vec<_>, _>>()?;
    Ok((inits, members))
}

/// Runs a pod's init containers one after the other, each to its end (a
/// failure stops the play, as a pod whose init container fails never
/// starts), and removes them.
fn run_init_containers(
    lifecycle: &Lifecycle,
    pod: &str,
    inits: &[ContainerRecord],
    single: &SingleThreaded,
) -> Result<(), Error> {
    for record in inits {
        lifecycle.start(record, single)?;
        let code = lifecycle.wait(record, &[])?;
        if code != 0 {
            return Err(Error::Invalid(format!(
                "pod {pod:?}: init container {} exited with {code}: the pod's containers were not started",
                record.name
            )));
        }
        lifecycle.remove(record, false, DEFAULT_STOP_TIMEOUT, false)?;
    }
    Ok(())
}

/// Creates a volume the play needs when missing (true: it was made here)
/// and writes its files.
fn make_volume(volumes: &VolumeStore, wanted: &VolumePlan) -> Result<bool, Error> {
    let (found, made) = match volumes.get(&wanted.name) {
        Ok(found) => (found, false),
        Err(volume::Error::NotFound(_)) => {
            match volumes.create(Some(&wanted.name), wanted.labels.clone(), false) {
                Ok(made) => (made, true),
                Err(volume::Error::Exists(_)) => (volumes.get(&wanted.name)?, false),
                Err(e) => return Err(e.into()),
            }
        }
        Err(e) => return Err(e.into()),
    };
    for file in &wanted.files {
        // Checked relative and without `..` when planned; the volume's own
        // directories are the user's, nothing in them is a container's link
        // to follow out (a container may have planted one: refuse links).
        let path = found.mountpoint.join(&file.path);
        if let Some(parent) = path.parent() {
            make_dirs_inside(&found.mountpoint, parent)?;
        }
        if path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return Err(Error::Invalid(format!(
                "volume {}: {} is a symbolic link: remove it, rcon writes the {} key there",
                wanted.name,
                path.display(),
                file.path.display()
            )));
        }
        crate::util::fs::write_atomic_with(&path, file.mode, |f| {
            std::io::Write::write_all(f, &file.content)
        })
        .map_err(|e| crate::util::fs::IoError::new("writing", path.clone(), e))?;
        std::fs::set_permissions(
            &path,
            std::os::unix::fs::PermissionsExt::from_mode(file.mode),
        )
        .map_err(|e| crate::util::fs::IoError::new("setting the mode of", path.clone(), e))?;
    }
    Ok(made)
}

/// `mkdir -p` of `dir` below `root`, refusing a symbolic link on the way.
fn make_dirs_inside(root: &Path, dir: &Path) -> Result<(), Error> {
    let relative = dir.strip_prefix(root).unwrap_or(Path::new(""));
    let mut current = root.to_path_buf();
    for part in relative.components() {
        current.push(part);
        match current.symlink_metadata() {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => {
                return Err(Error::Invalid(format!(
                    "{} is not a directory: rcon writes a volume's keys below it",
                    current.display()
                )));
            }
            Err(_) => std::fs::create_dir(&current)
                .map_err(|e| crate::util::fs::IoError::new("creating", current.clone(), e))?,
        }
    }
    Ok(())
}

/// `hostPath` of type DirectoryOrCreate and FileOrCreate.
fn make_host_paths(pod: &PodPlan) -> Result<(), Error> {
    for dir in &pod.host_dirs {
        std::fs::create_dir_all(dir)
            .map_err(|e| crate::util::fs::IoError::new("creating hostPath", dir.clone(), e))?;
    }
    for file in &pod.host_files {
        if !file.exists() {
            std::fs::File::create(file)
                .map_err(|e| crate::util::fs::IoError::new("creating hostPath", file.clone(), e))?;
        }
    }
    Ok(())
}

/// What `kube down` removed.
#[derive(Debug, Default)]
pub struct Downed {
    /// The IDs of the pods removed.
    pub pods: Vec<String>,
    pub volumes: Vec<String>,
}

/// Stops and removes the pods `plan` names (their containers stopped
/// together, each with its own stop timeout), with their emptyDir volumes;
/// `volumes` (`--force`): also the volumes the YAML made (claims,
/// ConfigMap and Secret contents).
pub fn down(engine: &PodEngine, plan: &PlayPlan, volumes: bool) -> Result<Downed, Error> {
    let mut downed = Downed::default();
    for pod in &plan.pods {
        if let Some(record) = pod_named(engine, &pod.name)? {
            engine.remove(&record, true, None)?;
            downed.pods.push(record.id);
        }
    }
    let lifecycle = &engine.lifecycle;
    let store = VolumeStore::open(lifecycle.store())?;
    let lock = lifecycle.store().lock().map_err(container::Error::from)?;
    for wanted in &plan.volumes {
        let pod_scoped = wanted.labels.contains_key(EMPTY_DIR_LABEL);
        if !(pod_scoped || volumes) {
            continue;
        }
        match store.remove(&lock, &wanted.name, &|name| {
            lifecycle.containers().uses_volume(name).unwrap_or(true)
        }) {
            Ok(()) => downed.volumes.push(wanted.name.clone()),
            Err(volume::Error::NotFound(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(downed)
}
