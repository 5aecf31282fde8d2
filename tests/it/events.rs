//! `rcon events` as an unprivileged user: what each verb records, filters,
//! time windows, following, and the log's privacy.

use std::io::{BufRead, BufReader};
use std::os::unix::fs::MetadataExt;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::common::{TestEnv, image_ref, user_with_ranges, with_busybox};

/// `rcon events --stream=false --format FORMAT EXTRA...`, one string a line.
fn events(env: &TestEnv, format: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["events", "--stream=false", "--format", format];
    args.extend_from_slice(extra);
    let result = env.run(&args);
    result.ok().stdout.lines().map(str::to_string).collect()
}

#[test]
fn every_kind_of_object_records_its_events() {
    let env = with_busybox(user_with_ranges());
    let busybox = image_ref(testkit::catalog::BUSYBOX);
    env.run(&[
        "run", "--rm", "--name", "c1", "--label", "app=web", &busybox, "sh", "-c", "exit 3",
    ])
    .code_is(3);
    let id = env
        .run(&["create", "--name", "c2", &busybox, "true"])
        .ok()
        .stdout
        .clone();
    env.run(&["rm", "c2"]).ok();
    env.run(&["volume", "create", "v1"]).ok();
    env.run(&["volume", "rm", "v1"]).ok();
    env.run(&["network", "create", "n1"]).ok();
    env.run(&["network", "rm", "n1"]).ok();
    env.run(&["tag", &busybox, "localhost/other:1"]).ok();
    env.run(&["untag", &busybox, "localhost/other:1"]).ok();
    // exec joins the container's mount namespace: its event must still
    // reach the user's log, not a path inside the container.
    env.run(&["run", "-d", "--name", "c3", &busybox, "sleep", "1000"])
        .ok();
    env.run(&["exec", "c3", "true"]).ok();
    env.run(&["rm", "-f", "-t", "0", "c3"]).ok();

    let all = events(&env, "{{.Type}} {{.Status}} {{.Name}}", &[]);
    let expected = [
        "container create c1",
        "container init c1",
        "container start c1",
        "container died c1",
        "container cleanup c1",
        "container remove c1",
        "container create c2",
        "container remove c2",
        "volume create v1",
        "volume remove v1",
        "network create ",
        "network remove ",
        "image tag localhost/other:1",
        "image untag localhost/other:1",
        "container exec c3",
    ];
    let mut at = 0;
    for line in &all {
        if at < expected.len() && line.trim_end() == expected[at].trim_end() {
            at += 1;
        }
    }
    assert_eq!(
        at,
        expected.len(),
        "events in order: {expected:?}\ngot:\n{}",
        all.join("\n")
    );

    // The exit code and labels go with the container's end.
    let died = events(
        &env,
        "{{.ContainerExitCode}} {{.Attributes.app}}",
        &["--filter", "container=c1", "--filter", "event=died"],
    );
    assert_eq!(died, ["3 web"]);
    // The default line is Podman's, with the full ID.
    let created = events(
        &env,
        "",
        &["--filter", "container=c2", "--filter", "status=create"],
    );
    assert_eq!(created.len(), 1, "{created:?}");
    assert!(
        created[0].contains(&format!(
            " UTC container create {} (image={busybox}, name=c2",
            id.trim()
        )),
        "{created:?}"
    );
    // The log is the user's alone.
    let log = env.runtime_dir.join("rcon/events/events.log");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().mode() & 0o777;
    assert_eq!(mode(&log), 0o600);
    assert_eq!(mode(log.parent().unwrap()), 0o700);
}

#[test]
fn filters_and_time_windows_select_events() {
    let env = TestEnv::new(user_with_ranges());
    for name in ["foo", "bar", "baz"] {
        env.run(&["volume", "create", name]).ok();
    }
    env.run(&["volume", "rm", "foo"]).ok();
    let names = |extra: &[&str]| events(&env, "{{.Status}} {{.Name}}", extra);
    assert_eq!(
        names(&["--filter", "volume=foo", "--filter", "volume=bar"]),
        ["create foo", "create bar", "remove foo"],
        "the same key: either"
    );
    assert_eq!(
        names(&["--filter", "volume=foo", "--filter", "event=remove"]),
        ["remove foo"],
        "different keys: both"
    );
    assert_eq!(names(&["--filter", "type=image"]), Vec::<String>::new());
    assert_eq!(names(&["--since", "1m"]).len(), 4);
    assert_eq!(
        names(&["--until", "2020-01-01T00:00:00Z"]),
        Vec::<String>::new()
    );
    assert_eq!(names(&["--since", "2099-01-01"]), Vec::<String>::new());
    let json = env.run(&[
        "events",
        "--stream=false",
        "--format",
        "json",
        "--filter",
        "volume=baz",
    ]);
    let event: serde_json::Value = serde_json::from_str(json.ok().stdout.trim()).unwrap();
    assert_eq!(
        (event["Type"].as_str(), event["Name"].as_str()),
        (Some("volume"), Some("baz"))
    );

    env.run(&["events", "--stream=false", "--filter", "colour=red"])
        .code_is(125);
    let none = env.run(&["--events-backend", "none", "events", "--stream=false"]);
    none.code_is(125);
    assert!(
        none.stderr
            .contains("cannot read events with the \"none\" backend")
    );
}

/// A follower shows an event recorded after it has shown the earlier ones.
#[test]
fn follow_shows_events_as_they_are_recorded() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&["volume", "create", "first"]).ok();
    let mut follower = env
        .rcon()
        .args([
            "events",
            "--since",
            "1h",
            "--filter",
            "type=volume",
            "--format",
            "{{.Name}}",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, received) = mpsc::channel();
    let stdout = follower.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if lines.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let next = || {
        received
            .recv_timeout(Duration::from_secs(60))
            .expect("an event line")
    };
    assert_eq!(next(), "first");
    env.run(&["volume", "create", "second"]).ok();
    assert_eq!(next(), "second");
    follower.kill().unwrap();
    follower.wait().unwrap();
}
