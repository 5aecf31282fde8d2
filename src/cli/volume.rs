//! `rcon volume create|ls|inspect|rm|prune`, printing what Podman prints.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::report::{self, Report};
use super::template::Value;
use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::lifecycle::{DEFAULT_STOP_TIMEOUT, Lifecycle};
use crate::container::{ContainerRecord, Containers};
use crate::filter::Filter;
use crate::storage::store::Store;
use crate::storage::volume::{self, Volume, VolumeStore};

#[derive(Debug, Subcommand)]
pub enum VolumeVerb {
    /// Create a volume (a random 64-hex name when none is given)
    Create(CreateArgs),
    /// Exit 0 if the volume exists, 1 if not
    Exists(super::exists::VolumeExistsArgs),
    /// Write a volume's files as a tarball (to stdout, or --output)
    Export(ExportArgs),
    /// Put the files of a tarball (a file, or - for stdin) into a volume
    Import(ImportArgs),
    /// Show volumes' details as JSON (or through --format)
    Inspect(InspectArgs),
    /// List volumes
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Print a volume's directory on the host (inside `rcon unshare`, where its files have their owners)
    Mount(MountArgs),
    /// Remove every volume no container uses
    Prune(PruneArgs),
    /// Remove volumes
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Undo `volume mount` (rcon's volumes are plain directories: nothing to do)
    Unmount(MountArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The volume
    #[arg(value_name = "VOLUME")]
    pub name: String,
    /// Write to this file instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The volume
    #[arg(value_name = "VOLUME")]
    pub name: String,
    /// The tarball, or - for stdin
    #[arg(value_name = "SOURCE")]
    pub source: String,
}

#[derive(Debug, Args)]
pub struct MountArgs {
    /// The volumes
    #[arg(value_name = "VOLUME", required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The volume's name: [a-zA-Z0-9][a-zA-Z0-9_.-]*
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    /// Set a label on the volume (KEY=VALUE or KEY); may be repeated
    #[arg(short, long = "label", value_name = "KEY=VALUE", value_parser = parse_label)]
    pub labels: Vec<(String, String)>,
    /// Succeed without change if the volume already exists
    #[arg(long)]
    pub ignore: bool,
    /// A local driver option: type=tmpfs|bind, device=PATH (bind), o=MOUNT-OPTIONS; may be repeated
    #[arg(short = 'o', long = "opt", value_name = "KEY=VALUE", value_parser = parse_option)]
    pub options: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Volumes to inspect
    #[arg(value_name = "NAME", required_unless_present = "all")]
    pub names: Vec<String>,
    /// Inspect every volume
    #[arg(short, long, conflicts_with = "names")]
    pub all: bool,
    /// json, or a Go template applied to each volume ('{{.Mountpoint}}')
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct LsArgs {
    /// Print only volume names
    #[arg(short, long, conflicts_with = "format")]
    pub quiet: bool,
    /// json, a Go template ('{{.Name}}') or a table ('table {{.Name}} {{.Mountpoint}}')
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Do not print the header line
    #[arg(short, long)]
    pub noheading: bool,
    /// Show only volumes matching: name=REGEX, label=KEY[=VALUE], driver=local; may be repeated
    #[arg(short, long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Volumes to remove
    #[arg(value_name = "NAME", required_unless_present = "all")]
    pub names: Vec<String>,
    /// Remove every volume no container uses
    #[arg(short, long, conflicts_with = "names")]
    pub all: bool,
    /// Do not fail on volumes that do not exist; remove the containers that use them (stopped first)
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait for those containers to stop before SIGKILL (with -f)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only volumes matching: name=REGEX, label=KEY[=VALUE], driver=local; may be repeated
    #[arg(long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
}

pub(super) fn parse_label(text: &str) -> Result<(String, String), String> {
    let (key, value) = text.split_once('=').unwrap_or((text, ""));
    if key.is_empty() {
        return Err(format!(
            "label {text:?} has no key; expected KEY=VALUE or KEY"
        ));
    }
    Ok((key.to_string(), value.to_string()))
}

/// `-o KEY=VALUE`: split at the first `=`, as Podman does (`o=size=1m,uid=0`).
fn parse_option(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_string(), value.to_string())),
        _ => Err(format!("option {text:?} is not KEY=VALUE")),
    }
}

