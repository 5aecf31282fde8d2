//! Reproducible layer tarballs.
//!
//! A [`LayerBuilder`] collects entries (directories, files, symlinks, hard
//! links, whiteouts) and writes them as a POSIX (ustar + PAX) tar archive with
//! entries sorted by path and every timestamp fixed to [`MTIME`], so the same
//! input always gives the same bytes, and therefore the same digests.
//! [`Layer::new`] compresses such a tar (gzip or zstd) and computes the
//! `diff_id` (sha256 of the tar) and the blob digest (sha256 of the compressed
//! bytes).

use std::collections::BTreeMap;
use std::io::{Read, Write};

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};
use tar::{EntryType, Header};

/// The modification time of every entry: 2024-01-01T00:00:00Z.
pub const MTIME: u64 = 1_704_067_200;
/// [`MTIME`] as the RFC 3339 text used in image configs.
pub const CREATED: &str = "2024-01-01T00:00:00Z";

/// The first four bytes of every zstd frame.
pub const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];
/// The first two bytes of every gzip member.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Layers larger than this (uncompressed) are compressed at the fastest level.
const FAST_COMPRESSION_ABOVE: usize = 8 << 20;

/// `sha256:<hex>` of `data`.
pub fn sha256_digest(data: &[u8]) -> String {
    let hash = Sha256::digest(data);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in hash.iter() {
        out.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(byte & 0xf)]));
    }
    out
}

/// How a layer blob is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Zstd,
}

impl Compression {
    /// Compresses `tar` deterministically (no file name or time in the gzip
    /// header; a fixed level).
    pub fn compress(self, tar: &[u8]) -> Result<Vec<u8>> {
        let fast = tar.len() > FAST_COMPRESSION_ABOVE;
        match self {
            Compression::Gzip => {
                let level = if fast {
                    flate2::Compression::fast()
                } else {
                    flate2::Compression::default()
                };
                let mut encoder = flate2::GzBuilder::new()
                    .mtime(0)
                    .operating_system(3) // Unix
                    .write(Vec::with_capacity(tar.len() / 2), level);
                encoder.write_all(tar).context("gzip-compressing a layer")?;
                encoder.finish().context("gzip-compressing a layer")
            }
            Compression::Zstd => {
                let level = if fast { 1 } else { 3 };
                zstd::stream::encode_all(tar, level).context("zstd-compressing a layer")
            }
        }
    }

    /// Reverses [`Compression::compress`].
    pub fn decompress(self, data: &[u8]) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        match self {
            Compression::Gzip => {
                flate2::read::GzDecoder::new(data)
                    .read_to_end(&mut out)
                    .context("gunzipping a layer")?;
            }
            Compression::Zstd => {
                out = zstd::stream::decode_all(data).context("zstd-decompressing a layer")?;
            }
        }
        Ok(out)
    }

    /// Recognises the compression of a blob by its magic bytes.
    pub fn detect(data: &[u8]) -> Option<Compression> {
        if data.starts_with(&GZIP_MAGIC) {
            Some(Compression::Gzip)
        } else if data.starts_with(&ZSTD_MAGIC) {
            Some(Compression::Zstd)
        } else {
            None
        }
    }
}

/// Decompresses a layer blob, recognising gzip or zstd by its magic bytes.
pub fn decompress_layer(data: &[u8]) -> Result<Vec<u8>> {
    match Compression::detect(data) {
        Some(compression) => compression.decompress(data),
        None => bail!(
            "layer blob of {} bytes is neither gzip nor zstd (starts with {:02x?})",
            data.len(),
            &data[..data.len().min(4)]
        ),
    }
}

#[derive(Clone, Debug)]
enum Kind {
    Dir,
    File(Vec<u8>),
    Symlink(String),
    /// Target path inside the same layer.
    Hardlink(String),
}

/// One tar entry; returned by the [`LayerBuilder`] methods so that owner and
/// extended attributes can be set by chaining.
#[derive(Clone, Debug)]
pub struct Entry {
    kind: Kind,
    mode: u32,
    uid: u64,
    gid: u64,
    user: String,
    group: String,
    xattrs: Vec<(String, Vec<u8>)>,
}

