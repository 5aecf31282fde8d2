//! Pulling an image from a registry into the store.
//!
//! One pass per layer: the blob streams from the network (see
//! [`super::distribution`]) through its sha256, decompression and a second
//! sha256 (the diff ID from the image config) straight into extraction.
//! Several layers are fetched at once; a layer already stored is not fetched
//! at all. A layer becomes visible only when complete and both digests
//! matched.
//!
//! What the registry sends is checked before it is used: every digest in a
//! manifest, an index or a config against the digest grammar (a digest
//! becomes a URL and a file name), documents against Podman's size limits,
//! a layer blob against the size its manifest gives and against
//! `RCON_MAX_LAYER_SIZE` (see [`super::limits`]).

use crate::events::{Event, Status as EventStatus};
use std::io::{self, Read};
use std::sync::Arc;

use futures_util::{StreamExt, TryStreamExt};
use oci_client::Reference as OciReference;
use oci_client::manifest::{IMAGE_MANIFEST_MEDIA_TYPE, OCI_IMAGE_MEDIA_TYPE, OciDescriptor};
use serde::Deserialize;
use tokio_util::io::SyncIoBridge;

use super::auth::AuthFiles;
use super::config::ImageConfig;
use super::distribution::{self, Remote};
use super::layer::{self, BlobDigest, LayerSlot, sha256_digest};
use super::limits::{Limits, MAX_CONFIG, MAX_LAYER_SIZE_ENV};
use super::progress::{self, Progress};
use super::reference::{Reference, check_digest};
use super::registries::RegistriesConfig;
use crate::storage::extract::{ExtractOptions, Ownership};
use crate::storage::store::{self, ImageRecord, LayerRecord, Store};
use crate::util::time::now_rfc3339;

/// How many layers download and extract at the same time.
const PARALLEL_LAYERS: usize = 4;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("fetching {what} of {reference}: {source}")]
    Registry {
        what: &'static str,
        reference: String,
        source: distribution::Error,
    },
    #[error(
        "{reference}: {what} does not match its digest (expected {expected}, got {actual}); nothing was stored"
    )]
    DigestMismatch {
        reference: String,
        what: String,
        expected: String,
        actual: String,
    },
    #[error("{reference}: no image for {wanted} in the image index; it has: {available}")]
    NoPlatform {
        reference: String,
        wanted: String,
        available: String,
    },
    #[error("{reference}: {message}")]
    Invalid { reference: String, message: String },
    #[error("{reference}: layer {digest}: {message}")]
    Layer {
        reference: String,
        digest: String,
        message: String,
    },
    #[error(transparent)]
    Store(#[from] store::Error),
}

/// The platform to pick from an image index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    pub os: String,
    pub architecture: String,
    pub variant: Option<String>,
}

impl Platform {
    /// The machine rcon runs on, in OCI terms.
    pub fn host() -> Platform {
        let architecture = match std::env::consts::ARCH {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            "x86" => "386",
            "powerpc64" => "ppc64le",
            other => other,
        };
        Platform {
            os: "linux".into(),
            architecture: architecture.into(),
            variant: None,
        }
    }

