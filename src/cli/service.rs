//! `rcon system service`: the Docker Engine API on a socket (`crate::api`).

use std::time::Duration;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::api::{Listen, ServiceOptions};
use crate::storage::store::Store;
use crate::userns::Namespace;

#[derive(Debug, Args)]
pub struct ServiceArgs {
    /// Seconds without a connection before the service exits; 0 serves forever
    #[arg(short, long, value_name = "SECONDS", default_value_t = 5)]
    pub time: u64,
    /// Where to listen: unix://PATH, or tcp://127.0.0.1:PORT (then anyone on the host can use it) [default: unix://$XDG_RUNTIME_DIR/rcon/rcon.sock; a socket passed by systemd (LISTEN_FDS) wins]
    #[arg(value_name = "URI")]
    pub uri: Option<String>,
}

fn listen(ctx: &Context, uri: Option<&str>) -> Result<Listen, Failure> {
    let Some(uri) = uri else {
        return Ok(Listen::Unix(ctx.paths.runroot.join("rcon.sock")));
    };
    if let Some(path) = uri.strip_prefix("unix://") {
        return Ok(Listen::Unix(std::path::absolute(path).map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!("{uri}: finding the working directory: {e}"),
            )
        })?));
    }
    if let Some(address) = uri.strip_prefix("tcp://") {
        let address = address.parse().map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!("{uri}: {e}: give tcp://IP:PORT, e.g. tcp://127.0.0.1:2375"),
            )
        })?;
        log::warn!(
            "listening on {uri} without TLS or authentication: anyone who can reach it (every user of this host, at least) can run containers as you"
        );
        return Ok(Listen::Tcp(address));
    }
    Err(Failure::new(
        EXIT_ENGINE,
        format!("{uri}: unsupported URI: use unix://PATH or tcp://IP:PORT"),
    ))
}

pub fn run(ctx: &Context, args: ServiceArgs) -> Outcome {
    let listen = match Listen::from_systemd() {
        Some(inherited) => inherited,
        None => listen(ctx, args.uri.as_deref())?,
    };
    // Before any thread: the namespace is joined once, for every request.
    let namespace = ctx.enter_namespace()?;
    // The storage driver's first choice may fork a probe: made here, while
    // single-threaded, for every request.
    let store = Store::open(&ctx.paths.root)?;
    let storage_driver =
        crate::storage::driver::choose(store.root(), ctx.storage_driver, ctx.single)?.driver;
    drop(store);
    crate::api::serve(ServiceOptions {
        listen,
        idle: (args.time > 0).then(|| Duration::from_secs(args.time)),
        paths: ctx.paths.clone(),
        squash_owners: matches!(
            namespace,
            Namespace::Joined {
                single: Some(_),
                ..
            }
        ),
        storage_driver,
        events_backend: ctx.events_backend,
    })
    .map_err(|e| Failure::new(EXIT_ENGINE, format!("system service: {e}")))?;
    Ok(0)
}