impl Entry {
    fn new(kind: Kind, mode: u32) -> Entry {
        Entry {
            kind,
            mode,
            uid: 0,
            gid: 0,
            user: "root".into(),
            group: "root".into(),
            xattrs: Vec::new(),
        }
    }

    /// Sets the numeric owner and the owner names stored beside them.
    pub fn owner(&mut self, uid: u64, gid: u64, user: &str, group: &str) -> &mut Entry {
        self.uid = uid;
        self.gid = gid;
        self.user = user.into();
        self.group = group.into();
        self
    }

    /// Adds an extended attribute, stored as a PAX `SCHILY.xattr.<name>` record.
    pub fn xattr(&mut self, name: &str, value: &[u8]) -> &mut Entry {
        self.xattrs.push((name.into(), value.into()));
        self
    }
}

/// Collects the entries of one layer; see the module documentation.
///
/// Paths are relative to the image root (a leading `/` is dropped). Parent
/// directories that are not added explicitly are added as `0755 root:root`.
#[derive(Clone, Debug, Default)]
pub struct LayerBuilder {
    entries: BTreeMap<String, Entry>,
}

fn clean_path(path: &str) -> String {
    path.trim_matches('/').to_string()
}

impl LayerBuilder {
    pub fn new() -> LayerBuilder {
        LayerBuilder::default()
    }

    fn insert(&mut self, path: &str, entry: Entry) -> &mut Entry {
        let path = clean_path(path);
        assert!(!path.is_empty(), "a layer entry needs a non-empty path");
        self.entries.insert(path.clone(), entry);
        self.entries.get_mut(&path).expect("just inserted")
    }

    /// A directory with permission bits `mode` (e.g. `0o1777`).
    pub fn dir(&mut self, path: &str, mode: u32) -> &mut Entry {
        self.insert(path, Entry::new(Kind::Dir, mode))
    }

    /// A regular file.
    pub fn file(&mut self, path: &str, data: impl Into<Vec<u8>>, mode: u32) -> &mut Entry {
        self.insert(path, Entry::new(Kind::File(data.into()), mode))
    }

    /// A symbolic link at `path` pointing to `target` (stored verbatim).
    pub fn symlink(&mut self, path: &str, target: &str) -> &mut Entry {
        self.insert(path, Entry::new(Kind::Symlink(target.into()), 0o777))
    }

    /// A hard link at `path` to `target`, a file of this same layer that must
    /// sort before `path` (tar readers need the target first).
    pub fn hardlink(&mut self, path: &str, target: &str) -> &mut Entry {
        self.insert(path, Entry::new(Kind::Hardlink(clean_path(target)), 0o644))
    }

    /// A whiteout: deletes `path` from the layers below (`<dir>/.wh.<name>`).
    pub fn whiteout(&mut self, path: &str) -> &mut Entry {
        let path = clean_path(path);
        let (dir, name) = match path.rsplit_once('/') {
            Some((dir, name)) => (format!("{dir}/"), name),
            None => (String::new(), path.as_str()),
        };
        let whiteout = format!("{dir}.wh.{name}");
        self.file(&whiteout, Vec::new(), 0o644)
    }

    /// Marks directory `dir` opaque: its content in lower layers is hidden
    /// (`<dir>/.wh..wh..opq`). Adds the directory itself too.
    pub fn opaque(&mut self, dir: &str, mode: u32) -> &mut Entry {
        let dir = clean_path(dir);
        self.dir(&dir, mode);
        self.file(&format!("{dir}/.wh..wh..opq"), Vec::new(), 0o644)
    }

    /// Number of entries added so far (implicit parent directories excluded).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes the uncompressed tar archive.
    pub fn build(&self) -> Result<Vec<u8>> {
        let mut entries = self.entries.clone();
        for path in self.entries.keys() {
            let mut parent = path.as_str();
            while let Some((dir, _)) = parent.rsplit_once('/') {
                entries
                    .entry(dir.to_string())
                    .or_insert_with(|| Entry::new(Kind::Dir, 0o755));
                parent = dir;
            }
        }

        let mut tar = tar::Builder::new(Vec::new());
        for (path, entry) in &entries {
            append(&mut tar, &entries, path, entry)
                .with_context(|| format!("adding {path:?} to a layer tar"))?;
        }
        tar.into_inner().context("finishing a layer tar")
    }
}

