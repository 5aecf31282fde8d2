//! The attack suite, registry half: a registry that lies (testkit's
//! `HostileRegistry`, a real socket on 127.0.0.1) and images built to harm
//! whoever unpacks them (served by the real registry), pulled by rcon as the
//! unprivileged test user. Each case checks, on the host: the pull fails
//! with a clear one-line error and exit 125 (or, for what is contained, that
//! it succeeds harmlessly); nothing appeared or changed outside the store;
//! nothing was asked of the registry outside `/v2/<name>/manifests/` and
//! `/v2/<name>/blobs/`; nothing whose digest does not match was stored, and
//! no work directory was left; and the store still pulls a good image.
//!
//! Covered elsewhere, not repeated here: `..` and absolute names, symlink and
//! hardlink escapes (`images_robust::hostile_layers_are_refused_or_contained_and_nothing_is_written_outside`),
//! a blob corrupted on the registry's disk (`images_robust::a_corrupt_blob_fails_the_pull_and_stores_nothing`),
//! a pull killed mid-way (`images_robust::a_pull_killed_midway_leaves_a_store_the_next_pull_completes`),
//! and the extractor's own unit tests (`src/storage/extract/tests.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common;
use crate::common::{TestEnv, command_timeout, image_ref, run_command, user_with_ranges};
use testkit::hostile::{blob_path, manifest_path, small_image};
use testkit::serde_json::{Value, json};
use testkit::tar::EntryType;
use testkit::{
    Answer, Compression, Format, HostileRegistry, Image, ImageBuilder, Layer, LayerBuilder, RawTar,
    Registry, Routes, catalog, sha256_digest,
};

/// An image whose one layer is `tar`, exactly as given.
fn raw_image(name: &str, tar: &RawTar) -> Image {
    let layer = Layer::new(&tar.finish(), Compression::Gzip, name).unwrap();
    ImageBuilder::new(name, Format::Docker)
        .layer(layer)
        .build()
        .unwrap()
}

/// Every file and directory below `dir` with its size, the store and the
/// directories it is in excluded.
fn snapshot(dir: &Path, store: &Path) -> BTreeMap<PathBuf, u64> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path == store {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                pending.push(path.clone());
            }
            if !store.starts_with(&path) {
                found.insert(path, meta.len());
            }
        }
    }
    found
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// One attack: an environment of the test user with a directory outside the
/// store (`sentinel`, holding `target-file`) that the user may write to, and
/// a record of everything in HOME outside the store before the attack (the
/// runtime directory, outside HOME, is rcon's to change).
struct Attack {
    env: TestEnv,
    sentinel: PathBuf,
    before: BTreeMap<PathBuf, u64>,
}

impl Attack {
    fn new() -> Attack {
        let env = TestEnv::new(user_with_ranges());
        let sentinel = env.home.join("sentinel");
        std::fs::create_dir(&sentinel).unwrap();
        std::fs::write(sentinel.join("target-file"), "original\n").unwrap();
        if testkit::host::is_root() {
            for path in [sentinel.clone(), sentinel.join("target-file")] {
                std::os::unix::fs::chown(&path, Some(env.user.uid), Some(env.user.gid)).unwrap();
            }
        }
        let before = snapshot(&env.home, &env.data_dir());
        Attack {
            env,
            sentinel,
            before,
        }
    }

