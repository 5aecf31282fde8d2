//! The image config, one model for every reader and writer: oci-spec's
//! [`ImageConfiguration`], and beside it [`DockerConfig`], the fields of
//! Docker's image config that the OCI spec has no place for (a health
//! check, `ONBUILD`, `SHELL`, …). oci-spec drops fields it does not know,
//! so without the extension an image pulled in Docker's format would lose
//! them at `commit`.
//!
//! A config is parsed once, where it enters the store (pull, load) and
//! where it is read back; a field of the wrong type is a [`ConfigError`],
//! never a default. The bytes a registry or an archive gave are stored as
//! they came (their digest is the image ID); [`ImageConfig::to_json`]
//! writes only the configs rcon makes.

use oci_spec::image::{Config, History, ImageConfiguration};
use serde::{Deserialize, Serialize};

use super::Error;
use super::reference::check_digest;
use crate::storage::store::{ImageRecord, Store};

/// An image config: the OCI model, with Docker's extra `config` fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageConfig {
    /// Everything the OCI image spec defines.
    pub oci: ImageConfiguration,
    /// Docker's fields of the `config` object that OCI lacks.
    pub docker: DockerConfig,
}

/// The fields of Docker's image `config` (moby's `container.Config`) that
/// oci-spec's [`Config`] does not carry and that images use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DockerConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<Healthcheck>,
    /// `ONBUILD` instructions, run by builds that start from the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_build: Option<Vec<String>>,
    /// `SHELL`: the command that runs the shell form of instructions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shell: Option<Vec<String>>,
    /// Seconds to wait after the stop signal before killing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_timeout: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub args_escaped: Option<bool>,
}

/// Docker's `HEALTHCHECK` (moby's `HealthConfig`; durations in nanoseconds).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Healthcheck {
    /// `["NONE"]`, `["CMD", args…]` or `["CMD-SHELL", command]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_period: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_interval: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i64>,
}

/// Why a config cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Malformed(#[from] serde_json::Error),
    #[error("diff ID {index} has the invalid digest {digest:?} ({why})")]
    BadDiffId {
        index: usize,
        digest: String,
        why: super::reference::BadDigest,
    },
}

/// The document as it is on the wire: the `config` object read once, into
/// both the OCI fields and Docker's (the OCI part sees no `config` key).
#[derive(Deserialize, Serialize)]
struct Wire {
    #[serde(flatten)]
    image: ImageConfiguration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    config: Option<WireConfig>,
}

#[derive(Deserialize, Serialize)]
struct WireConfig {
    #[serde(flatten)]
    oci: Config,
    #[serde(flatten)]
    docker: DockerConfig,
}

impl ImageConfig {
    /// Parses a config and checks its diff IDs, which name layers in the store.
    pub fn parse(bytes: &[u8]) -> Result<ImageConfig, ConfigError> {
        let Wire { mut image, config } = serde_json::from_slice(bytes)?;
        for (i, digest) in image.rootfs().diff_ids().iter().enumerate() {
            check_digest(digest).map_err(|why| ConfigError::BadDiffId {
                index: i + 1,
                digest: digest.clone(),
                why,
            })?;
        }
        let (oci, docker) =
            config.map_or((None, DockerConfig::default()), |c| (Some(c.oci), c.docker));
        image.set_config(oci);
        Ok(ImageConfig { oci: image, docker })
    }

    /// The config of the stored image `image`.
    pub fn read(store: &Store, image: &ImageRecord) -> Result<ImageConfig, Error> {
        let bytes = store.image_file(&image.id, "config.json")?;
        ImageConfig::parse(&bytes).map_err(|source| Error::BadConfig {
            image: image.names.first().unwrap_or(&image.id).clone(),
            source,
        })
    }

    /// The JSON document, its keys sorted so the same config always gives
    /// the same bytes (and so the same image ID).
    pub fn to_json(&self) -> Vec<u8> {
        let mut image = self.oci.clone();
        let config = image.config().clone().map(|oci| WireConfig {
            oci,
            docker: self.docker.clone(),
        });
        image.set_config(None);
        let value =
            serde_json::to_value(Wire { image, config }).expect("an image config serialises");
        serde_json::to_vec(&value).expect("a JSON value serialises")
    }

    /// The container defaults (`Env`, `Cmd`, …); empty when the image has none.
    pub fn defaults(&self) -> Config {
        self.oci.config().clone().unwrap_or_default()
    }

