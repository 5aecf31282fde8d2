//! The registry side of a pull: the distribution API's requests for one
//! repository, authenticated, with every answer bounded.
//!
//! A registry is as untrusted as the images it serves, so:
//!
//! - every URL is built from the reference the user gave or from a digest
//!   that passed [`check_digest`], and is one of
//!   `/v2/<repository>/manifests/<tag or digest>` and
//!   `/v2/<repository>/blobs/<digest>`; a layer's `urls` (Docker's foreign
//!   layers) are never fetched;
//! - manifests, configs, token answers and error bodies are read up to
//!   Podman's limits (see [`super::limits`]) and no further;
//! - a registry that sends nothing for the timeout fails the request
//!   (reqwest's connect and read timeouts: per read, not for the whole
//!   transfer, so a large blob on a slow line is fine);
//! - what is fetched by digest is checked against it by the caller.
//!
//! Authentication is the distribution protocol's: a request answered 401
//! with a `Basic` challenge is repeated with the user's credentials; after a
//! `Bearer` challenge a token for `repository:<name>:pull` is asked from the
//! realm it names (with the credentials, if any), and the request repeated
//! with that. A token that expires mid-pull is renewed the same way.

use std::io;
use std::sync::Mutex;
use std::time::Duration;

use futures_util::TryStreamExt;
use reqwest::header::{ACCEPT, WWW_AUTHENTICATE};
use reqwest::{Method, Response, StatusCode};
use serde::Deserialize;
use tokio_util::io::StreamReader;

use super::auth::Credentials;
use super::layer::sha256_digest;
use super::limits::{MAX_CONFIG, MAX_ERROR_BODY, MAX_MANIFEST, MAX_TOKEN, TIMEOUT_ENV};
use super::reference::check_digest;
use super::registries::RegistriesConfig;

/// Every manifest and index type rcon reads, for the `Accept` header.
const ACCEPT_MANIFESTS: &str = "application/vnd.oci.image.index.v1+json, \
    application/vnd.docker.distribution.manifest.list.v2+json, \
    application/vnd.oci.image.manifest.v1+json, \
    application/vnd.docker.distribution.manifest.v2+json";

/// A certificate nothing is signed with. A plain-HTTP client gets it as its
/// only root: the client then skips loading the system's CA certificates
/// (hundreds of files, most of a re-pull's time) that it would never use.
pub(super) const PLAIN_HTTP_ROOT: &[u8] = include_bytes!("plain-http-root.pem");

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{url}: not found{}", message_suffix(.message))]
    NotFound { url: String, message: String },
    #[error("{url}: access denied (HTTP {status}){}", message_suffix(.message))]
    Unauthorized {
        url: String,
        status: u16,
        message: String,
        had_credentials: bool,
    },
    #[error("{url}: the registry answered HTTP {status}{}", message_suffix(.message))]
    Status {
        url: String,
        status: u16,
        message: String,
    },
    #[error(
        "{url}: the registry sent nothing for {} s, so rcon gave up (set {TIMEOUT_ENV} to a number of seconds to wait longer)",
        .timeout.as_secs()
    )]
    Stalled { url: String, timeout: Duration },
    #[error("{url}: {}", error_chain(.source))]
    Http { url: String, source: reqwest::Error },
    #[error(
        "{url}: the {what} is larger than {limit} bytes, the most rcon (like Podman) reads; the registry is broken or hostile"
    )]
    TooLarge {
        url: String,
        what: &'static str,
        limit: u64,
    },
    #[error(
        "{url}: the registry's authentication challenge is not one rcon understands: {challenge:?}"
    )]
    Challenge { url: String, challenge: String },
    #[error("{url}: the token service's answer holds no token")]
    NoToken { url: String },
    #[error("{reference:?} is neither a tag nor a valid digest")]
    BadReference { reference: String },
    #[error("setting up the HTTP client: {0}")]
    Client(reqwest::Error),
}

impl Error {
    /// The registry does not have it.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }

    /// The registry refused us for want of (valid) credentials.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, Error::Unauthorized { .. })
    }
}

fn message_suffix(message: &str) -> String {
    if message.is_empty() {
        String::new()
    } else {
        format!(": {message}")
    }
}

/// How requests are authenticated once a challenge asked for it.
#[derive(Clone)]
enum Authorization {
    Basic,
    Bearer(String),
}

/// One repository in one registry.
pub struct Remote {
    http: reqwest::Client,
    /// `http://host[:port]` or `https://…`.
    base: String,
    repository: String,
    credentials: Option<Credentials>,
    authorization: Mutex<Option<Authorization>>,
    timeout: Duration,
}

