//! `rcon save` and `rcon load`: images as tar archives, in the two formats
//! Podman and Docker exchange.
//!
//! - **docker-archive** (`docker save`, `podman save`): `manifest.json`
//!   (`[{"Config": "<id>.json", "RepoTags": [...], "Layers": ["<diff id>.tar", ...]}]`),
//!   `repositories`, the config, and every layer as an uncompressed tar.
//! - **oci-archive**: an OCI image layout (`oci-layout`, `index.json`,
//!   `blobs/sha256/…`) in a tar; layers as the blobs the store keeps.
//!
//! Loading reads the archive's table of entries first (the archive is a file;
//! standard input is copied to one in the store's work area), then each
//! layer straight from its place in the file through the same pipeline as a
//! pull: decompression picked by magic bytes, the blob digest (where the
//! archive names it), the diff-ID check, and safe extraction. Names inside
//! the archive are only looked up, never used as paths on disk; digests are
//! checked against the digest grammar before they name anything, documents
//! against Podman's size limits, and layers against `RCON_MAX_LAYER_SIZE`
//! (see [`super::limits`]), as for a pull.

use crate::events::{Event, Status as EventStatus};
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use oci_spec::image::{Descriptor, Digest, ImageIndexBuilder, MediaType};
use serde::Deserialize;
use serde_json::json;

use super::blobs::{
    Blob, ImageBlobs, OCI_CONFIG_MEDIA_TYPE, image_blobs, layer_blob, oci_manifest,
};
use super::config::ImageConfig;
use super::layer::{self, BlobDigest, LayerSlot, sha256_digest, sniff_media_type};
use super::limits::{Limits, MAX_ARCHIVE_MANIFEST, MAX_CONFIG, MAX_MANIFEST};
use super::local::{lookup, matching_name};
use super::pull::{IndexEntry, ManifestDoc, Platform, choose_platform};
use super::reference::{DOCKER_HUB, Reference};
use crate::storage::extract::{ExtractOptions, Ownership};
use crate::storage::store::{self, ImageRecord, Store};
use crate::util::fs::{IoError, io_err};
use crate::util::time::now_rfc3339;

