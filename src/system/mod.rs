//! Whole-installation operations: diagnosing the host (`rcon info`) and
//! removing everything rcon keeps for the user (`rcon system reset`).

pub mod df;
pub mod info;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::config::Paths;
use crate::userns::PauseProcess;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("removing {}: {source}; remove the rest with `rcon unshare rm -rf {}`", path.display(), path.display())]
    Remove { path: PathBuf, source: io::Error },
}

impl crate::util::exit::ExitCode for Error {}

/// Removes the storage root and the runtime directory, then stops the pause
/// process. Runs inside the user namespace, so files owned by subordinate IDs go too.
pub fn reset(paths: &Paths) -> Result<(), Error> {
    let pause = PauseProcess::read(&paths.runroot);
    crate::network::bridge::release(&paths.runroot);
    for dir in [&paths.root, &paths.runroot] {
        remove_tree(dir)?;
    }
    if let Some(pause) = pause {
        pause.kill();
    }
    Ok(())
}

/// Stops the pause process, so the next command makes a new namespace with
/// the mappings now in /etc/subuid and /etc/subgid.
pub fn migrate(paths: &Paths) {
    if let Some(pause) = PauseProcess::read(&paths.runroot) {
        pause.kill();
    }
}

fn remove_tree(path: &Path) -> Result<(), Error> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::Remove {
            path: path.into(),
            source: e,
        }),
        _ => Ok(()),
    }
}
