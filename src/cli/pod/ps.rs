//! `rcon pod ps` (`ls`, `list`): Podman's columns, filters, sorting and
//! `--format` (its `ListPodReporter` fields).

use clap::{Args, ValueEnum};
use serde_json::json;

use super::super::report::{self, Report};
use super::super::template::{Struct, Value, Wanted};
use super::super::{Outcome, human};
use crate::container::store::{State, Status};
use crate::filter::{Filter, Rejected, Subject};
use crate::pod::{PodEngine, PodView};

#[derive(Debug, Args)]
pub struct PsArgs {
    /// Show the IDs of each pod's containers
    #[arg(long)]
    pub ctr_ids: bool,
    /// Show the names of each pod's containers
    #[arg(long)]
    pub ctr_names: bool,
    /// Show the states of each pod's containers
    #[arg(long)]
    pub ctr_status: bool,
    /// Filter: id=, name=, label=KEY[=VALUE], status=created|running|degraded|exited|stopped, ctr-names=, ctr-ids=, ctr-status=, ctr-number=
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// json, a Go template ('{{.ID}} {{.Name}}') or a table ('table {{.ID}} {{.Status}}')
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Only the most recently created pod
    #[arg(short, long)]
    pub latest: bool,
    /// Do not print the header line
    #[arg(long)]
    pub noheading: bool,
    /// Do not shorten IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Show the pods' cgroup and shared namespaces
    #[arg(long)]
    pub ns: bool,
    /// Print only the IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Sort by: created, id, name, number (of containers), status
    #[arg(long, value_enum, value_name = "FIELD", default_value = "created")]
    pub sort: SortKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    Created,
    Id,
    Name,
    Number,
    Status,
}

/// A container's state as Podman names it in pod listings.
pub fn state_name(state: &State) -> &'static str {
    match state.status {
        Status::Created => "created",
        Status::Running => "running",
        Status::Exited => "exited",
    }
}

/// The keys `--filter` takes besides name and label.
const FILTER_KEYS: &[&str] = &[
    "id",
    "status",
    "ctr-names",
    "ctr-ids",
    "ctr-status",
    "ctr-number",
];

impl Subject for PodView {
    type Term = String;

    fn name(&self) -> &str {
        &self.pod.name
    }

