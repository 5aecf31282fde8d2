//! Seccomp profiles in Podman's JSON format (`--security-opt seccomp=FILE`),
//! and their compilation into one BPF program.
//!
//! The BPF is emitted here rather than with `seccompiler`: seccompiler gives a
//! filter one match action, while Podman's format gives each rule its own
//! action and errno (clone3 must fail with ENOSYS so glibc falls back to clone,
//! unknown system calls get ENOSYS, refused ones EPERM, audit sockets EINVAL)
//! and covers the 32-bit compat ABI with the same rules. The `syscalls` crate
//! supplies the name → number tables of each architecture.
//!
//! Semantics, as libseccomp's: rules whose `includes`/`excludes` do not hold
//! for the container's capabilities, architecture or kernel are left out; the
//! conditions of one rule must all hold (unless two test the same argument, then
//! any one: Podman's rule), comparisons are 64-bit (32-bit on the compat ABI);
//! for one system call, rules with conditions are tried in profile order and the
//! first rule without conditions decides otherwise; names a table lacks are
//! skipped. Calls from any other architecture kill the process; x32 calls on
//! x86_64 get the default action.

use serde::{Deserialize, Deserializer};

use super::bpf::{Assembler, BpfProgram, Cmp, Label, Target, TooLarge};
use super::caps::{CapSet, cap_number_of};

/// A seccomp profile as Podman (and Docker) write it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub default_action: String,
    #[serde(default)]
    pub default_errno_ret: Option<u32>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub architectures: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub arch_map: Vec<ArchMap>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub syscalls: Vec<SyscallRule>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchMap {
    pub architecture: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub sub_architectures: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyscallRule {
    #[serde(default, deserialize_with = "null_as_default")]
    pub names: Vec<String>,
    /// The older single-name form.
    #[serde(default)]
    pub name: Option<String>,
    pub action: String,
    #[serde(default)]
    pub errno_ret: Option<u32>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub args: Vec<ArgRule>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub includes: RuleFilter,
    #[serde(default, deserialize_with = "null_as_default")]
    pub excludes: RuleFilter,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleFilter {
    #[serde(default, deserialize_with = "null_as_default")]
    pub caps: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub arches: Vec<String>,
    #[serde(default)]
    pub min_kernel: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArgRule {
    pub index: u32,
    pub value: u64,
    #[serde(default)]
    pub value_two: u64,
    pub op: String,
}

fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// What is wrong with a profile.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(
        "unknown action {0:?} (expected SCMP_ACT_ALLOW, _ERRNO, _KILL, _KILL_PROCESS, _TRAP, _TRACE or _LOG)"
    )]
    UnknownAction(String),
    #[error("action SCMP_ACT_NOTIFY needs a seccomp listener, which rcon does not run")]
    Notify,
    #[error(
        "unknown comparison {0:?} (expected SCMP_CMP_EQ, _NE, _LT, _LE, _GT, _GE or _MASKED_EQ)"
    )]
    UnknownOp(String),
    #[error("argument index {0} is out of range (system calls have arguments 0 to 5)")]
    ArgIndex(u32),
    #[error("unknown capability {0:?} in a rule's includes/excludes")]
    UnknownCapability(String),
    #[error("unknown flag {0:?} (expected SECCOMP_FILTER_FLAG_TSYNC, _LOG or _SPEC_ALLOW)")]
    UnknownFlag(String),
    #[error("minKernel {0:?} is not a kernel version like 4.8")]
    MinKernel(String),
    #[error("a rule has no system call names")]
    NoNames,
    #[error("seccomp filters are built for x86_64 and aarch64 only, not {0}")]
    UnsupportedArch(&'static str),
    #[error(transparent)]
    TooLarge(#[from] TooLarge),
}

/// One architecture's system call ABI.
#[derive(Clone, Copy)]
struct Abi {
    /// `AUDIT_ARCH_*`, as `seccomp_data.arch` holds it.
    audit: u32,
    /// libseccomp's name, as profiles list it.
    scmp: &'static str,
    /// Go's name, as `includes.arches` lists it.
    go: &'static str,
    number: fn(&str) -> Option<u32>,
    /// Arguments are 64-bit.
    wide: bool,
    /// x32 system calls share the arch value, marked by this bit in the number.
    x32_bit: Option<u32>,
}

fn x86_64_number(name: &str) -> Option<u32> {
    name.parse::<syscalls::x86_64::Sysno>()
        .ok()
        .map(|s| s.id() as u32)
}
fn x86_number(name: &str) -> Option<u32> {
    name.parse::<syscalls::x86::Sysno>()
        .ok()
        .map(|s| s.id() as u32)
}
fn aarch64_number(name: &str) -> Option<u32> {
    name.parse::<syscalls::aarch64::Sysno>()
        .ok()
        .map(|s| s.id() as u32)
}
fn arm_number(name: &str) -> Option<u32> {
    name.parse::<syscalls::arm::Sysno>()
        .ok()
        .map(|s| s.id() as u32)
}

const X86_64: Abi = Abi {
    audit: 0xC000_003E,
    scmp: "SCMP_ARCH_X86_64",
    go: "amd64",
    number: x86_64_number,
    wide: true,
    x32_bit: Some(0x4000_0000),
};
const X86: Abi = Abi {
    audit: 0x4000_0003,
    scmp: "SCMP_ARCH_X86",
    go: "386",
    number: x86_number,
    wide: false,
    x32_bit: None,
};
const AARCH64: Abi = Abi {
    audit: 0xC000_00B7,
    scmp: "SCMP_ARCH_AARCH64",
    go: "arm64",
    number: aarch64_number,
    wide: true,
    x32_bit: None,
};
const ARM: Abi = Abi {
    audit: 0x4000_0028,
    scmp: "SCMP_ARCH_ARM",
    go: "arm",
    number: arm_number,
    wide: false,
    x32_bit: None,
};

/// The native ABI and its 32-bit compat ABI.
fn host_abis() -> Result<(Abi, Abi), ProfileError> {
    match std::env::consts::ARCH {
        "x86_64" => Ok((X86_64, X86)),
        "aarch64" => Ok((AARCH64, ARM)),
        other => Err(ProfileError::UnsupportedArch(other)),
    }
}

/// The running kernel's version as (major, minor).
pub fn kernel_version() -> (u32, u32) {
    let release = nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_version(&release).unwrap_or((0, 0))
}

fn parse_version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.split(|c: char| !c.is_ascii_digit());
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next().unwrap_or("0").parse().unwrap_or(0);
    Some((major, minor))
}

