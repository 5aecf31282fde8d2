//! The container log, `containers/<id>/ctr.log`, in Podman's k8s-file format:
//! one entry a line, `TIMESTAMP STREAM FLAG TEXT`, where TIMESTAMP is
//! RFC 3339 with nanoseconds, STREAM `stdout` or `stderr`, and FLAG `F` for a
//! full line or `P` for a piece of one (output that did not end in a newline
//! when the monitor read it; the next entries carry the rest).

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

/// Which of the container's streams an entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// `--log-opt`: where the log is, how large it may grow, its tag (shown
/// by `inspect`; Podman uses it for journald only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogConfig {
    /// `path=`: the log file instead of the container's `ctr.log`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// `max-size=`: bytes; a log about to grow past it starts again empty,
    /// as conmon's does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<u64>,
    /// `tag=`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl LogConfig {
    /// `--log-opt` values as given (`KEY=VALUE`); a relative path is the
    /// working directory's.
    pub fn parse(opts: &[String]) -> Result<LogConfig, String> {
        let mut config = LogConfig::default();
        for opt in opts {
            let Some((key, value)) = opt.split_once('=') else {
                return Err(format!(
                    "--log-opt {opt:?}: expected KEY=VALUE (path=, max-size= or tag=)"
                ));
            };
            match key {
                "path" if !value.is_empty() => {
                    let path = std::path::absolute(value).map_err(|e| {
                        format!("--log-opt {opt}: finding the working directory: {e}")
                    })?;
                    config.path = Some(path);
                }
                "max-size" => {
                    let size = crate::config::parse_size(value).ok_or_else(|| {
                        format!("--log-opt {opt}: not a size (such as 10m, 512k or 1048576)")
                    })?;
                    config.max_size = Some(size);
                }
                "tag" => config.tag = Some(value.to_string()),
                _ => {
                    return Err(format!(
                        "--log-opt {opt}: unknown option; use path=FILE, max-size=SIZE or tag=TAG"
                    ));
                }
            }
        }
        Ok(config)
    }

    pub fn is_default(&self) -> bool {
        *self == LogConfig::default()
    }
}

/// Appends what the container writes, one entry a line.
pub struct LogWriter {
    file: File,
    /// `--log-opt max-size`, and the size the file has now.
    max_size: Option<u64>,
    size: u64,
}

impl LogWriter {
    pub fn create(path: &Path, max_size: Option<u64>) -> io::Result<LogWriter> {
        let file = File::options().create(true).append(true).open(path)?;
        let size = file.metadata()?.len();
        Ok(LogWriter {
            file,
            max_size,
            size,
        })
    }

    /// Logs one read's worth of `bytes`: each complete line as a full entry,
    /// a trailing piece without newline as a partial one.
    pub fn write(&mut self, stream: Stream, bytes: &[u8]) -> io::Result<()> {
        let time = crate::util::time::now_rfc3339();
        let mut entries = Vec::with_capacity(bytes.len() + 64);
        let mut rest = bytes;
        while !rest.is_empty() {
            let (line, flag, next) = match rest.iter().position(|&b| b == b'\n') {
                Some(end) => (&rest[..end], "F", &rest[end + 1..]),
                None => (rest, "P", &rest[rest.len()..]),
            };
            entries.extend_from_slice(format!("{time} {} {flag} ", stream.name()).as_bytes());
            entries.extend_from_slice(line);
            entries.push(b'\n');
            rest = next;
        }
        let mut kept = &entries[..];
        if let Some(max) = self.max_size {
            if self.size + kept.len() as u64 > max {
                // conmon's rule: the log starts again (O_APPEND writes at the new end)...
                self.file.set_len(0)?;
                self.size = 0;
                // ...with as many of the newest entries as fit.
                while kept.len() as u64 > max {
                    match kept.iter().position(|&b| b == b'\n') {
                        Some(end) => kept = &kept[end + 1..],
                        None => kept = &[],
                    }
                }
            }
        }
        // One write, so a reader never sees half an entry of ours followed by another's.
        self.file.write_all(kept)?;
        self.size += kept.len() as u64;
        Ok(())
    }
}

/// One entry, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub time: DateTime<Utc>,
    pub stream: Stream,
    pub partial: bool,
    pub text: Vec<u8>,
}

