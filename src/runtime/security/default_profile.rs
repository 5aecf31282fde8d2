//! rcon's default seccomp profile.
//!
//! Podman's default (containers-common's `seccomp.json`, as Podman 4.3 ships
//! it): unknown system calls fail with ENOSYS, a list of obsolete or
//! host-wide ones with EPERM, and calls that need a capability are allowed only
//! when the container holds it. Tightened as the Run issue asks, like Docker's
//! profile: `keyctl`, `add_key` and `request_key` always fail with EPERM (the
//! kernel keyring is not namespaced); `mount`, the new mount API, `umount`,
//! `pivot_root` and `setns` need CAP_SYS_ADMIN; `clone` and `unshare` may not
//! create namespaces (so no nested user namespace either) and `clone3`, whose
//! flags a filter cannot read, fails with ENOSYS so libc falls back to `clone`;
//! `ptrace` and `process_vm_*` need CAP_SYS_PTRACE (as newer containers-common
//! has it); `socket(AF_VSOCK)` fails with EPERM (vsock reaches the hypervisor
//! whatever the network namespace).

use super::seccomp::{ArchMap, ArgRule, Profile, SyscallRule};

/// Obsolete, host-wide or dangerous calls, refused with EPERM whatever the caps.
pub(super) const REFUSED: &[&str] = &[
    "add_key",
    "bdflush",
    "io_pgetevents",
    "kexec_file_load",
    "kexec_load",
    "keyctl",
    "migrate_pages",
    "move_pages",
    "nfsservctl",
    "nice",
    "oldfstat",
    "oldlstat",
    "oldolduname",
    "oldstat",
    "olduname",
    "pciconfig_iobase",
    "pciconfig_read",
    "pciconfig_write",
    "request_key",
    "sgetmask",
    "ssetmask",
    "swapcontext",
    "swapoff",
    "swapon",
    "sysfs",
    "uselib",
    "userfaultfd",
    "ustat",
    "vm86",
    "vm86old",
    "vmsplice",
];

