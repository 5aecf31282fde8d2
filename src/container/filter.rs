//! Podman's `--filter KEY=VALUE` for containers (`ps`, `start`, `stop`,
//! `kill`, `rm`, …): a container must pass every key given, and one of the
//! values given for a key — except `label`, where every value must match.

use std::collections::BTreeMap;

use super::Error;
use super::lifecycle::Lifecycle;
use super::restart::RestartPolicy;
use super::store::{ContainerRecord, State, Status};

/// The parsed terms, by key.
#[derive(Debug, Default)]
pub struct ContainerFilter {
    ids: Vec<regex::Regex>,
    names: Vec<regex::Regex>,
    labels: Vec<(String, Option<String>)>,
    exited: Vec<i32>,
    statuses: Vec<String>,
    ancestors: Vec<String>,
    /// Created before this container (`before=`), after it (`since=`/`after=`).
    before: Option<String>,
    since: Option<String>,
    volumes: Vec<(String, Option<String>)>,
    networks: Vec<String>,
    restart_policies: Vec<String>,
    /// Keys that can match nothing here (`pod=`, `health=`: rcon has no pods
    /// or health checks), so the filter as a whole matches nothing.
    impossible: bool,
}

fn invalid(message: String) -> Error {
    Error::Invalid(message)
}

impl ContainerFilter {
    /// Reads `KEY=VALUE` terms; `before`/`since` name containers, looked up in `lifecycle`.
    pub fn parse(terms: &[String], lifecycle: &Lifecycle) -> Result<ContainerFilter, Error> {
        let mut by_key: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for term in terms {
            let Some((key, value)) = term.split_once('=') else {
                return Err(invalid(format!("invalid filter {term:?}")));
            };
            by_key.entry(key).or_default().push(value);
        }
        let mut filter = ContainerFilter::default();
        for (key, values) in by_key {
            let regexes = |values: &[&str]| {
                values
                    .iter()
                    .map(|v| {
                        regex::Regex::new(v)
                            .map_err(|e| invalid(format!("invalid filter value {v:?}: {e}")))
                    })
                    .collect::<Result<Vec<_>, Error>>()
            };
            let key_value = |v: &&str| match v.split_once(['=', ':']) {
                Some((k, v)) => (k.to_string(), Some(v.to_string())),
                None => (v.to_string(), None),
            };
            match key {
                "id" => filter.ids = regexes(&values)?,
                "name" => filter.names = regexes(&values)?,
                "label" => {
                    filter.labels = values
                        .iter()
                        .map(|v| match v.split_once('=') {
                            Some((k, v)) => (k.to_string(), Some(v.to_string())),
                            None => (v.to_string(), None),
                        })
                        .collect();
                }
                "exited" => {
                    for v in values {
                        filter.exited.push(v.parse().map_err(|_| {
                            invalid(format!("exited code out of range {v:?}: not a number"))
                        })?);
                    }
                }
                "status" => {
                    for v in values {
                        match v {
                            "created" | "configured" | "running" | "stopped" | "exited"
                            | "paused" | "unknown" | "removing" => {
                                filter.statuses.push(v.replace("stopped", "exited"));
                            }
                            _ => {
                                return Err(invalid(format!(
                                    "unknown container state: {v}: invalid argument"
                                )));
                            }
                        }
                    }
                }
                "ancestor" => filter.ancestors = values.iter().map(|v| v.to_string()).collect(),
                "before" | "since" | "after" => {
                    // The earliest of the containers named, as Podman.
                    let mut earliest: Option<String> = None;
                    for v in values {
                        let created = lifecycle.find(v)?.created;
                        if earliest.as_ref().is_none_or(|e| created < *e) {
                            earliest = Some(created);
                        }
                    }
                    if key == "before" {
                        filter.before = earliest;
                    } else {
                        filter.since = earliest;
                    }
                }
                "volume" => filter.volumes = values.iter().map(key_value).collect(),
                "network" => filter.networks = values.iter().map(|v| v.to_string()).collect(),
                "restart-policy" => {
                    let bad: Vec<&str> = values
                        .iter()
                        .copied()
                        .filter(|v| *v != "none" && RestartPolicy::parse(v).is_err())
                        .collect();
                    match bad.len() {
                        0 => {}
                        1 => return Err(invalid(format!("{} invalid restart policy", bad[0]))),
                        _ => {
                            return Err(invalid(format!(
                                "{} invalid restart policies",
                                bad.join(", ")
                            )));
                        }
                    }
                    filter.restart_policies = values.iter().map(|v| v.to_string()).collect();
                }
                "pod" | "health" => filter.impossible = true,
                other => return Err(invalid(format!("{other} is an invalid filter"))),
            }
        }
        Ok(filter)
    }

    /// True when a `status` term was given (then `ps` lists every container).
    pub fn has_status(&self) -> bool {
        !self.statuses.is_empty()
    }

    pub fn matches(&self, record: &ContainerRecord, state: &State) -> bool {
        fn any<T>(terms: &[T], test: impl Fn(&T) -> bool) -> bool {
            terms.is_empty() || terms.iter().any(test)
        }
        let config = &record.config;
        let status = match state.status {
            Status::Created => "created",
            Status::Running => "running",
            Status::Exited => "exited",
        };
        !self.impossible
            && any(&self.ids, |re| re.is_match(&record.id))
            && any(&self.names, |re| re.is_match(&record.name))
            && self.labels.iter().all(|(key, value)| {
                config
                    .labels
                    .iter()
                    .any(|(k, v)| k == key && value.as_ref().is_none_or(|want| want == v))
            })
            && any(&self.exited, |code| {
                state.status == Status::Exited && state.exit_code == Some(*code)
            })
            && any(&self.statuses, |s| s == status)
            && any(&self.ancestors, |a| ancestor_matches(record, a))
            && self.before.as_ref().is_none_or(|t| record.created < *t)
            && self.since.as_ref().is_none_or(|t| record.created > *t)
            && any(&self.volumes, |(source, destination)| {
                config.mounts.iter().any(|m| {
                    (m.source == *source || m.name.as_deref() == Some(source.as_str()))
                        && destination.as_ref().is_none_or(|d| *d == m.destination)
                })
            })
            && any(&self.networks, |n| config.network.to_string() == *n)
            && any(&self.restart_policies, |p| match p.as_str() {
                "none" => config.restart == RestartPolicy::No,
                name => config.restart.name() == name,
            })
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
