//! Capability sets: Podman's defaults, `--cap-add`/`--cap-drop` with Podman's
//! precedence, and setting them in the container child.
//!
//! The sets are plain bit masks and the child calls `capset(2)` and `prctl(2)`
//! through libc rather than through the `caps` crate: that crate's setters take
//! hash sets and its names stop at the capabilities it was built with, while a
//! `u64` mask holds every capability the running kernel reports and is applied
//! in the forked child without allocating.

use std::fmt;

use nix::errno::Errno;

use super::Error;

/// Kernel capability names, indexed by capability number (see capability.h).
const NAMES: [&str; 41] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// Podman's default set (containers.conf `default_capabilities`).
pub const PODMAN_DEFAULT: [&str; 11] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_NET_BIND_SERVICE",
    "CAP_SETFCAP",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_SETUID",
    "CAP_SYS_CHROOT",
];

/// The capability numbers `capset(2)` takes: two 32-bit words (version 3).
const CAP_WORDS: usize = 2;

/// A set of capabilities, bit N for capability number N.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct CapSet(u64);

impl CapSet {
    pub const EMPTY: CapSet = CapSet(0);

    /// Every capability numbered 0..=`last_cap`.
    pub fn all_up_to(last_cap: u32) -> CapSet {
        CapSet(u64::MAX >> (63 - last_cap.min(63)))
    }

    /// Podman's default set.
    pub fn podman_default() -> CapSet {
        PODMAN_DEFAULT
            .iter()
            .map(|name| cap_number(name).expect("default names are in the table"))
            .fold(CapSet::EMPTY, CapSet::with)
    }

    /// The set as the kernel prints it in /proc/PID/status (`CapBnd:` etc.).
    pub fn from_bits(bits: u64) -> CapSet {
        CapSet(bits)
    }

    pub fn bits(self) -> u64 {
        self.0
    }

    pub fn contains(self, cap: u32) -> bool {
        cap < 64 && self.0 & (1 << cap) != 0
    }

    pub fn with(self, cap: u32) -> CapSet {
        CapSet(self.0 | (1 << cap))
    }

    pub fn without(self, cap: u32) -> CapSet {
        CapSet(self.0 & !(1 << cap))
    }

    pub fn intersect(self, other: CapSet) -> CapSet {
        CapSet(self.0 & other.0)
    }

    /// Capability numbers in the set, lowest first.
    pub fn iter(self) -> impl Iterator<Item = u32> {
        (0..64).filter(move |&cap| self.contains(cap))
    }

    /// The set's `capset(2)` words.
    fn words(self) -> [u32; CAP_WORDS] {
        [self.0 as u32, (self.0 >> 32) as u32]
    }
}

/// Names as Podman prints them (`CAP_CHOWN, CAP_KILL`); numbers for capabilities
/// newer than this table.
impl fmt::Debug for CapSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(|cap| cap_name(cap).unwrap_or("?")))
            .finish()
    }
}

/// The kernel's name of capability `cap`, if this table knows it.
pub fn cap_name(cap: u32) -> Option<&'static str> {
    NAMES.get(cap as usize).copied()
}

fn cap_number(canonical: &str) -> Option<u32> {
    NAMES.iter().position(|n| *n == canonical).map(|n| n as u32)
}

/// `chown`, `CAP_CHOWN`, `Cap_Chown` → `CAP_CHOWN`.
fn canonical_name(name: &str) -> String {
    let upper = name.trim().to_ascii_uppercase();
    if upper.starts_with("CAP_") {
        upper
    } else {
        format!("CAP_{upper}")
    }
}

/// The number of a capability named in any case, with or without `CAP_`.
pub fn cap_number_of(name: &str) -> Option<u32> {
    cap_number(&canonical_name(name))
}

/// The highest capability number the running kernel knows.
pub fn kernel_last_cap() -> Result<u32, Error> {
    const PATH: &str = "/proc/sys/kernel/cap_last_cap";
    let text = std::fs::read_to_string(PATH).map_err(|source| Error::CapLastCap {
        detail: source.to_string(),
    })?;
    text.trim().parse().map_err(|_| Error::CapLastCap {
        detail: format!("{PATH} holds {:?}, not a number", text.trim()),
    })
}

/// One `--cap-add`/`--cap-drop` word, parsed: `ALL` or one capability.
/// Recorded by its kernel name (`CAP_NET_RAW`, `ALL`), as an OCI spec
/// names capabilities; a record's name in any case (as rcon recorded the
/// flags before they were parsed at create) reads back as the same word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum CapWord {
    All,
    One(u32),
}

