//! Where rcon keeps its files: the storage root and the runtime directory.

use std::fs::{self, DirBuilder};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::userns::HostUser;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot find the home directory (HOME is unset); set HOME or pass --root")]
    NoHome,
    #[error(
        "refusing to use {}: it belongs to uid {owner}, not to you (uid {uid}); remove it or set XDG_RUNTIME_DIR to a directory of your own",
        path.display()
    )]
    ForeignRuntimeDir { path: PathBuf, owner: u32, uid: u32 },
    #[error("refusing to use {}: it is not a directory", path.display())]
    NotADirectory { path: PathBuf },
    #[error("creating {}: {source}", path.display())]
    Create { path: PathBuf, source: io::Error },
}

impl crate::util::exit::ExitCode for Error {}

/// The storage root and runtime directory in force for this invocation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Paths {
    /// Images, layers, containers (`--root`).
    pub root: PathBuf,
    /// Pause pid, container state, sockets (`--runroot`).
    pub runroot: PathBuf,
    /// Named volumes (`--volumepath`; default `<root>/volumes`).
    pub volume_path: PathBuf,
}

impl Paths {
    /// Resolves the directories from the flags, the XDG variables and the
    /// defaults. Returns warnings for the user as well (an unusable XDG_RUNTIME_DIR).
    pub fn resolve(
        root: Option<PathBuf>,
        runroot: Option<PathBuf>,
        volume_path: Option<PathBuf>,
        user: &HostUser,
    ) -> Result<(Paths, Vec<String>), Error> {
        let root = match root {
            Some(root) => absolute(root),
            None => directories::BaseDirs::new()
                .ok_or(Error::NoHome)?
                .data_dir()
                .join("rcon"),
        };
        let mut warnings = Vec::new();
        let runroot = match runroot {
            Some(runroot) => absolute(runroot),
            None => default_runroot(user, &mut warnings),
        };
        let volume_path = volume_path.map_or_else(|| root.join("volumes"), absolute);
        Ok((
            Paths {
                root,
                runroot,
                volume_path,
            },
            warnings,
        ))
    }

    /// Creates the runtime directory (0700) if needed and checks it is ours.
    pub fn ensure_runroot(&self) -> Result<(), Error> {
        ensure_private_dir(&self.runroot)
    }
}

fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// `$XDG_RUNTIME_DIR/rcon` when that directory is usable, else `/tmp/rcon-$UID`.
fn default_runroot(user: &HostUser, warnings: &mut Vec<String>) -> PathBuf {
    let fallback = PathBuf::from(format!("/tmp/rcon-{}", user.uid));
    let Some(xdg) = std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) else {
        return fallback;
    };
    let xdg = PathBuf::from(xdg);
    match runtime_dir_problem(&xdg) {
        None => xdg.join("rcon"),
        Some(problem) => {
            warnings.push(format!(
                "XDG_RUNTIME_DIR={} {problem}; using {} instead (fix: sudo loginctl enable-linger {} and log in again, or unset XDG_RUNTIME_DIR)",
                xdg.display(),
                fallback.display(),
                user.name
            ));
            fallback
        }
    }
}

/// Why a directory cannot serve as XDG_RUNTIME_DIR, if it cannot.
pub fn runtime_dir_problem(dir: &Path) -> Option<String> {
    let euid = nix::unistd::geteuid().as_raw();
    match fs::metadata(dir) {
        Err(e) => Some(format!("is not usable ({e})")),
        Ok(m) if !m.is_dir() => Some("is not a directory".into()),
        Ok(m) if m.uid() != euid => Some(format!("belongs to uid {}, not to you", m.uid())),
        Ok(_) if nix::unistd::access(dir, nix::unistd::AccessFlags::W_OK).is_err() => {
            Some("is not writable".into())
        }
        Ok(_) => None,
    }
}

/// Creates the runtime directory `path` (0700) unless it exists, makes an
/// existing one 0700; refuses one that is not a directory or belongs to
/// somebody else (a planted /tmp/rcon-$UID).
pub fn ensure_private_dir(path: &Path) -> Result<(), Error> {
    make_private_dir(path).map_err(|problem| match problem {
        NotPrivate::Foreign { owner, uid } => Error::ForeignRuntimeDir {
            path: path.into(),
            owner,
            uid,
        },
        NotPrivate::NotADirectory => Error::NotADirectory { path: path.into() },
        NotPrivate::Io(source) => Error::Create {
            path: path.into(),
            source,
        },
    })
}

/// Why a directory cannot be one private to this user.
#[derive(Debug)]
pub enum NotPrivate {
    /// It belongs to `owner`, not to `uid` (this process's effective UID).
    Foreign {
        owner: u32,
        uid: u32,
    },
    NotADirectory,
    /// Creating, examining or changing its mode failed.
    Io(io::Error),
}

