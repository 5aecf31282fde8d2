//! Container records under `<root>/containers/<id>/`:
//!
//! ```text
//! container.json   what it was created as (only `rename` changes it, its name)
//! state.json       created / running / exited, pid, times, exit code
//! upper/ work/     the overlay's writable layer and its work dir
//! merged/          the overlay's mount point (in the container's own mount namespace)
//! userdata/        hosts, hostname, resolv.conf, bind-mounted into the container
//! lock             the container's lock (flock), see `Containers::lock`
//! ```
//!
//! A container becomes visible by renaming its complete directory into
//! `containers/`, under the store lock, after checking its name is free.

use crate::events::{Event, Kind as EventKind, Status as EventStatus};
use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use nix::fcntl::Flock;
use serde::{Deserialize, Serialize};

use super::logfile::LogConfig;
use super::mounts::MountKind;
use super::ulimit::Ulimit;
use crate::network::Mode;
use crate::runtime::security::{CapWord, SecurityOpt, SecurityOptions};
pub use crate::storage::store::new_id;
use crate::storage::store::{self as image_store, StoreLock};
use crate::util::fs::{IoError, io_err, write_atomic};
use crate::util::lookup::{Lookup, by_name_or_id};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Io(#[from] IoError),
    #[error("container metadata {} is corrupt: {source}", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error(
        "the container name {name:?} is already in use by container {id}; remove that container (`rcon rm {name}`) or choose another name"
    )]
    NameInUse { name: String, id: String },
    #[error("invalid container name {0:?}: names are [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    BadName(String),
    #[error("no container with name or ID {0:?} found: no such container")]
    NoSuchContainer(String),
    #[error("{input:?} matches more than one container: {}; give more characters or the name", matches.join(", "))]
    Ambiguous { input: String, matches: Vec<String> },
    #[error(transparent)]
    Store(#[from] image_store::Error),
    #[error("making the container's copy of its image: {0}")]
    Copy(#[from] crate::storage::vfs::Error),
}

impl crate::util::exit::ExitCode for Error {}

type Result<T> = std::result::Result<T, Error>;

/// One mount as recorded (host paths already resolved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MountRecord {
    pub kind: MountKind,
    /// Host path for binds and volumes, tmpfs options for tmpfs.
    pub source: String,
    /// Volume name, for volumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub destination: String,
    pub read_only: bool,
    #[serde(default)]
    pub options: Vec<String>,
}

/// The host user a `--userns=keep-id` container keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepId {
    pub uid: u32,
    pub gid: u32,
    pub name: String,
    pub home: String,
}

