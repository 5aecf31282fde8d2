//! Health checks: the check a container was created with ([`HealthConfig`],
//! from `--health-*` or the image's HEALTHCHECK), one run of it
//! ([`run_check`], through the exec path), and the state it leaves
//! ([`HealthState`], `<runroot>/containers/<id>/health.json` beside the
//! monitor's record). The monitor schedules the runs (see
//! [`super::monitor`]); `rcon healthcheck run` makes one at once.

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::Error;
use super::exec::ExecRequest;
use super::lifecycle::Lifecycle;
use super::monitor::entry_dir;
use super::store::{ContainerRecord, State, Status};
use crate::events::Status as EventStatus;
use crate::image::config::Healthcheck as ImageHealthcheck;
use crate::process::SingleThreaded;
use crate::util::exit::ExitCode;
use crate::util::fs::write_atomic;
use crate::util::time::{now_rfc3339, parse_duration};

const STATE_FILE: &str = "health.json";
/// Taken while health.json is read, changed and written.
const LOCK_FILE: &str = "health.lock";
/// How many results the log keeps, as Podman.
const LOG_KEPT: usize = 5;
/// How much of a check's output a result keeps.
const OUTPUT_KEPT: usize = 4096;

/// What happens when the container turns unhealthy (`--health-on-failure`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnFailure {
    #[default]
    None,
    /// SIGKILL the container.
    Kill,
    /// Stop it (its stop signal, then SIGKILL after its stop timeout).
    Stop,
    /// Restart it.
    Restart,
}

impl OnFailure {
    pub fn name(self) -> &'static str {
        match self {
            OnFailure::None => "none",
            OnFailure::Kill => "kill",
            OnFailure::Stop => "stop",
            OnFailure::Restart => "restart",
        }
    }
}

/// A container's health check, resolved at create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthConfig {
    /// `["CMD", argv…]` or `["CMD-SHELL", command]`.
    pub test: Vec<String>,
    /// Zero: never run by the monitor (`--health-interval=disable`).
    pub interval: Duration,
    pub timeout: Duration,
    pub start_period: Duration,
    pub retries: u32,
    #[serde(default)]
    pub on_failure: OnFailure,
}

/// The `--health-*` flags as given.
#[derive(Debug, Clone, Default)]
pub struct HealthFlags {
    pub cmd: Option<String>,
    pub interval: Option<String>,
    pub retries: Option<String>,
    pub timeout: Option<String>,
    pub start_period: Option<String>,
    pub on_failure: Option<String>,
    pub no_healthcheck: bool,
}

/// The flags parsed: each setting given, or left to the image and defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HealthPlan {
    /// `Some(["NONE"])`: no check (`--no-healthcheck`, `--health-cmd none`).
    pub test: Option<Vec<String>>,
    pub interval: Option<Duration>,
    pub retries: Option<u32>,
    pub timeout: Option<Duration>,
    pub start_period: Option<Duration>,
    pub on_failure: OnFailure,
}

const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_RETRIES: u32 = 3;

impl HealthFlags {
    pub fn parse(self) -> Result<HealthPlan, Error> {
        let test = match (self.no_healthcheck, self.cmd.as_deref()) {
            (true, Some(cmd)) if cmd != "none" => {
                return Err(Error::Invalid(
                    "--no-healthcheck and --health-cmd conflict: give one of them".into(),
                ));
            }
            (true, _) | (false, Some("none")) => Some(vec!["NONE".to_string()]),
            (false, Some(cmd)) => Some(test_from_flag(cmd)?),
            (false, None) => None,
        };
        let interval = match self.interval.as_deref() {
            Some("disable") => Some(Duration::ZERO),
            Some(text) => Some(positive_duration("--health-interval", text)?),
            None => None,
        };
        let retries = self
            .retries
            .map(|text| match text.parse::<u32>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(Error::Invalid(format!(
                    "--health-retries {text:?}: give a whole number of at least 1"
                ))),
            })
            .transpose()?;
        let timeout = self
            .timeout
            .map(|t| positive_duration("--health-timeout", &t))
            .transpose()?;
        let start_period = self
            .start_period
            .map(|t| duration("--health-start-period", &t))
            .transpose()?;
        let on_failure = match self.on_failure.as_deref() {
            None | Some("none") => OnFailure::None,
            Some("kill") => OnFailure::Kill,
            Some("stop") => OnFailure::Stop,
            Some("restart") => OnFailure::Restart,
            Some(other) => {
                return Err(Error::Invalid(format!(
                    "invalid --health-on-failure {other:?}: use none, kill, restart or stop"
                )));
            }
        };
        Ok(HealthPlan {
            test,
            interval,
            retries,
            timeout,
            start_period,
            on_failure,
        })
    }
}

