//! The container's security layer: capabilities, `no_new_privs` and seccomp.
//!
//! Parent side, before fork: [`plan`] resolves the capability set and compiles
//! the seccomp filter, so the child only makes system calls. Child side, in
//! this order:
//!
//! 1. [`prepare_uid_switch`] (`PR_SET_KEEPCAPS`), then the runtime's own
//!    `setgroups`/`setresgid`/`setresuid`. Without it, a switch to a non-zero
//!    uid empties the permitted set, and the bounding set can no longer be cut
//!    (that needs CAP_SETPCAP).
//! 2. [`apply`], right before exec: effective := permitted again (setuid
//!    cleared it), cut the bounding set to the plan's and clear ambient; then
//!    set the final sets for the uid, `no_new_privs`, and seccomp last, so the
//!    filter never has to allow the set-up calls. Without `no_new_privs`,
//!    installing a filter needs CAP_SYS_ADMIN, so then the filter goes in
//!    before the capabilities are lowered (as crun does), and must allow
//!    `capset` and `prctl` (the default does).
//!
//! On exec, root in the container gets the bounding set as its effective and
//! permitted sets; any other uid keeps only its ambient `--cap-add`s.

mod bpf;
pub mod caps;
mod default_profile;
pub mod seccomp;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use bpf::{BadFilter, BpfProgram};
pub use caps::{CapPlan, CapSet, CapWord};
pub use seccomp::ProfileError;

/// Which seccomp filter the container gets.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SeccompChoice {
    /// rcon's default, Podman's profile (see `default_profile.rs`).
    #[default]
    Default,
    /// No filter (`seccomp=unconfined`).
    Unconfined,
    /// A profile in Podman's JSON format, read and compiled once (see
    /// [`plan_with_filter`] for starting with the filter compiled then).
    Profile(PathBuf),
}

/// The security flags of `run`/`create`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityOptions {
    pub cap_add: Vec<CapWord>,
    pub cap_drop: Vec<CapWord>,
    /// `--privileged`: every capability, no seccomp filter unless a profile is named.
    pub privileged: bool,
    pub seccomp: SeccompChoice,
    /// On by default (the Run issue); `no-new-privileges=false` turns it off.
    pub no_new_privs: bool,
}

impl Default for SecurityOptions {
    fn default() -> Self {
        SecurityOptions {
            cap_add: Vec::new(),
            cap_drop: Vec::new(),
            privileged: false,
            seccomp: SeccompChoice::Default,
            no_new_privs: true,
        }
    }
}

/// One `--security-opt` value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SecurityOpt {
    Seccomp(SeccompChoice),
    NoNewPrivileges(bool),
    /// `label=disable`: rcon sets no SELinux labels, so there is nothing to turn off.
    LabelDisable,
    /// `apparmor=unconfined`: rcon loads no AppArmor profile.
    AppArmorUnconfined,
}

impl SecurityOptions {
    /// Takes in one parsed `--security-opt`.
    pub fn set(&mut self, opt: &SecurityOpt) {
        match opt {
            SecurityOpt::Seccomp(choice) => self.seccomp = choice.clone(),
            SecurityOpt::NoNewPrivileges(on) => self.no_new_privs = *on,
            SecurityOpt::LabelDisable | SecurityOpt::AppArmorUnconfined => {}
        }
    }
}

impl std::fmt::Display for SecurityOpt {
    /// The option as `--security-opt` takes it (and inspect shows it).
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            SecurityOpt::Seccomp(SeccompChoice::Default) => f.write_str("seccomp=default"),
            SecurityOpt::Seccomp(SeccompChoice::Unconfined) => f.write_str("seccomp=unconfined"),
            SecurityOpt::Seccomp(SeccompChoice::Profile(path)) => {
                write!(f, "seccomp={}", path.display())
            }
            SecurityOpt::NoNewPrivileges(on) => write!(f, "no-new-privileges={on}"),
            SecurityOpt::LabelDisable => f.write_str("label=disable"),
            SecurityOpt::AppArmorUnconfined => f.write_str("apparmor=unconfined"),
        }
    }
}

