//! The container's filesystem, set up in its own mount namespace, in order:
//! private `/`, the overlay, `/proc`, `/sys`, `/dev`, the user's mounts,
//! masked and read-only kernel paths, `pivot_root`. Every mount point inside
//! the rootfs is resolved with `openat2(RESOLVE_IN_ROOT)`, so a symlink in an
//! image can never aim a mount at a host path.

use std::fs::File;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, OpenHow, ResolveFlag, open, openat, openat2, readlinkat};
use nix::mount::{MntFlags, MsFlags, mount, umount2};
use nix::sys::stat::{Mode, fchmod, fstatat, futimens, mkdirat};
use nix::sys::time::TimeSpec;
use nix::unistd::{Gid, Uid, fchdir, fchown, fchownat, pivot_root, symlinkat};
use rcon_fuse_overlay::MountError;

use super::ChildError;
use super::spec::{FromImage, Ipc, Mount, MountSource, Rootfs, RootfsSource};
use crate::storage::mount::Upper;

/// Host devices bind-mounted into the container's `/dev`, as every runtime does.
const DEVICES: [&str; 6] = ["null", "zero", "full", "random", "urandom", "tty"];

/// Kernel files and directories hidden from the container (Podman's list).
const MASKED: [&str; 12] = [
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/sys/firmware",
    "/sys/fs/selinux",
    "/sys/dev/block",
    "/sys/devices/virtual/powercap",
];

/// Kernel paths the container may read but not write (Podman's list).
const READ_ONLY: [&str; 6] = [
    "/proc/asound",
    "/proc/bus",
    "/proc/fs",
    "/proc/irq",
    "/proc/sys",
    "/proc/sysrq-trigger",
];

/// How many symlinks one mount point may pass through, as the kernel allows.
const MAX_SYMLINKS: u32 = 40;

const NOSUID_NODEV_NOEXEC: MsFlags = MsFlags::MS_NOSUID
    .union(MsFlags::MS_NODEV)
    .union(MsFlags::MS_NOEXEC);

/// The merged root, open, for resolving paths inside it.
struct Root {
    dir: File,
    path: PathBuf,
}

/// What a mount point should be when it has to be created.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dir,
    File,
}

/// Builds the whole filesystem and pivots into it. Runs in the child.
/// `fuse_socket`: where the FUSE connection goes once mounted (the FUSE
/// driver), for the parent to serve.
pub(super) fn build(
    rootfs: &Rootfs,
    mounts: &[Mount],
    ipc: &Ipc,
    mask: bool,
    fuse_socket: Option<&OwnedFd>,
) -> Result<(), ChildError> {
    mount(
        None::<&str>,
        "/",
        None::<&str>,
        MsFlags::MS_REC | MsFlags::MS_PRIVATE,
        None::<&str>,
    )
    .map_err(ChildError::engine("making / private"))?;
    mount_root(rootfs, fuse_socket)?;
    let root = Root {
        dir: File::from(
            open(
                &rootfs.merged,
                OFlag::O_DIRECTORY | OFlag::O_RDONLY | OFlag::O_CLOEXEC,
                Mode::empty(),
            )
            .map_err(ChildError::engine("opening the container's root"))?,
        ),
        path: rootfs.merged.clone(),
    };
    root.link_mtab()?;
    mount_proc(&root)?;
    mount_sys(&root)?;
    mount_dev(&root, ipc)?;
    if rootfs.read_only {
        // The scratch dirs before the other mounts, which may lie inside
        // them (/run/.containerenv): their mount points may have to be created.
        for dir in ["/tmp", "/run", "/var/tmp"] {
            let tmpfs = Mount::tmpfs(dir, "mode=1777");
            if !mounts.iter().any(|m| m.destination == dir) {
                mount_one(&root, &tmpfs)?;
            }
        }
    }
    for m in mounts {
        mount_one(&root, m)?;
    }
    if rootfs.read_only {
        remount(&root.path, MsFlags::empty(), true)
            .map_err(ChildError::engine("making the root filesystem read-only"))?;
    }
    if mask {
        mask_kernel_paths(&root)?;
    }
    fchdir(root.dir.as_fd()).map_err(ChildError::engine("entering the container's root"))?;
    pivot_root(".", ".").map_err(ChildError::engine("pivot_root into the container"))?;
    umount2(".", MntFlags::MNT_DETACH).map_err(ChildError::engine("detaching the host's root"))?;
    nix::unistd::chdir("/").map_err(ChildError::engine("entering /"))?;
    Ok(())
}

