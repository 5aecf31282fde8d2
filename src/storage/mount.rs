//! Root filesystems as detached mounts (`fsopen`/`fsconfig`/`fsmount`): a
//! mount that belongs to no mount namespace, reachable only through its
//! descriptor and gone once that and every file opened under it are closed.
//! The runtime moves the container's overlay into place from here; rcon's
//! own verbs on a container's files (`export`, `cp`, `diff`) use such mounts
//! directly, so they need no mount namespace and leave nothing mounted.
//!
//! Needs CAP_SYS_ADMIN over the current mount namespace: run inside rcon's
//! user namespace (whose mount namespace the pause process owns).

use std::ffi::{CStr, CString};
use std::fs::File;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::{OFlag, open};
use nix::sys::stat::Mode;

use rcon_fuse_overlay::FuseLayers;

use crate::fuse_server::{self, Connection};
use crate::process::SingleThreaded;

const FSOPEN_CLOEXEC: libc::c_uint = 1;
const FSCONFIG_SET_FLAG: libc::c_uint = 0;
const FSCONFIG_SET_STRING: libc::c_uint = 1;
const FSCONFIG_CMD_CREATE: libc::c_uint = 6;
const FSMOUNT_CLOEXEC: libc::c_uint = 1;
const MOUNT_ATTR_RDONLY: libc::c_uint = 1;

/// A filesystem context being configured (`fsopen`).
struct Context(OwnedFd);

impl Context {
    fn open(fstype: &CStr) -> Result<Context, Errno> {
        // SAFETY: fsopen takes a NUL-terminated name and flags; the result is checked.
        let fd = Errno::result(unsafe {
            libc::syscall(libc::SYS_fsopen, fstype.as_ptr(), FSOPEN_CLOEXEC)
        })?;
        // SAFETY: fsopen returned a fresh descriptor that nothing else owns.
        Ok(Context(unsafe { OwnedFd::from_raw_fd(fd as i32) }))
    }

    /// Sets `key` to `value`, or the flag `key` when there is no value.
    fn set(&self, key: &str, value: Option<&[u8]>) -> Result<(), Errno> {
        let key = CString::new(key).map_err(|_| Errno::EINVAL)?;
        let value = value
            .map(|v| CString::new(v).map_err(|_| Errno::EINVAL))
            .transpose()?;
        let (cmd, ptr) = match &value {
            Some(v) => (FSCONFIG_SET_STRING, v.as_ptr()),
            None => (FSCONFIG_SET_FLAG, std::ptr::null()),
        };
        // SAFETY: fsconfig takes the context fd, a NUL-terminated key and value (or null for a flag).
        let r = unsafe {
            libc::syscall(
                libc::SYS_fsconfig,
                self.0.as_raw_fd(),
                cmd,
                key.as_ptr(),
                ptr,
                0,
            )
        };
        Errno::result(r).map(drop)
    }

    fn set_path(&self, key: &str, path: &Path) -> Result<(), Errno> {
        self.set(key, Some(path.as_os_str().as_encoded_bytes()))
    }

    /// Sets every option of a `mount(2)` data string (`a=b,flag,...`).
    fn set_options(&self, options: &str) -> Result<(), Errno> {
        for option in options.split(',').filter(|o| !o.is_empty()) {
            match option.split_once('=') {
                Some((key, value)) => self.set(key, Some(value.as_bytes()))?,
                None => self.set(option, None)?,
            }
        }
        Ok(())
    }

    /// Creates the filesystem and a detached mount of it.
    fn mount(self, read_only: bool) -> Result<OwnedFd, Errno> {
        // SAFETY: CMD_CREATE takes the context fd and no key or value.
        Errno::result(unsafe {
            libc::syscall(
                libc::SYS_fsconfig,
                self.0.as_raw_fd(),
                FSCONFIG_CMD_CREATE,
                std::ptr::null::<libc::c_char>(),
                std::ptr::null::<libc::c_char>(),
                0,
            )
        })?;
        let attrs = if read_only { MOUNT_ATTR_RDONLY } else { 0 };
        // SAFETY: fsmount takes the configured context fd, flags and mount attributes.
        let fd = Errno::result(unsafe {
            libc::syscall(
                libc::SYS_fsmount,
                self.0.as_raw_fd(),
                FSMOUNT_CLOEXEC,
                attrs,
            )
        })?;
        // SAFETY: fsmount returned a fresh descriptor that nothing else owns.
        Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
    }
}

/// The writable part of an overlay: its upper dir and overlay's work dir.
#[derive(Debug, Clone, Copy)]
pub struct Upper<'a> {
    pub upper: &'a Path,
    pub work: &'a Path,
}

