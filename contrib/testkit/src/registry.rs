//! Runs Debian's `docker-registry` (distribution v2) on 127.0.0.1.

use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::host::die_with_parent;
use crate::push::Client;
use crate::tls::Certificates;
use crate::tmp::{ScratchDir, sweep_stale};

/// The registry binary, unless `RCON_TESTKIT_REGISTRY_BIN` names another.
pub const REGISTRY_BINARY: &str = "/usr/bin/docker-registry";
/// Prefix of the registries' scratch directories under the temp dir.
pub const SCRATCH_PREFIX: &str = "rcon-testkit-registry";

/// How to start a [`Registry`].
#[derive(Clone, Debug)]
pub struct RegistryOptions {
    /// The port on 127.0.0.1; `None` picks a free one.
    pub port: Option<u16>,
    /// Where the registry stores its data; `None` uses the scratch directory
    /// (removed when the registry is dropped). A given directory is kept.
    pub data_dir: Option<PathBuf>,
    /// Kill the registry when the thread that started it exits (see
    /// [`die_with_parent`]): for registries that live as long as a process.
    pub die_with_thread: bool,
    /// Let the registry log to this process's stderr instead of a log file.
    pub inherit_stderr: bool,
    /// How long to wait for `GET /v2/` to answer 200.
    pub ready_timeout: Duration,
    /// The registry binary; `None` means [`registry_binary`].
    pub binary: Option<PathBuf>,
    /// Write one line per HTTP request to the log (see [`Registry::requests`]).
    pub access_log: bool,
    /// Require this user name and password (HTTP basic auth, from an
    /// htpasswd file with a bcrypt hash, as `htpasswd -B` writes).
    pub basic_auth: Option<BasicAuth>,
    /// Serve HTTPS with this server certificate and key (see
    /// [`crate::tls::make_certificates`]) instead of plain HTTP. [`Registry::client`]
    /// speaks plain HTTP only: push to such a registry with the client under test.
    pub tls: Option<Certificates>,
}

/// A user the registry accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasicAuth {
    pub username: String,
    pub password: String,
}

/// The bcrypt cost of the htpasswd hash: the lowest bcrypt allows, since the
/// registry checks it on every request.
const HTPASSWD_COST: u32 = 4;

impl Default for RegistryOptions {
    fn default() -> RegistryOptions {
        RegistryOptions {
            port: None,
            data_dir: None,
            die_with_thread: false,
            inherit_stderr: false,
            ready_timeout: Duration::from_secs(10),
            binary: None,
            access_log: false,
            basic_auth: None,
            tls: None,
        }
    }
}

/// A running registry; dropping it kills it and removes its scratch directory.
#[derive(Debug)]
pub struct Registry {
    /// `127.0.0.1:PORT`.
    pub addr: String,
    child: Child,
    data_dir: PathBuf,
    log: Option<PathBuf>,
    basic_auth: Option<BasicAuth>,
    https: bool,
    // Dropped after `child` is killed (see Drop).
    dir: ScratchDir,
}

/// The registry binary to run.
pub fn registry_binary() -> PathBuf {
    std::env::var_os("RCON_TESTKIT_REGISTRY_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(REGISTRY_BINARY))
}

fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind("127.0.0.1:0").context("binding 127.0.0.1:0 to find a free port")?;
    Ok(listener
        .local_addr()
        .context("reading a bound port")?
        .port())
}

/// YAML quoting through JSON: a JSON string is a valid YAML scalar.
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("serialising a string cannot fail")
}

fn config_yaml(
    addr: &str,
    data_dir: &Path,
    access_log: bool,
    htpasswd: Option<&Path>,
    tls: Option<&Certificates>,
) -> String {
    let tls = match tls {
        Some(files) => format!(
            "  tls:\n    certificate: {}\n    key: {}\n",
            yaml_string(&files.certificate.to_string_lossy()),
            yaml_string(&files.key.to_string_lossy())
        ),
        None => String::new(),
    };
    let auth = match htpasswd {
        Some(path) => format!(
            "auth:\n  htpasswd:\n    realm: rcon-testkit\n    path: {}\n",
            yaml_string(&path.to_string_lossy())
        ),
        None => String::new(),
    };
    format!(
        "version: 0.1
log:
  level: warn
  accesslog:
    disabled: {disabled}
storage:
  filesystem:
    rootdirectory: {root}
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: {addr}
  secret: rcon-testkit-not-secret
{tls}health:
  storagedriver:
    enabled: false
{auth}",
        root = yaml_string(&data_dir.to_string_lossy()),
        addr = yaml_string(addr),
        disabled = !access_log,
    )
}

