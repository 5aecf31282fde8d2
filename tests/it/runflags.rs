//! `rcon run`/`create` flags Podman's scripts use, with Podman's meaning,
//! output and exit codes, run as the unprivileged test user.

use crate::common;
use crate::common::{TestEnv, image_ref, stdout, user_with_ranges};
use testkit::catalog;

/// `rcon run --rm FLAGS IMAGE ARGS...` from the test registry.
fn run(env: &TestEnv, flags: &[&str], args: &[&str]) -> common::RunResult {
    common::run_image(env, &[&["--rm"], flags].concat(), catalog::BUSYBOX, args)
}

#[test]
fn short_h_sets_the_hostname_and_long_help_still_helps() {
    let env = TestEnv::new(user_with_ranges());
    assert_eq!(stdout(&run(&env, &["-h", "box2"], &["hostname"])), "box2");
    for verb in ["run", "create"] {
        let help = env.run(&[verb, "--help"]);
        assert!(
            help.ok().stdout.contains("--hostname"),
            "{}",
            help.transcript()
        );
    }
}

#[test]
fn cidfile_gets_the_id_and_an_existing_one_is_refused() {
    let env = TestEnv::new(user_with_ranges());
    let cidfile = env.data_dir().join("cid");
    let cidfile_arg = format!("--cidfile={}", cidfile.display());
    let reference = image_ref(catalog::BUSYBOX);
    let created = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        &cidfile_arg,
        &reference,
        "true",
    ]);
    let id = created.ok().stdout.trim().to_string();
    assert_eq!(std::fs::read_to_string(&cidfile).unwrap(), id);
    let again = run(&env, &[&cidfile_arg], &["true"]);
    again.code_is(125);
    assert!(
        again.stderr.contains("container id file exists") && again.stderr.contains("delete"),
        "{}",
        again.transcript()
    );
    assert_eq!(
        std::fs::read_to_string(&cidfile).unwrap(),
        id,
        "left as it was"
    );
}

#[test]
fn unsetenv_leaves_out_defaults_and_e_still_sets() {
    let env = TestEnv::new(user_with_ranges());
    let one = stdout(&run(&env, &["--unsetenv=TERM"], &["/bin/env"]));
    assert!(
        one.contains("container=") && !one.contains("TERM="),
        "{one}"
    );
    let all = stdout(&run(
        &env,
        &["--unsetenv-all", "-e", "TERM=abc"],
        &["/bin/env"],
    ));
    assert!(all.contains("TERM=abc"), "{all}");
    for gone in ["container=", "PATH="] {
        assert!(!all.contains(gone), "{all}");
    }
}

#[test]
fn stop_timeout_is_recorded() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let id = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--stop-timeout",
        "3",
        &reference,
        "true",
    ]);
    let id = id.ok().stdout.trim().to_string();
    let shown = env.run(&["inspect", "--format", "{{.Config.StopTimeout}}", &id]);
    assert_eq!(shown.ok().stdout.trim(), "3");
    let bad = env.run(&["create", "--stop-timeout", "abc", &reference, "true"]);
    assert!(!bad.success(), "{}", bad.transcript());
}

#[test]
fn podman_spellings_of_defaults_are_accepted() {
    let env = TestEnv::new(user_with_ranges());
    for network in ["bridge", "podman"] {
        assert_eq!(
            stdout(&run(&env, &["--network", network], &["echo", "ok"])),
            "ok"
        );
    }
    // Docker's colon form.
    let nnp = stdout(&run(
        &env,
        &["--security-opt", "no-new-privileges:true"],
        &["sh", "-c", "grep NoNewPrivs /proc/self/status"],
    ));
    assert!(nnp.ends_with('1'), "{nnp}");
    // Given twice, the last wins, as in Podman.
    let id = stdout(&run(
        &env,
        &["--userns=keep-id", "--userns=host"],
        &["id", "-u"],
    ));
    assert_eq!(id, "0");
}

#[test]
fn containerenv_is_empty_unless_privileged() {
    let env = TestEnv::new(user_with_ranges());
    assert_eq!(
        stdout(&run(&env, &[], &["stat", "-c", "%s", "/run/.containerenv"])),
        "0"
    );
    assert_eq!(
        stdout(&run(
            &env,
            &["--read-only"],
            &["stat", "-c", "%s", "/run/.containerenv"]
        )),
        "0"
    );
    let text = stdout(&run(
        &env,
        &["--privileged", "--name", "envtest"],
        &[
            "sh",
            "-c",
            ". /run/.containerenv; echo $engine; echo $name; echo $id; echo $rootless",
        ],
    ));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("rcon-"), "{text}");
    assert_eq!(lines[1], "envtest");
    assert_eq!(lines[2].len(), 64, "{text}");
    assert_eq!(lines[3], "1");
}

