//! Go's `text/template`, as Podman's `--format` uses it: `{{.Field}}` of
//! structs and maps, pipelines, variables, `if`/`else if`/`with`/`range`
//! (with `break`/`continue`), Go's built-in functions and Podman's
//! (`json`, `join`, `lower`, `pad`, `split`, `title`, `truncate`, `upper`),
//! values printed as Go prints them. Parsed once, run for every object.
//!
//! Written here rather than taken from a crate: scripts depend on Go's exact
//! printing (`map[k:v]`, `[a b]`, `<no value>`, Go's time format), on map keys
//! ranged over in sorted order and on a struct's missing field being an error,
//! and the parse must not start a thread (rcon joins its user namespace,
//! which a multi-threaded process cannot, after reading its flags).

mod exec;
mod funcs;
mod lex;
mod parse;
mod value;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub use funcs::sprintf;
pub use value::{Struct, Value};

/// A template that could not be parsed or run, in Go's words
/// (`template: ps:1:8: executing "ps" at <.Foo>: can't evaluate field Foo in type …`).
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    name: String,
    line: usize,
    /// Byte in the line, for errors while running.
    column: Option<usize>,
    /// The part of the template that failed, for errors while running.
    at: String,
    message: String,
}

impl Error {
    fn locate(text: &str, pos: usize) -> (usize, usize) {
        let before = &text[..pos.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rfind('\n').map_or(pos, |nl| pos - nl - 1);
        (line, column)
    }

    pub(crate) fn parse(text: &str, pos: usize, message: impl Into<String>) -> Error {
        let (line, _) = Error::locate(text, pos);
        Error {
            name: String::new(),
            line,
            column: None,
            at: String::new(),
            message: message.into(),
        }
    }

    pub(crate) fn exec(text: &str, pos: usize, at: &str, message: impl Into<String>) -> Error {
        let (line, column) = Error::locate(text, pos);
        Error {
            name: String::new(),
            line,
            column: Some(column),
            at: at.to_string(),
            message: message.into(),
        }
    }

    fn named(mut self, name: &str) -> Error {
        self.name = name.to_string();
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.name;
        match self.column {
            None => write!(f, "template: {name}:{}: {}", self.line, self.message),
            Some(column) => write!(
                f,
                "template: {name}:{}:{column}: executing {name:?} at <{}>: {}",
                self.line, self.at, self.message
            ),
        }
    }
}

impl std::error::Error for Error {}

impl crate::util::exit::ExitCode for Error {}

/// A parsed template.
#[derive(Debug, Clone)]
pub struct Template {
    name: String,
    text: String,
    nodes: Vec<parse::Node>,
}

impl Template {
    /// Parses `text`; `name` appears in error messages, as Go's template name.
    pub fn parse(name: &str, text: &str) -> Result<Template, Error> {
        let tokens = lex::lex(text).map_err(|e| e.named(name))?;
        let nodes = parse::parse(text, tokens, &|f| funcs::lookup(f).is_some())
            .map_err(|e| e.named(name))?;
        Ok(Template {
            name: name.to_string(),
            text: text.to_string(),
            nodes,
        })
    }

    /// The template applied to `data`.
    pub fn execute(&self, data: &Value) -> Result<String, Error> {
        exec::Exec::run(&self.text, &self.nodes, data).map_err(|e| e.named(&self.name))
    }

    /// The fields of each object that a template over a list of objects
    /// (`{{range .}}…{{end}}`) can read, so the objects need only those;
    /// everything when it may read an object whole (`{{json .}}`, variables).
    pub fn fields_read(&self) -> Wanted {
        let mut fields = BTreeSet::new();
        Wanted(parse::fields_read(&self.nodes, &mut fields).then_some(fields))
    }
}

/// The fields a template reads of each object: `None` for all of them.
#[derive(Debug, Clone, Default)]
pub struct Wanted(Option<BTreeSet<String>>);

impl Wanted {
    pub fn has(&self, field: &str) -> bool {
        self.0.as_ref().is_none_or(|fields| fields.contains(field))
    }
}

/// How the JSON rcon prints for an object reads as the Go value Podman's
/// templates see: which keys name other Go fields, which objects are Go
/// maps (their keys are data), which strings are `time.Time`.
pub struct GoShape {
    /// Go's type name, for error messages.
    pub type_name: &'static str,
    /// JSON keys (at any depth) whose Go field is not the key with its first
    /// letter upper-cased (`Id` → `ID`, `cpus` → `CPUs`).
    pub fields: &'static [(&'static str, &'static str)],
    /// Paths of Go maps, by Go field names (`Config.Labels`); `*` is any map key.
    pub maps: &'static [&'static str],
    /// Paths of `time.Time` values.
    pub times: &'static [&'static str],
}

impl GoShape {
    pub fn value(&self, json: &serde_json::Value) -> Value {
        let mut path = String::new();
        self.convert(json, &mut path)
    }

