//! The monitor's part when `rcon run` stays in the foreground
//! ([`start_foreground`]): rcon itself is the container's parent, so there
//! is no extra process on the hot path. It starts and ends the container as
//! a detached monitor does ([`monitor::launch`], [`monitor::record_end`]).
//! It forwards signals to the container (`--sig-proxy`), relays the terminal
//! with `-t`, and returns the exit code (128+N when killed by signal N).
//!
//! A session the user may detach from (`run -it`, `start -ai`, detach keys
//! not disabled) is the one exception: there the monitor is a child of the
//! CLI ([`detachable`]), so that when the keys are typed it can go on as a
//! detached monitor while the CLI, which the user's shell waits for, returns.

use std::io::{IsTerminal, Read};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::Path;

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{SigSet, SigmaskHow, Signal, kill, sigprocmask};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, pipe2};
use serde::{Deserialize, Serialize};

use super::Error;
use super::attach::Input;
use super::logfile::{LogWriter, Stream};
use super::monitor::{self, Launched, Supervised};
use super::relay::{self, reap};
use super::restart::{RestartLock, clear_stopped};
use super::run::spec_for;
use super::store::{ContainerLock, ContainerRecord, Containers, Status};
use super::tty::{DetachKeys, RawTerminal, set_window_size, window_size};
use crate::process::{SingleThreaded, exit_forked_child};
use crate::runtime;
use crate::storage::store::Store;
use crate::util::exit::ExitCode;

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
/// killing rcon. A container cloned afterwards inherits the mask only until
/// its exec: the runtime clears it there.
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

/// What a signal rcon gets (of those it passes on) does to the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnSignal {
    /// It goes on to the command (`rcon run`'s sig-proxy).
    Forward,
    /// SIGINT, SIGTERM and SIGHUP stop the command with SIGKILL (a build's
    /// RUN: Ctrl-C stops the build, even when the command, as its
    /// container's PID 1, ignores them); the others go on to it.
    StopOnInterrupt,
}

impl OnSignal {
    /// Passes `signal` on to the command; returns it when it stopped the
    /// command instead (its exit code is then 128 + that signal's number,
    /// as if the signal had ended it).
    fn pass_on(self, pid: Pid, signal: Signal) -> Option<Signal> {
        let interrupt = matches!(signal, Signal::SIGINT | Signal::SIGTERM | Signal::SIGHUP);
        if self == OnSignal::StopOnInterrupt && interrupt {
            let _ = kill(pid, Signal::SIGKILL);
            return Some(signal);
        }
        let _ = kill(pid, signal);
        None
    }
}

/// The exit code of a command `stopped` for a signal (else its own).
fn stopped_code(code: i32, stopped: Option<Signal>) -> i32 {
    stopped.map_or(code, |signal| 128 + signal as i32)
}

/// How a terminal session ended.
pub enum Relay {
    /// The command ended with this exit code.
    Exited(i32),
    /// The user typed the detach keys: the command runs on; its terminal.
    Detached(OwnedFd),
}

/// Waits for the container's process to end and returns its exit code;
/// what its terminal shows goes into `log` too.
pub fn wait(
    pid: Pid,
    signals: SigSet,
    terminal: Option<OwnedFd>,
    log: Option<LogWriter>,
    on_signal: OnSignal,
) -> i32 {
    match terminal {
        None => wait_plain(pid, &signals, on_signal),
        Some(master) => match relay_terminal(pid, signals, master, None, log) {
            Relay::Exited(code) => code,
            Relay::Detached(_) => unreachable!("a session without detach keys never detaches"),
        },
    }
}

/// [`wait`] with a terminal the user may detach from by typing `keys`.
pub fn wait_detachable(
    pid: Pid,
    signals: SigSet,
    master: OwnedFd,
    keys: DetachKeys,
    log: Option<LogWriter>,
) -> Relay {
    relay_terminal(pid, signals, master, Some(keys), log)
}

/// True when a standard stream of rcon's that a container without `-t`
/// would get (stdin only with `-i`) is a terminal. Such a container gets
/// pipes instead, relayed by [`wait_relayed`], as with Podman: handed the
/// caller's terminal it could drive it (TIOCSTI, termios, window size).
pub fn stdio_is_terminal(interactive: bool) -> bool {
    std::io::stdout().is_terminal()
        || std::io::stderr().is_terminal()
        || (interactive && std::io::stdin().is_terminal())
}

