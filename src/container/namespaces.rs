//! The IPC and UTS namespaces a container gets (`--ipc`, and a pod's
//! sharing of both), as records keep them, and what the runtime makes of
//! them at start: a namespace of its own, the host's, or another running
//! container's.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Error;
use super::store::{Containers, Status};
use crate::runtime::{Ipc, Mount, Uts};

/// `--ipc`, Podman's modes. Records hold it as its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum IpcMode {
    /// Its own namespace, which others may join (Podman's default).
    #[default]
    Shareable,
    /// Its own namespace, which no other container may join.
    Private,
    /// Its own namespace without /dev/shm.
    None,
    /// rcon's own: the host's.
    Host,
    /// Another container's (its ID once created).
    Container(String),
    /// An existing namespace by path.
    Path(PathBuf),
}

impl IpcMode {
    pub fn parse(text: &str) -> Result<IpcMode, Error> {
        Ok(match text.split_once(':') {
            None if text.is_empty() || text == "shareable" => IpcMode::Shareable,
            None if text == "private" => IpcMode::Private,
            None if text == "none" => IpcMode::None,
            None if text == "host" => IpcMode::Host,
            Some(("container", name)) if !name.is_empty() => IpcMode::Container(name.into()),
            Some(("ns", path)) if path.starts_with('/') => IpcMode::Path(path.into()),
            _ => {
                return Err(Error::Invalid(format!(
                    "invalid --ipc {text:?}: use host, private, shareable, none, container:NAME or ns:PATH"
                )));
            }
        })
    }
}

impl std::fmt::Display for IpcMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IpcMode::Shareable => f.write_str("shareable"),
            IpcMode::Private => f.write_str("private"),
            IpcMode::None => f.write_str("none"),
            IpcMode::Host => f.write_str("host"),
            IpcMode::Container(id) => write!(f, "container:{id}"),
            IpcMode::Path(path) => write!(f, "ns:{}", path.display()),
        }
    }
}

impl TryFrom<String> for IpcMode {
    type Error = Error;
    fn try_from(text: String) -> Result<IpcMode, Error> {
        IpcMode::parse(&text)
    }
}

impl From<IpcMode> for String {
    fn from(mode: IpcMode) -> String {
        mode.to_string()
    }
}

/// The UTS namespace: its own (with the container's hostname) or another
/// container's (a pod's infra container's, by ID).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UtsMode {
    #[default]
    Private,
    Container(String),
}

/// The directory in a pod's infra container holding the pod's /dev/shm: a
/// tmpfs mounted in rcon's own mount namespace (which every rcon command
/// joins), so it outlives any one member and is bound into each.
const POD_SHM: &str = "shm";

/// The running container `name`'s first process, or why it cannot be joined.
fn running_pid(containers: &Containers, name: &str, flag: &str) -> Result<i32, Error> {
    let other = containers.find(name)?;
    let state = containers.state(&other.id)?;
    if state.status != Status::Running || state.pid <= 0 {
        return Err(Error::Invalid(format!(
            "{flag} container:{name}: that container is not running"
        )));
    }
    Ok(state.pid)
}

/// Checks at create that `--ipc container:NAME` names a container that
/// lets others join (Podman's words), and records it by ID.
pub fn resolve_ipc(containers: &Containers, mode: &IpcMode) -> Result<IpcMode, Error> {
    let IpcMode::Container(name) = mode else {
        return Ok(mode.clone());
    };
    let donor = containers.find(name)?;
    if donor.config.ipc != IpcMode::Shareable {
        return Err(Error::Invalid(format!(
            "container {name}: is not allowed: non-shareable IPC (hint: use IpcMode:shareable for the donor container)"
        )));
    }
    Ok(IpcMode::Container(donor.id))
}