/// The root filesystem at `rootfs.merged`, as its storage driver makes it.
fn mount_root(rootfs: &Rootfs, fuse_socket: Option<&OwnedFd>) -> Result<(), ChildError> {
    match &rootfs.source {
        RootfsSource::Overlay {
            lowers,
            upper,
            work,
        } => mount_overlay(lowers, upper, work, &rootfs.merged),
        RootfsSource::FuseOverlay { .. } => {
            let socket = fuse_socket.ok_or_else(|| {
                ChildError::engine_message("no channel for the FUSE connection".into())
            })?;
            mount_fuse(&rootfs.merged, socket)
        }
        RootfsSource::Copy(dir) => mount(
            Some(dir),
            &rootfs.merged,
            None::<&str>,
            MsFlags::MS_BIND | MsFlags::MS_REC,
            None::<&str>,
        )
        .map_err(ChildError::engine(
            "bind-mounting the container's copy of the image",
        )),
    }
}

/// Mounts a new FUSE connection (allowed inside the user namespace) and
/// sends it to its server, which the parent started meanwhile; requests
/// wait until the server answers.
fn mount_fuse(merged: &Path, socket: &OwnedFd) -> Result<(), ChildError> {
    let device = rcon_fuse_overlay::mount(merged).map_err(|e| match e {
        MountError::Device(errno) => {
            ChildError::engine("opening /dev/fuse for the fuse-overlay driver")(errno)
        }
        MountError::Mount(errno) => {
            ChildError::engine("mounting the fuse-overlay root filesystem")(errno)
        }
    })?;
    crate::process::send_fd(socket, device.as_raw_fd()).map_err(ChildError::engine(
        "handing the FUSE connection to its server",
    ))
}

/// The overlay: with the new mount API each lower layer is added on its own
/// (`lowerdir+`, Linux 6.8+), so any number of layers fits; older kernels get
/// one `lowerdir=` string of the store's short links, which must fit a page.
fn mount_overlay(
    lowers: &[PathBuf],
    upper: &Path,
    work: &Path,
    merged: &Path,
) -> Result<(), ChildError> {
    match overlay_with_fsconfig(lowers, upper, work, merged) {
        Ok(()) => return Ok(()),
        Err(Errno::ENOSYS | Errno::EINVAL) => {}
        Err(errno) => {
            return Err(ChildError::engine("mounting the overlay root filesystem")(
                errno,
            ));
        }
    }
    let layers: Vec<String> = lowers.iter().map(|p| p.display().to_string()).collect();
    let data = format!(
        "lowerdir={},upperdir={},workdir={},userxattr",
        layers.join(":"),
        upper.display(),
        work.display()
    );
    if data.len() >= 4096 {
        return Err(ChildError::engine_message(format!(
            "the image has {} layers: too many for this kernel's overlay mount options (Linux 6.8 or newer mounts any number)",
            lowers.len()
        )));
    }
    mount(
        Some("overlay"),
        merged,
        Some("overlay"),
        MsFlags::empty(),
        Some(data.as_str()),
    )
    .map_err(ChildError::engine("mounting the overlay root filesystem"))
}

fn overlay_with_fsconfig(
    lowers: &[PathBuf],
    upper: &Path,
    work: &Path,
    merged: &Path,
) -> Result<(), Errno> {
    let mnt = crate::storage::mount::overlay(lowers, Some(Upper { upper, work }))?;
    crate::storage::mount::attach(&mnt, merged)
}

/// `/proc` fresh for the container's PID namespace; where the kernel refuses
/// (a host /proc with hidden parts), the host's, recursively.
fn mount_proc(root: &Root) -> Result<(), ChildError> {
    let target = root.mount_point("/proc", Kind::Dir)?;
    match mount(
        Some("proc"),
        &fd_path(&target),
        Some("proc"),
        NOSUID_NODEV_NOEXEC,
        None::<&str>,
    ) {
        Ok(()) => Ok(()),
        Err(Errno::EPERM) => bind(Path::new("/proc"), &target, true)
            .map_err(ChildError::engine("mounting /proc (bind of the host's)")),
        Err(errno) => Err(ChildError::engine("mounting /proc")(errno)),
    }
}

