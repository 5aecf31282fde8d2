//! A container's files, as the unprivileged test user: `diff`, `export`,
//! `cp` (both ways, into and out of running and stopped containers, and
//! never outside the container through its symlinks) and `commit`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::{RunResult, TestEnv, image_ref, registry, servers_gone, user_with_ranges};
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
fn make_running(env: &TestEnv, name: &str, flags: &[&str], script: &str) {
    let mut all = vec!["-d"];
    all.extend_from_slice(flags);
    run_busybox(env, &[], &all, name, script);
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

/// A directory of the test user's on the host, with `files` (path, content) in it.
fn user_dir(env: &TestEnv, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = env.base.join(name);
    fs::create_dir_all(&dir).unwrap();
    for (path, content) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    give_to_user(env, &dir);
    dir
}

fn give_to_user(env: &TestEnv, path: &Path) {
    let (uid, gid) = (env.user.uid, env.user.gid);
    std::os::unix::fs::lchown(path, Some(uid), Some(gid)).unwrap();
    if fs::symlink_metadata(path).unwrap().is_dir() {
        for entry in fs::read_dir(path).unwrap() {
            give_to_user(env, &entry.unwrap().path());
        }
    }
}

/// `rcon cp ARGS...`.
fn cp(env: &TestEnv, args: &[&str]) -> RunResult {
    let mut all = vec!["cp"];
    all.extend_from_slice(args);
    env.run(&all)
}

fn host(path: &Path) -> &str {
    path.to_str().unwrap()
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
        &[],
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

#[test]
fn cp_out_follows_dockers_path_rules() {
    let env = TestEnv::new(user_with_ranges());
    make(
        &env,
        None,
        "c",
        "mkdir -p /d/sub; echo f > /d/f; echo s > /d/sub/s; ln -s f /d/link; \
         echo one > /one; chown 1000:1000 /one",
    );
    let out = user_dir(&env, "out", &[]);
    // A file under a new name, and into a directory; it becomes the user's.
    cp(&env, &["c:/one", host(&out.join("renamed"))]).ok();
    assert_eq!(fs::read_to_string(out.join("renamed")).unwrap(), "one\n");
    use std::os::unix::fs::MetadataExt;
    assert_eq!(
        fs::metadata(out.join("renamed")).unwrap().uid(),
        env.user.uid
    );
    cp(&env, &["c:/one", &format!("{}/", host(&out))]).ok();
    assert_eq!(fs::read_to_string(out.join("one")).unwrap(), "one\n");
    // A directory as a missing one, then into the existing one.
    cp(&env, &["c:/d", host(&out.join("copy"))]).ok();
    assert_eq!(fs::read_to_string(out.join("copy/sub/s")).unwrap(), "s\n");
    assert_eq!(
        fs::read_link(out.join("copy/link")).unwrap(),
        Path::new("f")
    );
    cp(&env, &["c:/d", host(&out.join("copy"))]).ok();
    assert_eq!(fs::read_to_string(out.join("copy/d/f")).unwrap(), "f\n");
    // What a directory holds (`/.`) into an existing directory.
    cp(&env, &["c:/d/.", host(&out)]).ok();
    assert_eq!(fs::read_to_string(out.join("f")).unwrap(), "f\n");
    assert!(out.join("sub/s").exists());
    // As a tar stream.
    let tar = cp(&env, &["c:/d", "-"]);
    let listed: Vec<String> = entries(tar.ok().stdout.as_bytes()).into_keys().collect();
    assert_eq!(listed, ["d/", "d/f", "d/link", "d/sub/", "d/sub/s"]);
    // What cannot be done: one line each, nothing written.
    fails_with(
        &cp(&env, &["c:/d", host(&out.join("renamed"))]),
        "destination must be a directory when copying a directory",
    );
    fails_with(
        &cp(&env, &["c:/one", &format!("{}/", host(&out.join("nodir")))]),
        "could not be found on the host",
    );
    fails_with(
        &cp(&env, &["c:/nothing", host(&out)]),
        "\"/nothing\" could not be found on container c: no such file or directory",
    );
    fails_with(&cp(&env, &["nosuch:/one", host(&out)]), "no such container");
    fails_with(&cp(&env, &["a", "b"]), "CONTAINER:PATH");
    assert_eq!(fs::read_to_string(out.join("renamed")).unwrap(), "one\n");
    assert!(!out.join("nodir").exists());
}

/// A tar stream with `files` (path, content), owned by `uid`:`gid`; names
/// are written as given (`..` too, which the tar crate would refuse).
fn tarball(files: &[(&str, &str)], uid: u64, gid: u64) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (path, content) in files {
        let mut header = tar::Header::new_gnu();
        header.as_old_mut().name[..path.len()].copy_from_slice(path.as_bytes());
        header.set_mode(0o640);
        header.set_uid(uid);
        header.set_gid(gid);
        header.set_mtime(1_600_000_000);
        header.set_size(content.len() as u64);
        header.set_cksum();
        builder.append(&header, content.as_bytes()).unwrap();
    }
    builder.into_inner().unwrap()
}

#[test]
fn cp_in_gives_files_to_the_containers_user_unless_archive_is_false() {
    let env = TestEnv::new(user_with_ranges());
    make(&env, Some("vfs"), "c", "mkdir /dir; echo x > /dir/existing");
    let src = user_dir(
        &env,
        "src",
        &[
            ("tree/a", "a\n"),
            ("tree/sub/b", "b\n"),
            ("single", "single\n"),
        ],
    );
    cp(&env, &[host(&src.join("single")), "c:/dir/"]).ok();
    cp(&env, &[host(&src.join("single")), "c:/renamed"]).ok();
    cp(&env, &[host(&src.join("tree")), "c:/dir"]).ok();
    cp(&env, &[host(&src.join("tree")), "c:/newdir"]).ok();
    cp(&env, &[&format!("{}/.", host(&src.join("tree"))), "c:/dir"]).ok();
    let stream = tarball(&[("t/x", "from tar\n")], 1234, 4321);
    env.run_with_input(&["cp", "-", "c:/dir"], &stream).ok();
    env.run(&["container", "cp", "c:/root", host(&src.join("unused"))])
        .ok();
    env.run_with_input(&["cp", "-a=false", "-", "c:/root"], &stream)
        .ok();
    env.run_with_input(&["cp", "--archive", "-", "c:/dir"], &stream)
        .ok();
    fails_with(
        &cp(&env, &[host(&src.join("tree")), "c:/renamed"]),
        "destination must be a directory when copying a directory",
    );
    fails_with(
        &cp(&env, &[host(&src.join("single")), "c:/nodir/x"]),
        "\"/nodir/x\" could not be found on container c",
    );
    fails_with(
        &env.run_with_input(&["cp", "-", "c:/renamed"], &stream),
        "destination must be a directory when copying from stdin",
    );
    fails_with(
        &env.run_with_input(&["cp", "-", "c:/dir"], b"not a tar stream\n"),
        "source must be a (compressed) tar archive when copying from stdin",
    );
    let file = output_path(&env, "c.tar");
    env.run(&["export", "-o", host(&file), "c"]).ok();
    let tar = entries(&fs::read(&file).unwrap());
    let owned = |name: &str| (tar[name].uid, tar[name].gid, tar[name].data.clone());
    assert_eq!(owned("dir/single"), (0, 0, b"single\n".to_vec()));
    assert_eq!(owned("renamed"), (0, 0, b"single\n".to_vec()));
    assert_eq!(owned("dir/tree/sub/b"), (0, 0, b"b\n".to_vec()));
    assert_eq!(owned("newdir/a"), (0, 0, b"a\n".to_vec()));
    assert_eq!(owned("dir/a"), (0, 0, b"a\n".to_vec()));
    assert_eq!(owned("dir/existing"), (0, 0, b"x\n".to_vec()));
    assert_eq!(owned("dir/t/x"), (0, 0, b"from tar\n".to_vec()));
    assert_eq!(owned("root/t/x"), (1234, 4321, b"from tar\n".to_vec()));
    assert_eq!(tar["root/t/x"].mode, 0o640);
    // Stopped containers on every driver take files and give them back.
    for driver in DRIVERS {
        let name = format!("k-{driver}");
        make(&env, Some(driver), &name, "true");
        cp(&env, &[host(&src.join("tree")), &format!("{name}:/tree")]).ok();
        let back = src.join(&name);
        cp(&env, &[&format!("{name}:/tree/sub/b"), host(&back)]).ok();
        assert_eq!(fs::read_to_string(&back).unwrap(), "b\n", "{driver}");
        assert_eq!(
            out(&env.run(&["diff", &name])),
            "C /etc\nA /tree\nA /tree/a\nA /tree/sub\nA /tree/sub/b",
            "{driver}"
        );
        assert!(servers_gone(&env.base), "{driver}: no FUSE server left");
    }
}

#[test]
fn cp_never_leaves_the_container_through_its_symlinks() {
    let env = TestEnv::new(user_with_ranges());
    let secret = user_dir(&env, "host", &[("secret", "host secret\n")]);
    let s = host(&secret);
    let input = user_dir(&env, "input", &[("x", "payload\n")]);
    let payload = input.join("x");
    let payload = host(&payload);
    let out = user_dir(&env, "out", &[]);
    let plant = format!(
        "ln -s {s} /esc; ln -s {s}/secret /leak; ln -s ../../../../../../../.. /up; \
         mkdir /d; ln -s {s} /d/link; ln -s /etc /etclink; ln -s ../etc/x /inlink"
    );
    for running in [false, true] {
        let c = if running { "running" } else { "stopped" };
        if running {
            make_running(&env, c, &[], &format!("{plant}; echo ready; sleep 1000"));
        } else {
            make(&env, None, c, &plant);
        }
        let at = |path: &str| format!("{c}:{path}");
        // In: through a symlink to a host path, it resolves inside the
        // container, where that path does not exist.
        fails_with(
            &cp(&env, &[payload, &at("/esc/x")]),
            "\"/esc/x\" could not be found on container",
        );
        fails_with(
            &cp(&env, &[payload, &at(&format!("/up{s}/x"))]),
            "could not be found on container",
        );
        let stream = tarball(&[("esc/evil", "evil\n")], 0, 0);
        env.run_with_input(&["cp", "-", &at("/")], &stream)
            .code_is(125);
        let stream = tarball(&[("../evil", "evil\n")], 0, 0);
        env.run_with_input(&["cp", "-", &at("/")], &stream)
            .code_is(125);
        // `..` stops at the container's root; `/etc` is the container's.
        cp(&env, &[payload, &at("/up/x")]).ok();
        cp(&env, &[payload, &at("/etclink/x")]).ok();
        let stream = tarball(&[("up/y", "y\n")], 0, 0);
        env.run_with_input(&["cp", "-", &at("/")], &stream).ok();
        // A symlink named as the destination is followed inside the
        // container (as Podman does), where the host path is nowhere.
        fails_with(
            &cp(&env, &[payload, &at("/leak")]),
            "\"/leak\" could not be found on container",
        );
        assert_eq!(
            fs::read_dir(&secret).unwrap().count(),
            1,
            "{c}: nothing written beside the host's secret"
        );
        assert_eq!(
            fs::read_to_string(secret.join("secret")).unwrap(),
            "host secret\n"
        );
        for (path, content) in [
            ("/x", "payload\n"),
            ("/etc/x", "payload\n"),
            ("/y", "y\n"),
            ("/inlink", "payload\n"),
        ] {
            let dest = out.join(format!("{c}-check"));
            cp(&env, &[&at(path), host(&dest)]).ok();
            assert_eq!(fs::read_to_string(&dest).unwrap(), content, "{c}:{path}");
            fs::remove_file(&dest).unwrap();
        }
        // Out: the host's file is never read through the container's links.
        let dest = out.join(c);
        fails_with(
            &cp(&env, &[&at("/esc/secret"), host(&dest)]),
            "could not be found on container",
        );
        fails_with(
            &cp(&env, &[&at(&format!("/up{s}/secret")), host(&dest)]),
            "could not be found on container",
        );
        fails_with(
            &cp(&env, &[&at("/esc/"), host(&dest)]),
            "could not be found on container",
        );
        assert!(!dest.exists());
        // A symlink at the end is followed inside the container, where the
        // host path is nowhere; inside a tree, one is copied as a symlink.
        fails_with(
            &cp(&env, &[&at("/esc"), host(&dest)]),
            "\"/esc\" could not be found on container",
        );
        assert!(!dest.exists());
        cp(&env, &[&at("/d"), host(&dest)]).ok();
        assert_eq!(fs::read_link(dest.join("link")).unwrap(), secret);
        assert_eq!(fs::read_dir(&dest).unwrap().count(), 1);
        fs::remove_dir_all(&dest).unwrap();
    }
    env.run(&["rm", "-f", "-t", "0", "running"]).ok();
}

#[test]
fn cp_reaches_into_a_running_container_and_its_volumes() {
    let env = TestEnv::new(user_with_ranges());
    let volume = user_dir(&env, "volume", &[]);
    let input = user_dir(&env, "input", &[("in", "hello-in\n")]);
    make_running(
        &env,
        "r",
        &["-v", &format!("{}:/vol", host(&volume))],
        "echo ready; while [ ! -f /tmp/in ]; do sleep 0.1; done; cat /tmp/in; \
         echo out > /tmp/out; echo wrote-out; sleep 1000",
    );
    cp(&env, &[host(&input.join("in")), "r:/tmp/in"]).ok();
    wait_for_log(&env, "r", "wrote-out");
    assert!(out(&env.run(&["logs", "r"])).contains("hello-in"));
    let dest = input.join("out");
    cp(&env, &["r:/tmp/out", host(&dest)]).ok();
    assert_eq!(fs::read_to_string(&dest).unwrap(), "out\n");
    // Through the container's own mounts: its volume is the host directory.
    cp(&env, &[host(&input.join("in")), "r:/vol/"]).ok();
    assert_eq!(fs::read_to_string(volume.join("in")).unwrap(), "hello-in\n");
    env.run(&["rm", "-f", "-t", "0", "r"]).ok();
}

/// `rcon create [FLAGS...] --name NAME IMAGE sh -c SCRIPT`: never started.
fn create_busybox(env: &TestEnv, name: &str, flags: &[&str], script: &str) {
    let reference = image_ref(catalog::BUSYBOX);
    let mut args = vec!["create"];
    args.extend_from_slice(flags);
    args.extend(["--name", name, "--tls-verify=false", "-q", &reference]);
    args.extend(["sh", "-c", script]);
    env.run(&args).ok();
}

/// The host secret nothing in these tests may reach: still alone, unchanged.
fn untouched(secret: &Path) {
    assert_eq!(
        fs::read_dir(secret).unwrap().count(),
        1,
        "nothing written beside the host's secret"
    );
    assert_eq!(
        fs::read_to_string(secret.join("secret")).unwrap(),
        "host secret\n"
    );
}

#[test]
fn cp_takes_container_paths_from_the_working_directory() {
    let env = TestEnv::new(user_with_ranges());
    let input = user_dir(&env, "input", &[("f", "from host\n")]);
    make_running(&env, "r", &["--workdir=/etc"], "echo ready; sleep 1000");
    create_busybox(&env, "c", &["--workdir=/etc"], "sleep 1000");
    for c in ["r", "c"] {
        cp(&env, &[host(&input.join("f")), &format!("{c}:.")]).ok();
        cp(&env, &[host(&input.join("f")), &format!("{c}:renamed")]).ok();
        for path in ["f", "/etc/f", "renamed", "./renamed", "../etc/renamed"] {
            let back = input.join(format!("{c}-back"));
            cp(&env, &[&format!("{c}:{path}"), host(&back)]).ok();
            assert_eq!(
                fs::read_to_string(&back).unwrap(),
                "from host\n",
                "{c}:{path}"
            );
            fs::remove_file(&back).unwrap();
        }
        fails_with(
            &cp(&env, &[&format!("{c}:nothing"), host(&input)]),
            &format!("\"nothing\" could not be found on container {c}: no such file or directory"),
        );
    }
    env.run(&["rm", "-f", "-t", "0", "r"]).ok();
}

#[test]
fn cp_copies_between_containers_never_through_their_symlinks_to_the_host() {
    let env = TestEnv::new(user_with_ranges());
    let secret = user_dir(&env, "host", &[("secret", "host secret\n")]);
    let s = host(&secret);
    let out = user_dir(&env, "out", &[]);
    let plant = format!("ln -s {s} /esc; ln -s {s}/secret /leak; ln -s ../d /etc/up");
    make_running(
        &env,
        "src",
        &["--workdir=/etc"],
        &format!(
            "{plant}; mkdir -p /d/sub; echo one > /d/sub/f; echo rel > /etc/rel; echo ready; sleep 1000"
        ),
    );
    make(&env, None, "stopped", &format!("{plant}; mkdir /in"));
    create_busybox(&env, "created", &[], "sleep 1000");
    // Running to stopped, a directory and a path from the working directory.
    cp(&env, &["src:/d", "stopped:/in"]).ok();
    cp(&env, &["src:rel", "stopped:/"]).ok();
    // Stopped to running, and to one never started, under new names.
    cp(&env, &["stopped:/in/d", "src:/copied"]).ok();
    cp(&env, &["stopped:/rel", "created:/renamed"]).ok();
    // A symlink at the end of the source is followed inside its container.
    cp(&env, &["src:up", "created:/whole"]).ok();
    for (path, content) in [
        ("src:/copied/sub/f", "one\n"),
        ("stopped:/in/d/sub/f", "one\n"),
        ("created:/renamed", "rel\n"),
        ("created:/whole/sub/f", "one\n"),
    ] {
        let back = out.join("back");
        cp(&env, &[path, host(&back)]).ok();
        assert_eq!(fs::read_to_string(&back).unwrap(), content, "{path}");
        fs::remove_file(&back).unwrap();
    }
    // Symlinks to a host path lead nowhere, on either side.
    for (from, to, named) in [
        (
            "src:/leak",
            "stopped:/in",
            "\"/leak\" could not be found on container src",
        ),
        (
            "src:/esc/secret",
            "stopped:/in",
            "could not be found on container src",
        ),
        (
            "stopped:/leak",
            "src:/",
            "could not be found on container stopped",
        ),
        (
            "src:/d",
            "stopped:/esc",
            "\"/esc\" could not be found on container stopped",
        ),
        (
            "src:/etc/rel",
            "stopped:/leak",
            "\"/leak\" could not be found on container stopped",
        ),
        (
            "stopped:/rel",
            "src:/esc/x",
            "could not be found on container src",
        ),
    ] {
        fails_with(&cp(&env, &[from, to]), named);
    }
    untouched(&secret);
    env.run(&["rm", "-f", "-t", "0", "src"]).ok();
}

#[test]
fn cp_into_a_stopped_container_lands_in_its_volumes_and_binds() {
    let env = TestEnv::new(user_with_ranges());
    let secret = user_dir(&env, "host", &[("secret", "host secret\n")]);
    let bind = user_dir(&env, "bind", &[]);
    let read_only = user_dir(&env, "ro", &[]);
    let input = user_dir(&env, "input", &[("f", "payload\n")]);
    let f = input.join("f");
    for volume in ["outer", "inner"] {
        env.run(&["volume", "create", volume]).ok();
    }
    let mountpoint = |volume: &str| {
        PathBuf::from(out(&env.run(&[
            "volume",
            "inspect",
            volume,
            "--format",
            "{{.Mountpoint}}",
        ])))
    };
    let (outer, inner) = (mountpoint("outer"), mountpoint("inner"));
    let bind_spec = format!("{}:/data/bind", host(&bind));
    let ro_spec = format!("{}:/ro:ro", host(&read_only));
    let file_spec = format!("{}:/etc/bound.conf", host(&input.join("f")));
    create_busybox(
        &env,
        "c",
        &[
            "-v",
            "outer:/data",
            "-v",
            "inner:/data/inner",
            "-v",
            &bind_spec,
            "-v",
            &ro_spec,
            "-v",
            &file_spec,
        ],
        "true",
    );
    cp(&env, &[host(&f), "c:/data/inner"]).ok();
    cp(&env, &[host(&f), "c:/data/bind/"]).ok();
    cp(&env, &[host(&f), "c:/data/top"]).ok();
    assert_eq!(fs::read_to_string(inner.join("f")).unwrap(), "payload\n");
    assert_eq!(fs::read_to_string(bind.join("f")).unwrap(), "payload\n");
    assert_eq!(fs::read_to_string(outer.join("top")).unwrap(), "payload\n");
    assert!(!outer.join("inner/f").exists() && !outer.join("bind/f").exists());
    let back = input.join("back");
    cp(&env, &["c:/data/inner/f", host(&back)]).ok();
    assert_eq!(fs::read_to_string(&back).unwrap(), "payload\n");
    // A file bound at the path itself is that file.
    cp(&env, &["c:/etc/bound.conf", host(&input.join("bound"))]).ok();
    assert_eq!(
        fs::read_to_string(input.join("bound")).unwrap(),
        "payload\n"
    );
    fails_with(
        &cp(&env, &[host(&f), "c:/ro/"]),
        "/ro in container c is on a read-only mount",
    );
    assert_eq!(fs::read_dir(&read_only).unwrap().count(), 0);
    // A symlink planted in the volume resolves inside it, never on the host.
    let link = outer.join("esc");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    std::os::unix::fs::lchown(&link, Some(env.user.uid), Some(env.user.gid)).unwrap();
    fails_with(
        &cp(&env, &[host(&f), "c:/data/esc/x"]),
        "could not be found on container c",
    );
    fails_with(
        &cp(&env, &[host(&f), "c:/data/esc"]),
        "could not be found on container c",
    );
    fails_with(
        &cp(&env, &["c:/data/esc/secret", host(&back)]),
        "could not be found on container c",
    );
    fails_with(
        &cp(&env, &["c:/data/esc", host(&input.join("esc"))]),
        "could not be found on container c",
    );
    untouched(&secret);
}

#[test]
fn cp_into_a_created_container_reaches_its_tmpfs_once_started() {
    let env = TestEnv::new(user_with_ranges());
    let secret = user_dir(&env, "host", &[("secret", "host secret\n")]);
    let input = user_dir(&env, "input", &[("f", "payload\n")]);
    // What a never-started container's tmpfs mount point holds is copied
    // into the tmpfs when it starts (Podman's tmpcopyup); a symlink to a
    // host path is copied as a symlink, which leads nowhere inside.
    create_busybox(
        &env,
        "c",
        &["--mount", "type=tmpfs,dst=/tmp"],
        "cat /tmp/f /tmp/d/g; readlink /tmp/d/link; cat /tmp/d/link || echo nothing-there; \
         echo new > /tmp/new",
    );
    cp(&env, &[host(&input.join("f")), "c:/tmp"]).ok();
    let mut tree = tar::Builder::new(Vec::new());
    let header = |kind, mode| {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(kind);
        header.set_mode(mode);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(1_600_000_000);
        header.set_size(0);
        header
    };
    let mut file = header(tar::EntryType::Regular, 0o640);
    file.set_size(2);
    tree.append_data(&mut file, "d/g", &b"g\n"[..]).unwrap();
    let mut link = header(tar::EntryType::Symlink, 0o777);
    tree.append_link(&mut link, "d/link", secret.join("secret"))
        .unwrap();
    env.run_with_input(&["cp", "-", "c:/tmp"], &tree.into_inner().unwrap())
        .ok();
    let run = env.run(&["start", "-a", "c"]);
    assert_eq!(
        run.ok().stdout,
        format!(
            "payload\ng\n{}\nnothing-there\n",
            secret.join("secret").display()
        )
    );
    untouched(&secret);
}

#[test]
fn cp_streams_compressed_tars_owns_files_as_the_container_user_and_overwrites_when_asked() {
    use std::io::Write;
    let env = TestEnv::new(user_with_ranges());
    let input = user_dir(&env, "input", &[("dir", "a file\n")]);
    make_running(
        &env,
        "r",
        &["--user=1234:4321"],
        "mkdir /tmp/dir; echo ready; sleep 1000",
    );
    let owner = |path: &str| out(&env.run(&["exec", "r", "stat", "-c", "%u:%g", path]));
    // A gzip-compressed stream: what it holds keeps its owners with -a=false.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tarball(&[("t/x", "from tar\n")], 42, 43))
        .unwrap();
    let stream = gz.finish().unwrap();
    env.run_with_input(&["cp", "-a=false", "-", "r:/tmp"], &stream)
        .ok();
    assert_eq!(owner("/tmp/t/x"), "42:43");
    let back = input.join("back");
    cp(&env, &["r:/tmp/t/x", host(&back)]).ok();
    assert_eq!(fs::read_to_string(&back).unwrap(), "from tar\n");
    // By default, everything copied in belongs to the container's user.
    env.run_with_input(&["cp", "-", "r:/"], &stream).ok();
    assert_eq!(owner("/t/x"), "1234:4321");
    fails_with(
        &env.run_with_input(&["cp", "-", "r:/tmp/nothing"], &stream),
        "destination must be a directory when copying from stdin",
    );
    // Only `-` is a stream: /dev/stdout is refused as a destination.
    fails_with(
        &cp(&env, &["r:/tmp/t/x", "/dev/stdout"]),
        "invalid destination: \"/dev/stdout\" must be a directory or a regular file",
    );
    // A file in the way of a directory, and the reverse, only with --overwrite.
    fails_with(
        &cp(&env, &[host(&input.join("dir")), "r:/tmp"]),
        "error creating \"/tmp/dir\"",
    );
    cp(&env, &["--overwrite", host(&input.join("dir")), "r:/tmp"]).ok();
    assert_eq!(out(&env.run(&["exec", "r", "cat", "/tmp/dir"])), "a file");
    let out_dir = user_dir(&env, "out", &[("t", "in the way\n")]);
    fails_with(
        &cp(&env, &["r:/tmp/t", host(&out_dir)]),
        "error creating \"/t\"",
    );
    cp(&env, &["--overwrite=true", "r:/tmp/t", host(&out_dir)]).ok();
    assert_eq!(
        fs::read_to_string(out_dir.join("t/x")).unwrap(),
        "from tar\n"
    );
    env.run(&["rm", "-f", "-t", "0", "r"]).ok();
}

/// `rcon run --rm IMAGE [ARGS...]`'s output.
fn run_image(env: &TestEnv, image: &str, args: &[&str]) -> String {
    let mut all = vec!["run", "--rm", image];
    all.extend_from_slice(args);
    out(&env.run(&all))
}

#[test]
fn commit_makes_an_image_that_runs_with_the_changes_and_pushes() {
    let env = TestEnv::new(user_with_ranges());
    let script = format!("{CHANGES}; chown 1000:1000 /a/b/c");
    make(&env, None, "c", &script);
    let images_before = out(&env.run(&["images", "-q"])).lines().count();
    let id = out(&env.run(&[
        "commit",
        "-m",
        "my message",
        "-a",
        "Ada <ada@example.com>",
        "c",
        "committed:v1",
    ]));
    assert_eq!(id.len(), 64, "commit prints the image ID");
    assert_eq!(
        out(&env.run(&["images", "-q"])).lines().count(),
        images_before + 1
    );
    let listed = out(&env.run(&["images"]));
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("localhost/committed") && l.contains(" v1 ")),
        "{listed}"
    );
    // The new image has the change and the deletions.
    let check = "cat /etc/new; tail -n 1 /etc/passwd; stat -c %u:%g /a/b/c; \
                 test -e /bin/ls && echo ls || echo no-ls; \
                 test -e /home/tester && echo tester || echo no-tester";
    assert_eq!(
        run_image(&env, "committed:v1", &["sh", "-c", check]),
        "new\nmore\n1000:1000\nno-ls\nno-tester"
    );
    // Its history names the step; its config keeps the container's command.
    let history: serde_json::Value = serde_json::from_str(&out(&env.run(&[
        "history",
        "--format",
        "json",
        "committed:v1",
    ])))
    .unwrap();
    assert_eq!(history[0]["comment"], "my message");
    assert_eq!(history[0]["id"], id.as_str());
    assert!(history[0]["size"].as_u64().unwrap() > 0);
    let inspect: serde_json::Value =
        serde_json::from_str(&out(&env.run(&["image", "inspect", "committed:v1"]))).unwrap();
    let inspect = if inspect.is_array() {
        inspect[0].clone()
    } else {
        inspect
    };
    assert_eq!(
        inspect["Config"]["Cmd"],
        serde_json::json!(["sh", "-c", script])
    );
    assert_eq!(inspect["RootFS"]["Layers"].as_array().unwrap().len(), 2);
    // Pushed and pulled back as any image.
    let remote = format!("{}/rcon-test/committed:v1", registry());
    env.run(&["push", "--tls-verify=false", "-q", "committed:v1", &remote])
        .ok();
    env.run(&["rm", "c"]).ok();
    env.run(&["rmi", "committed:v1"]).ok();
    env.run(&["pull", "--tls-verify=false", "-q", &remote]).ok();
    assert_eq!(
        run_image(&env, &remote, &["cat", "/etc/new"]),
        "new",
        "the pulled image has the committed layer"
    );
    let pulled = out(&env.run(&["images", "-q", "--no-trunc", &remote]));
    assert!(
        pulled.contains(&id),
        "same image ID after push and pull: {pulled}"
    );
}