/// Parses one line of the log (without its newline); `None` for a damaged one.
pub fn parse_entry(line: &[u8]) -> Option<Entry> {
    let mut fields = line.splitn(4, |&b| b == b' ');
    let time = std::str::from_utf8(fields.next()?).ok()?;
    let time = DateTime::parse_from_rfc3339(time).ok()?.with_timezone(&Utc);
    let stream = match fields.next()? {
        b"stdout" => Stream::Stdout,
        b"stderr" => Stream::Stderr,
        _ => return None,
    };
    let partial = match fields.next()? {
        b"F" => false,
        b"P" => true,
        _ => return None,
    };
    Some(Entry {
        time,
        stream,
        partial,
        text: fields.next().unwrap_or_default().to_vec(),
    })
}

/// What `rcon logs` asks for.
#[derive(Debug, Clone, Default)]
pub struct LogOptions {
    /// Only the last N lines.
    pub tail: Option<usize>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Prefix each line with its time.
    pub timestamps: bool,
}

/// A line as shown: the pieces of a partial line joined.
struct Line {
    time: DateTime<Utc>,
    stream: Stream,
    text: Vec<u8>,
    complete: bool,
}

/// Reads a log from the start and, when asked, as it grows.
pub struct LogReader {
    file: File,
    /// Bytes read past the last complete entry.
    pending: Vec<u8>,
    /// A line still being assembled from partial entries, per stream.
    open: [Option<Line>; 2],
    /// Written before each line (`logs` of several containers: the short ID).
    prefix: String,
    /// `logs --color`: the ANSI colour each line is shown in.
    color: Option<&'static str>,
}

/// Podman's colours for `logs --color`, given to the containers in turn.
pub const COLORS: [&str; 7] = [
    "\x1b[37m", "\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[35m", "\x1b[36m", "\x1b[32m",
];
const COLOR_RESET: &str = "\x1b[0m";

impl LogReader {
    pub fn open(path: &Path) -> io::Result<LogReader> {
        Ok(LogReader {
            file: File::open(path)?,
            pending: Vec::new(),
            open: [None, None],
            prefix: String::new(),
            color: None,
        })
    }

    /// Each line shown is to begin with `prefix`.
    pub fn with_prefix(mut self, prefix: String) -> LogReader {
        self.prefix = prefix;
        self
    }

    /// Each line shown is to be in `color` (one of [`COLORS`]).
    pub fn with_color(mut self, color: &'static str) -> LogReader {
        self.color = Some(color);
        self
    }

    /// Everything written since the last call, as whole lines; `flush` also
    /// gives the lines whose end was never logged (the container has ended).
    fn lines(&mut self, flush: bool) -> io::Result<Vec<Line>> {
        self.file.read_to_end(&mut self.pending)?;
        let end = self
            .pending
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let complete: Vec<u8> = self.pending.drain(..end).collect();
        let mut lines = Vec::new();
        for entry in complete.split(|&b| b == b'\n').filter_map(parse_entry) {
            let slot = &mut self.open[entry.stream as usize];
            let line = slot.get_or_insert_with(|| Line {
                time: entry.time,
                stream: entry.stream,
                text: Vec::new(),
                complete: false,
            });
            line.text.extend_from_slice(&entry.text);
            if !entry.partial {
                let mut line = slot.take().expect("just filled");
                line.complete = true;
                lines.push(line);
            }
        }
        if flush {
            lines.extend(self.open.iter_mut().filter_map(Option::take));
        }
        Ok(lines)
    }

    /// Writes the log so far to `out` / `err` by stream, as `options` says.
    pub fn copy_existing(
        &mut self,
        options: &LogOptions,
        flush: bool,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        let mut lines: Vec<Line> = self
            .lines(flush)?
            .into_iter()
            .filter(|l| in_window(options, l))
            .collect();
        if let Some(tail) = options.tail {
            lines.drain(..lines.len().saturating_sub(tail));
        }
        emit(&lines, &self.prefix, self.color, options, out, err)
    }

    /// Writes what was added since the last call (no `--tail`: that only
    /// applies to what was there at the start).
    pub fn copy_new(
        &mut self,
        options: &LogOptions,
        flush: bool,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        let lines: Vec<Line> = self
            .lines(flush)?
            .into_iter()
            .filter(|l| in_window(options, l))
            .collect();
        emit(&lines, &self.prefix, self.color, options, out, err)
    }
}

/// One container's log being followed (`logs -f`).
pub struct Followed {
    pub reader: LogReader,
    pub path: PathBuf,
    /// A pidfd of the container's monitor; `None`: it has ended.
    pub monitor: Option<std::os::fd::OwnedFd>,
}

