//! The parser of Go's `text/template`: actions, pipelines, `if`/`else if`,
//! `range` (with `break`/`continue`), `with`, variables, parenthesized pipelines
//! and field chains on them (`(index .Mounts 0).Source`).

use std::fmt;

use super::Error;
use super::lex::{Keyword, Tok, Token};

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Action(Pipe),
    If(Branch),
    With(Branch),
    Range(Branch),
    Break,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    pub pipe: Pipe,
    pub list: Vec<Node>,
    pub else_list: Option<Vec<Node>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pipe {
    pub pos: usize,
    /// Variables declared (`$x :=`) or assigned (`$x =`) with its value.
    pub decl: Vec<String>,
    pub is_assign: bool,
    pub cmds: Vec<Command>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    pub pos: usize,
    pub args: Vec<Arg>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Dot,
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// `.A.B`: fields of dot.
    Field(Vec<String>),
    /// `$x.A.B`.
    Variable(String, Vec<String>),
    /// A function, by name.
    Func(String),
    Pipe(Box<Pipe>),
    /// `(pipeline).A.B`.
    Chain(Box<Arg>, Vec<String>),
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Dot => f.write_str("."),
            Arg::Nil => f.write_str("nil"),
            Arg::Bool(b) => write!(f, "{b}"),
            Arg::Int(n) => write!(f, "{n}"),
            Arg::Float(x) => write!(f, "{x}"),
            Arg::Str(s) => write!(f, "{s:?}"),
            Arg::Field(names) => names.iter().try_for_each(|n| write!(f, ".{n}")),
            Arg::Variable(name, fields) => {
                f.write_str(name)?;
                fields.iter().try_for_each(|n| write!(f, ".{n}"))
            }
            Arg::Func(name) => f.write_str(name),
            Arg::Pipe(pipe) => write!(f, "({pipe})"),
            Arg::Chain(arg, fields) => {
                write!(f, "{arg}")?;
                fields.iter().try_for_each(|n| write!(f, ".{n}"))
            }
        }
    }
}

impl fmt::Display for Pipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            let op = if self.is_assign { "=" } else { ":=" };
            write!(f, "{} {op} ", self.decl.join(", "))?;
        }
        for (i, cmd) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            for (j, arg) in cmd.args.iter().enumerate() {
                if j > 0 {
                    f.write_str(" ")?;
                }
                write!(f, "{arg}")?;
            }
        }
        Ok(())
    }
}

/// Parses the tokens of `text`; `is_function` says which names are functions.
pub fn parse(
    text: &str,
    tokens: Vec<Token>,
    is_function: &dyn Fn(&str) -> bool,
) -> Result<Vec<Node>, Error> {
    let mut parser = Parser {
        text,
        tokens,
        next: 0,
        vars: vec!["$".to_string()],
        range_depth: 0,
        is_function,
    };
    let (list, end) = parser.list()?;
    match end {
        End::Eof => Ok(list),
        End::Close(pos) => Err(Error::parse(text, pos, "unexpected {{end}}")),
        End::Else(pos, _) => Err(Error::parse(text, pos, "unexpected {{else}}")),
    }
}