const REF_NAME: &str = "org.opencontainers.image.ref.name";
const CONTAINERD_NAME: &str = "io.containerd.image.name";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{archive}: {message}")]
    Invalid { archive: String, message: String },
    #[error("{archive}: layer {diff_id}: {message}")]
    Layer {
        archive: String,
        diff_id: String,
        message: String,
    },
    #[error(transparent)]
    Io(#[from] IoError),
    #[error(transparent)]
    Blobs(#[from] super::blobs::Error),
    #[error(transparent)]
    Store(#[from] store::Error),
}

/// The two archive formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    DockerArchive,
    OciArchive,
}

// ---------------------------------------------------------------------------
// Save

/// Writes the images `names` to `out` as one archive in `format`. An image
/// named by its ID goes in without a name, as in Podman; with `uncompressed`,
/// an oci-archive holds its layers as plain tars (docker-archives always do).
/// `destination` names `out` in the images' `save` events.
pub fn save(
    store: &Store,
    names: &[String],
    format: Format,
    uncompressed: bool,
    out: impl Write,
    destination: &str,
) -> Result<(), super::Error> {
    let mut images = Vec::new();
    // Decompressed layers live in the store's work area until written.
    let mut scratch = Vec::new();
    for input in names {
        let image = lookup(store, input)?;
        let name = matching_name(&image, input).cloned();
        let mut blobs =
            image_blobs(store, &image, format == Format::OciArchive).map_err(Error::from)?;
        if uncompressed && format == Format::OciArchive {
            blobs = uncompress_layers(store, &image, blobs, &mut scratch)?;
        }
        images.push((image, name, blobs));
    }
    let mut tar = tar::Builder::new(out);
    let written = match format {
        Format::DockerArchive => write_docker_archive(store, &mut tar, &images),
        Format::OciArchive => write_oci_archive(&mut tar, &images),
    };
    written
        .and_then(|()| tar.into_inner().and_then(|mut out| out.flush()))
        .map_err(|source| IoError::new("writing the archive", "-", source))?;
    for (image, _, _) in &images {
        Event::image(EventStatus::Save, &image.id, destination).record();
    }
    Ok(())
}

type Saved = (ImageRecord, Option<String>, ImageBlobs);

fn write_docker_archive<W: Write>(
    store: &Store,
    tar: &mut tar::Builder<W>,
    images: &[Saved],
) -> io::Result<()> {
    let mut manifest = Vec::new();
    let mut repositories: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut written = Vec::new();
    for (image, name, blobs) in images {
        let config_name = format!("{}.json", image.id);
        if !written.contains(&config_name) {
            append_file(tar, &config_name, &blobs.config.path)?;
            written.push(config_name.clone());
        }
        let mut layer_names = Vec::new();
        for (diff_id, blob) in image.layers.iter().zip(&blobs.layers) {
            let layer_name = format!("{}.tar", store::hex_of(diff_id));
            if !written.contains(&layer_name) {
                append_uncompressed(store, tar, &layer_name, blob)?;
                written.push(layer_name.clone());
            }
            layer_names.push(layer_name);
        }
        let tags: Vec<&String> = name.iter().filter(|n| !n.contains('@')).collect();
        for tag in &tags {
            let (repository, tag) = super::split_tag(tag);
            let top = image.layers.last().map(|l| store::hex_of(l).to_string());
            repositories
                .entry(repository)
                .or_default()
                .insert(tag, top.unwrap_or_default());
        }
        manifest.push(json!({ "Config": config_name, "RepoTags": tags, "Layers": layer_names }));
    }
    append_bytes(tar, "manifest.json", &serde_json::to_vec(&manifest)?)?;
    append_bytes(tar, "repositories", &serde_json::to_vec(&repositories)?)
}

fn write_oci_archive<W: Write>(tar: &mut tar::Builder<W>, images: &[Saved]) -> io::Result<()> {
    append_bytes(tar, "oci-layout", br#"{"imageLayoutVersion":"1.0.0"}"#)?;
    let mut index = Vec::new();
    let mut written = Vec::new();
    for (_, name, blobs) in images {
        let manifest_digest = blobs.manifest_digest();
        for blob in std::iter::once(&blobs.config).chain(&blobs.layers) {
            if !written.contains(&blob.digest) {
                append_file(tar, &blob_path(&blob.digest), &blob.path)?;
                written.push(blob.digest.clone());
            }
        }
        if !written.contains(&manifest_digest) {
            append_bytes(tar, &blob_path(&manifest_digest), &blobs.manifest)?;
            written.push(manifest_digest.clone());
        }
        let digest = Digest::try_from(manifest_digest.as_str()).map_err(io::Error::other)?;
        let media_type = MediaType::from(blobs.manifest_media_type.as_str());
        let mut entry = Descriptor::new(media_type, blobs.manifest.len() as u64, digest);
        if let Some(name) = name {
            let names = [(REF_NAME, name), (CONTAINERD_NAME, name)];
            entry.set_annotations(Some(names.map(|(k, v)| (k.to_string(), v.clone())).into()));
        }
        index.push(entry);
    }
    let index = ImageIndexBuilder::default()
        .schema_version(2u32)
        .media_type(MediaType::ImageIndex)
        .manifests(index)
        .build()
        .map_err(io::Error::other)?;
    append_bytes(tar, "index.json", &serde_json::to_vec(&index)?)
}

fn blob_path(digest: &str) -> String {
    format!("blobs/sha256/{}", store::hex_of(digest))
}

fn header(size: u64) -> tar::Header {
    let mut header = tar::Header::new_ustar();
    header.set_size(size);
    header.set_mode(0o644);
    header.set_mtime(0);
    header.set_entry_type(tar::EntryType::Regular);
    header
}

fn append_bytes<W: Write>(tar: &mut tar::Builder<W>, name: &str, bytes: &[u8]) -> io::Result<()> {
    tar.append_data(&mut header(bytes.len() as u64), name, bytes)
}

fn append_file<W: Write>(tar: &mut tar::Builder<W>, name: &str, path: &Path) -> io::Result<()> {
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    tar.append_data(&mut header(size), name, file)
}

/// A layer as the uncompressed tar docker-archives hold: a plain-tar blob as
/// it is, a compressed one decompressed into the store's work area first
/// (the tar header needs the size before the content).
fn append_uncompressed<W: Write>(
    store: &Store,
    tar: &mut tar::Builder<W>,
    name: &str,
    blob: &Blob,
) -> io::Result<()> {
    if blob.media_type == layer::OCI_LAYER_TAR {
        return append_file(tar, name, &blob.path);
    }
    let (_scratch, path) = decompress(store, blob)?;
    append_file(tar, name, &path)
}

/// `blob` decompressed into a file in the store's work area, which lives as
/// long as the returned handle.
fn decompress(store: &Store, blob: &Blob) -> io::Result<(store::TempLayer, PathBuf)> {
    let file = File::open(&blob.path)?;
    let mut decoded = layer::decompressor(&blob.media_type, file).map_err(io::Error::other)?;
    let scratch = store
        .temp_layer()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let path = scratch.blob_path();
    let mut out = File::options()
        .create_new(true)
        .read(true)
        .write(true)
        .open(&path)?;
    io::copy(&mut decoded, &mut out)?;
    Ok((scratch, path))
}

/// `blobs` with every compressed layer replaced by its plain tar (whose
/// digest is the layer's diff ID) and an OCI manifest naming those.
fn uncompress_layers(
    store: &Store,
    image: &ImageRecord,
    mut blobs: ImageBlobs,
    scratch: &mut Vec<store::TempLayer>,
) -> Result<ImageBlobs, Error> {
    let failed = |source| IoError::new("decompressing a layer of", &image.id, source);
    for (blob, diff_id) in blobs.layers.iter_mut().zip(&image.layers) {
        if blob.media_type == layer::OCI_LAYER_TAR {
            continue;
        }
        let (handle, path) = decompress(store, blob).map_err(failed)?;
        *blob = Blob {
            size: std::fs::metadata(&path).map_err(failed)?.len(),
            path,
            digest: diff_id.clone(),
            media_type: layer::OCI_LAYER_TAR.to_string(),
        };
        scratch.push(handle);
    }
    blobs.manifest = super::blobs::oci_manifest(&blobs.config, &blobs.layers)?;
    blobs.manifest_media_type = oci_client::manifest::OCI_IMAGE_MEDIA_TYPE.to_string();
    Ok(blobs)
}

// ---------------------------------------------------------------------------
// Load

/// What `rcon load` asks for.
pub struct LoadOptions {
    /// The namespace has a single-ID mapping: every file becomes root's.
    pub squash_owners: bool,
}

/// Loads every image in the archive at `path` (or standard input for
/// `None`); returns each with the names the archive gave it.
pub fn load(
    store: &Store,
    path: Option<&Path>,
    options: &LoadOptions,
) -> Result<Vec<ImageRecord>, super::Error> {
    let (images, label) = load_archive(store, path, options)?;
    Event::image(EventStatus::LoadFromArchive, "", &label).record();
    Ok(images)
}

/// [`load`] without its event; also the archive's name as events give it.
fn load_archive(
    store: &Store,
    path: Option<&Path>,
    options: &LoadOptions,
) -> Result<(Vec<ImageRecord>, String), super::Error> {
    let spooled;
    let url = path
        .and_then(Path::to_str)
        .filter(|p| p.starts_with("http://") || p.starts_with("https://"));
    let (file, label) = match (path, url) {
        (Some(path), None) => (
            File::open(path).map_err(io_err("opening", path))?,
            path.display().to_string(),
        ),
        _ => {
            // Standard input and a download cannot seek: copied into the
            // store's work area.
            spooled = store.temp_layer()?;
            let copy = spooled.blob_path();
            let mut file = File::options()
                .create_new(true)
                .read(true)
                .write(true)
                .open(&copy)
                .map_err(io_err("creating", &copy))?;
            match url {
                Some(url) => {
                    download(url, &mut file)?;
                    (file, url.to_string())
                }
                None => {
                    io::copy(&mut io::stdin().lock(), &mut file)
                        .map_err(io_err("reading standard input into", &copy))?;
                    (file, "standard input".to_string())
                }
            }
        }
    };
    let max_layer_size = Limits::from_env()?.max_layer_size;
    let archive = Archive::open(file, label.clone())?;
    let extract = ExtractOptions {
        ownership: if options.squash_owners {
            Ownership::Squash
        } else {
            Ownership::Keep
        },
    };
    let loader = Loader {
        store,
        archive: &archive,
        extract: &extract,
        max_layer_size,
    };
    let images = if archive.entries.contains_key("manifest.json") {
        loader.docker_archive()?
    } else if archive.entries.contains_key("index.json") {
        loader.oci_archive()?
    } else {
        return Err(archive.invalid(NOT_AN_ARCHIVE).into());
    };
    Ok((images, label))
}

/// The archive a `docker-archive:PATH[:NAME]` or `oci-archive:PATH[:NAME]`
/// reference names (run, create): its path and the image's name in it.
pub fn archive_reference(reference: &str) -> Option<(PathBuf, Option<&str>)> {
    let rest = reference
        .strip_prefix("docker-archive:")
        .or_else(|| reference.strip_prefix("oci-archive:"))?;
    // PATH:NAME only when PATH alone is not a file (a path may hold colons).
    match rest.rsplit_once(':') {
        Some((path, name)) if !Path::new(rest).exists() && !name.contains('/') => {
            Some((PathBuf::from(path), Some(name)))
        }
        _ => Some((PathBuf::from(rest), None)),
    }
    .filter(|(path, _)| !path.as_os_str().is_empty())
}

/// Loads the archive `reference` names (see [`archive_reference`]) and
/// returns its image (the one named, else the first), telling what was
/// copied in Podman's words unless `quiet`.
pub fn load_reference(
    store: &Store,
    reference: &str,
    options: &LoadOptions,
    quiet: bool,
) -> Result<ImageRecord, super::Error> {
    let Some((path, name)) = archive_reference(reference) else {
        return Err(Error::Invalid {
            archive: reference.to_string(),
            message: "give docker-archive:PATH or oci-archive:PATH".into(),
        }
        .into());
    };
    if !quiet {
        eprintln!("Getting image source signatures");
    }
    // A pull from the archive, as Podman's events say (not a load).
    let (images, _) = load_archive(store, Some(&path), options)?;
    let wanted = |image: &&ImageRecord| {
        name.is_none_or(|name| {
            image
                .names
                .iter()
                .any(|n| n == name || n.ends_with(&format!("/{name}")))
        })
    };
    let Some(image) = images.iter().find(wanted).cloned() else {
        return Err(Error::Invalid {
            archive: path.display().to_string(),
            message: format!("no image {} in it", name.unwrap_or_default()),
        }
        .into());
    };
    // With no ID, as Podman records a pull from an archive.
    Event::image(EventStatus::Pull, "", reference).record();
    if !quiet {
        let short = |digest: &str| {
            let hex = digest.trim_start_matches("sha256:");
            hex[..hex.len().min(12)].to_string()
        };
        for layer in &image.layers {
            eprintln!("Copying blob {} done", short(layer));
        }
        eprintln!("Copying config {} done", short(&image.id));
        eprintln!("Writing manifest to image destination");
    }
    Ok(image)
}

/// Podman's words, which scripts look for.
const NOT_AN_ARCHIVE: &str = "payload does not match any of the supported image formats: neither a docker-archive (a tar with manifest.json) nor an oci-archive (a tar with index.json)";

/// Fetches the archive at `url` (`load -i URL`, as Podman) into `file`.
fn download(url: &str, file: &mut File) -> Result<(), super::Error> {
    super::download::download(url, file)
        .map(drop)
        .map_err(|message| {
            Error::Invalid {
                archive: url.to_string(),
                message,
            }
            .into()
        })
}

/// The archive's regular files: name → (offset of the content, size).
struct Archive {
    file: File,
    label: String,
    entries: HashMap<String, (u64, u64)>,
}

impl Archive {
    fn open(mut file: File, label: String) -> Result<Archive, Error> {
        let invalid = |e: io::Error| Error::Invalid {
            archive: label.clone(),
            message: format!("{NOT_AN_ARCHIVE}: not a readable tar ({e})"),
        };
        file.seek(SeekFrom::Start(0)).map_err(invalid)?;
        let mut entries = HashMap::new();
        let mut links = Vec::new();
        let mut tar = tar::Archive::new(&file);
        for entry in tar.entries_with_seek().map_err(invalid)? {
            let entry = entry.map_err(invalid)?;
            let name = clean(&String::from_utf8_lossy(&entry.path_bytes()));
            match entry.header().entry_type() {
                tar::EntryType::Regular | tar::EntryType::Continuous => {
                    entries.insert(name, (entry.raw_file_position(), entry.size()));
                }
                // Old docker-archives link repeated layers to their first copy.
                tar::EntryType::Symlink | tar::EntryType::Link => {
                    if let Ok(Some(target)) = entry.link_name() {
                        links.push((
                            name,
                            target.to_string_lossy().into_owned(),
                            entry.header().entry_type(),
                        ));
                    }
                }
                _ => {}
            }
        }
        for (name, target, kind) in links {
            let target = match (kind, name.rsplit_once('/')) {
                (tar::EntryType::Symlink, Some((dir, _))) => clean(&format!("{dir}/{target}")),
                _ => clean(&target),
            };
            if let Some(place) = entries.get(&target).copied() {
                entries.insert(name, place);
            }
        }
        Ok(Archive {
            file,
            label,
            entries,
        })
    }

    fn invalid(&self, message: impl Into<String>) -> Error {
        Error::Invalid {
            archive: self.label.clone(),
            message: message.into(),
        }
    }

    fn reader(&self, name: &str) -> Result<Slice<'_>, Error> {
        let (offset, size) = self
            .entries
            .get(&clean(name))
            .copied()
            .ok_or_else(|| self.invalid(format!("{name} is missing")))?;
        Ok(Slice {
            file: &self.file,
            offset,
            remaining: size,
        })
    }

    /// A small document (manifest, config, index) read whole, at most `limit` bytes.
    fn document(&self, name: &str, limit: u64) -> Result<Vec<u8>, Error> {
        let reader = self.reader(name)?;
        if reader.remaining > limit {
            return Err(self.invalid(format!(
                "{name} is {} bytes; more than {limit} is refused for an image document (as Podman does)",
                reader.remaining
            )));
        }
        let mut bytes = Vec::new();
        let mut reader = reader;
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| self.invalid(format!("reading {name}: {e}")))?;
        Ok(bytes)
    }

    /// A document blob of an OCI layout, checked against its digest (which
    /// passed the digest grammar), at most `limit` bytes.
    fn verified_blob(&self, digest: &str, limit: u64) -> Result<Vec<u8>, Error> {
        let bytes = self.document(&blob_path(digest), limit)?;
        let actual = sha256_digest(&bytes);
        if actual != digest {
            return Err(self.invalid(format!(
                "blob {digest} has digest {actual}; the archive is corrupt"
            )));
        }
        Ok(bytes)
    }

    fn json<'a, T: Deserialize<'a>>(&self, name: &str, bytes: &'a [u8]) -> Result<T, Error> {
        serde_json::from_slice(bytes).map_err(|e| self.invalid(format!("{name} is not valid: {e}")))
    }

    fn manifest(&self, name: &str, bytes: &[u8]) -> Result<ManifestDoc, Error> {
        ManifestDoc::from_json(bytes).map_err(|e| self.invalid(format!("{name} is not valid: {e}")))
    }

    fn config(&self, name: &str, bytes: &[u8]) -> Result<ImageConfig, Error> {
        ImageConfig::parse(bytes).map_err(|e| self.invalid(format!("{name} is not valid: {e}")))
    }
}

