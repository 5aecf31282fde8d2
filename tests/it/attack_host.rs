//! The attack suite, host side: what another local user can reach of a
//! user's rcon (store, runtime dir, volumes, command lines, verbs), and where
//! the paths a user types lead. rcon runs as the store's owner
//! (`rcontest`) and, where a second user is needed, as the attacker
//! (`rcontest-nosub`); every case checks on the host that nothing was read,
//! written or executed beyond what the user allowed.

use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::common;
use crate::common::{
    RunResult, TestEnv, TestUser, command_timeout, eventually, fuse_servers, image_ref,
    run_command, run_detached, user_with_ranges, user_without_ranges, with_busybox,
};
use testkit::catalog;

/// The store's owner, with the busybox image and a home open to every user
/// (0755, as Debian before 12 and Ubuntu before 21.04 make homes: rcon's
/// files must be private by themselves, not by where they happen to lie),
/// and the attacker, a second local user. `None` (the test is skipped) when
/// the tests do not run as root, so that there is only the one user.
fn owner_and_attacker() -> Option<(TestEnv, &'static TestUser)> {
    if !testkit::host::is_root() {
        eprintln!("skipped: a second local user needs the tests to run as root");
        return None;
    }
    let owner = with_busybox(user_with_ranges());
    fs::set_permissions(&owner.home, fs::Permissions::from_mode(0o755)).unwrap();
    Some((owner, user_without_ranges()))
}

/// `rcon ARGS` run in `dir` rather than in HOME.
fn run_in(env: &TestEnv, dir: &Path, args: &[&str]) -> RunResult {
    run_command(
        env.rcon().current_dir(dir).args(args),
        None,
        command_timeout(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Gives `path` to the test user (the tests may run as root).
fn give(env: &TestEnv, path: &Path) {
    if testkit::host::is_root() {
        std::os::unix::fs::chown(path, Some(env.user.uid), Some(env.user.gid)).unwrap();
    }
}

fn user_dir(env: &TestEnv, path: &Path) {
    fs::create_dir(path).unwrap();
    give(env, path);
}

fn user_file(env: &TestEnv, path: &Path, content: &str) {
    fs::write(path, content).unwrap();
    give(env, path);
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .mode()
        & 0o7777
}

/// Every path under `dir` (not following symlinks), walked as root.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                pending.push(path.clone());
            }
            found.push(path);
        }
    }
    found
}

/// The paths of `paths` whose metadata passes `test`.
fn matching(paths: &[PathBuf], test: impl Fn(&fs::Metadata) -> bool) -> Vec<&PathBuf> {
    paths
        .iter()
        .filter(|p| fs::symlink_metadata(p).is_ok_and(|m| test(&m)))
        .collect()
}

/// The command line of process `pid`, NULs as spaces.
fn cmdline(pid: i32) -> String {
    fs::read(format!("/proc/{pid}/cmdline"))
        .map(|bytes| {
            String::from_utf8_lossy(&bytes)
                .trim_end_matches('\0')
                .replace('\0', " ")
        })
        .unwrap_or_default()
}

fn comm(pid: i32) -> String {
    fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Every process whose command line (as any user reads it in `ps`) holds `secret`.
fn showing(secret: &str) -> Vec<(i32, String)> {
    fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<i32>().ok())
        .map(|pid| (pid, cmdline(pid)))
        .filter(|(_, line)| line.contains(secret))
        .collect()
}

fn pause_pid(env: &TestEnv) -> i32 {
    let record = fs::read_to_string(env.runtime_dir.join("rcon/pause.pid")).unwrap();
    record.split_whitespace().next().unwrap().parse().unwrap()
}

/// The monitor of a running container: the parent of its process.
fn monitor_pid(env: &TestEnv, id: &str) -> i32 {
    let pid = env.run(&["inspect", "--format", "{{.State.Pid}}", id]);
    let stat = fs::read_to_string(format!("/proc/{}/stat", pid.ok().stdout.trim())).unwrap();
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    after_name
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap()
}

/// A profile that refuses mkdir (EPERM) and allows everything else.
const NO_MKDIR_PROFILE: &str = r#"{"defaultAction": "SCMP_ACT_ALLOW",
 "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}"#;

