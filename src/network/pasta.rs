//! pasta (from the passt package): the container's namespace gets a tap
//! interface with the host's addresses and routes, and pasta turns its
//! traffic into ordinary sockets of the host user.
//!
//! Readiness: pasta configures the interface early and then spends most of
//! its start-up (tens of milliseconds) filling socket and pipe pools before
//! it writes its PID file. The tap queues packets meanwhile and published
//! ports are bound before the namespace is configured, so rcon lets the
//! command run as soon as the routes and addresses are there, watched with
//! rtnetlink in the namespace. With options of the user's (which may change
//! what pasta configures), the PID file is the signal.

use std::net::Ipv4Addr;
use std::os::fd::{AsFd, OwnedFd};
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};

use super::helper::{self, Helper, NETNS_FD};
use super::names::Addresses;
use super::netlink::Watch;
use super::{Error, HelperFiles, PastaOptions, PortMapping, Protocol};

pub(super) const PROGRAM: &str = "pasta";
/// Where the container sends DNS queries; pasta forwards them to the
/// host's resolver (Podman 5's address).
const DNS_FORWARDER: &str = "169.254.1.1";
const PID_FILE: &str = "pasta.pid";
const LOG_FILE: &str = "pasta.log";
/// How long pasta may take to configure the namespace.
const START_TIMEOUT: Duration = Duration::from_secs(30);

pub(super) fn addresses(options: &PastaOptions) -> Addresses {
    Addresses {
        nameserver: Some(DNS_FORWARDER.to_string()),
        // pasta gives the container the host's gateway address; with
        // --map-gw, connections to it reach the host's loopback.
        host_gateway: options
            .map_gw
            .then(host_ipv4_gateway)
            .flatten()
            .map(|a| a.to_string()),
        own: None,
        loopback_nameservers: false,
    }
}

/// pasta's command line.
fn args(options: &PastaOptions, ports: &[PortMapping], pid_file: &str) -> Vec<String> {
    let mut args: Vec<String> = [
        "--config-net",
        "--netns",
        &format!("/proc/self/fd/{NETNS_FD}"),
        "--foreground",
        "--quiet",
        // Stay as we are: a change of UID (pasta's default drop to
        // "nobody") would clear PR_SET_PDEATHSIG.
        "--runas",
        "0",
        "--pid",
        pid_file,
        "--dns-forward",
        DNS_FORWARDER,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for port in ports {
        args.push(match port.protocol {
            Protocol::Tcp => "-t".into(),
            Protocol::Udp => "-u".into(),
        });
        let address = match port.host_ip.as_str() {
            "" => String::new(),
            ip => format!("{ip}/"),
        };
        args.push(format!(
            "{address}{}-{}:{}-{}",
            port.host_port,
            port.host_port + (port.range - 1),
            port.container_port,
            port.container_port + (port.range - 1)
        ));
    }
    // Without a list pasta forwards "auto": every port bound on either side, rescanned each second.
    for (flag, long) in [
        ("-t", "--tcp-ports"),
        ("-u", "--udp-ports"),
        ("-T", "--tcp-ns"),
        ("-U", "--udp-ns"),
    ] {
        let given = |a: &String| a == flag || a == long || a.starts_with(&format!("{long}="));
        if !args.iter().any(given) && !options.args.iter().any(given) {
            args.extend([flag.to_string(), "none".to_string()]);
        }
    }
    if !options.map_gw {
        args.push("--no-map-gw".into());
    }
    args.extend(options.args.iter().cloned());
    args
}

pub(super) fn start(
    options: &PastaOptions,
    netns: OwnedFd,
    ports: &[PortMapping],
    files: &HelperFiles,
) -> Result<Helper, Error> {
    let io = |what: &str| {
        let what = what.to_string();
        move |e: nix::errno::Errno| Error::Io {
            what,
            source: e.into(),
        }
    };
    let pid_file = files.dir.join(PID_FILE);
    let _ = std::fs::remove_file(&pid_file);
    let mut watch =
        Watch::open(netns.as_fd()).map_err(io("watching the container's network namespace"))?;
    // What pasta configures: the families the host has a default route in.
    let expected = match options.args.is_empty() {
        true => Some((host_ipv4_gateway().is_some(), host_has_ipv6_default()))
            .filter(|(v4, v6)| *v4 || *v6),
        false => None,
    };
    // The PID file only when the routes can't tell: closing an inotify
    // instance waits for an SRCU grace period, 10-15 ms on the run's path.
    let inotify = match expected {
        Some(_) => None,
        None => {
            let inotify = Inotify::init(InitFlags::IN_CLOEXEC | InitFlags::IN_NONBLOCK)
                .map_err(io("watching for pasta's PID file"))?;
            inotify
                .add_watch(
                    &files.dir,
                    AddWatchFlags::IN_CLOSE_WRITE | AddWatchFlags::IN_MOVED_TO,
                )
                .map_err(io("watching for pasta's PID file"))?;
            Some(inotify)
        }
    };
    let args = args(options, ports, &pid_file.display().to_string());
    let log = files.dir.join(LOG_FILE);
    let child = helper::spawn(PROGRAM, &args, vec![(netns, NETNS_FD)], log.clone())?;
    let helper = Helper::spawned(PROGRAM, child, log, Vec::new());
    let Some(exited) = crate::process::pidfd(helper.pid() as i32) else {
        return Err(helper.failed("pasta exited at once"));
    };
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        if let Some((v4, v6)) = expected {
            let now = watch
                .configured()
                .map_err(io("reading the container's routes"))?;
            if (!v4 || now.ipv4_default_route)
                && (!v6 || (now.ipv6_default_route && now.ipv6_global_address))
            {
                return Ok(helper);
            }
        }
        if inotify.as_ref().is_some_and(pid_file_written) {
            return Ok(helper);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(helper.failed(&format!(
                "pasta did not configure the network within {} s",
                START_TIMEOUT.as_secs()
            )));
        }
        let mut fds = vec![
            PollFd::new(exited.as_fd(), PollFlags::POLLIN),
            PollFd::new(watch.events(), PollFlags::POLLIN),
        ];
        if let Some(inotify) = &inotify {
            fds.push(PollFd::new(inotify.as_fd(), PollFlags::POLLIN));
        }
        let timeout =
            PollTimeout::try_from(left.as_millis().min(60_000) as i32).unwrap_or(PollTimeout::MAX);
        let _ = poll(&mut fds, timeout);
        let gone = fds[0].revents().is_some_and(|r| !r.is_empty());
        watch.drain();
        if gone && !inotify.as_ref().is_some_and(pid_file_written) {
            return Err(helper.failed("pasta exited before the network was ready"));
        }
    }
}

