//! Named volumes: plain directories under `<root>/volumes/`.
//!
//! ```text
//! volumes/<name>/_data/        what containers see
//! volumes/<name>/volume.json   Name, Driver, Mountpoint, CreatedAt, Labels, Options, Anonymous
//! volumes/.tmp-<pid>-<n>/      a volume being created, renamed to <name> when complete
//! volumes/.rm-<pid>-<n>/       a volume being removed, renamed away first
//! ```
//!
//! A volume appears and disappears by one `rename(2)`, so a process killed at
//! any moment leaves a complete volume or none; names starting with `.` are not
//! valid volume names, so work directories never collide with volumes, and
//! [`VolumeStore::prune`] sweeps those of processes that are gone.

use crate::events::{Event, Status as EventStatus};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};

use super::store::{Store, StoreLock};
use crate::util::fs::{IoError, io_err, write_atomic};

/// `dir` has no entry (one that cannot be read counts as having some:
/// nothing is copied into it).
fn is_empty(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid volume name {0:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    InvalidName(String),
    #[error("volume {0} already exists")]
    Exists(String),
    #[error("no volume named {0:?}; `rcon volume ls` lists them")]
    NotFound(String),
    #[error("volume {0} is in use by a container; remove the container first")]
    InUse(String),
    #[error("invalid volume option {key} for driver 'local': {problem}")]
    InvalidOption { key: String, problem: String },
    #[error("volume metadata {} is corrupt: {source}; remove that volume with `rcon volume rm`", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error(transparent)]
    Io(#[from] IoError),
}

impl crate::util::exit::ExitCode for Error {}

type Result<T> = std::result::Result<T, Error>;

/// `volume.json`, in the shape `podman volume inspect` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Volume {
    pub name: String,
    /// Always `local`: a directory in the store.
    pub driver: String,
    /// The absolute path of `_data`.
    pub mountpoint: PathBuf,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    /// Made for one container (`-v /path`), not by name.
    pub anonymous: bool,
    /// The image's content at the mount point is still to be copied in
    /// (while the volume is empty), as Podman's.
    #[serde(default)]
    pub needs_copy_up: bool,
    /// The volume is still to take the owner and mode of the image's mount
    /// point, at its first use.
    #[serde(default)]
    pub needs_chown: bool,
}

impl Volume {
    /// What a container's mount of this volume is backed by.
    pub fn backing(&self) -> Result<Backing> {
        Backing::from_options(&self.options)
    }
}

/// What the local driver puts at a container's mount of a volume, from
/// `volume create -o type=…,device=…,o=…` as Podman's local driver takes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backing {
    /// `_data`, the default.
    Directory,
    /// A fresh tmpfs for each container using it (rootless, nothing can be
    /// mounted on the host); the mount options from `o=`.
    Tmpfs { options: Vec<String> },
    /// `device=` bind-mounted (type=bind or o=bind); the other `o=` options kept.
    Bind {
        device: PathBuf,
        options: Vec<String>,
    },
}

