//! The shared integration-test harness: `mod common;` in a file of `tests/`.
//!
//! Every test runs rcon as an unprivileged user:
//!
//! - [`user_with_ranges`] / [`user_without_ranges`]: the test users (created
//!   on demand when the tests run as root).
//! - [`TestEnv`]: one isolated HOME + XDG_RUNTIME_DIR per test, cleaned up on
//!   drop; [`TestEnv::run`] runs rcon as the test user.
//! - [`registry`]: a local registry with every `testkit` test image, started
//!   once per test process; [`image_ref`] names an image in it.
//! - [`require_program`]: fail early and clearly when the host lacks a tool.
//!
//! Environment knobs: `RCON_TEST_TIMEOUT` (seconds one rcon command may take,
//! default 180).

#![allow(dead_code)]

pub mod pty;

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Once, OnceLock, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use testkit::host::{self, Passwd, SubIdRange};
use testkit::tmp::{ScratchDir, remove_dir, sweep_stale};
use testkit::{Image, Registry, RegistryOptions};

/// `PATH` of every command run as the test user.
pub const TEST_PATH: &str = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
/// The test user with subordinate ID ranges (created when running as root).
pub const USER_WITH_RANGES: &str = "rcontest";
/// The test user without subordinate ID ranges (created when running as root).
pub const USER_WITHOUT_RANGES: &str = "rcontest-nosub";
/// What to run when the host lacks something.
pub const SETUP_HINT: &str = "sudo contrib/setup-host.sh";
/// Subordinate IDs a test user needs: enough to map 0..=65535 in the container.
pub const SUBID_COUNT: u64 = 65536;

const ENV_PREFIX: &str = "rcon-test-env";
const BIN_PREFIX: &str = "rcon-test-bin";
const PAUSE_PID_FILE: &str = "rcon/pause.pid";
/// How long `rcon system reset --force` may take in [`TestEnv`]'s drop.
const RESET_TIMEOUT: Duration = Duration::from_secs(60);
/// How long, after rcon exits, its stdout/stderr may stay open (held by a
/// process it started) before that counts as a bug.
const PIPE_GRACE: Duration = Duration::from_secs(5);

// ---------------------------------------------------------------------------
// Users

/// A user that the tests run rcon as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestUser {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    /// True if the user has at least [`SUBID_COUNT`] subordinate UIDs and GIDs.
    pub has_ranges: bool,
    /// Not root, so no second user can be made: the tests' own user stands in
    /// for one without ranges, with rcon pointed at empty subid files
    /// (`RCON_SUBUID_FILE`/`RCON_SUBGID_FILE`).
    pub ranges_hidden: bool,
}

fn total(ranges: &[SubIdRange]) -> u64 {
    ranges.iter().map(|r| r.count).sum()
}

fn ranges(file: &str, user: &Passwd) -> Vec<SubIdRange> {
    host::subid_ranges(Path::new(file), user).unwrap_or_else(|e| panic!("{e:#}"))
}

fn has_ranges(user: &Passwd) -> bool {
    total(&ranges("/etc/subuid", user)) >= SUBID_COUNT
        && total(&ranges("/etc/subgid", user)) >= SUBID_COUNT
}

fn test_user(user: &Passwd) -> TestUser {
    TestUser {
        name: user.name.clone(),
        uid: user.uid,
        gid: user.gid,
        has_ranges: has_ranges(user),
        ranges_hidden: false,
    }
}

