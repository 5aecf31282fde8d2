//! A container's plan, parsed once at the edge: the CLI's `create`/`run`
//! and the API socket's container create fill in [`CreateFlags`] (the flags
//! as given, ripgrep's "low" arguments) and [`CreateFlags::parse`] turns them
//! into the typed [`CreateRequest`] the engine creates from (Podman's
//! SpecGenerator). The container record keeps the typed values, so a start
//! resolves the stored plan and never parses a flag again.

use std::path::{Path, PathBuf};

use super::env::{self, EnvOverrides};
use super::health::{HealthFlags, HealthPlan};
use super::lifecycle::parse_signal;
use super::logfile::LogConfig;
use super::mounts::{self, ImageVolumes, MountSpec, VolumesFrom};
use super::namespaces::IpcMode;
use super::resources::{self, ResourceFlags, Resources};
use super::restart::RestartPolicy;
use super::secrets::SecretRequest;
use super::store::KeepId;
use super::systemd::{SdNotify, SystemdMode};
use super::ulimit::{self, Ulimit};
use super::{Error, PullPolicy, labels};
use crate::image::PullOptions;
use crate::network::names::NameOptions;
use crate::network::{self, Mode, PortMapping, ports};
use crate::runtime::passwd;
use crate::runtime::security::{self, CapWord, SecurityOpt, caps};
use crate::storage::driver::Driver;

/// What `run`/`create` pass on as given: the same in the flags and the plan.
#[derive(Debug, Clone, Default)]
pub struct CreateBasics {
    pub image: String,
    pub command: Vec<String>,
    pub name: Option<String>,
    pub remove: bool,
    pub tty: bool,
    pub interactive: bool,
    /// `--log-driver`: k8s-file, json-file, passthrough or none (`parse` refuses others).
    pub log_driver: Option<String>,
    pub privileged: bool,
    /// `--userns=keep-id`: the host user to keep.
    pub keep_id: Option<KeepId>,
    /// `--hostuser`: host users to add to the container's /etc/passwd.
    pub host_users: Vec<String>,
    pub user: Option<String>,
    pub group_add: Vec<String>,
    pub workdir: Option<String>,
    /// `workdir` must be in the image or on a mount (the command line's
    /// `--workdir`, as Podman's); a build's WORKDIR and the API's are made.
    pub workdir_must_exist: bool,
    pub hostname: Option<String>,
    /// `--network-alias`: more names on a user-defined network.
    pub network_aliases: Vec<String>,
    /// `-P`: publish every port the image exposes.
    pub publish_all: bool,
    /// `--dns`, `--dns-search`, `--dns-option`, `--add-host`.
    pub names: NameOptions,
    pub read_only: bool,
    pub init: bool,
    /// `--stop-timeout`, seconds.
    pub stop_timeout: Option<u64>,
    /// `--timeout`, seconds the command may run.
    pub timeout: Option<u64>,
    /// rcon runs as the real root, without a user namespace.
    pub rootful: bool,
    pub pull: PullPolicy,
    pub pull_options: PullOptions,
    /// `--storage-driver`, else the store's choice, as
    /// [`driver::choose`](crate::storage::driver::choose) made it (its first
    /// choice may fork a probe: made by the caller while single-threaded).
    pub storage_driver: Driver,
    /// The command line that made the container (Podman's CreateCommand),
    /// for `generate systemd --new`.
    pub create_command: Vec<String>,
    /// The global `--runtime`, as given.
    pub oci_runtime: Option<String>,
}