    /// `rcon pull --tls-verify=false REFERENCE` with `vars` in its environment.
    fn pull(&self, reference: &str, vars: &[(&str, &str)]) -> common::RunResult {
        let mut command = self.env.rcon();
        command
            .envs(vars.iter().copied())
            .args(["pull", "--tls-verify=false", reference]);
        run_command(&mut command, None, command_timeout()).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The pull failed as it should, after doing no harm: nothing of the
    /// attack stored and [`Attack::assert_contained`]; then (what rcon said
    /// about it) exit 125 and one error line holding every one of
    /// `needles`; and a good image still pulls.
    #[track_caller]
    fn assert_refused(&self, result: &common::RunResult, needles: &[&str]) {
        // Only the good image of an earlier check may be stored.
        let data = self.env.data_dir();
        let good = common::image(catalog::BUSYBOX);
        let hex = |digest: &str| digest.trim_start_matches("sha256:").to_string();
        for image in names(&data.join("images")) {
            assert_eq!(
                image,
                hex(&good.config_digest),
                "nothing of the attack stored\n{}",
                result.transcript()
            );
        }
        for layer in names(&data.join("layers")) {
            assert!(
                good.layers.iter().any(|l| hex(&l.diff_id) == layer),
                "layer {layer} of the attack stored\n{}",
                result.transcript()
            );
        }
        self.assert_contained();
        result.code_is(125);
        let errors: Vec<&str> = result
            .stderr
            .lines()
            .filter(|l| l.starts_with("Error"))
            .collect();
        assert_eq!(errors.len(), 1, "one error line:\n{}", result.stderr);
        for needle in needles {
            assert!(
                errors[0].contains(needle),
                "the error should say {needle:?}:\n{}",
                result.stderr
            );
        }
        self.assert_store_usable();
    }

    /// [`Attack::assert_contained`] and [`Attack::assert_store_usable`].
    #[track_caller]
    fn assert_harmless(&self) {
        self.assert_contained();
        self.assert_store_usable();
    }

    /// Nothing changed outside the store, and the store holds nothing half
    /// made or unverified.
    #[track_caller]
    fn assert_contained(&self) {
        let data = self.env.data_dir();
        assert_eq!(
            snapshot(&self.env.home, &data),
            self.before,
            "nothing outside the store changed"
        );
        assert_eq!(
            std::fs::read_to_string(self.sentinel.join("target-file")).unwrap(),
            "original\n"
        );
        assert_eq!(
            names(&data.join("tmp")),
            Vec::<String>::new(),
            "no work dir left"
        );
        assert_store_verified(&data);
    }

    /// A good image still pulls into the store.
    #[track_caller]
    fn assert_store_usable(&self) {
        let good = image_ref(catalog::BUSYBOX);
        self.env
            .run(&["pull", "-q", "--tls-verify=false", &good])
            .ok();
        let listed = self.env.run(&["images", "-q", "--no-trunc"]);
        assert!(
            listed
                .ok()
                .stdout
                .contains(&common::image(catalog::BUSYBOX).config_digest),
            "{}",
            listed.stdout
        );
    }
}

/// Every stored layer's blob has the digest its record gives, and every
/// stored image's config has its ID as digest.
#[track_caller]
fn assert_store_verified(data: &Path) {
    for layer in names(&data.join("layers")) {
        let dir = data.join("layers").join(&layer);
        let record: Value =
            testkit::serde_json::from_slice(&std::fs::read(dir.join("layer.json")).unwrap())
                .unwrap();
        let blob = std::fs::read(dir.join("blob")).unwrap();
        assert_eq!(
            record["compressedDigest"].as_str(),
            Some(sha256_digest(&blob).as_str()),
            "layer {layer}"
        );
    }
    for image in names(&data.join("images")) {
        let config = std::fs::read(data.join("images").join(&image).join("config.json")).unwrap();
        assert_eq!(sha256_digest(&config), format!("sha256:{image}"));
    }
}

/// `HOST/NAME:latest` on the hostile registry.
fn reference(server: &HostileRegistry, image: &Image) -> String {
    image.reference(&server.addr)
}

#[track_caller]
fn assert_no_strays(server: &HostileRegistry, image: &Image) {
    assert_eq!(
        server.strays(&image.name),
        Vec::<String>::new(),
        "every request: {:#?}",
        server.requests()
    );
}

// ---------------------------------------------------------------------------
// Digests that are paths

#[test]
fn a_traversal_digest_in_a_manifest_is_refused_before_it_names_a_url() {
    let attack = Attack::new();
    let image = small_image("attack/layer-digest", Format::Docker)
        .unwrap()
        .edited(
            "attack/layer-digest",
            |_| {},
            |manifest| manifest["layers"][0]["digest"] = json!("sha256:../../../../tmp/x"),
        );
    let server = HostileRegistry::start(Routes::for_image(&image)).unwrap();
    let result = attack.pull(&reference(&server, &image), &[]);
    assert_no_strays(&server, &image);
    attack.assert_refused(&result, &["layer 1", "sha256:../../../../tmp/x"]);
}

#[test]
fn a_traversal_digest_in_an_index_is_refused_before_it_names_a_url() {
    let attack = Attack::new();
    let image = small_image("attack/index-digest", Format::Oci).unwrap();
    let index = json!({
        "schemaVersion": 2,
        "mediaType": testkit::media_type::OCI_INDEX,
        "manifests": [{
            "mediaType": testkit::media_type::OCI_MANIFEST,
            "digest": "sha256:../../../../../v2/other/manifests/latest",
            "size": image.manifest.len(),
            "platform": { "os": image.platform.os, "architecture": image.platform.architecture },
        }],
    });
    let mut routes = Routes::for_image(&image);
    routes.set(
        &manifest_path(&image, "latest"),
        Answer::Body {
            content_type: testkit::media_type::OCI_INDEX.into(),
            body: testkit::serde_json::to_vec(&index).unwrap(),
        },
    );
    let server = HostileRegistry::start(routes).unwrap();
    let result = attack.pull(&reference(&server, &image), &[]);
    assert_no_strays(&server, &image);
    attack.assert_refused(&result, &["entry 1 of the index", "invalid digest"]);
}

#[test]
fn a_traversal_diff_id_in_a_config_writes_nothing_outside_the_store() {
    let attack = Attack::new();
    // From the store's locks/ (HOME/.local/share/rcon/locks) to the sentinel:
    // a lock file for this "layer" would be created there.
    let planted = "sha256:../../../../sentinel/planted";
    let image = small_image("attack/diff-id", Format::Docker)
        .unwrap()
        .edited(
            "attack/diff-id",
            |config| config["rootfs"]["diff_ids"][0] = json!(planted),
            |_| {},
        );
    let server = HostileRegistry::start(Routes::for_image(&image)).unwrap();
    let result = attack.pull(&reference(&server, &image), &[]);
    assert!(!attack.sentinel.join("planted").exists());
    assert_no_strays(&server, &image);
    attack.assert_refused(&result, &["diff ID 1", planted]);
}

// ---------------------------------------------------------------------------
// Documents too large

#[test]
fn an_oversized_manifest_is_refused_at_4_mib() {
    let attack = Attack::new();
    let image = small_image("attack/big-manifest", Format::Docker).unwrap();
    // A valid manifest followed by 60 MiB of JSON whitespace: Podman refuses
    // anything over 4 MiB; so must rcon, whether the length is announced
    // (refused at once) or the body just never ends (refused at 4 MiB read).
    for (length, announce) in [(64 << 20, true), (u64::MAX, false)] {
        let mut routes = Routes::for_image(&image);
        routes.set(
            &manifest_path(&image, "latest"),
            Answer::Padded {
                content_type: image.manifest_media_type.clone(),
                head: image.manifest.clone(),
                fill: b' ',
                length,
                announce,
            },
        );
        let server = HostileRegistry::start(routes).unwrap();
        let result = attack.pull(&reference(&server, &image), &[]);
        assert_no_strays(&server, &image);
        attack.assert_refused(&result, &["manifest", "larger than 4194304 bytes"]);
    }
}

#[test]
fn an_oversized_config_is_refused_at_4_mib() {
    let attack = Attack::new();
    let base = small_image("attack/big-config", Format::Docker).unwrap();
    // A config of 64 MiB (valid JSON, then whitespace) with its true digest.
    let mut big = base.config().to_vec();
    big.resize(64 << 20, b' ');
    let digest = sha256_digest(&big);
    for declared in [big.len(), base.config().len()] {
        let image = base.edited(
            "attack/big-config",
            |_| {},
            |manifest| {
                manifest["config"]["digest"] = json!(digest);
                manifest["config"]["size"] = json!(declared);
            },
        );
        let mut routes = Routes::for_image(&image);
        routes.set(
            &blob_path(&image, &digest),
            Answer::Padded {
                content_type: "application/octet-stream".into(),
                head: base.config().to_vec(),
                fill: b' ',
                length: big.len() as u64,
                announce: true,
            },
        );
        let server = HostileRegistry::start(routes).unwrap();
        let result = attack.pull(&reference(&server, &image), &[]);
        assert_no_strays(&server, &image);
        attack.assert_refused(&result, &["config", "4194304"]);
    }
}

// ---------------------------------------------------------------------------
// Blobs that lie

/// `image` served honestly except for its layer blob, which answers `answer`.
fn serve_with_layer(image: &Image, answer: Answer) -> HostileRegistry {
    let mut routes = Routes::for_image(image);
    routes.set(&blob_path(image, &image.layers[0].digest), answer);
    HostileRegistry::start(routes).unwrap()
}

fn layer_blob(image: &Image) -> Vec<u8> {
    image.blob(&image.layers[0].digest).unwrap().to_vec()
}

#[test]
fn a_blob_that_does_not_match_its_digest_is_not_stored() {
    let attack = Attack::new();
    let mut files = LayerBuilder::new();
    files.file("hello", "not what the digest says\n", 0o644);
    let impostor = Layer::from_builder(&files, Compression::Gzip, "impostor").unwrap();
    // The size is right, so the digests are what must catch it.
    let image = small_image("attack/wrong-blob", Format::Docker)
        .unwrap()
        .edited(
            "attack/wrong-blob",
            |_| {},
            |manifest| manifest["layers"][0]["size"] = json!(impostor.data.len()),
        );
    assert_ne!(impostor.digest, image.layers[0].digest);
    let server = serve_with_layer(
        &image,
        Answer::Body {
            content_type: "application/octet-stream".into(),
            body: impostor.data,
        },
    );
    let result = attack.pull(&reference(&server, &image), &[]);
    assert_no_strays(&server, &image);
    attack.assert_refused(&result, &[&image.layers[0].digest, "digest"]);
}

#[test]
fn a_lying_content_length_fails_the_pull_cleanly() {
    let attack = Attack::new();
    let image = small_image("attack/content-length", Format::Docker).unwrap();
    let blob = layer_blob(&image);
    let real = blob.len() as u64;
    // Announces more than it sends, then closes; announces less than it sends.
    let short = format!("sent only {} bytes", real - 10);
    for (length, needle) in [(real + 4096, "end of file"), (real - 10, short.as_str())] {
        let server = serve_with_layer(
            &image,
            Answer::LyingLength {
                body: blob.clone(),
                length,
            },
        );
        let result = attack.pull(&reference(&server, &image), &[]);
        assert_no_strays(&server, &image);
        attack.assert_refused(&result, &[&server.addr, &image.layers[0].digest, needle]);
    }
}

#[test]
fn a_registry_that_stalls_mid_blob_times_out_with_a_clear_error() {
    let attack = Attack::new();
    // Big enough that half of it is more than the client's first read.
    let mut files = LayerBuilder::new();
    files.file(
        "noise",
        testkit::layer::pseudo_random_bytes(1, 1 << 20),
        0o644,
    );
    let layer = Layer::from_builder(&files, Compression::Gzip, "noise").unwrap();
    let image = ImageBuilder::new("attack/stall", Format::Docker)
        .layer(layer)
        .build()
        .unwrap();
    let blob = layer_blob(&image);
    let server = serve_with_layer(
        &image,
        Answer::Stall {
            after: blob.len() / 2,
            body: blob,
        },
    );
    // A short timeout through the user's knob keeps the test fast; the
    // server stalls until rcon gives up.
    let result = attack.pull(
        &reference(&server, &image),
        &[("RCON_REGISTRY_TIMEOUT", "1")],
    );
    assert_no_strays(&server, &image);
    attack.assert_refused(
        &result,
        &[
            &server.addr,
            &image.layers[0].digest,
            "sent nothing for 1 s",
            "RCON_REGISTRY_TIMEOUT",
        ],
    );
}

#[test]
fn a_connection_reset_mid_blob_fails_the_pull_cleanly() {
    let attack = Attack::new();
    let image = small_image("attack/reset", Format::Docker).unwrap();
    let blob = layer_blob(&image);
    let server = serve_with_layer(
        &image,
        Answer::Reset {
            after: blob.len() / 2,
            body: blob,
        },
    );
    let result = attack.pull(&reference(&server, &image), &[]);
    assert_no_strays(&server, &image);
    attack.assert_refused(&result, &[&image.layers[0].digest]);
}

#[test]
fn foreign_layer_urls_are_never_fetched() {
    let attack = Attack::new();
    // A layer the registry does not have, but that its manifest says can be
    // had elsewhere: from a URL of the attacker's choosing (here the same
    // server, so the request would be seen).
    let server_routes = |image: &Image| {
        let mut routes = Routes::for_image(image);
        routes.set(
            &blob_path(image, &image.layers[0].digest),
            Answer::Status(404),
        );
        routes
    };
    let probe = HostileRegistry::start(Routes::new()).unwrap();
    let exfil = format!("http://{}/exfil", probe.addr);
    let image = small_image("attack/foreign", Format::Docker)
        .unwrap()
        .edited(
            "attack/foreign",
            |_| {},
            |manifest| manifest["layers"][0]["urls"] = json!([exfil]),
        );
    let server = HostileRegistry::start(server_routes(&image)).unwrap();
    let result = attack.pull(&reference(&server, &image), &[]);
    assert_eq!(
        probe.requests(),
        Vec::<String>::new(),
        "no request to {exfil}"
    );
    assert_no_strays(&server, &image);
    attack.assert_refused(&result, &[&image.layers[0].digest, "not found"]);
}

// ---------------------------------------------------------------------------
// Layers built to harm (served by the real registry)

fn real_registry(images: &[&Image]) -> Registry {
    let registry = Registry::start().expect("starting a registry");
    for image in images {
        registry
            .client()
            .push(image)
            .expect("pushing a hostile image");
    }
    registry
}

#[test]
fn a_sparse_file_layer_is_refused_before_it_is_written() {
    let attack = Attack::new();
    // 2 GiB of file from a layer of a few hundred bytes.
    let image = raw_image(
        "attack/sparse",
        RawTar::new()
            .entry("before", EntryType::Regular, "", b"1")
            .sparse("bomb", 2 << 30),
    );
    assert!(image.layers[0].size < 1024, "{}", image.layers[0].size);
    let registry = real_registry(&[&image]);
    let result = attack.pull(&image.reference(&registry.addr), &[]);
    attack.assert_refused(
        &result,
        &[
            "\"bomb\"",
            "GNU sparse file",
            "unhandled tar header type 83",
        ],
    );
}

#[test]
fn a_layer_over_the_size_limit_is_refused_and_the_limit_is_the_users() {
    let attack = Attack::new();
    // 4 MiB of zeros: a few KiB compressed.
    let image = raw_image(
        "attack/large",
        RawTar::new().entry("zeros", EntryType::Regular, "", &vec![0; 4 << 20]),
    );
    let registry = real_registry(&[&image]);
    let reference = image.reference(&registry.addr);
    let result = attack.pull(&reference, &[("RCON_MAX_LAYER_SIZE", "1M")]);
    attack.assert_refused(&result, &["1048576", "RCON_MAX_LAYER_SIZE"]);
    attack
        .pull(&reference, &[("RCON_MAX_LAYER_SIZE", "8M")])
        .ok();
    assert_store_verified(&attack.env.data_dir());
    attack
        .pull(&reference, &[("RCON_MAX_LAYER_SIZE", "lots")])
        .code_is(125);
}

#[test]
fn oversized_tar_metadata_is_refused() {
    let attack = Attack::new();
    let long = vec![b'x'; 2 << 20];
    let pax = raw_image(
        "attack/pax",
        RawTar::new()
            .pax(&[("comment", &long)])
            .entry("file", EntryType::Regular, "", b"1"),
    );
    let name = raw_image(
        "attack/long-name",
        RawTar::new().entry(
            &String::from_utf8(vec![b'n'; 2 << 20]).unwrap(),
            EntryType::Regular,
            "",
            b"1",
        ),
    );
    let registry = real_registry(&[&pax, &name]);
    for (image, what) in [(&pax, "PAX extended header"), (&name, "GNU long name")] {
        let result = attack.pull(&image.reference(&registry.addr), &[]);
        attack.assert_refused(&result, &[what, "more than 1048576"]);
    }
}

#[test]
fn whiteouts_cannot_reach_outside_the_layer() {
    let attack = Attack::new();
    let outside = attack.sentinel.to_str().unwrap().to_string();
    let images = [
        // Whiteouts of the target through a symlink to the host directory,
        // and an opaque marker there: refused (the link leads nowhere in
        // the layer), never applied to the host.
        raw_image(
            "attack/whiteout-through-symlink",
            RawTar::new()
                .entry("out", EntryType::Symlink, &outside, b"")
                .entry("out/.wh.target-file", EntryType::Regular, "", b"")
                .entry("out/.wh..wh..opq", EntryType::Regular, "", b""),
        ),
        // Whiteouts of `..` and of nothing.
        raw_image(
            "attack/whiteout-dotdot",
            RawTar::new().entry("dir/.wh..", EntryType::Regular, "", b""),
        ),
        raw_image(
            "attack/whiteout-empty",
            RawTar::new().entry(".wh.", EntryType::Regular, "", b""),
        ),
    ];
    let registry = real_registry(&images.iter().collect::<Vec<_>>());
    for image in &images {
        let result = attack.pull(&image.reference(&registry.addr), &[]);
        attack.assert_refused(&result, &["refused"]);
    }
    assert_eq!(
        xattr::get(&attack.sentinel, "user.overlay.opaque").unwrap(),
        None
    );
}

#[test]
fn device_nodes_in_a_layer_are_never_created() {
    let attack = Attack::new();
    let image = raw_image(
        "attack/devices",
        RawTar::new()
            .entry("dev", EntryType::Directory, "", b"")
            .device("dev/mem", EntryType::Char, 1, 1)
            .device("dev/sda", EntryType::Block, 8, 0)
            .entry("dev/kept", EntryType::Regular, "", b"kept\n"),
    );
    let registry = real_registry(&[&image]);
    attack.pull(&image.reference(&registry.addr), &[]).ok();
    let diff = layer_diff(&attack.env, &image);
    assert_eq!(names(&diff.join("dev")), ["kept"]);
    attack.assert_harmless();
}

#[test]
fn only_user_xattrs_from_a_layer_are_applied() {
    let attack = Attack::new();
    let image = raw_image(
        "attack/xattrs",
        RawTar::new()
            .pax(&[
                ("SCHILY.xattr.user.rcon.kept", b"1"),
                ("SCHILY.xattr.user.overlay.redirect", b"/etc"),
                ("SCHILY.xattr.user.overlay.opaque", b"y"),
                ("SCHILY.xattr.trusted.overlay.opaque", b"y"),
                (
                    "SCHILY.xattr.security.selinux",
                    b"system_u:object_r:shadow_t:s0",
                ),
            ])
            .entry("file", EntryType::Regular, "", b"1"),
    );
    let registry = real_registry(&[&image]);
    attack.pull(&image.reference(&registry.addr), &[]).ok();
    let file = layer_diff(&attack.env, &image).join("file");
    let names: Vec<String> = xattr::list(&file)
        .unwrap()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n != "security.selinux")
        .collect();
    assert_eq!(names, ["user.rcon.kept"]);
    let selinux = xattr::get(&file, "security.selinux").unwrap();
    assert_ne!(
        selinux.as_deref(),
        Some(&b"system_u:object_r:shadow_t:s0"[..])
    );
    attack.assert_harmless();
}

/// The stored files of `image`'s one layer.
fn layer_diff(env: &TestEnv, image: &Image) -> PathBuf {
    let hex = image.layers[0].diff_id.trim_start_matches("sha256:");
    env.data_dir().join("layers").join(hex).join("diff")
}
