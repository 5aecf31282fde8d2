//! `/containers/{id}/archive` (`docker cp`): GET a path as a tar stream,
//! HEAD its stat, PUT a tar stream into a directory. Each runs the `cp` verb
//! as a child (`rcon cp CTR:PATH -`, `rcon cp - CTR:PATH`): opening a
//! container's files may fork a FUSE server, safe only from a
//! single-threaded process, and so the path resolution inside the container
//! (no escape through `..` or symlinks) and the handling of hostile tar
//! entries are the verb's own.

use std::io::{self, Read};
use std::process::{Child, Stdio};
use std::sync::Arc;

use base64::Engine;
use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::HeaderValue;
use hyper::{Method, Request, Response, StatusCode};
use serde_json::json;

use super::child::{self, rcon};
use super::containers::with_container;
use super::server::{Body, Service, blocking, empty, query, streaming};
use super::{ApiError, ApiResult};

const STAT_HEADER: &str = "X-Docker-Container-Path-Stat";

/// `GET`/`HEAD`/`PUT /containers/{id}/archive?path=`.
pub async fn route(
    service: Arc<Service>,
    request: Request<Incoming>,
    method: &Method,
    id: &str,
) -> ApiResult<Response<Body>> {
    let query = query(&request);
    let Some(path) = query.get("path").filter(|p| !p.is_empty()).cloned() else {
        return Err(ApiError::bad_request("path is required"));
    };
    let record = with_container(&service, id, |_, record| Ok(record)).await?;
    let target = format!("{}:{path}", record.id);
    match *method {
        Method::GET | Method::HEAD => get(service, target, path, *method == Method::HEAD).await,
        // Docker's `noOverwriteDirNonDir` asks what `rcon cp` always does
        // (`extract_plain`): a directory never replaces a file or the reverse.
        Method::PUT => put(service, request, target).await,
        _ => Err(ApiError::not_found(format!(
            "page not found: {method} /containers/{id}/archive"
        ))),
    }
}

/// Records what is read through it, so the bytes a look at the first tar
/// header consumed can still be sent.
struct Recording<R> {
    inner: R,
    seen: Vec<u8>,
}

impl<R: Read> Read for Recording<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buffer)?;
        self.seen.extend_from_slice(&buffer[..n]);
        Ok(n)
    }
}

/// Go's `os.FileMode` bits for a tar entry's mode and type, as Docker's
/// clients read `mode` in the path stat.
fn go_file_mode(header: &tar::Header) -> u32 {
    use tar::EntryType as T;
    let mode = header.mode().unwrap_or(0);
    let mut go = mode & 0o777;
    for (bit, go_bit) in [(0o4000, 1 << 23), (0o2000, 1 << 22), (0o1000, 1 << 20)] {
        if mode & bit != 0 {
            go |= go_bit;
        }
    }
    go | match header.entry_type() {
        T::Directory => 1 << 31,
        T::Symlink => 1 << 27,
        T::Block => 1 << 26,
        T::Char => (1 << 26) | (1 << 21),
        T::Fifo => 1 << 25,
        _ => 0,
    }
}

fn cp_failed(child: Child) -> ApiError {
    let output = child.wait_with_output();
    let message = match &output {
        Ok(output) => child::message(&output.stderr),
        Err(e) => format!("running rcon cp: {e}"),
    };
    // `rcon cp` says what is missing with the system's words (Podman's
    // messages spell them in lower case).
    let lower = message.to_ascii_lowercase();
    let status = if lower.contains("no such file or directory") {
        StatusCode::NOT_FOUND
    } else if lower.contains("not a directory") {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    };
    ApiError::new(status, message)
}

fn spawn_failed(e: io::Error) -> ApiError {
    child::spawn_failed("cp", e)
}

/// The stat of what the stream's first entry is, base64 JSON.
fn path_stat(header: &tar::Header, path: &str) -> String {
    let name = std::path::Path::new(path.trim_end_matches("/.").trim_end_matches('/'))
        .file_name()
        .map_or("/".to_string(), |n| n.to_string_lossy().into_owned());
    let mtime = header
        .mtime()
        .ok()
        .and_then(|t| chrono::DateTime::from_timestamp(t as i64, 0))
        .unwrap_or_default();
    let stat = json!({
        "name": name,
        "size": header.size().unwrap_or(0),
        "mode": go_file_mode(header),
        "mtime": mtime.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "linkTarget": header
            .link_name()
            .ok()
            .flatten()
            .map(|l| l.to_string_lossy().into_owned())
            .unwrap_or_default(),
    });
    base64::engine::general_purpose::STANDARD.encode(stat.to_string())
}

