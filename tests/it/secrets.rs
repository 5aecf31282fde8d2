//! Secrets as the unprivileged test user: `rcon secret` and its outputs and
//! exit codes, `run --secret` as a file and as a variable, and the hostile
//! views: another local user, `inspect`, argv, the debug log, `commit` and
//! `export` never see a secret's data.

use crate::common::{
    TestEnv, image_ref, run_detached, run_image, stdout, user_with_ranges, user_without_ranges,
};

const DATA: &str = "hunter2-the-secret";

/// A test user's env with secret `name` holding [`DATA`], made from stdin.
fn with_secret(name: &str) -> TestEnv {
    let env = TestEnv::new(user_with_ranges());
    let made = env.run_with_input(&["secret", "create", name, "-"], DATA.as_bytes());
    assert_eq!(made.ok().stdout.trim().len(), 25, "{}", made.transcript());
    env
}

fn busybox() -> String {
    image_ref(testkit::catalog::BUSYBOX)
}

/// `rcon run --rm FLAGS busybox ARGS` as the env's user.
fn run(env: &TestEnv, flags: &[&str], args: &[&str]) -> crate::common::RunResult {
    let flags = [&["--rm"][..], flags].concat();
    run_image(env, &flags, testkit::catalog::BUSYBOX, args)
}

#[test]
fn secret_verbs_print_and_exit_as_podman() {
    let env = with_secret("db");
    let id = env.run(&["secret", "inspect", "--format", "{{.ID}}", "db"]);
    let id = id.ok().stdout.trim().to_string();
    let ls = env.run(&["secret", "ls"]);
    let lines: Vec<&str> = ls.ok().stdout.lines().collect();
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("NAME"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with(&id) && lines[1].contains(" db "),
        "{lines:?}"
    );
    let names = env.run(&["secret", "ls", "--format", "{{.Name}} {{.Driver}}"]);
    assert_eq!(names.ok().stdout, "db file\n");
    let inspect = env.run(&["secret", "inspect", "db"]);
    let json: serde_json::Value = serde_json::from_str(&inspect.ok().stdout).unwrap();
    assert_eq!(json[0]["Spec"]["Name"], "db");
    assert_eq!(json[0]["Spec"]["Driver"]["Name"], "file");
    assert!(!inspect.stdout.contains(DATA));
    env.run(&["secret", "exists", "db"]).code_is(0);
    env.run(&["secret", "exists", &id[..8]]).code_is(0);
    env.run(&["secret", "exists", "nope"]).code_is(1);
    let again = env.run_with_input(&["secret", "create", "db", "-"], b"x");
    again.code_is(125);
    assert_eq!(again.stderr.trim(), "Error: db: secret name in use");
    // --replace keeps the ID and takes the new data.
    let replaced = env.run_with_input(&["secret", "create", "--replace", "db", "-"], b"v2");
    assert_eq!(replaced.ok().stdout.trim(), id);
    let bad = env.run_with_input(&["secret", "create", "a/b", "-"], b"x");
    bad.code_is(125);
    assert!(
        bad.stderr.contains("invalid secret name"),
        "{}",
        bad.transcript()
    );
    env.run_with_input(&["secret", "create", "empty", "-"], b"")
        .code_is(125);
    env.run(&["secret", "create", "--driver", "pass", "p", "/etc/hostname"])
        .code_is(125);
    let missing = env.run(&["secret", "inspect", "nope"]);
    missing.code_is(125);
    assert!(
        missing.stderr.contains("no such secret"),
        "{}",
        missing.transcript()
    );
    env.run(&["secret", "rm", "nope"]).code_is(125);
    env.run(&["secret", "rm", "--ignore", "nope"]).code_is(0);
    assert_eq!(env.run(&["secret", "rm", "db"]).ok().stdout.trim(), id);
    env.run(&["secret", "exists", "db"]).code_is(1);
}

