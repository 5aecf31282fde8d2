//! Containers' own cgroups (cgroup v2), where the host lets the user have
//! them: limits, freezing (`pause`), usage (`stats`), OOM kills.
//!
//! **Where.** A rootless process may make cgroups only inside a subtree
//! delegated to its user: directories (and their `cgroup.procs`,
//! `cgroup.subtree_control`, `cgroup.threads`) the user owns, with rcon
//! itself somewhere below, since moving a process needs write access to
//! the `cgroup.procs` of the common ancestor of where it is and where it
//! goes. systemd makes such a subtree for each user session
//! (`user@.service`, `Delegate=yes`); on hosts without it an administrator
//! does (`contrib/setup-host.sh --delegate-cgroup USER`). As Podman and crun,
//! rcon starts from its own cgroup (`/proc/self/cgroup`) and takes the
//! highest ancestor the user owns: [`Delegation::find`]. On the cgroup v1
//! controllers, root's, rootless rcon does nothing, as Podman.
//!
//! **Layout.** Each container gets `<delegation>/rcon-<id>`, holding its
//! limits and its `cgroup.freeze`, and inside it the leaf `container` its
//! processes are cloned into (`CLONE_INTO_CGROUP`) — the root of their
//! cgroup namespace. So even a container that mounts a cgroup2 filesystem
//! (it would need `CAP_SYS_ADMIN`) sees only its leaf: it cannot raise its
//! limits or thaw itself, though the files belong to its root user. No
//! cgroup filesystem is mounted in the container.
//!
//! **Cost.** Nothing is made where nothing is delegated: a start then costs
//! one read of `/proc/self/cgroup` and a few `stat`s.

use std::fs;
use std::io::{self, Read, Seek};
use std::os::fd::AsFd;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::statfs::{CGROUP2_SUPER_MAGIC, statfs};

use super::resources::{Controller, DeviceValue, Resources};
use crate::util::fs::{IoError, io_err};

