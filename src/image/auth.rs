//! Registry credentials in the containers `auth.json` format, which is also
//! Docker's `config.json`: `{"auths": {"<key>": {"auth": base64("user:password")}}}`.
//!
//! A key is a registry (`quay.io`) or a namespace or repository in it
//! (`quay.io/team`, `quay.io/team/app`); a lookup takes the most specific
//! key that matches. Docker's URL keys (`https://index.docker.io/v1/`) stand
//! for their registry.
//!
//! Lookups try each file in order and stop at the first with credentials;
//! changes go to the first file only (Podman's
//! `$XDG_RUNTIME_DIR/containers/auth.json`), leaving everything else in it
//! as it was.

use std::ffi::OsString;
use std::fs::{self, DirBuilder};
use std::io::{self, Write};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::{env, fmt};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Map, Value, json};

use super::reference::{self, DOCKER_HUB, Reference};
use crate::util::fs as fs_util;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid registry {key:?}: {reason}")]
    Key { key: String, reason: String },
    #[error("invalid user name {0:?}: it cannot contain ':'")]
    Username(String),
    #[error("there is no auth file to write to; set REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR or HOME")]
    NoFile,
    #[error("reading {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not a valid auth file ({detail}); fix it or remove it", path.display())]
    Malformed { path: PathBuf, detail: String },
    #[error("writing {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

impl crate::util::exit::ExitCode for Error {}

/// What to log in to a registry with.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    /// Empty when an identity token stands in for it.
    pub password: String,
    /// An OAuth2 refresh token (`identitytoken`), used instead of the password.
    pub identity_token: Option<String>,
}

impl fmt::Debug for Credentials {
    /// Never the secrets: credentials end up in debug logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field(
                "password",
                &if self.password.is_empty() {
                    ""
                } else {
                    "<redacted>"
                },
            )
            .field(
                "identity_token",
                &self.identity_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// The auth files, in lookup order; the first is the one written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthFiles {
    pub paths: Vec<PathBuf>,
}

impl AuthFiles {
    /// `$REGISTRY_AUTH_FILE` alone when set (as Podman); otherwise
    /// `$XDG_RUNTIME_DIR/containers/auth.json`,
    /// `$XDG_CONFIG_HOME/containers/auth.json` (`~/.config`) and
    /// `$DOCKER_CONFIG/config.json` (`~/.docker`).
    pub fn default_for_user() -> AuthFiles {
        AuthFiles::from_env(|name| env::var_os(name))
    }

    fn from_env(var: impl Fn(&str) -> Option<OsString>) -> AuthFiles {
        let path = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        // The XDG base directory spec says relative values are to be ignored.
        let xdg = |name: &str| path(name).filter(|p| p.is_absolute());
        if let Some(file) = path("REGISTRY_AUTH_FILE") {
            return AuthFiles { paths: vec![file] };
        }
        let home = path("HOME");
        let config_home =
            xdg("XDG_CONFIG_HOME").or_else(|| home.as_ref().map(|h| h.join(".config")));
        let docker_dir = path("DOCKER_CONFIG").or_else(|| home.as_ref().map(|h| h.join(".docker")));
        let paths = [
            xdg("XDG_RUNTIME_DIR").map(|dir| dir.join("containers/auth.json")),
            config_home.map(|dir| dir.join("containers/auth.json")),
            docker_dir.map(|dir| dir.join("config.json")),
        ];
        AuthFiles {
            paths: paths.into_iter().flatten().collect(),
        }
    }

    /// The credentials for `reference`'s repository: from the first file that
    /// has any, by its most specific matching key. Unreadable files and
    /// entries are skipped with a warning.
    pub fn credentials_for(&self, reference: &Reference) -> Option<Credentials> {
        self.credentials_for_name(&reference.name())
    }

    /// [`AuthFiles::credentials_for`] a `registry[/path]` as [`normalize_key`] gives it.
    pub fn credentials_for_name(&self, name: &str) -> Option<Credentials> {
        self.paths.iter().find_map(|path| {
            match read(path).and_then(|document| document.map(|d| auths_of(path, d)).transpose()) {
                Ok(Some(auths)) => find(path, &auths, name),
                Ok(None) => None,
                Err(e) => {
                    log::warn!("{e}; skipping it");
                    None
                }
            }
        })
    }