impl From<NotPrivate> for io::Error {
    fn from(problem: NotPrivate) -> io::Error {
        match problem {
            NotPrivate::Foreign { owner, .. } => io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("it belongs to another user (uid {owner})"),
            ),
            NotPrivate::NotADirectory => io::ErrorKind::NotADirectory.into(),
            NotPrivate::Io(e) => e,
        }
    }
}

/// Makes `path` a directory only its owner can enter, as Podman keeps its
/// storage: created with mode 0700 (missing parents too), or an existing
/// one of this user's given mode 0700 (stores made before rcon did this were
/// 0755, open to every local user). One that is not a directory, or is
/// somebody else's, is refused and left as it is.
pub fn make_private_dir(path: &Path) -> Result<(), NotPrivate> {
    match DirBuilder::new().mode(0o700).create(path) {
        Ok(()) => return Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return DirBuilder::new()
                .mode(0o700)
                .recursive(true)
                .create(path)
                .map_err(NotPrivate::Io);
        }
        Err(e) => return Err(NotPrivate::Io(e)),
    }
    let meta = fs::symlink_metadata(path).map_err(NotPrivate::Io)?;
    if !meta.is_dir() {
        return Err(NotPrivate::NotADirectory);
    }
    let uid = nix::unistd::geteuid().as_raw();
    if meta.uid() != uid {
        return Err(NotPrivate::Foreign {
            owner: meta.uid(),
            uid,
        });
    }
    if meta.mode() & 0o077 != 0 {
        log::debug!(
            "{} had mode {:o}; making it 0700",
            path.display(),
            meta.mode() & 0o7777
        );
        fs::set_permissions(path, fs::Permissions::from_mode(0o700)).map_err(NotPrivate::Io)?;
    }
    Ok(())
}

/// What rcon takes from Podman's containers.conf (`[engine]`), so a user
/// configures once: where events go, the OCI runtime named.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct EngineConf {
    /// `events_logger`: `file`, `journald` or `none`.
    pub events_logger: Option<String>,
    /// `events_logfile_path`.
    pub events_logfile_path: Option<PathBuf>,
    /// `events_logfile_max_size` in bytes (0: no limit).
    pub events_logfile_max_size: Option<u64>,
    /// `infra_image`: pods' infra containers run it instead of rcon's pause.
    pub infra_image: Option<String>,
    /// `runtime`: checked with [`check_runtime`].
    pub runtime: Option<String>,
}

/// The `[engine]` keys read, as containers.conf spells them.
#[derive(Debug, Default, serde::Deserialize)]
struct ConfFile {
    #[serde(default)]
    engine: EngineTable,
}

#[derive(Debug, Default, serde::Deserialize)]
struct EngineTable {
    events_logger: Option<String>,
    events_logfile_path: Option<PathBuf>,
    events_logfile_max_size: Option<toml::Value>,
    infra_image: Option<String>,
    runtime: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfError {
    #[error("reading {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("parsing {}: {message}", path.display())]
    Parse { path: PathBuf, message: String },
}

impl EngineConf {
    /// Podman's files in its order, later ones overriding: only
    /// `$CONTAINERS_CONF` when set, else `/usr/share/containers/`,
    /// `/etc/containers/` and the user's `$XDG_CONFIG_HOME/containers/`
    /// `containers.conf`. Missing files are skipped; a file whose lines
    /// name no key rcon reads is not parsed (the shipped one is long and all
    /// comments).
    pub fn load() -> Result<EngineConf, ConfError> {
        let mut conf = EngineConf::default();
        for (path, text) in conf_texts(&["events_log", "infra_image", "runtime"])? {
            conf.merge(&text)
                .map_err(|message| ConfError::Parse { path, message })?;
        }
        Ok(conf)
    }

