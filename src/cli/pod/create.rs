//! `rcon pod create`: flags → a [`PodRequest`], the infra container's flags
//! through the same parser as run/create's.

use std::path::PathBuf;

use clap::Args;

use super::super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::cli::create::NameArgs;
use crate::container::labels;
use crate::container::{CreateBasics, CreateFlags};
use crate::pod::{self, ExitPolicy, PodEngine, PodRequest};
use crate::storage::driver;
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The pod's name (default: a generated adjective_scientist name)
    #[arg(short, long)]
    pub name: Option<String>,
    /// The pod's name, as an argument
    #[arg(value_name = "NAME", conflicts_with = "name")]
    pub pod_name: Option<String>,
    /// Add a label: KEY=VALUE
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Read labels from a file (KEY=VALUE lines, # comments)
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,
    /// The pod's hostname, which its containers share [default: the pod's name]
    #[arg(long, value_name = "NAME")]
    pub hostname: Option<String>,
    /// Namespaces the pod's containers share: a list of ipc, net, uts (or none), or +KIND to add to the default
    #[arg(long, value_name = "KINDS", default_value = "ipc,net,uts")]
    pub share: String,
    /// Make an infra container holding the shared namespaces (false: none, nothing is shared)
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub infra: bool,
    /// The infra container's image [default: containers.conf's infra_image, else rcon's own pause, which needs none]
    #[arg(long, value_name = "IMAGE")]
    pub infra_image: Option<String>,
    /// The infra container's command, split at spaces as Podman does, or a JSON array (replaces its image's entrypoint)
    #[arg(long, value_name = "COMMAND")]
    pub infra_command: Option<String>,
    /// The infra container's name [default: <pod ID 12>-infra]
    #[arg(long, value_name = "NAME")]
    pub infra_name: Option<String>,
    /// Network of the pod: private (the default), pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, ns:PATH or a network's name
    #[arg(
        long,
        visible_alias = "net",
        value_name = "MODE",
        default_value = "private"
    )]
    pub network: String,
    /// Another name the pod is known by on a user-defined network
    #[arg(long, value_name = "ALIAS")]
    pub network_alias: Vec<String>,
    /// Publish a port of the pod on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp]
    #[arg(short, long, value_name = "SPEC")]
    pub publish: Vec<String>,
    /// The pod's /etc/resolv.conf and /etc/hosts, which its containers share
    #[command(flatten)]
    pub names: NameArgs,
    /// Write the pod's ID to this file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,
    /// Remove a pod of the same name first (its containers too)
    #[arg(long)]
    pub replace: bool,
    /// What the pod does when its last container exits: continue or stop
    #[arg(long, value_name = "POLICY", default_value = "continue")]
    pub exit_policy: String,
}

/// A pod with rcon's defaults (`--pod new:NAME`): shares ipc, net and uts,
/// with an infra container of containers.conf's image or rcon's pause.
pub fn default_request(ctx: &Context, store: &Store) -> Result<PodRequest, Failure> {
    Ok(PodRequest {
        shared: pod::parse_share("ipc,net,uts")?,
        infra: Some(infra_flags(ctx, store, None, None, None)?),
        ..PodRequest::default()
    })
}

/// The infra container's flags: its image (`--infra-image`, else
/// containers.conf's `infra_image`, else none: rcon's pause) and command.
fn infra_flags(
    ctx: &Context,
    store: &Store,
    image: Option<String>,
    command: Option<String>,
    name: Option<String>,
) -> Result<CreateFlags, Failure> {
    let image = match image {
        Some(image) => image,
        None => crate::config::EngineConf::load()
            .map_err(|e| Failure::new(EXIT_ENGINE, e))?
            .infra_image
            .unwrap_or_default(),
    };
    let storage_driver = match image.is_empty() {
        true => Default::default(),
        false => driver::choose(store.root(), ctx.storage_driver, ctx.single)?.driver,
    };
    Ok(CreateFlags {
        basics: CreateBasics {
            image,
            name,
            rootful: matches!(ctx.namespace(), Namespace::Host),
            storage_driver,
            ..CreateBasics::default()
        },
        entrypoint: command.map(|command| infra_entrypoint(&command)),
        ..CreateFlags::default()
    })
}

/// `--infra-command` as `--entrypoint` takes it: Podman splits the command at
/// whitespace (`--infra-command 'sleep 86400'`); a JSON array passes as it is.
fn infra_entrypoint(command: &str) -> String {
    if command.trim_start().starts_with('[') {
        return command.to_owned();
    }
    serde_json::to_string(&command.split_whitespace().collect::<Vec<_>>())
        .expect("a list of strings serializes")
}

pub fn run(ctx: &Context, args: CreateArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let name = args.name.or(args.pod_name);
    if let Some(path) = args.pod_id_file.as_ref().filter(|p| p.exists()) {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!(
                "pod id file exists. Ensure another pod is not using it or delete {}",
                path.display()
            ),
        ));
    }
    let exit_policy = ExitPolicy::parse(&args.exit_policy)?;
    let shared = pod::parse_share(&args.share)?;
    let labels =
        labels::from_flags(&args.label_file, &args.label).map_err(crate::container::Error::from)?;
    let infra = if args.infra {
        let mut flags = infra_flags(
            ctx,
            &store,
            args.infra_image,
            args.infra_command,
            args.infra_name,
        )?;
        flags.network = args.network;
        flags.publish = args.publish;
        flags.basics.network_aliases = args.network_alias;
        flags.basics.names = args.names.into();
        Some(flags)
    } else {
        let networked = args.network != "private" || !args.publish.is_empty();
        if networked || !args.names.dns.is_empty() || !args.names.add_host.is_empty() {
            return Err(Failure::new(
                EXIT_ENGINE,
                "a pod without an infra container (--infra=false) has no network of its own: drop --network, --publish, --dns and --add-host, or keep the infra container",
            ));
        }
        None
    };
    let engine = PodEngine::open(&store, &ctx.paths.runroot)?;
    if let (true, Some(name)) = (args.replace, &name) {
        match engine.find(name) {
            Ok(existing) if existing.name == *name => engine.remove(&existing, true, None)?,
            Ok(_) | Err(pod::Error::NoSuchPod(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let request = PodRequest {
        name,
        labels,
        hostname: args.hostname,
        shared,
        exit_policy,
        create_command: std::env::args().collect(),
        infra,
    };
    let pod = pod::create(&store, &ctx.paths.runroot, &request)?;
    if let Some(path) = &args.pod_id_file {
        std::fs::write(path, &pod.id).map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!(
                    "writing the pod ID to --pod-id-file {}: {e}",
                    path.display()
                ),
            )
        })?;
    }
    println!("{}", pod.id);
    Ok(0)
}
