//! Published ports: `-p [IP:][HOSTPORT:]CONTAINERPORT[/PROTO]` (ranges
//! `8000-8010:80-90` too) and `-P`, checked against the host before a
//! container starts (a port in use, a privileged port).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid port spec {spec:?}: {why}; use [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp]")]
    Malformed { spec: String, why: String },
    #[error(
        "host port {port}/{protocol} is already in use{on}; free it or publish on another port"
    )]
    InUse {
        port: u16,
        protocol: Protocol,
        on: String,
    },
    #[error(
        "host port {port} is privileged: ports below {start} need root (net.ipv4.ip_unprivileged_port_start = {start}); publish on a port >= {start} or lower the sysctl: sudo sysctl -w net.ipv4.ip_unprivileged_port_start={port}"
    )]
    Privileged { port: u16, start: u32 },
    #[error("publishing host port {port}/{protocol}{on}: {source}")]
    Bind {
        port: u16,
        protocol: Protocol,
        on: String,
        source: std::io::Error,
    },
    #[error("--network {0} cannot publish ports: only pasta and slirp4netns forward them")]
    NotForwarded(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Tcp,
    Udp,
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        })
    }
}

/// One published port or range, as stored in the container's record
/// (Podman's fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PortMapping {
    /// Empty: every address (0.0.0.0 and ::).
    pub host_ip: String,
    pub host_port: u16,
    pub container_port: u16,
    pub protocol: Protocol,
    /// How many consecutive ports (1 for a single one).
    pub range: u16,
}

impl PortMapping {
    /// The host address as shown: 0.0.0.0 for every address.
    pub fn host_ip(&self) -> &str {
        match self.host_ip.as_str() {
            "" => "0.0.0.0",
            ip => ip,
        }
    }

    /// Each port of the range: (container port, host port).
    pub fn each(&self) -> impl Iterator<Item = (u16, u16)> + '_ {
        (0..self.range).map(|i| (self.container_port + i, self.host_port + i))
    }

    /// `HOSTIP:HOSTPORT` as shown by `rcon port` (IPv6 in brackets).
    pub fn host_address(&self, host_port: u16) -> String {
        match self.host_ip() {
            ip if ip.contains(':') => format!("[{ip}]:{host_port}"),
            ip => format!("{ip}:{host_port}"),
        }
    }

    /// Podman's PORTS column text: `0.0.0.0:8080->80/tcp`, ranges as `a-b`.
    pub fn display(&self) -> String {
        let range = |start: u16| match self.range {
            1 => start.to_string(),
            n => format!("{start}-{}", start + (n - 1)),
        };
        format!(
            "{}:{}->{}/{}",
            self.host_ip(),
            range(self.host_port),
            range(self.container_port),
            self.protocol
        )
    }
}

/// A parsed `-p` spec; `host_port` 0 means "any free port".
pub fn parse(spec: &str) -> Result<PortMapping, Error> {
    let bad = |why: &str| Error::Malformed {
        spec: spec.to_string(),
        why: why.to_string(),
    };
    let (rest, protocol) = match spec.rsplit_once('/') {
        Some((rest, "tcp")) => (rest, Protocol::Tcp),
        Some((rest, "udp")) => (rest, Protocol::Udp),
        Some((_, other)) => return Err(bad(&format!("unknown protocol {other:?}"))),
        None => (spec, Protocol::Tcp),
    };
    // An IPv6 host address is written in brackets: [::1]:8080:80.
    let (host_ip, rest) = match rest.strip_prefix('[') {
        Some(bracketed) => {
            let (ip, rest) = bracketed
                .split_once("]:")
                .ok_or_else(|| bad("an IPv6 address in brackets must be followed by ':'"))?;
            (Some(ip), rest)
        }
        None => match rest.matches(':').count() {
            0 | 1 => (None, rest),
            2 => {
                let (ip, rest) = rest.split_once(':').unwrap_or_default();
                (Some(ip), rest)
            }
            _ => return Err(bad("too many ':'")),
        },
    };
    let host_ip = match host_ip {
        None | Some("") => String::new(),
        Some(ip) => ip
            .parse::<IpAddr>()
            .map_err(|_| bad(&format!("{ip:?} is not an IP address")))?
            .to_string(),
    };
    let (host, container) = match rest.split_once(':') {
        Some((host, container)) => (Some(host).filter(|h| !h.is_empty()), container),
        None => (None, rest),
    };
    let (container_port, range) = port_range(container).map_err(|why| bad(&why))?;
    let host_port = match host {
        None => 0,
        Some(host) => {
            let (port, host_range) = port_range(host).map_err(|why| bad(&why))?;
            if host_range != range {
                return Err(bad("the host and container ranges differ in length"));
            }
            port
        }
    };
    Ok(PortMapping {
        host_ip,
        host_port,
        container_port,
        protocol,
        range,
    })
}

