use clap::Args;

use super::template::GoTemplate;
use super::{Context, Outcome};
use crate::container::inspect::inspect;
use crate::container::lifecycle::Lifecycle;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// A Go template applied to each container ('{{.State.Pid}}', '{{json .Config}}'), or json
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: InspectArgs) -> Outcome {
    // First, while single-threaded: gtmpl's lexer runs on a thread of its
    // own, and a process with threads (even one just ending) cannot join
    // a user namespace.
    ctx.enter_namespace()?;
    let template = match args.format.as_deref() {
        None | Some("json") => None,
        Some(text) => Some(GoTemplate::parse(text)?),
    };
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let mut shown = Vec::new();
    for name in &args.containers {
        let record = lifecycle.find(name)?;
        let state = lifecycle.state(&record.id)?;
        shown.push(inspect(
            &record,
            &state,
            &lifecycle.containers().dir(&record.id),
        ));
    }
    match template {
        Some(template) => {
            let mut out = String::new();
            for value in &shown {
                out.push_str(&template.render(value)?);
            }
            print!("{out}");
        }
        None => println!("{}", serde_json::to_string_pretty(&shown)?),
    }
    Ok(0)
}