/// Whether a container's `-i` input is relayed from rcon's stdin (a
/// terminal), rather than rcon's stdin being its own.
pub fn relays_stdin(interactive: bool) -> bool {
    interactive && std::io::stdin().is_terminal()
}

/// Waits for the container's process to end and returns its exit code,
/// copying its output pipes to rcon's own stdout and stderr (and into
/// `log`) and rcon's stdin into `stdin`, the write end of its stdin pipe.
#[allow(clippy::too_many_arguments)]
pub fn wait_relayed(
    pid: Pid,
    signals: SigSet,
    streams: Vec<(OwnedFd, Stream)>,
    stdin: Option<OwnedFd>,
    log: Option<LogWriter>,
    shown: Shown,
    timeout: Option<std::time::Duration>,
    on_signal: OnSignal,
) -> i32 {
    let typed = stdin.map(|pipe| PassedOn {
        stdin: std::io::stdin(),
        open: true,
        input: Input::pipe(Some(pipe)),
    });
    let mut party = Relayed {
        pid,
        log,
        typed,
        shown,
        on_signal,
        stopped: None,
    };
    let code = relay::relay(pid, streams, &signals, &mut party, timeout);
    stopped_code(code, party.stopped)
}

/// A foreground container's output: rcon's own streams (those shown), and the log.
struct Relayed {
    pid: Pid,
    log: Option<LogWriter>,
    typed: Option<PassedOn>,
    shown: Shown,
    on_signal: OnSignal,
    /// The signal the command was stopped for, if it was.
    stopped: Option<Signal>,
}

/// rcon's own stdin on its way to the container's stdin pipe.
struct PassedOn {
    stdin: std::io::Stdin,
    /// Until the end of rcon's stdin.
    open: bool,
    input: Input,
}

impl PassedOn {
    /// rcon's stdin, while it is open and the container keeps up with it.
    fn reading(&self) -> Option<BorrowedFd<'_>> {
        (self.open && !self.input.full()).then(|| self.stdin.as_fd())
    }
}

impl relay::Party for Relayed {
    fn output(&mut self, stream: Stream, bytes: &[u8]) {
        let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
        let to = match stream {
            Stream::Stdout if self.shown.stdout => Some(stdout.as_fd()),
            Stream::Stderr if self.shown.stderr => Some(stderr.as_fd()),
            Stream::Stdout | Stream::Stderr => None,
        };
        if let Some(to) = to {
            write_all(to, bytes);
        }
        if let Some(log) = &mut self.log {
            let _ = log.write(stream, bytes);
        }
    }

    fn signal(&mut self, signal: Signal) {
        if signal != Signal::SIGWINCH {
            self.stopped = self.stopped.or(self.on_signal.pass_on(self.pid, signal));
        }
    }

    fn poll_fds(&self) -> Vec<PollFd<'_>> {
        let Some(typed) = &self.typed else {
            return Vec::new();
        };
        let reading = typed.reading().map(|fd| PollFd::new(fd, PollFlags::POLLIN));
        let waiting = typed
            .input
            .waiting()
            .map(|fd| PollFd::new(fd, PollFlags::POLLOUT));
        reading.into_iter().chain(waiting).collect()
    }

    fn serve(&mut self, ready: &[bool]) {
        let Some(typed) = &mut self.typed else {
            return;
        };
        // Nothing changed since poll_fds: the same descriptors, in its order.
        let reading = typed.reading().is_some();
        if reading && ready[0] {
            let mut buffer = [0u8; 8192];
            match nix::unistd::read(typed.stdin.as_fd(), &mut buffer) {
                Ok(0) | Err(Errno::EIO | Errno::EBADF) => {
                    typed.open = false;
                    typed.input.end();
                }
                Ok(n) => typed.input.write(&buffer[..n]),
                Err(_) => {}
            }
        } else if ready.get(usize::from(reading)).copied().unwrap_or(false) {
            typed.input.flush();
        }
    }
}

/// How a detachable session ended, as its monitor tells the CLI.
#[derive(Debug, Serialize, Deserialize)]
pub enum Ending {
    Exited(i32),
    Detached,
    Failed { code: i32, message: String },
}

