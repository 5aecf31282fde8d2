//! `rcon volume create|ls|inspect|rm|prune` as an unprivileged user: what
//! they print, what they leave on disk, and how they fail.

use std::fs;
use std::path::PathBuf;

use crate::common::{
    RunResult, TestEnv, image_ref, run_command, user_with_ranges, user_without_ranges, with_busybox,
};

fn json(result: &RunResult) -> Vec<serde_json::Value> {
    serde_json::from_str(&result.stdout)
        .unwrap_or_else(|e| panic!("not a JSON array ({e}):\n{}", result.transcript()))
}

fn volumes_dir(env: &TestEnv) -> PathBuf {
    env.data_dir().join("volumes")
}

/// The names under `<root>/volumes`, work directories included.
fn entries(env: &TestEnv) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(volumes_dir(env))
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn create_list_inspect_and_remove_a_named_volume() {
    let env = TestEnv::new(user_with_ranges());
    let created = env.run(&[
        "volume", "create", "--label", "app=web", "-l", "tier", "web",
    ]);
    assert_eq!(created.ok().stdout, "web\n");
    let ls = env.run(&["volume", "ls"]);
    assert_eq!(
        ls.ok().stdout,
        "DRIVER      VOLUME NAME\nlocal       web\n",
        "Podman's table"
    );

    let inspected = env.run(&["volume", "inspect", "web"]);
    let volumes = json(inspected.ok());
    assert_eq!(volumes.len(), 1);
    let volume = &volumes[0];
    let mountpoint = volumes_dir(&env).join("web/_data");
    assert_eq!(volume["Name"], "web");
    assert_eq!(volume["Driver"], "local");
    assert_eq!(volume["Scope"], "local");
    assert_eq!(volume["Anonymous"], false);
    assert_eq!(volume["Mountpoint"], mountpoint.to_str().unwrap());
    assert_eq!(
        volume["Labels"],
        serde_json::json!({"app": "web", "tier": ""})
    );
    let created_at = volume["CreatedAt"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(created_at).is_ok(),
        "{created_at}"
    );
    assert!(mountpoint.is_dir(), "{} exists", mountpoint.display());

    // Data written inside the namespace goes with the volume.
    let file = mountpoint.join("db/file");
    env.run(&[
        "unshare",
        "sh",
        "-c",
        &format!(
            "mkdir {dir} && echo kept > {file} && chown 1000:1000 {file}",
            dir = mountpoint.join("db").display(),
            file = file.display()
        ),
    ])
    .ok();
    assert_eq!(fs::read_to_string(&file).unwrap(), "kept\n");

    assert_eq!(env.run(&["volume", "rm", "web"]).ok().stdout, "web\n");
    assert_eq!(entries(&env), Vec::<String>::new(), "nothing left behind");
    assert_eq!(
        env.run(&["volume", "ls"]).ok().stdout,
        "",
        "no header when empty"
    );
}

#[test]
fn create_without_a_name_and_twice_with_one() {
    let env = TestEnv::new(user_with_ranges());
    let random = env.run(&["volume", "create"]);
    let name = random.ok().stdout.trim().to_string();
    assert_eq!(name.len(), 64, "{}", random.transcript());
    assert!(name.bytes().all(|b| b.is_ascii_hexdigit()));

    env.run(&["volume", "create", "cache"]).ok();
    let again = env.run(&["volume", "create", "cache"]);
    again.code_is(125);
    assert_eq!(again.stderr, "Error: volume cache already exists\n");
    let ignored = env.run(&["volume", "create", "--ignore", "cache"]);
    assert_eq!(ignored.ok().stdout, "cache\n");

    let quiet = env.run(&["volume", "ls", "-q"]);
    let mut expected = vec!["cache".to_string(), name];
    expected.sort();
    assert_eq!(quiet.ok().stdout, format!("{}\n", expected.join("\n")));
    assert_eq!(entries(&env), expected, "no work directories left");
}

