//! Container to container: the bridges of user-defined networks.
//!
//! Every user-defined network is a Linux bridge in one network namespace
//! that rcon keeps for the purpose (Podman's "rootless network namespace",
//! without its netavark and iptables): created by rcon inside its own user
//! namespace, so no privilege is needed, and kept alive by a bind mount of
//! its nsfs file at `<runroot>/networks.netns` in rcon's mount namespace
//! (the pause process holds that one), so it lasts as long as the user
//! namespace and needs no process of its own. A container on the network
//! gets one end of a veth pair in its own namespace, with its address, and
//! the other end on the bridge; the pair goes away with the container's
//! namespace. Outside access and published ports stay with the container's
//! own pasta or slirp4netns, as for `--network private`.

use std::net::{IpAddr, Ipv4Addr};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::path::Path;

use futures_util::TryStreamExt;
use nix::fcntl::Flock;
use nix::mount::{MntFlags, MsFlags, mount, umount2};
use nix::sched::{CloneFlags, setns, unshare};
use rtnetlink::packet_route::link::{InfoData, InfoVeth, LinkAttribute, LinkMessage};
use rtnetlink::{Handle, LinkBridge, LinkUnspec, LinkVeth};
use serde::{Deserialize, Serialize};

use super::Error;

/// The nsfs file the shared namespace is mounted on, in the runtime dir.
const NETNS_FILE: &str = "networks.netns";
const LOCK_FILE: &str = "networks.lock";
/// statfs(2)'s f_type of an nsfs file.
const NSFS_MAGIC: i64 = 0x6e73_6673;

/// A container's place on a user-defined network, decided at create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub network: String,
    /// The network's bridge (`rcon1`, …).
    pub bridge: String,
    pub address: Ipv4Addr,
    pub prefix: u8,
    pub gateway: Ipv4Addr,
    /// `--network-alias`: more names the other containers know it by.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The network leads nowhere else: no pasta or slirp4netns.
    #[serde(default)]
    pub internal: bool,
    /// The container end's MAC address (`aa:bb:…`), kept while it stays on
    /// the network, so a restart or `network reload` keeps it; empty in
    /// records made before (the kernel then picks one at each start).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mac: String,
}

impl Attachment {
    /// A random locally administered unicast MAC address, as Podman gives.
    pub fn random_mac() -> String {
        let id = crate::storage::store::new_id();
        let mut bytes: Vec<u8> = (0..6)
            .map(|i| u8::from_str_radix(&id[2 * i..2 * i + 2], 16).expect("hex digits"))
            .collect();
        bytes[0] = (bytes[0] & 0xfe) | 0x02;
        let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
        hex.join(":")
    }

    fn mac_bytes(&self) -> Option<Vec<u8>> {
        let bytes: Vec<u8> = self
            .mac
            .split(':')
            .map(|b| u8::from_str_radix(b, 16).ok())
            .collect::<Option<_>>()?;
        (bytes.len() == 6).then_some(bytes)
    }

    /// The bridge's end of container `id`'s pair: `rv` and 13 hex digits
    /// of a digest of the container and the network, unique per
    /// attachment and within IFNAMSIZ.
    fn host_end(&self, id: &str) -> String {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(format!("{id}/{}", self.network).as_bytes());
        format!("rv{}", &hex::encode(digest)[..13])
    }
}

/// Connects the network namespace of container process `pid` to its
/// network's bridge, as `eth0` inside (or the next free `ethN` when the
/// helper's interface has that name).
pub fn attach(runroot: &Path, attachment: &Attachment, pid: i32, id: &str) -> Result<(), Error> {
    let failed = |step: &str| {
        let network = attachment.network.clone();
        let step = step.to_string();
        move |source: rtnetlink::Error| Error::Bridge {
            network,
            step,
            message: source.to_string(),
        }
    };
    let _lock = lock(runroot)?;
    let shared = shared_namespace(runroot)?;
    let container = super::helper::container_netns(pid)?;
    let runtime = runtime()?;
    let outside = connect(&runtime, shared.as_fd())?;
    let inside = connect(&runtime, container.as_fd())?;
    runtime.block_on(async {
        let bridge = ensure_bridge(&outside, attachment)
            .await
            .map_err(failed("creating its bridge"))?;
        let names = link_names(&inside)
            .await
            .map_err(failed("listing the container's interfaces"))?;
        let name = (0..)
            .map(|n| format!("eth{n}"))
            .find(|n| !names.contains(n))
            .expect("a free interface name");
        let host_end = attachment.host_end(id);
        // A restarted container's old pair may outlive its namespace a
        // little; a reloaded one's may have lost its bridge.
        if let Some(index) = index_of(&outside, &host_end).await {
            let _ = outside.link().del(index).execute().await;
        }
        let mut peer = LinkUnspec::new_with_name(&name).setns_by_fd(container.as_raw_fd());
        if let Some(mac) = attachment.mac_bytes() {
            peer = peer.address(mac);
        }
        let peer = peer.build();
        let veth = LinkVeth::new(&host_end, &name)
            .set_info_data(InfoData::Veth(InfoVeth::Peer(peer)))
            .controller(bridge)
            .up()
            .build();
        outside
            .link()
            .add(veth)
            .execute()
            .await
            .map_err(failed("creating the container's veth pair"))?;
        let index = index_of(&inside, &name)
            .await
            .ok_or_else(|| Error::Bridge {
                network: attachment.network.clone(),
                step: format!("finding {name} in the container"),
                message: "the veth end did not arrive".into(),
            })?;
        inside
            .address()
            .add(index, IpAddr::V4(attachment.address), attachment.prefix)
            .execute()
            .await
            .map_err(failed("giving the container its address"))?;
        inside
            .link()
            .set(LinkUnspec::new_with_index(index).up().build())
            .execute()
            .await
            .map_err(failed("bringing the container's interface up"))
    })
}

