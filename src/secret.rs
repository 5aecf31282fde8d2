//! Secrets (`rcon secret`, `run --secret`): small files a user hands to
//! containers at start, never through an image, a record or an argv.
//!
//! ```text
//! <root>/secrets/                  0700
//! <root>/secrets/secrets.json      0600: every secret's metadata (no data)
//! <root>/secrets/lock              flock taken by every change
//! <root>/secrets/filedriver/<id>   0600: one secret's data (the file driver)
//! ```
//!
//! Podman's file driver keeps the data unencrypted too; what protects it is
//! the 0700 directories of the user's store. A container gets a copy made at
//! its start (see `container::secrets`), never the store's file.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use nix::fcntl::Flock;
use serde::{Deserialize, Serialize};

use crate::config::make_private_dir;
use crate::util::fs::{IoError, io_err, lock_exclusive, write_atomic_with};
use crate::util::time::now_rfc3339;

/// Podman's limit on a secret's size.
pub const MAX_SIZE: usize = 512_000;
/// The one driver: the data in a file of the user's store.
pub const FILE_DRIVER: &str = "file";
const METADATA: &str = "secrets.json";
const DATA_DIR: &str = "filedriver";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]: {0}: invalid secret name"
    )]
    InvalidName(String),
    #[error("{0}: secret name in use")]
    NameInUse(String),
    #[error("no secret with name or id {0:?}: no such secret")]
    NotFound(String),
    #[error("secret data must be larger than 0 and less than {MAX_SIZE} bytes")]
    BadSize,
    #[error("invalid driver {0:?}: rcon has the file driver only")]
    InvalidDriver(String),
    #[error("secret metadata {} is corrupt: {source}", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("the data of secret {name} is missing ({}): remove the secret and create it again", path.display())]
    DataMissing { name: String, path: PathBuf },
    #[error(transparent)]
    Io(#[from] IoError),
}

impl crate::util::exit::ExitCode for Error {}

type Result<T> = std::result::Result<T, Error>;

/// The driver a secret was made with, as `secret inspect` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DriverSpec {
    pub name: String,
    pub options: BTreeMap<String, String>,
}

/// One secret's metadata, in the shape `podman secret inspect` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Secret {
    #[serde(rename = "ID")]
    pub id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub updated_at: String,
    pub spec: SecretSpec,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SecretSpec {
    pub name: String,
    pub driver: DriverSpec,
    pub labels: BTreeMap<String, String>,
}

impl Secret {
    pub fn name(&self) -> &str {
        &self.spec.name
    }
}

/// What `secret ls --filter` takes besides `name=`, `label=`.
pub const FILTER_KEYS: &[&str] = &["id"];

impl crate::filter::Subject for Secret {
    type Term = String;
    fn name(&self) -> &str {
        &self.spec.name
    }
    fn label(&self, key: &str) -> Option<&str> {
        self.spec.labels.get(key).map(String::as_str)
    }
    fn passes(&self, key: &str, value: &String) -> bool {
        key == "id" && self.id.starts_with(value.as_str())
    }
}

/// Podman's rule: up to 64 of `[a-zA-Z0-9_.-]`, alphanumeric at both ends.
pub fn valid_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    (1..=64).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
}

/// What `secret create` asks for.
#[derive(Debug, Clone, Default)]
pub struct NewSecret {
    pub name: String,
    pub driver: Option<String>,
    pub driver_options: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    /// Replace the data (and labels) of a secret of that name, keeping its ID.
    pub replace: bool,
}

/// The secrets of one storage root.
#[derive(Debug, Clone)]
pub struct SecretStore {
    dir: PathBuf,
}

impl SecretStore {
    /// The store under `root` (made, 0700, when missing).
    pub fn open(root: &Path) -> Result<SecretStore> {
        let dir = root.join("secrets");
        for private in [&dir, &dir.join(DATA_DIR)] {
            make_private_dir(private)
                .map_err(|e| IoError::new("creating", private.as_path(), e.into()))?;
        }
        Ok(SecretStore { dir })
    }

    /// Taken by every change: concurrent creates and removes each see the
    /// other's list.
    fn lock(&self) -> Result<Flock<File>> {
        Ok(lock_exclusive(&self.dir.join("lock"))?)
    }

    fn data_path(&self, id: &str) -> PathBuf {
        self.dir.join(DATA_DIR).join(id)
    }