/// What a container was created as: everything needed to start it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerConfig {
    /// The final argv (entrypoint + command).
    pub args: Vec<String>,
    /// The two parts of `args`: the entrypoint it runs (the image's or
    /// `--entrypoint`) and its command (the image's CMD or the arguments).
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub env: Vec<String>,
    pub working_dir: String,
    /// `--workdir` named it: a start fails when the image lacks it (and no
    /// mount provides it), as Podman's; else it is made.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub working_dir_must_exist: bool,
    pub user: String,
    pub group_add: Vec<String>,
    pub hostname: String,
    /// `--network`, parsed (`private` became the helper chosen; on an
    /// internal network, no helper leads out).
    #[serde(deserialize_with = "legacy::network")]
    pub network: Mode,
    /// Its place on each user-defined network it is on: the one `network`
    /// named at create, then those `network connect` added, in that order
    /// (records made before several networks held one, as `attachment`).
    #[serde(
        default,
        alias = "attachment",
        deserialize_with = "legacy::attachments",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attachments: Vec<crate::network::Attachment>,
    /// Published ports (`-p`, `-P`), host ports assigned.
    #[serde(default)]
    pub ports: Vec<crate::network::PortMapping>,
    /// `--dns`, `--dns-search`, `--dns-option`, `--add-host`.
    #[serde(default)]
    pub names: crate::network::names::NameOptions,
    pub tty: bool,
    pub interactive: bool,
    pub mounts: Vec<MountRecord>,
    pub read_only: bool,
    pub init: bool,
    #[serde(deserialize_with = "legacy::ulimits")]
    pub ulimits: Vec<Ulimit>,
    pub cap_add: Vec<CapWord>,
    pub cap_drop: Vec<CapWord>,
    pub privileged: bool,
    /// `--security-opt`, parsed. A seccomp profile's filter, compiled at
    /// create, is the container's [`SECCOMP_FILTER`] file.
    #[serde(deserialize_with = "legacy::security_opts")]
    pub security_opt: Vec<SecurityOpt>,
    pub labels: Vec<(String, String)>,
    /// `--annotation`s (and a played pod's): shown by inspect.
    #[serde(default)]
    pub annotations: Vec<(String, String)>,
    /// `--userns=keep-id`: the host user, kept as itself inside.
    #[serde(default)]
    pub keep_id: Option<KeepId>,
    /// `--hostuser`: host users (names or UIDs) whose passwd entries the
    /// container's /etc/passwd gets, looked up on the host at each start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub host_users: Vec<String>,
    /// `--rm`: removed when it exits.
    pub remove: bool,
    /// The image's StopSignal, or `--stop-signal` (as `SIGNAME`).
    pub stop_signal: Option<String>,
    /// `--restart`: what the monitor does when the command ends.
    #[serde(default)]
    pub restart: super::restart::RestartPolicy,
    /// `--tz`: the host's zoneinfo file mounted at /etc/localtime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localtime: Option<PathBuf>,
    /// `--log-driver` as given (k8s-file, json-file, passthrough or none); `None`: k8s-file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_driver: Option<String>,
    /// `--log-opt`: the log's path, maximum size and tag.
    #[serde(default, skip_serializing_if = "LogConfig::is_default")]
    pub log: LogConfig,
    /// `--timeout`: seconds the command may run before its monitor kills it
    /// (its exit code then -1, as Podman's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    /// `--stop-timeout`: seconds `stop` waits without `-t` before SIGKILL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_timeout: Option<u64>,
    /// The health check (`--health-*`, else the image's HEALTHCHECK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<super::health::HealthConfig>,
    /// `--secret`: which secrets (by ID, never their data) and how.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<super::secrets::SecretUse>,
    /// `--ipc` (a pod's members: its infra container's).
    #[serde(default)]
    pub ipc: super::namespaces::IpcMode,
    /// Its own UTS namespace, or its pod's infra container's.
    #[serde(default)]
    pub uts: super::namespaces::UtsMode,
    /// The ID of the pod it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod: Option<String>,
    /// It is its pod's infra container, which holds the shared namespaces.
    #[serde(default)]
    pub infra: bool,
    /// An infra container of a pod whose exit policy is `stop`: it is
    /// stopped once the last other container of the pod has exited.
    #[serde(default)]
    pub stop_with_members: bool,
    /// It runs rcon's own pause program, not a command of an image (an
    /// infra container without `--infra-image`).
    #[serde(default)]
    pub pause: bool,
    /// `--requires` (and a pod member's infra container): the IDs of the
    /// containers started before it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// `--memory`, `--cpus`, `--pids-limit`, …: the limits this host enforces.
    #[serde(default, skip_serializing_if = "super::resources::Resources::is_empty")]
    pub resources: super::resources::Resources,
    /// `--oom-score-adj`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oom_score_adj: Option<i32>,
    /// The command line that made it, for `generate systemd --new`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub create_command: Vec<String>,
    /// `--sdnotify`.
    #[serde(default, skip_serializing_if = "super::systemd::SdNotify::is_default")]
    pub sdnotify: super::systemd::SdNotify,
    /// The global `--runtime` it was made with, as given (inspect's
    /// OCIRuntime); rcon runs every container with its built-in runtime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oci_runtime: Option<String>,
}

impl ContainerConfig {
    /// The names of the user-defined networks it is on.
    pub fn network_names(&self) -> Vec<String> {
        self.attachments.iter().map(|a| a.network.clone()).collect()
    }

    /// The security flags, as the runtime takes them.
    pub fn security_options(&self) -> SecurityOptions {
        let mut options = SecurityOptions {
            cap_add: self.cap_add.clone(),
            cap_drop: self.cap_drop.clone(),
            privileged: self.privileged,
            ..SecurityOptions::default()
        };
        for opt in &self.security_opt {
            options.set(opt);
        }
        options
    }

