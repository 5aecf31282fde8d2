//! The smaller container verbs, as the unprivileged test user: `rename`,
//! `port` (and the PORTS of `ps` and `inspect`), `top`, `pause`/`unpause`,
//! `container prune`, `inspect` of images and volumes, `ps --format json`.

use crate::common;
use crate::common::{
    RunResult, TestEnv, eventually, free_port, image_ref, run_detached, user_with_ranges,
};
use serde_json::{Value, json};
use testkit::catalog;

fn out(result: &RunResult) -> String {
    result.ok().stdout.trim_end().to_string()
}

/// Exit 125 with one line on stderr that contains `text`.
#[track_caller]
fn fails_with(result: &RunResult, text: &str) {
    result.code_is(125);
    assert!(result.stderr.contains(text), "{}", result.transcript());
    assert_eq!(result.stderr.lines().count(), 1, "{}", result.transcript());
}

fn json(result: &RunResult) -> Value {
    serde_json::from_str(&result.ok().stdout).unwrap_or_else(|e| panic!("{e}: {}", result.stdout))
}

fn names(env: &TestEnv) -> String {
    out(&env.run(&["ps", "-a", "--format", "{{.Names}}"]))
}

#[test]
fn rename_keeps_names_unique_for_running_and_stopped_containers() {
    let env = TestEnv::new(user_with_ranges());
    let first = run_detached(&env, &["--name", "first"], &["sleep", "600"]);
    let other = run_detached(&env, &["--name", "other"], &["true"]);
    assert_eq!(out(&env.run(&["wait", "other"])), "0");

    let clash = env.run(&["rename", "first", "other"]);
    fails_with(&clash, "already in use by container");
    assert!(clash.stderr.contains(&other), "{}", clash.transcript());
    fails_with(
        &env.run(&["rename", "first", "bad/name"]),
        "invalid container name",
    );
    fails_with(&env.run(&["rename", "nosuch", "x"]), "no such container");
    assert_eq!(names(&env), "first\nother");

    // Running: the new name reaches it, the old one is free again.
    env.run(&["rename", &first[..12], "renamed"]).ok();
    assert!(
        out(&env.run(&["ps", "--format", "{{.Names}} {{.State}}"])).starts_with("renamed Up "),
        "running under its new name"
    );
    assert_eq!(
        out(&env.run(&["inspect", "--format", "{{.Name}}", &first])),
        "renamed"
    );
    fails_with(
        &env.run(&["inspect", "--type", "container", "first"]),
        "no such container",
    );
    // Stopped, and through `rcon container rename`.
    env.run(&["container", "rename", "other", "first"]).ok();
    env.run(&["stop", "-t", "0", "renamed"]).ok();
    env.run(&["rename", "renamed", "again"]).ok();
    assert_eq!(names(&env), "again\nfirst");
    env.run(&["start", "again"]).ok();
    assert_eq!(
        out(&env.run(&["ps", "--format", "{{.ID}} {{.Names}}"])),
        format!("{} again", &first[..12])
    );
}

