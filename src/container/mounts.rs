//! `-v/--volume`, `--mount` and `--tmpfs`, parsed with Podman's grammar into
//! [`MountSpec`]s for the runtime.
//!
//! Parsing is pure: it checks the grammar, the option names and which options
//! exclude each other, and makes container paths clean and absolute. Whether a
//! bind source exists is a question about the host, answered separately by
//! [`resolve_bind_sources`]. Defaults the runtime adds (nosuid/nodev on volumes
//! and tmpfs, rprivate propagation, rbind) are not written into the spec:
//! `options` holds only what the user asked for.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::storage::volume::valid_volume_name;

/// What is mounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MountKind {
    /// A host file or directory.
    Bind,
    /// A named volume of the store, or an anonymous one (no source).
    Volume,
    /// A fresh tmpfs.
    Tmpfs,
}

impl MountKind {
    /// `bind`, `volume` or `tmpfs`.
    pub fn name(self) -> &'static str {
        match self {
            MountKind::Bind => "bind",
            MountKind::Volume => "volume",
            MountKind::Tmpfs => "tmpfs",
        }
    }
}

/// One mount requested on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountSpec {
    pub kind: MountKind,
    /// Host path (bind) or volume name; `None` for an anonymous volume or a tmpfs.
    pub source: Option<String>,
    /// Absolute, lexically clean path in the container.
    pub destination: String,
    pub read_only: bool,
    /// The other options, in the order given: propagation (`rshared`...),
    /// `nosuid`/`suid`, `nodev`/`dev`, `noexec`/`exec`, `bind`/`rbind`,
    /// `z`/`Z`, `U`, `copy`/`nocopy` (volumes), `size=`/`mode=`/`uid=`/`gid=`/
    /// `nr_inodes=` (tmpfs).
    pub options: Vec<String>,
}

/// A spec that cannot be used; the message names the spec and what is wrong in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("invalid volume {spec:?}: {problem}")]
    Volume { spec: String, problem: Problem },
    #[error("invalid mount {spec:?}: {problem}")]
    Mount { spec: String, problem: Problem },
    #[error("invalid tmpfs {spec:?}: {problem}")]
    Tmpfs { spec: String, problem: Problem },
    /// Podman's words: scripts match them.
    #[error("{0}: duplicate mount destination")]
    DuplicateDestination(String),
    #[error(
        "bind mount source {} does not exist; create it or correct the path",
        .0.display()
    )]
    MissingSource(PathBuf),
    #[error("checking bind mount source {}: {message}", path.display())]
    Source { path: PathBuf, message: String },
    #[error(
        "bind source {0:?} is relative, but the working directory it is relative to has no path (was it removed?); give an absolute path"
    )]
    NoWorkingDir(String),
    #[error("invalid --volumes-from {0:?}: give CONTAINER[:OPTIONS], options ro, rw and z")]
    VolumesFrom(String),
    #[error("invalid --image-volume {0:?}: give bind, tmpfs or ignore")]
    ImageVolumes(String),
}

/// `--volumes-from CONTAINER[:ro|rw]`: another container's volumes and bind
/// mounts, at the same places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumesFrom {
    pub container: String,
    /// `ro` or `rw`; `None` keeps each mount's own.
    pub read_only: Option<bool>,
}

impl VolumesFrom {
    pub fn parse(spec: &str) -> Result<VolumesFrom, Error> {
        let invalid = || Error::VolumesFrom(spec.to_string());
        let (container, options) = spec.split_once(':').unwrap_or((spec, ""));
        if container.is_empty() {
            return Err(invalid());
        }
        let mut read_only = None;
        for option in options.split(',').filter(|o| !o.is_empty()) {
            match (option, read_only) {
                ("ro", None) => read_only = Some(true),
                ("rw", None) => read_only = Some(false),
                // SELinux relabelling: nothing to do without SELinux.
                ("z", _) => {}
                _ => return Err(invalid()),
            }
        }
        Ok(VolumesFrom {
            container: container.to_string(),
            read_only,
        })
    }
}

/// `--image-volume` (containers.conf's `image_volume_mode`): what the
/// image's VOLUMEs become.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ImageVolumes {
    /// Anonymous volumes (Podman's default).
    #[default]
    Bind,
    Tmpfs,
    Ignore,
}

