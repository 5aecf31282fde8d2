//! A small blocking client for the registry HTTP API (distribution v2), with
//! the push of an [`Image`]. Plain HTTP only: it talks to the local registry.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ureq::http::Response;
use ureq::{Agent, RequestBuilder};

use crate::image::{Image, media_type};
use crate::layer::sha256_digest;
use crate::registry::BasicAuth;

/// Largest response body read (a blob of the benchmark image fits).
const MAX_BODY: u64 = 1 << 31;

/// A manifest or index as served by the registry.
#[derive(Clone, Debug)]
pub struct Manifest {
    /// The `Content-Type` the registry served it with.
    pub media_type: String,
    /// The `Docker-Content-Digest` header, if sent.
    pub digest: Option<String>,
    pub data: Vec<u8>,
}

/// A client for one registry, `http://ADDR`.
#[derive(Clone, Debug)]
pub struct Client {
    agent: Agent,
    base: String,
    /// `Basic …`, sent with every request when the registry wants a login.
    authorization: Option<String>,
}

struct Reply {
    status: u16,
    location: Option<String>,
    content_type: Option<String>,
    digest: Option<String>,
    link: Option<String>,
    body: Vec<u8>,
}

impl Reply {
    fn error(&self, what: &str, url: &str) -> anyhow::Error {
        let body = String::from_utf8_lossy(&self.body[..self.body.len().min(2000)]);
        anyhow::anyhow!(
            "{what}: {url} answered HTTP {}: {}",
            self.status,
            body.trim()
        )
    }
}

fn header(response: &Response<ureq::Body>, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(String::from)
}

impl Client {
    /// A client for the registry at `addr` (`HOST:PORT`, no scheme).
    pub fn new(addr: &str) -> Client {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            // Never route local traffic through a proxy from the environment.
            .proxy(None)
            .timeout_connect(Some(Duration::from_secs(5)))
            .timeout_global(Some(Duration::from_secs(600)))
            .build()
            .into();
        Client {
            agent,
            base: format!("http://{addr}"),
            authorization: None,
        }
    }

    /// A client that logs in to every request with `auth`.
    pub fn with_auth(addr: &str, auth: &BasicAuth) -> Client {
        let token = BASE64.encode(format!("{}:{}", auth.username, auth.password));
        Client {
            authorization: Some(format!("Basic {token}")),
            ..Client::new(addr)
        }
    }

