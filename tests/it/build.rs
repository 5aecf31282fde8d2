//! `rcon build`: Containerfiles built as the unprivileged test user, RUN
//! steps in rcon's own runtime, images checked with `inspect` and `run`.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use crate::common;
use crate::common::{TestEnv, image_ref, run_command, user_with_ranges, with_busybox};

pub(crate) fn busybox() -> String {
    image_ref(testkit::catalog::BUSYBOX)
}

/// A build context in the test user's home: `files` (path, content), owned
/// by the user.
pub(crate) fn context(env: &TestEnv, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = env
        .data_dir()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join(name);
    fs::create_dir_all(&dir).unwrap();
    for (path, content) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, content).unwrap();
    }
    chown_to_user(env, &dir);
    dir
}

fn chown_to_user(env: &TestEnv, dir: &Path) {
    let status = std::process::Command::new("chown")
        .args([
            "-R",
            "-h",
            &format!("{}:{}", user_with_ranges().uid, user_with_ranges().gid),
        ])
        .arg(dir)
        .status()
        .unwrap();
    assert!(status.success());
    let _ = env;
}

/// Archives `dir/member` as `dir/archive` (gzip for a `.gz` name).
fn tar_of(dir: &Path, member: &str, archive: &str) {
    let flags = if archive.ends_with(".gz") {
        "-czf"
    } else {
        "-cf"
    };
    let status = std::process::Command::new("tar")
        .arg(flags)
        .arg(dir.join(archive))
        .arg("-C")
        .arg(dir)
        .arg(member)
        .status()
        .unwrap();
    assert!(status.success());
}

pub(crate) fn build(env: &TestEnv, args: &[&str], dir: &Path) -> common::RunResult {
    let mut all = vec!["build", "--tls-verify=false"];
    all.extend_from_slice(args);
    let dir = dir.to_str().unwrap();
    all.push(dir);
    env.run(&all)
}

#[test]
fn multi_stage_build_with_config_seen_by_inspect_and_run() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "multi",
        &[(
            "Containerfile",
            &format!(
                "ARG BASE={}\nFROM $BASE AS maker\nRUN mkdir /out && echo made-in-stage-one > /out/file\n\
                 FROM ${{BASE}}\nCOPY --from=maker /out/file /app/\nENV GREETING=\"hello there\" \\\n    OTHER=${{GREETING:-unset}}\n\
                 WORKDIR /app\nLABEL org.example.kind=test\nENTRYPOINT [\"/bin/sh\", \"-c\"]\nCMD [\"cat file; echo $GREETING; pwd\"]\n",
                busybox()
            ),
        )],
    );
    let result = build(&env, &["-t", "multi:1"], &dir);
    result.ok();
    let out = result.stdout.clone();
    assert!(out.contains("[1/2] STEP 1/2: FROM $BASE AS maker"), "{out}");
    assert!(
        out.contains("[2/2] STEP 2/7: COPY --from=maker /out/file /app/"),
        "{out}"
    );
    assert!(out.contains("COMMIT multi:1"), "{out}");
    assert!(
        out.contains("Successfully tagged localhost/multi:1"),
        "{out}"
    );
    let id = out.lines().last().unwrap().to_string();
    assert_eq!(id.len(), 64, "{out}");

    let run = env.run(&["run", "--rm", "multi:1"]);
    assert_eq!(run.ok().stdout, "made-in-stage-one\nhello there\n/app\n");

    let inspect = env.run(&[
        "image",
        "inspect",
        "--format",
        "{{.Config.WorkingDir}}|{{index .Config.Labels \"org.example.kind\"}}|{{.Config.Entrypoint}}|{{.Config.Cmd}}",
        "multi:1",
    ]);
    assert_eq!(
        inspect.ok().stdout.trim(),
        "/app|test|[/bin/sh -c]|[cat file; echo $GREETING; pwd]"
    );
    let env_line = env.run(&["image", "inspect", "--format", "{{.Config.Env}}", "multi:1"]);
    // OTHER was expanded before GREETING was set: ENV sees the values before its own line.
    assert!(
        env_line.ok().stdout.contains("OTHER=unset"),
        "{}",
        env_line.stdout
    );
}

