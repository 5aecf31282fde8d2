//! `kube play|down|generate` as a user runs them: pods whose containers
//! talk over localhost, a hostPort answered from the host, ConfigMap
//! environment, claims as named volumes that outlive `kube down`, a
//! generate → play round trip, the generated YAML checked against
//! Kubernetes' own schema, and what bad or unknown input gets.

use std::io::{Read, Write};

use crate::common::{
    TestEnv, create, eventually, free_port, image_ref, pip_install, user_with_ranges, with_busybox,
};

fn busybox() -> String {
    image_ref(testkit::catalog::BUSYBOX)
}

/// `rcon kube play -` of `yaml`.
fn play(env: &TestEnv, yaml: &str) -> crate::common::RunResult {
    env.run_with_input(
        &["kube", "play", "--tls-verify=false", "-"],
        yaml.as_bytes(),
    )
}

fn down(env: &TestEnv, yaml: &str) -> crate::common::RunResult {
    env.run_with_input(&["kube", "down", "-"], yaml.as_bytes())
}

/// The body of `GET /` on the host's port, once it answers.
fn http_get(port: u16) -> String {
    let mut body = String::new();
    eventually(&format!("port {port} answers"), || {
        let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
            return false;
        };
        let request = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n";
        let mut answer = String::new();
        if stream.write_all(request.as_bytes()).is_err()
            || stream.read_to_string(&mut answer).is_err()
        {
            return false;
        }
        match answer.split_once("\r\n\r\n") {
            Some((head, rest)) if head.contains(" 200 ") => {
                body = rest.to_string();
                true
            }
            _ => false,
        }
    });
    body
}

/// A pod of a web server and a client that fetches from it over
/// localhost; the server's port is published on the host.
fn web_pod(port: u16) -> String {
    format!(
        r#"apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  MODE: fast
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: server
    image: {image}
    command: [sh, -c, "mkdir -p /www && echo served-by-the-pod > /www/index.html && exec httpd -f -p 8080 -h /www"]
    ports:
    - containerPort: 8080
      hostPort: {port}
  - name: client
    image: {image}
    command: [sh, -c, "until wget -q -O /tmp/fetched http://127.0.0.1:8080/; do sleep 0.1; done; echo mode=$MODE; exec sleep 1000"]
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {{name: settings, key: MODE}}
"#,
        image = busybox()
    )
}