impl Remote {
    /// `repository` on `host`: over plain HTTP when `tls_verify` is
    /// `Some(false)` or registries.conf marks the host insecure, else HTTPS
    /// with the system's CA certificates.
    pub fn new(
        registries: &RegistriesConfig,
        host: &str,
        repository: &str,
        tls_verify: Option<bool>,
        credentials: Option<Credentials>,
        timeout: Duration,
    ) -> Result<Remote, Error> {
        let insecure = tls_verify == Some(false) || registries.is_insecure(host);
        super::install_tls_provider();
        let mut builder = reqwest::Client::builder()
            .connect_timeout(timeout)
            .read_timeout(timeout)
            .user_agent(concat!("rcon/", env!("CARGO_PKG_VERSION")));
        if insecure {
            let root = reqwest::Certificate::from_pem(PLAIN_HTTP_ROOT).map_err(Error::Client)?;
            builder = builder.tls_certs_only([root]);
        }
        Ok(Remote {
            http: builder.build().map_err(Error::Client)?,
            base: format!("{}://{host}", if insecure { "http" } else { "https" }),
            repository: repository.to_string(),
            credentials,
            authorization: Mutex::new(None),
            timeout,
        })
    }

    /// The manifest or index a tag or digest names, at most 4 MiB.
    pub async fn manifest(&self, reference: &str) -> Result<Vec<u8>, Error> {
        let url = self.manifest_url(reference)?;
        let response = self.send(Method::GET, &url, Some(ACCEPT_MANIFESTS)).await?;
        self.read_bounded(response, &url, "manifest", MAX_MANIFEST)
            .await
    }

    /// The digest of the manifest or index `tag` names now: the registry's
    /// `Docker-Content-Digest` answer to a HEAD request, or else that of
    /// the manifest itself.
    pub async fn manifest_digest(&self, tag: &str) -> Result<String, Error> {
        let url = self.manifest_url(tag)?;
        let response = self
            .send(Method::HEAD, &url, Some(ACCEPT_MANIFESTS))
            .await?;
        let header = response
            .headers()
            .get("docker-content-digest")
            .and_then(|value| value.to_str().ok())
            .filter(|digest| check_digest(digest).is_ok());
        match header {
            Some(digest) => Ok(digest.to_string()),
            None => Ok(sha256_digest(&self.manifest(tag).await?)),
        }
    }

    /// An image config blob, at most 4 MiB. `digest` must have passed
    /// [`check_digest`]; the caller checks the content against it.
    pub async fn config(&self, digest: &str) -> Result<Vec<u8>, Error> {
        let url = self.blob_url(digest)?;
        let response = self.send(Method::GET, &url, None).await?;
        self.read_bounded(response, &url, "image config", MAX_CONFIG)
            .await
    }

