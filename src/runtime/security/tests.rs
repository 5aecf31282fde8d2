//! The plan applied in a forked child, checked against the real kernel: the
//! child locks itself down, probes a few system calls, then execs `cat
//! /proc/self/status` so the sets are read as the container's process has them.
//!
//! Unprivileged, the child first makes its own user namespace (as rcon's
//! runtime runs in one), so every assertion holds whether `cargo test` runs as
//! root or not; only the switch to a second uid needs root and is skipped
//! otherwise, saying so.

use std::ffi::CString;
use std::fs;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;

use nix::errno::Errno;
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, Gid, Uid, fork};

use super::*;
use crate::process::exit_forked_child;

/// How the child becomes the container's user before `apply`.
#[derive(Clone, Copy)]
enum Become {
    /// uid 0 of a new user namespace (the rootless runtime's situation).
    RootOfOwnUserns,
    /// A switch to this uid/gid with `prepare_uid_switch` (needs real root).
    User(u32),
}

type Probe = fn() -> libc::c_long;

struct Report {
    /// Per probe: 0 on success, else the errno.
    errnos: Vec<i32>,
    status: String,
}

impl Report {
    fn hex_field(&self, name: &str) -> u64 {
        u64::from_str_radix(&self.field(name), 16).unwrap()
    }

    fn field(&self, name: &str) -> String {
        self.status
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no {name} in:\n{}", self.status))
            .trim()
            .to_string()
    }
}

fn keyctl() -> libc::c_long {
    const KEYCTL_GET_KEYRING_ID: libc::c_long = 0;
    const KEY_SPEC_SESSION_KEYRING: libc::c_long = -3;
    // SAFETY: integer arguments only; the call reads no memory.
    unsafe {
        libc::syscall(
            libc::SYS_keyctl,
            KEYCTL_GET_KEYRING_ID,
            KEY_SPEC_SESSION_KEYRING,
            0,
        )
    }
}

/// A call with null/zero arguments: the filter answers before the kernel reads any.
macro_rules! null_call {
    ($name:ident, $nr:expr) => {
        fn $name() -> libc::c_long {
            // SAFETY: null and zero arguments; the kernel checks them and fails cleanly.
            unsafe { libc::syscall($nr, 0, 0, 0, 0, 0) }
        }
    };
}
null_call!(add_key, libc::SYS_add_key);
null_call!(request_key, libc::SYS_request_key);
null_call!(bpf, libc::SYS_bpf);
null_call!(kexec_load, libc::SYS_kexec_load);
null_call!(open_by_handle_at, libc::SYS_open_by_handle_at);
null_call!(init_module, libc::SYS_init_module);
null_call!(finit_module, libc::SYS_finit_module);
null_call!(delete_module, libc::SYS_delete_module);
null_call!(mount, libc::SYS_mount);
null_call!(clone3, libc::SYS_clone3);

fn unshare_userns() -> libc::c_long {
    // SAFETY: integer argument only.
    unsafe { libc::syscall(libc::SYS_unshare, libc::CLONE_NEWUSER) }
}

/// The calls the Run issue wants refused, in this order.
const REFUSED: [(&str, Probe); 11] = [
    ("keyctl", keyctl),
    ("add_key", add_key),
    ("request_key", request_key),
    ("bpf", bpf),
    ("kexec_load", kexec_load),
    ("open_by_handle_at", open_by_handle_at),
    ("init_module", init_module),
    ("finit_module", finit_module),
    ("delete_module", delete_module),
    ("mount", mount),
    ("unshare(CLONE_NEWUSER)", unshare_userns),
];

