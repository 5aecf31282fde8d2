//! `rcon import`: a tarball of a root filesystem (plain, gzip or zstd, from a
//! file, standard input or an HTTP(S) URL) becomes a one-layer image, with
//! `--change` instructions and `--message` as its history's comment. The tar
//! is recompressed into the store's work area while its diff ID is taken, then
//! stored as a committed layer is (the extraction refuses what escapes it).

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use oci_spec::image::{Config, History, ImageConfiguration};
use sha2::{Digest, Sha256};

use super::commit::{self, NewLayer, apply_change, check_changes};
use super::config::{DockerConfig, ImageConfig};
use super::layer::{Hashing, decompressor, sniff_media_type};
use super::{Error, Reference};
use crate::storage::store::{ImageRecord, Store};
use crate::util::fs::{IoError, io_err};
use crate::util::time::now_rfc3339;

/// What `rcon import` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Import {
    /// `IMAGE[:TAG]`; none: the image is known by its ID only.
    pub name: Option<String>,
    pub changes: Vec<String>,
    pub message: Option<String>,
    /// Owners squashed to the user (a single-ID user namespace).
    pub squash_owners: bool,
    /// What the history says made the layer (Podman: the source).
    pub created_by: String,
}

/// The layer being written; removed when dropped.
struct WorkFile(PathBuf);

impl Drop for WorkFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// Stores the tarball `source` reads as a new image; returns its record.
/// Everything is checked (name, changes) before the tarball is read.
pub fn import(
    store: &Store,
    source: impl Read + Send,
    request: &Import,
) -> Result<ImageRecord, Error> {
    let names = match &request.name {
        Some(name) => vec![Reference::parse(name)?.normalized_for_tag()?.to_string()],
        None => Vec::new(),
    };
    check_changes(&request.changes)?;
    let dir = store.root().join("tmp");
    fs::create_dir_all(&dir).map_err(io_err("creating", &dir))?;
    let work = WorkFile(dir.join(format!("{}-import.tar.gz", std::process::id())));
    let diff_id = recompress(source, &work.0).map_err(|e| Error::CommitLayer(e.to_string()))?;
    let mut config = Config::default();
    for change in &request.changes {
        apply_change(&mut config, change)?;
    }
    let platform = super::pull::Platform::host();
    let now = now_rfc3339();
    let mut oci = ImageConfiguration::default();
    oci.set_created(Some(now.clone()))
        .set_architecture(platform.architecture.as_str().into())
        .set_os(platform.os.as_str().into())
        .set_config(Some(config));
    let mut step = History::default();
    step.set_created(Some(now))
        .set_created_by(Some(request.created_by.clone()))
        .set_comment(request.message.clone());
    oci.set_history(Some(vec![step]));
    let layer = NewLayer {
        path: &work.0,
        diff_id,
    };
    let image = ImageConfig {
        oci,
        docker: DockerConfig::default(),
    };
    commit::put_imported(store, &layer, request.squash_owners, image, names)
}

/// Writes the tar `source` gives (decompressed when gzip or zstd) to `path`
/// gzip-compressed; returns the `sha256:` digest of the tar.
fn recompress(source: impl Read + Send, path: &Path) -> io::Result<String> {
    let mut source = io::BufReader::with_capacity(128 * 1024, source);
    let head = io::BufRead::fill_buf(&mut source)?.to_vec();
    let mut tar = decompressor(sniff_media_type(&head), source).map_err(io::Error::other)?;
    let file = BufWriter::with_capacity(256 * 1024, File::create(path)?);
    let mut out = Hashing {
        inner: GzEncoder::new(file, Compression::fast()),
        hasher: Sha256::new(),
    };
    io::copy(&mut tar, &mut out)?;
    out.inner.finish()?.flush()?;
    Ok(format!("sha256:{}", hex::encode(out.hasher.finalize())))
}

/// Opens a local tarball for [`import`].
pub fn open_file(path: &Path) -> Result<File, Error> {
    File::open(path).map_err(|e| Error::Io(IoError::new("opening", path, e)))
}
