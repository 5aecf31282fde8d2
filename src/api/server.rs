//! The listening socket, connections, routing and the idle timer.
//!
//! One current-thread tokio runtime serves every connection; engine calls
//! block, so each runs on tokio's blocking pool ([`blocking`]). The process
//! entered rcon's user namespace before the runtime (and its threads)
//! existed. Nothing here forks: a container is started by an `rcon start`
//! child process (see `containers::start`), since the monitor's fork runs
//! ordinary Rust code in the child, which is only safe in a single-threaded
//! process.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::future::{Either, select};
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Empty, Full, Limited, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{mpsc, watch};

use super::exec::{self, ExecInstances};
use super::{
    API_VERSION, ApiError, ApiResult, build, containers, events, images, networks, prune, system,
    transfer, volumes,
};
use crate::config::Paths;
use crate::storage::driver::Driver;
use crate::storage::store::Store;

pub type Body = UnsyncBoxBody<Bytes, Infallible>;

/// Where the service listens.
#[derive(Debug)]
pub enum Listen {
    /// A Unix socket made at this path, mode 0600.
    Unix(PathBuf),
    /// TCP: anyone on the host who reaches the address can use it.
    Tcp(SocketAddr),
    /// A listening socket handed over by systemd (`LISTEN_FDS`).
    Inherited(OwnedFd),
}

impl Listen {
    /// The socket systemd passed (`LISTEN_PID` is this process, `LISTEN_FDS`
    /// at least 1: the first is fd 3), if any; the variables are removed so
    /// children do not take it for theirs.
    pub fn from_systemd() -> Option<Listen> {
        let pid: u32 = std::env::var("LISTEN_PID").ok()?.parse().ok()?;
        let count: u32 = std::env::var("LISTEN_FDS").ok()?.parse().ok()?;
        // SAFETY: called before any thread exists, as the service starts.
        unsafe {
            std::env::remove_var("LISTEN_PID");
            std::env::remove_var("LISTEN_FDS");
            std::env::remove_var("LISTEN_FDNAMES");
        }
        if pid != std::process::id() || count == 0 {
            return None;
        }
        // SAFETY: systemd's protocol gives this process fd 3, open, for its own.
        Some(Listen::Inherited(unsafe { OwnedFd::from_raw_fd(3) }))
    }
}

/// What `rcon system service` was asked for.
pub struct ServiceOptions {
    pub listen: Listen,
    /// Exit after this long without a connection; `None`: serve forever.
    pub idle: Option<Duration>,
    pub paths: Paths,
    /// The namespace has a single-ID mapping (pulled files become root's).
    pub squash_owners: bool,
    /// The storage driver of the containers it creates, chosen before it
    /// started (the first choice may fork a probe).
    pub storage_driver: Driver,
    /// `--events-backend`, if given: where `/events` reads.
    pub events_backend: Option<crate::events::Backend>,
    /// `--cors`: the origin browsers are told may use the API.
    pub cors: Option<HeaderValue>,
}

/// A container started attached: where its output goes, where its input
/// comes from, and how it ended.
pub(super) struct AttachedRun {
    /// The attach stream, until the start takes it.
    pub output: Option<mpsc::Sender<Bytes>>,
    /// What the client types (`stdin=1`), until the start takes it.
    pub input: Option<mpsc::Receiver<Bytes>>,
    /// With a terminal, once started: its pty's master and the `rcon start`
    /// child, what a resize reaches.
    pub terminal: Option<(Arc<OwnedFd>, nix::unistd::Pid)>,
    pub exit: watch::Sender<Option<i32>>,
}

/// What every handler shares.
pub(super) struct Service {
    pub paths: Paths,
    pub squash_owners: bool,
    pub storage_driver: Driver,
    pub events_backend: Option<crate::events::Backend>,
    /// `Access-Control-Allow-Origin` for every answer, with `--cors`.
    pub cors: Option<HeaderValue>,
    /// By container ID.
    pub attached: Mutex<HashMap<String, AttachedRun>>,
    pub execs: ExecInstances,
}

