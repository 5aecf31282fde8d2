//! RUN `--mount` (BuildKit's syntax): cache, bind, secret and tmpfs mounts
//! for one step, made into `rcon run`'s own `--mount` and `--tmpfs` specs
//! for the step's container; and `--secret`, what secret mounts read.
//!
//! None of them is part of the step's layer: their contents are never in
//! the container's root, and the mount points the runtime made for them
//! (a target the image lacks) are taken out again before the layer is
//! made. A secret's content is never in the cache key either (the key has
//! the instruction's text: the secret's id, not what it holds).

use std::fs::{self, File};
use std::os::fd::AsRawFd;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::storage::extract::Root;

/// A `--secret id=ID,src=FILE` of the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub id: String,
    pub source: PathBuf,
}

impl Secret {
    /// `id=ID,src=FILE` (also `source=`; `type=file` accepted); a relative
    /// file is the working directory's.
    pub fn parse(spec: &str) -> Result<Secret, String> {
        let mut id = None;
        let mut source = None;
        for field in spec.split(',') {
            match field.split_once('=') {
                Some(("id", value)) => id = Some(value.to_string()),
                Some(("src" | "source", value)) => source = Some(PathBuf::from(value)),
                Some(("type", "file")) => {}
                _ => {
                    return Err(format!(
                        "--secret {spec}: unknown field {field:?}: give id=ID,src=FILE"
                    ));
                }
            }
        }
        let source = source.ok_or_else(|| format!("--secret {spec}: give src=FILE"))?;
        let id = match id {
            Some(id) => id,
            None => source
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .ok_or_else(|| format!("--secret {spec}: give id=ID"))?,
        };
        let source = std::path::absolute(&source)
            .map_err(|e| format!("--secret {spec}: finding the working directory: {e}"))?;
        if !source.is_file() {
            return Err(format!(
                "--secret {spec}: {} is not a file",
                source.display()
            ));
        }
        Ok(Secret { id, source })
    }
}

/// One `--mount=` of a RUN instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunMount {
    /// Files of the context, or of a stage's or an image's files
    /// (`from`), read-only (`rw` is refused: BuildKit throws such writes
    /// away, a bind would keep them).
    Bind {
        target: String,
        source: String,
        from: Option<String>,
    },
    /// A directory kept across builds, per user, by `id`.
    Cache {
        target: String,
        id: String,
        sharing: Sharing,
        read_only: bool,
        mode: u32,
        owner: (u32, u32),
    },
    Tmpfs {
        target: String,
        size: Option<String>,
    },
    /// A `--secret`, read-only; missing: an error when `required`.
    Secret {
        target: String,
        id: String,
        required: bool,
    },
}

/// How concurrent builds share a cache mount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// Every build at once.
    Shared,
    /// One build at a time; the others wait.
    Locked,
    /// A build that finds it in use gets a fresh, empty one.
    Private,
}

