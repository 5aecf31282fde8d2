//! Resource limits (`--memory`, `--cpus`, `--pids-limit`, …): the flags of
//! `run`/`create` and `update` parsed into [`Resources`], and what this host
//! lets rcon enforce ([`admit`]). They are enforced through the
//! container's cgroup v2 ([`super::cgroup`]), which rcon has only where a
//! cgroup v2 subtree is delegated to the user; elsewhere (cgroup v1, as
//! here, or v2 without delegation) they are dropped with Podman's warning,
//! as Podman drops them.

use serde::{Deserialize, Serialize};

use super::Error;
use super::cgroup::{self, Delegation};
use crate::util::size::parse_ram;

/// The flags as given (strings where Podman takes units).
#[derive(Debug, Clone, Default)]
pub struct ResourceFlags {
    pub memory: Option<String>,
    pub memory_reservation: Option<String>,
    pub memory_swap: Option<String>,
    pub memory_swappiness: Option<i64>,
    pub cpus: Option<f64>,
    pub cpu_shares: Option<u64>,
    pub cpu_period: Option<u64>,
    pub cpu_quota: Option<i64>,
    pub cpuset_cpus: Option<String>,
    pub cpuset_mems: Option<String>,
    pub pids_limit: Option<i64>,
    pub blkio_weight: Option<String>,
    pub blkio_weight_device: Vec<String>,
    pub device_read_bps: Vec<String>,
    pub device_write_bps: Vec<String>,
    pub device_read_iops: Vec<String>,
    pub device_write_iops: Vec<String>,
}

/// A device's rate or weight: `PATH:VALUE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceValue {
    pub path: String,
    pub value: u64,
}

/// The limits a container was given, typed. `Some(0)` is a limit given as
/// 0 (none, as Podman reads it): it was asked for all the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Resources {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_reservation: Option<u64>,
    /// Memory plus swap; -1 for unlimited swap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_swap: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_swappiness: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_shares: Option<u64>,
    /// CFS period and quota, microseconds (`--cpus` becomes both).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_period: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_quota: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpuset_cpus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpuset_mems: Option<String>,
    /// 0 or -1: unlimited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pids_limit: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blkio_weight: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blkio_weight_device: Vec<DeviceValue>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub device_read_bps: Vec<DeviceValue>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub device_write_bps: Vec<DeviceValue>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub device_read_iops: Vec<DeviceValue>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub device_write_iops: Vec<DeviceValue>,
}

/// The CFS period `--cpus` uses, as Podman.
const CPU_PERIOD: u64 = 100_000;
/// The smallest memory limit Podman accepts.
const MIN_MEMORY: u64 = 6 * 1024 * 1024;

/// Podman's words for cgroup v1 without root, where no limit is enforced.
pub const V1_ROOTLESS_WARNING: &str =
    "Resource limits are not supported and ignored on cgroups V1 rootless systems";

