//! `rcon run`/`create` flags Podman's scripts use, with Podman's meaning,
//! output and exit codes, run as the unprivileged test user.

mod common;

use common::{TestEnv, image_ref, user_with_ranges};
use testkit::catalog;

/// `rcon run --rm FLAGS IMAGE ARGS...` from the test registry.
fn run(env: &TestEnv, flags: &[&str], args: &[&str]) -> common::RunResult {
    let reference = image_ref(catalog::BUSYBOX);
    let mut all = vec!["run", "--rm", "--tls-verify=false", "-q"];
    all.extend_from_slice(flags);
    all.push(&reference);
    all.extend_from_slice(args);
    env.run(&all)
}

fn stdout(result: &common::RunResult) -> String {
    result.ok().stdout.trim_end().to_string()
}

#[test]
fn short_h_sets_the_hostname_and_long_help_still_helps() {
    let env = TestEnv::new(user_with_ranges());
    assert_eq!(stdout(&run(&env, &["-h", "box2"], &["hostname"])), "box2");
    for verb in ["run", "create"] {
        let help = env.run(&[verb, "--help"]);
        assert!(
            help.ok().stdout.contains("--hostname"),
            "{}",
            help.transcript()
        );
    }
}