/// `--health-cmd`: a JSON array (`["CMD", …]`, `["CMD-SHELL", …]`, or a
/// bare argv taken as CMD), else a shell command.
fn test_from_flag(cmd: &str) -> Result<Vec<String>, Error> {
    if cmd.trim().is_empty() {
        return Err(Error::Invalid(
            "--health-cmd is empty: give a command, or none".into(),
        ));
    }
    if !cmd.trim_start().starts_with('[') {
        return Ok(vec!["CMD-SHELL".into(), cmd.into()]);
    }
    let argv: Vec<String> = serde_json::from_str(cmd).map_err(|e| {
        Error::Invalid(format!(
            "--health-cmd {cmd:?} is not a JSON array of strings: {e}"
        ))
    })?;
    match argv.first().map(String::as_str) {
        None => Err(Error::Invalid(format!(
            "--health-cmd {cmd:?}: the array is empty"
        ))),
        Some("CMD" | "CMD-SHELL" | "NONE") => Ok(argv),
        Some(_) => Ok(std::iter::once("CMD".to_string()).chain(argv).collect()),
    }
}

fn duration(flag: &str, text: &str) -> Result<Duration, Error> {
    parse_duration(text)
        .filter(|nanos| *nanos >= 0)
        .map(|nanos| Duration::from_nanos(nanos as u64))
        .ok_or_else(|| {
            Error::Invalid(format!(
                "{flag} {text:?} is not a duration: write it as 30s, 1m30s or 500ms"
            ))
        })
}

/// At least a second, as Podman requires of the interval and the timeout.
fn positive_duration(flag: &str, text: &str) -> Result<Duration, Error> {
    let value = duration(flag, text)?;
    if value < Duration::from_secs(1) {
        return Err(Error::Invalid(format!(
            "{flag} {text:?} is too short: it must be at least 1s"
        )));
    }
    Ok(value)
}

impl HealthPlan {
    /// The container's check: the flags over the image's HEALTHCHECK over
    /// the defaults; `None` when neither gives a command (or says NONE).
    pub fn resolve(&self, image: Option<&ImageHealthcheck>) -> Option<HealthConfig> {
        let test = self
            .test
            .clone()
            .or_else(|| image.and_then(|i| i.test.clone()))?;
        if test.first().is_none_or(|kind| kind == "NONE") {
            return None;
        }
        let from_image = |nanos: Option<i64>| {
            nanos
                .filter(|n| *n > 0)
                .map(|n| Duration::from_nanos(n as u64))
        };
        Some(HealthConfig {
            test,
            interval: self
                .interval
                .or_else(|| from_image(image.and_then(|i| i.interval)))
                .unwrap_or(DEFAULT_INTERVAL),
            timeout: self
                .timeout
                .or_else(|| from_image(image.and_then(|i| i.timeout)))
                .unwrap_or(DEFAULT_TIMEOUT),
            start_period: self
                .start_period
                .or_else(|| from_image(image.and_then(|i| i.start_period)))
                .unwrap_or_default(),
            retries: self
                .retries
                .or_else(|| {
                    image
                        .and_then(|i| i.retries)
                        .and_then(|n| u32::try_from(n).ok())
                        .filter(|n| *n > 0)
                })
                .unwrap_or(DEFAULT_RETRIES),
            on_failure: self.on_failure,
        })
    }
}

impl HealthConfig {
    /// The argv the check runs in the container.
    fn argv(&self) -> Vec<String> {
        match self.test.split_first() {
            Some((kind, rest)) if kind == "CMD-SHELL" => {
                vec!["/bin/sh".into(), "-c".into(), rest.join(" ")]
            }
            Some((_, rest)) => rest.to_vec(),
            None => Vec::new(),
        }
    }
}

