//! Assembling layers into an image: config, manifest and (for OCI) an index.

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::layer::{CREATED, Compression, Layer, decompress_layer, sha256_digest};

/// Media types used by the test images.
pub mod media_type {
    pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
    pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
    pub const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
    pub const OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
    pub const OCI_LAYER_ZSTD: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
    pub const DOCKER_MANIFEST_LIST: &str =
        "application/vnd.docker.distribution.manifest.list.v2+json";
    pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
    pub const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
    pub const DOCKER_LAYER_GZIP: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// Every manifest and index type, for an HTTP `Accept` header.
    pub const ACCEPT_MANIFESTS: &str = "application/vnd.oci.image.index.v1+json, \
        application/vnd.oci.image.manifest.v1+json, \
        application/vnd.docker.distribution.manifest.list.v2+json, \
        application/vnd.docker.distribution.manifest.v2+json";
}

/// The default `PATH` in the image configs.
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The platform an image is built for: the host's unless
/// [`ImageBuilder::platform`] says otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Platform {
    /// GOARCH spelling: `amd64`, `arm64`, ...
    pub architecture: String,
    pub os: String,
    pub variant: Option<String>,
}

impl Platform {
    /// The host platform, in OCI (Go) names.
    pub fn host() -> Platform {
        let (architecture, variant) = match std::env::consts::ARCH {
            "x86_64" => ("amd64", None),
            "aarch64" => ("arm64", Some("v8")),
            "x86" => ("386", None),
            "arm" => ("arm", Some("v7")),
            "powerpc64" if cfg!(target_endian = "little") => ("ppc64le", None),
            "loongarch64" => ("loong64", None),
            other => (other, None),
        };
        Platform {
            architecture: architecture.into(),
            os: "linux".into(),
            variant: variant.map(String::from),
        }
    }

    fn to_json(&self) -> Value {
        let mut value = json!({ "architecture": self.architecture, "os": self.os });
        if let Some(variant) = &self.variant {
            value["variant"] = json!(variant);
        }
        value
    }
}

/// Which manifest format an image is published in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An OCI manifest, published through an OCI image index (the tag points
    /// at the index).
    Oci,
    /// A Docker schema-2 manifest, no index (the tag points at the manifest).
    Docker,
}

/// One layer as referenced from a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerInfo {
    pub digest: String,
    pub diff_id: String,
    pub media_type: String,
    pub size: u64,
    pub compression: Compression,
}

/// A complete image, every blob in memory.
#[derive(Clone, Debug)]
pub struct Image {
    /// Repository name inside a registry, e.g. `rcon-test/busybox`.
    pub name: String,
    /// The tag it is published under: `latest`.
    pub tag: String,
    pub format: Format,
    pub platform: Platform,
    /// The manifest bytes exactly as pushed.
    pub manifest: Vec<u8>,
    pub manifest_media_type: String,
    pub manifest_digest: String,
    /// The OCI image index (only for [`Format::Oci`]), listing `manifest`
    /// first, then the manifests of `others`.
    pub index: Option<Vec<u8>>,
    pub index_digest: Option<String>,
    pub config_digest: String,
    /// The layers, bottom first.
    pub layers: Vec<LayerInfo>,
    /// Config and layer blobs (`sha256:...`, bytes), config first, each once;
    /// those of `others` too.
    pub blobs: Vec<(String, Vec<u8>)>,
    /// The same image for other platforms, in the index after this one
    /// ([`ImageBuilder::also_for`]).
    pub others: Vec<Image>,
}

impl Image {
    /// The last path component of the name: `busybox` for `rcon-test/busybox`.
    pub fn short_name(&self) -> &str {
        self.name.rsplit('/').next().unwrap_or(&self.name)
    }

    /// `REGISTRY/NAME:TAG`, e.g. `127.0.0.1:5000/rcon-test/busybox:latest`.
    pub fn reference(&self, registry: &str) -> String {
        format!("{registry}/{}:{}", self.name, self.tag)
    }

    /// The digest the tag resolves to: the index's if there is one, else the
    /// manifest's.
    pub fn top_digest(&self) -> &str {
        self.index_digest
            .as_deref()
            .unwrap_or(&self.manifest_digest)
    }

    /// The media type of what the tag resolves to.
    pub fn top_media_type(&self) -> &str {
        if self.index.is_some() {
            media_type::OCI_INDEX
        } else {
            &self.manifest_media_type
        }
    }

    /// A blob by digest.
    pub fn blob(&self, digest: &str) -> Option<&[u8]> {
        self.blobs
            .iter()
            .find(|(d, _)| d == digest)
            .map(|(_, data)| data.as_slice())
    }