    fn label(&self, key: &str) -> Option<&str> {
        let labels = &self.pod.labels;
        labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn passes(&self, key: &str, term: &String) -> bool {
        let members = || self.members.iter();
        match key {
            "id" => self.pod.id.starts_with(term.as_str()),
            "status" => self.status().eq_ignore_ascii_case(term),
            "ctr-names" => members().any(|(r, _)| r.name == *term),
            "ctr-ids" => members().any(|(r, _)| r.id.starts_with(term.as_str())),
            "ctr-status" => members().any(|(_, s)| state_name(s) == term),
            "ctr-number" => term.parse() == Ok(self.members.len()),
            _ => false,
        }
    }
}

fn default_row(args: &PsArgs) -> String {
    let mut row = "{{.ID}}\t{{.Name}}\t{{.Status}}\t{{.Created}}\t{{.InfraID}}".to_string();
    if args.ctr_ids {
        row.push_str("\t{{.ContainerIds}}");
    }
    if args.ctr_names {
        row.push_str("\t{{.ContainerNames}}");
    }
    if args.ctr_status {
        row.push_str("\t{{.ContainerStatuses}}");
    }
    if args.ns {
        row.push_str("\t{{.Cgroup}}\t{{.Namespaces}}");
    }
    if !(args.ctr_ids || args.ctr_names || args.ctr_status) {
        row.push_str("\t{{.NumberOfContainers}}");
    }
    row
}

pub fn run(engine: &PodEngine, args: PsArgs) -> Outcome {
    let json = args.format.as_deref().is_some_and(report::is_json);
    let report = match args.format.as_deref().filter(|_| !json) {
        Some(format) => Report::user("pod ps", format)?,
        None => Report::podman("pod ps", &default_row(&args)),
    };
    let filter = Filter::parse_with("pod", FILTER_KEYS, &args.filter, |key, value| {
        if key == "status"
            && ![
                "created", "running", "degraded", "exited", "stopped", "paused", "dead",
            ]
            .contains(&value)
        {
            return Err(Rejected::Why(
                "use created, running, degraded, exited, stopped, paused or dead".into(),
            ));
        }
        Ok(value.to_string())
    })?;
    let mut views: Vec<PodView> = engine
        .views()?
        .into_iter()
        .filter(|view| filter.matches(view))
        .collect();
    if args.latest {
        views.truncate(1);
    }
    match args.sort {
        SortKey::Created => {}
        SortKey::Id => views.sort_by(|a, b| a.pod.id.cmp(&b.pod.id)),
        SortKey::Name => views.sort_by(|a, b| a.pod.name.cmp(&b.pod.name)),
        SortKey::Number => views.sort_by_key(|v| v.members.len()),
        SortKey::Status => views.sort_by(|a, b| a.status().cmp(b.status())),
    }
    let short = |id: &str| -> String {
        match args.no_trunc {
            true => id.to_string(),
            false => id.chars().take(12).collect(),
        }
    };
    if args.quiet {
        for view in &views {
            println!("{}", short(&view.pod.id));
        }
        return Ok(0);
    }
    if json {
        let list: Vec<serde_json::Value> = views.iter().map(json_entry).collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(0);
    }
    let wanted = report.fields_read();
    let rows = Value::list(views.iter().map(|v| row(v, &wanted, &short)).collect());
    let headers = (report.is_table() && !args.noheading).then(|| {
        report.headers(
            &[
                "Created",
                "Labels",
                "Name",
                "Networks",
                "Status",
                "Cgroup",
                "Namespaces",
            ],
            &[
                ("ID", "pod id"),
                ("InfraID", "infra id"),
                ("NumberOfContainers", "# of containers"),
                ("ContainerIds", "ids"),
                ("ContainerNames", "names"),
                ("ContainerStatuses", "status"),
            ],
        )
    });
    print!("{}", report.render(headers, &rows)?);
    Ok(0)
}

/// One pod as `pod ps` templates see it (Podman's `ListPodReporter`).
fn row(view: &PodView, wanted: &Wanted, short: &dyn Fn(&str) -> String) -> Value {
    let joined = |part: &dyn Fn(&(crate::container::ContainerRecord, State)) -> String| {
        view.members.iter().map(part).collect::<Vec<_>>().join(",")
    };
    Struct::new("ListPodReporter")
        .with("ID", short(&view.pod.id))
        .with("Name", view.pod.name.as_str())
        .with("Status", view.status())
        .with_wanted(wanted, "Created", || {
            human::ago(Some(&view.pod.created)).into()
        })
        .with_wanted(wanted, "InfraID", || {
            view.infra()
                .map(|r| short(&r.id))
                .unwrap_or_default()
                .into()
        })
        .with_wanted(wanted, "NumberOfContainers", || {
            (view.members.len() as i64).into()
        })
        .with_wanted(wanted, "ContainerIds", || {
            joined(&|(r, _)| short(&r.id)).into()
        })
        .with_wanted(wanted, "ContainerNames", || {
            joined(&|(r, _)| r.name.clone()).into()
        })
        .with_wanted(wanted, "ContainerStatuses", || {
            joined(&|(_, s)| state_name(s).to_string()).into()
        })
        .with_wanted(wanted, "Labels", || {
            Value::string_map(view.pod.labels.iter().map(|(k, v)| (k, v)))
        })
        .with_wanted(wanted, "Cgroup", || "".into())
        .with_wanted(wanted, "Namespaces", || {
            view.pod
                .shared
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(",")
                .into()
        })
        .with_wanted(wanted, "Networks", || {
            let networks: Vec<String> = view
                .infra()
                .map(|r| r.config.network_names())
                .unwrap_or_default();
            Value::strings(&networks)
        })
        .into()
}

/// One pod as `--format json` prints it (Podman's `ListPodsReport`).
fn json_entry(view: &PodView) -> serde_json::Value {
    json!({
        "Cgroup": "",
        "Containers": view.members.iter().map(|(record, state)| json!({
            "Id": record.id,
            "Names": record.name,
            "Status": state_name(state),
        })).collect::<Vec<_>>(),
        "Created": view.pod.created,
        "Id": view.pod.id,
        "InfraId": view.infra().map(|r| r.id.clone()).unwrap_or_default(),
        "Name": view.pod.name,
        "Namespace": "",
        "Networks": view.infra().map(|r| r.config.network_names()).unwrap_or_default(),
        "Status": view.status(),
        "Labels": view.pod.labels.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
    })
}
