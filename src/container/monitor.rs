//! The container's monitor: the process that is the container's parent.
//!
//! In the foreground (`run`, `start -a`) that is rcon itself
//! ([`super::foreground::start_foreground`]). Detached (`run -d`, `start`), rcon forks
//! a monitor ([`start_detached`]): a new session (no controlling terminal),
//! standard streams on /dev/null and no other inherited descriptor, so neither
//! the CLI exiting nor its terminal closing touches it. It starts the
//! container, tells the CLI through a pipe that the command runs (or why not),
//! copies the container's output into `ctr.log`, reaps it, restarts it as
//! its `--restart` policy says (see [`super::restart`]), records the exit
//! code and finish time, and does the `--rm` clean-up. It is a poll loop over
//! plain descriptors: no threads, no async runtime.
//!
//! Either way the container is started by [`launch`] (clone, record running,
//! network helper, release) and its end recorded by [`record_end`]: one
//! sequence and one error rule for every supervisor.
//!
//! Either way, while the container runs, `<runroot>/containers/<id>/monitor.json`
//! names the monitor and the container by PID *and start time*, so a command
//! that finds the monitor gone (SIGKILL, reboot) never trusts a recycled PID.

use crate::events::Status as EventStatus;
use std::fs;
use std::io::Read;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{SigSet, SigmaskHow, Signal, sigprocmask};
use nix::unistd::{ForkResult, Pid, fork, pipe2, setsid};
use serde::{Deserialize, Serialize};

use super::attach::{Input, Server};
use super::cgroup::{self, ContainerCgroup, Delegation};
use super::health::HealthTimer;
use super::logfile::{LogWriter, Stream};
use super::relay;
use super::restart::{self, Backoff, RestartLock};
use super::store::{ContainerRecord, Containers, State, Status};
use super::{Error, run};
use crate::network::{self, HelperFiles};
use crate::process::{SingleThreaded, exit_forked_child};
use crate::runtime::{self, ContainerSpec, Stdio};
use crate::storage::store::Store;
use crate::userns::pause::close_other_fds;
use crate::util::exit::ExitCode;
use crate::util::fs::{IoError, io_err, write_atomic};
use crate::util::proc::process_start_time;
use crate::util::time::now_rfc3339;

const RECORD_FILE: &str = "monitor.json";
/// The detached monitor's PID, plain, in its runtime entry.
pub const PID_FILE: &str = "monitor.pid";
/// The container's log, in its directory of the store.
pub const LOG_FILE: &str = "ctr.log";

/// Who looks after a running container, as recorded in the runtime dir.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MonitorRecord {
    pub monitor_pid: i32,
    pub monitor_start: u64,
    pub container_pid: i32,
    pub container_start: u64,
}

/// `<runroot>/containers/<id>`: the container's entry in the runtime dir.
pub fn entry_dir(runroot: &Path, id: &str) -> PathBuf {
    runroot.join("containers").join(id)
}

/// Removes the container's runtime entry (it has ended).
pub fn remove_entry(runroot: &Path, id: &str) {
    let _ = fs::remove_dir_all(entry_dir(runroot, id));
}

impl MonitorRecord {
    /// This process as the monitor of `container`.
    pub fn foreground(container: Pid) -> MonitorRecord {
        let own = std::process::id() as i32;
        MonitorRecord {
            monitor_pid: own,
            monitor_start: process_start_time(own).unwrap_or(0),
            container_pid: container.as_raw(),
            container_start: process_start_time(container.as_raw()).unwrap_or(0),
        }
    }

