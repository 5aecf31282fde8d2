//! The container itself: one `clone3` into new mount, PID, UTS, IPC, network
//! and cgroup namespaces, then, in the child, top to bottom: the rootfs
//! ([`rootfs::build`]: overlay, /proc, /sys, /dev, mounts, pivot_root), the
//! hostname, the user, limits and security, and exec ([`process::exec`]).
//!
//! The parent learns how the child ended its set-up through a close-on-exec
//! pipe: end-of-file means the exec happened; anything else is the child's
//! error (exit code and one line). The child goes on only on an explicit
//! byte from the parent (the mapping is written, "go"): a parent that is
//! gone or gave up leaves end-of-file, and the child then exits. The
//! parent's [`Started`] kills and reaps the child unless the command was let run. [`exec`] starts a further process in a
//! running container the same way, joining its namespaces instead of making
//! new ones. This is the only module that forks containers' processes.

mod exec;
mod init;
pub mod keep_id;
mod network;
pub mod passwd;
mod process;
mod rootfs;
pub mod security;
mod spec;
mod user;

use std::convert::Infallible;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::socket::{self, AddressFamily, SockFlag, SockType};
use nix::unistd::{Pid, pipe2};

pub use exec::exec;
pub use spec::{
    ContainerSpec, FromImage, Ipc, MissingCwd, Mount, MountSource, Network, PasswdEntry, Process,
    Rlimit, Rootfs, RootfsSource, Stdio, Uts,
};

use crate::fuse_server;
use crate::process::{SingleThreaded, exit_forked_child};
use crate::util::exit::ExitCode;

/// Podman's exit codes for a command that cannot be run or found.
pub const EXIT_CANNOT_INVOKE: i32 = 126;
pub const EXIT_NOT_FOUND: i32 = 127;
/// rcon's own failures.
pub const EXIT_ENGINE: i32 = crate::util::exit::ENGINE;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("creating the container's namespaces: {0}; run `rcon info` to check the host")]
    Clone(Errno),
    #[error("opening the container's cgroup {}: {source}", dir.display())]
    Cgroup {
        dir: std::path::PathBuf,
        source: Errno,
    },
    #[error("{what}: {source}")]
    Channel { what: &'static str, source: Errno },
    #[error("joining the container's namespaces: {}", .0.desc())]
    Join(Errno),
    #[error("writing the user namespace mapping of container process {pid}: {source}")]
    Mapping { pid: i32, source: std::io::Error },
    /// The child failed before its command ran.
    #[error("{message}")]
    Setup { code: i32, message: String },
}

/// A child that failed before its command ran says with which code
/// (126, 127 or the engine's).
impl ExitCode for Error {
    fn exit_code(&self) -> i32 {
        match self {
            Error::Setup { code, .. } => *code,
            _ => EXIT_ENGINE,
        }
    }
}

/// A failure inside the child, reported to the parent before the child exits.
#[derive(Debug)]
pub(crate) struct ChildError {
    code: i32,
    message: String,
}

impl ChildError {
    /// An engine failure (exit 125) while doing `what`.
    pub(crate) fn engine(what: &'static str) -> impl Fn(Errno) -> ChildError {
        move |errno| ChildError {
            code: EXIT_ENGINE,
            message: format!("{what}: {}", errno.desc()),
        }
    }

    pub(crate) fn engine_message(message: String) -> ChildError {
        ChildError {
            code: EXIT_ENGINE,
            message,
        }
    }

    pub(crate) fn with_code(code: i32, message: String) -> ChildError {
        ChildError { code, message }
    }
}

/// A container process set up and waiting to run its command, as its
/// parent holds it. Dropped before [`Started::run`], it kills and reaps the
/// process: an error between the start and the release leaves nothing behind.
#[derive(Debug)]
pub struct Started {
    /// Its PID in rcon's namespace.
    pub pid: Pid,
    /// The pty master, with [`Stdio::Terminal`].
    pub terminal: Option<OwnedFd>,
    /// [`GO`] is written once when the parent is ready for the command to run.
    go: OwnedFd,
    /// End-of-file once the command was exec'd; else the child's error.
    report: OwnedFd,
    /// The command was let run (or its failure read): nothing to clean up.
    released: bool,
}