fn append(
    tar: &mut tar::Builder<Vec<u8>>,
    all: &BTreeMap<String, Entry>,
    path: &str,
    entry: &Entry,
) -> Result<()> {
    if !entry.xattrs.is_empty() {
        let records: Vec<(String, &[u8])> = entry
            .xattrs
            .iter()
            .map(|(name, value)| (format!("SCHILY.xattr.{name}"), value.as_slice()))
            .collect();
        tar.append_pax_extensions(records.iter().map(|(k, v)| (k.as_str(), *v)))?;
    }

    let mut header = Header::new_ustar();
    header.set_mode(entry.mode);
    header.set_uid(entry.uid);
    header.set_gid(entry.gid);
    header.set_username(&entry.user)?;
    header.set_groupname(&entry.group)?;
    header.set_mtime(MTIME);
    header.set_size(0);
    match &entry.kind {
        Kind::Dir => {
            header.set_entry_type(EntryType::Directory);
            tar.append_data(&mut header, format!("{path}/"), std::io::empty())?;
        }
        Kind::File(data) => {
            header.set_entry_type(EntryType::Regular);
            header.set_size(data.len() as u64);
            tar.append_data(&mut header, path, data.as_slice())?;
        }
        Kind::Symlink(target) => {
            header.set_entry_type(EntryType::Symlink);
            tar.append_link(&mut header, path, target)?;
        }
        Kind::Hardlink(target) => {
            match all.get(target) {
                Some(Entry {
                    kind: Kind::File(_),
                    ..
                }) if target.as_str() < path => {}
                _ => bail!(
                    "hard link target {target:?} must be a file of the same layer that sorts before the link"
                ),
            }
            header.set_entry_type(EntryType::Link);
            tar.append_link(&mut header, path, target)?;
        }
    }
    Ok(())
}

/// A tar written entry by entry with exactly the names, types and numbers
/// given: what a hostile tool writes, with none of the checks (no `..`, no
/// absolute names, sizes that match) the `tar` crate's builder makes. GNU
/// headers; names and link names of 100 bytes or more get GNU long-name
/// records.
#[derive(Clone, Debug, Default)]
pub struct RawTar {
    bytes: Vec<u8>,
}

impl RawTar {
    pub fn new() -> RawTar {
        RawTar::default()
    }

    /// An entry of `kind` with `data` (file content, or PAX records for an
    /// `XHeader`), owned by 0:0, mode 0644 (0755 for a directory), mtime 0.
    pub fn entry(&mut self, name: &str, kind: EntryType, link: &str, data: &[u8]) -> &mut RawTar {
        self.entry_with(name, kind, link, data, |_| {})
    }

    /// [`RawTar::entry`] with `adjust` applied to the header before its checksum.
    pub fn entry_with(
        &mut self,
        name: &str,
        kind: EntryType,
        link: &str,
        data: &[u8],
        adjust: impl FnOnce(&mut Header),
    ) -> &mut RawTar {
        for (text, long_kind) in [
            (name, EntryType::GNULongName),
            (link, EntryType::GNULongLink),
        ] {
            if text.len() >= 100 {
                let mut record = text.as_bytes().to_vec();
                record.push(0);
                self.record("././@LongLink", long_kind, "", &record, |_| {});
            }
        }
        self.record(name, kind, link, data, adjust)
    }

    /// A character or block device `major:minor`.
    pub fn device(&mut self, name: &str, kind: EntryType, major: u32, minor: u32) -> &mut RawTar {
        self.entry_with(name, kind, "", b"", |header| {
            header
                .set_device_major(major)
                .expect("a GNU header has device fields");
            header
                .set_device_minor(minor)
                .expect("a GNU header has device fields");
        })
    }

    /// A PAX extended header (for the entry that follows) with these records.
    pub fn pax(&mut self, records: &[(&str, &[u8])]) -> &mut RawTar {
        let mut data = Vec::new();
        for (key, value) in records {
            // "<length> <key>=<value>\n", the length counting itself.
            let rest = key.len() + value.len() + 3;
            let mut length = rest + 1;
            while length != rest + length.to_string().len() {
                length = rest + length.to_string().len();
            }
            data.extend_from_slice(format!("{length} {key}=").as_bytes());
            data.extend_from_slice(value);
            data.push(b'\n');
        }
        self.entry("PaxHeaders/entry", EntryType::XHeader, "", &data)
    }

