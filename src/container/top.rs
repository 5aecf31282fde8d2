//! `rcon top`: a running container's processes, ps-style.
//!
//! Read from the host's /proc (no process is started in the container): every
//! process whose PID namespace is the container's, shown as the container sees
//! it — its PID and parent's PID from `NSpid` in `/proc/PID/status`, user and
//! group names from the container's own /etc/passwd and /etc/group (reached
//! inside its root, never through a symlink out of it). The
//! columns are Podman's AIX-style descriptors (`pid`, `user`, `args`, …).

use std::fs;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use nix::fcntl::{OFlag, openat};
use nix::sys::stat::Mode;
use nix::unistd::{SysconfVar, sysconf};

use super::Error;
use super::lifecycle::Lifecycle;
use super::store::ContainerRecord;
use crate::storage::extract::Root;

/// The most of a container's passwd or group file that is read.
const MAX_ETC_FILE: u64 = 1 << 20;

/// Podman's default columns.
pub const DEFAULT_DESCRIPTORS: [&str; 8] = [
    "user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args",
];

/// Each descriptor with its column header.
const DESCRIPTORS: [(&str, &str); 18] = [
    ("args", "COMMAND"),
    ("comm", "COMMAND"),
    ("etime", "ELAPSED"),
    ("group", "GROUP"),
    ("hgroup", "HGROUP"),
    ("hpid", "HPID"),
    ("huser", "HUSER"),
    ("nice", "NI"),
    ("pcpu", "%CPU"),
    ("pgid", "PGID"),
    ("pid", "PID"),
    ("ppid", "PPID"),
    ("rgroup", "RGROUP"),
    ("ruser", "RUSER"),
    ("state", "STATE"),
    ("time", "TIME"),
    ("tty", "TTY"),
    ("user", "USER"),
];

/// The container's processes as rows of the `descriptors`' columns, header
/// first, ordered by PID. Descriptors may also be given comma-separated.
pub fn top(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    descriptors: &[String],
) -> Result<Vec<Vec<String>>, Error> {
    let descriptors: Vec<&str> = if descriptors.is_empty() {
        DEFAULT_DESCRIPTORS.to_vec()
    } else {
        descriptors
            .iter()
            .flat_map(|d| d.split(','))
            .filter(|d| !d.is_empty())
            .collect()
    };
    let mut header = Vec::new();
    for descriptor in &descriptors {
        match DESCRIPTORS.iter().find(|(name, _)| name == descriptor) {
            Some((_, title)) => header.push(title.to_string()),
            None => {
                return Err(Error::Invalid(format!(
                    "unknown top descriptor {descriptor:?}: use {}",
                    DESCRIPTORS.map(|(name, _)| name).join(", ")
                )));
            }
        }
    }
    let (pid, _pidfd) = lifecycle.container_process(record)?;
    let members = namespace_members(pid)?.ok_or_else(|| Error::NotRunning(record.name.clone()))?;
    let ids = Ids::of(Path::new(&format!("/proc/{pid}")));
    let clock = Clock::now();
    let mut processes: Vec<Process> = members.into_iter().filter_map(Process::read).collect();
    processes.sort_by_key(|p| p.pid);
    let mut rows = vec![header];
    for process in &processes {
        rows.push(
            descriptors
                .iter()
                .map(|d| process.column(d, &ids, &clock))
                .collect(),
        );
    }
    Ok(rows)
}

/// The host PIDs of every process in the PID namespace of process `pid`
/// (a container's first): its own and `exec`'d ones. `None` once `pid` is gone.
pub(super) fn namespace_members(pid: i32) -> Result<Option<Vec<i32>>, Error> {
    let namespace = |pid: i32| {
        fs::metadata(format!("/proc/{pid}/ns/pid"))
            .map(|m| m.ino())
            .ok()
    };
    let Some(pid_ns) = namespace(pid) else {
        return Ok(None);
    };
    Ok(Some(
        fs::read_dir("/proc")
            .map_err(|source| Error::Files {
                what: "reading /proc".into(),
                source,
            })?
            .flatten()
            .filter_map(|entry| entry.file_name().to_str()?.parse::<i32>().ok())
            .filter(|&host_pid| namespace(host_pid) == Some(pid_ns))
            .collect(),
    ))
}

