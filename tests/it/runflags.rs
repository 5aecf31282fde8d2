//! `rcon run`/`create` flags Podman's scripts use, with Podman's meaning,
//! output and exit codes, run as the unprivileged test user.

use crate::common;
use crate::common::{TestEnv, image_ref, stdout, user_with_ranges};
use testkit::catalog;

/// `rcon run --rm FLAGS IMAGE ARGS...` from the test registry.
fn run(env: &TestEnv, flags: &[&str], args: &[&str]) -> common::RunResult {
    common::run_image(env, &[&["--rm"], flags].concat(), catalog::BUSYBOX, args)
}

/// `result` failed with `code`, its message saying `words`.
#[track_caller]
fn fails(result: &common::RunResult, code: i32, words: &str) {
    result.code_is(code);
    assert!(result.stderr.contains(words), "{}", result.transcript());
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

#[test]
fn a_command_that_cannot_run_fails_in_podmans_words() {
    let env = TestEnv::new(user_with_ranges());
    let directory = run(&env, &[], &["/etc"]);
    fails(&directory, 126, r#"exec "/etc": permission denied"#);
    let missing = run(&env, &[], &["/no/such/command"]);
    fails(&missing, 127, "/no/such/command: no such file or directory");
    let id = common::run_detached(&env, &[], &["sleep", "1000"]);
    let exec = env.run(&["exec", &id, "/etc"]);
    fails(&exec, 126, "permission denied");
    env.run(&["rm", "-f", "-t", "0", &id]).ok();
}

#[test]
fn ports_without_a_network_to_forward_them_are_dropped_with_podmans_warning() {
    let env = TestEnv::new(user_with_ranges());
    for network in ["host", "none"] {
        let ran = run(
            &env,
            &["-p", "8080", "--network", network],
            &["echo", "ran"],
        );
        assert_eq!(
            ran.ok().stderr.trim(),
            "Port mappings have been discarded as one of the Host, Container, Pod, and None network modes are in use"
        );
        assert_eq!(ran.stdout.trim(), "ran");
    }
}

#[test]
fn pull_never_of_an_absent_image_is_not_known() {
    let env = TestEnv::new(user_with_ranges());
    let absent = format!("{}/rcon-test/absent:1", common::registry());
    let refused = env.run(&["run", "--rm", "--pull=never", &absent, "true"]);
    refused.code_is(125);
    assert_eq!(
        refused.stderr.trim(),
        format!("Error: {absent}: image not known")
    );
}

#[test]
fn network_of_a_stopped_container_is_accepted_at_create_and_rm_depend_takes_both() {
    let env = TestEnv::new(user_with_ranges());
    let first = common::create(&env, &[], &["true"]);
    let network = format!("--network=container:{first}");
    let second = common::create(&env, &[&network], &["true"]);
    let alone = env.run(&["rm", &first]);
    fails(&alone, 125, "has dependent containers");
    let removed = env.run(&["rm", "--depend", &first]);
    let removed = &removed.ok().stdout;
    assert!(
        removed.contains(&first) && removed.contains(&second),
        "{removed}"
    );
    let unknown = run(&env, &["--network=container:nosuchcontainer"], &["true"]);
    unknown.code_is(125);
}

#[test]
fn keep_id_home_is_the_containers_and_user_0_is_root() {
    let env = TestEnv::new(user_with_ranges());
    let me = &env.user.name;
    let show = ["sh", "-c", "echo $HOME $(echo ~) $(id -un)"];
    // The host's home is not in the container: the working directory is.
    let plain = stdout(&run(&env, &["--userns=keep-id", "-w", "/tmp"], &show));
    assert_eq!(plain, format!("/tmp /tmp {me}"));
    // ...unless a volume puts it there.
    let home = nix::unistd::User::from_uid(env.user.uid.into())
        .unwrap()
        .unwrap()
        .dir
        .display()
        .to_string();
    let volume = format!("-v={home}");
    let mounted = stdout(&run(&env, &["--userns=keep-id", &volume], &show));
    assert_eq!(mounted, format!("{home} {home} {me}"));
    let root = stdout(&run(
        &env,
        &["--userns=keep-id", "--user=0"],
        &["id", "-un"],
    ));
    assert_eq!(root, "root");
}

#[test]
fn hostuser_adds_the_hosts_entry_and_an_unknown_user_fails_the_start() {
    let env = TestEnv::new(user_with_ranges());
    let me = env.user.name.clone();
    let grep = ["grep", &me, "/etc/passwd"];
    run(&env, &[], &grep).code_is(1);
    let by_name = format!("--hostuser={me}");
    let entry = stdout(&run(&env, &[&by_name], &grep));
    assert!(
        entry.starts_with(&format!("{me}:*:{}:", env.user.uid)),
        "{entry}"
    );
    let by_uid = format!("--hostuser={}", env.user.uid);
    run(&env, &[&by_uid], &grep).ok();
    let bogus = run(&env, &["--hostuser=rcon-no-such-user"], &["true"]);
    fails(&bogus, 126, "no such user");
}

#[test]
fn preserve_fds_passes_the_callers_descriptors_and_refuses_a_closed_one() {
    let env = TestEnv::new(user_with_ranges());
    // Opened by the shell, as the test user: a file anyone may read.
    let file = env.base.join("fd-content");
    std::fs::write(&file, "through fd 4\n").unwrap();
    let reference = image_ref(catalog::BUSYBOX);
    let line = |fd3: &str| {
        format!(
            "exec {} run --rm --tls-verify=false -q --preserve-fds=2 {reference} sh -c 'cat <&4' {fd3} 4<{}",
            common::rcon_bin().display(),
            file.display()
        )
    };
    let passed = common::run_command(
        env.command_as_user("/bin/sh")
            .args(["-c", &line("3</dev/null")]),
        None,
        common::command_timeout(),
    )
    .unwrap();
    assert_eq!(passed.ok().stdout, "through fd 4\n");
    let closed = common::run_command(
        env.command_as_user("/bin/sh").args(["-c", &line("3<&-")]),
        None,
        common::command_timeout(),
    )
    .unwrap();
    fails(&closed, 125, "file descriptor 3 is not available");
    // Without the flag the command gets none of them.
    let fds = stdout(&run(&env, &[], &["ls", "/proc/self/fd"]));
    assert_eq!(fds.split_whitespace().count(), 4, "{fds}");
}

#[test]
fn log_opt_sets_the_path_a_size_that_restarts_the_log_and_a_tag() {
    let env = TestEnv::new(user_with_ranges());
    let path = env.home.join("my.log");
    let path_opt = format!("--log-opt=path={}", path.display());
    // 200 lines of about 48 bytes each as log entries: far past 1 kB.
    let id = common::run_detached(
        &env,
        &[&path_opt, "--log-opt=max-size=1k", "--log-opt=tag=mine"],
        &[
            "sh",
            "-c",
            "i=0; while [ $i -lt 200 ]; do i=$((i+1)); echo line$i; done",
        ],
    );
    env.run(&["wait", &id]).ok();
    let inspect = |field: &str| {
        let format = format!("{{{{.HostConfig.LogConfig.{field}}}}}");
        stdout(&env.run(&["inspect", "--format", &format, &id]))
    };
    assert_eq!(inspect("Path"), path.display().to_string());
    assert_eq!(inspect("Size"), "1kB");
    assert_eq!(inspect("Tag"), "mine");
    let log = std::fs::read_to_string(&path).unwrap();
    assert!(log.len() <= 1000, "{} bytes:\n{log}", log.len());
    assert!(log.ends_with(" stdout F line200\n"), "{log}");
    let logs = stdout(&env.run(&["logs", &id]));
    assert!(
        logs.ends_with("line200") && !logs.contains("line1\n"),
        "{logs}"
    );
    let bad = run(&env, &["--log-opt=max-size=lots"], &["true"]);
    fails(&bad, 125, "max-size=lots");
}

#[test]
fn log_driver_passthrough_logs_nothing_and_journald_is_refused() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let ran = env.run(&[
        "run",
        "--tls-verify=false",
        "-q",
        "--name",
        "through",
        "--log-driver=passthrough",
        &reference,
        "echo",
        "passed",
    ]);
    assert_eq!(ran.ok().stdout, "passed\n");
    fails(
        &env.run(&["logs", "through"]),
        125,
        "'passthrough' log driver",
    );
    let detached = env.run(&["run", "-d", "--log-driver=passthrough", &reference]);
    fails(&detached, 125, "needs a foreground run");
    let journald = run(&env, &["--log-driver=journald"], &["true"]);
    fails(&journald, 125, "--log-driver journald");
}

#[test]
fn logs_of_several_containers_begin_with_their_ids() {
    let env = TestEnv::new(user_with_ranges());
    let first = common::run_detached(&env, &[], &["echo", "a"]);
    env.run(&["wait", &first]).ok();
    let second = common::run_detached(&env, &[], &["echo", "b"]);
    env.run(&["wait", &second]).ok();
    for follow in [&[][..], &["-f"]] {
        let args = [&["logs"], follow, &[first.as_str(), second.as_str()]].concat();
        assert_eq!(
            stdout(&env.run(&args)),
            format!("{} a\n{} b", &first[..12], &second[..12])
        );
    }
    assert_eq!(stdout(&env.run(&["logs", &first])), "a");
    // Podman's --names and --color (podman-compose asks for both): each
    // container's name, each line in its container's colour.
    env.run(&["rename", &first, "first"]).ok();
    let second_name = stdout(&env.run(&["inspect", "--format", "{{.Name}}", &second]));
    assert_eq!(
        env.run(&["logs", "-n", "--color", "first", &second])
            .ok()
            .stdout,
        format!("\x1b[37mfirst a\x1b[0m\n\x1b[31m{second_name} b\x1b[0m\n")
    );
    assert_eq!(
        env.run(&["logs", "--names", "first"]).ok().stdout,
        "first a\n"
    );
}

#[test]
fn attach_shows_only_the_streams_named_and_the_log_keeps_all() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let both = ["sh", "-c", "echo out; echo err >&2"];
    let run_attached = |name: &str, streams: &[&str]| {
        let mut args = vec!["run", "--tls-verify=false", "-q", "--name", name];
        for stream in streams {
            args.extend(["--attach", stream]);
        }
        args.push(&reference);
        args.extend(both);
        env.run(&args)
    };
    let err_only = run_attached("err-only", &["stderr"]);
    assert_eq!(
        (err_only.ok().stdout.as_str(), err_only.stderr.as_str()),
        ("", "err\n")
    );
    let out_only = run_attached("out-only", &["STDOUT"]);
    assert_eq!(
        (out_only.ok().stdout.as_str(), out_only.stderr.as_str()),
        ("out\n", "")
    );
    // Nothing of the command's shown: the container's ID is.
    let stdin_only = run_attached("stdin-only", &["stdin"]);
    let id = stdout(&env.run(&["inspect", "--format", "{{.Id}}", "stdin-only"]));
    assert_eq!(stdin_only.ok().stdout.trim(), id);
    let logged = env.run(&["logs", "err-only"]);
    assert_eq!(
        (logged.ok().stdout.as_str(), logged.stderr.as_str()),
        ("out\n", "err\n")
    );
    let latest = stdout(&env.run(&["inspect", "-l", "--format", "{{.Name}}"]));
    assert_eq!(latest, "stdin-only");
    fails(
        &run(&env, &["-a", "bogus"], &["true"]),
        125,
        "invalid stream \"bogus\"",
    );
    fails(
        &env.run(&["run", "-d", "-a", "stdout", &reference]),
        125,
        "conflict",
    );
}