    fn merge(&mut self, text: &str) -> Result<(), String> {
        let file: ConfFile = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let engine = file.engine;
        if engine.events_logger.is_some() {
            self.events_logger = engine.events_logger;
        }
        if engine.events_logfile_path.is_some() {
            self.events_logfile_path = engine.events_logfile_path;
        }
        if engine.infra_image.is_some() {
            self.infra_image = engine.infra_image;
        }
        if engine.runtime.is_some() {
            self.runtime = engine.runtime;
        }
        if let Some(size) = engine.events_logfile_max_size {
            self.events_logfile_max_size = Some(match size {
                toml::Value::Integer(n) => u64::try_from(n).map_err(|_| {
                    format!("events_logfile_max_size {n}: give a size of 0 or more")
                })?,
                toml::Value::String(text) => parse_size(&text).ok_or_else(|| {
                    format!(
                        "events_logfile_max_size {text:?}: give a size such as 4096, 500k or 1m"
                    )
                })?,
                other => {
                    return Err(format!(
                        "events_logfile_max_size {other}: give a size such as 4096, 500k or 1m"
                    ));
                }
            });
        }
        Ok(())
    }
}

/// The containers.conf files to read, in Podman's order, later ones
/// overriding: only `$CONTAINERS_CONF` when set, else `/usr/share/containers/`,
/// `/etc/containers/` and the user's `$XDG_CONFIG_HOME/containers/`
/// `containers.conf`; with their text. Missing files are skipped, and so is
/// a file none of whose lines starts with one of `keys` (the shipped one is
/// long and all comments).
fn conf_texts(keys: &[&str]) -> Result<Vec<(PathBuf, String)>, ConfError> {
    Ok(conf_files()?
        .iter()
        .filter(|(_, text)| {
            text.lines().any(|line| {
                let line = line.trim_start();
                keys.iter().any(|key| line.starts_with(key))
            })
        })
        .cloned()
        .collect())
}

/// Every containers.conf file there is, read once per process: a `run`
/// asks for the engine's and the containers' settings in several places
/// (as Podman, a process reads its configuration once).
fn conf_files() -> Result<&'static [(PathBuf, String)], ConfError> {
    static FILES: std::sync::OnceLock<Vec<(PathBuf, String)>> = std::sync::OnceLock::new();
    if let Some(files) = FILES.get() {
        return Ok(files);
    }
    let paths = match std::env::var_os("CONTAINERS_CONF").filter(|v| !v.is_empty()) {
        Some(file) => vec![PathBuf::from(file)],
        None => {
            let mut files = vec![
                PathBuf::from("/usr/share/containers/containers.conf"),
                PathBuf::from("/etc/containers/containers.conf"),
            ];
            if let Some(dirs) = directories::BaseDirs::new() {
                files.push(dirs.config_dir().join("containers/containers.conf"));
            }
            files
        }
    };
    let mut texts = Vec::new();
    for path in paths {
        match fs::read_to_string(&path) {
            Ok(text) => texts.push((path, text)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(source) => return Err(ConfError::Read { path, source }),
        }
    }
    Ok(FILES.get_or_init(|| texts))
}

/// What new containers take from containers.conf: `[containers]` `userns`,
/// `base_hosts_file`, `host_containers_internal_ip` and `[engine]`
/// `image_volume_mode`, as Podman reads them.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ContainerDefaults {
    pub userns: Option<String>,
    pub base_hosts_file: Option<PathBuf>,
    pub host_containers_internal_ip: Option<String>,
    pub image_volume_mode: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
struct DefaultsFile {
    #[serde(default)]
    containers: ContainerDefaults,
    #[serde(default)]
    engine: ContainerDefaults,
}

impl ContainerDefaults {
    pub fn load() -> Result<ContainerDefaults, ConfError> {
        let mut conf = ContainerDefaults::default();
        let keys = [
            "userns",
            "base_hosts_file",
            "host_containers_internal_ip",
            "image_volume_mode",
        ];
        for (path, text) in conf_texts(&keys)? {
            let file: DefaultsFile = toml::from_str(&text).map_err(|e| ConfError::Parse {
                path,
                message: e.message().to_string(),
            })?;
            conf.merge(file.containers);
            conf.image_volume_mode = file.engine.image_volume_mode.or(conf.image_volume_mode);
        }
        Ok(conf)
    }

