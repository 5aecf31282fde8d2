//! Pushing a stored image to a registry, or to a directory (`dir:PATH`,
//! containers/image's directory transport).
//!
//! Layers go up as the blobs they were pulled or loaded as (kept beside each
//! extracted layer, see the store), so the image ID never changes and an
//! image pushed unchanged keeps its manifest digest. When the stored
//! manifest names blobs the store does not hold — a layer shared with an
//! image that brought it in another compression — a new OCI manifest is
//! written for the blobs at hand; the config, and so the image ID, stay.

use crate::events::{Event, Status as EventStatus};
use std::sync::Arc;

use std::time::Duration;

use oci_client::client::{Certificate, CertificateEncoding, ClientConfig, ClientProtocol};
use oci_client::secrets::RegistryAuth;
use oci_client::{Client, Reference as OciReference, RegistryOperation};
use reqwest::header::HeaderValue;

use super::auth::{AuthFiles, Credentials};
use super::blobs::{Blob, image_blobs};
use super::distribution::PLAIN_HTTP_ROOT;
use super::limits::Limits;
use super::local::{lookup, matching_name};
use super::progress::Progress;
use super::reference::Reference;
use super::registries::RegistriesConfig;
use crate::storage::store::{ImageRecord, Store};
use crate::util::fs::{io_err, write_atomic};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("pushing {what} to {destination}: {source}")]
    Registry {
        what: String,
        destination: String,
        source: oci_client::errors::OciDistributionError,
    },
    #[error(
        "{0}: which name to push it as? give a destination, e.g. `rcon push {0} localhost:5000/name:tag`"
    )]
    NoDestination(String),
    #[error(transparent)]
    Blobs(#[from] super::blobs::Error),
    #[error("reading {}: {source}", path.display())]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] crate::util::fs::IoError),
}

/// The `version` file of containers/image's directory transport.
const DIR_TRANSPORT_VERSION: &str = "Directory Transport Version: 1.1\n";

/// What `rcon push` asks for.
pub struct PushOptions {
    /// `Some(false)`: plain HTTP is allowed.
    pub tls_verify: Option<bool>,
    pub auth_files: AuthFiles,
    /// Credentials given with the request (the API's `X-Registry-Auth`):
    /// used instead of the auth files'.
    pub credentials: Option<Credentials>,
    pub progress: Arc<dyn Progress>,
}

/// Pushes the stored image `source` to `destination` (default: the name it
/// was given as), returning the manifest digest.
pub fn push_image(
    store: &Store,
    source: &str,
    destination: Option<&str>,
    options: &PushOptions,
) -> Result<String, super::Error> {
    let image = lookup(store, source)?;
    if let Some(dir) = destination.and_then(|d| d.strip_prefix("dir:")) {
        let digest = push_to_dir(store, &image, Path::new(dir))?;
        Event::image(EventStatus::Push, &image.id, destination.unwrap_or(dir)).record();
        return Ok(digest);
    }
    let destination = match destination {
        Some(name) => Reference::parse(name)?,
        None => {
            let name = matching_name(&image, source)
                .ok_or_else(|| Error::NoDestination(source.to_string()))?;
            Reference::parse(name)?
        }
    };
    let destination = destination.qualified_in(super::reference::DOCKER_HUB)?;
    let registries = RegistriesConfig::load()?;
    let timeout = Limits::from_env()?.registry_timeout;
    let client = registry_client(
        &registries,
        destination.registry_host(),
        options.tls_verify,
        timeout,
    );
    let auth = match &options.credentials {
        Some(given) => RegistryAuth::Basic(given.username.clone(), given.password.clone()),
        None => registry_auth(&options.auth_files, &destination),
    };
    let target = OciReference::with_tag(
        destination.registry_host().to_string(),
        destination.repository().to_string(),
        destination.tag_or_latest().to_string(),
    );
    let upload = Upload {
        client: &client,
        store,
        image: &image,
        target: &target,
        destination: destination.to_string(),
        progress: &options.progress,
    };
    let runtime = super::pull::runtime()?;
    let digest = runtime.block_on(upload.run(&auth)).map_err(|e| match e {
        Error::Registry { source, .. } if unauthorized(&source) => super::Error::AuthFailed {
            host: destination.registry_host().to_string(),
            had_credentials: !matches!(auth, RegistryAuth::Anonymous),
        },
        other => other.into(),
    })?;
    Event::image(EventStatus::Push, &image.id, &destination.to_string()).record();
    Ok(digest)
}

