//! `rcon system service` driven by real Docker clients: Debian's `docker`
//! CLI talks to the socket (`DOCKER_HOST=unix://...`) of a service run as
//! the unprivileged test user.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::PathBuf;
use std::process::{Child, Stdio};

use crate::common::{
    RunResult, TestEnv, command_timeout, eventually, exit_of, image_ref, require_program,
    run_command, user_with_ranges, user_without_ranges, with_busybox,
};

/// A running `rcon system service --time 0` on the default socket; killed on drop.
pub(crate) struct Service {
    child: Child,
    socket: PathBuf,
}

impl Service {
    pub(crate) fn start(env: &TestEnv, extra: &[&str]) -> Service {
        require_program("docker");
        let socket = env.runtime_dir.join("rcon/rcon.sock");
        let log = std::fs::File::create(env.base.join("service.log")).unwrap();
        let child = env
            .rcon()
            .args(["--log-level", "debug", "system", "service"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("starting rcon system service");
        eventually("the service's socket exists", || {
            std::fs::symlink_metadata(&socket).is_ok_and(|m| m.file_type().is_socket())
        });
        Service { child, socket }
    }

    pub(crate) fn host(&self) -> String {
        format!("unix://{}", self.socket.display())
    }

    /// `docker ARGS...` as `env`'s user against this service.
    #[track_caller]
    pub(crate) fn docker(&self, env: &TestEnv, args: &[&str]) -> RunResult {
        let mut command = env.command_as_user("docker");
        command.env("DOCKER_HOST", self.host()).args(args);
        run_command(&mut command, None, command_timeout()).unwrap_or_else(|e| panic!("{e}"))
    }
}

impl Service {
    /// `PYTHON -c SCRIPT ARGS...` as `env`'s user against this service,
    /// with `vars` set; the script prints "ok" when all went well.
    #[track_caller]
    fn python_ok(
        &self,
        env: &TestEnv,
        python: &str,
        vars: &[(&str, &str)],
        script: &str,
        args: &[&str],
    ) {
        let mut command = env.command_as_user(python);
        command
            .env("DOCKER_HOST", self.host())
            .envs(vars.iter().copied())
            .args(["-c", script])
            .args(args);
        let result =
            run_command(&mut command, None, command_timeout()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(result.ok().stdout, "ok\n", "{}", result.transcript());
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn busybox() -> String {
    image_ref(testkit::catalog::BUSYBOX)
}

#[test]
fn docker_version_and_run_in_the_foreground() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let version = service.docker(&env, &["version"]);
    assert!(
        version.ok().stdout.contains("1.47"),
        "the server's API version is shown: {}",
        version.transcript()
    );
    let image = busybox();
    let hi = service.docker(&env, &["run", "--rm", &image, "echo", "hi"]);
    assert_eq!(hi.ok().stdout, "hi\n", "{}", hi.transcript());
    // Exit codes and stderr come through; --rm removes the container.
    let failed = service.docker(
        &env,
        &["run", "--rm", &image, "sh", "-c", "echo oops >&2; exit 3"],
    );
    failed.code_is(3);
    assert_eq!(failed.stdout, "");
    assert!(failed.stderr.contains("oops"), "{}", failed.transcript());
    let all = service.docker(&env, &["ps", "-a", "-q"]);
    assert_eq!(
        all.ok().stdout,
        "",
        "--rm containers are gone: {}",
        all.transcript()
    );
}

#[test]
fn docker_run_detached_ps_logs_rm() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let image = busybox();
    let run = service.docker(
        &env,
        &[
            "run",
            "-d",
            "--name",
            "web",
            "-l",
            "team=api",
            &image,
            "sh",
            "-c",
            "echo started; echo warn >&2; sleep 1000",
        ],
    );
    let id = run.ok().stdout.trim().to_string();
    assert_eq!(id.len(), 64, "{}", run.transcript());
    let ps = service.docker(&env, &["ps", "--no-trunc"]);
    assert!(ps.ok().stdout.contains(&id), "{}", ps.transcript());
    assert!(
        ps.stdout.contains("web") && ps.stdout.contains("Up "),
        "{}",
        ps.transcript()
    );
    let filtered = service.docker(&env, &["ps", "-q", "--filter", "label=team=other"]);
    assert_eq!(filtered.ok().stdout, "", "{}", filtered.transcript());
    eventually("docker logs shows both streams apart", || {
        let logs = service.docker(&env, &["logs", "web"]);
        logs.success() && logs.stdout == "started\n" && logs.stderr == "warn\n"
    });
    let inspect = service.docker(
        &env,
        &["inspect", "--format", "{{.State.Status}} {{.Name}}", "web"],
    );
    assert_eq!(inspect.ok().stdout.trim(), "running /web");
    service.docker(&env, &["rm", "-f", "web"]).ok();
    let all = service.docker(&env, &["ps", "-a", "-q"]);
    assert_eq!(all.ok().stdout, "", "{}", all.transcript());
    let missing = service.docker(&env, &["rm", "web"]);
    assert!(!missing.success());
    assert!(
        missing.stderr.contains("No such container"),
        "{}",
        missing.transcript()
    );
}

#[test]
fn docker_pull_images_and_volumes() {
    let env = TestEnv::new(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let image = busybox();
    service.docker(&env, &["pull", &image]).ok();
    let images = service.docker(&env, &["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert_eq!(images.ok().stdout.trim(), image, "{}", images.transcript());
    service.docker(&env, &["volume", "create", "data"]).ok();
    let ls = service.docker(&env, &["volume", "ls", "-q"]);
    assert_eq!(ls.ok().stdout, "data\n");
    assert!(env.data_dir().join("volumes/data").is_dir());
    service.docker(&env, &["volume", "rm", "data"]).ok();
    let ls = service.docker(&env, &["volume", "ls", "-q"]);
    assert_eq!(ls.ok().stdout, "");
    let missing = service.docker(&env, &["volume", "inspect", "data"]);
    assert!(!missing.success(), "{}", missing.transcript());
}

#[test]
fn the_socket_is_private_to_its_user() {
    let env = TestEnv::new(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let mode = std::fs::metadata(&service.socket)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let other = TestEnv::new(user_without_ranges());
    let refused = service.docker(&other, &["version"]);
    assert!(
        !refused.success(),
        "another user reached the service: {}",
        refused.transcript()
    );
    assert!(
        refused.stderr.contains("permission denied"),
        "{}",
        refused.transcript()
    );
    // The owner still can.
    service.docker(&env, &["version"]).ok();
}

#[test]
fn an_idle_service_exits_after_its_time() {
    let env = TestEnv::new(user_with_ranges());
    let mut service = Service::start(&env, &["--time", "1"]);
    service.docker(&env, &["version"]).ok();
    let status = exit_of(&mut service.child);
    assert!(
        status.success(),
        "the idle service ends cleanly: {status:?}"
    );
}

/// Docker's Python SDK (Debian's python3-docker) against the service.
const SDK_SCRIPT: &str = r#"
import sys, docker
image = sys.argv[1]
client = docker.from_env()
assert client.ping()
out = client.containers.run(image, ["sh", "-c", "echo hi"], remove=True)
assert out == b"hi\n", out
c = client.containers.run(image, ["sh", "-c", "echo up; sleep 1000"], detach=True,
                          name="py", labels={"k": "v"}, environment=["A=1"])
c.reload()
assert c.status == "running", c.status
assert c.attrs["Config"]["Labels"]["k"] == "v", c.attrs["Config"]
assert "A=1" in c.attrs["Config"]["Env"], c.attrs["Config"]
assert [x.id for x in client.containers.list()] == [c.id]
c.kill()
assert c.wait()["StatusCode"] == 137
c.remove()
assert client.containers.list(all=True) == []
v = client.volumes.create("pyvol")
assert [x.name for x in client.volumes.list()] == ["pyvol"]
v.remove()
print("ok")
"#;

#[test]
fn docker_python_sdk() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let probe = std::process::Command::new("python3")
        .args(["-c", "import docker"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        panic!("Docker's Python SDK is missing: apt-get install python3-docker");
    }
    service.python_ok(&env, "python3", &[], SDK_SCRIPT, &[&busybox()]);
}

#[test]
fn docker_stop_start_restart_kill_wait_and_follow() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let image = busybox();
    let state = |name: &str| {
        let inspect = service.docker(
            &env,
            &[
                "inspect",
                "--format",
                "{{.State.Status}} {{.State.ExitCode}}",
                name,
            ],
        );
        inspect.ok().stdout.trim().to_string()
    };
    service
        .docker(
            &env,
            &["run", "-d", "--name", "sleeper", &image, "sleep", "1000"],
        )
        .ok();
    // sleep as PID 1 ignores SIGTERM: the stop ends with SIGKILL.
    service.docker(&env, &["stop", "-t", "1", "sleeper"]).ok();
    assert_eq!(state("sleeper"), "exited 137");
    service.docker(&env, &["start", "sleeper"]).ok();
    assert_eq!(state("sleeper"), "running 0");
    service
        .docker(&env, &["restart", "-t", "0", "sleeper"])
        .ok();
    assert_eq!(state("sleeper"), "running 0");
    service.docker(&env, &["kill", "sleeper"]).ok();
    let waited = service.docker(&env, &["wait", "sleeper"]);
    assert_eq!(waited.ok().stdout, "137\n");
    let refused = service.docker(&env, &["kill", "sleeper"]);
    assert!(
        refused.stderr.contains("is not running"),
        "{}",
        refused.transcript()
    );

    service
        .docker(
            &env,
            &[
                "run",
                "-d",
                "--name",
                "talker",
                &image,
                "sh",
                "-c",
                "echo a; sleep 1; echo b",
            ],
        )
        .ok();
    let followed = service.docker(&env, &["logs", "-f", "talker"]);
    assert_eq!(followed.ok().stdout, "a\nb\n", "{}", followed.transcript());
    assert_eq!(service.docker(&env, &["wait", "talker"]).ok().stdout, "0\n");
}

/// Exec instances through the Python SDK: both streams apart, the exit
/// code, a terminal, and a resize that reaches the command's terminal.
const SDK_EXEC_SCRIPT: &str = r#"
import sys, docker
client = docker.from_env()
api = client.api
ctr = client.containers.get(sys.argv[1])
code, (out, err) = ctr.exec_run(["sh", "-c", "echo out; echo err >&2; exit 7"], demux=True)
assert (code, out, err) == (7, b"out\n", b"err\n"), (code, out, err)
code, out = ctr.exec_run("tty", tty=True)
assert code == 0 and out.strip().startswith(b"/dev/pts/"), (code, out)
code, out = ctr.exec_run(["sh", "-c", "echo $FOO $PWD $(id -u)"], environment=["FOO=bar"], workdir="/tmp", user="1000")
assert (code, out) == (0, b"bar /tmp 1000\n"), (code, out)
exec_id = api.exec_create(ctr.id, ["sh", "-c", "read line; stty size; exit 4"], stdin=True, tty=True)["Id"]
sock = api.exec_start(exec_id, socket=True, tty=True)
api.exec_resize(exec_id, height=33, width=77)
raw = sock._sock
raw.sendall(b"go\r")
data = b""
while True:
    chunk = raw.recv(4096)
    if not chunk:
        break
    data += chunk
assert b"33 77" in data, data
info = api.exec_inspect(exec_id)
assert (info["Running"], info["ExitCode"]) == (False, 4), info
try:
    api.exec_start(exec_id)
    raise SystemExit("a second start of one exec instance was accepted")
except docker.errors.APIError as e:
    assert e.status_code == 409, e
print("ok")
"#;

#[test]
fn docker_exec_through_the_cli_and_the_sdk() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let image = busybox();
    let run = service.docker(
        &env,
        &["run", "-d", "--name", "box", &image, "sleep", "1000"],
    );
    run.ok();
    let both = service.docker(
        &env,
        &["exec", "box", "sh", "-c", "echo out; echo err >&2; exit 7"],
    );
    both.code_is(7);
    assert_eq!(
        (both.stdout.as_str(), both.stderr.as_str()),
        ("out\n", "err\n"),
        "{}",
        both.transcript()
    );
    let mut command = env.command_as_user("docker");
    command.env("DOCKER_HOST", service.host()).args([
        "exec",
        "-i",
        "box",
        "sh",
        "-c",
        "cat; echo done",
    ]);
    let typed = run_command(&mut command, Some(b"typed in\n"), command_timeout())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        typed.ok().stdout,
        "typed in\ndone\n",
        "{}",
        typed.transcript()
    );
    let missing = service.docker(&env, &["exec", "nosuch", "true"]);
    assert!(
        !missing.success() && missing.stderr.contains("No such container"),
        "{}",
        missing.transcript()
    );
    service.docker(&env, &["stop", "-t", "0", "box"]).ok();
    let stopped = service.docker(&env, &["exec", "box", "true"]);
    assert!(
        !stopped.success() && stopped.stderr.contains("is not running"),
        "{}",
        stopped.transcript()
    );
    service.docker(&env, &["start", "box"]).ok();
    service.python_ok(&env, "python3", &[], SDK_EXEC_SCRIPT, &["box"]);
}

/// Testcontainers for Python: a generic container with a log wait, an exec
/// and a mapped port, then its removal. The reaper (Ryuk) is disabled: it
/// runs a public image (testcontainers/ryuk) this offline host cannot pull.
/// TC_HOST and the `docker_host` connection mode say the ports are
/// published on this host's loopback: Testcontainers otherwise takes the
/// container network's gateway when it runs inside a container
/// (/.dockerenv), as on these test machines.
const TESTCONTAINERS_SCRIPT: &str = r#"
import socket, sys, docker
from testcontainers.core.container import DockerContainer
from testcontainers.core.waiting_utils import wait_for_logs
image = sys.argv[1]
script = "echo ready; while true; do echo hello | nc -l -p 8080; done"
box = DockerContainer(image).with_command(["sh", "-c", script]).with_exposed_ports(8080)
box.start()
wait_for_logs(box, "ready")
code, out = box.exec(["sh", "-c", "echo in $HOSTNAME"])
assert code == 0 and out.startswith(b"in "), (code, out)
host = box.get_container_host_ip()
port = box.get_exposed_port(8080)
assert host == "127.0.0.1", host
with socket.create_connection((host, port)) as conn:
    answer = conn.makefile("rb").readline()
assert answer == b"hello\n", answer
box.stop()
assert docker.from_env().containers.list(all=True) == []
print("ok")
"#;

#[test]
fn testcontainers_python_generic_container() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    // Testcontainers and the SDK it needs, from the package index, into a
    // venv of the test's own (readable by the test user).
    let venv = env.base.join("venv");
    let python = venv.join("bin/python");
    let setup = std::process::Command::new("/usr/bin/python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .is_ok_and(|s| s.success())
        && std::process::Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "testcontainers"])
            .status()
            .is_ok_and(|s| s.success());
    assert!(setup, "installing testcontainers into {}", venv.display());
    service.python_ok(
        &env,
        python.to_str().unwrap(),
        &[
            ("TESTCONTAINERS_RYUK_DISABLED", "true"),
            ("TC_HOST", "127.0.0.1"),
            ("TESTCONTAINERS_CONNECTION_MODE", "docker_host"),
        ],
        TESTCONTAINERS_SCRIPT,
        &[&busybox()],
    );
}

#[test]
fn docker_cp_both_ways_stays_inside_the_container() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let image = busybox();
    let script = "mkdir /data /links && echo inside > /data/f && ln -s / /links/up \
                  && ln -s ../../.. /links/dots && echo ready && sleep 1000";
    service
        .docker(
            &env,
            &["run", "-d", "--name", "box", &image, "sh", "-c", script],
        )
        .ok();
    eventually("the container made its files", || {
        service.docker(&env, &["logs", "box"]).stdout == "ready\n"
    });
    let out = env.home.join("out");
    let copied = service.docker(&env, &["cp", "box:/data/f", out.to_str().unwrap()]);
    copied.ok();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "inside\n");
    // A directory comes out whole.
    let dir = env.home.join("dir");
    service
        .docker(&env, &["cp", "box:/data", dir.to_str().unwrap()])
        .ok();
    assert_eq!(std::fs::read_to_string(dir.join("f")).unwrap(), "inside\n");
    let cat = |path: &str| service.docker(&env, &["exec", "box", "cat", path]);
    // In, as a new name and into a directory.
    std::fs::write(env.home.join("sent"), "from the host\n").unwrap();
    let sent = env.home.join("sent");
    service
        .docker(&env, &["cp", sent.to_str().unwrap(), "box:/data/new"])
        .ok();
    assert_eq!(cat("/data/new").ok().stdout, "from the host\n");
    service
        .docker(&env, &["cp", sent.to_str().unwrap(), "box:/data/"])
        .ok();
    assert_eq!(cat("/data/sent").ok().stdout, "from the host\n");
    // Symlinks and `..` resolve inside the container, both ways.
    let hostname = cat("/etc/hostname").ok().stdout.clone();
    let through = env.home.join("through");
    service
        .docker(
            &env,
            &[
                "cp",
                "box:/links/dots/etc/hostname",
                through.to_str().unwrap(),
            ],
        )
        .ok();
    assert_eq!(std::fs::read_to_string(&through).unwrap(), hostname);
    let marker = format!("rcon-cp-escape-{}", std::process::id());
    // /tmp is in both: the copy lands in the container's.
    let host_target = std::path::Path::new("/tmp").join(&marker);
    let up = format!("box:/links/up{}", host_target.display());
    service
        .docker(&env, &["cp", sent.to_str().unwrap(), &up])
        .ok();
    assert!(!host_target.exists(), "docker cp wrote to the host");
    assert_eq!(
        cat(&host_target.display().to_string()).ok().stdout,
        "from the host\n"
    );
    // A hostile tar stream: `..` and absolute names stay inside.
    let tarball = env.home.join("hostile.tar");
    let made = std::process::Command::new("python3")
        .args([
            "-c",
            "import io, sys, tarfile\n\
             t = tarfile.open(sys.argv[1], 'w')\n\
             for name in sys.argv[2:]:\n\
             \x20   i = tarfile.TarInfo(name); i.size = 4; i.mode = 0o4755\n\
             \x20   t.addfile(i, io.BytesIO(b'bad\\n'))\n\
             t.close()",
            tarball.to_str().unwrap(),
            &format!("../../../../../..{}", host_target.display()),
            &host_target.display().to_string(),
        ])
        .status()
        .unwrap();
    assert!(made.success());
    let mut command = env.command_as_user("docker");
    command
        .env("DOCKER_HOST", service.host())
        .args(["cp", "-", "box:/data"]);
    let hostile = std::fs::read(&tarball).unwrap();
    let _ = run_command(&mut command, Some(&hostile), command_timeout());
    assert!(!host_target.exists(), "a tar entry escaped to the host");
    let missing = service.docker(&env, &["cp", "box:/nosuch", out.to_str().unwrap()]);
    assert!(
        !missing.success() && missing.stderr.to_lowercase().contains("no such"),
        "{}",
        missing.transcript()
    );
}