/// Everything `rcon run` / `rcon create` was asked for, as given.
#[derive(Debug, Clone, Default)]
pub struct CreateFlags {
    pub basics: CreateBasics,
    /// `-e` as given: `KEY=VALUE`, `KEY` (from rcon's environment) or `PREFIX*`.
    pub env: Vec<String>,
    /// `--unsetenv`, `--unsetenv-all`.
    pub unsetenv: Vec<String>,
    pub unsetenv_all: bool,
    /// `--tz`: an IANA zone name, or `local`.
    pub timezone: Option<String>,
    pub env_files: Vec<PathBuf>,
    pub env_host: bool,
    /// `--http-proxy`: pass rcon's proxy variables (Podman's default: on).
    pub http_proxy: bool,
    /// `-v`, `--mount` and `--tmpfs` as given.
    pub volumes: Vec<String>,
    pub mounts: Vec<String>,
    pub tmpfs: Vec<String>,
    /// `--volumes-from` and `--image-volume` as given.
    pub volumes_from: Vec<String>,
    pub image_volume: Option<String>,
    pub ulimits: Vec<String>,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    /// `--security-opt` as given.
    pub security_opt: Vec<String>,
    /// `--entrypoint`: a command, or a JSON array; `""` clears the image's.
    pub entrypoint: Option<String>,
    /// `--network`; empty for the default.
    pub network: String,
    /// `--network` given again: more user-defined networks the container is on.
    pub extra_networks: Vec<String>,
    /// `-p` specs as given.
    pub publish: Vec<String>,
    /// `-l` as given: `KEY=VALUE` or `KEY`.
    pub labels: Vec<String>,
    pub label_files: Vec<PathBuf>,
    /// `--annotation KEY=VALUE` as given.
    pub annotations: Vec<String>,
    /// `--stop-signal`: a name or number.
    pub stop_signal: Option<String>,
    /// `--restart` as given.
    pub restart: Option<String>,
    /// `--health-*` and `--no-healthcheck` as given.
    pub health: HealthFlags,
    /// `--log-opt` as given: `path=`, `max-size=`, `tag=`.
    pub log_opts: Vec<String>,
    /// `--secret` as given.
    pub secrets: Vec<String>,
    /// `--ipc` as given.
    pub ipc: Option<String>,
    /// `--requires`: containers to start first, by name or ID.
    pub requires: Vec<String>,
    /// The pod it joins (`--pod`), as the pod engine resolved it.
    pub pod: Option<PodJoin>,
    /// `--memory`, `--cpus`, `--pids-limit`, … as given.
    pub resources: ResourceFlags,
    /// `--kernel-memory`: accepted and ignored, with Podman's warning.
    pub kernel_memory: Option<String>,
    pub oom_score_adj: Option<i32>,
    /// `--systemd`, `--sdnotify` as given.
    pub systemd: Option<String>,
    pub sdnotify: Option<String>,
}

/// What a pod's infra container is asked to do beyond holding namespaces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InfraRole {
    /// The pod's exit policy is `stop`: the infra container stops once the
    /// last other container of the pod has exited.
    pub stop_with_members: bool,
}

/// A pod a new container joins: the namespaces it shares with the pod's
/// infra container (none without one). Made by the pod engine, which knows pods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodJoin {
    pub pod_id: String,
    /// The infra container's ID, when the pod has one.
    pub infra: Option<String>,
    pub share_net: bool,
    pub share_ipc: bool,
    pub share_uts: bool,
}

/// What a container is to be, parsed and checked: what is left to decide
/// needs the image (command, exposed ports) or the store (volumes, names).
#[derive(Debug, Clone)]
pub struct CreateRequest {
    /// Passed on as given (checked where they can be wrong).
    pub basics: CreateBasics,
    pub env: EnvOverrides,
    /// `--tz`: the host's zoneinfo file.
    pub localtime: Option<PathBuf>,
    /// `-v`, then `--mount`, then `--tmpfs`; bind sources absolute and present.
    pub mounts: Vec<MountSpec>,
    /// `--volumes-from`: other containers' mounts, where `mounts` has none.
    pub volumes_from: Vec<VolumesFrom>,
    /// What the image's VOLUMEs become where no mount is.
    pub image_volumes: ImageVolumes,
    pub ulimits: Vec<Ulimit>,
    pub cap_add: Vec<CapWord>,
    pub cap_drop: Vec<CapWord>,
    pub security_opt: Vec<SecurityOpt>,
    /// `--entrypoint`: `Some(vec![])` from `'[]'`, `Some(vec![""])` from `''`.
    pub entrypoint: Option<Vec<String>>,
    /// `--network` (`private`: the helper installed).
    pub network: Mode,
    /// The other networks `--network` named, in order, each once.
    pub extra_networks: Vec<String>,
    /// `-p`, host ports not yet assigned.
    pub publish: Vec<PortMapping>,
    pub labels: Vec<(String, String)>,
    pub annotations: Vec<(String, String)>,
    /// `--stop-signal` as `SIGNAME`.
    pub stop_signal: Option<String>,
    pub restart: RestartPolicy,
    /// `--health-*`, to be resolved over the image's HEALTHCHECK.
    pub health: HealthPlan,
    /// `--log-opt`, parsed.
    pub log: LogConfig,
    /// What the front end tells the user before the container is made
    /// (the CLI on stderr, the API in the response's `Warnings`): limits
    /// and ports dropped, in Podman's words.
    pub warnings: Vec<String>,
    /// `--secret`, to be looked up in the user's secrets.
    pub secrets: Vec<SecretRequest>,
    pub ipc: IpcMode,
    pub requires: Vec<String>,
    pub pod: Option<PodJoin>,
    /// It is its pod's infra container (with an empty image: rcon's pause).
    pub infra: Option<InfraRole>,
    /// The network was given (not the default): refused in a pod that shares its own.
    pub network_given: bool,
    /// The limits this host enforces ([`resources::admit`]).
    pub resources: Resources,
    pub oom_score_adj: Option<i32>,
    pub systemd: SystemdMode,
    pub sdnotify: SdNotify,
}