#[test]
fn port_ps_and_inspect_show_the_published_ports() {
    common::require_program("slirp4netns");
    let env = TestEnv::new(user_with_ranges());
    let (tcp, udp, any) = (free_port(), free_port(), free_port());
    let id = run_detached(
        &env,
        &[
            "--name",
            "web",
            "--network",
            "slirp4netns",
            "-p",
            &format!("127.0.0.1:{tcp}:80"),
            "-p",
            &format!("127.0.0.1:{udp}:53/udp"),
            "-p",
            &format!("{any}:8080"),
        ],
        &["sleep", "600"],
    );
    assert_eq!(
        out(&env.run(&["port", "web"])),
        format!("80/tcp -> 127.0.0.1:{tcp}\n53/udp -> 127.0.0.1:{udp}\n8080/tcp -> 0.0.0.0:{any}")
    );
    assert_eq!(
        out(&env.run(&["port", "web", "80"])),
        format!("127.0.0.1:{tcp}")
    );
    assert_eq!(
        out(&env.run(&["port", "web", "80/tcp"])),
        format!("127.0.0.1:{tcp}")
    );
    assert_eq!(
        out(&env.run(&["port", &id[..8], "53/udp"])),
        format!("127.0.0.1:{udp}")
    );
    fails_with(
        &env.run(&["port", "web", "53"]),
        "failed to find published port \"53\"",
    );
    fails_with(&env.run(&["port", "web", "80/sctp"]), "invalid port");
    assert_eq!(
        out(&env.run(&["port", "-a"])).lines().next(),
        Some(&id[..12])
    );

    let table = out(&env.run(&["ps"]));
    let ports =
        format!("127.0.0.1:{tcp}->80/tcp, 127.0.0.1:{udp}->53/udp, 0.0.0.0:{any}->8080/tcp");
    assert!(table.lines().nth(1).unwrap().contains(&ports), "{table}");
    assert_eq!(out(&env.run(&["ps", "--format", "{{.Ports}}"])), ports);
    let list = json(&env.run(&["ps", "--format", "json"]));
    assert_eq!(list[0]["Names"], json!(["web"]));
    assert_eq!(
        list[0]["Ports"][0],
        json!({"host_ip": "127.0.0.1", "container_port": 80, "host_port": tcp, "range": 1, "protocol": "tcp"})
    );
    let inspected = json(&env.run(&["inspect", "web"]));
    assert_eq!(
        inspected[0]["NetworkSettings"]["Ports"],
        json!({
            "80/tcp": [{"HostIp": "127.0.0.1", "HostPort": tcp.to_string()}],
            "53/udp": [{"HostIp": "127.0.0.1", "HostPort": udp.to_string()}],
            "8080/tcp": [{"HostIp": "0.0.0.0", "HostPort": any.to_string()}],
        })
    );
    assert_eq!(
        out(&env.run(&[
            "inspect",
            "--format",
            "{{range (index .NetworkSettings.Ports \"80/tcp\")}}{{.HostIp}}:{{.HostPort}}{{end}}",
            "web"
        ])),
        format!("127.0.0.1:{tcp}")
    );

    // Stopped: no published ports (as Podman), the record still shows them.
    env.run(&["stop", "-t", "0", "web"]).ok();
    assert_eq!(out(&env.run(&["port", "web"])), "");
    assert!(out(&env.run(&["ps", "-a"])).contains(&ports));
    // Without -p: an empty column, null in json.
    run_detached(&env, &["--name", "plain"], &["sleep", "600"]);
    assert_eq!(
        out(&env.run(&["ps", "--format", "{{.Names}}:{{.Ports}}"])),
        "plain:"
    );
    assert_eq!(
        json(&env.run(&["ps", "--format", "json"]))[0]["Ports"],
        Value::Null
    );
}

