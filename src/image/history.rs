//! `rcon image history`: the steps that built an image, from its config's
//! `history`, newest first, each non-empty step with the size of its layer.

use oci_spec::image::History;
use serde::Serialize;

use super::Error;
use super::config::ImageConfig;
use crate::storage::store::{ImageRecord, Store};

/// One step, in Podman's JSON field names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The image ID for the newest step, `<missing>` for the others (as Podman).
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(rename = "CreatedBy", skip_serializing_if = "String::is_empty")]
    pub created_by: String,
    /// Bytes of the layer this step added (0 for steps that added none).
    pub size: u64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// The steps of `image`, newest first.
pub fn history(store: &Store, image: &ImageRecord) -> Result<Vec<Step>, Error> {
    let config = ImageConfig::read(store, image)?;
    let sizes: Vec<u64> = image
        .layers
        .iter()
        .map(|l| store.layer(l).map_or(0, |r| r.size))
        .collect();
    Ok(steps(image, config.history().to_vec(), &sizes))
}

fn steps(image: &ImageRecord, history: Vec<History>, sizes: &[u64]) -> Vec<Step> {
    // Without history, one anonymous step per layer.
    let history = if history.is_empty() {
        vec![History::default(); sizes.len()]
    } else {
        history
    };
    let mut layer_sizes = sizes.iter();
    let mut steps: Vec<Step> = history
        .into_iter()
        .map(|entry| Step {
            id: "<missing>".into(),
            size: if entry.empty_layer().unwrap_or(false) {
                0
            } else {
                layer_sizes.next().copied().unwrap_or(0)
            },
            created: entry.created().clone(),
            created_by: entry.created_by().clone().unwrap_or_default(),
            comment: entry.comment().clone().unwrap_or_default(),
            tags: Vec::new(),
        })
        .collect();
    steps.reverse();
    if let Some(newest) = steps.first_mut() {
        newest.id = image.id.clone();
        newest.tags = image.names.clone();
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_steps_take_no_layer_and_the_newest_carries_the_id() {
        let image = ImageRecord {
            id: "ab".repeat(32),
            digest: String::new(),
            manifest_media_type: String::new(),
            names: vec!["localhost/x:latest".into()],
            repo_digests: vec![],
            layers: vec!["sha256:1".into(), "sha256:2".into()],
            created: None,
            stored: String::new(),
            architecture: String::new(),
            os: String::new(),
            size: 0,
            names_history: Vec::new(),
        };
        let history: Vec<History> = serde_json::from_str(
            r#"[{"created_by":"ADD rootfs"},{"created_by":"ENV A=1","empty_layer":true},{"created_by":"RUN make","comment":"c"}]"#,
        )
        .unwrap();
        let steps = steps(&image, history, &[100, 7]);
        let summary: Vec<(&str, &str, u64)> = steps
            .iter()
            .map(|s| (s.id.as_str(), s.created_by.as_str(), s.size))
            .collect();
        assert_eq!(
            summary,
            [
                (image.id.as_str(), "RUN make", 7),
                ("<missing>", "ENV A=1", 0),
                ("<missing>", "ADD rootfs", 100)
            ]
        );
        assert_eq!(steps[0].tags, image.names);
        let none = super::steps(&image, Vec::new(), &[1, 2]);
        assert_eq!(none.len(), 2);
        assert_eq!(none[0].size, 2);
    }
}
