//! A new image from a stored one plus one layer (`rcon commit`): the layer
//! stored like a pulled one (its gzip blob kept for push and save), a new
//! config with the container's settings, `--change` instructions and a
//! history entry, an OCI manifest naming the base image's blobs and the new
//! one, all written through the store's crash-safe paths.

use std::fs::File;
use std::path::Path;

use oci_spec::image::{Config, History};

use super::blobs::{self, Blob, OCI_CONFIG_MEDIA_TYPE, image_blobs};
use super::config::ImageConfig;
use super::layer::{self, BlobDigest, LayerSlot, sha256_digest};
use super::{Error, Reference};
use crate::storage::extract::{ExtractOptions, Ownership};
use crate::storage::store::{self, ImageRecord, Store};
use crate::util::fs::io_err;
use crate::util::time::now_rfc3339;

/// The media type of the layers `commit` writes.
pub const GZIP_LAYER: &str = "application/vnd.oci.image.layer.v1.tar+gzip";

/// What `--change` accepts (Dockerfile instructions).
const CHANGES: &str = "CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER or WORKDIR";

/// The container's settings that become the image's defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub env: Vec<String>,
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub working_dir: String,
    pub user: String,
    pub labels: Vec<(String, String)>,
}

/// Everything a commit is made of.
#[derive(Debug, Clone)]
pub struct CommitRequest<'a> {
    pub base: &'a ImageRecord,
    /// The new layer: a gzip-compressed tar, and the digest of the tar.
    pub layer: &'a Path,
    pub diff_id: String,
    pub settings: Settings,
    /// `--change` instructions, checked with [`check_changes`].
    pub changes: &'a [String],
    pub author: Option<String>,
    pub message: Option<String>,
    /// The history's "created by": the container's command.
    pub created_by: String,
    /// `IMAGE[:TAG]`, or none for an image known by its ID only.
    pub name: Option<String>,
    /// Owners squashed to the user (a single-ID user namespace).
    pub squash_owners: bool,
}

/// A `--change` that cannot be applied.
#[derive(Debug, thiserror::Error)]
#[error("invalid --change {change:?}: {reason}")]
pub struct BadChange {
    change: String,
    reason: String,
}

/// Checks every `--change` before anything is written.
pub fn check_changes(changes: &[String]) -> Result<(), BadChange> {
    let mut scratch = Config::default();
    changes
        .iter()
        .try_for_each(|change| apply_change(&mut scratch, change))
}

/// Stores the layer and the new image; returns its record.
pub fn commit(store: &Store, request: &CommitRequest) -> Result<ImageRecord, Error> {
    let names = match &request.name {
        Some(name) => vec![Reference::parse(name)?.normalized_for_tag()?.to_string()],
        None => Vec::new(),
    };
    let config = new_config(store, request)?;
    let layer = NewLayer {
        path: request.layer,
        diff_id: request.diff_id.clone(),
    };
    put_derived(
        store,
        request.base,
        Some(&layer),
        request.squash_owners,
        config,
        names,
    )
}

/// A layer to add: a gzip-compressed tar, and the digest of the tar.
#[derive(Debug, Clone)]
pub struct NewLayer<'a> {
    pub path: &'a Path,
    pub diff_id: String,
}

/// Stores `layer` (when there is one: a step that only changes the config
/// adds none) and a new image of `base`'s layers plus it, with `config`
/// (its `rootfs` set here) and the fully qualified `names`; returns its
/// record.
pub fn put_derived(
    store: &Store,
    base: &ImageRecord,
    layer: Option<&NewLayer>,
    squash_owners: bool,
    config: ImageConfig,
    names: Vec<String>,
) -> Result<ImageRecord, Error> {
    // A base without layers (a build's FROM scratch) may not be stored.
    let blobs = if base.layers.is_empty() {
        Vec::new()
    } else {
        image_blobs(store, base, true)?.layers
    };
    let stack = Stack {
        blobs,
        diff_ids: base.layers.clone(),
        size: base.size,
        architecture: base.architecture.clone(),
        os: base.os.clone(),
    };
    put_stack(store, stack, layer, squash_owners, config, names)
}

/// Stores `layer` and a new image of it alone (`rcon import`), for this
/// host's platform.
pub fn put_imported(
    store: &Store,
    layer: &NewLayer,
    squash_owners: bool,
    config: ImageConfig,
    names: Vec<String>,
) -> Result<ImageRecord, Error> {
    let platform = super::pull::Platform::host();
    let stack = Stack {
        blobs: Vec::new(),
        diff_ids: Vec::new(),
        size: 0,
        architecture: platform.architecture,
        os: platform.os,
    };
    put_stack(store, stack, Some(layer), squash_owners, config, names)
}

/// The layers a new image starts from, and its platform.
struct Stack {
    blobs: Vec<Blob>,
    diff_ids: Vec<String>,
    size: u64,
    architecture: String,
    os: String,
}

