//! Pods as the unprivileged test user, with real namespaces: members of a
//! pod reach each other on localhost and share its hostname, IPC namespace
//! and /dev/shm (and nothing else: not their processes); a port published
//! on the pod answers from the host; `pod rm -f` leaves no process and no
//! container; `--requires` starts what a container needs first; bad input
//! gets Podman's one-line errors; and what another user or a member can
//! reach of a pod's files and processes.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{
    TestEnv, create, eventually, free_port, image_ref, run_detached, stdout, user_with_ranges,
    user_without_ranges, with_busybox,
};
use testkit::catalog;

/// `rcon run --rm --pod POD BUSYBOX sh -c SCRIPT`, its output (it must succeed).
fn in_pod(env: &TestEnv, pod: &str, script: &str) -> String {
    let busybox = image_ref(catalog::BUSYBOX);
    let result = env.run(&[
        "run",
        "--rm",
        "--tls-verify=false",
        "--pod",
        pod,
        &busybox,
        "sh",
        "-c",
        script,
    ]);
    stdout(&result)
}

/// `rcon pod create ARGS...`: the pod's ID.
fn pod_create(env: &TestEnv, args: &[&str]) -> String {
    let result = env.run(&[&["pod", "create"], args].concat());
    let id = result.ok().stdout.trim().to_string();
    assert_eq!(
        id.len(),
        64,
        "pod create prints the ID: {}",
        result.transcript()
    );
    id
}

/// The host PID of a running container's first process.
fn host_pid(env: &TestEnv, container: &str) -> i32 {
    let pid = stdout(&env.run(&["inspect", "--format", "{{.State.Pid}}", container]));
    pid.trim().parse().expect("a PID")
}

#[test]
fn members_reach_each_other_on_localhost_and_share_hostname_ipc_and_shm() {
    let env = with_busybox(user_with_ranges());
    pod_create(&env, &["--name", "web", "--hostname", "podhost"]);
    let listener = run_detached(
        &env,
        &["--pod", "web", "--name", "listener"],
        &[
            "sh",
            "-c",
            "echo from-the-listener > /dev/shm/marker; echo answer | nc -l -p 7000",
        ],
    );
    let seen = in_pod(
        &env,
        "web",
        "until nc 127.0.0.1 7000 </dev/null; do sleep 0.1; done; hostname; cat /dev/shm/marker; readlink /proc/self/ns/ipc; readlink /proc/self/ns/uts",
    );
    let lines: Vec<&str> = seen.lines().collect();
    assert_eq!(
        lines[..3],
        ["answer", "podhost", "from-the-listener"],
        "{seen}"
    );
    // Both members' namespaces are the infra container's.
    let infra = stdout(&env.run(&["pod", "inspect", "--format", "{{.InfraContainerID}}", "web"]));
    let infra_pid = host_pid(&env, infra.trim());
    for (kind, line) in ["ipc", "uts"].iter().zip(&lines[3..5]) {
        let holder = fs::read_link(format!("/proc/{infra_pid}/ns/{kind}")).unwrap();
        assert_eq!(holder.to_string_lossy(), *line, "{kind} namespace");
    }
    // The listener has ended after its one answer; ps and pod ps say so.
    eventually("the listener has exited", || {
        stdout(&env.run(&["inspect", "--format", "{{.State.Status}}", &listener])).trim()
            == "exited"
    });
    let pods = stdout(&env.run(&[
        "pod",
        "ps",
        "--format",
        "{{.Name}} {{.Status}} {{.NumberOfContainers}}",
    ]));
    assert_eq!(pods.trim(), "web Degraded 2");
    let member = stdout(&env.run(&[
        "ps",
        "-a",
        "--filter",
        "name=listener",
        "--format",
        "{{.PodName}}",
    ]));
    assert_eq!(member.trim(), "web");
    env.run(&["pod", "rm", "-f", "-t", "0", "web"]).ok();
}