pub fn run(ctx: &Context, verb: VolumeVerb) -> Outcome {
    // Was this command started outside rcon's namespace?
    let outside = matches!(
        ctx.namespace(),
        crate::userns::Namespace::Joined {
            from_host: true,
            ..
        }
    );
    let store = Store::open(&ctx.paths.root)?;
    let volumes = VolumeStore::open(&store)?;
    let containers = Containers::open(store.root())?;
    // Unreadable container records count as using the volume: never remove on doubt.
    let in_use = |name: &str| containers.uses_volume(name).unwrap_or(true);
    match verb {
        VolumeVerb::Create(args) => create(&volumes, args),
        VolumeVerb::Exists(args) => super::exists::volume(ctx, args),
        VolumeVerb::Inspect(args) => inspect(&volumes, args),
        VolumeVerb::Ls(args) => ls(&volumes, args),
        VolumeVerb::Export(args) => export(&volumes, args),
        VolumeVerb::Import(args) => import(&volumes, args),
        VolumeVerb::Mount(args) => {
            if outside {
                return Err(Failure::new(
                    EXIT_ENGINE,
                    "cannot run command \"rcon volume mount\" in rootless mode, must execute `rcon unshare` first",
                ));
            }
            for name in &args.names {
                println!("{}", volumes.get(name)?.mountpoint.display());
            }
            Ok(0)
        }
        VolumeVerb::Unmount(args) => {
            for name in &args.names {
                volumes.get(name)?;
                println!("{name}");
            }
            Ok(0)
        }
        VolumeVerb::Prune(args) => prune(&store, &volumes, args, &in_use),
        VolumeVerb::Rm(args) => rm(ctx, &store, &volumes, args),
    }
}

fn create(volumes: &VolumeStore, args: CreateArgs) -> Outcome {
    let labels: BTreeMap<String, String> = args.labels.into_iter().collect();
    let options = args.options.into_iter().collect();
    match volumes.create_with_options(args.name.as_deref(), labels, options, false) {
        Ok(volume) => println!("{}", volume.name),
        Err(volume::Error::Exists(name)) if args.ignore => println!("{name}"),
        Err(e) => return Err(e.into()),
    }
    Ok(0)
}

/// A volume as `podman volume inspect` shows it, fields in Podman's order.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct InspectView<'a> {
    name: &'a str,
    driver: &'a str,
    mountpoint: &'a Path,
    created_at: &'a str,
    labels: &'a BTreeMap<String, String>,
    scope: &'static str,
    options: &'a BTreeMap<String, String>,
    anonymous: bool,
    needs_copy_up: bool,
    needs_chown: bool,
}

pub(super) fn inspect_json(volume: &Volume) -> InspectView<'_> {
    InspectView {
        name: &volume.name,
        driver: &volume.driver,
        mountpoint: &volume.mountpoint,
        created_at: &volume.created_at,
        labels: &volume.labels,
        scope: "local",
        options: &volume.options,
        anonymous: volume.anonymous,
        needs_copy_up: volume.needs_copy_up,
        needs_chown: volume.needs_chown,
    }
}

fn inspect(volumes: &VolumeStore, args: InspectArgs) -> Outcome {
    let report = match args.format.as_deref() {
        Some(format) if !report::is_json(format) => Some(Report::user("inspect", format)?),
        _ => None,
    };
    let mut found = Vec::new();
    let mut failures = Vec::new();
    if args.all {
        found = volumes.list()?;
    }
    for name in &args.names {
        match volumes.get(name) {
            Ok(volume) => found.push(volume),
            // As Podman's inspect: exit code 125.
            Err(volume::Error::NotFound(name)) => failures.push(Failure::new(
                EXIT_ENGINE,
                format!("inspecting object: no such volume {name}"),
            )),
            Err(e) => failures.push(e.into()),
        }
    }
    match report {
        Some(report) => print!("{}", report.render(None, &template_list(&found)?)?),
        None => print_json(&found)?,
    }
    super::report_failures(failures)
}

