//! ADD of a URL, with Docker's meaning: the file is fetched over HTTP(S)
//! ([`crate::image::download`]), named by the URL's last path component
//! (else by the answer's `Content-Disposition`), dated by its
//! `Last-Modified` (else the epoch), mode 0600, and never unpacked, even
//! when it is an archive. `ADD --checksum=sha256:HEX` (or sha384, sha512)
//! is checked before anything is written into the image.

use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256, Sha384, Sha512};

/// A URL's file, spooled into the store's work area (gone once dropped).
pub struct Fetched {
    pub url: String,
    pub file: Arc<File>,
    pub size: u64,
    /// The name it gets in a destination directory.
    pub name: String,
    /// Seconds since the epoch.
    pub mtime: i64,
}

/// `--checksum=ALGORITHM:HEX`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checksum {
    algorithm: Algorithm,
    hex: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Algorithm {
    Sha256,
    Sha384,
    Sha512,
}

impl Checksum {
    pub fn parse(text: &str) -> Result<Checksum, String> {
        let bad = |why: &str| format!("--checksum={text}: {why}");
        let (name, hex) = text
            .split_once(':')
            .ok_or_else(|| bad("give ALGORITHM:HEX, e.g. sha256:…"))?;
        let (algorithm, length) = match name {
            "sha256" => (Algorithm::Sha256, 64),
            "sha384" => (Algorithm::Sha384, 96),
            "sha512" => (Algorithm::Sha512, 128),
            other => return Err(bad(&format!("{other}: use sha256, sha384 or sha512"))),
        };
        if hex.len() != length || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(&format!(
                "give {length} hexadecimal digits after {name}:"
            )));
        }
        Ok(Checksum {
            algorithm,
            hex: hex.to_ascii_lowercase(),
        })
    }

    /// The same digest of `file`'s content, from its start.
    fn of(&self, file: &mut File) -> io::Result<String> {
        fn hex_of<D: Digest>(file: &mut File) -> io::Result<String> {
            let mut hasher = D::new();
            let mut buffer = vec![0u8; 1 << 16];
            file.rewind()?;
            loop {
                let read = file.read(&mut buffer)?;
                if read == 0 {
                    return Ok(hex::encode(hasher.finalize()));
                }
                hasher.update(&buffer[..read]);
            }
        }
        match self.algorithm {
            Algorithm::Sha256 => hex_of::<Sha256>(file),
            Algorithm::Sha384 => hex_of::<Sha384>(file),
            Algorithm::Sha512 => hex_of::<Sha512>(file),
        }
    }

    fn name(&self) -> &'static str {
        match self.algorithm {
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha384 => "sha384",
            Algorithm::Sha512 => "sha512",
        }
    }
}

/// Fetches `url` into a scratch file in `scratch`; with `checksum`, a
/// content that does not match is refused.
pub fn fetch(url: &str, scratch: &Path, checksum: Option<&Checksum>) -> Result<Fetched, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("{url}: not a URL: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("{url}: ADD fetches http:// and https:// URLs only"));
    }
    let mut file = super::sources::scratch_file(scratch)
        .map_err(|e| format!("{url}: making a scratch file: {e}"))?;
    let answer =
        crate::image::download::download(url, &mut file).map_err(|e| format!("{url}: {e}"))?;
    if let Some(checksum) = checksum {
        let actual = checksum
            .of(&mut file)
            .map_err(|e| format!("{url}: reading the download: {e}"))?;
        if actual != checksum.hex {
            return Err(format!(
                "{url}: checksum mismatch: --checksum wants {0}:{1}, the download is {0}:{actual}",
                checksum.name(),
                checksum.hex
            ));
        }
    }
    let name = file_name(&parsed, answer.content_disposition.as_deref())
        .ok_or_else(|| format!("{url}: cannot name the file: the URL has no file name; give the destination's file name"))?;
    let mtime = answer
        .last_modified
        .as_deref()
        .and_then(|date| chrono::DateTime::parse_from_rfc2822(date).ok())
        .map_or(0, |date| date.timestamp());
    Ok(Fetched {
        url: url.to_string(),
        file: Arc::new(file),
        size: answer.size,
        name,
        mtime,
    })
}

/// Docker's name for a downloaded file: the URL path's last component,
/// else the `filename` of `Content-Disposition`; never `.`, `..` or a path.
fn file_name(url: &reqwest::Url, disposition: Option<&str>) -> Option<String> {
    let usable = |name: &str| !name.is_empty() && name != "." && name != "..";
    let from_path = url
        .path_segments()
        .and_then(|mut segments| segments.next_back())
        .map(|last| {
            percent_encoding::percent_decode_str(last)
                .decode_utf8_lossy()
                .into_owned()
        })
        .filter(|name| usable(name) && !name.contains('/'));
    from_path.or_else(|| {
        let value = disposition?
            .split(';')
            .filter_map(|param| param.trim().split_once('='))
            .find(|(key, _)| key.trim().eq_ignore_ascii_case("filename"))?
            .1
            .trim()
            .trim_matches('"');
        let name = value.rsplit('/').next().unwrap_or_default();
        usable(name).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_are_algorithm_and_hex_of_the_right_length() {
        let sha = "a".repeat(64);
        let parsed = Checksum::parse(&format!("sha256:{}", sha.to_uppercase())).unwrap();
        assert_eq!(parsed.hex, sha);
        assert!(Checksum::parse(&format!("sha512:{}", "0".repeat(128))).is_ok());
        for bad in [
            "sha256",
            "md5:abcd",
            "sha256:abc",
            &format!("sha256:{}", "g".repeat(64)),
        ] {
            assert!(Checksum::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_file_is_named_by_the_url_else_by_content_disposition() {
        let url = |text: &str| reqwest::Url::parse(text).unwrap();
        assert_eq!(
            file_name(&url("http://h/dir/my%20file.tar?x=1"), None).as_deref(),
            Some("my file.tar")
        );
        assert_eq!(
            file_name(
                &url("http://h/dir/"),
                Some("attachment; filename=\"../a.txt\"")
            )
            .as_deref(),
            Some("a.txt")
        );
        assert_eq!(file_name(&url("http://h/"), None), None);
        assert_eq!(file_name(&url("http://h/a/%2e%2e"), None), None);
        assert_eq!(file_name(&url("http://h/x/..%2f..%2fetc"), None), None);
    }
}