    /// A GNU sparse file (tar type `S`) of `real_size` bytes whose first 512
    /// are stored and the rest is a hole: a tar of a few blocks that a naive
    /// extractor writes out as `real_size` bytes.
    pub fn sparse(&mut self, name: &str, real_size: u64) -> &mut RawTar {
        self.entry_with(name, EntryType::GNUSparse, "", &[b's'; 512], |header| {
            let gnu = header.as_gnu_mut().expect("a GNU header");
            gnu.sparse[0].set_offset(0);
            gnu.sparse[0].set_length(512);
            // A hole to the end: an empty block there.
            gnu.sparse[1].set_offset(real_size);
            gnu.sparse[1].set_length(0);
            gnu.set_real_size(real_size);
        })
    }

    fn record(
        &mut self,
        name: &str,
        kind: EntryType,
        link: &str,
        data: &[u8],
        adjust: impl FnOnce(&mut Header),
    ) -> &mut RawTar {
        let mut header = Header::new_gnu();
        header.set_entry_type(kind);
        header.set_size(data.len() as u64);
        header.set_mode(if kind == EntryType::Directory {
            0o755
        } else {
            0o644
        });
        header.set_mtime(0);
        header.set_uid(0);
        header.set_gid(0);
        let gnu = header.as_gnu_mut().expect("a GNU header");
        let name = &name.as_bytes()[..name.len().min(99)];
        gnu.name[..name.len()].copy_from_slice(name);
        let link = &link.as_bytes()[..link.len().min(99)];
        gnu.linkname[..link.len()].copy_from_slice(link);
        adjust(&mut header);
        header.set_cksum();
        self.bytes.extend_from_slice(header.as_bytes());
        self.bytes.extend_from_slice(data);
        self.bytes.resize(self.bytes.len().div_ceil(512) * 512, 0);
        self
    }

    /// The archive, with its end-of-archive blocks.
    pub fn finish(&self) -> Vec<u8> {
        let mut bytes = self.bytes.clone();
        bytes.extend_from_slice(&[0; 1024]);
        bytes
    }
}

/// A compressed layer blob with its digests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    pub compression: Compression,
    /// The compressed tar: the blob as stored in a registry.
    pub data: Vec<u8>,
    /// `sha256:` digest of `data`.
    pub digest: String,
    /// `sha256:` digest of the uncompressed tar (the config's `rootfs.diff_ids`).
    pub diff_id: String,
    /// Size of the uncompressed tar in bytes.
    pub tar_size: u64,
    /// Text for the image config's `history[].created_by`.
    pub created_by: String,
}

impl Layer {
    /// Compresses `tar` and computes both digests.
    pub fn new(tar: &[u8], compression: Compression, created_by: &str) -> Result<Layer> {
        let data = compression.compress(tar)?;
        Ok(Layer {
            compression,
            digest: sha256_digest(&data),
            diff_id: sha256_digest(tar),
            tar_size: tar.len() as u64,
            data,
            created_by: created_by.into(),
        })
    }

    /// Builds `builder`'s tar and compresses it.
    pub fn from_builder(
        builder: &LayerBuilder,
        compression: Compression,
        created_by: &str,
    ) -> Result<Layer> {
        let tar = builder
            .build()
            .with_context(|| format!("building layer `{created_by}`"))?;
        Layer::new(&tar, compression, created_by)
    }

    /// The uncompressed tar.
    pub fn tar(&self) -> Result<Vec<u8>> {
        self.compression.decompress(&self.data)
    }
}

