//! The command line: one file per verb, each turning its flags into engine calls.

mod attach;
mod build;
mod commit;
mod container;
mod container_prune;
mod cp;
mod create;
mod diff;
mod events;
mod exec;
mod exists;
mod export;
mod generate;
mod healthcheck;
pub(crate) mod human;
mod image;
mod images;
mod import;
mod info;
pub(crate) mod inspect;
mod kill;
mod kube;
mod lazy;
mod load;
mod login;
mod logout;
mod logs;
mod network;
mod pause;
mod pod;
mod port;
mod ps;
mod pull;
mod push;
mod rename;
mod report;
mod restart;
mod rm;
mod rmi;
mod run;
mod runlabel;
mod save;
mod secret;
mod service;
mod start;
mod stats;
mod stop;
mod system;
mod tabwriter;
mod tag;
mod template;
mod top;
mod unshare;
mod untag;
mod update;
mod version;
mod volume;
mod wait;

use std::fmt::Display;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::config::Paths;
use crate::container::ContainerRecord;
use crate::container::lifecycle::Lifecycle;
use crate::log::Level;
use crate::process::SingleThreaded;
use crate::storage::driver::Driver;
use crate::storage::store::Store;
use crate::userns::{self, HostUser, Namespace};
use crate::util::exit::ExitCode;
use lazy::Lazy;

/// Podman's exit code for errors of the engine itself.
pub const EXIT_ENGINE: i32 = crate::util::exit::ENGINE;

#[derive(Debug, Parser)]
#[command(
    name = "rcon",
    version,
    about = "Rootless containers: a Podman-compatible engine for ordinary users",
    long_about = "rcon runs OCI containers as an ordinary user: it keeps a user namespace \
                  mapped from /etc/subuid and /etc/subgid, stores images under \
                  ~/.local/share/rcon and runs containers on overlayfs with user-mode networking.",
    propagate_version = true,
    // As Podman (pflag): a flag given twice takes its last value.
    args_override_self = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub verb: Verb,
}

