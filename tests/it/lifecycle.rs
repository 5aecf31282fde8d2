//! Detached containers and the verbs on them, as the unprivileged test user:
//! `run -d`, the monitor and its log, `ps`, `logs`, `stop`, `kill`, `wait`,
//! `rm`, `start`, reconciliation after a lost monitor or a wiped runtime dir.

use std::fs;
use std::path::PathBuf;

use crate::common;
use crate::common::{RunResult, TestEnv, image_ref, run_detached, user_with_ranges};
use testkit::catalog;

fn out(result: &RunResult) -> String {
    result.ok().stdout.trim_end().to_string()
}

/// `<runroot>/containers/<id>/monitor.json`, while the container runs.
fn monitor_record(env: &TestEnv, id: &str) -> PathBuf {
    env.runtime_dir
        .join("rcon/containers")
        .join(id)
        .join("monitor.json")
}

fn monitor_pids(env: &TestEnv, id: &str) -> (i32, i32) {
    let text = fs::read_to_string(monitor_record(env, id)).expect("the monitor record exists");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    (
        json["monitorPid"].as_i64().unwrap() as i32,
        json["containerPid"].as_i64().unwrap() as i32,
    )
}

/// True when `pid` runs (and is not a zombie).
fn alive(pid: i32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            let state = stat[stat.rfind(')').unwrap() + 2..].chars().next();
            !matches!(state, Some('Z' | 'X'))
        })
        .unwrap_or(false)
}

fn state_of(env: &TestEnv, name: &str) -> String {
    out(&env.run(&[
        "inspect",
        "--format",
        "{{.State.Status}} {{.State.ExitCode}}",
        name,
    ]))
}