/// A detached kernel overlay (`userxattr`) of `lowers` (topmost first),
/// writable into `upper` when given, else read-only. Each lower is added on
/// its own (`lowerdir+`, Linux 6.8+), so any number fits; EINVAL on older
/// kernels, which lack that key.
pub fn overlay(lowers: &[PathBuf], upper: Option<Upper>) -> Result<OwnedFd, Errno> {
    let fs = Context::open(c"overlay")?;
    for lower in lowers {
        fs.set_path("lowerdir+", lower)?;
    }
    match upper {
        Some(Upper { upper, work }) => {
            fs.set_path("upperdir", upper)?;
            fs.set_path("workdir", work)?;
        }
        // A read-only view may stack a live container's upper dir as a
        // lower; without the index nothing claims it exclusively.
        None => fs.set("index", Some(b"off"))?,
    }
    fs.set("userxattr", None)?;
    fs.mount(upper.is_none())
}

/// A detached mount of rcon's FUSE overlay of `layers`, served by a server
/// process of its own (logging into `log`) that ends when the mount is
/// gone (it is forked).
pub fn fuse_overlay(
    layers: &FuseLayers,
    log: &Path,
    read_only: bool,
    _single: &SingleThreaded,
) -> Result<OwnedFd, Errno> {
    let device = open("/dev/fuse", OFlag::O_RDWR | OFlag::O_CLOEXEC, Mode::empty())?;
    let fs = Context::open(c"fuse")?;
    fs.set("source", Some(b"fuse-overlay"))?;
    fs.set_options(&rcon_fuse_overlay::mount_options(&device))?;
    let mount = fs.mount(read_only)?;
    drop(fuse_server::spawn_server(
        Connection::Mounted(device),
        layers,
        log,
        &[],
    )?);
    Ok(mount)
}

const MOVE_MOUNT_F_EMPTY_PATH: libc::c_uint = 4;

/// Attaches the detached mount `mount` at `target` (a directory) in the
/// current mount namespace; from then on it stays there until unmounted.
pub fn attach(mount: &OwnedFd, target: &Path) -> Result<(), Errno> {
    let target = CString::new(target.as_os_str().as_encoded_bytes()).map_err(|_| Errno::EINVAL)?;
    // SAFETY: move_mount takes the mount fd with an empty path and a NUL-terminated target.
    let r = unsafe {
        libc::syscall(
            libc::SYS_move_mount,
            mount.as_raw_fd(),
            c"".as_ptr(),
            libc::AT_FDCWD,
            target.as_ptr(),
            MOVE_MOUNT_F_EMPTY_PATH,
        )
    };
    Errno::result(r).map(drop)
}

/// A filesystem opened at its root, with the mount that holds it (none for
/// a plain directory). Dropping it unmounts a detached mount.
#[derive(Debug)]
pub struct Opened {
    root: File,
    _mount: Option<OwnedFd>,
}

impl Opened {
    /// The root directory of a detached mount.
    pub fn mount(mount: OwnedFd) -> Result<Opened, Errno> {
        let root = File::from(nix::fcntl::openat(
            &mount,
            ".",
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
            Mode::empty(),
        )?);
        Ok(Opened {
            root,
            _mount: Some(mount),
        })
    }

    /// A directory that is there already (a vfs copy, a process's root).
    pub fn dir(path: &Path) -> Result<Opened, Errno> {
        let root = File::from(open(
            path,
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
            Mode::empty(),
        )?);
        Ok(Opened { root, _mount: None })
    }

    pub fn root(&self) -> &File {
        &self.root
    }

    /// Makes the filesystem visible at `target` (a directory) in the
    /// current mount namespace, read-only: the mount itself, or a bind of
    /// the directory. It stays until `target` is unmounted.
    pub fn attach_read_only(&self, target: &Path) -> Result<(), Errno> {
        if let Some(mount) = &self._mount {
            return attach(mount, target);
        }
        let source = format!("/proc/self/fd/{}", self.root.as_raw_fd());
        nix::mount::mount(
            Some(source.as_str()),
            target,
            None::<&str>,
            nix::mount::MsFlags::MS_BIND | nix::mount::MsFlags::MS_REC,
            None::<&str>,
        )?;
        let read_only = nix::mount::MsFlags::MS_BIND
            | nix::mount::MsFlags::MS_REMOUNT
            | nix::mount::MsFlags::MS_RDONLY;
        nix::mount::mount(None::<&str>, target, None::<&str>, read_only, None::<&str>).inspect_err(
            |_| {
                let _ = nix::mount::umount2(target, nix::mount::MntFlags::MNT_DETACH);
            },
        )
    }
}
