use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::files;
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write the tarball to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The container, by name or ID (running or not)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: ExportArgs) -> Outcome {
    if args.output.is_none() && io::stdout().is_terminal() {
        return Err(Failure::new(
            EXIT_ENGINE,
            "refusing to write a tarball to a terminal: give -o FILE or redirect the output",
        ));
    }
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    let out: Box<dyn Write> =
        match &args.output {
            Some(path) => Box::new(File::create(path).map_err(|e| {
                Failure::new(EXIT_ENGINE, format!("creating {}: {e}", path.display()))
            })?),
            None => Box::new(io::stdout().lock()),
        };
    let mut out = files::export(
        &lifecycle,
        &record,
        BufWriter::with_capacity(256 * 1024, out),
        ctx.single,
    )?;
    out.flush()
        .map_err(|e| Failure::new(EXIT_ENGINE, format!("writing the tarball: {e}")))?;
    Ok(0)
}
