//! The content-addressed store under `--root`.
//!
//! ```text
//! layers/<diff-id hex>/diff/        one extracted layer, shared by every image that has it
//! layers/<diff-id hex>/layer.json   its metadata; written before the directory is renamed in
//! layers/<diff-id hex>/blob         the layer as it was pulled or loaded (compressed), for push and save
//! l/<short id> -> ../layers/<hex>/diff   short names that keep overlay's lowerdir= small
//! images/<image id>/image.json      names, digests, layer list; manifest.json and config.json beside it
//! tmp/<pid>-<n>/                    work in progress; never trusted, swept when its process is gone
//! store.lock                        flock taken by every mutation
//! locks/<diff-id hex>               flock held while one process extracts that layer
//! ```
//!
//! Layers are keyed by diff ID (the sha256 of the uncompressed tar), not by
//! chain ID: with overlayfs each layer is a stand-alone directory, so one
//! extracted diff serves every image that contains it, whatever sits below.
//!
//! Everything becomes visible by `rename(2)` of a complete, synced directory
//! or file, so a process killed at any moment leaves the old state or the new.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use nix::fcntl::Flock;
use serde::{Deserialize, Serialize};

use super::durable::{self, Synced, TreeSize};
use crate::config::NotPrivate;
use crate::util::fs::{IoError, io_err, write_atomic};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Io(#[from] IoError),
    #[error("image metadata {} is corrupt: {source}; remove that directory with `rcon unshare rm -rf`", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error(
        "cannot open the store {}: permission denied; it belongs to another user (give a --root of your own)",
        path.display()
    )]
    Foreign { path: PathBuf },
    #[error(
        "cannot open the store {}: permission denied; it, or a directory on the way to it, belongs to another user (give a --root of your own)",
        path.display()
    )]
    Unreachable { path: PathBuf },
    #[error("cannot open the store {}: {source}", path.display())]
    Open { path: PathBuf, source: io::Error },
    #[error("image not known: {0}")]
    ImageUnknown(String),
    #[error("{0:?} is ambiguous: it matches more than one image ID; give more characters")]
    Ambiguous(String),
}

impl crate::util::exit::ExitCode for Error {}

type Result<T> = std::result::Result<T, Error>;

/// Metadata of one stored layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerRecord {
    /// `sha256:…` of the uncompressed tar.
    pub diff_id: String,
    /// `sha256:…` of the blob it was pulled as (the file `blob` beside `diff`).
    pub compressed_digest: String,
    /// The media type of that blob (gzip, zstd or plain tar).
    #[serde(default)]
    pub media_type: String,
    /// Bytes of file content extracted.
    pub size: u64,
    /// Short link name under `l/`.
    pub link: String,
    /// The mode its archive gave the root directory (`./`), if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_mode: Option<u32>,
}

/// Metadata of one stored image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageRecord {
    /// The config digest's hex: the image ID.
    pub id: String,
    /// `sha256:…` of the manifest pulled.
    pub digest: String,
    pub manifest_media_type: String,
    /// Full references that point here, e.g. `docker.io/library/alpine:latest`.
    pub names: Vec<String>,
    /// `repo@sha256:…` forms this image was pulled by.
    pub repo_digests: Vec<String>,
    /// Diff IDs, bottom layer first.
    pub layers: Vec<String>,
    /// Creation time from the image config (RFC 3339), if it has one.
    pub created: Option<String>,
    /// When it entered this store (RFC 3339, UTC).
    pub stored: String,
    pub architecture: String,
    pub os: String,
    /// Extracted size of all layers.
    pub size: u64,
    /// Every name it has had, the latest first (Podman's `NamesHistory`);
    /// kept by the store whenever its names change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names_history: Vec<String>,
}

impl ImageRecord {
    /// Its names, then the names it had before that it no longer has.
    fn with_names_recorded(&self) -> ImageRecord {
        let mut history = self.names.clone();
        merge(&mut history, &self.names_history);
        ImageRecord {
            names_history: history,
            ..self.clone()
        }
    }
}

