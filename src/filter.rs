//! Podman's `--filter KEY=VALUE` terms: one engine for `ps`, `volume ls` and
//! `network ls`. As in Podman, terms of the same key are alternatives (an
//! object passes `name=a name=b` with either name), except `label`: an object
//! must have every label given (`label=a label=b=1`). Terms of different keys
//! must all pass.

use std::collections::BTreeMap;

/// What the terms look at in one object (a container, volume or network).
pub trait Subject {
    /// The name that `name=REGEX` is matched against.
    fn name(&self) -> &str;
    /// The value of the object's label `key`, if it has that label.
    fn label(&self, key: &str) -> Option<&str>;
    /// Whether the object passes `key=value`, for the keys its kind has
    /// besides `name` and `label` (`id`, `driver`, `status`, `ancestor`).
    fn passes(&self, key: &str, value: &str) -> bool;
}

/// `label=KEY` (the object has label KEY, whatever its value) or
/// `label=KEY=VALUE` (with that value; an empty VALUE means any, as Podman
/// reads it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelTerm {
    pub key: String,
    pub value: Option<String>,
}

impl LabelTerm {
    /// `KEY` or `KEY=VALUE`; `None` when KEY is empty.
    pub fn parse(text: &str) -> Option<LabelTerm> {
        let (key, value) = match text.split_once('=') {
            Some((key, value)) => (key, (!value.is_empty()).then(|| value.to_string())),
            None => (text, None),
        };
        (!key.is_empty()).then(|| LabelTerm {
            key: key.to_string(),
            value,
        })
    }

    /// Whether an object whose label `self.key` is `label` (`None`: it has
    /// no such label) passes.
    pub fn passes(&self, label: Option<&str>) -> bool {
        label.is_some_and(|v| self.value.as_deref().is_none_or(|want| want == v))
    }
}

/// A term the engine cannot read, for objects of one kind.
#[derive(Debug, thiserror::Error)]
#[error("invalid {object} filter {term:?}: {why}")]
pub struct Error {
    /// `container`, `volume`, `network`.
    pub object: &'static str,
    pub term: String,
    pub why: String,
}

impl crate::util::exit::ExitCode for Error {}

/// The `--filter` terms of one command.
#[derive(Debug, Default)]
pub struct Filter {
    names: Vec<regex::Regex>,
    labels: Vec<LabelTerm>,
    /// The values given for each of the object's own keys.
    others: BTreeMap<&'static str, Vec<String>>,
}