impl CapWord {
    /// `chown`, `CAP_CHOWN`, `Cap_Chown` → CAP_CHOWN; `all` → All; refused
    /// when the running kernel (capabilities 0 to `last_cap`) lacks it.
    pub fn parse(name: &str, last_cap: u32) -> Result<CapWord, Error> {
        let word = CapWord::named(name)?;
        match word {
            CapWord::One(cap) if cap > last_cap => Err(Error::CapabilityNotInKernel {
                name: canonical_name(name),
                last_cap,
            }),
            word => Ok(word),
        }
    }

    /// The word `name` spells, whatever the kernel knows.
    fn named(name: &str) -> Result<CapWord, Error> {
        if name.trim().eq_ignore_ascii_case("ALL") {
            return Ok(CapWord::All);
        }
        cap_number(&canonical_name(name))
            .map(CapWord::One)
            .ok_or_else(|| Error::UnknownCapability {
                name: name.to_string(),
            })
    }
}

impl TryFrom<String> for CapWord {
    type Error = Error;

    fn try_from(name: String) -> Result<CapWord, Error> {
        CapWord::named(&name)
    }
}

impl From<CapWord> for String {
    fn from(word: CapWord) -> String {
        match word {
            CapWord::All => "ALL".to_string(),
            CapWord::One(cap) => cap_name(cap).unwrap_or("?").to_string(),
        }
    }
}

/// `--cap-add`/`--cap-drop` values, parsed for a kernel that knows
/// capabilities 0 to `last_cap`.
pub fn parse_list(names: &[String], last_cap: u32) -> Result<Vec<CapWord>, Error> {
    names.iter().map(|n| CapWord::parse(n, last_cap)).collect()
}

/// The container's capability set from the defaults (every capability when
/// `privileged`) and `--cap-add`/`--cap-drop`, with Podman's precedence:
/// drop `ALL` keeps only what is added; add `ALL` starts from every capability
/// the kernel knows (`last_cap`), then drops; naming one capability in both
/// lists, or `ALL` in both, is an error.
pub fn resolve(
    adds: &[CapWord],
    drops: &[CapWord],
    privileged: bool,
    last_cap: u32,
) -> Result<CapSet, Error> {
    let every = CapSet::all_up_to(last_cap);
    let add_all = adds.contains(&CapWord::All);
    let drop_all = drops.contains(&CapWord::All);
    if add_all && drop_all {
        return Err(Error::CapAllBoth);
    }
    let added = only_caps(adds);
    let dropped = only_caps(drops);
    if !add_all && let Some(cap) = added.intersect(dropped).iter().next() {
        return Err(Error::CapAddedAndDropped {
            name: cap_name(cap).unwrap_or("?").to_string(),
        });
    }
    if drop_all {
        return Ok(added);
    }
    // Adding ALL makes the other adds moot: a cap both added and dropped then goes.
    let (base, added) = if add_all {
        (every, CapSet::EMPTY)
    } else if privileged {
        (every, added)
    } else {
        (CapSet::podman_default(), added)
    };
    Ok(CapSet((base.0 & !dropped.0 | added.0) & every.0))
}

/// Just the capabilities `cap_add` names (`ALL`: every one up to `last_cap`):
/// what Podman gives a non-root container user.
pub fn named(adds: &[CapWord], last_cap: u32) -> CapSet {
    if adds.contains(&CapWord::All) {
        CapSet::all_up_to(last_cap)
    } else {
        only_caps(adds)
    }
}

fn only_caps(words: &[CapWord]) -> CapSet {
    words.iter().fold(CapSet::EMPTY, |set, word| match word {
        CapWord::All => set,
        CapWord::One(cap) => set.with(*cap),
    })
}

/// The capabilities of this process's bounding set (a container can never get
/// more: Podman intersects its list with it the same way).
pub fn current_bounding_set(last_cap: u32) -> CapSet {
    (0..=last_cap.min(63))
        .filter(|&cap| {
            // SAFETY: PR_CAPBSET_READ takes an integer and reads nothing from memory.
            unsafe { libc::prctl(libc::PR_CAPBSET_READ, cap as libc::c_ulong, 0, 0, 0) == 1 }
        })
        .fold(CapSet::EMPTY, CapSet::with)
}

// `capset(2)`'s argument structs (linux/capability.h); libc does not define them.
const LINUX_CAPABILITY_VERSION_3: u32 = 0x2008_0522;

#[repr(C)]
struct CapHeader {
    version: u32,
    pid: libc::c_int,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

/// The three per-thread sets, as `capget(2)`/`capset(2)` see them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThreadCaps {
    pub effective: CapSet,
    pub permitted: CapSet,
    pub inheritable: CapSet,
}

fn cap_header() -> CapHeader {
    CapHeader {
        version: LINUX_CAPABILITY_VERSION_3,
        pid: 0,
    }
}

