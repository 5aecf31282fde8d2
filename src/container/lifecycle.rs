//! Verbs on existing containers: their reconciled state, start (detached),
//! stop, kill, wait, remove, replace, prune, rename, pause.
//!
//! Each verb that changes a container's state holds the container's lock
//! ([`Containers::lock`]) from its look at the state until it has acted, so
//! two commands never both act on the same sight (two `start`s, a `start`
//! and an `rm`). A stop holds it until its signal is sent, not while the
//! container takes its time to end.
//!
//! **Reconciliation.** A container's `state.json` says `running` from the
//! moment its monitor starts it until the monitor records how it ended. When
//! the monitor is gone without doing so (SIGKILL, a crash, a reboot that
//! wiped the runtime dir), the first command that reads the state notices —
//! the monitor named in `monitor.json` no longer runs with that start time,
//! or the record is missing — kills what is left of the container (nobody
//! would reap it or log its output), and records it as exited with exit code
//! [`EXIT_UNKNOWN`] and the time it was noticed. Such a container can be
//! started again.

use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::Duration;

use nix::sys::signal::Signal;

use super::cgroup::{ContainerCgroup, Delegation};
use super::monitor::{self, MonitorRecord, pidfd, wait_pidfd};
use super::resources::{self, Resources};
use super::restart;
use super::store::{ContainerRecord, Containers, State, Status};
use super::{Error, run};
use crate::events::Status as EventStatus;
use crate::process::SingleThreaded;
use crate::storage::store::Store;

/// The exit code recorded when a container's monitor vanished: the real one
/// is unknown (Podman shows -1 in the same case).
pub const EXIT_UNKNOWN: i32 = -1;
/// In a running container's runtime entry while a `stop` waits for it: the
/// stopping process's PID.
const STOPPING_FILE: &str = "stopping";
/// `rcon stop`'s default grace period before SIGKILL.
pub const DEFAULT_STOP_TIMEOUT: Duration = Duration::from_secs(10);

/// The containers of a store, with the runtime dir that says which run.
pub struct Lifecycle<'a> {
    store: &'a Store,
    containers: Containers,
    runroot: PathBuf,
}