/// Runs `monitor` (the whole foreground session) in a child process and
/// returns how it ended. The monitor tells through the descriptor it gets
/// ([`tell`]); it sends [`Ending::Detached`] itself before it goes on as a
/// detached monitor. Meanwhile this process passes the signals it gets on to
/// the monitor (which forwards them to the container with `sig_proxy`).
pub fn detachable(
    sig_proxy: bool,
    monitor: impl FnOnce(&OwnedFd) -> Ending,
    _single: &SingleThreaded,
) -> Result<Ending, Error> {
    let channel =
        |what| move |source| Error::Runtime(crate::runtime::Error::Channel { what, source });
    let (report_read, report_write) =
        pipe2(OFlag::O_CLOEXEC).map_err(channel("creating the session pipe"))?;
    // Blocked before the fork: the monitor must not die of a signal either
    // before it blocks its own (the container clears its mask).
    let signals = block_signals(sig_proxy);
    // SAFETY: rcon is single-threaded (`_single` says so); the child runs
    // the session and never returns.
    match unsafe { fork() }.map_err(channel("forking the session's monitor"))? {
        ForkResult::Child => {
            drop(report_read);
            let ending = monitor(&report_write);
            tell(&report_write, &ending);
            exit_forked_child(0)
        }
        ForkResult::Parent { child } => {
            drop(report_write);
            // What the session owns is the child's now (the container's
            // lock among it): this process keeps no copy for the session's life.
            drop(monitor);
            let report = relay_signals(child, &signals, report_read);
            match serde_json::from_slice::<Ending>(&report) {
                Ok(Ending::Detached) => Ok(Ending::Detached),
                Ok(ending) => {
                    let _ = waitpid(child, None);
                    Ok(ending)
                }
                Err(_) => {
                    let _ = waitpid(child, None);
                    Err(Error::Invalid(
                        "the container's monitor ended without saying how the session ended".into(),
                    ))
                }
            }
        }
    }
}

/// Sends `ending` to the CLI waiting in [`detachable`].
pub fn tell(report: &OwnedFd, ending: &Ending) {
    let json = serde_json::to_vec(ending).expect("endings serialise");
    write_all(report.as_fd(), &json);
}

/// Passes signals on to `monitor` until the report is complete (end of file).
fn relay_signals(monitor: Pid, signals: &SigSet, report: OwnedFd) -> Vec<u8> {
    let mut bytes = Vec::new();
    let Ok(signal_fd) = SignalFd::with_flags(signals, SfdFlags::SFD_CLOEXEC) else {
        let _ = std::fs::File::from(report).read_to_end(&mut bytes);
        return bytes;
    };
    let mut buffer = [0u8; 4096];
    loop {
        let mut fds = [
            PollFd::new(report.as_fd(), PollFlags::POLLIN),
            PollFd::new(signal_fd.as_fd(), PollFlags::POLLIN),
        ];
        match poll(&mut fds, PollTimeout::NONE) {
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => return bytes,
        }
        let ready = |fd: &PollFd| fd.revents().is_some_and(|r| !r.is_empty());
        let (report_ready, signal_ready) = (ready(&fds[0]), ready(&fds[1]));
        if signal_ready {
            if let Ok(Some(info)) = signal_fd.read_signal() {
                match Signal::try_from(info.ssi_signo as i32) {
                    Ok(Signal::SIGCHLD | Signal::SIGWINCH) | Err(_) => {}
                    Ok(signal) => {
                        let _ = kill(monitor, signal);
                    }
                }
            }
        }
        if report_ready {
            match nix::unistd::read(report.as_fd(), &mut buffer) {
                Ok(0) => return bytes,
                Ok(n) => bytes.extend_from_slice(&buffer[..n]),
                Err(Errno::EINTR | Errno::EAGAIN) => {}
                Err(_) => return bytes,
            }
        }
    }
}

fn wait_plain(pid: Pid, signals: &SigSet, on_signal: OnSignal) -> i32 {
    let mut stopped = None;
    loop {
        if let Some(code) = reap(pid) {
            return stopped_code(code, stopped);
        }
        match signals.wait() {
            Ok(Signal::SIGCHLD | Signal::SIGWINCH) | Err(_) => {}
            Ok(signal) => stopped = stopped.or(on_signal.pass_on(pid, signal)),
        }
    }
}