/// Clock ticks and the system's uptime, for times in /proc/PID/stat.
struct Clock {
    ticks_per_second: f64,
    uptime: f64,
}

impl Clock {
    fn now() -> Clock {
        let ticks = sysconf(SysconfVar::CLK_TCK).ok().flatten().unwrap_or(100);
        let uptime = fs::read_to_string("/proc/uptime")
            .ok()
            .and_then(|text| text.split_whitespace().next()?.parse().ok())
            .unwrap_or(0.0);
        Clock {
            ticks_per_second: ticks as f64,
            uptime,
        }
    }

    fn seconds(&self, ticks: u64) -> f64 {
        ticks as f64 / self.ticks_per_second
    }
}

/// One process, as the container sees it.
struct Process {
    host_pid: i32,
    pid: i32,
    /// 0 when the parent is outside the container (its monitor).
    ppid: i32,
    pgid: i32,
    /// Real and effective user and group, in rcon's user namespace.
    uid: [u32; 2],
    gid: [u32; 2],
    state: char,
    nice: i64,
    /// CPU time used and start time, in clock ticks.
    cpu_ticks: u64,
    start_ticks: u64,
    tty: u64,
    comm: String,
    args: String,
}

impl Process {
    fn read(host_pid: i32) -> Option<Process> {
        let dir = PathBuf::from(format!("/proc/{host_pid}"));
        let status = fs::read_to_string(dir.join("status")).ok()?;
        let field = |key: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
                .map(|value| value.split_whitespace().collect::<Vec<_>>())
        };
        // The last NSpid/NSpgid entry is the ID in the innermost namespace: the container's.
        let innermost = |key: &str| field(key)?.last()?.parse::<i32>().ok();
        let ids = |key: &str| -> Option<[u32; 2]> {
            let values = field(key)?;
            Some([values.first()?.parse().ok()?, values.get(1)?.parse().ok()?])
        };
        let stat = fs::read_to_string(dir.join("stat")).ok()?;
        let comm = stat.get(stat.find('(')? + 1..stat.rfind(')')?)?.to_string();
        // Fields from 3 (state) on, after the command name.
        let fields: Vec<&str> = stat
            .get(stat.rfind(')')? + 1..)?
            .split_whitespace()
            .collect();
        let number = |index: usize| fields.get(index - 3)?.parse::<u64>().ok();
        let parent = number(4)? as i32;
        let ppid = fs::read_to_string(format!("/proc/{parent}/status"))
            .ok()
            .and_then(|parent_status| {
                let own = field("NSpid")?.len();
                let nspid = parent_status
                    .lines()
                    .find_map(|line| line.strip_prefix("NSpid:"))?
                    .split_whitespace()
                    .collect::<Vec<_>>();
                // The parent is in the container only when it has as many levels.
                (nspid.len() == own).then(|| nspid.last()?.parse().ok())?
            })
            .unwrap_or(0);
        let args = fs::read(dir.join("cmdline"))
            .map(|bytes| {
                bytes
                    .split(|&b| b == 0)
                    .filter(|arg| !arg.is_empty())
                    .map(String::from_utf8_lossy)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        Some(Process {
            host_pid,
            pid: innermost("NSpid")?,
            ppid,
            pgid: innermost("NSpgid")?,
            uid: ids("Uid")?,
            gid: ids("Gid")?,
            state: fields.first()?.chars().next()?,
            nice: fields.get(19 - 3)?.parse().ok()?,
            cpu_ticks: number(14)? + number(15)?,
            start_ticks: number(22)?,
            tty: number(7)?,
            args: if args.is_empty() {
                format!("[{comm}]")
            } else {
                args
            },
            comm,
        })
    }

    fn column(&self, descriptor: &str, ids: &Ids, clock: &Clock) -> String {
        let elapsed = (clock.uptime - clock.seconds(self.start_ticks)).max(0.0);
        let cpu = clock.seconds(self.cpu_ticks);
        match descriptor {
            "args" => self.args.clone(),
            "comm" => self.comm.clone(),
            "etime" => go_duration(elapsed),
            "group" => ids.group(self.gid[1]),
            "hgroup" => ids.host_group(self.gid[1]),
            "hpid" => self.host_pid.to_string(),
            "huser" => ids.host_user(self.uid[1]),
            "nice" => self.nice.to_string(),
            "pcpu" => format!(
                "{:.3}",
                if elapsed > 0.0 {
                    cpu / elapsed * 100.0
                } else {
                    0.0
                }
            ),
            "pgid" => self.pgid.to_string(),
            "pid" => self.pid.to_string(),
            "ppid" => self.ppid.to_string(),
            "rgroup" => ids.group(self.gid[0]),
            "ruser" => ids.user(self.uid[0]),
            "state" => self.state.to_string(),
            "time" => go_duration(cpu.floor()),
            "tty" => tty_name(self.tty),
            "user" => ids.user(self.uid[1]),
            _ => unreachable!("descriptors are checked before processes are read"),
        }
    }
}

/// The container's view of user and group IDs: its ID maps (when it has a
/// user namespace of its own) and the names in its /etc/passwd and /etc/group;
/// and the host's: rcon's ID maps and the host's names (`huser`, `hgroup`).
struct Ids {
    /// `(inside, outside, count)` lines of uid_map/gid_map; empty when the
    /// container shares rcon's user namespace.
    uid_map: Vec<[u32; 3]>,
    gid_map: Vec<[u32; 3]>,
    users: Vec<(u32, String)>,
    groups: Vec<(u32, String)>,
    /// rcon's own namespace's maps (IDs here to the host's).
    host_uid_map: Vec<[u32; 3]>,
    host_gid_map: Vec<[u32; 3]>,
    host_users: Vec<(u32, String)>,
    host_groups: Vec<(u32, String)>,
}

impl Ids {
    fn of(container: &Path) -> Ids {
        let own_namespace = fs::metadata("/proc/self/ns/user").map(|m| m.ino()).ok();
        let shared = fs::metadata(container.join("ns/user"))
            .map(|m| m.ino())
            .ok()
            == own_namespace;
        let map = |file: &str| -> Vec<[u32; 3]> {
            if shared {
                return Vec::new();
            }
            id_map(&container.join(file))
        };
        let names = |file: &str| id_names(&container_etc(container, file).unwrap_or_default());
        let host_names = |file: &str| {
            id_names(&fs::read_to_string(Path::new("/etc").join(file)).unwrap_or_default())
        };
        Ids {
            uid_map: map("uid_map"),
            gid_map: map("gid_map"),
            users: names("passwd"),
            groups: names("group"),
            host_uid_map: id_map(Path::new("/proc/self/uid_map")),
            host_gid_map: id_map(Path::new("/proc/self/gid_map")),
            host_users: host_names("passwd"),
            host_groups: host_names("group"),
        }
    }