/// Errors of [`plan`] and [`parse_security_opt`]; each names what was wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "unknown capability {name:?}: use a name from capabilities(7), e.g. NET_RAW or CAP_NET_RAW"
    )]
    UnknownCapability { name: String },
    #[error(
        "capability {name} is not supported by this kernel (it knows capabilities 0 to {last_cap})"
    )]
    CapabilityNotInKernel { name: String, last_cap: u32 },
    #[error("--cap-add ALL and --cap-drop ALL cannot be combined")]
    CapAllBoth,
    #[error("capability {name} cannot be both added and dropped")]
    CapAddedAndDropped { name: String },
    #[error("reading the kernel's highest capability number: {detail}")]
    CapLastCap { detail: String },
    #[error("reading seccomp profile {}: {source}", path.display())]
    ReadProfile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("seccomp profile {} is not valid JSON: {source}", path.display())]
    ParseProfile {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("seccomp profile {}: {source}", path.display())]
    Profile { path: PathBuf, source: ProfileError },
    #[error("building the default seccomp filter: {0}")]
    DefaultProfile(ProfileError),
    #[error("invalid --security-opt {opt:?}: {reason}")]
    SecurityOpt { opt: String, reason: &'static str },
}

/// Parses one `--security-opt` value: `seccomp=unconfined|PROFILE.json`,
/// `no-new-privileges[=true|false]`, `label=disable`, `apparmor=unconfined`.
pub fn parse_security_opt(opt: &str) -> Result<SecurityOpt, Error> {
    let bad = |reason| Error::SecurityOpt {
        opt: opt.to_string(),
        reason,
    };
    let (key, value) = match opt.split_once('=') {
        Some((key, value)) => (key, Some(value)),
        // Docker's form: no-new-privileges:true.
        None => match opt.split_once(':') {
            Some(("no-new-privileges", value)) => ("no-new-privileges", Some(value)),
            _ => (opt, None),
        },
    };
    match (key, value) {
        ("no-new-privileges", None) => Ok(SecurityOpt::NoNewPrivileges(true)),
        ("no-new-privileges", Some(v)) => match v {
            "true" => Ok(SecurityOpt::NoNewPrivileges(true)),
            "false" => Ok(SecurityOpt::NoNewPrivileges(false)),
            _ => Err(bad("no-new-privileges takes true or false")),
        },
        ("seccomp", Some("unconfined")) => Ok(SecurityOpt::Seccomp(SeccompChoice::Unconfined)),
        ("seccomp", Some("")) | ("seccomp", None) => Err(bad(
            "seccomp takes unconfined or the path of a profile, e.g. seccomp=/path/profile.json",
        )),
        ("seccomp", Some(path)) => Ok(SecurityOpt::Seccomp(SeccompChoice::Profile(path.into()))),
        ("label", Some("disable")) => Ok(SecurityOpt::LabelDisable),
        ("label", _) => Err(bad(
            "rcon sets no SELinux labels; only label=disable is accepted",
        )),
        ("apparmor", Some("unconfined")) => Ok(SecurityOpt::AppArmorUnconfined),
        ("apparmor", _) => Err(bad(
            "rcon loads no AppArmor profiles; only apparmor=unconfined is accepted",
        )),
        _ => Err(bad(
            "expected seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false], label=disable or apparmor=unconfined",
        )),
    }
}

/// Everything the container child needs to lock itself down, computed before fork.
#[derive(Debug, Clone)]
pub struct SecurityPlan {
    pub caps: CapPlan,
    /// `None`: no filter (unconfined or privileged).
    pub seccomp: Option<BpfProgram>,
    pub no_new_privs: bool,
}

