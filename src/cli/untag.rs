use clap::Args;

use super::{Context, Outcome};
use crate::image;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct UntagArgs {
    /// The image, by name or ID prefix
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// The names to take off it (default: all of its names)
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

pub fn run(ctx: &Context, args: UntagArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    image::untag(&store, &args.image, &args.names)?;
    Ok(0)
}
