//! IDs between the FUSE connection's user namespace and the server's.
//!
//! The kernel speaks to a FUSE server in the IDs of the user namespace that
//! mounted it: with `--userns=keep-id` that is the container's own namespace,
//! nested in rcon's, while the server stores files with rcon's IDs. Requests'
//! and `chown`'s IDs are mapped out to rcon's, reply attributes back in, so
//! the upper dir holds exactly what kernel overlay would have written.

/// What the kernel shows for an ID a namespace does not map.
pub const OVERFLOW_ID: u32 = 65534;

/// One line of a user namespace's `uid_map` or `gid_map`: IDs
/// `inside..inside + count` of the namespace are `outside..` of its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdRange {
    pub inside: u32,
    pub outside: u32,
    pub count: u32,
}

/// The ID of the parent namespace that `id` inside `ranges`' namespace is
/// ([`OVERFLOW_ID`] when unmapped).
pub fn to_outside(ranges: &[IdRange], id: u32) -> u32 {
    ranges
        .iter()
        .find(|r| id >= r.inside && id - r.inside < r.count)
        .map_or(OVERFLOW_ID, |r| r.outside + (id - r.inside))
}

/// How `ranges`' namespace shows the parent's `id` ([`OVERFLOW_ID`] when unmapped).
pub fn to_inside(ranges: &[IdRange], id: u32) -> u32 {
    ranges
        .iter()
        .find(|r| id >= r.outside && id - r.outside < r.count)
        .map_or(OVERFLOW_ID, |r| r.inside + (id - r.outside))
}

/// The mappings of the user namespace that mounted the filesystem, inside
/// which the kernel speaks to the server, relative to the server's own.
/// Empty: both sides use the same IDs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdTranslation {
    pub uids: Vec<IdRange>,
    pub gids: Vec<IdRange>,
}

impl IdTranslation {
    pub fn uid_to_server(&self, uid: u32) -> u32 {
        translate(&self.uids, uid, to_outside)
    }

    pub fn gid_to_server(&self, gid: u32) -> u32 {
        translate(&self.gids, gid, to_outside)
    }

    pub fn uid_to_kernel(&self, uid: u32) -> u32 {
        translate(&self.uids, uid, to_inside)
    }

    pub fn gid_to_kernel(&self, gid: u32) -> u32 {
        translate(&self.gids, gid, to_inside)
    }
}

fn translate(ranges: &[IdRange], id: u32, map: fn(&[IdRange], u32) -> u32) -> u32 {
    if ranges.is_empty() {
        id
    } else {
        map(ranges, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(inside: u32, outside: u32, count: u32) -> IdRange {
        IdRange {
            inside,
            outside,
            count,
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