#[test]
fn docker_tag_and_history() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    service
        .docker(&env, &["tag", &busybox(), "localhost/mine:v1"])
        .ok();
    let id = service.docker(&env, &["inspect", "-f", "{{.Id}}", "localhost/mine:v1"]);
    let history = service.docker(&env, &["history", "-q", "--no-trunc", "localhost/mine:v1"]);
    let steps: Vec<&str> = history.ok().stdout.lines().collect();
    assert_eq!(
        steps.first(),
        Some(&id.ok().stdout.trim()),
        "{}",
        history.transcript()
    );
    let rcon = env.run(&["image", "history", "-q", "localhost/mine:v1"]);
    assert_eq!(
        steps.len(),
        rcon.ok().stdout.lines().count(),
        "{}",
        rcon.transcript()
    );
    let missing = service.docker(&env, &["history", "localhost/nosuch"]);
    assert!(
        !missing.success() && missing.stderr.contains("No such image"),
        "{}",
        missing.transcript()
    );
}

/// A service, and a container `box` sleeping under it.
fn service_with_box(env: &TestEnv) -> Service {
    let service = Service::start(env, &["--time", "0"]);
    service
        .docker(
            env,
            &["run", "-d", "--name", "box", &busybox(), "sleep", "1000"],
        )
        .ok();
    service
}

