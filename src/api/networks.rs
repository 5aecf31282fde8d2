//! `/networks/...`: list, inspect, create, remove, connect and disconnect
//! containers (rcon's user-defined networks).

use std::collections::BTreeMap;
use std::sync::Arc;

use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::server::{Body, Service, blocking, empty, json, json_body};
use super::{ApiError, ApiResult};
use crate::container::lifecycle::Lifecycle;
use crate::container::networks::{self as engine, ConnectOptions, remove_network};
use crate::container::{ContainerRecord, Containers};
use crate::network::store::{CreateOptions, NetworkRecord, Networks};

/// A network in Docker's shape; `containers` its `Containers`.
fn view(network: &NetworkRecord, containers: Value) -> Value {
    let config: Vec<Value> = network
        .subnets
        .iter()
        .map(|s| json!({ "Subnet": s.subnet, "Gateway": s.gateway }))
        .collect();
    json!({
        "Name": network.name,
        "Id": network.id,
        "Created": network.created,
        "Scope": "local",
        "Driver": network.driver,
        "EnableIPv6": network.ipv6_enabled,
        "IPAM": { "Driver": "default", "Options": network.ipam_options, "Config": config },
        "Internal": network.internal,
        "Attachable": false,
        "Ingress": false,
        "Containers": containers,
        "Options": {},
        "Labels": network.labels,
    })
}

fn networks(service: &Service) -> ApiResult<Networks> {
    Networks::open(&service.paths.root)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))
}

/// The network `name` names (name, ID or unique ID prefix), or Docker's 404.
fn find(networks: &Networks, name: &str) -> ApiResult<NetworkRecord> {
    networks
        .get(name)
        .map_err(|_| ApiError::not_found(format!("network {name} not found")))
}

pub async fn list(service: Arc<Service>) -> ApiResult<Response<Body>> {
    let list = blocking(move || {
        networks(&service)?
            .list()
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))
    })
    .await?;
    Ok(json(
        StatusCode::OK,
        // As Docker's: the list leaves the containers out.
        &Value::Array(list.iter().map(|n| view(n, json!({}))).collect()),
    ))
}

pub async fn inspect(service: Arc<Service>, name: &str) -> ApiResult<Response<Body>> {
    let name = name.to_string();
    let (network, members) = blocking(move || {
        let network = find(&networks(&service)?, &name)?;
        let containers = Containers::open(&service.paths.root)?;
        let members = engine::members(&containers, &network.name)?;
        Ok((network, members))
    })
    .await?;
    Ok(json(
        StatusCode::OK,
        &view(&network, endpoints(&network, &members)),
    ))
}

