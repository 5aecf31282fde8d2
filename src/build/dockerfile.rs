//! A Containerfile/Dockerfile parsed into stages of instructions, as Docker's
//! parser reads it: parser directives (`# escape=`, `# syntax=`) before
//! anything else, comment lines dropped (also inside a continued
//! instruction), lines joined at a trailing escape character, instruction
//! names in any case, and each instruction's flags and arguments split out.
//! Values stay as written (quotes and `$VAR` included): variables are
//! expanded when the build reaches the instruction ([`super::words`]), with
//! the ARG and ENV values then in scope.

use std::fmt;

/// A command in exec form (`["a", "b"]`) or shell form (run by the shell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Exec(Vec<String>),
    Shell(String),
}

/// `HEALTHCHECK`: none (`NONE`: the base image's is dropped) or a test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Healthcheck {
    None,
    Check {
        command: Command,
        /// `--interval`, `--timeout`, `--start-period`, `--start-interval` as given.
        durations: Vec<(String, String)>,
        retries: Option<u32>,
    },
}

/// One instruction, its arguments as written (see the module note).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    From {
        image: String,
        name: Option<String>,
        platform: Option<String>,
    },
    Run {
        command: Command,
        /// `--mount=` specs, `--network=`.
        mounts: Vec<String>,
        network: Option<String>,
    },
    /// COPY (`add` false) and ADD.
    Copy {
        add: bool,
        sources: Vec<String>,
        dest: String,
        from: Option<String>,
        chown: Option<String>,
        chmod: Option<String>,
        /// ADD `--checksum=ALGORITHM:HEX` of its one URL source.
        checksum: Option<String>,
        /// Sources given inline (`COPY <<NAME dest`): files named NAME.
        inline: Vec<Heredoc>,
    },
    Env(Vec<(String, String)>),
    /// `NAME` or `NAME=default`, per name.
    Arg(Vec<(String, Option<String>)>),
    Label(Vec<(String, String)>),
    Workdir(String),
    User(String),
    Expose(String),
    Volume(Vec<String>),
    Entrypoint(Command),
    Cmd(Command),
    StopSignal(String),
    Healthcheck(Healthcheck),
    Shell(Vec<String>),
    /// The trigger instruction, as written.
    Onbuild(String),
    Maintainer(String),
}

/// A here-document of RUN, COPY or ADD: `<<NAME` and the lines after the
/// instruction up to a line `NAME` (`<<-NAME`: leading tabs stripped from
/// them; a quoted `"NAME"` or `'NAME'` is the same here, as rcon expands
/// no variables in one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heredoc {
    pub name: String,
    /// Its lines, each ending in a newline.
    pub body: String,
}

/// An instruction where the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    /// The line it begins on (1-based).
    pub line: usize,
    /// The instruction as one line (continuations joined), for the output
    /// and the layer cache.
    pub text: String,
    pub kind: Kind,
}

/// A `FROM` and what follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub from: Instruction,
    pub instructions: Vec<Instruction>,
}

impl Stage {
    /// Its `AS` name.
    pub fn name(&self) -> Option<&str> {
        match &self.from.kind {
            Kind::From { name, .. } => name.as_deref(),
            _ => None,
        }
    }
}

/// A parsed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dockerfile {
    /// The escape character (`\` unless a directive says `` ` ``).
    pub escape: char,
    /// ARGs before the first FROM (usable in FROM lines).
    pub meta_args: Vec<(String, Option<String>)>,
    pub stages: Vec<Stage>,
}

/// A Dockerfile that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct SyntaxError {
    pub file: String,
    pub line: usize,
    /// The instruction's text, when the error is in one.
    pub instruction: Option<String>,
    pub reason: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(instruction) = &self.instruction {
            write!(f, "{instruction:?}: ")?;
        }
        f.write_str(&self.reason)
    }
}