#[test]
fn a_port_published_on_the_pod_answers_from_the_host() {
    let env = with_busybox(user_with_ranges());
    let port = free_port();
    let publish = format!("127.0.0.1:{port}:8080");
    pod_create(&env, &["--name", "site", "-p", &publish]);
    run_detached(
        &env,
        &["--pod", "site"],
        &[
            "sh",
            "-c",
            "mkdir /www && echo served-in-a-pod > /www/index.html && exec httpd -f -p 8080 -h /www",
        ],
    );
    let mut body = String::new();
    eventually("the pod's port answers", || {
        let mut stream = match std::net::TcpStream::connect(("127.0.0.1", port)) {
            Ok(stream) => stream,
            Err(_) => return false,
        };
        use std::io::{Read, Write};
        let _ = stream.write_all(b"GET /index.html HTTP/1.0\r\n\r\n");
        body.clear();
        let _ = stream.read_to_string(&mut body);
        body.contains("served-in-a-pod")
    });
    env.run(&["pod", "rm", "-f", "-t", "0", "site"]).ok();
}

#[test]
fn pod_rm_force_leaves_no_process_and_no_container() {
    let env = with_busybox(user_with_ranges());
    let pod = pod_create(&env, &["--name", "doomed"]);
    let members = [
        run_detached(&env, &["--pod", "doomed"], &["sleep", "1000"]),
        run_detached(&env, &["--pod", "doomed"], &["sleep", "1000"]),
    ];
    let infra = stdout(&env.run(&[
        "pod",
        "inspect",
        "--format",
        "{{.InfraContainerID}}",
        "doomed",
    ]));
    let mut pids: Vec<i32> = members.iter().map(|id| host_pid(&env, id)).collect();
    pids.push(host_pid(&env, infra.trim()));
    // rcon's pause, not a copy of the host's rcon, is the infra container's process.
    let pause = fs::read_link(format!("/proc/{}/exe", pids[2])).unwrap();
    assert!(
        pause.to_string_lossy().contains("memfd:rcon-init"),
        "{pause:?}"
    );
    let removed = env.run(&["pod", "rm", "-f", "-t", "0", "doomed"]);
    assert_eq!(removed.ok().stdout.trim(), pod);
    for pid in pids {
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists(),
            "process {pid} outlived its pod"
        );
    }
    assert_eq!(stdout(&env.run(&["ps", "-a", "-q"])).trim(), "");
    assert_eq!(stdout(&env.run(&["pod", "ps", "-q"])).trim(), "");
    env.run(&["pod", "exists", "doomed"]).code_is(1);
    // Podman's: a pod that is not there is exit 1, or nothing with -f.
    let missing = env.run(&["pod", "rm", "doomed"]);
    missing.code_is(1);
    assert!(
        missing.stderr.contains("no such pod"),
        "{}",
        missing.transcript()
    );
    env.run(&["pod", "rm", "-f", "doomed"]).ok();
}

#[test]
fn requires_starts_the_containers_needed_first() {
    let env = with_busybox(user_with_ranges());
    let db = create(&env, &["--name", "db"], &["sleep", "1000"]);
    let app = create(
        &env,
        &["--name", "app", "--requires", "db"],
        &["sleep", "1000"],
    );
    env.run(&["start", "app"]).ok();
    for id in [&db, &app] {
        let status = stdout(&env.run(&["inspect", "--format", "{{.State.Status}}", id]));
        assert_eq!(status.trim(), "running", "{id}");
    }
    // What is required is not removed from under what requires it.
    let refused = env.run(&["rm", "-f", "db"]);
    refused.code_is(125);
    assert!(
        refused.stderr.contains("has dependent containers"),
        "{}",
        refused.transcript()
    );
    env.run(&["rm", "-f", "-t", "0", "--depend", "db"]).ok();
    assert_eq!(stdout(&env.run(&["ps", "-a", "-q"])).trim(), "");
}