    /// The record of container `id`, if there is one.
    pub fn read(runroot: &Path, id: &str) -> Option<MonitorRecord> {
        let bytes = fs::read(entry_dir(runroot, id).join(RECORD_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Writes the record atomically (temp file + rename).
    pub fn write(&self, runroot: &Path, id: &str) -> Result<(), Error> {
        let dir = entry_dir(runroot, id);
        fs::create_dir_all(&dir).map_err(io_err("creating the container's runtime entry", &dir))?;
        let json = serde_json::to_vec(self).expect("records serialise");
        Ok(write_atomic(&dir.join(RECORD_FILE), &json)?)
    }

    /// True while the recorded monitor (not a later process with its PID) runs.
    pub fn monitor_alive(&self) -> bool {
        process_start_time(self.monitor_pid) == Some(self.monitor_start)
    }

    /// True while the recorded container process runs.
    pub fn container_alive(&self) -> bool {
        process_start_time(self.container_pid) == Some(self.container_start)
    }
}

/// SIGKILLs every recorded monitor and container (`rcon system reset`).
/// The monitors go first, so none is left to record or restart anything.
pub fn kill_all(runroot: &Path) {
    let Ok(entries) = fs::read_dir(runroot.join("containers")) else {
        return;
    };
    for entry in entries.flatten() {
        let id = entry.file_name().to_string_lossy().into_owned();
        let Some(record) = MonitorRecord::read(runroot, &id) else {
            continue;
        };
        for (pid, alive) in [
            (record.monitor_pid, record.monitor_alive()),
            (record.container_pid, record.container_alive()),
        ] {
            if alive {
                let _ = nix::sys::signal::kill(Pid::from_raw(pid), Signal::SIGKILL);
            }
        }
    }
}

pub use crate::process::pidfd;

/// Waits until `fd` (a pidfd) is readable, for at most `timeout`
/// (`None`: forever). True when the process has ended.
pub fn wait_pidfd(fd: BorrowedFd, timeout: Option<std::time::Duration>) -> bool {
    let deadline = timeout.map(|t| std::time::Instant::now() + t);
    loop {
        let left = match deadline {
            None => PollTimeout::NONE,
            Some(deadline) => {
                let ms = deadline
                    .saturating_duration_since(std::time::Instant::now())
                    .as_millis();
                PollTimeout::try_from(ms.min(i32::MAX as u128) as i32).unwrap_or(PollTimeout::MAX)
            }
        };
        let mut fds = [PollFd::new(fd, PollFlags::POLLIN)];
        match poll(&mut fds, left) {
            Ok(0) => return false,
            Ok(_) => return true,
            Err(Errno::EINTR) => continue,
            Err(_) => return false,
        }
    }
}

/// Starts `record` under a detached monitor. Returns once the container's
/// command runs; a set-up failure comes back as the runtime's error (with
/// its exit code), and the container is then recorded as exited (or removed
/// with `--rm`). `restarts`: how often its policy has restarted it already
/// (0 for a start by the user, which forgets an earlier stop).
pub fn start_detached(
    store: &Store,
    runroot: &Path,
    record: &ContainerRecord,
    restarts: u32,
    single: &SingleThreaded,
) -> Result<(), Error> {
    if restarts == 0 {
        restart::clear_stopped(runroot, record);
    }
    let containers = Containers::open(store.root())?;
    let spec = run::spec_for(store, &containers, runroot, record)?;
    let (word_read, word_write) = pipe2(OFlag::O_CLOEXEC).map_err(channel("creating a pipe"))?;
    // SAFETY: rcon is single-threaded (`single` says so); the child runs the
    // monitor and never returns.
    match unsafe { fork() }.map_err(channel("forking the monitor"))? {
        ForkResult::Child => {
            drop(word_read);
            let of = Supervised {
                containers: &containers,
                runroot,
                record,
                spec: &spec,
                single,
            };
            monitor_main(store, of, word_write, restarts)
        }
        ForkResult::Parent { child } => {
            drop(word_write);
            // "Started" is one zero byte (the monitor keeps the pipe open
            // afterwards); an error is its code and message, then end-of-file.
            let mut pipe = fs::File::from(word_read);
            let mut word = Vec::new();
            let mut first = [0u8; 1];
            if matches!(pipe.read(&mut first), Ok(1)) {
                word.push(first[0]);
                if first[0] != 0 {
                    let _ = pipe.read_to_end(&mut word);
                }
            }
            match word.split_first() {
                Some((0, _)) => {
                    super::systemd::notify_ready(record.config.sdnotify, child.as_raw() as u32);
                    Ok(())
                }
                Some((&code, message)) => Err(Error::Runtime(runtime::Error::Setup {
                    code: i32::from(code),
                    message: String::from_utf8_lossy(message).into_owned(),
                })),
                None => Err(Error::Invalid(format!(
                    "the monitor of container {} ended before the container started; see `rcon logs {}`",
                    record.name, record.name
                ))),
            }
        }
    }
}

fn channel(what: &'static str) -> impl Fn(Errno) -> Error {
    move |source| Error::Runtime(runtime::Error::Channel { what, source })
}

/// The monitor process. Never returns.
fn monitor_main(store: &Store, of: Supervised, word: OwnedFd, restarts: u32) -> ! {
    become_monitor(&[word.as_raw_fd()]);
    let failed = supervise(store, of, &word, restarts).err().map(|e| {
        // Before the command ran: tell the CLI why (one byte of code, then the message).
        let code = e.exit_code();
        let mut message = vec![code as u8];
        message.extend_from_slice(e.to_string().as_bytes());
        let _ = nix::unistd::write(&word, &message);
        code
    });
    drop(word);
    if let Some(code) = failed {
        // The CLI has heard why; there is nobody left to tell if this fails.
        let _ = record_end(store, of.containers, of.runroot, of.record, code);
    }
    exit_forked_child(0)
}

/// Starts the container, says so, copies its output into the log until it
/// has ended, restarts it for as long as its policy says and the user has
/// not stopped it, and records the end. An error only when the first start
/// failed.
fn supervise(store: &Store, of: Supervised, word: &OwnedFd, restarts: u32) -> Result<(), Error> {
    let Supervised {
        containers,
        runroot,
        record,
        ..
    } = of;
    // Before the CLI hears "started", so `rcon logs` right after `run -d` finds it.
    let log = open_log(containers, record)?;
    // Before the CLI hears "started" too, so `rcon attach` right after finds it.
    let entry = entry_dir(runroot, &record.id);
    let server = fs::create_dir_all(&entry)
        .and_then(|()| Server::listen(&entry))
        .map_err(|source| {
            IoError::new(
                "making the container's attach socket",
                entry.join("attach"),
                source,
            )
        })?;
    // For a unit's PIDFile (`generate systemd`): this process is the
    // service's main one.
    let pid_file = entry.join(PID_FILE);
    write_atomic(&pid_file, format!("{}\n", std::process::id()).as_bytes())?;
    let mut run = Run::new(of, log, Some(server));
    let began = Instant::now();
    let code = run.once(restarts, Some(word), None)?;
    let code = run.keep(code, restarts, began);
    run.end(store, code);
    Ok(())
}

/// A container process started in the foreground, handed over when the
/// user detaches.
pub(super) struct Adopted {
    pub pid: Pid,
    /// The pty master.
    pub master: OwnedFd,
    pub helper: Option<crate::network::Helper>,
    /// When the process started.
    pub began: Instant,
}

/// Takes over a container whose foreground session (`run -it`, `start -ai`)
/// the user detached from: this process, the container's parent, becomes
/// its detached monitor — a session of its own, no terminal, /dev/null on
/// 0/1/2 — logs its terminal, keeps it per its restart policy, and records
/// its end. Never returns.
pub(super) fn adopt(store: &Store, of: Supervised, adopted: Adopted) -> ! {
    let Supervised {
        containers,
        runroot,
        record,
        ..
    } = of;
    let helper = adopted.helper;
    let mut keep = vec![adopted.master.as_raw_fd()];
    keep.extend(helper.iter().flat_map(|h| h.held_fds()));
    become_monitor(&keep);
    let log = LogWriter::create(&log_path(containers, record), record.config.log.max_size)
        .or_else(|_| LogWriter::create(Path::new("/dev/null"), None));
    let Ok(log) = log else {
        // Nothing to log to: left to the next command's reconciliation.
        exit_forked_child(crate::runtime::EXIT_ENGINE)
    };
    // Without a socket (nobody to tell why) the container still runs, unattachable.
    let server = Server::listen(&entry_dir(runroot, &record.id)).ok();
    let mut run = Run::new(of, log, server);
    run.helper = helper;
    let input = Input::terminal(&adopted.master, true);
    let code = relay(
        adopted.pid,
        vec![(adopted.master, Stream::Stdout)],
        input,
        &mut run,
    );
    run.helper = None;
    let code = run.keep(code, 0, adopted.began);
    run.end(store, code);
    exit_forked_child(0)
}

/// Makes this process a detached monitor: a session of its own (no
/// controlling terminal), /dev/null on 0/1/2, no descriptor but `keep`.
fn become_monitor(keep: &[i32]) {
    let _ = setsid();
    close_other_fds(keep);
    crate::process::set_title(c"rcon-monitor");
    let _ = std::env::set_current_dir("/");
}

/// A container in a supervisor's hands (a monitor's, or rcon's in the
/// foreground), and the proof the supervisor may clone it.
#[derive(Clone, Copy)]
pub(super) struct Supervised<'a> {
    pub containers: &'a Containers,
    pub runroot: &'a Path,
    pub record: &'a ContainerRecord,
    pub spec: &'a ContainerSpec,
    pub single: &'a SingleThreaded,
}

/// One container in the monitor's hands, started as often as its policy asks.
struct Run<'a> {
    of: Supervised<'a>,
    signals: SigSet,
    log: LogWriter,
    /// The attach socket, and the clients attached.
    server: Option<Server>,
    /// The running container's network helper.
    helper: Option<network::Helper>,
}

/// How often a monitor waiting to restart looks for the user's stop.
const STOP_POLL: Duration = Duration::from_millis(100);

impl<'a> Run<'a> {
    /// The runtime clears the mask in the container, so the monitor's
    /// signals are blocked once, before the first clone, for every run.
    fn new(of: Supervised<'a>, log: LogWriter, server: Option<Server>) -> Run<'a> {
        Run {
            of,
            signals: block_signals(),
            log,
            server,
            helper: None,
        }
    }

    /// Restarts the command that ended with `code` (after `restarts`
    /// restarts; the last run began at `began`) for as long as its policy
    /// says and the user has not stopped it; returns the last exit code.
    fn keep(&mut self, mut code: i32, mut restarts: u32, mut began: Instant) -> i32 {
        let mut backoff = Backoff::default();
        while self.of.record.config.restart.restarts_after(code, restarts) {
            let delay = backoff.delay(began.elapsed());
            if !self.wait_to_restart(code, restarts, delay) {
                break;
            }
            let Some(lock) = RestartLock::take(self.of.runroot, &self.of.record.id) else {
                break;
            };
            if lock.stopped_by_user() {
                break;
            }
            restarts += 1;
            began = Instant::now();
            code = match self.once(restarts, None, Some(lock)) {
                Ok(code) => code,
                Err(e) => {
                    // Nobody is there to tell but the log.
                    let line = format!("rcon: restarting the container failed: {e}\n");
                    let _ = self.log.write(Stream::Stderr, line.as_bytes());
                    return e.exit_code();
                }
            };
        }
        code
    }

    /// Starts the command with its output on pipes (or a pty), records it,
    /// and relays its output until it has ended; returns its exit code.
    /// `word`: the CLI waiting to hear the first start. `lock`: a restart's
    /// lock, released once the new process is recorded.
    fn once(
        &mut self,
        restarts: u32,
        word: Option<&OwnedFd>,
        lock: Option<RestartLock>,
    ) -> Result<i32, Error> {
        let record = self.of.record;
        let (stdio, pipes) = if record.config.tty {
            (self.of.spec.process.stdio, None)
        } else {
            let pipes = Pipes::new(record.config.interactive)?;
            (pipes.stdio(false), Some(pipes))
        };
        let launched = launch(self.of, stdio, Some(restarts), lock);
        // Only the container holds the other ends now: end-of-file means it has gone.
        let pipes = pipes.map(Pipes::parents_ends);
        let Launched {
            pid,
            terminal,
            helper,
        } = launched?;
        if let Some(word) = word {
            let _ = nix::unistd::write(word, &[0]);
        }
        let (streams, input) = match (terminal, pipes) {
            (Some(master), _) => {
                let input = Input::terminal(&master, record.config.interactive);
                (vec![(master, Stream::Stdout)], input)
            }
            (None, Some((out, err, stdin))) => (
                vec![(out, Stream::Stdout), (err, Stream::Stderr)],
                Input::pipe(stdin),
            ),
            (None, None) => (Vec::new(), Input::pipe(None)),
        };
        self.helper = helper;
        let code = relay(pid, streams, input, self);
        self.helper = None;
        Ok(code)
    }

    /// Records how the container ended (or removes it), then tells the
    /// attached clients its exit code.
    fn end(&mut self, store: &Store, code: i32) {
        if let Err(e) = record_end(
            store,
            self.of.containers,
            self.of.runroot,
            self.of.record,
            code,
        ) {
            // Nobody is there to tell but the log.
            let line = format!("rcon: recording the container's end failed: {e}\n");
            let _ = self.log.write(Stream::Stderr, line.as_bytes());
        }
        self.tell_clients(code);
    }

    /// Attached clients learn the exit code once it is recorded, so what
    /// they read of the container afterwards agrees.
    fn tell_clients(&mut self, code: i32) {
        if let Some(server) = &mut self.server {
            server.finish(code);
        }
    }

    /// Records the container as restarting after `code` and waits `delay`;
    /// false when the user stopped it meanwhile.
    fn wait_to_restart(&mut self, code: i32, restarts: u32, delay: Duration) -> bool {
        let id = &self.of.record.id;
        let waiting = State {
            pid: 0,
            finished_at: Some(now_rfc3339()),
            exit_code: Some(code),
            restart_count: restarts,
            restarting: true,
            ..self
                .of
                .containers
                .state(id)
                .unwrap_or_else(|_| State::created())
        };
        let _ = self.of.containers.set_state(id, &waiting);
        self.tell_clients(code);
        let deadline = Instant::now() + delay;
        while !restart::stopped_by_user(self.of.runroot, id) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return true;
            }
            std::thread::sleep(left.min(STOP_POLL));
        }
        false
    }
}