/// One `user:bcrypt-hash` line, as `htpasswd -B` writes.
fn htpasswd_line(auth: &BasicAuth) -> Result<String> {
    let hash = bcrypt::hash(&auth.password, HTPASSWD_COST).context("hashing the test password")?;
    Ok(format!("{}:{hash}\n", auth.username))
}

impl Registry {
    /// Starts a registry on a free port with data in a scratch directory.
    pub fn start() -> Result<Registry> {
        Registry::start_with(&RegistryOptions::default())
    }

    /// Starts a registry as `options` say. With an automatic port, a start
    /// that fails (say, another process took the port meanwhile) is retried
    /// on a new port, up to three times.
    pub fn start_with(options: &RegistryOptions) -> Result<Registry> {
        let binary = options.binary.clone().unwrap_or_else(registry_binary);
        if !binary.exists() {
            bail!(
                "{} is missing: the tests serve images with Debian's registry; \
                 install it with `apt-get install docker-registry`",
                binary.display()
            );
        }
        sweep_stale(SCRATCH_PREFIX, |_| {});
        let attempts = if options.port.is_some() { 1 } else { 3 };
        let mut last_error = None;
        for _ in 0..attempts {
            match Registry::try_start(&binary, options) {
                Ok(registry) => return Ok(registry),
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.expect("at least one attempt"))
    }

    fn try_start(binary: &Path, options: &RegistryOptions) -> Result<Registry> {
        let port = match options.port {
            Some(port) => port,
            None => free_port()?,
        };
        let addr = format!("127.0.0.1:{port}");
        let dir = ScratchDir::new(SCRATCH_PREFIX, 0o700)?;
        let data_dir = match &options.data_dir {
            Some(dir) => dir.clone(),
            None => dir.path().join("data"),
        };
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("creating registry data dir {}", data_dir.display()))?;
        let htpasswd = match &options.basic_auth {
            Some(auth) => {
                let path = dir.path().join("htpasswd");
                std::fs::write(&path, htpasswd_line(auth)?)
                    .with_context(|| format!("writing {}", path.display()))?;
                Some(path)
            }
            None => None,
        };
        let config = dir.path().join("config.yml");
        let yaml = config_yaml(
            &addr,
            &data_dir,
            options.access_log,
            htpasswd.as_deref(),
            options.tls.as_ref(),
        );
        std::fs::write(&config, yaml).with_context(|| format!("writing {}", config.display()))?;

        let mut command = Command::new(binary);
        command
            .arg("serve")
            .arg(&config)
            .stdin(Stdio::null())
            // No proxy or OTEL settings from the environment.
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", dir.path());
        let log = if options.inherit_stderr {
            command.stdout(Stdio::null()).stderr(Stdio::inherit());
            None
        } else {
            // The access log goes to stdout, everything else to stderr.
            let log = dir.path().join("registry.log");
            let file = File::create(&log).with_context(|| format!("creating {}", log.display()))?;
            let copy = file
                .try_clone()
                .with_context(|| format!("duplicating {}", log.display()))?;
            command.stdout(copy).stderr(file);
            Some(log)
        };
        if options.die_with_thread {
            die_with_parent(&mut command);
        }
        let child = command.spawn().with_context(|| {
            format!("starting `{} serve {}`", binary.display(), config.display())
        })?;
        let mut registry = Registry {
            addr,
            child,
            data_dir,
            log,
            basic_auth: options.basic_auth.clone(),
            https: options.tls.is_some(),
            dir,
        };
        registry.wait_ready(options.ready_timeout)?;
        Ok(registry)
    }