/// Where cgroup v2 is mounted: alone, or beside the v1 controllers (hybrid).
const UNIFIED: &str = "/sys/fs/cgroup";
const HYBRID: &str = "/sys/fs/cgroup/unified";
/// The container's processes, inside its cgroup.
const LEAF: &str = "container";
/// In the container's runtime entry: the path of its cgroup.
const RECORD_FILE: &str = "cgroup";
/// How long a freeze, a thaw or the end of the processes may take.
const SETTLE: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what}: {why}")]
    NotDelegated { what: String, why: String },
    #[error(
        "the {controller} controller is not available in your delegated cgroup {}: it must be enabled in the cgroup.subtree_control of the cgroup above it (by whoever delegated it)",
        root.display()
    )]
    NoController {
        controller: &'static str,
        root: PathBuf,
    },
    #[error(
        "enabling the {controllers} controllers in {}: {source}; processes in that cgroup itself keep controllers from being enabled below it (cgroup v2's no-internal-processes rule): start your session in a cgroup below it",
        root.display()
    )]
    Enable {
        controllers: String,
        root: PathBuf,
        source: io::Error,
    },
    #[error("the container's cgroup {} did not become {state} within {}s", dir.display(), SETTLE.as_secs())]
    Settle { dir: PathBuf, state: &'static str },
    #[error(transparent)]
    Io(#[from] IoError),
}

/// Why there is no delegated subtree.
#[derive(Debug, Clone)]
pub struct Missing {
    /// The host's cgroups are v1 (also hybrid), as Podman words it.
    pub v1: bool,
    /// Why, and what would give one, as the end of a sentence.
    pub why: String,
}

/// A cgroup v2 subtree this user may manage.
#[derive(Debug, Clone)]
pub struct Delegation {
    pub root: PathBuf,
}

impl Delegation {
    /// The highest cgroup above rcon's own (itself included) that this user
    /// owns, or why there is none.
    pub fn find() -> Result<Delegation, Missing> {
        let v1 = !is_cgroup2(Path::new(UNIFIED));
        let mount = [UNIFIED, HYBRID]
            .into_iter()
            .map(Path::new)
            .find(|m| is_cgroup2(m))
            .ok_or_else(|| Missing {
                v1,
                why: "this host has cgroup v1 only (no cgroup v2 is mounted at /sys/fs/cgroup or /sys/fs/cgroup/unified), whose controllers belong to root".into(),
            })?;
        let own = own_cgroup().ok_or_else(|| Missing {
            v1,
            why: "/proc/self/cgroup names no cgroup v2 for rcon".into(),
        })?;
        let me = nix::unistd::geteuid().as_raw();
        let owned = |dir: &Path| {
            [dir.to_path_buf(), dir.join("cgroup.procs")]
                .iter()
                .all(|p| fs::metadata(p).is_ok_and(|m| m.uid() == me))
        };
        let mut root = match own.trim_start_matches('/') {
            "" => mount.to_path_buf(),
            below => mount.join(below),
        };
        if !owned(&root) {
            let layout = if v1 {
                "a hybrid cgroup layout: v1 controllers, cgroup v2 only"
            } else {
                "cgroup v2"
            };
            return Err(Missing {
                v1,
                why: format!(
                    "this host has {layout} at {}, and rcon's cgroup there ({}) is not delegated to you: systemd's user sessions get one (Delegate=yes), or an administrator can give you one (`contrib/setup-host.sh --delegate-cgroup USER`)",
                    mount.display(),
                    root.display()
                ),
            });
        }
        while let Some(parent) = root.parent().filter(|p| p.starts_with(mount) && owned(p)) {
            root = parent.to_path_buf();
        }
        Ok(Delegation { root })
    }

    /// The controllers available to cgroups made in the subtree.
    pub fn controllers(&self) -> Vec<String> {
        words(&self.root.join("cgroup.controllers"))
    }

    /// Enables `controllers` for the cgroups below the root.
    fn enable(&self, controllers: &[Controller]) -> Result<(), Error> {
        let enabled = words(&self.root.join("cgroup.subtree_control"));
        let missing: Vec<&str> = controllers
            .iter()
            .map(|c| c.name())
            .filter(|name| !enabled.iter().any(|e| e == name))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let available = self.controllers();
        if let Some(absent) = missing.iter().find(|m| !available.iter().any(|a| a == *m)) {
            return Err(Error::NoController {
                controller: controllers
                    .iter()
                    .map(|c| c.name())
                    .find(|n| n == absent)
                    .unwrap_or("?"),
                root: self.root.clone(),
            });
        }
        let change: Vec<String> = missing.iter().map(|m| format!("+{m}")).collect();
        fs::write(self.root.join("cgroup.subtree_control"), change.join(" ")).map_err(|source| {
            Error::Enable {
                controllers: missing.join(", "),
                root: self.root.clone(),
                source,
            }
        })
    }
}

/// What a container's cgroup reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// CPU time, microseconds (`cpu.stat`, kept without a controller).
    pub cpu_usec: u64,
    pub system_usec: u64,
    /// With the memory controller: `memory.current`, and `memory.max` when set.
    pub memory: Option<u64>,
    pub memory_max: Option<u64>,
    /// With the pids controller.
    pub pids: Option<u64>,
    /// With the io controller: bytes read and written.
    pub io: Option<(u64, u64)>,
}

/// One container's cgroup: `<delegation>/rcon-<id>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerCgroup {
    dir: PathBuf,
}

impl ContainerCgroup {
    /// Makes the container's cgroup with `resources` applied, and its leaf.
    /// A leftover of the same container (its monitor was killed) is
    /// removed first.
    pub fn create(
        delegation: &Delegation,
        id: &str,
        resources: &Resources,
    ) -> Result<ContainerCgroup, Error> {
        let cgroup = ContainerCgroup {
            dir: delegation.root.join(format!("rcon-{id}")),
        };
        if cgroup.dir.exists() {
            cgroup.remove();
        }
        fs::create_dir(&cgroup.dir)
            .map_err(io_err("creating the container's cgroup", &cgroup.dir))?;
        let made = (|| {
            if !resources.is_empty() {
                cgroup.apply(delegation, resources)?;
            }
            let leaf = cgroup.leaf();
            fs::create_dir(&leaf).map_err(io_err("creating the container's cgroup", &leaf))?;
            Ok(())
        })();
        if let Err(e) = made {
            cgroup.remove_dirs();
            return Err(e);
        }
        Ok(cgroup)
    }

