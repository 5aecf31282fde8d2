//! A registry that misbehaves on purpose: a small HTTP/1.1 server on
//! 127.0.0.1 that serves an image's manifests and blobs as the distribution
//! API does, except where a test tells a path to answer otherwise — too
//! large, lying about its length, stalling, resetting the connection, or with
//! content that does not match its digest.
//!
//! Every request line is recorded ([`HostileRegistry::requests`]), so a test
//! can check the client never asked for anything outside
//! `/v2/<name>/manifests/` and `/v2/<name>/blobs/` ([`HostileRegistry::strays`]).
//! One thread accepts, one thread serves each connection (keep-alive);
//! connections are closed after any answer that lies.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use anyhow::{Context, Result};

use crate::image::{Format, Image, ImageBuilder, media_type};
use crate::layer::{Compression, Layer, LayerBuilder};

/// How the server answers one path.
#[derive(Clone, Debug)]
pub enum Answer {
    /// 200 with these bytes and their true length.
    Body { content_type: String, body: Vec<u8> },
    /// This status, with a distribution-API error body.
    Status(u16),
    /// 200 with `body` but a `Content-Length` of `length`; the connection is
    /// closed after the body, so a client waiting for more sees it end.
    LyingLength { body: Vec<u8>, length: u64 },
    /// 200 announcing all of `body`, of which the first `after` bytes are
    /// sent; then nothing, until the client gives up and closes.
    Stall { body: Vec<u8>, after: usize },
    /// 200 announcing all of `body`, of which the first `after` bytes are
    /// sent; then the connection is reset (a TCP RST).
    Reset { body: Vec<u8>, after: usize },
    /// 200 with `head` and then `fill` bytes up to `length` bytes in all,
    /// made as they are sent (nothing that large is held in memory). With
    /// `announce`, a `Content-Length` says so; without, the body ends when
    /// the connection closes, which for `u64::MAX` is when the client goes.
    Padded {
        content_type: String,
        head: Vec<u8>,
        fill: u8,
        length: u64,
        announce: bool,
    },
}

/// What each path answers.
#[derive(Clone, Debug, Default)]
pub struct Routes {
    answers: HashMap<String, Answer>,
}

impl Routes {
    pub fn new() -> Routes {
        Routes::default()
    }

    /// Honest answers for `image`: its tag and digests under `/manifests/`
    /// (the index too, for an OCI image) and every blob under `/blobs/`.
    pub fn for_image(image: &Image) -> Routes {
        let mut routes = Routes::new();
        routes.add_image(image);
        routes
    }

    /// Adds honest answers for `image` (see [`Routes::for_image`]).
    pub fn add_image(&mut self, image: &Image) -> &mut Routes {
        let manifest = |bytes: &[u8], kind: &str| Answer::Body {
            content_type: kind.to_string(),
            body: bytes.to_vec(),
        };
        let top = match (&image.index, &image.index_digest) {
            (Some(index), Some(digest)) => {
                self.set(
                    &manifest_path(image, digest),
                    manifest(index, media_type::OCI_INDEX),
                );
                manifest(index, media_type::OCI_INDEX)
            }
            _ => manifest(&image.manifest, &image.manifest_media_type),
        };
        self.set(&manifest_path(image, &image.tag), top);
        self.set(
            &manifest_path(image, &image.manifest_digest),
            manifest(&image.manifest, &image.manifest_media_type),
        );
        for (digest, data) in &image.blobs {
            self.set(
                &blob_path(image, digest),
                Answer::Body {
                    content_type: "application/octet-stream".into(),
                    body: data.clone(),
                },
            );
        }
        self
    }

    /// Makes `path` (`/v2/...`) answer `answer`.
    pub fn set(&mut self, path: &str, answer: Answer) -> &mut Routes {
        self.answers.insert(path.to_string(), answer);
        self
    }
}

/// A small honest image called `name`: one gzip layer holding `/hello`, no
/// busybox (quick to build), for a hostile registry to serve or spoil.
pub fn small_image(name: &str, format: Format) -> Result<Image> {
    let mut files = LayerBuilder::new();
    files.file("hello", "hello\n", 0o644);
    let layer = Layer::from_builder(&files, Compression::Gzip, "hello")?;
    ImageBuilder::new(name, format).layer(layer).build()
}

/// `/v2/<name>/manifests/<reference>` of `image`.
pub fn manifest_path(image: &Image, reference: &str) -> String {
    format!("/v2/{}/manifests/{reference}", image.name)
}

/// `/v2/<name>/blobs/<digest>` of `image`.
pub fn blob_path(image: &Image, digest: &str) -> String {
    format!("/v2/{}/blobs/{digest}", image.name)
}