    fn wait_ready(&mut self, timeout: Duration) -> Result<()> {
        // Without credentials, an htpasswd registry answers 401: ready too.
        let client = Client::new(&self.addr);
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().context("checking on the registry")? {
                bail!(
                    "the registry for {} exited ({status}) before it was ready; its log:\n{}",
                    self.addr,
                    self.log()
                );
            }
            let last = if self.https {
                // The plain-HTTP client cannot ask; a listening port will do.
                match TcpStream::connect(&self.addr) {
                    Ok(_) => return Ok(()),
                    Err(e) => format!("connecting: {e}"),
                }
            } else {
                match client.ping() {
                    Ok(200 | 401) => return Ok(()),
                    Ok(status) => format!("GET /v2/ answered HTTP {status}"),
                    Err(e) => format!("{e:#}"),
                }
            };
            if Instant::now() >= deadline {
                bail!(
                    "the registry at {} was not ready after {timeout:?} ({last}); its log:\n{}",
                    self.addr,
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `http://127.0.0.1:PORT`, or `https://` with [`RegistryOptions::tls`].
    pub fn url(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// A client for this registry (logged in, if it wants a login).
    pub fn client(&self) -> Client {
        match &self.basic_auth {
            Some(auth) => Client::with_auth(&self.addr, auth),
            None => Client::new(&self.addr),
        }
    }

    /// The scratch directory with the registry's config and log.
    pub fn scratch_dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The registry's log file (none with `inherit_stderr`).
    pub fn log_path(&self) -> Option<&Path> {
        self.log.as_deref()
    }

    /// The registry's log so far (empty with `inherit_stderr`).
    pub fn log(&self) -> String {
        self.log
            .as_ref()
            .and_then(|log| std::fs::read_to_string(log).ok())
            .unwrap_or_default()
    }

    /// The request lines of the access log (with [`RegistryOptions::access_log`])
    /// so far, e.g. `GET /v2/rcon-test/busybox/blobs/sha256:… HTTP/1.1`.
    pub fn requests(&self) -> Vec<String> {
        self.log()
            .lines()
            .filter_map(|line| {
                let start = line.find('"')? + 1;
                let end = start + line[start..].find('"')?;
                Some(line[start..end].to_string())
            })
            .filter(|request| request.contains(" /v2/"))
            .collect()
    }

    /// Waits until the registry process exits (for running it in the
    /// foreground).
    pub fn wait(&mut self) -> Result<ExitStatus> {
        self.child.wait().context("waiting for the registry")
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // `dir` is removed when the field is dropped, after this.
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_quotes_paths() {
        let yaml = config_yaml("127.0.0.1:1", Path::new("/tmp/a b: c"), false, None, None);
        assert!(yaml.contains("rootdirectory: \"/tmp/a b: c\"\n"), "{yaml}");
        assert!(yaml.contains("addr: \"127.0.0.1:1\"\n"), "{yaml}");
        assert!(yaml.contains("disabled: true\n"), "{yaml}");
        assert!(!yaml.contains("htpasswd"), "{yaml}");
        assert!(!yaml.contains("tls"), "{yaml}");
        let tls = Certificates {
            ca: "/c/ca.pem".into(),
            certificate: "/c/server.pem".into(),
            key: "/c/server.key".into(),
        };
        let yaml = config_yaml(
            "127.0.0.1:1",
            Path::new("/d"),
            true,
            Some(Path::new("/h p")),
            Some(&tls),
        );
        assert!(
            yaml.contains(
                "  secret: rcon-testkit-not-secret\n  tls:\n    certificate: \"/c/server.pem\"\n    key: \"/c/server.key\"\nhealth:"
            ),
            "{yaml}"
        );
        assert!(yaml.contains("disabled: false\n"), "{yaml}");
        assert!(
            yaml.contains("  htpasswd:\n    realm: rcon-testkit\n    path: \"/h p\"\n"),
            "{yaml}"
        );
    }

    #[test]
    fn htpasswd_lines_hold_a_bcrypt_hash_of_the_password() {
        let auth = BasicAuth {
            username: "tester".into(),
            password: "s3cret".into(),
        };
        let line = htpasswd_line(&auth).unwrap();
        let hash = line.trim_end().strip_prefix("tester:").unwrap();
        assert!(hash.starts_with("$2"), "{hash}");
        assert!(bcrypt::verify("s3cret", hash).unwrap());
        assert!(!bcrypt::verify("wrong", hash).unwrap());
    }
}
