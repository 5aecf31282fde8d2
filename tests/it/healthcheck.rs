//! Health checks as the unprivileged test user: run by the container's
//! monitor on schedule (inspect and ps show the result), `rcon healthcheck
//! run` and its exit codes, `--health-on-failure=kill`, and the refusals.

use crate::common::{RunResult, TestEnv, eventually, run_detached, user_with_ranges};

/// `.State.Health.Status` of `name` (empty when it has none).
fn health(env: &TestEnv, name: &str) -> String {
    env.run(&["inspect", "--format", "{{.State.Health.Status}}", name])
        .stdout
        .trim()
        .to_string()
}

/// One error line on stderr, exit `code`.
#[track_caller]
fn refused(result: &RunResult, code: i32, needle: &str) {
    result.code_is(code);
    assert!(result.stderr.contains(needle), "{}", result.transcript());
    assert_eq!(result.stderr.lines().count(), 1, "{}", result.transcript());
}

#[test]
fn a_passing_check_turns_the_container_healthy_in_inspect_and_ps() {
    let env = TestEnv::new(user_with_ranges());
    let flags = [
        "--name",
        "good",
        "--health-cmd",
        "echo checked; test -d /",
        "--health-interval",
        "1s",
    ];
    run_detached(&env, &flags, &["sleep", "600"]);
    eventually("the monitor's check turns it healthy", || {
        health(&env, "good") == "healthy"
    });
    let ps = env.run(&["ps", "--format", "{{.Names}} {{.Status}}"]);
    let line = ps.ok().stdout.trim().to_string();
    assert!(
        line.starts_with("good Up ") && line.ends_with(" (healthy)"),
        "{line}"
    );
    let log = env.run(&["inspect", "--format", "{{json .State.Healthcheck}}", "good"]);
    let log: serde_json::Value = serde_json::from_str(&log.ok().stdout).unwrap();
    assert_eq!(log["FailingStreak"], 0);
    assert_eq!(log["Log"][0]["ExitCode"], 0);
    assert_eq!(log["Log"][0]["Output"], "checked");
    env.run(&["healthcheck", "run", "good"]).code_is(0);
    let events = env.run(&[
        "events",
        "--stream=false",
        "--format",
        "{{.Status}} {{.Name}} {{.HealthStatus}}",
    ]);
    assert!(
        events.ok().stdout.contains("health_status good healthy"),
        "{}",
        events.transcript()
    );
}

#[test]
fn a_failing_check_turns_it_unhealthy_after_its_retries() {
    let env = TestEnv::new(user_with_ranges());
    let flags = [
        "--name",
        "bad",
        "--health-cmd",
        r#"["stat", "/no/such/file"]"#,
        "--health-interval",
        "1s",
        "--health-retries",
        "2",
    ];
    run_detached(&env, &flags, &["sleep", "600"]);
    eventually("two failures in a row make it unhealthy", || {
        health(&env, "bad") == "unhealthy"
    });
    let streak = env.run(&[
        "inspect",
        "--format",
        "{{.State.Health.FailingStreak}}",
        "bad",
    ]);
    assert!(streak.ok().stdout.trim().parse::<u32>().unwrap() >= 2);
    let run = env.run(&["healthcheck", "run", "bad"]);
    run.code_is(1);
    assert_eq!(run.stdout.trim(), "unhealthy");
    // Not killed: --health-on-failure is none by default.
    let running = env.run(&["inspect", "--format", "{{.State.Running}}", "bad"]);
    assert_eq!(running.ok().stdout.trim(), "true");
}

#[test]
fn health_on_failure_kill_kills_the_container_once_it_is_unhealthy() {
    let env = TestEnv::new(user_with_ranges());
    let flags = [
        "--name",
        "doomed",
        "--health-cmd",
        "false",
        "--health-interval",
        "1s",
        "--health-retries",
        "1",
        "--health-on-failure",
        "kill",
    ];
    run_detached(&env, &flags, &["sleep", "600"]);
    eventually("the monitor kills it", || {
        env.run(&["inspect", "--format", "{{.State.Status}}", "doomed"])
            .stdout
            .trim()
            == "exited"
    });
    let code = env.run(&["inspect", "--format", "{{.State.ExitCode}}", "doomed"]);
    assert_eq!(code.ok().stdout.trim(), "137");
}

