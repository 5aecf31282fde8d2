//! The container's `/etc/resolv.conf` and `/etc/hosts`: the network
//! stack's DNS forwarder and the host's search domains, `--dns`,
//! `--dns-search`, `--dns-option`, `--add-host`, the container's own names,
//! and `host.containers.internal` where the host is reachable.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid --add-host {0:?}: use NAME:IP (IP may be host-gateway)")]
    AddHost(String),
    #[error("invalid --dns {0:?}: not an IP address")]
    Dns(String),
    #[error(
        "--add-host {0}: this network mode has no address for the host; use pasta:--map-gw or slirp4netns"
    )]
    NoHostGateway(String),
    #[error("reading containers.conf's base_hosts_file {}: {message}", path.display())]
    BaseHosts {
        path: std::path::PathBuf,
        message: String,
    },
}

/// What the network mode offers the container.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Addresses {
    /// The stack's DNS forwarder; `None`: the host's name servers.
    pub nameserver: Option<String>,
    /// An address that reaches the host (`host.containers.internal`).
    pub host_gateway: Option<String>,
    /// The container's own address.
    pub own: Option<String>,
    /// Keep the host's loopback name servers (the host's own network).
    pub loopback_nameservers: bool,
}

impl Addresses {
    /// `--network host`: everything as on the host.
    pub fn host() -> Addresses {
        Addresses {
            loopback_nameservers: true,
            ..Addresses::default()
        }
    }

    /// No helper: the host's name servers, none on loopback.
    pub fn isolated() -> Addresses {
        Addresses::default()
    }
}

/// The name flags, as stored in the container's record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NameOptions {
    #[serde(default)]
    pub dns: Vec<String>,
    #[serde(default)]
    pub dns_search: Vec<String>,
    #[serde(default)]
    pub dns_option: Vec<String>,
    /// `NAME:IP`.
    #[serde(default)]
    pub add_host: Vec<String>,
    /// containers.conf `base_hosts_file`: its entries come first in the
    /// container's hosts file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_hosts_file: Option<std::path::PathBuf>,
    /// containers.conf `host_containers_internal_ip`: the host's address
    /// for `host.containers.internal` and `host-gateway`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_containers_internal_ip: Option<String>,
}

impl NameOptions {
    /// Checks the flags' syntax.
    pub fn check(&self) -> Result<(), Error> {
        for server in &self.dns {
            server
                .parse::<IpAddr>()
                .map_err(|_| Error::Dns(server.clone()))?;
        }
        for entry in &self.add_host {
            add_host(entry)?;
        }
        Ok(())
    }
}

/// `NAME:IP` (an IPv6 address may follow the first colon whole).
fn add_host(entry: &str) -> Result<(&str, &str), Error> {
    let bad = || Error::AddHost(entry.to_string());
    let (name, ip) = entry.split_once(':').ok_or_else(bad)?;
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(bad());
    }
    if ip != "host-gateway" {
        ip.trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .map_err(|_| bad())?;
    }
    Ok((name, ip.trim_start_matches('[').trim_end_matches(']')))
}

/// The container's resolv.conf, from the host's (`host`).
pub fn resolv_conf(host: &str, addresses: &Addresses, options: &NameOptions) -> String {
    let mut servers = Vec::new();
    let mut search = Vec::new();
    let mut opts = Vec::new();
    for line in host.lines() {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("nameserver") => {
                if let Some(ip) = words.next() {
                    let loopback = ip.parse::<IpAddr>().is_ok_and(|a| a.is_loopback());
                    if !loopback || addresses.loopback_nameservers {
                        servers.push(ip.to_string());
                    }
                }
            }
            Some("search" | "domain") => search.extend(words.map(String::from)),
            Some("options") => opts.extend(words.map(String::from)),
            _ => {}
        }
    }
    if let Some(forwarder) = &addresses.nameserver {
        servers = vec![forwarder.clone()];
    }
    if !options.dns.is_empty() {
        servers = options.dns.clone();
    }
    if !options.dns_search.is_empty() {
        // "." alone means no search domains, as in Podman.
        search = options
            .dns_search
            .iter()
            .filter(|d| *d != ".")
            .cloned()
            .collect();
    }
    opts.extend(options.dns_option.iter().cloned());
    let mut text = String::new();
    if !search.is_empty() {
        text.push_str(&format!("search {}\n", search.join(" ")));
    }
    for server in servers {
        text.push_str(&format!("nameserver {server}\n"));
    }
    if !opts.is_empty() {
        text.push_str(&format!("options {}\n", opts.join(" ")));
    }
    text
}

