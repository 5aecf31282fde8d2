//! `rcon run`, `create` and `start` as the unprivileged test users: isolation,
//! the rootfs, the process, exit codes, terminals, and clean-up.

use crate::common;
use crate::common::{TestEnv, image_ref, stdout, user_with_ranges, user_without_ranges};
use testkit::catalog::{self, multilayer, owners};

/// `rcon run --rm IMAGE ARGS...` (pulling over plain HTTP from the test registry).
fn run(env: &TestEnv, flags: &[&str], image: &str, args: &[&str]) -> common::RunResult {
    common::run_image(env, &[&["--rm"], flags].concat(), image, args)
}

#[test]
fn the_command_is_pid_1_and_sees_no_host_process() {
    let env = TestEnv::new(user_with_ranges());
    let out = run(
        &env,
        &[],
        catalog::BUSYBOX,
        &["sh", "-c", "echo $$; ls /proc | grep -c '^[0-9]'"],
    );
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines[0], "1", "the command is PID 1");
    // sh, and the ls and grep of the pipeline: nothing of the host.
    assert!(lines[1].parse::<u32>().unwrap() <= 3, "{lines:?}");
}

#[test]
fn hostname_is_the_short_id_or_the_flag() {
    let env = TestEnv::new(user_with_ranges());
    assert_eq!(
        stdout(&run(
            &env,
            &["--hostname", "box1"],
            catalog::BUSYBOX,
            &["hostname"]
        )),
        "box1"
    );
    let id = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
        "hostname",
    ]);
    let id = id.ok().stdout.trim().to_string();
    let started = env.run(&["start", "-a", &id]);
    assert_eq!(started.ok().stdout.trim(), &id[..12]);
    let hosts = run(
        &env,
        &["--name", "web", "--hostname", "h1"],
        catalog::BUSYBOX,
        &["cat", "/etc/hosts", "/etc/hostname"],
    );
    let text = stdout(&hosts);
    assert!(text.contains("h1 web"), "{text}");
    assert!(text.ends_with("h1"), "{text}");
}

#[test]
fn host_files_stay_invisible_and_writes_stay_in_their_container() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["images"]).ok();
    let marker = env.data_dir().join("host-marker");
    std::fs::write(&marker, "secret").unwrap();
    let look = run(
        &env,
        &[],
        catalog::BUSYBOX,
        &[
            "sh",
            "-c",
            &format!(
                "test -e {} && echo visible || echo hidden",
                marker.display()
            ),
        ],
    );
    assert_eq!(stdout(&look), "hidden");
    let first = env.run(&[
        "run",
        "--name",
        "writer",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
        "sh",
        "-c",
        "echo x > /etc/written && cat /etc/written",
    ]);
    assert_eq!(first.ok().stdout.trim(), "x");
    let second = run(
        &env,
        &[],
        catalog::BUSYBOX,
        &[
            "sh",
            "-c",
            "test -e /etc/written && echo seen || echo unseen",
        ],
    );
    assert_eq!(stdout(&second), "unseen");
}

#[test]
fn owners_inside_match_the_image_and_a_single_mapping_still_runs_it() {
    let env = TestEnv::new(user_with_ranges());
    let stat = run(
        &env,
        &[],
        catalog::OWNERS,
        &[
            "stat",
            "-c",
            "%u:%g %a",
            owners::UID_1000_FILE,
            owners::SETUID_FILE,
        ],
    );
    assert_eq!(stdout(&stat), "1000:1000 644\n0:0 4755");
    let single = TestEnv::new(user_without_ranges());
    let stat = run(
        &single,
        &[],
        catalog::OWNERS,
        &["stat", "-c", "%u:%g", owners::UID_1000_FILE],
    );
    assert_eq!(stdout(&stat), "0:0");
}

#[test]
fn layers_whiteouts_and_opaque_dirs_show_as_the_image_says() {
    let env = TestEnv::new(user_with_ranges());
    let script = format!(
        "test -e {} && echo present || echo absent; cat {}; ls {}; cat {}",
        multilayer::WHITED_OUT,
        multilayer::LAYER2_MARKER,
        multilayer::OPAQUE_DIR,
        multilayer::KEPT
    );
    let out = run(&env, &[], catalog::MULTILAYER, &["sh", "-c", &script]);
    assert_eq!(
        stdout(&out),
        format!(
            "absent\nlayer2\n{}\nkept",
            multilayer::OPAQUE_CONTENT.join("\n")
        )
    );
    let layers = run(
        &env,
        &[],
        catalog::LAYERS150,
        &[
            "sh",
            "-c",
            "ls /layers | wc -l; cat /layers/001 /layers/150",
        ],
    );
    assert_eq!(stdout(&layers), "150\n001\n150");
}

