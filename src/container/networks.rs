//! Containers on user-defined networks: each gets an address at create
//! (kept for its life, so its name always means the same address), and
//! every container on a network finds the others by name, `--network-alias`
//! and short ID in its `/etc/hosts`. Those hosts files are rewritten in
//! place (the container has them bind-mounted) whenever a container joins
//! the network or leaves it, so running containers see the change at once.
//! The engine of `rcon network rm`, which must know the containers, is here too.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use nix::fcntl::Flock;

use super::Error;
use super::lifecycle::{DEFAULT_STOP_TIMEOUT, Lifecycle};
use super::store::{ContainerRecord, Containers};
use crate::network::names::{self, Peer};
use crate::network::store::{NetworkRecord, Networks};
use crate::network::{self, Attachment, Mode};

/// The next free address on `network` for a new container, among its
/// `members` (see [`members`]). Call with the store lock held, so two
/// creates never pick the same one.
pub fn allocate(
    members: &[ContainerRecord],
    network: &NetworkRecord,
    aliases: &[String],
) -> Result<Attachment, Error> {
    let (subnet, gateway) = network.subnet();
    let taken: Vec<_> = members
        .iter()
        .filter_map(|r| r.config.attachment.as_ref())
        .map(|a| a.address)
        .collect();
    let address = subnet
        .hosts(gateway)
        .find(|a| !taken.contains(a))
        .ok_or_else(|| {
            Error::Invalid(format!(
                "network {} has no free address left in {subnet}: remove containers from it or create a network with a larger --subnet",
                network.name
            ))
        })?;
    Ok(Attachment {
        network: network.name.clone(),
        bridge: network.network_interface.clone(),
        address,
        prefix: subnet.prefix,
        gateway,
        aliases: aliases.to_vec(),
        internal: network.internal,
    })
}

/// `record`'s hosts file: its own names, then `others` on its network;
/// `mode` is its network mode, parsed.
pub fn hosts_file(
    record: &ContainerRecord,
    mode: &Mode,
    others: &[ContainerRecord],
) -> Result<String, Error> {
    let config = &record.config;
    let mut addresses = mode.addresses();
    if let Some(attachment) = &config.attachment {
        addresses.own = Some(attachment.address.to_string());
    }
    let peers: Vec<Peer> = others
        .iter()
        .filter(|other| other.id != record.id)
        .filter_map(|other| {
            let attachment = other.config.attachment.as_ref()?;
            let mut names = vec![other.name.clone()];
            names.extend(attachment.aliases.iter().cloned());
            names.push(other.id[..12].to_string());
            Some(Peer {
                address: attachment.address,
                names,
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
        .filter(|r| {
            r.config
                .attachment
                .as_ref()
                .is_some_and(|a| a.network == name)
        })
        .collect())
}

/// Rewrites the hosts file of every container on network `name`, after one
/// joined or left it.
pub fn refresh_hosts(containers: &Containers, name: &str) -> Result<(), Error> {
    let networks = Networks::open(containers.root()).map_err(network::Error::from)?;
    let _lock = hosts_lock(&networks)?;
    let members = members(containers, name)?;
    for member in &members {
        let text = hosts_file(member, &member.config.network, &members)?;
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
        .filter_map(|r| r.config.attachment.map(|a| a.network))
        .collect();
    let mut removed = Vec::new();
    for network in networks.list().map_err(network::Error::from)? {
        if !used.contains(&network.name) && network.name != network::store::DEFAULT_NETWORK {
            removed.push(remove_network(lifecycle, &network.name, false, None)?);
        }
    }
    Ok(removed)
}

/// The network a new container asks for, checked before anything is made.
pub fn requested(root: &Path, mode: &Mode) -> Result<Option<NetworkRecord>, Error> {
    match mode.network_name() {
        Some(name) => {
            let networks = Networks::open(root).map_err(network::Error::from)?;
            Ok(Some(networks.get(name).map_err(network::Error::from)?))
        }
        None => Ok(None),
    }
}
