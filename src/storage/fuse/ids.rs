//! IDs between the FUSE connection's user namespace and the server's.
//!
//! The kernel speaks to a FUSE server in the IDs of the user namespace that
//! mounted it: with `--userns=keep-id` that is the container's own namespace,
//! nested in rcon's, while the server stores files with rcon's IDs. Requests'
//! and `chown`'s IDs are mapped out to rcon's, reply attributes back in, so
//! the upper dir holds exactly what kernel overlay would have written.

use crate::userns::idmap::MapLine;

/// What the kernel shows for an ID the mount's namespace does not map.
const OVERFLOW_ID: u32 = 65534;

/// The mount namespace's mappings: `container_id` is the ID as the kernel
/// sends it, `host_id` the server's. Empty: both sides use the same IDs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdTranslation {
    pub uids: Vec<MapLine>,
    pub gids: Vec<MapLine>,
}

impl IdTranslation {
    pub fn uid_to_server(&self, uid: u32) -> u32 {
        outward(&self.uids, uid)
    }

    pub fn gid_to_server(&self, gid: u32) -> u32 {
        outward(&self.gids, gid)
    }

    pub fn uid_to_kernel(&self, uid: u32) -> u32 {
        inward(&self.uids, uid)
    }

    pub fn gid_to_kernel(&self, gid: u32) -> u32 {
        inward(&self.gids, gid)
    }
}

fn outward(lines: &[MapLine], id: u32) -> u32 {
    if lines.is_empty() {
        return id;
    }
    lines
        .iter()
        .find(|l| id >= l.container_id && id - l.container_id < l.size)
        .map_or(OVERFLOW_ID, |l| l.host_id + (id - l.container_id))
}

fn inward(lines: &[MapLine], id: u32) -> u32 {
    if lines.is_empty() {
        return id;
    }
    lines
        .iter()
        .find(|l| id >= l.host_id && id - l.host_id < l.size)
        .map_or(OVERFLOW_ID, |l| l.container_id + (id - l.host_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(container_id: u32, host_id: u32, size: u32) -> MapLine {
        MapLine {
            container_id,
            host_id,
            size,
        }
    }

    #[test]
    fn keep_id_layout_round_trips_and_unmapped_ids_overflow() {
        // keep-id for uid 1000 over 65536 IDs.
        let lines = vec![line(0, 1, 1000), line(1000, 0, 1), line(1001, 1001, 64535)];
        let ids = IdTranslation {
            uids: lines.clone(),
            gids: lines,
        };
        assert_eq!(ids.uid_to_server(1000), 0);
        assert_eq!(ids.uid_to_server(0), 1);
        assert_eq!(ids.uid_to_server(5000), 5000);
        assert_eq!(ids.uid_to_kernel(0), 1000);
        assert_eq!(ids.gid_to_kernel(1), 0);
        for id in [0, 7, 999, 1000, 1001, 65535] {
            assert_eq!(ids.uid_to_kernel(ids.uid_to_server(id)), id);
        }
        assert_eq!(ids.uid_to_kernel(70000), OVERFLOW_ID);
        assert_eq!(ids.uid_to_server(70000), OVERFLOW_ID);
    }

    #[test]
    fn no_mapping_is_identity() {
        let ids = IdTranslation::default();
        assert_eq!(ids.uid_to_server(1234), 1234);
        assert_eq!(ids.gid_to_kernel(99), 99);
    }
}
