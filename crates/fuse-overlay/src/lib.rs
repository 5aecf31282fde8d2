//! rcon's overlay filesystem on FUSE: kernel overlayfs's semantics and
//! on-disk format (0:0 whiteouts, `user.overlay.opaque`), served from layer
//! directories, for hosts where kernel overlay can't be used rootless.
//!
//! It knows nothing of rcon's store or processes: it is given the layer
//! directories ([`FuseLayers`]), a mounted FUSE connection ([`mount`] makes
//! one, allowed inside a user namespace) and serves it ([`Server`]) until
//! the kernel ends the connection. Who runs the server, in which process,
//! is the caller's business.
//!
//! [`Layers`] is the merged view without FUSE (lookup, listing, copy-up,
//! whiteouts): rcon's `diff` walks it too.

pub mod copy;
#[cfg(test)]
mod fixture;
pub mod format;
mod ids;
mod layers;
mod overlay;

use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use nix::fcntl::{OFlag, open};
use nix::mount::MsFlags;
use nix::sys::stat::Mode;

pub use ids::{IdRange, IdTranslation, OVERFLOW_ID, to_inside, to_outside};
pub use layers::{Found, Layers, Listed, UPPER};

/// What the overlay merges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuseLayers {
    /// Read-only layer directories, topmost first.
    pub lowers: Vec<PathBuf>,
    pub upper: PathBuf,
    /// Scratch space on the upper dir's filesystem, for atomic copy-up.
    pub work: PathBuf,
    /// Between the IDs of the namespace that mounts it and the server's.
    pub ids: IdTranslation,
}

/// The data options for mounting the FUSE connection `device` inside the
/// user namespace: owned by its root, open to every user the kernel's
/// permission checks allow.
pub fn mount_options(device: &impl AsRawFd) -> String {
    format!(
        "fd={},rootmode=40000,user_id=0,group_id=0,allow_other,default_permissions",
        device.as_raw_fd()
    )
}

/// Why [`mount`] failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MountError {
    /// `/dev/fuse` did not open.
    Device(nix::errno::Errno),
    /// mount(2) refused.
    Mount(nix::errno::Errno),
}

/// Opens a new FUSE connection and mounts it on `target` (allowed to root
/// of a user namespace that owns the current mount namespace, no
/// `fusermount3`). Returns the connection, for [`Server::serve`]; requests
/// made through the mount wait until the server answers them.
pub fn mount(target: &Path) -> Result<OwnedFd, MountError> {
    let device = open("/dev/fuse", OFlag::O_RDWR | OFlag::O_CLOEXEC, Mode::empty())
        .map_err(MountError::Device)?;
    let options = mount_options(&device);
    nix::mount::mount(
        Some("fuse-overlay"),
        target,
        Some("fuse"),
        MsFlags::empty(),
        Some(options.as_str()),
    )
    .map_err(MountError::Mount)?;
    Ok(device)
}

/// A server with its view of the layers built, waiting for its connection.
pub struct Server {
    overlay: overlay::Overlay,
    notifier: Arc<OnceLock<fuser::Notifier>>,
}

impl Server {
    /// Builds the view of `layers`, and makes the empty files `mount_files`
    /// (relative to the root) that a container's bind mounts of files will
    /// go on, where the image lacks them: done here, before the mount, they
    /// cost no round trips.
    pub fn new(layers: &FuseLayers, mount_files: &[PathBuf]) -> io::Result<Server> {
        let notifier = Arc::new(OnceLock::new());
        let overlay = overlay::Overlay::new(
            Layers::new(
                layers.upper.clone(),
                layers.lowers.clone(),
                layers.work.clone(),
            )?,
            layers.ids.clone(),
            Arc::clone(&notifier),
        )?;
        overlay.make_mount_files(mount_files);
        Ok(Server { overlay, notifier })
    }

    /// Serves the mounted connection `device` until the kernel ends it
    /// (unmounted, or its mount namespace gone), on 2-4 threads.
    pub fn serve(self, device: OwnedFd) -> io::Result<()> {
        let mut config = fuser::Config::default();
        config.acl = fuser::SessionACL::All;
        // Two at least: a thread pushing a program's pages may wait for a
        // READ that another thread must answer (see `Overlay::preload`).
        config.n_threads = Some(
            std::thread::available_parallelism()
                .map(|n| n.get().clamp(2, 4))
                .unwrap_or(2),
        );
        config.clone_fd = true;
        let session =
            fuser::Session::from_fd(self.overlay, device, fuser::SessionACL::All, config)?;
        // No request is read before `run`: the overlay has its notifier first.
        let _ = self.notifier.set(session.notifier());
        session.run()
    }
}
