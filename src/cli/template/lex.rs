//! The lexer of Go's `text/template`: text and `{{actions}}`, with `{{-`/`-}}`
//! trimming the spaces around them and `{{/* comments */}}`.

use super::Error;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Text(String),
    LeftDelim,
    RightDelim,
    Space,
    /// `.Name`, without the dot.
    Field(String),
    /// `$` or `$name`, with the `$`.
    Variable(String),
    Dot,
    Ident(String),
    Keyword(Keyword),
    Bool(bool),
    Nil,
    /// A number as written (`12`, `0x1f`, `1.5e3`, `-2`).
    Number(String),
    /// A character constant (`'a'`), a number to templates.
    Char(char),
    /// A string literal, unquoted.
    Str(String),
    Pipe,
    LeftParen,
    RightParen,
    Declare,
    Assign,
    Comma,
    Eof,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    If,
    Else,
    End,
    Range,
    With,
    Break,
    Continue,
    Define,
    Template,
    Block,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// Byte offset in the template text.
    pub pos: usize,
}

const LEFT: &str = "{{";
const RIGHT: &str = "}}";

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Splits `text` into tokens.
pub fn lex(text: &str) -> Result<Vec<Token>, Error> {
    let mut lexer = Lexer {
        text,
        pos: 0,
        tokens: Vec::new(),
        paren_depth: 0,
    };
    lexer.run()?;
    Ok(lexer.tokens)
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    tokens: Vec<Token>,
    paren_depth: usize,
}

