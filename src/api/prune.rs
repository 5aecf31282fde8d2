//! `POST /{containers,images,volumes,networks}/prune`: the engine's prunes
//! (those of `rcon container|image|volume|network prune`) with Docker's
//! answers. `filters` are taken as far as those prunes judge them; any
//! other is refused before anything is removed.

use std::collections::HashMap;
use std::sync::Arc;

use hyper::{Response, StatusCode};
use serde_json::json;

use super::containers::filter_terms;
use super::server::{Body, Service, blocking, json};
use super::{ApiError, ApiResult};
use crate::container::Containers;
use crate::container::filter::PruneFilter;
use crate::container::lifecycle::Lifecycle;
use crate::storage::volume::{self, VolumeStore};
use crate::system::df::tree_size;

/// The filter terms, refused if any is not one of `known` (as `key=value`).
fn only_terms(query: &HashMap<String, String>, known: &[&str]) -> ApiResult<Vec<String>> {
    let terms = filter_terms(query)?;
    match terms.iter().find(|t| !known.contains(&t.as_str())) {
        Some(term) => Err(ApiError::bad_request(format!(
            "invalid filter {term:?}: rcon's prune here takes {}",
            if known.is_empty() {
                "no filters".to_string()
            } else {
                known.join(", ")
            }
        ))),
        None => Ok(terms),
    }
}

/// A prune that takes no filters and works through the containers'
/// lifecycle; what it removed.
async fn unfiltered(
    service: Arc<Service>,
    query: &HashMap<String, String>,
    prune: fn(&Lifecycle) -> Result<Vec<String>, crate::container::Error>,
) -> ApiResult<Vec<String>> {
    only_terms(query, &[])?;
    blocking(move || {
        let store = service.store()?;
        Ok(prune(&Lifecycle::open(&store, &service.paths.runroot)?)?)
    })
    .await
}

/// Every container that does not run, or those the filters (`label=`,
/// `label!=`, `until=`) select, as `rcon container prune --filter`.
pub async fn containers(
    service: Arc<Service>,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let filters = filter_terms(&query)?
        .iter()
        .map(|term| PruneFilter::parse(term))
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::bad_request)?;
    let removed = blocking(move || {
        let store = service.store()?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        Ok(lifecycle.prune(|record| filters.iter().all(|f| f.matches(record)))?)
    })
    .await?;
    // The writable layers are gone with the containers: not measured.
    Ok(json(
        StatusCode::OK,
        &json!({ "ContainersDeleted": removed, "SpaceReclaimed": 0 }),
    ))
}

/// Images no container uses: those without names (`dangling=true`, what
/// `docker image prune` and `docker system prune` ask), or every one
/// (`dangling=false`, `docker image prune -a`).
pub async fn images(
    service: Arc<Service>,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let terms = only_terms(
        &query,
        &[
            "dangling=true",
            "dangling=1",
            "dangling=false",
            "dangling=0",
        ],
    )?;
    let all = terms
        .iter()
        .any(|t| t.ends_with("false") || t.ends_with('0'));
    let (removed, space) = blocking(move || {
        let store = service.store()?;
        let containers = Containers::open(store.root())?;
        // Containers are created under the store lock: none can appear on
        // an image between this look and its removal.
        let lock = store.lock()?;
        let in_use = containers.image_ids()?;
        let sizes: HashMap<String, u64> = store
            .images()?
            .into_iter()
            .map(|i| (i.id, i.size))
            .collect();
        let removed = crate::image::prune(&store, &lock, all, &in_use)?;
        let space: u64 = removed.iter().filter_map(|id| sizes.get(id)).sum();
        Ok((removed, space))
    })
    .await?;
    let deleted: Vec<_> = removed.iter().map(|id| json!({ "Deleted": id })).collect();
    Ok(json(
        StatusCode::OK,
        &json!({ "ImagesDeleted": deleted, "SpaceReclaimed": space }),
    ))
}

/// Volumes no container uses: anonymous ones only, unless `all=true`
/// (Docker's rule since API 1.42); `label` and `driver` filters as
/// `rcon volume prune --filter` takes them.
pub async fn volumes(
    service: Arc<Service>,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let (all, terms): (Vec<String>, Vec<String>) = filter_terms(&query)?
        .into_iter()
        .partition(|t| t.starts_with("all="));
    let all = all
        .iter()
        .any(|t| matches!(t.as_str(), "all=true" | "all=1"));
    let filter = crate::filter::Filter::parse("volume", volume::FILTER_KEYS, &terms)
        .map_err(ApiError::bad_request)?;
    let (removed, space) = blocking(move || {
        let store = service.store()?;
        let volumes = VolumeStore::open(&store)?;
        let containers = Containers::open(store.root())?;
        // An unreadable container record counts as using it: never remove on doubt.
        let in_use = |name: &str| containers.uses_volume(name).unwrap_or(true);
        let chosen: HashMap<String, u64> = volumes
            .list()?
            .into_iter()
            .filter(|v| (all || v.anonymous) && filter.matches(v) && !in_use(&v.name))
            .map(|v| (v.name, tree_size(&v.mountpoint)))
            .collect();
        let lock = store.lock()?;
        // The store checks again, under its lock, that none is in use.
        let removed = volumes.prune(&lock, &|name| in_use(name) || !chosen.contains_key(name))?;
        let space: u64 = removed.iter().filter_map(|n| chosen.get(n)).sum();
        Ok((removed, space))
    })
    .await?;
    Ok(json(
        StatusCode::OK,
        &json!({ "VolumesDeleted": removed, "SpaceReclaimed": space }),
    ))
}

/// Networks no container is attached to.
pub async fn networks(
    service: Arc<Service>,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let removed = unfiltered(service, &query, crate::container::networks::prune_networks).await?;
    Ok(json(StatusCode::OK, &json!({ "NetworksDeleted": removed })))
}

/// `docker system prune` also prunes the build cache: rcon's build cache is
/// its images, which `/images/prune` removes.
pub fn build_cache() -> Response<Body> {
    json(
        StatusCode::OK,
        &json!({ "CachesDeleted": [], "SpaceReclaimed": 0 }),
    )
}