#[test]
fn top_lists_the_processes_as_the_container_sees_them() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(
        &env,
        &["--name", "busy"],
        &["sh", "-c", "sleep 601 & sleep 602; echo done"],
    );
    // The background sleep may take a moment to exec.
    let mut listing = String::new();
    eventually("both sleeps run", || {
        listing = out(&env.run(&["top", "busy"]));
        listing.contains("sleep 601") && listing.contains("sleep 602")
    });
    eprintln!("rcon top busy:\n{listing}");
    let rows: Vec<Vec<&str>> = listing
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"
        ],
        "{listing}"
    );
    assert_eq!(rows.len(), 4, "sh and two sleeps:\n{listing}");
    assert_eq!(&rows[1][..3], ["root", "1", "0"], "{listing}");
    assert_eq!(rows[1][5], "?", "{listing}");
    assert!(
        listing
            .lines()
            .nth(1)
            .unwrap()
            .ends_with("sh -c sleep 601 & sleep 602; echo done")
    );
    for row in &rows[2..] {
        assert_eq!(row[0], "root", "{listing}");
        assert_eq!(
            row[2], "1",
            "the sleeps are children of the container's init: {listing}"
        );
        assert!(
            row[1].parse::<i32>().unwrap() < 100,
            "a PID of the container's namespace: {listing}"
        );
        assert!(row[4].ends_with('s') && row[6].ends_with('s'), "{listing}");
    }

    let picked = out(&env.run(&["top", "busy", "pid,comm", "user", "state"]));
    let lines: Vec<Vec<&str>> = picked
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(lines[0], ["PID", "COMMAND", "USER", "STATE"]);
    assert_eq!(lines[1], ["1", "sh", "root", "S"]);
    // The host's view: the container's root is the user itself there.
    let host = out(&env.run(&["top", "busy", "pid,huser,hgroup"]));
    let first: Vec<&str> = host.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(
        host.lines()
            .next()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["PID", "HUSER", "HGROUP"]
    );
    let group = nix::unistd::Group::from_gid(env.user.gid.into())
        .unwrap()
        .unwrap()
        .name;
    assert_eq!(
        first,
        ["1", env.user.name.as_str(), group.as_str()],
        "{host}"
    );
    // An exec'd process is in the container's PID namespace too.
    env.run(&["exec", "-d", "-u", "tester", "busy", "sleep", "603"])
        .ok();
    let mut with_exec = String::new();
    eventually("the exec'd sleep runs", || {
        with_exec = out(&env.run(&["container", "top", "busy", "user", "args"]));
        with_exec.contains("sleep 603")
    });
    assert!(
        with_exec
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["tester", "sleep", "603"]),
        "{with_exec}"
    );

    // keep-id: the container has a user namespace of its own, where the
    // caller keeps its ID and name (its group is named after it).
    run_detached(
        &env,
        &["--name", "kept", "--userns", "keep-id"],
        &["sleep", "604"],
    );
    let kept = out(&env.run(&["top", "kept", "user,group,pid,args"]));
    let row: Vec<&str> = kept.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(
        row,
        [
            env.user.name.as_str(),
            env.user.name.as_str(),
            "1",
            "sleep",
            "604"
        ],
        "{kept}"
    );

    // The container's passwd and group are read inside its root: a symlink
    // to a host file is not followed out, a FIFO does not block.
    let host_file = env.base.join("host-passwd");
    std::fs::write(&host_file, "evil:x:0:0::/:/bin/sh\n").unwrap();
    let plant = format!(
        "ln -sf {} /etc/passwd && rm /etc/group && mkfifo /etc/group && echo planted && exec sleep 605",
        host_file.display()
    );
    run_detached(&env, &["--name", "sneaky"], &["sh", "-c", &plant]);
    eventually("the files are planted", || {
        env.run(&["logs", "sneaky"]).ok().stdout.contains("planted")
    });
    assert_eq!(
        out(&env.run(&["top", "sneaky", "user,group,args"])),
        "USER   GROUP   COMMAND\n0      0       sleep 605"
    );

    fails_with(
        &env.run(&["top", "busy", "pid", "bogus"]),
        "unknown top descriptor \"bogus\"",
    );
    env.run(&["stop", "-t", "0", "busy"]).ok();
    fails_with(&env.run(&["top", "busy"]), "container busy is not running");
}

#[test]
fn pause_says_why_it_cannot_freeze_a_rootless_container_here() {
    let env = TestEnv::new(user_with_ranges());
    run_detached(&env, &["--name", "frosty"], &["sleep", "600"]);
    // This host (like the project's VMs) has a hybrid cgroup v1 layout and
    // nothing delegated to the user, so containers get no cgroup of their
    // own: pause is refused with the reason, and nothing changes (with a
    // delegated subtree it works: cgroups::pause_freezes_…).
    for verb in ["pause", "unpause"] {
        let refused = env.run(&[verb, "frosty"]);
        eprint!("rcon {verb}: {}", refused.stderr);
        fails_with(
            &refused,
            &format!("{verb} needs a cgroup v2 of the container's own to freeze; this host has"),
        );
        assert!(
            out(&env.run(&["ps", "--format", "{{.Names}} {{.State}}"])).starts_with("frosty Up "),
            "still running"
        );
    }
    let inspected = json(&env.run(&["inspect", "frosty"]));
    assert_eq!(inspected[0]["State"]["Paused"], false);
    fails_with(&env.run(&["pause", "nosuch"]), "no such container");
    env.run(&["stop", "-t", "0", "frosty"]).ok();
    fails_with(
        &env.run(&["pause", "frosty"]),
        "container frosty is not running",
    );
}