/// Parses `text`, read from `file` (named in errors).
pub fn parse(file: &str, text: &str) -> Result<Dockerfile, SyntaxError> {
    let error = |line, instruction: Option<&str>, reason: String| SyntaxError {
        file: file.to_string(),
        line,
        instruction: instruction.map(str::to_string),
        reason,
    };
    let escape = directives(text).map_err(|(line, reason)| error(line, None, reason))?;
    let mut meta_args = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    for (line, text, heredocs) in logical_lines(text, escape) {
        let instruction = parse_instruction(&text, escape)
            .and_then(|kind| with_heredocs(kind, &text, &heredocs))
            .map(|kind| Instruction {
                line,
                // The documents are part of what the step does (and of its cache key).
                text: heredocs.iter().fold(text.clone(), |text, doc| {
                    format!("{text}\n{}{}", doc.body, doc.name)
                }),
                kind,
            })
            .map_err(|reason| error(line, Some(&text), reason))?;
        match (&instruction.kind, stages.last_mut()) {
            (Kind::From { .. }, _) => stages.push(Stage {
                from: instruction,
                instructions: Vec::new(),
            }),
            (_, Some(stage)) => stage.instructions.push(instruction),
            (Kind::Arg(args), None) => meta_args.extend(args.iter().cloned()),
            (_, None) => {
                return Err(error(
                    line,
                    Some(&text),
                    "no FROM before it: a Containerfile begins with FROM (only ARG may come first)"
                        .into(),
                ));
            }
        }
    }
    if stages.is_empty() {
        return Err(error(
            1,
            None,
            "no FROM instruction: nothing to build".into(),
        ));
    }
    Ok(Dockerfile {
        escape,
        meta_args,
        stages,
    })
}