/// Flags every verb takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]
    #[arg(long, global = true, value_name = "DIR")]
    pub runroot: Option<PathBuf>,
    /// Directory for named volumes [default: volumes under the storage root]
    #[arg(long, global = true, value_name = "DIR")]
    pub volumepath: Option<PathBuf>,
    /// How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)
    #[arg(long, global = true, value_name = "LEVEL")]
    pub log_level: Option<String>,
    /// Log at debug level (same as --log-level=debug)
    #[arg(short = 'D', long, global = true)]
    pub debug: bool,
    /// How containers' root filesystems are made: overlay (kernel), fuse-overlay (rcon's own, on FUSE) or vfs (a full copy) [default: the store's choice, see `rcon info`]
    #[arg(
        long,
        global = true,
        value_name = "DRIVER",
        env = "RCON_STORAGE_DRIVER"
    )]
    pub storage_driver: Option<Driver>,
    /// Print nothing on stdout
    #[arg(long, global = true)]
    pub noout: bool,
    /// Podman's cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd
    #[arg(long, global = true, value_name = "MANAGER", value_parser = ["cgroupfs", "systemd"])]
    pub cgroup_manager: Option<String>,
    /// Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf's events_logger, else file]
    #[arg(long, global = true, value_name = "BACKEND")]
    pub events_backend: Option<String>,
    /// The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf's runtime]
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub runtime: Option<String>,
    /// A global flag for the OCI runtime, as crun's and runc's (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)
    #[arg(long, global = true, value_name = "FLAG")]
    pub runtime_flag: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Verb {
    /// Attach to a running container's output (and stdin, when started with -i) until it exits or the detach keys
    Attach(Lazy<attach::AttachArgs>),
    /// Build an image from a Containerfile or Dockerfile
    Build(Lazy<build::BuildArgs>),
    /// Make a new image from a container's changes
    Commit(Lazy<commit::CommitArgs>),
    /// Manage containers: commit, cp, diff, export, inspect, pause, port, prune, rename, stats, top, unpause, update
    #[command(subcommand)]
    Container(Lazy<container::ContainerVerb>),
    /// Copy files between a container and the host (or a tar stream)
    Cp(Lazy<cp::CpArgs>),
    /// Create a container without starting it
    // -h is --hostname here, as in Podman; --help stays.
    #[command(disable_help_flag = true)]
    Create(Lazy<create::CreateVerbArgs>),
    /// Run a command in a running container
    Exec(Lazy<exec::ExecArgs>),
    /// Show what a container changed in its image's files: A (added), C (changed), D (deleted)
    Diff(Lazy<diff::DiffArgs>),
    /// Show events: what happened to containers, images, volumes and networks (new ones as they come, unless --stream=false)
    Events(Lazy<events::EventsArgs>),
    /// Write a container's whole filesystem as a tarball
    Export(Lazy<export::ExportArgs>),
    /// Generate configuration for a container: systemd units, Kubernetes YAML
    #[command(subcommand)]
    Generate(Lazy<generate::GenerateVerb>),
    /// Make an image of a root filesystem tarball (a file or - for standard input), as `export` writes one
    Import(Lazy<import::ImportArgs>),
    /// Run a container's health check
    #[command(subcommand)]
    Healthcheck(Lazy<healthcheck::HealthcheckVerb>),
    /// Show the steps that built an image, newest first (same as `rcon image history`)
    History(Lazy<image::history::HistoryArgs>),
    /// Manage images: history, inspect, list, load, prune, pull, push, remove, save, tag
    #[command(subcommand)]
    Image(Lazy<image::ImageVerb>),
    /// List images in local storage
    Images(Lazy<images::ImagesArgs>),
    /// Show how rcon is set up on this host, and every problem found with its fix
    Info(Lazy<info::InfoArgs>),
    /// Load images from a docker-archive or oci-archive tarball
    Load(Lazy<load::LoadArgs>),
    /// Log in to a registry: check the credentials and save them in auth.json
    Login(Lazy<login::LoginArgs>),
    /// Remove a registry's saved credentials
    Logout(Lazy<logout::LogoutArgs>),
    /// Show a container's (or else an image's or a volume's) configuration and state as JSON (or through --format)
    Inspect(Lazy<inspect::InspectArgs>),
    /// Send a signal to running containers (default KILL)
    Kill(Lazy<kill::KillArgs>),
    /// Kubernetes YAML: play it (pods, containers, volumes), take it down, generate it from containers
    #[command(subcommand)]
    Kube(Lazy<kube::KubeVerb>),
    /// Play Kubernetes YAML (Podman's older spelling of `rcon kube play`)
    #[command(subcommand)]
    Play(Lazy<kube::PlayVerb>),
    /// Show a container's output (stdout and stderr, as logged by its monitor)
    Logs(Lazy<logs::LogsArgs>),
    /// Manage networks containers reach each other on: create, exists, inspect, list, prune, remove
    #[command(subcommand)]
    Network(Lazy<network::NetworkVerb>),
    /// Freeze the processes of running containers (where the host allows it rootless)
    Pause(Lazy<pause::PauseArgs>),
    /// Manage pods: containers sharing network, IPC and UTS namespaces, started and stopped together
    #[command(subcommand)]
    Pod(Lazy<pod::PodVerb>),
    /// List a container's published ports, or the host address of one
    Port(Lazy<port::PortArgs>),
    /// List containers (running ones; -a for all)
    Ps(Lazy<ps::PsArgs>),
    /// Manage rcon itself: reset storage, restart the user namespace, show info
    #[command(subcommand)]
    System(Lazy<system::SystemVerb>),
    /// Pull an image from a registry
    Pull(Lazy<pull::PullArgs>),
    /// Push an image to a registry
    Push(Lazy<push::PushArgs>),
    /// Give a container a new name
    Rename(Lazy<rename::RenameArgs>),
    /// Stop and start containers again (detached)
    Restart(Lazy<restart::RestartArgs>),
    /// Remove containers
    Rm(Lazy<rm::RmArgs>),
    /// Remove images
    Rmi(Lazy<rmi::RmiArgs>),
    /// Run a command in a new container
    #[command(disable_help_flag = true)]
    Run(Lazy<run::RunArgs>),
    /// Manage secrets: create, exists, inspect, list, remove
    #[command(subcommand)]
    Secret(Lazy<secret::SecretVerb>),
    /// Start created or exited containers in the background (-a: attached, in the foreground)
    Start(Lazy<start::StartArgs>),
    /// Save images to a docker-archive or oci-archive tarball
    Save(Lazy<save::SaveArgs>),
    /// Show containers' resource use: CPU, memory, network and block I/O, PIDs
    Stats(Lazy<stats::StatsArgs>),
    /// Stop running containers: the stop signal, then SIGKILL after a timeout
    Stop(Lazy<stop::StopArgs>),
    /// Give an image another name
    Tag(Lazy<tag::TagArgs>),
    /// Show the processes running in a container
    Top(Lazy<top::TopArgs>),
    /// Run a command inside rcon's user namespace (to inspect or remove storage files)
    Unshare(Lazy<unshare::UnshareArgs>),
    /// Thaw paused containers
    Unpause(Lazy<pause::PauseArgs>),
    /// Take names off an image (all of them when none is given)
    Untag(Lazy<untag::UntagArgs>),
    /// Change a container's resource limits
    Update(Lazy<update::UpdateArgs>),
    /// Show the rcon version
    Version(Lazy<version::VersionArgs>),
    /// Manage volumes: create, inspect, list, prune, remove
    #[command(subcommand)]
    Volume(Lazy<volume::VolumeVerb>),
    /// Wait for containers to exit and print their exit codes
    Wait(Lazy<wait::WaitArgs>),
}