#[test]
fn docker_top() {
    let env = with_busybox(user_with_ranges());
    let service = service_with_box(&env);
    let top = service.docker(&env, &["top", "box"]);
    let lines: Vec<&str> = top.ok().stdout.lines().collect();
    assert!(
        lines[0].contains("PID") && lines[0].contains("COMMAND"),
        "{}",
        top.transcript()
    );
    assert!(
        lines.len() == 2 && lines[1].contains("sleep 1000"),
        "{}",
        top.transcript()
    );
    let columns = service.docker(&env, &["top", "box", "pid,args"]);
    assert_eq!(
        columns
            .ok()
            .stdout
            .lines()
            .nth(1)
            .map(str::split_whitespace)
            .map(Iterator::collect::<Vec<_>>),
        Some(vec!["1", "sleep", "1000"]),
        "{}",
        columns.transcript()
    );
    service.docker(&env, &["stop", "-t", "0", "box"]).ok();
    let stopped = service.docker(&env, &["top", "box"]);
    assert!(
        !stopped.success() && stopped.stderr.contains("not running"),
        "{}",
        stopped.transcript()
    );
}

impl Service {
    /// `docker run --name NAME OPTIONS... BUSYBOX sh -c SCRIPT`, which must succeed.
    #[track_caller]
    fn run_script(&self, env: &TestEnv, name: &str, options: &[&str], script: &str) {
        let image = busybox();
        let mut args = vec!["run", "--name", name];
        args.extend_from_slice(options);
        args.extend_from_slice(&[&image, "sh", "-c", script]);
        self.docker(env, &args).ok();
    }
}