impl ImageVolumes {
    pub fn parse(mode: &str) -> Result<ImageVolumes, Error> {
        match mode {
            "bind" => Ok(ImageVolumes::Bind),
            "tmpfs" => Ok(ImageVolumes::Tmpfs),
            "ignore" => Ok(ImageVolumes::Ignore),
            other => Err(Error::ImageVolumes(other.to_string())),
        }
    }

    /// The mounts for the image's `volumes`, except where `taken` mounts
    /// something already.
    pub fn specs(self, volumes: &[String], taken: &[MountSpec]) -> Vec<MountSpec> {
        let kind = match self {
            ImageVolumes::Bind => MountKind::Volume,
            ImageVolumes::Tmpfs => MountKind::Tmpfs,
            ImageVolumes::Ignore => return Vec::new(),
        };
        let mut specs: Vec<MountSpec> = Vec::new();
        for volume in volumes {
            let destination = clean(Path::new(volume)).display().to_string();
            if taken
                .iter()
                .chain(&specs)
                .any(|m| m.destination == destination)
            {
                continue;
            }
            specs.push(MountSpec {
                kind,
                source: None,
                destination,
                read_only: false,
                options: Vec::new(),
            });
        }
        specs
    }
}

/// What is wrong inside one spec.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("too many ':'-separated fields; expected HOST-DIR:CONTAINER-DIR[:OPTIONS]")]
    TooManyFields,
    #[error("the container path is empty")]
    EmptyDestination,
    #[error("the host path or volume name before ':' is empty")]
    EmptySource,
    #[error("container path {0:?} is not absolute; it must start with /")]
    RelativeDestination(String),
    #[error(
        "volume name {0:?} is invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]* (host paths start with / or .)"
    )]
    VolumeName(String),
    #[error("an option is empty (a stray ',' or ':')")]
    EmptyOption,
    #[error("unknown option {0:?}")]
    UnknownOption(String),
    #[error("options {first:?} and {second:?} cannot be combined: give at most one of {group}")]
    Conflict {
        first: String,
        second: String,
        group: String,
    },
    #[error(
        "option {option:?} does not apply to {kind} mounts",
        kind = kind.name()
    )]
    NotForKind { option: String, kind: MountKind },
    #[error(
        "overlay volumes (option O) are not supported by rcon; mount the directory read-only (:ro) or copy it into a named volume"
    )]
    Overlay,
    #[error("{key}={value:?} is invalid: expected {expected}")]
    BadValue {
        key: String,
        value: String,
        expected: &'static str,
    },
    #[error(
        "type= is missing; expected type=bind|volume|tmpfs,[source=HOST-DIR|VOLUME,]target=CONTAINER-DIR[,OPTIONS]"
    )]
    MissingType,
    #[error("unknown type {0:?}; rcon mounts type=bind, type=volume or type=tmpfs")]
    UnknownType(String),
    #[error("target= (the container path) is missing")]
    MissingDestination,
    #[error("bind mounts need source= (the host path)")]
    MissingSource,
    #[error("tmpfs mounts take no source")]
    TmpfsSource,
    #[error(
        "volume-opt is not supported: rcon's volumes are plain directories (driver local, no options)"
    )]
    VolumeOpt,
}

/// Options of which at most one may be given.
const EXCLUSIVE: &[&[&str]] = &[
    &["ro", "rw"],
    &["z", "Z"],
    &["nosuid", "suid"],
    &["nodev", "dev"],
    &["noexec", "exec"],
    &["bind", "rbind"],
    &["copy", "nocopy"],
    PROPAGATIONS,
];

const PROPAGATIONS: &[&str] = &[
    "private",
    "rprivate",
    "shared",
    "rshared",
    "slave",
    "rslave",
    "unbindable",
    "runbindable",
];

/// A tmpfs option with a value: its key, a check of the value, and what the
/// value must look like (for the error).
type ValueOption = (&'static str, fn(&str) -> bool, &'static str);

/// Options with a value, valid on tmpfs only.
const TMPFS_VALUES: &[ValueOption] = &[
    (
        "size",
        is_tmpfs_size,
        "a size in bytes with an optional k, m or g suffix, or a percentage of memory (50%)",
    ),
    ("mode", is_octal_mode, "an octal mode such as 1777"),
    ("uid", is_id, "a numeric user ID"),
    ("gid", is_id, "a numeric group ID"),
    (
        "nr_inodes",
        is_count,
        "a number with an optional k, m or g suffix",
    ),
];