/// The parent's word that the child may go on: its user namespace mapping
/// is written ([`MAPPED`]), the command may run ([`GO`]).
const MAPPED: u8 = b'm';
const GO: u8 = b'g';

const NAMESPACES: u64 = (libc::CLONE_NEWNS | libc::CLONE_NEWPID | libc::CLONE_NEWCGROUP) as u64;

/// `struct clone_args` of clone3(2), the fields up to `cgroup` (CLONE_ARGS_SIZE_VER2).
#[repr(C, align(8))]
struct CloneArgs {
    flags: u64,
    pidfd: u64,
    child_tid: u64,
    parent_tid: u64,
    exit_signal: u64,
    stack: u64,
    stack_size: u64,
    tls: u64,
    set_tid: u64,
    set_tid_size: u64,
    cgroup: u64,
}

/// clone3's flag: the child starts in the cgroup `CloneArgs::cgroup` names.
const CLONE_INTO_CGROUP: u64 = 0x2_0000_0000;
/// The size of `struct clone_args` before `set_tid` (kernels before 5.5 know no more).
const CLONE_ARGS_SIZE_VER0: usize = 64;

/// Creates the container process, its standard streams connected as
/// `stdio` says, born in `cgroup` when given (so its cgroup namespace is
/// rooted there). It sets itself up and then waits for [`Started::run`]
/// before it execs the command.
pub fn start(
    spec: &ContainerSpec,
    cgroup: Option<&std::path::Path>,
    stdio: Stdio,
    single: &SingleThreaded,
) -> Result<Started, Error> {
    let cgroup = cgroup.map(open_cgroup).transpose()?;
    let pipes = Pipes::new(stdio)?;
    let (mapped_read, mapped_write) =
        pipe2(OFlag::O_CLOEXEC).map_err(channel("creating the mapping pipe"))?;
    let fuse = match &spec.rootfs.source {
        RootfsSource::FuseOverlay { layers, log } => {
            let (server_end, child_end) = socket_pair("creating the FUSE socket")?;
            // Started first, the server prepares while the kernel makes the
            // child's namespaces, and waits on `server_end` for the
            // connection the child mounts.
            let connection = fuse_server::Connection::Coming(server_end);
            let launch = fuse_server::spawn_server(connection, layers, log, &mount_files(spec))
                .map_err(channel("starting the fuse-overlay server"))?;
            Some((launch, child_end))
        }
        _ => None,
    };
    match clone_process(namespaces(spec), cgroup.as_ref(), single)? {
        None => {
            drop(cgroup);
            drop(mapped_write);
            let fuse_socket = fuse.map(|(_, child_end)| child_end);
            pipes.child(|go, console| {
                if spec.user_namespace.is_some() {
                    // Nothing works in the new user namespace before it has a mapping.
                    expect(&mapped_read, MAPPED)?;
                }
                drop(mapped_read);
                child(spec, stdio, go, console, fuse_socket)
            })
        }
        Some(pid) => {
            drop(mapped_read);
            if let Some(mappings) = &spec.user_namespace {
                if let Err(source) = write_mappings(pid, mappings) {
                    kill_and_reap(pid);
                    return Err(Error::Mapping {
                        pid: pid.as_raw(),
                        source,
                    });
                }
                let _ = nix::unistd::write(&mapped_write, &[MAPPED]);
            }
            drop(mapped_write);
            // The server learns of a child that failed before its mount by
            // the end of the socket: no copy of the child's end may stay here.
            drop(fuse);
            pipes.parent(pid)
        }
    }
}

/// Where the container binds files in its root filesystem itself (relative
/// to it): the FUSE server makes the missing ones before the child mounts
/// it. Not those inside /proc, /sys, /dev (mounted first, `rootfs::build`)
/// or an earlier mount: their mount points are made in that mount.
fn mount_files(spec: &ContainerSpec) -> Vec<std::path::PathBuf> {
    let mut covered = vec!["/proc", "/sys", "/dev"];
    let mut files = Vec::new();
    for m in &spec.mounts {
        let in_root = !covered
            .iter()
            .any(|c| std::path::Path::new(&m.destination).starts_with(c));
        if in_root && matches!(&m.source, MountSource::Bind(source) if !source.is_dir()) {
            files.push(m.destination.trim_start_matches('/').into());
        }
        covered.push(&m.destination);
    }
    files
}

