//! Images already in the store: finding them by the names people type,
//! naming, removing, pruning and describing them.

use crate::events::{Event, Status as EventStatus};
use std::collections::HashSet;

use serde_json::{Value, json};

use super::Error;
use super::config::ImageConfig;
use super::reference::Reference;
use crate::storage::flatten;
use crate::storage::store::{ImageRecord, Store, StoreLock};

/// `repo:tag` split at the tag (a `:` after the last `/`).
pub fn split_tag(name: &str) -> (String, String) {
    match name.rfind(':') {
        Some(colon) if !name[colon..].contains('/') => {
            (name[..colon].to_string(), name[colon + 1..].to_string())
        }
        _ => (name.to_string(), "<none>".to_string()),
    }
}

/// True when `input` names `image`: a full name, a short name matching the
/// end of one of its names at a `/` boundary (`busybox` matches
/// `docker.io/library/busybox:latest`), a digest it was pulled by
/// (`repo@sha256:…`, a tag before the `@` aside), or a prefix of its ID.
pub fn matches_name(image: &ImageRecord, input: &str) -> bool {
    let id = input.strip_prefix("sha256:").unwrap_or(input);
    if id.len() >= 3 && id.bytes().all(|b| b.is_ascii_hexdigit()) && image.id.starts_with(id) {
        return true;
    }
    matching_name(image, input).is_some() || matching_digest(image, input).is_some()
}

/// `input` as a digest reference (`repo@sha256:…`, without a tag), when it
/// is one of the digests `image` was pulled by.
fn matching_digest(image: &ImageRecord, input: &str) -> Option<String> {
    let reference = Reference::parse(input).ok()?;
    let digested = format!("{}@{}", reference.name(), reference.digest()?);
    image
        .repo_digests
        .iter()
        .find(|d| **d == digested || d.ends_with(&format!("/{digested}")))
        .cloned()
}

/// True when `image` passes `rcon images FILTER` (Podman's reference
/// filter): `filter`, a glob as Go's `path.Match` reads it (`*`, `?`,
/// `[...]`, none of them crossing a `/`), matches one of its names whole,
/// with or without the registry, with or without the tag, or its last
/// component alone (`busybox` lists every tag of `…/library/busybox`); or
/// `filter` is a prefix of its ID.
pub fn matches_filter(image: &ImageRecord, filter: &str) -> bool {
    let id = filter.strip_prefix("sha256:").unwrap_or(filter);
    if id.len() >= 3 && id.bytes().all(|b| b.is_ascii_hexdigit()) && image.id.starts_with(id) {
        return true;
    }
    let Some(pattern) = glob_regex(filter) else {
        return false;
    };
    image.names.iter().any(|name| {
        let (repository, tag) = split_tag(name);
        let tag = if tag == "<none>" {
            String::new()
        } else {
            format!(":{tag}")
        };
        let path = match repository.split_once('/') {
            Some((first, rest)) if first.contains(['.', ':']) || first == "localhost" => {
                rest.to_string()
            }
            _ => repository.clone(),
        };
        let last = repository
            .rsplit('/')
            .next()
            .unwrap_or(&repository)
            .to_string();
        [
            name.clone(),
            repository.clone(),
            format!("{path}{tag}"),
            path,
            format!("{last}{tag}"),
            last,
        ]
        .iter()
        .any(|candidate| pattern.is_match(candidate))
    })
}

/// The anchored regex for a `path.Match` glob; `None` when it is malformed
/// (an unclosed `[`), which, as in Podman, matches nothing.
fn glob_regex(glob: &str) -> Option<regex::Regex> {
    let mut out = String::from("^");
    let mut chars = glob.chars();
    while let Some(c) = chars.next() {
        match c {
            '*' => out.push_str("[^/]*"),
            '?' => out.push_str("[^/]"),
            '\\' => out.push_str(&regex::escape(&chars.next()?.to_string())),
            '[' => {
                out.push('[');
                let mut first = true;
                loop {
                    match chars.next()? {
                        ']' if !first => break,
                        '^' if first => out.push('^'),
                        '\\' => out.push_str(&regex::escape(&chars.next()?.to_string())),
                        '[' => out.push_str("\\["),
                        c => out.push(c),
                    }
                    first = false;
                }
                out.push(']');
            }
            c => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    out.push('$');
    regex::Regex::new(&out).ok()
}

/// The name of `image` that `input` (a full or short name) stands for.
pub fn matching_name<'a>(image: &'a ImageRecord, input: &str) -> Option<&'a String> {
    let wanted = with_default_tag(input);
    image
        .names
        .iter()
        .find(|name| **name == wanted || name.ends_with(&format!("/{wanted}")))
}

fn with_default_tag(input: &str) -> String {
    let (_, tag) = split_tag(input);
    if tag == "<none>" && !input.contains('@') {
        format!("{input}:latest")
    } else {
        input.to_string()
    }
}

