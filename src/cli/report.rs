//! `--format` for every verb, as Podman's report package reads it: `json`
//! (or `{{json .}}`); `table TEMPLATE` (cells split at spaces and `\t`,
//! aligned, with a header line); or a template run for each object. `\t`
//! and `\n` typed as two characters are a tab and a newline. The verb's own
//! output is a table made the same way, from its default row.

use super::template::{Template, Value};
use super::{Failure, tabwriter};

/// A parsed `--format` (or a verb's default table).
pub struct Report {
    template: Template,
    /// Output goes through the tab writer; a table also gets headers.
    aligned: bool,
    table: bool,
}

/// True for Podman's JSON requests: `json`, `{{json .}}`, `{{ json . }}`.
pub fn is_json(format: &str) -> bool {
    let format = format.trim();
    if format == "json" {
        return true;
    }
    let Some(inner) = format
        .strip_prefix("{{")
        .and_then(|f| f.strip_suffix("}}"))
        .map(str::trim)
    else {
        return false;
    };
    inner
        .strip_prefix("json")
        .is_some_and(|rest| matches!(rest.trim(), "" | "."))
}

/// `\t` and `\n` as two characters made a tab and a newline; for a table,
/// `table ` dropped and spaces made cell separators; a final newline.
fn normalize(format: &str) -> String {
    let mut text = match format.strip_prefix("table ") {
        Some(row) => row
            .replace("table ", "")
            .replace("\\t", "\t")
            .replace(' ', "\t")
            .replace("\\n", "\n"),
        None => format.replace("\\t", "\t").replace("\\n", "\n"),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The byte after `{{` + spaces + each of `words` (spaces between) + `}}`
/// found in `text`, where such an action starts.
fn find_action(text: &str, words: &[&str]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find("{{") {
        let start = from + i + 2;
        let mut rest = &text[start..];
        let matched = words.iter().all(|word| {
            rest = rest.trim_start();
            match rest.strip_prefix(word) {
                Some(after) => {
                    rest = after;
                    true
                }
                None => false,
            }
        });
        if let Some(after) = rest.trim_start().strip_prefix("}}").filter(|_| matched) {
            return Some(text.len() - after.len());
        }
        from = start;
    }
    None
}

/// `{{range .}}…{{end -}}` around `format` unless it ranges over dot itself.
fn enforce_range(format: &str) -> String {
    let ranges_itself = find_action(format, &["range", "."]).is_some_and(|after| {
        let rest = &format[after..];
        find_action(rest, &["end"]).is_some() || find_action(rest, &["end", "-"]).is_some()
    });
    if ranges_itself {
        format.to_string()
    } else {
        format!("{{{{range .}}}}{format}{{{{end -}}}}")
    }
}

impl Report {
    /// A verb's own table from its row (`{{.ID}}\t{{.Names}}`).
    pub fn podman(name: &str, row: &str) -> Report {
        let text = format!("{{{{range .}}}}{row}\n{{{{end -}}}}");
        Report {
            template: Template::parse(name, &text).expect("rcon's own table rows parse"),
            aligned: true,
            table: true,
        }
    }

    /// The user's `--format` for a list of objects: a `table …`, else a
    /// template run for each object.
    pub fn user(name: &str, format: &str) -> Result<Report, Failure> {
        let table = format.starts_with("table ");
        // As Podman: `\n` inside a quoted string may break the parse once
        // made a newline; then the text is parsed as written.
        let parsed = if table {
            Template::parse(
                name,
                &format!("{{{{range .}}}}{}{{{{end -}}}}", normalize(format)),
            )
            .or_else(|_| Template::parse(name, &format!("{{{{range .}}}}{format}{{{{end -}}}}")))
        } else {
            Template::parse(name, &enforce_range(&normalize(format)))
                .or_else(|_| Template::parse(name, &enforce_range(format)))
        };
        Ok(Report {
            template: parsed?,
            aligned: table,
            table,
        })
    }

    /// The user's `--format` for a single object (`info`, `version`).
    pub fn single(name: &str, format: &str) -> Result<Report, Failure> {
        let table = format.starts_with("table ");
        let template =
            Template::parse(name, &normalize(format)).or_else(|_| Template::parse(name, format))?;
        Ok(Report {
            template,
            aligned: table,
            table: false,
        })
    }

    /// The fields of each object the template reads (see [`Template::fields_read`]).
    pub fn fields_read(&self) -> super::template::Wanted {
        self.template.fields_read()
    }

    /// A table's headers as Podman derives them: each field's name split at
    /// its words and upper-cased (`CreatedAt` → `CREATED AT`), but for
    /// `overrides`; only for the fields the template reads.
    pub fn headers(&self, fields: &[&str], overrides: &[(&str, &str)]) -> Value {
        let wanted = self.fields_read();
        let mut map = std::collections::BTreeMap::new();
        for field in fields.iter().filter(|f| wanted.has(f)) {
            map.insert(
                field.to_string(),
                Value::Str(split_words(field).join(" ").to_uppercase()),
            );
        }
        for (field, header) in overrides.iter().filter(|(f, _)| wanted.has(f)) {
            map.insert(field.to_string(), Value::Str(header.to_uppercase()));
        }
        Value::from(map)
    }

    /// Whether headers belong above the objects (`table …`, the verb's own table).
    pub fn is_table(&self) -> bool {
        self.table
    }

    /// The output for `data` (a list, or the one object of `single`), with
    /// `headers` (field → header, run through the same template) above it.
    pub fn render(&self, headers: Option<Value>, data: &Value) -> Result<String, Failure> {
        let mut text = String::new();
        if let Some(headers) = headers {
            let rows = Value::list(vec![headers]);
            text.push_str(&self.template.execute(&rows)?);
        }
        text.push_str(&self.template.execute(data)?);
        Ok(if self.aligned {
            tabwriter::align(&text)
        } else {
            text
        })
    }
}

/// camelcase.Split as Podman uses it: runs of lower, upper, digits and other
/// characters, an upper run giving its last letter to a lower run after it
/// (`ImageID` → `Image ID`, `PDFLoader` → `PDF Loader`).
fn split_words(name: &str) -> Vec<String> {
    let class = |c: char| match c {
        c if c.is_lowercase() => 1,
        c if c.is_uppercase() => 2,
        c if c.is_numeric() => 3,
        _ => 4,
    };
    let mut runs: Vec<Vec<char>> = Vec::new();
    let mut last = 0;
    for c in name.chars() {
        let this = class(c);
        match runs.last_mut() {
            Some(run) if this == last => run.push(c),
            _ => runs.push(vec![c]),
        }
        last = this;
    }
    for i in 0..runs.len().saturating_sub(1) {
        if runs[i][0].is_uppercase() && runs[i + 1][0].is_lowercase() {
            if let Some(moved) = runs[i].pop() {
                runs[i + 1].insert(0, moved);
            }
        }
    }
    runs.into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.into_iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::template::Struct;
    use super::*;

    fn rows() -> Value {
        Value::list(vec![
            Struct::new("row")
                .with("ID", "abc")
                .with("Names", "one")
                .into(),
            Struct::new("row")
                .with("ID", "defghi")
                .with("Names", "two")
                .into(),
        ])
    }

    #[test]
    fn json_requests() {
        for format in ["json", " json ", "{{json .}}", "{{ json . }}", "{{json}}"] {
            assert!(is_json(format), "{format}");
        }
        assert!(!is_json("{{json .ID}}"));
        assert!(!is_json("table"));
    }

    #[test]
    fn user_templates_and_tables() {
        let headers = |report: &Report| Some(report.headers(&["Names"], &[("ID", "container id")]));
        let user = Report::user("ps", "{{.ID}} {{.Names}}").unwrap();
        assert!(!user.is_table());
        assert_eq!(user.render(None, &rows()).unwrap(), "abc one\ndefghi two\n");
        let tabs = Report::user("ps", "{{.ID}}\\t{{.Names}}").unwrap();
        assert_eq!(
            tabs.render(None, &rows()).unwrap(),
            "abc\tone\ndefghi\ttwo\n"
        );
        let table = Report::user("ps", "table {{.ID}} {{.Names}}").unwrap();
        assert!(table.is_table());
        assert_eq!(
            table.render(headers(&table), &rows()).unwrap(),
            "CONTAINER ID  NAMES\nabc           one\ndefghi        two\n"
        );
        let ranged = Report::user("ps", "{{range .}}{{.ID}},{{end}}").unwrap();
        assert_eq!(ranged.render(None, &rows()).unwrap(), "abc,defghi,\n");
        let quoted = Report::user("ps", "{{printf \"%s\\n\" .ID}}").unwrap();
        assert_eq!(quoted.render(None, &rows()).unwrap(), "abc\ndefghi\n");
        assert!(Report::user("ps", "{{.ID").is_err());
    }

    #[test]
    fn headers_split_words() {
        assert_eq!(split_words("CreatedAt"), ["Created", "At"]);
        assert_eq!(split_words("ImageID"), ["Image", "ID"]);
        assert_eq!(split_words("PDFLoader"), ["PDF", "Loader"]);
        assert_eq!(split_words("GL11Version"), ["GL", "11", "Version"]);
    }
}
