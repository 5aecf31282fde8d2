//! `rcon pod …`: the pod verbs, each a few lines over the pod engine
//! (`crate::pod`); `create`, `ps` and `inspect`, which have many flags or
//! Podman's output shapes, have files of their own.

pub mod create;
mod inspect;
mod ps;

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Subcommand};

use super::{Context, EXIT_ENGINE, Failure, Outcome, human};
use crate::container::lifecycle::parse_kill_signal;
use crate::container::store::Status;
use crate::pod::{self, PodEngine, PodRecord};
use crate::storage::store::Store;

#[derive(Debug, Subcommand)]
pub enum PodVerb {
    /// Create a pod: an infra container holding the namespaces its containers share
    Create(Box<create::CreateArgs>),
    /// Exit 0 if the pod exists, 1 if not
    Exists(ExistsArgs),
    /// Show a pod's configuration and containers as JSON (or through --format)
    Inspect(inspect::InspectArgs),
    /// Send a signal to every running container of pods (default KILL)
    Kill(KillArgs),
    /// Show the output of a pod's containers
    Logs(LogsArgs),
    /// List pods
    #[command(name = "ps", visible_aliases = ["ls", "list"])]
    Ps(ps::PsArgs),
    /// Freeze the processes of pods' containers (where the host allows it rootless)
    Pause(SelectArgs),
    /// Remove every pod none of whose containers runs
    Prune(PruneArgs),
    /// Stop and start pods again
    Restart(SelectArgs),
    /// Remove pods and their containers
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Start pods: the infra container first, then each container after what it requires
    Start(SelectArgs),
    /// Stop pods: their containers together, the infra container last
    Stop(StopFlags),
    /// Show the processes of a pod's containers
    Top(TopArgs),
    /// Thaw paused pods
    Unpause(SelectArgs),
}

/// The pods a verb acts on.
#[derive(Debug, Args)]
pub struct SelectArgs {
    /// Every pod
    #[arg(short, long)]
    pub all: bool,
    /// The most recently created pod
    #[arg(short, long)]
    pub latest: bool,
    /// Pods whose IDs these files hold (written by `pod create --pod-id-file`)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,
    /// The pods, by name or ID
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExistsArgs {
    #[arg(value_name = "POD")]
    pub pod: String,
}

#[derive(Debug, Args)]
pub struct KillArgs {
    #[command(flatten)]
    pub signal: super::kill::SignalArg,
    #[command(flatten)]
    pub select: SelectArgs,
}

/// How `pod stop` and `pod rm` treat their pods.
#[derive(Debug, Args)]
pub struct StopFlags {
    /// Seconds to wait for the containers to stop before SIGKILL [default: each one's stop timeout]
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,
    /// Succeed for pods that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    #[command(flatten)]
    pub select: SelectArgs,
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Stop running containers first
    #[arg(short, long)]
    pub force: bool,
    #[command(flatten)]
    pub stop: StopFlags,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TopArgs {
    /// The running pod, by name or ID
    #[arg(value_name = "POD")]
    pub pod: String,
    /// Columns, Podman's descriptors (as for `rcon top`)
    #[arg(value_name = "DESCRIPTOR")]
    pub descriptors: Vec<String>,
}

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Only this container of the pod (name or ID)
    #[arg(short, long, value_name = "CONTAINER")]
    pub container: Option<String>,
    #[command(flatten)]
    pub flags: super::logs::LogFlags,
    #[arg(value_name = "POD")]
    pub pod: String,
}

/// `--pod-id-file`: the ID it holds.
pub fn read_pod_id_file(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map(|id| id.trim().to_string())
        .map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!("reading pod ID file {}: {e}", path.display()),
            )
        })
}

pub fn run(ctx: &Context, verb: PodVerb) -> Outcome {
    if let PodVerb::Create(args) = verb {
        return create::run(ctx, *args);
    }
    let store = Store::open(&ctx.paths.root)?;
    let engine = PodEngine::open(&store, &ctx.paths.runroot)?;
    match verb {
        PodVerb::Create(_) => unreachable!("handled above"),
        PodVerb::Exists(args) => Ok(match engine.find(&args.pod) {
            Ok(_) => 0,
            Err(pod::Error::NoSuchPod(_)) => 1,
            Err(e) => return Err(e.into()),
        }),
        PodVerb::Inspect(args) => inspect::run(&engine, args),
        PodVerb::Kill(args) => {
            // Checked before any pod is looked up, as Podman.
            let signal = parse_kill_signal(&args.signal.signal)?;
            each_pod(&engine, &args.select, Missing::Fail, |pod| {
                engine.kill(pod, signal)
            })
        }
        PodVerb::Logs(args) => logs(&engine, args),
        PodVerb::Ps(args) => ps::run(&engine, args),
        PodVerb::Pause(args) => each_pod(&engine, &args, Missing::Fail, |pod| {
            engine.set_frozen(pod, true)
        }),
        PodVerb::Unpause(args) => each_pod(&engine, &args, Missing::Fail, |pod| {
            engine.set_frozen(pod, false)
        }),
        PodVerb::Prune(args) => prune(&engine, args),
        PodVerb::Restart(args) => each_pod(&engine, &args, Missing::Fail, |pod| {
            engine.restart(pod, ctx.single)
        }),
        PodVerb::Rm(args) => {
            let timeout = args.stop.time.map(Duration::from_secs);
            // As Podman: -f also passes over pods that are not there.
            let missing = match args.stop.ignore || args.force {
                true => Missing::Ignore,
                false => Missing::FailWithOne,
            };
            each_pod(&engine, &args.stop.select, missing, |pod| {
                engine.remove(pod, args.force, timeout)
            })
        }
        PodVerb::Start(args) => each_pod(&engine, &args, Missing::Fail, |pod| {
            engine.start(pod, ctx.single)
        }),
        PodVerb::Stop(args) => {
            let timeout = args.time.map(Duration::from_secs);
            let missing = match args.ignore {
                true => Missing::Ignore,
                false => Missing::Fail,
            };
            each_pod(&engine, &args.select, missing, |pod| {
                engine.stop(pod, timeout)
            })
        }
        PodVerb::Top(args) => top(&engine, args),
    }
}

