//! The pause process: a tiny rcon fork that owns the user and mount namespace
//! so later commands can join it with `setns()`.
//!
//! It is recorded as `<runroot>/pause.pid` holding its PID and start time; the
//! start time tells a live pause process from a recycled PID.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::{Flock, OFlag};
use nix::sched::{CloneFlags, setns, unshare};
use nix::sys::signal::{SigHandler, Signal, kill, signal};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, getpid, setsid};

use super::idmap::{MappingPlan, SingleReason, write_mapping};
use super::{Error, HostUser};
use crate::process::SingleThreaded;
use crate::util::fs::{IoError, write_atomic};
use crate::util::proc::process_start_time;

pub const PID_FILE: &str = "pause.pid";
const LOCK_FILE: &str = "pause.lock";
/// The name the pause process shows in `ps`.
pub const PROCESS_NAME: &std::ffi::CStr = c"rcon-pause";

/// A pause process, identified by PID and start time (clock ticks since boot).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PauseProcess {
    pub pid: i32,
    pub start_time: u64,
}

impl PauseProcess {
    /// The pause process recorded under `runroot`, if the record is readable.
    pub fn read(runroot: &Path) -> Option<PauseProcess> {
        let text = fs::read_to_string(runroot.join(PID_FILE)).ok()?;
        let mut fields = text.split_whitespace();
        let pid = fields.next()?.parse().ok()?;
        let start_time = fields.next()?.parse().ok()?;
        Some(PauseProcess { pid, start_time })
    }

    /// True while this very process (not a later one with its PID) runs.
    pub fn is_alive(&self) -> bool {
        process_start_time(self.pid) == Some(self.start_time)
    }

    /// Writes the record atomically.
    pub fn record(&self, runroot: &Path) -> Result<(), Error> {
        let record = format!("{} {}\n", self.pid, self.start_time);
        Ok(write_atomic(&runroot.join(PID_FILE), record.as_bytes())?)
    }

    /// Stops the pause process, if it is still the one recorded.
    pub fn kill(&self) {
        if self.is_alive() {
            let _ = kill(Pid::from_raw(self.pid), Signal::SIGKILL);
        }
    }

    /// Joins its user and mount namespaces, staying in the working
    /// directory. `Ok(false)` when it is gone (or its PID now belongs to
    /// another process): the caller makes a new one.
    pub fn join(&self, _single: &SingleThreaded) -> Result<bool, Error> {
        if !self.is_alive() {
            return Ok(false);
        }
        let open = |ns: &str| File::open(format!("/proc/{}/ns/{ns}", self.pid));
        let (Ok(user_ns), Ok(mount_ns)) = (open("user"), open("mnt")) else {
            return Ok(false);
        };
        // The open files pin the namespaces; re-check that they are the right ones.
        if !self.is_alive() {
            return Ok(false);
        }
        for (ns_file, own, flag) in [
            (user_ns, "/proc/self/ns/user", CloneFlags::CLONE_NEWUSER),
            (mount_ns, "/proc/self/ns/mnt", CloneFlags::CLONE_NEWNS),
        ] {
            if same_file(&ns_file, Path::new(own)) {
                continue; // already inside, e.g. a shell started by `rcon unshare`
            }
            // Joining a mount namespace moves the working directory to its
            // root, where every relative path the user typed would then lead.
            let cwd = (flag == CloneFlags::CLONE_NEWNS)
                .then(WorkingDir::remember)
                .transpose()?;
            setns(&ns_file, flag).map_err(|e| Error::Join {
                pid: self.pid,
                source: e.into(),
            })?;
            if let Some(cwd) = cwd {
                cwd.restore()?;
            }
        }
        Ok(true)
    }

    /// Forks a pause process in a new user + mount namespace and writes its ID
    /// mapping. Returns it and, for a single mapping, the reason.
    pub fn spawn(
        user: &HostUser,
        plan: &MappingPlan,
        _single: &SingleThreaded,
    ) -> Result<(PauseProcess, Option<SingleReason>), Error> {
        let (ready_read, ready_write) = nix::unistd::pipe2(OFlag::O_CLOEXEC)
            .map_err(|e| Error::Spawn(format!("creating a pipe: {e}")))?;
        // SAFETY: rcon is single-threaded here (`_single` says so), so
        // the child may run ordinary Rust code; it double-forks so the pause
        // process is reparented away from us and never becomes our zombie.
        match unsafe { fork() }.map_err(|e| Error::Spawn(format!("fork: {e}")))? {
            ForkResult::Child => {
                drop(ready_read);
                // SAFETY: as above, still single-threaded.
                match unsafe { fork() } {
                    Ok(ForkResult::Child) => pause_main(ready_write),
                    _ => crate::process::exit_forked_child(0),
                }
            }
            ForkResult::Parent { child } => {
                drop(ready_write);
                let _ = waitpid(child, None);
                let pid = read_ready(ready_read)?;
                let pause = PauseProcess {
                    pid,
                    start_time: process_start_time(pid)
                        .ok_or_else(|| Error::Spawn(format!("process {pid} exited at once")))?,
                };
                match write_mapping(pid, user, plan) {
                    Ok(single) => Ok((pause, single)),
                    Err(e) => {
                        pause.kill();
                        Err(e)
                    }
                }
            }
        }
    }
}

/// The working directory of the command, kept across `setns(CLONE_NEWNS)`.
struct WorkingDir {
    /// The directory itself, opened in the caller's mount namespace.
    dir: OwnedFd,
    /// Its path; `None` when it has none (removed, or outside the root).
    path: Option<PathBuf>,
}

