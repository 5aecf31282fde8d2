//! `rcon container prune`: remove every container that does not run.

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::ContainerRecord;
use crate::container::lifecycle::Lifecycle;
use crate::filter::LabelTerm;
use crate::storage::store::Store;
use crate::util::time::parse_time;

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only containers matching: label=KEY[=VALUE], label!=KEY[=VALUE],
    /// until=TIME (created before it: RFC 3339, a date, Unix seconds, or a duration such as 24h); may be repeated
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

pub fn run(ctx: &Context, args: PruneArgs) -> Outcome {
    let filters = args
        .filter
        .iter()
        .map(|term| Filter::parse(term))
        .collect::<Result<Vec<_>, _>>()?;
    if !args.force
        && !super::confirm(
            "WARNING! This will remove all non running containers.\nAre you sure you want to continue? [y/N] ",
        )?
    {
        return Ok(0);
    }
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let removed = lifecycle.prune(|record| filters.iter().all(|f| f.matches(record)))?;
    for id in removed {
        println!("{id}");
    }
    Ok(0)
}

enum Filter {
    /// `label=` (`true`) or `label!=` (`false`).
    Label(bool, LabelTerm),
    /// Created before this time.
    Until(chrono::DateTime<chrono::Utc>),
}

impl Filter {
    fn parse(term: &str) -> Result<Filter, Failure> {
        let bad = |why: &str| Failure::new(EXIT_ENGINE, format!("invalid filter {term:?}: {why}"));
        let label = |want: bool, value: &str| {
            LabelTerm::parse(value)
                .map(|term| Filter::Label(want, term))
                .ok_or_else(|| bad("label takes KEY or KEY=VALUE"))
        };
        if let Some(value) = term.strip_prefix("label!=") {
            return label(false, value);
        }
        match term.split_once('=') {
            Some(("label", value)) => label(true, value),
            Some(("until", value)) => parse_time(value).map(Filter::Until).ok_or_else(|| {
                bad("until takes RFC 3339, a date, Unix seconds or a duration such as 24h")
            }),
            _ => Err(bad("known filters are label=, label!= and until=")),
        }
    }

    fn matches(&self, record: &ContainerRecord) -> bool {
        match self {
            Filter::Label(want, term) => term.passes(record.config.label(&term.key)) == *want,
            Filter::Until(time) => chrono::DateTime::parse_from_rfc3339(&record.created)
                .is_ok_and(|created| created < *time),
        }
    }
}