#[test]
fn bad_names_and_labels_are_refused_with_nothing_written() {
    let env = TestEnv::new(user_with_ranges());
    for name in ["bad/name", "_x", ".hidden", "a:b", "../up"] {
        let result = env.run(&["volume", "create", name]);
        result.code_is(125);
        assert!(
            result
                .stderr
                .contains(&format!("invalid volume name {name:?}: names must match")),
            "{}",
            result.transcript()
        );
    }
    assert_eq!(entries(&env), Vec::<String>::new());
    let label = env.run(&["volume", "create", "--label", "=v", "x"]);
    label.code_is(125);
    assert!(
        label.stderr.contains("has no key"),
        "{}",
        label.transcript()
    );
    assert_eq!(entries(&env), Vec::<String>::new());
}

#[test]
fn missing_volumes_fail_rm_and_inspect_but_not_rm_force() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["volume", "create", "here"]).ok();

    // Podman's exit code (1) and words for a volume that does not exist.
    let rm = env.run(&["volume", "rm", "nope"]);
    rm.code_is(1);
    assert_eq!(rm.stdout, "");
    assert_eq!(
        rm.stderr,
        "Error: no volume with name \"nope\" found: no such volume\n"
    );
    env.run(&["volume", "rm", "-f", "nope"]).code_is(0);

    let inspect = env.run(&["volume", "inspect", "here", "nope"]);
    inspect.code_is(125);
    let found = json(&inspect);
    assert_eq!(found.len(), 1, "the volume that exists is still shown");
    assert_eq!(found[0]["Name"], "here");
    assert_eq!(
        inspect.stderr,
        "Error: inspecting object: no such volume nope\n"
    );

    // Both missing: each reported, one per line.
    let two = env.run(&["volume", "rm", "gone1", "gone2"]);
    two.code_is(1);
    assert_eq!(two.stderr.lines().count(), 2, "{}", two.transcript());
    assert_eq!(
        env.run(&["volume", "ls", "-q"]).ok().stdout,
        "here\n",
        "a failed rm removes nothing else"
    );
}

#[test]
fn rm_all_and_prune_remove_every_unused_volume() {
    let env = TestEnv::new(user_with_ranges());
    for name in ["a1", "a2"] {
        env.run(&["volume", "create", name]).ok();
    }
    assert_eq!(env.run(&["volume", "rm", "-a"]).ok().stdout, "a1\na2\n");
    assert_eq!(entries(&env), Vec::<String>::new());

    for name in ["p1", "p2"] {
        env.run(&["volume", "create", name]).ok();
    }
    assert_eq!(env.run(&["volume", "prune", "-f"]).ok().stdout, "p1\np2\n");
    assert_eq!(entries(&env), Vec::<String>::new());
    assert_eq!(
        env.run(&["volume", "prune"]).ok().stdout,
        format!("{PRUNE_WARNING}\nNo dangling volumes found\n")
    );
}

const PRUNE_WARNING: &str = "WARNING! This will remove all volumes not used by at least one container. The following volumes will be removed:";

#[test]
fn prune_lists_what_it_would_remove_and_asks() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["volume", "create", "plain"]).ok();
    env.run(&["volume", "create", "--label", "scratch", "marked"])
        .ok();
    let question = "Are you sure you want to continue? [y/N] ";
    let declined = env.run_with_input(&["volume", "prune", "--filter", "label=scratch"], b"n\n");
    assert_eq!(
        declined.ok().stdout,
        format!("{PRUNE_WARNING}\nmarked\n{question}")
    );
    assert_eq!(entries(&env), ["marked", "plain"]);
    let accepted = env.run_with_input(&["volume", "prune", "--filter", "label=scratch"], b"y\n");
    assert_eq!(
        accepted.ok().stdout,
        format!("{PRUNE_WARNING}\nmarked\n{question}marked\n")
    );
    assert_eq!(entries(&env), ["plain"]);
}

