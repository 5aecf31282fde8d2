//! `/volumes/...`: create, list, inspect, remove.

use std::collections::BTreeMap;
use std::sync::Arc;

use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::ApiResult;
use super::server::{Body, Service, blocking, empty, json, json_body};
use crate::container::Containers;
use crate::storage::volume::{Volume, VolumeStore};

/// A volume in Docker's shape.
pub(super) fn view(volume: &Volume) -> Value {
    json!({
        "Name": volume.name,
        "Driver": volume.driver,
        "Mountpoint": volume.mountpoint,
        "CreatedAt": volume.created_at,
        "Labels": volume.labels,
        "Scope": "local",
        "Options": volume.options,
    })
}

fn volumes(service: &Service) -> ApiResult<VolumeStore> {
    Ok(VolumeStore::open(&service.store()?)?)
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct CreateBody {
    name: String,
    driver: String,
    labels: Option<BTreeMap<String, String>>,
}

pub async fn create(
    service: Arc<Service>,
    request: Request<Incoming>,
) -> ApiResult<Response<Body>> {
    let body: CreateBody = json_body(request).await?;
    if !matches!(body.driver.as_str(), "" | "local") {
        return Err(super::ApiError::bad_request(format!(
            "volume driver {:?} is not supported: rcon's volumes are local",
            body.driver
        )));
    }
    let volume = blocking(move || {
        let name = Some(body.name.as_str()).filter(|n| !n.is_empty());
        Ok(volumes(&service)?.create(name, body.labels.unwrap_or_default(), false)?)
    })
    .await?;
    Ok(json(StatusCode::CREATED, &view(&volume)))
}

pub async fn list(service: Arc<Service>) -> ApiResult<Response<Body>> {
    let list = blocking(move || Ok(volumes(&service)?.list()?)).await?;
    Ok(json(
        StatusCode::OK,
        &json!({ "Volumes": list.iter().map(view).collect::<Vec<_>>(), "Warnings": [] }),
    ))
}

pub async fn inspect(service: Arc<Service>, name: &str) -> ApiResult<Response<Body>> {
    let name = name.to_string();
    let volume = blocking(move || Ok(volumes(&service)?.get(&name)?)).await?;
    Ok(json(StatusCode::OK, &view(&volume)))
}

pub async fn remove(service: Arc<Service>, name: &str) -> ApiResult<Response<Body>> {
    let name = name.to_string();
    blocking(move || {
        let store = service.store()?;
        let volumes = VolumeStore::open(&store)?;
        let containers = Containers::open(store.root())?;
        // An unreadable container record counts as using it: never remove on doubt.
        let in_use = |name: &str| containers.uses_volume(name).unwrap_or(true);
        Ok(volumes.remove(&store.lock()?, &name, &in_use)?)
    })
    .await?;
    Ok(empty(StatusCode::NO_CONTENT))
}