/// The flags of one spec as they are read: the read-only bit, the options
/// kept, and which exclusive option was seen from each group.
struct Options {
    kind: MountKind,
    read_only: bool,
    kept: Vec<String>,
    seen: Vec<Option<String>>,
}

impl Options {
    fn new(kind: MountKind) -> Options {
        Options {
            kind,
            read_only: false,
            kept: Vec::new(),
            seen: vec![None; EXCLUSIVE.len()],
        }
    }

    fn add(&mut self, option: &str) -> Result<(), Problem> {
        if option.is_empty() {
            return Err(Problem::EmptyOption);
        }
        if option == "O" {
            return Err(Problem::Overlay);
        }
        if let Some((key, value)) = option.split_once('=') {
            let Some((_, valid, expected)) = TMPFS_VALUES.iter().find(|(k, ..)| *k == key) else {
                return Err(Problem::UnknownOption(option.to_string()));
            };
            self.require(self.kind == MountKind::Tmpfs, option)?;
            if !valid(value) {
                return Err(Problem::BadValue {
                    key: key.to_string(),
                    value: value.to_string(),
                    expected,
                });
            }
            self.kept.push(option.to_string());
            return Ok(());
        }
        match option {
            "U" => {
                // Chown the source to the container user: one flag, no partner.
                self.require(self.kind != MountKind::Tmpfs, option)?;
                if !self.kept.iter().any(|o| o == "U") {
                    self.kept.push(option.to_string());
                }
                return Ok(());
            }
            "z" | "Z" | "bind" | "rbind" => {
                self.require(self.kind != MountKind::Tmpfs, option)?;
            }
            "copy" | "nocopy" => self.require(self.kind == MountKind::Volume, option)?,
            _ => {}
        }
        let Some(group) = EXCLUSIVE.iter().position(|g| g.contains(&option)) else {
            return Err(Problem::UnknownOption(option.to_string()));
        };
        if let Some(first) = &self.seen[group] {
            return Err(Problem::Conflict {
                first: first.clone(),
                second: option.to_string(),
                group: EXCLUSIVE[group].join(", "),
            });
        }
        self.seen[group] = Some(option.to_string());
        match option {
            "ro" => self.read_only = true,
            "rw" => {}
            _ => self.kept.push(option.to_string()),
        }
        Ok(())
    }

    fn require(&self, applies: bool, option: &str) -> Result<(), Problem> {
        if applies {
            Ok(())
        } else {
            Err(Problem::NotForKind {
                option: option.to_string(),
                kind: self.kind,
            })
        }
    }

    fn into_spec(self, source: Option<String>, destination: String) -> MountSpec {
        MountSpec {
            kind: self.kind,
            source,
            destination,
            read_only: self.read_only,
            options: self.kept,
        }
    }
}

/// `-v/--volume`: `HOST-DIR:CONTAINER-DIR[:OPTIONS]`, `NAME:CONTAINER-DIR[:OPTIONS]`,
/// or `CONTAINER-DIR` alone for an anonymous volume. A source starting with `/`
/// or `.` is a host path; anything else names a volume.
pub fn parse_volume(spec: &str) -> Result<MountSpec, Error> {
    let fail = |problem| Error::Volume {
        spec: spec.to_string(),
        problem,
    };
    let fields: Vec<&str> = spec.split(':').collect();
    let (source, destination, options) = match fields.as_slice() {
        [destination] => (None, *destination, None),
        [source, destination] => (Some(*source), *destination, None),
        [source, destination, options] => (Some(*source), *destination, Some(*options)),
        _ => return Err(fail(Problem::TooManyFields)),
    };
    let destination = container_path(destination).map_err(fail)?;
    let kind = match source {
        Some("") => return Err(fail(Problem::EmptySource)),
        Some(s) if s.starts_with('/') || s.starts_with('.') => MountKind::Bind,
        Some(name) if !valid_volume_name(name) => {
            return Err(fail(Problem::VolumeName(name.to_string())));
        }
        _ => MountKind::Volume,
    };
    let mut parsed = Options::new(kind);
    if let Some(options) = options {
        for option in options.split(',') {
            parsed.add(option).map_err(fail)?;
        }
    }
    Ok(parsed.into_spec(source.map(str::to_string), destination))
}