/// `N` or `N-M`: the first port and how many.
fn port_range(text: &str) -> Result<(u16, u16), String> {
    let port = |p: &str| {
        p.parse::<u16>()
            .ok()
            .filter(|&p| p > 0)
            .ok_or_else(|| format!("{p:?} is not a port (1-65535)"))
    };
    match text.split_once('-') {
        None => Ok((port(text)?, 1)),
        Some((start, end)) => {
            let (start, end) = (port(start)?, port(end)?);
            if end < start {
                return Err(format!("the range {text} ends before it starts"));
            }
            Ok((start, end - start + 1))
        }
    }
}

/// `-P`: the image's exposed ports (`80/tcp`, `53/udp`, `8080`), each to any free host port.
pub fn exposed(ports: &[String]) -> Result<Vec<PortMapping>, Error> {
    ports.iter().map(|p| parse(p)).collect()
}

/// Gives every mapping without a host port a free one and refuses a host
/// port published twice. Whether the others are free is checked when the
/// container starts ([`check`]), as Podman does: a container may be made
/// while another holds its port.
pub fn assign(ports: &mut [PortMapping]) -> Result<(), Error> {
    for index in 0..ports.len() {
        if ports[index].host_port == 0 {
            ports[index].host_port = free_ports(&ports[index], &ports[..index])?;
        }
    }
    each_port(ports, |_, _| Ok(()))
}

/// Fails when a host port is taken, published twice or needs privileges
/// (checked by binding each as the helper will).
pub fn check(ports: &[PortMapping]) -> Result<(), Error> {
    each_port(ports, bind)
}

/// Calls `visit` with every host port, refusing one published twice.
fn each_port(
    ports: &[PortMapping],
    mut visit: impl FnMut(&PortMapping, u16) -> Result<(), Error>,
) -> Result<(), Error> {
    for (index, port) in ports.iter().enumerate() {
        for offset in 0..port.range {
            let number = port.host_port + offset;
            let twice = ports[..index].iter().any(|other| {
                other.protocol == port.protocol
                    && (other.host_port..other.host_port + other.range).contains(&number)
                    && (other.host_ip.is_empty()
                        || port.host_ip.is_empty()
                        || other.host_ip == port.host_ip)
            });
            if twice {
                return Err(Error::InUse {
                    port: number,
                    protocol: port.protocol,
                    on: " (published twice)".into(),
                });
            }
            visit(port, number)?;
        }
    }
    Ok(())
}

/// Binds (and closes again) the host side of `port` at `number`.
fn bind(port: &PortMapping, number: u16) -> Result<(), Error> {
    let ip: IpAddr = port
        .host_ip
        .parse()
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let address = SocketAddr::new(ip, number);
    let bound = match port.protocol {
        Protocol::Tcp => TcpListener::bind(address).map(drop),
        Protocol::Udp => UdpSocket::bind(address).map(drop),
    };
    let on = match port.host_ip.as_str() {
        "" => String::new(),
        ip => format!(" on {ip}"),
    };
    bound.map_err(|source| match source.raw_os_error() {
        Some(libc::EADDRINUSE) => Error::InUse {
            port: number,
            protocol: port.protocol,
            on,
        },
        Some(libc::EACCES) => Error::Privileged {
            port: number,
            start: unprivileged_port_start(),
        },
        _ => Error::Bind {
            port: number,
            protocol: port.protocol,
            on,
            source,
        },
    })
}

fn unprivileged_port_start() -> u32 {
    std::fs::read_to_string("/proc/sys/net/ipv4/ip_unprivileged_port_start")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1024)
}

