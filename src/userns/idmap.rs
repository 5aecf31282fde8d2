//! Which ID mapping the namespace gets, and writing it.
//!
//! With subordinate ranges and the setuid helpers, the user's own ID becomes
//! container ID 0 and the ranges follow from container ID 1 upwards. Without
//! them rcon falls back to a single mapping (`0 <uid> 1`), which always works
//! for an unprivileged user.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::subid::{IdRange, SubidFile};
use super::{Error, HostUser};

/// Environment overrides for the subid files, documented as being for tests.
pub const SUBUID_FILE_ENV: &str = "RCON_SUBUID_FILE";
pub const SUBGID_FILE_ENV: &str = "RCON_SUBGID_FILE";

/// The mapping a new namespace gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingPlan {
    /// Own ID as 0, the subordinate ranges from 1 upwards, written by the helpers.
    Subordinate {
        newuidmap: PathBuf,
        newgidmap: PathBuf,
        uid_ranges: Vec<IdRange>,
        gid_ranges: Vec<IdRange>,
    },
    /// `0 <uid> 1` and `0 <gid> 1`, written by rcon itself.
    Single(SingleReason),
}

/// Why the namespace has a single mapping; each says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SingleReason {
    /// No entry for the user in one or both files.
    NoRanges { missing: Vec<PathBuf> },
    /// A subid file exists but cannot be read.
    Unreadable { file: PathBuf, error: String },
    /// newuidmap or newgidmap is not on PATH.
    NoHelper { helper: &'static str },
    /// A helper ran and failed (not setuid, ranges refused, ...).
    HelperFailed {
        helper: &'static str,
        message: String,
    },
    /// The namespace was made before subordinate IDs could be used; they can now.
    CreatedEarlier,
}

impl SingleReason {
    /// One line: what is wrong, what it means, and the command that fixes it.
    pub fn warning(&self, user: &HostUser) -> String {
        let effect = "running with a single-ID mapping (files owned by other IDs become root's in containers)";
        match self {
            SingleReason::NoRanges { missing } => {
                let files: Vec<String> = missing.iter().map(|p| p.display().to_string()).collect();
                format!(
                    "no subordinate IDs for user {} in {}: {effect}; fix: {} && rcon system migrate",
                    user.name,
                    files.join(" and "),
                    add_subids_command(user)
                )
            }
            SingleReason::Unreadable { file, error } => format!(
                "cannot read {}: {error}: {effect}; fix: sudo chmod 0644 {}",
                file.display(),
                file.display()
            ),
            SingleReason::NoHelper { helper } => format!(
                "{helper} is not installed: {effect}; fix: {} && rcon system migrate",
                install_command("uidmap")
            ),
            SingleReason::HelperFailed { helper, message } => format!(
                "{helper} failed ({message}): {effect}; run `rcon info` for the cause and the fix"
            ),
            SingleReason::CreatedEarlier => format!(
                "the user namespace was created before subordinate IDs were usable: {effect}; fix: rcon system migrate"
            ),
        }
    }
}

/// The `usermod` command that gives the user a free range of 65536 IDs.
pub fn add_subids_command(user: &HostUser) -> String {
    let start = subid_file(SUBUID_FILE_ENV, "/etc/subuid")
        .ok()
        .flatten()
        .into_iter()
        .chain(subid_file(SUBGID_FILE_ENV, "/etc/subgid").ok().flatten())
        .map(|file| file.first_free_id())
        .max()
        .unwrap_or(100_000);
    let end = start + 65535;
    format!(
        "sudo usermod --add-subuids {start}-{end} --add-subgids {start}-{end} {}",
        user.name
    )
}

/// The distribution's install command for a package, by its Debian name.
pub fn install_command(debian_package: &str) -> String {
    let os_release = fs::read_to_string("/etc/os-release").unwrap_or_default();
    let ids: Vec<&str> = os_release
        .lines()
        .filter_map(|l| l.strip_prefix("ID=").or_else(|| l.strip_prefix("ID_LIKE=")))
        .flat_map(|v| v.trim_matches('"').split_whitespace())
        .collect();
    let has = |id: &str| ids.contains(&id);
    let package = |other: &'static str| {
        if debian_package == "uidmap" {
            other
        } else {
            debian_package
        }
    };
    if has("fedora") || has("rhel") || has("centos") {
        format!("sudo dnf install {}", package("shadow-utils"))
    } else if has("arch") {
        format!("sudo pacman -S {}", package("shadow"))
    } else if has("suse") || has("opensuse") {
        format!("sudo zypper install {}", package("shadow"))
    } else if has("alpine") {
        format!("sudo apk add {}", package("shadow-uidmap"))
    } else {
        format!("sudo apt-get install {debian_package}")
    }
}

/// The subid file to read (the override first) and its parsed content;
/// `Ok(None)` when it does not exist.
pub fn subid_file(env: &str, default: &str) -> Result<Option<SubidFile>, (PathBuf, io::Error)> {
    let path = subid_path(env, default);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(Some(SubidFile::parse(&path, &text))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err((path, e)),
    }
}

