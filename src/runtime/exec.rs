//! A further process in a running container (`rcon exec`).
//!
//! rcon joins the container's namespaces in one call, through a pidfd of the
//! container's first process — `setns(pidfd, CLONE_NEWUSER | CLONE_NEWNS |
//! CLONE_NEWPID | …)`, which the kernel applies all or nothing — and then
//! forks, so the child is born in the container's PID namespace and sees
//! its root, hostname, network and processes. The child then does what a
//! container's command does once its root is built ([`super::connect_and_exec`]):
//! standard streams or a pty of the container's devpts, user from the
//! container's passwd, working directory, limits, capabilities,
//! `no_new_privs`, seccomp, exec. rcon stays the parent, outside the PID
//! namespace, to relay the terminal and learn the exit code. Until its exec
//! the child is a copy of rcon inside the container's reach, so it is made
//! not dumpable first (as runc does for its `runc init`).

use std::os::fd::{AsRawFd, BorrowedFd};
use std::os::unix::fs::MetadataExt;

use nix::errno::Errno;

use super::security::SecurityPlan;
use super::{Error, Pipes, Process, Started, channel, clone_process, connect_and_exec};
use crate::process::SingleThreaded;

/// The container's namespaces, as named under `/proc/PID/ns/`.
const NAMESPACES: [(&str, libc::c_int); 7] = [
    ("user", libc::CLONE_NEWUSER),
    ("mnt", libc::CLONE_NEWNS),
    ("pid", libc::CLONE_NEWPID),
    ("uts", libc::CLONE_NEWUTS),
    ("ipc", libc::CLONE_NEWIPC),
    ("net", libc::CLONE_NEWNET),
    ("cgroup", libc::CLONE_NEWCGROUP),
];

/// Starts `process` in the container whose first process `container` (a
/// pidfd) and `pid` name, and in its `cgroup` when it has one of its own
/// (so `pause` freezes it and the limits count it). Afterwards this process
/// itself is in the container's namespaces (it needs nothing of the host's
/// any more). The command runs once [`Started::run`] says so.
pub fn exec(
    container: BorrowedFd,
    pid: i32,
    process: &Process,
    security: &SecurityPlan,
    cgroup: Option<&std::path::Path>,
    single: &SingleThreaded,
) -> Result<Started, Error> {
    // Opened while the host's /sys is still this process's to see.
    let cgroup = cgroup.map(super::open_cgroup).transpose()?;
    // The child is a fork of rcon in the container's PID namespace until its
    // exec, there for the container's processes to see: not dumpable, its
    // /proc entries (memory, environment, the host binary as `exe`) are
    // closed to them. The exec makes the command dumpable as usual.
    nix::sys::prctl::set_dumpable(false).map_err(channel("making rcon not dumpable"))?;
    // Moving into a cgroup is checked against the mover's cgroup namespace,
    // which must see both ends: the container's is joined after, by the child.
    let joined_later = if cgroup.is_some() {
        libc::CLONE_NEWCGROUP
    } else {
        0
    };
    join(container, pid, joined_later, single)?;
    let pipes = Pipes::new(process.stdio)?;
    match clone_process(0, cgroup.as_ref(), single)? {
        None => pipes.child(|go, console| {
            drop(cgroup);
            if joined_later != 0 {
                // SAFETY: setns takes a descriptor and a flag; it changes
                // only this (single-threaded) process's cgroup namespace.
                let joined = unsafe { libc::setns(container.as_raw_fd(), joined_later) };
                Errno::result(joined).map_err(super::ChildError::engine(
                    "joining the container's cgroup namespace",
                ))?;
            }
            connect_and_exec(process, process.stdio, security, go, console)
        }),
        Some(child) => pipes.parent(child),
    }
}

/// Joins every namespace of the container that this process is not in
/// already: a namespace shared with rcon (its user namespace when rcon runs
/// inside it, the host's network with `--network host`) is left out, as
/// setns refuses to re-enter one's own user namespace and needs privileges
/// over the host's network.
/// `except` names namespaces (flags) to leave out.
fn join(
    container: BorrowedFd,
    pid: i32,
    except: libc::c_int,
    _single: &SingleThreaded,
) -> Result<(), Error> {
    let same = |name: &str| {
        let ours = std::fs::metadata(format!("/proc/self/ns/{name}"));
        let theirs = std::fs::metadata(format!("/proc/{pid}/ns/{name}"));
        matches!((ours, theirs), (Ok(a), Ok(b)) if a.dev() == b.dev() && a.ino() == b.ino())
    };
    let flags = NAMESPACES
        .iter()
        .filter(|(name, flag)| flag & except == 0 && !same(name))
        .fold(0, |flags, (_, flag)| flags | flag);
    // SAFETY: setns takes a descriptor and flags. The process is
    // single-threaded (`_single`), as joining a user or mount namespace requires.
    let joined = unsafe { libc::setns(container.as_raw_fd(), flags) };
    Errno::result(joined).map(drop).map_err(Error::Join)
}