/// Runs a root-only administration command, panicking with its output if it
/// fails.
fn admin(program: &str, args: &[&str]) {
    let output = Command::new(program)
        .args(args)
        .env("PATH", TEST_PATH)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{program}`: {e} (install it with {SETUP_HINT})"));
    if !output.status.success() {
        panic!(
            "`{program} {}` failed ({}): {}{}",
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// Serialises user administration between test processes run in parallel.
fn users_lock() -> fs::File {
    host::lock_file(&std::env::temp_dir().join("rcon-test-users.lock"))
        .unwrap_or_else(|e| panic!("{e:#}"))
}

fn lookup(name: &str) -> Passwd {
    host::user_by_name(name).unwrap_or_else(|| panic!("user {name} does not exist after useradd"))
}

/// The first ID after every range in /etc/subuid and /etc/subgid (at least
/// 100000), where a new range can start without overlapping any.
fn free_subid_start() -> u64 {
    ["/etc/subuid", "/etc/subgid"]
        .iter()
        .flat_map(|file| host::subid_file(Path::new(file)).unwrap_or_else(|e| panic!("{e:#}")))
        .map(|(_, range)| range.end())
        .fold(100_000, u64::max)
}

/// A user with /etc/subuid and /etc/subgid ranges: as root, `rcontest`
/// (created if missing, ranges added if missing); as another user, that user
/// itself, which must have ranges.
pub fn user_with_ranges() -> &'static TestUser {
    static USER: OnceLock<TestUser> = OnceLock::new();
    USER.get_or_init(|| {
        if host::is_root() {
            ensure_user_with_ranges()
        } else {
            current_user_with_ranges()
        }
    })
}

fn ensure_user_with_ranges() -> TestUser {
    let _lock = users_lock();
    if host::user_by_name(USER_WITH_RANGES).is_none() {
        admin("useradd", &["-M", "-s", "/bin/sh", USER_WITH_RANGES]);
    }
    let user = lookup(USER_WITH_RANGES);
    for (file, flag) in [
        ("/etc/subuid", "--add-subuids"),
        ("/etc/subgid", "--add-subgids"),
    ] {
        if total(&ranges(file, &user)) < SUBID_COUNT {
            let start = free_subid_start();
            let range = format!("{start}-{}", start + SUBID_COUNT - 1);
            admin("usermod", &[flag, &range, USER_WITH_RANGES]);
        }
    }
    let test_user = test_user(&user);
    assert!(
        test_user.has_ranges,
        "{USER_WITH_RANGES} still lacks {SUBID_COUNT} subordinate IDs in /etc/subuid and /etc/subgid"
    );
    test_user
}

fn current_user_with_ranges() -> TestUser {
    let uid = host::euid();
    let user = host::user_by_uid(uid)
        .unwrap_or_else(|| panic!("the current UID {uid} has no passwd entry"));
    let test_user = test_user(&user);
    if !test_user.has_ranges {
        panic!(
            "user {name} needs {SUBID_COUNT} subordinate UIDs and GIDs to run the tests, \
             but /etc/subuid or /etc/subgid lacks them; run `{SETUP_HINT}` \
             (or `sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {name}`), \
             or run the tests as root, which creates a test user",
            name = user.name
        );
    }
    test_user
}

/// A user without subordinate ID ranges: as root `rcontest-nosub`, created
/// and stripped of any ranges; otherwise the current user with its ranges
/// hidden from rcon (see [`TestUser::ranges_hidden`]).
pub fn user_without_ranges() -> &'static TestUser {
    static USER: OnceLock<TestUser> = OnceLock::new();
    USER.get_or_init(|| {
        if !host::is_root() {
            let uid = host::euid();
            let user = host::user_by_uid(uid)
                .unwrap_or_else(|| panic!("the current UID {uid} has no passwd entry"));
            return TestUser {
                has_ranges: false,
                ranges_hidden: true,
                ..test_user(&user)
            };
        }
        let _lock = users_lock();
        if host::user_by_name(USER_WITHOUT_RANGES).is_none() {
            admin(
                "useradd",
                &[
                    "-M",
                    "-s",
                    "/bin/sh",
                    "-K",
                    "SUB_UID_COUNT=0",
                    "-K",
                    "SUB_GID_COUNT=0",
                    USER_WITHOUT_RANGES,
                ],
            );
        }
        let user = lookup(USER_WITHOUT_RANGES);
        for (file, flag) in [
            ("/etc/subuid", "--del-subuids"),
            ("/etc/subgid", "--del-subgids"),
        ] {
            for range in ranges(file, &user) {
                let range = format!("{}-{}", range.start, range.end() - 1);
                admin("usermod", &[flag, &range, USER_WITHOUT_RANGES]);
            }
        }
        let left: Vec<_> = [ranges("/etc/subuid", &user), ranges("/etc/subgid", &user)].concat();
        assert!(
            left.is_empty(),
            "{USER_WITHOUT_RANGES} still has subordinate ID ranges: {left:?}"
        );
        test_user(&user)
    })
}

// ---------------------------------------------------------------------------
// Host

/// Panics, naming the setup command, unless `name` is an executable in
/// [`TEST_PATH`].
pub fn require_program(name: &str) {
    if host::find_program(name, TEST_PATH).is_none() {
        panic!(
            "this test needs `{name}`, which is not installed (looked in {TEST_PATH}); \
             run `{SETUP_HINT}` to install the host components"
        );
    }
}

/// The host's `/usr` mounted read-only at /host-usr, and its nsswitch.conf:
/// the flags that let a container run a host program with [`host_program`].
pub const HOST_USR: [&str; 4] = [
    "-v",
    "/usr:/host-usr:ro",
    "-v",
    "/etc/nsswitch.conf:/etc/nsswitch.conf:ro",
];

/// A shell command running the host's `/usr/PROGRAM ARGS` (`PROGRAM` as
/// `bin/socat` or `sbin/xfs_io`) in a container with [`HOST_USR`], through
/// the host's dynamic loader: for what busybox lacks (a UDP server, xattr
/// tools, xfs_io), and because its static wget crashes in glibc's name lookup.
pub fn host_program(program: &str, args: &str) -> String {
    let loader = fs::canonicalize("/lib64/ld-linux-x86-64.so.2").unwrap();
    let libraries = loader
        .parent()
        .unwrap()
        .strip_prefix("/usr")
        .unwrap()
        .to_owned();
    let loader = loader.strip_prefix("/usr").unwrap().to_owned();
    format!(
        "/host-usr/{} --library-path /host-usr/{} /host-usr/{program} {args}",
        loader.display(),
        libraries.display()
    )
}

/// The directory under which test environments and the rcon copy live: the
/// temp dir, which (when root runs the tests as other users) every test user
/// must be able to traverse.
fn scratch_parent() -> PathBuf {
    let dir = std::env::temp_dir();
    if !host::is_root() {
        return dir;
    }
    for ancestor in dir.ancestors() {
        let mode = fs::metadata(ancestor)
            .unwrap_or_else(|e| panic!("cannot stat {}: {e}", ancestor.display()))
            .permissions()
            .mode();
        if mode & 0o001 == 0 {
            panic!(
                "the test users cannot traverse {} (mode {:o}) on the way to the temp dir {}; \
                 point TMPDIR at a directory whose every parent is o+x (e.g. /tmp)",
                ancestor.display(),
                mode & 0o7777,
                dir.display()
            );
        }
    }
    dir
}

/// The rcon binary, copied once per test process into a directory every test
/// user can read and execute (0755). Leftovers of exited test processes are
/// removed on the next run.
pub fn rcon_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let source = Path::new(env!("CARGO_BIN_EXE_rcon"));
        let parent = scratch_parent();
        sweep_stale(BIN_PREFIX, |_| {});
        let dir = ScratchDir::new_in(&parent, BIN_PREFIX, 0o755)
            .unwrap_or_else(|e| panic!("{e:#}"))
            .into_path();
        let bin = dir.join("rcon");
        fs::copy(source, &bin)
            .unwrap_or_else(|e| panic!("copying {} to {}: {e}", source.display(), bin.display()));
        fs::set_permissions(&bin, fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("chmod 0755 {}: {e}", bin.display()));
        bin
    })
}

// ---------------------------------------------------------------------------
// Registry

/// The test images (`testkit::test_images()`), built once per test process.
pub fn images() -> &'static [Image] {
    static IMAGES: OnceLock<Vec<Image>> = OnceLock::new();
    IMAGES.get_or_init(|| {
        testkit::test_images().unwrap_or_else(|e| panic!("building the test images: {e:#}"))
    })
}

/// One test image by full name, e.g. `testkit::catalog::BUSYBOX`.
pub fn image(name: &str) -> &'static Image {
    images()
        .iter()
        .find(|image| image.name == name)
        .unwrap_or_else(|| panic!("there is no test image {name:?}"))
}

/// A registry with every test image pushed, started once per test process
/// and killed when the process exits. Returns `127.0.0.1:PORT`.
pub fn registry() -> &'static str {
    static REGISTRY: OnceLock<Result<String, String>> = OnceLock::new();
    let result = REGISTRY.get_or_init(|| {
        let images = images();
        let (tx, rx) = mpsc::channel();
        // The registry gets PR_SET_PDEATHSIG tied to this thread, which never
        // ends: it dies with the test process, whatever the process does.
        thread::Builder::new()
            .name("rcon-test-registry".into())
            .spawn(move || {
                let options = RegistryOptions {
                    die_with_thread: true,
                    ..RegistryOptions::default()
                };
                let started = Registry::start_with(&options).and_then(|registry| {
                    testkit::push_all(&registry.addr, images).map(|()| registry)
                });
                match started {
                    Ok(registry) => {
                        let _ = tx.send(Ok(registry.addr.clone()));
                        loop {
                            thread::park();
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Err(format!("{e:#}")));
                    }
                }
            })
            .expect("spawning the registry thread");
        rx.recv()
            .unwrap_or_else(|_| Err("the registry thread ended without an answer".into()))
    });
    match result {
        Ok(addr) => addr,
        Err(e) => panic!("the test registry could not be started: {e}"),
    }
}

/// `rcon run --tls-verify=false -q FLAGS IMAGE ARGS...` for the test image
/// `image` of [`registry`] (`flags` say `--rm` or `-d`).
pub fn run_image(env: &TestEnv, flags: &[&str], image: &str, args: &[&str]) -> RunResult {
    let reference = image_ref(image);
    let mut all = vec!["run", "--tls-verify=false", "-q"];
    all.extend_from_slice(flags);
    all.push(&reference);
    all.extend_from_slice(args);
    env.run(&all)
}

/// The output of a command that must succeed, without its last newlines.
pub fn stdout(result: &RunResult) -> String {
    result.ok().stdout.trim_end().to_string()
}

/// `127.0.0.1:PORT/NAME:latest` for a test image in [`registry`], e.g.
/// `image_ref(testkit::catalog::BUSYBOX)`.
pub fn image_ref(name: &str) -> String {
    image(name).reference(registry())
}

/// A TCP port free on 127.0.0.1 right now, to publish a container's port on.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A plain HTTP server (python3's `http.server`) serving the files of a
/// directory on 127.0.0.1, with their `Last-Modified` times; stopped when
/// dropped.
pub struct HttpServer {
    child: std::process::Child,
    pub port: u16,
}

impl HttpServer {
    pub fn serve(dir: &Path) -> HttpServer {
        require_program("python3");
        let port = free_port();
        let child = std::process::Command::new("python3")
            .args([
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                &port.to_string(),
            ])
            .current_dir(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("starting python3 -m http.server");
        eventually("the HTTP server listens", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        HttpServer { child, port }
    }

    /// `http://127.0.0.1:PORT/PATH`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------
// Running commands

/// What a command did.
#[derive(Clone, Debug)]
pub struct RunResult {
    pub status: ExitStatus,
    /// The exit code; `None` if the process was killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// The command line, for messages.
    pub command: String,
}

impl RunResult {
    pub fn success(&self) -> bool {
        self.status.success()
    }

    /// Panics, showing the output, unless the command succeeded.
    #[track_caller]
    pub fn ok(&self) -> &Self {
        if !self.status.success() {
            panic!(
                "`{}` failed ({}):\n{}",
                self.command,
                self.status,
                self.transcript()
            );
        }
        self
    }

    /// Panics, showing the output, unless the command exited with `code`.
    #[track_caller]
    pub fn code_is(&self, code: i32) -> &Self {
        if self.code != Some(code) {
            panic!(
                "`{}` should exit {code} but ended with {}:\n{}",
                self.command,
                self.status,
                self.transcript()
            );
        }
        self
    }

    /// stdout and stderr, labelled.
    pub fn transcript(&self) -> String {
        format!("--- stdout\n{}--- stderr\n{}---", self.stdout, self.stderr)
    }
}

/// The default limit on one command, `RCON_TEST_TIMEOUT` seconds or 180.
pub fn command_timeout() -> Duration {
    let secs = std::env::var("RCON_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(180);
    Duration::from_secs(secs)
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

fn reader(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    if let Some(mut pipe) = pipe {
        thread::spawn(move || {
            let mut data = Vec::new();
            let _ = pipe.read_to_end(&mut data);
            let _ = tx.send(data);
        });
    } else {
        let _ = tx.send(Vec::new());
    }
    rx
}

/// Runs `command` to completion with `input` on stdin (none: /dev/null),
/// capturing its output. Errors (rather than hanging) if it runs longer than
/// `timeout` (it is killed), or if its stdout/stderr stay open for long after
/// it exits — a process it left behind holds them, which would hang a shell
/// capturing rcon's output too.
pub fn run_command(
    command: &mut Command,
    input: Option<&[u8]>,
    timeout: Duration,
) -> Result<RunResult, String> {
    let line = describe(command);
    command
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child: Child = command
        .spawn()
        .map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        let input = input.to_vec();
        thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let stdout = reader(child.stdout.take());
    let stderr = reader(child.stderr.take());

    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                let out = stdout.recv_timeout(PIPE_GRACE).unwrap_or_default();
                let err = stderr.recv_timeout(PIPE_GRACE).unwrap_or_default();
                return Err(format!(
                    "`{line}` did not finish within {timeout:?} and was killed\n--- stdout\n{}--- stderr\n{}---",
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(&err)
                ));
            }
            Err(e) => return Err(format!("waiting for `{line}`: {e}")),
        }
    };
    let grace = Instant::now() + PIPE_GRACE;
    let collect = |rx: &mpsc::Receiver<Vec<u8>>, name: &str| {
        rx.recv_timeout(grace.saturating_duration_since(Instant::now()))
            .map(|data| String::from_utf8_lossy(&data).into_owned())
            .map_err(|_| {
                format!(
                    "`{line}` exited ({status}) but its {name} stayed open for {PIPE_GRACE:?}: \
                     a process it started still holds the caller's {name}"
                )
            })
    };
    let stdout = collect(&stdout, "stdout")?;
    let stderr = collect(&stderr, "stderr")?;
    Ok(RunResult {
        code: status.code(),
        status,
        stdout,
        stderr,
        command: line,
    })
}

