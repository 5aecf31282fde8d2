use std::path::PathBuf;

use clap::Args;

use super::login::AuthFileArg;
use super::{Context, Outcome};
use crate::image::progress;
use crate::image::push::{self, PushOptions};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct PushArgs {
    /// The stored image to push, by name or ID prefix
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Where to push it, e.g. localhost:5000/team/app:v1 [default: IMAGE's own name]
    #[arg(value_name = "DESTINATION")]
    pub destination: Option<String>,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    /// Write the pushed manifest's digest to this file
    #[arg(long, value_name = "FILE")]
    pub digestfile: Option<PathBuf>,
    /// Require HTTPS and verify certificates (--tls-verify=false allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    #[command(flatten)]
    pub authfile: AuthFileArg,
}

pub fn run(ctx: &Context, args: PushArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let options = PushOptions {
        tls_verify: args.tls_verify,
        auth_files: args.authfile.files(),
        credentials: None,
        progress: progress::for_stderr(args.quiet),
    };
    let digest = push::push_image(&store, &args.image, args.destination.as_deref(), &options)?;
    if !args.quiet {
        eprintln!("Writing manifest to image destination");
    }
    if let Some(path) = args.digestfile {
        std::fs::write(&path, &digest).map_err(|e| {
            super::Failure::new(
                super::EXIT_ENGINE,
                format!("writing {}: {e}", path.display()),
            )
        })?;
    }
    Ok(0)
}
