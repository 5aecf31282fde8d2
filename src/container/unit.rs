//! `rcon generate systemd`: a systemd unit for a container, as Podman 4.3.1
//! generates one, calling rcon. Without `--new` the unit starts and stops
//! the existing container (`Type=forking`, the detached monitor's PID
//! file); with `--new` it runs a fresh container from the command line that
//! made this one (`Type=notify`, `--sdnotify=conmon`: rcon tells systemd
//! once the command runs), removed when the unit stops.

use std::path::Path;

use super::Error;
use super::monitor::{PID_FILE, entry_dir};
use super::restart::RestartPolicy;
use super::store::ContainerRecord;

/// What the unit is asked to be (`generate systemd`'s flags).
#[derive(Debug, Clone, Default)]
pub struct UnitOptions {
    /// Name the container by its name rather than its ID.
    pub use_name: bool,
    pub new: bool,
    /// A template unit (`NAME@.service`), instances named `NAME-%i`; needs `new`.
    pub template: bool,
    /// systemd's `Restart=` (default on-failure, or the container's policy with `new`).
    pub restart_policy: Option<String>,
    pub restart_sec: Option<u32>,
    pub start_timeout: Option<u32>,
    /// Seconds `stop` waits (default: the container's stop timeout).
    pub stop_timeout: Option<u64>,
    pub container_prefix: String,
    pub separator: String,
    pub no_header: bool,
    /// `Environment=` lines (`-e KEY=VALUE`, or `-e KEY` from rcon's environment).
    pub env: Vec<String>,
    pub wants: Vec<String>,
    pub after: Vec<String>,
    pub requires: Vec<String>,
}

/// systemd's restart settings a unit may name.
const RESTART_POLICIES: [&str; 7] = [
    "no",
    "on-success",
    "on-failure",
    "on-abnormal",
    "on-watchdog",
    "on-abort",
    "always",
];

/// systemd waits this long beyond the stop timeout before it kills.
const STOP_MARGIN: u64 = 60;