/// Podman's intermediate images: without a name, and the parent of
/// another image — one with one more layer on the same ones, or one with
/// the same layers stored later (a build step that changed only the
/// config; stored, not created: a `--timestamp` build gives every step the
/// same creation time). `images` hides them unless `-a`.
pub fn intermediate(images: &[ImageRecord]) -> HashSet<String> {
    use std::collections::HashMap;
    // Per layer list: the images that have it, and the latest made.
    let mut parents: HashSet<&[String]> = HashSet::new();
    let mut latest: HashMap<&[String], &str> = HashMap::new();
    for image in images {
        if let Some((_, below)) = image.layers.split_last() {
            parents.insert(below);
        }
        let stored = image.stored.as_str();
        let newest = latest.entry(&image.layers).or_insert(stored);
        if stored > *newest {
            *newest = stored;
        }
    }
    images
        .iter()
        .filter(|image| image.names.is_empty())
        .filter(|image| {
            parents.contains(image.layers.as_slice())
                || latest
                    .get(image.layers.as_slice())
                    .is_some_and(|newest| *newest > image.stored.as_str())
        })
        .map(|image| image.id.clone())
        .collect()
}

/// The one stored image `input` names.
pub fn lookup(store: &Store, input: &str) -> Result<ImageRecord, Error> {
    if let Ok(reference) = Reference::parse(input) {
        if let Ok(image) = store.find_image(&reference.to_string()) {
            return Ok(image);
        }
    }
    let images = store.images()?;
    let matching: Vec<&ImageRecord> = images.iter().filter(|i| matches_name(i, input)).collect();
    match matching.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::NotFound {
            name: input.to_string(),
            tried: Vec::new(),
        }),
        _ => Err(Error::Ambiguous {
            name: input.to_string(),
        }),
    }
}

/// Adds the name `target` to the image `source` names.
pub fn tag(store: &Store, source: &str, target: &str) -> Result<(), Error> {
    let mut image = lookup(store, source)?;
    let name = Reference::parse(target)?.normalized_for_tag()?.to_string();
    let lock = store.lock()?;
    if !image.names.contains(&name) {
        // The newest name first, as Podman keeps them.
        image.names.insert(0, name);
    }
    store.put_image(&lock, &image, &[], &[])?;
    Event::image(EventStatus::Tag, &image.id, target).record();
    Ok(())
}

/// Takes the names `names` (all of its names when empty) off the image
/// `source` names; returns the names taken. A name it does not have is an
/// error, and then no name is taken.
pub fn untag(store: &Store, source: &str, names: &[String]) -> Result<Vec<String>, Error> {
    let mut image = lookup(store, source)?;
    let lock = store.lock()?;
    let removed = if names.is_empty() {
        std::mem::take(&mut image.names)
    } else {
        let mut removed = Vec::new();
        for name in names {
            if let Some(digest) = matching_digest(&image, name) {
                image.repo_digests.retain(|d| *d != digest);
                removed.push(digest);
                continue;
            }
            let normalized = Reference::parse(name)?.normalized_for_tag()?.to_string();
            if !image.names.contains(&normalized) {
                return Err(Error::TagNotKnown(name.clone()));
            }
            image.names.retain(|n| *n != normalized);
            removed.push(normalized);
        }
        removed
    };
    store.write_image(&lock, &image)?;
    for name in &removed {
        Event::image(EventStatus::Untag, &image.id, name).record();
    }
    Ok(removed)
}

/// What `rmi` did to one image.
#[derive(Debug, Default)]
pub struct Removal {
    pub untagged: Vec<String>,
    pub deleted: Option<String>,
}

/// Removes the name `input` from its image while the image has other names
/// (with `force` too, as Podman); the image itself when that was its last
/// name, or when it is named by ID (an image with several names only with `force`).
pub fn remove(store: &Store, input: &str, force: bool) -> Result<Removal, Error> {
    let mut image = lookup(store, input)?;
    let lock = store.lock()?;
    // The name `input` stands for (`one` for `localhost/one:latest`), if it is a name.
    let named = matching_name(&image, input).cloned();
    let mut removal = Removal::default();
    // A digest it was pulled by, while it has names: only that reference goes.
    if let Some(digest) = matching_digest(&image, input).filter(|_| !image.names.is_empty()) {
        image.repo_digests.retain(|d| *d != digest);
        store.write_image(&lock, &image)?;
        Event::image(EventStatus::Untag, &image.id, input).record();
        removal.untagged.push(input.to_string());
        return Ok(removal);
    }
    if let Some(name) = named.filter(|_| image.names.len() > 1) {
        image.names.retain(|n| n != &name);
        store.write_image(&lock, &image)?;
        Event::image(EventStatus::Untag, &image.id, &name).record();
        removal.untagged.push(name);
        return Ok(removal);
    }
    if image.names.len() > 1 && !force {
        return Err(Error::SeveralNames {
            id: image.id,
            names: image.names,
        });
    }
    removal.untagged = image.names.clone();
    store.remove_image(&lock, &image.id)?;
    record_removal(&image);
    flatten::remove_unused(store)?;
    removal.deleted = Some(image.id);
    Ok(removal)
}