#[test]
fn user_workdir_env_and_the_entrypoint_rules() {
    let env = TestEnv::new(user_with_ranges());
    let ids = run(
        &env,
        &["-u", "1000:1000", "-w", "/tmp"],
        catalog::BUSYBOX,
        &["sh", "-c", "id -u; id -g; pwd; echo $HOME"],
    );
    assert_eq!(
        stdout(&ids),
        "1000\n1000\n/tmp\n/home/tester",
        "HOME from the passwd entry of uid 1000"
    );
    let vars = run(
        &env,
        &["-e", "A=1", "-e", "PATH=/bin"],
        catalog::BUSYBOX,
        &["sh", "-c", "echo $A $PATH $HOSTNAME | wc -w; echo $PATH"],
    );
    assert_eq!(stdout(&vars), "3\n/bin");
    let entry = run(
        &env,
        &["--entrypoint", "echo"],
        catalog::BUSYBOX,
        &["a", "b"],
    );
    assert_eq!(stdout(&entry), "a b");
    let json_entry = run(
        &env,
        &["--entrypoint", r#"["sh","-c","echo $0"]"#],
        catalog::BUSYBOX,
        &["zero"],
    );
    assert_eq!(stdout(&json_entry), "zero");
    let image_cmd = env.run_with_input(
        &[
            "run",
            "--rm",
            "-i",
            "--tls-verify=false",
            "-q",
            &image_ref(catalog::BUSYBOX),
        ],
        b"echo from-cmd\n",
    );
    assert_eq!(
        image_cmd.ok().stdout.trim(),
        "from-cmd",
        "the image's Cmd (sh) reads stdin with -i"
    );
    let cleared = run(&env, &["--entrypoint", ""], catalog::BUSYBOX, &[]);
    assert_eq!(
        cleared.code,
        Some(125),
        "--entrypoint '' drops the image's Cmd too: {}",
        cleared.transcript()
    );
    assert!(cleared.stderr.contains("no command"), "{}", cleared.stderr);
}

#[test]
fn a_given_workdir_must_exist_unless_a_mount_provides_it() {
    let env = TestEnv::new(user_with_ranges());
    let missing = common::run_image(
        &env,
        &["--rm", "-w", "/i/do/not/exist"],
        catalog::BUSYBOX,
        &["pwd"],
    );
    assert_eq!(missing.code, Some(126), "{}", missing.transcript());
    assert!(
        missing
            .stderr
            .contains(r#"workdir "/i/do/not/exist" does not exist on container"#),
        "Podman's words: {}",
        missing.stderr
    );
    // Inside a volume, the runtime makes it; beside a mount inside it, the
    // mount's parents make it.
    let volume = env.home.join("wd");
    std::fs::create_dir_all(&volume).unwrap();
    std::fs::write(volume.join("content"), "in the volume\n").unwrap();
    for path in [volume.clone(), volume.join("content")] {
        std::os::unix::fs::chown(path, Some(env.user.uid), Some(env.user.gid)).unwrap();
    }
    let dir_mount = format!("{}:/data", volume.display());
    let inside = run(
        &env,
        &["-w", "/data/sub", "-v", &dir_mount],
        catalog::BUSYBOX,
        &["sh", "-c", "pwd; cat ../content"],
    );
    assert_eq!(stdout(&inside), "/data/sub\nin the volume");
    let file_mount = format!("{}:/parent/file", volume.join("content").display());
    let parent = run(
        &env,
        &["-w", "/parent", "-v", &file_mount],
        catalog::BUSYBOX,
        &["cat", "file"],
    );
    assert_eq!(stdout(&parent), "in the volume");
}

#[test]
fn the_root_has_its_layers_mode_and_etc_mtab_links_to_proc_mounts() {
    let env = common::with_busybox(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    env.run(&["create", "--name", "src", &reference, "true"])
        .ok();
    let exported = env.home.join("root.tar");
    let exported_text = exported.display().to_string();
    env.run(&["export", "-o", &exported_text, "src"]).ok();
    // Without a root entry (`./`), the root is 0555, as containers/storage
    // makes a layer's; an entry sets it. /etc/mtab is removed from both.
    let mut plain = tar::Builder::new(Vec::new());
    let mut with_root = tar::Builder::new(Vec::new());
    let header = |kind: tar::EntryType, mode: u32| {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(kind);
        header.set_mode(mode);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(0);
        header.set_size(0);
        header
    };
    with_root
        .append_data(
            &mut header(tar::EntryType::Directory, 0o750),
            "./",
            std::io::empty(),
        )
        .unwrap();
    let mut archive = tar::Archive::new(std::fs::File::open(&exported).unwrap());
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let path = entry.path().unwrap().into_owned();
        if path == std::path::Path::new("etc/mtab") {
            continue;
        }
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
        let header = entry.header().clone();
        for builder in [&mut plain, &mut with_root] {
            builder
                .append_data(&mut header.clone(), &path, data.as_slice())
                .unwrap();
        }
    }
    // The second image has its own (relative) link.
    with_root
        .append_link(
            &mut header(tar::EntryType::Symlink, 0o777),
            "etc/mtab",
            "../proc/mounts",
        )
        .unwrap();
    let stat = |name: &str, image: &str| {
        let out = env.run(&[
            "run",
            "--name",
            name,
            image,
            "stat",
            "-c",
            "%a %N",
            "/",
            "/etc/mtab",
        ]);
        out.ok().stdout.clone()
    };
    for (builder, image, mode, target) in [
        (plain, "noroot:1", "555", "/proc/mounts"),
        (with_root, "root750:1", "750", "../proc/mounts"),
    ] {
        let file = env.home.join(format!("{mode}.tar"));
        std::fs::write(&file, builder.into_inner().unwrap()).unwrap();
        std::os::unix::fs::chown(&file, Some(env.user.uid), Some(env.user.gid)).unwrap();
        env.run(&["import", "-q", &file.display().to_string(), image])
            .ok();
        assert_eq!(
            stat(mode, image),
            format!("{mode} /\n777 '/etc/mtab' -> '{target}'\n")
        );
        // The link is rcon's, like the mount points: no change of the container's.
        let diff = env.run(&["diff", mode]);
        assert!(!diff.ok().stdout.contains("mtab"), "{}", diff.stdout);
    }
    // An image's link a container removes is a change it commits (the
    // runtime's own link then stands in its place).
    env.run(&["run", "--name", "unlinked", "root750:1", "rm", "/etc/mtab"])
        .ok();
    let diff = env.run(&["diff", "unlinked"]);
    assert!(diff.ok().stdout.contains("D /etc/mtab"), "{}", diff.stdout);
    env.run(&["commit", "-q", "unlinked", "unlinked:1"]).ok();
    assert_eq!(
        stat("committed", "unlinked:1"),
        "750 /\n777 '/etc/mtab' -> '/proc/mounts'\n"
    );
}

#[test]
fn stdin_is_null_without_i_and_streams_stay_separate() {
    let env = TestEnv::new(user_with_ranges());
    let piped = env.run_with_input(
        &[
            "run",
            "--rm",
            "-i",
            "--tls-verify=false",
            "-q",
            &image_ref(catalog::BUSYBOX),
            "cat",
        ],
        b"hi\n",
    );
    assert_eq!(piped.ok().stdout, "hi\n");
    let closed = env.run_with_input(
        &[
            "run",
            "--rm",
            "--tls-verify=false",
            "-q",
            &image_ref(catalog::BUSYBOX),
            "cat",
        ],
        b"hi\n",
    );
    assert_eq!(closed.ok().stdout, "");
    let split = run(
        &env,
        &[],
        catalog::BUSYBOX,
        &["sh", "-c", "echo out; echo err >&2"],
    );
    assert_eq!(split.ok().stdout, "out\n");
    assert_eq!(split.stderr, "err\n");
}

#[test]
fn exit_codes_follow_podman() {
    let env = TestEnv::new(user_with_ranges());
    assert_eq!(run(&env, &[], catalog::BUSYBOX, &["true"]).code, Some(0));
    assert_eq!(
        run(&env, &[], catalog::BUSYBOX, &["sh", "-c", "exit 42"]).code,
        Some(42)
    );
    let missing = run(&env, &[], catalog::BUSYBOX, &["no-such-command"]);
    assert_eq!(missing.code, Some(127), "{}", missing.transcript());
    assert!(
        missing.stderr.contains("no-such-command") && missing.stderr.contains("not found"),
        "{}",
        missing.stderr
    );
    let not_executable = run(&env, &[], catalog::BUSYBOX, &["/etc/passwd"]);
    assert_eq!(
        not_executable.code,
        Some(126),
        "{}",
        not_executable.transcript()
    );
    // PID 1 can't be killed from inside its namespace: under --init the command isn't PID 1.
    assert_eq!(
        run(
            &env,
            &["--init"],
            catalog::BUSYBOX,
            &["sh", "-c", "kill -9 $$"]
        )
        .code,
        Some(137)
    );
    assert_eq!(
        env.run(&["run", "--rm", "no-such-image-here"]).code,
        Some(125)
    );
}

#[test]
fn read_only_rootfs_keeps_tmp_writable() {
    let env = TestEnv::new(user_with_ranges());
    let out = run(
        &env,
        &["--read-only"],
        catalog::BUSYBOX,
        &[
            "sh",
            "-c",
            "for d in / /etc /bin /tmp /run /var/tmp; do \
             touch $d/x 2>/dev/null && echo $d wrote || echo $d refused; done; \
             grep -E ' /(tmp|run|var/tmp) ' /proc/mounts | cut -d' ' -f2,3 | sort",
        ],
    );
    assert_eq!(
        stdout(&out),
        "/ refused\n/etc refused\n/bin refused\n/tmp wrote\n/run wrote\n/var/tmp wrote\n\
         /run tmpfs\n/tmp tmpfs\n/var/tmp tmpfs",
        "the rootfs is read-only; /tmp, /run and /var/tmp are tmpfs"
    );
    let plain = run(
        &env,
        &[],
        catalog::BUSYBOX,
        &["sh", "-c", "touch /x && echo wrote"],
    );
    assert_eq!(stdout(&plain), "wrote", "without --read-only / is writable");
}

#[test]
fn init_is_pid_1_and_reaps() {
    let env = TestEnv::new(user_with_ranges());
    let out = run(
        &env,
        &["--init"],
        catalog::BUSYBOX,
        &[
            "sh",
            "-c",
            "echo $$; (sleep 0 &) ; sleep 0.2; ps -o stat= | grep -c Z || true",
        ],
    );
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_ne!(
        lines.next(),
        Some("1"),
        "with --init the command is not PID 1"
    );
    assert_eq!(lines.next(), Some("0"), "no zombie left: {text}");
    assert_eq!(
        run(&env, &["--init"], catalog::BUSYBOX, &["sh", "-c", "exit 3"]).code,
        Some(3)
    );
    // A signal sent to the container goes to PID 1, the init, which passes
    // it on to its child (the command); orphans are reaped meanwhile.
    let script = "trap 'echo got TERM; exit 7' TERM; (sleep 0 &); echo ready; \
                  while true; do sleep 0.1; done";
    let id = common::run_detached(&env, &["--init"], &["sh", "-c", script]);
    let logs = || env.run(&["logs", &id]).ok().stdout.clone();
    common::eventually("the command is ready", || logs().contains("ready"));
    let zombies = env.run(&[
        "exec",
        &id,
        "sh",
        "-c",
        "sleep 0.2; ps -o stat= | grep -c Z || true",
    ]);
    assert_eq!(
        zombies.ok().stdout.trim(),
        "0",
        "orphans of the command are reaped"
    );
    env.run(&["kill", "-s", "TERM", &id]).ok();
    let waited = env.run(&["wait", &id]);
    assert_eq!(
        waited.ok().stdout.trim(),
        "7",
        "the command's TERM trap ran: {}",
        logs()
    );
    assert!(logs().contains("got TERM"), "{}", logs());
}

#[test]
fn no_descriptor_above_2_reaches_the_container() {
    let env = TestEnv::new(user_with_ranges());
    let out = run(
        &env,
        &[],
        catalog::BUSYBOX,
        &["sh", "-c", "ls /proc/$$/fd; true"],
    );
    assert_eq!(stdout(&out), "0\n1\n2");
}

#[test]
fn nothing_stays_mounted_or_stored_after_rm() {
    let env = TestEnv::new(user_with_ranges());
    run(&env, &[], catalog::BUSYBOX, &["true"]).ok();
    let containers = env.data_dir().join("containers");
    assert_eq!(
        std::fs::read_dir(&containers).unwrap().count(),
        0,
        "--rm leaves no container dir"
    );
    let kept = env.run(&[
        "run",
        "--name",
        "kept",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
        "true",
    ]);
    kept.ok();
    let mountinfo = env.run(&["unshare", "cat", "/proc/self/mountinfo"]);
    assert!(
        !mountinfo.ok().stdout.contains("/containers/"),
        "no container mount left in the namespace"
    );
    let failed = run(&env, &[], catalog::BUSYBOX, &["no-such-command"]);
    assert_eq!(failed.code, Some(127));
    assert_eq!(
        std::fs::read_dir(&containers).unwrap().count(),
        1,
        "a failed run --rm leaves nothing; `kept` stays"
    );
}

#[test]
fn a_name_in_use_is_refused_naming_the_holder() {
    let env = TestEnv::new(user_with_ranges());
    let first = env.run(&[
        "create",
        "--name",
        "twin",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
    ]);
    let id = first.ok().stdout.trim().to_string();
    let second = env.run(&[
        "create",
        "--name",
        "twin",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
    ]);
    assert_eq!(second.code, Some(125));
    assert!(second.stderr.contains(&id), "{}", second.stderr);
    let bad = env.run(&[
        "create",
        "--name",
        "-bad",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
    ]);
    assert_eq!(bad.code, Some(125));
    assert_eq!(
        std::fs::read_dir(env.data_dir().join("containers"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn network_none_has_loopback_up_and_host_shares_the_hosts() {
    let env = TestEnv::new(user_with_ranges());
    let none = run(
        &env,
        &["--network", "none"],
        catalog::BUSYBOX,
        &["sh", "-c", "cat /sys/class/net/lo/flags; ls /sys/class/net"],
    );
    assert_eq!(stdout(&none), "0x9\nlo", "only lo, and it is up");
    let host_devices = std::fs::read_to_string("/proc/net/dev")
        .unwrap()
        .lines()
        .count();
    let host = run(
        &env,
        &["--net", "host"],
        catalog::BUSYBOX,
        &["sh", "-c", "wc -l < /proc/net/dev"],
    );
    assert_eq!(stdout(&host), host_devices.to_string());
    let bad = run(&env, &["--network", "bogus"], catalog::BUSYBOX, &["true"]);
    assert_eq!(bad.code, Some(125));
    assert!(bad.stderr.contains("unknown network"), "{}", bad.stderr);
}

#[test]
fn bind_mounts_named_volumes_and_tmpfs() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["images"]).ok();
    let shared = env.data_dir().join("shared");
    env.run(&["unshare", "mkdir", "-p", shared.to_str().unwrap()])
        .ok();
    let rw = format!("{}:/data", shared.display());
    let ro = format!("{}:/data:ro", shared.display());
    run(
        &env,
        &["-v", &rw],
        catalog::BUSYBOX,
        &["sh", "-c", "echo hello > /data/f"],
    )
    .ok();
    assert_eq!(
        std::fs::read_to_string(shared.join("f")).unwrap(),
        "hello\n",
        "a write reaches the host dir"
    );
    let refused = run(
        &env,
        &["-v", &ro],
        catalog::BUSYBOX,
        &[
            "sh",
            "-c",
            "cat /data/f; echo x > /data/g 2>/dev/null && echo wrote || echo refused",
        ],
    );
    assert_eq!(stdout(&refused), "hello\nrefused");
    run(
        &env,
        &["-v", "keep:/v"],
        catalog::BUSYBOX,
        &["sh", "-c", "echo persisted > /v/f"],
    )
    .ok();
    let again = run(
        &env,
        &["--mount", "type=volume,source=keep,target=/w"],
        catalog::BUSYBOX,
        &["cat", "/w/f"],
    );
    assert_eq!(
        stdout(&again),
        "persisted",
        "a named volume outlives its container"
    );
    assert!(
        env.run(&["volume", "ls", "-q"])
            .ok()
            .stdout
            .contains("keep")
    );
    let tmpfs = run(
        &env,
        &["--tmpfs", "/scratch:size=1m"],
        catalog::BUSYBOX,
        &["sh", "-c", "grep ' /scratch ' /proc/mounts"],
    );
    let line = stdout(&tmpfs);
    assert!(
        line.starts_with("tmpfs /scratch tmpfs")
            && line.contains("noexec")
            && line.contains("size=1024k"),
        "{line}"
    );
    run(&env, &["-v", "/anon"], catalog::BUSYBOX, &["true"]).ok();
    assert_eq!(
        env.run(&["volume", "ls", "-q"]).ok().stdout.trim(),
        "keep",
        "--rm removes the anonymous volume"
    );
    let missing = run(
        &env,
        &["-v", "/no/such/dir:/x"],
        catalog::BUSYBOX,
        &["true"],
    );
    assert_eq!(missing.code, Some(125));
    assert!(
        missing.stderr.contains("/no/such/dir"),
        "{}",
        missing.stderr
    );
    let malformed = run(&env, &["-v", "a:b:c:d"], catalog::BUSYBOX, &["true"]);
    assert_eq!(malformed.code, Some(125));
    assert!(malformed.stderr.contains("a:b:c:d"), "{}", malformed.stderr);
}

#[test]
fn a_symlink_in_the_rootfs_cannot_aim_a_mount_at_the_host() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["images"]).ok();
    let source = env.data_dir().join("src");
    let outside = env.data_dir().join("outside");
    env.run(&[
        "unshare",
        "mkdir",
        "-p",
        source.to_str().unwrap(),
        outside.to_str().unwrap(),
    ])
    .ok();
    let volume = format!("{}:/escape/sub", source.display());
    let created = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "-v",
        &volume,
        &image_ref(catalog::BUSYBOX),
        "sh",
        "-c",
        "readlink /escape; ls -d /escape/sub",
    ]);
    let id = created.ok().stdout.trim().to_string();
    // A symlink to a host path, planted where the mount point will be made.
    let link = env
        .data_dir()
        .join("containers")
        .join(&id)
        .join("upper/escape");
    env.run(&[
        "unshare",
        "ln",
        "-s",
        outside.to_str().unwrap(),
        link.to_str().unwrap(),
    ])
    .ok();
    let started = env.run(&["start", "-a", &id]);
    assert_eq!(
        started.ok().stdout.trim(),
        format!("{}\n/escape/sub", outside.display())
    );
    assert!(
        !outside.join("sub").exists(),
        "the mount point was made inside the container, not on the host"
    );
    let inside = env
        .data_dir()
        .join("containers")
        .join(&id)
        .join("upper")
        .join(outside.strip_prefix("/").unwrap())
        .join("sub");
    env.run(&["unshare", "test", "-d", inside.to_str().unwrap()])
        .ok();
}

