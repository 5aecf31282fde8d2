use clap::Args;

use super::{Context, Outcome};
use crate::container::{PullPolicy, run::image_for};
use crate::image::PullOptions;
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Args)]
pub struct PullArgs {
    /// Image to pull: a short name (alpine), a full name (docker.io/library/alpine:3.20) or name@sha256:DIGEST
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Pick this platform from a multi-platform image [default: the host's]
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<String>,
    /// Require HTTPS and verify certificates (--tls-verify=false allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
}

pub fn run(ctx: &Context, args: PullArgs) -> Outcome {
    let namespace = ctx.namespace();
    let store = Store::open(&ctx.paths.root)?;
    let options = PullOptions {
        platform: args.platform,
        tls_verify: args.tls_verify,
        squash_owners: matches!(
            namespace,
            Namespace::Joined {
                single: Some(_),
                ..
            }
        ),
        quiet: args.quiet,
        auth_files: None,
    };
    // An archive (docker-archive:, oci-archive:) is copied in, as by run.
    let record = image_for(&store, &args.image, PullPolicy::Always, &options)?;
    println!("{}", record.id);
    Ok(0)
}
