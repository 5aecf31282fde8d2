//! The monitor's part when `rcon run` stays in the foreground: rcon itself
//! is the container's parent, so there is no extra process on the hot path.
//! It forwards signals to the container (`--sig-proxy`), relays the terminal
//! with `-t`, and returns the exit code (128+N when killed by signal N).

use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{SigSet, SigmaskHow, Signal, kill, sigprocmask};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;

use super::tty::{RawTerminal, set_window_size, window_size};

/// Signals rcon passes on to the container rather than acting on itself.
const FORWARDED: [Signal; 9] = [
    Signal::SIGINT,
    Signal::SIGTERM,
    Signal::SIGHUP,
    Signal::SIGQUIT,
    Signal::SIGUSR1,
    Signal::SIGUSR2,
    Signal::SIGCONT,
    Signal::SIGPIPE,
    Signal::SIGALRM,
];

/// Blocks the signals the monitor handles, so they queue for it instead of
/// killing rcon. Call right after the container is cloned (it must not inherit the mask).
pub fn block_signals(sig_proxy: bool) -> SigSet {
    let mut set = SigSet::empty();
    set.add(Signal::SIGCHLD);
    set.add(Signal::SIGWINCH);
    if sig_proxy {
        for signal in FORWARDED {
            set.add(signal);
        }
    }
    let _ = sigprocmask(SigmaskHow::SIG_BLOCK, Some(&set), None);
    set
}

/// Waits for the container's process to end and returns its exit code.
pub fn wait(pid: Pid, signals: SigSet, terminal: Option<OwnedFd>) -> i32 {
    match terminal {
        None => wait_plain(pid, &signals),
        Some(master) => relay_terminal(pid, signals, master),
    }
}

fn wait_plain(pid: Pid, signals: &SigSet) -> i32 {
    loop {
        if let Some(code) = reap(pid) {
            return code;
        }
        match signals.wait() {
            Ok(Signal::SIGCHLD | Signal::SIGWINCH) | Err(_) => {}
            Ok(signal) => {
                let _ = kill(pid, signal);
            }
        }
    }
}

/// The exit code once `pid` has ended.
pub(super) fn reap(pid: Pid) -> Option<i32> {
    match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
        Ok(WaitStatus::Exited(_, code)) => Some(code),
        Ok(WaitStatus::Signaled(_, signal, _)) => Some(128 + signal as i32),
        Err(Errno::ECHILD) => Some(super::super::runtime::EXIT_ENGINE),
        _ => None,
    }
}

/// Copies stdin to the pty master and the master to stdout, with the host
/// terminal raw for the session (restored on every way out, by the guard).
fn relay_terminal(pid: Pid, signals: SigSet, master: OwnedFd) -> i32 {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let raw = RawTerminal::enter(stdin.as_fd()).ok();
    if raw.is_some() {
        copy_window_size(stdin.as_fd(), master.as_fd());
    }
    let Ok(signal_fd) = SignalFd::with_flags(&signals, SfdFlags::SFD_CLOEXEC) else {
        return wait_plain(pid, &signals);
    };
    let mut stdin_open = true;
    let mut buffer = [0u8; 8192];
    loop {
        let mut fds = vec![
            PollFd::new(master.as_fd(), PollFlags::POLLIN),
            PollFd::new(signal_fd.as_fd(), PollFlags::POLLIN),
        ];
        if stdin_open {
            fds.push(PollFd::new(stdin.as_fd(), PollFlags::POLLIN));
        }
        match poll(&mut fds, PollTimeout::NONE) {
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => break,
        }
        let ready = |fd: &PollFd| fd.revents().is_some_and(|r| !r.is_empty());
        let (master_ready, signal_ready) = (ready(&fds[0]), ready(&fds[1]));
        let stdin_ready = stdin_open && ready(&fds[2]);
        drop(fds);
        if master_ready && !copy(master.as_fd(), stdout.as_fd(), &mut buffer) {
            // The container closed its terminal: it has ended or is ending.
            break;
        }
        if stdin_ready && !copy(stdin.as_fd(), master.as_fd(), &mut buffer) {
            stdin_open = false;
        }
        if signal_ready {
            if let Ok(Some(info)) = signal_fd.read_signal() {
                match Signal::try_from(info.ssi_signo as i32) {
                    Ok(Signal::SIGCHLD) => {}
                    Ok(Signal::SIGWINCH) => copy_window_size(stdin.as_fd(), master.as_fd()),
                    Ok(signal) => {
                        let _ = kill(pid, signal);
                    }
                    Err(_) => {}
                }
            }
            if let Some(code) = reap(pid) {
                drain(master.as_fd(), stdout.as_fd(), &mut buffer);
                return code;
            }
        }
    }
    drop(raw);
    loop {
        if let Some(code) = reap(pid) {
            return code;
        }
        let _ = signals.wait();
    }
}

/// Gives the container's terminal the size of rcon's.
fn copy_window_size(from: BorrowedFd, to: BorrowedFd) {
    if let Ok(size) = window_size(from) {
        let _ = set_window_size(to, &size);
    }
}

/// Copies what one read gives; false at end-of-file or error.
fn copy(from: BorrowedFd, to: BorrowedFd, buffer: &mut [u8]) -> bool {
    match nix::unistd::read(from, buffer) {
        Ok(0) | Err(_) => false,
        Ok(n) => write_all(to, &buffer[..n]),
    }
}

fn write_all(to: BorrowedFd, mut bytes: &[u8]) -> bool {
    while !bytes.is_empty() {
        match nix::unistd::write(to, bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(Errno::EINTR | Errno::EAGAIN) => {}
            Err(_) => return false,
        }
    }
    true
}

/// What is still buffered in the pty after the process ended.
fn drain(master: BorrowedFd, to: BorrowedFd, buffer: &mut [u8]) {
    loop {
        let mut fds = [PollFd::new(master, PollFlags::POLLIN)];
        if !matches!(poll(&mut fds, PollTimeout::ZERO), Ok(n) if n > 0) || !copy(master, to, buffer)
        {
            return;
        }
    }
}