/// A rule's comparison of one argument.
#[derive(Clone, Copy, Debug)]
struct ArgCmp {
    index: u32,
    op: Op,
    value: u64,
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `(arg & mask) == value`.
    MaskedEq(u64),
}

/// One rule, ready for a system call's chain.
#[derive(Clone, Debug)]
struct Branch {
    conditions: Vec<ArgCmp>,
    action: u32,
}

/// The rules of one system call: conditional ones in order, then the fallback.
#[derive(Default)]
struct Chain {
    conditional: Vec<Branch>,
    unconditional: Option<u32>,
}

fn action_value(action: &str, errno: Option<u32>) -> Result<u32, ProfileError> {
    let data = |default: u32| errno.unwrap_or(default) & libc::SECCOMP_RET_DATA;
    Ok(match action {
        "SCMP_ACT_ALLOW" => libc::SECCOMP_RET_ALLOW,
        "SCMP_ACT_ERRNO" => libc::SECCOMP_RET_ERRNO | data(libc::EPERM as u32),
        "SCMP_ACT_KILL" | "SCMP_ACT_KILL_THREAD" => libc::SECCOMP_RET_KILL_THREAD,
        "SCMP_ACT_KILL_PROCESS" => libc::SECCOMP_RET_KILL_PROCESS,
        "SCMP_ACT_TRAP" => libc::SECCOMP_RET_TRAP,
        "SCMP_ACT_TRACE" => libc::SECCOMP_RET_TRACE | data(libc::EPERM as u32),
        "SCMP_ACT_LOG" => libc::SECCOMP_RET_LOG,
        "SCMP_ACT_NOTIFY" => return Err(ProfileError::Notify),
        other => return Err(ProfileError::UnknownAction(other.to_string())),
    })
}

fn arg_cmp(arg: &ArgRule) -> Result<ArgCmp, ProfileError> {
    if arg.index > 5 {
        return Err(ProfileError::ArgIndex(arg.index));
    }
    let (op, value) = match arg.op.as_str() {
        "SCMP_CMP_EQ" => (Op::Eq, arg.value),
        "SCMP_CMP_NE" => (Op::Ne, arg.value),
        "SCMP_CMP_LT" => (Op::Lt, arg.value),
        "SCMP_CMP_LE" => (Op::Le, arg.value),
        "SCMP_CMP_GT" => (Op::Gt, arg.value),
        "SCMP_CMP_GE" => (Op::Ge, arg.value),
        "SCMP_CMP_MASKED_EQ" => (Op::MaskedEq(arg.value), arg.value_two),
        other => return Err(ProfileError::UnknownOp(other.to_string())),
    };
    Ok(ArgCmp {
        index: arg.index,
        op,
        value,
    })
}

