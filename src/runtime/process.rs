//! The last steps in the child, inside the container's root: standard
//! streams, user and groups, working directory, limits, security, and exec.
//! Nothing of the host may reach the command: every descriptor above 2 is
//! closed on exec, and the command is looked up in the container only.

use std::convert::Infallible;
use std::ffi::CString;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::path::Path;

use nix::errno::Errno;
use nix::fcntl::{OFlag, open};
use nix::sys::stat::Mode;
use nix::unistd::{Gid, Uid};

use super::security::{self, SecurityPlan};
use super::spec::{MissingCwd, Process};
use super::{ChildError, EXIT_CANNOT_INVOKE, EXIT_NOT_FOUND};

/// Opens a pty from the container's own devpts, makes its peer the
/// controlling terminal of this process (a session leader without one) and
/// its standard streams, and sends the master to the parent.
pub(super) fn attach_terminal(console: &OwnedFd) -> Result<(), ChildError> {
    let master = open(
        "/dev/pts/ptmx",
        OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
    .map_err(ChildError::engine("opening the container's /dev/pts/ptmx"))?;
    let fail = ChildError::engine("setting up the container's terminal");
    // SAFETY: TIOCSPTLCK takes a pointer to an int that lives across the call.
    let unlock = unsafe {
        libc::ioctl(
            master.as_raw_fd(),
            libc::TIOCSPTLCK,
            &0 as *const libc::c_int,
        )
    };
    Errno::result(unlock).map_err(&fail)?;
    // SAFETY: TIOCGPTPEER takes open flags and returns a new descriptor (checked).
    let peer = unsafe {
        libc::ioctl(
            master.as_raw_fd(),
            libc::TIOCGPTPEER,
            libc::O_RDWR | libc::O_NOCTTY,
        )
    };
    let peer = Errno::result(peer).map_err(&fail)?;
    // SAFETY: TIOCSCTTY takes an int argument; `peer` is an open terminal.
    Errno::result(unsafe { libc::ioctl(peer, libc::TIOCSCTTY, 0) }).map_err(&fail)?;
    for target in 0..3 {
        // SAFETY: dup2 onto the standard descriptors, which this process owns.
        Errno::result(unsafe { libc::dup2(peer, target) }).map_err(&fail)?;
    }
    if peer > 2 {
        // SAFETY: `peer` came from TIOCGPTPEER above and is not used after this.
        unsafe { libc::close(peer) };
    }
    crate::process::send_fd(console, master.as_raw_fd())
        .map_err(ChildError::engine("handing the terminal to rcon"))
}

/// Without `-i`, the command reads from /dev/null, as with Podman.
pub(super) fn stdin_from_null() -> Result<(), ChildError> {
    let null = open("/dev/null", OFlag::O_RDONLY, Mode::empty())
        .map_err(ChildError::engine("opening /dev/null"))?;
    nix::unistd::dup2_stdin(&null).map_err(ChildError::engine("redirecting stdin"))
}

/// The parent's pipes on 0, 1 and 2 (`stdin: None`: /dev/null). A
/// descriptor already in its place is made to survive exec.
pub(super) fn connect_streams(
    stdin: Option<RawFd>,
    stdout: RawFd,
    stderr: RawFd,
) -> Result<(), ChildError> {
    match stdin {
        None => stdin_from_null()?,
        Some(fd) => onto(fd, 0)?,
    }
    onto(stdout, 1)?;
    onto(stderr, 2)
}

fn onto(fd: RawFd, target: RawFd) -> Result<(), ChildError> {
    let fail = ChildError::engine("connecting the container's standard streams");
    // SAFETY: fcntl and dup2 on plain descriptor numbers: `fd` is open in
    // this process (the parent made it before the clone), `target` is a
    // standard stream; no Rust object owns either here.
    let done = if fd == target {
        unsafe { libc::fcntl(fd, libc::F_SETFD, 0) }
    } else {
        unsafe { libc::dup2(fd, target) }
    };
    Errno::result(done).map(drop).map_err(fail)
}

/// `exec -d`: /dev/null on the standard streams.
pub(super) fn detach() -> Result<(), ChildError> {
    let null = open("/dev/null", OFlag::O_RDWR, Mode::empty())
        .map_err(ChildError::engine("opening /dev/null"))?;
    let fail = ChildError::engine("redirecting the standard streams to /dev/null");
    nix::unistd::dup2_stdin(&null).map_err(&fail)?;
    nix::unistd::dup2_stdout(&null).map_err(&fail)?;
    nix::unistd::dup2_stderr(&null).map_err(&fail)
}

/// Becomes the container's command. Returns only with an error.
pub(super) fn exec(process: &Process, plan: &SecurityPlan) -> Result<Infallible, ChildError> {
    let init = if process.init || process.pause {
        Some(super::init::sealed()?)
    } else {
        None
    };
    for entry in &process.passwd_entries {
        let home = if Path::new(&entry.home).is_dir() {
            &entry.home
        } else {
            &process.cwd
        };
        let line = format!(
            "{}:*:{}:{}:{}:{home}:{}",
            entry.name, entry.uid, entry.gid, entry.gecos, entry.shell
        );
        add_entry("/etc/passwd", &line)?;
    }
    if let Some(line) = &process.group_entry {
        add_entry("/etc/group", line)?;
    }
    let user = super::user::resolve(&process.user, &process.additional_groups)?;
    let mut env = process.env.clone();
    if !env.iter().any(|e| e.starts_with("HOME=")) {
        let home = if user.home.is_empty() {
            "/"
        } else {
            user.home.as_str()
        };
        env.push(format!("HOME={home}"));
    }
    if process.missing_cwd == MissingCwd::Create {
        make_workdir(&process.cwd, user.uid, user.gid)?;
    }
    for tree in &process.chown_to_user {
        chown_tree(std::path::Path::new(tree), user.uid, user.gid)?;
    }
    for limit in &process.rlimits {
        nix::sys::resource::setrlimit(limit.resource, limit.soft, limit.hard).map_err(|e| {
            ChildError::engine_message(format!(
                "setting the limit {:?}: {}",
                limit.resource,
                e.desc()
            ))
        })?;
    }
    if let Some(score) = process.oom_score_adj {
        // Raising it needs no privilege; lowering it below what rcon has
        // needs CAP_SYS_RESOURCE on the host, which no rootless process has.
        std::fs::write("/proc/self/oom_score_adj", score.to_string()).map_err(|e| {
            ChildError::engine_message(format!(
                "setting the container's oom_score_adj to {score}: {e}{}",
                if e.kind() == std::io::ErrorKind::PermissionDenied {
                    " (only root on the host may lower it below rcon's own)"
                } else {
                    ""
                }
            ))
        })?;
    }
    security::prepare_uid_switch().map_err(ChildError::engine(
        "keeping capabilities across the user switch",
    ))?;
    set_ids(&user)?;
    nix::unistd::chdir(process.cwd.as_str()).map_err(|e| {
        // Podman's code for a working directory that is not there.
        let code = match e {
            Errno::ENOENT | Errno::ENOTDIR => match &process.missing_cwd {
                MissingCwd::Refuse(message) => {
                    return ChildError::with_code(EXIT_CANNOT_INVOKE, message.clone());
                }
                _ => EXIT_NOT_FOUND,
            },
            _ => super::EXIT_ENGINE,
        };
        ChildError::with_code(
            code,
            format!(
                "entering the working directory {}: {}",
                process.cwd,
                e.desc()
            ),
        )
    })?;
    close_inherited_fds(process.preserve_fds)?;
    // Last, so the filter need not allow any of the set-up calls above.
    security::apply(plan, user.uid).map_err(ChildError::engine(
        "applying capabilities, no_new_privs and seccomp",
    ))?;
    let argv: Vec<CString> = process
        .args
        .iter()
        .map(|a| cstring(a))
        .collect::<Result<_, _>>()?;
    let envp: Vec<CString> = env.iter().map(|e| cstring(e)).collect::<Result<_, _>>()?;
    let Some(command) = process.args.first() else {
        return Err(ChildError::engine_message(
            "no command given: the image has no Cmd or Entrypoint; add one after the image name"
                .into(),
        ));
    };
    default_signal_actions();
    if let (true, Some(init)) = (process.pause, &init) {
        return super::init::exec_pause(init);
    }
    if let Some(init) = &init {
        super::init::run_as_pid1(init)?;
    }
    exec_in_path(command, &argv, &envp)
}

/// Appends `line` (`name:x:ID:…`) to the container's passwd or group file
/// unless an entry already has its ID. A read-only root keeps the file as it is.
fn add_entry(file: &str, line: &str) -> Result<(), ChildError> {
    let id = line.split(':').nth(2).unwrap_or_default();
    let content = std::fs::read_to_string(file).unwrap_or_default();
    if content.lines().any(|l| l.split(':').nth(2) == Some(id)) {
        return Ok(());
    }
    let mut text = content;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    match std::fs::write(file, text) {
        Err(e) if e.raw_os_error() == Some(libc::EROFS) => Ok(()),
        outcome => outcome
            .map_err(|e| ChildError::engine_message(format!("adding the user to {file}: {e}"))),
    }
}

/// Creates the working directory when missing, owned by the user, as Podman does.
/// `-v …:U`: the mount's tree becomes the user's, unless its top already is
/// (Podman's rule: a tree once given is not walked again). This runs after
/// pivot_root, so every path, a planted symlink's included, resolves inside
/// the container; and symlinks are chowned themselves, never followed.
fn chown_tree(top: &std::path::Path, uid: u32, gid: u32) -> Result<(), ChildError> {
    use std::os::unix::fs::MetadataExt;
    let fail = |path: &std::path::Path, e: std::io::Error| {
        ChildError::engine_message(format!(
            "giving {} to {uid}:{gid} (:U): {e}",
            path.display()
        ))
    };
    let meta = std::fs::symlink_metadata(top).map_err(|e| fail(top, e))?;
    if (meta.uid(), meta.gid()) == (uid, gid) {
        return Ok(());
    }
    let mut pending = vec![(top.to_path_buf(), meta.is_dir())];
    while let Some((path, is_dir)) = pending.pop() {
        std::os::unix::fs::lchown(&path, Some(uid), Some(gid)).map_err(|e| fail(&path, e))?;
        if is_dir {
            for entry in std::fs::read_dir(&path).map_err(|e| fail(&path, e))? {
                let entry = entry.map_err(|e| fail(&path, e))?;
                let is_dir = entry.file_type().map_err(|e| fail(&path, e))?.is_dir();
                pending.push((entry.path(), is_dir));
            }
        }
    }
    Ok(())
}

fn make_workdir(cwd: &str, uid: u32, gid: u32) -> Result<(), ChildError> {
    if std::path::Path::new(cwd).is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(cwd).map_err(|e| {
        ChildError::engine_message(format!("creating the working directory {cwd}: {e}"))
    })?;
    let _ = nix::unistd::chown(cwd, Some(Uid::from_raw(uid)), Some(Gid::from_raw(gid)));
    Ok(())
}

fn set_ids(user: &super::passwd::ResolvedUser) -> Result<(), ChildError> {
    let not_mapped = |what: &str, id: u32| {
        ChildError::engine_message(format!(
            "{what} {id} is not mapped in rcon's user namespace (a single-ID mapping maps only 0); add subordinate IDs for your user (see `rcon info`)"
        ))
    };
    // With a single-ID mapping the kernel denies setgroups(2); there are no other groups then.
    let groups: Vec<Gid> = user
        .additional_gids
        .iter()
        .map(|&g| Gid::from_raw(g))
        .collect();
    if !user.keep_groups
        && std::fs::read_to_string("/proc/self/setgroups")
            .map(|s| s.trim() == "allow")
            .unwrap_or(true)
    {
        nix::unistd::setgroups(&groups).map_err(|e| match e {
            Errno::EINVAL => not_mapped(
                "a supplementary group",
                user.additional_gids.first().copied().unwrap_or(0),
            ),
            e => ChildError::engine("setting supplementary groups")(e),
        })?;
    }
    nix::unistd::setgid(Gid::from_raw(user.gid)).map_err(|e| match e {
        Errno::EINVAL => not_mapped("group", user.gid),
        e => ChildError::engine("setting the group ID")(e),
    })?;
    nix::unistd::setuid(Uid::from_raw(user.uid)).map_err(|e| match e {
        Errno::EINVAL => not_mapped("user", user.uid),
        e => ChildError::engine("setting the user ID")(e),
    })
}

/// Marks every descriptor above 2 close-on-exec (the report pipe included,
/// which is how the parent learns the exec happened), but the `preserved`
/// ones from 3 on (`--preserve-fds`).
fn close_inherited_fds(preserved: u32) -> Result<(), ChildError> {
    // SAFETY: close_range takes plain integers; CLOSE_RANGE_CLOEXEC only sets flags.
    let r = unsafe {
        libc::syscall(
            libc::SYS_close_range,
            3u32.saturating_add(preserved),
            u32::MAX,
            libc::CLOSE_RANGE_CLOEXEC,
        )
    };
    Errno::result(r)
        .map(drop)
        .map_err(ChildError::engine("closing inherited descriptors"))
}

fn cstring(text: &str) -> Result<CString, ChildError> {
    CString::new(text)
        .map_err(|_| ChildError::engine_message(format!("{text:?} contains a NUL byte")))
}

/// Every signal back at its default action, as in a fresh process: rcon
/// (as any Rust program) ignores SIGPIPE, and an ignored signal stays
/// ignored across execve — `yes | head` in the container would spin.
/// The raw system call, because glibc refuses the real-time signals it
/// keeps for itself, and those can arrive ignored too.
fn default_signal_actions() {
    /// The kernel's `struct sigaction` (x86 and arm alike for SIG_DFL).
    #[repr(C)]
    struct KernelSigaction {
        handler: usize,
        flags: u64,
        restorer: usize,
        mask: u64,
    }
    let default = KernelSigaction {
        handler: 0, // SIG_DFL
        flags: 0,
        restorer: 0,
        mask: 0,
    };
    for sig in 1..=libc::SIGRTMAX() {
        if sig == libc::SIGKILL || sig == libc::SIGSTOP {
            continue;
        }
        // SAFETY: rt_sigaction reads a valid struct of the kernel's layout
        // and installs no handler code; the process execs right after.
        unsafe {
            libc::syscall(
                libc::SYS_rt_sigaction,
                sig,
                &default as *const KernelSigaction,
                std::ptr::null_mut::<KernelSigaction>(),
                8usize,
            );
        }
    }
}

/// execve of `command`, searched in the container's `PATH` when it has no `/`,
/// with Podman's exit codes: 127 when not found, 126 when it can't be run.
fn exec_in_path(
    command: &str,
    argv: &[CString],
    envp: &[CString],
) -> Result<Infallible, ChildError> {
    let candidates: Vec<String> = if command.contains('/') {
        vec![command.to_string()]
    } else {
        let path = envp
            .iter()
            .filter_map(|e| e.to_str().ok()?.strip_prefix("PATH="))
            .next()
            .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .to_string();
        path.split(':')
            .filter(|d| !d.is_empty())
            .map(|dir| format!("{dir}/{command}"))
            .collect()
    };
    let mut denied = false;
    for candidate in &candidates {
        let path = cstring(candidate)?;
        match nix::unistd::execve(&path, argv, envp) {
            Err(Errno::ENOENT | Errno::ENOTDIR) => continue,
            Err(Errno::EACCES) => denied = true,
            Err(errno) => {
                return Err(ChildError::with_code(
                    EXIT_CANNOT_INVOKE,
                    format!("{candidate}: cannot run: {}", errno.desc()),
                ));
            }
        }
    }
    match denied {
        // Podman's runtime's words, which scripts match: `exec: "/etc": permission denied`.
        true => Err(ChildError::with_code(
            EXIT_CANNOT_INVOKE,
            format!(
                "exec {command:?}: permission denied (not an executable file, or on a noexec mount)"
            ),
        )),
        false if command.contains('/') => Err(ChildError::with_code(
            EXIT_NOT_FOUND,
            format!("{command}: no such file or directory"),
        )),
        false => Err(ChildError::with_code(
            EXIT_NOT_FOUND,
            format!("{command}: executable file not found in $PATH"),
        )),
    }
}