/// `--mount type=bind|volume|tmpfs,source=…,target=…[,OPTIONS]` (Docker's
/// and Podman's keys: `src`, `dst`/`destination`, `ro`/`readonly[=true|false]`,
/// `rw[=…]`, `bind-propagation=`, `bind-nonrecursive`, `relabel=shared|private`,
/// `z`, `Z`, `U`, `nosuid`…, `tmpfs-size=`, `tmpfs-mode=`, `volume-nocopy`).
pub fn parse_mount(spec: &str) -> Result<MountSpec, Error> {
    let fail = |problem| Error::Mount {
        spec: spec.to_string(),
        problem,
    };
    let fields: Vec<(&str, Option<&str>)> = spec
        .split(',')
        .map(|field| match field.split_once('=') {
            Some((key, value)) => (key, Some(value)),
            None => (field, None),
        })
        .collect();
    let kind = match fields.iter().rev().find(|(key, _)| *key == "type") {
        None | Some((_, None)) => return Err(fail(Problem::MissingType)),
        Some((_, Some("bind"))) => MountKind::Bind,
        Some((_, Some("volume"))) => MountKind::Volume,
        Some((_, Some("tmpfs"))) => MountKind::Tmpfs,
        Some((_, Some(other))) => return Err(fail(Problem::UnknownType(other.to_string()))),
    };
    let mut options = Options::new(kind);
    let mut source = None;
    let mut destination = None;
    for &(key, value) in &fields {
        let for_kind = |prefix: &str, wanted: MountKind| {
            if key.starts_with(prefix) && kind != wanted {
                Err(Problem::NotForKind {
                    option: key.to_string(),
                    kind,
                })
            } else {
                Ok(())
            }
        };
        for_kind("bind-", MountKind::Bind)
            .and(for_kind("tmpfs-", MountKind::Tmpfs))
            .and(for_kind("volume-", MountKind::Volume))
            .map_err(fail)?;
        let option = match (key, value) {
            ("type", _) => continue,
            ("source" | "src", Some(value)) => {
                source = Some(value);
                continue;
            }
            ("destination" | "dst" | "target", Some(value)) => {
                destination = Some(value);
                continue;
            }
            ("ro" | "readonly" | "rw", value) => {
                let set = value
                    .map_or(Ok(true), |v| parse_bool(key, v))
                    .map_err(fail)?;
                if set == (key == "rw") { "rw" } else { "ro" }.to_string()
            }
            ("bind-propagation", Some(value)) if PROPAGATIONS.contains(&value) => value.to_string(),
            ("bind-propagation", Some(value)) => {
                return Err(fail(Problem::BadValue {
                    key: key.to_string(),
                    value: value.to_string(),
                    expected: "one of private, rprivate, shared, rshared, slave, rslave, unbindable, runbindable",
                }));
            }
            ("bind-nonrecursive", None) => "bind".to_string(),
            ("relabel", Some("shared")) => "z".to_string(),
            ("relabel", Some("private")) => "Z".to_string(),
            ("relabel", Some(value)) => {
                return Err(fail(Problem::BadValue {
                    key: key.to_string(),
                    value: value.to_string(),
                    expected: "shared or private",
                }));
            }
            ("tmpfs-size", Some(value)) => format!("size={value}"),
            ("tmpfs-mode", Some(value)) => format!("mode={value}"),
            ("volume-nocopy", None) => "nocopy".to_string(),
            ("volume-opt", Some(_)) => return Err(fail(Problem::VolumeOpt)),
            (_, None) => key.to_string(),
            (_, Some(_)) => return Err(fail(Problem::UnknownOption(key.to_string()))),
        };
        options.add(&option).map_err(fail)?;
    }
    let destination = container_path(
        destination
            .ok_or(Problem::MissingDestination)
            .map_err(fail)?,
    )
    .map_err(fail)?;
    let source = match (kind, source) {
        (_, Some("")) => return Err(fail(Problem::EmptySource)),
        (MountKind::Tmpfs, Some(_)) => return Err(fail(Problem::TmpfsSource)),
        (MountKind::Bind, None) => return Err(fail(Problem::MissingSource)),
        (MountKind::Volume, Some(name)) if !valid_volume_name(name) => {
            return Err(fail(Problem::VolumeName(name.to_string())));
        }
        (_, source) => source.map(str::to_string),
    };
    Ok(options.into_spec(source, destination))
}

