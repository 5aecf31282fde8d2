//! Container policies, as the unprivileged test user: `--restart` kept by
//! the monitor, `run --replace`, `--label-file`, `--stop-signal`,
//! `wait --condition`, and detaching from `run -it` / `start -ai`.

use std::fs;
use std::io::Write;
use std::process::{ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::common;
use crate::common::pty::Pty;
use crate::common::{
    RunResult, TestEnv, eventually, exit_of, image_ref, run_detached, user_with_ranges,
};
use nix::sys::termios::tcgetattr;
use testkit::catalog;

fn out(result: &RunResult) -> String {
    result.ok().stdout.trim_end().to_string()
}

fn inspect(env: &TestEnv, name: &str, template: &str) -> String {
    out(&env.run(&["inspect", "--format", template, name]))
}

/// How often `line` appears in the container's log.
fn log_count(env: &TestEnv, name: &str, line: &str) -> usize {
    out(&env.run(&["logs", name]))
        .lines()
        .filter(|l| *l == line)
        .count()
}

/// A one-line error with exit code 125 that starts with `start`.
#[track_caller]
fn one_line_error(result: &RunResult, start: &str) {
    result.code_is(125);
    assert!(result.stderr.starts_with(start), "{}", result.stderr);
    assert_eq!(result.stderr.lines().count(), 1, "{}", result.stderr);
}

#[test]
fn on_failure_restarts_at_most_n_times_and_inspect_shows_it() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(
        &env,
        &["--name", "flaky", "--restart=on-failure:2"],
        &["sh", "-c", "echo attempt; exit 3"],
    );
    // wait: the monitor's end, after the last restart.
    assert_eq!(out(&env.run(&["wait", "flaky"])), "3");
    assert_eq!(
        inspect(
            &env,
            "flaky",
            "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}} {{.State.Restarting}} \
             {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}"
        ),
        "2 exited 3 false on-failure 2"
    );
    assert_eq!(
        log_count(&env, "flaky", "attempt"),
        3,
        "one run and two restarts"
    );

    // A zero exit is not a failure: no restart.
    run_detached(
        &env,
        &["--name", "fine", "--restart", "on-failure"],
        &["true"],
    );
    assert_eq!(out(&env.run(&["wait", "fine"])), "0");
    assert_eq!(
        inspect(
            &env,
            "fine",
            "{{.RestartCount}} {{.HostConfig.RestartPolicy.Name}}"
        ),
        "0 on-failure"
    );
    // Without --restart: "no".
    run_detached(&env, &["--name", "plain"], &["sh", "-c", "exit 1"]);
    assert_eq!(out(&env.run(&["wait", "plain"])), "1");
    assert_eq!(
        inspect(
            &env,
            "plain",
            "{{.RestartCount}} {{.HostConfig.RestartPolicy.Name}}"
        ),
        "0 no"
    );
}

#[test]
fn restarts_bring_the_network_helper_and_published_ports_back() {
    let env = TestEnv::new(user_with_ranges());
    let port = common::free_port();
    let publish = format!("127.0.0.1:{port}:8080");
    run_detached(
        &env,
        &["--name", "served", "--restart=on-failure:2", "-p", &publish],
        &["sh", "-c", "echo up; exit 3"],
    );
    assert_eq!(out(&env.run(&["wait", "served"])), "3");
    assert_eq!(inspect(&env, "served", "{{.RestartCount}}"), "2");
    let logs = env.run(&["logs", "served"]);
    assert_eq!(logs.ok().stdout, "up\nup\nup\n");
    assert_eq!(logs.stderr, "", "every restart got its network");
}

#[test]
fn a_foreground_run_hands_its_restart_policy_to_a_detached_monitor() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let run = env.run(&[
        "run",
        "--tls-verify=false",
        "-q",
        "--name",
        "fg",
        "--restart=on-failure:1",
        &reference,
        "sh",
        "-c",
        "echo hello; exit 4",
    ]);
    run.code_is(4);
    assert_eq!(run.stdout, "hello\n");
    assert_eq!(out(&env.run(&["wait", "fg"])), "4");
    assert_eq!(inspect(&env, "fg", "{{.RestartCount}}"), "1");
    // The foreground run logged it, and so did the monitor of the restart.
    assert_eq!(log_count(&env, "fg", "hello"), 2);
}

