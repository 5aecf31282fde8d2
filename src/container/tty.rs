//! The host terminal during `run -t`: raw mode for the session, the window
//! size, and the detach keys (`ctrl-p,ctrl-q` unless `--detach-keys`).

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use nix::pty::Winsize;
use nix::sys::termios::{self, SetArg, Termios};

/// The terminal in raw mode; its earlier mode comes back on drop.
///
/// Holds its own duplicate of the descriptor, so it stays valid whatever
/// happens to the caller's. For a signal handler, [`RawTerminal::saved`]
/// gives the saved mode as a plain `libc::termios`, which
/// `libc::tcsetattr` (async-signal-safe) can put back.
pub struct RawTerminal {
    fd: OwnedFd,
    saved: Termios,
}

impl RawTerminal {
    /// Saves the mode of the terminal on `fd` and switches it to raw
    /// (`cfmakeraw`: no echo, no line editing, no signals from keys, 8 bit).
    pub fn enter(fd: impl AsFd) -> nix::Result<RawTerminal> {
        let fd = fd
            .as_fd()
            .try_clone_to_owned()
            .map_err(|e| nix::Error::from_raw(e.raw_os_error().unwrap_or(libc::EBADF)))?;
        let saved = termios::tcgetattr(&fd)?;
        let mut raw = saved.clone();
        termios::cfmakeraw(&mut raw);
        termios::tcsetattr(&fd, SetArg::TCSANOW, &raw)?;
        Ok(RawTerminal { fd, saved })
    }

    /// The mode to restore.
    pub fn saved(&self) -> libc::termios {
        self.saved.clone().into()
    }

    /// The terminal's descriptor (the guard's own duplicate).
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }

    /// Puts the saved mode back now (drop does it again, harmlessly).
    pub fn restore(&self) -> nix::Result<()> {
        // TCSADRAIN: let output already written reach the terminal in raw
        // mode before line discipline comes back.
        termios::tcsetattr(&self.fd, SetArg::TCSADRAIN, &self.saved)
    }
}

impl Drop for RawTerminal {
    fn drop(&mut self) {
        if let Err(e) = self.restore() {
            log::warn!(
                "restoring the terminal mode of fd {}: {e}; run `reset` if it misbehaves",
                self.fd.as_raw_fd()
            );
        }
    }
}

nix::ioctl_read_bad!(tiocgwinsz, libc::TIOCGWINSZ, Winsize);
nix::ioctl_write_ptr_bad!(tiocswinsz, libc::TIOCSWINSZ, Winsize);

/// The window size of the terminal on `fd`.
pub fn window_size(fd: impl AsFd) -> nix::Result<Winsize> {
    let mut size = Winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one `struct winsize` through the pointer,
    // which points at a live, writable Winsize (the same layout).
    unsafe { tiocgwinsz(fd.as_fd().as_raw_fd(), &mut size) }?;
    Ok(size)
}

/// Sets the window size of the terminal on `fd` (the container's pty), which
/// sends SIGWINCH to its foreground process group.
pub fn set_window_size(fd: impl AsFd, size: &Winsize) -> nix::Result<()> {
    // SAFETY: TIOCSWINSZ reads one `struct winsize` from the pointer, which
    // points at a live Winsize (the same layout).
    unsafe { tiocswinsz(fd.as_fd().as_raw_fd(), size) }?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid detach keys {spec:?}: {key:?} is not a key; use a single character or ctrl-<a-z, @, [, \\, ], ^, _>, comma separated (e.g. ctrl-p,ctrl-q), or \"\" to disable detaching"
)]
pub struct DetachKeysError {
    pub spec: String,
    pub key: String,
}

impl crate::util::exit::ExitCode for DetachKeysError {}

/// What the input byte means for the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// Forward these bytes to the container (held bytes of a sequence that
    /// broke off, then maybe this one).
    Pass(Vec<u8>),
    /// Part of the detach sequence so far: hold it.
    Pending,
    /// The whole sequence was typed: detach (its bytes are not forwarded).
    Detach,
}

/// The detach sequence and how much of it has been typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetachKeys {
    sequence: Vec<u8>,
    held: Vec<u8>,
}

impl DetachKeys {
    /// Podman's default, `ctrl-p,ctrl-q`.
    pub const DEFAULT: &'static str = "ctrl-p,ctrl-q";

    /// Docker's grammar: comma-separated keys, each a single character or
    /// `ctrl-` and one of `a`-`z`, `@`, `[`, `\`, `]`, `^`, `_`. The empty
    /// string disables detaching.
    pub fn parse(spec: &str) -> Result<DetachKeys, DetachKeysError> {
        let mut sequence = Vec::new();
        if !spec.is_empty() {
            for key in spec.split(',') {
                let byte = match key.as_bytes() {
                    [single] => Some(*single),
                    _ => key
                        .to_ascii_lowercase()
                        .strip_prefix("ctrl-")
                        .and_then(|rest| match rest.as_bytes() {
                            [c @ b'a'..=b'z'] => Some(c - b'a' + 1),
                            [b'@'] => Some(0),
                            [c @ (b'[' | b'\\' | b']' | b'^' | b'_')] => Some(c - b'@'),
                            _ => None,
                        }),
                };
                sequence.push(byte.ok_or_else(|| DetachKeysError {
                    spec: spec.to_string(),
                    key: key.to_string(),
                })?);
            }
        }
        Ok(DetachKeys {
            sequence,
            held: Vec::new(),
        })
    }

    /// The bytes of the sequence.
    pub fn sequence(&self) -> &[u8] {
        &self.sequence
    }

