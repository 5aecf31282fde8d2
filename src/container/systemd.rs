//! Running under systemd, without needing it: `--systemd` (a container that
//! runs systemd as its init), `--sdnotify` (who tells the unit the service is
//! ready) and socket activation's `LISTEN_*` environment passed on.

use std::os::unix::net::UnixDatagram;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Error;
use super::mounts::{self, MountSpec};

/// `--systemd`: whether the container gets what systemd as PID 1 needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SystemdMode {
    /// When the command is systemd or init (Podman's default).
    #[default]
    Auto,
    Never,
    Always,
}

impl SystemdMode {
    pub fn parse(text: &str) -> Result<SystemdMode, Error> {
        match text {
            "true" => Ok(SystemdMode::Auto),
            "false" => Ok(SystemdMode::Never),
            "always" => Ok(SystemdMode::Always),
            _ => Err(Error::Invalid(format!(
                "invalid --systemd {text:?}: use true, false or always"
            ))),
        }
    }

    /// Whether a container running `args` is run in systemd mode.
    pub fn applies(self, args: &[String]) -> bool {
        match self {
            SystemdMode::Never => false,
            SystemdMode::Always => true,
            SystemdMode::Auto => args.first().is_some_and(|command| {
                matches!(
                    command.as_str(),
                    "/sbin/init" | "/usr/sbin/init" | "/usr/local/sbin/init"
                ) || Path::new(command)
                    .file_name()
                    .is_some_and(|name| name == "systemd")
            }),
        }
    }
}

/// What systemd mode adds, as Podman: tmpfs on the paths systemd writes
/// (unless the user mounts something there), `container_uuid` (the ID's
/// first 32 digits, systemd's machine ID), and SIGRTMIN+3 (systemd's
/// "halt") as the stop signal unless one is given.
pub fn systemd_tmpfs(taken: &[MountSpec]) -> Result<Vec<MountSpec>, Error> {
    let mut added = Vec::new();
    for spec in [
        "/run:rw,nosuid,nodev",
        "/run/lock:rw,nosuid,nodev,noexec,size=64000k",
        "/tmp:rw,nosuid,nodev",
        "/var/log/journal:rw,nosuid,nodev",
    ] {
        let mount = mounts::parse_tmpfs(spec)?;
        if !taken.iter().any(|m| m.destination == mount.destination) {
            added.push(mount);
        }
    }
    Ok(added)
}

pub fn container_uuid(id: &str) -> String {
    format!("container_uuid={}", &id[..32.min(id.len())])
}

/// systemd's halt signal.
pub const SYSTEMD_STOP_SIGNAL: &str = "SIGRTMIN+3";

/// The label that asks `auto-update` to update a container.
pub const AUTO_UPDATE_LABEL: &str = "io.containers.autoupdate";

/// Podman's checks at create of a container labelled for auto-updates from
/// a registry (`registry`, or its old name `image`): the image named as
/// typed must be a fully-qualified reference of the docker transport, the
/// only thing an update can pull again.
pub fn check_auto_update(labels: &[(String, String)], image: &str) -> Result<(), Error> {
    let policy = labels
        .iter()
        .rev()
        .find(|(key, _)| key == AUTO_UPDATE_LABEL)
        .map(|(_, value)| value.as_str());
    if !matches!(policy, Some("registry" | "image")) {
        return Ok(());
    }
    let name = image.strip_prefix("docker://").unwrap_or(image);
    if let Some((transport, _)) = name.split_once(':').filter(|(t, _)| {
        matches!(
            *t,
            "docker-archive"
                | "oci-archive"
                | "oci"
                | "dir"
                | "containers-storage"
                | "docker-daemon"
        )
    }) {
        return Err(Error::Invalid(format!(
            "auto updates require the docker image transport but image is of transport {transport:?}"
        )));
    }
    let qualified = name.split_once('/').is_some_and(|(domain, _)| {
        domain.contains('.') || domain.contains(':') || domain == "localhost"
    });
    if !qualified {
        return Err(Error::Invalid(format!(
            "short name: auto updates require fully-qualified image reference: {image:?}"
        )));
    }
    Ok(())
}

/// `--sdnotify`: who sends READY=1 to the unit's `NOTIFY_SOCKET`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SdNotify {
    /// The container itself: it gets the socket (at
    /// [`CONTAINER_NOTIFY_SOCKET`]) and `NOTIFY_SOCKET` naming it.
    #[default]
    Container,
    /// rcon, once the command runs, with the monitor as MAINPID.
    Conmon,
    /// Nobody.
    Ignore,
}

/// Where a `--sdnotify=container` container finds the unit's socket.
pub const CONTAINER_NOTIFY_SOCKET: &str = "/run/notify/notify.sock";

impl SdNotify {
    pub fn parse(text: &str) -> Result<SdNotify, Error> {
        match text {
            "container" => Ok(SdNotify::Container),
            "conmon" => Ok(SdNotify::Conmon),
            "ignore" => Ok(SdNotify::Ignore),
            _ => Err(Error::Invalid(format!(
                "invalid --sdnotify {text:?}: use container, conmon or ignore"
            ))),
        }
    }

