//! `rcon system df`: the disk space images, containers and volumes take,
//! and how much of it nothing uses.

use std::collections::HashMap;
use std::path::Path;

use crate::container::lifecycle::Lifecycle;
use crate::container::store::Status;
use crate::storage::store::Store;
use crate::storage::volume::VolumeStore;

/// One image: its first name, size, and how many containers are made from it.
#[derive(Debug)]
pub struct ImageUsage {
    pub repository: String,
    pub tag: String,
    pub id: String,
    pub created: Option<String>,
    pub size: u64,
    pub containers: usize,
}

/// One container: what its own files (its writable layer) take.
#[derive(Debug)]
pub struct ContainerUsage {
    pub id: String,
    pub image_id: String,
    pub command: Vec<String>,
    pub local_volumes: usize,
    pub size: u64,
    pub created: String,
    pub running: bool,
    pub status: &'static str,
    pub name: String,
}

/// One volume: its files' size and how many containers use it.
#[derive(Debug)]
pub struct VolumeUsage {
    pub name: String,
    pub links: usize,
    pub size: u64,
}

#[derive(Debug, Default)]
pub struct DiskUsage {
    pub images: Vec<ImageUsage>,
    pub containers: Vec<ContainerUsage>,
    pub volumes: Vec<VolumeUsage>,
}

/// Measures the store; call inside rcon's user namespace (the files belong to it).
pub fn disk_usage(
    lifecycle: &Lifecycle,
    volumes: &VolumeStore,
) -> Result<DiskUsage, crate::container::Error> {
    let store: &Store = lifecycle.store();
    let listed = lifecycle.list()?;
    let mut users: HashMap<&str, usize> = HashMap::new();
    let mut links: HashMap<&str, usize> = HashMap::new();
    for (record, _) in &listed {
        *users.entry(record.image_id.as_str()).or_default() += 1;
        for name in record
            .config
            .mounts
            .iter()
            .filter_map(|m| m.name.as_deref())
        {
            *links.entry(name).or_default() += 1;
        }
    }
    let mut usage = DiskUsage::default();
    for image in store.images()? {
        let (repository, tag) = image
            .names
            .first()
            .map(|n| crate::image::split_tag(n))
            .unwrap_or_else(|| ("<none>".into(), "<none>".into()));
        usage.images.push(ImageUsage {
            repository,
            tag,
            containers: users.get(image.id.as_str()).copied().unwrap_or(0),
            id: image.id,
            created: image.created,
            size: image.size,
        });
    }
    for (record, state) in &listed {
        let dir = lifecycle.containers().dir(&record.id);
        usage.containers.push(ContainerUsage {
            id: record.id.clone(),
            image_id: record.image_id.clone(),
            command: record.config.args.clone(),
            local_volumes: record
                .config
                .mounts
                .iter()
                .filter(|m| m.name.is_some())
                .count(),
            size: writable_size(&dir),
            created: record.created.clone(),
            running: state.status == Status::Running,
            status: match state.status {
                Status::Created => "created",
                Status::Running => "running",
                Status::Exited => "exited",
            },
            name: record.name.clone(),
        });
    }
    for volume in volumes.list()? {
        usage.volumes.push(VolumeUsage {
            links: links.get(volume.name.as_str()).copied().unwrap_or(0),
            size: tree_size(&volume.mountpoint),
            name: volume.name,
        });
    }
    Ok(usage)
}

/// What a container's own files take: its writable layer (overlay drivers)
/// or its private copy (vfs).
pub fn writable_size(container_dir: &Path) -> u64 {
    ["upper", "rootfs"]
        .iter()
        .map(|d| tree_size(&container_dir.join(d)))
        .sum()
}

/// The bytes of the files below `path` (links not followed); 0 where unreadable.
pub fn tree_size(path: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| tree_size(&e.path())).sum())
        .unwrap_or(0)
}