impl Backing {
    /// Reads `volume create -o` options; `Err` names the key that is wrong.
    pub fn from_options(options: &BTreeMap<String, String>) -> Result<Backing> {
        let invalid = |key: &str, problem: String| Error::InvalidOption {
            key: key.to_string(),
            problem,
        };
        if let Some(key) = options
            .keys()
            .find(|k| !matches!(k.as_str(), "type" | "device" | "o"))
        {
            return Err(invalid(
                key,
                "rcon's local driver takes type, device and o".into(),
            ));
        }
        let mut mount_options: Vec<String> = options
            .get("o")
            .map(|o| {
                o.split(',')
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let is_bind = |o: &String| o == "bind" || o == "rbind";
        let bind_in_o = mount_options.iter().any(is_bind);
        let kind = options.get("type").map(String::as_str);
        let bind = kind == Some("bind") || (matches!(kind, None | Some("none")) && bind_in_o);
        if bind {
            let device = options
                .get("device")
                .ok_or_else(|| invalid("device", "a bind volume needs device=PATH".into()))?;
            mount_options.retain(|o| !is_bind(o));
            return Ok(Backing::Bind {
                device: PathBuf::from(device),
                options: mount_options,
            });
        }
        match kind {
            Some("tmpfs") => Ok(Backing::Tmpfs {
                options: mount_options,
            }),
            None if options.is_empty() => Ok(Backing::Directory),
            None | Some("none") => Err(invalid(
                "type",
                "give type=tmpfs, or type=bind with device=PATH".into(),
            )),
            Some(other) => Err(invalid(
                "type",
                format!("{other}: a rootless engine mounts only tmpfs and bind volumes"),
            )),
        }
    }
}

/// Checks that a bind volume's `device` is a directory the user can read and
/// search: it is bind-mounted inside rcon's user namespace, so this grants
/// nothing the user lacks, and a path they cannot use is refused here rather
/// than at every run.
fn check_device(device: &Path) -> Result<()> {
    let invalid = |problem: String| Error::InvalidOption {
        key: "device".into(),
        problem,
    };
    let go_style = |errno: nix::errno::Errno| errno.desc().to_lowercase();
    if let Err(e) = fs::metadata(device) {
        let errno = nix::errno::Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO));
        return Err(invalid(format!(
            "stat {}: {}",
            device.display(),
            go_style(errno)
        )));
    }
    let access = nix::unistd::AccessFlags::R_OK | nix::unistd::AccessFlags::X_OK;
    nix::unistd::access(device, access).map_err(|errno| {
        invalid(format!(
            "{}: {}; give a directory you can read",
            device.display(),
            go_style(errno)
        ))
    })
}

/// The keys `volume ls --filter` takes besides `name` and `label`.
pub const FILTER_KEYS: &[&str] = &["driver"];

impl crate::filter::Subject for Volume {
    type Term = String;
    fn name(&self) -> &str {
        &self.name
    }
    fn label(&self, key: &str) -> Option<&str> {
        self.labels.get(key).map(String::as_str)
    }
    fn passes(&self, key: &str, value: &String) -> bool {
        key == "driver" && *value == self.driver
    }
}

/// The volumes under one storage root.
#[derive(Debug, Clone)]
pub struct VolumeStore {
    dir: PathBuf,
}

static TEMP_COUNTER: AtomicU32 = AtomicU32::new(0);

/// Podman's rule for volume names: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
pub fn valid_volume_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// A fresh random volume name: 64 hex characters, as Podman gives anonymous volumes.
pub fn random_name() -> Result<String> {
    let mut bytes = [0u8; 32];
    let path = Path::new("/dev/urandom");
    File::open(path)
        .and_then(|mut f| io::Read::read_exact(&mut f, &mut bytes))
        .map_err(io_err("reading", path))?;
    Ok(hex::encode(bytes))
}

static CONFIGURED_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Says where this process keeps named volumes (`--volumepath`, absolute),
/// instead of the store root's `volumes`. Set once by the front end, as
/// [`events::configure`](crate::events::configure); a forked monitor inherits it.
pub fn configure(dir: &Path) {
    let _ = CONFIGURED_DIR.set(dir.to_path_buf());
}

impl VolumeStore {
    /// Opens (creating if needed) the volume directory: the configured one,
    /// else the `volumes` directory of `store`.
    /// Removals happen under the store's lock, so that a container recording
    /// (under the same lock) that it uses a volume never loses it between its
    /// check and its record.
    pub fn open(store: &Store) -> Result<VolumeStore> {
        let root = store.root();
        let dir = match CONFIGURED_DIR.get() {
            Some(dir) => dir.clone(),
            None => std::path::absolute(root.join("volumes")).map_err(io_err("resolving", root))?,
        };
        // 0700 even where the store root's mode was widened: volumes hold user data.
        crate::config::make_private_dir(&dir)
            .map_err(|problem| io_err("creating", &dir)(problem.into()))?;
        Ok(VolumeStore { dir })
    }

    /// Creates a volume: `name`, or a random 64-hex one when `None`.
    pub fn create(
        &self,
        name: Option<&str>,
        labels: BTreeMap<String, String>,
        anonymous: bool,
    ) -> Result<Volume> {
        self.create_with_options(name, labels, BTreeMap::new(), anonymous)
    }