/// This thread's effective, permitted and inheritable sets.
pub fn get_thread_caps() -> nix::Result<ThreadCaps> {
    let mut header = cap_header();
    let mut data = [CapData::default(); CAP_WORDS];
    // SAFETY: header and data are valid, writable, and sized as version 3 expects.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_capget,
            &mut header as *mut CapHeader,
            data.as_mut_ptr(),
        )
    };
    Errno::result(rc)?;
    let join =
        |f: fn(&CapData) -> u32| CapSet(u64::from(f(&data[0])) | (u64::from(f(&data[1])) << 32));
    Ok(ThreadCaps {
        effective: join(|d| d.effective),
        permitted: join(|d| d.permitted),
        inheritable: join(|d| d.inheritable),
    })
}

/// Sets this thread's effective, permitted and inheritable sets at once.
pub fn set_thread_caps(caps: ThreadCaps) -> nix::Result<()> {
    let mut header = cap_header();
    let (e, p, i) = (
        caps.effective.words(),
        caps.permitted.words(),
        caps.inheritable.words(),
    );
    let data: [CapData; CAP_WORDS] = std::array::from_fn(|w| CapData {
        effective: e[w],
        permitted: p[w],
        inheritable: i[w],
    });
    // SAFETY: header and data are valid and sized as version 3 expects; the
    // kernel only reads data.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_capset,
            &mut header as *mut CapHeader,
            data.as_ptr(),
        )
    };
    Errno::result(rc).map(drop)
}

/// Drops from the bounding set every capability up to `last_cap` not in `keep`.
/// Needs CAP_SETPCAP in the effective set.
fn limit_bounding_set(keep: CapSet, last_cap: u32) -> nix::Result<()> {
    for cap in 0..=last_cap.min(63) {
        if !keep.contains(cap) {
            // SAFETY: PR_CAPBSET_DROP takes an integer and reads nothing from memory.
            let rc = unsafe { libc::prctl(libc::PR_CAPBSET_DROP, cap as libc::c_ulong, 0, 0, 0) };
            Errno::result(rc)?;
        }
    }
    Ok(())
}

fn clear_ambient() -> nix::Result<()> {
    // SAFETY: PR_CAP_AMBIENT_CLEAR_ALL takes integers and reads nothing from memory.
    let rc = unsafe {
        libc::prctl(
            libc::PR_CAP_AMBIENT,
            libc::PR_CAP_AMBIENT_CLEAR_ALL as libc::c_ulong,
            0,
            0,
            0,
        )
    };
    Errno::result(rc).map(drop)
}

fn raise_ambient(caps: CapSet) -> nix::Result<()> {
    for cap in caps.iter() {
        // SAFETY: PR_CAP_AMBIENT_RAISE takes integers and reads nothing from memory.
        let rc = unsafe {
            libc::prctl(
                libc::PR_CAP_AMBIENT,
                libc::PR_CAP_AMBIENT_RAISE as libc::c_ulong,
                cap as libc::c_ulong,
                0,
                0,
            )
        };
        Errno::result(rc)?;
    }
    Ok(())
}

/// What the child needs to set its capabilities, computed in the parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CapPlan {
    /// The container's set: its bounding set, and root's effective/permitted set.
    pub bounding: CapSet,
    /// What a non-root user gets in its effective/permitted/inheritable/ambient
    /// sets: the capabilities named in `--cap-add`, as Podman does.
    pub user: CapSet,
    /// The kernel's highest capability number.
    pub last_cap: u32,
}

/// Step one, in the child, right after the uid switch: make the capabilities
/// kept across `setuid` (see [`super::prepare_uid_switch`]) effective again,
/// then cut the bounding set and the ambient set down.
pub(super) fn restrict_bounding(plan: &CapPlan) -> nix::Result<()> {
    let mut now = get_thread_caps()?;
    now.effective = now.permitted;
    set_thread_caps(now)?;
    limit_bounding_set(plan.bounding, plan.last_cap)?;
    clear_ambient()
}

