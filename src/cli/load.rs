use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome};
use crate::image::archive::{self, LoadOptions};
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Read the archive (docker-archive or oci-archive) from this file, or an http(s) URL [default: standard input]
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(ctx: &Context, args: LoadArgs) -> Outcome {
    let namespace = ctx.namespace();
    let store = Store::open(&ctx.paths.root)?;
    let options = LoadOptions {
        squash_owners: matches!(
            namespace,
            Namespace::Joined {
                single: Some(_),
                ..
            }
        ),
    };
    let images = archive::load(&store, args.input.as_deref(), &options)?;
    if !args.quiet {
        for image in images {
            if image.names.is_empty() {
                println!("Loaded image: sha256:{}", image.id);
            }
            for name in image.names {
                println!("Loaded image: {name}");
            }
        }
    }
    Ok(0)
}
