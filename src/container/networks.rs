//! Containers on user-defined networks: each gets an address on each of its
//! networks (kept while it stays there, so its name always means the same
//! address), and every container finds the others on a network it shares
//! with them by name, `--network-alias` and short ID in its `/etc/hosts`.
//! Those hosts files are rewritten in place (the container has them
//! bind-mounted) whenever a container joins a network or leaves it, so
//! running containers see the change at once. `network connect`,
//! `disconnect` and `reload` change a container's networks, running or not;
//! `network rm`, which must know the containers, is here too.

use std::fs::OpenOptions;
use std::io::Write;
use std::net::Ipv4Addr;
use std::path::Path;

use nix::fcntl::Flock;

use super::Error;
use super::lifecycle::{DEFAULT_STOP_TIMEOUT, Lifecycle};
use super::store::{ContainerLock, ContainerRecord, Containers, Status};
use crate::events::{Event, Status as EventStatus};
use crate::network::names::{self, Peer};
use crate::network::store::{NetworkRecord, Networks};
use crate::network::{self, Attachment, Mode};

/// A container's place on `network`, among its `members` (see
/// [`members`]), as `wanted`: the address asked for (`--ip`), else the first free one
/// after the one the network gave last, as Podman hands them out — an
/// address given up is not given again at once, so a container that leaves
/// and comes back gets a new one, and a stale hosts line or ARP entry never
/// leads to a newcomer. Call with the store lock held, so two never pick
/// the same one.
pub fn allocate(
    networks: &Networks,
    members: &[ContainerRecord],
    network: &NetworkRecord,
    wanted: &ConnectOptions,
) -> Result<Attachment, Error> {
    let (subnet, gateway) = network.subnet();
    let holder = |address: Ipv4Addr| {
        members.iter().find(|r| {
            r.config
                .attachments
                .iter()
                .any(|a| a.network == network.name && a.address == address)
        })
    };
    let address = match wanted.ip {
        Some(address) => {
            if !subnet.hosts(gateway).any(|a| a == address) {
                return Err(Error::Invalid(format!(
                    "requested static ip {address} not in any subnet on network {}: use a free address of {subnet} other than the gateway {gateway}",
                    network.name
                )));
            }
            if let Some(holder) = holder(address) {
                return Err(Error::Invalid(format!(
                    "requested ip address {address} is already allocated to container ID {} on network {}",
                    holder.id, network.name
                )));
            }
            address
        }
        None => {
            let last = networks.last_address(&network.name);
            let after_last = subnet
                .hosts(gateway)
                .skip_while(|a| last.is_some_and(|last| *a <= last));
            after_last
                .chain(subnet.hosts(gateway))
                .find(|a| holder(*a).is_none())
                .ok_or_else(|| {
                    Error::Invalid(format!(
                        "network {} has no free address left in {subnet}: remove containers from it or create a network with a larger --subnet",
                        network.name
                    ))
                })?
        }
    };
    networks
        .set_last_address(&network.name, address)
        .map_err(network::Error::from)?;
    Ok(Attachment {
        network: network.name.clone(),
        bridge: network.network_interface.clone(),
        address,
        prefix: subnet.prefix,
        gateway,
        aliases: wanted.aliases.clone(),
        internal: network.internal,
        mac: wanted.mac.clone().unwrap_or_else(Attachment::random_mac),
    })
}

/// `record`'s hosts file: its own names (at its address on its first
/// network), then the containers of `others` that share a network with it,
/// at their address there; `mode` is its network mode, parsed.
pub fn hosts_file(
    record: &ContainerRecord,
    mode: &Mode,
    others: &[ContainerRecord],
) -> Result<String, Error> {
    let config = &record.config;
    let mut addresses = mode.addresses();
    if let Some(attachment) = config.attachments.first() {
        addresses.own = Some(attachment.address.to_string());
    }
    let shared = |a: &&Attachment| {
        config
            .attachments
            .iter()
            .any(|own| own.network == a.network)
    };
    let peers: Vec<Peer> = others
        .iter()
        .filter(|other| other.id != record.id)
        .flat_map(|other| {
            let names: Vec<String> = [other.name.clone()]
                .into_iter()
                .chain(
                    other
                        .config
                        .attachments
                        .iter()
                        .flat_map(|a| a.aliases.clone()),
                )
                .chain([other.id[..12].to_string()])
                .collect();
            let on_shared = other.config.attachments.iter().filter(shared);
            on_shared.map(move |a| Peer {
                address: a.address,
                names: names.clone(),
            })
        })
        .collect();
    Ok(names::hosts(
        &config.hostname,
        &record.name,
        &addresses,
        &config.names,
        &peers,
    )
    .map_err(network::Error::from)?)
}

