use std::io::{BufRead, IsTerminal, Write};

use clap::{Args, Subcommand};

use super::human::{self, go_size};
use super::info::InfoArgs;
use super::report::Report;
use super::template::{Struct, Value};
use super::{Context, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;
use crate::storage::volume::VolumeStore;
use crate::system;
use crate::system::df::DiskUsage;

#[derive(Debug, Subcommand)]
pub enum SystemVerb {
    /// Show the disk space images, containers and volumes take
    Df(DfArgs),
    /// Remove all of your rcon images, containers and state (storage root and runtime dir)
    Reset(ResetArgs),
    /// Restart the user namespace, e.g. after /etc/subuid or /etc/subgid changed
    Migrate,
    /// Show how rcon is set up on this host (same as `rcon info`)
    Info(InfoArgs),
    /// Serve the Docker Engine API on a socket, for Docker's CLI, SDKs and tools (DOCKER_HOST)
    Service(super::service::ServiceArgs),
}

#[derive(Debug, Args)]
pub struct DfArgs {
    /// One line per image, container and volume
    #[arg(short, long)]
    pub verbose: bool,
    /// A Go template for each line of the summary ('{{.Type}} {{.Size}}'), or a table
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

impl SystemVerb {
    /// As [`super::Verb::in_namespace`].
    pub(super) fn in_namespace(&self) -> bool {
        matches!(self, SystemVerb::Df(_) | SystemVerb::Reset(_))
    }
}

pub fn run(ctx: &Context, verb: SystemVerb) -> Outcome {
    match verb {
        SystemVerb::Df(args) => df(ctx, args),
        SystemVerb::Reset(args) => reset(ctx, args),
        SystemVerb::Migrate => {
            system::migrate(&ctx.paths);
            Ok(0)
        }
        SystemVerb::Info(args) => super::info::run(ctx, args),
        SystemVerb::Service(args) => super::service::run(ctx, args),
    }
}

fn reset(ctx: &Context, args: ResetArgs) -> Outcome {
    if !args.force && std::io::stdin().is_terminal() {
        eprint!(
            "This removes every rcon image, container and volume in {} and the state in {}.\nAre you sure you want to continue? [y/N] ",
            ctx.paths.root.display(),
            ctx.paths.runroot.display()
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            return Ok(0);
        }
    }
    // Containers first: nothing may run on (or write into) what is removed.
    crate::container::monitor::kill_all(&ctx.paths.runroot);
    system::reset(&ctx.paths)?;
    Ok(0)
}

fn df(ctx: &Context, args: DfArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let volumes = VolumeStore::open(&store)?;
    let usage = system::df::disk_usage(&lifecycle, &volumes)?;
    if args.verbose {
        print!("{}", df_verbose(&usage)?);
        return Ok(0);
    }
    let report = match args.format.as_deref() {
        Some(format) => Report::user("df", format)?,
        None => Report::podman(
            "df",
            "{{.Type}}\t{{.Total}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
        ),
    };
    let summary = |kind: &'static str, total: usize, active: usize, size: u64, reclaimable: u64| {
        let percent = if size > 0 {
            (reclaimable as f64 / size as f64 * 100.0).round() as u64
        } else {
            0
        };
        Value::from(
            Struct::new("system.dfSummary")
                .with("Type", kind)
                .with("Total", total)
                .with("Active", active)
                .with("RawSize", size)
                .with("RawReclaimable", reclaimable)
                .with("Size", go_size(size, 4))
                .with(
                    "Reclaimable",
                    format!("{} ({percent}%)", go_size(reclaimable, 4)),
                ),
        )
    };
    let images = &usage.images;
    let containers = &usage.containers;
    let rows = Value::list(vec![
        summary(
            "Images",
            images.len(),
            images.iter().filter(|i| i.containers > 0).count(),
            images.iter().map(|i| i.size).sum(),
            images
                .iter()
                .filter(|i| i.containers == 0)
                .map(|i| i.size)
                .sum(),
        ),
        summary(
            "Containers",
            containers.len(),
            containers.iter().filter(|c| c.running).count(),
            containers.iter().map(|c| c.size).sum(),
            containers
                .iter()
                .filter(|c| !c.running)
                .map(|c| c.size)
                .sum(),
        ),
        summary(
            "Local Volumes",
            usage.volumes.len(),
            usage.volumes.iter().map(|v| v.links).sum(),
            usage.volumes.iter().map(|v| v.size).sum(),
            usage
                .volumes
                .iter()
                .filter(|v| v.links == 0)
                .map(|v| v.size)
                .sum(),
        ),
    ]);
    let headers = report.is_table().then(|| {
        report.headers(
            &["Type", "Total", "Active", "RawSize", "RawReclaimable"],
            &[("Size", "SIZE"), ("Reclaimable", "RECLAIMABLE")],
        )
    });
    print!("{}", report.render(headers, &rows)?);
    Ok(0)
}

/// `df -v`: a table each of images, containers and volumes, as Podman prints them.
fn df_verbose(usage: &DiskUsage) -> Result<String, super::Failure> {
    let ago = |time: Option<&str>| human::ago(time).trim_end_matches(" ago").to_string();
    let images = Value::list(
        usage
            .images
            .iter()
            .map(|i| {
                Struct::new("system.dfImage")
                    .with("Repository", i.repository.as_str())
                    .with("Tag", i.tag.as_str())
                    .with("ImageID", &i.id[..12.min(i.id.len())])
                    .with("Created", ago(i.created.as_deref()))
                    .with("Size", go_size(i.size, 4))
                    .with("SharedSize", go_size(0, 4))
                    .with("UniqueSize", go_size(i.size, 4))
                    .with("Containers", i.containers)
                    .into()
            })
            .collect(),
    );
    let containers = Value::list(
        usage
            .containers
            .iter()
            .map(|c| {
                Struct::new("system.dfContainer")
                    .with("ContainerID", &c.id[..12])
                    .with("Image", &c.image_id[..12.min(c.image_id.len())])
                    .with("Command", c.command.join(" "))
                    .with("LocalVolumes", c.local_volumes)
                    .with("RWSize", go_size(c.size, 4))
                    .with("Created", ago(Some(&c.created)))
                    .with("Status", c.status)
                    .with("Names", c.name.as_str())
                    .into()
            })
            .collect(),
    );
    let volumes = Value::list(
        usage
            .volumes
            .iter()
            .map(|v| {
                Struct::new("system.dfVolume")
                    .with("VolumeName", v.name.as_str())
                    .with("Links", v.links)
                    .with("Size", go_size(v.size, 4))
                    .into()
            })
            .collect(),
    );
    let section =
        |title: &str, row: &str, fields: &[&str], overrides: &[(&str, &str)], rows: &Value| {
            let report = Report::podman("df", row);
            report
                .render(Some(report.headers(fields, overrides)), rows)
                .map(|table| format!("{title}\n\n{table}"))
        };
    Ok([
        section(
            "Images space usage:",
            "{{.Repository}}\t{{.Tag}}\t{{.ImageID}}\t{{.Created}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}",
            &["Repository", "Tag", "Created", "Size", "Containers"],
            &[("ImageID", "IMAGE ID"), ("SharedSize", "SHARED SIZE"), ("UniqueSize", "UNIQUE SIZE")],
            &images,
        )?,
        section(
            "Containers space usage:",
            "{{.ContainerID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.RWSize}}\t{{.Created}}\t{{.Status}}\t{{.Names}}",
            &["Image", "Command", "Created", "Status", "Names"],
            &[("ContainerID", "CONTAINER ID"), ("LocalVolumes", "LOCAL VOLUMES"), ("RWSize", "SIZE")],
            &containers,
        )?,
        section(
            "Local Volumes space usage:",
            "{{.VolumeName}}\t{{.Links}}\t{{.Size}}",
            &["Links", "Size"],
            &[("VolumeName", "VOLUME NAME")],
            &volumes,
        )?,
    ]
    .join("\n"))
}
