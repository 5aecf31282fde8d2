use clap::{Args, ValueEnum};
use serde_json::json;

use super::{Context, Outcome};
use crate::container::files;
use crate::container::lifecycle::Lifecycle;
use crate::storage::changes::Kind;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Print as JSON ({"changed": [...], "added": [...], "deleted": [...]})
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<DiffFormat>,
    /// The most recently created container
    #[arg(short, long, conflicts_with = "container")]
    pub latest: bool,
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present = "latest")]
    pub container: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    Json,
}

pub fn run(ctx: &Context, args: DiffArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let record = match &args.container {
        Some(name) => lifecycle.find(name)?,
        None => super::rm::targets(&lifecycle, &[], false, true, &[], false)?
            .into_iter()
            .next()
            .map(|(_, record)| record)
            .ok_or_else(|| super::Failure::new(super::EXIT_ENGINE, "no containers to diff"))?,
    };
    let (_, changes) = files::diff(&lifecycle, &record)?;
    match args.format {
        None => {
            for (path, kind) in &changes.list {
                println!("{} {}", kind.letter(), path.display());
            }
        }
        Some(DiffFormat::Json) => {
            let of = |wanted: Kind| -> Vec<String> {
                changes
                    .list
                    .iter()
                    .filter(|(_, kind)| *kind == wanted)
                    .map(|(path, _)| path.display().to_string())
                    .collect()
            };
            let doc = json!({
                "changed": of(Kind::Changed),
                "added": of(Kind::Added),
                "deleted": of(Kind::Deleted),
            });
            println!("{}", serde_json::to_string_pretty(&doc).expect("JSON"));
        }
    }
    Ok(0)
}
