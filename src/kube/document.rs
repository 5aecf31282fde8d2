//! Reading a Kubernetes YAML file: every document typed as the Kubernetes
//! object its `kind` names (k8s-openapi's types), fields and kinds rcon does
//! not know named in warnings, and any error located by file and line.
//!
//! Two passes over the text: the first reads each document's `kind` (and
//! finds any syntax error, with its line), the second deserializes each
//! document as that kind's type, through `serde_ignored` so that every key
//! the type has no field for is reported rather than dropped.

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{ConfigMap, PersistentVolumeClaim, Pod, Secret};
use serde::Deserialize;

use super::Error;

/// One Kubernetes object rcon plays.
#[derive(Debug, Clone)]
pub enum Object {
    Pod(Box<Pod>),
    Deployment(Box<Deployment>),
    ConfigMap(Box<ConfigMap>),
    Secret(Box<Secret>),
    Claim(Box<PersistentVolumeClaim>),
}

/// A file's objects, in the file's order, and what was left out of them.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    pub objects: Vec<Object>,
    /// One line each: a kind not played, a field not known.
    pub warnings: Vec<String>,
}

impl Manifest {
    pub fn config_map(&self, name: &str) -> Option<&ConfigMap> {
        self.objects.iter().find_map(|object| match object {
            Object::ConfigMap(map) if map.metadata.name.as_deref() == Some(name) => Some(&**map),
            _ => None,
        })
    }

    pub fn secret(&self, name: &str) -> Option<&Secret> {
        self.objects.iter().find_map(|object| match object {
            Object::Secret(secret) if secret.metadata.name.as_deref() == Some(name) => {
                Some(&**secret)
            }
            _ => None,
        })
    }
}

/// What the first pass reads of a document.
#[derive(Deserialize)]
struct Header {
    kind: Option<String>,
}

/// Reads every document of `text`; `file` names it in errors and warnings
/// (`-` for standard input).
pub fn read(text: &str, file: &str) -> Result<Manifest, Error> {
    let located = |e: serde_norway::Error| Error::Yaml {
        file: file.to_string(),
        message: one_line(&e),
    };
    let mut kinds = Vec::new();
    for document in serde_norway::Deserializer::from_str(text) {
        let header = Option::<Header>::deserialize(document).map_err(located)?;
        kinds.push(header.map(|h| h.kind));
    }
    let mut manifest = Manifest::default();
    for (index, (document, kind)) in serde_norway::Deserializer::from_str(text)
        .zip(kinds)
        .enumerate()
    {
        let Some(kind) = kind else {
            continue; // an empty document
        };
        let mut unknown = Vec::new();
        let object = typed(kind.as_deref(), document, &mut unknown).map_err(located)?;
        let document_name = format!("{file}: document {}", index + 1);
        match object {
            Some(object) => {
                let what = describe(&object);
                manifest.warnings.extend(unknown.iter().map(|path| {
                    format!("{document_name} ({what}): unknown field {path:?} ignored")
                }));
                manifest.objects.push(object);
            }
            None => manifest.warnings.push(match kind {
                Some(kind) => format!(
                    "{document_name}: kind {kind:?} is not supported (rcon plays Pod, Deployment, ConfigMap, Secret and PersistentVolumeClaim): ignored"
                ),
                None => format!("{document_name}: no kind given: ignored"),
            }),
        }
    }
    if manifest.objects.is_empty() {
        return Err(Error::NothingToPlay(file.to_string()));
    }
    Ok(manifest)
}

/// A document as the type its kind names (`None`: a kind rcon does not
/// play); the paths of the keys the type has no field for go to `unknown`.
fn typed(
    kind: Option<&str>,
    document: serde_norway::Deserializer,
    unknown: &mut Vec<String>,
) -> Result<Option<Object>, serde_norway::Error> {
    let note = |path: serde_ignored::Path| unknown.push(dotted(&path));
    Ok(Some(match kind {
        Some("Pod") => Object::Pod(serde_ignored::deserialize(document, note)?),
        Some("Deployment") => Object::Deployment(serde_ignored::deserialize(document, note)?),
        Some("ConfigMap") => Object::ConfigMap(serde_ignored::deserialize(document, note)?),
        Some("Secret") => Object::Secret(serde_ignored::deserialize(document, note)?),
        Some("PersistentVolumeClaim") => Object::Claim(serde_ignored::deserialize(document, note)?),
        _ => return Ok(None),
    }))
}

/// `spec.containers.0.colour`: a key's path as the YAML spells it
/// (serde_ignored's own display marks each optional field with `?`).
fn dotted(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    let (parent, own) = match path {
        Path::Root => return String::new(),
        Path::Seq { parent, index } => (*parent, index.to_string()),
        Path::Map { parent, key } => (*parent, key.clone()),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => {
            return dotted(parent);
        }
    };
    match dotted(parent) {
        prefix if prefix.is_empty() => own,
        prefix => format!("{prefix}.{own}"),
    }
}

/// `Pod "web"`: an object as warnings name it.
fn describe(object: &Object) -> String {
    let (kind, name) = match object {
        Object::Pod(o) => ("Pod", &o.metadata.name),
        Object::Deployment(o) => ("Deployment", &o.metadata.name),
        Object::ConfigMap(o) => ("ConfigMap", &o.metadata.name),
        Object::Secret(o) => ("Secret", &o.metadata.name),
        Object::Claim(o) => ("PersistentVolumeClaim", &o.metadata.name),
    };
    format!("{kind} {:?}", name.as_deref().unwrap_or_default())
}

/// The parser's message on one line (it gives "at line L column C").
fn one_line(e: &serde_norway::Error) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_typed_by_kind_and_unknowns_are_named() {
        let text = "\
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  MODE: fast
---
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: busybox
    colour: blue
---
apiVersion: v1
kind: Service
metadata:
  name: front
";
        let manifest = read(text, "app.yaml").unwrap();
        assert_eq!(manifest.objects.len(), 2);
        assert!(
            matches!(&manifest.objects[1], Object::Pod(pod) if pod.metadata.name.as_deref() == Some("web"))
        );
        assert_eq!(
            manifest
                .config_map("settings")
                .unwrap()
                .data
                .as_ref()
                .unwrap()["MODE"],
            "fast"
        );
        assert_eq!(manifest.warnings.len(), 2, "{:?}", manifest.warnings);
        assert!(
            manifest.warnings[0].contains("Pod \"web\"")
                && manifest.warnings[0].contains("spec.containers.0.colour"),
            "{}",
            manifest.warnings[0]
        );
        assert!(
            manifest.warnings[1].contains("document 4")
                && manifest.warnings[1].contains("kind \"Service\""),
            "{}",
            manifest.warnings[1]
        );
    }

    #[test]
    fn bad_yaml_names_file_and_line() {
        let syntax = read(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n",
            "bad.yaml",
        )
        .unwrap_err()
        .to_string();
        assert!(
            syntax.starts_with("bad.yaml: ") && syntax.contains("line 5"),
            "{syntax}"
        );
        assert!(!syntax.contains('\n'));
        let typed = read(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: many\n",
            "d.yaml",
        )
        .unwrap_err()
        .to_string();
        assert!(
            typed.contains("d.yaml") && typed.contains("line 6"),
            "{typed}"
        );
        let nothing = read("apiVersion: v1\nkind: Service\n", "s.yaml")
            .unwrap_err()
            .to_string();
        assert!(nothing.contains("no object rcon plays"), "{nothing}");
    }
}