impl Verb {
    /// Whether the verb runs in rcon's user namespace, which is then entered
    /// once, before it is dispatched. Not: the verbs that go straight into a
    /// container's namespaces from the host (`exec`, `attach`), need no
    /// storage (`login`, `logout`, `version`, `system migrate`), report a
    /// failure to enter rather than fail (`info`), or enter themselves at
    /// their own moment (`system service`, after binding its socket).
    fn in_namespace(&self) -> bool {
        match self {
            Verb::Attach(_)
            | Verb::Events(_)
            | Verb::Exec(_)
            | Verb::Healthcheck(_)
            | Verb::Info(_)
            | Verb::Login(_)
            | Verb::Logout(_)
            | Verb::Version(_) => false,
            Verb::Container(verb) => verb.0.in_namespace(),
            Verb::System(verb) => verb.0.in_namespace(),
            _ => true,
        }
    }
}

/// An error to report: the message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn new(code: i32, message: impl Display) -> Failure {
        Failure {
            code,
            message: message.to_string(),
        }
    }
}

/// An error reported as it is, with the exit code its type gives it.
impl<E: std::error::Error + ExitCode> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure::new(e.exit_code(), e)
    }
}

pub type Outcome = Result<i32, Failure>;

/// Ends a verb that went through several names: exit 0 without errors;
/// otherwise every error but the last on stderr, and the last as the
/// command's failure (125).
pub(crate) fn report<E>(mut errors: Vec<E>) -> Outcome
where
    E: std::fmt::Display,
    Failure: From<E>,
{
    let Some(last) = errors.pop() else {
        return Ok(0);
    };
    for e in errors {
        eprintln!("Error: {e}");
    }
    Err(last.into())
}

/// Ends a verb that reported some failures along the way: every one but the
/// last on stderr, the last as the command's; the exit code is Podman's for
/// the set: 1 when a container was missing, else 2 when one was in the wrong
/// state, else the last one's.
pub(crate) fn report_failures(mut failures: Vec<Failure>) -> Outcome {
    let Some(mut last) = failures.pop() else {
        return Ok(0);
    };
    for failure in &failures {
        eprintln!("Error: {}", failure.message);
    }
    let codes: Vec<i32> = failures.iter().map(|f| f.code).chain([last.code]).collect();
    if codes.contains(&1) {
        last.code = 1;
    } else if codes.contains(&2) {
        last.code = 2;
    }
    Err(last)
}