#[test]
fn ignore_file_with_an_exception_and_cache_reuse() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "ignore",
        &[
            (
                "Containerfile",
                &format!(
                    "FROM {}\nCOPY . /ctx/\nRUN ls -a /ctx | sort | tr '\\n' ' ' > /list\nCOPY second.txt /second\nRUN cat /second\n",
                    busybox()
                ),
            ),
            (".dockerignore", "*.log\n!keep.log\nsecret/\n"),
            ("a.txt", "a"),
            ("debug.log", "noise"),
            ("keep.log", "kept"),
            ("secret/key", "nope"),
            ("second.txt", "one"),
        ],
    );
    let first = build(&env, &["-t", "ign"], &dir);
    first.ok();
    assert!(!first.stdout.contains("Using cache"), "{}", first.stdout);
    let listed = env.run(&["run", "--rm", "ign", "cat", "/list"]);
    assert_eq!(
        listed.ok().stdout,
        ". .. .dockerignore Containerfile a.txt keep.log second.txt "
    );

    // Nothing changed: every step is reused and the image is the same.
    let second = build(&env, &["-t", "ign"], &dir);
    second.ok();
    assert_eq!(
        second.stdout.matches("--> Using cache").count(),
        4,
        "{}",
        second.stdout
    );
    assert_eq!(first.stdout.lines().last(), second.stdout.lines().last());

    // A changed file both COPYs read (`.` reads it too) rebuilds from the
    // first COPY on; an ignored file changing alone would change nothing.
    fs::write(dir.join("debug.log"), "more noise").unwrap();
    fs::write(dir.join("second.txt"), "two").unwrap();
    let third = build(&env, &["-t", "ign"], &dir);
    third.ok();
    assert!(
        third.stdout.contains("two"),
        "the last RUN ran again: {}",
        third.stdout
    );
    assert_ne!(first.stdout.lines().last(), third.stdout.lines().last());

    let fourth = build(&env, &["--no-cache", "-q", "-t", "ign"], &dir);
    assert!(!fourth.ok().stdout.contains("Using cache"));
    assert_eq!(
        fourth.stdout.lines().count(),
        1,
        "-q prints the ID only: {}",
        fourth.stdout
    );
}

#[test]
fn changed_file_invalidates_from_its_copy_on() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "partial",
        &[
            (
                "Containerfile",
                &format!(
                    "FROM {}\nCOPY first.txt /first\nRUN echo step-three\nCOPY second.txt /second\nRUN cat /second\n",
                    busybox()
                ),
            ),
            ("first.txt", "1"),
            ("second.txt", "one"),
        ],
    );
    build(&env, &[], &dir).ok();
    fs::write(dir.join("second.txt"), "two").unwrap();
    let again = build(&env, &[], &dir);
    again.ok();
    let out = &again.stdout;
    assert_eq!(out.matches("--> Using cache").count(), 2, "{out}");
    let step4 = out.find("STEP 4/5").unwrap();
    assert!(!out[step4..].contains("Using cache"), "{out}");
    assert!(out[step4..].contains("two"), "{out}");
}

#[test]
fn failing_run_leaves_no_image_and_exits_with_its_code() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "fail",
        &[(
            "Containerfile",
            &format!(
                "FROM {}\nRUN echo before-failing; exit 7\nCMD x\n",
                busybox()
            ),
        )],
    );
    let images_before = env.run(&["images", "-q", "--no-trunc"]).ok().stdout.clone();
    let result = build(&env, &["-t", "failed"], &dir);
    result.code_is(7);
    assert!(
        result.stdout.contains("before-failing"),
        "{}",
        result.transcript()
    );
    assert!(
        result
            .stderr
            .contains("building at STEP \"RUN echo before-failing; exit 7\": while running runtime: exit status 7"),
        "{}",
        result.transcript()
    );
    env.run(&["image", "exists", "failed"]).code_is(1);
    assert_eq!(
        env.run(&["images", "-q", "--no-trunc"]).ok().stdout,
        images_before
    );
    assert_eq!(
        env.run(&["ps", "-aq"]).ok().stdout,
        "",
        "the RUN container is removed"
    );
}

#[test]
fn syntax_error_names_file_line_and_instruction() {
    let env = TestEnv::new(user_with_ranges());
    let dir = context(
        &env,
        "syntax",
        &[("Containerfile", "FROM busybox\n\nCOPY onlyone\n")],
    );
    let result = build(&env, &[], &dir);
    result.code_is(125);
    assert!(
        result.stderr.contains(
            "Containerfile:3: \"COPY onlyone\": COPY needs at least one source and a destination"
        ),
        "{}",
        result.transcript()
    );
}