impl ResourceFlags {
    /// Parses every value, as Podman does before anything is made.
    pub fn parse(self) -> Result<Resources, Error> {
        let size = |flag: &str, text: Option<String>| {
            text.map(|text| {
                parse_ram(&text).ok_or_else(|| {
                    Error::Invalid(format!(
                        "invalid --{flag} {text:?}: give a size such as 512m or 1g (units b, k, m, g)"
                    ))
                })
            })
            .transpose()
        };
        let memory_swap = match self.memory_swap {
            Some(text) if text.trim() == "-1" => Some(-1),
            text => size("memory-swap", text)?.map(|n| n as i64),
        };
        if let Some(cpus) = self.cpus {
            if self.cpu_period.is_some() {
                return Err(Error::Invalid(
                    "--cpu-period and --cpus cannot be set together".into(),
                ));
            }
            if self.cpu_quota.is_some() {
                return Err(Error::Invalid(
                    "--cpu-quota and --cpus cannot be set together".into(),
                ));
            }
            if !(cpus >= 0.0 && cpus.is_finite()) {
                return Err(Error::Invalid(format!(
                    "invalid --cpus {cpus}: give a number of CPUs, 0 or more"
                )));
            }
        }
        let (cpu_period, cpu_quota) = match self.cpus {
            Some(cpus) if cpus > 0.0 => (
                Some(CPU_PERIOD),
                Some((cpus * CPU_PERIOD as f64).round() as i64),
            ),
            Some(_) => (None, Some(0)),
            None => (self.cpu_period, self.cpu_quota),
        };
        let memory_swappiness = match self.memory_swappiness {
            None | Some(-1) => None,
            Some(n @ 0..=100) => Some(n as u64),
            Some(n) => {
                return Err(Error::Invalid(format!(
                    "invalid value: {n}, valid memory swappiness range is 0-100"
                )));
            }
        };
        let blkio_weight = self
            .blkio_weight
            .map(|text| {
                text.trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|w| *w == 0 || (10..=1000).contains(w))
                    .ok_or_else(|| {
                        Error::Invalid(format!(
                            "invalid --blkio-weight {text:?}: range of blkio weight is from 10 to 1000"
                        ))
                    })
            })
            .transpose()?;
        let devices = |flag: &str, specs: Vec<String>, rate: fn(&str) -> Option<u64>| {
            specs
                .into_iter()
                .map(|spec| {
                    spec.rsplit_once(':')
                        .filter(|(path, _)| path.starts_with('/'))
                        .and_then(|(path, value)| {
                            Some(DeviceValue {
                                path: path.to_string(),
                                value: rate(value)?,
                            })
                        })
                        .ok_or_else(|| {
                            Error::Invalid(format!(
                                "invalid --{flag} {spec:?}: give DEVICE-PATH:VALUE, such as /dev/sda:10mb"
                            ))
                        })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        let weight = |text: &str| text.parse().ok().filter(|w| (10..=1000).contains(w));
        let count = |text: &str| text.parse().ok();
        Ok(Resources {
            memory: size("memory", self.memory)?,
            memory_reservation: size("memory-reservation", self.memory_reservation)?,
            memory_swap,
            memory_swappiness,
            cpu_shares: self.cpu_shares,
            cpu_period,
            cpu_quota,
            cpuset_cpus: self.cpuset_cpus,
            cpuset_mems: self.cpuset_mems,
            pids_limit: self.pids_limit,
            blkio_weight,
            blkio_weight_device: devices("blkio-weight-device", self.blkio_weight_device, weight)?,
            device_read_bps: devices("device-read-bps", self.device_read_bps, parse_ram)?,
            device_write_bps: devices("device-write-bps", self.device_write_bps, parse_ram)?,
            device_read_iops: devices("device-read-iops", self.device_read_iops, count)?,
            device_write_iops: devices("device-write-iops", self.device_write_iops, count)?,
        })
    }
}

/// The cgroup v2 controller each kind of limit needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Controller {
    Memory,
    Cpu,
    Cpuset,
    Pids,
    Io,
}

impl Controller {
    pub fn name(self) -> &'static str {
        match self {
            Controller::Memory => "memory",
            Controller::Cpu => "cpu",
            Controller::Cpuset => "cpuset",
            Controller::Pids => "pids",
            Controller::Io => "io",
        }
    }
}

