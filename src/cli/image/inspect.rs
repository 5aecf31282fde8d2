use clap::Args;

use crate::cli::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::image;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Images to inspect, by name or ID prefix
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,
}

pub fn run(ctx: &Context, args: InspectArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let mut found = Vec::new();
    let mut missing = false;
    for name in &args.images {
        match image::lookup(&store, name).and_then(|record| image::inspect(&store, &record)) {
            Ok(json) => found.push(json),
            Err(e) => {
                eprintln!("Error: {e}");
                missing = true;
            }
        }
    }
    println!("{}", serde_json::to_string_pretty(&found)?);
    if missing {
        return Err(Failure::new(EXIT_ENGINE, "some images were not found"));
    }
    Ok(0)
}
