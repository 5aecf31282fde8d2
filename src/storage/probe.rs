//! Does kernel overlayfs work for this user, on this store's filesystem?
//!
//! Probed once as containers/storage does (two lower layers, a file deleted
//! and a directory removed through the merged view, both of which must leave
//! whiteouts in the upper dir) and cached in the store, keyed by kernel release.

use std::fs;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;

use nix::mount::{MntFlags, MsFlags, mount, umount2};
use nix::sched::{CloneFlags, unshare};
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, fork};

use crate::process::SingleThreaded;
use crate::util::fs::{IoError, io_err, write_atomic};

const CACHE_FILE: &str = "overlay-probe.json";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Io(#[from] IoError),
    #[error("probing overlayfs: {0}")]
    Fork(nix::Error),
}

/// The probe's answer, as cached.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OverlayProbe {
    /// Kernel release the answer holds for.
    pub kernel: String,
    pub supported: bool,
    /// What failed, when unsupported.
    pub detail: String,
}

/// The cached answer for `root`, probing first if there is none for this kernel.
/// Must run inside the user namespace.
pub fn probe_overlay(root: &Path, single: &SingleThreaded) -> Result<OverlayProbe, Error> {
    let kernel = nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default();
    let cache = root.join(CACHE_FILE);
    if let Some(cached) = fs::read(&cache)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<OverlayProbe>(&bytes).ok())
        .filter(|c| c.kernel == kernel)
    {
        return Ok(cached);
    }
    fs::create_dir_all(root).map_err(io_err("creating the storage root", root))?;
    let scratch = root.join(format!(".overlay-probe-{}", std::process::id()));
    let outcome = run_probe(&scratch, single);
    let _ = fs::remove_dir_all(&scratch);
    let detail = outcome?;
    let answer = OverlayProbe {
        kernel,
        supported: detail.is_empty(),
        detail,
    };
    let json = serde_json::to_vec_pretty(&answer).expect("serialisable");
    write_atomic(&cache, &json)?;
    Ok(answer)
}

/// Runs the probe in a child with its own mount namespace, so nothing stays
/// mounted whatever happens. Returns "" on success, else what went wrong.
fn run_probe(scratch: &Path, _single: &SingleThreaded) -> Result<String, Error> {
    let (report_read, report_write) = nix::unistd::pipe().map_err(Error::Fork)?;
    // SAFETY: the process is single-threaded (`_single` says so), so
    // the child may allocate and run ordinary Rust code before it _exits.
    match unsafe { fork() }.map_err(Error::Fork)? {
        ForkResult::Child => {
            drop(report_read);
            let result = probe_in_child(scratch);
            let mut out = fs::File::from(report_write);
            let _ = out.write_all(result.err().unwrap_or_default().as_bytes());
            crate::process::exit_forked_child(0)
        }
        ForkResult::Parent { child } => {
            drop(report_write);
            let report = read_all(report_read);
            match waitpid(child, None) {
                Ok(WaitStatus::Exited(_, 0)) => Ok(report),
                other => Ok(format!("the probe process ended with {other:?}")),
            }
        }
    }
}

fn read_all(fd: OwnedFd) -> String {
    let mut text = String::new();
    let _ = fs::File::from(fd).read_to_string(&mut text);
    text
}

fn probe_in_child(scratch: &Path) -> Result<(), String> {
    unshare(CloneFlags::CLONE_NEWNS).map_err(|e| format!("unshare(CLONE_NEWNS): {e}"))?;
    mount(
        None::<&str>,
        "/",
        None::<&str>,
        MsFlags::MS_REC | MsFlags::MS_PRIVATE,
        None::<&str>,
    )
    .map_err(|e| format!("making / private: {e}"))?;
    let [lower1, lower2, upper, work, merged] =
        ["l1", "l2", "upper", "work", "merged"].map(|d| scratch.join(d));
    let setup = || -> std::io::Result<()> {
        for dir in [&lower1, &lower2, &upper, &work, &merged] {
            fs::create_dir_all(dir)?;
        }
        fs::create_dir_all(lower1.join("dir"))?;
        fs::write(lower1.join("dir/inner"), b"x")?;
        fs::write(lower1.join("gone"), b"x")?;
        fs::write(lower2.join("kept"), b"x")
    };
    setup().map_err(|e| format!("preparing {}: {e}", scratch.display()))?;
    let options = format!(
        "lowerdir={}:{},upperdir={},workdir={},userxattr",
        lower2.display(),
        lower1.display(),
        upper.display(),
        work.display()
    );
    mount(
        Some("overlay"),
        &merged,
        Some("overlay"),
        MsFlags::empty(),
        Some(options.as_str()),
    )
    .map_err(|e| format!("mounting overlay on {}: {e}", scratch.display()))?;
    let checks = || -> Result<(), String> {
        fs::read(merged.join("kept")).map_err(|e| format!("reading through the mount: {e}"))?;
        fs::remove_file(merged.join("gone")).map_err(|e| format!("deleting a lower file: {e}"))?;
        fs::remove_file(merged.join("dir/inner"))
            .map_err(|e| format!("deleting in a lower dir: {e}"))?;
        fs::remove_dir(merged.join("dir")).map_err(|e| format!("removing a lower dir: {e}"))?;
        for name in ["gone", "dir"] {
            let meta = fs::symlink_metadata(upper.join(name))
                .map_err(|e| format!("no whiteout for {name} in the upper dir: {e}"))?;
            if !meta.file_type().is_char_device() || meta.rdev() != 0 {
                return Err(format!("{name} left no 0:0 whiteout in the upper dir"));
            }
        }
        Ok(())
    };
    let result = checks();
    let _ = umount2(&merged, MntFlags::MNT_DETACH);
    result
}
