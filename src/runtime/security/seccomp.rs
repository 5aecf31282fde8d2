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

use std::collections::BTreeMap;

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

/// The number of system call `name` in one ABI's table, or `None`. The crate
/// matches names directly; that measured faster than building a map per compile.
macro_rules! abi_number {
    ($fn_name:ident, $arch:ident) => {
        fn $fn_name(name: &str) -> Option<u32> {
            name.parse::<syscalls::$arch::Sysno>()
                .ok()
                .map(|call| call.id() as u32)
        }
    };
}
abi_number!(x86_64_number, x86_64);
abi_number!(x86_number, x86);
abi_number!(aarch64_number, aarch64);
abi_number!(arm_number, arm);

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
    let mut chains: Vec<BTreeMap<u32, Chain>> = abis.iter().map(|_| Default::default()).collect();
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

/// What a run of consecutive system call numbers gets.
#[derive(Clone, Copy)]
enum Verdict<'a> {
    Ret(u32),
    /// One number whose rules test arguments.
    Rules(&'a Chain),
}

/// The number line cut into runs, each `(first number, verdict)` up to the next
/// run's first number; the last run goes on forever. Neighbouring numbers with
/// the same plain action share a run: allow-lists are mostly long runs.
fn runs<'a>(chains: &'a BTreeMap<u32, Chain>, default: u32) -> Vec<(u32, Verdict<'a>)> {
    let mut runs: Vec<(u32, Verdict<'a>)> = vec![(0, Verdict::Ret(default))];
    let mut push = |start: u32, verdict: Verdict<'a>| {
        if runs
            .last()
            .is_some_and(|(last_start, _)| *last_start == start)
        {
            runs.pop();
        }
        if let (Some((_, Verdict::Ret(last))), Verdict::Ret(new)) = (runs.last(), verdict)
            && *last == new
        {
            return;
        }
        runs.push((start, verdict));
    };
    for (&nr, chain) in chains {
        let verdict = if chain.conditional.is_empty() {
            Verdict::Ret(chain.unconditional.unwrap_or(default))
        } else {
            Verdict::Rules(chain)
        };
        push(nr, verdict);
        push(nr + 1, Verdict::Ret(default));
    }
    runs
}

fn emit_abi(asm: &mut Assembler, abi: &Abi, chains: &BTreeMap<u32, Chain>, default: u32) {
    asm.load(NR_OFFSET);
    if let Some(bit) = abi.x32_bit {
        let native = asm.label();
        asm.jump_if(Cmp::Ge, bit, Target::Next, Target::To(native));
        asm.ret(default);
        asm.bind(native);
    }
    emit_search(asm, abi, &runs(chains, default), default);
}

