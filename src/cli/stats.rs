//! `rcon stats`: containers' resource use, in Podman's table, templates or JSON.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use clap::Args;

use super::report::{self, Report};
use super::template::{Struct, Value};
use super::{Context, Failure, Outcome, human};
use crate::container::lifecycle::Lifecycle;
use crate::container::stats::{Sample, Stats};
use crate::container::store::{ContainerRecord, State, Status};
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Show every container (those not running with zeros), not only running ones
    #[arg(short, long)]
    pub all: bool,
    /// Go template, `table TEMPLATE` or json (fields: ID, Name, CPUPerc, MemUsage, MemPerc, NetIO, BlockIO, PIDS, UpTime, AVGCPU, …)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Seconds between reports
    #[arg(short, long, value_name = "SECONDS", default_value_t = 5)]
    pub interval: u64,
    /// The container created last
    #[arg(short, long)]
    pub latest: bool,
    /// Do not clear the terminal between reports
    #[arg(long)]
    pub no_reset: bool,
    /// One report, then exit
    #[arg(long)]
    pub no_stream: bool,
    /// Show full container IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// The containers, by name or ID [default: the running ones]
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

/// The default table's row, Podman's.
const DEFAULT_ROW: &str = "{{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDS}}\t{{.UpTime}}\t{{.AVGCPU}}";

pub fn run(ctx: &Context, args: StatsArgs) -> Outcome {
    let chosen = [args.all, args.latest, !args.containers.is_empty()];
    if chosen.iter().filter(|c| **c).count() > 1 {
        return Err(Failure::new(
            super::EXIT_ENGINE,
            "--all, --latest and containers cannot be used together",
        ));
    }
    if args.interval == 0 {
        return Err(Failure::new(
            super::EXIT_ENGINE,
            "invalid --interval 0: give a number of seconds above 0",
        ));
    }
    let json = args.format.as_deref().is_some_and(report::is_json);
    let report = match args.format.as_deref() {
        Some(_) if json => None,
        Some(format) => Some(Report::user("stats", format)?),
        None => Some(Report::podman("stats", DEFAULT_ROW)),
    };
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    // The containers named are looked up once: a missing one is an error now.
    let named: Vec<ContainerRecord> = if args.latest {
        let mut all = lifecycle.list()?;
        all.sort_by(|a, b| a.0.created.cmp(&b.0.created));
        all.pop()
            .map(|(record, _)| vec![record])
            .ok_or_else(|| Failure::new(super::EXIT_ENGINE, "no containers to show: none exists"))?
    } else {
        args.containers
            .iter()
            .map(|name| lifecycle.find(name))
            .collect::<Result<_, _>>()?
    };
    let clear = !args.no_reset && !args.no_stream && std::io::stdout().is_terminal();
    let mut previous: HashMap<String, Sample> = HashMap::new();
    loop {
        let targets: Vec<(ContainerRecord, State)> = if named.is_empty() {
            lifecycle
                .list()?
                .into_iter()
                .filter(|(_, state)| args.all || state.status == Status::Running)
                .collect()
        } else {
            named
                .iter()
                .map(|record| Ok((record.clone(), lifecycle.state(&record.id)?)))
                .collect::<Result<_, crate::container::Error>>()?
        };
        let mut stats = Vec::new();
        for (record, state) in &targets {
            let sample = Sample::take(&lifecycle, record)?;
            stats.push(Stats::of(
                record,
                state,
                sample.as_ref(),
                previous.get(&record.id),
            ));
            match sample {
                Some(sample) => previous.insert(record.id.clone(), sample),
                None => previous.remove(&record.id),
            };
        }
        let mut out = String::new();
        if clear {
            out.push_str("\x1b[2J\x1b[1;1H");
        }
        out.push_str(&match &report {
            None => to_json(&stats, args.no_trunc),
            Some(report) => render(report, &stats, args.no_trunc)?,
        });
        let mut stdout = std::io::stdout().lock();
        // A closed stdout (`| head`) ends the stream.
        if stdout
            .write_all(out.as_bytes())
            .and_then(|()| stdout.flush())
            .is_err()
            || args.no_stream
        {
            return Ok(0);
        }
        drop(stdout);
        std::thread::sleep(Duration::from_secs(args.interval));
    }
}