/// The store under one root.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// The store's mutation lock; released on drop.
pub struct StoreLock {
    _lock: Flock<File>,
}

/// A layer being extracted: `dir()` is where the files go.
pub struct TempLayer {
    path: PathBuf,
    committed: bool,
}

impl TempLayer {
    /// The empty directory to extract into.
    pub fn dir(&self) -> PathBuf {
        self.path.join("diff")
    }

    /// Where the layer's blob is written as it streams in.
    pub fn blob_path(&self) -> PathBuf {
        self.path.join("blob")
    }
}

/// How a layer was committed: how it was made durable, and how long its
/// rename (and short link) took.
#[derive(Debug, Clone, Copy)]
pub struct Committed {
    pub synced: Synced,
    pub rename: Duration,
}

impl std::fmt::Display for Committed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rename = self.rename.as_secs_f64() * 1000.0;
        write!(f, "{}, rename {rename:.1} ms", self.synced)
    }
}

/// The blob a layer came as: its digest and media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobInfo {
    pub digest: String,
    pub media_type: String,
}

impl Drop for TempLayer {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

static TEMP_COUNTER: AtomicU32 = AtomicU32::new(0);

impl Store {
    /// Opens (creating if needed) the store at `root`, private to its
    /// owner: mode 0700, like Podman's. Everything in it is reachable only
    /// through it — layers whose `/tmp` is 1777, setuid files of images and
    /// containers, container records with their environment, logs, volumes.
    /// Another user's store is refused.
    pub fn open(root: &Path) -> Result<Store> {
        // A root that is a symlink (to a bigger disk) is the user's choice:
        // what it leads to must be theirs, and private.
        let real = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        crate::config::make_private_dir(&real).map_err(|problem| match problem {
            NotPrivate::Foreign { .. } => Error::Foreign { path: root.into() },
            NotPrivate::Io(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                Error::Unreachable { path: root.into() }
            }
            problem => Error::Open {
                path: root.into(),
                source: problem.into(),
            },
        })?;
        for dir in ["layers", "images", "tmp", "l", "locks"] {
            let path = root.join(dir);
            fs::create_dir_all(&path).map_err(io_err("creating", &path))?;
        }
        Ok(Store {
            root: root.to_path_buf(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the store's mutation lock (blocking).
    pub fn lock(&self) -> Result<StoreLock> {
        Ok(StoreLock {
            _lock: lock_file(&self.root.join("store.lock"))?,
        })
    }

    /// Removes work directories left by processes that no longer run. Call with the lock held.
    pub fn sweep_temp(&self, _lock: &StoreLock) {
        let tmp = self.root.join("tmp");
        let Ok(entries) = fs::read_dir(&tmp) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let pid = name
                .to_str()
                .and_then(|n| n.split('-').next())
                .and_then(|p| p.parse::<i32>().ok());
            let running = pid.is_some_and(|pid| Path::new(&format!("/proc/{pid}")).exists());
            if !running {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }

    fn layer_dir(&self, diff_id: &str) -> PathBuf {
        self.root.join("layers").join(hex_of(diff_id))
    }

    /// The extracted files of a stored layer.
    pub fn layer_diff(&self, diff_id: &str) -> PathBuf {
        self.layer_dir(diff_id).join("diff")
    }

    /// The layer's short link (`l/<short id>`), for overlay's lower dirs.
    pub fn layer_link(&self, diff_id: &str) -> PathBuf {
        self.root.join("l").join(short_link(hex_of(diff_id)))
    }

    /// The blob a stored layer was pulled or loaded as (absent for layers
    /// stored by rcon versions that did not keep it).
    pub fn layer_blob(&self, diff_id: &str) -> PathBuf {
        self.layer_dir(diff_id).join("blob")
    }

    /// The record of a complete layer, if it is stored.
    pub fn layer(&self, diff_id: &str) -> Option<LayerRecord> {
        let bytes = fs::read(self.layer_dir(diff_id).join("layer.json")).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Serialises extracting one layer across processes (blocking); the
    /// holder re-checks [`Store::layer`] before doing the work.
    pub fn layer_lock(&self, diff_id: &str) -> Result<Flock<File>> {
        self.named_lock(hex_of(diff_id))
    }

    /// An exclusive flock on `locks/<name>` (blocking), released on drop.
    pub fn named_lock(&self, name: &str) -> Result<Flock<File>> {
        lock_file(&self.root.join("locks").join(name))
    }

    /// A fresh work directory for extracting a layer.
    pub fn temp_layer(&self) -> Result<TempLayer> {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = self
            .root
            .join("tmp")
            .join(format!("{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(path.join("diff")).map_err(io_err("creating", &path))?;
        Ok(TempLayer {
            path,
            committed: false,
        })
    }

    /// Makes an extracted layer visible: its record is written and the work
    /// dir made durable ([`durable::sync_dir_tree`]) before the rename, so a
    /// visible layer is complete. `extracted`: the entries and bytes the
    /// extraction wrote (the record's size); `root_mode`: its root entry's
    /// mode, if it had one. If another process stored the same layer
    /// meanwhile, this copy is dropped.
    pub fn commit_layer(
        &self,
        mut temp: TempLayer,
        blob: BlobInfo,
        diff_id: &str,
        extracted: TreeSize,
        root_mode: Option<u32>,
    ) -> Result<(LayerRecord, Committed)> {
        let hex = hex_of(diff_id);
        let link = short_link(hex);
        let record = LayerRecord {
            diff_id: diff_id.to_string(),
            compressed_digest: blob.digest,
            media_type: blob.media_type,
            size: extracted.bytes,
            link: link.clone(),
            root_mode,
        };
        // Not write_atomic: nothing reads the work dir, and the sync below
        // covers the record with the rest (one fsync less per layer).
        let json = serde_json::to_vec_pretty(&record).expect("records serialise");
        let record_path = temp.path.join("layer.json");
        fs::write(&record_path, json).map_err(io_err("writing", &record_path))?;
        let blob_bytes = fs::metadata(temp.blob_path()).map_or(0, |m| m.len());
        let tree = TreeSize {
            // the work dir, diff/, blob and layer.json
            inodes: extracted.inodes + 4,
            bytes: extracted.bytes + blob_bytes,
        };
        let synced = durable::sync_dir_tree(&temp.path, tree)
            .map_err(io_err("syncing the layer", &temp.path))?;
        let renaming = Instant::now();
        let target = self.layer_dir(diff_id);
        match fs::rename(&temp.path, &target) {
            Ok(()) => temp.committed = true,
            Err(_) if self.layer(diff_id).is_some() => {
                let record = self.layer(diff_id).unwrap_or(record);
                let rename = renaming.elapsed();
                return Ok((record, Committed { synced, rename }));
            }
            Err(e) => {
                return Err(Error::Io(IoError::new("storing layer", target, e)));
            }
        }
        let link_path = self.root.join("l").join(&link);
        let _ = fs::remove_file(&link_path);
        std::os::unix::fs::symlink(format!("../layers/{hex}/diff"), &link_path)
            .map_err(io_err("linking", &link_path))?;
        let rename = renaming.elapsed();
        Ok((record, Committed { synced, rename }))
    }

    /// Makes a finished work directory visible as `target` (the filesystem
    /// synced first, so a visible directory is complete).
    pub fn commit_temp_dir(&self, mut temp: TempLayer, target: &Path) -> Result<()> {
        durable::syncfs(&temp.path).map_err(io_err("syncing", &temp.path))?;
        fs::rename(&temp.path, target).map_err(io_err("storing", target))?;
        temp.committed = true;
        Ok(())
    }

    /// Removes a directory of the store: renamed into `tmp/` first, so it is
    /// never seen half-removed.
    pub fn remove_dir_via_tmp(&self, dir: &Path) -> Result<()> {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let doomed = self
            .root
            .join("tmp")
            .join(format!("{}-rm-{n}", std::process::id()));
        match fs::rename(dir, &doomed) {
            Ok(()) => Ok(fs::remove_dir_all(&doomed).map_err(io_err("removing", &doomed))?),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::Io(IoError::new("removing", dir, e))),
        }
    }

    /// Removes a layer (its link first, then its directory via a temp name so
    /// a half-removed layer is never seen as stored).
    pub fn remove_layer(&self, diff_id: &str) -> Result<()> {
        if let Some(record) = self.layer(diff_id) {
            let _ = fs::remove_file(self.root.join("l").join(record.link));
        }
        let dir = self.layer_dir(diff_id);
        let doomed =
            self.root
                .join("tmp")
                .join(format!("{}-rm-{}", std::process::id(), hex_of(diff_id)));
        match fs::rename(&dir, &doomed) {
            Ok(()) => Ok(fs::remove_dir_all(&doomed).map_err(io_err("removing", &doomed))?),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::Io(IoError::new("removing", dir, e))),
        }
    }

    /// Every stored image, newest first.
    pub fn images(&self) -> Result<Vec<ImageRecord>> {
        let dir = self.root.join("images");
        let mut images = Vec::new();
        for entry in fs::read_dir(&dir)
            .map_err(io_err("reading", &dir))?
            .flatten()
        {
            let path = entry.path().join("image.json");
            match fs::read(&path) {
                Ok(bytes) => images.push(
                    serde_json::from_slice(&bytes)
                        .map_err(|source| Error::Corrupt { path, source })?,
                ),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {} // an image being written
                Err(e) => {
                    return Err(Error::Io(IoError::new("reading", path, e)));
                }
            }
        }
        images.sort_by(|a: &ImageRecord, b| b.stored.cmp(&a.stored).then(a.id.cmp(&b.id)));
        Ok(images)
    }

    /// The image named `name` (a full reference), or whose ID starts with `name`.
    pub fn find_image(&self, name: &str) -> Result<ImageRecord> {
        let images = self.images()?;
        if let Some(image) = images.iter().find(|i| i.names.iter().any(|n| n == name)) {
            return Ok(image.clone());
        }
        let id = name.strip_prefix("sha256:").unwrap_or(name);
        if id.len() >= 3 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
            let matches: Vec<&ImageRecord> =
                images.iter().filter(|i| i.id.starts_with(id)).collect();
            match matches.as_slice() {
                [one] => return Ok((*one).clone()),
                [] => {}
                _ => return Err(Error::Ambiguous(name.to_string())),
            }
        }
        Err(Error::ImageUnknown(name.to_string()))
    }

    /// Where an image's files live.
    pub fn image_dir(&self, id: &str) -> PathBuf {
        self.root.join("images").join(id)
    }

    /// Stores an image's manifest, config and record (or updates the record
    /// of an image already stored), and moves its names off any other image.
    /// Call with the lock held, after its layers are committed.
    pub fn put_image(
        &self,
        lock: &StoreLock,
        record: &ImageRecord,
        manifest: &[u8],
        config: &[u8],
    ) -> Result<ImageRecord> {
        let dir = self.image_dir(&record.id);
        let record = match self.read_image(&record.id)? {
            Some(mut existing) => {
                // New names first, as Podman (containers/storage) keeps them.
                let mut names = record.names.clone();
                merge(&mut names, &existing.names);
                existing.names = names;
                merge(&mut existing.repo_digests, &record.repo_digests);
                let existing = existing.with_names_recorded();
                write_json(&dir.join("image.json"), &existing)?;
                existing
            }
            None => {
                let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
                let temp = self
                    .root
                    .join("tmp")
                    .join(format!("{}-img-{n}", std::process::id()));
                fs::create_dir_all(&temp).map_err(io_err("creating", &temp))?;
                write_atomic(&temp.join("manifest.json"), manifest)?;
                write_atomic(&temp.join("config.json"), config)?;
                let record = record.with_names_recorded();
                write_json(&temp.join("image.json"), &record)?;
                fs::rename(&temp, &dir).map_err(io_err("storing image", &dir))?;
                record
            }
        };
        for other in self.images()?.into_iter().filter(|i| i.id != record.id) {
            if other.names.iter().any(|n| record.names.contains(n)) {
                let mut other = other;
                other.names.retain(|n| !record.names.contains(n));
                self.write_image(lock, &other)?;
            }
        }
        Ok(record)
    }

    /// The stored image with exactly this ID.
    pub fn image_by_id(&self, id: &str) -> Result<ImageRecord> {
        self.read_image(id)?
            .ok_or_else(|| Error::ImageUnknown(id.to_string()))
    }

    /// The record of the image with this full ID, if it is stored.
    pub fn read_image(&self, id: &str) -> Result<Option<ImageRecord>> {
        let path = self.image_dir(id).join("image.json");
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(
                serde_json::from_slice(&bytes).map_err(|source| Error::Corrupt { path, source })?,
            )),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::Io(IoError::new("reading", path, e))),
        }
    }

    /// Rewrites an image's record (names changed). Call with the lock held.
    pub fn write_image(&self, _lock: &StoreLock, record: &ImageRecord) -> Result<()> {
        write_json(
            &self.image_dir(&record.id).join("image.json"),
            &record.with_names_recorded(),
        )
    }

    /// Reads one of an image's stored documents (`manifest.json`, `config.json`).
    pub fn image_file(&self, id: &str, name: &str) -> Result<Vec<u8>> {
        let path = self.image_dir(id).join(name);
        Ok(fs::read(&path).map_err(io_err("reading", &path))?)
    }

    /// Removes an image and every layer no other image uses. Call with the lock held.
    /// Returns the diff IDs of the layers removed.
    pub fn remove_image(&self, _lock: &StoreLock, id: &str) -> Result<Vec<String>> {
        let Some(record) = self.read_image(id)? else {
            return Err(Error::ImageUnknown(id.to_string()));
        };
        let dir = self.image_dir(id);
        let doomed = self
            .root
            .join("tmp")
            .join(format!("{}-rmi-{id}", std::process::id()));
        fs::rename(&dir, &doomed).map_err(io_err("removing", &dir))?;
        fs::remove_dir_all(&doomed).map_err(io_err("removing", &doomed))?;
        let in_use: Vec<String> = self.images()?.into_iter().flat_map(|i| i.layers).collect();
        let mut removed = Vec::new();
        for layer in record.layers.iter().filter(|l| !in_use.contains(l)) {
            if !removed.contains(layer) {
                self.remove_layer(layer)?;
                removed.push(layer.clone());
            }
        }
        Ok(removed)
    }
}

fn merge(into: &mut Vec<String>, from: &[String]) {
    for item in from {
        if !into.contains(item) {
            into.push(item.clone());
        }
    }
}

/// An exclusive flock on `path`, created if missing (blocking).
pub fn lock_file(path: &Path) -> Result<Flock<File>> {
    Ok(crate::util::fs::lock_exclusive(path)?)
}

/// The hex part of `sha256:…`.
pub fn hex_of(digest: &str) -> &str {
    digest.split_once(':').map_or(digest, |(_, hex)| hex)
}

/// A short, stable link name for a layer (26 characters, as containers/storage uses).
fn short_link(hex: &str) -> String {
    hex.chars().take(26).collect::<String>().to_uppercase()
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    let json = serde_json::to_vec_pretty(value).expect("records serialise");
    Ok(write_atomic(path, &json)?)
}

/// A fresh random 64-hex-digit ID (containers, networks).
pub fn new_id() -> String {
    let mut bytes = [0u8; 32];
    // SAFETY: getrandom writes at most `len` bytes into the buffer we own.
    let n = unsafe { libc::getrandom(bytes.as_mut_ptr().cast(), bytes.len(), 0) };
    if n != bytes.len() as isize {
        // getrandom can't fail for 32 bytes after boot; fall back to time and pid.
        let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
        return hex::encode(<sha2::Sha256 as sha2::Digest>::digest(seed.as_bytes()));
    }
    hex::encode(bytes)
}
