//! `rcon attach`: a detached container's monitor serves a Unix stream
//! socket, `<runroot>/containers/<id>/attach`. A client that connects gets
//! the container's output from then on, stdout and stderr kept apart; what
//! it sends goes to the container's stdin (a pipe, or the pty master with
//! `-t`) when the container was started with `-i`, and its window size to
//! the pty. When the command ends, each client gets its exit code. The same
//! socket takes `network connect|disconnect|reload`'s request to bring the
//! container's network helper in line with its record ([`sync_network`]).
//!
//! Both ways the stream is cut into frames: a kind byte, a 4-byte
//! big-endian length, the payload. The monitor never blocks on a client:
//! its socket is non-blocking, what it cannot take yet is held, and a client
//! more than [`MAX_BEHIND`] behind is dropped. The socket is bound and
//! reached as `/proc/self/fd/N/attach`, N a descriptor of the entry
//! directory (as conmon does), so a long runroot never meets the 108-byte
//! limit of socket paths.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::pty::Winsize;
use nix::sys::signal::Signal;
use nix::sys::signalfd::{SfdFlags, SignalFd};

use super::lifecycle::Lifecycle;
use super::logfile::Stream;
use super::store::{ContainerRecord, Status};
use super::tty::{DetachKeys, RawTerminal, set_window_size, window_size};
use super::{Error, foreground, monitor};

/// The socket's name in the container's runtime entry.
const SOCKET: &str = "attach";

// Frame kinds, monitor to client.
const STDOUT: u8 = 1;
const STDERR: u8 = 2;
const EXIT: u8 = 3;
/// The answer to [`NETWORK`]: empty, or why it failed.
const NETWORK_DONE: u8 = 8;
// Client to monitor.
const STDIN: u8 = 4;
const STDIN_END: u8 = 5;
const RESIZE: u8 = 6;
const NETWORK: u8 = 7;

/// How long a network request waits for the monitor (a helper is ready in
/// well under a second).
const NETWORK_ANSWER: Duration = Duration::from_secs(30);
/// A client this far behind the container's output is dropped.
const MAX_BEHIND: usize = 1 << 20;
/// Input held for a container that does not read it before the monitor
/// stops reading its clients.
const MAX_INPUT: usize = 64 * 1024;

fn push_frame(out: &mut Vec<u8>, kind: u8, payload: &[u8]) {
    out.push(kind);
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(payload);
}

/// Takes the first whole frame off the front of `buffer`.
fn next_frame(buffer: &mut Vec<u8>) -> Option<(u8, Vec<u8>)> {
    let header: [u8; 5] = buffer.get(..5)?.try_into().ok()?;
    let length = u32::from_be_bytes(header[1..].try_into().ok()?) as usize;
    if buffer.len() < 5 + length {
        return None;
    }
    let payload = buffer[5..5 + length].to_vec();
    buffer.drain(..5 + length);
    Some((header[0], payload))
}

/// `dir/attach` as `/proc/self/fd/N/attach`, valid while `dir` is open.
fn socket_path(dir: &File) -> PathBuf {
    PathBuf::from(format!("/proc/self/fd/{}/{SOCKET}", dir.as_raw_fd()))
}

/// What attached clients reach of the container: its stdin and, with a
/// terminal, its window size.
pub(super) struct Input {
    /// The stdin pipe's write end or a duplicate of the pty master
    /// (non-blocking); `None` once closed.
    fd: Option<OwnedFd>,
    /// Clients' input is passed on (`-i`).
    interactive: bool,
    /// `fd` is the pty: resizes apply, and the end of a client's input
    /// does not close it.
    terminal: bool,
    pending: Vec<u8>,
    /// The input has ended: the pipe closes once `pending` is written.
    ended: bool,
}

impl Input {
    /// The stdin pipe of a container started with `-i` (else nothing).
    pub(super) fn pipe(fd: Option<OwnedFd>) -> Input {
        if let Some(fd) = &fd {
            set_nonblocking(fd.as_fd());
        }
        Input {
            interactive: fd.is_some(),
            fd,
            terminal: false,
            pending: Vec::new(),
            ended: false,
        }
    }