/// The containers on network `name`.
pub fn members(containers: &Containers, name: &str) -> Result<Vec<ContainerRecord>, Error> {
    Ok(containers
        .list()?
        .into_iter()
        .filter(|r| r.config.attachments.iter().any(|a| a.network == name))
        .collect())
}

/// Rewrites the hosts file of every container on network `name`, after one
/// joined or left it, and that of container `left` (the one that left).
pub fn refresh_hosts(containers: &Containers, name: &str, left: Option<&str>) -> Result<(), Error> {
    let networks = Networks::open(containers.root()).map_err(network::Error::from)?;
    let _lock = hosts_lock(&networks)?;
    let all = containers.list()?;
    let concerned = all.iter().filter(|r| {
        left == Some(r.id.as_str()) || r.config.attachments.iter().any(|a| a.network == name)
    });
    for member in concerned {
        let text = hosts_file(member, &member.config.network, &all)?;
        let path = containers.dir(&member.id).join("userdata").join("hosts");
        // In place: a running container has this very inode bind-mounted.
        let rewrite = || -> std::io::Result<()> {
            let mut file = OpenOptions::new().write(true).open(&path)?;
            file.write_all(text.as_bytes())?;
            file.set_len(text.len() as u64)
        };
        match rewrite() {
            Ok(()) => {}
            // Removed meanwhile: nothing to update.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(Error::Files {
                    what: format!("updating {}", path.display()),
                    source,
                });
            }
        }
    }
    Ok(())
}

/// Serialises hosts rewrites, so two never interleave in one file.
fn hosts_lock(networks: &Networks) -> Result<Flock<std::fs::File>, Error> {
    Ok(crate::storage::store::lock_file(
        &networks.dir().join(".hosts.lock"),
    )?)
}

/// What a container asks for on a network (`network connect`'s flags;
/// `--network-alias` at create).
#[derive(Debug, Clone, Default)]
pub struct ConnectOptions {
    /// More names the network's other containers know it by.
    pub aliases: Vec<String>,
    /// Its address there (else the next free one).
    pub ip: Option<Ipv4Addr>,
    /// Its MAC address there, checked by [`parse_mac`] (else a random one).
    pub mac: Option<String>,
}

/// `--mac-address`: six bytes in hex, colon-separated, unicast (a veth
/// takes no other), written back in lower case.
pub fn parse_mac(text: &str) -> Result<String, Error> {
    let bytes: Option<Vec<u8>> = text
        .split(':')
        .map(|b| {
            (b.len() == 2)
                .then(|| u8::from_str_radix(b, 16).ok())
                .flatten()
        })
        .collect();
    match bytes {
        Some(bytes) if bytes.len() == 6 && bytes[0] & 1 == 0 => Ok(text.to_lowercase()),
        _ => Err(Error::Invalid(format!(
            "invalid MAC address {text:?}: use six hex bytes, aa:bb:cc:dd:ee:ff, of a unicast address (an even first byte)"
        ))),
    }
}

/// What `connect` and `disconnect` name: the networks, the network, and
/// the container's lock with its record as read under it.
fn lookup(
    lifecycle: &Lifecycle,
    network: &str,
    container: &str,
) -> Result<(Networks, NetworkRecord, ContainerLock, ContainerRecord), Error> {
    let networks = Networks::open(lifecycle.store().root()).map_err(network::Error::from)?;
    let network = networks.get(network).map_err(network::Error::from)?;
    let found = lifecycle.find(container)?;
    let lock = lifecycle.containers().lock(&found.id)?;
    let record = lifecycle.find(&found.id)?;
    Ok((networks, network, lock, record))
}