#[test]
fn copy_cannot_leave_the_context() {
    let env = with_busybox(user_with_ranges());
    let outside = context(&env, "outside", &[("secret", "host-secret")]);
    let dir = context(
        &env,
        "escape",
        &[
            (
                "Containerfile",
                &format!("FROM {}\nCOPY ../outside/secret /up\n", busybox()),
            ),
            ("inside", "in"),
        ],
    );
    // `..` cannot climb out: ../outside/secret is outside/secret in the context.
    let result = build(&env, &[], &dir);
    result.code_is(125);
    assert!(
        result.stderr.contains("no such file or directory"),
        "{}",
        result.transcript()
    );

    // A symlink to a host path is followed inside the context, or copied as a link.
    symlink(outside.join("secret"), dir.join("link")).unwrap();
    symlink(&outside, dir.join("dirlink")).unwrap();
    chown_to_user(&env, &dir);
    fs::write(
        dir.join("Containerfile"),
        format!("FROM {}\nCOPY link /link\nCOPY . /ctx/\n", busybox()),
    )
    .unwrap();
    build(&env, &["-t", "links"], &dir).ok();
    let run = env.run(&[
        "run",
        "--rm",
        "links",
        "sh",
        "-c",
        "readlink /link; cat /link /ctx/dirlink/secret 2>&1; ls /ctx",
    ]);
    let out = run.stdout.clone();
    assert!(!out.contains("host-secret"), "{}", run.transcript());
    assert!(
        out.contains(&outside.join("secret").display().to_string()),
        "{out}"
    );
}

#[test]
fn builds_on_vfs_and_fuse_overlay() {
    for driver in ["vfs", "fuse-overlay"] {
        let env = with_busybox(user_with_ranges());
        let dir = context(
            &env,
            driver,
            &[
                (
                    "Containerfile",
                    &format!(
                        "FROM {}\nRUN rm -r /etc/init.d 2>/dev/null; rm /bin/true; echo made > /made\nCOPY f /etc/f\n",
                        busybox()
                    ),
                ),
                ("f", "copied\n"),
            ],
        );
        let mut args = vec!["--storage-driver", driver];
        args.extend([
            "build",
            "--tls-verify=false",
            "-t",
            "drv",
            dir.to_str().unwrap(),
        ]);
        env.run(&args).ok();
        let run = env.run(&[
            "--storage-driver",
            driver,
            "run",
            "--rm",
            "drv",
            "sh",
            "-c",
            "cat /made /etc/f; test -e /bin/true && echo still-there || echo deleted",
        ]);
        assert_eq!(run.ok().stdout, "made\ncopied\ndeleted\n", "{driver}");
    }
}

#[test]
fn copy_keeps_hard_links_and_reads_the_containerfile_from_stdin() {
    let env = with_busybox(user_with_ranges());
    let dir = context(&env, "hardlinks", &[("one", "same\n")]);
    fs::hard_link(dir.join("one"), dir.join("two")).unwrap();
    let containerfile = format!("FROM {}\nCOPY . /t/\n", busybox());
    let result = env.run_with_input(
        &["build", "-t", "links", "-f", "-", dir.to_str().unwrap()],
        containerfile.as_bytes(),
    );
    result.ok();
    let run = env.run(&[
        "run",
        "--rm",
        "links",
        "sh",
        "-c",
        "stat -c %i /t/one /t/two",
    ]);
    let inodes: Vec<&str> = run.ok().stdout.lines().collect();
    assert_eq!(inodes.len(), 2);
    assert_eq!(inodes[0], inodes[1], "one file, two names");

    // `-` as the context: the Containerfile on stdin, nothing to copy.
    let stdin_build = env.run_with_input(
        &["build", "-t", "fromstdin", "-"],
        format!("FROM {}\nRUN echo built-from-stdin\n", busybox()).as_bytes(),
    );
    assert!(stdin_build.ok().stdout.contains("built-from-stdin"));
}

#[test]
fn add_unpacks_local_tar_archives() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "add",
        &[
            ("tree/sub/inner.txt", "inside the archive\n"),
            ("plain.txt", "plain\n"),
        ],
    );
    tar_of(&dir, "tree", "tree.tar.gz");
    chown_to_user(&env, &dir);
    fs::write(
        dir.join("Containerfile"),
        format!("FROM {}\nADD tree.tar.gz /unpacked/\nADD plain.txt /plain.txt\nCOPY tree.tar.gz /copied/\n", busybox()),
    )
    .unwrap();
    build(&env, &["-t", "added"], &dir).ok();
    let run = env.run(&[
        "run",
        "--rm",
        "added",
        "sh",
        "-c",
        "cat /unpacked/tree/sub/inner.txt /plain.txt; ls /copied",
    ]);
    assert_eq!(run.ok().stdout, "inside the archive\nplain\ntree.tar.gz\n");
}