/// The monitor ignores the signals a session or terminal sends; SIGCHLD is
/// read from a signalfd. (The runtime clears the mask in the container.)
fn block_signals() -> SigSet {
    let mut set = SigSet::empty();
    for signal in [
        Signal::SIGCHLD,
        Signal::SIGHUP,
        Signal::SIGINT,
        Signal::SIGTERM,
        Signal::SIGQUIT,
        Signal::SIGPIPE,
    ] {
        set.add(signal);
    }
    let _ = sigprocmask(SigmaskHow::SIG_BLOCK, Some(&set), None);
    set
}

/// The pipes a container without a terminal gets: stdout, stderr, and
/// with `-i` stdin, whose write end the monitor keeps for attached clients.
pub(super) struct Pipes {
    out: (OwnedFd, OwnedFd),
    err: (OwnedFd, OwnedFd),
    stdin: Option<(OwnedFd, OwnedFd)>,
}

impl Pipes {
    pub(super) fn new(stdin: bool) -> Result<Pipes, Error> {
        let pipe = |what| pipe2(OFlag::O_CLOEXEC).map_err(channel(what));
        Ok(Pipes {
            out: pipe("creating the stdout pipe")?,
            err: pipe("creating the stderr pipe")?,
            stdin: if stdin {
                Some(pipe("creating the stdin pipe")?)
            } else {
                None
            },
        })
    }