impl Lexer<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn emit(&mut self, tok: Tok, pos: usize) {
        self.tokens.push(Token { tok, pos });
    }

    fn error(&self, message: impl Into<String>) -> Error {
        Error::parse(self.text, self.pos, message)
    }

    /// At `}}` or ` -}}`: (length to skip, trims the following text).
    fn at_right_delim(&self) -> Option<(usize, bool)> {
        let rest = self.rest();
        let mut chars = rest.chars();
        if let (Some(space), Some('-')) = (chars.next(), chars.next()) {
            if is_space(space) && rest[1 + 1..].starts_with(RIGHT) {
                return Some((2 + RIGHT.len(), true));
            }
        }
        rest.starts_with(RIGHT).then_some((RIGHT.len(), false))
    }

    fn run(&mut self) -> Result<(), Error> {
        let mut trim_next_text = false;
        loop {
            let start = self.pos;
            let found = self.rest().find(LEFT).map(|i| self.pos + i);
            let end = found.unwrap_or(self.text.len());
            let mut text = &self.text[start..end];
            if trim_next_text {
                text = text.trim_start_matches(is_space);
            }
            let left_trim = found.is_some_and(|i| {
                let after = &self.text[i + LEFT.len()..];
                let mut chars = after.chars();
                chars.next() == Some('-') && chars.next().is_some_and(is_space)
            });
            if left_trim {
                text = text.trim_end_matches(is_space);
            }
            if !text.is_empty() {
                self.emit(Tok::Text(text.to_string()), start);
            }
            let Some(delim) = found else {
                self.emit(Tok::Eof, self.text.len());
                return Ok(());
            };
            self.pos = delim + LEFT.len() + if left_trim { 2 } else { 0 };
            if self.rest().starts_with("/*") {
                let Some(close) = self.rest().find("*/") else {
                    return Err(self.error("unclosed comment"));
                };
                self.pos += close + 2;
                let Some((skip, trim)) = self.at_right_delim() else {
                    return Err(self.error("comment ends before closing delimiter"));
                };
                self.pos += skip;
                trim_next_text = trim;
                continue;
            }
            self.emit(Tok::LeftDelim, delim);
            trim_next_text = self.inside_action()?;
        }
    }

    /// Lexes one action up to and including its `}}`; true when that was `-}}`.
    fn inside_action(&mut self) -> Result<bool, Error> {
        loop {
            if self.paren_depth == 0 {
                if let Some((skip, trim)) = self.at_right_delim() {
                    self.emit(Tok::RightDelim, self.pos);
                    self.pos += skip;
                    return Ok(trim);
                }
            }
            let start = self.pos;
            let Some(c) = self.peek() else {
                return Err(self.error("unclosed action"));
            };
            if self.paren_depth > 0 && self.rest().starts_with(RIGHT) {
                return Err(self.error("unclosed left paren"));
            }
            match c {
                c if is_space(c) => self.space(),
                '=' => self.single(Tok::Assign),
                ':' => {
                    if !self.rest().starts_with(":=") {
                        return Err(self.error("expected :="));
                    }
                    self.pos += 2;
                    self.emit(Tok::Declare, start);
                }
                '|' => self.single(Tok::Pipe),
                ',' => self.single(Tok::Comma),
                '"' => self.quoted()?,
                '`' => self.raw_quoted()?,
                '\'' => self.char_constant()?,
                '$' => {
                    self.pos += 1;
                    let name = self.word();
                    self.terminated()?;
                    self.emit(Tok::Variable(format!("${name}")), start);
                }
                '.' => {
                    let next = self.rest()[1..].chars().next();
                    if next.is_some_and(|n| n.is_ascii_digit()) {
                        self.number()?;
                    } else {
                        self.pos += 1;
                        let name = self.word();
                        self.terminated()?;
                        if name.is_empty() {
                            self.emit(Tok::Dot, start);
                        } else {
                            self.emit(Tok::Field(name), start);
                        }
                    }
                }
                '+' | '-' | '0'..='9' => self.number()?,
                '(' => {
                    self.paren_depth += 1;
                    self.single(Tok::LeftParen);
                }
                ')' => {
                    if self.paren_depth == 0 {
                        return Err(self.error("unexpected right paren"));
                    }
                    self.paren_depth -= 1;
                    self.single(Tok::RightParen);
                }
                c if is_alnum(c) => {
                    let word = self.word();
                    self.terminated()?;
                    let tok = match word.as_str() {
                        "if" => Tok::Keyword(Keyword::If),
                        "else" => Tok::Keyword(Keyword::Else),
                        "end" => Tok::Keyword(Keyword::End),
                        "range" => Tok::Keyword(Keyword::Range),
                        "with" => Tok::Keyword(Keyword::With),
                        "break" => Tok::Keyword(Keyword::Break),
                        "continue" => Tok::Keyword(Keyword::Continue),
                        "define" => Tok::Keyword(Keyword::Define),
                        "template" => Tok::Keyword(Keyword::Template),
                        "block" => Tok::Keyword(Keyword::Block),
                        "true" => Tok::Bool(true),
                        "false" => Tok::Bool(false),
                        "nil" => Tok::Nil,
                        _ => Tok::Ident(word),
                    };
                    self.emit(tok, start);
                }
                c => {
                    return Err(
                        self.error(format!("unrecognized character in action: {}", go_rune(c)))
                    );
                }
            }
        }
    }

    fn single(&mut self, tok: Tok) {
        let start = self.pos;
        self.pos += 1;
        self.emit(tok, start);
    }

    /// A run of spaces; one right before ` -}}` is left for the delimiter.
    fn space(&mut self) {
        let start = self.pos;
        while let Some(c) = self.peek().filter(|c| is_space(*c)) {
            let here = self.pos;
            self.pos += c.len_utf8();
            if self.rest().starts_with('-') && self.rest()[1..].starts_with(RIGHT) {
                self.pos = here;
                break;
            }
        }
        if self.pos > start {
            self.emit(Tok::Space, start);
        }
    }

    fn word(&mut self) -> String {
        let len = self
            .rest()
            .find(|c: char| !is_alnum(c))
            .unwrap_or(self.rest().len());
        let word = self.rest()[..len].to_string();
        self.pos += len;
        word
    }

    /// What follows a word must end it: a space, `.`, `,`, `|`, `:`, `(`, `)` or `}}`.
    fn terminated(&self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(c) if is_space(c) || matches!(c, '.' | ',' | '|' | ':' | '(' | ')' | '=') => {
                Ok(())
            }
            Some(_) if self.rest().starts_with(RIGHT) => Ok(()),
            Some(c) => Err(self.error(format!("bad character {}", go_rune(c)))),
        }
    }

    fn number(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let mut digits: &[u8] = b"0123456789_";
        let mut exponent: &[u8] = b"eE";
        if bytes.get(i) == Some(&b'0') {
            match bytes.get(i + 1) {
                Some(b'x' | b'X') => {
                    i += 2;
                    digits = b"0123456789abcdefABCDEF_";
                    exponent = b"pP";
                }
                Some(b'o' | b'O') => {
                    i += 2;
                    digits = b"01234567_";
                }
                Some(b'b' | b'B') => {
                    i += 2;
                    digits = b"01_";
                }
                _ => {}
            }
        }
        let run = |i: &mut usize, set: &[u8]| {
            while bytes.get(*i).is_some_and(|b| set.contains(b)) {
                *i += 1;
            }
        };
        run(&mut i, digits);
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            run(&mut i, digits);
        }
        if bytes.get(i).is_some_and(|b| exponent.contains(b)) {
            i += 1;
            if matches!(bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            run(&mut i, b"0123456789_");
        }
        let word = &self.text[start..i];
        self.pos = i;
        if self.peek().is_some_and(is_alnum) || word.trim_start_matches(['+', '-']).is_empty() {
            return Err(self.error(format!("bad number syntax: {:?}", &self.text[start..=i])));
        }
        self.emit(Tok::Number(word.to_string()), start);
        Ok(())
    }

    /// Where the literal opened here by `quote` closes (escapes skipped; it
    /// must close on this line).
    fn closing(&self, quote: u8, what: &str) -> Result<usize, Error> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos + 1;
        loop {
            match bytes.get(i) {
                None | Some(b'\n') => return Err(self.error(format!("unterminated {what}"))),
                Some(b'\\') => i += 2,
                Some(b) if *b == quote => return Ok(i),
                Some(_) => i += 1,
            }
        }
    }

    fn quoted(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let i = self.closing(b'"', "quoted string")?;
        let literal = &self.text[start..=i];
        self.pos = i + 1;
        let value = unquote(literal).map_err(|why| self.error(why))?;
        self.emit(Tok::Str(value), start);
        Ok(())
    }

    fn raw_quoted(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let Some(close) = self.rest()[1..].find('`') else {
            return Err(self.error("unterminated raw quoted string"));
        };
        let value = self.rest()[1..1 + close].replace('\r', "");
        self.pos += close + 2;
        self.emit(Tok::Str(value), start);
        Ok(())
    }

    fn char_constant(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let i = self.closing(b'\'', "character constant")?;
        let inner = &self.text[start + 1..i];
        self.pos = i + 1;
        let value = unquote(&format!("\"{}\"", inner.replace('"', "\\\"")))
            .map_err(|why| self.error(why))?;
        let mut chars = value.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                self.emit(Tok::Char(c), start);
                Ok(())
            }
            _ => Err(self.error(format!("malformed character constant: '{inner}'"))),
        }
    }
}

