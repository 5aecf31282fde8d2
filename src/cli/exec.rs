use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome};
use crate::container::exec::{ExecRequest, exec};
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct ExecArgs {
    /// Keep stdin open (without it the command reads /dev/null)
    #[arg(short, long)]
    pub interactive: bool,
    /// Give the command a terminal (a pty from the container's devpts)
    #[arg(short, long)]
    pub tty: bool,
    /// Run the command in the background: return once it runs (its output goes to /dev/null)
    #[arg(short, long)]
    pub detach: bool,
    /// Set an environment variable: KEY=VALUE, KEY to pass rcon's own value, or PREFIX* for several
    #[arg(short, long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// Read environment variables from a file (KEY=VALUE lines, # comments)
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Run as this user: user[:group] or uid[:gid], resolved in the container [default: the container's]
    #[arg(short, long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Working directory inside the container (must exist) [default: the container's]
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Give the command every capability (the container's seccomp filter stays)
    #[arg(long)]
    pub privileged: bool,
    /// Pass N more descriptors (3 to 3+N-1, which must be open) into the command
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// The command and its arguments
    #[arg(
        value_name = "COMMAND",
        required = true,
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub command: Vec<String>,
}

pub fn run(ctx: &Context, args: ExecArgs) -> Outcome {
    // No join of rcon's namespace: exec joins the container's own, user
    // namespace included, straight from the host.
    crate::process::check_inherited_fds(args.preserve_fds)
        .map_err(|e| super::Failure::new(super::EXIT_ENGINE, e))?;
    ctx.paths.ensure_runroot()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = lifecycle.find(&args.container)?;
    let request = ExecRequest {
        command: args.command,
        interactive: args.interactive,
        tty: args.tty,
        detach: args.detach,
        env: args.env,
        env_files: args.env_file,
        user: args.user,
        workdir: args.workdir,
        privileged: args.privileged,
        preserve_fds: args.preserve_fds,
    };
    Ok(exec(&lifecycle, &record, &request, ctx.single)?)
}