#[test]
fn runtime_flags_and_runtimes_are_checked_as_an_oci_runtime_would() {
    let env = TestEnv::new(user_with_ranges());
    let with_flag = |flag: &str| {
        env.run(&[
            "--runtime-flag",
            flag,
            "run",
            "--rm",
            "--tls-verify=false",
            "-q",
            &image_ref(catalog::BUSYBOX),
            "true",
        ])
    };
    // An unknown flag fails the start (126, the runtime's refusal); crun's
    // and runc's global flags are taken; verbs that start nothing ignore it.
    fails(&with_flag("invalidflag"), 126, "invalidflag");
    with_flag("debug").ok();
    env.run(&["--runtime-flag", "x", "ps"]).ok();
    fails(
        &run(&env, &["--runtime", "/no/such/runtime"], &["true"]),
        125,
        "not found",
    );
    run(&env, &["--runtime", "rcon"], &["true"]).ok();
    // The runtime as given, a full path kept, is what inspect shows.
    let copy = env.home.join("my-runtime");
    std::fs::copy(common::rcon_bin(), &copy).unwrap();
    let copy = copy.display().to_string();
    common::run_image(
        &env,
        &["--name", "given", "--runtime", &copy],
        catalog::BUSYBOX,
        &["true"],
    )
    .ok();
    let shown = env.run(&["inspect", "--format", "{{.OCIRuntime}}", "given"]);
    assert_eq!(shown.ok().stdout.trim(), copy);
}