impl RunMount {
    /// Parses a `--mount=` value; relative targets are `workdir`'s.
    pub fn parse(spec: &str, workdir: &str) -> Result<RunMount, String> {
        let bad = |why: &str| format!("--mount={spec}: {why}");
        let mut fields = std::collections::BTreeMap::new();
        for field in spec.split(',').filter(|f| !f.is_empty()) {
            let (key, value) = field.split_once('=').unwrap_or((field, ""));
            fields.insert(key.to_string(), value.to_string());
        }
        let take = |fields: &mut std::collections::BTreeMap<String, String>, keys: &[&str]| {
            keys.iter().find_map(|k| fields.remove(*k))
        };
        let kind = take(&mut fields, &["type"]).unwrap_or_else(|| "bind".into());
        let target = take(&mut fields, &["target", "dst", "destination"])
            .filter(|t| !t.is_empty())
            .map(|t| {
                if t.starts_with('/') {
                    t
                } else {
                    format!("{}/{t}", workdir.trim_end_matches('/'))
                }
            });
        let flag = |fields: &mut std::collections::BTreeMap<String, String>, keys: &[&str]| {
            take(fields, keys).map(|v| matches!(v.as_str(), "" | "true" | "1"))
        };
        let number =
            |text: Option<String>, radix: u32, what: &str| -> Result<Option<u32>, String> {
                text.map(|t| {
                    u32::from_str_radix(&t, radix)
                        .map_err(|_| bad(&format!("{what}={t}: give a number")))
                })
                .transpose()
            };
        let mount = match kind.as_str() {
            "bind" => {
                if flag(&mut fields, &["rw", "readwrite"]) == Some(true) {
                    return Err(bad(
                        "rw bind mounts are not supported: write into a cache or tmpfs mount",
                    ));
                }
                flag(&mut fields, &["ro", "readonly"]);
                RunMount::Bind {
                    target: target.ok_or_else(|| bad("give target=PATH"))?,
                    source: take(&mut fields, &["source", "src"]).unwrap_or_default(),
                    from: take(&mut fields, &["from"]).filter(|f| !f.is_empty()),
                }
            }
            "cache" => {
                let target = target.ok_or_else(|| bad("give target=PATH"))?;
                let sharing = match take(&mut fields, &["sharing"]).as_deref() {
                    None | Some("shared") => Sharing::Shared,
                    Some("locked") => Sharing::Locked,
                    Some("private") => Sharing::Private,
                    Some(other) => {
                        return Err(bad(&format!(
                            "sharing={other}: use shared, locked or private"
                        )));
                    }
                };
                if let Some(from) = take(&mut fields, &["from"]) {
                    return Err(bad(&format!(
                        "from={from}: cache mounts seeded from a stage are not supported yet"
                    )));
                }
                RunMount::Cache {
                    id: take(&mut fields, &["id"])
                        .filter(|i| !i.is_empty())
                        .unwrap_or_else(|| target.clone()),
                    target,
                    sharing,
                    read_only: flag(&mut fields, &["ro", "readonly"]).unwrap_or(false),
                    mode: number(take(&mut fields, &["mode"]), 8, "mode")?.unwrap_or(0o755),
                    owner: (
                        number(take(&mut fields, &["uid"]), 10, "uid")?.unwrap_or(0),
                        number(take(&mut fields, &["gid"]), 10, "gid")?.unwrap_or(0),
                    ),
                }
            }
            "tmpfs" => RunMount::Tmpfs {
                target: target.ok_or_else(|| bad("give target=PATH"))?,
                size: take(&mut fields, &["size", "tmpfs-size"]),
            },
            "secret" => {
                let id = take(&mut fields, &["id"]).filter(|i| !i.is_empty());
                let (id, target) = match (id, target) {
                    (Some(id), Some(target)) => (id, target),
                    (Some(id), None) => (id.clone(), format!("/run/secrets/{id}")),
                    (None, Some(target)) => (
                        target.rsplit('/').next().unwrap_or_default().to_string(),
                        target,
                    ),
                    (None, None) => return Err(bad("give id=ID or target=PATH")),
                };
                RunMount::Secret {
                    target,
                    id,
                    required: flag(&mut fields, &["required"]).unwrap_or(false),
                }
            }
            other => {
                return Err(bad(&format!(
                    "type={other}: use bind, cache, secret or tmpfs"
                )));
            }
        };
        // Options of BuildKit's that change nothing here.
        for key in ["mode", "uid", "gid", "ro", "readonly", "bind-propagation"] {
            fields.remove(key);
        }
        if let Some(key) = fields.keys().next() {
            return Err(bad(&format!("unknown option {key:?}")));
        }
        Ok(mount)
    }

    pub fn target(&self) -> &str {
        match self {
            RunMount::Bind { target, .. }
            | RunMount::Cache { target, .. }
            | RunMount::Tmpfs { target, .. }
            | RunMount::Secret { target, .. } => target,
        }
    }
}