fn pid_file_written(inotify: &Inotify) -> bool {
    inotify
        .read_events()
        .unwrap_or_default()
        .iter()
        .any(|event| event.name.as_deref() == Some(std::ffi::OsStr::new(PID_FILE)))
}

/// The host's IPv4 default route, which pasta copies into the container.
fn host_default_route() -> Option<super::HostRoute> {
    // RTF_UP | RTF_GATEWAY, destination 0.0.0.0/0.
    super::host_routes().into_iter().find(|route| {
        route.prefix == 0 && route.destination.is_unspecified() && route.flags & 3 == 3
    })
}

/// The host's IPv4 default gateway, which pasta copies into the container.
pub(super) fn host_ipv4_gateway() -> Option<Ipv4Addr> {
    host_default_route().map(|route| route.gateway)
}

/// `options` for a namespace whose interfaces are `taken`: pasta names its
/// tap as the host's interface of the default route, so where a veth has
/// that name already the tap gets the first free `ethN` instead. `None`:
/// as they are.
pub(super) fn beside(options: &PastaOptions, taken: &[String]) -> Option<PastaOptions> {
    let named = |a: &String| a == "-I" || a.starts_with("--ns-ifname");
    if taken.is_empty() || options.args.iter().any(named) {
        return None;
    }
    if !taken.contains(&host_default_route()?.interface) {
        return None;
    }
    let free = (0..)
        .map(|n| format!("eth{n}"))
        .find(|n| !taken.contains(n))?;
    let mut options = options.clone();
    options.args.extend(["--ns-ifname".to_string(), free]);
    Some(options)
}

/// The host has an IPv6 default route (`/proc/net/ipv6_route`), so pasta
/// configures IPv6 too.
fn host_has_ipv6_default() -> bool {
    let table = std::fs::read_to_string("/proc/net/ipv6_route").unwrap_or_default();
    table.lines().any(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let flags = fields
            .get(8)
            .and_then(|f| u32::from_str_radix(f, 16).ok())
            .unwrap_or(0);
        // ::/0, up, not a reject route (those sit on lo).
        fields.first().is_some_and(|d| d.bytes().all(|b| b == b'0'))
            && fields.get(1) == Some(&"00")
            && flags & 1 != 0
            && flags & 0x200 == 0
            && fields.get(9) != Some(&"lo")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_become_pasta_specs_and_unused_directions_are_off() {
        let ports = [
            PortMapping {
                host_ip: "127.0.0.1".into(),
                host_port: 8080,
                container_port: 80,
                protocol: Protocol::Tcp,
                range: 1,
            },
            PortMapping {
                host_ip: String::new(),
                host_port: 9000,
                container_port: 90,
                protocol: Protocol::Udp,
                range: 3,
            },
        ];
        let line = args(&PastaOptions::default(), &ports, "/run/p.pid").join(" ");
        assert!(line.contains("-t 127.0.0.1/8080-8080:80-80"), "{line}");
        assert!(line.contains("-u 9000-9002:90-92"), "{line}");
        assert!(line.contains("-T none -U none"), "{line}");
        assert!(!line.contains("-t none"), "{line}");
        assert!(line.ends_with("--no-map-gw"), "{line}");
        let mapped = PastaOptions {
            map_gw: true,
            args: vec!["-T".into(), "8000".into()],
        };
        let line = args(&mapped, &[], "/p").join(" ");
        assert!(
            !line.contains("--no-map-gw") && !line.contains("-T none"),
            "{line}"
        );
        assert!(line.contains("-t none -u none"), "{line}");
    }
}