/// `./a//b` → `a/b`.
fn clean(name: &str) -> String {
    name.split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .collect::<Vec<_>>()
        .join("/")
}

/// A range of the archive file, read with `pread` (no shared seek position).
struct Slice<'a> {
    file: &'a File,
    offset: u64,
    remaining: u64,
}

impl Read for Slice<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let want = buf
            .len()
            .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
        if want == 0 {
            return Ok(0);
        }
        let n = self.file.read_at(&mut buf[..want], self.offset)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the archive ends inside an entry",
            ));
        }
        self.offset += n as u64;
        self.remaining -= n as u64;
        Ok(n)
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DockerManifestEntry {
    config: String,
    #[serde(default)]
    repo_tags: Option<Vec<String>>,
    layers: Vec<String>,
}

struct Loader<'a> {
    store: &'a Store,
    archive: &'a Archive,
    extract: &'a ExtractOptions,
    max_layer_size: u64,
}

impl Loader<'_> {
    fn docker_archive(&self) -> Result<Vec<ImageRecord>, super::Error> {
        let bytes = self
            .archive
            .document("manifest.json", MAX_ARCHIVE_MANIFEST)?;
        let entries: Vec<DockerManifestEntry> = self.archive.json("manifest.json", &bytes)?;
        let mut loaded = Vec::new();
        for entry in entries {
            let config = self.archive.document(&entry.config, MAX_CONFIG)?;
            let doc = self.archive.config(&entry.config, &config)?;
            if doc.oci.rootfs().diff_ids().len() != entry.layers.len() {
                return Err(self
                    .archive
                    .invalid(format!(
                        "{} and its config list different numbers of layers",
                        entry.config
                    ))
                    .into());
            }
            let sources: Vec<(String, Option<String>)> = entry
                .layers
                .iter()
                .map(|path| (path.clone(), None))
                .collect();
            let names = entry
                .repo_tags
                .unwrap_or_default()
                .iter()
                .map(|tag| full_name(tag))
                .collect::<Result<Vec<_>, _>>()?;
            loaded.push(self.store_image(&config, &doc, &sources, names, None)?);
        }
        Ok(loaded)
    }

    fn oci_archive(&self) -> Result<Vec<ImageRecord>, super::Error> {
        let bytes = self.archive.document("index.json", MAX_MANIFEST)?;
        let index = self.archive.manifest("index.json", &bytes)?;
        let mut loaded = Vec::new();
        for entry in index.manifests.unwrap_or_default() {
            let names = entry_name(&entry)?.into_iter().collect();
            let mut manifest = self.archive.verified_blob(&entry.digest, MAX_MANIFEST)?;
            let mut digest = entry.digest.clone();
            let mut doc = self.archive.manifest(&digest, &manifest)?;
            if let Some(platforms) = &doc.manifests {
                digest = choose_platform(&self.archive.label, platforms, &Platform::host())?;
                manifest = self.archive.verified_blob(&digest, MAX_MANIFEST)?;
                doc = self.archive.manifest(&digest, &manifest)?;
            }
            let (Some(config_desc), Some(layers)) = (&doc.config, &doc.layers) else {
                return Err(self
                    .archive
                    .invalid(format!("manifest {digest} has no config or no layers"))
                    .into());
            };
            let config = self
                .archive
                .verified_blob(&config_desc.digest, MAX_CONFIG)?;
            let config_doc = self.archive.config(&config_desc.digest, &config)?;
            if config_doc.oci.rootfs().diff_ids().len() != layers.len() {
                return Err(self
                    .archive
                    .invalid(format!(
                        "manifest {digest} and its config list different numbers of layers"
                    ))
                    .into());
            }
            let sources: Vec<(String, Option<String>)> = layers
                .iter()
                .map(|l| (blob_path(&l.digest), Some(l.digest.clone())))
                .collect();
            let media_type = doc
                .media_type
                .clone()
                .unwrap_or_else(|| oci_client::manifest::OCI_IMAGE_MEDIA_TYPE.to_string());
            let stored = StoredManifest {
                bytes: manifest,
                digest,
                media_type,
            };
            loaded.push(self.store_image(&config, &config_doc, &sources, names, Some(stored))?);
        }
        Ok(loaded)
    }

    /// Stores the layers (`(path in the archive, blob digest if known)`) and
    /// the image; without a manifest from the archive, one is written for
    /// the stored blobs.
    fn store_image(
        &self,
        config: &[u8],
        doc: &ImageConfig,
        sources: &[(String, Option<String>)],
        names: Vec<String>,
        manifest: Option<StoredManifest>,
    ) -> Result<ImageRecord, super::Error> {
        let mut layers = Vec::new();
        let diff_ids = doc.oci.rootfs().diff_ids();
        for ((path, digest), diff_id) in sources.iter().zip(diff_ids) {
            let record = self.store_layer(path, digest.as_deref(), diff_id)?;
            let blob_path = self.store.layer_blob(diff_id);
            let size = std::fs::metadata(&blob_path).map(|m| m.len()).unwrap_or(0);
            layers.push((record.size, layer_blob(record, blob_path, size)));
        }
        let id_digest = sha256_digest(config);
        let manifest = match manifest {
            Some(manifest) => manifest,
            None => {
                let config_blob = Blob {
                    path: PathBuf::new(),
                    digest: id_digest.clone(),
                    media_type: OCI_CONFIG_MEDIA_TYPE.into(),
                    size: config.len() as u64,
                };
                let blobs: Vec<Blob> = layers.iter().map(|(_, b)| b.clone()).collect();
                let bytes = oci_manifest(&config_blob, &blobs)?;
                StoredManifest {
                    digest: sha256_digest(&bytes),
                    bytes,
                    media_type: oci_client::manifest::OCI_IMAGE_MEDIA_TYPE.into(),
                }
            }
        };
        let record = ImageRecord {
            id: store::hex_of(&id_digest).to_string(),
            digest: manifest.digest,
            manifest_media_type: manifest.media_type,
            names,
            repo_digests: Vec::new(),
            layers: diff_ids.clone(),
            created: doc.oci.created().clone(),
            stored: now_rfc3339(),
            architecture: doc.oci.architecture().to_string(),
            os: doc.oci.os().to_string(),
            size: layers.iter().map(|(size, _)| size).sum(),
            names_history: Vec::new(),
        };
        let lock = self.store.lock()?;
        self.store
            .put_image(&lock, &record, &manifest.bytes, config)?;
        Ok(record)
    }

    fn store_layer(
        &self,
        path: &str,
        digest: Option<&str>,
        diff_id: &str,
    ) -> Result<store::LayerRecord, super::Error> {
        let _guard = match layer::claim(self.store, diff_id)? {
            LayerSlot::Stored(record) => return Ok(record),
            LayerSlot::Free(guard) => guard,
        };
        let mut head = [0u8; 4];
        let reader = self.archive.reader(path)?;
        let n = self
            .archive
            .file
            .read_at(&mut head, reader.offset)
            .map_err(|e| self.archive.invalid(format!("reading {path}: {e}")))?;
        let media_type = sniff_media_type(&head[..n.min(reader.remaining as usize)]);
        let expected = match digest {
            Some(digest) => BlobDigest::Expected(digest.to_string()),
            None => BlobDigest::Unknown,
        };
        layer::store_layer(
            self.store,
            reader,
            media_type,
            expected,
            diff_id,
            self.extract,
            Some(self.max_layer_size),
        )
        .map_err(|message| {
            Error::Layer {
                archive: self.archive.label.clone(),
                diff_id: diff_id.to_string(),
                message,
            }
            .into()
        })
    }
}