#[test]
fn run_steps_get_the_build_flags_and_are_cached_per_flags() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "runflags",
        &[(
            "Containerfile",
            &format!(
                "FROM {}\nRUN grep Seccomp: /proc/self/status | tr -d ' \\t'; ulimit -n -H; ulimit -n; grep ^search /etc/resolv.conf || true\n",
                busybox()
            ),
        )],
    );
    let limited = build(
        &env,
        &[
            "--ulimit",
            "nofile=101:102",
            "--dns-search",
            "build.test",
            "-t",
            "flags",
        ],
        &dir,
    );
    let out = &limited.ok().stdout;
    assert!(out.contains("Seccomp:2\n102\n101\n"), "{out}");
    assert!(out.contains("search build.test"), "{out}");

    // Other RUN flags, another container: the step is not taken from the cache.
    let unconfined = build(
        &env,
        &["--security-opt", "seccomp=unconfined", "-t", "flags"],
        &dir,
    );
    let out = &unconfined.ok().stdout;
    assert!(!out.contains("Using cache"), "{out}");
    assert!(out.contains("Seccomp:0"), "{out}");
}

#[test]
fn runtime_names_runtime_flags_and_auth_files_are_checked_as_podman_does() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "runtime",
        &[(
            "Containerfile",
            &format!("FROM {}\nRUN echo ran\n", busybox()),
        )],
    );
    let missing = build(&env, &["--runtime=idonotexist", "-t", "rt"], &dir);
    missing.code_is(125);
    assert!(
        missing.stderr.contains("\"idonotexist\" not found"),
        "{}",
        missing.stderr
    );
    let conf = dir.join("containers.conf");
    fs::write(&conf, "[engine]\nruntime=\"idonotexist\"\n").unwrap();
    let configured = run_command(
        env.rcon()
            .env("CONTAINERS_CONF", &conf)
            .args(["build", "--tls-verify=false", "-t", "rt"])
            .arg(&dir),
        None,
        common::command_timeout(),
    )
    .unwrap();
    configured.code_is(125);
    assert!(configured.stderr.contains("\"idonotexist\" not found"));

    // The runtime refuses a flag it does not know when the RUN starts: exit 1.
    let bad_flag = env.run(&[
        "--runtime-flag",
        "invalidflag",
        "build",
        "--tls-verify=false",
        "-t",
        "rt",
        dir.to_str().unwrap(),
    ]);
    bad_flag.code_is(1);
    assert!(
        bad_flag.stderr.contains("invalidflag"),
        "{}",
        bad_flag.stderr
    );
    let known = env.run(&[
        "--runtime=rcon",
        "--runtime-flag",
        "debug",
        "build",
        "--tls-verify=false",
        "-t",
        "rt",
        dir.to_str().unwrap(),
    ]);
    assert!(known.ok().stdout.contains("ran"));

    let bogus = env.run_with_input(&["build", "--authfile=/tmp/bogus", "-"], b"FROM scratch\n");
    bogus.code_is(125);
    assert!(
        bogus
            .stderr
            .contains("checking authfile: stat /tmp/bogus: no such file or directory"),
        "{}",
        bogus.stderr
    );
}

#[test]
fn from_scratch_several_containerfiles_and_the_context_of_the_first() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "scratch",
        &[
            (
                "Containerfile1",
                "FROM scratch AS files\nCOPY hello /greeting\n",
            ),
            ("hello", "hello from scratch\n"),
        ],
    );
    let second = dir.join("Containerfile2");
    fs::write(
        &second,
        format!("FROM {}\nCOPY --from=files /greeting /got\n", busybox()),
    )
    .unwrap();
    chown_to_user(&env, &dir);

    // No context given: the directory of the (first) Containerfile.
    let first = dir.join("Containerfile1");
    let only = env.run(&["build", "-t", "scratchy", "-f", first.to_str().unwrap()]);
    only.ok();
    let layers = env.run(&[
        "image",
        "inspect",
        "--format",
        "{{.RootFS.Layers}}",
        "scratchy",
    ]);
    assert_eq!(
        layers.ok().stdout.matches("sha256:").count(),
        1,
        "the COPY's layer and nothing else: {}",
        layers.stdout
    );

    // Several -f are read as one Containerfile.
    let both = env.run(&[
        "build",
        "--tls-verify=false",
        "-t",
        "both",
        "-f",
        first.to_str().unwrap(),
        "-f",
        second.to_str().unwrap(),
    ]);
    assert!(both.ok().stdout.contains(&busybox()), "{}", both.stdout);
    let got = env.run(&["run", "--rm", "both", "cat", "/got"]);
    assert_eq!(got.ok().stdout, "hello from scratch\n");

    let missing = build(&env, &["-f", "Containerfile3"], &dir);
    missing.code_is(125);
    assert!(
        missing
            .stderr
            .contains("Containerfile3: no such file or directory"),
        "{}",
        missing.stderr
    );
}