    /// The history, oldest step first; empty when the image has none.
    pub fn history(&self) -> &[History] {
        self.oci.history().as_deref().unwrap_or_default()
    }

    /// The value `config` shows in `image inspect`: the OCI fields with
    /// Docker's beside them, as the config gives them.
    pub fn inspect_config(&self) -> serde_json::Value {
        match self.oci.config() {
            Some(oci) => serde_json::to_value(WireConfig {
                oci: oci.clone(),
                docker: self.docker.clone(),
            })
            .expect("an image config serialises"),
            None => serde_json::Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCKER_CONFIG: &str = r#"{
        "architecture": "amd64", "os": "linux", "created": "2024-01-02T03:04:05Z",
        "docker_version": "24.0.7",
        "config": {
            "Hostname": "", "Env": ["PATH=/bin"], "Cmd": ["sh"], "Volumes": null,
            "ExposedPorts": {"80/tcp": {}},
            "Healthcheck": {"Test": ["CMD-SHELL", "true"], "Interval": 30000000000, "Retries": 3},
            "OnBuild": ["RUN echo child"], "Shell": ["/bin/ash", "-c"], "StopTimeout": 7,
            "Labels": {"a": "1"}
        },
        "rootfs": {"type": "layers", "diff_ids": ["sha256:0000000000000000000000000000000000000000000000000000000000000000"]},
        "history": [{"created_by": "ADD rootfs"}]
    }"#;

    #[test]
    fn docker_fields_survive_a_parse_and_write() {
        let config = ImageConfig::parse(DOCKER_CONFIG.as_bytes()).unwrap();
        let healthcheck = config.docker.healthcheck.as_ref().unwrap();
        assert_eq!(healthcheck.test.as_deref().unwrap(), ["CMD-SHELL", "true"]);
        assert_eq!(healthcheck.interval, Some(30_000_000_000));
        assert_eq!(
            config.docker.on_build.as_deref().unwrap(),
            ["RUN echo child"]
        );
        assert_eq!(config.docker.shell.as_deref().unwrap(), ["/bin/ash", "-c"]);
        assert_eq!(config.docker.stop_timeout, Some(7));
        let defaults = config.defaults();
        assert_eq!(defaults.cmd().as_deref().unwrap(), ["sh"]);
        assert_eq!(defaults.exposed_ports().as_deref().unwrap(), ["80/tcp"]);
        assert_eq!(
            config.history()[0].created_by().as_deref(),
            Some("ADD rootfs")
        );

        let written = config.to_json();
        assert_eq!(ImageConfig::parse(&written).unwrap().to_json(), written);
        let value: serde_json::Value = serde_json::from_slice(&written).unwrap();
        assert_eq!(value["config"]["Healthcheck"]["Retries"], 3);
        assert_eq!(value["config"]["OnBuild"][0], "RUN echo child");
        assert_eq!(value["config"]["Env"][0], "PATH=/bin");
        assert_eq!(
            written,
            config.clone().to_json(),
            "the same bytes every time"
        );
    }

    #[test]
    fn wrong_types_and_bad_diff_ids_are_refused_with_the_reason() {
        let refused = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut value: serde_json::Value = serde_json::from_str(DOCKER_CONFIG).unwrap();
            edit(&mut value);
            ImageConfig::parse(&serde_json::to_vec(&value).unwrap())
                .unwrap_err()
                .to_string()
        };
        let message = refused(&|v| v["config"]["Env"] = "PATH=/bin".into());
        assert!(
            message.contains("invalid type: string \"PATH=/bin\", expected a sequence"),
            "{message}"
        );
        let message = refused(&|v| v["config"]["Healthcheck"]["Retries"] = "three".into());
        assert!(
            message.contains("invalid type: string \"three\""),
            "{message}"
        );
        let message = refused(&|v| v["config"]["OnBuild"] = 1.into());
        assert!(message.contains("invalid type: integer `1`"), "{message}");
        let message = refused(&|v| v["rootfs"]["diff_ids"] = serde_json::json!(["sha256:../x"]));
        assert!(
            message.starts_with("diff ID 1 has the invalid digest \"sha256:../x\""),
            "{message}"
        );
        let message = refused(&|v| v["rootfs"] = serde_json::Value::Null);
        assert!(message.contains("invalid type: null"), "{message}");
        assert!(ImageConfig::parse(b"[]").is_err());
    }
}
