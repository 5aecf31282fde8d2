//! Podman's `--filter KEY=VALUE` terms for named objects (volumes,
//! networks): an object must pass every kind of term given, and one of the
//! values given for each kind.

use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct ObjectFilter {
    names: Vec<regex::Regex>,
    ids: Vec<String>,
    drivers: Vec<String>,
    labels: Vec<(String, Option<String>)>,
}

/// What the terms look at in one object.
pub struct Subject<'a> {
    pub name: &'a str,
    /// `None` for objects known only by name.
    pub id: Option<&'a str>,
    pub driver: &'a str,
    pub labels: &'a BTreeMap<String, String>,
}

impl ObjectFilter {
    /// Reads `name=REGEX`, `label=KEY[=VALUE]`, `driver=DRIVER` and, where
    /// the objects have IDs (`with_ids`), `id=PREFIX`. A bad term is returned
    /// as it was given, for the caller's message.
    pub fn parse(filters: &[String], with_ids: bool) -> Result<ObjectFilter, String> {
        let mut filter = ObjectFilter::default();
        for text in filters {
            let bad = || text.clone();
            match text.split_once('=').ok_or_else(bad)? {
                ("name", pattern) => filter
                    .names
                    .push(regex::Regex::new(pattern).map_err(|_| bad())?),
                ("id", id) if with_ids => filter.ids.push(id.to_string()),
                ("driver", driver) => filter.drivers.push(driver.to_string()),
                ("label", label) if !label.is_empty() => {
                    filter.labels.push(match label.split_once('=') {
                        Some((key, value)) => (key.to_string(), Some(value.to_string())),
                        None => (label.to_string(), None),
                    })
                }
                _ => return Err(bad()),
            }
        }
        Ok(filter)
    }

    pub fn matches(&self, subject: &Subject) -> bool {
        (self.names.is_empty() || self.names.iter().any(|re| re.is_match(subject.name)))
            && (self.ids.is_empty()
                || self
                    .ids
                    .iter()
                    .any(|id| subject.id.is_some_and(|own| own.starts_with(id.as_str()))))
            && (self.drivers.is_empty() || self.drivers.iter().any(|d| d == subject.driver))
            && (self.labels.is_empty()
                || self.labels.iter().any(|(key, value)| {
                    subject
                        .labels
                        .get(key)
                        .is_some_and(|v| value.as_ref().is_none_or(|want| want == v))
                }))
    }
}
