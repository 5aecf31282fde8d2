//! `rcon kube play|down|generate`, and Podman's older spellings `play kube`
//! and `generate kube`: Kubernetes YAML in and out (the work is `kube::`).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Context, Failure, Outcome};
use crate::container::{CreateFlags, PullPolicy};
use crate::image::PullOptions;
use crate::kube::play::{self, PlayRun};
use crate::kube::translate::{self, PlayOptions, PlayPlan};
use crate::kube::{document, generate};
use crate::pod::PodEngine;
use crate::storage::driver;
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Subcommand)]
pub enum KubeVerb {
    /// Create pods, containers and volumes from Kubernetes YAML (a file, or - for stdin)
    Play(PlayArgs),
    /// Stop and remove what `kube play` made from the same YAML (volumes kept unless --force)
    Down(DownArgs),
    /// Generate Kubernetes YAML from containers, in the format of podman kube generate, which kube play and Kubernetes read
    #[command(override_usage = "rcon kube generate [options] {CONTAINER...|POD...|VOLUME...}")]
    Generate(GenerateArgs),
}

/// `rcon play kube`: Podman's older spelling of `kube play`.
#[derive(Debug, Subcommand)]
pub enum PlayVerb {
    /// Create pods, containers and volumes from Kubernetes YAML (same as `rcon kube play`)
    Kube(PlayArgs),
}