impl WorkingDir {
    fn remember() -> Result<WorkingDir, Error> {
        let dir = nix::fcntl::open(
            ".",
            OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
            nix::sys::stat::Mode::empty(),
        )
        .map_err(|e| {
            let path = std::env::current_dir().unwrap_or_else(|_| ".".into());
            IoError::new("opening the working directory", path, e.into())
        })?;
        Ok(WorkingDir {
            dir,
            path: std::env::current_dir().ok(),
        })
    }

    /// Goes back to the same directory: by its path, when that leads to it
    /// in the joined namespace (the usual case: the pause process's mount
    /// namespace is a copy of the user's and receives its new mounts), so
    /// `getcwd` and absolute paths agree; otherwise through the descriptor,
    /// so relative paths still mean what the user meant (and a directory
    /// that is gone stays gone, rather than becoming `/`).
    fn restore(self) -> Result<(), Error> {
        if let Some(path) = &self.path {
            let reached = std::env::set_current_dir(path).is_ok()
                && fs::metadata(".").is_ok_and(|here| {
                    nix::sys::stat::fstat(&self.dir)
                        .is_ok_and(|dir| dir.st_dev == here.dev() && dir.st_ino == here.ino())
                });
            if reached {
                return Ok(());
            }
            log::debug!(
                "the working directory {} is not the same inside rcon's mount namespace; keeping it by descriptor",
                path.display()
            );
        }
        nix::unistd::fchdir(&self.dir).map_err(|e| {
            let path = self.path.unwrap_or_else(|| ".".into());
            IoError::new("returning to the working directory", path, e.into()).into()
        })
    }
}

/// Takes the lock that serialises creating the pause process.
pub fn lock(runroot: &Path) -> Result<Flock<File>, Error> {
    Ok(crate::util::fs::lock_exclusive(&runroot.join(LOCK_FILE))?)
}

/// Reads the pause process's report: its PID and the errno of its unshare().
fn read_ready(ready: OwnedFd) -> Result<i32, Error> {
    let mut report = [0u8; 8];
    File::from(ready)
        .read_exact(&mut report)
        .map_err(|_| Error::Spawn("it exited before reporting".into()))?;
    let pid = i32::from_ne_bytes(report[..4].try_into().expect("4 bytes"));
    let errno = i32::from_ne_bytes(report[4..].try_into().expect("4 bytes"));
    if errno != 0 {
        let source = io::Error::from_raw_os_error(errno);
        return Err(Error::Unshare {
            hint: unshare_hint(errno),
            source,
        });
    }
    Ok(pid)
}

/// What usually stops an unprivileged unshare(CLONE_NEWUSER), and its fix.
fn unshare_hint(errno: i32) -> String {
    let sysctl =
        |name: &str| fs::read_to_string(format!("/proc/sys/{}", name.replace('.', "/"))).ok();
    if errno == Errno::ENOSPC as i32
        || sysctl("user.max_user_namespaces").as_deref().map(str::trim) == Some("0")
    {
        return "user namespaces are disabled; fix: sudo sysctl -w user.max_user_namespaces=28633"
            .into();
    }
    if sysctl("kernel.apparmor_restrict_unprivileged_userns")
        .as_deref()
        .map(str::trim)
        == Some("1")
    {
        return "AppArmor restricts unprivileged user namespaces; fix: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 (or install an AppArmor profile for rcon)".into();
    }
    if sysctl("kernel.unprivileged_userns_clone")
        .as_deref()
        .map(str::trim)
        == Some("0")
    {
        return "unprivileged user namespaces are disabled; fix: sudo sysctl -w kernel.unprivileged_userns_clone=1".into();
    }
    "run `rcon info` for the cause and the fix".into()
}

/// The pause process itself: unshare, report, then sleep forever.
fn pause_main(ready: OwnedFd) -> ! {
    crate::process::set_title(PROCESS_NAME);
    let _ = setsid();
    close_other_fds(&[ready.as_raw_fd()]);
    let errno = match unshare(CloneFlags::CLONE_NEWUSER | CloneFlags::CLONE_NEWNS) {
        Ok(()) => 0,
        Err(e) => e as i32,
    };
    let mut report = getpid().as_raw().to_ne_bytes().to_vec();
    report.extend(errno.to_ne_bytes());
    let mut ready = File::from(ready);
    if ready.write_all(&report).is_err() || errno != 0 {
        crate::process::exit_forked_child(1);
    }
    drop(ready);
    for sig in [
        Signal::SIGHUP,
        Signal::SIGINT,
        Signal::SIGPIPE,
        Signal::SIGTSTP,
        Signal::SIGTTIN,
        Signal::SIGTTOU,
    ] {
        // SAFETY: SigIgn installs no handler code.
        let _ = unsafe { signal(sig, SigHandler::SigIgn) };
    }
    let _ = std::env::set_current_dir("/");
    loop {
        nix::unistd::pause();
    }
}

/// Closes every descriptor but `keep`, and points stdio at /dev/null, so the
/// pause process holds no lock, pipe or terminal of the command that made it.
pub(crate) fn close_other_fds(keep: &[i32]) {
    if let Ok(null) = File::options().read(true).write(true).open("/dev/null") {
        for target in 0..3 {
            // SAFETY: dup2 onto the standard descriptors; no Rust object owns them here.
            unsafe { libc::dup2(null.as_raw_fd(), target) };
        }
    } // `null` itself is closed here, before the sweep below.
    let fds: Vec<i32> = fs::read_dir("/proc/self/fd")
        .map(|dir| {
            dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    for fd in fds.into_iter().filter(|fd| *fd > 2 && !keep.contains(fd)) {
        // SAFETY: the forked child owns no Rust objects for these inherited descriptors.
        unsafe { libc::close(fd) };
    }
}

fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}
