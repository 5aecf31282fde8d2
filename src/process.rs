//! Small process helpers shared by the modules that fork.

/// Ends a forked child at once: no atexit handlers, no flushing of buffers
/// that still hold the parent's output.
pub fn exit_forked_child(code: i32) -> ! {
    // SAFETY: _exit takes no pointers and never returns.
    unsafe { libc::_exit(code) }
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