fn put_stack(
    store: &Store,
    stack: Stack,
    layer: Option<&NewLayer>,
    squash_owners: bool,
    mut config: ImageConfig,
    names: Vec<String>,
) -> Result<ImageRecord, Error> {
    let Stack {
        blobs: mut layers,
        mut diff_ids,
        mut size,
        architecture,
        os,
    } = stack;
    if let Some(layer) = layer {
        let record = store_layer(store, layer, squash_owners)?;
        let layer_path = store.layer_blob(&layer.diff_id);
        let blob_size = std::fs::metadata(&layer_path)
            .map_err(io_err("reading", &layer_path))?
            .len();
        size += record.size;
        layers.push(blobs::layer_blob(record, layer_path, blob_size));
        diff_ids.push(layer.diff_id.clone());
    }
    config.oci.rootfs_mut().set_diff_ids(diff_ids.clone());
    let now = now_rfc3339();
    // The image's time is its config's (a build's --timestamp sets it).
    let created = config.oci.created().clone().unwrap_or_else(|| now.clone());
    let config = config.to_json();
    let config_blob = Blob {
        path: Default::default(),
        digest: sha256_digest(&config),
        media_type: OCI_CONFIG_MEDIA_TYPE.into(),
        size: config.len() as u64,
    };
    let manifest = blobs::oci_manifest(&config_blob, &layers)?;
    let image = ImageRecord {
        id: store::hex_of(&config_blob.digest).to_string(),
        digest: sha256_digest(&manifest),
        manifest_media_type: oci_client::manifest::OCI_IMAGE_MEDIA_TYPE.into(),
        names,
        repo_digests: Vec::new(),
        layers: diff_ids,
        created: Some(created),
        stored: now,
        architecture,
        os,
        size,
        names_history: Vec::new(),
    };
    let lock = store.lock()?;
    Ok(store.put_image(&lock, &image, &manifest, &config)?)
}

/// Stores the new layer (unless a layer with its diff ID is there already).
fn store_layer(
    store: &Store,
    layer: &NewLayer,
    squash_owners: bool,
) -> Result<store::LayerRecord, Error> {
    let _guard = match layer::claim(store, &layer.diff_id)? {
        LayerSlot::Stored(record) => return Ok(record),
        LayerSlot::Free(guard) => guard,
    };
    let blob = File::open(layer.path).map_err(io_err("reading", layer.path))?;
    let options = ExtractOptions {
        ownership: if squash_owners {
            Ownership::Squash
        } else {
            Ownership::Keep
        },
    };
    layer::store_layer(
        store,
        blob,
        GZIP_LAYER,
        BlobDigest::Unknown,
        &layer.diff_id,
        &options,
        None,
    )
    .map_err(Error::CommitLayer)
}

/// The base image's config with the container's settings, the changes and
/// a history entry.
fn new_config(store: &Store, request: &CommitRequest) -> Result<ImageConfig, Error> {
    let base = request.base;
    let mut image = ImageConfig::read(store, base)?;
    let now = now_rfc3339();
    let settings = &request.settings;
    let mut config = image.defaults();
    config.set_env(Some(settings.env.clone()));
    config.set_entrypoint(non_empty(&settings.entrypoint));
    config.set_cmd(non_empty(&settings.cmd));
    config.set_working_dir(Some(settings.working_dir.clone()));
    config.set_user(Some(settings.user.clone()));
    let labels = config.labels_mut().get_or_insert_default();
    for (key, value) in &settings.labels {
        labels.insert(key.clone(), value.clone());
    }
    for change in request.changes {
        apply_change(&mut config, change)?;
    }

    let oci = &mut image.oci;
    oci.set_created(Some(now.clone()));
    if let Some(author) = &request.author {
        oci.set_author(Some(author.clone()));
    }
    oci.set_config(Some(config));
    let history = oci.history_mut().get_or_insert_default();
    if history.is_empty() {
        // One anonymous step per base layer, so the new step names the new layer.
        history.resize(base.layers.len(), History::default());
    }
    let mut step = History::default();
    step.set_created(Some(now))
        .set_created_by(Some(request.created_by.clone()))
        .set_author(request.author.clone())
        .set_comment(request.message.clone());
    history.push(step);
    Ok(image)
}

fn non_empty(list: &[String]) -> Option<Vec<String>> {
    (!list.is_empty()).then(|| list.to_vec())
}