/// Parses one instruction line (also an ONBUILD trigger).
pub fn parse_instruction(text: &str, escape: char) -> Result<Kind, String> {
    let (keyword, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let keyword = keyword.to_ascii_uppercase();
    let rest = rest.trim();
    let needs_value = || {
        if rest.is_empty() {
            Err(format!("{keyword} needs an argument"))
        } else {
            Ok(())
        }
    };
    match keyword.as_str() {
        "FROM" => {
            let (flags, args) = flags(rest, &["platform"])?;
            let args: Vec<&str> = args.split_whitespace().collect();
            let name = match args.as_slice() {
                [_] => None,
                [_, as_, name] if as_.eq_ignore_ascii_case("as") => Some(name.to_string()),
                _ => return Err("FROM takes IMAGE [AS NAME]".into()),
            };
            Ok(Kind::From {
                image: args[0].to_string(),
                name,
                platform: flag(&flags, "platform"),
            })
        }
        "RUN" => {
            let (flags, args) = flags(rest, &["mount", "network", "security"])?;
            if args.is_empty() {
                return Err("RUN needs a command".into());
            }
            Ok(Kind::Run {
                command: command(args),
                mounts: flags
                    .iter()
                    .filter(|(k, _)| k == "mount")
                    .map(|(_, v)| v.clone())
                    .collect(),
                network: flag(&flags, "network"),
            })
        }
        "COPY" | "ADD" => {
            let known: &[&str] = if keyword == "COPY" {
                &["from", "chown", "chmod", "link", "parents", "exclude"]
            } else {
                &[
                    "chown",
                    "chmod",
                    "link",
                    "checksum",
                    "keep-git-dir",
                    "exclude",
                ]
            };
            let (flags, args) = flags(rest, known)?;
            let mut paths = match exec_form(args) {
                Some(list) => list,
                None => args.split_whitespace().map(str::to_string).collect(),
            };
            if paths.len() < 2 {
                return Err(format!(
                    "{keyword} needs at least one source and a destination"
                ));
            }
            let dest = paths.pop().expect("two or more");
            Ok(Kind::Copy {
                add: keyword == "ADD",
                sources: paths,
                dest,
                from: flag(&flags, "from"),
                chown: flag(&flags, "chown"),
                chmod: flag(&flags, "chmod"),
                checksum: flag(&flags, "checksum"),
                inline: Vec::new(),
            })
        }
        "ENV" | "LABEL" => {
            needs_value()?;
            let pairs = name_values(rest, escape, keyword == "ENV")
                .ok_or_else(|| format!("{keyword} takes NAME=VALUE pairs"))?;
            Ok(if keyword == "ENV" {
                Kind::Env(pairs)
            } else {
                Kind::Label(pairs)
            })
        }
        "ARG" => {
            needs_value()?;
            let mut args = Vec::new();
            for item in split_keeping_quotes(rest, escape) {
                match item.split_once('=') {
                    Some((name, value)) => args.push((name.to_string(), Some(value.to_string()))),
                    None => args.push((item, None)),
                }
            }
            if args.iter().any(|(name, _)| name.is_empty()) {
                return Err("ARG takes NAME[=DEFAULT]".into());
            }
            Ok(Kind::Arg(args))
        }
        "WORKDIR" => needs_value().map(|()| Kind::Workdir(rest.to_string())),
        "USER" => needs_value().map(|()| Kind::User(rest.to_string())),
        "EXPOSE" => needs_value().map(|()| Kind::Expose(rest.to_string())),
        "STOPSIGNAL" => needs_value().map(|()| Kind::StopSignal(rest.to_string())),
        "MAINTAINER" => needs_value().map(|()| Kind::Maintainer(rest.to_string())),
        "VOLUME" => {
            needs_value()?;
            Ok(Kind::Volume(exec_form(rest).unwrap_or_else(|| {
                rest.split_whitespace().map(str::to_string).collect()
            })))
        }
        "ENTRYPOINT" | "CMD" => {
            needs_value()?;
            let command = command(rest);
            Ok(if keyword == "CMD" {
                Kind::Cmd(command)
            } else {
                Kind::Entrypoint(command)
            })
        }
        "SHELL" => match exec_form(rest) {
            Some(shell) if !shell.is_empty() => Ok(Kind::Shell(shell)),
            _ => Err("SHELL takes a JSON array: SHELL [\"executable\", \"parameters\"]".into()),
        },
        "ONBUILD" => {
            needs_value()?;
            let (trigger, _) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            match trigger.to_ascii_uppercase().as_str() {
                "ONBUILD" | "FROM" | "MAINTAINER" => {
                    Err(format!("{trigger} is not allowed as an ONBUILD trigger"))
                }
                _ => parse_instruction(rest, escape).map(|_| Kind::Onbuild(rest.to_string())),
            }
        }
        "HEALTHCHECK" => healthcheck(rest),
        "" => Err("empty instruction".into()),
        other => Err(format!("unknown instruction: {other}")),
    }
}

/// The escape character the directives at the top set.
fn directives(text: &str) -> Result<char, (usize, String)> {
    let mut escape = '\\';
    for (index, line) in text.lines().enumerate() {
        let Some(comment) = line.trim().strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = comment.split_once('=') else {
            break;
        };
        let key = key.trim().to_ascii_lowercase();
        if key.contains(char::is_whitespace) {
            break;
        }
        if key == "escape" {
            escape = match value.trim() {
                "\\" => '\\',
                "`" => '`',
                other => {
                    return Err((
                        index + 1,
                        format!("invalid escape character {other:?}: use \\ or `"),
                    ));
                }
            };
        }
    }
    Ok(escape)
}

/// Instructions as single lines with the line each began on: comments and
/// empty lines dropped, continuations joined; with the here-documents a
/// RUN, COPY or ADD line opens (read as they are, comments included).
fn logical_lines(text: &str, escape: char) -> Vec<(usize, String, Vec<Heredoc>)> {
    let mut lines = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut reading: Option<Reading> = None;
    for (index, raw) in text.lines().enumerate() {
        if let Some(doc) = &mut reading {
            if doc.take(raw) {
                let done = reading.take().expect("reading");
                lines.push((done.line, done.text, done.docs));
            }
            continue;
        }
        let trimmed = raw.trim_start();
        if trimmed.starts_with('#') || (trimmed.is_empty() && current.is_none()) {
            continue;
        }
        let body = raw.trim_end();
        let (body, continued) = match body.strip_suffix(escape) {
            Some(body) => (body, true),
            None => (body, false),
        };
        let (_, joined) = current.get_or_insert_with(|| (index + 1, String::new()));
        if joined.is_empty() {
            joined.push_str(body.trim_start());
        } else {
            joined.push_str(body);
        }
        if !continued {
            let Some((line, text)) = current.take().filter(|(_, text)| !text.trim().is_empty())
            else {
                continue;
            };
            let pending = heredoc_markers(&text);
            if pending.is_empty() {
                lines.push((line, text, Vec::new()));
            } else {
                reading = Some(Reading {
                    line,
                    text,
                    docs: Vec::new(),
                    pending,
                    body: String::new(),
                });
            }
        }
    }
    // An unterminated document ends with the file.
    if let Some(done) = reading {
        lines.push((done.line, done.text, done.docs));
    }
    lines.extend(
        current
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(line, text)| (line, text, Vec::new())),
    );
    lines
}

/// A line whose here-documents are being read.
struct Reading {
    line: usize,
    text: String,
    docs: Vec<Heredoc>,
    /// Documents still to read: name, leading tabs stripped.
    pending: Vec<(String, bool)>,
    /// The body of the first pending one so far.
    body: String,
}