/// Another container on the same user-defined network, as the hosts file
/// names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub address: std::net::Ipv4Addr,
    /// Its name, its `--network-alias`es and its short ID.
    pub names: Vec<String>,
}

/// The container's hosts file. `host-gateway` in `--add-host` is the
/// address that reaches the host; `peers` are the other containers on its
/// user-defined network.
pub fn hosts(
    hostname: &str,
    name: &str,
    addresses: &Addresses,
    options: &NameOptions,
    peers: &[Peer],
) -> Result<String, Error> {
    let host_gateway = options
        .host_containers_internal_ip
        .as_deref()
        .or(addresses.host_gateway.as_deref());
    let mut entries: Vec<(String, Vec<String>)> = Vec::new();
    for entry in &options.add_host {
        let (host, ip) = add_host(entry)?;
        let ip = match ip {
            "host-gateway" => host_gateway.ok_or_else(|| Error::NoHostGateway(entry.clone()))?,
            ip => ip,
        };
        entries.push((ip.to_string(), vec![host.to_string()]));
    }
    if let Some(path) = &options.base_hosts_file {
        let text = std::fs::read_to_string(path).map_err(|e| Error::BaseHosts {
            path: path.clone(),
            message: e.to_string(),
        })?;
        entries.extend(hosts_entries(&text));
    }
    // Podman's rule: what the entries above name already, it does not add.
    if !is_named(&entries, "localhost") {
        for (ip, v) in [("127.0.0.1", "4"), ("::1", "6")] {
            let names = ["localhost", "localhost.localdomain"]
                .map(String::from)
                .into_iter()
                .chain([
                    format!("localhost{v}"),
                    format!("localhost{v}.localdomain{v}"),
                ]);
            entries.push((ip.to_string(), names.collect()));
        }
    }
    let own = addresses.own.as_deref().unwrap_or("127.0.1.1");
    add_unless_named(&mut entries, own, &[hostname, name]);
    if let Some(gateway) = host_gateway {
        let names = ["host.containers.internal", "host.docker.internal"];
        add_unless_named(&mut entries, gateway, &names);
    }
    for peer in peers {
        entries.push((peer.address.to_string(), peer.names.clone()));
    }
    Ok(entries
        .iter()
        .map(|(ip, names)| format!("{ip}\t{}\n", names.join(" ")))
        .collect())
}

fn is_named(entries: &[(String, Vec<String>)], name: &str) -> bool {
    entries
        .iter()
        .any(|(_, known)| known.iter().any(|k| k == name))
}

fn add_unless_named(entries: &mut Vec<(String, Vec<String>)>, ip: &str, names: &[&str]) {
    if !names.iter().any(|n| is_named(entries, n)) {
        entries.push((
            ip.to_string(),
            names.iter().map(|n| n.to_string()).collect(),
        ));
    }
}