    /// The pty of a container started with `-t`.
    pub(super) fn terminal(master: &OwnedFd, interactive: bool) -> Input {
        let fd = master.try_clone().ok();
        if let Some(fd) = &fd {
            set_nonblocking(fd.as_fd());
        }
        Input {
            fd,
            interactive,
            terminal: true,
            pending: Vec::new(),
            ended: false,
        }
    }

    /// The descriptor to poll for room, while input waits.
    pub(super) fn waiting(&self) -> Option<BorrowedFd<'_>> {
        self.fd
            .as_ref()
            .filter(|_| !self.pending.is_empty())
            .map(|fd| fd.as_fd())
    }

    /// Writes what it can of the held input; closes a pipe the container
    /// no longer reads, or whose input has ended and is all written.
    pub(super) fn flush(&mut self) {
        let Some(fd) = &self.fd else {
            self.pending.clear();
            return;
        };
        match write_some(fd.as_fd(), &self.pending) {
            Ok(n) => {
                self.pending.drain(..n);
                if self.ended && self.pending.is_empty() {
                    self.fd = None;
                }
            }
            Err(_) => {
                self.pending.clear();
                self.fd = None;
            }
        }
    }

    /// True when no more input is taken until the container reads.
    pub(super) fn full(&self) -> bool {
        self.pending.len() >= MAX_INPUT
    }

    /// Passes `bytes` on to the container (with `-i`), held while it does not read.
    pub(super) fn write(&mut self, bytes: &[u8]) {
        if self.interactive && self.fd.is_some() && !self.ended {
            self.pending.extend_from_slice(bytes);
            self.flush();
        }
    }

    /// The end of the input: a stdin pipe closes once what is held is
    /// written (a pty stays open: the end of one client's input is not the
    /// container's).
    pub(super) fn end(&mut self) {
        if self.interactive && !self.terminal {
            self.ended = true;
            self.flush();
        }
    }

    fn take(&mut self, kind: u8, payload: &[u8]) {
        match kind {
            STDIN => self.write(payload),
            STDIN_END => self.end(),
            RESIZE if self.terminal => {
                if let (Some(fd), [r0, r1, c0, c1]) = (&self.fd, payload) {
                    let size = Winsize {
                        ws_row: u16::from_be_bytes([*r0, *r1]),
                        ws_col: u16::from_be_bytes([*c0, *c1]),
                        ws_xpixel: 0,
                        ws_ypixel: 0,
                    };
                    let _ = set_window_size(fd, &size);
                }
            }
            _ => {}
        }
    }
}

fn set_nonblocking(fd: BorrowedFd) {
    use nix::fcntl::{FcntlArg, OFlag, fcntl};
    if let Ok(flags) = fcntl(fd, FcntlArg::F_GETFL) {
        let _ = fcntl(
            fd,
            FcntlArg::F_SETFL(OFlag::from_bits_truncate(flags) | OFlag::O_NONBLOCK),
        );
    }
}

/// One non-blocking write: how much went (0 when there is no room).
fn write_some(fd: BorrowedFd, bytes: &[u8]) -> Result<usize, Errno> {
    match nix::unistd::write(fd, bytes) {
        Ok(n) => Ok(n),
        Err(Errno::EAGAIN | Errno::EINTR) => Ok(0),
        Err(e) => Err(e),
    }
}

/// The monitor's side: the listening socket and the clients attached.
pub(super) struct Server {
    listener: UnixListener,
    clients: Vec<Client>,
}

struct Client {
    socket: UnixStream,
    incoming: Vec<u8>,
    outgoing: Vec<u8>,
}

impl Client {
    /// Sends what it can of the held output; false when the client is gone
    /// or too far behind.
    fn flush(&mut self) -> bool {
        match write_some(self.socket.as_fd(), &self.outgoing) {
            Ok(n) => {
                self.outgoing.drain(..n);
                self.outgoing.len() < MAX_BEHIND
            }
            Err(_) => false,
        }
    }
}

impl Server {
    /// Listens on the socket in the container's runtime entry `dir`.
    pub(super) fn listen(dir: &Path) -> io::Result<Server> {
        let dir = File::open(dir)?;
        let path = socket_path(&dir);
        // A socket left by an earlier monitor of this container.
        let _ = std::fs::remove_file(&path);
        let listener = UnixListener::bind(&path)?;
        listener.set_nonblocking(true)?;
        Ok(Server {
            listener,
            clients: Vec::new(),
        })
    }