/// The unit of `record`: its service name (without `.service`) and its text.
/// `executable`: the rcon the unit calls; `runroot`: rcon's runtime dir.
pub fn container_unit(
    record: &ContainerRecord,
    executable: &Path,
    runroot: &Path,
    options: &UnitOptions,
) -> Result<(String, String), Error> {
    if options.template && !options.new {
        return Err(Error::Invalid(
            "--template cannot be set with --new=false".into(),
        ));
    }
    if let Some(policy) = &options.restart_policy {
        if !RESTART_POLICIES.contains(&policy.as_str()) {
            return Err(Error::Invalid(format!(
                "{policy} is not a valid restart policy"
            )));
        }
    }
    let name_or_id = if options.use_name {
        &record.name
    } else {
        &record.id
    };
    let service = format!(
        "{}{}{name_or_id}",
        options.container_prefix, options.separator
    );
    let stop_timeout = options.stop_timeout.unwrap_or_else(|| {
        record
            .config
            .stop_timeout
            .unwrap_or(super::lifecycle::DEFAULT_STOP_TIMEOUT.as_secs())
    });
    let rcon = escape(&executable.display().to_string());
    let mut restart = options
        .restart_policy
        .clone()
        .unwrap_or_else(|| "on-failure".into());
    let mut start_limit_burst = None;
    let mut environment = vec![if options.template {
        "PODMAN_SYSTEMD_UNIT=%n-%i".to_string()
    } else {
        "PODMAN_SYSTEMD_UNIT=%n".to_string()
    }];
    let service_lines;
    if options.new {
        let new = NewCommand::from_create_command(record, &rcon, options.template, &service)?;
        if options.restart_policy.is_none() {
            match record.config.restart {
                RestartPolicy::No => {}
                RestartPolicy::OnFailure { max_retries } => {
                    restart = "on-failure".into();
                    start_limit_burst = (max_retries > 0).then_some(max_retries);
                }
                RestartPolicy::Always | RestartPolicy::UnlessStopped => {
                    restart = "always".into();
                }
            }
        }
        if !new.env_from_host.is_empty() {
            environment.push(new.env_from_host.join(" "));
        }
        service_lines = vec![
            "ExecStartPre=/bin/rm \\\n\t-f %t/%n.ctr-id".to_string(),
            format!("ExecStart={}", new.start),
            format!(
                "ExecStop={rcon} stop \\\n\t--ignore -t {stop_timeout} \\\n\t--cidfile=%t/%n.ctr-id"
            ),
            format!(
                "ExecStopPost={rcon} rm \\\n\t-f \\\n\t--ignore -t {stop_timeout} \\\n\t--cidfile=%t/%n.ctr-id"
            ),
            "Type=notify".into(),
            "NotifyAccess=all".into(),
        ];
    } else {
        if record.config.restart != RestartPolicy::No {
            log::warn!(
                "Container {} has restart policy {:?} which can lead to issues on shutdown: consider recreating the container without a restart policy and use systemd's restart mechanism instead",
                record.id,
                record.config.restart.name()
            );
        }
        let stop = format!("{rcon} stop  \\\n\t-t {stop_timeout} {name_or_id}");
        service_lines = vec![
            format!("ExecStart={rcon} start {name_or_id}"),
            format!("ExecStop={stop}"),
            format!("ExecStopPost={stop}"),
            format!(
                "PIDFile={}",
                entry_dir(runroot, &record.id).join(PID_FILE).display()
            ),
            "Type=forking".into(),
        ];
    }
    environment.extend(options.env.iter().map(|e| escape(e)));

    let file_name = if options.template {
        format!("{service}@")
    } else {
        service.clone()
    };
    let mut unit = String::new();
    if !options.no_header {
        unit.push_str(&format!(
            "# {file_name}.service\n# autogenerated by rcon {}\n# {}\n",
            env!("CARGO_PKG_VERSION"),
            chrono::Local::now().format("%a %b %e %H:%M:%S %Z %Y")
        ));
    }
    let description = if options.template {
        format!("rcon {service}.service for %I")
    } else {
        format!("rcon {service}.service")
    };
    unit.push_str(&format!(
        "\n[Unit]\nDescription={description}\nDocumentation=man:podman-generate-systemd(1)\nWants=network-online.target\nAfter=network-online.target\nRequiresMountsFor={}\n",
        if options.new {
            "%t/rcon".to_string()
        } else {
            runroot.display().to_string()
        }
    ));
    if !(options.wants.is_empty() && options.after.is_empty() && options.requires.is_empty()) {
        unit.push_str("\n# User-defined dependencies\n");
        for (key, values) in [
            ("Wants", &options.wants),
            ("After", &options.after),
            ("Requires", &options.requires),
        ] {
            if !values.is_empty() {
                unit.push_str(&format!("{key}={}\n", values.join(" ")));
            }
        }
    }
    unit.push_str("\n[Service]\n");
    for line in &environment {
        unit.push_str(&format!("Environment={line}\n"));
    }
    unit.push_str(&format!("Restart={restart}\n"));
    if let Some(seconds) = options.restart_sec {
        unit.push_str(&format!("RestartSec={seconds}\n"));
    }
    if let Some(burst) = start_limit_burst {
        unit.push_str(&format!("StartLimitBurst={burst}\n"));
    }
    if let Some(seconds) = options.start_timeout.filter(|s| *s > 0) {
        unit.push_str(&format!("TimeoutStartSec={seconds}\n"));
    }
    unit.push_str(&format!("TimeoutStopSec={}\n", STOP_MARGIN + stop_timeout));
    for line in service_lines {
        unit.push_str(&line);
        unit.push('\n');
    }
    unit.push_str("\n[Install]\nWantedBy=default.target\n");
    Ok((file_name, unit))
}

/// `--new`'s ExecStart, made from the command line that created the
/// container, and the `Environment=` its `-e KEY` flags need.
struct NewCommand {
    start: String,
    env_from_host: Vec<String>,
}

/// The flags of run/create that take a value as the next argument, for
/// finding where the options end and the image begins.
fn takes_value(flag: &str) -> bool {
    let Some(long) = flag.strip_prefix("--") else {
        // A cluster of short flags takes a value when its last letter does.
        return flag
            .chars()
            .last()
            .is_some_and(|c| "ehlpuvwc".contains(c) && flag.len() >= 2);
    };
    if long.contains('=') {
        return false;
    }
    !matches!(
        long,
        "rm" | "replace"
            | "detach"
            | "tty"
            | "interactive"
            | "privileged"
            | "read-only"
            | "init"
            | "publish-all"
            | "no-healthcheck"
            | "env-host"
            | "unsetenv-all"
            | "quiet"
            | "rmi"
            | "help"
            | "sig-proxy"
            | "tls-verify"
    )
}

