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
    let mut errors = Vec::new();
    for name in &args.images {
        match image::lookup(&store, name).and_then(|record| image::inspect(&store, &record)) {
            Ok(json) => found.push(json),
            Err(e) => errors.push(e),
        }
    }
    println!("{}", serde_json::to_string_pretty(&found)?);
    // As Podman: the first error is the command's, one line each for the rest.
    let mut errors = errors.into_iter();
    let Some(first) = errors.next() else {
        return Ok(0);
    };
    for e in errors {
        eprintln!("Error: {e}");
    }
    Err(Failure::new(EXIT_ENGINE, first.to_string()))
}