/// Volumes as Podman's templates see them.
fn template_list(volumes: &[Volume]) -> Result<Value, serde_json::Error> {
    let mut list = Vec::with_capacity(volumes.len());
    for volume in volumes {
        list.push(super::inspect::VOLUME_SHAPE.value(&serde_json::to_value(inspect_json(volume))?));
    }
    Ok(Value::list(list))
}

/// A volume error as a failure with Podman's exit code: 1 when the volume
/// does not exist, 2 when it is in use, else 125.
fn volume_failure(e: volume::Error) -> Failure {
    match e {
        volume::Error::NotFound(name) => Failure::new(
            1,
            format!("no volume with name {name:?} found: no such volume"),
        ),
        volume::Error::InUse(_) => Failure::new(2, e),
        e => e.into(),
    }
}

fn print_json(volumes: &[Volume]) -> Result<(), serde_json::Error> {
    let views: Vec<_> = volumes.iter().map(inspect_json).collect();
    println!("{}", serde_json::to_string_pretty(&views)?);
    Ok(())
}

fn ls(volumes: &VolumeStore, args: LsArgs) -> Outcome {
    let filter = Filter::parse("volume", volume::FILTER_KEYS, &args.filters)?;
    let mut list = volumes.list()?;
    list.retain(|v| filter.matches(v));
    if args.format.as_deref().is_some_and(report::is_json) {
        print_json(&list)?;
        return Ok(0);
    }
    // Podman prints nothing at all, not even the header, when there are no volumes.
    if list.is_empty() {
        return Ok(0);
    }
    let report = match (args.format.as_deref(), args.quiet) {
        (Some(format), _) => Report::user("ls", format)?,
        (None, true) => Report::user("ls", "{{.Name}}\n")?,
        (None, false) => Report::podman("ls", "{{.Driver}}\t{{.Name}}"),
    };
    let headers = (report.is_table() && !args.noheading).then(|| {
        report.headers(
            &[
                "Driver",
                "Mountpoint",
                "CreatedAt",
                "Status",
                "Labels",
                "Scope",
                "Options",
                "UID",
                "GID",
                "Anonymous",
                "MountCount",
                "NeedsCopyUp",
                "NeedsChown",
                "Timeout",
            ],
            &[("Name", "VOLUME NAME")],
        )
    });
    print!("{}", report.render(headers, &template_list(&list)?)?);
    Ok(0)
}

fn rm(ctx: &Context, store: &Store, volumes: &VolumeStore, args: RmArgs) -> Outcome {
    if args.all != args.names.is_empty() {
        return Err(Failure::new(
            EXIT_ENGINE,
            "choose either one or more volumes or all",
        ));
    }
    if args.time.is_some() && !args.force {
        return Err(Failure::new(
            EXIT_ENGINE,
            "--force option must be specified to use the --time option",
        ));
    }
    let names = if args.all {
        volumes.list()?.into_iter().map(|v| v.name).collect()
    } else {
        args.names
    };
    let lifecycle = Lifecycle::open(store, &ctx.paths.runroot)?;
    let timeout = args.time.map_or(DEFAULT_STOP_TIMEOUT, Duration::from_secs);
    let mut failures = Vec::new();
    for name in &names {
        let users: Vec<ContainerRecord> = lifecycle
            .containers()
            .list()?
            .into_iter()
            .filter(|r| {
                r.config
                    .mounts
                    .iter()
                    .any(|m| m.name.as_deref() == Some(name.as_str()))
            })
            .collect();
        if !users.is_empty() {
            if !args.force {
                let ids: Vec<&str> = users.iter().map(|u| u.id.as_str()).collect();
                failures.push(Failure::new(
                    2,
                    format!(
                        "volume {name} is being used by the following container(s): {}: volume is being used",
                        ids.join(", ")
                    ),
                ));
                continue;
            }
            // Podman's -f: the containers go first (running ones stopped).
            if let Some(e) = users
                .iter()
                .find_map(|user| lifecycle.remove(user, true, timeout, false).err())
            {
                failures.push(e.into());
                continue;
            }
        }
        let lock = store.lock()?;
        let in_use = |name: &str| lifecycle.containers().uses_volume(name).unwrap_or(true);
        match volumes.remove(&lock, name, &in_use) {
            Ok(()) => println!("{name}"),
            Err(volume::Error::NotFound(_)) if args.force => {}
            Err(e) => failures.push(volume_failure(e)),
        }
    }
    super::report_failures(failures)
}