    /// What to poll: the listener, then each client (for input unless the
    /// container's input is backed up; for room when output waits).
    pub(super) fn poll_fds(&self, input: &Input) -> Vec<PollFd<'_>> {
        let mut fds = vec![PollFd::new(self.listener.as_fd(), PollFlags::POLLIN)];
        for client in &self.clients {
            let mut flags = PollFlags::empty();
            if !input.full() {
                flags |= PollFlags::POLLIN;
            }
            if !client.outgoing.is_empty() {
                flags |= PollFlags::POLLOUT;
            }
            fds.push(PollFd::new(client.socket.as_fd(), flags));
        }
        fds
    }

    /// Handles what [`Server::poll_fds`] found ready (`ready[i]` for its
    /// i-th descriptor): new clients, their input, room to send; a
    /// client's network request is `network`'s to carry out.
    pub(super) fn serve(
        &mut self,
        ready: &[bool],
        input: &mut Input,
        network: &mut dyn FnMut() -> Result<(), String>,
    ) {
        let mut buffer = [0u8; 8192];
        let mut gone = Vec::new();
        for (index, client) in self.clients.iter_mut().enumerate() {
            if !ready.get(index + 1).copied().unwrap_or(false) {
                continue;
            }
            let alive = match (&client.socket).read(&mut buffer) {
                Ok(0) => false,
                Ok(n) => {
                    client.incoming.extend_from_slice(&buffer[..n]);
                    while let Some((kind, payload)) = next_frame(&mut client.incoming) {
                        match kind {
                            NETWORK => {
                                let failure = network().err().unwrap_or_default();
                                push_frame(&mut client.outgoing, NETWORK_DONE, failure.as_bytes());
                            }
                            _ => input.take(kind, &payload),
                        }
                    }
                    true
                }
                Err(e) => matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted
                ),
            };
            if !alive || !client.flush() {
                gone.push(index);
            }
        }
        for index in gone.into_iter().rev() {
            self.clients.remove(index);
        }
        if ready.first().copied().unwrap_or(false) {
            while let Ok((socket, _)) = self.listener.accept() {
                if socket.set_nonblocking(true).is_ok() {
                    self.clients.push(Client {
                        socket,
                        incoming: Vec::new(),
                        outgoing: Vec::new(),
                    });
                }
            }
        }
    }

    /// Sends a piece of the container's output to every client.
    pub(super) fn broadcast(&mut self, stream: Stream, bytes: &[u8]) {
        let kind = match stream {
            Stream::Stdout => STDOUT,
            Stream::Stderr => STDERR,
        };
        self.clients.retain_mut(|client| {
            push_frame(&mut client.outgoing, kind, bytes);
            client.flush()
        });
    }

    /// Tells every client the command ended with `code` and lets them go.
    pub(super) fn finish(&mut self, code: i32) {
        for mut client in self.clients.drain(..) {
            push_frame(&mut client.outgoing, EXIT, &code.to_be_bytes());
            // A client gets a second to take the rest.
            let _ = client.socket.set_nonblocking(false);
            let _ = client
                .socket
                .set_write_timeout(Some(Duration::from_secs(1)));
            let _ = client.socket.write_all(&client.outgoing);
        }
    }
}

/// What `rcon attach` asks for.
#[derive(Debug, Clone)]
pub struct AttachRequest {
    pub keys: DetachKeys,
    /// Pass this process's stdin on (`--no-stdin` turns it off; only a
    /// container started with `-i` reads it).
    pub stdin: bool,
    /// Pass the signals rcon gets on to the container.
    pub sig_proxy: bool,
}