/// `/sys` read-only; the host's, read-only, when sysfs can't be mounted.
fn mount_sys(root: &Root) -> Result<(), ChildError> {
    let target = root.mount_point("/sys", Kind::Dir)?;
    match mount(
        Some("sysfs"),
        &fd_path(&target),
        Some("sysfs"),
        NOSUID_NODEV_NOEXEC | MsFlags::MS_RDONLY,
        None::<&str>,
    ) {
        Ok(()) => Ok(()),
        Err(Errno::EPERM) => bind(Path::new("/sys"), &target, true)
            .and_then(|()| root.remount("/sys", MsFlags::empty(), true))
            .map_err(ChildError::engine("mounting /sys (bind of the host's)")),
        Err(errno) => Err(ChildError::engine("mounting /sys")(errno)),
    }
}

/// `/dev`: a tmpfs with the usual devices bound from the host, a private
/// devpts, shm and mqueue as the IPC namespace wants them, and the standard links.
fn mount_dev(root: &Root, ipc: &Ipc) -> Result<(), ChildError> {
    let dev = root.mount_point("/dev", Kind::Dir)?;
    mount(
        Some("tmpfs"),
        &fd_path(&dev),
        Some("tmpfs"),
        MsFlags::MS_NOSUID | MsFlags::MS_STRICTATIME,
        Some("mode=755,size=65536k"),
    )
    .map_err(ChildError::engine("mounting /dev"))?;
    for name in DEVICES {
        let target = root.mount_point(&format!("/dev/{name}"), Kind::File)?;
        bind(&Path::new("/dev").join(name), &target, false)
            .map_err(ChildError::engine("binding a device into /dev"))?;
    }
    let pts = root.mount_point("/dev/pts", Kind::Dir)?;
    let flags = MsFlags::MS_NOSUID | MsFlags::MS_NOEXEC;
    let with_tty_group = "newinstance,ptmxmode=0666,mode=0620,gid=5";
    mount(
        Some("devpts"),
        &fd_path(&pts),
        Some("devpts"),
        flags,
        Some(with_tty_group),
    )
    .or_else(|_| {
        // gid 5 is not mapped with a single-ID mapping.
        mount(
            Some("devpts"),
            &fd_path(&pts),
            Some("devpts"),
            flags,
            Some("newinstance,ptmxmode=0666,mode=0620"),
        )
    })
    .map_err(ChildError::engine("mounting /dev/pts"))?;
    mount_ipc(root, ipc)?;
    let dev_dir = root
        .open("/dev")
        .map_err(ChildError::engine("opening /dev"))?;
    for (link, target) in [
        ("ptmx", "pts/ptmx"),
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
        ("core", "/proc/kcore"),
    ] {
        symlinkat(target, dev_dir.as_fd(), link).map_err(ChildError::engine("linking in /dev"))?;
    }
    Ok(())
}

fn mount_one(root: &Root, m: &Mount) -> Result<(), ChildError> {
    let what = format!("mounting {}", m.destination);
    let fail = |errno: Errno| ChildError::engine_message(format!("{what}: {}", errno.desc()));
    let mut flags = MsFlags::empty();
    flags.set(MsFlags::MS_NOSUID, m.nosuid);
    flags.set(MsFlags::MS_NODEV, m.nodev);
    flags.set(MsFlags::MS_NOEXEC, m.noexec);
    match &m.source {
        MountSource::Bind(source) => {
            let kind = if source.is_dir() {
                Kind::Dir
            } else {
                Kind::File
            };
            // What the image has there, opened before the mount hides it.
            let under = match m.from_image {
                FromImage {
                    content: false,
                    owner: false,
                } => None,
                _ => root
                    .open(&m.destination)
                    .and_then(|f| readable_dir(&f))
                    .ok(),
            };
            let target = root.mount_point(&m.destination, kind)?;
            bind(source, &target, true).map_err(fail)?;
            if let Some(under) = &under {
                take_from_image(root, m, under).map_err(|errno| {
                    ChildError::engine_message(format!(
                        "copying what the image has at {} into its volume: {}",
                        m.destination,
                        errno.desc()
                    ))
                })?;
            }
            if m.read_only || !flags.is_empty() {
                root.remount(&m.destination, flags, m.read_only)
                    .map_err(fail)?;
            }
        }
        MountSource::Tmpfs(options) => {
            let target = root.mount_point(&m.destination, Kind::Dir)?;
            // Opened before the mount: it still reads what the image has there.
            let under = readable_dir(&target).map_err(fail)?;
            mount(
                Some("tmpfs"),
                &fd_path(&target),
                Some("tmpfs"),
                flags,
                Some(options.as_str()),
            )
            .map_err(fail)?;
            let tmpfs = root
                .open(&m.destination)
                .and_then(|top| readable_dir(&top))
                .map_err(fail)?;
            copy_up(&under, &tmpfs, 0).map_err(|errno| {
                ChildError::engine_message(format!(
                    "copying what the image has at {} into its tmpfs: {}",
                    m.destination,
                    errno.desc()
                ))
            })?;
            if m.read_only {
                root.remount(&m.destination, flags, true).map_err(fail)?;
            }
        }
    }
    Ok(())
}