    fn merge(&mut self, later: ContainerDefaults) {
        self.userns = later.userns.or(self.userns.take());
        self.base_hosts_file = later.base_hosts_file.or(self.base_hosts_file.take());
        self.host_containers_internal_ip = later
            .host_containers_internal_ip
            .or(self.host_containers_internal_ip.take());
    }
}

/// Where Podman looks for an OCI runtime given by name.
const RUNTIME_DIRS: &[&str] = &[
    "/usr/local/bin",
    "/usr/local/sbin",
    "/usr/bin",
    "/usr/sbin",
    "/bin",
    "/sbin",
];

/// Checks an OCI runtime named with `--runtime` or containers.conf. rcon
/// runs every container with its own runtime, built in (`rcon`); a name
/// Podman would find (an OCI runtime such as crun or runc in `$PATH` or
/// the usual directories) or an existing path is accepted, so scripts
/// written for Podman go on working; anything else is refused in Podman's
/// words, as it would be there.
pub fn check_runtime(name: &str) -> Result<(), String> {
    let found = if name.is_empty() || name == "rcon" {
        true
    } else if name.contains('/') {
        Path::new(name).is_file()
    } else {
        let path = std::env::var_os("PATH").unwrap_or_default();
        std::env::split_paths(&path)
            .chain(RUNTIME_DIRS.iter().map(PathBuf::from))
            .any(|dir| dir.is_absolute() && dir.join(name).is_file())
    };
    if found {
        Ok(())
    } else {
        Err(format!(
            "default OCI runtime {name:?} not found: invalid argument"
        ))
    }
}

/// The global flags of crun and runc that Podman users pass with
/// `--runtime-flag`; the built-in runtime has nothing they would change.
const RUNTIME_FLAGS: &[&str] = &[
    "debug",
    "log",
    "log-format",
    "log-level",
    "root",
    "rootless",
    "systemd-cgroup",
    "cgroup-manager",
];

/// Checks `--runtime-flag`s (with or without their dashes, `NAME[=VALUE]`)
/// as an OCI runtime would when it starts a container: an unknown one is
/// an error, in the runtime's words.
pub fn check_runtime_flags(flags: &[String]) -> Result<(), String> {
    for flag in flags {
        let name = flag.trim_start_matches('-');
        let name = name.split_once('=').map_or(name, |(name, _)| name);
        if !RUNTIME_FLAGS.contains(&name) {
            return Err(format!(
                "unrecognized runtime flag '--{}': the OCI runtime takes {}",
                flag.trim_start_matches('-'),
                RUNTIME_FLAGS.join(", ")
            ));
        }
    }
    Ok(())
}

/// A size as containers.conf writes one (go-units' `FromHumanSize`):
/// a number, optionally with a decimal unit `b`, `k`, `m`, `g`, `t`
/// (`kb`, `mib`… alike, any case).
pub(crate) fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim().to_ascii_lowercase();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let unit = unit.trim().trim_end_matches('b').trim_end_matches('i');
    let scale = match unit {
        "" => 1.0,
        "k" => 1e3,
        "m" => 1e6,
        "g" => 1e9,
        "t" => 1e12,
        _ => return None,
    };
    Some((number * scale) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::symlink_metadata(path).unwrap().mode() & 0o7777
    }

    #[test]
    fn private_dirs_are_made_0700_and_others_refused() {
        let base = std::env::temp_dir().join(format!("rcon-private-{}", std::process::id()));
        let new = base.join("a/b");
        make_private_dir(&new).unwrap();
        assert_eq!((mode(&base.join("a")), mode(&new)), (0o700, 0o700));
        fs::set_permissions(&new, fs::Permissions::from_mode(0o755)).unwrap();
        make_private_dir(&new).unwrap();
        assert_eq!(mode(&new), 0o700, "an existing open one is closed");
        let link = base.join("link");
        std::os::unix::fs::symlink(&new, &link).unwrap();
        assert!(matches!(
            make_private_dir(&link),
            Err(NotPrivate::NotADirectory)
        ));
        fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn engine_keys_of_containers_conf() {
        let mut conf = EngineConf::default();
        conf.merge("[engine]\nevents_logger=\"file\"\nevents_logfile_max_size=4750\n")
            .unwrap();
        conf.merge("[engine]\nevents_logfile_path=\"/x/events.log\"\n")
            .unwrap();
        assert_eq!(conf.events_logger.as_deref(), Some("file"));
        assert_eq!(conf.events_logfile_max_size, Some(4750));
        assert_eq!(
            conf.events_logfile_path,
            Some(PathBuf::from("/x/events.log"))
        );
        conf.merge("[engine]\nevents_logfile_max_size=\"1m\"\n")
            .unwrap();
        assert_eq!(conf.events_logfile_max_size, Some(1_000_000));
        assert!(
            conf.merge("[engine]\nevents_logfile_max_size=\"lots\"\n")
                .is_err()
        );
        assert_eq!(parse_size("2KB"), Some(2000));
        assert_eq!(parse_size("0"), Some(0));
        conf.merge("[engine]\nruntime = \"crun\"\n[engine.runtimes]\ncrun = [\"/x/crun\"]\n")
            .unwrap();
        assert_eq!(conf.runtime.as_deref(), Some("crun"));
    }

    #[test]
    fn runtimes_accepted_by_name_or_path_others_refused() {
        assert!(check_runtime("rcon").is_ok());
        assert!(check_runtime("sh").is_ok(), "a program found in PATH");
        assert!(check_runtime("/bin/sh").is_ok());
        assert_eq!(
            check_runtime("idonotexist").unwrap_err(),
            "default OCI runtime \"idonotexist\" not found: invalid argument"
        );
        assert!(check_runtime("/no/such/runtime").is_err());
        assert!(check_runtime_flags(&["debug".into(), "--log-format=json".into()]).is_ok());
        let refused = check_runtime_flags(&["invalidflag".into()]).unwrap_err();
        assert!(refused.contains("'--invalidflag'"), "{refused}");
    }
}
