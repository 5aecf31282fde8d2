//! Small process helpers shared by the modules that fork.

use std::ffi::CStr;
use std::marker::PhantomData;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};

use nix::errno::Errno;
use nix::sys::socket::{self, ControlMessage, ControlMessageOwned, MsgFlags};

/// Proof that this process has one thread, which `fork` (when the child
/// runs ordinary Rust code, as rcon's do), `clone` and `setns` into a user
/// or mount namespace need: every function that does one of those takes it
/// by reference. There is one per process, claimed in `main` before anything
/// can start a thread; it is neither `Send` nor `Sync`, so no other thread
/// can hold it, and nothing that keeps threads running (the API service) is
/// handed one.
#[derive(Debug)]
pub struct SingleThreaded {
    _not_send: PhantomData<*const ()>,
}

static CLAIMED: AtomicBool = AtomicBool::new(false);

impl SingleThreaded {
    /// The process's token, first thing in `main`; `None` when it was
    /// claimed before. (A forked child goes on with its parent's.)
    pub fn claim() -> Option<SingleThreaded> {
        (!CLAIMED.swap(true, Ordering::SeqCst)).then_some(SingleThreaded {
            _not_send: PhantomData,
        })
    }
}

/// `--preserve-fds N`: descriptors 3 to 3+N-1 must be ones this process
/// was given by its caller, not closed and not rcon's own (every descriptor
/// rcon opens is close-on-exec; an inherited one is not). Podman's words.
pub fn check_inherited_fds(count: u32) -> Result<(), String> {
    for fd in (3..).take(count as usize) {
        // SAFETY: F_GETFD only reads the flags of a descriptor number.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
        if flags < 0 || flags & libc::FD_CLOEXEC != 0 {
            return Err(format!(
                "file descriptor {fd} is not available - the preserve-fds option requires that file descriptors must be passed"
            ));
        }
    }
    Ok(())
}

/// Ends a forked child at once: no atexit handlers, no flushing of buffers
/// that still hold the parent's output.
pub fn exit_forked_child(code: i32) -> ! {
    // SAFETY: _exit takes no pointers and never returns.
    unsafe { libc::_exit(code) }
}

/// Makes a process forked from rcon without exec show `title` in `ps`, as
/// its name (comm) and as its whole command line. Such a process keeps the
/// argv of the command that forked it for as long as it lives, and
/// /proc/PID/cmdline is readable by every local user: `rcon run -d -e PW=…`
/// would leave the password in its monitor (and, as the first command, in
/// the pause process). The argv strings lie in one area of the process's
/// stack (`arg_start`..`arg_end`, fields 48 and 49 of /proc/self/stat);
/// writing the title over it, zero-padded, is what the kernel then shows
/// (prctl(PR_SET_MM_ARG_START) would need CAP_SYS_RESOURCE). Call right
/// after the fork; nothing may read `std::env::args()` afterwards.
pub fn set_title(title: &CStr) {
    let _ = nix::sys::prctl::set_name(title);
    let Some((start, end)) = argv_area() else {
        log::warn!(
            "cannot find this process's argv in /proc/self/stat; ps shows its original command line"
        );
        return;
    };
    let title = title.to_bytes();
    let len = end - start;
    let shown = title.len().min(len.saturating_sub(1));
    // SAFETY: [start, end) is this process's own argv area, mapped writable
    // on its stack for its whole life; no Rust reference points into it (std
    // keeps raw pointers to it only for env::args, which is not used after).
    // Every byte written lies inside it.
    unsafe {
        let area = start as *mut u8;
        std::ptr::copy_nonoverlapping(title.as_ptr(), area, shown);
        std::ptr::write_bytes(area.add(shown), 0, len - shown);
    }
}

/// `arg_start` and `arg_end` of this process, from /proc/self/stat.
fn argv_area() -> Option<(usize, usize)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces and parentheses),
    // from field 3 (state) on: field N is at index N - 3.
    let mut fields = stat.get(stat.rfind(')')? + 1..)?.split_whitespace();
    let start: usize = fields.nth(48 - 3)?.parse().ok()?;
    let end: usize = fields.next()?.parse().ok()?;
    (start != 0 && end > start).then_some((start, end))
}