#[test]
fn export_and_import_carry_a_volumes_files() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["volume", "create", "from"]).ok();
    env.run(&["volume", "create", "to"]).ok();
    let mountpoint = |name: &str| {
        env.run(&["volume", "inspect", "--format", "{{.Mountpoint}}", name])
            .ok()
            .stdout
            .trim()
            .to_string()
    };
    let from = mountpoint("from");
    env.run(&[
        "unshare",
        "sh",
        "-c",
        &format!("mkdir {from}/dir && echo hello > {from}/dir/file && chown 7:8 {from}/dir/file"),
    ])
    .ok();
    let tarball = env.home.join("from.tar");
    env.run(&[
        "volume",
        "export",
        "from",
        "--output",
        tarball.to_str().unwrap(),
    ])
    .ok();
    let to = mountpoint("to");
    env.run_with_input(
        &["volume", "import", "to", "-"],
        &std::fs::read(&tarball).unwrap(),
    )
    .ok();
    assert_eq!(
        env.run(&["unshare", "stat", "-c", "%u:%g", &format!("{to}/dir/file")])
            .ok()
            .stdout,
        "7:8\n",
        "owners are kept"
    );
    assert_eq!(
        std::fs::read_to_string(format!("{to}/dir/file")).unwrap(),
        "hello\n"
    );
    let refused = env.run(&["volume", "mount", "to"]);
    refused.code_is(125);
    assert!(
        refused.stderr.contains("must execute `rcon unshare` first"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        env.run(&[
            "unshare",
            env!("CARGO_BIN_EXE_rcon"),
            "volume",
            "mount",
            "to"
        ])
        .ok()
        .stdout
        .trim(),
        to
    );
}

#[test]
fn ls_filters_and_json() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["volume", "create", "--label", "app=web", "web-data"])
        .ok();
    env.run(&["volume", "create", "--label", "app=db", "db"])
        .ok();
    let names = |filters: &[&str]| {
        let mut args = vec!["volume", "ls", "-q"];
        for filter in filters {
            args.extend(["--filter", filter]);
        }
        env.run(&args).ok().stdout.clone()
    };
    assert_eq!(names(&["name=web"]), "web-data\n");
    assert_eq!(names(&["label=app=db"]), "db\n");
    assert_eq!(names(&["label=app"]), "db\nweb-data\n");
    assert_eq!(names(&["name=web", "label=app=db"]), "");
    // As in Podman, every label term must pass; other keys' terms are alternatives.
    assert_eq!(names(&["label=app=web", "label=app=db"]), "");
    assert_eq!(names(&["name=web", "name=db"]), "db\nweb-data\n");

    let listed = env.run(&["volume", "ls", "--format", "json", "--filter", "name=^db$"]);
    let volumes = json(listed.ok());
    assert_eq!(volumes.len(), 1);
    assert_eq!(volumes[0]["Name"], "db");
    assert_eq!(volumes[0]["Labels"]["app"], "db");

    let bad = env.run(&["volume", "ls", "--filter", "bogus=1"]);
    bad.code_is(125);
    assert!(
        bad.stderr.contains("invalid volume filter \"bogus=1\""),
        "{}",
        bad.transcript()
    );
    let listed = env.run(&[
        "volume",
        "ls",
        "--format",
        "{{.Name}} {{.Driver}}",
        "--filter",
        "name=^db$",
    ]);
    assert_eq!(listed.ok().stdout, "db local\n");
    let table = env.run(&["volume", "ls", "--filter", "name=^db$"]);
    assert_eq!(
        table.ok().stdout,
        "DRIVER      VOLUME NAME\nlocal       db\n"
    );
}