// ---------------------------------------------------------------------------
// Test environments

/// One isolated environment per test: a base directory of its own with a
/// HOME and an XDG_RUNTIME_DIR owned by the test user (0700).
/// `XDG_DATA_HOME` and `XDG_CONFIG_HOME` are left unset, so they default to
/// `HOME/.local/share` and `HOME/.config`.
#[derive(Debug)]
pub struct TestEnv {
    pub user: &'static TestUser,
    /// `<temp dir>/rcon-test-env-...`, mode 0755, owned by the test process.
    pub base: PathBuf,
    pub home: PathBuf,
    pub runtime_dir: PathBuf,
}

/// Removes environments of test processes that were killed before they could
/// clean up (stopping their pause processes first).
fn sweep_stale_envs() {
    static SWEEP: Once = Once::new();
    SWEEP.call_once(|| {
        sweep_stale(ENV_PREFIX, |dir| kill_pause(&dir.join("run")));
    });
}

/// SIGKILLs the pause process recorded in `runtime_dir`, if it still runs.
fn kill_pause(runtime_dir: &Path) {
    let Ok(record) = fs::read_to_string(runtime_dir.join(PAUSE_PID_FILE)) else {
        return;
    };
    let mut fields = record.split_whitespace();
    let Some(pid) = fields.next().and_then(|p| p.parse::<i32>().ok()) else {
        return;
    };
    let start_time = fields.next().and_then(|s| s.parse::<u64>().ok());
    host::kill_process(pid, start_time);
}