/// A descriptor that becomes readable when process `pid` ends (pidfd_open(2)),
/// or `None` when it has already gone.
pub fn pidfd(pid: i32) -> Option<std::os::fd::OwnedFd> {
    use std::os::fd::FromRawFd;
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor (checked).
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    // SAFETY: on success the kernel gave us this descriptor; nothing else owns it.
    (fd >= 0).then(|| unsafe { std::os::fd::OwnedFd::from_raw_fd(fd as i32) })
}

/// Gives back what a long-lived process (a container's monitor) kept from
/// its set-up: free heap pages, and the page mappings of the code and
/// read-only data of rcon's binary and its libraries — set-up touched much
/// of them, the monitor's loop needs little, and whatever it uses again is
/// mapped back from the page cache on first use. Only read-only file
/// mappings none of whose pages was ever written (`Anonymous: 0 kB`) are
/// dropped: they come back byte for byte; relocated (RELRO) and data
/// segments are left alone.
pub fn release_setup_memory() {
    // SAFETY: malloc_trim only hands free heap pages back to the kernel.
    unsafe { libc::malloc_trim(0) };
    let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else {
        return;
    };
    let mut candidate: Option<(usize, usize)> = None;
    for line in smaps.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if let Some((start, end)) = fields.first().and_then(|r| r.split_once('-')) {
            // A mapping's header line: range, perms, offset, dev, inode, path.
            let read_only_file = matches!(fields.get(1), Some(&"r-xp" | &"r--p"))
                && fields.get(5).is_some_and(|path| path.starts_with('/'));
            candidate = match (
                read_only_file,
                usize::from_str_radix(start, 16),
                usize::from_str_radix(end, 16),
            ) {
                (true, Ok(start), Ok(end)) => Some((start, end)),
                _ => None,
            };
        } else if fields.first() == Some(&"Anonymous:") {
            if let (Some((start, end)), Some(&"0")) = (candidate.take(), fields.get(1)) {
                // SAFETY: a read-only private file mapping with no written
                // page: MADV_DONTNEED only drops page table
                // entries, and the next use faults the same bytes back in.
                unsafe {
                    libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED)
                };
            }
        }
    }
}

/// Sends a descriptor over a Unix socket (SCM_RIGHTS).
pub fn send_fd(socket: &OwnedFd, fd: RawFd) -> Result<(), Errno> {
    let fds = [fd];
    let byte = [0u8; 1];
    let iov = [std::io::IoSlice::new(&byte)];
    socket::sendmsg::<()>(
        socket.as_raw_fd(),
        &iov,
        &[ControlMessage::ScmRights(&fds)],
        MsgFlags::empty(),
        None,
    )
    .map(drop)
}

/// Receives a descriptor sent with [`send_fd`]; `EBADMSG` when the other
/// end closed without sending one.
pub fn receive_fd(socket: &OwnedFd) -> Result<OwnedFd, Errno> {
    let mut byte = [0u8; 1];
    let mut iov = [std::io::IoSliceMut::new(&mut byte)];
    let mut space = nix::cmsg_space!([RawFd; 1]);
    let message = socket::recvmsg::<()>(
        socket.as_raw_fd(),
        &mut iov,
        Some(&mut space),
        MsgFlags::MSG_CMSG_CLOEXEC,
    )?;
    for cmsg in message.cmsgs()? {
        if let ControlMessageOwned::ScmRights(fds) = cmsg {
            if let Some(&fd) = fds.first() {
                // SAFETY: the kernel just installed this descriptor for us; nothing else owns it.
                return Ok(unsafe { OwnedFd::from_raw_fd(fd) });
            }
        }
    }
    Err(Errno::EBADMSG)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_single_thread_token_is_claimed_once() {
        assert!(SingleThreaded::claim().is_some());
        assert!(SingleThreaded::claim().is_none());
    }
}
