use std::io::{self, IsTerminal};

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::ContainerRecord;
use crate::container::copy;
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct CpArgs {
    /// Give what is copied into a container to the container's user (its primary group too), as Podman does; with -a=false, files keep the owners the source gives (as rcon's user namespace sees them, or as the tar stream says)
    #[arg(short, long, value_name = "BOOL", default_value = "true", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub archive: bool,
    /// Let a directory replace a non-directory and the reverse (otherwise an error)
    #[arg(long, value_name = "BOOL", default_value = "false", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub overwrite: bool,
    /// Accepted for Podman's scripts; rcon never pauses the container (Podman's --pause=false)
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub pause: bool,
    /// What to copy: CONTAINER:PATH (relative to its working directory), a host path, or - for a tar stream (compressed or not) on standard input
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

/// One end as the engine takes it (`record` found for a container path).
fn end<'a>(text: &'a str, record: Option<&'a ContainerRecord>) -> copy::End<'a> {
    match (in_container(text), record) {
        (Some((_, path)), Some(record)) => copy::End::Container { record, path },
        _ if text == "-" => copy::End::Stream,
        _ => copy::End::Host(text),
    }
}

pub fn run(ctx: &Context, args: CpArgs) -> Outcome {
    let usage = |what: &str| Failure::new(EXIT_ENGINE, what);
    let (from, to) = (in_container(&args.source), in_container(&args.dest));
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
    let find = |side: Option<(&str, &str)>| {
        side.map(|(container, _)| lifecycle.find(container))
            .transpose()
    };
    let (source, dest) = (find(from)?, find(to)?);
    copy::copy(
        &lifecycle,
        end(&args.source, source.as_ref()),
        end(&args.dest, dest.as_ref()),
        io::stdin(),
        io::stdout().lock(),
        copy::CopyOptions {
            archive: args.archive,
            overwrite: args.overwrite,
        },
        ctx.single,
    )?;
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