/// Copies stdin to the pty master and the master to stdout, with the host
/// terminal raw for the session (restored on every way out, by the guard),
/// until the process ends or the user types the detach `keys`.
fn relay_terminal(
    pid: Pid,
    signals: SigSet,
    master: OwnedFd,
    mut keys: Option<DetachKeys>,
    mut log: Option<LogWriter>,
) -> Relay {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let raw = RawTerminal::enter(stdin.as_fd()).ok();
    if raw.is_some() {
        copy_window_size(stdin.as_fd(), master.as_fd());
    }
    let Ok(signal_fd) = SignalFd::with_flags(&signals, SfdFlags::SFD_CLOEXEC) else {
        return Relay::Exited(wait_plain(pid, &signals, OnSignal::Forward));
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
        if master_ready && !copy(master.as_fd(), stdout.as_fd(), &mut buffer, log.as_mut()) {
            // The container closed its terminal: it has ended or is ending.
            break;
        }
        if stdin_ready {
            match type_in(stdin.as_fd(), master.as_fd(), &mut buffer, keys.as_mut()) {
                Typed::Some => {}
                Typed::End => stdin_open = false,
                Typed::Detach => return Relay::Detached(master),
            }
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
                drain(master.as_fd(), stdout.as_fd(), &mut buffer, log.as_mut());
                return Relay::Exited(code);
            }
        }
    }
    drop(raw);
    Relay::Exited(wait_plain(pid, &signals, OnSignal::Forward))
}

/// What one read of the user's input did.
enum Typed {
    Some,
    End,
    Detach,
}

/// Copies what one read of stdin gives to the container's terminal, less
/// what may be (or was) the detach sequence. At end of input, a sequence
/// begun but not finished goes through.
fn type_in(
    stdin: BorrowedFd,
    master: BorrowedFd,
    buffer: &mut [u8],
    keys: Option<&mut DetachKeys>,
) -> Typed {
    let n = match nix::unistd::read(stdin, buffer) {
        Ok(0) | Err(_) => {
            if let Some(keys) = keys {
                write_all(master, &keys.take_held());
            }
            return Typed::End;
        }
        Ok(n) => n,
    };
    let Some(keys) = keys else {
        return if write_all(master, &buffer[..n]) {
            Typed::Some
        } else {
            Typed::End
        };
    };
    let (pass, detach) = keys.filter(&buffer[..n]);
    let written = write_all(master, &pass);
    if detach {
        Typed::Detach
    } else if written {
        Typed::Some
    } else {
        Typed::End
    }
}

/// Gives the container's terminal the size of rcon's.
fn copy_window_size(from: BorrowedFd, to: BorrowedFd) {
    if let Ok(size) = window_size(from) {
        let _ = set_window_size(to, &size);
    }
}