#[test]
fn relative_host_paths_are_taken_from_the_directory_rcon_runs_in() {
    let env = with_busybox(user_with_ranges());
    let image = image_ref(catalog::BUSYBOX);
    let work = env.home.join("work");
    user_dir(&env, &work);
    user_dir(&env, &work.join("data"));
    user_file(&env, &work.join("data/hello.txt"), "hello from work\n");
    user_file(&env, &work.join("vars.env"), "FROM_FILE=read in work\n");
    user_file(&env, &work.join("no-mkdir.json"), NO_MKDIR_PROFILE);

    // `rcon run --rm FLAGS IMAGE COMMAND` in work: its output.
    let run_in_work = |flags: &[&str], command: &[&str]| {
        let args = [&["run", "--rm"][..], flags, &[image.as_str()], command].concat();
        run_in(&env, &work, &args).ok().stdout.clone()
    };
    // -v . is the working directory, not the host's /.
    assert_eq!(
        run_in_work(&["-v", ".:/mnt"], &["ls", "/mnt"]),
        "data\nno-mkdir.json\nvars.env\n"
    );
    let through = ["sh", "-c", "cat /x/hello.txt && echo written > /x/out.txt"];
    assert_eq!(
        run_in_work(&["-v", "./data:/x"], &through),
        "hello from work\n"
    );
    assert_eq!(
        fs::read_to_string(work.join("data/out.txt")).unwrap(),
        "written\n"
    );
    assert_eq!(
        run_in_work(
            &["--mount", "type=bind,src=.,dst=/m"],
            &["cat", "/m/data/hello.txt"]
        ),
        "hello from work\n"
    );
    assert_eq!(
        run_in_work(
            &["--env-file", "vars.env"],
            &["sh", "-c", "echo $FROM_FILE"]
        ),
        "read in work\n"
    );

    // The profile named in work is the one every later start uses, from
    // any directory.
    run_in(
        &env,
        &work,
        &[
            "create",
            "--name",
            "profiled",
            "--security-opt",
            "seccomp=no-mkdir.json",
            &image,
            "sh",
            "-c",
            "mkdir /made || echo refused",
        ],
    )
    .ok();
    let started = env.run(&["start", "-a", "profiled"]);
    assert!(
        started.ok().stdout.contains("refused"),
        "{}",
        started.transcript()
    );

    let id = run_detached(&env, &[], &["sleep", "1000"]);
    run_in(
        &env,
        &work,
        &["cp", "data/hello.txt", &format!("{id}:/hello.txt")],
    )
    .ok();
    let copied_in = env.run(&["exec", &id, "cat", "/hello.txt"]);
    assert_eq!(copied_in.ok().stdout, "hello from work\n");
    run_in(
        &env,
        &work,
        &["cp", &format!("{id}:/etc/group"), "group.copy"],
    )
    .ok();
    assert!(
        fs::read_to_string(work.join("group.copy"))
            .unwrap()
            .starts_with("root:")
    );
    run_in(&env, &work, &["export", "-o", "rootfs.tar", &id]).ok();
    assert!(fs::metadata(work.join("rootfs.tar")).unwrap().len() > 0);
    run_in(&env, &work, &["save", "-o", "image.tar", &image]).ok();
    assert!(fs::metadata(work.join("image.tar")).unwrap().len() > 0);
    let loaded = run_in(&env, &work, &["load", "-i", "image.tar"]);
    assert!(
        loaded.ok().stdout.contains("Loaded image"),
        "{}",
        loaded.transcript()
    );

    for name in ["out.txt", "group.copy", "rootfs.tar", "image.tar"] {
        assert!(!Path::new("/").join(name).exists(), "/{name} was written");
    }

    // A working directory removed under the user's shell has no path: a
    // relative source is then refused, never taken from /, and commands
    // without one still work.
    let in_removed = |args: &str| {
        let script = format!(
            "mkdir gone && cd gone && rmdir ../gone && exec {} {args}",
            common::rcon_bin().display()
        );
        run_command(
            env.command_as_user("sh")
                .current_dir(&work)
                .args(["-c", &script]),
            None,
            command_timeout(),
        )
        .unwrap()
    };
    let refused = in_removed(&format!("run --rm -v .:/mnt {image} ls /mnt"));
    refused.code_is(125);
    assert!(
        refused.stderr.contains("working directory"),
        "{}",
        refused.transcript()
    );
    in_removed("images -q").ok();
}