#[test]
fn ignorefile_flag_and_dockers_rule_for_excluded_directories() {
    let env = with_busybox(user_with_ranges());
    let mut files = vec![(
        "Containerfile".to_string(),
        format!("FROM {}\nCOPY ./ /ctx/\n", busybox()),
    )];
    for name in [
        "test1",
        "test2",
        "subdir1/sub1",
        "subdir1/sub2",
        "subdir1/sub3",
        "subdir2/sub1",
    ] {
        files.push((name.to_string(), name.to_string()));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = context(&env, "ignorefile", &files);
    let ignore_file = dir.parent().unwrap().join("my-ignores");
    fs::write(
        &ignore_file,
        "test*\n!test2*\nsubdir1\nsubdir2\n!*/sub1*\n!subdir1/sub3*\n",
    )
    .unwrap();
    build(
        &env,
        &["--ignorefile", ignore_file.to_str().unwrap(), "-t", "ignf"],
        &dir,
    )
    .ok();
    let found = env.run(&[
        "run",
        "--rm",
        "ignf",
        "sh",
        "-c",
        "cd /ctx && find . -type f | sort",
    ]);
    assert_eq!(
        found.ok().stdout,
        "./Containerfile\n./subdir1/sub1\n./subdir1/sub3\n./test2\n",
        "subdir2 is excluded whole: no exception names it"
    );
}

#[test]
fn add_of_an_xz_archive_into_the_root_and_logfile() {
    let env = with_busybox(user_with_ranges());
    let dir = context(&env, "xz", &[("subtest/myfile1", "the original\n")]);
    let status = std::process::Command::new("tar")
        .arg("-cJf")
        .arg(dir.join("myfile.tar.xz"))
        .arg("-C")
        .arg(&dir)
        .arg("subtest")
        .status()
        .unwrap();
    assert!(status.success());
    fs::write(
        dir.join("Containerfile"),
        format!("FROM {}\nADD myfile.tar.xz /\n", busybox()),
    )
    .unwrap();
    chown_to_user(&env, &dir);
    let log = dir.parent().unwrap().join("xz-build.log");
    let built = build(
        &env,
        &["--logfile", log.to_str().unwrap(), "-t", "xz"],
        &dir,
    );
    let id = built.ok().stdout.trim().to_string();
    assert_eq!(id.len(), 64, "only the ID on stdout: {}", built.stdout);
    let logged = fs::read_to_string(&log).unwrap();
    assert!(logged.contains("COMMIT xz"), "{logged}");
    let run = env.run(&["run", "--rm", "xz", "cat", "/subtest/myfile1"]);
    assert_eq!(run.ok().stdout, "the original\n");
}

#[test]
fn run_mounts_cache_secret_tmpfs_and_bind_leave_nothing_in_the_image() {
    let env = with_busybox(user_with_ranges());
    let secrets = context(&env, "secret-source", &[("token", "s3cr3t-token-value")]);
    let dir = context(
        &env,
        "mounts",
        &[
            (
                "Containerfile",
                &format!(
                    "FROM {}\n\
                     RUN --mount=type=cache,target=/cache,id=counter sh -c 'echo $(( $(cat /cache/n 2>/dev/null || echo 0) + 1 )) > /cache/n; echo count=$(cat /cache/n)'\n\
                     RUN --mount=type=secret,id=tok cat /run/secrets/tok\n\
                     RUN --mount=type=secret,id=tok,target=/etc/tok.txt test -s /etc/tok.txt\n\
                     RUN --mount=type=tmpfs,target=/scratch sh -c 'echo x > /scratch/f && grep -q \" /scratch tmpfs\" /proc/mounts'\n\
                     RUN --mount=type=bind,source=src,target=/src sh -c 'cat /src/f && ! touch /src/new 2>/dev/null'\n\
                     RUN --mount=type=bind,source=out,target=/out ls /out\n",
                    busybox()
                ),
            ),
            ("src/f", "from the context\n"),
        ],
    );
    // A symlink out of the context: followed inside it, as if it were `/`.
    symlink("../../../../../..", dir.join("out")).unwrap();
    chown_to_user(&env, &dir);
    let secret = format!("id=tok,src={}", secrets.join("token").display());
    let first = build(&env, &["--secret", &secret, "-t", "mnt"], &dir);
    let out = &first.ok().stdout;
    assert!(out.contains("count=1"), "{out}");
    assert!(out.contains("s3cr3t-token-value"), "{out}");
    assert!(out.contains("from the context"), "{out}");
    assert!(
        out.contains("Containerfile"),
        "the link led to the context's top: {out}"
    );
    assert!(!out.contains("etc\n"), "not the host's root: {out}");

    // No mount point or secret left in the image, none in its history.
    let left = env.run(&[
        "run",
        "--rm",
        "mnt",
        "sh",
        "-c",
        "ls -d /cache /run/secrets /etc/tok.txt /scratch /src /out 2>/dev/null; grep -rl s3cr3t /etc /run /root 2>/dev/null; true",
    ]);
    assert_eq!(left.ok().stdout, "");
    let history = env.run(&["history", "--no-trunc", "mnt"]);
    assert!(!history.ok().stdout.contains("s3cr3t"));

    // The cache outlives the build; a missing required secret is an error.
    let again = build(
        &env,
        &["--no-cache", "--secret", &secret, "-t", "mnt"],
        &dir,
    );
    assert!(again.ok().stdout.contains("count=2"), "{}", again.stdout);
    let required = context(
        &env,
        "required",
        &[(
            "Containerfile",
            &format!(
                "FROM {}\nRUN --mount=type=secret,id=absent,required cat /run/secrets/absent\n",
                busybox()
            ),
        )],
    );
    let refused = build(&env, &["-t", "req"], &required);
    refused.code_is(125);
    assert!(
        refused.stderr.contains("--secret id=absent"),
        "{}",
        refused.stderr
    );
}

#[test]
fn here_documents_in_run_and_copy() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "heredoc",
        &[(
            "Containerfile",
            &format!(
                "FROM {}\nRUN <<EOF\n# a script, not a comment of the Containerfile\nmkdir -p /made\necho one > /made/by-script\nEOF\n\
                 RUN cat > /made/by-cat <<-'END'\n\tline with $HOME kept\n\tEND\n\
                 COPY <<greeting.txt <<other.txt /docs/\nhello\ngreeting.txt\nworld\nother.txt\n\
                 COPY <<EOF /single\nalone\nEOF\n",
                busybox()
            ),
        )],
    );
    build(&env, &["-t", "heredoc"], &dir).ok();
    let run = env.run(&[
        "run",
        "--rm",
        "heredoc",
        "sh",
        "-c",
        "cat /made/by-script /made/by-cat /docs/greeting.txt /docs/other.txt /single",
    ]);
    assert_eq!(
        run.ok().stdout,
        "one\nline with $HOME kept\nhello\nworld\nalone\n"
    );
}

