//! The child's network namespace: a new one gets its loopback interface up;
//! `ns:PATH` and other containers' namespaces are joined (as are other
//! containers' IPC and UTS namespaces, [`join`]).

use std::os::fd::AsRawFd;
use std::path::Path;

use nix::errno::Errno;
use nix::sched::{CloneFlags, setns};
use nix::sys::socket::{AddressFamily, SockFlag, SockType, socket};

use super::ChildError;
use super::spec::Network;

pub(super) fn enter(network: &Network) -> Result<(), ChildError> {
    match network {
        Network::Loopback => loopback_up(),
        Network::Host => Ok(()),
        Network::Join(path) => join(path, CloneFlags::CLONE_NEWNET, "network"),
    }
}

/// Joins the existing namespace of kind `flag` at `path` (`what`: its kind, for the error).
pub(super) fn join(path: &Path, flag: CloneFlags, what: &str) -> Result<(), ChildError> {
    let fail = |e: std::io::Error| {
        ChildError::engine_message(format!(
            "joining the {what} namespace {}: {e}",
            path.display()
        ))
    };
    let file = std::fs::File::open(path).map_err(fail)?;
    setns(&file, flag).map_err(|e| fail(e.into()))
}

/// `ip link set lo up`, with the SIOCGIFFLAGS/SIOCSIFFLAGS ioctls.
fn loopback_up() -> Result<(), ChildError> {
    let fail = ChildError::engine("bringing up the loopback interface");
    let sock = socket(
        AddressFamily::Inet,
        SockType::Datagram,
        SockFlag::SOCK_CLOEXEC,
        None,
    )
    .map_err(&fail)?;
    // SAFETY: ifreq is plain old data; all-zero is a valid value.
    let mut request: libc::ifreq = unsafe { std::mem::zeroed() };
    for (slot, byte) in request.ifr_name.iter_mut().zip(b"lo\0") {
        *slot = *byte as libc::c_char;
    }
    // SAFETY: the ioctls read and write the ifreq we own, on our socket.
    unsafe {
        Errno::result(libc::ioctl(
            sock.as_raw_fd(),
            libc::SIOCGIFFLAGS,
            &mut request,
        ))
        .map_err(&fail)?;
        request.ifr_ifru.ifru_flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
        Errno::result(libc::ioctl(sock.as_raw_fd(), libc::SIOCSIFFLAGS, &request))
            .map_err(&fail)?;
    }
    Ok(())
}
