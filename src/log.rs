//! rcon's stderr logger: `warning: …`, `error: …`, and timed debug lines.

use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Level {
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

impl Level {
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
        let label = match record.level() {
            log::Level::Error => "error",
            log::Level::Warn => "warning",
            log::Level::Info => "info",
            log::Level::Debug => "debug",
            log::Level::Trace => "trace",
        };
        let _ = writeln!(std::io::stderr().lock(), "{label}: {}", record.args());
    }

    fn flush(&self) {}
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
