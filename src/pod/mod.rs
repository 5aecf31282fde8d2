//! Pods: groups of containers that share namespaces and a life. A pod is a
//! record ([`store`]) and, unless made with `--infra=false`, an infra
//! container: an ordinary container record (so `ps`, `inspect`, `top`,
//! `logs` know it) whose process is rcon's own pause (rcon-init in pause
//! mode, from a sealed memfd, in an empty root: no image is needed) or,
//! with `--infra-image`, that image's command. It holds the network, IPC
//! and UTS namespaces (`--share`), the published ports (its monitor owns
//! the network helper) and the pod's /dev/shm; members join them when they
//! start (`container:ID` modes in their records), so they reach each other
//! on localhost. Members require the infra container: it starts first
//! (by whichever member starts) and stops last.
//!
//! The verbs here are engine calls; the CLI (`rcon pod …`) only reads flags
//! and prints. Each verb that changes a pod holds its lock while it acts.

pub mod store;

use std::time::Duration;

use crate::container::lifecycle::Lifecycle;
use crate::container::store::{ContainerRecord, State, Status, generate_name, new_id};
use crate::container::{self, CreateFlags, InfraRole, PodJoin};
use crate::events::Status as EventStatus;
use crate::process::SingleThreaded;
use crate::storage::store::Store;

