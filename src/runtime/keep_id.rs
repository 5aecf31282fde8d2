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

use crate::userns::idmap::{MapLine, current_map};

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
        let arranged = |id, which| {
            let parent = current_map(which);
            let available = parent.iter().map(|l| u64::from(l.size)).sum::<u64>();
            split_at_parent_lines(arrange(id, available), &parent)
        };
        IdMappings {
            uids: arranged(uid, "uid_map"),
            gids: arranged(gid, "gid_map"),
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

/// The kernel maps each line of a child namespace's map through one line of
/// its parent's: a range that spans two of the parent's lines (rcon's
/// namespace has one per subordinate range) is refused with EPERM. So ranges
/// are cut where a parent line begins.
pub(crate) fn split_at_parent_lines(ranges: Vec<IdRange>, parent: &[MapLine]) -> Vec<IdRange> {
    let mut cuts: Vec<u64> = parent.iter().map(|l| u64::from(l.container_id)).collect();
    cuts.sort_unstable();
    let mut split = Vec::with_capacity(ranges.len() + cuts.len());
    for range in ranges {
        let (mut inside, mut outside) = (range.inside, range.outside);
        let end = u64::from(range.outside) + u64::from(range.count);
        let start = u64::from(range.outside);
        for &cut in cuts.iter().filter(|&&c| c > start && c < end) {
            let count = (cut - u64::from(outside)) as u32;
            split.push(IdRange {
                inside,
                outside,
                count,
            });
            inside += count;
            outside += count;
        }
        split.push(IdRange {
            inside,
            outside,
            count: (end - u64::from(outside)) as u32,
        });
    }
    split
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

    #[test]
    fn ranges_are_cut_where_the_parent_map_has_a_line() {
        let r = |inside, outside, count| IdRange {
            inside,
            outside,
            count,
        };
        let line = |container_id, host_id, size| MapLine {
            container_id,
            host_id,
            size,
        };
        // rcon's namespace: the user, then two subordinate ranges.
        let parent = [
            line(0, 1005, 1),
            line(1, 231072, 65536),
            line(65537, 300000, 65536),
        ];
        assert_eq!(
            split_at_parent_lines(arrange(1005, 131073), &parent),
            vec![
                r(0, 1, 1005),
                r(1005, 0, 1),
                r(1006, 1006, 64531),
                r(65537, 65537, 65536)
            ]
        );
        assert_eq!(
            split_at_parent_lines(vec![r(0, 0, 10)], &parent[..1]),
            vec![r(0, 0, 10)]
        );
    }
}