struct StoredManifest {
    bytes: Vec<u8>,
    digest: String,
    media_type: String,
}

/// A tag from an archive as a full name (`busybox:latest` →
/// `docker.io/library/busybox:latest`, as Docker means it).
fn full_name(tag: &str) -> Result<String, super::Error> {
    Ok(Reference::parse(tag)?.qualified_in(DOCKER_HUB)?.to_string())
}

/// The name an OCI index entry gives its image: a full reference in
/// containerd's annotation or in `ref.name` (which may also be a bare tag,
/// naming nothing rcon can use).
fn entry_name(entry: &IndexEntry) -> Result<Option<String>, super::Error> {
    let name = entry
        .annotations
        .get(CONTAINERD_NAME)
        .or_else(|| entry.annotations.get(REF_NAME))
        .filter(|name| name.contains('/'));
    name.map(|n| full_name(n)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::scratch::ScratchDir;

    /// Loads an archive of these files into a fresh store; the error's text.
    fn load_error(files: &[(&str, Vec<u8>)]) -> String {
        let scratch = ScratchDir::new("archive");
        let path = scratch.0.join("archive.tar");
        let mut tar = tar::Builder::new(File::create(&path).unwrap());
        for (name, data) in files {
            tar.append_data(&mut header(data.len() as u64), name, &data[..])
                .unwrap();
        }
        tar.finish().unwrap();
        let store = Store::open(&scratch.0.join("store")).unwrap();
        let options = LoadOptions {
            squash_owners: true,
        };
        let error = load(&store, Some(&path), &options).unwrap_err().to_string();
        assert!(
            std::fs::read_dir(scratch.0.join("store/layers"))
                .unwrap()
                .next()
                .is_none()
        );
        error
    }

    #[test]
    fn hostile_archives_are_refused_before_a_digest_names_anything() {
        let json = |value: serde_json::Value| serde_json::to_vec(&value).unwrap();
        let traversal = "sha256:../../../../tmp/x";
        let index = json!({"schemaVersion": 2, "manifests": [{"digest": traversal, "size": 1}]});
        let error = load_error(&[("index.json", json(index))]);
        assert!(
            error.contains("entry 1 of the index has the invalid digest"),
            "{error}"
        );

        let config = json!({"architecture": "amd64", "os": "linux",
            "rootfs": {"type": "layers", "diff_ids": [traversal]}});
        let manifest = json!([{"Config": "c.json", "Layers": ["l.tar"]}]);
        let error = load_error(&[
            ("manifest.json", json(manifest)),
            ("c.json", json(config)),
            ("l.tar", vec![0; 1024]),
        ]);
        assert!(
            error.contains("diff ID 1 has the invalid digest"),
            "{error}"
        );

        let mut huge = json(json!([]));
        huge.resize(MAX_ARCHIVE_MANIFEST as usize + 1, b' ');
        let error = load_error(&[("manifest.json", huge)]);
        assert!(error.contains("more than 1048576 is refused"), "{error}");
    }

    #[test]
    fn archive_names_are_cleaned_and_tags_qualified() {
        assert_eq!(clean("./blobs//sha256/ab"), "blobs/sha256/ab");
        assert_eq!(
            full_name("busybox:latest").unwrap(),
            "docker.io/library/busybox:latest"
        );
        assert_eq!(
            full_name("127.0.0.1:5000/a/b:v1").unwrap(),
            "127.0.0.1:5000/a/b:v1"
        );
    }
}
