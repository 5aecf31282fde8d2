use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;

use std::io::Write;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use super::create::{NameArgs, PullArg, absolute_profiles};
use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::build::{self, BuildRequest};
use crate::container::PullPolicy;
use crate::container::plan::{CreateBasics, CreateFlags};
use crate::image::{AuthFiles, PullOptions};
use crate::storage::driver;
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// A name for the image, IMAGE[:TAG] (repeatable; short names go under localhost/)
    #[arg(short, long = "tag", value_name = "NAME")]
    pub tags: Vec<String>,
    /// The Containerfile (anywhere; - reads standard input; several are read as one) [default: Containerfile, else Dockerfile, in the context]
    #[arg(short, long = "file", value_name = "FILE")]
    pub file: Vec<String>,
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
    /// Seconds since the epoch for the image's times and every file of its new layers (reproducible builds: the same inputs give the same image ID)
    #[arg(long, value_name = "SECONDS", env = "SOURCE_DATE_EPOCH")]
    pub timestamp: Option<u64>,
    /// Remove the intermediate containers after each step
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub rm: bool,
    /// Remove the containers of failed steps too (rcon always does, as Podman does)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub force_rm: Option<bool>,
    /// How many stages to build at once (rcon builds them one after another)
    #[arg(long, value_name = "N")]
    pub jobs: Option<u32>,
    /// The network RUN steps get (as `rcon run --network`)
    #[arg(long, value_name = "MODE", default_value = "")]
    pub network: String,
    /// Print nothing but the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Verify TLS for registries pulled from
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Also write the image's files out: type=local,dest=DIR (or DIR alone), or type=tar,dest=FILE
    #[arg(short, long, value_name = "type=local|tar,dest=PATH")]
    pub output: Option<String>,
    /// The ignore file [default: .containerignore, else .dockerignore, in the context]
    #[arg(long, value_name = "FILE")]
    pub ignorefile: Option<PathBuf>,
    /// Write the build's output (steps and RUN output) to this file instead of the terminal
    #[arg(long, value_name = "FILE")]
    pub logfile: Option<PathBuf>,
    /// The auth file for pulling base images [default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json]
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
    /// A secret RUN --mount=type=secret can use, id=ID,src=FILE (or env=VAR); never stored in the image (repeatable)
    #[arg(long, value_name = "id=ID,src=FILE")]
    pub secret: Vec<String>,
    /// RUN steps: resource limit, NAME=SOFT[:HARD] (as `rcon run --ulimit`)
    #[arg(long, value_name = "NAME=SOFT[:HARD]")]
    pub ulimit: Vec<String>,
    /// RUN steps: seccomp=unconfined|PROFILE.json, no-new-privileges, … (as `rcon run --security-opt`)
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// RUN steps: add a capability
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// RUN steps: drop a capability
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// RUN steps: a bind mount or volume, HOST-DIR:CTR-DIR[:OPTIONS] (as `rcon run -v`)
    #[arg(short, long = "volume", value_name = "SPEC")]
    pub volume: Vec<String>,
    /// RUN steps: --dns, --dns-search, --dns-option, --add-host as `rcon run`'s
    #[command(flatten)]
    pub names: NameArgs,
    /// The context directory: what COPY and ADD read; - reads the Containerfile from standard input, with an empty context [default: the directory of the first -f, else .]
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
    } else if let Some(context) = &args.context {
        context.clone()
    } else {
        // No context: the directory of the first Containerfile, as Podman.
        match args.file.first().filter(|f| *f != "-") {
            Some(file) => std::path::absolute(file)
                .ok()
                .and_then(|f| f.parent().map(Path::to_path_buf))
                .unwrap_or_else(|| PathBuf::from(".")),
            None => PathBuf::from("."),
        }
    };
    let files: Vec<&str> = if from_stdin {
        vec!["-"]
    } else {
        args.file.iter().map(String::as_str).collect()
    };
    if !context.is_dir() {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!("the build context {} is not a directory", context.display()),
        ));
    }
    if let Some(path) = &args.authfile {
        // Podman's check and words: a missing auth file is an error, not "no credentials".
        std::fs::metadata(path).map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!(
                    "checking authfile: stat {}: {}",
                    path.display(),
                    os_text(&e)
                ),
            )
        })?;
    }
    let (containerfile_name, containerfile) = read_containerfiles(&files, &context)?;
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
    let secrets = args
        .secret
        .iter()
        .map(|spec| build::Secret::parse(spec).map_err(|e| Failure::new(EXIT_ENGINE, e)))
        .collect::<Result<Vec<_>, _>>()?;
    ctx.check_configured_runtime()?;
    let output = args
        .output
        .as_deref()
        .map(build::Output::parse)
        .transpose()
        .map_err(|e| Failure::new(EXIT_ENGINE, e))?;
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
    // What every RUN step's container gets, through `rcon run`'s own flags.
    let run_flags = CreateFlags {
        basics: CreateBasics {
            names: args.names.into(),
            ..CreateBasics::default()
        },
        volumes: args.volume,
        ulimits: args.ulimit,
        cap_add: args.cap_add,
        cap_drop: args.cap_drop,
        security_opt: absolute_profiles(args.security_opt)?,
        network: args.network,
        ..CreateFlags::default()
    };
    let request = BuildRequest {
        containerfile,
        containerfile_name,
        context,
        ignorefile: args.ignorefile,
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
            auth_files: args.authfile.map(|path| AuthFiles { paths: vec![path] }),
        },
        labels,
        remove: args.rm,
        timestamp: args.timestamp,
        run_flags,
        secrets,
        runtime_flags: ctx.runtime_flags.clone(),
        output,
        quiet: args.quiet,
        storage_driver: driver::choose(store.root(), ctx.storage_driver, ctx.single)?.driver,
        squash_owners,
        rootful: matches!(namespace, Namespace::Host),
    };
    let image = match &args.logfile {
        None => build::build(&store, &ctx.paths.runroot, &request, ctx.single)?,
        Some(path) => {
            let log = LogFile::open(path)?;
            let built = build::build(&store, &ctx.paths.runroot, &request, ctx.single);
            log.restore()?;
            built?
        }
    };
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

