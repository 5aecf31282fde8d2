//! A container's files, as the unprivileged test user: `diff`, `export`,
//! `cp` (both ways, into and out of running and stopped containers, and
//! never outside the container through its symlinks) and `commit`.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::PathBuf;

use common::{RunResult, TestEnv, image_ref, servers_gone, user_with_ranges};
use testkit::catalog;

const DRIVERS: [&str; 3] = ["overlay", "fuse-overlay", "vfs"];

/// `rcon [GLOBAL...] run [FLAGS...] --name NAME IMAGE sh -c SCRIPT`.
fn run_busybox(env: &TestEnv, global: &[&str], flags: &[&str], name: &str, script: &str) {
    let reference = image_ref(catalog::BUSYBOX);
    let mut args = global.to_vec();
    args.push("run");
    args.extend_from_slice(flags);
    args.extend(["--name", name, "--tls-verify=false", "-q", &reference]);
    args.extend(["sh", "-c", script]);
    env.run(&args).ok();
}

/// A container that ran `script` in the foreground, on `driver` (else the store's choice).
fn make(env: &TestEnv, driver: Option<&str>, name: &str, script: &str) {
    match driver {
        Some(driver) => run_busybox(env, &["--storage-driver", driver], &[], name, script),
        None => run_busybox(env, &[], &[], name, script),
    }
}

/// A detached container running `script`, once its log says `ready` (the
/// script echoes it when set up).
fn make_running(env: &TestEnv, name: &str, script: &str) {
    run_busybox(env, &[], &["-d"], name, script);
    wait_for_log(env, name, "ready");
}

/// Waits (without a deadline of its own: the harness bounds each command)
/// until `rcon logs NAME` holds `text`.
fn wait_for_log(env: &TestEnv, name: &str, text: &str) {
    for _ in 0..600 {
        let logs = env.run(&["logs", name]);
        if logs.ok().stdout.contains(text) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("container {name} never logged {text:?}");
}

fn out(result: &RunResult) -> String {
    result.ok().stdout.trim_end().to_string()
}

/// A one-line engine error (exit 125) mentioning `what`.
fn fails_with(result: &RunResult, what: &str) {
    result.code_is(125);
    let line = result.stderr.trim_end();
    assert!(
        !line.contains('\n') && line.contains(what),
        "expected one line about {what:?}:\n{}",
        result.transcript()
    );
}

/// One tar entry: kind letter (`-` file, `d`, `l`, `h` hard link), owner, mode, content or link target.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    kind: char,
    uid: u64,
    gid: u64,
    mode: u32,
    data: Vec<u8>,
}

/// The entries of a tarball, by name.
fn entries(tar: &[u8]) -> BTreeMap<String, Entry> {
    let mut archive = tar::Archive::new(tar);
    let mut map = BTreeMap::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let header = entry.header().clone();
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = match header.entry_type() {
            tar::EntryType::Directory => 'd',
            tar::EntryType::Symlink => 'l',
            tar::EntryType::Link => 'h',
            _ => '-',
        };
        let mut data = Vec::new();
        match entry.link_name_bytes() {
            Some(link) => data.extend_from_slice(&link),
            None => {
                entry.read_to_end(&mut data).unwrap();
            }
        }
        map.insert(
            name,
            Entry {
                kind,
                uid: header.uid().unwrap(),
                gid: header.gid().unwrap(),
                mode: header.mode().unwrap(),
                data,
            },
        );
    }
    map
}

/// A file in the test's base dir that the test user may write (for `-o`).
fn output_path(env: &TestEnv, name: &str) -> PathBuf {
    env.home.join(name)
}

const CHANGES: &str = "echo new > /etc/new; echo more >> /etc/passwd; rm /bin/ls; \
                       mkdir -p /a/b; echo c > /a/b/c; rm -r /home/tester";

const EXPECTED_DIFF: &str = "A /a\nA /a/b\nA /a/b/c\nC /bin\nD /bin/ls\nC /etc\nA /etc/new\n\
                             C /etc/passwd\nC /home\nD /home/tester";

