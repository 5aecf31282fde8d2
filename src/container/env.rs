//! The container's environment: `-e`, `--env-file`, `--env-host`, merged with
//! the image's `Env` and the defaults Podman adds.
//!
//! Precedence, lowest first, as Podman 4.3 builds it (checked against the
//! OCI spec it writes): `PATH` default and `container=podman`, `TERM=xterm`,
//! the host environment (`--env-host`), the image's `Env`, each `--env-file`
//! in order, each `-e` in order. `HOSTNAME` and `HOME` are added last, only
//! when nothing above set them.
//!
//! `TERM=xterm` is set with or without `-t`: Podman takes it from
//! containers.conf's default `env`, not from the terminal flag.
//!
//! `container=podman` rather than `container=rcon`: Podman sets it in every
//! container (the variable systemd and tools read to learn they run in a
//! container, and of which kind), and rcon's containers are meant to behave
//! like Podman's to the programs inside, which is what scripts that test for
//! `podman` expect. [`CONTAINER`] is the one place to change that.

use std::fs;
use std::path::{Path, PathBuf};

/// `PATH` when neither the image nor the user sets one.
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/// The `container` variable's value.
pub const CONTAINER: &str = "podman";
const DEFAULT_TERM: &str = "xterm";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid environment variable {spec:?}: {problem}")]
    Flag { spec: String, problem: Problem },
    #[error("{}:{line}: invalid environment variable {text:?}: {problem}", path.display())]
    File {
        path: PathBuf,
        line: usize,
        text: String,
        problem: Problem,
    },
    #[error("reading env file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the name before '=' is empty; expected KEY=VALUE, KEY or PREFIX*")]
    EmptyKey,
    #[error("the name contains whitespace")]
    Whitespace,
    #[error("it contains a NUL byte")]
    Nul,
}

/// Variables in order, each key once: setting a key again replaces its value
/// where it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvList(Vec<(String, String)>);

impl EnvList {
    pub fn set(&mut self, key: &str, value: &str) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value.to_string(),
            None => self.0.push((key.to_string(), value.to_string())),
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn set_default(&mut self, key: &str, value: &str) {
        if self.get(key).is_none() {
            self.set(key, value);
        }
    }

    fn extend(&mut self, other: &EnvList) {
        for (key, value) in &other.0 {
            self.set(key, value);
        }
    }

    /// `KEY=VALUE` strings, for execve.
    pub fn to_strings(&self) -> Vec<String> {
        self.0.iter().map(|(k, v)| format!("{k}={v}")).collect()
    }
}

/// rcon's own environment, as `-e KEY`, `-e PREFIX*` and `--env-host` see it
/// (variables whose name or value is not UTF-8 are left out).
pub fn host_env() -> Vec<(String, String)> {
    std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect()
}

/// What the user asked for with `--env-host`, `--env-file` and `-e`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvOverrides {
    /// `--env-host`: below the image's variables.
    host: EnvList,
    /// `--env-file`s, then `-e`s: above the image's variables.
    vars: EnvList,
    /// `--unsetenv`: defaults and image variables left out (`-e` still sets them).
    pub unset: Vec<String>,
    /// `--unsetenv-all`: every default and image variable left out.
    pub unset_all: bool,
}

impl EnvOverrides {
    /// Reads the flags in Podman's order: every env file before every `-e`,
    /// whatever order they came in. `host` is rcon's environment ([`host_env`]).
    pub fn from_flags(
        env_host: bool,
        env_files: &[PathBuf],
        env: &[String],
        host: &[(String, String)],
    ) -> Result<EnvOverrides, Error> {
        let mut overrides = EnvOverrides::default();
        if env_host {
            for (key, value) in host {
                overrides.host.set(key, value);
            }
        }
        for path in env_files {
            read_env_file(path, host, &mut overrides.vars)?;
        }
        for spec in env {
            parse_env(spec, host, &mut overrides.vars).map_err(|problem| Error::Flag {
                spec: spec.clone(),
                problem,
            })?;
        }
        Ok(overrides)
    }
}

/// The proxy variables `--http-proxy` (on by default, as in Podman) passes
/// from rcon's environment.
const PROXY_VARS: [&str; 8] = [
    "http_proxy",
    "HTTP_PROXY",
    "https_proxy",
    "HTTPS_PROXY",
    "ftp_proxy",
    "FTP_PROXY",
    "no_proxy",
    "NO_PROXY",
];

impl EnvOverrides {
    /// `--http-proxy`: rcon's proxy variables, below the image's `Env` and
    /// the user's `-e`, as Podman adds them with its defaults.
    pub fn add_host_proxies(&mut self, host: &[(String, String)]) {
        for (key, value) in host
            .iter()
            .filter(|(k, _)| PROXY_VARS.contains(&k.as_str()))
        {
            if self.host.get(key).is_none() {
                self.host.set(key, value);
            }
        }
    }
}

