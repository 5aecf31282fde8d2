//! `registries.conf` (containers-registries.conf(5)), read the way Podman
//! reads it, so users configure registries once for both tools.
//!
//! Files, merged in order (a later file overrides an earlier one):
//! `$XDG_CONFIG_HOME/containers/registries.conf` if it exists, else
//! `/etc/containers/registries.conf`; then `registries.conf.d/*.conf` next to
//! the chosen file, sorted by name; then rcon's own
//! `$XDG_CONFIG_HOME/rcon/registries.conf`. Merging: a file that sets
//! `unqualified-search-registries` replaces the list, aliases merge by key,
//! `[[registry]]` tables merge by prefix.
//!
//! Version 2 keys: `unqualified-search-registries`, `[aliases]`,
//! `[[registry]]` (`prefix`, `location`, `insecure`, `blocked`) and
//! `short-name-mode`. rcon never prompts, so every mode behaves like
//! `permissive`. A `[[registry]]` prefix is matched, whole components only,
//! against fully-qualified names as written (`docker.io/library/alpine`).
//! The version 1 tables (`[registries.search]`,
//! `[registries.insecure]`, `[registries.block]`) are read too. Other keys
//! (mirrors, credential helpers) are ignored.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::{fs, io};

use serde::Deserialize;
use toml::Spanned;

use super::reference::{self, DOCKER_HUB, Reference};