/// Podman's health statuses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HealthStatus {
    #[default]
    Starting,
    Healthy,
    Unhealthy,
}

impl HealthStatus {
    pub fn name(self) -> &'static str {
        match self {
            HealthStatus::Starting => "starting",
            HealthStatus::Healthy => "healthy",
            HealthStatus::Unhealthy => "unhealthy",
        }
    }
}

/// One run of the check, as Podman logs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthResult {
    pub start: String,
    pub end: String,
    pub exit_code: i32,
    pub output: String,
}

/// A container's health (`.State.Health` in inspect).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthState {
    pub status: HealthStatus,
    pub failing_streak: u32,
    pub log: Vec<HealthResult>,
}

fn state_path(runroot: &Path, id: &str) -> PathBuf {
    entry_dir(runroot, id).join(STATE_FILE)
}

impl HealthState {
    /// The recorded health of container `id` (starting when none is).
    pub fn read(runroot: &Path, id: &str) -> HealthState {
        std::fs::read(state_path(runroot, id))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// What inspect and ps show of running `record`'s health (`None`
    /// without a check or when it is not running).
    pub fn of(runroot: &Path, record: &ContainerRecord, state: &State) -> Option<HealthState> {
        (record.config.healthcheck.is_some() && state.status == Status::Running)
            .then(|| HealthState::read(runroot, &record.id))
    }

    /// Adds `result` of a check of `config` that ran `since_start` after
    /// the container started.
    fn add(&mut self, config: &HealthConfig, result: HealthResult, since_start: Duration) {
        if result.exit_code == 0 {
            self.status = HealthStatus::Healthy;
            self.failing_streak = 0;
        } else if since_start >= config.start_period {
            // Failures in the start period do not count, as in Podman.
            self.failing_streak += 1;
            if self.failing_streak >= config.retries {
                self.status = HealthStatus::Unhealthy;
            }
        }
        self.log.push(result);
        let excess = self.log.len().saturating_sub(LOG_KEPT);
        self.log.drain(..excess);
    }
}

/// Runs the check in the container and returns its exit code and output
/// (stdout and stderr as written, through one pipe). The exec happens in a
/// forked child of this (single-threaded) process, since exec joins the
/// container's namespaces in the calling process and this one must go on to
/// record the result in its own — one fork, not a second rcon to load. Past
/// the check's timeout its whole process tree is killed, in the container
/// too, and the run is a failure with exit code -1, as Podman records it.
fn exec_in(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    config: &HealthConfig,
    single: &SingleThreaded,
) -> Result<(i32, String), Error> {
    let failed = |source: std::io::Error| Error::Files {
        what: format!("running the health check of container {}", record.name),
        source,
    };
    let (reader, writer) =
        nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| failed(e.into()))?;
    let request = ExecRequest {
        command: config.argv(),
        ..ExecRequest::default()
    };
    // SAFETY: this process is single-threaded (`single`); the child runs
    // the exec and ends with _exit, never returning here.
    let child = match unsafe { nix::unistd::fork() }.map_err(|e| failed(e.into()))? {
        nix::unistd::ForkResult::Child => {
            drop(reader);
            let redirected = std::fs::File::open("/dev/null").and_then(|null| {
                nix::unistd::dup2_stdin(&null)
                    .and_then(|()| nix::unistd::dup2_stdout(&writer))
                    .and_then(|()| nix::unistd::dup2_stderr(&writer))
                    .map_err(std::io::Error::from)
            });
            drop(writer);
            let code = redirected
                .map_err(failed)
                .and_then(|()| super::exec::exec(lifecycle, record, &request, single))
                .unwrap_or_else(|e| {
                    eprintln!("{e}");
                    e.exit_code()
                });
            crate::process::exit_forked_child(code)
        }
        nix::unistd::ForkResult::Parent { child } => child,
    };
    drop(writer);
    let deadline = Instant::now() + config.timeout;
    let (output, ended) = read_until(reader.as_fd(), child, deadline);
    if !ended {
        kill_tree(child.as_raw());
    }
    let status = loop {
        match nix::sys::wait::waitpid(child, None) {
            Err(nix::errno::Errno::EINTR) => continue,
            other => break other.map_err(|e| failed(e.into()))?,
        }
    };
    // As Podman keeps it: without the final newlines.
    let mut text = String::from_utf8_lossy(&output)
        .trim_end_matches('\n')
        .to_string();
    if !ended {
        text.push_str(&format!(
            "healthcheck command exceeded timeout of {}",
            humantime(config.timeout)
        ));
        return Ok((-1, text));
    }
    let code = match status {
        nix::sys::wait::WaitStatus::Exited(_, code) => code,
        // Killed: a failure, as any code but 0.
        _ => 1,
    };
    Ok((code, text))
}

