//! Pulls under adverse conditions, each against a registry of its own: a
//! re-pull that must not download, a corrupt blob, a pull killed mid-way,
//! and hostile layer tarballs that try to write outside the store.
//!
//! Not covered: a full disk. It needs a small filesystem of its own, which
//! an unprivileged user cannot mount.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;

use crate::common;
use crate::common::{TestEnv, image, user_with_ranges};
use testkit::tar::EntryType;
use testkit::{
    Compression, Format, Image, ImageBuilder, Layer, RawTar, Registry, RegistryOptions, catalog,
};

/// A registry with an access log, holding `images`.
fn registry_with(images: &[&Image]) -> Registry {
    let registry = Registry::start_with(&RegistryOptions {
        access_log: true,
        ..RegistryOptions::default()
    })
    .expect("starting a registry");
    for image in images {
        registry.client().push(image).expect("pushing a test image");
    }
    registry
}

fn blob_downloads(registry: &Registry) -> usize {
    registry
        .requests()
        .iter()
        .filter(|r| r.starts_with("GET ") && r.contains("/blobs/"))
        .count()
}

/// `rcon pull -q REFERENCE` started in the background, its output discarded:
/// for tests that kill it part-way.
fn spawn_pull(env: &TestEnv, reference: &str) -> std::process::Child {
    env.rcon()
        .args(["pull", "-q", "--tls-verify=false", reference])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn entries(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(list) => list
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn pull(env: &TestEnv, reference: &str) -> common::RunResult {
    env.run(&["pull", "--tls-verify=false", reference])
}

#[test]
fn a_repull_of_a_stored_image_downloads_no_blob() {
    let multilayer = image(catalog::MULTILAYER);
    let registry = registry_with(&[multilayer]);
    let env = TestEnv::new(user_with_ranges());
    let reference = multilayer.reference(&registry.addr);
    pull(&env, &reference).ok();
    let first = blob_downloads(&registry);
    assert_eq!(
        first,
        multilayer.layers.len() + 1,
        "layers and config, once each"
    );

    let again = pull(&env, &reference);
    assert!(again.ok().stdout.trim().len() == 64);
    assert_eq!(
        blob_downloads(&registry),
        first,
        "{:#?}",
        registry.requests()
    );
    let manifests = registry
        .requests()
        .iter()
        .filter(|r| r.contains("/manifests/"))
        .count();
    assert!(manifests > 0, "the re-pull did ask for the manifest");
}

/// Requests for manifests with `method` (`GET`, `HEAD`).
fn manifest_requests(registry: &Registry, method: &str) -> usize {
    registry
        .requests()
        .iter()
        .filter(|r| r.starts_with(&format!("{method} ")) && r.contains("/manifests/"))
        .count()
}

#[test]
fn pull_policies_never_always_and_newer() {
    let busybox = image(catalog::BUSYBOX);
    let registry = registry_with(&[busybox]);
    let env = TestEnv::new(user_with_ranges());
    let reference = busybox.reference(&registry.addr);
    let run = |policy: &str, args: &[&str]| {
        let pull = format!("--pull={policy}");
        let mut all = vec!["run", "--rm", "--tls-verify=false", "-q", &pull, &reference];
        all.extend_from_slice(args);
        env.run(&all)
    };

    let pushed = registry.requests().len();
    let never = run("never", &["true"]);
    never.code_is(125);
    assert!(never.stderr.contains(&reference), "{}", never.stderr);
    assert!(
        never.stderr.contains("image not known"),
        "Podman's words: {}",
        never.stderr
    );
    assert_eq!(registry.requests().len(), pushed, "never asks the registry");

    run("missing", &["true"]).ok();
    let (gets, heads) = (
        manifest_requests(&registry, "GET"),
        manifest_requests(&registry, "HEAD"),
    );
    run("always", &["true"]).ok();
    assert!(
        manifest_requests(&registry, "GET") > gets,
        "always fetches the manifest again: {:#?}",
        registry.requests()
    );
    let (gets, blobs) = (
        manifest_requests(&registry, "GET"),
        blob_downloads(&registry),
    );
    run("newer", &["true"]).ok();
    assert_eq!(
        (
            manifest_requests(&registry, "GET"),
            blob_downloads(&registry)
        ),
        (gets, blobs),
        "newer downloads nothing when the registry has the same image: {:#?}",
        registry.requests()
    );
    assert!(
        manifest_requests(&registry, "HEAD") > heads,
        "newer asks for the digest"
    );

    // The same name with another image behind it: newer pulls that.
    let changed = ImageBuilder::new(catalog::BUSYBOX, Format::Oci)
        .layer(catalog::base_layer(Compression::Gzip).unwrap())
        .env("CHANGED=yes")
        .build()
        .unwrap();
    registry.client().push(&changed).unwrap();
    let blobs = blob_downloads(&registry);
    let newer = run("newer", &["sh", "-c", "echo $CHANGED"]);
    assert_eq!(newer.ok().stdout.trim(), "yes");
    assert!(
        blob_downloads(&registry) > blobs,
        "the new config is fetched"
    );

    // An unreachable registry leaves the stored image in use, with a warning.
    drop(registry);
    let offline = run("newer", &["sh", "-c", "echo $CHANGED"]);
    assert_eq!(
        offline.ok().stdout.trim(),
        "yes",
        "{}",
        offline.transcript()
    );
    assert!(
        offline.stderr.contains("using the stored one"),
        "{}",
        offline.stderr
    );
    run("always", &["true"]).code_is(125);
}

#[test]
fn a_corrupt_blob_fails_the_pull_and_stores_nothing() {
    let busybox = image(catalog::BUSYBOX);
    let registry = registry_with(&[busybox]);
    let layer = &busybox.layers[0];
    let hex = layer.digest.trim_start_matches("sha256:");
    let data = registry
        .data_dir()
        .join("docker/registry/v2/blobs/sha256")
        .join(&hex[..2])
        .join(hex)
        .join("data");
    // Change the gzip header's MTIME field: the layer's content (and diff ID)
    // stay the same, only the blob digest is wrong.
    let mut blob = std::fs::read(&data).unwrap();
    assert_eq!(&blob[..2], [0x1f, 0x8b]);
    blob[4] ^= 0x01;
    std::fs::write(&data, &blob).unwrap();

    let env = TestEnv::new(user_with_ranges());
    let result = pull(&env, &busybox.reference(&registry.addr));
    result.code_is(125);
    assert!(
        result.stderr.to_lowercase().contains("digest"),
        "{}",
        result.transcript()
    );
    assert!(entries(&env.data_dir().join("layers")).is_empty());
    assert!(entries(&env.data_dir().join("images")).is_empty());
    assert!(
        entries(&env.data_dir().join("tmp")).is_empty(),
        "work dir removed"
    );
    assert_eq!(env.run(&["images", "-q"]).ok().stdout, "");
}

/// The ~100 MB benchmark image, built once per test process.
fn big_image() -> &'static Image {
    static BIG: OnceLock<Image> = OnceLock::new();
    BIG.get_or_init(|| catalog::image(catalog::BIG).expect("building the big image"))
}

/// Bytes of layer blobs written so far into the store's work area.
fn bytes_in_flight(data_dir: &Path) -> u64 {
    let tmp = data_dir.join("tmp");
    entries(&tmp)
        .iter()
        .filter_map(|dir| std::fs::metadata(tmp.join(dir).join("blob")).ok())
        .map(|m| m.len())
        .sum()
}

#[test]
fn a_pull_killed_midway_leaves_a_store_the_next_pull_completes() {
    let big = big_image();
    let registry = registry_with(&[big]);
    let reference = big.reference(&registry.addr);
    let env = TestEnv::new(user_with_ranges());
    let mut child = spawn_pull(&env, &reference);
    // Kill it once it is part-way through a layer blob (4 MiB in).
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the pull ended ({status}) before it could be killed mid-way");
        }
        if bytes_in_flight(&env.data_dir()) > 4 << 20 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        entries(&env.data_dir().join("images")).is_empty(),
        "killed before the image was complete"
    );
    assert_eq!(
        env.run(&["images", "-q"]).ok().stdout,
        "",
        "the store is usable"
    );

    let id = env.run(&["pull", "-q", "--tls-verify=false", &reference]);
    assert_eq!(
        format!("sha256:{}", id.ok().stdout.trim()),
        big.config_digest
    );
    let listed = env.run(&["images", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&listed.ok().stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(
        entries(&env.data_dir().join("layers")).len(),
        big.layers.len()
    );
    assert!(
        entries(&env.data_dir().join("tmp")).is_empty(),
        "the killed pull's work dir was swept"
    );
}

/// The layers in the store, each checked to be whole: its record, its
/// files and its blob, all made visible by one rename.
fn stored_layers_are_whole(data_dir: &Path) -> usize {
    let layers = data_dir.join("layers");
    let stored = entries(&layers);
    for hex in &stored {
        let dir = layers.join(hex);
        let record = std::fs::read(dir.join("layer.json"))
            .unwrap_or_else(|e| panic!("layer {hex} is visible without its record: {e}"));
        let record: serde_json::Value = serde_json::from_slice(&record).unwrap();
        assert_eq!(record["diffId"], format!("sha256:{hex}"));
        assert!(dir.join("diff").is_dir(), "layer {hex} has its files");
        assert!(dir.join("blob").is_file(), "layer {hex} has its blob");
    }
    stored.len()
}

#[test]
fn a_pull_killed_at_each_stage_of_storing_layers_leaves_only_whole_layers() {
    // Four layers, one of 3000 files: killed once a work dir exists, then once
    // one layer and once two layers are stored (whichever comes first, if the
    // pull is faster than the watch, it simply completes).
    let multilayer = image(catalog::MULTILAYER);
    let registry = registry_with(&[multilayer]);
    let reference = multilayer.reference(&registry.addr);
    let env = TestEnv::new(user_with_ranges());
    let data_dir = env.data_dir();
    for stored_before_kill in [0, 1, 2] {
        env.run(&["rmi", "-a", "-f"]).ok();
        let mut child = spawn_pull(&env, &reference);
        while child.try_wait().unwrap().is_none() {
            let working = !entries(&data_dir.join("tmp")).is_empty();
            if working && entries(&data_dir.join("layers")).len() >= stored_before_kill {
                child.kill().unwrap();
                child.wait().unwrap();
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        stored_layers_are_whole(&data_dir);
        env.run(&["images", "-q"]).ok(); // the store is usable
    }
    let id = env.run(&["pull", "-q", "--tls-verify=false", &reference]);
    assert_eq!(
        format!("sha256:{}", id.ok().stdout.trim()),
        multilayer.config_digest
    );
    assert_eq!(stored_layers_are_whole(&data_dir), multilayer.layers.len());
    let opaque = env.run(&[
        "run",
        "--rm",
        &reference,
        "ls",
        catalog::multilayer::OPAQUE_DIR,
    ]);
    assert_eq!(opaque.ok().stdout.trim(), "new");
}

// ---------------------------------------------------------------------------
// Hostile layers

fn hostile_image(name: &str, entries: &[(&str, EntryType, &str, &[u8])]) -> Image {
    // Exactly these bytes as names and links: what a hostile tool writes.
    let mut tar = RawTar::new();
    for (path, kind, link, data) in entries {
        tar.entry(path, *kind, link, data);
    }
    let layer = Layer::new(&tar.finish(), Compression::Gzip, name).unwrap();
    ImageBuilder::new(&format!("rcon-test/hostile/{name}"), Format::Oci)
        .layer(layer)
        .build()
        .unwrap()
}

/// Where a path that was absolute in a layer lands inside `layer_dir`.
fn inside(layer_dir: &Path, absolute: &Path) -> PathBuf {
    layer_dir.join(absolute.strip_prefix("/").unwrap())
}

#[test]
fn hostile_layers_are_refused_or_contained_and_nothing_is_written_outside() {
    let env = TestEnv::new(user_with_ranges());
    // A directory the test user may write to, outside the store.
    let sentinel = env.home.join("sentinel");
    std::fs::create_dir(&sentinel).unwrap();
    let target = sentinel.join("target-file");
    std::fs::write(&target, "original\n").unwrap();
    if testkit::host::is_root() {
        for path in [&sentinel, &target] {
            std::os::unix::fs::chown(path, Some(env.user.uid), Some(env.user.gid)).unwrap();
        }
    }
    let outside = sentinel.to_str().unwrap();
    let up = "../".repeat(30);
    let relative = format!("{up}{}", outside.trim_start_matches('/'));
    let file = EntryType::Regular;
    let (symlink, hardlink) = (EntryType::Symlink, EntryType::Link);

    let refused = [
        hostile_image(
            "dotdot",
            &[(&format!("{relative}/dotdot"), file, "", b"escaped\n")],
        ),
        hostile_image(
            "hardlink-absolute",
            &[
                ("hl", hardlink, target.to_str().unwrap(), b""),
                ("hl", file, "", b"written through a hardlink\n"),
            ],
        ),
        // A link to a directory the layer does not have: refused, not followed out.
        hostile_image(
            "symlink-to-outside-then-write",
            &[
                ("link-out", symlink, outside, b""),
                ("link-out/through-symlink", file, "", b"through a symlink\n"),
            ],
        ),
        hostile_image(
            "hardlink-dotdot",
            &[("hl", hardlink, &format!("{relative}/target-file"), b"")],
        ),
    ];
    let absolute_file = format!("{outside}/absolute");
    let through_link = "link-out/through-symlink";
    let through_dotdot = format!("up/{}/through-dotdot-link", outside.trim_start_matches('/'));
    let contained = [
        hostile_image("absolute", &[(&absolute_file, file, "", b"absolute\n")]),
        // The layer has its own copy of the sentinel's path (made by the
        // first entry), so links to it resolve, inside the layer.
        hostile_image(
            "symlink-then-write",
            &[
                (&absolute_file, file, "", b"absolute\n"),
                ("link-out", symlink, outside, b""),
                (through_link, file, "", b"through a symlink\n"),
                ("up", symlink, &up, b""),
                (&through_dotdot, file, "", b"through a dotdot link\n"),
            ],
        ),
    ];
    let all: Vec<&Image> = refused.iter().chain(&contained).collect();
    let registry = registry_with(&all);

    for image in &refused {
        let result = pull(&env, &image.reference(&registry.addr));
        result.code_is(125);
        assert!(
            result.stderr.contains("refus") || result.stderr.contains(".."),
            "{}: {}",
            image.name,
            result.transcript()
        );
    }
    assert!(entries(&env.data_dir().join("layers")).is_empty());
    for image in &contained {
        pull(&env, &image.reference(&registry.addr)).ok();
    }

    assert_eq!(entries(&sentinel), ["target-file"], "nothing new outside");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "original\n");
    assert_eq!(std::fs::metadata(&target).unwrap().nlink(), 1);

    let layer_of = |image: &Image| {
        let hex = image.layers[0].diff_id.trim_start_matches("sha256:");
        env.data_dir().join("layers").join(hex).join("diff")
    };
    let absolute = layer_of(&contained[0]);
    assert_eq!(
        std::fs::read_to_string(inside(&absolute, Path::new(&absolute_file))).unwrap(),
        "absolute\n"
    );
    let links = layer_of(&contained[1]);
    let landed = inside(&links, &sentinel);
    assert_eq!(
        std::fs::read_to_string(landed.join("through-symlink")).unwrap(),
        "through a symlink\n"
    );
    assert_eq!(
        std::fs::read_to_string(landed.join("through-dotdot-link")).unwrap(),
        "through a dotdot link\n"
    );
}

/// A store on a full filesystem: the pull fails with a clear error and keeps
/// no half layer. The small filesystem is a tmpfs the test mounts, which
/// needs root; rcon itself still runs as the unprivileged test user.
#[test]
fn a_full_disk_fails_the_pull_cleanly() {
    if !testkit::host::is_root() {
        eprintln!("skipped: mounting a small tmpfs for the store needs root");
        return;
    }
    let user = user_with_ranges();
    let env = TestEnv::new(user);
    let root = env.base.join("tiny-store");
    std::fs::create_dir_all(&root).unwrap();
    let mounted = std::process::Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=1m,mode=0755",
            "tiny",
            root.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(mounted.success(), "mounting the tmpfs");
    std::os::unix::fs::chown(&root, Some(user.uid), Some(user.gid)).unwrap();
    let reference = common::image_ref(testkit::catalog::BUSYBOX);
    let result = env.run(&[
        "--root",
        root.to_str().unwrap(),
        "pull",
        "--tls-verify=false",
        &reference,
    ]);
    let layers = entries(&root.join("layers"));
    let temp = entries(&root.join("tmp"));
    let _ = std::process::Command::new("umount").arg(&root).status();
    assert_eq!(result.code, Some(125), "{}", result.transcript());
    assert!(
        result.stderr.contains("No space left on device"),
        "{}",
        result.stderr
    );
    assert_eq!(
        result
            .stderr
            .trim()
            .lines()
            .filter(|l| l.starts_with("Error"))
            .count(),
        1,
        "{}",
        result.stderr
    );
    assert!(layers.is_empty(), "no half layer kept: {layers:?}");
    assert!(temp.is_empty(), "no work dir left: {temp:?}");
}

#[test]
fn a_config_with_wrong_typed_fields_is_refused_with_the_reason_and_stores_nothing() {
    let docker = image(catalog::DOCKER_SCHEMA2);
    type ConfigEdit = fn(&mut testkit::serde_json::Value);
    let edits: [(&str, ConfigEdit); 3] = [
        ("wrong-env", |config| {
            config["config"]["Env"] = "PATH=/bin".into()
        }),
        ("wrong-healthcheck", |config| {
            config["config"]["Healthcheck"] = testkit::serde_json::json!({"Retries": "three"})
        }),
        ("wrong-rootfs", |config| config["rootfs"] = 1.into()),
    ];
    let hostile: Vec<Image> = edits
        .iter()
        .map(|(name, edit)| docker.edited(&format!("rcon-test/{name}"), edit, |_| {}))
        .collect();
    let registry = registry_with(&hostile.iter().collect::<Vec<_>>());
    let env = TestEnv::new(user_with_ranges());
    for (image, wanted) in hostile.iter().zip([
        "invalid type: string \"PATH=/bin\", expected a sequence",
        "invalid type: string \"three\", expected i64",
        "invalid type: integer `1`",
    ]) {
        let result = pull(&env, &image.reference(&registry.addr));
        result.code_is(125);
        assert!(
            result.stderr.lines().any(|line| line.starts_with("Error: ")
                && line.contains("the image config is not valid: ")
                && line.contains(wanted)),
            "{}",
            result.transcript()
        );
    }
    assert!(entries(&env.data_dir().join("images")).is_empty());
    assert_eq!(env.run(&["images", "-q"]).ok().stdout, "");
}
