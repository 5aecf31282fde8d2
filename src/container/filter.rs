//! Podman's `--filter KEY=VALUE` for containers (`ps`, `start`, `stop`,
//! `kill`, `rm`, …), read and judged by the one filter engine
//! ([`crate::filter`]): a container must pass every key given, and one of the
//! values given for a key — except `label`, where every value must match.

use std::path::PathBuf;

use regex::Regex;

use super::Error;
use super::health::{HealthState, HealthStatus};
use super::lifecycle::Lifecycle;
use super::restart::RestartPolicy;
use super::store::{ContainerRecord, State, Status};
use crate::filter::{self, Filter, LabelTerm, Rejected, Subject};
use crate::util::time::parse_time;

/// The keys containers take besides `name` and `label`.
const KEYS: &[&str] = &[
    "id",
    "exited",
    "status",
    "ancestor",
    "before",
    "since",
    "after",
    "volume",
    "network",
    "restart-policy",
    "pod",
    "health",
];

/// One term of a container key, read.
#[derive(Debug)]
pub enum Term {
    Id(Regex),
    Exited(i32),
    Status(Status),
    /// `status=paused`.
    Paused,
    Ancestor(String),
    /// Created before this time (`before=`), after it (`since=`/`after=`).
    CreatedBefore(String),
    CreatedAfter(String),
    /// A mount's source or volume name, and its destination if given.
    Volume {
        source: String,
        destination: Option<String>,
    },
    Network(String),
    RestartPolicy(String),
    /// `health=`: a status (`None`: no check at all), read from the
    /// health state under the runroot.
    Health {
        status: Option<HealthStatus>,
        runroot: PathBuf,
    },
    /// `pod=` (rcon has no pods) and states rcon's containers are never
    /// in: no container passes.
    Never,
}

/// The parsed terms.
#[derive(Debug, Default)]
pub struct ContainerFilter(Filter<Term>);

/// A container as the filter sees it.
struct Candidate<'a> {
    record: &'a ContainerRecord,
    state: &'a State,
}

impl ContainerFilter {
    /// Reads `KEY=VALUE` terms; `before`/`since` name containers, looked up in `lifecycle`.
    pub fn parse(terms: &[String], lifecycle: &Lifecycle) -> Result<ContainerFilter, Error> {
        // As Podman, the earliest of the containers named: by then, every
        // `before=` term (and every `since=`/`after=` one) is the same.
        let earliest = |keys: &[&str]| -> Result<Option<String>, Error> {
            let mut earliest: Option<String> = None;
            for term in terms {
                match term.split_once('=') {
                    Some((key, name)) if keys.contains(&key) => {
                        let created = lifecycle.find(name)?.created;
                        if earliest.as_ref().is_none_or(|e| created < *e) {
                            earliest = Some(created);
                        }
                    }
                    _ => {}
                }
            }
            Ok(earliest)
        };
        let before = earliest(&["before"])?.unwrap_or_default();
        let since = earliest(&["since", "after"])?.unwrap_or_default();
        let read = |key: &str, value: &str| -> Result<Term, Rejected> {
            Ok(match key {
                "id" => Term::Id(
                    Regex::new(value).map_err(|e| format!("id takes a regular expression: {e}"))?,
                ),
                "exited" => Term::Exited(
                    value
                        .parse()
                        .map_err(|_| format!("exited code out of range {value:?}: not a number"))?,
                ),
                "status" => match value {
                    "created" => Term::Status(Status::Created),
                    "running" => Term::Status(Status::Running),
                    "paused" => Term::Paused,
                    "stopped" | "exited" => Term::Status(Status::Exited),
                    // States Podman has and rcon's containers are never in.
                    "configured" | "unknown" | "removing" => Term::Never,
                    _ => {
                        return Err(
                            format!("unknown container state: {value}: invalid argument").into(),
                        );
                    }
                },
                "ancestor" => Term::Ancestor(value.to_string()),
                "before" => Term::CreatedBefore(before.clone()),
                "since" | "after" => Term::CreatedAfter(since.clone()),
                "volume" => {
                    let (source, destination) = match value.split_once(['=', ':']) {
                        Some((source, destination)) => (source, Some(destination.to_string())),
                        None => (value, None),
                    };
                    Term::Volume {
                        source: source.to_string(),
                        destination,
                    }
                }
                "network" => Term::Network(value.to_string()),
                "restart-policy" => {
                    if value != "none" && RestartPolicy::parse(value).is_err() {
                        return Err(Rejected::AsPodmanSays(format!(
                            "{value} invalid restart policy"
                        )));
                    }
                    Term::RestartPolicy(value.to_string())
                }
                "health" => Term::Health {
                    status: match value {
                        "healthy" => Some(HealthStatus::Healthy),
                        "unhealthy" => Some(HealthStatus::Unhealthy),
                        "starting" => Some(HealthStatus::Starting),
                        "none" => None,
                        _ => {
                            return Err(format!(
                                "{value} is not a valid health status: use healthy, unhealthy, starting or none"
                            )
                            .into());
                        }
                    },
                    runroot: lifecycle.runroot().to_path_buf(),
                },
                _ => Term::Never,
            })
        };
        Filter::parse_with("container", KEYS, terms, read)
            .map(ContainerFilter)
            .map_err(|e| match e {
                // Podman's words.
                filter::Error::UnknownKey { key, term, .. } if term.contains('=') => {
                    Error::Invalid(format!("{key} is an invalid filter"))
                }
                other => Error::Invalid(other.to_string()),
            })
    }