impl Resources {
    /// Podman's warnings for the limits dropped when `controller` is missing.
    fn discarded(&self, controller: Controller) -> Vec<&'static str> {
        let kernel = |given: bool, text: &'static str| given.then_some(text);
        match controller {
            Controller::Memory => vec![
                "Your kernel does not support memory limit capabilities or the cgroup is not mounted. Limitation discarded.",
            ],
            Controller::Cpu => [
                kernel(
                    self.cpu_shares.is_some(),
                    "Your kernel does not support CPU shares or the cgroup is not mounted. Shares discarded.",
                ),
                kernel(
                    self.cpu_period.is_some(),
                    "Your kernel does not support CPU cfs period or the cgroup is not mounted. Period discarded.",
                ),
                kernel(
                    self.cpu_quota.is_some(),
                    "Your kernel does not support CPU cfs quota or the cgroup is not mounted. Quota discarded.",
                ),
            ]
            .into_iter()
            .flatten()
            .collect(),
            Controller::Cpuset => vec![
                "Your kernel does not support cpuset or the cgroup is not mounted. CPUset discarded.",
            ],
            Controller::Pids => vec![
                "Your kernel does not support pids limit capabilities or the cgroup is not mounted. PIDs limit discarded.",
            ],
            Controller::Io => vec![
                "Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.",
            ],
        }
    }

    /// True when no limit was asked for.
    pub fn is_empty(&self) -> bool {
        self == &Resources::default()
    }

    /// The controllers the limits given need.
    pub fn controllers(&self) -> Vec<Controller> {
        let mut needed = Vec::new();
        let mut need = |given: bool, controller| {
            if given && !needed.contains(&controller) {
                needed.push(controller);
            }
        };
        need(
            self.memory.is_some()
                || self.memory_reservation.is_some()
                || self.memory_swap.is_some(),
            Controller::Memory,
        );
        need(
            self.cpu_shares.is_some() || self.cpu_period.is_some() || self.cpu_quota.is_some(),
            Controller::Cpu,
        );
        need(
            self.cpuset_cpus.is_some() || self.cpuset_mems.is_some(),
            Controller::Cpuset,
        );
        need(self.pids_limit.is_some(), Controller::Pids);
        need(
            self.blkio_weight.is_some()
                || !self.blkio_weight_device.is_empty()
                || !self.device_read_bps.is_empty()
                || !self.device_write_bps.is_empty()
                || !self.device_read_iops.is_empty()
                || !self.device_write_iops.is_empty(),
            Controller::Io,
        );
        needed
    }

    /// Drops every limit that needs `controller`.
    fn drop_controller(&mut self, controller: Controller) {
        match controller {
            Controller::Memory => {
                self.memory = None;
                self.memory_reservation = None;
                self.memory_swap = None;
                self.memory_swappiness = None;
            }
            Controller::Cpu => {
                self.cpu_shares = None;
                self.cpu_period = None;
                self.cpu_quota = None;
            }
            Controller::Cpuset => {
                self.cpuset_cpus = None;
                self.cpuset_mems = None;
            }
            Controller::Pids => self.pids_limit = None,
            Controller::Io => {
                self.blkio_weight = None;
                self.blkio_weight_device.clear();
                self.device_read_bps.clear();
                self.device_write_bps.clear();
                self.device_read_iops.clear();
                self.device_write_iops.clear();
            }
        }
    }

    /// `update`: the limits given in `changes` replace these.
    pub fn merge(&mut self, changes: Resources) {
        macro_rules! take {
            ($($field:ident),*) => {$(
                if changes.$field.is_some() { self.$field = changes.$field; }
            )*};
        }
        take!(
            memory,
            memory_reservation,
            memory_swap,
            memory_swappiness,
            cpu_shares,
            cpu_period,
            cpu_quota,
            cpuset_cpus,
            cpuset_mems,
            pids_limit,
            blkio_weight
        );
        macro_rules! take_list {
            ($($field:ident),*) => {$(
                if !changes.$field.is_empty() { self.$field = changes.$field; }
            )*};
        }
        take_list!(
            blkio_weight_device,
            device_read_bps,
            device_write_bps,
            device_read_iops,
            device_write_iops
        );
    }

    /// The checks Podman makes of limits it will enforce.
    fn check(&self) -> Result<(), Error> {
        let invalid = |text: &str| Err(Error::Invalid(text.to_string()));
        let memory = self.memory.filter(|m| *m > 0);
        if memory.is_some_and(|m| m < MIN_MEMORY) {
            return invalid("minimum memory limit allowed is 6MB");
        }
        if let Some(swap) = self.memory_swap.filter(|s| *s > 0) {
            let Some(memory) = memory else {
                return invalid(
                    "you should always set a memory limit when using a memoryswap limit, see usage",
                );
            };
            if (swap as u64) < memory {
                return invalid(
                    "minimum memoryswap limit should be larger than memory limit, see usage",
                );
            }
        }
        if self
            .cpu_period
            .is_some_and(|p| !(1000..=1_000_000).contains(&p))
        {
            return invalid(
                "CPU cfs period cannot be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)",
            );
        }
        if self.cpu_quota.is_some_and(|q| q > 0 && q < 1000) {
            return invalid("CPU cfs quota cannot be less than 1ms (i.e. 1000)");
        }
        if let (Some(memory), Some(reservation)) = (memory, self.memory_reservation) {
            if reservation > memory {
                return invalid(
                    "minimum memory limit cannot be less than memory reservation limit, see usage",
                );
            }
        }
        Ok(())
    }
}

/// What this host lets rcon enforce of `resources`, which keeps only those
/// (the container record shows what is enforced, as Podman's does); the
/// warnings to show for what was dropped. Looks at the host only when a
/// limit was asked for.
pub fn admit(resources: &mut Resources) -> Result<Vec<String>, Error> {
    if resources.is_empty() {
        return Ok(Vec::new());
    }
    let delegation = match Delegation::find() {
        Ok(delegation) => delegation,
        Err(missing) => {
            *resources = Resources::default();
            return Ok(vec![if missing.v1 {
                V1_ROOTLESS_WARNING.to_string()
            } else {
                format!(
                    "Resource limits are not supported and ignored: {}",
                    missing.why
                )
            }]);
        }
    };
    let mut warnings = Vec::new();
    let available = delegation.controllers();
    for controller in resources.controllers() {
        if !available.iter().any(|c| c == controller.name()) {
            warnings.extend(
                resources
                    .discarded(controller)
                    .into_iter()
                    .map(String::from),
            );
            resources.drop_controller(controller);
        }
    }
    resources.check()?;
    Ok(warnings)
}

