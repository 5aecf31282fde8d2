//! A file fetched over HTTP(S): an archive for `load -i URL`, a source for
//! a build's `ADD URL`. Bounded as registry reads are ([`Limits`]): a
//! server that stalls past the registry timeout or sends more than the
//! largest layer allowed makes the download fail, never fill the disk.

use std::io::Write;

use super::limits::Limits;

/// What the server said about the file besides its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Downloaded {
    /// Bytes written.
    pub size: u64,
    /// `Last-Modified`, as sent.
    pub last_modified: Option<String>,
    /// `Content-Disposition`, as sent.
    pub content_disposition: Option<String>,
}

/// Fetches `url` (http or https, redirects followed) into `out`. The error
/// is one line saying what failed (the HTTP status for an error answer).
pub fn download(url: &str, out: &mut impl Write) -> Result<Downloaded, String> {
    let limits = Limits::from_env().map_err(|e| e.to_string())?;
    super::install_tls_provider();
    let client = reqwest::Client::builder()
        .connect_timeout(limits.registry_timeout)
        .read_timeout(limits.registry_timeout)
        .user_agent(concat!("rcon/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("downloading {url}: {e}"))?;
    let fetch = async {
        let mut response = client
            .get(url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| format!("downloading: {e}"))?;
        let header = |name: reqwest::header::HeaderName| {
            (response.headers().get(name))
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let mut downloaded = Downloaded {
            size: 0,
            last_modified: header(reqwest::header::LAST_MODIFIED),
            content_disposition: header(reqwest::header::CONTENT_DISPOSITION),
        };
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| format!("downloading: {e}"))?
        {
            downloaded.size += chunk.len() as u64;
            if downloaded.size > limits.max_layer_size {
                return Err(format!(
                    "downloading: more than {} bytes ({}): stopped",
                    limits.max_layer_size,
                    super::limits::MAX_LAYER_SIZE_ENV
                ));
            }
            out.write_all(&chunk)
                .map_err(|e| format!("writing the download: {e}"))?;
        }
        Ok(downloaded)
    };
    super::pull::runtime()
        .map_err(|e| e.to_string())?
        .block_on(fetch)
}