    /// Saves `username` and `password` for `key` (see [`normalize_key`]) in
    /// the first file, replacing what it had for that key.
    pub fn store(&self, key: &str, username: &str, password: &str) -> Result<(), Error> {
        if username.contains(':') {
            return Err(Error::Username(username.into()));
        }
        let key = normalize_key(key)?;
        let entry = json!({ "auth": BASE64.encode(format!("{username}:{password}")) });
        self.edit(|auths| {
            auths.insert(key, entry);
            true
        })?;
        Ok(())
    }

    /// Removes `key`'s credentials from the first file; for a registry, also
    /// its URL-form keys. False when there were none.
    pub fn remove(&self, key: &str) -> Result<bool, Error> {
        let key = normalize_key(key)?;
        self.edit(|auths| {
            let before = auths.len();
            auths.retain(|k, _| {
                *k != key && (key.contains('/') || registry_of_key(k) != Some(key.as_str()))
            });
            auths.len() != before
        })
    }

    /// Removes every credential from the first file (`logout --all`).
    pub fn remove_all(&self) -> Result<(), Error> {
        self.edit(|auths| {
            let had_any = !auths.is_empty();
            auths.clear();
            had_any
        })?;
        Ok(())
    }

    /// Applies `change` to the first file's `auths` and writes the file back
    /// when it reports a change, which it returns.
    fn edit(&self, change: impl FnOnce(&mut Map<String, Value>) -> bool) -> Result<bool, Error> {
        let path = self.paths.first().ok_or(Error::NoFile)?;
        let mut document = read(path)?.unwrap_or_default();
        let Value::Object(auths) = document.entry("auths").or_insert_with(|| json!({})) else {
            return Err(Error::Malformed {
                path: path.clone(),
                detail: "\"auths\" is not an object".into(),
            });
        };
        if !change(auths) {
            return Ok(false);
        }
        let mut bytes = serde_json::to_vec_pretty(&document).expect("a JSON map always serialises");
        bytes.push(b'\n');
        write_atomically(path, &bytes)?;
        Ok(true)
    }
}

/// The key to store credentials under for what the user typed: a registry
/// (`quay.io`; a URL such as `https://quay.io/v1/` stands for its host) or a
/// namespace or repository in one (`quay.io/team/app`). Docker Hub's host
/// names become `docker.io`.
pub fn normalize_key(input: &str) -> Result<String, Error> {
    let error = |reason: String| Error::Key {
        key: input.into(),
        reason,
    };
    if let Some(registry) = registry_of_key(input) {
        return if reference::is_registry(registry) {
            Ok(registry.to_string())
        } else {
            Err(error("expected host[:port] containing a '.' or a port (quay.io, myhost:5000) or localhost".into()))
        };
    }
    let reference = Reference::parse(input).map_err(|e| error(e.to_string()))?;
    if reference.is_short_name() {
        return Err(error("start with the registry, as in quay.io/team".into()));
    }
    if reference.tag().is_some() || reference.digest().is_some() {
        return Err(error(
            "credentials are for a registry or repository, not a tag or digest".into(),
        ));
    }
    Ok(reference.name())
}

/// The registry a registry-wide key stands for: `quay.io`, a URL
/// (`https://quay.io/v1/`), Docker Hub's other host names as `docker.io`.
/// `None` for a namespace or repository key.
fn registry_of_key(key: &str) -> Option<&str> {
    let host = match key
        .strip_prefix("https://")
        .or_else(|| key.strip_prefix("http://"))
    {
        Some(url) => url.split('/').next().unwrap_or(url),
        None if key.contains('/') => return None,
        None => key,
    };
    match host {
        "index.docker.io" | "registry-1.docker.io" => Some(DOCKER_HUB),
        _ => Some(host),
    }
}