/// `--logfile`: the build's standard output and error (its steps and
/// every RUN's output, which inherit them) go to the file until restored.
struct LogFile {
    saved_stdout: OwnedFd,
    saved_stderr: OwnedFd,
}

impl LogFile {
    fn open(path: &Path) -> Result<LogFile, Failure> {
        let failure = |e: std::io::Error| {
            Failure::new(EXIT_ENGINE, format!("--logfile {}: {e}", path.display()))
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(failure)?;
        std::io::stdout().flush().map_err(failure)?;
        let saved_stdout = std::io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .map_err(failure)?;
        let saved_stderr = std::io::stderr()
            .as_fd()
            .try_clone_to_owned()
            .map_err(failure)?;
        redirect(file.as_fd(), 1).map_err(failure)?;
        redirect(file.as_fd(), 2).map_err(failure)?;
        Ok(LogFile {
            saved_stdout,
            saved_stderr,
        })
    }

    fn restore(self) -> Result<(), Failure> {
        let failure = |e: std::io::Error| Failure::new(EXIT_ENGINE, format!("--logfile: {e}"));
        std::io::stdout().flush().map_err(failure)?;
        redirect(self.saved_stdout.as_fd(), 1).map_err(failure)?;
        redirect(self.saved_stderr.as_fd(), 2).map_err(failure)
    }
}

/// Makes descriptor `target` (1 or 2) a copy of `from`.
fn redirect(from: BorrowedFd, target: i32) -> std::io::Result<()> {
    // SAFETY: dup2 onto standard output or error, which this process owns
    // and which std's handles go on writing to by number.
    let done = unsafe { libc::dup2(from.as_raw_fd(), target) };
    if done < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// An I/O error in Go's words (`no such file or directory`), as Podman's
/// messages carry them.
fn os_text(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => {
            let text = nix::errno::Errno::from_raw(code).desc();
            let mut chars = text.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
        None => e.to_string(),
    }
}

/// The Containerfiles' name (for errors) and text: each `-f` (`-`:
/// standard input; several are read as one), else Containerfile or
/// Dockerfile in the context.
fn read_containerfiles(files: &[&str], context: &Path) -> Result<(String, String), Failure> {
    if files.is_empty() {
        return read_containerfile(None, context);
    }
    let mut name = String::new();
    let mut text = String::new();
    for file in files {
        let (one_name, one_text) = read_containerfile(Some(file), context)?;
        if name.is_empty() {
            name = one_name;
        }
        text.push_str(&one_text);
        text.push('\n');
    }
    Ok((name, text))
}

/// The Containerfile's name (for errors) and text: `-f` (`-`: standard
/// input), else Containerfile or Dockerfile in the context.
fn read_containerfile(file: Option<&str>, context: &Path) -> Result<(String, String), Failure> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!("reading {}: {}", path.display(), os_text(&e)),
            )
        })
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
