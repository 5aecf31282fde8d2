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
}

impl Paths {
    /// Resolves the directories from the flags, the XDG variables and the
    /// defaults. Returns warnings for the user as well (an unusable XDG_RUNTIME_DIR).
    pub fn resolve(
        root: Option<PathBuf>,
        runroot: Option<PathBuf>,
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
        Ok((Paths { root, runroot }, warnings))
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
}