    /// A layer blob as it streams in; a stall ends it with an error of kind
    /// `TimedOut` that says what to do. The caller checks the digest.
    pub async fn blob_reader(
        &self,
        digest: &str,
    ) -> Result<impl tokio::io::AsyncRead + Send + Unpin + 'static, Error> {
        let url = self.blob_url(digest)?;
        let response = self.send(Method::GET, &url, None).await?;
        let timeout = self.timeout;
        let stream = response.bytes_stream().map_err(move |source| {
            let error = transport_error(&url, timeout, source);
            let kind = match error {
                Error::Stalled { .. } => io::ErrorKind::TimedOut,
                _ => io::ErrorKind::Other,
            };
            io::Error::new(kind, error.to_string())
        });
        Ok(StreamReader::new(Box::pin(stream)))
    }

    fn manifest_url(&self, reference: &str) -> Result<String, Error> {
        let is_tag = reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
            && !reference.starts_with(['.', '-']);
        if !is_tag && check_digest(reference).is_err() {
            return Err(Error::BadReference {
                reference: reference.to_string(),
            });
        }
        Ok(format!(
            "{}/v2/{}/manifests/{reference}",
            self.base, self.repository
        ))
    }

    fn blob_url(&self, digest: &str) -> Result<String, Error> {
        check_digest(digest).map_err(|_| Error::BadReference {
            reference: digest.to_string(),
        })?;
        Ok(format!(
            "{}/v2/{}/blobs/{digest}",
            self.base, self.repository
        ))
    }

    /// Sends a request, authenticating and sending it again if the registry
    /// asks; any answer but a success is an error.
    async fn send(
        &self,
        method: Method,
        url: &str,
        accept: Option<&str>,
    ) -> Result<Response, Error> {
        let mut challenged = false;
        loop {
            let mut request = self.http.request(method.clone(), url);
            if let Some(accept) = accept {
                request = request.header(ACCEPT, accept);
            }
            let authorization = self.authorization.lock().expect("not poisoned").clone();
            request = match (authorization, &self.credentials) {
                (Some(Authorization::Bearer(token)), _) => request.bearer_auth(token),
                (Some(Authorization::Basic), Some(credentials)) => {
                    request.basic_auth(&credentials.username, Some(&credentials.password))
                }
                _ => request,
            };
            let response = request
                .send()
                .await
                .map_err(|source| transport_error(url, self.timeout, source))?;
            if response.status().is_success() {
                return Ok(response);
            }
            if response.status() == StatusCode::UNAUTHORIZED && !challenged {
                challenged = true;
                let challenge = response
                    .headers()
                    .get(WWW_AUTHENTICATE)
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or_default()
                    .to_string();
                self.authenticate(url, &challenge).await?;
                continue;
            }
            return Err(self.failure(url, response).await);
        }
    }

    /// Answers a 401's challenge: remembers how later requests authenticate.
    async fn authenticate(&self, url: &str, challenge: &str) -> Result<(), Error> {
        let authorization = match Challenge::parse(challenge) {
            Some(Challenge::Basic) if self.credentials.is_some() => Authorization::Basic,
            Some(Challenge::Basic) => {
                return Err(Error::Unauthorized {
                    url: url.to_string(),
                    status: StatusCode::UNAUTHORIZED.as_u16(),
                    message: String::new(),
                    had_credentials: false,
                });
            }
            Some(Challenge::Bearer { realm, service }) => {
                Authorization::Bearer(self.token(url, &realm, service.as_deref()).await?)
            }
            None => {
                return Err(Error::Challenge {
                    url: url.to_string(),
                    challenge: challenge.to_string(),
                });
            }
        };
        *self.authorization.lock().expect("not poisoned") = Some(authorization);
        Ok(())
    }

    /// A pull token for the repository from the token service at `realm`.
    async fn token(&self, url: &str, realm: &str, service: Option<&str>) -> Result<String, Error> {
        let is_http = reqwest::Url::parse(realm)
            .is_ok_and(|realm| matches!(realm.scheme(), "http" | "https"));
        if !is_http {
            return Err(Error::Challenge {
                url: url.to_string(),
                challenge: format!("Bearer realm={realm:?}"),
            });
        }
        let scope = format!("repository:{}:pull", self.repository);
        let mut query = vec![("scope", scope.as_str())];
        if let Some(service) = service {
            query.push(("service", service));
        }
        let mut request = self.http.get(realm).query(&query);
        if let Some(credentials) = &self.credentials {
            request = request.basic_auth(&credentials.username, Some(&credentials.password));
        }
        let response = request
            .send()
            .await
            .map_err(|source| transport_error(realm, self.timeout, source))?;
        if !response.status().is_success() {
            return Err(self.failure(realm, response).await);
        }
        let body = self
            .read_bounded(response, realm, "token service's answer", MAX_TOKEN)
            .await?;
        #[derive(Deserialize)]
        struct TokenAnswer {
            token: Option<String>,
            access_token: Option<String>,
        }
        serde_json::from_slice::<TokenAnswer>(&body)
            .ok()
            .and_then(|answer| answer.token.or(answer.access_token))
            .filter(|token| !token.is_empty())
            .ok_or_else(|| Error::NoToken {
                url: realm.to_string(),
            })
    }

    /// The error an unsuccessful answer means, with the registry's own
    /// message where it gives one (from the first MiB of the body).
    async fn failure(&self, url: &str, response: Response) -> Error {
        let status = response.status();
        let body = self
            .read_bounded(response, url, "error answer", MAX_ERROR_BODY)
            .await
            .unwrap_or_default();
        let message = registry_message(&body);
        let url = url.to_string();
        match status {
            StatusCode::NOT_FOUND => Error::NotFound { url, message },
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Error::Unauthorized {
                url,
                status: status.as_u16(),
                message,
                had_credentials: self.credentials.is_some(),
            },
            _ => Error::Status {
                url,
                status: status.as_u16(),
                message,
            },
        }
    }

    /// The body, failing as soon as it passes `limit` bytes.
    async fn read_bounded(
        &self,
        mut response: Response,
        url: &str,
        what: &'static str,
        limit: u64,
    ) -> Result<Vec<u8>, Error> {
        let too_large = || Error::TooLarge {
            url: url.to_string(),
            what,
            limit,
        };
        if response
            .content_length()
            .is_some_and(|length| length > limit)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|source| transport_error(url, self.timeout, source))?
        {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

/// An error with its causes, one line: reqwest's own message says little.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// A `WWW-Authenticate` header.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Challenge {
    Basic,
    Bearer {
        realm: String,
        service: Option<String>,
    },
}