#[test]
fn a_pods_containers_talk_over_localhost_and_its_host_port_answers() {
    let env = with_busybox(user_with_ranges());
    let port = free_port();
    let yaml = web_pod(port);
    let played = play(&env, &yaml);
    played.ok();
    let lines: Vec<&str> = played.stdout.lines().collect();
    assert_eq!(lines[0], "Pod:", "{}", played.stdout);
    assert_eq!(lines[2], "Containers:", "{}", played.stdout);
    let pod_id = lines[1];
    assert_eq!(
        (pod_id.len(), lines[3].len()),
        (64, 64),
        "{}",
        played.stdout
    );
    // One pod: its infra container and the two.
    let members = env.run(&["ps", "-a", "--format", "{{.Names}} {{.PodName}}"]);
    assert_eq!(
        members.ok().stdout.matches(" web\n").count(),
        3,
        "{}",
        members.stdout
    );
    // The client reached the server on the pod's localhost …
    eventually("the client fetched the page over localhost", || {
        let fetched = env.run(&["exec", "web-client", "cat", "/tmp/fetched"]);
        fetched.success() && fetched.stdout.trim() == "served-by-the-pod"
    });
    // … and the host reaches it on the hostPort.
    assert_eq!(http_get(port).trim(), "served-by-the-pod");
    // The ConfigMap's value is in the client's environment.
    eventually("the client printed its MODE", || {
        env.run(&["logs", "web-client"])
            .stdout
            .contains("mode=fast")
    });
    let downed = down(&env, &yaml);
    downed.ok();
    assert!(
        downed
            .stdout
            .contains(&format!("Pods removed:\n{pod_id}\n")),
        "{}",
        downed.stdout
    );
    env.run(&["pod", "exists", "web"]).code_is(1);
    let left = env.run(&["ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(left.ok().stdout.trim(), "", "kube down leaves no container");
}

#[test]
fn a_claim_is_a_named_volume_that_outlives_kube_down() {
    let env = with_busybox(user_with_ranges());
    let yaml = format!(
        r#"apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: keep-me
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests: {{storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  restartPolicy: Never
  volumes:
  - name: data
    persistentVolumeClaim: {{claimName: keep-me}}
  containers:
  - name: main
    image: {image}
    command: [sh, -c, "echo written-in-the-pod > /data/note"]
    volumeMounts:
    - {{name: data, mountPath: /data}}
"#,
        image = busybox()
    );
    play(&env, &yaml).ok();
    env.run(&["wait", "writer-main"]).ok();
    down(&env, &yaml).ok();
    assert_eq!(
        env.run(&["ps", "-a", "--format", "{{.Names}}"])
            .ok()
            .stdout
            .trim(),
        ""
    );
    let kept = env.run(&[
        "run",
        "--rm",
        "-v",
        "keep-me:/data",
        &busybox(),
        "cat",
        "/data/note",
    ]);
    assert_eq!(kept.ok().stdout.trim(), "written-in-the-pod");
    // --force takes the claim's volume too.
    play(&env, &yaml).ok();
    env.run(&["wait", "writer-main"]).ok();
    let forced = env.run_with_input(&["kube", "down", "--force", "-"], yaml.as_bytes());
    assert!(
        forced.ok().stdout.contains("Volumes removed:\nkeep-me"),
        "{}",
        forced.stdout
    );
    env.run(&["volume", "exists", "keep-me"]).code_is(1);
}

/// `rcon inspect` of a container, as JSON.
fn inspect(env: &TestEnv, name: &str) -> serde_json::Value {
    let shown = env.run(&["inspect", name]);
    let all: serde_json::Value = serde_json::from_str(&shown.ok().stdout).unwrap();
    all[0].clone()
}

#[test]
fn generate_then_play_gives_the_same_container() {
    let env = with_busybox(user_with_ranges());
    let port = free_port();
    let publish = format!("{port}:8080");
    create(
        &env,
        &[
            "--name",
            "orig",
            "-p",
            &publish,
            "-e",
            "GREETING=hello there",
            "-w",
            "/tmp",
            "--stop-timeout",
            "1",
        ],
        &[
            "sh",
            "-c",
            "echo hi > index.html && exec httpd -f -p 8080 -h /tmp",
        ],
    );
    let yaml = env.run(&["kube", "generate", "orig"]).ok().stdout.clone();
    let before = inspect(&env, "orig");
    env.run(&["rm", "orig"]).ok();
    play(&env, &yaml).ok();
    let after = inspect(&env, "orig-pod-orig");
    for pointer in ["/Path", "/Args", "/Config/WorkingDir", "/Config/Image"] {
        assert_eq!(after.pointer(pointer), before.pointer(pointer), "{pointer}");
    }
    let env_of = |c: &serde_json::Value| -> Vec<String> {
        let mut vars: Vec<String> = c["Config"]["Env"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .filter(|v| !v.starts_with("HOSTNAME="))
            .collect();
        vars.sort();
        vars
    };
    assert_eq!(env_of(&after), env_of(&before));
    assert!(env_of(&after).contains(&"GREETING=hello there".to_string()));
    // The same host port leads to the same container port, now the pod's.
    assert_eq!(http_get(port).trim(), "hi");
    down(&env, &yaml).ok();
}

#[test]
fn generated_yaml_passes_kubernetes_schema() {
    let env = with_busybox(user_with_ranges());
    let port = free_port().to_string();
    create(
        &env,
        &[
            "--name",
            "checked",
            "-p",
            &format!("{port}:80"),
            "-e",
            "A=1",
            "-v",
            "named:/data",
            "--tmpfs",
            "/scratch",
            "--cap-add",
            "NET_ADMIN",
            "--health-cmd",
            "true",
            "--read-only",
        ],
        &["sleep", "1000"],
    );
    let file = env.base.join("generated.yaml");
    let file_arg = file.to_str().unwrap();
    // -f writes the file (as the user, who owns the directory it is in).
    let dir = env.home.join("out");
    env.command_as_user("/bin/mkdir")
        .arg(&dir)
        .status()
        .unwrap();
    let out = dir.join("pod.yaml");
    env.run(&[
        "kube",
        "generate",
        "--service",
        "-f",
        out.to_str().unwrap(),
        "checked",
    ])
    .ok();
    std::fs::copy(&out, &file).unwrap();
    // Kubernetes' OpenAPI schema, offline: kubernetes-validate bundles it.
    let validate = pip_install(&env.base, "kubernetes-validate").join("bin/kubernetes-validate");
    let checked = std::process::Command::new(&validate)
        .args(["--strict", file_arg])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&checked.stdout).into_owned()
        + &String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success(), "{report}");
    assert_eq!(
        report.matches(" passed for resource ").count(),
        2,
        "a Service and a Pod: {report}"
    );
    // A schema violation is caught: the check is not a formality.
    let broken = std::fs::read_to_string(&file)
        .unwrap()
        .replace("containerPort: 80", "containerPort: eighty");
    std::fs::write(&file, broken).unwrap();
    let refused = std::process::Command::new(&validate)
        .args(["--strict", file_arg])
        .status()
        .unwrap();
    assert!(!refused.success());
    // A pod's YAML too (its hostname, its port on its first container).
    env.run(&[
        "pod",
        "create",
        "--name",
        "held",
        "-p",
        &format!("{port}:80"),
    ])
    .ok();
    create(&env, &["--pod", "held"], &["sleep", "1000"]);
    let pod_yaml = env.run(&["kube", "generate", "held"]).ok().stdout.clone();
    std::fs::write(&file, pod_yaml).unwrap();
    let checked = std::process::Command::new(&validate)
        .args(["--strict", file_arg])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
}

#[test]
fn unknown_kinds_and_fields_are_named_in_warnings() {
    let env = with_busybox(user_with_ranges());
    let yaml = format!(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: odd
spec:
  containers:
  - name: main
    image: {image}
    command: [true]
    colour: blue
---
apiVersion: example.com/v1
kind: Gadget
metadata:
  name: thing
"#,
        image = busybox()
    );
    let played = env.run_with_input(
        &["kube", "play", "--start=false", "--tls-verify=false", "-"],
        yaml.as_bytes(),
    );
    played.ok();
    assert!(
        played
            .stderr
            .contains("unknown field \\\"spec.containers.0.colour\\\" ignored"),
        "{}",
        played.stderr
    );
    assert!(
        played
            .stderr
            .contains("kind \\\"Gadget\\\" is not supported"),
        "{}",
        played.stderr
    );
    assert!(env.run(&["container", "exists", "odd-main"]).success());
}

#[test]
fn bad_yaml_is_one_line_naming_file_and_line_and_makes_nothing() {
    let env = TestEnv::new(user_with_ranges());
    let yaml = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: never\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n   bad: [\n";
    let file = env.home.join("broken.yaml");
    let mut child = env
        .command_as_user("/bin/sh")
        .args(["-c", "cat > broken.yaml"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(yaml.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let played = env.run(&["kube", "play", "broken.yaml"]);
    played.code_is(125);
    let message = played.stderr.trim();
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.starts_with("Error: broken.yaml: ") && message.contains("line 10"),
        "{message}"
    );
    assert!(file.exists());
    assert_eq!(env.run(&["volume", "ls", "-q"]).ok().stdout.trim(), "");
    assert_eq!(env.run(&["ps", "-aq"]).ok().stdout.trim(), "");
}

#[test]
fn generate_of_a_pod_plays_back_as_that_pod() {
    let env = with_busybox(user_with_ranges());
    let port = free_port();
    let publish = format!("{port}:8080");
    env.run(&["pod", "create", "--name", "shop", "--publish", &publish])
        .ok();
    let empty = env.run(&["kube", "generate", "shop"]);
    empty.code_is(125);
    assert!(
        empty
            .stderr
            .contains("pod shop only has an infra container"),
        "{}",
        empty.stderr
    );
    create(
        &env,
        &["--name", "server", "--pod", "shop"],
        &[
            "sh",
            "-c",
            "echo from-the-pod > /tmp/index.html && exec httpd -f -p 8080 -h /tmp",
        ],
    );
    create(
        &env,
        &["--name", "idle", "--pod", "shop"],
        &["sleep", "1000"],
    );
    let yaml = env.run(&["kube", "generate", "shop"]).ok().stdout.clone();
    for wanted in [
        "  name: shop\n",
        "  hostname: shop\n",
        &format!("      hostPort: {port}\n"),
        "io.kubernetes.cri-o.ContainerType/idle: container",
        "io.kubernetes.cri-o.SandboxID/idle: ",
    ] {
        assert!(yaml.contains(wanted), "{wanted:?} in {yaml}");
    }
    env.run(&["pod", "rm", "-f", "shop"]).ok();
    play(&env, &yaml).ok();
    // The pod's port is the played pod's again, given as Podman shows it.
    let bindings = env.run(&[
        "pod",
        "inspect",
        "--format",
        "{{.InfraConfig.PortBindings}} {{.ExitPolicy}}",
        "shop",
    ]);
    assert_eq!(
        bindings.ok().stdout.trim(),
        format!("map[8080/tcp:[{{ {port}}}]] stop")
    );
    assert_eq!(http_get(port).trim(), "from-the-pod");
    down(&env, &yaml).ok();
}

/// Serves `body` at `/far.yaml` (and 404 for anything else) on a free
/// port of 127.0.0.1 until the test ends; returns the port.
fn serve(body: String) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let answer = match request.starts_with(b"GET /far.yaml ") {
                true => format!(
                    "HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                ),
                false => "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_string(),
            };
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    port
}

#[test]
fn play_of_a_url_with_network_and_annotations() {
    let env = with_busybox(user_with_ranges());
    let yaml = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: far\n  annotations: {{team: blue}}\nspec:\n  containers:\n  - name: main\n    image: {}\n    command: [sleep, '1000']\n",
        busybox()
    );
    let url = format!("http://127.0.0.1:{}/far.yaml", serve(yaml));
    env.run(&[
        "kube",
        "play",
        "--tls-verify=false",
        "--network",
        "host",
        "--annotation",
        "name=given",
        &url,
    ])
    .ok();
    let main = inspect(&env, "far-main");
    assert_eq!(main["State"]["Running"], true, "{main}");
    assert_eq!(main["HostConfig"]["NetworkMode"], "host");
    assert_eq!(
        main["Config"]["Annotations"],
        serde_json::json!({"team": "blue", "name": "given"})
    );
    let pod = env.run(&[
        "pod",
        "inspect",
        "--format",
        "{{.InfraConfig.HostNetwork}}",
        "far",
    ]);
    assert_eq!(pod.ok().stdout.trim(), "true");
    env.run(&["kube", "down", &url]).ok();
    env.run(&["pod", "exists", "far"]).code_is(1);
    let missing = env.run(&["kube", "play", &format!("{url}-gone")]);
    missing.code_is(125);
    assert!(
        missing.stderr.contains("the server answered 404"),
        "{}",
        missing.stderr
    );
}