    /// The value of label `key`, if the container has that label.
    pub fn label(&self, key: &str) -> Option<&str> {
        let labels = &self.labels;
        labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `--log-driver none` or `passthrough`: nothing is logged (the
    /// output goes only where rcon's own goes), `logs` refuses.
    pub fn logs_nothing(&self) -> bool {
        matches!(self.log_driver.as_deref(), Some("none" | "passthrough"))
    }
}

/// The record of one container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerRecord {
    pub id: String,
    pub name: String,
    /// The image ID (config digest hex).
    pub image_id: String,
    /// The image as the user named it, fully qualified when it had a name.
    pub image_name: String,
    pub created: String,
    pub config: ContainerConfig,
    /// The storage driver its root filesystem is made with (records from
    /// before drivers existed: kernel overlay).
    #[serde(default)]
    pub storage_driver: crate::storage::driver::Driver,
}

impl ContainerRecord {
    /// An event about this container: its ID, name, image and labels.
    pub fn event(&self, status: EventStatus) -> Event {
        Event {
            id: self.id.clone(),
            name: self.name.clone(),
            image: self.image_name.clone(),
            attributes: Some(self.config.labels.iter().cloned().collect()),
            ..Event::new(EventKind::Container, status)
        }
    }
}

/// Where a container is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Created,
    Running,
    Exited,
}

/// The changing part of a container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub status: Status,
    pub pid: i32,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    pub exit_code: Option<i32>,
    /// How often the monitor has restarted the command since the container
    /// was last started (`--restart`).
    #[serde(default)]
    pub restart_count: u32,
    /// The command has ended and its monitor waits to restart it (the
    /// status stays `running`, as Docker shows it, with `exit_code` set).
    #[serde(default)]
    pub restarting: bool,
    /// Frozen by `pause` (the status stays `running`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paused: bool,
    /// The kernel's OOM killer killed a process of it (its cgroup said so).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub oom_killed: bool,
}

impl State {
    /// This state once its process ended with `code`.
    pub fn exited(self, code: i32) -> State {
        State {
            status: Status::Exited,
            pid: 0,
            finished_at: Some(crate::util::time::now_rfc3339()),
            exit_code: Some(code),
            restarting: false,
            paused: false,
            ..self
        }
    }

    pub fn created() -> State {
        State {
            status: Status::Created,
            pid: 0,
            started_at: None,
            finished_at: None,
            exit_code: None,
            restart_count: 0,
            restarting: false,
            paused: false,
            oom_killed: false,
        }
    }
}

/// A container's lock ([`Containers::lock`]); released on drop.
pub struct ContainerLock {
    _lock: Flock<File>,
}

/// The lock file in a container's directory.
const LOCK_FILE: &str = "lock";

/// The file in a container's directory holding its seccomp filter as
/// compiled from the profile it was created with (`--security-opt seccomp=FILE`).
pub const SECCOMP_FILTER: &str = "seccomp.bpf";

/// The containers of one storage root.
#[derive(Debug, Clone)]
pub struct Containers {
    root: PathBuf,
    dir: PathBuf,
    tmp: PathBuf,
}

impl Containers {
    pub fn open(root: &Path) -> Result<Containers> {
        let dir = root.join("containers");
        fs::create_dir_all(&dir).map_err(io_err("creating", &dir))?;
        Ok(Containers {
            root: root.to_path_buf(),
            dir,
            tmp: root.join("tmp"),
        })
    }

    /// The storage root the containers belong to.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The directory of container `id`.
    pub fn dir(&self, id: &str) -> PathBuf {
        self.dir.join(id)
    }

    /// Every container record.
    pub fn list(&self) -> Result<Vec<ContainerRecord>> {
        let mut records = Vec::new();
        for entry in fs::read_dir(&self.dir)
            .map_err(io_err("reading", &self.dir))?
            .flatten()
        {
            if let Some(record) = read_record(&entry.path().join("container.json"))? {
                records.push(record);
            }
        }
        records.sort_by(|a: &ContainerRecord, b| b.created.cmp(&a.created));
        Ok(records)
    }

    /// The container named `input`: its name, full ID, or a unique ID prefix.
    pub fn find(&self, input: &str) -> Result<ContainerRecord> {
        if input.len() == 64 {
            if let Some(record) = read_record(&self.dir(input).join("container.json"))? {
                return Ok(record);
            }
        }
        match by_name_or_id(self.list()?, input, |r| &r.name, |r| &r.id) {
            Lookup::One(record) => Ok(record),
            Lookup::None => Err(Error::NoSuchContainer(input.to_string())),
            Lookup::Many(matches) => Err(Error::Ambiguous {
                input: input.to_string(),
                matches,
            }),
        }
    }

