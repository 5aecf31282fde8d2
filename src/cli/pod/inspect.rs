//! `rcon pod inspect`: Podman's `InspectPodData`, as JSON or through `--format`.

use clap::Args;
use serde_json::{Value, json};

use super::super::report::{self, Report};
use super::super::template::GoShape;
use super::super::{Failure, Outcome};
use crate::container::inspect::ports;
use crate::network::Mode;
use crate::pod::{PodEngine, PodView};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Format with a Go template (e.g. '{{.Name}} {{.State}}') or `json`
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The pods, by name or ID
    #[arg(value_name = "POD", required = true)]
    pub pods: Vec<String>,
}

/// A pod as Podman's templates see it (Go field names).
const POD_SHAPE: GoShape = GoShape {
    type_name: "*define.InspectPodData",
    fields: &[("Id", "ID")],
    maps: &["Labels", "InfraConfig.PortBindings"],
    times: &["Created"],
};

/// Podman's JSON for one pod.
pub fn inspect_json(view: &PodView) -> Value {
    let pod = &view.pod;
    let infra = view.infra();
    let infra_config = infra.map(|infra| {
        let config = &infra.config;
        let list = |items: &[String]| (!items.is_empty()).then(|| items.to_vec());
        json!({
            // Podman's: an empty host IP for every address.
            "PortBindings": ports(&config.ports, ""),
            "HostNetwork": config.network == Mode::Host,
            "StaticIP": "",
            "StaticMAC": "",
            "NoManageResolvConf": false,
            "DNSServer": list(&config.names.dns),
            "DNSSearch": list(&config.names.dns_search),
            "DNSOption": list(&config.names.dns_option),
            "NoManageHosts": false,
            "HostAdd": list(&config.names.add_host),
            "Networks": Some(config.network_names()).filter(|n| !n.is_empty()),
            "NetworkOptions": null,
            "pid_ns": "private",
            "userns": "host",
            "uts_ns": "private",
        })
    });
    let mut value = json!({
        "Id": pod.id,
        "Name": pod.name,
        "Created": pod.created,
        "CreateCommand": pod.create_command,
        "ExitPolicy": pod.exit_policy.name(),
        "State": view.status(),
        "Hostname": pod.hostname,
        "Labels": pod.labels.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
        "CreateCgroup": false,
        "CreateInfra": infra.is_some(),
        "NumContainers": view.members.len(),
        "Containers": view.members.iter().map(|(record, state)| json!({
            "Id": record.id,
            "Name": record.name,
            "State": super::ps::state_name(state),
        })).collect::<Vec<_>>(),
    });
    let object = value.as_object_mut().expect("an object");
    if let (Some(infra), Some(config)) = (infra, infra_config) {
        object.insert("InfraContainerID".into(), json!(infra.id));
        object.insert("InfraConfig".into(), config);
        object.insert(
            "SharedNamespaces".into(),
            json!(pod.shared.iter().map(|s| s.name()).collect::<Vec<_>>()),
        );
    }
    value
}

pub fn run(engine: &PodEngine, args: InspectArgs) -> Outcome {
    let report = match args.format.as_deref() {
        Some(format) if !report::is_json(format) => Some(Report::user(
            "inspect",
            &format.replace("{{.Id}}", "{{.ID}}"),
        )?),
        _ => None,
    };
    let mut shown = Vec::new();
    let mut failures = Vec::new();
    for name in &args.pods {
        match engine.find(name).and_then(|pod| engine.view(pod)) {
            Ok(view) => shown.push(inspect_json(&view)),
            Err(e) => failures.push(Failure::from(e)),
        }
    }
    match report {
        Some(report) => {
            let data = super::super::template::Value::list(
                shown.iter().map(|json| POD_SHAPE.value(json)).collect(),
            );
            print!("{}", report.render(None, &data)?);
        }
        // Podman prints one pod as an object, indented as it does.
        None if shown.len() == 1 => println!("{}", podman_indent(&shown[0])),
        None if !shown.is_empty() => println!("{}", podman_indent(&Value::from(shown))),
        None => {}
    }
    super::super::report_failures(failures)
}

/// JSON with Podman's indent for pods (five spaces).
fn podman_indent(value: &Value) -> String {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"     ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(value, &mut serializer).expect("JSON values serialise");
    String::from_utf8(out).expect("JSON is UTF-8")
}
