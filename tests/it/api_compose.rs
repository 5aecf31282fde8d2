//! `docker-compose` (Debian's, v1 on Docker's Python SDK) driving rcon
//! through `rcon system service`: a four-service project of the usual
//! shape on two networks comes up, answers on its published port, and goes
//! away whole.

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::api::{Service, busybox};
use crate::common::{
    RunResult, TestEnv, command_timeout, eventually, free_port, require_program, run_command,
    user_with_ranges, with_busybox,
};

/// A web front published on the host, an app behind it and a key-value
/// store with a named volume, all on the backend network; the front is on
/// the frontend network too, with a probe that sees only the front. The
/// front reaches the app by its service name, the app the store by a
/// network alias; the app's greeting comes from an env file, the store's
/// seed from the compose file, and the two scripts from bind-mounted
/// project folders.
const COMPOSE_FILE: &str = r#"version: "3.8"
services:
  store:
    image: IMAGE
    command: ["sh", "-c", "[ -f /data/greeting ] || echo \"$$SEED\" > /data/greeting; exec httpd -f -v -p 6379 -h /data"]
    environment:
      SEED: hello from the store
    volumes:
      - data:/data
    networks:
      backend:
        aliases: [kv]
  app:
    image: IMAGE
    command: ["httpd", "-f", "-v", "-p", "8000", "-h", "/www"]
    env_file: app.env
    depends_on: [store]
    volumes:
      - ./site:/www:ro
    networks:
      backend:
        aliases: [api]
  web:
    image: IMAGE
    command: ["httpd", "-f", "-v", "-p", "8080", "-h", "/front"]
    depends_on: [app]
    volumes:
      - ./front:/front:ro
    ports:
      - "127.0.0.1:PORT:8080"
    networks:
      - backend
      - frontend
  probe:
    image: IMAGE
    command: ["sleep", "1000"]
    depends_on: [web]
    networks:
      - frontend
volumes:
  data:
networks:
  backend:
  frontend:
"#;

const APP_SCRIPT: &str = "#!/bin/sh
echo 'Content-Type: text/plain'
echo
echo \"$GREETING; kv says: $(wget -qO- http://kv:6379/greeting)\"
";

const FRONT_SCRIPT: &str = "#!/bin/sh
echo 'Content-Type: text/plain'
echo
wget -qO- http://app:8000/cgi-bin/hello
";

/// Writes `text` at `path` (and its folders), owned by the test user.
fn project_file(env: &TestEnv, path: &Path, text: &str, mode: u32) {
    let owned = |path: &Path| {
        std::os::unix::fs::chown(path, Some(env.user.uid), Some(env.user.gid)).unwrap();
    };
    let dirs: Vec<&Path> = path
        .ancestors()
        .skip(1)
        .take_while(|dir| *dir != env.home)
        .collect();
    for dir in dirs.into_iter().rev() {
        if std::fs::create_dir(dir).is_ok() {
            owned(dir);
        }
    }
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    owned(path);
}

/// The project `~/shop`: `compose_file` (its `IMAGE` the busybox test
/// image, its `PORT` a free port) as `file_name`, the app's env file, and
/// the app's and the front's CGI scripts. Returns its folder and the port.
pub fn shop_project(env: &TestEnv, file_name: &str, compose_file: &str) -> (PathBuf, u16) {
    let project = env.home.join("shop");
    let port = free_port();
    let compose_file = compose_file
        .replace("IMAGE", &busybox())
        .replace("PORT", &port.to_string());
    project_file(env, &project.join(file_name), &compose_file, 0o644);
    project_file(
        env,
        &project.join("app.env"),
        "GREETING=app speaking\n",
        0o644,
    );
    project_file(env, &project.join("site/cgi-bin/hello"), APP_SCRIPT, 0o755);
    project_file(env, &project.join("front/cgi-bin/app"), FRONT_SCRIPT, 0o755);
    (project, port)
}

/// `GET path` on 127.0.0.1:port: the body, if the request got an answer.
pub fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    // Busybox's httpd passes a CGI script's own `\n` line ends on.
    let answer = answer.replace("\r\n", "\n");
    answer.split_once("\n\n").map(|(_, body)| body.to_string())
}