#[test]
fn run_d_returns_while_the_command_runs_under_a_monitor() {
    let env = TestEnv::new(user_with_ranges());
    let id = run_detached(&env, &["--name", "sleeper"], &["sleep", "60"]);
    let (monitor, container) = monitor_pids(&env, &id);
    assert!(alive(monitor) && alive(container));
    let status = fs::read_to_string(format!("/proc/{monitor}/status")).unwrap();
    assert!(status.contains("Name:\trcon-monitor"), "{status}");
    // Its own memory (the binary's pages are shared with every rcon): a few MB.
    let anon_kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("RssAnon:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap();
    eprintln!("monitor RssAnon: {anon_kb} kB");
    assert!(
        anon_kb < 8 * 1024,
        "the monitor holds {anon_kb} kB of its own"
    );
    // A session of its own: no controlling terminal, not the CLI's group.
    let stat = fs::read_to_string(format!("/proc/{monitor}/stat")).unwrap();
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    assert_eq!(
        fields[3],
        monitor.to_string(),
        "the monitor leads its session"
    );
    assert_eq!(fields[4], "0", "the monitor has no controlling terminal");
    assert_eq!(
        out(&env.run(&["ps", "--format", "{{.ID}} {{.Names}} {{.Pid}}"])),
        format!("{} sleeper {container}", &id[..12])
    );
    assert!(
        out(&env.run(&["ps", "--format", "{{.State}}"])).starts_with("Up "),
        "Podman's words for a running container"
    );
    let table = out(&env.run(&["ps"]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("CONTAINER ID  IMAGE"), "{table}");
    assert!(lines[0].ends_with("NAMES"), "{table}");
    assert!(
        lines[1].contains("sleep 60") && lines[1].contains("Up "),
        "{table}"
    );
    env.run(&["rm", "-f", "-t", "0", "sleeper"]).ok();
    assert!(!alive(monitor) && !alive(container));
}

/// As with Podman, a foreground run (and `start -a`) logs what it shows, its
/// streams still apart on the caller's side.
#[test]
fn foreground_runs_are_logged_too() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let run = env.run_with_input(
        &[
            "run",
            "--tls-verify=false",
            "-q",
            "-i",
            "--name",
            "fg",
            &reference,
            "sh",
            "-c",
            "read line; echo out-$line; echo err-$line >&2; exit 3",
        ],
        b"typed\n",
    );
    run.code_is(3);
    assert_eq!(run.stdout, "out-typed\n", "stdin still reaches it");
    assert_eq!(run.stderr, "err-typed\n");
    let logs = env.run(&["logs", "fg"]);
    assert_eq!(logs.ok().stdout, "out-typed\n");
    assert_eq!(logs.stderr, "err-typed\n");
    let again = env.run_with_input(&["start", "-ai", "fg"], b"again\n");
    again.code_is(3);
    assert_eq!(again.stdout, "out-again\n");
    assert_eq!(
        env.run(&["logs", "fg"]).ok().stdout,
        "out-typed\nout-again\n"
    );
    // With a terminal: what it shows.
    env.run(&["run", "-t", "--name", "tt", &reference, "echo", "on-a-tty"])
        .ok();
    assert_eq!(out(&env.run(&["logs", "tt"])), "on-a-tty");
}

#[test]
fn logs_keep_the_streams_apart_in_k8s_file_format() {
    let env = TestEnv::new(user_with_ranges());
    let id = run_detached(
        &env,
        &["--name", "talker"],
        &[
            "sh",
            "-c",
            "echo to-out; echo to-err >&2; printf partial; exit 3",
        ],
    );
    assert_eq!(out(&env.run(&["wait", "talker"])), "3");
    let logs = env.run(&["logs", "talker"]);
    assert_eq!(logs.ok().stdout, "to-out\npartial");
    assert_eq!(logs.stderr, "to-err\n");
    let log =
        fs::read_to_string(env.data_dir().join("containers").join(&id).join("ctr.log")).unwrap();
    let first = log.lines().next().unwrap();
    let fields: Vec<&str> = first.splitn(4, ' ').collect();
    assert!(
        chrono::DateTime::parse_from_rfc3339(fields[0]).is_ok(),
        "{first}"
    );
    assert_eq!(&fields[1..], ["stdout", "F", "to-out"]);
    assert!(log.contains(" stdout P partial\n"), "{log}");
    assert!(log.contains(" stderr F to-err\n"), "{log}");
    let stamped = out(&env.run(&["logs", "-t", "--tail", "1", "talker"]));
    let (time, text) = stamped.split_once(' ').unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(time).is_ok(),
        "{stamped}"
    );
    assert_eq!(
        text, "partial",
        "the last stdout line (its end was never logged)"
    );
    assert_eq!(
        env.run(&["logs", "--since", "2999-01-01", "talker"])
            .ok()
            .stdout,
        ""
    );
    assert_eq!(
        env.run(&["logs", "--until", "1h", "talker"]).ok().stdout,
        ""
    );
    assert_eq!(state_of(&env, "talker"), "exited 3");
    // --rm: gone once it ended, log and all.
    let gone = run_detached(&env, &["--rm"], &["true"]);
    env.run(&["wait", &gone]);
    assert!(!env.data_dir().join("containers").join(&gone).exists());
}