fn channel(what: &'static str) -> impl Fn(Errno) -> Error {
    move |source| Error::Channel { what, source }
}

fn socket_pair(what: &'static str) -> Result<(OwnedFd, OwnedFd), Error> {
    socket::socketpair(
        AddressFamily::Unix,
        SockType::Stream,
        None,
        SockFlag::SOCK_CLOEXEC,
    )
    .map_err(channel(what))
}

/// A cgroup directory, for clone3's `CLONE_INTO_CGROUP`.
fn open_cgroup(dir: &std::path::Path) -> Result<OwnedFd, Error> {
    nix::fcntl::open(
        dir,
        OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )
    .map_err(|source| Error::Cgroup {
        dir: dir.to_path_buf(),
        source,
    })
}

/// clone3 into new namespaces `flags` (and into `cgroup`) with fork
/// semantics: `None` in the child, the child's PID in the parent.
fn clone_process(
    flags: u64,
    cgroup: Option<&OwnedFd>,
    _single: &SingleThreaded,
) -> Result<Option<Pid>, Error> {
    let mut args = CloneArgs {
        flags: flags | cgroup.map_or(0, |_| CLONE_INTO_CGROUP),
        pidfd: 0,
        child_tid: 0,
        parent_tid: 0,
        exit_signal: libc::SIGCHLD as u64,
        stack: 0,
        stack_size: 0,
        tls: 0,
        set_tid: 0,
        set_tid_size: 0,
        cgroup: cgroup.map_or(0, |fd| fd.as_raw_fd() as u64),
    };
    // Older kernels refuse a larger struct they cannot check: the extra
    // fields only when used.
    let size = if cgroup.is_some() {
        size_of::<CloneArgs>()
    } else {
        CLONE_ARGS_SIZE_VER0
    };
    // SAFETY: clone3 without a stack behaves like fork(2): the child gets a
    // copy of this single-threaded process (`_single`) and returns 0. `args` outlives the call.
    let pid = unsafe { libc::syscall(libc::SYS_clone3, &mut args as *mut CloneArgs, size) };
    match Errno::result(pid) {
        Err(errno) => Err(Error::Clone(errno)),
        Ok(0) => Ok(None),
        Ok(pid) => Ok(Some(Pid::from_raw(pid as i32))),
    }
}

/// The channels between a new process and its parent: the report pipe
/// (end-of-file once the command is exec'd, else the child's error), the
/// start pipe ("go"), and with a terminal the socket its pty master comes back on.
struct Pipes {
    report: (OwnedFd, OwnedFd),
    go: (OwnedFd, OwnedFd),
    terminal: Option<(OwnedFd, OwnedFd)>,
}

impl Pipes {
    fn new(stdio: Stdio) -> Result<Pipes, Error> {
        Ok(Pipes {
            report: pipe2(OFlag::O_CLOEXEC).map_err(channel("creating the report pipe"))?,
            go: pipe2(OFlag::O_CLOEXEC).map_err(channel("creating the start pipe"))?,
            terminal: match stdio {
                Stdio::Terminal => Some(socket_pair("creating the terminal socket")?),
                Stdio::Inherit { .. } | Stdio::Detached | Stdio::Piped { .. } => None,
            },
        })
    }

    /// The child's side: runs `body` (which returns only with an error),
    /// reports that error to the parent and exits.
    fn child(
        self,
        body: impl FnOnce(OwnedFd, Option<OwnedFd>) -> Result<Infallible, ChildError>,
    ) -> ! {
        let (report_read, report_write) = self.report;
        let (go_read, go_write) = self.go;
        drop(report_read);
        drop(go_write);
        let console = self.terminal.map(|(_, child_end)| child_end);
        let Err(error) = body(go_read, console);
        report(&report_write, &error);
        exit_forked_child(error.code)
    }