/// Applies one Dockerfile instruction (`CMD ["sh"]`, `ENV A=1`, or
/// `INSTRUCTION=VALUE` as Podman also takes) to an image's `config`.
pub(super) fn apply_change(config: &mut Config, change: &str) -> Result<(), BadChange> {
    let bad = |reason: &str| BadChange {
        change: change.to_string(),
        reason: reason.to_string(),
    };
    let text = change.trim();
    let split = text
        .find(|c: char| c.is_whitespace() || c == '=')
        .unwrap_or(text.len());
    let (instruction, rest) = text.split_at(split);
    let value = rest.get(1..).unwrap_or("").trim();
    let instruction = instruction.to_ascii_uppercase();
    if value.is_empty() {
        return Err(bad(&format!("{instruction} needs a value")));
    }
    match instruction.as_str() {
        "CMD" => {
            config.set_cmd(Some(command(value)));
        }
        "ENTRYPOINT" => {
            config.set_entrypoint(Some(command(value)));
        }
        "WORKDIR" => {
            config.set_working_dir(Some(value.to_string()));
        }
        "USER" => {
            config.set_user(Some(value.to_string()));
        }
        "STOPSIGNAL" => {
            config.set_stop_signal(Some(value.to_string()));
        }
        "ENV" => {
            let pairs = key_values(value).ok_or_else(|| bad("ENV takes KEY=VALUE or KEY VALUE"))?;
            let mut list = config.env().clone().unwrap_or_default();
            for (key, val) in pairs {
                list.retain(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) != key);
                list.push(format!("{key}={val}"));
            }
            config.set_env(Some(list));
        }
        "LABEL" => {
            let pairs = key_values(value).ok_or_else(|| bad("LABEL takes KEY=VALUE"))?;
            config.labels_mut().get_or_insert_default().extend(pairs);
        }
        "EXPOSE" => {
            let mut ports = config.exposed_ports().clone().unwrap_or_default();
            for port in value.split_whitespace() {
                let (number, protocol) = port.split_once('/').unwrap_or((port, "tcp"));
                if number.parse::<u16>().is_err() || !matches!(protocol, "tcp" | "udp" | "sctp") {
                    return Err(bad(&format!(
                        "{port:?} is not a port: give NUMBER[/tcp|udp|sctp]"
                    )));
                }
                let port = format!("{number}/{protocol}");
                if !ports.contains(&port) {
                    ports.push(port);
                }
            }
            config.set_exposed_ports(Some(ports));
        }
        other => return Err(bad(&format!("{other} is not supported; use {CHANGES}"))),
    }
    Ok(())
}

/// A command in exec form (a JSON array) or shell form (run by `/bin/sh -c`).
fn command(value: &str) -> Vec<String> {
    serde_json::from_str::<Vec<String>>(value)
        .unwrap_or_else(|_| vec!["/bin/sh".into(), "-c".into(), value.into()])
}

/// `K=V K2="V 2"` pairs, or the legacy `KEY VALUE` (one pair, the rest of
/// the line as its value).
fn key_values(value: &str) -> Option<Vec<(String, String)>> {
    let first = value.split_whitespace().next()?;
    if !first.contains('=') {
        let rest = value[first.len()..].trim();
        return (!rest.is_empty()).then(|| vec![(first.to_string(), rest.to_string())]);
    }
    let mut pairs = Vec::new();
    let mut chars = value.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return Some(pairs);
        }
        let key: String = std::iter::from_fn(|| chars.next_if(|&c| c != '=')).collect();
        chars.next()?; // '='
        let mut val = String::new();
        let mut quote = None;
        while let Some(c) = chars.next_if(|&c| quote.is_some() || !c.is_whitespace()) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                _ => val.push(c),
            }
        }
        if key.is_empty() || key.contains(char::is_whitespace) || quote.is_some() {
            return None;
        }
        pairs.push((key, val));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(changes: &[&str]) -> Result<Config, BadChange> {
        let mut config = Config::default();
        for change in changes {
            apply_change(&mut config, change)?;
        }
        Ok(config)
    }

    fn strings(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn dockerfile_instructions_change_the_config() {
        let config = applied(&[
            r#"CMD ["cat", "/etc/x"]"#,
            "ENTRYPOINT echo hi",
            "ENV A=1 B=\"two words\"",
            "ENV A 3 and more",
            "LABEL org.example=yes",
            "EXPOSE 80 53/udp",
            "EXPOSE 80/tcp",
            "WORKDIR=/srv",
            "user nobody",
            "STOPSIGNAL SIGINT",
        ])
        .unwrap();
        assert_eq!(*config.cmd(), strings(&["cat", "/etc/x"]));
        assert_eq!(*config.entrypoint(), strings(&["/bin/sh", "-c", "echo hi"]));
        assert_eq!(*config.env(), strings(&["B=two words", "A=3 and more"]));
        assert_eq!(
            *config.labels(),
            Some([("org.example".to_string(), "yes".to_string())].into())
        );
        assert_eq!(*config.exposed_ports(), strings(&["80/tcp", "53/udp"]));
        assert_eq!(config.working_dir().as_deref(), Some("/srv"));
        assert_eq!(config.user().as_deref(), Some("nobody"));
        assert_eq!(config.stop_signal().as_deref(), Some("SIGINT"));
    }

    #[test]
    fn bad_changes_say_what_is_wrong() {
        let message = |change: &str| applied(&[change]).unwrap_err().to_string();
        assert!(message("VOLUME /data").contains("VOLUME is not supported; use CMD"));
        assert!(message("CMD").contains("CMD needs a value"));
        assert!(message("EXPOSE http").contains("is not a port"));
        assert!(message("LABEL a=\"open").contains("LABEL takes KEY=VALUE"));
        assert!(check_changes(&["ENV A=1".into(), "NOPE x".into()]).is_err());
    }
}
