//! Images in and out of the store: push (`POST /images/{name}/push`, with
//! Docker's progress lines, and `POST /auth` for `docker login`), save (`GET /images/{name}/get`,
//! `GET /images/get?names=…`: a docker-archive tarball) and load
//! (`POST /images/load`) — `image::push_image` and `image::archive`, as
//! `rcon push`, `save` and `load` call them.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use base64::Engine;
use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use serde::Deserialize;
use serde_json::json;
use tokio::sync::mpsc;

use super::images::{line, lookup, tls_verify_for};
use super::server::{Body, Service, blocking, json, json_body, spool_body, streaming};
use super::{ApiError, ApiResult};
use crate::image::archive::{self, Format, LoadOptions};
use crate::image::login;
use crate::image::progress::Progress;
use crate::image::push::{PushOptions, push_image};
use crate::image::{AuthFiles, Credentials};

/// `X-Registry-Auth` (base64url of it) and `POST /auth`'s body.
#[derive(Default, Deserialize)]
#[serde(default)]
struct RegistryAuth {
    username: String,
    password: String,
    serveraddress: String,
}

/// `POST /auth` (`docker login`): the credentials checked against the
/// registry, as `rcon login` does; nothing is saved (Docker's client keeps
/// them and sends them with each push).
pub async fn login(request: Request<Incoming>) -> ApiResult<Response<Body>> {
    let auth: RegistryAuth = json_body(request).await?;
    if auth.serveraddress.is_empty() {
        return Err(ApiError::bad_request(
            "serveraddress is required: rcon knows no default registry",
        ));
    }
    blocking(move || {
        let request = login::LoginRequest {
            key: &auth.serveraddress,
            username: &auth.username,
            password: &auth.password,
            tls_verify: tls_verify_for(&format!("{}/x", auth.serveraddress)),
        };
        login::check(&request).map_err(|e| match e {
            login::Error::Rejected { .. } => ApiError::new(StatusCode::UNAUTHORIZED, e),
            e => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e),
        })
    })
    .await?;
    Ok(json(
        StatusCode::OK,
        &json!({ "Status": "Login Succeeded", "IdentityToken": "" }),
    ))
}

/// The credentials a request carries, if any; the header's text is never
/// shown, only that it could not be read.
fn credentials(request: &Request<Incoming>) -> ApiResult<Option<Credentials>> {
    let Some(header) = request.headers().get("X-Registry-Auth") else {
        return Ok(None);
    };
    let text = header.as_bytes();
    let engines = [
        &base64::engine::general_purpose::URL_SAFE,
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        &base64::engine::general_purpose::STANDARD,
    ];
    let decoded = engines
        .iter()
        .find_map(|engine| engine.decode(text).ok())
        .ok_or_else(|| ApiError::bad_request("X-Registry-Auth is not base64"))?;
    let auth: RegistryAuth = serde_json::from_slice(&decoded)
        .map_err(|_| ApiError::bad_request("X-Registry-Auth is not a JSON object"))?;
    if auth.username.is_empty() && auth.password.is_empty() {
        return Ok(None);
    }
    Ok(Some(Credentials {
        username: auth.username,
        password: auth.password,
        identity_token: None,
    }))
}

/// A push's progress as Docker's JSON lines, one per layer event.
struct JsonProgress {
    lines: mpsc::UnboundedSender<Bytes>,
    /// Bytes sent so far and the size, per layer being pushed.
    sent: Mutex<HashMap<String, (u64, u64)>>,
}

impl JsonProgress {
    fn status(&self, digest: &str, status: &str, detail: serde_json::Value) {
        let id = crate::image::progress::short(digest);
        let _ = self.lines.send(line(
            json!({ "status": status, "progressDetail": detail, "id": id }),
        ));
    }
}

impl Progress for JsonProgress {
    fn layer_skipped(&self, digest: &str) {
        self.status(digest, "Layer already exists", json!({}));
    }

    fn layer_started(&self, digest: &str, size: u64) {
        self.sent
            .lock()
            .expect("not poisoned")
            .insert(digest.to_string(), (0, size));
        self.status(digest, "Pushing", json!({ "current": 0, "total": size }));
    }

    fn layer_bytes(&self, digest: &str, bytes: u64) {
        let progress =
            self.sent
                .lock()
                .expect("not poisoned")
                .get_mut(digest)
                .map(|(sent, total)| {
                    *sent += bytes;
                    (*sent, *total)
                });
        if let Some((current, total)) = progress {
            self.status(
                digest,
                "Pushing",
                json!({ "current": current, "total": total }),
            );
        }
    }

