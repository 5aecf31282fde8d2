use clap::Args;

use super::Outcome;
use super::report::{self, Report};
use super::tabwriter;
use super::template::{GoShape, Struct, Value};
use crate::system::info;

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// json, or a Go template over Podman's fields ('{{.Client.Version}}'); default: text
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

const VERSION_SHAPE: GoShape = GoShape {
    type_name: "*define.Version",
    fields: &[],
    maps: &[],
    times: &[],
};

pub fn run(args: VersionArgs) -> Outcome {
    let version = info::version();
    let json = serde_json::to_value(&version)?;
    match args.format.as_deref() {
        Some(format) if report::is_json(format) => {
            println!("{}", serde_json::json!({ "Client": json, "Server": json }));
        }
        Some(format) => {
            // rcon is its own engine: the client and the server are one.
            let one = VERSION_SHAPE.value(&json);
            let both: Value = Struct::new("*entities.SystemVersionReport")
                .with("Client", one.clone())
                .with("Server", one.clone())
                .into();
            let report = Report::single("version", format)?;
            match report.render(None, &both) {
                Ok(text) => print!("{text}"),
                // As Podman: an old template without `.Client`/`.Server` reads the version itself.
                Err(_) => {
                    let report = Report::single("version", &format.replace(".Server.", "."))?;
                    print!("{}", report.render(None, &one)?);
                }
            }
        }
        None => print!(
            "{}",
            tabwriter::align(&format!(
                "Version:\t{}\nAPI Version:\t{}\nBuilt:\t{}\nOS/Arch:\t{}\n",
                version.version, version.api_version, version.built_time, version.os_arch
            ))
        ),
    }
    Ok(0)
}
