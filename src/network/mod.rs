//! User-mode networking: which network a container gets (`--network`), the
//! helper that connects a private network namespace to the host (pasta or
//! slirp4netns, [`Helper`]), published ports ([`ports`]) and the container's
//! `/etc/resolv.conf` and `/etc/hosts` ([`names`]).
//!
//! The helper belongs to the container's monitor: it is started against the
//! container's network namespace after the clone and before the command is
//! released to exec, gets `PR_SET_PDEATHSIG` so it never outlives the monitor
//! (even a SIGKILLed one), and is stopped and reaped when the container ends.

pub mod bridge;
mod helper;
pub mod names;
mod netlink;
mod pasta;
pub mod ports;
mod relay;
mod slirp4netns;
pub mod store;

use std::fmt;
use std::path::{Path, PathBuf};

pub use bridge::Attachment;
pub use helper::Helper;
pub use ports::{PortMapping, Protocol};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "unknown network {0:?}: use private, pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, ns:/PATH or container:NAME"
    )]
    UnknownMode(String),
    #[error(
        "--network {network}: {option:?} is not supported: rcon gives each container the next free address on its network; alias=NAME is the option it takes"
    )]
    UnsupportedOption { network: String, option: String },
    #[error(
        "--network {network}: alias {alias:?} is not a valid host name: use letters, digits, '_', '.' and '-', starting with a letter or digit"
    )]
    BadAlias { network: String, alias: String },
    #[error("--network {mode}: {program} is not installed; install the {package} package")]
    MissingHelper {
        mode: &'static str,
        program: &'static str,
        package: &'static str,
    },
    #[error(
        "no user-mode network helper is installed: install the passt package (pasta) or slirp4netns, or run with --network none or host"
    )]
    NoHelper,
    #[error(
        "invalid slirp4netns option {0:?}: use allow_host_loopback=true|false, mtu=N, cidr=A.B.C.D/N, enable_ipv6=true|false or port_handler=slirp4netns|rootlesskit"
    )]
    SlirpOption(String),
    #[error("{helper} failed to start the container's network: {message}")]
    HelperFailed {
        helper: &'static str,
        message: String,
    },
    #[error("{what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
    #[error("connecting the container to network {network}: {step}: {message}")]
    Bridge {
        network: String,
        step: String,
        message: String,
    },
    #[error(transparent)]
    Port(#[from] ports::Error),
    #[error(transparent)]
    Name(#[from] names::Error),
    #[error(transparent)]
    Store(#[from] store::Error),
}

/// The network a container gets, as `--network` names it. Container
/// records hold it parsed (`{"mode": "pasta", "options": {…}}`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "mode", content = "options", rename_all = "camelCase")]
pub enum Mode {
    /// A private network namespace with only `lo`, up.
    None,
    /// rcon's own network namespace: the host's, as the user sees it.
    Host,
    /// `ns:PATH`: an existing network namespace.
    Path(PathBuf),
    /// `container:NAME`: another running container's network namespace.
    Container(String),
    /// A private namespace connected by pasta, with pasta's own options.
    Pasta(PastaOptions),
    /// A private namespace connected by slirp4netns.
    Slirp4netns(SlirpOptions),
    /// A user-defined network (`rcon network create`): a private namespace
    /// on the network's bridge, and the default helper (`outside`, if one
    /// is installed) for everything beyond it.
    Network {
        name: String,
        outside: Option<Box<Mode>>,
    },
}

/// `pasta:OPTIONS`: arguments passed to pasta as they are, except rcon's
/// `--map-gw` (the gateway address reaches the host's loopback).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PastaOptions {
    pub map_gw: bool,
    pub args: Vec<String>,
}

/// `slirp4netns:OPTIONS`, Podman's names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SlirpOptions {
    pub allow_host_loopback: bool,
    pub mtu: u32,
    /// The network slirp4netns emulates (default 10.0.2.0/24).
    pub cidr: Option<String>,
    pub enable_ipv6: bool,
}

impl Default for SlirpOptions {
    fn default() -> SlirpOptions {
        SlirpOptions {
            allow_host_loopback: false,
            // Podman's choice too: the largest MTU slirp4netns takes, far
            // fewer packets for bulk TCP than the tap's default 1500.
            mtu: 65520,
            cidr: None,
            enable_ipv6: false,
        }
    }
}

impl Mode {
    /// Parses `--network`. `private` (and the empty default) becomes the
    /// default helper: pasta where installed, else slirp4netns.
    pub fn parse(text: &str) -> Result<Mode, Error> {
        let mode = Mode::parse_text(text)?;
        mode.check_helper()?;
        Ok(mode)
    }