/// Asks `question` on stdout and reads the answer from stdin; only y or yes
/// (in any case) is yes, as Podman's prompts.
pub(crate) fn confirm(question: &str) -> Result<bool, Failure> {
    use std::io::{BufRead, Write};
    print!("{question}");
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

/// Runs `action` on each container named (name, ID or unique prefix),
/// printing each name once done as Podman does; stops at the first error.
pub fn each_container(
    ctx: &Context,
    names: &[String],
    action: impl Fn(&Lifecycle, &ContainerRecord) -> Result<(), crate::container::Error>,
) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    for name in names {
        let record = lifecycle.find(name)?;
        action(&lifecycle, &record)?;
        println!("{name}");
    }
    Ok(0)
}

/// A `--since`/`--until` value (see [`crate::util::time::parse_time`]).
pub(crate) fn time_flag(
    flag: &str,
    text: Option<&str>,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, Failure> {
    text.map(|t| {
        crate::util::time::parse_time(t).ok_or_else(|| {
            Failure::new(
                EXIT_ENGINE,
                format!("{flag} {t:?}: give an RFC 3339 time, a date, Unix seconds or a duration such as 10m"),
            )
        })
    })
    .transpose()
}

/// What a verb gets: who runs it and where rcon keeps its files.
pub struct Context<'a> {
    pub user: HostUser,
    pub paths: Paths,
    /// `--storage-driver`, for the containers this command creates.
    pub storage_driver: Option<Driver>,
    /// `--events-backend`, if given.
    pub events_backend: Option<crate::events::Backend>,
    /// `--runtime`, checked.
    pub runtime: Option<String>,
    /// `--runtime-flag`, as given.
    pub runtime_flags: Vec<String>,
    /// For what forks or joins namespaces: this process has one thread.
    pub single: &'a SingleThreaded,
    /// Where [`Verb::in_namespace`] had this process go before the verb.
    namespace: Option<Namespace>,
}

impl Context<'_> {
    fn new<'a>(global: &GlobalArgs, single: &'a SingleThreaded) -> Result<Context<'a>, Failure> {
        let user = HostUser::current();
        let (paths, warnings) = Paths::resolve(
            global.root.clone(),
            global.runroot.clone(),
            global.volumepath.clone(),
            &user,
        )?;
        for warning in warnings {
            log::warn!("{warning}");
        }
        let events_backend = global
            .events_backend
            .as_deref()
            .map(str::parse::<crate::events::Backend>)
            .transpose()?;
        crate::events::configure(&paths.runroot, events_backend);
        crate::storage::volume::configure(&paths.volume_path);
        if let Some(runtime) = &global.runtime {
            crate::config::check_runtime(runtime).map_err(|e| Failure::new(EXIT_ENGINE, e))?;
        }
        Ok(Context {
            user,
            paths,
            storage_driver: global.storage_driver,
            events_backend,
            runtime: global.runtime.clone(),
            runtime_flags: global.runtime_flag.clone(),
            single,
            namespace: None,
        })
    }

    /// Checks `--runtime-flag`s as an OCI runtime would when a container
    /// starts: the global flags of crun and runc are taken (the built-in
    /// runtime has nothing they change), any other fails the start with
    /// 126, as Podman's runtime refusing it does.
    pub fn check_runtime_flags(&self) -> Result<(), Failure> {
        crate::config::check_runtime_flags(&self.runtime_flags)
            .map_err(|e| Failure::new(crate::runtime::EXIT_CANNOT_INVOKE, e))
    }

    /// The user namespace this process is in, for a verb that
    /// [`Verb::in_namespace`] declares.
    pub fn namespace(&self) -> &Namespace {
        self.namespace
            .as_ref()
            .expect("the verb is declared in Verb::in_namespace")
    }

    /// Checks the OCI runtime containers.conf names, unless `--runtime`
    /// named one (checked already), as Podman does before it makes a
    /// container.
    pub fn check_configured_runtime(&self) -> Result<(), Failure> {
        if self.runtime.is_some() {
            return Ok(());
        }
        let conf = crate::config::EngineConf::load().map_err(|e| Failure::new(EXIT_ENGINE, e))?;
        match conf.runtime {
            Some(runtime) => {
                crate::config::check_runtime(&runtime).map_err(|e| Failure::new(EXIT_ENGINE, e))
            }
            None => Ok(()),
        }
    }

    /// Joins (or creates) the user namespace; warns about a single mapping.
    pub fn enter_namespace(&self) -> Result<Namespace, Failure> {
        self.paths.ensure_runroot()?;
        let namespace = userns::enter(&self.paths.runroot, &self.user, self.single)?;
        log::trace!("in rcon's user namespace: {namespace:?}");
        if let Namespace::Joined {
            single: Some(reason),
            ..
        } = &namespace
        {
            log::warn!("{}", reason.warning(&self.user));
        }
        Ok(namespace)
    }
}