/// A character as Go's `%#U` shows it: `U+007B '{'`.
fn go_rune(c: char) -> String {
    format!("U+{:04X} '{c}'", u32::from(c))
}

/// Go's `strconv.Unquote` for a double-quoted literal.
fn unquote(literal: &str) -> Result<String, String> {
    let inner = &literal[1..literal.len() - 1];
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    let bad = || format!("invalid syntax in {literal}");
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = chars.next().ok_or_else(bad)?;
        let code = |chars: &mut std::str::Chars<'_>, n: usize, radix: u32| {
            let digits: String = chars.by_ref().take(n).collect();
            if digits.len() != n {
                return Err(bad());
            }
            u32::from_str_radix(&digits, radix).map_err(|_| bad())
        };
        let decoded = match escaped {
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            '\\' => '\\',
            '"' => '"',
            '\'' => '\'',
            'x' => char::from_u32(code(&mut chars, 2, 16)?).ok_or_else(bad)?,
            'u' => char::from_u32(code(&mut chars, 4, 16)?).ok_or_else(bad)?,
            'U' => char::from_u32(code(&mut chars, 8, 16)?).ok_or_else(bad)?,
            '0'..='7' => {
                let rest: String = chars.by_ref().take(2).collect();
                let n = u32::from_str_radix(&format!("{escaped}{rest}"), 8).map_err(|_| bad())?;
                char::from_u32(n).ok_or_else(bad)?
            }
            _ => return Err(bad()),
        };
        out.push(decoded);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        lex(text).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn actions_fields_and_trim_markers() {
        assert_eq!(
            toks("a {{- .A.B | upper -}} b"),
            vec![
                Tok::Text("a".into()),
                Tok::LeftDelim,
                Tok::Field("A".into()),
                Tok::Field("B".into()),
                Tok::Space,
                Tok::Pipe,
                Tok::Space,
                Tok::Ident("upper".into()),
                Tok::RightDelim,
                Tok::Text("b".into()),
                Tok::Eof
            ]
        );
        assert_eq!(
            toks("{{$x := \"a\\tb\"}}{{/* no */}}{{ -1 }}"),
            vec![
                Tok::LeftDelim,
                Tok::Variable("$x".into()),
                Tok::Space,
                Tok::Declare,
                Tok::Space,
                Tok::Str("a\tb".into()),
                Tok::RightDelim,
                Tok::LeftDelim,
                Tok::Space,
                Tok::Number("-1".into()),
                Tok::Space,
                Tok::RightDelim,
                Tok::Eof
            ]
        );
    }

    #[test]
    fn bad_input_is_refused() {
        assert!(lex("{{.A").is_err());
        assert!(lex("{{\"abc}}").is_err());
        assert!(lex("{{.A)}}").is_err());
        assert!(lex("{{3x}}").is_err());
    }
}
