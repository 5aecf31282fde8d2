//! User-defined networks (`rcon network create`): one JSON record each under
//! `<root>/networks/<name>.json`, in the shape `podman network inspect` prints.
//!
//! A record only says what the network is (its bridge's name and its subnet);
//! the bridge itself lives in rcon's shared network namespace ([`super::bridge`])
//! and is made when the first container on the network starts. Callers hold
//! the store lock around create and remove, as for containers, so that a
//! container recording its network never loses it between check and record.

use crate::events::{Event, Status as EventStatus};
use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::util::fs::{IoError, io_err, write_atomic};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid network name {0:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    InvalidName(String),
    #[error("{0:?} is a network mode, not a name for a network; choose another name")]
    Reserved(String),
    #[error("network {0} already exists")]
    Exists(String),
    #[error("default network {0} cannot be removed")]
    Default(String),
    #[error(
        "unknown network {0:?}: no network of that name (`rcon network ls` lists them; `rcon network create {0}` makes it); modes are private, pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, ns:/PATH and container:NAME"
    )]
    NotFound(String),
    #[error("network ID prefix {prefix:?} is ambiguous: {}", matches.join(", "))]
    Ambiguous {
        prefix: String,
        matches: Vec<String>,
    },
    #[error("invalid --subnet {0:?}: use an IPv4 network A.B.C.D/N with N from 8 to 30")]
    Subnet(String),
    #[error("--subnet {subnet} overlaps {what}; choose another subnet")]
    Overlap { subnet: String, what: String },
    #[error("invalid --gateway {gateway:?}: use an address inside {subnet}")]
    Gateway { gateway: String, subnet: String },
    #[error("no free subnet left in 10.89.0.0/16 for a new network; give one with --subnet")]
    NoSubnet,
    #[error("network driver {0:?} is not supported: rcon's networks use the bridge driver")]
    Driver(String),
    #[error("network record {} is corrupt: {source}; remove it with `rcon network rm`", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error(transparent)]
    Io(#[from] IoError),
    #[error(transparent)]
    Store(#[from] crate::storage::store::Error),
}

impl crate::util::exit::ExitCode for Error {}

type Result<T> = std::result::Result<T, Error>;

/// Names `--network` reads as modes, so no network may take them.
const RESERVED: [&str; 9] = [
    "none",
    "host",
    "private",
    "bridge",
    "default",
    "pasta",
    "slirp4netns",
    "ns",
    "container",
];

/// Podman's default network, which every user has without making it:
/// `--network podman` (or `bridge`) puts a container on it.
pub const DEFAULT_NETWORK: &str = "podman";

/// The default network as Podman defines it (its ID is the SHA-256 of its name).
fn default_network() -> NetworkRecord {
    use sha2::Digest;
    NetworkRecord {
        name: DEFAULT_NETWORK.into(),
        id: hex::encode(sha2::Sha256::digest(DEFAULT_NETWORK)),
        driver: "bridge".into(),
        network_interface: "podman0".into(),
        created: crate::util::time::now_rfc3339(),
        subnets: vec![Subnet {
            subnet: "10.88.0.0/16".into(),
            gateway: "10.88.0.1".into(),
        }],
        ipv6_enabled: false,
        internal: false,
        dns_enabled: false,
        labels: BTreeMap::new(),
        ipam_options: BTreeMap::from([("driver".to_string(), "host-local".to_string())]),
    }
}

/// One network as `podman network inspect` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkRecord {
    pub name: String,
    pub id: String,
    pub driver: String,
    /// The bridge in rcon's network namespace (`rcon1`, `rcon2`, …).
    pub network_interface: String,
    pub created: String,
    pub subnets: Vec<Subnet>,
    pub ipv6_enabled: bool,
    pub internal: bool,
    /// Names resolve through each container's /etc/hosts, not a DNS server.
    pub dns_enabled: bool,
    pub labels: BTreeMap<String, String>,
    pub ipam_options: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subnet {
    pub subnet: String,
    pub gateway: String,
}

/// What `rcon network create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub name: Option<String>,
    pub driver: Option<String>,
    pub subnet: Option<String>,
    pub gateway: Option<String>,
    pub internal: bool,
    pub labels: BTreeMap<String, String>,
}

/// An IPv4 network: its address and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    pub network: Ipv4Addr,
    pub prefix: u8,
}

impl Cidr {
    /// `A.B.C.D/N`, with host bits zero.
    pub fn parse(text: &str) -> Option<Cidr> {
        let (address, prefix) = text.split_once('/')?;
        let network: Ipv4Addr = address.parse().ok()?;
        let prefix: u8 = prefix.parse().ok()?;
        let cidr = Cidr { network, prefix };
        ((8..=30).contains(&prefix) && u32::from(network) & !cidr.mask() == 0).then_some(cidr)
    }