/// Removes the images without names (with `all`: every image) that no
/// container uses (`in_use`: their image IDs, read under `lock`); returns
/// their IDs.
pub fn prune(
    store: &Store,
    lock: &StoreLock,
    all: bool,
    in_use: &HashSet<String>,
) -> Result<Vec<String>, Error> {
    let mut removed = Vec::new();
    for image in store
        .images()?
        .into_iter()
        .filter(|i| (all || i.names.is_empty()) && !in_use.contains(&i.id))
    {
        store.remove_image(lock, &image.id)?;
        record_removal(&image);
        removed.push(image.id);
    }
    flatten::remove_unused(store)?;
    Ok(removed)
}

/// The events of a removed image, as Podman gives them: each name taken
/// off, oldest first, then the removal.
fn record_removal(image: &ImageRecord) {
    for name in image.names.iter().rev() {
        Event::image(EventStatus::Untag, &image.id, name).record();
    }
    Event::image(EventStatus::Remove, &image.id, &image.id).record();
}

/// `rcon image inspect`: Podman's field names, from the record and the stored config.
pub fn inspect(store: &Store, image: &ImageRecord) -> Result<Value, Error> {
    let config = ImageConfig::read(store, image)?;
    Ok(json!({
        "Id": image.id,
        "Digest": image.digest,
        "RepoTags": image.names,
        "RepoDigests": image.repo_digests,
        "Created": image.created,
        "Config": config.inspect_config(),
        "RootFS": { "Type": "layers", "Layers": image.layers },
        "Size": image.size,
        "Architecture": image.architecture,
        "Os": image.os,
        "History": config.oci.history(),
        "ManifestType": image.manifest_media_type,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(names: &[&str]) -> ImageRecord {
        ImageRecord {
            id: "abcdef0123".repeat(6) + "abcd",
            digest: "sha256:00".into(),
            manifest_media_type: String::new(),
            names: names.iter().map(|s| s.to_string()).collect(),
            repo_digests: vec![],
            layers: vec![],
            created: None,
            stored: String::new(),
            architecture: String::new(),
            os: String::new(),
            size: 0,
            names_history: Vec::new(),
        }
    }

    #[test]
    fn unnamed_parents_of_other_images_are_intermediate() {
        let image = |id: &str, names: &[&str], layers: &[&str], created: &str| ImageRecord {
            id: id.into(),
            layers: layers.iter().map(|l| l.to_string()).collect(),
            stored: created.into(),
            ..record(names)
        };
        let images = [
            image("base", &["busybox"], &["l1"], "2026-01-01T00:00:00Z"),
            image("env", &[], &["l1"], "2026-01-02T00:00:00Z"),
            image("run", &[], &["l1", "l2"], "2026-01-03T00:00:00Z"),
            image("label", &[], &["l1", "l2"], "2026-01-04T00:00:00Z"),
            image("final", &["app"], &["l1", "l2"], "2026-01-05T00:00:00Z"),
            image("dangling", &[], &["l9"], "2026-01-01T00:00:00Z"),
        ];
        let mut found: Vec<String> = intermediate(&images).into_iter().collect();
        found.sort();
        assert_eq!(found, ["env", "label", "run"]);
    }

    #[test]
    fn names_match_by_full_name_short_suffix_and_id_prefix() {
        let image = record(&[
            "docker.io/library/busybox:latest",
            "127.0.0.1:5000/rcon-test/busybox:v1",
        ]);
        assert!(matches_name(&image, "busybox"));
        assert!(matches_name(&image, "library/busybox:latest"));
        assert!(matches_name(&image, "rcon-test/busybox:v1"));
        assert!(!matches_name(&image, "rcon-test/busybox"));
        assert!(!matches_name(&image, "box"));
        assert!(matches_name(&image, "abcdef"));
        assert!(matches_name(&image, "sha256:abcdef01"));
        assert!(matches_filter(&image, "busybox"));
        assert!(matches_filter(&image, "rcon-test/busybox"), "any tag");
        assert!(matches_filter(&image, "library/busybox:latest"));
        assert!(matches_filter(&image, "127.0.0.1:5000/rcon-test/busybox"));
        assert!(matches_filter(&image, "busybox:v1"));
        assert!(matches_filter(&image, "rcon-*/busy?ox:v[0-9]"));
        assert!(matches_filter(&image, "abcdef"));
        assert!(!matches_filter(&image, "busybox:v2"));
        assert!(!matches_filter(&image, "box"));
        assert!(matches_filter(&image, "*"), "the last component");
        assert!(
            !matches_filter(&image, "127.0.0.1:5000/*"),
            "a * does not cross a /"
        );
        assert!(!matches_filter(&image, "busy[box"), "malformed");
        assert!(matches_filter(&record(&["localhost/mine:v1"]), "mine"));
        assert_eq!(
            split_tag("127.0.0.1:5000/a/b:v1"),
            ("127.0.0.1:5000/a/b".into(), "v1".into())
        );
        assert_eq!(
            split_tag("127.0.0.1:5000/a/b"),
            ("127.0.0.1:5000/a/b".into(), "<none>".into())
        );
    }
}