impl Service {
    pub fn store(&self) -> ApiResult<Store> {
        Ok(Store::open(&self.paths.root)?)
    }
}

/// Serves until idle for `options.idle` (or forever).
pub fn serve(options: ServiceOptions) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(32)
        .build()?;
    let listener = bind(options.listen)?;
    let service = Arc::new(Service {
        paths: options.paths,
        squash_owners: options.squash_owners,
        storage_driver: options.storage_driver,
        events_backend: options.events_backend,
        cors: options.cors,
        attached: Mutex::new(HashMap::new()),
        execs: Mutex::new(HashMap::new()),
    });
    runtime.block_on(accept_loop(listener, service, options.idle))
}

enum StdListener {
    Unix(std::os::unix::net::UnixListener),
    Tcp(std::net::TcpListener),
}

enum Listener {
    Unix(tokio::net::UnixListener),
    Tcp(tokio::net::TcpListener),
}

fn bind(listen: Listen) -> std::io::Result<StdListener> {
    let listener = match listen {
        Listen::Unix(path) => StdListener::Unix(bind_unix(&path)?),
        Listen::Tcp(address) => StdListener::Tcp(std::net::TcpListener::bind(address)?),
        Listen::Inherited(fd) => {
            let address = nix::sys::socket::getsockname::<nix::sys::socket::SockaddrStorage>(
                std::os::fd::AsRawFd::as_raw_fd(&fd),
            )?;
            if address.as_unix_addr().is_some() {
                StdListener::Unix(fd.into())
            } else {
                StdListener::Tcp(fd.into())
            }
        }
    };
    match &listener {
        StdListener::Unix(l) => l.set_nonblocking(true)?,
        StdListener::Tcp(l) => l.set_nonblocking(true)?,
    }
    Ok(listener)
}

/// Binds `path` with mode 0600 from the start (umask), replacing a socket
/// nobody listens on any more; refuses one still served.
fn bind_unix(path: &Path) -> std::io::Result<std::os::unix::net::UnixListener> {
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if !meta.file_type().is_socket() {
            return Err(std::io::Error::other(format!(
                "{} exists and is not a socket; remove it or choose another path",
                path.display()
            )));
        }
        if std::os::unix::net::UnixStream::connect(path).is_ok() {
            return Err(std::io::Error::other(format!(
                "{} is served by another process already",
                path.display()
            )));
        }
        std::fs::remove_file(path)?;
    }
    // Single-threaded here, so the umask change affects nothing else.
    let old = nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o177));
    let bound = std::os::unix::net::UnixListener::bind(path);
    nix::sys::stat::umask(old);
    let listener = bound
        .map_err(|e| std::io::Error::new(e.kind(), format!("binding {}: {e}", path.display())))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(listener)
}

/// Connections open now, and when the last one closed.
struct Activity {
    open: AtomicUsize,
    last: Mutex<Instant>,
}

