//! `rcon run -it` driven through a real pty, as a person at a terminal would.

use std::io::Write;
use std::process::Child;

use crate::common;
use crate::common::pty::Pty;
use crate::common::{TestEnv, image_ref, user_with_ranges};
use nix::sys::signal::{Signal, kill};
use nix::sys::termios::{LocalFlags, tcgetattr};
use nix::unistd::Pid;
use testkit::catalog;

#[test]
fn run_it_gives_a_terminal_with_the_callers_size_and_restores_the_mode() {
    let env = common::with_busybox(user_with_ranges());
    let mut pty = Pty::open(31, 101);
    let before = tcgetattr(&pty.slave).unwrap();
    assert!(
        before.local_flags.contains(LocalFlags::ECHO),
        "a fresh pty echoes"
    );
    let mut command = env.rcon();
    command.args(["run", "--rm", "-it", &image_ref(catalog::BUSYBOX), "sh"]);
    let (code, seen) = pty.shell_session(&mut command, |pty| {
        let during = tcgetattr(&pty.slave).unwrap();
        assert!(
            !during.local_flags.contains(LocalFlags::ECHO),
            "rcon puts the caller's terminal in raw mode"
        );
    });
    assert_eq!(code, Some(3), "{seen}");
    assert!(
        seen.contains("31 101"),
        "the container's terminal has the caller's size: {seen}"
    );
    assert!(
        seen.contains("/dev/pts/0"),
        "a pty of the container's own devpts: {seen}"
    );
    let after = tcgetattr(&pty.slave).unwrap();
    assert_eq!(
        after.local_flags, before.local_flags,
        "the terminal mode is restored"
    );
    assert_eq!(after.input_flags, before.input_flags);
    assert_eq!(after.output_flags, before.output_flags);
}

/// The parts of a terminal's mode that raw mode changes.
fn mode(
    pty: &Pty,
) -> (
    LocalFlags,
    nix::sys::termios::InputFlags,
    nix::sys::termios::OutputFlags,
) {
    let now = tcgetattr(&pty.slave).unwrap();
    (now.local_flags, now.input_flags, now.output_flags)
}

/// Starts `rcon run -it FLAGS IMAGE ARGS...` on `pty` and waits for `ready`
/// on the terminal (by then it is raw); returns the running rcon.
fn start(env: &TestEnv, pty: &mut Pty, flags: &[&str], args: &[&str], ready: &str) -> Child {
    let reference = image_ref(catalog::BUSYBOX);
    let mut command = env.rcon();
    command
        .args(["run", "-it"])
        .args(flags)
        .arg(&reference)
        .args(args);
    pty.attach(&mut command);
    let child = command.spawn().expect("starting rcon");
    let mut seen = String::new();
    assert!(
        pty.read_until(&mut seen, ready),
        "never {ready:?}: {seen:?}"
    );
    assert!(
        !mode(pty).0.contains(LocalFlags::ECHO),
        "raw during the session"
    );
    child
}

#[test]
fn the_container_terminal_follows_a_window_size_change() {
    let env = common::with_busybox(user_with_ranges());
    let mut pty = Pty::open(24, 80);
    let mut child = start(&env, &mut pty, &["--rm"], &["sh"], "# ");
    // Setting the size on the outer terminal sends SIGWINCH to rcon, its
    // foreground process group.
    pty.set_size(40, 132);
    // The typed line is echoed; only the output says `resized` unbroken.
    pty.master
        .write_all(
            b"until [ \"$(stty size)\" = '40 132' ]; do sleep 0.1; done; echo re''sized; stty size; exit 4\r",
        )
        .unwrap();
    let mut seen = String::new();
    assert!(
        pty.read_until(&mut seen, "resized"),
        "the container's terminal never became 40x132: {seen:?}"
    );
    assert_eq!(common::exit_of(&mut child).code(), Some(4), "{seen}");
}

#[test]
fn the_terminal_mode_comes_back_after_a_kill_and_after_errors() {
    let env = common::with_busybox(user_with_ranges());
    let mut pty = Pty::open(24, 80);
    let before = mode(&pty);
    assert!(before.0.contains(LocalFlags::ECHO), "a fresh pty echoes");

    // The container killed by a signal from outside: 128+9.
    let mut child = start(&env, &mut pty, &["--name", "victim"], &["sh"], "# ");
    env.run(&["kill", "victim"]).ok();
    assert_eq!(common::exit_of(&mut child).code(), Some(137));
    assert_eq!(
        mode(&pty),
        before,
        "restored after the container was killed"
    );

    // A signal to rcon goes on to the container's command (under --init, so
    // that it is not PID 1, which ignores SIGTERM), which dies of it: 128+15.
    let mut child = start(
        &env,
        &mut pty,
        &["--rm", "--init"],
        &["sh", "-c", "echo sleep''ing; sleep 600"],
        "sleeping",
    );
    kill(Pid::from_raw(child.id() as i32), Signal::SIGTERM).unwrap();
    assert_eq!(common::exit_of(&mut child).code(), Some(143));
    assert_eq!(mode(&pty), before, "restored after rcon got SIGTERM");

    // Errors: the container's set-up fails, its command is not found.
    for (flags, command, cause, code) in [
        (&["-u", "nobody-here"][..], "true", "nobody-here", 126),
        (&[][..], "no-such-command", "no-such-command", 127),
    ] {
        let mut run = env.rcon();
        run.args(["run", "--rm", "-it"])
            .args(flags)
            .args([&image_ref(catalog::BUSYBOX), command]);
        pty.attach(&mut run);
        let mut child = run.spawn().unwrap();
        let code_seen = common::exit_of(&mut child).code();
        let seen = pty.read_available();
        assert_eq!(code_seen, Some(code), "{seen}");
        assert!(seen.contains(cause), "the error names {cause}: {seen:?}");
        assert_eq!(
            mode(&pty),
            before,
            "restored after `{command}` failed: {seen:?}"
        );
    }
}