    /// True when a container mounts the volume `name`.
    pub fn uses_volume(&self, name: &str) -> Result<bool> {
        Ok(self.list()?.iter().any(|r| {
            r.config
                .mounts
                .iter()
                .any(|m| m.name.as_deref() == Some(name))
        }))
    }

    /// The containers made from image `image_id`.
    pub fn using_image(&self, image_id: &str) -> Result<Vec<ContainerRecord>> {
        let mut records = self.list()?;
        records.retain(|r| r.image_id == image_id);
        Ok(records)
    }

    /// The IDs of the images containers are made from.
    pub fn image_ids(&self) -> Result<HashSet<String>> {
        Ok(self.list()?.into_iter().map(|r| r.image_id).collect())
    }

    /// Creates the container's directory with the userdata files, what
    /// `fill` puts in it (its storage driver's part) and, last, `record`,
    /// and makes it visible once complete. Call with the store lock held.
    /// `durable`: fsync what is written (not needed for `--rm` containers,
    /// which no later command will ever look for).
    pub fn create(
        &self,
        _lock: &StoreLock,
        record: &ContainerRecord,
        userdata: &[(&str, String)],
        durable: bool,
        fill: impl FnOnce(&Path) -> Result<()>,
    ) -> Result<()> {
        self.check_name(&record.name, &record.id)?;
        let temp = self
            .tmp
            .join(format!("{}-ctr-{}", std::process::id(), &record.id[..12]));
        let build = || -> Result<()> {
            for sub in ["upper", "work", "merged", "userdata"] {
                let path = temp.join(sub);
                fs::create_dir_all(&path).map_err(io_err("creating", &path))?;
            }
            for (name, content) in userdata {
                let path = temp.join("userdata").join(name);
                fs::write(&path, content).map_err(io_err("writing", &path))?;
            }
            fill(&temp)?;
            let json = serde_json::to_vec_pretty(record).expect("records serialise");
            let state = serde_json::to_vec_pretty(&State::created()).expect("states serialise");
            if durable {
                write_atomic(&temp.join("container.json"), &json)?;
                write_atomic(&temp.join("state.json"), &state)?;
            } else {
                let path = temp.join("container.json");
                fs::write(&path, &json).map_err(io_err("writing", &path))?;
                let path = temp.join("state.json");
                fs::write(&path, &state).map_err(io_err("writing", &path))?;
            }
            let target = self.dir(&record.id);
            fs::rename(&temp, &target).map_err(io_err("storing container", &target))?;
            Ok(())
        };
        build().inspect_err(|_| {
            let _ = fs::remove_dir_all(&temp);
        })
    }

    /// Refuses `name` for container `id` when it is malformed or another
    /// container has it.
    fn check_name(&self, name: &str, id: &str) -> Result<()> {
        if !valid_name(name) {
            return Err(Error::BadName(name.to_string()));
        }
        match self
            .list()?
            .into_iter()
            .find(|r| r.name == name && r.id != id)
        {
            Some(holder) => Err(Error::NameInUse {
                name: name.to_string(),
                id: holder.id,
            }),
            None => Ok(()),
        }
    }

    /// Gives container `id` the name `name`, checked free among the others
    /// under the store lock (held by the caller), and rewrites its record
    /// atomically. Returns the renamed record.
    pub fn rename(&self, _lock: &StoreLock, id: &str, name: &str) -> Result<ContainerRecord> {
        self.check_name(name, id)?;
        let path = self.dir(id).join("container.json");
        let mut record =
            read_record(&path)?.ok_or_else(|| Error::NoSuchContainer(id.to_string()))?;
        record.name = name.to_string();
        let json = serde_json::to_vec_pretty(&record).expect("records serialise");
        write_atomic(&path, &json)?;
        Ok(record)
    }

    /// Changes container `id`'s configuration with `edit` and rewrites its
    /// record atomically (the caller holds the container's lock).
    pub fn update_config(
        &self,
        _lock: &ContainerLock,
        id: &str,
        edit: impl FnOnce(&mut ContainerConfig),
    ) -> Result<ContainerRecord> {
        let path = self.dir(id).join("container.json");
        let mut record =
            read_record(&path)?.ok_or_else(|| Error::NoSuchContainer(id.to_string()))?;
        edit(&mut record.config);
        let json = serde_json::to_vec_pretty(&record).expect("records serialise");
        write_atomic(&path, &json)?;
        Ok(record)
    }