/// What `fd` gives until `child` has ended (then what is left without
/// waiting: a daemon the check started may hold the pipe) or `deadline`;
/// and whether the child ended.
fn read_until(fd: BorrowedFd, child: nix::unistd::Pid, deadline: Instant) -> (Vec<u8>, bool) {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    let mut output = Vec::new();
    let Some(pidfd) = crate::process::pidfd(child.as_raw()) else {
        return (output, true);
    };
    let _ = nix::fcntl::fcntl(
        fd,
        nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK),
    );
    let mut buffer = [0u8; 4096];
    // False at end-of-file.
    let mut drain = |output: &mut Vec<u8>| -> bool {
        loop {
            match nix::unistd::read(fd, &mut buffer) {
                Ok(0) => return false,
                Ok(n) => {
                    if output.len() < OUTPUT_KEPT {
                        output.extend_from_slice(&buffer[..n]);
                    }
                }
                Err(nix::errno::Errno::EINTR) => {}
                Err(_) => return true,
            }
        }
    };
    let mut open = true;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return (output, false);
        }
        let ms = PollTimeout::try_from(left.as_millis().min(i32::MAX as u128) as i32)
            .unwrap_or(PollTimeout::MAX);
        let mut fds = vec![PollFd::new(pidfd.as_fd(), PollFlags::POLLIN)];
        if open {
            fds.push(PollFd::new(fd, PollFlags::POLLIN));
        }
        match poll(&mut fds, ms) {
            Ok(0) => return (output, false),
            Ok(_) => {
                let ended = fds[0].any().unwrap_or(false);
                if open {
                    open = drain(&mut output);
                }
                if ended {
                    drain(&mut output);
                    return (output, true);
                }
            }
            Err(nix::errno::Errno::EINTR) => {}
            // Cannot watch it: wait for it (the caller reaps it).
            Err(_) => return (output, true),
        }
    }
}

/// SIGKILLs `root` and everything it started, deepest first found: each
/// process's process group (a command in the container leads its own
/// session) and each descendant listed by /proc's `children`.
fn kill_tree(root: i32) {
    use nix::sys::signal::{Signal, kill, killpg};
    use nix::unistd::Pid;
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let pid = found[i];
        if let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) {
            for task in tasks.flatten() {
                let children =
                    std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
                found.extend(
                    children
                        .split_whitespace()
                        .filter_map(|c| c.parse::<i32>().ok()),
                );
            }
        }
        i += 1;
    }
    for pid in found.iter().rev() {
        // The root's group is this process's own: only the root itself.
        if *pid != root {
            let _ = killpg(Pid::from_raw(*pid), Signal::SIGKILL);
        }
        let _ = kill(Pid::from_raw(*pid), Signal::SIGKILL);
    }
}

/// A timeout as Go prints a duration (`1s`, `1m30s`), for the message.
fn humantime(duration: Duration) -> String {
    let seconds = duration.as_secs();
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s}s"),
        (m, 0) => format!("{m}m0s"),
        (m, s) => format!("{m}m{s}s"),
    }
}

/// Why no check runs.
pub fn no_check(record: &ContainerRecord) -> Error {
    Error::NoHealthcheck(record.name.clone())
}