#[test]
fn a_pod_member_may_not_set_what_the_pod_shares() {
    let env = with_busybox(user_with_ranges());
    let busybox = image_ref(catalog::BUSYBOX);
    let unknown = env.run(&["run", "--rm", "--pod", "nosuchpod", &busybox, "true"]);
    unknown.code_is(125);
    assert!(
        unknown
            .stderr
            .contains("no pod with name or ID nosuchpod found"),
        "{}",
        unknown.transcript()
    );
    pod_create(&env, &["--name", "shared"]);
    for (flags, words) in [
        (
            &["--network", "host"][..],
            "networks must be defined when the pod is created",
        ),
        (
            &["-p", "8080:80"],
            "published or exposed ports must be defined when the pod is created",
        ),
        (
            &["--hostname", "mine"],
            "cannot set hostname when joining the pod UTS namespace",
        ),
        (
            &["--add-host", "a:10.0.0.1"],
            "extra host entries must be specified on the pod",
        ),
    ] {
        let refused = env.run(
            &[
                &["create", "--pod", "shared"],
                flags,
                &[busybox.as_str(), "true"],
            ]
            .concat(),
        );
        refused.code_is(125);
        assert!(
            refused.stderr.contains(words),
            "{flags:?}: {}",
            refused.transcript()
        );
    }
    let bad_share = env.run(&["pod", "create", "--share", "bogus"]);
    bad_share.code_is(125);
    assert!(
        bad_share
            .stderr
            .contains("invalid kernel namespace to share: bogus")
    );
    let bad_signal = env.run(&["pod", "kill", "-s", "SIGBADSIG", "shared"]);
    bad_signal.code_is(125);
    assert_eq!(bad_signal.stderr.trim(), "Error: invalid signal: SIGBADSIG");
    // Only the one pod was made, with nothing in it but its infra container.
    assert_eq!(
        stdout(&env.run(&["pod", "ps", "--format", "{{.Name}}"])).trim(),
        "shared"
    );
    assert_eq!(
        stdout(&env.run(&["ps", "-a", "--format", "{{.IsInfra}}"])).trim(),
        "true"
    );
}

/// What a member or another user can reach of a pod: members share the
/// pod's namespaces but not each other's processes; the pod's /dev/shm is
/// nosuid, nodev, noexec; the pod's records are in the user's private store.
#[test]
fn a_pod_keeps_its_members_processes_and_its_files_to_itself() {
    let env = with_busybox(user_with_ranges());
    let pod = pod_create(&env, &["--name", "guarded"]);
    run_detached(&env, &["--pod", "guarded"], &["sleep", "1000"]);
    let seen = in_pod(
        &env,
        "guarded",
        "ps -o comm; grep ' /dev/shm ' /proc/self/mounts | tail -n 1",
    );
    assert!(
        !seen.contains("sleep") && !seen.contains("pause"),
        "another member's processes are visible: {seen}"
    );
    let shm = seen.lines().last().unwrap_or_default();
    for option in ["nosuid", "nodev", "noexec"] {
        assert!(
            shm.contains(option),
            "the pod's /dev/shm lacks {option}: {shm}"
        );
    }
    let record = env.data_dir().join("pods").join(&pod).join("pod.json");
    assert!(record.is_file(), "{}", record.display());
    let mode = fs::metadata(env.data_dir()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "the store holding pods is private");
    let other = TestEnv::new(user_without_ranges());
    let read = other.command_as_user("cat").arg(&record).output().unwrap();
    assert!(
        !read.status.success(),
        "another user read {}",
        record.display()
    );
    env.run(&["pod", "rm", "-f", "-t", "0", "guarded"]).ok();
}

#[test]
fn an_infra_command_is_split_at_spaces_as_podman_does() {
    let env = with_busybox(user_with_ranges());
    let busybox = image_ref(catalog::BUSYBOX);
    for (pod, command) in [("spaced", "sleep 86400"), ("json", r#"["sleep", "86401"]"#)] {
        pod_create(
            &env,
            &[
                "--name",
                pod,
                "--infra-image",
                &busybox,
                "--infra-command",
                command,
            ],
        );
        // Podman creates the infra container with the pod and starts it with the pod.
        env.run(&["pod", "start", pod]).ok();
        let infra = stdout(&env.run(&["pod", "inspect", "--format", "{{.InfraContainerID}}", pod]));
        let pid = host_pid(&env, infra.trim());
        let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap();
        let expected = if pod == "spaced" {
            "sleep\086400\0"
        } else {
            "sleep\086401\0"
        };
        assert_eq!(String::from_utf8_lossy(&cmdline), expected);
        env.run(&["pod", "rm", "-f", "-t", "0", pod]).ok();
    }
}

#[test]
fn generate_systemd_of_a_pod_says_what_it_cannot_do() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["pod", "create", "--name", "unit"]).ok();
    let template = env.run(&["generate", "systemd", "--new", "--template", "-n", "unit"]);
    template.code_is(125);
    assert!(
        template
            .stderr
            .contains("--template is not supported for pods"),
        "{}",
        template.stderr
    );
    let plain = env.run(&["generate", "systemd", "unit"]);
    plain.code_is(125);
    assert!(plain.stderr.contains("unit is a pod"), "{}", plain.stderr);
}
