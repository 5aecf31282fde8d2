use std::io::{self, IsTerminal};
use std::path::PathBuf;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::image::archive::{self, Format};
use crate::storage::store::Store;
use crate::util::fs::write_atomic_with;

#[derive(Debug, Args)]
pub struct SaveArgs {
    /// Images to save, by name or ID prefix
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,
    /// Write the archive to this file [default: standard output, when it is not a terminal]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Archive format
    #[arg(long, value_enum, default_value = "docker-archive")]
    pub format: Format,
    /// Several images in one docker-archive (rcon always writes every image named; accepted for Podman's scripts)
    #[arg(short = 'm', long = "multi-image-archive")]
    pub multi_image_archive: bool,
    /// Layers as plain tars in an oci-archive (a docker-archive's always are)
    #[arg(long)]
    pub uncompressed: bool,
    /// Print nothing but errors (rcon prints nothing else anyway)
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(ctx: &Context, args: SaveArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let Some(output) = args.output else {
        if io::stdout().is_terminal() {
            return Err(Failure::new(
                EXIT_ENGINE,
                "refusing to write an archive to a terminal: give -o FILE or redirect standard output",
            ));
        }
        archive::save(
            &store,
            &args.images,
            args.format,
            args.uncompressed,
            io::stdout().lock(),
            "/dev/stdout",
        )?;
        return Ok(0);
    };
    // Written atomically, so a failed save leaves no half archive.
    let written = write_atomic_with(&output, 0o666, |file| {
        archive::save(
            &store,
            &args.images,
            args.format,
            args.uncompressed,
            io::BufWriter::new(&*file),
            &output.to_string_lossy(),
        )?;
        Ok::<_, Failure>(())
    });
    if let Err(failure) = written {
        return Err(Failure::new(
            failure.code,
            format!("saving to {}: {}", output.display(), failure.message),
        ));
    }
    Ok(0)
}