    /// Creates a volume with the local driver's options (`volume create -o`),
    /// checked before anything is written.
    pub fn create_with_options(
        &self,
        name: Option<&str>,
        labels: BTreeMap<String, String>,
        options: BTreeMap<String, String>,
        anonymous: bool,
    ) -> Result<Volume> {
        let backing = Backing::from_options(&options)?;
        if let Backing::Bind { device, .. } = &backing {
            check_device(device)?;
        }
        // Only a directory of the store's takes anything from an image.
        let from_image = backing == Backing::Directory;
        let name = match name {
            Some(name) if valid_volume_name(name) => name.to_string(),
            Some(name) => return Err(Error::InvalidName(name.to_string())),
            None => random_name()?,
        };
        let target = self.dir.join(&name);
        if target.exists() {
            return Err(Error::Exists(name));
        }
        let volume = Volume {
            mountpoint: target.join("_data"),
            name,
            driver: "local".into(),
            created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            labels,
            options,
            anonymous,
            needs_copy_up: from_image,
            needs_chown: from_image,
        };
        let temp = self.work_dir("tmp");
        let build = || -> io::Result<()> {
            fs::create_dir(&temp)?;
            fs::create_dir(temp.join("_data"))?;
            let mut file = File::create(temp.join("volume.json"))?;
            file.write_all(&serde_json::to_vec_pretty(&volume).expect("volumes serialise"))?;
            file.sync_all()?;
            File::open(&temp)?.sync_all()
        };
        if let Err(e) = build() {
            let _ = fs::remove_dir_all(&temp);
            return Err(Error::Io(IoError::new("creating volume in", temp, e)));
        }
        match fs::rename(&temp, &target) {
            Ok(()) => {
                Event::volume(EventStatus::Create, &volume.name).record();
                Ok(volume)
            }
            Err(e) => {
                let _ = fs::remove_dir_all(&temp);
                // A concurrent create of the same name won the rename.
                if matches!(e.raw_os_error(), Some(libc::ENOTEMPTY | libc::EEXIST)) {
                    Err(Error::Exists(volume.name))
                } else {
                    Err(Error::Io(IoError::new("storing volume", target, e)))
                }
            }
        }
    }

    /// The volume called `name`, created if missing: what `run -v NAME:/path`
    /// does (Podman creates named volumes on first use). Safe against a
    /// concurrent creation of the same name.
    pub fn ensure(&self, name: &str) -> Result<Volume> {
        match self.get(name) {
            Err(Error::NotFound(_)) => match self.create(Some(name), BTreeMap::new(), false) {
                Err(Error::Exists(_)) => self.get(name),
                created => created,
            },
            found => found,
        }
    }

