//! Which storage driver makes containers' root filesystems: kernel overlayfs,
//! rcon's own FUSE overlay, or a full copy (vfs). Chosen once per store, as
//! containers/storage does (kernel overlay when its probe passes, else FUSE
//! when `/dev/fuse` can be opened, else vfs), and recorded in the store.
//!
//! A choice written down wins over the automatic one, first found first:
//! `--storage-driver` (or `RCON_STORAGE_DRIVER`), then `driver` in rcon's own
//! `$XDG_CONFIG_HOME/rcon/storage.conf`, then in the user's Podman
//! `$XDG_CONFIG_HOME/containers/storage.conf` (containers-storage.conf(5):
//! `overlay` with a `mount_program` means a FUSE overlay, so fuse-overlay
//! here). The system's `/etc/containers/storage.conf` is not read: distributions
//! ship it naming `overlay` for root, which would stop the automatic fallback
//! on hosts where rootless kernel overlay is refused.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::probe::{self, probe_overlay};
use crate::process::SingleThreaded;
use crate::util::fs::{IoError, write_atomic};

const RECORD_FILE: &str = "storage-driver.json";
/// rcon's own configuration, under `$XDG_CONFIG_HOME`: the drivers' names are ours.
const OWN_CONFIG: &str = "rcon/storage.conf";
/// The user's Podman configuration, under `$XDG_CONFIG_HOME`: Podman's names.
const PODMAN_CONFIG: &str = "containers/storage.conf";
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
    #[error("reading {}: {message}; fix the file or remove its `driver` line", path.display())]
    Config { path: PathBuf, message: String },
    #[error(transparent)]
    Io(#[from] IoError),
}

impl crate::util::exit::ExitCode for Error {}

/// Why FUSE cannot be used here, or `None` when `/dev/fuse` opens for reading and writing.
pub fn fuse_unavailable() -> Option<(String, String)> {
    let device = std::env::var(FUSE_DEVICE_ENV).unwrap_or_else(|_| "/dev/fuse".into());
    match fs::OpenOptions::new().read(true).write(true).open(&device) {
        Ok(_) => None,
        Err(e) => Some((device, e.to_string())),
    }
}

/// The driver for a new container: `requested` when given (checked), else
/// the configured one (checked), else the store's recorded choice, made now
/// when there is none for this kernel. Must run inside the user namespace
/// (the overlay probe forks).
pub fn choose(
    root: &Path,
    requested: Option<Driver>,
    single: &SingleThreaded,
) -> Result<DriverChoice, Error> {
    let config_home = directories::BaseDirs::new().map(|dirs| dirs.config_dir().to_path_buf());
    let written = match requested {
        Some(driver) => Some((driver, "chosen with --storage-driver".to_string())),
        None => match config_home {
            Some(home) => configured(&home)?
                .map(|(driver, path)| (driver, format!("chosen in {}", path.display()))),
            None => None,
        },
    };
    let Some((driver, reason)) = written else {
        return automatic(root, single);
    };
    match driver {
        Driver::FuseOverlay => {
            if let Some((device, reason)) = fuse_unavailable() {
                return Err(Error::FuseUnavailable { device, reason });
            }
        }
        Driver::Overlay => {
            let probe = probe_overlay(root, single)?;
            if !probe.supported {
                return Err(Error::OverlayUnavailable(probe.detail));
            }
        }
        Driver::Vfs => {}
    }
    Ok(DriverChoice {
        driver,
        reason,
        kernel: String::new(),
    })
}

/// The driver the configuration files under `config_home` name, and the file
/// that names it; see the module docs.
pub fn configured(config_home: &Path) -> Result<Option<(Driver, PathBuf)>, Error> {
    for (relative, podman_names) in [(OWN_CONFIG, false), (PODMAN_CONFIG, true)] {
        let path = config_home.join(relative);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(Error::Config {
                    path,
                    message: e.to_string(),
                });
            }
        };
        let config_error = |message: String| Error::Config {
            path: path.clone(),
            message,
        };
        let file: StorageConf = toml::from_str(&text).map_err(|e| config_error(e.to_string()))?;
        let storage = file.storage.unwrap_or_default();
        let name = storage.driver.unwrap_or_default();
        if name.is_empty() {
            continue;
        }
        let driver = if podman_names {
            let options = storage.options.unwrap_or_default();
            let mount_program = options
                .overlay
                .and_then(|o| o.mount_program)
                .or(options.mount_program)
                .filter(|p| !p.is_empty());
            match name.as_str() {
                "overlay" | "overlay2" if mount_program.is_some() => Driver::FuseOverlay,
                "overlay" | "overlay2" => Driver::Overlay,
                "vfs" => Driver::Vfs,
                other => {
                    return Err(config_error(format!(
                        "rcon has no {other:?} storage driver (it has overlay, overlay with a mount_program, and vfs)"
                    )));
                }
            }
        } else {
            name.parse().map_err(config_error)?
        };
        return Ok(Some((driver, path)));
    }
    Ok(None)
}

