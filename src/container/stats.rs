//! `stats`: what a running container uses — CPU, memory, network and block
//! I/O, PIDs — for the CLI (Podman's fields) and the API (Docker's shape).
//!
//! From the container's cgroup files where it has a cgroup of its own (its
//! processes, CPU time; memory, PIDs and I/O where those controllers are
//! enabled), and otherwise from /proc, for every process in the container's
//! PID namespace (its own and `exec`'d ones): CPU time (`stat`, with what
//! reaped children used), memory (`smaps_rollup`'s proportional set size,
//! so shared pages count once), threads, storage I/O (`io`), and the
//! network counters of its network namespace (`net/dev`, but loopback).
//! Podman shows nothing at all rootless without cgroup v2; rcon shows this.

use std::fs;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use nix::unistd::{SysconfVar, sysconf};

use super::Error;
use super::lifecycle::Lifecycle;
use super::store::{ContainerRecord, State, Status};
use super::top::namespace_members;
use crate::network::Mode;

/// One network interface's counters (`/proc/PID/net/dev`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Interface {
    pub name: String,
    pub rx_bytes: u64,
    pub rx_packets: u64,
    pub rx_errors: u64,
    pub rx_dropped: u64,
    pub tx_bytes: u64,
    pub tx_packets: u64,
    pub tx_errors: u64,
    pub tx_dropped: u64,
}

/// A running container's counters at one moment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sample {
    /// When it was taken, nanoseconds since the epoch.
    pub at_ns: u64,
    /// CPU time used, all and in the kernel, nanoseconds.
    pub cpu_ns: u64,
    pub cpu_system_ns: u64,
    pub memory: u64,
    /// Its memory limit, else the host's memory.
    pub memory_limit: u64,
    pub pids: u64,
    pub block_read: u64,
    pub block_write: u64,
    /// Its own network namespace's interfaces (none with `--network host`).
    pub networks: Vec<Interface>,
}