    /// The mode a container record written before records held the parsed
    /// mode names by its text; whether its helper is still installed is
    /// [`Mode::check_helper`]'s question when the container starts.
    pub fn parse_recorded(text: &str) -> Result<Mode, Error> {
        Mode::parse_text(text)
    }

    fn parse_text(text: &str) -> Result<Mode, Error> {
        let (kind, options) = match text.split_once(':') {
            Some((kind, options)) => (kind, Some(options)),
            None => (text, None),
        };
        let mode = match (kind, options) {
            ("" | "private", None) => return default_helper(),
            // Podman's other name for its default network.
            ("bridge", None) => Mode::Network {
                name: store::DEFAULT_NETWORK.to_string(),
                outside: default_helper().ok().map(Box::new),
            },
            ("none", None) => Mode::None,
            ("host", None) => Mode::Host,
            ("ns", Some(path)) if path.starts_with('/') => Mode::Path(PathBuf::from(path)),
            ("container", Some(name)) if !name.is_empty() => Mode::Container(name.to_string()),
            ("pasta", options) => Mode::Pasta(PastaOptions::parse(options.unwrap_or(""))),
            ("slirp4netns", options) => {
                Mode::Slirp4netns(SlirpOptions::parse(options.unwrap_or(""))?)
            }
            (name, None) if store::is_network_name(name) => Mode::Network {
                name: name.to_string(),
                outside: default_helper().ok().map(Box::new),
            },
            _ => return Err(Error::UnknownMode(text.to_string())),
        };
        Ok(mode)
    }

    /// Splits Podman's options off a user-defined network's name
    /// (`--network NAME:alias=A,alias=B`, as podman-compose names a
    /// service on its network): the network's own text and the aliases.
    /// Any other text is returned whole, for [`Mode::parse`].
    pub fn split_aliases(text: &str) -> Result<(&str, Vec<String>), Error> {
        let Some((name, options)) = text.split_once(':') else {
            return Ok((text, Vec::new()));
        };
        if name != "bridge" && !store::is_network_name(name) {
            return Ok((text, Vec::new()));
        }
        let mut aliases = Vec::new();
        for option in options.split(',').filter(|o| !o.is_empty()) {
            match option.split_once('=') {
                Some(("alias", alias)) if store::valid_name(alias) => {
                    aliases.push(alias.to_string())
                }
                Some(("alias", alias)) => {
                    return Err(Error::BadAlias {
                        network: name.to_string(),
                        alias: alias.to_string(),
                    });
                }
                Some(("ip" | "ip6" | "mac" | "interface_name", _)) => {
                    return Err(Error::UnsupportedOption {
                        network: name.to_string(),
                        option: option.to_string(),
                    });
                }
                _ => return Err(Error::UnknownMode(text.to_string())),
            }
        }
        Ok((name, aliases))
    }

    /// An internal network's: no helper leads out of it.
    pub fn cut_off(&mut self) {
        if let Mode::Network { outside, .. } = self {
            *outside = None;
        }
    }

    /// A container on user-defined networks (the only mode `network
    /// connect` adds networks to, as Podman's bridge mode).
    pub fn bridged(&self) -> bool {
        matches!(self, Mode::Network { .. })
    }

    /// The helper mode (pasta or slirp4netns) a container in this mode
    /// runs while it is on `attachments`: on user-defined networks, only
    /// while one of them leads out, so a container taken off its last
    /// network (or on internal ones only) has nothing but `lo`, no way out
    /// and no published port, as in Podman.
    pub fn helper(&self, attachments: &[Attachment]) -> Option<&Mode> {
        match self {
            Mode::Pasta(_) | Mode::Slirp4netns(_) => Some(self),
            Mode::Network { outside, .. } if attachments.iter().any(|a| !a.internal) => {
                outside.as_deref()
            }
            _ => None,
        }
    }

    /// This helper mode for a namespace whose interfaces are `taken` (a
    /// container's veths, made before it had a way out), if it must differ
    /// (see [`pasta::beside`]). `None`: as it is.
    pub fn beside(&self, taken: &[String]) -> Option<Mode> {
        match self {
            Mode::Pasta(options) => pasta::beside(options, taken).map(Mode::Pasta),
            _ => None,
        }
    }

    /// Gives a container made on an internal network (no helper chosen)
    /// the default helper, as it joins a network that leads out.
    pub fn lead_out(&mut self) -> Result<(), Error> {
        if let Mode::Network { outside, .. } = self {
            if outside.is_none() {
                *outside = Some(Box::new(default_helper()?));
            }
        }
        Ok(())
    }

