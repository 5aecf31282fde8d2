//! `rcon container …`: the container verbs grouped, as in Podman.

use clap::Subcommand;

use super::{Context, Outcome, cp, diff, export};

#[derive(Debug, Subcommand)]
pub enum ContainerVerb {
    /// Copy files between a container and the host (same as `rcon cp`)
    Cp(cp::CpArgs),
    /// Show what a container changed in its image's files (same as `rcon diff`)
    Diff(diff::DiffArgs),
    /// Write a container's files as a tarball (same as `rcon export`)
    Export(export::ExportArgs),
}

pub fn run(ctx: &Context, verb: ContainerVerb) -> Outcome {
    match verb {
        ContainerVerb::Cp(args) => cp::run(ctx, args),
        ContainerVerb::Diff(args) => diff::run(ctx, args),
        ContainerVerb::Export(args) => export::run(ctx, args),
    }
}
