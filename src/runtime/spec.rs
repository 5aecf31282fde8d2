//! What the container child needs, resolved by the parent before it forks:
//! paths, mounts, the process, limits. The child only reads it.

use std::os::fd::RawFd;
use std::path::PathBuf;

use nix::sys::resource::Resource;
use rcon_fuse_overlay::FuseLayers;

use super::keep_id::IdMappings;
use super::security::SecurityPlan;

/// The root filesystem, as its storage driver makes it, mounted at `merged`.
#[derive(Debug, Clone)]
pub struct Rootfs {
    pub source: RootfsSource,
    /// Where the root is mounted (inside the container's own mount namespace).
    pub merged: PathBuf,
    /// `--read-only`: the rootfs is remounted read-only, with tmpfs on /tmp, /run and /var/tmp.
    pub read_only: bool,
}

/// What the root filesystem is made of, one variant per storage driver.
#[derive(Debug, Clone)]
pub enum RootfsSource {
    /// Kernel overlayfs of read-only layers under a private upper dir.
    Overlay {
        /// Layer directories, topmost first (overlay's `lowerdir` order).
        lowers: Vec<PathBuf>,
        upper: PathBuf,
        work: PathBuf,
    },
    /// rcon's FUSE overlay of the same layers, served by a process of its
    /// own that appends its log lines to `log`.
    FuseOverlay { layers: FuseLayers, log: PathBuf },
    /// A private full copy (vfs), bind-mounted.
    Copy(PathBuf),
}

/// What a mount in the container is made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MountSource {
    /// A host directory or file (bind mounts and named volumes alike).
    Bind(PathBuf),
    /// A fresh tmpfs; the string holds its data options (`size=…,mode=…`).
    Tmpfs(String),
}

/// What a volume's first use takes from the image's directory at the
/// destination (Podman's NeedsCopyUp and NeedsChown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FromImage {
    /// Its content, copied into the source when the source is empty.
    pub content: bool,
    /// Its owner and mode, given to the source.
    pub owner: bool,
}

/// One mount from `-v`, `--mount`, `--tmpfs` or rcon itself (`/etc/hosts`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    /// Absolute path inside the container.
    pub destination: String,
    pub source: MountSource,
    pub read_only: bool,
    pub nosuid: bool,
    pub nodev: bool,
    pub noexec: bool,
    /// A bind of a volume's directory: what it takes from the image.
    pub from_image: FromImage,
}

impl Mount {
    /// A read-write bind mount of `source` at `destination`.
    pub fn bind(source: PathBuf, destination: &str) -> Mount {
        Mount {
            destination: destination.to_string(),
            source: MountSource::Bind(source),
            read_only: false,
            nosuid: false,
            nodev: false,
            noexec: false,
            from_image: FromImage::default(),
        }
    }

    /// A tmpfs with Podman's defaults for volumes-like scratch space.
    pub fn tmpfs(destination: &str, options: &str) -> Mount {
        Mount {
            destination: destination.to_string(),
            source: MountSource::Tmpfs(options.to_string()),
            read_only: false,
            nosuid: true,
            nodev: true,
            noexec: false,
            from_image: FromImage::default(),
        }
    }
}

/// How the container's standard streams are connected. Whichever, the
/// process runs in a session of its own, and its only controlling terminal
/// is its own pty ([`Stdio::Terminal`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stdio {
    /// rcon's own 0, 1, 2 (stdin replaced by /dev/null unless `keep_stdin`).
    /// Never give a terminal this way (its ioctls would reach the caller's
    /// terminal): relay it through [`Stdio::Piped`].
    Inherit { keep_stdin: bool },
    /// A pty from the container's devpts; its master goes back to the parent.
    Terminal,
    /// /dev/null on 0, 1 and 2 (`exec -d`): nothing ties the process to the
    /// caller.
    Detached,
    /// The parent's descriptors on 0, 1 and 2: pipes its monitor reads and
    /// writes. `stdin: None` is /dev/null; `Some(0)` keeps rcon's own.
    Piped {
        stdin: Option<RawFd>,
        stdout: RawFd,
        stderr: RawFd,
    },
}

/// One resource limit (`--ulimit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rlimit {
    pub resource: Resource,
    pub soft: u64,
    pub hard: u64,
}

