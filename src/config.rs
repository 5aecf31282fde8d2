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
/// configures once: where events go.
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
        let files = match std::env::var_os("CONTAINERS_CONF").filter(|v| !v.is_empty()) {
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
        let mut conf = EngineConf::default();
        for path in files {
            let text = match fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(source) => return Err(ConfError::Read { path, source }),
            };
            if !text.lines().any(|line| {
                ["events_log", "infra_image"]
                    .iter()
                    .any(|key| line.trim_start().starts_with(key))
            }) {
                continue;
            }
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

/// A size as containers.conf writes one (go-units' `FromHumanSize`):
/// a number, optionally with a decimal unit `b`, `k`, `m`, `g`, `t`
/// (`kb`, `mib`… alike, any case).
fn parse_size(text: &str) -> Option<u64> {
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
    }
}