/// Step two: the final per-thread sets for `uid`. Root in the container gets
/// the set as effective and permitted; inheritable stays empty, as in Podman
/// since CVE-2022-27649 (on exec, root regains the bounding set anyway). Any
/// other uid gets only its `--cap-add` capabilities, made ambient so they
/// survive exec.
pub(super) fn set_final(plan: &CapPlan, uid: u32) -> nix::Result<()> {
    if uid == 0 {
        set_thread_caps(ThreadCaps {
            effective: plan.bounding,
            permitted: plan.bounding,
            inheritable: CapSet::EMPTY,
        })
    } else {
        set_thread_caps(ThreadCaps {
            effective: plan.user,
            permitted: plan.user,
            inheritable: plan.user,
        })?;
        raise_ambient(plan.user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAST: u32 = 40;

    fn names(set: CapSet) -> Vec<&'static str> {
        set.iter().map(|c| cap_name(c).unwrap()).collect()
    }

    fn words(list: &[&str], last_cap: u32) -> Result<Vec<CapWord>, Error> {
        let names: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        parse_list(&names, last_cap)
    }

    fn resolve_lists(add: &[&str], drop: &[&str]) -> Result<CapSet, Error> {
        resolve(&words(add, LAST)?, &words(drop, LAST)?, false, LAST)
    }

    #[test]
    fn default_set_is_podmans() {
        let set = resolve_lists(&[], &[]).unwrap();
        assert_eq!(
            names(set),
            [
                "CAP_CHOWN",
                "CAP_DAC_OVERRIDE",
                "CAP_FOWNER",
                "CAP_FSETID",
                "CAP_KILL",
                "CAP_SETGID",
                "CAP_SETUID",
                "CAP_SETPCAP",
                "CAP_NET_BIND_SERVICE",
                "CAP_SYS_CHROOT",
                "CAP_SETFCAP",
            ]
        );
        // As the kernel prints it in /proc/self/status for `podman run`.
        assert_eq!(set.bits(), 0x0000_0000_8004_05fb);
    }

    #[test]
    fn names_take_any_case_with_or_without_prefix() {
        for spelling in [
            "net_raw",
            "NET_RAW",
            "cap_net_raw",
            "Cap_Net_Raw",
            " CAP_NET_RAW ",
        ] {
            let set = resolve_lists(&[spelling], &[]).unwrap();
            assert!(set.contains(13), "{spelling}");
        }
        let set = resolve_lists(&[], &["chown", "CAP_kill"]).unwrap();
        assert!(!set.contains(0) && !set.contains(5) && set.contains(1));
    }

    #[test]
    fn drop_all_then_add_keeps_only_the_added() {
        let set = resolve_lists(&["net_raw", "chown"], &["ALL"]).unwrap();
        assert_eq!(names(set), ["CAP_CHOWN", "CAP_NET_RAW"]);
        assert_eq!(resolve_lists(&[], &["all"]).unwrap(), CapSet::EMPTY);
    }

    #[test]
    fn add_all_gives_every_kernel_cap_minus_drops() {
        let set = resolve_lists(&["ALL"], &["sys_admin"]).unwrap();
        assert_eq!(set, CapSet::all_up_to(LAST).without(21));
        // A kernel with fewer capabilities gives fewer.
        let old = resolve(&words(&["all"], 37).unwrap(), &[], false, 37).unwrap();
        assert_eq!(old, CapSet::all_up_to(37));
        assert!(!old.contains(38));
    }

    #[test]
    fn privileged_starts_from_everything() {
        let set = resolve(&[], &words(&["net_raw"], LAST).unwrap(), true, LAST).unwrap();
        assert_eq!(set, CapSet::all_up_to(LAST).without(13));
    }

    #[test]
    fn conflicts_and_unknown_names_are_errors_naming_the_cap() {
        let err = resolve_lists(&["CAP_BOGUS"], &[]).unwrap_err().to_string();
        assert!(err.contains("CAP_BOGUS"), "{err}");
        let err = resolve_lists(&[], &["frobnicate"]).unwrap_err().to_string();
        assert!(err.contains("frobnicate"), "{err}");
        let err = resolve_lists(&["chown"], &["CAP_CHOWN"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("CAP_CHOWN"), "{err}");
        assert!(matches!(
            resolve_lists(&["all"], &["ALL"]),
            Err(Error::CapAllBoth)
        ));
        let err = words(&["bpf"], 37).unwrap_err().to_string();
        assert!(err.contains("CAP_BPF") && err.contains("37"), "{err}");
    }

    #[test]
    fn named_is_only_the_adds() {
        assert_eq!(named(&[], LAST), CapSet::EMPTY);
        assert_eq!(
            names(named(&words(&["kill"], LAST).unwrap(), LAST)),
            ["CAP_KILL"]
        );
        assert_eq!(
            named(&words(&["ALL"], LAST).unwrap(), LAST),
            CapSet::all_up_to(LAST)
        );
    }

    #[test]
    fn words_are_recorded_by_kernel_name_and_read_back_in_any_case() {
        let recorded = serde_json::to_string(&words(&["net_raw", "all"], LAST).unwrap()).unwrap();
        assert_eq!(recorded, r#"["CAP_NET_RAW","ALL"]"#);
        // A record from before the flags were parsed at create holds them as given.
        let legacy: Vec<CapWord> =
            serde_json::from_str(r#"["net_raw","Cap_Chown","all"]"#).unwrap();
        assert_eq!(legacy, [CapWord::One(13), CapWord::One(0), CapWord::All]);
        assert!(serde_json::from_str::<Vec<CapWord>>(r#"["wizardry"]"#).is_err());
    }

    #[test]
    fn kernel_last_cap_is_read() {
        let last = kernel_last_cap().unwrap();
        assert!((36..64).contains(&last), "cap_last_cap = {last}");
    }
}
