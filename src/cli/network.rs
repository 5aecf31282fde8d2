//! `rcon network create|ls|inspect|rm|prune|exists|connect|disconnect|reload`,
//! printing what Podman prints.

use std::collections::BTreeMap;
use std::time::Duration;

use clap::{Args, Subcommand};
use serde_json::json;

use super::report::{self, Report};
use super::template::{GoShape, Struct};
use super::{Context, Failure, Outcome};
use crate::container::lifecycle::Lifecycle;
use crate::container::networks;
use crate::container::store::{ContainerRecord, Status};
use crate::filter::Filter;
use crate::network::store::{self, CreateOptions, NetworkRecord, Networks};
use crate::storage::store::Store;

#[derive(Debug, Subcommand)]
pub enum NetworkVerb {
    /// Put a container on a network, running or not
    Connect(ConnectArgs),
    /// Create a network containers reach each other on by name
    Create(CreateArgs),
    /// Take a container off a network, running or not
    Disconnect(DisconnectArgs),
    /// Exit 0 if the network exists, 1 if not
    Exists(ExistsArgs),
    /// Show networks' details as JSON
    Inspect(InspectArgs),
    /// List networks
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Remove every network no container uses
    Prune(PruneArgs),
    /// Set running containers' networks up again (a helper that died, an interface that went)
    Reload(ReloadArgs),
    /// Remove networks
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The network's name: [a-zA-Z0-9][a-zA-Z0-9_.-]* (default: its bridge's name, rconN)
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    /// Driver: only bridge
    #[arg(short, long, value_name = "DRIVER")]
    pub driver: Option<String>,
    /// The network's IPv4 subnet, A.B.C.D/N (default: the first free 10.89.N.0/24)
    #[arg(long, value_name = "CIDR")]
    pub subnet: Option<String>,
    /// The bridge's address in the subnet (default: its first address)
    #[arg(long, value_name = "IP", requires = "subnet")]
    pub gateway: Option<String>,
    /// No way out: containers on it get no network helper, only each other
    #[arg(long)]
    pub internal: bool,
    /// Set a label on the network (KEY=VALUE or KEY); may be repeated
    #[arg(long = "label", value_name = "KEY=VALUE", value_parser = super::volume::parse_label)]
    pub labels: Vec<(String, String)>,
    /// Succeed without change if the network already exists
    #[arg(long)]
    pub ignore: bool,
}

