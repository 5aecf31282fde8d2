//! Published UDP ports, relayed by rcon rather than by the helper.
//!
//! Neither helper answers a UDP client on the host's loopback: slirp4netns
//! with `--disable-host-loopback` (our default, and Podman's) drops every
//! reply addressed to the host's loopback, and pasta of Debian 12 loses the
//! replies of its spliced loopback flows. Podman hides the first behind its
//! rootlessport process; rcon relays in the monitor: a socket per published
//! port bound on the host, and per client a socket opened inside the
//! container's network namespace and connected to the port on its loopback,
//! so the container answers through rcon. As with rootlessport, the
//! container sees its clients as 127.0.0.1. A client's flow ends after
//! [`IDLE`] without traffic, as a NAT's would.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket as StdSocket};
use std::os::fd::OwnedFd;
use std::sync::Arc;
use std::time::Duration;

use nix::sched::{CloneFlags, setns};
use tokio::net::UdpSocket;
use tokio::sync::{Mutex, oneshot};

use super::{Error, PortMapping, Protocol, ports};

/// How long a client's flow lives without a datagram either way.
const IDLE: Duration = Duration::from_secs(60);
/// The largest UDP payload.
const DATAGRAM: usize = 65_535;

/// A running relay; dropping it stops it.
#[derive(Debug)]
pub struct UdpRelay {
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl UdpRelay {
    /// Binds the host side of every port in `mappings` (all UDP) and relays
    /// them into the network namespace `netns`. `None` when there are none.
    pub fn start(mappings: &[PortMapping], netns: OwnedFd) -> Result<Option<UdpRelay>, Error> {
        let mut listeners = Vec::new();
        for mapping in mappings {
            for (container_port, host_port) in mapping.each() {
                let address: SocketAddr = mapping
                    .host_address(host_port)
                    .parse()
                    .expect("published addresses are checked at create");
                let socket = StdSocket::bind(address).map_err(|source| ports::Error::Bind {
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
        let (stop, stopped) = oneshot::channel();
        let (ready, entered) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("rcon-udp-relay".into())
            .spawn(move || {
                // From here on every socket this thread opens lives in the
                // container's namespace; the listeners stay on the host.
                if let Err(e) = setns(&netns, CloneFlags::CLONE_NEWNET) {
                    let _ = ready.send(Err(e));
                    return;
                }
                drop(netns);
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_io()
                    .enable_time()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready.send(Err(nix::errno::Errno::from_raw(
                            e.raw_os_error().unwrap_or(libc::EIO),
                        )));
                        return;
                    }
                };
                let _ = ready.send(Ok(()));
                runtime.block_on(async move {
                    let mut tasks = tokio::task::JoinSet::new();
                    for (socket, port) in listeners {
                        if let Ok(socket) = UdpSocket::from_std(socket) {
                            tasks.spawn(relay_port(Arc::new(socket), port));
                        }
                    }
                    let _ = stopped.await;
                    tasks.abort_all();
                });
            })
            .map_err(|source| Error::Io {
                what: "starting the UDP relay".into(),
                source,
            })?;
        let relay = UdpRelay {
            stop: Some(stop),
            thread: Some(thread),
        };
        match entered.recv() {
            Ok(Ok(())) => Ok(Some(relay)),
            Ok(Err(errno)) => Err(Error::Io {
                what: "entering the container's network namespace for the UDP relay".into(),
                source: errno.into(),
            }),
            Err(_) => Err(Error::Io {
                what: "starting the UDP relay".into(),
                source: std::io::Error::other("the relay thread ended"),
            }),
        }
    }
}

impl Drop for UdpRelay {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Relays one published port: datagrams from each client go out through
/// that client's own socket in the container, answers come back to it.
async fn relay_port(host: Arc<UdpSocket>, container_port: u16) {
    let flows: Arc<Mutex<HashMap<SocketAddr, Arc<UdpSocket>>>> = Arc::default();
    let mut buffer = vec![0u8; DATAGRAM];
    loop {
        let Ok((n, client)) = host.recv_from(&mut buffer).await else {
            continue;
        };
        let existing = flows.lock().await.get(&client).cloned();
        let flow = match existing {
            Some(flow) => flow,
            None => match open_flow(container_port).await {
                Ok(flow) => {
                    flows.lock().await.insert(client, flow.clone());
                    tokio::spawn(answer(flow.clone(), host.clone(), client, flows.clone()));
                    flow
                }
                // The container's port is not reachable: drop it, as the network would.
                Err(_) => continue,
            },
        };
        let _ = flow.send(&buffer[..n]).await;
    }
}

/// A socket in the container's namespace, connected to its loopback port.
async fn open_flow(container_port: u16) -> std::io::Result<Arc<UdpSocket>> {
    let socket = UdpSocket::bind(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0)).await?;
    socket
        .connect(SocketAddrV4::new(Ipv4Addr::LOCALHOST, container_port))
        .await?;
    Ok(Arc::new(socket))
}

/// Sends the container's answers on `flow` back to `client` until the flow
/// has been idle for [`IDLE`], then forgets it.
async fn answer(
    flow: Arc<UdpSocket>,
    host: Arc<UdpSocket>,
    client: SocketAddr,
    flows: Arc<Mutex<HashMap<SocketAddr, Arc<UdpSocket>>>>,
) {
    let mut buffer = vec![0u8; DATAGRAM];
    // An ICMP "port unreachable" surfaces as an error on a connected socket;
    // the flow stays, the client may be early.
    while let Ok(received) = tokio::time::timeout(IDLE, flow.recv(&mut buffer)).await {
        if let Ok(n) = received {
            let _ = host.send_to(&buffer[..n], client).await;
        }
    }
    flows.lock().await.remove(&client);
}
