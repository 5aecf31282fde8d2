use clap::{Args, ValueEnum};

use super::report::{self, Report};
use super::template::{GoShape, Value};
use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::inspect::{Live, inspect};
use crate::container::lifecycle::Lifecycle;
use crate::image;
use crate::storage::store::Store;
use crate::storage::volume::{self, VolumeStore};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// A Go template applied to each object ('{{.State.Pid}}', '{{json .Config}}'), or json
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// What the names are; all: a container, else an image, else a volume
    #[arg(
        short = 't',
        long = "type",
        value_enum,
        default_value = "all",
        value_name = "TYPE"
    )]
    pub kind: Kind,
    /// The most recently created container
    #[arg(short, long)]
    pub latest: bool,
    /// The containers, images or volumes, by name or ID
    #[arg(value_name = "NAME", required_unless_present = "latest")]
    pub names: Vec<String>,
}

/// `rcon container inspect`: containers only.
#[derive(Debug, Args)]
pub struct ContainerInspectArgs {
    /// A Go template applied to each container ('{{.State.Pid}}', '{{json .Config}}'), or json
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

impl From<ContainerInspectArgs> for InspectArgs {
    fn from(args: ContainerInspectArgs) -> InspectArgs {
        InspectArgs {
            format: args.format,
            kind: Kind::Container,
            latest: false,
            names: args.containers,
        }
    }
}

/// `--type`: which kind of object a name is looked up as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    Container,
    Image,
    Volume,
    All,
}

/// Container inspect JSON as Podman's `InspectContainerData`.
pub const CONTAINER_SHAPE: GoShape = GoShape {
    type_name: "*define.InspectContainerData",
    fields: &[("Id", "ID")],
    maps: &[
        "Config.Labels",
        "Config.Annotations",
        "GraphDriver.Data",
        "HostConfig.PortBindings",
        "NetworkSettings.Ports",
        "NetworkSettings.Networks",
    ],
    times: &["Created", "State.StartedAt", "State.FinishedAt"],
};

/// Image inspect JSON as Podman's `inspect.ImageData`.
pub const IMAGE_SHAPE: GoShape = GoShape {
    type_name: "*inspect.ImageData",
    fields: &[
        ("Id", "ID"),
        ("created_by", "CreatedBy"),
        ("empty_layer", "EmptyLayer"),
    ],
    maps: &[
        "Labels",
        "Annotations",
        "Config.Labels",
        "Config.ExposedPorts",
        "Config.Volumes",
    ],
    times: &["Created", "History.Created"],
};

/// Volume inspect JSON as Podman's `define.InspectVolumeData`.
pub const VOLUME_SHAPE: GoShape = GoShape {
    type_name: "*define.InspectVolumeData",
    fields: &[],
    maps: &["Labels", "Options", "Status"],
    times: &["CreatedAt"],
};

/// Podman's rewrites of a user's inspect template: `{{.Id}}` is `{{.ID}}`,
/// and Docker's names `.Src`, `.Dst`, `.ImageID` (and for images
/// `.Config.Healthcheck`) are Podman's `.Source`, `.Destination`, `.Image`
/// (`.HealthCheck`).
fn normalize(format: &str, kind: Kind) -> String {
    let mut out = String::with_capacity(format.len());
    let mut rest = format;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let inner = after.split("}}").next().unwrap_or_default();
        if after.contains("}}") && inner.trim() == ".Id" {
            out.push_str("{{.ID}}");
            rest = &after[inner.len() + 2..];
        } else {
            out.push_str("{{");
            rest = after;
        }
    }
    out.push_str(rest);
    let mut replacements = vec![
        (".Src", ".Source"),
        (".Dst", ".Destination"),
        (".ImageID", ".Image"),
    ];
    if kind == Kind::Image {
        replacements.push((".Config.Healthcheck", ".HealthCheck"));
    }
    replace_all(&out, &replacements)
}

/// Go's `strings.NewReplacer`: at each position the first pattern that
/// matches is replaced, and scanning goes on after it.
fn replace_all(text: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'outer: while i < text.len() {
        for (from, to) in pairs {
            if text[i..].starts_with(from) {
                out.push_str(to);
                i += from.len();
                continue 'outer;
            }
        }
        let c = text[i..].chars().next().unwrap_or_default();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

pub fn run(ctx: &Context, args: InspectArgs) -> Outcome {
    let report = match args.format.as_deref() {
        None => None,
        Some(format) if report::is_json(format) => None,
        Some(format) => Some(Report::user("inspect", &normalize(format, args.kind))?),
    };
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let volumes = VolumeStore::open(&store)?;
    let mut names = args.names;
    if args.latest {
        let latest = super::rm::targets(&lifecycle, &[], false, true, &[], false)?
            .into_iter()
            .next()
            .map(|(_, record)| record.id)
            .ok_or_else(|| Failure::new(EXIT_ENGINE, "no containers to inspect"))?;
        names.push(latest);
    }
    let mut shown = Vec::new();
    let mut errors = Vec::new();
    for name in &names {
        match object(&lifecycle, &volumes, name, args.kind) {
            Ok(found) => shown.push(found),
            Err(e) => errors.push(e),
        }
    }
    match report {
        Some(report) => {
            let data = Value::list(
                shown
                    .iter()
                    .map(|(json, shape)| shape.value(json))
                    .collect(),
            );
            print!("{}", report.render(None, &data)?);
        }
        None => {
            let list: Vec<&serde_json::Value> = shown.iter().map(|(json, _)| json).collect();
            println!("{}", serde_json::to_string_pretty(&list)?);
        }
    }
    // As Podman: the first error is the command's, the others on stderr.
    let mut errors = errors.into_iter();
    let Some(first) = errors.next() else {
        return Ok(0);
    };
    for e in errors {
        eprintln!("error inspecting object: {}", e.message);
    }
    Err(Failure::new(
        first.code,
        format!("inspecting object: {}", first.message),
    ))
}

/// The object `name` as `kind` (with `all`: the first kind that has it, in
/// Podman's order: container, image, volume), with how templates read it.
fn object(
    lifecycle: &Lifecycle,
    volumes: &VolumeStore,
    name: &str,
    kind: Kind,
) -> Result<(serde_json::Value, &'static GoShape), Failure> {
    let any = kind == Kind::All;
    if matches!(kind, Kind::Container | Kind::All) {
        match lifecycle.find(name) {
            Ok(record) => {
                let state = lifecycle.state(&record.id)?;
                let dir = lifecycle.containers().dir(&record.id);
                let live = Live::of(lifecycle, &record, &state);
                return Ok((inspect(&record, &state, &dir, &live), &CONTAINER_SHAPE));
            }
            Err(crate::container::Error::Store(
                crate::container::store::Error::NoSuchContainer(_),
            )) if any => {}
            Err(e) => return Err(e.into()),
        }
    }
    if matches!(kind, Kind::Image | Kind::All) {
        let store = lifecycle.store();
        match image::lookup(store, name) {
            Ok(record) => return Ok((image::inspect(store, &record)?, &IMAGE_SHAPE)),
            Err(image::Error::NotFound { .. }) if any => {}
            Err(e) => return Err(e.into()),
        }
    }
    match volumes.get(name) {
        Ok(volume) => Ok((
            serde_json::to_value(super::volume::inspect_json(&volume))?,
            &VOLUME_SHAPE,
        )),
        Err(volume::Error::NotFound(_)) if any => Err(Failure::new(
            EXIT_ENGINE,
            format!("no such object: {name:?}"),
        )),
        Err(e) => Err(e.into()),
    }
}
