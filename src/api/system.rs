//! `_ping`, `version`, `info`.

use std::sync::Arc;

use hyper::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue, PRAGMA};
use hyper::{Method, Response, StatusCode};
use serde_json::json;

use super::server::{Body, Service, blocking, empty, full, json};
use super::{API_VERSION, ApiResult, MIN_API_VERSION};
use crate::container::lifecycle::Lifecycle;
use crate::container::store::Status;

/// `GET`/`HEAD /_ping`: "OK", and the API version the client negotiates from.
pub fn ping(method: &Method) -> Response<Body> {
    let mut response = if method == Method::HEAD {
        empty(StatusCode::OK)
    } else {
        Response::new(full("OK"))
    };
    let headers = response.headers_mut();
    headers.insert("Api-Version", HeaderValue::from_static(API_VERSION));
    headers.insert("Docker-Experimental", HeaderValue::from_static("false"));
    headers.insert("OSType", HeaderValue::from_static("linux"));
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("no-cache, no-store, must-revalidate"),
    );
    headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn kernel_release() -> String {
    nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Docker's architecture names (Go's GOARCH).
fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    }
}

pub fn version() -> Response<Body> {
    let version = env!("CARGO_PKG_VERSION");
    json(
        StatusCode::OK,
        &json!({
            "Platform": { "Name": "rcon" },
            "Components": [{
                "Name": "Engine",
                "Version": version,
                "Details": {
                    "APIVersion": API_VERSION,
                    "MinAPIVersion": MIN_API_VERSION,
                    "Os": "linux",
                    "Arch": go_arch(),
                    "KernelVersion": kernel_release(),
                },
            }],
            "Version": version,
            "ApiVersion": API_VERSION,
            "MinAPIVersion": MIN_API_VERSION,
            "GitCommit": "",
            "GoVersion": "",
            "Os": "linux",
            "Arch": go_arch(),
            "KernelVersion": kernel_release(),
            "BuildTime": "",
        }),
    )
}

pub async fn info(service: Arc<Service>) -> ApiResult<Response<Body>> {
    let paths = service.paths.clone();
    let (containers, images) = blocking(move || {
        let store = service.store()?;
        let lifecycle = Lifecycle::open(&store, &paths.runroot)?;
        let states: Vec<Status> = lifecycle
            .list()?
            .into_iter()
            .map(|(_, s)| s.status)
            .collect();
        Ok((states, store.images()?.len()))
    })
    .await?;
    let running = containers.iter().filter(|s| **s == Status::Running).count();
    let hostname = nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(json(
        StatusCode::OK,
        &json!({
            "ID": "",
            "Containers": containers.len(),
            "ContainersRunning": running,
            "ContainersPaused": 0,
            "ContainersStopped": containers.len() - running,
            "Images": images,
            "Driver": "",
            "DriverStatus": [],
            "Plugins": { "Volume": ["local"], "Network": ["bridge"], "Authorization": null, "Log": ["k8s-file"] },
            "MemoryLimit": false,
            "SwapLimit": false,
            "NCPU": std::thread::available_parallelism().map_or(1, |n| n.get()),
            "Name": hostname,
            "ServerVersion": env!("CARGO_PKG_VERSION"),
            "OperatingSystem": "linux",
            "OSType": "linux",
            "Architecture": std::env::consts::ARCH,
            "KernelVersion": kernel_release(),
            "SecurityOptions": ["name=seccomp,profile=default", "name=rootless"],
            "CgroupDriver": "none",
            "Runtimes": {},
            "RegistryConfig": { "IndexConfigs": {}, "InsecureRegistryCIDRs": ["127.0.0.0/8"] },
            "Warnings": [],
        }),
    ))
}

/// An RFC 3339 time as Unix seconds (0 when unreadable).
fn unix_seconds(time: Option<&str>) -> i64 {
    time.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map_or(0, |t| t.timestamp())
}

/// `GET /system/df`: [`crate::system::df::disk_usage`] (what `rcon system
/// df` shows) in Docker's shape.
pub async fn disk_usage(service: Arc<Service>) -> ApiResult<Response<Body>> {
    let usage = blocking(move || {
        let store = service.store()?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        let volumes = crate::storage::volume::VolumeStore::open(&store)?;
        let usage = crate::system::df::disk_usage(&lifecycle, &volumes)?;
        Ok((usage, volumes.list()?))
    })
    .await;
    let (usage, volumes) = usage?;
    let images: Vec<_> = usage
        .images
        .iter()
        .map(|i| {
            let tags: Vec<String> = if i.repository == "<none>" {
                Vec::new()
            } else {
                vec![format!("{}:{}", i.repository, i.tag)]
            };
            json!({
                "Id": format!("sha256:{}", i.id),
                "ParentId": "",
                "RepoTags": tags,
                "RepoDigests": [],
                "Created": unix_seconds(i.created.as_deref()),
                "Size": i.size,
                "SharedSize": -1,
                "VirtualSize": i.size,
                "Labels": {},
                "Containers": i.containers,
            })
        })
        .collect();
    let containers: Vec<_> = usage
        .containers
        .iter()
        .map(|c| {
            json!({
                "Id": c.id,
                "Names": [format!("/{}", c.name)],
                "Image": c.image_id,
                "ImageID": format!("sha256:{}", c.image_id),
                "Command": c.command.join(" "),
                "Created": unix_seconds(Some(&c.created)),
                "State": c.status,
                "Status": c.status,
                "SizeRw": c.size,
                "Labels": {},
                "Mounts": [],
            })
        })
        .collect();
    let volumes: Vec<_> = usage
        .volumes
        .iter()
        .filter_map(|u| {
            let v = volumes.iter().find(|v| v.name == u.name)?;
            let mut view = super::volumes::view(v);
            view["UsageData"] = json!({ "Size": u.size, "RefCount": u.links });
            Some(view)
        })
        .collect();
    let layers: u64 = usage.images.iter().map(|i| i.size).sum();
    Ok(json(
        StatusCode::OK,
        &json!({
            "LayersSize": layers,
            "Images": images,
            "Containers": containers,
            "Volumes": volumes,
            "BuildCache": [],
        }),
    ))
}
