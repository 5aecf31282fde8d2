//! The loop a container's parent spends its life in when it reads the
//! container's output pipes or pty: poll them and a signalfd, hand each
//! piece of output to a [`Party`] (the log, attached clients, rcon's own
//! stdout and stderr), reap the container. One loop for the detached
//! monitor and the foreground `run`: no threads, no async runtime.

use std::os::fd::{AsFd, OwnedFd};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::unistd::Pid;

use super::logfile::Stream;
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};

/// Who gets the output, and what else the loop serves.
pub(super) trait Party {
    /// One read's worth of the container's output.
    fn output(&mut self, stream: Stream, bytes: &[u8]);
    /// A signal other than SIGCHLD from the set the loop reads.
    fn signal(&mut self, signal: Signal);
    /// More descriptors to poll.
    fn poll_fds(&self) -> Vec<PollFd<'_>> {
        Vec::new()
    }
    /// Which of [`Party::poll_fds`] were ready.
    fn serve(&mut self, ready: &[bool]) {
        let _ = ready;
    }
    /// Everything is set up: the loop waits from here on.
    fn settled(&mut self) {}
    /// Longest the loop may wait before [`Party::serve`] is called again
    /// (`None`: until something is ready).
    fn timeout(&self) -> Option<std::time::Duration> {
        None
    }
}

/// The exit code recorded for a container killed at its `--timeout`, as
/// Podman records it (unknown: the command did not end by itself).
pub const TIMED_OUT: i32 = -1;

/// Relays `streams` to `party` until they are closed and the container is
/// reaped; returns its exit code (128+N when killed by signal N). Past
/// `timeout` (`--timeout`, from now) the container is SIGKILLed, and the
/// code is [`TIMED_OUT`].
pub(super) fn relay(
    pid: Pid,
    mut streams: Vec<(OwnedFd, Stream)>,
    signals: &SigSet,
    party: &mut impl Party,
    timeout: Option<Duration>,
) -> i32 {
    let Ok(signal_fd) = SignalFd::with_flags(signals, SfdFlags::SFD_CLOEXEC) else {
        return wait_only(pid, signals);
    };
    let deadline = timeout.map(|t| Instant::now() + t);
    let mut timed_out = false;
    let mut exit_code = reap(pid);
    let mut buffer = vec![0u8; 16 * 1024];
    party.settled();
    while exit_code.is_none() || !streams.is_empty() {
        let mut fds: Vec<PollFd> = streams
            .iter()
            .map(|(fd, _)| PollFd::new(fd.as_fd(), PollFlags::POLLIN))
            .collect();
        fds.push(PollFd::new(signal_fd.as_fd(), PollFlags::POLLIN));
        fds.extend(party.poll_fds());
        // Once reaped, the container's whole PID namespace is gone: what is
        // left in the pipes is all there will be, so never wait for more.
        let left = deadline
            .filter(|_| !timed_out)
            .map(|at| at.saturating_duration_since(Instant::now()));
        let wait = [party.timeout(), left].into_iter().flatten().min();
        let timeout = match (exit_code, wait) {
            (Some(_), _) => PollTimeout::ZERO,
            (None, None) => PollTimeout::NONE,
            (None, Some(left)) => {
                let ms = left.as_millis().min(i32::MAX as u128) as i32;
                PollTimeout::try_from(ms).unwrap_or(PollTimeout::MAX)
            }
        };
        match poll(&mut fds, timeout) {
            Ok(0) if exit_code.is_some() => break,
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => break,
        }
        let ready: Vec<bool> = fds
            .iter()
            .map(|fd| fd.revents().is_some_and(|r| !r.is_empty()))
            .collect();
        drop(fds);
        if exit_code.is_none() && !timed_out && deadline.is_some_and(|at| Instant::now() >= at) {
            let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
            timed_out = true;
        }
        let signal_at = streams.len();
        if ready[signal_at] {
            if let Ok(Some(info)) = signal_fd.read_signal() {
                match Signal::try_from(info.ssi_signo as i32) {
                    Ok(Signal::SIGCHLD) | Err(_) => {}
                    Ok(signal) => party.signal(signal),
                }
            }
            exit_code = exit_code.or_else(|| reap(pid));
        }
        party.serve(&ready[signal_at + 1..]);
        let mut closed = Vec::new();
        for (index, (fd, stream)) in streams.iter().enumerate() {
            if !ready[index] {
                continue;
            }
            match nix::unistd::read(fd.as_fd(), &mut buffer) {
                Ok(0) | Err(Errno::EIO) => closed.push(index),
                Ok(n) => party.output(*stream, &buffer[..n]),
                Err(Errno::EINTR | Errno::EAGAIN) => {}
                Err(_) => closed.push(index),
            }
        }
        for index in closed.into_iter().rev() {
            streams.remove(index);
        }
    }
    let code = exit_code.unwrap_or_else(|| wait_only(pid, signals));
    if timed_out { TIMED_OUT } else { code }
}

/// Waits for `pid` to end without relaying anything.
fn wait_only(pid: Pid, signals: &SigSet) -> i32 {
    loop {
        if let Some(code) = reap(pid) {
            return code;
        }
        let _ = signals.wait();
    }
}

/// The exit code once `pid` has ended.
pub(super) fn reap(pid: Pid) -> Option<i32> {
    match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
        Ok(WaitStatus::Exited(_, code)) => Some(code),
        Ok(WaitStatus::Signaled(_, signal, _)) => Some(128 + signal as i32),
        Err(Errno::ECHILD) => Some(crate::runtime::EXIT_ENGINE),
        _ => None,
    }
}
