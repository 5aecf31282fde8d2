//! A watch on the tar stream below the `tar` crate, for what it would do
//! before the extractor sees an entry.
//!
//! The crate reads a GNU long name, long link name or PAX extended header
//! whole into memory, however large its header says it is, and builds the
//! block map of a GNU sparse file (tar type `S`) from as many extension
//! headers as follow it. A few compressed megabytes can ask for gigabytes
//! that way. [`TarGuard`] follows the archive's layout as the crate reads it
//! (each header, the PAX `size` that overrides the next entry's, the data
//! rounded to 512-byte blocks) and stops the read at the header, with a
//! [`Refusal`], when:
//!
//! * a long name, long link name or PAX header is over [`MAX_METADATA`]
//!   (1 MiB, the limit of Go's `archive/tar`, which Podman and Docker use);
//! * an entry is a GNU sparse file. Podman and Docker refuse those too
//!   (`unhandled tar header type 83`); written out, a 100-byte entry can
//!   become a file of terabytes.
//!
//! It reuses the crate's own header parsing, so both read the same layout;
//! past the end-of-archive block it only passes bytes through.

use std::io::{self, Read};

use tar::{EntryType, Header, PaxExtensions};

/// The largest long name, long link name or PAX extended header accepted.
pub const MAX_METADATA: u64 = 1 << 20;

const BLOCK: u64 = 512;

/// Why the guard stopped the stream: an entry the extractor must refuse.
#[derive(Debug, thiserror::Error)]
#[error("{reason}")]
pub struct Refusal {
    /// The entry's name as its header gives it.
    pub entry: String,
    pub reason: String,
}

/// What the bytes being read are.
enum Place {
    /// Inside a header block, `filled` bytes of it read.
    Header { filled: usize },
    /// Inside an entry's data, padding included; the first `keep` bytes (a
    /// PAX header's records) are kept.
    Data { remaining: u64, keep: u64 },
    /// After the end-of-archive block.
    End,
}

/// Passes `inner` through, refusing what the module documentation says.
pub struct TarGuard<R> {
    inner: R,
    place: Place,
    header: Header,
    /// The data of the PAX extended header being read.
    pax: Vec<u8>,
    /// The size a PAX header gave the next entry.
    pax_size: Option<u64>,
}

impl<R> TarGuard<R> {
    pub fn new(inner: R) -> TarGuard<R> {
        TarGuard {
            inner,
            place: Place::Header { filled: 0 },
            header: Header::new_old(),
            pax: Vec::new(),
            pax_size: None,
        }
    }

    /// Follows the layout over `bytes`, just read.
    fn follow(&mut self, mut bytes: &[u8]) -> Result<(), Refusal> {
        while !bytes.is_empty() {
            match &mut self.place {
                Place::End => return Ok(()),
                Place::Header { filled } => {
                    let take = bytes.len().min(BLOCK as usize - *filled);
                    self.header.as_mut_bytes()[*filled..*filled + take]
                        .copy_from_slice(&bytes[..take]);
                    *filled += take;
                    bytes = &bytes[take..];
                    if *filled == BLOCK as usize {
                        self.place = self.next_place()?;
                    }
                }
                Place::Data { remaining, keep } => {
                    let take = bytes
                        .len()
                        .min(usize::try_from(*remaining).unwrap_or(usize::MAX));
                    let kept = take.min(usize::try_from(*keep).unwrap_or(usize::MAX));
                    if kept > 0 {
                        self.pax.extend_from_slice(&bytes[..kept]);
                        *keep -= kept as u64;
                        if *keep == 0 {
                            self.pax_size = pax_size(&self.pax);
                            self.pax.clear();
                        }
                    }
                    *remaining -= take as u64;
                    bytes = &bytes[take..];
                    if *remaining == 0 {
                        self.place = Place::Header { filled: 0 };
                    }
                }
            }
        }
        Ok(())
    }

    /// Where a complete header leads, as the `tar` crate reads it.
    fn next_place(&mut self) -> Result<Place, Refusal> {
        let header = &self.header;
        if header.as_bytes().iter().all(|&b| b == 0) {
            return Ok(Place::End);
        }
        let refusal = |reason: String| Refusal {
            entry: String::from_utf8_lossy(&header.path_bytes()).into_owned(),
            reason,
        };
        let kind = header.entry_type();
        let size = header
            .entry_size()
            .map_err(|e| refusal(format!("its size field is unreadable: {e}")))?;
        let extension =
            kind.is_gnu_longname() || kind.is_gnu_longlink() || kind.is_pax_local_extensions();
        let size = if extension {
            if kind.is_pax_local_extensions() {
                self.pax_size = None;
            }
            if size > MAX_METADATA {
                return Err(refusal(format!(
                    "its {} is {size} bytes; more than {MAX_METADATA} is refused (as Go's archive/tar, which Podman uses, does)",
                    match kind {
                        EntryType::XHeader => "PAX extended header",
                        EntryType::GNULongLink => "GNU long link name",
                        _ => "GNU long name",
                    }
                )));
            }
            size
        } else if kind.is_pax_global_extensions() {
            // The crate hands it out as an entry, with the pending PAX header.
            self.pax_size = None;
            size
        } else {
            if kind.is_gnu_sparse() {
                return Err(refusal(
                    "it is a GNU sparse file (tar type 'S'), which rcon refuses as Podman and Docker do (\"unhandled tar header type 83\")"
                        .to_string(),
                ));
            }
            self.pax_size.take().unwrap_or(size)
        };
        let padded = size
            .checked_next_multiple_of(BLOCK)
            .ok_or_else(|| refusal(format!("its size {size} overflows")))?;
        if padded == 0 {
            return Ok(Place::Header { filled: 0 });
        }
        Ok(Place::Data {
            remaining: padded,
            keep: if kind.is_pax_local_extensions() {
                size
            } else {
                0
            },
        })
    }
}

impl<R: Read> Read for TarGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.follow(&buf[..n]).map_err(io::Error::other)?;
        Ok(n)
    }
}

/// The `size` record of a PAX header, read as the `tar` crate reads it: the
/// first one, and none at all if a record before it is malformed.
fn pax_size(data: &[u8]) -> Option<u64> {
    for record in PaxExtensions::new(data) {
        let record = record.ok()?;
        if record.key() == Ok("size") {
            return record.value().ok()?.parse().ok();
        }
    }
    None
}