impl Sample {
    /// The container's counters now; `None` when it does not run.
    pub fn take(lifecycle: &Lifecycle, record: &ContainerRecord) -> Result<Option<Sample>, Error> {
        let pid = match lifecycle.container_process(record) {
            Ok((pid, _)) => pid,
            Err(Error::NotRunning(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let cgroup = lifecycle.cgroup(record);
        let processes = match &cgroup {
            Some(cgroup) => cgroup.processes(),
            None => match namespace_members(pid)? {
                Some(members) => members,
                None => return Ok(None),
            },
        };
        let mut sample = Sample {
            at_ns: now_ns(),
            memory_limit: host_memory(),
            ..Sample::default()
        };
        let ticks = sysconf(SysconfVar::CLK_TCK).ok().flatten().unwrap_or(100) as u64;
        let tick_ns = 1_000_000_000 / ticks.max(1);
        for &process in &processes {
            let Some(usage) = ProcessUsage::read(process) else {
                continue;
            };
            sample.cpu_ns += usage.cpu_ticks * tick_ns;
            sample.cpu_system_ns += usage.system_ticks * tick_ns;
            sample.memory += usage.memory;
            sample.pids += usage.threads;
            sample.block_read += usage.read_bytes;
            sample.block_write += usage.write_bytes;
        }
        if let Some(cgroup) = &cgroup {
            let usage = cgroup.usage();
            sample.cpu_ns = usage.cpu_usec * 1000;
            sample.cpu_system_ns = usage.system_usec * 1000;
            sample.memory = usage.memory.unwrap_or(sample.memory);
            sample.memory_limit = usage
                .memory_max
                .filter(|max| *max < sample.memory_limit)
                .unwrap_or(sample.memory_limit);
            sample.pids = usage.pids.unwrap_or(sample.pids);
            if let Some((read, write)) = usage.io {
                (sample.block_read, sample.block_write) = (read, write);
            }
        }
        if record.config.network != Mode::Host {
            sample.networks = interfaces(pid);
        }
        Ok(Some(sample))
    }
}

/// What one process has used (`/proc/PID/{stat,smaps_rollup,io}`).
struct ProcessUsage {
    /// User and system time, its own and its reaped children's.
    cpu_ticks: u64,
    system_ticks: u64,
    memory: u64,
    threads: u64,
    read_bytes: u64,
    write_bytes: u64,
}

impl ProcessUsage {
    fn read(pid: i32) -> Option<ProcessUsage> {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // Fields from 3 (state) on, after the command name.
        let fields: Vec<&str> = stat
            .get(stat.rfind(')')? + 1..)?
            .split_whitespace()
            .collect();
        let number = |index: usize| {
            fields
                .get(index - 3)
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0)
        };
        let io = fs::read_to_string(format!("/proc/{pid}/io")).unwrap_or_default();
        let rollup = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
        Some(ProcessUsage {
            cpu_ticks: number(14) + number(15) + number(16) + number(17),
            system_ticks: number(15) + number(17),
            memory: kib(&rollup, "Pss:") * 1024,
            threads: number(20),
            read_bytes: kib(&io, "read_bytes:"),
            write_bytes: kib(&io, "write_bytes:"),
        })
    }
}

/// The number after `key` on its line (a "key: N" file).
fn kib(text: &str, key: &str) -> u64 {
    text.lines()
        .find_map(|line| line.strip_prefix(key))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The interfaces of process `pid`'s network namespace but loopback.
fn interfaces(pid: i32) -> Vec<Interface> {
    let text = fs::read_to_string(format!("/proc/{pid}/net/dev")).unwrap_or_default();
    text.lines()
        .skip(2)
        .filter_map(|line| {
            let (name, counters) = line.split_once(':')?;
            let name = name.trim();
            if name == "lo" {
                return None;
            }
            let n: Vec<u64> = counters
                .split_whitespace()
                .filter_map(|c| c.parse().ok())
                .collect();
            Some(Interface {
                name: name.to_string(),
                rx_bytes: *n.first()?,
                rx_packets: *n.get(1)?,
                rx_errors: *n.get(2)?,
                rx_dropped: *n.get(3)?,
                tx_bytes: *n.get(8)?,
                tx_packets: *n.get(9)?,
                tx_errors: *n.get(10)?,
                tx_dropped: *n.get(11)?,
            })
        })
        .collect()
}

fn host_memory() -> u64 {
    let text = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    kib(&text, "MemTotal:") * 1024
}

fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// The host's CPU time in all, nanoseconds (`/proc/stat`): Docker's
/// `system_cpu_usage`, what a container's share is measured against.
pub fn host_cpu_ns() -> u64 {
    let text = fs::read_to_string("/proc/stat").unwrap_or_default();
    let ticks: u64 = text
        .lines()
        .find_map(|line| line.strip_prefix("cpu "))
        .map(|rest| {
            rest.split_whitespace()
                .filter_map(|n| n.parse::<u64>().ok())
                .sum()
        })
        .unwrap_or(0);
    let per_second = sysconf(SysconfVar::CLK_TCK).ok().flatten().unwrap_or(100) as u64;
    ticks * (1_000_000_000 / per_second.max(1))
}

/// Podman's `ContainerStats`: one container's use, with the CPU share since
/// the sample before (or since its start, for the first).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub id: String,
    pub name: String,
    /// Percent of one CPU, since the previous sample.
    pub cpu: f64,
    /// Percent of one CPU, since the container started.
    pub avg_cpu: f64,
    pub cpu_ns: u64,
    pub cpu_system_ns: u64,
    pub system_ns: u64,
    pub mem_usage: u64,
    pub mem_limit: u64,
    pub mem_perc: f64,
    pub net_input: u64,
    pub net_output: u64,
    pub block_input: u64,
    pub block_output: u64,
    pub pids: u64,
}

impl Stats {
    /// The stats of `sample` (`None`: the container does not run, all
    /// zero), measured from `previous`.
    pub fn of(
        record: &ContainerRecord,
        state: &State,
        sample: Option<&Sample>,
        previous: Option<&Sample>,
    ) -> Stats {
        let mut stats = Stats {
            id: record.id.clone(),
            name: record.name.clone(),
            ..Stats::default()
        };
        let Some(sample) = sample else {
            return stats;
        };
        let started_ns = state
            .started_at
            .as_deref()
            .filter(|_| state.status == Status::Running)
            .and_then(crate::util::time::parse_time)
            .and_then(|t| t.timestamp_nanos_opt())
            .map_or(sample.at_ns, |ns| ns.max(0) as u64);
        let percent = |used: u64, since_cpu: u64, since_ns: u64| {
            let elapsed = sample.at_ns.saturating_sub(since_ns);
            if elapsed == 0 {
                0.0
            } else {
                used.saturating_sub(since_cpu) as f64 / elapsed as f64 * 100.0
            }
        };
        let (previous_cpu, previous_at) = previous.map_or((0, started_ns), |p| (p.cpu_ns, p.at_ns));
        stats.cpu = percent(sample.cpu_ns, previous_cpu, previous_at);
        stats.avg_cpu = percent(sample.cpu_ns, 0, started_ns);
        stats.cpu_ns = sample.cpu_ns;
        stats.cpu_system_ns = sample.cpu_system_ns;
        stats.system_ns = sample.at_ns;
        stats.mem_usage = sample.memory;
        stats.mem_limit = sample.memory_limit;
        stats.mem_perc = if sample.memory_limit == 0 {
            0.0
        } else {
            sample.memory as f64 / sample.memory_limit as f64 * 100.0
        };
        stats.net_input = sample.networks.iter().map(|i| i.rx_bytes).sum();
        stats.net_output = sample.networks.iter().map(|i| i.tx_bytes).sum();
        stats.block_input = sample.block_read;
        stats.block_output = sample.block_write;
        stats.pids = sample.pids;
        stats
    }

    /// The CPU time used, as Go's `time.Duration` reads.
    pub fn up_time(&self) -> Duration {
        Duration::from_nanos(self.cpu_ns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_has_counters() {
        let me = ProcessUsage::read(std::process::id() as i32).unwrap();
        assert!(me.threads >= 1);
        assert!(me.memory > 0, "a running test has resident memory");
        let interfaces = interfaces(std::process::id() as i32);
        assert!(interfaces.iter().all(|i| i.name != "lo"));
        assert!(host_memory() > 0);
        assert!(host_cpu_ns() > 0);
    }
}
