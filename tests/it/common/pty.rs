//! A real pseudo-terminal for driving rcon as a person at a terminal would:
//! the slave end becomes the command's controlling terminal and standard
//! streams, the test reads and types through the master.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::pty::{Winsize, openpty};

pub struct Pty {
    pub master: File,
    pub slave: OwnedFd,
}

impl Pty {
    /// A new pty of `rows` × `cols`.
    pub fn open(rows: u16, cols: u16) -> Pty {
        let size = Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let pty = openpty(Some(&size), None).expect("openpty");
        Pty {
            master: File::from(pty.master),
            slave: pty.slave,
        }
    }

    /// Gives the terminal a new size: the kernel sends SIGWINCH to the
    /// slave's foreground process group, as a terminal window does.
    pub fn set_size(&self, rows: u16, cols: u16) {
        let size = Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCSWINSZ reads one winsize from a live value.
        let set = unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
        assert_eq!(set, 0, "TIOCSWINSZ: {}", std::io::Error::last_os_error());
    }

    /// Makes the slave `command`'s stdin, stdout, stderr and controlling terminal.
    pub fn attach(&self, command: &mut Command) {
        let stream = || Stdio::from(self.slave.try_clone().expect("dup of the pty slave"));
        command.stdin(stream()).stdout(stream()).stderr(stream());
        let ctty = self.slave.as_raw_fd();
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
    }

    /// Reads from the master into `seen` until `needle` shows up (or a
    /// minute passes, or the terminal closes); true when it did.
    pub fn read_until(&mut self, seen: &mut String, needle: &str) -> bool {
        self.read_until_within(seen, needle, Duration::from_secs(60))
    }

    /// [`Pty::read_until`] giving up after `limit` without output, for
    /// input that must be typed again (a change the container may not
    /// have yet).
    pub fn read_until_within(&mut self, seen: &mut String, needle: &str, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        let mut buffer = [0u8; 4096];
        while !seen.contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            let mut ready = [libc::pollfd {
                fd: self.master.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            }];
            // SAFETY: poll reads and writes the one pollfd we own.
            if left.is_zero()
                || unsafe { libc::poll(ready.as_mut_ptr(), 1, left.as_millis() as i32) } <= 0
            {
                break;
            }
            match self.master.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
            }
        }
        seen.contains(needle)
    }

    /// What the terminal has shown and not yet been read, without waiting
    /// (for output of a command that has already exited).
    pub fn read_available(&mut self) -> String {
        let fd = self.master.as_raw_fd();
        // SAFETY: fcntl on a descriptor this Pty owns.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        unsafe { libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) };
        let mut seen = String::new();
        let mut buffer = [0u8; 4096];
        while let Ok(n @ 1..) = self.master.read(&mut buffer) {
            seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
        // SAFETY: as above.
        unsafe { libc::fcntl(fd, libc::F_SETFL, flags) };
        seen
    }

    /// Runs `command` (an interactive busybox `sh` in a container) on this
    /// terminal: waits for its prompt, calls `at_prompt`, then types a line
    /// that prints 42, the terminal's size and name, and exits 3. Returns
    /// the exit code and everything the terminal showed.
    pub fn shell_session(
        &mut self,
        command: &mut Command,
        at_prompt: impl FnOnce(&Pty),
    ) -> (Option<i32>, String) {
        self.attach(command);
        let mut child = command.spawn().expect("starting rcon");
        let mut seen = String::new();
        // Wait for the prompt, so the terminal is raw and the container's shell reads.
        assert!(self.read_until(&mut seen, "# "), "no prompt: {seen:?}");
        at_prompt(self);
        self.master
            .write_all(b"echo $((6*7)); stty size; tty; exit 3\r")
            .unwrap();
        assert!(self.read_until(&mut seen, "/dev/pts/"), "{seen:?}");
        let status = child.wait().unwrap();
        assert!(seen.contains("42"), "{seen}");
        (status.code(), seen)
    }
}
