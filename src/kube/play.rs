//! `kube play` carries a [`PlayPlan`] out: volumes, host directories, then
//! each pod's containers, made with the same engine calls as `rcon create`,
//! and started (init containers first, each run to its end); `kube down`
//! removes what a play made.
//!
//! A pod's containers share one network namespace: the first container
//! holds it (with the pod's published ports and names), the others join it
//! (`--network container:FIRST`), so they reach each other on localhost.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use super::Error;
use super::translate::{EMPTY_DIR_LABEL, POD_LABEL, PlayPlan, PodPlan, VolumePlan};
use crate::container::lifecycle::{DEFAULT_STOP_TIMEOUT, Lifecycle};
use crate::container::{self, ContainerRecord, CreateFlags, CreateRequest};
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
    pub name: String,
    pub containers: Vec<String>,
    pub init_containers: Vec<String>,
}

/// How a play goes.
#[derive(Debug, Clone, Copy)]
pub struct PlayRun {
    /// `--start` (the default): start the containers.
    pub start: bool,
    /// `--replace`: remove the pods of the same names first.
    pub replace: bool,
}

/// Makes what `plan` describes. Every container's flags are parsed before
/// any container is made; a failure while making them removes the
/// containers this play made.
pub fn play(
    lifecycle: &Lifecycle,
    plan: PlayPlan,
    run: PlayRun,
    single: &SingleThreaded,
) -> Result<Played, Error> {
    let store = lifecycle.store();
    if run.replace {
        for pod in &plan.pods {
            remove_pod(lifecycle, &pod.name)?;
        }
    }
    let existing = lifecycle
        .containers()
        .list()
        .map_err(container::Error::from)?;
    for pod in &plan.pods {
        if existing
            .iter()
            .any(|r| r.config.label(POD_LABEL) == Some(&pod.name))
        {
            return Err(Error::Invalid(format!(
                "pod {:?} exists already: remove it with `rcon kube down FILE`, or play with --replace",
                pod.name
            )));
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
    if !run.start && plan.pods.iter().any(|pod| pod.containers.len() > 1) {
        // A container joins the first one's network namespace while it runs.
        return Err(Error::Invalid(
            "--start=false with pods of several containers is not supported yet: their containers join the first one's network, which must run".into(),
        ));
    }
    let mut made: Vec<ContainerRecord> = Vec::new();
    let outcome = (|| -> Result<(), Error> {
        for (pod, (inits, members)) in plan.pods.iter().zip(requests) {
            let mut record = PlayedPod {
                name: pod.name.clone(),
                containers: Vec::new(),
                init_containers: Vec::new(),
            };
            for request in &inits {
                let ctr = container::create(store, request)?;
                record.init_containers.push(ctr.id.clone());
                made.push(ctr.clone());
            }
            if run.start {
                run_init_containers(
                    lifecycle,
                    &pod.name,
                    &made[made.len() - inits.len()..],
                    single,
                )?;
            }
            for request in &members {
                let ctr = container::create(store, request)?;
                record.containers.push(ctr.id.clone());
                made.push(ctr.clone());
                if run.start {
                    lifecycle.start(&ctr, single)?;
                }
            }
            played.pods.push(record);
        }
        Ok(())
    })();
    if let Err(e) = outcome {
        for record in made.iter().rev() {
            let _ = lifecycle.remove(record, true, DEFAULT_STOP_TIMEOUT, true);
        }
        return Err(e);
    }
    Ok(played)
}

/// The create requests of a pod's init containers and containers: the
/// first container holds the pod's network and published ports, the
/// others join it.
fn pod_requests(pod: &PodPlan) -> Result<(Vec<CreateRequest>, Vec<CreateRequest>), Error> {
    let parse = |flags: CreateFlags| flags.parse().map_err(Error::from);
    let inits = pod
        .init_containers
        .iter()
        .cloned()
        .map(parse)
        .collect::<Result<Vec<_>, _>>()?;
    let mut members = Vec::new();
    let mut holder: Option<String> = None;
    for flags in &pod.containers {
        let mut flags = flags.clone();
        match &holder {
            None => {
                if pod.host_network {
                    flags.network = "host".into();
                }
                flags.publish = pod.publish.clone();
                flags.basics.names.add_host = pod.add_hosts.clone();
                flags.basics.names.dns = pod.dns.clone();
                flags.basics.names.dns_search = pod.dns_search.clone();
                flags.basics.names.dns_option = pod.dns_options.clone();
                holder = flags.basics.name.clone();
            }
            Some(first) => flags.network = format!("container:{first}"),
        }
        members.push(parse(flags)?);
    }
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
    /// Pods by name, each with its containers' IDs.
    pub pods: BTreeMap<String, Vec<String>>,
    pub volumes: Vec<String>,
}

/// Stops and removes the pods `plan` names, with their emptyDir volumes;
/// `volumes` (`--force`): also the volumes the YAML made (claims, ConfigMap
/// and Secret contents).
pub fn down(lifecycle: &Lifecycle, plan: &PlayPlan, volumes: bool) -> Result<Downed, Error> {
    let mut downed = Downed::default();
    for pod in &plan.pods {
        let removed = remove_pod(lifecycle, &pod.name)?;
        if !removed.is_empty() {
            downed.pods.insert(pod.name.clone(), removed);
        }
    }
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

/// Removes the containers of pod `name`; returns their IDs. They are
/// stopped together first (each with its own stop timeout), so a pod takes
/// as long to stop as its slowest container, not as all of them.
fn remove_pod(lifecycle: &Lifecycle, name: &str) -> Result<Vec<String>, Error> {
    let members: Vec<ContainerRecord> = lifecycle
        .containers()
        .list()
        .map_err(container::Error::from)?
        .into_iter()
        .filter(|r| r.config.label(POD_LABEL) == Some(name))
        .collect();
    let timeout = |record: &ContainerRecord| {
        record
            .config
            .stop_timeout
            .map_or(DEFAULT_STOP_TIMEOUT, Duration::from_secs)
    };
    // Threads that only wait on pidfds; none forks, all are joined here.
    let stopped: Vec<Result<(), container::Error>> = std::thread::scope(|scope| {
        let stops: Vec<_> = members
            .iter()
            .map(|record| scope.spawn(move || lifecycle.stop(record, timeout(record), None)))
            .collect();
        stops
            .into_iter()
            .map(|stop| stop.join().expect("a stop does not panic"))
            .collect()
    });
    stopped.into_iter().collect::<Result<(), _>>()?;
    let mut removed = Vec::new();
    for record in &members {
        lifecycle.remove(record, true, timeout(record), true)?;
        removed.push(record.id.clone());
    }
    Ok(removed)
}