impl NewCommand {
    fn from_create_command(
        record: &ContainerRecord,
        rcon: &str,
        template: bool,
        service: &str,
    ) -> Result<NewCommand, Error> {
        let command = &record.config.create_command;
        let verb = command
            .iter()
            .position(|a| a == "run" || a == "create")
            .filter(|_| command.len() >= 3)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "cannot use --new on container {:?}: no create command found: only works on containers created directly with rcon run or create",
                    record.id
                ))
            })?;
        // Global flags (before the verb) stay; the verb becomes run. What
        // comes from the user's command line is escaped; the unit's own
        // arguments keep their specifiers (%t, %n).
        let mut start: Vec<String> = command[1..verb].iter().map(|a| escape(a)).collect();
        start.extend(
            [
                "run",
                "--cidfile=%t/%n.ctr-id",
                "--cgroups=no-conmon",
                "--rm",
            ]
            .map(String::from),
        );
        let rest = &command[verb + 1..];
        // Options end at the first argument that is not one (the image).
        let mut options_end = rest.len();
        let mut i = 0;
        while i < rest.len() {
            let arg = &rest[i];
            if arg == "--" || !arg.starts_with('-') || arg == "-" {
                options_end = i;
                break;
            }
            i += if takes_value(arg) { 2 } else { 1 };
        }
        let (options, image_and_args) = rest.split_at(options_end.min(rest.len()));
        let mut kept = Vec::new();
        let (mut detach, mut named, mut replace, mut sdnotify) = (false, false, false, false);
        let mut env_from_host = Vec::new();
        let mut i = 0;
        while i < options.len() {
            let arg = &options[i];
            let value_next = takes_value(arg) && !arg.contains('=');
            let value = if value_next {
                options.get(i + 1).cloned()
            } else {
                arg.split_once('=').map(|(_, v)| v.to_string())
            };
            let flag = arg.split_once('=').map_or(arg.as_str(), |(f, _)| f);
            let step = if value_next { 2 } else { 1 };
            let dropped = match flag {
                // The unit's own: replaced by the ones above.
                "--cidfile" | "--cgroups" | "--rm" | "--restart" => true,
                "-d" | "--detach" => {
                    detach = value.as_deref() != Some("false");
                    !detach
                }
                "--replace" => {
                    replace = value.as_deref() != Some("false");
                    !replace
                }
                "--sdnotify" => {
                    sdnotify = value.as_deref() != Some("ignore");
                    !sdnotify
                }
                "--name" => {
                    named = true;
                    false
                }
                "-e" | "--env" => {
                    if let Some(key) = value.as_deref().filter(|v| !v.contains('=')) {
                        if let Some(found) = record
                            .config
                            .env
                            .iter()
                            .find(|e| e.split_once('=').is_some_and(|(k, _)| k == key))
                        {
                            env_from_host.push(escape(found));
                        }
                    }
                    false
                }
                _ => false,
            };
            if !dropped {
                kept.extend(options[i..(i + step).min(options.len())].iter().cloned());
            }
            i += step;
        }
        if !sdnotify {
            start.push("--sdnotify=conmon".into());
        }
        if !detach {
            start.push("-d".into());
        }
        if named && !replace {
            start.push("--replace".into());
        }
        start.extend(kept.iter().chain(image_and_args).map(|a| escape(a)));
        if template {
            match start
                .iter()
                .position(|a| a == "--name" || a.starts_with("--name="))
            {
                Some(i) if start[i] == "--name" && i + 1 < start.len() => {
                    start[i + 1] = format!("{}-%i", start[i + 1]);
                }
                Some(i) => start[i] = format!("{}-%i", start[i]),
                None => {
                    let run = start.iter().position(|a| a == "run").unwrap_or(0);
                    start.insert(run + 1, format!("--name={service}-%i"));
                }
            }
        }
        Ok(NewCommand {
            start: format_options(rcon, &start),
            env_from_host,
        })
    }
}

/// One argument as systemd reads it back: `%` and `$` doubled, quoted
/// (with `"` and `\` escaped) when it holds a space, a quote or a backslash.
fn escape(arg: &str) -> String {
    let arg = arg.replace('%', "%%").replace('$', "$$");
    if !arg
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '\\'))
    {
        return arg;
    }
    let mut quoted = String::from("\"");
    for c in arg.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Podman's layout: each option on a line of its own, continued with `\`.
fn format_options(program: &str, args: &[String]) -> String {
    let mut text = program.to_string();
    for arg in args {
        if arg.starts_with('-') {
            text.push_str(" \\\n\t");
        } else {
            text.push(' ');
        }
        text.push_str(arg);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_escaped_as_systemd_reads_them() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("P=%h"), "P=%%h");
        assert_eq!(escape("x=$y"), "x=$$y");
        assert_eq!(escape("A=b c"), "\"A=b c\"");
        assert_eq!(escape(r#"["top"]"#), r#""[\"top\"]""#);
    }

    #[test]
    fn options_go_one_a_line() {
        let args: Vec<String> = ["run", "--rm", "-d", "img", "sh"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            format_options("/bin/rcon", &args),
            "/bin/rcon run \\\n\t--rm \\\n\t-d img sh"
        );
    }
}
