//! `--secret NAME[,type=mount|env,target=…,uid=…,gid=…,mode=…]`: which of
//! the user's secrets (see [`crate::secret`]) a container gets, and how.
//!
//! The record keeps the secret's ID and how it is used, never its data. At
//! each start the data is read from the secret store: a mounted secret is
//! copied into the container's runtime entry (`<runroot>/containers/<id>/
//! secrets/`, private to the user and removed when the container ends) with
//! its owner and mode, and bound read-only at its target, outside the
//! container's root filesystem, so `commit`, `export` and `diff` never see
//! its data; an environment secret is put into the process's environment
//! only (not the record, so `inspect` never shows it).

use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Error;
use super::monitor::entry_dir;
use crate::runtime::Mount;
use crate::runtime::keep_id::IdMappings;
use crate::secret::SecretStore;
use crate::util::fs::io_err;

/// Where mounted secrets go unless a target says otherwise.
pub const SECRETS_DIR: &str = "/run/secrets";

/// How the container gets a secret.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SecretKind {
    /// A read-only file.
    #[default]
    Mount,
    /// An environment variable.
    Env,
}

/// One `--secret` as given, parsed; the secret not yet looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretRequest {
    pub name: String,
    pub kind: SecretKind,
    /// A path (mount) or a variable name (env); `None`: the secret's name.
    pub target: Option<String>,
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
}

/// A secret in a container's record: which one (by ID: a rename of nothing,
/// a `--replace` of the data, are both seen at the next start) and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretUse {
    pub name: String,
    pub id: String,
    pub kind: SecretKind,
    /// An absolute path (mount) or a variable name (env).
    pub target: String,
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
}

fn invalid(why: String) -> Error {
    Error::Invalid(format!("{why}: parsing secret"))
}

impl SecretRequest {
    /// `NAME[,type=mount|env][,target=…][,uid=…][,gid=…][,mode=…]`, as Podman reads it.
    pub fn parse(spec: &str) -> Result<SecretRequest, Error> {
        let mut parts = spec.split(',');
        let name = parts.next().unwrap_or_default().to_string();
        if name.is_empty() || name.contains('=') {
            return Err(invalid(format!(
                "--secret {spec:?}: give the secret's name first (NAME[,type=mount|env,target=…])"
            )));
        }
        let mut request = SecretRequest {
            name,
            kind: SecretKind::Mount,
            target: None,
            uid: 0,
            gid: 0,
            mode: 0o444,
        };
        let mut owner_or_mode = false;
        for part in parts {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| invalid(format!("option {part} invalid")))?;
            let number = |radix: u32| {
                u32::from_str_radix(value, radix)
                    .map_err(|_| invalid(format!("option {part} invalid: not a number")))
            };
            match key {
                "type" => {
                    request.kind = match value {
                        "mount" => SecretKind::Mount,
                        "env" => SecretKind::Env,
                        _ => return Err(invalid(format!("type {value} is invalid"))),
                    }
                }
                "target" if !value.is_empty() => request.target = Some(value.to_string()),
                "uid" => (request.uid, owner_or_mode) = (number(10)?, true),
                "gid" => (request.gid, owner_or_mode) = (number(10)?, true),
                "mode" => (request.mode, owner_or_mode) = (number(8)? & 0o7777, true),
                _ => return Err(invalid(format!("option {part} invalid"))),
            }
        }
        if owner_or_mode && request.kind == SecretKind::Env {
            return Err(invalid(
                "UID, GID, Mode options cannot be set with secret type env".into(),
            ));
        }
        Ok(request)
    }

    /// The secret looked up in `secrets`: what the record keeps.
    pub fn resolve(&self, secrets: &SecretStore) -> Result<SecretUse, Error> {
        let secret = secrets.get(&self.name)?;
        let target = match (self.kind, &self.target) {
            (SecretKind::Env, target) => target.clone().unwrap_or_else(|| self.name.clone()),
            (SecretKind::Mount, Some(path)) if path.starts_with('/') => path.clone(),
            (SecretKind::Mount, Some(name)) => format!("{SECRETS_DIR}/{name}"),
            (SecretKind::Mount, None) => format!("{SECRETS_DIR}/{}", self.name),
        };
        Ok(SecretUse {
            name: secret.name().to_string(),
            id: secret.id,
            kind: self.kind,
            target,
            uid: self.uid,
            gid: self.gid,
            mode: self.mode,
        })
    }
}

