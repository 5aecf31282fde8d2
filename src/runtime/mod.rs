//! The container itself: one `clone3` into new mount, PID, UTS, IPC, network
//! and cgroup namespaces, then, in the child, top to bottom: the rootfs
//! ([`rootfs::build`]: overlay, /proc, /sys, /dev, mounts, pivot_root), the
//! hostname, the user, limits and security, and exec ([`process::exec`]).
//!
//! The parent learns how the child ended its set-up through a close-on-exec
//! pipe: end-of-file means the exec happened; anything else is the child's
//! error (exit code and one line). This is the only module that forks.

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
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd, RawFd};

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::sys::socket::{
    self, AddressFamily, ControlMessage, ControlMessageOwned, MsgFlags, SockFlag, SockType,
};
use nix::unistd::{Pid, pipe2};

pub use spec::{
    ContainerSpec, Mount, MountSource, Network, Process, Rlimit, Rootfs, RootfsSource, Stdio,
};

use crate::process::exit_forked_child;

/// Podman's exit codes for a command that cannot be run or found.
pub const EXIT_CANNOT_INVOKE: i32 = 126;
pub const EXIT_NOT_FOUND: i32 = 127;
/// rcon's own failures.
pub const EXIT_ENGINE: i32 = 125;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("creating the container's namespaces: {0}; run `rcon info` to check the host")]
    Clone(Errno),
    #[error("{what}: {source}")]
    Channel { what: &'static str, source: Errno },
    #[error("writing the user namespace mapping of container process {pid}: {source}")]
    Mapping { pid: i32, source: std::io::Error },
    /// The child failed before its command ran.
    #[error("{message}")]
    Setup { code: i32, message: String },
}

