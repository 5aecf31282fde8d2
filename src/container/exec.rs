//! `rcon exec`: a further command in a running container, set up from the
//! container's own record exactly as its first command was (environment,
//! user, working directory, rlimits, capabilities, seccomp, no_new_privs),
//! with the exec's flags on top. rcon stays the process's parent: it relays
//! the terminal with `-t`, forwards signals, and ends with its exit code.
//! With `-d` it returns as soon as the command runs; the orphan is then
//! adopted like any other on the host (by the nearest subreaper or init),
//! stays in the container's namespaces and ends with the container.

use crate::events::Status as EventStatus;
use std::os::fd::AsFd;
use std::path::PathBuf;

use nix::errno::Errno;

use super::env::{self, EnvOverrides};
use super::lifecycle::Lifecycle;
use super::logfile::Stream;
use super::monitor::Pipes;
use super::store::ContainerRecord;
use super::{Error, foreground, run};
use crate::process::SingleThreaded;
use crate::runtime::{self, MissingCwd, Stdio, passwd};

/// What `rcon exec` was asked for.
#[derive(Debug, Clone, Default)]
pub struct ExecRequest {
    /// argv; looked up in the container's `PATH` when it has no `/`.
    pub command: Vec<String>,
    pub interactive: bool,
    pub tty: bool,
    pub detach: bool,
    /// `-e` as given (`KEY=VALUE`, `KEY`, `PREFIX*`), over the container's environment.
    pub env: Vec<String>,
    pub env_files: Vec<PathBuf>,
    /// `-u`; `None`: the container's user.
    pub user: Option<String>,
    /// `-w`; `None`: the container's working directory.
    pub workdir: Option<String>,
    /// Every capability rcon holds (the seccomp filter stays).
    pub privileged: bool,
    /// `--preserve-fds`: descriptors 3 to 3+N-1 of the caller go along.
    pub preserve_fds: u32,
}

/// Runs the request in `record` (which must be running). Returns the
/// command's exit code (128+N when killed by signal N), or 0 at once with `-d`.
pub fn exec(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    request: &ExecRequest,
    single: &SingleThreaded,
) -> Result<i32, Error> {
    // Everything that can be refused is, before the container is touched.
    if request.command.is_empty() {
        return Err(Error::Invalid(
            "exec needs a command: rcon exec CONTAINER COMMAND [ARG...]".into(),
        ));
    }
    if request.detach && request.tty {
        return Err(Error::Invalid(
            "exec -d -t: a detached command has nobody to hold its terminal; drop -t (its output goes to /dev/null with -d)".into(),
        ));
    }
    if let Some(user) = &request.user {
        passwd::parse_user_spec(user)?;
    }
    let overrides =
        EnvOverrides::from_flags(false, &request.env_files, &request.env, &env::host_env())?;
    let config = &record.config;
    let mut process = run::process_for(config)?;
    process.args = request.command.clone();
    process.env = env::merge(&config.env, &overrides, &config.hostname, None);
    process.init = false;
    process.preserve_fds = request.preserve_fds;
    // rcon's own streams, unless they are a terminal: those are relayed.
    let interactive = request.interactive;
    let pipes = match (request.detach, request.tty) {
        (false, false) if foreground::stdio_is_terminal(interactive) => {
            Some(Pipes::new(foreground::relays_stdin(interactive))?)
        }
        _ => None,
    };
    process.stdio = match (request.detach, request.tty, &pipes) {
        (true, _, _) => Stdio::Detached,
        (false, true, _) => Stdio::Terminal,
        (false, false, Some(pipes)) => {
            pipes.stdio(interactive && !foreground::relays_stdin(interactive))
        }
        (false, false, None) => Stdio::Inherit {
            keep_stdin: interactive,
        },
    };
    if let Some(user) = &request.user {
        process.user = user.clone();
    }
    // The start gave `:U` mounts to the container's user; exec changes no owner.
    process.chown_to_user.clear();
    if let Some(workdir) = &request.workdir {
        process.cwd = workdir.clone();
        // Podman's exec does not create it: a missing one is an error.
        process.missing_cwd = MissingCwd::NotFound;
    }
    let mut security = run::security_plan(&lifecycle.containers().dir(&record.id), config)?;
    if request.privileged {
        security = security.with_all_capabilities();
    }
    let not_running = || {
        Error::Invalid(format!(
            "container {0} is not running: exec needs a running container (start it with `rcon start {0}`)",
            record.name
        ))
    };
    let (pid, pidfd) = lifecycle.container_process(record).map_err(|e| match e {
        Error::NotRunning(_) => not_running(),
        e => e,
    })?;
    // Recorded now: joining the container's namespaces below moves this
    // process into its mount namespace, where the events log's path would
    // lead into the container's own files.
    record.event(EventStatus::Exec).record();
    let cgroup = lifecycle.cgroup(record).map(|c| c.leaf());
    let started = runtime::exec(
        pidfd.as_fd(),
        pid,
        &process,
        &security,
        cgroup.as_deref(),
        single,
    )
    .map_err(|e| match e {
        // It ended since it was found running.
        runtime::Error::Join(Errno::ESRCH) => not_running(),
        e => Error::Runtime(e),
    })?;
    let pipes = pipes.map(Pipes::parents_ends);
    let signals = foreground::block_signals(!request.detach);
    let (pid, terminal) = started.run()?;
    if request.detach {
        return Ok(0);
    }
    Ok(match pipes {
        Some((out, err, stdin)) => foreground::wait_relayed(
            pid,
            signals,
            vec![(out, Stream::Stdout), (err, Stream::Stderr)],
            stdin,
            None,
            foreground::Shown::default(),
            None,
            foreground::OnSignal::Forward,
        ),
        None => foreground::wait(pid, signals, terminal, None, foreground::OnSignal::Forward),
    })
}