    /// The cgroup the container's processes are in.
    pub fn leaf(&self) -> PathBuf {
        self.dir.join(LEAF)
    }

    /// Notes the cgroup in the container's runtime entry `entry`.
    pub fn record(&self, entry: &Path) -> Result<(), Error> {
        fs::create_dir_all(entry)
            .map_err(io_err("creating the container's runtime entry", entry))?;
        let path = entry.join(RECORD_FILE);
        Ok(crate::util::fs::write_atomic(
            &path,
            self.dir.as_os_str().as_encoded_bytes(),
        )?)
    }

    /// The cgroup noted in runtime entry `entry`, if the container has one.
    pub fn recorded(entry: &Path) -> Option<ContainerCgroup> {
        let text = fs::read_to_string(entry.join(RECORD_FILE)).ok()?;
        Some(ContainerCgroup {
            dir: PathBuf::from(text),
        })
    }

    /// Writes the limits into the cgroup's files, their controllers
    /// enabled in `delegation` first.
    pub fn apply(&self, delegation: &Delegation, resources: &Resources) -> Result<(), Error> {
        delegation.enable(&resources.controllers())?;
        for (file, value) in settings(resources, &self.dir)? {
            let path = self.dir.join(file);
            fs::write(&path, &value).map_err(io_err("setting a resource limit", &path))?;
        }
        Ok(())
    }

    /// Freezes or thaws every process of the container and waits until the
    /// kernel reports it done.
    pub fn set_frozen(&self, frozen: bool) -> Result<(), Error> {
        let path = self.dir.join("cgroup.freeze");
        fs::write(&path, if frozen { "1" } else { "0" })
            .map_err(io_err("writing the container's cgroup.freeze", &path))?;
        let state = if frozen { "frozen" } else { "thawed" };
        let want = if frozen { "1" } else { "0" };
        self.await_event("frozen", want, state)
    }

    /// True while the container's processes are frozen.
    pub fn is_frozen(&self) -> bool {
        event(&self.dir.join("cgroup.events"), "frozen").as_deref() == Some("1")
    }

