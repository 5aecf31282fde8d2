//! Whether this host lets rcon freeze a container (`pause`, `unpause`).
//!
//! Freezing without root needs cgroup v2: a cgroup of the container's own,
//! inside a subtree delegated to the user, whose `cgroup.freeze` rcon
//! writes. The cgroup v1 freezer belongs to root, so on a v1 or hybrid host
//! rootless containers cannot be frozen (Podman refuses rootless pause there
//! too). And rcon does not yet give each container a cgroup of its own, so
//! on a v2 host too there is nothing it could freeze without freezing the
//! user's session. `pause` therefore says which of these stops it.
//!
//! It is not faked with SIGSTOP: a stopped process is visible as stopped
//! (its parent gets SIGCHLD, `ps` shows `T`) and anything in the container
//! can continue it with SIGCONT; a frozen one is neither.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use nix::sys::statfs::{CGROUP2_SUPER_MAGIC, statfs};

const CGROUP_ROOT: &str = "/sys/fs/cgroup";

/// Why rcon cannot freeze a container on this host, as the end of a sentence.
pub fn unavailable() -> String {
    let root = Path::new(CGROUP_ROOT);
    if is_cgroup2(root) {
        return format!(
            "this host has cgroup v2 at {CGROUP_ROOT}, but rcon does not yet run each container in a cgroup of its own to freeze"
        );
    }
    let layout = if is_cgroup2(&root.join("unified")) {
        "a hybrid cgroup layout (cgroup v1 controllers, cgroup v2 only at /sys/fs/cgroup/unified)"
    } else {
        "cgroup v1 only"
    };
    let freezer = root.join("freezer");
    // Inside rcon's user namespace root's files show as the overflow UID:
    // compare with our own instead.
    let owner = match std::fs::metadata(&freezer) {
        Ok(meta) if meta.uid() != nix::unistd::geteuid().as_raw() => {
            format!(
                "; the v1 freezer at {} is not delegated to you",
                freezer.display()
            )
        }
        Ok(_) => format!(
            "; the v1 freezer at {} is yours, but rcon freezes only through cgroup v2",
            freezer.display()
        ),
        Err(_) => "; no v1 freezer is mounted".to_string(),
    };
    format!(
        "this host has {layout}{owner}, and rcon gives rootless containers no cgroup v2 of their own to freeze"
    )
}
fn is_cgroup2(path: &Path) -> bool {
    statfs(path).is_ok_and(|fs| fs.filesystem_type() == CGROUP2_SUPER_MAGIC)
}