#[test]
fn env_files_named_users_groups_and_ulimits() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["images"]).ok();
    let file = env.data_dir().join("vars.env");
    std::fs::write(&file, "# comment\nFROM_FILE=yes\n\nOVER=file\n").unwrap();
    let out = run(
        &env,
        &["--env-file", file.to_str().unwrap(), "-e", "OVER=flag"],
        catalog::BUSYBOX,
        &["sh", "-c", "echo $FROM_FILE $OVER"],
    );
    assert_eq!(stdout(&out), "yes flag");
    let tester = run(
        &env,
        &["-u", "tester", "--group-add", "65534"],
        catalog::BUSYBOX,
        &["sh", "-c", "id -u; id -g; id -G; echo $HOME"],
    );
    assert_eq!(stdout(&tester), "1000\n1000\n1000 65534\n/home/tester");
    // Found only when the container starts: the runtime's failure, 126 as in Podman.
    let unknown = run(&env, &["-u", "nobody-here"], catalog::BUSYBOX, &["true"]);
    assert_eq!(unknown.code, Some(126));
    assert!(
        unknown.stderr.contains("unable to find user nobody-here"),
        "{}",
        unknown.stderr
    );
    let limits = run(
        &env,
        &["--ulimit", "nofile=100:200"],
        catalog::BUSYBOX,
        &["sh", "-c", "ulimit -n; ulimit -Hn"],
    );
    assert_eq!(stdout(&limits), "100\n200");
    let bad = run(
        &env,
        &["--ulimit", "nofile=9:1"],
        catalog::BUSYBOX,
        &["true"],
    );
    assert_eq!(bad.code, Some(125));
    let bad_env = run(
        &env,
        &["--env-file", "/no/such/file"],
        catalog::BUSYBOX,
        &["true"],
    );
    assert_eq!(bad_env.code, Some(125));
    assert_eq!(
        std::fs::read_dir(env.data_dir().join("containers"))
            .unwrap()
            .count(),
        0,
        "failed runs leave nothing"
    );
}