/// Takes container `id` off its network: deleting the bridge's end of its
/// pair deletes the container's end too.
pub fn detach(runroot: &Path, attachment: &Attachment, id: &str) -> Result<(), Error> {
    let _lock = lock(runroot)?;
    let Some(shared) = existing_namespace(runroot) else {
        return Ok(());
    };
    let runtime = runtime()?;
    let handle = connect(&runtime, shared.as_fd())?;
    runtime
        .block_on(async {
            match index_of(&handle, &attachment.host_end(id)).await {
                Some(index) => handle.link().del(index).execute().await,
                None => Ok(()),
            }
        })
        .map_err(|source| Error::Bridge {
            network: attachment.network.clone(),
            step: "deleting the container's veth pair".into(),
            message: source.to_string(),
        })
}

/// True when container `id`'s pair is in place: its bridge's end exists
/// and is on the network's bridge (`network reload` re-creates it otherwise).
pub fn is_attached(runroot: &Path, attachment: &Attachment, id: &str) -> Result<bool, Error> {
    let _lock = lock(runroot)?;
    let Some(shared) = existing_namespace(runroot) else {
        return Ok(false);
    };
    let runtime = runtime()?;
    let handle = connect(&runtime, shared.as_fd())?;
    Ok(runtime.block_on(async {
        let Some(bridge) = index_of(&handle, &attachment.bridge).await else {
            return false;
        };
        let mut links = handle
            .link()
            .get()
            .match_name(attachment.host_end(id))
            .execute();
        let Ok(Some(link)) = links.try_next().await else {
            return false;
        };
        link.attributes
            .iter()
            .any(|a| matches!(a, LinkAttribute::Controller(index) if *index == bridge))
    }))
}

/// Deletes a network's bridge, if rcon's network namespace has it.
pub fn remove_bridge(runroot: &Path, bridge: &str) -> Result<(), Error> {
    let _lock = lock(runroot)?;
    let Some(shared) = existing_namespace(runroot) else {
        return Ok(());
    };
    let runtime = runtime()?;
    let handle = connect(&runtime, shared.as_fd())?;
    runtime.block_on(async {
        if let Some(index) = index_of(&handle, bridge).await {
            let _ = handle.link().del(index).execute().await;
        }
    });
    Ok(())
}

/// Unmounts the shared namespace's file (`rcon system reset`), so the
/// runtime dir can go; the namespace ends with its last user.
pub fn release(runroot: &Path) {
    let _ = umount2(&runroot.join(NETNS_FILE), MntFlags::MNT_DETACH);
}

/// The bridge's index, made (up, with the gateway address) if missing.
async fn ensure_bridge(handle: &Handle, attachment: &Attachment) -> Result<u32, rtnetlink::Error> {
    if let Some(index) = index_of(handle, &attachment.bridge).await {
        return Ok(index);
    }
    handle
        .link()
        .add(LinkBridge::new(&attachment.bridge).build())
        .execute()
        .await?;
    let index = index_of(handle, &attachment.bridge)
        .await
        .ok_or(rtnetlink::Error::RequestFailed)?;
    handle
        .address()
        .add(index, IpAddr::V4(attachment.gateway), attachment.prefix)
        .replace()
        .execute()
        .await?;
    Ok(index)
}

/// The names of the interfaces in container process `pid`'s network namespace.
pub fn interface_names(pid: i32) -> Result<Vec<String>, Error> {
    let container = super::helper::container_netns(pid)?;
    let runtime = runtime()?;
    let handle = connect(&runtime, container.as_fd())?;
    runtime
        .block_on(link_names(&handle))
        .map_err(|source| Error::Io {
            what: "listing the container's interfaces".into(),
            source: std::io::Error::other(source.to_string()),
        })
}

async fn link_names(handle: &Handle) -> Result<Vec<String>, rtnetlink::Error> {
    handle
        .link()
        .get()
        .execute()
        .map_ok(|link| link_name(&link))
        .try_collect()
        .await
}

async fn index_of(handle: &Handle, name: &str) -> Option<u32> {
    let mut links = handle.link().get().match_name(name.to_string()).execute();
    links
        .try_next()
        .await
        .ok()
        .flatten()
        .map(|l| l.header.index)
}

