//! `rcon container …`: the container verbs grouped, as in Podman.

use clap::Subcommand;

use super::{
    Context, Outcome, commit, container_prune, cp, diff, export, inspect, pause, port, rename, top,
};

#[derive(Debug, Subcommand)]
pub enum ContainerVerb {
    /// Make a new image from a container's changes (same as `rcon commit`)
    Commit(commit::CommitArgs),
    /// Copy files between a container and the host (same as `rcon cp`)
    Cp(cp::CpArgs),
    /// Show what a container changed in its image's files (same as `rcon diff`)
    Diff(diff::DiffArgs),
    /// Write a container's files as a tarball (same as `rcon export`)
    Export(export::ExportArgs),
    /// Show a container's configuration and state (same as `rcon inspect --type container`)
    Inspect(inspect::ContainerInspectArgs),
    /// Freeze a container's processes (same as `rcon pause`)
    Pause(pause::PauseArgs),
    /// List a container's published ports (same as `rcon port`)
    Port(port::PortArgs),
    /// Remove every container that does not run
    Prune(container_prune::PruneArgs),
    /// Give a container a new name (same as `rcon rename`)
    Rename(rename::RenameArgs),
    /// Show a container's processes (same as `rcon top`)
    Top(top::TopArgs),
    /// Thaw paused containers (same as `rcon unpause`)
    Unpause(pause::PauseArgs),
}

pub fn run(ctx: &Context, verb: ContainerVerb) -> Outcome {
    match verb {
        ContainerVerb::Commit(args) => commit::run(ctx, args),
        ContainerVerb::Cp(args) => cp::run(ctx, args),
        ContainerVerb::Diff(args) => diff::run(ctx, args),
        ContainerVerb::Export(args) => export::run(ctx, args),
        ContainerVerb::Inspect(args) => inspect::run(ctx, args.into()),
        ContainerVerb::Pause(args) => pause::run(ctx, args, true),
        ContainerVerb::Port(args) => port::run(ctx, args),
        ContainerVerb::Prune(args) => container_prune::run(ctx, args),
        ContainerVerb::Rename(args) => rename::run(ctx, args),
        ContainerVerb::Top(args) => top::run(ctx, args),
        ContainerVerb::Unpause(args) => pause::run(ctx, args, false),
    }
}
