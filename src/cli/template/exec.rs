//! Runs a parsed template over data as Go's `text/template` does: fields of
//! structs and maps, variables, pipelines (each command's result is the
//! last argument of the next), lazy `and`/`or`, `if`/`with`/`range`.

use std::borrow::Cow;

use super::Error;
use super::funcs;
use super::parse::{Arg, Branch, Command, Node, Pipe};
use super::value::Value;

/// What a list of nodes ended with.
#[derive(PartialEq)]
enum Flow {
    Normal,
    Break,
    Continue,
}

pub struct Exec<'t> {
    text: &'t str,
    vars: Vec<(String, Value)>,
    out: String,
}

type Result<T> = std::result::Result<T, Error>;

impl<'t> Exec<'t> {
    /// Runs `nodes` (parsed from `text`) with `data` as dot and `$`.
    pub fn run(text: &'t str, nodes: &[Node], data: &Value) -> Result<String> {
        let mut exec = Exec {
            text,
            vars: vec![("$".to_string(), data.clone())],
            out: String::new(),
        };
        exec.walk_list(nodes, data)?;
        Ok(exec.out)
    }

    fn error(&self, pos: usize, at: &dyn std::fmt::Display, message: impl Into<String>) -> Error {
        Error::exec(self.text, pos, &at.to_string(), message)
    }

    fn walk_list(&mut self, nodes: &[Node], dot: &Value) -> Result<Flow> {
        for node in nodes {
            let flow = self.walk(node, dot)?;
            if flow != Flow::Normal {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    fn walk(&mut self, node: &Node, dot: &Value) -> Result<Flow> {
        match node {
            Node::Text(text) => self.out.push_str(text),
            Node::Action(pipe) => {
                let value = self.pipeline(pipe, dot)?;
                if pipe.decl.is_empty() {
                    use std::fmt::Write;
                    let _ = write!(self.out, "{value}");
                }
            }
            Node::If(branch) | Node::With(branch) => {
                let mark = self.vars.len();
                let value = self.pipeline(&branch.pipe, dot)?;
                let flow = if value.is_true() {
                    let dot = if matches!(node, Node::With(_)) {
                        &value
                    } else {
                        dot
                    };
                    self.walk_list(&branch.list, dot)?
                } else if let Some(else_list) = &branch.else_list {
                    self.walk_list(else_list, dot)?
                } else {
                    Flow::Normal
                };
                self.vars.truncate(mark);
                return Ok(flow);
            }
            Node::Range(branch) => return self.range(branch, dot),
            Node::Break => return Ok(Flow::Break),
            Node::Continue => return Ok(Flow::Continue),
        }
        Ok(Flow::Normal)
    }

    fn range(&mut self, branch: &Branch, dot: &Value) -> Result<Flow> {
        let mark = self.vars.len();
        let value = self.pipeline(&branch.pipe, dot)?;
        let body_mark = self.vars.len();
        let iterate = |this: &mut Self, key: Value, element: &Value| -> Result<Flow> {
            let decl = &branch.pipe.decl;
            if let Some(last) = decl.last() {
                this.set_var(last, element.clone());
            }
            if decl.len() > 1 {
                this.set_var(&decl[0], key);
            }
            let flow = this.walk_list(&branch.list, element)?;
            this.vars.truncate(body_mark);
            Ok(flow)
        };
        let mut ran = false;
        match &value {
            Value::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    ran = true;
                    if iterate(self, Value::from(i), item)? == Flow::Break {
                        break;
                    }
                }
            }
            Value::Map(entries) => {
                for (key, item) in entries.iter() {
                    ran = true;
                    if iterate(self, Value::Str(key.clone()), item)? == Flow::Break {
                        break;
                    }
                }
            }
            Value::Int(n) => {
                for i in 0..*n {
                    ran = true;
                    if iterate(self, Value::Int(i), &Value::Int(i))? == Flow::Break {
                        break;
                    }
                }
            }
            Value::Missing | Value::Nil => {}
            other => {
                return Err(self.error(
                    branch.pipe.pos,
                    &branch.pipe,
                    format!("range can't iterate over {other}"),
                ));
            }
        }
        if !ran {
            if let Some(else_list) = &branch.else_list {
                self.walk_list(else_list, dot)?;
            }
        }
        self.vars.truncate(mark);
        Ok(Flow::Normal)
    }

    fn set_var(&mut self, name: &str, value: Value) {
        if let Some(slot) = self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            slot.1 = value;
        }
    }

    fn var(&self, name: &str) -> Value {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map_or(Value::Missing, |(_, v)| v.clone())
    }

