//! Pod records under `<root>/pods/<id>/`, with the same rules as
//! containers': `pod.json` (what it was created as; written in a temp
//! directory and renamed in whole, under the store lock after its name was
//! checked free among pods), and `lock`, held by every verb that changes the
//! pod (start, stop, kill, rm) from its look until it has acted. Pod and
//! container names are apart: a pod may have a container's name, as in
//! Podman. The store root is the user's alone (0700), and so is all this.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use nix::fcntl::Flock;
use serde::{Deserialize, Serialize};

use super::Error;
use crate::container::store::valid_name;
use crate::container::{Containers, PodJoin};
use crate::events::{Event, Kind, Status as EventStatus};
use crate::storage::store::{self as image_store, Store, StoreLock, lock_file};
use crate::util::fs::{IoError, io_err, write_atomic};
use crate::util::lookup::{Lookup, by_name_or_id};

/// The namespaces a pod's members may share with its infra container
/// (Podman's `--share` names; rcon shares these three).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shared {
    Ipc,
    Net,
    Uts,
}

impl Shared {
    pub fn name(self) -> &'static str {
        match self {
            Shared::Ipc => "ipc",
            Shared::Net => "net",
            Shared::Uts => "uts",
        }
    }
}

/// What a pod does when its last container (the infra container aside) exits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExitPolicy {
    /// Keeps running (the infra container holds the namespaces).
    #[default]
    Continue,
    /// Stops its infra container too.
    Stop,
}

impl ExitPolicy {
    pub fn parse(text: &str) -> Result<ExitPolicy, Error> {
        match text {
            "continue" => Ok(ExitPolicy::Continue),
            "stop" => Ok(ExitPolicy::Stop),
            // Podman's words.
            other => Err(Error::Invalid(format!(
                "running pod create option: invalid pod exit policy: {other:?}"
            ))),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ExitPolicy::Continue => "continue",
            ExitPolicy::Stop => "stop",
        }
    }
}

/// What a pod was created as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodRecord {
    pub id: String,
    pub name: String,
    pub created: String,
    /// The command line that created it (Podman's `CreateCommand`).
    #[serde(default)]
    pub create_command: Vec<String>,
    pub labels: Vec<(String, String)>,
    /// `--hostname` ("" when none was given).
    #[serde(default)]
    pub hostname: String,
    /// The namespaces its members share with the infra container.
    pub shared: Vec<Shared>,
    /// The infra container's ID (none with `--infra=false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infra: Option<String>,
    #[serde(default)]
    pub exit_policy: ExitPolicy,
}

impl PodRecord {
    pub fn shares(&self, kind: Shared) -> bool {
        self.shared.contains(&kind)
    }

    /// The hostname its infra container (and the members sharing its UTS
    /// namespace) get: `--hostname`, else the pod's name.
    pub fn uts_hostname(&self) -> &str {
        match self.hostname.as_str() {
            "" => &self.name,
            hostname => hostname,
        }
    }

    /// What a container joining this pod shares, as `create` takes it.
    /// The infra container must still be there.
    pub fn join(&self, containers: &Containers) -> Result<PodJoin, Error> {
        if let Some(infra) = &self.infra {
            if !containers.exists(infra) {
                return Err(Error::Invalid(format!(
                    "pod {}: its infra container {infra} is gone; remove the pod (`rcon pod rm {}`) and create it again",
                    self.name, self.name
                )));
            }
        }
        Ok(PodJoin {
            pod_id: self.id.clone(),
            infra: self.infra.clone(),
            share_net: self.shares(Shared::Net),
            share_ipc: self.shares(Shared::Ipc),
            share_uts: self.shares(Shared::Uts),
        })
    }

    /// An event about this pod (Podman's `Type` pod).
    pub fn event(&self, status: EventStatus) -> Event {
        Event {
            id: self.id.clone(),
            name: self.name.clone(),
            ..Event::new(Kind::Pod, status)
        }
    }
}

/// A pod's lock ([`Pods::lock`]); released on drop.
pub struct PodLock {
    _lock: Flock<fs::File>,
}

const RECORD: &str = "pod.json";
const LOCK_FILE: &str = "lock";

/// The pods of one storage root.
#[derive(Debug, Clone)]
pub struct Pods {
    dir: PathBuf,
    tmp: PathBuf,
}