/// The best credentials for `name` (`registry/path`) in one file's `auths`:
/// `registry/a/b`, then `registry/a`, then `registry`, then URL-form keys.
fn find(path: &Path, auths: &Map<String, Value>, name: &str) -> Option<Credentials> {
    let mut key = name;
    loop {
        if let Some(credentials) = auths.get(key).and_then(|entry| decode(path, key, entry)) {
            return Some(credentials);
        }
        match key.rfind('/') {
            Some(slash) => key = &key[..slash],
            None => break,
        }
    }
    let registry = key;
    auths
        .iter()
        .filter(|(k, _)| registry_of_key(k) == Some(registry))
        .find_map(|(k, entry)| decode(path, k, entry))
}

fn decode(path: &Path, key: &str, entry: &Value) -> Option<Credentials> {
    decode_entry(entry).unwrap_or_else(|problem| {
        log::warn!(
            "{}: the entry for {key:?} {problem}; ignoring it",
            path.display()
        );
        None
    })
}

/// `None` for an entry without credentials (Docker's credential-store stubs `{}`).
fn decode_entry(entry: &Value) -> Result<Option<Credentials>, &'static str> {
    if !entry.is_object() {
        return Err("is not an object");
    }
    let field = |name: &str| match entry.get(name) {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(text)) => Ok(text.as_str()),
        Some(_) => Err("has a field that is not a string"),
    };
    let (auth, token) = (field("auth")?, field("identitytoken")?);
    let (username, password) = if auth.is_empty() {
        (String::new(), String::new())
    } else {
        let decoded = BASE64
            .decode(auth.trim())
            .map_err(|_| "has an \"auth\" value that is not base64")?;
        let text = String::from_utf8(decoded)
            .map_err(|_| "has an \"auth\" value that is not UTF-8 text")?;
        let (username, password) = text
            .split_once(':')
            .ok_or("has an \"auth\" value without a ':'")?;
        (username.to_string(), password.to_string())
    };
    if !token.is_empty() {
        return Ok(Some(Credentials {
            username,
            password: String::new(),
            identity_token: Some(token.into()),
        }));
    }
    if username.is_empty() && password.is_empty() {
        return Ok(None);
    }
    Ok(Some(Credentials {
        username,
        password,
        identity_token: None,
    }))
}

/// The file's top-level object; `None` when it does not exist.
fn read(path: &Path) -> Result<Option<Map<String, Value>>, Error> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(Error::Read {
                path: path.into(),
                source,
            });
        }
    };
    let malformed = |detail: String| Error::Malformed {
        path: path.into(),
        detail,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Some(Map::new()));
    }
    match serde_json::from_slice(&bytes) {
        Ok(Value::Object(document)) => Ok(Some(document)),
        Ok(_) => Err(malformed("not a JSON object".into())),
        Err(e) => Err(malformed(e.to_string())),
    }
}

fn auths_of(path: &Path, mut document: Map<String, Value>) -> Result<Map<String, Value>, Error> {
    match document.remove("auths") {
        None => Ok(Map::new()),
        Some(Value::Object(auths)) => Ok(auths),
        Some(_) => Err(Error::Malformed {
            path: path.into(),
            detail: "\"auths\" is not an object".into(),
        }),
    }
}