/// What ended a list of nodes.
enum End {
    Eof,
    /// `{{end}}`.
    Close(usize),
    /// `{{else}}`, and whether an `if` follows it (`{{else if …}}`).
    Else(usize, bool),
}

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    next: usize,
    vars: Vec<String>,
    range_depth: usize,
    is_function: &'a dyn Fn(&str) -> bool,
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.tokens[self.next.min(self.tokens.len() - 1)]
    }

    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        if self.next < self.tokens.len() {
            self.next += 1;
        }
        token
    }

    fn skip_space(&mut self) {
        while self.peek().tok == Tok::Space {
            self.next += 1;
        }
    }

    fn peek_non_space(&mut self) -> &Token {
        self.skip_space();
        self.peek()
    }

    fn next_non_space(&mut self) -> Token {
        self.skip_space();
        self.advance()
    }

    fn error(&self, pos: usize, message: impl Into<String>) -> Error {
        Error::parse(self.text, pos, message)
    }

    fn unexpected(&self, token: &Token, context: &str) -> Error {
        let what = match &token.tok {
            Tok::Eof => "EOF".to_string(),
            Tok::RightDelim => "\"}}\"".to_string(),
            Tok::RightParen => "\")\"".to_string(),
            other => format!("{other:?}"),
        };
        self.error(token.pos, format!("unexpected {what} in {context}"))
    }

    /// Nodes up to `{{end}}`, `{{else}}` or the end of the text.
    fn list(&mut self) -> Result<(Vec<Node>, End), Error> {
        let mut nodes = Vec::new();
        loop {
            let token = self.advance();
            match token.tok {
                Tok::Eof => return Ok((nodes, End::Eof)),
                Tok::Text(text) => nodes.push(Node::Text(text)),
                Tok::LeftDelim => match self.action()? {
                    Action::Node(node) => nodes.push(node),
                    Action::End(end) => return Ok((nodes, end)),
                },
                _ => return Err(self.unexpected(&token, "input")),
            }
        }
    }

    fn action(&mut self) -> Result<Action, Error> {
        let token = self.next_non_space();
        let keyword = match token.tok {
            Tok::Keyword(keyword) => keyword,
            _ => {
                self.next -= 1;
                let pipe = self.pipeline("command", &Tok::RightDelim)?;
                return Ok(Action::Node(Node::Action(pipe)));
            }
        };
        match keyword {
            Keyword::If => Ok(Action::Node(Node::If(self.control(true, "if")?))),
            Keyword::With => Ok(Action::Node(Node::With(self.control(false, "with")?))),
            Keyword::Range => Ok(Action::Node(Node::Range(self.control(false, "range")?))),
            Keyword::End => {
                self.expect_right_delim("end")?;
                Ok(Action::End(End::Close(token.pos)))
            }
            Keyword::Else => {
                if self.peek_non_space().tok == Tok::Keyword(Keyword::If) {
                    // `{{else if x}}` is `{{else}}{{if x}}…{{end}}` sharing the outer `{{end}}`.
                    return Ok(Action::End(End::Else(token.pos, true)));
                }
                self.expect_right_delim("else")?;
                Ok(Action::End(End::Else(token.pos, false)))
            }
            Keyword::Break | Keyword::Continue => {
                let name = if keyword == Keyword::Break {
                    "break"
                } else {
                    "continue"
                };
                if self.range_depth == 0 {
                    return Err(
                        self.error(token.pos, format!("{{{{{name}}}}} outside {{{{range}}}}"))
                    );
                }
                self.expect_right_delim(name)?;
                Ok(Action::Node(if keyword == Keyword::Break {
                    Node::Break
                } else {
                    Node::Continue
                }))
            }
            Keyword::Define | Keyword::Template | Keyword::Block => Err(self.error(
                token.pos,
                "define, template and block are not supported in --format templates",
            )),
        }
    }

    fn expect_right_delim(&mut self, context: &str) -> Result<(), Error> {
        let token = self.next_non_space();
        if token.tok != Tok::RightDelim {
            return Err(self.unexpected(&token, context));
        }
        Ok(())
    }

    fn control(&mut self, allow_else_if: bool, context: &str) -> Result<Branch, Error> {
        let scope = self.vars.len();
        let pipe = self.pipeline(context, &Tok::RightDelim)?;
        let in_range = context == "range";
        if in_range {
            self.range_depth += 1;
        }
        let (list, end) = self.list()?;
        if in_range {
            self.range_depth -= 1;
        }
        let else_list = match end {
            End::Close(_) => None,
            End::Eof => {
                return Err(self.error(self.text.len(), format!("unexpected EOF in {context}")));
            }
            End::Else(_, true) if allow_else_if => {
                self.next_non_space(); // the `if`
                Some(vec![Node::If(self.control(true, "if")?)])
            }
            End::Else(pos, true) => {
                return Err(self.error(pos, format!("unexpected \"if\" after else in {context}")));
            }
            End::Else(pos, false) => {
                let (else_list, end) = self.list()?;
                if !matches!(end, End::Close(_)) {
                    return Err(self.error(pos, "expected end; found else or EOF"));
                }
                Some(else_list)
            }
        };
        self.vars.truncate(scope);
        Ok(Branch {
            pipe,
            list,
            else_list,
        })
    }

    fn pipeline(&mut self, context: &str, end: &Tok) -> Result<Pipe, Error> {
        let pos = self.peek_non_space().pos;
        let mut pipe = Pipe {
            pos,
            decl: Vec::new(),
            is_assign: false,
            cmds: Vec::new(),
        };
        // Declarations: `$x :=`, `$x =`, `$i, $e :=` (range only).
        while let Tok::Variable(name) = self.peek_non_space().tok.clone() {
            let save = self.next;
            self.advance();
            let after = self.peek_non_space().tok.clone();
            match after {
                Tok::Declare | Tok::Assign => {
                    pipe.is_assign = after == Tok::Assign;
                    self.advance();
                    if pipe.is_assign && !self.vars.contains(&name) {
                        return Err(self.error(pos, format!("undefined variable {name:?}")));
                    }
                    pipe.decl.push(name.clone());
                    self.vars.push(name);
                    break;
                }
                Tok::Comma if context == "range" && pipe.decl.is_empty() => {
                    self.advance();
                    pipe.decl.push(name.clone());
                    self.vars.push(name);
                    if !matches!(self.peek_non_space().tok, Tok::Variable(_)) {
                        return Err(self.error(pos, "range can only initialize variables"));
                    }
                }
                Tok::Comma => {
                    return Err(self.error(pos, format!("too many declarations in {context}")));
                }
                _ => {
                    self.next = save;
                    break;
                }
            }
        }
        loop {
            let token = self.next_non_space();
            if &token.tok == end {
                if pipe.cmds.is_empty() {
                    return Err(self.error(token.pos, format!("missing value for {context}")));
                }
                for (i, cmd) in pipe.cmds.iter().enumerate().skip(1) {
                    if matches!(
                        cmd.args[0],
                        Arg::Bool(_)
                            | Arg::Dot
                            | Arg::Nil
                            | Arg::Int(_)
                            | Arg::Float(_)
                            | Arg::Str(_)
                    ) {
                        return Err(self.error(
                            cmd.pos,
                            format!("non executable command in pipeline stage {}", i + 1),
                        ));
                    }
                }
                return Ok(pipe);
            }
            match token.tok {
                Tok::Bool(_)
                | Tok::Char(_)
                | Tok::Dot
                | Tok::Field(_)
                | Tok::Ident(_)
                | Tok::Number(_)
                | Tok::Nil
                | Tok::Str(_)
                | Tok::Variable(_)
                | Tok::LeftParen => {
                    self.next -= 1;
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                }
                _ => return Err(self.unexpected(&token, context)),
            }
        }
    }

    fn command(&mut self) -> Result<Command, Error> {
        let pos = self.peek_non_space().pos;
        let mut args = Vec::new();
        loop {
            self.skip_space();
            if let Some(arg) = self.operand()? {
                args.push(arg);
            }
            let token = self.advance();
            match token.tok {
                Tok::Space => continue,
                Tok::RightDelim | Tok::RightParen => self.next -= 1,
                Tok::Pipe => {}
                _ => return Err(self.unexpected(&token, "operand")),
            }
            break;
        }
        if args.is_empty() {
            return Err(self.error(pos, "empty command"));
        }
        Ok(Command { pos, args })
    }

    fn operand(&mut self) -> Result<Option<Arg>, Error> {
        let pos = self.peek().pos;
        let Some(term) = self.term()? else {
            return Ok(None);
        };
        let mut fields = Vec::new();
        while let Tok::Field(name) = &self.peek().tok {
            fields.push(name.clone());
            self.advance();
        }
        if fields.is_empty() {
            return Ok(Some(term));
        }
        Ok(Some(match term {
            Arg::Field(mut first) => {
                first.extend(fields);
                Arg::Field(first)
            }
            Arg::Variable(name, mut first) => {
                first.extend(fields);
                Arg::Variable(name, first)
            }
            Arg::Bool(_) | Arg::Str(_) | Arg::Int(_) | Arg::Float(_) | Arg::Nil | Arg::Dot => {
                return Err(self.error(pos, format!("unexpected . after term {term}")));
            }
            other => Arg::Chain(Box::new(other), fields),
        }))
    }

    fn term(&mut self) -> Result<Option<Arg>, Error> {
        let token = self.next_non_space();
        let arg = match token.tok {
            Tok::Ident(name) => {
                if !(self.is_function)(&name) {
                    return Err(self.error(token.pos, format!("function {name:?} not defined")));
                }
                Arg::Func(name)
            }
            Tok::Dot => Arg::Dot,
            Tok::Nil => Arg::Nil,
            Tok::Variable(name) => {
                if !self.vars.contains(&name) {
                    return Err(self.error(token.pos, format!("undefined variable {name:?}")));
                }
                Arg::Variable(name, Vec::new())
            }
            Tok::Field(name) => Arg::Field(vec![name]),
            Tok::Bool(b) => Arg::Bool(b),
            Tok::Char(c) => Arg::Int(i64::from(u32::from(c))),
            Tok::Number(text) => number(&text)
                .ok_or_else(|| self.error(token.pos, format!("illegal number syntax: {text:?}")))?,
            Tok::Str(s) => Arg::Str(s),
            Tok::LeftParen => Arg::Pipe(Box::new(
                self.pipeline("parenthesized pipeline", &Tok::RightParen)?,
            )),
            _ => {
                self.next -= 1;
                return Ok(None);
            }
        };
        Ok(Some(arg))
    }
}