/// The capability masks of `/proc/self/status` inside a container.
fn caps(env: &TestEnv, flags: &[&str], user: &str) -> Vec<(String, u64)> {
    let mut all = vec!["-u", user];
    all.extend_from_slice(flags);
    let out = run(
        env,
        &all,
        catalog::BUSYBOX,
        &["grep", "-E", "^(Cap|NoNewPrivs)", "/proc/self/status"],
    );
    stdout(&out)
        .lines()
        .map(|line| {
            let (key, value) = line.split_once(':').unwrap();
            let value = value.trim();
            (
                key.to_string(),
                u64::from_str_radix(value, 16).unwrap_or_else(|_| value.parse().unwrap()),
            )
        })
        .collect()
}

fn field(caps: &[(String, u64)], key: &str) -> u64 {
    caps.iter()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("{key} in {caps:?}"))
        .1
}

#[test]
fn capabilities_no_new_privs_and_seccomp_as_podman() {
    let env = TestEnv::new(user_with_ranges());
    // CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE SYS_CHROOT SETFCAP
    let podman_default: u64 = [0, 1, 3, 4, 5, 6, 7, 8, 10, 18, 31]
        .iter()
        .map(|b| 1u64 << b)
        .sum();
    let root = caps(&env, &[], "0");
    assert_eq!(field(&root, "CapBnd"), podman_default);
    assert_eq!(field(&root, "CapEff"), podman_default);
    assert_eq!(field(&root, "CapPrm"), podman_default);
    assert_eq!(field(&root, "NoNewPrivs"), 1);
    let none = caps(&env, &["--cap-drop", "ALL"], "0");
    assert_eq!(field(&none, "CapBnd"), 0);
    assert_eq!(field(&none, "CapEff"), 0);
    let added = caps(
        &env,
        &["--cap-drop", "all", "--cap-add", "CAP_NET_RAW"],
        "0",
    );
    assert_eq!(field(&added, "CapEff"), 1 << 13);
    let user = caps(&env, &[], "1000");
    assert_eq!(field(&user, "CapBnd"), podman_default);
    assert_eq!(
        field(&user, "CapEff"),
        0,
        "a non-root user has no effective capabilities"
    );
    let bad = run(
        &env,
        &["--cap-add", "NOT_A_CAP"],
        catalog::BUSYBOX,
        &["true"],
    );
    assert_eq!(bad.code, Some(125));
    assert!(bad.stderr.contains("NOT_A_CAP"), "{}", bad.stderr);
    // unshare(CLONE_NEWUSER) is refused by the default filter, allowed unconfined.
    let filtered = run(&env, &[], catalog::BUSYBOX, &["unshare", "-U", "true"]);
    assert_ne!(filtered.code, Some(0), "{}", filtered.transcript());
    assert!(
        filtered.stderr.contains("Operation not permitted"),
        "{}",
        filtered.stderr
    );
    run(
        &env,
        &["--security-opt", "seccomp=unconfined"],
        catalog::BUSYBOX,
        &["unshare", "-U", "true"],
    )
    .ok();
    let privileged = caps(&env, &["--privileged"], "0");
    assert!(field(&privileged, "CapEff") > podman_default);
    let bad_opt = run(
        &env,
        &["--security-opt", "bogus=1"],
        catalog::BUSYBOX,
        &["true"],
    );
    assert_eq!(bad_opt.code, Some(125));
}