/// One `-e` (or env-file line) into `into`: `KEY=VALUE` sets; `KEY` copies
/// rcon's own value, or does nothing when rcon has none; `PREFIX*` copies
/// every variable of rcon's whose name starts with PREFIX.
fn parse_env(spec: &str, host: &[(String, String)], into: &mut EnvList) -> Result<(), Problem> {
    if spec.contains('\0') {
        return Err(Problem::Nul);
    }
    let (key, value) = match spec.split_once('=') {
        Some((key, value)) => (key, Some(value)),
        None => (spec, None),
    };
    let key = key.trim_start();
    if key.is_empty() {
        return Err(Problem::EmptyKey);
    }
    if key.contains(char::is_whitespace) {
        return Err(Problem::Whitespace);
    }
    match (value, key.strip_suffix('*')) {
        (Some(value), _) => into.set(key, value),
        (None, Some(prefix)) => {
            for (k, v) in host.iter().filter(|(k, _)| k.starts_with(prefix)) {
                into.set(k, v);
            }
        }
        (None, None) => {
            if let Some((_, v)) = host.iter().find(|(k, _)| k == key) {
                into.set(key, v);
            }
        }
    }
    Ok(())
}

/// `--env-file`: one variable per line in `-e`'s forms; blank lines and
/// lines starting with `#` (after leading whitespace) are skipped.
fn read_env_file(path: &Path, host: &[(String, String)], into: &mut EnvList) -> Result<(), Error> {
    let text = fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    for (number, line) in setting_lines(&text) {
        parse_env(line.trim_start(), host, into).map_err(|problem| Error::File {
            path: path.to_path_buf(),
            line: number,
            text: line.to_string(),
            problem,
        })?;
    }
    Ok(())
}

/// The lines of a `KEY=VALUE` file (`--env-file`, `--label-file`) that say
/// something, with their 1-based numbers: blank lines and lines starting
/// with `#` (after leading whitespace) are skipped.
pub(super) fn setting_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(index, line)| {
        let trimmed = line.trim_start();
        (!trimmed.is_empty() && !trimmed.starts_with('#')).then_some((index + 1, line))
    })
}

