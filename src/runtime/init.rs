//! `--init`: a tiny PID 1 in the container. The command runs as its child;
//! PID 1 forwards every signal it gets to the command, reaps every zombie
//! (orphans are re-parented to it), and exits with the command's status.

use nix::sys::signal::{SigSet, SigmaskHow, Signal, kill, sigprocmask};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::{ForkResult, Pid, fork};

use super::ChildError;
use crate::process::exit_forked_child;

/// Forks: returns in the child, which goes on to exec the command; the
/// parent stays PID 1 for the life of the container and never returns.
pub(super) fn run_as_pid1() -> Result<(), ChildError> {
    let all = SigSet::all();
    let mut previous = SigSet::empty();
    sigprocmask(SigmaskHow::SIG_BLOCK, Some(&all), Some(&mut previous))
        .map_err(ChildError::engine("blocking signals in the init process"))?;
    // SAFETY: the process is single-threaded (a freshly cloned container child).
    match unsafe { fork() }.map_err(ChildError::engine("starting the command under --init"))? {
        ForkResult::Child => {
            sigprocmask(SigmaskHow::SIG_SETMASK, Some(&previous), None)
                .map_err(ChildError::engine("restoring the signal mask"))?;
            Ok(())
        }
        ForkResult::Parent { child } => {
            // PID 1 holds nothing of the set-up: the report pipe must reach
            // end-of-file as soon as the command execs.
            // SAFETY: close_range takes plain integers.
            unsafe { libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) };
            exit_forked_child(supervise(child, &all))
        }
    }
}

/// Waits for signals: SIGCHLD reaps, anything else goes to the command.
fn supervise(command: Pid, signals: &SigSet) -> i32 {
    loop {
        let Ok(signal) = signals.wait() else { continue };
        if signal != Signal::SIGCHLD {
            let _ = kill(command, signal);
            continue;
        }
        loop {
            match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
                Ok(WaitStatus::Exited(pid, code)) if pid == command => return code,
                Ok(WaitStatus::Signaled(pid, signal, _)) if pid == command => {
                    return 128 + signal as i32;
                }
                Ok(WaitStatus::StillAlive) | Err(_) => break,
                Ok(_) => {}
            }
        }
    }
}