enum Action {
    Node(Node),
    End(End),
}

/// A number literal as Go's ideal constants read it: an int unless it has a
/// fraction or exponent.
fn number(text: &str) -> Option<Arg> {
    let clean = text.replace('_', "");
    let (negative, digits) = match clean.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, clean.strip_prefix('+').unwrap_or(&clean)),
    };
    let lower = digits.to_ascii_lowercase();
    let radix = |prefix: &str, radix: u32| {
        lower
            .strip_prefix(prefix)
            .and_then(|d| i64::from_str_radix(d, radix).ok())
    };
    let int = radix("0x", 16)
        .or_else(|| radix("0o", 8))
        .or_else(|| radix("0b", 2))
        .or_else(|| {
            if lower.len() > 1
                && lower.starts_with('0')
                && lower.bytes().all(|b| b.is_ascii_digit())
            {
                i64::from_str_radix(&lower[1..], 8).ok()
            } else {
                lower.parse().ok()
            }
        });
    if let Some(n) = int {
        return Some(Arg::Int(if negative { -n } else { n }));
    }
    if lower.starts_with("0x") {
        return None;
    }
    let x: f64 = digits.parse().ok()?;
    Some(Arg::Float(if negative { -x } else { x }))
}

/// Collects into `fields` the fields of each object that a template over a
/// list (`{{range .}}…{{end}}`) reads; false when it may read an object whole
/// (dot itself, variables, `with`), or cannot tell.
pub fn fields_read(nodes: &[Node], fields: &mut std::collections::BTreeSet<String>) -> bool {
    /// `level`: 0 outside any range (dot is the list), 1 in the range over it
    /// (dot is one object), 2 deeper (dot is something of an object's).
    fn list(nodes: &[Node], level: u8, fields: &mut std::collections::BTreeSet<String>) -> bool {
        nodes.iter().all(|node| match node {
            Node::Text(_) | Node::Break | Node::Continue => true,
            Node::Action(p) => pipe(p, level, fields),
            Node::If(b) => {
                pipe(&b.pipe, level, fields)
                    && list(&b.list, level, fields)
                    && b.else_list.as_ref().is_none_or(|l| list(l, level, fields))
            }
            Node::Range(b) => {
                pipe(&b.pipe, level, fields)
                    && list(&b.list, (level + 1).min(2), fields)
                    && b.else_list.as_ref().is_none_or(|l| list(l, level, fields))
            }
            Node::With(b) => {
                level >= 1
                    && pipe(&b.pipe, level, fields)
                    && list(&b.list, 2, fields)
                    && b.else_list.as_ref().is_none_or(|l| list(l, level, fields))
            }
        })
    }
    fn pipe(p: &Pipe, level: u8, fields: &mut std::collections::BTreeSet<String>) -> bool {
        p.decl.is_empty()
            && p.cmds
                .iter()
                .all(|cmd| cmd.args.iter().all(|a| arg(a, level, fields)))
    }
    fn arg(a: &Arg, level: u8, fields: &mut std::collections::BTreeSet<String>) -> bool {
        match a {
            Arg::Dot => level != 1,
            Arg::Variable(..) => false,
            Arg::Field(names) => {
                if level >= 1 {
                    fields.insert(names[0].clone());
                }
                true
            }
            Arg::Pipe(p) => pipe(p, level, fields),
            Arg::Chain(inner, _) => arg(inner, level, fields),
            Arg::Nil | Arg::Bool(_) | Arg::Int(_) | Arg::Float(_) | Arg::Str(_) | Arg::Func(_) => {
                true
            }
        }
    }
    list(nodes, 0, fields)
}

