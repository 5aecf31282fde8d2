//! Where rcon keeps its files: the storage root and the runtime directory.

use std::fs::{self, DirBuilder};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
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

/// Creates `path` with mode 0700 unless it exists; refuses one that is not a
/// directory or belongs to somebody else (a planted /tmp/rcon-$UID).
pub fn ensure_private_dir(path: &Path) -> Result<(), Error> {
    match DirBuilder::new().mode(0o700).create(path) {
        Ok(()) => return Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            DirBuilder::new()
                .mode(0o700)
                .recursive(true)
                .create(path)
                .map_err(|source| Error::Create {
                    path: path.into(),
                    source,
                })?;
            return Ok(());
        }
        Err(source) => {
            return Err(Error::Create {
                path: path.into(),
                source,
            });
        }
    }
    let meta = fs::symlink_metadata(path).map_err(|source| Error::Create {
        path: path.into(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(Error::NotADirectory { path: path.into() });
    }
    let uid = nix::unistd::geteuid().as_raw();
    if meta.uid() != uid {
        return Err(Error::ForeignRuntimeDir {
            path: path.into(),
            owner: meta.uid(),
            uid,
        });
    }
    Ok(())
}
