//! A stored image as the blobs a registry or an archive holds: the manifest,
//! the config and the layer blobs kept beside each extracted layer.
//!
//! The stored manifest is handed out unchanged when the store holds every
//! blob it names (so its digest stays); otherwise — a layer shared with an
//! image that brought it in another compression, an image loaded from a
//! docker-archive, or an OCI manifest wanted for a Docker one — a new OCI
//! manifest is written for the blobs at hand. The config, and so the image
//! ID, never changes.

use std::path::PathBuf;

use oci_client::manifest::{
    IMAGE_DOCKER_LAYER_GZIP_MEDIA_TYPE, IMAGE_DOCKER_LAYER_TAR_MEDIA_TYPE,
    IMAGE_LAYER_GZIP_MEDIA_TYPE, IMAGE_LAYER_MEDIA_TYPE, OCI_IMAGE_MEDIA_TYPE,
};
use oci_spec::image::{Descriptor, Digest, ImageManifest, ImageManifestBuilder, MediaType};

use crate::storage::store::{self, ImageRecord, LayerRecord, Store};
use crate::util::fs::IoError;

pub const OCI_CONFIG_MEDIA_TYPE: &str = "application/vnd.oci.image.config.v1+json";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "{image}: layer {diff_id} has no stored blob (it was stored by an older rcon); remove the image and pull it again"
    )]
    NoBlob { image: String, diff_id: String },
    #[error(
        "{image}: the stored manifest is not valid: {source}; remove the image and pull it again"
    )]
    Corrupt {
        image: String,
        source: oci_spec::OciSpecError,
    },
    #[error("the stored digest {digest:?} is not valid: {source}")]
    BadDigest {
        digest: String,
        source: oci_spec::OciSpecError,
    },
    #[error(transparent)]
    Store(#[from] store::Error),
}

/// One blob in the store: where it is and how a manifest describes it.
#[derive(Debug, Clone)]
pub struct Blob {
    pub path: PathBuf,
    pub digest: String,
    pub media_type: String,
    pub size: u64,
}

/// An image ready to hand out.
#[derive(Debug)]
pub struct ImageBlobs {
    pub manifest: Vec<u8>,
    pub manifest_media_type: String,
    pub config: Blob,
    /// Bottom layer first, as the image lists them.
    pub layers: Vec<Blob>,
}

impl ImageBlobs {
    /// `sha256:…` of the manifest.
    pub fn manifest_digest(&self) -> String {
        crate::image::layer::sha256_digest(&self.manifest)
    }
}

/// The blobs of `image`; with `oci_only`, a Docker manifest is rewritten as an OCI one.
pub fn image_blobs(
    store: &Store,
    image: &ImageRecord,
    oci_only: bool,
) -> Result<ImageBlobs, Error> {
    let name = || {
        image
            .names
            .first()
            .cloned()
            .unwrap_or_else(|| image.id.clone())
    };
    let config_path = store.image_dir(&image.id).join("config.json");
    let config = Blob {
        size: file_size(&config_path)?,
        path: config_path,
        digest: format!("sha256:{}", image.id),
        media_type: OCI_CONFIG_MEDIA_TYPE.into(),
    };
    let mut layers = Vec::new();
    for diff_id in &image.layers {
        let path = store.layer_blob(diff_id);
        let (Some(record), Ok(size)) = (store.layer(diff_id), file_size(&path)) else {
            return Err(Error::NoBlob {
                image: name(),
                diff_id: diff_id.clone(),
            });
        };
        layers.push(layer_blob(record, path, size));
    }
    let stored = store.image_file(&image.id, "manifest.json")?;
    let doc = ImageManifest::from_reader(stored.as_slice()).map_err(|source| Error::Corrupt {
        image: name(),
        source,
    })?;
    let stored_layers: Vec<&str> = doc.layers().iter().map(|l| l.digest().as_ref()).collect();
    let held: Vec<&str> = layers.iter().map(|b| b.digest.as_str()).collect();
    let is_oci = image.manifest_media_type == OCI_IMAGE_MEDIA_TYPE;
    if stored_layers == held && (is_oci || !oci_only) {
        return Ok(ImageBlobs {
            manifest: stored,
            manifest_media_type: image.manifest_media_type.clone(),
            config,
            layers,
        });
    }
    Ok(ImageBlobs {
        manifest: oci_manifest(&config, &layers)?,
        manifest_media_type: OCI_IMAGE_MEDIA_TYPE.into(),
        config,
        layers,
    })
}

/// The blob of a stored layer, described in OCI terms.
pub fn layer_blob(record: LayerRecord, path: PathBuf, size: u64) -> Blob {
    Blob {
        path,
        digest: record.compressed_digest,
        media_type: oci_layer_type(&record.media_type).to_string(),
        size,
    }
}

/// An OCI image manifest for these blobs.
pub fn oci_manifest(config: &Blob, layers: &[Blob]) -> Result<Vec<u8>, Error> {
    let descriptor = |blob: &Blob| -> Result<Descriptor, Error> {
        let digest = Digest::try_from(blob.digest.as_str()).map_err(|source| Error::BadDigest {
            digest: blob.digest.clone(),
            source,
        })?;
        let media_type = MediaType::from(blob.media_type.as_str());
        Ok(Descriptor::new(media_type, blob.size, digest))
    };
    let manifest = ImageManifestBuilder::default()
        .schema_version(2u32)
        .media_type(MediaType::ImageManifest)
        .config(descriptor(config)?)
        .layers(
            layers
                .iter()
                .map(descriptor)
                .collect::<Result<Vec<_>, _>>()?,
        )
        .build()
        .expect("every field a manifest needs is given");
    Ok(serde_json::to_vec(&manifest).expect("a manifest serialises"))
}

/// The OCI name of a layer media type (Docker's gzip and tar have OCI twins).
pub fn oci_layer_type(media_type: &str) -> &str {
    match media_type {
        IMAGE_DOCKER_LAYER_GZIP_MEDIA_TYPE => IMAGE_LAYER_GZIP_MEDIA_TYPE,
        IMAGE_DOCKER_LAYER_TAR_MEDIA_TYPE => IMAGE_LAYER_MEDIA_TYPE,
        other => other,
    }
}

fn file_size(path: &std::path::Path) -> Result<u64, store::Error> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|source| IoError::new("reading", path, source).into())
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
