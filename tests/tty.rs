//! `rcon run -it` driven through a real pty, as a person at a terminal would.

mod common;

use common::pty::Pty;
use common::{TestEnv, image_ref, user_with_ranges};
use nix::sys::termios::{LocalFlags, tcgetattr};
use testkit::catalog;

#[test]
fn run_it_gives_a_terminal_with_the_callers_size_and_restores_the_mode() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&[
        "pull",
        "-q",
        "--tls-verify=false",
        &image_ref(catalog::BUSYBOX),
    ])
    .ok();
    let mut pty = Pty::open(31, 101);
    let before = tcgetattr(&pty.slave).unwrap();
    assert!(
        before.local_flags.contains(LocalFlags::ECHO),
        "a fresh pty echoes"
    );
    let mut command = env.rcon();
    command.args(["run", "--rm", "-it", &image_ref(catalog::BUSYBOX), "sh"]);
    let (code, seen) = pty.shell_session(&mut command, |pty| {
        let during = tcgetattr(&pty.slave).unwrap();
        assert!(
            !during.local_flags.contains(LocalFlags::ECHO),
            "rcon puts the caller's terminal in raw mode"
        );
    });
    assert_eq!(code, Some(3), "{seen}");
    assert!(
        seen.contains("31 101"),
        "the container's terminal has the caller's size: {seen}"
    );
    assert!(
        seen.contains("/dev/pts/0"),
        "a pty of the container's own devpts: {seen}"
    );
    let after = tcgetattr(&pty.slave).unwrap();
    assert_eq!(
        after.local_flags, before.local_flags,
        "the terminal mode is restored"
    );
    assert_eq!(after.input_flags, before.input_flags);
    assert_eq!(after.output_flags, before.output_flags);
}