/// Resolves capabilities and compiles the seccomp filter (parent side),
/// reading a named profile from its file.
pub fn plan(opts: &SecurityOptions) -> Result<SecurityPlan, Error> {
    plan_named(opts, compile_profile_file)
}

/// [`plan`] with the named profile's filter as it was compiled before
/// (when the container was created): its file is not read again.
pub fn plan_with_filter(opts: &SecurityOptions, filter: BpfProgram) -> Result<SecurityPlan, Error> {
    plan_named(opts, |_, _| Ok(filter))
}

fn plan_named(
    opts: &SecurityOptions,
    named_profile: impl FnOnce(&Path, CapSet) -> Result<BpfProgram, Error>,
) -> Result<SecurityPlan, Error> {
    let last_cap = caps::kernel_last_cap()?;
    // Podman keeps the container within rcon's own bounding set, silently.
    let ceiling = caps::current_bounding_set(last_cap);
    let bounding =
        caps::resolve(&opts.cap_add, &opts.cap_drop, opts.privileged, last_cap)?.intersect(ceiling);
    let added = caps::named(&opts.cap_add, last_cap);
    let caps = CapPlan {
        bounding,
        user: added.intersect(bounding),
        last_cap,
    };
    let seccomp = match &opts.seccomp {
        SeccompChoice::Unconfined => None,
        SeccompChoice::Default if opts.privileged => None,
        SeccompChoice::Default => Some(
            seccomp::compile(
                &default_profile::default_profile(),
                bounding,
                seccomp::kernel_version(),
            )
            .map_err(Error::DefaultProfile)?,
        ),
        SeccompChoice::Profile(path) => Some(named_profile(path, bounding)?),
    };
    Ok(SecurityPlan {
        caps,
        seccomp,
        no_new_privs: opts.no_new_privs,
    })
}

impl SecurityPlan {
    /// `exec --privileged`, as Podman does it: every capability rcon holds
    /// as the bounding set (so root gets them all), while the container's
    /// seccomp filter, `no_new_privs` and a non-root user's sets stay.
    pub fn with_all_capabilities(mut self) -> SecurityPlan {
        self.caps.bounding = caps::current_bounding_set(self.caps.last_cap);
        self
    }
}

fn compile_profile_file(path: &Path, caps: CapSet) -> Result<BpfProgram, Error> {
    let text = std::fs::read(path).map_err(|source| Error::ReadProfile {
        path: path.to_path_buf(),
        source,
    })?;
    let profile: seccomp::Profile =
        serde_json::from_slice(&text).map_err(|source| Error::ParseProfile {
            path: path.to_path_buf(),
            source,
        })?;
    seccomp::compile(&profile, caps, seccomp::kernel_version()).map_err(|source| Error::Profile {
        path: path.to_path_buf(),
        source,
    })
}

/// Keeps the permitted capabilities across the runtime's switch to the
/// container user (child side, before `setresuid`). Execve resets the flag.
pub fn prepare_uid_switch() -> nix::Result<()> {
    nix::sys::prctl::set_keepcaps(true)
}

/// Sets `no_new_privs`: exec can no longer grant privileges (setuid bits, file caps).
pub fn set_no_new_privs() -> nix::Result<()> {
    nix::sys::prctl::set_no_new_privs()
}

/// Locks the child down as `plan` says (child side, after the uid switch,
/// right before exec); `uid` is the container user's. Makes system calls only.
pub fn apply(plan: &SecurityPlan, uid: u32) -> nix::Result<()> {
    caps::restrict_bounding(&plan.caps)?;
    if !plan.no_new_privs
        && let Some(filter) = &plan.seccomp
    {
        filter.install()?;
    }
    caps::set_final(&plan.caps, uid)?;
    if plan.no_new_privs {
        set_no_new_privs()?;
        if let Some(filter) = &plan.seccomp {
            filter.install()?;
        }
    }
    Ok(())
}