fn private_dir(path: &Path, user: &TestUser) {
    fs::create_dir(path).unwrap_or_else(|e| panic!("creating {}: {e}", path.display()));
    fs::set_permissions(path, fs::Permissions::from_mode(0o700))
        .unwrap_or_else(|e| panic!("chmod 0700 {}: {e}", path.display()));
    if host::is_root() {
        std::os::unix::fs::chown(path, Some(user.uid), Some(user.gid))
            .unwrap_or_else(|e| panic!("chown {}:{} {}: {e}", user.uid, user.gid, path.display()));
    }
}

impl TestEnv {
    pub fn new(user: &'static TestUser) -> TestEnv {
        if !host::is_root() && user.uid != host::euid() {
            panic!(
                "a test process running as UID {} can only run rcon as itself, not as {}",
                host::euid(),
                user.name
            );
        }
        sweep_stale_envs();
        let base = ScratchDir::new_in(&scratch_parent(), ENV_PREFIX, 0o755)
            .unwrap_or_else(|e| panic!("{e:#}"))
            .into_path();
        let home = base.join("home");
        let runtime_dir = base.join("run");
        private_dir(&home, user);
        private_dir(&runtime_dir, user);
        TestEnv {
            user,
            base,
            home,
            runtime_dir,
        }
    }