impl<'a> Lifecycle<'a> {
    pub fn open(store: &'a Store, runroot: &Path) -> Result<Lifecycle<'a>, Error> {
        Ok(Lifecycle {
            store,
            containers: Containers::open(store.root())?,
            runroot: runroot.to_path_buf(),
        })
    }

    pub fn containers(&self) -> &Containers {
        &self.containers
    }

    pub fn store(&self) -> &Store {
        self.store
    }

    pub fn runroot(&self) -> &Path {
        &self.runroot
    }

    /// The container named `input`: name, full ID or unique ID prefix.
    pub fn find(&self, input: &str) -> Result<ContainerRecord, Error> {
        Ok(self.containers.find(input)?)
    }

    /// The container's state, reconciled with the processes that really run.
    pub fn state(&self, id: &str) -> Result<State, Error> {
        let state = self.containers.state(id)?;
        if state.status != Status::Running {
            return Ok(state);
        }
        let record = MonitorRecord::read(&self.runroot, id);
        if record.is_some_and(|r| r.monitor_alive()) {
            return Ok(state);
        }
        // The monitor may have recorded the end just before it exited.
        let state = self.containers.state(id)?;
        if state.status != Status::Running {
            return Ok(state);
        }
        if let Some(record) = record {
            if let Some(fd) = pidfd(record.container_pid) {
                if record.container_alive() {
                    // Recorded as exited only once it is gone (a loaded host may take a while).
                    if send_signal(&fd, libc::SIGKILL, id)? {
                        wait_pidfd(fd.as_fd(), Some(Duration::from_secs(5)));
                    }
                }
            }
        }
        log::debug!("container {id}: its monitor is gone; recording it as exited");
        let exited = state.exited(EXIT_UNKNOWN);
        self.containers.set_state(id, &exited)?;
        monitor::remove_entry(&self.runroot, id);
        Ok(exited)
    }

    /// Every container with its reconciled state, newest first.
    pub fn list(&self) -> Result<Vec<(ContainerRecord, State)>, Error> {
        self.containers
            .list()?
            .into_iter()
            .map(|record| {
                let state = self.state(&record.id)?;
                Ok((record, state))
            })
            .collect()
    }

    /// Starts `record` detached. One that runs already is left as it is,
    /// as Podman does.
    pub fn start(&self, record: &ContainerRecord, single: &SingleThreaded) -> Result<(), Error> {
        let _lock = self.containers.lock(&record.id)?;
        self.start_locked(record, single)
    }

    fn start_locked(&self, record: &ContainerRecord, single: &SingleThreaded) -> Result<(), Error> {
        if self.state(&record.id)?.status == Status::Running {
            return Ok(());
        }
        self.start_dependencies(record, single)?;
        monitor::start_detached(self.store, &self.runroot, record, 0, single)
    }

    /// Starts what `record` requires (`--requires`, a pod member's infra
    /// container), theirs first, unless they run. A dependency that is gone
    /// is an error naming it.
    pub fn start_dependencies(
        &self,
        record: &ContainerRecord,
        single: &SingleThreaded,
    ) -> Result<(), Error> {
        for id in &record.config.requires {
            let dependency = self.containers.find(id).map_err(|_| {
                Error::Invalid(format!(
                    "container {} requires container {id}, which no longer exists",
                    record.name
                ))
            })?;
            self.start(&dependency, single)?;
        }
        Ok(())
    }

    /// After a container of a pod has exited: the pod's infra container
    /// stops too when the pod's exit policy says so (`stop_with_members`)
    /// and no other container of the pod still runs.
    pub fn stop_pod_after(&self, ended: &ContainerRecord) -> Result<(), Error> {
        let pod = &ended.config.pod;
        let members: Vec<ContainerRecord> = self
            .containers
            .list()?
            .into_iter()
            .filter(|r| r.config.pod == *pod && r.id != ended.id)
            .collect();
        let Some(infra) = members
            .iter()
            .find(|r| r.config.infra && r.config.stop_with_members)
        else {
            return Ok(());
        };
        for member in members.iter().filter(|r| !r.config.infra) {
            if self.state(&member.id)?.status == Status::Running {
                return Ok(());
            }
        }
        self.stop(infra, DEFAULT_STOP_TIMEOUT, None)
    }

    /// Stops several containers at once: each gets its stop signal under its
    /// lock, then every one is awaited (SIGKILL after `timeout`), so a pod
    /// stops in one grace period, not one per container.
    pub fn stop_all(&self, records: &[ContainerRecord], timeout: Duration) -> Result<(), Error> {
        let mut stopping = Vec::new();
        for record in records {
            let _lock = match self.containers.lock(&record.id) {
                Ok(lock) => lock,
                Err(super::store::Error::NoSuchContainer(_)) => continue,
                Err(e) => return Err(e.into()),
            };
            stopping.push((record, self.signal_stop(record, None)?));
        }
        for (record, stop) in stopping {
            self.await_stop(record, stop, timeout)?;
        }
        Ok(())
    }

    /// Stops `record` (as [`Lifecycle::stop`] does) and starts it again,
    /// with no other command's start or stop in between.
    pub fn restart(
        &self,
        record: &ContainerRecord,
        timeout: Duration,
        single: &SingleThreaded,
    ) -> Result<(), Error> {
        let _lock = self.containers.lock(&record.id)?;
        let stopping = self.signal_stop(record, None)?;
        self.await_stop(record, stopping, timeout)?;
        self.start_locked(record, single)?;
        record.event(EventStatus::Restart).record();
        Ok(())
    }

    /// The monitor of a running container, or `NotRunning`.
    fn running(&self, record: &ContainerRecord) -> Result<MonitorRecord, Error> {
        if self.state(&record.id)?.status == Status::Running {
            if let Some(monitor) = MonitorRecord::read(&self.runroot, &record.id) {
                return Ok(monitor);
            }
        }
        Err(Error::NotRunning(record.name.clone()))
    }

    /// The PID of the container's first process and a pidfd of it (checked
    /// to be the recorded process, not a later one with its PID), or `NotRunning`.
    pub fn container_process(&self, record: &ContainerRecord) -> Result<(i32, OwnedFd), Error> {
        let monitor = self.running(record)?;
        match pidfd(monitor.container_pid) {
            Some(fd) if monitor.container_alive() => Ok((monitor.container_pid, fd)),
            _ => Err(Error::NotRunning(record.name.clone())),
        }
    }

    /// Sends `signal` to the container's process. As in Podman, a container
    /// killed by the user is not restarted by its policy afterwards.
    pub fn kill(&self, record: &ContainerRecord, signal: i32) -> Result<(), Error> {
        let _lock = self.containers.lock(&record.id)?;
        self.container_process(record)?;
        // Read again under the restart lock: a restart may have just replaced the process.
        let monitor = restart::mark_stopped(&self.runroot, &record.id)
            .ok_or_else(|| Error::NotRunning(record.name.clone()))?;
        match pidfd(monitor.container_pid) {
            Some(fd) if monitor.container_alive() => deliver(record, &fd, signal)?,
            _ => return Err(Error::NotRunning(record.name.clone())),
        }
        self.thaw_after_signal(record)?;
        record.event(EventStatus::Kill).record();
        Ok(())
    }

    /// Passes `signal` on to the container's process (`--sig-proxy`);
    /// unlike [`Lifecycle::kill`], its restart policy still applies.
    pub fn proxy_signal(&self, record: &ContainerRecord, signal: Signal) -> Result<(), Error> {
        let (_, fd) = self.container_process(record)?;
        deliver(record, &fd, signal as i32)
    }

    /// Stops a running container: its stop signal, then SIGKILL after
    /// `timeout`; returns once its end is recorded. A container that does not
    /// run is left as it is. Its restart policy restarts it no more.
    pub fn stop(
        &self,
        record: &ContainerRecord,
        timeout: Duration,
        signal: Option<Signal>,
    ) -> Result<(), Error> {
        let lock = self.containers.lock(&record.id)?;
        let stopping = self.signal_stop(record, signal)?;
        // The wait needs no lock: a `kill` may hurry the stop along meanwhile.
        drop(lock);
        self.await_stop(record, stopping, timeout)
    }

    /// The first half of a stop, under the container's lock: marks it
    /// stopped by the user and sends `signal` (`None`: its stop signal).
    /// `None` when it does not run.
    fn signal_stop(
        &self,
        record: &ContainerRecord,
        signal: Option<Signal>,
    ) -> Result<Option<Stopping>, Error> {
        match self.running(record) {
            Ok(_) => {}
            Err(Error::NotRunning(_)) => return Ok(None),
            Err(e) => return Err(e),
        }
        let signal = match signal {
            Some(signal) => signal,
            None => stop_signal(record)?,
        };
        // After the mark the monitor starts no new process: this record
        // names the last one (one waiting to restart starts none).
        let Some(monitor) = restart::mark_stopped(&self.runroot, &record.id) else {
            return Ok(None);
        };
        // A process already gone is stopped; one that cannot be signalled is an error.
        let mut process = pidfd(monitor.container_pid).filter(|_| monitor.container_alive());
        if let Some(fd) = &process {
            if !send_signal(fd, signal as i32, &record.name)? {
                process = None;
            }
        }
        self.thaw_after_signal(record)?;
        // Seen by inspect and ps ("stopping") while the stop waits; await_stop removes it.
        let marker = monitor::entry_dir(&self.runroot, &record.id).join(STOPPING_FILE);
        let _ = std::fs::write(&marker, std::process::id().to_string());
        Ok(Some(Stopping {
            monitor,
            process,
            signal,
        }))
    }

    /// The second half: SIGKILL after `timeout`, and the wait until the
    /// end is recorded.
    fn await_stop(
        &self,
        record: &ContainerRecord,
        stopping: Option<Stopping>,
        timeout: Duration,
    ) -> Result<(), Error> {
        if let Some(Stopping {
            monitor,
            process,
            signal,
        }) = stopping
        {
            if let Some(fd) = process {
                // `stop -t 0`: no time to stop, SIGKILL at once and quietly, as Podman.
                if timeout.is_zero() || !wait_pidfd(fd.as_fd(), Some(timeout)) {
                    if !timeout.is_zero() {
                        // Podman's words, which scripts look for.
                        log::warn!(
                            "StopSignal {signal} failed to stop container {} in {} seconds, resorting to SIGKILL",
                            record.name,
                            timeout.as_secs()
                        );
                    }
                    if send_signal(&fd, libc::SIGKILL, &record.name)? {
                        wait_pidfd(fd.as_fd(), None);
                    }
                }
            }
            self.wait_for_monitor(&monitor);
            let _ = std::fs::remove_file(
                monitor::entry_dir(&self.runroot, &record.id).join(STOPPING_FILE),
            );
            record.event(EventStatus::Stop).record();
        }
        self.state(&record.id).map(drop)
    }

    /// True while a `stop` of the running container `id` waits for it to end
    /// (and the process stopping it still runs).
    pub fn stopping(&self, id: &str) -> bool {
        let marker = monitor::entry_dir(&self.runroot, id).join(STOPPING_FILE);
        // Mostly absent: one stat says so.
        marker.exists()
            && std::fs::read_to_string(marker)
                .ok()
                .and_then(|pid| pid.trim().parse::<u32>().ok())
                .is_some_and(|pid| std::path::Path::new(&format!("/proc/{pid}")).exists())
    }

    /// Waits until the container is in one of `conditions` (none: it has
    /// exited, its restart policy done with it). Returns its exit code when
    /// it has exited, else [`EXIT_UNKNOWN`] (what Podman prints then).
    pub fn wait(
        &self,
        record: &ContainerRecord,
        conditions: &[WaitCondition],
    ) -> Result<i32, Error> {
        let conditions = if conditions.is_empty() {
            &[WaitCondition::Exited][..]
        } else {
            conditions
        };
        loop {
            let state = self.state(&record.id)?;
            if !self.containers.exists(&record.id) {
                // Removed meanwhile (`--rm`): how it ended is not known.
                return Ok(EXIT_UNKNOWN);
            }
            // As Podman: waiting for the end of a container that never
            // started ends at once (its exit code is 0).
            let never_started =
                state.status == Status::Created && !conditions.contains(&WaitCondition::Created);
            let now = if state.status == Status::Exited || never_started {
                WaitCondition::Exited
            } else if state.status == Status::Running && !state.restarting {
                WaitCondition::Running
            } else if state.status == Status::Created {
                WaitCondition::Created
            } else {
                WaitCondition::Restarting
            };
            if conditions.contains(&now) {
                return Ok(match now {
                    WaitCondition::Exited if never_started => state.exit_code.unwrap_or(0),
                    WaitCondition::Exited => state.exit_code.unwrap_or(EXIT_UNKNOWN),
                    _ => EXIT_UNKNOWN,
                });
            }
            // Only its end is awaited: the monitor ends with it (a foreground
            // one may hand over to a detached one, hence the loop).
            let monitor = MonitorRecord::read(&self.runroot, &record.id);
            match monitor {
                Some(monitor)
                    if state.status == Status::Running && conditions == [WaitCondition::Exited] =>
                {
                    self.wait_for_monitor(&monitor)
                }
                _ => std::thread::sleep(WAIT_POLL),
            }
        }
    }

    /// Removes the container named exactly `name`, if there is one, stopping
    /// it first (`run --replace`).
    pub fn replace(&self, name: &str) -> Result<(), Error> {
        match self.containers.list()?.into_iter().find(|r| r.name == name) {
            Some(record) => self.remove(&record, true, DEFAULT_STOP_TIMEOUT, false),
            None => Ok(()),
        }
    }

    fn wait_for_monitor(&self, monitor: &MonitorRecord) {
        if let Some(fd) = pidfd(monitor.monitor_pid) {
            if monitor.monitor_alive() {
                wait_pidfd(fd.as_fd(), None);
            }
        }
    }

    /// Removes the container: a running one only with `force` (stopped
    /// first, with `timeout`); `volumes` also removes its anonymous volumes.
    pub fn remove(
        &self,
        record: &ContainerRecord,
        force: bool,
        timeout: Duration,
        volumes: bool,
    ) -> Result<(), Error> {
        let _lock = self.containers.lock(&record.id)?;
        if self.state(&record.id)?.status == Status::Running {
            if !force {
                return Err(Error::Running(record.name.clone()));
            }
            let stopping = self.signal_stop(record, None)?;
            self.await_stop(record, stopping, timeout)?;
        }
        self.containers.remove(record)?;
        monitor::remove_entry(&self.runroot, &record.id);
        record.event(EventStatus::Remove).record();
        if volumes {
            let lock = self.store.lock()?;
            let in_use = |name: &str| self.containers.uses_volume(name).unwrap_or(true);
            run::remove_anonymous_volumes(self.store, &lock, record, &in_use)?;
        }
        Ok(())
    }

    /// Removes every container made from image `image_id`, running ones
    /// stopped first, as `rmi -f` does before it removes the image.
    pub fn remove_image_users(&self, image_id: &str) -> Result<(), Error> {
        for record in self.containers.using_image(image_id)? {
            self.remove(&record, true, DEFAULT_STOP_TIMEOUT, false)?;
        }
        Ok(())
    }

    /// Removes every container that does not run and that `selected`
    /// picks; returns their IDs. One started (or removed) meanwhile by
    /// another command is left to it.
    pub fn prune(&self, selected: impl Fn(&ContainerRecord) -> bool) -> Result<Vec<String>, Error> {
        let mut removed = Vec::new();
        for (record, state) in self.list()? {
            if state.status == Status::Running || !selected(&record) {
                continue;
            }
            match self.remove(&record, false, DEFAULT_STOP_TIMEOUT, false) {
                Ok(()) => removed.push(record.id),
                Err(Error::Running(_) | Error::Store(super::store::Error::NoSuchContainer(_))) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(removed)
    }

    /// Gives the container a new name (running or not), unique among all
    /// containers: checked under the store lock, as `create` does.
    pub fn rename(&self, record: &ContainerRecord, name: &str) -> Result<ContainerRecord, Error> {
        let _container = self.containers.lock(&record.id)?;
        let lock = self.store.lock()?;
        let renamed = self.containers.rename(&lock, &record.id, name)?;
        renamed.event(EventStatus::Rename).record();
        // Its peers on its networks know it by the new name.
        for attachment in &renamed.config.attachments {
            super::networks::refresh_hosts(&self.containers, &attachment.network, None)?;
        }
        Ok(renamed)
    }

    /// Freezes (`freeze`) or thaws a running container's processes; where
    /// the host does not let rcon do that rootless, the reason.
    pub fn set_frozen(&self, record: &ContainerRecord, freeze: bool) -> Result<(), Error> {
        let _lock = self.containers.lock(&record.id)?;
        self.running(record)?;
        let verb = if freeze { "pause" } else { "unpause" };
        let cgroup = self.cgroup(record).ok_or_else(|| Error::CannotFreeze {
            verb,
            why: match Delegation::find() {
                Err(missing) => missing.why,
                Ok(_) => "it was started without one (restart it to give it one)".into(),
            },
        })?;
        let mut state = self.containers.state(&record.id)?;
        if state.paused == freeze {
            return Err(Error::PauseState {
                name: record.name.clone(),
                state: if freeze {
                    "already paused"
                } else {
                    "not paused"
                },
                verb,
                needed: if freeze { "running" } else { "paused" },
            });
        }
        cgroup.set_frozen(freeze)?;
        state.paused = freeze;
        self.containers.set_state(&record.id, &state)?;
        record
            .event(if freeze {
                EventStatus::Pause
            } else {
                EventStatus::Unpause
            })
            .record();
        Ok(())
    }

    /// `update`: `changes` replace the container's limits, in its record
    /// and, while it runs, in its cgroup. Refused where no limit can be
    /// enforced (no delegated cgroup v2), as Podman's runtime refuses.
    pub fn update_resources(
        &self,
        record: &ContainerRecord,
        changes: Resources,
    ) -> Result<(), Error> {
        if changes.is_empty() {
            return Ok(());
        }
        let lock = self.containers.lock(&record.id)?;
        let mut resources = record.config.resources.clone();
        resources.merge(changes);
        resources::admit_update(&resources)?;
        if self.running(record).is_ok() {
            let cgroup = self.cgroup(record).ok_or_else(|| {
                Error::Invalid(format!(
                    "container {} was started without a cgroup of its own: stop it, update it and start it again",
                    record.name
                ))
            })?;
            let delegation =
                Delegation::find().map_err(|missing| super::cgroup::Error::NotDelegated {
                    what: "updating the container's resource limits".into(),
                    why: missing.why,
                })?;
            cgroup.apply(&delegation, &resources)?;
        }
        self.containers
            .update_config(&lock, &record.id, |config| config.resources = resources)?;
        Ok(())
    }

    /// The cgroup of the running container, if it has one of its own.
    pub fn cgroup(&self, record: &ContainerRecord) -> Option<ContainerCgroup> {
        ContainerCgroup::recorded(&monitor::entry_dir(&self.runroot, &record.id))
    }

    /// A paused container thawed (under its lock), so that a signal just
    /// sent reaches it, as Docker does for `stop` and `kill`.
    fn thaw_after_signal(&self, record: &ContainerRecord) -> Result<(), Error> {
        let mut state = self.containers.state(&record.id)?;
        if !state.paused {
            return Ok(());
        }
        if let Some(cgroup) = self.cgroup(record) {
            cgroup.set_frozen(false)?;
        }
        state.paused = false;
        self.containers.set_state(&record.id, &state)?;
        Ok(())
    }
}

/// A stop under way: the monitor that records the end, and the container's
/// process (a pidfd) while it was alive to be signalled.
struct Stopping {
    monitor: MonitorRecord,
    process: Option<OwnedFd>,
    /// The signal sent first, for the message when SIGKILL follows it.
    signal: Signal,
}

/// How often `wait` looks at a container's state when no process tells it.
const WAIT_POLL: Duration = Duration::from_millis(100);

/// What `rcon wait --condition` waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitCondition {
    Created,
    Running,
    /// Ended and waiting for its restart policy to start it again.
    Restarting,
    Exited,
}

impl WaitCondition {
    /// Podman's names: `configured`/`created`, `running`, `restarting`,
    /// `stopped`/`exited`. Its others name states rcon never has.
    pub fn parse(text: &str) -> Result<WaitCondition, Error> {
        Ok(match text {
            "configured" | "created" => WaitCondition::Created,
            "running" => WaitCondition::Running,
            "restarting" => WaitCondition::Restarting,
            "stopped" | "exited" => WaitCondition::Exited,
            "paused" | "healthy" | "unhealthy" | "initialized" | "stopping" | "removing" => {
                return Err(Error::Invalid(format!(
                    "wait condition {text:?} is not supported: rcon containers are only created, running, restarting or exited"
                )));
            }
            _ => {
                return Err(Error::Invalid(format!(
                    "unknown wait condition {text:?}: use created, running, restarting, stopped or exited"
                )));
            }
        })
    }
}

/// The image's StopSignal (or `--stop-signal`), else SIGTERM.
fn stop_signal(record: &ContainerRecord) -> Result<Signal, Error> {
    match record.config.stop_signal.as_deref() {
        Some(name) if !name.is_empty() => parse_signal(name),
        _ => Ok(Signal::SIGTERM),
    }
}

/// A signal by name (`TERM`, `SIGTERM`, `term`) or number (`15`).
pub fn parse_signal(text: &str) -> Result<Signal, Error> {
    let bad = || {
        Error::Invalid(format!(
            "invalid signal {text:?}: give a name such as TERM, KILL or HUP, or a number"
        ))
    };
    if let Ok(number) = text.parse::<i64>() {
        if !(1..=i64::from(SIGRTMAX)).contains(&number) {
            // Podman's words.
            return Err(Error::Invalid("valid signals are 1 through 64".into()));
        }
        return Signal::try_from(number as i32).map_err(|_| bad());
    }
    let upper = text.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") {
        upper
    } else {
        format!("SIG{upper}")
    };
    name.parse::<Signal>().map_err(|_| bad())
}

/// The lowest and highest real-time signal numbers a program can use (glibc
/// keeps 32 and 33 for itself).
const SIGRTMIN: i32 = 34;
const SIGRTMAX: i32 = 64;

/// A signal for `kill` as Podman reads it: a number, or a name with or without
/// `SIG` in any case (`HUP`, `sigusr1`, `RTMIN+3`, `RTMAX`), a leading `-`
/// ignored; only 1 to 64 can be sent.
pub fn parse_kill_signal(text: &str) -> Result<i32, Error> {
    let base = text.strip_prefix('-').unwrap_or(text);
    let invalid = || Error::Invalid(format!("invalid signal: {base}"));
    let number = match base.parse::<i64>() {
        Ok(0) => return Err(invalid()),
        Ok(number) => number,
        Err(_) => {
            let upper = base.to_ascii_uppercase();
            let name = upper.strip_prefix("SIG").unwrap_or(&upper);
            let realtime = |prefix: &str, origin: i32, sign: i32| {
                let rest = name.strip_prefix(prefix)?;
                let offset: i32 = match rest {
                    "" => 0,
                    _ => rest
                        .strip_prefix(if sign > 0 { '+' } else { '-' })?
                        .parse()
                        .ok()?,
                };
                (1..=15)
                    .contains(&offset)
                    .then_some(origin + sign * offset)
                    .or((offset == 0).then_some(origin))
            };
            let named = if name.is_empty() {
                None
            } else {
                format!("SIG{name}")
                    .parse::<Signal>()
                    .ok()
                    .map(|s| s as i32)
            };
            i64::from(
                named
                    .or_else(|| realtime("RTMIN", SIGRTMIN, 1))
                    .or_else(|| realtime("RTMAX", SIGRTMAX, -1))
                    .ok_or_else(invalid)?,
            )
        }
    };
    if !(1..=i64::from(SIGRTMAX)).contains(&number) {
        return Err(Error::Invalid("valid signals are 1 through 64".into()));
    }
    Ok(number as i32)
}

/// Sends `signal` to `record`'s process `fd`; `NotRunning` when it has ended.
fn deliver(record: &ContainerRecord, fd: &OwnedFd, signal: i32) -> Result<(), Error> {
    if send_signal(fd, signal, &record.name)? {
        Ok(())
    } else {
        Err(Error::NotRunning(record.name.clone()))
    }
}

/// pidfd_send_signal(2): a signal to exactly the process the pidfd names,
/// a process of `container`. `Ok(false)` when that process has ended;
/// any other failure (EPERM: not ours to signal) is an error, never a
/// success reported to the user.
fn send_signal(fd: &OwnedFd, signal: i32, container: &str) -> Result<bool, Error> {
    // SAFETY: pidfd_send_signal takes a descriptor, a signal number, a null
    // siginfo (the kernel fills it as for kill(2)) and flags.
    let sent = unsafe {
        libc::syscall(
            libc::SYS_pidfd_send_signal,
            fd.as_raw_fd(),
            signal,
            std::ptr::null::<libc::siginfo_t>(),
            0,
        )
    };
    if sent == 0 {
        return Ok(true);
    }
    match std::io::Error::last_os_error() {
        e if e.raw_os_error() == Some(libc::ESRCH) => Ok(false),
        source => Err(Error::Signal {
            container: container.to_string(),
            signal,
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_by_name_or_number() {
        assert_eq!(parse_signal("TERM").unwrap(), Signal::SIGTERM);
        assert_eq!(parse_signal("sigkill").unwrap(), Signal::SIGKILL);
        assert_eq!(parse_signal("1").unwrap(), Signal::SIGHUP);
        assert!(parse_signal("NOPE").is_err());
        assert!(parse_signal("99").is_err());
    }

    #[test]
    fn kill_signals_as_podman_reads_them() {
        assert_eq!(parse_kill_signal("-1").unwrap(), 1);
        assert_eq!(parse_kill_signal("-INT").unwrap(), 2);
        assert_eq!(parse_kill_signal("SIGUSR2").unwrap(), 12);
        assert_eq!(parse_kill_signal("64").unwrap(), 64);
        assert_eq!(parse_kill_signal("RTMIN+2").unwrap(), 36);
        assert_eq!(parse_kill_signal("rtmax").unwrap(), 64);
        assert_eq!(parse_kill_signal("RTMAX-1").unwrap(), 63);
        let message = |s: &str| parse_kill_signal(s).unwrap_err().to_string();
        assert_eq!(message("0"), "invalid signal: 0");
        assert_eq!(message("-SIGBADSIG"), "invalid signal: SIGBADSIG");
        assert_eq!(message("SIG"), "invalid signal: SIG");
        assert_eq!(message("-"), "invalid signal: ");
        assert_eq!(message("65"), "valid signals are 1 through 64");
        assert_eq!(message("-65"), "valid signals are 1 through 64");
        assert_eq!(message("99999999"), "valid signals are 1 through 64");
    }
}