#[test]
fn no_process_rcon_leaves_running_shows_a_secret_given_with_e() {
    let env = TestEnv::new(user_with_ranges());
    let secret = format!("pw-detached-{}", std::process::id());
    let pw = format!("PW={secret}");
    // The user's first command: it starts the pause process too.
    let id = run_detached(&env, &["-e", &pw], &["sleep", "1000"]);
    let fuse = run_detached(
        &env,
        &["--storage-driver", "fuse-overlay", "-e", &pw],
        &["sleep", "1000"],
    );
    let servers = fuse_servers(&env.base);
    assert_eq!(servers.len(), 1, "one FUSE server");
    for (pid, name) in [
        (pause_pid(&env), "rcon-pause"),
        (monitor_pid(&env, &id), "rcon-monitor"),
        (monitor_pid(&env, &fuse), "rcon-monitor"),
        (servers[0], "rcon-fuse"),
    ] {
        assert_eq!(comm(pid), name);
        assert_eq!(cmdline(pid), name, "the command line of {name} {pid}");
    }
    assert_eq!(showing(&secret), vec![], "processes showing the secret");
    // It did reach the container.
    let inside = env.run(&["exec", &id, "sh", "-c", "echo $PW"]);
    assert_eq!(inside.ok().stdout.trim(), secret);
}