#[test]
fn output_writes_the_image_files_to_a_directory_or_a_tar() {
    use std::os::unix::fs::MetadataExt;
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "output",
        &[
            (
                "Containerfile",
                "FROM scratch\nCOPY hello /hello\nCOPY sub /sub/\n",
            ),
            ("hello", "out of the build\n"),
            ("sub/inner", "inner\n"),
        ],
    );
    let out = dir.parent().unwrap().join("output-dir");
    let local = format!("type=local,dest={}", out.display());
    build(&env, &["-o", &local, "-t", "outimg"], &dir).ok();
    assert_eq!(
        fs::read_to_string(out.join("hello")).unwrap(),
        "out of the build\n"
    );
    assert_eq!(
        fs::read_to_string(out.join("sub/inner")).unwrap(),
        "inner\n"
    );
    assert_eq!(
        fs::metadata(out.join("hello")).unwrap().uid(),
        user_with_ranges().uid,
        "the user's files"
    );

    let tar = dir.parent().unwrap().join("output.tar");
    let spec = format!("type=tar,dest={}", tar.display());
    build(&env, &["--output", &spec, "-t", "outimg"], &dir).ok();
    let listed = std::process::Command::new("tar")
        .arg("-tf")
        .arg(&tar)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed
            .lines()
            .any(|l| l.trim_start_matches("./") == "hello"),
        "{listed}"
    );
    assert!(listed.contains("sub/inner"), "{listed}");
}