/// A volume's first use: its directory, just mounted at `m`'s destination,
/// takes the owner and mode of the image's directory `under`, and its
/// content when the volume is empty (copied as [`copy_up`] copies: no
/// symlink of the image's is followed, and every name is made afresh
/// inside the volume).
fn take_from_image(root: &Root, m: &Mount, under: &File) -> Result<(), Errno> {
    let volume = readable_dir(&root.open(&m.destination)?)?;
    if m.from_image.owner {
        take_owner_and_mode(&volume, &nix::sys::stat::fstat(under)?)?;
    }
    if m.from_image.content && is_empty(&volume)? {
        copy_up(under, &volume, 0)?;
    }
    Ok(())
}

/// `file` gets the owner and mode `st` gives; an owner the container's
/// namespace cannot give stays root's.
fn take_owner_and_mode(file: &File, st: &nix::sys::stat::FileStat) -> Result<(), Errno> {
    match fchown(
        file,
        Some(Uid::from_raw(st.st_uid)),
        Some(Gid::from_raw(st.st_gid)),
    ) {
        Ok(()) | Err(Errno::EINVAL | Errno::EPERM) => {}
        Err(errno) => return Err(errno),
    }
    fchmod(file, Mode::from_bits_truncate(st.st_mode & 0o7777))
}