/// The entries of a hosts file: `IP NAME...` lines, comments left out.
fn hosts_entries(text: &str) -> Vec<(String, Vec<String>)> {
    text.lines()
        .filter_map(|line| {
            let line = line.split('#').next().unwrap_or("");
            let mut words = line.split_whitespace().map(String::from);
            let ip = words.next()?;
            let names: Vec<String> = words.collect();
            (!names.is_empty()).then_some((ip, names))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST: &str = "# comment\nnameserver 127.0.0.53\nnameserver 10.1.1.1\nsearch corp.example\noptions edns0\n";

    #[test]
    fn resolv_conf_uses_the_forwarder_and_the_flags() {
        let forwarder = Addresses {
            nameserver: Some("10.0.2.3".into()),
            ..Addresses::default()
        };
        assert_eq!(
            resolv_conf(HOST, &forwarder, &NameOptions::default()),
            "search corp.example\nnameserver 10.0.2.3\noptions edns0\n"
        );
        assert_eq!(
            resolv_conf(HOST, &Addresses::isolated(), &NameOptions::default()),
            "search corp.example\nnameserver 10.1.1.1\noptions edns0\n"
        );
        assert!(
            resolv_conf(HOST, &Addresses::host(), &NameOptions::default())
                .contains("nameserver 127.0.0.53\n")
        );
        let flags = NameOptions {
            dns: vec!["1.1.1.1".into(), "9.9.9.9".into()],
            dns_search: vec!["a.test".into(), "b.test".into()],
            dns_option: vec!["ndots:3".into()],
            ..NameOptions::default()
        };
        assert_eq!(
            resolv_conf(HOST, &forwarder, &flags),
            "search a.test b.test\nnameserver 1.1.1.1\nnameserver 9.9.9.9\noptions edns0 ndots:3\n"
        );
        let no_search = NameOptions {
            dns_search: vec![".".into()],
            ..NameOptions::default()
        };
        assert!(!resolv_conf(HOST, &forwarder, &no_search).contains("search"));
    }

    #[test]
    fn hosts_has_the_names_the_host_and_added_entries() {
        let slirp = Addresses {
            nameserver: Some("10.0.2.3".into()),
            host_gateway: Some("10.0.2.2".into()),
            own: Some("10.0.2.100".into()),
            loopback_nameservers: false,
        };
        let flags = NameOptions {
            add_host: vec![
                "db:192.0.2.9".into(),
                "me:host-gateway".into(),
                "six:::1".into(),
            ],
            ..NameOptions::default()
        };
        flags.check().unwrap();
        let peers = [Peer {
            address: std::net::Ipv4Addr::new(10, 89, 0, 3),
            names: vec!["db".into(), "store".into()],
        }];
        let text = hosts("h1", "web", &slirp, &flags, &peers).unwrap();
        assert!(text.ends_with("10.89.0.3\tdb store\n"), "{text}");
        assert!(text.contains("192.0.2.9\tdb\n"), "{text}");
        assert!(text.contains("10.0.2.2\tme\n"), "{text}");
        assert!(text.contains("::1\tsix\n"), "{text}");
        assert!(text.contains("10.0.2.100\th1 web\n"), "{text}");
        assert!(text.contains("10.0.2.2\thost.containers.internal host.docker.internal\n"));
        let none = hosts(
            "h1",
            "web",
            &Addresses::isolated(),
            &NameOptions::default(),
            &[],
        )
        .unwrap();
        assert!(none.contains("127.0.1.1\th1 web\n") && !none.contains("host.containers"));
        assert!(matches!(
            hosts("h", "n", &Addresses::isolated(), &flags, &[]),
            Err(Error::NoHostGateway(_))
        ));
        // containers.conf's base file and host address, with Podman's rule:
        // names the file has are not added again.
        let scratch = crate::util::scratch::ScratchDir::new("base-hosts");
        let base = scratch.path().join("hosts");
        std::fs::write(&base, "# mine\n10.1.2.3 web # comment\n10.1.2.4 other\n").unwrap();
        let conf = NameOptions {
            base_hosts_file: Some(base),
            host_containers_internal_ip: Some("10.9.9.9".into()),
            ..NameOptions::default()
        };
        let text = hosts("h1", "web", &slirp, &conf, &[]).unwrap();
        assert_eq!(
            text,
            "10.1.2.3\tweb\n10.1.2.4\tother\n\
             127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n\
             ::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n\
             10.9.9.9\thost.containers.internal host.docker.internal\n"
        );
        for bad in ["nocolon", ":1.2.3.4", "x:999.1.1.1", "x:"] {
            let flags = NameOptions {
                add_host: vec![bad.into()],
                ..NameOptions::default()
            };
            assert!(matches!(flags.check(), Err(Error::AddHost(_))), "{bad}");
        }
    }
}
