use clap::Args;

use crate::cli::{Context, EXIT_ENGINE, Failure, Outcome, human};
use crate::image::{self, history};
use crate::storage::store::Store;

/// Podman shortens CREATED BY to this many characters.
const CREATED_BY_WIDTH: usize = 45;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The image, by name or ID prefix
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Show full IDs and commands
    #[arg(long)]
    pub no_trunc: bool,
    /// Print only the IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Output format: `table` or `json`
    #[arg(long, default_value = "table", value_name = "FORMAT")]
    pub format: String,
}

pub fn run(ctx: &Context, args: HistoryArgs) -> Outcome {
    if !matches!(args.format.as_str(), "table" | "json") {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!("unknown --format {:?}: use table or json", args.format),
        ));
    }
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let record = image::lookup(&store, &args.image)?;
    let steps = history::history(&store, &record)?;
    if args.format == "json" {
        println!("{}", serde_json::to_string_pretty(&steps)?);
        return Ok(0);
    }
    let id = |step: &history::Step| {
        if args.no_trunc || step.id.starts_with('<') {
            step.id.clone()
        } else {
            step.id[..12].to_string()
        }
    };
    if args.quiet {
        for step in &steps {
            println!("{}", id(step));
        }
        return Ok(0);
    }
    let mut rows = vec![
        ["ID", "CREATED", "CREATED BY", "SIZE", "COMMENT"]
            .map(String::from)
            .to_vec(),
    ];
    for step in &steps {
        let created_by = if args.no_trunc || step.created_by.chars().count() <= CREATED_BY_WIDTH {
            step.created_by.clone()
        } else {
            let cut: String = step.created_by.chars().take(CREATED_BY_WIDTH - 3).collect();
            format!("{cut}...")
        };
        rows.push(vec![
            id(step),
            human::ago(step.created.as_deref()),
            created_by,
            human::size(step.size),
            step.comment.clone(),
        ]);
    }
    print!("{}", human::table(&rows));
    Ok(0)
}