    /// The helper program this mode needs is installed.
    pub fn check_helper(&self) -> Result<(), Error> {
        let (mode, program, package) = match self {
            Mode::Pasta(_) => ("pasta", pasta::PROGRAM, "passt"),
            Mode::Slirp4netns(_) => ("slirp4netns", slirp4netns::PROGRAM, "slirp4netns"),
            _ => return Ok(()),
        };
        match crate::userns::idmap::find_program(program) {
            Some(_) => Ok(()),
            None => Err(Error::MissingHelper {
                mode,
                program,
                package,
            }),
        }
    }

    /// The container gets a network namespace of its own (with `lo` up).
    pub fn private_namespace(&self) -> bool {
        matches!(
            self,
            Mode::None | Mode::Pasta(_) | Mode::Slirp4netns(_) | Mode::Network { .. }
        )
    }

    /// Ports can be published: the mode has a helper to forward them.
    pub fn publishes_ports(&self) -> bool {
        match self {
            Mode::Pasta(_) | Mode::Slirp4netns(_) => true,
            Mode::Network { outside, .. } => outside.is_some(),
            _ => false,
        }
    }

    /// The user-defined network this mode names.
    pub fn network_name(&self) -> Option<&str> {
        match self {
            Mode::Network { name, .. } => Some(name),
            _ => None,
        }
    }

    /// What the container's `/etc/resolv.conf` and `/etc/hosts` point at.
    pub fn addresses(&self) -> names::Addresses {
        match self {
            Mode::Pasta(options) => pasta::addresses(options),
            Mode::Slirp4netns(options) => slirp4netns::addresses(options),
            Mode::Host => names::Addresses::host(),
            Mode::Network {
                outside: Some(outside),
                ..
            } => outside.addresses(),
            Mode::None | Mode::Path(_) | Mode::Container(_) | Mode::Network { .. } => {
                names::Addresses::isolated()
            }
        }
    }
}

/// `private`: pasta where installed, as in Podman 5; else slirp4netns.
fn default_helper() -> Result<Mode, Error> {
    if crate::userns::idmap::find_program(pasta::PROGRAM).is_some() {
        Ok(Mode::Pasta(PastaOptions::default()))
    } else if crate::userns::idmap::find_program(slirp4netns::PROGRAM).is_some() {
        Ok(Mode::Slirp4netns(SlirpOptions::default()))
    } else {
        Err(Error::NoHelper)
    }
}

impl PastaOptions {
    fn parse(text: &str) -> PastaOptions {
        let mut options = PastaOptions::default();
        for arg in text.split(',').filter(|a| !a.is_empty()) {
            if arg == "--map-gw" {
                options.map_gw = true;
            } else {
                options.args.push(arg.to_string());
            }
        }
        options
    }
}

impl SlirpOptions {
    fn parse(text: &str) -> Result<SlirpOptions, Error> {
        let mut options = SlirpOptions::default();
        let bad = || Error::SlirpOption(text.to_string());
        let boolean = |value: &str| match value {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(bad()),
        };
        for option in text.split(',').filter(|o| !o.is_empty()) {
            let (key, value) = option.split_once('=').ok_or_else(bad)?;
            match key {
                "allow_host_loopback" => options.allow_host_loopback = boolean(value)?,
                "enable_ipv6" => options.enable_ipv6 = boolean(value)?,
                "mtu" => {
                    options.mtu = value
                        .parse()
                        .ok()
                        .filter(|m| (68..=65521).contains(m))
                        .ok_or_else(bad)?
                }
                "cidr" => {
                    slirp4netns::parse_cidr(value).ok_or_else(bad)?;
                    options.cidr = Some(value.to_string());
                }
                // rcon forwards ports one way, slirp4netns's own (UDP through
                // rcon's relay); rootlesskit, Podman's default, names that
                // default here, as plain `slirp4netns` does in Podman.
                "port_handler" if matches!(value, "slirp4netns" | "rootlesskit") => {}
                _ => return Err(bad()),
            }
        }
        Ok(options)
    }
}

impl fmt::Display for Mode {
    /// The canonical text, as stored in container records and shown by inspect.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Mode::None => f.write_str("none"),
            Mode::Host => f.write_str("host"),
            Mode::Path(path) => write!(f, "ns:{}", path.display()),
            Mode::Container(name) => write!(f, "container:{name}"),
            Mode::Network { name, .. } => f.write_str(name),
            Mode::Pasta(options) => {
                let mut args = options.args.clone();
                if options.map_gw {
                    args.insert(0, "--map-gw".into());
                }
                match args.is_empty() {
                    true => f.write_str("pasta"),
                    false => write!(f, "pasta:{}", args.join(",")),
                }
            }
            Mode::Slirp4netns(options) => {
                let default = SlirpOptions::default();
                let mut set = Vec::new();
                if options.allow_host_loopback {
                    set.push("allow_host_loopback=true".to_string());
                }
                if options.enable_ipv6 {
                    set.push("enable_ipv6=true".to_string());
                }
                if options.mtu != default.mtu {
                    set.push(format!("mtu={}", options.mtu));
                }
                if let Some(cidr) = &options.cidr {
                    set.push(format!("cidr={cidr}"));
                }
                match set.is_empty() {
                    true => f.write_str("slirp4netns"),
                    false => write!(f, "slirp4netns:{}", set.join(",")),
                }
            }
        }
    }
}

