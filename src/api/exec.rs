//! Docker's exec instances: `POST /containers/{id}/exec` makes one,
//! `POST /exec/{id}/start` runs it, `POST /exec/{id}/resize` and
//! `GET /exec/{id}/json` follow it. A start runs the `exec` verb itself
//! (`rcon exec`, a child process: it forks into the container, which is safe
//! only from a single-threaded process) with its streams relayed over the
//! connection the client hands over (HTTP upgrade), so the CLI and the API
//! share one implementation.

use std::collections::HashMap;
use std::os::fd::OwnedFd;
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use nix::unistd::Pid;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::{mpsc, watch};

use super::child::{self, rcon, spawn_failed};
use super::containers::{exit_after_output, stream_type, switching_protocols, with_container};
use super::server::{Body, Service, blocking, empty, json, json_body, query, streaming};
use super::stdio::{self, Wanted};
use super::{ApiError, ApiResult};
use crate::container::store::Status;

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
    let run = instance.run.lock().expect("not poisoned");
    let (Some(terminal), Some(child)) = (&run.terminal, run.child) else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("exec instance {id} has no running terminal to resize"),
        ));
    };
    stdio::resize(&query(&request), terminal, child)
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
    let wanted = Wanted {
        tty: config.tty,
        stdin: config.attach_stdin,
        stdout: config.attach_stdout,
        stderr: config.attach_stderr,
    };
    let (child, streams) = stdio::spawn("exec", command, wanted, size).inspect_err(|_| {
        instance.run.lock().expect("not poisoned").running = false;
    })?;
    {
        let mut run = instance.run.lock().expect("not poisoned");
        run.child = Some(Pid::from_raw(child.id() as i32));
        if let stdio::Streams::Terminal(terminal) = &streams {
            run.terminal = Some(Arc::clone(terminal));
        }
    }
    let tty = config.tty;
    let content_type = stream_type(tty);
    let (output, input, response) = match upgrade {
        Some(upgrade) => {
            let (sender, receiver) = mpsc::channel::<Bytes>(64);
            let (stdin_sender, stdin) = mpsc::channel::<Bytes>(16);
            stdio::hijack(upgrade, receiver, Some(stdin_sender));
            (sender, Some(stdin), switching_protocols(content_type))
        }
        // A client that does not hand its connection over gets the output
        // as the response body, and gives no input.
        None => {
            let (sender, response) = streaming(content_type);
            (sender, None, response)
        }
    };
    let copies = stdio::relay(streams, &output, input, tty);
    // The exit code is recorded before the output ends, so a client that
    // asks for it once the output ends finds it.
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
    Ok(response)
}
