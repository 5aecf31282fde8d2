//! `rcon commit`: a container's changes become one new layer on its image.
//! The changes are those `rcon diff` lists (the upper dir, or the vfs copy
//! compared with the image), written as an OCI layer (whiteouts as `.wh.`
//! entries, opaque directories marked `.wh..wh..opq`), gzip-compressed into
//! the store's work area while the tar's digest (the diff ID) is taken, then
//! stored as a pulled layer would be ([`image::commit`]).

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

use super::Error;
use super::files;
use super::lifecycle::Lifecycle;
use super::store::ContainerRecord;
use crate::image::commit::{self as image_commit, CommitRequest, Settings, check_changes};
use crate::image::config::ImageConfig;
use crate::image::layer::Hashing;
use crate::storage::changes::pack_layer;
use crate::storage::pack::Packer;
use crate::storage::store::{ImageRecord, Store};

/// What `rcon commit` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Commit {
    /// `IMAGE[:TAG]`; none: the image is known by its ID only.
    pub name: Option<String>,
    pub author: Option<String>,
    pub message: Option<String>,
    /// `--change` Dockerfile instructions.
    pub changes: Vec<String>,
    pub squash_owners: bool,
}

/// Environment variables rcon sets in every container: not the image's,
/// unless the image itself set them.
const RUNTIME_ENV: [&str; 3] = ["HOSTNAME", "TERM", "container"];

static LAYER_COUNTER: AtomicU32 = AtomicU32::new(0);

/// Commits `record`'s changes as a new image; returns it.
pub fn commit(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    request: &Commit,
) -> Result<ImageRecord, Error> {
    check_changes(&request.changes).map_err(crate::image::Error::from)?;
    let store = lifecycle.store();
    let base = store.image_by_id(&record.image_id)?;
    let layer = changes_layer(lifecycle, record, None)?;
    let commit = CommitRequest {
        base: &base,
        layer: &layer.path,
        diff_id: layer.diff_id.clone(),
        settings: settings(store, record, &base)?,
        changes: &request.changes,
        author: request.author.clone(),
        message: request.message.clone(),
        created_by: record.config.args.join(" "),
        name: request.name.clone(),
        squash_owners: request.squash_owners,
    };
    let image = image_commit::commit(store, &commit)?;
    record.event(crate::events::Status::Commit).record();
    Ok(image)
}

/// A container's changes written as a layer into the store's work area;
/// the file goes when this is dropped.
#[derive(Debug)]
pub struct ChangesLayer {
    /// The gzip-compressed tar.
    pub path: PathBuf,
    /// The `sha256:` digest of the uncompressed tar.
    pub diff_id: String,
}

impl Drop for ChangesLayer {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Writes `record`'s changes (what `diff` lists) as a layer.
pub fn changes_layer(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    mtime: Option<u64>,
) -> Result<ChangesLayer, Error> {
    let (dir, changes) = files::diff(lifecycle, record)?;
    let path = lifecycle.store().root().join("tmp").join(format!(
        "{}-commit-{}.tar.gz",
        std::process::id(),
        LAYER_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = write_layer(&path, |packer| {
        if let Some(mtime) = mtime {
            packer.set_mtime(mtime);
        }
        pack_layer(&changes, dir.path(), packer)
    });
    match written {
        Ok(diff_id) => Ok(ChangesLayer { path, diff_id }),
        Err(source) => {
            let _ = fs::remove_file(&path);
            Err(Error::Files {
                what: format!(
                    "writing the changes of container {} as a layer",
                    record.name
                ),
                source,
            })
        }
    }
}

/// Writes a gzip-compressed tar to `path` with `fill`; returns the
/// `sha256:` digest of the uncompressed tar.
fn write_layer(
    path: &Path,
    fill: impl FnOnce(&mut Packer<Hashing<GzEncoder<BufWriter<File>>>>) -> io::Result<()>,
) -> io::Result<String> {
    let file = BufWriter::with_capacity(256 * 1024, File::create(path)?);
    let mut packer = Packer::new(Hashing {
        inner: GzEncoder::new(file, Compression::fast()),
        hasher: Sha256::new(),
    });
    fill(&mut packer)?;
    let hashing = packer.finish()?;
    hashing.inner.finish()?.flush()?;
    Ok(format!("sha256:{}", hex::encode(hashing.hasher.finalize())))
}

/// What the container was run with, as the image's new defaults (Docker's
/// and Podman's commit keep them): its command, environment (less what rcon
/// adds to every container), working directory, user and labels.
fn settings(
    store: &Store,
    record: &ContainerRecord,
    base: &ImageRecord,
) -> Result<Settings, crate::image::Error> {
    let config = &record.config;
    let base_env = ImageConfig::read(store, base)?
        .defaults()
        .env()
        .clone()
        .unwrap_or_default();
    let env = config
        .env
        .iter()
        .filter(|entry| {
            let key = key_of(entry);
            !RUNTIME_ENV.contains(&key) || base_env.iter().any(|e| key_of(e) == key)
        })
        .cloned()
        .collect();
    let (entrypoint, cmd) = match config.args.strip_prefix(config.entrypoint.as_slice()) {
        Some(cmd) => (config.entrypoint.clone(), cmd.to_vec()),
        // A record made before records kept the effective entrypoint (they
        // kept the image's), whose `--entrypoint` replaced it: the whole line.
        None => (Vec::new(), config.args.clone()),
    };
    Ok(Settings {
        env,
        entrypoint,
        cmd,
        working_dir: config.working_dir.clone(),
        user: config.user.clone(),
        labels: config.labels.clone(),
    })
}

fn key_of(entry: &str) -> &str {
    entry.split_once('=').map_or(entry, |(k, _)| k)
}
