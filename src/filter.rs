//! Podman's `--filter KEY=VALUE` terms: one engine for `ps` (and the verbs
//! that take containers by filter), `volume ls` and `network ls`. As in
//! Podman, terms of the same key are alternatives (an object passes `name=a
//! name=b` with either name), except `label`: an object must have every
//! label given (`label=a label=b=1`). Terms of different keys must all pass.

use std::collections::BTreeMap;

/// What the terms look at in one object (a container, volume or network).
pub trait Subject {
    /// A term of one of the kind's own keys, as [`Filter::parse_with`] read it.
    type Term;
    /// The name that `name=REGEX` is matched against.
    fn name(&self) -> &str;
    /// The value of the object's label `key`, if it has that label.
    fn label(&self, key: &str) -> Option<&str>;
    /// Whether the object passes `term`, a term of its kind's `key` besides
    /// `name` and `label` (`id`, `driver`, `status`, `ancestor`, …).
    fn passes(&self, key: &str, term: &Self::Term) -> bool;
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
pub enum Error {
    /// Not `KEY=VALUE`, or a key the kind does not have.
    #[error("invalid {object} filter {term:?}: use KEY=VALUE, KEY one of {}", keys.join(", "))]
    UnknownKey {
        /// `container`, `volume`, `network`.
        object: &'static str,
        term: String,
        /// The key given (the whole term when it has no `=`).
        key: String,
        /// Every key the kind has.
        keys: Vec<&'static str>,
    },
    /// A known key with a value it cannot take.
    #[error("invalid {object} filter {term:?}: {why}")]
    BadValue {
        object: &'static str,
        term: String,
        why: String,
    },
    /// A value refused in Podman's own words, which scripts look for.
    #[error("{0}")]
    Refused(String),
}

/// Why a kind's reader cannot take a value.
#[derive(Debug)]
pub enum Rejected {
    /// Said after the term: `invalid KIND filter "KEY=VALUE": WHY`.
    Why(String),
    /// Podman's message for it, said as it is.
    AsPodmanSays(String),
}

impl From<String> for Rejected {
    fn from(why: String) -> Rejected {
        Rejected::Why(why)
    }
}

impl crate::util::exit::ExitCode for Error {}

/// The `--filter` terms of one command; `T`: a term of the kind's own keys.
#[derive(Debug)]
pub struct Filter<T = String> {
    names: Vec<regex::Regex>,
    labels: Vec<LabelTerm>,
    /// The terms given for each of the object's own keys.
    others: BTreeMap<&'static str, Vec<T>>,
}

impl<T> Default for Filter<T> {
    fn default() -> Self {
        Filter {
            names: Vec::new(),
            labels: Vec::new(),
            others: BTreeMap::new(),
        }
    }
}

impl Filter {
    /// Reads `terms` given to filter objects of kind `object` (a noun for
    /// messages) by `name=REGEX`, `label=KEY[=VALUE]` and the kind's own
    /// `keys`, whose values the objects judge as given ([`Subject::passes`]).
    pub fn parse(
        object: &'static str,
        keys: &[&'static str],
        terms: &[String],
    ) -> Result<Filter, Error> {
        Filter::parse_with(object, keys, terms, |_, value| Ok(value.to_string()))
    }
}

impl<T> Filter<T> {
    /// As [`Filter::parse`], with `read` turning the value of one of the
    /// kind's own keys into its term, or saying why it cannot.
    pub fn parse_with(
        object: &'static str,
        keys: &[&'static str],
        terms: &[String],
        mut read: impl FnMut(&'static str, &str) -> Result<T, Rejected>,
    ) -> Result<Filter<T>, Error> {
        let mut filter = Filter::default();
        for term in terms {
            let bad = |why: String| Error::BadValue {
                object,
                term: term.clone(),
                why,
            };
            let unknown = |key: &str| Error::UnknownKey {
                object,
                term: term.clone(),
                key: key.to_string(),
                keys: ["name", "label"].iter().chain(keys).copied().collect(),
            };
            let (key, value) = term.split_once('=').ok_or_else(|| unknown(term))?;
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
                    let key = keys
                        .iter()
                        .find(|k| **k == key)
                        .ok_or_else(|| unknown(key))?;
                    let read = read(key, value).map_err(|rejected| match rejected {
                        Rejected::Why(why) => bad(why),
                        Rejected::AsPodmanSays(message) => Error::Refused(message),
                    })?;
                    filter.others.entry(key).or_default().push(read);
                }
            }
        }
        Ok(filter)
    }

    /// The terms given for `key` (one of the kind's own keys), in order.
    pub fn values(&self, key: &str) -> &[T] {
        self.others.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn matches(&self, subject: &impl Subject<Term = T>) -> bool {
        (self.names.is_empty() || self.names.iter().any(|re| re.is_match(subject.name())))
            && self
                .labels
                .iter()
                .all(|term| term.passes(subject.label(&term.key)))
            && self
                .others
                .iter()
                .all(|(key, terms)| terms.iter().any(|term| subject.passes(key, term)))
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
        type Term = String;
        fn name(&self) -> &str {
            self.name
        }
        fn label(&self, key: &str) -> Option<&str> {
            self.labels.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
        }
        fn passes(&self, key: &str, value: &String) -> bool {
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
