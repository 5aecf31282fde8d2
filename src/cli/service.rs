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
    /// Allow browsers on this origin (`*`: any) to use the API: sent as Access-Control-Allow-Origin
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
    /// Where to listen: unix://PATH, or tcp://HOST:PORT (then anyone on the host can use it) [default: unix://$XDG_RUNTIME_DIR/rcon/rcon.sock; a socket passed by systemd (LISTEN_FDS) wins]
    #[arg(value_name = "URI")]
    pub uri: Option<String>,
}

/// Where `uri` says to listen. Podman's grammar: `unix://PATH` or
/// `unix:PATH`, `tcp://HOST:PORT` or `tcp:HOST:PORT` (a host name is
/// resolved, its first IPv4 address preferred).
fn listen(ctx: &Context, uri: Option<&str>) -> Result<Listen, Failure> {
    let Some(uri) = uri else {
        return Ok(Listen::Unix(ctx.paths.runroot.join("rcon.sock")));
    };
    let (scheme, rest) = split_scheme(uri);
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    match scheme {
        "unix" => Ok(Listen::Unix(std::path::absolute(rest).map_err(|e| {
            Failure::new(
                EXIT_ENGINE,
                format!("{uri}: finding the working directory: {e}"),
            )
        })?)),
        "tcp" => {
            let bad = |why: String| {
                Failure::new(
                    EXIT_ENGINE,
                    format!("{uri}: {why}: give tcp://HOST:PORT, e.g. tcp://127.0.0.1:2375"),
                )
            };
            let addresses: Vec<std::net::SocketAddr> =
                std::net::ToSocketAddrs::to_socket_addrs(rest)
                    .map_err(|e| bad(e.to_string()))?
                    .collect();
            let address = addresses
                .iter()
                .find(|a| a.is_ipv4())
                .or(addresses.first())
                .copied()
                .ok_or_else(|| bad("the host has no address".into()))?;
            log::warn!(
                "listening on {uri} without TLS or authentication: anyone who can reach it (every user of this host, at least) can run containers as you"
            );
            Ok(Listen::Tcp(address))
        }
        _ => Err(Failure::new(
            EXIT_ENGINE,
            format!(
                "API Service endpoint scheme {scheme:?} is not supported. Try tcp://{uri} or unix:/{uri}"
            ),
        )),
    }
}

/// A URI's scheme, as Go's url.Parse reads one (a letter, then letters,
/// digits, `+`, `-`, `.`, up to the first `:`), and the rest; `""` when
/// there is none.
fn split_scheme(uri: &str) -> (&str, &str) {
    match uri.split_once(':') {
        Some((scheme, rest))
            if scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) =>
        {
            (scheme, rest)
        }
        _ => ("", uri),
    }
}

pub fn run(ctx: &Context, args: ServiceArgs) -> Outcome {
    let cors = args
        .cors
        .as_deref()
        .map(|origin| {
            log::debug!("CORS Headers were set to {origin:?}");
            hyper::header::HeaderValue::from_str(origin).map_err(|_| {
                Failure::new(
                    EXIT_ENGINE,
                    format!("--cors {origin:?}: not a valid header value"),
                )
            })
        })
        .transpose()?;
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
        cors,
    })
    .map_err(|e| Failure::new(EXIT_ENGINE, format!("system service: {e}")))?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::split_scheme;

    #[test]
    fn schemes_are_read_as_go_reads_them() {
        assert_eq!(split_scheme("tcp://a:1"), ("tcp", "//a:1"));
        assert_eq!(split_scheme("tcp:localhost:9"), ("tcp", "localhost:9"));
        assert_eq!(split_scheme("localhost:9292"), ("localhost", "9292"));
        assert_eq!(split_scheme("myunix.sock"), ("", "myunix.sock"));
        assert_eq!(split_scheme("127.0.0.1:80"), ("", "127.0.0.1:80"));
    }
}
