use clap::{Args, ValueEnum};

use super::{Context, Outcome};
use crate::system::info;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InfoFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: InfoFormat,
}

pub fn run(ctx: &Context, args: InfoArgs) -> Outcome {
    let info = info::gather(&ctx.paths, &ctx.user, ctx.storage_driver, || {
        ctx.enter_namespace().map_err(|failure| failure.message)
    });
    match args.format {
        InfoFormat::Json => println!("{}", serde_json::to_string_pretty(&info)?),
        InfoFormat::Text => print!("{}", info::render_text(&info)),
    }
    Ok(0)
}