/// Unix seconds now, as `docker events --since/--until` take them.
fn unix_now() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    format!("{}.{:09}", now.as_secs(), now.subsec_nanos())
}

#[test]
fn docker_events_bounded_by_since_and_until() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let since = unix_now();
    service
        .docker(&env, &["run", "--rm", "--name", "ev", &busybox(), "true"])
        .ok();
    let until = unix_now();
    let bounded = |filter: &str, format: &str| {
        service.docker(
            &env,
            &[
                "events", "--since", &since, "--until", &until, "--filter", filter, "--format",
                format,
            ],
        )
    };
    let events = bounded(
        "container=ev",
        "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}",
    );
    let lines: Vec<&str> = events.ok().stdout.lines().collect();
    for action in ["create", "start", "die", "destroy"] {
        assert!(
            lines.contains(&format!("container {action} ev").as_str()),
            "{action}: {}",
            events.transcript()
        );
    }
    let position = |action: &str| {
        lines
            .iter()
            .position(|l| *l == format!("container {action} ev"))
    };
    assert!(position("create") < position("start") && position("start") < position("die"));
    // Docker's `event=` filter names, mapped to rcon's.
    let died = bounded("event=die", "{{.Action}} {{.Actor.Attributes.exitCode}}");
    assert_eq!(died.ok().stdout, "die 0\n", "{}", died.transcript());
    let bad = service.docker(
        &env,
        &["events", "--until", &until, "--filter", "colour=red"],
    );
    assert!(
        !bad.success() && bad.stderr.contains("colour"),
        "{}",
        bad.transcript()
    );
}