/// Allowed whatever the caps.
pub(super) const ALLOWED: &[&str] = &[
    "_llseek",
    "_newselect",
    "accept",
    "accept4",
    "access",
    "adjtimex",
    "alarm",
    "bind",
    "brk",
    "capget",
    "capset",
    "chdir",
    "chmod",
    "chown",
    "chown32",
    "clock_adjtime",
    "clock_adjtime64",
    "clock_getres",
    "clock_getres_time64",
    "clock_gettime",
    "clock_gettime64",
    "clock_nanosleep",
    "clock_nanosleep_time64",
    "close",
    "close_range",
    "connect",
    "copy_file_range",
    "creat",
    "dup",
    "dup2",
    "dup3",
    "epoll_create",
    "epoll_create1",
    "epoll_ctl",
    "epoll_ctl_old",
    "epoll_pwait",
    "epoll_pwait2",
    "epoll_wait",
    "epoll_wait_old",
    "eventfd",
    "eventfd2",
    "execve",
    "execveat",
    "exit",
    "exit_group",
    "faccessat",
    "faccessat2",
    "fadvise64",
    "fadvise64_64",
    "fallocate",
    "fanotify_mark",
    "fchdir",
    "fchmod",
    "fchmodat",
    "fchown",
    "fchown32",
    "fchownat",
    "fcntl",
    "fcntl64",
    "fdatasync",
    "fgetxattr",
    "flistxattr",
    "flock",
    "fork",
    "fremovexattr",
    "fsetxattr",
    "fstat",
    "fstat64",
    "fstatat64",
    "fstatfs",
    "fstatfs64",
    "fsync",
    "ftruncate",
    "ftruncate64",
    "futex",
    "futex_time64",
    "futimesat",
    "get_mempolicy",
    "get_robust_list",
    "get_thread_area",
    "getcpu",
    "getcwd",
    "getdents",
    "getdents64",
    "getegid",
    "getegid32",
    "geteuid",
    "geteuid32",
    "getgid",
    "getgid32",
    "getgroups",
    "getgroups32",
    "getitimer",
    "getpeername",
    "getpgid",
    "getpgrp",
    "getpid",
    "getppid",
    "getpriority",
    "getrandom",
    "getresgid",
    "getresgid32",
    "getresuid",
    "getresuid32",
    "getrlimit",
    "getrusage",
    "getsid",
    "getsockname",
    "getsockopt",
    "gettid",
    "gettimeofday",
    "getuid",
    "getuid32",
    "getxattr",
    "inotify_add_watch",
    "inotify_init",
    "inotify_init1",
    "inotify_rm_watch",
    "io_cancel",
    "io_destroy",
    "io_getevents",
    "io_setup",
    "io_submit",
    "ioctl",
    "ioprio_get",
    "ioprio_set",
    "ipc",
    "kill",
    "landlock_add_rule",
    "landlock_create_ruleset",
    "landlock_restrict_self",
    "lchown",
    "lchown32",
    "lgetxattr",
    "link",
    "linkat",
    "listen",
    "listxattr",
    "llistxattr",
    "lremovexattr",
    "lseek",
    "lsetxattr",
    "lstat",
    "lstat64",
    "madvise",
    "mbind",
    "membarrier",
    "memfd_create",
    "memfd_secret",
    "mincore",
    "mkdir",
    "mkdirat",
    "mknod",
    "mknodat",
    "mlock",
    "mlock2",
    "mlockall",
    "mmap",
    "mmap2",
    "mount_setattr",
    "mprotect",
    "mq_getsetattr",
    "mq_notify",
    "mq_open",
    "mq_timedreceive",
    "mq_timedreceive_time64",
    "mq_timedsend",
    "mq_timedsend_time64",
    "mq_unlink",
    "mremap",
    "msgctl",
    "msgget",
    "msgrcv",
    "msgsnd",
    "msync",
    "munlock",
    "munlockall",
    "munmap",
    "name_to_handle_at",
    "nanosleep",
    "newfstatat",
    "open",
    "openat",
    "openat2",
    "pause",
    "pidfd_getfd",
    "pidfd_open",
    "pidfd_send_signal",
    "pipe",
    "pipe2",
    "pkey_alloc",
    "pkey_free",
    "pkey_mprotect",
    "poll",
    "ppoll",
    "ppoll_time64",
    "prctl",
    "pread64",
    "preadv",
    "preadv2",
    "prlimit64",
    "process_mrelease",
    "pselect6",
    "pselect6_time64",
    "pwrite64",
    "pwritev",
    "pwritev2",
    "read",
    "readahead",
    "readdir",
    "readlink",
    "readlinkat",
    "readv",
    "reboot",
    "recv",
    "recvfrom",
    "recvmmsg",
    "recvmmsg_time64",
    "recvmsg",
    "remap_file_pages",
    "removexattr",
    "rename",
    "renameat",
    "renameat2",
    "restart_syscall",
    "rmdir",
    "rseq",
    "rt_sigaction",
    "rt_sigpending",
    "rt_sigprocmask",
    "rt_sigqueueinfo",
    "rt_sigreturn",
    "rt_sigsuspend",
    "rt_sigtimedwait",
    "rt_sigtimedwait_time64",
    "rt_tgsigqueueinfo",
    "sched_get_priority_max",
    "sched_get_priority_min",
    "sched_getaffinity",
    "sched_getattr",
    "sched_getparam",
    "sched_getscheduler",
    "sched_rr_get_interval",
    "sched_rr_get_interval_time64",
    "sched_setaffinity",
    "sched_setattr",
    "sched_setparam",
    "sched_setscheduler",
    "sched_yield",
    "seccomp",
    "select",
    "semctl",
    "semget",
    "semop",
    "semtimedop",
    "semtimedop_time64",
    "send",
    "sendfile",
    "sendfile64",
    "sendmmsg",
    "sendmsg",
    "sendto",
    "set_mempolicy",
    "set_robust_list",
    "set_thread_area",
    "set_tid_address",
    "setfsgid",
    "setfsgid32",
    "setfsuid",
    "setfsuid32",
    "setgid",
    "setgid32",
    "setgroups",
    "setgroups32",
    "setitimer",
    "setpgid",
    "setpriority",
    "setregid",
    "setregid32",
    "setresgid",
    "setresgid32",
    "setresuid",
    "setresuid32",
    "setreuid",
    "setreuid32",
    "setrlimit",
    "setsid",
    "setsockopt",
    "setuid",
    "setuid32",
    "setxattr",
    "shmat",
    "shmctl",
    "shmdt",
    "shmget",
    "shutdown",
    "sigaction",
    "sigaltstack",
    "signal",
    "signalfd",
    "signalfd4",
    "sigpending",
    "sigprocmask",
    "sigreturn",
    "sigsuspend",
    "socketcall",
    "socketpair",
    "splice",
    "stat",
    "stat64",
    "statfs",
    "statfs64",
    "statx",
    "symlink",
    "symlinkat",
    "sync",
    "sync_file_range",
    "syncfs",
    "syscall",
    "sysinfo",
    "syslog",
    "tee",
    "tgkill",
    "time",
    "timer_create",
    "timer_delete",
    "timer_getoverrun",
    "timer_gettime",
    "timer_gettime64",
    "timer_settime",
    "timer_settime64",
    "timerfd",
    "timerfd_create",
    "timerfd_gettime",
    "timerfd_gettime64",
    "timerfd_settime",
    "timerfd_settime64",
    "times",
    "tkill",
    "truncate",
    "truncate64",
    "ugetrlimit",
    "umask",
    "uname",
    "unlink",
    "unlinkat",
    "utime",
    "utimensat",
    "utimensat_time64",
    "utimes",
    "vfork",
    "wait4",
    "waitid",
    "waitpid",
    "write",
    "writev",
];