/// `rcon network connect`: puts container `container` on network
/// `network` (names, IDs or ID prefixes), running or not — a running one
/// gets its interface there at once (and its helper, if the network is the
/// first of its networks to lead out). As in Podman, only a container on
/// user-defined networks (bridge mode) can be connected, and connecting one
/// that is not running to a network it is on changes nothing. Returns the
/// container's record as it is now.
pub fn connect(
    lifecycle: &Lifecycle,
    network: &str,
    container: &str,
    options: &ConnectOptions,
) -> Result<ContainerRecord, Error> {
    let (networks, network, lock, before) = lookup(lifecycle, network, container)?;
    let containers = lifecycle.containers();
    if !before.config.network.bridged() {
        return Err(Error::Invalid(format!(
            "{:?} is not supported: invalid network mode; only a container on networks (--network NAME) can join another",
            before.config.network.to_string()
        )));
    }
    let running = lifecycle.state(&before.id)?.status == Status::Running;
    if before
        .config
        .attachments
        .iter()
        .any(|a| a.network == network.name)
    {
        if running {
            return Err(Error::Invalid(format!(
                "container {} is already connected to network {:?}: network is already connected",
                before.id, network.name
            )));
        }
        return Ok(before);
    }
    let mut mode = before.config.network.clone();
    if !network.internal {
        mode.lead_out()?;
    }
    let after = {
        let _store = lifecycle.store().lock()?;
        let members = members(containers, &network.name)?;
        let attachment = allocate(&networks, &members, &network, options)?;
        containers.update_config(&lock, &before.id, |config| {
            config.network = mode;
            config.attachments.push(attachment);
        })?
    };
    refresh_hosts(containers, &network.name, None)?;
    if running {
        apply(lifecycle, &before, &after)?;
    }
    Event::network(EventStatus::Connect, &after.id, &network.name).record();
    Ok(after)
}

/// `rcon network disconnect`: takes container `container` off network
/// `network`; a running one loses its interface there at once, and its
/// helper (its way out and published ports) with its last network that
/// leads out. Returns the container's record as it is now.
pub fn disconnect(
    lifecycle: &Lifecycle,
    network: &str,
    container: &str,
) -> Result<ContainerRecord, Error> {
    let (_, network, lock, before) = lookup(lifecycle, network, container)?;
    let containers = lifecycle.containers();
    if !before
        .config
        .attachments
        .iter()
        .any(|a| a.network == network.name)
    {
        return Err(Error::Invalid(format!(
            "container {} is not connected to network {}",
            before.name, network.name
        )));
    }
    let after = containers.update_config(&lock, &before.id, |config| {
        config.attachments.retain(|a| a.network != network.name);
    })?;
    refresh_hosts(containers, &network.name, Some(&after.id))?;
    if lifecycle.state(&after.id)?.status == Status::Running {
        apply(lifecycle, &before, &after)?;
    }
    Event::network(EventStatus::Disconnect, &after.id, &network.name).record();
    Ok(after)
}

/// `rcon network reload`: sets running container `record`'s network up
/// again as its record says — a helper that died is started again, an
/// interface that went is made again (same address and MAC address).
pub fn reload(lifecycle: &Lifecycle, record: &ContainerRecord) -> Result<(), Error> {
    let _lock = lifecycle.containers().lock(&record.id)?;
    let record = lifecycle.find(&record.id)?;
    if lifecycle.state(&record.id)?.status != Status::Running {
        return Err(Error::Invalid(format!(
            "cannot reload network unless container network has been configured: container state improper ({} is not running)",
            record.name
        )));
    }
    apply(lifecycle, &record, &record)
}