    /// `os/arch[/variant]`.
    pub fn parse(text: &str) -> Option<Platform> {
        let mut parts = text.split('/');
        let (Some(os), Some(architecture)) = (parts.next(), parts.next()) else {
            return None;
        };
        let variant = parts.next().map(String::from);
        if os.is_empty() || architecture.is_empty() || parts.next().is_some() {
            return None;
        }
        Some(Platform {
            os: os.into(),
            architecture: architecture.into(),
            variant,
        })
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        if let Some(v) = &self.variant {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

/// One pull request.
pub struct PullRequest {
    /// Fully-qualified name, e.g. `docker.io/library/alpine:latest`.
    pub reference: OciReference,
    pub platform: Platform,
    /// Single-ID mapping: every file becomes the extracting user's.
    pub squash_owners: bool,
    /// The most bytes one layer may be, compressed or not.
    pub max_layer_size: u64,
    pub progress: Arc<dyn Progress>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
/// An entry of an image index.
pub struct IndexEntry {
    pub media_type: Option<String>,
    pub digest: String,
    pub platform: Option<IndexPlatform>,
    #[serde(default)]
    pub annotations: std::collections::HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
pub struct IndexPlatform {
    pub os: String,
    pub architecture: String,
    pub variant: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
/// A manifest or an index: the fields rcon reads.
pub struct ManifestDoc {
    pub media_type: Option<String>,
    pub manifests: Option<Vec<IndexEntry>>,
    pub config: Option<OciDescriptor>,
    pub layers: Option<Vec<OciDescriptor>>,
}

impl ManifestDoc {
    /// Parses a manifest or an index, and checks every digest and size it
    /// gives (the message says what is wrong).
    pub fn from_json(bytes: &[u8]) -> Result<ManifestDoc, String> {
        let doc: ManifestDoc = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let entries = doc.manifests.iter().flatten().enumerate();
        for (i, entry) in entries {
            checked_digest(&format!("entry {} of the index", i + 1), &entry.digest)?;
        }
        let config = doc.config.iter().map(|c| ("the config".to_string(), c));
        let layers = doc.layers.iter().flatten().enumerate();
        let layers = layers.map(|(i, layer)| (format!("layer {}", i + 1), layer));
        for (what, descriptor) in config.chain(layers) {
            checked_digest(&what, &descriptor.digest)?;
            if descriptor.size < 0 {
                return Err(format!("{what} has a negative size, {}", descriptor.size));
            }
        }
        Ok(doc)
    }
}

/// `Ok` for a valid digest; else a message naming `what` has it.
fn checked_digest(what: &str, digest: &str) -> Result<(), String> {
    check_digest(digest).map_err(|bad| format!("{what} has the invalid digest {digest:?} ({bad})"))
}

/// Pulls `request.reference` from `remote` into `store` and returns the stored image.
pub async fn pull(
    remote: &Remote,
    store: &Store,
    request: &PullRequest,
) -> Result<ImageRecord, Error> {
    let reference = &request.reference;
    let name = reference.whole();
    let registry_error = |what| {
        let name = name.clone();
        move |source| Error::Registry {
            what,
            reference: name,
            source,
        }
    };
    let top = reference
        .digest()
        .or(reference.tag())
        .unwrap_or(super::reference::DEFAULT_TAG);
    let mut manifest = remote
        .manifest(top)
        .await
        .map_err(registry_error("the manifest"))?;
    verify(&name, "the manifest", reference.digest(), &manifest)?;
    // The digest the name points at (an index's, for a multi-platform image):
    // what `--pull=newer` compares with the registry's.
    let top_digest = sha256_digest(&manifest);
    let mut digest = top_digest.clone();
    let mut doc = parse_manifest(&name, &manifest)?;
    if let Some(entries) = &doc.manifests {
        let chosen = choose_platform(&name, entries, &request.platform)?;
        let bytes = remote
            .manifest(&chosen)
            .await
            .map_err(registry_error("the platform manifest"))?;
        verify(&name, "the platform manifest", Some(&chosen), &bytes)?;
        doc = parse_manifest(&name, &bytes)?;
        manifest = bytes;
        digest = chosen;
    }
    let media_type = doc
        .media_type
        .clone()
        .unwrap_or_else(|| OCI_IMAGE_MEDIA_TYPE.to_string());
    let (Some(config_desc), Some(layers)) = (doc.config, doc.layers) else {
        return Err(invalid(&name, "the manifest has no config or no layers"));
    };
    let repository = format!("{}/{}", reference.registry(), reference.repository());
    let names: Vec<String> = reference
        .tag()
        .map(|tag| format!("{repository}:{tag}"))
        .into_iter()
        .collect();
    let mut repo_digests = vec![format!("{repository}@{digest}")];
    if top_digest != digest {
        repo_digests.push(format!("{repository}@{top_digest}"));
    }
    let id = store::hex_of(&config_desc.digest).to_string();
    if let Some(present) = already_stored(store, &id)? {
        // Nothing to download: only the names change.
        for desc in &layers {
            request.progress.layer_skipped(&desc.digest);
        }
        let record = ImageRecord {
            names,
            repo_digests,
            ..present
        };
        return in_store_task(store, move |store| {
            let lock = store.lock()?;
            store.put_image(&lock, &record, &[], &[])
        })
        .await;
    }
    if config_desc.size as u64 > MAX_CONFIG {
        return Err(invalid(
            &name,
            &format!(
                "the manifest gives the image config {} bytes; more than {MAX_CONFIG} is refused (as Podman does)",
                config_desc.size
            ),
        ));
    }
    let config = remote
        .config(&config_desc.digest)
        .await
        .map_err(registry_error("the image config"))?;
    verify(
        &name,
        "the image config",
        Some(&config_desc.digest),
        &config,
    )?;
    let config_doc = ImageConfig::parse(&config)
        .map_err(|e| invalid(&name, &format!("the image config is not valid: {e}")))?;
    let diff_ids = config_doc.oci.rootfs().diff_ids();
    if diff_ids.len() != layers.len() {
        return Err(invalid(
            &name,
            "the manifest and the image config list different numbers of layers",
        ));
    }
    if let Some((i, desc)) = layers
        .iter()
        .enumerate()
        .find(|(_, desc)| desc.size as u64 > request.max_layer_size)
    {
        return Err(invalid(
            &name,
            &format!(
                "layer {} is {} bytes, more than the {} one layer may be (set {MAX_LAYER_SIZE_ENV} to allow more)",
                i + 1,
                desc.size,
                request.max_layer_size
            ),
        ));
    }

    let options = Arc::new(ExtractOptions {
        ownership: if request.squash_owners {
            Ownership::Squash
        } else {
            Ownership::Keep
        },
    });
    let fetches = layers.iter().zip(diff_ids).map(|(desc, diff_id)| {
        fetch_layer(
            remote,
            store,
            request,
            desc.clone(),
            diff_id.clone(),
            Arc::clone(&options),
        )
    });
    let records: Vec<LayerRecord> = futures_util::stream::iter(fetches)
        .buffered(PARALLEL_LAYERS)
        .try_collect()
        .await?;

    let record = ImageRecord {
        id,
        digest: digest.clone(),
        manifest_media_type: media_type,
        names,
        repo_digests,
        layers: diff_ids.clone(),
        created: config_doc.oci.created().clone(),
        stored: now_rfc3339(),
        architecture: config_doc.oci.architecture().to_string(),
        os: config_doc.oci.os().to_string(),
        size: records.iter().map(|r| r.size).sum(),
        names_history: Vec::new(),
    };
    in_store_task(store, move |store| {
        let lock = store.lock()?;
        store.put_image(&lock, &record, &manifest, &config)
    })
    .await
}

fn parse_manifest(name: &str, bytes: &[u8]) -> Result<ManifestDoc, Error> {
    ManifestDoc::from_json(bytes)
        .map_err(|e| invalid(name, &format!("the manifest is not valid: {e}")))
}

/// The stored image with this ID, if it and all its layers are complete.
fn already_stored(store: &Store, id: &str) -> Result<Option<ImageRecord>, Error> {
    Ok(store
        .read_image(id)?
        .filter(|image| image.layers.iter().all(|l| store.layer(l).is_some())))
}

/// Runs blocking store work (which takes file locks) off the async runtime.
async fn in_store_task<T: Send + 'static>(
    store: &Store,
    work: impl FnOnce(&Store) -> Result<T, store::Error> + Send + 'static,
) -> Result<T, Error> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || work(&store))
        .await
        .expect("the store task does not panic")
        .map_err(Error::from)
}

async fn fetch_layer(
    remote: &Remote,
    store: &Store,
    request: &PullRequest,
    desc: OciDescriptor,
    diff_id: String,
    options: Arc<ExtractOptions>,
) -> Result<LayerRecord, Error> {
    let name = request.reference.whole();
    let layer_error = |message: String| Error::Layer {
        reference: name.clone(),
        digest: desc.digest.clone(),
        message,
    };
    // One process at a time stores a given layer; the others wait and reuse it.
    let slot = match store.layer(&diff_id) {
        Some(record) => LayerSlot::Stored(record),
        None => {
            let (store, diff_id) = (store.clone(), diff_id.clone());
            tokio::task::spawn_blocking(move || layer::claim(&store, &diff_id))
                .await
                .expect("the lock task does not panic")?
        }
    };
    let guard = match slot {
        LayerSlot::Stored(record) => {
            request.progress.layer_skipped(&desc.digest);
            return Ok(record);
        }
        LayerSlot::Free(guard) => guard,
    };
    let size = u64::try_from(desc.size).unwrap_or(0);
    request.progress.layer_started(&desc.digest, size);
    let blob = remote
        .blob_reader(&desc.digest)
        .await
        .map_err(|e| layer_error(e.to_string()))?;
    let reader = SyncIoBridge::new(blob);
    let progress = Arc::clone(&request.progress);
    let store_for_task = store.clone();
    let (digest, media_type) = (desc.digest.clone(), desc.media_type.clone());
    let max_layer_size = request.max_layer_size;
    let outcome = tokio::task::spawn_blocking(move || {
        let counted = CountingReader {
            inner: reader,
            digest: digest.clone(),
            progress,
            expected: size,
            read: 0,
        };
        layer::store_layer(
            &store_for_task,
            counted,
            &media_type,
            BlobDigest::Expected(digest),
            &diff_id,
            &options,
            Some(max_layer_size),
        )
    })
    .await
    .expect("the layer task does not panic");
    drop(guard);
    let record = outcome.map_err(layer_error)?;
    request.progress.layer_done(&desc.digest);
    Ok(record)
}

/// Reports a blob's progress, and holds the registry to the size the
/// manifest gives it (unless that is 0, unknown): a blob that runs on past
/// it, or ends short, fails here with a message that says so.
struct CountingReader<R> {
    inner: R,
    digest: String,
    progress: Arc<dyn Progress>,
    expected: u64,
    read: u64,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.expected > 0 && (self.read > self.expected || (n == 0 && self.read < self.expected))
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the registry sent {} {} bytes where the manifest gives the blob {}",
                    if n == 0 { "only" } else { "more than" },
                    self.read.min(self.expected),
                    self.expected
                ),
            ));
        }
        self.progress.layer_bytes(&self.digest, n as u64);
        Ok(n)
    }
}

