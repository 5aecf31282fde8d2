use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::image;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct RmiArgs {
    /// Images to remove, by name or ID prefix
    #[arg(value_name = "IMAGE")]
    pub images: Vec<String>,
    /// Remove every image
    #[arg(short, long)]
    pub all: bool,
    /// Remove the image even when it has several names; remove the containers using it too; an image that does not exist is no error
    #[arg(short, long)]
    pub force: bool,
    /// An image that does not exist is no error
    #[arg(short, long)]
    pub ignore: bool,
    /// Do not remove dangling parent images (rcon keeps none)
    #[arg(long)]
    pub no_prune: bool,
}

/// Why one image was not removed: Podman's exit codes tell these apart.
enum Refusal {
    Unknown(String),
    InUse(String),
    Other(String),
}

pub fn run(ctx: &Context, args: RmiArgs) -> Outcome {
    if args.images.is_empty() && !args.all {
        return Err(Failure::new(
            EXIT_ENGINE,
            "image name or ID must be specified",
        ));
    }
    if !args.images.is_empty() && args.all {
        return Err(Failure::new(
            EXIT_ENGINE,
            "when using the --all switch, you may not pass any images names or IDs",
        ));
    }
    let store = Store::open(&ctx.paths.root)?;
    let targets = if args.all {
        store.images()?.into_iter().map(|i| i.id).collect()
    } else {
        args.images
    };
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let mut untagged = Vec::new();
    let mut deleted = Vec::new();
    let mut refusals = Vec::new();
    for target in &targets {
        let found = match image::lookup(&store, target) {
            Ok(found) => found,
            Err(image::Error::NotFound { .. }) if args.ignore || args.force => continue,
            Err(image::Error::NotFound { .. }) => {
                refusals.push(Refusal::Unknown(format!("{target}: image not known")));
                continue;
            }
            Err(e) => {
                refusals.push(Refusal::Other(e.to_string()));
                continue;
            }
        };
        let users = lifecycle.containers().using_image(&found.id)?;
        if let Some(user) = users.first() {
            if !args.force {
                refusals.push(Refusal::InUse(format!(
                    "image used by {}: image is in use by a container: consider listing external containers and force-removing image",
                    user.id
                )));
                continue;
            }
            // Podman's -f: the containers go first (running ones stopped).
            if let Err(e) = lifecycle.remove_image_users(&found.id) {
                refusals.push(Refusal::Other(format!(
                    "removing the containers of image {target}: {e}"
                )));
                continue;
            }
        }
        match image::remove(&store, target, args.force || args.all) {
            Ok(removal) => {
                untagged.extend(removal.untagged);
                deleted.extend(removal.deleted);
            }
            Err(e) => refusals.push(Refusal::Other(e.to_string())),
        }
    }
    for name in untagged {
        println!("Untagged: {name}");
    }
    for id in deleted {
        println!("Deleted: {id}");
    }
    if refusals.is_empty() {
        return Ok(0);
    }
    // Podman's codes: 2 when an image is in use, 1 when images were only
    // unknown, else 125.
    let in_use = refusals.iter().any(|r| matches!(r, Refusal::InUse(_)));
    let only_unknown = refusals.iter().all(|r| matches!(r, Refusal::Unknown(_)));
    let code = if in_use {
        2
    } else if only_unknown {
        1
    } else {
        EXIT_ENGINE
    };
    let messages: Vec<String> = refusals
        .into_iter()
        .map(|r| match r {
            Refusal::Unknown(m) | Refusal::InUse(m) | Refusal::Other(m) => m,
        })
        .collect();
    let message = match messages.as_slice() {
        [one] => one.clone(),
        many => format!(
            "{} errors occurred:\n{}",
            many.len(),
            many.iter()
                .map(|m| format!("\t* {m}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    Err(Failure::new(code, message))
}
