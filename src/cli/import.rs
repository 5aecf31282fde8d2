use std::path::PathBuf;

use clap::Args;

use super::{Context, Failure, Outcome};
use crate::image::import::{self, Import};
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A Dockerfile instruction to apply to the image's config: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER or WORKDIR (repeatable)
    #[arg(short = 'c', long = "change", value_name = "INSTRUCTION")]
    pub changes: Vec<String>,
    /// A comment for the image's history
    #[arg(short, long, value_name = "MESSAGE")]
    pub message: Option<String>,
    /// Print nothing but the new image's ID (which is all rcon prints)
    #[arg(short, long)]
    pub quiet: bool,
    /// The tarball of a root filesystem (plain, gzip or zstd), or - for standard input
    #[arg(value_name = "TARBALL")]
    pub source: String,
    /// The new image's name, IMAGE[:TAG] (short names go under localhost/); none: known by its ID
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
}

pub fn run(ctx: &Context, args: ImportArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let request = Import {
        name: args.image,
        changes: args.changes,
        message: args.message,
        squash_owners: matches!(
            ctx.namespace(),
            Namespace::Joined {
                single: Some(_),
                ..
            }
        ),
        created_by: format!("/bin/sh -c #(nop) ADD file:{} in /", args.source),
    };
    let image = match args.source.as_str() {
        "-" => import::import(&store, std::io::stdin(), &request)?,
        url if url.starts_with("http://") || url.starts_with("https://") => {
            return Err(Failure::new(
                super::EXIT_ENGINE,
                format!(
                    "importing from a URL is not supported; download it first (curl -o FILE {url}) and import the file"
                ),
            ));
        }
        path => import::import(&store, import::open_file(&PathBuf::from(path))?, &request)?,
    };
    println!("{}", image.id);
    Ok(0)
}