#[test]
fn docker_compose_up_ps_logs_exec_down() {
    require_program("docker-compose");
    let env = with_busybox(user_with_ranges());
    let service = Service::start(&env, &["--time", "0"]);
    let (project, port) = shop_project(&env, "docker-compose.yml", COMPOSE_FILE);
    let compose = |args: &[&str]| -> RunResult {
        let mut command = env.command_as_user("docker-compose");
        command
            .env("DOCKER_HOST", service.host())
            .current_dir(&project)
            .args(args);
        run_command(&mut command, None, command_timeout()).unwrap_or_else(|e| panic!("{e}"))
    };

    compose(&["up", "-d"]).ok();
    let ps = compose(&["ps"]);
    let rows: Vec<&str> = ps.ok().stdout.lines().skip(2).collect();
    assert_eq!(rows.len(), 4, "{}", ps.transcript());
    for (name, command) in [
        ("shop_app_1", "httpd -f -v -p 8000"),
        ("shop_probe_1", "sleep 1000"),
        ("shop_store_1", "sh -c"),
        ("shop_web_1", "httpd -f -v -p 8080"),
    ] {
        let row = rows.iter().find(|r| r.starts_with(name));
        assert!(
            row.is_some_and(|r| r.contains(command) && r.contains(" Up ")),
            "{name}: {}",
            ps.transcript()
        );
    }
    let published = format!("127.0.0.1:{port}->8080/tcp");
    assert!(ps.stdout.contains(&published), "{}", ps.transcript());

    // From the host through the front, the app (by its service name) and
    // the store (by its alias).
    let mut answer = None;
    eventually("the front answers on the published port", || {
        answer = http_get(port, "/cgi-bin/app");
        answer.as_deref().is_some_and(|a| a.contains("kv says"))
    });
    assert_eq!(
        answer.as_deref(),
        Some("app speaking; kv says: hello from the store\n")
    );

    // The front is on both networks (compose connects the second one
    // before the start); the probe reaches it over the frontend only.
    let networks = service.docker(
        &env,
        &[
            "inspect",
            "--format",
            "{{range $name, $n := .NetworkSettings.Networks}}{{$name}} {{end}}",
            "shop_web_1",
        ],
    );
    assert_eq!(
        networks.ok().stdout.trim(),
        "shop_backend shop_frontend",
        "{}",
        networks.transcript()
    );
    let through_front = compose(&[
        "exec",
        "-T",
        "probe",
        "wget",
        "-qO-",
        "http://web:8080/cgi-bin/app",
    ]);
    assert_eq!(
        through_front.ok().stdout,
        "app speaking; kv says: hello from the store\n"
    );
    let unseen = compose(&["exec", "-T", "probe", "grep", "-w", "app", "/etc/hosts"]);
    assert_eq!(unseen.code, Some(1), "{}", unseen.transcript());

    let seeded = compose(&["exec", "-T", "store", "cat", "/data/greeting"]);
    assert_eq!(seeded.ok().stdout, "hello from the store\n");
    let hosts = compose(&["exec", "-T", "app", "cat", "/etc/hosts"]);
    assert!(
        hosts.ok().stdout.lines().any(|l| {
            let names: Vec<&str> = l.split_whitespace().collect();
            names.contains(&"store") && names.contains(&"kv")
        }),
        "the store is known by its service name and alias: {}",
        hosts.transcript()
    );
    let logs = compose(&["logs", "--no-color", "store"]);
    assert!(
        logs.ok().stdout.contains("response:200"),
        "the store logged the app's request: {}",
        logs.transcript()
    );

    compose(&["down", "-v"]).ok();
    let left = |args: &[&str]| service.docker(&env, args).ok().stdout.clone();
    assert_eq!(left(&["ps", "-a", "-q"]), "");
    assert!(!left(&["volume", "ls", "-q"]).contains("shop_data"));
    let networks = left(&["network", "ls", "--format", "{{.Name}}"]);
    assert!(!networks.contains("shop_backend") && !networks.contains("shop_frontend"));
    assert!(
        http_get(port, "/cgi-bin/app").is_none(),
        "the port is closed"
    );
}