fn become_user(how: Become) -> Result<u32, String> {
    match how {
        Become::RootOfOwnUserns => {
            let (uid, gid) = (Uid::current(), Gid::current());
            nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWUSER)
                .map_err(|e| format!("unshare(CLONE_NEWUSER): {e}"))?;
            fs::write("/proc/self/setgroups", "deny").map_err(|e| format!("setgroups: {e}"))?;
            fs::write("/proc/self/uid_map", format!("0 {uid} 1"))
                .map_err(|e| format!("uid_map: {e}"))?;
            fs::write("/proc/self/gid_map", format!("0 {gid} 1"))
                .map_err(|e| format!("gid_map: {e}"))?;
            Ok(0)
        }
        Become::User(id) => {
            prepare_uid_switch().map_err(|e| format!("PR_SET_KEEPCAPS: {e}"))?;
            nix::unistd::setgroups(&[]).map_err(|e| format!("setgroups: {e}"))?;
            let (uid, gid) = (Uid::from_raw(id), Gid::from_raw(id));
            nix::unistd::setresgid(gid, gid, gid).map_err(|e| format!("setresgid: {e}"))?;
            nix::unistd::setresuid(uid, uid, uid).map_err(|e| format!("setresuid: {e}"))?;
            Ok(id)
        }
    }
}

fn child(plan: &SecurityPlan, how: Become, probes: &[Probe], out: OwnedFd) -> Result<(), String> {
    let uid = become_user(how)?;
    apply(plan, uid).map_err(|e| format!("apply: {e}"))?;
    let mut line = String::new();
    for probe in probes {
        let errno = if probe() < 0 { Errno::last_raw() } else { 0 };
        line.push_str(&format!("{errno} "));
    }
    line.push('\n');
    let mut pipe = fs::File::from(out);
    pipe.write_all(line.as_bytes()).map_err(|e| e.to_string())?;
    nix::unistd::dup2_stdout(&pipe).map_err(|e| format!("dup2: {e}"))?;
    let cat = CString::new("/bin/cat").unwrap();
    let args = [cat.clone(), CString::new("/proc/self/status").unwrap()];
    let err = nix::unistd::execv(&cat, &args).unwrap_err();
    Err(format!("exec /bin/cat: {err}"))
}

fn run_child(plan: &SecurityPlan, how: Become, probes: &[Probe]) -> Report {
    let (read, write) = nix::unistd::pipe().unwrap();
    // SAFETY: the child only makes system calls, writes to the pipe and execs
    // or exits; it never returns into the test harness.
    match unsafe { fork() }.unwrap() {
        ForkResult::Child => {
            drop(read);
            let report = write.try_clone().unwrap();
            if let Err(why) = child(plan, how, probes, write) {
                let _ = fs::File::from(report).write_all(format!("child: {why}\n").as_bytes());
            }
            exit_forked_child(1)
        }
        ForkResult::Parent { child } => {
            drop(write);
            let mut text = String::new();
            fs::File::from(read).read_to_string(&mut text).unwrap();
            let status = waitpid(child, None).unwrap();
            assert!(
                matches!(status, WaitStatus::Exited(_, 0)),
                "child ended with {status:?}: {text}"
            );
            let (first, rest) = text.split_once('\n').unwrap();
            Report {
                errnos: first
                    .split_whitespace()
                    .map(|e| e.parse().unwrap())
                    .collect(),
                status: rest.to_string(),
            }
        }
    }
}

fn plan_with(edit: impl FnOnce(&mut SecurityOptions)) -> SecurityPlan {
    let mut opts = SecurityOptions::default();
    edit(&mut opts);
    plan(&opts).unwrap()
}

fn is_root() -> bool {
    Uid::effective().is_root()
}

#[test]
fn default_plan_refuses_the_dangerous_calls_with_eperm() {
    let plan = plan_with(|_| {});
    let probes: Vec<Probe> = REFUSED.iter().map(|(_, p)| *p).collect();
    let report = run_child(&plan, Become::RootOfOwnUserns, &probes);
    for ((name, _), errno) in REFUSED.iter().zip(&report.errnos) {
        assert_eq!(*errno, libc::EPERM, "{name} gave errno {errno}");
    }
    assert_eq!(report.field("Seccomp"), "2");
    assert_eq!(report.field("NoNewPrivs"), "1");
    // clone3's flags cannot be inspected: ENOSYS makes libc fall back to clone.
    let report = run_child(&plan, Become::RootOfOwnUserns, &[clone3]);
    assert_eq!(report.errnos, [libc::ENOSYS]);
}