#[test]
fn tz_sets_the_zone_the_last_one_wins_and_an_unknown_one_is_refused() {
    let env = TestEnv::new(user_with_ranges());
    let zone = |flags: &[&str]| stdout(&run(&env, flags, &["date", "-d", "@1600000000", "+%Z"]));
    assert_eq!(zone(&[]), "UTC");
    assert_eq!(zone(&["--tz=Iceland", "--tz=MST7MDT"]), "MDT");
    let bad = run(&env, &["--tz=Bogus/Zone"], &["true"]);
    bad.code_is(125);
    assert!(bad.stderr.contains("Bogus/Zone"), "{}", bad.transcript());
}

#[test]
fn log_driver_none_logs_nothing_and_an_unknown_driver_is_refused() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    for (driver, logged) in [("none", false), ("k8s-file", true), ("json-file", true)] {
        let name = format!("log-{driver}");
        let ran = env.run(&[
            "run",
            "--tls-verify=false",
            "-q",
            "--name",
            &name,
            "--log-driver",
            driver,
            &reference,
            "echo",
            "hello",
        ]);
        assert_eq!(ran.ok().stdout.trim(), "hello");
        let shown = env.run(&[
            "inspect",
            "--format",
            "{{.HostConfig.LogConfig.Type}}",
            &name,
        ]);
        assert_eq!(shown.ok().stdout.trim(), driver);
        let logs = env.run(&["logs", &name]);
        if logged {
            assert_eq!(logs.ok().stdout.trim(), "hello");
        } else {
            logs.code_is(125);
            assert!(
                logs.stderr.contains("'none' log driver"),
                "{}",
                logs.transcript()
            );
        }
    }
    let bad = run(&env, &["--log-driver=InvalidDriver"], &["true"]);
    bad.code_is(125);
    assert!(
        bad.stderr.contains("invalid log driver"),
        "{}",
        bad.transcript()
    );
}

#[test]
fn pidfiles_name_the_monitor_and_the_container() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let conmon = env.data_dir().join("conmon.pid");
    let pidfile = env.data_dir().join("ctr.pid");
    let conmon_arg = format!("--conmon-pidfile={}", conmon.display());
    let pid_arg = format!("--pidfile={}", pidfile.display());
    let id = env.run(&[
        "run",
        "-d",
        "--tls-verify=false",
        "-q",
        &conmon_arg,
        &pid_arg,
        &reference,
        "sleep",
        "100",
    ]);
    let id = id.ok().stdout.trim().to_string();
    let pid: i32 = std::fs::read_to_string(&pidfile).unwrap().parse().unwrap();
    let shown = env.run(&["inspect", "--format", "{{.State.Pid}}", &id]);
    assert_eq!(shown.ok().stdout.trim(), pid.to_string());
    let monitor: i32 = std::fs::read_to_string(&conmon).unwrap().parse().unwrap();
    assert!(monitor > 0 && monitor != pid);
    assert!(std::path::Path::new(&format!("/proc/{monitor}")).exists());
    env.run(&["rm", "-f", "-t", "0", &id]).ok();
    let foreground = run(&env, &[&pid_arg], &["true"]);
    foreground.code_is(125);
}

#[test]
fn rmi_removes_the_image_after_the_container_unless_another_uses_it() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    env.run(&["image", "exists", &reference]).code_is(1);
    env.run(&[
        "run",
        "--tls-verify=false",
        "-q",
        "--name",
        "keepme",
        &reference,
        "true",
    ])
    .ok();
    run(&env, &["--rmi"], &["true"]).ok();
    env.run(&["image", "exists", &reference]).code_is(0);
    env.run(&["rm", "keepme"]).ok();
    let removed = run(&env, &["--rmi"], &["sh", "-c", "exit 3"]);
    assert_eq!(
        removed.code_is(3).stdout,
        "",
        "nothing printed: {}",
        removed.transcript()
    );
    env.run(&["image", "exists", &reference]).code_is(1);
    assert_eq!(
        env.run(&["ps", "-aq"]).ok().stdout,
        "",
        "the container went first"
    );

    let without_rm = env.run(&[
        "run",
        "--rmi",
        "--tls-verify=false",
        "-q",
        &reference,
        "true",
    ]);
    assert!(
        without_rm.code_is(125).stderr.contains("--rmi needs --rm"),
        "{}",
        without_rm.transcript()
    );
    assert_eq!(env.run(&["ps", "-aq"]).ok().stdout, "", "nothing created");
}
