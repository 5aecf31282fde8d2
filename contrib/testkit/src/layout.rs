//! Writing an image as an OCI image-layout directory (readable by skopeo's and
//! podman's `oci:` transport).

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::json;

use crate::image::{Image, media_type};

fn write(path: &Path, data: &[u8]) -> Result<()> {
    fs::write(path, data).with_context(|| format!("writing {}", path.display()))
}

/// Writes `image` as an OCI image layout in `dir` (created if missing):
/// `oci-layout`, `index.json` (one entry, annotated with the tag as
/// `org.opencontainers.image.ref.name`) and `blobs/sha256/<hex>` for the
/// config, the layers, the manifest (and those of other platforms) and, for
/// OCI images, the image index the tag points at. Existing files of the same names are replaced.
///
/// A Docker schema-2 image ([`Format::Docker`](crate::Format::Docker)) is
/// written the same way, with its Docker manifest type in `index.json`; the
/// OCI spec allows that, but containers/image (skopeo, podman) reads only OCI
/// manifest and index entries from a layout: serve such an image from a
/// registry instead.
pub fn write_oci_layout(image: &Image, dir: &Path) -> Result<()> {
    let blobs = dir.join("blobs").join("sha256");
    fs::create_dir_all(&blobs).with_context(|| format!("creating {}", blobs.display()))?;

    let mut all: Vec<(&str, &[u8])> = image
        .blobs
        .iter()
        .map(|(digest, data)| (digest.as_str(), data.as_slice()))
        .collect();
    for manifest in std::iter::once(image).chain(&image.others) {
        all.push((&manifest.manifest_digest, &manifest.manifest));
    }
    if let (Some(index), Some(digest)) = (&image.index, &image.index_digest) {
        all.push((digest, index));
    }
    for (digest, data) in all {
        let hex = digest
            .strip_prefix("sha256:")
            .with_context(|| format!("{}: digest {digest:?} is not sha256", image.name))?;
        write(&blobs.join(hex), data)?;
    }

    let top_size = image.index.as_ref().unwrap_or(&image.manifest).len();
    let index = json!({
        "schemaVersion": 2,
        "mediaType": media_type::OCI_INDEX,
        "manifests": [{
            "mediaType": image.top_media_type(),
            "digest": image.top_digest(),
            "size": top_size,
            "annotations": { "org.opencontainers.image.ref.name": image.tag },
        }],
    });
    write(
        &dir.join("index.json"),
        &serde_json::to_vec(&index).expect("serialising JSON values cannot fail"),
    )?;
    write(
        &dir.join("oci-layout"),
        br#"{"imageLayoutVersion":"1.0.0"}"#,
    )
}