#[test]
fn add_of_a_url_names_dates_and_checks_the_download_and_never_unpacks_it() {
    let env = with_busybox(user_with_ranges());
    let served = context(
        &env,
        "served",
        &[
            ("tree/inner.txt", "in the tar\n"),
            ("hello.txt", "hello over http\n"),
        ],
    );
    tar_of(&served, "tree", "tree.tar");
    // Known times, sent as Last-Modified.
    for (file, time) in [("tree.tar", "@1000000000"), ("hello.txt", "@1200000000")] {
        let touched = std::process::Command::new("touch")
            .args(["-d", time])
            .arg(served.join(file))
            .status()
            .unwrap();
        assert!(touched.success());
    }
    let server = common::HttpServer::serve(&served);
    let sha = |text: &str| {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(text.as_bytes()))
    };
    let dir = context(
        &env,
        "addurl",
        &[(
            "Containerfile",
            &format!(
                "FROM {}\nADD {} /downloads/\nADD {} /named.txt\nADD --chmod=640 --checksum=sha256:{} {} /checked/\n",
                busybox(),
                server.url("tree.tar"),
                server.url("hello.txt"),
                sha("hello over http\n"),
                server.url("hello.txt"),
            ),
        )],
    );
    build(&env, &["-t", "fetched"], &dir).ok();
    let run = env.run(&[
        "run",
        "--rm",
        "fetched",
        "sh",
        "-c",
        "stat -c '%n %a %Y %u' /downloads/tree.tar /named.txt /checked/hello.txt; cat /checked/hello.txt",
    ]);
    assert_eq!(
        run.ok().stdout,
        "/downloads/tree.tar 600 1000000000 0\n/named.txt 600 1200000000 0\n/checked/hello.txt 640 1200000000 0\nhello over http\n",
        "a URL's tar is a file, 0600, dated by Last-Modified"
    );

    // A wrong checksum: refused before anything is made.
    let images = env
        .run(&["images", "-a", "-q", "--no-trunc"])
        .ok()
        .stdout
        .clone();
    let wrong = context(
        &env,
        "addurl-wrong",
        &[(
            "Containerfile",
            &format!(
                "FROM {}\nADD --checksum=sha256:{} {} /checked/\n",
                busybox(),
                sha("something else\n"),
                server.url("hello.txt"),
            ),
        )],
    );
    let refused = build(&env, &["-t", "wrongsum"], &wrong);
    refused.code_is(125);
    assert!(
        refused.stderr.contains(&format!(
            "checksum mismatch: --checksum wants sha256:{}, the download is sha256:{}",
            sha("something else\n"),
            sha("hello over http\n")
        )),
        "{}",
        refused.transcript()
    );
    assert_eq!(
        env.run(&["images", "-a", "-q", "--no-trunc"]).ok().stdout,
        images
    );
    assert_eq!(env.run(&["ps", "-aq"]).ok().stdout, "");
    let tmp = env.data_dir().join("tmp");
    let left: Vec<_> = fs::read_dir(&tmp)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        left.is_empty(),
        "nothing left in the store's work area: {left:?}"
    );

    // An error answer names the status; COPY takes no URL.
    let missing = context(
        &env,
        "addurl-missing",
        &[(
            "Containerfile",
            &format!("FROM {}\nADD {} /x\n", busybox(), server.url("none.txt")),
        )],
    );
    let result = build(&env, &[], &missing);
    result.code_is(125);
    assert!(result.stderr.contains("404"), "{}", result.transcript());
}

#[test]
fn run_binds_a_stage_or_an_image_not_yet_pulled_and_copy_from_pulls_it() {
    let env = with_busybox(user_with_ranges());
    let multilayer = image_ref(testkit::catalog::MULTILAYER);
    use testkit::catalog::multilayer::{KEPT, LAYER2_MARKER, WHITED_OUT};
    env.run(&["image", "exists", &multilayer]).code_is(1);
    let dir = context(
        &env,
        "bindfrom",
        &[(
            "Containerfile",
            &format!(
                "FROM {busybox} AS build\nARG V=one\nRUN mkdir /out && echo $V > /out/result\n\
                 FROM {busybox}\n\
                 RUN --mount=type=bind,from=build,source=/out,target=/in cat /in/result > /copied\n\
                 RUN --mount=type=bind,from={multilayer},target=/ml cat /ml{LAYER2_MARKER} > /marker && test ! -e /ml{WHITED_OUT}\n\
                 COPY --from={multilayer} {KEPT} /kept\n",
                busybox = busybox(),
            ),
        )],
    );
    build(&env, &["-t", "bound"], &dir).ok();
    let check = "cat /copied /marker /kept; ls -d /in /ml 2>&1 | wc -l";
    let run = env.run(&["run", "--rm", "bound", "sh", "-c", check]);
    assert_eq!(
        run.ok().stdout,
        "one\nlayer2\nkept\n2\n",
        "the stage's and the image's files were read; no mount point is left in the image"
    );
    let attached = env.runtime_dir.join("rcon/build-mounts");
    let left: Vec<_> = fs::read_dir(&attached)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "nothing left attached: {left:?}");
    assert_eq!(env.run(&["ps", "-aq"]).ok().stdout, "");

    // The stage changed: the step binding it is not taken from the cache.
    build(&env, &["--build-arg", "V=two", "-t", "bound"], &dir).ok();
    let run = env.run(&["run", "--rm", "bound", "cat", "/copied"]);
    assert_eq!(run.ok().stdout, "two\n");
}

