//! `POST /build` (`docker build` with `DOCKER_HOST`): the body is the build
//! context as a tar (gzip allowed), the query Docker's options. The context
//! is extracted with the extractor `rcon cp` uses (names and symlinks
//! resolve inside it: a hostile context cannot write elsewhere), and the
//! build runs as an `rcon build` child (its RUN steps start containers,
//! which forks: see `containers::start_detached`), its output streamed as
//! Docker's `{"stream": ...}` lines.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Request, Response};
use nix::fcntl::{OFlag, openat};
use nix::sys::stat::Mode;
use serde_json::json;
use tokio::sync::mpsc;

use super::child::{rcon, spawn_failed};
use super::images::line;
use super::server::{Body, Service, blocking, flag, spool_body, streaming};
use super::{ApiError, ApiResult};
use crate::storage::extract::{self, ExtractOptions, Ownership, Root};
use crate::storage::store::TempLayer;

/// What `docker build` asks for, from the query.
struct BuildQuery {
    tags: Vec<String>,
    dockerfile: String,
    build_args: BTreeMap<String, String>,
    labels: BTreeMap<String, String>,
    target: Option<String>,
    no_cache: bool,
    pull: bool,
    remove: bool,
    quiet: bool,
}

impl BuildQuery {
    fn parse(query: &str) -> ApiResult<BuildQuery> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let last: HashMap<String, String> = pairs.iter().cloned().collect();
        let map = |name: &str| -> ApiResult<BTreeMap<String, String>> {
            match last.get(name).filter(|v| !v.is_empty()) {
                None => Ok(BTreeMap::new()),
                Some(text) => serde_json::from_str::<BTreeMap<String, Option<String>>>(text)
                    .map(|m| m.into_iter().filter_map(|(k, v)| Some((k, v?))).collect())
                    .map_err(|e| ApiError::bad_request(format!("invalid {name}: {e}"))),
            }
        };
        Ok(BuildQuery {
            tags: pairs
                .iter()
                .filter(|(k, v)| k == "t" && !v.is_empty())
                .map(|(_, v)| v.clone())
                .collect(),
            dockerfile: last
                .get("dockerfile")
                .filter(|d| !d.is_empty())
                .cloned()
                .unwrap_or_else(|| "Dockerfile".into()),
            build_args: map("buildargs")?,
            labels: map("labels")?,
            target: last.get("target").filter(|t| !t.is_empty()).cloned(),
            no_cache: flag(&last, "nocache"),
            pull: flag(&last, "pull"),
            remove: !last.get("rm").is_some_and(|v| v == "0" || v == "false"),
            quiet: flag(&last, "q"),
        })
    }
}

pub async fn build(service: Arc<Service>, request: Request<Incoming>) -> ApiResult<Response<Body>> {
    let options = BuildQuery::parse(request.uri().query().unwrap_or(""))?;
    let work = service.store()?.temp_layer()?;
    let archive = work.blob_path();
    spool_body(request, &archive).await?;
    let work = {
        let dockerfile = options.dockerfile.clone();
        blocking(move || {
            unpack_context(&archive, &work.dir())?;
            std::fs::remove_file(&archive)?;
            let text = read_dockerfile(&work.dir(), &dockerfile)?;
            Ok((work, text))
        })
        .await?
    };
    let (sender, response) = streaming("application/json");
    tokio::task::spawn_blocking(move || run_build(&service, work, &options, &sender));
    Ok(response)
}

