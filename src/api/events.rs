//! `GET /events`: rcon's events log as Docker's event stream, read and
//! followed by the engine `rcon events` uses (`events::read`).

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;
use futures_util::future::select;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use serde_json::{Map, Value, json};

use super::containers::filter_terms;
use super::server::{Body, Service, query, streaming};
use super::{ApiError, ApiResult};
use crate::events::{Event, EventLog, Filter, ReadOptions};

/// Docker's action for an event rcon records with Podman's name.
fn docker_action(event: &Event) -> &str {
    match (event.kind.as_str(), event.status.as_str()) {
        (_, "died") => "die",
        ("container", "remove") => "destroy",
        ("image", "remove") => "delete",
        (_, "loadfromarchive") => "load",
        (_, status) => status,
    }
}

/// A Docker `event=` filter value as the status rcon records.
fn podman_status(action: &str) -> &str {
    match action {
        "die" => "died",
        "destroy" | "delete" => "remove",
        "load" => "loadfromarchive",
        other => other,
    }
}

/// The event as Docker's `events.Message`.
fn message(event: &Event) -> Value {
    let action = docker_action(event);
    let mut attributes: Map<String, Value> = event
        .attributes
        .iter()
        .flatten()
        .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
        .collect();
    let mut set = |key: &str, value: &str| {
        if !value.is_empty() {
            attributes.insert(key.to_string(), Value::from(value));
        }
    };
    set("name", &event.name);
    set("image", &event.image);
    if event.kind == "network" {
        set("name", &event.network);
    }
    if let Some(code) = event.exit_code {
        set("exitCode", &code.to_string());
    }
    let nanos = event.time.timestamp_nanos_opt().unwrap_or_default();
    let mut message = json!({
        "Type": event.kind,
        "Action": action,
        "Actor": { "ID": if event.id.is_empty() { &event.name } else { &event.id }, "Attributes": attributes },
        "scope": "local",
        "time": event.time.timestamp(),
        "timeNano": nanos,
    });
    // The fields older clients read, which Docker still sends for containers.
    if event.kind == "container" {
        message["status"] = Value::from(action);
        message["id"] = Value::from(event.id.as_str());
        message["from"] = Value::from(event.image.as_str());
    }
    message
}

fn time_parameter(
    query: &HashMap<String, String>,
    name: &str,
) -> ApiResult<Option<chrono::DateTime<chrono::Utc>>> {
    query
        .get(name)
        .filter(|t| !t.is_empty())
        .map(|t| {
            crate::util::time::parse_time(t).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "invalid {name} {t:?}: give Unix seconds or an RFC 3339 time"
                ))
            })
        })
        .transpose()
}

/// Streams the events `since`/`until`/`filters` select as JSON lines: past
/// ones first when a time is given, then new ones until `until` or until
/// the client leaves.
pub fn stream(service: Arc<Service>, request: &Request<Incoming>) -> ApiResult<Response<Body>> {
    let query = query(request);
    let terms: Vec<String> = filter_terms(&query)?
        .into_iter()
        .map(|term| match term.split_once('=') {
            Some(("event" | "status", action)) => format!("event={}", podman_status(action)),
            _ => term,
        })
        .collect();
    let filter = Filter::parse(&terms).map_err(ApiError::bad_request)?;
    let log = EventLog::configured(&service.paths.runroot, service.events_backend)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                crate::events::Error::NoneBackend,
            )
        })?;
    let (hangup, hangup_writer) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    let options = ReadOptions {
        filter,
        since: time_parameter(&query, "since")?,
        until: time_parameter(&query, "until")?,
        stream: true,
        hangup: Some(Arc::new(hangup)),
    };
    let (sender, response) = streaming("application/json");
    let (done, finished) = tokio::sync::oneshot::channel::<()>();
    let watched = sender.clone();
    // The write end closes when the client leaves, which ends a read that
    // waits for events; or when the read ended by itself.
    tokio::spawn(async move {
        select(Box::pin(watched.closed()), finished).await;
        drop(hangup_writer);
    });
    tokio::task::spawn_blocking(move || {
        let read = crate::events::read(&log, &options, |event| {
            let mut line = serde_json::to_vec(&message(event)).expect("JSON serializes");
            line.push(b'\n');
            sender
                .blocking_send(Bytes::from(line))
                .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))
        });
        if let Err(e) = read {
            log::debug!("/events: {e}");
        }
        drop(done);
    });
    Ok(response)
}
