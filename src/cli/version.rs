use clap::{Args, ValueEnum};

use super::Outcome;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum VersionFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: VersionFormat,
}

pub fn run(args: VersionArgs) -> Outcome {
    let version = env!("CARGO_PKG_VERSION");
    match args.format {
        VersionFormat::Json => println!(
            "{}",
            serde_json::json!({ "Version": version, "OsArch": format!("linux/{}", std::env::consts::ARCH) })
        ),
        VersionFormat::Text => println!(
            "Version:      {version}\nOS/Arch:      linux/{}",
            std::env::consts::ARCH
        ),
    }
    Ok(0)
}