/// Runs `record`'s check once now (it must be running), records the
/// result in its health state (and a `health_status` event), and returns
/// whether this run passed.
pub fn run_check(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    single: &SingleThreaded,
) -> Result<bool, Error> {
    let config = record
        .config
        .healthcheck
        .as_ref()
        .ok_or_else(|| no_check(record))?;
    // Refused here, not counted as a failed check.
    lifecycle.container_process(record)?;
    let start = now_rfc3339();
    let (exit_code, mut output) = exec_in(lifecycle, record, config, single)?;
    if output.len() > OUTPUT_KEPT {
        let mut end = OUTPUT_KEPT;
        while !output.is_char_boundary(end) {
            end -= 1;
        }
        output.truncate(end);
    }
    let result = HealthResult {
        start,
        end: now_rfc3339(),
        exit_code,
        output,
    };
    let runroot = lifecycle.runroot();
    let since_start = lifecycle
        .containers()
        .state(&record.id)
        .ok()
        .and_then(|s| s.started_at)
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .and_then(|t| (chrono::Utc::now() - t.to_utc()).to_std().ok())
        .unwrap_or_default();
    // Read, add, write under the lock: a `healthcheck run` of the user's
    // and the monitor's scheduled one may end at the same moment. The
    // entry goes with the container's end: a check that ran past it
    // records nothing rather than bring the entry back (no lock file then).
    let path = state_path(runroot, &record.id);
    let lock = crate::util::fs::lock_exclusive(&path.with_file_name(LOCK_FILE))?;
    let mut state = HealthState::read(runroot, &record.id);
    state.add(config, result, since_start);
    let json = serde_json::to_vec(&state).expect("health states serialise");
    write_atomic(&path, &json)?;
    drop(lock);
    let mut event = record.event(EventStatus::HealthStatus);
    event.health_status = state.status.name().to_string();
    event.record();
    if state.status == HealthStatus::Unhealthy && exit_code != 0 {
        act_on_failure(lifecycle, record, config.on_failure)?;
    }
    Ok(exit_code == 0)
}

/// `--health-on-failure`, by a failed check that leaves the container
/// unhealthy (a `healthcheck run` of the user's or a scheduled one, as in
/// Podman), done before it returns so that `inspect` right after shows the
/// outcome.
fn act_on_failure(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    action: OnFailure,
) -> Result<(), Error> {
    match action {
        OnFailure::None => Ok(()),
        OnFailure::Kill => lifecycle.stop(
            record,
            Duration::ZERO,
            Some(nix::sys::signal::Signal::SIGKILL),
        ),
        OnFailure::Stop => lifecycle.stop(
            record,
            Duration::from_secs(
                record
                    .config
                    .stop_timeout
                    .unwrap_or(super::lifecycle::DEFAULT_STOP_TIMEOUT.as_secs()),
            ),
            None,
        ),
        // A start needs rcon's user namespace, which this process (as exec)
        // is not in: `rcon restart` does it.
        OnFailure::Restart => {
            let status = Command::new("/proc/self/exe")
                .arg("--root")
                .arg(lifecycle.containers().root())
                .arg("--runroot")
                .arg(lifecycle.runroot())
                .args(["restart", &record.id])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .status()
                .map_err(|source| Error::Files {
                    what: format!("restarting unhealthy container {}", record.name),
                    source,
                })?;
            if status.success() {
                Ok(())
            } else {
                Err(Error::Invalid(format!(
                    "restarting unhealthy container {} failed ({status})",
                    record.name
                )))
            }
        }
    }
}

/// The schedule of a container's checks, kept by its monitor (or, for a
/// container run in the foreground, by a watcher process beside it). Each
/// check is a child `rcon healthcheck run ID` (the one implementation,
/// which enforces the timeout and does what `--health-on-failure` says;
/// the monitor runs no Rust code in a forked child), waited for through its
/// pidfd in the monitor's poll loop.
pub(super) struct HealthTimer {
    config: HealthConfig,
    id: String,
    root: PathBuf,
    runroot: PathBuf,
    next: Instant,
    running: Option<RunningCheck>,
}

struct RunningCheck {
    child: Child,
    pidfd: OwnedFd,
    began: Instant,
}

/// How long past its timeout a check's `rcon healthcheck run` (which ends
/// the check itself at the timeout, and may then stop or restart the
/// container) is given before the monitor kills it.
const CHECK_GRACE: Duration = Duration::from_secs(60);