    /// `HOME/.local/share/rcon`, where rcon keeps images and containers.
    pub fn data_dir(&self) -> PathBuf {
        self.home.join(".local/share/rcon")
    }

    /// `HOME/.config`, the default `XDG_CONFIG_HOME`.
    pub fn config_dir(&self) -> PathBuf {
        self.home.join(".config")
    }

    fn prepare(&self, command: &mut Command) {
        self.prepare_env(command);
        if host::is_root() {
            // With a UID set, std also drops the supplementary groups.
            command.uid(self.user.uid).gid(self.user.gid);
        }
    }

    /// Everything of [`TestEnv::prepare`] but the change of user.
    fn prepare_env(&self, command: &mut Command) {
        command
            .env_clear()
            .env("HOME", &self.home)
            .env("USER", &self.user.name)
            .env("LOGNAME", &self.user.name)
            .env("PATH", TEST_PATH)
            .env("XDG_RUNTIME_DIR", &self.runtime_dir)
            .env("LANG", "C.UTF-8")
            .current_dir(&self.home)
            .stdin(Stdio::null());
        if self.user.ranges_hidden {
            let empty = self.base.join("no-subids");
            fs::write(&empty, "").unwrap_or_else(|e| panic!("writing {}: {e}", empty.display()));
            command
                .env("RCON_SUBUID_FILE", &empty)
                .env("RCON_SUBGID_FILE", &empty);
        }
    }

