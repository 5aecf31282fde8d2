//! The container against its own user: what a hostile image can reach of
//! the user who runs it through rcon itself — the user's terminal, the host
//! rcon process and binary. Each case asserts on the host side.

use std::io::Write;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;
use crate::common::pty::Pty;
use crate::common::{TestEnv, exit_of, image_ref, run_detached, user_with_ranges};
use testkit::catalog;

/// `tests/it/attack/NAME.c` built as a static executable in the environment's
/// base directory (readable by the test user), to bind into a container:
/// busybox cannot make the system calls the attacks need.
fn static_helper(env: &TestEnv, name: &str) -> PathBuf {
    common::require_program("gcc");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/it/attack/{name}.c"));
    let binary = env.base.join(name);
    let built = Command::new("gcc")
        .args(["-static", "-Os", "-o"])
        .arg(&binary)
        .arg(&source)
        .output()
        .expect("running gcc");
    assert!(
        built.status.success(),
        "building {}: {}",
        source.display(),
        String::from_utf8_lossy(&built.stderr)
    );
    binary
}

/// Runs rcon with `args` on a new pty that is its controlling terminal,
/// as from a user's shell, typing `input` once `ready` shows; returns what
/// the terminal showed once rcon has exited, and the pty.
fn at_terminal(env: &TestEnv, args: &[&str], ready: &str, input: &[u8]) -> (String, Pty) {
    let mut pty = Pty::open(24, 80);
    let mut command = env.rcon();
    command.args(args);
    pty.attach(&mut command);
    let mut child = command.spawn().expect("starting rcon");
    let mut seen = String::new();
    if !input.is_empty() {
        assert!(pty.read_until(&mut seen, ready), "never {ready:?}: {seen}");
        pty.master.write_all(input).unwrap();
    }
    assert!(pty.read_until(&mut seen, "tty_nr="), "{seen}");
    let status = exit_of(&mut child);
    seen.push_str(&pty.read_available());
    assert_eq!(status.code(), Some(0), "{seen}");
    (seen, pty)
}

/// Bytes waiting to be read from the terminal by the next program reading
/// it — the user's shell, once rcon has exited.
fn pending_input(pty: &Pty) -> i32 {
    let mut bytes: libc::c_int = 0;
    // SAFETY: FIONREAD writes one int, which lives across the call.
    let done = unsafe { libc::ioctl(pty.slave.as_raw_fd(), libc::FIONREAD, &mut bytes) };
    assert_eq!(done, 0, "FIONREAD on the pty");
    bytes
}