#[test]
fn commit_changes_apply_dockerfile_instructions() {
    let env = TestEnv::new(user_with_ranges());
    make(&env, None, "c", "mkdir /srv; echo hello > /srv/greeting");
    env.run(&[
        "container",
        "commit",
        "-c",
        "CMD [\"cat\", \"greeting\"]",
        "-c",
        "WORKDIR /srv",
        "-c",
        "ENV GREETING=hi THERE=you",
        "-c",
        "LABEL stage=test",
        "-c",
        "EXPOSE 8080",
        "-c",
        "USER 1000",
        "c",
        "changed",
    ])
    .ok();
    assert_eq!(run_image(&env, "changed", &[]), "hello");
    assert_eq!(
        run_image(
            &env,
            "changed",
            &["sh", "-c", "echo $GREETING $THERE; pwd; id -u"]
        ),
        "hi you\n/srv\n1000"
    );
    let inspect = out(&env.run(&["image", "inspect", "changed"]));
    assert!(inspect.contains("\"stage\": \"test\""), "{inspect}");
    assert!(inspect.contains("8080/tcp"), "{inspect}");
    // A bad instruction or container changes nothing.
    let before = out(&env.run(&["images", "-q"]));
    fails_with(
        &env.run(&["commit", "-c", "VOLUME /x", "c", "bad"]),
        "VOLUME is not supported",
    );
    fails_with(&env.run(&["commit", "nosuch", "bad"]), "no such container");
    assert_eq!(out(&env.run(&["images", "-q"])), before);
}

#[test]
fn commit_keeps_deletions_and_opaque_directories_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    for driver in DRIVERS {
        let name = format!("o-{driver}");
        make(
            &env,
            Some(driver),
            &name,
            "rm -r /home; mkdir /home; echo y > /home/y; rm /etc/group",
        );
        env.run(&["commit", &name, &format!("opaque-{driver}")])
            .ok();
        assert_eq!(
            run_image(
                &env,
                &format!("opaque-{driver}"),
                &["sh", "-c", "ls /home; test -e /etc/group || echo no-group"]
            ),
            "y\nno-group",
            "{driver}"
        );
    }
}