    /// A command for the rcon binary, run as the test user with a cleared
    /// environment (HOME, USER, LOGNAME, PATH, XDG_RUNTIME_DIR, LANG), in
    /// HOME, with stdin from /dev/null.
    pub fn rcon(&self) -> Command {
        let mut command = Command::new(rcon_bin());
        self.prepare(&mut command);
        command
    }

    /// [`TestEnv::rcon`], started inside the cgroup v2 directory `cgroup`
    /// (see [`DelegatedCgroup`]): the process moves itself there while still
    /// root (moving needs the common ancestor's `cgroup.procs`, root's),
    /// then `setpriv` becomes the test user, as a login into a delegated
    /// session would.
    pub fn rcon_in_cgroup(&self, cgroup: &Path) -> Command {
        assert!(
            host::is_root(),
            "only root can start a process in a delegated cgroup"
        );
        let mut command = Command::new("setpriv");
        self.prepare_env(&mut command);
        command
            .arg(format!("--reuid={}", self.user.uid))
            .arg(format!("--regid={}", self.user.gid))
            .arg("--clear-groups")
            .arg("--")
            .arg(rcon_bin());
        let procs = std::ffi::CString::new(
            cgroup
                .join("cgroup.procs")
                .into_os_string()
                .into_encoded_bytes(),
        )
        .expect("a cgroup path without NUL");
        // SAFETY: between fork and exec the closure only calls open, write
        // and close on memory prepared before the fork (no allocation).
        unsafe {
            command.pre_exec(move || {
                let fd = libc::open(procs.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
                if fd < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                let written = libc::write(fd, b"0".as_ptr().cast(), 1);
                let error = std::io::Error::last_os_error();
                libc::close(fd);
                if written == 1 { Ok(()) } else { Err(error) }
            });
        }
        command
    }

    /// Runs rcon with `args` inside `cgroup` ([`TestEnv::rcon_in_cgroup`]).
    #[track_caller]
    pub fn run_in_cgroup(&self, cgroup: &Path, args: &[&str]) -> RunResult {
        match run_command(
            self.rcon_in_cgroup(cgroup).args(args),
            None,
            command_timeout(),
        ) {
            Ok(result) => result,
            Err(e) => panic!("{e}"),
        }
    }

    /// The same for any program.
    pub fn command_as_user(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        self.prepare(&mut command);
        command
    }

    /// Runs rcon with `args` and returns what it did; a non-zero exit is not
    /// a panic (callers assert), but failing to start, running longer than
    /// [`command_timeout`], or leaving stdout/stderr held open is.
    #[track_caller]
    pub fn run(&self, args: &[&str]) -> RunResult {
        match run_command(self.rcon().args(args), None, command_timeout()) {
            Ok(result) => result,
            Err(e) => panic!("{e}"),
        }
    }

    /// [`TestEnv::run`] with `input` on stdin.
    #[track_caller]
    pub fn run_with_input(&self, args: &[&str], input: &[u8]) -> RunResult {
        match run_command(self.rcon().args(args), Some(input), command_timeout()) {
            Ok(result) => result,
            Err(e) => panic!("{e}"),
        }
    }
}

/// A new [`TestEnv`] for `user` with the busybox test image already pulled.
pub fn with_busybox(user: &'static TestUser) -> TestEnv {
    let env = TestEnv::new(user);
    env.run(&[
        "pull",
        "-q",
        "--tls-verify=false",
        &image_ref(testkit::catalog::BUSYBOX),
    ])
    .ok();
    env
}

/// `rcon run -d IMAGE ARGS...` with `flags`; returns the container ID.
pub fn run_detached(env: &TestEnv, flags: &[&str], args: &[&str]) -> String {
    new_container(env, &["run", "-d"], flags, args)
}

/// `rcon create IMAGE ARGS...` (busybox) with `flags`; returns the container ID.
pub fn create(env: &TestEnv, flags: &[&str], args: &[&str]) -> String {
    new_container(env, &["create"], flags, args)
}

/// `rcon VERB... FLAGS BUSYBOX ARGS...`; returns the container ID it prints.
fn new_container(env: &TestEnv, verb: &[&str], flags: &[&str], args: &[&str]) -> String {
    let reference = image_ref(testkit::catalog::BUSYBOX);
    let mut all = verb.to_vec();
    all.extend_from_slice(&["--tls-verify=false", "-q"]);
    all.extend_from_slice(flags);
    all.push(&reference);
    all.extend_from_slice(args);
    let result = env.run(&all);
    let id = result.ok().stdout.trim().to_string();
    assert_eq!(
        id.len(),
        64,
        "{} prints the full ID: {}",
        verb.join(" "),
        result.transcript()
    );
    id
}

/// Runs `count` instances of `rcon ARGS...` at once; returns what each did.
pub fn concurrently(env: &TestEnv, args: &[&str], count: usize) -> Vec<std::process::Output> {
    let children: Vec<Child> = (0..count)
        .map(|_| {
            env.rcon()
                .args(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("starting rcon")
        })
        .collect();
    children
        .into_iter()
        .map(|child| child.wait_with_output().expect("waiting for rcon"))
        .collect()
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        // Best effort: rcon removes its storage (files owned by subordinate
        // IDs included) and stops the pause process.
        let mut reset = self.rcon();
        reset.args(["system", "reset", "--force"]);
        match run_command(&mut reset, None, RESET_TIMEOUT) {
            Ok(result) if result.success() => {}
            Ok(result) => eprintln!(
                "TestEnv cleanup: `rcon system reset --force` failed ({}): {}",
                result.status,
                result.stderr.trim()
            ),
            Err(e) => eprintln!("TestEnv cleanup: {e}"),
        }
        kill_pause(&self.runtime_dir);
        if host::is_root() {
            remove_dir(&self.base);
        } else if let Err(e) = fs::remove_dir_all(&self.base) {
            eprintln!(
                "TestEnv cleanup: could not remove all of {}: {e}",
                self.base.display()
            );
        }
    }
}

// ---------------------------------------------------------------------------
// FUSE servers

/// The rcon-fuse processes whose working directory is under `base`.
pub fn fuse_servers(base: &Path) -> Vec<i32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let comm = std::fs::read_to_string(entry.path().join("comm")).unwrap_or_default();
        let cwd = std::fs::read_link(entry.path().join("cwd")).unwrap_or_default();
        if comm.trim() == "rcon-fuse" && cwd.starts_with(base) {
            found.push(pid);
        }
    }
    found
}

