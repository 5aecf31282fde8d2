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
        let names: Vec<String> = inside
            .link()
            .get()
            .execute()
            .map_ok(|link| link_name(&link))
            .try_collect()
            .await
            .map_err(failed("listing the container's interfaces"))?;
        let name = (0..)
            .map(|n| format!("eth{n}"))
            .find(|n| !names.contains(n))
            .expect("a free interface name");
        // rv + 12 hex digits: unique per container, within IFNAMSIZ.
        let host_end = format!("rv{}", &id[..12.min(id.len())]);
        // A restarted container's old pair may outlive its namespace a little.
        if let Some(index) = index_of(&outside, &host_end).await {
            let _ = outside.link().del(index).execute().await;
        }
        let peer = LinkUnspec::new_with_name(&name)
            .setns_by_fd(container.as_raw_fd())
            .build();
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