/// A free host port (the first of `port.range` consecutive free ones),
/// chosen by the kernel and not used by `taken`.
fn free_ports(port: &PortMapping, taken: &[PortMapping]) -> Result<u16, Error> {
    let clashes = |start: u16| {
        taken.iter().any(|other| {
            other.protocol == port.protocol
                && start < other.host_port + other.range
                && other.host_port < start.saturating_add(port.range)
        })
    };
    let mut last = None;
    for _ in 0..64 {
        let probe = PortMapping {
            host_port: 0,
            range: 1,
            ..port.clone()
        };
        let start = match bind_any(&probe) {
            Ok(start) => start,
            Err(e) => {
                last = Some(e);
                continue;
            }
        };
        if start.checked_add(port.range - 1).is_none() || clashes(start) {
            continue;
        }
        let rest_free = (1..port.range).all(|offset| bind(port, start + offset).is_ok());
        if rest_free {
            return Ok(start);
        }
    }
    Err(last.unwrap_or(Error::InUse {
        port: 0,
        protocol: port.protocol,
        on: " (no free range found)".into(),
    }))
}

/// The port the kernel picks for `port`'s address and protocol.
fn bind_any(port: &PortMapping) -> Result<u16, Error> {
    let ip: IpAddr = port
        .host_ip
        .parse()
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let address = SocketAddr::new(ip, 0);
    let local = match port.protocol {
        Protocol::Tcp => TcpListener::bind(address).and_then(|s| s.local_addr()),
        Protocol::Udp => UdpSocket::bind(address).and_then(|s| s.local_addr()),
    };
    local.map(|a| a.port()).map_err(|source| Error::Bind {
        port: 0,
        protocol: port.protocol,
        on: String::new(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(
        host_ip: &str,
        host: u16,
        container: u16,
        protocol: Protocol,
        range: u16,
    ) -> PortMapping {
        PortMapping {
            host_ip: host_ip.into(),
            host_port: host,
            container_port: container,
            protocol,
            range,
        }
    }

    #[test]
    fn specs_parse() {
        assert_eq!(parse("80").unwrap(), mapping("", 0, 80, Protocol::Tcp, 1));
        assert_eq!(
            parse("8080:80").unwrap(),
            mapping("", 8080, 80, Protocol::Tcp, 1)
        );
        assert_eq!(
            parse("127.0.0.1:8080:80/udp").unwrap(),
            mapping("127.0.0.1", 8080, 80, Protocol::Udp, 1)
        );
        assert_eq!(
            parse("127.0.0.1::80").unwrap(),
            mapping("127.0.0.1", 0, 80, Protocol::Tcp, 1)
        );
        assert_eq!(
            parse("[::1]:8080:80").unwrap(),
            mapping("::1", 8080, 80, Protocol::Tcp, 1)
        );
        assert_eq!(
            parse("8000-8010:80-90").unwrap(),
            mapping("", 8000, 80, Protocol::Tcp, 11)
        );
        for bad in [
            "",
            "0",
            "70000",
            "80/sctp",
            "abc",
            "8000-8010:80",
            "90-80",
            "1.2.3:80:80",
            "a:b:c:d",
            "8080:",
            "[::1]8080",
        ] {
            assert!(
                matches!(parse(bad), Err(Error::Malformed { .. })),
                "{bad:?} parsed"
            );
        }
    }

    #[test]
    fn display_is_podmans() {
        assert_eq!(
            mapping("", 8080, 80, Protocol::Tcp, 1).display(),
            "0.0.0.0:8080->80/tcp"
        );
        assert_eq!(
            mapping("127.0.0.1", 9000, 90, Protocol::Udp, 2).display(),
            "127.0.0.1:9000-9001->90-91/udp"
        );
    }

    #[test]
    fn free_ports_are_assigned_and_a_taken_one_is_refused() {
        let mut ports = vec![
            mapping("127.0.0.1", 0, 80, Protocol::Tcp, 3),
            mapping("127.0.0.1", 0, 53, Protocol::Udp, 1),
        ];
        assign(&mut ports).unwrap();
        assert!(ports.iter().all(|p| p.host_port != 0));
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let number = taken.local_addr().unwrap().port();
        let err = check(&[mapping("127.0.0.1", number, 80, Protocol::Tcp, 1)]).unwrap_err();
        assert!(matches!(err, Error::InUse { .. }), "{err}");
        let twice = [
            mapping("", 40000, 80, Protocol::Tcp, 1),
            mapping("127.0.0.1", 40000, 81, Protocol::Tcp, 1),
        ];
        assert!(matches!(check(&twice), Err(Error::InUse { .. })));
        let mut twice = twice;
        assert!(matches!(assign(&mut twice), Err(Error::InUse { .. })));
    }
}
