//! Docker's exec instances: `POST /containers/{id}/exec` makes one,
//! `POST /exec/{id}/start` runs it, `POST /exec/{id}/resize` and
//! `GET /exec/{id}/json` follow it. A start runs the `exec` verb itself
//! (`rcon exec`, a child process: it forks into the container, which is safe
//! only from a single-threaded process) with its streams relayed over the
//! connection the client hands over (HTTP upgrade), so the CLI and the API
//! share one implementation.

use std::collections::HashMap;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use nix::pty::{OpenptyResult, Winsize, openpty};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde::Deserialize;
use serde_json::json;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::unix::pipe;
use tokio::sync::{mpsc, watch};

use super::child::{self, rcon, spawn_failed};
use super::containers::{
    exit_after_output, frame, stream_type, switching_protocols, with_container,
};
use super::server::{Body, Service, blocking, empty, json, json_body, query, streaming};
use super::{ApiError, ApiResult};
use crate::container::store::Status;
use crate::container::tty;

/// An exec instance's configuration (Docker's `ExecConfig`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct ExecConfig {
    attach_stdin: bool,
    attach_stdout: bool,
    attach_stderr: bool,
    tty: bool,
    env: Option<Vec<String>>,
    cmd: Option<Vec<String>>,
    user: Option<String>,
    working_dir: Option<String>,
    privileged: bool,
    console_size: Option<[u16; 2]>,
}

/// `POST /exec/{id}/start`'s body.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct StartConfig {
    detach: bool,
    console_size: Option<[u16; 2]>,
}

/// One exec instance. Made by a create, run at most once.
pub(super) struct ExecInstance {
    container_id: String,
    config: ExecConfig,
    run: Mutex<ExecRun>,
    /// `Some(code)` once the command has ended.
    exit: watch::Sender<Option<i32>>,
}

#[derive(Default)]
struct ExecRun {
    started: bool,
    running: bool,
    /// The `rcon exec` child, and with a terminal the master end of its pty:
    /// what a resize reaches.
    child: Option<Pid>,
    terminal: Option<Arc<OwnedFd>>,
}

/// The exec instances of this service, by ID.
pub(super) type ExecInstances = Mutex<HashMap<String, Arc<ExecInstance>>>;

fn find(service: &Service, id: &str) -> ApiResult<Arc<ExecInstance>> {
    service
        .execs
        .lock()
        .expect("not poisoned")
        .get(id)
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("No such exec instance: {id}")))
}

/// `POST /containers/{id}/exec`.
pub async fn create(
    service: Arc<Service>,
    request: Request<Incoming>,
    container: &str,
) -> ApiResult<Response<Body>> {
    let config: ExecConfig = json_body(request).await?;
    if config.cmd.as_ref().is_none_or(Vec::is_empty) {
        return Err(ApiError::bad_request(
            "No exec command specified: give Cmd, the command and its arguments",
        ));
    }
    let (record, running) = with_container(&service, container, |lifecycle, record| {
        let running = lifecycle.state(&record.id)?.status == Status::Running;
        Ok((record, running))
    })
    .await?;
    if !running {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("container {} is not running", record.id),
        ));
    }
    let id = crate::storage::store::new_id();
    let (exit, _) = watch::channel(None);
    service.execs.lock().expect("not poisoned").insert(
        id.clone(),
        Arc::new(ExecInstance {
            container_id: record.id,
            config,
            run: Mutex::new(ExecRun::default()),
            exit,
        }),
    );
    Ok(json(StatusCode::CREATED, &json!({ "Id": id })))
}

