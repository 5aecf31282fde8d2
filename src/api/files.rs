//! `/containers/{id}/changes` (`docker diff`) and `/containers/{id}/export`.
//! Each runs its verb as a child (`rcon diff --format json ID`, `rcon
//! export ID`), as `archive` runs `rcon cp`: reading a container's files
//! may fork a FUSE server, safe only from a single-threaded process.

use std::io::Read;
use std::process::Stdio;
use std::sync::Arc;

use bytes::Bytes;
use hyper::{Response, StatusCode};
use serde_json::{Value, json};

use super::archive::forward;
use super::child::{self, rcon, spawn_failed};
use super::containers::with_container;
use super::server::{Body, Service, blocking, json, streaming};
use super::{ApiError, ApiResult};

/// The container's full ID, or Docker's 404.
async fn full_id(service: &Arc<Service>, id: &str) -> ApiResult<String> {
    with_container(service, id, |_, record| Ok(record.id)).await
}

fn verb_failed(verb: &str, stderr: &[u8]) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("rcon {verb}: {}", child::message(stderr)),
    )
}

/// `GET /containers/{id}/changes`: `[{"Path", "Kind"}]`, Kind 0 changed,
/// 1 added, 2 deleted.
pub async fn changes(service: Arc<Service>, id: &str) -> ApiResult<Response<Body>> {
    let id = full_id(&service, id).await?;
    let listed: Value = blocking(move || {
        let output = rcon(&service)
            .args(["diff", "--format", "json", &id])
            .output()
            .map_err(|e| spawn_failed("diff", e))?;
        if !output.status.success() {
            return Err(verb_failed("diff", &output.stderr));
        }
        serde_json::from_slice(&output.stdout).map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("reading rcon diff's JSON: {e}"),
            )
        })
    })
    .await?;
    let changes: Vec<Value> = [("changed", 0), ("added", 1), ("deleted", 2)]
        .into_iter()
        .flat_map(|(key, kind)| {
            listed[key]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |path| json!({ "Path": path, "Kind": kind }))
        })
        .collect();
    Ok(json(StatusCode::OK, &Value::from(changes)))
}

/// `GET /containers/{id}/export`: the container's files as a tar stream.
/// A failure before the first bytes is Docker's JSON error; one after
/// cuts the stream short, as Docker's does.
pub async fn export(service: Arc<Service>, id: &str) -> ApiResult<Response<Body>> {
    let id = full_id(&service, id).await?;
    let (child, stdout, first) = blocking(move || {
        let mut child = rcon(&service)
            .args(["export", &id])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| spawn_failed("export", e))?;
        let mut stdout = child.stdout.take().expect("piped");
        let mut first = vec![0u8; 64 * 1024];
        let n = stdout.read(&mut first).unwrap_or(0);
        if n == 0 {
            drop(stdout);
            let output = child
                .wait_with_output()
                .map_err(|e| spawn_failed("export", e))?;
            return Err(verb_failed("export", &output.stderr));
        }
        first.truncate(n);
        Ok((child, stdout, Bytes::from(first)))
    })
    .await?;
    let (sender, response) = streaming("application/x-tar");
    tokio::task::spawn_blocking(move || forward(child, stdout, first, &sender));
    Ok(response)
}
