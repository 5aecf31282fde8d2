//! The streams of a child `rcon` (an exec's, an attached start's) over the
//! connection a client hands over (HTTP upgrade): pipes framed as Docker
//! frames them, or a pty relayed both ways and resized on request.

use std::collections::HashMap;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use bytes::Bytes;
use hyper::{Response, StatusCode};
use nix::pty::{OpenptyResult, Winsize, openpty};
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::unix::pipe;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::child::spawn_failed;
use super::containers::frame;
use super::server::{Body, empty};
use super::{ApiError, ApiResult};
use crate::container::tty;

/// Which of a child's streams the client wants, and whether they are a terminal.
#[derive(Debug, Clone, Copy)]
pub(super) struct Wanted {
    pub tty: bool,
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

/// The child's end of the streams, as the service holds them.
pub(super) enum Streams {
    Pipes {
        stdin: Option<pipe::Sender>,
        stdout: Option<pipe::Receiver>,
        stderr: Option<pipe::Receiver>,
    },
    /// The master of the pty that is the child's stdin, stdout and stderr.
    Terminal(Arc<OwnedFd>),
}

/// Starts `command` (`rcon VERB ...`) with the streams `wanted`: a pty for
/// all three with a terminal (of `size`, rows and columns), else pipes.
pub(super) fn spawn(
    verb: &str,
    mut command: Command,
    wanted: Wanted,
    size: Option<[u16; 2]>,
) -> ApiResult<(Child, Streams)> {
    let io_error = |e: io::Error| spawn_failed(verb, e);
    if wanted.tty {
        let OpenptyResult { master, slave } =
            openpty(None, None).map_err(|e| spawn_failed(verb, io::Error::from(e)))?;
        if let Some([rows, columns]) = size {
            set_window(&master, window(rows, columns)).map_err(io_error)?;
        }
        let stdio = || slave.try_clone().map(Stdio::from);
        // Its own process group: a resize signals the whole group, as a
        // terminal does its foreground one (`rcon start -a` relays the
        // terminal in a monitor it forks).
        command.process_group(0);
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
        .stdin(piped(wanted.stdin))
        .stdout(piped(wanted.stdout))
        .stderr(piped(wanted.stderr));
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

/// Relays the child's streams: its output into `output` (Docker's frames
/// unless `tty`), `input` into its stdin. Returns the copies of its output,
/// done once it has closed them.
pub(super) fn relay(
    streams: Streams,
    output: &mpsc::Sender<Bytes>,
    input: Option<mpsc::Receiver<Bytes>>,
    tty: bool,
) -> Vec<JoinHandle<()>> {
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
    copies
}

/// Takes over the connection once upgraded: what the client sends goes to
/// `input` (when it is wanted), what comes on `output` to the client.
pub(super) fn hijack(
    upgrade: hyper::upgrade::OnUpgrade,
    output: mpsc::Receiver<Bytes>,
    input: Option<mpsc::Sender<Bytes>>,
) {
    tokio::spawn(async move {
        let Ok(upgraded) = upgrade.await else {
            return;
        };
        let io = hyper_util::rt::TokioIo::new(upgraded);
        let (reader, writer) = tokio::io::split(io);
        if let Some(input) = input {
            tokio::spawn(read_input(reader, input));
        }
        write_output(writer, output).await;
    });
}

/// `POST /…/resize?h=&w=`: sets the size of `terminal`, the pty of `child`
/// (a process group leader), and signals its group: an `rcon exec -t` or
/// `rcon start -a` copies its terminal's size into the container's on
/// SIGWINCH, and the pty is not its controlling terminal, so no kernel
/// sends it.
pub(super) fn resize(
    query: &HashMap<String, String>,
    terminal: &OwnedFd,
    child: Pid,
) -> ApiResult<Response<Body>> {
    let dimension = |name: &str| -> ApiResult<u16> {
        query
            .get(name)
            .map_or(Ok(0), |v| v.parse())
            .map_err(|_| ApiError::bad_request(format!("{name} must be a number of cells")))
    };
    set_window(terminal, window(dimension("h")?, dimension("w")?))
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    let _ = killpg(child, Signal::SIGWINCH);
    Ok(empty(StatusCode::OK))
}

pub(super) fn window(rows: u16, columns: u16) -> Winsize {
    Winsize {
        ws_row: rows,
        ws_col: columns,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

pub(super) fn set_window(terminal: &OwnedFd, size: Winsize) -> io::Result<()> {
    tty::set_window_size(terminal.as_fd(), &size).map_err(io::Error::from)
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
