use std::path::PathBuf;

use crate::storage::driver::{self, Driver};
use clap::Args;

use super::{Context, Outcome};
use crate::container::Containers;
use crate::container::lifecycle::Lifecycle;
use crate::container::store::KeepId;
use crate::container::{self, CreateBasics, CreateFlags, CreateRequest, PodJoin, PullPolicy};
use crate::image::PullOptions;
use crate::network::names::NameOptions;
use crate::storage::store::Store;
use crate::userns::Namespace;

/// The flags `rcon create` and `rcon run` share: what the container is.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Name the container (default: a generated adjective_scientist name)
    #[arg(long)]
    pub name: Option<String>,
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// If a container with the --name exists, remove it (stopping it first) and create this one
    #[arg(long)]
    pub replace: bool,
    /// Restart policy, kept by the container's monitor: no, on-failure[:MAX-RETRIES], always, unless-stopped
    #[arg(long, value_name = "POLICY")]
    pub restart: Option<String>,
    /// Seconds `rcon stop` waits for the container to stop before killing it, when not given -t [default: 10]
    #[arg(long, value_name = "SECONDS")]
    pub stop_timeout: Option<u64>,
    /// Seconds the command may run: then its monitor kills it (exit code -1, as Podman) [default: 0, no limit]
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
    #[command(flatten)]
    pub health: super::healthcheck::HealthArgs,
    #[command(flatten)]
    pub resources: super::update::ResourceArgs,
    /// Limit the number of processes (-1 or 0: unlimited)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub pids_limit: Option<i64>,
    /// Tune the container's OOM score (-1000 to 1000; rootless, only raised above rcon's own)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub oom_score_adj: Option<i32>,
    /// Accepted for compatibility, and ignored with a warning (as Podman)
    #[arg(long, value_name = "SIZE", hide = true)]
    pub kernel_memory: Option<String>,
    /// Write the container's ID to this file (refused if it exists)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,
    /// Signal that `rcon stop` sends first (a name such as USR1 or a number) [default: the image's StopSignal, else TERM]
    #[arg(long, value_name = "SIGNAL")]
    pub stop_signal: Option<String>,
    /// Give the container a terminal (a pty from its own devpts)
    #[arg(short, long)]
    pub tty: bool,
    /// Keep stdin open (without it the command reads /dev/null)
    #[arg(short, long)]
    pub interactive: bool,
    /// Set an environment variable: KEY=VALUE, KEY to pass rcon's own value, or PREFIX* for several
    #[arg(short, long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// Give the container a secret (`rcon secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=N,gid=N,mode=OCTAL]; mounted read-only at /run/secrets/NAME by default
    #[arg(long, value_name = "SECRET")]
    pub secret: Vec<String>,
    /// Systemd mode (container_uuid, tmpfs on /run, /run/lock, /tmp, /var/log/journal, stop signal SIGRTMIN+3): true (when the command is systemd or init), false, always
    #[arg(long, value_name = "MODE")]
    pub systemd: Option<String>,
    /// Who tells a systemd unit (NOTIFY_SOCKET) the service is ready: container (the command, given the socket), conmon (rcon, once it runs), ignore
    #[arg(long, value_name = "MODE")]
    pub sdnotify: Option<String>,
    /// Podman's cgroup modes (enabled, disabled, no-conmon, split): accepted; rcon's monitor is never in a cgroup of its own
    #[arg(long, value_name = "MODE", value_parser = ["enabled", "disabled", "no-conmon", "split"])]
    pub cgroups: Option<String>,
    /// Read environment variables from a file (KEY=VALUE lines, # comments)
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Leave out a default or image environment variable (-e still sets it)
    #[arg(long, value_name = "NAME")]
    pub unsetenv: Vec<String>,
    /// Leave out every default and image environment variable (-e still sets them)
    #[arg(long)]
    pub unsetenv_all: bool,
    /// The container's time zone (its /etc/localtime): an IANA name such as Europe/Paris, or local for the host's
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Where the container's output is logged: k8s-file (the default; json-file is taken as it, as Podman does), passthrough (only to rcon's own streams, foreground only) or none
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// Logging option: path=FILE (the log file), max-size=SIZE (the log starts again empty when it would grow past it), tag=TAG
    #[arg(long, value_name = "KEY=VALUE")]
    pub log_opt: Vec<String>,
    /// Pass rcon's whole environment into the container
    #[arg(long)]
    pub env_host: bool,
    /// Pass rcon's proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container
    // require_equals: as Go's boolean flags, `--http-proxy IMAGE` takes no value.
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub http_proxy: bool,
    /// Bind mount or volume: HOST-DIR:CTR-DIR[:OPTIONS], NAME:CTR-DIR[:OPTIONS], or CTR-DIR (anonymous volume)
    #[arg(short, long = "volume", value_name = "SPEC")]
    pub volume: Vec<String>,
    /// Mount: type=bind|volume|tmpfs,source=…,destination=…[,ro][,…]
    #[arg(long, value_name = "SPEC")]
    pub mount: Vec<String>,
    /// Mount a tmpfs: PATH[:OPTIONS] (size=, mode=, noexec, …)
    #[arg(long, value_name = "PATH[:OPTIONS]")]
    pub tmpfs: Vec<String>,
    /// Mount the volumes and bind mounts of another container, at the same places: CONTAINER[:ro|rw]
    #[arg(long, value_name = "CONTAINER[:OPTIONS]")]
    pub volumes_from: Vec<String>,
    /// What the image's VOLUMEs become: bind (anonymous volumes), tmpfs or ignore [default: containers.conf's image_volume_mode, else bind]
    #[arg(long, value_name = "MODE")]
    pub image_volume: Option<String>,
    /// Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core, …; -1 for unlimited)
    #[arg(long, value_name = "NAME=SOFT[:HARD]")]
    pub ulimit: Vec<String>,
    /// User namespace: keep-id (your own UID and GID inside, as on the host) or host (rcon's, the default)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Add this host user's passwd entry (a name or UID) to the container's /etc/passwd
    #[arg(long, value_name = "USER")]
    pub hostuser: Vec<String>,
    /// Add a capability (e.g. NET_RAW, or ALL)
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// Drop a capability (e.g. CHOWN, or ALL)
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// Every capability of rcon's user namespace, no seccomp filter, kernel paths unmasked
    #[arg(long)]
    pub privileged: bool,
    /// seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false], label=disable, apparmor=unconfined
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// Run as this user: user[:group] or uid[:gid], resolved in the container
    #[arg(short, long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Add a supplementary group
    #[arg(long, value_name = "GROUP")]
    pub group_add: Vec<String>,
    /// Working directory inside the container (created when missing)
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Override the image's entrypoint (a command or a JSON array; '' clears it)
    #[arg(long, value_name = "COMMAND", allow_hyphen_values = true)]
    pub entrypoint: Option<String>,
    /// The container's hostname [default: its short ID]
    #[arg(short, long, value_name = "NAME")]
    pub hostname: Option<String>,
    /// Network: private (pasta where installed, else slirp4netns), pasta[:OPTIONS], slirp4netns[:OPTIONS], none (loopback only), host, ns:PATH, container:NAME, or the name of a network made with `rcon network create` (repeat it to put the container on several)
    #[arg(
        long,
        visible_alias = "net",
        value_name = "MODE",
        default_value = "private"
    )]
    pub network: Vec<String>,
    /// Another name other containers on the user-defined network know this one by; may be repeated
    #[arg(long, value_name = "ALIAS")]
    pub network_alias: Vec<String>,
    /// IPC namespace: shareable (the default: others may join it), private, none (no /dev/shm), host, container:NAME or ns:PATH
    #[arg(long, value_name = "MODE")]
    pub ipc: Option<String>,
    /// Run in this pod (name or ID), sharing the namespaces of its infra container; new:NAME creates the pod first
    #[arg(long, value_name = "NAME")]
    pub pod: Option<String>,
    /// Run in the pod whose ID this file holds (written by `rcon pod create --pod-id-file`)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,
    /// Containers (names or IDs, comma-separated) started before this one whenever it starts
    #[arg(long, value_name = "CONTAINERS", value_delimiter = ',')]
    pub requires: Vec<String>,
    /// Publish a container port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp], ranges as 8000-8010:80-90
    #[arg(short, long, value_name = "SPEC")]
    pub publish: Vec<String>,
    /// Publish every port the image exposes on a free host port
    #[arg(short = 'P', long)]
    pub publish_all: bool,
    #[command(flatten)]
    pub names: NameArgs,
    /// Mount the root filesystem read-only (with tmpfs on /tmp, /run and /var/tmp)
    #[arg(long)]
    pub read_only: bool,
    /// Run a tiny init as PID 1 that reaps zombies and forwards signals
    #[arg(long)]
    pub init: bool,
    /// Add a label: KEY=VALUE
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Read labels from a file (KEY=VALUE lines, # comments); -l wins over it
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,
    /// Add an annotation to the container: KEY=VALUE
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// When to pull the image
    #[arg(long, value_enum, default_value = "missing", value_name = "POLICY")]
    pub pull: PullArg,
    /// Platform to pull for a multi-platform image
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<String>,
    /// Require HTTPS and verified certificates when pulling (false allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Pull without progress output
    #[arg(short, long)]
    pub quiet: bool,
    /// Print help (-h is --hostname, as in Podman)
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    /// Image to run
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Command and arguments [default: the image's entrypoint and cmd]
    #[arg(
        value_name = "COMMAND",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub command: Vec<String>,
}

/// `--security-opt`s with a relative `seccomp=PROFILE` made absolute: the
/// record keeps the path, and every later start (from another directory,
/// or by the monitor's restart policy) must read the file named here.
pub(crate) fn absolute_profiles(opts: Vec<String>) -> Result<Vec<String>, super::Failure> {
    opts.into_iter()
        .map(|opt| match opt.split_once('=') {
            Some(("seccomp", path))
                if !matches!(path, "" | "unconfined") && !path.starts_with('/') =>
            {
                let path = std::path::absolute(path).map_err(|e| {
                    super::Failure::new(
                        super::EXIT_ENGINE,
                        format!("--security-opt {opt}: finding the working directory: {e}"),
                    )
                })?;
                Ok(format!("seccomp={}", path.display()))
            }
            _ => Ok(opt),
        })
        .collect()
}

/// The container's /etc/resolv.conf and /etc/hosts (`run`, `create`, and
/// `build` for its RUN steps).
#[derive(Debug, Args)]
pub struct NameArgs {
    /// Name server for the container's /etc/resolv.conf (replaces the default)
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// Search domain for the container's /etc/resolv.conf ('.' for none)
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// Resolver option for the container's /etc/resolv.conf (e.g. ndots:2)
    #[arg(long, visible_alias = "dns-opt", value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Add a line to the container's /etc/hosts: NAME:IP (IP may be host-gateway)
    #[arg(long, value_name = "NAME:IP")]
    pub add_host: Vec<String>,
}

impl From<NameArgs> for NameOptions {
    fn from(args: NameArgs) -> NameOptions {
        NameOptions {
            dns: args.dns,
            dns_search: args.dns_search,
            dns_option: args.dns_option,
            add_host: args.add_host,
            ..NameOptions::default()
        }
    }
}

/// Pulls squash layer owners to one ID where the namespace maps only the user.
pub fn squash_owners(namespace: &Namespace) -> bool {
    matches!(
        namespace,
        Namespace::Joined {
            single: Some(_),
            ..
        }
    )
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PullArg {
    Missing,
    Always,
    Never,
    Newer,
}

impl CreateArgs {
    /// The engine's request: the flags, parsed.
    pub fn request(
        self,
        ctx: &super::Context,
        storage_driver: Driver,
    ) -> Result<CreateRequest, super::Failure> {
        let user = &ctx.user;
        let keep_id = match self.userns.as_deref() {
            None | Some("" | "host") => None,
            Some("keep-id") => Some(KeepId {
                uid: user.uid,
                gid: user.gid,
                name: user.name.clone(),
                home: nix::unistd::User::from_uid(user.uid.into())
                    .ok()
                    .flatten()
                    .map_or_else(|| "/".into(), |u| u.dir.display().to_string()),
            }),
            Some(other) => {
                return Err(super::Failure::new(
                    super::EXIT_ENGINE,
                    format!("unknown --userns mode {other:?}: use keep-id or host"),
                ));
            }
        };
        let request = CreateFlags {
            basics: CreateBasics {
                storage_driver,
                create_command: std::env::args().collect(),
                oci_runtime: ctx.runtime.clone(),
                image: self.image,
                command: self.command,
                name: self.name,
                remove: self.rm,
                tty: self.tty,
                interactive: self.interactive,
                log_driver: self.log_driver,
                privileged: self.privileged,
                keep_id,
                host_users: self.hostuser,
                user: self.user,
                group_add: self.group_add,
                workdir: self.workdir,
                workdir_must_exist: true,
                hostname: self.hostname,
                network_aliases: self.network_alias,
                publish_all: self.publish_all,
                names: self.names.into(),
                read_only: self.read_only,
                init: self.init,
                stop_timeout: self.stop_timeout,
                timeout: self.timeout,
                rootful: matches!(ctx.namespace(), Namespace::Host),
                pull: match self.pull {
                    PullArg::Missing => PullPolicy::Missing,
                    PullArg::Always => PullPolicy::Always,
                    PullArg::Never => PullPolicy::Never,
                    PullArg::Newer => PullPolicy::Newer,
                },
                pull_options: PullOptions {
                    platform: self.platform,
                    tls_verify: self.tls_verify,
                    squash_owners: squash_owners(ctx.namespace()),
                    quiet: self.quiet,
                    auth_files: None,
                },
            },
            env: self.env,
            unsetenv: self.unsetenv,
            unsetenv_all: self.unsetenv_all,
            timezone: self.tz,
            env_files: self.env_file,
            env_host: self.env_host,
            http_proxy: self.http_proxy,
            volumes: self.volume,
            mounts: self.mount,
            tmpfs: self.tmpfs,
            volumes_from: self.volumes_from,
            image_volume: self.image_volume,
            ulimits: self.ulimit,
            cap_add: self.cap_add,
            cap_drop: self.cap_drop,
            security_opt: absolute_profiles(self.security_opt)?,
            entrypoint: self.entrypoint,
            network: self.network.first().cloned().unwrap_or_default(),
            extra_networks: self.network.iter().skip(1).cloned().collect(),
            publish: self.publish,
            labels: self.label,
            label_files: self.label_file,
            annotations: self.annotation,
            stop_signal: self.stop_signal,
            restart: self.restart,
            health: self.health.flags(),
            log_opts: self.log_opt,
            secrets: self.secret,
            ipc: self.ipc,
            requires: self.requires,
            pod: None,
            resources: self.resources.flags(self.pids_limit),
            kernel_memory: self.kernel_memory,
            oom_score_adj: self.oom_score_adj,
            systemd: self.systemd,
            sdnotify: self.sdnotify,
        }
        .parse()
        .map_err(super::Failure::from)?;
        for warning in &request.warnings {
            eprintln!("{warning}");
        }
        Ok(request)
    }

    /// `--cidfile`: refused before anything is made when the file exists,
    /// as Podman does (it may be another container's). Returns the file,
    /// for [`write_cidfile`] once the container is made.
    pub fn check_cidfile(&self) -> Result<Option<PathBuf>, super::Failure> {
        match &self.cidfile {
            Some(path) if path.exists() => Err(super::Failure::new(
                super::EXIT_ENGINE,
                format!(
                    "container id file exists. Ensure another container is not using it or delete {}",
                    path.display()
                ),
            )),
            cidfile => Ok(cidfile.clone()),
        }
    }

    /// `--replace`: removes the container of the same name, if any.
    pub fn replace_existing(
        &self,
        store: &Store,
        runroot: &std::path::Path,
    ) -> Result<(), super::Failure> {
        if !self.replace {
            return Ok(());
        }
        let Some(name) = &self.name else {
            return Err(super::Failure::new(
                super::EXIT_ENGINE,
                "--replace needs --name: only a container of that name can be replaced",
            ));
        };
        Ok(Lifecycle::open(store, runroot)?.replace(name)?)
    }
}

impl CreateArgs {
    /// `--pod` or `--pod-id-file`: the pod to join (`new:NAME` to create),
    /// read before the flags are parsed, joined once they are.
    pub fn pod_target(&self) -> Result<Option<PodTarget>, super::Failure> {
        let name = match (&self.pod, &self.pod_id_file) {
            (Some(_), Some(_)) => {
                return Err(super::Failure::new(
                    super::EXIT_ENGINE,
                    "--pod and --pod-id-file cannot be used together",
                ));
            }
            (Some(name), None) => name.clone(),
            (None, Some(file)) => super::pod::read_pod_id_file(file)?,
            (None, None) => return Ok(None),
        };
        Ok(Some(PodTarget {
            name,
            hostname: self.hostname.clone(),
        }))
    }
}

/// `--pod`: the pod `request` joins (made first for `new:NAME`, which then
/// takes the container's `--hostname` as its own).
pub fn join_pod(
    request: &mut CreateRequest,
    target: Option<PodTarget>,
    ctx: &Context,
    store: &Store,
) -> Result<(), super::Failure> {
    if let Some(target) = target {
        if target.name.starts_with("new:") {
            request.basics.hostname = None;
        }
        request.pod = Some(target.join(ctx, store)?);
    }
    Ok(())
}

/// The pod a new container goes into, as `--pod` named it.
pub struct PodTarget {
    name: String,
    /// `--hostname`: a new pod's (`new:NAME`), else the container's.
    hostname: Option<String>,
}

impl PodTarget {
    /// Joins the pod; `new:NAME` creates it first, its hostname the
    /// container's or the pod's name, as Podman does.
    pub fn join(self, ctx: &Context, store: &Store) -> Result<PodJoin, super::Failure> {
        let record = match self.name.strip_prefix("new:") {
            Some(name) => crate::pod::create(
                store,
                &ctx.paths.runroot,
                &crate::pod::PodRequest {
                    name: Some(name.to_string()),
                    hostname: Some(self.hostname.unwrap_or_else(|| name.to_string())),
                    ..super::pod::create::default_request(ctx, store)?
                },
            )?,
            None => crate::pod::Pods::open(store.root())?.find(&self.name)?,
        };
        Ok(record.join(&Containers::open(store.root())?)?)
    }
}

/// `--cidfile`: the new container's ID into the file.
pub fn write_cidfile(cidfile: Option<PathBuf>, id: &str) -> Result<(), super::Failure> {
    let Some(path) = cidfile else {
        return Ok(());
    };
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, id.as_bytes()))
        .map_err(|e| {
            super::Failure::new(
                super::EXIT_ENGINE,
                format!(
                    "writing the container ID to --cidfile {}: {e}",
                    path.display()
                ),
            )
        })
}

#[derive(Debug, Args)]
pub struct CreateVerbArgs {
    #[command(flatten)]
    pub create: CreateArgs,
}

pub fn run(ctx: &Context, args: CreateVerbArgs) -> Outcome {
    let cidfile = args.create.check_cidfile()?;
    let store = Store::open(&ctx.paths.root)?;
    args.create.replace_existing(&store, &ctx.paths.runroot)?;
    let driver = driver::choose(store.root(), ctx.storage_driver, ctx.single)?.driver;
    let pod = args.create.pod_target()?;
    let mut request = args.create.request(ctx, driver)?;
    join_pod(&mut request, pod, ctx, &store)?;
    let record = container::create(&store, &request)?;
    write_cidfile(cidfile, &record.id)?;
    println!("{}", record.id);
    Ok(0)
}
