//! `rcon generate systemd`: a container's systemd unit, as Podman's.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::Containers;
use crate::container::store::Error as StoreError;
use crate::container::unit::{self, UnitOptions};

#[derive(Debug, Subcommand)]
pub enum GenerateVerb {
    /// Print (or with --files write) a systemd unit that runs a container with rcon
    Systemd(SystemdArgs),
    /// Generate Kubernetes YAML from containers, in the format of podman kube generate (same as `rcon kube generate`)
    #[command(override_usage = "rcon generate kube [options] {CONTAINER...|POD...|VOLUME...}")]
    Kube(super::kube::GenerateArgs),
}

#[derive(Debug, Args)]
pub struct SystemdArgs {
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Run a new container from the command line that made this one (removed when the unit stops)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true", default_value = "false")]
    pub new: bool,
    /// Name the container by its name rather than its ID
    #[arg(short, long)]
    pub name: bool,
    /// Write the unit to a file in the working directory and print its path
    #[arg(short, long)]
    pub files: bool,
    /// systemd's Restart= (no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always) [default: on-failure, or with --new the container's policy]
    #[arg(long, value_name = "POLICY")]
    pub restart_policy: Option<String>,
    /// systemd's RestartSec=
    #[arg(long, value_name = "SECONDS")]
    pub restart_sec: Option<u32>,
    /// systemd's TimeoutStartSec=
    #[arg(long, value_name = "SECONDS")]
    pub start_timeout: Option<u32>,
    /// Seconds `stop` waits before SIGKILL [default: the container's stop timeout]
    #[arg(
        short = 't',
        long = "time",
        visible_alias = "stop-timeout",
        value_name = "SECONDS"
    )]
    pub time: Option<u64>,
    /// The unit name's prefix
    #[arg(long, value_name = "PREFIX", default_value = "container")]
    pub container_prefix: String,
    /// Between the prefix and the name
    #[arg(long, value_name = "SEPARATOR", default_value = "-")]
    pub separator: String,
    /// No comment header
    #[arg(long)]
    pub no_header: bool,
    /// A template unit (NAME@.service) whose instances run containers named NAME-INSTANCE (needs --new)
    #[arg(long)]
    pub template: bool,
    /// Set an environment variable in the unit: KEY=VALUE, or KEY for rcon's own value
    #[arg(short, long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// systemd's Wants= (may be repeated)
    #[arg(long, value_name = "UNIT")]
    pub wants: Vec<String>,
    /// systemd's After= (may be repeated)
    #[arg(long, value_name = "UNIT")]
    pub after: Vec<String>,
    /// systemd's Requires= (may be repeated)
    #[arg(long, value_name = "UNIT")]
    pub requires: Vec<String>,
}

pub fn run(ctx: &Context, verb: GenerateVerb) -> Outcome {
    let args = match verb {
        GenerateVerb::Systemd(args) => args,
        GenerateVerb::Kube(args) => return super::kube::generate(ctx, args),
    };
    let containers = Containers::open(&ctx.paths.root)?;
    let record = match containers.find(&args.container) {
        Ok(record) => record,
        Err(StoreError::NoSuchContainer(name))
            if crate::pod::Pods::open(&ctx.paths.root)?.find(&name).is_ok() =>
        {
            // Podman's words for a template; a pod's own units are not written yet.
            let message = match args.template {
                true => "--template is not supported for pods".to_string(),
                false => format!(
                    "{name} is a pod: rcon generates systemd units for containers only; generate one for each of its containers"
                ),
            };
            return Err(Failure::new(EXIT_ENGINE, message));
        }
        Err(StoreError::NoSuchContainer(name)) => {
            return Err(Failure::new(
                EXIT_ENGINE,
                format!(
                    "{name} does not refer to a container or pod: no pod with name or ID {name} found: no such pod: no container with name or ID {name:?} found: no such container"
                ),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let env = args
        .env
        .iter()
        .filter_map(|e| match e.split_once('=') {
            Some(_) => Some(e.clone()),
            None => std::env::var(e).ok().map(|value| format!("{e}={value}")),
        })
        .collect();
    let options = UnitOptions {
        use_name: args.name,
        new: args.new,
        template: args.template,
        restart_policy: args.restart_policy,
        restart_sec: args.restart_sec,
        start_timeout: args.start_timeout,
        stop_timeout: args.time,
        container_prefix: args.container_prefix,
        separator: args.separator,
        no_header: args.no_header,
        env,
        wants: args.wants,
        after: args.after,
        requires: args.requires,
    };
    let executable = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("/usr/bin/rcon"));
    let (name, text) = unit::container_unit(&record, &executable, &ctx.paths.runroot, &options)?;
    if args.files {
        let path = std::path::absolute(format!("{name}.service")).map_err(|e| {
            Failure::new(EXIT_ENGINE, format!("finding the working directory: {e}"))
        })?;
        std::fs::write(&path, text)
            .map_err(|e| Failure::new(EXIT_ENGINE, format!("writing {}: {e}", path.display())))?;
        println!("{}", path.display());
    } else {
        print!("{text}");
    }
    Ok(0)
}