pub fn choose_platform(
    name: &str,
    entries: &[IndexEntry],
    want: &Platform,
) -> Result<String, Error> {
    let matches = |p: &IndexPlatform| {
        p.os == want.os
            && p.architecture == want.architecture
            && match (&want.variant, &p.variant) {
                (Some(w), Some(v)) => w == v,
                (Some(_), None) => false,
                (None, _) => true,
            }
    };
    let is_manifest = |e: &&IndexEntry| {
        e.media_type
            .as_deref()
            .is_none_or(|m| m == OCI_IMAGE_MEDIA_TYPE || m == IMAGE_MANIFEST_MEDIA_TYPE)
    };
    if let Some(entry) = entries
        .iter()
        .filter(is_manifest)
        .find(|e| e.platform.as_ref().is_some_and(matches))
    {
        return Ok(entry.digest.clone());
    }
    let available: Vec<String> = entries
        .iter()
        .filter_map(|e| e.platform.as_ref())
        .map(|p| match &p.variant {
            Some(v) => format!("{}/{}/{v}", p.os, p.architecture),
            None => format!("{}/{}", p.os, p.architecture),
        })
        .collect();
    Err(Error::NoPlatform {
        reference: name.to_string(),
        wanted: want.to_string(),
        available: if available.is_empty() {
            "no platforms".into()
        } else {
            available.join(", ")
        },
    })
}

