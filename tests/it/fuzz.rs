//! A brief fuzz run in every `cargo test`: the fuzz targets
//! (`tests/it/fuzz_targets/`) over a seed corpus made like the attack suite's
//! images — hostile layers and documents — and a bounded number of random
//! mutations of it, from a fixed seed so that a failure repeats (set
//! `RCON_FUZZ_SEED` to try others, `RCON_FUZZ_ITERATIONS` for more rounds).
//! The long run is cargo-fuzz's: docs/SECURITY.md, "Fuzzing".

use crate::fuzz_targets;

use testkit::hostile::small_image;
use testkit::serde_json::json;
use testkit::tar::EntryType;
use testkit::{Format, LayerBuilder, RawTar};

const DEFAULT_SEED: u64 = 0x5eed_f022;

/// Layers (uncompressed tars) of every kind the attack suite serves, kept small.
fn layer_seeds() -> Vec<Vec<u8>> {
    let mut normal = LayerBuilder::new();
    normal.dir("etc", 0o755);
    normal
        .file("etc/file", "content\n", 0o4755)
        .owner(1000, 1000, "u", "g");
    normal
        .file("etc/xattr", "x", 0o644)
        .xattr("user.rcon.test", b"1");
    normal.symlink("etc/link", "../etc/file");
    normal.hardlink("etc/hard", "etc/file");
    normal.whiteout("gone");
    normal.opaque("opaque", 0o755);
    let mut seeds = vec![normal.build().unwrap()];
    let raw = |build: &dyn Fn(&mut RawTar)| {
        let mut tar = RawTar::new();
        build(&mut tar);
        tar.finish()
    };
    let file = EntryType::Regular;
    seeds.extend([
        raw(&|t| {
            t.entry("../../escape", file, "", b"x");
        }),
        raw(&|t| {
            t.entry("/abs/file", file, "", b"x");
        }),
        raw(&|t| {
            t.entry("out", EntryType::Symlink, "/", b"")
                .entry("out/etc/x", file, "", b"x")
                .entry("up", EntryType::Symlink, "../../..", b"")
                .entry("up/y", file, "", b"y");
        }),
        raw(&|t| {
            t.entry("hl", EntryType::Link, "/etc/passwd", b"")
                .entry("hl2", EntryType::Link, "../x", b"")
                .entry("f", file, "", b"f")
                .entry("hl3", EntryType::Link, "f", b"")
                .entry("hl3", file, "", b"over");
        }),
        raw(&|t| {
            t.entry("dir/.wh..", file, "", b"")
                .entry("dir/.wh..wh..opq", file, "", b"")
                .entry(".wh.x", file, "", b"");
        }),
        raw(&|t| {
            t.device("c", EntryType::Char, 1, 3)
                .device("b", EntryType::Block, 8, 0)
                .device("w", EntryType::Char, 0, 0)
                .entry("p", EntryType::Fifo, "", b"");
        }),
        raw(&|t| {
            t.pax(&[("size", b"5")])
                .entry_with("resized", file, "", b"12345", |h| h.set_size(0))
                .pax(&[
                    ("SCHILY.xattr.user.overlay.opaque", b"y"),
                    ("SCHILY.xattr.security.capability", b"\x01\0\0\x02"),
                    ("mtime", b"-1.5"),
                ])
                .entry("attrs", file, "", b"a");
        }),
        raw(&|t| {
            t.entry(&"l".repeat(150), file, &"k".repeat(120), b"long")
                .entry(".", EntryType::Directory, "", b"");
        }),
        raw(&|t| {
            t.entry("before", file, "", b"1").sparse("holes", 1 << 40);
        }),
    ]);
    seeds
}

