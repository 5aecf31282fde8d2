//! Running under systemd without it, as the unprivileged test user:
//! `generate systemd` (units checked by `systemd-analyze verify`, and the
//! `--new` unit's commands run as systemd would run them, readiness
//! received on a notify socket of the test's own), `--systemd`,
//! `--sdnotify`, socket activation's LISTEN_* variables.

use std::os::unix::net::UnixDatagram;
use std::path::Path;

use crate::common::{
    TestEnv, create, image_ref, require_program, run_detached, run_image, stdout, user_with_ranges,
};

fn generate(env: &TestEnv, args: &[&str]) -> String {
    let mut all = vec!["generate", "systemd"];
    all.extend_from_slice(args);
    let result = env.run(&all);
    result.ok().stdout.clone()
}

/// The value of `key=` in `unit` (its first line), continuation lines joined.
fn setting(unit: &str, key: &str) -> String {
    let joined = unit.replace(" \\\n\t", " ");
    joined
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}= in:\n{unit}"))
        .to_string()
}

/// `systemd-analyze verify` of `unit` written as `name` in the env's base.
fn verify(env: &TestEnv, name: &str, unit: &str) {
    require_program("systemd-analyze");
    let dir = env.base.join("units");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, unit).unwrap();
    let out = env
        .command_as_user("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Complaints about other units (none run here) are not this unit's.
    let own: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
    assert!(
        out.status.success() && own.is_empty(),
        "{name}:\n{unit}\n{stderr}"
    );
}

#[test]
fn generated_units_follow_the_containers_policy_and_verify() {
    let env = TestEnv::new(user_with_ranges());
    create(
        &env,
        &["--name", "web", "--restart=on-failure:42", "-e", "A=b c"],
        &["sleep", "600"],
    );
    let new = generate(&env, &["--new", "--name", "web"]);
    assert_eq!(setting(&new, "Restart"), "on-failure");
    assert_eq!(setting(&new, "StartLimitBurst"), "42");
    assert_eq!(setting(&new, "Type"), "notify");
    let start = setting(&new, "ExecStart");
    assert!(
        start.contains(
            " run --cidfile=%t/%n.ctr-id --cgroups=no-conmon --rm --sdnotify=conmon -d --replace "
        ) && start.contains("--name web")
            && start.contains("-e \"A=b c\"")
            && !start.contains("--restart"),
        "{start}"
    );
    verify(&env, "container-web.service", &new);
    let old = generate(&env, &["web", "--restart-policy", "always", "-t", "3"]);
    assert_eq!(setting(&old, "Type"), "forking");
    assert_eq!(setting(&old, "Restart"), "always");
    assert_eq!(setting(&old, "TimeoutStopSec"), "63");
    assert!(setting(&old, "PIDFile").ends_with("/monitor.pid"));
    let id = env.run(&["inspect", "--format", "{{.ID}}", "web"]);
    verify(
        &env,
        &format!("container-{}.service", id.ok().stdout.trim()),
        &old,
    );
    let template = generate(&env, &["--new", "--template", "--name", "web"]);
    assert!(
        template.starts_with("# container-web@.service\n"),
        "{template}"
    );
    assert!(setting(&template, "ExecStart").contains("--name web-%i"));
    verify(&env, "container-web@.service", &template);
    for (args, needle) in [
        (
            &["--new=false", "--template", "web"][..],
            "--template cannot be set",
        ),
        (
            &["--restart-policy", "sometimes", "web"],
            "not a valid restart policy",
        ),
        (&["nope"], "nope does not refer to a container or pod"),
    ] {
        let mut all = vec!["generate", "systemd"];
        all.extend_from_slice(args);
        let result = env.run(&all);
        result.code_is(125);
        assert!(result.stderr.contains(needle), "{}", result.transcript());
    }
    // auto-update needs a reference it can pull again: refused at create.
    let short = env.run(&[
        "create",
        "--label",
        "io.containers.autoupdate=registry",
        "busybox:latest",
    ]);
    short.code_is(125);
    assert!(
        short
            .stderr
            .contains("auto updates require fully-qualified image reference"),
        "{}",
        short.transcript()
    );
    create(
        &env,
        &["--name", "always", "--restart=unless-stopped"],
        &["true"],
    );
    assert_eq!(
        setting(&generate(&env, &["--new", "always"]), "Restart"),
        "always"
    );
}

