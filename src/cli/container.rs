//! `rcon container …`: the container verbs grouped, as in Podman.

use clap::Subcommand;

use super::{
    Context, Outcome, attach, commit, container_prune, cp, create, diff, exec, exists, export,
    inspect, kill, logs, pause, port, ps, rename, restart, rm, runlabel, start, stats, stop, top,
    update, wait,
};

#[derive(Debug, Subcommand)]
pub enum ContainerVerb {
    /// Attach to a running container (same as `rcon attach`)
    Attach(attach::AttachArgs),
    /// Make a new image from a container's changes (same as `rcon commit`)
    Commit(commit::CommitArgs),
    /// Copy files between a container and the host (same as `rcon cp`)
    Cp(cp::CpArgs),
    /// Create a container without starting it (same as `rcon create`)
    #[command(disable_help_flag = true)]
    Create(Box<create::CreateVerbArgs>),
    /// Show what a container changed in its image's files (same as `rcon diff`)
    Diff(diff::DiffArgs),
    /// Run a command in a running container (same as `rcon exec`)
    Exec(exec::ExecArgs),
    /// Exit 0 if the container exists, 1 if not
    Exists(exists::ContainerExistsArgs),
    /// Write a container's files as a tarball (same as `rcon export`)
    Export(export::ExportArgs),
    /// Show a container's configuration and state (same as `rcon inspect --type container`)
    Inspect(inspect::ContainerInspectArgs),
    /// Send a signal to running containers (same as `rcon kill`)
    Kill(kill::KillArgs),
    /// Show a container's output (same as `rcon logs`)
    Logs(logs::LogsArgs),
    /// List containers (same as `rcon ps`)
    #[command(visible_aliases = ["ls", "list"])]
    Ps(ps::PsArgs),
    /// Freeze a container's processes (same as `rcon pause`)
    Pause(pause::PauseArgs),
    /// List a container's published ports (same as `rcon port`)
    Port(port::PortArgs),
    /// Remove every container that does not run
    Prune(container_prune::PruneArgs),
    /// Give a container a new name (same as `rcon rename`)
    Rename(rename::RenameArgs),
    /// Run the command an image's label holds (INSTALL, RUN, …), as Podman's runlabel
    Runlabel(runlabel::RunlabelArgs),
    /// Stop and start containers again (same as `rcon restart`)
    Restart(restart::RestartArgs),
    /// Remove containers (same as `rcon rm`)
    #[command(visible_alias = "remove")]
    Rm(rm::RmArgs),
    /// Start containers (same as `rcon start`)
    Start(start::StartArgs),
    /// Show containers' resource use (same as `rcon stats`)
    Stats(stats::StatsArgs),
    /// Stop running containers (same as `rcon stop`)
    Stop(stop::StopArgs),
    /// Show a container's processes (same as `rcon top`)
    Top(top::TopArgs),
    /// Thaw paused containers (same as `rcon unpause`)
    Unpause(pause::PauseArgs),
    /// Change a container's resource limits (same as `rcon update`)
    Update(Box<update::UpdateArgs>),
    /// Wait for containers to exit (same as `rcon wait`)
    Wait(wait::WaitArgs),
}

impl ContainerVerb {
    /// As [`super::Verb::in_namespace`].
    pub(super) fn in_namespace(&self) -> bool {
        !matches!(self, ContainerVerb::Attach(_) | ContainerVerb::Exec(_))
    }
}

pub fn run(ctx: &Context, verb: ContainerVerb) -> Outcome {
    match verb {
        ContainerVerb::Attach(args) => attach::run(ctx, args),
        ContainerVerb::Commit(args) => commit::run(ctx, args),
        ContainerVerb::Cp(args) => cp::run(ctx, args),
        ContainerVerb::Create(args) => create::run(ctx, *args),
        ContainerVerb::Diff(args) => diff::run(ctx, args),
        ContainerVerb::Exec(args) => exec::run(ctx, args),
        ContainerVerb::Exists(args) => exists::container(ctx, args),
        ContainerVerb::Export(args) => export::run(ctx, args),
        ContainerVerb::Inspect(args) => inspect::run(ctx, args.into()),
        ContainerVerb::Kill(args) => kill::run(ctx, args),
        ContainerVerb::Logs(args) => logs::run(ctx, args),
        ContainerVerb::Ps(args) => ps::run(ctx, args),
        ContainerVerb::Pause(args) => pause::run(ctx, args, true),
        ContainerVerb::Port(args) => port::run(ctx, args),
        ContainerVerb::Prune(args) => container_prune::run(ctx, args),
        ContainerVerb::Rename(args) => rename::run(ctx, args),
        ContainerVerb::Restart(args) => restart::run(ctx, args),
        ContainerVerb::Runlabel(args) => runlabel::run(ctx, args),
        ContainerVerb::Rm(args) => rm::run(ctx, args),
        ContainerVerb::Start(args) => start::run(ctx, args),
        ContainerVerb::Stats(args) => stats::run(ctx, args),
        ContainerVerb::Stop(args) => stop::run(ctx, args),
        ContainerVerb::Top(args) => top::run(ctx, args),
        ContainerVerb::Unpause(args) => pause::run(ctx, args, false),
        ContainerVerb::Update(args) => update::run(ctx, *args),
        ContainerVerb::Wait(args) => wait::run(ctx, args),
    }
}