    fn mask(&self) -> u32 {
        u32::MAX << (32 - u32::from(self.prefix))
    }

    pub fn contains(&self, address: Ipv4Addr) -> bool {
        u32::from(address) & self.mask() == u32::from(self.network)
    }

    fn overlaps(&self, other: &Cidr) -> bool {
        let mask = self.mask() & other.mask();
        u32::from(self.network) & mask == u32::from(other.network) & mask
    }

    /// The addresses containers may get: all but the network's, the
    /// broadcast address and `gateway`.
    pub fn hosts(&self, gateway: Ipv4Addr) -> impl Iterator<Item = Ipv4Addr> {
        let first = u32::from(self.network) + 1;
        let last = u32::from(self.network) | !self.mask();
        (first..last)
            .map(Ipv4Addr::from)
            .filter(move |a| *a != gateway)
    }
}

impl std::fmt::Display for Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// The keys `network ls --filter` takes besides `name` and `label`.
pub const FILTER_KEYS: &[&str] = &["id", "driver"];

impl crate::filter::Subject for NetworkRecord {
    type Term = String;
    fn name(&self) -> &str {
        &self.name
    }
    fn label(&self, key: &str) -> Option<&str> {
        self.labels.get(key).map(String::as_str)
    }
    fn passes(&self, key: &str, value: &String) -> bool {
        match key {
            "id" => self.id.starts_with(value.as_str()),
            "driver" => *value == self.driver,
            _ => false,
        }
    }
}

impl NetworkRecord {
    /// The network's subnet and gateway, parsed.
    pub fn subnet(&self) -> (Cidr, Ipv4Addr) {
        let first = &self.subnets[0];
        let cidr = Cidr::parse(&first.subnet).expect("stored subnets are valid");
        let gateway = first.gateway.parse().expect("stored gateways are valid");
        (cidr, gateway)
    }
}

/// The networks under one storage root.
#[derive(Debug, Clone)]
pub struct Networks {
    dir: PathBuf,
}

impl Networks {
    /// Opens (creating if needed) `<root>/networks`.
    pub fn open(root: &Path) -> Result<Networks> {
        let dir = root.join("networks");
        std::fs::create_dir_all(&dir).map_err(io_err("creating", &dir))?;
        Ok(Networks { dir })
    }