/// Allowed only with the capability, refused with EPERM without it.
const NEED_CAP: &[(&str, &[&str])] = &[
    ("CAP_DAC_READ_SEARCH", &["open_by_handle_at"]),
    (
        "CAP_SYS_ADMIN",
        &[
            "bpf",
            "fanotify_init",
            "fsconfig",
            "fsmount",
            "fsopen",
            "fspick",
            "lookup_dcookie",
            "mount",
            "mount_setattr",
            "move_mount",
            "open_tree",
            "perf_event_open",
            "pivot_root",
            "quotactl",
            "quotactl_fd",
            "setdomainname",
            "sethostname",
            "setns",
            "umount",
            "umount2",
        ],
    ),
    ("CAP_SYS_CHROOT", &["chroot"]),
    (
        "CAP_SYS_MODULE",
        &[
            "delete_module",
            "finit_module",
            "init_module",
            "query_module",
        ],
    ),
    ("CAP_SYS_NICE", &["get_mempolicy", "mbind", "set_mempolicy"]),
    ("CAP_SYS_PACCT", &["acct"]),
    (
        "CAP_SYS_PTRACE",
        &[
            "kcmp",
            "process_madvise",
            "process_vm_readv",
            "process_vm_writev",
            "ptrace",
        ],
    ),
    ("CAP_SYS_RAWIO", &["ioperm", "iopl"]),
    (
        "CAP_SYS_TIME",
        &["clock_settime", "clock_settime64", "settimeofday", "stime"],
    ),
    ("CAP_SYS_TTY_CONFIG", &["vhangup"]),
];

/// Allowed only on these architectures (Go's names, as the format has them).
const ARCH_ONLY: &[(&[&str], &[&str])] = &[
    (
        &["arm", "arm64"],
        &[
            "arm_fadvise64_64",
            "arm_sync_file_range",
            "breakpoint",
            "cacheflush",
            "set_tls",
            "sync_file_range2",
        ],
    ),
    (&["amd64", "x32"], &["arch_prctl"]),
    (&["amd64", "x32", "x86"], &["modify_ldt"]),
];

/// `personality(2)` values allowed: PER_LINUX, PER_LINUX32, UNAME26,
/// PER_LINUX32|UNAME26, and the query 0xffffffff.
const PERSONALITIES: [u64; 5] = [0, 0x8, 0x20000, 0x20008, 0xffff_ffff];

/// CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET.
const CLONE_NAMESPACES: u64 = 0x7E02_0000;
/// CLONE_NEWTIME: only `unshare` takes it (in `clone` the low byte is the signal).
const CLONE_NEWTIME: u64 = 0x80;

const AF_NETLINK: u64 = 16;
const NETLINK_AUDIT: u64 = 9;
const AF_VSOCK: u64 = 40;

const ALLOW: &str = "SCMP_ACT_ALLOW";
const ERRNO: &str = "SCMP_ACT_ERRNO";

