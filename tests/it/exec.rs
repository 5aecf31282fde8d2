//! `rcon exec` as the unprivileged test user: exit codes, environment, user
//! and working directory, the container's namespaces and security, a real
//! pty with `-t`, `-d`, and the refusals.

use crate::common;
use crate::common::pty::Pty;
use crate::common::{RunResult, TestEnv, run_detached, user_with_ranges};

fn out(result: &RunResult) -> String {
    result.ok().stdout.trim_end().to_string()
}

/// `rcon exec ARGS...` as the test user.
fn exec(env: &TestEnv, args: &[&str]) -> RunResult {
    let mut all = vec!["exec"];
    all.extend_from_slice(args);
    env.run(&all)
}

/// The value of `field` (e.g. `CapBnd`) in a /proc status text.
fn status_field<'a>(status: &'a str, field: &str) -> &'a str {
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("no {field} in {status}"))
        .trim()
}

/// One error line on stderr, exit `code`.
#[track_caller]
fn refused(result: &RunResult, code: i32, start: &str) {
    result.code_is(code);
    assert!(
        result.stderr.starts_with(&format!("Error: {start}")),
        "{}",
        result.transcript()
    );
    assert_eq!(result.stderr.lines().count(), 1, "{}", result.transcript());
}

#[test]
fn exec_exits_with_the_commands_code_and_podmans_126_127() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["--name", "box"], &["sleep", "600"]);
    exec(&env, &["box", "true"]).code_is(0);
    exec(&env, &["box", "sh", "-c", "exit 42"]).code_is(42);
    let killed = exec(&env, &["box", "sh", "-c", "kill -9 $$"]);
    killed.code_is(137);
    refused(
        &exec(&env, &["box", "no-such-command"]),
        127,
        "no-such-command: executable file not found in $PATH",
    );
    refused(&exec(&env, &["box", "/no/such/file"]), 127, "/no/such/file");
    refused(
        &exec(&env, &["box", "/etc/passwd"]),
        126,
        "exec \"/etc/passwd\": permission denied",
    );
    // As Podman: exec does not create a missing working directory.
    refused(
        &exec(&env, &["-w", "/no/such/dir", "box", "true"]),
        127,
        "entering the working directory /no/such/dir",
    );
    assert_eq!(
        out(&exec(&env, &["box", "echo", "-n", "hyphen", "args"])),
        "hyphen args",
        "arguments after the command are the command's"
    );
}

#[test]
fn exec_takes_the_containers_env_user_and_workdir_with_its_flags_on_top() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(
        &env,
        &[
            "--name",
            "cfg",
            "-e",
            "FROM_RUN=run",
            "-e",
            "BOTH=run",
            "-u",
            "tester",
            "-w",
            "/tmp",
        ],
        &["sleep", "600"],
    );
    let script = "echo \"$FROM_RUN $BOTH $FROM_EXEC $FROM_FILE $HOME\"; id -un; pwd";
    assert_eq!(
        out(&exec(&env, &["cfg", "sh", "-c", script])),
        "run run   /home/tester\ntester\n/tmp",
        "the container's environment, user (and its HOME) and working directory"
    );
    let file = env.base.join("exec.env");
    std::fs::write(&file, "# comment\nFROM_FILE=file\nBOTH=file\n").unwrap();
    let file = file.display().to_string();
    assert_eq!(
        out(&exec(
            &env,
            &[
                "-e",
                "FROM_EXEC=exec",
                "-e",
                "BOTH=exec",
                "--env-file",
                &file,
                "-u",
                "nobody:nogroup",
                "-w",
                "/bin",
                "cfg",
                "sh",
                "-c",
                script,
            ]
        )),
        "run exec exec file /nonexistent\nnobody\n/bin",
        "-e over --env-file over the container's; -u and -w replace the container's"
    );
    assert_eq!(
        out(&exec(&env, &["-u", "1234:5678", "cfg", "id"])),
        "uid=1234 gid=5678 groups=5678"
    );
    refused(
        &exec(&env, &["-u", "nosuchuser", "cfg", "true"]),
        125,
        "unable to find user nosuchuser",
    );
    refused(
        &exec(&env, &["-e", "=bad", "cfg", "true"]),
        125,
        "invalid environment variable \"=bad\"",
    );
}

