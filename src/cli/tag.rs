use clap::Args;

use super::{Context, Outcome};
use crate::image;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct TagArgs {
    /// The image to name, by name or ID prefix
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// New names for it, e.g. localhost/app:v2
    #[arg(value_name = "TARGET", required = true)]
    pub targets: Vec<String>,
}

pub fn run(ctx: &Context, args: TagArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    for target in &args.targets {
        image::tag(&store, &args.image, target)?;
    }
    Ok(0)
}