fn rule(names: &[&str], action: &str, errno: Option<i32>) -> SyscallRule {
    SyscallRule {
        names: names.iter().map(|n| n.to_string()).collect(),
        action: action.to_string(),
        errno_ret: errno.map(|e| e as u32),
        ..SyscallRule::default()
    }
}

fn with_cap(mut rule: SyscallRule, cap: &str) -> SyscallRule {
    rule.includes.caps = vec![cap.to_string()];
    rule
}

fn without_cap(mut rule: SyscallRule, cap: &str) -> SyscallRule {
    rule.excludes.caps = vec![cap.to_string()];
    rule
}

fn arg(index: u32, op: &str, value: u64, value_two: u64) -> ArgRule {
    ArgRule {
        index,
        value,
        value_two,
        op: op.to_string(),
    }
}

fn with_args(mut rule: SyscallRule, args: Vec<ArgRule>) -> SyscallRule {
    rule.args = args;
    rule
}

/// `clone`/`unshare` (flags in argument 0) without the namespace flags `ns`,
/// unless the container holds CAP_SYS_ADMIN.
fn no_new_namespaces(name: &str, ns: u64) -> [SyscallRule; 3] {
    let masked = arg(0, "SCMP_CMP_MASKED_EQ", ns, 0);
    [
        with_cap(rule(&[name], ALLOW, None), "CAP_SYS_ADMIN"),
        without_cap(
            with_args(rule(&[name], ALLOW, None), vec![masked]),
            "CAP_SYS_ADMIN",
        ),
        without_cap(rule(&[name], ERRNO, Some(libc::EPERM)), "CAP_SYS_ADMIN"),
    ]
}

/// The default profile, as data for [`super::seccomp::compile`].
pub fn default_profile() -> Profile {
    let mut rules = vec![
        rule(REFUSED, ERRNO, Some(libc::EPERM)),
        rule(ALLOWED, ALLOW, None),
    ];
    rules.extend(PERSONALITIES.iter().map(|&p| {
        with_args(
            rule(&["personality"], ALLOW, None),
            vec![arg(0, "SCMP_CMP_EQ", p, 0)],
        )
    }));
    for (arches, names) in ARCH_ONLY {
        let mut only = rule(names, ALLOW, None);
        only.includes.arches = arches.iter().map(|a| a.to_string()).collect();
        rules.push(only);
    }
    for (cap, names) in NEED_CAP {
        rules.push(with_cap(rule(names, ALLOW, None), cap));
        rules.push(without_cap(rule(names, ERRNO, Some(libc::EPERM)), cap));
    }
    rules.extend(no_new_namespaces("clone", CLONE_NAMESPACES));
    rules.extend(no_new_namespaces(
        "unshare",
        CLONE_NAMESPACES | CLONE_NEWTIME,
    ));
    rules.push(with_cap(rule(&["clone3"], ALLOW, None), "CAP_SYS_ADMIN"));
    rules.push(without_cap(
        rule(&["clone3"], ERRNO, Some(libc::ENOSYS)),
        "CAP_SYS_ADMIN",
    ));
    rules.push(with_args(
        rule(&["socket"], ERRNO, Some(libc::EPERM)),
        vec![arg(0, "SCMP_CMP_EQ", AF_VSOCK, 0)],
    ));
    rules.push(without_cap(
        with_args(
            rule(&["socket"], ERRNO, Some(libc::EINVAL)),
            vec![
                arg(0, "SCMP_CMP_EQ", AF_NETLINK, 0),
                arg(2, "SCMP_CMP_EQ", NETLINK_AUDIT, 0),
            ],
        ),
        "CAP_AUDIT_WRITE",
    ));
    rules.push(rule(&["socket"], ALLOW, None));
    Profile {
        default_action: ERRNO.to_string(),
        default_errno_ret: Some(libc::ENOSYS as u32),
        arch_map: vec![
            ArchMap {
                architecture: "SCMP_ARCH_X86_64".to_string(),
                sub_architectures: vec!["SCMP_ARCH_X86".to_string(), "SCMP_ARCH_X32".to_string()],
            },
            ArchMap {
                architecture: "SCMP_ARCH_AARCH64".to_string(),
                sub_architectures: vec!["SCMP_ARCH_ARM".to_string()],
            },
        ],
        syscalls: rules,
        ..Profile::default()
    }
}