/// Waits (boundedly) until no FUSE server of this environment is left.
pub fn servers_gone(base: &Path) -> bool {
    for _ in 0..200 {
        if fuse_servers(base).is_empty() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

/// A cgroup v2 subtree delegated to a test user, as an administrator
/// delegates one (`contrib/setup-host.sh --delegate-cgroup`): a directory
/// made by root under the host's cgroup v2 (mounted at /sys/fs/cgroup, or at
/// /sys/fs/cgroup/unified beside v1 controllers, where it is mounted when
/// missing), owned by the user with its `cgroup.procs`,
/// `cgroup.subtree_control` and `cgroup.threads`. Its processes are killed
/// and it is removed on drop.
pub struct DelegatedCgroup {
    pub dir: PathBuf,
}

impl DelegatedCgroup {
    pub fn new(user: &TestUser) -> DelegatedCgroup {
        assert!(host::is_root(), "only root can delegate a cgroup");
        let is_cgroup2 = |path: &str| {
            Command::new("stat")
                .args(["-f", "-c", "%T", path])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "cgroup2fs")
        };
        let mount = if is_cgroup2("/sys/fs/cgroup") {
            "/sys/fs/cgroup"
        } else {
            let hybrid = "/sys/fs/cgroup/unified";
            if !is_cgroup2(hybrid) {
                fs::create_dir_all(hybrid).expect("making /sys/fs/cgroup/unified");
                let status = Command::new("mount")
                    .args(["-t", "cgroup2", "none", hybrid])
                    .status()
                    .expect("running mount");
                assert!(status.success(), "mounting cgroup2 at {hybrid}");
            }
            hybrid
        };
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = Path::new(mount).join(format!("rcon-test-{}-{n}", std::process::id()));
        fs::create_dir(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        for path in [
            dir.clone(),
            dir.join("cgroup.procs"),
            dir.join("cgroup.subtree_control"),
            dir.join("cgroup.threads"),
        ] {
            std::os::unix::fs::chown(&path, Some(user.uid), Some(user.gid))
                .unwrap_or_else(|e| panic!("chown {}: {e}", path.display()));
        }
        DelegatedCgroup { dir }
    }

    /// The cgroups below the delegated one (the containers' and their leaves).
    pub fn children(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut dirs = vec![self.dir.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    found.push(entry.path());
                    dirs.push(entry.path());
                }
            }
        }
        found
    }
}

impl Drop for DelegatedCgroup {
    fn drop(&mut self) {
        let _ = fs::write(self.dir.join("cgroup.kill"), "1");
        let mut children = self.children();
        // Deepest first.
        children.sort_by_key(|p| std::cmp::Reverse(p.components().count()));
        let deadline = Instant::now() + Duration::from_secs(10);
        for dir in children.iter().chain([&self.dir]) {
            while fs::remove_dir(dir).is_err() && dir.exists() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
}

/// A venv at `base/venv` (made with the system's python3, so the test user
/// can run what it holds) with `package` installed from PyPI; returns the venv.
pub fn pip_install(base: &Path, package: &str) -> PathBuf {
    let venv = base.join("venv");
    let installed = Command::new("/usr/bin/python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .is_ok_and(|s| s.success())
        && Command::new(venv.join("bin/python"))
            .args(["-m", "pip", "install", "--quiet", package])
            .status()
            .is_ok_and(|s| s.success());
    assert!(installed, "installing {package} into {}", venv.display());
    venv
}

/// Waits (at most a minute) until `test` holds.
#[track_caller]
pub fn eventually(what: &str, mut test: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !test() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits (at most a minute) for `child` to exit.
pub fn exit_of(child: &mut std::process::Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("rcon did not return within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