    /// `<root>/networks`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every network, by name, the default one included.
    pub fn list(&self) -> Result<Vec<NetworkRecord>> {
        let entries = std::fs::read_dir(&self.dir).map_err(io_err("reading", &self.dir))?;
        let mut list = vec![default_network()];
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(name) = name.strip_suffix(".json") {
                if !name.starts_with('.') {
                    list.push(self.read(name)?);
                }
            }
        }
        list.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(list)
    }

    fn read(&self, name: &str) -> Result<NetworkRecord> {
        if name == DEFAULT_NETWORK {
            return Ok(default_network());
        }
        let path = self.dir.join(format!("{name}.json"));
        let bytes = std::fs::read(&path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound(name.to_string()),
            _ => Error::Io(IoError::new("reading", &path, source)),
        })?;
        serde_json::from_slice(&bytes).map_err(|source| Error::Corrupt { path, source })
    }

    /// The network named `input`, or whose ID starts with it.
    pub fn get(&self, input: &str) -> Result<NetworkRecord> {
        if valid_name(input) {
            match self.read(input) {
                Err(Error::NotFound(_)) => {}
                found => return found,
            }
        }
        let matches: Vec<NetworkRecord> = self
            .list()?
            .into_iter()
            .filter(|n| !input.is_empty() && n.id.starts_with(input))
            .collect();
        match matches.len() {
            0 => Err(Error::NotFound(input.to_string())),
            1 => Ok(matches.into_iter().next().expect("one match")),
            _ => Err(Error::Ambiguous {
                prefix: input.to_string(),
                matches: matches.into_iter().map(|n| n.name).collect(),
            }),
        }
    }

    /// Makes a network: the next free bridge name, and the subnet asked for
    /// or the first free `10.89.N.0/24`. Call with the store lock held.
    pub fn create(&self, options: &CreateOptions) -> Result<NetworkRecord> {
        if let Some(driver) = options.driver.as_deref().filter(|d| *d != "bridge") {
            return Err(Error::Driver(driver.to_string()));
        }
        let existing = self.list()?;
        let interface = (1..)
            .map(|n| format!("rcon{n}"))
            .find(|i| !existing.iter().any(|n| &n.network_interface == i))
            .expect("a free bridge name");
        let name = options.name.clone().unwrap_or_else(|| interface.clone());
        if !valid_name(&name) {
            return Err(Error::InvalidName(name));
        }
        if RESERVED.contains(&name.as_str()) {
            return Err(Error::Reserved(name));
        }
        if existing.iter().any(|n| n.name == name) {
            return Err(Error::Exists(name));
        }
        let taken: Vec<(Cidr, String)> = existing
            .iter()
            .map(|n| (n.subnet().0, format!("network {}", n.name)))
            .chain(host_routes())
            .collect();
        let subnet = match &options.subnet {
            Some(text) => {
                let cidr = Cidr::parse(text).ok_or_else(|| Error::Subnet(text.clone()))?;
                if let Some((_, what)) = taken.iter().find(|(c, _)| c.overlaps(&cidr)) {
                    return Err(Error::Overlap {
                        subnet: cidr.to_string(),
                        what: what.clone(),
                    });
                }
                cidr
            }
            None => (0..=255u8)
                .map(|n| Cidr {
                    network: Ipv4Addr::new(10, 89, n, 0),
                    prefix: 24,
                })
                .find(|c| !taken.iter().any(|(t, _)| t.overlaps(c)))
                .ok_or(Error::NoSubnet)?,
        };
        let gateway = match &options.gateway {
            Some(text) => text
                .parse::<Ipv4Addr>()
                .ok()
                .filter(|g| {
                    subnet.contains(*g) && subnet.hosts(Ipv4Addr::UNSPECIFIED).any(|h| h == *g)
                })
                .ok_or_else(|| Error::Gateway {
                    gateway: text.clone(),
                    subnet: subnet.to_string(),
                })?,
            None => Ipv4Addr::from(u32::from(subnet.network) + 1),
        };
        let record = NetworkRecord {
            name: name.clone(),
            id: crate::storage::store::new_id(),
            driver: "bridge".into(),
            network_interface: interface,
            created: crate::util::time::now_rfc3339(),
            subnets: vec![Subnet {
                subnet: subnet.to_string(),
                gateway: gateway.to_string(),
            }],
            ipv6_enabled: false,
            internal: options.internal,
            dns_enabled: false,
            labels: options.labels.clone(),
            ipam_options: BTreeMap::from([("driver".to_string(), "host-local".to_string())]),
        };
        let json = serde_json::to_vec_pretty(&record).expect("network records serialise");
        write_atomic(&self.dir.join(format!("{name}.json")), &json)?;
        Event::network(EventStatus::Create, &record.id, &record.name).record();
        Ok(record)
    }

    /// The address network `name` last gave a container, if it kept one.
    pub fn last_address(&self, name: &str) -> Option<Ipv4Addr> {
        std::fs::read_to_string(self.cursor(name))
            .ok()?
            .trim()
            .parse()
            .ok()
    }

    /// Notes the address network `name` gave a container last. Call with
    /// the store lock held.
    pub fn set_last_address(&self, name: &str, address: Ipv4Addr) -> Result<()> {
        Ok(write_atomic(
            &self.cursor(name),
            address.to_string().as_bytes(),
        )?)
    }

    /// `.NAME.last`: not a record (`list` reads `*.json` only).
    fn cursor(&self, name: &str) -> PathBuf {
        self.dir.join(format!(".{name}.last"))
    }

    /// Forgets a network. Call with the store lock held.
    pub fn remove(&self, name: &str) -> Result<()> {
        if name == DEFAULT_NETWORK {
            return Err(Error::Default(name.to_string()));
        }
        let path = self.dir.join(format!("{name}.json"));
        let id = self.get(name).map(|record| record.id).unwrap_or_default();
        std::fs::remove_file(&path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound(name.to_string()),
            _ => Error::Io(IoError::new("removing", path, source)),
        })?;
        let _ = std::fs::remove_file(self.cursor(name));
        Event::network(EventStatus::Remove, &id, name).record();
        Ok(())
    }
}

/// Podman's grammar for network names.
pub fn valid_name(name: &str) -> bool {
    crate::storage::volume::valid_volume_name(name)
}

/// True when `--network TEXT` names a network rather than a mode.
pub fn is_network_name(text: &str) -> bool {
    valid_name(text) && !RESERVED.contains(&text)
}