#[test]
fn unconfined_lets_keyctl_through() {
    let plan = plan_with(|o| o.seccomp = SeccompChoice::Unconfined);
    assert!(plan.seccomp.is_none());
    let report = run_child(&plan, Become::RootOfOwnUserns, &[keyctl, unshare_userns]);
    assert_ne!(report.errnos[0], libc::EPERM, "keyctl");
    assert_eq!(report.errnos[1], 0, "unshare(CLONE_NEWUSER)");
    assert_eq!(report.field("Seccomp"), "0");
}

#[test]
fn root_in_the_container_holds_exactly_the_plan() {
    let plan = plan_with(|_| {});
    let report = run_child(&plan, Become::RootOfOwnUserns, &[]);
    let default = CapSet::podman_default().bits();
    assert_eq!(report.hex_field("CapBnd"), default);
    assert_eq!(report.hex_field("CapEff"), default);
    assert_eq!(report.hex_field("CapPrm"), default);
    assert_eq!(report.hex_field("CapInh"), 0);
    assert_eq!(report.hex_field("CapAmb"), 0);
    assert_eq!(report.field("NoNewPrivs"), "1");

    let plan = plan_with(|o| {
        o.cap_drop = vec![CapWord::All];
        o.cap_add = vec![CapWord::One(13), CapWord::One(21)];
    });
    let report = run_child(&plan, Become::RootOfOwnUserns, &[]);
    let want = (1 << 13) | (1 << 21);
    assert_eq!(report.hex_field("CapBnd"), want);
    assert_eq!(report.hex_field("CapEff"), want);
}

#[test]
fn cap_add_all_is_every_capability_for_root_and_other_users() {
    let plan = plan_with(|o| o.cap_add = vec![CapWord::All]);
    let every = caps::current_bounding_set(caps::kernel_last_cap().unwrap());
    assert_eq!(plan.caps.bounding, every);
    assert_eq!(plan.caps.user, every);
    let report = run_child(&plan, Become::RootOfOwnUserns, &[]);
    assert_eq!(report.hex_field("CapEff"), every.bits());
}

#[test]
fn privileged_gets_every_capability_and_no_filter() {
    let plan = plan_with(|o| o.privileged = true);
    assert!(plan.seccomp.is_none());
    let report = run_child(&plan, Become::RootOfOwnUserns, &[keyctl]);
    let every = caps::current_bounding_set(caps::kernel_last_cap().unwrap()).bits();
    assert_eq!(report.hex_field("CapBnd"), every);
    assert_eq!(report.hex_field("CapEff"), every);
    assert_eq!(report.field("Seccomp"), "0");
    assert_ne!(report.errnos[0], libc::EPERM);
}

#[test]
fn without_no_new_privs_the_filter_still_goes_in() {
    let plan = plan_with(|o| o.no_new_privs = false);
    let report = run_child(&plan, Become::RootOfOwnUserns, &[keyctl]);
    assert_eq!(report.field("NoNewPrivs"), "0");
    assert_eq!(report.field("Seccomp"), "2");
    assert_eq!(report.errnos, [libc::EPERM]);
    assert_eq!(report.hex_field("CapEff"), CapSet::podman_default().bits());
}

