use clap::Args;

use super::{Context, Outcome, login::AuthFileArg};
use crate::image::login;

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// The registry (or repository) to forget the credentials of
    #[arg(value_name = "REGISTRY", required_unless_present = "all")]
    pub registry: Option<String>,
    /// Forget every saved credential
    #[arg(short, long, conflicts_with = "registry")]
    pub all: bool,
    #[command(flatten)]
    pub authfile: AuthFileArg,
}

pub fn run(_ctx: &Context, args: LogoutArgs) -> Outcome {
    let files = args.authfile.files();
    match args.registry {
        Some(registry) => {
            login::logout(&files, &registry)?;
            println!("Removed login credentials for {registry}");
        }
        None => {
            files.remove_all()?;
            println!("Removed login credentials for all registries");
        }
    }
    Ok(0)
}