    /// The container's ends, as its standard streams; `own_stdin`: this
    /// process's stdin instead (a foreground `-i`).
    pub(super) fn stdio(&self, own_stdin: bool) -> Stdio {
        Stdio::Piped {
            stdin: match &self.stdin {
                _ if own_stdin => Some(0),
                Some((read, _)) => Some(read.as_raw_fd()),
                None => None,
            },
            stdout: self.out.1.as_raw_fd(),
            stderr: self.err.1.as_raw_fd(),
        }
    }

    /// Once the container has its ends: stdout's and stderr's read ends and
    /// stdin's write end (the others are closed here).
    pub(super) fn parents_ends(self) -> (OwnedFd, OwnedFd, Option<OwnedFd>) {
        (self.out.0, self.err.0, self.stdin.map(|(_, write)| write))
    }
}

/// Relays the container's output into the log and to attached clients,
/// and clients' input to the container, until it has ended; returns its
/// exit code.
fn relay(pid: Pid, streams: Vec<(OwnedFd, Stream)>, input: Input, run: &mut Run) -> i32 {
    let of = run.of;
    let mut served = Served {
        input,
        server: run.server.as_mut(),
        log: &mut run.log,
        health: HealthTimer::new(of.record, of.containers.root(), of.runroot),
        of,
        pid,
        helper: &mut run.helper,
    };
    let timeout = of.record.config.timeout.map(Duration::from_secs);
    relay::relay(pid, streams, &run.signals, &mut served, timeout)
}