#[test]
fn exec_joins_every_namespace_and_the_rootfs_of_the_container() {
    let env = TestEnv::new(user_with_ranges());
    let shared = env.home.join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::os::unix::fs::chown(&shared, Some(env.user.uid), Some(env.user.gid)).unwrap();
    let volume = format!("{}:/shared", shared.display());
    for (name, userns) in [("plain", None), ("keepid", Some("--userns=keep-id"))] {
        let mut flags = vec!["--name", name, "--hostname", "inside", "-v", &volume];
        flags.extend(userns);
        run_detached(&env, &flags, &["sleep", "600"]);
        let ps = out(&exec(&env, &[name, "ps", "-o", "pid,comm"]));
        let processes: Vec<&str> = ps.lines().skip(1).map(str::trim).collect();
        assert_eq!(
            processes.first().copied(),
            Some("1 sleep"),
            "the container's PID namespace: {ps}"
        );
        assert!(processes.iter().all(|p| !p.contains("rcon")), "{ps}");
        assert_eq!(
            out(&exec(
                &env,
                &[name, "sh", "-c", "hostname; echo $0 > /shared/$0", name]
            )),
            "inside",
            "the container's hostname"
        );
        assert_eq!(
            std::fs::read_to_string(shared.join(name)).unwrap(),
            format!("{name}\n"),
            "written through the container's mounts"
        );
        let compare = "for ns in user mnt pid uts ipc net cgroup; do \
                       [ \"$(readlink /proc/1/ns/$ns)\" = \"$(readlink /proc/self/ns/$ns)\" ] \
                       || echo \"$ns differs\"; done; echo checked";
        assert_eq!(
            out(&exec(&env, &[name, "sh", "-c", compare])),
            "checked",
            "{name}: every namespace of the container's first process"
        );
    }
    // keep-id: inside its own user namespace the caller's ID is its own.
    assert_eq!(
        out(&exec(&env, &["keepid", "id", "-u"])),
        env.user.uid.to_string()
    );
}

#[test]
fn exec_gets_the_containers_capabilities_seccomp_and_limits() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(
        &env,
        &[
            "--name",
            "locked",
            "--cap-drop",
            "CHOWN",
            "--cap-add",
            "NET_RAW",
            "--ulimit",
            "nofile=123:456",
        ],
        &["sleep", "600"],
    );
    let first = out(&exec(&env, &["locked", "cat", "/proc/1/status"]));
    let own = out(&exec(&env, &["locked", "cat", "/proc/self/status"]));
    for field in ["CapBnd", "CapEff", "CapPrm", "NoNewPrivs", "Seccomp"] {
        assert_eq!(
            status_field(&own, field),
            status_field(&first, field),
            "{field} as the container's"
        );
    }
    assert_eq!(status_field(&own, "NoNewPrivs"), "1");
    assert_eq!(status_field(&own, "Seccomp"), "2", "a seccomp filter");
    assert_eq!(
        out(&exec(
            &env,
            &["locked", "sh", "-c", "ulimit -n; ulimit -Hn"]
        )),
        "123\n456"
    );
    // --privileged: every capability, the filter stays (as in Podman).
    let privileged = out(&exec(
        &env,
        &["--privileged", "locked", "cat", "/proc/self/status"],
    ));
    let bits = |status: &str, field| u64::from_str_radix(status_field(status, field), 16).unwrap();
    assert!(
        bits(&privileged, "CapBnd") > bits(&first, "CapBnd")
            && bits(&privileged, "CapBnd") & bits(&first, "CapBnd") == bits(&first, "CapBnd"),
        "{privileged}"
    );
    assert_eq!(status_field(&privileged, "Seccomp"), "2");
}

#[test]
fn exec_t_gives_a_terminal_of_the_containers_devpts() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["--name", "term"], &["sleep", "600"]);
    let mut pty = Pty::open(27, 93);
    let mut command = env.rcon();
    command.args(["exec", "-it", "term", "sh"]);
    let (code, seen) = pty.shell_session(&mut command, |_| {});
    assert_eq!(code, Some(3), "{seen}");
    assert!(seen.contains("27 93"), "the caller's window size: {seen}");
    assert!(
        seen.contains("/dev/pts/0"),
        "a pty of the container's own devpts: {seen}"
    );
    // Without a terminal, stdin is /dev/null unless -i.
    assert_eq!(out(&exec(&env, &["term", "cat"])), "");
    let piped = env.run_with_input(&["exec", "-i", "term", "cat"], b"through stdin\n");
    assert_eq!(out(&piped), "through stdin");
}

#[test]
fn exec_d_returns_at_once_and_leaves_the_command_to_the_container() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["--name", "bg"], &["sleep", "600"]);
    let detached = exec(&env, &["-d", "bg", "sleep", "999"]);
    assert_eq!(out(&detached), "");
    assert_eq!(detached.stderr, "");
    // rcon has exited and the command runs on in the container, an orphan
    // whose new parent is outside the container's PID namespace (PPID 0).
    let ps = out(&exec(&env, &["bg", "ps", "-o", "ppid,args"]));
    assert!(
        ps.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["0", "sleep", "999"]),
        "{ps}"
    );
    refused(
        &exec(&env, &["-d", "bg", "no-such-command"]),
        127,
        "no-such-command",
    );
    refused(&exec(&env, &["-d", "-t", "bg", "true"]), 125, "exec -d -t");
}

#[test]
fn exec_refuses_stopped_and_unknown_containers() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["--name", "done"], &["true"]);
    env.run(&["wait", "done"]).ok();
    refused(
        &exec(&env, &["done", "true"]),
        125,
        "container done is not running",
    );
    env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--name",
        "fresh",
        &common::image_ref(testkit::catalog::BUSYBOX),
        "true",
    ])
    .ok();
    refused(
        &exec(&env, &["fresh", "true"]),
        125,
        "container fresh is not running",
    );
    refused(
        &exec(&env, &["nosuch", "true"]),
        125,
        "no container with name or ID \"nosuch\" found: no such container",
    );
    let missing = exec(&env, &["done"]);
    missing.code_is(125);
}