    fn go_name<'k>(&self, key: &'k str) -> Cow<'k, str> {
        if let Some((_, go)) = self.fields.iter().find(|(k, _)| *k == key) {
            return Cow::Borrowed(go);
        }
        let mut chars = key.chars();
        match chars.next() {
            Some(first) if first.is_lowercase() => {
                Cow::Owned(first.to_uppercase().chain(chars).collect())
            }
            _ => Cow::Borrowed(key),
        }
    }

    fn convert(&self, json: &serde_json::Value, path: &mut String) -> Value {
        match json {
            serde_json::Value::Null => Value::Nil,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().unwrap_or_default()),
            },
            serde_json::Value::String(s) if self.times.contains(&path.as_str()) => {
                match Value::time(Some(s)) {
                    Value::Nil => Value::Str(s.clone()),
                    time => time,
                }
            }
            serde_json::Value::String(s) => Value::Str(s.clone()),
            serde_json::Value::Array(items) => {
                Value::list(items.iter().map(|item| self.convert(item, path)).collect())
            }
            serde_json::Value::Object(fields) => {
                let len = path.len();
                let value = if self.maps.contains(&path.as_str()) {
                    path.push_str(if len == 0 { "*" } else { ".*" });
                    let entries: BTreeMap<String, Value> = fields
                        .iter()
                        .map(|(k, v)| (k.clone(), self.convert(v, path)))
                        .collect();
                    Value::from(entries)
                } else {
                    let mut s = Struct::new(self.type_name);
                    for (key, item) in fields {
                        let name = self.go_name(key);
                        if len > 0 {
                            path.push('.');
                        }
                        path.push_str(&name);
                        s.fields
                            .push((Cow::Owned(name.into_owned()), self.convert(item, path)));
                        path.truncate(len);
                    }
                    Value::from(s)
                };
                path.truncate(len);
                value
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, data: &Value) -> Result<String, Error> {
        Template::parse("t", template)?.execute(data)
    }

    fn container() -> Value {
        let shape = GoShape {
            type_name: "*define.InspectContainerData",
            fields: &[("Id", "ID")],
            maps: &["Config.Labels", "NetworkSettings.Networks"],
            times: &["Created", "State.StartedAt"],
        };
        shape.value(&serde_json::json!({
            "Id": "abc",
            "Created": "2022-06-15T12:00:00Z",
            "State": {"Pid": 42, "Running": true, "StartedAt": "2022-06-15T12:00:01.5Z"},
            "Config": {"Cmd": ["sleep", "9"], "Labels": {"b": "2", "a": "1"}, "Env": []},
            "Mounts": [{"Source": "/s", "Destination": "/d"}],
            "NetworkSettings": {"Networks": {"podman": {"IPAddress": "10.0.0.2"}}},
        }))
    }

    #[test]
    fn fields_of_structs_and_maps() {
        let data = container();
        let r = |t: &str| render(t, &data).unwrap();
        assert_eq!(
            r("{{.ID}} {{.State.Pid}} {{.State.Running}}"),
            "abc 42 true"
        );
        assert_eq!(r("{{.Config.Labels}}"), "map[a:1 b:2]");
        assert_eq!(
            r("{{.Config.Labels.a}}-{{.Config.Labels.zz}}"),
            "1-<no value>"
        );
        assert_eq!(r("{{.Config.Cmd}} {{.Config.Env}}"), "[sleep 9] []");
        assert_eq!(r("{{.Created}}"), "2022-06-15 12:00:00 +0000 UTC");
        assert_eq!(r("{{.State.StartedAt}}"), "2022-06-15 12:00:01.5 +0000 UTC");
        assert_eq!(r("{{(index .Mounts 0).Source}}"), "/s");
        assert_eq!(
            r("{{(index .NetworkSettings.Networks \"podman\").IPAddress}}"),
            "10.0.0.2"
        );
        assert_eq!(
            r("{{json .Config.Cmd}} {{json .Config.Labels}}"),
            r#"["sleep","9"] {"a":"1","b":"2"}"#
        );
        let e = render("{{.Nope}}", &data).unwrap_err().to_string();
        assert_eq!(
            e,
            "template: t:1:2: executing \"t\" at <.Nope>: can't evaluate field Nope in type *define.InspectContainerData"
        );
    }

    #[test]
    fn control_structures_and_variables() {
        let data = container();
        let r = |t: &str| render(t, &data).unwrap();
        assert_eq!(
            r("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}"),
            "a=1;b=2;"
        );
        assert_eq!(r("{{range .Config.Cmd}}<{{.}}>{{end}}"), "<sleep><9>");
        assert_eq!(r("{{range .Config.Env}}x{{else}}empty{{end}}"), "empty");
        assert_eq!(
            r("{{range $i, $c := .Config.Cmd}}{{if $i}},{{end}}{{$c}}{{end}}"),
            "sleep,9"
        );
        assert_eq!(
            r("{{range .Config.Cmd}}{{if eq . \"9\"}}{{break}}{{end}}{{.}}{{end}}"),
            "sleep"
        );
        assert_eq!(r("{{if .State.Running}}up{{else}}down{{end}}"), "up");
        assert_eq!(
            r("{{if not .State.Running}}up{{else if .ID}}id{{end}}"),
            "id"
        );
        assert_eq!(r("{{with .State}}{{.Pid}}{{end}}"), "42");
        assert_eq!(r("{{$x := .ID}}{{$x}}{{$x = \"y\"}}{{$x}}"), "abcy");
        assert_eq!(r("{{range .Config.Cmd}}{{$.ID}}{{end}}"), "abcabc");
        assert_eq!(r("{{.ID | upper | printf \"%s!\"}}"), "ABC!");
        assert_eq!(r("{{and .ID .State.Pid}} {{or \"\" .ID}}"), "42 abc");
        assert_eq!(r("a {{- /* c */ -}} b"), "ab");
        assert_eq!(r("{{len .Config.Cmd}} {{index .Config.Cmd 1}}"), "2 9");
        assert_eq!(r("{{printf \"%d-%s\" .State.Pid .ID}}"), "42-abc");
    }

    #[test]
    fn errors_name_the_template_and_the_problem() {
        let data = container();
        let e = |t: &str| render(t, &data).unwrap_err().to_string();
        assert!(e("{{range .ID}}{{end}}").contains("range can't iterate over abc"));
        assert!(e("{{.ID.X}}").contains("can't evaluate field X in type string"));
        assert!(e("{{upper .State.Pid}}").contains("error calling upper: wrong type"));
        assert_eq!(e("{{.ID"), "template: t:1: unclosed action");
    }
}
