//! `--userns=keep-id`: the container gets a user namespace of its own, nested
//! in rcon's, arranged so that the host user's own UID and GID inside the
//! container are the host's (files of a mounted source tree keep their owner),
//! while the rest of rcon's range still maps around it:
//!
//! ```text
//! container 0 .. uid-1     → rcon's 1 .. uid          (subordinate IDs)
//! container uid            → rcon's 0                 (the host user)
//! container uid+1 .. n-1   → rcon's uid+1 .. n-1      (the rest of the range)
//! ```
//!
//! Image files are stored with rcon's IDs, so inside such a container a file
//! the image gives to root shows as the user's; the user's own files, and
//! everything the container writes, stay the user's on the host.

pub use rcon_fuse_overlay::IdRange;
use rcon_fuse_overlay::{IdTranslation, to_inside};

use crate::userns::idmap::current_map;

/// The container's own user namespace mappings, in rcon's IDs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdMappings {
    pub uids: Vec<IdRange>,
    pub gids: Vec<IdRange>,
}

impl IdMappings {
    /// The keep-id arrangement for host user `uid`/`gid`, over the IDs
    /// mapped in rcon's namespace (read from this process's maps).
    pub fn keep_id(uid: u32, gid: u32) -> IdMappings {
        let available = |which| {
            current_map(which)
                .iter()
                .map(|l| u64::from(l.size))
                .sum::<u64>()
        };
        IdMappings {
            uids: arrange(uid, available("uid_map")),
            gids: arrange(gid, available("gid_map")),
        }
    }

    /// The owner the container sees for a file owned by `uid`/`gid` in
    /// rcon's namespace (the overflow ID 65534 when unmapped, as the kernel shows it).
    pub fn inside(&self, uid: u32, gid: u32) -> (u32, u32) {
        (to_inside(&self.uids, uid), to_inside(&self.gids, gid))
    }

    /// The owner in rcon's namespace of what the container sees as owned by
    /// `uid`/`gid` (the reverse of [`IdMappings::inside`]); `None` when the
    /// container's namespace does not map one of them.
    pub fn outside(&self, uid: u32, gid: u32) -> Option<(u32, u32)> {
        let map = |ranges: &[IdRange], id: u32| {
            ranges
                .iter()
                .find(|r| id >= r.inside && id - r.inside < r.count)
                .map(|r| r.outside + (id - r.inside))
        };
        Some((map(&self.uids, uid)?, map(&self.gids, gid)?))
    }

    /// How the fuse-overlay server, which stores rcon's IDs, turns the
    /// container namespace's IDs (in which the kernel speaks to it) into its own.
    pub fn fuse_translation(&self) -> IdTranslation {
        IdTranslation {
            uids: self.uids.clone(),
            gids: self.gids.clone(),
        }
    }

    /// The text for `/proc/PID/uid_map` (`which` = uids) or `gid_map`.
    pub(super) fn map_text(ranges: &[IdRange]) -> String {
        ranges
            .iter()
            .map(|r| format!("{} {} {}\n", r.inside, r.outside, r.count))
            .collect()
    }
}

/// `id` inside ↔ 0 in rcon's namespace; `n` IDs of rcon's (0..n) in all.
fn arrange(id: u32, n: u64) -> Vec<IdRange> {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    let mut ranges = Vec::new();
    let below = id.min(n.saturating_sub(1));
    if below > 0 {
        ranges.push(IdRange {
            inside: 0,
            outside: 1,
            count: below,
        });
    }
    ranges.push(IdRange {
        inside: id,
        outside: 0,
        count: 1,
    });
    if n > id.saturating_add(1) {
        ranges.push(IdRange {
            inside: id + 1,
            outside: id + 1,
            count: n - id - 1,
        });
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_keeps_its_id_and_the_range_maps_around_it() {
        let r = |inside, outside, count| IdRange {
            inside,
            outside,
            count,
        };
        assert_eq!(
            arrange(1000, 65537),
            vec![r(0, 1, 1000), r(1000, 0, 1), r(1001, 1001, 64536)]
        );
        // A single-ID mapping: only the user itself.
        assert_eq!(arrange(1000, 1), vec![r(1000, 0, 1)]);
        // A user ID beyond the range: everything below it, then the user.
        assert_eq!(arrange(70000, 65537), vec![r(0, 1, 65536), r(70000, 0, 1)]);
        let mappings = IdMappings {
            uids: arrange(1000, 65537),
            gids: arrange(100, 65537),
        };
        assert_eq!(mappings.inside(0, 0), (1000, 100));
        assert_eq!(mappings.inside(1, 101), (0, 101));
        assert_eq!(mappings.inside(70000, 5), (65534, 4));
        // And back, for what is mapped.
        assert_eq!(mappings.outside(1000, 100), Some((0, 0)));
        assert_eq!(mappings.outside(0, 101), Some((1, 101)));
        assert_eq!(mappings.outside(1042, 4), Some((1042, 5)));
        assert_eq!(mappings.outside(70000, 0), None);
        assert_eq!(
            IdMappings::map_text(&arrange(5, 7)),
            "0 1 5\n5 0 1\n6 6 1\n"
        );
    }
}