/// A seccomp profile that refuses mkdir with EPERM, written where the test user can read it.
fn no_mkdir_profile(env: &TestEnv) -> std::path::PathBuf {
    let path = env.base.join("no-mkdir.json");
    std::fs::write(
        &path,
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
            {"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}"#,
    )
    .unwrap();
    path
}

const TRY_MKDIR: &str = "mkdir /tmp/made && echo made || echo mkdir refused";

/// The filter of `--security-opt seccomp=FILE` is the one compiled at
/// create: editing or removing the file afterwards changes nothing (as
/// Podman keeps the profile in the container's spec).
#[test]
fn a_container_keeps_the_seccomp_profile_it_was_created_with() {
    let env = common::with_busybox(user_with_ranges());
    let profile = no_mkdir_profile(&env);
    let flag = format!("seccomp={}", profile.display());
    let id = common::create(&env, &["--security-opt", &flag], &["sh", "-c", TRY_MKDIR]);
    std::fs::write(&profile, r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#).unwrap();
    let started = env.run(&["start", "-a", &id]);
    assert_eq!(
        stdout(&started),
        "mkdir refused",
        "{}",
        started.transcript()
    );
    std::fs::remove_file(&profile).unwrap();
    let again = env.run(&["start", "-a", &id]);
    assert_eq!(stdout(&again), "mkdir refused", "{}", again.transcript());
    env.run(&["rm", &id]).ok();
}

/// A container record as rcon wrote it before the plan was typed (flags as
/// given: `"ulimits": ["nofile=1024:2048"]`, `"network": "none"`,
/// `"securityOpt": ["seccomp=FILE"]`) still inspects and starts as created.
#[test]
fn a_record_from_before_the_typed_plan_inspects_and_starts() {
    let env = common::with_busybox(user_with_ranges());
    let data = env.base.join("legacy-data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("note"), "from the host\n").unwrap();
    let profile = no_mkdir_profile(&env);
    let volume = format!("{}:/data:ro", data.display());
    let id = common::create(&env, &["--name", "legacy", "-v", &volume], &["true"]);
    let dir = env.data_dir().join("containers").join(&id);
    let path = dir.join("container.json");
    let today: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let field = |key: &str| today[key].as_str().unwrap().to_string();
    let old = include_str!("data/container-before-plan.json")
        .replace("@ID@", &id)
        .replace("@NAME@", "legacy")
        .replace("@IMAGE_ID@", &field("imageId"))
        .replace("@IMAGE_NAME@", &field("imageName"))
        .replace("@CREATED@", &field("created"))
        .replace("@DRIVER@", &field("storageDriver"))
        .replace("@BIND_SOURCE@", &data.display().to_string())
        .replace("@PROFILE@", &profile.display().to_string());
    std::fs::write(&path, old).unwrap();

    let inspected = env.run(&["inspect", "legacy"]);
    let inspect: serde_json::Value = serde_json::from_str(&inspected.ok().stdout).unwrap();
    let host = &inspect[0]["HostConfig"];
    assert_eq!(host["NetworkMode"], "none");
    assert_eq!(host["CapAdd"], serde_json::json!(["CAP_NET_RAW"]));
    assert_eq!(host["CapDrop"], serde_json::json!(["ALL"]));
    assert_eq!(
        host["SecurityOpt"],
        serde_json::json!([
            "no-new-privileges=false",
            format!("seccomp={}", profile.display())
        ])
    );
    assert_eq!(
        host["Ulimits"],
        serde_json::json!([{"Name": "RLIMIT_NOFILE", "Soft": 1024, "Hard": 2048}])
    );
    let types: Vec<&str> = inspect[0]["Mounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["Type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["bind", "tmpfs"]);

    let started = env.run(&["start", "-a", "legacy"]);
    let out = stdout(&started);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "1024",
            "2048",
            "CapBnd:\t0000000000002000",
            "NoNewPrivs:\t0",
            "from the host",
            "mkdir refused"
        ],
        "{}",
        started.transcript()
    );
    assert!(
        lines[6].contains(" /scratch tmpfs ") && lines[6].contains("noexec"),
        "{out}"
    );
    // Its profile was compiled on that first start and is kept: the file can go.
    assert!(dir.join("seccomp.bpf").exists());
    std::fs::remove_file(&profile).unwrap();
    let again = env.run(&["start", "-a", "legacy"]);
    assert!(
        stdout(&again).contains("mkdir refused"),
        "{}",
        again.transcript()
    );
    env.run(&["rm", "legacy"]).ok();
}

/// No signal starts out ignored (rcon ignores SIGPIPE, as Rust programs
/// do), so `yes | head` ends, in `run` and in `exec`, detached or not.
#[test]
fn the_command_starts_with_default_signal_actions() {
    let env = TestEnv::new(user_with_ranges());
    let check = "grep SigIgn /proc/self/status; yes | head -c 100000 | wc -c";
    let expected = "SigIgn:\t0000000000000000\n100000";
    let foreground = run(&env, &[], catalog::BUSYBOX, &["sh", "-c", check]);
    assert_eq!(stdout(&foreground), expected);
    let id = common::run_detached(&env, &[], &["sleep", "1000"]);
    let exec = env.run(&["exec", &id, "sh", "-c", check]);
    assert_eq!(stdout(&exec), expected);
    env.run(&["rm", "-f", "-t", "0", &id]).ok();
}

#[test]
fn signals_to_rcon_reach_the_container() {
    use std::io::{BufRead, BufReader};
    let env = common::with_busybox(user_with_ranges());
    let script = "trap 'echo got TERM; exit 7' TERM; echo ready; while true; do sleep 0.1; done";
    let mut child = env
        .rcon()
        .args([
            "run",
            "--rm",
            &image_ref(catalog::BUSYBOX),
            "sh",
            "-c",
            script,
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "ready");
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    assert_eq!(lines.next().unwrap().unwrap(), "got TERM");
    assert_eq!(child.wait().unwrap().code(), Some(7));
}

#[test]
fn keep_id_runs_as_the_host_user_and_its_files_stay_its_own() {
    use std::os::unix::fs::MetadataExt;
    for user in [user_with_ranges(), user_without_ranges()] {
        let env = TestEnv::new(user);
        env.run(&["images"]).ok();
        let source = env.data_dir().join("src");
        std::fs::create_dir_all(&source).unwrap();
        std::fs::write(source.join("mine"), "x").unwrap();
        // Made here by the test (root when it runs as root): give them to the user.
        for path in [&source, &source.join("mine")] {
            std::os::unix::fs::lchown(path, Some(user.uid), Some(user.gid)).unwrap();
        }
        let volume = format!("{}:/src", source.display());
        let script = "id -u; id -g; stat -c %u /src/mine; id -un; touch /src/made-inside";
        let out = run(
            &env,
            &["--userns", "keep-id", "-v", &volume],
            catalog::BUSYBOX,
            &["sh", "-c", script],
        );
        let expected = format!(
            "{uid}\n{gid}\n{uid}\n{name}",
            uid = user.uid,
            gid = user.gid,
            name = user.name
        );
        assert_eq!(stdout(&out), expected);
        let made = std::fs::metadata(source.join("made-inside")).unwrap();
        assert_eq!(
            (made.uid(), made.gid()),
            (user.uid, user.gid),
            "written as the user on the host"
        );
    }
    let env = TestEnv::new(user_with_ranges());
    let bad = run(&env, &["--userns", "bogus"], catalog::BUSYBOX, &["true"]);
    assert_eq!(bad.code, Some(125));
}

#[test]
fn rmi_refuses_an_image_a_container_uses() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&[
        "create",
        "--name",
        "user1",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
    ])
    .ok();
    let refused = env.run(&["rmi", &image_ref(catalog::BUSYBOX)]);
    // Podman's exit code for an image in use.
    assert_eq!(refused.code, Some(2));
    assert!(
        refused.stderr.contains("in use by a container"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        env.run(&["images", "-q"]).ok().stdout.lines().count(),
        1,
        "the image is still there"
    );
}

#[test]
fn rmi_force_removes_the_containers_using_the_image_running_ones_too() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    env.run(&[
        "create",
        "--name",
        "idle",
        "--tls-verify=false",
        "-q",
        &reference,
        "true",
    ])
    .ok();
    // --init forwards rmi's SIGTERM, so the stop is quick.
    common::run_detached(&env, &["--init", "--name", "busy"], &["sleep", "1000"]);
    let removed = env.run(&["rmi", "-f", &reference]);
    assert!(
        removed.ok().stdout.contains("Deleted: "),
        "{}",
        removed.transcript()
    );
    assert_eq!(
        env.run(&["ps", "-a", "-q"]).ok().stdout,
        "",
        "no container is left"
    );
    let containers = std::fs::read_dir(env.data_dir().join("containers")).unwrap();
    assert_eq!(containers.count(), 0);
    assert_eq!(env.run(&["images", "-q"]).ok().stdout, "");
    // The names are free again, and the image pulls and runs anew.
    let again = run(&env, &["--name", "busy"], catalog::BUSYBOX, &["echo", "ok"]);
    assert_eq!(stdout(&again), "ok");
}