    /// True when a `status` term was given (then `ps` lists every container).
    pub fn has_status(&self) -> bool {
        !self.0.values("status").is_empty()
    }

    pub fn matches(&self, record: &ContainerRecord, state: &State) -> bool {
        self.0.matches(&Candidate { record, state })
    }
}

impl Subject for Candidate<'_> {
    type Term = Term;

    fn name(&self) -> &str {
        &self.record.name
    }

    fn label(&self, key: &str) -> Option<&str> {
        let labels = &self.record.config.labels;
        labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn passes(&self, _key: &str, term: &Term) -> bool {
        let (record, state) = (self.record, self.state);
        let config = &record.config;
        match term {
            Term::Id(re) => re.is_match(&record.id),
            Term::Exited(code) => state.status == Status::Exited && state.exit_code == Some(*code),
            // A paused container is running, but `status=running` leaves it out, as Podman.
            Term::Status(wanted) => state.status == *wanted && !state.paused,
            Term::Paused => state.status == Status::Running && state.paused,
            Term::Ancestor(wanted) => ancestor_matches(record, wanted),
            Term::CreatedBefore(time) => record.created < *time,
            Term::CreatedAfter(time) => record.created > *time,
            Term::Volume {
                source,
                destination,
            } => config.mounts.iter().any(|m| {
                (m.source == *source || m.name.as_deref() == Some(source.as_str()))
                    && destination.as_ref().is_none_or(|d| *d == m.destination)
            }),
            Term::Network(name) => config.network.to_string() == *name,
            Term::RestartPolicy(policy) => match policy.as_str() {
                "none" => config.restart == RestartPolicy::No,
                name => config.restart.name() == name,
            },
            Term::Health { status, runroot } => match status {
                None => config.healthcheck.is_none(),
                Some(wanted) => HealthState::of(runroot, record, state)
                    .is_some_and(|health| health.status == *wanted),
            },
            Term::Never => false,
        }
    }
}

/// `ancestor=`: the image's ID (or a prefix), or its name as the container
/// was made from it: whole, or its last component with or without the tag.
fn ancestor_matches(record: &ContainerRecord, wanted: &str) -> bool {
    let image = &record.image_name;
    image == wanted
        || record
            .image_id
            .starts_with(wanted.trim_start_matches("sha256:"))
        || image
            .rsplit('/')
            .next()
            .is_some_and(|short| short == wanted || short.split(':').next() == Some(wanted))
}

/// A `container prune` filter term (Podman's and Docker's prune take
/// these, not `ps`'s): which stopped containers go.
pub enum PruneFilter {
    /// `label=` (`true`) or `label!=` (`false`).
    Label(bool, LabelTerm),
    /// Created before this time.
    Until(chrono::DateTime<chrono::Utc>),
}

impl PruneFilter {
    /// One `--filter` term: `label=`, `label!=` or `until=`.
    pub fn parse(term: &str) -> Result<PruneFilter, String> {
        let bad = |why: &str| format!("invalid filter {term:?}: {why}");
        let label = |want: bool, value: &str| {
            LabelTerm::parse(value)
                .map(|term| PruneFilter::Label(want, term))
                .ok_or_else(|| bad("label takes KEY or KEY=VALUE"))
        };
        if let Some(value) = term.strip_prefix("label!=") {
            return label(false, value);
        }
        match term.split_once('=') {
            Some(("label", value)) => label(true, value),
            Some(("until", value)) => parse_time(value).map(PruneFilter::Until).ok_or_else(|| {
                bad("until takes RFC 3339, a date, Unix seconds or a duration such as 24h")
            }),
            _ => Err(bad("known filters are label=, label!= and until=")),
        }
    }

    pub fn matches(&self, record: &ContainerRecord) -> bool {
        match self {
            PruneFilter::Label(want, term) => term.passes(record.config.label(&term.key)) == *want,
            PruneFilter::Until(time) => chrono::DateTime::parse_from_rfc3339(&record.created)
                .is_ok_and(|created| created < *time),
        }
    }
}