#[test]
fn logs_follow_sees_new_lines_and_ends_with_the_container() {
    let env = TestEnv::new(user_with_ranges());
    let trigger = env.home.join("trigger");
    fs::create_dir(&trigger).unwrap();
    if let Ok(meta) = fs::metadata(&env.home) {
        use std::os::unix::fs::MetadataExt;
        std::os::unix::fs::chown(&trigger, Some(meta.uid()), Some(meta.gid())).unwrap();
    }
    let volume = format!("{}:/trigger", trigger.display());
    run_detached(
        &env,
        &["--name", "follow", "-v", &volume],
        &[
            "sh",
            "-c",
            "echo first; while [ ! -e /trigger/go ]; do sleep 0.1; done; echo second",
        ],
    );
    let mut logs = env
        .rcon()
        .args(["logs", "-f", "follow"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = std::io::BufReader::new(logs.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut reader, &mut line).unwrap();
    assert_eq!(line, "first\n");
    // Only now does the container write its second line.
    fs::write(trigger.join("go"), "").unwrap();
    line.clear();
    std::io::BufRead::read_line(&mut reader, &mut line).unwrap();
    assert_eq!(line, "second\n");
    let status = logs.wait().unwrap();
    assert!(status.success(), "logs -f ends when the container does");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
    assert_eq!(rest, "");
}

#[test]
fn stop_waits_for_the_timeout_then_kills_and_kill_sends_signals() {
    let env = TestEnv::new(user_with_ranges());
    // PID 1 ignores SIGTERM unless it has a handler: the stop must end in SIGKILL.
    let id = run_detached(&env, &["--name", "stubborn"], &["sleep", "600"]);
    let stopped = env.run(&["stop", "-t", "1", "stubborn"]);
    assert_eq!(out(&stopped), "stubborn");
    assert_eq!(state_of(&env, "stubborn"), "exited 137");
    let status = out(&env.run(&["ps", "-a", "--format", "{{.Status}}"]));
    assert!(status.starts_with("Exited (137) "), "{status}");
    assert_eq!(out(&env.run(&["wait", "stubborn"])), "137");
    // A stopped container starts again, detached, and prints its name.
    assert_eq!(out(&env.run(&["start", "stubborn"])), "stubborn");
    assert_eq!(state_of(&env, "stubborn"), "running 0");
    let (_, before) = monitor_pids(&env, &id);
    assert_eq!(
        out(&env.run(&["restart", "-t", "0", "stubborn"])),
        "stubborn"
    );
    let (_, after) = monitor_pids(&env, &id);
    assert!(
        before != after && !alive(before) && alive(after),
        "a new process"
    );
    env.run(&["kill", "-s", "KILL", "stubborn"]).ok();
    assert_eq!(out(&env.run(&["wait", "stubborn"])), "137");

    // A handler for the signal kill sends: the container exits with its own code.
    run_detached(
        &env,
        &["--name", "trapper"],
        &[
            "sh",
            "-c",
            "trap 'exit 7' USR1; while true; do sleep 1; done",
        ],
    );
    let bad = env.run(&["kill", "-s", "NOSUCHSIG", "trapper"]);
    bad.code_is(125);
    assert_eq!(bad.stderr, "Error: invalid signal: NOSUCHSIG\n");
    assert_eq!(bad.stderr.lines().count(), 1);
    assert_eq!(
        state_of(&env, "trapper"),
        "running 0",
        "a bad signal changes nothing"
    );
    assert_eq!(
        out(&env.run(&["kill", "--signal", "usr1", "trapper"])),
        "trapper"
    );
    assert_eq!(out(&env.run(&["wait", "trapper"])), "7");
    let again = env.run(&["kill", "trapper"]);
    again.code_is(125);
    assert_eq!(again.stderr, "Error: container trapper is not running\n");
}

#[test]
fn a_killed_monitor_or_a_wiped_runtime_dir_leaves_containers_exited_and_startable() {
    let env = TestEnv::new(user_with_ranges());
    let id = run_detached(&env, &["--name", "orphan"], &["sleep", "600"]);
    let (monitor, container) = monitor_pids(&env, &id);
    // SAFETY: kill(2) with a PID we just read; no memory involved.
    assert_eq!(unsafe { libc::kill(monitor, libc::SIGKILL) }, 0);
    while alive(monitor) {
        std::thread::yield_now();
    }
    assert_eq!(state_of(&env, "orphan"), "exited -1");
    assert!(
        !alive(container),
        "nobody is left to reap or log it, so it is ended"
    );
    assert!(!monitor_record(&env, &id).exists());
    assert_eq!(out(&env.run(&["start", "orphan"])), "orphan");
    assert_eq!(state_of(&env, "orphan"), "running 0");

    // A reboot: every process gone, the runtime dir empty.
    let (monitor, container) = monitor_pids(&env, &id);
    for pid in [monitor, container] {
        // SAFETY: as above.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    }
    let pause: i32 = fs::read_to_string(env.runtime_dir.join("rcon/pause.pid"))
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // SAFETY: as above.
    unsafe { libc::kill(pause, libc::SIGKILL) };
    while alive(monitor) || alive(pause) {
        std::thread::yield_now();
    }
    fs::remove_dir_all(env.runtime_dir.join("rcon")).unwrap();
    assert_eq!(state_of(&env, "orphan"), "exited -1");
    assert_eq!(out(&env.run(&["start", "orphan"])), "orphan");
    assert_eq!(state_of(&env, "orphan"), "running 0");
}

#[test]
fn rm_refuses_a_running_container_and_rm_f_leaves_nothing() {
    let env = TestEnv::new(user_with_ranges());
    let id = run_detached(
        &env,
        &["--name", "doomed", "-v", "/anon"],
        &["sleep", "600"],
    );
    let (monitor, container) = monitor_pids(&env, &id);
    let refused = env.run(&["rm", "doomed"]);
    // Podman's exit code and words for a container in the wrong state.
    refused.code_is(2);
    assert_eq!(
        refused.stderr,
        format!(
            "Error: cannot remove container {id} as it is running - running or paused containers cannot be removed without force: container state improper\n"
        ),
    );
    assert_eq!(refused.stderr.lines().count(), 1);
    assert_eq!(state_of(&env, "doomed"), "running 0");
    let volumes = out(&env.run(&["volume", "ls", "-q"]));
    assert_eq!(volumes.lines().count(), 1, "the anonymous volume");

    assert_eq!(
        out(&env.run(&["rm", "-f", "-v", "-t", "0", &id[..8]])),
        &id[..8]
    );
    assert!(!alive(monitor) && !alive(container), "no process left");
    assert!(
        !env.data_dir().join("containers").join(&id).exists(),
        "no file left"
    );
    assert!(
        !env.runtime_dir.join("rcon/containers").join(&id).exists(),
        "no runtime entry left"
    );
    let mountinfo = env.run(&["unshare", "cat", "/proc/self/mountinfo"]);
    assert!(!mountinfo.ok().stdout.contains(&id), "no mount left");
    assert_eq!(
        out(&env.run(&["volume", "ls", "-q"])),
        "",
        "-v removed the anonymous volume"
    );
    assert_eq!(out(&env.run(&["ps", "-a", "-q"])), "");

    // rm -a removes stopped ones without -f.
    run_detached(&env, &[], &["true"]);
    run_detached(&env, &[], &["true"]);
    let all = env.run(&["ps", "-a", "-q"]);
    assert_eq!(out(&all).lines().count(), 2);
    let stopped: Vec<String> = out(&all).lines().map(String::from).collect();
    for id in &stopped {
        env.run(&["wait", id]).ok();
    }
    env.run(&["rm", "-a"]).ok();
    assert_eq!(out(&env.run(&["ps", "-a", "-q"])), "");
}

#[test]
fn unknown_and_ambiguous_names_are_one_line_errors() {
    let env = TestEnv::new(user_with_ranges());
    for verb in [
        vec!["logs", "nosuch"],
        vec!["stop", "nosuch"],
        vec!["kill", "nosuch"],
        vec!["wait", "nosuch"],
        vec!["rm", "nosuch"],
        vec!["start", "nosuch"],
    ] {
        let result = env.run(&verb);
        // As Podman: rm says a container is missing with exit code 1.
        result.code_is(if verb[0] == "rm" { 1 } else { 125 });
        assert_eq!(
            result.stderr,
            "Error: no container with name or ID \"nosuch\" found: no such container\n",
            "{verb:?}"
        );
    }
    // 17 IDs: two share their first hex digit.
    let reference = image_ref(catalog::BUSYBOX);
    let ids: Vec<String> = (0..17)
        .map(|_| out(&env.run(&["create", "--tls-verify=false", "-q", &reference, "true"])))
        .collect();
    let digit = (0..16)
        .map(|d| format!("{d:x}"))
        .find(|d| ids.iter().filter(|id| id.starts_with(d.as_str())).count() > 1)
        .unwrap();
    let result = env.run(&["rm", &digit]);
    result.code_is(125);
    assert!(
        result.stderr.contains("matches more than one container"),
        "{}",
        result.stderr
    );
    assert_eq!(result.stderr.lines().count(), 1);
    assert_eq!(
        out(&env.run(&["ps", "-a", "-q"])).lines().count(),
        17,
        "nothing removed"
    );
}

#[test]
fn ps_filters_and_formats() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(
        &env,
        &["--name", "web", "-l", "tier=front"],
        &["sleep", "600"],
    );
    let done = run_detached(&env, &["--name", "job", "-l", "tier=back"], &["true"]);
    env.run(&["wait", &done]).ok();
    let names = |args: &[&str]| {
        let mut all = vec!["ps", "--format", "{{.Names}}"];
        all.extend_from_slice(args);
        out(&env.run(&all))
    };
    // Oldest first, as Podman lists them.
    assert_eq!(names(&[]), "web");
    assert_eq!(names(&["-a"]), "web\njob");
    assert_eq!(names(&["-l"]), "job");
    assert_eq!(names(&["-n", "2"]), "web\njob");
    assert_eq!(names(&["-a", "--sort", "names"]), "job\nweb");
    assert_eq!(names(&["--filter", "status=exited"]), "job");
    assert_eq!(names(&["--filter", "exited=0"]), "");
    assert_eq!(names(&["-a", "--filter", "exited=0"]), "job");
    assert_eq!(names(&["-a", "--filter", "label=tier=front"]), "web");
    assert_eq!(names(&["-a", "--filter", "label=tier"]), "web\njob");
    assert_eq!(names(&["-a", "--filter", "name=^w"]), "web");
    assert_eq!(names(&["-a", "--filter", "ancestor=busybox"]), "web\njob");
    assert_eq!(names(&["-a", "--filter", "ancestor=other"]), "");
    // Label terms must all pass; terms of one other key are alternatives.
    let filters = |terms: &[&str]| {
        let mut args = vec!["-a"];
        terms.iter().for_each(|t| args.extend(["--filter", t]));
        names(&args)
    };
    assert_eq!(filters(&["label=tier", "label=tier=back"]), "job");
    assert_eq!(filters(&["label=tier=front", "label=tier=back"]), "");
    assert_eq!(filters(&["name=web", "name=job"]), "web\njob");
    assert_eq!(filters(&["status=running", "status=exited"]), "web\njob");
    assert_eq!(filters(&["status=running", "label=tier=back"]), "");
    assert_eq!(filters(&["since=web"]), "job");
    assert_eq!(
        filters(&["before=job", "before=web"]),
        "",
        "before the earliest named"
    );
    assert_eq!(
        filters(&["id=^[0-9a-f]+$", "restart-policy=none"]),
        "web\njob"
    );
    let bad = env.run(&["ps", "--filter", "status=sleeping"]);
    bad.code_is(125);
    assert!(
        bad.stderr.contains("unknown container state: sleeping"),
        "{}",
        bad.stderr
    );
    // Podman's own words, which its tests (and scripts) compare whole.
    let policy = env.run(&["start", "--filter", "restart-policy=fakepolicy", "job"]);
    policy.code_is(125);
    assert_eq!(policy.stderr, "Error: fakepolicy invalid restart policy\n");
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["ps", "-a", "--format", "json"]).ok().stdout).unwrap();
    assert_eq!(json[0]["Names"], serde_json::json!(["web"]));
    assert_eq!(json[0]["State"], "running");
    assert_eq!(json[0]["Labels"]["tier"], "front");
    assert_eq!(json[1]["ExitCode"], 0);
    // A table: cells aligned as Podman's tab writer does (at least 12 wide, 2 apart).
    let table = out(&env.run(&["ps", "-a", "--format", "table {{.Names}} {{.Exited}}"]));
    assert_eq!(
        table,
        format!(
            "{:<12}EXITED\n{:<12}false\n{:<12}true",
            "NAMES", "web", "job"
        )
    );
    assert_eq!(
        out(&env.run(&[
            "ps",
            "--format",
            "{{index .Labels \"tier\"}}|{{json .Command}}"
        ])),
        // `.Command` is text in Podman's ps, as its table shows it.
        "front|\"sleep 600\""
    );
    let bad = env.run(&["ps", "--format", "{{.Names"]);
    bad.code_is(125);
    assert_eq!(
        bad.stderr,
        "Error: template: ps:1: bad character U+007B '{'\n"
    );
    let bad = env.run(&["ps", "--format", "{{.Colour}}"]);
    bad.code_is(125);
    assert!(
        bad.stderr
            .contains("can't evaluate field Colour in type containers.psReporter"),
        "{}",
        bad.stderr
    );
    let bad = env.run(&["ps", "--filter", "colour=red"]);
    bad.code_is(125);
    assert_eq!(bad.stderr, "Error: colour is an invalid filter\n");
}