fn prune(
    store: &Store,
    volumes: &VolumeStore,
    args: PruneArgs,
    in_use: &dyn Fn(&str) -> bool,
) -> Outcome {
    let filter = Filter::parse("volume", volume::FILTER_KEYS, &args.filters)?;
    let mut unused = volumes.list()?;
    unused.retain(|v| !in_use(&v.name) && filter.matches(v));
    if !args.force {
        println!(
            "WARNING! This will remove all volumes not used by at least one container. The following volumes will be removed:"
        );
        if unused.is_empty() {
            println!("No dangling volumes found");
            return Ok(0);
        }
        for volume in &unused {
            println!("{}", volume.name);
        }
        if !super::confirm("Are you sure you want to continue? [y/N] ")? {
            return Ok(0);
        }
    }
    let lock = store.lock()?;
    let chosen: Vec<&str> = unused.iter().map(|v| v.name.as_str()).collect();
    // Only the volumes chosen; the store checks again, under its lock, that none is in use.
    let spared = |name: &str| in_use(name) || !chosen.contains(&name);
    for name in volumes.prune(&lock, &spared)? {
        println!("{name}");
    }
    Ok(0)
}

/// The volume's directory, opened for reading or writing its files.
fn open_data(volume: &Volume) -> Result<std::fs::File, Failure> {
    std::fs::File::open(&volume.mountpoint)
        .map_err(|e| Failure::new(EXIT_ENGINE, format!("opening volume {}: {e}", volume.name)))
}

fn export(volumes: &VolumeStore, args: ExportArgs) -> Outcome {
    let volume = volumes.get(&args.name)?;
    let dir = open_data(&volume)?;
    let fail = |e: std::io::Error| {
        Failure::new(
            EXIT_ENGINE,
            format!("exporting volume {}: {e}", volume.name),
        )
    };
    let out: Box<dyn Write> =
        match &args.output {
            Some(path) => Box::new(std::fs::File::create(path).map_err(|e| {
                Failure::new(EXIT_ENGINE, format!("creating {}: {e}", path.display()))
            })?),
            None if nix::unistd::isatty(std::io::stdout()).unwrap_or(false) => {
                return Err(Failure::new(
                    EXIT_ENGINE,
                    "refusing to write a tarball to a terminal: redirect stdout or use --output",
                ));
            }
            None => Box::new(std::io::stdout().lock()),
        };
    let mut packer = crate::storage::pack::Packer::new(std::io::BufWriter::new(out));
    packer.append_contents(&dir, Path::new("")).map_err(fail)?;
    packer.finish().and_then(|mut w| w.flush()).map_err(fail)?;
    Ok(0)
}

fn import(volumes: &VolumeStore, args: ImportArgs) -> Outcome {
    let volume = volumes.get(&args.name)?;
    let dir = open_data(&volume)?;
    let input: Box<dyn std::io::Read> = if args.source == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(&args.source)
                .map_err(|e| Failure::new(EXIT_ENGINE, format!("opening {}: {e}", args.source)))?,
        )
    };
    let opts = crate::storage::extract::ExtractOptions::default();
    crate::storage::extract::extract_plain(
        std::io::BufReader::new(input),
        dir,
        Path::new("/"),
        &opts,
    )
    .map_err(|e| {
        Failure::new(
            EXIT_ENGINE,
            format!("importing into volume {}: {e}", volume.name),
        )
    })?;
    Ok(0)
}