/// The container's `/` as a stat (its tar stream has no entry of its own).
fn root_header() -> tar::Header {
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Directory);
    header.set_mode(0o755);
    header
}

async fn get(
    service: Arc<Service>,
    target: String,
    path: String,
    head: bool,
) -> ApiResult<Response<Body>> {
    // A directory's stat is its own entry: asked without `/.`.
    let root = path.trim_end_matches(['/', '.']).is_empty();
    let (stat, rest) = blocking(move || {
        let mut child = rcon(&service)
            .args(["cp", &target, "-"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_failed)?;
        let stdout = child.stdout.take().expect("piped");
        let mut archive = tar::Archive::new(Recording {
            inner: stdout,
            seen: Vec::new(),
        });
        let first = archive
            .entries()
            .ok()
            .and_then(|mut entries| entries.next())
            .and_then(Result::ok)
            .map(|entry| entry.header().clone());
        let recording = archive.into_inner();
        let header = match first {
            Some(header) => header,
            None if root => root_header(),
            None => return Err(cp_failed(child)),
        };
        Ok((path_stat(&header, &path), (child, recording)))
    })
    .await?;
    let (child, recording) = rest;
    let stat = HeaderValue::from_str(&stat).expect("base64 is a header value");
    if head {
        drop(recording);
        tokio::task::spawn_blocking(move || {
            let mut child = child;
            let _ = child.kill();
            let _ = child.wait();
        });
        let mut response = empty(StatusCode::OK);
        response.headers_mut().insert(STAT_HEADER, stat);
        return Ok(response);
    }
    let (sender, mut response) = streaming("application/x-tar");
    response.headers_mut().insert(STAT_HEADER, stat);
    let Recording { inner, seen } = recording;
    tokio::task::spawn_blocking(move || forward(child, inner, Bytes::from(seen), &sender));
    Ok(response)
}

/// Sends `first`, then what `output` (the `child`'s stdout) gives, on
/// `sender`, until its end; a client that leaves stops the child.
pub(super) fn forward(
    mut child: Child,
    mut output: impl Read,
    first: Bytes,
    sender: &tokio::sync::mpsc::Sender<Bytes>,
) {
    if first.is_empty() || sender.blocking_send(first).is_ok() {
        let mut buffer = vec![0u8; 64 * 1024];
        while let Ok(n @ 1..) = output.read(&mut buffer) {
            if sender
                .blocking_send(Bytes::copy_from_slice(&buffer[..n]))
                .is_err()
            {
                let _ = child.kill();
                break;
            }
        }
    }
    drop(output);
    let _ = child.wait();
}

/// `PUT`: the request body, a tar stream, extracted into the directory
/// `path` by `rcon cp - CTR:PATH`.
async fn put(
    service: Arc<Service>,
    request: Request<Incoming>,
    target: String,
) -> ApiResult<Response<Body>> {
    let mut child = rcon(&service)
        .args(["cp", "-", &target])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(spawn_failed)?;
    let stdin = child.stdin.take().expect("piped");
    let mut stdin =
        tokio::net::unix::pipe::Sender::from_owned_fd(stdin.into()).map_err(spawn_failed)?;
    let mut body = request.into_body();
    let mut broken = None;
    while let Some(frame) = body.frame().await {
        use tokio::io::AsyncWriteExt;
        match frame.map(hyper::body::Frame::into_data) {
            Ok(Ok(data)) => {
                // `rcon cp` stopped reading: its error says why.
                if stdin.write_all(&data).await.is_err() {
                    break;
                }
            }
            Ok(Err(_)) => {}
            Err(e) => {
                broken = Some(ApiError::bad_request(format!(
                    "reading the tar stream: {e}"
                )));
                break;
            }
        }
    }
    drop(stdin);
    blocking(move || {
        if let Some(e) = broken {
            // A stream cut short is not extracted further.
            let _ = child.kill();
            let _ = child.wait();
            return Err(e);
        }
        let status = child.wait().map_err(spawn_failed)?;
        if status.success() {
            Ok(())
        } else {
            Err(cp_failed(child))
        }
    })
    .await?;
    Ok(empty(StatusCode::OK))
}