/// `--tmpfs CONTAINER-DIR[:OPTIONS]`, options as mount(8) takes them for tmpfs
/// (`size=`, `mode=`, `uid=`, `gid=`, `nr_inodes=`, `ro`/`rw`, `nosuid`…, propagation).
pub fn parse_tmpfs(spec: &str) -> Result<MountSpec, Error> {
    let fail = |problem| Error::Tmpfs {
        spec: spec.to_string(),
        problem,
    };
    let (destination, options) = match spec.split_once(':') {
        Some((destination, options)) => (destination, Some(options)),
        None => (spec, None),
    };
    let destination = container_path(destination).map_err(fail)?;
    let mut parsed = Options::new(MountKind::Tmpfs);
    for option in options.into_iter().flat_map(|o| o.split(',')) {
        parsed.add(option).map_err(fail)?;
    }
    Ok(parsed.into_spec(None, destination))
}

/// Keeps one of mounts given twice alike and refuses two different mounts on
/// one container path, as Podman does (bind sources resolved first).
pub fn check_duplicates(specs: &mut Vec<MountSpec>) -> Result<(), Error> {
    // The same mount given twice is one mount, as in Podman.
    let mut seen: Vec<MountSpec> = Vec::with_capacity(specs.len());
    specs.retain(|spec| {
        let first = !seen.contains(spec);
        if first {
            seen.push(spec.clone());
        }
        first
    });
    for (i, spec) in specs.iter().enumerate() {
        if specs[..i]
            .iter()
            .any(|earlier| earlier.destination == spec.destination)
        {
            return Err(Error::DuplicateDestination(spec.destination.clone()));
        }
    }
    Ok(())
}

/// Makes every bind source absolute (relative ones are taken from `cwd`,
/// lexically cleaned; refused without one) and checks that it exists, as
/// Podman refuses a missing bind source rather than creating it.
pub fn resolve_bind_sources(specs: &mut [MountSpec], cwd: Option<&Path>) -> Result<(), Error> {
    for spec in specs.iter_mut().filter(|s| s.kind == MountKind::Bind) {
        let Some(source) = &spec.source else {
            continue;
        };
        let path = match cwd {
            Some(cwd) => clean(&cwd.join(source)),
            None if source.starts_with('/') => clean(Path::new(source)),
            None => return Err(Error::NoWorkingDir(source.clone())),
        };
        match fs::metadata(&path) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(Error::MissingSource(path));
            }
            Err(e) => {
                return Err(Error::Source {
                    path,
                    message: e.to_string(),
                });
            }
        }
        spec.source = Some(path.to_string_lossy().into_owned());
    }
    Ok(())
}

/// A container path: not empty, absolute, returned lexically clean
/// (`/a/./b/../c/` is `/a/c`), so duplicates compare equal.
fn container_path(path: &str) -> Result<String, Problem> {
    if path.is_empty() {
        return Err(Problem::EmptyDestination);
    }
    if !path.starts_with('/') {
        return Err(Problem::RelativeDestination(path.to_string()));
    }
    Ok(clean(Path::new(path)).to_string_lossy().into_owned())
}

/// Lexical clean-up of an absolute path, as Go's `filepath.Clean`: no `.`,
/// no `..` (which stops at `/`), no doubled or trailing slashes.
fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::ParentDir => {
                out.pop();
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    out
}

/// `true`/`false` as Go's `strconv.ParseBool` reads them.
fn parse_bool(key: &str, value: &str) -> Result<bool, Problem> {
    match value {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
        _ => Err(Problem::BadValue {
            key: key.to_string(),
            value: value.to_string(),
            expected: "true or false",
        }),
    }
}

/// Digits, then at most one of the suffixes tmpfs accepts.
fn is_count(value: &str) -> bool {
    let digits = value.trim_end_matches(['k', 'K', 'm', 'M', 'g', 'G']);
    value.len() - digits.len() <= 1 && is_id(digits)
}

fn is_tmpfs_size(value: &str) -> bool {
    is_count(value) || value.strip_suffix('%').is_some_and(is_id)
}