fn verify(name: &str, what: &str, expected: Option<&str>, bytes: &[u8]) -> Result<(), Error> {
    let Some(expected) = expected else {
        return Ok(());
    };
    let actual = sha256_digest(bytes);
    if actual != expected {
        return Err(Error::DigestMismatch {
            reference: name.to_string(),
            what: what.to_string(),
            expected: expected.to_string(),
            actual,
        });
    }
    Ok(())
}

fn invalid(name: &str, message: &str) -> Error {
    Error::Invalid {
        reference: name.to_string(),
        message: message.to_string(),
    }
}

/// What `rcon pull` asks for.
#[derive(Debug, Clone, Default)]
pub struct PullOptions {
    /// `os/arch[/variant]`; the host's when absent.
    pub platform: Option<String>,
    /// `Some(false)`: plain HTTP is allowed for this pull.
    pub tls_verify: Option<bool>,
    /// The namespace has a single-ID mapping: every file becomes root's.
    pub squash_owners: bool,
    /// No progress output.
    pub quiet: bool,
    /// `--authfile`; the user's usual files when absent.
    pub auth_files: Option<AuthFiles>,
}

impl PullOptions {
    fn auth_files(&self) -> AuthFiles {
        self.auth_files
            .clone()
            .unwrap_or_else(AuthFiles::default_for_user)
    }
}