/// A host user's entry for the container's /etc/passwd.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswdEntry {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub gecos: String,
    /// The host's home directory: kept when the container has it (a volume
    /// there), else the container's working directory, as Podman does.
    pub home: String,
    pub shell: String,
}

/// What becomes of a working directory the container's root lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MissingCwd {
    /// Made, owned by the user (the image's WORKDIR, a path on a mount, as
    /// Podman does).
    Create,
    /// The start fails with 126 and this message (a `--workdir` the image
    /// lacks: Podman makes only the image's).
    Refuse(String),
    /// Fails like a missing command (exec's `--workdir`).
    NotFound,
}

/// The process to run as the container's command.
#[derive(Debug, Clone)]
pub struct Process {
    /// rcon's own pause program instead of `args` (a pod's infra container
    /// without an image): it holds the namespaces, reaps orphans and ends
    /// on SIGTERM or SIGINT.
    pub pause: bool,
    /// argv; `args[0]` is looked up in the container's `PATH` when it has no `/`.
    pub args: Vec<String>,
    /// `KEY=VALUE`; `HOME` is added from the user's passwd entry when missing.
    pub env: Vec<String>,
    /// Working directory.
    pub cwd: String,
    /// What a missing `cwd` means.
    pub missing_cwd: MissingCwd,
    /// `user[:group]` or `uid[:gid]`, resolved in the container's /etc/passwd and /etc/group.
    pub user: String,
    /// `--group-add`.
    pub additional_groups: Vec<String>,
    /// Entries added to the container's /etc/passwd when no entry has their
    /// UID yet (`--userns=keep-id` for the host user, `--hostuser`).
    pub passwd_entries: Vec<PasswdEntry>,
    /// A line added to the container's /etc/group when no entry has its GID.
    pub group_entry: Option<String>,
    pub rlimits: Vec<Rlimit>,
    /// `--oom-score-adj`: written to /proc/self/oom_score_adj.
    pub oom_score_adj: Option<i32>,
    /// Mount destinations whose trees become the user's (`-v …:U`).
    pub chown_to_user: Vec<String>,
    /// `--init`: a tiny PID 1 reaps zombies and forwards signals to the command.
    pub init: bool,
    /// `--preserve-fds N`: the caller's descriptors 3 to 3+N-1 stay open in
    /// the command (checked by the caller to be ones it inherited).
    pub preserve_fds: u32,
    pub stdio: Stdio,
}

/// Which network namespace the container gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Network {
    /// A new one with only the loopback interface, up.
    Loopback,
    /// rcon's own (the host's network, as the user sees it).
    Host,
    /// An existing one, by path (`ns:PATH`, or another container's).
    Join(PathBuf),
}

/// Which IPC namespace the container gets, and with it /dev/shm and /dev/mqueue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ipc {
    /// A new one, with a /dev/shm tmpfs and /dev/mqueue of its own (the
    /// mounts may put a shared /dev/shm over it).
    Private,
    /// A new one without /dev/shm (`--ipc=none`).
    NoShm,
    /// rcon's own (the host's), with the host's /dev/shm and /dev/mqueue
    /// bound where the host has them.
    Host,
    /// An existing one, by path (another container's); its /dev/shm comes
    /// with the mounts.
    Join(PathBuf),
}

/// Which UTS namespace (hostname) the container gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Uts {
    /// A new one, with the spec's hostname.
    Private,
    /// An existing one, by path (the pod's infra container's): its hostname stays.
    Join(PathBuf),
}

/// Everything the child does, top to bottom.
#[derive(Debug, Clone)]
pub struct ContainerSpec {
    pub rootfs: Rootfs,
    /// In order; each destination is created inside the rootfs when missing.
    pub mounts: Vec<Mount>,
    pub hostname: String,
    pub network: Network,
    pub ipc: Ipc,
    pub uts: Uts,
    pub process: Process,
    /// Capabilities, no_new_privs and the seccomp filter, compiled before the fork.
    pub security: SecurityPlan,
    /// `--privileged`: kernel paths are not masked.
    pub privileged: bool,
    /// A user namespace of the container's own (`--userns=keep-id`); `None`: rcon's.
    pub user_namespace: Option<IdMappings>,
}
