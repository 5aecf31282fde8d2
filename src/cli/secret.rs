//! `rcon secret create|exists|inspect|ls|rm`, printing what Podman prints.

use std::io::Read;

use clap::{Args, Subcommand};

use super::report::{self, Report};
use super::template::{GoShape, Struct, Value};
use super::volume::parse_label;
use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::filter::Filter;
use crate::secret::{self, NewSecret, Secret, SecretStore};

#[derive(Debug, Subcommand)]
pub enum SecretVerb {
    /// Create a secret from a file, or - for stdin (with --env: from an environment variable)
    Create(CreateArgs),
    /// Exit 0 if the secret exists, 1 if not
    Exists(ExistsArgs),
    /// Show secrets' details (never their data) as JSON, or through --format
    Inspect(InspectArgs),
    /// List secrets
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Remove secrets
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The secret's name: up to 64 of [a-zA-Z0-9_.-], alphanumeric at both ends
    #[arg(value_name = "NAME")]
    pub name: String,
    /// A file holding the data, - for stdin, or with --env an environment variable's name
    #[arg(value_name = "FILE|-")]
    pub source: String,
    /// The secret driver (only file: the data in a file of the user's store)
    #[arg(short, long, value_name = "DRIVER")]
    pub driver: Option<String>,
    /// Driver options, KEY=VALUE[,KEY=VALUE…]
    #[arg(long, value_name = "KEY=VALUE", value_delimiter = ',', value_parser = parse_label)]
    pub driver_opts: Vec<(String, String)>,
    /// Read the data from the environment variable named in place of FILE
    #[arg(long)]
    pub env: bool,
    /// Set a label on the secret (KEY=VALUE or KEY); may be repeated
    #[arg(short, long = "label", value_name = "KEY=VALUE", value_parser = parse_label)]
    pub labels: Vec<(String, String)>,
    /// Replace the data of an existing secret of that name (keeping its ID)
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args)]
pub struct ExistsArgs {
    /// The secret, by name or ID
    #[arg(value_name = "SECRET")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Secrets to inspect, by name or ID
    #[arg(value_name = "SECRET", required = true)]
    pub names: Vec<String>,
    /// json, or a Go template applied to each secret ('{{.Spec.Name}}')
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Print in a human-readable form
    #[arg(long, conflicts_with = "format")]
    pub pretty: bool,
}

#[derive(Debug, Args)]
pub struct LsArgs {
    /// Show only secrets matching: name=REGEX, id=PREFIX, label=KEY[=VALUE]; may be repeated
    #[arg(short, long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
    /// json, a Go template ('{{.Name}}') or a table ('table {{.ID}} {{.Name}}')
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Do not print the header line
    #[arg(long)]
    pub noheading: bool,
    /// Print only secret IDs
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Secrets to remove, by name or ID
    #[arg(value_name = "SECRET", required_unless_present = "all")]
    pub names: Vec<String>,
    /// Remove every secret
    #[arg(short, long, conflicts_with = "names")]
    pub all: bool,
    /// Do not fail on secrets that do not exist
    #[arg(short, long)]
    pub ignore: bool,
}

/// Secret inspect JSON as Podman's `entities.SecretInfoReport`.
const SECRET_SHAPE: GoShape = GoShape {
    type_name: "*entities.SecretInfoReport",
    fields: &[],
    maps: &["Spec.Driver.Options", "Spec.Labels"],
    times: &["CreatedAt", "UpdatedAt"],
};

pub fn run(ctx: &Context, verb: SecretVerb) -> Outcome {
    let secrets = SecretStore::open(&ctx.paths.root)?;
    match verb {
        SecretVerb::Create(args) => create(&secrets, args),
        SecretVerb::Exists(args) => match secrets.get(&args.name) {
            Ok(_) => Ok(0),
            Err(secret::Error::NotFound(_)) => Ok(1),
            Err(e) => Err(e.into()),
        },
        SecretVerb::Inspect(args) => inspect(&secrets, args),
        SecretVerb::Ls(args) => ls(&secrets, args),
        SecretVerb::Rm(args) => rm(&secrets, args),
    }
}