/// The host's IPv4 networks (its routes), so a new network never hides a
/// network the host reaches.
fn host_routes() -> Vec<(Cidr, String)> {
    super::host_routes()
        .into_iter()
        // The default route overlaps everything; it is no network of the host's.
        .filter(|route| route.prefix > 0)
        .map(|route| {
            let (network, prefix) = (route.destination, route.prefix);
            (
                Cidr { network, prefix },
                format!(
                    "the host's route to {network}/{prefix} ({})",
                    route.interface
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_parse_overlap_and_list_their_hosts() {
        let net = Cidr::parse("10.89.3.0/24").unwrap();
        assert_eq!(net.to_string(), "10.89.3.0/24");
        assert!(Cidr::parse("10.89.3.1/24").is_none(), "host bits set");
        assert!(Cidr::parse("10.89.3.0/31").is_none());
        assert!(Cidr::parse("10.89.3.0").is_none());
        assert!(net.overlaps(&Cidr::parse("10.89.0.0/16").unwrap()));
        assert!(!net.overlaps(&Cidr::parse("10.89.4.0/24").unwrap()));
        let gateway = Ipv4Addr::new(10, 89, 3, 1);
        let hosts: Vec<Ipv4Addr> = net.hosts(gateway).collect();
        assert_eq!(hosts.first(), Some(&Ipv4Addr::new(10, 89, 3, 2)));
        assert_eq!(hosts.last(), Some(&Ipv4Addr::new(10, 89, 3, 254)));
        assert_eq!(hosts.len(), 253);
    }

    #[test]
    fn create_allocates_names_and_subnets_and_refuses_clashes() {
        let dir = std::env::temp_dir().join(format!("rcon-networks-{}", std::process::id()));
        let networks = Networks::open(&dir).unwrap();
        let first = networks
            .create(&CreateOptions {
                name: Some("web".into()),
                ..CreateOptions::default()
            })
            .unwrap();
        assert_eq!(first.network_interface, "rcon1");
        let (subnet, gateway) = first.subnet();
        assert_eq!(u32::from(gateway), u32::from(subnet.network) + 1);
        let second = networks.create(&CreateOptions::default()).unwrap();
        assert_eq!(
            (second.name.as_str(), second.network_interface.as_str()),
            ("rcon2", "rcon2")
        );
        assert!(!second.subnet().0.overlaps(&subnet));
        assert!(matches!(
            networks.create(&CreateOptions {
                name: Some("web".into()),
                ..CreateOptions::default()
            }),
            Err(Error::Exists(_))
        ));
        assert!(matches!(
            networks.create(&CreateOptions {
                name: Some("x".into()),
                subnet: Some(subnet.to_string()),
                ..CreateOptions::default()
            }),
            Err(Error::Overlap { .. })
        ));
        for (name, subnet, gateway) in [
            ("host", None, None),
            ("a b", None, None),
            ("y", Some("10.99.0.0/33"), None),
            ("y", Some("10.99.0.0/24"), Some("10.98.0.1")),
        ] {
            let result = networks.create(&CreateOptions {
                name: Some(name.into()),
                subnet: subnet.map(String::from),
                gateway: gateway.map(String::from),
                ..CreateOptions::default()
            });
            assert!(result.is_err(), "{name} {subnet:?} {gateway:?}");
        }
        assert_eq!(networks.get(&first.id[..10]).unwrap().name, "web");
        networks.remove("web").unwrap();
        assert!(matches!(networks.get("web"), Err(Error::NotFound(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ls_filters_by_id_prefix_driver_and_every_label() {
        let scratch = crate::util::scratch::ScratchDir::new("network-filter");
        let networks = Networks::open(scratch.path()).unwrap();
        let create = |name: &str, labels: &[(&str, &str)]| {
            networks
                .create(&CreateOptions {
                    name: Some(name.into()),
                    labels: labels
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                    ..CreateOptions::default()
                })
                .unwrap()
        };
        let front = create("front", &[("app", "shop"), ("tier", "front")]);
        create("back", &[("app", "shop")]);
        let list = networks.list().unwrap();
        let pass = |terms: &[&str]| -> Vec<String> {
            let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
            let filter = crate::filter::Filter::parse("network", FILTER_KEYS, &terms).unwrap();
            let passing = list.iter().filter(|n| filter.matches(*n));
            passing.map(|n| n.name.clone()).collect()
        };
        assert_eq!(pass(&["label=app=shop"]), ["back", "front"]);
        assert_eq!(pass(&["label=app=shop", "label=tier"]), ["front"]);
        assert_eq!(pass(&[&format!("id={}", &front.id[..12])]), ["front"]);
        assert_eq!(pass(&["driver=bridge", "name=^b"]), ["back"]);
        assert!(pass(&["driver=macvlan"]).is_empty());
    }
}