impl Error {
    /// The exit code rcon should end with for this error.
    pub fn exit_code(&self) -> i32 {
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

/// A running container process, as its parent holds it.
#[derive(Debug)]
pub struct Started {
    /// Its PID in rcon's namespace.
    pub pid: Pid,
    /// The pty master, with [`Stdio::Terminal`].
    pub terminal: Option<OwnedFd>,
    /// Written once when the parent is ready for the command to run.
    go: OwnedFd,
    /// End-of-file once the command was exec'd; else the child's error.
    report: OwnedFd,
}

const NAMESPACES: u64 = (libc::CLONE_NEWNS
    | libc::CLONE_NEWPID
    | libc::CLONE_NEWUTS
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWCGROUP) as u64;

/// `struct clone_args` of clone3(2), the fields up to `tls` (CLONE_ARGS_SIZE_VER0).
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
}

/// Creates the container process. It sets itself up and then waits for
/// [`Started::run`] before it execs the command. Call while single-threaded.
pub fn start(spec: &ContainerSpec) -> Result<Started, Error> {
    let channel = |what| move |source| Error::Channel { what, source };
    let (report_read, report_write) =
        pipe2(OFlag::O_CLOEXEC).map_err(channel("creating the report pipe"))?;
    let (go_read, go_write) =
        pipe2(OFlag::O_CLOEXEC).map_err(channel("creating the start pipe"))?;
    let (mapped_read, mapped_write) =
        pipe2(OFlag::O_CLOEXEC).map_err(channel("creating the mapping pipe"))?;
    let fuse = match &spec.rootfs.source {
        RootfsSource::FuseOverlay(layers) => Some((
            layers,
            socket::socketpair(
                AddressFamily::Unix,
                SockType::Stream,
                None,
                SockFlag::SOCK_CLOEXEC,
            )
            .map_err(channel("creating the FUSE socket"))?,
        )),
        _ => None,
    };
    let terminal = match spec.process.stdio {
        Stdio::Terminal => Some(
            socket::socketpair(
                AddressFamily::Unix,
                SockType::Stream,
                None,
                SockFlag::SOCK_CLOEXEC,
            )
            .map_err(channel("creating the terminal socket"))?,
        ),
        _ => None,
    };
    let mut args = CloneArgs {
        flags: namespaces(spec),
        pidfd: 0,
        child_tid: 0,
        parent_tid: 0,
        exit_signal: libc::SIGCHLD as u64,
        stack: 0,
        stack_size: 0,
        tls: 0,
    };
    // SAFETY: clone3 without a stack behaves like fork(2): the child gets a
    // copy of this single-threaded process and returns 0. `args` outlives the call.
    let pid = unsafe {
        libc::syscall(
            libc::SYS_clone3,
            &mut args as *mut CloneArgs,
            size_of::<CloneArgs>(),
        )
    };
    match Errno::result(pid) {
        Err(errno) => Err(Error::Clone(errno)),
        Ok(0) => {
            drop(report_read);
            drop(go_write);
            drop(mapped_write);
            if spec.user_namespace.is_some() {
                // Nothing works in the new user namespace before it has a mapping.
                wait_for(&mapped_read);
            }
            drop(mapped_read);
            let console = terminal.map(|(_, child_end)| child_end);
            let fuse_socket = fuse.map(|(_, (_, child_end))| child_end);
            let outcome = child(spec, go_read, console, fuse_socket);
            let Err(error) = outcome;
            report(&report_write, &error);
            exit_forked_child(error.code)
        }
        Ok(pid) => {
            drop(report_write);
            drop(go_read);
            drop(mapped_read);
            let pid = Pid::from_raw(pid as i32);
            if let Some(mappings) = &spec.user_namespace {
                if let Err(source) = write_mappings(pid, mappings) {
                    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
                    let _ = nix::sys::wait::waitpid(pid, None);
                    return Err(Error::Mapping {
                        pid: pid.as_raw(),
                        source,
                    });
                }
                let _ = nix::unistd::write(&mapped_write, b"m");
            }
            drop(mapped_write);
            if let Some((layers, (parent_end, child_end))) = fuse {
                drop(child_end);
                // The child mounts first: its connection comes back to be served.
                let served = receive_fd(&parent_end)
                    .and_then(|device| crate::storage::fuse::spawn_server(device, layers));
                if let Err(errno) = served {
                    return Err(child_failure(report_read, pid).unwrap_or(Error::Channel {
                        what: "starting the fuse-overlay server",
                        source: errno,
                    }));
                }
            }
            let terminal = match terminal {
                Some((parent_end, child_end)) => {
                    drop(child_end);
                    match receive_fd(&parent_end) {
                        Ok(fd) => Some(fd),
                        // The child failed before it had a terminal to send: say why.
                        Err(errno) => {
                            return Err(child_failure(report_read, pid).unwrap_or(
                                Error::Channel {
                                    what: "receiving the container's terminal",
                                    source: errno,
                                },
                            ));
                        }
                    }
                }
                None => None,
            };
            Ok(Started {
                pid,
                terminal,
                go: go_write,
                report: report_read,
            })
        }
    }
}

impl Started {
    /// Lets the command run, and waits until it is exec'd (or failed to be).
    pub fn run(self) -> Result<(Pid, Option<OwnedFd>), Error> {
        let mut go = std::fs::File::from(self.go);
        let _ = go.write_all(b"g");
        drop(go);
        match child_failure(self.report, self.pid) {
            Some(error) => Err(error),
            None => Ok((self.pid, self.terminal)),
        }
    }
}

/// Reads the child's report: `None` when it exec'd its command, else its
/// error (the child is reaped then, so no zombie stays).
fn child_failure(report: OwnedFd, pid: Pid) -> Option<Error> {
    let mut message = Vec::new();
    let _ = std::fs::File::from(report).read_to_end(&mut message);
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
    go: OwnedFd,
    console: Option<OwnedFd>,
    fuse_socket: Option<OwnedFd>,
) -> Result<Infallible, ChildError> {
    let start = std::time::Instant::now();
    network::enter(&spec.network)?;
    rootfs::build(
        &spec.rootfs,
        &spec.mounts,
        !spec.privileged,
        fuse_socket.as_ref(),
    )?;
    drop(fuse_socket);
    crate::log::phase("network namespace and mounts (in the container)", start);
    nix::unistd::sethostname(&spec.hostname).map_err(ChildError::engine("setting the hostname"))?;
    if let Some(console) = console {
        process::attach_terminal(&console)?;
    } else if let Stdio::Inherit { keep_stdin: false } = spec.process.stdio {
        process::stdin_from_null()?;
    }
    // Wait for the parent: it may still be setting up the terminal or the network.
    wait_for(&go);
    drop(go);
    process::exec(&spec.process, &spec.security)
}

/// The namespaces the container is cloned into.
fn namespaces(spec: &ContainerSpec) -> u64 {
    let mut flags = NAMESPACES;
    if spec.network == Network::Loopback {
        flags |= libc::CLONE_NEWNET as u64;
    }
    if spec.user_namespace.is_some() {
        flags |= libc::CLONE_NEWUSER as u64;
    }
    flags
}

/// Blocks until the other end writes a byte or closes.
fn wait_for(pipe: &OwnedFd) {
    let mut byte = [0u8; 1];
    let _ = nix::unistd::read(pipe.as_fd(), &mut byte);
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

/// Sends a descriptor over a Unix socket (SCM_RIGHTS).
pub(crate) fn send_fd(socket: &OwnedFd, fd: RawFd) -> Result<(), Errno> {
    let fds = [fd];
    let byte = [0u8; 1];
    let iov = [std::io::IoSlice::new(&byte)];
    socket::sendmsg::<()>(
        socket.as_raw_fd(),
        &iov,
        &[ControlMessage::ScmRights(&fds)],
        MsgFlags::empty(),
        None,
    )
    .map(drop)
}

fn receive_fd(socket: &OwnedFd) -> Result<OwnedFd, Errno> {
    let mut byte = [0u8; 1];
    let mut iov = [std::io::IoSliceMut::new(&mut byte)];
    let mut space = nix::cmsg_space!([RawFd; 1]);
    let message = socket::recvmsg::<()>(
        socket.as_raw_fd(),
        &mut iov,
        Some(&mut space),
        MsgFlags::MSG_CMSG_CLOEXEC,
    )?;
    for cmsg in message.cmsgs()? {
        if let ControlMessageOwned::ScmRights(fds) = cmsg {
            if let Some(&fd) = fds.first() {
                // SAFETY: the kernel just installed this descriptor for us; nothing else owns it.
                return Ok(unsafe { OwnedFd::from_raw_fd(fd) });
            }
        }
    }
    Err(Errno::EBADMSG)
}