/// `Containers` of a network's inspect, Docker's shape: each member by ID
/// with its name and its address and MAC address there.
fn endpoints(network: &NetworkRecord, members: &[ContainerRecord]) -> Value {
    let endpoints = members.iter().filter_map(|member| {
        let place = member
            .config
            .attachments
            .iter()
            .find(|a| a.network == network.name)?;
        let endpoint = json!({
            "Name": member.name,
            "EndpointID": "",
            "MacAddress": place.mac,
            "IPv4Address": format!("{}/{}", place.address, place.prefix),
            "IPv6Address": "",
        });
        Some((member.id.clone(), endpoint))
    });
    Value::Object(endpoints.collect())
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct CreateBody {
    name: String,
    driver: String,
    internal: bool,
    labels: Option<BTreeMap<String, String>>,
    #[serde(rename = "IPAM")]
    ipam: Option<Ipam>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct Ipam {
    config: Option<Vec<IpamConfig>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct IpamConfig {
    subnet: String,
    gateway: String,
}

pub async fn create(
    service: Arc<Service>,
    request: Request<Incoming>,
) -> ApiResult<Response<Body>> {
    let body: CreateBody = json_body(request).await?;
    if body.name.is_empty() {
        return Err(ApiError::bad_request("Name is required"));
    }
    let ipam = body
        .ipam
        .and_then(|i| i.config)
        .and_then(|c| c.into_iter().next())
        .unwrap_or_default();
    let non_empty = |s: String| Some(s).filter(|s| !s.is_empty());
    let options = CreateOptions {
        name: Some(body.name),
        driver: non_empty(body.driver),
        subnet: non_empty(ipam.subnet),
        gateway: non_empty(ipam.gateway),
        internal: body.internal,
        labels: body.labels.unwrap_or_default(),
    };
    let network = blocking(move || {
        let store = service.store()?;
        let _lock = store.lock()?;
        networks(&service)?.create(&options).map_err(|e| {
            let status = match e {
                crate::network::store::Error::Exists(_) => StatusCode::CONFLICT,
                crate::network::store::Error::Io { .. } => StatusCode::INTERNAL_SERVER_ERROR,
                _ => StatusCode::BAD_REQUEST,
            };
            ApiError::new(status, e)
        })
    })
    .await?;
    Ok(json(
        StatusCode::CREATED,
        &json!({ "Id": network.id, "Warning": "" }),
    ))
}

pub async fn remove(service: Arc<Service>, name: &str) -> ApiResult<Response<Body>> {
    let name = name.to_string();
    blocking(move || {
        let store = service.store()?;
        find(&networks(&service)?, &name)?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        remove_network(&lifecycle, &name, false, None).map_err(|e| match e {
            crate::container::Error::Invalid(message) => {
                ApiError::new(StatusCode::CONFLICT, message)
            }
            e => e.into(),
        })
    })
    .await?;
    Ok(empty(StatusCode::NO_CONTENT))
}

/// Docker's body of `POST /networks/{id}/connect`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct ConnectBody {
    container: String,
    endpoint_config: Option<EndpointConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct EndpointConfig {
    aliases: Option<Vec<String>>,
    mac_address: String,
    #[serde(rename = "IPAMConfig")]
    ipam_config: Option<EndpointIpam>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EndpointIpam {
    #[serde(rename = "IPv4Address")]
    ipv4_address: String,
}

/// Docker's body of `POST /networks/{id}/disconnect` (`Force` changes
/// nothing: a container always leaves at once).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct DisconnectBody {
    container: String,
}

/// `POST /networks/{id}/connect`: the engine's `network connect`.
pub async fn connect(
    service: Arc<Service>,
    request: Request<Incoming>,
    name: &str,
) -> ApiResult<Response<Body>> {
    let body: ConnectBody = json_body(request).await?;
    let endpoint = body.endpoint_config.unwrap_or_default();
    let ip = match endpoint.ipam_config.map(|i| i.ipv4_address) {
        Some(ip) if !ip.is_empty() => Some(ip.parse().map_err(|_| {
            ApiError::bad_request(format!("invalid IPv4Address {ip:?}: use A.B.C.D"))
        })?),
        _ => None,
    };
    let mac = match endpoint.mac_address.as_str() {
        "" => None,
        text => Some(engine::parse_mac(text)?),
    };
    let options = ConnectOptions {
        aliases: endpoint.aliases.unwrap_or_default(),
        ip,
        mac,
    };
    let name = name.to_string();
    blocking(move || {
        let store = service.store()?;
        let network = find(&networks(&service)?, &name)?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        engine::connect(&lifecycle, &network.name, &body.container, &options)?;
        Ok(())
    })
    .await?;
    Ok(empty(StatusCode::OK))
}

/// `POST /networks/{id}/disconnect`: the engine's `network disconnect`.
pub async fn disconnect(
    service: Arc<Service>,
    request: Request<Incoming>,
    name: &str,
) -> ApiResult<Response<Body>> {
    let body: DisconnectBody = json_body(request).await?;
    let name = name.to_string();
    blocking(move || {
        let store = service.store()?;
        let network = find(&networks(&service)?, &name)?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        engine::disconnect(&lifecycle, &network.name, &body.container)?;
        Ok(())
    })
    .await?;
    Ok(empty(StatusCode::OK))
}
