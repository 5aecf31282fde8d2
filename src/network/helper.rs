//! The network helper process of one container: started with the
//! container's network namespace on a descriptor, tied to its parent with
//! `PR_SET_PDEATHSIG`, its output in a log file that is shown when it fails,
//! killed and reaped when it is dropped.

use std::fs::File;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::relay::UdpRelay;
use super::{Error, HelperFiles, Mode, PortMapping, Protocol, pasta, slirp4netns};
use crate::process::SingleThreaded;

/// The descriptor number helpers find the container's network namespace
/// on; they are given `/proc/self/fd/3` as its path. A path under
/// `/proc/CONTAINER_PID/ns` would not do: opening it needs ptrace access to
/// the container's process, which pasta loses when it drops capabilities.
pub(super) const NETNS_FD: RawFd = 3;

/// A running helper. Dropping it kills and reaps it.
#[derive(Debug)]
pub struct Helper {
    pub(super) name: &'static str,
    pub(super) child: Child,
    pub(super) log: PathBuf,
    /// Descriptors whose closing tells the helper to quit (slirp4netns's exit fd).
    pub(super) hold: Vec<OwnedFd>,
    /// rcon's own relay of the published UDP ports (set once the helper is ready).
    relay: Option<UdpRelay>,
    /// Wait for the helper's exit when it is stopped (see [`Helper::leave_to_the_system`]).
    reap: bool,
    /// It holds published ports, which only its exit releases.
    publishes: bool,
}

impl Helper {
    /// A helper process just spawned, not yet relaying anything.
    pub(super) fn spawned(
        name: &'static str,
        child: Child,
        log: PathBuf,
        hold: Vec<OwnedFd>,
    ) -> Helper {
        Helper {
            name,
            child,
            log,
            hold,
            relay: None,
            reap: true,
            publishes: false,
        }
    }

    /// For a process about to exit: stopping the helper will not wait for
    /// its end, which takes the kernel tens of milliseconds (it tears the
    /// helper's tap device down) and would hold up the command's return;
    /// the system reaps it. Not when it publishes ports: the next command
    /// may want them, and they are free only once it is gone.
    pub fn leave_to_the_system(&mut self) {
        self.reap = self.publishes;
    }

    /// The descriptors this process must keep open while the helper runs.
    pub fn held_fds(&self) -> Vec<RawFd> {
        self.hold.iter().map(|fd| fd.as_raw_fd()).collect()
    }

    /// Connects the network namespace of container process `pid` as helper
    /// mode `mode` says (see [`Mode::helper`]), with `ports` published:
    /// returns once the namespace is configured. `None` for modes without a
    /// helper. The UDP relay is forked.
    pub fn start(
        mode: &Mode,
        pid: i32,
        ports: &[PortMapping],
        files: &HelperFiles,
        single: &SingleThreaded,
    ) -> Result<Option<Helper>, Error> {
        let netns = || container_netns(pid);
        std::fs::create_dir_all(&files.dir).map_err(|source| Error::Io {
            what: format!("creating {}", files.dir.display()),
            source,
        })?;
        // The helper forwards TCP; rcon relays UDP itself (see `relay`).
        let (udp, tcp): (Vec<PortMapping>, Vec<PortMapping>) = ports
            .iter()
            .cloned()
            .partition(|p| p.protocol == Protocol::Udp);
        let mut helper = match mode {
            Mode::Pasta(options) => pasta::start(options, netns()?, &tcp, files)?,
            Mode::Slirp4netns(options) => slirp4netns::start(options, netns()?, &tcp, files)?,
            _ => return Ok(None),
        };
        helper.publishes = !tcp.is_empty();
        helper.relay = UdpRelay::start(&udp, netns()?, single)?;
        Ok(Some(helper))
    }

    /// True while the helper process runs (it has not died since it started).
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// The helper's PID.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The failure of a helper that is gone or stuck: what it logged, then
    /// the process is killed and reaped.
    pub(super) fn failed(mut self, what: &str) -> Error {
        let status = match self.child.try_wait() {
            Ok(Some(status)) => format!(" ({status})"),
            _ => String::new(),
        };
        let _ = self.child.kill();
        let _ = self.child.wait();
        let logged = log_text(&self.log);
        Error::HelperFailed {
            helper: self.name,
            message: match logged.is_empty() {
                true => format!("{what}{status}"),
                false => format!("{what}{status}: {logged}"),
            },
        }
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        let _ = self.child.kill();
        if self.reap {
            let _ = self.child.wait();
        }
    }
}

/// The network namespace of container process `pid`.
pub(super) fn container_netns(pid: i32) -> Result<OwnedFd, Error> {
    let path = format!("/proc/{pid}/ns/net");
    File::open(&path)
        .map(OwnedFd::from)
        .map_err(|source| Error::Io {
            what: format!("opening the container's network namespace {path}"),
            source,
        })
}

/// What a helper logged, on one line, without the noise of its failed
/// attempts to reach a system logger.
fn log_text(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains("to syslog"))
        .collect();
    lines[lines.len().saturating_sub(5)..].join("; ")
}

/// Starts `program` with `args`; `fds` are (descriptor, number in the
/// helper) pairs, the first being the network namespace at [`NETNS_FD`].
/// Its stdout and stderr go to `log`.
pub(super) fn spawn(
    program: &str,
    args: &[String],
    fds: Vec<(OwnedFd, RawFd)>,
    log: PathBuf,
) -> Result<Child, Error> {
    let output = File::create(&log).map_err(|source| Error::Io {
        what: format!("creating {}", log.display()),
        source,
    })?;
    let errors = output.try_clone().map_err(|source| Error::Io {
        what: format!("opening {}", log.display()),
        source,
    })?;
    let parent = std::process::id() as libc::pid_t;
    let moves: Vec<(RawFd, RawFd)> = fds.iter().map(|(fd, to)| (fd.as_raw_fd(), *to)).collect();
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(output)
        .stderr(errors);
    // SAFETY: the closure runs in the forked child before exec and only
    // makes async-signal-safe system calls (prctl, getppid, sigprocmask,
    // fcntl, dup2, _exit).
    unsafe {
        command.pre_exec(move || {
            // Dies with the monitor, whatever kills it. Credentials must stay
            // as they are from here on (a change of UID clears this).
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            if libc::getppid() != parent {
                libc::_exit(1);
            }
            // The monitor blocks the signals it reads from a signalfd; the
            // helper must get them as usual.
            let mut none: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut none);
            libc::sigprocmask(libc::SIG_SETMASK, &none, std::ptr::null_mut());
            // Out of the way of the target numbers first, then into place
            // (dup2 leaves the new descriptor without FD_CLOEXEC).
            let mut high = [0; 8];
            for (slot, (fd, _)) in high.iter_mut().zip(&moves) {
                *slot = libc::fcntl(*fd, libc::F_DUPFD_CLOEXEC, 64);
                if *slot < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            for (fd, (_, to)) in high.iter().zip(&moves) {
                if libc::dup2(*fd, *to) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let child = command.spawn().map_err(|source| Error::Io {
        what: format!("starting {program}"),
        source,
    })?;
    drop(fds);
    Ok(child)
}
