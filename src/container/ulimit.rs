//! `--ulimit NAME=SOFT[:HARD]` with Docker's names; `-1` or `unlimited`
//! means no limit, and a missing hard limit equals the soft one.

use nix::sys::resource::{RLIM_INFINITY, Resource};

/// Docker's (and Podman's) ulimit names, in the order `--help` lists them.
const NAMES: &[(&str, Resource)] = &[
    ("core", Resource::RLIMIT_CORE),
    ("cpu", Resource::RLIMIT_CPU),
    ("data", Resource::RLIMIT_DATA),
    ("fsize", Resource::RLIMIT_FSIZE),
    ("locks", Resource::RLIMIT_LOCKS),
    ("memlock", Resource::RLIMIT_MEMLOCK),
    ("msgqueue", Resource::RLIMIT_MSGQUEUE),
    ("nice", Resource::RLIMIT_NICE),
    ("nofile", Resource::RLIMIT_NOFILE),
    ("nproc", Resource::RLIMIT_NPROC),
    ("rss", Resource::RLIMIT_RSS),
    ("rtprio", Resource::RLIMIT_RTPRIO),
    ("rttime", Resource::RLIMIT_RTTIME),
    ("sigpending", Resource::RLIMIT_SIGPENDING),
    ("stack", Resource::RLIMIT_STACK),
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("invalid ulimit {0:?}: expected NAME=SOFT[:HARD], e.g. nofile=1024:4096")]
    Syntax(String),
    #[error(
        "invalid ulimit {spec:?}: unknown limit {name:?}; use one of core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack"
    )]
    UnknownName { spec: String, name: String },
    #[error("invalid ulimit {spec:?}: {value:?} is not a limit; give a number, -1 or unlimited")]
    Value { spec: String, value: String },
    #[error("invalid ulimit {spec:?}: the soft limit {soft} is above the hard limit {hard}")]
    SoftAboveHard {
        spec: String,
        soft: String,
        hard: String,
    },
}

/// One parsed `--ulimit`: limits as setrlimit(2) takes them
/// (`RLIM_INFINITY` for unlimited). Recorded as `{"name": "nofile",
/// "soft": 1024, "hard": 4096}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(into = "Recorded", try_from = "Recorded")]
pub struct Ulimit {
    pub resource: Resource,
    pub soft: u64,
    pub hard: u64,
}

impl Ulimit {
    /// Docker's name of the limit (`nofile`).
    pub fn name(&self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, r)| *r == self.resource)
            .map_or("?", |(name, _)| name)
    }
}

/// A [`Ulimit`] as a container record holds it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Recorded {
    name: String,
    soft: u64,
    hard: u64,
}

impl From<Ulimit> for Recorded {
    fn from(ulimit: Ulimit) -> Recorded {
        Recorded {
            name: ulimit.name().to_string(),
            soft: ulimit.soft,
            hard: ulimit.hard,
        }
    }
}

impl TryFrom<Recorded> for Ulimit {
    type Error = String;

    fn try_from(recorded: Recorded) -> Result<Ulimit, String> {
        let resource = NAMES
            .iter()
            .find(|(n, _)| *n == recorded.name)
            .map(|(_, r)| *r)
            .ok_or_else(|| format!("unknown ulimit {:?}", recorded.name))?;
        Ok(Ulimit {
            resource,
            soft: recorded.soft,
            hard: recorded.hard,
        })
    }
}

pub fn parse_ulimit(spec: &str) -> Result<Ulimit, Error> {
    let Some((name, limits)) = spec.split_once('=') else {
        return Err(Error::Syntax(spec.to_string()));
    };
    let Some(&(_, resource)) = NAMES.iter().find(|(n, _)| *n == name) else {
        return Err(Error::UnknownName {
            spec: spec.to_string(),
            name: name.to_string(),
        });
    };
    let (soft_text, hard_text) = match limits.split_once(':') {
        Some((_, hard)) if hard.contains(':') => return Err(Error::Syntax(spec.to_string())),
        Some((soft, hard)) => (soft, hard),
        None => (limits, limits),
    };
    let value = |text: &str| match text {
        "-1" | "unlimited" => Ok(RLIM_INFINITY),
        _ => text.parse::<u64>().map_err(|_| Error::Value {
            spec: spec.to_string(),
            value: text.to_string(),
        }),
    };
    let soft = value(soft_text)?;
    let hard = value(hard_text)?;
    if soft > hard {
        return Err(Error::SoftAboveHard {
            spec: spec.to_string(),
            soft: soft_text.to_string(),
            hard: hard_text.to_string(),
        });
    }
    Ok(Ulimit {
        resource,
        soft,
        hard,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_parse() {
        assert_eq!(
            parse_ulimit("nofile=1024:4096").unwrap(),
            Ulimit {
                resource: Resource::RLIMIT_NOFILE,
                soft: 1024,
                hard: 4096
            }
        );
        assert_eq!(
            parse_ulimit("core=0").unwrap(),
            Ulimit {
                resource: Resource::RLIMIT_CORE,
                soft: 0,
                hard: 0
            }
        );
        let unlimited = parse_ulimit("memlock=-1:unlimited").unwrap();
        assert_eq!(
            (unlimited.soft, unlimited.hard),
            (RLIM_INFINITY, RLIM_INFINITY)
        );
        let soft_only = parse_ulimit("stack=8192:-1").unwrap();
        assert_eq!((soft_only.soft, soft_only.hard), (8192, RLIM_INFINITY));
        for (name, resource) in NAMES {
            assert_eq!(
                parse_ulimit(&format!("{name}=1")).unwrap().resource,
                *resource
            );
        }
    }

    #[test]
    fn limits_are_recorded_by_name_and_read_back() {
        let limit = parse_ulimit("nofile=1024:unlimited").unwrap();
        let json = serde_json::to_string(&limit).unwrap();
        assert_eq!(
            json,
            format!(r#"{{"name":"nofile","soft":1024,"hard":{RLIM_INFINITY}}}"#)
        );
        assert_eq!(serde_json::from_str::<Ulimit>(&json).unwrap(), limit);
        assert!(serde_json::from_str::<Ulimit>(r#"{"name":"files","soft":1,"hard":1}"#).is_err());
    }

    #[test]
    fn bad_limits_are_refused() {
        assert_eq!(parse_ulimit("nofile"), Err(Error::Syntax("nofile".into())));
        assert_eq!(
            parse_ulimit("nofile=1:2:3"),
            Err(Error::Syntax("nofile=1:2:3".into()))
        );
        assert!(matches!(
            parse_ulimit("files=1"),
            Err(Error::UnknownName { name, .. }) if name == "files"
        ));
        assert!(matches!(
            parse_ulimit("nofile=lots"),
            Err(Error::Value { value, .. }) if value == "lots"
        ));
        assert!(matches!(
            parse_ulimit("nofile=-2"),
            Err(Error::Value { value, .. }) if value == "-2"
        ));
        assert!(matches!(
            parse_ulimit("nofile=1:"),
            Err(Error::Value { .. })
        ));
        assert!(matches!(
            parse_ulimit("nofile=4096:1024"),
            Err(Error::SoftAboveHard { .. })
        ));
        assert!(matches!(
            parse_ulimit("nofile=unlimited:1024"),
            Err(Error::SoftAboveHard { .. })
        ));
        assert_eq!(
            parse_ulimit("nofile=4096:1024").unwrap_err().to_string(),
            "invalid ulimit \"nofile=4096:1024\": the soft limit 4096 is above the hard limit 1024"
        );
    }
}
