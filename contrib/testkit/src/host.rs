//! Small host helpers shared by the test harness: users and subordinate ID
//! ranges, processes (identity by start time, kill, die-with-parent), file
//! locks, program lookup and mount points.

use std::ffi::{CStr, CString};
use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

/// The effective user ID of this process.
pub fn euid() -> u32 {
    // SAFETY: geteuid cannot fail and touches no memory.
    unsafe { libc::geteuid() }
}

pub fn is_root() -> bool {
    euid() == 0
}

/// A user account from the passwd database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passwd {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub home: PathBuf,
}

enum Key<'a> {
    Name(&'a str),
    Uid(u32),
}

fn getpw(key: Key) -> Option<Passwd> {
    let name = match key {
        Key::Name(name) => Some(CString::new(name).ok()?),
        Key::Uid(_) => None,
    };
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: `pwd` and `buf` outlive the call; getpw*_r writes only into
        // them and sets `result` to null or to `&pwd`.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = unsafe {
            match (&key, &name) {
                (Key::Name(_), Some(name)) => libc::getpwnam_r(
                    name.as_ptr(),
                    &mut pwd,
                    buf.as_mut_ptr().cast(),
                    buf.len(),
                    &mut result,
                ),
                (Key::Uid(uid), _) => libc::getpwuid_r(
                    *uid,
                    &mut pwd,
                    buf.as_mut_ptr().cast(),
                    buf.len(),
                    &mut result,
                ),
                (Key::Name(_), None) => unreachable!(),
            }
        };
        if rc == libc::ERANGE && buf.len() < (1 << 20) {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if rc != 0 || result.is_null() {
            return None;
        }
        // SAFETY: on success the string fields point into `buf`, NUL-terminated.
        let text =
            |p: *const libc::c_char| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
        return Some(Passwd {
            name: text(pwd.pw_name),
            uid: pwd.pw_uid,
            gid: pwd.pw_gid,
            home: PathBuf::from(text(pwd.pw_dir)),
        });
    }
}

/// Looks a user up by name (through NSS, like `getent passwd NAME`).
pub fn user_by_name(name: &str) -> Option<Passwd> {
    getpw(Key::Name(name))
}

/// Looks a user up by UID.
pub fn user_by_uid(uid: u32) -> Option<Passwd> {
    getpw(Key::Uid(uid))
}

/// One line of `/etc/subuid` or `/etc/subgid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubIdRange {
    pub start: u64,
    pub count: u64,
}

impl SubIdRange {
    /// The first ID after the range.
    pub fn end(&self) -> u64 {
        self.start + self.count
    }
}

/// Every `NAME:START:COUNT` line of `file` (`/etc/subuid` or `/etc/subgid`),
/// with the name of the user who owns it (a name or a numeric UID, as written).
/// A missing file has no ranges.
pub fn subid_file(file: &Path) -> Result<Vec<(String, SubIdRange)>> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("reading {}", file.display())),
    };
    let mut ranges = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split(':');
        let (Some(owner), Some(start), Some(count)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        if let (Ok(start), Ok(count)) = (start.parse(), count.parse()) {
            ranges.push((owner.to_string(), SubIdRange { start, count }));
        }
    }
    Ok(ranges)
}

/// The ranges of `file` that belong to `user` (listed by name or by UID).
pub fn subid_ranges(file: &Path, user: &Passwd) -> Result<Vec<SubIdRange>> {
    let uid = user.uid.to_string();
    Ok(subid_file(file)?
        .into_iter()
        .filter(|(owner, _)| *owner == user.name || *owner == uid)
        .map(|(_, range)| range)
        .collect())
}

/// The start time of process `pid` (clock ticks after boot, field 22 of
/// `/proc/PID/stat`), which tells a process from a later one with its PID.
pub fn process_start_time(pid: i32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses: skip past
    // its last ')'. The next field is field 3.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(22 - 3)?.parse().ok()
}

/// True while process `pid` exists (and, if `start_time` is given, is still
/// the process that started then). Zombies count as gone.
pub fn process_alive(pid: i32, start_time: Option<u64>) -> bool {
    if pid <= 0 {
        return false;
    }
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    let state = stat
        .rfind(')')
        .and_then(|i| stat[i + 1..].split_whitespace().next());
    if matches!(state, Some("Z" | "X")) {
        return false;
    }
    match start_time {
        Some(start) => process_start_time(pid) == Some(start),
        None => true,
    }
}

/// Sends SIGKILL to `pid` if it is alive (and is the one that started at
/// `start_time`, if given). True if a signal was sent.
pub fn kill_process(pid: i32, start_time: Option<u64>) -> bool {
    if !process_alive(pid, start_time) {
        return false;
    }
    // SAFETY: kill has no memory effects.
    unsafe { libc::kill(pid, libc::SIGKILL) == 0 }
}