/// Podman's warning (its words, which scripts match) when ports are asked
/// of a network mode that has nothing to forward them: they are dropped.
pub const PORTS_DISCARDED: &str = "Port mappings have been discarded as one of the Host, Container, Pod, and None network modes are in use";

impl CreateFlags {
    /// Parses and checks every flag, before any image is pulled, as Podman
    /// does; relative paths (bind sources, files) are the working directory's.
    pub fn parse(mut self) -> Result<CreateRequest, Error> {
        let defaults = crate::config::ContainerDefaults::load()?;
        let names = &mut self.basics.names;
        names.base_hosts_file = defaults.base_hosts_file.clone();
        names.host_containers_internal_ip = defaults.host_containers_internal_ip.clone();
        let network_given = !matches!(self.network.as_str(), "" | "private");
        let (network, aliases) = Mode::split_aliases(&self.network)?;
        let network = Mode::parse(network)?;
        self.basics.network_aliases.extend(aliases);
        let extra_networks = extra_networks(
            &network,
            &self.extra_networks,
            &mut self.basics.network_aliases,
        )?;
        let ipc = IpcMode::parse(self.ipc.as_deref().unwrap_or_default())?;
        self.basics.names.check().map_err(network::Error::from)?;
        let mut env =
            EnvOverrides::from_flags(self.env_host, &self.env_files, &self.env, &env::host_env())?;
        if self.http_proxy {
            env.add_host_proxies(&env::host_env());
        }
        env.unset = self.unsetenv;
        env.unset_all = self.unsetenv_all;
        if let Some(user) = &self.basics.user {
            passwd::parse_user_spec(user)?;
        }
        let group_add = &self.basics.group_add;
        if group_add.len() > 1 && group_add.iter().any(|g| g == passwd::KEEP_GROUPS) {
            return Err(Error::Invalid(
                "the '--group-add keep-groups' option is not allowed with any other --group-add options"
                    .into(),
            ));
        }
        let ulimits = self
            .ulimits
            .iter()
            .map(|spec| ulimit::parse_ulimit(spec))
            .collect::<Result<Vec<_>, _>>()?;
        let mut mounts = Vec::new();
        for spec in &self.volumes {
            mounts.push(mounts::parse_volume(spec)?);
        }
        for spec in &self.mounts {
            mounts.push(mounts::parse_mount(spec)?);
        }
        for spec in &self.tmpfs {
            mounts.push(mounts::parse_tmpfs(spec)?);
        }
        let volumes_from = self
            .volumes_from
            .iter()
            .map(|spec| VolumesFrom::parse(spec))
            .collect::<Result<Vec<_>, _>>()?;
        let image_volumes = ImageVolumes::parse(
            self.image_volume
                .as_deref()
                .or(defaults.image_volume_mode.as_deref())
                .unwrap_or("bind"),
        )?;
        let entrypoint = entrypoint_flag(self.entrypoint.as_deref())?;
        let localtime = self.timezone.as_deref().map(zoneinfo).transpose()?;
        log_driver(self.basics.log_driver.as_deref())?;
        let log = LogConfig::parse(&self.log_opts).map_err(Error::Invalid)?;
        if !mounts.is_empty() {
            let cwd = std::env::current_dir().ok();
            mounts::resolve_bind_sources(&mut mounts, cwd.as_deref())?;
            mounts::check_duplicates(&mut mounts)?;
        }
        let last_cap = caps::kernel_last_cap()?;
        let cap_add = caps::parse_list(&self.cap_add, last_cap)?;
        let cap_drop = caps::parse_list(&self.cap_drop, last_cap)?;
        // Adding and dropping one capability (or ALL) is refused now, not at start.
        caps::resolve(&cap_add, &cap_drop, self.basics.privileged, last_cap)?;
        let security_opt = self
            .security_opt
            .iter()
            .map(|opt| security::parse_security_opt(opt))
            .collect::<Result<Vec<_>, _>>()?;
        let restart = RestartPolicy::parse(self.restart.as_deref().unwrap_or_default())?;
        if self.basics.remove && restart != RestartPolicy::No {
            return Err(Error::Invalid(format!(
                "--rm and --restart={} conflict: a container removed when it exits cannot be restarted",
                restart.name()
            )));
        }
        let stop_signal = match &self.stop_signal {
            Some(name) => Some(parse_signal(name)?.as_str().to_string()),
            None => None,
        };
        let health = self.health.parse()?;
        let secrets = self
            .secrets
            .iter()
            .map(|spec| SecretRequest::parse(spec))
            .collect::<Result<Vec<_>, _>>()?;
        if self.kernel_memory.is_some() {
            log::warn!("The --kernel-memory flag is no longer supported. This flag is a noop.");
        }
        if let Some(score) = self.oom_score_adj.filter(|s| !(-1000..=1000).contains(s)) {
            return Err(Error::Invalid(format!(
                "invalid --oom-score-adj {score}: give a value from -1000 to 1000"
            )));
        }
        let mut resources = self.resources.parse()?;
        let mut warnings = resources::admit(&mut resources)?;
        let labels = labels::from_flags(&self.label_files, &self.labels)?;
        let annotations = self
            .annotations
            .iter()
            .map(|text| match text.split_once('=') {
                Some((key, value)) if !key.is_empty() => Ok((key.to_string(), value.to_string())),
                _ => Err(Error::Invalid(format!(
                    "--annotation {text:?}: give it as KEY=VALUE"
                ))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        super::systemd::check_auto_update(&labels, &self.basics.image)?;
        let systemd = self
            .systemd
            .as_deref()
            .map(SystemdMode::parse)
            .transpose()?
            .unwrap_or_default();
        let sdnotify = self
            .sdnotify
            .as_deref()
            .map(SdNotify::parse)
            .transpose()?
            .unwrap_or_default();
        let mut publish = self
            .publish
            .iter()
            .map(|spec| ports::parse(spec))
            .collect::<Result<Vec<_>, _>>()
            .map_err(network::Error::from)?;
        let mut basics = self.basics;
        if matches!(network, Mode::Host | Mode::Container(_) | Mode::None)
            && (!publish.is_empty() || basics.publish_all)
        {
            publish.clear();
            basics.publish_all = false;
            warnings.push(PORTS_DISCARDED.to_string());
        }
        Ok(CreateRequest {
            basics,
            env,
            localtime,
            mounts,
            volumes_from,
            image_volumes,
            ulimits,
            cap_add,
            cap_drop,
            security_opt,
            entrypoint,
            network,
            extra_networks,
            publish,
            labels,
            annotations,
            stop_signal,
            restart,
            health,
            log,
            warnings,
            secrets,
            ipc,
            requires: self.requires,
            pod: self.pod,
            infra: None,
            network_given,
            resources,
            oom_score_adj: self.oom_score_adj,
            systemd,
            sdnotify,
        })
    }
}

/// `--log-driver`: Podman's drivers that log to a file rcon writes,
/// passthrough (rcon's own streams) and none. journald is not one: rcon
/// writes no journal.
fn log_driver(driver: Option<&str>) -> Result<(), Error> {
    match driver {
        None | Some("k8s-file" | "json-file" | "passthrough" | "none") => Ok(()),
        Some("journald") => {
            let why = if Path::new("/run/systemd/journal/socket").exists() {
                "rcon does not write to the journal"
            } else {
                "this host has no journald (/run/systemd/journal/socket is missing), and rcon does not write to the journal"
            };
            Err(Error::Invalid(format!(
                "--log-driver journald: {why}; use k8s-file (the default), json-file, passthrough or none"
            )))
        }
        Some(driver) => Err(Error::Invalid(format!(
            "running container create option: invalid log driver: invalid argument: --log-driver {driver:?}: use k8s-file, json-file, passthrough or none"
        ))),
    }
}

/// `--tz`: the host's file for the zone (`local`: the host's own
/// /etc/localtime), which must exist, as Podman checks.
fn zoneinfo(zone: &str) -> Result<PathBuf, Error> {
    let path = match zone {
        "local" => PathBuf::from("/etc/localtime"),
        zone => Path::new("/usr/share/zoneinfo").join(zone),
    };
    match std::fs::canonicalize(&path) {
        Ok(file) if file.is_file() => Ok(file),
        Ok(_) => Err(Error::Invalid(format!(
            "--tz {zone}: {} is not a time zone file",
            path.display()
        ))),
        Err(e) => Err(Error::Invalid(format!(
            "--tz {zone}: unknown time zone (stat {}: {e})",
            path.display()
        ))),
    }
}

/// `--entrypoint`: a JSON array of strings, or one command.
fn entrypoint_flag(text: Option<&str>) -> Result<Option<Vec<String>>, Error> {
    Ok(match text {
        None => None,
        Some(text) if text.trim_start().starts_with('[') => {
            Some(serde_json::from_str(text).map_err(|e| {
                Error::Invalid(format!(
                    "--entrypoint {text:?} is not a JSON array of strings: {e}"
                ))
            })?)
        }
        Some(text) => Some(vec![text.to_string()]),
    })
}

/// The networks a repeated `--network` adds to the first, which must name
/// a network too (Podman's rule and words): each once, the first's left out;
/// their `:alias=…` options join the container's aliases.
fn extra_networks(
    first: &Mode,
    more: &[String],
    aliases: &mut Vec<String>,
) -> Result<Vec<String>, Error> {
    let Some(first_name) = first.network_name() else {
        return match more.is_empty() {
            true => Ok(Vec::new()),
            false => Err(Error::Invalid(format!(
                "cannot set multiple networks without bridge network mode, selected mode {first}: invalid argument"
            ))),
        };
    };
    let mut names: Vec<String> = Vec::new();
    for text in more {
        let (name, more_aliases) = Mode::split_aliases(text)?;
        aliases.extend(more_aliases);
        if !network::store::is_network_name(name) {
            return Err(Error::Invalid(format!(
                "can only set extra network names, selected mode {name} conflicts with bridge: invalid argument"
            )));
        }
        if name != first_name && !names.iter().any(|known| known == name) {
            names.push(name.to_string());
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::mounts::MountKind;

    fn flags(edit: impl FnOnce(&mut CreateFlags)) -> CreateFlags {
        let mut flags = CreateFlags {
            network: "none".into(),
            ..CreateFlags::default()
        };
        edit(&mut flags);
        flags
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_parse_into_typed_values() {
        let dir = crate::util::scratch::ScratchDir::new("rcon-plan");
        let source = dir.path().display().to_string();
        let request = flags(|f| {
            f.volumes = vec![format!("{source}:/data:ro"), "cache:/cache".into()];
            f.tmpfs = strings(&["/scratch:size=1m,noexec"]);
            f.ulimits = strings(&["nofile=1024:2048"]);
            f.cap_add = strings(&["net_raw"]);
            f.cap_drop = strings(&["ALL"]);
            f.security_opt = strings(&["no-new-privileges=false", "label=disable"]);
            f.entrypoint = Some(r#"["/bin/sh", "-c"]"#.into());
            f.restart = Some("on-failure:3".into());
            f.stop_signal = Some("usr1".into());
            f.labels = strings(&["a=b"]);
        })
        .parse()
        .unwrap();
        assert_eq!(request.network, Mode::None);
        let kinds: Vec<MountKind> = request.mounts.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [MountKind::Bind, MountKind::Volume, MountKind::Tmpfs]
        );
        assert_eq!(request.mounts[0].source.as_deref(), Some(source.as_str()));
        assert!(request.mounts[0].read_only);
        assert_eq!(request.mounts[2].options, ["size=1m", "noexec"]);
        assert_eq!(request.ulimits[0].name(), "nofile");
        assert_eq!(
            (request.ulimits[0].soft, request.ulimits[0].hard),
            (1024, 2048)
        );
        assert_eq!(request.cap_add, [CapWord::One(13)]);
        assert_eq!(request.cap_drop, [CapWord::All]);
        assert_eq!(
            request.security_opt,
            [
                SecurityOpt::NoNewPrivileges(false),
                SecurityOpt::LabelDisable
            ]
        );
        assert_eq!(request.entrypoint, Some(strings(&["/bin/sh", "-c"])));
        assert_eq!(request.restart, RestartPolicy::OnFailure { max_retries: 3 });
        assert_eq!(request.stop_signal.as_deref(), Some("SIGUSR1"));
        assert_eq!(request.labels, [("a".to_string(), "b".to_string())]);
    }

    #[test]
    fn a_repeated_network_names_each_other_network_once() {
        let request = flags(|f| {
            f.network = "web".into();
            f.extra_networks = strings(&["db", "web", "db", "cache"]);
        })
        .parse()
        .unwrap();
        assert_eq!(request.network.network_name(), Some("web"));
        assert_eq!(request.extra_networks, ["db", "cache"]);
    }

    #[test]
    fn each_bad_flag_is_its_own_error() {
        let error = |edit: fn(&mut CreateFlags)| flags(edit).parse().unwrap_err().to_string();
        assert!(error(|f| f.ulimits = strings(&["nofile=lots"])).contains("nofile=lots"));
        assert!(error(|f| f.cap_add = strings(&["wizardry"])).contains("wizardry"));
        let both = error(|f| {
            f.cap_add = strings(&["chown"]);
            f.cap_drop = strings(&["CAP_CHOWN"]);
        });
        assert!(both.contains("both added and dropped"), "{both}");
        assert!(error(|f| f.security_opt = strings(&["bogus=1"])).contains("bogus=1"));
        assert!(error(|f| f.volumes = strings(&["a:b:c:d"])).contains("a:b:c:d"));
        assert!(
            error(|f| f.volumes = strings(&["/nonexistent-rcon-source:/x"]))
                .contains("does not exist")
        );
        assert!(
            error(|f| f.tmpfs = strings(&["/t", "/t:ro"])).contains("duplicate mount destination")
        );
        assert!(error(|f| f.network = "carrier-pigeon:fast".into()).contains("carrier-pigeon"));
        let moded = error(|f| {
            f.network = "none".into();
            f.extra_networks = strings(&["web"]);
        });
        assert!(
            moded.contains(
                "cannot set multiple networks without bridge network mode, selected mode none"
            ),
            "{moded}"
        );
        let mixed = error(|f| {
            f.network = "web".into();
            f.extra_networks = strings(&["db", "host"]);
        });
        assert!(
            mixed.contains("selected mode host conflicts with bridge"),
            "{mixed}"
        );
        assert!(error(|f| f.entrypoint = Some("[/bin/sh".into())).contains("not a JSON array"));
        assert!(
            error(|f| f.basics.group_add = strings(&["keep-groups", "457"]))
                .contains("'--group-add keep-groups' option is not allowed with any other")
        );
        assert!(
            error(|f| f.basics.log_driver = Some("syslog".into())).contains("invalid log driver")
        );
        assert!(error(|f| f.publish = strings(&["99999:80"])).contains("99999"));
        let conflict = error(|f| {
            f.basics.remove = true;
            f.restart = Some("always".into());
        });
        assert!(
            conflict.contains("--rm and --restart=always conflict"),
            "{conflict}"
        );
    }
}