#[derive(Debug, Args)]
pub struct PlayArgs {
    /// The YAML file (- for standard input, or an http:// or https:// URL)
    #[arg(value_name = "FILE")]
    pub file: String,
    /// The pods' network (as pod create's --network); a pod with hostNetwork keeps the host's
    #[arg(long, value_name = "MODE")]
    pub network: Option<String>,
    /// Add an annotation to every pod: KEY=VALUE (values of at most 63 characters, as Podman)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Start the containers once made
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub start: bool,
    /// Remove pods of the same names first (stopping their containers)
    #[arg(long)]
    pub replace: bool,
    /// Stop and remove what an earlier play of this YAML made instead (same as `rcon kube down`)
    #[arg(long)]
    pub down: bool,
    /// Where the containers' output is logged: k8s-file (the default) or none
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// Require HTTPS and verified certificates when pulling (false allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Pull images without progress output
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct DownArgs {
    /// The YAML file kube play was given (- for standard input, or a URL)
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Also remove the volumes the YAML names (claims, ConfigMap and Secret volumes)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Containers to describe (all in one pod), or one pod
    #[arg(value_name = "CONTAINER|POD", required = true)]
    pub names: Vec<String>,
    /// Also write a Service for the published ports
    #[arg(short, long)]
    pub service: bool,
    /// Write the YAML to this file instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub filename: Option<PathBuf>,
}

pub fn run(ctx: &Context, verb: KubeVerb) -> Outcome {
    match verb {
        KubeVerb::Play(args) => play(ctx, args),
        KubeVerb::Down(args) => down(ctx, &args.file, args.force),
        KubeVerb::Generate(args) => generate(ctx, args),
    }
}

pub fn run_play(ctx: &Context, verb: PlayVerb) -> Outcome {
    let PlayVerb::Kube(args) = verb;
    play(ctx, args)
}

/// The file's objects and what `kube play` makes of them, warnings told.
fn plan_of(file: &str, options: &PlayOptions) -> Result<PlayPlan, Failure> {
    let text = crate::kube::read_input(file)?;
    let manifest = document::read(&text, file)?;
    let plan = translate::plan(&manifest, options)?;
    for warning in &plan.warnings {
        log::warn!("{warning}");
    }
    Ok(plan)
}

fn play(ctx: &Context, args: PlayArgs) -> Outcome {
    if args.down {
        return down(ctx, &args.file, false);
    }
    let namespace = ctx.namespace();
    let store = Store::open(&ctx.paths.root)?;
    let driver = driver::choose(store.root(), ctx.storage_driver, ctx.single)?.driver;
    let mut base = CreateFlags::default();
    base.basics.storage_driver = driver;
    base.basics.rootful = matches!(namespace, Namespace::Host);
    base.basics.pull = PullPolicy::Missing;
    base.basics.pull_options = PullOptions {
        platform: None,
        tls_verify: args.tls_verify,
        squash_owners: super::create::squash_owners(namespace),
        quiet: args.quiet,
        auth_files: None,
    };
    base.basics.log_driver = args.log_driver;
    let options = PlayOptions {
        base,
        annotations: args.annotation,
    };
    let plan = plan_of(&args.file, &options)?;
    let engine = PodEngine::open(&store, &ctx.paths.runroot)?;
    let mut pod_defaults = super::pod::create::default_request(ctx, &store)?;
    if let (Some(network), Some(infra)) = (args.network, &mut pod_defaults.infra) {
        infra.network = network;
    }
    let run = PlayRun {
        start: args.start,
        replace: args.replace,
        pod_defaults,
    };
    let played = play::play(&engine, plan, &run, ctx.single)?;
    for pod in &played.pods {
        println!("Pod:\n{}", pod.id);
        list("Container", &pod.containers);
        list("Init container", &pod.init_containers);
        println!();
    }
    list("Volume", &played.volumes);
    Ok(0)
}

/// Podman's report lines: `Container:` or `Containers:`, then one a line.
fn list(what: &str, items: &[String]) {
    match items.len() {
        0 => return,
        1 => println!("{what}:"),
        _ => println!("{what}s:"),
    }
    for item in items {
        println!("{item}");
    }
}

fn down(ctx: &Context, file: &str, force: bool) -> Outcome {
    // Only the names matter to down: the YAML's containers are not checked
    // against this host (rootful is set so a privileged one does not stop it).
    let mut base = CreateFlags::default();
    base.basics.rootful = true;
    let options = PlayOptions {
        base,
        annotations: Vec::new(),
    };
    let plan = plan_of(file, &options)?;
    let store = Store::open(&ctx.paths.root)?;
    let engine = PodEngine::open(&store, &ctx.paths.runroot)?;
    let downed = play::down(&engine, &plan, force)?;
    if !downed.pods.is_empty() {
        for heading in ["Pods stopped:", "Pods removed:"] {
            println!("{heading}");
            for id in &downed.pods {
                println!("{id}");
            }
        }
    }
    if !downed.volumes.is_empty() {
        println!("Volumes removed:");
        for name in &downed.volumes {
            println!("{name}");
        }
    }
    Ok(0)
}

pub fn generate(ctx: &Context, args: GenerateArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let engine = PodEngine::open(&store, &ctx.paths.runroot)?;
    let lifecycle = &engine.lifecycle;
    let yaml = match args.names.as_slice() {
        // One name that is no container's: a pod's, its containers in it.
        [name] if lifecycle.find(name).is_err() && engine.find(name).is_ok() => {
            let view = engine.view(engine.find(name)?)?;
            let workers: Vec<_> = view.workers().cloned().collect();
            let infra = view.members.iter().map(|(r, _)| r).find(|r| r.config.infra);
            let pod = generate::PodSource {
                name: &view.pod.name,
                hostname: view.pod.uts_hostname(),
                infra,
            };
            generate::containers_yaml(&store, &workers, Some(&pod), args.service)?
        }
        names => {
            let records = names
                .iter()
                .map(|name| lifecycle.find(name))
                .collect::<Result<Vec<_>, _>>()?;
            generate::containers_yaml(&store, &records, None, args.service)?
        }
    };
    match &args.filename {
        // As Podman: an existing file is never overwritten.
        Some(path) => std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut file| std::io::Write::write_all(&mut file, yaml.as_bytes()))
            .map_err(|e| {
                Failure::new(
                    super::EXIT_ENGINE,
                    format!("cannot write the YAML to {}: {e}", path.display()),
                )
            })?,
        None => print!("{yaml}"),
    }
    Ok(0)
}
