//! `rcon volume create|ls|inspect|rm|prune` as an unprivileged user: what
//! they print, what they leave on disk, and how they fail.

use std::fs;
use std::path::PathBuf;

use crate::common::{RunResult, TestEnv, user_with_ranges};

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