/// The running server; stopped when dropped.
pub struct HostileRegistry {
    /// `127.0.0.1:PORT`.
    pub addr: String,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl HostileRegistry {
    /// Starts serving `routes` on a free port of 127.0.0.1.
    pub fn start(routes: Routes) -> Result<HostileRegistry> {
        let listener = TcpListener::bind("127.0.0.1:0").context("binding 127.0.0.1:0")?;
        let local: SocketAddr = listener.local_addr().context("the server's address")?;
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let routes = Arc::new(routes);
        let (log, stopping) = (Arc::clone(&requests), Arc::clone(&stop));
        thread::Builder::new()
            .name("hostile-registry".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (routes, log) = (Arc::clone(&routes), Arc::clone(&log));
                    thread::spawn(move || serve(stream, &routes, &log));
                }
            })
            .context("spawning the server thread")?;
        Ok(HostileRegistry {
            addr: local.to_string(),
            requests,
            stop,
        })
    }

    /// Every request so far, as `METHOD PATH` (the query included).
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("not poisoned").clone()
    }

    /// The requests for anything but `/v2/`, `/v2/<name>/manifests/…` and
    /// `/v2/<name>/blobs/…` with one path component after them.
    pub fn strays(&self, name: &str) -> Vec<String> {
        let manifests = format!("/v2/{name}/manifests/");
        let blobs = format!("/v2/{name}/blobs/");
        self.requests()
            .into_iter()
            .filter(|request| {
                let path = request.split_once(' ').map_or("", |(_, path)| path);
                let rest = path
                    .strip_prefix(&manifests)
                    .or_else(|| path.strip_prefix(&blobs));
                let allowed = path == "/v2/"
                    || rest.is_some_and(|rest| {
                        !rest.is_empty() && !rest.contains(['/', '?', '%']) && rest != ".."
                    });
                !allowed
            })
            .collect()
    }
}

impl Drop for HostileRegistry {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag.
        let _ = TcpStream::connect(&self.addr);
    }
}

/// Answers requests on one connection until it closes or an answer lies.
fn serve(stream: TcpStream, routes: &Routes, log: &Mutex<Vec<String>>) {
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut stream = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        // The headers: nothing in them changes the answer.
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            if header == "\r\n" || header == "\n" {
                break;
            }
        }
        let mut words = line.split_whitespace();
        let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        log.lock()
            .expect("not poisoned")
            .push(format!("{method} {target}"));
        let head_only = method == "HEAD";
        let path = target.split('?').next().unwrap_or(target);
        let answer = if path == "/v2/" {
            Answer::Body {
                content_type: "application/json".into(),
                body: b"{}".to_vec(),
            }
        } else {
            routes
                .answers
                .get(path)
                .cloned()
                .unwrap_or(Answer::Status(404))
        };
        if !answer_with(&mut stream, &mut reader, &answer, head_only) {
            return;
        }
    }
}

/// Writes one answer; false when the connection is to end after it.
fn answer_with(
    stream: &mut TcpStream,
    reader: &mut BufReader<TcpStream>,
    answer: &Answer,
    head_only: bool,
) -> bool {
    let headers = |status: &str, content_type: &str, length: Option<u64>, close: bool| {
        let mut text = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n");
        if let Some(length) = length {
            text.push_str(&format!("Content-Length: {length}\r\n"));
        }
        if close {
            text.push_str("Connection: close\r\n");
        }
        text.push_str("\r\n");
        text.into_bytes()
    };
    let sent = |result: std::io::Result<()>| result.is_ok();
    match answer {
        Answer::Body { content_type, body } => {
            let mut out = headers("200 OK", content_type, Some(body.len() as u64), false);
            if !head_only {
                out.extend_from_slice(body);
            }
            sent(stream.write_all(&out))
        }
        Answer::Status(status) => {
            let body = format!(
                r#"{{"errors":[{{"code":"UNKNOWN","message":"the hostile registry answers {status}"}}]}}"#
            );
            let mut out = headers(
                &format!("{status} Hostile"),
                "application/json",
                Some(body.len() as u64),
                false,
            );
            if !head_only {
                out.extend_from_slice(body.as_bytes());
            }
            sent(stream.write_all(&out))
        }
        Answer::LyingLength { body, length } => {
            let mut out = headers("200 OK", "application/octet-stream", Some(*length), true);
            out.extend_from_slice(body);
            let _ = stream.write_all(&out);
            let _ = stream.shutdown(Shutdown::Both);
            false
        }
        Answer::Stall { body, after } => {
            let mut out = headers(
                "200 OK",
                "application/octet-stream",
                Some(body.len() as u64),
                true,
            );
            out.extend_from_slice(&body[..*after]);
            if stream.write_all(&out).is_ok() {
                // Nothing more: wait for the client to give up and close.
                let _ = std::io::copy(reader, &mut std::io::sink());
            }
            false
        }
        Answer::Reset { body, after } => {
            let mut out = headers(
                "200 OK",
                "application/octet-stream",
                Some(body.len() as u64),
                true,
            );
            out.extend_from_slice(&body[..*after]);
            let _ = stream.write_all(&out);
            reset(stream);
            false
        }
        Answer::Padded {
            content_type,
            head,
            fill,
            length,
            announce,
        } => {
            let out = headers("200 OK", content_type, announce.then_some(*length), true);
            if stream.write_all(&out).is_ok() && !head_only {
                let body = head.as_slice().chain(std::io::repeat(*fill)).take(*length);
                let _ = std::io::copy(&mut { body }, stream);
            }
            let _ = stream.shutdown(Shutdown::Both);
            false
        }
    }
}

/// Closes `stream` with a TCP reset rather than a FIN: `SO_LINGER` with a
/// zero timeout makes close(2) discard what is unsent and send RST.
fn reset(stream: &TcpStream) {
    let linger = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    // SAFETY: setsockopt on a socket this function borrows, with a pointer
    // to a local `linger` of the size passed.
    unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            (&raw const linger).cast(),
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        );
    }
}