#[test]
fn docker_system_and_volume_prune() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let image = busybox();
    let dead = service.docker(&env, &["run", "--name", "dead", &image, "true"]);
    dead.ok();
    let alive = service.docker(
        &env,
        &["run", "-d", "--name", "alive", &image, "sleep", "1000"],
    );
    let alive_id = alive.ok().stdout.trim().to_string();
    service.docker(&env, &["network", "create", "lonely"]).ok();
    service.docker(&env, &["volume", "create", "kept"]).ok();
    let dead_id = service
        .docker(&env, &["inspect", "--format", "{{.Id}}", "dead"])
        .ok()
        .stdout
        .trim()
        .to_string();
    let pruned = service.docker(&env, &["system", "prune", "-f"]);
    let out = &pruned.ok().stdout;
    assert!(
        out.contains(&dead_id) && out.contains("lonely") && !out.contains(&alive_id),
        "{}",
        pruned.transcript()
    );
    let left = service.docker(&env, &["ps", "-a", "-q", "--no-trunc"]);
    assert_eq!(left.ok().stdout.trim(), alive_id, "{}", left.transcript());
    let networks = service.docker(&env, &["network", "ls", "--format", "{{.Name}}"]);
    assert!(
        !networks.ok().stdout.contains("lonely"),
        "{}",
        networks.transcript()
    );
    // Docker's rule: without --all only anonymous volumes go.
    let anonymous_only = service.docker(&env, &["volume", "prune", "-f"]);
    assert!(
        !anonymous_only.ok().stdout.contains("kept"),
        "{}",
        anonymous_only.transcript()
    );
    let all = service.docker(&env, &["volume", "prune", "-f", "--all"]);
    assert!(all.ok().stdout.contains("kept"), "{}", all.transcript());
    let volumes = service.docker(&env, &["volume", "ls", "-q"]);
    assert_eq!(volumes.ok().stdout, "", "{}", volumes.transcript());
    let bad = service.docker(
        &env,
        &["container", "prune", "-f", "--filter", "colour=red"],
    );
    assert!(
        !bad.success() && bad.stderr.contains("colour"),
        "{}",
        bad.transcript()
    );
    service.docker(&env, &["rm", "-f", "alive"]).ok();
}

#[test]
fn docker_system_df() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    service.run_script(
        &env,
        "writer",
        &["-v", "data:/data"],
        "head -c 300000 /dev/zero > /data/f; head -c 200000 /dev/zero > /f",
    );
    let df = service.docker(
        &env,
        &[
            "system",
            "df",
            "--format",
            "{{.Type}} {{.TotalCount}} {{.Active}}",
        ],
    );
    let lines: Vec<&str> = df.ok().stdout.lines().collect();
    for line in ["Images 1 1", "Containers 1 0", "Local Volumes 1 1"] {
        assert!(lines.contains(&line), "{line}: {}", df.transcript());
    }
    let verbose = service.docker(&env, &["system", "df", "-v"]);
    let out = &verbose.ok().stdout;
    let row = |first: &str| {
        out.lines()
            .find(|l| l.split_whitespace().any(|w| w == first))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert!(row("data").contains("300kB"), "{}", verbose.transcript());
    assert!(row("writer").contains("200kB"), "{}", verbose.transcript());
}