    /// Waits until `cgroup.events` says `key value`: the kernel signals
    /// every change of the file with `POLLPRI`.
    fn await_event(&self, key: &str, value: &str, state: &'static str) -> Result<(), Error> {
        let path = self.dir.join("cgroup.events");
        let mut file = fs::File::open(&path).map_err(io_err("opening cgroup.events", &path))?;
        let deadline = Instant::now() + SETTLE;
        loop {
            let mut text = String::new();
            file.rewind()
                .and_then(|_| file.read_to_string(&mut text))
                .map_err(io_err("reading cgroup.events", &path))?;
            if field(&text, key) == Some(value) {
                return Ok(());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Error::Settle {
                    dir: self.dir.clone(),
                    state,
                });
            }
            let mut fds = [PollFd::new(file.as_fd(), PollFlags::POLLPRI)];
            let wait = PollTimeout::try_from(left.as_millis().min(1000) as u32)
                .unwrap_or(PollTimeout::MAX);
            match poll(&mut fds, wait) {
                Ok(_) | Err(nix::errno::Errno::EINTR) => {}
                Err(e) => {
                    return Err(IoError::new("waiting on cgroup.events", &path, e.into()).into());
                }
            }
        }
    }

    /// The PIDs of the container's processes (in rcon's PID namespace).
    pub fn processes(&self) -> Vec<i32> {
        let mut pids = Vec::new();
        let mut dirs = vec![self.leaf()];
        while let Some(dir) = dirs.pop() {
            if let Ok(text) = fs::read_to_string(dir.join("cgroup.procs")) {
                pids.extend(text.lines().filter_map(|l| l.trim().parse::<i32>().ok()));
            }
            if let Ok(entries) = fs::read_dir(&dir) {
                dirs.extend(
                    entries
                        .flatten()
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                        .map(|e| e.path()),
                );
            }
        }
        pids
    }

    /// What the cgroup's files report.
    pub fn usage(&self) -> Usage {
        let stat = fs::read_to_string(self.dir.join("cpu.stat")).unwrap_or_default();
        let number = |file: &str| {
            fs::read_to_string(self.dir.join(file))
                .ok()
                .and_then(|t| t.trim().parse::<u64>().ok())
        };
        let io = fs::read_to_string(self.dir.join("io.stat"))
            .ok()
            .map(|text| {
                text.split_whitespace().fold((0, 0), |(r, w), word| {
                    let value = |prefix| {
                        word.strip_prefix(prefix)
                            .and_then(|n: &str| n.parse::<u64>().ok())
                            .unwrap_or(0)
                    };
                    (r + value("rbytes="), w + value("wbytes="))
                })
            });
        Usage {
            cpu_usec: field(&stat, "usage_usec")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0),
            system_usec: field(&stat, "system_usec")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0),
            memory: number("memory.current"),
            memory_max: number("memory.max"),
            pids: number("pids.current"),
            io,
        }
    }

    /// True when the kernel's OOM killer killed a process of the container.
    pub fn oom_killed(&self) -> bool {
        event(&self.dir.join("memory.events"), "oom_kill").is_some_and(|n| n != "0")
    }

    /// Removes the cgroup once its processes are gone (they go with the
    /// container's first process, as its PID namespace ends).
    pub fn remove(&self) {
        if fs::remove_dir(self.leaf()).is_err() && self.leaf().exists() {
            let _ = ContainerCgroup { dir: self.leaf() }.await_event("populated", "0", "empty");
        }
        self.remove_dirs();
    }

    fn remove_dirs(&self) {
        let _ = fs::remove_dir(self.leaf());
        let _ = fs::remove_dir(&self.dir);
    }
}

/// The files and values that set `resources` (cgroup v2 names and units).
fn settings(resources: &Resources, dir: &Path) -> Result<Vec<(&'static str, String)>, Error> {
    let mut files = Vec::new();
    let max_or = |n: i64| {
        if n <= 0 {
            "max".to_string()
        } else {
            n.to_string()
        }
    };
    if let Some(memory) = resources.memory {
        files.push(("memory.max", max_or(memory as i64)));
    }
    if let Some(low) = resources.memory_reservation {
        files.push(("memory.low", low.to_string()));
    }
    // cgroup v2 limits swap alone; Podman's flag is memory plus swap.
    match (resources.memory_swap, resources.memory) {
        (Some(-1), _) => files.push(("memory.swap.max", "max".into())),
        (Some(swap), Some(memory)) if swap > 0 && memory > 0 => {
            files.push(("memory.swap.max", (swap as u64 - memory).to_string()));
        }
        _ => {}
    }
    if let Some(shares) = resources.cpu_shares.filter(|s| *s > 0) {
        // crun's mapping of shares (2..262144) onto weights (1..10000).
        files.push((
            "cpu.weight",
            (1 + (shares.clamp(2, 262_144) - 2) * 9999 / 262_142).to_string(),
        ));
    }
    if resources.cpu_quota.is_some() || resources.cpu_period.is_some() {
        let quota = max_or(resources.cpu_quota.unwrap_or(-1));
        files.push((
            "cpu.max",
            format!("{quota} {}", resources.cpu_period.unwrap_or(100_000)),
        ));
    }
    if let Some(cpus) = &resources.cpuset_cpus {
        files.push(("cpuset.cpus", cpus.clone()));
    }
    if let Some(mems) = &resources.cpuset_mems {
        files.push(("cpuset.mems", mems.clone()));
    }
    if let Some(pids) = resources.pids_limit {
        files.push(("pids.max", max_or(pids)));
    }
    // BFQ's weight where the scheduler offers it, else io.weight (1..10000).
    let bfq = dir.join("io.bfq.weight").exists();
    let weight_file = if bfq { "io.bfq.weight" } else { "io.weight" };
    let weight = |w: u64| {
        if bfq {
            w
        } else {
            1 + (w.clamp(10, 1000) - 10) * 9999 / 990
        }
    };
    if let Some(w) = resources.blkio_weight.filter(|w| *w > 0) {
        files.push((weight_file, format!("default {}", weight(w))));
    }
    for device in &resources.blkio_weight_device {
        files.push((
            weight_file,
            format!("{} {}", device_number(device)?, weight(device.value)),
        ));
    }
    for (limits, key) in [
        (&resources.device_read_bps, "rbps"),
        (&resources.device_write_bps, "wbps"),
        (&resources.device_read_iops, "riops"),
        (&resources.device_write_iops, "wiops"),
    ] {
        for device in limits {
            files.push((
                "io.max",
                format!("{} {key}={}", device_number(device)?, device.value),
            ));
        }
    }
    Ok(files)
}

