//! `/images/...`: create (pull, with progress as JSON lines), list,
//! inspect, history, tag, remove; push, save and load are in `transfer`.

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{Value, json};

use super::server::{Body, Service, blocking, flag, json, query, streaming};
use super::transfer;
use super::{ApiError, ApiResult};
use crate::container::lifecycle::Lifecycle;
use crate::image::{self, PullOptions, Reference};
use crate::storage::store::ImageRecord;

pub async fn route(
    service: Arc<Service>,
    request: Request<Incoming>,
    method: &Method,
    rest: &[&str],
) -> ApiResult<Response<Body>> {
    let query = query(&request);
    // Image names hold slashes: /images/127.0.0.1:5000/a/b:tag/json.
    let (name, action) = match rest.split_last() {
        Some((&action @ ("json" | "tag" | "history" | "push" | "get"), name)) => {
            (name.join("/"), action)
        }
        _ => (rest.join("/"), ""),
    };
    match (method, name.as_str(), action) {
        (&Method::POST, "create", "") => create(service, query).await,
        (&Method::GET, "", "json") => list(service).await,
        (&Method::GET, _, "json") => inspect(service, name).await,
        (&Method::GET, _, "history") => history(service, name).await,
        (&Method::POST, _, "tag") => tag(service, name, query).await,
        (&Method::POST, _, "push") => transfer::push(service, request, name, query).await,
        (&Method::GET, "", "get") => {
            let names = form_urlencoded::parse(request.uri().query().unwrap_or("").as_bytes())
                .filter(|(key, _)| key == "names")
                .map(|(_, value)| value.into_owned())
                .collect();
            transfer::save(service, names).await
        }
        (&Method::GET, _, "get") => transfer::save(service, vec![name]).await,
        (&Method::POST, "load", "") => transfer::load(service, request).await,
        (&Method::DELETE, _, "") if !name.is_empty() => remove(service, name, query).await,
        _ => Err(ApiError::not_found(format!(
            "page not found: {method} /images/{}",
            rest.join("/")
        ))),
    }
}

/// Docker's daemon treats registries on loopback addresses as insecure
/// (plain HTTP allowed); so does the service, for pulls it makes.
pub fn tls_verify_for(name: &str) -> Option<bool> {
    let reference = Reference::parse(name).ok()?;
    let host = reference.registry()?;
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    loopback.then_some(false)
}

/// One of Docker's JSON progress lines.
pub(super) fn line(value: Value) -> Bytes {
    let mut bytes = serde_json::to_vec(&value).expect("serialisable");
    bytes.push(b'\n');
    Bytes::from(bytes)
}

/// `POST /images/create?fromImage=NAME&tag=TAG`: a pull, reported as
/// Docker's progress lines (an error as the last line, as Docker does once
/// the stream began).
async fn create(
    service: Arc<Service>,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let Some(from) = query.get("fromImage").filter(|f| !f.is_empty()) else {
        return Err(ApiError::bad_request(
            "only pulls are supported: give fromImage (importing with fromSrc is not)",
        ));
    };
    let name = match query.get("tag").map(String::as_str) {
        None | Some("") => from.clone(),
        Some(digest) if digest.starts_with("sha256:") => format!("{from}@{digest}"),
        Some(tag) => format!("{from}:{tag}"),
    };
    let options = PullOptions {
        platform: query.get("platform").filter(|p| !p.is_empty()).cloned(),
        tls_verify: tls_verify_for(&name),
        squash_owners: service.squash_owners,
        quiet: true,
        auth_files: None,
    };
    let (sender, response) = streaming("application/json");
    tokio::spawn(async move {
        let _ = sender
            .send(line(json!({ "status": format!("Pulling {name}") })))
            .await;
        let pulled = {
            let name = name.clone();
            blocking(move || Ok(image::pull_image(&service.store()?, &name, &options)?)).await
        };
        let lines = match pulled {
            Ok(image) => vec![
                json!({ "status": format!("Digest: {}", image.digest) }),
                json!({ "status": format!("Status: Downloaded newer image for {name}") }),
            ],
            Err(e) => vec![json!({ "errorDetail": { "message": e.message }, "error": e.message })],
        };
        for value in lines {
            let _ = sender.send(line(value)).await;
        }
    });
    Ok(response)
}