#[test]
fn docker_diff_and_export() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    service.run_script(
        &env,
        "changed",
        &[],
        "echo new > /added; rm /bin/true; echo x >> /etc/passwd",
    );
    let diff = service.docker(&env, &["diff", "changed"]);
    let lines: Vec<&str> = diff.ok().stdout.lines().collect();
    for line in ["A /added", "D /bin/true", "C /etc/passwd"] {
        assert!(lines.contains(&line), "{line}: {}", diff.transcript());
    }
    let listing = run_command(
        env.command_as_user("bash")
            .args(["-c", "set -o pipefail; docker export changed | tar t"])
            .env("DOCKER_HOST", service.host()),
        None,
        command_timeout(),
    )
    .unwrap();
    let names: Vec<&str> = listing.ok().stdout.lines().collect();
    for name in ["added", "etc/passwd", "bin/sh"] {
        assert!(
            names.iter().any(|n| n.trim_start_matches("./") == name),
            "{name}: {}",
            listing.transcript()
        );
    }
    assert!(
        !names
            .iter()
            .any(|n| n.trim_start_matches("./") == "bin/true"),
        "{}",
        listing.transcript()
    );
    let missing = service.docker(&env, &["diff", "nosuch"]);
    assert!(
        !missing.success() && missing.stderr.contains("No such container"),
        "{}",
        missing.transcript()
    );
}

#[test]
fn docker_stats_and_pause_answer() {
    let env = with_busybox(user_with_ranges());
    let service = service_with_box(&env);
    // Docker's CLI reads the one-shot document (`stream=false`) and computes its columns.
    let stats = service.docker(
        &env,
        &[
            "stats",
            "--no-stream",
            "--format",
            "{{.Name}} {{.PIDs}} {{.MemUsage}}",
            "box",
        ],
    );
    let line = &stats.ok().stdout;
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(fields[..2], ["box", "1"], "{}", stats.transcript());
    assert!(
        fields[2] != "0B" && line.contains(" / "),
        "memory is counted: {}",
        stats.transcript()
    );
    // Pause is refused here as by `rcon pause`, with its reason.
    let pause = service.docker(&env, &["pause", "box"]);
    assert!(
        !pause.success() && pause.stderr.contains("cgroup"),
        "{}",
        pause.transcript()
    );
    service.docker(&env, &["rm", "-f", "box"]).ok();
}