#[cfg(test)]
mod tests {
    use super::super::lex::lex;
    use super::*;

    fn parse_text(text: &str) -> Result<Vec<Node>, Error> {
        parse(text, lex(text)?, &|name| name == "upper" || name == "index")
    }

    #[test]
    fn pipelines_chains_and_controls() {
        let nodes = parse_text("{{(index .M 0).Source | upper}}").unwrap();
        let Node::Action(pipe) = &nodes[0] else {
            panic!("{nodes:?}")
        };
        assert_eq!(pipe.to_string(), "(index .M 0).Source | upper");
        let nodes = parse_text("{{range $i, $e := .L}}{{$i}}{{else}}none{{end}}").unwrap();
        let Node::Range(branch) = &nodes[0] else {
            panic!("{nodes:?}")
        };
        assert_eq!(branch.pipe.decl, vec!["$i", "$e"]);
        assert!(branch.else_list.is_some());
        let nodes = parse_text("{{if .A}}a{{else if .B}}b{{else}}c{{end}}").unwrap();
        let Node::If(branch) = &nodes[0] else {
            panic!("{nodes:?}")
        };
        assert!(matches!(branch.else_list.as_deref(), Some([Node::If(_)])));
    }

    #[test]
    fn the_fields_a_template_reads() {
        let read = |t: &str| {
            let mut fields = std::collections::BTreeSet::new();
            fields_read(&parse_text(t).unwrap(), &mut fields).then_some(fields)
        };
        let names = |list: &[&str]| Some(list.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            read("{{range .}}{{.ID}} {{.Names | upper}}{{end}}"),
            names(&["ID", "Names"])
        );
        assert_eq!(
            read("{{range .}}{{if .A}}{{(index .B 0).C}}{{end}}{{range .D}}{{.}}{{end}}{{end}}"),
            names(&["A", "B", "D"])
        );
        assert_eq!(read("{{range .}}{{upper .}}{{end}}"), None, "dot whole");
        assert_eq!(read("{{range .}}{{$.X}}{{end}}"), None, "a variable");
        assert_eq!(
            read("{{range $i, $e := .}}{{$e}}{{end}}"),
            None,
            "declarations"
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let e = |t: &str| parse_text(t).unwrap_err().to_string();
        assert!(
            e("{{nosuch .A}}").contains("function \"nosuch\" not defined"),
            "{}",
            e("{{nosuch .A}}")
        );
        assert!(e("{{$x}}").contains("undefined variable"));
        assert!(e("{{if .A}}").contains("unexpected EOF"));
        assert!(e("{{end}}").contains("unexpected {{end}}"));
        assert!(e("{{break}}").contains("outside"));
        assert!(e("{{.A | \"x\"}}").contains("non executable"));
    }
}