/// Replaces `path` atomically, and syncs its directory too: the user is told
/// the credentials are saved. The directory is created 0700 and the file
/// 0600, as they hold secrets.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = fs_util::parent_dir(path);
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .and_then(|()| fs_util::write_atomic_with(path, 0o600, |file| file.write_all(bytes)))
        .and_then(|()| fs_util::sync_dir(dir))
        .map_err(|source| Error::Write {
            path: path.into(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::util::scratch::ScratchDir;

    fn basic(user: &str, password: &str) -> Value {
        json!({ "auth": BASE64.encode(format!("{user}:{password}")) })
    }

    fn user_for(files: &AuthFiles, input: &str) -> Option<String> {
        files
            .credentials_for(&Reference::parse(input).unwrap())
            .map(|c| c.username)
    }

    fn write_json(scratch: &ScratchDir, relative: &str, value: Value) -> PathBuf {
        scratch.write(relative, &value.to_string())
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn default_paths_follow_podman_and_docker() {
        let env = |pairs: &[(&str, &str)]| {
            let vars: HashMap<String, OsString> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.into()))
                .collect();
            AuthFiles::from_env(move |name| vars.get(name).cloned()).paths
        };
        let paths = |list: &[&str]| list.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            env(&[("HOME", "/home/u"), ("XDG_RUNTIME_DIR", "/run/user/1000")]),
            paths(&[
                "/run/user/1000/containers/auth.json",
                "/home/u/.config/containers/auth.json",
                "/home/u/.docker/config.json"
            ])
        );
        assert_eq!(
            env(&[
                ("HOME", "/home/u"),
                ("XDG_CONFIG_HOME", "/cfg"),
                ("DOCKER_CONFIG", "/dk"),
                ("XDG_RUNTIME_DIR", "")
            ]),
            paths(&["/cfg/containers/auth.json", "/dk/config.json"])
        );
        assert_eq!(
            env(&[
                ("HOME", "/home/u"),
                ("XDG_CONFIG_HOME", "relative"),
                ("XDG_RUNTIME_DIR", "also/relative")
            ]),
            paths(&[
                "/home/u/.config/containers/auth.json",
                "/home/u/.docker/config.json"
            ])
        );
        assert_eq!(
            env(&[("HOME", "/home/u"), ("REGISTRY_AUTH_FILE", "/tmp/a.json")]),
            paths(&["/tmp/a.json"])
        );
        assert_eq!(env(&[]), paths(&[]));
    }

    #[test]
    fn the_first_file_with_credentials_wins() {
        let scratch = ScratchDir::new("auth");
        let runtime = write_json(
            &scratch,
            "run/auth.json",
            json!({ "auths": { "quay.io": basic("runtime", "p") } }),
        );
        let config = write_json(
            &scratch,
            "config/auth.json",
            json!({ "auths": { "quay.io/team/app": basic("config", "p"), "ghcr.io": basic("config", "p") } }),
        );
        let files = AuthFiles {
            paths: vec![scratch.0.join("missing.json"), runtime, config],
        };
        // Even a less specific key in an earlier file beats a more specific one later.
        assert_eq!(
            user_for(&files, "quay.io/team/app").as_deref(),
            Some("runtime")
        );
        assert_eq!(user_for(&files, "ghcr.io/x").as_deref(), Some("config"));
        assert_eq!(user_for(&files, "docker.io/x/y"), None);
    }

    #[test]
    fn the_most_specific_key_in_a_file_wins() {
        let scratch = ScratchDir::new("auth");
        let file = write_json(
            &scratch,
            "auth.json",
            json!({ "auths": {
                "quay.io": basic("registry", "p"),
                "quay.io/team": basic("namespace", "p"),
                "quay.io/team/app": basic("repository", "p"),
                "localhost:5000": basic("local", "p"),
            } }),
        );
        let files = AuthFiles { paths: vec![file] };
        assert_eq!(
            user_for(&files, "quay.io/team/app:v1").as_deref(),
            Some("repository")
        );
        assert_eq!(
            user_for(&files, "quay.io/team/other").as_deref(),
            Some("namespace")
        );
        assert_eq!(
            user_for(&files, "quay.io/teamster/app").as_deref(),
            Some("registry")
        );
        assert_eq!(user_for(&files, "quay.io/x").as_deref(), Some("registry"));
        assert_eq!(
            user_for(&files, "localhost:5000/a/b").as_deref(),
            Some("local")
        );
        assert_eq!(user_for(&files, "localhost:5001/a"), None);
    }

    #[test]
    fn docker_url_keys_stand_for_their_registry() {
        let scratch = ScratchDir::new("auth");
        let docker = write_json(
            &scratch,
            "docker/config.json",
            json!({
                "auths": {
                    "https://index.docker.io/v1/": basic("hub", "secret"),
                    "https://registry.example.com": basic("example", "p"),
                    "http://plain.example.com:5000/v2/": basic("plain", "p"),
                    "docker.io/team": basic("team", "p"),
                },
                "credsStore": "desktop",
            }),
        );
        let files = AuthFiles {
            paths: vec![docker],
        };
        let hub = files
            .credentials_for(&Reference::parse("alpine").unwrap())
            .unwrap();
        assert_eq!(
            (
                hub.username.as_str(),
                hub.password.as_str(),
                hub.identity_token
            ),
            ("hub", "secret", None)
        );
        assert_eq!(
            user_for(&files, "docker.io/team/app").as_deref(),
            Some("team")
        );
        assert_eq!(
            user_for(&files, "index.docker.io/other/app").as_deref(),
            Some("hub")
        );
        assert_eq!(
            user_for(&files, "registry.example.com/a").as_deref(),
            Some("example")
        );
        assert_eq!(
            user_for(&files, "plain.example.com:5000/a").as_deref(),
            Some("plain")
        );
        assert_eq!(user_for(&files, "example.com/a"), None);
    }

    #[test]
    fn identity_tokens_and_unusable_entries() {
        let scratch = ScratchDir::new("auth");
        let broken = scratch.write("broken.json", "{ not json");
        let file = write_json(
            &scratch,
            "auth.json",
            json!({ "auths": {
                "token.example.com": { "auth": BASE64.encode("user:"), "identitytoken": "refresh" },
                "stub.example.com": {},
                "bad.example.com/repo": { "auth": "%%%" },
                "bad.example.com": basic("fallback", "p"),
                "nocolon.example.com": { "auth": BASE64.encode("justuser") },
            } }),
        );
        let files = AuthFiles {
            paths: vec![broken, file],
        };
        let token = files
            .credentials_for(&Reference::parse("token.example.com/x").unwrap())
            .unwrap();
        assert_eq!(token.username, "user");
        assert_eq!(token.password, "");
        assert_eq!(token.identity_token.as_deref(), Some("refresh"));
        assert_eq!(user_for(&files, "stub.example.com/x"), None);
        // A broken entry is skipped for the next key; a broken file for the next file.
        assert_eq!(
            user_for(&files, "bad.example.com/repo").as_deref(),
            Some("fallback")
        );
        assert_eq!(user_for(&files, "nocolon.example.com/x"), None);
    }

    #[test]
    fn store_creates_private_files_and_keeps_other_keys() {
        let scratch = ScratchDir::new("auth");
        let runtime_dir = scratch.0.join("run/containers");
        let first = runtime_dir.join("auth.json");
        let files = AuthFiles {
            paths: vec![first.clone()],
        };

        files.store("quay.io", "alice", "pa:ss").unwrap();
        assert_eq!(mode(&runtime_dir), 0o700);
        assert_eq!(mode(&first), 0o600);
        let stored = files
            .credentials_for(&Reference::parse("quay.io/team/app").unwrap())
            .unwrap();
        assert_eq!(
            (stored.username.as_str(), stored.password.as_str()),
            ("alice", "pa:ss")
        );

        // Keys and fields rcon does not know survive every change.
        let mut document: Value = serde_json::from_slice(&fs::read(&first).unwrap()).unwrap();
        document["credHelpers"] = json!({ "ecr.example.com": "ecr-login" });
        document["auths"]["other.io"] =
            json!({ "auth": BASE64.encode("bob:x"), "email": "bob@example.com" });
        fs::write(&first, document.to_string()).unwrap();

        files.store("https://quay.io/v1/", "carol", "new").unwrap();
        files.store("quay.io/team", "dave", "d").unwrap();
        assert_eq!(user_for(&files, "quay.io/x").as_deref(), Some("carol"));
        assert_eq!(
            user_for(&files, "quay.io/team/app").as_deref(),
            Some("dave")
        );
        assert!(files.remove("quay.io").unwrap());
        assert!(!files.remove("quay.io").unwrap(), "nothing left to remove");
        assert_eq!(user_for(&files, "quay.io/x"), None);
        assert_eq!(
            user_for(&files, "quay.io/team/app").as_deref(),
            Some("dave")
        );

        let document: Value = serde_json::from_slice(&fs::read(&first).unwrap()).unwrap();
        assert_eq!(
            document["credHelpers"],
            json!({ "ecr.example.com": "ecr-login" })
        );
        assert_eq!(document["auths"]["other.io"]["email"], "bob@example.com");
        assert_eq!(mode(&first), 0o600);
        let leftovers: Vec<_> = fs::read_dir(&runtime_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["auth.json"], "no temp files remain");

        files.remove_all().unwrap();
        let document: Value = serde_json::from_slice(&fs::read(&first).unwrap()).unwrap();
        assert_eq!(document["auths"], json!({}));
        assert_eq!(
            document["credHelpers"],
            json!({ "ecr.example.com": "ecr-login" })
        );
    }

    #[test]
    fn removing_a_registry_removes_its_url_keys_but_not_its_repositories() {
        let scratch = ScratchDir::new("auth");
        let file = write_json(
            &scratch,
            "auth.json",
            json!({ "auths": {
                "https://index.docker.io/v1/": basic("hub", "p"),
                "docker.io": basic("hub", "p"),
                "docker.io/team": basic("team", "p"),
                "quay.io": basic("quay", "p"),
            } }),
        );
        let files = AuthFiles {
            paths: vec![file.clone()],
        };
        assert!(files.remove("index.docker.io").unwrap());
        let document: Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
        let keys: Vec<&String> = document["auths"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["docker.io/team", "quay.io"]);
    }

    #[test]
    fn only_the_first_file_is_written_and_never_over_a_broken_one() {
        let scratch = ScratchDir::new("auth");
        let broken = scratch.write("auth.json", "[1, 2]");
        let docker = write_json(
            &scratch,
            "config.json",
            json!({ "auths": { "quay.io": basic("d", "p") } }),
        );
        let files = AuthFiles {
            paths: vec![broken.clone(), docker.clone()],
        };
        let err = files.store("quay.io", "u", "p").unwrap_err();
        assert!(
            err.to_string()
                .contains("is not a valid auth file (not a JSON object); fix it or remove it"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&broken).unwrap(), "[1, 2]");
        assert!(matches!(
            files.remove("quay.io"),
            Err(Error::Malformed { .. })
        ));

        let fresh = AuthFiles {
            paths: vec![scratch.0.join("new.json"), docker.clone()],
        };
        assert!(!fresh.remove("quay.io").unwrap());
        assert!(
            !scratch.0.join("new.json").exists(),
            "nothing to change, nothing written"
        );
        fresh.remove_all().unwrap();
        assert_eq!(
            user_for(&fresh, "quay.io/x").as_deref(),
            Some("d"),
            "other files are left alone"
        );

        assert!(matches!(
            AuthFiles { paths: vec![] }.store("quay.io", "u", "p"),
            Err(Error::NoFile)
        ));
        assert!(matches!(
            fresh.store("quay.io", "a:b", "p"),
            Err(Error::Username(_))
        ));
    }

    #[test]
    fn keys_are_normalised() {
        let ok = |input: &str| normalize_key(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(ok("quay.io"), "quay.io");
        assert_eq!(ok("https://quay.io/v1/"), "quay.io");
        assert_eq!(ok("http://localhost:5000"), "localhost:5000");
        assert_eq!(ok("https://index.docker.io/v1/"), "docker.io");
        assert_eq!(ok("registry-1.docker.io"), "docker.io");
        assert_eq!(ok("quay.io/team/app"), "quay.io/team/app");
        assert_eq!(ok("docker.io/alpine"), "docker.io/library/alpine");
        assert_eq!(ok("[::1]:5000"), "[::1]:5000");
        for bad in [
            "myregistry",
            "team/app",
            "quay.io/app:v1",
            "quay.io/",
            "",
            "https://",
            "Quay.io/Team",
        ] {
            assert!(
                matches!(normalize_key(bad), Err(Error::Key { .. })),
                "{bad}"
            );
        }
        let err = normalize_key("quay.io/app:v1").unwrap_err();
        assert!(err.to_string().contains("not a tag or digest"), "{err}");
    }

    #[test]
    fn debug_output_hides_secrets() {
        let credentials = Credentials {
            username: "u".into(),
            password: "hunter2".into(),
            identity_token: Some("tok".into()),
        };
        let shown = format!("{credentials:?}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("tok\""),
            "{shown}"
        );
        assert!(shown.contains("\"u\""), "{shown}");
    }
}
