//! `rcon info`: what rcon runs on, how it is set up, and every problem found
//! on the host with the command that fixes it.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;

use crate::config::{self, Paths};
use crate::process::SingleThreaded;
use crate::storage::driver::{self, Driver, DriverChoice};
use crate::storage::{OverlayProbe, probe_overlay};
use crate::userns::idmap::{
    self, SUBGID_FILE_ENV, SUBUID_FILE_ENV, add_subids_command, install_command,
};
use crate::userns::subid::IdRange;
use crate::userns::{HostUser, MapLine, Namespace, SingleReason};

/// What `rcon info` reports: Podman's sections (`host`, `store`,
/// `registries`, `plugins`, `version`, with Podman's keys, so scripts and
/// `--format '{{.Host.Arch}}'` read them as they read Podman's), with what
/// rcon is in each (it is its own OCI runtime and container monitor), then
/// rcon's own: the user, the ID mapping, the helpers found and every problem
/// found on the host with its fix.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    pub host: Host,
    pub store: Store,
    pub registries: BTreeMap<String, Vec<String>>,
    pub plugins: Plugins,
    pub version: Version,
    pub user: HostUser,
    pub id_mappings: IdMappings,
    pub helpers: Vec<Helper>,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Host {
    /// Go's name for the architecture (`amd64`, `arm64`), as Podman reports it.
    pub arch: String,
    /// rcon builds no images with Buildah: empty.
    pub buildah_version: String,
    pub cgroup_manager: &'static str,
    pub cgroup_version: &'static str,
    pub cgroup_controllers: Vec<String>,
    /// The container monitor: rcon itself.
    pub conmon: Program,
    pub cpus: usize,
    pub cpu_utilization: CpuUtilization,
    pub distribution: Distribution,
    /// rcon records no events.
    pub event_logger: &'static str,
    pub hostname: String,
    pub id_mappings: HostIdMappings,
    pub kernel: String,
    pub log_driver: &'static str,
    pub mem_free: u64,
    pub mem_total: u64,
    pub network_backend: &'static str,
    /// The OCI runtime: rcon itself.
    pub oci_runtime: Program,
    pub os: &'static str,
    pub remote_socket: RemoteSocket,
    pub service_is_remote: bool,
    pub security: Security,
    pub slirp4netns: Slirp4netns,
    pub swap_free: u64,
    pub swap_total: u64,
    pub uptime: String,
    pub linkmode: &'static str,
}