/// What a detached monitor serves besides the container's output.
struct Served<'a> {
    input: Input,
    server: Option<&'a mut Server>,
    log: &'a mut LogWriter,
    /// The health checks' schedule.
    health: Option<HealthTimer>,
    of: Supervised<'a>,
    /// The container's process.
    pid: Pid,
    /// Its network helper, changed when `network connect` or `disconnect` ask.
    helper: &'a mut Option<network::Helper>,
}

impl relay::Party for Served<'_> {
    fn output(&mut self, stream: Stream, bytes: &[u8]) {
        let _ = self.log.write(stream, bytes);
        if let Some(server) = &mut self.server {
            server.broadcast(stream, bytes);
        }
    }

    /// The session's and terminal's signals mean nothing to a monitor.
    fn signal(&mut self, _: Signal) {}

    /// What the set-up allocated (the spec, the seccomp program) and ran is
    /// not needed any more: give it back, since this process lives as long
    /// as the container — as late as possible, so that none of the set-up
    /// code runs again and maps its pages back.
    fn settled(&mut self) {
        crate::process::release_setup_memory();
    }

    fn timeout(&self) -> Option<Duration> {
        self.health.as_ref().map(HealthTimer::timeout)
    }

    /// A running health check first, then input, then the attach server.
    fn poll_fds(&self) -> Vec<PollFd<'_>> {
        let mut fds: Vec<PollFd> = self
            .health
            .as_ref()
            .and_then(HealthTimer::pidfd)
            .map(|fd| PollFd::new(fd, PollFlags::POLLIN))
            .into_iter()
            .collect();
        fds.extend(
            self.input
                .waiting()
                .map(|fd| PollFd::new(fd, PollFlags::POLLOUT)),
        );
        if let Some(server) = &self.server {
            fds.extend(server.poll_fds(&self.input));
        }
        fds
    }

    fn serve(&mut self, ready: &[bool]) {
        // Nothing changed since poll_fds: a check ran and input waited
        // then as they do now.
        let input_at = usize::from(self.health.as_ref().is_some_and(|h| h.pidfd().is_some()));
        let ready = &ready[input_at..];
        if let Some(health) = &mut self.health {
            health.serve();
        }
        let server_at = usize::from(self.input.waiting().is_some());
        if server_at == 1 && ready[0] {
            self.input.flush();
        }
        if let Some(server) = &mut self.server {
            let (of, pid, helper) = (self.of, self.pid, &mut *self.helper);
            let mut sync = || sync_helper(of, pid, helper).map_err(|e| e.to_string());
            server.serve(&ready[server_at..], &mut self.input, &mut sync);
        }
    }
}

