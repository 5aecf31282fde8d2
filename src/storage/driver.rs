//! Which storage driver makes containers' root filesystems: kernel overlayfs,
//! rcon's own FUSE overlay, or a full copy (vfs). Chosen once per store, as
//! containers/storage does (kernel overlay when its probe passes, else FUSE
//! when `/dev/fuse` can be opened, else vfs), and recorded in the store;
//! `--storage-driver` overrides it for one command.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::probe::{self, probe_overlay};

const RECORD_FILE: &str = "storage-driver.json";
/// Test hook: the FUSE device to check instead of `/dev/fuse`.
pub const FUSE_DEVICE_ENV: &str = "RCON_FUSE_DEVICE";

/// How a container's root filesystem is made. All three read the same layer store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Driver {
    /// Kernel overlayfs, mounted in the container's mount namespace.
    #[default]
    #[serde(rename = "overlay")]
    Overlay,
    /// rcon's overlay on FUSE, served by a process of its own.
    #[serde(rename = "fuse-overlay")]
    FuseOverlay,
    /// A private full copy of the image per container.
    #[serde(rename = "vfs")]
    Vfs,
}

impl Driver {
    pub const ALL: [Driver; 3] = [Driver::Overlay, Driver::FuseOverlay, Driver::Vfs];

    pub fn name(self) -> &'static str {
        match self {
            Driver::Overlay => "overlay",
            Driver::FuseOverlay => "fuse-overlay",
            Driver::Vfs => "vfs",
        }
    }
}

impl fmt::Display for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Driver {
    type Err = String;

    fn from_str(text: &str) -> Result<Driver, String> {
        Driver::ALL
            .into_iter()
            .find(|d| d.name() == text)
            .ok_or_else(|| {
                format!("unknown storage driver {text:?}: use overlay, fuse-overlay or vfs")
            })
    }
}

/// The driver in use and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DriverChoice {
    pub driver: Driver,
    pub reason: String,
    /// Kernel release the automatic choice was made on (empty when given explicitly).
    #[serde(default)]
    pub kernel: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "the fuse-overlay storage driver needs {device}: {reason}; install fuse3 (apt-get install fuse3), load the module (modprobe fuse) and make {device} readable and writable by everyone (chmod 0666 {device}), or use --storage-driver overlay or vfs"
    )]
    FuseUnavailable { device: String, reason: String },
    #[error(
        "the overlay storage driver does not work here: {0}; use --storage-driver fuse-overlay or vfs"
    )]
    OverlayUnavailable(String),
    #[error(transparent)]
    Probe(#[from] probe::Error),
    #[error("writing {}: {source}", path.display())]
    Record {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why FUSE cannot be used here, or `None` when `/dev/fuse` opens for reading and writing.
pub fn fuse_unavailable() -> Option<(String, String)> {
    let device = std::env::var(FUSE_DEVICE_ENV).unwrap_or_else(|_| "/dev/fuse".into());
    match fs::OpenOptions::new().read(true).write(true).open(&device) {
        Ok(_) => None,
        Err(e) => Some((device, e.to_string())),
    }
}

/// The driver for a new container: `requested` when given (checked), else
/// the store's recorded choice, made now when there is none for this kernel.
/// Must run inside the user namespace, while single-threaded (the overlay
/// probe forks).
pub fn choose(root: &Path, requested: Option<Driver>) -> Result<DriverChoice, Error> {
    match requested {
        Some(Driver::FuseOverlay) => match fuse_unavailable() {
            Some((device, reason)) => Err(Error::FuseUnavailable { device, reason }),
            None => Ok(explicit(Driver::FuseOverlay)),
        },
        Some(Driver::Overlay) => {
            let probe = probe_overlay(root)?;
            if probe.supported {
                Ok(explicit(Driver::Overlay))
            } else {
                Err(Error::OverlayUnavailable(probe.detail))
            }
        }
        Some(Driver::Vfs) => Ok(explicit(Driver::Vfs)),
        None => automatic(root),
    }
}

fn explicit(driver: Driver) -> DriverChoice {
    DriverChoice {
        driver,
        reason: "chosen with --storage-driver".into(),
        kernel: String::new(),
    }
}

/// The recorded automatic choice, or a new one (probed and recorded).
pub fn automatic(root: &Path) -> Result<DriverChoice, Error> {
    let path = root.join(RECORD_FILE);
    let probe = probe_overlay(root)?;
    if let Some(recorded) = fs::read(&path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<DriverChoice>(&bytes).ok())
        .filter(|c| c.kernel == probe.kernel)
    {
        return Ok(recorded);
    }
    let (driver, reason) = if probe.supported {
        (
            Driver::Overlay,
            "kernel overlayfs works in the user namespace on this store".to_string(),
        )
    } else {
        match fuse_unavailable() {
            None => (
                Driver::FuseOverlay,
                format!("kernel overlayfs is refused here ({})", probe.detail),
            ),
            Some((device, why)) => (
                Driver::Vfs,
                format!(
                    "kernel overlayfs is refused here ({}), and FUSE is skipped: {device}: {why}",
                    probe.detail
                ),
            ),
        }
    };
    let choice = DriverChoice {
        driver,
        reason,
        kernel: probe.kernel,
    };
    let tmp = root.join(format!(".{RECORD_FILE}.{}", std::process::id()));
    let json = serde_json::to_vec_pretty(&choice).expect("serialisable");
    fs::write(&tmp, json)
        .and_then(|()| fs::rename(&tmp, &path))
        .map_err(|source| Error::Record { path, source })?;
    Ok(choice)
}