#[test]
fn docker_login_push_save_and_load() {
    const USER: &str = "pusher";
    const PASSWORD: &str = "api push secret";
    let registry = testkit::Registry::start_with(&testkit::RegistryOptions {
        basic_auth: Some(testkit::BasicAuth {
            username: USER.into(),
            password: PASSWORD.into(),
        }),
        ..testkit::RegistryOptions::default()
    })
    .expect("starting a registry with htpasswd auth");
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let login = |password: &str| {
        let mut command = env.command_as_user("docker");
        command.env("DOCKER_HOST", service.host()).args([
            "login",
            "-u",
            USER,
            "--password-stdin",
            &registry.addr,
        ]);
        run_command(&mut command, Some(password.as_bytes()), command_timeout())
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let refused = login("wrong");
    assert!(!refused.success(), "{}", refused.transcript());
    let accepted = login(PASSWORD);
    assert!(
        accepted.ok().stdout.contains("Login Succeeded"),
        "{}",
        accepted.transcript()
    );
    // The client keeps the credentials and sends them with the push.
    let pushed = format!("{}/pushed/box:v1", registry.addr);
    service.docker(&env, &["tag", &busybox(), &pushed]).ok();
    let push = service.docker(&env, &["push", &pushed]);
    assert!(
        push.ok().stdout.contains("v1: digest: sha256:"),
        "{}",
        push.transcript()
    );
    let tags = registry.client().tags("pushed/box").unwrap();
    assert_eq!(tags, ["v1"]);
    let log = std::fs::read_to_string(env.base.join("service.log")).unwrap();
    assert!(
        !log.contains(PASSWORD),
        "the password is in the service's log"
    );

    // Saved, removed, loaded back under its name.
    let archive = env.home.join("box.tar");
    let archive = archive.to_str().unwrap();
    service.docker(&env, &["save", "-o", archive, &pushed]).ok();
    service.docker(&env, &["rmi", &pushed]).ok();
    let load = service.docker(&env, &["load", "-i", archive]);
    assert_eq!(
        load.ok().stdout,
        format!("Loaded image: {pushed}\n"),
        "{}",
        load.transcript()
    );
    let id = |name: &str| {
        service
            .docker(&env, &["inspect", "--format", "{{.Id}}", name])
            .ok()
            .stdout
            .clone()
    };
    assert_eq!(id(&pushed), id(&busybox()));
    let missing = service.docker(&env, &["save", "-o", archive, "nosuch"]);
    assert!(
        !missing.success() && missing.stderr.contains("No such image"),
        "{}",
        missing.transcript()
    );
    let garbage = service.docker(&env, &["load", "-i", "/etc/hostname"]);
    assert!(!garbage.success(), "{}", garbage.transcript());
}

/// A hand-made build context through the SDK: entries and a symlink that
/// lead out of it, and a Dockerfile that is a symlink to a host file.
const HOSTILE_CONTEXT_SCRIPT: &str = r#"
import io, sys, tarfile, docker
marker, base = sys.argv[1], sys.argv[2].encode()
api = docker.from_env().api
def build(entries):
    buf = io.BytesIO()
    t = tarfile.open(fileobj=buf, mode="w")
    for name, data, target in entries:
        i = tarfile.TarInfo(name)
        if target:
            i.type, i.linkname = tarfile.SYMTYPE, target
            t.addfile(i)
        else:
            i.size = len(data)
            t.addfile(i, io.BytesIO(data))
    t.close()
    return list(api.build(fileobj=io.BytesIO(buf.getvalue()), custom_context=True, decode=True))
def refused(entries, words):
    try:
        raise SystemExit("accepted: %r" % build(entries))
    except docker.errors.APIError as e:
        assert words in str(e) and "root:x:0" not in str(e), e
refused([("Dockerfile", b"", "/etc/passwd")], "Dockerfile")
refused([("../../../../../.." + marker, b"bad", None), ("Dockerfile", base, None)], "refused")
# Through a symlink to /: the entry lands inside the context.
out = build([("up", b"", "/"), ("up" + marker, b"inside", None),
             ("Dockerfile", base + b"\nCOPY up/tmp /from-up\n", None)])
assert any("aux" in line for line in out), out
print("ok")
"#;

#[test]
fn docker_build_from_a_tar_context() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let context = env.home.join("ctx");
    std::fs::create_dir(&context).unwrap();
    let dockerfile = format!(
        "FROM {}\nARG GREETING=none\nRUN echo \"built with $GREETING\" > /greeting\nCMD [\"cat\", \"/greeting\"]\n",
        busybox()
    );
    std::fs::write(context.join("Dockerfile"), &dockerfile).unwrap();
    let build = service.docker(
        &env,
        &[
            "build",
            "-t",
            "greet:v1",
            "--build-arg",
            "GREETING=the socket",
            context.to_str().unwrap(),
        ],
    );
    let out = &build.ok().stdout;
    assert!(
        out.contains("STEP 3/4: RUN") && out.contains("Successfully built"),
        "{}",
        build.transcript()
    );
    let ran = service.docker(&env, &["run", "--rm", "greet:v1"]);
    assert_eq!(ran.ok().stdout, "built with the socket\n");
    std::fs::write(context.join("Dockerfile"), "FROM nosuch/image\n").unwrap();
    let failed = service.docker(&env, &["build", context.to_str().unwrap()]);
    assert!(
        !failed.success() && failed.stderr.contains("nosuch/image"),
        "{}",
        failed.transcript()
    );

    let marker =
        std::path::Path::new("/tmp").join(format!("rcon-build-escape-{}", std::process::id()));
    service.python_ok(
        &env,
        "python3",
        &[],
        HOSTILE_CONTEXT_SCRIPT,
        &[marker.to_str().unwrap(), &format!("FROM {}", busybox())],
    );
    assert!(!marker.exists(), "a context entry was written to the host");
}

#[test]
fn docker_container_prune_with_filters() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let before = unix_now();
    service.run_script(&env, "labelled", &["-l", "team=a"], "true");
    service.run_script(&env, "plain", &[], "true");
    let names = || {
        let ps = service.docker(&env, &["ps", "-a", "--format", "{{.Names}}"]);
        let mut names: Vec<String> = ps.ok().stdout.lines().map(String::from).collect();
        names.sort();
        names
    };
    let prune = |filter: &str| {
        service
            .docker(&env, &["container", "prune", "-f", "--filter", filter])
            .ok()
            .stdout
            .clone()
    };
    prune(&format!("until={before}"));
    assert_eq!(names(), ["labelled", "plain"], "until= keeps newer ones");
    prune("label=team=a");
    assert_eq!(names(), ["plain"]);
    prune("label!=team=a");
    assert_eq!(names(), Vec::<String>::new());
}

#[test]
fn docker_run_it_gets_a_terminal_that_follows_resizes() {
    use crate::common::pty::Pty;
    use std::io::Write;
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let mut pty = Pty::open(31, 101);
    let mut command = env.command_as_user("docker");
    command
        .env("DOCKER_HOST", service.host())
        .args(["run", "--rm", "-it", &busybox(), "sh"]);
    pty.attach(&mut command);
    let mut child = command.spawn().expect("starting docker run -it");
    let mut seen = String::new();
    assert!(pty.read_until(&mut seen, "# "), "no prompt: {seen:?}");
    // The client's first resize (its terminal's size), then one on SIGWINCH.
    let size = |rows: &str, seen: &mut String, pty: &mut Pty| {
        eventually("the container's terminal has the client's size", || {
            pty.master.write_all(b"stty size\r").unwrap();
            pty.read_until_within(seen, rows, std::time::Duration::from_secs(2))
        });
    };
    size("31 101", &mut seen, &mut pty);
    pty.set_size(33, 77);
    size("33 77", &mut seen, &mut pty);
    pty.master.write_all(b"tty; exit 3\r").unwrap();
    assert!(pty.read_until(&mut seen, "/dev/pts/"), "{seen}");
    let status = exit_of(&mut child);
    assert_eq!(status.code(), Some(3), "{seen}");
}