/// Copies the logs as they grow until each one's monitor says its
/// container has ended; then what is left of it. Returns when all have.
pub fn follow(
    logs: &mut [Followed],
    options: &LogOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};
    use std::os::fd::AsFd;

    let inotify = Inotify::init(InitFlags::IN_CLOEXEC | InitFlags::IN_NONBLOCK)?;
    for log in logs.iter() {
        if log.monitor.is_some() {
            inotify.add_watch(&log.path, AddWatchFlags::IN_MODIFY)?;
        }
    }
    loop {
        // Read after arming the watches, so no write slips between; a log
        // whose monitor has gone is read to its end once, and left.
        for log in logs.iter_mut() {
            let ended = log.monitor.is_none();
            log.reader.copy_new(options, ended, out, err)?;
        }
        let live: Vec<usize> = (0..logs.len())
            .filter(|&i| logs[i].monitor.is_some())
            .collect();
        if live.is_empty() {
            return Ok(());
        }
        let mut fds = vec![PollFd::new(inotify.as_fd(), PollFlags::POLLIN)];
        fds.extend(live.iter().map(|&i| {
            let monitor = logs[i].monitor.as_ref().expect("live");
            PollFd::new(monitor.as_fd(), PollFlags::POLLIN)
        }));
        match poll(&mut fds, PollTimeout::NONE) {
            Ok(_) | Err(nix::errno::Errno::EINTR) => {}
            Err(e) => return Err(e.into()),
        }
        let gone: Vec<usize> = live
            .iter()
            .zip(&fds[1..])
            .filter(|(_, fd)| fd.revents().is_some_and(|r| !r.is_empty()))
            .map(|(&i, _)| i)
            .collect();
        drop(fds);
        let _ = inotify.read_events();
        for i in gone {
            logs[i].monitor = None;
        }
    }
}

fn in_window(options: &LogOptions, line: &Line) -> bool {
    options.since.is_none_or(|since| line.time >= since)
        && options.until.is_none_or(|until| line.time <= until)
}

fn emit(
    lines: &[Line],
    prefix: &str,
    color: Option<&str>,
    options: &LogOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    for line in lines {
        let target: &mut dyn Write = match line.stream {
            Stream::Stdout => &mut *out,
            Stream::Stderr => &mut *err,
        };
        target.write_all(color.unwrap_or_default().as_bytes())?;
        target.write_all(prefix.as_bytes())?;
        if options.timestamps {
            let time = line.time.to_rfc3339_opts(SecondsFormat::Nanos, true);
            write!(target, "{time} ")?;
        }
        target.write_all(&line.text)?;
        if color.is_some() {
            target.write_all(COLOR_RESET.as_bytes())?;
        }
        if line.complete {
            target.write_all(b"\n")?;
        }
    }
    out.flush()?;
    err.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_and_lines_round_trip_by_stream() {
        let dir = std::env::temp_dir().join(format!("rcon-logfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ctr.log");
        let mut writer = LogWriter::create(&path, None).unwrap();
        writer.write(Stream::Stdout, b"one\ntw").unwrap();
        writer.write(Stream::Stderr, b"oops\n").unwrap();
        writer.write(Stream::Stdout, b"o\nthree").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let flags: Vec<&str> = text.lines().map(|l| l.split(' ').nth(2).unwrap()).collect();
        assert_eq!(flags, ["F", "P", "F", "F", "P"]);
        assert!(text.lines().nth(2).unwrap().contains(" stderr F oops"));

        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut reader = LogReader::open(&path).unwrap();
        let options = LogOptions::default();
        reader
            .copy_existing(&options, true, &mut out, &mut err)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "one\ntwo\nthree");
        assert_eq!(String::from_utf8(err).unwrap(), "oops\n");

        let (mut out, mut err) = (Vec::new(), Vec::new());
        let tail = LogOptions {
            tail: Some(1),
            ..LogOptions::default()
        };
        LogReader::open(&path)
            .unwrap()
            .copy_existing(&tail, false, &mut out, &mut err)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "two\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn damaged_entries_are_skipped() {
        assert!(parse_entry(b"not a log line").is_none());
        assert!(parse_entry(b"2024-01-02T03:04:05.000000001Z stdout X hi").is_none());
        let entry = parse_entry(b"2024-01-02T03:04:05.000000001Z stdout F a b").unwrap();
        assert_eq!(entry.text, b"a b");
    }
}