impl HealthTimer {
    /// The schedule of `record`'s checks; `None` without a check or with
    /// `--health-interval=disable`.
    pub(super) fn new(
        record: &ContainerRecord,
        root: &Path,
        runroot: &Path,
    ) -> Option<HealthTimer> {
        let config = record.config.healthcheck.clone()?;
        if config.interval.is_zero() {
            return None;
        }
        Some(HealthTimer {
            next: Instant::now() + config.interval,
            config,
            id: record.id.clone(),
            root: root.to_path_buf(),
            runroot: runroot.to_path_buf(),
            running: None,
        })
    }

    fn limit(&self) -> Duration {
        self.config.timeout + CHECK_GRACE
    }

    /// How long the loop may wait: until the next check is due, or the
    /// running one's limit.
    pub(super) fn timeout(&self) -> Duration {
        let until = match &self.running {
            Some(check) => check.began + self.limit(),
            None => self.next,
        };
        until.saturating_duration_since(Instant::now())
    }

    /// The running check's pidfd, readable once it has ended.
    pub(super) fn pidfd(&self) -> Option<BorrowedFd<'_>> {
        self.running.as_ref().map(|check| check.pidfd.as_fd())
    }

    /// Called on every turn of the loop: reaps an ended check, kills one
    /// stuck past its limit, starts a due one.
    pub(super) fn serve(&mut self) {
        let limit = self.limit();
        if let Some(check) = &mut self.running {
            let ended = matches!(check.child.try_wait(), Ok(Some(_)));
            if !ended && check.began.elapsed() < limit {
                return;
            }
            if !ended {
                let _ = check.child.kill();
                let _ = check.child.wait();
            }
            self.running = None;
            self.next = Instant::now() + self.config.interval;
        }
        if Instant::now() >= self.next {
            self.running = self.spawn();
            // A check that cannot start is tried again next interval.
            self.next = Instant::now() + self.config.interval;
        }
    }

    fn spawn(&self) -> Option<RunningCheck> {
        let child = Command::new("/proc/self/exe")
            .arg("--root")
            .arg(&self.root)
            .arg("--runroot")
            .arg(&self.runroot)
            .args(["healthcheck", "run", &self.id])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let Some(pidfd) = crate::process::pidfd(child.id() as i32) else {
            let mut child = child;
            let _ = child.kill();
            let _ = child.wait();
            return None;
        };
        Some(RunningCheck {
            child,
            pidfd,
            began: Instant::now(),
        })
    }
}