#[test]
fn twenty_parallel_run_d_all_start_and_ps_never_fails_meanwhile() {
    let env = TestEnv::new(user_with_ranges());
    // Pull once, so the parallel runs race on containers, not on the pull.
    env.run(&[
        "pull",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
    ])
    .ok();
    let ids = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..20)
            .map(|_| scope.spawn(|| run_detached(&env, &[], &["sleep", "600"])))
            .collect();
        let lister = scope.spawn(|| {
            for _ in 0..10 {
                env.run(&["ps", "-a"]).ok();
            }
        });
        lister.join().unwrap();
        runs.into_iter()
            .map(|r| r.join().unwrap())
            .collect::<Vec<_>>()
    });
    let listed = out(&env.run(&["ps", "--format", "{{.Names}}"]));
    let mut names: Vec<&str> = listed.lines().collect();
    assert_eq!(names.len(), 20, "{listed}");
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 20, "distinct names: {listed}");
    assert_eq!(ids.len(), 20);
}

#[test]
fn inspect_is_podman_shaped_and_takes_templates() {
    let env = TestEnv::new(user_with_ranges());
    let id = run_detached(
        &env,
        &[
            "--name",
            "shown",
            "-l",
            "app=web",
            "-e",
            "GREETING=hi",
            "-w",
            "/tmp",
        ],
        &["sleep", "600"],
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["inspect", "shown"]).ok().stdout).unwrap();
    let c = &json[0];
    assert_eq!(c["Id"], id.as_str());
    assert_eq!(c["Name"], "shown");
    assert_eq!(c["State"]["Status"], "running");
    assert_eq!(c["State"]["Running"], true);
    let (_, container) = monitor_pids(&env, &id);
    assert_eq!(c["State"]["Pid"], container);
    assert_eq!(c["Config"]["Labels"]["app"], "web");
    assert_eq!(c["Config"]["WorkingDir"], "/tmp");
    assert!(
        c["Config"]["Env"]
            .as_array()
            .unwrap()
            .contains(&"GREETING=hi".into())
    );
    assert_eq!(c["Path"], "sleep");
    assert_eq!(c["Args"], serde_json::json!(["600"]));
    let shown = |format: &str| out(&env.run(&["inspect", "--format", format, "shown"]));
    assert_eq!(shown("{{.State.Pid}}"), container.to_string());
    assert_eq!(shown("{{json .Config.Labels}}"), "{\"app\":\"web\"}");
    assert_eq!(shown("{{range .Args}}[{{.}}]{{end}}"), "[600]");
    assert_eq!(shown("{{index .Config.Labels \"app\"}}"), "web");
    env.run(&["stop", "-t", "0", "shown"]).ok();
    assert_eq!(shown("{{.State.Status}} {{.State.ExitCode}}"), "exited 137");
    let bad = env.run(&["inspect", "--format", "{{.State.Pid", "shown"]);
    bad.code_is(125);
    assert_eq!(bad.stderr.lines().count(), 1, "{}", bad.stderr);
    env.run(&["inspect", "nosuch"]).code_is(125);
}