/// `sh -c SCRIPT` as the test user, in its HOME.
fn sh_as_user(env: &TestEnv, script: &str) {
    let result = run_command(
        env.command_as_user("sh")
            .args(["-c", script])
            .current_dir(&env.home),
        None,
        crate::common::command_timeout(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    result.ok();
}

/// `rcon volume create -o OPTION... NAME`.
fn create_with_options(env: &TestEnv, options: &[&str], name: &str) -> RunResult {
    let mut args = vec!["volume", "create"];
    for option in options {
        args.extend(["-o", option]);
    }
    args.push(name);
    env.run(&args)
}

#[test]
fn bind_volumes_mount_their_device_and_refuse_a_missing_one() {
    let env = with_busybox(user_with_ranges());
    let busybox = image_ref(testkit::catalog::BUSYBOX);
    let refused = create_with_options(&env, &["type=bind", "device=/bogus"], "v");
    refused.code_is(125);
    assert_eq!(
        refused.stderr.trim_end(),
        "Error: invalid volume option device for driver 'local': stat /bogus: no such file or directory",
        "Podman's message"
    );
    assert!(
        entries(&env).is_empty(),
        "nothing written: {:?}",
        entries(&env)
    );

    sh_as_user(&env, "mkdir data && echo from-host > data/myfile");
    let device = env.home.join("data");
    let device_option = format!("device={}", device.display());
    for (name, kind) in [("typed", "type=bind"), ("by-o", "o=bind")] {
        let created = create_with_options(&env, &[kind, &device_option], name);
        assert_eq!(created.ok().stdout, format!("{name}\n"));
        let mount = format!("{name}:/vol");
        let run = env.run(&[
            "run",
            "--rm",
            "-v",
            &mount,
            &busybox,
            "sh",
            "-c",
            "stat -c %u:%s /vol/myfile && cat /vol/myfile && echo from-ctr > /vol/$0",
            name,
        ]);
        assert_eq!(
            run.ok().stdout,
            "0:10\nfrom-host\n",
            "the device's file, owned by the user (root inside)"
        );
        assert_eq!(
            fs::read_to_string(device.join(name)).unwrap(),
            "from-ctr\n",
            "written through to the device"
        );
    }
    let inspected = json(env.run(&["volume", "inspect", "typed"]).ok());
    assert_eq!(
        inspected[0]["Options"],
        serde_json::json!({"type": "bind", "device": device.to_str().unwrap()})
    );
}

#[test]
fn a_bind_volume_of_another_users_private_directory_is_refused() {
    if !testkit::host::is_root() {
        eprintln!("skipped: a second local user needs the tests to run as root");
        return;
    }
    let env = TestEnv::new(user_with_ranges());
    let other = user_without_ranges();
    let parent = env.base.join("shared");
    fs::create_dir(&parent).unwrap();
    let private = parent.join("private");
    fs::create_dir(&private).unwrap();
    fs::set_permissions(
        &private,
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    std::os::unix::fs::chown(&private, Some(other.uid), Some(other.gid)).unwrap();
    let device_option = format!("device={}", private.display());
    let refused = create_with_options(&env, &["type=bind", &device_option], "v");
    refused.code_is(125);
    assert_eq!(
        refused.stderr.trim_end(),
        format!(
            "Error: invalid volume option device for driver 'local': {}: permission denied; give a directory you can read",
            private.display()
        )
    );
    assert!(
        entries(&env).is_empty(),
        "nothing written: {:?}",
        entries(&env)
    );
}

#[test]
fn tmpfs_volumes_mount_a_tmpfs_with_their_options() {
    let env = with_busybox(user_with_ranges());
    let busybox = image_ref(testkit::catalog::BUSYBOX);
    let created = create_with_options(
        &env,
        &["type=tmpfs", "device=tmpfs", "o=size=2m"],
        "scratch",
    );
    assert_eq!(created.ok().stdout, "scratch\n");
    let run = env.run(&[
        "run",
        "--rm",
        "-v",
        "scratch:/vol",
        &busybox,
        "sh",
        "-c",
        "stat -f -c %T /vol && df -k /vol | tail -n1 | awk '{print $2}'",
    ]);
    assert_eq!(
        run.ok().stdout,
        "tmpfs\n2048\n",
        "a tmpfs of the size o= gave"
    );
    let unknown = create_with_options(&env, &["type=ext4", "device=/dev/sda"], "x");
    unknown.code_is(125);
    assert!(
        unknown
            .stderr
            .contains("invalid volume option type for driver 'local'"),
        "{}",
        unknown.transcript()
    );
}

#[test]
fn volumepath_puts_named_volumes_in_another_directory() {
    let env = with_busybox(user_with_ranges());
    let elsewhere = env.home.join("volumes-elsewhere");
    let flag = format!("--volumepath={}", elsewhere.display());
    let info = env.run(&[&flag, "info", "--format", "{{.Store.VolumePath}}"]);
    assert_eq!(info.ok().stdout.trim(), elsewhere.display().to_string());
    env.run(&[&flag, "volume", "create", "moved"]).ok();
    let reference = image_ref(testkit::catalog::BUSYBOX);
    env.run(&[
        &flag,
        "run",
        "--rm",
        "-v",
        "moved:/data",
        &reference,
        "sh",
        "-c",
        "echo hi > /data/file",
    ])
    .ok();
    assert_eq!(
        fs::read_to_string(elsewhere.join("moved/_data/file")).unwrap(),
        "hi\n"
    );
    assert!(
        !entries(&env).contains(&"moved".to_string()),
        "nothing under the store root's volumes"
    );
    let mountpoint = env.run(&[
        &flag,
        "volume",
        "inspect",
        "--format",
        "{{.Mountpoint}}",
        "moved",
    ]);
    assert_eq!(
        mountpoint.ok().stdout.trim(),
        elsewhere.join("moved/_data").display().to_string()
    );
}

#[test]
fn the_same_mount_twice_is_one_and_two_on_one_path_are_refused() {
    let env = with_busybox(user_with_ranges());
    let reference = image_ref(testkit::catalog::BUSYBOX);
    let run = |flags: &[&str]| {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&[&reference, "true"]);
        env.run(&args)
    };
    run(&["-v", "vol1:/vol1", "-v", "vol1:/vol1"]).ok();
    run(&["--tmpfs", "/t", "--tmpfs", "/t"]).ok();
    let refused = run(&["-v", "vol1:/vol1", "-v", "vol2:/vol1"]);
    refused.code_is(125);
    assert_eq!(
        refused.stderr.trim(),
        "Error: /vol1: duplicate mount destination"
    );
    assert!(
        !entries(&env).contains(&"vol2".to_string()),
        "nothing made for a refused run"
    );
}

#[test]
fn u_gives_a_mount_to_the_container_user_without_following_symlinks() {
    use std::os::unix::fs::MetadataExt;
    let env = with_busybox(user_with_ranges());
    let user = env.user;
    // A host file beside the bind source, which symlinks in it name.
    let outside = env.home.join("outside");
    let source = env.home.join("src");
    fs::create_dir_all(&outside).unwrap();
    fs::create_dir_all(source.join("sub")).unwrap();
    fs::write(outside.join("secret"), "x").unwrap();
    fs::write(source.join("sub/file"), "y").unwrap();
    std::os::unix::fs::symlink(outside.join("secret"), source.join("absolute")).unwrap();
    std::os::unix::fs::symlink("../outside/secret", source.join("relative")).unwrap();
    for path in [
        &outside,
        &outside.join("secret"),
        &source,
        &source.join("sub"),
    ] {
        std::os::unix::fs::lchown(path, Some(user.uid), Some(user.gid)).unwrap();
    }
    for path in ["sub/file", "absolute", "relative"] {
        std::os::unix::fs::lchown(source.join(path), Some(user.uid), Some(user.gid)).unwrap();
    }
    let reference = image_ref(testkit::catalog::BUSYBOX);
    let volume = format!("{}:/data:U", source.display());
    let shown = env.run(&[
        "run",
        "--name",
        "owner",
        "--user",
        "1000:2000",
        "-v",
        &volume,
        &reference,
        "stat",
        "-c",
        "%u:%g",
        "/data",
        "/data/sub/file",
    ]);
    assert_eq!(shown.ok().stdout, "1000:2000\n1000:2000\n");
    // The host's file is untouched; the links themselves changed owner.
    let secret = fs::metadata(outside.join("secret")).unwrap();
    assert_eq!((secret.uid(), secret.gid()), (user.uid, user.gid));
    let link = fs::symlink_metadata(source.join("absolute")).unwrap();
    assert_ne!(link.uid(), user.uid, "the link is the container user's now");
    // A named volume too.
    let named = env.run(&[
        "run",
        "--rm",
        "--user",
        "1000:2000",
        "-v",
        "owned:/v:U",
        &reference,
        "stat",
        "-c",
        "%u:%g",
        "/v",
    ]);
    assert_eq!(named.ok().stdout, "1000:2000\n");
}

#[test]
fn volumes_from_mounts_another_containers_volumes_and_binds() {
    let env = with_busybox(user_with_ranges());
    let reference = image_ref(testkit::catalog::BUSYBOX);
    let bound = env.home.join("bound");
    fs::create_dir(&bound).unwrap();
    fs::write(bound.join("file"), "from the host\n").unwrap();
    for path in [bound.clone(), bound.join("file")] {
        std::os::unix::fs::chown(path, Some(env.user.uid), Some(env.user.gid)).unwrap();
    }
    let bind = format!("{}:/bound", bound.display());
    env.run(&[
        "run",
        "--name",
        "src",
        "-v",
        "named:/named",
        "-v",
        &bind,
        "-v",
        "/anon",
        "--tmpfs",
        "/scratch",
        &reference,
        "sh",
        "-c",
        "echo kept > /named/f; echo anon > /anon/f",
    ])
    .ok();
    let seen = env.run(&[
        "run", "--rm", "--volumes-from", "src", &reference, "sh", "-c",
        "cat /named/f /anon/f /bound/file; test -e /scratch || echo no-scratch; echo more > /named/g",
    ]);
    assert_eq!(seen.ok().stdout, "kept\nanon\nfrom the host\nno-scratch\n");
    // :ro makes every one read-only; a -v of the caller's own wins.
    let read_only = env.run(&[
        "run",
        "--rm",
        "--volumes-from",
        "src:ro",
        "-v",
        "other:/anon",
        &reference,
        "sh",
        "-c",
        "ls /anon; touch /named/h 2>/dev/null || echo read-only",
    ]);
    assert_eq!(read_only.ok().stdout, "read-only\n");
    // The --rm container left src's anonymous volume alone.
    let again = env.run(&[
        "run",
        "--rm",
        "--volumes-from",
        "src",
        &reference,
        "cat",
        "/anon/f",
    ]);
    assert_eq!(again.ok().stdout, "anon\n");
    let bad = env.run(&[
        "run",
        "--rm",
        "--volumes-from",
        "src:bogus",
        &reference,
        "true",
    ]);
    bad.code_is(125);
    assert!(
        bad.stderr.contains("--volumes-from"),
        "{}",
        bad.transcript()
    );
    env.run(&[
        "run",
        "--rm",
        "--volumes-from",
        "nosuch",
        &reference,
        "true",
    ])
    .code_is(125);
}

#[test]
fn image_volumes_become_anonymous_volumes_tmpfs_or_nothing() {
    let env = with_busybox(user_with_ranges());
    let dir = crate::build::context(
        &env,
        "volimg",
        &[(
            "Containerfile",
            &format!("FROM {}\nVOLUME /data\n", crate::build::busybox()),
        )],
    );
    crate::build::build(&env, &["-q", "-t", "volimg"], &dir).ok();
    // The file system at /data, with `flags` and containers.conf `conf`.
    let conf = env.home.join("containers.conf");
    let fs_type_with = |conf: Option<&PathBuf>, flags: &[&str]| {
        let mut command = env.rcon();
        command.args(["run", "--rm"]).args(flags);
        command.args(["volimg", "stat", "-f", "-c", "%T", "/data"]);
        if let Some(conf) = conf {
            command.env("CONTAINERS_CONF", conf);
        }
        run_command(&mut command, None, crate::common::command_timeout()).unwrap()
    };
    let fs_type = |flags: &[&str]| fs_type_with(None, flags);
    // Podman's default: an anonymous volume, gone with the --rm container.
    env.run(&["create", "--name", "user", "volimg"]).ok();
    let named = env.run(&[
        "inspect",
        "--format",
        "{{range .Mounts}}{{.Type}} {{.Destination}}{{end}}",
        "user",
    ]);
    assert_eq!(named.ok().stdout.trim(), "volume /data");
    env.run(&["rm", "-v", "user"]).ok();
    assert_ne!(fs_type(&[]).ok().stdout.trim(), "tmpfs");
    assert_eq!(env.run(&["volume", "ls", "-q"]).ok().stdout, "");
    assert_eq!(fs_type(&["--image-volume", "tmpfs"]).ok().stdout, "tmpfs\n");
    let ignored = fs_type(&["--image-volume", "ignore"]);
    ignored.code_is(1);
    assert!(
        ignored.stderr.contains("No such file or directory"),
        "{}",
        ignored.transcript()
    );
    // containers.conf's image_volume_mode is the default the flag overrides.
    fs::write(&conf, "[engine]\nimage_volume_mode=\"tmpfs\"\n").unwrap();
    let with_conf = |flags: &[&str]| fs_type_with(Some(&conf), flags);
    assert_eq!(with_conf(&[]).ok().stdout, "tmpfs\n");
    assert_ne!(
        with_conf(&["--image-volume", "bind"]).ok().stdout,
        "tmpfs\n"
    );
    env.run(&[
        "run",
        "--rm",
        "--image-volume",
        "nonsense",
        "volimg",
        "true",
    ])
    .code_is(125);
}

#[test]
fn a_new_volume_takes_the_images_content_and_owner_at_first_use() {
    let env = with_busybox(user_with_ranges());
    let reference = image_ref(testkit::catalog::BUSYBOX);
    env.run(&["volume", "create", "v"]).ok();
    let flags = |name: &str| {
        let shown = env.run(&[
            "volume",
            "inspect",
            "--format",
            "{{.NeedsCopyUp}} {{.NeedsChown}}",
            name,
        ]);
        shown.ok().stdout.trim().to_string()
    };
    assert_eq!(flags("v"), "true true");
    // Nothing in the image there: nothing copied, still to copy.
    env.run(&["run", "--rm", "-v", "v:/nothing/here", &reference, "true"])
        .ok();
    assert_eq!(flags("v"), "true false");
    env.run(&["run", "--rm", "-v", "v:/etc", &reference, "true"])
        .ok();
    assert_eq!(flags("v"), "false false");
    let data = volumes_dir(&env).join("v/_data");
    assert!(data.join("passwd").is_file(), "the image's /etc copied in");
    // nocopy: nothing taken.
    env.run(&["run", "--rm", "-v", "w:/etc:nocopy", &reference, "true"])
        .ok();
    assert!(!volumes_dir(&env).join("w/_data/passwd").exists());

    // A hostile image: a mount point that is a symlink to a host path, and
    // content that links to a host file. Neither is followed on the host.
    let host_dir = env.home.join("hostdir");
    fs::create_dir(&host_dir).unwrap();
    fs::write(host_dir.join("secret"), "host secret\n").unwrap();
    let dir = crate::build::context(
        &env,
        "hostile",
        &[(
            "Containerfile",
            &format!(
                "FROM {}\nRUN ln -s {1} /trap && mkdir /data && ln -s {1}/secret /data/link\n",
                crate::build::busybox(),
                host_dir.display()
            ),
        )],
    );
    crate::build::build(&env, &["-q", "-t", "hostile"], &dir).ok();
    env.run(&[
        "run", "--rm", "-v", "t:/trap", "-v", "d:/data", "hostile", "true",
    ])
    .ok();
    assert!(!volumes_dir(&env).join("t/_data/secret").exists());
    let link = volumes_dir(&env).join("d/_data/link");
    assert_eq!(fs::read_link(&link).unwrap(), host_dir.join("secret"));
    assert_eq!(
        fs::read_to_string(host_dir.join("secret")).unwrap(),
        "host secret\n"
    );
}
