//! `.containerignore` / `.dockerignore` with Docker's rules: one pattern a
//! line (`#` comments and empty lines skipped), each cleaned and taken from
//! the context's top (a leading `/` means nothing more); `*` and `?` do not
//! cross `/`, `**` crosses any number of directories, `[…]` classes; a path
//! is excluded when the last pattern matching it or one of its parent
//! directories excludes it, so `!pattern` takes back what an earlier one
//! excluded.

use regex::Regex;

/// A component glob (`*`, `?`, `[…]`, `\x`) as a regex fragment; `**`
/// when `any_depth` as any run of path components.
pub fn glob_regex(pattern: &str, any_depth: bool) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' if any_depth && chars.peek() == Some(&'*') => {
                chars.next();
                if chars.next_if_eq(&'/').is_some() {
                    out.push_str("(?:.*/)?");
                } else {
                    out.push_str(".*");
                }
            }
            '*' => out.push_str("[^/]*"),
            '?' => out.push_str("[^/]"),
            '[' => {
                let mut class = String::from("[");
                if chars.next_if(|&c| c == '^' || c == '!').is_some() {
                    class.push('^');
                }
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == ']' {
                        closed = true;
                        break;
                    }
                    if c == '\\' || c == '[' {
                        class.push('\\');
                    }
                    class.push(c);
                }
                if closed {
                    out.push_str(&class);
                    out.push(']');
                } else {
                    out.push_str(&regex::escape("["));
                }
            }
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push_str(&regex::escape(&next.to_string()));
                }
            }
            c => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    out
}

/// Whether the glob `pattern` matches the whole of `name` (no `**`).
pub fn glob_matches(pattern: &str, name: &str) -> bool {
    Regex::new(&format!("^{}$", glob_regex(pattern, false))).is_ok_and(|re| re.is_match(name))
}

/// The patterns of an ignore file.
#[derive(Debug, Default)]
pub struct Ignore {
    /// In file order: the regex, whether it is an exception (`!`), and
    /// the pattern cleaned.
    patterns: Vec<(Regex, bool, String)>,
}

impl Ignore {
    /// Reads the patterns of an ignore file's text.
    pub fn parse(text: &str) -> Result<Ignore, String> {
        let mut patterns = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (exception, pattern) = match line.strip_prefix('!') {
                Some(rest) => (true, rest.trim()),
                None => (false, line),
            };
            let cleaned = clean(pattern);
            if cleaned.is_empty() {
                continue;
            }
            let regex = Regex::new(&format!("^{}$", glob_regex(&cleaned, true)))
                .map_err(|e| format!("bad pattern {line:?}: {e}"))?;
            patterns.push((regex, exception, cleaned));
        }
        Ok(Ignore { patterns })
    }

    /// Whether `path` (relative to the context, `/`-separated) is left out.
    pub fn excludes(&self, path: &str) -> bool {
        let mut excluded = false;
        for (regex, exception, _) in &self.patterns {
            if *exception == excluded && matches_or_parent(regex, path) {
                excluded = !exception;
            }
        }
        excluded
    }

    /// Whether the content of the excluded directory `dir` must still be
    /// looked at: Docker's rule, an exception pattern that begins with the
    /// directory's path (`!dir/keep*`; not `!*/keep*`, which takes back
    /// nothing from an excluded directory).
    pub fn may_take_back(&self, dir: &str) -> bool {
        let dir = format!("{dir}/");
        self.patterns
            .iter()
            .any(|(_, exception, pattern)| *exception && format!("{pattern}/").starts_with(&dir))
    }
}

fn matches_or_parent(regex: &Regex, path: &str) -> bool {
    let mut prefix = path;
    loop {
        if regex.is_match(prefix) {
            return true;
        }
        match prefix.rfind('/') {
            Some(at) => prefix = &prefix[..at],
            None => return false,
        }
    }
}

/// A path cleaned as Go's `filepath.Clean` does, without a leading `/`
/// (`..` cannot climb above the top).
pub fn clean(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_patterns_and_exceptions() {
        let ignore = Ignore::parse(
            "# comment\n\n*.log\n!keep.log\n/build\ndocs/**/*.md\n!docs/**/README.md\ntmp?\n[ab].txt\n",
        )
        .unwrap();
        assert!(ignore.excludes("x.log"));
        assert!(!ignore.excludes("keep.log"));
        assert!(!ignore.excludes("sub/x.log"), "* does not cross /");
        assert!(ignore.excludes("build"));
        assert!(ignore.excludes("build/out/bin"), "a parent's match counts");
        assert!(ignore.excludes("docs/a/b/c.md"));
        assert!(ignore.excludes("docs/c.md"));
        assert!(!ignore.excludes("docs/a/README.md"));
        assert!(ignore.excludes("tmp1"));
        assert!(!ignore.excludes("tmp12"));
        assert!(ignore.excludes("a.txt"));
        assert!(!ignore.excludes("c.txt"));
        assert!(ignore.may_take_back("docs"));
        assert!(!ignore.may_take_back("build"));
    }

    #[test]
    fn excluded_directories_are_entered_only_for_exceptions_naming_them() {
        let ignore =
            Ignore::parse("test*\n!test2*\nsubdir1\nsubdir2\n!*/sub1*\n!subdir1/sub3*\n").unwrap();
        assert!(ignore.may_take_back("subdir1"));
        assert!(
            !ignore.may_take_back("subdir2"),
            "*/sub1* names no directory"
        );
        assert!(!ignore.excludes("subdir1/sub1"));
        assert!(ignore.excludes("subdir1/sub2"));
    }

    #[test]
    fn later_patterns_win() {
        let ignore = Ignore::parse("!a\n*\n").unwrap();
        assert!(ignore.excludes("a"));
        let ignore = Ignore::parse("*\n!a\n").unwrap();
        assert!(!ignore.excludes("a"));
        assert!(ignore.excludes("b"));
    }

    #[test]
    fn globs_and_clean() {
        assert!(glob_matches("*.txt", "a.txt"));
        assert!(!glob_matches("*.txt", "d/a.txt"));
        assert!(glob_matches("f[0-9]", "f7"));
        assert!(glob_matches("f[!0-9]", "fx"));
        assert_eq!(clean("/a/./b/../c/"), "a/c");
        assert_eq!(clean("../../x"), "x");
    }
}
