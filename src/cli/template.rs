//! `--format` with Go-template syntax (`{{.State.Pid}}`, `{{json .Config}}`,
//! `{{range}}`, `{{index}}`), through the `gtmpl` crate, over the same JSON
//! that `--format json` prints.

use std::collections::HashMap;

use gtmpl::{FuncError, Template, Value};

use super::{EXIT_ENGINE, Failure};

/// A parsed `--format` template.
pub struct GoTemplate(Template);

impl GoTemplate {
    /// Parses `text`; `\t` and `\n` written as two characters mean a tab and a newline, as in Podman.
    pub fn parse(text: &str) -> Result<GoTemplate, Failure> {
        let text = text.replace("\\t", "\t").replace("\\n", "\n");
        let mut template = Template::default();
        template.add_func("json", json);
        template.add_func("lower", lower);
        template.add_func("upper", upper);
        template.add_func("join", join);
        template.parse(text).map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!("invalid --format template: {e}; see Go's text/template syntax"),
            )
        })?;
        Ok(GoTemplate(template))
    }

    /// The template applied to `data`, with a final newline.
    pub fn render(&self, data: &serde_json::Value) -> Result<String, Failure> {
        let context = gtmpl::Context::from(to_value(data));
        let mut out = self.0.render(&context).map_err(|e| {
            Failure::new(EXIT_ENGINE, format!("applying the --format template: {e}"))
        })?;
        if !out.ends_with('\n') {
            out.push('\n');
        }
        Ok(out)
    }
}

fn to_value(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Value::from(i),
            (None, Some(u)) => Value::from(u),
            _ => Value::from(n.as_f64().unwrap_or_default()),
        },
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        serde_json::Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), to_value(v)))
                .collect::<HashMap<_, _>>(),
        ),
    }
}

fn to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::NoValue | Value::Nil | Value::Function(_) => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Number(n) => n
            .as_i64()
            .map(serde_json::Value::from)
            .or_else(|| n.as_u64().map(serde_json::Value::from))
            .or_else(|| n.as_f64().map(serde_json::Value::from))
            .unwrap_or(serde_json::Value::Null),
        Value::Array(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
        Value::Object(fields) | Value::Map(fields) => {
            let sorted: std::collections::BTreeMap<_, _> = fields
                .iter()
                .map(|(k, v)| (k.clone(), to_json(v)))
                .collect();
            serde_json::Value::Object(sorted.into_iter().collect())
        }
    }
}

fn one<'a>(name: &str, args: &'a [Value]) -> Result<&'a Value, FuncError> {
    match args {
        [value] => Ok(value),
        _ => Err(FuncError::ExactlyXArgs(name.into(), 1)),
    }
}

fn json(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::String(to_json(one("json", args)?).to_string()))
}

fn lower(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::String(
        one("lower", args)?.to_string().to_lowercase(),
    ))
}

fn upper(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::String(
        one("upper", args)?.to_string().to_uppercase(),
    ))
}

fn join(args: &[Value]) -> Result<Value, FuncError> {
    match args {
        [Value::Array(items), separator] => Ok(Value::String(
            items
                .iter()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(&separator.to_string()),
        )),
        _ => Err(FuncError::Generic(
            "join takes a list and a separator".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_functions_and_ranges() {
        let data = serde_json::json!({
            "State": {"Pid": 42, "Running": true},
            "Config": {"Cmd": ["sleep", "9"], "Labels": {"a": "b"}},
        });
        let render = |t: &str| GoTemplate::parse(t).unwrap().render(&data).unwrap();
        assert_eq!(render("{{.State.Pid}}"), "42\n");
        assert_eq!(render("{{json .Config.Cmd}}"), "[\"sleep\",\"9\"]\n");
        assert_eq!(
            render("{{range .Config.Cmd}}<{{.}}>{{end}}"),
            "<sleep><9>\n"
        );
        assert_eq!(render("{{index .Config.Labels \"a\"}}"), "b\n");
        assert_eq!(render("{{.State.Running}}\\t{{upper \"x\"}}"), "true\tX\n");
        assert!(GoTemplate::parse("{{.State.Pid").is_err());
    }
}