    /// The parent's side: the terminal comes back. When that fails, the
    /// child's own report (why it failed) wins over the channel error.
    fn parent(self, pid: Pid) -> Result<Started, Error> {
        let (report_read, report_write) = self.report;
        let (go_read, go_write) = self.go;
        drop(report_write);
        drop(go_read);
        let terminal = match self.terminal {
            Some((parent_end, child_end)) => {
                drop(child_end);
                crate::process::receive_fd(&parent_end)
                    .map(Some)
                    .map_err(channel("receiving the container's terminal"))
            }
            None => Ok(None),
        };
        let terminal = match terminal {
            Ok(terminal) => terminal,
            // The child failed before it could do its part: say why.
            Err(error) => {
                return Err(child_failure(&report_read, pid).unwrap_or_else(|| {
                    kill_and_reap(pid);
                    error
                }));
            }
        };
        Ok(Started {
            pid,
            terminal,
            go: go_write,
            report: report_read,
            released: false,
        })
    }
}

impl Started {
    /// Lets the command run, and waits until it is exec'd (or failed to be).
    pub fn run(mut self) -> Result<(Pid, Option<OwnedFd>), Error> {
        let _ = nix::unistd::write(&self.go, &[GO]);
        let failure = child_failure(&self.report, self.pid);
        self.released = true;
        match failure {
            Some(error) => Err(error),
            None => Ok((self.pid, self.terminal.take())),
        }
    }
}

impl Started {
    /// The child's own failure, once it has ended in its set-up: what
    /// explains an error the parent meets meanwhile (the child's namespaces
    /// are gone, say) better than that error. `None` while it still waits.
    pub fn failure(&mut self) -> Option<Error> {
        let mut ready = [PollFd::new(self.report.as_fd(), PollFlags::POLLIN)];
        if !matches!(poll(&mut ready, PollTimeout::ZERO), Ok(1)) {
            return None;
        }
        let failure = child_failure(&self.report, self.pid);
        // Reaped with its report: nothing is left to kill.
        self.released |= failure.is_some();
        failure
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        if !self.released {
            kill_and_reap(self.pid);
        }
    }
}

fn kill_and_reap(pid: Pid) {
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
    let _ = nix::sys::wait::waitpid(pid, None);
}

/// Reads the child's report: `None` when it exec'd its command, else its
/// error (the child is reaped then, so no zombie stays).
fn child_failure(report: &OwnedFd, pid: Pid) -> Option<Error> {
    let mut message = Vec::new();
    let mut buffer = [0u8; 1024];
    loop {
        match nix::unistd::read(report.as_fd(), &mut buffer) {
            Ok(0) => break,
            Ok(n) => message.extend_from_slice(&buffer[..n]),
            Err(Errno::EINTR) => {}
            Err(_) => break,
        }
    }
    let (&code, text) = message.split_first()?;
    let _ = nix::sys::wait::waitpid(pid, None);
    Some(Error::Setup {
        code: i32::from(code),
        message: String::from_utf8_lossy(text).into_owned(),
    })
}

/// The child, from clone to exec. Returns only with an error.
fn child(
    spec: &ContainerSpec,
    stdio: Stdio,
    go: OwnedFd,
    console: Option<OwnedFd>,
    fuse_socket: Option<OwnedFd>,
) -> Result<Infallible, ChildError> {
    let start = std::time::Instant::now();
    network::enter(&spec.network)?;
    // Joined before the mounts: /dev/mqueue is the IPC namespace's.
    if let Ipc::Join(path) = &spec.ipc {
        network::join(path, nix::sched::CloneFlags::CLONE_NEWIPC, "IPC")?;
    }
    match &spec.uts {
        Uts::Join(path) => network::join(path, nix::sched::CloneFlags::CLONE_NEWUTS, "UTS")?,
        Uts::Private => nix::unistd::sethostname(&spec.hostname)
            .map_err(ChildError::engine("setting the hostname"))?,
    }
    rootfs::build(
        &spec.rootfs,
        &spec.mounts,
        &spec.ipc,
        !spec.privileged,
        fuse_socket.as_ref(),
    )?;
    drop(fuse_socket);
    crate::log::phase("namespaces and mounts (in the container)", start);
    connect_and_exec(&spec.process, stdio, &spec.security, go, console)
}

