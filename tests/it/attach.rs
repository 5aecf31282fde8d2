//! `rcon attach` to containers under a detached monitor, as the
//! unprivileged test user: output from then on (stdout and stderr apart),
//! stdin to a container started with -i, a real terminal with its size and
//! the detach keys, the exit code, and one-line errors.

use std::io::{Read, Write};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crate::common::pty::Pty;
use crate::common::{RunResult, TestEnv, eventually, exit_of, run_detached, user_with_ranges};
use nix::sys::termios::tcgetattr;

fn out(result: &RunResult) -> String {
    result.ok().stdout.trim_end().to_string()
}

/// Collects what `pipe` gives, as it comes.
fn collect(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let seen = Arc::new(Mutex::new(String::new()));
    let into = seen.clone();
    thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buffer) {
            if n == 0 {
                break;
            }
            into.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    seen
}

#[test]
fn attach_relays_output_from_then_on_and_ends_with_the_exit_code() {
    let env = TestEnv::new(user_with_ranges());
    // Ticks until told to finish, then one line on each stream and exit 7.
    run_detached(
        &env,
        &["--name", "talker"],
        &[
            "sh",
            "-c",
            "echo before; while [ ! -e /go ]; do echo tick; sleep 0.1; done; echo out-final; echo err-final >&2; exit 7",
        ],
    );
    // The container may not have printed its first line yet when run -d returns.
    eventually("the first line is logged", || {
        env.run(&["logs", "talker"]).stdout.contains("before")
    });
    let mut attach = env.rcon();
    attach
        .args(["attach", "--no-stdin", "talker"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = attach.spawn().unwrap();
    let stdout = collect(child.stdout.take().unwrap());
    let stderr = collect(child.stderr.take().unwrap());
    eventually("attach shows the container's output", || {
        stdout.lock().unwrap().contains("tick")
    });
    env.run(&["exec", "talker", "touch", "/go"]).ok();
    let status = exit_of(&mut child);
    thread::sleep(Duration::from_millis(100));
    let (stdout, stderr) = (stdout.lock().unwrap(), stderr.lock().unwrap());
    assert_eq!(status.code(), Some(7), "{stdout}\n{stderr}");
    assert!(
        !stdout.contains("before"),
        "only output from the attach on: {stdout}"
    );
    assert!(stdout.ends_with("tick\nout-final\n"), "{stdout}");
    assert_eq!(*stderr, "err-final\n", "stderr apart from stdout");
    // The monitor logged it all the same.
    let logs = env.run(&["logs", "talker"]);
    assert!(logs.ok().stdout.starts_with("before\ntick\n"));
    assert_eq!(logs.stderr, "err-final\n");

    // An exited container (its socket gone with its monitor), one never
    // started, one that does not exist: one-line errors, exit 125.
    for (name, message) in [
        ("talker", "Error: container talker is not running"),
        (
            "nosuch",
            "Error: no container with name or ID \"nosuch\" found: no such container",
        ),
    ] {
        let refused = env.run(&["attach", name]);
        refused.code_is(125);
        assert_eq!(refused.stderr.trim_end(), message);
    }
}

#[test]
fn stdin_reaches_a_container_started_with_i() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["-i", "--name", "cat"], &["cat"]);
    // Nobody attached yet: cat waits on its stdin, held by the monitor.
    thread::sleep(Duration::from_millis(300));
    assert_eq!(
        out(&env.run(&["inspect", "--format", "{{.State.Status}}", "cat"])),
        "running"
    );
    // The end of the client's input is the end of the container's.
    let piped = env.run_with_input(&["attach", "cat"], b"through the monitor\n");
    piped.code_is(0);
    assert_eq!(piped.stdout, "through the monitor\n");
    assert_eq!(out(&env.run(&["logs", "cat"])), "through the monitor");

    // start -ai of a running container attaches to it.
    run_detached(
        &env,
        &["-i", "--name", "cat2"],
        &["sh", "-c", "cat; exit 4"],
    );
    let again = env.run_with_input(&["start", "-ai", "cat2"], b"again\n");
    again.code_is(4);
    assert_eq!(again.stdout, "again\n");
}

#[test]
fn a_terminal_gets_the_clients_size_and_the_keys_detach() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["-it", "--name", "term"], &["sh"]);
    let mut pty = Pty::open(24, 80);
    let before = tcgetattr(&pty.slave).unwrap();
    let mut command = env.rcon();
    command.args(["attach", "term"]);
    pty.attach(&mut command);
    let mut child = command.spawn().unwrap();
    let mut seen = String::new();
    // Typed at once: the terminal holds what rcon has not read yet.
    pty.master.write_all(b"echo $((6*7))x\r").unwrap();
    assert!(
        pty.read_until(&mut seen, "42x"),
        "the shell answers through attach: {seen}"
    );
    pty.master.write_all(b"stty size\r").unwrap();
    assert!(pty.read_until(&mut seen, "24 80"), "{seen}");
    // A resize reaches the container's terminal (SIGWINCH → the monitor).
    pty.set_size(33, 111);
    // Asked again until the resize has gone through rcon and the monitor.
    eventually("the container sees the new size", || {
        pty.master.write_all(b"stty size\r").unwrap();
        pty.read_until_within(&mut seen, "33 111", Duration::from_secs(2))
    });
    pty.master.write_all(b"\x10\x11").unwrap();
    let status = exit_of(&mut child);
    assert_eq!(status.code(), Some(0), "detaching returns 0: {seen}");
    let after = tcgetattr(&pty.slave).unwrap();
    assert_eq!(after.local_flags, before.local_flags, "terminal restored");
    assert_eq!(
        out(&env.run(&["inspect", "--format", "{{.State.Status}}", "term"])),
        "running"
    );

    // Attached again with keys of its own: the shell's exit code comes back.
    let mut command = env.rcon();
    command.args(["attach", "--detach-keys", "ctrl-a,d", "term"]);
    pty.attach(&mut command);
    let mut child = command.spawn().unwrap();
    pty.master.write_all(b"echo $((6*8))y\r").unwrap();
    assert!(
        pty.read_until(&mut seen, "48y"),
        "the shell answers again: {seen}"
    );
    pty.master.write_all(b"exit 5\r").unwrap();
    assert_eq!(exit_of(&mut child).code(), Some(5), "{seen}");
    assert_eq!(
        out(&env.run(&["inspect", "--format", "{{.State.ExitCode}}", "term"])),
        "5"
    );
    let bad = env.run(&["attach", "--detach-keys", "ctrl-1", "term"]);
    bad.code_is(125);
    assert!(bad.stderr.starts_with("Error: invalid detach keys"));
}
