//! Storing one layer from its blob, whether it streams from a registry
//! (`pull`) or from an archive (`load`): one pass through the blob digest,
//! decompression, the diff-ID check and extraction, with the blob itself kept
//! beside the extracted files so `push` and `save` can hand out the same
//! bytes again. A size limit bounds the uncompressed stream and what the
//! extraction writes (a decompression bomb fails at the limit).

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::time::{Duration, Instant};

use nix::fcntl::Flock;
use sha2::{Digest, Sha256};

use super::limits::MAX_LAYER_SIZE_ENV;
use crate::storage::durable::TreeSize;
use crate::storage::extract::{self, ExtractOptions, extract_layer};
use crate::storage::store::{self, BlobInfo, LayerRecord, Store};

/// `application/vnd.oci.image.layer.v1.tar`: what an uncompressed blob is stored as.
pub const OCI_LAYER_TAR: &str = "application/vnd.oci.image.layer.v1.tar";

/// What is known about a blob's digest before it is read.
pub enum BlobDigest {
    /// Must match what is read; checked here.
    Expected(String),
    /// Unknown (a layer in a docker-archive is named by path): computed here.
    Unknown,
}

/// A layer someone else stored meanwhile, or the lock to store it ourselves.
pub enum LayerSlot {
    Stored(LayerRecord),
    Free(Flock<File>),
}

/// Waits for any other process storing `diff_id` (blocking), then says
/// whether the layer is there now.
pub fn claim(store: &Store, diff_id: &str) -> Result<LayerSlot, store::Error> {
    if let Some(record) = store.layer(diff_id) {
        return Ok(LayerSlot::Stored(record));
    }
    let lock = store.layer_lock(diff_id)?;
    Ok(match store.layer(diff_id) {
        Some(record) => LayerSlot::Stored(record),
        None => LayerSlot::Free(lock),
    })
}

/// Reads the blob to its end and stores it as the layer `diff_id`: extracted
/// into a work directory and kept as `blob`; visible only after both digests
/// matched. The uncompressed layer may be at most `max_size` bytes. Call
/// while holding the layer's [`claim`]. Errors are messages (the caller
/// names the layer and image).
pub fn store_layer(
    store: &Store,
    blob: impl Read + Send,
    media_type: &str,
    digest: BlobDigest,
    diff_id: &str,
    options: &ExtractOptions,
    max_size: Option<u64>,
) -> Result<LayerRecord, String> {
    let started = Instant::now();
    let temp = store.temp_layer().map_err(|e| e.to_string())?;
    let blob_path = temp.blob_path();
    let file =
        File::create(&blob_path).map_err(|e| format!("creating {}: {e}", blob_path.display()))?;
    let mut tee = TeeReader {
        inner: blob,
        copy: BufWriter::with_capacity(256 * 1024, file),
        hasher: Sha256::new(),
        fetching: Duration::ZERO,
        keeping: Duration::ZERO,
    };
    let (report, actual, decoding, hashing) = {
        let mut decoded = HashingReader {
            inner: decompressor(media_type, &mut tee)?,
            hasher: Sha256::new(),
            read: 0,
            max_size,
            reading: Duration::ZERO,
            hashing: Duration::ZERO,
        };
        let report =
            extract_layer(&mut decoded, &temp.dir(), options, max_size).map_err(|e| match e {
                extract::Error::TooLarge { .. } => {
                    format!("{e} (set {MAX_LAYER_SIZE_ENV} to allow more)")
                }
                other => other.to_string(),
            })?;
        // Read to the very end, so both digests cover every byte (and
        // oci-client's own check, at end of stream, runs).
        io::copy(&mut decoded, &mut io::sink()).map_err(|e| format!("reading the blob: {e}"))?;
        (
            report,
            format!("sha256:{}", hex::encode(decoded.hasher.finalize())),
            decoded.reading,
            decoded.hashing,
        )
    };
    if actual != diff_id {
        return Err(format!(
            "uncompressed content has digest {actual}, the image config says {diff_id}; nothing was stored"
        ));
    }
    io::copy(&mut tee, &mut io::sink()).map_err(|e| format!("reading the blob: {e}"))?;
    tee.copy
        .flush()
        .map_err(|e| format!("writing {}: {e}", blob_path.display()))?;
    let computed = format!("sha256:{}", hex::encode(tee.hasher.finalize()));
    let digest = match digest {
        BlobDigest::Expected(d) if d == computed => d,
        BlobDigest::Expected(d) => {
            return Err(format!(
                "the blob has digest {computed}, expected {d}; nothing was stored"
            ));
        }
        BlobDigest::Unknown => computed,
    };
    let blob = BlobInfo {
        digest,
        media_type: media_type.to_string(),
    };
    let extracted = Instant::now();
    let extracted_size = TreeSize {
        inodes: report.entries,
        bytes: report.bytes,
    };
    let (record, commit) = store
        .commit_layer(temp, blob, diff_id, extracted_size, report.root_mode)
        .map_err(|e| e.to_string())?;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    log::debug!(
        "layer {diff_id}: {} entries, {} bytes in {:.1} ms: fetch {:.1} ms, blob copy {:.1} ms, decompress {:.1} ms, hash {:.1} ms; extract: {}; commit {:.1} ms ({commit})",
        report.entries,
        report.bytes,
        ms(started.elapsed()),
        ms(tee.fetching),
        ms(tee.keeping),
        ms(decoding.saturating_sub(tee.fetching + tee.keeping)),
        ms(hashing),
        report.timings,
        ms(extracted.elapsed()),
    );
    Ok(record)
}