fn link_name(link: &LinkMessage) -> String {
    link.attributes
        .iter()
        .find_map(|a| match a {
            LinkAttribute::IfName(name) => Some(name.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// An rtnetlink connection whose socket lives in `netns`: a thread of its
/// own enters the namespace to open it (rcon may not enter the host's
/// namespace again), the connection then runs on `runtime`.
fn connect(runtime: &tokio::runtime::Runtime, netns: BorrowedFd) -> Result<Handle, Error> {
    let netns = netns.try_clone_to_owned().map_err(|source| Error::Io {
        what: "duplicating a network namespace descriptor".into(),
        source,
    })?;
    let tokio = runtime.handle().clone();
    let opened = std::thread::spawn(move || {
        setns(&netns, CloneFlags::CLONE_NEWNET).map_err(std::io::Error::from)?;
        let _entered = tokio.enter();
        rtnetlink::new_connection().map(|(connection, handle, _)| (connection, handle))
    })
    .join()
    .unwrap_or_else(|_| Err(std::io::Error::other("the netlink thread panicked")));
    let (connection, handle) = opened.map_err(|source| Error::Io {
        what: "opening a netlink socket in a network namespace".into(),
        source,
    })?;
    runtime.spawn(connection);
    Ok(handle)
}

fn lock(runroot: &Path) -> Result<Flock<std::fs::File>, Error> {
    crate::storage::store::lock_file(&runroot.join(LOCK_FILE)).map_err(|e| Error::Store(e.into()))
}

/// A runtime for one batch of netlink requests.
fn runtime() -> Result<tokio::runtime::Runtime, Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|source| Error::Io {
            what: "starting the netlink runtime".into(),
            source,
        })
}

fn open_namespace(path: &Path) -> Result<OwnedFd, Error> {
    std::fs::File::open(path)
        .map(OwnedFd::from)
        .map_err(|source| Error::Io {
            what: format!("opening the network namespace {}", path.display()),
            source,
        })
}

/// The shared namespace, if it is mounted (it is not after the pause
/// process, and with it rcon's mount namespace, went away).
fn existing_namespace(runroot: &Path) -> Option<OwnedFd> {
    let fd = open_namespace(&runroot.join(NETNS_FILE)).ok()?;
    let stat = nix::sys::statfs::fstatfs(&fd).ok()?;
    (stat.filesystem_type().0 as i64 == NSFS_MAGIC).then_some(fd)
}

/// The shared namespace, made and mounted on first use. Call under [`lock`].
fn shared_namespace(runroot: &Path) -> Result<OwnedFd, Error> {
    if let Some(fd) = existing_namespace(runroot) {
        return Ok(fd);
    }
    let file = runroot.join(NETNS_FILE);
    let target = file.clone();
    let made = std::thread::spawn(move || -> nix::Result<()> {
        std::fs::File::create(&target)
            .map_err(|e| nix::errno::Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO)))?;
        // Only this thread moves: the bind mount then pins its namespace.
        unshare(CloneFlags::CLONE_NEWNET)?;
        mount(
            Some("/proc/thread-self/ns/net"),
            &target,
            None::<&str>,
            MsFlags::MS_BIND,
            None::<&str>,
        )
    })
    .join()
    .unwrap_or(Err(nix::errno::Errno::EIO));
    made.map_err(|errno| Error::Io {
        what: format!(
            "making rcon's network namespace for user-defined networks at {}",
            file.display()
        ),
        source: errno.into(),
    })?;
    existing_namespace(runroot).ok_or_else(|| Error::Io {
        what: format!("opening rcon's network namespace at {}", file.display()),
        source: std::io::Error::other("the bind mount did not take"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attachment(network: &str) -> Attachment {
        Attachment {
            network: network.into(),
            bridge: "rcon1".into(),
            address: Ipv4Addr::new(10, 89, 0, 2),
            prefix: 24,
            gateway: Ipv4Addr::new(10, 89, 0, 1),
            aliases: Vec::new(),
            internal: false,
            mac: Attachment::random_mac(),
        }
    }

    #[test]
    fn macs_are_local_unicast_and_each_attachment_has_its_own_host_end() {
        let (web, db) = (attachment("web"), attachment("db"));
        assert_ne!(web.mac, db.mac);
        let bytes = web.mac_bytes().expect("six bytes");
        assert_eq!(
            bytes[0] & 0x03,
            0x02,
            "locally administered, unicast: {}",
            web.mac
        );
        let id = "ab".repeat(32);
        let ends = [
            web.host_end(&id),
            db.host_end(&id),
            web.host_end(&"cd".repeat(32)),
        ];
        assert!(
            ends.iter().all(|e| e.len() <= 15 && e.starts_with("rv")),
            "{ends:?}"
        );
        assert!(ends[0] != ends[1] && ends[0] != ends[2], "{ends:?}");
        assert_eq!(
            web.host_end(&id),
            ends[0],
            "the same attachment, the same name"
        );
        let old = Attachment {
            mac: String::new(),
            ..web
        };
        assert_eq!(old.mac_bytes(), None);
    }
}