#[test]
fn diff_lists_added_changed_and_deleted_paths_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    for driver in DRIVERS {
        let name = format!("d-{driver}");
        make(&env, Some(driver), &name, CHANGES);
        assert_eq!(out(&env.run(&["diff", &name])), EXPECTED_DIFF, "{driver}");
        assert_eq!(
            out(&env.run(&["container", "diff", &name])),
            EXPECTED_DIFF,
            "{driver}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&out(&env.run(&["diff", "--format", "json", &name]))).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "changed": ["/bin", "/etc", "/etc/passwd", "/home"],
                "added": ["/a", "/a/b", "/a/b/c", "/etc/new"],
                "deleted": ["/bin/ls", "/home/tester"],
            }),
            "{driver}"
        );
    }
    // Removing a directory and making it again hides the image's content
    // (an opaque directory): what it held is deleted.
    make(
        &env,
        None,
        "opaque",
        "rm -r /home; mkdir /home; echo x > /home/x",
    );
    assert_eq!(
        out(&env.run(&["diff", "opaque"])),
        // /etc holds the mount points for /etc/hosts and the like, as in Podman.
        "C /etc\nC /home\nD /home/tester\nA /home/x"
    );
}

#[test]
fn export_writes_the_whole_filesystem_with_the_containers_owners() {
    let env = TestEnv::new(user_with_ranges());
    for driver in DRIVERS {
        let name = format!("e-{driver}");
        make(
            &env,
            Some(driver),
            &name,
            &format!("{CHANGES}; chown 1000:1001 /etc/new; ln /a/b/c /a/hard"),
        );
        let file = output_path(&env, &format!("{name}.tar"));
        env.run(&["export", "-o", file.to_str().unwrap(), &name])
            .ok();
        let tar = entries(&fs::read(&file).unwrap());
        let new = &tar["etc/new"];
        assert_eq!((new.kind, new.uid, new.gid), ('-', 1000, 1001), "{driver}");
        assert_eq!(new.data, b"new\n");
        assert!(tar["etc/passwd"].data.ends_with(b"more\n"), "{driver}");
        assert_eq!(tar["bin/"].kind, 'd');
        assert_eq!(
            (tar["bin/sh"].kind, &tar["bin/sh"].data[..]),
            ('l', &b"busybox"[..])
        );
        assert_eq!(tar["tmp/"].mode, 0o1777);
        assert!(!tar.contains_key("bin/ls") && !tar.contains_key("home/tester/"));
        assert_eq!(tar["a/hard"].kind, 'h', "{driver}: {:?}", tar["a/hard"]);
        assert_eq!(tar["a/hard"].data, b"a/b/c");
        // Mount points are there, empty; what was mounted on them is not.
        assert_eq!(tar["proc/"].kind, 'd');
        assert!(!tar.keys().any(|k| k.starts_with("proc/") && k != "proc/"));
        assert!(servers_gone(&env.base), "{driver}: no FUSE server left");
    }
    // To standard output, the same archive.
    let stdout = env.run(&["export", "e-vfs"]);
    assert!(stdout.ok().stdout.contains("etc/new"));
}

#[test]
fn a_running_container_is_exported_without_its_mounts() {
    let env = TestEnv::new(user_with_ranges());
    make_running(
        &env,
        "live",
        "echo live > /live; rm /etc/group; echo ready; sleep 1000",
    );
    let file = output_path(&env, "live.tar");
    env.run(&["export", "-o", file.to_str().unwrap(), "live"])
        .ok();
    let tar = entries(&fs::read(&file).unwrap());
    assert_eq!(tar["live"].data, b"live\n");
    assert!(!tar.contains_key("etc/group"));
    assert_eq!(tar["proc/"].kind, 'd');
    assert!(
        !tar.contains_key("proc/1/"),
        "the container's /proc is a mount"
    );
    assert_eq!(
        out(&env.run(&["diff", "live"])),
        "C /etc\nD /etc/group\nA /live"
    );
    env.run(&["rm", "-f", "-t", "0", "live"]).ok();
}

#[test]
fn verbs_on_a_missing_container_fail_with_one_line() {
    let env = TestEnv::new(user_with_ranges());
    fails_with(&env.run(&["diff", "nosuch"]), "no such container");
    fails_with(
        &env.run(&["export", "-o", "/dev/null", "nosuch"]),
        "no such container",
    );
}
