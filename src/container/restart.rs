//! `--restart`: what a container's monitor does when the container's process
//! ends, and the user's stop that overrides it.
//!
//! Podman's policies: `no` (the default), `on-failure[:N]` (after a non-zero
//! exit, at most N times when N is given), `always` and `unless-stopped`
//! (after any exit). A container the user stopped or killed through rcon is
//! never restarted, whatever its policy: `stop` and `kill` leave a mark in
//! the container's runtime entry. They do so under [`RestartLock`], which the
//! monitor holds from its decision to restart until the new process is
//! recorded in `monitor.json`; so the record a stop reads under the lock
//! names the last process that will ever run, and the stop never misses one.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::Duration;

use nix::fcntl::{Flock, FlockArg};
use serde::{Deserialize, Serialize};

use super::monitor::{MonitorRecord, entry_dir};
use super::store::ContainerRecord;

const LOCK_FILE: &str = "restart.lock";
const STOPPED_FILE: &str = "stopped-by-user";

/// The restart policy of a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "kebab-case")]
pub enum RestartPolicy {
    #[default]
    No,
    OnFailure {
        /// At most this many restarts; 0: no limit.
        #[serde(default, rename = "maxRetries")]
        max_retries: u32,
    },
    Always,
    UnlessStopped,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid restart policy {0:?}: use no, on-failure[:MAX-RETRIES], always or unless-stopped")]
pub struct BadPolicy(pub String);

impl RestartPolicy {
    /// `--restart`'s value: `no`, `on-failure`, `on-failure:N`, `always`,
    /// `unless-stopped` (an empty value is `no`, as in Podman).
    pub fn parse(text: &str) -> Result<RestartPolicy, BadPolicy> {
        let bad = || BadPolicy(text.to_string());
        Ok(match text.split_once(':') {
            None => match text {
                "" | "no" => RestartPolicy::No,
                "on-failure" => RestartPolicy::OnFailure { max_retries: 0 },
                "always" => RestartPolicy::Always,
                "unless-stopped" => RestartPolicy::UnlessStopped,
                _ => return Err(bad()),
            },
            Some(("on-failure", count)) => RestartPolicy::OnFailure {
                max_retries: count.parse().map_err(|_| bad())?,
            },
            Some(_) => return Err(bad()),
        })
    }

    /// The name inspect shows.
    pub fn name(&self) -> &'static str {
        match self {
            RestartPolicy::No => "no",
            RestartPolicy::OnFailure { .. } => "on-failure",
            RestartPolicy::Always => "always",
            RestartPolicy::UnlessStopped => "unless-stopped",
        }
    }

    pub fn max_retries(&self) -> u32 {
        match self {
            RestartPolicy::OnFailure { max_retries } => *max_retries,
            _ => 0,
        }
    }

    /// Whether a process that ended with `code`, after `restarts` restarts
    /// already, is started again (the user's stop aside).
    pub fn restarts_after(&self, code: i32, restarts: u32) -> bool {
        match self {
            RestartPolicy::No => false,
            RestartPolicy::Always | RestartPolicy::UnlessStopped => true,
            RestartPolicy::OnFailure { max_retries } => {
                code != 0 && (*max_retries == 0 || restarts < *max_retries)
            }
        }
    }
}

/// Docker's delay before a restart: 100 ms, doubled each time up to a
/// minute; a process that ran for 10 s or more starts the series again.
/// (A container whose command ends at once would otherwise restart in a
/// tight loop.)
#[derive(Debug)]
pub struct Backoff {
    next: Duration,
}

const FIRST_DELAY: Duration = Duration::from_millis(100);
const MAX_DELAY: Duration = Duration::from_secs(60);
const RAN_LONG_ENOUGH: Duration = Duration::from_secs(10);

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff { next: FIRST_DELAY }
    }
}

impl Backoff {
    /// The delay before restarting a process that ran for `ran`.
    pub fn delay(&mut self, ran: Duration) -> Duration {
        if ran >= RAN_LONG_ENOUGH {
            self.next = FIRST_DELAY;
        }
        let delay = self.next;
        self.next = (self.next * 2).min(MAX_DELAY);
        delay
    }
}

/// The lock of a container's restarts (see the module documentation).
pub struct RestartLock {
    _lock: Flock<File>,
    stopped: PathBuf,
}

