use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::image;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct RmiArgs {
    /// Images to remove, by name or ID prefix
    #[arg(value_name = "IMAGE", required_unless_present = "all")]
    pub images: Vec<String>,
    /// Remove every image
    #[arg(short, long)]
    pub all: bool,
    /// Remove the image even when it has several names; remove the containers using it too
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: RmiArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let targets = if args.all {
        store.images()?.into_iter().map(|i| i.id).collect()
    } else {
        args.images
    };
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let mut failed = false;
    for target in &targets {
        if let Ok(found) = image::lookup(&store, target) {
            if !lifecycle.containers().using_image(&found.id)?.is_empty() {
                if !args.force {
                    eprintln!(
                        "Error: image {target} is in use by a container; remove the container first, or use -f"
                    );
                    failed = true;
                    continue;
                }
                // Podman's -f: the containers go first (running ones stopped).
                if let Err(e) = lifecycle.remove_image_users(&found.id) {
                    eprintln!("Error: removing the containers of image {target}: {e}");
                    failed = true;
                    continue;
                }
            }
        }
        match image::remove(&store, target, args.force || args.all) {
            Ok(removal) => {
                for name in removal.untagged {
                    println!("Untagged: {name}");
                }
                if let Some(id) = removal.deleted {
                    println!("Deleted: {id}");
                }
            }
            Err(e) => {
                eprintln!("Error: {e}");
                failed = true;
            }
        }
    }
    if failed {
        return Err(Failure::new(
            EXIT_ENGINE,
            "some images could not be removed",
        ));
    }
    Ok(0)
}