fn is_id(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

fn is_octal_mode(value: &str) -> bool {
    u32::from_str_radix(value, 8).is_ok_and(|mode| mode <= 0o7777)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(
        kind: MountKind,
        source: Option<&str>,
        destination: &str,
        read_only: bool,
        options: &[&str],
    ) -> MountSpec {
        MountSpec {
            kind,
            source: source.map(str::to_string),
            destination: destination.to_string(),
            read_only,
            options: options.iter().map(|o| o.to_string()).collect(),
        }
    }

    /// A spec's text and the kind, source, destination, read-only bit and
    /// options it must parse to.
    type Case<'a> = (
        &'a str,
        MountKind,
        Option<&'a str>,
        &'a str,
        bool,
        &'a [&'a str],
    );

    fn volume_problem(text: &str) -> Problem {
        match parse_volume(text) {
            Err(Error::Volume { spec, problem }) => {
                assert_eq!(spec, text);
                problem
            }
            other => panic!("{text:?} should fail as a volume: {other:?}"),
        }
    }

    fn mount_problem(text: &str) -> Problem {
        match parse_mount(text) {
            Err(Error::Mount { spec, problem }) => {
                assert_eq!(spec, text);
                problem
            }
            other => panic!("{text:?} should fail as a mount: {other:?}"),
        }
    }

    #[test]
    fn volume_forms_bind_named_and_anonymous() {
        use MountKind::{Bind, Volume};
        let cases: &[Case] = &[
            ("/src:/dst", Bind, Some("/src"), "/dst", false, &[]),
            ("./rel:/dst:ro", Bind, Some("./rel"), "/dst", true, &[]),
            (
                "data.v1:/var/lib/db:rw,U,Z,nosuid,rshared,nocopy",
                Volume,
                Some("data.v1"),
                "/var/lib/db",
                false,
                &["U", "Z", "nosuid", "rshared", "nocopy"],
            ),
            ("/cache/", Volume, None, "/cache", false, &[]),
            ("/src:/a/./b/../c//", Bind, Some("/src"), "/a/c", false, &[]),
        ];
        for &(text, kind, source, destination, read_only, options) in cases {
            assert_eq!(
                parse_volume(text).unwrap(),
                spec(kind, source, destination, read_only, options),
                "{text}"
            );
        }
    }

    #[test]
    fn volume_grammar_errors_name_the_part() {
        assert_eq!(volume_problem("a:b:c:d"), Problem::TooManyFields);
        assert_eq!(
            parse_volume("a:b:c:d").unwrap_err().to_string(),
            "invalid volume \"a:b:c:d\": too many ':'-separated fields; \
             expected HOST-DIR:CONTAINER-DIR[:OPTIONS]"
        );
        assert_eq!(
            volume_problem("/src:rel"),
            Problem::RelativeDestination("rel".into())
        );
        assert_eq!(
            volume_problem("vol"),
            Problem::RelativeDestination("vol".into())
        );
        assert_eq!(volume_problem(""), Problem::EmptyDestination);
        assert_eq!(volume_problem("/src:"), Problem::EmptyDestination);
        assert_eq!(volume_problem(":/dst"), Problem::EmptySource);
        assert_eq!(
            volume_problem("bad/name:/dst"),
            Problem::VolumeName("bad/name".into())
        );
        assert_eq!(
            volume_problem("-bad:/dst"),
            Problem::VolumeName("-bad".into())
        );
    }

    #[test]
    fn volume_options_are_checked() {
        assert_eq!(
            volume_problem("/s:/d:foo"),
            Problem::UnknownOption("foo".into())
        );
        assert_eq!(volume_problem("/s:/d:ro,"), Problem::EmptyOption);
        assert_eq!(volume_problem("/s:/d:"), Problem::EmptyOption);
        assert_eq!(volume_problem("/s:/d:O"), Problem::Overlay);
        assert!(
            parse_volume("/s:/d:O")
                .unwrap_err()
                .to_string()
                .contains("not supported")
        );
        for (options, first, second) in [
            ("ro,rw", "ro", "rw"),
            ("rw,ro", "rw", "ro"),
            ("ro,ro", "ro", "ro"),
            ("z,Z", "z", "Z"),
            ("nosuid,suid", "nosuid", "suid"),
            ("exec,noexec", "exec", "noexec"),
            ("nodev,dev", "nodev", "dev"),
            ("rprivate,shared", "rprivate", "shared"),
        ] {
            match volume_problem(&format!("/s:/d:{options}")) {
                Problem::Conflict {
                    first: f,
                    second: s,
                    ..
                } => assert_eq!((f.as_str(), s.as_str()), (first, second)),
                other => panic!("{options}: {other:?}"),
            }
        }
        assert_eq!(
            volume_problem("/s:/d:nocopy"),
            Problem::NotForKind {
                option: "nocopy".into(),
                kind: MountKind::Bind
            }
        );
        assert_eq!(
            volume_problem("/s:/d:size=1m"),
            Problem::NotForKind {
                option: "size=1m".into(),
                kind: MountKind::Bind
            }
        );
    }

    #[test]
    fn mount_types_and_keys() {
        use MountKind::{Bind, Tmpfs, Volume};
        let cases: &[Case] = &[
            (
                "type=bind,src=/s,dst=/d",
                Bind,
                Some("/s"),
                "/d",
                false,
                &[],
            ),
            (
                "type=bind,source=/s,target=/d,ro,bind-propagation=rshared,relabel=private",
                Bind,
                Some("/s"),
                "/d",
                true,
                &["rshared", "Z"],
            ),
            (
                "type=bind,src=/s,destination=/d,readonly=false,bind-nonrecursive",
                Bind,
                Some("/s"),
                "/d",
                false,
                &["bind"],
            ),
            (
                "type=bind,src=/s,dst=/d,readonly=true",
                Bind,
                Some("/s"),
                "/d",
                true,
                &[],
            ),
            (
                "type=bind,src=/s,dst=/d,rw=0",
                Bind,
                Some("/s"),
                "/d",
                true,
                &[],
            ),
            (
                "type=volume,dst=/d,ro=true,nosuid,volume-nocopy",
                Volume,
                None,
                "/d",
                true,
                &["nosuid", "nocopy"],
            ),
            (
                "type=volume,src=cache,dst=/d",
                Volume,
                Some("cache"),
                "/d",
                false,
                &[],
            ),
            (
                "type=tmpfs,dst=/t,tmpfs-size=10m,tmpfs-mode=1777",
                Tmpfs,
                None,
                "/t",
                false,
                &["size=10m", "mode=1777"],
            ),
            // A later key wins, as in Podman.
            (
                "type=bind,src=/s,dst=/b,dst=/c",
                Bind,
                Some("/s"),
                "/c",
                false,
                &[],
            ),
        ];
        for &(text, kind, source, destination, read_only, options) in cases {
            assert_eq!(
                parse_mount(text).unwrap(),
                spec(kind, source, destination, read_only, options),
                "{text}"
            );
        }
    }

    #[test]
    fn mount_errors_name_the_part() {
        assert_eq!(mount_problem("src=/a,dst=/b"), Problem::MissingType);
        assert_eq!(
            mount_problem("type=foo,dst=/b"),
            Problem::UnknownType("foo".into())
        );
        assert_eq!(
            mount_problem("type=bind,src=/a"),
            Problem::MissingDestination
        );
        assert_eq!(mount_problem("type=bind,dst=/b"), Problem::MissingSource);
        assert_eq!(
            mount_problem("type=bind,src=/a,dst=rel"),
            Problem::RelativeDestination("rel".into())
        );
        assert_eq!(
            mount_problem("type=tmpfs,src=/x,dst=/t"),
            Problem::TmpfsSource
        );
        assert_eq!(
            mount_problem("type=volume,src=./x,dst=/b"),
            Problem::VolumeName("./x".into())
        );
        assert_eq!(
            mount_problem("type=bind,src=/a,dst=/b,bogus=1"),
            Problem::UnknownOption("bogus".into())
        );
        assert_eq!(
            mount_problem("type=bind,src=/a,dst=/b,bogus"),
            Problem::UnknownOption("bogus".into())
        );
        assert!(matches!(
            mount_problem("type=bind,src=/a,dst=/b,ro=maybe"),
            Problem::BadValue { key, .. } if key == "ro"
        ));
        assert!(matches!(
            mount_problem("type=bind,src=/a,dst=/b,bind-propagation=bogus"),
            Problem::BadValue { key, .. } if key == "bind-propagation"
        ));
        assert_eq!(
            mount_problem("type=bind,src=/a,dst=/b,tmpfs-size=1m"),
            Problem::NotForKind {
                option: "tmpfs-size".into(),
                kind: MountKind::Bind
            }
        );
        assert_eq!(
            mount_problem("type=tmpfs,dst=/t,bind-propagation=shared"),
            Problem::NotForKind {
                option: "bind-propagation".into(),
                kind: MountKind::Tmpfs
            }
        );
        assert_eq!(
            mount_problem("type=volume,src=v,dst=/b,volume-opt=o=bind"),
            Problem::VolumeOpt
        );
        assert!(matches!(
            mount_problem("type=tmpfs,dst=/t,tmpfs-mode=999"),
            Problem::BadValue { key, .. } if key == "mode"
        ));
        assert!(matches!(
            mount_problem("type=tmpfs,dst=/t,tmpfs-size=abc"),
            Problem::BadValue { key, .. } if key == "size"
        ));
        assert!(matches!(
            mount_problem("type=bind,src=/a,dst=/b,ro,rw"),
            Problem::Conflict { .. }
        ));
    }

    #[test]
    fn tmpfs_flag() {
        assert_eq!(
            parse_tmpfs("/t").unwrap(),
            spec(MountKind::Tmpfs, None, "/t", false, &[])
        );
        assert_eq!(
            parse_tmpfs("/run/x:size=64k,mode=700,uid=1000,gid=0,nr_inodes=1k,noexec,ro").unwrap(),
            spec(
                MountKind::Tmpfs,
                None,
                "/run/x",
                true,
                &[
                    "size=64k",
                    "mode=700",
                    "uid=1000",
                    "gid=0",
                    "nr_inodes=1k",
                    "noexec"
                ]
            )
        );
        assert!(parse_tmpfs("/t:size=50%").is_ok());
        let problem = |text: &str| match parse_tmpfs(text) {
            Err(Error::Tmpfs { problem, .. }) => problem,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(problem(""), Problem::EmptyDestination);
        assert_eq!(problem("rel"), Problem::RelativeDestination("rel".into()));
        assert_eq!(problem("/t:bogus"), Problem::UnknownOption("bogus".into()));
        assert!(matches!(problem("/t:ro,rw"), Problem::Conflict { .. }));
        assert!(matches!(problem("/t:size=1q"), Problem::BadValue { .. }));
        assert!(matches!(problem("/t:uid=-1"), Problem::BadValue { .. }));
        assert_eq!(
            problem("/t:Z"),
            Problem::NotForKind {
                option: "Z".into(),
                kind: MountKind::Tmpfs
            }
        );
    }

    #[test]
    fn duplicates_compare_clean_destinations() {
        let mut specs = vec![
            parse_volume("/a:/b").unwrap(),
            parse_tmpfs("/b/../b/").unwrap(),
        ];
        assert_eq!(
            check_duplicates(&mut specs),
            Err(Error::DuplicateDestination("/b".into()))
        );
        let mut distinct = vec![
            parse_volume("/a:/b").unwrap(),
            parse_mount("type=tmpfs,dst=/c").unwrap(),
        ];
        assert_eq!(check_duplicates(&mut distinct), Ok(()));
        // The same mount twice is kept once; the same path with other options is not.
        let mut twice = vec![
            parse_volume("vol:/v").unwrap(),
            parse_volume("vol:/v/").unwrap(),
        ];
        assert_eq!(check_duplicates(&mut twice), Ok(()));
        assert_eq!(twice.len(), 1);
        let mut options = vec![parse_tmpfs("/t").unwrap(), parse_tmpfs("/t:ro").unwrap()];
        assert_eq!(
            check_duplicates(&mut options).unwrap_err().to_string(),
            "/t: duplicate mount destination"
        );
    }

    #[test]
    fn bind_sources_become_absolute_and_must_exist() {
        let dir = std::env::temp_dir().join(format!("rcon-mounts-{}", std::process::id()));
        fs::create_dir_all(dir.join("here")).unwrap();
        let mut specs = vec![
            parse_volume("./here/../here:/a").unwrap(),
            parse_volume("named:/b").unwrap(),
        ];
        resolve_bind_sources(&mut specs, Some(&dir)).unwrap();
        assert_eq!(
            specs[0].source.as_deref(),
            Some(dir.join("here").to_str().unwrap())
        );
        assert_eq!(specs[1].source.as_deref(), Some("named"));
        let mut without_cwd = vec![parse_volume("./here:/a").unwrap()];
        assert_eq!(
            resolve_bind_sources(&mut without_cwd, None),
            Err(Error::NoWorkingDir("./here".into()))
        );
        let mut absolute = vec![parse_volume(&format!("{}/here:/a", dir.display())).unwrap()];
        resolve_bind_sources(&mut absolute, None).unwrap();
        let mut missing = vec![parse_volume("./absent:/a").unwrap()];
        assert_eq!(
            resolve_bind_sources(&mut missing, Some(&dir)),
            Err(Error::MissingSource(dir.join("absent")))
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