    /// Feeds one byte typed by the user.
    pub fn feed(&mut self, byte: u8) -> Match {
        if self.sequence.is_empty() {
            return Match::Pass(vec![byte]);
        }
        self.held.push(byte);
        // Forward from the front until what is held is again a start of the
        // sequence, so `ctrl-p ctrl-p ctrl-q` still detaches.
        let mut pass = Vec::new();
        while !self.sequence.starts_with(&self.held) {
            pass.push(self.held.remove(0));
        }
        if self.held.len() == self.sequence.len() {
            self.held.clear();
            return Match::Detach;
        }
        if pass.is_empty() {
            Match::Pending
        } else {
            Match::Pass(pass)
        }
    }

    /// Feeds one read of typed input: the bytes to forward, and whether
    /// the sequence completed (what followed it in the read is dropped).
    pub fn filter(&mut self, input: &[u8]) -> (Vec<u8>, bool) {
        let mut pass = Vec::with_capacity(input.len());
        for &byte in input {
            match self.feed(byte) {
                Match::Pass(bytes) => pass.extend(bytes),
                Match::Pending => {}
                Match::Detach => return (pass, true),
            }
        }
        (pass, false)
    }

    /// The bytes held of an unfinished sequence (to forward when input ends).
    pub fn take_held(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.held)
    }
}

#[cfg(test)]
mod tests {
    use std::os::fd::AsFd;

    use nix::pty::openpty;
    use nix::sys::termios::{LocalFlags, tcgetattr};

    use super::*;

    #[test]
    fn detach_keys_parse_dockers_grammar() {
        assert_eq!(
            DetachKeys::parse("ctrl-p,ctrl-q").unwrap().sequence(),
            [16, 17]
        );
        assert_eq!(
            DetachKeys::parse("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_")
                .unwrap()
                .sequence(),
            [0, 27, 28, 29, 30, 31]
        );
        assert_eq!(
            DetachKeys::parse("a,CTRL-A,Z").unwrap().sequence(),
            [b'a', 1, b'Z']
        );
        assert!(DetachKeys::parse("").unwrap().sequence().is_empty());
        for (spec, key) in [
            ("ctrl-1", "ctrl-1"),
            ("ctrl-p,,ctrl-q", ""),
            ("ab", "ab"),
            ("ctrl-", "ctrl-"),
            ("ctrl-pq", "ctrl-pq"),
        ] {
            assert_eq!(
                DetachKeys::parse(spec),
                Err(DetachKeysError {
                    spec: spec.into(),
                    key: key.into()
                })
            );
        }
    }

    fn feed_all(keys: &mut DetachKeys, bytes: &[u8]) -> Vec<Match> {
        bytes.iter().map(|&b| keys.feed(b)).collect()
    }

    #[test]
    fn matcher_holds_forwards_and_detaches() {
        let mut keys = DetachKeys::parse(DetachKeys::DEFAULT).unwrap();
        assert_eq!(
            feed_all(&mut keys, b"a\x10\x11"),
            [Match::Pass(b"a".to_vec()), Match::Pending, Match::Detach]
        );
        // A broken sequence forwards what was held with the byte that broke it.
        assert_eq!(
            feed_all(&mut keys, b"\x10x"),
            [Match::Pending, Match::Pass(b"\x10x".to_vec())]
        );
        // ctrl-p twice: the first is forwarded, the second may still start a detach.
        assert_eq!(
            feed_all(&mut keys, b"\x10\x10\x11"),
            [Match::Pending, Match::Pass(b"\x10".to_vec()), Match::Detach]
        );
        assert_eq!(feed_all(&mut keys, b"\x10"), [Match::Pending]);
        assert_eq!(keys.take_held(), b"\x10");
        assert_eq!(feed_all(&mut keys, b"q"), [Match::Pass(b"q".to_vec())]);

        let mut overlapping = DetachKeys::parse("a,a,b").unwrap();
        assert_eq!(
            feed_all(&mut overlapping, b"aaab"),
            [
                Match::Pending,
                Match::Pending,
                Match::Pass(b"a".to_vec()),
                Match::Detach
            ]
        );
        let mut disabled = DetachKeys::parse("").unwrap();
        assert_eq!(
            feed_all(&mut disabled, b"\x10\x11"),
            [Match::Pass(vec![0x10]), Match::Pass(vec![0x11])]
        );
    }

    #[test]
    fn raw_mode_is_set_and_restored_on_a_real_pty() {
        let pty = openpty(None, None).expect("openpty");
        let before = tcgetattr(pty.slave.as_fd()).unwrap();
        assert!(
            before
                .local_flags
                .contains(LocalFlags::ICANON | LocalFlags::ECHO)
        );
        let raw = RawTerminal::enter(pty.slave.as_fd()).unwrap();
        let during = tcgetattr(pty.slave.as_fd()).unwrap();
        assert!(
            !during
                .local_flags
                .intersects(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG)
        );
        let saved = raw.saved();
        assert_eq!(saved.c_lflag, libc::termios::from(before.clone()).c_lflag);
        drop(raw);
        let after = tcgetattr(pty.slave.as_fd()).unwrap();
        assert_eq!(libc::termios::from(after), libc::termios::from(before));
    }

    #[test]
    fn window_size_round_trips_on_a_real_pty() {
        let pty = openpty(None, None).expect("openpty");
        let size = Winsize {
            ws_row: 42,
            ws_col: 133,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        set_window_size(pty.master.as_fd(), &size).unwrap();
        let read = window_size(pty.slave.as_fd()).unwrap();
        assert_eq!((read.ws_row, read.ws_col), (42, 133));
        assert!(window_size(std::fs::File::open("/dev/null").unwrap()).is_err());
    }
}