/// `GET /exec/{id}/json`.
pub async fn inspect(service: Arc<Service>, id: &str) -> ApiResult<Response<Body>> {
    let instance = find(&service, id)?;
    let config = &instance.config;
    let run = instance.run.lock().expect("not poisoned");
    let command = config.cmd.clone().unwrap_or_default();
    Ok(json(
        StatusCode::OK,
        &json!({
            "ID": id,
            "ContainerID": instance.container_id,
            "Running": run.running,
            "ExitCode": *instance.exit.borrow(),
            "OpenStdin": config.attach_stdin,
            "OpenStdout": config.attach_stdout,
            "OpenStderr": config.attach_stderr,
            "CanRemove": false,
            "DetachKeys": "",
            // The command runs in the container's PID namespace; rcon does
            // not track its host PID.
            "Pid": 0,
            "ProcessConfig": {
                "tty": config.tty,
                "entrypoint": command.first(),
                "arguments": command.get(1..).unwrap_or_default(),
                "privileged": config.privileged,
                "user": config.user.clone().unwrap_or_default(),
            },
        }),
    ))
}

/// `POST /exec/{id}/resize?h=&w=`: the size of the command's terminal.
pub async fn resize(
    service: Arc<Service>,
    request: Request<Incoming>,
    id: &str,
) -> ApiResult<Response<Body>> {
    let instance = find(&service, id)?;
    let query = query(&request);
    let dimension = |name: &str| -> ApiResult<u16> {
        query
            .get(name)
            .map_or(Ok(0), |v| v.parse())
            .map_err(|_| ApiError::bad_request(format!("{name} must be a number of cells")))
    };
    let size = window(dimension("h")?, dimension("w")?);
    let run = instance.run.lock().expect("not poisoned");
    let (Some(terminal), Some(child)) = (&run.terminal, run.child) else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("exec instance {id} has no running terminal to resize"),
        ));
    };
    set_window(terminal, size)?;
    // `rcon exec -t` copies its terminal's size into the container's on
    // SIGWINCH; its terminal is not its controlling one, so no kernel sends it.
    let _ = kill(child, Signal::SIGWINCH);
    Ok(empty(StatusCode::OK))
}

fn window(rows: u16, columns: u16) -> Winsize {
    Winsize {
        ws_row: rows,
        ws_col: columns,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

fn set_window(terminal: &OwnedFd, size: Winsize) -> io::Result<()> {
    tty::set_window_size(terminal.as_fd(), &size).map_err(io::Error::from)
}

/// `POST /exec/{id}/start`.
pub async fn start(
    service: Arc<Service>,
    mut request: Request<Incoming>,
    id: &str,
) -> ApiResult<Response<Body>> {
    let instance = find(&service, id)?;
    // Taken before the body is read: the upgrade lives in the request.
    let wants_upgrade = request.headers().contains_key(hyper::header::UPGRADE);
    let upgrade = wants_upgrade.then(|| hyper::upgrade::on(&mut request));
    let options: StartConfig = json_body(request).await?;
    {
        let mut run = instance.run.lock().expect("not poisoned");
        if run.started {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                format!("exec instance {id} has already been started"),
            ));
        }
        run.started = true;
        run.running = true;
    }
    let config = &instance.config;
    let mut command = rcon(&service);
    command.arg("exec");
    if options.detach {
        command.arg("--detach");
    } else {
        if config.attach_stdin {
            command.arg("--interactive");
        }
        if config.tty {
            command.arg("--tty");
        }
    }
    // `--flag=VALUE`: a value that starts with `-` stays a value.
    for variable in config.env.iter().flatten() {
        command.arg(format!("--env={variable}"));
    }
    if let Some(user) = config.user.as_deref().filter(|u| !u.is_empty()) {
        command.arg(format!("--user={user}"));
    }
    if let Some(dir) = config.working_dir.as_deref().filter(|d| !d.is_empty()) {
        command.arg(format!("--workdir={dir}"));
    }
    if config.privileged {
        command.arg("--privileged");
    }
    command
        .arg(&instance.container_id)
        .args(config.cmd.iter().flatten());
    if options.detach {
        let instance = Arc::clone(&instance);
        return blocking(move || {
            let output = command.stderr(Stdio::piped()).output();
            let mut run = instance.run.lock().expect("not poisoned");
            run.running = false;
            match output {
                Ok(output) if output.status.success() => Ok(empty(StatusCode::OK)),
                Ok(output) => Err(ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    child::message(&output.stderr),
                )),
                Err(e) => Err(spawn_failed("exec", e)),
            }
        })
        .await;
    }
    let size = options.console_size.or(config.console_size);
    let (child, streams) = spawn(command, config, size).inspect_err(|_| {
        instance.run.lock().expect("not poisoned").running = false;
    })?;
    {
        let mut run = instance.run.lock().expect("not poisoned");
        run.child = Some(Pid::from_raw(child.id() as i32));
        if let Streams::Terminal(terminal) = &streams {
            run.terminal = Some(Arc::clone(terminal));
        }
    }
    let tty = config.tty;
    let content_type = stream_type(tty);
    let (output, response) = match upgrade {
        Some(upgrade) => {
            let (sender, receiver) = mpsc::channel::<Bytes>(64);
            let (stdin_sender, stdin) = mpsc::channel::<Bytes>(16);
            tokio::spawn(async move {
                let Ok(upgraded) = upgrade.await else {
                    return;
                };
                let io = hyper_util::rt::TokioIo::new(upgraded);
                let (reader, writer) = tokio::io::split(io);
                tokio::spawn(read_input(reader, stdin_sender));
                write_output(writer, receiver).await;
            });
            let response = switching_protocols(content_type);
            ((sender, Some(stdin)), response)
        }
        // A client that does not hand its connection over gets the output
        // as the response body, and gives no input.
        None => {
            let (sender, response) = streaming(content_type);
            ((sender, None), response)
        }
    };
    relay(instance, child, streams, output, tty);
    Ok(response)
}

