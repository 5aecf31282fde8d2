use clap::Args;

use crate::cli::report::{self, Report};
use crate::cli::template::{Struct, Value};
use crate::cli::{Context, Outcome, human};
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
    /// Sizes and times in words ("3 days ago"); false: times in RFC 3339
    #[arg(short = 'H', long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub human: bool,
    /// json, a Go template ('{{.ID}} {{.CreatedBy}}') or a table ('table {{.ID}} {{.Size}}')
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
}

pub fn run(ctx: &Context, args: HistoryArgs) -> Outcome {
    let json = args.format.as_deref().is_some_and(report::is_json);
    let report = match args.format.as_deref() {
        _ if args.quiet => Report::user("history", "{{range .}}{{.ID}}\n{{end -}}")?,
        Some(format) if !json => Report::user("history", format)?,
        _ => Report::podman(
            "history",
            "{{.ID}}\t{{.Created}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}",
        ),
    };
    let store = Store::open(&ctx.paths.root)?;
    let record = image::lookup(&store, &args.image)?;
    let steps = history::history(&store, &record)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&steps)?);
        return Ok(0);
    }
    let rows = Value::list(steps.iter().map(|step| row(step, &args)).collect());
    let headers = report.is_table().then(|| {
        report.headers(
            &["ID", "Created", "Size", "Comment", "Tags"],
            &[("CreatedBy", "CREATED BY")],
        )
    });
    print!("{}", report.render(headers, &rows)?);
    Ok(0)
}

/// One step as history templates see it: Podman's layer fields and its
/// historyReporter's methods (`.ID` shortened, `.Created` in words, `.Size` in units).
fn row(step: &history::Step, args: &HistoryArgs) -> Value {
    let id = if args.no_trunc || step.id.len() < 12 {
        step.id.clone()
    } else {
        step.id[..12].to_string()
    };
    let created_by = if args.no_trunc || step.created_by.len() <= CREATED_BY_WIDTH {
        step.created_by.clone()
    } else {
        let mut cut = CREATED_BY_WIDTH - 3;
        while !step.created_by.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}...", &step.created_by[..cut])
    };
    let time = Value::time(step.created.as_deref());
    let created = match &time {
        Value::Time(t) if !args.human => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        _ => human::ago(step.created.as_deref()),
    };
    let created_at = match &time {
        Value::Time(t) => Value::Time(
            chrono::DateTime::from_timestamp(t.timestamp(), 0)
                .unwrap_or_default()
                .fixed_offset(),
        )
        .to_string(),
        _ => String::new(),
    };
    Struct::new("images.historyReporter")
        .with("ID", id)
        .with("Created", created.as_str())
        .with("CreatedAt", created_at)
        .with("CreatedSince", created)
        .with("CreatedBy", created_by)
        .with("Size", human::size(step.size))
        .with("Comment", step.comment.as_str())
        .with("Tags", Value::strings(&step.tags))
        .into()
}
