use clap::Args;

use super::{Context, Outcome};
use crate::container::commit::{self, Commit};
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Args)]
pub struct CommitArgs {
    /// A comment for the new step in the image's history
    #[arg(short, long, value_name = "MESSAGE")]
    pub message: Option<String>,
    /// The image's author
    #[arg(short, long, value_name = "AUTHOR")]
    pub author: Option<String>,
    /// A Dockerfile instruction to apply to the image's config: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER or WORKDIR (repeatable)
    #[arg(short = 'c', long = "change", value_name = "INSTRUCTION")]
    pub changes: Vec<String>,
    /// Print nothing but the new image's ID (which is all rcon prints)
    #[arg(short, long)]
    pub quiet: bool,
    /// The container, by name or ID (running or not)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// The new image's name, IMAGE[:TAG] (short names go under localhost/); none: known by its ID
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
}

pub fn run(ctx: &Context, args: CommitArgs) -> Outcome {
    let namespace = ctx.namespace();
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    let request = Commit {
        name: args.image,
        author: args.author,
        message: args.message,
        changes: args.changes,
        squash_owners: matches!(
            namespace,
            Namespace::Joined {
                single: Some(_),
                ..
            }
        ),
    };
    let image = commit::commit(&lifecycle, &record, &request)?;
    println!("{}", image.id);
    Ok(0)
}
