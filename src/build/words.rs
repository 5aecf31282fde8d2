//! Docker's word processing for Dockerfile arguments: quotes removed, the
//! escape character honoured, and variables expanded (`$VAR`, `${VAR}`,
//! `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`,
//! `${VAR:?message}`) in one pass, as Docker's shell lexer does for the
//! instructions that take variables (FROM, COPY, ADD, ENV, ARG, LABEL,
//! WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL). Single quotes keep `$`
//! literal; an escaped `$` stays a `$`.

use std::iter::Peekable;
use std::str::Chars;

/// Looks a variable up: its value, or `None` when it is not set.
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// One word: quotes removed, variables expanded, whitespace kept.
pub fn word(text: &str, lookup: Lookup, escape: char) -> Result<String, String> {
    let mut words = Lexer::new(text, lookup, escape).run(false)?;
    Ok(words.pop().unwrap_or_default())
}

/// Words split at unquoted whitespace, each processed as by [`word`].
pub fn words(text: &str, lookup: Lookup, escape: char) -> Result<Vec<String>, String> {
    Lexer::new(text, lookup, escape).run(true)
}

struct Lexer<'a> {
    chars: Peekable<Chars<'a>>,
    lookup: Lookup<'a>,
    escape: char,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, lookup: Lookup<'a>, escape: char) -> Lexer<'a> {
        Lexer {
            chars: text.chars().peekable(),
            lookup,
            escape,
        }
    }

    fn run(&mut self, split: bool) -> Result<Vec<String>, String> {
        let mut words = Vec::new();
        let mut current = String::new();
        // A word was begun (so `""` is an empty word, not none).
        let mut begun = false;
        while let Some(c) = self.chars.next() {
            match c {
                c if split && c.is_whitespace() => {
                    if begun {
                        words.push(std::mem::take(&mut current));
                        begun = false;
                    }
                    continue;
                }
                '\'' => loop {
                    match self.chars.next() {
                        Some('\'') => break,
                        Some(c) => current.push(c),
                        None => return Err("unexpected end of text in '".into()),
                    }
                },
                '"' => self.double_quoted(&mut current)?,
                '$' => current.push_str(&self.variable()?),
                c if c == self.escape => match self.chars.next() {
                    Some(next) => current.push(next),
                    None => current.push(c),
                },
                c => current.push(c),
            }
            begun = true;
        }
        if begun || !split {
            words.push(current);
        }
        Ok(words)
    }

    fn double_quoted(&mut self, out: &mut String) -> Result<(), String> {
        loop {
            match self.chars.next() {
                Some('"') => return Ok(()),
                Some('$') => out.push_str(&self.variable()?),
                Some(c) if c == self.escape => match self.chars.peek() {
                    Some(&next) if next == '"' || next == '$' || next == self.escape => {
                        out.push(next);
                        self.chars.next();
                    }
                    _ => out.push(c),
                },
                Some(c) => out.push(c),
                None => return Err("unexpected end of text in \"".into()),
            }
        }
    }

    /// After a `$`: the variable's expansion (a lone `$` stays).
    fn variable(&mut self) -> Result<String, String> {
        match self.chars.peek() {
            Some('{') => {
                self.chars.next();
                self.braced()
            }
            Some(&c) if c == '_' || c.is_ascii_alphanumeric() => {
                let name = self.name();
                Ok((self.lookup)(&name).unwrap_or_default())
            }
            _ => Ok("$".into()),
        }
    }

    fn name(&mut self) -> String {
        std::iter::from_fn(|| {
            self.chars
                .next_if(|&c| c == '_' || c.is_ascii_alphanumeric())
        })
        .collect()
    }

    fn braced(&mut self) -> Result<String, String> {
        let name = self.name();
        if name.is_empty() {
            return Err("bad substitution: a variable name must follow ${".into());
        }
        let value = (self.lookup)(&name);
        let colon = self.chars.next_if_eq(&':').is_some();
        let Some(operator) = self.chars.next() else {
            return Err(format!("bad substitution: ${{{name} is not closed"));
        };
        if operator == '}' && !colon {
            return Ok(value.unwrap_or_default());
        }
        // The word after the operator, up to the matching brace, itself expanded.
        let mut raw = String::new();
        let mut depth = 0;
        loop {
            match self.chars.next() {
                Some('}') if depth == 0 => break,
                Some(c) => {
                    if c == '{' {
                        depth += 1;
                    } else if c == '}' {
                        depth -= 1;
                    }
                    raw.push(c);
                }
                None => return Err(format!("bad substitution: ${{{name} is not closed")),
            }
        }
        let alternative = || word(&raw, self.lookup, self.escape);
        // With `:`, an empty value counts as unset.
        let set = value.as_ref().is_some_and(|v| !colon || !v.is_empty());
        match operator {
            '-' => {
                if set {
                    Ok(value.unwrap_or_default())
                } else {
                    alternative()
                }
            }
            '+' => {
                if set {
                    alternative()
                } else {
                    Ok(String::new())
                }
            }
            '?' => {
                if set {
                    Ok(value.unwrap_or_default())
                } else {
                    let message = alternative()?;
                    Err(format!(
                        "{name}: {}",
                        if message.is_empty() {
                            "is not allowed to be unset"
                        } else {
                            &message
                        }
                    ))
                }
            }
            other => Err(format!(
                "bad substitution: unsupported modifier {other:?} in ${{{name}}}"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<String> {
        match name {
            "A" => Some("one".into()),
            "EMPTY" => Some(String::new()),
            "SP" => Some("a b".into()),
            _ => None,
        }
    }

    fn w(text: &str) -> String {
        word(text, &vars, '\\').unwrap()
    }

    #[test]
    fn variables_expand_as_docker_does() {
        assert_eq!(w("$A/${A}x"), "one/onex");
        assert_eq!(w("${NOPE:-dflt} ${EMPTY:-e} ${EMPTY-e}"), "dflt e ");
        assert_eq!(w("${A:+set} ${NOPE:+set}|${EMPTY+set}"), "set |set");
        assert_eq!(w("${NOPE:-${A}}"), "one");
        assert_eq!(w("'$A' \"$A\" \\$A $"), "$A one $A $");
        assert_eq!(w("a\\ b \"q\\\"\""), "a b q\"");
        assert_eq!(w("`$A` with backtick escape"), "`one` with backtick escape");
        assert!(word("${A", &vars, '\\').is_err());
        assert!(
            word("${NOPE:?needed}", &vars, '\\')
                .unwrap_err()
                .contains("needed")
        );
        assert_eq!(word("C:\\x `$A", &vars, '`').unwrap(), "C:\\x $A");
    }

    #[test]
    fn words_split_at_unquoted_whitespace() {
        let split = |t: &str| words(t, &vars, '\\').unwrap();
        assert_eq!(split(" a  \"b c\" $SP ''"), ["a", "b c", "a b", ""]);
        assert_eq!(split("x\\ y z"), ["x y", "z"]);
        assert!(split("   ").is_empty());
    }
}