impl RestartLock {
    /// Locks the restarts of container `id`; `None` when it has no runtime
    /// entry (its monitor has ended).
    pub fn take(runroot: &Path, id: &str) -> Option<RestartLock> {
        let dir = entry_dir(runroot, id);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .ok()?;
        let lock = Flock::lock(file, FlockArg::LockExclusive).ok()?;
        Some(RestartLock {
            _lock: lock,
            stopped: dir.join(STOPPED_FILE),
        })
    }

    /// True once the user has stopped or killed the container.
    pub fn stopped_by_user(&self) -> bool {
        self.stopped.exists()
    }
}

/// True once the user has stopped or killed the container (a look without
/// the lock, for a monitor waiting to restart).
pub fn stopped_by_user(runroot: &Path, id: &str) -> bool {
    entry_dir(runroot, id).join(STOPPED_FILE).exists()
}

/// Marks container `id` as stopped by the user, so its monitor restarts it
/// no more, and returns its monitor's record as it stands then: the last
/// process that runs. `None` when its monitor has ended.
pub fn mark_stopped(runroot: &Path, id: &str) -> Option<MonitorRecord> {
    let lock = RestartLock::take(runroot, id)?;
    fs::write(&lock.stopped, b"").ok()?;
    MonitorRecord::read(runroot, id)
}

/// Forgets an earlier stop (a mark left by a stop that raced with the
/// monitor's end), before the container starts afresh. Only a restart
/// policy reads the mark: without one (every `run --rm`) nothing is done.
pub fn clear_stopped(runroot: &Path, record: &ContainerRecord) {
    if !matches!(record.config.restart, RestartPolicy::No) {
        let _ = fs::remove_file(entry_dir(runroot, &record.id).join(STOPPED_FILE));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_parse_as_podman_names_them() {
        assert_eq!(RestartPolicy::parse("").unwrap(), RestartPolicy::No);
        assert_eq!(RestartPolicy::parse("no").unwrap(), RestartPolicy::No);
        assert_eq!(
            RestartPolicy::parse("on-failure").unwrap(),
            RestartPolicy::OnFailure { max_retries: 0 }
        );
        assert_eq!(
            RestartPolicy::parse("on-failure:3").unwrap(),
            RestartPolicy::OnFailure { max_retries: 3 }
        );
        assert_eq!(
            RestartPolicy::parse("unless-stopped").unwrap(),
            RestartPolicy::UnlessStopped
        );
        for bad in [
            "sometimes",
            "on-failure:",
            "on-failure:-1",
            "always:2",
            "No",
        ] {
            assert_eq!(RestartPolicy::parse(bad), Err(BadPolicy(bad.into())));
        }
    }

    #[test]
    fn on_failure_counts_and_ignores_success() {
        let policy = RestartPolicy::OnFailure { max_retries: 2 };
        assert!(!policy.restarts_after(0, 0));
        assert!(policy.restarts_after(3, 0));
        assert!(policy.restarts_after(3, 1));
        assert!(!policy.restarts_after(3, 2));
        let unlimited = RestartPolicy::OnFailure { max_retries: 0 };
        assert!(unlimited.restarts_after(1, 1000));
        assert!(RestartPolicy::Always.restarts_after(0, 1000));
        assert!(!RestartPolicy::No.restarts_after(1, 0));
    }

    #[test]
    fn backoff_doubles_to_a_minute_and_resets_after_a_long_run() {
        let mut backoff = Backoff::default();
        let short = Duration::from_millis(5);
        let delays: Vec<u128> = (0..4).map(|_| backoff.delay(short).as_millis()).collect();
        assert_eq!(delays, [100, 200, 400, 800]);
        for _ in 0..20 {
            backoff.delay(short);
        }
        assert_eq!(backoff.delay(short), MAX_DELAY);
        assert_eq!(backoff.delay(Duration::from_secs(11)), FIRST_DELAY);
    }

    #[test]
    fn records_read_back() {
        let json = serde_json::to_string(&RestartPolicy::OnFailure { max_retries: 2 }).unwrap();
        assert_eq!(json, r#"{"name":"on-failure","maxRetries":2}"#);
        assert_eq!(
            serde_json::from_str::<RestartPolicy>(r#"{"name":"always"}"#).unwrap(),
            RestartPolicy::Always
        );
    }
}