impl Reading {
    /// Takes one more line; true once the last document ended.
    fn take(&mut self, raw: &str) -> bool {
        let (name, strip) = &self.pending[0];
        let line = if *strip {
            raw.trim_start_matches('\t')
        } else {
            raw
        };
        if line == name {
            let (name, _) = self.pending.remove(0);
            self.docs.push(Heredoc {
                name,
                body: std::mem::take(&mut self.body),
            });
            return self.pending.is_empty();
        }
        self.body.push_str(line);
        self.body.push('\n');
        false
    }
}

/// The name a `<<NAME` word opens (`<<-NAME`, `<<"NAME"`, `<<'NAME'`).
fn marker_name(word: &str) -> Option<&str> {
    let name = word.strip_prefix("<<")?;
    let name = name.strip_prefix('-').unwrap_or(name);
    Some(name.trim_matches(|c| c == '"' || c == '\''))
}

/// The here-documents a RUN, COPY or ADD line (shell form) opens, in
/// order: each name and whether its lines lose their leading tabs.
fn heredoc_markers(line: &str) -> Vec<(String, bool)> {
    let (keyword, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    if !matches!(
        keyword.to_ascii_uppercase().as_str(),
        "RUN" | "COPY" | "ADD"
    ) {
        return Vec::new();
    }
    let mut markers = Vec::new();
    let mut rest = rest;
    while let Some(at) = rest.find("<<") {
        let after = &rest[at + 2..];
        let (strip, after) = match after.strip_prefix('-') {
            Some(after) => (true, after),
            None => (false, after),
        };
        let (quote, after) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &after[1..]),
            _ => (None, after),
        };
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '/')))
            .unwrap_or(after.len());
        let name = &after[..end];
        let closed = quote.is_none_or(|q| after[end..].starts_with(q));
        if !name.is_empty() && closed {
            markers.push((name.to_string(), strip));
        }
        rest = &after[end..];
    }
    markers
}

/// A RUN's or COPY's kind with its here-documents: a RUN of documents
/// alone runs them as its script; a RUN with a command gets them as the
/// shell's own here-documents; COPY and ADD take `<<NAME` sources as files.
fn with_heredocs(kind: Kind, text: &str, docs: &[Heredoc]) -> Result<Kind, String> {
    if docs.is_empty() {
        return Ok(kind);
    }
    let doc_of =
        |word: &str| marker_name(word).and_then(|name| docs.iter().find(|d| d.name == name));
    let is_marker = |word: &str| doc_of(word).is_some();
    let mut kind = kind;
    match &mut kind {
        Kind::Run {
            command: Command::Shell(line),
            ..
        } => {
            *line = if line.split_whitespace().all(is_marker) {
                docs.iter().map(|d| d.body.as_str()).collect::<String>()
            } else {
                docs.iter().fold(line.clone(), |script, doc| {
                    format!("{script}\n{}{}", doc.body, doc.name)
                })
            };
        }
        Kind::Copy {
            sources, inline, ..
        } => {
            let (markers, files): (Vec<String>, Vec<String>) = std::mem::take(sources)
                .into_iter()
                .partition(|s| is_marker(s));
            *sources = files;
            *inline = markers.iter().filter_map(|s| doc_of(s)).cloned().collect();
        }
        _ => {
            return Err(format!(
                "here-documents are for RUN, COPY and ADD in shell form: {text}"
            ));
        }
    }
    Ok(kind)
}

/// `--name=value` flags of an instruction, in order.
type Flags = Vec<(String, String)>;

/// Leading `--name=value` flags (of `known` names), and the rest.
fn flags<'t>(mut rest: &'t str, known: &[&str]) -> Result<(Flags, &'t str), String> {
    let mut found = Vec::new();
    while let Some(flag) = rest.strip_prefix("--") {
        let end = flag.find(char::is_whitespace).unwrap_or(flag.len());
        let (name, value) = flag[..end]
            .split_once('=')
            .unwrap_or((&flag[..end], "true"));
        if !known.contains(&name) {
            return Err(format!("unknown flag: --{name}"));
        }
        found.push((name.to_string(), value.to_string()));
        rest = flag[end..].trim_start();
    }
    Ok((found, rest))
}