/// Deterministic pseudo-random bytes (xorshift64*), for incompressible
/// benchmark data.
pub fn pseudo_random_bytes(seed: u64, len: usize) -> Vec<u8> {
    // A zero state would stay zero forever.
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    if state == 0 {
        state = 1;
    }
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        out.extend_from_slice(&state.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes());
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(tar: &[u8]) -> Vec<(String, EntryType, u64, u64, u32)> {
        let mut archive = tar::Archive::new(tar);
        archive
            .entries()
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let h = e.header();
                (
                    e.path().unwrap().to_string_lossy().into_owned(),
                    h.entry_type(),
                    h.uid().unwrap(),
                    h.gid().unwrap(),
                    h.mode().unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn sorted_with_implicit_parents_and_stable() {
        let mut b = LayerBuilder::new();
        b.file("/z/b/file", "x", 0o644)
            .owner(1000, 1000, "tester", "tester");
        b.symlink("a/link", "../z/b/file");
        b.whiteout("etc/gone");
        b.opaque("o", 0o750);
        let tar = b.build().unwrap();
        assert_eq!(tar, b.build().unwrap(), "same input gives the same bytes");
        let names: Vec<_> = entries(&tar).into_iter().map(|e| e.0).collect();
        assert_eq!(
            names,
            [
                "a/",
                "a/link",
                "etc/",
                "etc/.wh.gone",
                "o/",
                "o/.wh..wh..opq",
                "z/",
                "z/b/",
                "z/b/file"
            ]
        );
        let file = entries(&tar)
            .into_iter()
            .find(|e| e.0 == "z/b/file")
            .unwrap();
        assert_eq!((file.2, file.3), (1000, 1000));
    }

    #[test]
    fn hardlink_target_must_come_first() {
        let mut b = LayerBuilder::new();
        b.file("b", "x", 0o644);
        b.hardlink("a", "b");
        assert!(b.build().is_err());
        let mut b = LayerBuilder::new();
        b.file("a", "x", 0o644);
        b.hardlink("b", "a");
        let tar = b.build().unwrap();
        assert!(
            entries(&tar)
                .iter()
                .any(|e| e.0 == "b" && e.1 == EntryType::Link)
        );
    }

    #[test]
    fn compression_round_trip_and_magic() {
        let mut b = LayerBuilder::new();
        b.file("f", "hello", 0o644).xattr("user.rcon.test", b"1");
        let tar = b.build().unwrap();
        for c in [Compression::Gzip, Compression::Zstd] {
            let layer = Layer::new(&tar, c, "test").unwrap();
            assert_eq!(Compression::detect(&layer.data), Some(c));
            assert_eq!(layer.tar().unwrap(), tar);
            assert_eq!(layer.diff_id, sha256_digest(&tar));
            assert_eq!(layer, Layer::new(&tar, c, "test").unwrap());
        }
        let mut archive = tar::Archive::new(tar.as_slice());
        let mut entry = archive.entries().unwrap().next().unwrap().unwrap();
        let pax: Vec<_> = entry
            .pax_extensions()
            .unwrap()
            .unwrap()
            .map(|p| p.unwrap().key().unwrap().to_string())
            .collect();
        assert_eq!(pax, ["SCHILY.xattr.user.rcon.test"]);
    }

    #[test]
    fn raw_tars_hold_what_they_are_given() {
        let long = format!("../{}", "x".repeat(120));
        let tar = RawTar::new()
            .entry(&long, EntryType::Regular, "", b"data")
            .pax(&[("comment", b"hi")])
            .device("dev/null", EntryType::Char, 1, 3)
            .sparse("holes", 1 << 30)
            .finish();
        let mut archive = tar::Archive::new(tar.as_slice());
        let mut seen = Vec::new();
        for entry in archive.entries().unwrap() {
            let entry = entry.unwrap();
            let header = entry.header();
            seen.push((
                String::from_utf8_lossy(&entry.path_bytes()).into_owned(),
                header.entry_type(),
                entry.size(),
            ));
        }
        assert_eq!(
            seen,
            [
                (long, EntryType::Regular, 4),
                ("dev/null".into(), EntryType::Char, 0),
                ("holes".into(), EntryType::GNUSparse, 1 << 30),
            ]
        );
    }

    #[test]
    fn digest_format() {
        assert_eq!(
            sha256_digest(b""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn pseudo_random_is_deterministic() {
        assert_eq!(pseudo_random_bytes(7, 1000), pseudo_random_bytes(7, 1000));
        assert_ne!(pseudo_random_bytes(7, 1000), pseudo_random_bytes(8, 1000));
        assert_eq!(pseudo_random_bytes(1, 13).len(), 13);
    }
}