/// The PIDs of the processes in this environment's containers whose
/// command line is exactly `argv`.
fn processes_running(env: &TestEnv, argv: &[&str]) -> Vec<i32> {
    let wanted: Vec<u8> = argv
        .iter()
        .flat_map(|a| [a.as_bytes(), b"\0"].concat())
        .collect();
    container_processes(env)
        .into_iter()
        .filter(|pid| fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| c == wanted))
        .collect()
}

/// The PIDs of the processes in this environment's containers: in its
/// user namespace (its pause process's), in a PID namespace other than
/// the tests' own.
fn container_processes(env: &TestEnv) -> Vec<i32> {
    use std::os::unix::fs::MetadataExt;
    let pause = fs::read_to_string(env.runtime_dir.join("rcon/pause.pid")).unwrap();
    let pause = pause.split_whitespace().next().unwrap();
    let namespace = |pid: &str, kind: &str| {
        fs::metadata(format!("/proc/{pid}/ns/{kind}")).map(|ns| (ns.dev(), ns.ino()))
    };
    let users = namespace(pause, "user").unwrap();
    let ours = namespace("self", "pid").unwrap();
    fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            let id = pid.to_string();
            namespace(&id, "user").is_ok_and(|ns| ns == users)
                && namespace(&id, "pid").is_ok_and(|ns| ns != ours)
                && alive(*pid)
        })
        .collect()
}