/// Runs a unit's command line as systemd would (`%t`, `%n` filled in,
/// `$$` and `%%` undone, words split by sh), with `NOTIFY_SOCKET`.
fn run_unit_command(env: &TestEnv, line: &str, unit_name: &str, notify: &Path) -> String {
    let line = line
        .replace("%t", &env.runtime_dir.display().to_string())
        .replace("%n", unit_name)
        .replace("$$", "\\$")
        .replace("%%", "%");
    let out = env
        .command_as_user("sh")
        .args(["-c", &line])
        .env("NOTIFY_SOCKET", notify)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_new_units_commands_run_the_container_and_tell_systemd_it_is_ready() {
    let env = TestEnv::new(user_with_ranges());
    create(
        &env,
        &["--name", "svc", "-e", "GREETING=$HOME 100%"],
        &["sleep", "600"],
    );
    let unit = generate(&env, &["--new", "--name", "svc"]);
    env.run(&["rm", "svc"]).ok();
    // The test plays systemd's part: a notify socket the test user may write to.
    let socket_path = env.base.join("notify.sock");
    let socket = UnixDatagram::bind(&socket_path).unwrap();
    std::fs::set_permissions(
        &socket_path,
        std::os::unix::fs::PermissionsExt::from_mode(0o777),
    )
    .unwrap();
    socket
        .set_read_timeout(Some(crate::common::command_timeout()))
        .unwrap();
    let name = "container-svc.service";
    run_unit_command(&env, &setting(&unit, "ExecStartPre"), name, &socket_path);
    run_unit_command(&env, &setting(&unit, "ExecStart"), name, &socket_path);
    let mut message = [0u8; 256];
    let n = socket.recv(&mut message).expect("no READY=1 from rcon");
    let message = String::from_utf8_lossy(&message[..n]).into_owned();
    assert!(message.contains("READY=1"), "{message}");
    let main_pid: i32 = message
        .lines()
        .find_map(|l| l.strip_prefix("MAINPID="))
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("{message}"));
    let monitor = std::fs::read_to_string(format!("/proc/{main_pid}/cmdline")).unwrap();
    assert!(
        monitor.starts_with("rcon-monitor"),
        "MAINPID {main_pid} is {monitor:?}"
    );
    let greeting = env.run(&["exec", "svc", "sh", "-c", "echo $GREETING"]);
    assert_eq!(greeting.ok().stdout.trim(), "$HOME 100%");
    run_unit_command(&env, &setting(&unit, "ExecStop"), name, &socket_path);
    run_unit_command(&env, &setting(&unit, "ExecStopPost"), name, &socket_path);
    env.run(&["container", "exists", "svc"]).code_is(1);
}

#[test]
fn systemd_mode_gives_container_uuid_and_tmpfs_without_hiding_rcons_files() {
    let env = TestEnv::new(user_with_ranges());
    let result = run_image(
        &env,
        &["--name", "sd", "--systemd=always"],
        testkit::catalog::BUSYBOX,
        &[
            "sh",
            "-c",
            "echo $container_uuid; grep -E ' /(run|tmp|run/lock) ' /proc/mounts | cut -d' ' -f2,3 | sort; test -e /run/.containerenv && echo marker",
        ],
    );
    let id = env.run(&["inspect", "--format", "{{.ID}}", "sd"]);
    let id = id.ok().stdout.trim().to_string();
    assert_eq!(
        stdout(&result),
        format!(
            "{}\n/run tmpfs\n/run/lock tmpfs\n/tmp tmpfs\nmarker",
            &id[..32]
        )
    );
    let signal = env.run(&["inspect", "--format", "{{.Config.StopSignal}}", "sd"]);
    assert_eq!(signal.ok().stdout.trim(), "SIGRTMIN+3");
    // true (the default) only for an init: not for sh.
    let plain = run_image(
        &env,
        &["--rm"],
        testkit::catalog::BUSYBOX,
        &["sh", "-c", "echo ${container_uuid:-none}"],
    );
    assert_eq!(stdout(&plain), "none");
    env.run(&[
        "create",
        "--systemd=maybe",
        &image_ref(testkit::catalog::BUSYBOX),
    ])
    .code_is(125);
}

#[test]
fn socket_activation_and_container_notify_variables_reach_the_command() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(testkit::catalog::BUSYBOX);
    env.run(&["pull", "-q", "--tls-verify=false", &reference])
        .ok();
    let out = env
        .rcon()
        .args([
            "run",
            "--rm",
            &reference,
            "sh",
            "-c",
            "env | grep ^LISTEN_ | sort",
        ])
        .env("LISTEN_PID", "100")
        .env("LISTEN_FDS", "1")
        .env("LISTEN_FDNAMES", "web")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "LISTEN_FDNAMES=web\nLISTEN_FDS=1\nLISTEN_PID=1\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // --sdnotify=container (the default): the unit's socket, inside.
    let socket_path = env.base.join("notify.sock");
    let _socket = UnixDatagram::bind(&socket_path).unwrap();
    let script = "test -n \"$NOTIFY_SOCKET\" && test -S $NOTIFY_SOCKET && echo $NOTIFY_SOCKET";
    for (mode, expected) in [("container", "/run/notify/notify.sock\n"), ("ignore", "")] {
        let out = env
            .rcon()
            .args([
                "run",
                "--rm",
                "--sdnotify",
                mode,
                &reference,
                "sh",
                "-c",
                script,
            ])
            .env("NOTIFY_SOCKET", &socket_path)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{mode}");
    }
    let id = run_detached(&env, &["--sdnotify", "conmon"], &["true"]);
    assert_eq!(id.len(), 64);
}