const PROMPT: &str = "WARNING! This will remove all non running containers.\nAre you sure you want to continue? [y/N] ";

#[test]
fn container_prune_asks_then_removes_what_does_not_run() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let running = run_detached(&env, &["--name", "running"], &["sleep", "600"]);
    let kept = run_detached(&env, &["--name", "kept", "-l", "keep=yes"], &["true"]);
    let exited = run_detached(&env, &["--name", "exited"], &["false"]);
    let created = out(&env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--name",
        "created",
        &reference,
        "true",
    ]));
    env.run(&["wait", "kept", "exited"]);

    let declined = env.run_with_input(&["container", "prune"], b"n\n");
    assert_eq!(declined.ok().stdout, PROMPT);
    assert_eq!(names(&env), "running\nkept\nexited\ncreated");

    fails_with(
        &env.run(&["container", "prune", "-f", "--filter", "color=red"]),
        "invalid filter",
    );
    // Nothing was created more than an hour ago.
    assert_eq!(
        out(&env.run(&["container", "prune", "-f", "--filter", "until=1h"])),
        ""
    );
    assert_eq!(
        out(&env.run(&["container", "prune", "-f", "--filter", "label=keep=yes"])),
        kept
    );
    assert_eq!(names(&env), "running\nexited\ncreated");

    let accepted = env.run_with_input(&["container", "prune", "--filter", "label!=keep"], b"y\n");
    let answered = accepted.ok().stdout.strip_prefix(PROMPT).unwrap();
    let mut removed: Vec<&str> = answered.lines().collect();
    removed.sort();
    let mut expected = vec![created.as_str(), exited.as_str()];
    expected.sort();
    assert_eq!(removed, expected, "{}", accepted.transcript());
    assert_eq!(names(&env), "running");
    assert_eq!(out(&env.run(&["ps", "-q", "--no-trunc"])), running);
}