#[test]
fn an_image_entrypoint_gets_the_cmd_or_the_arguments_and_the_flag_overrides_it() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&[
        "create",
        "--name",
        "base",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
        "true",
    ])
    .ok();
    env.run(&[
        "commit",
        "-c",
        r#"ENTRYPOINT ["echo", "ep"]"#,
        "-c",
        r#"CMD ["c1", "c2"]"#,
        "base",
        "entry:v1",
    ])
    .ok();
    let run_entry = |flags: &[&str], args: &[&str]| {
        let mut all = vec!["run", "--rm"];
        all.extend_from_slice(flags);
        all.push("entry:v1");
        all.extend_from_slice(args);
        env.run(&all)
    };
    assert_eq!(stdout(&run_entry(&[], &[])), "ep c1 c2", "ENTRYPOINT + CMD");
    assert_eq!(
        stdout(&run_entry(&[], &["a", "b"])),
        "ep a b",
        "arguments replace CMD"
    );
    assert_eq!(
        stdout(&run_entry(&["--entrypoint", r#"["echo","over"]"#], &[])),
        "over",
        "--entrypoint drops the image's CMD"
    );
    assert_eq!(stdout(&run_entry(&["--entrypoint", "echo"], &["x"])), "x");
    assert_eq!(
        stdout(&run_entry(&["--entrypoint", ""], &["echo", "plain"])),
        "plain",
        "--entrypoint '' clears it"
    );
    let nothing = run_entry(&["--entrypoint", ""], &[]);
    nothing.code_is(125);
    assert!(nothing.stderr.contains("no command"), "{}", nothing.stderr);
}

/// The processes in `env`'s user namespace other than its pause process:
/// containers, monitors and helpers rcon left behind.
fn processes_left(env: &TestEnv) -> Vec<String> {
    let record = std::fs::read_to_string(env.runtime_dir.join("rcon/pause.pid")).unwrap();
    let pause = record.split_whitespace().next().unwrap().to_string();
    let namespace = std::fs::read_link(format!("/proc/{pause}/ns/user")).unwrap();
    let mut left = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if pid == pause || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if std::fs::read_link(entry.path().join("ns/user"))
            .ok()
            .as_ref()
            == Some(&namespace)
        {
            let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
            left.push(stat.trim().to_string());
        }
    }
    left
}

/// Asserts that a failed `rcon run` left nothing: no container record, no
/// volume, no mount of a container or volume, no process.
#[track_caller]
fn assert_nothing_left(env: &TestEnv, what: &str) {
    let records = env.run(&["ps", "-a", "-q"]);
    assert_eq!(records.ok().stdout, "", "{what}: no container record");
    let volumes = env.run(&["volume", "ls", "-q"]);
    assert_eq!(volumes.ok().stdout, "", "{what}: no anonymous volume");
    let mountinfo = env.run(&["unshare", "cat", "/proc/self/mountinfo"]);
    let mounted: Vec<&str> = mountinfo
        .ok()
        .stdout
        .lines()
        .filter(|l| l.contains("/containers/") || l.contains("/volumes/"))
        .collect();
    assert!(mounted.is_empty(), "{what}: still mounted: {mounted:?}");
    // A helper's own short-lived children (pasta's namespace calls) may
    // take a moment to go after it was killed; anything else is a leak.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    let mut left = processes_left(env);
    while !left.is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
        left = processes_left(env);
    }
    assert_eq!(left, Vec::<String>::new(), "{what}: no process");
}

