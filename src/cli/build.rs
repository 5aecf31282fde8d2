use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;

use super::create::PullArg;
use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::build::{self, BuildRequest};
use crate::container::PullPolicy;
use crate::image::PullOptions;
use crate::storage::driver;
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// A name for the image, IMAGE[:TAG] (repeatable; short names go under localhost/)
    #[arg(short, long = "tag", value_name = "NAME")]
    pub tags: Vec<String>,
    /// The Containerfile (anywhere; - reads standard input) [default: Containerfile, else Dockerfile, in the context]
    #[arg(short, long = "file", value_name = "FILE")]
    pub file: Option<String>,
    /// A build argument, NAME=VALUE (NAME alone: from the environment; repeatable)
    #[arg(long = "build-arg", value_name = "NAME=VALUE")]
    pub build_args: Vec<String>,
    /// Build up to this stage (by its AS name) and make its image the result
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,
    /// Build every step again, using no cached image
    #[arg(long)]
    pub no_cache: bool,
    /// Keep an image per step and reuse them in later builds
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true", env = "BUILDAH_LAYERS", value_parser = parse_bool)]
    pub layers: bool,
    /// When to pull base images: always, missing, never or newer (alone: always)
    #[arg(long, value_name = "POLICY", default_value = "missing", num_args = 0..=1, default_missing_value = "always")]
    pub pull: PullArg,
    /// Never pull base images (same as --pull=never)
    #[arg(long)]
    pub pull_never: bool,
    /// Always pull base images (same as --pull=always)
    #[arg(long)]
    pub pull_always: bool,
    /// Write the image ID to this file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// A label for the image, KEY=VALUE (repeatable)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// The image format: oci (docker is accepted and written as OCI for now)
    #[arg(long, value_name = "FORMAT", default_value = "oci")]
    pub format: String,
    /// Remove the intermediate containers after each step
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub rm: bool,
    /// The network RUN steps get (as `rcon run --network`)
    #[arg(long, value_name = "MODE", default_value = "")]
    pub network: String,
    /// Print nothing but the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Verify TLS for registries pulled from
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// The context directory: what COPY and ADD read; - reads the Containerfile from standard input, with an empty context [default: .]
    #[arg(value_name = "CONTEXT")]
    pub context: Option<PathBuf>,
}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "1" | "true" | "t" | "yes" => Ok(true),
        "0" | "false" | "f" | "no" => Ok(false),
        _ => Err(format!("{text:?} is not a boolean")),
    }
}

pub fn run(ctx: &Context, args: BuildArgs) -> Outcome {
    // `-`: the Containerfile on standard input and an empty context.
    let from_stdin = args.context.as_deref() == Some(Path::new("-"));
    let context = if from_stdin {
        // Always empty: kept in the user's private runtime directory.
        ctx.paths.ensure_runroot()?;
        let empty = ctx.paths.runroot.join("build-empty-context");
        std::fs::create_dir_all(&empty)
            .map_err(|e| Failure::new(EXIT_ENGINE, format!("making {}: {e}", empty.display())))?;
        empty
    } else {
        args.context.clone().unwrap_or_else(|| PathBuf::from("."))
    };
    let file = if from_stdin {
        Some("-")
    } else {
        args.file.as_deref()
    };
    if !context.is_dir() {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!("the build context {} is not a directory", context.display()),
        ));
    }
    let (containerfile_name, containerfile) = read_containerfile(file, &context)?;
    if !matches!(args.format.as_str(), "oci" | "docker") {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!(
                "unrecognized image type {:?}: use oci or docker",
                args.format
            ),
        ));
    }
    let mut build_args = BTreeMap::new();
    for arg in &args.build_args {
        match arg.split_once('=') {
            Some((name, value)) => build_args.insert(name.to_string(), value.to_string()),
            None => match std::env::var(arg) {
                Ok(value) => build_args.insert(arg.clone(), value),
                Err(_) => continue,
            },
        };
    }
    let labels = args
        .labels
        .iter()
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap_or((l, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    let pull = match (args.pull_never, args.pull_always, args.pull) {
        (true, _, _) => PullPolicy::Never,
        (_, true, _) => PullPolicy::Always,
        (_, _, PullArg::Missing) => PullPolicy::Missing,
        (_, _, PullArg::Always) => PullPolicy::Always,
        (_, _, PullArg::Never) => PullPolicy::Never,
        (_, _, PullArg::Newer) => PullPolicy::Newer,
    };
    let namespace = ctx.namespace();
    let squash_owners = matches!(
        namespace,
        Namespace::Joined {
            single: Some(_),
            ..
        }
    );
    let store = Store::open(&ctx.paths.root)?;
    let request = BuildRequest {
        containerfile,
        containerfile_name,
        context,
        tags: args.tags,
        build_args,
        target: args.target,
        no_cache: args.no_cache,
        layers: args.layers,
        pull,
        pull_options: PullOptions {
            platform: None,
            tls_verify: args.tls_verify,
            squash_owners,
            quiet: args.quiet,
        },
        labels,
        remove: args.rm,
        network: args.network,
        quiet: args.quiet,
        storage_driver: driver::choose(store.root(), ctx.storage_driver, ctx.single)?.driver,
        squash_owners,
        rootful: matches!(namespace, Namespace::Host),
    };
    let image = build::build(&store, &ctx.paths.runroot, &request, ctx.single)?;
    if let Some(path) = &args.iidfile {
        std::fs::write(path, format!("sha256:{}", image.id)).map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!("writing --iidfile {}: {e}", path.display()),
            )
        })?;
    }
    println!("{}", image.id);
    Ok(0)
}

/// The Containerfile's name (for errors) and text: `-f` (`-`: standard
/// input), else Containerfile or Dockerfile in the context.
fn read_containerfile(file: Option<&str>, context: &Path) -> Result<(String, String), Failure> {
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map_err(|e| Failure::new(EXIT_ENGINE, format!("reading {}: {e}", path.display())))
    };
    match file {
        Some("-") => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| {
                Failure::new(
                    EXIT_ENGINE,
                    format!("reading the Containerfile from standard input: {e}"),
                )
            })?;
            Ok(("-".into(), text))
        }
        // A relative path not found here is looked for in the context, as Podman does.
        Some(path) => {
            let here = Path::new(path);
            let path = if here.exists() || here.is_absolute() {
                here.to_path_buf()
            } else {
                context.join(here)
            };
            read(&path).map(|text| (path.display().to_string(), text))
        }
        None => {
            for name in ["Containerfile", "Dockerfile"] {
                let path = context.join(name);
                if path.exists() {
                    return read(&path).map(|text| (path.display().to_string(), text));
                }
            }
            Err(Failure::new(
                EXIT_ENGINE,
                format!(
                    "no Containerfile or Dockerfile in {}: give one with -f",
                    context.display()
                ),
            ))
        }
    }
}