/// Resolves `input` (short or full name) and pulls the first candidate the
/// registries have, reporting progress on stderr.
pub fn pull_image(
    store: &Store,
    input: &str,
    options: &PullOptions,
) -> Result<ImageRecord, super::Error> {
    let reference = Reference::parse(input)?;
    let registries = RegistriesConfig::load()?;
    let limits = Limits::from_env()?;
    let platform = match &options.platform {
        None => Platform::host(),
        Some(text) => {
            Platform::parse(text).ok_or_else(|| super::Error::BadPlatform(text.clone()))?
        }
    };
    let auth_files = options.auth_files();
    // Work directories of pulls that were killed are removed here.
    store.sweep_temp(&store.lock()?);
    let progress = progress::for_stderr(options.quiet);
    // No warning of our own for `squash_owners`: joining the namespace
    // already gave the one line saying owners become root's and how to fix it.
    let runtime = runtime()?;
    let candidates = registries.resolve(&reference);
    let mut tried = Vec::new();
    let mut failures = Vec::new();
    for candidate in &candidates {
        let name = candidate.to_string();
        if registries.is_blocked(candidate.registry_host()) {
            return Err(super::Error::Blocked { name });
        }
        if !options.quiet {
            eprintln!("Trying to pull {name}...");
        }
        let remote = remote(&registries, &auth_files, candidate, options, &limits)?;
        let request = PullRequest {
            reference: oci_reference(candidate),
            platform: platform.clone(),
            squash_owners: options.squash_owners,
            max_layer_size: limits.max_layer_size,
            progress: Arc::clone(&progress),
        };
        match runtime.block_on(pull(&remote, store, &request)) {
            Ok(record) => {
                Event::image(EventStatus::Pull, &record.id, &name).record();
                return Ok(record);
            }
            Err(Error::Registry { source, .. }) if source.is_unauthorized() => {
                return Err(super::Error::AuthFailed {
                    host: candidate.registry_host().to_string(),
                    had_credentials: auth_files.credentials_for(candidate).is_some(),
                });
            }
            Err(e) if e.is_not_found() => tried.push(name),
            // A short name goes on to the next search registry, as Podman's does.
            Err(e) if candidates.len() > 1 => {
                tried.push(name);
                failures.push(e.to_string());
            }
            Err(e) => return Err(e.into()),
        }
    }
    if failures.is_empty() {
        return Err(super::Error::NotFound {
            name: input.to_string(),
            tried,
        });
    }
    Err(super::Error::NotPulled {
        name: input.to_string(),
        tried,
        failures,
    })
}