/// What a container's secrets add to its start: read-only mounts of fresh
/// copies, and `NAME=VALUE` environment entries.
#[derive(Debug, Default)]
pub struct Delivered {
    pub mounts: Vec<Mount>,
    pub env: Vec<String>,
}

/// Reads `uses`' data from the store under `root` and delivers it for a
/// start of container `id`: copies in its runtime entry under `runroot`
/// (owned as asked, seen through `ids` for a container with a user
/// namespace of its own), environment entries.
pub fn deliver(
    root: &Path,
    runroot: &Path,
    id: &str,
    uses: &[SecretUse],
    ids: Option<&IdMappings>,
) -> Result<Delivered, Error> {
    let mut delivered = Delivered::default();
    if uses.is_empty() {
        return Ok(delivered);
    }
    let store = SecretStore::open(root)?;
    let dir = entry_dir(runroot, id).join("secrets");
    for (n, used) in uses.iter().enumerate() {
        let (_, data) = store.data(&used.id).map_err(|e| match e {
            crate::secret::Error::NotFound(_) => Error::Invalid(format!(
                "secret {} used by this container no longer exists: create it again (`rcon secret create {}`) or recreate the container",
                used.name, used.name
            )),
            e => e.into(),
        })?;
        match used.kind {
            SecretKind::Env => {
                let value = String::from_utf8_lossy(&data);
                delivered.env.push(format!("{}={value}", used.target));
            }
            SecretKind::Mount => {
                let copy = dir.join(n.to_string());
                write_copy(&dir, &copy, &data, used, ids)?;
                delivered.mounts.push(Mount {
                    read_only: true,
                    nosuid: true,
                    nodev: true,
                    noexec: true,
                    ..Mount::bind(copy, &used.target)
                });
            }
        }
    }
    Ok(delivered)
}

/// One mounted secret's copy: made 0600 (no moment readable by others),
/// then given its owner and mode.
fn write_copy(
    dir: &Path,
    copy: &PathBuf,
    data: &[u8],
    used: &SecretUse,
    ids: Option<&IdMappings>,
) -> Result<(), Error> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io_err("creating", dir))?;
    let _ = std::fs::remove_file(copy);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(copy)
        .map_err(io_err("creating", copy))?;
    std::io::Write::write_all(&mut file, data).map_err(io_err("writing", copy))?;
    let (uid, gid) = match ids {
        Some(ids) => ids
            .outside(used.uid, used.gid)
            .unwrap_or((used.uid, used.gid)),
        None => (used.uid, used.gid),
    };
    // The owner first: chown clears set-ID bits the mode may ask for.
    std::os::unix::fs::fchown(&file, Some(uid), Some(gid))
        .map_err(io_err("changing the owner of", copy))?;
    file.set_permissions(std::fs::Permissions::from_mode(used.mode))
        .map_err(io_err("changing the mode of", copy))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_as_podman_reads_them() {
        let plain = SecretRequest::parse("db").unwrap();
        assert_eq!(plain.kind, SecretKind::Mount);
        assert_eq!(plain.mode, 0o444);
        let full =
            SecretRequest::parse("db,type=mount,target=/etc/x,uid=5,gid=6,mode=0400").unwrap();
        assert_eq!(
            (full.target.as_deref(), full.uid, full.gid, full.mode),
            (Some("/etc/x"), 5, 6, 0o400)
        );
        let env = SecretRequest::parse("db,type=env,target=FOO").unwrap();
        assert_eq!(
            (env.kind, env.target.as_deref()),
            (SecretKind::Env, Some("FOO"))
        );
        let error = |spec: &str| SecretRequest::parse(spec).unwrap_err().to_string();
        assert_eq!(
            error("db,type=bogus"),
            "type bogus is invalid: parsing secret"
        );
        assert_eq!(
            error("db,foo=bar"),
            "option foo=bar invalid: parsing secret"
        );
        assert!(error("db,type=env,uid=3").contains("cannot be set with secret type env"));
        assert!(error("db,mode=rw").contains("not a number"));
        assert!(error("").contains("name first"));
    }
}
