//! rcon's stderr logger, in Podman's (logrus's) form, which people and
//! scripts read Podman's logs in: `time="…" level=warning msg="…"`.

use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

impl Level {
    /// `--log-level`'s value: Podman's names (`fatal` and `panic` log errors only).
    pub fn parse(text: &str) -> Option<Level> {
        Some(match text {
            "trace" => Level::Trace,
            "debug" => Level::Debug,
            "info" => Level::Info,
            "warn" | "warning" => Level::Warn,
            "error" | "fatal" | "panic" => Level::Error,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warn => "warn",
            Level::Info => "info",
            Level::Debug => "debug",
            Level::Trace => "trace",
        }
    }

    fn filter(self) -> log::LevelFilter {
        match self {
            Level::Error => log::LevelFilter::Error,
            Level::Warn => log::LevelFilter::Warn,
            Level::Info => log::LevelFilter::Info,
            Level::Debug => log::LevelFilter::Debug,
            Level::Trace => log::LevelFilter::Trace,
        }
    }
}

struct StderrLogger;

static LOGGER: StderrLogger = StderrLogger;

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &log::Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let level = match record.level() {
            log::Level::Error => "error",
            log::Level::Warn => "warning",
            log::Level::Info => "info",
            log::Level::Debug => "debug",
            log::Level::Trace => "trace",
        };
        let time = chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let _ = writeln!(
            std::io::stderr().lock(),
            "time={} level={level} msg={}",
            quoted(&time),
            quoted(&record.args().to_string())
        );
    }

    fn flush(&self) {}
}

/// A value as logrus writes it: bare when it is a plain word, else quoted
/// as Go quotes strings.
fn quoted(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._/@^+".contains(c));
    if plain {
        value.to_string()
    } else {
        go_quote(value)
    }
}

/// Go's `strconv.Quote` (what logrus and Go templates' `%q` write): double
/// quotes, with `"`, `\\` and control characters escaped.
pub fn go_quote(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            c if c.is_control() => {
                let n = u32::from(c);
                if n < 0x100 {
                    let _ = write!(out, "\\x{n:02x}");
                } else {
                    let _ = write!(out, "\\u{n:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Installs the logger at `level`; later calls only change the level.
pub fn init(level: Level) {
    let _ = log::set_logger(&LOGGER);
    log::set_max_level(level.filter());
}

/// Logs (at debug level) how long one phase of a command took since `start`,
/// and returns the time the next phase starts: `--log-level debug` shows
/// where a `run` spends its time.
pub fn phase(name: &str, start: std::time::Instant) -> std::time::Instant {
    let now = std::time::Instant::now();
    log::debug!(
        "phase {name}: {:.3} ms",
        (now - start).as_secs_f64() * 1000.0
    );
    now
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_as_logrus_quotes_them() {
        assert_eq!(quoted("info"), "info");
        assert_eq!(quoted("two words"), "\"two words\"");
        assert_eq!(quoted("say \"hi\"\n"), "\"say \\\"hi\\\"\\n\"");
        assert_eq!(quoted(""), "\"\"");
        assert_eq!(Level::parse("warning"), Some(Level::Warn));
        assert_eq!(Level::parse("panic"), Some(Level::Error));
        assert_eq!(Level::parse("telepathic"), None);
    }
}
