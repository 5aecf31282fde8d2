//! `--init`: a tiny PID 1 in the container. The command runs as its child;
//! PID 1 forwards every signal it gets to the command, reaps every zombie
//! (orphans are re-parented to it), and exits with the command's status.
//!
//! PID 1 is rcon-init (`init.c`, built by build.rs and embedded here), not
//! the forked rcon: a fork would keep the host rcon's memory, environment,
//! argv and executable within the container's reach (`/proc/1/mem`,
//! `environ`, `cmdline`, `exe`). The container's first process forks the
//! command and execs rcon-init with an empty environment from a sealed
//! memfd, so `/proc/1/exe` names a copy nothing can write to: not the host
//! binary, which the user (the container's root) may own and could
//! otherwise overwrite through it (CVE-2019-5736).

use std::ffi::CString;
use std::io::Write;
use std::os::fd::{AsFd, OwnedFd};

use nix::errno::Errno;
use nix::fcntl::{AtFlags, FcntlArg, OFlag, SealFlag, fcntl};
use nix::sys::memfd::{MFdFlags, memfd_create};
use nix::sys::signal::{SigSet, SigmaskHow, Signal, kill, sigprocmask};
use nix::unistd::{ForkResult, execveat, fork, pipe2};

use super::ChildError;

/// rcon-init's executable (empty where build.rs cannot build it).
const INIT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rcon-init"));

/// rcon-init in a memfd sealed against any change, to exec once the process
/// has given up its privileges (made before, so that neither the user
/// switch nor the seccomp filter stands in the way).
pub(super) fn sealed() -> Result<OwnedFd, ChildError> {
    if INIT.is_empty() {
        return Err(ChildError::engine_message(format!(
            "--init is not available on {}: rcon-init has no build for it",
            std::env::consts::ARCH
        )));
    }
    let flags = MFdFlags::MFD_CLOEXEC | MFdFlags::MFD_ALLOW_SEALING;
    // MFD_EXEC (Linux 6.3+) keeps it executable where memfds default to
    // not; older kernels refuse the flag and make every memfd executable.
    let memfd = memfd_create(
        c"rcon-init",
        flags | MFdFlags::from_bits_retain(libc::MFD_EXEC),
    )
    .or_else(|e| match e {
        Errno::EINVAL => memfd_create(c"rcon-init", flags),
        e => Err(e),
    })
    .map_err(ChildError::engine("creating the memfd for --init"))?;
    let mut file = std::fs::File::from(memfd);
    file.write_all(INIT).map_err(|e| {
        ChildError::engine_message(format!("writing rcon-init into its memfd: {e}"))
    })?;
    let seals = SealFlag::F_SEAL_SEAL
        | SealFlag::F_SEAL_SHRINK
        | SealFlag::F_SEAL_GROW
        | SealFlag::F_SEAL_WRITE;
    fcntl(file.as_fd(), FcntlArg::F_ADD_SEALS(seals))
        .map_err(ChildError::engine("sealing the memfd of --init"))?;
    Ok(file.into())
}

/// Becomes rcon's pause program (rcon-init without a command, `init`
/// from [`sealed`]): the process of a pod's infra container without an
/// image. Every signal stays blocked across the exec, as rcon-init reads
/// them with sigtimedwait.
pub(super) fn exec_pause(init: &OwnedFd) -> Result<std::convert::Infallible, ChildError> {
    sigprocmask(SigmaskHow::SIG_BLOCK, Some(&SigSet::all()), None)
        .map_err(ChildError::engine("blocking signals in the pause process"))?;
    let Err(errno) = execveat(
        init,
        c"",
        &[c"/pause"],
        &[] as &[&std::ffi::CStr],
        AtFlags::AT_EMPTY_PATH,
    );
    Err(ChildError::engine("starting rcon's pause process")(errno))
}

/// Forks: returns in the child, which goes on to exec the command; the
/// parent becomes rcon-init (`init`, from [`sealed`]) for the life of the
/// container and never returns, unless that exec fails.
pub(super) fn run_as_pid1(init: &OwnedFd) -> Result<(), ChildError> {
    let all = SigSet::all();
    let mut previous = SigSet::empty();
    // Blocked across the exec (the mask survives it), so rcon-init misses
    // no signal, SIGCHLD of a command that ends at once included.
    sigprocmask(SigmaskHow::SIG_BLOCK, Some(&all), Some(&mut previous))
        .map_err(ChildError::engine("blocking signals in the init process"))?;
    // End-of-file once PID 1 is rcon-init: the command must not run while
    // PID 1 is still the fork of rcon.
    let (execed, exec_pending) =
        pipe2(OFlag::O_CLOEXEC).map_err(ChildError::engine("creating the --init pipe"))?;
    // SAFETY: the process is single-threaded (a freshly cloned container child).
    match unsafe { fork() }.map_err(ChildError::engine("starting the command under --init"))? {
        ForkResult::Child => {
            drop(exec_pending);
            super::read_byte(&execed);
            sigprocmask(SigmaskHow::SIG_SETMASK, Some(&previous), None)
                .map_err(ChildError::engine("restoring the signal mask"))?;
            Ok(())
        }
        ForkResult::Parent { child } => {
            drop(execed);
            let command = CString::new(child.as_raw().to_string()).expect("digits");
            // Every descriptor above 2 is close-on-exec by now: the report
            // pipe reaches end-of-file when the command execs, and the
            // command learns that this exec happened.
            let Err(errno) = execveat(
                init,
                c"",
                &[c"rcon-init", command.as_c_str()],
                &[] as &[&std::ffi::CStr],
                AtFlags::AT_EMPTY_PATH,
            );
            let _ = kill(child, Signal::SIGKILL);
            Err(ChildError::engine("starting rcon-init, the --init process")(errno))
        }
    }
}