const SYSTEM_FILE: &str = "/etc/containers/registries.conf";
const DROP_IN_DIR: &str = "registries.conf.d";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reading {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// The merged configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistriesConfig {
    /// `None` until a file sets it.
    search: Option<Vec<String>>,
    /// Short name (`alpine`) → fully-qualified name without tag or digest.
    aliases: BTreeMap<String, Reference>,
    /// `[[registry]]` tables by prefix.
    registries: BTreeMap<String, RegistryEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RegistryEntry {
    /// Where names under the prefix are pulled from, when not from themselves.
    location: Option<String>,
    insecure: bool,
    blocked: bool,
}

impl RegistriesConfig {
    /// Reads the user's (or the system's) files and rcon's own; see the module docs.
    pub fn load() -> Result<RegistriesConfig, Error> {
        let config_home = directories::BaseDirs::new().map(|dirs| dirs.config_dir().to_path_buf());
        RegistriesConfig::load_from(&config_files(
            config_home.as_deref(),
            Path::new(SYSTEM_FILE),
        )?)
    }

    /// Reads and merges `paths` in order; a file that does not exist is skipped.
    pub fn load_from(paths: &[PathBuf]) -> Result<RegistriesConfig, Error> {
        let mut config = RegistriesConfig::default();
        for path in paths {
            match fs::read_to_string(path) {
                Ok(text) => config.merge(path, &text)?,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(read_error(path, source)),
            }
        }
        Ok(config)
    }

    /// The registries a short name is tried in, in order; `docker.io` when
    /// none are configured.
    pub fn search_registries(&self) -> Vec<&str> {
        match &self.search {
            Some(list) if !list.is_empty() => list.iter().map(String::as_str).collect(),
            _ => vec![DOCKER_HUB],
        }
    }

    /// The fully-qualified names to try for `reference`, in order: a
    /// fully-qualified name is itself; a short name with an alias is the
    /// alias alone (as in Podman); otherwise one per search registry.
    /// Tag and digest are kept.
    pub fn resolve(&self, reference: &Reference) -> Vec<Reference> {
        if !reference.is_short_name() {
            return vec![reference.clone()];
        }
        if let Some(target) = self.aliases.get(reference.repository()) {
            return vec![reference.renamed_to(target)];
        }
        self.search_registries()
            .into_iter()
            // A registry whose name would make the reference too long cannot hold it.
            .filter_map(|registry| reference.qualified_in(registry).ok())
            .collect()
    }

    /// True when the `[[registry]]` table with the longest prefix matching
    /// `name` (a registry `host[:port]` or a full name) says `insecure`.
    /// Nothing is insecure unless configured, not even localhost.
    pub fn is_insecure(&self, name: &str) -> bool {
        self.entry_for(name)
            .is_some_and(|(_, entry)| entry.insecure)
    }

    /// True when the best-matching `[[registry]]` table says `blocked`.
    pub fn is_blocked(&self, name: &str) -> bool {
        self.entry_for(name).is_some_and(|(_, entry)| entry.blocked)
    }

    /// Where to pull `reference` from: the best-matching table's prefix
    /// replaced by its `location` (`example.com/foo/app` with prefix
    /// `example.com/foo` and location `mirror.local/bar` → `mirror.local/bar/app`).
    pub fn pull_location(&self, reference: &Reference) -> Result<Reference, reference::Error> {
        let full = reference.to_string();
        let rewrite = self
            .entry_for(&full)
            .and_then(|(prefix, entry)| Some((prefix, entry.location.as_ref()?)));
        match rewrite {
            Some((prefix, location)) => {
                Reference::parse(&format!("{location}{}", &full[prefix.len()..]))
            }
            None => Ok(reference.clone()),
        }
    }

    fn entry_for(&self, name: &str) -> Option<(&str, &RegistryEntry)> {
        self.registries
            .iter()
            .filter_map(|(prefix, entry)| {
                let length = matched_length(prefix, name)?;
                // On a tie a literal prefix beats a wildcard.
                Some(((length, !prefix.starts_with('*')), (prefix.as_str(), entry)))
            })
            .max_by_key(|(rank, _)| *rank)
            .map(|(_, found)| found)
    }

    fn merge(&mut self, path: &Path, text: &str) -> Result<(), Error> {
        let at = |(span, message): (Range<usize>, String)| Error::Invalid {
            path: path.to_path_buf(),
            line: line_of(text, span.start),
            message,
        };
        let file: RawFile = toml::from_str(text)
            .map_err(|e| at((e.span().unwrap_or(0..0), e.message().trim().into())))?;
        if let Some(mode) = &file.short_name_mode {
            if !["enforcing", "permissive", "disabled"].contains(&mode.get_ref().as_str()) {
                let message = format!(
                    "short-name-mode {:?} is not one of enforcing, permissive, disabled",
                    mode.get_ref()
                );
                return Err(at((mode.span(), message)));
            }
        }
        if let Some(v1) = &file.registries {
            if file.unqualified_search_registries.is_some()
                || !file.aliases.is_empty()
                || !file.registry.is_empty()
            {
                let message = "the version 1 [registries.*] tables cannot be mixed with version 2 keys; \
                               convert the file to version 2 (see containers-registries.conf(5))";
                return Err(at((v1.span(), message.into())));
            }
        }

        if let Some(list) = file.unqualified_search_registries {
            self.search = Some(search_list(&list).map_err(at)?);
        }
        for (key, value) in &file.aliases {
            let (short, target) = alias(key, value).map_err(at)?;
            self.aliases.insert(short, target);
        }
        for table in &file.registry {
            let (prefix, entry) = registry_entry(table).map_err(at)?;
            self.registries.insert(prefix, entry);
        }

        let v1 = file.registries.map(Spanned::into_inner).unwrap_or_default();
        if let Some(search) = v1.search {
            self.search = Some(search_list(&search.registries).map_err(at)?);
        }
        let list = |table: Option<RawV1List>| table.map(|t| t.registries).unwrap_or_default();
        for registry in list(v1.insecure) {
            check_name_prefix(&registry).map_err(at)?;
            self.registries
                .entry(registry.into_inner())
                .or_default()
                .insecure = true;
        }
        for registry in list(v1.block) {
            check_name_prefix(&registry).map_err(at)?;
            self.registries
                .entry(registry.into_inner())
                .or_default()
                .blocked = true;
        }
        Ok(())
    }
}

/// The files [`RegistriesConfig::load`] reads, in merge order, for the user
/// config directory `config_home` (`~/.config`) and the system file.
pub fn config_files(config_home: Option<&Path>, system_file: &Path) -> Result<Vec<PathBuf>, Error> {
    let user_file = config_home.map(|home| home.join("containers/registries.conf"));
    let main = match user_file {
        Some(file)
            if file
                .try_exists()
                .map_err(|source| read_error(&file, source))? =>
        {
            file
        }
        _ => system_file.to_path_buf(),
    };
    let drop_in_dir = main.with_file_name(DROP_IN_DIR);
    let mut drop_ins = match fs::read_dir(&drop_in_dir) {
        Ok(entries) => entries
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|source| read_error(&drop_in_dir, source))?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(source) => return Err(read_error(&drop_in_dir, source)),
    };
    drop_ins.retain(|path| path.extension().is_some_and(|ext| ext == "conf") && path.is_file());
    drop_ins.sort();
    let mut files = vec![main];
    files.extend(drop_ins);
    files.extend(config_home.map(|home| home.join("rcon/registries.conf")));
    Ok(files)
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawFile {
    unqualified_search_registries: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    aliases: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    registry: Vec<Spanned<RawRegistry>>,
    short_name_mode: Option<Spanned<String>>,
    /// Version 1.
    registries: Option<Spanned<RawV1>>,
}

#[derive(Deserialize)]
struct RawRegistry {
    prefix: Option<Spanned<String>>,
    location: Option<Spanned<String>>,
    #[serde(default)]
    insecure: bool,
    #[serde(default)]
    blocked: bool,
}

#[derive(Deserialize, Default)]
struct RawV1 {
    search: Option<RawV1List>,
    insecure: Option<RawV1List>,
    block: Option<RawV1List>,
}

#[derive(Deserialize)]
struct RawV1List {
    #[serde(default)]
    registries: Vec<Spanned<String>>,
}

/// A problem at a place in the file.
type Located<T> = Result<T, (Range<usize>, String)>;

fn search_list(list: &[Spanned<String>]) -> Located<Vec<String>> {
    list.iter()
        .map(|registry| {
            if reference::is_registry(registry.get_ref()) {
                Ok(registry.get_ref().clone())
            } else {
                let message = format!(
                    "search registry {:?} is not a registry: expected host[:port] containing a '.' or a port \
                     (quay.io, myhost:5000) or localhost",
                    registry.get_ref()
                );
                Err((registry.span(), message))
            }
        })
        .collect()
}

fn alias(key: &Spanned<String>, value: &Spanned<String>) -> Located<(String, Reference)> {
    let short = Reference::parse(key.get_ref())
        .ok()
        .filter(|r| r.is_short_name() && r.tag().is_none() && r.digest().is_none())
        .ok_or_else(|| {
            let message = format!(
                "alias {:?}: the key must be a short name without registry, tag or digest, such as \"alpine\"",
                key.get_ref()
            );
            (key.span(), message)
        })?;
    let target = Reference::parse(value.get_ref())
        .ok()
        .filter(|r| !r.is_short_name() && r.tag().is_none() && r.digest().is_none())
        .ok_or_else(|| {
            let message = format!(
                "alias {:?} = {:?}: the value must be a fully-qualified name without tag or digest, \
                 such as \"docker.io/library/alpine\"",
                key.get_ref(),
                value.get_ref()
            );
            (value.span(), message)
        })?;
    Ok((short.repository().to_string(), target))
}

fn registry_entry(table: &Spanned<RawRegistry>) -> Located<(String, RegistryEntry)> {
    let raw = table.get_ref();
    let Some(prefix) = raw.prefix.as_ref().or(raw.location.as_ref()) else {
        return Err((
            table.span(),
            "[[registry]] needs a prefix or a location".into(),
        ));
    };
    if let Some(domain) = prefix.get_ref().strip_prefix("*.") {
        if !reference::is_domain_name(domain) {
            let message = format!(
                "[[registry]] prefix {:?}: expected \"*.\" followed by a domain name, such as \"*.example.com\"",
                prefix.get_ref()
            );
            return Err((prefix.span(), message));
        }
        if raw.location.is_some() {
            let message = format!(
                "[[registry]] prefix {:?}: a wildcard prefix cannot have a location",
                prefix.get_ref()
            );
            return Err((prefix.span(), message));
        }
    } else {
        check_name_prefix(prefix)?;
    }
    if let Some(location) = &raw.location {
        check_name_prefix(location)?;
    }
    let location = raw
        .location
        .as_ref()
        .map(|l| l.get_ref())
        .filter(|l| *l != prefix.get_ref());
    let entry = RegistryEntry {
        location: location.cloned(),
        insecure: raw.insecure,
        blocked: raw.blocked,
    };
    Ok((prefix.get_ref().clone(), entry))
}

/// `host[:port]` or a fully-qualified name (optionally with tag or digest).
fn check_name_prefix(text: &Spanned<String>) -> Located<()> {
    let value = text.get_ref();
    let valid = match value.split_once('/') {
        None => reference::is_registry(value),
        Some(_) => Reference::parse(value).is_ok_and(|r| !r.is_short_name()),
    };
    if valid {
        Ok(())
    } else {
        let message = format!(
            "{value:?} is not a registry or repository name: expected host[:port] or host[:port]/path \
             (quay.io, localhost:5000/team)"
        );
        Err((text.span(), message))
    }
}

/// How much of `name` the `[[registry]]` prefix matches, if it matches:
/// whole components only (`example.com` matches `example.com/app`, not
/// `example.community` nor `example.com:5000`); `*.example.com` matches any
/// subdomain's names.
fn matched_length(prefix: &str, name: &str) -> Option<usize> {
    if let Some(suffix) = prefix.strip_prefix('*') {
        let host_and_port = name.split('/').next().unwrap_or(name);
        let host = host_and_port.split(':').next().unwrap_or(host_and_port);
        return (host.len() > suffix.len() && host.ends_with(suffix)).then_some(host.len());
    }
    let rest = name.strip_prefix(prefix)?;
    let boundary = match rest.chars().next() {
        None | Some('/') => true,
        // After a repository (not a bare host, where ':' starts a port) come a tag or digest.
        Some(':' | '@') => prefix.contains('/'),
        Some(_) => false,
    };
    boundary.then_some(prefix.len())
}

fn read_error(path: &Path, source: io::Error) -> Error {
    Error::Read {
        path: path.to_path_buf(),
        source,
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::scratch::ScratchDir;

    fn config(text: &str) -> RegistriesConfig {
        let mut config = RegistriesConfig::default();
        config
            .merge(Path::new("/test/registries.conf"), text)
            .unwrap_or_else(|e| panic!("{e}"));
        config
    }

    fn error(text: &str) -> String {
        RegistriesConfig::default()
            .merge(Path::new("/test/registries.conf"), text)
            .unwrap_err()
            .to_string()
    }

    fn resolved(config: &RegistriesConfig, input: &str) -> Vec<String> {
        config
            .resolve(&Reference::parse(input).unwrap())
            .iter()
            .map(Reference::to_string)
            .collect()
    }

    #[test]
    fn short_names_resolve_through_aliases_then_search_registries() {
        let config = config(
            r#"
            unqualified-search-registries = ["quay.io", "docker.io", "localhost:5000"]
            short-name-mode = "enforcing"
            [aliases]
            "myapp" = "registry.example.com/team/myapp"
            "library/busybox" = "quay.io/prometheus/busybox"
            "#,
        );
        assert_eq!(
            resolved(&config, "alpine"),
            [
                "quay.io/alpine:latest",
                "docker.io/library/alpine:latest",
                "localhost:5000/alpine:latest"
            ]
        );
        assert_eq!(
            resolved(&config, "user/app:v1"),
            [
                "quay.io/user/app:v1",
                "docker.io/user/app:v1",
                "localhost:5000/user/app:v1"
            ]
        );
        // The alias alone, with the tag kept.
        assert_eq!(
            resolved(&config, "myapp:2"),
            ["registry.example.com/team/myapp:2"]
        );
        assert_eq!(
            resolved(&config, "library/busybox"),
            ["quay.io/prometheus/busybox:latest"]
        );
        // Fully qualified: itself, whatever the aliases say.
        assert_eq!(resolved(&config, "ghcr.io/myapp"), ["ghcr.io/myapp:latest"]);
        assert_eq!(
            config.search_registries(),
            ["quay.io", "docker.io", "localhost:5000"]
        );
    }

    #[test]
    fn without_search_registries_short_names_mean_docker_hub() {
        let hex = "a".repeat(64);
        for empty in [
            RegistriesConfig::default(),
            config("unqualified-search-registries = []"),
        ] {
            assert_eq!(
                resolved(&empty, "alpine"),
                ["docker.io/library/alpine:latest"]
            );
            let pinned = resolved(&empty, &format!("alpine@sha256:{hex}"));
            assert_eq!(pinned, [format!("docker.io/library/alpine@sha256:{hex}")]);
        }
    }

    #[test]
    fn a_name_too_long_for_one_registry_skips_it() {
        let config = config(
            r#"unqualified-search-registries = ["quay.io", "a-much-longer-registry.example.com"]"#,
        );
        let name = "n".repeat(240);
        assert_eq!(resolved(&config, &name), [format!("quay.io/{name}:latest")]);
    }

    #[test]
    fn insecure_and_blocked_use_the_longest_matching_prefix() {
        let config = config(
            r#"
            [[registry]]
            location = "example.com"
            insecure = true

            [[registry]]
            prefix = "example.com/secure"
            location = "example.com/secure"

            [[registry]]
            prefix = "*.internal"
            insecure = true

            [[registry]]
            location = "bad.example.org"
            blocked = true
            "#,
        );
        assert!(config.is_insecure("example.com"));
        assert!(config.is_insecure("example.com/other/app:v1"));
        assert!(!config.is_insecure("example.com/secure/app:v1"));
        assert!(
            config.is_insecure("example.com/secureish"),
            "whole components only: example.com's table applies"
        );
        assert!(!config.is_insecure("example.community"));
        assert!(
            !config.is_insecure("example.com:5000"),
            "another port is another registry"
        );
        assert!(config.is_insecure("a.internal"));
        assert!(config.is_insecure("b.a.internal:5000/app"));
        assert!(!config.is_insecure("internal"));
        assert!(!config.is_insecure("a.internal.example.com"));
        assert!(
            !config.is_insecure("localhost:5000"),
            "localhost is insecure only when configured"
        );
        assert!(!config.is_insecure("127.0.0.1:5000"));
        assert!(!config.is_insecure("[::1]:5000"));
        assert!(config.is_blocked("bad.example.org"));
        assert!(config.is_blocked("bad.example.org/x/y@sha256:00"));
        assert!(!config.is_blocked("example.com"));
    }

    #[test]
    fn a_repository_prefix_matches_its_tags_and_digests() {
        let config = config(
            r#"
            [[registry]]
            prefix = "quay.io/team/app"
            insecure = true
            "#,
        );
        assert!(config.is_insecure("quay.io/team/app:latest"));
        assert!(config.is_insecure("quay.io/team/app@sha256:00"));
        assert!(config.is_insecure("quay.io/team/app/sub"));
        assert!(!config.is_insecure("quay.io/team/application"));
        assert!(!config.is_insecure("quay.io"));
    }

    #[test]
    fn locations_rewrite_where_names_are_pulled_from() {
        let config = config(
            r#"
            [[registry]]
            prefix = "example.com/foo"
            location = "mirror.local:5000/bar"

            [[registry]]
            prefix = "docker.io"
            location = "hub-cache.local"
            "#,
        );
        let at = |input: &str| {
            config
                .pull_location(&Reference::parse(input).unwrap())
                .unwrap()
                .to_string()
        };
        assert_eq!(at("example.com/foo/app:v1"), "mirror.local:5000/bar/app:v1");
        assert_eq!(
            at("example.com/foobar/app"),
            "example.com/foobar/app:latest"
        );
        assert_eq!(at("alpine"), "hub-cache.local/library/alpine:latest");
        assert_eq!(at("quay.io/x"), "quay.io/x:latest");
    }

    #[test]
    fn drop_ins_and_rcon_file_merge_in_order() {
        let scratch = ScratchDir::new("registries");
        let home = scratch.0.join("config");
        let system = scratch.write(
            "etc/registries.conf",
            r#"unqualified-search-registries = ["system.example"]"#,
        );
        scratch.write(
            "etc/registries.conf.d/10-first.conf",
            r#"unqualified-search-registries = ["first.example"]"#,
        );
        scratch.write("etc/registries.conf.d/notes.txt", "not toml at all");

        // No user file: the system file and its drop-ins.
        let files = config_files(Some(&home), &system).unwrap();
        assert_eq!(
            files,
            [
                system.clone(),
                scratch.0.join("etc/registries.conf.d/10-first.conf"),
                home.join("rcon/registries.conf")
            ]
        );
        let loaded = RegistriesConfig::load_from(&files).unwrap();
        assert_eq!(loaded.search_registries(), ["first.example"]);

        // A user file replaces the system one, drop-ins included.
        let user = scratch.write(
            "config/containers/registries.conf",
            r#"
            unqualified-search-registries = ["user.example"]
            [aliases]
            "a" = "user.example/a"
            "b" = "user.example/b"
            [[registry]]
            location = "user.example"
            insecure = true
            "#,
        );
        scratch.write(
            "config/containers/registries.conf.d/20-second.conf",
            r#"
            [aliases]
            "b" = "second.example/b"
            [[registry]]
            location = "user.example"
            blocked = true
            "#,
        );
        scratch.write(
            "config/containers/registries.conf.d/10-first.conf",
            "[aliases]\n\"c\" = \"first.example/c\"\n",
        );
        scratch.write(
            "config/rcon/registries.conf",
            r#"unqualified-search-registries = ["rcon.example"]"#,
        );
        let files = config_files(Some(&home), &system).unwrap();
        assert_eq!(
            files,
            [
                user,
                home.join("containers/registries.conf.d/10-first.conf"),
                home.join("containers/registries.conf.d/20-second.conf"),
                home.join("rcon/registries.conf")
            ]
        );
        let loaded = RegistriesConfig::load_from(&files).unwrap();
        assert_eq!(loaded.search_registries(), ["rcon.example"]);
        assert_eq!(resolved(&loaded, "a"), ["user.example/a:latest"]);
        assert_eq!(resolved(&loaded, "b"), ["second.example/b:latest"]);
        assert_eq!(resolved(&loaded, "c"), ["first.example/c:latest"]);
        // The later table for the same prefix replaces the earlier one.
        assert!(loaded.is_blocked("user.example"));
        assert!(!loaded.is_insecure("user.example"));
    }

    #[test]
    fn missing_files_are_skipped_and_unreadable_ones_reported() {
        let scratch = ScratchDir::new("registries");
        let loaded = RegistriesConfig::load_from(&[scratch.0.join("absent.conf")]).unwrap();
        assert_eq!(loaded, RegistriesConfig::default());
        let err = RegistriesConfig::load_from(std::slice::from_ref(&scratch.0)).unwrap_err();
        assert!(matches!(err, Error::Read { .. }), "{err}");
    }

    #[test]
    fn version_1_tables() {
        let config = config(
            r#"
            [registries.search]
            registries = ["quay.io"]
            [registries.insecure]
            registries = ["localhost:5000"]
            [registries.block]
            registries = ["bad.example.org"]
            "#,
        );
        assert_eq!(resolved(&config, "x"), ["quay.io/x:latest"]);
        assert!(config.is_insecure("localhost:5000/app"));
        assert!(config.is_blocked("bad.example.org"));
        let mixed =
            error("unqualified-search-registries = []\n[registries.search]\nregistries = []\n");
        assert!(
            mixed.starts_with("/test/registries.conf:2: the version 1"),
            "{mixed}"
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let syntax = error("unqualified-search-registries = [\"quay.io\"]\n\n[aliases\n");
        assert!(syntax.starts_with("/test/registries.conf:3: "), "{syntax}");
        let wrong_type = error("\nunqualified-search-registries = \"quay.io\"\n");
        assert!(
            wrong_type.starts_with("/test/registries.conf:2: "),
            "{wrong_type}"
        );

        let search =
            error("\n\nunqualified-search-registries = [\n  \"quay.io\",\n  \"myregistry\",\n]\n");
        assert!(
            search.starts_with(
                r#"/test/registries.conf:5: search registry "myregistry" is not a registry"#
            ),
            "{search}"
        );

        let value = error("[aliases]\n\"alpine\" = \"alpine\"\n");
        assert!(
            value.starts_with(
                "/test/registries.conf:2: alias \"alpine\" = \"alpine\": the value must be"
            ),
            "{value}"
        );
        let tagged = error("[aliases]\n\"alpine\" = \"docker.io/library/alpine:3\"\n");
        assert!(tagged.contains("without tag or digest"), "{tagged}");
        let key = error("[aliases]\n\n\"quay.io/alpine\" = \"quay.io/alpine\"\n");
        assert!(
            key.starts_with("/test/registries.conf:3: alias \"quay.io/alpine\": the key must be"),
            "{key}"
        );

        let no_prefix = error("[[registry]]\ninsecure = true\n");
        assert!(
            no_prefix.contains("[[registry]] needs a prefix or a location"),
            "{no_prefix}"
        );
        let bad_prefix = error("[[registry]]\nprefix = \"not a name\"\n");
        assert!(
            bad_prefix.starts_with("/test/registries.conf:2: \"not a name\" is not a registry"),
            "{bad_prefix}"
        );
        let bad_wildcard = error("[[registry]]\nprefix = \"*.example.com:5000\"\n");
        assert!(
            bad_wildcard.contains("expected \"*.\" followed by a domain name"),
            "{bad_wildcard}"
        );
        let wildcard =
            error("[[registry]]\nprefix = \"*.example.com\"\nlocation = \"example.com\"\n");
        assert!(
            wildcard.contains("a wildcard prefix cannot have a location"),
            "{wildcard}"
        );
        let mode = error("\nshort-name-mode = \"ask\"\n");
        assert!(
            mode.starts_with("/test/registries.conf:2: short-name-mode \"ask\" is not one of"),
            "{mode}"
        );
    }

    #[test]
    fn unknown_keys_are_ignored() {
        let config = config(
            r#"
            credential-helpers = ["containers-auth.json"]
            [[registry]]
            location = "example.com"
            insecure = true
            [[registry.mirror]]
            location = "mirror.example.com"
            "#,
        );
        assert!(config.is_insecure("example.com"));
    }
}