/// A step's mounts, ready: `rcon run` specs, and what they hold while the
/// step runs (cache locks, a private cache's fresh directory).
#[derive(Default)]
pub struct Prepared {
    pub mounts: Vec<String>,
    pub tmpfs: Vec<String>,
    /// Held until the step ends.
    _locks: Vec<File>,
    /// Removed when the step ends.
    scratch: Vec<PathBuf>,
}

impl Drop for Prepared {
    fn drop(&mut self) {
        for dir in &self.scratch {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

/// Where they come from.
pub struct Sources<'a> {
    /// The build context (bind mounts' sources are looked up inside it).
    pub context: &'a Root,
    /// The files of each `from=` of a bind mount (a stage or an image),
    /// by the name it was given, attached where the step's container sees
    /// them.
    pub images: Vec<(&'a str, &'a Root)>,
    pub secrets: &'a [Secret],
    /// `<root>/build-cache-mounts`: the user's cache mounts, by id.
    pub caches: PathBuf,
    /// A directory for a private cache's fresh copy.
    pub scratch: PathBuf,
}

/// Makes `mounts` ready for the step's container.
pub fn prepare(mounts: &[RunMount], sources: &Sources) -> Result<Prepared, String> {
    let mut prepared = Prepared::default();
    for mount in mounts {
        match mount {
            RunMount::Bind {
                target,
                source,
                from,
            } => {
                let root = match from {
                    None => sources.context,
                    Some(from) => sources
                        .images
                        .iter()
                        .find(|(name, _)| name == from)
                        .map(|(_, root)| *root)
                        .ok_or_else(|| format!("--mount from={from}: its files are not ready"))?,
                };
                let path = inside(root, source)?;
                prepared.mounts.push(bind_spec(&path, target, true));
            }
            RunMount::Tmpfs { target, size } => prepared.tmpfs.push(match size {
                Some(size) => format!("{target}:size={size}"),
                None => target.clone(),
            }),
            RunMount::Secret {
                target,
                id,
                required,
            } => match sources.secrets.iter().find(|s| &s.id == id) {
                Some(secret) => prepared
                    .mounts
                    .push(bind_spec(&secret.source, target, true)),
                None if *required => {
                    return Err(format!(
                        "the secret {id:?} is required: give it with --secret id={id},src=FILE"
                    ));
                }
                None => {}
            },
            RunMount::Cache {
                target,
                id,
                sharing,
                read_only,
                mode,
                owner,
            } => {
                let dir = cache_dir(sources, id, *mode, *owner)?;
                let lock = File::options()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(dir.with_extension("lock"))
                    .map_err(|e| format!("locking the cache mount {id:?}: {e}"))?;
                let dir = match sharing {
                    Sharing::Shared => {
                        flock(&lock, libc::LOCK_SH)?;
                        dir
                    }
                    Sharing::Locked => {
                        flock(&lock, libc::LOCK_EX)?;
                        dir
                    }
                    Sharing::Private => {
                        if flock(&lock, libc::LOCK_EX | libc::LOCK_NB).is_ok() {
                            dir
                        } else {
                            let fresh = fresh_dir(&sources.scratch, *mode, *owner)?;
                            prepared.scratch.push(fresh.clone());
                            fresh
                        }
                    }
                };
                prepared._locks.push(lock);
                prepared.mounts.push(bind_spec(&dir, target, *read_only));
            }
        }
    }
    Ok(prepared)
}

fn bind_spec(source: &Path, target: &str, read_only: bool) -> String {
    let ro = if read_only { ",ro" } else { "" };
    format!("type=bind,src={},dst={target}{ro}", source.display())
}

/// The host path of `source` inside `root` (the context, or a stage's
/// files), every symlink resolved inside it (`../` and absolute links stop
/// at its top).
fn inside(root: &Root, source: &str) -> Result<PathBuf, String> {
    let file = root
        .open_path(Path::new(source))
        .map_err(|e| format!("bind mount source {source:?}: {e}"))?;
    fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd()))
        .map_err(|e| format!("bind mount source {source:?}: {e}"))
}