/// A binary search over the runs' first numbers, the number loaded. A short
/// path per number keeps both the filter's run time and its installation
/// cheap: the kernel runs the filter once per number when it is installed, to
/// cache the always-allowed ones.
fn emit_search(asm: &mut Assembler, abi: &Abi, runs: &[(u32, Verdict)], default: u32) {
    let [(_, verdict)] = runs else {
        let (low, high) = runs.split_at(runs.len() / 2);
        let high_half = asm.label();
        if let [(_, Verdict::Ret(action))] = low {
            asm.jump_if(Cmp::Ge, high[0].0, Target::To(high_half), Target::Next);
            asm.ret(*action);
        } else {
            // A conditional jump reaches 255 instructions; `ja` reaches any distance.
            let low_half = asm.label();
            asm.jump_if(Cmp::Ge, high[0].0, Target::Next, Target::To(low_half));
            asm.jump(high_half);
            asm.bind(low_half);
            emit_search(asm, abi, low, default);
        }
        asm.bind(high_half);
        emit_search(asm, abi, high, default);
        return;
    };
    match verdict {
        Verdict::Ret(action) => asm.ret(*action),
        Verdict::Rules(chain) => {
            for branch in &chain.conditional {
                let next_branch = asm.label();
                for cmp in &branch.conditions {
                    emit_cmp(asm, cmp, next_branch, abi.wide);
                }
                asm.ret(branch.action);
                asm.bind(next_branch);
            }
            asm.ret(chain.unconditional.unwrap_or(default));
        }
    }
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

#[cfg(test)]
mod tests {
    use super::super::default_profile::default_profile;
    use super::*;

    const ALLOW: u32 = libc::SECCOMP_RET_ALLOW;
    const EPERM: u32 = libc::SECCOMP_RET_ERRNO | libc::EPERM as u32;
    const ENOSYS: u32 = libc::SECCOMP_RET_ERRNO | libc::ENOSYS as u32;
    const EINVAL: u32 = libc::SECCOMP_RET_ERRNO | libc::EINVAL as u32;

    fn caps(names: &[&str]) -> CapSet {
        names
            .iter()
            .map(|n| cap_number_of(n).unwrap())
            .fold(CapSet::podman_default(), CapSet::with)
    }

    fn native() -> Abi {
        host_abis().unwrap().0
    }

    fn compat() -> Abi {
        host_abis().unwrap().1
    }

    /// What `prog` answers for system call `name` of `abi` with `args`.
    fn verdict(prog: &BpfProgram, abi: &Abi, name: &str, args: &[u64]) -> u32 {
        let nr = number(abi, name).unwrap_or_else(|| panic!("{name} on {}", abi.scmp));
        run(prog, abi.audit, nr, args)
    }

    fn number(abi: &Abi, name: &str) -> Option<u32> {
        (abi.number)(name)
    }

    fn run(prog: &BpfProgram, arch: u32, nr: u32, args: &[u64]) -> u32 {
        let mut all = [0u64; 6];
        all[..args.len()].copy_from_slice(args);
        prog.run(&libc::seccomp_data {
            nr: nr as i32,
            arch,
            instruction_pointer: 0,
            args: all,
        })
    }

    fn default_filter(extra_caps: &[&str]) -> BpfProgram {
        compile(&default_profile(), caps(extra_caps), (6, 1)).unwrap()
    }

    #[test]
    fn default_filter_refuses_host_wide_calls_with_eperm() {
        let prog = default_filter(&[]);
        let abi = native();
        for name in [
            "keyctl",
            "add_key",
            "request_key",
            "bpf",
            "kexec_load",
            "kexec_file_load",
            "open_by_handle_at",
            "init_module",
            "finit_module",
            "delete_module",
            "mount",
            "umount2",
            "pivot_root",
            "setns",
            "fsopen",
            "move_mount",
            "ptrace",
            "perf_event_open",
            "userfaultfd",
            "swapon",
            "settimeofday",
        ] {
            assert_eq!(verdict(&prog, &abi, name, &[]), EPERM, "{name}");
        }
    }

    #[test]
    fn default_filter_allows_ordinary_calls() {
        let prog = default_filter(&[]);
        let abi = native();
        for name in [
            "read",
            "write",
            "openat",
            "execve",
            "exit_group",
            "futex",
            "mmap",
            "rt_sigreturn",
            "capset",
            "prctl",
            "getppid",
            "chroot",
            "setuid",
            "wait4",
            "statx",
            "rseq",
        ] {
            assert_eq!(verdict(&prog, &abi, name, &[]), ALLOW, "{name}");
        }
        // Numbers no table names get ENOSYS, so libc falls back as on an old kernel.
        assert_eq!(run(&prog, abi.audit, 999, &[]), ENOSYS);
    }

    #[test]
    fn every_number_gets_its_verdict_through_the_search() {
        use super::super::default_profile::{ALLOWED, REFUSED};
        let prog = default_filter(&[]);
        let profile = default_profile();
        for abi in [native(), compat()] {
            let mut named = std::collections::HashSet::new();
            for rule in &profile.syscalls {
                named.extend(rule.names.iter().filter_map(|n| number(&abi, n)));
            }
            for (names, want) in [(ALLOWED, ALLOW), (REFUSED, EPERM)] {
                for nr in names.iter().filter_map(|n| number(&abi, n)) {
                    assert_eq!(run(&prog, abi.audit, nr, &[]), want, "{} {nr}", abi.scmp);
                }
            }
            for nr in (0..1100).filter(|nr| !named.contains(nr)) {
                assert_eq!(run(&prog, abi.audit, nr, &[]), ENOSYS, "{} {nr}", abi.scmp);
            }
        }
    }

    #[test]
    fn namespaces_need_sys_admin() {
        const CLONE_THREAD_FLAGS: u64 = 0x003d_0f00;
        const CLONE_NEWUSER: u64 = 0x1000_0000;
        const CLONE_NEWNET: u64 = 0x4000_0000;
        let prog = default_filter(&[]);
        let abi = native();
        assert_eq!(verdict(&prog, &abi, "clone", &[CLONE_THREAD_FLAGS]), ALLOW);
        assert_eq!(
            verdict(&prog, &abi, "clone", &[libc::SIGCHLD as u64]),
            ALLOW
        );
        assert_eq!(verdict(&prog, &abi, "clone", &[CLONE_NEWUSER | 17]), EPERM);
        assert_eq!(verdict(&prog, &abi, "unshare", &[CLONE_NEWUSER]), EPERM);
        assert_eq!(verdict(&prog, &abi, "unshare", &[CLONE_NEWNET]), EPERM);
        assert_eq!(
            verdict(&prog, &abi, "unshare", &[0x80]),
            EPERM,
            "CLONE_NEWTIME"
        );
        assert_eq!(
            verdict(&prog, &abi, "unshare", &[0x400]),
            ALLOW,
            "CLONE_FILES"
        );
        assert_eq!(verdict(&prog, &abi, "clone3", &[]), ENOSYS);

        let admin = default_filter(&["CAP_SYS_ADMIN"]);
        assert_eq!(verdict(&admin, &abi, "unshare", &[CLONE_NEWUSER]), ALLOW);
        assert_eq!(verdict(&admin, &abi, "clone3", &[]), ALLOW);
        assert_eq!(verdict(&admin, &abi, "mount", &[]), ALLOW);
        assert_eq!(verdict(&admin, &abi, "bpf", &[]), ALLOW);
        // Other gates stay closed.
        assert_eq!(verdict(&admin, &abi, "ptrace", &[]), EPERM);
        assert_eq!(verdict(&admin, &abi, "keyctl", &[]), EPERM);
    }

    #[test]
    fn capability_gates_follow_the_caps() {
        let abi = native();
        let prog = default_filter(&["SYS_PTRACE", "sys_module", "CAP_DAC_READ_SEARCH"]);
        for name in [
            "ptrace",
            "process_vm_readv",
            "init_module",
            "open_by_handle_at",
        ] {
            assert_eq!(verdict(&prog, &abi, name, &[]), ALLOW, "{name}");
        }
        // Without CAP_SYS_CHROOT (in the default set) chroot is refused.
        let no_chroot = CapSet::podman_default().without(cap_number_of("sys_chroot").unwrap());
        let prog = compile(&default_profile(), no_chroot, (6, 1)).unwrap();
        assert_eq!(verdict(&prog, &abi, "chroot", &[]), EPERM);
    }

    #[test]
    fn socket_rules() {
        let prog = default_filter(&[]);
        let abi = native();
        assert_eq!(
            verdict(&prog, &abi, "socket", &[libc::AF_INET as u64, 1, 0]),
            ALLOW
        );
        assert_eq!(
            verdict(&prog, &abi, "socket", &[40, 1, 0]),
            EPERM,
            "AF_VSOCK"
        );
        assert_eq!(verdict(&prog, &abi, "socket", &[16, 3, 9]), EINVAL, "audit");
        assert_eq!(
            verdict(&prog, &abi, "socket", &[16, 3, 0]),
            ALLOW,
            "netlink route"
        );
        let audit = default_filter(&["AUDIT_WRITE"]);
        assert_eq!(verdict(&audit, &abi, "socket", &[16, 3, 9]), ALLOW);
    }

    #[test]
    fn personality_only_with_podmans_values() {
        let prog = default_filter(&[]);
        let abi = native();
        for value in [0, 8, 0x20000, 0x20008, 0xffff_ffff] {
            assert_eq!(verdict(&prog, &abi, "personality", &[value]), ALLOW);
        }
        // ADDR_NO_RANDOMIZE, and a 64-bit value whose low word is allowed.
        assert_eq!(verdict(&prog, &abi, "personality", &[0x0040000]), ENOSYS);
        assert_eq!(verdict(&prog, &abi, "personality", &[1 << 32]), ENOSYS);
    }

    #[test]
    fn compat_abi_gets_the_same_rules_and_other_arches_are_killed() {
        let prog = default_filter(&[]);
        let compat = compat();
        assert_eq!(verdict(&prog, &compat, "read", &[]), ALLOW);
        assert_eq!(verdict(&prog, &compat, "keyctl", &[]), EPERM);
        assert_eq!(verdict(&prog, &compat, "clone", &[0x1000_0000]), EPERM);
        // 32-bit ABI: only the low word of an argument counts.
        assert_eq!(verdict(&prog, &compat, "personality", &[8]), ALLOW);
        assert_eq!(
            run(&prog, 0xdead_beef, 0, &[]),
            libc::SECCOMP_RET_KILL_PROCESS
        );
        if let Some(bit) = native().x32_bit {
            assert_eq!(run(&prog, native().audit, bit, &[]), ENOSYS, "x32 read");
        }
        // A profile naming no compat architecture leaves it out, as libseccomp does.
        let mut native_only = default_profile();
        native_only.arch_map.clear();
        let prog = compile(&native_only, CapSet::podman_default(), (6, 1)).unwrap();
        assert_eq!(
            verdict(&prog, &compat, "read", &[]),
            libc::SECCOMP_RET_KILL_PROCESS
        );
    }

    #[test]
    fn arch_specific_rules() {
        let prog = default_filter(&[]);
        let abi = native();
        let specific = if abi.go == "amd64" {
            "arch_prctl"
        } else {
            "set_tls"
        };
        // set_tls is an arm (32-bit) call; aarch64 has no number for it.
        if let Some(nr) = number(&abi, specific) {
            assert_eq!(run(&prog, abi.audit, nr, &[]), ALLOW);
        }
        if abi.go == "amd64" {
            assert_eq!(verdict(&prog, &compat(), "modify_ldt", &[]), ALLOW);
        }
    }

    fn getppid_rule(op: &str, value: u64, value_two: u64) -> Profile {
        let json = format!(
            r#"{{"defaultAction": "SCMP_ACT_ALLOW",
                "syscalls": [{{"names": ["getppid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 77,
                   "args": [{{"index": 1, "value": {value}, "valueTwo": {value_two}, "op": "{op}"}}]}}]}}"#
        );
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn comparisons_are_64_bit_as_libseccomp() {
        const HIT: u32 = libc::SECCOMP_RET_ERRNO | 77;
        let abi = native();
        let values = [
            0u64,
            1,
            0xffff_ffff,
            0x1_0000_0000,
            0x1_0000_0001,
            0x1_ffff_ffff,
            0x2_0000_0000,
            u64::MAX - 1,
            u64::MAX,
        ];
        type Holds = fn(u64, u64) -> bool;
        let ops: [(&str, Holds); 6] = [
            ("SCMP_CMP_EQ", |a, v| a == v),
            ("SCMP_CMP_NE", |a, v| a != v),
            ("SCMP_CMP_LT", |a, v| a < v),
            ("SCMP_CMP_LE", |a, v| a <= v),
            ("SCMP_CMP_GT", |a, v| a > v),
            ("SCMP_CMP_GE", |a, v| a >= v),
        ];
        for (op, holds) in ops {
            for &value in &values {
                let prog = compile(&getppid_rule(op, value, 0), CapSet::EMPTY, (6, 1)).unwrap();
                for &arg in &values {
                    let want = if holds(arg, value) { HIT } else { ALLOW };
                    let got = verdict(&prog, &abi, "getppid", &[0, arg]);
                    assert_eq!(got, want, "{arg:#x} {op} {value:#x}");
                }
            }
        }
        let mask = 0xff00_0000_0000_00f0;
        let prog = compile(
            &getppid_rule("SCMP_CMP_MASKED_EQ", mask, 0x1200_0000_0000_0030),
            CapSet::EMPTY,
            (6, 1),
        )
        .unwrap();
        for (arg, hit) in [
            (0x12ab_cdef_0000_0031, true),
            (0x1200_0000_0000_0030, true),
            (0x1300_0000_0000_0030, false),
            (0x1200_0000_0000_0040, false),
        ] {
            let want = if hit { HIT } else { ALLOW };
            assert_eq!(verdict(&prog, &abi, "getppid", &[0, arg]), want, "{arg:#x}");
        }
    }

    #[test]
    fn podman_profile_fields_are_honoured() {
        let json = r#"{
            "defaultAction": "SCMP_ACT_ERRNO",
            "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64"],
            "flags": ["SECCOMP_FILTER_FLAG_SPEC_ALLOW"],
            "syscalls": [
                {"names": ["getpid", "gettid"], "action": "SCMP_ACT_ALLOW", "args": null,
                 "comment": "", "includes": {}, "excludes": {}},
                {"name": "getuid", "action": "SCMP_ACT_LOG"},
                {"names": ["getppid"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
                {"names": ["getppid"], "action": "SCMP_ACT_KILL_PROCESS", "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
                {"names": ["getcwd"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "99.1"}},
                {"names": ["getegid"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.8"}},
                {"names": ["getgid"], "action": "SCMP_ACT_TRAP", "excludes": {"arches": ["amd64", "arm64"]}},
                {"names": ["getsid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 5,
                 "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"},
                          {"index": 0, "value": 2, "op": "SCMP_CMP_EQ"}]},
                {"names": ["getpgid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 6,
                 "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"},
                          {"index": 1, "value": 2, "op": "SCMP_CMP_EQ"}]},
                {"names": ["no_such_call"], "action": "SCMP_ACT_ALLOW"}
            ]
        }"#;
        let profile: Profile = serde_json::from_str(json).unwrap();
        let abi = native();
        let prog = compile(&profile, CapSet::podman_default(), (6, 1)).unwrap();
        assert_eq!(prog.flags, libc::SECCOMP_FILTER_FLAG_SPEC_ALLOW);
        let eperm_default = EPERM;
        assert_eq!(verdict(&prog, &abi, "getpid", &[]), ALLOW);
        assert_eq!(verdict(&prog, &abi, "gettid", &[]), ALLOW);
        assert_eq!(verdict(&prog, &abi, "getuid", &[]), libc::SECCOMP_RET_LOG);
        assert_eq!(
            verdict(&prog, &abi, "getppid", &[]),
            libc::SECCOMP_RET_KILL_PROCESS
        );
        assert_eq!(
            verdict(&prog, &abi, "getcwd", &[]),
            eperm_default,
            "kernel too old"
        );
        assert_eq!(verdict(&prog, &abi, "getegid", &[]), ALLOW);
        assert_eq!(
            verdict(&prog, &abi, "getgid", &[]),
            eperm_default,
            "arch excluded"
        );
        // Two conditions on argument 0: either one.
        let five = libc::SECCOMP_RET_ERRNO | 5;
        assert_eq!(verdict(&prog, &abi, "getsid", &[1]), five);
        assert_eq!(verdict(&prog, &abi, "getsid", &[2]), five);
        assert_eq!(verdict(&prog, &abi, "getsid", &[3]), eperm_default);
        // Conditions on different arguments: both.
        let six = libc::SECCOMP_RET_ERRNO | 6;
        assert_eq!(verdict(&prog, &abi, "getpgid", &[1, 2]), six);
        assert_eq!(verdict(&prog, &abi, "getpgid", &[1, 3]), eperm_default);
        // No compat architecture listed: compat calls are killed.
        assert_eq!(
            verdict(&prog, &compat(), "read", &[]),
            libc::SECCOMP_RET_KILL_PROCESS
        );

        let admin = CapSet::podman_default().with(cap_number_of("SYS_ADMIN").unwrap());
        let prog = compile(&profile, admin, (6, 1)).unwrap();
        assert_eq!(verdict(&prog, &abi, "getppid", &[]), ALLOW);
    }

    #[test]
    fn bad_profiles_are_refused_with_the_reason() {
        let cases = [
            (r#"{"defaultAction": "SCMP_ACT_NOPE"}"#, "SCMP_ACT_NOPE"),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_NOTIFY"}]}"#,
                "listener",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 6, "value": 1, "op": "SCMP_CMP_EQ"}]}]}"#,
                "index 6",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_ABOUT"}]}]}"#,
                "SCMP_CMP_ABOUT",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ERRNO", "includes": {"caps": ["CAP_FLY"]}}]}"#,
                "CAP_FLY",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "flags": ["SECCOMP_FILTER_FLAG_FAST"]}"#,
                "SECCOMP_FILTER_FLAG_FAST",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": [], "action": "SCMP_ACT_ERRNO"}]}"#,
                "no system call names",
            ),
            (
                r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "new"}}]}"#,
                "new",
            ),
        ];
        for (json, needle) in cases {
            let profile: Profile = serde_json::from_str(json).unwrap();
            let err = compile(&profile, CapSet::EMPTY, (6, 1))
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{err:?} should mention {needle:?}");
        }
    }

    #[test]
    fn podmans_installed_profile_compiles_with_its_verdicts() {
        let path = "/usr/share/containers/seccomp.json";
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("skipped: {path} is not installed (Debian's golang-github-containers-common)");
            return;
        };
        let profile: Profile = serde_json::from_str(&text).unwrap();
        let prog = compile(&profile, CapSet::podman_default(), (6, 1)).unwrap();
        let abi = native();
        // Podman's own profile allows keyctl; rcon's default refuses it.
        assert_eq!(verdict(&prog, &abi, "keyctl", &[]), ALLOW);
        assert_eq!(verdict(&prog, &abi, "add_key", &[]), ENOSYS);
        assert_eq!(verdict(&prog, &abi, "kexec_load", &[]), EPERM);
        assert_eq!(verdict(&prog, &abi, "bpf", &[]), EPERM);
        assert_eq!(verdict(&prog, &abi, "socket", &[16, 3, 9]), EINVAL);
        assert_eq!(verdict(&prog, &abi, "socket", &[2, 1, 0]), ALLOW);
        assert_eq!(verdict(&prog, &compat(), "read", &[]), ALLOW);
    }

    #[test]
    fn kernel_versions_parse() {
        assert_eq!(parse_version("6.18.0-13-amd64"), Some((6, 18)));
        assert_eq!(parse_version("4.8"), Some((4, 8)));
        assert_eq!(parse_version("5"), Some((5, 0)));
        assert_eq!(parse_version("new"), None);
        assert!(kernel_version() >= (3, 0));
    }
}
