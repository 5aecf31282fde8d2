//! Images: what a name means and where to fetch it from.
//!
//! - [`reference`]: the reference grammar (`[registry/]path[:tag][@digest]`),
//!   with Docker Hub normalisation; pure parsing, no policy.
//! - [`registries`]: `registries.conf` — aliases and search registries for
//!   short names, insecure and blocked registries, location rewrites.
//! - [`auth`]: registry credentials in `auth.json` / Docker's `config.json`.
//!
//! Nothing here touches the network or the store; the pull, push and login
//! verbs build on it.

pub mod auth;
pub mod reference;
pub mod registries;

pub use auth::{AuthFiles, Credentials};
pub use reference::Reference;
pub use registries::RegistriesConfig;

/// A fresh directory under the system temp dir, removed on drop.
#[cfg(test)]
pub(crate) struct ScratchDir(pub std::path::PathBuf);

#[cfg(test)]
impl ScratchDir {
    pub(crate) fn new(label: &str) -> ScratchDir {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("rcon-{label}-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("creating a scratch dir");
        ScratchDir(dir)
    }

    /// Writes `text` to `relative` (creating parent directories) and returns its path.
    pub(crate) fn write(&self, relative: &str, text: &str) -> std::path::PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().expect("a file has a parent"))
            .expect("creating parents");
        std::fs::write(&path, text).expect("writing a scratch file");
        path
    }
}

#[cfg(test)]
impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