/// Brings running container `after`'s network in line with its record,
/// which was `before`: its helper first (through its monitor, so a new
/// helper's interface takes its name before any new veth end does), then
/// off the networks it left, then onto each network where it is not. A
/// container that ended meanwhile has nothing to change: its next start
/// follows its record.
fn apply(
    lifecycle: &Lifecycle,
    before: &ContainerRecord,
    after: &ContainerRecord,
) -> Result<(), Error> {
    let (pid, _pidfd) = match lifecycle.container_process(after) {
        Ok(process) => process,
        Err(Error::NotRunning(_)) if before != after => return Ok(()),
        Err(e) => return Err(e),
    };
    let runroot = lifecycle.runroot();
    if !super::attach::sync_network(lifecycle, after)? {
        let helper = |r: &ContainerRecord| r.config.network.helper(&r.config.attachments).cloned();
        if helper(before) != helper(after) {
            log::warn!(
                "container {} runs in the foreground of another rcon: its way out and published ports stay as they are until it restarts",
                after.name
            );
        }
    }
    let kept = |a: &&Attachment| after.config.attachments.contains(a);
    for gone in before.config.attachments.iter().filter(|a| !kept(a)) {
        network::bridge::detach(runroot, gone, &after.id)?;
    }
    for attachment in &after.config.attachments {
        if !network::bridge::is_attached(runroot, attachment, &after.id)? {
            network::bridge::attach(runroot, attachment, pid, &after.id)?;
        }
    }
    Ok(())
}

/// `rcon network rm`: refuses a network that containers use unless
/// `force`, which removes them first (stopping running ones); deletes the
/// bridge too. Returns the network's name.
pub fn remove_network(
    lifecycle: &Lifecycle,
    input: &str,
    force: bool,
    timeout: Option<std::time::Duration>,
) -> Result<String, Error> {
    let store = lifecycle.store();
    let networks = Networks::open(store.root()).map_err(network::Error::from)?;
    let network = networks.get(input).map_err(network::Error::from)?;
    if network.name == network::store::DEFAULT_NETWORK {
        return Err(network::Error::from(network::store::Error::Default(network.name)).into());
    }
    let users = members(lifecycle.containers(), &network.name)?;
    if let Some(user) = users.first().filter(|_| !force) {
        return Err(Error::Invalid(format!(
            "network {} is used by container {} ({}): remove the container{} first, or use `rcon network rm -f {}`",
            network.name,
            user.name,
            &user.id[..12],
            if users.len() > 1 { "s" } else { "" },
            network.name
        )));
    }
    for user in &users {
        lifecycle.remove(user, true, timeout.unwrap_or(DEFAULT_STOP_TIMEOUT), false)?;
    }
    {
        let _lock = store.lock()?;
        networks
            .remove(&network.name)
            .map_err(network::Error::from)?;
    }
    network::bridge::remove_bridge(lifecycle.runroot(), &network.network_interface)?;
    Ok(network.name)
}

/// `rcon network prune`: removes every network no container is attached
/// to; returns their names.
pub fn prune_networks(lifecycle: &Lifecycle) -> Result<Vec<String>, Error> {
    let networks = Networks::open(lifecycle.store().root()).map_err(network::Error::from)?;
    let used: std::collections::BTreeSet<String> = lifecycle
        .containers()
        .list()?
        .into_iter()
        .flat_map(|r| r.config.attachments.into_iter().map(|a| a.network))
        .collect();
    let mut removed = Vec::new();
    for network in networks.list().map_err(network::Error::from)? {
        if !used.contains(&network.name) && network.name != network::store::DEFAULT_NETWORK {
            removed.push(remove_network(lifecycle, &network.name, false, None)?);
        }
    }
    Ok(removed)
}

/// The networks a new container asks for (the one its mode names, then
/// `extra`), checked before anything is made.
pub fn requested(root: &Path, mode: &Mode, extra: &[String]) -> Result<Vec<NetworkRecord>, Error> {
    let Some(name) = mode.network_name() else {
        return Ok(Vec::new());
    };
    let networks = Networks::open(root).map_err(network::Error::from)?;
    let mut records = Vec::new();
    for name in std::iter::once(name).chain(extra.iter().map(String::as_str)) {
        let record = networks.get(name).map_err(network::Error::from)?;
        // One network by its name and by an ID prefix is one network.
        if !records
            .iter()
            .any(|r: &NetworkRecord| r.name == record.name)
        {
            records.push(record);
        }
    }
    Ok(records)
}