    pub fn is_default(&self) -> bool {
        *self == SdNotify::default()
    }
}

/// The socket systemd gave rcon (`NOTIFY_SOCKET`), when it is a path (an
/// abstract socket cannot be bound into a container).
fn notify_socket() -> Option<std::path::PathBuf> {
    let socket = std::env::var_os("NOTIFY_SOCKET")?;
    let path = std::path::PathBuf::from(socket);
    path.is_absolute().then_some(path)
}

/// For `--sdnotify=container`: the unit's socket bound into the container
/// and the variable naming it there; nothing outside a notify unit.
pub fn container_notify(mode: SdNotify) -> Option<(crate::runtime::Mount, String)> {
    if mode != SdNotify::Container {
        return None;
    }
    let socket = notify_socket()?;
    Some((
        crate::runtime::Mount::bind(socket, CONTAINER_NOTIFY_SOCKET),
        format!("NOTIFY_SOCKET={CONTAINER_NOTIFY_SOCKET}"),
    ))
}

/// For `--sdnotify=conmon`: tells the unit the service runs, with `pid`
/// (the container's monitor) as its main process. Without a unit's socket
/// (not run by systemd) nothing is sent.
pub fn notify_ready(mode: SdNotify, pid: u32) {
    if mode != SdNotify::Conmon {
        return;
    }
    let Some(socket) = std::env::var_os("NOTIFY_SOCKET") else {
        return;
    };
    let message = format!("MAINPID={pid}\nREADY=1\n");
    let sent = UnixDatagram::unbound().and_then(|sender| {
        let bytes = socket.as_encoded_bytes();
        match bytes.strip_prefix(b"@") {
            Some(name) => {
                use std::os::linux::net::SocketAddrExt;
                let address = std::os::unix::net::SocketAddr::from_abstract_name(name)?;
                sender.send_to_addr(message.as_bytes(), &address)
            }
            None => sender.send_to(message.as_bytes(), &socket),
        }
    });
    if let Err(e) = sent {
        log::warn!("telling systemd the container runs (NOTIFY_SOCKET {socket:?}): {e}");
    }
}

/// Socket activation: with `LISTEN_FDS` in rcon's environment (systemd
/// started it with sockets), the container's command gets the variables as
/// its own (`LISTEN_PID=1`: it is PID 1 of its namespace), as Podman passes them.
pub fn listen_env() -> Vec<String> {
    let Ok(fds) = std::env::var("LISTEN_FDS") else {
        return Vec::new();
    };
    let mut env = vec!["LISTEN_PID=1".to_string(), format!("LISTEN_FDS={fds}")];
    if let Ok(names) = std::env::var("LISTEN_FDNAMES") {
        env.push(format!("LISTEN_FDNAMES={names}"));
    }
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn systemd_mode_applies_to_init_commands_unless_told() {
        assert!(SystemdMode::Auto.applies(&argv(&["/sbin/init"])));
        assert!(
            SystemdMode::Auto.applies(&argv(&["/usr/lib/systemd/systemd", "--log-level=debug"]))
        );
        assert!(!SystemdMode::Auto.applies(&argv(&["sh"])));
        assert!(SystemdMode::Always.applies(&argv(&["sh"])));
        assert!(!SystemdMode::Never.applies(&argv(&["/sbin/init"])));
        assert!(SystemdMode::parse("maybe").is_err());
        assert_eq!(
            container_uuid(&"ab".repeat(32)),
            format!("container_uuid={}", "ab".repeat(16))
        );
    }

    #[test]
    fn auto_updates_need_a_fully_qualified_docker_reference() {
        let label = |v: &str| vec![(AUTO_UPDATE_LABEL.to_string(), v.to_string())];
        assert!(check_auto_update(&label("registry"), "127.0.0.1:5000/a/b:1").is_ok());
        assert!(check_auto_update(&label("local"), "short:latest").is_ok());
        assert!(check_auto_update(&[], "short:latest").is_ok());
        let short = check_auto_update(&label("registry"), "short:latest").unwrap_err();
        assert_eq!(
            short.to_string(),
            "short name: auto updates require fully-qualified image reference: \"short:latest\""
        );
        let archive = check_auto_update(&label("image"), "docker-archive:/tmp/a.tar").unwrap_err();
        assert!(archive.to_string().contains("transport \"docker-archive\""));
    }

    #[test]
    fn systemd_tmpfs_leaves_the_users_mounts_alone() {
        let taken = vec![mounts::parse_tmpfs("/tmp:size=1m").unwrap()];
        let added: Vec<String> = systemd_tmpfs(&taken)
            .unwrap()
            .into_iter()
            .map(|m| m.destination)
            .collect();
        assert_eq!(added, ["/run", "/run/lock", "/var/log/journal"]);
    }
}
