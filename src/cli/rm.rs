use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::filter::ContainerFilter;
use crate::container::lifecycle::{DEFAULT_STOP_TIMEOUT, Lifecycle};
use crate::container::store::{self, ContainerRecord, Status};
use crate::network::Mode;
use crate::pod::PodEngine;
use crate::storage::store::Store;
use crate::util::exit::ExitCode;

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Remove running containers too (stopped first); a container that does not exist is no error
    #[arg(short, long)]
    pub force: bool,
    /// Remove every container
    #[arg(short, long)]
    pub all: bool,
    /// A container that does not exist is no error
    #[arg(short, long)]
    pub ignore: bool,
    /// Also remove the containers that depend on these (that use their network)
    #[arg(long)]
    pub depend: bool,
    /// Also remove the containers' anonymous volumes
    #[arg(short, long)]
    pub volumes: bool,
    /// Seconds to wait for a running container to stop before SIGKILL (with -f)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,
    /// Remove the most recently created container
    #[arg(short, long)]
    pub latest: bool,
    /// Remove the containers whose IDs these files hold (as written by --cidfile)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Remove the containers that match: KEY=VALUE as for `ps --filter`
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest", "cidfile", "filter"])]
    pub containers: Vec<String>,
}

/// Podman's exit codes for container verbs: 1 when a container does not
/// exist, 2 when it is in the wrong state (running), else 125.
pub fn exit_code(e: &crate::container::Error) -> i32 {
    use crate::container::Error;
    match e {
        Error::Store(store::Error::NoSuchContainer(_)) => 1,
        Error::Running(_) | Error::NotRunning(_) => 2,
        other => other.exit_code(),
    }
}

/// The containers to act on, each with the text to print for it once done:
/// the name as given, or the ID when chosen by --all, --latest or --filter
/// (with names and a filter: those of the named that pass it). A name that
/// names no container is an error, or skipped when `ignore_missing`.
pub fn targets(
    lifecycle: &Lifecycle,
    names: &[String],
    all: bool,
    latest: bool,
    filters: &[String],
    ignore_missing: bool,
) -> Result<Vec<(String, ContainerRecord)>, crate::container::Error> {
    if all || latest || !filters.is_empty() {
        let filter = ContainerFilter::parse(filters, lifecycle)?;
        let mut chosen: Vec<(String, ContainerRecord)> = Vec::new();
        for (record, state) in lifecycle.list()? {
            let named =
                names.is_empty() || names.iter().any(|n| *n == record.name || *n == record.id);
            if named && filter.matches(&record, &state) {
                chosen.push((record.id.clone(), record));
            }
        }
        if latest && !all {
            chosen.truncate(1);
        }
        return Ok(chosen);
    }
    let mut found = Vec::new();
    for name in names {
        match lifecycle.find(name) {
            Ok(record) => found.push((name.clone(), record)),
            Err(crate::container::Error::Store(store::Error::NoSuchContainer(_)))
                if ignore_missing => {}
            Err(e) => return Err(e),
        }
    }
    Ok(found)
}

/// `names` and the container IDs in `cidfiles` (the first line of each).
pub fn with_cidfiles(names: &[String], cidfiles: &[PathBuf]) -> Result<Vec<String>, Failure> {
    let mut names = names.to_vec();
    for file in cidfiles {
        let text = std::fs::read_to_string(file).map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!("reading CIDFile {}: {e}", file.display()),
            )
        })?;
        names.push(text.lines().next().unwrap_or_default().to_string());
    }
    Ok(names)
}

pub fn run(ctx: &Context, args: RmArgs) -> Outcome {
    if args.time.is_some() && !args.force {
        return Err(Failure::new(
            EXIT_ENGINE,
            "--force option must be specified to use the --time option",
        ));
    }
    let names = with_cidfiles(&args.containers, &args.cidfile)?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let targets = targets(
        &lifecycle,
        &names,
        args.all,
        args.latest,
        &args.filter,
        args.ignore || args.force,
    )
    .map_err(|e| Failure::new(exit_code(&e), e))?;
    let timeout = args.time.map_or(DEFAULT_STOP_TIMEOUT, Duration::from_secs);
    let depend = args.depend || args.all;
    let pods = PodEngine::open(&store, &ctx.paths.runroot)?;
    let mut errors: Vec<Failure> = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    for (given, record) in &targets {
        if removed.contains(&record.id) {
            continue;
        }
        let dependents = dependents(&lifecycle, record)?;
        let pending: Vec<&ContainerRecord> = dependents
            .iter()
            .filter(|d| !removed.contains(&d.id) && !targets.iter().any(|(_, t)| t.id == d.id))
            .collect();
        // A pod's infra container goes with its pod: with --depend (or
        // --all), its members first and the pod after it.
        let pod = pods.pod_of_infra(record);
        if let (Some(pod), false) = (&pod, depend) {
            errors.push(Failure::new(
                EXIT_ENGINE,
                format!(
                    "container {} is the infra container of pod {} and cannot be removed without removing the pod",
                    record.id, pod.id
                ),
            ));
            continue;
        }
        if !pending.is_empty() && !depend {
            let ids: Vec<&str> = pending.iter().map(|d| d.id.as_str()).collect();
            errors.push(Failure::new(
                EXIT_ENGINE,
                format!(
                    "container {} has dependent containers which must be removed before it: {}: container already exists",
                    record.id,
                    ids.join(",")
                ),
            ));
            continue;
        }
        // Dependents go first (those also named come in their turn).
        for dependent in pending {
            match remove(&lifecycle, dependent, args.force, timeout, args.volumes) {
                Ok(()) => {
                    removed.push(dependent.id.clone());
                    println!("{}", dependent.id);
                }
                Err(e) => errors.push(e),
            }
        }
        match remove(&lifecycle, record, args.force, timeout, args.volumes) {
            Ok(()) => {
                removed.push(record.id.clone());
                println!("{given}");
            }
            Err(e) => errors.push(e),
        }
        if let Some(pod) = pod {
            match pods.remove(&pod, args.force, Some(timeout)) {
                Ok(()) | Err(crate::pod::Error::NoSuchPod(_)) => {}
                Err(e) => errors.push(e.into()),
            }
        }
    }
    super::report_failures(errors)
}

fn remove(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    force: bool,
    timeout: Duration,
    volumes: bool,
) -> Result<(), Failure> {
    if !force && lifecycle.state(&record.id)?.status == Status::Running {
        return Err(Failure::new(
            2,
            format!(
                "cannot remove container {} as it is running - running or paused containers cannot be removed without force: container state improper",
                record.id
            ),
        ));
    }
    match lifecycle.remove(record, force, timeout, volumes) {
        // A --rm container stopped here is removed by its monitor meanwhile.
        Err(crate::container::Error::Store(store::Error::NoSuchContainer(_)))
            if record.config.remove =>
        {
            Ok(())
        }
        result => result.map_err(|e| Failure::new(exit_code(&e), e)),
    }
}

/// The containers that need `record`: use its network namespace
/// (`--network container:…`), require it (`--requires`, a pod's members
/// their infra container).
fn dependents(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
) -> Result<Vec<ContainerRecord>, Failure> {
    let list = lifecycle.containers().list()?;
    Ok(list
        .into_iter()
        .filter(|other| {
            other.id != record.id
                && (other.config.requires.contains(&record.id)
                    || matches!(&other.config.network, Mode::Container(named)
                    if *named == record.name || (!named.is_empty() && record.id.starts_with(named.as_str()))))
        })
        .collect())
}