    /// The config JSON bytes.
    pub fn config(&self) -> &[u8] {
        self.blob(&self.config_digest)
            .expect("an image always holds its config blob")
    }

    /// Layer `i` (0 = bottom) as an uncompressed tar.
    pub fn layer_tar(&self, i: usize) -> Result<Vec<u8>> {
        let info = self
            .layers
            .get(i)
            .with_context(|| format!("{} has no layer {i}", self.name))?;
        let data = self.blob(&info.digest).expect("layer blobs are stored");
        decompress_layer(data).with_context(|| format!("layer {i} of {}", self.name))
    }

    /// Total size of all blobs in bytes.
    pub fn size(&self) -> u64 {
        self.blobs.iter().map(|(_, data)| data.len() as u64).sum()
    }

    /// A copy named `name` whose config and then manifest are changed by
    /// `config` and `manifest`, with every digest and size that names them
    /// made right again (the manifest's config descriptor, the index's
    /// entry): a well-formed image whose content says what a test wants, for
    /// a hostile registry to serve. Only the first platform is kept.
    pub fn edited(
        &self,
        name: &str,
        config: impl FnOnce(&mut Value),
        manifest: impl FnOnce(&mut Value),
    ) -> Image {
        let parse = |bytes: &[u8]| -> Value {
            serde_json::from_slice(bytes).expect("the builder wrote valid JSON")
        };
        let write = |value: &Value| serde_json::to_vec(value).expect("JSON values serialise");
        let mut config_json = parse(self.config());
        config(&mut config_json);
        let config_bytes = write(&config_json);
        let config_digest = sha256_digest(&config_bytes);
        let mut manifest_json = parse(&self.manifest);
        manifest_json["config"]["digest"] = json!(config_digest);
        manifest_json["config"]["size"] = json!(config_bytes.len());
        manifest(&mut manifest_json);
        let manifest_bytes = write(&manifest_json);
        let manifest_digest = sha256_digest(&manifest_bytes);
        let index = self.index.as_deref().map(|index| {
            let mut index = parse(index);
            index["manifests"] = json!([index["manifests"][0].clone()]);
            index["manifests"][0]["digest"] = json!(manifest_digest);
            index["manifests"][0]["size"] = json!(manifest_bytes.len());
            write(&index)
        });
        let mut blobs = vec![(config_digest.clone(), config_bytes)];
        blobs.extend(
            self.layers
                .iter()
                .filter_map(|l| Some((l.digest.clone(), self.blob(&l.digest)?.to_vec()))),
        );
        Image {
            name: name.to_string(),
            index_digest: index.as_deref().map(sha256_digest),
            index,
            manifest: manifest_bytes,
            manifest_digest,
            config_digest,
            blobs,
            others: Vec::new(),
            ..self.clone()
        }
    }
}

/// Builds an [`Image`] from layers.
#[derive(Clone, Debug)]
pub struct ImageBuilder {
    name: String,
    format: Format,
    layers: Vec<Layer>,
    env: Vec<String>,
    cmd: Vec<String>,
    labels: Vec<(String, String)>,
    platform: Platform,
    others: Vec<Image>,
}

impl ImageBuilder {
    /// An image called `name` (tag `latest`) with `Env` = [`DEFAULT_PATH`] and
    /// `Cmd` = `["sh"]`.
    pub fn new(name: &str, format: Format) -> ImageBuilder {
        ImageBuilder {
            name: name.into(),
            format,
            layers: Vec::new(),
            env: vec![format!("PATH={DEFAULT_PATH}")],
            cmd: vec!["sh".into()],
            labels: vec![("org.rcon.test.image".into(), name.into())],
            platform: Platform::host(),
            others: Vec::new(),
        }
    }

    /// Builds the image for `platform` instead of the host's.
    pub fn platform(mut self, platform: Platform) -> ImageBuilder {
        self.platform = platform;
        self
    }

    /// Lists `other` (an OCI image built for another platform) in this
    /// image's index after its own manifest, making it multi-platform.
    pub fn also_for(mut self, other: Image) -> ImageBuilder {
        self.others.push(other);
        self
    }

    pub fn layer(mut self, layer: Layer) -> ImageBuilder {
        self.layers.push(layer);
        self
    }

    pub fn env(mut self, var: &str) -> ImageBuilder {
        self.env.push(var.into());
        self
    }