fn create(secrets: &SecretStore, args: CreateArgs) -> Outcome {
    // The data never passes through argv: a file, stdin or a variable's name.
    let data = if args.env {
        std::env::var_os(&args.source)
            .map(std::os::unix::ffi::OsStringExt::into_vec)
            .ok_or_else(|| {
                Failure::new(
                    EXIT_ENGINE,
                    format!(
                        "cannot create store secret data: environment variable {} is not set",
                        args.source
                    ),
                )
            })?
    } else if args.source == "-" {
        let mut data = Vec::new();
        // One byte past the limit is enough to refuse it.
        std::io::stdin()
            .take(secret::MAX_SIZE as u64 + 1)
            .read_to_end(&mut data)
            .map_err(|e| {
                Failure::new(EXIT_ENGINE, format!("reading the secret from stdin: {e}"))
            })?;
        data
    } else {
        let path = std::path::Path::new(&args.source);
        let file = std::fs::File::open(path)
            .map_err(|e| Failure::new(EXIT_ENGINE, format!("open {}: {e}", args.source)))?;
        let mut data = Vec::new();
        file.take(secret::MAX_SIZE as u64 + 1)
            .read_to_end(&mut data)
            .map_err(|e| Failure::new(EXIT_ENGINE, format!("reading {}: {e}", args.source)))?;
        data
    };
    let new = NewSecret {
        name: args.name,
        driver: args.driver,
        driver_options: args.driver_opts.into_iter().collect(),
        labels: args.labels.into_iter().collect(),
        replace: args.replace,
    };
    println!("{}", secrets.create(new, &data)?.id);
    Ok(0)
}

fn template_value(secret: &Secret) -> Result<Value, serde_json::Error> {
    Ok(SECRET_SHAPE.value(&serde_json::to_value(secret)?))
}

fn inspect(secrets: &SecretStore, args: InspectArgs) -> Outcome {
    let report = match args.format.as_deref() {
        Some(format) if !report::is_json(format) => Some(Report::user("inspect", format)?),
        _ => None,
    };
    let mut found = Vec::new();
    let mut failures = Vec::new();
    for name in &args.names {
        match secrets.get(name) {
            Ok(secret) => found.push(secret),
            Err(e @ secret::Error::NotFound(_)) => {
                failures.push(Failure::new(EXIT_ENGINE, format!("inspecting secret: {e}")));
            }
            Err(e) => failures.push(e.into()),
        }
    }
    if args.pretty {
        for secret in &found {
            print!("{}", pretty(secret));
        }
    } else if let Some(report) = report {
        let list = found
            .iter()
            .map(template_value)
            .collect::<Result<Vec<_>, _>>()?;
        print!("{}", report.render(None, &Value::list(list))?);
    } else {
        println!("{}", serde_json::to_string_pretty(&found)?);
    }
    super::report_failures(failures)
}

/// `--pretty`: Podman's labelled lines.
fn pretty(secret: &Secret) -> String {
    let time = |t: &str| Value::time(Some(t)).to_string();
    format!(
        "ID:              {}\nName:              {}\nDriver:            {}\nCreated at:        {}\nUpdated at:        {}\n",
        secret.id,
        secret.name(),
        secret.spec.driver.name,
        time(&secret.created_at),
        time(&secret.updated_at),
    )
}

fn ls(secrets: &SecretStore, args: LsArgs) -> Outcome {
    let filter = Filter::parse("secret", secret::FILTER_KEYS, &args.filters)?;
    let mut list = secrets.list()?;
    list.retain(|s| filter.matches(s));
    if args.format.as_deref().is_some_and(report::is_json) {
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(0);
    }
    let report = match (args.format.as_deref(), args.quiet) {
        (Some(format), _) => Report::user("ls", format)?,
        (None, true) => Report::user("ls", "{{.ID}}\n")?,
        (None, false) => Report::podman(
            "ls",
            "{{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}",
        ),
    };
    let headers = (report.is_table() && !args.noheading && !args.quiet).then(|| {
        report.headers(
            &["ID", "Name", "Driver"],
            &[("CreatedAt", "CREATED"), ("UpdatedAt", "UPDATED")],
        )
    });
    // Podman's list report: times in words.
    let rows = list
        .iter()
        .map(|s| {
            Value::from(
                Struct::new("entities.SecretListReport")
                    .with("ID", s.id.as_str())
                    .with("Name", s.name())
                    .with("Driver", s.spec.driver.name.as_str())
                    .with("CreatedAt", super::human::ago(Some(&s.created_at)))
                    .with("UpdatedAt", super::human::ago(Some(&s.updated_at)))
                    .with("Labels", Value::string_map(&s.spec.labels)),
            )
        })
        .collect();
    print!("{}", report.render(headers, &Value::list(rows))?);
    Ok(0)
}

fn rm(secrets: &SecretStore, args: RmArgs) -> Outcome {
    let names = if args.all {
        secrets.list()?.into_iter().map(|s| s.id).collect()
    } else {
        args.names
    };
    let mut failures = Vec::new();
    for name in &names {
        match secrets.remove(name) {
            Ok(secret) => println!("{}", secret.id),
            Err(secret::Error::NotFound(_)) if args.ignore => {}
            Err(e) => failures.push(Failure::from(e)),
        }
    }
    super::report_failures(failures)
}