    fn host_user(&self, uid: u32) -> String {
        name(outside(&self.host_uid_map, uid), &self.host_users)
    }

    fn host_group(&self, gid: u32) -> String {
        name(outside(&self.host_gid_map, gid), &self.host_groups)
    }

    fn user(&self, uid: u32) -> String {
        name(inside(&self.uid_map, uid), &self.users)
    }

    fn group(&self, gid: u32) -> String {
        name(inside(&self.gid_map, gid), &self.groups)
    }
}

/// The container's `/etc/<file>`, reached inside its root filesystem (a
/// symlink it planted never leads out to the host's files), only a regular
/// file (a FIFO would block), at most [`MAX_ETC_FILE`] bytes.
fn container_etc(container: &Path, file: &str) -> std::io::Result<String> {
    let root = Root::with_dir(fs::File::open(container.join("root"))?, true)?;
    let etc = root.open_path(Path::new("/etc"))?;
    let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC;
    let file = fs::File::from(openat(&etc, file, flags, Mode::empty())?);
    let mut text = String::new();
    if file.metadata()?.is_file() {
        file.take(MAX_ETC_FILE).read_to_string(&mut text)?;
    }
    Ok(text)
}

/// The `(inside, outside, count)` lines of a uid_map or gid_map file.
fn id_map(file: &Path) -> Vec<[u32; 3]> {
    fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut numbers = line.split_whitespace().map(|n| n.parse::<u32>().ok());
            Some([numbers.next()??, numbers.next()??, numbers.next()??])
        })
        .collect()
}