    pub fn cmd(mut self, cmd: &[&str]) -> ImageBuilder {
        self.cmd = cmd.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn label(mut self, key: &str, value: &str) -> ImageBuilder {
        self.labels.push((key.into(), value.into()));
        self
    }

    pub fn build(self) -> Result<Image> {
        if self.layers.is_empty() {
            bail!("image {} has no layers", self.name);
        }
        let platform = self.platform;
        let docker = self.format == Format::Docker;
        if self
            .others
            .iter()
            .any(|o| docker || o.format != Format::Oci)
        {
            bail!("image {}: only OCI images can be multi-platform", self.name);
        }
        if docker
            && self
                .layers
                .iter()
                .any(|l| l.compression != Compression::Gzip)
        {
            bail!(
                "image {}: Docker schema-2 layers must be gzip-compressed",
                self.name
            );
        }

        let labels: serde_json::Map<String, Value> = self
            .labels
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        let mut config = json!({
            "created": CREATED,
            "author": "rcon testkit",
            "architecture": platform.architecture,
            "os": platform.os,
            "config": {
                "Env": self.env,
                "Cmd": self.cmd,
                "WorkingDir": "/",
                "Labels": labels,
            },
            "rootfs": {
                "type": "layers",
                "diff_ids": self.layers.iter().map(|l| l.diff_id.as_str()).collect::<Vec<_>>(),
            },
            "history": self.layers.iter().map(|l| json!({
                "created": CREATED,
                "created_by": l.created_by,
                "comment": "rcon testkit",
            })).collect::<Vec<_>>(),
        });
        if let Some(variant) = &platform.variant {
            config["variant"] = json!(variant);
        }
        let config = serde_json::to_vec(&config).expect("serialising JSON values cannot fail");
        let config_digest = sha256_digest(&config);

        let layers: Vec<LayerInfo> = self
            .layers
            .iter()
            .map(|l| LayerInfo {
                digest: l.digest.clone(),
                diff_id: l.diff_id.clone(),
                media_type: match (docker, l.compression) {
                    (true, _) => media_type::DOCKER_LAYER_GZIP,
                    (false, Compression::Gzip) => media_type::OCI_LAYER_GZIP,
                    (false, Compression::Zstd) => media_type::OCI_LAYER_ZSTD,
                }
                .into(),
                size: l.data.len() as u64,
                compression: l.compression,
            })
            .collect();

        let (manifest_media_type, config_media_type) = if docker {
            (media_type::DOCKER_MANIFEST, media_type::DOCKER_CONFIG)
        } else {
            (media_type::OCI_MANIFEST, media_type::OCI_CONFIG)
        };
        let descriptor = |media_type: &str, digest: &str, size: u64| json!({ "mediaType": media_type, "digest": digest, "size": size });
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": manifest_media_type,
            "config": descriptor(config_media_type, &config_digest, config.len() as u64),
            "layers": layers.iter()
                .map(|l| descriptor(&l.media_type, &l.digest, l.size))
                .collect::<Vec<_>>(),
        });
        let manifest = serde_json::to_vec(&manifest).expect("serialising JSON values cannot fail");
        let manifest_digest = sha256_digest(&manifest);

        let (index, index_digest) = if docker {
            (None, None)
        } else {
            let entry = |platform: &Platform, digest: &str, manifest: &[u8]| {
                let mut entry = descriptor(manifest_media_type, digest, manifest.len() as u64);
                entry["platform"] = platform.to_json();
                entry
            };
            let entries: Vec<Value> =
                std::iter::once(entry(&platform, &manifest_digest, &manifest))
                    .chain(
                        self.others
                            .iter()
                            .map(|o| entry(&o.platform, &o.manifest_digest, &o.manifest)),
                    )
                    .collect();
            let index = json!({
                "schemaVersion": 2,
                "mediaType": media_type::OCI_INDEX,
                "manifests": entries,
            });
            let index = serde_json::to_vec(&index).expect("serialising JSON values cannot fail");
            let digest = sha256_digest(&index);
            (Some(index), Some(digest))
        };

        let mut blobs = vec![(config_digest.clone(), config)];
        let other_blobs = self.others.iter().flat_map(|o| o.blobs.iter().cloned());
        for (digest, data) in self
            .layers
            .into_iter()
            .map(|l| (l.digest, l.data))
            .chain(other_blobs)
        {
            if !blobs.iter().any(|(d, _)| *d == digest) {
                blobs.push((digest, data));
            }
        }

        Ok(Image {
            name: self.name,
            tag: "latest".into(),
            format: self.format,
            platform,
            manifest,
            manifest_media_type: manifest_media_type.into(),
            manifest_digest,
            index,
            index_digest,
            config_digest,
            layers,
            blobs,
            others: self.others,
        })
    }
}