/// The cache mount `id`'s directory, made on first use (`mode`, `owner`).
fn cache_dir(sources: &Sources, id: &str, mode: u32, owner: (u32, u32)) -> Result<PathBuf, String> {
    let name = hex::encode(Sha256::digest(id.as_bytes()));
    let dir = sources.caches.join(name);
    if dir.is_dir() {
        return Ok(dir);
    }
    fs::create_dir_all(&sources.caches)
        .map_err(|e| format!("making {}: {e}", sources.caches.display()))?;
    let fresh = fresh_dir(&sources.caches, mode, owner)?;
    // Two builds may make it at once: the first rename wins.
    if fs::rename(&fresh, &dir).is_err() {
        let _ = fs::remove_dir(&fresh);
    }
    Ok(dir)
}

/// A new empty directory below `parent` with `mode` and `owner`.
fn fresh_dir(parent: &Path, mode: u32, owner: (u32, u32)) -> Result<PathBuf, String> {
    fs::create_dir_all(parent).map_err(|e| format!("making {}: {e}", parent.display()))?;
    for n in 0u32.. {
        let dir = parent.join(format!("new-{}-{n}", std::process::id()));
        match fs::DirBuilder::new().mode(mode).create(&dir) {
            Ok(()) => {
                std::os::unix::fs::chown(&dir, Some(owner.0), Some(owner.1))
                    .and_then(|()| {
                        fs::set_permissions(
                            &dir,
                            std::os::unix::fs::PermissionsExt::from_mode(mode),
                        )
                    })
                    .map_err(|e| format!("setting up {}: {e}", dir.display()))?;
                return Ok(dir);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("making {}: {e}", dir.display())),
        }
    }
    unreachable!("some name is free")
}

fn flock(file: &File, operation: i32) -> Result<(), String> {
    // SAFETY: flock on a descriptor this function borrows; no memory is passed.
    if unsafe { libc::flock(file.as_raw_fd(), operation) } == 0 {
        Ok(())
    } else {
        Err(format!(
            "locking a cache mount: {}",
            std::io::Error::last_os_error()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mounts_parse_with_buildkit_defaults() {
        assert_eq!(
            RunMount::parse("type=cache,target=/root/.cache", "/").unwrap(),
            RunMount::Cache {
                target: "/root/.cache".into(),
                id: "/root/.cache".into(),
                sharing: Sharing::Shared,
                read_only: false,
                mode: 0o755,
                owner: (0, 0),
            }
        );
        assert_eq!(
            RunMount::parse("type=secret,id=tok", "/").unwrap(),
            RunMount::Secret {
                target: "/run/secrets/tok".into(),
                id: "tok".into(),
                required: false
            }
        );
        assert_eq!(
            RunMount::parse("target=src,source=lib,ro", "/app").unwrap(),
            RunMount::Bind {
                target: "/app/src".into(),
                source: "lib".into(),
                from: None,
            }
        );
        assert_eq!(
            RunMount::parse("type=bind,from=build,source=/out,target=/in", "/").unwrap(),
            RunMount::Bind {
                target: "/in".into(),
                source: "/out".into(),
                from: Some("build".into()),
            }
        );
        assert_eq!(
            RunMount::parse("type=tmpfs,dst=/t,size=1m", "/").unwrap(),
            RunMount::Tmpfs {
                target: "/t".into(),
                size: Some("1m".into())
            }
        );
        for bad in [
            "type=cache",
            "type=nfs,target=/x",
            "type=cache,target=/x,sharing=sometimes",
            "type=bind,target=/x,rw",
            "type=tmpfs,target=/x,colour=red",
        ] {
            assert!(RunMount::parse(bad, "/").is_err(), "{bad}");
        }
    }
}