    fn pipeline(&mut self, pipe: &Pipe, dot: &Value) -> Result<Value> {
        let mut value: Option<Value> = None;
        for cmd in &pipe.cmds {
            value = Some(self.command(cmd, dot, value)?);
        }
        let value = value.unwrap_or(Value::Missing);
        for name in &pipe.decl {
            if pipe.is_assign {
                self.set_var(name, value.clone());
            } else {
                self.vars.push((name.clone(), value.clone()));
            }
        }
        Ok(value)
    }

    fn command(&mut self, cmd: &Command, dot: &Value, last: Option<Value>) -> Result<Value> {
        let first = &cmd.args[0];
        if let Arg::Func(name) = first {
            return self.call(cmd.pos, name, &cmd.args[1..], dot, last);
        }
        if cmd.args.len() > 1 || last.is_some() {
            let message = match first {
                Arg::Field(_) | Arg::Variable(..) | Arg::Chain(..) => {
                    format!("{first} has arguments but cannot be invoked as function")
                }
                _ => format!("can't give argument to non-function {first}"),
            };
            return Err(self.error(cmd.pos, first, message));
        }
        self.arg(cmd.pos, first, dot)
    }

    fn call(
        &mut self,
        pos: usize,
        name: &str,
        args: &[Arg],
        dot: &Value,
        last: Option<Value>,
    ) -> Result<Value> {
        if name == "and" || name == "or" {
            // Lazy: stops at the first false (and) or true (or) argument.
            let stop_when = name == "or";
            let count = args.len() + usize::from(last.is_some());
            if count == 0 {
                return Err(self.error(
                    pos,
                    &name,
                    format!("wrong number of args for {name}: want at least 1 got 0"),
                ));
            }
            let mut value = Value::Missing;
            for arg in args {
                value = self.arg(pos, arg, dot)?;
                if value.is_true() == stop_when {
                    return Ok(value);
                }
            }
            return Ok(last.unwrap_or(value));
        }
        let mut values = Vec::with_capacity(args.len() + 1);
        for arg in args {
            values.push(self.arg(pos, arg, dot)?);
        }
        values.extend(last);
        let func = funcs::lookup(name).expect("the parser checked the function exists");
        func(&values).map_err(|message| {
            let message =
                if message.starts_with("error calling") || message.starts_with("wrong number") {
                    message
                } else {
                    format!("error calling {name}: {message}")
                };
            self.error(pos, &name, message)
        })
    }

    fn arg(&mut self, pos: usize, arg: &Arg, dot: &Value) -> Result<Value> {
        Ok(match arg {
            Arg::Dot => dot.clone(),
            Arg::Nil => return Err(self.error(pos, arg, "nil is not a command")),
            Arg::Bool(b) => Value::Bool(*b),
            Arg::Int(n) => Value::Int(*n),
            Arg::Float(x) => Value::Float(*x),
            Arg::Str(s) => Value::Str(s.clone()),
            Arg::Field(names) => self.fields(pos, arg, Cow::Borrowed(dot), names)?,
            Arg::Variable(name, names) => {
                self.fields(pos, arg, Cow::Owned(self.var(name)), names)?
            }
            Arg::Func(name) => self.call(pos, name, &[], dot, None)?,
            Arg::Pipe(pipe) => {
                let mark = self.vars.len();
                let value = self.pipeline(pipe, dot)?;
                self.vars.truncate(mark);
                value
            }
            Arg::Chain(inner, names) => {
                let value = self.arg(pos, inner, dot)?;
                self.fields(pos, arg, Cow::Owned(value), names)?
            }
        })
    }

    /// `receiver.A.B…`.
    fn fields(
        &self,
        pos: usize,
        at: &Arg,
        receiver: Cow<'_, Value>,
        names: &[String],
    ) -> Result<Value> {
        let mut current = receiver;
        for name in names {
            let next = match current.as_ref() {
                Value::Struct(s) => match s.field(name) {
                    Some(value) => value.clone(),
                    None => {
                        return Err(self.error(
                            pos,
                            at,
                            format!("can't evaluate field {name} in type {}", s.type_name),
                        ));
                    }
                },
                Value::Map(entries) => entries.get(name).cloned().unwrap_or(Value::Missing),
                // Go gives the zero (invalid) value for a field of nothing.
                Value::Missing => Value::Missing,
                Value::Nil => {
                    return Err(self.error(pos, at, format!("nil pointer evaluating {name}")));
                }
                other => {
                    return Err(self.error(
                        pos,
                        at,
                        format!("can't evaluate field {name} in type {}", other.type_name()),
                    ));
                }
            };
            current = Cow::Owned(next);
        }
        Ok(current.into_owned())
    }
}