#[test]
fn a_container_without_a_check_has_no_health_and_healthcheck_run_exits_125() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["--name", "plain"], &["sleep", "600"]);
    refused(
        &env.run(&["healthcheck", "run", "plain"]),
        125,
        "container plain has no defined healthcheck",
    );
    assert_eq!(health(&env, "plain"), "");
    // --no-healthcheck wins over a check given (none) and disables it.
    run_detached(
        &env,
        &["--name", "off", "--no-healthcheck", "--health-cmd", "none"],
        &["sleep", "600"],
    );
    env.run(&["healthcheck", "run", "off"]).code_is(125);
}

#[test]
fn bad_health_flags_are_one_line_errors_with_exit_125() {
    let env = TestEnv::new(user_with_ranges());
    for (flags, needle) in [
        (
            &["--health-cmd", "true", "--health-interval", "often"][..],
            "--health-interval",
        ),
        (
            &["--health-cmd", "true", "--health-retries=-1"],
            "--health-retries",
        ),
        (
            &["--health-cmd", "true", "--health-timeout", "1ms"],
            "at least 1s",
        ),
        (
            &["--health-cmd", "true", "--health-on-failure", "panic"],
            "panic",
        ),
        (&["--health-cmd", "[true"], "JSON array"),
        (&["--health-cmd", "true", "--no-healthcheck"], "conflict"),
    ] {
        let mut args = vec!["create", "--name", "never"];
        args.extend_from_slice(flags);
        args.push("busybox");
        let result = env.run(&args);
        refused(&result, 125, needle);
    }
    // Nothing was created.
    env.run(&["container", "exists", "never"]).code_is(1);
}

#[test]
fn the_images_healthcheck_is_the_default_and_health_cmd_none_turns_it_off() {
    let env = TestEnv::new(user_with_ranges());
    let containerfile = format!(
        "FROM {}\nHEALTHCHECK --interval=1s --retries=1 CMD test -e /etc/passwd\n",
        crate::build::busybox()
    );
    let dir = crate::build::context(&env, "checked", &[("Containerfile", &containerfile)]);
    crate::build::build(&env, &["-t", "checked"], &dir).ok();
    env.run(&[
        "run",
        "-d",
        "--name",
        "from-image",
        "checked",
        "sleep",
        "600",
    ])
    .ok();
    eventually("the image's check turns it healthy", || {
        health(&env, "from-image") == "healthy"
    });
    env.run(&[
        "run",
        "-d",
        "--name",
        "unchecked",
        "--health-cmd",
        "none",
        "checked",
        "sleep",
        "600",
    ])
    .ok();
    env.run(&["healthcheck", "run", "unchecked"]).code_is(125);
}

/// `.State.Status` of `name`.
fn status(env: &TestEnv, name: &str) -> String {
    env.run(&["inspect", "--format", "{{.State.Status}}", name])
        .stdout
        .trim()
        .to_string()
}

#[test]
fn health_on_failure_stop_stops_it_with_its_stop_signal() {
    let env = TestEnv::new(user_with_ranges());
    let flags = [
        "--name",
        "stopped",
        "--health-cmd",
        "false",
        "--health-interval",
        "1s",
        "--health-retries",
        "1",
        "--health-on-failure=stop",
        "--stop-timeout",
        "5",
    ];
    // Exit 3 on the stop signal: told apart from a kill (137).
    run_detached(
        &env,
        &flags,
        &[
            "sh",
            "-c",
            "trap 'exit 3' TERM; while :; do sleep 0.1; done",
        ],
    );
    eventually("the unhealthy container is stopped", || {
        status(&env, "stopped") == "exited"
    });
    let code = env.run(&["inspect", "--format", "{{.State.ExitCode}}", "stopped"]);
    assert_eq!(code.ok().stdout.trim(), "3");
    let action = env.run(&[
        "inspect",
        "--format",
        "{{.Config.HealthcheckOnFailureAction}}",
        "stopped",
    ]);
    assert_eq!(action.ok().stdout.trim(), "stop");
}