/// A container's process whose command runs: recorded, its network up.
pub(super) struct Launched {
    pub pid: Pid,
    /// The pty master, with `-t`.
    pub terminal: Option<OwnedFd>,
    pub helper: Option<crate::network::Helper>,
}

/// The start every supervisor of a container makes, in the foreground or
/// detached, with one error rule. Clones the process with `stdio`; records
/// it as running after `recorded` restarts (in its runtime entry, then
/// `state.json`; `None`: a foreground `--rm` run, which no other command
/// looks for); lets `lock` go; starts its network helper; lets the command
/// run. An error at any step before the command runs kills the process
/// (nothing runs that no command could find) and is returned.
pub(super) fn launch(
    of: Supervised,
    stdio: Stdio,
    recorded: Option<u32>,
    lock: impl Sized,
) -> Result<Launched, Error> {
    let cgroup = container_cgroup(of.record)?;
    let launched = launch_in(of, cgroup.as_ref(), stdio, recorded, lock);
    // The process is gone by now (the failed launch dropped it): its cgroup goes too.
    if let (Err(_), Some(cgroup)) = (&launched, &cgroup) {
        cgroup.remove();
    }
    launched
}

/// [`launch`] with the container's cgroup made.
fn launch_in(
    of: Supervised,
    cgroup: Option<&ContainerCgroup>,
    stdio: Stdio,
    recorded: Option<u32>,
    lock: impl Sized,
) -> Result<Launched, Error> {
    let Supervised {
        containers,
        runroot,
        record,
        spec,
        single,
    } = of;
    let leaf = cgroup.map(ContainerCgroup::leaf);
    let mut started = runtime::start(spec, leaf.as_deref(), stdio, single)?;
    record.event(EventStatus::Init).record();
    if let Some(cgroup) = cgroup {
        // Also for a foreground `--rm` run: `record_end` removes it by this note.
        cgroup.record(&entry_dir(runroot, &record.id))?;
    }
    if let Some(restarts) = recorded {
        MonitorRecord::foreground(started.pid).write(runroot, &record.id)?;
        let running = State {
            status: Status::Running,
            pid: started.pid.as_raw(),
            started_at: Some(now_rfc3339()),
            restart_count: restarts,
            ..State::created()
        };
        containers.set_state(&record.id, &running)?;
    }
    drop(lock);
    let start = Instant::now();
    // A restart's networks are the record's now (`network connect` and
    // `disconnect` change it while the container runs).
    let current = match recorded {
        Some(restarts) if restarts > 0 => containers.find(&record.id).ok(),
        _ => None,
    };
    let helper = start_network(
        runroot,
        current.as_ref().unwrap_or(record),
        &mut started,
        single,
    )?;
    let start = crate::log::phase("network helper", start);
    let (pid, terminal) = started.run()?;
    crate::log::phase("until the command's exec", start);
    record.event(EventStatus::Start).record();
    Ok(Launched {
        pid,
        terminal,
        helper,
    })
}