/// Where a running container's helper keeps its log, PID file and socket:
/// `dir` is the container's entry in the runtime dir.
#[derive(Debug, Clone)]
pub struct HelperFiles {
    pub dir: PathBuf,
    /// A short socket path (a Unix socket path must fit in 108 bytes).
    pub socket: PathBuf,
}

impl HelperFiles {
    pub fn new(runroot: &Path, entry_dir: &Path, id: &str) -> HelperFiles {
        HelperFiles {
            dir: entry_dir.to_path_buf(),
            socket: runroot.join(format!("net-{}.sock", &id[..12.min(id.len())])),
        }
    }
}

/// One IPv4 route of the host, from `/proc/net/route` (rcon's network
/// namespace is the host's).
struct HostRoute {
    interface: String,
    destination: std::net::Ipv4Addr,
    gateway: std::net::Ipv4Addr,
    prefix: u8,
    flags: u32,
}

/// The host's IPv4 routes. The table shows each address as the hex of its
/// bytes in network order read as a native integer.
fn host_routes() -> Vec<HostRoute> {
    let text = std::fs::read_to_string("/proc/net/route").unwrap_or_default();
    let address = |hex: &str| u32::from_str_radix(hex, 16).ok().map(u32::from_be);
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            Some(HostRoute {
                interface: fields.first()?.to_string(),
                destination: address(fields.get(1)?)?.into(),
                gateway: address(fields.get(2)?)?.into(),
                prefix: address(fields.get(7)?)?.count_ones() as u8,
                flags: u32::from_str_radix(fields.get(3)?, 16).ok()?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_split_off_a_user_network() {
        assert_eq!(
            Mode::split_aliases("shop_default:alias=web,alias=front").unwrap(),
            ("shop_default", vec!["web".to_string(), "front".to_string()])
        );
        assert_eq!(
            Mode::split_aliases("bridge:alias=web").unwrap(),
            ("bridge", vec!["web".to_string()])
        );
        // A mode's options are the mode's.
        for text in ["pasta:-4", "slirp4netns:mtu=1500", "container:web", "shop"] {
            assert_eq!(Mode::split_aliases(text).unwrap(), (text, Vec::new()));
        }
        assert!(matches!(
            Mode::split_aliases("shop:ip=10.0.0.5"),
            Err(Error::UnsupportedOption { .. })
        ));
        assert!(matches!(
            Mode::split_aliases("shop:alias=a b"),
            Err(Error::BadAlias { .. })
        ));
    }

    #[test]
    fn modes_parse_and_print_back() {
        for text in [
            "none",
            "host",
            "ns:/run/netns/x",
            "container:web",
            "pasta:--map-gw,-4",
            "slirp4netns:allow_host_loopback=true,mtu=1500,cidr=10.5.0.0/24",
        ] {
            let mode = Mode::parse(text).or_else(|e| match e {
                // The helper may be missing where unit tests run.
                Error::MissingHelper { .. } => Ok(Mode::None),
                e => Err(e),
            });
            let mode = mode.unwrap();
            if mode != Mode::None || text == "none" {
                assert_eq!(mode.to_string(), text);
            }
        }
        assert!(matches!(
            Mode::parse("bridge0:x"),
            Err(Error::UnknownMode(_))
        ));
        assert!(matches!(
            Mode::split_aliases("bridge0:x"),
            Err(Error::UnknownMode(_))
        ));
        assert!(matches!(
            Mode::parse("ns:relative"),
            Err(Error::UnknownMode(_))
        ));
        assert!(matches!(
            SlirpOptions::parse("mtu=ten"),
            Err(Error::SlirpOption(_))
        ));
        assert!(matches!(
            SlirpOptions::parse("port_handler=rootlessport"),
            Err(Error::SlirpOption(_))
        ));
        // Podman's default handler's name: rcon's default forwarding.
        assert_eq!(
            SlirpOptions::parse("port_handler=rootlesskit").unwrap(),
            SlirpOptions::default()
        );
        assert!(
            SlirpOptions::parse("allow_host_loopback=true")
                .unwrap()
                .allow_host_loopback
        );
    }
}