    fn layer_done(&self, digest: &str) {
        self.sent.lock().expect("not poisoned").remove(digest);
        self.status(digest, "Pushed", json!({}));
    }
}

/// `POST /images/{name}/push?tag=TAG`: the image pushed to the registry its
/// name says, with the request's credentials or else the user's auth files.
pub async fn push(
    service: Arc<Service>,
    request: Request<Incoming>,
    name: String,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let credentials = credentials(&request)?;
    let tag = query.get("tag").filter(|t| !t.is_empty());
    let full = match tag {
        Some(tag) => format!("{name}:{tag}"),
        None => name.clone(),
    };
    {
        let service = Arc::clone(&service);
        let full = full.clone();
        blocking(move || lookup(&service.store()?, &full).map(drop)).await?;
    }
    let (sender, response) = streaming("application/json");
    let (lines, mut progress_lines) = mpsc::unbounded_channel();
    let _ = lines.send(line(json!({
        "status": format!("The push refers to repository [{name}]")
    })));
    let options = PushOptions {
        tls_verify: tls_verify_for(&full),
        auth_files: AuthFiles::default_for_user(),
        credentials,
        progress: Arc::new(JsonProgress {
            lines: lines.clone(),
            sent: Mutex::new(HashMap::new()),
        }),
    };
    let tag = tag.cloned().unwrap_or_else(|| "latest".into());
    tokio::spawn(async move {
        let pushed = blocking(move || Ok(push_image(&service.store()?, &full, None, &options)?));
        let forward = async {
            while let Some(chunk) = progress_lines.recv().await {
                if sender.send(chunk).await.is_err() {
                    break;
                }
            }
            sender
        };
        // The progress channel closes once the push (which holds the last
        // sender but this one) is over.
        let pushed = async move {
            let pushed = pushed.await;
            let last = match &pushed {
                Ok(digest) => vec![
                    json!({ "status": format!("{tag}: digest: {digest}") }),
                    json!({ "progressDetail": {}, "aux": { "Tag": tag, "Digest": digest } }),
                ],
                Err(e) => {
                    vec![json!({ "errorDetail": { "message": e.message }, "error": e.message })]
                }
            };
            for value in last {
                let _ = lines.send(line(value));
            }
        };
        let (_, _) = tokio::join!(forward, pushed);
    });
    Ok(response)
}

/// Writes into a streamed response body, in the blocking pool.
struct ChannelWriter(mpsc::Sender<Bytes>);

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .blocking_send(Bytes::copy_from_slice(bytes))
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `GET /images/{name}/get` and `GET /images/get?names=A&names=B`: the
/// images as one docker-archive, as `rcon save` writes it. Every name is
/// looked up before the first byte, so a missing one is a 404.
pub async fn save(service: Arc<Service>, names: Vec<String>) -> ApiResult<Response<Body>> {
    if names.is_empty() {
        return Err(ApiError::bad_request("give the images to save: names=NAME"));
    }
    let store = {
        let service = Arc::clone(&service);
        let names = names.clone();
        blocking(move || {
            let store = service.store()?;
            for name in &names {
                lookup(&store, name)?;
            }
            Ok(store)
        })
        .await?
    };
    let (sender, response) = streaming("application/x-tar");
    tokio::task::spawn_blocking(move || {
        let out = std::io::BufWriter::with_capacity(256 * 1024, ChannelWriter(sender));
        if let Err(e) = archive::save(&store, &names, Format::DockerArchive, false, out, "API") {
            // The client sees a cut tarball; the reason is in the log.
            log::warn!("saving {}: {e}", names.join(", "));
        }
    });
    Ok(response)
}

/// `POST /images/load`: the archive in the body (docker- or oci-archive),
/// spooled into the store's work area, then loaded as `rcon load` does.
pub async fn load(service: Arc<Service>, request: Request<Incoming>) -> ApiResult<Response<Body>> {
    let store = service.store()?;
    let spool = store.temp_layer()?;
    let path = spool.blob_path();
    spool_body(request, &path).await?;
    let squash_owners = service.squash_owners;
    let images = blocking(move || {
        let loaded = archive::load(&store, Some(&path), &LoadOptions { squash_owners });
        drop(spool);
        Ok(loaded?)
    })
    .await?;
    let mut body = Vec::new();
    for image in images {
        let names = match image.names.is_empty() {
            true => vec![format!("sha256:{}", image.id)],
            false => image.names,
        };
        for name in names {
            body.extend_from_slice(&line(
                json!({ "stream": format!("Loaded image: {name}\n") }),
            ));
        }
    }
    let mut response = Response::new(super::server::full(body));
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    *response.status_mut() = StatusCode::OK;
    Ok(response)
}