#[test]
fn timestamp_makes_the_same_image_and_intermediate_images_are_hidden() {
    let env = with_busybox(user_with_ranges());
    let dir = context(
        &env,
        "stamped",
        &[
            ("data.txt", "data\n"),
            (
                "Containerfile",
                &format!(
                    "FROM {}\nENV A=1\nRUN mkdir /made && echo made > /made/file\nCOPY data.txt /data.txt\nLABEL step=last\n",
                    busybox()
                ),
            ),
        ],
    );
    let id = |args: &[&str]| {
        let mut all = vec!["--no-cache", "-q"];
        all.extend_from_slice(args);
        common::stdout(&build(&env, &all, &dir))
    };
    let first = id(&["--timestamp", "1700000000", "-t", "stamped"]);
    let second = id(&["--timestamp", "1700000000", "-t", "stamped"]);
    assert_eq!(first, second, "the same inputs and time: the same image");
    let unstamped = id(&["-t", "unstamped"]);
    assert_ne!(unstamped, first);
    let run = env.run(&[
        "run",
        "--rm",
        "stamped",
        "stat",
        "-c",
        "%Y %n",
        "/made",
        "/made/file",
        "/data.txt",
    ]);
    assert_eq!(
        run.ok().stdout,
        "1700000000 /made\n1700000000 /made/file\n1700000000 /data.txt\n"
    );
    let created = env.run(&["image", "inspect", "--format", "{{.Created}}", "stamped"]);
    assert!(
        created.ok().stdout.starts_with("2023-11-14 22:13:20"),
        "{}",
        created.stdout
    );

    // The build's unnamed steps are intermediate: only `images -a` shows them.
    let listed = |args: &[&str]| {
        let mut all = vec!["images", "-q", "--no-trunc"];
        all.extend_from_slice(args);
        let out = common::stdout(&env.run(&all));
        out.lines().map(str::to_string).collect::<Vec<_>>()
    };
    let shown = listed(&[]);
    assert_eq!(shown.len(), 3, "busybox, stamped and unstamped: {shown:?}");
    let every = listed(&["-a"]);
    assert!(every.len() > shown.len() + 4, "{every:?}");
    assert_eq!(
        listed(&["--filter", "intermediate=true"]).len(),
        every.len() - shown.len()
    );
}

#[test]
fn interrupt_during_a_run_stops_it_and_leaves_nothing_half_made() {
    use std::io::{BufRead, BufReader};
    let env = with_busybox(user_with_ranges());
    // The command ignores SIGINT, as a container's PID 1 does anyway.
    let dir = context(
        &env,
        "interrupted",
        &[(
            "Containerfile",
            &format!(
                "FROM {}\nRUN trap '' INT; echo partial > /partial; echo started; sleep 4321\nRUN echo never\n",
                busybox()
            ),
        )],
    );
    let images = env
        .run(&["images", "-a", "-q", "--no-trunc"])
        .ok()
        .stdout
        .clone();
    let mut child = env
        .rcon()
        .args(["build", "-t", "interrupted", dir.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(
        lines.any(|line| line.unwrap() == "started"),
        "the step runs"
    );
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).unwrap();
    let mut ended = None;
    common::eventually("the build ends after SIGINT", || {
        ended = child.try_wait().unwrap();
        ended.is_some()
    });
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(ended.unwrap().code(), Some(130), "{stderr}");
    assert!(stderr.contains("exit status 130"), "{stderr}");
    assert!(!lines.any(|line| line.unwrap().contains("never")));

    // No container, process, image or half-written layer is left.
    assert_eq!(env.run(&["ps", "-aq"]).ok().stdout, "");
    let sleeping = std::process::Command::new("pgrep")
        .args(["-f", "sleep 4321"])
        .output()
        .unwrap();
    assert!(sleeping.stdout.is_empty(), "the step's processes are gone");
    assert_eq!(
        env.run(&["images", "-a", "-q", "--no-trunc"]).ok().stdout,
        images
    );
    env.run(&["image", "exists", "interrupted"]).code_is(1);
    let tmp: Vec<_> = fs::read_dir(env.data_dir().join("tmp"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(tmp.is_empty(), "nothing half-written: {tmp:?}");

    // The next build works.
    fs::write(
        dir.join("Containerfile"),
        format!("FROM {}\nRUN echo after > /after\n", busybox()),
    )
    .unwrap();
    build(&env, &["-t", "interrupted"], &dir).ok();
    let run = env.run(&["run", "--rm", "interrupted", "cat", "/after"]);
    assert_eq!(run.ok().stdout, "after\n");
}