/// The container's own cgroup, where a subtree is delegated to the user;
/// none elsewhere, unless it has limits to enforce (it was created on a host
/// that had one).
fn container_cgroup(record: &ContainerRecord) -> Result<Option<ContainerCgroup>, Error> {
    let resources = &record.config.resources;
    match Delegation::find() {
        Ok(delegation) => Ok(Some(ContainerCgroup::create(
            &delegation,
            &record.id,
            resources,
        )?)),
        Err(missing) if !resources.is_empty() => Err(cgroup::Error::NotDelegated {
            what: "enforcing the container's resource limits".into(),
            why: missing.why,
        }
        .into()),
        Err(_) => Ok(None),
    }
}

/// Starts the network of a container whose process waits before its exec:
/// its helper, then its place on each of its networks (on failure,
/// dropping `started` kills it). When the process has ended in its set-up
/// meanwhile, its own error is the one to tell, not the helper's that then
/// finds no namespace.
fn start_network(
    runroot: &Path,
    record: &ContainerRecord,
    started: &mut runtime::Started,
    single: &SingleThreaded,
) -> Result<Option<network::Helper>, Error> {
    let pid = started.pid.as_raw();
    // Its namespace is new: nothing in it but `lo` to make way for.
    let helper = start_helper(runroot, record, pid, &[], single).and_then(|helper| {
        for attachment in &record.config.attachments {
            network::bridge::attach(runroot, attachment, pid, &record.id)?;
        }
        Ok(helper)
    });
    helper.map_err(|e| match started.failure() {
        Some(failure) => Error::Runtime(failure),
        None => e.into(),
    })
}