fn flag(flags: &Flags, name: &str) -> Option<String> {
    flags
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// A JSON array of strings, or `None` when `text` is not one.
fn exec_form(text: &str) -> Option<Vec<String>> {
    if !text.starts_with('[') {
        return None;
    }
    serde_json::from_str(text).ok()
}

fn command(text: &str) -> Command {
    exec_form(text).map_or_else(|| Command::Shell(text.to_string()), Command::Exec)
}

/// Whitespace-separated items, quotes kept (and whitespace inside them).
fn split_keeping_quotes(text: &str, escape: char) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quote = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, c) if c.is_whitespace() => {
                if !current.is_empty() {
                    items.push(std::mem::take(&mut current));
                }
                continue;
            }
            (_, c) if c == escape => {
                current.push(c);
                if let Some(next) = chars.next() {
                    current.push(next);
                }
                continue;
            }
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        current.push(c);
    }
    if !current.is_empty() {
        items.push(current);
    }
    items
}

/// `NAME=VALUE …` pairs (values as written), or for ENV the legacy
/// `NAME VALUE` (the rest of the line).
fn name_values(text: &str, escape: char, legacy: bool) -> Option<Vec<(String, String)>> {
    let first = text.split_whitespace().next()?;
    if !first.contains('=') {
        let value = text[first.len()..].trim();
        return (legacy || !value.is_empty()).then(|| vec![(first.to_string(), value.to_string())]);
    }
    split_keeping_quotes(text, escape)
        .into_iter()
        .map(|item| {
            let (name, value) = item.split_once('=')?;
            (!name.is_empty()).then(|| (name.to_string(), value.to_string()))
        })
        .collect()
}

