//! `rcon commit`: a container's changes become one new layer on its image.
//! The changes are those `rcon diff` lists (the upper dir, or the vfs copy
//! compared with the image), written as an OCI layer (whiteouts as `.wh.`
//! entries, opaque directories marked `.wh..wh..opq`), gzip-compressed into
//! the store's work area while the tar's digest (the diff ID) is taken, then
//! stored as a pulled layer would be ([`image::commit`]).

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;
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
    let (dir, changes) = files::diff(lifecycle, record)?;
    let layer = store.root().join("tmp").join(format!(
        "{}-commit-{}.tar.gz",
        std::process::id(),
        LAYER_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = write_layer(&layer, |packer| pack_layer(&changes, dir.path(), packer));
    let result = written
        .map_err(|source| Error::Files {
            what: format!(
                "writing the changes of container {} as a layer",
                record.name
            ),
            source,
        })
        .and_then(|diff_id| {
            let commit = CommitRequest {
                base: &base,
                layer: &layer,
                diff_id,
                settings: settings(store, record, &base)?,
                changes: &request.changes,
                author: request.author.clone(),
                message: request.message.clone(),
                created_by: record.config.args.join(" "),
                name: request.name.clone(),
                squash_owners: request.squash_owners,
            };
            Ok(image_commit::commit(store, &commit)?)
        });
    let _ = fs::remove_file(&layer);
    if result.is_ok() {
        record.event(crate::events::Status::Commit).record();
    }
    result
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
        // `--entrypoint` replaced the image's: the whole command line.
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

/// A writer that hashes what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