pub use store::{ExitPolicy, PodRecord, Pods, Shared};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no pod with name or ID {0} found: no such pod")]
    NoSuchPod(String),
    #[error("{input:?} matches more than one pod: {}; give more characters or the name", matches.join(", "))]
    Ambiguous { input: String, matches: Vec<String> },
    #[error(
        "the pod name {name:?} is already in use by pod {id}; remove that pod (`rcon pod rm {name}`) or choose another name"
    )]
    NameInUse { name: String, id: String },
    #[error("invalid pod name {0:?}: names are [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    BadName(String),
    #[error("pod metadata {} is corrupt: {source}", path.display())]
    Corrupt {
        path: std::path::PathBuf,
        source: serde_json::Error,
    },
    #[error(
        "pod {0} has running containers: stop it first (`rcon pod stop {0}`) or remove it with `rcon pod rm -f {0}`"
    )]
    Running(String),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Container(#[from] container::Error),
    #[error(transparent)]
    ContainerStore(#[from] container::store::Error),
    #[error(transparent)]
    Store(#[from] crate::storage::store::Error),
    #[error(transparent)]
    Io(#[from] crate::util::fs::IoError),
}

/// The engine's (`pod rm` makes a missing pod 1, as Podman), or the
/// container's own code.
impl crate::util::exit::ExitCode for Error {
    fn exit_code(&self) -> i32 {
        match self {
            Error::Container(e) => e.exit_code(),
            _ => crate::util::exit::ENGINE,
        }
    }
}

/// What `pod create` (and `--pod new:NAME`) makes.
#[derive(Debug, Clone, Default)]
pub struct PodRequest {
    pub name: Option<String>,
    pub labels: Vec<(String, String)>,
    pub hostname: Option<String>,
    pub shared: Vec<Shared>,
    pub exit_policy: ExitPolicy,
    pub create_command: Vec<String>,
    /// The infra container's flags as given (`--infra-image`, empty for
    /// rcon's pause; `--infra-command`, `--infra-name`; the pod's network,
    /// ports, DNS and hosts flags); `None` with `--infra=false`.
    pub infra: Option<CreateFlags>,
}

/// Parses `--share` as Podman reads it: a list of kinds (`none` for none),
/// or `+KIND,…` added to the default ipc, net, uts.
pub fn parse_share(text: &str) -> Result<Vec<Shared>, Error> {
    let (mut shared, list) = match text.strip_prefix('+') {
        Some(added) => (vec![Shared::Ipc, Shared::Net, Shared::Uts], added),
        None => (Vec::new(), text),
    };
    for kind in list.split(',').filter(|k| !k.is_empty()) {
        let kind = match kind {
            "ipc" => Shared::Ipc,
            "net" => Shared::Net,
            "uts" => Shared::Uts,
            "none" => continue,
            "pid" | "cgroup" => {
                return Err(Error::Invalid(format!(
                    "sharing the {kind} namespace in a pod is not supported by rcon: share ipc, net or uts"
                )));
            }
            other => {
                return Err(Error::Invalid(format!(
                    "invalid kernel namespace to share: {other}. Options are: cgroup, ipc, net, pid, uts or none"
                )));
            }
        };
        if !shared.contains(&kind) {
            shared.push(kind);
        }
    }
    shared.sort();
    Ok(shared)
}

/// Creates a pod and its infra container (created, not started, as in
/// Podman). The infra container is made first and the pod record last, so
/// a create killed half-way leaves no pod that lacks what it should hold.
pub fn create(
    store: &Store,
    runroot: &std::path::Path,
    request: &PodRequest,
) -> Result<PodRecord, Error> {
    let pods = Pods::open(store.root())?;
    let id = new_id();
    let name = match &request.name {
        Some(name) => name.clone(),
        None => {
            let taken: Vec<String> = pods.list()?.into_iter().map(|p| p.name).collect();
            generate_name(&id, &taken)
        }
    };
    // Checked before the infra container is made, and again when stored.
    pods.check_name(&store.lock()?, &name)?;
    let mut pod = PodRecord {
        id: id.clone(),
        name: name.clone(),
        created: crate::util::time::now_rfc3339(),
        create_command: request.create_command.clone(),
        labels: request.labels.clone(),
        hostname: request.hostname.clone().unwrap_or_default(),
        shared: request.shared.clone(),
        infra: None,
        exit_policy: request.exit_policy,
    };
    let infra = match &request.infra {
        Some(flags) => Some(create_infra(store, &pod, flags.clone())?),
        None => None,
    };
    pod.infra = infra.as_ref().map(|r| r.id.clone());
    let stored = store.lock().map_err(Error::from).and_then(|lock| {
        pods.check_name(&lock, &name)?;
        pods.create(&lock, &pod)
    });
    if let Err(e) = stored {
        if let Some(infra) = &infra {
            let lifecycle = Lifecycle::open(store, runroot)?;
            let _ = lifecycle.remove(infra, true, Duration::ZERO, true);
        }
        return Err(e);
    }
    pod.event(EventStatus::Create).record();
    Ok(pod)
}

/// The pod's infra container: its flags parsed by the one parser of
/// run/create, named `<pod id12>-infra` unless `--infra-name` says, with
/// the pod's name as its hostname unless `--hostname` says.
fn create_infra(
    store: &Store,
    pod: &PodRecord,
    mut flags: CreateFlags,
) -> Result<ContainerRecord, Error> {
    flags
        .basics
        .name
        .get_or_insert_with(|| format!("{}-infra", &pod.id[..12]));
    flags.basics.hostname = Some(pod.uts_hostname().to_string());
    let mut request = flags.parse()?;
    request.infra = Some(InfraRole {
        stop_with_members: pod.exit_policy == ExitPolicy::Stop,
    });
    request.pod = Some(PodJoin {
        pod_id: pod.id.clone(),
        infra: None,
        share_net: false,
        share_ipc: false,
        share_uts: false,
    });
    Ok(container::create(store, &request)?)
}

/// A pod with its containers and their states, as the verbs see it.
pub struct PodView {
    pub pod: PodRecord,
    /// Its containers, the infra container first, then oldest first.
    pub members: Vec<(ContainerRecord, State)>,
}

impl PodView {
    /// Podman's pod status: Created (no container, or none started),
    /// Running (all run), Degraded (some run), Exited (all have exited),
    /// Stopped (some have exited, the others never ran).
    pub fn status(&self) -> &'static str {
        let count = |status: Status| {
            self.members
                .iter()
                .filter(|(_, s)| s.status == status)
                .count()
        };
        let (running, exited) = (count(Status::Running), count(Status::Exited));
        let all = self.members.len();
        match () {
            _ if all == 0 => "Created",
            _ if running == all => "Running",
            _ if running > 0 => "Degraded",
            _ if exited == all => "Exited",
            _ if exited > 0 => "Stopped",
            _ => "Created",
        }
    }

    pub fn infra(&self) -> Option<&ContainerRecord> {
        self.members.iter().map(|(r, _)| r).find(|r| r.config.infra)
    }

    /// Members other than the infra container.
    pub fn workers(&self) -> impl Iterator<Item = &ContainerRecord> {
        self.members
            .iter()
            .map(|(r, _)| r)
            .filter(|r| !r.config.infra)
    }
}

/// The pods of a store and the containers in them.
pub struct PodEngine<'a> {
    pub lifecycle: Lifecycle<'a>,
    pub pods: Pods,
}

impl<'a> PodEngine<'a> {
    pub fn open(store: &'a Store, runroot: &std::path::Path) -> Result<PodEngine<'a>, Error> {
        Ok(PodEngine {
            lifecycle: Lifecycle::open(store, runroot)?,
            pods: Pods::open(store.root())?,
        })
    }

    pub fn find(&self, input: &str) -> Result<PodRecord, Error> {
        self.pods.find(input)
    }

    /// The pod with its members and their reconciled states.
    pub fn view(&self, pod: PodRecord) -> Result<PodView, Error> {
        let mut members: Vec<(ContainerRecord, State)> = Vec::new();
        for record in self.lifecycle.containers().list()? {
            if record.config.pod.as_deref() != Some(pod.id.as_str()) {
                continue;
            }
            match self.lifecycle.state(&record.id) {
                Ok(state) => members.push((record, state)),
                // Removed while it was listed.
                Err(container::Error::Store(container::store::Error::NoSuchContainer(_))) => {}
                Err(e) => return Err(e.into()),
            }
        }
        members.sort_by(|(a, _), (b, _)| {
            b.config
                .infra
                .cmp(&a.config.infra)
                .then_with(|| a.created.cmp(&b.created))
        });
        Ok(PodView { pod, members })
    }

    /// Every pod with its members, newest first.
    pub fn views(&self) -> Result<Vec<PodView>, Error> {
        self.pods
            .list()?
            .into_iter()
            .map(|pod| self.view(pod))
            .collect()
    }

    /// Starts every container of the pod: each one's dependencies (the
    /// infra container, `--requires`) before it.
    pub fn start(&self, pod: &PodRecord, single: &SingleThreaded) -> Result<(), Error> {
        let _lock = self.pods.lock(&pod.id)?;
        let view = self.view(pod.clone())?;
        if view.members.is_empty() {
            return Err(Error::Invalid(format!(
                "no containers in pod {} have no dependencies, cannot start pod: no such container",
                pod.id
            )));
        }
        for (record, _) in &view.members {
            self.lifecycle.start(record, single)?;
        }
        pod.event(EventStatus::Start).record();
        Ok(())
    }

    /// Stops the pod's containers, all in one grace period (`timeout`,
    /// else each one's own), the infra container last. `None` when nothing ran.
    pub fn stop(&self, pod: &PodRecord, timeout: Option<Duration>) -> Result<(), Error> {
        let _lock = self.pods.lock(&pod.id)?;
        self.stop_locked(pod, timeout)
    }

    fn stop_locked(&self, pod: &PodRecord, timeout: Option<Duration>) -> Result<(), Error> {
        let view = self.view(pod.clone())?;
        let running = |infra: bool| -> Vec<ContainerRecord> {
            view.members
                .iter()
                .filter(|(r, s)| r.config.infra == infra && s.status == Status::Running)
                .map(|(r, _)| r.clone())
                .collect()
        };
        let (workers, infra) = (running(false), running(true));
        if workers.is_empty() && infra.is_empty() {
            return Ok(());
        }
        let grace = |records: &[ContainerRecord]| {
            timeout.unwrap_or_else(|| {
                records
                    .iter()
                    .filter_map(|r| r.config.stop_timeout)
                    .max()
                    .map_or(
                        container::lifecycle::DEFAULT_STOP_TIMEOUT,
                        Duration::from_secs,
                    )
            })
        };
        self.lifecycle.stop_all(&workers, grace(&workers))?;
        self.lifecycle.stop_all(&infra, grace(&infra))?;
        pod.event(EventStatus::Stop).record();
        Ok(())
    }

    /// Sends `signal` to every running container of the pod.
    pub fn kill(&self, pod: &PodRecord, signal: i32) -> Result<(), Error> {
        let _lock = self.pods.lock(&pod.id)?;
        let view = self.view(pod.clone())?;
        let running: Vec<&ContainerRecord> = view
            .members
            .iter()
            .filter(|(_, s)| s.status == Status::Running)
            .map(|(r, _)| r)
            .collect();
        if running.is_empty() {
            return Err(Error::Invalid(format!(
                "pod {} has no running containers to kill",
                pod.name
            )));
        }
        for record in running {
            match self.lifecycle.kill(record, signal) {
                Ok(()) | Err(container::Error::NotRunning(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
        pod.event(EventStatus::Kill).record();
        Ok(())
    }

    /// Stops the pod and starts it again.
    pub fn restart(&self, pod: &PodRecord, single: &SingleThreaded) -> Result<(), Error> {
        self.stop(pod, None)?;
        self.start(pod, single)?;
        Ok(())
    }

    /// Refused, with the host's reason, as for containers (the freezer).
    pub fn set_frozen(&self, pod: &PodRecord, freeze: bool) -> Result<(), Error> {
        let view = self.view(pod.clone())?;
        let mut any = false;
        for (record, state) in &view.members {
            if state.status == Status::Running {
                self.lifecycle.set_frozen(record, freeze)?;
                any = true;
            }
        }
        match any {
            true => Ok(()),
            false => Err(Error::Invalid(format!(
                "pod {} has no running containers",
                pod.name
            ))),
        }
    }

    /// Removes the pod: its containers (members first, the infra container
    /// last; running ones only with `force`, stopped first with `timeout`),
    /// then its record. The infra container alone running does not hold
    /// the pod back.
    pub fn remove(
        &self,
        pod: &PodRecord,
        force: bool,
        timeout: Option<Duration>,
    ) -> Result<(), Error> {
        let _lock = self.pods.lock(&pod.id)?;
        let view = self.view(pod.clone())?;
        let workers_run = view
            .members
            .iter()
            .any(|(r, s)| !r.config.infra && s.status == Status::Running);
        if workers_run && !force {
            return Err(Error::Running(pod.name.clone()));
        }
        self.stop_locked(pod, timeout)?;
        let mut members: Vec<&ContainerRecord> = view.members.iter().map(|(r, _)| r).collect();
        // The infra container is first in the view: it goes last.
        members.rotate_left(usize::from(view.infra().is_some()));
        for record in members {
            match self
                .lifecycle
                .remove(record, true, timeout.unwrap_or_default(), true)
            {
                Ok(())
                | Err(container::Error::Store(container::store::Error::NoSuchContainer(_))) => {}
                Err(e) => return Err(e.into()),
            }
        }
        self.pods.remove(self.lifecycle.store(), &pod.id)?;
        pod.event(EventStatus::Remove).record();
        Ok(())
    }

    /// The pod an infra container holds up, when `record` is one.
    pub fn pod_of_infra(&self, record: &ContainerRecord) -> Option<PodRecord> {
        let id = record
            .config
            .pod
            .as_deref()
            .filter(|_| record.config.infra)?;
        self.pods.find(id).ok()
    }
}