#[test]
fn timeout_kills_the_command_and_records_minus_one() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let timed = env.run(&[
        "run",
        "--tls-verify=false",
        "-q",
        "--name",
        "timed",
        "--timeout",
        "1",
        &reference,
        "sleep",
        "1000",
    ]);
    timed.code_is(255);
    let state = [
        "inspect",
        "--format",
        "{{.State.Status}} {{.State.ExitCode}}",
    ];
    assert_eq!(
        stdout(&env.run(&[&state[..], &["timed"]].concat())),
        "exited -1"
    );
    let detached = common::run_detached(&env, &["--timeout=1"], &["sleep", "1000"]);
    assert_eq!(stdout(&env.run(&["wait", &detached])), "-1");
    assert_eq!(
        stdout(&env.run(&[&state[..], &[detached.as_str()]].concat())),
        "exited -1"
    );
    // A command that ends in time keeps its own code.
    assert_eq!(
        run(&env, &["--timeout=100"], &["sh", "-c", "exit 3"]).code,
        Some(3)
    );
}

#[test]
fn run_and_create_take_an_image_from_a_docker_or_oci_archive() {
    let env = common::with_busybox(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    for format in ["docker-archive", "oci-archive"] {
        let archive = env.home.join(format!("{format}.tar"));
        let archive_arg = archive.display().to_string();
        env.run(&[
            "save",
            "-q",
            "--format",
            format,
            "-o",
            &archive_arg,
            &reference,
        ])
        .ok();
        env.run(&["rmi", &reference]).ok();
        let source = format!("{format}:{}", archive.display());
        let ran = env.run(&["run", "--rm", &source, "echo", "from the archive"]);
        assert_eq!(ran.ok().stdout, "from the archive\n");
        let told: Vec<&str> = ran.stderr.lines().collect();
        assert_eq!(
            told.first(),
            Some(&"Getting image source signatures"),
            "{}",
            ran.stderr
        );
        assert_eq!(told.last(), Some(&"Writing manifest to image destination"));
        assert!(ran.stderr.contains("Copying blob") && ran.stderr.contains("Copying config"));
        let id = stdout(&env.run(&["create", "-q", &source, "echo", "created"]));
        assert_eq!(stdout(&env.run(&["start", "-a", &id])), "created");
        env.run(&["rm", &id]).ok();
        env.run(&["image", "exists", &reference]).ok();
    }
    let missing = env.run(&["run", "--rm", "docker-archive:/no/such/archive.tar", "true"]);
    fails(&missing, 125, "/no/such/archive.tar");
}
