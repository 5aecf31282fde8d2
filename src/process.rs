//! Small process helpers shared by the modules that fork.

/// Ends a forked child at once: no atexit handlers, no flushing of buffers
/// that still hold the parent's output.
pub fn exit_forked_child(code: i32) -> ! {
    // SAFETY: _exit takes no pointers and never returns.
    unsafe { libc::_exit(code) }
}