#[derive(Debug, Args)]
pub struct ConnectArgs {
    /// Another name the network's other containers know it by; may be repeated
    #[arg(long = "alias", value_name = "NAME")]
    pub aliases: Vec<String>,
    /// Its IPv4 address on the network (default: the next free one)
    #[arg(long, value_name = "IP")]
    pub ip: Option<std::net::Ipv4Addr>,
    /// Its MAC address on the network, aa:bb:cc:dd:ee:ff (default: a random one)
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
    #[arg(value_name = "NETWORK")]
    pub network: String,
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

#[derive(Debug, Args)]
pub struct DisconnectArgs {
    /// Accepted for Podman compatibility (a container always leaves at once)
    #[arg(short, long)]
    pub force: bool,
    #[arg(value_name = "NETWORK")]
    pub network: String,
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

#[derive(Debug, Args)]
pub struct ReloadArgs {
    /// Every running container
    #[arg(short, long, conflicts_with = "containers")]
    pub all: bool,
    /// Containers to reload, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExistsArgs {
    #[arg(value_name = "NETWORK")]
    pub network: String,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Networks to inspect, by name or ID prefix
    #[arg(value_name = "NETWORK", required = true)]
    pub networks: Vec<String>,
    /// Format with a Go template (e.g. '{{.Name}} {{.Subnets}}') or `json`
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct LsArgs {
    /// Print only network names
    #[arg(short, long)]
    pub quiet: bool,
    /// Output format: `table`, `json` or a Go template (e.g. '{{.Name}} {{.ID}}')
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Do not truncate network IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the header line
    #[arg(long)]
    pub noheading: bool,
    /// Show only networks matching: name=REGEX, id=PREFIX, driver=bridge, label=KEY[=VALUE]; may be repeated
    #[arg(short, long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Networks to remove, by name or ID prefix
    #[arg(value_name = "NETWORK", required = true)]
    pub networks: Vec<String>,
    /// Also remove the containers on them (stopping running ones)
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait for a container to stop before SIGKILL (with -f)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation (rcon never asks; accepted for Podman compatibility)
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, verb: NetworkVerb) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let networks = Networks::open(store.root())?;
    match verb {
        NetworkVerb::Connect(args) => {
            let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
            let mac = args.mac_address.as_deref().map(networks::parse_mac);
            let options = networks::ConnectOptions {
                aliases: args.aliases,
                ip: args.ip,
                mac: mac.transpose()?,
            };
            networks::connect(&lifecycle, &args.network, &args.container, &options)?;
            Ok(0)
        }
        NetworkVerb::Disconnect(args) => {
            let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
            networks::disconnect(&lifecycle, &args.network, &args.container)?;
            Ok(0)
        }
        NetworkVerb::Reload(args) => reload(&Lifecycle::open(&store, &ctx.paths.runroot)?, args),
        NetworkVerb::Create(args) => create(&store, &networks, args),
        NetworkVerb::Exists(args) => Ok(match networks.get(&args.network) {
            Ok(_) => 0,
            Err(store::Error::NotFound(_)) => 1,
            Err(e) => return Err(e.into()),
        }),
        NetworkVerb::Inspect(args) => inspect(&networks, args),
        NetworkVerb::Ls(args) => ls(&networks, args),
        NetworkVerb::Prune(_) => {
            let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
            for name in networks::prune_networks(&lifecycle)? {
                println!("{name}");
            }
            Ok(0)
        }
        NetworkVerb::Rm(args) => {
            let lifecycle = Lifecycle::open(&store, &ctx.paths.runroot)?;
            let timeout = args.time.map(Duration::from_secs);
            let mut failures = Vec::new();
            for input in &args.networks {
                // As Podman: a network that does not exist is exit code 1, or nothing with -f.
                match networks.get(input) {
                    Err(store::Error::NotFound(_)) if args.force => continue,
                    Err(store::Error::NotFound(_)) => {
                        failures.push(Failure::new(
                            1,
                            format!(
                                "unable to find network with name or ID {input}: network not found"
                            ),
                        ));
                        continue;
                    }
                    _ => {}
                }
                match networks::remove_network(&lifecycle, input, args.force, timeout) {
                    Ok(name) => println!("{name}"),
                    Err(e) => failures.push(e.into()),
                }
            }
            super::report_failures(failures)
        }
    }
}

/// Prints the ID of each container set up again; `--all` takes every
/// running one.
fn reload(lifecycle: &Lifecycle, args: ReloadArgs) -> Outcome {
    let records: Vec<Result<ContainerRecord, crate::container::Error>> = match args.all {
        true => lifecycle
            .list()?
            .into_iter()
            .filter(|(_, state)| state.status == Status::Running)
            .map(|(record, _)| Ok(record))
            .collect(),
        false => args.containers.iter().map(|c| lifecycle.find(c)).collect(),
    };
    let mut failures = Vec::new();
    for record in records {
        match record.and_then(|r| networks::reload(lifecycle, &r).map(|()| r)) {
            Ok(record) => println!("{}", record.id),
            Err(e) => failures.push(e.into()),
        }
    }
    super::report_failures(failures)
}

fn create(store: &Store, networks: &Networks, args: CreateArgs) -> Outcome {
    let labels: BTreeMap<String, String> = args.labels.into_iter().collect();
    let options = CreateOptions {
        name: args.name,
        driver: args.driver,
        subnet: args.subnet,
        gateway: args.gateway,
        internal: args.internal,
        labels,
    };
    let _lock = store.lock()?;
    match networks.create(&options) {
        Ok(network) => println!("{}", network.name),
        Err(store::Error::Exists(name)) if args.ignore => println!("{name}"),
        Err(e) => return Err(e.into()),
    }
    Ok(0)
}

/// A network as Podman's Go templates see it (its Go field names).
const NETWORK_SHAPE: GoShape = GoShape {
    type_name: "types.Network",
    fields: &[],
    maps: &["Labels", "Options", "IPAMOptions"],
    times: &["Created"],
};

fn template_view(network: &NetworkRecord) -> super::template::Value {
    NETWORK_SHAPE.value(&json!({
        "Name": network.name,
        "ID": network.id,
        "Driver": network.driver,
        "NetworkInterface": network.network_interface,
        "Created": network.created,
        "Subnets": network.subnets.iter().map(|s| json!({"Subnet": s.subnet, "Gateway": s.gateway})).collect::<Vec<_>>(),
        "IPv6Enabled": network.ipv6_enabled,
        "Internal": network.internal,
        "DNSEnabled": network.dns_enabled,
        "Labels": network.labels,
        "IPAMOptions": network.ipam_options,
    }))
}

fn print(list: &[NetworkRecord], format: Option<&str>) -> Outcome {
    match format {
        Some(format) if !report::is_json(format) => {
            let report = Report::user("inspect", format)?;
            let data = super::template::Value::list(list.iter().map(template_view).collect());
            print!("{}", report.render(None, &data)?);
        }
        _ => println!("{}", serde_json::to_string_pretty(list)?),
    }
    Ok(0)
}

fn inspect(networks: &Networks, args: InspectArgs) -> Outcome {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for input in &args.networks {
        match networks.get(input) {
            Ok(network) => found.push(network),
            Err(e) => errors.push(e),
        }
    }
    print(&found, args.format.as_deref())?;
    super::report(errors)
}

fn ls(networks: &Networks, args: LsArgs) -> Outcome {
    let filter = Filter::parse("network", store::FILTER_KEYS, &args.filters)?;
    let mut list = networks.list()?;
    list.retain(|n| filter.matches(n));
    list.sort_by(|a, b| a.name.cmp(&b.name));
    if args.quiet {
        for network in &list {
            println!("{}", network.name);
        }
        return Ok(0);
    }
    if args.format.as_deref().is_some_and(report::is_json) {
        return print(&list, Some("json"));
    }
    let report = match args.format.as_deref() {
        Some(format) => Report::user("ls", format)?,
        None => Report::podman("ls", "{{.ID}}\t{{.Name}}\t{{.Driver}}"),
    };
    let rows = super::template::Value::list(
        list.iter()
            .map(|network| {
                let mut row = match template_view(network) {
                    super::template::Value::Struct(s) => (*s).clone(),
                    _ => Struct::new(NETWORK_SHAPE.type_name),
                };
                let id = if args.no_trunc {
                    &network.id[..]
                } else {
                    &network.id[..12]
                };
                let labels: Vec<String> = network
                    .labels
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                for (name, value) in [("ID", id.to_string()), ("Labels", labels.join(","))] {
                    if let Some(field) = row.fields.iter_mut().find(|(n, _)| n == name) {
                        field.1 = value.into();
                    }
                }
                row.into()
            })
            .collect(),
    );
    let headers = (report.is_table() && !args.noheading).then(|| {
        report.headers(
            &[
                "Created",
                "DNSEnabled",
                "IPAMOptions",
                "IPv6Enabled",
                "Internal",
                "NetworkInterface",
                "Options",
                "Subnets",
            ],
            &[
                ("Name", "name"),
                ("Driver", "driver"),
                ("Labels", "labels"),
                ("ID", "network id"),
            ],
        )
    });
    print!("{}", report.render(headers, &rows)?);
    Ok(0)
}