    /// Every secret, oldest first.
    pub fn list(&self) -> Result<Vec<Secret>> {
        let path = self.dir.join(METADATA);
        match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|source| Error::Corrupt {
                path: path.clone(),
                source,
            }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(IoError::new("reading", path, e).into()),
        }
    }

    fn write_list(&self, list: &[Secret]) -> Result<()> {
        let path = self.dir.join(METADATA);
        let json = serde_json::to_vec_pretty(list).expect("secrets serialise");
        write_atomic_with(&path, 0o600, |file| io::Write::write_all(file, &json))
            .map_err(io_err("writing", &path))?;
        Ok(())
    }

    /// The secret named `name` or with ID (or a unique ID prefix) `name`.
    pub fn get(&self, name: &str) -> Result<Secret> {
        find(&self.list()?, name)
            .cloned()
            .ok_or_else(|| Error::NotFound(name.to_string()))
    }

    /// Stores `data` as a new secret (or, with `replace`, as the new data of
    /// the one of that name) and returns it.
    pub fn create(&self, new: NewSecret, data: &[u8]) -> Result<Secret> {
        if !valid_name(&new.name) {
            return Err(Error::InvalidName(new.name));
        }
        let driver = new.driver.unwrap_or_else(|| FILE_DRIVER.to_string());
        if driver != FILE_DRIVER {
            return Err(Error::InvalidDriver(driver));
        }
        if data.is_empty() || data.len() >= MAX_SIZE {
            return Err(Error::BadSize);
        }
        let _lock = self.lock()?;
        let mut list = self.list()?;
        let now = now_rfc3339();
        let existing = list.iter().position(|s| s.spec.name == new.name);
        let (id, created_at) = match existing {
            Some(_) if !new.replace => return Err(Error::NameInUse(new.name)),
            Some(i) => {
                let old = list.remove(i);
                (old.id, old.created_at)
            }
            None => (fresh_id(&list), now.clone()),
        };
        let mut options = new.driver_options;
        options
            .entry("path".into())
            .or_insert_with(|| self.dir.join(DATA_DIR).display().to_string());
        let secret = Secret {
            id,
            created_at,
            updated_at: now,
            spec: SecretSpec {
                name: new.name,
                driver: DriverSpec {
                    name: driver,
                    options,
                },
                labels: new.labels,
            },
        };
        // The data first: metadata never names a secret without its data.
        let path = self.data_path(&secret.id);
        write_atomic_with(&path, 0o600, |file| io::Write::write_all(file, data))
            .map_err(io_err("writing", &path))?;
        list.push(secret.clone());
        self.write_list(&list)?;
        Ok(secret)
    }

    /// Removes the secret `name` (a name, ID or unique ID prefix) and its
    /// data; returns it.
    pub fn remove(&self, name: &str) -> Result<Secret> {
        let _lock = self.lock()?;
        let mut list = self.list()?;
        let secret = find(&list, name)
            .cloned()
            .ok_or_else(|| Error::NotFound(name.to_string()))?;
        list.retain(|s| s.id != secret.id);
        self.write_list(&list)?;
        let path = self.data_path(&secret.id);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(IoError::new("removing", path, e).into());
            }
            _ => {}
        }
        Ok(secret)
    }

    /// The data of the secret with ID `id` (as a container records it).
    pub fn data(&self, id: &str) -> Result<(Secret, Vec<u8>)> {
        let secret = self
            .list()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::NotFound(id.to_string()))?;
        let path = self.data_path(id);
        match fs::read(&path) {
            Ok(data) => Ok((secret, data)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(Error::DataMissing {
                name: secret.spec.name,
                path,
            }),
            Err(e) => Err(IoError::new("reading", path, e).into()),
        }
    }
}

/// By exact name, exact ID, then unique ID prefix.
fn find<'a>(list: &'a [Secret], name: &str) -> Option<&'a Secret> {
    if let Some(found) = list.iter().find(|s| s.spec.name == name || s.id == name) {
        return Some(found);
    }
    let mut prefixed = list.iter().filter(|s| s.id.starts_with(name));
    match (prefixed.next(), prefixed.next()) {
        (Some(one), None) if !name.is_empty() => Some(one),
        _ => None,
    }
}

/// Podman's secret IDs: 25 hex digits, unused in `list`.
fn fresh_id(list: &[Secret]) -> String {
    loop {
        let id = crate::storage::store::new_id()[..25].to_string();
        if !list.iter().any(|s| s.id == id) {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::scratch::ScratchDir;
    use std::os::unix::fs::PermissionsExt;

    fn named(name: &str) -> NewSecret {
        NewSecret {
            name: name.into(),
            ..NewSecret::default()
        }
    }

    #[test]
    fn names_follow_podmans_rule() {
        for good in ["a", "a.b_c-d", "A9", &"a".repeat(64)] {
            assert!(valid_name(good), "{good}");
        }
        for bad in ["", "a/b", "a=b", "a,b", ".x", "x-", &"a".repeat(65)] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn a_secret_is_stored_privately_found_replaced_and_removed() {
        let dir = ScratchDir::new("rcon-secret");
        let store = SecretStore::open(dir.path()).unwrap();
        let made = store.create(named("db"), b"hunter2").unwrap();
        assert_eq!(made.id.len(), 25);
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("secrets")), 0o700);
        assert_eq!(mode(&store.data_path(&made.id)), 0o600);
        assert_eq!(mode(&dir.path().join("secrets").join(METADATA)), 0o600);
        let metadata = fs::read_to_string(dir.path().join("secrets").join(METADATA)).unwrap();
        assert!(!metadata.contains("hunter2"), "{metadata}");
        assert_eq!(store.get("db").unwrap().id, made.id);
        assert_eq!(store.get(&made.id[..6]).unwrap().name(), "db");
        assert!(matches!(
            store.create(named("db"), b"x"),
            Err(Error::NameInUse(_))
        ));
        let replaced = store
            .create(
                NewSecret {
                    replace: true,
                    ..named("db")
                },
                b"new",
            )
            .unwrap();
        assert_eq!(replaced.id, made.id);
        assert_eq!(store.data(&made.id).unwrap().1, b"new");
        assert!(matches!(store.create(named("e"), b""), Err(Error::BadSize)));
        assert!(matches!(
            store.create(
                NewSecret {
                    driver: Some("pass".into()),
                    ..named("p")
                },
                b"x"
            ),
            Err(Error::InvalidDriver(_))
        ));
        store.remove("db").unwrap();
        assert!(!store.data_path(&made.id).exists());
        assert!(matches!(store.get("db"), Err(Error::NotFound(_))));
    }
}
