//! slirp4netns: a user-mode TCP/IP stack (libslirp) behind a tap device in
//! the container's namespace. Readiness comes through `--ready-fd`; it
//! quits when `--exit-fd` closes (the monitor holds the other end); ports
//! are forwarded through its API socket (`add_hostfwd`, JSON over a Unix
//! socket, driven by a single-threaded tokio runtime).

use std::net::Ipv4Addr;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::time::Duration;

use nix::fcntl::OFlag;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixStream;

use super::helper::{self, Helper, NETNS_FD};
use super::names::Addresses;
use super::{Error, HelperFiles, PortMapping, Protocol, SlirpOptions};

pub(super) const PROGRAM: &str = "slirp4netns";
const LOG_FILE: &str = "slirp4netns.log";
const EXIT_FD: i32 = 4;
const READY_FD: i32 = 5;
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// slirp4netns's default network.
const DEFAULT_NETWORK: (Ipv4Addr, u8) = (Ipv4Addr::new(10, 0, 2, 0), 24);

/// `A.B.C.D/N` with room for slirp's fixed hosts (.2, .3, .100).
pub(super) fn parse_cidr(text: &str) -> Option<(Ipv4Addr, u8)> {
    let (address, bits) = text.split_once('/')?;
    let address: Ipv4Addr = address.parse().ok()?;
    let bits: u8 = bits.parse().ok().filter(|b| (1..=25).contains(b))?;
    let mask = u32::MAX << (32 - bits);
    Some((Ipv4Addr::from(u32::from(address) & mask), bits))
}

/// The address `offset` in the emulated network.
fn host(options: &SlirpOptions, offset: u32) -> Ipv4Addr {
    let (network, _) = options
        .cidr
        .as_deref()
        .and_then(parse_cidr)
        .unwrap_or(DEFAULT_NETWORK);
    Ipv4Addr::from(u32::from(network) + offset)
}

pub(super) fn addresses(options: &SlirpOptions) -> Addresses {
    Addresses {
        nameserver: Some(host(options, 3).to_string()),
        // With allow_host_loopback=true, the address slirp4netns gives the
        // host's loopback; else, as Podman, the host's own address (its
        // services on that address or all, never those on loopback only).
        host_gateway: match options.allow_host_loopback {
            true => Some(host(options, 2).to_string()),
            false => host_address()
                .map(|a| a.to_string())
                .or_else(|| Some(host(options, 2).to_string())),
        },
        own: Some(host(options, 100).to_string()),
        loopback_nameservers: false,
    }
}

/// The host's address on its default route: the source address the kernel
/// picks towards the gateway (a UDP connect sends nothing).
fn host_address() -> Option<Ipv4Addr> {
    let gateway = super::pasta::host_ipv4_gateway()?;
    let socket = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((gateway, 9)).ok()?;
    match socket.local_addr().ok()?.ip() {
        std::net::IpAddr::V4(address) if !address.is_unspecified() => Some(address),
        _ => None,
    }
}

fn args(options: &SlirpOptions, api_socket: &Path) -> Vec<String> {
    let mut args = vec![
        "--configure".to_string(),
        format!("--mtu={}", options.mtu),
        // Its own mount namespace with nothing but what it needs, and a
        // seccomp filter: Podman's hardening, which costs nothing measurable.
        "--enable-sandbox".into(),
        "--enable-seccomp".into(),
        format!("--exit-fd={EXIT_FD}"),
        format!("--ready-fd={READY_FD}"),
        format!("--api-socket={}", api_socket.display()),
    ];
    if !options.allow_host_loopback {
        args.push("--disable-host-loopback".into());
    }
    if let Some(cidr) = &options.cidr {
        args.push(format!("--cidr={cidr}"));
    }
    if options.enable_ipv6 {
        args.push("--enable-ipv6".into());
    }
    args.extend([
        "--netns-type=path".into(),
        format!("/proc/self/fd/{NETNS_FD}"),
        "tap0".into(),
    ]);
    args
}