    /// Takes container `id`'s lock (blocking): held across every
    /// check-and-act on its state (start, stop, kill, remove, rename…),
    /// so two commands never both act on what each saw. The lock file is in
    /// the container's directory: a removed container cannot be locked.
    pub fn lock(&self, id: &str) -> Result<ContainerLock> {
        let path = self.dir(id).join(LOCK_FILE);
        let lock = image_store::lock_file(&path).map_err(|e| match e {
            image_store::Error::Io(e) if e.source.kind() == io::ErrorKind::NotFound => {
                Error::NoSuchContainer(id.to_string())
            }
            e => e.into(),
        })?;
        // Removed while this command waited for the lock.
        if !self.exists(id) {
            return Err(Error::NoSuchContainer(id.to_string()));
        }
        Ok(ContainerLock { _lock: lock })
    }

    /// True while container `id` has a record (it has not been removed).
    pub fn exists(&self, id: &str) -> bool {
        self.dir(id).join("container.json").exists()
    }

    /// The container's current state.
    pub fn state(&self, id: &str) -> Result<State> {
        Ok(read_json(&self.dir(id).join("state.json"))?.unwrap_or_else(State::created))
    }

    /// Replaces the container's state atomically.
    pub fn set_state(&self, id: &str, state: &State) -> Result<()> {
        let json = serde_json::to_vec_pretty(state).expect("states serialise");
        Ok(write_atomic(&self.dir(id).join("state.json"), &json)?)
    }

    /// Removes the container's directory: renamed away first, so a half-removed
    /// container is never listed. The other containers on its user-defined
    /// network forget its name.
    pub fn remove(&self, record: &ContainerRecord) -> Result<()> {
        let id = &record.id;
        if record.config.infra {
            super::namespaces::release_pod_shm(&self.dir(id));
        }
        self.remove_dir(id)?;
        for name in record.config.attachments.iter().map(|a| &a.network) {
            if let Err(e) = super::networks::refresh_hosts(self, name, None) {
                log::warn!(
                    "container {id} left network {name}, but the others' hosts files were not updated: {e}"
                );
            }
        }
        Ok(())
    }

    fn remove_dir(&self, id: &str) -> Result<()> {
        let dir = self.dir(id);
        let doomed = self.tmp.join(format!("{}-rmc-{id}", std::process::id()));
        match fs::rename(&dir, &doomed) {
            Ok(()) => Ok(fs::remove_dir_all(&doomed).map_err(io_err("removing", &doomed))?),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Err(Error::NoSuchContainer(id.to_string()))
            }
            Err(e) => Err(Error::Io(IoError::new("removing", dir, e))),
        }
    }
}

/// A container record, its fields from older versions read into today's
/// (an internal network's helper is left out by its attachment, see
/// [`Mode::helper`]).
fn read_record(path: &Path) -> Result<Option<ContainerRecord>> {
    read_json(path)
}

/// Records written before the container plan was parsed at create held
/// some flags as given (`"ulimits": ["nofile=1024"]`, `"network": "pasta"`):
/// such a field is parsed once as its flag was, when the record is read.
mod legacy {
    use serde::Deserialize;
    use serde::de::{DeserializeOwned, Deserializer, Error};
    use serde_json::Value;

    use super::{Mode, SecurityOpt, Ulimit};
    use crate::network::Attachment;

    pub fn network<'de, D: Deserializer<'de>>(d: D) -> Result<Mode, D::Error> {
        typed_or_flag(Value::deserialize(d)?, Mode::parse_recorded).map_err(D::Error::custom)
    }