    fn authorize<B>(&self, request: RequestBuilder<B>) -> RequestBuilder<B> {
        match &self.authorization {
            Some(value) => request.header("Authorization", value),
            None => request,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn finish(
        response: Result<Response<ureq::Body>, ureq::Error>,
        what: &str,
        url: &str,
    ) -> Result<Reply> {
        let mut response = response.with_context(|| format!("{what}: request to {url} failed"))?;
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .with_context(|| format!("{what}: reading the answer of {url}"))?;
        Ok(Reply {
            status: response.status().as_u16(),
            location: header(&response, "location"),
            content_type: header(&response, "content-type"),
            digest: header(&response, "docker-content-digest"),
            link: header(&response, "link"),
            body,
        })
    }

    /// `GET /v2/`: the HTTP status (200 for a ready registry without auth).
    pub fn ping(&self) -> Result<u16> {
        let url = self.url("/v2/");
        let reply = Self::finish(self.authorize(self.agent.get(&url)).call(), "ping", &url)?;
        Ok(reply.status)
    }

    /// GETs a JSON list at `path`, following `Link: <...>; rel="next"`
    /// pages, and collects the strings under `key`.
    fn get_list(&self, path: &str, key: &str, what: &str) -> Result<Vec<String>> {
        let mut items = Vec::new();
        let mut next = Some(path.to_string());
        while let Some(path) = next.take() {
            let url = self.url(&path);
            let reply = Self::finish(self.authorize(self.agent.get(&url)).call(), what, &url)?;
            if reply.status != 200 {
                return Err(reply.error(what, &url));
            }
            let value: serde_json::Value = serde_json::from_slice(&reply.body)
                .with_context(|| format!("{what}: {url} sent invalid JSON"))?;
            if let Some(list) = value[key].as_array() {
                items.extend(list.iter().filter_map(|v| v.as_str().map(String::from)));
            }
            next = reply.link.as_deref().and_then(next_link);
        }
        Ok(items)
    }

    /// `GET /v2/_catalog`: the repository names.
    pub fn catalog(&self) -> Result<Vec<String>> {
        self.catalog_paged(1000)
    }

    /// [`Client::catalog`], asking for `page_size` names per request.
    pub fn catalog_paged(&self, page_size: usize) -> Result<Vec<String>> {
        let path = format!("/v2/_catalog?n={page_size}");
        self.get_list(&path, "repositories", "listing repositories")
    }

    /// `GET /v2/<name>/tags/list`.
    pub fn tags(&self, name: &str) -> Result<Vec<String>> {
        self.get_list(&format!("/v2/{name}/tags/list"), "tags", "listing tags")
    }

    /// `GET /v2/<name>/manifests/<reference>` (a tag or digest), accepting
    /// every OCI and Docker manifest and index type.
    pub fn manifest(&self, name: &str, reference: &str) -> Result<Manifest> {
        let url = self.url(&format!("/v2/{name}/manifests/{reference}"));
        let what = format!("fetching manifest {name}:{reference}");
        let request = self
            .authorize(self.agent.get(&url))
            .header("Accept", media_type::ACCEPT_MANIFESTS);
        let reply = Self::finish(request.call(), &what, &url)?;
        if reply.status != 200 {
            return Err(reply.error(&what, &url));
        }
        Ok(Manifest {
            media_type: reply.content_type.unwrap_or_default(),
            digest: reply.digest,
            data: reply.body,
        })
    }

    /// `GET /v2/<name>/blobs/<digest>`, checking the digest of what arrives.
    pub fn blob(&self, name: &str, digest: &str) -> Result<Vec<u8>> {
        let url = self.url(&format!("/v2/{name}/blobs/{digest}"));
        let what = format!("fetching blob {digest} of {name}");
        let reply = Self::finish(self.authorize(self.agent.get(&url)).call(), &what, &url)?;
        if reply.status != 200 {
            return Err(reply.error(&what, &url));
        }
        let actual = sha256_digest(&reply.body);
        if actual != digest {
            bail!("{what}: {url} sent content with digest {actual}");
        }
        Ok(reply.body)
    }

    /// `HEAD /v2/<name>/blobs/<digest>`: true if the repository has it.
    pub fn blob_exists(&self, name: &str, digest: &str) -> Result<bool> {
        let url = self.url(&format!("/v2/{name}/blobs/{digest}"));
        let what = format!("checking blob {digest} of {name}");
        let reply = Self::finish(self.authorize(self.agent.head(&url)).call(), &what, &url)?;
        match reply.status {
            200 => Ok(true),
            404 => Ok(false),
            _ => Err(reply.error(&what, &url)),
        }
    }

    /// Uploads a blob in one piece: `POST /v2/<name>/blobs/uploads/`, then
    /// `PUT <Location>&digest=<digest>` with the bytes.
    pub fn upload_blob(&self, name: &str, digest: &str, data: &[u8]) -> Result<()> {
        let what = format!("uploading blob {digest} ({} bytes) to {name}", data.len());
        let url = self.url(&format!("/v2/{name}/blobs/uploads/"));
        let reply = Self::finish(
            self.authorize(self.agent.post(&url)).send_empty(),
            &what,
            &url,
        )?;
        if reply.status != 202 {
            return Err(reply.error(&what, &url));
        }
        let location = reply
            .location
            .with_context(|| format!("{what}: {url} answered 202 without a Location"))?;
        let location = if location.starts_with('/') {
            self.url(&location)
        } else {
            location
        };
        let separator = if location.contains('?') { '&' } else { '?' };
        let put_url = format!("{location}{separator}digest={digest}");
        let request = self
            .authorize(self.agent.put(&put_url))
            .header("Content-Type", "application/octet-stream");
        let reply = Self::finish(request.send(data), &what, &put_url)?;
        if reply.status != 201 {
            return Err(reply.error(&what, &put_url));
        }
        Ok(())
    }

    /// `PUT /v2/<name>/manifests/<reference>`; returns the digest the
    /// registry computed, after checking it against the bytes sent.
    pub fn put_manifest(
        &self,
        name: &str,
        reference: &str,
        media_type: &str,
        data: &[u8],
    ) -> Result<String> {
        let what = format!("pushing manifest {name}:{reference} ({media_type})");
        let url = self.url(&format!("/v2/{name}/manifests/{reference}"));
        let request = self
            .authorize(self.agent.put(&url))
            .header("Content-Type", media_type);
        let reply = Self::finish(request.send(data), &what, &url)?;
        if reply.status != 201 {
            return Err(reply.error(&what, &url));
        }
        let expected = sha256_digest(data);
        match reply.digest {
            Some(digest) if digest != expected => {
                bail!("{what}: registry computed digest {digest}, expected {expected}")
            }
            _ => Ok(expected),
        }
    }

    /// `DELETE /v2/<name>/manifests/<digest>`.
    pub fn delete_manifest(&self, name: &str, digest: &str) -> Result<()> {
        let what = format!("deleting manifest {name}@{digest}");
        let url = self.url(&format!("/v2/{name}/manifests/{digest}"));
        let reply = Self::finish(self.authorize(self.agent.delete(&url)).call(), &what, &url)?;
        if reply.status != 202 {
            return Err(reply.error(&what, &url));
        }
        Ok(())
    }

    /// Pushes `image`: every blob the repository lacks, the manifests (its
    /// own and those of its other platforms) by digest, and then the tag: the
    /// index for OCI images, the manifest for Docker ones.
    pub fn push(&self, image: &Image) -> Result<()> {
        let name = &image.name;
        for (digest, data) in &image.blobs {
            if !self.blob_exists(name, digest)? {
                self.upload_blob(name, digest, data)?;
            }
        }
        for manifest in std::iter::once(image).chain(&image.others) {
            self.put_manifest(
                name,
                &manifest.manifest_digest,
                &manifest.manifest_media_type,
                &manifest.manifest,
            )?;
        }
        match &image.index {
            Some(index) => {
                self.put_manifest(name, &image.tag, media_type::OCI_INDEX, index)?;
            }
            None => {
                self.put_manifest(
                    name,
                    &image.tag,
                    &image.manifest_media_type,
                    &image.manifest,
                )?;
            }
        }
        Ok(())
    }
}

/// The target of a `Link: </v2/...>; rel="next"` header.
fn next_link(link: &str) -> Option<String> {
    let (target, params) = link.split_once(';')?;
    if !params.contains("rel=\"next\"") {
        return None;
    }
    let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
    Some(target.to_string())
}

/// Pushes `image` to the registry at `addr` (`HOST:PORT`).
pub fn push(addr: &str, image: &Image) -> Result<()> {
    Client::new(addr)
        .push(image)
        .with_context(|| format!("pushing {} to {addr}", image.name))
}

/// Pushes every image to the registry at `addr`.
pub fn push_all(addr: &str, images: &[Image]) -> Result<()> {
    let client = Client::new(addr);
    for image in images {
        client
            .push(image)
            .with_context(|| format!("pushing {} to {addr}", image.name))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::next_link;

    #[test]
    fn link_header() {
        assert_eq!(
            next_link("</v2/_catalog?last=b&n=2>; rel=\"next\"").as_deref(),
            Some("/v2/_catalog?last=b&n=2")
        );
        assert_eq!(next_link("</x>; rel=\"prev\""), None);
    }
}
