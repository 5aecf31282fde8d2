//! The bodies of the fuzz targets, shared by the brief run in every
//! `cargo test` (`tests/it/fuzz.rs`) and the long one under cargo-fuzz
//! (`fuzz/`, which includes this file): each takes any bytes, must not
//! panic, hang or take unbounded memory, and checks the property it is for.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rcon::image::Reference;
use rcon::image::config::ImageConfig;
use rcon::image::pull::ManifestDoc;
use rcon::image::reference::check_digest;
use rcon::storage::extract::{ExtractOptions, Ownership, extract_layer};

/// The most file content a fuzzed layer may write: keeps each input fast.
const MAX_LAYER_SIZE: u64 = 1 << 20;

/// Extracts `data` as an uncompressed layer into a fresh directory and
/// checks that, whatever the outcome, nothing appeared beside that
/// directory. Header checksums are made right first, so inputs get past the
/// tar crate's first check into the code that matters.
pub fn extract(data: &[u8]) {
    let mut data = data.to_vec();
    fix_checksums(&mut data);
    let scratch = Scratch::new();
    let dest = scratch.0.join("layer");
    std::fs::create_dir(&dest).unwrap();
    let options = ExtractOptions {
        ownership: Ownership::Squash,
    };
    let _ = extract_layer(&data[..], &dest, &options, Some(MAX_LAYER_SIZE));
    assert_eq!(
        names(&scratch.0),
        ["layer"],
        "nothing is written beside the layer"
    );
}

/// Parses `data` as a manifest or index, as an image config and as a
/// reference: whatever is accepted names only valid digests.
pub fn documents(data: &[u8]) {
    if let Ok(doc) = ManifestDoc::from_json(data) {
        let digests = doc
            .manifests
            .iter()
            .flatten()
            .map(|entry| entry.digest.as_str())
            .chain(doc.config.iter().map(|config| config.digest.as_str()))
            .chain(
                doc.layers
                    .iter()
                    .flatten()
                    .map(|layer| layer.digest.as_str()),
            );
        for digest in digests {
            assert!(check_digest(digest).is_ok(), "accepted {digest:?}");
        }
    }
    if let Ok(config) = ImageConfig::parse(data) {
        for diff_id in config.oci.rootfs().diff_ids() {
            assert!(check_digest(diff_id).is_ok(), "accepted {diff_id:?}");
        }
        // What rcon writes of a config it accepted reads back the same.
        let written = config.to_json();
        let again = ImageConfig::parse(&written).expect("a written config parses");
        assert_eq!(again.to_json(), written);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(reference) = Reference::parse(text) {
            if let Some(digest) = reference.digest() {
                assert!(check_digest(digest).is_ok(), "accepted {digest:?}");
            }
        }
    }
}

/// Sets the checksum of every 512-byte block that has a ustar or GNU magic.
pub fn fix_checksums(data: &mut [u8]) {
    for block in data.chunks_exact_mut(512) {
        if &block[257..262] != b"ustar" {
            continue;
        }
        block[148..156].fill(b' ');
        let sum: u32 = block.iter().map(|&b| u32::from(b)).sum();
        let field = format!("{sum:06o}\0 ");
        block[148..156].copy_from_slice(field.as_bytes());
    }
}

/// A directory of its own under the system temp dir, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("rcon-fuzz-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir(&path).unwrap();
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        make_writable(&self.0);
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Lets an ordinary user remove what an extraction made read-only (never
/// follows symlinks).
fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            make_writable(&entry.path());
        }
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