pub(super) fn start(
    options: &SlirpOptions,
    netns: OwnedFd,
    ports: &[PortMapping],
    files: &HelperFiles,
) -> Result<Helper, Error> {
    let pipe = || {
        nix::unistd::pipe2(OFlag::O_CLOEXEC).map_err(|e| Error::Io {
            what: "creating a pipe for slirp4netns".into(),
            source: e.into(),
        })
    };
    let (exit_read, exit_write) = pipe()?;
    let (ready_read, ready_write) = pipe()?;
    let _ = std::fs::remove_file(&files.socket);
    let log = files.dir.join(LOG_FILE);
    let child = helper::spawn(
        PROGRAM,
        &args(options, &files.socket),
        vec![
            (netns, NETNS_FD),
            (exit_read, EXIT_FD),
            (ready_write, READY_FD),
        ],
        log.clone(),
    )?;
    let helper = Helper::spawned(PROGRAM, child, log, vec![exit_write]);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(source) => {
            return Err(Error::Io {
                what: "starting the async runtime for slirp4netns".into(),
                source,
            });
        }
    };
    let configured = runtime.block_on(async {
        tokio::time::timeout(START_TIMEOUT, wait_ready(ready_read))
            .await
            .unwrap_or(Err(format!(
                "slirp4netns did not configure the network within {} s",
                START_TIMEOUT.as_secs()
            )))?;
        for port in ports {
            forward(&files.socket, options, port).await?;
        }
        Ok::<(), String>(())
    });
    // The API socket serves only the forwards above, and slirp4netns keeps
    // its listening descriptor: its name in the shared runtime directory
    // would outlive the container (one file per run).
    let _ = std::fs::remove_file(&files.socket);
    match configured {
        Ok(()) => Ok(helper),
        Err(what) => Err(helper.failed(&what)),
    }
}

/// Waits for slirp4netns's "1" on the ready pipe; end-of-file means it quit.
async fn wait_ready(ready: OwnedFd) -> Result<(), String> {
    let mut pipe = tokio::net::unix::pipe::Receiver::from_owned_fd(ready)
        .map_err(|e| format!("reading slirp4netns's ready pipe: {e}"))?;
    let mut byte = [0u8; 1];
    match pipe.read(&mut byte).await {
        Ok(1) => Ok(()),
        _ => Err("slirp4netns exited before the network was ready".into()),
    }
}

/// Forwards every port of `port`'s range through the API socket.
async fn forward(socket: &Path, options: &SlirpOptions, port: &PortMapping) -> Result<(), String> {
    for offset in 0..port.range {
        let request = serde_json::json!({
            "execute": "add_hostfwd",
            "arguments": {
                "proto": match port.protocol {
                    Protocol::Tcp => "tcp",
                    Protocol::Udp => "udp",
                },
                "host_addr": if port.host_ip.is_empty() { "0.0.0.0" } else { &port.host_ip },
                "host_port": port.host_port + offset,
                "guest_addr": host(options, 100).to_string(),
                "guest_port": port.container_port + offset,
            },
        });
        let answer = api_call(socket, &request)
            .await
            .map_err(|e| format!("talking to its API socket {}: {e}", socket.display()))?;
        if let Some(error) = answer.get("error") {
            let desc = error.get("desc").and_then(|d| d.as_str()).unwrap_or("");
            return Err(format!(
                "forwarding host port {} to container port {}/{}: {desc}",
                port.host_port + offset,
                port.container_port + offset,
                port.protocol
            ));
        }
    }
    Ok(())
}

/// One request, one answer: slirp4netns reads a request until we shut down
/// our side, answers and closes.
async fn api_call(
    socket: &Path,
    request: &serde_json::Value,
) -> std::io::Result<serde_json::Value> {
    let mut stream = UnixStream::connect(socket).await?;
    stream.write_all(request.to_string().as_bytes()).await?;
    stream.shutdown().await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    serde_json::from_slice(&answer).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidr_sets_the_fixed_addresses() {
        let options = SlirpOptions {
            cidr: Some("10.5.7.9/24".into()),
            allow_host_loopback: true,
            ..SlirpOptions::default()
        };
        let addresses = addresses(&options);
        assert_eq!(addresses.nameserver.as_deref(), Some("10.5.7.3"));
        assert_eq!(addresses.host_gateway.as_deref(), Some("10.5.7.2"));
        assert_eq!(addresses.own.as_deref(), Some("10.5.7.100"));
        // Without the host's loopback: the host's own address, where it has one.
        let without = super::addresses(&SlirpOptions {
            allow_host_loopback: false,
            ..options
        });
        let expected = host_address().map_or("10.5.7.2".to_string(), |a| a.to_string());
        assert_eq!(without.host_gateway, Some(expected));
        assert_eq!(parse_cidr("10.0.0.0/30"), None);
        let args = args(&SlirpOptions::default(), Path::new("/r/s.sock")).join(" ");
        assert!(args.contains("--mtu=65520 "), "{args}");
        assert!(args.contains("--disable-host-loopback"), "{args}");
    }
}