/// Extracts the context tarball (plain or gzip) at `archive` into `dir`.
fn unpack_context(archive: &Path, dir: &Path) -> ApiResult<()> {
    let mut file = BufReader::new(File::open(archive)?);
    let gzip = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let tar: Box<dyn Read> = if gzip {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let options = ExtractOptions {
        ownership: Ownership::Squash,
    };
    extract::extract_plain(tar, File::open(dir)?, Path::new("/"), &options)
        .map_err(|e| ApiError::bad_request(format!("unpacking the build context: {e}")))?;
    Ok(())
}

/// The Dockerfile at `name` in the context, found inside it (a `..` stops
/// at its top, a symlinked directory resolves within it) and never a
/// symlink itself, so a context cannot have a file from elsewhere read.
fn read_dockerfile(context: &Path, name: &str) -> ApiResult<String> {
    let path = Path::new(name);
    let (parent, file) = match (path.parent(), path.file_name()) {
        (Some(parent), Some(file)) => (parent, file),
        _ => {
            return Err(ApiError::bad_request(format!(
                "invalid dockerfile {name:?}"
            )));
        }
    };
    let missing = |e: nix::Error| {
        ApiError::bad_request(format!(
            "reading the Dockerfile {name:?} in the build context: {e}"
        ))
    };
    let dir = Root::open(context)?.open_path(parent).map_err(missing)?;
    let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    let mut opened = File::from(openat(&dir, file, flags, Mode::empty()).map_err(missing)?);
    let mut text = String::new();
    opened
        .read_to_string(&mut text)
        .map_err(|e| ApiError::bad_request(format!("reading the Dockerfile {name:?}: {e}")))?;
    Ok(text)
}

/// Runs `rcon build` on the unpacked context in `work` and streams what it
/// prints; then Docker's closing lines (the image ID as `aux`, as clients
/// read it) or the error.
fn run_build(
    service: &Service,
    (work, dockerfile): (TempLayer, String),
    options: &BuildQuery,
    to: &mpsc::Sender<Bytes>,
) {
    let send = |value: serde_json::Value| {
        let _ = to.blocking_send(line(value));
    };
    let iidfile = work.dir().with_file_name("iid");
    let mut command = rcon(service);
    command.args(["build", "--file=-"]);
    command.arg(format!("--iidfile={}", iidfile.display()));
    for tag in &options.tags {
        command.arg(format!("--tag={tag}"));
    }
    // Values go through the child's environment, never its command line
    // (which every local user can read).
    for (name, value) in &options.build_args {
        command.arg(format!("--build-arg={name}")).env(name, value);
    }
    for (key, value) in &options.labels {
        command.arg(format!("--label={key}={value}"));
    }
    if let Some(target) = &options.target {
        command.arg(format!("--target={target}"));
    }
    if options.no_cache {
        command.arg("--no-cache");
    }
    command.arg(format!("--rm={}", options.remove));
    command.arg(format!(
        "--pull={}",
        if options.pull { "always" } else { "missing" }
    ));
    command
        .arg("--")
        .arg(work.dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) => return send(error_line(&spawn_failed("build", e).message)),
    };
    let mut stdin = child.stdin.take().expect("piped");
    let stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    let fed = std::thread::spawn(move || stdin.write_all(dockerfile.as_bytes()));
    // What rcon says on stderr: its last `Error:` line is the failure.
    let failure = std::thread::scope(|scope| {
        let errors = scope.spawn(|| {
            let mut failure = None;
            for text in BufReader::new(stderr).lines().map_while(Result::ok) {
                match text.strip_prefix("Error: ") {
                    Some(message) => failure = Some(message.to_string()),
                    None if !options.quiet => send(json!({ "stream": format!("{text}\n") })),
                    None => {}
                }
            }
            failure
        });
        for text in BufReader::new(stdout).lines().map_while(Result::ok) {
            if !options.quiet {
                send(json!({ "stream": format!("{text}\n") }));
            }
        }
        errors.join().unwrap_or_default()
    });
    let _ = fed.join();
    let status = child.wait();
    let id = std::fs::read_to_string(&iidfile).ok();
    match (status, id) {
        (Ok(status), Some(id)) if status.success() => {
            let id = id.trim().trim_start_matches("sha256:").to_string();
            send(json!({ "aux": { "ID": format!("sha256:{id}") } }));
            // rcon's own lines said "Successfully tagged" already.
            send(json!({ "stream": format!("Successfully built {}\n", &id[..id.len().min(12)]) }));
        }
        _ => send(error_line(
            &failure.unwrap_or_else(|| "the build failed".into()),
        )),
    }
    drop(work);
}

fn error_line(message: &str) -> serde_json::Value {
    json!({ "errorDetail": { "message": message }, "error": message })
}
