use std::io::{self, IsTerminal};

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::copy;
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct CpArgs {
    /// Keep the owners the files have (as rcon's user namespace sees them, or as the tar stream says); without it, what is copied into a container belongs to its root
    #[arg(short, long)]
    pub archive: bool,
    /// What to copy: CONTAINER:PATH, a host path, or - for a tar stream on standard input
    #[arg(value_name = "SRC")]
    pub source: String,
    /// Where to: CONTAINER:PATH, a host path, or - for a tar stream on standard output
    #[arg(value_name = "DEST")]
    pub dest: String,
}

/// `CONTAINER:PATH` split, or `None` for a host path (which may hold a `:`
/// after a `/`, as in `./a:b`).
fn in_container(text: &str) -> Option<(&str, &str)> {
    text.split_once(':')
        .filter(|(container, _)| !container.is_empty() && !container.contains('/'))
}

/// A host path, or `None` for `-` (a tar stream).
fn host(text: &str) -> Option<&str> {
    (text != "-").then_some(text)
}

pub fn run(ctx: &Context, args: CpArgs) -> Outcome {
    let usage = |what: &str| Failure::new(EXIT_ENGINE, what);
    let (from, to) = (in_container(&args.source), in_container(&args.dest));
    if from.is_some() && to.is_some() {
        return Err(usage(
            "copying from one container to another is not supported: copy to the host first",
        ));
    }
    if from.is_none() && to.is_none() {
        return Err(usage(
            "one of SRC and DEST must be a path in a container: CONTAINER:PATH",
        ));
    }
    if args.dest == "-" && io::stdout().is_terminal() {
        return Err(usage(
            "refusing to write a tar stream to a terminal: redirect the output",
        ));
    }
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    match (from, to) {
        (Some((container, path)), _) => {
            let record = lifecycle.find(container)?;
            copy::copy_out(
                &lifecycle,
                &record,
                path,
                host(&args.dest),
                io::stdout().lock(),
                ctx.single,
            )?;
        }
        (None, Some((container, path))) => {
            let record = lifecycle.find(container)?;
            copy::copy_in(
                &lifecycle,
                &record,
                host(&args.source),
                io::stdin(),
                path,
                args.archive,
                ctx.single,
            )?;
        }
        (None, None) => unreachable!("checked above"),
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_paths_are_told_from_host_paths() {
        assert_eq!(in_container("web:/etc/x"), Some(("web", "/etc/x")));
        assert_eq!(in_container("web:"), Some(("web", "")));
        assert_eq!(in_container("./a:b"), None);
        assert_eq!(in_container("/tmp/a:b"), None);
        assert_eq!(in_container(":x"), None);
        assert_eq!(in_container("plain"), None);
    }
}