/// `--pull=newer`: `image` (stored, and found by the name `input`) when the
/// registry's manifest for that name is the one it was pulled as; otherwise
/// the registry's, pulled. An image named by ID or digest cannot change, and
/// a registry that cannot be asked leaves the stored image in use (Podman's
/// behaviour), with a warning.
pub fn pull_if_newer(
    store: &Store,
    input: &str,
    image: ImageRecord,
    options: &PullOptions,
) -> Result<ImageRecord, super::Error> {
    let Some(name) = super::local::matching_name(&image, input).cloned() else {
        return Ok(image);
    };
    let reference = Reference::parse(&name)?;
    if reference.digest().is_some() {
        return Ok(image);
    }
    let registries = RegistriesConfig::load()?;
    let limits = Limits::from_env()?;
    let auth_files = options.auth_files();
    let remote = remote(&registries, &auth_files, &reference, options, &limits)?;
    let remote_digest = runtime()?.block_on(remote.manifest_digest(reference.tag_or_latest()));
    match remote_digest {
        Ok(digest) => {
            let known = image.digest == digest
                || image
                    .repo_digests
                    .iter()
                    .any(|d| d.strip_suffix(&digest).is_some_and(|r| r.ends_with('@')));
            if known {
                log::debug!("{name}: the registry has the stored image ({digest})");
                Ok(image)
            } else {
                pull_image(store, &name, options)
            }
        }
        Err(e) => {
            log::warn!(
                "{name}: cannot ask the registry for a newer image ({e}); using the stored one"
            );
            Ok(image)
        }
    }
}

/// The registry client for `reference`'s repository, with the user's saved
/// credentials for it.
fn remote(
    registries: &RegistriesConfig,
    auth_files: &AuthFiles,
    reference: &Reference,
    options: &PullOptions,
    limits: &Limits,
) -> Result<Remote, Error> {
    let host = reference.registry_host();
    Remote::new(
        registries,
        host,
        reference.repository(),
        options.tls_verify,
        auth_files.credentials_for(reference),
        limits.registry_timeout,
    )
    .map_err(|source| Error::Registry {
        what: "the registry",
        reference: reference.to_string(),
        source,
    })
}

/// The runtime the registry client runs on, one thread.
pub(super) fn runtime() -> Result<tokio::runtime::Runtime, super::Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| super::Error::Runtime(e.to_string()))
}

/// `reference` as oci-client names it: by digest when it has one, else by tag.
fn oci_reference(reference: &Reference) -> OciReference {
    let (registry, repository) = (
        reference.registry_host().to_string(),
        reference.repository().to_string(),
    );
    match reference.digest() {
        Some(digest) => OciReference::with_digest(registry, repository, digest.to_string()),
        None => OciReference::with_tag(registry, repository, reference.tag_or_latest().to_string()),
    }
}

impl Error {
    /// The registry does not have this repository or tag.
    fn is_not_found(&self) -> bool {
        matches!(self, Error::Registry { source, .. } if source.is_not_found())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_choice_and_listing() {
        let entries: Vec<IndexEntry> = serde_json::from_str(
            r#"[{"digest":"sha256:a","platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
                {"digest":"sha256:b","platform":{"os":"linux","architecture":"amd64"}}]"#,
        )
        .unwrap();
        let amd64 = Platform::parse("linux/amd64").unwrap();
        assert_eq!(choose_platform("x", &entries, &amd64).unwrap(), "sha256:b");
        let arm = Platform::parse("linux/arm64/v8").unwrap();
        assert_eq!(choose_platform("x", &entries, &arm).unwrap(), "sha256:a");
        let err =
            choose_platform("x", &entries, &Platform::parse("linux/s390x").unwrap()).unwrap_err();
        assert!(
            err.to_string()
                .contains("it has: linux/arm64/v8, linux/amd64"),
            "{err}"
        );
        assert!(Platform::parse("linux").is_none());
    }
}
