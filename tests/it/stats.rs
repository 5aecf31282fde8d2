//! `rcon stats` on this kind of host, where containers have no cgroup of
//! their own: CPU, memory, PIDs, block and network I/O read from /proc for
//! the container's processes (Podman shows nothing here).

use crate::common::{
    TestEnv, create, eventually, registry, run_detached, user_with_ranges, with_busybox,
};

/// One container's `stats --no-stream` through `format`.
#[track_caller]
fn stats(env: &TestEnv, format: &str, container: &str) -> String {
    let result = env.run(&["stats", "--no-stream", "--format", format, container]);
    result.ok().stdout.trim().to_string()
}

/// "47.68MiB / 23.54GiB" (go-units' binary sizes) → the first, in bytes.
fn first_size(text: &str) -> f64 {
    let first = text.split(" / ").next().unwrap();
    let split = first.find(|c: char| c.is_ascii_alphabetic()).unwrap();
    let (number, unit) = first.split_at(split);
    let scale = match unit {
        "B" => 1.0,
        "KiB" => 1024.0,
        "MiB" => 1024.0 * 1024.0,
        "GiB" => 1024.0 * 1024.0 * 1024.0,
        _ => panic!("unit of {text:?}"),
    };
    number.parse::<f64>().unwrap() * scale
}

#[test]
fn a_busy_container_shows_its_cpu_memory_and_processes() {
    let env = with_busybox(user_with_ranges());
    // A shell holding a 50 MB string, then spinning.
    let id = run_detached(
        &env,
        &["--name", "busy"],
        &[
            "sh",
            "-c",
            "x=$(head -c 50000000 /dev/zero | tr '\\0' a); touch /tmp/ready; while :; do :; done",
        ],
    );
    eventually("the allocation is made", || {
        env.run(&["exec", "busy", "test", "-e", "/tmp/ready"])
            .success()
    });
    let memory = first_size(&stats(&env, "{{.MemUsageBytes}}", "busy"));
    assert!(
        memory >= 50_000_000.0,
        "the 50 MB string counts: {memory} bytes"
    );
    eventually("CPU time is counted", || {
        let line = stats(&env, "{{.CPUNano}} {{.CPU}} {{.PIDs}}", "busy");
        let fields: Vec<f64> = line.split(' ').map(|f| f.parse().unwrap()).collect();
        assert!(fields[2] >= 1.0, "at least the shell runs: {line}");
        fields[0] > 0.0 && fields[1] > 0.0
    });
    // The default table: Podman's headers, one row.
    let table = env.run(&["stats", "--no-stream"]);
    let lines: Vec<&str> = table.ok().stdout.lines().collect();
    for header in [
        "ID",
        "NAME",
        "CPU %",
        "MEM USAGE / LIMIT",
        "MEM %",
        "NET IO",
        "BLOCK IO",
        "PIDS",
        "CPU TIME",
        "AVG CPU %",
    ] {
        assert!(
            lines[0].contains(header),
            "{header}: {}",
            table.transcript()
        );
    }
    assert!(
        lines.len() == 2 && lines[1].starts_with(&id[..12]),
        "{}",
        table.transcript()
    );
    // JSON: Podman's keys.
    let json = env.run(&["stats", "--no-stream", "--format", "json", "busy"]);
    let value: serde_json::Value = serde_json::from_str(&json.ok().stdout).unwrap();
    let entry = &value[0];
    assert_eq!(entry["id"], id[..12]);
    assert_eq!(entry["name"], "busy");
    for key in [
        "cpu_time",
        "cpu_percent",
        "avg_cpu",
        "mem_usage",
        "mem_percent",
        "net_io",
        "block_io",
        "pids",
    ] {
        assert!(entry[key].is_string(), "{key}: {value}");
    }
    env.run(&["rm", "-f", "-t", "0", "busy"]).ok();
}

#[test]
fn network_traffic_is_counted_from_the_containers_namespace() {
    let env = with_busybox(user_with_ranges());
    let quiet = run_detached(&env, &["--network", "none"], &["sleep", "1000"]);
    assert_eq!(stats(&env, "{{.NetIO}}", &quiet), "0B / 0B");
    // The test registry, reached through slirp4netns's address for the host.
    let port = registry().rsplit(':').next().unwrap().to_string();
    let talker = run_detached(
        &env,
        &["--network", "slirp4netns:allow_host_loopback=true"],
        &["sleep", "1000"],
    );
    let url = format!("http://10.0.2.2:{port}/v2/_catalog");
    let fetched = env.run(&["exec", &talker, "wget", "-q", "-O", "-", &url]);
    let body = fetched.ok().stdout.len() as f64;
    let line = stats(&env, "{{.NetInput}} {{.NetOutput}}", &talker);
    let (input, output) = line.split_once(' ').unwrap();
    let (input, output): (f64, f64) = (input.parse().unwrap(), output.parse().unwrap());
    assert!(
        input > body && output > 0.0,
        "the fetch of {body} bytes counts: {line}"
    );
    env.run(&["rm", "-f", "-t", "0", &quiet, &talker]).ok();
}

#[test]
fn stats_selects_containers_as_podman() {
    let env = with_busybox(user_with_ranges());
    let created = create(&env, &["--name", "idle"], &["true"]);
    // Only running containers by default; -a shows the others with zeros.
    let running = env.run(&["stats", "--no-stream", "--format", "{{.Name}}"]);
    assert_eq!(running.ok().stdout, "");
    let all = env.run(&[
        "stats",
        "--no-stream",
        "-a",
        "--format",
        "{{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.PIDS}}",
    ]);
    assert_eq!(all.ok().stdout, "idle 0.00% 0B / 0B 0\n");
    let both = env.run(&["stats", "--no-stream", "-a", &created]);
    both.code_is(125);
    assert!(
        both.stderr
            .contains("--all, --latest and containers cannot be used together"),
        "{}",
        both.transcript()
    );
    env.run(&["stats", "--no-stream", "nosuch"]).code_is(125);
    let latest = env.run(&[
        "container",
        "stats",
        "--no-stream",
        "-l",
        "--no-trunc",
        "--format",
        "{{.ID}}",
    ]);
    assert_eq!(latest.ok().stdout.trim(), created);
}

#[test]
fn stats_streams_a_report_each_interval_until_stopped() {
    use std::io::{BufRead, BufReader};
    let env = with_busybox(user_with_ranges());
    run_detached(&env, &["--name", "steady"], &["sleep", "1000"]);
    let mut child = env
        .rcon()
        .args([
            "stats",
            "-i",
            "1",
            "--format",
            "{{.Name}} {{.PIDS}}",
            "steady",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // Not a terminal: no screen clearing, one line a report.
    for _ in 0..2 {
        assert_eq!(lines.next().unwrap().unwrap(), "steady 1");
    }
    child.kill().unwrap();
    child.wait().unwrap();
    env.run(&["rm", "-f", "-t", "0", "steady"]).ok();
}