#[test]
fn bad_run_input_is_one_line_exit_125_and_leaves_nothing() {
    let env = common::with_busybox(user_with_ranges());
    let busybox = image_ref(catalog::BUSYBOX);
    let missing_tag = format!("{}/{}:no-such-tag", common::registry(), catalog::BUSYBOX);
    let not_pulled = image_ref(catalog::ZSTD);
    // (flags, image, what the message must name). Every run also asks for an
    // anonymous volume, which must not outlive the failure.
    let cases: [(&[&str], &str, &str); 11] = [
        (&["--mount", "destination=/x"], &busybox, "type"),
        (
            &["--mount", "type=tmpfs,destination=/x,bogus=1"],
            &busybox,
            "bogus",
        ),
        (
            &["--mount", "type=floppy,destination=/x"],
            &busybox,
            "floppy",
        ),
        (&["-e", "=value"], &busybox, "=value"),
        (&["--ulimit", "nonsense"], &busybox, "nonsense"),
        (&["--ulimit", "nofile=lots"], &busybox, "lots"),
        (&["--ulimit", "wishes=3"], &busybox, "wishes"),
        (
            &["-v", "/no/such/host/dir:/x"],
            &busybox,
            "/no/such/host/dir",
        ),
        (&["--entrypoint", "[\"sh\""], &busybox, "--entrypoint"),
        (&[], &missing_tag, "not found"),
        (&["--pull=never"], &not_pulled, &not_pulled),
    ];
    for (flags, image, cause) in cases {
        for remove in [false, true] {
            let mut args = vec!["run", "--tls-verify=false", "-q", "-v", "/anonymous"];
            if remove {
                args.push("--rm");
            }
            args.extend_from_slice(flags);
            args.extend([image, "true"]);
            let what = format!("rcon {}", args.join(" "));
            let result = env.run(&args);
            assert_eq!(result.code, Some(125), "{what}: {}", result.transcript());
            assert_eq!(result.stdout, "", "{what}");
            let message = result.stderr.trim_end();
            assert_eq!(message.lines().count(), 1, "{what}: one line: {message}");
            assert!(message.starts_with("Error: "), "{what}: {message}");
            assert!(
                message.contains(cause),
                "{what}: names {cause:?}: {message}"
            );
            assert_nothing_left(&env, &what);
        }
    }
    // Flags are refused before the image is pulled.
    for flags in [
        &["--ulimit", "nonsense"][..],
        &["-e", "=value"],
        &["--mount", "type=floppy,dst=/x"],
        &["--entrypoint", "[1]"],
    ] {
        let result = env.run(
            &[
                &["run", "--tls-verify=false", "-q"][..],
                flags,
                &[&not_pulled, "true"],
            ]
            .concat(),
        );
        assert_eq!(result.code, Some(125), "{}", result.transcript());
        assert_eq!(
            env.run(&["images", "-q"]).ok().stdout.lines().count(),
            1,
            "{flags:?}: only busybox is stored"
        );
    }
    // A flag value the parser refuses: its usage error (the first line names
    // it, then the values allowed), exit 125.
    let result = env.run(&["run", "--pull=sometimes", &busybox, "true"]);
    assert_eq!(result.code, Some(125), "{}", result.transcript());
    let first = result.stderr.lines().next().unwrap_or_default();
    assert!(
        first.contains("'sometimes'") && first.contains("--pull"),
        "{}",
        result.stderr
    );
    assert_nothing_left(&env, "--pull=sometimes");
    // An unknown user is found only when the container starts, so (as in
    // Podman) without --rm the created container stays; with --rm nothing does.
    let result = env.run(&[
        "run",
        "--rm",
        "-q",
        "-v",
        "/anonymous",
        "-u",
        "nobody-here",
        &busybox,
        "true",
    ]);
    assert_eq!(result.code, Some(126), "{}", result.transcript());
    let message = result.stderr.trim_end();
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("unable to find user nobody-here"),
        "{message}"
    );
    assert_nothing_left(&env, "run --rm -u nobody-here");
    // A command the container can't run: Podman's 127 and 126, and --rm
    // leaves nothing of it either.
    for (command, code) in [("no-such-command", 127), ("/etc/passwd", 126)] {
        let result = env.run(&["run", "--rm", "-q", "-v", "/anonymous", &busybox, command]);
        assert_eq!(result.code, Some(code), "{}", result.transcript());
        let message = result.stderr.trim_end();
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains(command), "{message}");
        assert_nothing_left(&env, command);
    }
}

#[test]
fn a_mount_under_proc_sys_fails_with_its_own_error_every_time() {
    let env = common::with_busybox(user_with_ranges());
    let volume = format!("{}:/proc/sys/rcon", env.home.display());
    let reference = image_ref(catalog::BUSYBOX);
    // The container's process fails at the mount point while rcon starts its
    // network helper: the process's error is the one to tell, whichever of
    // the two is seen first.
    for flags in [["-v", &volume], ["--tmpfs", "/proc/sys/rcon"]] {
        for _ in 0..10 {
            let mut args = vec!["run", "--rm"];
            args.extend(flags);
            args.extend([reference.as_str(), "true"]);
            let out = env.run(&args);
            out.code_is(126);
            assert_eq!(
                out.stderr.trim(),
                "Error: creating the mount point /proc/sys/rcon in the container: No such file or directory",
                "{}",
                out.transcript()
            );
        }
    }
}
