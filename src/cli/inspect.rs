use clap::{Args, ValueEnum};
use serde_json::Value;

use super::template::GoTemplate;
use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::inspect::inspect;
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
    /// The containers, images or volumes, by name or ID
    #[arg(value_name = "NAME", required = true)]
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

pub fn run(ctx: &Context, args: InspectArgs) -> Outcome {
    // First, while single-threaded: gtmpl's lexer runs on a thread of its
    // own, and a process with threads (even one just ending) cannot join
    // a user namespace.
    ctx.enter_namespace()?;
    let template = match args.format.as_deref() {
        None | Some("json") => None,
        Some(text) => Some(GoTemplate::parse(text)?),
    };
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let volumes = VolumeStore::open(&store)?;
    let mut shown = Vec::new();
    for name in &args.names {
        shown.push(object(&lifecycle, &volumes, name, args.kind)?);
    }
    match template {
        Some(template) => {
            let mut out = String::new();
            for value in &shown {
                out.push_str(&template.render(value)?);
            }
            print!("{out}");
        }
        None => println!("{}", serde_json::to_string_pretty(&shown)?),
    }
    Ok(0)
}

/// The object `name` as `kind` (with `all`: the first kind that has it, in
/// Podman's order: container, image, volume).
fn object(
    lifecycle: &Lifecycle,
    volumes: &VolumeStore,
    name: &str,
    kind: Kind,
) -> Result<Value, Failure> {
    let any = kind == Kind::All;
    if matches!(kind, Kind::Container | Kind::All) {
        match lifecycle.find(name) {
            Ok(record) => {
                let state = lifecycle.state(&record.id)?;
                let dir = lifecycle.containers().dir(&record.id);
                return Ok(inspect(&record, &state, &dir));
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
            Ok(record) => return Ok(image::inspect(store, &record)?),
            Err(image::Error::NotFound { .. }) if any => {}
            Err(e) => return Err(e.into()),
        }
    }
    match volumes.get(name) {
        Ok(volume) => Ok(serde_json::to_value(super::volume::inspect_json(&volume))?),
        Err(volume::Error::NotFound(_)) if any => Err(Failure::new(
            EXIT_ENGINE,
            format!("no such object: {name:?}"),
        )),
        Err(e) => Err(e.into()),
    }
}