/// Attaches to a running container's monitor until the container's
/// command ends (returns its exit code) or the user types the detach keys
/// (returns 0; the container runs on).
pub fn attach(
    lifecycle: &Lifecycle,
    record: &ContainerRecord,
    request: AttachRequest,
) -> Result<i32, Error> {
    if lifecycle.state(&record.id)?.status != Status::Running {
        return Err(Error::NotRunning(record.name.clone()));
    }
    let socket = File::open(monitor::entry_dir(lifecycle.runroot(), &record.id))
        .and_then(|dir| UnixStream::connect(socket_path(&dir)));
    let socket = match socket {
        Ok(socket) => socket,
        Err(_) if lifecycle.state(&record.id)?.status != Status::Running => {
            return Err(Error::NotRunning(record.name.clone()));
        }
        Err(e) => {
            return Err(Error::Invalid(format!(
                "container {} cannot be attached to ({e}): it runs in the foreground of another rcon, which holds its streams; attach works for containers started with -d or detached from",
                record.name
            )));
        }
    };
    let signals = foreground::block_signals(request.sig_proxy);
    let signal_fd = SignalFd::with_flags(&signals, SfdFlags::SFD_CLOEXEC).map_err(|source| {
        crate::runtime::Error::Channel {
            what: "reading signals",
            source,
        }
    })?;
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    let forward = request.stdin && record.config.interactive;
    // The terminal whose size the container's pty gets.
    let terminal = [stdin.as_fd(), stdout.as_fd()]
        .into_iter()
        .find(|fd| window_size(fd).is_ok())
        .filter(|_| record.config.tty);
    let raw = if record.config.tty && forward {
        RawTerminal::enter(stdin.as_fd()).ok()
    } else {
        None
    };
    let mut session = Session {
        socket,
        incoming: Vec::new(),
        keys: request.keys,
    };
    if let Some(terminal) = terminal {
        session.send_size(terminal);
    }
    record.event(crate::events::Status::Attach).record();
    let ended = session.relay(
        &signal_fd,
        forward.then(|| stdin.as_fd()),
        terminal,
        |signal| {
            if request.sig_proxy {
                let _ = lifecycle.proxy_signal(record, signal);
            }
        },
    );
    drop(raw);
    match ended {
        Attached::Exited(code) => Ok(code),
        Attached::Detached => Ok(0),
        // The monitor went without a word (killed, or between restarts).
        Attached::Lost => lifecycle.wait(record, &[]),
    }
}

/// Asks the monitor of running container `record` to bring its network
/// helper in line with its record (after `network connect`, `disconnect`
/// or `reload` changed or checked it), and waits for it to be done. False
/// when no monitor serves the container: it runs in the foreground of
/// another rcon, whose helper stays as it is until the container restarts.
pub fn sync_network(lifecycle: &Lifecycle, record: &ContainerRecord) -> Result<bool, Error> {
    let socket = File::open(monitor::entry_dir(lifecycle.runroot(), &record.id))
        .and_then(|dir| UnixStream::connect(socket_path(&dir)));
    let Ok(mut socket) = socket else {
        return Ok(false);
    };
    // A monitor serves its socket while the command runs; one between two
    // runs of its restart policy does not answer (nor need to: the next run
    // starts as the record says).
    let _ = socket.set_read_timeout(Some(NETWORK_ANSWER));
    let failed = |why: String| {
        Error::Invalid(format!(
            "container {}: updating its network helper: {why}",
            record.name
        ))
    };
    let mut request = Vec::new();
    push_frame(&mut request, NETWORK, &[]);
    if socket.write_all(&request).is_err() {
        return Err(failed("its monitor is gone".into()));
    }
    let (mut incoming, mut buffer) = (Vec::new(), [0u8; 8192]);
    loop {
        while let Some((kind, payload)) = next_frame(&mut incoming) {
            match kind {
                NETWORK_DONE if payload.is_empty() => return Ok(true),
                NETWORK_DONE => return Err(failed(String::from_utf8_lossy(&payload).into())),
                EXIT => return Err(Error::NotRunning(record.name.clone())),
                _ => {}
            }
        }
        match socket.read(&mut buffer) {
            Ok(0) => return Err(failed("its monitor is gone".into())),
            Ok(n) => incoming.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                return Err(failed(format!(
                    "its monitor did not answer within {} s; `rcon network reload {}` tries again",
                    NETWORK_ANSWER.as_secs(),
                    record.name
                )));
            }
            Err(e) => return Err(failed(format!("reading its monitor's answer: {e}"))),
        }
    }
}

/// How an attach ended.
enum Attached {
    Exited(i32),
    Detached,
    Lost,
}