/// What `tests/it/attack/terminal.c` reported in the container: nothing was
/// pushed into the terminal's input, the process leads a session of its own
/// and has no controlling terminal. And on the host: no input waits.
#[track_caller]
fn terminal_unreached(seen: &str, pty: &Pty) {
    assert!(!seen.contains("PUSHED"), "TIOCSTI went through: {seen}");
    assert_eq!(pending_input(pty), 0, "input was pushed: {seen}");
    let report = seen
        .lines()
        .find(|l| l.contains("tty_nr="))
        .unwrap_or_else(|| panic!("no report: {seen}"));
    let field = |name: &str| -> i64 {
        report
            .split_whitespace()
            .find_map(|f| f.trim().strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {report:?}"))
    };
    assert_eq!(field("tty_nr"), 0, "a controlling terminal: {report}");
    assert_eq!(
        field("sid"),
        field("pid"),
        "not in a session of its own: {report}"
    );
}

/// `rcon run -v HELPER:/inject:ro FLAGS BUSYBOX COMMAND...` through [`at_terminal`].
fn run_at_terminal(
    env: &TestEnv,
    helper: &Path,
    flags: &[&str],
    command: &[&str],
    input: &[u8],
) -> (String, Pty) {
    let volume = format!("{}:/inject:ro", helper.display());
    let image = image_ref(catalog::BUSYBOX);
    let mut args = vec!["run", "-v", &volume];
    args.extend(flags);
    args.push(&image);
    args.extend(command);
    at_terminal(env, &args, "ready", input)
}

/// A script that reads a line typed at the terminal, then tries the attack.
const READ_THEN_INJECT: &str = "echo ready; read line; echo got:$line; /inject";

#[test]
fn run_without_t_at_a_terminal_cannot_push_input_into_it() {
    let env = common::with_busybox(user_with_ranges());
    let helper = static_helper(&env, "terminal");
    // --rm runs straight on rcon's streams unless they are a terminal;
    // without it the output is logged through pipes, but /dev/tty is there.
    for flags in [&["--rm"][..], &[]] {
        let (seen, pty) = run_at_terminal(&env, &helper, flags, &["/inject"], b"");
        terminal_unreached(&seen, &pty);
    }
}

#[test]
fn run_i_without_t_at_a_terminal_relays_the_typing_and_not_the_terminal() {
    let env = common::with_busybox(user_with_ranges());
    let helper = static_helper(&env, "terminal");
    for flags in [&["-i", "--rm"][..], &["-i"]] {
        let command = ["sh", "-c", READ_THEN_INJECT];
        let (seen, pty) = run_at_terminal(&env, &helper, flags, &command, b"typed\n");
        assert!(
            seen.contains("got:typed"),
            "the typing went through: {seen}"
        );
        terminal_unreached(&seen, &pty);
    }
}

#[test]
fn exec_into_a_detached_container_at_a_terminal_cannot_push_input_into_it() {
    let env = TestEnv::new(user_with_ranges());
    let helper = static_helper(&env, "terminal");
    let volume = format!("{}:/inject:ro", helper.display());
    run_detached(&env, &["--name", "box", "-v", &volume], &["sleep", "600"]);
    let (seen, pty) = at_terminal(&env, &["exec", "box", "/inject"], "", b"");
    terminal_unreached(&seen, &pty);
    let (seen, pty) = at_terminal(
        &env,
        &["exec", "-i", "box", "sh", "-c", READ_THEN_INJECT],
        "ready",
        b"typed\n",
    );
    assert!(
        seen.contains("got:typed"),
        "the typing went through: {seen}"
    );
    terminal_unreached(&seen, &pty);
}

#[test]
fn init_holds_nothing_of_the_host_rcon() {
    let env = common::with_busybox(user_with_ranges());
    let script = "tr '\\0' '\\n' < /proc/1/environ; echo ---; tr '\\0' ' ' < /proc/1/cmdline; \
                  echo; echo ---; readlink /proc/1/exe; echo ---; grep -c rcon-test-bin /proc/1/maps; \
                  echo --- ; echo x >> /proc/1/exe && echo APPENDED; \
                  printf x | dd of=/proc/1/exe conv=notrunc 2>/dev/null && echo OVERWRITTEN; true";
    let image = image_ref(catalog::BUSYBOX);
    let args = ["run", "--rm", "--init", &image, "sh", "-c", script];
    let result = common::run_command(
        env.rcon()
            .env("RCON_HOST_MARKER", "host-environment-marker")
            .args(args),
        None,
        common::command_timeout(),
    )
    .unwrap();
    let out = &result.ok().stdout;
    let parts: Vec<&str> = out.split("---\n").collect();
    let [environ, cmdline, exe, maps, writes] = parts[..] else {
        panic!("{}", result.transcript());
    };
    assert!(
        !environ.contains("host-environment-marker") && !environ.contains("HOME="),
        "PID 1 has the host rcon's environment: {out}"
    );
    assert!(
        !cmdline.contains("--init") && !cmdline.contains(&image),
        "PID 1 has the host rcon's command line: {cmdline}"
    );
    assert!(
        exe.starts_with("/memfd:rcon-init"),
        "PID 1 runs the host binary: {exe}"
    );
    assert_eq!(maps.trim(), "0", "PID 1 maps the host rcon binary");
    assert_eq!(writes, "", "PID 1's executable was written to: {out}");
}

#[test]
fn exec_shows_the_container_nothing_of_the_host_rcon_before_its_exec() {
    let env = TestEnv::new(user_with_ranges());
    // The container holds the exec's process where it is still a fork of
    // rcon: its /etc/passwd, which that process reads before its exec, is
    // a FIFO nobody writes until the container has looked at the process.
    // Privileged, the container has every capability that process has, so
    // capabilities alone do not keep it out.
    let script = "cp /etc/passwd /passwd.orig && rm /etc/passwd && mkfifo /etc/passwd \
                  && exec 3>/etc/passwd; \
                  for d in /proc/[0-9]*; do \
                    [ \"$(cat $d/comm 2>/dev/null)\" = rcon ] || continue; \
                    echo \"found $d\"; tr '\\0' ' ' < $d/environ; echo; readlink $d/exe; \
                  done > /seen 2>&1; \
                  rm /etc/passwd && mv /passwd.orig /etc/passwd && cat /etc/passwd >&3; \
                  exec 3>&-; exec sleep 1000";
    run_detached(
        &env,
        &["--name", "box", "--privileged"],
        &["sh", "-c", script],
    );
    let exec = common::run_command(
        env.rcon()
            .env("RCON_HOST_MARKER", "host-environment-marker")
            .args(["exec", "box", "true"]),
        None,
        common::command_timeout(),
    )
    .unwrap();
    exec.ok();
    let seen = env
        .run(&["exec", "box", "cat", "/seen"])
        .ok()
        .stdout
        .clone();
    assert!(
        seen.contains("found /proc/"),
        "the process was not seen: {seen}"
    );
    assert!(
        !seen.contains("host-environment-marker"),
        "the container read the host rcon's environment: {seen}"
    );
    assert!(
        !seen.contains(&common::rcon_bin().display().to_string()),
        "the container reached the host rcon binary: {seen}"
    );
}

#[test]
fn the_command_holds_no_descriptor_of_rcon() {
    let env = common::with_busybox(user_with_ranges());
    let image = image_ref(catalog::BUSYBOX);
    // `ls` opens the directory it lists as 3; anything more came from rcon.
    let listed = |args: &[&str]| {
        env.run(args)
            .ok()
            .stdout
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for flags in [&["--rm"][..], &[], &["--rm", "--init"], &["--rm", "-i"]] {
        let mut args = vec!["run"];
        args.extend(flags);
        args.extend([image.as_str(), "ls", "/proc/self/fd"]);
        assert_eq!(listed(&args), "0 1 2 3", "run {flags:?}");
    }
    run_detached(&env, &["--name", "box", "--init"], &["sleep", "1000"]);
    assert_eq!(listed(&["exec", "box", "ls", "/proc/self/fd"]), "0 1 2 3");
    // rcon-init, PID 1, and the command under it.
    assert_eq!(listed(&["exec", "box", "ls", "/proc/1/fd"]), "0 1 2");
    assert_eq!(listed(&["exec", "box", "ls", "/proc/2/fd"]), "0 1 2");
}
