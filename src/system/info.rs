//! `rcon info`: what rcon runs on, how it is set up, and every problem found
//! on the host with the command that fixes it.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;

use crate::config::{self, Paths};
use crate::storage::driver::{self, Driver, DriverChoice};
use crate::storage::{OverlayProbe, probe_overlay};
use crate::userns::idmap::{
    self, SUBGID_FILE_ENV, SUBUID_FILE_ENV, add_subids_command, install_command,
};
use crate::userns::subid::IdRange;
use crate::userns::{HostUser, MapLine, Namespace, SingleReason};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    pub version: String,
    pub host: Host,
    pub user: HostUser,
    pub id_mappings: IdMappings,
    pub store: Store,
    pub helpers: Vec<Helper>,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Host {
    pub kernel: String,
    pub distribution: String,
    pub arch: String,
    pub cpus: usize,
    pub mem_total_bytes: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdMappings {
    /// "subordinate", "single", "host" (real root) or "none" (no namespace).
    pub mode: &'static str,
    pub uid_map: Vec<MapLine>,
    pub gid_map: Vec<MapLine>,
    pub subuid_ranges: Vec<IdRange>,
    pub subgid_ranges: Vec<IdRange>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    pub graph_root: PathBuf,
    pub run_root: PathBuf,
    /// Whether kernel overlayfs works inside the namespace on graph_root; None when it could not be probed.
    pub overlay: Option<OverlayProbe>,
    /// The storage driver new containers get, and why; None when it could not be chosen.
    pub driver: Option<DriverChoice>,
    /// Why the FUSE overlay cannot be used here; None when `/dev/fuse` works.
    pub fuse: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Helper {
    pub name: &'static str,
    pub path: Option<PathBuf>,
    pub version: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// rcon cannot work until it is fixed.
    Error,
    /// rcon works, but with less (single mapping, no network helper, ...).
    Warning,
    /// A limit worth knowing (privileged ports, ping).
    Note,
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub what: String,
    pub fix: String,
}

impl Problem {
    fn new(severity: Severity, what: impl Into<String>, fix: impl Into<String>) -> Problem {
        Problem {
            severity,
            what: what.into(),
            fix: fix.into(),
        }
    }
}

/// Everything `rcon info` shows. The host is examined first, as the user sees
/// it (inside the namespace, root-owned files look like nobody's); then
/// `enter_namespace` runs, and a failure there is reported, not fatal.
pub fn gather(
    paths: &Paths,
    user: &HostUser,
    requested_driver: Option<Driver>,
    enter_namespace: impl FnOnce() -> Result<Namespace, String>,
) -> Info {
    let mut problems = Vec::new();
    check_userns_sysctls(&mut problems);
    let (subuid_ranges, subgid_ranges) = check_subids(user, &mut problems);
    let helpers = helpers();
    check_helpers(&helpers, &mut problems);
    check_runtime_dir(user, &mut problems);
    check_devices(&mut problems);
    check_network_sysctls(user, &mut problems);

    let fuse = driver::fuse_unavailable().map(|(device, why)| format!("{device}: {why}"));
    let (mode, overlay, driver) = match &enter_namespace() {
        Err(message) => {
            problems.push(Problem::new(
                Severity::Error,
                message,
                "see the other problems listed here",
            ));
            ("none", None, None)
        }
        Ok(ns) => {
            let mode = match ns {
                Namespace::Host => "host",
                Namespace::Joined { single: None, .. } => "subordinate",
                Namespace::Joined {
                    single: Some(reason),
                    ..
                } => {
                    if matches!(reason, SingleReason::CreatedEarlier) {
                        problems.push(Problem::new(
                            Severity::Warning,
                            "the user namespace has a single-ID mapping although subordinate IDs are configured now",
                            "rcon system migrate",
                        ));
                    }
                    "single"
                }
            };
            let overlay = check_overlay(&paths.root, &mut problems);
            let driver = match driver::choose(&paths.root, requested_driver) {
                Ok(choice) => Some(choice),
                Err(e) => {
                    problems.push(Problem::new(
                        Severity::Error,
                        e.to_string(),
                        "see the fix in the message",
                    ));
                    None
                }
            };
            (mode, overlay, driver)
        }
    };

    Info {
        version: env!("CARGO_PKG_VERSION").to_string(),
        host: host(),
        user: user.clone(),
        id_mappings: IdMappings {
            mode,
            uid_map: idmap::current_map("uid_map"),
            gid_map: idmap::current_map("gid_map"),
            subuid_ranges,
            subgid_ranges,
        },
        store: Store {
            graph_root: paths.root.clone(),
            run_root: paths.runroot.clone(),
            overlay,
            driver,
            fuse,
        },
        helpers,
        problems,
    }
}

fn host() -> Host {
    let uname = nix::sys::utsname::uname().ok();
    let field = |f: fn(&nix::sys::utsname::UtsName) -> &std::ffi::OsStr| {
        uname
            .as_ref()
            .map(|u| f(u).to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let distribution = fs::read_to_string("/etc/os-release")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("PRETTY_NAME=")
                .map(|v| v.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let mem_total_bytes = fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kib| kib * 1024);
    Host {
        kernel: field(|u| u.release()),
        distribution,
        arch: field(|u| u.machine()),
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        mem_total_bytes,
    }
}

fn sysctl(name: &str) -> Option<String> {
    fs::read_to_string(Path::new("/proc/sys").join(name.replace('.', "/")))
        .ok()
        .map(|v| v.trim().to_string())
}

fn check_userns_sysctls(problems: &mut Vec<Problem>) {
    if sysctl("user.max_user_namespaces").as_deref() == Some("0") {
        problems.push(Problem::new(
            Severity::Error,
            "user namespaces are disabled (user.max_user_namespaces = 0)",
            "sudo sysctl -w user.max_user_namespaces=28633 && echo user.max_user_namespaces=28633 | sudo tee /etc/sysctl.d/50-rcon.conf",
        ));
    }
    if sysctl("kernel.unprivileged_userns_clone").as_deref() == Some("0") {
        problems.push(Problem::new(
            Severity::Error,
            "unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0)",
            "sudo sysctl -w kernel.unprivileged_userns_clone=1",
        ));
    }
    if sysctl("kernel.apparmor_restrict_unprivileged_userns").as_deref() == Some("1") {
        problems.push(Problem::new(
            Severity::Error,
            "AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1)",
            "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0, or load an AppArmor profile that allows userns for the rcon binary",
        ));
    }
}

fn check_subids(user: &HostUser, problems: &mut Vec<Problem>) -> (Vec<IdRange>, Vec<IdRange>) {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for (env, default, own_id) in [
        (SUBUID_FILE_ENV, "/etc/subuid", user.uid),
        (SUBGID_FILE_ENV, "/etc/subgid", user.gid),
    ] {
        let path = idmap::subid_path(env, default);
        let ranges = match idmap::subid_file(env, default) {
            Err((_, e)) => {
                problems.push(Problem::new(
                    Severity::Warning,
                    format!("cannot read {}: {e}", path.display()),
                    format!("sudo chmod 0644 {}", path.display()),
                ));
                Vec::new()
            }
            Ok(file) => {
                let file = file.unwrap_or_default();
                for bad in &file.malformed {
                    problems.push(Problem::new(
                        Severity::Warning,
                        bad.to_string(),
                        format!("sudoedit {} (line {})", bad.file.display(), bad.line),
                    ));
                }
                let ranges = file.ranges_for(&user.name, user.uid);
                if let Some(r) = ranges.iter().find(|r| r.contains(own_id)) {
                    problems.push(Problem::new(
                        Severity::Error,
                        format!(
                            "{}: the range {}-{} contains your own ID {own_id}",
                            path.display(),
                            r.start,
                            r.end() - 1
                        ),
                        format!(
                            "sudoedit {} and give {} a range that does not contain {own_id}",
                            path.display(),
                            user.name
                        ),
                    ));
                }
                if ranges.is_empty() {
                    missing.push(path.display().to_string());
                }
                ranges
            }
        };
        found.push(ranges);
    }
    if !missing.is_empty() {
        problems.push(Problem::new(
            Severity::Warning,
            format!(
                "no subordinate IDs for user {} in {}: containers get a single-ID mapping",
                user.name,
                missing.join(" and ")
            ),
            format!("{} && rcon system migrate", add_subids_command(user)),
        ));
    }
    let subgid = found.pop().unwrap_or_default();
    (found.pop().unwrap_or_default(), subgid)
}

fn helpers() -> Vec<Helper> {
    [
        "newuidmap",
        "newgidmap",
        "pasta",
        "slirp4netns",
        "fuse-overlayfs",
    ]
    .into_iter()
    .map(|name| {
        let path = idmap::find_program(name);
        let version = match name {
            "pasta" | "slirp4netns" | "fuse-overlayfs" => path.as_deref().and_then(version_of),
            _ => None,
        };
        Helper {
            name,
            path,
            version,
        }
    })
    .collect()
}

fn version_of(program: &Path) -> Option<String> {
    let output = Command::new(program).arg("--version").output().ok()?;
    let text = if output.stdout.is_empty() {
        output.stderr
    } else {
        output.stdout
    };
    String::from_utf8_lossy(&text)
        .lines()
        .next()
        .map(|l| l.trim().to_string())
}

fn check_helpers(helpers: &[Helper], problems: &mut Vec<Problem>) {
    let path_of = |name: &str| {
        helpers
            .iter()
            .find(|h| h.name == name)
            .and_then(|h| h.path.clone())
    };
    for name in ["newuidmap", "newgidmap"] {
        match path_of(name) {
            None => problems.push(Problem::new(
                Severity::Warning,
                format!("{name} is not installed: containers get a single-ID mapping"),
                format!("{} && rcon system migrate", install_command("uidmap")),
            )),
            Some(path) if !grants_privilege(&path) => problems.push(Problem::new(
                Severity::Error,
                format!(
                    "{} is neither setuid root nor has file capabilities, so it cannot map IDs",
                    path.display()
                ),
                format!(
                    "sudo chmod u+s {} (or: sudo setcap cap_set{}id+ep {})",
                    path.display(),
                    &name[3..4],
                    path.display()
                ),
            )),
            Some(_) => {}
        }
    }
    if path_of("pasta").is_none() && path_of("slirp4netns").is_none() {
        problems.push(Problem::new(
            Severity::Warning,
            "neither pasta nor slirp4netns is installed: containers can only use --network none or host",
            install_command("passt"),
        ));
    }
}

/// setuid root, or a `security.capability` attribute (file capabilities).
fn grants_privilege(path: &Path) -> bool {
    let setuid_root =
        fs::metadata(path).is_ok_and(|m| m.uid() == 0 && m.permissions().mode() & 0o4000 != 0);
    setuid_root || matches!(xattr::get(path, "security.capability"), Ok(Some(_)))
}

fn check_runtime_dir(user: &HostUser, problems: &mut Vec<Problem>) {
    let fix = format!("sudo loginctl enable-linger {} and log in again", user.name);
    match std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
        None => problems.push(Problem::new(
            Severity::Note,
            format!(
                "XDG_RUNTIME_DIR is not set: runtime state goes to /tmp/rcon-{}",
                user.uid
            ),
            fix,
        )),
        Some(dir) => {
            if let Some(problem) = config::runtime_dir_problem(Path::new(&dir)) {
                problems.push(Problem::new(
                    Severity::Warning,
                    format!("XDG_RUNTIME_DIR={} {problem}", Path::new(&dir).display()),
                    fix,
                ));
            }
        }
    }
}

fn check_devices(problems: &mut Vec<Problem>) {
    for (device, needed_for) in [
        ("/dev/fuse", "the FUSE overlay storage driver"),
        ("/dev/net/tun", "pasta and slirp4netns networking"),
    ] {
        if let Err(e) = fs::File::options().read(true).write(true).open(device) {
            let fix = if Path::new(device).exists() {
                format!("sudo chmod 0666 {device}")
            } else if device == "/dev/fuse" {
                format!("sudo modprobe fuse && {}", install_command("fuse3"))
            } else {
                "sudo modprobe tun".to_string()
            };
            problems.push(Problem::new(
                Severity::Warning,
                format!("{device} is not usable ({e}): {needed_for} cannot work"),
                fix,
            ));
        }
    }
}

fn check_network_sysctls(user: &HostUser, problems: &mut Vec<Problem>) {
    if let Some(start) =
        sysctl("net.ipv4.ip_unprivileged_port_start").and_then(|v| v.parse::<u32>().ok())
    {
        if start > 0 {
            problems.push(Problem::new(
                Severity::Note,
                format!("host ports below {start} cannot be published (net.ipv4.ip_unprivileged_port_start = {start})"),
                "sudo sysctl -w net.ipv4.ip_unprivileged_port_start=0",
            ));
        }
    }
    let range: Vec<u64> = sysctl("net.ipv4.ping_group_range")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    if let [low, high] = range[..] {
        if !(low..=high).contains(&u64::from(user.gid)) {
            problems.push(Problem::new(
                Severity::Note,
                format!("ping does not work in containers: your group {} is outside net.ipv4.ping_group_range ({low} {high})", user.gid),
                "sudo sysctl -w net.ipv4.ping_group_range='0 2147483647'",
            ));
        }
    }
}

fn check_overlay(root: &Path, problems: &mut Vec<Problem>) -> Option<OverlayProbe> {
    match probe_overlay(root) {
        Ok(probe) => {
            if !probe.supported {
                problems.push(Problem::new(
                    Severity::Warning,
                    format!("kernel overlayfs does not work on {} in the user namespace ({})", root.display(), probe.detail),
                    "put --root on a local filesystem (ext4, xfs, btrfs, tmpfs) with Linux 5.11 or newer",
                ));
            }
            Some(probe)
        }
        Err(e) => {
            problems.push(Problem::new(
                Severity::Warning,
                e.to_string(),
                format!("check that {} is writable", root.display()),
            ));
            None
        }
    }
}

/// The human-readable form, in the spirit of `podman info`'s YAML.
pub fn render_text(info: &Info) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let maps = |lines: &[MapLine]| {
        lines
            .iter()
            .map(|m| {
                format!(
                    "\n    - container: {}, host: {}, size: {}",
                    m.container_id, m.host_id, m.size
                )
            })
            .collect::<String>()
    };
    let ranges = |r: &[IdRange]| {
        if r.is_empty() {
            " none".to_string()
        } else {
            r.iter()
                .map(|r| format!(" {}-{}", r.start, r.end() - 1))
                .collect::<String>()
        }
    };
    let h = &info.host;
    let _ = writeln!(out, "version: {}", info.version);
    let _ = writeln!(
        out,
        "host:\n  kernel: {}\n  distribution: {}\n  arch: {}\n  cpus: {}\n  memTotal: {} MiB",
        h.kernel,
        h.distribution,
        h.arch,
        h.cpus,
        h.mem_total_bytes >> 20
    );
    let _ = writeln!(
        out,
        "user:\n  name: {}\n  uid: {}\n  gid: {}",
        info.user.name, info.user.uid, info.user.gid
    );
    let m = &info.id_mappings;
    let _ = writeln!(
        out,
        "idMappings:\n  mode: {}\n  uidmap:{}\n  gidmap:{}\n  subuidRanges:{}\n  subgidRanges:{}",
        m.mode,
        maps(&m.uid_map),
        maps(&m.gid_map),
        ranges(&m.subuid_ranges),
        ranges(&m.subgid_ranges)
    );
    let overlay = match &info.store.overlay {
        None => "not probed".to_string(),
        Some(p) if p.supported => "supported".to_string(),
        Some(p) => format!("not supported ({})", p.detail),
    };
    let driver = match &info.store.driver {
        None => "none".to_string(),
        Some(c) => format!("{} ({})", c.driver, c.reason),
    };
    let fuse = info.store.fuse.as_deref().unwrap_or("usable");
    let _ = writeln!(
        out,
        "store:\n  graphRoot: {}\n  runRoot: {}\n  kernelOverlay: {overlay}\n  driver: {driver}\n  fuse: {fuse}",
        info.store.graph_root.display(),
        info.store.run_root.display()
    );
    let _ = writeln!(out, "helpers:");
    for helper in &info.helpers {
        let state = match (&helper.path, &helper.version) {
            (None, _) => "not installed".to_string(),
            (Some(p), None) => p.display().to_string(),
            (Some(p), Some(v)) => format!("{} ({v})", p.display()),
        };
        let _ = writeln!(out, "  {}: {state}", helper.name);
    }
    if info.problems.is_empty() {
        let _ = writeln!(out, "problems: none");
    } else {
        let _ = writeln!(out, "problems:");
        for p in &info.problems {
            let severity = serde_json::to_value(p.severity)
                .ok()
                .and_then(|v| v.as_str().map(String::from));
            let _ = writeln!(
                out,
                "  - {}: {}\n    fix: {}",
                severity.unwrap_or_default(),
                p.what,
                p.fix
            );
        }
    }
    out
}
