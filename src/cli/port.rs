use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::store::Status;
use crate::network::Protocol;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct PortArgs {
    /// List the ports of every running container, each after its short ID
    #[arg(short, long, conflicts_with = "container")]
    pub all: bool,
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub container: Option<String>,
    /// Only this container port: PORT or PORT/tcp|udp (tcp when not given)
    #[arg(value_name = "PRIVATE_PORT[/PROTO]", requires = "container")]
    pub port: Option<String>,
}

pub fn run(ctx: &Context, args: PortArgs) -> Outcome {
    let wanted = args.port.as_deref().map(parse_port).transpose()?;
    let store = Store::open(&ctx.paths.root)?;
    let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
    let records = match &args.container {
        Some(name) => vec![lifecycle.find(name)?],
        None => lifecycle.containers().list()?,
    };
    let mut out = String::new();
    for record in &records {
        // As Podman: only a running container has its ports published.
        if record.config.ports.is_empty() || lifecycle.state(&record.id)?.status != Status::Running
        {
            continue;
        }
        if args.all {
            out.push_str(&format!("{}\n", &record.id[..12]));
        }
        for mapping in &record.config.ports {
            for (container, host) in mapping.each() {
                match wanted {
                    None => out.push_str(&format!(
                        "{container}/{} -> {}\n",
                        mapping.protocol,
                        mapping.host_address(host)
                    )),
                    Some(want) if want == (container, mapping.protocol) => {
                        println!("{}", mapping.host_address(host));
                        return Ok(0);
                    }
                    Some(_) => {}
                }
            }
        }
    }
    if let Some(port) = &args.port {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!("failed to find published port {port:?}"),
        ));
    }
    print!("{out}");
    Ok(0)
}

/// `80`, `80/tcp` or `53/udp`.
fn parse_port(text: &str) -> Result<(u16, Protocol), Failure> {
    let (port, protocol) = match text.split_once('/') {
        None => (text, Some(Protocol::Tcp)),
        Some((port, "tcp")) => (port, Some(Protocol::Tcp)),
        Some((port, "udp")) => (port, Some(Protocol::Udp)),
        Some((port, _)) => (port, None),
    };
    match (port.parse(), protocol) {
        (Ok(port), Some(protocol)) => Ok((port, protocol)),
        _ => Err(Failure::new(
            EXIT_ENGINE,
            format!("invalid port {text:?}: use PORT or PORT/tcp|udp"),
        )),
    }
}
