//! `rcon run -it` driven through a real pty, as a person at a terminal would.

mod common;

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{TestEnv, image_ref, user_with_ranges};
use nix::pty::{Winsize, openpty};
use nix::sys::termios::{LocalFlags, tcgetattr};
use testkit::catalog;

/// Reads from the pty master until `needle` shows up (or time runs out).
fn read_until(master: &mut std::fs::File, seen: &mut String, needle: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut buffer = [0u8; 4096];
    while !seen.contains(needle) && Instant::now() < deadline {
        match master.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
        }
    }
    seen.contains(needle)
}

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
    let size = Winsize {
        ws_row: 31,
        ws_col: 101,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = openpty(Some(&size), None).expect("openpty");
    let before = tcgetattr(&pty.slave).unwrap();
    assert!(
        before.local_flags.contains(LocalFlags::ECHO),
        "a fresh pty echoes"
    );
    let slave: OwnedFd = pty.slave;
    let mut command = env.rcon();
    command
        .args(["run", "--rm", "-it", &image_ref(catalog::BUSYBOX), "sh"])
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave.try_clone().unwrap()));
    let ctty = slave.as_raw_fd();
    // SAFETY: setsid and TIOCSCTTY are async-signal-safe; the fd stays open across fork.
    unsafe {
        command.pre_exec(move || {
            nix::unistd::setsid().map_err(std::io::Error::from)?;
            if libc::ioctl(ctty, libc::TIOCSCTTY, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().expect("starting rcon");
    let mut master = std::fs::File::from(pty.master);
    let mut seen = String::new();
    // Wait for the prompt, so the terminal is raw and the container's shell reads.
    assert!(
        read_until(&mut master, &mut seen, "# "),
        "no prompt: {seen:?}"
    );
    let during = tcgetattr(&slave).unwrap();
    assert!(
        !during.local_flags.contains(LocalFlags::ECHO),
        "rcon puts the caller's terminal in raw mode"
    );
    master
        .write_all(b"echo $((6*7)); stty size; tty; exit 3\r")
        .unwrap();
    assert!(read_until(&mut master, &mut seen, "/dev/pts/"), "{seen:?}");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(3), "{seen}");
    assert!(seen.contains("42"), "{seen}");
    assert!(
        seen.contains("31 101"),
        "the container's terminal has the caller's size: {seen}"
    );
    assert!(
        seen.contains("/dev/pts/0"),
        "a pty of the container's own devpts: {seen}"
    );
    let after = tcgetattr(&slave).unwrap();
    assert_eq!(
        after.local_flags, before.local_flags,
        "the terminal mode is restored"
    );
    assert_eq!(after.input_flags, before.input_flags);
    assert_eq!(after.output_flags, before.output_flags);
}