/// `sha256:<hex>` of `bytes`.
pub fn sha256_digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// Picks the decompressor from the media type, and checks the magic bytes agree.
pub fn decompressor<'a, R: Read + Send + 'a>(
    media_type: &str,
    reader: R,
) -> Result<Box<dyn Read + Send + 'a>, String> {
    let mut buffered = BufReader::with_capacity(128 * 1024, reader);
    let head = buffered
        .fill_buf()
        .map_err(|e| format!("reading the blob: {e}"))?
        .to_vec();
    let gzip = head.starts_with(&[0x1f, 0x8b]);
    let zstd = head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]);
    let wants = if media_type.ends_with("gzip") {
        "gzip"
    } else if media_type.ends_with("zstd") {
        "zstd"
    } else if media_type.ends_with("tar") {
        "tar"
    } else {
        return Err(format!("unsupported layer media type {media_type}"));
    };
    match (wants, gzip, zstd) {
        ("gzip", true, _) => Ok(Box::new(flate2::bufread::MultiGzDecoder::new(buffered))),
        ("zstd", _, true) => Ok(Box::new(
            zstd::stream::read::Decoder::with_buffer(buffered)
                .map_err(|e| format!("starting zstd: {e}"))?,
        )),
        ("tar", false, false) => Ok(Box::new(buffered)),
        _ => Err(format!(
            "media type {media_type} does not match the content's magic bytes"
        )),
    }
}

/// The media type that a blob's first bytes say it is (for archives, whose
/// layers carry no media type).
pub fn sniff_media_type(head: &[u8]) -> &'static str {
    if head.starts_with(&[0x1f, 0x8b]) {
        "application/vnd.oci.image.layer.v1.tar+gzip"
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        "application/vnd.oci.image.layer.v1.tar+zstd"
    } else {
        OCI_LAYER_TAR
    }
}

/// A writer that hashes what passes through it (a layer's diff ID while
/// it is compressed into its blob).
pub struct Hashing<W> {
    pub inner: W,
    pub hasher: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Copies what it reads into `copy`, hashing it on the way; times its
/// reads (`fetching`) and the copy and hash (`keeping`).
struct TeeReader<R> {
    inner: R,
    copy: BufWriter<File>,
    hasher: Sha256,
    fetching: Duration,
    keeping: Duration,
}

impl<R: Read> Read for TeeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let started = Instant::now();
        let n = self.inner.read(buf)?;
        let read = Instant::now();
        self.copy.write_all(&buf[..n])?;
        self.hasher.update(&buf[..n]);
        self.fetching += read - started;
        self.keeping += read.elapsed();
        Ok(n)
    }
}

/// Hashes the uncompressed layer, failing once it passes `max_size` bytes;
/// times its reads (`reading`: the decompressor and all below it) and the hash.
struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    read: u64,
    max_size: Option<u64>,
    reading: Duration,
    hashing: Duration,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let started = Instant::now();
        let n = self.inner.read(buf)?;
        let read = Instant::now();
        self.reading += read - started;
        self.read += n as u64;
        if let Some(max_size) = self.max_size.filter(|&max| self.read > max) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the layer unpacks to more than {max_size} bytes, the most one layer may be (set {MAX_LAYER_SIZE_ENV} to allow more)"
                ),
            ));
        }
        self.hasher.update(&buf[..n]);
        self.hashing += read.elapsed();
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_must_match_the_media_type() {
        let gz = decompressor(
            "application/vnd.oci.image.layer.v1.tar+gzip",
            &b"plain tar"[..],
        );
        assert!(gz.err().unwrap().contains("does not match"));
        let tar = decompressor(OCI_LAYER_TAR, &b"plain tar"[..]);
        assert!(tar.is_ok());
        let odd = decompressor("application/x-unknown", &b"x"[..]);
        assert!(odd.err().unwrap().contains("unsupported layer media type"));
        assert_eq!(
            sniff_media_type(&[0x1f, 0x8b, 8]),
            "application/vnd.oci.image.layer.v1.tar+gzip"
        );
        assert_eq!(sniff_media_type(b"etc/"), OCI_LAYER_TAR);
    }
}
