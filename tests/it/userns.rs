//! The rootless user namespace, exercised as unprivileged users.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use crate::common::{TestEnv, require_program, user_with_ranges, user_without_ranges};

/// The `uid_map`/`gid_map` lines rcon must produce from a subid file's entries for `user`.
fn expected_map(subid_file: &str, name: &str, id: u32) -> Vec<[u64; 3]> {
    let mut map = vec![[0, u64::from(id), 1]];
    let mut next = 1;
    for line in fs::read_to_string(subid_file).unwrap().lines() {
        let fields: Vec<&str> = line.trim().split(':').collect();
        if let [owner, start, count] = fields[..] {
            if owner == name || owner == id.to_string() {
                let count: u64 = count.parse().unwrap();
                map.push([next, start.parse().unwrap(), count]);
                next += count;
            }
        }
    }
    map
}

fn parse_map(text: &str) -> Vec<[u64; 3]> {
    text.lines()
        .map(|l| {
            let v: Vec<u64> = l.split_whitespace().map(|f| f.parse().unwrap()).collect();
            [v[0], v[1], v[2]]
        })
        .collect()
}

fn pause_pid(env: &TestEnv) -> i32 {
    let text =
        fs::read_to_string(env.runtime_dir.join("rcon/pause.pid")).expect("pause.pid exists");
    text.split_whitespace().next().unwrap().parse().unwrap()
}

fn alive(pid: i32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| !s[s.rfind(')').unwrap() + 2..].starts_with('Z'))
        .unwrap_or(false)
}

#[test]
fn unshare_maps_the_subordinate_ranges() {
    require_program("newuidmap");
    let env = TestEnv::new(user_with_ranges());
    let user = env.user;
    let uid_map = env.run(&["unshare", "cat", "/proc/self/uid_map"]);
    uid_map.ok();
    assert_eq!(
        parse_map(&uid_map.stdout),
        expected_map("/etc/subuid", &user.name, user.uid)
    );
    assert!(
        parse_map(&uid_map.stdout).len() > 1,
        "the user has ranges, so more than one line"
    );
    let gid_map = env.run(&["unshare", "cat", "/proc/self/gid_map"]);
    assert_eq!(
        parse_map(&gid_map.ok().stdout),
        expected_map("/etc/subgid", &user.name, user.gid)
    );
    assert!(
        !uid_map.stderr.contains("warning"),
        "no warning with ranges: {}",
        uid_map.stderr
    );
    // Inside, the user is root and can hand files to subordinate IDs.
    let id = env.run(&[
        "unshare",
        "sh",
        "-c",
        "id -u; touch $HOME/f && chown 1000:1000 $HOME/f && stat -c %u $HOME/f",
    ]);
    assert_eq!(id.ok().stdout, "0\n1000\n");
}

#[test]
fn without_ranges_a_single_mapping_and_one_warning() {
    let env = TestEnv::new(user_without_ranges());
    let user = env.user;
    let result = env.run(&["unshare", "cat", "/proc/self/uid_map"]);
    assert_eq!(
        parse_map(&result.ok().stdout),
        vec![[0, u64::from(user.uid), 1]]
    );
    let warnings: Vec<&str> = result
        .stderr
        .lines()
        .filter(|l| l.contains(" level=warning "))
        .collect();
    assert_eq!(
        warnings.len(),
        1,
        "exactly one warning line: {}",
        result.stderr
    );
    assert!(
        warnings[0].contains(&format!("no subordinate IDs for user {}", user.name)),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[0].contains("sudo usermod --add-subuids"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[0].ends_with(&format!("{} && rcon system migrate\"", user.name)),
        "{}",
        warnings[0]
    );
}

#[test]
fn a_killed_pause_process_is_replaced_and_storage_stays_readable() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&[
        "unshare",
        "sh",
        "-c",
        "mkdir -p $RCON_ROOT && echo kept > $RCON_ROOT/f && chown 1000:1000 $RCON_ROOT/f",
    ])
    .ok();
    let first = pause_pid(&env);
    assert!(alive(first));
    let status = Command::new("kill")
        .args(["-KILL", &first.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    while alive(first) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let after = env.run(&[
        "unshare",
        "sh",
        "-c",
        "cat $RCON_ROOT/f; stat -c %u $RCON_ROOT/f",
    ]);
    assert_eq!(after.ok().stdout, "kept\n1000\n");
    let second = pause_pid(&env);
    assert_ne!(first, second);
    assert!(alive(second));
}

#[test]
fn a_stale_pid_file_is_replaced() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["unshare", "true"]).ok();
    let real = pause_pid(&env);
    // A live process that is not the pause process: PID 1 with a wrong start time.
    env.command_as_user("sh")
        .args([
            "-c",
            &format!("echo '1 1' > {}/rcon/pause.pid", env.runtime_dir.display()),
        ])
        .status()
        .unwrap();
    let result = env.run(&["unshare", "readlink", "/proc/self/ns/user"]);
    result.ok();
    let replacement = pause_pid(&env);
    assert_ne!(replacement, 1);
    assert_ne!(replacement, real);
    let own = fs::read_link(format!("/proc/{replacement}/ns/user")).unwrap();
    assert_eq!(result.stdout.trim(), own.to_str().unwrap());
    Command::new("kill")
        .args(["-KILL", &real.to_string()])
        .status()
        .unwrap();
}