#[test]
fn a_secret_is_a_read_only_file_or_a_variable_and_nowhere_else() {
    let env = with_secret("token");
    let file = run(
        &env,
        &["--secret", "token"],
        &[
            "sh",
            "-c",
            "cat /run/secrets/token; stat -c ' %a %u' /run/secrets/token; echo x > /run/secrets/token || echo refused",
        ],
    );
    assert_eq!(stdout(&file), format!("{DATA} 444 0\nrefused"));
    let placed = run(
        &env,
        &[
            "--secret",
            "token,target=/etc/app/key,uid=7,gid=8,mode=0400",
        ],
        &["stat", "-c", "%a %u %g", "/etc/app/key"],
    );
    assert_eq!(stdout(&placed), "400 7 8");
    let variable = run(
        &env,
        &[
            "--log-level",
            "debug",
            "--secret",
            "token,type=env,target=API_TOKEN",
        ],
        &["sh", "-c", "echo $API_TOKEN"],
    );
    assert_eq!(stdout(&variable), DATA);
    assert!(
        !variable.stderr.contains(DATA),
        "logged: {}",
        variable.transcript()
    );
    // A running container with both: its record, inspect and every
    // process's argv hold no data.
    let id = run_detached(
        &env,
        &[
            "--name",
            "holder",
            "--secret",
            "token",
            "--secret",
            "token,type=env",
        ],
        &["sleep", "600"],
    );
    let inspect = env.run(&["inspect", "holder"]);
    assert!(!inspect.ok().stdout.contains(DATA), "{}", inspect.stdout);
    let secrets = env.run(&[
        "inspect",
        "--format",
        "{{range .Config.Secrets}}{{.Name}} {{end}}",
        "holder",
    ]);
    assert_eq!(secrets.ok().stdout.trim(), "token token");
    let record = std::fs::read_to_string(
        env.data_dir()
            .join("containers")
            .join(&id)
            .join("container.json"),
    )
    .unwrap();
    assert!(!record.contains(DATA));
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&cmdline).contains(DATA),
            "in the argv of {:?}",
            entry.path()
        );
    }
    let exec = env.run(&["exec", "holder", "cat", "/run/secrets/token"]);
    assert_eq!(exec.ok().stdout, DATA);
    // Gone from the runtime dir with the container.
    env.run(&["rm", "-f", "-t", "0", "holder"]).ok();
    let leftovers = env
        .command_as_user("grep")
        .args(["-rl", DATA])
        .arg(&env.runtime_dir)
        .output()
        .unwrap();
    assert!(
        leftovers.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&leftovers.stdout)
    );
}

#[test]
fn another_local_user_cannot_read_a_secret_or_its_copies() {
    let env = with_secret("mine");
    run_detached(
        &env,
        &["--name", "holder", "--secret", "mine"],
        &["sleep", "600"],
    );
    let other = TestEnv::new(user_without_ranges());
    for place in [env.data_dir(), env.runtime_dir.clone()] {
        let grep = other
            .command_as_user("grep")
            .args(["-r", DATA])
            .arg(&place)
            .output()
            .unwrap();
        assert!(grep.stdout.is_empty(), "{} read it", other.user.name);
        assert_ne!(grep.status.code(), Some(0));
    }
    // The store's copy: 0600 in 0700 directories.
    let store = env.data_dir().join("secrets");
    let mode = |p: &std::path::Path| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    };
    assert_eq!(mode(&store), 0o700);
    for file in std::fs::read_dir(store.join("filedriver"))
        .unwrap()
        .flatten()
    {
        assert_eq!(mode(&file.path()), 0o600, "{}", file.path().display());
    }
}

#[test]
fn commit_and_export_of_a_container_with_a_mounted_secret_do_not_carry_it() {
    let env = with_secret("key");
    run_detached(
        &env,
        &[
            "--name",
            "holder",
            "--secret",
            "key",
            "--secret",
            "key,target=/etc/key",
        ],
        &["sh", "-c", "echo mine > /made-here; sleep 600"],
    );
    env.run(&["commit", "-q", "holder", "committed"]).ok();
    let diff = env.run(&["diff", "holder"]);
    assert!(
        !diff.ok().stdout.contains("secrets") && !diff.stdout.contains("/etc/key"),
        "{}",
        diff.stdout
    );
    let inside = env.run(&[
        "run",
        "--rm",
        "committed",
        "sh",
        "-c",
        "cat /made-here; cat /run/secrets/key /etc/key 2>/dev/null; true",
    ]);
    assert_eq!(stdout(&inside), "mine");
    // The whole tree, uncompressed: not a byte of the secret.
    let export = env.run(&["export", "holder"]);
    assert!(export.ok().stdout.contains("made-here"));
    assert!(!export.stdout.contains(DATA), "export carries the secret");
}

#[test]
fn run_refuses_an_unknown_or_malformed_secret_before_creating_anything() {
    let env = with_secret("s1");
    for (spec, needle) in [
        ("nope", "no secret with name or id \"nope\": no such secret"),
        ("s1,type=bogus", "type bogus is invalid: parsing secret"),
        ("s1,type=env,uid=3", "cannot be set with secret type env"),
        ("s1,foo=bar", "option foo=bar invalid"),
    ] {
        let result = env.run(&[
            "create",
            "--tls-verify=false",
            "--name",
            "never",
            "--secret",
            spec,
            &busybox(),
        ]);
        result.code_is(125);
        assert!(result.stderr.contains(needle), "{}", result.transcript());
    }
    env.run(&["container", "exists", "never"]).code_is(1);
    // A secret removed after create: the start says which.
    crate::common::create(&env, &["--name", "later", "--secret", "s1"], &["true"]);
    env.run(&["secret", "rm", "s1"]).ok();
    let start = env.run(&["start", "-a", "later"]);
    start.code_is(125);
    assert!(start.stderr.contains("secret s1"), "{}", start.transcript());
}
