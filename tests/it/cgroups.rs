//! Resource limits, `update`, `pause`/`unpause` and what a container can do
//! with its cgroup: on this kind of host as it is (cgroup v1 controllers,
//! nothing delegated: limits dropped with Podman's warnings) and with a
//! cgroup v2 subtree delegated to the test user, as an administrator gives
//! one ([`DelegatedCgroup`]).

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{
    DelegatedCgroup, RunResult, TestEnv, eventually, image_ref, user_with_ranges, with_busybox,
};

fn busybox() -> String {
    image_ref(testkit::catalog::BUSYBOX)
}

fn host_is_cgroup_v1() -> bool {
    let out = std::process::Command::new("stat")
        .args(["-f", "-c", "%T", "/sys/fs/cgroup"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim() != "cgroup2fs"
}

#[test]
fn without_a_delegated_cgroup_limits_are_dropped_as_podman_drops_them() {
    let env = with_busybox(user_with_ranges());
    let image = busybox();
    let run = env.run(&["run", "--rm", "--memory=0", &image, "echo", "hello"]);
    assert_eq!(run.ok().stdout, "hello\n");
    if host_is_cgroup_v1() {
        assert_eq!(
            run.stderr,
            "Resource limits are not supported and ignored on cgroups V1 rootless systems\n"
        );
    } else {
        assert!(
            run.stderr
                .starts_with("Resource limits are not supported and ignored"),
            "{}",
            run.transcript()
        );
    }
    let kernel = env.run(&["run", "--rm", "--kernel-memory", "100", &image, "false"]);
    kernel.code_is(1);
    assert!(
        kernel
            .stderr
            .contains("The --kernel-memory flag is no longer supported. This flag is a noop."),
        "{}",
        kernel.transcript()
    );
    // The record keeps what is enforced: nothing.
    let id = env
        .run(&[
            "create",
            "--memory",
            "1g",
            "--cpus",
            "2",
            "--pids-limit",
            "10",
            &image,
            "sleep",
            "100",
        ])
        .ok()
        .stdout
        .trim()
        .to_string();
    let limits = env.run(&[
        "inspect",
        "--format",
        "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}",
        &id,
    ]);
    assert_eq!(limits.ok().stdout, "0 0 0\n");
    env.run(&["start", &id]).ok();
    // `update` without options changes nothing, as Podman; a limit it cannot enforce is refused.
    assert_eq!(env.run(&["update", &id]).ok().stdout, format!("{id}\n"));
    let update = env.run(&["update", "--memory", "1g", &id]);
    update.code_is(125);
    assert!(
        update.stderr.contains("not delegated to you"),
        "{}",
        update.transcript()
    );
    let pause = env.run(&["pause", &id]);
    pause.code_is(125);
    assert!(
        pause
            .stderr
            .contains("pause needs a cgroup v2 of the container's own"),
        "{}",
        pause.transcript()
    );
    // Bad values are refused before anything is made, whatever the host.
    let bad = env.run(&["run", "--rm", "--memory", "lots", &image, "true"]);
    bad.code_is(125);
    assert!(
        bad.stderr.contains("--memory \"lots\""),
        "{}",
        bad.transcript()
    );
    env.run(&["rm", "-f", "-t", "0", &id]).ok();
}

#[test]
fn oom_score_adj_is_raised_in_the_container() {
    let env = with_busybox(user_with_ranges());
    let image = busybox();
    let raised = env.run(&[
        "run",
        "--rm",
        "--oom-score-adj",
        "500",
        &image,
        "cat",
        "/proc/self/oom_score_adj",
    ]);
    assert_eq!(raised.ok().stdout, "500\n");
    // Lowering it below rcon's own needs root on the host.
    let lowered = env.run(&["run", "--rm", "--oom-score-adj", "-500", &image, "true"]);
    // A start that fails in the runtime: 126, as Podman (its runtime fails the same way).
    lowered.code_is(126);
    assert!(
        lowered.stderr.contains("oom_score_adj to -500"),
        "{}",
        lowered.transcript()
    );
    env.run(&["run", "--rm", "--oom-score-adj", "1001", &image, "true"])
        .code_is(125);
}

/// A directory the container's root (the test user on the host) may write.
fn shared_dir(env: &TestEnv, name: &str) -> PathBuf {
    let dir = env.base.join(name);
    fs::create_dir(&dir).unwrap();
    std::os::unix::fs::chown(&dir, Some(env.user.uid), Some(env.user.gid)).unwrap();
    dir
}

fn counter(dir: &Path) -> u64 {
    fs::read_to_string(dir.join("n"))
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// The container's cgroup under the delegated one, and its `cgroup.events`.
fn container_cgroup(cgroup: &DelegatedCgroup, id: &str) -> PathBuf {
    cgroup.dir.join(format!("rcon-{id}"))
}

fn frozen(dir: &Path) -> bool {
    fs::read_to_string(dir.join("cgroup.events"))
        .unwrap()
        .lines()
        .any(|line| line == "frozen 1")
}

#[test]
fn pause_freezes_the_container_and_unpause_thaws_it() {
    let user = user_with_ranges();
    let cgroup = DelegatedCgroup::new(user);
    let env = with_busybox(user);
    let out = shared_dir(&env, "out");
    let volume = format!("{}:/out", out.display());
    let image = busybox();
    let rcon = |args: &[&str]| env.run_in_cgroup(&cgroup.dir, args);
    let run = rcon(&[
        "run",
        "-d",
        "--name",
        "counter",
        "-v",
        &volume,
        &image,
        "sh",
        "-c",
        "i=0; while :; do i=$((i+1)); echo $i > /out/n.new; mv /out/n.new /out/n; done",
    ]);
    let id = run.ok().stdout.trim().to_string();
    let dir = container_cgroup(&cgroup, &id);
    assert!(
        dir.join("container").is_dir(),
        "the container has its cgroup and leaf: {:?}",
        cgroup.children()
    );
    eventually("the counter counts", || counter(&out) > 0);

    assert_eq!(rcon(&["pause", "counter"]).ok().stdout, "counter\n");
    assert!(frozen(&dir), "the kernel reports the cgroup frozen");
    let status = rcon(&[
        "inspect",
        "--format",
        "{{.State.Status}} {{.State.Paused}}",
        &id,
    ]);
    assert_eq!(status.ok().stdout, "paused true\n");
    let ps = rcon(&["ps", "--format", "{{.Names}} {{.Status}}"]);
    assert_eq!(ps.ok().stdout, "counter Paused\n");
    let at_pause = counter(&out);
    // Other commands run meanwhile; the frozen counter does not move.
    rcon(&["ps", "-a"]).ok();
    rcon(&["pause", "counter"]).code_is(125);
    assert_eq!(counter(&out), at_pause, "a frozen container does nothing");

    let unpause = rcon(&["unpause", "--all"]);
    assert_eq!(unpause.ok().stdout, format!("{id}\n"));
    assert!(!frozen(&dir));
    eventually("the counter counts again", || counter(&out) > at_pause);
    let again = rcon(&["unpause", "counter"]);
    again.code_is(125);
    assert!(
        again.stderr.contains("not paused"),
        "{}",
        again.transcript()
    );
    let events = rcon(&[
        "events",
        "--stream=false",
        "--format",
        "{{.Status}}",
        "--filter",
        "container=counter",
    ]);
    let events = &events.ok().stdout;
    assert!(
        events.contains("pause\n") && events.contains("unpause\n"),
        "{events}"
    );

    // A paused container is stopped and removed, and its cgroup goes with it.
    rcon(&["pause", "counter"]).ok();
    rcon(&["rm", "-f", "-t", "0", "counter"]).ok();
    assert!(cgroup.children().is_empty(), "{:?}", cgroup.children());
}

#[test]
fn exec_runs_in_the_containers_cgroup() {
    let user = user_with_ranges();
    let cgroup = DelegatedCgroup::new(user);
    let env = with_busybox(user);
    let image = busybox();
    let rcon = |args: &[&str]| env.run_in_cgroup(&cgroup.dir, args);
    let id = rcon(&["run", "-d", &image, "sleep", "1000"])
        .ok()
        .stdout
        .trim()
        .to_string();
    let own = rcon(&["exec", &id, "cat", "/proc/self/cgroup"]);
    assert!(
        own.ok().stdout.ends_with("0::/\n"),
        "exec'd processes are in the container's cgroup, at its namespace's root: {}",
        own.transcript()
    );
    rcon(&["exec", "-d", &id, "sleep", "999"]).ok();
    let leaf = container_cgroup(&cgroup, &id).join("container/cgroup.procs");
    eventually("both processes are in the leaf", || {
        fs::read_to_string(&leaf).unwrap().lines().count() == 2
    });
    // Frozen with the rest.
    rcon(&["pause", &id]).ok();
    let exec_stats = rcon(&["stats", "--no-stream", "--format", "{{.PIDs}}", &id]);
    assert_eq!(exec_stats.ok().stdout, "2\n");
    rcon(&["rm", "-f", "-t", "0", &id]).ok();
}

/// What a container can do with its cgroup: its processes sit in a leaf
/// that is its cgroup namespace's root; the limits and the freezer are on
/// the cgroup above, out of its sight, even if it mounts a cgroup
/// filesystem (which only a container given CAP_SYS_ADMIN can).
#[test]
fn a_container_cannot_reach_its_limits_or_its_freezer() {
    let user = user_with_ranges();
    let cgroup = DelegatedCgroup::new(user);
    let env = with_busybox(user);
    let image = busybox();
    let rcon = |args: &[&str]| -> RunResult { env.run_in_cgroup(&cgroup.dir, args) };
    let plain = rcon(&[
        "run",
        "--rm",
        &image,
        "sh",
        "-c",
        "cat /proc/self/cgroup; ls -A /sys/fs/cgroup; mkdir /tmp/cg && mount -t cgroup2 none /tmp/cg && echo MOUNTED",
    ]);
    assert!(
        plain.stdout.ends_with("0::/\n") && !plain.stdout.contains("MOUNTED"),
        "no cgroup filesystem inside, none to mount: {}",
        plain.transcript()
    );
    let privileged = rcon(&[
        "run",
        "--rm",
        "--privileged",
        &image,
        "sh",
        "-c",
        "mkdir /tmp/cg && mount -t cgroup2 none /tmp/cg && find /tmp/cg -mindepth 1 -type d | wc -l && cat /tmp/cg/cgroup.procs",
    ]);
    let lines: Vec<&str> = privileged.ok().stdout.lines().collect();
    assert_eq!(
        lines[0],
        "0",
        "a privileged container mounting cgroup2 sees its leaf, nothing below: {}",
        privileged.transcript()
    );
    assert!(
        lines[1..].contains(&"1"),
        "the mount's root is the container's own cgroup (its PID 1 in it): {}",
        privileged.transcript()
    );
    // The limits and the freezer are one level up, on the host's side.
    assert!(cgroup.children().is_empty(), "{:?}", cgroup.children());
}

#[test]
fn limits_on_a_delegated_cgroup_need_its_controllers() {
    let user = user_with_ranges();
    let cgroup = DelegatedCgroup::new(user);
    let env = with_busybox(user);
    let image = busybox();
    let controllers = fs::read_to_string(cgroup.dir.join("cgroup.controllers")).unwrap();
    let run = env.run_in_cgroup(
        &cgroup.dir,
        &[
            "run",
            "--rm",
            "--memory",
            "64m",
            "--pids-limit",
            "20",
            &image,
            "true",
        ],
    );
    run.ok();
    if !controllers.split_whitespace().any(|c| c == "memory") {
        assert!(
            run.stderr.contains(
                "Your kernel does not support memory limit capabilities or the cgroup is not mounted. Limitation discarded."
            ),
            "{}",
            run.transcript()
        );
    }
    if !controllers.split_whitespace().any(|c| c == "pids") {
        assert!(
            run.stderr.contains(
                "Your kernel does not support pids limit capabilities or the cgroup is not mounted. PIDs limit discarded."
            ),
            "{}",
            run.transcript()
        );
    }
    assert!(cgroup.children().is_empty(), "{:?}", cgroup.children());
}