fn is_empty(dir: &File) -> Result<bool, Errno> {
    let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC;
    let mut listing = nix::dir::Dir::openat(dir, ".", flags, Mode::empty())?;
    for entry in listing.iter() {
        let name = entry?.file_name().to_owned();
        if name.as_c_str() != c"." && name.as_c_str() != c".." {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The directory `dir` (an `O_PATH` descriptor) opened for reading.
fn readable_dir(dir: &File) -> Result<File, Errno> {
    let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC;
    openat(dir, ".", flags, Mode::empty()).map(File::from)
}

/// How deep [`copy_up`] goes into a directory tree.
const COPY_UP_DEPTH: usize = 64;

/// Podman's `tmpcopyup`, its default for tmpfs mounts: what the image holds
/// at the mount's path (`from`, opened before the mount) is copied into the
/// fresh tmpfs `to`, with owners, modes and times. Every name is opened
/// with `O_NOFOLLOW` relative to its directory (symlinks are copied as
/// symlinks, never followed, so a hostile image's links lead nowhere);
/// fifos, sockets and devices are skipped.
fn copy_up(from: &File, to: &File, depth: usize) -> Result<(), Errno> {
    if depth > COPY_UP_DEPTH {
        return Err(Errno::ELOOP);
    }
    let dir_flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    let mut listing = nix::dir::Dir::openat(from, ".", dir_flags, Mode::empty())?;
    for entry in listing.iter() {
        let entry = entry?;
        let name = entry.file_name();
        if name == c"." || name == c".." {
            continue;
        }
        let st = fstatat(from, name, AtFlags::AT_SYMLINK_NOFOLLOW)?;
        let copied = match st.st_mode & libc::S_IFMT {
            libc::S_IFDIR => {
                mkdirat(to, name, Mode::S_IRWXU)?;
                let src = File::from(openat(from, name, dir_flags, Mode::empty())?);
                let dst = File::from(openat(to, name, dir_flags, Mode::empty())?);
                copy_up(&src, &dst, depth + 1)?;
                Some(dst)
            }
            libc::S_IFREG => {
                let read = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
                let write = OFlag::O_WRONLY
                    | OFlag::O_CREAT
                    | OFlag::O_EXCL
                    | OFlag::O_NOFOLLOW
                    | OFlag::O_CLOEXEC;
                let mut src = File::from(openat(from, name, read, Mode::empty())?);
                let mut dst = File::from(openat(to, name, write, Mode::S_IRUSR | Mode::S_IWUSR)?);
                std::io::copy(&mut src, &mut dst)
                    .map_err(|e| Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO)))?;
                Some(dst)
            }
            libc::S_IFLNK => {
                symlinkat(readlinkat(from, name)?.as_os_str(), to, name)?;
                match fchownat(
                    to,
                    name,
                    Some(Uid::from_raw(st.st_uid)),
                    Some(Gid::from_raw(st.st_gid)),
                    AtFlags::AT_SYMLINK_NOFOLLOW,
                ) {
                    Ok(()) | Err(Errno::EINVAL | Errno::EPERM) => None,
                    Err(errno) => return Err(errno),
                }
            }
            _ => None,
        };
        if let Some(file) = copied {
            take_owner_and_mode(&file, &st)?;
            let times = (
                TimeSpec::new(st.st_atime, st.st_atime_nsec),
                TimeSpec::new(st.st_mtime, st.st_mtime_nsec),
            );
            futimens(&file, &times.0, &times.1)?;
        }
    }
    Ok(())
}

/// Hides kernel paths (a bind of /dev/null over files, an empty read-only
/// tmpfs over directories) and makes others read-only. Paths the kernel
/// doesn't have are skipped.
fn mask_kernel_paths(root: &Root) -> Result<(), ChildError> {
    for path in MASKED {
        let Ok(target) = root.open(path) else {
            continue;
        };
        let is_dir = target.metadata().is_ok_and(|m| m.is_dir());
        let outcome = if is_dir {
            mount(
                Some("tmpfs"),
                &fd_path(&target),
                Some("tmpfs"),
                MsFlags::MS_RDONLY,
                Some("size=0"),
            )
        } else {
            bind(Path::new("/dev/null"), &target, false)
        };
        outcome.map_err(|e| ChildError::engine_message(format!("masking {path}: {}", e.desc())))?;
    }
    for path in READ_ONLY {
        let Ok(target) = root.open(path) else {
            continue;
        };
        bind(&fd_path(&target), &target, true)
            .and_then(|()| root.remount(path, MsFlags::empty(), true))
            .map_err(|e| {
                ChildError::engine_message(format!("making {path} read-only: {}", e.desc()))
            })?;
    }
    Ok(())
}

/// How often a lookup the kernel asks to retry (EAGAIN) is tried again.
const RESOLVE_RETRIES: u32 = 64;

impl Root {
    /// Opens `path` (absolute in the container) without leaving the root.
    fn open(&self, path: &str) -> Result<File, Errno> {
        self.resolve(path, OFlag::O_PATH | OFlag::O_CLOEXEC)
    }

    /// `openat2(RESOLVE_IN_ROOT)` of `path`. The kernel answers EAGAIN when a
    /// rename anywhere on the system races a lookup with `..` in it (images
    /// link `/etc/resolv.conf` to `../run/…`); openat2(2) says to retry.
    fn resolve(&self, path: &str, flags: OFlag) -> Result<File, Errno> {
        let mut tries = 0;
        loop {
            match openat2(&self.dir, relative(path), how(flags)) {
                Err(Errno::EAGAIN) if tries < RESOLVE_RETRIES => tries += 1,
                result => return result.map(File::from),
            }
        }
    }

    /// Remounts the bind mount now at `path` (opened again: a descriptor
    /// taken before the bind still names the mount underneath).
    fn remount(&self, path: &str, extra: MsFlags, read_only: bool) -> Result<(), Errno> {
        remount(&fd_path(&self.open(path)?), extra, read_only)
    }

    /// `mkdir -p` inside the root. Every step is re-resolved from the root, so
    /// a symlink planted in the image is followed as the container would
    /// follow it, and a dangling one gets its target made, never leaving the root.
    /// Existing directories are only opened: on the FUSE driver every mkdir
    /// of an existing name is a round trip to the server.
    fn make_dirs(&self, path: &str, depth: u32) -> Result<File, Errno> {
        if depth > MAX_SYMLINKS {
            return Err(Errno::ELOOP);
        }
        let mut dir: Option<File> = None;
        let mut prefix = String::new();
        for component in path.split('/').filter(|c| !c.is_empty() && *c != ".") {
            let next = format!("{prefix}/{component}");
            let next_dir = match self.open_dir(&next) {
                Err(Errno::ENOENT) => {
                    let parent = dir.as_ref().unwrap_or(&self.dir);
                    match mkdirat(parent.as_fd(), component, Mode::from_bits_truncate(0o755)) {
                        Ok(()) => self.open_dir(&next)?,
                        // Only a dangling symlink is there and yet not found.
                        Err(Errno::EEXIST) => {
                            let target = link_target(parent, component, &prefix)?;
                            self.make_dirs(&target, depth + 1)?;
                            self.open_dir(&next)?
                        }
                        Err(errno) => return Err(errno),
                    }
                }
                opened => opened?,
            };
            dir = Some(next_dir);
            prefix = next;
        }
        match dir {
            Some(dir) => Ok(dir),
            None => nix::unistd::dup(&self.dir).map(File::from),
        }
    }

    fn open_dir(&self, path: &str) -> Result<File, Errno> {
        self.resolve(
            path,
            OFlag::O_DIRECTORY | OFlag::O_RDONLY | OFlag::O_CLOEXEC,
        )
    }

    /// `touch` inside the root: the file at `path` made where missing, its
    /// directories too. A dangling symlink there gets its target made, never
    /// leaving the root, as runc and crun do: images link `/etc/resolv.conf`
    /// to systemd-resolved's file under `/run`.
    fn make_file(&self, path: &str, depth: u32) -> Result<(), Errno> {
        if depth > MAX_SYMLINKS {
            return Err(Errno::ELOOP);
        }
        let (parent, name) = path.rsplit_once('/').unwrap_or(("", path));
        let dir = self.make_dirs(parent, depth)?;
        match nix::fcntl::openat(
            &dir,
            name,
            OFlag::O_CREAT | OFlag::O_WRONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
            Mode::from_bits_truncate(0o644),
        ) {
            Ok(_) | Err(Errno::EEXIST) => Ok(()),
            // The name is a symlink whose target is missing.
            Err(Errno::ELOOP) => self.make_file(&link_target(&dir, name, parent)?, depth + 1),
            Err(errno) => Err(errno),
        }
    }

    /// `/etc/mtab` a symlink to `/proc/mounts` where the image has none, as
    /// Podman makes it (`mount` and `df` read it). `diff` and `commit` leave
    /// it out like the mount points; `export` has it, as Podman's.
    fn link_mtab(&self) -> Result<(), ChildError> {
        let link = || {
            let etc = self.make_dirs("etc", 0)?;
            symlinkat("/proc/mounts", etc.as_fd(), "mtab")
        };
        match link() {
            // A root that cannot be written (an image's own read-only root)
            // keeps what it has.
            Ok(()) | Err(Errno::EEXIST | Errno::EROFS) => Ok(()),
            Err(errno) => Err(ChildError::engine("linking /etc/mtab to /proc/mounts")(
                errno,
            )),
        }
    }

    /// The mount point at `path`, created (parents too) as `kind` when missing.
    fn mount_point(&self, path: &str, kind: Kind) -> Result<File, ChildError> {
        let fail = |errno: Errno| {
            ChildError::engine_message(format!(
                "creating the mount point {path} in the container: {}",
                errno.desc()
            ))
        };
        match self.open(path) {
            Ok(file) => return Ok(file),
            Err(Errno::ENOENT) => {}
            Err(errno) => return Err(fail(errno)),
        }
        let rel = relative(path);
        match kind {
            Kind::Dir => self.make_dirs(rel, 0).map(drop),
            Kind::File => self.make_file(rel, 0),
        }
        .map_err(fail)?;
        self.open(path).map_err(fail)
    }
}

/// Where the symlink `name` in `dir` (at `dir_path` in the root) points,
/// as a path from the root.
fn link_target(dir: &File, name: &str, dir_path: &str) -> Result<String, Errno> {
    let target = nix::fcntl::readlinkat(dir, name)?;
    let target = target.to_string_lossy();
    Ok(if target.starts_with('/') {
        target.into_owned()
    } else {
        format!("{dir_path}/{target}")
    })
}

fn relative(path: &str) -> &str {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() { "." } else { trimmed }
}

fn how(flags: OFlag) -> OpenHow {
    OpenHow::new()
        .flags(flags)
        .resolve(ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS)
}

/// The magic link that names an open file, for mount(2)'s target.
fn fd_path(file: &impl AsRawFd) -> PathBuf {
    PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()))
}

