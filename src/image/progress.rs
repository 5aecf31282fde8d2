//! What pulls and pushes report per layer as they go: a live display on a
//! terminal, plain lines otherwise (as Podman prints without one), or nothing.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::storage::store;

/// Events of one transfer, per blob.
pub trait Progress: Send + Sync {
    fn layer_skipped(&self, digest: &str);
    fn layer_started(&self, digest: &str, size: u64);
    fn layer_bytes(&self, digest: &str, bytes: u64);
    fn layer_done(&self, digest: &str);
}

/// The progress display for stderr: nothing when `quiet`, live bars on a
/// terminal that can show them (indicatif hides bars without `TERM`, for
/// one), plain lines otherwise.
pub fn for_stderr(quiet: bool) -> Arc<dyn Progress> {
    if quiet {
        Arc::new(QuietProgress)
    } else if std::io::stderr().is_terminal() && !ProgressDrawTarget::stderr().is_hidden() {
        Arc::new(TerminalProgress::new())
    } else {
        Arc::new(LineProgress)
    }
}

/// Plain lines on stderr, one when a blob is skipped or done.
struct LineProgress;

impl Progress for LineProgress {
    fn layer_skipped(&self, digest: &str) {
        eprintln!("Copying blob {} skipped: already exists", short(digest));
    }
    fn layer_started(&self, _digest: &str, _size: u64) {}
    fn layer_bytes(&self, _digest: &str, _bytes: u64) {}
    fn layer_done(&self, digest: &str) {
        eprintln!("Copying blob {} done", short(digest));
    }
}

struct QuietProgress;

impl Progress for QuietProgress {
    fn layer_skipped(&self, _digest: &str) {}
    fn layer_started(&self, _digest: &str, _size: u64) {}
    fn layer_bytes(&self, _digest: &str, _bytes: u64) {}
    fn layer_done(&self, _digest: &str) {}
}

/// One live line per blob: bytes so far of the total, speed; then done or skipped.
struct TerminalProgress {
    bars: MultiProgress,
    running: Mutex<HashMap<String, ProgressBar>>,
    style: ProgressStyle,
    finished: ProgressStyle,
}

impl TerminalProgress {
    fn new() -> TerminalProgress {
        TerminalProgress {
            bars: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            running: Mutex::new(HashMap::new()),
            style: ProgressStyle::with_template(
                "Copying blob {prefix} [{bar:30}] {bytes} / {total_bytes} | {bytes_per_sec}",
            )
            .expect("a valid template")
            .progress_chars("=> "),
            finished: ProgressStyle::with_template("Copying blob {prefix} {msg}")
                .expect("a valid template"),
        }
    }

    fn finished_line(&self, digest: &str, message: &'static str) {
        let bar = self.bars.add(ProgressBar::new(0));
        bar.set_style(self.finished.clone());
        bar.set_prefix(short(digest).to_string());
        bar.finish_with_message(message);
    }
}

impl Progress for TerminalProgress {
    fn layer_skipped(&self, digest: &str) {
        self.finished_line(digest, "skipped: already exists");
    }

    fn layer_started(&self, digest: &str, size: u64) {
        let bar = self.bars.add(ProgressBar::new(size));
        bar.set_style(self.style.clone());
        bar.set_prefix(short(digest).to_string());
        self.running
            .lock()
            .expect("no panic while holding the lock")
            .insert(digest.to_string(), bar);
    }

    fn layer_bytes(&self, digest: &str, bytes: u64) {
        if let Some(bar) = self.running.lock().expect("no panic").get(digest) {
            bar.inc(bytes);
        }
    }

    fn layer_done(&self, digest: &str) {
        if let Some(bar) = self.running.lock().expect("no panic").remove(digest) {
            let speed = bar.per_sec();
            bar.set_style(self.finished.clone());
            bar.finish_with_message(format!(
                "done ({}, {}/s)",
                indicatif::HumanBytes(bar.position()),
                indicatif::HumanBytes(speed as u64)
            ));
        }
    }
}

/// The first 12 hex digits of a digest, as Podman shows blobs.
pub fn short(digest: &str) -> &str {
    let hex = store::hex_of(digest);
    &hex[..hex.len().min(12)]
}