/// The helper `record`'s mode and networks call for (see
/// [`network::Mode::helper`]), started for container process `pid`, whose
/// namespace has the interfaces `taken`.
fn start_helper(
    runroot: &Path,
    record: &ContainerRecord,
    pid: i32,
    taken: &[String],
    single: &SingleThreaded,
) -> Result<Option<network::Helper>, network::Error> {
    let config = &record.config;
    let Some(mode) = config.network.helper(&config.attachments) else {
        return Ok(None);
    };
    let beside = mode.beside(taken);
    let mode = beside.as_ref().unwrap_or(mode);
    let files = HelperFiles::new(runroot, &entry_dir(runroot, &record.id), &record.id);
    network::Helper::start(mode, pid, &config.ports, &files, single)
}

/// What `network connect|disconnect|reload` ask of a running container's
/// monitor: its helper brought in line with its record as it is now —
/// started when its networks call for one and none runs (or it died),
/// stopped when they call for none (its last network that leads out left).
fn sync_helper(
    of: Supervised,
    pid: Pid,
    helper: &mut Option<network::Helper>,
) -> Result<(), Error> {
    let record = of.containers.find(&of.record.id)?;
    let config = &record.config;
    let wanted = config.network.helper(&config.attachments).is_some();
    if helper.as_mut().is_some_and(|h| !wanted || !h.running()) {
        *helper = None;
    }
    if wanted && helper.is_none() {
        let taken = network::bridge::interface_names(pid.as_raw())?;
        *helper = start_helper(of.runroot, &record, pid.as_raw(), &taken, of.single)?;
    }
    Ok(())
}

/// What every supervisor does last: records how the container ended with
/// `code` (a state that cannot be read is replaced), or removes it with
/// `--rm`, and removes its runtime entry.
pub(super) fn record_end(
    store: &Store,
    containers: &Containers,
    runroot: &Path,
    record: &ContainerRecord,
    code: i32,
) -> Result<(), Error> {
    record
        .event(EventStatus::Died)
        .with_exit_code(code)
        .record();
    let cgroup = ContainerCgroup::recorded(&entry_dir(runroot, &record.id));
    let oom_killed = cgroup.as_ref().is_some_and(ContainerCgroup::oom_killed);
    if let Some(cgroup) = &cgroup {
        cgroup.remove();
    }
    let recorded = if record.config.remove {
        containers
            .remove(record)
            .map_err(Error::from)
            .and_then(|()| {
                let in_use = |name: &str| containers.uses_volume(name).unwrap_or(true);
                run::remove_anonymous_volumes(store, &store.lock()?, record, &in_use)
            })
    } else {
        let finished = State {
            oom_killed,
            ..containers
                .state(&record.id)
                .unwrap_or_else(|_| State::created())
                .exited(code)
        };
        containers
            .set_state(&record.id, &finished)
            .map_err(Error::from)
    };
    remove_entry(runroot, &record.id);
    record.event(EventStatus::Cleanup).record();
    if record.config.remove && recorded.is_ok() {
        record.event(EventStatus::Remove).record();
    }
    if record.config.pod.is_some() && !record.config.infra {
        super::lifecycle::Lifecycle::open(store, runroot)?.stop_pod_after(record)?;
    }
    recorded
}

/// Opens the container's log for appending.
pub(super) fn open_log(
    containers: &Containers,
    record: &ContainerRecord,
) -> Result<LogWriter, Error> {
    let path = log_path(containers, record);
    Ok(LogWriter::create(&path, record.config.log.max_size)
        .map_err(io_err("opening the container log", &path))?)
}

/// The container's log file: `--log-opt path=`, else its `ctr.log` (absent
/// until it first ran, and for a `--rm` container run in the foreground).
pub fn log_path(containers: &Containers, record: &ContainerRecord) -> PathBuf {
    match &record.config.log.path {
        Some(path) => path.clone(),
        None => containers.dir(&record.id).join(LOG_FILE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_a_changed_start_time_is_not() {
        let me = MonitorRecord::foreground(nix::unistd::getpid());
        assert!(me.monitor_alive());
        assert!(me.container_alive());
        let recycled = MonitorRecord {
            monitor_start: me.monitor_start + 1,
            ..me
        };
        assert!(!recycled.monitor_alive());
    }
}