#[test]
fn always_restarts_a_clean_exit_until_the_user_stops_or_kills_it() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(
        &env,
        &["--name", "ticker", "--restart=always"],
        &["sh", "-c", "echo tick; sleep 0.5"],
    );
    eventually("the command ran twice", || {
        log_count(&env, "ticker", "tick") >= 2
    });
    let count: u32 = inspect(&env, "ticker", "{{.RestartCount}}")
        .parse()
        .unwrap();
    assert!(count >= 1, "RestartCount {count}");
    assert_eq!(
        inspect(&env, "ticker", "{{.HostConfig.RestartPolicy.Name}}"),
        "always"
    );
    let started = Instant::now();
    assert_eq!(out(&env.run(&["stop", "-t", "2", "ticker"])), "ticker");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(inspect(&env, "ticker", "{{.State.Status}}"), "exited");
    // For good: nothing runs it again.
    let ticks = log_count(&env, "ticker", "tick");
    let count = inspect(&env, "ticker", "{{.RestartCount}}");
    thread::sleep(Duration::from_secs(2));
    assert_eq!(log_count(&env, "ticker", "tick"), ticks);
    assert_eq!(inspect(&env, "ticker", "{{.RestartCount}}"), count);
    assert_eq!(
        inspect(&env, "ticker", "{{.State.Status}} {{.State.Restarting}}"),
        "exited false"
    );

    // Started again by the user: the count starts over, the policy holds again.
    assert_eq!(out(&env.run(&["start", "ticker"])), "ticker");
    eventually("the restarted container restarts again", || {
        inspect(&env, "ticker", "{{.RestartCount}}") != "0"
    });
    env.run(&["stop", "-t", "1", "ticker"]).ok();

    // unless-stopped, killed through rcon: the user wins too.
    run_detached(
        &env,
        &["--name", "killed", "--restart=unless-stopped"],
        &["sleep", "600"],
    );
    env.run(&["kill", "killed"]).ok();
    assert_eq!(out(&env.run(&["wait", "killed"])), "137");
    thread::sleep(Duration::from_secs(1));
    assert_eq!(
        inspect(&env, "killed", "{{.State.Status}} {{.RestartCount}}"),
        "exited 0"
    );
}

#[test]
fn bad_restart_policies_are_one_line_errors_and_create_nothing() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    for policy in ["sometimes", "on-failure:x", "always:3"] {
        let flag = format!("--restart={policy}");
        let result = env.run(&["run", "--tls-verify=false", "-q", &flag, &reference, "true"]);
        one_line_error(
            &result,
            &format!("Error: invalid restart policy \"{policy}\": use no, on-failure"),
        );
        let result = env.run(&[
            "create",
            "--tls-verify=false",
            "-q",
            &flag,
            &reference,
            "true",
        ]);
        result.code_is(125);
    }
    let result = env.run(&[
        "run",
        "--tls-verify=false",
        "-q",
        "--rm",
        "--restart=always",
        &reference,
        "true",
    ]);
    one_line_error(&result, "Error: --rm and --restart=always conflict");
    assert_eq!(out(&env.run(&["ps", "-a", "-q"])), "");
}

#[test]
fn run_replace_removes_the_container_of_that_name_first() {
    let env = TestEnv::new(user_with_ranges());
    let first = run_detached(&env, &["--name", "svc"], &["sleep", "600"]);
    let second = run_detached(&env, &["--replace", "--name", "svc"], &["sleep", "600"]);
    assert_ne!(first, second);
    let listed = out(&env.run(&[
        "ps",
        "-a",
        "--no-trunc",
        "--format",
        "{{.ID}} {{.Names}} {{.State}}",
    ]));
    assert!(listed.starts_with(&format!("{second} svc Up ")), "{listed}");
    assert!(
        !env.data_dir().join("containers").join(&first).exists(),
        "the replaced container is gone"
    );
    // Nothing of that name yet: --replace just creates.
    let reference = image_ref(catalog::BUSYBOX);
    env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--replace",
        "--name",
        "fresh",
        &reference,
        "true",
    ])
    .ok();
    let result = env.run(&[
        "run",
        "--tls-verify=false",
        "-q",
        "--replace",
        &reference,
        "true",
    ]);
    one_line_error(&result, "Error: --replace needs --name");
    env.run(&["rm", "-f", "-t", "0", "svc"]).ok();
}