/// Writes `image` as containers/image's directory transport lays it out:
/// `manifest.json`, each blob named by its digest's hex, and `version`
/// (the directory is made when missing). Each file is written beside its
/// name and renamed over it: a symlink already there is replaced, never
/// written through.
fn push_to_dir(store: &Store, image: &ImageRecord, dir: &Path) -> Result<String, Error> {
    let blobs = image_blobs(store, image, false)?;
    std::fs::create_dir_all(dir).map_err(io_err("creating", dir))?;
    for blob in std::iter::once(&blobs.config).chain(&blobs.layers) {
        let hex = blob.digest.trim_start_matches("sha256:");
        let target = dir.join(hex);
        let temp = dir.join(format!(".{hex}.tmp"));
        let _ = std::fs::remove_file(&temp);
        std::fs::copy(&blob.path, &temp).map_err(io_err("writing", &temp))?;
        std::fs::rename(&temp, &target).map_err(io_err("writing", &target))?;
    }
    write_atomic(&dir.join("manifest.json"), &blobs.manifest)?;
    write_atomic(&dir.join("version"), DIR_TRANSPORT_VERSION.as_bytes())?;
    Ok(blobs.manifest_digest())
}

struct Upload<'a> {
    client: &'a Client,
    store: &'a Store,
    image: &'a ImageRecord,
    target: &'a OciReference,
    destination: String,
    progress: &'a Arc<dyn Progress>,
}

impl Upload<'_> {
    async fn run(&self, auth: &RegistryAuth) -> Result<String, Error> {
        self.client
            .auth(self.target, auth, RegistryOperation::Push)
            .await
            .map_err(self.registry_error("credentials"))?;
        let blobs = image_blobs(self.store, self.image, false)?;
        for blob in std::iter::once(&blobs.config).chain(&blobs.layers) {
            self.upload(blob).await?;
        }
        let content_type =
            HeaderValue::from_str(&blobs.manifest_media_type).expect("media types are ASCII");
        self.client
            .push_manifest_raw(self.target, blobs.manifest.clone(), content_type)
            .await
            .map_err(self.registry_error("the manifest"))?;
        Ok(blobs.manifest_digest())
    }

    fn registry_error(
        &self,
        what: &str,
    ) -> impl FnOnce(oci_client::errors::OciDistributionError) -> Error {
        let (what, destination) = (what.to_string(), self.destination.clone());
        move |source| Error::Registry {
            what,
            destination,
            source,
        }
    }

    async fn upload(&self, blob: &Blob) -> Result<(), Error> {
        let exists = self
            .client
            .blob_exists(self.target, &blob.digest)
            .await
            .map_err(self.registry_error(&format!("blob {}", blob.digest)))?;
        if exists {
            self.progress.layer_skipped(&blob.digest);
            return Ok(());
        }
        self.progress.layer_started(&blob.digest, blob.size);
        // A blob is read whole: oci-client uploads from memory.
        let data = std::fs::read(&blob.path).map_err(|source| Error::Read {
            path: blob.path.clone(),
            source,
        })?;
        self.client
            .push_blob(self.target, data, &blob.digest)
            .await
            .map_err(self.registry_error(&format!("blob {}", blob.digest)))?;
        self.progress.layer_bytes(&blob.digest, blob.size);
        self.progress.layer_done(&blob.digest);
        Ok(())
    }
}

/// A client for `host`: plain HTTP when `--tls-verify=false` or registries.conf
/// marks it insecure, HTTPS with the system's CA certificates otherwise; a
/// registry that sends nothing for `timeout` fails the request.
fn registry_client(
    registries: &RegistriesConfig,
    host: &str,
    tls_verify: Option<bool>,
    timeout: Duration,
) -> Client {
    let insecure = tls_verify == Some(false) || registries.is_insecure(host);
    super::install_tls_provider();
    let config = ClientConfig {
        read_timeout: Some(timeout),
        connect_timeout: Some(timeout),
        ..ClientConfig::default()
    };
    if !insecure {
        return Client::new(ClientConfig {
            protocol: ClientProtocol::Https,
            ..config
        });
    }
    Client::new(ClientConfig {
        protocol: ClientProtocol::Http,
        tls_certs_only: vec![Certificate {
            encoding: CertificateEncoding::Pem,
            data: PLAIN_HTTP_ROOT.to_vec(),
        }],
        ..config
    })
}

/// The saved credentials for `reference`, or none.
fn registry_auth(files: &AuthFiles, reference: &Reference) -> RegistryAuth {
    match files.credentials_for(reference) {
        Some(credentials) => RegistryAuth::Basic(credentials.username, credentials.password),
        None => RegistryAuth::Anonymous,
    }
}

/// The registry refused us for want of (valid) credentials.
fn unauthorized(source: &oci_client::errors::OciDistributionError) -> bool {
    use oci_client::errors::{OciDistributionError as E, OciErrorCode as C};
    match source {
        E::UnauthorizedError { .. } | E::AuthenticationFailure(_) => true,
        E::ServerError { code: 401, .. } => true,
        E::RequestError(e) => e.status() == Some(reqwest::StatusCode::UNAUTHORIZED),
        E::RegistryError { envelope, .. } => {
            envelope.errors.iter().any(|e| e.code == C::Unauthorized)
        }
        _ => false,
    }
}