impl Pods {
    pub fn open(root: &Path) -> Result<Pods, Error> {
        let dir = root.join("pods");
        fs::create_dir_all(&dir).map_err(io_err("creating", &dir))?;
        Ok(Pods {
            dir,
            tmp: root.join("tmp"),
        })
    }

    fn record_path(&self, id: &str) -> PathBuf {
        self.dir.join(id).join(RECORD)
    }

    /// Every pod, newest first. One removed while it is listed is left out.
    pub fn list(&self) -> Result<Vec<PodRecord>, Error> {
        let mut pods = Vec::new();
        for entry in fs::read_dir(&self.dir)
            .map_err(io_err("reading", &self.dir))?
            .flatten()
        {
            if let Some(pod) = read_record(&entry.path().join(RECORD))? {
                pods.push(pod);
            }
        }
        pods.sort_by(|a, b| b.created.cmp(&a.created));
        Ok(pods)
    }

    /// The pod named `input`: its name, full ID or a unique ID prefix.
    pub fn find(&self, input: &str) -> Result<PodRecord, Error> {
        if input.len() == 64 {
            if let Some(pod) = read_record(&self.record_path(input))? {
                return Ok(pod);
            }
        }
        match by_name_or_id(self.list()?, input, |p| &p.name, |p| &p.id) {
            Lookup::One(pod) => Ok(pod),
            Lookup::None => Err(Error::NoSuchPod(input.to_string())),
            Lookup::Many(matches) => Err(Error::Ambiguous {
                input: input.to_string(),
                matches,
            }),
        }
    }

    /// Refuses `name` when it is malformed or another pod has it.
    pub fn check_name(&self, _lock: &StoreLock, name: &str) -> Result<(), Error> {
        if !valid_name(name) {
            return Err(Error::BadName(name.to_string()));
        }
        match self.list()?.into_iter().find(|p| p.name == name) {
            Some(holder) => Err(Error::NameInUse {
                name: name.to_string(),
                id: holder.id,
            }),
            None => Ok(()),
        }
    }

    /// Stores `pod`, complete, under the store lock (its name checked free
    /// by [`Pods::check_name`] under the same lock).
    pub fn create(&self, _lock: &StoreLock, pod: &PodRecord) -> Result<(), Error> {
        let temp = self
            .tmp
            .join(format!("{}-pod-{}", std::process::id(), &pod.id[..12]));
        let build = || -> Result<(), Error> {
            fs::create_dir_all(&temp).map_err(io_err("creating", &temp))?;
            let json = serde_json::to_vec_pretty(pod).expect("pod records serialise");
            write_atomic(&temp.join(RECORD), &json)?;
            let target = self.dir.join(&pod.id);
            fs::rename(&temp, &target).map_err(io_err("storing pod", &target))?;
            Ok(())
        };
        build().inspect_err(|_| {
            let _ = fs::remove_dir_all(&temp);
        })
    }

    /// Rewrites a pod's record (its infra container named once made).
    pub fn update(&self, pod: &PodRecord) -> Result<(), Error> {
        let json = serde_json::to_vec_pretty(pod).expect("pod records serialise");
        Ok(write_atomic(&self.record_path(&pod.id), &json)?)
    }

    /// Takes pod `id`'s lock (blocking). A removed pod cannot be locked.
    pub fn lock(&self, id: &str) -> Result<PodLock, Error> {
        let path = self.dir.join(id).join(LOCK_FILE);
        let lock = lock_file(&path).map_err(|e| match e {
            image_store::Error::Io(e) if e.source.kind() == io::ErrorKind::NotFound => {
                Error::NoSuchPod(id.to_string())
            }
            e => e.into(),
        })?;
        if !self.record_path(id).exists() {
            return Err(Error::NoSuchPod(id.to_string()));
        }
        Ok(PodLock { _lock: lock })
    }

    /// Removes the pod's record: renamed away first, so a half-removed pod
    /// is never listed.
    pub fn remove(&self, store: &Store, id: &str) -> Result<(), Error> {
        Ok(store.remove_dir_via_tmp(&self.dir.join(id))?)
    }
}

fn read_record(path: &Path) -> Result<Option<PodRecord>, Error> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| Error::Corrupt {
                path: path.to_path_buf(),
                source,
            }),
        // Gone between the listing and the read: removed meanwhile.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(Error::Io(IoError::new("reading", path, e))),
    }
}