/// The child's end of the streams, as the service holds them.
enum Streams {
    Pipes {
        stdin: Option<pipe::Sender>,
        stdout: Option<pipe::Receiver>,
        stderr: Option<pipe::Receiver>,
    },
    /// The master of the pty that is the child's stdin, stdout and stderr.
    Terminal(Arc<OwnedFd>),
}

fn spawn(
    mut command: Command,
    config: &ExecConfig,
    size: Option<[u16; 2]>,
) -> ApiResult<(Child, Streams)> {
    let io_error = |e: io::Error| spawn_failed("exec", e);
    if config.tty {
        let OpenptyResult { master, slave } =
            openpty(None, None).map_err(|e| spawn_failed("exec", io::Error::from(e)))?;
        if let Some([rows, columns]) = size {
            set_window(&master, window(rows, columns)).map_err(io_error)?;
        }
        let stdio = || slave.try_clone().map(Stdio::from);
        command
            .stdin(stdio().map_err(io_error)?)
            .stdout(stdio().map_err(io_error)?)
            .stderr(stdio().map_err(io_error)?);
        let child = command.spawn().map_err(io_error)?;
        drop(slave);
        return Ok((child, Streams::Terminal(Arc::new(master))));
    }
    let piped = |wanted: bool| {
        if wanted {
            Stdio::piped()
        } else {
            Stdio::null()
        }
    };
    command
        .stdin(piped(config.attach_stdin))
        .stdout(piped(config.attach_stdout))
        .stderr(piped(config.attach_stderr));
    let mut child = command.spawn().map_err(io_error)?;
    let stdin = child
        .stdin
        .take()
        .map(|s| pipe::Sender::from_owned_fd(OwnedFd::from(s)))
        .transpose()
        .map_err(io_error)?;
    let receiver = |fd: Option<OwnedFd>| fd.map(pipe::Receiver::from_owned_fd).transpose();
    let stdout = receiver(child.stdout.take().map(OwnedFd::from)).map_err(io_error)?;
    let stderr = receiver(child.stderr.take().map(OwnedFd::from)).map_err(io_error)?;
    Ok((
        child,
        Streams::Pipes {
            stdin,
            stdout,
            stderr,
        },
    ))
}