/// The client's side of one connection.
struct Session {
    socket: UnixStream,
    incoming: Vec<u8>,
    keys: DetachKeys,
}

impl Session {
    fn send(&mut self, kind: u8, payload: &[u8]) -> bool {
        let mut frame = Vec::with_capacity(payload.len() + 5);
        push_frame(&mut frame, kind, payload);
        self.socket.write_all(&frame).is_ok()
    }

    fn send_size(&mut self, terminal: BorrowedFd) {
        if let Ok(size) = window_size(terminal) {
            let mut payload = size.ws_row.to_be_bytes().to_vec();
            payload.extend_from_slice(&size.ws_col.to_be_bytes());
            self.send(RESIZE, &payload);
        }
    }

    fn relay(
        &mut self,
        signal_fd: &SignalFd,
        mut stdin: Option<BorrowedFd>,
        terminal: Option<BorrowedFd>,
        proxy: impl Fn(Signal),
    ) -> Attached {
        let mut buffer = [0u8; 16 * 1024];
        loop {
            let mut fds = vec![
                PollFd::new(self.socket.as_fd(), PollFlags::POLLIN),
                PollFd::new(signal_fd.as_fd(), PollFlags::POLLIN),
            ];
            if let Some(stdin) = stdin {
                fds.push(PollFd::new(stdin, PollFlags::POLLIN));
            }
            match poll(&mut fds, PollTimeout::NONE) {
                Ok(_) | Err(Errno::EINTR) => {}
                Err(_) => return Attached::Lost,
            }
            let ready: Vec<bool> = fds
                .iter()
                .map(|fd| fd.revents().is_some_and(|r| !r.is_empty()))
                .collect();
            drop(fds);
            if ready[0] {
                match (&self.socket).read(&mut buffer) {
                    Ok(0) | Err(_) => return Attached::Lost,
                    Ok(n) => self.incoming.extend_from_slice(&buffer[..n]),
                }
                while let Some((kind, payload)) = next_frame(&mut self.incoming) {
                    match kind {
                        STDOUT => {
                            let _ = std::io::stdout().write_all(&payload);
                            let _ = std::io::stdout().flush();
                        }
                        STDERR => {
                            let _ = std::io::stderr().write_all(&payload);
                        }
                        EXIT => {
                            let code = payload.try_into().map_or(-1, i32::from_be_bytes);
                            return Attached::Exited(code);
                        }
                        _ => {}
                    }
                }
            }
            if ready[1] {
                if let Some(info) = signal_fd.read_signal().ok().flatten() {
                    match Signal::try_from(info.ssi_signo as i32) {
                        Ok(Signal::SIGWINCH) => {
                            if let Some(terminal) = terminal {
                                self.send_size(terminal);
                            }
                        }
                        Ok(Signal::SIGCHLD) | Err(_) => {}
                        Ok(signal) => proxy(signal),
                    }
                }
            }
            if let (Some(fd), Some(true)) = (stdin, ready.get(2)) {
                let n = match nix::unistd::read(fd, &mut buffer) {
                    Ok(0) | Err(_) => 0,
                    Ok(n) => n,
                };
                if n == 0 {
                    let held = self.keys.take_held();
                    self.send(STDIN, &held);
                    self.send(STDIN_END, &[]);
                    stdin = None;
                    continue;
                }
                let (pass, detach) = self.keys.filter(&buffer[..n]);
                if detach {
                    self.send(STDIN, &pass);
                    return Attached::Detached;
                }
                if !pass.is_empty() && !self.send(STDIN, &pass) {
                    return Attached::Lost;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_come_apart_whole_and_in_order() {
        let mut wire = Vec::new();
        push_frame(&mut wire, STDOUT, b"out");
        push_frame(&mut wire, EXIT, &7i32.to_be_bytes());
        let mut buffer = wire[..6].to_vec();
        assert_eq!(next_frame(&mut buffer), None, "a frame cut short waits");
        buffer.extend_from_slice(&wire[6..]);
        assert_eq!(next_frame(&mut buffer), Some((STDOUT, b"out".to_vec())));
        assert_eq!(
            next_frame(&mut buffer),
            Some((EXIT, 7i32.to_be_bytes().to_vec()))
        );
        assert!(buffer.is_empty());
    }
}