fn bind(source: &Path, target: &File, recursive: bool) -> Result<(), Errno> {
    let mut flags = MsFlags::MS_BIND;
    flags.set(MsFlags::MS_REC, recursive);
    mount(
        Some(source),
        &fd_path(target),
        None::<&str>,
        flags,
        None::<&str>,
    )
}

/// /dev/shm and /dev/mqueue: the IPC namespace's own (a new or joined one;
/// a joined one's /dev/shm is bound over it by the mounts), none of /dev/shm
/// with `--ipc=none`, the host's where it has them with `--ipc=host` (an
/// mqueue cannot be mounted for a namespace rcon's user namespace does not own).
fn mount_ipc(root: &Root, ipc: &Ipc) -> Result<(), ChildError> {
    if let Ipc::Host = ipc {
        for dir in ["/dev/shm", "/dev/mqueue"] {
            if Path::new(dir).is_dir() {
                let target = root.mount_point(dir, Kind::Dir)?;
                bind(Path::new(dir), &target, false)
                    .map_err(ChildError::engine("binding the host's IPC directories"))?;
            }
        }
        return Ok(());
    }
    if *ipc != Ipc::NoShm {
        let shm = root.mount_point("/dev/shm", Kind::Dir)?;
        mount(
            Some("shm"),
            &fd_path(&shm),
            Some("tmpfs"),
            NOSUID_NODEV_NOEXEC,
            Some("mode=1777,size=65536k"),
        )
        .map_err(ChildError::engine("mounting /dev/shm"))?;
    }
    let mqueue = root.mount_point("/dev/mqueue", Kind::Dir)?;
    mount(
        Some("mqueue"),
        &fd_path(&mqueue),
        Some("mqueue"),
        NOSUID_NODEV_NOEXEC,
        None::<&str>,
    )
    .map_err(ChildError::engine("mounting /dev/mqueue"))
}