/// Relays the child's streams until it ends, then records its exit code;
/// the output ends only after that, so a client that asks for the exit code
/// once the output ends finds it.
fn relay(
    instance: Arc<ExecInstance>,
    child: Child,
    streams: Streams,
    (output, input): (mpsc::Sender<Bytes>, Option<mpsc::Receiver<Bytes>>),
    tty: bool,
) {
    let mut copies = Vec::new();
    match streams {
        Streams::Pipes {
            stdin,
            stdout,
            stderr,
        } => {
            if let (Some(stdin), Some(input)) = (stdin, input) {
                tokio::spawn(feed(input, stdin));
            }
            for (stream, fd) in [(1u8, stdout), (2, stderr)] {
                if let Some(fd) = fd {
                    copies.push(tokio::spawn(copy_out(fd, stream, tty, output.clone())));
                }
            }
        }
        Streams::Terminal(master) => {
            // A pty is no pipe tokio can poll without `unsafe`: its two
            // directions get a blocking thread each, for the session's length.
            if let Some(input) = input {
                let master = Arc::clone(&master);
                tokio::task::spawn_blocking(move || type_in(input, &master));
            }
            let output = output.clone();
            copies.push(tokio::task::spawn_blocking(move || {
                copy_terminal(&master, &output)
            }));
        }
    }
    tokio::spawn(async move {
        let code = exit_after_output(child, copies).await;
        {
            let mut run = instance.run.lock().expect("not poisoned");
            run.running = false;
            run.child = None;
            run.terminal = None;
        }
        instance.exit.send_replace(Some(code));
        // Dropping the last sender ends the output.
        drop(output);
    });
}

async fn copy_out(mut from: pipe::Receiver, stream: u8, tty: bool, to: mpsc::Sender<Bytes>) {
    let mut buffer = vec![0u8; 32 * 1024];
    while let Ok(n @ 1..) = from.read(&mut buffer).await {
        // A client gone still lets the command run to its end.
        let _ = to.send(frame(stream, tty, &buffer[..n])).await;
    }
}

async fn feed(mut input: mpsc::Receiver<Bytes>, mut to: pipe::Sender) {
    while let Some(chunk) = input.recv().await {
        if to.write_all(&chunk).await.is_err() {
            return;
        }
    }
    // Dropping `to` closes the command's stdin: the client's end of input.
}

fn copy_terminal(master: &OwnedFd, to: &mpsc::Sender<Bytes>) {
    let mut buffer = vec![0u8; 32 * 1024];
    // Ends at EIO, once every holder of the pty's other end has closed it.
    while let Ok(n @ 1..) = nix::unistd::read(master, &mut buffer) {
        let _ = to.blocking_send(Bytes::copy_from_slice(&buffer[..n]));
    }
}

fn type_in(mut input: mpsc::Receiver<Bytes>, master: &OwnedFd) {
    while let Some(chunk) = input.blocking_recv() {
        let mut rest = &chunk[..];
        while !rest.is_empty() {
            match nix::unistd::write(master, rest) {
                Ok(n) => rest = &rest[n..],
                Err(nix::errno::Errno::EINTR) => {}
                Err(_) => return,
            }
        }
    }
}

/// What the client sends over the connection it handed over: the command's
/// input, until it closes its side.
async fn read_input(mut from: impl AsyncRead + Unpin, to: mpsc::Sender<Bytes>) {
    let mut buffer = vec![0u8; 32 * 1024];
    while let Ok(n @ 1..) = from.read(&mut buffer).await {
        if to.send(Bytes::copy_from_slice(&buffer[..n])).await.is_err() {
            return;
        }
    }
}

async fn write_output(mut to: impl AsyncWrite + Unpin, mut from: mpsc::Receiver<Bytes>) {
    while let Some(chunk) = from.recv().await {
        if to.write_all(&chunk).await.is_err() {
            return;
        }
    }
    let _ = to.shutdown().await;
}