#[test]
fn inspect_falls_back_to_images_and_volumes() {
    let env = common::with_busybox(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    env.run(&["volume", "create", "data"]).ok();
    let image_id = out(&env.run(&["inspect", "--format", "{{.Id}}", &reference]));
    assert_eq!(
        json(&env.run(&["image", "inspect", &reference]))[0]["Id"],
        image_id.as_str()
    );
    let volume = json(&env.run(&["inspect", "data"]));
    assert_eq!(volume[0]["Name"], "data");
    assert_eq!(volume[0]["Driver"], "local");
    assert_eq!(
        json(&env.run(&["inspect", "--type", "volume", "data"]))[0]["Name"],
        "data"
    );
    assert_eq!(
        out(&env.run(&[
            "inspect", "--type", "image", "--format", "{{.Id}}", &reference
        ])),
        image_id
    );
    fails_with(
        &env.run(&["inspect", "-t", "container", "data"]),
        "no such container",
    );
    fails_with(
        &env.run(&["container", "inspect", "data"]),
        "no such container",
    );
    fails_with(
        &env.run(&["inspect", "--type", "image", "data"]),
        "data: image not known",
    );
    fails_with(
        &env.run(&["inspect", "nothing"]),
        "no such object: \"nothing\"",
    );
    let bad_type = env.run(&["inspect", "--type", "network", "data"]);
    bad_type.code_is(125);
    assert!(
        bad_type.stderr.contains("invalid value"),
        "{}",
        bad_type.transcript()
    );

    // A container of that name comes first.
    let id = run_detached(&env, &["--name", "data"], &["true"]);
    assert_eq!(
        out(&env.run(&["inspect", "--format", "{{.Id}}", "data"])),
        id
    );
    let both = json(&env.run(&["inspect", "data", &reference]));
    assert_eq!(both[0]["Id"], id.as_str());
    assert_eq!(both[1]["Id"], image_id.as_str());
}

#[test]
fn system_df_counts_and_measures_images_containers_and_volumes() {
    let env = common::with_busybox(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    let summary = || {
        out(&env.run(&[
            "system",
            "df",
            "--format",
            "{{.Type}}:{{.Total}}:{{.Active}}",
        ]))
    };
    assert_eq!(summary(), "Images:1:0\nContainers:0:0\nLocal Volumes:0:0");
    env.run(&[
        "run",
        "--name",
        "c1",
        "-v",
        "/one",
        &reference,
        "sh",
        "-c",
        "head -c 5000 /dev/zero > /file",
    ])
    .ok();
    let running = run_detached(&env, &["--name", "c2", "-v", "/two"], &["sleep", "600"]);
    assert_eq!(summary(), "Images:1:1\nContainers:2:1\nLocal Volumes:2:2");
    let table = out(&env.run(&["system", "df"]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("TYPE           TOTAL       ACTIVE      SIZE"),
        "{table}"
    );
    // The 5000-byte file, and each container's /etc/mtab link to
    // /proc/mounts (12 bytes) in its writable layer, as with crun.
    assert!(
        lines[2].starts_with("Containers     2           1           5.024kB"),
        "{table}"
    );
    let verbose = out(&env.run(&["system", "df", "-v"]));
    assert!(
        verbose.starts_with("Images space usage:\n\nREPOSITORY"),
        "{verbose}"
    );
    assert!(
        verbose.contains(&format!("\n{}  ", &running[..12])),
        "{verbose}"
    );
    assert!(
        verbose.contains("\nLocal Volumes space usage:\n\nVOLUME NAME"),
        "{verbose}"
    );

    // What inspect adds to the record: the monitor (Podman's conmon) and the image's digest.
    let monitor = out(&env.run(&["inspect", "--format", "{{.State.ConmonPid}}", "c2"]));
    let comm = std::fs::read_to_string(format!("/proc/{monitor}/comm")).unwrap();
    assert!(comm.starts_with("rcon"), "the monitor is rcon: {comm}");
    assert_eq!(
        out(&env.run(&["inspect", "--format", "{{.State.ConmonPid}}", "c1"])),
        "0"
    );
    assert_eq!(
        out(&env.run(&["inspect", "--format", "{{.ImageDigest}}", "c1"])),
        out(&env.run(&["inspect", "--format", "{{.Digest}}", &reference]))
    );
}

#[test]
fn runlabel_runs_an_images_label_as_rcon_and_nothing_else() {
    let env = common::with_busybox(user_with_ranges());
    let pwned = env.home.join("pwned");
    let containerfile = format!(
        "FROM {}\n\
         LABEL INSTALL=\"podman run --rm \\${{OPT1}} \\${{IMAGE}} echo installed \\${{NAME}} \\${{HOME}}\"\n\
         LABEL RUN=\"/bin/sh -c 'touch {1}'\"\n\
         LABEL UNINSTALL=\"podman unshare touch {1}\"\n",
        crate::build::busybox(),
        pwned.display()
    );
    let dir = crate::build::context(&env, "labelled", &[("Containerfile", &containerfile)]);
    crate::build::build(&env, &["-q", "-t", "labelled"], &dir).ok();
    let shown = env.run(&[
        "container",
        "runlabel",
        "--display",
        "--name",
        "inst",
        "install",
        "labelled",
    ]);
    assert_eq!(
        shown.ok().stdout,
        format!(
            "command: {} run --rm localhost/labelled:latest echo installed inst\n",
            common::rcon_bin().display()
        )
    );
    // Run: printed first, then rcon runs it (the caller's $HOME is not put in).
    let ran = env.run(&["container", "runlabel", "--opt1=-q", "install", "labelled"]);
    let lines: Vec<&str> = ran.ok().stdout.lines().collect();
    assert!(lines[0].starts_with("command: "), "{}", ran.stdout);
    assert!(
        lines[0].ends_with(" run --rm -q localhost/labelled:latest echo installed labelled"),
        "{}",
        ran.stdout
    );
    assert_eq!(lines[1..], ["installed labelled"]);
    // A host command, directly or through unshare, is shown and refused.
    for label in ["run", "uninstall"] {
        fails_with(
            &env.run(&["container", "runlabel", label, "labelled"]),
            "runs a host command",
        );
    }
    assert!(!pwned.exists(), "a label ran a host command");
    fails_with(
        &env.run(&["container", "runlabel", "nosuch", "labelled"]),
        "cannot find the value of label: nosuch in image: labelled",
    );
}