/// Remounts a bind mount with `extra` flags, keeping those the kernel locked
/// on it (a user namespace may not clear nosuid/nodev/noexec set by its parent).
fn remount(target: &Path, extra: MsFlags, read_only: bool) -> Result<(), Errno> {
    let current = nix::sys::statvfs::statvfs(target)?;
    let mut flags = MsFlags::MS_REMOUNT | MsFlags::MS_BIND | extra;
    let locked = [
        (nix::sys::statvfs::FsFlags::ST_NOSUID, MsFlags::MS_NOSUID),
        (nix::sys::statvfs::FsFlags::ST_NODEV, MsFlags::MS_NODEV),
        (nix::sys::statvfs::FsFlags::ST_NOEXEC, MsFlags::MS_NOEXEC),
        (nix::sys::statvfs::FsFlags::ST_NOATIME, MsFlags::MS_NOATIME),
        (
            nix::sys::statvfs::FsFlags::ST_NODIRATIME,
            MsFlags::MS_NODIRATIME,
        ),
        (
            nix::sys::statvfs::FsFlags::ST_RELATIME,
            MsFlags::MS_RELATIME,
        ),
    ];
    for (have, keep) in locked {
        if current.flags().contains(have) {
            flags |= keep;
        }
    }
    flags.set(
        MsFlags::MS_RDONLY,
        read_only
            || current
                .flags()
                .contains(nix::sys::statvfs::FsFlags::ST_RDONLY),
    );
    mount(None::<&str>, target, None::<&str>, flags, None::<&str>)
}
