//! The process that serves rcon's FUSE overlay (`rcon_fuse_overlay`) for a
//! container's root or a detached mount of it: `rcon-fuse`.
//!
//! For a container, the child mounts `/dev/fuse` itself (allowed inside the
//! user namespace) and hands the descriptor to the server its parent started
//! with [`spawn_server`] meanwhile: the server's own start overlaps the
//! child's. The server lives in rcon's mount namespace, outside the
//! container's, and ends when the kernel ends the connection: when the
//! container's mount namespace (the mount's only home) goes away.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use nix::unistd::{ForkResult, Pid, fork};
use rcon_fuse_overlay::{FuseLayers, Server};

use crate::process::exit_forked_child;

/// How the server gets its FUSE connection.
#[derive(Debug)]
pub enum Connection {
    /// The connection, already mounted.
    Mounted(OwnedFd),
    /// A socket on which the mounted connection will be sent (SCM_RIGHTS)
    /// once the container's child has mounted it; the server prepares
    /// meanwhile, and ends quietly if the socket closes without it.
    Coming(OwnedFd),
}

/// Starts the server of `layers` for `connection` as a process of its own,
/// nobody's child (an intermediate process forks it and exits), its log
/// lines (errors it answered with EIO) appended to `log`. The caller goes
/// on at once; dropping the returned [`Launch`] reaps the intermediate.
/// Before it serves, the server makes the empty files `mount_files`
/// (relative to the root) that the container's bind mounts of files will
/// go on, where the image lacks them. Call while single-threaded.
pub fn spawn_server(
    connection: Connection,
    layers: &FuseLayers,
    log: &Path,
    mount_files: &[PathBuf],
) -> nix::Result<Launch> {
    // SAFETY: the caller is single-threaded; the child only forks again and exits.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => {
            drop(connection);
            Ok(Launch(child))
        }
        ForkResult::Child => {
            // SAFETY: still single-threaded, in the intermediate child.
            if let Ok(ForkResult::Child) = unsafe { fork() } {
                let code = match server(connection, layers, log, mount_files) {
                    Ok(()) => 0,
                    Err(e) => {
                        log::error!("fuse-overlay server: {e}");
                        1
                    }
                };
                exit_forked_child(code)
            }
            exit_forked_child(0)
        }
    }
}

/// The intermediate process of a [`spawn_server`], reaped when dropped (it
/// exits right after its fork).
#[derive(Debug)]
#[must_use = "dropping it waits for the intermediate process"]
pub struct Launch(Pid);

impl Drop for Launch {
    fn drop(&mut self) {
        let _ = nix::sys::wait::waitpid(self.0, None);
    }
}

/// The server process: its own session, nothing of the caller's descriptors
/// but the connection (or the socket it comes on), log lines into `log`.
fn server(
    connection: Connection,
    layers: &FuseLayers,
    log: &Path,
    mount_files: &[PathBuf],
) -> io::Result<()> {
    let _ = nix::unistd::setsid();
    crate::process::set_title(c"rcon-fuse");
    let (channel, mounted) = match connection {
        Connection::Mounted(device) => (device, true),
        Connection::Coming(socket) => (socket, false),
    };
    // SAFETY: dup2 onto 3, which this function then owns (whatever the
    // caller had there is one of its descriptors, closed below anyway).
    let channel = unsafe {
        if libc::dup2(channel.as_raw_fd(), 3) < 0 {
            return Err(io::Error::last_os_error());
        }
        if channel.as_raw_fd() != 3 {
            drop(channel);
        } else {
            std::mem::forget(channel);
        }
        OwnedFd::from_raw_fd(3)
    };
    let null = File::open("/dev/null")?;
    let log = OpenOptions::new().create(true).append(true).open(log)?;
    for (from, to) in [(&null, 0), (&null, 1), (&log, 2)] {
        // SAFETY: dup2 onto a standard descriptor; both ends are open.
        if unsafe { libc::dup2(from.as_raw_fd(), to) } < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    drop((null, log));
    // SAFETY: close_range takes no pointers. Nothing of the caller's above
    // the channel stays open: its pipes and lock files must not live on here.
    unsafe { libc::syscall(libc::SYS_close_range, 4u32, u32::MAX, 0u32) };
    let _ = std::env::set_current_dir(layers.upper.parent().unwrap_or(Path::new("/")));
    let server = Server::new(layers, mount_files)?;
    let device = if mounted {
        channel
    } else {
        match crate::process::receive_fd(&channel) {
            Ok(device) => device,
            // The child failed before its mount and says why itself.
            Err(_) => return Ok(()),
        }
    };
    server.serve(device)
}