/// The whole clap definition, for man pages and completions: every verb's
/// flags built (see [`Lazy`]).
pub fn command() -> clap::Command {
    lazy::eager(Cli::command)
}

/// Parses the arguments, runs the verb and returns the process exit code.
pub fn main() -> i32 {
    let Some(single) = SingleThreaded::claim() else {
        unreachable!("cli::main runs once, first thing in the process");
    };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_ENGINE } else { 0 };
        }
    };
    let level = match (&cli.global.log_level, cli.global.debug) {
        (Some(_), true) => {
            eprintln!("Setting --log-level and --debug is not allowed");
            return 1;
        }
        (None, debug) => {
            if debug {
                Level::Debug
            } else {
                Level::Warn
            }
        }
        (Some(text), false) => match Level::parse(text) {
            Some(level) => level,
            None => {
                eprintln!(
                    "Log Level {text:?} is not supported, choose from: trace, debug, info, warn, warning, error, fatal, panic"
                );
                return 1;
            }
        },
    };
    crate::log::init(level);
    log::info!("rcon filtering at log level {}", level.name());
    log::debug!(
        "called as: {}",
        std::env::args().collect::<Vec<_>>().join(" ")
    );
    if cli.global.noout {
        if let Err(e) = std::fs::File::options()
            .write(true)
            .open("/dev/null")
            .and_then(|null| nix::unistd::dup2_stdout(&null).map_err(std::io::Error::from))
        {
            eprintln!("Error: --noout: redirecting stdout to /dev/null: {e}");
            return EXIT_ENGINE;
        }
    }
    let outcome = Context::new(&cli.global, &single).and_then(|mut ctx| {
        if cli.verb.in_namespace() {
            let start = std::time::Instant::now();
            ctx.namespace = Some(ctx.enter_namespace()?);
            crate::log::phase("namespace join", start);
        }
        dispatch(&ctx, cli.verb)
    });
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("Error: {}", failure.message);
            failure.code
        }
    }
}

