//! Published UDP ports, relayed by rcon rather than by the helper.
//!
//! Neither helper answers a UDP client on the host's loopback: slirp4netns
//! with `--disable-host-loopback` (our default, and Podman's) drops every
//! reply addressed to the host's loopback, and pasta of Debian 12 loses the
//! replies of its spliced loopback flows. Podman hides the first behind its
//! rootlessport process; rcon relays in a process of its own: a socket per
//! published port bound on the host, and per client a socket opened inside
//! the container's network namespace and connected to the port on its
//! loopback, so the container answers through rcon. As with rootlessport,
//! the container sees its clients as 127.0.0.1. A client's flow ends after
//! [`IDLE`] without traffic, as a NAT's would.
//!
//! The relay is a fork of the container's parent (the monitor, or the
//! foreground `run`) that enters the container's network namespace once its
//! host sockets are bound, and then is a poll loop: no threads, no async
//! runtime. Its parent cannot do this itself: it must stay in the host's
//! network namespace (it starts the helper again at each restart), and an
//! unprivileged process cannot go back into the host's namespace once it
//! has left it.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sched::{CloneFlags, setns};
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid, fork, getppid, pipe2};

use super::{Error, PortMapping, Protocol, ports};
use crate::process::{SingleThreaded, exit_forked_child};

/// How long a client's flow lives without a datagram either way.
const IDLE: Duration = Duration::from_secs(60);
/// The largest UDP payload.
const DATAGRAM: usize = 65_535;

/// A running relay process; dropping it kills and reaps it.
#[derive(Debug)]
pub struct UdpRelay {
    pid: Pid,
}

impl UdpRelay {
    /// Binds the host side of every port in `mappings` (all UDP) and relays
    /// them into the network namespace `netns` from a forked process.
    /// `None` when there are none.
    pub fn start(
        mappings: &[PortMapping],
        netns: OwnedFd,
        _single: &SingleThreaded,
    ) -> Result<Option<UdpRelay>, Error> {
        let mut listeners = Vec::new();
        for mapping in mappings {
            for (container_port, host_port) in mapping.each() {
                let address: SocketAddr = mapping
                    .host_address(host_port)
                    .parse()
                    .expect("published addresses are checked at create");
                let socket = UdpSocket::bind(address).map_err(|source| ports::Error::Bind {
                    port: host_port,
                    protocol: Protocol::Udp,
                    on: format!(" on {}", mapping.host_ip()),
                    source,
                })?;
                socket.set_nonblocking(true).map_err(|source| Error::Io {
                    what: format!("preparing the UDP relay of port {host_port}"),
                    source,
                })?;
                listeners.push((socket, container_port));
            }
        }
        if listeners.is_empty() {
            return Ok(None);
        }
        let io = |what: &str| {
            let what = what.to_string();
            move |errno: Errno| Error::Io {
                what,
                source: errno.into(),
            }
        };
        // The child says it is in the namespace with one byte; end-of-file
        // without it is a failure.
        let (entered_read, entered_write) =
            pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(io("creating the UDP relay's pipe"))?;
        let parent = nix::unistd::getpid();
        // SAFETY: the process is single-threaded (`_single` says so), so the
        // child may run ordinary Rust code; it never returns.
        match unsafe { fork() }.map_err(io("starting the UDP relay"))? {
            ForkResult::Child => {
                drop(entered_read);
                relay_main(parent, listeners, netns, entered_write)
            }
            ForkResult::Parent { child } => {
                drop(entered_write);
                let relay = UdpRelay { pid: child };
                let mut byte = [0u8; 1];
                match nix::unistd::read(entered_read.as_fd(), &mut byte) {
                    Ok(1) => Ok(Some(relay)),
                    _ => Err(Error::Io {
                        what: "entering the container's network namespace for the UDP relay".into(),
                        source: std::io::Error::other("the relay process ended"),
                    }),
                }
            }
        }
    }
}

impl Drop for UdpRelay {
    fn drop(&mut self) {
        let _ = kill(self.pid, Signal::SIGKILL);
        let _ = waitpid(self.pid, None);
    }
}

/// The relay process: tied to `parent`, in the container's namespace `netns`,
/// relaying `listeners` until killed. Never returns.
fn relay_main(
    parent: Pid,
    listeners: Vec<(UdpSocket, u16)>,
    netns: OwnedFd,
    entered: OwnedFd,
) -> ! {
    // Dies with its parent, whatever kills it.
    // SAFETY: prctl takes no pointers here.
    unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) };
    if getppid() != parent {
        exit_forked_child(1);
    }
    // Nothing of the parent's but the listeners: in particular not the
    // container's pipes, whose end-of-file tells the parent it has gone.
    let mut keep: Vec<i32> = listeners.iter().map(|(s, _)| s.as_raw_fd()).collect();
    keep.extend([netns.as_raw_fd(), entered.as_raw_fd()]);
    crate::userns::pause::close_other_fds(&keep);
    // Its argv is its parent's: it may hold secrets (`-e PW=…`).
    crate::process::set_title(c"rcon-udp-relay");
    // From here on every socket this process opens lives in the container's
    // namespace; the listeners stay on the host.
    if setns(&netns, CloneFlags::CLONE_NEWNET).is_err() {
        exit_forked_child(1);
    }
    drop(netns);
    let _ = nix::unistd::write(&entered, &[0]);
    drop(entered);
    Relay::new(listeners).run()
}