/// Makes the child of `command` receive SIGKILL when the *thread* that spawns
/// it exits (Linux `PR_SET_PDEATHSIG`); spawn from a thread that lives as long
/// as the child should. If the parent is already gone by the time the child
/// runs, the child exits at once.
pub fn die_with_parent(command: &mut Command) {
    // SAFETY: getpid is async-signal-safe.
    let parent = unsafe { libc::getpid() };
    // SAFETY: the closure only makes async-signal-safe system calls.
    unsafe {
        command.pre_exec(move || {
            if libc::prctl(
                libc::PR_SET_PDEATHSIG,
                libc::SIGKILL as libc::c_ulong,
                0,
                0,
                0,
            ) != 0
            {
                return Err(io::Error::last_os_error());
            }
            if libc::getppid() != parent {
                libc::_exit(1);
            }
            Ok(())
        });
    }
}

/// An exclusive `flock` on `path` (created if missing, mode 0666 so that
/// other users can take it too), held until the returned file is dropped.
pub fn lock_file(path: &Path) -> Result<File> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .with_context(|| format!("opening lock file {}", path.display()))?;
    let _ = file.set_permissions(std::fs::Permissions::from_mode(0o666));
    loop {
        // SAFETY: flock on a descriptor we own.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
            return Ok(file);
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err).with_context(|| format!("locking {}", path.display()));
        }
    }
}

/// The first executable file called `name` in the `:`-separated `path`.
pub fn find_program(name: &str, path: &str) -> Option<PathBuf> {
    path.split(':')
        .filter(|dir| !dir.is_empty())
        .map(|dir| Path::new(dir).join(name))
        .find(|candidate| {
            std::fs::metadata(candidate)
                .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
                .unwrap_or(false)
        })
}

/// Mount points at or below `dir` in this process's mount namespace.
pub fn mount_points_under(dir: &Path) -> Vec<PathBuf> {
    let Ok(mountinfo) = std::fs::read("/proc/self/mountinfo") else {
        return Vec::new();
    };
    mountinfo
        .split(|&b| b == b'\n')
        .filter_map(|line| line.split(|&b| b == b' ').nth(4))
        .map(|field| PathBuf::from(std::ffi::OsStr::from_bytes(&unescape_mountinfo(field))))
        .filter(|mount| mount.starts_with(dir))
        .collect()
}

/// Undoes mountinfo's octal escapes (`\040` for a space, ...).
fn unescape_mountinfo(field: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(field.len());
    let mut i = 0;
    while i < field.len() {
        if field[i] == b'\\'
            && i + 3 < field.len()
            && field[i + 1..i + 4]
                .iter()
                .all(|b| (b'0'..=b'7').contains(b))
        {
            out.push(
                (field[i + 1] - b'0') * 64 + (field[i + 2] - b'0') * 8 + (field[i + 3] - b'0'),
            );
            i += 4;
        } else {
            out.push(field[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_process() {
        let pid = std::process::id() as i32;
        let start = process_start_time(pid).expect("own start time");
        assert!(process_alive(pid, Some(start)));
        assert!(!process_alive(pid, Some(start + 1)));
        assert!(!process_alive(-1, None));
    }

    #[test]
    fn root_user() {
        let root = user_by_uid(0).expect("uid 0 exists");
        assert_eq!(root.name, "root");
        assert_eq!(user_by_name("root").unwrap().uid, 0);
        assert!(user_by_name("no-such-user-rcon").is_none());
    }

    #[test]
    fn subid_parsing() {
        let dir = crate::tmp::ScratchDir::new("rcon-testkit-unit", 0o700).unwrap();
        let file = dir.path().join("subuid");
        std::fs::write(
            &file,
            "alice:100000:65536\n# comment\n1000:200000:10\nbad\n",
        )
        .unwrap();
        let alice = Passwd {
            name: "alice".into(),
            uid: 1000,
            gid: 1000,
            home: "/".into(),
        };
        assert_eq!(
            subid_ranges(&file, &alice).unwrap(),
            [
                SubIdRange {
                    start: 100000,
                    count: 65536
                },
                SubIdRange {
                    start: 200000,
                    count: 10
                }
            ]
        );
        assert!(
            subid_ranges(&dir.path().join("missing"), &alice)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn mountinfo_escapes() {
        assert_eq!(unescape_mountinfo(br"/a\040b"), b"/a b");
        assert_eq!(unescape_mountinfo(br"/a\04"), br"/a\04");
        assert!(mount_points_under(Path::new("/")).contains(&PathBuf::from("/")));
    }

    #[test]
    fn programs() {
        assert!(find_program("sh", "/nonexistent:/bin:/usr/bin").is_some());
        assert!(find_program("no-such-program-rcon", "/bin:/usr/bin").is_none());
    }
}