impl Filter {
    /// Reads `terms` given to filter objects of kind `object` (a noun for
    /// messages) by `name=REGEX`, `label=KEY[=VALUE]` and the kind's own
    /// `keys`, whose terms the objects judge ([`Subject::passes`]).
    pub fn parse(
        object: &'static str,
        keys: &[&'static str],
        terms: &[String],
    ) -> Result<Filter, Error> {
        let mut filter = Filter::default();
        for term in terms {
            let bad = |why: String| Error {
                object,
                term: term.clone(),
                why,
            };
            let known = || {
                let all: Vec<&str> = ["name", "label"].iter().chain(keys).copied().collect();
                bad(format!("use KEY=VALUE, KEY one of {}", all.join(", ")))
            };
            let (key, value) = term.split_once('=').ok_or_else(known)?;
            match key {
                "name" => filter.names.push(
                    regex::Regex::new(value)
                        .map_err(|e| bad(format!("name takes a regular expression: {e}")))?,
                ),
                "label" => filter.labels.push(
                    LabelTerm::parse(value)
                        .ok_or_else(|| bad("use label=KEY or label=KEY=VALUE".into()))?,
                ),
                _ => {
                    let key = keys.iter().find(|k| **k == key).ok_or_else(known)?;
                    filter
                        .others
                        .entry(key)
                        .or_default()
                        .push(value.to_string());
                }
            }
        }
        Ok(filter)
    }

    /// The values given for `key` (one of the kind's own keys), in order.
    pub fn values(&self, key: &str) -> &[String] {
        self.others.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn matches(&self, subject: &impl Subject) -> bool {
        (self.names.is_empty() || self.names.iter().any(|re| re.is_match(subject.name())))
            && self
                .labels
                .iter()
                .all(|term| term.passes(subject.label(&term.key)))
            && self
                .others
                .iter()
                .all(|(key, values)| values.iter().any(|value| subject.passes(key, value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Object {
        name: &'static str,
        labels: &'static [(&'static str, &'static str)],
        driver: &'static str,
    }

    impl Subject for Object {
        fn name(&self) -> &str {
            self.name
        }
        fn label(&self, key: &str) -> Option<&str> {
            self.labels.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
        }
        fn passes(&self, key: &str, value: &str) -> bool {
            key == "driver" && value == self.driver
        }
    }

    const OBJECTS: [Object; 3] = [
        Object {
            name: "web",
            labels: &[("app", "web"), ("tier", "front")],
            driver: "local",
        },
        Object {
            name: "db",
            labels: &[("app", "db"), ("tier", "back")],
            driver: "local",
        },
        Object {
            name: "cache",
            labels: &[("app", "")],
            driver: "tmpfs",
        },
    ];

    fn passing(terms: &[&str]) -> Vec<&'static str> {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let filter = Filter::parse("volume", &["driver"], &terms).unwrap();
        OBJECTS
            .iter()
            .filter(|o| filter.matches(*o))
            .map(|o| o.name)
            .collect()
    }

    #[test]
    fn no_terms_pass_everything() {
        assert_eq!(passing(&[]), ["web", "db", "cache"]);
    }

    #[test]
    fn label_terms_must_all_pass() {
        assert_eq!(passing(&["label=app"]), ["web", "db", "cache"]);
        assert_eq!(passing(&["label=tier=front"]), ["web"]);
        assert_eq!(passing(&["label=app", "label=tier"]), ["web", "db"]);
        assert_eq!(passing(&["label=app=web", "label=tier=front"]), ["web"]);
        assert!(passing(&["label=app=web", "label=app=db"]).is_empty());
        assert!(passing(&["label=tier=front", "label=tier=back"]).is_empty());
    }

    #[test]
    fn an_empty_label_value_means_any_value_as_in_podman() {
        assert_eq!(passing(&["label=tier="]), ["web", "db"]);
        assert_eq!(passing(&["label=app="]), ["web", "db", "cache"]);
    }

    #[test]
    fn terms_of_one_other_key_are_alternatives() {
        assert_eq!(passing(&["name=web", "name=db"]), ["web", "db"]);
        assert_eq!(passing(&["name=^c"]), ["cache"]);
        assert_eq!(
            passing(&["driver=local", "driver=tmpfs"]),
            ["web", "db", "cache"]
        );
        assert_eq!(passing(&["driver=tmpfs"]), ["cache"]);
        assert!(passing(&["driver=nfs"]).is_empty());
    }

    #[test]
    fn different_keys_must_all_pass() {
        assert_eq!(passing(&["name=web", "name=db", "label=app=db"]), ["db"]);
        assert!(passing(&["name=web", "driver=tmpfs"]).is_empty());
        assert_eq!(passing(&["label=app", "driver=tmpfs"]), ["cache"]);
    }

    #[test]
    fn bad_terms_are_named_with_what_to_do() {
        let error = |term: &str| {
            Filter::parse("volume", &["driver"], &[term.to_string()])
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error("bogus=1"),
            "invalid volume filter \"bogus=1\": use KEY=VALUE, KEY one of name, label, driver"
        );
        assert_eq!(
            error("name"),
            "invalid volume filter \"name\": use KEY=VALUE, KEY one of name, label, driver"
        );
        assert!(
            error("name=(")
                .starts_with("invalid volume filter \"name=(\": name takes a regular expression: "),
            "{}",
            error("name=(")
        );
        assert_eq!(
            error("label="),
            "invalid volume filter \"label=\": use label=KEY or label=KEY=VALUE"
        );
        assert_eq!(
            error("label==x"),
            "invalid volume filter \"label==x\": use label=KEY or label=KEY=VALUE"
        );
    }

    #[test]
    fn values_lists_one_keys_terms_in_order() {
        let terms = ["driver=b".to_string(), "name=x".into(), "driver=a".into()];
        let filter = Filter::parse("volume", &["driver"], &terms).unwrap();
        assert_eq!(filter.values("driver"), ["b", "a"]);
        assert!(filter.values("status").is_empty());
    }
}