fn dispatch(ctx: &Context, verb: Verb) -> Outcome {
    match verb {
        Verb::Attach(args) => attach::run(ctx, args.0),
        Verb::Build(args) => build::run(ctx, args.0),
        Verb::Commit(args) => commit::run(ctx, args.0),
        Verb::Container(verb) => container::run(ctx, verb.0),
        Verb::Cp(args) => cp::run(ctx, args.0),
        Verb::Create(args) => create::run(ctx, args.0),
        Verb::Exec(args) => exec::run(ctx, args.0),
        Verb::Generate(verb) => generate::run(ctx, verb.0),
        Verb::Healthcheck(verb) => healthcheck::run(ctx, verb.0),
        Verb::Diff(args) => diff::run(ctx, args.0),
        Verb::Events(args) => events::run(ctx, args.0),
        Verb::Export(args) => export::run(ctx, args.0),
        Verb::Import(args) => import::run(ctx, args.0),
        Verb::History(args) => image::history::run(ctx, args.0),
        Verb::Image(verb) => image::run(ctx, verb.0),
        Verb::Images(args) => images::run(ctx, args.0),
        Verb::Info(args) => info::run(ctx, args.0),
        Verb::Inspect(args) => inspect::run(ctx, args.0),
        Verb::Kill(args) => kill::run(ctx, args.0),
        Verb::Kube(verb) => kube::run(ctx, verb.0),
        Verb::Play(verb) => kube::run_play(ctx, verb.0),
        Verb::Load(args) => load::run(ctx, args.0),
        Verb::Login(args) => login::run(ctx, args.0),
        Verb::Logout(args) => logout::run(ctx, args.0),
        Verb::Logs(args) => logs::run(ctx, args.0),
        Verb::Network(verb) => network::run(ctx, verb.0),
        Verb::Pause(args) => pause::run(ctx, args.0, true),
        Verb::Pod(verb) => pod::run(ctx, verb.0),
        Verb::Port(args) => port::run(ctx, args.0),
        Verb::Ps(args) => ps::run(ctx, args.0),
        Verb::Pull(args) => pull::run(ctx, args.0),
        Verb::Push(args) => push::run(ctx, args.0),
        Verb::Rename(args) => rename::run(ctx, args.0),
        Verb::Restart(args) => restart::run(ctx, args.0),
        Verb::Rm(args) => rm::run(ctx, args.0),
        Verb::Rmi(args) => rmi::run(ctx, args.0),
        Verb::Run(args) => run::run(ctx, args.0),
        Verb::Save(args) => save::run(ctx, args.0),
        Verb::Secret(verb) => secret::run(ctx, verb.0),
        Verb::Start(args) => start::run(ctx, args.0),
        Verb::Stats(args) => stats::run(ctx, args.0),
        Verb::Stop(args) => stop::run(ctx, args.0),
        Verb::System(verb) => system::run(ctx, verb.0),
        Verb::Tag(args) => tag::run(ctx, args.0),
        Verb::Top(args) => top::run(ctx, args.0),
        Verb::Unshare(args) => unshare::run(ctx, args.0),
        Verb::Unpause(args) => pause::run(ctx, args.0, false),
        Verb::Untag(args) => untag::run(ctx, args.0),
        Verb::Update(args) => update::run(ctx, args.0),
        Verb::Version(args) => version::run(args.0),
        Verb::Volume(verb) => volume::run(ctx, verb.0),
        Verb::Wait(args) => wait::run(ctx, args.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_namespace(args: &[&str]) -> bool {
        let cli = Cli::try_parse_from([&["rcon"], args].concat()).unwrap();
        cli.verb.in_namespace()
    }

    #[test]
    fn every_verbs_flags_are_well_formed() {
        // A verb's flags are built only when it runs (`Lazy`), so clap's
        // debug checks of the whole tree (duplicate flags, bad defaults) run here.
        command().debug_assert();
    }

    #[test]
    fn a_deferred_verb_parses_its_flags() {
        let cli =
            Cli::try_parse_from(["rcon", "run", "-d", "-h", "box", "alpine", "true"]).unwrap();
        let Verb::Run(run) = cli.verb else {
            panic!("parsed as run")
        };
        assert!(run.0.detach);
    }

    #[test]
    fn storage_verbs_enter_the_namespace_and_exec_and_attach_do_not() {
        for args in [
            &["ps"][..],
            &["container", "ps"],
            &["run", "alpine"],
            &["image", "ls"],
            &["system", "df"],
            &["volume", "ls"],
        ] {
            assert!(in_namespace(args), "{args:?}");
        }
        for args in [
            &["exec", "c", "true"][..],
            &["container", "exec", "c", "true"],
            &["attach", "c"],
            &["version"],
            &["info"],
            &["system", "migrate"],
            &["system", "service"],
        ] {
            assert!(!in_namespace(args), "{args:?}");
        }
    }
}