/// A program rcon runs as (or is): its package, path and version.
#[derive(Debug, Serialize)]
pub struct Program {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub package: String,
    pub path: PathBuf,
    pub version: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CpuUtilization {
    pub user_percent: f64,
    pub system_percent: f64,
    pub idle_percent: f64,
}

/// `/etc/os-release`'s ID, VERSION_ID and VERSION_CODENAME.
#[derive(Debug, Serialize)]
pub struct Distribution {
    pub distribution: String,
    pub version: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub codename: String,
}

#[derive(Debug, Serialize)]
pub struct HostIdMappings {
    pub gidmap: Vec<IdMapEntry>,
    pub uidmap: Vec<IdMapEntry>,
}

#[derive(Debug, Serialize)]
pub struct IdMapEntry {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}

#[derive(Debug, Serialize)]
pub struct RemoteSocket {
    pub path: PathBuf,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Security {
    pub apparmor_enabled: bool,
    pub capabilities: String,
    pub rootless: bool,
    pub seccomp_enabled: bool,
    pub seccomp_profile_path: String,
    pub selinux_enabled: bool,
}

#[derive(Debug, Serialize)]
pub struct Slirp4netns {
    pub executable: PathBuf,
    pub package: String,
    pub version: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    /// rcon's storage.conf (it may not exist).
    pub config_file: PathBuf,
    pub container_store: ContainerStore,
    /// The storage driver new containers get.
    pub graph_driver_name: String,
    pub graph_options: BTreeMap<String, String>,
    pub graph_root: PathBuf,
    pub graph_root_allocated: u64,
    pub graph_root_used: u64,
    pub graph_status: BTreeMap<String, String>,
    pub image_copy_tmp_dir: PathBuf,
    pub image_store: ImageStore,
    pub run_root: PathBuf,
    pub volume_path: PathBuf,
    /// Whether kernel overlayfs works inside the namespace on graph_root; None when it could not be probed.
    pub overlay: Option<OverlayProbe>,
    /// The storage driver new containers get, and why; None when it could not be chosen.
    pub driver: Option<DriverChoice>,
    /// Why the FUSE overlay cannot be used here; None when `/dev/fuse` works.
    pub fuse: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct ContainerStore {
    pub number: usize,
    pub paused: usize,
    pub running: usize,
    pub stopped: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct ImageStore {
    pub number: usize,
}

#[derive(Debug, Serialize)]
pub struct Plugins {
    pub volume: Vec<&'static str>,
    pub network: Vec<&'static str>,
    pub log: Vec<&'static str>,
    pub authorization: Option<Vec<String>>,
}

/// rcon's version, in the shape of Podman's (`version --format json`, `info`).
#[derive(Debug, Clone, Serialize)]
pub struct Version {
    #[serde(rename = "APIVersion")]
    pub api_version: String,
    #[serde(rename = "Version")]
    pub version: String,
    /// rcon is not written in Go: empty.
    #[serde(rename = "GoVersion")]
    pub go_version: String,
    #[serde(rename = "GitCommit")]
    pub git_commit: String,
    #[serde(rename = "BuiltTime")]
    pub built_time: String,
    #[serde(rename = "Built")]
    pub built: i64,
    #[serde(rename = "OsArch")]
    pub os_arch: String,
    #[serde(rename = "Os")]
    pub os: String,
}

/// This build of rcon.
pub fn version() -> Version {
    Version {
        api_version: env!("CARGO_PKG_VERSION").to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        go_version: String::new(),
        git_commit: String::new(),
        built_time: "Thu Jan  1 00:00:00 1970".to_string(),
        built: 0,
        os_arch: format!("linux/{}", go_arch()),
        os: "linux".to_string(),
    }
}

/// The architecture as Go (and so Podman) names it.
pub fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        "loongarch64" => "loong64",
        other => other,
    }
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
    single: &SingleThreaded,
) -> Info {
    let mut problems = Vec::new();
    check_userns_sysctls(&mut problems);
    let (subuid_ranges, subgid_ranges) = check_subids(user, &mut problems);
    let helpers = helpers();
    check_helpers(&helpers, &mut problems);
    check_runtime_dir(user, &mut problems);
    check_devices(&mut problems);
    check_network_sysctls(user, &mut problems);
    check_cgroups(&mut problems);

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
            let overlay = check_overlay(&paths.root, &mut problems, single);
            let driver = match driver::choose(&paths.root, requested_driver, single) {
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

    let entered = mode != "none";
    let slirp4netns = helpers.iter().find(|h| h.name == "slirp4netns");
    let slirp4netns = Slirp4netns {
        executable: slirp4netns.and_then(|h| h.path.clone()).unwrap_or_default(),
        package: String::new(),
        version: slirp4netns
            .and_then(|h| h.version.clone())
            .unwrap_or_default(),
    };
    Info {
        host: host(user, slirp4netns),
        store: store(paths, entered, overlay, driver, fuse),
        registries: registries(),
        plugins: Plugins {
            volume: vec!["local"],
            network: vec!["bridge"],
            log: vec!["k8s-file"],
            authorization: None,
        },
        version: version(),
        user: user.clone(),
        id_mappings: IdMappings {
            mode,
            uid_map: idmap::current_map("uid_map"),
            gid_map: idmap::current_map("gid_map"),
            subuid_ranges,
            subgid_ranges,
        },
        helpers,
        problems,
    }
}

fn host(user: &HostUser, slirp4netns: Slirp4netns) -> Host {
    let uname = nix::sys::utsname::uname().ok();
    let field = |f: fn(&nix::sys::utsname::UtsName) -> &std::ffi::OsStr| {
        uname
            .as_ref()
            .map(|u| f(u).to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let os_release = fs::read_to_string("/etc/os-release").unwrap_or_default();
    let release = |key: &str| {
        os_release
            .lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_default()
    };
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = |key: &str| {
        meminfo
            .lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kib| kib * 1024)
    };
    let me = std::env::current_exe().unwrap_or_default();
    let rcon = |name: Option<&str>| Program {
        name: name.map(String::from),
        package: String::new(),
        path: me.clone(),
        version: format!("rcon version {}", env!("CARGO_PKG_VERSION")),
    };
    let cgroup2 = nix::sys::statfs::statfs("/sys/fs/cgroup")
        .is_ok_and(|fs| fs.filesystem_type() == nix::sys::statfs::CGROUP2_SUPER_MAGIC);
    let map = |which: &str| -> Vec<IdMapEntry> {
        idmap::current_map(which)
            .into_iter()
            .map(|m| IdMapEntry {
                container_id: m.container_id,
                host_id: m.host_id,
                size: m.size,
            })
            .collect()
    };
    Host {
        arch: go_arch().to_string(),
        buildah_version: String::new(),
        cgroup_manager: "cgroupfs",
        cgroup_version: if cgroup2 { "v2" } else { "v1" },
        cgroup_controllers: if cgroup2 {
            own_cgroup_controllers()
        } else {
            Vec::new()
        },
        conmon: rcon(None),
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        cpu_utilization: cpu_utilization(),
        distribution: Distribution {
            distribution: release("ID"),
            version: release("VERSION_ID"),
            codename: release("VERSION_CODENAME"),
        },
        event_logger: "none",
        hostname: field(|u| u.nodename()),
        id_mappings: HostIdMappings {
            gidmap: map("gid_map"),
            uidmap: map("uid_map"),
        },
        kernel: field(|u| u.release()),
        log_driver: "k8s-file",
        mem_free: memory("MemFree"),
        mem_total: memory("MemTotal"),
        network_backend: "rcon",
        oci_runtime: rcon(Some("rcon")),
        os: "linux",
        remote_socket: RemoteSocket {
            path: std::env::var_os("XDG_RUNTIME_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(format!("/tmp/rcon-{}", user.uid)))
                .join("rcon/rcon.sock"),
        },
        service_is_remote: false,
        security: Security {
            apparmor_enabled: false,
            capabilities: crate::runtime::security::caps::PODMAN_DEFAULT.join(","),
            rootless: user.uid != 0,
            seccomp_enabled: true,
            seccomp_profile_path: String::new(),
            selinux_enabled: false,
        },
        slirp4netns,
        swap_free: memory("SwapFree"),
        swap_total: memory("SwapTotal"),
        uptime: uptime(),
        linkmode: "dynamic",
    }
}

/// The controllers delegated to the cgroup this process is in (cgroup v2).
fn own_cgroup_controllers() -> Vec<String> {
    let own = fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
    let Some(path) = own.lines().find_map(|l| l.strip_prefix("0::")) else {
        return Vec::new();
    };
    fs::read_to_string(
        Path::new("/sys/fs/cgroup")
            .join(path.trim_start_matches('/'))
            .join("cgroup.controllers"),
    )
    .unwrap_or_default()
    .split_whitespace()
    .map(String::from)
    .collect()
}

/// The CPUs' time since boot in user, system and idle work, in percent.
fn cpu_utilization() -> CpuUtilization {
    let stat = fs::read_to_string("/proc/stat").unwrap_or_default();
    let ticks: Vec<f64> = stat
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .filter_map(|t| t.parse().ok())
        .collect();
    let total: f64 = ticks.iter().sum();
    let share = |i: usize| {
        let value = ticks.get(i).copied().unwrap_or(0.0);
        if total > 0.0 {
            (value / total * 10_000.0).round() / 100.0
        } else {
            0.0
        }
    };
    CpuUtilization {
        user_percent: share(0) + share(1),
        system_percent: share(2),
        idle_percent: share(3),
    }
}

/// `/proc/uptime` as Podman writes it: `1h 2m 3.45s`.
fn uptime() -> String {
    let seconds: f64 = fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|t| t.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    let hours = (seconds / 3600.0).floor();
    let minutes = ((seconds - hours * 3600.0) / 60.0).floor();
    format!(
        "{hours}h {minutes}m {:.2}s",
        seconds - hours * 3600.0 - minutes * 60.0
    )
}

fn store(
    paths: &Paths,
    entered: bool,
    overlay: Option<OverlayProbe>,
    driver: Option<DriverChoice>,
    fuse: Option<String>,
) -> Store {
    let mut containers = ContainerStore::default();
    let mut images = ImageStore::default();
    if let Some(store) = entered
        .then(|| crate::storage::store::Store::open(&paths.root).ok())
        .flatten()
    {
        images.number = store.images().map_or(0, |i| i.len());
        if let Ok(lifecycle) = crate::container::lifecycle::Lifecycle::open(&store, &paths.runroot)
        {
            for (_, state) in lifecycle.list().unwrap_or_default() {
                containers.number += 1;
                match state.status {
                    crate::container::store::Status::Running => containers.running += 1,
                    _ => containers.stopped += 1,
                }
            }
        }
    }
    let (allocated, used) = nix::sys::statvfs::statvfs(&paths.root).map_or((0, 0), |fs| {
        let block = fs.fragment_size();
        (
            fs.blocks() * block,
            (fs.blocks() - fs.blocks_free()) * block,
        )
    });
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .unwrap_or_default();
    Store {
        config_file: config_home.join("rcon/storage.conf"),
        container_store: containers,
        graph_driver_name: driver
            .as_ref()
            .map(|d| d.driver.name().to_string())
            .unwrap_or_default(),
        graph_options: BTreeMap::new(),
        graph_root: paths.root.clone(),
        graph_root_allocated: allocated,
        graph_root_used: used,
        graph_status: BTreeMap::new(),
        image_copy_tmp_dir: paths.root.join("tmp"),
        image_store: images,
        run_root: paths.runroot.clone(),
        volume_path: paths.volume_path.clone(),
        overlay,
        driver,
        fuse,
    }
}

/// The registries names are looked up in, from registries.conf.
fn registries() -> BTreeMap<String, Vec<String>> {
    let search = crate::image::RegistriesConfig::load()
        .map(|config| {
            config
                .search_registries()
                .into_iter()
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    BTreeMap::from([("search".to_string(), search)])
}

fn sysctl(name: &str) -> Option<String> {
    fs::read_to_string(Path::new("/proc/sys").join(name.replace('.', "/")))
        .ok()
        .map(|v| v.trim().to_string())
}

/// Whether containers get cgroups of their own: limits, `pause`, OOM
/// reports need a cgroup v2 subtree delegated to the user.
fn check_cgroups(problems: &mut Vec<Problem>) {
    use crate::container::cgroup::Delegation;
    use crate::container::resources::Controller;
    let delegation = match Delegation::find() {
        Ok(delegation) => delegation,
        Err(missing) => {
            problems.push(Problem::new(
                Severity::Note,
                format!(
                    "containers get no cgroup of their own, so resource limits (--memory, --cpus, --pids-limit, …) are dropped with a warning and pause is refused (stats still work, from /proc): {}",
                    missing.why
                ),
                "as root, delegate a cgroup v2 subtree to the user and start their session in it: contrib/setup-host.sh --delegate-cgroup USER (or log in through systemd, whose user sessions are delegated)",
            ));
            return;
        }
    };
    let available = delegation.controllers();
    let missing: Vec<&str> = [
        Controller::Memory,
        Controller::Cpu,
        Controller::Cpuset,
        Controller::Pids,
        Controller::Io,
    ]
    .into_iter()
    .map(Controller::name)
    .filter(|name| !available.iter().any(|a| a == name))
    .collect();
    if !missing.is_empty() {
        problems.push(Problem::new(
            Severity::Note,
            format!(
                "containers get cgroups of their own in {} (pause works), but its {} controllers are not available: those limits are dropped with a warning",
                delegation.root.display(),
                missing.join(", ")
            ),
            "enable them in the cgroup.subtree_control of the cgroups above it (on a hybrid cgroup layout the v1 hierarchies hold them: boot with cgroup v2 only, systemd.unified_cgroup_hierarchy=1)",
        ));
    }
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

fn check_overlay(
    root: &Path,
    problems: &mut Vec<Problem>,
    single: &SingleThreaded,
) -> Option<OverlayProbe> {
    match probe_overlay(root, single) {
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
    let _ = writeln!(out, "version: {}", info.version.version);
    let d = &h.distribution;
    let _ = writeln!(
        out,
        "host:\n  kernel: {}\n  distribution: {} {}\n  arch: {}\n  cpus: {}\n  memTotal: {} MiB\n  cgroupVersion: {}",
        h.kernel,
        d.distribution,
        d.version,
        h.arch,
        h.cpus,
        h.mem_total >> 20,
        h.cgroup_version
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