/// What the runtime makes of `mode` at start, and the mount of a pod's
/// shared /dev/shm when it joins (or is) a pod's infra container (`dir`:
/// the container's own directory).
pub fn ipc_for(
    containers: &Containers,
    mode: &IpcMode,
    infra: bool,
    dir: &Path,
) -> Result<(Ipc, Option<Mount>), Error> {
    Ok(match mode {
        IpcMode::Shareable | IpcMode::Private if infra => (Ipc::Private, Some(pod_shm(dir)?)),
        IpcMode::Shareable | IpcMode::Private => (Ipc::Private, None),
        IpcMode::None => (Ipc::NoShm, None),
        IpcMode::Host => (Ipc::Host, None),
        IpcMode::Path(path) => (Ipc::Join(path.clone()), None),
        IpcMode::Container(id) => {
            let pid = running_pid(containers, id, "--ipc")?;
            let donor = containers.find(id)?;
            let shm = donor
                .config
                .infra
                .then(|| shm_mount(containers.dir(&donor.id).join(POD_SHM)));
            (Ipc::Join(PathBuf::from(format!("/proc/{pid}/ns/ipc"))), shm)
        }
    })
}

/// The UTS namespace the runtime makes or joins.
pub fn uts_for(containers: &Containers, mode: &UtsMode) -> Result<Uts, Error> {
    Ok(match mode {
        UtsMode::Private => Uts::Private,
        UtsMode::Container(id) => {
            let pid = running_pid(containers, id, "--uts")?;
            Uts::Join(PathBuf::from(format!("/proc/{pid}/ns/uts")))
        }
    })
}

fn shm_mount(source: PathBuf) -> Mount {
    Mount {
        nosuid: true,
        nodev: true,
        noexec: true,
        ..Mount::bind(source, "/dev/shm")
    }
}

/// The pod's /dev/shm in the infra container's directory `dir`, mounted
/// (a tmpfs of Podman's default size, 1777 as /dev/shm is) unless it is
/// already: a restarted pod keeps what its members left there.
fn pod_shm(dir: &Path) -> Result<Mount, Error> {
    let path = dir.join(POD_SHM);
    let io = |e: nix::Error| Error::Files {
        what: format!("mounting the pod's /dev/shm at {}", path.display()),
        source: e.into(),
    };
    std::fs::create_dir_all(&path).map_err(|e| Error::Files {
        what: format!("creating the pod's /dev/shm at {}", path.display()),
        source: e,
    })?;
    let mounted = nix::sys::statfs::statfs(&path)
        .map_err(io)?
        .filesystem_type()
        == nix::sys::statfs::TMPFS_MAGIC
        && nix::sys::stat::stat(&path).map_err(io)?.st_dev
            != nix::sys::stat::stat(dir).map_err(io)?.st_dev;
    if !mounted {
        nix::mount::mount(
            Some("shm"),
            &path,
            Some("tmpfs"),
            nix::mount::MsFlags::MS_NOSUID
                | nix::mount::MsFlags::MS_NODEV
                | nix::mount::MsFlags::MS_NOEXEC,
            Some("mode=1777,size=65536k"),
        )
        .map_err(io)?;
    }
    Ok(shm_mount(path))
}

/// Unmounts a pod's /dev/shm before its infra container's directory goes.
pub fn release_pod_shm(dir: &Path) {
    let path = dir.join(POD_SHM);
    if path.exists() {
        let _ = nix::mount::umount2(&path, nix::mount::MntFlags::MNT_DETACH);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipc_modes_parse_and_print_as_given() {
        for text in [
            "shareable",
            "private",
            "none",
            "host",
            "container:web",
            "ns:/proc/1/ns/ipc",
        ] {
            assert_eq!(IpcMode::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(IpcMode::parse("").unwrap(), IpcMode::Shareable);
        for bad in ["bogus", "container:", "ns:relative"] {
            assert!(
                IpcMode::parse(bad)
                    .unwrap_err()
                    .to_string()
                    .contains("invalid --ipc")
            );
        }
    }
}