/// The IDs and names of a passwd or group file (fields 3 and 1 of both).
fn id_names(text: &str) -> Vec<(u32, String)> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            Some((fields.get(2)?.parse().ok()?, fields.first()?.to_string()))
        })
        .collect()
}

/// `id` (in rcon's namespace, whose `map` is given) as the host sees it;
/// the overflow ID 65534 when it is not mapped.
fn outside(map: &[[u32; 3]], id: u32) -> u32 {
    map.iter()
        .find(|[inside, _, count]| id >= *inside && id - inside < *count)
        .map_or(65534, |[inside, outside, _]| outside + (id - inside))
}

/// `id` (in rcon's namespace) as the container sees it; the overflow ID
/// 65534 when it is not mapped.
fn inside(map: &[[u32; 3]], id: u32) -> u32 {
    if map.is_empty() {
        return id;
    }
    map.iter()
        .find(|[_, outside, count]| id >= *outside && id - outside < *count)
        .map_or(65534, |[inside, outside, _]| inside + (id - outside))
}

fn name(id: u32, names: &[(u32, String)]) -> String {
    names
        .iter()
        .find(|(known, _)| *known == id)
        .map_or_else(|| id.to_string(), |(_, name)| name.clone())
}

/// The terminal of `tty_nr` (field 7 of /proc/PID/stat): `pts/N`, `ttyN`, or `?`.
fn tty_name(tty_nr: u64) -> String {
    let major = (tty_nr >> 8) & 0xfff;
    let minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
    match major {
        0 => "?".into(),
        4 => format!("tty{minor}"),
        136..=143 => format!("pts/{}", (major - 136) * 256 + minor),
        _ => format!("{major}:{minor}"),
    }
}

/// Seconds as Go prints a duration (Podman's ELAPSED and TIME): `0s`,
/// `1.5s`, `2m3.25s`, `1h0m4s`.
fn go_duration(seconds: f64) -> String {
    let centis = (seconds * 100.0).round() as u64;
    if centis == 0 {
        return "0s".into();
    }
    let (hours, rest) = (centis / 360_000, centis % 360_000);
    let (minutes, rest) = (rest / 6000, rest % 6000);
    let secs = match (rest / 100, rest % 100) {
        (whole, 0) => format!("{whole}s"),
        (whole, frac) => format!("{whole}.{}s", format!("{frac:02}").trim_end_matches('0')),
    };
    match (hours, minutes) {
        (0, 0) => secs,
        (0, m) => format!("{m}m{secs}"),
        (h, m) => format!("{h}h{m}m{secs}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_go() {
        assert_eq!(go_duration(0.0), "0s");
        assert_eq!(go_duration(1.5), "1.5s");
        assert_eq!(go_duration(18.39), "18.39s");
        assert_eq!(go_duration(123.25), "2m3.25s");
        assert_eq!(go_duration(3604.0), "1h0m4s");
    }

    #[test]
    fn ids_and_terminals() {
        let map = [[0, 1000, 1], [1, 100000, 65536]];
        assert_eq!(inside(&map, 1000), 0);
        assert_eq!(inside(&map, 100004), 5);
        assert_eq!(inside(&map, 7), 65534);
        assert_eq!(inside(&[], 7), 7);
        assert_eq!(outside(&map, 0), 1000);
        assert_eq!(outside(&map, 5), 100004);
        assert_eq!(outside(&map, 70000), 65534);
        assert_eq!(tty_name(0), "?");
        assert_eq!(tty_name((136 << 8) | 3), "pts/3");
        assert_eq!(tty_name((4 << 8) | 1), "tty1");
    }
}