/// Two sizes as Podman pairs them ("51.7MB / 25.28GB").
fn pair(a: u64, b: u64) -> String {
    format!("{} / {}", human::go_size(a, 4), human::go_size(b, 4))
}

/// Podman's percentages: two decimals and a sign.
fn percent(value: f64) -> String {
    format!("{value:.2}%")
}

fn short_id(stats: &Stats, no_trunc: bool) -> &str {
    if no_trunc {
        &stats.id
    } else {
        &stats.id[..12.min(stats.id.len())]
    }
}

fn render(report: &Report, stats: &[Stats], no_trunc: bool) -> Result<String, Failure> {
    let rows = Value::list(
        stats
            .iter()
            .map(|s| {
                Struct::new("ContainerStats")
                    .with("ID", short_id(s, no_trunc))
                    .with("ContainerID", &s.id)
                    .with("Name", &s.name)
                    .with("CPU", s.cpu)
                    .with("CPUPerc", percent(s.cpu))
                    .with("AvgCPU", s.avg_cpu)
                    .with("AVGCPU", percent(s.avg_cpu))
                    .with("CPUNano", s.cpu_ns)
                    .with("CPUSystemNano", s.cpu_system_ns)
                    .with("SystemNano", s.system_ns)
                    .with("Duration", s.cpu_ns)
                    .with("UpTime", human::go_duration(s.up_time()))
                    .with("Up", human::go_duration(s.up_time()))
                    .with("MemUsage", pair(s.mem_usage, s.mem_limit))
                    .with(
                        "MemUsageBytes",
                        format!(
                            "{} / {}",
                            human::go_bytes_size(s.mem_usage),
                            human::go_bytes_size(s.mem_limit)
                        ),
                    )
                    .with("MemLimit", s.mem_limit)
                    .with("MemPerc", percent(s.mem_perc))
                    .with("NetIO", pair(s.net_input, s.net_output))
                    .with("NetInput", s.net_input)
                    .with("NetOutput", s.net_output)
                    .with("BlockIO", pair(s.block_input, s.block_output))
                    .with("BlockInput", s.block_input)
                    .with("BlockOutput", s.block_output)
                    .with("PIDS", s.pids.to_string())
                    .with("PIDs", s.pids)
                    .into()
            })
            .collect(),
    );
    let headers = report.is_table().then(|| {
        report.headers(
            &[
                "ContainerID",
                "Name",
                "CPU",
                "AvgCPU",
                "CPUNano",
                "CPUSystemNano",
                "SystemNano",
                "Duration",
                "Up",
                "MemLimit",
                "NetInput",
                "NetOutput",
                "BlockInput",
                "BlockOutput",
                "PIDs",
            ],
            &[
                ("ID", "ID"),
                ("UpTime", "CPU TIME"),
                ("CPUPerc", "CPU %"),
                ("AVGCPU", "Avg CPU %"),
                ("MemUsage", "MEM USAGE / LIMIT"),
                ("MemUsageBytes", "MEM USAGE / LIMIT"),
                ("MemPerc", "MEM %"),
                ("NetIO", "NET IO"),
                ("BlockIO", "BLOCK IO"),
                ("PIDS", "PIDS"),
            ],
        )
    });
    report.render(headers, &rows)
}

/// `--format json`: Podman's list, its keys in its order, one-space indentation.
fn to_json(stats: &[Stats], no_trunc: bool) -> String {
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        id: &'a str,
        name: &'a str,
        cpu_time: String,
        cpu_percent: String,
        avg_cpu: String,
        mem_usage: String,
        mem_percent: String,
        net_io: String,
        block_io: String,
        pids: String,
    }
    let list: Vec<Entry> = stats
        .iter()
        .map(|s| Entry {
            id: short_id(s, no_trunc),
            name: &s.name,
            cpu_time: human::go_duration(s.up_time()),
            cpu_percent: percent(s.cpu),
            avg_cpu: percent(s.avg_cpu),
            mem_usage: pair(s.mem_usage, s.mem_limit),
            mem_percent: percent(s.mem_perc),
            net_io: pair(s.net_input, s.net_output),
            block_io: pair(s.block_input, s.block_output),
            pids: s.pids.to_string(),
        })
        .collect();
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(&list, &mut serializer).expect("JSON values serialise");
    out.push(b'\n');
    String::from_utf8(out).expect("JSON is UTF-8")
}