pub fn subid_path(env: &str, default: &str) -> PathBuf {
    std::env::var_os(env)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

/// Finds a program on PATH, as execvp would.
pub fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Decides the mapping for a new namespace. Malformed subid lines are printed
/// as warnings here; a range that contains the user's own ID is an error.
pub fn plan(user: &HostUser) -> Result<MappingPlan, Error> {
    let mut ranges = Vec::new();
    let mut missing = Vec::new();
    for (env, default, id) in [
        (SUBUID_FILE_ENV, "/etc/subuid", user.uid),
        (SUBGID_FILE_ENV, "/etc/subgid", user.gid),
    ] {
        let file = match subid_file(env, default) {
            Ok(file) => file.unwrap_or_default(),
            Err((file, e)) => {
                return Ok(MappingPlan::Single(SingleReason::Unreadable {
                    file,
                    error: e.to_string(),
                }));
            }
        };
        for bad in &file.malformed {
            log::warn!("{bad}");
        }
        let own = file.ranges_for(&user.name, user.uid);
        if let Some(range) = own.iter().find(|r| r.contains(id)) {
            return Err(Error::RangeContainsOwnId {
                file: subid_path(env, default),
                id,
                start: range.start,
                count: range.count,
            });
        }
        if own.is_empty() {
            missing.push(subid_path(env, default));
        }
        ranges.push(own);
    }
    if !missing.is_empty() {
        return Ok(MappingPlan::Single(SingleReason::NoRanges { missing }));
    }
    let gid_ranges = ranges.pop().unwrap_or_default();
    let uid_ranges = ranges.pop().unwrap_or_default();
    let (Some(newuidmap), Some(newgidmap)) = (find_program("newuidmap"), find_program("newgidmap"))
    else {
        let helper = if find_program("newuidmap").is_none() {
            "newuidmap"
        } else {
            "newgidmap"
        };
        return Ok(MappingPlan::Single(SingleReason::NoHelper { helper }));
    };
    Ok(MappingPlan::Subordinate {
        newuidmap,
        newgidmap,
        uid_ranges,
        gid_ranges,
    })
}

/// The helper's arguments after the pid: `0 <own> 1`, then each range from container ID 1 up.
pub fn helper_args(own: u32, ranges: &[IdRange]) -> Vec<String> {
    let mut args = vec!["0".to_string(), own.to_string(), "1".to_string()];
    let mut container_id: u64 = 1;
    for range in ranges {
        args.extend([
            container_id.to_string(),
            range.start.to_string(),
            range.count.to_string(),
        ]);
        container_id += u64::from(range.count);
    }
    args
}

/// Writes the mapping of process `pid`, which has just unshared its user namespace.
/// Returns the reason when it ends up with a single mapping.
pub fn write_mapping(
    pid: i32,
    user: &HostUser,
    plan: &MappingPlan,
) -> Result<Option<SingleReason>, Error> {
    let reason = match plan {
        MappingPlan::Single(reason) => reason.clone(),
        MappingPlan::Subordinate {
            newuidmap,
            newgidmap,
            uid_ranges,
            gid_ranges,
        } => {
            match run_helper(newuidmap, pid, &helper_args(user.uid, uid_ranges)) {
                // Nothing is written yet, so the single mapping still works.
                Err(message) => SingleReason::HelperFailed {
                    helper: "newuidmap",
                    message,
                },
                Ok(()) => {
                    run_helper(newgidmap, pid, &helper_args(user.gid, gid_ranges)).map_err(
                        |message| Error::Helper {
                            helper: "newgidmap",
                            message,
                        },
                    )?;
                    return Ok(None);
                }
            }
        }
    };
    write_single(pid, user)?;
    Ok(Some(reason))
}

fn run_helper(program: &Path, pid: i32, args: &[String]) -> Result<(), String> {
    let output = Command::new(program)
        .arg(pid.to_string())
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let message = stderr.lines().last().unwrap_or("").trim().to_string();
    Err(if message.is_empty() {
        output.status.to_string()
    } else {
        message
    })
}

fn write_single(pid: i32, user: &HostUser) -> Result<(), Error> {
    let proc = PathBuf::from(format!("/proc/{pid}"));
    let write = |name: &str, content: String| {
        fs::write(proc.join(name), content).map_err(|source| Error::WriteMap {
            file: proc.join(name),
            source,
        })
    };
    write("uid_map", format!("0 {} 1\n", user.uid))?;
    write("setgroups", "deny\n".to_string())?;
    write("gid_map", format!("0 {} 1\n", user.gid))
}

/// One line of /proc/PID/uid_map or gid_map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MapLine {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}

/// The mapping in force for this process (`uid_map` or `gid_map`).
pub fn current_map(which: &str) -> Vec<MapLine> {
    let text = fs::read_to_string(format!("/proc/self/{which}")).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut f = line.split_whitespace().map(|v| v.parse::<u32>());
            match (f.next(), f.next(), f.next()) {
                (Some(Ok(container_id)), Some(Ok(host_id)), Some(Ok(size))) => Some(MapLine {
                    container_id,
                    host_id,
                    size,
                }),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helper_args_put_own_id_at_zero_and_ranges_from_one() {
        let ranges = [
            IdRange {
                start: 100000,
                count: 65536,
            },
            IdRange {
                start: 300000,
                count: 10,
            },
        ];
        assert_eq!(
            helper_args(1000, &ranges),
            [
                "0", "1000", "1", "1", "100000", "65536", "65537", "300000", "10"
            ]
        );
    }
}