#[test]
fn label_files_add_labels_seen_by_inspect_and_ps_filters() {
    let env = TestEnv::new(user_with_ranges());
    let file = env.base.join("labels");
    fs::write(
        &file,
        "# who runs it\nowner=ops\n\n   tier=back\n  # indented comment\nflag\n",
    )
    .unwrap();
    let file = file.display().to_string();
    let reference = image_ref(catalog::BUSYBOX);
    env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--name",
        "labelled",
        "--label-file",
        &file,
        "-l",
        "tier=front",
        &reference,
        "true",
    ])
    .ok();
    assert_eq!(
        inspect(&env, "labelled", "{{json .Config.Labels}}"),
        r#"{"flag":"","owner":"ops","tier":"front"}"#
    );
    run_detached(&env, &["--name", "other", "--label-file", &file], &["true"]);
    let names =
        |filter: &str| out(&env.run(&["ps", "-a", "--filter", filter, "--format", "{{.Names}}"]));
    // Oldest first, as Podman lists them.
    assert_eq!(names("label=owner=ops"), "labelled\nother");
    assert_eq!(names("label=tier=front"), "labelled");
    assert_eq!(names("label=tier=back"), "other");

    let missing = env.base.join("no-such-file").display().to_string();
    let result = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--label-file",
        &missing,
        &reference,
        "true",
    ]);
    one_line_error(&result, "Error: reading label file ");
    fs::write(env.base.join("bad-labels"), "ok=1\n=oops\n").unwrap();
    let bad = env.base.join("bad-labels").display().to_string();
    let result = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--label-file",
        &bad,
        &reference,
        "true",
    ]);
    one_line_error(&result, &format!("Error: {bad}:2: invalid label \"=oops\""));
    assert_eq!(out(&env.run(&["ps", "-a", "-q"])).lines().count(), 2);
}

#[test]
fn stop_sends_the_stop_signal_given_at_create() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(
        &env,
        &["--name", "trapper", "--stop-signal", "usr1"],
        &[
            "sh",
            "-c",
            "trap 'echo got; exit 0' USR1; while true; do sleep 0.1; done",
        ],
    );
    assert_eq!(
        inspect(&env, "trapper", "{{.Config.StopSignal}}"),
        "SIGUSR1"
    );
    let started = Instant::now();
    assert_eq!(out(&env.run(&["stop", "-t", "30", "trapper"])), "trapper");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the trap ended it, not the timeout: {:?}",
        started.elapsed()
    );
    assert_eq!(out(&env.run(&["wait", "trapper"])), "0");
    assert_eq!(out(&env.run(&["logs", "trapper"])), "got");

    let reference = image_ref(catalog::BUSYBOX);
    let result = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--stop-signal",
        "NOPE",
        &reference,
        "true",
    ]);
    one_line_error(&result, "Error: invalid signal \"NOPE\"");
}