async fn accept_loop(
    listener: StdListener,
    service: Arc<Service>,
    idle: Option<Duration>,
) -> std::io::Result<()> {
    let listener = match listener {
        StdListener::Unix(l) => Listener::Unix(tokio::net::UnixListener::from_std(l)?),
        StdListener::Tcp(l) => Listener::Tcp(tokio::net::TcpListener::from_std(l)?),
    };
    let activity = Arc::new(Activity {
        open: AtomicUsize::new(0),
        last: Mutex::new(Instant::now()),
    });
    loop {
        let accept = Box::pin(accept(&listener));
        let accepted = match idle {
            None => accept.await,
            Some(idle) => {
                let quiet_for = activity.last.lock().expect("not poisoned").elapsed();
                let timer = Box::pin(tokio::time::sleep(idle.saturating_sub(quiet_for)));
                match select(accept, timer).await {
                    Either::Left((accepted, _)) => accepted,
                    Either::Right(_) => {
                        let last = *activity.last.lock().expect("not poisoned");
                        if activity.open.load(Ordering::SeqCst) == 0 && last.elapsed() >= idle {
                            log::info!("no connection for {idle:?}: the service ends");
                            return Ok(());
                        }
                        continue;
                    }
                }
            }
        };
        let stream = match accepted {
            Ok(stream) => stream,
            Err(e) => {
                log::warn!("accepting a connection: {e}");
                continue;
            }
        };
        activity.open.fetch_add(1, Ordering::SeqCst);
        let service = Arc::clone(&service);
        let activity = Arc::clone(&activity);
        tokio::spawn(async move {
            let _ = match stream {
                Either::Left(unix) => serve_connection(unix, service).await,
                Either::Right(tcp) => serve_connection(tcp, service).await,
            };
            *activity.last.lock().expect("not poisoned") = Instant::now();
            activity.open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

async fn accept(
    listener: &Listener,
) -> std::io::Result<Either<tokio::net::UnixStream, tokio::net::TcpStream>> {
    Ok(match listener {
        Listener::Unix(l) => Either::Left(l.accept().await?.0),
        Listener::Tcp(l) => Either::Right(l.accept().await?.0),
    })
}

async fn serve_connection<S>(stream: S, service: Arc<Service>) -> hyper::Result<()>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    // Header names as Go's servers (Docker's, Podman's) write them:
    // `Api-Version`, not `api-version`; scripts grep for them.
    http1::Builder::new()
        .title_case_headers(true)
        .serve_connection(
            TokioIo::new(stream),
            service_fn(move |request| handle(Arc::clone(&service), request)),
        )
        .with_upgrades()
        .await
}

async fn handle(
    service: Arc<Service>,
    request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    log::debug!("{} {}", request.method(), request.uri());
    let cors = service.cors.clone();
    let mut response = match route(service, request).await {
        Ok(response) => response,
        Err(e) => json(e.status, &json!({ "message": e.message })),
    };
    if let Some(origin) = cors {
        response
            .headers_mut()
            .insert(hyper::header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    Ok(response)
}

/// The path without its `/v1.NN` prefix; a version newer than ours is refused.
fn unversioned(path: &str) -> ApiResult<&str> {
    let Some(rest) = path.strip_prefix("/v") else {
        return Ok(path);
    };
    let (version, rest) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let number = |v: &str| -> Option<(u32, u32)> {
        let (major, minor) = v.split_once('.')?;
        Some((major.parse().ok()?, minor.parse().ok()?))
    };
    let Some(asked) = number(version) else {
        return Ok(path);
    };
    if asked > number(API_VERSION).expect("a version") {
        return Err(ApiError::bad_request(format!(
            "client version {version} is too new. Maximum supported API version is {API_VERSION}"
        )));
    }
    Ok(rest)
}

async fn route(service: Arc<Service>, request: Request<Incoming>) -> ApiResult<Response<Body>> {
    let path = unversioned(request.uri().path())?.to_string();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let method = request.method().clone();
    let get = method == Method::GET;
    let post = method == Method::POST;
    let delete = method == Method::DELETE;
    match segments.as_slice() {
        ["_ping"] if get || method == Method::HEAD => Ok(system::ping(&method)),
        ["version"] if get => Ok(system::version()),
        ["info"] if get => system::info(service).await,
        ["auth"] if post => transfer::login(request).await,
        ["build"] if post => build::build(service, request).await,
        ["system", "df"] if get => system::disk_usage(service).await,
        ["events"] if get => events::stream(service, &request),
        ["containers", "prune"] if post => prune::containers(service, query(&request)).await,
        ["images", "prune"] if post => prune::images(service, query(&request)).await,
        ["volumes", "prune"] if post => prune::volumes(service, query(&request)).await,
        ["networks", "prune"] if post => prune::networks(service, query(&request)).await,
        ["build", "prune"] if post => Ok(prune::build_cache()),
        ["containers", rest @ ..] => containers::route(service, request, &method, rest).await,
        ["images", rest @ ..] => images::route(service, request, &method, rest).await,
        ["exec", id, "start"] if post => exec::start(service, request, id).await,
        ["exec", id, "resize"] if post => exec::resize(service, request, id).await,
        ["exec", id, "json"] if get => exec::inspect(service, id).await,
        ["volumes"] if get => volumes::list(service).await,
        ["volumes", "create"] if post => volumes::create(service, request).await,
        ["volumes", name] if get => volumes::inspect(service, name).await,
        ["volumes", name] if delete => volumes::remove(service, name).await,
        ["networks"] if get => networks::list(service).await,
        ["networks", "create"] if post => networks::create(service, request).await,
        ["networks", name] if get => networks::inspect(service, name).await,
        ["networks", name, "connect"] if post => networks::connect(service, request, name).await,
        ["networks", name, "disconnect"] if post => {
            networks::disconnect(service, request, name).await
        }
        ["networks", name] if delete => networks::remove(service, name).await,
        _ => Err(ApiError::not_found(format!(
            "page not found: {method} {path}"
        ))),
    }
}

/// Runs engine work on the blocking pool.
pub(super) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("engine task: {e}"),
        )
    })?
}

/// The query string's parameters (the last of a repeated one).
pub(super) fn query(request: &Request<Incoming>) -> HashMap<String, String> {
    form_urlencoded::parse(request.uri().query().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

/// Docker's booleans in a query: `1`, `true`, `True`.
pub(super) fn flag(query: &HashMap<String, String>, name: &str) -> bool {
    query
        .get(name)
        .is_some_and(|v| matches!(v.as_str(), "1" | "true" | "True"))
}

/// The request body as JSON (`T::default()` when empty); at most 4 MiB.
pub(super) async fn json_body<T: serde::de::DeserializeOwned + Default>(
    request: Request<Incoming>,
) -> ApiResult<T> {
    let bytes = Limited::new(request.into_body(), 4 << 20)
        .collect()
        .await
        .map_err(|e| ApiError::bad_request(format!("reading the request body: {e}")))?
        .to_bytes();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad_request(format!("the request body is not valid JSON: {e}")))
}

/// Writes the request body into a new file at `path` as it comes (an
/// archive or a build context: no size limit but the disk's).
pub(super) async fn spool_body(request: Request<Incoming>, path: &Path) -> ApiResult<()> {
    let mut file = tokio::fs::File::from_std(std::fs::File::create_new(path)?);
    let mut body = request.into_body();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| ApiError::bad_request(format!("reading the body: {e}")))?;
        if let Some(data) = frame.data_ref() {
            tokio::io::AsyncWriteExt::write_all(&mut file, data).await?;
        }
    }
    Ok(())
}

pub(super) fn json(status: StatusCode, value: &Value) -> Response<Body> {
    let mut response = Response::new(full(serde_json::to_vec(value).expect("serialisable")));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

pub(super) fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into()).boxed_unsync()
}

pub(super) fn empty(status: StatusCode) -> Response<Body> {
    let mut response = Response::new(Empty::new().boxed_unsync());
    *response.status_mut() = status;
    response
}

/// A response whose body is what is sent on the channel, as it comes; the
/// headers go out at once (Docker's clients wait for them before they go on).
pub(super) fn streaming(content_type: &'static str) -> (mpsc::Sender<Bytes>, Response<Body>) {
    let (sender, receiver) = mpsc::channel::<Bytes>(64);
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        let chunk = receiver.recv().await?;
        Some((Ok::<_, Infallible>(Frame::data(chunk)), receiver))
    });
    let mut response = Response::new(StreamBody::new(stream).boxed_unsync());
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    (sender, response)
}