    /// The list of attachments, or the one `attachment` of older records.
    pub fn attachments<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Attachment>, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(Vec::new()),
            Value::Array(list) => serde_json::from_value(Value::Array(list)),
            one => serde_json::from_value(one).map(|a| vec![a]),
        }
        .map_err(D::Error::custom)
    }

    pub fn ulimits<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Ulimit>, D::Error> {
        list(d, super::super::ulimit::parse_ulimit)
    }

    pub fn security_opts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<SecurityOpt>, D::Error> {
        list(d, crate::runtime::security::parse_security_opt)
    }

    fn list<'de, D: Deserializer<'de>, T: DeserializeOwned, E: std::fmt::Display>(
        d: D,
        parse: fn(&str) -> Result<T, E>,
    ) -> Result<Vec<T>, D::Error> {
        Vec::<Value>::deserialize(d)?
            .into_iter()
            .map(|value| typed_or_flag(value, parse).map_err(D::Error::custom))
            .collect()
    }

    /// The typed value, or, for text that is not one, the flag's parse of it.
    fn typed_or_flag<T: DeserializeOwned, E: std::fmt::Display>(
        value: Value,
        parse: fn(&str) -> Result<T, E>,
    ) -> Result<T, String> {
        match value {
            Value::String(text) => serde_json::from_value(Value::String(text.clone()))
                .or_else(|_| parse(&text).map_err(|e| format!("recorded flag {text:?}: {e}"))),
            typed => serde_json::from_value(typed).map_err(|e| e.to_string()),
        }
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| Error::Corrupt {
                path: path.to_path_buf(),
                source,
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::Io(IoError::new("reading", path, e))),
    }
}

/// Podman's (and Docker's) container name grammar.
pub fn valid_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

const ADJECTIVES: [&str; 40] = [
    "admiring",
    "brave",
    "busy",
    "clever",
    "cool",
    "dazzling",
    "eager",
    "elated",
    "epic",
    "focused",
    "gallant",
    "gifted",
    "happy",
    "hopeful",
    "jolly",
    "keen",
    "kind",
    "laughing",
    "lucid",
    "magical",
    "modest",
    "nifty",
    "nostalgic",
    "optimistic",
    "peaceful",
    "practical",
    "quirky",
    "relaxed",
    "serene",
    "sharp",
    "silly",
    "stoic",
    "sweet",
    "tender",
    "trusting",
    "upbeat",
    "vibrant",
    "wizardly",
    "youthful",
    "zealous",
];
const NAMES: [&str; 40] = [
    "albattani",
    "babbage",
    "bohr",
    "curie",
    "darwin",
    "dijkstra",
    "einstein",
    "euclid",
    "fermat",
    "feynman",
    "galileo",
    "gauss",
    "hamilton",
    "hopper",
    "hypatia",
    "johnson",
    "kepler",
    "knuth",
    "lamport",
    "liskov",
    "lovelace",
    "mccarthy",
    "meitner",
    "newton",
    "noether",
    "pascal",
    "pike",
    "ritchie",
    "shannon",
    "sinoussi",
    "tesla",
    "thompson",
    "torvalds",
    "turing",
    "volhard",
    "wilson",
    "wing",
    "wozniak",
    "yalow",
    "zhukovsky",
];