fn healthcheck(rest: &str) -> Result<Kind, String> {
    let (flags, args) = flags(
        rest,
        &[
            "interval",
            "timeout",
            "start-period",
            "start-interval",
            "retries",
        ],
    )?;
    let (kind, command) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    match kind.to_ascii_uppercase().as_str() {
        "NONE" if command.trim().is_empty() && flags.is_empty() => {
            Ok(Kind::Healthcheck(Healthcheck::None))
        }
        "CMD" if !command.trim().is_empty() => {
            let retries = flag(&flags, "retries")
                .map(|n| {
                    n.parse()
                        .map_err(|_| format!("--retries={n}: not a number"))
                })
                .transpose()?;
            Ok(Kind::Healthcheck(Healthcheck::Check {
                command: self::command(command.trim()),
                durations: flags.into_iter().filter(|(k, _)| k != "retries").collect(),
                retries,
            }))
        }
        _ => Err("HEALTHCHECK takes [OPTIONS] CMD COMMAND, or NONE".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        let file = parse("Containerfile", text).unwrap();
        file.stages
            .into_iter()
            .flat_map(|s| std::iter::once(s.from).chain(s.instructions))
            .map(|i| i.kind)
            .collect()
    }

    #[test]
    fn stages_instructions_and_continuations() {
        let file = parse(
            "Containerfile",
            "ARG BASE=busybox\n# a comment\nfrom $BASE AS build\nRUN echo a \\\n# inside\n  && echo b\n\nFROM build\nCOPY --from=build --chown=1:2 --chmod=640 a b* /dst/\n",
        )
        .unwrap();
        assert_eq!(
            file.meta_args,
            [("BASE".to_string(), Some("busybox".to_string()))]
        );
        assert_eq!(file.stages.len(), 2);
        assert_eq!(file.stages[0].name(), Some("build"));
        let run = &file.stages[0].instructions[0];
        assert_eq!(run.line, 4);
        assert_eq!(run.text, "RUN echo a   && echo b");
        assert_eq!(
            file.stages[1].instructions[0].kind,
            Kind::Copy {
                add: false,
                sources: vec!["a".into(), "b*".into()],
                dest: "/dst/".into(),
                from: Some("build".into()),
                chown: Some("1:2".into()),
                chmod: Some("640".into()),
                checksum: None,
                inline: Vec::new(),
            }
        );
    }

    #[test]
    fn forms_of_each_instruction() {
        let all = kinds(concat!(
            "FROM x\n",
            "RUN [\"echo\", \"a b\"]\n",
            "RUN --mount=type=cache,target=/c --network=none make\n",
            "ENV A=1 B=\"two words\"\n",
            "ENV C legacy value\n",
            "LABEL a.b=c\n",
            "ARG X Y=2\n",
            "CMD [\"sh\"]\n",
            "ENTRYPOINT echo hi\n",
            "SHELL [\"/bin/sh\", \"-ec\"]\n",
            "VOLUME /a /b\n",
            "VOLUME [\"/c\"]\n",
            "HEALTHCHECK --interval=5s --retries=3 CMD true\n",
            "HEALTHCHECK NONE\n",
            "ONBUILD RUN echo later\n",
            "ADD [\"a b\", \"/x\"]\n",
        ));
        assert_eq!(
            all[1],
            Kind::Run {
                command: Command::Exec(vec!["echo".into(), "a b".into()]),
                mounts: vec![],
                network: None
            }
        );
        assert_eq!(
            all[2],
            Kind::Run {
                command: Command::Shell("make".into()),
                mounts: vec!["type=cache,target=/c".into()],
                network: Some("none".into())
            }
        );
        assert_eq!(
            all[3],
            Kind::Env(vec![
                ("A".into(), "1".into()),
                ("B".into(), "\"two words\"".into())
            ])
        );
        assert_eq!(all[4], Kind::Env(vec![("C".into(), "legacy value".into())]));
        assert_eq!(
            all[6],
            Kind::Arg(vec![("X".into(), None), ("Y".into(), Some("2".into()))])
        );
        assert_eq!(all[8], Kind::Entrypoint(Command::Shell("echo hi".into())));
        assert_eq!(all[10], Kind::Volume(vec!["/a".into(), "/b".into()]));
        assert_eq!(all[11], Kind::Volume(vec!["/c".into()]));
        assert_eq!(
            all[12],
            Kind::Healthcheck(Healthcheck::Check {
                command: Command::Shell("true".into()),
                durations: vec![("interval".into(), "5s".into())],
                retries: Some(3),
            })
        );
        assert_eq!(all[13], Kind::Healthcheck(Healthcheck::None));
        assert_eq!(all[14], Kind::Onbuild("RUN echo later".into()));
        assert!(matches!(&all[15], Kind::Copy { add: true, sources, .. } if sources == &["a b"]));
    }

    #[test]
    fn escape_directive() {
        let file = parse("f", "# escape=`\nFROM x\nRUN dir C:\\ `\n  && echo\n").unwrap();
        assert_eq!(file.escape, '`');
        assert_eq!(
            file.stages[0].instructions[0].text,
            "RUN dir C:\\   && echo"
        );
    }

    #[test]
    fn errors_name_file_line_and_instruction() {
        let error = parse("Containerfile", "FROM x\n\nRUNN echo\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "Containerfile:3: \"RUNN echo\": unknown instruction: RUNN"
        );
        let error = parse("f", "RUN echo\n").unwrap_err();
        assert!(error.to_string().contains("no FROM before it"), "{error}");
        assert!(parse("f", "# just a comment\n").is_err());
        assert!(
            parse("f", "FROM x\nCOPY onlyone\n")
                .unwrap_err()
                .reason
                .contains("destination")
        );
        assert!(
            parse("f", "FROM x\nCOPY --bogus=1 a b\n")
                .unwrap_err()
                .reason
                .contains("--bogus")
        );
        assert!(parse("f", "FROM x\nONBUILD FROM y\n").is_err());
        assert!(parse("f", "FROM x y z\n").is_err());
    }

    #[test]
    fn here_documents_of_run_and_copy() {
        let file = parse(
            "f",
            "FROM x\nRUN <<EOF\n# not a comment here\necho one\nEOF\nRUN python3 - <<-'PY' && true\n\tprint(1)\n\tPY\nCOPY <<a.txt <<\"b.txt\" /dir/\nA\nalso A\na.txt\nB\nb.txt\nENV k=v\n",
        )
        .unwrap();
        let kinds: Vec<&Kind> = file.stages[0]
            .instructions
            .iter()
            .map(|i| &i.kind)
            .collect();
        assert!(
            matches!(kinds[0], Kind::Run { command: Command::Shell(script), .. } if script == "# not a comment here\necho one\n")
        );
        assert!(
            matches!(kinds[1], Kind::Run { command: Command::Shell(script), .. } if script == "python3 - <<-'PY' && true\nprint(1)\nPY")
        );
        let Kind::Copy {
            sources,
            inline,
            dest,
            ..
        } = kinds[2]
        else {
            panic!("{:?}", kinds[2]);
        };
        assert!(sources.is_empty());
        assert_eq!(dest, "/dir/");
        assert_eq!(
            inline,
            &vec![
                Heredoc {
                    name: "a.txt".into(),
                    body: "A\nalso A\n".into()
                },
                Heredoc {
                    name: "b.txt".into(),
                    body: "B\n".into()
                },
            ]
        );
        assert!(
            matches!(kinds[3], Kind::Env(_)),
            "the line after the documents"
        );
        assert!(
            file.stages[0].instructions[0].text.contains("echo one"),
            "the cache key sees the document"
        );
    }
}
