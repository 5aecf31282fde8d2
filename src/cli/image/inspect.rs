use clap::Args;

use crate::cli::inspect::{InspectArgs as AnyInspectArgs, Kind};
use crate::cli::{Context, Outcome, inspect};

/// `rcon image inspect`: images only.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// A Go template applied to each image ('{{.ID}}', '{{json .Config}}'), or json
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Images to inspect, by name or ID prefix
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,
}

pub fn run(ctx: &Context, args: InspectArgs) -> Outcome {
    inspect::run(
        ctx,
        AnyInspectArgs {
            format: args.format,
            kind: Kind::Image,
            latest: false,
            names: args.images,
        },
    )
}