    /// The volume called `name`.
    pub fn get(&self, name: &str) -> Result<Volume> {
        if !valid_volume_name(name) {
            return Err(Error::NotFound(name.to_string()));
        }
        let path = self.dir.join(name).join("volume.json");
        match fs::read(&path) {
            Ok(bytes) => {
                let mut volume: Volume = serde_json::from_slice(&bytes)
                    .map_err(|source| Error::Corrupt { path, source })?;
                // Content put in some other way needs none of the image's.
                volume.needs_copy_up &= is_empty(&volume.mountpoint);
                Ok(volume)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(Error::NotFound(name.into())),
            Err(e) => Err(Error::Io(IoError::new("reading", path, e))),
        }
    }

    /// What a container mounting volume `name` is to take from its image at
    /// the mount point: `(content, owner)`, recorded as done (the owner is
    /// taken at the first use; the content while the volume is empty).
    pub fn first_use(&self, name: &str) -> Result<(bool, bool)> {
        let volume = self.get(name)?;
        let wanted = (volume.needs_copy_up, volume.needs_chown);
        let stored = self.dir.join(name).join("volume.json");
        let recorded: Volume = match fs::read(&stored) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|source| Error::Corrupt {
                path: stored.clone(),
                source,
            })?,
            Err(e) => return Err(Error::Io(IoError::new("reading", stored, e))),
        };
        if recorded.needs_chown || recorded.needs_copy_up != volume.needs_copy_up {
            let done = Volume {
                needs_chown: false,
                ..volume
            };
            let bytes = serde_json::to_vec_pretty(&done).expect("volumes serialise");
            write_atomic(&stored, &bytes)?;
        }
        Ok(wanted)
    }

    /// Every volume, by name.
    pub fn list(&self) -> Result<Vec<Volume>> {
        let mut volumes = Vec::new();
        for entry in fs::read_dir(&self.dir)
            .map_err(io_err("reading", &self.dir))?
            .flatten()
        {
            let name = entry.file_name();
            let Some(name) = name.to_str().filter(|n| valid_volume_name(n)) else {
                continue;
            };
            match self.get(name) {
                Ok(volume) => volumes.push(volume),
                // Removed by another process since read_dir.
                Err(Error::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        volumes.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(volumes)
    }

    /// Removes a volume and its data, unless a container uses it.
    pub fn remove(
        &self,
        _lock: &StoreLock,
        name: &str,
        is_in_use: &dyn Fn(&str) -> bool,
    ) -> Result<()> {
        self.get(name)?;
        if is_in_use(name) {
            return Err(Error::InUse(name.to_string()));
        }
        let dir = self.dir.join(name);
        let doomed = self.work_dir("rm");
        match fs::rename(&dir, &doomed) {
            Ok(()) => {
                Event::volume(EventStatus::Remove, name).record();
                Ok(fs::remove_dir_all(&doomed).map_err(io_err("removing", &doomed))?)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(Error::NotFound(name.into())),
            Err(e) => Err(Error::Io(IoError::new("removing", dir, e))),
        }
    }

    /// Removes every volume no container uses, and the work directories of
    /// processes that are gone. Returns the names removed.
    pub fn prune(&self, lock: &StoreLock, is_in_use: &dyn Fn(&str) -> bool) -> Result<Vec<String>> {
        self.sweep_work_dirs();
        let mut removed = Vec::new();
        for volume in self.list()? {
            if !is_in_use(&volume.name) {
                self.remove(lock, &volume.name, is_in_use)?;
                removed.push(volume.name);
            }
        }
        Ok(removed)
    }

    /// `.tmp-<pid>-<n>` or `.rm-<pid>-<n>`: a name no volume can have.
    fn work_dir(&self, what: &str) -> PathBuf {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        self.dir.join(format!(".{what}-{}-{n}", std::process::id()))
    }

    fn sweep_work_dirs(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(rest) = name
                .to_str()
                .and_then(|n| n.strip_prefix(".tmp-").or_else(|| n.strip_prefix(".rm-")))
            else {
                continue;
            };
            let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
            let running = pid.is_some_and(|pid| Path::new(&format!("/proc/{pid}")).exists());
            if !running {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::util::scratch::ScratchDir;

    #[test]
    fn names_follow_podman() {
        for good in ["a", "A1", "data.v1", "x_y-z", "0"] {
            assert!(valid_volume_name(good), "{good}");
        }
        for bad in ["", "-a", "_a", ".a", "a/b", "a:b", "a b", "ä"] {
            assert!(!valid_volume_name(bad), "{bad}");
        }
        let name = random_name().unwrap();
        assert_eq!(name.len(), 64);
        assert!(name.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(name, random_name().unwrap());
    }

    #[test]
    fn create_list_get_remove() {
        let scratch = ScratchDir::new("volume-crud");
        let store = Store::open(&scratch.0).unwrap();
        let volumes = VolumeStore::open(&store).unwrap();
        let labels = BTreeMap::from([("a".to_string(), "b".to_string())]);
        let volume = volumes.create(Some("web"), labels.clone(), false).unwrap();
        assert_eq!(volume.mountpoint, scratch.0.join("volumes/web/_data"));
        assert!(volume.mountpoint.is_dir());
        assert_eq!(volume.driver, "local");
        assert!(matches!(
            volumes.create(Some("web"), BTreeMap::new(), false),
            Err(Error::Exists(n)) if n == "web"
        ));
        assert!(matches!(
            volumes.create(Some("../x"), BTreeMap::new(), false),
            Err(Error::InvalidName(_))
        ));
        assert_eq!(volumes.ensure("web").unwrap(), volume, "ensure finds it");
        let ensured = volumes.ensure("on-demand").unwrap();
        assert!(ensured.mountpoint.is_dir());
        assert_eq!(volumes.get("on-demand").unwrap(), ensured);
        assert!(matches!(volumes.ensure("a/b"), Err(Error::InvalidName(_))));
        volumes
            .remove(&store.lock().unwrap(), "on-demand", &|_| false)
            .unwrap();
        let anonymous = volumes.create(None, BTreeMap::new(), true).unwrap();
        assert_eq!(anonymous.name.len(), 64);
        assert!(anonymous.anonymous);
        let listed: Vec<String> = volumes
            .list()
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect();
        let mut expected = vec![anonymous.name.clone(), "web".to_string()];
        expected.sort();
        assert_eq!(listed, expected);
        assert_eq!(volumes.get("web").unwrap().labels, labels);
        assert!(matches!(volumes.get("nope"), Err(Error::NotFound(_))));

        let lock = store.lock().unwrap();
        let in_use = |name: &str| name == "web";
        assert!(matches!(
            volumes.remove(&lock, "web", &in_use),
            Err(Error::InUse(_))
        ));
        volumes.remove(&lock, "web", &|_| false).unwrap();
        assert!(!scratch.0.join("volumes/web").exists());
        assert!(matches!(
            volumes.remove(&lock, "web", &|_| false),
            Err(Error::NotFound(_))
        ));
    }

    #[test]
    fn filters_match_name_label_and_driver() {
        let volume = |name: &str, labels: &[(&str, &str)]| Volume {
            name: name.into(),
            driver: "local".into(),
            mountpoint: PathBuf::new(),
            created_at: String::new(),
            labels: labels
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            options: BTreeMap::new(),
            anonymous: false,
            needs_copy_up: false,
            needs_chown: false,
        };
        let web = volume("web-data", &[("app", "web"), ("tier", "")]);
        let db = volume("db", &[("app", "db")]);
        let pass = |filters: &[&str]| -> Vec<String> {
            let filters: Vec<String> = filters.iter().map(|f| f.to_string()).collect();
            let filter = crate::filter::Filter::parse("volume", FILTER_KEYS, &filters).unwrap();
            [&web, &db]
                .into_iter()
                .filter(|v| filter.matches(*v))
                .map(|v| v.name.clone())
                .collect()
        };
        assert_eq!(pass(&[]), ["web-data", "db"]);
        assert_eq!(pass(&["name=web"]), ["web-data"]);
        assert_eq!(pass(&["name=^d"]), ["db"]);
        assert_eq!(pass(&["name=web", "name=db"]), ["web-data", "db"]);
        assert_eq!(pass(&["label=tier"]), ["web-data"]);
        assert_eq!(pass(&["label=app=db"]), ["db"]);
        // Every label term must pass, as in Podman (they were alternatives).
        assert_eq!(pass(&["label=app", "label=tier"]), ["web-data"]);
        assert_eq!(
            pass(&["label=app=web", "label=app=db"]),
            Vec::<String>::new()
        );
        assert_eq!(pass(&["name=web", "label=app=db"]), Vec::<String>::new());
        assert_eq!(pass(&["driver=local"]), ["web-data", "db"]);
        assert_eq!(pass(&["driver=nfs"]), Vec::<String>::new());
        let bad = crate::filter::Filter::parse("volume", FILTER_KEYS, &["id=1".to_string()]);
        assert!(bad.is_err(), "volumes have no IDs");
    }

    #[test]
    fn prune_keeps_volumes_in_use_and_sweeps_dead_work_dirs() {
        let scratch = ScratchDir::new("volume-prune");
        let store = Store::open(&scratch.0).unwrap();
        let volumes = VolumeStore::open(&store).unwrap();
        for name in ["keep", "drop1", "drop2"] {
            volumes.create(Some(name), BTreeMap::new(), false).unwrap();
        }
        // A work dir of a process that no longer exists (PID beyond pid_max).
        let stale = scratch.0.join("volumes/.tmp-99999999-0");
        fs::create_dir_all(stale.join("_data")).unwrap();
        let lock = store.lock().unwrap();
        let removed = volumes.prune(&lock, &|name| name == "keep").unwrap();
        assert_eq!(removed, ["drop1", "drop2"]);
        assert!(!stale.exists());
        let left: Vec<String> = volumes
            .list()
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(left, ["keep"]);
    }
}