#[test]
fn a_start_that_fails_after_the_clone_leaves_no_process() {
    let env = TestEnv::new(user_with_ranges());
    let id = common::create(&env, &["--name", "box"], &["sleep", "987654"]);
    // The runtime entry, which the foreground start writes once the
    // container's process is cloned, cannot be made: a file is in its way.
    let entries = env.runtime_dir.join("rcon/containers");
    let blocked = env
        .command_as_user("sh")
        .args(["-c", "mkdir -p \"$1\" && touch \"$1/$2\"", "sh"])
        .arg(&entries)
        .arg(&id)
        .status()
        .unwrap();
    assert!(blocked.success());
    let failed = env.run(&["start", "-a", "box"]);
    failed.code_is(125);
    assert!(
        failed.stderr.contains("runtime entry"),
        "{}",
        failed.transcript()
    );
    assert_eq!(
        container_processes(&env),
        Vec::<i32>::new(),
        "the failed start left the container's process behind"
    );
    fs::remove_file(entries.join(&id)).unwrap();
    assert_eq!(state_of(&env, "box"), "exited 125");
    env.run(&["start", "box"]).ok();
    assert_eq!(processes_running(&env, &["sleep", "987654"]).len(), 1);
}

#[test]
fn concurrent_starts_start_the_container_once() {
    let env = TestEnv::new(user_with_ranges());
    common::create(&env, &["--name", "box"], &["sleep", "876543"]);
    for round in 0..3 {
        let mut named = 0;
        for output in common::concurrently(&env, &["start", "box"], 2) {
            // As Podman: starting a running container succeeds; it is named
            // only by a start that found it not running.
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let said = String::from_utf8_lossy(&output.stdout);
            assert!(
                said == "box\n" || said.is_empty(),
                "round {round}: {said:?}"
            );
            named += usize::from(!said.is_empty());
        }
        assert!(
            named >= 1,
            "round {round}: no start said it started the container"
        );
        let running = processes_running(&env, &["sleep", "876543"]);
        assert_eq!(running.len(), 1, "round {round}: started {running:?}");
        env.run(&["stop", "-t", "0", "box"]).ok();
        assert_eq!(
            processes_running(&env, &["sleep", "876543"]),
            Vec::<i32>::new()
        );
    }
}

#[test]
fn a_container_being_stopped_is_stopping_until_it_ends() {
    let env = TestEnv::new(user_with_ranges());
    // PID 1 without a handler ignores SIGTERM: the stop waits its timeout out.
    run_detached(&env, &["--name", "slow"], &["sleep", "600"]);
    let mut stop = env.rcon();
    stop.args(["stop", "-t", "30", "slow"]);
    let mut stopping = stop.spawn().unwrap();
    common::eventually("inspect says stopping", || {
        out(&env.run(&["inspect", "--format", "{{.State.Status}}", "slow"])) == "stopping"
    });
    assert_eq!(
        out(&env.run(&["ps", "--format", "{{.Names}} {{.Status}}"])),
        "slow Stopping"
    );
    env.run(&["kill", "slow"]).ok();
    assert!(common::exit_of(&mut stopping).success());
    assert_eq!(state_of(&env, "slow"), "exited 137");
}
