//! Pushing a stored image to a registry.
//!
//! Layers go up as the blobs they were pulled or loaded as (kept beside each
//! extracted layer, see the store), so the image ID never changes and an
//! image pushed unchanged keeps its manifest digest. When the stored
//! manifest names blobs the store does not hold — a layer shared with an
//! image that brought it in another compression — a new OCI manifest is
//! written for the blobs at hand; the config, and so the image ID, stay.

use std::sync::Arc;

use oci_client::manifest::{
    IMAGE_DOCKER_LAYER_GZIP_MEDIA_TYPE, IMAGE_DOCKER_LAYER_TAR_MEDIA_TYPE,
    IMAGE_LAYER_GZIP_MEDIA_TYPE, IMAGE_LAYER_MEDIA_TYPE, OCI_IMAGE_MEDIA_TYPE,
};
use oci_client::secrets::RegistryAuth;
use oci_client::{Client, Reference as OciReference, RegistryOperation};
use reqwest::header::HeaderValue;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::auth::AuthFiles;
use super::local::{lookup, matching_name};
use super::progress::Progress;
use super::pull::{registry_auth, registry_client, unauthorized};
use super::reference::Reference;
use super::registries::RegistriesConfig;
use crate::storage::store::{self, ImageRecord, Store};

const OCI_CONFIG_MEDIA_TYPE: &str = "application/vnd.oci.image.config.v1+json";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("pushing {what} to {destination}: {source}")]
    Registry {
        what: String,
        destination: String,
        source: oci_client::errors::OciDistributionError,
    },
    #[error(
        "{image}: layer {diff_id} has no stored blob (it was stored by an older rcon); remove the image and pull it again"
    )]
    NoBlob { image: String, diff_id: String },
    #[error(
        "{0}: which name to push it as? give a destination, e.g. `rcon push {0} localhost:5000/name:tag`"
    )]
    NoDestination(String),
    #[error("{image}: the stored {what} is not valid JSON: {source}")]
    Corrupt {
        image: String,
        what: &'static str,
        source: serde_json::Error,
    },
    #[error("reading {}: {source}", path.display())]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// What `rcon push` asks for.
pub struct PushOptions {
    /// `Some(false)`: plain HTTP is allowed.
    pub tls_verify: Option<bool>,
    pub auth_files: AuthFiles,
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
    let client = registry_client(&registries, destination.registry_host(), options.tls_verify);
    let auth = registry_auth(&options.auth_files, &destination);
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
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| super::Error::Runtime(e.to_string()))?;
    runtime.block_on(upload.run(&auth)).map_err(|e| match e {
        Error::Registry { source, .. } if unauthorized(&source) => super::Error::AuthFailed {
            host: destination.registry_host().to_string(),
            had_credentials: !matches!(auth, RegistryAuth::Anonymous),
        },
        other => other.into(),
    })
}

struct Upload<'a> {
    client: &'a Client,
    store: &'a Store,
    image: &'a ImageRecord,
    target: &'a OciReference,
    destination: String,
    progress: &'a Arc<dyn Progress>,
}

/// One blob to upload: where it is stored and how the manifest describes it.
struct Blob {
    path: std::path::PathBuf,
    digest: String,
    media_type: String,
    size: u64,
}

impl Upload<'_> {
    async fn run(&self, auth: &RegistryAuth) -> Result<String, Error> {
        self.client
            .auth(self.target, auth, RegistryOperation::Push)
            .await
            .map_err(self.registry_error("credentials"))?;
        let (manifest, media_type, blobs) = self.manifest()?;
        for blob in &blobs {
            self.upload(blob).await?;
        }
        let content_type = HeaderValue::from_str(&media_type).expect("media types are ASCII");
        self.client
            .push_manifest_raw(self.target, manifest.clone(), content_type)
            .await
            .map_err(self.registry_error("the manifest"))?;
        Ok(format!("sha256:{}", hex::encode(Sha256::digest(&manifest))))
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

    /// The manifest to push, its media type, and the blobs it needs.
    fn manifest(&self) -> Result<(Vec<u8>, String, Vec<Blob>), Error> {
        let image = self.image;
        let name = || {
            image
                .names
                .first()
                .cloned()
                .unwrap_or_else(|| image.id.clone())
        };
        let corrupt = |what| {
            move |source| Error::Corrupt {
                image: name(),
                what,
                source,
            }
        };
        let read = |file: &str| {
            self.store.image_file(&image.id, file).map_err(|e| match e {
                store::Error::Io { path, source, .. } => Error::Read { path, source },
                other => Error::Read {
                    path: self.store.image_dir(&image.id).join(file),
                    source: std::io::Error::other(other.to_string()),
                },
            })
        };
        let config = read("config.json")?;
        let mut blobs = vec![Blob {
            path: self.store.image_dir(&image.id).join("config.json"),
            digest: format!("sha256:{}", image.id),
            media_type: OCI_CONFIG_MEDIA_TYPE.into(),
            size: config.len() as u64,
        }];
        for diff_id in &image.layers {
            let path = self.store.layer_blob(diff_id);
            let record = self.store.layer(diff_id);
            let (Some(record), Ok(meta)) = (record, std::fs::metadata(&path)) else {
                return Err(Error::NoBlob {
                    image: name(),
                    diff_id: diff_id.clone(),
                });
            };
            blobs.push(Blob {
                path,
                digest: record.compressed_digest,
                media_type: record.media_type,
                size: meta.len(),
            });
        }
        let stored = read("manifest.json")?;
        let stored_doc: Value = serde_json::from_slice(&stored).map_err(corrupt("manifest"))?;
        let stored_layers: Vec<&str> = stored_doc["layers"]
            .as_array()
            .map(|layers| layers.iter().filter_map(|l| l["digest"].as_str()).collect())
            .unwrap_or_default();
        let held: Vec<&str> = blobs[1..].iter().map(|b| b.digest.as_str()).collect();
        if stored_layers == held {
            return Ok((stored, image.manifest_media_type.clone(), blobs));
        }
        let descriptor = |blob: &Blob, media_type: &str| json!({ "mediaType": media_type, "digest": blob.digest, "size": blob.size });
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": OCI_IMAGE_MEDIA_TYPE,
            "config": descriptor(&blobs[0], OCI_CONFIG_MEDIA_TYPE),
            "layers": blobs[1..]
                .iter()
                .map(|b| descriptor(b, oci_layer_type(&b.media_type)))
                .collect::<Vec<_>>(),
        });
        let bytes = serde_json::to_vec(&manifest).expect("a manifest serialises");
        Ok((bytes, OCI_IMAGE_MEDIA_TYPE.to_string(), blobs))
    }
}

/// The OCI name of a layer media type (Docker's gzip and tar have OCI twins).
pub fn oci_layer_type(media_type: &str) -> &str {
    match media_type {
        IMAGE_DOCKER_LAYER_GZIP_MEDIA_TYPE => IMAGE_LAYER_GZIP_MEDIA_TYPE,
        IMAGE_DOCKER_LAYER_TAR_MEDIA_TYPE => IMAGE_LAYER_MEDIA_TYPE,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_layer_types_map_to_oci() {
        assert_eq!(
            oci_layer_type("application/vnd.docker.image.rootfs.diff.tar.gzip"),
            "application/vnd.oci.image.layer.v1.tar+gzip"
        );
        assert_eq!(
            oci_layer_type("application/vnd.oci.image.layer.v1.tar+zstd"),
            "application/vnd.oci.image.layer.v1.tar+zstd"
        );
    }
}