/// Copies what one read gives, into `log` too; false at end-of-file or error.
fn copy(from: BorrowedFd, to: BorrowedFd, buffer: &mut [u8], log: Option<&mut LogWriter>) -> bool {
    match nix::unistd::read(from, buffer) {
        Ok(0) | Err(_) => false,
        Ok(n) => {
            if let Some(log) = log {
                let _ = log.write(Stream::Stdout, &buffer[..n]);
            }
            write_all(to, &buffer[..n])
        }
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
fn drain(master: BorrowedFd, to: BorrowedFd, buffer: &mut [u8], mut log: Option<&mut LogWriter>) {
    loop {
        let mut fds = [PollFd::new(master, PollFlags::POLLIN)];
        if !matches!(poll(&mut fds, PollTimeout::ZERO), Ok(n) if n > 0)
            || !copy(master, to, buffer, log.as_deref_mut())
        {
            return;
        }
    }
}

/// Starts `record` with rcon as its parent, waits for it, records how it
/// ended (or removes it with `--rm`) and returns its exit code.
///
/// With a terminal and stdin (`-it`), typing `detach_keys` (unless empty)
/// leaves the container running under a detached monitor and returns 0; the
/// monitor is then a child process of rcon's for the whole session (see
/// [`detachable`]).
pub fn start_foreground(
    store: &Store,
    runroot: &Path,
    record: &ContainerRecord,
    held: Held,
    single: &SingleThreaded,
) -> Result<i32, Error> {
    let Held {
        sig_proxy,
        detach_keys,
        preserve_fds,
        shown,
        on_signal,
    } = held;
    let start = std::time::Instant::now();
    if !record.config.requires.is_empty() {
        super::lifecycle::Lifecycle::open(store, runroot)?.start_dependencies(record, single)?;
    }
    let containers = Containers::open(store.root())?;
    // Held until the container is recorded as running (`Foreground::run`).
    let lock = containers.lock(&record.id)?;
    if containers.state(&record.id)?.status == Status::Running {
        return Err(Error::Invalid(format!(
            "container {0} is already running: attach to it with `rcon attach {0}`",
            record.name
        )));
    }
    if record.config.tty && record.config.timeout.is_some() {
        return Err(Error::Invalid(
            "--timeout is kept by a detached container's monitor, not yet by a terminal session in the foreground: run it with -d, or without -t".into(),
        ));
    }
    let mut spec = spec_for(store, &containers, runroot, record)?;
    spec.process.preserve_fds = preserve_fds;
    let start = crate::log::phase("spec (layers, mounts, security plan)", start);
    clear_stopped(runroot, record);
    let foreground = Foreground {
        store,
        shown,
        on_signal,
        of: Supervised {
            containers: &containers,
            runroot,
            record,
            spec: &spec,
            single,
        },
    };
    if !(record.config.tty && record.config.interactive) || detach_keys.sequence().is_empty() {
        let outcome = foreground.run(sig_proxy, None, lock);
        let start = crate::log::phase("container set-up, run and exit", start);
        let outcome = foreground.end(outcome);
        crate::log::phase("clean-up", start);
        return outcome;
    }
    let ending = detachable(
        sig_proxy,
        |report| {
            let session = Session {
                keys: detach_keys,
                report,
            };
            match foreground.end(foreground.run(sig_proxy, Some(session), lock)) {
                Ok(code) => Ending::Exited(code),
                Err(e) => Ending::Failed {
                    code: e.exit_code(),
                    message: e.to_string(),
                },
            }
        },
        single,
    )?;
    match ending {
        Ending::Exited(code) => Ok(code),
        Ending::Detached => Ok(0),
        Ending::Failed { code, message } => {
            Err(Error::Runtime(runtime::Error::Setup { code, message }))
        }
    }
}

/// How the foreground holds its container (`run`, `start -a`).
#[derive(Debug, Clone)]
pub struct Held {
    /// Signals rcon gets go on to the command.
    pub sig_proxy: bool,
    /// Keys that detach from a `-it` session.
    pub detach_keys: DetachKeys,
    /// `--preserve-fds`: the caller's descriptors 3 to 3+N-1 go along.
    pub preserve_fds: u32,
    /// `--attach`: which output streams go to rcon's own (the log gets both).
    pub shown: Shown,
    pub on_signal: OnSignal,
}

impl Held {
    /// Signals passed on, the default keys, both streams shown.
    pub fn new(detach_keys: DetachKeys) -> Held {
        Held {
            sig_proxy: true,
            detach_keys,
            preserve_fds: 0,
            shown: Shown::default(),
            on_signal: OnSignal::Forward,
        }
    }
}

/// The output streams of the command shown on rcon's own (`--attach`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub stdout: bool,
    pub stderr: bool,
}

impl Default for Shown {
    fn default() -> Shown {
        Shown {
            stdout: true,
            stderr: true,
        }
    }
}

/// A container started with rcon (or, detachable, its child) as its monitor.
struct Foreground<'a> {
    store: &'a Store,
    shown: Shown,
    on_signal: OnSignal,
    of: Supervised<'a>,
}

/// A session the user may detach from: the keys, and the CLI to tell.
struct Session<'a> {
    keys: DetachKeys,
    report: &'a OwnedFd,
}