#[test]
fn wait_conditions_running_created_and_exited_for_several_containers() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let create = |name: &str, command: &[&str]| {
        let mut args = vec![
            "create",
            "--tls-verify=false",
            "-q",
            "--name",
            name,
            &reference,
        ];
        args.extend_from_slice(command);
        env.run(&args).ok();
    };
    create("later", &["sleep", "600"]);
    assert_eq!(
        out(&env.run(&["wait", "--condition", "created", "later"])),
        "-1"
    );
    // Waits while it is only created, and returns once it runs.
    let mut waiter = env
        .rcon()
        .args(["wait", "--condition=running", "later"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    thread::sleep(Duration::from_millis(500));
    assert!(
        waiter.try_wait().unwrap().is_none(),
        "wait returned while the container was only created"
    );
    env.run(&["start", "later"]).ok();
    let waited = waiter.wait_with_output().unwrap();
    assert!(waited.status.success());
    assert_eq!(String::from_utf8_lossy(&waited.stdout), "-1\n");
    assert_eq!(
        out(&env.run(&["wait", "--condition", "running", "later"])),
        "-1",
        "already running: at once"
    );

    create("quick", &["sh", "-c", "exit 5"]);
    env.run(&["start", "quick"]).ok();
    env.run(&["stop", "-t", "0", "later"]).ok();
    assert_eq!(out(&env.run(&["wait", "quick", "later"])), "5\n137");
    assert_eq!(
        out(&env.run(&[
            "wait",
            "--condition",
            "running",
            "--condition",
            "stopped",
            "quick"
        ])),
        "5"
    );
    assert_eq!(
        out(&env.run(&["wait", "--condition=exited", "later"])),
        "137"
    );

    one_line_error(
        &env.run(&["wait", "--condition", "healthy", "quick"]),
        "Error: wait condition \"healthy\" is not supported",
    );
    one_line_error(
        &env.run(&["wait", "--condition", "sleepy", "quick"]),
        "Error: unknown wait condition \"sleepy\"",
    );
}

/// Runs `args` on a fresh terminal, waits for the shell's prompt, checks
/// that typing reaches the shell, types `keys`; returns rcon's exit status
/// and whether the terminal's mode was restored.
fn detach_session(env: &TestEnv, args: &[&str], keys: &[u8]) -> (ExitStatus, bool) {
    let mut pty = Pty::open(24, 80);
    let before = tcgetattr(&pty.slave).unwrap();
    let mut command = env.rcon();
    command.args(args);
    pty.attach(&mut command);
    let mut child = command.spawn().unwrap();
    let mut seen = String::new();
    assert!(pty.read_until(&mut seen, "# "), "no prompt: {seen:?}");
    // ctrl-p alone is not the sequence: it and what follows reach the shell
    // (ctrl-p, x: the shell's line editor gets both; ctrl-u then clears the line).
    pty.master
        .write_all(b"\x10x\x15echo typed-$((40+2))\r")
        .unwrap();
    assert!(pty.read_until(&mut seen, "typed-42"), "{seen:?}");
    pty.master.write_all(keys).unwrap();
    let status = exit_of(&mut child);
    let after = tcgetattr(&pty.slave).unwrap();
    (status, after.local_flags == before.local_flags)
}

#[test]
fn detach_keys_leave_an_interactive_session_running_under_a_monitor() {
    let env = common::with_busybox(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let (status, restored) = detach_session(
        &env,
        &["run", "-it", "--name", "held", &reference, "sh"],
        b"\x10\x11",
    );
    assert_eq!(status.code(), Some(0), "detaching returns 0");
    assert!(restored, "the terminal mode is restored");
    let listed = out(&env.run(&["ps", "--format", "{{.Names}} {{.State}}"]));
    assert!(listed.starts_with("held Up "), "{listed}");
    // A monitor holds its terminal now and logs what it shows.
    env.run(&["exec", "held", "sh", "-c", "echo later > /proc/1/fd/1"])
        .ok();
    eventually("the monitor logged the terminal", || {
        out(&env.run(&["logs", "held"])).contains("later")
    });
    // And serves attach: what the terminal shows from then on, then the end.
    let mut attach = env.rcon();
    attach
        .args(["attach", "--no-stdin", "held"])
        .stdout(Stdio::piped());
    let mut attached = attach.spawn().unwrap();
    let mut shown = attached.stdout.take().unwrap();
    // Again and again, until the container stops: some after rcon attached.
    env.run(&[
        "exec",
        "-d",
        "held",
        "sh",
        "-c",
        "while :; do echo again > /proc/1/fd/1; sleep 0.2; done",
    ])
    .ok();
    let mut seen = [0u8; 64];
    let n = std::io::Read::read(&mut shown, &mut seen).unwrap();
    assert!(String::from_utf8_lossy(&seen[..n]).contains("again"));
    env.run(&["stop", "-t", "1", "held"]).ok();
    assert_ne!(
        exit_of(&mut attached).code(),
        Some(0),
        "the stopped shell's code"
    );
    assert_eq!(inspect(&env, "held", "{{.State.Status}}"), "exited");

    // start -ai with keys of its own; --rm containers detach too.
    env.run(&["create", "-it", "--name", "again", "--rm", &reference, "sh"])
        .ok();
    let (status, restored) = detach_session(
        &env,
        &["start", "-ai", "--detach-keys", "ctrl-a,d", "again"],
        b"\x01d",
    );
    assert_eq!(status.code(), Some(0));
    assert!(restored);
    assert_eq!(inspect(&env, "again", "{{.State.Status}}"), "running");
    env.run(&["stop", "-t", "1", "again"]).ok();
    eventually("the --rm container is removed", || {
        out(&env.run(&["ps", "-a", "--format", "{{.Names}}"])) == "held"
    });

    let bad = env.run(&["run", "--detach-keys", "ctrl-1", "-it", &reference, "sh"]);
    one_line_error(&bad, "Error: invalid detach keys \"ctrl-1\"");
}