#[test]
fn a_fuse_server_does_not_keep_the_command_line_of_a_foreground_run() {
    let env = with_busybox(user_with_ranges());
    let secret = format!("pw-foreground-{}", std::process::id());
    let image = image_ref(catalog::BUSYBOX);
    let mut run = env
        .rcon()
        .args(["--storage-driver", "fuse-overlay", "run", "--name", "fg"])
        .args(["-e", &format!("PW={secret}"), &image, "sleep", "1000"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The server starts before the container: wait for the container's command.
    eventually("the container's command runs", || {
        let pid = env.run(&["inspect", "--format", "{{.State.Pid}}", "fg"]);
        pid.stdout
            .trim()
            .parse::<i32>()
            .is_ok_and(|pid| comm(pid) == "sleep")
    });
    let servers = fuse_servers(&env.base);
    assert_eq!(servers.len(), 1, "one FUSE server");
    let server = servers[0];
    assert_eq!(cmdline(server), "rcon-fuse");
    // Only the command the user typed shows it, as any program's would.
    let pids: Vec<i32> = showing(&secret).into_iter().map(|(pid, _)| pid).collect();
    assert_eq!(pids, vec![run.id() as i32], "processes showing the secret");
    env.run(&["stop", "-t", "0", "fg"]).ok();
    common::exit_of(&mut run);
}

#[test]
fn another_user_can_not_read_write_or_execute_anything_of_the_store() {
    let Some((env, attacker)) = owner_and_attacker() else {
        return;
    };
    let secret = format!("pw-store-{}", std::process::id());
    env.run(&["volume", "create", "vol"]).ok();
    // A setuid copy of busybox in the container's upper layer: on the host
    // it belongs to the owner, so whoever runs it runs as the owner.
    let id = run_detached(
        &env,
        &["-e", &format!("PW={secret}"), "-v", "vol:/data"],
        &[
            "sh",
            "-c",
            "echo $PW > /data/secret; mkdir /suid; cp /bin/busybox /suid/busybox; \
             chmod 4755 /suid/busybox; echo logged $PW; exec sleep 1000",
        ],
    );
    eventually("the container has logged", || {
        env.run(&["logs", &id]).stdout.contains(&secret)
    });
    let store = env.data_dir();
    let files = walk(&store);
    let holding_secret: Vec<&PathBuf> = matching(&files, |m| m.is_file() && m.len() < 1 << 20)
        .into_iter()
        .filter(|p| fs::read(p).is_ok_and(|b| String::from_utf8_lossy(&b).contains(&secret)))
        .collect();
    for expected in ["container.json", "ctr.log", "secret"] {
        assert!(
            holding_secret.iter().any(|p| p.ends_with(expected)),
            "the secret in a {expected}: {holding_secret:?}"
        );
    }
    let world_writable = matching(&files, |m| m.is_dir() && m.mode() & 0o002 != 0);
    assert!(
        world_writable.iter().any(|p| p.ends_with("diff/tmp")),
        "a layer's /tmp (1777): {world_writable:?}"
    );
    let setuid = matching(&files, |m| m.is_file() && m.mode() & 0o4000 != 0);
    assert!(
        setuid.iter().any(|p| p.ends_with("suid/busybox")),
        "the container's setuid file: {setuid:?}"
    );

    let other = TestEnv::new(attacker);
    for file in &holding_secret {
        let read = run_command(
            other.command_as_user("cat").arg(file),
            None,
            command_timeout(),
        )
        .unwrap();
        assert!(
            !read.success(),
            "{} was read: {}",
            file.display(),
            read.transcript()
        );
        assert!(!read.stdout.contains(&secret));
    }
    for dir in &world_writable {
        let planted = dir.join("planted-by-another-user");
        let write = run_command(
            other
                .command_as_user("sh")
                .args(["-c", "echo planted > \"$0\""])
                .arg(&planted),
            None,
            command_timeout(),
        )
        .unwrap();
        assert!(!write.success(), "{} was written", planted.display());
        assert!(!planted.exists());
    }
    for file in &setuid {
        match other
            .command_as_user(file.to_str().unwrap())
            .args(["id", "-u"])
            .output()
        {
            Err(e) => assert_eq!(
                e.kind(),
                io::ErrorKind::PermissionDenied,
                "{}",
                file.display()
            ),
            Ok(output) => panic!(
                "{} ran as another user and printed {:?}",
                file.display(),
                String::from_utf8_lossy(&output.stdout)
            ),
        }
    }
    // Private as Podman's storage is.
    assert_eq!(mode(&store), 0o700);
    assert_eq!(mode(&store.join("volumes")), 0o700);
    assert_eq!(mode(&env.runtime_dir.join("rcon")), 0o700);
}

#[test]
fn an_open_store_from_before_is_made_private_and_keeps_working() {
    let env = with_busybox(user_with_ranges());
    let image = image_ref(catalog::BUSYBOX);
    env.run(&["volume", "create", "kept"]).ok();
    env.run(&[
        "create",
        "--name",
        "old",
        "-v",
        "kept:/kept",
        &image,
        "ls",
        "/kept",
    ])
    .ok();
    let store = env.data_dir();
    let runroot = env.runtime_dir.join("rcon");
    // What rcon made before it made them private.
    for dir in [&store, &runroot, &store.join("volumes")] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let images = env.run(&["images"]);
    assert!(
        images.ok().stdout.contains(catalog::BUSYBOX),
        "{}",
        images.stdout
    );
    assert_eq!(mode(&store), 0o700);
    env.run(&["start", "-a", "old"]).ok();
    assert_eq!(mode(&runroot), 0o700);
    let volumes = env.run(&["volume", "ls", "-q"]);
    assert_eq!(volumes.ok().stdout, "kept\n");
    assert_eq!(mode(&store.join("volumes")), 0o700);
}

#[test]
fn another_users_verbs_fail_and_the_owners_container_keeps_running() {
    let Some((env, attacker)) = owner_and_attacker() else {
        return;
    };
    let id = run_detached(&env, &["--name", "owned"], &["sleep", "1000"]);
    let monitor = monitor_pid(&env, &id);
    let other = TestEnv::new(attacker);
    let root = env.data_dir();
    let root = root.to_str().unwrap();
    for verb in [
        &["stop", "-t", "0", "owned"][..],
        &["kill", "owned"],
        &["rm", "-f", "owned"],
        &["logs", "owned"],
        &["images"],
        &["ps", "-a"],
        &["volume", "ls"],
    ] {
        let result = other.run(&[&["--root", root][..], verb].concat());
        result.code_is(125);
        assert_eq!(result.stdout, "", "{verb:?} printed as if done");
        // (Besides the warning that the attacker has no subordinate IDs.)
        let errors: Vec<&str> = result
            .stderr
            .lines()
            .filter(|l| l.starts_with("Error:"))
            .collect();
        assert_eq!(errors.len(), 1, "{verb:?}: {}", result.stderr);
        assert!(
            errors[0].contains("permission denied")
                && errors[0].contains("belongs to another user"),
            "{verb:?}: {}",
            result.stderr
        );
    }
    let state = env.run(&["inspect", "--format", "{{.State.Status}}", "owned"]);
    assert_eq!(state.ok().stdout.trim(), "running");
    assert_eq!(comm(monitor), "rcon-monitor", "the monitor still runs");
}
