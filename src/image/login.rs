//! `rcon login`: checking credentials against a registry before they are saved.
//!
//! The check is what the distribution API offers every registry: `GET /v2/`.
//! Without credentials a registry that wants a login answers 401 with a
//! `WWW-Authenticate` challenge; for `Basic` the same request is repeated
//! with the credentials, for `Bearer` the token service named in the
//! challenge is asked for a token with them. A 401 or 403 there means the
//! credentials are wrong.

use reqwest::StatusCode;
use reqwest::header::WWW_AUTHENTICATE;

use super::auth::{self, AuthFiles};
use super::distribution::{Challenge, error_chain};
use super::registries::RegistriesConfig;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("authentication failed for {host}: the registry rejected user {username:?}")]
    Rejected { host: String, username: String },
    #[error("logging in to {host}: {cause}")]
    Unreachable { host: String, cause: String },
    #[error("logging in to {host}: the registry answered HTTP {status} to {url}")]
    Unexpected {
        host: String,
        url: String,
        status: u16,
    },
    #[error(
        "logging in to {host}: the registry sent an authentication challenge rcon does not understand: {challenge:?}"
    )]
    Challenge { host: String, challenge: String },
    #[error("not logged into {0}")]
    NotLoggedIn(String),
    #[error(transparent)]
    Auth(#[from] auth::Error),
    #[error(transparent)]
    Registries(#[from] super::registries::Error),
    #[error("starting the network runtime: {0}")]
    Runtime(String),
}

impl crate::util::exit::ExitCode for Error {}

/// What `rcon login` asks for.
pub struct LoginRequest<'a> {
    /// A registry (`quay.io`, `127.0.0.1:5000`) or a repository in one.
    pub key: &'a str,
    pub username: &'a str,
    pub password: &'a str,
    /// `Some(false)`: plain HTTP is allowed.
    pub tls_verify: Option<bool>,
}

/// The registry part of a login key (`quay.io/team` → `quay.io`).
pub fn registry_of(key: &str) -> Result<String, Error> {
    let key = auth::normalize_key(key)?;
    Ok(key.split('/').next().unwrap_or(&key).to_string())
}

/// Checks the credentials against the registry and saves them in the first auth file.
pub fn login(files: &AuthFiles, request: &LoginRequest) -> Result<(), Error> {
    let key = check(request)?;
    files.store(&key, request.username, request.password)?;
    Ok(())
}

/// Checks the credentials against the registry (the API's `/auth`, which
/// saves nothing: Docker's client keeps them); returns the auth files' key.
pub fn check(request: &LoginRequest) -> Result<String, Error> {
    let key = auth::normalize_key(request.key)?;
    let host = registry_of(&key)?;
    let insecure =
        request.tls_verify == Some(false) || RegistriesConfig::load()?.is_insecure(&host);
    let scheme = if insecure { "http" } else { "https" };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Runtime(e.to_string()))?;
    runtime.block_on(verify(scheme, &host, request.username, request.password))?;
    Ok(key)
}

/// The user name saved for `key`, for `rcon login --get-login`.
pub fn saved_username(files: &AuthFiles, key: &str) -> Result<String, Error> {
    let normalized = auth::normalize_key(key)?;
    files
        .credentials_for_name(&normalized)
        .map(|c| c.username)
        .ok_or(Error::NotLoggedIn(normalized))
}

/// Removes the saved credentials for `key`.
pub fn logout(files: &AuthFiles, key: &str) -> Result<(), Error> {
    if files.remove(key)? {
        Ok(())
    } else {
        Err(Error::NotLoggedIn(auth::normalize_key(key)?))
    }
}

async fn verify(scheme: &str, host: &str, username: &str, password: &str) -> Result<(), Error> {
    super::install_tls_provider();
    let client = reqwest::Client::builder()
        .build()
        .map_err(|e| Error::Runtime(e.to_string()))?;
    let url = format!("{scheme}://{host}/v2/");
    let unreachable = |e: reqwest::Error| Error::Unreachable {
        host: host.to_string(),
        cause: error_chain(&e),
    };
    let rejected = || Error::Rejected {
        host: host.to_string(),
        username: username.to_string(),
    };
    let unexpected = |url: &str, status: StatusCode| Error::Unexpected {
        host: host.to_string(),
        url: url.to_string(),
        status: status.as_u16(),
    };
    let response = client.get(&url).send().await.map_err(unreachable)?;
    match response.status() {
        StatusCode::OK => return Ok(()),
        StatusCode::UNAUTHORIZED => {}
        status => return Err(unexpected(&url, status)),
    }
    let challenge = response
        .headers()
        .get(WWW_AUTHENTICATE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let (check_url, query) = match Challenge::parse(&challenge) {
        Some(Challenge::Basic) => (url.clone(), Vec::new()),
        Some(Challenge::Bearer { realm, service }) => {
            let mut query = vec![("account".to_string(), username.to_string())];
            if let Some(service) = service {
                query.push(("service".into(), service));
            }
            (realm, query)
        }
        None => {
            return Err(Error::Challenge {
                host: host.to_string(),
                challenge,
            });
        }
    };
    let response = client
        .get(&check_url)
        .query(&query)
        .basic_auth(username, Some(password))
        .send()
        .await
        .map_err(unreachable)?;
    match response.status() {
        StatusCode::OK => Ok(()),
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Err(rejected()),
        status => Err(unexpected(&check_url, status)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_of_a_key() {
        assert_eq!(
            registry_of("127.0.0.1:5000/team/app").unwrap(),
            "127.0.0.1:5000"
        );
        assert_eq!(registry_of("localhost:5000").unwrap(), "localhost:5000");
        assert!(registry_of("alpine").is_err());
    }
}
