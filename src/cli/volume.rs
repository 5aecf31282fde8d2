//! `rcon volume create|ls|inspect|rm|prune`, printing what Podman prints.

use std::collections::BTreeMap;
use std::path::Path;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::Containers;
use crate::filter::Filter;
use crate::storage::store::Store;
use crate::storage::volume::{self, Volume, VolumeStore};

#[derive(Debug, Subcommand)]
pub enum VolumeVerb {
    /// Create a volume (a random 64-hex name when none is given)
    Create(CreateArgs),
    /// Show volumes' details as JSON
    Inspect(InspectArgs),
    /// List volumes
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Remove every volume no container uses
    Prune(PruneArgs),
    /// Remove volumes
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
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
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Volumes to inspect
    #[arg(value_name = "NAME", required_unless_present = "all")]
    pub names: Vec<String>,
    /// Inspect every volume
    #[arg(short, long, conflicts_with = "names")]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct LsArgs {
    /// Print only volume names
    #[arg(short, long)]
    pub quiet: bool,
    /// Output format: `table` or `json`
    #[arg(long, default_value = "table", value_name = "FORMAT")]
    pub format: String,
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
    /// Do not fail on volumes that do not exist
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation (rcon never asks; accepted for Podman compatibility)
    #[arg(short, long)]
    pub force: bool,
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

pub fn run(ctx: &Context, verb: VolumeVerb) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let volumes = VolumeStore::open(&store)?;
    let containers = Containers::open(store.root())?;
    // Unreadable container records count as using the volume: never remove on doubt.
    let in_use = |name: &str| containers.uses_volume(name).unwrap_or(true);
    match verb {
        VolumeVerb::Create(args) => create(&volumes, args),
        VolumeVerb::Inspect(args) => inspect(&volumes, args),
        VolumeVerb::Ls(args) => ls(&volumes, args),
        VolumeVerb::Prune(_) => {
            let lock = store.lock()?;
            for name in volumes.prune(&lock, &in_use)? {
                println!("{name}");
            }
            Ok(0)
        }
        VolumeVerb::Rm(args) => rm(&store, &volumes, args, &in_use),
    }
}

fn create(volumes: &VolumeStore, args: CreateArgs) -> Outcome {
    let labels: BTreeMap<String, String> = args.labels.into_iter().collect();
    match volumes.create(args.name.as_deref(), labels, false) {
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
    }
}

fn inspect(volumes: &VolumeStore, args: InspectArgs) -> Outcome {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    if args.all {
        found = volumes.list()?;
    }
    for name in &args.names {
        match volumes.get(name) {
            Ok(volume) => found.push(volume),
            Err(e) => errors.push(e),
        }
    }
    print_json(&found)?;
    super::report(errors)
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
    match args.format.as_str() {
        _ if args.quiet => {
            for volume in &list {
                println!("{}", volume.name);
            }
        }
        "json" => print_json(&list)?,
        // Podman prints no header when there are no volumes.
        "table" if list.is_empty() => {}
        "table" => {
            // Podman's tabwriter: columns at least 12 wide, 2 spaces of padding.
            let width = list
                .iter()
                .map(|v| v.driver.len())
                .chain(["DRIVER".len()])
                .max()
                .map_or(12, |w| (w + 2).max(12));
            println!("{:<width$}VOLUME NAME", "DRIVER");
            for volume in &list {
                println!("{:<width$}{}", volume.driver, volume.name);
            }
        }
        other => {
            return Err(Failure::new(
                EXIT_ENGINE,
                format!("unknown --format {other:?}: use table or json"),
            ));
        }
    }
    Ok(0)
}

fn rm(
    store: &Store,
    volumes: &VolumeStore,
    args: RmArgs,
    in_use: &dyn Fn(&str) -> bool,
) -> Outcome {
    let lock = store.lock()?;
    let names = if args.all {
        volumes.list()?.into_iter().map(|v| v.name).collect()
    } else {
        args.names
    };
    let mut errors = Vec::new();
    for name in &names {
        match volumes.remove(&lock, name, in_use) {
            Ok(()) => println!("{name}"),
            Err(volume::Error::NotFound(_)) if args.force => {}
            Err(e) => errors.push(e),
        }
    }
    super::report(errors)
}