/// The part of containers-storage.conf(5) that says which driver.
#[derive(serde::Deserialize, Default)]
struct StorageConf {
    storage: Option<StorageTable>,
}

#[derive(serde::Deserialize, Default)]
struct StorageTable {
    driver: Option<String>,
    options: Option<StorageOptions>,
}

#[derive(serde::Deserialize, Default)]
struct StorageOptions {
    /// The older place of the key, still read by containers/storage.
    mount_program: Option<String>,
    overlay: Option<OverlayOptions>,
}

#[derive(serde::Deserialize, Default)]
struct OverlayOptions {
    mount_program: Option<String>,
}

/// The recorded automatic choice, or a new one (probed and recorded).
pub fn automatic(root: &Path, single: &SingleThreaded) -> Result<DriverChoice, Error> {
    let path = root.join(RECORD_FILE);
    let probe = probe_overlay(root, single)?;
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
    let json = serde_json::to_vec_pretty(&choice).expect("serialisable");
    write_atomic(&path, &json)?;
    Ok(choice)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::util::scratch::ScratchDir;

    fn driver_in(files: &[(&str, &str)]) -> Result<Option<Driver>, Error> {
        let home = ScratchDir::new("storage-conf");
        for (relative, text) in files {
            home.write(relative, text);
        }
        configured(&home.0).map(|found| found.map(|(driver, _)| driver))
    }

    #[test]
    fn podman_names_map_to_ours() {
        let fuse = "[storage]\ndriver = \"overlay\"\n[storage.options.overlay]\nmount_program = \"/usr/bin/fuse-overlayfs\"\n";
        assert_eq!(
            driver_in(&[(PODMAN_CONFIG, fuse)]).unwrap(),
            Some(Driver::FuseOverlay)
        );
        let old_key = "[storage]\ndriver = \"overlay\"\n[storage.options]\nmount_program = \"/usr/bin/fuse-overlayfs\"\n";
        assert_eq!(
            driver_in(&[(PODMAN_CONFIG, old_key)]).unwrap(),
            Some(Driver::FuseOverlay)
        );
        let kernel = "[storage]\ndriver = \"overlay\"\nrunroot = \"/run/x\"\n";
        assert_eq!(
            driver_in(&[(PODMAN_CONFIG, kernel)]).unwrap(),
            Some(Driver::Overlay)
        );
        let vfs = "[storage]\ndriver = \"vfs\"\n";
        assert_eq!(
            driver_in(&[(PODMAN_CONFIG, vfs)]).unwrap(),
            Some(Driver::Vfs)
        );
        assert_eq!(
            driver_in(&[(PODMAN_CONFIG, "[storage]\ndriver = \"\"\n")]).unwrap(),
            None
        );
        assert_eq!(driver_in(&[]).unwrap(), None);
    }

    #[test]
    fn our_file_wins_and_uses_our_names() {
        let ours = "[storage]\ndriver = \"fuse-overlay\"\n";
        let podmans = "[storage]\ndriver = \"vfs\"\n";
        assert_eq!(
            driver_in(&[(OWN_CONFIG, ours), (PODMAN_CONFIG, podmans)]).unwrap(),
            Some(Driver::FuseOverlay)
        );
    }

    #[test]
    fn unknown_drivers_and_bad_toml_name_the_file() {
        for (file, text) in [
            (PODMAN_CONFIG, "[storage]\ndriver = \"btrfs\"\n"),
            (OWN_CONFIG, "[storage]\ndriver = \"overlay2\"\n"),
            (OWN_CONFIG, "[storage\n"),
        ] {
            let message = driver_in(&[(file, text)]).unwrap_err().to_string();
            assert!(message.contains(file), "{message}");
        }
    }
}
