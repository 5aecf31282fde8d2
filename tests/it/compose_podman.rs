//! `podman-compose` (PyPI, installed into a venv by the test) driving rcon
//! unchanged through `--podman-path`: a project of the usual shape comes up
//! in its pod, its services find each other by name, by alias and over a
//! shared localhost, it answers on its published port, and `down -v`
//! leaves nothing behind.

use crate::api_compose::{http_get, shop_project};
use crate::common::{
    RunResult, command_timeout, eventually, pip_install, rcon_bin, run_command, user_with_ranges,
    with_busybox,
};

/// The release the test was written against (it reads `rcon --version`'s
/// last word as Podman's version: below 4.6 it waits for no health check,
/// as with this host's Podman 4.3.1).
const PODMAN_COMPOSE: &str = "podman-compose==1.6.0";

/// A store with a named volume and a health check, an app behind it on the
/// project's network (the store known there by the alias `kv`), a probe in
/// the app's own network namespace (`service:app`: it reaches the app on
/// localhost), and a web front published on 127.0.0.1 that reaches the app
/// by its service name. The app's greeting comes from an env file; the
/// scripts are docker-compose's test's.
const COMPOSE_FILE: &str = r#"services:
  store:
    image: IMAGE
    command: ["sh", "-c", "[ -f /data/greeting ] || echo \"$$SEED\" > /data/greeting; exec httpd -f -v -p 6379 -h /data"]
    environment:
      SEED: hello from the store
    volumes:
      - data:/data
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://localhost:6379/greeting"]
      interval: 1s
      retries: 60
    networks:
      backend:
        aliases: [kv]
  app:
    image: IMAGE
    command: ["httpd", "-f", "-v", "-p", "8000", "-h", "/www"]
    env_file: app.env
    depends_on:
      store:
        condition: service_healthy
    volumes:
      - ./site:/www:ro
    networks: [backend]
  probe:
    image: IMAGE
    network_mode: "service:app"
    command: ["sh", "-c", "until wget -qO- http://localhost:8000/cgi-bin/hello; do sleep 1; done; exec sleep 1000"]
    depends_on: [app]
  web:
    image: IMAGE
    command: ["httpd", "-f", "-v", "-p", "8080", "-h", "/front"]
    depends_on: [app]
    volumes:
      - ./front:/front:ro
    ports:
      - "127.0.0.1:PORT:8080"
    networks: [backend]
volumes:
  data:
networks:
  backend:
"#;

#[test]
fn podman_compose_up_ps_logs_exec_down() {
    let env = with_busybox(user_with_ranges());
    let podman_compose = pip_install(&env.base, PODMAN_COMPOSE).join("bin/podman-compose");
    let (project, port) = shop_project(&env, "compose.yml", COMPOSE_FILE);
    let compose = |args: &[&str]| -> RunResult {
        let mut command = env.command_as_user(podman_compose.to_str().unwrap());
        command
            .current_dir(&project)
            .arg("--podman-path")
            .arg(rcon_bin())
            .args(args);
        run_command(&mut command, None, command_timeout()).unwrap_or_else(|e| panic!("{e}"))
    };

    compose(&["up", "-d"]).ok();
    // Every service is a member of the project's pod.
    let members = env.run(&[
        "pod",
        "inspect",
        "--format",
        "{{.NumContainers}}",
        "pod_shop",
    ]);
    assert_eq!(members.ok().stdout.trim(), "4", "{}", members.transcript());
    let ps = compose(&["ps"]);
    for name in ["shop_store_1", "shop_app_1", "shop_probe_1", "shop_web_1"] {
        assert!(
            ps.ok()
                .stdout
                .lines()
                .any(|row| row.ends_with(name) && row.contains(" Up ")),
            "{name}: {}",
            ps.transcript()
        );
    }
    let published = format!("127.0.0.1:{port}->8080/tcp");
    assert!(ps.stdout.contains(&published), "{}", ps.transcript());
    eventually("the store's health check passes", || {
        compose(&["ps"]).stdout.contains("(healthy)")
    });

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
    // The probe reached the app on its localhost.
    eventually("the probe reached the app over localhost", || {
        compose(&["logs", "probe"]).stdout.contains("app speaking")
    });

    let seeded = compose(&["exec", "-T", "store", "cat", "/data/greeting"]);
    assert_eq!(seeded.ok().stdout, "hello from the store\n");
    let logs = compose(&["logs", "store"]);
    assert!(
        logs.ok().stdout.contains("response:200"),
        "the store logged the app's request: {}",
        logs.transcript()
    );

    compose(&["down", "-v"]).ok();
    let left = |args: &[&str]| env.run(args).ok().stdout.clone();
    assert_eq!(left(&["ps", "-a", "-q"]), "");
    assert_eq!(left(&["pod", "ps", "-q"]), "");
    assert!(!left(&["volume", "ls", "-q"]).contains("shop_data"));
    assert!(!left(&["network", "ls", "--format", "{{.Name}}"]).contains("shop_backend"));
    assert!(
        http_get(port, "/cgi-bin/app").is_none(),
        "the port is closed"
    );
}