/// `update`: the limits of a container that has, or will have, a cgroup;
/// refused where none can be enforced (Podman's runtime fails there too).
pub fn admit_update(resources: &Resources) -> Result<(), Error> {
    let delegation = Delegation::find().map_err(|missing| {
        Error::Cgroup(cgroup::Error::NotDelegated {
            what: "updating the container's resource limits".into(),
            why: missing.why,
        })
    })?;
    let available = delegation.controllers();
    if let Some(missing) = resources
        .controllers()
        .into_iter()
        .find(|c| !available.iter().any(|a| a == c.name()))
    {
        return Err(Error::Cgroup(cgroup::Error::NoController {
            controller: missing.name(),
            root: delegation.root,
        }));
    }
    resources.check()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_become_typed_limits() {
        let resources = ResourceFlags {
            memory: Some("1G".into()),
            memory_swap: Some("3g".into()),
            memory_reservation: Some("400M".into()),
            cpus: Some(1.5),
            pids_limit: Some(100),
            device_read_bps: vec!["/dev/zero:10mb".into()],
            blkio_weight: Some("321".into()),
            ..ResourceFlags::default()
        }
        .parse()
        .unwrap();
        assert_eq!(resources.memory, Some(1 << 30));
        assert_eq!(resources.memory_swap, Some(3 << 30));
        assert_eq!(resources.memory_reservation, Some(419_430_400));
        assert_eq!(
            (resources.cpu_period, resources.cpu_quota),
            (Some(100_000), Some(150_000))
        );
        assert_eq!(resources.device_read_bps[0].value, 10 << 20);
        assert_eq!(resources.blkio_weight, Some(321));
        assert_eq!(
            resources.controllers(),
            [
                Controller::Memory,
                Controller::Cpu,
                Controller::Pids,
                Controller::Io
            ]
        );
        resources.check().unwrap();
    }

    #[test]
    fn bad_values_and_combinations_are_refused_with_podmans_words() {
        let error = |flags: ResourceFlags| flags.parse().unwrap_err().to_string();
        assert!(
            error(ResourceFlags {
                memory: Some("lots".into()),
                ..Default::default()
            })
            .contains("--memory \"lots\"")
        );
        assert_eq!(
            error(ResourceFlags {
                cpus: Some(1.0),
                cpu_quota: Some(5),
                ..Default::default()
            }),
            "--cpu-quota and --cpus cannot be set together"
        );
        assert!(
            error(ResourceFlags {
                memory_swappiness: Some(101),
                ..Default::default()
            })
            .contains("swappiness range is 0-100")
        );
        assert!(
            error(ResourceFlags {
                device_write_iops: vec!["sda:10".into()],
                ..Default::default()
            })
            .contains("DEVICE-PATH:VALUE")
        );
        let check = |memory: &str, swap: &str| {
            ResourceFlags {
                memory: Some(memory.into()).filter(|m: &String| !m.is_empty()),
                memory_swap: Some(swap.into()),
                ..Default::default()
            }
            .parse()
            .unwrap()
            .check()
            .map_err(|e| e.to_string())
        };
        assert!(
            check("10m", "5m")
                .unwrap_err()
                .contains("larger than memory")
        );
        assert!(check("", "5m").unwrap_err().contains("always set a memory"));
        assert!(check("1m", "-1").unwrap_err().contains("6MB"));
        check("10m", "-1").unwrap();
    }

    #[test]
    fn update_replaces_only_what_is_given() {
        let mut resources = Resources {
            memory: Some(1 << 30),
            pids_limit: Some(10),
            ..Resources::default()
        };
        resources.merge(Resources {
            memory: Some(2 << 30),
            ..Resources::default()
        });
        assert_eq!(resources.memory, Some(2 << 30));
        assert_eq!(resources.pids_limit, Some(10));
        // --memory=0 asks for "no limit", and that still counts as asked.
        assert!(
            !ResourceFlags {
                memory: Some("0".into()),
                ..Default::default()
            }
            .parse()
            .unwrap()
            .is_empty()
        );
    }
}