fn caps_of(names: &[String]) -> Result<Vec<u32>, ProfileError> {
    names
        .iter()
        .map(|n| cap_number_of(n).ok_or_else(|| ProfileError::UnknownCapability(n.clone())))
        .collect()
}

fn min_kernel(filter: &RuleFilter) -> Result<Option<(u32, u32)>, ProfileError> {
    filter
        .min_kernel
        .as_deref()
        .filter(|v| !v.is_empty())
        .map(|v| parse_version(v).ok_or_else(|| ProfileError::MinKernel(v.to_string())))
        .transpose()
}

/// Whether a rule's includes/excludes let it apply to this container.
fn rule_applies(
    rule: &SyscallRule,
    caps: CapSet,
    go_arch: &str,
    kernel: (u32, u32),
) -> Result<bool, ProfileError> {
    let (inc, exc) = (&rule.includes, &rule.excludes);
    let all_caps = caps_of(&inc.caps)?.into_iter().all(|c| caps.contains(c));
    let no_excluded_cap = !caps_of(&exc.caps)?.into_iter().any(|c| caps.contains(c));
    let arch_in = inc.arches.is_empty() || inc.arches.iter().any(|a| a == go_arch);
    let arch_out = exc.arches.iter().any(|a| a == go_arch);
    let kernel_new_enough = min_kernel(inc)?.is_none_or(|min| kernel >= min);
    let kernel_excluded = min_kernel(exc)?.is_some_and(|min| kernel >= min);
    Ok(
        all_caps
            && no_excluded_cap
            && arch_in
            && !arch_out
            && kernel_new_enough
            && !kernel_excluded,
    )
}

/// The branches a rule adds: one with all its conditions, or one per condition
/// when two conditions test the same argument (Podman's rule for such lists).
fn branches(rule: &SyscallRule, action: u32) -> Result<Vec<Branch>, ProfileError> {
    let conditions = rule
        .args
        .iter()
        .map(arg_cmp)
        .collect::<Result<Vec<_>, _>>()?;
    let repeats = conditions
        .iter()
        .enumerate()
        .any(|(i, a)| conditions[..i].iter().any(|b| b.index == a.index));
    Ok(if repeats {
        conditions
            .into_iter()
            .map(|c| Branch {
                conditions: vec![c],
                action,
            })
            .collect()
    } else {
        vec![Branch { conditions, action }]
    })
}

fn filter_flags(names: &[String]) -> Result<libc::c_ulong, ProfileError> {
    names.iter().try_fold(0, |flags, name| {
        Ok(flags
            | match name.as_str() {
                "SECCOMP_FILTER_FLAG_TSYNC" => libc::SECCOMP_FILTER_FLAG_TSYNC,
                "SECCOMP_FILTER_FLAG_LOG" => libc::SECCOMP_FILTER_FLAG_LOG,
                "SECCOMP_FILTER_FLAG_SPEC_ALLOW" => libc::SECCOMP_FILTER_FLAG_SPEC_ALLOW,
                other => return Err(ProfileError::UnknownFlag(other.to_string())),
            })
    })
}

/// Whether the profile covers the compat ABI: listed directly, or as a
/// sub-architecture of the native one.
fn covers_compat(profile: &Profile, native: &Abi, compat: &Abi) -> bool {
    profile.architectures.iter().any(|a| a == compat.scmp)
        || profile.arch_map.iter().any(|m| {
            m.architecture == native.scmp && m.sub_architectures.iter().any(|a| a == compat.scmp)
        })
}

/// Compiles `profile` for a container holding `caps` on a kernel of version `kernel`.
pub fn compile(
    profile: &Profile,
    caps: CapSet,
    kernel: (u32, u32),
) -> Result<BpfProgram, ProfileError> {
    let (native, compat) = host_abis()?;
    let default = action_value(&profile.default_action, profile.default_errno_ret)?;
    let mut abis = vec![native];
    if covers_compat(profile, &native, &compat) {
        abis.push(compat);
    }
    let mut chains: Vec<std::collections::BTreeMap<u32, Chain>> =
        abis.iter().map(|_| Default::default()).collect();
    for rule in &profile.syscalls {
        let names: Vec<&str> = rule
            .names
            .iter()
            .map(String::as_str)
            .chain(rule.name.as_deref())
            .collect();
        if names.is_empty() {
            return Err(ProfileError::NoNames);
        }
        let action = action_value(&rule.action, rule.errno_ret)?;
        let branches = branches(rule, action)?;
        if !rule_applies(rule, caps, native.go, kernel)? {
            continue;
        }
        for (abi, chains) in abis.iter().zip(chains.iter_mut()) {
            for nr in names.iter().filter_map(|n| (abi.number)(n)) {
                let chain = chains.entry(nr).or_default();
                for branch in &branches {
                    if branch.conditions.is_empty() {
                        chain.unconditional.get_or_insert(branch.action);
                    } else {
                        chain.conditional.push(branch.clone());
                    }
                }
            }
        }
    }

    let mut asm = Assembler::default();
    let blocks: Vec<Label> = abis.iter().map(|_| asm.label()).collect();
    asm.load(ARCH_OFFSET);
    for (abi, block) in abis.iter().zip(&blocks) {
        let other = asm.label();
        asm.jump_if(Cmp::Eq, abi.audit, Target::Next, Target::To(other));
        asm.jump(*block);
        asm.bind(other);
    }
    asm.ret(libc::SECCOMP_RET_KILL_PROCESS);
    for ((abi, block), chains) in abis.iter().zip(&blocks).zip(&chains) {
        asm.bind(*block);
        emit_abi(&mut asm, abi, chains, default);
    }
    let mut program = asm.finish()?;
    program.flags = filter_flags(&profile.flags)?;
    Ok(program)
}