/// One client of one published port, and its socket in the container.
struct Flow {
    socket: UdpSocket,
    last: Instant,
}

/// The relay's state: the host side's sockets and the clients' flows.
struct Relay {
    /// (host socket, container port).
    listeners: Vec<(UdpSocket, u16)>,
    /// By (listener index, client).
    flows: HashMap<(usize, SocketAddr), Flow>,
    buffer: Vec<u8>,
}

impl Relay {
    fn new(listeners: Vec<(UdpSocket, u16)>) -> Relay {
        Relay {
            listeners,
            flows: HashMap::new(),
            buffer: vec![0u8; DATAGRAM],
        }
    }

    fn run(mut self) -> ! {
        loop {
            let keys: Vec<(usize, SocketAddr)> = self.flows.keys().copied().collect();
            let ready = {
                let mut fds: Vec<PollFd> = self
                    .listeners
                    .iter()
                    .map(|(socket, _)| socket.as_fd())
                    .chain(keys.iter().map(|key| self.flows[key].socket.as_fd()))
                    .map(|fd| PollFd::new(fd, PollFlags::POLLIN))
                    .collect();
                match poll(&mut fds, self.timeout()) {
                    Ok(_) | Err(Errno::EINTR) => {}
                    Err(_) => exit_forked_child(1),
                }
                fds.iter()
                    .map(|fd| fd.revents().is_some_and(|r| !r.is_empty()))
                    .collect::<Vec<bool>>()
            };
            let (forward_to_container, answer_client) = ready.split_at(self.listeners.len());
            for (index, _) in forward_to_container.iter().enumerate().filter(|(_, r)| **r) {
                self.forward_to_container(index);
            }
            for (key, _) in keys.iter().zip(answer_client).filter(|(_, r)| **r) {
                self.answer_client(*key);
            }
            let now = Instant::now();
            self.flows.retain(|_, flow| now < flow.last + IDLE);
        }
    }

    /// Until the next flow would go idle; forever without flows.
    fn timeout(&self) -> PollTimeout {
        let Some(next) = self.flows.values().map(|flow| flow.last + IDLE).min() else {
            return PollTimeout::NONE;
        };
        let ms = next.saturating_duration_since(Instant::now()).as_millis() + 1;
        PollTimeout::try_from(ms.min(i32::MAX as u128) as i32).unwrap_or(PollTimeout::MAX)
    }

    /// Sends what clients sent to listener `index` into the container,
    /// each through its own flow.
    fn forward_to_container(&mut self, index: usize) {
        let (host, container_port) = &self.listeners[index];
        loop {
            let (n, client) = match host.recv_from(&mut self.buffer) {
                Ok(received) => received,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(_) => return,
            };
            let flow = match self.flows.entry((index, client)) {
                std::collections::hash_map::Entry::Occupied(flow) => flow.into_mut(),
                std::collections::hash_map::Entry::Vacant(vacant) => {
                    match open_flow(*container_port) {
                        Ok(socket) => vacant.insert(Flow {
                            socket,
                            last: Instant::now(),
                        }),
                        // The container's port is not reachable: drop it, as the network would.
                        Err(_) => continue,
                    }
                }
            };
            flow.last = Instant::now();
            let _ = flow.socket.send(&self.buffer[..n]);
        }
    }

    /// Sends the container's answers on a flow back to its client. An ICMP
    /// "port unreachable" surfaces as an error on a connected socket; the
    /// flow stays, the client may be early.
    fn answer_client(&mut self, (index, client): (usize, SocketAddr)) {
        let Some(flow) = self.flows.get_mut(&(index, client)) else {
            return;
        };
        loop {
            match flow.socket.recv(&mut self.buffer) {
                Ok(n) => {
                    flow.last = Instant::now();
                    let _ = self.listeners[index].0.send_to(&self.buffer[..n], client);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(_) => return,
            }
        }
    }
}

/// A socket in the container's namespace, connected to its loopback port.
fn open_flow(container_port: u16) -> std::io::Result<UdpSocket> {
    let socket = UdpSocket::bind(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0))?;
    socket.connect(SocketAddrV4::new(Ipv4Addr::LOCALHOST, container_port))?;
    socket.set_nonblocking(true)?;
    Ok(socket)
}