impl Foreground<'_> {
    /// Starts the container and waits for it; returns its exit code. A
    /// detached session never returns: this process goes on as its monitor.
    /// `lock`, the container's, is released once it is recorded as running.
    fn run(
        &self,
        sig_proxy: bool,
        session: Option<Session>,
        lock: ContainerLock,
    ) -> Result<i32, Error> {
        let record = self.of.record;
        let began = std::time::Instant::now();
        // As with Podman, the foreground logs too, so `rcon logs` works
        // afterwards: the output then comes through this process (pipes)
        // rather than straight onto rcon's streams. Not for --rm, whose log
        // nobody could read: that run stays as direct as it was.
        let log = if record.config.remove || record.config.logs_nothing() {
            None
        } else {
            Some(monitor::open_log(self.of.containers, record)?)
        };
        // Without -t, output goes through pipes when it is logged, or when
        // rcon's streams are a terminal, which the container must not get.
        let interactive = record.config.interactive;
        // The relay loop also keeps --timeout.
        let relayed = !record.config.tty
            && (log.is_some()
                || stdio_is_terminal(interactive)
                || self.shown != Shown::default()
                || record.config.timeout.is_some());
        let relayed_stdin = relayed && relays_stdin(interactive);
        let pipes = if relayed {
            Some(monitor::Pipes::new(relayed_stdin)?)
        } else {
            None
        };
        let stdio = match &pipes {
            Some(pipes) => pipes.stdio(interactive && !relayed_stdin),
            None => self.of.spec.process.stdio,
        };
        let signals = block_signals(sig_proxy);
        // A detachable one is recorded even with --rm: it may outlive the CLI.
        let recorded = (!record.config.remove || session.is_some()).then_some(0);
        let launched = monitor::launch(self.of, stdio, recorded, lock);
        let pipes = pipes.map(monitor::Pipes::parents_ends);
        let Launched {
            pid,
            terminal,
            helper,
        } = launched?;
        super::systemd::notify_ready(record.config.sdnotify, std::process::id());
        super::health::watch_foreground(
            record,
            self.of.containers.root(),
            self.of.runroot,
            pid,
            self.of.single,
        );
        let start = std::time::Instant::now();
        let code = match (terminal, session, pipes, log) {
            (Some(master), Some(session), _, log) => {
                match wait_detachable(pid, signals, master, session.keys, log) {
                    Relay::Exited(code) => code,
                    Relay::Detached(master) => {
                        tell(session.report, &Ending::Detached);
                        let adopted = monitor::Adopted {
                            pid,
                            master,
                            helper,
                            began,
                        };
                        monitor::adopt(self.store, self.of, adopted)
                    }
                }
            }
            (None, _, Some((out, err, stdin)), log) => wait_relayed(
                pid,
                signals,
                vec![(out, Stream::Stdout), (err, Stream::Stderr)],
                stdin,
                log,
                self.shown,
                record.config.timeout.map(std::time::Duration::from_secs),
                self.on_signal,
            ),
            (terminal, _, _, log) => wait(pid, signals, terminal, log, self.on_signal),
        };
        let start = crate::log::phase("the command, until reaped", start);
        // This CLI exits next: the system reaps the helper (stopped here, on drop).
        if let Some(mut helper) = helper {
            helper.leave_to_the_system();
        }
        crate::log::phase("network helper stopped", start);
        Ok(code)
    }

    /// Records how the container ended (or removes it with `--rm`), or hands
    /// it to a detached monitor when its restart policy says so.
    fn end(&self, outcome: Result<i32, Error>) -> Result<i32, Error> {
        let store = self.store;
        let Supervised {
            containers,
            runroot,
            record,
            single,
            ..
        } = self.of;
        let code = match &outcome {
            Ok(code) => *code,
            Err(e) => e.exit_code(),
        };
        if outcome.is_ok() && record.config.restart.restarts_after(code, 0) {
            // The policy outlives the foreground, as with Podman: a detached
            // monitor restarts the command (unless the user stopped it
            // meanwhile) and keeps it; this run returns the first exit code.
            if let Some(lock) = RestartLock::take(runroot, &record.id) {
                if !lock.stopped_by_user() {
                    match monitor::start_detached(store, runroot, record, 1, single) {
                        Ok(()) => return outcome,
                        Err(e) => log::warn!("restarting container {}: {e}", record.name),
                    }
                }
            }
        }
        monitor::record_end(store, containers, runroot, record, code)?;
        outcome
    }
}