/// A readable name (`adjective_scientist`) derived from the ID, not in `taken`.
pub fn generate_name(id: &str, taken: &[String]) -> String {
    let bytes = hex::decode(&id[..16]).unwrap_or_default();
    for (i, pair) in bytes.chunks(2).enumerate() {
        let [a, b] = [pair[0], pair.get(1).copied().unwrap_or(0)];
        let mut name = format!(
            "{}_{}",
            ADJECTIVES[a as usize % ADJECTIVES.len()],
            NAMES[b as usize % NAMES.len()]
        );
        if i > 0 {
            name.push_str(&i.to_string());
        }
        if !taken.contains(&name) {
            return name;
        }
    }
    format!("rcon_{}", &id[..12])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_grammar_and_generated_ones_avoid_clashes() {
        assert!(valid_name("web-1.a_b"));
        assert!(!valid_name("-web"));
        assert!(!valid_name(""));
        assert!(!valid_name("a/b"));
        let id = new_id();
        assert_eq!(id.len(), 64);
        let first = generate_name(&id, &[]);
        assert!(valid_name(&first));
        let second = generate_name(&id, std::slice::from_ref(&first));
        assert_ne!(first, second);
    }

    /// A record as rcon wrote it before the plan was parsed at create: its
    /// flags as given, read once into today's typed fields, which is what
    /// it is written back as.
    #[test]
    fn a_record_holding_flags_as_given_reads_as_the_typed_plan() {
        use crate::runtime::security::SeccompChoice;
        let dir = crate::util::scratch::ScratchDir::new("rcon-legacy-record");
        let text = include_str!("../../tests/it/data/container-before-plan.json")
            .replace("@ID@", &"ab".repeat(32))
            .replace("@IMAGE_ID@", &"cd".repeat(32))
            .replace("@BIND_SOURCE@", "/srv/data")
            .replace("@PROFILE@", "/etc/profile.json")
            .replace("@DRIVER@", "vfs");
        let path = dir.path().join("container.json");
        fs::write(&path, text).unwrap();
        let record = read_record(&path).unwrap().unwrap();
        let config = &record.config;
        assert_eq!(config.network, Mode::None);
        assert_eq!(config.ulimits.len(), 1);
        assert_eq!(config.ulimits[0].name(), "nofile");
        assert_eq!(
            (config.ulimits[0].soft, config.ulimits[0].hard),
            (1024, 2048)
        );
        assert_eq!(config.cap_add, [CapWord::One(13)]);
        assert_eq!(config.cap_drop, [CapWord::All]);
        assert_eq!(
            config.security_opt,
            [
                SecurityOpt::NoNewPrivileges(false),
                SecurityOpt::Seccomp(SeccompChoice::Profile("/etc/profile.json".into())),
            ]
        );
        assert_eq!(config.mounts[0].kind, MountKind::Bind);
        assert_eq!(config.mounts[1].kind, MountKind::Tmpfs);
        assert_eq!(record.storage_driver, crate::storage::driver::Driver::Vfs);
        // Written back typed, it reads as the same record.
        let typed = serde_json::to_string(&record).unwrap();
        assert!(
            typed.contains(r#""ulimits":[{"name":"nofile","soft":1024,"hard":2048}]"#),
            "{typed}"
        );
        assert!(typed.contains(r#""network":{"mode":"none"}"#), "{typed}");
        assert!(typed.contains(r#""capAdd":["CAP_NET_RAW"]"#), "{typed}");
        let reread: ContainerRecord = serde_json::from_str(&typed).unwrap();
        assert_eq!(reread, record);
    }

    /// A record from before containers were on several networks held its
    /// one network's place as `attachment`: it reads as the list of one.
    #[test]
    fn a_record_with_one_attachment_reads_as_a_list_of_attachments() {
        let dir = crate::util::scratch::ScratchDir::new("rcon-legacy-record");
        let attachment = r#""network": "web", "attachment": {"network": "web", "bridge": "rcon1",
            "address": "10.89.0.2", "prefix": 24, "gateway": "10.89.0.1", "aliases": ["db"]},"#;
        let text = include_str!("../../tests/it/data/container-before-plan.json")
            .replace("@ID@", &"ab".repeat(32))
            .replace("@DRIVER@", "vfs")
            .replace(r#""network": "none","#, attachment);
        let path = dir.path().join("container.json");
        fs::write(&path, text).unwrap();
        let record = read_record(&path).unwrap().unwrap();
        let [only] = record.config.attachments.as_slice() else {
            panic!("one attachment: {:?}", record.config.attachments);
        };
        assert_eq!(only.network, "web");
        assert_eq!(only.address.to_string(), "10.89.0.2");
        assert_eq!(only.aliases, ["db"]);
        assert!(only.mac.is_empty() && !only.internal);
        assert_eq!(record.config.network_names(), ["web"]);
        let typed = serde_json::to_string(&record).unwrap();
        assert!(
            typed.contains(r#""attachments":[{"network":"web""#),
            "{typed}"
        );
        assert!(!typed.contains(r#""attachment":"#), "{typed}");
        let reread: ContainerRecord = serde_json::from_str(&typed).unwrap();
        assert_eq!(reread, record);
    }

    #[test]
    fn a_recorded_flag_that_does_not_parse_is_a_corrupt_record_naming_it() {
        let dir = crate::util::scratch::ScratchDir::new("rcon-legacy-record");
        let text = include_str!("../../tests/it/data/container-before-plan.json")
            .replace("@DRIVER@", "vfs")
            .replace("nofile=1024:2048", "nofile=lots");
        let path = dir.path().join("container.json");
        fs::write(&path, text).unwrap();
        let err = read_record(&path).unwrap_err().to_string();
        assert!(
            err.contains("corrupt") && err.contains("nofile=lots"),
            "{err}"
        );
    }
}