/// For a container run in the foreground with a scheduled check: a watcher
/// process beside rcon keeps the schedule until `container` ends, so the
/// foreground's own relay loops stay as they are. Forked (the caller is
/// single-threaded), in a session of its own, holding no descriptor of the
/// caller's: a pipe reader of rcon's output never waits for it.
pub(super) fn watch_foreground(
    record: &ContainerRecord,
    root: &Path,
    runroot: &Path,
    container: nix::unistd::Pid,
    _single: &crate::process::SingleThreaded,
) {
    let Some(mut timer) = HealthTimer::new(record, root, runroot) else {
        return;
    };
    // SAFETY: the caller is single-threaded (`_single`); the child only
    // polls, spawns checks and exits.
    match unsafe { nix::unistd::fork() } {
        Ok(nix::unistd::ForkResult::Child) => {
            let _ = nix::unistd::setsid();
            let pidfd = crate::process::pidfd(container.as_raw());
            crate::userns::pause::close_other_fds(&[pidfd
                .as_ref()
                .map_or(-1, |fd| fd.as_raw_fd())]);
            crate::process::set_title(c"rcon-health");
            if let Some(pidfd) = pidfd {
                loop {
                    let mut fds = vec![nix::poll::PollFd::new(
                        pidfd.as_fd(),
                        nix::poll::PollFlags::POLLIN,
                    )];
                    if let Some(check) = timer.pidfd() {
                        fds.push(nix::poll::PollFd::new(check, nix::poll::PollFlags::POLLIN));
                    }
                    let wait = timer.timeout().as_millis().min(i32::MAX as u128) as i32;
                    let wait = nix::poll::PollTimeout::try_from(wait)
                        .unwrap_or(nix::poll::PollTimeout::MAX);
                    match nix::poll::poll(&mut fds, wait) {
                        Ok(_) if fds[0].any().unwrap_or(false) => break,
                        Ok(_) | Err(nix::errno::Errno::EINTR) => timer.serve(),
                        Err(_) => break,
                    }
                }
            }
            crate::process::exit_forked_child(0)
        }
        Ok(nix::unistd::ForkResult::Parent { .. }) => {}
        Err(e) => log::warn!(
            "no scheduled health checks for container {}: forking: {e}",
            record.name
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(edit: impl FnOnce(&mut HealthFlags)) -> Result<HealthPlan, Error> {
        let mut flags = HealthFlags::default();
        edit(&mut flags);
        flags.parse()
    }

    #[test]
    fn flags_override_the_image_and_defaults_fill_the_rest() {
        let plan = flags(|f| {
            f.cmd = Some("curl -f localhost".into());
            f.interval = Some("1s".into());
        })
        .unwrap();
        let image = ImageHealthcheck {
            test: Some(vec!["CMD".into(), "true".into()]),
            retries: Some(7),
            ..ImageHealthcheck::default()
        };
        let config = plan.resolve(Some(&image)).unwrap();
        assert_eq!(config.test, ["CMD-SHELL", "curl -f localhost"]);
        assert_eq!(config.argv(), ["/bin/sh", "-c", "curl -f localhost"]);
        assert_eq!(config.interval, Duration::from_secs(1));
        assert_eq!(config.retries, 7);
        assert_eq!(config.timeout, DEFAULT_TIMEOUT);
        let image_only = HealthPlan::default().resolve(Some(&image)).unwrap();
        assert_eq!(image_only.argv(), ["true"]);
        assert_eq!(image_only.interval, DEFAULT_INTERVAL);
        let none = flags(|f| f.no_healthcheck = true).unwrap();
        assert_eq!(none.resolve(Some(&image)), None);
        assert_eq!(HealthPlan::default().resolve(None), None);
        let array = flags(|f| f.cmd = Some(r#"["stat", "/x"]"#.into())).unwrap();
        assert_eq!(array.test.unwrap(), ["CMD", "stat", "/x"]);
    }

    #[test]
    fn bad_values_are_refused_by_name() {
        let error = |edit: fn(&mut HealthFlags)| flags(edit).unwrap_err().to_string();
        assert!(error(|f| f.interval = Some("often".into())).contains("--health-interval"));
        assert!(error(|f| f.interval = Some("10ms".into())).contains("at least 1s"));
        assert!(error(|f| f.retries = Some("0".into())).contains("--health-retries"));
        assert!(error(|f| f.on_failure = Some("explode".into())).contains("explode"));
        assert!(error(|f| f.cmd = Some("[true".into())).contains("JSON array"));
    }

    #[test]
    fn retries_failures_in_a_row_make_it_unhealthy_and_a_pass_heals() {
        let config = HealthPlan {
            test: Some(vec!["CMD".into(), "false".into()]),
            retries: Some(2),
            start_period: Some(Duration::from_secs(10)),
            ..HealthPlan::default()
        }
        .resolve(None)
        .unwrap();
        let result = |exit_code| HealthResult {
            start: String::new(),
            end: String::new(),
            exit_code,
            output: String::new(),
        };
        let mut state = HealthState::default();
        state.add(&config, result(1), Duration::from_secs(1));
        assert_eq!(state.failing_streak, 0, "in the start period");
        state.add(&config, result(1), Duration::from_secs(11));
        assert_eq!(state.status, HealthStatus::Starting);
        state.add(&config, result(1), Duration::from_secs(12));
        assert_eq!(state.status, HealthStatus::Unhealthy);
        for _ in 0..5 {
            state.add(&config, result(0), Duration::from_secs(13));
        }
        assert_eq!(state.status, HealthStatus::Healthy);
        assert_eq!(state.failing_streak, 0);
        assert_eq!(state.log.len(), LOG_KEPT);
    }
}