/// Manifests, indexes, configs and references, honest and hostile.
fn document_seeds() -> Vec<Vec<u8>> {
    let oci = small_image("seed/oci", Format::Oci).unwrap();
    let docker = small_image("seed/docker", Format::Docker).unwrap();
    let hostile = docker.edited(
        "seed/hostile",
        |config| config["rootfs"]["diff_ids"][0] = json!("sha256:../../x"),
        |manifest| {
            manifest["layers"][0]["digest"] = json!("sha256:../../../../tmp/x");
            manifest["layers"][0]["size"] = json!(-1);
            manifest["layers"][0]["urls"] = json!(["http://127.0.0.1:1/x"]);
        },
    );
    // Docker's fields OCI lacks, and the maps oci-spec reads as lists.
    let docker_fields = docker.edited(
        "seed/docker-fields",
        |config| {
            config["config"]["Healthcheck"] =
                json!({"Test": ["CMD", "true"], "Interval": 1, "Retries": 3});
            config["config"]["OnBuild"] = json!(["RUN true"]);
            config["config"]["Shell"] = json!(["/bin/sh", "-c"]);
            config["config"]["ExposedPorts"] = json!({"80/tcp": {}, "53/udp": {}});
            config["config"]["Volumes"] = json!({"/data": {}});
        },
        |_| {},
    );
    let mut seeds = vec![
        docker_fields.config().to_vec(),
        oci.index.clone().unwrap(),
        oci.manifest.clone(),
        oci.config().to_vec(),
        docker.manifest.clone(),
        hostile.manifest.clone(),
        hostile.config().to_vec(),
    ];
    let hex = "a".repeat(64);
    seeds.extend(
        [
            format!("127.0.0.1:5000/team/app:v1@sha256:{hex}"),
            "alpine".to_string(),
            format!("docker.io/library/busybox@sha512:{hex}{hex}"),
        ]
        .map(String::into_bytes),
    );
    seeds
}

/// Deterministic pseudo-random numbers (xorshift64*).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that matter to tar headers, JSON and digests.
const INTERESTING: &[u8] = b"\x00\xff/.07 \"\n:xLKSgx5{}[]-";

/// 1 to 8 random changes to `input`, some of them aware of tar's layout
/// (a header's size and type fields) and some splicing in other seeds.
fn mutate(input: &[u8], seeds: &[Vec<u8>], random: &mut Random) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..=random.below(8) {
        let at = random.below(data.len());
        match random.below(7) {
            0 if !data.is_empty() => data[at] ^= 1 << random.below(8),
            1 if !data.is_empty() => data[at] = INTERESTING[random.below(INTERESTING.len())],
            2 => {
                let end = (at + random.below(64)).min(data.len());
                data.drain(at..end);
            }
            3 => {
                let end = (at + random.below(512)).min(data.len());
                let copy = data[at..end].to_vec();
                let to = random.below(data.len());
                data.splice(to..to, copy);
            }
            4 => {
                let other = &seeds[random.below(seeds.len())];
                let from = random.below(other.len());
                let chunk = &other[from..(from + random.below(256)).min(other.len())];
                let end = (at + chunk.len()).min(data.len());
                data.splice(at..end, chunk.iter().copied());
            }
            5 if data.len() >= 512 => {
                let block = random.below(data.len() / 512) * 512;
                let size = format!("{:011o}", random.next() >> random.below(64));
                let size = &size.as_bytes()[size.len().saturating_sub(11)..];
                data[block + 124..block + 124 + size.len()].copy_from_slice(size);
            }
            6 if data.len() >= 512 => {
                let block = random.below(data.len() / 512) * 512;
                data[block + 156] = b"0125673LKSxgV"[random.below(13)];
            }
            _ => {}
        }
    }
    data
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `target` on every seed, then on `rounds` mutations of them.
fn fuzz(target: fn(&[u8]), seeds: &[Vec<u8>], rounds: u64) {
    for seed in seeds {
        target(seed);
    }
    let start = env_number("RCON_FUZZ_SEED", DEFAULT_SEED);
    let mut random = Random(start | 1);
    let rounds = env_number("RCON_FUZZ_ITERATIONS", rounds);
    for round in 0..rounds {
        let input = mutate(&seeds[random.below(seeds.len())], seeds, &mut random);
        let outcome = std::panic::catch_unwind(|| target(&input));
        if let Err(panic) = outcome {
            let path = std::env::temp_dir().join(format!("rcon-fuzz-crash-{start}-{round}"));
            std::fs::write(&path, &input).unwrap();
            std::panic::resume_unwind(Box::new(format!(
                "round {round} of seed {start}: input saved in {}: {panic:?}",
                path.display()
            )));
        }
    }
}

#[test]
fn layer_extraction_survives_mutated_hostile_layers() {
    fuzz(fuzz_targets::extract, &layer_seeds(), 500);
}

#[test]
fn documents_survive_mutated_manifests_configs_and_references() {
    fuzz(fuzz_targets::documents, &document_seeds(), 3000);
}

/// Writes the seed corpus for cargo-fuzz into `fuzz/corpus/<target>/`:
/// `cargo test --test it -- --ignored fuzz::write_fuzz_corpus`.
#[test]
#[ignore = "writes files into the source tree"]
fn write_fuzz_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for (target, seeds) in [("extract", layer_seeds()), ("documents", document_seeds())] {
        let dir = root.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        for (i, seed) in seeds.iter().enumerate() {
            std::fs::write(dir.join(format!("seed-{i:02}")), seed).unwrap();
        }
    }
}