impl Challenge {
    pub(super) fn parse(header: &str) -> Option<Challenge> {
        let (scheme, params) = header.trim().split_once(' ').unwrap_or((header.trim(), ""));
        if scheme.eq_ignore_ascii_case("basic") {
            return Some(Challenge::Basic);
        }
        if !scheme.eq_ignore_ascii_case("bearer") {
            return None;
        }
        let mut realm = None;
        let mut service = None;
        for param in split_params(params) {
            let Some((name, value)) = param.split_once('=') else {
                continue;
            };
            let value = value.trim().trim_matches('"').to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "realm" => realm = Some(value),
                "service" => service = Some(value),
                _ => {}
            }
        }
        Some(Challenge::Bearer {
            realm: realm?,
            service,
        })
    }
}

/// `a="x,y",b=z` split at the commas outside quotes.
fn split_params(params: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in params.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(&params[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&params[start..]);
    parts
}

fn transport_error(url: &str, timeout: Duration, source: reqwest::Error) -> Error {
    let url = url.to_string();
    if source.is_timeout() {
        Error::Stalled { url, timeout }
    } else {
        Error::Http { url, source }
    }
}

/// The messages of a distribution API error body
/// (`{"errors": [{"code": …, "message": …}]}`), one line, at most 300 characters.
fn registry_message(body: &[u8]) -> String {
    #[derive(Deserialize)]
    struct Envelope {
        errors: Vec<Entry>,
    }
    #[derive(Deserialize)]
    struct Entry {
        #[serde(default)]
        code: String,
        #[serde(default)]
        message: String,
    }
    let text = match serde_json::from_slice::<Envelope>(body) {
        Ok(envelope) => envelope
            .errors
            .iter()
            .map(|e| match (e.code.is_empty(), e.message.is_empty()) {
                (false, false) => format!("{}: {}", e.code, e.message),
                (true, _) => e.message.clone(),
                (false, true) => e.code.clone(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Err(_) => String::new(),
    };
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(300)
        .collect();
    line.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remote() -> Remote {
        let registries = RegistriesConfig::default();
        Remote::new(
            &registries,
            "127.0.0.1:5000",
            "team/app",
            Some(false),
            None,
            Duration::from_secs(5),
        )
        .unwrap()
    }

    #[test]
    fn challenges_parse() {
        assert_eq!(
            Challenge::parse(r#"Basic realm="registry""#),
            Some(Challenge::Basic)
        );
        assert_eq!(
            Challenge::parse(
                r#"Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push""#
            ),
            Some(Challenge::Bearer {
                realm: "https://auth.example/token".into(),
                service: Some("registry.example".into()),
            })
        );
        assert_eq!(Challenge::parse("Bearer service=x"), None);
        assert_eq!(Challenge::parse("Negotiate"), None);
    }

    #[test]
    fn urls_only_name_manifests_and_blobs_of_the_repository() {
        let remote = remote();
        let digest = format!("sha256:{}", "a".repeat(64));
        assert_eq!(
            remote.manifest_url("latest").unwrap(),
            "http://127.0.0.1:5000/v2/team/app/manifests/latest"
        );
        assert_eq!(
            remote.blob_url(&digest).unwrap(),
            format!("http://127.0.0.1:5000/v2/team/app/blobs/{digest}")
        );
        for hostile in [
            "sha256:../../../../tmp/x",
            "../x",
            "a/b",
            "sha256:",
            "-x",
            "..",
        ] {
            assert!(remote.manifest_url(hostile).is_err(), "{hostile}");
            assert!(remote.blob_url(hostile).is_err(), "{hostile}");
        }
    }

    #[test]
    fn registry_error_bodies_become_one_short_line() {
        let body =
            br#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{}}]}"#;
        assert_eq!(registry_message(body), "MANIFEST_UNKNOWN: manifest unknown");
        let long = format!(r#"{{"errors":[{{"message":"{}\n"}}]}}"#, "x".repeat(1000));
        assert_eq!(registry_message(long.as_bytes()).len(), 300);
        assert_eq!(registry_message(b"<html>"), "");
    }
}
