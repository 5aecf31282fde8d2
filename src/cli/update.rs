//! `rcon update`: changes a container's resource limits; the limit flags
//! `run` and `create` share with it.

use clap::Args;

use super::{Context, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::resources::ResourceFlags;
use crate::storage::store::Store;

/// The resource limits, as `run`, `create` and `update` take them.
#[derive(Debug, Args)]
pub struct ResourceArgs {
    /// Memory limit: NUMBER[UNIT], units b, k, m, g (0: none)
    #[arg(short, long, value_name = "SIZE")]
    pub memory: Option<String>,
    /// Memory soft limit: NUMBER[UNIT]
    #[arg(long, value_name = "SIZE")]
    pub memory_reservation: Option<String>,
    /// Memory plus swap limit: NUMBER[UNIT], or -1 for unlimited swap
    #[arg(long, value_name = "SIZE", allow_hyphen_values = true)]
    pub memory_swap: Option<String>,
    /// How readily the container's memory is swapped out (0 to 100, -1 for the system's)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub memory_swappiness: Option<i64>,
    /// Number of CPUs the container may use (CFS quota over a 100ms period)
    #[arg(long, value_name = "NUMBER")]
    pub cpus: Option<f64>,
    /// CPU shares (relative weight)
    #[arg(short = 'c', long, value_name = "SHARES")]
    pub cpu_shares: Option<u64>,
    /// CFS period, microseconds
    #[arg(long, value_name = "MICROSECONDS")]
    pub cpu_period: Option<u64>,
    /// CFS quota per period, microseconds
    #[arg(long, value_name = "MICROSECONDS", allow_hyphen_values = true)]
    pub cpu_quota: Option<i64>,
    /// CPUs in which to allow execution (0-3, 0,1)
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,
    /// Memory nodes in which to allow execution (0-3, 0,1)
    #[arg(long, value_name = "NODES")]
    pub cpuset_mems: Option<String>,
    /// Block IO weight (10 to 1000)
    #[arg(long, value_name = "WEIGHT")]
    pub blkio_weight: Option<String>,
    /// Block IO weight of a device: DEVICE-PATH:WEIGHT
    #[arg(long, value_name = "DEVICE:WEIGHT")]
    pub blkio_weight_device: Vec<String>,
    /// Read rate limit from a device: DEVICE-PATH:RATE (e.g. /dev/sda:1mb)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_read_bps: Vec<String>,
    /// Write rate limit to a device: DEVICE-PATH:RATE
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_write_bps: Vec<String>,
    /// Read operations per second from a device: DEVICE-PATH:IOPS
    #[arg(long, value_name = "DEVICE:IOPS")]
    pub device_read_iops: Vec<String>,
    /// Write operations per second to a device: DEVICE-PATH:IOPS
    #[arg(long, value_name = "DEVICE:IOPS")]
    pub device_write_iops: Vec<String>,
}

impl ResourceArgs {
    /// The flags for the engine; `pids_limit` is `run`'s and `create`'s.
    pub fn flags(self, pids_limit: Option<i64>) -> ResourceFlags {
        ResourceFlags {
            memory: self.memory,
            memory_reservation: self.memory_reservation,
            memory_swap: self.memory_swap,
            memory_swappiness: self.memory_swappiness,
            cpus: self.cpus,
            cpu_shares: self.cpu_shares,
            cpu_period: self.cpu_period,
            cpu_quota: self.cpu_quota,
            cpuset_cpus: self.cpuset_cpus,
            cpuset_mems: self.cpuset_mems,
            pids_limit,
            blkio_weight: self.blkio_weight,
            blkio_weight_device: self.blkio_weight_device,
            device_read_bps: self.device_read_bps,
            device_write_bps: self.device_write_bps,
            device_read_iops: self.device_read_iops,
            device_write_iops: self.device_write_iops,
        }
    }
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    #[command(flatten)]
    pub resources: ResourceArgs,
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// Prints the container's full ID once its limits are changed (none given:
/// nothing to change, as Podman).
pub fn run(ctx: &Context, args: UpdateArgs) -> Outcome {
    let changes = args.resources.flags(None).parse()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    lifecycle.update_resources(&record, changes)?;
    println!("{}", record.id);
    Ok(0)
}