fn unix_time(time: Option<&str>) -> i64 {
    time.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map_or(0, |t| t.timestamp())
}

fn summary(image: &ImageRecord) -> Value {
    json!({
        "Id": format!("sha256:{}", image.id),
        "ParentId": "",
        "RepoTags": image.names,
        "RepoDigests": image.repo_digests,
        "Created": unix_time(image.created.as_deref()),
        "Size": image.size,
        "SharedSize": -1,
        "VirtualSize": image.size,
        "Labels": {},
        "Containers": -1,
    })
}

async fn list(service: Arc<Service>) -> ApiResult<Response<Body>> {
    let images = blocking(move || Ok(service.store()?.images()?)).await?;
    Ok(json(
        StatusCode::OK,
        &Value::Array(images.iter().map(summary).collect()),
    ))
}

/// The image `name` names, or Docker's 404.
pub(super) fn lookup(store: &crate::storage::store::Store, name: &str) -> ApiResult<ImageRecord> {
    image::lookup(store, name).map_err(|e| match ApiError::from(e) {
        e if e.status == StatusCode::NOT_FOUND => {
            ApiError::not_found(format!("No such image: {name}"))
        }
        e => e,
    })
}

async fn inspect(service: Arc<Service>, name: String) -> ApiResult<Response<Body>> {
    let value = blocking(move || {
        let store = service.store()?;
        let found = lookup(&store, &name)?;
        let mut value = image::inspect(&store, &found)?;
        value["Id"] = json!(format!("sha256:{}", found.id));
        value["Created"] = json!(found.created.clone().unwrap_or_default());
        Ok(value)
    })
    .await?;
    Ok(json(StatusCode::OK, &value))
}

/// `GET /images/{name}/history`: `rcon image history`'s steps, newest first.
async fn history(service: Arc<Service>, name: String) -> ApiResult<Response<Body>> {
    let steps = blocking(move || {
        let store = service.store()?;
        let found = lookup(&store, &name)?;
        Ok(image::history::history(&store, &found)?)
    })
    .await?;
    let steps: Vec<Value> = steps
        .iter()
        .map(|step| {
            json!({
                "Id": match step.id.as_str() {
                    "<missing>" => step.id.clone(),
                    id => format!("sha256:{id}"),
                },
                "Created": unix_time(step.created.as_deref()),
                "CreatedBy": step.created_by,
                "Tags": (!step.tags.is_empty()).then_some(&step.tags),
                "Size": step.size,
                "Comment": step.comment,
            })
        })
        .collect();
    Ok(json(StatusCode::OK, &Value::Array(steps)))
}

async fn tag(
    service: Arc<Service>,
    name: String,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let Some(repo) = query.get("repo").filter(|r| !r.is_empty()) else {
        return Err(ApiError::bad_request("repo is required"));
    };
    let target = match query.get("tag").filter(|t| !t.is_empty()) {
        Some(tag) => format!("{repo}:{tag}"),
        None => repo.clone(),
    };
    blocking(move || {
        let store = service.store()?;
        lookup(&store, &name)?;
        Ok(image::tag(&store, &name, &target)?)
    })
    .await?;
    Ok(json(StatusCode::CREATED, &Value::Null))
}

/// `DELETE /images/{name}`: as `rcon rmi`; one a container uses only with
/// `force` (the containers are removed first).
async fn remove(
    service: Arc<Service>,
    name: String,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let force = flag(&query, "force");
    let removal = blocking(move || {
        let store = service.store()?;
        let found = lookup(&store, &name)?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        let users = lifecycle.containers().using_image(&found.id)?;
        if let Some(user) = users.first() {
            if !force {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    format!(
                        "conflict: unable to remove image {name}: container {} is using it",
                        &user.id[..12]
                    ),
                ));
            }
            lifecycle.remove_image_users(&found.id)?;
        }
        Ok(image::remove(&store, &name, force)?)
    })
    .await?;
    let mut report: Vec<Value> = removal
        .untagged
        .iter()
        .map(|n| json!({ "Untagged": n }))
        .collect();
    report.extend(
        removal
            .deleted
            .map(|id| json!({ "Deleted": format!("sha256:{id}") })),
    );
    Ok(json(StatusCode::OK, &Value::Array(report)))
}