/// The child's last steps, in the container: a session of its own, its
/// standard streams, a wait for the parent's "go", then user, limits,
/// security and exec.
fn connect_and_exec(
    process: &Process,
    stdio: Stdio,
    security: &security::SecurityPlan,
    go: OwnedFd,
    console: Option<OwnedFd>,
) -> Result<Infallible, ChildError> {
    // Never in the caller's session: a process there shares the caller's
    // controlling terminal (`/dev/tty`, TIOCSTI pushes input into the shell
    // that started rcon). Its only terminal is its own pty, with `-t`.
    nix::unistd::setsid().map_err(ChildError::engine("starting a new session"))?;
    match (console, stdio) {
        (Some(console), _) => process::attach_terminal(&console)?,
        (None, Stdio::Inherit { keep_stdin: false }) => process::stdin_from_null()?,
        (None, Stdio::Detached) => process::detach()?,
        (
            None,
            Stdio::Piped {
                stdin,
                stdout,
                stderr,
            },
        ) => process::connect_streams(stdin, stdout, stderr)?,
        (None, Stdio::Inherit { keep_stdin: true } | Stdio::Terminal) => {}
    }
    // Wait for the parent: it may still be setting up the terminal or the network.
    expect(&go, GO)?;
    drop(go);
    // The command starts with no signal blocked, whatever its parent blocks
    // (a monitor restarting it has blocked the signals it reads).
    let _ = nix::sys::signal::sigprocmask(
        nix::sys::signal::SigmaskHow::SIG_SETMASK,
        Some(&nix::sys::signal::SigSet::empty()),
        None,
    );
    process::exec(process, security)
}

/// The namespaces the container is cloned into.
fn namespaces(spec: &ContainerSpec) -> u64 {
    let mut flags = NAMESPACES;
    if spec.network == Network::Loopback {
        flags |= libc::CLONE_NEWNET as u64;
    }
    if matches!(spec.ipc, Ipc::Private | Ipc::NoShm) {
        flags |= libc::CLONE_NEWIPC as u64;
    }
    if spec.uts == Uts::Private {
        flags |= libc::CLONE_NEWUTS as u64;
    }
    if spec.user_namespace.is_some() {
        flags |= libc::CLONE_NEWUSER as u64;
    }
    flags
}

/// Blocks until the other end writes a byte (returned) or closes (`None`).
fn read_byte(pipe: &OwnedFd) -> Option<u8> {
    let mut byte = [0u8; 1];
    loop {
        match nix::unistd::read(pipe.as_fd(), &mut byte) {
            Ok(1) => return Some(byte[0]),
            Err(Errno::EINTR) => continue,
            _ => return None,
        }
    }
}

/// Waits for the parent's `word`; an error when it closed its end without
/// it (it is gone, or gave up on this process).
fn expect(pipe: &OwnedFd, word: u8) -> Result<(), ChildError> {
    match read_byte(pipe) {
        Some(byte) if byte == word => Ok(()),
        _ => Err(ChildError::engine_message(
            "rcon gave up on the container before its command could run".into(),
        )),
    }
}

/// Writes the child's user namespace mappings (rcon has CAP_SETUID and
/// CAP_SETGID in its own namespace, the parent of the child's).
fn write_mappings(pid: Pid, mappings: &keep_id::IdMappings) -> std::io::Result<()> {
    std::fs::write(
        format!("/proc/{pid}/uid_map"),
        keep_id::IdMappings::map_text(&mappings.uids),
    )?;
    std::fs::write(
        format!("/proc/{pid}/gid_map"),
        keep_id::IdMappings::map_text(&mappings.gids),
    )
}

fn report(pipe: &OwnedFd, error: &ChildError) {
    let mut message = vec![error.code as u8];
    message.extend_from_slice(error.message.as_bytes());
    let _ = nix::unistd::write(pipe, &message);
}