#[test]
fn concurrent_first_commands_share_one_namespace() {
    let env = TestEnv::new(user_with_ranges());
    let children: Vec<_> = (0..10)
        .map(|_| {
            env.rcon()
                .args(["unshare", "readlink", "/proc/self/ns/user"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for out in &outputs {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let namespaces: std::collections::BTreeSet<_> =
        outputs.iter().map(|o| o.stdout.clone()).collect();
    assert_eq!(
        namespaces.len(),
        1,
        "all ten joined one namespace: {namespaces:?}"
    );
    // Every pause process carries the environment of the command that made it:
    // count those made for this test's runtime dir.
    let marker = format!("XDG_RUNTIME_DIR={}", env.runtime_dir.display());
    let pauses: Vec<i32> = fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "rcon-pause")
        })
        .filter(|pid| alive(*pid))
        .filter(|pid| {
            fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|e| e.split(|b| *b == 0).any(|v| v == marker.as_bytes()))
        })
        .collect();
    assert_eq!(pauses, vec![pause_pid(&env)]);
}

#[test]
fn malformed_subuid_lines_are_reported_and_skipped() {
    require_program("newuidmap");
    let env = TestEnv::new(user_with_ranges());
    let user = env.user;
    let real = fs::read_to_string("/etc/subuid").unwrap();
    let copy = env.base.join("subuid");
    fs::write(
        &copy,
        format!(
            "{}:oops:10\n# comment\n\nbroken line\n{real}{}:1:0\n",
            user.name, user.name
        ),
    )
    .unwrap();
    fs::set_permissions(&copy, fs::Permissions::from_mode(0o644)).unwrap();
    let result = env
        .rcon()
        .env("RCON_SUBUID_FILE", &copy)
        .args(["unshare", "cat", "/proc/self/uid_map"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    let last = 4 + real.lines().count() + 1;
    for line in [1, 4, last] {
        let expected = format!(
            "level=warning msg=\"{}:{line}: skipping malformed line",
            copy.display()
        );
        assert!(
            stderr.contains(&expected),
            "missing `{expected}` in:\n{stderr}"
        );
    }
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    let map = parse_map(&String::from_utf8_lossy(&result.stdout));
    assert_eq!(map, expected_map("/etc/subuid", &user.name, user.uid));
}

#[test]
fn a_range_containing_the_own_uid_is_refused() {
    let env = TestEnv::new(user_with_ranges());
    let copy = env.base.join("subuid");
    fs::write(
        &copy,
        format!("{}:{}:10\n", env.user.name, env.user.uid - 5),
    )
    .unwrap();
    fs::set_permissions(&copy, fs::Permissions::from_mode(0o644)).unwrap();
    let result = env
        .rcon()
        .env("RCON_SUBUID_FILE", &copy)
        .args(["unshare", "true"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(125), "{stderr}");
    assert!(
        stderr.contains(&format!("contains the user's own ID {}", env.user.uid)),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        !env.runtime_dir.join("rcon/pause.pid").exists(),
        "no namespace recorded"
    );
}

#[test]
fn an_unreadable_subuid_file_gives_a_warning_and_a_single_mapping() {
    let env = TestEnv::new(user_with_ranges());
    let copy = env.base.join("subuid");
    fs::write(&copy, "").unwrap();
    fs::set_permissions(&copy, fs::Permissions::from_mode(0o000)).unwrap();
    let result = env
        .rcon()
        .env("RCON_SUBUID_FILE", &copy)
        .args(["unshare", "cat", "/proc/self/uid_map"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "level=warning msg=\"cannot read {}",
            copy.display()
        )),
        "{stderr}"
    );
    assert_eq!(
        parse_map(&String::from_utf8_lossy(&result.stdout)),
        vec![[0, u64::from(env.user.uid), 1]]
    );
}

#[test]
fn without_newuidmap_a_single_mapping_and_the_package_to_install() {
    let env = TestEnv::new(user_with_ranges());
    let empty = env.base.join("empty-path");
    fs::create_dir(&empty).unwrap();
    fs::set_permissions(&empty, fs::Permissions::from_mode(0o755)).unwrap();
    let result = env
        .rcon()
        .env("PATH", &empty)
        .args(["unshare", "/bin/cat", "/proc/self/uid_map"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(
        stderr.contains("level=warning msg=\"newuidmap is not installed"),
        "{stderr}"
    );
    assert!(stderr.contains("apt-get install uidmap"), "{stderr}");
    assert_eq!(
        parse_map(&String::from_utf8_lossy(&result.stdout)),
        vec![[0, u64::from(env.user.uid), 1]]
    );
}

#[test]
fn a_runtime_dir_of_someone_else_is_refused_and_nothing_is_created() {
    let env = TestEnv::new(user_with_ranges());
    let result = env.run(&["--runroot", "/", "unshare", "true"]);
    assert_eq!(result.code, Some(125), "{}", result.stderr);
    assert_eq!(result.stderr.lines().count(), 1, "{}", result.stderr);
    assert!(
        result
            .stderr
            .starts_with("Error: refusing to use /: it belongs to uid 0"),
        "{}",
        result.stderr
    );
    assert!(!env.home.join(".local/share/rcon").exists());
}

#[test]
fn an_unusable_xdg_runtime_dir_falls_back_with_a_warning() {
    let env = TestEnv::new(user_with_ranges());
    let fallback = format!("/tmp/rcon-{}", env.user.uid);
    let result = env
        .rcon()
        .env("XDG_RUNTIME_DIR", "/")
        .args(["info", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    // Leave the shared fallback dir as we found it: stop its pause process.
    env.rcon()
        .env("XDG_RUNTIME_DIR", "/")
        .args(["system", "migrate"])
        .status()
        .unwrap();
    assert!(result.status.success(), "{stderr}");
    assert!(
        stderr.contains("level=warning msg=\"XDG_RUNTIME_DIR=/ belongs to uid 0, not to you"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("using {fallback} instead")),
        "{stderr}"
    );
    let info: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
    assert_eq!(info["store"]["runRoot"], fallback.as_str());
}

#[test]
fn unshare_passes_exit_codes_through() {
    let env = TestEnv::new(user_with_ranges());
    assert_eq!(env.run(&["unshare", "sh", "-c", "exit 7"]).code, Some(7));
    let missing = env.run(&["unshare", "/no/such/program"]);
    assert_eq!(missing.code, Some(127), "{}", missing.stderr);
    assert!(
        missing
            .stderr
            .starts_with("Error: cannot run /no/such/program"),
        "{}",
        missing.stderr
    );
    let not_executable = env.run(&["unshare", "/etc/passwd"]);
    assert_eq!(not_executable.code, Some(126), "{}", not_executable.stderr);
    let bad_flag = env.run(&["--no-such-flag", "info"]);
    assert_eq!(bad_flag.code, Some(125), "{}", bad_flag.stderr);
}

#[test]
fn system_reset_removes_files_of_subordinate_ids_and_the_pause_process() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["unshare", "sh", "-c", "mkdir -p $RCON_ROOT/d && touch $RCON_ROOT/d/f && chown -R 1000:1000 $RCON_ROOT/d && chmod 0500 $RCON_ROOT/d"])
        .ok();
    let root = env.home.join(".local/share/rcon");
    assert!(Path::new(&root).exists());
    let pause = pause_pid(&env);
    env.run(&["system", "reset", "--force"]).ok();
    assert!(!root.exists(), "storage root removed");
    assert!(
        !env.runtime_dir.join("rcon").exists(),
        "runtime dir removed"
    );
    for _ in 0..200 {
        if !alive(pause) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!alive(pause), "pause process stopped");
}

/// The user's subordinate IDs as two ranges (a split of its real one, which
/// newuidmap allows), so rcon's namespace has two lines after the user's.
fn split_subid_files(env: &TestEnv) -> [(&'static str, std::path::PathBuf); 2] {
    let user = env.user;
    ["subuid", "subgid"].map(|which| {
        let real = fs::read_to_string(format!("/etc/{which}")).unwrap();
        let (start, count) = real
            .lines()
            .find_map(|line| {
                let fields: Vec<&str> = line.split(':').collect();
                (fields.len() == 3 && fields[0] == user.name).then(|| {
                    (
                        fields[1].parse::<u64>().unwrap(),
                        fields[2].parse::<u64>().unwrap(),
                    )
                })
            })
            .expect("the test user has subordinate IDs");
        let half = count / 2;
        let copy = env.base.join(which);
        fs::write(
            &copy,
            format!(
                "{name}:{start}:{half}\n{name}:{}:{}\n",
                start + half,
                count - half,
                name = user.name
            ),
        )
        .unwrap();
        fs::set_permissions(&copy, fs::Permissions::from_mode(0o644)).unwrap();
        let env_name = if which == "subuid" {
            "RCON_SUBUID_FILE"
        } else {
            "RCON_SUBGID_FILE"
        };
        (env_name, copy)
    })
}

#[test]
fn keep_id_works_over_several_subordinate_ranges() {
    require_program("newuidmap");
    let env = TestEnv::new(user_with_ranges());
    let files = split_subid_files(&env);
    let reference = crate::common::image_ref(testkit::catalog::BUSYBOX);
    let mut command = env.rcon();
    for (name, path) in &files {
        command.env(name, path);
    }
    let result = command
        .args([
            "run",
            "--rm",
            "--tls-verify=false",
            "-q",
            "--userns=keep-id",
        ])
        .args([
            reference.as_str(),
            "sh",
            "-c",
            "id -u; wc -l < /proc/self/uid_map",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&result.stdout);
    let lines: Vec<&str> = stdout.lines().map(str::trim).collect();
    assert_eq!(lines[0], env.user.uid.to_string());
    // Below the user, the user, the rest of the first range, the second range.
    assert_eq!(lines[1], "4", "{stdout}");
}