/// What a verb does about a pod that is not there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Missing {
    /// An error (the engine's exit code).
    Fail,
    /// An error with exit code 1 (`pod rm`, as Podman).
    FailWithOne,
    /// Passed over (`--ignore`, `rm -f`).
    Ignore,
}

/// Runs `action` on each pod selected, printing its ID once done, as
/// Podman; the failures are reported at the end.
fn each_pod(
    engine: &PodEngine,
    select: &SelectArgs,
    missing: Missing,
    action: impl Fn(&PodRecord) -> Result<(), pod::Error>,
) -> Outcome {
    let ignore = missing == Missing::Ignore;
    let mut names = select.pods.clone();
    for file in &select.pod_id_file {
        match read_pod_id_file(file) {
            Ok(id) => names.push(id),
            Err(_) if ignore => {}
            Err(e) => return Err(e),
        }
    }
    let chosen: Vec<Result<PodRecord, pod::Error>> = if select.all {
        engine.pods.list()?.into_iter().map(Ok).collect()
    } else if select.latest {
        engine.pods.list()?.into_iter().take(1).map(Ok).collect()
    } else if names.is_empty() {
        return Err(Failure::new(
            EXIT_ENGINE,
            "no pod given: name one or more, or use --all or --latest",
        ));
    } else {
        names.iter().map(|name| engine.find(name)).collect()
    };
    let mut failures = Vec::new();
    for pod in chosen {
        let outcome = pod.and_then(|pod| action(&pod).map(|()| pod.id));
        match outcome {
            Ok(id) => println!("{id}"),
            Err(pod::Error::NoSuchPod(_)) if ignore => {}
            Err(e @ pod::Error::NoSuchPod(_)) if missing == Missing::FailWithOne => {
                failures.push(Failure::new(1, e));
            }
            Err(e) => failures.push(Failure::from(e)),
        }
    }
    super::report_failures(failures)
}

fn prune(engine: &PodEngine, args: PruneArgs) -> Outcome {
    if !args.force
        && !super::confirm(
            "WARNING! This will remove all stopped/exited pods..\nAre you sure you want to continue? [y/N] ",
        )?
    {
        return Ok(0);
    }
    for view in engine.views()? {
        if view
            .members
            .iter()
            .any(|(_, s)| s.status == Status::Running)
        {
            continue;
        }
        match engine.remove(&view.pod, false, None) {
            Ok(()) => println!("{}", view.pod.id),
            Err(pod::Error::NoSuchPod(_) | pod::Error::Running(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(0)
}

/// The processes of every running container of the pod, one table.
fn top(engine: &PodEngine, args: TopArgs) -> Outcome {
    let view = engine.view(engine.find(&args.pod)?)?;
    let mut table: Vec<Vec<String>> = Vec::new();
    for (record, state) in &view.members {
        if state.status != Status::Running {
            continue;
        }
        let rows = crate::container::top::top(&engine.lifecycle, record, &args.descriptors)?;
        let skip = usize::from(!table.is_empty());
        table.extend(rows.into_iter().skip(skip));
    }
    if table.is_empty() {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!("pod {} is not running", view.pod.name),
        ));
    }
    print!("{}", human::table(&table));
    Ok(0)
}

/// The logs of the pod's containers (the infra container's aside), one
/// after the other; `-f` follows one container (`-c`).
fn logs(engine: &PodEngine, args: LogsArgs) -> Outcome {
    args.flags.options()?;
    let view = engine.view(engine.find(&args.pod)?)?;
    let chosen: Vec<_> = match &args.container {
        Some(name) => {
            let wanted = engine.lifecycle.find(name)?;
            match view.members.iter().find(|(r, _)| r.id == wanted.id) {
                Some((record, _)) => vec![record.clone()],
                None => {
                    return Err(Failure::new(
                        EXIT_ENGINE,
                        format!("container {name} is not in pod {}", view.pod.name),
                    ));
                }
            }
        }
        None => view.workers().cloned().collect(),
    };
    if args.flags.follow && chosen.len() > 1 {
        return Err(Failure::new(
            EXIT_ENGINE,
            "rcon pod logs -f follows one container: name it with -c",
        ));
    }
    for record in &chosen {
        let one = std::slice::from_ref(record);
        super::logs::print_logs(&engine.lifecycle, one, &args.flags)?;
    }
    Ok(0)
}