/// Offsets in `struct seccomp_data`.
const NR_OFFSET: u32 = 0;
const ARCH_OFFSET: u32 = 4;
const ARGS_OFFSET: u32 = 16;

fn emit_abi(
    asm: &mut Assembler,
    abi: &Abi,
    chains: &std::collections::BTreeMap<u32, Chain>,
    default: u32,
) {
    asm.load(NR_OFFSET);
    if let Some(bit) = abi.x32_bit {
        let native = asm.label();
        asm.jump_if(Cmp::Ge, bit, Target::Next, Target::To(native));
        asm.ret(default);
        asm.bind(native);
    }
    for (&nr, chain) in chains {
        let next_call = asm.label();
        if chain.conditional.is_empty() {
            asm.jump_if(Cmp::Eq, nr, Target::Next, Target::To(next_call));
        } else {
            let body = asm.label();
            asm.jump_if(Cmp::Eq, nr, Target::To(body), Target::Next);
            asm.jump(next_call);
            asm.bind(body);
            for branch in &chain.conditional {
                let next_branch = asm.label();
                for cmp in &branch.conditions {
                    emit_cmp(asm, cmp, next_branch, abi.wide);
                }
                asm.ret(branch.action);
                asm.bind(next_branch);
            }
        }
        asm.ret(chain.unconditional.unwrap_or(default));
        asm.bind(next_call);
    }
    asm.ret(default);
}

/// Falls through when `cmp` holds for the call's argument, else jumps to `fail`.
fn emit_cmp(asm: &mut Assembler, cmp: &ArgCmp, fail: Label, wide: bool) {
    let low = ARGS_OFFSET + 8 * cmp.index;
    // Both supported ABIs are little-endian: the high word follows the low one.
    let high = low + 4;
    let (v_hi, v_lo) = ((cmp.value >> 32) as u32, cmp.value as u32);
    let pass = asm.label();
    let (to_pass, to_fail) = (Target::To(pass), Target::To(fail));
    match cmp.op {
        Op::Eq | Op::Ne | Op::MaskedEq(_) => {
            let mask = match cmp.op {
                Op::MaskedEq(mask) => Some(mask),
                _ => None,
            };
            let (on_equal, on_differ) = match cmp.op {
                Op::Ne => (to_fail, to_pass),
                _ => (to_pass, to_fail),
            };
            if wide {
                asm.load(high);
                if let Some(mask) = mask {
                    asm.and((mask >> 32) as u32);
                }
                asm.jump_if(Cmp::Eq, v_hi, Target::Next, on_differ);
            }
            asm.load(low);
            if let Some(mask) = mask {
                asm.and(mask as u32);
            }
            asm.jump_if(Cmp::Eq, v_lo, on_equal, on_differ);
        }
        Op::Gt | Op::Ge | Op::Lt | Op::Le => {
            let (on_greater, on_less) = match cmp.op {
                Op::Gt | Op::Ge => (to_pass, to_fail),
                _ => (to_fail, to_pass),
            };
            if wide {
                asm.load(high);
                asm.jump_if(Cmp::Gt, v_hi, on_greater, Target::Next);
                asm.jump_if(Cmp::Eq, v_hi, Target::Next, on_less);
            }
            asm.load(low);
            match cmp.op {
                Op::Gt => asm.jump_if(Cmp::Gt, v_lo, to_pass, to_fail),
                Op::Ge => asm.jump_if(Cmp::Ge, v_lo, to_pass, to_fail),
                Op::Lt => asm.jump_if(Cmp::Ge, v_lo, to_fail, to_pass),
                _ => asm.jump_if(Cmp::Gt, v_lo, to_fail, to_pass),
            }
        }
    }
    asm.bind(pass);
}
