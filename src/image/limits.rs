//! How much rcon takes from a registry or an image archive, and how long it
//! waits for a registry: every read of something a registry or an archive
//! sends is bounded, so a hostile one can make a pull fail but not fill the
//! memory, the disk or the user's afternoon.
//!
//! Documents are capped as Podman caps them (containers/image's `iolimits`);
//! two limits are the user's to set, in the environment:
//!
//! - `RCON_REGISTRY_TIMEOUT` (seconds, default 60): how long a registry may
//!   send nothing (connecting, answering, or in the middle of a blob) before
//!   the pull gives up. Podman has no such limit and waits forever.
//! - `RCON_MAX_LAYER_SIZE` (bytes, with an optional K, M, G or T suffix;
//!   default 64G): the most one layer may be, as its blob and as the files it
//!   unpacks to. A few compressed megabytes can unpack to terabytes.

use std::time::Duration;

/// A manifest or an image index (containers/image `MaxManifestBodySize`).
pub const MAX_MANIFEST: u64 = 4 << 20;
/// An image config (`MaxConfigBodySize`).
pub const MAX_CONFIG: u64 = 4 << 20;
/// A token service's answer (`MaxAuthTokenBodySize`).
pub const MAX_TOKEN: u64 = 1 << 20;
/// What is read of an error answer (`MaxErrorBodySize`).
pub const MAX_ERROR_BODY: u64 = 1 << 20;
/// A docker-archive's `manifest.json` (`MaxTarFileManifestSize`).
pub const MAX_ARCHIVE_MANIFEST: u64 = 1 << 20;

pub const TIMEOUT_ENV: &str = "RCON_REGISTRY_TIMEOUT";
pub const MAX_LAYER_SIZE_ENV: &str = "RCON_MAX_LAYER_SIZE";
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
const DEFAULT_MAX_LAYER_SIZE: u64 = 64 << 30;

#[derive(Debug, thiserror::Error)]
#[error("{var}={value:?} is not valid: expected {expected}")]
pub struct Error {
    var: &'static str,
    value: String,
    expected: &'static str,
}

/// The limits the user may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long a registry may send nothing.
    pub registry_timeout: Duration,
    /// The most bytes one layer may be, compressed or not.
    pub max_layer_size: u64,
}

impl Limits {
    /// The limits the environment sets, or the defaults.
    pub fn from_env() -> Result<Limits, Error> {
        Limits::from_vars(|name| std::env::var(name).ok())
    }

    fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Limits, Error> {
        let mut limits = Limits {
            registry_timeout: DEFAULT_TIMEOUT,
            max_layer_size: DEFAULT_MAX_LAYER_SIZE,
        };
        if let Some(value) = var(TIMEOUT_ENV).filter(|v| !v.is_empty()) {
            limits.registry_timeout = value
                .parse::<u64>()
                .ok()
                .filter(|&seconds| seconds > 0)
                .map(Duration::from_secs)
                .ok_or(Error {
                    var: TIMEOUT_ENV,
                    value,
                    expected: "a number of seconds, at least 1",
                })?;
        }
        if let Some(value) = var(MAX_LAYER_SIZE_ENV).filter(|v| !v.is_empty()) {
            limits.max_layer_size = crate::util::size::parse_ram(&value)
                .filter(|&n| n > 0)
                .ok_or(Error {
                    var: MAX_LAYER_SIZE_ENV,
                    value,
                    expected: "a number of bytes with an optional K, M, G or T suffix, such as 20G",
                })?;
        }
        Ok(limits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(vars: &[(&str, &str)]) -> Result<Limits, Error> {
        Limits::from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn defaults_and_overrides() {
        assert_eq!(
            limits(&[]).unwrap(),
            Limits {
                registry_timeout: Duration::from_secs(60),
                max_layer_size: 64 << 30,
            }
        );
        let set = limits(&[(TIMEOUT_ENV, "2"), (MAX_LAYER_SIZE_ENV, "512M")]).unwrap();
        assert_eq!(set.registry_timeout, Duration::from_secs(2));
        assert_eq!(set.max_layer_size, 512 << 20);
        for bad in ["0", "-1", "1.5", "soon"] {
            let message = limits(&[(TIMEOUT_ENV, bad)]).unwrap_err().to_string();
            assert!(message.starts_with("RCON_REGISTRY_TIMEOUT="), "{message}");
        }
        let message = limits(&[(MAX_LAYER_SIZE_ENV, "lots")])
            .unwrap_err()
            .to_string();
        assert!(message.contains("such as 20G"), "{message}");
    }
}