#[test]
fn health_on_failure_restart_restarts_it_at_once_from_healthcheck_run() {
    let env = TestEnv::new(user_with_ranges());
    let flags = [
        "--name",
        "phoenix",
        "--health-cmd",
        "test ! -e /uh-oh",
        "--health-interval",
        "disable",
        "--health-retries",
        "1",
        "--health-on-failure=restart",
    ];
    run_detached(&env, &flags, &["sleep", "600"]);
    let pid = |env: &TestEnv| {
        let pid = env.run(&["inspect", "--format", "{{.State.Pid}}", "phoenix"]);
        pid.ok().stdout.trim().to_string()
    };
    let before = pid(&env);
    env.run(&["healthcheck", "run", "phoenix"]).code_is(0);
    env.run(&["exec", "phoenix", "touch", "/uh-oh"]).ok();
    let run = env.run(&["healthcheck", "run", "phoenix"]);
    run.code_is(1);
    assert_eq!(run.stdout.trim(), "unhealthy");
    // Restarted before `healthcheck run` returned: a new process, running.
    assert_eq!(status(&env, "phoenix"), "running");
    assert_ne!(pid(&env), before);
}

#[test]
fn a_check_past_its_timeout_is_killed_with_everything_it_started() {
    let env = TestEnv::new(user_with_ranges());
    let flags = [
        "--name",
        "slow",
        "--health-cmd",
        "sleep 101 & sleep 102",
        "--health-interval",
        "disable",
        "--health-timeout",
        "1s",
    ];
    run_detached(&env, &flags, &["sleep", "600"]);
    let run = env.run(&["healthcheck", "run", "slow"]);
    run.code_is(1);
    let log = env.run(&["inspect", "--format", "{{json .State.Healthcheck}}", "slow"]);
    let log: serde_json::Value = serde_json::from_str(&log.ok().stdout).unwrap();
    assert_eq!(log["Log"][0]["ExitCode"], -1, "{log}");
    assert!(
        log["Log"][0]["Output"]
            .as_str()
            .unwrap()
            .contains("exceeded timeout of 1s"),
        "{log}"
    );
    let ps = env.run(&["exec", "slow", "ps"]);
    let ps = ps.ok().stdout.clone();
    assert!(
        !ps.contains("sleep 101") && !ps.contains("sleep 102"),
        "left in the container:\n{ps}"
    );
}

#[test]
fn concurrent_checks_each_land_in_the_log() {
    let env = TestEnv::new(user_with_ranges());
    let flags = [
        "--name",
        "busy",
        "--health-cmd",
        "true",
        "--health-interval",
        "disable",
    ];
    run_detached(&env, &flags, &["sleep", "600"]);
    for output in crate::common::concurrently(&env, &["healthcheck", "run", "busy"], 5) {
        assert!(output.status.success(), "{output:?}");
    }
    let log = env.run(&[
        "inspect",
        "--format",
        "{{len .State.Healthcheck.Log}}",
        "busy",
    ]);
    assert_eq!(log.ok().stdout.trim(), "5", "a concurrent write was lost");
}

#[test]
fn ps_filters_by_health_and_a_foreground_run_is_checked_too() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["--name", "plain"], &["sleep", "600"]);
    run_detached(
        &env,
        &[
            "--name",
            "sick",
            "--health-cmd",
            "false",
            "--health-retries",
            "1",
            "--health-interval",
            "disable",
        ],
        &["sleep", "600"],
    );
    env.run(&["healthcheck", "run", "sick"]).code_is(1);
    // In the foreground: rcon's own process runs the schedule beside it.
    let mut foreground = env
        .rcon()
        .args([
            "run",
            "--name",
            "fg",
            "--health-cmd",
            "true",
            "--health-interval",
            "1s",
            "--tls-verify=false",
            &crate::common::image_ref(testkit::catalog::BUSYBOX),
            "sleep",
            "600",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    eventually("the foreground container turns healthy", || {
        health(&env, "fg") == "healthy"
    });
    let names = |filter: &str| {
        let ps = env.run(&["ps", "--filter", filter, "--format", "{{.Names}}"]);
        let mut names: Vec<String> = ps.ok().stdout.lines().map(String::from).collect();
        names.sort();
        names.join(" ")
    };
    assert_eq!(names("health=healthy"), "fg");
    assert_eq!(names("health=unhealthy"), "sick");
    assert_eq!(names("health=none"), "plain");
    env.run(&["ps", "--filter", "health=sleepy"]).code_is(125);
    env.run(&["stop", "-t", "0", "fg"]).ok();
    crate::common::exit_of(&mut foreground);
}

#[test]
fn health_on_failure_without_a_check_is_refused() {
    let env = TestEnv::new(user_with_ranges());
    let result = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--health-on-failure=kill",
        &crate::common::image_ref(testkit::catalog::BUSYBOX),
    ]);
    refused(
        &result,
        125,
        "cannot set on-failure action to kill without a health check",
    );
}