/// `GET /_ping` over TCP, once the service listens: the answer's headers.
fn ping_headers(port: u16) -> String {
    use std::io::{Read, Write};
    let mut answer = String::new();
    eventually("the service answers on TCP", || {
        let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
            return false;
        };
        answer.clear();
        stream
            .write_all(b"GET /_ping HTTP/1.0\r\nHost: localhost\r\n\r\n")
            .is_ok()
            && stream.read_to_string(&mut answer).is_ok()
    });
    answer
}

#[test]
fn tcp_uris_in_podmans_forms_and_cors() {
    let env = TestEnv::new(user_with_ranges());
    for (uri, message) in [
        (
            "localhost:9292",
            "Error: API Service endpoint scheme \"localhost\" is not supported. Try tcp://localhost:9292 or unix:/localhost:9292",
        ),
        (
            "myunix.sock",
            "Error: API Service endpoint scheme \"\" is not supported. Try tcp://myunix.sock or unix:/myunix.sock",
        ),
    ] {
        let refused = env.run(&["system", "service", uri]);
        refused.code_is(125);
        assert_eq!(refused.stderr.trim(), message, "{}", refused.transcript());
    }
    for cors in [true, false] {
        let port = crate::common::free_port();
        let mut command = env.rcon();
        command.args(["system", "service", "--time", "0"]);
        if cors {
            command.arg("--cors=*");
        }
        let mut child = command
            .arg(format!("tcp:localhost:{port}"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let headers = ping_headers(port);
        let _ = child.kill();
        let _ = child.wait();
        assert!(headers.contains(" 200 OK\r\n"), "{headers}");
        // Title case, as Docker's and Podman's servers write header names.
        assert!(headers.contains("\r\nApi-Version: "), "{headers}");
        assert_eq!(
            headers.contains("\r\nAccess-Control-Allow-Origin: *\r\n"),
            cors,
            "{headers}"
        );
    }
}

/// `docker network connect|disconnect` through the API: a running
/// container joins a second network (with an alias, under Docker's body)
/// and leaves the first, as inspect shows in Docker's shape; a container
/// of the default mode is on Docker's `bridge` by that name, and cannot
/// join a network (Podman's bridge-mode rule).
#[test]
fn docker_network_connect_and_disconnect() {
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    for name in ["n1", "n2"] {
        service.docker(&env, &["network", "create", name]).ok();
    }
    let image = busybox();
    service
        .docker(
            &env,
            &[
                "run",
                "-d",
                "--name",
                "a",
                "--network",
                "n1",
                &image,
                "sleep",
                "1000",
            ],
        )
        .ok();
    service
        .docker(&env, &["network", "connect", "--alias", "other", "n2", "a"])
        .ok();
    let networks = |name: &str| -> serde_json::Value {
        let shown = service.docker(
            &env,
            &[
                "inspect",
                "--format",
                "{{json .NetworkSettings.Networks}}",
                name,
            ],
        );
        serde_json::from_str(&shown.ok().stdout).unwrap()
    };
    let both = networks("a");
    let on_n2 = &both["n2"];
    assert!(both["n1"]["IPAddress"].is_string(), "{both}");
    let aliases = on_n2["Aliases"].as_array().expect("aliases");
    assert!(aliases.contains(&serde_json::json!("other")), "{both}");
    let address = on_n2["IPAddress"].as_str().unwrap().to_string();
    let inside = service.docker(&env, &["exec", "a", "ip", "-4", "-o", "addr"]);
    assert!(
        inside.ok().stdout.contains(&format!("inet {address}/")),
        "{}",
        inside.transcript()
    );
    let members = service.docker(
        &env,
        &[
            "network",
            "inspect",
            "--format",
            "{{range $id, $c := .Containers}}{{$c.Name}} {{$c.IPv4Address}}{{end}}",
            "n2",
        ],
    );
    assert_eq!(
        members.ok().stdout.trim(),
        format!("a {address}/24"),
        "{}",
        members.transcript()
    );
    let again = service.docker(&env, &["network", "connect", "n2", "a"]);
    assert_ne!(again.code, Some(0), "{}", again.transcript());
    assert!(
        again.stderr.contains("already connected"),
        "{}",
        again.transcript()
    );

    service
        .docker(&env, &["network", "disconnect", "n1", "a"])
        .ok();
    let left = networks("a");
    assert_eq!(
        left.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["n2"],
        "{left}"
    );

    service
        .docker(&env, &["run", "-d", "--name", "d", &image, "sleep", "1000"])
        .ok();
    let mode = service.docker(
        &env,
        &[
            "inspect",
            "--format",
            "{{.HostConfig.NetworkMode}} {{range $name, $n := .NetworkSettings.Networks}}{{$name}}{{end}}",
            "d",
        ],
    );
    assert_eq!(mode.ok().stdout.trim(), "bridge bridge");
    let refused = service.docker(&env, &["network", "connect", "n1", "d"]);
    assert_ne!(refused.code, Some(0), "{}", refused.transcript());
    assert!(
        refused.stderr.contains("invalid network mode"),
        "{}",
        refused.transcript()
    );
    service.docker(&env, &["rm", "-f", "a", "d"]).ok();
}