/// The process environment: defaults, the image's `Env` (`KEY=VALUE`
/// strings), the user's overrides, then `HOSTNAME` and `HOME` where unset.
/// `home` is the resolved user's home directory (`/` when it has none);
/// `None` leaves `HOME` unset for the container to fill in from its passwd.
pub fn merge(
    image_env: &[String],
    overrides: &EnvOverrides,
    hostname: &str,
    home: Option<&str>,
) -> Vec<String> {
    let mut env = EnvList::default();
    env.set("PATH", DEFAULT_PATH);
    env.set("TERM", DEFAULT_TERM);
    env.set("container", CONTAINER);
    env.extend(&overrides.host);
    for entry in image_env {
        match entry.split_once('=') {
            Some((key, value)) if !key.is_empty() => env.set(key, value),
            // Not KEY=VALUE: nothing a process could read back; skip it.
            _ => {}
        }
    }
    if overrides.unset_all {
        env = EnvList::default();
    }
    env.0.retain(|(key, _)| !overrides.unset.contains(key));
    env.extend(&overrides.vars);
    env.set_default("HOSTNAME", hostname);
    if let Some(home) = home {
        env.set_default("HOME", home);
    }
    env.to_strings()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host() -> Vec<(String, String)> {
        [
            ("FOO1", "a"),
            ("FOO2", "b"),
            ("HOME", "/home/me"),
            ("OTHER", "o"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn flags(env: &[&str]) -> Result<EnvOverrides, Error> {
        EnvOverrides::from_flags(false, &[], &strings(env), &host())
    }

    #[test]
    fn defaults_without_image_env_or_flags() {
        let env = merge(&[], &EnvOverrides::default(), "abc123", Some("/root"));
        assert_eq!(
            env,
            strings(&[
                &format!("PATH={DEFAULT_PATH}"),
                "TERM=xterm",
                "container=podman",
                "HOSTNAME=abc123",
                "HOME=/root",
            ])
        );
    }

    // What Podman 4.3 produced for an image with ENV IMGVAR=1, ENV PATH=/imgpath
    // and `FOO1=a FOO2=b podman create -e 'FOO*' -e BAR=1 -e UNSET_X -e HOME=/h
    // -e PATH=/x -e container=mine`: the same set of variables.
    #[test]
    fn flags_override_the_image_which_overrides_defaults() {
        let image = strings(&["IMGVAR=1", "PATH=/imgpath"]);
        let overrides = flags(&[
            "FOO*",
            "BAR=1",
            "UNSET_X",
            "HOME=/h",
            "PATH=/x",
            "container=mine",
        ])
        .unwrap();
        let mut env = merge(&image, &overrides, "host", Some("/root"));
        env.sort();
        assert_eq!(
            env,
            strings(&[
                "BAR=1",
                "FOO1=a",
                "FOO2=b",
                "HOME=/h",
                "HOSTNAME=host",
                "IMGVAR=1",
                "PATH=/x",
                "TERM=xterm",
                "container=mine",
            ])
        );
        let image_only = merge(&image, &EnvOverrides::default(), "h", Some("/"));
        assert_eq!(image_only[0], "PATH=/imgpath", "replaced where it stands");
        assert!(image_only.contains(&"IMGVAR=1".to_string()));
    }

    #[test]
    fn http_proxy_passes_rcons_proxy_variables_below_the_image_and_flags() {
        let host: Vec<(String, String)> = [
            ("http_proxy", "http://proxy:3128"),
            ("NO_PROXY", "localhost"),
            ("https_proxy", "http://proxy:3129"),
            ("OTHER", "o"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let mut overrides = flags(&["https_proxy=http://mine"]).unwrap();
        overrides.add_host_proxies(&host);
        let env = merge(&strings(&["NO_PROXY=image"]), &overrides, "h", Some("/"));
        assert!(
            env.contains(&"http_proxy=http://proxy:3128".to_string()),
            "{env:?}"
        );
        assert!(env.contains(&"NO_PROXY=image".to_string()), "{env:?}");
        assert!(
            env.contains(&"https_proxy=http://mine".to_string()),
            "{env:?}"
        );
        assert!(!env.iter().any(|e| e.starts_with("OTHER=")), "{env:?}");
    }

    #[test]
    fn a_key_alone_copies_rcons_value_or_leaves_the_image_value() {
        let image = strings(&["OTHER=image", "KEEP=image"]);
        let env = merge(&image, &flags(&["OTHER", "KEEP"]).unwrap(), "h", Some("/"));
        assert!(env.contains(&"OTHER=o".to_string()), "{env:?}");
        assert!(env.contains(&"KEEP=image".to_string()), "{env:?}");
        let with_equals = merge(&[], &flags(&["EMPTY=", "A=b=c"]).unwrap(), "h", Some("/"));
        assert!(with_equals.contains(&"EMPTY=".to_string()));
        assert!(with_equals.contains(&"A=b=c".to_string()));
    }

    #[test]
    fn env_host_sits_below_the_image() {
        let overrides =
            EnvOverrides::from_flags(true, &[], &strings(&["FOO2=flag"]), &host()).unwrap();
        let env = merge(&strings(&["FOO1=image"]), &overrides, "h", Some("/root"));
        for expected in ["FOO1=image", "FOO2=flag", "OTHER=o", "HOME=/home/me"] {
            assert!(env.contains(&expected.to_string()), "{expected} in {env:?}");
        }
    }

    #[test]
    fn bad_keys_are_refused() {
        for (spec, problem) in [
            ("=x", Problem::EmptyKey),
            ("", Problem::EmptyKey),
            ("A B=1", Problem::Whitespace),
            ("A\0=1", Problem::Nul),
        ] {
            match flags(&[spec]) {
                Err(Error::Flag {
                    spec: s,
                    problem: p,
                }) => {
                    assert_eq!((s.as_str(), p), (spec, problem));
                }
                other => panic!("{spec:?}: {other:?}"),
            }
        }
        assert_eq!(
            flags(&["=x"]).unwrap_err().to_string(),
            "invalid environment variable \"=x\": the name before '=' is empty; \
             expected KEY=VALUE, KEY or PREFIX*"
        );
    }

    #[test]
    fn env_files_come_before_flags_and_report_their_line() {
        let dir = std::env::temp_dir().join(format!("rcon-env-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("vars");
        let files = std::slice::from_ref(&file);
        fs::write(
            &file,
            "# comment\n\n  A=from file\nB=file\nOTHER\nFOO*\n   # indented comment\nSPACED =x\n",
        )
        .unwrap();
        match EnvOverrides::from_flags(false, files, &[], &host()) {
            Err(Error::File { line, problem, .. }) => {
                assert_eq!((line, problem), (8, Problem::Whitespace));
            }
            other => panic!("{other:?}"),
        }
        let message = EnvOverrides::from_flags(false, files, &[], &host())
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with(&format!("{}:8: ", file.display())),
            "{message}"
        );

        fs::write(&file, "# comment\n\n  A=from file\nB=file\nOTHER\nFOO*\n").unwrap();
        let overrides =
            EnvOverrides::from_flags(false, files, &strings(&["B=flag"]), &host()).unwrap();
        let env = merge(&[], &overrides, "h", Some("/"));
        for expected in ["A=from file", "B=flag", "OTHER=o", "FOO1=a", "FOO2=b"] {
            assert!(env.contains(&expected.to_string()), "{expected} in {env:?}");
        }
        assert!(matches!(
            EnvOverrides::from_flags(false, &[dir.join("absent")], &[], &host()),
            Err(Error::Read { .. })
        ));
        fs::remove_dir_all(&dir).unwrap();
    }
}