/// `MAJOR:MINOR` of the device a limit names.
fn device_number(device: &DeviceValue) -> Result<String, Error> {
    let path = Path::new(&device.path);
    let meta = fs::metadata(path).map_err(io_err("finding the device a limit names", path))?;
    let rdev = meta.rdev();
    Ok(format!(
        "{}:{}",
        nix::sys::stat::major(rdev),
        nix::sys::stat::minor(rdev)
    ))
}

/// rcon's own cgroup v2 path, from `/proc/self/cgroup` (`0::/PATH`).
fn own_cgroup() -> Option<String> {
    let text = fs::read_to_string("/proc/self/cgroup").ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix("0::"))
        .map(str::to_string)
}

fn is_cgroup2(path: &Path) -> bool {
    statfs(path).is_ok_and(|fs| fs.filesystem_type() == CGROUP2_SUPER_MAGIC)
}

/// A file's whitespace-separated words (`cgroup.controllers`).
fn words(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The value of `key` in a flat-keyed file (`cgroup.events`, `cpu.stat`).
fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(' ')?;
        (k == key).then_some(v.trim())
    })
}

fn event(path: &Path, key: &str) -> Option<String> {
    let text = fs::read_to_string(path).ok()?;
    field(&text, key).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_become_cgroup_v2_files() {
        let dir = crate::util::scratch::ScratchDir::new("rcon-cgroup");
        let resources = Resources {
            memory: Some(1 << 30),
            memory_swap: Some(3 << 30),
            memory_reservation: Some(419_430_400),
            cpu_shares: Some(512),
            cpu_period: Some(100_000),
            cpu_quota: Some(500_000),
            pids_limit: Some(0),
            blkio_weight: Some(321),
            device_read_bps: vec![DeviceValue {
                path: "/dev/zero".into(),
                value: 10 << 20,
            }],
            ..Resources::default()
        };
        let files = settings(&resources, dir.path()).unwrap();
        let value = |file: &str| {
            files
                .iter()
                .filter(|(f, _)| *f == file)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
                .join(";")
        };
        assert_eq!(value("memory.max"), "1073741824");
        assert_eq!(value("memory.swap.max"), "2147483648");
        assert_eq!(value("memory.low"), "419430400");
        // Podman's own test expects these for --cpu-shares 512 and --cpus 5.
        assert_eq!(value("cpu.weight"), "20");
        assert_eq!(value("cpu.max"), "500000 100000");
        assert_eq!(value("pids.max"), "max");
        assert_eq!(value("io.weight"), "default 3142");
        assert_eq!(value("io.max"), "1:5 rbps=10485760");
    }

    #[test]
    fn flat_keyed_files() {
        let text = "populated 1\nfrozen 0\n";
        assert_eq!(field(text, "frozen"), Some("0"));
        assert_eq!(field(text, "populated"), Some("1"));
        assert_eq!(field(text, "froze"), None);
    }
}