#[test]
fn a_json_profile_file_is_compiled_and_enforced() {
    let dir = std::env::temp_dir().join(format!("rcon-seccomp-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("profile.json");
    fs::write(
        &path,
        r#"{"defaultAction": "SCMP_ACT_ALLOW",
            "syscalls": [{"names": ["getppid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 77,
                          "args": [{"index": 0, "value": 81985529216486895, "op": "SCMP_CMP_EQ"}]}]}"#,
    )
    .unwrap();
    let plan = plan_with(|o| o.seccomp = SeccompChoice::Profile(path.clone()));
    fs::remove_dir_all(&dir).unwrap();
    fn getppid_marked() -> libc::c_long {
        // SAFETY: getppid ignores its arguments; the filter reads them.
        unsafe { libc::syscall(libc::SYS_getppid, 0x0123_4567_89ab_cdef_u64) }
    }
    fn getppid_low_word_only() -> libc::c_long {
        // SAFETY: as above.
        unsafe { libc::syscall(libc::SYS_getppid, 0x89ab_cdef_u64) }
    }
    fn keyctl_probe() -> libc::c_long {
        keyctl()
    }
    let probes: [Probe; 3] = [getppid_marked, getppid_low_word_only, keyctl_probe];
    let report = run_child(&plan, Become::RootOfOwnUserns, &probes);
    assert_eq!(report.errnos[0], 77);
    assert_eq!(report.errnos[1], 0);
    assert_ne!(report.errnos[2], libc::EPERM, "this profile allows keyctl");
    assert_eq!(report.field("Seccomp"), "2");
}

#[test]
fn another_user_keeps_only_the_bounding_set_and_its_cap_adds() {
    if !is_root() {
        println!(
            "skipped: switching the child to a second uid needs root; \
             the uid-0 assertions above ran in the child's own user namespace"
        );
        return;
    }
    let nobody = 65534;
    let plan = plan_with(|_| {});
    let report = run_child(&plan, Become::User(nobody), &[]);
    assert_eq!(report.field("Uid").split_whitespace().next(), Some("65534"));
    assert_eq!(report.hex_field("CapBnd"), CapSet::podman_default().bits());
    for set in ["CapEff", "CapPrm", "CapInh", "CapAmb"] {
        assert_eq!(report.hex_field(set), 0, "{set}");
    }

    let plan = plan_with(|o| o.cap_add = vec![CapWord::One(13)]);
    let report = run_child(&plan, Become::User(nobody), &[]);
    let net_raw = 1 << 13;
    assert_eq!(
        report.hex_field("CapBnd"),
        CapSet::podman_default().bits() | net_raw
    );
    for set in ["CapEff", "CapPrm", "CapAmb"] {
        assert_eq!(report.hex_field(set), net_raw, "{set}");
    }
}

#[test]
fn security_opts_parse_or_name_the_bad_one() {
    let ok = |s| parse_security_opt(s).unwrap();
    assert_eq!(ok("no-new-privileges"), SecurityOpt::NoNewPrivileges(true));
    assert_eq!(
        ok("no-new-privileges=false"),
        SecurityOpt::NoNewPrivileges(false)
    );
    assert_eq!(
        ok("seccomp=unconfined"),
        SecurityOpt::Seccomp(SeccompChoice::Unconfined)
    );
    assert_eq!(
        ok("seccomp=/etc/p.json"),
        SecurityOpt::Seccomp(SeccompChoice::Profile("/etc/p.json".into()))
    );
    assert_eq!(ok("label=disable"), SecurityOpt::LabelDisable);
    assert_eq!(ok("apparmor=unconfined"), SecurityOpt::AppArmorUnconfined);
    for bad in [
        "no-new-privileges=maybe",
        "seccomp=",
        "seccomp",
        "label=type:foo_t",
        "apparmor=my-profile",
        "mask=/proc/kcore",
        "",
    ] {
        let err = parse_security_opt(bad).unwrap_err().to_string();
        assert!(err.contains(&format!("{bad:?}")), "{err}");
    }

    let mut opts = SecurityOptions::default();
    assert!(opts.no_new_privs, "on by default");
    opts.set(&ok("no-new-privileges=false"));
    opts.set(&ok("seccomp=unconfined"));
    opts.set(&ok("label=disable"));
    assert!(!opts.no_new_privs);
    assert_eq!(opts.seccomp, SeccompChoice::Unconfined);
}

#[test]
fn plan_errors_name_the_problem() {
    let err = caps::parse_list(&["CAP_WIZARDRY".into()], 40)
        .unwrap_err()
        .to_string();
    assert!(err.contains("CAP_WIZARDRY"), "{err}");
    let missing = std::path::PathBuf::from("/nonexistent/profile.json");
    let err = plan(&SecurityOptions {
        seccomp: SeccompChoice::Profile(missing),
        ..SecurityOptions::default()
    })
    .unwrap_err()
    .to_string();
    assert!(err.contains("/nonexistent/profile.json"), "{err}");
    let dir = std::env::temp_dir().join(format!("rcon-badprofile-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.json");
    fs::write(&path, "{\"defaultAction\": ").unwrap();
    let err = plan(&SecurityOptions {
        seccomp: SeccompChoice::Profile(path.clone()),
        ..SecurityOptions::default()
    })
    .unwrap_err()
    .to_string();
    fs::remove_dir_all(&dir).unwrap();
    assert!(err.contains("broken.json") && err.contains("JSON"), "{err}");
}
