//! Just enough rtnetlink to see a helper's configuration land in a
//! container's network namespace: sockets opened inside that namespace,
//! one subscribed to route and address changes, one for dumps.

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use nix::errno::Errno;
use nix::sched::{CloneFlags, setns};

const NLMSG_HEADER: usize = 16;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const RTM_NEWADDR: u16 = 20;
const RTM_GETADDR: u16 = 22;
const RTM_NEWROUTE: u16 = 24;
const RTM_GETROUTE: u16 = 26;
const RT_TABLE_MAIN: u8 = 254;
const RT_SCOPE_UNIVERSE: u8 = 0;
const RTMGRP_IPV4_ROUTE: u32 = 0x40;
const RTMGRP_IPV6_IFADDR: u32 = 0x100;
const RTMGRP_IPV6_ROUTE: u32 = 0x400;

/// What is configured in the namespace, as far as readiness goes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Configured {
    pub ipv4_default_route: bool,
    pub ipv6_default_route: bool,
    pub ipv6_global_address: bool,
}

/// Sockets in a container's network namespace.
pub(super) struct Watch {
    /// Subscribed: readable when routes or IPv6 addresses change.
    events: OwnedFd,
    dump: OwnedFd,
    seq: u32,
}

impl Watch {
    /// Opens the sockets inside the network namespace `netns`. A thread of
    /// its own enters the namespace (and ends there): rcon may not enter
    /// the host's namespace again, which its user namespace does not own.
    pub fn open(netns: BorrowedFd) -> Result<Watch, Errno> {
        let netns = netns
            .try_clone_to_owned()
            .map_err(|e| Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO)))?;
        let opened = std::thread::spawn(move || {
            setns(&netns, CloneFlags::CLONE_NEWNET)?;
            let events = socket(RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_ROUTE | RTMGRP_IPV6_IFADDR)?;
            Ok((events, socket(0)?))
        })
        .join()
        .unwrap_or(Err(Errno::EIO));
        let (events, dump) = opened?;
        Ok(Watch {
            events,
            dump,
            seq: 0,
        })
    }

    /// The descriptor to poll for changes.
    pub fn events(&self) -> BorrowedFd<'_> {
        self.events.as_fd()
    }

    /// Reads and forgets the queued change notifications.
    pub fn drain(&self) {
        let mut buffer = [0u8; 8192];
        while matches!(nix::unistd::read(self.events.as_fd(), &mut buffer), Ok(n) if n > 0) {}
    }

    /// Looks at the routes and addresses now in the namespace.
    pub fn configured(&mut self) -> Result<Configured, Errno> {
        let mut seen = Configured::default();
        self.dump(RTM_GETROUTE, libc::AF_UNSPEC as u8, |kind, body| {
            // struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type.
            if kind == RTM_NEWROUTE && body.len() >= 8 && body[1] == 0 && body[4] == RT_TABLE_MAIN {
                match i32::from(body[0]) {
                    libc::AF_INET => seen.ipv4_default_route = true,
                    libc::AF_INET6 => seen.ipv6_default_route = true,
                    _ => {}
                }
            }
        })?;
        self.dump(RTM_GETADDR, libc::AF_INET6 as u8, |kind, body| {
            // struct ifaddrmsg: family, prefixlen, flags, scope, index.
            if kind == RTM_NEWADDR && body.len() >= 8 && body[3] == RT_SCOPE_UNIVERSE {
                seen.ipv6_global_address = true;
            }
        })?;
        Ok(seen)
    }

    /// Sends a dump request and hands each answer (type, body) to `each`.
    fn dump(
        &mut self,
        kind: u16,
        family: u8,
        mut each: impl FnMut(u16, &[u8]),
    ) -> Result<(), Errno> {
        self.seq += 1;
        // nlmsghdr + a zeroed rtmsg (12 bytes; ifaddrmsg's 8 fit in it) with the family.
        let mut request = [0u8; NLMSG_HEADER + 12];
        let length = if kind == RTM_GETADDR {
            NLMSG_HEADER + 8
        } else {
            request.len()
        };
        request[0..4].copy_from_slice(&(length as u32).to_ne_bytes());
        request[4..6].copy_from_slice(&kind.to_ne_bytes());
        let flags = (libc::NLM_F_REQUEST | libc::NLM_F_DUMP) as u16;
        request[6..8].copy_from_slice(&flags.to_ne_bytes());
        request[8..12].copy_from_slice(&self.seq.to_ne_bytes());
        request[NLMSG_HEADER] = family;
        nix::unistd::write(&self.dump, &request[..length])?;
        let mut buffer = vec![0u8; 32 * 1024];
        loop {
            let n = nix::unistd::read(self.dump.as_fd(), &mut buffer)?;
            let mut rest = &buffer[..n];
            while rest.len() >= NLMSG_HEADER {
                let length = u32::from_ne_bytes(rest[0..4].try_into().unwrap()) as usize;
                let kind = u16::from_ne_bytes(rest[4..6].try_into().unwrap());
                let seq = u32::from_ne_bytes(rest[8..12].try_into().unwrap());
                if length < NLMSG_HEADER || length > rest.len() {
                    return Err(Errno::EBADMSG);
                }
                if seq == self.seq {
                    match kind {
                        NLMSG_DONE => return Ok(()),
                        NLMSG_ERROR => {
                            let code = rest
                                .get(NLMSG_HEADER..NLMSG_HEADER + 4)
                                .map(|b| i32::from_ne_bytes(b.try_into().unwrap()))
                                .unwrap_or(-libc::EIO);
                            return Err(Errno::from_raw(-code));
                        }
                        _ => each(kind, &rest[NLMSG_HEADER..length]),
                    }
                }
                rest = &rest[((length + 3) & !3).min(rest.len())..];
            }
        }
    }
}

/// A NETLINK_ROUTE socket bound to `groups`.
fn socket(groups: u32) -> Result<OwnedFd, Errno> {
    use nix::sys::socket::{AddressFamily, NetlinkAddr, SockFlag, SockProtocol, SockType};
    let mut flags = SockFlag::SOCK_CLOEXEC;
    if groups != 0 {
        flags |= SockFlag::SOCK_NONBLOCK;
    }
    let fd = nix::sys::socket::socket(
        AddressFamily::Netlink,
        SockType::Raw,
        flags,
        SockProtocol::NetlinkRoute,
    )?;
    nix::sys::socket::bind(fd.as_raw_fd(), &NetlinkAddr::new(0, groups))?;
    Ok(fd)
}
